"""A post's plugin keys (Series_index, Comments, Gallery, Related…) told in the same build as
its other front-matter mistakes: the reader refuses a post with a bad Date, so no plugin read
it, and a plugin key's mistake was said only once the Date was fixed (``phases.keys_written``).
"""

import contextlib
import io
import logging

import pytest
from PIL import Image

from plugins.comments import signals as comments
from plugins.covers import signals as covers
from plugins.engine import build
from plugins.redirects import signals as redirects
from plugins.series import signals as series
from plugins.team import signals as team
from tests.test_frontmatter_lint import ADA, DATE, overlay_of, post

# (file, the plugin key's line, its level, what is said of it)
KEYS = [
    (
        "part",
        "Series: Moving house\nSeries_index: abc",
        "ERROR",
        "Series_index must be a whole number, got 'abc'; write the part's place as a number "
        "(Series_index: 2 for the second part)",
    ),
    (
        "announce",
        "Series: Garden notes\nSeries_announce: maybe",
        "ERROR",
        "Series_announce must be yes or no, got 'maybe'",
    ),
    ("unnamed", "Series_index: 2", "WARNING", "Series_index is set but Series is not"),
    (
        "comments",
        "Comments: clsoed",
        "ERROR",
        "Comments must be one of open, closed, off, got 'clsoed'",
    ),
    ("thread", "Comment_id:", "WARNING", "Comment_id is empty; give it a value or remove the line"),
    ("pinned", "Related: zebra-crossing", "WARNING", "Related: no published post 'zebra-crossing'"),
    (
        "excluded",
        "Related_exclude: quartz-harbour",
        "WARNING",
        "Related_exclude: no published post 'quartz-harbour'",
    ),
    (
        "gallery",
        "Gallery: no-such-gallery",
        "ERROR",
        "Gallery 'no-such-gallery' does not exist "
        "(no photos in {content}/galleries/no-such-gallery/)",
    ),
    (
        "cover",
        "Cover: images/no-such-photo.jpg",
        "ERROR",
        "Cover 'images/no-such-photo.jpg' names no file "
        "(looked for {content}/images/no-such-photo.jpg)",
    ),
    (
        "moved",
        "Redirect_from: old/moving-day.html",
        "ERROR",
        "Redirect_from 'old/moving-day.html' must start with / (a path of this site: "
        "/2008/10/slug/)",
    ),
    (
        "byline",
        "Author: Wren Halloway",
        ("WARNING", "ERROR"),  # an error in a publish (TEAM_UNKNOWN_AUTHOR = 'auto')
        "Author 'Wren Halloway' has no team file in {content}/team/; add "
        "{content}/team/wren-halloway.md with 'Name: Wren Halloway'",
    ),
    (
        "typo",
        "Author: Ada Byrn",
        ("WARNING", "ERROR"),
        "Author 'Ada Byrn' has no team file in {content}/team/ (did you mean 'Ada Byrne'?)",
    ),
    # checked against the whole site: said once the galleries, the team, every address are known
    (
        "withheld",
        "Cover: galleries/launch/hall.jpg",
        ("WARNING", "ERROR"),  # a development build previews the draft gallery
        (
            "Cover 'galleries/launch/hall.jpg' is a photo of the gallery 'launch', a draft "
            "({content}/galleries/launch/ says Status: draft): a publish build publishes nothing "
            "of that gallery, and stops on this post (publish the gallery first, or choose "
            "another cover)",
            "Cover 'galleries/launch/hall.jpg' is a photo of the gallery 'launch', a draft "
            "({content}/galleries/launch/ says Status: draft): a publish build publishes nothing "
            "of that gallery, so the post has no cover from it (publish the gallery first, or "
            "choose another cover)",
        ),
    ),
    (
        "claimed",
        "Redirect_from: /2019/old-neighbour.html",
        "ERROR",
        "Redirect_from /2019/old-neighbour.html is already claimed by {content}/posts/"
        "neighbour.md, which keeps it (remove it from one of them)",
    ),
    (
        "over",
        "Redirect_from: /posts/neighbour/",
        "ERROR",
        "Redirect_from /posts/neighbour/ is the address of {content}/posts/neighbour.md, which "
        "the site writes itself; a redirect never replaces a page (remove it from Redirect_from)",
    ),
    (
        "addressed",
        "Author: Ada Byrne <ada@example.org>",
        "WARNING",
        "Author 'Ada Byrne <ada@example.org>' has an e-mail address in it: read as 'Ada Byrne', "
        "the address left out (a byline would publish it); write 'Author: Ada Byrne'",
    ),
    (
        "unsigned",
        "Author: <absent>",
        "WARNING",
        "has no Author: line, so it is signed 'Tessellate' (AUTHOR in pelicanconf.py), who has "
        "no team file; add Author: lines, or set AUTHOR to the name of the one who wrote them; "
        "then give them a team file (run: invoke team-stubs --content {folder})",
    ),
]


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "JPEG")
    return buffer.getvalue()


