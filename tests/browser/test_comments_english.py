"""The words Isso 0.14 shows in English on a page with its words, where the server turns
them on: its catalogues of Russian, Dutch and Persian lack the feed link ([rss] base), the
last two the reply-notification label too (reply-notifications). They were unmarked, read as
the page's language; comments.js now marks them lang="en" (dir="ltr" on a right-to-left
page). A real Isso on loopback with both turned on, a strict CSP, a real Chromium."""

import pytest
from playwright.sync_api import Page, expect

from plugins.comments import local_isso
from tests.browser.serving import free_port, serve_folder
from tests.conftest import _builder
from tests.test_comments_plurals import posts
from tests.test_comments_site import POSTS

# slug: language
PAGES = {"lenta": "ru", "melding": "nl", "khabar": "fa", "hinweis": "de"}


@pytest.fixture(scope="module")
def site(tmp_path_factory, browser_type_launch_args):
    """Isso with the feed and reply notifications on; the site served with no inline script."""
    base = tmp_path_factory.mktemp("isso-english")
    isso_port, site_port = free_port(), free_port()
    isso, origin = f"http://127.0.0.1:{isso_port}", f"http://127.0.0.1:{site_port}"
    config = local_isso.write_config(base / "isso", isso_port, [origin])
    text = config.read_text().replace("[general]\n", "[general]\nreply-notifications = true\n")
    config.write_text(f"{text}[rss]\nbase = {origin}/\n")
    process = local_isso.start(config, isso_port)
    csp = (
        f"default-src 'self'; script-src 'self' {isso}; connect-src 'self' {isso}; "
        f"style-src 'self'; img-src 'self' data:"
    )
    try:
        built = _builder(base)(
            {**POSTS, **posts(PAGES)},
            siteurl=origin,
            I18N_CACHE_PATH=str(base / "i18n-cache"),
            COMMENTS_ISSO_URL=isso,
        )
        server = serve_folder(built.output, site_port, [("Content-Security-Policy", csp)])
        try:
            yield origin
        finally:
            server.shutdown()
    finally:
        local_isso.stop(process)


@pytest.mark.parametrize(
    ("slug", "feed", "notification"),
    [
        ("lenta", {"lang": "en"}, {}),  # Isso's Russian has the label, not the feed link
        ("melding", {"lang": "en"}, {"lang": "en"}),
        ("khabar", {"lang": "en", "dir": "ltr"}, {"lang": "en", "dir": "ltr"}),
        ("hinweis", {}, {}),  # Isso's German has both
    ],
)
def test_isso_s_english_words_say_their_language(page: Page, site, slug, feed, notification):
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    page.goto(f"{site}/{PAGES[slug]}/posts/{slug}/")
    page.locator("#comments").scroll_into_view_if_needed()
    link = page.locator("#comments .isso-feedlink")
    expect(link).to_be_visible()
    form = page.locator("#comments .isso-postbox").first
    form.locator("input[name=email]").fill("reader@example.org")
    label = form.locator(".isso-notification-section > label")
    expect(label).to_be_visible()
    expect(page.locator("#comments .comments__label").first).to_be_attached()  # marked by now
    for node, marks in ((link, feed), (label, notification)):
        assert node.get_attribute("lang") == marks.get("lang"), (slug, node)
        assert node.get_attribute("dir") == marks.get("dir"), (slug, node)
    assert refused == []
