"""Writing a file so that no one ever reads half of it: one way for every plugin.

The dev server serves the problems report while a build writes it, Isso's server reads the
threads list, two builds (``make serve`` and ``make build``) may share the image cache, the
catalogs and fastbuild's manifest. A file written in place can be read half-written, and a
build that fails mid-write leaves it so. Here the data goes to a temporary file of a unique
name in the same folder, which replaces the file in one rename once complete; on any failure
the temporary file is removed and the old file stays as it was. Pure: no Pelican import.

A full disk, a used-up quota, a read-only file system: write() and close() raise without a
file name (``OSError: [Errno 28] No space left on device``), so the line said where in our
code the write was, not what could not be written. Every write here (and ``writing`` around
the writes of others: Pelican's pages, webassets' bundles) puts the path on the error, and
``cannot_write`` says it with the disk that is full.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

# errors of writing that are the machine's (a full disk, a quota, a read-only file system,
# a folder the build may not write), not the build's
CANNOT_WRITE = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM})
# those that can only come from writing (a read refused is EACCES too)
ONLY_WRITING = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS})
_WRITTEN = "file_written"  # the attribute that marks an error met writing this file


def named(error: OSError, path: str | os.PathLike) -> OSError:
    """The error, with ``path`` as the file it could not write when it names none."""
    if error.errno in CANNOT_WRITE and not error.filename:
        error.filename = os.fspath(path)
        setattr(error, _WRITTEN, True)  # kept when it is pickled back from a worker
    return error


def written(error: BaseException) -> str | None:
    """The file a build could not write, when ``error`` is the machine's refusal to write it."""
    if not isinstance(error, OSError) or error.errno not in CANNOT_WRITE:
        return None
    if error.errno not in ONLY_WRITING and not getattr(error, _WRITTEN, False):
        return None
    where = error.filename2 or error.filename  # a copy's destination, not its source
    return os.fspath(where) if where else None


@contextlib.contextmanager
def writing(path: str | os.PathLike) -> Iterator[None]:
    """Around a write of ``path`` by code that does not name it when the disk is full."""
    try:
        yield
    except OSError as exc:
        named(exc, path)
        raise


class Named:
    """A file object's ``with`` block whose write and close errors name ``path``."""

    def __init__(self, handle: IO, path: str | os.PathLike) -> None:
        self.handle, self.path = handle, path

    def __enter__(self) -> IO:
        return self.handle.__enter__()

    def __exit__(self, kind, error, trace) -> bool | None:
        if isinstance(error, OSError):
            named(error, self.path)  # raised by write(): it goes on, with the path
        with writing(self.path):
            return self.handle.__exit__(kind, error, trace)  # close() flushes: it may raise


def mount(path: str) -> str:
    """The mount point of the file system ``path`` is on (of its nearest existing folder)."""
    folder = os.path.abspath(path)
    while not os.path.exists(folder) and os.path.dirname(folder) != folder:
        folder = os.path.dirname(folder)
    folder = os.path.realpath(folder)  # .cache may be a link to another disk
    while not os.path.ismount(folder):
        folder = os.path.dirname(folder)
    return folder


def cannot_write(error: OSError, path: str | os.PathLike) -> str:
    """What the line says after the file's name: the system's reason, and for a full disk or
    a used-up quota, which disk (the output's or the cache's, if they are apart)."""
    it = "in it" if os.path.isdir(path) else "it"  # a folder: its files
    why = f"cannot write {it}: {error.strerror or error}"
    if error.errno == errno.ENOSPC:
        return f"{why} (the disk of {mount(os.fspath(path))} is full)"
    if error.errno == errno.EDQUOT:
        return f"{why} (the quota on {mount(os.fspath(path))} is used up)"
    return why


# Pelican's line for a cache it could not save (pelican/cache.py: the path, the error)
CACHE_NOT_SAVED = "Could not save cache %s\n ... %s"


class CacheNotSaved(logging.Filter):
    """Pelican's two-line "Could not save cache /abs/path/ArticlesGenerator-Readers\n ...
    [Errno 28] No space left on device" (one per generator) becomes one line naming the cache
    file, the reason and the disk, as a file of the site that could not be written is named;
    the others that fail the same way on the same disk are folded into it. One per build: it
    holds what it has said."""

    def __init__(self) -> None:
        super().__init__()
        self.said: set[tuple[int | None, str]] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if record.msg != CACHE_NOT_SAVED or not isinstance(args, tuple) or len(args) != 2:
            return True
        path, error = args
        if not isinstance(error, OSError) or error.errno not in CANNOT_WRITE:
            return True  # a cache that does not pickle: Pelican's line says what
        disk = (error.errno, mount(os.fspath(path)))
        if disk in self.said:
            return False
        self.said.add(disk)
        where = os.path.abspath(path)
        if where.startswith(os.getcwd() + os.sep):
            where = os.path.relpath(where)
        record.msg = "%s: %s; the next build reads every file again"
        record.args = (where, cannot_write(error, path))
        return True


@contextlib.contextmanager
def replacing(path: str | os.PathLike, mode: str = "wb", **open_args: Any) -> Iterator[IO]:
    """A file open for writing (``mode`` "wb" or "w"); on leaving, it replaces ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # a dot name (hidden from listings and Pelican), unique to this writer, with the target's
    # suffix (Pillow's format); made with the umask's permissions as open() would, not the
    # owner-only ones of tempfile.mkstemp: the file may be served (threads.json, the site)
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}{path.suffix}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as exc:  # the file to write, not the temporary name no one knows
        exc.filename = None
        named(exc, path)
        raise
    try:
        with writing(path), os.fdopen(fd, mode, **open_args) as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomically(path: str | os.PathLike, data: bytes | str) -> None:
    """Write bytes, or text as UTF-8, so that readers see the old file or the whole new one."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    with replacing(path) as handle:
        handle.write(data)
