"""One URL, one source; links between posts that work once published; a favicon that exists.

Clashes: two sources claiming one output path are one error line each, naming both files and
the URL; a development build skips the later file and goes on, a publish build fails.
Links: a {filename} link to a missing, draft or future post is named with its file (a warning
in development, an error that fails a publish); links in a Summary: are resolved wherever
the summary is shown.
"""

import datetime
import io
import json
import logging
import os
import posixpath
import re
import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG
from PIL import Image

import pelicanconf
from plugins.blogcore import checks, links, urls
from tests.conftest import DEV_CONF, FIXTURES, PUBLISH_CONF, ROOT, TEST_SITEURL, Site, run_pelican
from tests.test_engine_side import jpeg

ATOM = "{http://www.w3.org/2005/Atom}"
TEST_FIXTURES_TEAM = FIXTURES / "site" / "team"


def _post(title: str, slug: str, date: str, extra: str = "", body: str = "Some words.") -> str:
    return (
        f"Title: {title}\nDate: {date}\nCategory: Company\nAuthor: Ada Byrne\nSlug: {slug}\n"
        f"{extra}\n{body}\n"
    )


def _page(title: str, slug: str, extra: str = "") -> str:
    return f"Title: {title}\nSlug: {slug}\n{extra}\nA page.\n"


def _errors(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


def _warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


# ---------------------------------------------------------------- pure: urls.find_clashes

A, B, C = "content/posts/a.md", "content/posts/b.md", "content/posts/c.md"


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        pytest.param([("posts/x/index.html", A, 1)], [], id="alone"),
        pytest.param(
            [("posts/x/index.html", A, 1), ("posts/x/index.html", B, 2)],
            [("posts/x/", A, B)],
            id="two items: the first keeps it",
        ),
        pytest.param(
            [("/posts/x/./index.html", A, 1), ("posts/x/index.html", B, 2)],
            [("posts/x/", A, B)],
            id="paths compared as written to disk",
        ),
        pytest.param(
            [("team/index.html", B, 2), ("team/index.html", "the team page", None)],
            [("team/", "the team page", B)],
            id="a generated page wins whatever the order",
        ),
        pytest.param(
            [(p, f"content/posts/{n}.md", n) for n in range(6) for p in ["posts/s/index.html"]],
            [("posts/s/", "content/posts/0.md", f"content/posts/{n}.md") for n in range(1, 6)],
            id="six files, one slug",
        ),
        pytest.param(
            [("posts/x/index.html", A, 1), ("fr/posts/x/index.html", C, 3)],
            [],
            id="a translation has its own path",
        ),
        pytest.param([("", A, 1), ("", B, 2)], [], id="not written: no claim"),
        pytest.param(
            [("index.html", "the home page", None), ("index.html", A, 1)],
            [("/", "the home page", A)],
            id="the home page",
        ),
        pytest.param(
            [("robots.txt", "robots.txt", None), ("robots.txt", "content/extra/robots.txt", 9)],
            [("robots.txt", "robots.txt", "content/extra/robots.txt")],
            id="a file that is not a folder",
        ),
    ],
)
def test_find_clashes(claims, expected):
    found = urls.find_clashes(urls.Claim(path, owner, item) for path, owner, item in claims)
    assert [(c.url, c.kept.owner, c.skipped.owner) for c in found] == expected


def test_a_build_names_each_claiming_file_once_however_often_it_asks(monkeypatch):
    """A build lists who claims which path four times (pretaxonomy, sources_known, the
    published paths, the redirects): each file's name and hint are made once."""
    settings = {**DEFAULT_CONFIG, "PATH": "/site/content"}
    posts = [
        Article("x", metadata={"title": "A", "slug": "a", "date": datetime.datetime(2024, 1, 1)},
                settings=settings, source_path="/site/content/posts/a.md"),
        Article("x", metadata={"title": "B", "save_as": "b.html", "date": datetime.datetime(2024,
                1, 2)}, settings=settings, source_path="/site/content/posts/b.rst"),
    ]  # fmt: skip
    named = []
    syntax_of = checks.keysyntax.syntax_of
    monkeypatch.setattr(checks.keysyntax, "syntax_of", lambda p: named.append(p) or syntax_of(p))
    first = checks.item_claims(posts, settings)
    again = checks.item_claims(posts, settings)
    assert [(c.path, c.owner, c.hint) for c in first] == [
        ("a.html", "content/posts/a.md", "give it another Slug:"),
        ("b.html", "content/posts/b.rst", "give it another :save_as:"),
    ]
    assert [(c.path, c.owner, c.hint, c.item) for c in again] == [
        (c.path, c.owner, c.hint, c.item) for c in first
    ]
    assert named == ["content/posts/a.md", "content/posts/b.rst"]


HIRE = "content/posts/how-we-hire.md"


@pytest.mark.parametrize(
    ("copy", "is_copy"),
    [
        ("content/posts/how-we-hire copy.md", True),  # Finder
        ("content/posts/how-we-hire copy 2.md", True),
        ("content/posts/how-we-hire - Copy.md", True),  # Windows
        ("content/posts/how-we-hire - Copy (2).md", True),
        ("content/posts/how-we-hire (1).md", True),  # Google Drive, a browser's download
        ("content/posts/how-we-hire 2.md", True),  # iCloud
        ("content/posts/how-we-hire (conflicted copy).md", True),  # Dropbox
        ("content/posts/how-we-hire (Jo's conflicted copy 2024-05-01).md", True),
        ("content/posts/how-we-hire.sync-conflict-20240501-101010-ABCDEFG.md", True),  # Syncthing
        ("content/posts/how-we-hire.md", False),
        ("content/posts/how-we-hire-2.md", False),  # a post of its own name
        ("content/posts/how-we-hire copy.rst", False),  # another kind of file
        ("content/pages/how-we-hire copy.md", False),  # another folder
        ("content/posts/copy.md", False),
    ],
)
def test_is_copy(copy, is_copy):
    assert urls.is_copy(copy, HIRE) is is_copy


@pytest.mark.parametrize("copy", ["how-we-hire (conflicted copy).md", "how-we-hire 2.md"])
def test_a_copy_never_takes_the_url_from_the_file_it_copies(copy):
    # the copy sorted first (' ' before '.'): it was served, the writer's edits never showed,
    # and the line told the real post to change its Slug
    copy = f"content/posts/{copy}"
    claims = [urls.Claim("posts/how-we-hire/index.html", o, o) for o in (copy, HIRE)]
    [clash] = urls.find_clashes(claims)
    assert (clash.kept.owner, clash.skipped.owner) == (HIRE, copy)
    assert clash.message() == (
        f"{copy}: is a copy of {HIRE} (a sync client's or a file manager's, by its name), with "
        "its URL posts/how-we-hire/; this file was skipped: delete it, or give it a Slug: of "
        "its own"
    )


def test_clash_messages():
    kept = urls.Claim("posts/hello/index.html", A, 1)
    skipped = urls.Claim("posts/hello/index.html", B, 2)
    assert urls.Clash("posts/hello/index.html", kept, skipped).message() == (
        "content/posts/b.md: URL posts/hello/ is already taken by content/posts/a.md; "
        "this file was skipped (give it another Slug:)"
    )
    search = urls.Claim("search/index.html", urls.template_owner("search"))
    both = urls.Clash("search/index.html", search, urls.Claim("search/index.html", "x"))
    assert both.message() == (
        "URL search/ is written by both the search page (plugins/search) and x; "
        "change one of the *_SAVE_AS settings"
    )
    assert urls.template_owner("authors") == "the team page (AUTHORS_SAVE_AS)"
    assert urls.template_owner("tags") == "the list of tags (TAGS_SAVE_AS)"
    assert urls.template_owner("colophon") == "the colophon page (COLOPHON_SAVE_AS)"


# ---------------------------------------------------------------- pure: links

PATTERN = links.link_pattern(r"[{|](?P<what>.*?)[|}]")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<a href="{filename}/posts/a.md">a</a>', [("{filename}/posts/a.md", "filename")]),
        ("<img alt='' src='{static}/images/x.png'>", [("{static}/images/x.png", "static")]),
        ('<a href="|filename|a.md#part">a</a>', [("|filename|a.md#part", "filename")]),
        ('<a href="{attach}files/x.pdf">x</a>', [("{attach}files/x.pdf", "attach")]),
        ('<a href="{tag}python">python</a>', []),  # resolved by name, never missing
        ('<a href="https://example.org/{filename}">x</a>', []),
        ("<p>{filename}/posts/a.md in prose</p>", []),
        ("", []),
    ],
)
def test_intrasite_links(html, expected):
    assert [(link, kind) for link, kind, _ in links.intrasite_links(html, PATTERN)] == expected


def test_intrasite_links_with_another_link_regex():
    pattern = links.link_pattern(r"\[(?P<what>.*?)\]")
    found = links.intrasite_links('<a href="[filename]/posts/a.md">a</a>', pattern)
    assert found == [("[filename]/posts/a.md", "filename", "/posts/a.md")]


@pytest.mark.parametrize(
    ("value", "relative_dir", "expected"),
    [
        ("/posts/a.md", "posts", "posts/a.md"),
        ("a.md", "posts", "posts/a.md"),
        ("../pages/about.md", "posts", "pages/about.md"),
        ("/posts/a.md#part", "posts", "posts/a.md"),
        ("/images/a%20b.png", "", "images/a b.png"),
    ],
)
def test_candidate_paths(value, relative_dir, expected):
    assert expected in links.candidate_paths(value, relative_dir)


@pytest.mark.parametrize(
    ("target", "fragment"),
    [
        (links.Target("posts/a.md", links.PUBLISHED), None),
        (links.Target("posts/nope.md", links.MISSING), "which does not exist (did you mean"),
        (links.Target("posts/zzz.md", links.MISSING), "a path starting with / is relative to"),
        (links.Target("posts/d.md", links.DRAFT), "a draft: published pages cannot link to it"),
        (links.Target("posts/f.md", links.FUTURE, "2099-01-01"), "dated 2099-01-01"),
        (links.Target("posts/s.md", links.FAILED), "which was not built"),
        (
            links.Target("exp/flag.py", links.UNPUBLISHED),
            'is there but not published (it is in no static folder): add "exp" to '
            "STATIC_PATHS in pelicanconf.py, or link it with {static}/exp/flag.py",
        ),
        (links.Target("flag.py", links.UNPUBLISHED), "static folder): link it with {static}/"),
    ],
)
def test_link_problem_messages(target, fragment):
    message = links.problem("{filename}/x", target, "content", ["posts/none.md"])
    if fragment is None:
        assert message is None
    else:
        assert fragment in message and f"content/{target.path}" in message


@pytest.mark.parametrize(
    ("link", "path", "kind", "hint"),
    [
        # a letter's case: works on a laptop's disk, 404 on the server
        (
            "{static}images/02_vm.png",
            "images/02_vm.png",
            "static",
            "did you mean {static}/images/02_VM.png? (capitals count: the file's name is "
            "written so)",
        ),
        (
            "{attach}images/2_VM.png",
            "images/2_VM.png",
            "attach",
            "did you mean {static}/images/02_VM.png?",
        ),
        (
            "{filename}/posts/helo.md",
            "posts/helo.md",
            "filename",
            "did you mean {filename}/posts/hello.md?",
        ),
        (
            "{static}/nothing.png",
            "nothing.png",
            "static",
            "a path starting with / is relative to content/",
        ),
        # not from / (probe 19, 10: the line spoke of / for a path without one)
        (
            "{attach}pics/nothing.png",
            "posts/pics/nothing.png",
            "attach",
            "a path that does not start with / is relative to the folder of the file that links",
        ),
    ],
)
def test_a_missing_target_suggests_its_own_kind(link, path, kind, hint):
    known = ["images/02_VM.png"] if kind != "filename" else ["posts/hello.md"]
    message = links.problem(link, links.Target(path, links.MISSING), "content", known, kind)
    assert message == f"the link {link} points at content/{path}, which does not exist ({hint})"


@pytest.mark.parametrize(
    ("link_form", "file_form", "apart", "together"),
    [("NFC", "NFD", "its name", "the link"), ("NFD", "NFC", "the link", "its name")],
)
def test_a_name_whose_accents_are_stored_otherwise_is_said_so(
    link_form, file_form, apart, together
):
    # macOS writes some names with é as e and a combining accent (NFD); the writer types é
    # (NFC): the line said "did you mean" the same-looking path (probe 19, 10)
    path = unicodedata.normalize(link_form, "images/Résumé photo.png")
    there = unicodedata.normalize(file_form, "images/Résumé photo.png")
    link = "{static}/" + path
    message = links.problem(link, links.Target(path, links.MISSING), "content", [there], "static")
    assert message == (
        f"the link {link} points at content/{path}, which does not exist: the file "
        f"content/{there} looks the same, but {apart} stores each accent apart from its letter "
        f"(é as e and an accent, as macOS saves some names) and {together} with it, so they do "
        "not match; rename the file, best without accents, and link it by its new name"
    )


def test_an_attached_file_whose_accents_are_stored_otherwise_is_said_so(build_site, caplog):
    # an {attach}ed file is in no list of static files until it is linked: looked for beside
    picture = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(picture, "PNG")
    nfd = unicodedata.normalize("NFD", "Crème brûlée.png")
    nfc = unicodedata.normalize("NFC", "Crème brûlée.png")
    post = (
        "Title: Dessert\nDate: 2024-09-11\nCategory: Company\nAuthor: Ada Byrne\n\n"
        f"![A crème brûlée]({{attach}}pics/{nfc})\n"
    )
    files = {"posts/dessert.md": post, f"posts/pics/{nfd}": picture.getvalue()}
    caplog.set_level(logging.WARNING)
    build_site(files, name="accents")
    [line] = [
        m for m in caplog.messages if m.startswith("accents/posts/dessert.md: line 6: the link")
    ]
    assert f"which does not exist: the file accents/posts/pics/{nfd} looks the same" in line


def test_a_filename_link_with_encoded_braces_is_said_as_one(build_site, caplog):
    # Pandoc writes {filename} as %7Bfilename%7D: Pelican publishes it as written, and the
    # line said "is relative: from this page it points at …/{filename}/…"
    picture = io.BytesIO()
    Image.new("RGB", (8, 8), "olive").save(picture, "PNG")
    body = (
        "A [missing shot](%7Bfilename%7D/shots/gone.png), a [kept shot](%7Bfilename%7D/shots/"
        "kept.png) and [the old notes](%7Bfilename%7D2019.03.tuning-notes.rst).\n"
    )
    files = {
        "posts/encoded.md": _post("Encoded", "encoded", "2024-09-12", body=body),
        "posts/2019-03-02-tuning-notes.md": _post("Tuning notes", "tuning", "2019-03-02"),
        "shots/kept.png": picture.getvalue(),
    }
    caplog.set_level(logging.WARNING)
    site = build_site(files, name="encoded-braces", STATIC_PATHS=["images", "shots"])
    said = [m for m in caplog.messages if m.startswith("encoded-braces/posts/encoded.md: ")]
    lead = "encoded-braces/posts/encoded.md: line 7: the link %7Bfilename%7D"
    pandoc = (
        " with its braces written %7B and %7D (as Pandoc writes them), which Pelican does not "
        "read: it is published as written and leads nowhere; "
    )
    assert said == [
        f"{lead}/shots/gone.png is {{filename}}/shots/gone.png{pandoc}as {{filename}}/shots/"
        "gone.png, the link points at encoded-braces/shots/gone.png, which does not exist (a "
        "path starting with / is relative to encoded-braces/)",
        f"{lead}/shots/kept.png is {{filename}}/shots/kept.png{pandoc}as {{filename}}/shots/"
        "kept.png, the link points at encoded-braces/shots/kept.png, a static file: write "
        "{static}/shots/kept.png ({filename} is for posts and pages; the link works either way)",
        f"{lead}2019.03.tuning-notes.rst is {{filename}}2019.03.tuning-notes.rst{pandoc}as "
        "{filename}2019.03.tuning-notes.rst, the link points at "
        "encoded-braces/posts/2019.03.tuning-notes.rst, which does not exist (did you mean "
        "{filename}/posts/2019-03-02-tuning-notes.md?)",
    ]
    hrefs = [a["href"] for a in site.soup("posts/encoded/index.html").select("a[href]")]
    assert "%7Bfilename%7D/shots/gone.png" in hrefs  # what "published as written" says


# ---------------------------------------------------------------- sites: clashes


def _kept_title(site, url: str) -> str:
    return site.soup(url).select_one("main h1").get_text(strip=True)


CLASHES = [
    pytest.param(
        {
            "posts/hello-a.md": _post("Hello A", "hello", "2024-01-01"),
            "posts/hello-b.md": _post("Hello B", "hello", "2024-02-01"),
        },
        [("posts/hello-b.md", "posts/hello/", "{content}/posts/hello-a.md")],
        ("posts/hello/", "Hello A"),
        id="two posts, one slug",
    ),
    pytest.param(
        {"posts/newer.md": _post("A newer post", "first-light", "2025-09-01")},
        [("posts/newer.md", "posts/first-light/", "{content}/posts/first-light.md")],
        ("posts/first-light/", "First light"),
        id="a new post reusing an existing slug",
    ),
    pytest.param(
        {"pages/team.md": _page("Our team", "team")},
        [("pages/team.md", "team/", "the team page (AUTHORS_SAVE_AS)")],
        ("team/", None),
        id="page Slug: team",
    ),
    pytest.param(
        {"pages/search.md": _page("Search us", "search")},
        [("pages/search.md", "search/", "the search page (plugins/search)")],
        ("search/", None),
        id="page Slug: search",
    ),
    pytest.param(
        {"pages/archives.md": _page("Old things", "archives")},
        [("pages/archives.md", "archives/", "the archives page (ARCHIVES_SAVE_AS)")],
        ("archives/", None),
        id="page Slug: archives",
    ),
    pytest.param(
        {"pages/p.md": _page("Squatter", "squatter", "Save_as: posts/ranges/index.html")},
        [("pages/p.md", "posts/ranges/", "{content}/posts/ranges.md")],
        ("posts/ranges/", "Bookings as ranges"),
        id="a page over a post",
    ),
    pytest.param(
        {f"posts/same-{n}.md": _post(f"Same {n}", "same", f"2024-0{n}-01") for n in range(1, 7)},
        [(f"posts/same-{n}.md", "posts/same/", "{content}/posts/same-1.md") for n in range(2, 7)],
        ("posts/same/", "Same 1"),
        id="six files, one slug",
    ),
]


@pytest.mark.parametrize(("files", "expected", "kept"), CLASHES)
def test_clash_in_development_skips_the_later_file(build_site, caplog, files, expected, kept):
    caplog.set_level(logging.WARNING)
    site = build_site(files)
    content = site.content.name
    lines = [
        f"{content}/{skipped}: URL {url} is already taken by {owner.format(content=content)}; "
        f"this file was skipped (give it another {_key(files[skipped])}:)"
        for skipped, url, owner in expected
    ]
    clashes = [m for m in _errors(caplog) if "is already taken" in m]
    assert sorted(clashes) == sorted(lines)
    url, title = kept
    assert site.exists(url)
    if title:
        assert _kept_title(site, url) == title
    # the skipped posts are in no listing, feed or count
    skipped_titles = {t for f, t in _titles(files).items() if any(f == e[0] for e in expected)}
    home = site.soup("/").get_text()
    feed = site.text("feeds/all.atom.xml")
    for skipped in skipped_titles:
        assert skipped not in home and skipped not in feed


def _key(text: str) -> str:
    return "Save_as" if "Save_as:" in text else "Slug"


def _titles(files: dict[str, str]) -> dict[str, str]:
    return {path: text.split("\n", 1)[0].removeprefix("Title: ") for path, text in files.items()}


@pytest.mark.parametrize(("files", "expected", "kept"), CLASHES[:4])
def test_clash_fails_a_publish_build(build_site, caplog, files, expected, kept):
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit) as stop:
        build_site(files, publish=True)
    assert stop.value.code == 1
    clashes = [m for m in _errors(caplog) if "is already taken" in m]
    assert len(clashes) == len(expected)


