"""fastbuild's reader caches kept per build inputs (readercache.py), on folders in tmp_path."""

import time
from pathlib import Path

import pytest

from plugins.fastbuild import readercache

A, B, C = "a" * 32, "b" * 32, "c" * 32
NAMES = ("ArticlesGenerator-Readers", "PagesGenerator-Readers")


def _cache(folder: Path, mark: str | None, text: str, names=NAMES) -> None:
    """Reader caches holding ``text``, marked with ``mark`` (None: no mark)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(text, encoding="utf-8")
    if mark is not None:
        (folder / readercache.TAG).parent.mkdir(exist_ok=True)
        (folder / readercache.TAG).write_text(mark + "\n", encoding="utf-8")


def _held(folder: Path) -> dict[str, str]:
    return {n: (folder / n).read_text(encoding="utf-8") for n in NAMES if (folder / n).exists()}


# (what, the mark in CACHE_PATH, sets put aside before, this build's inputs,
#  what CACHE_PATH holds after, the sets aside after, taken back)
CASES = [
    ("same inputs: left as they are", A, {}, A, "a's", {}, True),
    ("no mark (an older build): removed", None, {}, A, None, {}, False),
    ("a mark that is no digest: removed", "../x", {}, A, None, {}, False),
    ("other inputs: put aside, none kept for these", B, {}, A, None, {B: "b's"}, False),
    ("other inputs: put aside, these taken back", B, {A: "a-kept"}, A, "a-kept", {B: "b's"}, True),
    ("a set kept under the other inputs is replaced", B, {B: "old"}, A, None, {B: "b's"}, False),
]


@pytest.mark.parametrize(("what", "mark", "aside", "inputs", "after", "kept", "back"), CASES)
def test_take(tmp_path: Path, what, mark, aside, inputs, after, kept, back):
    held = {A: "a's", B: "b's", None: "unmarked", "../x": "unmarked"}[mark]
    _cache(tmp_path, mark, held)
    for digest_, text in aside.items():
        _cache(tmp_path / readercache.ASIDE / digest_, None, text)
    assert readercache.take(str(tmp_path), inputs) is back, what
    assert _held(tmp_path) == ({n: after for n in NAMES} if after else {}), what
    assert readercache.marked(str(tmp_path)) == inputs
    found = {
        folder.name: _held(folder)[NAMES[0]]
        for folder in (tmp_path / readercache.ASIDE).glob("*")
        if folder.is_dir()
    }
    assert found == kept, what


def test_a_set_without_the_pages_cache_takes_none_of_another(tmp_path: Path):
    """The pages' cache of other inputs is not left beside this build's posts' cache."""
    _cache(tmp_path, B, "b's")
    _cache(tmp_path / readercache.ASIDE / A, None, "a-kept", names=NAMES[:1])
    assert readercache.take(str(tmp_path), A)
    assert _held(tmp_path) == {NAMES[0]: "a-kept"}


def test_only_the_most_recent_sets_are_kept_aside(tmp_path: Path):
    marks = [A, B, C, "d" * 32, "e" * 32]
    for number, mark in enumerate(marks):
        readercache.take(str(tmp_path), mark)
        _cache(tmp_path, mark, f"set {number}")
        time.sleep(0.05)  # file times come from a coarse clock: one tick apart at least
    aside = sorted(p.name for p in (tmp_path / readercache.ASIDE).iterdir())
    assert aside == sorted(marks[-1 - readercache.KEPT : -1])


def test_a_build_writing_the_caches_without_a_digest_unmarks_them(tmp_path: Path):
    _cache(tmp_path, A, "a's")
    readercache.forget(str(tmp_path))
    assert readercache.marked(str(tmp_path)) == ""
    assert not readercache.take(str(tmp_path), A)
    assert _held(tmp_path) == {}


KINDS = [("team", None), ("series", None), ("galleries", "gallery.md")]
# (what, a file of the content folder /c, whether it is a side file)
SIDE_CASES = [
    ("a team file", "/c/team/ada.md", True),
    ("a series file", "/c/series/s.md", True),
    ("a gallery's sidecar", "/c/galleries/party/gallery.md", True),
    ("a team photo: a post may show it, its size read", "/c/team/ada.jpg", False),
    ("a file in a team subfolder", "/c/team/old/ada.md", False),
    ("a gallery's photo", "/c/galleries/party/a.jpg", False),
    ("a sidecar's name directly in the galleries folder", "/c/galleries/gallery.md", False),
    ("another file of that name deeper", "/c/galleries/party/x/gallery.md", False),
    ("a file beside the team folder", "/c/team.md", False),
    ("an include file elsewhere", "/c/code/team/ada.md", False),
]


@pytest.mark.parametrize(("what", "path", "side"), SIDE_CASES, ids=[c[0] for c in SIDE_CASES])
def test_side_files(what, path, side):
    found = readercache.side_files("/c", KINDS, [path], lambda p: p.endswith(".md"))
    assert found == ([path] if side else [])
