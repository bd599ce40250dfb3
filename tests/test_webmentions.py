"""Webmentions: parsing and sanitising as tables; then the real fetching code against a local
stand-in for webmention.io on 127.0.0.1 (recorded answers, hostile HTML, a timeout, a 500,
invalid JSON), the cache it falls back to, and the block on real builds."""

import contextlib
import datetime as dt
import json
import logging
import shutil
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest

from plugins.webmentions import client, mentions
from plugins.webmentions.settings import SettingsError, configure
from tests.conftest import FIXTURES, ROOT, TEST_SITEURL

RECORDED = FIXTURES / "webmentions"
DOMAIN = "blog.example.test"
TOKEN = "test-token-8f3a"
TOKEN_ENV = "TESSELLATE_TEST_WM_TOKEN"

# --- pure logic ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://a.test/x", "https://a.test/x"),
        ("http://a.test", "http://a.test"),
        ("  https://a.test/  ", "https://a.test/"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//a.test/x", None),
        ("/relative", None),
        ('https://a.test/"onmouseover="x', None),
        ("https:///nohost", None),
        (None, None),
        (42, None),
        ("http://[::1", None),
        ("https://a.test/\x7f", None),  # characters no page may carry
        ("https://a.test/\ud800", None),
        ("https://a.test/\x1b[0m", None),
        ("https://a.test/a\x0cb", None),
    ],
)
def test_safe_url(value, expected):
    assert mentions.safe_url(value) == expected


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("https://b.test/posts/x/", "/posts/x/"),
        ("https://b.test/posts/x", "/posts/x/"),
        ("https://b.test/posts/x/index.html", "/posts/x/"),
        ("https://b.test/posts/x/#comments", "/posts/x/"),
        ("https://b.test/posts/x/?utm_source=y", "/posts/x/"),
        ("http://www.b.test/blog/posts/x/", "/blog/posts/x/"),
        ("https://b.test/feed.xml", "/feed.xml"),
        ("https://b.test", "/"),
    ],
)
def test_target_path(url, path):
    assert mentions.target_path(url) == path


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<p>Hi <em>there</em></p>", "<p>Hi <em>there</em></p>"),
        ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"),
        ("<style>p{}</style><p>x</p>", "<p>x</p>"),
        ('<img src="x" onerror="alert(1)">ok', "ok"),
        ('<p style="color:red" onclick="x()">s</p>', "<p>s</p>"),
        ('<a href="javascript:alert(1)">j</a>', "j"),
        ('<a href="data:text/html,x">d</a> <a>bare</a>', "d bare"),
        (
            '<a href="https://a.test/" target="_blank" rel="me">k</a>',
            '<a href="https://a.test/" rel="nofollow ugc noopener">k</a>',
        ),
        ('<iframe src="https://e.test/"></iframe><svg onload="x()"></svg>t', "t"),
        ("<!-- c --><b>b</b>", "<b>b</b>"),
        ('<form action="https://e.test/"><input name="p"></form>t', "t"),
        # dead links unwrapped where the parser found them, on any line, content kept
        (
            '<p>one</p>\n<p>a <a href="javascript:x"><b>bold</b>\nlink</a> and '
            '<a href="https://a.test/">live</a> <a href="vbscript:y">v</a></p>',
            "<p>one</p>\n<p>a <b>bold</b>\nlink and "
            '<a href="https://a.test/" rel="nofollow ugc noopener">live</a> v</p>',
        ),
        ("<p>&lt;a&gt; is text</p>", "<p>&lt;a&gt; is text</p>"),
    ],
)
def test_sanitise(raw, expected):
    assert mentions.sanitise(raw) == expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ({"html": "<p>x</p>", "text": "x"}, "<p>x</p>"),
        ({"text": "a <b> & c"}, "<p>a &lt;b&gt; &amp; c</p>"),
        ({"html": "", "text": "t"}, "<p>t</p>"),
        ({"html": "<p>" + "long " * 30 + "</p>"}, "<p>" + ("long " * 30)[:49] + "…</p>"),
        ({"html": "<p>" + "x" * 46 + "</p><pre>code</pre>", "text": "t"}, "<p>t</p>"),
        (
            {"html": "<p>" + "x" * 40 + "</p><p>&amp;&amp;</p>"},
            "<p>" + "x" * 40 + "</p><p>&amp;&amp;</p>",
        ),
        ({}, ""),
        ("not a dict", ""),
    ],
)
def test_content_html(content, expected):
    assert mentions.content_html(content, 50) == expected


def entry(wm_id=1, prop="in-reply-to", target="https://b.test/posts/x/", **extra):
    return {"wm-id": wm_id, "wm-property": prop, "wm-target": target, **extra}