def test_page_over_a_plugin_index_and_a_static_file_over_a_direct_template(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site(
        {"pages/series.md": _page("Our series", "series"), "extra/robots.txt": "User-agent: *\n"},
        fixture="series",
        EXTRA_PATH_METADATA={
            "extra/favicon.svg": {"path": "favicon.svg"},
            "extra/robots.txt": {"path": "robots.txt"},
        },
    )
    content = site.content.name
    assert sorted(m for m in _errors(caplog) if "already taken" in m) == [
        f"{content}/extra/robots.txt: URL robots.txt is already taken by robots.txt "
        "(ROBOTS_SAVE_AS); this file was skipped (to publish this file there instead, set "
        'ROBOTS_SAVE_AS = "" in pelicanconf.py; else rename it, or change its path in '
        "EXTRA_PATH_METADATA)",
        f"{content}/pages/series.md: URL series/ is already taken by the series index "
        "(SERIES_INDEX_SAVE_AS); this file was skipped (give it another Slug:)",
    ]
    assert site.soup("series/").select_one("main h1").get_text(strip=True) != "Our series"
    assert "Sitemap:" in site.text("robots.txt")  # the theme's, not the file's


def test_translations_and_languages_do_not_clash(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site(
        {
            "posts/first-light.fr.md": _post(
                "Premières lueurs", "first-light", "2024-02-02", "Lang: fr"
            ),
            "pages/about.fr.md": _page("À propos", "about", "Lang: fr"),
        }
    )
    assert not [m for m in _errors(caplog) if "already taken" in m]
    assert _kept_title(site, "posts/first-light/") == "First light"
    assert _kept_title(site, "fr/posts/first-light/") == "Premières lueurs"
    assert _kept_title(site, "fr/about/") == "À propos"
    # the translation is still linked from the original
    hrefs = [a["href"] for a in site.soup("posts/first-light/").select("a[hreflang=fr]")]
    assert f"{TEST_SITEURL}/fr/posts/first-light/" in hrefs


def test_a_duplicate_is_not_offered_as_a_translation(build_site):
    site = build_site({"posts/dup.md": _post("Dup", "first-light", "2025-09-01")})
    post = site.soup("posts/first-light/")
    assert not post.select("a[hreflang]"), "the skipped duplicate is linked as a translation"


def _cli(conf: Path, content: Path, output: Path) -> subprocess.CompletedProcess:
    pelican = Path(sys.executable).parent / "pelican"
    return subprocess.run(
        [str(pelican), "-s", str(conf), "-o", str(output), str(content)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "SITEURL": TEST_SITEURL, "COLUMNS": "300"},
        timeout=300,
    )


def test_cli_clash_no_traceback_dev_exits_0_publish_exits_1(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    (content / "pages" / "search.md").write_text(_page("Search us", "search"), encoding="utf-8")
    (content / "posts" / "again.md").write_text(
        _post("Again", "ranges", "2025-01-01"), encoding="utf-8"
    )
    dev = _cli(DEV_CONF, content, tmp_path / "dev")
    log = dev.stdout + dev.stderr
    assert dev.returncode == 0, log
    assert "Traceback" not in log and "FileOverwriteFailedError" not in log, log
    assert "content/pages/search.md: URL search/ is already taken by the search page" in log
    assert (
        "content/posts/again.md: URL posts/ranges/ is already taken by content/posts/ranges.md"
        in log
    )
    publish = _cli(PUBLISH_CONF, content, tmp_path / "publish")
    log = publish.stdout + publish.stderr
    assert publish.returncode == 1, log
    assert "Traceback" not in log, log


# ---------------------------------------------------------------- sites: links

LINKS = [
    pytest.param(
        "[x]({filename}/posts/nope.md)",
        "{filename}/posts/nope.md",
        "does not exist",
        id="missing post",
    ),
    pytest.param(
        "[x]({filename}/posts/unfinished-thoughts.md)",
        "{filename}/posts/unfinished-thoughts.md",
        "a draft",
        id="draft post",
    ),
    pytest.param(
        "[x]({filename}/posts/from-the-future.md)",
        "{filename}/posts/from-the-future.md",
        "dated 2099-01-01",
        id="future post",
    ),
    pytest.param(
        "![x]({static}/images/nope.png)",
        "{static}/images/nope.png",
        "does not exist",
        id="missing static",
    ),
    pytest.param(
        "[x]({filename}../posts/nope.md)",
        "{filename}../posts/nope.md",
        "does not exist",
        id="relative",
    ),
]


@pytest.mark.parametrize(("markdown", "link", "fragment"), LINKS)
def test_broken_link_warns_in_development(build_site, caplog, markdown, link, fragment):
    caplog.set_level(logging.WARNING)
    site = build_site({"pages/links.md": _page("Links", "links", f"\nSee {markdown}.")})
    content = site.content.name
    mine = [
        m
        for m in _warnings(caplog)
        if m.startswith(f"{content}/pages/links.md: line 4: the link {link} ")
    ]
    assert len(mine) == 1 and fragment in mine[0], _warnings(caplog)
    assert not [m for m in _errors(caplog) if "links.md" in m]


@pytest.mark.parametrize(("markdown", "link", "fragment"), LINKS[:4])
def test_broken_link_fails_a_publish_build(build_site, caplog, markdown, link, fragment):
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit) as stop:
        build_site(
            {"posts/links.md": _post("Links", "links", "2024-05-05", body=f"See {markdown}.")},
            publish=True,
        )
    assert stop.value.code == 1
    mine = [m for m in _errors(caplog) if "posts/links.md: line 7: the link " + link in m]
    assert len(mine) == 1 and fragment in mine[0], _errors(caplog)


def test_broken_link_in_a_draft_does_not_fail_a_publish(build_site, caplog):
    caplog.set_level(logging.WARNING)
    body = "See [x]({filename}/posts/nope.md)."
    build_site(
        {"posts/wip.md": _post("WIP", "wip", "2024-05-05", "Status: draft", body=body)},
        publish=True,
    )
    assert any(
        "posts/wip.md: line 7: the link {filename}/posts/nope.md" in m for m in _warnings(caplog)
    )


def test_link_in_a_summary_is_checked(build_site, caplog):
    caplog.set_level(logging.WARNING)
    build_site(
        {"posts/s.md": _post("S", "s", "2024-05-05", "Summary: See [x]({filename}/posts/gone.md).")}
    )
    assert any(
        "posts/s.md: Summary: the link {filename}/posts/gone.md" in m for m in _warnings(caplog)
    )


def test_a_broken_link_is_one_line_not_two(build_site, caplog):
    """Pelican's own "Unable to find '...', skipping url replacement." (no file named) is
    dropped for a link the check has named: one line per mistake."""
    caplog.set_level(logging.WARNING)
    body = "Body with [a link]({filename}/posts/gone.md) in it."
    build_site({"posts/s.md": _post("S", "s", "2024-05-05", body=body)})
    lines = [m for m in _warnings(caplog) if "gone.md" in m]
    assert len(lines) == 1, lines
    assert "posts/s.md: line 7: the link {filename}/posts/gone.md points at" in lines[0]


def test_many_broken_links_name_each_and_no_line_names_nothing(tmp_path):
    """From the fifth broken link of a process, Pelican's log limit puts "Other resources were
    not found and their urls not replaced" in place of its own line: no file, no link; the
    check names every link, so that line is dropped too. A fresh process: the limit counts
    per process."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    body = " ".join(f"[part {n}]({{filename}}/posts/missing-{n}.md)" for n in range(7))
    (content / "posts" / "many.md").write_text(_post("Many", "many", "2024-05-05", body=body))
    command = [sys.executable, "-m", "pelican", str(content), "-s", str(DEV_CONF)]
    command += ["-o", str(tmp_path / "output"), "-e", f"CACHE_PATH={json.dumps(str(tmp_path))}"]
    env = {**os.environ, "COLUMNS": "400"}  # one message a line
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    said = done.stdout + done.stderr
    assert "Other resources were not found" not in said
    for n in range(7):
        assert f"the link {{filename}}/posts/missing-{n}.md points at" in said, said


def test_broken_link_in_a_team_bio_fails_a_publish_build(build_site, caplog):
    caplog.set_level(logging.WARNING)
    bio = (FIXTURES / "site" / "team" / "ada-byrne.md").read_text(encoding="utf-8")
    bio += "\nHer [old post]({filename}/posts/gone.md).\n"
    with pytest.raises(SystemExit):
        build_site({"team/ada-byrne.md": bio}, publish=True)
    link = "team/ada-byrne.md: line 13: the link {filename}/posts/gone.md points at"
    mine = [m for m in _errors(caplog) if link in m]
    assert len(mine) == 1 and "which does not exist" in mine[0], _errors(caplog)


SUMMARY = (
    "Summary: Read [the ranges post]({filename}/posts/ranges.md) "
    "![a lamp]({static}/images/lamp.svg)"
)


@pytest.fixture(scope="module")
def summary_site(tmp_path_factory) -> Site:
    """The fixture site, its first post's Summary: linking a post and an image."""
    base = tmp_path_factory.mktemp("summary")
    content = base / "content"
    shutil.copytree(FIXTURES / "site", content)
    first = content / "posts" / "first-light.md"
    text = first.read_text(encoding="utf-8")
    first.write_text(
        text.replace("Summary: The opening post of the fixture site.", SUMMARY), encoding="utf-8"
    )
    run_pelican(DEV_CONF, content, base / "output", SITEURL=TEST_SITEURL)
    return Site(output=base / "output", content=content, siteurl=TEST_SITEURL)


def _assert_resolved(block) -> None:
    assert block is not None
    assert block.select_one("a")["href"] == f"{TEST_SITEURL}/posts/ranges/"
    assert block.select_one("img")["src"] == f"{TEST_SITEURL}/images/lamp.svg"


def test_summary_links_resolved_on_cards(summary_site):
    for url in ("/", "tag/news/", "category/company/", "team/ada-byrne/"):
        cards = summary_site.soup(url).select("article.post-card .post-summary")
        _assert_resolved(next(c for c in cards if "ranges post" in c.get_text()))


def test_summary_links_resolved_in_feeds(summary_site):
    for feed in ("feeds/all.atom.xml", "feeds/tag/news.atom.xml"):
        root = ET.fromstring(summary_site.text(feed))
        summaries = [e.findtext(f"{ATOM}summary") for e in root.iter(f"{ATOM}entry")]
        html = next(s for s in summaries if s and "ranges post" in s)
        _assert_resolved(BeautifulSoup(html, "html.parser"))


def test_summary_links_resolved_in_related_posts_and_descriptions(summary_site):
    blocks = [
        b
        for page in summary_site.files(".html")
        for b in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select(
            ".related-post__summary"
        )
        if "ranges post" in b.get_text()
    ]
    assert blocks, "no related-posts block shows the summary"
    for block in blocks:
        _assert_resolved(block)
    head = summary_site.soup("posts/first-light/")
    for selector in ("meta[name=description]", "meta[property='og:description']"):
        assert head.select_one(selector)["content"] == "Read the ranges post", selector
    for page in summary_site.files(".html", ".xml"):
        text = page.read_text(encoding="utf-8")
        assert "{filename}" not in text and "{static}" not in text, page


def test_summary_links_resolved_on_series_pages(build_site):
    van = (FIXTURES / "series" / "posts" / "the-van.md").read_text(encoding="utf-8")
    van = van.replace(
        "Summary: Part two: the van.",
        "Summary: Part two, after [packing]({filename}packing-up.md) "
        "![a box]({static}/images/cover.svg)",
    )
    site = build_site({"posts/the-van.md": van}, fixture="series")
    part = next(
        s
        for s in site.soup("series/moving-house/").select(".series-part__summary")
        if "Part two" in s.get_text()
    )
    assert part.select_one("a")["href"] == f"{TEST_SITEURL}/posts/packing-up/"
    assert part.select_one("img")["src"] == f"{TEST_SITEURL}/images/cover.svg"


# ---------------------------------------------------------------- the favicon


def test_theme_favicon_when_the_content_has_none(build_site):
    source = FIXTURES / "site"
    files = {
        str(p.relative_to(source)): p.read_bytes()
        for p in source.rglob("*")
        if p.is_file() and "extra" not in p.relative_to(source).parts
    }
    site = build_site(files, fixture=None)
    for url in ("/", "posts/ranges/", "about/", "team/", "404.html"):
        icon = site.soup(url).select_one("link[rel=icon]")["href"]
        assert icon == f"{TEST_SITEURL}/favicon.svg", url
    theme = (ROOT / "theme" / "static" / "favicon.svg").read_bytes()
    assert site.path("favicon.svg").read_bytes() == theme


def test_content_favicon_replaces_the_theme_one(dev_site):
    icon = dev_site.soup("/").select_one("link[rel=icon]")["href"]
    assert icon == f"{TEST_SITEURL}/favicon.svg"
    content = (FIXTURES / "site" / "extra" / "favicon.svg").read_bytes()
    assert dev_site.path("favicon.svg").read_bytes() == content
    assert content != (ROOT / "theme" / "static" / "favicon.svg").read_bytes()


@pytest.mark.parametrize("publish", [False, True])
def test_attach_puts_the_file_beside_its_post(build_site, caplog, publish):
    # the engine's plugins read every static file's save_as before Pelican resolved {attach}:
    # Pelican then took each file for linked already and left it where it was, with a warning
    caplog.set_level(logging.WARNING)
    site = build_site(
        {
            "posts/attach.md": "Title: Attach\nDate: 2024-01-01\nCategory: Company\n"
            "Author: Ada Byrne\n\nThe [plan]({attach}files/plan.pdf).\n",
            "posts/files/plan.pdf": b"%PDF-1.4\n%fixture\n",
        },
        publish=publish,
        name=f"attach-{publish}",
    )
    assert site.soup("posts/attach/").select_one("a[href$='/posts/attach/files/plan.pdf']")
    assert site.exists("posts/attach/files/plan.pdf") and not site.exists("posts/files/plan.pdf")
    assert not [m for m in caplog.messages if "{attach}" in m]


def test_a_drafts_attachment_is_not_published_by_a_build_that_writes_no_drafts(build_site):
    # Pelican copies every file a post links to, a draft's too: at the site's root, once
    files = {
        "posts/plan.md": "Title: Plan\nDate: 2024-01-02\nCategory: Company\nAuthor: Ada Byrne\n"
        "Status: draft\n\nThe [secret plan]({attach}files/secret-plan.pdf).\n",
        "posts/files/secret-plan.pdf": b"%PDF-1.4\n%secret\n",
        "posts/open.md": "Title: Open\nDate: 2024-01-03\nCategory: Company\nAuthor: Ada Byrne\n\n"
        "The [open plan]({attach}files/open-plan.pdf).\n",
        "posts/files/open-plan.pdf": b"%PDF-1.4\n%open\n",
    }
    published = build_site(files, publish=True, name="draft-files-pub")
    assert not [p for p in published.output.rglob("secret-plan.pdf")]
    assert published.exists("posts/open/files/open-plan.pdf")
    previewed = build_site(files, name="draft-files-dev")  # drafts are previewed here
    assert [p for p in previewed.output.rglob("secret-plan.pdf")]


def test_a_drafts_photo_in_a_static_folder_waits_with_it(build_site, caplog):
    # content/images/ publishes every file: the unannounced product's photo went out at
    # /images/prototype.jpg, however the draft linked it ({static} or its address)
    head = "Date: 2024-01-02\nCategory: Company\nAuthor: Ada Byrne\n"
    files = {
        "posts/launch.md": f"Title: Launch\n{head}Status: draft\n\n"
        "![The prototype]({static}/images/prototype.jpg)\n\n"
        "[Full size](/images/prototype-large.jpg) and [the brochure](/images/both.pdf)\n",
        "images/prototype.jpg": jpeg(),
        "images/prototype-large.jpg": jpeg(),
        "images/both.pdf": b"%PDF-1.4\n%both\n",  # a published post links it too
        "images/download.pdf": b"%PDF-1.4\n%linked by nobody\n",
        "images/card.jpg": jpeg(),  # the site's social card: a setting names it
        "posts/card.md": f"Title: Card\n{head}Status: draft\n\n"
        "![A card]({static}/images/card.jpg)\n",
        "posts/open.md": f"Title: Open\n{head}\nThe [brochure](../../images/both.pdf).\n",
    }
    caplog.set_level(logging.INFO)
    published = build_site(
        files, publish=True, name="draft-photo-pub", BLOGCORE_DEFAULT_IMAGE="images/card.jpg"
    )
    names = {p.name for p in published.output.rglob("*") if p.is_file()}
    assert not {n for n in names if n.startswith("prototype")}, names
    assert {"both.pdf", "download.pdf", "card.jpg"} <= names  # nobody's, a published one's
    said = [m for m in caplog.messages if "draft-photo-pub/" in m]
    assert sorted(m for m in said if "only drafts link to it" in m) == [
        f"draft-photo-pub/images/{name}: only drafts link to it, so it is not published yet"
        for name in ("prototype-large.jpg", "prototype.jpg")
    ]
    assert not [m for m in said if "points at nothing" in m]  # the draft's links wait too
    previewed = build_site(files, name="draft-photo-dev")  # drafts are previewed here
    assert previewed.exists("images/prototype.jpg")
    assert previewed.exists("images/prototype-large.jpg")


def _held_back(caplog, name: str) -> list[str]:
    """The files a publish named as waiting with their drafts, by file name, sorted."""
    lead = f"{name}/"
    tail = ": only drafts link to it, so it is not published yet"
    return sorted(
        m.removeprefix(lead).removesuffix(tail)
        for m in caplog.messages
        if m.startswith(lead) and m.endswith(tail)
    )


def test_a_withheld_side_files_photos_wait_with_it(build_site, caplog):
    # a draft team file's, a draft or future gallery's and a series file's (a draft, or of a
    # series with no published part, and a draft translation) photos in their text were
    # published, though nothing published linked them and the docs say nothing of them is
    head = "Date: 2024-01-02\nCategory: Company\nAuthor: Ada Byrne\n"
    gallery = "Title: {}\n{}Photo: p1.jpg | A photo | A field\n\nDescription ![d]({})\n"
    files = {
        "team/kim-side.md": "Name: Kim Side\nRole: New\nStatus: draft\n\n"
        "Kim is new. ![Kim]({static}/images/side-team.jpg) ![Both]({static}/images/shared.jpg)\n",
        "galleries/dg/gallery.md": gallery.format(
            "Draft gallery", "Status: draft\n", "{static}/images/side-gallery.jpg"
        ),
        "galleries/dg/p1.jpg": jpeg(),
        "galleries/fg/gallery.md": gallery.format(
            "Future gallery", "Date: 2031-01-01\n", "{static}/images/side-future-gallery.jpg"
        ),
        "galleries/fg/p1.jpg": jpeg(),
        "series/secret-side.md": "Title: Secret side\nSummary: s\n\n"
        "Intro ![s]({static}/images/side-series.jpg)\n",
        "posts/secret-part.md": f"Title: Secret part\n{head}Status: draft\n"
        "Series: Secret side\n\nSoon.\n",
        "series/open-side.md": "Title: Open side\nSummary: o\n\n"
        "Intro ![o]({static}/images/shared.jpg)\n",
        "series/open-side.fr.md": "Title: Ouvert\nLang: fr\nStatus: draft\n\n"
        "Intro ![t]({static}/images/side-translation.jpg)\n",
        "posts/open-part.md": f"Title: Open part\n{head}Series: Open side\n\nOut.\n",
        **{
            f"images/{n}.jpg": jpeg()
            for n in (
                "side-team",
                "side-gallery",
                "side-future-gallery",
                "side-series",
                "side-translation",
                "shared",  # a published series' introduction shows it too
            )
        },
    }
    caplog.set_level(logging.INFO)
    published = build_site(files, publish=True, name="side-photos-pub")
    names = {p.name for p in published.output.rglob("*") if p.is_file()}
    assert not {n for n in names if n.startswith("side-")}, names
    assert "shared.jpg" in names
    assert _held_back(caplog, "side-photos-pub") == [
        f"images/side-{n}.jpg"
        for n in ("future-gallery", "gallery", "series", "team", "translation")
    ]
    previewed = build_site(files, name="side-photos-dev")  # drafts are previewed here
    assert previewed.exists("images/side-team.jpg")
    assert previewed.exists("images/side-gallery.jpg")


def test_a_drafts_photos_wait_however_it_links_them(build_site, caplog):
    # {filename} to a static file, a Summary's image, srcset (of <img> and <source>), a path
    # relative to the draft's file as an editor previews it, the site's own full URL: all
    # published, where {static} in src was held back; and a published post's Summary that
    # merely held a path (another site's address) published the draft's photo too
    head = "Date: 2024-01-02\nCategory: Company\nAuthor: Ada Byrne\n"
    files = {
        "posts/new-office.md": f"Title: New office\n{head}Status: draft\n"
        "Summary: The office. ![Teaser]({static}/images/w-summary.jpg)\n\n"
        "![Office]({filename}/images/w-filename.jpg)\n\n"
        '<picture><source srcset="{static}/images/w-source.webp" type="image/webp">'
        '<img src="{static}/images/w-src.jpg" alt="Plan"></picture>\n\n'
        '<img src="{static}/images/w-src.jpg" alt="Both" '
        'srcset="{static}/images/w-1x.jpg 1x, {static}/images/w-2x.jpg 2x">\n\n'
        "![Relative](../images/w-relative.jpg)\n\n"
        f"![Own]({TEST_SITEURL}/images/w-own.jpg)\n\n"
        "![Mentioned]({static}/images/w-mentioned.jpg)\n\n"
        '<img src="{static}/images/w-src.jpg" alt="Out" srcset="{static}/images/out-2x.jpg 2x">\n',
        "posts/open.md": f"Title: Open\n{head}"
        "Summary: Our old host served https://cdn.example.test/images/w-mentioned.jpg.\n\n"
        '<img src="{static}/images/out.jpg" alt="Out" srcset="{static}/images/out-2x.jpg 2x">\n',
        **{
            f"images/{n}": jpeg()
            for n in (
                "w-summary.jpg",
                "w-filename.jpg",
                "w-source.webp",
                "w-src.jpg",
                "w-1x.jpg",
                "w-2x.jpg",
                "w-relative.jpg",
                "w-own.jpg",
                "w-mentioned.jpg",
                "out.jpg",
                "out-2x.jpg",  # the published post's srcset links it too
            )
        },
    }
    caplog.set_level(logging.INFO)
    published = build_site(files, publish=True, name="draft-ways-pub")
    names = {p.name for p in published.output.rglob("*") if p.is_file()}
    assert not {n for n in names if n.startswith("w-")}, names
    assert {"out.jpg", "out-2x.jpg"} <= names
    assert _held_back(caplog, "draft-ways-pub") == sorted(
        f"images/w-{n}"
        for n in (
            "summary.jpg",
            "filename.jpg",
            "source.webp",
            "src.jpg",
            "1x.jpg",
            "2x.jpg",
            "relative.jpg",
            "own.jpg",
            "mentioned.jpg",
        )
    )


# an MP4 as little as a phone's: the images plugin reads its boxes (no place to clean)
MP4 = b"\0\0\0\x18ftypisom\0\0\x02\0isomiso2" + b"\0\0\0\x08free" + b"\0\0\0\x08mdat"
_AS_WRITTEN = re.compile(r"[{|](?:static|attach|filename)[}|]")


def _as_written(site: Site) -> list[str]:
    """The pages and feeds that still hold a {static}, {attach} or {filename} link."""
    return [
        str(p.relative_to(site.output))
        for p in site.files(".html", ".xml")
        if _AS_WRITTEN.search(p.read_text(encoding="utf-8"))
    ]


def test_every_link_of_a_tag_and_a_summarys_and_bios_srcset_resolve(build_site):
    # Pelican's pattern takes one link per tag (its [^>]+ is greedy: the last), so a video's
    # src was published as {static}/images/v.mp4, and an {attach}ed clip beside the post was
    # not even copied; a srcset resolved only in a post's text, not its Summary (the home
    # page, the feeds) nor a team bio
    head = "Date: 2024-01-02\nCategory: Company\nAuthor: Ada Byrne\n"
    bio = (TEST_FIXTURES_TEAM / "ada-byrne.md").read_text(encoding="utf-8")
    files = {
        "posts/clips.md": f"Title: Clips\n{head}"
        'Summary: Out. <img src="{static}/images/s.jpg" alt="Sum" '
        'srcset="{static}/images/s-2x.jpg 2x">\n\n'
        '<video src="{static}/images/v.mp4" poster="{static}/images/v.jpg" controls></video>\n\n'
        '<video src="{attach}clip.mp4" poster="{attach}clip.jpg" controls></video>\n',
        "posts/clip.mp4": MP4,
        "posts/clip.jpg": jpeg(),
        "images/v.mp4": MP4,
        "team/ada-byrne.md": bio + '\n<img src="{static}/images/b.jpg" alt="Ada at work" '
        'srcset="{static}/images/b-2x.jpg 2x">\n',
        **{f"images/{n}.jpg": jpeg() for n in ("s", "s-2x", "v", "b", "b-2x")},
    }
    site = build_site(files, publish=True, name="every-link")
    assert _as_written(site) == []
    video, attached = site.soup("posts/clips/").select("video")
    assert video["src"] == f"{TEST_SITEURL}/images/v.mp4"
    assert video["poster"] == f"{TEST_SITEURL}/images/v.jpg"
    for url in (attached["src"], attached["poster"]):  # beside the post, as Pelican moves it
        assert url.startswith(TEST_SITEURL + "/"), url
        assert site.exists(site.relpath_of(url)), url
    assert site.exists("images/s-2x.jpg") and site.exists("images/b-2x.jpg")


def test_a_withheld_items_every_link_of_a_tag_and_summary_srcset_wait_with_it(build_site, caplog):
    # the same links in a draft, its Summary and a draft team member's bio: the held-back
    # files are read by the one reading of what an item links to (checks.written_links)
    head = "Date: 2024-01-02\nCategory: Company\nAuthor: Ada Byrne\n"
    files = {
        "posts/secret.md": f"Title: Secret\n{head}Status: draft\n"
        'Summary: Soon. <img src="{static}/images/h-sum.jpg" alt="a" '
        'srcset="{static}/images/h-sum-2x.jpg 2x">\n\n'
        '<video src="{static}/images/h-video.mp4" poster="{static}/images/h-poster.jpg" '
        "controls></video>\n",
        "team/dee-new.md": "Name: Dee New\nRole: New\nStatus: draft\n\nDee. "
        '<img src="{static}/images/h-bio.jpg" alt="Dee" '
        'srcset="{static}/images/h-bio-2x.jpg 2x">\n',
        "images/h-video.mp4": MP4,
        **{f"images/h-{n}.jpg": jpeg() for n in ("sum", "sum-2x", "poster", "bio", "bio-2x")},
    }
    caplog.set_level(logging.INFO)
    published = build_site(files, publish=True, name="withheld-links")
    names = {p.name for p in published.output.rglob("*") if p.is_file()}
    assert not {n for n in names if n.startswith("h-")}, names
    assert _held_back(caplog, "withheld-links") == sorted(
        f"images/h-{n}"
        for n in ("sum.jpg", "sum-2x.jpg", "video.mp4", "poster.jpg", "bio.jpg", "bio-2x.jpg")
    )


def _linked_files_resolve(site: Site, pages: list[str], names: tuple[str, ...]) -> list[str]:
    """The site paths these pages link to (href, src) that end in one of these names, each
    checked to be a file written."""
    urls = {
        tag.get("href") or tag.get("src")
        for page in pages
        for tag in site.soup(page).select("a[href], img[src]")
    }
    mine = sorted(site.relpath_of(url) for url in urls if url.endswith(names))
    for path in mine:
        assert site.exists(path), path
    return mine


def test_a_side_files_links_to_files_outside_the_static_folders_are_published(build_site, caplog):
    # a team bio's, a gallery description's or a series introduction's {attach} or {static}
    # link to a file outside the static folders was published as written: Pelican copies
    # only the files posts and pages link to ("points at content/team/photo.jpg, which does
    # not exist", or nothing said and {attach}route.jpg in the page). A draft team file's
    # waits with it, as a draft post's does
    head = "Date: 2024-01-02\nCategory: Company\nAuthor: Ada Byrne\n"
    bio = (TEST_FIXTURES_TEAM / "ada-byrne.md").read_text(encoding="utf-8")
    files = {
        "team/ada-byrne.md": bio + "\n![Ada at her desk]({attach}ada-desk.jpg) "
        "[Her CV]({static}../elsewhere/ada-cv.pdf)\n",
        "team/ada-desk.jpg": jpeg(),
        "elsewhere/ada-cv.pdf": b"%PDF-1.4\n",
        "team/dee-new.md": "Name: Dee New\nRole: New\nStatus: draft\n\n"
        "Dee. ![Dee]({attach}dee-desk.jpg)\n",
        "team/dee-desk.jpg": jpeg(),
        "galleries/trip/gallery.md": "Title: Trip\nDate: 2024-01-02\n"
        "Photo: p1.jpg | A field | A field\n\nThe [route]({attach}files/route.gpx) and "
        "[the plan]({static}../../elsewhere/trip-plan.pdf).\n",
        "galleries/trip/p1.jpg": jpeg(),
        "galleries/trip/files/route.gpx": "<gpx></gpx>\n",
        "elsewhere/trip-plan.pdf": b"%PDF-1.4\n",
        "series/walks.md": "Title: Walks\n\nOur walks. ![The route]({attach}walk-map.jpg)\n",
        "series/walk-map.jpg": jpeg(),
        "posts/walk-one.md": f"Title: Walk one\n{head}Series: Walks\n\nThe first walk.\n",
    }
    caplog.set_level(logging.INFO)
    site = build_site(files, publish=True, name="side-links")
    assert _as_written(site) == []
    pages = ["team/ada-byrne/", "galleries/trip/", "series/walks/"]
    names = ("ada-desk.jpg", "ada-cv.pdf", "route.gpx", "trip-plan.pdf", "walk-map.jpg")
    assert _linked_files_resolve(site, pages, names) == [
        "/elsewhere/ada-cv.pdf",
        "/elsewhere/trip-plan.pdf",
        "/galleries/trip/files/route.gpx",
        "/series/walk-map.jpg",
        "/team/ada-desk.jpg",
    ]
    assert not [p for p in site.output.rglob("dee-desk.jpg")]
    assert _held_back(caplog, "side-links") == ["team/dee-desk.jpg"]


def test_a_file_only_a_summary_links_is_published(build_site, caplog):
    # Pelican copies the files a post's text links to, not its Summary's: the home page and
    # the feeds showed a broken picture, and a line said to link it in the text as well
    head = "Date: 2024-01-02\nCategory: Company\nAuthor: Ada Byrne\n"
    files = {
        "posts/sum.md": f"Title: Sum\n{head}"
        "Summary: Look. ![The hall]({attach}hall.jpg) "
        "The [plan]({static}files/plan.pdf).\n\nThe text.\n",
        "posts/hall.jpg": jpeg(),
        "posts/files/plan.pdf": b"%PDF-1.4\n",
        "posts/soon.md": f"Title: Soon\n{head}Status: draft\n"
        "Summary: Soon. ![The roof]({attach}roof.jpg)\n\nThe text.\n",
        "posts/roof.jpg": jpeg(),
    }
    caplog.set_level(logging.INFO)
    site = build_site(files, publish=True, name="summary-only")
    assert _as_written(site) == []
    card = site.soup("index.html").find("img", alt="The hall")
    assert site.exists(site.relpath_of(card["src"])), card["src"]
    plan = site.soup("index.html").find("a", string="plan")
    assert site.exists(site.relpath_of(plan["href"])), plan["href"]
    assert not [m for m in caplog.messages if "summary-only/" in m and "Summary:" in m]
    assert not list(site.output.rglob("roof.jpg"))
    assert _held_back(caplog, "summary-only") == ["posts/roof.jpg"]


def test_a_static_link_out_of_the_content_folder_is_one_clear_line(build_site, caplog, tmp_path):
    # {static}/../notes.md: Pelican's 'Unable to generate valid slug for Category ".."' (no
    # file named) came first; a file that is there was copied to output/../, outside the site
    (tmp_path / "outside.md").write_text("Notes kept outside the content folder.\n")
    post = (
        "Title: Dot dot\nDate: 2024-09-11\nCategory: Company\nAuthor: Ada Byrne\n\n"
        "The [notes]({static}/../notes.md) and the [others]({static}/../outside.md).\n"
    )
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/dd.md": post}, name="dotdot")
    assert not [m for m in caplog.messages if "valid slug" in m or "copying" in m]
    assert [m for m in caplog.messages if "dotdot/" in m] == [
        "dotdot/posts/dd.md: line 6: the link {static}/../notes.md points at dotdot/../notes.md, "
        "which does not exist (a path starting with / is relative to dotdot/)",
        "dotdot/posts/dd.md: line 6: the link {static}/../outside.md points at "
        "dotdot/../outside.md, outside the content folder: nothing there is published; move "
        "the file into dotdot/extra/ and link it as {static}/extra/outside.md",
    ]
    assert not list(site.output.rglob("outside.md"))


def test_a_drafts_cover_waits_with_it(build_site, caplog):
    # a draft's or a future post's Cover: (and a series' whose parts are all drafts) was
    # published at its URL by a build that writes no drafts, though nothing published named it
    head = "Category: Company\nAuthor: Ada Byrne\n"
    files = {
        "posts/launch.md": f"Title: Launch\nDate: 2024-01-02\n{head}Status: draft\n"
        "Cover: images/launch/cover-secret.jpg\nSeries: Secret launch\n\nSoon.\n",
        "posts/later.md": f"Title: Later\nDate: 2031-01-02\n{head}"
        "Cover: {static}/images/launch/future-cover.jpg\n\nLater.\n",
        "posts/shared.md": f"Title: Shared\nDate: 2024-01-02\n{head}Status: draft\n"
        "Cover: /images/shared.jpg\n\nShared.\n",
        "posts/open.md": f"Title: Open\nDate: 2024-01-03\n{head}"
        "Cover: images/shared.jpg\n\nOpen.\n",
        "series/secret-launch.md": "Title: Secret launch\n"
        "Cover: images/launch/series.jpg\n\nSoon.\n",
        "images/launch/cover-secret.jpg": jpeg(),
        "images/launch/future-cover.jpg": jpeg(),
        "images/launch/series.jpg": jpeg(),
        "images/shared.jpg": jpeg(),  # a published post's cover too
    }
    caplog.set_level(logging.INFO)
    published = build_site(files, publish=True, name="draft-cover-pub")
    names = {p.name for p in published.output.rglob("*") if p.is_file()}
    assert not {"cover-secret.jpg", "future-cover.jpg", "series.jpg"} & names, names
    assert "shared.jpg" in names
    said = [m for m in caplog.messages if "draft-cover-pub/" in m]
    assert sorted(m for m in said if "only drafts" in m) == [
        f"draft-cover-pub/images/launch/{name}: only drafts link to it, so it is not published yet"
        for name in ("cover-secret.jpg", "future-cover.jpg", "series.jpg")
    ]
    previewed = build_site(files, name="draft-cover-dev")  # drafts are previewed here
    assert previewed.exists("images/launch/cover-secret.jpg")


@pytest.mark.parametrize(
    ("body", "summary", "fragment"),
    [
        (
            "An [odd link]({statc}/images/lamp.svg).",
            "",
            "starts with {statc}, which Pelican "
            "does not resolve: it is published as written (did you mean {static}?)",
        ),
        ("See the [map](../../sitemap.xml).", "", None),  # written after the check, yet there
    ],
)
def test_more_links_named(build_site, caplog, body, summary, fragment):
    caplog.set_level(logging.WARNING)
    name = f"more-{zlib.crc32((body + summary).encode()) % 10_000}"
    head = "Title: More\nDate: 2024-01-02\nCategory: Company\nAuthor: Ada Byrne\n"
    head += f"Summary: {summary}\n" if summary else ""
    files = {"posts/more.md": f"{head}\n{body}\n", "posts/files/plan.pdf": b"%PDF-1.4\n"}
    build_site(files, name=name)
    mine = [m for m in caplog.messages if m.startswith(f"{name}/posts/more.md")]
    if fragment is None:
        assert mine == []
    else:
        assert any(fragment.replace("{content}", name) in m for m in mine), mine


def test_a_page_with_save_as_alone_is_linked_where_it_is_written(build_site, caplog):
    # the custom 404 page of many Pelican sites: Pelican made /not-found/ its canonical
    # address, and a menu's link to the other page pointed at /hours/, never written
    caplog.set_level(logging.WARNING)
    site = build_site(
        {
            "pages/error.md": "Title: Not Found\nStatus: hidden\nSave_as: error.html\n\n"
            "Nothing here.\n",
            "pages/hours.md": "Title: Opening hours\nSave_as: visit/hours/index.html\n\n"
            "Nine to five.\n",
        },
        publish=True,
        name="save-as-alone",
    )
    error = site.soup("error.html")
    assert error.select_one("link[rel=canonical]")["href"] == f"{TEST_SITEURL}/error.html"
    assert error.select_one("meta[property='og:url']")["content"] == f"{TEST_SITEURL}/error.html"
    hours = site.soup("visit/hours/")
    assert hours.select_one("link[rel=canonical]")["href"] == f"{TEST_SITEURL}/visit/hours/"
    menu = [
        a["href"] for a in site.soup("/").select("a") if a.get_text(strip=True) == "Opening hours"
    ]
    assert menu and set(menu) == {f"{TEST_SITEURL}/visit/hours/"}
    assert not site.exists("not-found/") and not site.exists("opening-hours/")
    assert not [m for m in caplog.messages if "save-as-alone/" in m]


@pytest.mark.parametrize("publish", [False, True])
def test_a_post_in_a_static_folder_is_not_published_as_raw_text(build_site, caplog, publish):
    # a draft saved in content/images/ by mistake was copied as it is, front matter and all
    caplog.set_level(logging.INFO)
    name = f"raw-source-{publish}"
    site = build_site(
        {
            "images/secret.md": "Title: Layoffs\nDate: 2024-05-01\nStatus: draft\n\nSECRETWORD\n",
            "images/README.md": "Photos for the posts, 1600 px wide.\n",
            "images/notes.md": "Title: Notes\n\nNotes to download.\n",
            "posts/notes.md": "Title: Notes\nDate: 2024-05-02\nCategory: Company\nAuthor: Ada "
            "Byrne\n\nThe [notes]({static}/images/notes.md).\n",
        },
        publish=publish,
        name=name,
    )
    assert not [p for p in site.files() if b"SECRETWORD" in p.read_bytes()]
    assert not site.exists("images/README.md")
    assert site.exists("images/notes.md")  # linked: a file to download
    lines = {
        (r.levelname, r.getMessage().split(":", 1)[0])
        for r in caplog.records
        if "in a static folder" in r.getMessage()
    }
    assert lines == {("WARNING", f"{name}/images/secret.md"), ("INFO", f"{name}/images/README.md")}


def test_pelicans_own_lines_for_what_blogcore_names_are_left_out(build_site, caplog):
    # two files with one slug: blogcore's clash line, and Pelican's own over three lines with
    # absolute paths; a key written twice: blogcore's error, and Pelican's "Using first one"
    caplog.set_level(logging.WARNING)
    head = "Date: 2024-05-01\nCategory: Company\nAuthor: Ada Byrne\n"
    build_site(
        {
            "posts/one.md": f"Title: One\n{head}Slug: same\n\nOne.\n",
            "posts/two.md": f"Title: Two\n{head}Slug: same\n\nTwo.\n",
            "posts/twice.md": f"Title: Twice\n{head}Category: Engineering\n\nText.\n",
        },
        name="said-once",
    )
    lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert not [m for m in lines if "There are" in m or "Using first one" in m], lines
    assert not [m for m in lines if "the slug 'same'" in m], lines  # the clash says it
    assert any(
        m.startswith("said-once/posts/two.md: URL posts/same/ is already taken") for m in lines
    )
    assert any(m.startswith("said-once/posts/twice.md: ") and "Category" in m for m in lines)


# ------------------------------------------------- files whose names hold a space or a '#'


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("images/hall floor plan.svg", "images/hall%20floor%20plan.svg"),
        ("images/café.jpg", "images/café.jpg"),  # letters of any script are valid as they are
        ("extra/100% sure.pdf", "extra/100%25%20sure.pdf"),
        ("extra/a#1?.pdf", "extra/a%231%3F.pdf"),
        ("extra/R&D.pdf", "extra/R%26D.pdf"),
        ("images/plain-name_1.png", "images/plain-name_1.png"),
    ],
)
def test_escaped_urls(url, expected):
    assert urls.escaped(url) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<a href="{attach}our slides.pdf">s</a> <img src="{attach}a b.png" alt="">',
            '<a href="{static}our slides.pdf">s</a> <img src="{attach}a b.png" alt="">',
        ),
        ("<p>Write {attach}our slides.pdf</p>", "<p>Write {attach}our slides.pdf</p>"),  # text
        ("<a href='{attach}our slides.pdf'>s</a>", "<a href='{static}our slides.pdf'>s</a>"),
        ('<a href="{static}our slides.pdf">s</a>', '<a href="{static}our slides.pdf">s</a>'),
    ],
)
def test_attach_links_made_static_links(html, expected):
    pattern = links.link_pattern(r"[{|](?P<what>.*?)[|}]")
    assert links.as_static(html, pattern, {"{attach}our slides.pdf"}) == expected


