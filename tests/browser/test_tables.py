"""Wide tables in Chromium at 320 px: the table scrolls in its box, the page does not (WCAG
1.4.10); the box takes Tab and scrolls with the arrow keys, left to right and right to left;
axe finds nothing; a table that fits looks as it did without a box. The fixture site is built
here with the tables of tests/test_blogcore_tables.py (Markdown, HTML and reST posts)."""

import json

import pytest
from playwright.sync_api import Page

from sitecheck.a11y import axe_violations, describe
from tests.browser.serving import serve_build
from tests.test_blogcore_tables import HTML_POST, RST_POST, WIDE_POST

ARABIC = WIDE_POST.replace("Title: Wide tables", "Title: جداول عريضة\nLang: ar\nSlug: wide-ar")
PAGES = {
    "markdown": "/posts/wide-tables/",
    "html": "/posts/wide-html/",
    "rest": "/posts/wide-rest/",
    "arabic": "/ar/posts/wide-ar/",
}
SIDEWAYS = "() => document.documentElement.scrollWidth"
# each box: does it scroll (its table wider than it)?
SCROLLS = """() => [...document.querySelectorAll('.post-content .table-scroll')]
  .map(box => box.scrollWidth > box.clientWidth)"""

# each box: does it take Tab?
TAB_STOPS = """[...document.querySelectorAll('.post-content .table-scroll')]
  .map(b => b.hasAttribute('tabindex'))"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    files = {
        "posts/wide.md": WIDE_POST,
        "posts/wide-ar.md": ARABIC,
        "posts/wide.html": HTML_POST,
        "posts/wide.rst": RST_POST,
    }
    with serve_build(tmp_path_factory.mktemp("tables"), files) as built:
        yield built


@pytest.fixture
def open_page(browser):
    contexts = []

    def opener(path: str, width: int = 320, scheme: str = "light", js: bool = True) -> Page:
        context = browser.new_context(
            viewport={"width": width, "height": 800},
            color_scheme=scheme,
            java_script_enabled=js,
            bypass_csp=True,  # axe is added as a script
        )
        contexts.append(context)
        page = context.new_page()
        page.goto(path)
        return page

    yield opener
    for context in contexts:
        context.close()


@pytest.mark.parametrize("js", [True, False])
@pytest.mark.parametrize("name", list(PAGES))
def test_only_the_wide_tables_scroll_at_320_px(open_page, site, screenshots, name, js):
    page = open_page(site.siteurl + PAGES[name], js=js)
    page.screenshot(path=str(screenshots / f"tables-{name}-320.png"), full_page=True)
    assert page.evaluate(SIDEWAYS) <= 320
    expected = {
        "markdown": [True, True, False],  # 12 columns, a long URL and a long word, two columns
        "arabic": [True, True, False],
        "html": [True, True, True],  # the third has no name: no region, but it takes Tab
        "rest": [True],
    }[name]
    assert page.evaluate(SCROLLS) == expected
    # with JavaScript a box takes Tab only while its table does not fit (site.js)
    tab_stops = expected if js else [True] * len(expected)
    expected_json = json.dumps(tab_stops, separators=(",", ":"))
    page.wait_for_function(f"() => JSON.stringify({TAB_STOPS}) === '{expected_json}'")


def test_a_box_takes_tab_again_once_its_table_no_longer_fits(open_page, site):
    page = open_page(site.siteurl + PAGES["markdown"], 1280)
    # at 1280 px only the 12 columns do not fit; at 320 px the long word does not either
    page.wait_for_function(f"() => JSON.stringify({TAB_STOPS}) === '[true,false,false]'")
    box = page.locator(".post-content .table-scroll").nth(1)
    assert box.get_attribute("role") is None and box.get_attribute("aria-labelledby") is None
    page.set_viewport_size({"width": 320, "height": 800})
    page.wait_for_function(f"() => JSON.stringify({TAB_STOPS}) === '[true,true,false]'")
    assert box.get_attribute("role") == "region" and box.get_attribute("aria-labelledby")


@pytest.mark.parametrize("name", ["markdown", "html"])
def test_on_paper_a_wide_table_is_not_cut(open_page, site, name):
    page = open_page(site.siteurl + PAGES[name], 800)
    page.emulate_media(media="print")
    assert page.evaluate(SCROLLS) == [False] * len(page.evaluate(SCROLLS))
    assert page.evaluate(SIDEWAYS) <= 800


@pytest.mark.parametrize(
    ("name", "key", "sign"), [("markdown", "ArrowRight", 1), ("arabic", "ArrowLeft", -1)]
)
def test_tab_reaches_the_box_and_the_arrows_scroll_it(open_page, site, name, key, sign):
    page = open_page(site.siteurl + PAGES[name])
    for _ in range(60):  # the header's links, then the post's
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('.table-scroll')"):
            break
    else:
        pytest.fail("Tab never reached a table's box")
    box = page.locator(".table-scroll:focus")
    assert box.get_attribute("aria-labelledby")
    assert box.evaluate("b => getComputedStyle(b).outlineStyle") == "solid"  # a focus ring
    assert box.evaluate("b => b.scrollLeft") == 0
    for _ in range(3):
        page.keyboard.press(key)
    page.wait_for_function("() => document.activeElement.scrollLeft !== 0")
    assert sign * box.evaluate("b => b.scrollLeft") > 0
    assert page.evaluate("() => window.scrollX") == 0  # the box scrolled, not the page


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_nothing(open_page, site, axe_script, name, scheme, width):
    page = open_page(site.siteurl + PAGES[name], width, scheme)
    assert [describe(v) for v in axe_violations(page, axe_script)] == []


# the last table (Opening hours) out of its box, as it was before tables had one
UNBOX = """() => { const box = [...document.querySelectorAll('.post-content .table-scroll')].pop();
  box.replaceWith(box.firstElementChild); }"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 1280])
def test_a_table_that_fits_looks_as_it_did_without_a_box(open_page, site, scheme, width):
    page = open_page(site.siteurl + PAGES["markdown"], width, scheme)
    narrow = page.locator(".post-content table").last  # Opening hours: two short columns
    narrow.scroll_into_view_if_needed()
    before = narrow.bounding_box()
    boxed = page.screenshot(clip=_around(before))
    page.evaluate(UNBOX)
    after = page.locator(".post-content table").last.bounding_box()
    assert after == before
    assert page.screenshot(clip=_around(after)) == boxed


def _around(box: dict) -> dict:
    """The table's area and a little of the page around it (the box's margin, its shadows)."""
    return {
        "x": 0,
        "y": box["y"] - 16,
        "width": box["x"] + box["width"] + 16,
        "height": box["height"] + 48,
    }
