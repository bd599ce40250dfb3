"""Comments end to end: a real Isso server on loopback, the fixture site, a real Chromium."""

import json
import re
import urllib.request

import pytest
from playwright.sync_api import Page, expect

from plugins.comments import local_isso
from tests.browser.serving import free_port, serve_folder
from tests.conftest import _builder
from tests.test_comments_site import POSTS


def _csp(isso: str) -> str:
    """Scripts only from the site and the comment server, never inline; Isso's own markup
    needs style attributes, so styles allow 'unsafe-inline'."""
    return (
        f"default-src 'self'; script-src 'self' {isso}; connect-src 'self' {isso}; "
        f"style-src 'self' 'unsafe-inline' {isso}; img-src 'self' data: {isso}"
    )


class _Site:
    def __init__(self, url: str, isso: str):
        self.url, self.isso = url, isso


@pytest.fixture(scope="module")
def isso_sites(tmp_path_factory, browser_type_launch_args):
    """Isso on a free port with a fresh database; the fixture site built twice (scroll, click)."""
    base = tmp_path_factory.mktemp("isso")
    isso_port, scroll_port, click_port = free_port(), free_port(), free_port()
    isso = f"http://127.0.0.1:{isso_port}"
    origins = [f"http://127.0.0.1:{scroll_port}", f"http://127.0.0.1:{click_port}"]
    config = local_isso.write_config(base / "isso", isso_port, origins)
    process = local_isso.start(config, isso_port)
    servers = []
    sites = {}
    # Isso is stopped whatever fails from here on: a build's error left it running
    try:
        csp = _csp(isso)
        build = _builder(base)
        # the click site also shows counts on lists (COMMENTS_COUNTS, off by default)
        for mode, port in (("scroll", scroll_port), ("click", click_port)):
            url = f"http://127.0.0.1:{port}"
            counts = {"COMMENTS_COUNTS": True} if mode == "click" else {}
            built = build(POSTS, siteurl=url, COMMENTS_ISSO_URL=isso, COMMENTS_LOAD=mode, **counts)
            servers.append(serve_folder(built.output, port, [("Content-Security-Policy", csp)]))
            sites[mode] = _Site(url, isso)
        # an earlier comment on the closed post, left before it was closed
        request = urllib.request.Request(
            f"{isso}/new?uri=closed",
            data=json.dumps(
                {"text": "Seen before closing.", "author": "Early <reader> & co", "title": "Closed"}
            ).encode(),
            headers={"Content-Type": "application/json", "Origin": origins[0]},
        )
        urllib.request.urlopen(request, timeout=10).read()
        # and one whose name carries a right-to-left override, never closed
        bidi = {"text": "Also seen.", "author": "\u202eEve Example", "title": "Closed"}
        request.data = json.dumps(bidi).encode()
        urllib.request.urlopen(request, timeout=10).read()
        yield sites
    finally:
        for server in servers:
            server.shutdown()
        local_isso.stop(process)


def _violations(page: Page) -> list[str]:
    found: list[str] = []
    page.on(
        "console",
        lambda m: (
            found.append(m.text)
            if "Content Security Policy" in m.text and "script" in m.text
            else None
        ),
    )
    return found


def test_post_a_comment_and_see_it_after_reload(page: Page, isso_sites):
    site = isso_sites["scroll"]
    csp_errors = _violations(page)
    page.goto(site.url + "/posts/ranges/")
    page.locator("#comments").scroll_into_view_if_needed()
    expect(page.get_by_role("button", name="Show comments")).to_be_hidden()  # scroll mode
    page.locator(".isso-textarea").fill("The exclusion constraint idea saved our booking sheet.")
    page.locator("input[name=author]").fill("Robin")
    page.locator("input[type=submit]").click()
    comment = page.locator(".isso-comment .isso-text", has_text="saved our booking sheet")
    expect(comment).to_be_visible()
    page.reload()
    page.locator("#comments").scroll_into_view_if_needed()
    expect(comment).to_be_visible()
    expect(page.locator(".isso-comment .isso-author", has_text="Robin")).to_be_visible()
    assert csp_errors == []