@pytest.mark.parametrize(
    ("raw", "kind", "author", "url"),
    [
        (entry(prop="like-of"), "like", "", None),
        (entry(prop="repost-of"), "repost", "", None),
        (entry(prop="bookmark-of"), "bookmark", "", None),
        (entry(prop="mention-of"), "mention", "", None),
        (entry(prop="rsvp"), "mention", "", None),
        (
            entry(author={"name": "Ann", "url": "https://ann.test/"}, url="https://ann.test/1"),
            "reply",
            mentions.Author("Ann", "https://ann.test/"),
            "https://ann.test/1",
        ),
        (
            entry(author={"name": "", "url": "javascript:x"}, url="javascript:y"),
            "reply",
            mentions.Author("", None),
            None,
        ),
        (
            entry(author={"url": "https://ann.test/"}, **{"wm-source": "https://ann.test/s"}),
            "reply",
            mentions.Author("ann.test", "https://ann.test/"),
            "https://ann.test/s",
        ),
    ],
)
def test_parse(raw, kind, author, url):
    mention = mentions.parse(raw)
    assert mention.kind == kind
    assert mention.author == (author if isinstance(author, mentions.Author) else mention.author)
    assert mention.author.name == (author if isinstance(author, str) else author.name)
    assert mention.url == url


@pytest.mark.parametrize(
    ("author", "content", "name", "shown"),
    [
        # a lone surrogate is valid JSON ("\ud800") but no character: no page can hold it
        ({"name": "Ev\ud800e"}, {"text": "hi \udfff there"}, "Eve", "<p>hi there</p>"),
        # controls, DEL, C1 and noncharacters: the Nu validator's forbidden code points
        (
            {"name": "Ctl\x1bname\x7f\x85\ufffe\U0010ffff"},
            {"html": "<p>a\x0bb\x0cc \x1b[31m\x00 \ufdd0\x9fd\ud800</p>"},
            "Ctlname",
            "<p>a b c [31m d</p>",
        ),
        ({"name": "\x1b\ud800", "url": "https://eve.test/"}, {}, "eve.test", ""),
    ],
)
def test_characters_no_page_may_carry_are_removed(author, content, name, shown):
    mention = mentions.parse(entry(author=author, content=content))
    assert (mention.author.name, mention.content) == (name, shown)


@pytest.mark.parametrize(
    "raw",
    [
        entry(**{"wm-private": True}),
        {"wm-property": "like-of", "wm-target": "https://b.test/"},  # no id
        entry(wm_id="7"),
        entry(wm_id=True),
        entry(target=None),
        "not a dict",
    ],
)
def test_unusable_or_private_entries_are_dropped(raw):
    assert mentions.parse(raw) is None


def test_dates():
    assert mentions.parse(entry(published="2024-03-11T08:30:00Z")).published == dt.datetime(
        2024, 3, 11, 8, 30, tzinfo=dt.UTC
    )
    fallback = mentions.parse(entry(published=None, **{"wm-received": "2024-03-12T10:00:00"}))
    assert fallback.published == dt.datetime(2024, 3, 12, 10, 0, tzinfo=dt.UTC)
    assert mentions.parse(entry(published="last tuesday")).published is None


def test_summarise_groups_by_post_and_orders_replies():
    parsed = [
        mentions.parse(e)
        for e in [
            entry(1, "like-of"),
            entry(2, "like-of", "https://b.test/posts/x"),
            entry(3, "repost-of", "https://b.test/posts/x/#top"),
            entry(4, published="2024-05-02T00:00:00Z"),
            entry(5, "mention-of", published="2024-05-01T00:00:00Z"),
            entry(6, "like-of", "https://b.test/posts/y/"),
        ]
    ]
    summary = mentions.summarise(parsed)
    x = summary["/posts/x/"]
    assert (x.likes, x.reposts, x.bookmarks) == (2, 1, 0)
    assert [m.id for m in x.replies] == [5, 4]
    assert summary["/posts/y/"].likes == 1 and not summary["/posts/y/"].replies
    assert not mentions.Summary()


@pytest.mark.parametrize(
    ("cached", "fetched", "ids", "last"),
    [
        ([], [], [], None),
        ([entry(1)], [entry(2)], [1, 2], 2),
        ([entry(2), entry(1)], [], [1, 2], 2),
        ([entry(1, url="https://old.test/")], [entry(1, url="https://new.test/")], [1], 1),
        ([entry(3)], [{"no": "id"}, "junk"], [3], 3),
    ],
)
def test_merge(cached, fetched, ids, last):
    merged = mentions.merge(cached, fetched)
    assert [e["wm-id"] for e in merged] == ids
    assert mentions.last_id(merged) == last
    if fetched and ids == [1]:
        assert merged[0]["url"] == "https://new.test/"  # the newer copy wins


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"WEBMENTIONS_TOKEN": "abc"}, "WEBMENTIONS_TOKEN must not be a setting"),
        ({"WEBMENTIONS_DOMIAN": DOMAIN}, "did you mean WEBMENTIONS_DOMAIN?"),
        ({"WEBMENTIONS_DOMAIN": "https://b.test/"}, "must be a bare domain"),
        ({"WEBMENTIONS_API_URL": "webmention.io/api"}, "WEBMENTIONS_API_URL must be an http(s)"),
        ({"WEBMENTIONS_TIMEOUT": 0}, "WEBMENTIONS_TIMEOUT must be a number of at least 0.1"),
        ({"WEBMENTIONS_TIMEOUT": "5"}, "WEBMENTIONS_TIMEOUT must be a number"),
        ({"WEBMENTIONS_PER_PAGE": 2.5}, "WEBMENTIONS_PER_PAGE must be a whole number"),
        ({"WEBMENTIONS_SEND": "yes"}, "WEBMENTIONS_SEND must be True or False"),
    ],
)
def test_settings_errors(settings, message):
    with pytest.raises(SettingsError) as error:
        configure(settings)
    assert message in str(error.value)


