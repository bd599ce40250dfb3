"""`invoke serve` in Chromium: a mistake saved into a post shows in the page, the fix clears it."""

import time

from playwright.sync_api import Locator, Page, expect

from tests.test_serve import TYPO, TYPO_LINE
from tests.test_serve import serve as serve  # the fixture: one real invoke serve


def settle(page: Page, shown: Locator, quiet: float = 2.0, timeout: float = 60.0) -> None:
    """Wait until ``shown`` is visible and the page has not navigated for ``quiet`` seconds:
    livereload may reload the page more than once for one save (its watcher can see a save
    before the rebuild it runs, then after), and a check that runs across a reload fails."""
    last = [time.monotonic()]

    def navigated(frame) -> None:
        if frame == page.main_frame:
            last[0] = time.monotonic()

    page.on("framenavigated", navigated)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            page.wait_for_timeout(250)  # lets Playwright deliver the page's events
            if time.monotonic() - last[0] >= quiet and shown.is_visible():
                return
        raise AssertionError("the page kept reloading, or never showed what was expected")
    finally:
        page.remove_listener("framenavigated", navigated)


def test_the_build_problems_overlay_follows_the_writer(page: Page, serve, axe_script, screenshots):
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Refused" in m.text else None)
    page.goto(serve.url + "/posts/ranges/")
    expect(page.locator("article.post h1")).to_be_visible()
    overlay = page.locator("section.dev-problems")
    expect(overlay).to_have_count(0)  # the fixture site builds without a problem

    # the writer mistypes the status: the post leaves the site, the page reloads on its own
    since = serve.edit("posts/ranges.md", "\n\n", f"\n{TYPO}\n")
    serve.wait_for(*TYPO_LINE, since=since)  # in the terminal
    expect(overlay).to_be_visible(timeout=60_000)  # and in the browser, over the 404 page
    expect(overlay).to_have_attribute("role", "alert")
    expect(overlay.locator("h2")).to_contain_text("error")
    item = overlay.locator("li.dev-problems__item", has_text="did you mean 'draft'?")
    expect(item.locator(".dev-problems__file")).to_have_text("content/posts/ranges.md")
    expect(item.locator(".dev-problems__level")).to_have_text("Error")
    settle(page, overlay)
    page.screenshot(path=str(screenshots / "serve-overlay.png"))

    page.add_script_tag(path=str(axe_script))
    result = page.evaluate(
        "() => axe.run({include: ['section.dev-problems']}, {runOnly: {type: 'tag', values:"
        " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    assert [v["id"] for v in result["violations"]] == []

    # keyboard: the first Tab reaches Dismiss; Enter closes the overlay for this build
    page.keyboard.press("Tab")
    expect(overlay.locator("button.dev-problems__close")).to_be_focused()
    page.keyboard.press("Enter")
    expect(overlay).to_have_count(0)
    page.reload()
    expect(page.locator("section.dev-problems")).to_have_count(0)  # dismissed: this build

    # a rebuild with the mistake still there shows it again; the fix clears it
    since = serve.edit("posts/ranges.md", "Title: ", "Title:  ")
    serve.wait_for("The build logged", since=since)
    expect(overlay).to_be_visible(timeout=60_000)
    serve.edit("posts/ranges.md", TYPO, "")
    expect(page.locator("article.post h1")).to_be_visible(timeout=60_000)
    expect(overlay).to_have_count(0)
    assert violations == []


def test_a_draft_preview_follows_its_post_when_it_is_published(page: Page, serve):
    # the writer reads the draft's preview, then takes `Status: draft` out: the preview's
    # address is gone, and the page that reloads must be the post, not "Page not found"
    since = serve.edit("posts/ranges.md", "Slug: ranges\n", "Slug: ranges\nStatus: draft\n")
    serve.wait_for("Done", since=since)
    page.goto(serve.url + "/posts/ranges/")
    expect(page).to_have_url(serve.url + "/drafts/posts/ranges/")
    heading = page.locator("article.post h1")
    expect(heading).to_be_visible()

    serve.edit("posts/ranges.md", "Status: draft\n", "")
    expect(page).to_have_url(serve.url + "/posts/ranges/", timeout=60_000)
    settle(page, heading)
    expect(page.locator("section.dev-problems")).to_have_count(0)
    assert serve.stop() == 0


def test_a_post_whose_slug_changes_is_followed_to_its_new_address(page: Page, serve):
    # the writer reads the post, then changes its Slug: the reload used to land on the 404
    # page with no word of why; it follows the post, and the overlay says what happened
    page.goto(serve.url + "/posts/ranges/")
    heading = page.locator("article.post h1")
    expect(heading).to_be_visible()

    serve.edit("posts/ranges.md", "Slug: ranges\n", "Slug: range-types\n")
    expect(page).to_have_url(serve.url + "/posts/range-types/", timeout=60_000)
    overlay = page.locator("section.dev-problems")
    settle(page, overlay)
    expect(heading).to_be_visible()
    item = overlay.locator("li.dev-problems__item", has_text="moved from /posts/ranges/")
    expect(item.locator(".dev-problems__file")).to_have_text("content/posts/ranges.md")
    expect(item).to_contain_text("its Slug changed from 'ranges' to 'range-types'")
    assert serve.stop() == 0
