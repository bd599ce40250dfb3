"""Links starting with "/" (``/images/x.png``): named when they point at nothing the site
publishes, and an error in a publish when they leave the folder the site is published under
(they work in ``make serve``, at the root, and break once published)."""

import ast
import io
import logging
import re

import pytest
from PIL import Image

from plugins.blogcore import links
from plugins.blogcore.text import POSTS, markup_of
from tests.conftest import FIXTURES

WRITTEN = {"index.html", "about/index.html", "images/lamp.svg", "posts/hello/index.html"}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", ["index.html"]),
        ("/posts/hello/", ["posts/hello/index.html"]),
        ("/posts/hello", ["posts/hello", "posts/hello/index.html"]),
        ("/images/lamp.svg", ["images/lamp.svg", "images/lamp.svg/index.html"]),
    ],
)
def test_output_candidates(path, expected):
    assert links.output_candidates(path) == expected


@pytest.mark.parametrize(
    ("siteurl", "expected"),
    [
        ("", ""),
        ("https://example.org", ""),
        ("https://example.org/", ""),
        ("https://example.org/blog", "/blog"),
        ("https://owner.github.io/repo/", "/repo"),
        ("http://127.0.0.1:8000", ""),
    ],
)
def test_site_path(siteurl, expected):
    assert links.site_path(siteurl) == expected


@pytest.mark.parametrize(
    ("relpath", "expected"),
    [
        ("index.html", "/"),
        ("posts/hello/index.html", "/posts/hello/"),
        ("images/lamp.svg", "/images/lamp.svg"),
    ],
)
def test_url_path(relpath, expected):
    assert links.url_path(relpath) == expected


@pytest.mark.parametrize(
    ("url", "under", "expected"),
    [
        # the site at the host's root
        ("/images/lamp.svg", "", None),
        ("/about/", "", None),
        ("/posts/hello", "", None),  # a folder with an index: served
        ("/about/#team", "", None),
        ("/about/?ref=x", "", None),
        ("/images/lamp%2Esvg", "", None),  # percent-encoded: the same file
        ("/pages/about/", "", (False, "the link /pages/about/ points at nothing")),
        ("/careers/", "", (False, "the link /careers/ points at nothing")),
        # the site under /blog: its own files are at /blog/...
        ("/blog/images/lamp.svg", "/blog", None),
        ("/blog/", "/blog", None),
        ("/blog/nothing.png", "/blog", (False, "the link /blog/nothing.png points at nothing")),
        ("/images/lamp.svg", "/blog", (True, "the link /images/lamp.svg leaves the site")),
        ("/about/", "/blog", (True, "which is published under /blog/")),
        ("/careers/", "/blog", None),  # another part of the host: not the site's to check
        ("/blogroll/", "/blog", None),  # not under /blog/, though it starts with /blog
    ],
)
def test_site_absolute_problem(url, under, expected):
    found = links.site_absolute_problem(url, under, WRITTEN.__contains__)
    if expected is None:
        assert found is None
    else:
        certain, message = found
        assert certain is expected[0]
        assert expected[1] in message
        assert "{static}/images/x.png" in message


@pytest.mark.parametrize("under", ["", "/blog"])
def test_a_link_to_a_content_file_nothing_publishes_is_certain_to_break(under):
    # /trips/x.jpg with content/trips/x.jpg there: meant as that file, not another part of
    # the host (a publish failed on it only through "nothing links to it", which was untrue)
    def content_file(path: str) -> str | None:
        return "content/trips/x.jpg" if path == "/trips/x.jpg" else None

    certain, message = links.site_absolute_problem(
        f"{under}/trips/x.jpg", under, WRITTEN.__contains__, (), content_file
    )
    assert certain
    assert "(content/trips/x.jpg is there but not published" in message
    assert (
        links.site_absolute_problem(
            f"{under}/trips/y.jpg", under, WRITTEN.__contains__, (), content_file
        )[0]
        is False
    )


@pytest.mark.parametrize(
    ("url", "broken_from"),
    [
        ("../hello/", "/feeds/all.atom.xml or /index.html"),  # a sibling post
        ("../../posts/hello/", None),  # from the feed and the home page too
        ("../../", None),
        ("../../images/lamp.svg", None),
    ],
)
def test_a_relative_link_that_works_only_on_its_page(url, broken_from):
    found = links.local_problem(
        url, "posts/x/", "", WRITTEN.__contains__, elsewhere=("feeds/all.atom.xml", "index.html")
    )
    if broken_from is None:
        assert found is None
    else:  # a warning: the post's own page is right
        assert found == (
            False,
            f"the link {url} is relative: it works on this page, but not from {broken_from}, "
            "which show the post's text too (a listing, when the link is among its first "
            "words): link to it with {filename} or {static} and its path in the content folder",
        )


