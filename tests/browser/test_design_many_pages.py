"""The header of a site with many pages (an adopted WordPress blog's 25), in Chromium.

WordPress's theme unit test data put all its pages in the header: five rows at 1280 px and a
search box squeezed to 26 px. The header names the first two pages and keeps one row; the
footer lists the others, so each page is still one link from every page.
"""

import pytest

from tests.browser.serving import serve_build

# titles of the kind the theme unit test data has: long ones, Greek ones, child pages
TITLES = [
    "About The Tests",
    "Clearing Floats",
    "Page Image Alignment",
    "Page Markup And Formatting",
    "Lorem Ipsum",
    "Page with comments",
    "Page with comments disabled",
    "Level 1",
    "Level 2",
    "Level 3",
    "Level 2a",
    "Level 2b",
    "Level 3a",
    "Level 3b",
    "Ελληνικά σελίδα",
    "Σχετικά με εμάς",
    "Blog",
    "Front Page",
    "Privacy Policy",
    "Sample Page",
    "Page with a very long title that goes on and on",
    "Contact",
    "Careers at the company",
    "Press",
    "Ürün kılavuzu",
]


def _files() -> dict[str, str]:
    return {
        f"pages/p{n:02d}.md": f"Title: {title}\nSlug: p{n:02d}\n\nText.\n"
        for n, title in enumerate(TITLES)
    }


def _box(page, selector: str) -> dict:
    return page.locator(selector).first.evaluate(
        "e => { const r = e.getBoundingClientRect();"
        " return {top: r.top, bottom: r.bottom, width: r.width, height: r.height}; }"
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with serve_build(tmp_path_factory.mktemp("many-pages"), _files()) as built:
        yield built


@pytest.fixture
def open_page(browser, site):
    """open_page(path, width): the page in a context of its own, closed after the test."""
    made = []

    def opener(path: str, width: int):
        made.append(browser.new_context(viewport={"width": width, "height": 800}))
        page = made[-1].new_page()
        page.goto(site.siteurl + path)
        return page

    yield opener
    for context in made:
        context.close()


# width -> the tallest header allowed: one row at 64rem and wider (the sample site's is about
# 65 px); two at most where a long title or two wrap; the phone's brand and button as before
ROWS = {1280: 90, 1024: 130, 375: 80}


@pytest.mark.parametrize("path", ["/", "/p20/"])
@pytest.mark.parametrize("width", ROWS)
def test_many_pages_keep_the_header_short_and_the_search_box_usable(
    open_page, screenshots, path, width
):
    page = open_page(path, width)
    page.screenshot(path=str(screenshots / f"many-pages-{width}-{path.strip('/') or 'home'}.png"))
    header = _box(page, ".site-header")
    assert header["height"] <= ROWS[width], header  # was 5 rows (about 250 px) at 1280
    if width >= 1024:
        search = _box(page, ".site-search__input")
        assert search["width"] >= 160, search  # 10rem; was 26 px


def test_every_page_is_one_link_from_every_page(open_page):
    page = open_page("/p00/", 1280)
    hrefs = page.evaluate(
        "() => [...document.querySelectorAll('.site-nav a, .site-footer nav a')]"
        ".filter(a => a.offsetParent !== null).map(a => new URL(a.href).pathname)"
    )
    assert {f"/p{n:02d}/" for n in range(len(TITLES))} <= set(hrefs)