def test_a_file_name_with_spaces_gets_a_valid_address_however_it_is_written(build_site, caplog):
    # Pelican wrote src="…/hall floor plan.svg": a raw space, which the validator refuses
    head = "Date: 2024-01-02\nCategory: Company\nAuthor: Ada Byrne\n"
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'
    files = {
        "posts/plan.md": f"Title: Plan\n{head}\n"
        "![The plan]({static}/images/hall floor plan.svg)\n\n"
        "The [same plan]({static}/images/hall%20floor%20plan.svg), "
        "the [notes]({static}/extra/notes%20%232.txt).\n",
        "posts/attached.md": f"Title: Attached\n{head}"
        "Summary: The [slides]({attach}our slides.pdf).\n\n"
        "The [slides]({attach}our slides.pdf), [again]({attach}our%20slides.pdf).\n",
        "posts/our slides.pdf": b"%PDF-1.4\n%slides\n",
        "images/hall floor plan.svg": svg,
        "extra/notes #2.txt": "Notes.\n",
    }
    site = build_site(files, name="spaces")
    body = site.soup("posts/plan/").select_one(".post-content")
    assert body.select_one("img")["src"] == f"{TEST_SITEURL}/images/hall%20floor%20plan.svg"
    assert [a["href"] for a in body.select("a")] == [
        f"{TEST_SITEURL}/images/hall%20floor%20plan.svg",
        f"{TEST_SITEURL}/extra/notes%20%232.txt",
    ]
    assert site.exists("images/hall floor plan.svg") and site.exists("extra/notes #2.txt")
    said = [m for m in _warnings(caplog) if "spaces/" in m]
    # {attach} moved the file when Pelican resolved the link, with its path as it is (a raw
    # space); it was a warning to write {static} instead: it is moved, and its address escaped
    attached = site.soup("posts/attached/")
    slides = f"{TEST_SITEURL}/posts/attached/our%20slides.pdf"
    assert [a["href"] for a in attached.select(".post-content a")] == [slides, slides]
    assert site.exists("posts/attached/our slides.pdf") and not site.exists("posts/our slides.pdf")
    assert [a["href"] for a in site.soup("").select("a[href$='.pdf']")] == [slides]  # Summary
    assert not [m for m in said if "plan" in m or "notes" in m or "slides" in m], said
    assert not [m for m in _warnings(caplog) if "cannot relocate" in m]  # Pelican's fallback


