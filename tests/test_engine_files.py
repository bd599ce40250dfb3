"""Writing a file that no reader sees half of (plugins/engine/files.py)."""

import os
import stat

import pytest

from plugins.engine.files import replacing, write_atomically


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
