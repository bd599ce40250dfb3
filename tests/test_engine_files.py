"""Writing a file that no reader sees half of (plugins/engine/files.py)."""

import errno
import logging
import os
import stat

import pytest

from plugins.engine.files import (
    Named,
    cannot_write,
    mount,
    named,
    replacing,
    write_atomically,
    written,
)


@pytest.mark.parametrize(("data", "expected"), [(b"\x00\x01", b"\x00\x01"), ("Ça", "Ça".encode())])
def test_write_atomically_writes_bytes_or_utf8_text(tmp_path, data, expected):
    path = tmp_path / "deeper" / "file.json"  # the folder is made
    write_atomically(path, data)
    assert path.read_bytes() == expected
    assert os.listdir(path.parent) == ["file.json"]


def test_a_failure_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "threads.json"
    path.write_text("old")
    with pytest.raises(RuntimeError), replacing(path, "w", encoding="utf-8") as out:
        out.write("half of the new")
        raise RuntimeError("the build stopped")
    assert path.read_text() == "old"
    assert os.listdir(tmp_path) == ["threads.json"]


def test_the_old_file_is_whole_until_the_new_one_is(tmp_path):
    path = tmp_path / "report.json"
    path.write_text("old")
    with replacing(path) as out:
        out.write(b"new")
        out.flush()
        assert path.read_text() == "old"
        (temporary,) = (p for p in tmp_path.iterdir() if p != path)
        assert temporary.name.startswith(".report.json.") and temporary.suffix == ".json"
    assert path.read_text() == "new"


def test_the_file_gets_the_umask_permissions_as_open_gives_them(tmp_path):
    # tempfile.mkstemp's owner-only mode would keep a served file from the web server
    old = os.umask(0o022)
    try:
        write_atomically(tmp_path / "a", b"x")
        with open(tmp_path / "b", "wb") as plain:
            plain.write(b"x")
    finally:
        os.umask(old)
    mode = stat.S_IMODE((tmp_path / "a").stat().st_mode)
    assert mode == stat.S_IMODE((tmp_path / "b").stat().st_mode) == 0o644


def test_a_link_is_replaced_not_written_through(tmp_path):
    source = tmp_path / "source.jpg"
    source.write_bytes(b"with GPS")
    link = tmp_path / "published.jpg"
    os.link(source, link)
    write_atomically(link, b"clean")
    assert source.read_bytes() == b"with GPS" and link.read_bytes() == b"clean"


# A full disk, a used-up quota, a read-only file system: write() and close() raise without a
# file's name, and the build's one line named the plugin line that wrote (probe 16, 7).


def test_a_full_disk_in_the_middle_of_a_write_names_the_file(tmp_path):
    path = tmp_path / "threads.json"
    path.write_text("old")
    # what write() raises on a full disk: no file name (the fault injected at our boundary)
    with pytest.raises(OSError) as raised, replacing(path) as out:
        out.write(b"half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert raised.value.filename == str(path)
    assert written(raised.value) == str(path)
    assert path.read_text() == "old" and os.listdir(tmp_path) == ["threads.json"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="Linux's /dev/full")
def test_a_file_of_another_writer_names_itself_when_close_finds_the_disk_full():
    # /dev/full: every write reaches the device on flush (at close) and gets ENOSPC
    with pytest.raises(OSError) as raised, Named(open("/dev/full", "w"), "/srv/out/x.html") as f:
        f.write("<p>a page</p>")
    assert raised.value.errno == errno.ENOSPC
    assert raised.value.filename == "/srv/out/x.html"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="Linux's /dev/full")
def test_a_write_that_fails_at_once_names_the_file_too():
    big = "x" * 100_000  # past the buffer: write() itself reaches the device
    with pytest.raises(OSError) as raised, Named(open("/dev/full", "w"), "/srv/out/y.html") as f:
        f.write(big)
    assert raised.value.filename == "/srv/out/y.html"


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "/srv/out/x.html"),
        (OSError(errno.EROFS, "Read-only file system", "/srv/out/x.html"), "/srv/out/x.html"),
        # shutil.copyfile: the copy's destination, not its source
        (OSError(errno.ENOSPC, "No space left on device", "/c/a.jpg", None, "/o/a.jpg"),
         "/o/a.jpg"),
        # permission refused to read a file is not a write the machine refused
        (OSError(errno.EACCES, "Permission denied", "/c/a.md"), None),
        (OSError(errno.ENOENT, "No such file or directory", "/c/a.md"), None),
        (ValueError("not an OSError"), None),
    ],
)  # fmt: skip
def test_which_errors_are_writes_the_machine_refused(error, expected):
    if isinstance(error, OSError) and error.filename is None:
        named(error, "/srv/out/x.html")
    assert written(error) == expected


def test_a_permission_refused_while_writing_is_one(tmp_path):
    error = named(OSError(errno.EACCES, "Permission denied"), tmp_path / "x")
    assert written(error) == str(tmp_path / "x")


def test_the_line_says_which_disk_is_full(tmp_path):
    disk = mount(str(tmp_path))
    assert os.path.ismount(disk) and str(tmp_path.resolve()).startswith(disk)
    full = OSError(errno.ENOSPC, "No space left on device")
    assert cannot_write(full, tmp_path / "not-yet" / "x.html") == (
        f"cannot write it: No space left on device (the disk of {disk} is full)"
    )
    quota = OSError(errno.EDQUOT, "Disk quota exceeded")
    assert cannot_write(quota, tmp_path / "x") == (
        f"cannot write it: Disk quota exceeded (the quota on {disk} is used up)"
    )
    read_only = OSError(errno.EROFS, "Read-only file system")
    assert cannot_write(read_only, tmp_path) == "cannot write in it: Read-only file system"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="Linux's /dev/full")
def test_a_cache_pelican_cannot_save_on_a_full_disk_is_one_line_naming_the_disk(
    build_site, caplog, tmp_path
):
    # probe 20, 1: "Could not save cache /abs/.output.cache/ArticlesGenerator-Readers\n ...
    # [Errno 28] No space left on device", two lines, once per generator
    cache = tmp_path / "cache-on-a-full-disk"
    cache.mkdir()
    for name in ("ArticlesGenerator-Readers", "PagesGenerator-Readers"):
        (cache / name).symlink_to("/dev/full")
    caplog.set_level(logging.WARNING)
    build_site(name="full-cache", CACHE_CONTENT=True, CACHE_PATH=str(cache))
    said = [r.getMessage() for r in caplog.records if r.name == "pelican.cache"]
    assert said == [
        f"{cache}/ArticlesGenerator-Readers: cannot write it: No space left on device (the "
        "disk of /dev is full); the next build reads every file again"
    ]