def test_a_rest_link_whose_spaces_docutils_took_out_says_to_write_percent_20(build_site, caplog):
    # docutils takes the spaces out of a link's address: the line said the file did not exist,
    # "did you mean {static}/extra/annual report.pdf?", which is what the post said
    caplog.set_level(logging.WARNING)
    post = (
        "Spaced\n######\n\n:date: 2024-03-01\n:author: Ada Byrne\n:category: Company\n\n"
        "The `report <{static}/extra/annual report.pdf>`_, the `menu <{attach}menu plan.pdf>`_"
        " and the `slides <{attach}our%20slides.pdf>`_.\n"
    )
    files = {
        "posts/spaced.rst": post,
        "posts/menu plan.pdf": b"%PDF-1.4\n",
        "posts/our slides.pdf": b"%PDF-1.4\n",
        "extra/annual report.pdf": b"%PDF-1.4\n",
    }
    site = build_site(files, name="rest-spaces")
    assert [m for m in _warnings(caplog) if "rest-spaces/" in m] == [
        "rest-spaces/posts/spaced.rst: the link {static}/extra/annualreport.pdf points at no "
        "file: reStructuredText takes the spaces out of a link's address, and the file is named "
        "'annual report.pdf'; write each space as %20: <{static}/extra/annual%20report.pdf>",
        "rest-spaces/posts/spaced.rst: the link {attach}menuplan.pdf points at no file: "
        "reStructuredText takes the spaces out of a link's address, and the file is named "
        "'menu plan.pdf'; write each space as %20: <{attach}menu%20plan.pdf>",
    ]
    hrefs = [a["href"] for a in site.soup("posts/spaced/").select(".post-content a")]
    assert hrefs[2] == f"{TEST_SITEURL}/posts/spaced/our%20slides.pdf"  # written so, it works


@pytest.mark.parametrize(
    ("name", "names", "expected"),
    [
        ("annualreport.pdf", ["annual report.pdf", "a.pdf"], "annual report.pdf"),
        ("annualreport.pdf", ["annualreport.pdf", "annual report.pdf"], "annual report.pdf"),
        ("ab.pdf", ["a b.pdf", "a  b.pdf"], None),  # two: which one is not known
        ("x.pdf", ["y.pdf"], None),
    ],
)
def test_spaces_dropped(name, names, expected):
    assert links.spaces_dropped(name, names) == expected


def test_c_cpp_and_csharp_are_three_tags(build_site, caplog):
    # Pelican's slug drops + and #: the three shared /tag/c/, with a warning to rename one
    caplog.set_level(logging.WARNING)
    post = "Title: {t}\nDate: 2024-05-01\nCategory: Engineering\nTags: {t}\nSlug: {s}\n\nText.\n"
    site = build_site(
        {
            f"posts/{slug}.md": post.format(t=tag, s=slug)
            for tag, slug in (("C", "c"), ("C++", "cpp"), ("C#", "csharp"))
        },
        name="c-tags",
    )
    for page, name in (("tag/c/", "C"), ("tag/c-plus-plus/", "C++"), ("tag/c-sharp/", "C#")):
        titles = [
            a.get_text(strip=True)
            for a in site.soup(page).select("main article h2 a, main article h3 a")
        ]
        assert titles == [name], (page, titles)
    assert not [r for r in caplog.records if "make one page" in r.getMessage()]


def test_bracketed_tags_are_named_once_not_as_spelling_clashes_too(build_site, caplog):
    # Tags: [alpha, Python, beta] beside posts tagged alpha, beta and python: the bracket line
    # said what to write, then two more lines called '[alpha' and 'beta]' other spellings of
    # alpha and beta; a real clash in the same post (Python) is still named
    caplog.set_level(logging.WARNING)
    post = (
        "Title: {t}\nDate: 2024-05-0{d}\nCategory: Company\nTags: {tags}\nAuthor: Ada Byrne"
        "\n\nText.\n"
    )
    files = {
        "posts/one.md": post.format(t="One", d=1, tags="alpha, beta, python"),
        "posts/two.md": post.format(t="Two", d=2, tags="alpha, beta, python"),
        "posts/three.md": post.format(t="Three", d=3, tags="[alpha, Python, beta]"),
    }
    build_site(files, name="bracket-tags")
    assert [m for m in _warnings(caplog) if "bracket-tags/posts/three.md" in m] == [
        "bracket-tags/posts/three.md: Tags '[alpha, Python, beta]' is read as the tags "
        "'[alpha', 'Python' and 'beta]', brackets and all (a list in brackets is YAML's, read "
        "so only between --- lines); write Tags: alpha, Python, beta",
        "bracket-tags/posts/three.md: Tags 'Python' and 'python' (as bracket-tags/posts/two.md "
        "writes it) make one page, /tag/python/: write it one way ('python')",
    ]


def test_tag_slugs_end_with_pelican_s_own_substitutions():
    from pelican.settings import DEFAULT_CONFIG, read_settings

    settings = read_settings(str(ROOT / "pelicanconf.py"))
    default = DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
    for key in ("TAG_REGEX_SUBSTITUTIONS", "CATEGORY_REGEX_SUBSTITUTIONS"):
        assert settings[key][-len(default) :] == default


def test_a_link_to_a_file_in_no_static_folder_says_so_not_that_it_is_missing(build_site, caplog):
    # a script beside the posts (content/exp/), linked with {filename}: it is there, but
    # nothing publishes it; the line said "which does not exist"
    caplog.set_level(logging.WARNING)
    body = "Run [the script]({filename}/exp/flaggen.py)."
    site = build_site(
        {"posts/ctf.md": _post("CTF", "ctf", "2024-05-05", body=body), "exp/flaggen.py": "x=1\n"}
    )
    mine = [m for m in _warnings(caplog) if "the link {filename}/exp/flaggen.py" in m]
    assert len(mine) == 1, _warnings(caplog)
    assert "which is there but not published" in mine[0] and "does not exist" not in mine[0]
    assert 'add "exp" to STATIC_PATHS' in mine[0]
    assert not site.exists("exp/flaggen.py")


def _png() -> bytes:
    """A small real PNG, a picture beside a post."""
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (64, 48), "teal").save(picture, "PNG")
    return picture.getvalue()


def test_a_relative_link_to_a_file_beside_its_post_says_to_attach_it(build_site, caplog):
    # a Hugo page bundle (posts/home-lab/index.md with rack.png beside it): the line said the
    # link points "where nothing is published", not that the file is right there
    body = "![The rack in the cupboard](rack.png)"
    caplog.set_level(logging.WARNING)
    build_site(
        {
            "posts/home-lab/index.md": _post("Home lab", "home-lab", "2024-05-05", body=body),
            "posts/home-lab/rack.png": _png(),
        },
        name="bundle",
    )
    mine = [m for m in _warnings(caplog) if "the link rack.png" in m]
    assert mine == [
        "bundle/posts/home-lab/index.md: line 7: the link rack.png is relative, and "
        "bundle/posts/home-lab/rack.png is there beside the post, but nothing publishes it "
        "(its folder is no static folder): write {attach}rack.png, which publishes it beside "
        "the post's page"
    ], _warnings(caplog)


@pytest.mark.parametrize("linked", [False, True], ids=["folder", "symbolic-link"])
def test_relative_links_read_the_same_when_content_is_a_symbolic_link(tmp_path, caplog, linked):
    # content/ kept in a repository of its own and linked into the project: the file beside a
    # post and the post a relative link names were looked for under the folder the link
    # points into (the general advice instead: "content/posts/trip/rack.png is there but not
    # published ..."; "no post or page has that name")
    name = f"linkedrel-{linked}"
    files = {
        "posts/trip/index.md": _post(
            "Trip", "trip", "2024-05-05", body="![The rack](rack.png) and [notes](notes.html)"
        ),
        "posts/trip/rack.png": _png(),
        "posts/trip/notes.md": _post("Trip notes", "trip-notes", "2024-05-06"),
        "posts/walk/notes.md": _post("Walk notes", "walk-notes", "2024-05-07"),
    }
    # a repository of another name: the link's own name is what messages show
    source = tmp_path / "posts-repository" if linked else tmp_path / "project" / name
    shutil.copytree(FIXTURES / "site", source)
    for relpath, data in files.items():
        (source / relpath).parent.mkdir(parents=True, exist_ok=True)
        mode = "wb" if isinstance(data, bytes) else "w"
        with open(source / relpath, mode) as out:
            out.write(data)
    content = tmp_path / "project" / name
    if linked:
        content.parent.mkdir()
        content.symlink_to(source, target_is_directory=True)
    caplog.set_level(logging.WARNING)
    run_pelican(DEV_CONF, content, tmp_path / "output", BLOGCORE_DEFAULT_IMAGE="")
    mine = sorted(m for m in _warnings(caplog) if m.startswith(f"{name}/posts/trip/index.md"))
    assert mine == [
        f"{name}/posts/trip/index.md: line 7: the link notes.html is relative: from this page "
        "it points at /posts/trip/notes.html, where nothing is published; it names "
        f"{name}/posts/trip/notes.md: write {{filename}}/posts/trip/notes.md",
        f"{name}/posts/trip/index.md: line 7: the link rack.png is relative, and "
        f"{name}/posts/trip/rack.png is there beside the post, but nothing publishes it (its "
        "folder is no static folder): write {attach}rack.png, which publishes it beside the "
        "post's page",
    ], _warnings(caplog)


@pytest.mark.parametrize("workers", [1, 2])
def test_files_beside_posts_that_nothing_publishes_are_one_line_per_folder(
    build_site, caplog, workers
):
    # an adopted blog of page bundles (each post's pictures in its folder, linked ![](x.jpg))
    # said one line per picture, 435 alike; a folder's lone picture keeps its own line.
    # With reading workers too: the lines are said once the site is written, in the build's
    # own process
    posts = {  # post: (title, slug, date, the pictures beside it that it links)
        "posts/trip-a/day-1.md": ("Day one", "day-one", "2024-05-01", ["a1", "a2", "a3"]),
        "posts/trip-a/day-2.md": ("Day two", "day-two", "2024-05-02", ["a3", "a4", "a5"]),
        "posts/trip-b/index.md": ("Trip B", "trip-b", "2024-05-03", ["b1", "b2", "b3"]),
        "posts/solo/index.md": ("Solo", "solo", "2024-05-04", ["s"]),
    }
    files: dict[str, str | bytes] = {}
    for post, (title, slug, date, names) in posts.items():
        body = "\n\n".join(f"![A view of {n}]({n}.png)" for n in names)
        files[post] = _post(title, slug, date, body=body)
        files.update({f"{posixpath.dirname(post)}/{n}.png": _png() for n in names})
    caplog.set_level(logging.WARNING)
    name = f"bundles-{workers}"
    build_site(files, name=name, FASTBUILD_WORKERS=workers, FASTBUILD_MIN_FILES=4)
    mine = [m for m in _warnings(caplog) if "beside the post" in m]
    advice = "which publishes the file beside the post's page"
    assert mine == [
        f"{name}/posts/solo/index.md: line 7: the link s.png is relative, and "
        f"{name}/posts/solo/s.png is there beside the post, but nothing publishes it (its folder "
        "is no static folder): write {attach}s.png, which publishes it beside the post's page",
        f"{name}/posts/trip-a/: 5 files beside the posts here are linked relatively, and nothing "
        f"publishes them (the folder is no static folder), e.g. {name}/posts/trip-a/day-1.md: "
        "line 7: a1.png: write {attach} before each such link ({attach}a1.png), " + advice,
        f"{name}/posts/trip-b/: 3 files beside the posts here are linked relatively, and nothing "
        f"publishes them (the folder is no static folder), e.g. {name}/posts/trip-b/index.md: "
        "line 7: b1.png: write {attach} before each such link ({attach}b1.png), " + advice,
    ], _warnings(caplog)


def test_a_relative_link_to_a_static_folders_file_says_to_link_it_with_static(build_site, caplog):
    # a post at the top of content/ (Pelican's own layout) with ![](images/x.png), as stock
    # Pelican resolved it: the line said the file was in "no static folder" and to write
    # {attach}, which moved it out of /images/ (published there, for other pages too)
    body = '![The logo](images/logo-tour.png "Logo")'
    caplog.set_level(logging.WARNING)
    site = build_site(
        {
            "theme-tour.md": _post("Theme tour", "theme-tour", "2024-05-06", body=body),
            "images/logo-tour.png": _png(),
        },
        name="toplevel",
    )
    assert site.exists("images/logo-tour.png")
    mine = [m for m in _warnings(caplog) if "images/logo-tour.png" in m]
    assert mine == [
        "toplevel/theme-tour.md: line 7: the link images/logo-tour.png is relative: from the "
        "post's page it points at /posts/theme-tour/images/logo-tour.png, where nothing is; "
        "toplevel/images/logo-tour.png is published at /images/logo-tour.png: link it with "
        "{static}/images/logo-tour.png"
    ], _warnings(caplog)


@pytest.mark.parametrize(
    ("published", "page", "expected"),
    [
        pytest.param(
            True,
            "posts/tour/",
            "the link images/x.png is relative: from the post's page it points at "
            "/posts/tour/images/x.png, where nothing is; content/images/x.png is published at "
            "/images/x.png: link it with {static}/images/x.png",
            id="static-folder",
        ),
        pytest.param(
            True,
            None,
            "the link images/x.png is relative: it points at another place from each page "
            "that shows the text; content/images/x.png is published at /images/x.png: link it "
            "with {static}/images/x.png",
            id="static-folder-summary",
        ),
        pytest.param(
            False,
            "posts/tour/",
            "the link images/x.png is relative, and content/images/x.png is there beside the "
            "post, but nothing publishes it (its folder is no static folder): write "
            "{attach}images/x.png, which publishes it beside the post's page",
            id="no-static-folder",
        ),
    ],
)
def test_the_line_for_a_file_beside_the_post(published, page, expected):
    message = links.beside_message(
        "images/x.png", "content/images/x.png", "images/x.png", published, page
    )
    assert message == expected


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("rack.jpg", "rack.jpg"),
        ("img/a%20b.png", "img/a b.png"),
        ("../x.png#top", "../x.png"),
        ("/images/x.png", None),
        ("https://example.org/x.png", None),
        ("//cdn.example.org/x.png", None),
        ("#top", None),
        ("mailto:a@example.org", None),
    ],
)
def test_relative_path(url, path):
    assert links.relative_path(url) == path


def test_files_outside_the_static_folders_are_named_not_dropped(build_site, caplog):
    # an adopted site's CNAME, favicon.ico, downloads/ and pdfs/ (its STATIC_PATHS listed
    # them) were neither published nor named: GitHub Pages then lost the custom domain
    files = {
        "CNAME": "blog.example.org\n",
        "favicon.ico": b"\x00\x00\x01\x00",
        "README": "Notes for the people who edit this folder.\n",
        "downloads/ad6.txt": "data\n",
        "downloads/ad6_plot.py": "print('plot')\n",
        "pdfs/talk-slides.pdf": b"%PDF-1.4\n",
    }
    caplog.set_level(logging.WARNING)
    site = build_site(files, name="unpub-dev")
    said = sorted(m for m in caplog.messages if "not published" in m)
    assert said == [
        "unpub-dev/CNAME is not published: a CNAME works only at the site's root, as /CNAME; "
        'add "CNAME" to STATIC_PATHS and "CNAME": {"path": "CNAME"} to EXTRA_PATH_METADATA in '
        "pelicanconf.py, which publishes it there",
        "unpub-dev/downloads/ad6.txt, unpub-dev/downloads/ad6_plot.py are not published: "
        'unpub-dev/downloads/ is not a static folder; add "downloads" to STATIC_PATHS in '
        "pelicanconf.py (published at /downloads/ as they are), or move them into "
        'unpub-dev/extra/; if they are not for readers (notes, scripts), add "ad6.txt", '
        '"ad6_plot.py" to IGNORE_FILES in pelicanconf.py instead, which leaves them out of the '
        "site",
        "unpub-dev/favicon.ico is not published: a favicon.ico works only at the site's root, "
        'as /favicon.ico; add "favicon.ico" to STATIC_PATHS and "favicon.ico": {"path": '
        '"favicon.ico"} to EXTRA_PATH_METADATA in pelicanconf.py, which publishes it there',
        "unpub-dev/pdfs/talk-slides.pdf is not published: unpub-dev/pdfs/ is not a static "
        'folder; add "pdfs" to STATIC_PATHS in pelicanconf.py (published at /pdfs/ as it is), '
        "or move it into unpub-dev/extra/; if it is not for readers (notes, scripts), add "
        '"talk-slides.pdf" to IGNORE_FILES in pelicanconf.py instead, which leaves it out of the '
        "site",
    ]
    assert not site.exists("CNAME")
    caplog.clear()
    with pytest.raises(SystemExit):
        build_site(files, publish=True, name="unpub-pub")
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len([m for m in errors if "not published" in m]) == 4, errors
    # what the lines say to do publishes them, at their old addresses
    caplog.clear()
    moved = {
        "extra/CNAME": files["CNAME"],
        "downloads/ad6.txt": files["downloads/ad6.txt"],
    }
    fixed = build_site(
        moved,
        name="unpub-fixed",
        STATIC_PATHS=["images", "extra", "downloads"],
        EXTRA_PATH_METADATA={
            "extra/favicon.svg": {"path": "favicon.svg"},
            "extra/CNAME": {"path": "CNAME"},
        },
    )
    assert fixed.exists("CNAME") and fixed.exists("downloads/ad6.txt")
    assert not [m for m in caplog.messages if "not published" in m]