# --- a local stand-in for webmention.io -----------------------------------------------------


MISBEHAVING = {"garbage", "longline", "cut", "trickle"}


def misbehave(wfile, mode: str, stop: threading.Event) -> None:
    """Answer as a broken server does, straight on the socket: 'garbage' (no status line),
    'longline' (a header longer than http.client takes), 'cut' (a body cut short, then the
    connection closed), 'trickle' (a byte every 0.1 s, for 3 s at most)."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
    with contextlib.suppress(OSError):  # the client gave up
        if mode == "garbage":
            wfile.write(b"garbage\r\n\r\n")
        elif mode == "longline":
            wfile.write(head + b"X-Long: " + b"a" * 70_000 + b"\r\n\r\n")
        elif mode == "cut":
            wfile.write(head + b'Content-Length: 1000\r\n\r\n{"children": [')
        elif mode == "trickle":
            wfile.write(head + b"Content-Length: 100000\r\n\r\n")
            ends = time.monotonic() + 3
            while time.monotonic() < ends and not stop.wait(0.1):
                wfile.write(b" ")


class Api:
    """Serves the recorded mentions as webmention.io would (domain, token, since_id, pages), or
    misbehaves as told: mode 'ok', '500', 'slow', 'badjson', 'shape', or one of misbehave's."""

    def __init__(self) -> None:
        self.entries = [
            e
            for name in ("page-0.json", "page-1.json")
            for e in json.loads((RECORDED / name).read_text())["children"]
        ]
        self.mode = "ok"
        self.requests: list[dict[str, str]] = []
        self.stop = threading.Event()

    def answer(self, query: dict[str, str]) -> tuple[int, bytes]:
        self.requests.append(query)
        if self.mode == "500":
            return 500, b"<h1>Internal Server Error</h1>"
        if self.mode == "slow":
            self.stop.wait(5)  # far longer than the client's timeout
        if self.mode == "badjson":
            return 200, b"<html>maintenance</html>"
        if self.mode == "shape":
            return 200, b'{"error": "surprise"}'
        if query.get("token") != TOKEN or query.get("domain") != DOMAIN:
            return 401, b'{"error": "forbidden"}'
        since = int(query.get("since_id", -1))
        per_page = int(query.get("per-page", 20))
        page = int(query.get("page", 0))
        newer = [e for e in self.entries if e["wm-id"] > since]
        children = newer[page * per_page : (page + 1) * per_page]
        return 200, json.dumps({"type": "feed", "children": children}).encode()


@pytest.fixture(scope="module")
def api():
    state = Api()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            parts = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            self.close_connection = True
            if state.mode in MISBEHAVING:
                state.requests.append(query)
                misbehave(self.wfile, state.mode, state.stop)
                return
            status, body = state.answer(query)
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:
                pass  # the client gave up (the timeout case)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/api/mentions.jf2"
    yield state
    state.stop.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def fresh_api(api):
    api.mode = "ok"
    api.requests.clear()
    return api


def test_fetch_pages_through_the_domain(fresh_api):
    found = client.fetch(fresh_api.url, DOMAIN, TOKEN, timeout=5, per_page=4)
    assert [e["wm-id"] for e in found] == list(range(1701, 1708))
    assert [(r["page"], r["per-page"], r["domain"], r["token"]) for r in fresh_api.requests] == [
        ("0", "4", DOMAIN, TOKEN),
        ("1", "4", DOMAIN, TOKEN),
    ]


def test_fetch_since_an_id(fresh_api):
    found = client.fetch(fresh_api.url, DOMAIN, TOKEN, timeout=5, since_id=1704)
    assert [e["wm-id"] for e in found] == [1705, 1706, 1707]
    assert fresh_api.requests[0]["since_id"] == "1704"


def _closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/api"


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("500", "the API answered HTTP 500"),
        ("slow", "no answer within 0.5 s"),
        ("badjson", "not JSON"),
        ("shape", "no list of mentions"),
        ("token", "the API answered HTTP 401"),
        ("closed", "could not reach the API"),
        ("garbage", "the API answered something that is not HTTP (BadStatusLine)"),
        ("longline", "the API answered something that is not HTTP (LineTooLong)"),
        ("cut", "the connection closed before the answer was complete"),
        ("trickle", "no answer within 0.5 s"),  # each read is quick: the answer is not
    ],
)
def test_fetch_failures_are_clear_and_never_show_the_token(fresh_api, mode, message):
    url = _closed_port_url() if mode == "closed" else fresh_api.url
    fresh_api.mode = "ok" if mode == "token" else mode
    token = "wrong" if mode == "token" else TOKEN
    started = time.monotonic()
    with pytest.raises(client.FetchError) as error:
        client.fetch(url, DOMAIN, token, timeout=0.5)
    assert message in str(error.value)
    assert TOKEN not in str(error.value)
    assert time.monotonic() - started < 1.5