def _expected(level, message, publish: bool, name: str, folder: object = ""):
    """A row's line in this build: its level and words (each one, or development's and
    publish's); ``folder``: the content folder's absolute path."""
    if isinstance(level, tuple):
        level = level[publish]
    if isinstance(message, tuple):
        message = message[publish]
    return level, message.format(content=name, folder=folder)


def _files(date: str) -> dict[str, str]:
    """One post per key, each with ``date``; and a published post for Related to look in."""
    return {
        "team/ada-byrne.md": ADA,
        "posts/neighbour.md": post(
            "Slug: neighbour\nDate: 2024-04-01 10:00\nRedirect_from: /2019/old-neighbour.html"
        ),
        "galleries/launch/hall.jpg": _jpeg(),
        "galleries/launch/gallery.md": "Title: Launch\nStatus: draft\n",
        **{
            f"posts/{name}.md": post(f"Slug: {name}\nDate: {date}\n{line}")
            for name, line, _, _ in KEYS
        },
    }


def _said(caplog, name: str, path: str) -> list[tuple[str, str]]:
    prefix = f"{name}/{path}: "
    return [
        (r.levelname, r.getMessage().removeprefix(prefix))
        for r in caplog.records
        if r.levelno >= logging.WARNING and r.getMessage().startswith(prefix)
    ]


@pytest.mark.parametrize("publish", [False, True], ids=["development", "publish"])
def test_a_plugin_keys_mistake_is_said_with_a_bad_date(build_site, caplog, tmp_path, publish):
    """Each post's bad Date and its plugin key's mistake, one line each, in one build; the
    key at its plugin's level (Related: a warning, Series_index: an error); a publish
    stops."""
    caplog.set_level(logging.WARNING)
    name = f"plugin-keys-{'publish' if publish else 'dev'}"
    with pytest.raises(SystemExit) if publish else contextlib.nullcontext():
        build_site(_files("2026-13-30"), fixture=None, publish=publish, name=name)
    for file, _, level, message in KEYS:
        line = _expected(level, message, publish, name, tmp_path / name)
        expected = [("ERROR", DATE), line]
        assert _said(caplog, name, f"posts/{file}.md") == expected, file


@pytest.mark.parametrize("publish", [False, True], ids=["development", "publish"])
def test_a_plugin_keys_mistake_alone_is_said_once_as_before(build_site, caplog, tmp_path, publish):
    """With a good Date the post is read and its plugin says the key, as before: the line,
    once, and nothing else (the reader does not say it too)."""
    caplog.set_level(logging.WARNING)
    name = f"plugin-keys-alone-{'publish' if publish else 'dev'}"
    errors = any(_expected(level, "", publish, name)[0] == "ERROR" for _, _, level, _ in KEYS)
    with pytest.raises(SystemExit) if publish and errors else contextlib.nullcontext():
        build_site(_files("2024-05-01 10:00"), fixture=None, publish=publish, name=name)
    for file, _, level, message in KEYS:
        expected = [_expected(level, message, publish, name, tmp_path / name)]
        assert _said(caplog, name, f"posts/{file}.md") == expected, file


def test_a_refused_post_claims_no_old_path(build_site, caplog):
    """A refused post's Redirect_from is checked against the site's, never kept: the read
    post keeps the old path it shares (no line for it, its redirect page written), and an
    old path only refused posts give is no one's, with no line naming a refused post as its
    keeper; nothing of a refused post is published."""
    caplog.set_level(logging.WARNING)
    name = "plugin-keys-claims"
    refused = "Date: 2026-13-30\nRedirect_from: /2019/shared.html, /2019/mine.html"
    site = build_site(
        {
            "team/ada-byrne.md": ADA,
            "posts/real.md": post("Slug: real\nRedirect_from: /2019/shared.html"),
            "posts/first.md": post(f"Slug: first\n{refused}"),
            "posts/second.md": post(
                "Slug: second\nDate: 2026-13-30\nRedirect_from: /2019/mine.html"
            ),
        },
        fixture=None,
        name=name,
    )
    assert _said(caplog, name, "posts/real.md") == []
    assert _said(caplog, name, "posts/first.md") == [
        ("ERROR", DATE),
        (
            "ERROR",
            f"Redirect_from /2019/shared.html is already claimed by {name}/posts/real.md, which "
            "keeps it (remove it from one of them)",
        ),
    ]
    assert _said(caplog, name, "posts/second.md") == [("ERROR", DATE)]
    soup = site.soup("2019/shared.html")
    assert soup.select_one('meta[http-equiv="refresh"]')["content"].endswith("/posts/real/")
    assert not (site.output / "2019" / "mine.html").exists()
    assert not (site.output / "posts" / "first").exists()