# a Staticman entry: a commenter's name, the md5 of their e-mail, their message; each test's
# markers are unique, so the output is searched for them
def _staticman(name: str, message: str, json_file: bool = False) -> str:
    """A comment as Staticman commits it, in YAML or JSON."""
    fields = {
        "_id": "5f8a1e20-0f4b-11eb-9a1c-3b7f2a9d6e11",
        "name": name,
        "email": "0cc175b9c0f1b6a831c399e269772661",
        "message": message,
        "date": 1602978557,
    }
    if json_file:
        return json.dumps(fields) + "\n"
    return "".join(f"{key}: {value}\n" for key, value in fields.items())


def _holds(folder: Path, marker: str) -> list[str]:
    """The files of every build's output under folder whose bytes hold marker."""
    return [
        str(path.relative_to(folder))
        for output in folder.glob("output-*")
        for path in output.rglob("*")
        if path.is_file() and marker.encode() in path.read_bytes()
    ]


def test_staticman_comments_are_never_advised_into_static_paths(build_site, caplog, tmp_path):
    # 0x7df.github.io's content/comments/ (Staticman's JSON, a commenter's name and message
    # each) was told: add "comments" to STATIC_PATHS, which publishes them as raw files; and a
    # Jekyll site's _data/comments/, beside _data/other.yml, still was: add "_data" to it
    files = {
        "comments/hello/entry1602978557368.json": '{"name": "Ann", "message": "Hi"}\n',
        "comments/hello/entry1602979691887.yml": "name: Bo\nemail: 0cc175b9c0f1b6a8\n",
        "_data/comments/hello/entry1602978557368.yml": _staticman("Quilla Mixon", "Fine post"),
        "_data/comments/bye/entry1602979691887.json": _staticman(
            "Quilla Mixon", "Second thoughts", json_file=True
        ),
        "_data/other.yml": "menu:\n  - title: Home\n    url: /\n",
        # all of a Jekyll site's comments in one file, at the top: not to be moved to extra/
        "comments.yml": "- name: Quilla Mixon\n  email: 0cc175b9\n  message: Third\n",
    }
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit):  # as any folder left out: a publish stops until it is said
        build_site(files, publish=True, name="staticman-pub")
    said = [m for m in caplog.messages if m.startswith("staticman-pub/comments/")]
    assert said == [
        "staticman-pub/comments/hello/entry1602978557368.json, "
        "staticman-pub/comments/hello/entry1602979691887.yml are comments saved as data files "
        "(Staticman's), which this site does not show, and they are not published: its "
        "comments are Isso's, and nothing here imports these into it (docs/comments.md, "
        'Comments from an old blog); do not add "comments" to STATIC_PATHS, which would '
        'publish each commenter\'s name and message as a raw file; add "comments" to '
        "IGNORE_FILES in pelicanconf.py to say they stay out of the site (they stay in "
        "staticman-pub/ for the record)"
    ]
    assert [m for m in caplog.messages if m.startswith("staticman-pub/_data/")] == [
        "staticman-pub/_data/comments/bye/entry1602979691887.json, "
        "staticman-pub/_data/comments/hello/entry1602978557368.yml are comments saved as "
        "data files (Staticman's), which this site does not show, and they are not published: "
        "its comments are Isso's, and nothing here imports these into it (docs/comments.md, "
        'Comments from an old blog); do not add "_data" to STATIC_PATHS, which would publish '
        'each commenter\'s name and message as a raw file; add "comments" to IGNORE_FILES in '
        "pelicanconf.py to say they stay out of the site (they stay in staticman-pub/ for the "
        "record)",
        "staticman-pub/_data/other.yml is not published: staticman-pub/_data/ is not a static "
        "folder, and adding it to STATIC_PATHS would publish the comments in "
        "staticman-pub/_data/comments/ too; move it into staticman-pub/extra/; if it is not "
        'for readers (notes, scripts), add "other.yml" to IGNORE_FILES in pelicanconf.py '
        "instead, which leaves it out of the site",
    ]
    assert [m for m in caplog.messages if m.startswith("staticman-pub/comments.yml")] == [
        "staticman-pub/comments.yml holds comments saved as data (Staticman's), which this site "
        "does not show, and it is not published: its comments are Isso's, and nothing here "
        "imports these into it (docs/comments.md, Comments from an old blog); do not add it to "
        "STATIC_PATHS, which would publish each commenter's name and message as a raw file; "
        'add "comments.yml" to IGNORE_FILES in pelicanconf.py to say they stay out of the site '
        "(they stay in staticman-pub/ for the record)"
    ]
    assert not _holds(tmp_path, "Quilla Mixon")
    caplog.clear()
    site = build_site(
        files,
        publish=True,
        name="staticman-kept",
        # as the lines say
        IGNORE_FILES=[*pelicanconf.IGNORE_FILES, "comments", "other.yml", "comments.yml"],
    )
    assert not [m for m in caplog.messages if "comments" in m or "_data" in m]
    assert not site.exists("comments")
    assert not _holds(tmp_path, "Quilla Mixon")


@pytest.mark.parametrize(
    ("case", "files", "folder", "way", "kept"),
    [
        # an adopted site that published its Staticman comments, or a writer who followed the
        # old advice: STATIC_PATHS = [..., "comments"] copied each commenter's name, e-mail
        # hash and message to /comments/ as raw files, and nothing was said
        (
            "own",
            {
                "comments/hello/entry1602978557368.yml": _staticman("Orrin Vasquez", "Useful"),
                "comments/hello/entry1602979691887.json": _staticman(
                    "Orrin Vasquez", "Thanks", json_file=True
                ),
            },
            "comments",
            'take "comments" out of STATIC_PATHS and add "comments" to IGNORE_FILES in '
            "pelicanconf.py",
            {
                "STATIC_PATHS": pelicanconf.STATIC_PATHS,
                "IGNORE_FILES": [*pelicanconf.IGNORE_FILES, "comments"],
            },
        ),
        # STATIC_PATHS names data/, which holds the team's file too: taking data/ out would
        # unpublish it; STATIC_EXCLUDES keeps out the comments' folder only
        (
            "shared",
            {
                "data/team.yml": "- name: Ada\n  email: ada@example.com\n  role: editor\n",
                "data/replies/bye/entry1602979691887.json": _staticman(
                    "Orrin Vasquez", "Noted", json_file=True
                ),
                "data/replies/hello/entry1602978557368.yml": _staticman("Orrin Vasquez", "Agreed"),
            },
            "data",
            'add "data/replies" to STATIC_EXCLUDES in pelicanconf.py',
            {"STATIC_EXCLUDES": ["data/replies"]},
        ),
    ],
    ids=["own-folder", "shared-folder"],
)
def test_comments_static_paths_names_are_left_out_with_a_line(
    build_site, caplog, tmp_path, case, files, folder, way, kept
):
    static = [*pelicanconf.STATIC_PATHS, folder]
    comments = [f for f in files if "Orrin" in files[f]]

    def line(name: str) -> str:
        return (
            f"{name}/{comments[0]}, {name}/{comments[1]} are comments saved as data files "
            "(Staticman's), each with a commenter's name and message, which STATIC_PATHS would "
            f"publish as raw files: they are left out of the site; {way} to say so, or set "
            "BLOGCORE_PUBLISH_COMMENT_DATA = True there if every commenter agreed to be "
            "published so (this site's comments are Isso's: docs/comments.md, Comments from an "
            "old blog)"
        )

    def lines() -> list[tuple[str, str]]:
        return [
            (r.levelname, r.getMessage()) for r in caplog.records if f"/{folder}/" in r.getMessage()
        ]

    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit):  # an error in a publish
        build_site(files, publish=True, name=f"static-{case}", STATIC_PATHS=static)
    assert lines() == [("ERROR", line(f"static-{case}"))]
    caplog.clear()
    site = build_site(files, name=f"static-{case}-dev", STATIC_PATHS=static)  # make build
    assert lines() == [("WARNING", line(f"static-{case}-dev"))]
    assert not any(site.exists(f) for f in comments)
    caplog.clear()
    settings = {"STATIC_PATHS": static, **kept}  # as the line says
    site = build_site(files, publish=True, name=f"static-{case}-kept", **settings)
    assert not lines()
    assert all(site.exists(f) for f in files if f not in comments)  # data/team.yml
    assert not _holds(tmp_path, "Orrin Vasquez")  # in no build's output
    # a site that means it says so: published as they are, no line
    site = build_site(
        files,
        publish=True,
        name=f"static-{case}-meant",
        STATIC_PATHS=static,
        BLOGCORE_PUBLISH_COMMENT_DATA=True,
    )
    assert not lines()
    assert all(site.exists(f) for f in comments)


def test_comments_beside_a_post_get_the_comments_line(build_site, caplog, tmp_path):
    # an adopted site's post folder with its Staticman comment beside the post: a folder
    # with a post in it, whose generic line says to link the file from a post with {static}
    # (which would publish the commenter's name and message)
    files = {
        "trips/hello/post.md": _post("Hello", "hello", "2024-05-01"),
        "trips/hello/entry1602978557368.yml": _staticman("Perpetua Quance", "Lovely trip"),
    }
    caplog.set_level(logging.WARNING)
    site = build_site(files, name="comments-beside")
    assert [m for m in _warnings(caplog) if "entry1602978557368" in m] == [
        "comments-beside/trips/hello/entry1602978557368.yml holds comments saved as data "
        "(Staticman's), which this site does not show, and it is not published: its comments "
        "are Isso's, and nothing here imports these into it (docs/comments.md, Comments from "
        'an old blog); do not add "trips/hello" to STATIC_PATHS, which would publish each '
        'commenter\'s name and message as a raw file; add "entry1602978557368.yml" to '
        "IGNORE_FILES in pelicanconf.py to say they stay out of the site (they stay in "
        "comments-beside/ for the record)"
    ]
    assert site.exists("posts/hello/index.html")
    caplog.clear()
    site = build_site(  # as the line says
        files,
        publish=True,
        name="comments-beside-kept",
        IGNORE_FILES=[*pelicanconf.IGNORE_FILES, "entry1602978557368.yml"],
    )
    assert not [m for m in caplog.messages if "entry1602978557368" in m]
    assert site.exists("posts/hello/index.html")
    assert not _holds(tmp_path, "Perpetua Quance")


def test_comments_ignore_files_advice_leaves_out_nothing_else(build_site, caplog, tmp_path):
    # the line said: add "comments" to IGNORE_FILES, which Pelican matches against every
    # file and folder name in every folder: posts/comments/ (readers' letters, as posts)
    # vanished with the old comments, and nothing said so
    stamps = ("1602978557368", "1602979691887", "1603012345678", "1603098765432")
    comments = {
        f"comments/{slug}/entry{stamp}.{ext}": _staticman(
            "Hollis Tarrant", f"Reply {stamp}", json_file=ext == "json"
        )
        for slug, stamp, ext in zip("abcd", stamps, ("yml", "yml", "yml", "json"), strict=True)
    }
    files = {
        **comments,
        "posts/comments/readers-write.md": _post("Readers write", "readers-write", "2024-05-01"),
    }
    caplog.set_level(logging.WARNING)
    build_site(files, name="comments-named")
    said = [m for m in caplog.messages if "Hollis" not in m and "comments saved as data" in m]
    assert len(said) == 1
    assert said[0].endswith(
        'add "entry*.json", "entry*.yml" to IGNORE_FILES in pelicanconf.py to say they stay '
        "out of the site (they stay in comments-named/ for the record)"
    )
    caplog.clear()
    site = build_site(  # as the line says
        files,
        publish=True,
        name="comments-named-kept",
        IGNORE_FILES=[*pelicanconf.IGNORE_FILES, "entry*.json", "entry*.yml"],
    )
    assert not [m for m in caplog.messages if "comments" in m]
    assert site.exists("posts/readers-write/index.html")  # nothing else left out
    assert not _holds(tmp_path, "Hollis Tarrant")


@pytest.mark.parametrize("static", [False, True], ids=["linked-only", "static-paths"])
def test_a_link_to_comment_data_left_out_is_named(build_site, caplog, tmp_path, static):
    # a post linked an old Staticman comment with {static}: the file is left out of the site
    # (each holds a commenter's name and message), but the link check took it for published,
    # so the page linked to nothing and no line said so
    comment = "comments/hello/entry1602978557368.yml"
    files = {
        comment: _staticman("Wendell Ashgrove", "Kind words"),
        "posts/thanks.md": _post(
            "Thanks", "thanks", "2024-05-01", body=f"Read [a reply]({{static}}/{comment})."
        ),
    }
    name = f"comment-link-{'static' if static else 'linked'}"
    settings = {"STATIC_PATHS": [*pelicanconf.STATIC_PATHS, "comments"]} if static else {}
    line = (
        f"{name}/posts/thanks.md: line 7: the link {{static}}/{comment} points at "
        f"{name}/{comment}, comments saved as data (Staticman's), each with a commenter's name "
        "and message, which are left out of the site: remove the link, or set "
        "BLOGCORE_PUBLISH_COMMENT_DATA = True in pelicanconf.py if every commenter agreed to "
        "be published so (this site's comments are Isso's: docs/comments.md, Comments from an "
        "old blog)"
    )
    caplog.set_level(logging.WARNING)
    site = build_site(files, name=name, **settings)
    assert [m for m in _warnings(caplog) if "posts/thanks.md" in m] == [line]
    # a file linked only is named by its link's line alone, not told to leave STATIC_PATHS
    about = [m for m in caplog.messages if comment in m and "posts/thanks.md" not in m]
    assert [m for m in about if "STATIC_PATHS would publish" in m] == about
    assert len(about) == static
    assert not site.exists(comment)
    assert not _holds(tmp_path, "Wendell Ashgrove")
    caplog.clear()
    with pytest.raises(SystemExit):  # a publish never ships a link to nothing
        build_site(files, publish=True, name=f"{name}-pub", **settings)
    assert [m for m in _errors(caplog) if "posts/thanks.md" in m] == [
        line.replace(f"{name}/", f"{name}-pub/")
    ]
    assert not _holds(tmp_path, "Wendell Ashgrove")


def test_pictures_beside_posts_linked_by_address_are_named_by_their_links_only(build_site, caplog):
    # pictures beside posts outside content/posts/ (ARTICLE_PATHS has ""), each post's first
    # picture the site's card: those linked relatively (photo.jpg, ../) or from "/" were also
    # said "not published: nothing links to it", beside their link's own line, which says to
    # write {attach}photo.jpg
    card = "![Card]({static}/images/social-card.png)\n\n"
    posts = {
        "rel": ("trips/rel/post.md", "![A photo](photo.jpg)", "trips/rel/photo.jpg"),
        "dot": ("trips/dot/post.md", "![A photo](./img/photo.jpg)", "trips/dot/img/photo.jpg"),
        "up": ("trips/up/sub/post.md", "![A photo](../photo.jpg)", "trips/up/photo.jpg"),
        "abs": ("trips/abs/post.md", "![A photo](/trips/abs/photo.jpg)", "trips/abs/photo.jpg"),
        "static": (
            "trips/static/post.md",
            "![A photo]({static}photo.jpg)",
            "trips/static/photo.jpg",
        ),
        "attach": (
            "trips/attach/post.md",
            "![A photo]({attach}photo.jpg)",
            "trips/attach/photo.jpg",
        ),
        "none": ("trips/none/post.md", "No photo.", "trips/none/photo.jpg"),
    }
    files: dict[str, str | bytes] = {}
    for n, (slug, (source, body, picture)) in enumerate(posts.items(), start=1):
        files[source] = _post(slug, slug, f"2024-05-0{n}", body=card + body)
        files[picture] = jpeg()
    files["pages/visit.md"] = "Title: Visit\n\n![A photo](photo.jpg)\n"
    files["pages/photo.jpg"] = jpeg()
    caplog.set_level(logging.WARNING)
    name = "by-address"
    site = build_site(files, name=name)
    said = sorted(m for m in _warnings(caplog) if "photo.jpg" in m)
    beside = "but nothing publishes it (its folder is no static folder): write {attach}"
    starts = [
        f"{name}/pages/visit.md: line 3: the link photo.jpg is relative, and "
        f"{name}/pages/photo.jpg is there beside the page, {beside}photo.jpg, which publishes "
        "it beside the page",
        f"{name}/trips/abs/post.md: line 9: the link /trips/abs/photo.jpg points at nothing "
        "this site publishes",
        # a folder with no post in it: a static folder would publish it (no "nothing links")
        f"{name}/trips/dot/img/photo.jpg is not published: {name}/trips/dot/img/ is not a "
        f'static folder; add "trips/dot/img" to STATIC_PATHS',
        f"{name}/trips/dot/post.md: line 9: the link ./img/photo.jpg is relative, and "
        f"{name}/trips/dot/img/photo.jpg is there beside the post, {beside}./img/photo.jpg, "
        "which publishes it beside the post's page",
        f"{name}/trips/none/photo.jpg is not published: nothing links to it and "
        f"{name}/trips/none/ is no static folder; link it from a post with {{static}}",
        f"{name}/trips/rel/post.md: line 9: the link photo.jpg is relative, and "
        f"{name}/trips/rel/photo.jpg is there beside the post, {beside}photo.jpg, which "
        "publishes it beside the post's page",
        f"{name}/trips/up/sub/post.md: line 9: the link ../photo.jpg is relative, and "
        f"{name}/trips/up/photo.jpg is there beside the post, {beside}../photo.jpg, which "
        "publishes it beside the post's page",
    ]
    assert len(said) == len(starts) and all(map(str.startswith, said, starts)), said
    assert f"({name}/trips/abs/photo.jpg is there but not published" in said[1]
    assert site.exists("trips/static/photo.jpg") and site.exists("posts/attach/photo.jpg")
    # a publish fails on each of them, as it failed on the lines that said nothing links them
    caplog.clear()
    with pytest.raises(SystemExit):
        build_site(files, publish=True, name=f"{name}-pub")
    errors = sorted(m.split(": ", 1)[0] for m in _errors(caplog) if "photo.jpg" in m)
    assert errors == sorted(
        f"{name}-pub/{path}"
        for path in (
            "pages/visit.md",
            *(posts[slug][0] for slug in ("abs", "dot", "rel", "up")),
            "trips/dot/img/photo.jpg is not published",
            "trips/none/photo.jpg is not published",
        )
    )


def test_a_file_the_build_uses_is_never_said_to_be_unpublished(build_site, caplog):
    # a Cover: in a folder that is no static folder is rendered by the image pipeline (the
    # post's picture): it was also named "not published", an error that stopped the publish
    files = {
        "posts/cover-c.md": _post("Cover c", "cover-c", "2024-05-01", "Cover: figures/g/out.jpg"),
        "posts/linked.md": _post(
            "Linked", "linked", "2024-05-02", body="[data]({static}/figures/g/data.csv)"
        ),
        "figures/g/out.jpg": jpeg(),
        "figures/g/data.csv": "a,b\n",
        "figures/g/left.txt": "nothing uses this\n",
    }
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit):
        build_site(files, publish=True, name="used-pub")
    said = [m for m in _errors(caplog) if "not published" in m]
    assert said == [
        "used-pub/figures/g/left.txt is not published: used-pub/figures/ is not a static "
        'folder; add "figures" to STATIC_PATHS in pelicanconf.py (published at /figures/ as it '
        "is), or move it into used-pub/extra/; if it is not for readers (notes, scripts), add "
        '"left.txt" to IGNORE_FILES in pelicanconf.py instead, which leaves it out of the site'
    ]
    caplog.clear()
    del files["figures/g/left.txt"]
    site = build_site(files, publish=True, name="used-pub2")
    assert not [m for m in caplog.messages if "not published" in m]
    assert site.exists("figures/g/data.csv")
    cover = site.soup("posts/cover-c/index.html").select_one('meta[property="og:image"]')
    assert "/renditions/figures/g/out-" in cover["content"]


