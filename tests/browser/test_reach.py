"""Reach in Chromium: the copy-link button and its no-JS fallback, the newsletter form posting
to its endpoint without JavaScript, webmentions shown, axe, and nothing requested from any
third party while reading, under a strict Content-Security-Policy."""

import json
from urllib.parse import parse_qs

import pytest
from playwright.sync_api import expect

from plugins.webmentions import client
from sitecheck.a11y import axe_violations
from tests.browser.serving import serve_folder
from tests.conftest import FIXTURES, _builder, free_port

ACTION = "https://newsletter.example.test/api/emails/embed-subscribe/tessellate"
POST = "/posts/ranges/"
BIDI_POST = "/posts/first-light/"
CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"


@pytest.fixture(scope="module")
def reach_site(tmp_path_factory, browser_type_launch_args):
    """The fixture site with every Reach block on, served with a strict CSP."""
    base = tmp_path_factory.mktemp("reach")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    entries = [
        {**e, "wm-target": e["wm-target"].replace("https://blog.example.test", url)}
        for name in ("page-0.json", "page-1.json")
        for e in json.loads((FIXTURES / "webmentions" / name).read_text())["children"]
    ]
    # a name with a right-to-left override that is never closed, on a post of its own
    entries.append(
        {
            "wm-id": 1790,
            "wm-property": "in-reply-to",
            "wm-target": f"{url}{BIDI_POST}",
            "author": {"name": "\u202eEve Example", "url": "https://eve.example.test/"},
            "url": "https://eve.example.test/1",
            "published": "2024-03-01T00:00:00Z",
            "content": {"text": "Thanks."},
        }
    )
    cache = base / "wm.json"
    client.save_cache(cache, client.Cache("blog.example.test", 1.0, entries))
    built = _builder(base)(
        {"pages/privacy.md": "Title: Privacy\nSlug: privacy\n\nWhat we keep.\n"},
        siteurl=url,
        COMMENTS_PROVIDER="none",
        NEWSLETTER_ACTION=ACTION,
        NEWSLETTER_HIDDEN_FIELDS={"embed": "1"},
        NEWSLETTER_PRIVACY_URL="privacy/",
        WEBMENTIONS_DOMAIN="blog.example.test",
        WEBMENTIONS_CACHE=str(cache),
        WEBMENTIONS_FETCH=False,
    )
    server = serve_folder(built.output, port, [("Content-Security-Policy", CSP)])
    try:
        yield url
    finally:
        server.shutdown()


def _watch(page):
    """Requests leaving 127.0.0.1, and CSP violations, as they happen."""
    outside, blocked = [], []
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith("http://127.0.0.1") else None,
    )
    page.on(
        "console",
        lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None,
    )
    return outside, blocked


def test_copy_link_copies_the_canonical_url(browser, reach_site, screenshots):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    outside, blocked = _watch(page)
    try:
        page.goto(reach_site + POST)
        button = page.locator("section.share-links button[data-share-copy]")
        expect(button).to_be_visible()
        expect(page.locator("section.share-links a[data-share-url]")).to_be_hidden()
        button.click()
        expect(page.locator("[data-share-status]")).to_have_text("Link copied")
        page.locator("section.share-links").screenshot(path=str(screenshots / "share.png"))
        assert page.evaluate("() => navigator.clipboard.readText()") == reach_site + POST
        page.wait_for_load_state("networkidle")
        assert outside == [] and blocked == []
    finally:
        context.close()


def test_without_javascript_the_url_is_a_plain_link(browser, reach_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(reach_site + POST)
        expect(page.locator("section.share-links button[data-share-copy]")).to_be_hidden()
        link = page.locator("section.share-links a[data-share-url]")
        expect(link).to_be_visible()
        expect(link).to_have_text(reach_site + POST)
    finally:
        context.close()


def test_newsletter_form_posts_to_the_endpoint_without_javascript(browser, reach_site, screenshots):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    posted = []

    def endpoint(route):
        posted.append(route.request.post_data)
        route.fulfill(status=200, content_type="text/html", body="<p>Thanks</p>")

    page.route(ACTION, endpoint)
    try:
        page.goto(reach_site + POST)
        form = page.locator("section.newsletter--article form")
        page.locator("section.newsletter").screenshot(path=str(screenshots / "newsletter.png"))
        form.get_by_role("button", name="Subscribe").click()  # empty: the browser refuses
        assert posted == []
        form.get_by_label("Email address").fill("reader@example.test")
        form.get_by_role("button", name="Subscribe").click()
        expect(page.locator("p")).to_have_text("Thanks")
        assert parse_qs(posted[0]) == {"embed": ["1"], "email": ["reader@example.test"]}
    finally:
        context.close()


def test_webmentions_are_shown_and_hostile_ones_do_nothing(browser, reach_site, screenshots):
    context = browser.new_context()
    page = context.new_page()
    outside, blocked = _watch(page)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(reach_site + POST)
        section = page.locator("section.webmentions")
        expect(section.locator("li.webmention")).to_have_count(2)
        expect(section.locator(".webmentions__count--likes")).to_have_text("2 likes")
        hostile = section.locator("#webmention-1702")
        hostile.hover()
        hostile.locator(".webmention__content p").click(position={"x": 2, "y": 2})  # its onclick
        page.wait_for_load_state("networkidle")
        section.screenshot(path=str(screenshots / "webmentions.png"))
        assert dialogs == []
        assert outside == [] and blocked == []
    finally:
        context.close()


def before(first, second) -> bool:
    """Whether ``first`` is shown to the left of ``second`` (boxes in the page)."""
    return first.bounding_box()["x"] < second.bounding_box()["x"]


def test_a_right_to_left_override_in_a_name_reverses_only_the_name(browser, reach_site):
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(reach_site + BIDI_POST)
        meta = page.locator("#webmention-1790 .webmention__meta")
        # the words after the name read left to right, in order: "Eve Example replied 1 March 2024"
        expect(meta.locator("time")).to_have_text("1 March 2024")
        assert before(meta.locator(".webmention__author"), meta.locator("time"))
        assert meta.locator(".webmention__author bdi").count() == 1
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing(browser, reach_site, axe_script, scheme):
    context = browser.new_context(bypass_csp=True, color_scheme=scheme)
    try:
        page = context.new_page()
        for path in (POST, "/"):
            page.goto(reach_site + path)
            violations = [
                (v["id"], [n["target"] for n in v["nodes"]])
                for v in axe_violations(page, axe_script)
            ]
            assert violations == [], f"{path} ({scheme}): {violations}"
    finally:
        context.close()
