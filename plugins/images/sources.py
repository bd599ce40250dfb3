"""Files of the content folder that cannot be published under their name or read: a name that
is not UTF-8 (a zip made on an old system, a USB stick), a link to nothing or to itself, a
file or folder this build may not read, a named pipe; a link that leads out of the content
folder (~/.ssh, /etc) or back into a folder holding it; a file of secrets (.env, .htpasswd).
Static files and gallery photos get the line the post reader gives such a post
(blogcore.reader's words, not a copy of them) and are left out; Pelican copies them under a
garbled name, or skips them without a word."""

import errno
import fnmatch
import os
from collections.abc import Callable, Iterable

from plugins.blogcore.reader import name_problem, not_a_file, printable, unreadable
from plugins.engine.ignores import ignored

# files that hold secrets (a service's keys and tokens, a web server's passwords), never a
# reader's: named and left out, so one put in a static folder by mistake is seen
SECRETS = (".env", ".env.*", ".envrc", ".htpasswd")


def problem(root: str, relpath: str) -> str | None:
    """Why the file at ``relpath`` (in the content folder ``root``, as the file system names
    it) cannot be published, after its name; None when it can, or when nothing is there (a
    ``{static}`` link to a missing file: the link check names the post that has it)."""
    why = name_problem(relpath)
    if why:
        return why
    name = os.path.basename(relpath)
    if any(fnmatch.fnmatchcase(name, pattern) for pattern in SECRETS):
        return (
            "holds secrets (keys, tokens or passwords), never published; move it out of the "
            "content folder"
        )
    path = os.path.join(root, relpath)
    why = not_a_file(path)
    if why:
        return why
    try:
        with open(path, "rb"):
            return None
    except IsADirectoryError:
        return None
    except OSError as exc:
        return unreadable(exc) if os.path.lexists(path) else None


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def escape(root: str, relpath: str) -> tuple[str, str] | None:
    """The link on the way to ``relpath`` (in the content folder ``root``) that leads out of
    the content folder (``images/keys -> ~/.ssh``) or back into a folder that holds it
    (``images/all -> ..``, which Pelican's walk follows twenty folders deep), as its path in
    the content folder, with why nothing through it is published; None when there is none.
    Only the links are read, never what they point at; a link to nothing is ``problem``'s."""
    real_root = os.path.realpath(root)
    here, real_here = root, real_root
    parts = relpath.split(os.sep)
    for at, part in enumerate(parts):
        here = os.path.join(here, part)
        if not os.path.islink(here):
            real_here = os.path.join(real_here, part)
            continue
        if not os.path.exists(here):
            return None
        target = os.path.realpath(here)
        link = os.sep.join(parts[: at + 1])
        written = printable(os.readlink(here))
        if not _within(target, real_root):
            return link, (
                f"is a link to {written}, outside the content folder: nothing through it is "
                "published; copy the file in if it is meant for readers"
            )
        if os.path.isdir(target) and _within(real_here, target):
            return link, (
                f"is a link to {written}, a folder that holds the link itself: nothing through "
                "it is published (the site would hold the folder again and again); remove the link"
            )
        real_here = target
    return None


def escape_line(root: str, relpath: str, shown: Callable[[str], str]) -> str | None:
    """``escape``'s words for a file a key names (a team Photo, a post's Cover): the link on
    the way to it, as ``shown`` names a path of the content folder, and why nothing through it
    is published; None when there is no such link."""
    escaped = escape(root, relpath)
    if escaped is None:
        return None
    return f"{shown(os.path.join(root, escaped[0]))} {escaped[1]}"


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
    folders ``IGNORE_FILES`` matches, dot-folders (``.git``) and links that lead out of the
    content folder or back into it (``escape``) are not looked into."""
    patterns = list(ignores)
    failed: list[OSError] = []
    for folder, dirs, _names in os.walk(root, onerror=failed.append, followlinks=True):
        dirs[:] = [
            d
            for d in dirs
            if not d.startswith(".")
            and not ignored(d, patterns)
            and not escape(root, os.path.relpath(os.path.join(folder, d), root))
        ]
    return sorted(failed, key=lambda exc: os.fsencode(str(exc.filename)))
