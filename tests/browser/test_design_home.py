"""The home page of the sample site in Chromium: a featured post with its picture on the first
screen, cards with covers, faces and series, readable from 320 px, accessible in both schemes."""

import pytest
from playwright.sync_api import expect

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def _open(browser, served_site, width: int, scheme: str = "light", height: int = 800):
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
    page = context.new_page()
    page.goto(served_site.siteurl + "/")
    return context, page


@pytest.mark.parametrize(("width", "height"), [(375, 667), (1280, 800)])
def test_featured_picture_is_on_the_first_screen_and_loaded(
    browser, served_site, screenshots, width, height
):
    context, page = _open(browser, served_site, width, height=height)
    try:
        featured = page.locator("main article.post-card--featured")
        expect(featured).to_have_count(1)
        img = featured.locator(".post-card__cover img")
        expect(img).to_have_attribute("loading", "eager")
        box = img.bounding_box()
        assert box is not None and box["width"] >= width * 0.5, box
        # its top half at least is on the first screen, without scrolling
        assert box["y"] + box["height"] / 2 <= height, (box, height)
        assert img.evaluate("i => i.decode().then(() => i.naturalWidth > 0, () => false)")
        # the featured post is the newest one, the first card of the list
        first = page.locator("main article.post-card").first
        assert "post-card--featured" in (first.get_attribute("class") or "")
    finally:
        context.close()


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1366, 768), (390, 844)])
def test_the_featured_title_is_on_the_first_screen(
    browser, served_site, screenshots, width, height
):
    """Before: the 16:9 cover took y=250-663 of a laptop's first screen and the title started
    at 722: at 1280x720 no title at all, at 1366x768 half a line of it."""
    context, page = _open(browser, served_site, width, height=height)
    try:
        featured = page.locator("main article.post-card--featured")
        title = featured.locator("h2").bounding_box()
        assert title["y"] + title["height"] <= height, (title, height)  # the whole title
        cover = featured.locator(".post-card__cover img").bounding_box()
        assert cover["width"] >= width * 0.25 and cover["height"] >= 150, cover  # still there
        page.screenshot(path=screenshots / f"home-first-screen-{width}x{height}.png")
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
def test_home_screenshots(browser, served_site, screenshots, width, scheme):
    context, page = _open(browser, served_site, width, scheme)
    try:
        for img in page.locator("main img").all():  # lazy ones too, for the picture
            img.scroll_into_view_if_needed()
        page.evaluate("() => window.scrollTo(0, 0)")
        page.wait_for_function("() => [...document.images].every(i => i.complete)")
        page.screenshot(path=screenshots / f"home-{width}-{scheme}.png", full_page=True)
    finally:
        context.close()


def test_cards_show_covers_faces_and_series_and_no_empty_picture(browser, served_site):
    context, page = _open(browser, served_site, 1280)
    try:
        cards = page.locator("main article.post-card:not(.post-card--featured)")
        assert cards.count() >= 5
        with_cover = page.locator("main article.post-card--cover:not(.post-card--featured)")
        assert with_cover.count() >= 2
        thumb = with_cover.first.locator(".post-card__cover img")
        thumb.scroll_into_view_if_needed()
        assert thumb.evaluate("i => i.decode().then(() => i.naturalWidth > 0, () => false)")
        tbox = thumb.bounding_box()
        cbox = with_cover.first.bounding_box()
        # a thumbnail beside the text, not a banner across the card
        assert 150 <= tbox["width"] <= cbox["width"] / 2, (tbox, cbox)
        # every card has its authors' faces (photos or monograms)
        for card in cards.all():
            assert card.locator(".post-meta .avatar").count() >= 1
        # a card without a cover has no picture box at all, and is marked as text-only
        text_only = page.locator("main article.post-card--text")
        assert text_only.count() >= 1
        assert text_only.first.locator(".post-card__cover, .post-card__media").count() == 0
        rule = text_only.first.evaluate("e => getComputedStyle(e).borderLeftWidth")
        assert float(rule.removesuffix("px")) >= 3
        # the series a post belongs to, on page 2 (the engine series' parts are older)
        page.goto(served_site.siteurl + "/page/2/")
        series = page.locator("main .post-card__series").first
        expect(series).to_contain_text("Inside the booking engine")
        expect(series.locator("a")).to_have_attribute(
            "href", f"{served_site.siteurl}/series/inside-the-booking-engine/"
        )
        # no "No comments yet" on any card
        expect(page.locator("main article.post-card", has_text="No comments yet")).to_have_count(0)
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_horizontal_overflow_at_320(browser, served_site, scheme):
    context, page = _open(browser, served_site, 320, scheme)
    try:
        for path in ("/", "/page/2/"):
            page.goto(served_site.siteurl + path)
            wide = page.evaluate("() => document.documentElement.scrollWidth")
            assert wide <= 320, (path, wide)
            # every cover fits the screen too (the featured one and the cards')
            covers = page.locator("main .post-card__cover img")
            assert covers.count() >= 1, path
            for box in covers.evaluate_all("l => l.map(i => i.getBoundingClientRect().toJSON())"):
                assert box["left"] >= 0 and box["right"] <= 320, (path, box)
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_home_has_no_axe_violations(browser, served_site, axe_script, scheme):
    context, page = _open(browser, served_site, 1280, scheme)
    try:
        # what axe looks at includes the new blocks: the featured post and cards with covers
        expect(page.locator("main article.post-card--featured .post-card__cover")).to_have_count(1)
        page.add_script_tag(path=str(axe_script))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        problems = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
        assert problems == []
    finally:
        context.close()
