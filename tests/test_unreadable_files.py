"""Files no reader can read as written: saved as UTF-16 or UTF-32, a link to nothing or to
itself, a file the build may not read, a name that is not UTF-8. One line each, naming the
file and what to do; the rest of the site is built (probe 8 findings 09 and 13).

Real builds of the fixture site (tests/fixtures/site), the files written with their bytes.
"""

import codecs
import errno
import io
import json
import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from plugins.blogcore.reader import name_problem, unreadable, wide_codec
from plugins.devserver.problems import problem
from tests.conftest import DEV_CONF, FIXTURES, PUBLISH_CONF, TEST_SITEURL, Site, run_pelican

POST = (
    "Title: How we hire\nDate: 2024-05-01 10:00\nCategory: Company\nAuthor: Ada Byrne\n"
    "Slug: how-we-hire\n\nWe read every letter, and we answer every one. Café, naïve, 2024.\n"
)
TEAM = "Name: Zed Quill\nRole: Engineer\n\nZed builds the search.\n"
SAVED_AS_UTF16 = (
    'is saved as UTF-16 (what Notepad and Word call "Unicode"), and the site reads UTF-8 '
    "only: save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8); it is left out until then"
)
SAVED_AS_UTF32 = SAVED_AS_UTF16.replace('UTF-16 (what Notepad and Word call "Unicode")', "UTF-32")
SMALL = {"GALLERY_WIDTHS": (100,), "GALLERY_POST_IMAGE_WIDTHS": (100,)}
# what else the fastbuild workers read ahead of the build (as in test_engine_side)
AHEAD = [{}, {"FASTBUILD_MIN_FILES": 1, "FASTBUILD_WORKERS": 2}]


def build(
    tmp_path: Path, make: Callable[[Path], None], *, publish: bool = False, **settings
) -> Site:
    """The fixture site with what ``make`` does to its content folder, built with Pelican."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    make(content)
    output = tmp_path / "output"
    run_pelican(
        PUBLISH_CONF if publish else DEV_CONF,
        content,
        output,
        SITEURL=TEST_SITEURL,
        FEED_DOMAIN=TEST_SITEURL,
        **settings,
    )
    return Site(output=output, content=content, siteurl=TEST_SITEURL)


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "JPEG")
    return buffer.getvalue()


def written(files: dict[str, bytes]) -> Callable[[Path], None]:
    def make(content: Path) -> None:
        for relpath, data in files.items():
            (content / relpath).parent.mkdir(parents=True, exist_ok=True)
            (content / relpath).write_bytes(data)

    return make


def the_one_line(caplog, relpath: str) -> logging.LogRecord:
    """The one line naming content/<relpath>, an error; no traceback anywhere."""
    about = [
        r for r in caplog.records if r.levelno >= logging.WARNING and relpath in r.getMessage()
    ]
    assert len(about) == 1, [r.getMessage() for r in about]
    assert about[0].levelno == logging.ERROR
    assert not any(r.exc_info for r in caplog.records)
    assert "Traceback" not in caplog.text
    return about[0]


# Notepad's and Word's "Unicode" (UTF-16 with a mark), the same without one, UTF-32
WIDE = [
    ("utf-16", "utf-16", SAVED_AS_UTF16),  # Python's: a little-endian mark, FF FE
    ("utf-16-be-bom", "utf-16-be", SAVED_AS_UTF16),  # FE FF, written below
    ("utf-16-le-no-bom", "utf-16-le", SAVED_AS_UTF16),  # every other byte 0
    ("utf-16-be-no-bom", "utf-16-be", SAVED_AS_UTF16),
    ("utf-32", "utf-32", SAVED_AS_UTF32),
]


def wide(text: str, codec: str, case: str) -> bytes:
    mark = codecs.BOM_UTF16_BE if case == "utf-16-be-bom" else b""
    return mark + text.encode(codec)


@pytest.mark.parametrize(("case", "codec", "line"), WIDE, ids=[w[0] for w in WIDE])
def test_a_post_saved_as_utf16_or_utf32_is_named_so(tmp_path, caplog, case, codec, line):
    caplog.set_level(logging.WARNING)
    site = build(tmp_path, written({"posts/how-we-hire.md": wide(POST, codec, case)}))
    record = the_one_line(caplog, "posts/how-we-hire.md")
    # was: "is not UTF-8 text: line 1 has byte 0xff ... ('��T\x00i\x00t\x00l\x00e ...': a
    # character saved by another program, as Latin-1 or Windows-1252)", or, with no mark,
    # "has no Title: line"
    assert record.getMessage() == f"content/posts/how-we-hire.md: {line}"
    assert not site.exists("posts/how-we-hire/")
    assert site.exists("posts/first-light/")  # the rest of the site is built


@pytest.mark.parametrize(
    ("relpath", "data"),
    [
        ("team/zed-quill.md", TEAM.encode("utf-16")),
        ("series/launch.md", "Title: Launch\n\nThe launch, step by step.\n".encode("utf-16")),
        (
            "galleries/party/gallery.md",
            "Title: Party\nPhoto: a.jpg | Lanterns | Lanterns over the lawn\n\nThe party.\n".encode(
                "utf-16"
            ),
        ),
    ],
    ids=["team", "series", "gallery"],
)
@pytest.mark.parametrize("ahead", AHEAD, ids=["by their plugins", "ahead"])
def test_a_side_file_saved_as_utf16_is_named_so(tmp_path, caplog, relpath, data, ahead):
    caplog.set_level(logging.WARNING)
    files = {relpath: data, "galleries/party/a.jpg": jpeg()}
    site = build(tmp_path, written(files), **SMALL, **ahead)
    record = the_one_line(caplog, relpath)
    assert record.getMessage() == f"content/{relpath}: {SAVED_AS_UTF16}"
    # the gallery's photos keep their captions and alt text, read as the sidecar has them
    # (they were the lines of 0 bytes UTF-8 makes of it, a warning each)
    if relpath.startswith("galleries/"):
        img = site.soup("galleries/party/").select_one(".gallery img")
        assert img["alt"] == "Lanterns over the lawn"


def rich_text(text: str) -> bytes:
    """``text`` as TextEdit saves it in its own format (RTF), under the name it was given."""
    lines = "\\\n".join(text.splitlines())
    return (
        "{\\rtf1\\ansi\\ansicpg1252\\cocoartf2761\n"
        "{\\fonttbl\\f0\\fswiss\\fcharset0 Helvetica;}\n"
        f"\\f0\\fs24 \\cf0 {lines}}}\n"
    ).encode("ascii", "backslashreplace")


def test_a_post_saved_as_rtf_is_named_so(tmp_path, caplog):
    # TextEdit's rich text saved as .md: the writer sees Title: there, and was told "has no
    # Title: line; add one at the top" (probe 19)
    caplog.set_level(logging.WARNING)
    site = build(tmp_path, written({"posts/how-we-hire.md": rich_text(POST)}))
    record = the_one_line(caplog, "posts/how-we-hire.md")
    assert record.getMessage() == (
        "content/posts/how-we-hire.md: is saved as RTF (rich text, TextEdit's own format), not "
        "as plain text, so its Title: and other lines are not read: in TextEdit, choose Format "
        "→ Make Plain Text and save it again; it is left out until then"
    )
    assert not site.exists("posts/how-we-hire/")


def test_a_post_saved_with_the_utf8_mark_is_published(tmp_path, caplog):
    """Notepad's "UTF-8 with BOM": UTF-8 still, read as it is (Pelican drops the mark)."""
    caplog.set_level(logging.WARNING)
    site = build(tmp_path, written({"posts/how-we-hire.md": POST.encode("utf-8-sig")}))
    assert not [r.getMessage() for r in caplog.records if "how-we-hire" in r.getMessage()]
    page = site.soup("posts/how-we-hire/")
    assert page.h1.get_text(strip=True) == "How we hire"
    assert "Café, naïve" in page.find("main").get_text()
    assert "\ufeff" not in site.text("posts/how-we-hire/index.html")


