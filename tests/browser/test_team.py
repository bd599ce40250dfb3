"""The team pages of the sample site in Chromium: from a post to its author and on."""

import re

import pytest
from playwright.sync_api import Page, expect


def loaded(locator) -> bool:
    """True when an <img> has really been fetched and decoded (waiting for it, not racing it)."""
    return locator.evaluate("img => img.decode().then(() => img.naturalWidth > 0, () => false)")


def test_from_an_author_card_to_the_profile_and_on_to_another_post(page: Page, served_site):
    base = served_site.siteurl
    start = "/posts/2024-in-review/"
    page.goto(base + start)
    card = page.locator("section.author-card .author-card__person").first
    expect(card).to_contain_text("Co-founder and CEO")
    card.locator("h3 a", has_text="Maya Okafor").click()

    expect(page).to_have_url(base + "/team/maya-okafor/")
    expect(page.locator("header.profile h1")).to_have_text("Maya Okafor")
    headshot = page.locator("header.profile picture img")
    expect(headshot).to_be_visible()
    assert loaded(headshot)
    assert page.evaluate("() => document.querySelector('header.profile img').currentSrc").endswith(
        ".webp"
    )
    expect(page.locator(".profile__links a[rel~=me]").first).to_be_visible()

    hrefs = page.locator("main article.post-card h2 a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    other = next(href for href in hrefs if not href.endswith(start))
    link = page.locator(f"main article.post-card h2 a[href='{other}']")
    title = link.inner_text()
    link.click()
    expect(page).to_have_url(other)
    expect(page.locator("article.post h1")).to_have_text(title)
    expect(page.locator(".author-card")).to_contain_text("Maya Okafor")


def test_team_page_has_faces_and_alumni_apart(page: Page, served_site):
    page.goto(served_site.siteurl + "/team/")
    cards = page.locator(".team-current .team-card")
    assert cards.count() >= 6
    first = cards.first.locator("picture img")
    first.scroll_into_view_if_needed()
    expect(first).to_be_visible()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=first.element_handle()
    )
    expect(page.locator(".team-current")).to_contain_text("Sam Whitlock")  # initials, no photo
    expect(page.locator(".team-current .avatar", has_text=re.compile(r"^SW$"))).to_be_visible()
    alumni = page.locator("section.team-alumni")
    expect(alumni.locator("h2")).to_have_text("Alumni")
    expect(alumni).to_contain_text("Callum Reid")
    assert "Callum Reid" not in page.locator(".team-current").inner_text()
    alumni.locator("a", has_text="Callum Reid").click()
    expect(page.locator(".profile__count")).to_have_text("Callum Reid has not written here yet.")


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_team_pages_fit_every_width(browser, served_site, screenshots, width, scheme):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    try:
        for name, path in {
            "team-page": "/team/",
            "profile": "/team/theo-marchand/",
            "profile-no-posts": "/team/ruth-adeyemi/",
            "two-authors": "/posts/we-are-now-a-cooperative/",
        }.items():
            page.goto(served_site.siteurl + path)
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            page.screenshot(
                path=str(screenshots / f"team-{name}-{width}-{scheme}.png"), full_page=True
            )
            assert overflow <= 0, f"{path} overflows by {overflow}px at {width}px ({scheme})"
    finally:
        context.close()


# Each team card: where the lines of its bio start, and where its name sits.
BIO_LINES = """() => [...document.querySelectorAll('.team-current .team-card')].map(card => {
  const bio = card.querySelector('.team-card__bio');
  if (!bio) return null;
  const range = document.createRange();
  range.selectNodeContents(bio);
  const starts = {};
  for (const r of range.getClientRects()) {  // one or more boxes a line: keep its leftmost
    const top = Math.round(r.top);
    starts[top] = Math.min(starts[top] ?? Infinity, r.left);
  }
  const c = card.getBoundingClientRect(), name = card.querySelector('h3').getBoundingClientRect();
  const padding = parseFloat(getComputedStyle(card).paddingLeft);
  return {starts: Object.values(starts), edge: c.left + padding,
          nameOff: (name.left + name.right) / 2 - (c.left + c.right) / 2};
}).filter(Boolean)"""


@pytest.mark.parametrize("width", [390, 1366])
def test_team_bios_read_from_the_left_edge(browser, served_site, width):
    """Before: bios of 8 to 14 lines were centred in cards about 200 px wide, every line
    starting somewhere else."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(served_site.siteurl + "/team/")
        cards = page.evaluate(BIO_LINES)
        assert len(cards) >= 6
        for card in cards:
            assert len(card["starts"]) >= 3, card  # a paragraph, not a line
            # every line starts at the card's inner edge
            assert all(abs(start - card["edge"]) <= 1 for start in card["starts"]), card
            assert abs(card["nameOff"]) <= 1, card  # the name stays centred
    finally:
        context.close()