@pytest.mark.parametrize(
    "byline",
    [
        "Author: Wren Vale <wren@example.org>",  # no team file: the address, and who to add
        "Author: <absent>\nAuthors: Ada Byrne (ada@example.org), Bo Lindqvist",
        "Author: ada@example.org",  # only an address: Ada's, by her other post
    ],
    ids=["outsider", "two", "address"],
)
def test_a_refused_posts_byline_gets_a_read_posts_lines(build_site, caplog, request, byline):
    """The lines a byline gets are the same whether its post was read or refused for its
    Date: each after the Date's, in one build."""
    caplog.set_level(logging.WARNING)
    said = {}
    for date in ("2024-05-01 10:00", "2026-13-30"):
        name = f"plugin-keys-{request.node.callspec.id}-{len(said)}"
        files = {
            "team/ada-byrne.md": ADA,
            "posts/other.md": post("Slug: other\nAuthor: Ada Byrne <ada@example.org>"),
            "posts/signed.md": post(f"Slug: signed\nDate: {date}\n{byline}"),
        }
        build_site(files, fixture=None, name=name)
        said[date] = [
            (level, line.replace(name, "{content}"))
            for level, line in _said(caplog, name, "posts/signed.md")
        ]
    read, refused = said.values()
    assert read
    assert refused == [("ERROR", DATE), *read]


@pytest.mark.parametrize(
    ("keys", "page", "expected"),
    [
        (
            {"series": "A", "series_index": "0"},
            False,
            [(40, "Series_index must be 1 or more, got 0")],
        ),
        ({"series": "A", "series_index": "3"}, False, []),
        ({"series_announce": "yes"}, False, [(30, "Series_announce is set but Series is not")]),
        (
            {"series": "A"},
            True,
            [(30, "Series works on posts only; this page is not part of any series")],
        ),
        # a YAML list names no series, as for a post the plugin reads
        (
            {"series": ["A", "B"], "series_index": "x"},
            False,
            [(30, "Series_index is set but Series is not")],
        ),
    ],
)
def test_series_keys_as_written(keys, page, expected):
    assert series.on_keys_written("p.md", settings={}, keys=keys, page=page) == expected


@pytest.mark.parametrize(
    ("keys", "page", "provider", "expected"),
    [
        (
            {"comments": "nope"},
            False,
            "isso",
            [(40, "Comments must be one of open, closed, off, got 'nope'")],
        ),
        ({"comments": "nope", "status": "draft"}, False, "isso", []),  # a draft has no thread
        ({"comments": "nope"}, True, "isso", []),  # nor a page
        ({"comments": "nope"}, False, "none", []),
        ({"comments": "no"}, False, "isso", []),  # Jekyll's comments: false
        (
            {"comment_id": " "},
            True,
            "none",
            [(30, "Comment_id is empty; give it a value or remove the line")],
        ),
    ],
)
def test_comment_keys_as_written(keys, page, provider, expected):
    settings = {"COMMENTS_PROVIDER": provider}
    assert comments.on_keys_written("p.md", settings=settings, keys=keys, page=page) == expected