def test_what_may_have_been_meant():
    written = sorted(links.url_path(p) for p in WRITTEN | {"renditions/lamp-400.1a2b3c4d5e.svg"})
    in_content = {
        "/images/lamp.svg": "content/images/lamp.svg",
        "/figures/a.png": "content/figures/a.png",
    }

    def problem(url, page="posts/hello/"):
        return links.local_problem(url, page, "", WRITTEN.__contains__, written, in_content.get)[1]

    # the page itself is no suggestion ([1](fn1) in a post: a footnote written as a link)
    assert "did you mean" not in problem("fn1")
    # the content has the file, in a folder that is not published
    assert (
        "content/figures/a.png is there but not published: its folder is not one of the "
        "static folders (STATIC_PATHS)" in problem("/figures/a.png")
    )
    # a file of the same ending from the content folder, never a rendition
    assert "did you mean /images/lamp.svg?" in problem("/image/lamp.svg")
    assert "did you mean" not in problem("/renditions/lamp-400.svg")
    # an adopted site's old address: the one page of the same slug
    assert "did you mean /posts/hello/?" in problem("/blog/2014/08/22/hello/")


def test_a_near_miss_is_suggested():
    written = sorted(links.url_path(p) for p in WRITTEN)
    _, message = links.site_absolute_problem("/pages/about/", "", WRITTEN.__contains__, written)
    assert "did you mean /about/?" in message
    _, message = links.site_absolute_problem("/zzz/", "", WRITTEN.__contains__, written)
    assert "did you mean" not in message


@pytest.mark.parametrize(
    ("url", "page", "expected"),
    [
        ("../../images/lamp.svg", "posts/hello/", None),
        ("lamp.svg", "images/x.html", None),
        ("../hello/", "posts/other/", None),
        ("./", "about/", None),
        ("../../../../up/", "posts/x/", None),  # above the site's folder: not ours to check
        ("how-we-hire.md", "posts/x/", None),  # a source file's name: a line of its own
        ("about/", "index.html", None),
        ("images/lamp.svg", "posts/x/", "the site publishes /images/lamp.svg: link to its"),
        ("images/lamp.svg", "posts/x/", "from this page it points at /posts/x/images/lamp.svg"),
        ("../../about", "posts/x/", None),
        ("../about/", "posts/x/", "it points at /posts/about/, where nothing is; the site"),
        ("gone.png", "posts/x/", "it points at /posts/x/gone.png, where nothing is published"),
        ("www.example.org", "posts/x/", "lacks https:// in front, so it points at a file"),
        ("shop.example.co.uk/jobs", "posts/x/", "write https://shop.example.co.uk/jobs"),
        ("en.wikipedia.org/wiki/Lamp", "posts/x/", "write https://en.wikipedia.org/wiki/Lamp"),
        ("flaggen.py", "posts/x/", "it points at /posts/x/flaggen.py, where nothing is published"),
        ("run.sh", "posts/x/", "it points at /posts/x/run.sh, where nothing is published"),
        ("Makefile.in", "posts/x/", "where nothing is published"),  # a file, not India's
        ("lamp.svg", "images/", None),  # a published file named like a host: there
        ("\\#'+refidstr+'", "posts/x/", None),  # \ is / to a browser: the home page
        ("\\\\cdn.example/x.js", "posts/x/", None),  # //cdn.example: another host
        ("images/lamp.svg", None, "this text is shown on more than one page"),
        ("report.pdf", None, "this text is shown on more than one page"),  # a file, not a host
    ],
)
def test_relative_problem(url, page, expected):
    found = links.local_problem(url, page, "", WRITTEN.__contains__)
    if expected is None:
        assert found is None
    else:
        assert found[0] is True and expected in found[1], found


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<p><a href="/about/">a</a> <img src="/images/x.png" alt=""></p>',
            ("/about/", "/images/x.png"),
        ),
        ('<a href="/a/">1</a><a href="/a/">2</a>', ("/a/",)),  # once each
        ('<img srcset="/s.png 1x, /l.png 2x" src="/s.png" alt="">', ("/s.png", "/l.png")),
        ('<video poster="/p.jpg" src="/v.mp4"></video>', ("/p.jpg", "/v.mp4")),
        ('<a href="//cdn.example/x.js">cdn</a>', ()),  # another host
        ('<a href="https://example.org/x">x</a> <a href="#n">n</a> <a href="?q=1">q</a>', ()),
        (
            '<a href="x/">r</a> <img src="../i.png" alt=""> <a href="www.ex.com">w</a>',
            ("x/", "../i.png", "www.ex.com"),
        ),
        ('<a href="{static}/a.png">s</a> <a href="|filename|/b.md">f</a>', ()),  # Pelican's
        ('<a href="mailto:a@example.org">m</a> <a href="tel:+1555">t</a>', ()),
        ('<script src="/evil.js"></script>', ()),  # the sanitiser removes it: not a link
        ('<a href=" /spaced/ ">s</a>', ("/spaced/",)),
    ],
)
def test_local_urls_of_what_the_sanitiser_keeps(html, expected):
    assert POSTS.local_urls(tuple(markup_of(html))) == expected


POST = """Title: Links from elsewhere
Date: 2026-01-05
Category: Notes
Author: Ada Byrne

A lamp: ![Lamp](/images/lamp.svg). About us: [about](/pages/about/). Home: [home](/).
"""


def _lines(caplog, level) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == level]


