"""The webmentions archive: load, add, dumps, stable_id and site_target as tables; then fixture
builds showing archived pingbacks and trackbacks with no domain and no network, beside received
mentions with a domain, and a broken archive in development and publish builds."""

import json
import logging
from pathlib import Path

import pytest

from plugins.webmentions import archive, client, mentions
from plugins.webmentions.settings import SettingsError, archive_path, configure
from sitecheck import lint
from tests.conftest import TEST_SITEURL

# --- load -----------------------------------------------------------------------------------


def pingback(target="/posts/ranges/", source="https://ann.test/notes/1", **extra) -> dict:
    """An archived pingback as the WordPress importer writes it."""
    return {
        "wm-id": archive.stable_id("wordpress", source, target),
        "wm-property": "mention-of",
        "wm-target": target,
        "wm-source": source,
        "url": source,
        "author": {"name": "Ann Moss", "url": "https://ann.test/"},
        "published": "2011-05-04T10:00:00Z",
        "content": {"text": "[…] a booking system for halls […]"},
        "wm-imported": "wordpress",
        **extra,
    }


def feed(*children) -> str:
    return json.dumps({"type": "feed", "children": list(children)})


@pytest.mark.parametrize(
    ("text", "ids", "problem"),
    [
        (None, [], None),  # no file: no archive, nothing to say
        (feed(), [], None),
        (feed({**pingback(), "wm-id": 1}, {**pingback(), "wm-id": 2}), [1, 2], None),
        ("\ufeff" + feed({**pingback(), "wm-id": 3}), [3], None),
        ("", [], "is empty"),
        ("  \n", [], "is empty"),
        ('{"type": "feed", "children": [}', [], "is not valid JSON (line 1, column 31"),
        ("[]", [], "is not a list of mentions"),
        ('{"type": "feed"}', [], "is not a list of mentions"),
        ('{"type": "feed", "children": {}}', [], "is not a list of mentions"),
        ('{"type": "entry", "children": []}', [], "is not a list of mentions"),
        ("null", [], "is not a list of mentions"),
        (b"\xff\xfe{}", [], "could not be read"),
    ],
)
def test_load_the_file(tmp_path, text, ids, problem):
    path = tmp_path / "webmentions.json"
    if isinstance(text, bytes):
        path.write_bytes(text)
    elif text is not None:
        path.write_text(text, encoding="utf-8")
    entries, found = archive.load(path, "content/webmentions.json")
    if problem is None:
        assert found is None
    else:
        assert found.startswith(f"content/webmentions.json: {problem}"), found
        assert found.endswith(archive.EXPECTED)
        assert "\n" not in found
    assert [e["wm-id"] for e in entries] == ids


def test_load_names_the_path_when_not_told_a_name(tmp_path):
    (tmp_path / "webmentions.json").mkdir()  # a folder where the file should be
    entries, problem = archive.load(tmp_path / "webmentions.json")
    assert entries == []
    assert problem.startswith(f"{tmp_path / 'webmentions.json'}: could not be read")


@pytest.mark.parametrize(
    ("children", "ids", "problems"),
    [
        ([pingback(source="https://a.test/1"), pingback(source="https://b.test/2")], 2, []),
        ([{**pingback(), "wm-target": ""}], 0, ["children[0] (https://ann.test/notes/1) has no"]),
        ([{"wm-id": 3}], 0, ["children[0] has no wm-target"]),
        (["junk", 7], 0, ["children[0] is str, not an object", "children[1] is int"]),
        ([{**pingback(), "wm-id": "12"}], 0, ["wm-id '12' is not a whole number"]),
        ([{**pingback(), "wm-id": True}], 0, ["wm-id True is not a whole number"]),
        # a bad date is named, but the mention is still shown (without a date)
        ([pingback(published="2011-13-01")], 1, ["published '2011-13-01' is not an ISO 8601"]),
        (
            [pingback(), pingback()],
            1,
            ["children[1] (https://ann.test/notes/1) has wm-id", "as children[0] has"],
        ),
        (
            [{"wm-target": "/posts/x/"}] * 6,
            1,
            ["5 problems", "children[1] has wm-id", "children[3]", "; and 2 more"],
        ),
    ],
)
def test_load_checks_each_mention_and_keeps_the_rest(tmp_path, children, ids, problems):
    path = tmp_path / "webmentions.json"
    path.write_text(feed(*children))
    entries, problem = archive.load(path, "wm.json")
    assert len(entries) == ids
    assert all(mentions.parse(e) is not None for e in entries)
    if not problems:
        assert problem is None
    for part in problems:
        assert part in problem, problem
    if problem:
        assert problem.startswith("wm.json: ") and "\n" not in problem