def test_a_writers_own_notes_and_scripts_unpublished_are_told_how_to_stay_private(
    build_site, caplog
):
    # an adopted blog's TODO.txt, its front-matter script and its log beside the posts: every
    # way out the lines offered (extra/ and a mapping, STATIC_PATHS, {static}) published them
    files = {
        "TODO.txt": "1- Figure out how to link the xml files\n",
        "blog/hello.md": _post("Hello", "hello", "2024-05-01"),
        "blog/fix_front.py": "import sys\n",
        "blog/title-errors.txt": "title errors found by the script\n",
    }
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit):
        build_site(files, publish=True, name="notes-pub")
    said = [m for m in _errors(caplog) if "not published" in m]
    assert said == [
        "notes-pub/blog/fix_front.py, notes-pub/blog/title-errors.txt are not published: nothing "
        "links to them and notes-pub/blog/ is no static folder; link each from a post with "
        "{static} (or {attach}), or move them into notes-pub/extra/; if they are not for "
        'readers (notes, scripts), add "fix_front.py", "title-errors.txt" to IGNORE_FILES in '
        "pelicanconf.py instead, which leaves them out of the site"
    ]  # the TODO is a note to editors, as a README is: never named
    caplog.clear()
    ignores = ["**/.*", ".#*", "._*", "fix_front.py", "title-errors.txt"]  # followed
    site = build_site(files, publish=True, name="notes-ok", IGNORE_FILES=ignores)
    assert not [m for m in _errors(caplog) if "not published" in m]
    assert site.exists("posts/hello/")
    names = {p.name for p in site.files()}
    assert not names & {"TODO.txt", "fix_front.py", "title-errors.txt"}


def test_icons_published_below_the_root_are_named_unless_linked(build_site, caplog):
    # an old site's extra/favicon.ico and apple-touch-icon*.png (its EXTRA_PATH_METADATA mapped
    # them to the root): published at /extra/..., where no browser or phone looks, and no line
    files = {
        "extra/favicon.ico": _ico(),
        "extra/apple-touch-icon-152x152.png": _png(),
        "images/logo-apple-touch-icon.png": _png(),  # not a name phones look for
    }
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit):
        build_site(files, publish=True, name="icons-pub")
    said = sorted(m for m in _errors(caplog) if "where nothing reads it" in m)
    assert said == [
        "icons-pub/extra/apple-touch-icon-152x152.png is published at "
        "/extra/apple-touch-icon-152x152.png, where nothing reads it: browsers look for "
        "apple-touch-icon-152x152.png only at the site's root, as /apple-touch-icon-152x152.png, "
        'and no page links it; add "extra/apple-touch-icon-152x152.png": {"path": '
        '"apple-touch-icon-152x152.png"} to EXTRA_PATH_METADATA in pelicanconf.py',
        "icons-pub/extra/favicon.ico is published at /extra/favicon.ico, where nothing reads "
        "it: browsers look for favicon.ico only at the site's root, as /favicon.ico, and no "
        'page links it; add "extra/favicon.ico": {"path": "favicon.ico"} to '
        "EXTRA_PATH_METADATA in pelicanconf.py",
    ]
    # linked from a post, an icon below the root is in use: nothing to say
    caplog.clear()
    linked = {
        "extra/favicon.ico": files["extra/favicon.ico"],
        "posts/icon.md": _post(
            "Icon", "icon", "2024-05-01", body="![Our icon]({static}/extra/favicon.ico)"
        ),
    }
    build_site(linked, publish=True, name="icons-linked")
    assert not [m for m in caplog.messages if "where nothing reads it" in m]
    # followed, the icons are at the root and nothing is said
    caplog.clear()
    mapping = {
        "extra/favicon.svg": {"path": "favicon.svg"},
        "extra/favicon.ico": {"path": "favicon.ico"},
        "extra/apple-touch-icon-152x152.png": {"path": "apple-touch-icon-152x152.png"},
    }
    site = build_site(files, publish=True, name="icons-ok", EXTRA_PATH_METADATA=mapping)
    assert not [m for m in caplog.messages if "where nothing reads it" in m]
    assert site.exists("favicon.ico") and site.exists("apple-touch-icon-152x152.png")


def test_a_folder_of_icons_below_the_root_is_one_line(build_site, caplog):
    # an old Elegant site's STATIC_PATHS "theme/images": apple-touch-icon in six sizes and
    # favicon.ico, which its theme linked; here nothing does, and each was a line of its own
    sizes = ("", "-57x57", "-72x72", "-114x114", "-152x152")
    files = {f"theme/images/apple-touch-icon{s}.png": _png() for s in sizes}
    files["theme/images/favicon.ico"] = _ico()
    # a second favicon.ico: both mapped, one would be skipped; one line asks which (it was
    # a line of its own and a name in the folder's mapping, each saying to map it)
    files["extra/favicon.ico"] = _ico()
    caplog.set_level(logging.WARNING)
    build_site(files, name="icons-folder", STATIC_PATHS=["images", "extra", "theme/images"])
    said = sorted(m for m in caplog.messages if "where nothing reads" in m or "would each" in m)
    mapping = ", ".join(
        f'"theme/images/{n}": {{"path": "{n}"}}'
        for n in sorted(f.rpartition("/")[2] for f in files if f.startswith("theme/"))
        if n != "favicon.ico"
    )
    assert said == [
        "icons-folder/extra/favicon.ico and icons-folder/theme/images/favicon.ico would each be "
        "the site's /favicon.ico, which is one file: keep the one the old site served there, "
        'and for it only: for icons-folder/extra/favicon.ico, add "extra/favicon.ico": '
        '{"path": "favicon.ico"} to EXTRA_PATH_METADATA; for '
        'icons-folder/theme/images/favicon.ico, add "theme/images/favicon.ico": '
        '{"path": "favicon.ico"} to EXTRA_PATH_METADATA; in pelicanconf.py',
        "icons-folder/theme/images/: 5 icons (apple-touch-icon-114x114.png, "
        "apple-touch-icon-152x152.png, apple-touch-icon-57x57.png and 2 more) are published "
        "in /theme/images/, where nothing reads them: browsers and phones look for them only "
        f"at the site's root, and no page links them; add {mapping} to EXTRA_PATH_METADATA "
        "in pelicanconf.py",
    ]


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 16), (20, 80, 200)).save(out, "PNG")
    return out.getvalue()


def _ico() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 32), (200, 80, 20)).save(out, "ICO")
    return out.getvalue()


def _advice(line: str) -> dict:
    """The settings a root file's line says to add, read from the line itself."""
    path = re.search(r'add "([^"]+)" to STATIC_PATHS', line)[1]
    mapping = json.loads("{" + re.search(r'and ("[^"]+": \{[^}]*\}) to EXTRA_PATH', line)[1] + "}")
    blank = re.search(r'set (\w+) = ""', line)
    return {"static": path, "mapping": mapping, "blank": blank[1] if blank else None}


def test_a_file_that_works_only_at_the_root_is_told_how_to_get_there(build_site, caplog):
    # extras/CNAME (nwcpp, 0ink.net): the line said to add "extras" to STATIC_PATHS or to move
    # it into extra/; either published /extras/CNAME, and GitHub Pages lost the custom domain
    files = {
        "extras/CNAME": "blog.example.org\n",
        "extras/robots.txt": "User-agent: *\nDisallow: /private/\n",
        "extras/.nojekyll": "",
        "extras/notes.txt": "a download\n",
        "favicon.ico": _ico(),
    }
    caplog.set_level(logging.WARNING)
    build_site(files, name="root-dev")
    said = sorted(m for m in _warnings(caplog) if "not published" in m)
    assert len(said) == 5, said
    assert said[0] == (
        "root-dev/extras/.nojekyll is not published: a .nojekyll works only at the site's "
        'root, as /.nojekyll; add "extras/.nojekyll" to STATIC_PATHS and "extras/.nojekyll": '
        '{"path": ".nojekyll"} to EXTRA_PATH_METADATA in pelicanconf.py, which publishes it '
        "there"
    )
    assert said[3].startswith("root-dev/extras/robots.txt is not published") and said[3].endswith(
        'and set ROBOTS_SAVE_AS = "" there: the site writes its own /robots.txt, which would '
        "keep the address and skip this one"
    )
    assert said[2].startswith("root-dev/extras/notes.txt is not published")
    assert 'add "extras" to STATIC_PATHS' in said[2]
    # followed literally, each root file is at the output's root and nothing is said
    advice = [_advice(m) for m in said if "works only at the site's root" in m]
    assert len(advice) == 4
    static = ["images", "extra", "extras/notes.txt"] + [a["static"] for a in advice]
    mapping = {"extra/favicon.svg": {"path": "favicon.svg"}}
    blanks = {}
    for a in advice:
        mapping.update(a["mapping"])
        if a["blank"]:
            blanks[a["blank"]] = ""
    caplog.clear()
    site = build_site(
        files,
        publish=True,
        name="root-pub",
        STATIC_PATHS=static,
        EXTRA_PATH_METADATA=mapping,
        **blanks,
    )
    assert not _errors(caplog)
    assert site.text("CNAME") == "blog.example.org\n"
    assert site.text("robots.txt") == files["extras/robots.txt"]
    assert site.exists(".nojekyll") and site.exists("favicon.ico")


def _choices(line: str) -> dict[str, dict]:
    """Each choice a line of two root files offers, by file: the settings it says to add."""
    found = {}
    for source, path, mapping in re.findall(
        r'for [^,;]+?/(\S+), add (?:"([^"]+)" to STATIC_PATHS and )?("[^"]+": \{[^}]*\}) to '
        "EXTRA_PATH_METADATA",
        line,
    ):
        found[source] = {"static": path, "mapping": json.loads("{" + mapping + "}")}
    blank = re.search(r'set (\w+) = ""', line)
    for choice in found.values():
        choice["blank"] = blank[1] if blank else None
    return found


@pytest.mark.parametrize("keep", ["extra/robots.txt", "static/robots.txt"])
def test_two_root_files_for_one_address_are_one_line_asking_which(build_site, caplog, keep):
    # an adopted blog (mawenbao's) kept robots.txt in extra/ and in static/: each had a line
    # saying to map it to /robots.txt; both followed, the later was skipped with an error and
    # the one kept (static/'s "Disallow: /") was not the one the old site served
    files = {
        "extra/robots.txt": "User-agent: *\nDisallow: /private/\n",
        "static/robots.txt": "User-agent: *\nDisallow: /\n",
    }
    caplog.set_level(logging.INFO)
    name = f"robots-{keep.split('/')[0]}"
    build_site(files, name=f"{name}-dev")
    said = [m for m in caplog.messages if m.startswith(f"{name}-dev/") and "robots.txt" in m]
    assert said == [
        f"{name}-dev/extra/robots.txt and {name}-dev/static/robots.txt would each be the "
        "site's /robots.txt, which is one file: keep the one the old site served there, and "
        f'for it only: for {name}-dev/extra/robots.txt, add "extra/robots.txt": {{"path": '
        f'"robots.txt"}} to EXTRA_PATH_METADATA; for {name}-dev/static/robots.txt, add '
        '"static/robots.txt" to STATIC_PATHS and "static/robots.txt": {"path": "robots.txt"} '
        'to EXTRA_PATH_METADATA; in pelicanconf.py; and set ROBOTS_SAVE_AS = "" there: the '
        "site writes its own /robots.txt, which would keep the address and skip this one"
    ]
    # followed literally for either file: that one is /robots.txt, and no error
    choice = _choices(said[0])[keep]
    static = ["images", "extra"] + ([choice["static"]] if choice["static"] else [])
    caplog.clear()
    site = build_site(
        files,
        publish=True,
        name=f"{name}-pub",
        STATIC_PATHS=static,
        EXTRA_PATH_METADATA={"extra/favicon.svg": {"path": "favicon.svg"}, **choice["mapping"]},
        **{choice["blank"]: ""},
    )
    assert not _errors(caplog)
    assert site.text("robots.txt") == files[keep]
    if keep == "extra/robots.txt":  # the other is named, and nothing is advised for it
        assert [m for m in caplog.messages if m.startswith(f"{name}-pub/static/robots")] == [
            f"{name}-pub/static/robots.txt is not published: the site's /robots.txt is "
            f"{name}-pub/extra/robots.txt"
        ]
        return
    # the copy not chosen stays in a static folder, published below the root: named
    assert [m for m in caplog.messages if m.startswith(f"{name}-pub/extra/robots")] == [
        f"{name}-pub/extra/robots.txt is published at /extra/robots.txt, where nothing reads "
        f"it: the site's /robots.txt is {name}-pub/static/robots.txt; delete "
        f"{name}-pub/extra/robots.txt if it is only an old copy"
    ]
    assert site.text("extra/robots.txt") == files["extra/robots.txt"]
    # followed: that one file deleted, the root's stays, and nothing more is said
    caplog.clear()
    site = build_site(
        {"static/robots.txt": files["static/robots.txt"]},
        publish=True,
        name=f"{name}-pub-2",
        STATIC_PATHS=static,
        EXTRA_PATH_METADATA={"extra/favicon.svg": {"path": "favicon.svg"}, **choice["mapping"]},
        **{choice["blank"]: ""},
    )
    said = [r.getMessage() for r in caplog.records if r.name.startswith("plugins.")]
    assert not [m for m in said if "robots.txt" in m]
    assert site.text("robots.txt") == files["static/robots.txt"]
    assert not site.exists("extra/robots.txt")


@pytest.mark.parametrize("publish", [False, True])
def test_a_static_file_static_excludes_names_is_left_out_with_no_false_reason(
    build_site, caplog, publish
):
    # STATIC_EXCLUDES = ["static/robots.txt"]: Pelican takes each entry as a folder and still
    # copied the file, which blogcore then left out saying "only drafts link to it"
    files = {"static/robots.txt": "User-agent: *\nDisallow: /\n", "static/a.txt": "a\n"}
    caplog.set_level(logging.INFO)
    site = build_site(
        files,
        publish=publish,
        name=f"excluded-{publish}",
        STATIC_PATHS=["images", "extra", "static"],
        STATIC_EXCLUDES=["static/robots.txt"],
    )
    assert not [m for m in caplog.messages if m.startswith(f"excluded-{publish}/static/robots")]
    assert not site.exists("static/robots.txt")
    assert site.exists("static/a.txt")


def test_a_verification_file_below_the_root_is_told_to_go_there(build_site, caplog):
    # Google's, Bing's and Yandex's site verification files in content/extra/ were published
    # at /extra/..., where the search engine never looks, with no line
    files = {
        "extra/googlea4ca86ec98912b58.html": "google-site-verification: googlea4ca86ec98912b58",
        "extra/BingSiteAuth.xml": '<?xml version="1.0"?><users><user>AB12</user></users>\n',
        "extra/yandex_0123456789abcdef.html": "<html><body>Verification: 0123</body></html>\n",
    }
    caplog.set_level(logging.WARNING)
    build_site(files, name="verify-dev")
    said = sorted(m for m in caplog.messages if "where nothing reads it" in m)
    assert said[0] == (
        "verify-dev/extra/BingSiteAuth.xml is published at /extra/BingSiteAuth.xml, where "
        "nothing reads it: a BingSiteAuth.xml works only at the site's root, as "
        '/BingSiteAuth.xml; add "extra/BingSiteAuth.xml": {"path": "BingSiteAuth.xml"} to '
        "EXTRA_PATH_METADATA in pelicanconf.py"
    )
    assert [m.split(" ")[0] for m in said] == [f"verify-dev/{f}" for f in sorted(files)]
    # followed literally: each at the root, and nothing said
    mapping = {"extra/favicon.svg": {"path": "favicon.svg"}}
    for line in said:
        mapping.update(json.loads("{" + re.search(r'add ("[^"]+": \{[^}]*\}) to', line)[1] + "}"))
    caplog.clear()
    site = build_site(files, publish=True, name="verify-pub", EXTRA_PATH_METADATA=mapping)
    assert not [m for m in caplog.messages if "where nothing reads it" in m]
    assert not _errors(caplog)
    for source, text in files.items():
        assert site.text(source.split("/")[1]) == text


def test_a_verification_file_at_the_top_is_told_how_to_reach_the_root(build_site, caplog):
    # content/google<hex>.html at the top (the old site's STATIC_PATHS named it) is told to
    # move to content/extra/: followed as written, it must be at /google<hex>.html, not below
    name = "googlea4ca86ec98912b58.html"
    files = {name: "google-site-verification: googlea4ca86ec98912b58.html"}
    caplog.set_level(logging.WARNING)
    build_site(files, name="verify-top")
    said = [m for m in caplog.messages if name in m]
    assert len(said) == 1, said
    moved = re.search(r"move it to verify-top/(\S+) and add", said[0])[1]
    mapping = {"extra/favicon.svg": {"path": "favicon.svg"}}
    mapping.update(json.loads("{" + re.search(r'add ("[^"]+": \{[^}]*\}) to', said[0])[1] + "}"))
    caplog.clear()
    site = build_site(
        {moved: files[name]}, publish=True, name="verify-top-2", **{"EXTRA_PATH_METADATA": mapping}
    )
    assert not [m for m in caplog.messages if name in m]
    assert not _errors(caplog)
    assert site.text(name) == files[name]
    assert not site.exists(moved)


def test_source_code_in_a_static_folder_no_post_links_is_named(build_site, caplog):
    # an adopted blog's content/extra/ held C++ and Python sources its old STATIC_PATHS
    # (["images"]) never published: here extra/ is a static folder, and they went out silently
    files = {
        "extra/flaggen.cpp": "int main() { return 0; }\n",
        "extra/tools/sync.py": "print('sync')\n",
        "extra/get.py": "print('get')\n",
        "extra/notes.txt": "Plain text.\n",
        "posts/get.md": _post("Get", "get", "2024-05-02", body="[script]({static}/extra/get.py)"),
    }
    caplog.set_level(logging.INFO)
    site = build_site(files, name="code-static")
    assert site.exists("extra/flaggen.cpp") and site.exists("extra/get.py")  # still published
    assert [m for m in caplog.messages if "source code" in m] == [
        "code-static/extra/flaggen.cpp, code-static/extra/tools/sync.py: source code or private "
        "files in a static folder, published (at /extra/flaggen.cpp) though no post or "
        "page links them: an old site whose STATIC_PATHS left the folder out kept them "
        "unpublished; if they are not for readers, move them out of code-static/; a file to "
        "download is linked from a post as {static}/extra/flaggen.cpp"
    ]
    # followed as written: moved out of the content folder, they are not published, no line
    del files["extra/flaggen.cpp"], files["extra/tools/sync.py"]
    caplog.clear()
    site = build_site(files, name="code-static-2")
    assert not site.exists("extra/flaggen.cpp") and site.exists("extra/get.py")
    assert not [m for m in caplog.messages if "source code" in m]


def test_a_readme_in_a_static_folder_is_a_note_not_published(build_site, caplog):
    # an adopted blog's content/extra/README was published at /extra/README, though the one at
    # the top of content/ is a note to editors, never published (docs/adopting.md)
    files = {
        "extra/README": "Files here are copied to the site's root.\n",
        "images/README.txt": "Photos, 1600 px wide.\n",
        "images/downloads/README.txt": "Read me before installing.\n",
        "posts/get.md": _post(
            "Get", "get", "2024-05-02", body="[readme]({static}/images/downloads/README.txt)"
        ),
    }
    caplog.set_level(logging.INFO)
    site = build_site(files, name="readme-static")
    assert not site.exists("extra/README") and not site.exists("images/README.txt")
    assert site.exists("images/downloads/README.txt")  # linked: a file to download
    # one note for the build, so a writer who meant one for readers knows how
    assert [m for m in caplog.messages if m.startswith("readme-static/") and "README" in m] == [
        "readme-static/extra/README, readme-static/images/README.txt are not published: a "
        "README or TODO in a static folder is a note to the people who edit it; to publish "
        "one, link it from a post or page as {static}/extra/README"
    ]
    # followed as written: linked, it is published, and nothing is said of it
    files["posts/get.md"] = files["posts/get.md"].replace(
        "[readme]", "[notes]({static}/extra/README) and [readme]"
    )
    caplog.clear()
    site = build_site(files, name="readme-static-2")
    assert site.exists("extra/README") and not site.exists("images/README.txt")
    assert [m for m in caplog.messages if m.startswith("readme-static-2/") and "README" in m] == [
        "readme-static-2/images/README.txt is not published: a README or TODO in a static folder "
        "is a note to the people who edit it; to publish it, link it from a post or page as "
        "{static}/images/README.txt"
    ]