def test_development_build_names_links_to_nothing(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/abs.md": POST}, name="dev-abs")
    mine = [m for m in _lines(caplog, logging.WARNING) if m.startswith("dev-abs/posts/abs.md")]
    # /pages/about/ is the page about.md's address under another folder: an old address
    assert mine == [
        "dev-abs/posts/abs.md: line 6: the link /pages/about/ points at nothing this site "
        "publishes: it looks like the old site's address of dev-abs/pages/about.md; set "
        'REDIRECTS_OLD_PAGE_URLS = ("pages/{slug}/",) in pelicanconf.py (the old site\'s '
        "addresses: docs/adopting.md, step 5), which gives every page a redirect from its old "
        "address; or write {filename}/pages/about.md"
    ]
    assert (site.output / "images" / "lamp.svg").is_file()  # the lamp is there: no line


def _links_to_nothing(posts: int) -> dict[str, str]:
    """Posts with two links each to addresses nothing publishes, on lines 6 and 8."""
    head = "Title: Post {n}\nDate: 2026-01-0{n}\nCategory: Notes\nAuthor: Ada Byrne\n\n"
    body = "See [the plan](/old/plan-{n}/).\n\nAnd ![a chart](/images/chart-{n}.png).\n"
    return {f"posts/p{n}.md": (head + body).format(n=n) for n in range(1, posts + 1)}


@pytest.mark.parametrize(("publish", "workers"), [(False, 1), (False, 2), (True, 2)])
def test_the_advice_for_links_to_nothing_is_given_once_a_build(
    build_site, caplog, publish, workers
):
    # a blog's build said 17 such lines, each ending with the same advice (190 characters):
    # each line still names its file, line and link; the first says how to link, the others
    # refer to it. Read in forked workers or not, in a publish (warnings: the host may have
    # them) as in a development build
    caplog.set_level(logging.WARNING)
    name = f"hint-once-{int(publish)}-{workers}"
    files = _links_to_nothing(6)
    build_site(files, name=name, publish=publish, FASTBUILD_WORKERS=workers, FASTBUILD_MIN_FILES=4)
    mine = [m for m in _lines(caplog, logging.WARNING) if "points at nothing" in m]
    assert sorted(m.split(" points")[0] for m in mine) == sorted(
        f"{name}/posts/p{n}.md: line {line}: the link {url}"
        for n in range(1, 7)
        for line, url in ((6, f"/old/plan-{n}/"), (8, f"/images/chart-{n}.png"))
    )
    assert mine[0].endswith(f"{links.HINT})"), mine[0]
    assert all(m.endswith(f"{links.HINT_AGAIN})") for m in mine[1:]), mine
    assert not _lines(caplog, logging.ERROR)


@pytest.mark.parametrize(
    ("lines", "url", "expected"),
    [
        (["[x](/a-x/)", "[a](/a)"], "/a", 2),  # /a is not the start of /a-x/
        (["see /a.", "[a](/a)"], "/a", 2),  # nor a word in the text
        (["[a](/a)"], "/a", 1),
        (['[a](/a "title")'], "/a", 1),
        (["[a](</a b>)"], "/a b", 1),
        (["[x]: /a"], "/a", 1),  # a reference definition
        (["[x]:/a"], "/a", 1),
        (['<a href="/a">a</a>'], "/a", 1),
        (["<a href='/a'>a</a>"], "/a", 1),
        (["<a href=/a>a</a>"], "/a", 1),
        (['<img srcset="/b.png 1x, /a.png 2x">'], "/a.png", 1),
        (["/a"], "/a", 1),  # a line of its own
        (["`x </a>`_"], "/a", 1),  # reST
        (["[a](/café/)"], "/caf%C3%A9/", 1),  # as written, not percent-escaped
        (['<a href="/a?x=1&amp;y=2">'], "/a?x=1&y=2", 1),  # as written, with its entity
        (["[x](/a-x/)", "[y](/b/a)"], "/a", None),
        ([], "/a", None),
        (["[a](/a)"], "", None),
    ],
)
def test_the_line_of_a_link(lines, url, expected):
    assert links.line_of(lines, url) == expected


def test_a_link_is_named_at_its_own_line_not_one_that_starts_the_same(build_site, caplog):
    caplog.set_level(logging.WARNING)
    post = POST.replace(
        "Home: [home](/).", "Home: [home](/).\n\nThe plan: [plan](/plan-x/).\n\nThen [a](/plan)."
    )
    build_site({"posts/abs.md": post}, name="line-abs")
    mine = [m for m in _lines(caplog, logging.WARNING) if m.startswith("line-abs/posts/abs.md")]
    # in the order of their lines (an old address's line is said after the others)
    said = sorted(m.split(" points")[0] for m in mine)
    assert sorted(said, key=lambda m: int(m.split(" line ")[1].partition(":")[0])) == [
        "line-abs/posts/abs.md: line 6: the link /pages/about/",
        "line-abs/posts/abs.md: line 8: the link /plan-x/",
        "line-abs/posts/abs.md: line 10: the link /plan",  # was line 8: /plan-x/ holds /plan
    ]


def test_a_publish_under_a_folder_fails_on_a_link_that_leaves_it(build_site, caplog):
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit):
        build_site(
            {"posts/abs.md": POST}, publish=True, siteurl="https://example.org/blog", name="pub-abs"
        )
    errors = [m for m in _lines(caplog, logging.ERROR) if m.startswith("pub-abs/posts/abs.md")]
    assert len(errors) == 2, errors  # /images/lamp.svg and / both leave /blog/
    assert any("the link /images/lamp.svg leaves the site" in m for m in errors)
    assert all("published under /blog/" in m for m in errors)