def test_the_whole_fetch_has_a_deadline(fresh_api):
    fresh_api.mode = "trickle"
    started = time.monotonic()
    with pytest.raises(client.FetchError) as error:
        client.fetch(fresh_api.url, DOMAIN, TOKEN, timeout=10, deadline=0.5)
    assert str(error.value) == "the whole fetch took more than 0.5 s (WEBMENTIONS_DEADLINE)"
    assert time.monotonic() - started < 1.5


# A stand-in for webmention.io in a process of its own (the threads of the asking process are
# then its own alone) that starts each answer and sends its headers a byte every 0.1 s, for
# ever: each read is quick, the answer never whole
TRICKLING = """
import socket, time
server = socket.create_server(("127.0.0.1", 0))
print(server.getsockname()[1], flush=True)
while True:
    connection, _ = server.accept()
    try:
        connection.sendall(b"HTTP/1.1 200 OK\\r\\nX-Slow: ")
        while True:
            time.sleep(0.1)
            connection.sendall(b"a")
    except OSError:  # the client gave up
        connection.close()
"""


@pytest.fixture
def trickling_api():
    """The URL of an API that never finishes its headers."""
    server = subprocess.Popen([sys.executable, "-c", TRICKLING], stdout=subprocess.PIPE, text=True)
    try:
        port = int(server.stdout.readline())
        yield f"http://127.0.0.1:{port}/api/mentions.jf2"
    finally:
        server.kill()
        server.wait()
        server.stdout.close()


def test_a_request_past_its_timeout_leaves_no_thread_behind(trickling_api):
    # the request ran in a thread the fetch stopped waiting for: reading headers a byte at a
    # time, it lived on after the timeout, and the build forked its workers with it
    before = set(threading.enumerate())  # other tests' servers may end meanwhile
    with pytest.raises(client.FetchError) as error:
        client.fetch(trickling_api, DOMAIN, TOKEN, timeout=0.5)
    assert str(error.value) == "no answer within 0.5 s"
    assert set(threading.enumerate()) - before == set()


def test_a_build_whose_fetch_timed_out_forks_with_one_thread(trickling_api, tmp_path, monkeypatch):
    # the build forks its renderers after fetching (and its photos' pool): each fork copied
    # the request's thread, still reading (Python 3.12 warns: fork() "may lead to deadlocks")
    from tests.test_fastbuild import build, fork_probe

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    notes = tmp_path / "forks.jsonl"
    folder = fork_probe(tmp_path, notes)
    from pelicanconf import PLUGINS

    monkeypatch.setenv(TOKEN_ENV, TOKEN)
    result = build(
        content,
        tmp_path / "out",
        tmp_path / "cache",
        PLUGIN_PATHS=["plugins", str(folder)],
        PLUGINS=[*PLUGINS, "forkprobe"],
        FASTBUILD_WORKERS=2,
        FASTBUILD_MIN_FILES=1,
        **wm_settings(SimpleNamespace(url=trickling_api), tmp_path / "wm.json"),
    )
    assert result.returncode == 0, result.stderr
    said = " ".join((result.stdout + result.stderr).split())  # rich's columns unwrapped
    assert "failed: no answer within 0.5 s; showing the last good copy" in said, said[-2000:]
    forks = [json.loads(line) for line in notes.read_text().splitlines()]
    assert forks  # the renderers, after the fetch
    assert all(fork == [["MainThread"], 1] for fork in forks), forks


def test_cache_round_trip_and_problems(tmp_path):
    path = tmp_path / "deep" / "wm.json"
    assert client.load_cache(path, DOMAIN) == (client.Cache(DOMAIN), None)
    client.save_cache(path, client.Cache(DOMAIN, 12.5, [entry(3)]))
    assert client.load_cache(path, DOMAIN) == (client.Cache(DOMAIN, 12.5, [entry(3)]), None)
    assert client.load_cache(path, "other.test") == (client.Cache("other.test"), None)
    path.write_text("{not json")
    cache, problem = client.load_cache(path, DOMAIN)
    assert cache.entries == [] and "could not be read" in problem
    path.write_text('{"version": 99}')
    assert "is not a webmentions cache" in client.load_cache(path, DOMAIN)[1]


# --- real builds ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def good_cache(api, tmp_path_factory) -> Path:
    """A cache as a successful build leaves it, made by the real fetching code."""
    api.mode = "ok"
    path = tmp_path_factory.mktemp("wm-cache") / "webmentions.json"
    fresh = client.refresh(client.Cache(DOMAIN), api.url, TOKEN, timeout=5, per_page=4, now=1.0)
    client.save_cache(path, fresh)
    return path


def wm_settings(api, cache: Path, **extra):
    return {
        "WEBMENTIONS_DOMAIN": DOMAIN,
        "WEBMENTIONS_API_URL": api.url,
        "WEBMENTIONS_TOKEN_ENV": TOKEN_ENV,
        "WEBMENTIONS_CACHE": str(cache),
        "WEBMENTIONS_TIMEOUT": 0.5,
        "WEBMENTIONS_PER_PAGE": 4,
        "WEBMENTIONS_REFRESH": 0,
        **extra,
    }


@pytest.fixture(scope="module")
def site(api, tmp_path_factory):
    from tests.conftest import _builder

    api.mode = "ok"
    api.requests.clear()
    base = tmp_path_factory.mktemp("wm-site")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(TOKEN_ENV, TOKEN)
        built = _builder(base)(**wm_settings(api, base / "cache" / "wm.json"))
    built.requests = list(api.requests)
    built.cache = base / "cache" / "wm.json"
    return built