SLIDES = (
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN">\n<HTML><head>\n'
    '<META http-equiv="content-type" content="text/html; charset=utf-8">\n'
    "<title>talk</title></head><body><h1>Advanced D</h1><p>Slide one.</p></body></HTML>\n"
)


def test_a_folder_of_html_pages_is_told_to_publish_them_as_they_are(build_site, caplog):
    # slide decks (nwcpp's talks/, loadays' 381 archives/ pages) were told per file to "add
    # <meta name="date">": followed, each was a post "talk" in the feeds
    files = {
        "talks/2007/AdvancedD.html": SLIDES,
        "talks/2007/deck/s1.html": "<html><body><p>No title either.</p></body></html>\n",
        "talks/2007/deck/s2.html": SLIDES,
        "posts/advanced-d.md": _post(
            "Advanced D", "advanced-d", "2007-01-17", body="[slides](/talks/2007/AdvancedD.html)"
        ),
        "notes/dated.html": '<html><head><meta name="date" content="2024-01-02"></head>'
        "<body><p>A post missing its title.</p></body></html>\n",
    }
    caplog.set_level(logging.WARNING)
    build_site(files, name="slides-dev")
    said = [m for m in caplog.messages if "not published" in m and "talks/" in m.split(":")[0]]
    assert said == [
        "slides-dev/talks/2007/AdvancedD.html, slides-dev/talks/2007/deck/s1.html, "
        "slides-dev/talks/2007/deck/s2.html are HTML pages with no date, not posts, and not "
        'published: slides-dev/talks/ is not a static folder; add "talks" to STATIC_PATHS in '
        "pelicanconf.py (published at /talks/ as they are, never read as posts)"
    ]
    assert not [
        m for m in caplog.messages if 'meta name="date"' in m or ("talks/" in m and "<title>" in m)
    ]
    # a dated HTML post keeps its own line
    assert any(m.startswith("slides-dev/notes/dated.html: has no <title>") for m in caplog.messages)
    # followed literally: the slides are published as they are, and no post is made of them
    folder = re.search(r'add "([^"]+)" to STATIC_PATHS in', said[0])[1]
    del files["notes/dated.html"]
    caplog.clear()
    site = build_site(
        files, publish=True, name="slides-pub", STATIC_PATHS=["images", "extra", folder]
    )
    assert not _errors(caplog)
    assert not [m for m in caplog.messages if "talks" in m]
    assert site.text("talks/2007/AdvancedD.html") == SLIDES
    assert site.exists("talks/2007/deck/s1.html")
    assert ">talk<" not in site.text("feeds/all.atom.xml")
    assert not site.exists("posts/talk/index.html")


@pytest.mark.parametrize(
    "head",
    [
        "Title: Not Found\nStatus: hidden\nSave_as: 404.html\n",  # Pelican's FAQ
        "Title: Not Found\nSave_as: 404.html\nURL:\n",
    ],
)
def test_pelicans_404_page_idiom_gives_the_404_page_its_text(build_site, caplog, head):
    # the line said "give it another Save_as:": followed, the text went to an unlinked page
    # and /404.html stayed the theme's
    files = {"pages/404.md": f"{head}\nSadly, the requested page could not be found.\n"}
    caplog.set_level(logging.WARNING)
    site = build_site(files, publish=True)
    assert not [m for m in caplog.messages if "404" in m]
    page = site.soup("404.html")
    assert page.select_one("main h1").get_text(strip=True) == "Not Found"
    assert "requested page could not be found" in page.select_one("main").get_text()
    assert "couldn’t find" not in page.select_one("main").get_text()
    # still what a 404 page needs: no index, no canonical address, out of the sitemap
    assert page.select_one("meta[name=robots]")["content"] == "noindex"
    assert page.select_one("link[rel=canonical]") is None
    assert "404" not in site.text("sitemap.xml")
    assert not site.exists("not-found/") and "Not Found" not in site.text("feeds/all.atom.xml")
    assert "Not Found" not in site.soup("/").select_one("nav").get_text()


def test_a_file_only_a_draft_uses_is_not_said_to_be_unpublished(build_site, caplog):
    # withheld with the draft on purpose: "add figures to STATIC_PATHS", followed, would
    # publish the embargoed launch's picture
    files = {
        "posts/launch.md": _post(
            "Launch",
            "launch",
            "2024-05-03",
            "Status: draft\nCover: figures/launch/cover.jpg",
            body="[spec]({static}/figures/launch/spec.pdf)",
        ),
        "figures/launch/cover.jpg": jpeg(),
        "figures/launch/spec.pdf": b"%PDF-1.4\n",
    }
    caplog.set_level(logging.WARNING)
    site = build_site(files, publish=True)
    assert not [m for m in caplog.messages if "not published" in m]
    assert not site.exists("figures/launch/spec.pdf")


def test_a_404_html_of_the_sites_own_is_told_how_to_replace_the_themes(build_site, caplog):
    # an old site's extra/404.html mapped to 404.html (Pelican's other 404 recipe): the line
    # said to rename it or change its path, which published it where no host serves it
    mine = "<!DOCTYPE html><html><head><title>Lost</title></head><body>Lost.</body></html>\n"
    files = {"extra/404.html": mine}
    mapping = {
        "extra/favicon.svg": {"path": "favicon.svg"},
        "extra/404.html": {"path": "404.html"},
    }
    caplog.set_level(logging.WARNING)
    build_site(files, name="own-404", EXTRA_PATH_METADATA=mapping)
    [line] = [m for m in _errors(caplog) if "already taken" in m]
    assert line == (
        "own-404/extra/404.html: URL 404.html is already taken by the 404 page "
        "(NOTFOUND_SAVE_AS); this file was skipped (to publish this file there instead, set "
        'NOTFOUND_SAVE_AS = "" in pelicanconf.py; else rename it, or change its path in '
        "EXTRA_PATH_METADATA)"
    )
    setting = re.search(r'set (\w+) = ""', line)[1]
    caplog.clear()
    site = build_site(files, publish=True, EXTRA_PATH_METADATA=mapping, **{setting: ""})
    assert not _errors(caplog)
    assert site.text("404.html") == mine


def test_a_file_that_works_only_at_the_root_published_below_it_is_named(build_site, caplog):
    # moved into content/extra/ as the old line said: published at /extra/CNAME, no line, and
    # GitHub Pages reset the custom domain at the next deploy
    # (a favicon.ico below the root is named too, unless a page or the theme links it)
    files = {"extra/CNAME": "blog.example.org\n", "images/favicon.ico": _ico()}
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit):
        build_site(files, publish=True, name="below-root")
    [line, icon] = sorted(m for m in _errors(caplog) if "CNAME" in m or "favicon" in m)
    assert icon.startswith("below-root/images/favicon.ico is published at /images/favicon.ico")
    assert line == (
        "below-root/extra/CNAME is published at /extra/CNAME, where nothing reads it: a CNAME "
        'works only at the site\'s root, as /CNAME; add "extra/CNAME": {"path": "CNAME"} to '
        "EXTRA_PATH_METADATA in pelicanconf.py"
    )
    mapping = {
        key: value
        for said in (line, icon)
        for key, value in json.loads(
            "{" + re.search(r'add ("[^"]+": \{[^}]*\}) to EXTRA_PATH', said)[1] + "}"
        ).items()
    }
    caplog.clear()
    site = build_site(
        files,
        publish=True,
        EXTRA_PATH_METADATA={"extra/favicon.svg": {"path": "favicon.svg"}, **mapping},
    )
    assert not _errors(caplog)
    assert site.text("CNAME") == "blog.example.org\n"


def test_a_robots_txt_below_the_root_is_named_though_the_site_writes_its_own(build_site, caplog):
    # content/extra/robots.txt (its Disallow: lines) went out at /extra/robots.txt, which no
    # crawler reads, beside the site's own /robots.txt, with no line
    mine = "User-agent: *\nDisallow: /private/\n"
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit):
        build_site({"extra/robots.txt": mine}, publish=True, name="robots-below")
    [line] = [m for m in _errors(caplog) if "robots" in m]
    assert line == (
        "robots-below/extra/robots.txt is published at /extra/robots.txt, where nothing reads "
        'it: a robots.txt works only at the site\'s root, as /robots.txt; add "extra/robots.txt": '
        '{"path": "robots.txt"} to EXTRA_PATH_METADATA in pelicanconf.py; and set '
        'ROBOTS_SAVE_AS = "" there: the site writes its own /robots.txt, which would keep the '
        "address and skip this one"
    )
    mapping = json.loads("{" + re.search(r'add ("[^"]+": \{[^}]*\}) to EXTRA_PATH', line)[1] + "}")
    blank = re.search(r'set (\w+) = ""', line)[1]
    caplog.clear()
    site = build_site(
        {"extra/robots.txt": mine},
        publish=True,
        EXTRA_PATH_METADATA={"extra/favicon.svg": {"path": "favicon.svg"}, **mapping},
        **{blank: ""},
    )
    assert not _errors(caplog)
    assert site.text("robots.txt") == mine


def test_a_copy_beside_a_post_is_skipped_and_the_post_is_served(build_site, caplog):
    # Dropbox's conflicted copy sorted first: its old text was served at the post's URL
    original = (FIXTURES / "site" / "posts" / "ranges.md").read_text(encoding="utf-8")
    edited = original.replace("\n\n", "\n\nThe edited text.\n\n", 1)
    caplog.set_level(logging.WARNING)
    site = build_site(
        {"posts/ranges.md": edited, "posts/ranges (conflicted copy).md": original},
        name="copies",
    )
    assert "The edited text." in site.text("posts/ranges/index.html")
    [line] = [m for m in caplog.messages if "conflicted copy" in m]
    assert line.startswith(
        "copies/posts/ranges (conflicted copy).md: is a copy of copies/posts/ranges.md"
    )


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({"Engineering": 4, "Enginering": 1}, {"Enginering": "Engineering"}),
        ({"Company": 3, "company ": 1}, {"company ": "Company"}),
        ({"Company": 3, "Community": 1}, {}),  # another word, however alike
        ({"Engineering": 1, "Enginering": 1}, {}),  # which one is meant: neither is usual
        ({"Events": 2, "Event": 1}, {"Event": "Events"}),
        ({"Engineering": 5}, {}),
    ],
)
def test_lone_near_misses(counts, expected):
    assert urls.lone_near_misses(counts) == expected


def test_a_category_typo_is_named_with_the_one_meant(build_site, caplog):
    # Category: Enginering made a page of its own, and the post left Engineering's page and
    # feed, with no line
    post = "Title: Typo\nDate: 2024-05-02\nAuthor: Ada Byrne\nCategory: {}\n\nText.\n"
    caplog.set_level(logging.WARNING)
    build_site(
        {
            "posts/a.md": post.format("Company"),
            "posts/typo.md": post.replace("Typo", "Typo two").format("Compnay"),
        },
        name="cat-typo",
    )
    said = [m for m in caplog.messages if "Compnay" in m]
    assert said == [
        "cat-typo/posts/typo.md: Category 'Compnay' is no other post's, so it makes a page of "
        "its own; did you mean 'Company'?"
    ]


OPML_POST = """Title: Olympic feeds
Date: 2024-01-02
Category: Company
Author: Ada Byrne
Tags: feeds

Intro, under [its tag]({tag}feeds).

[Download the OPML file]({filename}/images/feeds.xml).
- [Tags]({tag})
- [Archives]({archives})

`[code]({filename}/images/feeds.xml)` is not the link.
"""


@pytest.mark.parametrize("publish", [False, True])
def test_links_pelican_named_without_a_line_are_one_line_each(build_site, caplog, publish):
    # a {filename} link to a static file, {tag} with no name, a word Pelican does not resolve:
    # Pelican said each in a line of its own (posts/x.md with no content/ and no line, or no
    # file at all), beside the check's
    caplog.set_level(logging.WARNING)
    name = f"pelican-lines-{int(publish)}"
    files = {"posts/opml.md": OPML_POST, "images/feeds.xml": b"<opml/>\n"}
    if publish:
        with pytest.raises(SystemExit):
            build_site(files, publish=True, name=name)
    else:
        site = build_site(files, name=name)
    said = [(r.levelname, r.getMessage()) for r in caplog.records if r.levelno >= logging.WARNING]
    error = "ERROR" if publish else "WARNING"
    assert said == [
        (
            "WARNING",  # the link works: a publish goes on for it
            f"{name}/posts/opml.md: line 9: the link {{filename}}/images/feeds.xml points at "
            f"{name}/images/feeds.xml, a static file: write {{static}}/images/feeds.xml "
            "({filename} is for posts and pages; the link works either way)",
        ),
        (
            error,
            f"{name}/posts/opml.md: line 10: the link {{tag}} names no tag: write the tag's name "
            "after it, as {tag}python (for the list of every tag, link to /tag/)",
        ),
        (
            error,
            f"{name}/posts/opml.md: line 11: the link {{archives}} starts with {{archives}}, "
            "which Pelican does not resolve: it is published as written (for the archives "
            "page, link to /archives/)",
        ),
        *([("CRITICAL", "Build failed: 2 error(s) above; nothing was published.")] * publish),
    ], said
    if not publish:
        hrefs = {a.get_text(): a["href"] for a in site.soup("posts/olympic-feeds/").select("a")}
        assert hrefs["Download the OPML file"].endswith("/images/feeds.xml")
        assert site.exists("images/feeds.xml")


# What the series and team plugins write, and Pelican's feed of each language, are declared
# where they are made (series_pages, team_pages, TRANSLATION_FEED_ATOM): a page saved over one
# is one error line, and the real file stays (it was replaced, with no line at all).
_TEAM_FR = "Lang: fr\nRole: Responsable de l’ingénierie\n\nAda s’occupe du moteur.\n"
PLUGIN_FILES = [
    (
        "fr/team/ada-byrne/index.html",
        "fr/team/ada-byrne/",
        "the team profile of 'Ada Byrne' in 'fr' (plugins/team)",
    ),
    (
        "feeds/series/moving-house.atom.xml",
        "feeds/series/moving-house.atom.xml",
        "the feed of the series 'moving-house' (SERIES_FEED_ATOM)",
    ),
    (
        "feeds/all-fr.atom.xml",
        "feeds/all-fr.atom.xml",
        "the feed of the posts in 'fr' (TRANSLATION_FEED_ATOM)",
    ),
]


@pytest.mark.parametrize(("save_as", "url", "owner"), PLUGIN_FILES)
def test_a_page_over_a_file_a_plugin_or_a_language_feed_writes(
    build_site, caplog, tmp_path, save_as, url, owner
):
    caplog.set_level(logging.WARNING)
    files = {
        "team/ada-byrne.fr.md": _TEAM_FR,
        "pages/old.md": f"Title: Old profile\nSave_as: {save_as}\n\nReplaced.\n",
    }
    with pytest.raises(SystemExit) as stop:
        build_site(files, fixture="series", publish=True, name="plugin-files")
    assert stop.value.code == 1
    assert [m for m in _errors(caplog) if "already taken" in m] == [
        f"plugin-files/pages/old.md: URL {url} is already taken by {owner}; this file was "
        "skipped (give it another Save_as:)"
    ]
    written = (tmp_path / "output-0" / save_as).read_text(encoding="utf-8")
    assert "Replaced." not in written and "Old profile" not in written


def test_a_static_link_to_a_posts_source_says_to_link_it_by_filename():
    target = links.Target("casa_simulating.rst", links.MISSING)
    written = {"casa_simulating.rst": "post", "pages/about.md": "page"}
    message = links.problem(
        "|static|/casa_simulating.rst", target, "content", [], "static", written
    )
    assert message == (
        "the link |static|/casa_simulating.rst points at content/casa_simulating.rst, which is "
        "a post, not a file published as it is: link it as {filename}/casa_simulating.rst"
    )
    # a {filename} link to a missing file is unchanged
    missing = links.problem("{filename}/x.md", links.Target("x.md", links.MISSING), "c", [])
    assert missing is not None and "does not exist" in missing


RST_LINKER = """Simulating the array
####################

:date: 2024-05-06
:category: Company
:author: Ada Byrne

See `the older post <|static|/posts/older.rst>`__ and `about us <{static}/pages/about.md>`__.
"""

RST_OLDER = """An older post
#############

:date: 2024-05-01
:category: Company
:author: Ada Byrne

Some words.
"""


def test_a_static_link_to_a_post_or_page_source_is_named_as_one(build_site, caplog):
    # an old reST site's |static|/x.rst to a post: the line said "which does not exist"
    caplog.set_level(logging.WARNING)
    build_site({"posts/linker.rst": RST_LINKER, "posts/older.rst": RST_OLDER}, name="src-links")
    said = [m for m in _warnings(caplog) + _errors(caplog) if "linker.rst" in m]
    assert len(said) == 2, said
    assert (
        "src-links/posts/older.rst, which is a post" in said[0] and "does not exist" not in said[0]
    )
    assert said[0].endswith("link it as {filename}/posts/older.rst")
    assert said[1].endswith(
        "which is a page, not a file published as it is: link it as {filename}/pages/about.md"
    )


def _webp() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "WEBP")
    return buffer.getvalue()


def test_a_pictures_srcset_is_resolved_and_checked_and_never_wrapped_again(build_site, caplog):
    """Pelican resolves no srcset: a writer's <picture> keeps its {static} candidates resolved
    like its <img src>, a missing one is named, and its <img> gets no second <picture>."""
    caplog.set_level(logging.WARNING)
    body = (
        '<picture><source srcset="{static}/images/pic.webp?v=2 1x, {static}/images/pic2.webp 2x"'
        ' type="image/webp"><img src="{static}/images/pic.jpg" alt="A picture"></picture>\n\n'
        '<picture><source srcset="{static}/images/gone.webp" type="image/webp">'
        '<img src="{static}/images/pic.jpg" alt="Another"></picture>\n'
    )
    files = {
        "posts/pic.md": _post("Pic", "pic", "2024-05-05", body=body),
        "images/pic.jpg": jpeg(),
        "images/pic.webp": _webp(),
        "images/pic2.webp": _webp(),
    }
    site = build_site(files, name="srcset")
    content = site.soup("posts/pic/").select_one(".post-content")
    first, second = content.select("picture")
    assert not content.select("picture picture")
    srcset = first.select_one("source")["srcset"]
    assert srcset == f"{TEST_SITEURL}/images/pic.webp?v=2 1x, {TEST_SITEURL}/images/pic2.webp 2x"
    assert site.exists("images/pic.webp") and site.exists("images/pic2.webp")
    assert first.select_one("img")["src"] == f"{TEST_SITEURL}/images/pic.jpg"
    assert second.select_one("source")["srcset"] == "{static}/images/gone.webp"
    said = [m for m in _warnings(caplog) if "gone.webp" in m]
    assert len(said) == 1 and said[0].startswith(
        "srcset/posts/pic.md: line 9: the link {static}/images/gone.webp points at"
    ), said


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<img src="{static}/a.jpg">', '<img src="{static}/a.jpg">'),
        ('<source srcset="{static}/a.webp">', '<source srcset="/S/a.webp">'),
        (
            '<img srcset="{static}/a.jpg?v=1#x 1x, https://x.test/b.jpg 2x, {attach}c.jpg 3x">',
            '<img srcset="/S/a.jpg?v=1#x 1x, https://x.test/b.jpg 2x, /S/c.jpg 3x">',
        ),
        ('<source srcset="{static}/gone.webp 1x">', '<source srcset="{static}/gone.webp 1x">'),
        ('<img data-srcset="{static}/a.jpg">', '<img data-srcset="{static}/a.jpg">'),
    ],
)
def test_resolved_srcsets(html, expected):
    regex = r"[{|](?P<what>.*?)[|}]"

    def address(kind: str, path: str) -> str | None:
        return None if "gone" in path else "/S/" + path.lstrip("/")

    assert links.resolved_srcsets(html, regex, address) == expected


