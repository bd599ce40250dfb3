"""Static files and gallery photos that cannot be published under their name or read (a name
that is not UTF-8, a link to nothing, a file or folder the build may not read): one line each,
left out, a publish stopped; nothing published under a garbled name."""

import errno
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from plugins.images import sources
from tests.conftest import FIXTURES, ROOT
from tests.test_images_pipeline import GPS, photo
from tests.test_unreadable_files import build

NO_PERMISSION = (
    "cannot be read: this build has no permission to read it; make it readable (chmod a+r) "
    "or move it out of the content folder"
)
FOLDER_NO_PERMISSION = (
    "this build has no permission to open this folder, so nothing in it is published; make it "
    "readable (chmod a+rX) or move it out of the content folder"
)


def not_utf8(byte: int, before: str, whose: str = "its name") -> str:
    where = f"after {before!r}" if before else "at its start"
    return (
        f"{whose} is not UTF-8 (byte 0x{byte:02x} {where}, as a zip made on an old system or a "
        "USB stick may leave it): rename it; it is left out until then"
    )


def at(folder: Path, name: bytes) -> bytes:
    """The path of a file with a name of raw bytes (as an old zip leaves it) in a folder."""
    return os.fsencode(folder) + b"/" + name


def site(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    return content


def lines(caplog) -> list[str]:
    assert not any(r.exc_info for r in caplog.records)
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


def names_are_utf8(output: Path) -> None:
    """Every published name is UTF-8 text (nothing as caf?.png or a stand-in for a byte)."""
    for folder, dirs, names in os.walk(os.fsencode(output)):
        for name in [*dirs, *names]:
            text = name.decode("utf-8")  # raises on a byte that is not UTF-8
            assert "\ufffd" not in text and "?" not in text, (folder, name)


# --- the lines, from what the file system gives --------------------------------------------


@pytest.mark.parametrize(
    ("relpath", "expected"),
    [
        (b"images/caf\xe9.png", not_utf8(0xE9, "caf")),
        (b"extra/\xfcber.txt", not_utf8(0xFC, "")),
        (b"images/fot\xf6s/a.png", not_utf8(0xF6, "fot", "the name of its folder")),
        (b"images/caf\xc3\xa9.png", None),  # UTF-8: published
        (b"images/missing.png", None),  # nothing there: the link check names the post
    ],
)
def test_a_name_is_judged_as_posts_are(tmp_path, relpath, expected):
    assert sources.problem(str(tmp_path), os.fsdecode(relpath)) == expected


def test_a_link_to_nothing_and_a_loop(tmp_path):
    (tmp_path / "gone.png").symlink_to("/nonexistent/gone.png")
    (tmp_path / "loop.png").symlink_to("loop.png")
    (tmp_path / "fine.png").write_bytes(b"x")
    assert sources.problem(str(tmp_path), "gone.png") == (
        "is a link to /nonexistent/gone.png, which does not exist; remove the link or restore "
        "the file"
    )
    assert sources.problem(str(tmp_path), "loop.png").startswith(
        "is a link to loop.png that leads back to itself"
    )
    assert sources.problem(str(tmp_path), "fine.png") is None


def test_a_folder_the_build_may_not_open(tmp_path):
    refused = PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(tmp_path))
    assert isinstance(refused, PermissionError)
    assert sources.folder_line("content/posts/2019", refused) == (
        f"content/posts/2019/: {FOLDER_NO_PERMISSION}"
    )


def as_another_user(command: list[str]) -> list[str]:
    """The command run without root's right to read any file (setpriv drops it), so a file or
    folder without read permission refuses it as it refuses another user; as is, for a user."""
    if os.geteuid() != 0:
        return command
    setpriv = shutil.which("setpriv")
    if not setpriv:
        pytest.skip("root reads any file, and setpriv (util-linux) is not here to stop it")
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search", *command]


def test_folders_that_cannot_be_listed_are_found(tmp_path):
    locked = tmp_path / "posts" / "2019"
    locked.mkdir(parents=True)
    (tmp_path / ".git").mkdir(mode=0)  # IGNORE_FILES: not looked into
    locked.chmod(0)
    walk = (
        "import sys; from plugins.images import sources; "
        "failed = sources.unlisted_folders(sys.argv[1], ['.*']); "
        "print([(type(e).__name__, e.filename) for e in failed])"
    )
    try:
        done = subprocess.run(
            as_another_user([sys.executable, "-c", walk, str(tmp_path)]),
            capture_output=True,
            text=True,
            timeout=60,
            cwd=ROOT,
        )
    finally:
        locked.chmod(0o755)
    assert done.stdout.strip() == repr([("PermissionError", str(locked))]), done.stderr


# --- real builds ---------------------------------------------------------------------------


def test_static_files_named_in_latin1_or_linked_to_nothing_are_left_out(tmp_path, caplog):
    def make(content: Path) -> None:
        Image.new("RGB", (40, 30), "teal").save(at(content / "images", b"caf\xe9.png"), "PNG")
        Path(os.fsdecode(at(content / "extra", b"men\xfc.txt"))).write_text("Lunch", "utf-8")
        (content / "images" / "gone.png").symlink_to("/nonexistent/gone.png")
        (content / "extra" / "plans").symlink_to("/nonexistent/plans")  # a folder, gone

    caplog.set_level(logging.WARNING)
    output = build(tmp_path, make).output
    assert sorted(lines(caplog)) == [
        "content/extra/men\\xfc.txt: " + not_utf8(0xFC, "men"),
        "content/extra/plans: is a link to /nonexistent/plans, which does not exist; remove "
        "the link or restore the file",
        "content/images/caf\\xe9.png: " + not_utf8(0xE9, "caf"),
        "content/images/gone.png: is a link to /nonexistent/gone.png, which does not exist; "
        "remove the link or restore the file",
    ]
    names_are_utf8(output)
    assert sorted(p.name for p in (output / "images").iterdir()) == ["lamp.svg", "social-card.png"]
    assert not (output / "extra").exists()  # favicon.svg goes to the root (EXTRA_PATH_METADATA)