def block(site, path="posts/ranges/"):
    return site.soup(path).select_one("section.webmentions")


def test_one_paged_request_sequence_for_the_whole_domain(site):
    assert [r["page"] for r in site.requests] == ["0", "1"]
    assert all(r["domain"] == DOMAIN and "target" not in r for r in site.requests)
    assert site.cache.is_file()  # outside output/
    assert not site.cache.is_relative_to(site.output)


def test_counts_and_replies(site):
    section = block(site)
    assert section["id"] == "webmentions"
    assert section.find_previous_sibling("section", class_="comments") is not None
    counts = {
        li["class"][1]: li.get_text(" ", strip=True) for li in section.select(".webmentions__count")
    }
    assert counts == {
        "webmentions__count--likes": "2 likes",  # one of them aimed at #overlaps
        "webmentions__count--reposts": "1 repost",  # aimed at /posts/ranges without a slash
    }
    replies = section.select("ol.webmentions__replies > li.webmention")
    assert [li["id"] for li in replies] == ["webmention-1701", "webmention-1702"]
    rosa = replies[0]
    author = rosa.select_one("a.webmention__author")
    assert (author.get_text(), author["href"]) == ("Rosa Quint", "https://rosa.example.test/")
    assert rosa.select_one("a.u-url")["href"] == "https://rosa.example.test/notes/2024/ranges"
    assert rosa.select_one("time")["datetime"] == "2024-03-11T08:30:00+00:00"
    assert rosa.select_one("time").get_text() == "11 March 2024"
    content = rosa.select_one(".webmention__content")
    assert content.select_one("em").get_text() == "village hall"
    assert content.select_one("a")["rel"] == ["nofollow", "ugc", "noopener"]


def test_hostile_markup_is_neutralised(site):
    section = block(site)
    mallory = section.select_one("#webmention-1702")
    assert not section.select("script, style, iframe, img, svg, form, input")
    for tag in section.find_all(True):
        assert not [a for a in tag.attrs if a.startswith("on") or a == "style"], tag
    for link in section.select("[href]"):
        assert link["href"].startswith("https://"), link
    assert mallory.select_one("a.webmention__author") is None  # javascript: author URL dropped
    assert mallory.select_one(".webmention__author").get_text() == "<b>Mallory</b>"  # as text
    # a javascript: mention URL gives way to the source webmention.io verified
    assert mallory.select_one("a.u-url")["href"] == "https://mallory.example.test/post"
    assert "Nice post" in mallory.select_one(".webmention__content").get_text()
    page = site.text("posts/ranges/")
    assert "alert(" not in page and "steal()" not in page and "display:none" not in page


def test_no_avatar_is_loaded_and_private_mentions_stay_private(site):
    for file in site.files(".html"):
        text = file.read_text()
        assert "avatars.example.test" not in text
        assert "PRIVATEWORD" not in text


def test_plain_text_mention_on_another_post(site):
    section = block(site, "posts/garden-party/")
    assert section.select_one(".webmentions__counts") is None
    (tove,) = section.select("li.webmention--mention")
    assert "mentioned this" in tove.select_one(".webmention__meta").get_text()
    assert tove.select_one(".webmention__content").get_text() == (
        "We were at the <garden party> & loved it."
    )


def test_posts_without_mentions_and_drafts_have_no_block(site):
    assert block(site, "posts/first-light/") is None
    assert block(site, "drafts/posts/unfinished-thoughts/") is None


def _copy(cache: Path, tmp_path: Path) -> Path:
    target = tmp_path / "wm-cache.json"
    target.write_bytes(cache.read_bytes())
    return target


def _warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


@pytest.mark.parametrize(
    ("mode", "reason"),
    [
        ("500", "the API answered HTTP 500"),
        ("slow", "no answer within 0.5 s"),
        ("badjson", "the API answered something that is not JSON"),
        ("cut", "the connection closed before the answer was complete"),
        ("garbage", "the API answered something that is not HTTP"),
        # each read is quick, each answer may take 10 s: the whole fetch may not
        ("trickle", "the whole fetch took more than 0.5 s (WEBMENTIONS_DEADLINE)"),
    ],
)
def test_a_failed_fetch_shows_the_cache_with_a_warning(
    build_site, fresh_api, good_cache, tmp_path, caplog, monkeypatch, mode, reason
):
    caplog.set_level(logging.WARNING)
    monkeypatch.setenv(TOKEN_ENV, TOKEN)
    cache = _copy(good_cache, tmp_path)
    before = cache.read_bytes()
    fresh_api.mode = mode
    # a publish build: it must still succeed (a warning, never an error)
    late = {"WEBMENTIONS_TIMEOUT": 10, "WEBMENTIONS_DEADLINE": 0.5} if mode == "trickle" else {}
    built = build_site(publish=True, **wm_settings(fresh_api, cache, **late))
    (warning,) = [w for w in _warnings(caplog) if w.startswith("webmentions:")]
    assert reason in warning
    assert "showing the last good copy (7 mentions" in warning  # one is private: never shown
    assert TOKEN not in warning
    assert fresh_api.requests  # it really asked
    section = block(built)
    assert [li["id"] for li in section.select("li.webmention")] == [
        "webmention-1701",
        "webmention-1702",
    ]
    assert cache.read_bytes() == before  # a failure never overwrites the last good copy