@pytest.mark.parametrize(
    ("keys", "page", "expected"),
    [
        (
            {"cover": "images/gone.jpg"},
            False,
            [(40, "Cover 'images/gone.jpg' names no file (looked for {content}/images/gone.jpg)")],
        ),
        (
            {"cover": "images/diagram.svg"},
            False,
            [
                (
                    40,
                    "Cover 'images/diagram.svg' is an SVG; a cover must be a photo or picture "
                    "(JPEG, PNG, WebP): SVG diagrams are not cropped into thumbnails, and social "
                    "cards ignore SVG",
                )
            ],
        ),
        (
            {"cover": "images/Photo.jpg"},
            False,
            [
                (
                    40,
                    "Cover 'images/Photo.jpg' names no file (looked for {content}/images/"
                    "Photo.jpg): did you mean Cover: images/photo.jpg? (capitals count: the "
                    "file's name is written so)",
                )
            ],
        ),
        ({"cover": "images/photo.jpg"}, False, []),
        ({"cover": "images/gone.jpg"}, True, []),  # a page has no cover
        # a draft's page is not written by a publish build: its cover is not read
        ({"cover": "images/gone.jpg", "status": "draft"}, False, []),
    ],
)
def test_cover_as_written(tmp_path, keys, page, expected):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "photo.jpg").write_bytes(b"")
    settings = {"PATH": str(tmp_path), "DRAFT_SAVE_AS": ""}
    # the content folder as the build's other lines name it (was content/ whatever its name)
    expected = [(level, said.replace("{content}", tmp_path.name)) for level, said in expected]
    assert covers.on_keys_written("p.md", settings=settings, keys=keys, page=page) == expected


@pytest.mark.parametrize(
    ("keys", "page", "expected"),
    [
        (
            {"redirect_from": "/2019/ok.html, 2019/old.html"},
            True,  # a page's old addresses are redirected too
            [
                (
                    40,
                    "Redirect_from '2019/old.html' must start with / (a path of this site: "
                    "/2008/10/slug/)",
                )
            ],
        ),
        (
            {"redirect_from": "https://elsewhere.example/x/"},
            False,
            [
                (
                    40,
                    "Redirect_from 'https://elsewhere.example/x/' is on another site "
                    "(elsewhere.example); only a path of this site (host blog.example) can be "
                    "redirected (REDIRECTS_OLD_HOSTS)",
                )
            ],
        ),
        ({"redirect_from": "/2019/ok.html"}, False, []),
        ({"redirect_from": "2019/old.html", "status": "draft"}, False, []),  # no redirects
    ],
)
def test_redirect_from_as_written(keys, page, expected):
    settings = {"SITEURL": "https://blog.example", "REDIRECTS_OLD_HOSTS": ()}
    assert redirects.on_keys_written("p.md", settings=settings, keys=keys, page=page) == expected


@pytest.mark.parametrize(
    ("keys", "page", "kept", "unsigned"),
    [
        ({"author": "Wren"}, False, [("p.md", "author", ["Wren"], [""], False)], []),
        (
            {"authors": ["Wren", " "], "status": "Draft"},
            False,
            [("p.md", "authors", ["Wren"], [""], True)],
            [],
        ),
        ({"author": "Wren"}, True, [], []),  # a page has no byline
        ({"title": "No byline"}, False, [], ["p.md"]),  # the site's AUTHOR's
        ({"title": "No byline"}, True, [], []),
        ({"date": "2024-01-01"}, False, [], []),  # no front matter: maybe a note, not a post
    ],
)
def test_a_refused_posts_byline_is_kept_for_the_team(keys, page, kept, unsigned):
    """The team is read after the posts: a refused post's names (or none: AUTHOR's) wait for
    it, and nothing is said while the post is read."""
    settings: dict = {}
    assert team.on_keys_written("p.md", settings=settings, keys=keys, page=page) == []
    state = build.current(settings).state("plugins.team")
    assert getattr(state, "unread", []) == kept
    assert getattr(state, "unsigned", []) == unsigned


def test_the_serve_overlay_lists_a_plugin_key_beside_a_bad_date(project):
    """make serve's warm build: the overlay shows the plugin keys' lines under the file, with
    the Date's: those said as the post is read, and the author said once the team is."""
    text = post(
        "Slug: keys\nDate: 2026-13-30\nSeries: Moving house\nSeries_index: Part 2\n"
        "Cover: images/no-such-photo.jpg\nRedirect_from: old/keys.html\nAuthor: Wren Halloway"
    )
    said = [
        ("error", DATE),
        ("error", "Series_index must be a whole number, got 'Part 2'; write Series_index: 2"),
        (
            "error",
            "Cover 'images/no-such-photo.jpg' names no file "
            "(looked for content/images/no-such-photo.jpg)",
        ),
        (
            "error",
            "Redirect_from 'old/keys.html' must start with / (a path of this site: /2008/10/slug/)",
        ),
        (
            "warning",
            "Author 'Wren Halloway' has no team file in content/team/; add "
            "content/team/wren-halloway.md with 'Name: Wren Halloway'",
        ),
    ]
    assert overlay_of(project, "posts/keys.md", text) == [
        {"level": level, "source": "content/posts/keys.md", "message": message}
        for level, message in said
    ]