def test_a_static_file_named_in_latin1_stops_a_publish(tmp_path, caplog):
    def make(content: Path) -> None:
        Image.new("RGB", (40, 30), "teal").save(at(content / "images", b"caf\xe9.png"), "PNG")

    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit) as stop:
        build(tmp_path, make, publish=True)
    assert stop.value.code == 1
    assert "content/images/caf\\xe9.png: " + not_utf8(0xE9, "caf") in lines(caplog)


def test_gallery_photos_named_in_latin1_or_linked_to_nothing_are_left_out(tmp_path, caplog):
    def make(content: Path) -> None:
        harbour = content / "galleries" / "harbour"
        photo(harbour / "quay.jpg")  # with a GPS position, as a phone writes it
        (harbour / "gallery.md").write_text(
            "Title: Harbour\nDate: 2024-03-01\nPhoto: quay.jpg | The quay | Boats at the quay\n",
            "utf-8",
        )
        photo(Path(os.fsdecode(at(harbour, b"caf\xe9.jpg"))))
        (harbour / "gone.jpg").symlink_to("/nonexistent/gone.jpg")
        os.mkdir(at(content / "galleries", b"\xe9t\xe9"))  # a whole gallery from an old zip
        photo(Path(os.fsdecode(at(content / "galleries", b"\xe9t\xe9/beach.jpg"))))

    caplog.set_level(logging.WARNING)
    output = build(tmp_path, make).output
    assert sorted(lines(caplog)) == [
        "content/galleries/\\xe9t\\xe9/: " + not_utf8(0xE9, ""),
        "content/galleries/harbour/caf\\xe9.jpg: " + not_utf8(0xE9, "caf"),
        "content/galleries/harbour/gone.jpg: is a link to /nonexistent/gone.jpg, which does not "
        "exist; remove the link or restore the file",
    ]
    names_are_utf8(output)
    page = BeautifulSoup(
        (output / "galleries/harbour/index.html").read_text("utf-8"), "html.parser"
    )
    assert [img["alt"] for img in page.select(".gallery img")] == ["Boats at the quay"]
    published = [p for p in output.rglob("*.jpg") if "quay" in p.name]
    assert published
    for path in published:  # the photo shown lost its position
        with Image.open(path) as image:
            assert not image.getexif().get_ifd(GPS)


@pytest.mark.parametrize("how", ["publish", "serve"])
def test_folders_and_files_the_build_may_not_read_are_named(tmp_path, how):
    """A real build without the right to read them: root reads anything, so under root the
    build runs without the capabilities that let it (setpriv), as another user would. A
    publish stops; make serve's incremental build (which digests the content) goes on."""
    content = site(tmp_path)
    locked_posts = content / "posts" / "2019"
    locked_posts.mkdir()
    shutil.copy(content / "posts" / "first-light.md", locked_posts / "old.md")
    (content / "extra" / "plan.txt").write_text("Plan", "utf-8")
    (content / "galleries" / "office").mkdir(parents=True)
    photo(content / "galleries" / "office" / "desk.jpg")
    output = tmp_path / "output"
    command = as_another_user([sys.executable, "-c", BUILD, str(content), str(output), how])
    for path in (locked_posts, content / "extra" / "plan.txt", content / "galleries" / "office"):
        path.chmod(0)
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=ROOT)
    finally:
        for path in (locked_posts, content / "galleries" / "office"):
            path.chmod(0o755)
        (content / "extra" / "plan.txt").chmod(0o644)
    errors = [line for line in done.stderr.splitlines() if line.startswith("ERROR ")]
    assert "Traceback" not in done.stderr
    assert sorted(errors) == [
        f"ERROR content/extra/plan.txt: {NO_PERMISSION}",
        f"ERROR content/galleries/office/: {FOLDER_NO_PERMISSION}",
        f"ERROR content/posts/2019/: {FOLDER_NO_PERMISSION}",
    ], done.stderr
    assert done.returncode == (1 if how == "publish" else 0), done.stderr
    if how == "serve":
        assert (output / "posts" / "garden-party" / "index.html").is_file()
        assert not (output / "extra" / "plan.txt").exists()


BUILD = """
import logging, sys
from pathlib import Path
logging.basicConfig(format="%(levelname)s %(message)s", level=logging.WARNING)
from tests.conftest import DEV_CONF, PUBLISH_CONF, TEST_SITEURL, run_pelican
publish = sys.argv[3] == "publish"
run_pelican(PUBLISH_CONF if publish else DEV_CONF, Path(sys.argv[1]), Path(sys.argv[2]),
            SITEURL=TEST_SITEURL, FEED_DOMAIN=TEST_SITEURL, BLOGCORE_DEFAULT_IMAGE="",
            FASTBUILD_INCREMENTAL=not publish)
"""