def test_a_mention_without_an_id_gets_one_from_its_source_and_target(tmp_path):
    hand = {"wm-target": "/posts/x/", "wm-source": "https://ann.test/1"}
    other = {"wm-target": "/posts/y/", "url": "https://ann.test/1"}
    path = tmp_path / "webmentions.json"
    path.write_text(feed(hand, other))
    entries, problem = archive.load(path)
    assert problem is None
    assert [e["wm-id"] for e in entries] == [
        archive.stable_id("https://ann.test/1", "/posts/x/"),
        archive.stable_id("https://ann.test/1", "/posts/y/"),
    ]
    assert archive.load(path)[0] == entries  # the same every time


# --- add, dumps, stable_id, site_target -----------------------------------------------------


def ided(wm_id: int, **extra) -> dict:
    return {"wm-id": wm_id, "wm-target": "/posts/x/", **extra}


@pytest.mark.parametrize(
    ("entries", "new", "ids", "added"),
    [
        ([], [], [], 0),
        ([], [ided(1), ided(2)], [1, 2], 2),
        ([ided(2)], [ided(1)], [2, 1], 1),
        ([ided(1), ided(2)], [ided(2), ided(3)], [1, 2, 3], 1),
        ([ided(1)], [ided(1), ided(1)], [1], 0),
        ([], [ided(5), ided(5)], [5], 1),  # twice in one import: once
    ],
)
def test_add(entries, new, ids, added):
    merged, count = archive.add(entries, new)
    assert [e["wm-id"] for e in merged] == ids
    assert count == added
    again, none = archive.add(merged, new)  # the importer run a second time
    assert (again, none) == (merged, 0)


def test_add_keeps_an_entry_already_there():
    edited = ided(1, content={"text": "corrected by hand"})
    merged, count = archive.add([edited], [ided(1, content={"text": "as imported"})])
    assert (merged, count) == ([edited], 0)


@pytest.mark.parametrize("bad", [{"wm-target": "/x/"}, ided("1"), ided(True), "junk"])
def test_add_refuses_a_mention_without_an_id(bad):
    with pytest.raises(ValueError, match="no whole-number wm-id"):
        archive.add([], [bad])


def test_dumps_is_stable_and_reads_back(tmp_path):
    entries = [
        pingback("/posts/b/", "https://z.test/1", published="2011-01-02T00:00:00Z"),
        pingback("/posts/a/", "https://y.test/2", published="2012-01-01T00:00:00Z"),
        pingback("/posts/a/", "https://x.test/3", published="2010-06-01T00:00:00Z"),
        pingback("/posts/a/", "https://w.test/4", author={"name": "Zoë Ås"}, published=None),
    ]
    text = archive.dumps(entries)
    assert text == archive.dumps(list(reversed(entries)))
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "Zoë Ås" in text  # written as the writer reads it, not as \u escapes
    assert '\n  "children": [\n    {\n      "author"' in text  # indented, keys sorted
    data = json.loads(text)
    assert data["type"] == "feed"
    assert [(e["wm-target"], e["wm-source"]) for e in data["children"]] == [
        ("/posts/a/", "https://w.test/4"),  # a post's mentions together: undated, then oldest
        ("/posts/a/", "https://x.test/3"),
        ("/posts/a/", "https://y.test/2"),
        ("/posts/b/", "https://z.test/1"),
    ]
    path = tmp_path / "webmentions.json"
    path.write_text(text, encoding="utf-8")
    loaded, problem = archive.load(path)
    assert problem is None
    assert archive.dumps(loaded) == text