def test_a_publish_at_the_root_keeps_working_links(build_site, caplog):
    caplog.set_level(logging.WARNING)
    post = POST.replace("[about](/pages/about/)", "[about](/about/)")
    build_site({"posts/abs.md": post}, publish=True, name="root-abs")
    assert not [m for m in caplog.messages if m.startswith("root-abs/posts/abs.md")]


def test_a_draft_only_warns(build_site, caplog):
    caplog.set_level(logging.WARNING)
    draft = POST.replace("Author: Ada Byrne", "Author: Ada Byrne\nStatus: draft")
    build_site(
        {"posts/abs.md": draft}, publish=True, siteurl="https://example.org/blog", name="draft-abs"
    )
    assert not [m for m in _lines(caplog, logging.ERROR) if "draft-abs" in m]


def test_an_html_post_is_checked_too(build_site, caplog):
    caplog.set_level(logging.WARNING)
    html = (
        '<html><head><title>An HTML post</title><meta name="date" content="2026-01-06">'
        '<meta name="author" content="Ada Byrne"><meta name="category" content="Notes">'
        '</head><body><p><a href="/nowhere/">x</a></p></body></html>'
    )
    build_site({"posts/page.html": html}, name="html-abs")
    assert any(
        m.startswith("html-abs/posts/page.html: line 1: the link /nowhere/ points at nothing")
        for m in _lines(caplog, logging.WARNING)
    )


def test_a_summary_is_checked_and_named(build_site, caplog):
    caplog.set_level(logging.WARNING)
    post = POST.replace("Author: Ada Byrne", "Author: Ada Byrne\nSummary: See [the plan](/plan/).")
    build_site({"posts/abs.md": post}, name="sum-abs")
    mine = [m for m in _lines(caplog, logging.WARNING) if m.startswith("sum-abs/posts/abs.md")]
    assert any(
        m.startswith("sum-abs/posts/abs.md: line 5: Summary: the link /plan/ points") for m in mine
    )
    assert any(
        m.startswith("sum-abs/posts/abs.md: line 7: the link /pages/about/ points") for m in mine
    )


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 80), "teal").save(out, "PNG")
    return out.getvalue()


def test_team_series_and_gallery_files_are_checked_too(build_site, caplog):
    # a bio and a series introduction are published as written, like a post's body
    caplog.set_level(logging.WARNING)
    bio = (FIXTURES / "site" / "team" / "ada-byrne.md").read_text(encoding="utf-8")
    files = {
        "team/ada-byrne.md": bio + "\nShe keeps [a reading list](/reading/).\n",
        "series/lamps.md": "Title: Lamps\n\nStart at [the first lamp](/lamps/one/).\n",
        "posts/abs.md": POST.replace("Author: Ada Byrne", "Author: Ada Byrne\nSeries: Lamps"),
        "galleries/fair/gallery.md": "Title: Fair\nPhoto: a.png | A stall | A stall\n\n"
        "More [photos](/photos/).\n",
        "galleries/fair/a.png": _png(),
    }
    build_site(files, name="side-abs", GALLERY_WIDTHS=(100,), GALLERY_POST_IMAGE_WIDTHS=(100,))
    warned = _lines(caplog, logging.WARNING)
    for source, url, line in (
        ("team/ada-byrne.md", "/reading/", len(bio.splitlines()) + 2),
        ("series/lamps.md", "/lamps/one/", 3),
        ("galleries/fair/gallery.md", "/photos/", 4),
    ):
        said = f"side-abs/{source}: line {line}: the link {url} points at nothing"
        assert any(m.startswith(said) for m in warned), (said, warned)
    assert not [m for m in warned if "local_urls" in m]  # no unknown-key line for the note


RELATIVE = """Title: Relative links
Date: 2026-01-07
Category: Notes
Author: Ada Byrne
Summary: The [lamp](images/lamp.svg) in short.

A lamp: ![Lamp](images/lamp.svg). Our shop: [shop](www.example.org). Home: [home](../../).
"""


def test_relative_links_are_resolved_against_their_page(build_site, caplog):
    # ![Lamp](images/lamp.svg) in posts/x/ asks for /posts/x/images/lamp.svg: a broken image
    caplog.set_level(logging.WARNING)
    build_site({"posts/rel.md": RELATIVE}, name="dev-rel")
    mine = [m for m in _lines(caplog, logging.WARNING) if m.startswith("dev-rel/posts/rel.md")]
    assert sorted(mine) == [
        "dev-rel/posts/rel.md: line 5: Summary: the link images/lamp.svg is relative, and this "
        "text is shown on more than one page: it points at another place from each ("
        + links.HINT
        + ")",
        "dev-rel/posts/rel.md: line 7: the link images/lamp.svg is relative: from this page it "
        "points at /posts/relative-links/images/lamp.svg, where nothing is; the site publishes "
        "/images/lamp.svg: link to its source with {static} or {filename} and its path in the "
        "content folder, e.g. {static}/images/lamp.svg",
        "dev-rel/posts/rel.md: line 7: the link www.example.org lacks https:// in front, so it "
        "points at a file of this site, not at another site (write https://www.example.org)",
    ]  # ../../ is the home page: no line
    with pytest.raises(SystemExit):  # a publish never ships them
        build_site({"posts/rel.md": RELATIVE}, publish=True, name="pub-rel")
    errors = [m for m in _lines(caplog, logging.ERROR) if m.startswith("pub-rel/posts/rel.md")]
    assert len(errors) == 3, errors


