"""An article on paper: title, byline, text, pictures and captions, black on white.

Printed through Chromium's print emulation and its PDF writer (headless Chromium prints).
"""

import re

import pytest
from playwright.sync_api import Page

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


WIDGET = "/posts/making-the-availability-widget-fast/"
# links put in the article's text, each with what it prints after it on paper ({site}: the
# address it is served at): a printed post keeps where its links point
LINKS = {
    "ext": (f'href="{EXTERNAL}">Range types', EXTERNAL),
    "int": (f'href="{{site}}{WIDGET}">our widget', f"{{site}}{WIDGET}"),
    "rel": (f'href="{WIDGET}">the widget', f"{{site}}{WIDGET}"),  # in full, not "/posts/…"
    "anchor": ('href="#links">above', None),  # a place in the page
    "same": (f'href="{EXTERNAL}">{EXTERNAL}', None),  # its text is its address
    "bare": ('href="https://www.example.org/docs/">example.org/docs', None),
    "mail": ('href="mailto:team@example.org">write to us', None),
}


def _with_links(page: Page, siteurl: str) -> None:
    """Serve the article with the links of LINKS in its text."""
    links = " ".join(
        f'<a id="{name}" {markup.format(site=siteurl)}</a>' for name, (markup, _) in LINKS.items()
    )

    def handle(route):
        response = route.fetch()
        body = response.text().replace(
            '<div class="post-content e-content">',
            f'<div class="post-content e-content"><p id="links">{links}.</p>',
            1,
        )
        route.fulfill(response=response, body=body)

    page.route(re.compile(r".*/posts/why-we-store-bookings-as-postgresql-ranges/$"), handle)


def _after(page: Page, selector: str) -> str:
    return page.evaluate(
        "s => getComputedStyle(document.querySelector(s), '::after').content", selector
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
        _with_links(page, served_site.siteurl)
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


def test_links_in_the_text_print_where_they_point(printed, served_site):
    """Only links leaving the site printed their address: a link to another post printed
    nothing, and one whose text was its address printed it twice."""
    page = printed(ARTICLE)
    page.wait_for_function("() => document.documentElement.classList.contains('links-marked')")
    for name, (_, printed_address) in LINKS.items():
        after = _after(page, f"#{name}")
        if printed_address is None:
            assert after in ("none", "normal"), name
        else:
            assert after == f'" ({printed_address.format(site=served_site.siteurl)})"', name
    # nor the links around the post: the brand link and the footer's
    assert _after(page, ".site-brand__name") in ("none", "normal")


def test_without_javascript_absolute_links_print_their_address(printed):
    page = printed(ARTICLE, js=False)
    assert EXTERNAL in _after(page, "#ext")


def test_the_article_prints_on_fewer_pages(printed, screenshots):
    page = printed(ARTICLE)
    for paper in ("A4", "Letter"):
        pdf = page.pdf(format=paper)
        pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
        assert 1 <= pages <= 4, (paper, pages)  # 6 before, on either paper
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.screenshot(path=str(screenshots / "print-article-a4.png"), full_page=True)
