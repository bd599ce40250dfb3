"""Task lists (pymdownx.tasklist, which a site's MARKDOWN may turn on) in Chromium, light and
dark: no bullet beside a box, and a ticked box told from an empty one at 3:1 or more against
the page (WCAG 1.4.11), not the browser's pale disabled look (about 1.3:1); axe finds nothing.
The post is the task list as the extension writes it, in both of its forms (tests/
test_sanitiser_hints.py), as the sanitiser keeps it."""

import pytest

from sitecheck.a11y import axe_violations, describe
from tests.browser.colours import contrast
from tests.browser.serving import serve_build
from tests.test_sanitiser_hints import CUSTOM, TASKS

POST = (
    "Title: Moving day\nDate: 2025-05-05 10:00\nAuthor: Ada Byrne\nCategory: Company\n"
    "Summary: What is left to do before the move.\n\n" + TASKS + "\n\n" + CUSTOM + "\n"
)
PAGE = "/posts/moving-day/"

# each item: its list marker, and its box's fill, border and tick colours, and the page's
BOXES = """() => {
  const page = getComputedStyle(document.body).backgroundColor;
  return [...document.querySelectorAll('.post-content li.task-list-item')].map(item => {
    const box = item.querySelector('input[type=checkbox]');
    const style = getComputedStyle(box);
    const tick = getComputedStyle(box, '::before');
    return {
      marker: getComputedStyle(item).listStyleType,
      checked: box.checked,
      fill: style.backgroundColor === 'rgba(0, 0, 0, 0)' ? page : style.backgroundColor,
      border: style.borderTopColor,
      tick: tick.content !== 'none' && tick.content !== '' ? tick.borderRightColor : null,
      page,
    };
  });
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with serve_build(tmp_path_factory.mktemp("tasks"), {"posts/moving-day.md": POST}) as built:
        yield built


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_ticked_box_reads_as_done_and_no_bullet_beside_it(
    browser, site, screenshots, axe_script, scheme
):
    context = browser.new_context(
        viewport={"width": 800, "height": 900}, color_scheme=scheme, bypass_csp=True
    )
    try:
        page = context.new_page()
        page.goto(site.siteurl + PAGE)
        page.locator(".post-content .task-list").first.screenshot(
            path=str(screenshots / f"task-list-{scheme}.png")
        )
        boxes = page.evaluate(BOXES)
        assert [box["checked"] for box in boxes] == [True, False, False, True, False]
        for box in boxes:
            assert box["marker"] == "none", box
            # the box's edge is seen against the page, ticked or not
            assert contrast(box["border"], box["page"]) >= 3, box
            if box["checked"]:
                # filled: told from an empty box by its fill, and its tick seen on the fill
                assert contrast(box["fill"], box["page"]) >= 3, box
                assert box["tick"] is not None and contrast(box["tick"], box["fill"]) >= 3, box
            else:
                assert box["fill"] == box["page"] and box["tick"] is None, box
        assert [describe(v) for v in axe_violations(page, axe_script)] == []
    finally:
        context.close()
