"""Galleries in Chromium: the lightbox by keyboard, focus, no-JS links, axe, small screens."""

import pytest
from playwright.sync_api import Page, expect

from sitecheck.a11y import axe_violations

POST = "/posts/four-days-in-the-drome/"


def _active_href(page: Page) -> str:
    return page.evaluate("() => document.activeElement.getAttribute('href') || ''")


def test_lightbox_by_keyboard_and_focus_back_on_the_thumbnail(page: Page, served_site):
    page.goto(served_site.siteurl + POST)
    links = page.locator("section.gallery a.gallery__link")
    count = links.count()
    assert count == 7
    second = links.nth(1).get_attribute("href")
    links.nth(0).focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.lightbox")
    expect(dialog).to_be_visible()
    assert dialog.get_attribute("role") == "dialog"
    assert dialog.get_attribute("aria-modal") == "true"
    title = page.locator("#lightbox-title")
    expect(title).to_contain_text(f"photo 1 of {count}")
    assert dialog.get_attribute("aria-labelledby") == "lightbox-title"
    expect(page.locator(".lightbox__caption")).to_have_text(
        "The farmhouse near Dieulefit on our first morning."
    )
    expect(page.locator(".lightbox__close")).to_be_visible()
    expect(page.locator(".lightbox__close")).to_be_focused()

    page.keyboard.press("ArrowRight")
    expect(title).to_contain_text(f"photo 2 of {count}")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(title).to_contain_text(f"photo {count} of {count}")  # wraps round
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(title).to_contain_text(f"photo 2 of {count}")
    # the large picture is the photo shown, in a modern format where the browser takes one
    # (the browser picks a <picture>'s source asynchronously: wait for it, do not sample it)
    page.wait_for_function(
        "() => document.querySelector('.lightbox__figure img').currentSrc"
        ".includes('/renditions/galleries/offsite-2024/whiteboard-')",
        timeout=10_000,
    )

    for _ in range(5):  # Tab never leaves the dialog
        page.keyboard.press("Tab")
        assert page.evaluate("() => !!document.activeElement.closest('dialog.lightbox')")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("() => !!document.activeElement.closest('dialog.lightbox')")

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert _active_href(page) == second  # the thumbnail of the photo last shown


def test_click_opens_and_close_button_restores_focus(page: Page, served_site):
    page.goto(served_site.siteurl + POST)
    link = page.locator("section.gallery a.gallery__link").nth(3)
    link.click()
    expect(page.locator("dialog.lightbox")).to_be_visible()
    assert page.url.endswith(POST)  # the click did not navigate
    page.locator(".lightbox__close").click()
    expect(page.locator("dialog.lightbox")).to_be_hidden()
    assert _active_href(page) == link.get_attribute("href")


def test_without_javascript_a_thumbnail_is_a_link_to_the_large_image(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served_site.siteurl + POST)
        link = page.locator("section.gallery a.gallery__link").first
        href = link.get_attribute("href")
        link.click()
        page.wait_for_url(href)
        assert page.url == href and href.endswith(".jpg")
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing(browser, served_site, axe_script, scheme):
    context = browser.new_context(bypass_csp=True, color_scheme=scheme)
    try:
        page = context.new_page()
        for path, open_lightbox in (
            (POST, True),
            ("/galleries/offsite-2024/", False),
            ("/galleries/", False),
        ):
            page.goto(served_site.siteurl + path)
            if open_lightbox:
                page.locator("section.gallery a.gallery__link").first.click()
                expect(page.locator("dialog.lightbox")).to_be_visible()
            violations = [
                (v["id"], [n["target"] for n in v["nodes"]])
                for v in axe_violations(page, axe_script)
            ]
            assert violations == [], f"{path} ({scheme}): {violations}"
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_horizontal_overflow_at_320(browser, served_site, screenshots, scheme):
    context = browser.new_context(
        viewport={"width": 320, "height": 800}, color_scheme=scheme, reduced_motion="reduce"
    )
    try:
        page = context.new_page()
        for path in (POST, "/galleries/offsite-2024/", "/galleries/"):
            page.goto(served_site.siteurl + path)
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{path} overflows by {overflow}px ({scheme})"
        page.goto(served_site.siteurl + POST)
        page.locator("section.gallery a.gallery__link").first.click()
        expect(page.locator("dialog.lightbox")).to_be_visible()
        page.screenshot(path=str(screenshots / f"gallery-lightbox-320-{scheme}.png"))
        box = page.locator(".lightbox__close").bounding_box()
        assert box and box["x"] + box["width"] <= 320
    finally:
        context.close()


def test_the_lightbox_shows_a_caption_in_its_gallerys_language(page: Page, served_site):
    page.goto(served_site.siteurl + POST)
    figure = page.locator(".lightbox__figure")
    page.locator("section.gallery a.gallery__link").nth(0).click()
    expect(figure).to_be_visible()
    # the sample's gallery is in the page's language: nothing marked (lang="" would say
    # "language unknown", and screen readers would not read it in the page's language)
    assert figure.evaluate("f => [f.getAttribute('lang'), f.getAttribute('dir')]") == [None, None]
    page.keyboard.press("Escape")
    # as the template marks a gallery written in another language (test_galleries_site)
    page.evaluate(
        "() => Object.assign(document.querySelector('.gallery__grid'), {lang: 'ar', dir: 'rtl'})"
    )
    page.locator("section.gallery a.gallery__link").nth(1).click()
    expect(figure).to_be_visible()
    assert figure.evaluate("f => [f.lang, f.dir]") == ["ar", "rtl"]
    page.keyboard.press("Escape")
    # back in the page's language: the figure loses both marks again
    page.evaluate(
        "() => { const g = document.querySelector('.gallery__grid');"
        " g.removeAttribute('lang'); g.removeAttribute('dir'); }"
    )
    page.locator("section.gallery a.gallery__link").nth(2).click()
    expect(figure).to_be_visible()
    assert figure.evaluate("f => [f.getAttribute('lang'), f.getAttribute('dir')]") == [None, None]


def test_on_a_right_to_left_page_the_left_arrow_goes_on(page: Page, served_site):
    page.goto(served_site.siteurl + POST)
    page.evaluate("() => { document.documentElement.dir = 'rtl'; }")  # as an Arabic page is
    page.locator("section.gallery a.gallery__link").nth(0).click()
    title = page.locator("#lightbox-title")
    expect(title).to_contain_text("photo 1 of ")
    page.keyboard.press("ArrowLeft")
    expect(title).to_contain_text("photo 2 of ")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(title).to_contain_text("photo 7 of 7")  # back, wrapping round
