"""Search in Chromium: the sample site's Pagefind index through the theme's own search UI."""

import re

import pytest
from playwright.sync_api import Page, expect

from sitecheck.a11y import axe_violations

BODY_WORD = "Dieulefit"  # only in the body of "Four days in the Drôme" (not its title or summary)
DRAFTS = {
    "margins": "what-we-got-wrong-about-recurring-bookings",  # a word found only in a draft
    "pavilion": "tessellate-4-0-shared-spaces",  # only in a post dated in the future
}
FRENCH_POST = "/fr/posts/the-volunteers-who-translate-tessellate/"


def _search(page: Page, base: str, query: str) -> None:
    page.goto(f"{base}/search/?q={query}")
    expect(page.locator("[data-search-status]")).not_to_have_text(re.compile(r"^$|…"))


def test_finds_a_post_by_a_word_of_its_body(page: Page, served_site):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    _search(page, served_site.siteurl, BODY_WORD)
    results = page.locator("ol.search-results > li.search-result")
    expect(results).to_have_count(1)
    result = results.first
    expect(result.locator("h2 a")).to_have_text(re.compile("^Four days in the Drôme"))
    href = result.locator("h2 a").get_attribute("href")
    assert href == "/posts/four-days-in-the-drome/"
    expect(result.locator(".search-result__meta")).to_have_text(
        "10 September 2024 · by Maya Okafor"
    )
    expect(result.locator(".search-result__excerpt mark")).to_have_text(BODY_WORD)
    expect(page.locator("[data-search-status]")).to_have_text(f"1 result for “{BODY_WORD}”")
    expect(page.locator("[data-search-status]")).to_have_attribute("role", "status")
    # the index comes from the site itself: nothing else is ever asked for
    assert requests and all(url.startswith(served_site.siteurl + "/") for url in requests)


@pytest.mark.parametrize("word", DRAFTS)
def test_never_finds_drafts_or_future_posts(page: Page, served_site, word):
    slug = DRAFTS[word]
    assert served_site.exists(f"drafts/posts/{slug}/")  # built, readable, but never indexed
    _search(page, served_site.siteurl, word)
    # Pagefind also matches loosely (parts of words), so look for the post, not for zero results
    hrefs = page.locator("ol.search-results a").evaluate_all("links => links.map(a => a.href)")
    assert not [href for href in hrefs if slug in href or "/drafts/" in href]


@pytest.mark.parametrize("word", ["Bluesky", "Mastodon"])
def test_the_words_every_post_has_find_no_post(page: Page, served_site, word):
    """The share links' names were in every post's indexed text: a search for Bluesky listed
    every post. (Two team bios name it; profiles are not indexed.)"""
    _search(page, served_site.siteurl, word)
    expect(page.locator("[data-search-status]")).to_contain_text(word)
    expect(page.locator("ol.search-results > li.search-result")).to_have_count(0)


def test_an_index_without_its_merge_list_still_searches(page: Page, served_site):
    """merge.json (the indexes of Chinese, Japanese and Thai posts) missing: an index from
    before it, or a half-finished upload; the site's own index still answers."""
    page.route("**/merge.json", lambda route: route.fulfill(status=404))
    _search(page, served_site.siteurl, BODY_WORD)
    expect(page.locator("ol.search-results > li.search-result")).to_have_count(1)


def test_by_keyboard_from_any_page(page: Page, served_site):
    page.goto(served_site.siteurl + "/about/")
    box = page.locator(".site-search input[type=search]")
    expect(box).to_be_visible()
    expect(page.locator(".site-search__link")).to_be_hidden()
    page.keyboard.press("/")
    expect(box).to_be_focused()
    page.keyboard.type(BODY_WORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/search/\?q={BODY_WORD}$"))
    first = page.locator("ol.search-results a").first
    expect(first).to_be_visible()
    # from the page's own box, Tab reaches the button, then the first result
    page.locator("#search-q").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(served_site.siteurl + "/posts/four-days-in-the-drome/")


def test_typing_searches_as_you_go(page: Page, served_site):
    page.goto(served_site.siteurl + "/search/")
    expect(page.locator("#search-q")).to_be_focused()
    page.keyboard.type(BODY_WORD)
    expect(page.locator("ol.search-results > li")).to_have_count(1)


def test_french_page_has_a_french_search_box(page: Page, served_site):
    page.goto(served_site.siteurl + FRENCH_POST)
    expect(page.locator(".site-search button")).to_have_text("Rechercher")
    expect(page.locator(".site-search label")).to_have_text("Rechercher dans le blog")


def test_without_javascript_the_box_is_a_link(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served_site.siteurl + "/")
        link = page.locator(".site-search a.site-search__link")
        expect(link).to_be_visible()
        expect(page.locator(".site-search form")).to_be_hidden()
        link.click()
        expect(page).to_have_url(served_site.siteurl + "/search/")
        expect(page.locator(".search-noscript")).to_contain_text("needs JavaScript")
        expect(page.locator(".search-noscript a[href$='/archives/']")).to_be_visible()
        expect(page.locator("form.search-form")).to_be_hidden()
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_search_page(browser, served_site, axe_script, scheme):
    context = browser.new_context(bypass_csp=True, color_scheme=scheme)
    try:
        page = context.new_page()
        _search(page, served_site.siteurl, BODY_WORD)
        expect(page.locator("ol.search-results > li")).to_have_count(1)
        violations = [
            (v["id"], [n["target"] for n in v["nodes"]]) for v in axe_violations(page, axe_script)
        ]
        assert violations == [], f"search ({scheme}): {violations}"
    finally:
        context.close()


def test_a_result_in_another_language_is_marked_with_it(page: Page, served_site):
    # the French post found from the English search page: read in a French voice
    _search(page, served_site.siteurl, "bénévoles")
    french = page.locator(f"li.search-result:has(a[href='{FRENCH_POST}'])")
    expect(french).to_have_count(1)
    assert french.locator("h2").get_attribute("lang") == "fr"
    assert french.locator(".search-result__excerpt").get_attribute("lang") == "fr"
    assert french.locator("h2").get_attribute("dir") is None  # both left to right
    english = page.locator("li.search-result:not(:has(a[href^='/fr/']))")
    if english.count():
        assert english.first.locator("h2").get_attribute("lang") is None
