"""Links and pictures that work only on the writer's own computer: an address copied from
``make serve`` (http://localhost:8000/..., 127.0.0.1, 0.0.0.0, [::1]), a file on its disk
(/Users/jane/..., C:\\Users\\..., file:///...), a draft's preview address. One line each, with
the file and the line, an error in a publish; never a post's social card image. And a tag
that makes no address (Tags: 🎉) is our one line, naming the file, not Pelican's too."""

import io
import logging

import pytest
from PIL import Image

from plugins.blogcore import links, text
from plugins.csp import signals as csp

WRITTEN = {"index.html", "about/index.html", "images/lamp.svg", "posts/hello/index.html"}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://localhost:8000/posts/hello/", True),
        ("https://LOCALHOST/", True),
        ("http://blog.localhost:8000/", True),
        ("http://127.0.0.1:8000/posts/hello/", True),
        ("http://127.1.2.3/", True),
        ("http://0.0.0.0:8000/", True),
        ("http://[::1]:8000/", True),
        ("http://%5B::1%5D:8000/", True),  # as Markdown hands it over
        ("http://[::ffff:127.0.0.1]/", True),
        ("http://user@localhost:8000/", True),
        ("https://example.org/", False),
        ("https://localhost.example.org/", False),
        ("http://192.168.1.20:8000/", False),  # another computer of the network
        ("/posts/hello/", False),
        ("mailto:localhost", False),
    ],
)
def test_preview_host(url, expected):
    assert links.preview_host(url) is expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/Users/jane/Desktop/screenshot.png", True),
        ("/home/jane/shot.png", True),
        ("/Volumes/USB/shot.png", True),
        ("/mnt/c/Users/jane/shot.png", True),
        ("C:\\Users\\jane\\Pictures\\shot.png", True),
        ("c:/Users/jane/shot.png", True),
        ("file:///home/jane/shot.png", True),
        ("FILE://C:/x.png", True),
        ("~/Desktop/x.png", True),
        ("/home/", False),  # a site's own page of that name
        ("/images/lamp.svg", False),
        ("images/home/jane.png", False),
        ("https://example.org/Users/jane/x.png", False),
    ],
)
def test_on_own_disk(url, expected):
    assert links.on_own_disk(url) is expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "http://localhost:8000/posts/hello/",
            "the link http://localhost:8000/posts/hello/ is an address on your own computer "
            "(the preview server of make serve), which readers cannot open: write /posts/hello/ "
            "instead",
        ),
        (
            "http://127.0.0.1:8000/images/lamp.svg",
            "the picture http://127.0.0.1:8000/images/lamp.svg is an address on your own "
            "computer (the preview server of make serve), which readers cannot open: write "
            "/images/lamp.svg instead",
        ),
        (
            "http://localhost:8000/nowhere/",
            "the link http://localhost:8000/nowhere/ is an address on your own computer (the "
            f"preview server of make serve), which readers cannot open ({links.HINT})",
        ),
        (
            "http://localhost:8000/drafts/posts/launch/",
            "the link http://localhost:8000/drafts/posts/launch/ is an address on your own "
            "computer (the preview server of make serve), which readers cannot open, and a "
            "draft's; link to the post with {filename}/posts/launch.md: checked, and right once "
            "it is published",
        ),
        (
            "/Users/jane/Desktop/screenshot.png",
            "the picture /Users/jane/Desktop/screenshot.png is a file on your computer, which "
            "readers cannot open: put it in content/images/ and write "
            "{static}/images/screenshot.png",
        ),
        (
            "C:\\Users\\jane\\Pictures\\shot.png",
            "the picture C:\\Users\\jane\\Pictures\\shot.png is a file on your computer, which "
            "readers cannot open: put it in content/images/ and write {static}/images/shot.png",
        ),
        (
            "file:///home/jane/price%20list.pdf",
            "the link file:///home/jane/price%20list.pdf is a file on your computer, which "
            "readers cannot open: put it in content/extra/ and write "
            "{static}/extra/price%20list.pdf",
        ),
        (
            "/drafts/posts/launch/",
            "the link /drafts/posts/launch/ is a draft's address, which is never published "
            "(only make serve and make build write drafts); link to the post with "
            "{filename}/posts/launch.md: checked, and right once it is published",
        ),
        (
            "/drafts/posts/other/",
            "the link /drafts/posts/other/ is a draft's address, which is never published "
            "(only make serve and make build write drafts); link to the post with "
            "{filename}/posts/x.md (its path in the content folder): checked, and right once "
            "it is published",
        ),
        ("/posts/hello/", None),  # the site's own: local_problem's
        ("https://example.org/", None),
    ],
)
def test_computer_or_draft_problem(url, expected):
    sources = {"launch": "posts/launch.md"}

    def draft_source(path):
        return sources.get(path.rstrip("/").rsplit("/", 1)[-1])

    drafts = links.draft_prefixes(["drafts/posts/{slug}/", "", "drafts/pages/{slug}/"])
    found = links.computer_or_draft_problem(url, "", WRITTEN.__contains__, drafts, draft_source)
    assert found == expected