def test_new_mentions_are_merged_into_the_cache(build_site, fresh_api, tmp_path, monkeypatch):
    monkeypatch.setenv(TOKEN_ENV, TOKEN)
    cache = tmp_path / "wm.json"
    first = fresh_api.entries[:3]
    client.save_cache(cache, client.Cache(DOMAIN, 1.0, first))
    built = build_site(**wm_settings(fresh_api, cache))
    assert fresh_api.requests[0]["since_id"] == "1703"  # only what is new
    saved = json.loads(cache.read_text())
    assert [e["wm-id"] for e in saved["entries"]] == list(range(1701, 1708))
    assert saved["fetched_at"] > time.time() - 600
    assert block(built).select_one(".webmentions__count--reposts")


def test_a_recent_cache_is_used_without_a_request(build_site, fresh_api, good_cache, tmp_path):
    cache = _copy(good_cache, tmp_path)
    data = json.loads(cache.read_text())
    data["fetched_at"] = time.time()
    cache.write_text(json.dumps(data))
    built = build_site(**wm_settings(fresh_api, cache, WEBMENTIONS_REFRESH=3600))
    assert fresh_api.requests == []
    assert block(built) is not None


def test_without_a_token_the_cache_is_shown_with_a_warning(
    build_site, fresh_api, good_cache, tmp_path, caplog, monkeypatch
):
    caplog.set_level(logging.WARNING)
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    built = build_site(**wm_settings(fresh_api, _copy(good_cache, tmp_path)))
    assert fresh_api.requests == []
    assert any(f"no API token in ${TOKEN_ENV}" in w for w in _warnings(caplog))
    assert block(built) is not None


def test_a_corrupt_cache_is_a_warning(build_site, fresh_api, tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    cache = tmp_path / "broken-wm.json"
    cache.write_text("{oops")
    build_site(**wm_settings(fresh_api, cache, WEBMENTIONS_FETCH=False))
    assert any("broken-wm.json could not be read" in w for w in _warnings(caplog))


def test_off_without_a_domain_means_no_network(build_site, fresh_api, tmp_path, monkeypatch):
    monkeypatch.setenv(TOKEN_ENV, TOKEN)
    settings = wm_settings(fresh_api, tmp_path / "wm.json")
    settings["WEBMENTIONS_DOMAIN"] = None
    built = build_site(**settings)
    assert fresh_api.requests == []
    assert not (tmp_path / "wm.json").exists()
    assert block(built) is None


def test_the_token_setting_is_refused(build_site):
    with pytest.raises(SystemExit) as stop:
        build_site(WEBMENTIONS_TOKEN="abc")
    assert "environment variable" in str(stop.value)


def test_blocks_are_in_the_article_order(site):
    article = site.soup("posts/ranges/").select_one("article.post")
    order = [
        s["class"][0]
        for s in article.find_all("section", recursive=False)
        if s["class"][0] in ("share-links", "comments", "webmentions")
    ]
    assert order == ["share-links", "comments", "webmentions"]
    assert TEST_SITEURL.startswith("https://")


# --- sending ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "endpoint"),
    [
        (['<https://e.test/wm>; rel="webmention"'], "https://e.test/wm"),
        (["<https://e.test/wm>; rel=webmention"], "https://e.test/wm"),
        (['<https://e.test/a>; rel="me", </wm>; rel="webmention other"'], "/wm"),
        (['<https://e.test/a>; rel="me"', "</wm2>; REL=Webmention"], "/wm2"),
        (['<https://e.test/x>; rel="not-webmention"'], None),
        ([], None),
    ],
)
def test_endpoint_from_link_header(headers, endpoint):
    from plugins.webmentions import send

    assert send.endpoint_from_link_header(headers) == endpoint


@pytest.mark.parametrize(
    ("html", "links"),
    [
        (
            '<a href="https://x.test/a#frag">a</a><a href="https://x.test/a">b</a>',
            ["https://x.test/a"],
        ),
        ('<a href="/posts/other/">in</a><a href="https://b.test/posts/x/">in</a>', []),
        ('<a href="mailto:a@x.test">m</a><a href="javascript:x">j</a><a>no</a>', []),
        ('<a href="http://x.test/">x</a><img src="https://img.test/i.png">', ["http://x.test/"]),
        ('<a href="https://b.test:8443/">other port</a>', ["https://b.test:8443/"]),
    ],
)
def test_external_links(html, links):
    from plugins.webmentions import send

    assert send.external_links(html, "https://b.test") == links