@pytest.mark.parametrize(
    "parts",
    [
        ("wordpress", "https://old.test/?p=12", "341"),
        ("blogger", "tag:blogger.com,1999:blog-1.post-2"),
        ("é",),
        ("",),
    ],
)
def test_stable_id(parts):
    wm_id = archive.stable_id(*parts)
    assert wm_id == archive.stable_id(*parts)
    assert isinstance(wm_id, int)
    assert 2**32 <= wm_id < 2**53
    assert wm_id != archive.stable_id(*parts, "x")


def test_stable_ids_keep_their_parts_apart_and_spread():
    assert archive.stable_id("a", "bc") != archive.stable_id("ab", "c")
    assert archive.stable_id("a", "b") != archive.stable_id("b", "a")
    ids = {archive.stable_id("wordpress", str(n)) for n in range(2000)}
    assert len(ids) == 2000
    assert min(ids) >= 2**32 and max(ids) < 2**53
    assert max(ids) > 2**52  # the whole range is used, not a corner of it
    with pytest.raises(ValueError):
        archive.stable_id()


@pytest.mark.parametrize(
    ("target", "siteurl", "url"),
    [
        ("/posts/x/", "https://b.test", "https://b.test/posts/x/"),
        ("posts/x/", "https://b.test", "https://b.test/posts/x/"),
        ("/posts/x/", "https://b.test/blog", "https://b.test/blog/posts/x/"),
        ("/posts/x/", "https://b.test/blog/", "https://b.test/blog/posts/x/"),
        ("/posts/x/", "http://127.0.0.1:8000", "http://127.0.0.1:8000/posts/x/"),
        ("/posts/x/", "", "/posts/x/"),
        ("https://old.test/posts/x/", "https://b.test/blog", "https://old.test/posts/x/"),
        ("//old.test/posts/x/", "https://b.test", "//old.test/posts/x/"),
    ],
)
def test_site_target(target, siteurl, url):
    assert archive.site_target(target, siteurl) == url


@pytest.mark.parametrize("siteurl", ["https://b.test", "https://b.test/blog", "", "http://h:8000"])
@pytest.mark.parametrize("target", ["/posts/x/", "posts/x", "/posts/x/index.html"])
def test_a_site_relative_target_names_the_post_under_any_siteurl(siteurl, target):
    # as signals.py places a post: mentions.target_path of SITEURL/article.url
    post = mentions.target_path(f"{siteurl}/posts/x/")
    assert mentions.target_path(archive.site_target(target, siteurl)) == post


@pytest.mark.parametrize(
    ("value", "path"),
    [
        ("webmentions.json", "/site/content/webmentions.json"),
        ("data/pingbacks.json", "/site/content/data/pingbacks.json"),
        ("/elsewhere/wm.json", "/elsewhere/wm.json"),
        ("", None),
    ],
)
def test_archive_path(value, path):
    settings = {"PATH": "/site/content", "WEBMENTIONS_ARCHIVE": value}
    assert archive_path(settings) == (Path(path) if path else None)


def test_the_archive_setting_must_be_a_string():
    with pytest.raises(SettingsError, match="WEBMENTIONS_ARCHIVE must be a string"):
        configure({"WEBMENTIONS_ARCHIVE": None})


# --- real builds ----------------------------------------------------------------------------

