"""The sample site in a real Chromium: it renders, navigates, and fits every width."""

import re

import pytest
from playwright.sync_api import Page, expect

# Every kind of page the site has (their screenshots are kept in test-artifacts/screenshots/).
PAGES = {
    "home": "/",
    "article": None,  # the newest post, found at run time
    "series-part": "/posts/making-the-availability-widget-fast/",
    "gallery-post": "/posts/a-dinner-for-easton-table/",
    "french-post": "/fr/posts/the-volunteers-who-translate-tessellate/",
    "team": "/team/",
    "profile": "/team/sam-whitlock/",
    "series": "/series/inside-the-booking-engine/",
    "series-index": "/series/",
    "gallery": "/galleries/easton-table-dinner/",
    "galleries": "/galleries/",
    "tag": "/tag/postgresql/",
    "category": "/category/engineering/",
    "tags": "/tag/",
    "archives": "/archives/",
    "search": "/search/",
    "about": "/about/",
    "older-posts": "/page/2/",
    "notfound": "/404.html",
}


def _article_path(page: Page, base: str) -> str:
    page.goto(base + "/")
    return page.locator("article.post-card h2 a").first.get_attribute("href").removeprefix(base)


def test_home_renders(page: Page, served_site):
    page.goto(served_site.siteurl + "/")
    expect(page).to_have_title(re.compile("Tessellate"))
    expect(page.locator("main#main")).to_be_visible()
    assert page.locator("article.post-card").count() >= 3
    expect(page.locator("article.post-card h2 a").first).to_be_visible()


def test_navigation_by_click(page: Page, served_site):
    page.goto(served_site.siteurl + "/")
    first = page.locator("article.post-card h2 a").first
    title = first.inner_text()
    first.click()
    expect(page.locator("article.post h1")).to_have_text(title)
    expect(page.locator(".author-card")).to_be_visible()
    page.locator("nav[aria-label] a", has_text="Team").first.click()
    expect(page).to_have_url(served_site.siteurl + "/team/")
    page.locator("main a[href*='/team/']").first.click()
    expect(page).to_have_url(re.compile(r"/team/[a-z0-9-]+/$"))
    expect(page.locator("main article.post-card").first).to_be_visible()


def test_skip_link_is_first_and_visible_on_focus(page: Page, served_site):
    page.goto(served_site.siteurl + "/")
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    expect(focused).to_have_attribute("href", "#main")
    expect(focused).to_be_visible()
    box = focused.bounding_box()
    assert box and box["width"] > 10 and box["height"] > 10 and box["y"] >= 0


@pytest.mark.parametrize("width", [320, 375, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_horizontal_overflow(browser, served_site, screenshots, width, scheme):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    try:
        for name, path in PAGES.items():
            path = path or _article_path(page, served_site.siteurl)
            page.goto(served_site.siteurl + path)
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            page.screenshot(path=str(screenshots / f"{name}-{width}-{scheme}.png"), full_page=True)
            assert overflow <= 0, f"{path} overflows by {overflow}px at {width}px ({scheme})"
    finally:
        context.close()


def test_code_copy_button(browser, served_site):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(served_site.siteurl + "/archives/")
        for href in page.locator("main a[href*='/posts/']").evaluate_all(
            "links => links.map(a => a.href)"
        ):
            page.goto(href)
            if page.locator(".post-content .highlight").count():
                break
        else:
            pytest.fail("no post in the archives has a code block")
        button = page.locator(".post-content .highlight button").first
        button.click()
        expect(page.locator("[aria-live]").filter(has_text="Copied").first).to_be_attached()
        copied = page.evaluate("() => navigator.clipboard.readText()")
        code = page.locator(".post-content .highlight pre").first.inner_text()
        assert copied.strip() == code.strip()
    finally:
        context.close()


# The first code block's Copy button and code, as laid out.
CODE_BLOCK = """() => {
  const block = document.querySelector('.post-content .highlight');
  const pre = block.querySelector('pre'), code = pre.querySelector('code');
  const button = block.querySelector('.copy-button').getBoundingClientRect();
  const first = code.getClientRects()[0];
  return {block: block.clientWidth, pre: pre.offsetWidth,
          button: {left: button.left, right: button.right, top: button.top,
                   bottom: button.bottom},
          code: {top: first.top, left: first.left, right: pre.getBoundingClientRect().right}};
}"""


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_the_copy_button_leaves_the_code_its_width(browser, served_site, screenshots, width):
    """Before: the button floated beside the <pre>, a scroll box floats never wrap into, so
    every line of the block was cut at the same x: 208 of 286 px for code at 320 px, 278 of
    356 at 390."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(served_site.siteurl + "/posts/why-we-store-bookings-as-postgresql-ranges/")
        expect(page.locator(".post-content .highlight .copy-button").first).to_be_visible()
        shown = page.evaluate(CODE_BLOCK)
        assert shown["pre"] >= shown["block"] - 1, shown  # the code has the block's width
        # the button covers no code: it sits above the first line, inside the block
        assert shown["button"]["bottom"] <= shown["code"]["top"], shown
        assert shown["button"]["right"] <= shown["code"]["right"], shown
        # reached from the keyboard (just before its code) and shown with a ring
        page.locator(".post-content .highlight pre").first.focus()
        page.keyboard.press("Shift+Tab")
        focused = page.locator(":focus")
        expect(focused).to_have_class("copy-button")
        expect(focused).to_be_in_viewport()
        assert focused.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
        page.locator(".post-content .highlight").first.screenshot(
            path=str(screenshots / f"code-copy-{width}-light.png")
        )
    finally:
        context.close()