@pytest.fixture
def targets():
    """Sites the posts link to, on 127.0.0.1: each way of advertising an endpoint, and none."""
    posted: list[tuple[str, dict[str, str]]] = []
    stop = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def _send(self, status, body=b"", headers=()):
            try:
                self.send_response(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:
                pass

        def do_GET(self):
            html = [("Content-Type", "text/html; charset=utf-8")]
            page = {
                "/linkheader": (b"<p>hi</p>", [*html, ("Link", '</endpoint-a>; rel="webmention"')]),
                "/linktag": (b'<head><link rel="webmention" href="endpoint-b"></head>', html),
                "/atag": (b'<p><a rel="nofollow webmention" href="/endpoint-c">wm</a></p>', html),
                "/none": (b"<p>no endpoint here</p>", html),
                "/broken": (b'<link rel="webmention" href="/endpoint-500">', html),
            }
            if self.path == "/redirect":
                return self._send(302, headers=[("Location", "/sub/linktag")])
            if self.path == "/sub/linktag":
                return self._send(200, *page["/linktag"])
            if self.path == "/slow":
                stop.wait(5)
                return self._send(200, b"late", html)
            if self.path == "/charset":  # MySQL's name, unknown to Python: read as UTF-8
                mysql = [("Content-Type", "text/html; charset=utf8mb4")]
                return self._send(200, b'<link rel="webmention" href="/endpoint-d">', mysql)
            if self.path.lstrip("/") in MISBEHAVING:
                self.close_connection = True
                return misbehave(self.wfile, self.path.lstrip("/"), stop)
            body, headers = page.get(self.path, (b"not found", html))
            self._send(200 if self.path in page else 404, body, headers)

        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            posted.append((self.path, form))
            self._send(500 if self.path == "/endpoint-500" else 202)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    yield base, posted
    stop.set()
    server.shutdown()
    server.server_close()


def test_discovery_and_sending_against_local_sites(targets, tmp_path):
    from plugins.webmentions import send

    base, posted = targets
    source = "https://blog.example.test/posts/ranges/"
    names = ["linkheader", "linktag", "atag", "redirect", "none", "broken", "slow", "missing"]
    names += ["garbage", "cut", "trickle", "charset"]
    outbox, sent = tmp_path / "outbox.json", tmp_path / "sent.json"
    send.write_outbox(outbox, {source: [f"{base}/{name}" for name in names]})
    results = {o.target[len(base) + 1 :]: o.result for o in send.send_pending(outbox, sent, 0.5)}
    assert results == {
        "linkheader": "sent",
        "linktag": "sent",
        "atag": "sent",
        "redirect": "sent",
        "none": "no endpoint",
        "broken": "rejected 500",
        "slow": results["slow"],
        "missing": "failed: Not Found",
        # a site answering badly is one line too, and the others are still notified
        "garbage": "failed: the site answered something that is not HTTP (BadStatusLine)",
        "cut": "failed: the site's answer was cut short",
        "trickle": "failed: no complete answer within 0.5 s",
        "charset": "sent",
    }
    assert results["slow"].startswith("failed:")
    assert sorted(posted) == sorted(
        [
            ("/endpoint-a", {"source": source, "target": f"{base}/linkheader"}),
            ("/endpoint-b", {"source": source, "target": f"{base}/linktag"}),
            ("/endpoint-c", {"source": source, "target": f"{base}/atag"}),
            ("/sub/endpoint-b", {"source": source, "target": f"{base}/redirect"}),
            ("/endpoint-500", {"source": source, "target": f"{base}/broken"}),
            ("/endpoint-d", {"source": source, "target": f"{base}/charset"}),
        ]
    )
    # a second run sends nothing already done; failures (5xx, timeouts) are tried again
    posted.clear()
    again = {o.target[len(base) + 1 :] for o in send.send_pending(outbox, sent, 0.5)}
    assert again == {"broken", "slow", "missing", "garbage", "cut", "trickle"}
    assert [path for path, _ in posted] == ["/endpoint-500"]


def test_what_is_sent_is_recorded_at_once_and_kept_when_stopped(targets, tmp_path):
    from plugins.webmentions import send

    base, posted = targets
    source = "https://blog.example.test/posts/ranges/"
    outbox, sent = tmp_path / "outbox.json", tmp_path / "sent.json"
    names = ["linkheader", "garbage", "linktag", "atag"]
    send.write_outbox(outbox, {source: [f"{base}/{name}" for name in names]})
    told = []

    def stop_at_the_third(outcome):
        told.append(outcome.result)
        recorded = json.loads(sent.read_text()) if sent.exists() else {}
        assert (f"{source} {outcome.target}" in recorded) == outcome.done  # before the next
        if len(told) == 3:
            raise KeyboardInterrupt  # Ctrl-C

    with pytest.raises(KeyboardInterrupt):
        send.send_pending(outbox, sent, 0.5, stop_at_the_third)
    assert told[0] == told[2] == "sent" and told[1].startswith("failed:")
    assert set(json.loads(sent.read_text())) == {f"{source} {base}/{n}" for n in names[::2]}
    # the next run notifies only what was not done
    posted.clear()
    results = [o.target for o in send.send_pending(outbox, sent, 0.5)]
    assert results == [f"{base}/garbage", f"{base}/atag"]
    assert [path for path, _ in posted] == ["/endpoint-c"]


@pytest.mark.parametrize(
    ("outbox", "said"),
    [
        ('{"version": 1, "posts": ["https://a.test/"]}', '"posts" must be an object'),
        ('{"version": 1}', '"posts" must be an object'),
        ('{"version": 1, "posts": {"https://blog.test/p/": "https://a.test/"}}',
         "\"posts\" → 'https://blog.test/p/' must be a list of link URLs"),
        ('["https://a.test/"]', "expected an object {\"version\": 1, \"posts\""),
        ('{"version": 1, "posts": {', "not valid JSON"),
    ],
)  # fmt: skip
def test_an_outbox_of_the_wrong_shape_is_one_line(tmp_path, outbox, said):
    from plugins.webmentions import send

    (tmp_path / "outbox.json").write_text(outbox, encoding="utf-8")
    with pytest.raises(send.FileError) as caught:
        send.send_pending(tmp_path / "outbox.json", tmp_path / "sent.json", 0.5)
    assert caught.value.path == tmp_path / "outbox.json"
    assert said in caught.value.problem and "\n" not in str(caught.value)


@pytest.mark.parametrize("record", ['{"https://blog.test/p/ https://a', "[]", b"\xff\xfe{}"])
def test_a_damaged_sent_record_stops_before_sending_anything(targets, tmp_path, record):
    from plugins.webmentions import send

    base, posted = targets
    outbox, sent = tmp_path / "outbox.json", tmp_path / "sent.json"
    send.write_outbox(outbox, {"https://blog.example.test/posts/ranges/": [f"{base}/linktag"]})
    if isinstance(record, str):
        record = record.encode()
    sent.write_bytes(record)
    with pytest.raises(send.FileError) as caught:
        send.send_pending(outbox, sent, 0.5)
    assert caught.value.path == sent and "every site would be notified again" in str(caught.value)
    assert posted == [] and sent.read_bytes() == record  # nobody notified, the record kept


def test_send_webmentions_says_a_damaged_file_in_one_line(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for kept in ("tasks.py", "pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / kept, project / kept)
    for linked in ("plugins", "theme"):
        (project / linked).symlink_to(ROOT / linked, target_is_directory=True)
    (project / "content").mkdir()
    cache = project / ".cache" / "pelican"
    cache.mkdir(parents=True)
    (cache / "webmentions-outbox.json").write_text('{"version": 1, "posts": []}')
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "send-webmentions"],
        cwd=project, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        '.cache/pelican/webmentions-outbox.json: "posts" must be an object '
        '{"<post URL>": ["<link URL>", ...]}, got a JSON list.'
    ]


def test_send_webmentions_timeout_takes_a_value(tmp_path):
    """--help showed ``-t, --timeout`` with no value (invoke reads a float default as a flag);
    a value that is no number is one line."""

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "invoke", *args],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
        )  # fmt: skip

    shown = run("--help", "send-webmentions")
    assert "--timeout=" in shown.stdout, shown.stdout
    wrong = run("send-webmentions", "--timeout", "ten")
    assert wrong.returncode == 1 and wrong.stdout == ""
    assert wrong.stderr.splitlines() == [
        "--timeout 'ten' is not a number of seconds, such as 10 or 2.5"
    ]