DRAFT = "/posts/unfinished-thoughts/"  # a draft of the fixture site: not shown, not a mistake
OLD_POSTS = [
    pingback(
        source="https://rosa.example.test/2011/halls",
        author={"name": "Rosa Quint", "url": "https://rosa.example.test/"},
        published="2011-05-04T10:00:00+00:00",
        content={"text": "[…] Tessellate's notes on ranges saved our village hall […]"},
    ),
    pingback(
        source="https://bo.example.test/links",
        author={"name": "Bo's links"},  # a pingback often names only the site
        published="2011-03-01T08:00:00Z",
        content={
            "text": "Links of the week",
            "html": '<p>Links of the <a href="https://bo.example.test/">week</a></p>',
        },
    ),
    # a trackback: the same in the archive, the excerpt its sender gave
    pingback(
        source="https://cleo.example.test/trackback-post",
        author={"name": "Cleo's desk", "url": "https://cleo.example.test/"},
        published="2012-01-15T12:00:00Z",
        content={"text": "Double bookings, again"},
    ),
    pingback(target="/posts/gone/", source="https://dan.example.test/x"),
    pingback(target=DRAFT, source="https://eve.example.test/y"),
]


def archive_text(*entries) -> str:
    return archive.dumps(list(entries or OLD_POSTS))


def warnings_about(caplog, label: str, level=logging.WARNING) -> list[str]:
    return [
        r.getMessage() for r in caplog.records if r.levelno == level and label in r.getMessage()
    ]


def wm_block(site, path="posts/ranges/"):
    return site.soup(path).select_one("section.webmentions")


@pytest.mark.parametrize(
    ("siteurl", "name"),
    [(TEST_SITEURL, "archive-root"), ("https://example.test/blog", "archive-sub-path")],
)
def test_archived_pingbacks_show_without_a_domain(build_site, caplog, monkeypatch, siteurl, name):
    caplog.set_level(logging.WARNING)
    monkeypatch.delenv("WEBMENTION_IO_TOKEN", raising=False)  # as in CI: no token, no domain
    site = build_site({"webmentions.json": archive_text()}, siteurl=siteurl, name=name)

    section = wm_block(site)
    assert section.select_one(".webmentions__counts") is None
    replies = section.select("ol.webmentions__replies > li.webmention--mention")
    assert [li.select_one("a.u-url")["href"] for li in replies] == [
        "https://bo.example.test/links",  # oldest first
        "https://rosa.example.test/2011/halls",
        "https://cleo.example.test/trackback-post",
    ]
    bo, rosa, cleo = replies
    author = rosa.select_one("a.webmention__author")
    assert (author.get_text(), author["href"]) == ("Rosa Quint", "https://rosa.example.test/")
    assert rosa.select_one("time")["datetime"] == "2011-05-04T10:00:00+00:00"
    assert rosa.select_one("time").get_text() == "4 May 2011"
    assert "saved our village hall" in rosa.select_one(".webmention__content").get_text()
    assert bo.select_one("a.webmention__author") is None  # no URL: the name as text
    assert bo.select_one(".webmention__author").get_text() == "Bo's links"
    assert bo.select_one(".webmention__content a")["rel"] == ["nofollow", "ugc", "noopener"]
    assert cleo.select_one("time").get_text() == "15 January 2012"
    assert wm_block(site, "posts/garden-party/") is None
    assert site.soup("posts/ranges/").select_one("head link[rel=webmention]") is None

    # the file is the content's, not a page: neither copied nor read as a post
    assert not [p for p in site.files() if "webmentions" in p.name]
    assert not site.exists("webmentions/") and not site.exists("posts/webmentions/")
    label = f"{name}/webmentions.json"
    (warning,) = warnings_about(caplog, "webmentions.json")
    assert warning.startswith(f"{label}: no post has the URL /posts/gone/ ")  # as written
    assert DRAFT not in warning  # a draft's mentions wait for it, quietly