SCHEMELESS = """Title: Links without https
Date: 2026-01-07
Category: Notes
Author: Ada Byrne

See [the hall](www.example.org/hall) and [the rota](example.com/rota).

Also [a](www.example.net), [b](www.example.info/b) and [c](example.org/c).
"""


def test_a_file_s_links_without_https_are_one_line(build_site, caplog):
    # 0x7df.github.io's restarting-the-lhc.md said 9 lines alike, 17 for the blog, each an
    # error in a publish: one line per file names each link's line
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit):  # a publish never ships them
        build_site({"posts/bare.md": SCHEMELESS}, publish=True, name="pub-bare")
    mine = [m for m in _lines(caplog, logging.ERROR) if m.startswith("pub-bare/posts/bare.md")]
    assert mine == [
        "pub-bare/posts/bare.md: 5 links lack https:// in front, so they point at files of this "
        "site, not at other sites: www.example.org/hall (line 6), example.com/rota (line 6), "
        "www.example.net (line 8) and 2 more (line 8); write https:// in front of each "
        "(https://www.example.org/hall)"
    ]


@pytest.mark.parametrize(
    ("held", "expected"),
    [
        (
            [("line 3", "www.a.org")],
            "line 3: the link www.a.org lacks https:// in front, so it points at a file of this "
            "site, not at another site (write https://www.a.org)",
        ),
        (
            [("line 3", "www.a.org"), ("", "b.com")],
            "2 links lack https:// in front, so they point at files of this site, not at other "
            "sites: www.a.org (line 3), b.com; write https:// in front of each (https://www.a.org)",
        ),
        (
            [(f"line {n}", f"www.s{n}.org") for n in range(1, 6)],
            "5 links lack https:// in front, so they point at files of this site, not at other "
            "sites: www.s1.org (line 1), www.s2.org (line 2), www.s3.org (line 3) and 2 more "
            "(lines 4, 5); write https:// in front of each (https://www.s1.org)",
        ),
    ],
)
def test_links_without_https_said_of_one_file(held, expected):
    assert links.schemeless_message(held) == expected


@pytest.mark.parametrize(
    ("url", "page", "schemeless"),
    [
        ("www.example.org", "posts/x/", True),
        ("en.wikipedia.org/wiki/Lamp", "posts/x/", True),
        ("gone.png", "posts/x/", False),
        ("images/lamp.svg", None, False),
    ],
)
def test_a_link_without_https_is_known_by_its_kind(url, page, schemeless):
    # one line per file gathers these by the line's kind: rewording it cannot unfold them
    _, message = links.local_problem(url, page, "", WRITTEN.__contains__)
    assert links.lacks_scheme(message) is schemeless
    # the same words in a line made of another (a gallery photo's) are not that line
    assert links.lacks_scheme(str(message)) is False


@pytest.mark.parametrize(
    ("srcset", "expected"),
    [
        ("a.png 1x, b.png 2x", [("a.png", "1x"), ("b.png", "2x")]),
        ("a.png", [("a.png", "")]),
        ("a.png, b.png 2x", [("a.png", ""), ("b.png", "2x")]),
        ("  a.png 400w ,b.png 800w,", [("a.png", "400w"), ("b.png", "800w")]),
        # a data: URI's comma is part of its URL, which runs to the next white space
        (
            "data:image/gif;base64,R0lGODlh 1x, /b.png 2x",
            [("data:image/gif;base64,R0lGODlh", "1x"), ("/b.png", "2x")],
        ),
        ("data:image/gif;base64,R0lGODlh", [("data:image/gif;base64,R0lGODlh", "")]),
        ("a.png (x, y) 2x, b.png", [("a.png", "(x, y) 2x"), ("b.png", "")]),
        ("", []),
        (" , ", []),
    ],
)
def test_srcset_candidates(srcset, expected):
    assert links.srcset_candidates(srcset) == expected


def test_a_data_candidate_of_a_srcset_is_no_link(build_site, caplog):
    # the link check split a srcset on a data: URI's comma and took the base64 for a path:
    # a line about a "link" nobody wrote (a 1x1 GIF), or a traceback for a long one (a photo,
    # a segment longer than a file name may be); a 300-character relative link and a NUL byte
    # (%00) crashed the same way
    photo = "/9j/" + "A" * 400 + "/" + "B" * 300 + "=="
    post = (
        "Title: Old theme\nDate: 2024-09-12\nCategory: Company\nAuthor: Ada Byrne\n\n"
        '<img alt="Placeholder" src="/images/lamp.svg" '
        'srcset="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7">\n\n'
        f'<img alt="Photo" src="/images/lamp.svg" srcset="data:image/jpeg;base64,{photo} 1x, '
        '/images/lamp.svg 2x">\n\n'
        f"[a long link]({'a' * 300}/) and ![null]({{static}}/images/x%00.png) "
        "and [relative null](a%00b/)\n"
    )
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/srcset.md": post}, name="srcset-data")
    mine = [m for m in caplog.messages if "srcset-data/posts/srcset.md" in m]
    assert not [r for r in caplog.records if r.levelno >= logging.CRITICAL]
    assert not [m for m in mine if "R0lG" in m or "9j" in m or "AAAA" in m], mine
    assert len([m for m in mine if "removed a data: link" in m]) == 1, mine
    assert len([m for m in mine if "a" * 300 in m]) == 1, mine  # named, as any broken link
    assert len([m for m in mine if "x%00.png" in m]) == 1, mine
    assert [m for m in mine if "a%00b/" in m] == [
        "srcset-data/posts/srcset.md: line 10: the link a%00b/ holds %00, a character no address "
        "can hold: take it out"
    ]
    placeholder, photo_img = site.soup("posts/old-theme/").select(
        "img[alt=Placeholder], img[alt=Photo]"
    )
    assert placeholder.get("srcset") is None  # only a data: candidate: the attribute goes
    assert photo_img["srcset"].endswith("/images/lamp.svg 2x")  # the others stay
    assert "data:" not in photo_img["srcset"]


