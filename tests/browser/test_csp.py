"""The Content-Security-Policy in Chromium: the sample site's publish build, every page, no
violation while a reader browses, searches, opens the lightbox, comments and subscribes.

The site is served as a host that reads ``_headers`` would serve it (the policy arrives twice:
the header and the page's ``<meta>``); comments come from a real Isso on loopback; the counter
(Plausible) and the newsletter endpoint are real third-party hosts that the sandboxed Chromium
cannot resolve: the policy must let the request start, the network then fails it.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from pelicanconf import PLUGINS
from plugins.comments import local_isso
from tests.browser.serving import free_port, serve_folder
from tests.conftest import PUBLISH_CONF, ROOT, run_pelican

NEWSLETTER = "https://newsletter.example.test/subscribe/tessellate"
COUNTER = "https://plausible.io"
GALLERY_POST = "/posts/four-days-in-the-drome/"
COMMENT_POST = "/posts/why-we-store-bookings-as-postgresql-ranges/"

# In every page before its own scripts: collect the violations the page reports.
COLLECT = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " @" + e.sourceFile);
});
"""


def _headers(output: Path) -> list[tuple[str, str]]:
    """The `/*` block of the _headers file, as a host that reads one would send it."""
    headers, block = [], None
    for line in (output / "_headers").read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith("#"):
            continue
        if line and not line[0].isspace():
            block = line.strip()
        elif line.strip() and block == "/*":
            name, value = line.strip().split(":", 1)
            headers.append((name.strip(), value.strip()))
    return headers


class Built:
    def __init__(self, url: str, output: Path, isso: str):
        self.url, self.output, self.isso = url, output, isso


@pytest.fixture(scope="module")
def csp_site(tmp_path_factory, browser_type_launch_args):
    """The sample content, publish build with the csp plugin on, served with its _headers."""
    base = tmp_path_factory.mktemp("csp")
    port, isso_port = free_port(), free_port()
    url, isso = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{isso_port}"
    process = local_isso.start(local_isso.write_config(base / "isso", isso_port, [url]), isso_port)
    output = base / "output"
    try:
        run_pelican(
            PUBLISH_CONF,
            ROOT / "content",
            output,
            SITEURL=url,
            FEED_DOMAIN=url,
            IMAGES_CACHE_PATH=str(ROOT / ".cache" / "pelican" / "images"),
            PLUGINS=[*PLUGINS, "plugins.csp"] if "plugins.csp" not in PLUGINS else PLUGINS,
            CSP_ENABLED=True,
            COMMENTS_ISSO_URL=isso,
            COMMENTS_HTTPS_ONLY=False,  # the local Isso is plain http
            COMMENTS_COUNTS=True,
            ANALYTICS_PROVIDER="plausible",
            ANALYTICS_PLAUSIBLE_DOMAIN="blog.tessellate.example",
            NEWSLETTER_ACTION=NEWSLETTER,
            NEWSLETTER_PRIVACY_URL="about/",
        )
        server = serve_folder(output, port, _headers(output), not_found="404.html")
        try:
            yield Built(url, output, isso)
        finally:
            server.shutdown()
    finally:
        local_isso.stop(process)


class Recorder:
    """Every violation a page reported, and Chromium's 'Refused to ...' console lines."""

    def __init__(self, page: Page):
        self.page = page
        self.events: list[str] = []
        self.console: list[str] = []
        page.add_init_script(COLLECT)
        page.on("console", self._console)

    def _console(self, message) -> None:
        text = message.text
        if "Content Security Policy" in text or text.startswith("Refused to"):
            self.console.append(text)

    def collect(self, where: str) -> None:
        """Add what the current document reported (call before leaving it)."""
        self.page.wait_for_timeout(100)  # a report is queued as a task after the refusal
        found = self.page.evaluate("() => window.__csp || []")
        self.events += [f"{where}: {v}" for v in found]