def test_closed_post_shows_comments_without_a_form(page: Page, isso_sites):
    page.goto(isso_sites["scroll"].url + "/posts/closed/")
    page.locator("#comments").scroll_into_view_if_needed()
    expect(
        page.locator(".comments__list .comments__text", has_text="Seen before closing.")
    ).to_be_visible()
    # Isso's API gives the name HTML-escaped: shown as the text the reader typed
    expect(page.locator(".comments__author").first).to_have_text("Early <reader> & co")
    assert page.locator("#comments textarea, #comments form, #comments input").count() == 0


def test_a_right_to_left_override_in_a_name_reverses_only_the_name(page: Page, isso_sites):
    page.goto(isso_sites["scroll"].url + "/posts/closed/")
    page.locator("#comments").scroll_into_view_if_needed()
    meta = page.locator(".comments__meta", has_text="Eve Example")
    expect(meta.locator("time")).to_be_visible()
    # in a <bdi>, the override turns the name only, not the date after it
    name, date = meta.locator(".comments__author"), meta.locator("time")
    assert name.bounding_box()["x"] < date.bounding_box()["x"]
    assert name.evaluate("node => node.tagName") == "BDI"


def test_click_to_load_sends_nothing_before_the_click(page: Page, isso_sites):
    site = isso_sites["click"]
    asked = []
    page.on("request", lambda r: asked.append(r.url) if r.url.startswith(site.isso) else None)
    page.goto(site.url + "/posts/garden-party/")
    page.locator("#comments").scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    assert asked == []
    page.get_by_role("button", name="Show comments").click()
    expect(page.locator(".isso-textarea")).to_be_visible()
    assert any(url.endswith("/js/embed.min.js") for url in asked)


def test_lists_ask_the_comment_server_nothing_by_default(page: Page, isso_sites):
    site = isso_sites["scroll"]
    asked = []
    page.on("request", lambda r: asked.append(r.url) if r.url.startswith(site.isso) else None)
    page.goto(site.url + "/")
    page.wait_for_load_state("networkidle")
    assert page.locator(".post-card").count() > 0
    assert asked == []
    assert page.locator("[data-comments-count]").count() == 0


def test_counts_on_the_home_page_when_turned_on(page: Page, isso_sites):
    site = isso_sites["click"]
    for n in range(2):
        request = urllib.request.Request(
            f"{site.isso}/new?uri=garden-party",
            data=json.dumps({"text": f"Lovely party {n}", "title": "The garden party"}).encode(),
            headers={"Content-Type": "application/json", "Origin": site.url},
        )
        urllib.request.urlopen(request, timeout=10).read()
    sent = []
    page.on("request", lambda r: sent.append(r) if r.url.startswith(site.isso) else None)
    page.goto(site.url + "/")
    counts = {
        a.get_attribute("data-comments-id"): a for a in page.locator(".post-card__comments a").all()
    }
    expect(counts["garden-party"]).to_have_text("2 comments")
    # no comments: no line at all (the card's count paragraph is hidden, not left empty)
    expect(counts["first-light"].locator("xpath=..")).to_have_attribute("hidden", "")
    # exactly what docs/comments.md says: one POST of the listed thread ids, no page address
    assert [(r.method, r.url) for r in sent] == [("POST", f"{site.isso}/count")]
    assert set(json.loads(sent[0].post_data)) == set(counts)
    headers = sent[0].all_headers()
    assert not headers.get("referer") and "cookie" not in headers


def _serve_with_csp(build, port: int, isso: str, name: str, files=None):
    """The fixture site (and ``files``) built for ``port`` against the Isso at ``isso``,
    served with the policy the fixture above uses."""
    url = f"http://127.0.0.1:{port}"
    built = build({**POSTS, **(files or {})}, siteurl=url, name=name, COMMENTS_ISSO_URL=isso)
    return url, serve_folder(built.output, port, [("Content-Security-Policy", _csp(isso))])