def _linking_posts(posts: int, link: str, links_each: int = 2) -> dict[str, str]:
    """Posts (posts/pN.md) with ``links_each`` links each, ``link`` formatted with n and k."""
    head = "Title: Linking {n}\nDate: 2026-02-0{n}\nCategory: Notes\nAuthor: Ada Byrne\n\n"
    files = {}
    for n in range(1, posts + 1):
        body = "".join(f"See [it]({link.format(n=n, k=k)}).\n\n" for k in range(1, links_each + 1))
        files[f"posts/p{n}.md"] = head.format(n=n) + body
    return files


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(out, "PNG")
    return out.getvalue()


PNG = _png()


def _into_static(posts: int) -> dict[str, str | bytes]:
    """Posts with two links each to pictures of content/static/, a folder nothing publishes."""
    files: dict[str, str | bytes] = {**_linking_posts(posts, "/static/pics/a{n}{k}.png")}
    return files | {f"static/pics/a{n}{k}.png": PNG for n in range(1, posts + 1) for k in (1, 2)}


def test_links_into_a_folder_nothing_publishes_are_one_line(build_site, caplog):
    # an adopted blog's content/static/ without "static" in STATIC_PATHS: the folder's own line
    # said why, then 121 lines alike, one per link (30 for one post)
    files = _into_static(3)
    caplog.set_level(logging.WARNING)
    build_site(files, name="into-static")
    mine = [m for m in _lines(caplog, logging.WARNING) if "/static/pics/" in m]
    assert [m for m in mine if "link" in m] == [
        "into-static/static/: 6 links in 3 files point at its files, which are not published "
        "(into-static/static/ is not a static folder; e.g. into-static/posts/p1.md: line 6: "
        '/static/pics/a11.png); add "static" to STATIC_PATHS in pelicanconf.py, which '
        "publishes them at the addresses these links give"
    ]
    caplog.clear()  # the advice followed: every link works
    build_site(files, name="into-static-2", STATIC_PATHS=["images", "extra", "static"])
    assert not [m for m in _lines(caplog, logging.WARNING) if "static/" in m]


def test_a_few_links_into_a_folder_nothing_publishes_keep_their_lines(build_site, caplog):
    files = _into_static(2)
    caplog.set_level(logging.WARNING)
    build_site(files, name="into-static-few")
    mine = [m for m in _lines(caplog, logging.WARNING) if "points at nothing" in m]
    assert len(mine) == 4
    assert mine[0].startswith("into-static-few/posts/p1.md: line 6: the link /static/pics/a11.png")
    assert "into-static-few/static/pics/a11.png is there but not published" in mine[0]


OLD_POST = (
    "Title: Qiushi {n}\nDate: 2026-03-0{n}\nCategory: Collection\nAuthor: Ada Byrne\n\nWords.\n"
)


def _link_lines(build_site, caplog, files: dict[str, str], name: str, **settings) -> list[str]:
    """The warnings about links of a build of ``files`` (each post's other lines left out)."""
    caplog.clear()
    caplog.set_level(logging.WARNING)
    build_site(files, name=name, **settings)
    return [m for m in _lines(caplog, logging.WARNING) if "link" in m]


# a setting as the old-address lines write it: NAME = ("pattern",), NAME = "word" or r"word"
_SETTING = re.compile(r'\b([A-Z_]+) = (\("[^)]*",\)|r?"[^"]*")')


def _settings_in(line: str) -> dict[str, object]:
    """The settings a line says to set, read as pelicanconf.py would read them pasted."""
    return {name: ast.literal_eval(value) for name, value in _SETTING.findall(line)}


def _one_link_to(url: str, path: str, post: str) -> dict[str, str]:
    """The post ``post`` at ``path`` of the content folder, and a post linking ``url`` once."""
    return {path: post} | _linking_posts(1, url, links_each=1)