def test_a_drafts_own_links_to_drafts_are_not_named():
    assert links.computer_or_draft_problem("/drafts/posts/x/", "", WRITTEN.__contains__) is None


def test_a_page_the_site_publishes_at_a_home_path_is_no_disk_path():
    exists = {"home/jane/index.html"}.__contains__
    assert links.computer_or_draft_problem("/home/jane/", "", exists) is None


@pytest.mark.parametrize(
    ("patterns", "expected"),
    [
        ([], ("drafts/",)),  # a publish build: Pelican's own folder
        (["drafts/posts/{slug}/", "drafts/{lang}/posts/{slug}/"], ("drafts/", "drafts/posts/")),
        (["preview/{slug}.html"], ("drafts/", "preview/")),
    ],
)
def test_draft_prefixes(patterns, expected):
    assert links.draft_prefixes(patterns) == expected


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("https://blog.example.org/images/lamp.svg", True),
        ("/images/lamp.svg", True),
        ("../../images/lamp.svg", True),
        ("https://cdn.example.org/x.png", True),  # another site's: it loads
        ("//cdn.example.org/x.png", True),
        ("/Users/jane/Desktop/screenshot.png", False),
        ("C:\\Users\\jane\\shot.png", False),
        ("file:///home/jane/shot.png", False),
        ("http://localhost:8000/images/lamp.svg", False),
        ("https://blog.example.org/images/gone.png", False),
        ("data:image/png;base64,iVBORw0KGgo=", False),
    ],
)
def test_shown_to_readers(src, expected):
    found = links.shown_to_readers(
        src, "posts/hello/", "https://blog.example.org", WRITTEN.__contains__
    )
    assert found is expected


def test_the_first_image_readers_can_load():
    html = (
        '<p><img alt="a" src="/Users/jane/x.png"><img alt="b" src="/images/lamp.svg"></p>'
        '<img alt="c" src="/images/other.png">'
    )
    assert text.first_image(html) == "/Users/jane/x.png"
    usable = {"/images/lamp.svg", "/images/other.png"}.__contains__
    assert text.first_image(html, usable) == "/images/lamp.svg"
    assert text.first_image(html, lambda src: False) is None


def test_local_urls_hold_the_writers_computer_and_no_removal_is_said():
    html = (
        '<a href="http://localhost:8000/posts/x/">a</a> <img alt="b" src="C:\\Users\\j\\x.png">'
        '<img alt="c" src="file:///home/j/x.png"> <a href="https://example.org/">d</a>'
    )
    markup = tuple(text.markup_of(html))
    assert text.POSTS.local_urls(markup) == (
        "http://localhost:8000/posts/x/",
        "C:\\Users\\j\\x.png",
        "file:///home/j/x.png",
    )
    assert not text.POSTS.removed(markup)  # the link check says it, with its line


POST = """Title: Copied from the preview
Date: 2026-01-05
Category: Notes
Author: Ada Byrne

See [the first light](http://localhost:8000/posts/first-light/) and
[again](http://127.0.0.1:8000/posts/first-light/).

![A lamp](http://localhost:8000/images/lamp.svg)

![The form on my desktop](/Users/jane/Desktop/screenshot.png)

![On Windows](C:\\Users\\jane\\Pictures\\shot.png)

![As a file](file:///home/jane/shot.png)

![The desk]({static}/images/desk.png)

The [draft](/drafts/posts/unfinished-thoughts/) is coming.
"""


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 80), "teal").save(out, "PNG")
    return out.getvalue()


def _mine(caplog, level, name) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == level and name in r.getMessage()]