def _failed_line(page: Page, url: str, path: str = "/posts/ranges/"):
    page.goto(url + path)
    page.locator("#comments").scroll_into_view_if_needed()
    return page.locator("#comments .comments__failed")


def test_an_open_thread_whose_isso_is_not_there_says_so(page: Page, tmp_path):
    # a real Isso, stopped before the reader comes (the same as a wrong port in the settings):
    # embed.min.js does not load
    isso_port, port = free_port(), free_port()
    isso = f"http://127.0.0.1:{isso_port}"
    origin = f"http://127.0.0.1:{port}"
    process = local_isso.start(
        local_isso.write_config(tmp_path / "isso", isso_port, [origin]), isso_port
    )
    try:
        urllib.request.urlopen(f"{isso}/js/embed.min.js", timeout=10).read()  # it was up
    finally:
        local_isso.stop(process)
    welsh = {"posts/llyfr.md": "Title: Llyfr\nDate: 2024-08-01\nLang: cy\nSlug: llyfr\n\nx\n"}
    url, server = _serve_with_csp(_builder(tmp_path), port, isso, "isso-down", welsh)
    try:
        expect(_failed_line(page, url)).to_have_text("The comments could not be loaded.")
        expect(page.locator("#comments .comments__failed")).to_have_count(1)
        assert page.locator("#comments .comments__failed").get_attribute("lang") is None
        # a Welsh page (no catalog of ours): the line is English, and says so (WCAG 3.1.2)
        line = _failed_line(page, url, "/cy/posts/llyfr/")
        expect(line).to_have_text("The comments could not be loaded.")
        expect(line).to_have_attribute("lang", "en")
    finally:
        server.shutdown()


def test_an_open_thread_whose_isso_refuses_the_page_says_so(page: Page, isso_sites, tmp_path):
    # the script loads, but Isso's `host` does not list this origin: CORS refuses its API,
    # and Isso itself shows nothing at all
    site = isso_sites["scroll"]
    url, server = _serve_with_csp(_builder(tmp_path), free_port(), site.isso, "not-listed")
    try:
        expect(_failed_line(page, url)).to_have_text("The comments could not be loaded.")
        assert page.locator("#comments .isso-postbox").count() == 0
    finally:
        server.shutdown()


def test_an_open_thread_that_loads_has_no_failure_line(page: Page, isso_sites):
    page.goto(isso_sites["scroll"].url + "/posts/ranges/")
    page.locator("#comments").scroll_into_view_if_needed()
    expect(page.locator("#comments .isso-postbox")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert page.locator("#comments .comments__failed").count() == 0


def test_a_comment_too_short_is_refused_with_its_rule_in_words(page: Page, isso_sites):
    # Isso moved the focus back with no word (WCAG 3.3.1); its rule was only the placeholder
    page.goto(isso_sites["scroll"].url + "/posts/ranges/")
    page.locator("#comments").scroll_into_view_if_needed()
    field = page.locator(".isso-textarea").first
    expect(field).to_be_visible()
    rule = page.locator("#" + field.get_attribute("aria-describedby"))
    expect(rule).to_have_text("At least 3 characters. Markdown works.")
    field.fill("ok")
    expect(rule).to_be_visible()  # the placeholder is gone: the rule stays
    page.locator("input[type=submit]").first.click()
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(rule).to_have_attribute("role", "alert")
    expect(rule).to_have_class("comments__hint comments__hint--wrong")
    sent = page.locator(".isso-comment .isso-text", has_text=re.compile(r"^\s*ok\s*$"))
    assert sent.count() == 0  # nothing was sent
    field.fill("ok, thanks")
    expect(field).not_to_have_attribute("aria-invalid", "true")
    expect(rule).to_have_class("comments__hint")
