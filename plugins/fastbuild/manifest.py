"""What the last incremental build wrote, and from which inputs (pure; no Pelican here)."""

import os
import pickle
from dataclasses import dataclass, field

from plugins.engine import files

VERSION = 2


@dataclass
class Entry:
    """One write_file call: its key, the post bodies it read, and the files it wrote."""

    key: str
    reads: dict[str, str]  # source path -> body digest at the time
    outputs: tuple[str, ...]  # paths relative to the output folder


@dataclass
class Manifest:
    """The entries of one build, with the digest of everything every page depends on."""

    inputs: str = ""
    entries: dict[str, Entry] = field(default_factory=dict)
    # content file -> (modification time, change time, size, inode), in nanoseconds
    stamps: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)


def load(path: str) -> Manifest:
    """The last build's manifest, removed from disk: a build that dies leaves none behind."""
    try:
        with open(path, "rb") as handle:
            data = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        return Manifest()
    finally:
        if os.path.exists(path):
            os.remove(path)
    if not isinstance(data, tuple) or len(data) != 2 or data[0] != VERSION:
        return Manifest()
    return data[1]


def save(path: str, manifest: Manifest) -> None:
    """Write the manifest atomically."""
    with files.replacing(path) as handle:
        pickle.dump((VERSION, manifest), handle, protocol=pickle.HIGHEST_PROTOCOL)


def reusable(entry: Entry | None, key: str, bodies: dict[str, str], output: str) -> bool:
    """May the files of a previous write_file call stand as they are?"""
    if entry is None or entry.key != key:
        return False
    if any(bodies.get(source) != digest for source, digest in entry.reads.items()):
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


def stale(previous: Manifest, current: Manifest) -> set[str]:
    """Files the last build wrote that this one did not (a post deleted or renamed)."""
    before = {name for entry in previous.entries.values() for name in entry.outputs}
    now = {name for entry in current.entries.values() for name in entry.outputs}
    return before - now