def test_a_link_to_nothing_is_named_with_its_target(tmp_path, caplog):
    caplog.set_level(logging.WARNING)

    def make(content: Path) -> None:
        (content / "posts" / "dangling.md").symlink_to("/nonexistent/x.md")

    site = build(tmp_path, make)
    record = the_one_line(caplog, "posts/dangling.md")
    # was: "FileNotFoundError: [Errno 2] No such file or directory: '/abs/.../dangling.md'"
    assert record.getMessage() == (
        "content/posts/dangling.md: is a link to /nonexistent/x.md, which does not exist; "
        "remove the link or restore the file"
    )
    assert site.exists("posts/first-light/")


def test_a_link_to_nothing_stops_a_publish(tmp_path, caplog):
    caplog.set_level(logging.WARNING)

    def make(content: Path) -> None:
        (content / "posts" / "dangling.md").symlink_to("../drafts/gone.md")

    with pytest.raises(SystemExit):
        build(tmp_path, make, publish=True)
    record = the_one_line(caplog, "posts/dangling.md")
    assert "is a link to ../drafts/gone.md, which does not exist" in record.getMessage()


def test_links_in_a_loop_are_named_each(tmp_path, caplog):
    caplog.set_level(logging.WARNING)

    def make(content: Path) -> None:
        (content / "posts" / "a.md").symlink_to("b.md")
        (content / "posts" / "b.md").symlink_to("a.md")

    build(tmp_path, make)
    for name, other in (("a", "b"), ("b", "a")):
        record = the_one_line(caplog, f"posts/{name}.md")
        assert record.getMessage() == (
            f"content/posts/{name}.md: is a link to {other}.md that leads back to itself (a "
            "loop of links, no file at the end); remove the link or point it at a file"
        )


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_a_file_the_build_may_not_read_is_named(tmp_path, caplog):
    caplog.set_level(logging.WARNING)

    def make(content: Path) -> None:
        secret = content / "posts" / "how-we-hire.md"
        secret.write_text(POST, encoding="utf-8")
        secret.chmod(0)

    try:
        build(tmp_path, make)
    finally:
        (tmp_path / "content" / "posts" / "how-we-hire.md").chmod(0o644)
    record = the_one_line(caplog, "posts/how-we-hire.md")
    assert record.getMessage() == (
        "content/posts/how-we-hire.md: cannot be read: this build has no permission to read "
        "it; make it readable (chmod a+r) or move it out of the content folder"
    )