def test_srcset_links():
    html = '<img src="{static}/a.jpg" srcset="{static}/a.jpg 1x, b.jpg 2x, {attach}c.jpg?v=1 3x">'
    assert links.srcset_links(html, r"[{|](?P<what>.*?)[|}]") == [
        ("{static}/a.jpg", "static", "/a.jpg"),
        ("{attach}c.jpg?v=1", "attach", "c.jpg?v=1"),
    ]


def test_many_tag_links_without_an_address_get_no_line_naming_nothing(tmp_path):
    # the link check names each {tag}🎉 link whose tag has no page, and Pelican's own line
    # for it ('Unable to generate valid slug') is dropped; Pelican's log limit put "Other
    # invalid slugs." (no file, no link) in place of the fifth of a process, and that got
    # through, between the check's lines
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    links = ", ".join(f"[{n}]({{tag}}{e})" for n, e in enumerate("🎉🎈🚀🌟🍕🎂🎁"))
    (content / "posts" / "party.md").write_text(
        "Title: Party\nDate: 2025-05-01\nAuthor: Ada Byrne\nCategory: Company\nTags: party\n"
        f"Summary: A party.\n\nWe had a party: {links}.\n",
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "invoke", "build", "--content", str(content)]
    done = subprocess.run(
        [*command, "--output", str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True
    )
    said = (done.stdout + done.stderr).splitlines()
    assert not [line for line in said if "slug" in line], said
    assert sum("party.md: line 8: the link {tag}" in line for line in said) == 7, said


def test_the_links_each_post_keeps_are_compact_tuples():
    """What blogcore records of a post's links stays with the post all build: tuples, not a
    frozenset (1.2 KB at 20 paths; 0.22 MB at 1,000 posts of bench.corpus)."""
    html = "".join(f'<img src="{{static}}/images/p{n}.jpg" alt="">' for n in range(20))
    meta = {"title": "Links", "date": datetime.datetime(2024, 1, 1), "slug": "links"}
    post = Article(html, metadata=meta, settings={**DEFAULT_CONFIG}, source_path="/c/posts/l.md")
    static, on_site = checks.written_links(post)
    assert sorted(static) == sorted(f"images/p{n}.jpg" for n in range(20))
    assert len(set(static)) == len(static)
    for kept in (static, on_site):
        assert sys.getsizeof(kept) <= sys.getsizeof(()) + 8 * len(kept)  # a tuple's size


def test_every_link_of_a_side_files_tag_publishes_its_file(build_site, caplog):
    # a srcset and a tag's links before its last in a team bio, a gallery's description or a
    # series' introduction, to files outside the static folders: Pelican collects only the
    # last link of a tag (its [^>]+ is greedy) and no srcset, so these were published as
    # addresses of files never copied; a withheld side file's stay held back
    head = "Date: 2024-01-02\nCategory: Company\nAuthor: Ada Byrne\n"
    bio = (TEST_FIXTURES_TEAM / "ada-byrne.md").read_text(encoding="utf-8")

    def tags(name: str, up: str = "../") -> str:
        there = f"{{static}}{up}elsewhere/{name}"  # relative to the side file
        return (
            f'\n<img src="{there}.jpg" alt="{name}" srcset="{there}-2x.jpg 2x">\n\n'
            f'<video src="{there}.mp4" poster="{there}-poster.jpg" controls></video>\n'
        )

    sides = ("bio", "gallery", "series", "held")
    files = {
        "team/ada-byrne.md": bio + tags("bio"),
        "team/dee-new.md": "Name: Dee New\nRole: New\nStatus: draft\n\nDee.\n" + tags("held"),
        "galleries/sg/gallery.md": "Title: Side gallery\nPhoto: p1.jpg | A photo | A field\n\n"
        "Description." + tags("gallery", "../../"),
        "galleries/sg/p1.jpg": jpeg(),
        "series/side-links.md": "Title: Side links\nSummary: s\n\nIntro." + tags("series"),
        "posts/side-part.md": f"Title: Side part\n{head}Series: Side links\n\nOut.\n",
        **{f"elsewhere/{n}.mp4": MP4 for n in sides},
        **{f"elsewhere/{n}{s}.jpg": jpeg() for n in sides for s in ("", "-2x", "-poster")},
    }
    caplog.set_level(logging.INFO)
    site = build_site(files, publish=True, name="side-every-link")
    assert _as_written(site) == []
    for name in ("bio", "gallery", "series"):
        for file in (f"{name}.jpg", f"{name}-2x.jpg", f"{name}.mp4", f"{name}-poster.jpg"):
            assert site.exists(f"elsewhere/{file}"), file
    assert not [p for p in site.output.rglob("held*")]
    assert _held_back(caplog, "side-every-link") == sorted(
        f"elsewhere/held{n}" for n in (".jpg", "-2x.jpg", ".mp4", "-poster.jpg")
    )
    previewed = build_site(files, name="side-every-link-dev")  # drafts are previewed here
    assert previewed.exists("elsewhere/held-2x.jpg") and previewed.exists("elsewhere/held.mp4")


def test_attach_links_that_cannot_move_their_file_are_each_named(build_site, caplog):
    # Pelican said five "The {attach} link in … cannot relocate …" lines, then "More {attach}
    # warnings silenced.", naming nothing: the other posts were never named
    caplog.set_level(logging.WARNING)
    posts = {
        f"posts/p{n}.md": f"Title: P{n}\nDate: 2024-05-0{n + 1}\nCategory: Company\n"
        f"Author: Ada Byrne\n\nOur logo: [the logo]({{attach}}../images/lamp.svg)\n"
        for n in range(8)
    }
    build_site(posts, name="attach-many")
    said = [r.getMessage() for r in caplog.records if "attach" in r.getMessage()]
    assert not [m for m in said if "silenced" in m or "cannot relocate" in m]
    assert len(said) == 7  # every post but the one whose link took the file
    named = {m.split(":")[0] for m in said}
    (taker,) = {f"attach-many/posts/p{n}.md" for n in range(8)} - named
    assert said[0] == (
        f"{said[0].split(':')[0]}: the link {{attach}}../images/lamp.svg cannot publish "
        f"images/lamp.svg beside this post: it is published at /{taker[len('attach-many/') : -3]}"
        f"/lamp.svg (the {{attach}} link of {taker} took it first), and the link points "
        "there; write {static}/images/lamp.svg to say so, or copy the file beside this post"
    )


def test_an_attach_link_to_the_favicon_leaves_it_where_every_page_links_it(build_site, caplog):
    # EXTRA_PATH_METADATA publishes extra/favicon.svg at /favicon.svg; an {attach} link moved
    # it beside its post, and the theme's icon took its place in every page's <link rel=icon>
    caplog.set_level(logging.WARNING)
    post = (
        "Title: Icon\nDate: 2024-05-01\nCategory: Company\nAuthor: Ada Byrne\n\n"
        "Our [icon]({attach}../extra/favicon.svg).\n"
    )
    site = build_site({"posts/icon.md": post}, name="attach-favicon")
    own = (site.content / "extra" / "favicon.svg").read_bytes()
    assert site.path("favicon.svg").read_bytes() == own
    assert not site.exists("posts/icon/favicon.svg")
    page = site.soup("posts/icon/")
    assert page.select_one("link[rel=icon]")["href"] == f"{site.siteurl}/favicon.svg"
    assert page.select_one(".post-content a")["href"] == f"{site.siteurl}/favicon.svg"
    assert [m for m in caplog.messages if m.startswith("attach-favicon/")] == [
        "attach-favicon/posts/icon.md: the link {attach}../extra/favicon.svg cannot publish "
        "extra/favicon.svg beside this post: it is published at /favicon.svg (EXTRA_PATH_METADATA "
        "in pelicanconf.py puts it there), and the link points there; write "
        "{static}/extra/favicon.svg to say so, or copy the file beside this post"
    ]


def test_a_page_whose_attach_link_cannot_move_its_file_is_called_a_page(build_site, caplog):
    # pages attach a file of images/, a static folder, published there: each was told
    # "beside this post"; two attach a file that does not exist: nothing is published, the
    # "does not exist" line is the one said (the second was also told "cannot publish")
    caplog.set_level(logging.WARNING)
    pages = {
        f"pages/{name}-{n}.md": f"Title: {name} {n}\n\n[It]({{attach}}../images/{name}.svg)\n"
        for name in ("lamp", "gone")
        for n in range(2)
    }
    build_site(pages, name="attach-pages")
    said = [m for m in caplog.messages if m.startswith("attach-pages/")]
    moved = [m for m in said if "cannot publish" in m]
    assert sorted(m.split(":")[0] for m in moved) == [
        "attach-pages/pages/lamp-0.md",
        "attach-pages/pages/lamp-1.md",
    ]
    for line in moved:
        assert "images/lamp.svg beside this page: it is published at /images/lamp.svg" in line
        assert line.endswith("or copy the file beside this page")
    for n in range(2):
        assert any(
            m.startswith(f"attach-pages/pages/gone-{n}.md:") and "which does not exist" in m
            for m in said
        ), said


# ------------------------------------- relative links that name a post by path or old address

SOURCES = {"Alpha/one.md": "one", "Beta/two-notes.md": "two", "Gamma/index.md": "gamma"}


@pytest.mark.parametrize(
    ("url", "folder", "expected"),
    [
        pytest.param("../Beta/two-notes", "Alpha", "Beta/two-notes.md", id="path-without-ending"),
        pytest.param("../Beta/two-notes#Part", "Alpha", "Beta/two-notes.md", id="fragment"),
        pytest.param("./one.html", "Alpha", "Alpha/one.md", id="path-as-html"),
        pytest.param("../Gamma/", "Alpha", "Gamma/index.md", id="folder-of-an-index"),
        pytest.param("two.html", "Alpha", "Beta/two-notes.md", id="old-name-by-slug"),
        pytest.param("two-notes/", "Gamma", "Beta/two-notes.md", id="old-name-by-file"),
        pytest.param("nowhere", "Alpha", None, id="no-such-name"),
        pytest.param("../", "Alpha", None, id="a-folder-only"),
        pytest.param("/Beta/two-notes", "Alpha", None, id="from-the-root"),
    ],
)
def test_named_source_finds_the_post_a_relative_link_names(url, folder, expected):
    assert links.named_source(url, folder, SOURCES) == expected


def test_named_source_names_nothing_when_two_posts_have_the_name():
    both = {"a/x.md": "x-a", "b/x.md": "x-b"}
    assert links.named_source("x.html", "c", both) is None
    assert links.named_source("../b/x", "a", both) == "b/x.md"


@pytest.mark.parametrize("workers", [1, 2])
def test_relative_links_to_posts_say_the_filename_link_to_write(build_site, caplog, workers):
    # an adopted blog linked its posts relatively, by path without .md or by their old
    # address (Kristinita's Search: 75 lines that said only to use {filename} or {static});
    # a folder's many such links are one line with the link to write for each. With reading
    # workers too: the posts' sources are known in the build's own process
    one = (
        "[Two](../Beta/two-notes#Part), [Two again](two.html), "
        "![A lamp](../images/lamp.svg), [Lost](nowhere)"
    )
    two = "[One](../Alpha/one.md) and [One again](../Alpha/one/)"
    many = ", ".join(f"[{n}](../Alpha/one#{n})" for n in "abcd") + ", [Two](../Beta/two-notes)"
    # a Summary and a team bio give the same {filename} link (they said only the general
    # advice); past four files of a folder, not four links, the folder's one line
    summed = "Summary: See [Two](../Beta/two-notes).\n"
    bio = "Name: Ada Byrne\n\nAda wrote [One](../Alpha/one.html).\n"
    delta = "[One](../Alpha/one/)"
    caplog.set_level(logging.WARNING)
    name = f"relposts-{workers}"
    build_site(
        {
            "Alpha/one.md": _post("One", "one", "2024-06-01", body=one),
            "Beta/two-notes.md": _post("Two", "two", "2024-06-02", body=two),
            "Gamma/many.md": _post("Many", "many", "2024-06-03", summed, body=many),
            **{
                f"Delta/d{n}.md": _post(f"D{n}", f"d{n}", f"2024-06-0{n + 3}", body=delta)
                for n in range(1, 6)
            },
            "team/ada-byrne.md": bio,
        },
        name=name,
        ARTICLE_PATHS=[""],  # an old Pelican site's layout: a folder of posts per topic
        FASTBUILD_WORKERS=workers,
        FASTBUILD_MIN_FILES=4,
    )
    mine = sorted(
        m
        for m in _warnings(caplog)
        if m.startswith(tuple(f"{name}/{folder}" for folder in ("Alpha", "Beta", "Gamma", "Delta")))
        or (m.startswith(f"{name}/team/") and "relative" in m)
    )
    nowhere = "/posts/one/nowhere, where nothing is published, and no post or page has that name"
    expected = [
        f"{name}/Alpha/one.md: line 7: the link ../images/lamp.svg is relative: from "
        "the post's page it points at /posts/images/lamp.svg, where nothing is; "
        f"{name}/images/lamp.svg is published at /images/lamp.svg: link it with "
        "{static}/images/lamp.svg",
        f"{name}/Alpha/one.md: line 7: the link ../Beta/two-notes#Part is relative: from "
        "this page it points at /posts/Beta/two-notes, where nothing is published; it names "
        f"{name}/Beta/two-notes.md: write {{filename}}/Beta/two-notes.md#Part",
        f"{name}/Alpha/one.md: line 7: the link nowhere is relative: from this page it "
        f"points at {nowhere} ({links.HINT})",
        f"{name}/Alpha/one.md: line 7: the link two.html is relative: from this page it "
        "points at /posts/one/two.html, where nothing is published; it names "
        f"{name}/Beta/two-notes.md: write {{filename}}/Beta/two-notes.md",
        f"{name}/Beta/two-notes.md: line 7: the link ../Alpha/one.md points at a source "
        "file, which is not published: link to the post or page as "
        "{filename}/Alpha/one.md",
        f"{name}/Beta/two-notes.md: line 7: the link ../Alpha/one/ is relative: from "
        "this page it points at /posts/Alpha/one/, where nothing is published; it names "
        f"{name}/Alpha/one.md: write {{filename}}/Alpha/one.md",
        *(
            f"{name}/Gamma/many.md: line 8: the link {link} is relative: from this page it "
            f"points at /posts/{link[3:].split('#')[0]}, where nothing is published; it names "
            f"{name}/{source}: write {{filename}}/{source}{part}"
            for link, source, part in [
                *((f"../Alpha/one#{n}", "Alpha/one.md", f"#{n}") for n in "abcd"),
                ("../Beta/two-notes", "Beta/two-notes.md", ""),
            ]
        ),
        f"{name}/Gamma/many.md: line 6: Summary: the link ../Beta/two-notes is relative, and "
        "this text is shown on more than one page: it points at another place from each; it "
        f"names {name}/Beta/two-notes.md: write {{filename}}/Beta/two-notes.md",
        f"{name}/team/ada-byrne.md: line 3: the link ../Alpha/one.html is relative, and this "
        "text is shown on more than one page: it points at another place from each; it names "
        f"{name}/Alpha/one.md: write {{filename}}/Alpha/one.md",
        f"{name}/Delta/: 5 relative links in 5 files name posts or pages by their paths "
        f"or old addresses, where nothing is published (e.g. {name}/Delta/d1.md: line "
        "7: ../Alpha/one/); write each as {filename} and the path in the content folder, its "
        "#part kept: ../Alpha/one/ → {filename}/Alpha/one.md",
    ]
    assert mine == sorted(expected), _warnings(caplog)


DATED = {
    "ARTICLE_URL": "{date:%Y}/{date:%m}/{slug}/",
    "ARTICLE_SAVE_AS": "{date:%Y}/{date:%m}/{slug}/index.html",
    "REDIRECTS_OLD_ARTICLE_URLS": [],
}


def _both_english(site: Site, addresses: list[str]) -> None:
    """Each page at these addresses lists all of them as its versions in English."""
    for address in addresses:
        english = site.soup(f"{address.strip('/')}/index.html").find_all(
            "link", rel="alternate", hreflang="en"
        )
        assert sorted(site.relpath_of(link["href"]) for link in english) == addresses


def test_two_posts_of_one_slug_and_language_on_dated_addresses_are_named(build_site, caplog):
    # no URL clash (two months): Pelican published both and linked each to the other as its
    # translation, its own line dropped as said by the clash check, which said nothing
    caplog.set_level(logging.WARNING)
    files = {
        "posts/launch.md": _post("Launch", "launch", "2024-05-01"),
        "posts/launch-again.md": _post("Launch again", "launch", "2024-06-01"),
    }
    site = build_site(files, fixture=None, name="one-slug-dated", **DATED)
    # what the line tells the writer a reader gets: each page, two versions in English
    _both_english(site, ["/2024/05/launch/", "/2024/06/launch/"])
    expected = (
        "one-slug-dated/posts/launch-again.md: has the slug 'launch' and the language 'en' of "
        "one-slug-dated/posts/launch.md: a reader gets two pages linked as versions of one "
        "post; give one of them a Slug: of its own, or a Lang: if it is a translation"
    )
    assert [m for m in _warnings(caplog) if "the slug 'launch'" in m] == [expected]
    with pytest.raises(SystemExit) as stop:
        build_site(files, fixture=None, publish=True, name="one-slug-dated-pub", **DATED)
    assert stop.value.code == 1
    assert [m for m in _errors(caplog) if "the slug 'launch'" in m] == [
        expected.replace("one-slug-dated/", "one-slug-dated-pub/")
    ]


def test_two_pages_of_one_slug_and_language_on_dated_addresses_are_named(build_site, caplog):
    # pages are grouped by PAGE_TRANSLATION_ID as posts are: on addresses with the date, two
    # pages of one slug and language are both written and linked as each other's versions,
    # and the line said "versions of one post"
    caplog.set_level(logging.WARNING)
    files = {
        "pages/prices.md": _page("Prices", "prices", "Date: 2023-01-10"),
        "pages/prices-new.md": _page("Prices from June", "prices", "Date: 2024-06-01"),
    }
    dated = {"PAGE_URL": "{date:%Y}/{slug}/", "PAGE_SAVE_AS": "{date:%Y}/{slug}/index.html"}
    site = build_site(files, fixture=None, name="one-slug-pages", **dated)
    _both_english(site, ["/2023/prices/", "/2024/prices/"])
    assert [m for m in _warnings(caplog) if "the slug 'prices'" in m] == [
        "one-slug-pages/pages/prices-new.md: has the slug 'prices' and the language 'en' of "
        "one-slug-pages/pages/prices.md: a reader gets two pages linked as versions of one "
        "page; give one of them a Slug: of its own, or a Lang: if it is a translation"
    ]


def test_one_slug_in_two_other_languages_is_named(build_site, caplog):
    # a French and a German version of one post, no English one: Pelican takes both as
    # originals and lists the one post twice (home page, feeds), each linked as the other's
    # version; its own line ("There are 2 original (not translated) items") is dropped
    caplog.set_level(logging.WARNING)
    files = {
        "posts/salon-fr.md": _post("Le salon", "salon", "2024-05-01", "Lang: fr"),
        "posts/salon-de.md": _post("Die Messe", "salon", "2024-05-02", "Lang: de"),
    }
    site = build_site(files, fixture=None, name="two-originals")
    listed = [a["href"] for a in site.soup("index.html").select("a[href*=salon]")]
    assert sorted({site.relpath_of(href) for href in listed}) == [
        "/de/posts/salon/",
        "/fr/posts/salon/",
    ]
    assert [m for m in _warnings(caplog) if "salon" in m and "Translation" in m] == [
        "two-originals/posts/salon-de.md: has the slug 'salon' of "
        "two-originals/posts/salon-fr.md (Lang: de and fr, neither the site's en), and neither "
        "says Translation: true: each is listed as a post of its own, the one post twice, and "
        "linked as the other's version; write Translation: true in the one that translates "
        "the other"
    ]
    caplog.clear()
    files["posts/salon-de.md"] = _post(  # as the line says
        "Die Messe", "salon", "2024-05-02", "Lang: de\nTranslation: true"
    )
    site = build_site(files, fixture=None, name="two-originals-said")
    assert not [m for m in _warnings(caplog) if "salon" in m and "Translation" in m]
    listed = [a["href"] for a in site.soup("index.html").select("a[href*=salon]")]
    assert {site.relpath_of(href) for href in listed} == {"/fr/posts/salon/"}
