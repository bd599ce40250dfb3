"""Pelican's reader caches kept per build inputs, so that sites sharing one CACHE_PATH keep
theirs (pure; no Pelican here).

Pelican keeps what its readers made of each post and page in ``CACHE_PATH`` under one name per
generator (``ArticlesGenerator-Readers``, ``PagesGenerator-Readers``), whatever the content
folder, settings or code. An incremental build's inputs (``signals._start_incremental``: code,
settings with the content folder, libraries) decide whether those entries may be used: a file
read with other settings or code may read differently. The files in ``CACHE_PATH`` are marked
with the inputs they were written under (``TAG``); a build with other inputs puts them aside
under that mark, and takes back the ones written under its own, if kept. A build of another
site (or with other settings) from the same checkout emptied the first site's cache: its next
rebuild read every post again (minutes of CPU at 2,000 posts). Without a mark (an older
build, a build that stopped while the files were moved), the files are removed.

The mark leaves out the text of the side files (team files, series files, gallery sidecars:
``side_files``), though a page's inputs include it: no reader reads one while reading a post
(each is read on its own, and Pelican's cache reads it again once edited), and a bio edited
in ``make serve`` read all 2,000 posts again. Their names stay in it.
"""

import contextlib
import os
import re
import shutil
from collections.abc import Callable, Iterable

# Pelican's names for its posts' and pages' reader caches in CACHE_PATH (Pelican 3.4 to 4.12:
# the generator's class name and "-Readers")
NAMES = ("ArticlesGenerator-Readers", "PagesGenerator-Readers")
# within CACHE_PATH: the inputs the files in CACHE_PATH were written under; the sets put aside
TAG = os.path.join("fastbuild", "readers-inputs")
ASIDE = os.path.join("fastbuild", "readers")
# sets kept aside besides the one in use (each is the site's posts as read: 16 MB at 2,000
# posts), the most recently put aside first
KEPT = 3
_INPUTS = re.compile(r"[0-9a-f]{8,128}")


def side_files(
    root: str,
    kinds: Iterable[tuple[str, str | None]],
    files: Iterable[str],
    readable: Callable[[str], bool],
) -> list[str]:
    """Those of ``files`` (absolute, normalised) that are side files of ``kinds`` (folder
    within the content folder ``root``, and None or a sidecar's name: ``side.read_ahead``):
    ``readable`` ones directly in the folder, or the sidecar in each of its subfolders."""
    direct, sidecars = set(), set()
    for folder, sidecar in kinds:
        where = os.path.normpath(os.path.join(root, folder))
        if sidecar is None:
            direct.add(where)
        else:
            sidecars.add((where, sidecar))
    found = []
    for path in files:
        parent = os.path.dirname(path)
        if (parent in direct and readable(path)) or (
            (os.path.dirname(parent), os.path.basename(path)) in sidecars
        ):
            found.append(path)
    return found


def marked(cache_path: str) -> str:
    """The inputs the reader caches in ``cache_path`` were written under ("": unknown)."""
    try:
        with open(os.path.join(cache_path, TAG), encoding="utf-8") as handle:
            found = handle.read().strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return found if _INPUTS.fullmatch(found) else ""


def forget(cache_path: str) -> None:
    """Unmark the reader caches in ``cache_path`` (a build writing them without an inputs
    digest, or about to move them): the next incremental build removes them."""
    with contextlib.suppress(FileNotFoundError):
        os.remove(os.path.join(cache_path, TAG))


def take(cache_path: str, inputs: str, names: Iterable[str] = NAMES, kept: int = KEPT) -> bool:
    """Make the reader caches in ``cache_path`` those written under ``inputs`` (or none):
    those there now go aside under their own mark (removed if unmarked), the ones kept aside
    under ``inputs`` come back. True if they came back or were there already."""
    names = tuple(names)
    current = marked(cache_path)
    if current == inputs:
        return True
    try:
        forget(cache_path)  # from here until the new mark, what the files hold is unknown
        back = _swap(cache_path, current, inputs, names)
    except OSError:
        # unmarked files must not be read by this build: Pelican loads what is there
        for name in names:
            with contextlib.suppress(OSError):
                os.remove(os.path.join(cache_path, name))
        raise
    _prune(os.path.join(cache_path, ASIDE), kept)
    os.makedirs(os.path.dirname(os.path.join(cache_path, TAG)), exist_ok=True)
    mark = os.path.join(cache_path, TAG + ".new")
    with open(mark, "w", encoding="utf-8") as handle:
        handle.write(inputs + "\n")
    os.replace(mark, os.path.join(cache_path, TAG))
    return back


def _swap(cache_path: str, current: str, inputs: str, names: tuple[str, ...]) -> bool:
    """Put the files aside under ``current`` (removed if ""), bring back those of ``inputs``;
    True if there were some."""
    aside = os.path.join(cache_path, ASIDE)
    if current:
        _move(cache_path, os.path.join(aside, current), names)
    else:
        for name in names:
            with contextlib.suppress(FileNotFoundError):
                os.remove(os.path.join(cache_path, name))
    own = os.path.join(aside, inputs)
    if not os.path.isdir(own):
        return False
    _move(own, cache_path, names)
    shutil.rmtree(own, ignore_errors=True)
    return True


def _move(source: str, target: str, names: tuple[str, ...]) -> None:
    """Move the files ``names`` from one folder to another, replacing what is there; a
    target's file that the source lacks is removed (it belongs to other inputs)."""
    os.makedirs(target, exist_ok=True)
    for name in names:
        try:
            os.replace(os.path.join(source, name), os.path.join(target, name))
        except FileNotFoundError:
            with contextlib.suppress(FileNotFoundError):
                os.remove(os.path.join(target, name))
    with contextlib.suppress(OSError):
        os.utime(target)  # the most recently put aside is kept longest


def _prune(aside: str, kept: int) -> None:
    """Keep the ``kept`` sets put aside most recently."""
    try:
        folders = [entry for entry in os.scandir(aside) if entry.is_dir()]
    except OSError:
        return
    folders.sort(key=lambda entry: entry.stat().st_mtime_ns, reverse=True)
    for entry in folders[kept:]:
        shutil.rmtree(entry.path, ignore_errors=True)
