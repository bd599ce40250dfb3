"""Files of the content folder that cannot be published under their name or read: a name that
is not UTF-8 (a zip made on an old system, a USB stick), a link to nothing or to itself, a
file or folder this build may not read. Static files and gallery photos get the line the post
reader gives such a post (blogcore.reader's words, not a copy of them) and are left out;
Pelican copies them under a garbled name, or skips them without a word."""

import errno
import fnmatch
import os
from collections.abc import Iterable

from plugins.blogcore.reader import name_problem, unreadable


def problem(root: str, relpath: str) -> str | None:
    """Why the file at ``relpath`` (in the content folder ``root``, as the file system names
    it) cannot be published, after its name; None when it can, or when nothing is there (a
    ``{static}`` link to a missing file: the link check names the post that has it)."""
    why = name_problem(relpath)
    if why:
        return why
    path = os.path.join(root, relpath)
    try:
        with open(path, "rb"):
            return None
    except IsADirectoryError:
        return None
    except OSError as exc:
        return unreadable(exc) if os.path.lexists(path) else None


def folder_line(shown: str, exc: OSError) -> str:
    """The line for a folder whose files this build cannot list (``shown``: as staff know it)."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        why = (
            "this build has no permission to open this folder, so nothing in it is published; "
            "make it readable (chmod a+rX) or move it out of the content folder"
        )
    else:
        why = unreadable(exc)
    return f"{shown.rstrip('/')}/: {why}"


def unlisted_folders(root: str, ignores: Iterable[str]) -> list[OSError]:
    """The folders under the content folder ``root`` that cannot be listed (Pelican's walk,
    which follows links as this one does, passes over them in silence), in path order; the
    folders ``IGNORE_FILES`` matches and dot-folders (``.git``) are not looked into."""
    patterns = list(ignores)
    failed: list[OSError] = []
    for _folder, dirs, _names in os.walk(root, onerror=failed.append, followlinks=True):
        dirs[:] = [
            d
            for d in dirs
            if not d.startswith(".") and not any(fnmatch.fnmatch(d, p) for p in patterns)
        ]
    return sorted(failed, key=lambda exc: os.fsencode(str(exc.filename)))