def test_a_publish_stops_on_each_with_its_line(build_site, caplog):
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit):
        build_site(
            {"posts/local.md": POST, "images/desk.png": _png()}, publish=True, name="own-pub"
        )
    errors = _mine(caplog, logging.ERROR, "own-pub/posts/local.md")
    start = "own-pub/posts/local.md: "
    assert errors == [
        f"{start}line 6: the link http://localhost:8000/posts/first-light/ is an address on "
        "your own computer (the preview server of make serve), which readers cannot open: "
        "write /posts/first-light/ instead",
        f"{start}line 7: the link http://127.0.0.1:8000/posts/first-light/ is an address on "
        "your own computer (the preview server of make serve), which readers cannot open: "
        "write /posts/first-light/ instead",
        f"{start}line 9: the picture http://localhost:8000/images/lamp.svg is an address on "
        "your own computer (the preview server of make serve), which readers cannot open: "
        "write /images/lamp.svg instead",
        f"{start}line 11: the picture /Users/jane/Desktop/screenshot.png is a file on your "
        "computer, which readers cannot open: put it in content/images/ and write "
        "{static}/images/screenshot.png",
        f"{start}line 13: the picture C:\\Users\\jane\\Pictures\\shot.png is a file on your "
        "computer, which readers cannot open: put it in content/images/ and write "
        "{static}/images/shot.png",
        f"{start}line 15: the picture file:///home/jane/shot.png is a file on your computer, "
        "which readers cannot open: put it in content/images/ and write "
        "{static}/images/shot.png",
        f"{start}line 19: the link /drafts/posts/unfinished-thoughts/ is a draft's address, "
        "which is never published (only make serve and make build write drafts); link to the "
        "post with {filename}/posts/unfinished-thoughts.md: checked, and right once it is "
        "published",
    ]
    # no second line for the same mistakes: the sanitiser's, the CSP's (allow localhost)
    said = " ".join(m for m in caplog.messages if "own-pub/posts/local.md" in m)
    assert "CSP_EXTRA" not in said and "c: link" not in said and "file: link" not in said


def test_a_development_build_warns_and_keeps_them_off_the_social_card(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/local.md": POST, "images/desk.png": _png()}, name="own-dev")
    assert not _mine(caplog, logging.ERROR, "own-dev/posts/local.md")
    warnings = _mine(caplog, logging.WARNING, "own-dev/posts/local.md")
    assert len(warnings) == 7, warnings
    assert "line 19: the link /drafts/posts/unfinished-thoughts/" in warnings[-1]  # works here
    soup = site.soup("posts/copied-from-the-preview/index.html")
    card = soup.find("meta", property="og:image")["content"]
    # the first picture readers can load (as the images plugin's rendition)
    assert card.startswith(f"{site.siteurl}/") and "/desk" in card, card


def test_a_picture_on_the_disk_is_never_the_social_card(build_site, caplog):
    caplog.set_level(logging.WARNING)
    post = POST.split("See [")[0] + "![The form](/Users/jane/Desktop/screenshot.png)\n"
    site = build_site({"posts/local.md": post}, name="own-card")
    soup = site.soup("posts/copied-from-the-preview/index.html")
    card = soup.find("meta", property="og:image")["content"]
    assert card == f"{site.siteurl}/images/social-card.png"  # the site's own, not the desktop
    assert "jane" not in str(soup.find("script", type="application/ld+json"))


def test_a_team_bio_is_checked_too(build_site, caplog):
    caplog.set_level(logging.WARNING)
    bio = (
        "Name: Ada Byrne\nRole: Engineering lead\n\n"
        "Ada writes here. Her [notes](http://localhost:8000/about/).\n"
    )
    build_site({"team/ada-byrne.md": bio}, name="own-team")
    assert _mine(caplog, logging.WARNING, "own-team/team/ada-byrne.md") == [
        "own-team/team/ada-byrne.md: line 4: the link http://localhost:8000/about/ is an "
        "address on your own computer (the preview server of make serve), which readers "
        "cannot open: write /about/ instead"
    ]


def test_an_emoji_tag_is_one_line_naming_the_file(build_site, caplog):
    caplog.set_level(logging.WARNING)
    post = POST.split("See [")[0].replace("Category: Notes", "Category: Notes\nTags: Pricing, 🎉")
    build_site({"posts/party.md": post + "A party.\n"}, name="own-tag")
    assert not [m for m in caplog.messages if m.startswith("Unable to generate valid slug")]
    assert any(
        m.startswith("own-tag/posts/party.md: Tags '🎉' makes an empty web address")
        for m in _mine(caplog, logging.ERROR, "own-tag")
    )


@pytest.mark.parametrize(
    ("url", "shipped", "expected"),
    [
        (
            "http://localhost:8000/images/x.png",
            True,
            "http://localhost:8000/images/x.png is an address on your own computer (the preview "
            "server of make serve), which readers cannot load: save the file under "
            "content/images/ and link it with {static}",
        ),
        (
            "https://cdn.example.org/x.png",
            False,
            "https://cdn.example.org/x.png is loaded from another site and the published site's "
            "Content-Security-Policy blocks it (img-src): make publish stops on it; save it "
            "under content/images/ and link it with {static}, or allow its site with "
            "CSP_EXTRA = {'img-src': ['https://cdn.example.org']} in pelicanconf.py",
        ),
    ],
)
def test_csp_never_advises_allowing_the_writers_computer(url, shipped, expected):
    # the line a site without blogcore's link check gets (with it, only blogcore's is said)
    assert csp._blocked(url, "img-src", shipped) == expected