@pytest.mark.parametrize(
    ("link", "pattern", "redirect"),
    [
        # the old ARTICLE_URL was {category}/{slug}.html: /collection/qiushi-1.html is the post
        # content/collection/qiushi-1.md, now at /posts/qiushi-1/
        ("/collection/qiushi-{k}.html", "{category}/{slug}.html", "collection/qiushi-1.html"),
        # an adopted blog's was blog/{slug}/: its "did you mean /posts/qiushi-1/?" mended the
        # link but left the old address, which other sites link to, a 404
        ("/blog/qiushi-{k}/", "blog/{slug}/", "blog/qiushi-1/"),
    ],
)
def test_links_to_the_old_sites_addresses_of_posts_are_one_line(
    build_site, caplog, link, pattern, redirect
):
    files = {f"collection/qiushi-{n}.md": OLD_POST.format(n=n) for n in range(1, 4)}
    files |= _linking_posts(3, link)
    lines = _link_lines(build_site, caplog, files, "old-addr")
    assert lines == [
        "6 links in 3 files point at nothing this site publishes, at what look like the old "
        f"site's addresses of its posts (e.g. old-addr/posts/p1.md: line 6: {link.format(k=1)}"
        ", the old address of old-addr/collection/qiushi-1.md); "
        f'set REDIRECTS_OLD_ARTICLE_URLS = ("{pattern}",) in pelicanconf.py (the '
        "old site's addresses: docs/adopting.md, step 5), which gives every post a redirect "
        "from its old address"
    ]
    # the advice followed as written: each old address is a redirect, and every link works
    settings = _settings_in(lines[0])
    assert settings == {"REDIRECTS_OLD_ARTICLE_URLS": (pattern,)}
    caplog.clear()
    site = build_site(files, name="old-addr-2", **settings)
    assert not [m for m in _lines(caplog, logging.WARNING) if "link" in m]
    moved = site.soup(redirect).select_one('link[rel="canonical"]')
    assert moved["href"].endswith("/posts/qiushi-1/")


def test_a_few_links_to_old_addresses_say_each_which_post(build_site, caplog):
    files = _one_link_to(
        "/collection/qiushi-1.html#top", "collection/qiushi-1.md", OLD_POST.format(n=1)
    )
    assert _link_lines(build_site, caplog, files, "old-one") == [
        "old-one/posts/p1.md: line 6: the link /collection/qiushi-1.html#top points at nothing "
        "this site publishes: it looks like the old site's address of "
        'old-one/collection/qiushi-1.md; set REDIRECTS_OLD_ARTICLE_URLS = ("{category}/{slug}'
        ".html\",) in pelicanconf.py (the old site's addresses: docs/adopting.md, step 5), "
        "which gives every post a redirect from its old address; or write "
        "{filename}/collection/qiushi-1.md#top"
    ]


def test_a_link_ending_in_a_slash_to_no_slug_here_keeps_its_did_you_mean(build_site, caplog):
    # a slip in this site's own address, not an old one: its last folder is no post's slug
    files = _one_link_to("/posts/qiushi-l/", "collection/qiushi-1.md", OLD_POST.format(n=1))
    assert _link_lines(build_site, caplog, files, "old-typo") == [
        "old-typo/posts/p1.md: line 6: the link /posts/qiushi-l/ points at nothing this site "
        "publishes (did you mean /posts/qiushi-1/? " + links.HINT + ")"
    ]


def test_old_addresses_of_posts_whose_slugs_came_from_their_file_names(build_site, caplog):
    # the old site took slugs from file names (FILENAME_METADATA = "(?P<slug>.*)"), this one
    # from titles: /2026/collection/c++-notes-1.html names the post now at /posts/jokes-1/, and
    # REDIRECTS_OLD_ARTICLE_URLS alone would redirect from /2026/collection/jokes-1.html
    # (SLUGIFY_SOURCE = "basename" would give 'c-notes-1': an adopted blog's c++-doxygen_summary)
    post = "Title: Jokes {n}\nDate: 2026-03-0{n}\nCategory: Collection\nAuthor: Ada Byrne\n\nHa.\n"
    files = {f"collection/c++-notes-{n}.md": post.format(n=n) for n in range(1, 4)}
    files |= _linking_posts(3, "/2026/collection/c++-notes-{k}.html")
    lines = _link_lines(build_site, caplog, files, "by-name")
    assert len(lines) == 1
    assert lines[0].startswith("6 links in 3 files point at nothing this site publishes")
    assert lines[0].endswith(
        '; set FILENAME_METADATA = "(?P<slug>.*)" in pelicanconf.py, as the old site had it '
        "(docs/adopting.md, step 1): slugs here come from titles "
        "(by-name/collection/c++-notes-1.md: 'jokes-1'), the old site's from file names "
        "('c++-notes-1'); set REDIRECTS_OLD_ARTICLE_URLS = "
        '("{date:%Y}/{category}/{slug}.html",) in pelicanconf.py (the old site\'s addresses: '
        "docs/adopting.md, step 5), which gives every post a redirect from its old address"
    )
    settings = _settings_in(lines[0])
    assert settings == {
        "FILENAME_METADATA": "(?P<slug>.*)",
        "REDIRECTS_OLD_ARTICLE_URLS": ("{date:%Y}/{category}/{slug}.html",),
    }
    assert not _link_lines(build_site, caplog, files, "by-name-2", **settings)


