"""An article on paper: title, byline, text, pictures and captions, black on white.

Printed through Chromium's print emulation and its PDF writer (headless Chromium prints).
"""

import re

import pytest
from playwright.sync_api import Page

from tests.browser.serving import serve_build

ARTICLE = "/posts/why-we-store-bookings-as-postgresql-ranges/"
WITH_COMMENTS = "/posts/2024-in-review/"
WITH_GALLERY = "/posts/four-days-in-the-drome/"
EXTERNAL = "https://example.org/range-types"

HIDDEN_ON_PAPER = [
    ".skip-link",
    ".site-menu",
    ".site-nav",
    ".site-search",
    ".share-links",
    ".newsletter",
    ".series-nav",
    ".related-posts",
    ".comments",
    ".site-footer nav",
    "form",
    "button",
]


# a post whose text links every way, each link with what it prints after it on paper
# ({site}: the address the site is served at): a printed post keeps where its links point;
# the addresses are written when the page is built, so printing needs no JavaScript
LINKS = {
    "Range types": (f"[Range types]({EXTERNAL})", EXTERNAL),
    "our widget": ("[our widget]({filename}/posts/print-target.md)", "{site}/posts/print-target/"),
    "the widget": ("[the widget](/posts/print-target/)", "{site}/posts/print-target/"),  # in full
    "above": ("[above](#top)", None),  # a place in the page
    EXTERNAL: (f"<{EXTERNAL}>", None),  # its text is its address
    "example.org/docs": ("[example.org/docs](https://www.example.org/docs/)", None),
    "write to us": ("[write to us](mailto:team@example.org)", None),
}
LINKED = "/posts/print-links/"
HEAD = "Date: 2024-03-0{}\nCategory: Company\nAuthor: Ada Byrne\n"
FILES = {
    "posts/print-links.md": f"Title: Print links\n{HEAD.format(2)}\n"
    + ", ".join(markup for markup, _ in LINKS.values())
    + ".\n",
    "posts/print-target.md": f"Title: Print target\n{HEAD.format(1)}\nThe widget.\n",
}


@pytest.fixture(scope="module")
def links_site(tmp_path_factory, browser_type_launch_args):
    """The fixture site with a post of LINKS, built and served."""
    with serve_build(tmp_path_factory.mktemp("print-links"), FILES) as built:
        yield built


def _after(page: Page, selector: str) -> str:
    return page.evaluate(
        "s => getComputedStyle(document.querySelector(s), '::after').content", selector
    )


def _printed_after_links(page: Page) -> dict[str, str]:
    """Each link of the post's text, by its text: what prints after it."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('.post-content a')].map(
             a => [a.textContent.trim(), getComputedStyle(a, '::after').content]))"""
    )


@pytest.fixture
def printed(browser, served_site):
    contexts = []

    def opener(path: str, scheme: str = "light", js: bool = True) -> Page:
        context = browser.new_context(
            viewport={"width": 1280, "height": 900}, color_scheme=scheme, java_script_enabled=js
        )
        contexts.append(context)
        page = context.new_page()
        page.goto(served_site.siteurl + path)
        page.emulate_media(media="print")
        return page

    yield opener
    for context in contexts:
        context.close()


@pytest.mark.parametrize("path", [ARTICLE, WITH_COMMENTS, WITH_GALLERY])
def test_print_hides_navigation_forms_buttons_and_the_parts_around_the_post(printed, path):
    page = printed(path)
    page.wait_for_load_state("networkidle")
    for selector in HIDDEN_ON_PAPER:
        shown = page.locator(selector).evaluate_all(
            "items => items.filter(e => e.checkVisibility()).map(e => e.outerHTML.slice(0, 80))"
        )
        assert shown == [], selector
    if path == WITH_COMMENTS:
        assert page.locator(".comments").count() == 1  # there, and not printed
    for selector in ("article.post h1", ".post-meta", ".post-content"):
        assert page.locator(selector).first.is_visible(), selector
    if path == ARTICLE:  # its diagram
        assert page.locator(".post-content img").first.is_visible()
    if path == WITH_GALLERY:  # pictures and captions
        assert page.locator(".gallery figure img").first.is_visible()
        assert page.locator(".gallery figcaption").first.is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_print_is_black_on_white_in_either_scheme(printed, scheme):
    page = printed(ARTICLE, scheme)
    colours = page.evaluate(
        """() => ['body', 'article.post h1', '.post-content p', '.post-content pre']
             .map(s => getComputedStyle(document.querySelector(s)).color)"""
    )
    assert colours == ["rgb(0, 0, 0)"] * 4
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(255, 255, 255)"


@pytest.mark.parametrize("js", [True, False])
def test_links_in_the_text_print_where_they_point(browser, links_site, js):
    """Only links leaving the site printed their address: a link to another post printed
    nothing, and one whose text was its address printed it twice; without JavaScript a
    link to another post printed nothing still, and the address-as-text one twice."""
    context = browser.new_context(java_script_enabled=js)
    try:
        page = context.new_page()
        page.goto(links_site.siteurl + LINKED)
        page.emulate_media(media="print")
        printed = _printed_after_links(page)
        expected = {
            text: "none" if address is None else f'" ({address.format(site=links_site.siteurl)})"'
            for text, (_, address) in LINKS.items()
        }
        assert {t: a.replace("normal", "none") for t, a in printed.items()} == expected
        # nor the links around the post: the brand link
        assert _after(page, ".site-brand__name") in ("none", "normal")
        # the address is not underlined with the link (text decoration does not reach into
        # an inline-block), nor does it change the link's own text
        shown = page.evaluate(
            """() => getComputedStyle(
                 document.querySelector('.post-content a[data-print-href]'), '::after').display"""
        )
        assert shown == "inline-block"
    finally:
        context.close()


def test_the_article_prints_on_fewer_pages(printed, screenshots):
    page = printed(ARTICLE)
    for paper in ("A4", "Letter"):
        pdf = page.pdf(format=paper)
        pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
        assert 1 <= pages <= 4, (paper, pages)  # 6 before, on either paper
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.screenshot(path=str(screenshots / "print-article-a4.png"), full_page=True)
