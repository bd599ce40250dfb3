"""Writing a file so that no one ever reads half of it: one way for every plugin.

The dev server serves the problems report while a build writes it, Isso's server reads the
threads list, two builds (``make serve`` and ``make build``) may share the image cache, the
catalogs and fastbuild's manifest. A file written in place can be read half-written, and a
build that fails mid-write leaves it so. Here the data goes to a temporary file of a unique
name in the same folder, which replaces the file in one rename once complete; on any failure
the temporary file is removed and the old file stays as it was. Pure: no Pelican import.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


@contextlib.contextmanager
def replacing(path: str | os.PathLike, mode: str = "wb", **open_args: Any) -> Iterator[IO]:
    """A file open for writing (``mode`` "wb" or "w"); on leaving, it replaces ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # a dot name (hidden from listings and Pelican), unique to this writer, with the target's
    # suffix (Pillow's format); made with the umask's permissions as open() would, not the
    # owner-only ones of tempfile.mkstemp: the file may be served (threads.json, the site)
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}{path.suffix}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, mode, **open_args) as handle:
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
