"""engine.side: team files, series files and gallery sidecars found and read one way.

Real builds of the fixture site (tests/fixtures/site) with the development settings.
"""

import io
import logging

import pytest
from pelican.readers import RstReader
from PIL import Image

SMALL = {"GALLERY_WIDTHS": (100,), "GALLERY_POST_IMAGE_WIDTHS": (100,)}


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "JPEG")
    return buffer.getvalue()


def problems(caplog, level=logging.WARNING) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= level]


# one file of each kind that no reader can read: (id, files, the file, what the line says)
READING_ERRORS = [
    (
        "team-not-utf8",
        {"team/dana-frost.md": "Name: Dana Frost\n\nCaf\xe9 lover.\n".encode("latin-1")},
        "team/dana-frost.md",
        "is not UTF-8 text",
    ),
    (
        "team-bad-date",
        {"team/dana-frost.md": "Name: Dana Frost\nDate: next week\n\nA bio.\n"},
        "team/dana-frost.md",
        "Date must be a date",
    ),
    (
        "team-html-not-utf8",  # Pelican's HTML reader, within blogcore's strict checks
        {
            "team/dana-frost.html": b"<html><head><title>Dana</title>"
            b'<meta name="name" content="Dana Frost"></head><body>Caf\xe9</body></html>'
        },
        "team/dana-frost.html",
        "is not UTF-8 text",
    ),
    (
        "series-not-utf8",
        {"series/x.md": "Title: X\n\nCaf\xe9.\n".encode("latin-1")},
        "series/x.md",
        "is not UTF-8 text",
    ),
    (
        "gallery-not-utf8",
        {
            "galleries/g/gallery.md": "Title: G\nPhoto: a.jpg | A | An a\n\nCaf\xe9.\n".encode(
                "latin-1"
            ),
            "galleries/g/a.jpg": jpeg(),
        },
        "galleries/g/gallery.md",
        "is not UTF-8 text",
    ),
    (
        "gallery-impossible-date",  # the reader's check; the gallery's own is not said twice
        {
            "galleries/g/gallery.md": "Title: G\nDate: 2024-02-30\nPhoto: a.jpg | A | An a\n\nA.\n",
            "galleries/g/a.jpg": jpeg(),
        },
        "galleries/g/gallery.md",
        "Date must be a date",
    ),
]


@pytest.mark.parametrize(
    ("files", "relpath", "fragment"),
    [case[1:] for case in READING_ERRORS],
    ids=[case[0] for case in READING_ERRORS],
)
def test_a_file_no_reader_can_read_is_named_once(build_site, caplog, files, relpath, fragment):
    caplog.set_level(logging.WARNING)
    name = f"content-{relpath.replace('/', '-')}"
    build_site(files, name=name, **SMALL)
    about = [r for r in problems(caplog) if relpath in r.getMessage()]
    assert len(about) == 1, [r.getMessage() for r in about]
    (record,) = about
    assert record.levelno == logging.ERROR
    assert record.getMessage().startswith(f"{name}/{relpath}: ")
    assert fragment in record.getMessage()
    assert not any(r.exc_info for r in caplog.records)
    assert "Traceback" not in caplog.text


# side files read by their plugins, or ahead with the posts in fastbuild's workers
AHEAD = [{}, {"FASTBUILD_MIN_FILES": 1, "FASTBUILD_WORKERS": 2}]


@pytest.mark.parametrize("ahead", AHEAD, ids=["by their plugins", "ahead"])
def test_ignore_files_and_subfolders_are_not_read_as_side_content(build_site, caplog, ahead):
    caplog.set_level(logging.WARNING)
    site = build_site(
        {
            "team/wip-zed-quill.md": "Name: Zed Quill\nRole: Nobody yet\nFavourite: tea\n\nBio.\n",
            "team/photos/notes.md": "Name: Photo Notes\n\nWhere the headshots come from.\n",
            "series/wip-plans.md": "Title: Plans\nSumary: not yet\n\nAbout the plans.\n",
            "galleries/wip-trip/gallery.md": "Title: Trip\nPhoto: a.jpg | A | An a\n\nA trip.\n",
            "galleries/wip-trip/a.jpg": jpeg(),
            "galleries/kept/gallery.md": "Title: Kept\nPhoto: a.jpg | A | An a\n\nKept.\n",
            "galleries/kept/a.jpg": jpeg(),
        },
        IGNORE_FILES=[".#*", "wip-*"],
        **SMALL,
        **ahead,
    )
    assert not any("wip-" in r.getMessage() for r in problems(caplog)), caplog.text
    team = site.soup("team/").get_text()
    assert "Ada Byrne" in team and "Zed Quill" not in team and "Photo Notes" not in team
    assert site.exists("galleries/kept/") and not site.exists("galleries/wip-trip/")
    assert not site.path("galleries/wip-trip").exists()