def _all_pages(output: Path) -> list[str]:
    paths = []
    for file in sorted(output.rglob("*.html")):
        rel = file.relative_to(output).as_posix()
        paths.append("/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
    return paths


def test_policy_arrives_in_the_header_and_in_every_page(csp_site):
    headers = dict(_headers(csp_site.output))
    policy = headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy
    assert f"script-src 'self' 'wasm-unsafe-eval' {csp_site.isso} {COUNTER}" in policy
    assert "form-action 'self' https://newsletter.example.test" in policy


def test_every_page_and_every_interaction_without_a_violation(page: Page, csp_site):
    base = csp_site.url
    recorder = Recorder(page)
    paths = _all_pages(csp_site.output)
    kinds = {
        "home": "/",
        "post": GALLERY_POST,
        "page": "/about/",
        "tag": next(p for p in paths if re.fullmatch(r"/tag/[^/]+/", p)),
        "category": next(p for p in paths if re.fullmatch(r"/category/[^/]+/", p)),
        "archives": "/archives/",
        "team": "/team/",
        "profile": next(p for p in paths if re.fullmatch(r"/team/[^/]+/", p)),
        "series": next(p for p in paths if re.fullmatch(r"/series/[^/]+/", p)),
        "gallery": next(p for p in paths if re.fullmatch(r"/galleries/[^/]+/", p)),
        "search": "/search/",
        "translation": next(p for p in paths if re.fullmatch(r"/fr/posts/[^/]+/", p)),
    }
    assert set(kinds.values()) <= set(paths)

    # every page the build wrote, scrolled to the end (lazy images, comment threads); each
    # carries the policy itself too, for hosts that do not read _headers
    without_meta = []
    for path in paths:
        page.goto(base + path)
        if page.locator('head meta[http-equiv="Content-Security-Policy"]').count() != 1:
            without_meta.append(path)
        page.keyboard.press("End")
        recorder.collect(path)
    assert without_meta == []

    # a URL that does not exist: the host's 404 page
    response = page.goto(base + "/no-such-page/")
    assert response.status == 404
    expect(page.locator("main#main")).to_be_visible()
    recorder.collect("404")

    # search: Pagefind's script, index and WebAssembly, results shown
    page.goto(base + "/search/")
    page.locator("[data-search-input]").fill("Dieulefit")
    expect(page.locator("ol.search-results > li.search-result")).to_have_count(1)
    recorder.collect("search")

    # the lightbox, on a gallery page and in a post, photo to photo
    for path in (kinds["gallery"], GALLERY_POST):
        page.goto(base + path)
        page.locator("a.gallery__link").first.click()
        expect(page.locator("dialog.lightbox")).to_be_visible()
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "() => { const i = document.querySelector('.lightbox__figure img');"
            " return i && i.complete && i.naturalWidth > 0; }"
        )
        page.keyboard.press("Escape")
        recorder.collect(f"lightbox {path}")

    # a comment, posted through Isso's own form, shown after a reload
    page.goto(base + COMMENT_POST)
    page.locator("#comments").scroll_into_view_if_needed()
    page.locator(".isso-textarea").fill("Ranges made our double bookings impossible.")
    page.locator("input[name=author]").fill("Robin")
    page.locator("input[type=submit]").click()
    comment = page.locator(".isso-comment .isso-text", has_text="double bookings impossible")
    expect(comment).to_be_visible()
    recorder.collect("comment posted")
    page.reload()
    page.locator("#comments").scroll_into_view_if_needed()
    expect(comment).to_be_visible()
    recorder.collect("comment reloaded")

    # comment counts on the home page, from Isso's API
    with page.expect_response(lambda r: r.url == f"{csp_site.isso}/count") as counted:
        page.goto(base + "/")
    assert counted.value.ok
    page.wait_for_load_state("networkidle")
    recorder.collect("counts")

    # the sign-up form posts to the provider (the request starts; the sandbox has no DNS)
    page.goto(base + "/about/")
    with page.expect_request(lambda r: r.url.startswith(NEWSLETTER)) as sent:
        page.locator(".newsletter__input").first.fill("reader@example.org")
        page.locator(".newsletter__submit").first.click()
    assert sent.value.method == "POST"

    print(
        f"\nCSP: {len(paths) + 1} pages, search, 2 lightboxes, 1 comment, counts, 1 sign-up; "
        f"{len(recorder.events)} violation events, {len(recorder.console)} console refusals"
    )
    assert recorder.events == []
    assert recorder.console == []


def test_the_policy_blocks_what_it_does_not_allow(page: Page, csp_site):
    """The recorder sees a real refusal: an inline script and a foreign image are blocked."""
    recorder = Recorder(page)
    page.goto(csp_site.url + "/about/")
    ran = page.evaluate(
        """() => {
          window.__ran = false;
          const s = document.createElement("script");
          s.textContent = "window.__ran = true";
          document.body.appendChild(s);
          const img = document.createElement("img");
          img.src = "https://images.example.test/pixel.png";
          document.body.appendChild(img);
          return window.__ran;
        }"""
    )
    assert ran is False
    recorder.collect("about")
    directives = sorted(e.split(": ", 1)[1].split(" ")[0] for e in recorder.events)
    # each refused twice: by the header policy (_headers) and by the page's <meta> policy
    assert directives == ["img-src", "img-src", "script-src-elem", "script-src-elem"]
    assert recorder.console