def test_publish_builds_record_external_links_only(build_site, tmp_path):
    post = (
        "Title: Links\nDate: 2024-08-01\nSlug: links\n\n"
        "[A friend](https://friend.example.test/post#part), [ours]({filename}/posts/ranges.md), "
        "[ours again](https://blog.example.test/about/), [mail](mailto:x@example.test).\n"
    )
    outbox = tmp_path / "outbox.json"
    build_site(
        {"posts/links.md": post},
        publish=True,
        WEBMENTIONS_SEND=True,
        WEBMENTIONS_OUTBOX=str(outbox),
    )
    posts = json.loads(outbox.read_text())["posts"]
    assert posts == {f"{TEST_SITEURL}/posts/links/": ["https://friend.example.test/post"]}


def test_nothing_is_recorded_by_default_or_for_a_local_siteurl(build_site, tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    outbox = tmp_path / "outbox.json"
    build_site(publish=True, WEBMENTIONS_OUTBOX=str(outbox))
    assert not outbox.exists()
    build_site(
        siteurl="http://127.0.0.1:8000",
        WEBMENTIONS_SEND=True,
        WEBMENTIONS_OUTBOX=str(outbox),
    )
    assert not outbox.exists()
    assert any("WEBMENTIONS_SEND needs the public https SITEURL" in w for w in _warnings(caplog))


def test_pages_advertise_the_endpoint(site, dev_site):
    for path in ("/", "posts/ranges/", "about/"):
        link = site.soup(path).select_one("head link[rel=webmention]")
        assert link["href"] == f"https://webmention.io/{DOMAIN}/webmention"
    assert dev_site.soup("/").select_one("link[rel=webmention]") is None  # off without a domain


@pytest.mark.parametrize(
    ("settings", "endpoint"),
    [
        ({}, None),
        ({"WEBMENTIONS_DOMAIN": "b.test"}, "https://webmention.io/b.test/webmention"),
        ({"WEBMENTIONS_DOMAIN": "b.test", "WEBMENTIONS_ENDPOINT": ""}, ""),
        (
            {"WEBMENTIONS_DOMAIN": "b.test", "WEBMENTIONS_ENDPOINT": "https://wm.b.test/in"},
            "https://wm.b.test/in",
        ),
    ],
)
def test_endpoint_setting(settings, endpoint):
    assert configure(settings)["WEBMENTIONS_ENDPOINT"] == endpoint