def test_archived_and_received_mentions_are_shown_together(build_site, tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    received = {
        "wm-id": 1701,
        "wm-property": "in-reply-to",
        "wm-target": f"{TEST_SITEURL}/posts/ranges/",
        "author": {"name": "Tove", "url": "https://tove.example.test/"},
        "url": "https://tove.example.test/reply",
        "published": "2024-03-11T08:30:00Z",
        "content": {"text": "Received today"},
    }
    cache = tmp_path / "wm-cache.json"
    client.save_cache(cache, client.Cache("blog.example.test", 1.0, [received]))
    same_id = {**OLD_POSTS[0], "wm-id": 1701}  # a writer's pick that webmention.io used too
    site = build_site(
        {"webmentions.json": archive_text(same_id, OLD_POSTS[1], OLD_POSTS[2])},
        name="archive-with-domain",
        WEBMENTIONS_DOMAIN="blog.example.test",
        WEBMENTIONS_CACHE=str(cache),
        WEBMENTIONS_FETCH=False,
    )
    replies = wm_block(site).select("li.webmention")
    assert [li["class"][1] for li in replies] == [
        "webmention--mention",
        "webmention--mention",
        "webmention--mention",
        "webmention--reply",  # by date: the received reply of 2024 last
    ]
    assert replies[-1].select_one("a.u-url")["href"] == "https://tove.example.test/reply"
    assert replies[1].select_one("a.u-url")["href"] == "https://rosa.example.test/2011/halls"
    (warning,) = warnings_about(caplog, "archive-with-domain/webmentions.json")
    assert "wm-id 1701 also belongs to a received mention: both are shown" in warning


def test_an_absolute_target_and_another_archive_file(build_site, tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    elsewhere = tmp_path / "kept" / "pingbacks.json"
    elsewhere.parent.mkdir()
    elsewhere.write_text(
        archive_text(pingback(target=f"{TEST_SITEURL}/posts/garden-party/"), OLD_POSTS[0])
    )
    site = build_site(
        {"webmentions.json": "{not read"},  # the default file is not the one in use
        name="archive-elsewhere",
        WEBMENTIONS_ARCHIVE=str(elsewhere),
    )
    assert len(wm_block(site, "posts/garden-party/").select("li.webmention")) == 1
    assert len(wm_block(site).select("li.webmention")) == 1
    assert not warnings_about(caplog, "webmentions.json")
    assert not warnings_about(caplog, "pingbacks.json")


def test_the_archive_can_be_turned_off(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site(
        {"webmentions.json": archive_text()}, name="archive-off", WEBMENTIONS_ARCHIVE=""
    )
    assert wm_block(site) is None
    assert not warnings_about(caplog, "webmentions.json")


BROKEN = feed(OLD_POSTS[0])[:-3]  # cut short, as by a bad merge or an editor crash


def test_a_broken_archive_is_one_warning_in_development(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site({"webmentions.json": BROKEN}, name="archive-broken-dev")
    (warning,) = warnings_about(caplog, "webmentions.json")
    assert warning.startswith("archive-broken-dev/webmentions.json: is not valid JSON (line 1")
    assert warning.endswith('expected {"type": "feed", "children": [mentions]} (see docs/reach.md)')
    assert wm_block(site) is None  # the rest of the site is built as usual
    assert site.exists("posts/ranges/")


def test_a_broken_archive_fails_a_publish_build(build_site, caplog):
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit) as stop:
        build_site({"webmentions.json": BROKEN}, publish=True, name="archive-broken-publish")
    assert stop.value.code == 1
    (error,) = warnings_about(caplog, "webmentions.json", logging.ERROR)
    assert error.startswith("archive-broken-publish/webmentions.json: is not valid JSON")
    assert not warnings_about(caplog, "webmentions.json")  # one line, not a warning as well


def test_a_target_no_post_has_is_only_a_warning_in_a_publish_build(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site(
        {"webmentions.json": archive_text(*OLD_POSTS[:4])},
        publish=True,
        name="archive-gone-publish",
    )
    assert len(wm_block(site).select("li.webmention")) == 3
    (warning,) = warnings_about(caplog, "webmentions.json")
    assert "no post has the URL /posts/gone/" in warning
    assert not warnings_about(caplog, "webmentions.json", logging.ERROR)


def test_the_content_lint_passes_over_the_archive_and_names_it_from_the_log(tmp_path):
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    (content / "posts" / "x.md").write_text("Title: X\nDate: 2024-01-01\n\nBody.\n")
    (content / "webmentions.json").write_text(archive_text())
    assert lint.scan_content(content, tmp_path) == []
    line = json.dumps(
        {"level": "WARNING", "message": "content/webmentions.json: no post has the URL /x/"}
    )
    (finding,) = lint.from_log([line])
    assert finding.page == "content/webmentions.json"


# --- characters no page may carry, and names written right to left ---------------------------

EVE = "https://eve.example.test/1"


def test_a_lone_surrogate_is_named_and_the_mention_kept(tmp_path):
    path = tmp_path / "webmentions.json"
    # valid JSON: "\ud800" is an allowed escape, but half of a pair is no character
    broken = pingback(source=EVE, author={"name": "Eve \ud800Example"})
    path.write_text(feed(pingback(), broken))
    entries, problem = archive.load(path, "content/webmentions.json")
    assert len(entries) == 2
    assert problem == (
        f"content/webmentions.json: 1 problem in its mentions: children[1] ({EVE}) author.name "
        "holds \\ud800, half of a UTF-16 pair on its own (a broken escape), which no page can "
        "carry: shown without it"
    )


def test_strangers_characters_never_reach_the_page(build_site, caplog):
    caplog.set_level(logging.WARNING)
    hostile = [
        pingback(source=EVE, author={"name": "Eve \ud800Example", "url": "https://eve.test/"}),
        pingback(
            source="https://mal.example.test/2",
            author={"name": "\u202eMallory Example"},  # a right-to-left override, never closed
            content={
                "html": "<p>red \x1b[31m\x0bpage\x0cbreak \x7f\x85\ufffe\U0001ffff\udfffend</p>"
            },
        ),
        pingback(
            source="https://ctl.example.test/3",
            author={"name": "Ctl\x1bname\x7f", "url": "https://ctl.test/\x7f"},
            content={"text": "plain \x1b[0m text \x0b"},
        ),
    ]
    site = build_site({"webmentions.json": feed(*hostile)}, name="archive-characters")
    (warning,) = warnings_about(caplog, "webmentions.json")
    assert warning.startswith("archive-characters/webmentions.json: 2 problems in its mentions: ")
    assert f"children[0] ({EVE}) author.name holds \\ud800" in warning
    assert "children[1] (https://mal.example.test/2) content.html holds \\udfff" in warning

    html = (site.output / "posts" / "ranges" / "index.html").read_text(encoding="utf-8")
    assert not mentions.FORBIDDEN.search(html)  # the Nu validator's forbidden code points
    replies = {li.select_one("a.u-url")["href"]: li for li in wm_block(site).select("li")}
    eve, mallory, ctl = (replies[e["url"]] for e in hostile)
    # each name alone in a <bdi>: an override in it does not reverse the rest of the line
    assert [b.get_text() for b in eve.select(".webmention__meta bdi")] == ["Eve Example"]
    assert mallory.select_one(".webmention__author > bdi").get_text() == "\u202eMallory Example"
    assert mallory.select_one(".webmention__content").get_text() == "red [31m page break end"
    assert ctl.select_one(".webmention__author").get_text() == "Ctlname"
    assert ctl.select_one("a.webmention__author") is None  # its URL held DEL: not linked
    assert ctl.select_one(".webmention__content").get_text() == "plain [0m text"