def test_a_gallery_description_links_to_a_post_with_filename(build_site):
    site = build_site(
        {
            "galleries/party/gallery.md": (
                "Title: The party\nPhoto: a.jpg | A | An a\n\n"
                "Photos of [the garden party]({filename}/posts/garden-party.md).\n"
            ),
            "galleries/party/a.jpg": jpeg(),
        },
        **SMALL,
    )
    link = site.soup("galleries/party/").select_one(".gallery-page__intro a")
    assert link.get_text() == "the garden party"
    assert link["href"] == f"{site.siteurl}/posts/garden-party/"
    assert site.exists("posts/garden-party/")


def test_sidecar_line_numbers_count_a_bom_and_windows_line_ends(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site(
        {
            "galleries/crlf/gallery.md": (
                "\ufeffTitle: Windows\r\nPhoto: a.jpg | A | An a\r\nPhoto: gone.jpg | Gone\r\n"
                "\r\nA *description*.\r\n"
            ).encode("utf-8"),
            "galleries/crlf/a.jpg": jpeg(),
        },
        name="content-crlf",
        **SMALL,
    )
    messages = [r.getMessage() for r in problems(caplog)]
    assert "content-crlf/galleries/crlf/gallery.md: line 3: Photo 'gone.jpg' is not in " in [
        m[: m.index("is not in ") + len("is not in ")] for m in messages if "gone.jpg" in m
    ]
    page = site.soup("galleries/crlf/")
    assert page.select_one(".gallery-page__intro em").get_text() == "description"
    assert page.select_one("h1").get_text(strip=True) == "Windows"


class PluginRstReader(RstReader):
    """A reStructuredText reader of another plugin's: blogcore leaves it in place."""


def test_another_plugins_reader_failing_is_named_once(build_site, caplog):
    # its error is not one of blogcore's (named already): side.read names the file
    caplog.set_level(logging.WARNING)
    files = {
        "team/dana-frost.rst": "Dana Frost\n##########\n\n:name: Dana Frost\n"
        ":date: next week\n\nA bio.\n"
    }
    build_site(files, name="plugin-reader", READERS={"rst": PluginRstReader}, **SMALL)
    about = [r.getMessage() for r in problems(caplog) if "dana-frost.rst" in r.getMessage()]
    assert len(about) == 1, about
    assert about[0].startswith("plugin-reader/team/dana-frost.rst: could not be read (")
    assert about[0].endswith("); skipped"), about
    assert "Traceback" not in caplog.text


def test_a_side_files_name_of_no_letter_or_digit_is_one_line(build_site, caplog):
    # a team file's or a gallery folder's name is its page's address (/team/---/,
    # /galleries/—/), said as a post's Title of no letter is; a team file's Name of no letter
    # makes no address, but bylines and the profile show it: said in the same words (a
    # gallery's or series' Title of none is still said nothing of)
    caplog.set_level(logging.WARNING)
    files = {
        "team/---.md": "Name: Triple Dash\n\nA bio.\n",
        "team/dash-person.md": "Name: —\n\nA bio.\n",
        "galleries/—/gallery.md": "Title: Dashes\nPhoto: a.jpg | A | An a\n",
        "galleries/—/a.jpg": jpeg(),
        "galleries/dashy/gallery.md": "Title: —\nPhoto: a.jpg | A | An a\n",
        "galleries/dashy/a.jpg": jpeg(),
        "series/moving.md": "Title: —\n\nIntro.\n",
    }
    build_site(files, name="side-no-letter", **SMALL)
    said = sorted(
        (r.levelname, r.getMessage())
        for r in problems(caplog)
        if r.getMessage().startswith(("side-no-letter/team/", "side-no-letter/galleries/"))
    )
    assert said == [
        (
            "ERROR",
            "side-no-letter/galleries/—/: the folder name '—' makes the web address '—', "
            "with no letter or digit in it; rename the folder with letters or digits",
        ),
        (
            "ERROR",
            "side-no-letter/team/---.md: the file name '---' makes the web address '---', "
            "with no letter or digit in it; rename the file with letters or digits",
        ),
        (
            "ERROR",
            "side-no-letter/team/dash-person.md: Name '—' has no letter or digit in it, so the "
            "pages would show only '—'; write the person's name as their posts give it, e.g. "
            "'Name: Maya Okafor'",
        ),
    ]