def test_slugs_from_file_names_keep_the_dates_file_names_give(build_site, caplog):
    # FILENAME_METADATA = "(?P<slug>.*)" in place of Pelican's (?P<date>…).* took the date of
    # 2026-03-09-undated.md, which has no Date: line: followed as written, the post lost it
    post = "Title: Jokes {n}\nDate: 2026-03-0{n}\nCategory: Collection\nAuthor: Ada Byrne\n\nHa.\n"
    files = {f"collection/c++-notes-{n}.md": post.format(n=n) for n in range(1, 4)}
    files["collection/2026-03-09-undated.md"] = post.replace("Date: 2026-03-0{n}\n", "").format(
        n="-undated"
    )
    files |= _linking_posts(3, "/2026/collection/c++-notes-{k}.html")
    lines = _link_lines(build_site, caplog, files, "by-name-dated")
    # its lines before (it is outside posts/), as the second build names it
    before = [
        m.replace("by-name-dated/", "by-name-dated-2/")
        for m in _lines(caplog, logging.WARNING)
        if "undated" in m and "link" not in m
    ]
    assert len(lines) == 1
    assert (
        '; set FILENAME_METADATA = r"(?P<slug>(?P<date>\\d{4}-\\d{2}-\\d{2})?.*)" in '
        "pelicanconf.py, as the old site had it (docs/adopting.md, step 1), which keeps the "
        "date by-name-dated/collection/2026-03-09-undated.md's name gives: slugs here come "
        "from titles "
    ) in lines[0]
    settings = _settings_in(lines[0])
    assert settings["FILENAME_METADATA"] == r"(?P<slug>(?P<date>\d{4}-\d{2}-\d{2})?.*)"
    caplog.clear()
    site = build_site(files, name="by-name-dated-2", **settings)
    assert not [m for m in _lines(caplog, logging.WARNING) if "link" in m]
    assert [m for m in _lines(caplog, logging.WARNING) if "undated" in m] == before
    dated = site.soup("posts/2026-03-09-undated/").select_one("article time[datetime]")
    assert dated["datetime"].startswith("2026-03-09")
    assert (
        site.soup("posts/c++-notes-1/")
        .select_one("article time[datetime]")["datetime"]
        .startswith("2026-03-01")
    )


def test_old_addresses_by_author_and_language_are_patterns(build_site, caplog):
    # the old ARTICLE_URL was {author}/{lang}/{date:%Y}/{slug}.html: not literal folders,
    # which would give every other author's post a redirect from ada-byrne/
    files = _one_link_to(
        "/ada-byrne/en/2026/qiushi-1.html", "collection/qiushi-1.md", OLD_POST.format(n=1)
    )
    lines = _link_lines(build_site, caplog, files, "old-author")
    assert len(lines) == 1
    settings = _settings_in(lines[0])
    assert settings == {"REDIRECTS_OLD_ARTICLE_URLS": ("{author}/{lang}/{date:%Y}/{slug}.html",)}
    caplog.clear()
    site = build_site(files, name="old-author-2", **settings)
    assert not [m for m in _lines(caplog, logging.WARNING) if "link" in m]
    assert site.exists("ada-byrne/en/2026/qiushi-1.html")


def test_old_address_patterns_are_added_to_those_set(build_site, caplog):
    # pelicanconf.py has one pattern already: "set X = (…)" with only the new one lost it
    files = _one_link_to(
        "/collection/qiushi-1.html", "collection/qiushi-1.md", OLD_POST.format(n=1)
    )
    had = {"REDIRECTS_OLD_ARTICLE_URLS": ("{slug}.html",)}
    lines = _link_lines(build_site, caplog, files, "old-had", **had)
    assert len(lines) == 1
    assert (
        'set REDIRECTS_OLD_ARTICLE_URLS = ("{slug}.html", "{category}/{slug}.html",) in '
        "pelicanconf.py, in place of the REDIRECTS_OLD_ARTICLE_URLS it has (its patterns kept)"
    ) in lines[0]
    settings = _settings_in(lines[0])
    caplog.clear()
    site = build_site(files, name="old-had-2", **settings)
    assert not [m for m in _lines(caplog, logging.WARNING) if "link" in m]
    assert site.exists("qiushi-1.html") and site.exists("collection/qiushi-1.html")


def test_an_old_address_no_pattern_gives_is_told_to_be_redirect_from(build_site, caplog):
    # the post's Slug: line is not its file's name: FILENAME_METADATA would not change it, and
    # no pattern gives it /collection/qiushibaike.html: its own Redirect_from does
    post = OLD_POST.format(n=1).replace("Author:", "Slug: jokes\nAuthor:")
    files = _one_link_to("/collection/qiushibaike.html", "collection/qiushibaike.md", post)
    assert _link_lines(build_site, caplog, files, "old-rf") == [
        "old-rf/posts/p1.md: line 6: the link /collection/qiushibaike.html points at nothing "
        "this site publishes: it looks like the old site's address of "
        "old-rf/collection/qiushibaike.md; add Redirect_from: /collection/qiushibaike.html to "
        "old-rf/collection/qiushibaike.md: its slug here (old-rf/collection/qiushibaike.md: "
        "'jokes') is not the old address's name, so no pattern gives it; or write "
        "{filename}/collection/qiushibaike.md"
    ]
    # followed as written: the line added to the post's keys
    files["collection/qiushibaike.md"] = post.replace(
        "Slug:", "Redirect_from: /collection/qiushibaike.html\nSlug:"
    )
    assert not _link_lines(build_site, caplog, files, "old-rf-2")


def test_links_to_old_addresses_stop_a_publish(build_site, caplog):
    # 80 internal 404s deployed with a warning each: the line says what to set, so a publish
    # fails on it as on a link into a folder nothing publishes
    files = _one_link_to(
        "/collection/qiushi-1.html", "collection/qiushi-1.md", OLD_POST.format(n=1)
    )
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit):
        build_site(files, publish=True, name="old-pub")
    errors = [m for m in _lines(caplog, logging.ERROR) if "/collection/qiushi-1.html" in m]
    assert len(errors) == 1, errors
    assert "set REDIRECTS_OLD_ARTICLE_URLS" in errors[0]