BAD_NAME = os.fsdecode(b"caf\xe9-bad.md")  # a Latin-1 name, as an old zip or USB stick gives
BAD_NAME_LINE = (
    "content/posts/caf\\xe9-bad.md: its name is not UTF-8 (byte 0xe9 after 'caf', as a zip "
    "made on an old system or a USB stick may leave it): rename it; it is left out until then"
)


def copy_under_bad_name(content: Path) -> None:
    """A copy of a published post under a name that is not UTF-8: its Slug, its URL too."""
    shutil.copy(content / "posts" / "first-light.md", content / "posts" / BAD_NAME)


@pytest.mark.parametrize("ahead", AHEAD, ids=["read by the build", "ahead"])
def test_a_name_that_is_not_utf8_is_named_and_takes_no_url(tmp_path, caplog, ahead):
    caplog.set_level(logging.WARNING)
    site = build(tmp_path, copy_under_bad_name, **ahead)
    # was: "content/posts/first-light.md: URL posts/first-light/ is already taken by
    # content/posts/caf\udce9-bad.md; this file was skipped", the real post left out
    record = the_one_line(caplog, "-bad.md")
    assert record.getMessage() == BAD_NAME_LINE
    assert not any("first-light.md" in r.getMessage() for r in caplog.records)
    assert site.soup("posts/first-light/").h1.get_text(strip=True) == "First light"
    # every line is UTF-8 text, and so is the overlay's JSON of it (no "\udce9")
    for r in caplog.records:
        r.getMessage().encode("utf-8")
    shown = json.dumps(problem(record), ensure_ascii=False).encode("utf-8")
    assert json.loads(shown)["message"] in BAD_NAME_LINE


def test_a_name_that_is_not_utf8_stops_a_publish(tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit):
        build(tmp_path, copy_under_bad_name, publish=True)
    assert the_one_line(caplog, "-bad.md").getMessage() == BAD_NAME_LINE


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Title: X\n".encode("utf-16"), "utf-16"),  # Python's: FF FE, little-endian
        (codecs.BOM_UTF16_BE + "Title: X\n".encode("utf-16-be"), "utf-16"),
        ("Title: X\n\nSome text.\n".encode("utf-16-le"), "utf-16-le"),
        ("Title: X\n\nSome text.\n".encode("utf-16-be"), "utf-16-be"),
        ("Title: X\n".encode("utf-32"), "utf-32"),  # FF FE 00 00, not UTF-16's FF FE
        ("Title: X\n\nSome text.\n".encode("utf-32-be"), "utf-32-be"),
        ("Title: 招聘\n\n我们如何招聘。Notes.\n".encode("utf-16-le"), "utf-16-le"),
        (b"Title: X\n\nSome text.\n", None),
        ("Title: X\n\nSome text.\n".encode("utf-8-sig"), None),  # UTF-8's own mark: UTF-8
        ("Title: 招聘\n\n我们如何招聘。\n".encode(), None),
        ("Title: Café\n".encode("latin-1"), None),  # said as not UTF-8 text, with its line
        (b"\x00" * 64, None),  # a file of 0 bytes (a crash's): not text of any kind
        (b"Title: X\n\nA stray \x00 byte.\n", None),
        (b"", None),
    ],
)
def test_wide_codec(head, expected):
    assert wide_codec(head) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"posts/caf\xc3\xa9.md", None),  # café in UTF-8
        (b"posts/caf\xe9-bad.md", "its name is not UTF-8 (byte 0xe9 after 'caf',"),
        (b"posts/\xe9t\xe9.md", "its name is not UTF-8 (byte 0xe9 at its start,"),
        (b"caf\xe9/notes.md", "the name of its folder is not UTF-8 (byte 0xe9 after 'caf',"),
    ],
)
def test_name_problem(raw, expected):
    found = name_problem(os.fsdecode(raw))
    assert found == expected or (expected and found and found.startswith(expected))


def test_unreadable_says_what_the_system_error_means(tmp_path):
    link = tmp_path / "x.md"
    link.symlink_to("/nonexistent/x.md")
    gone = FileNotFoundError(errno.ENOENT, "No such file or directory", str(link))
    assert unreadable(gone).startswith("is a link to /nonexistent/x.md, which does not exist")
    moved = FileNotFoundError(errno.ENOENT, "No such file", str(tmp_path / "moved.md"))
    assert unreadable(moved).startswith("was removed or renamed while the site was read")
    denied = PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "y.md"))
    assert unreadable(denied).startswith("cannot be read: this build has no permission")
    for line in (unreadable(gone), unreadable(moved), unreadable(denied)):
        assert str(tmp_path) not in line and "Error" not in line
