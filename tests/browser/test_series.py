"""A reader follows a series in Chromium, from its page through every published part."""

from playwright.sync_api import Page, expect


def test_follow_a_series_from_part_one_to_the_last_published_part(page: Page, served_site):
    page.goto(served_site.siteurl + "/series/")
    page.locator(".series-card h2 a", has_text="Inside the booking engine").click()
    expect(page.locator("h1")).to_have_text("Inside the booking engine")
    published = page.locator(".series-part h3 a").all_inner_texts()
    assert len(published) >= 2
    page.locator(".series-part h3 a").first.click()

    visited = []
    while True:
        nav = page.locator("nav.series-nav:not(.series-nav--compact)")  # after the text
        expect(nav).to_be_visible()
        current = nav.locator("[aria-current=page]").inner_text()
        assert page.locator("article.post h1").inner_text() == current
        visited.append(current)
        following = nav.locator("a[rel=next]")
        if following.count() == 0:
            break
        following.click()
        assert len(visited) <= len(published), "next never ran out"

    assert visited == published
    # the unpublished parts are there to read about, never to follow
    upcoming = page.locator("nav.series-nav .series-nav__upcoming")  # both blocks
    assert upcoming.count() >= 2
    assert page.locator("nav.series-nav .series-nav__upcoming a").count() == 0
