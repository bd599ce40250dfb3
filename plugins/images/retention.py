"""Keeping the image cache to what builds use: files no build has used for a while go.

The cache holds every rendition and clean copy ever made, under names that change with the
photo, the settings and the pipeline's code. Without pruning it only grows: locally, and in
the publish workflow, which saves it after every run (GitHub evicts a repository's caches
once they pass 10 GB, and an evicted cache means a publish that encodes every photo again).

A build marks the files it used (``mark_used``: their modification time moves to now, at most
once a day per file, so a build writes little); ``prune`` deletes the files nobody marked in
``keep_days`` and the folders left empty. It runs at most once a day (``due``): it lists the
whole cache. Pure logic: no Pelican here.
"""

import contextlib
import os
import re
import time
from collections.abc import Iterable
from pathlib import Path

DAY = 86400.0
STAMP = "pruned"  # the cache's file whose modification time says when it was last pruned
# <cache>/<sha[:2]>/<sha>/<file>, the layout pipeline.entry_dir makes: only folders named so
# are looked into, whatever else a cache folder set to a shared place may hold
_SHARD = re.compile(r"[0-9a-f]{2}")
_ENTRY = re.compile(r"[0-9a-f]{64}")


def mark_used(paths: Iterable[Path], now: float | None = None) -> int:
    """Set the modification time of each cache file to now, unless it was set in the last
    day; how many were written. A file that has gone is left alone."""
    now = time.time() if now is None else now
    marked = 0
    for path in set(paths):
        try:
            if now - os.stat(path).st_mtime < DAY:
                continue
            os.utime(path, (now, now))
        except OSError:
            continue
        marked += 1
    return marked


def due(cache_dir: Path, now: float | None = None) -> bool:
    """Whether the cache was last pruned a day ago or more (or never)."""
    now = time.time() if now is None else now
    try:
        return now - os.stat(Path(cache_dir) / STAMP).st_mtime >= DAY
    except OSError:
        return True


def prune(cache_dir: Path, keep_days: float, now: float | None = None) -> tuple[int, int]:
    """Delete the source folders' files unused for ``keep_days``, then the folders left
    empty; (files, bytes) deleted. Files directly in the cache folder (the digest store, the
    stamp) are not renditions and stay."""
    now = time.time() if now is None else now
    cache_dir = Path(cache_dir)
    oldest = now - keep_days * DAY
    files = size = 0
    for shard in _folders(cache_dir, _SHARD):
        for entry in _folders(shard, _ENTRY):
            if not entry.name.startswith(shard.name):
                continue
            for item in _files(entry):
                try:
                    info = item.stat()
                    if info.st_mtime >= oldest:
                        continue
                    os.unlink(item.path)
                except OSError:
                    continue
                files += 1
                size += info.st_size
            with contextlib.suppress(OSError):  # not empty: still in use
                os.rmdir(entry)
        with contextlib.suppress(OSError):
            os.rmdir(shard)
    with contextlib.suppress(OSError):
        cache_dir.mkdir(parents=True, exist_ok=True)
        (cache_dir / STAMP).touch()
        os.utime(cache_dir / STAMP, (now, now))
    return files, size


def _folders(folder: Path, name: re.Pattern) -> list[Path]:
    try:
        with os.scandir(folder) as found:
            return [
                Path(e.path)
                for e in found
                if name.fullmatch(e.name) and e.is_dir(follow_symlinks=False)
            ]
    except OSError:
        return []


def _files(folder: Path) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as found:
            return [e for e in found if e.is_file(follow_symlinks=False)]
    except OSError:
        return []
