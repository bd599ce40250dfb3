"""What the last incremental build wrote, and from which inputs (pure; no Pelican here)."""

import contextlib
import fnmatch
import os
import pickle
from collections.abc import Iterable
from dataclasses import dataclass, field

from plugins.engine import files

VERSION = 6


@dataclass
class Entry:
    """One write_file call: its key, the post bodies it read, the files it wrote, and the
    posts it linked to."""

    key: str
    reads: dict[str, str]  # source path -> body digest at the time
    outputs: tuple[str, ...]  # paths relative to the output folder
    # source path -> digest of its linked attributes at the time (FASTBUILD_LINKED_ATTRIBUTES)
    linked: dict[str, str] = field(default_factory=dict)


@dataclass
class Manifest:
    """The entries of one build, with the digest of everything every page depends on."""

    inputs: str = ""
    entries: dict[str, Entry] = field(default_factory=dict)
    # content file -> (modification time, change time, size, inode), in nanoseconds
    stamps: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)
    # the files written into the output folder not by Pelican's writer, relative to it:
    # Pelican's static copies, and the files plugins name (phases.files_written: redirect
    # pages, renditions)
    static: set[str] = field(default_factory=set)
    files: set[str] = field(default_factory=set)
    # the folders plugins write whole, their files unnamed (phases.files_written's
    # ``folders``: the search index, which Pagefind may write after the build has ended)
    folders: set[str] = field(default_factory=set)
    # the posts' and pages' files the readers refused (a mistake in the front matter)
    refused: set[str] = field(default_factory=set)


def refused_again(previous: Manifest, inputs: str, stamps: dict[str, tuple]) -> frozenset[str]:
    """The files the last build's readers refused that are as they were then (the same
    stamp) and would be read with the same inputs (settings, code, libraries): a read ahead
    in a worker would fail again, and the build's own process reads them anyway, to say why.
    """
    if previous.inputs != inputs:
        return frozenset()
    return frozenset(
        path
        for path in previous.refused
        if (now := stamps.get(path)) is not None and now == previous.stamps.get(path)
    )


def load(path: str) -> Manifest:
    """The record on disk: the last finished build's, or ``unfinished`` for a build that
    stopped since. Unreadable or of another version: an empty one (no inputs)."""
    try:
        with open(path, "rb") as handle:
            data = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        return Manifest()
    if not isinstance(data, tuple) or len(data) != 2 or data[0] != VERSION:
        return Manifest()
    return data[1]


def _marker(path: str) -> str:
    return path + ".under-way"


def begin(path: str) -> None:
    """Mark a build under way: until it saves a record (its own, or ``unfinished`` if it
    stops), the one on disk may not describe the output folder."""
    files.write_atomically(_marker(path), "")


def under_way(path: str) -> bool:
    """Did a build begin after the record on disk was saved, and never save one (killed
    before it could say what it wrote)?"""
    return os.path.exists(_marker(path))


def save(path: str, manifest: Manifest) -> None:
    """Write the manifest atomically; no build is under way any more."""
    with files.replacing(path) as handle:
        pickle.dump((VERSION, manifest), handle, protocol=pickle.HIGHEST_PROTOCOL)
    with contextlib.suppress(OSError):
        os.remove(_marker(path))


def reusable(
    entry: Entry | None,
    key: str,
    bodies: dict[str, str],
    output: str,
    links: dict[str, str] | None = None,
) -> bool:
    """May the files of a previous write_file call stand as they are?"""
    if entry is None or entry.key != key:
        return False
    if any(bodies.get(source) != digest for source, digest in entry.reads.items()):
        return False
    links = links or {}
    if any(links.get(source) != digest for source, digest in entry.linked.items()):
        return False
    return all(os.path.isfile(os.path.join(output, name)) for name in entry.outputs)


