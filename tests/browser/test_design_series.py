"""A series part as a reader sees it in Chromium: the post starts on the first screen of a phone,
the parts are one click away at the top (no JavaScript), the full list and previous/next come
after the text; the series page's cover is framed in both schemes; axe finds nothing."""

import pytest
from playwright.sync_api import Page, expect

from sitecheck.a11y import axe_violations

PART = "/posts/making-the-availability-widget-fast/"  # part 3 of 5 of the sample's series
SERIES_PAGE = "/series/inside-the-booking-engine/"
FULL = "nav.series-nav:not(.series-nav--compact)"
COMPACT = "nav.series-nav--compact"


def _top(page: Page, selector: str) -> float:
    return page.eval_on_selector(selector, "e => e.getBoundingClientRect().top + window.scrollY")


def _bottom(page: Page, selector: str) -> float:
    return page.eval_on_selector(selector, "e => e.getBoundingClientRect().bottom + window.scrollY")


@pytest.mark.parametrize(("width", "height"), [(375, 812), (1280, 900)])
def test_the_post_starts_on_the_first_screen(browser, served_site, screenshots, width, height):
    """Before: the series box (382 px tall at 375) pushed the first paragraph to y = 1010."""
    for scheme in ("light", "dark"):
        context = browser.new_context(
            viewport={"width": width, "height": height},
            color_scheme=scheme,
            reduced_motion="reduce",
        )
        try:
            page = context.new_page()
            page.goto(served_site.siteurl + PART)
            first = _top(page, "article.post .post-content > p")
            header = _bottom(page, "header.site-header")
            page.screenshot(path=str(screenshots / f"series-part-{width}-{scheme}.png"))
            assert first < height, f"{width} px ({scheme}): the text starts at y = {first}"
            # whatever the site header's height, the part's own top (eyebrow, title, byline,
            # series line) stays short: was 765 px at 375
            assert first - header <= 450, f"{width} px: {first - header} px under the header"
            compact = page.locator(COMPACT).bounding_box()
            assert compact and compact["height"] <= 80, compact  # a line or two, not a box
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0
        finally:
            context.close()


def test_the_parts_open_without_javascript(browser, served_site, screenshots):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 375, "height": 812}, reduced_motion="reduce"
    )
    try:
        page = context.new_page()
        page.goto(served_site.siteurl + PART)
        line = page.locator(COMPACT)
        expect(line.locator(".series-nav__line")).to_have_text(
            "Part 3 of 5 · Inside the booking engine"
        )
        expect(line.locator("a.series-nav__name")).to_have_attribute(
            "href", served_site.siteurl + SERIES_PAGE
        )
        parts = line.locator("ol.series-nav__parts > li")
        expect(parts.first).to_be_hidden()  # closed: one line
        line.locator("summary").click()
        expect(line.locator("details")).to_have_attribute("open", "")
        expect(parts).to_have_count(5)
        for i in range(5):
            expect(parts.nth(i)).to_be_visible()
        expect(parts.nth(2).locator("[aria-current=page]")).to_have_text(
            "Making the availability widget fast (and cheap)"
        )
        assert line.locator("ol a").count() == 2  # the published others; upcoming never linked
        expect(line.locator(".series-nav__upcoming")).to_have_count(2)
        line.screenshot(path=str(screenshots / "series-part-375-parts-open.png"))
    finally:
        context.close()


def test_the_full_list_and_previous_next_follow_the_text(page: Page, served_site):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(served_site.siteurl + PART)
    content_bottom = _bottom(page, "article.post .post-content")
    full = page.locator(FULL)
    expect(full).to_be_visible()
    assert _top(page, FULL) >= content_bottom
    expect(full.locator("ol.series-nav__parts > li")).to_have_count(5)
    previous = page.locator("a[rel=prev]")
    expect(previous).to_have_count(1)
    assert _top(page, "a[rel=prev]") >= content_bottom
    assert page.locator("a[rel=next]").count() == 0  # the last published part
    # before tags and sharing
    assert _bottom(page, FULL) <= _top(page, ".post-tags")
    page.goto(served_site.siteurl + "/posts/why-we-store-bookings-as-postgresql-ranges/")
    content_bottom = _bottom(page, "article.post .post-content")
    assert _top(page, "a[rel=next]") >= content_bottom
    page.locator("a[rel=next]").click()
    expect(page.locator("article.post h1")).to_have_text(
        "The yoga class that moved itself: a daylight saving bug"
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_series_cover_is_framed(browser, served_site, screenshots, scheme):
    """Before: in dark mode the cover (drawn on white) was a bare white panel on the page."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, color_scheme=scheme, reduced_motion="reduce"
    )
    try:
        page = context.new_page()
        page.goto(served_site.siteurl + SERIES_PAGE)
        frame = page.eval_on_selector(
            "img.series-page__cover",
            """e => { const s = getComputedStyle(e), body = getComputedStyle(document.body);
                      return {border: parseFloat(s.borderTopWidth), style: s.borderTopStyle,
                              padding: parseFloat(s.paddingTop), mat: s.backgroundColor,
                              page: body.backgroundColor}; }""",
        )
        assert frame["border"] >= 1 and frame["style"] == "solid", frame
        assert frame["padding"] >= 4, frame
        assert frame["mat"] not in ("rgba(0, 0, 0, 0)", frame["page"]), frame
        page.screenshot(path=str(screenshots / f"series-page-1280-{scheme}.png"))
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_a_part(browser, served_site, axe_script, scheme):
    context = browser.new_context(bypass_csp=True, color_scheme=scheme)
    try:
        page = context.new_page()
        for width in (375, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(served_site.siteurl + PART)
            page.locator(f"{COMPACT} summary").click()  # the parts shown too
            violations = [
                (v["id"], [n["target"] for n in v["nodes"]])
                for v in axe_violations(page, axe_script)
            ]
            assert violations == [], f"{width} px, {scheme}: {violations}"
    finally:
        context.close()
