"""A page in another script in the phone menu, in Chromium: its link lines up with the others.

An English site listing an Arabic page (`Lang: ar`) marks that link `dir="rtl"`, so that its
title reads right to left; the open menu on a phone is one link a row, each a full-width flex
box, and the Arabic title sat at the right edge while every other link started at the left
(seen at 360 px; the fixture's words are the ones that showed it).
"""

import pytest

from tests.browser.serving import serve_build

ARABIC_PAGE = "Title: من نحن\nSlug: man-nahnu\nLang: ar\n\nتعاونية صغيرة تبني برامج الحجز.\n"

# Where each menu link's words start and end on screen (a Range over the link's contents, not
# the link's box: the box is the full row whichever side the words are on), and its direction.
WORDS = """() => [...document.querySelectorAll('.site-nav a')].map(a => {
  const range = document.createRange();
  range.selectNodeContents(a);
  const r = range.getBoundingClientRect();
  return {text: a.textContent.trim(), left: r.left, right: r.right,
          dir: getComputedStyle(a).direction};
})"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    files = {"pages/man-nahnu.md": ARABIC_PAGE}
    with serve_build(tmp_path_factory.mktemp("menu-langs"), files) as built:
        yield built


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_arabic_page_in_the_phone_menu_starts_where_the_others_do(
    browser, site, screenshots, scheme
):
    context = browser.new_context(viewport={"width": 360, "height": 800}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(site.siteurl + "/")
        page.locator("summary.site-menu__button").click()
        links = {link["text"]: link for link in page.evaluate(WORDS)}
        page.screenshot(path=str(screenshots / f"menu-langs-360-{scheme}.png"))
        arabic, home = links["من نحن"], links["Home"]
        assert arabic["dir"] == "rtl"  # the title still reads right to left
        assert home["dir"] == "ltr"
        lefts = {text: round(link["left"]) for text, link in links.items() if link["text"]}
        # every link's words start at the menu's start (the feed link's after its icon)
        assert abs(arabic["left"] - home["left"]) < 1, lefts
    finally:
        context.close()