def stamp(path: str) -> tuple[int, int, int, int] | None:
    """A file's modification and change times, size and inode (None: it cannot be read)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_ctime_ns, info.st_size, info.st_ino)


def replaced(before: dict[str, tuple], now: dict[str, tuple]) -> frozenset[str]:
    """Files changed since the last build although their modification time is the same.

    A copy that keeps the old file's time (``cp -p``, ``rsync -a``, an unzip) or an edit
    whose time was put back: Pelican's reader cache compares modification times only, so it
    would hand back what it read before. No copy can set the change time, and a replaced
    file has another inode (or size).
    """
    return frozenset(
        path
        for path, new in now.items()
        if (old := before.get(path)) is not None and old != new and old[0] == new[0]
    )


def pages(manifest: Manifest) -> set[str]:
    """The files its writer wrote (pages and feeds)."""
    return {name for entry in manifest.entries.values() for name in entry.outputs}


def outputs(manifest: Manifest) -> set[str]:
    """Every file it knows of in the output folder: pages, feeds, static copies, others."""
    return pages(manifest) | manifest.static | manifest.files


def stale_written(previous: Manifest, current: Manifest) -> set[str]:
    """Pages, feeds and static copies the last build wrote that this one does not (a post
    deleted or renamed, an image deleted), known once Pelican's writer is done: removed
    before the plugins write their own files (one that writes a file only where there is none,
    blogcore's favicon, must not find a stale one).

    With them, a file a plugin wrote last time where a static file goes now (the site's own
    favicon or ``_headers`` added): Pelican copies a static file only over an older one, and
    the plugin's is newer than a file copied in with its date kept.
    """
    taken = (previous.files & current.static) - current.files
    return ((pages(previous) | previous.static) - outputs(current)) | taken


def stale_folders(previous: Manifest, current: Manifest) -> set[str]:
    """Folders a plugin wrote whole in the last build that no plugin names in this one (search
    taken out of PLUGINS, its SEARCH_OUTPUT_DIR renamed)."""
    return previous.folders - current.folders


def theme_copies(
    theme: str, paths: Iterable[str], static_dir: str, ignores: Iterable[str]
) -> set[str]:
    """The files Pelican copies from the theme (``THEME_STATIC_PATHS`` into
    ``THEME_STATIC_DIR``), relative to the output folder, as its ``copy`` walks them: a file
    into the folder by its name, a folder's content into it, links followed, names matching
    ``IGNORE_FILES`` left out."""
    ignores = list(ignores)

    def ignored(name: str) -> bool:
        return any(fnmatch.fnmatch(name, pattern) for pattern in ignores)

    found = set()
    for path in paths:
        source = os.path.abspath(os.path.join(theme, path))
        if ignored(os.path.basename(os.path.join(theme, path))):
            continue
        if os.path.isfile(source):
            found.add(os.path.normpath(os.path.join(static_dir, os.path.basename(path))))
            continue
        for folder, subfolders, names in os.walk(source, followlinks=True):
            subfolders[:] = [name for name in subfolders if not ignored(name)]
            inside = os.path.relpath(folder, source)
            for name in names:
                if not ignored(name):
                    found.add(os.path.normpath(os.path.join(static_dir, inside, name)))
    return found


def stale(previous: Manifest, current: Manifest) -> set[str]:
    """Files the last build wrote that this one did not, once every file is written (a post
    deleted or renamed, a Redirect_from taken out, a photo deleted)."""
    return outputs(previous) - outputs(current)


def unfinished(previous: Manifest, current: Manifest) -> Manifest:
    """The record of a build that stopped (an error, Ctrl-C): no page in it may be kept as it is
    (the stopped build may have rewritten it), but every file the last good build or this one
    wrote is still one the next finished build removes if it no longer writes it (a post
    drafted or deleted while the theme was broken).

    It keeps the last good build's stamps (a file replaced since then is read again) and
    this build's inputs (what Pelican's reader cache holds now was read with them).
    """
    entries = {name: Entry("", {}, entry.outputs) for name, entry in previous.entries.items()}
    for name, entry in current.entries.items():
        before = entries.get(name)
        joined = set(entry.outputs) | set(before.outputs if before else ())
        entries[name] = Entry("", {}, tuple(sorted(joined)))
    return Manifest(
        current.inputs,
        entries,
        dict(previous.stamps),
        previous.static | current.static,
        previous.files | current.files,
        previous.folders | current.folders,
    )
