"""A file's path as staff know it, relative to the project: content/posts/x.md. Pure: no
Pelican import.

Every plugin names files in its lines this one way. A build names every post several times
(the reader, galleries, team, blogcore's checks), and ``os.path.relpath`` of each was about
0.1 s of a rebuild at 2,000 posts: a post's source path, absolute and normalised as Pelican
gives it, is cut from the project folder's path instead, with the same answer.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any


def project_folder(content: str) -> str:
    """The folder holding the content folder (``PATH``): what lines name paths from."""
    if os.path.isabs(content) and _normalised(content):
        return os.path.dirname(content.rstrip(os.sep) or os.sep)
    return os.path.dirname(os.path.abspath(content))


def _normalised(path: str) -> bool:
    """Whether an absolute path is as ``os.path.normpath`` would give it (no ``.``, ``..``,
    doubled or trailing separator), so cutting a prefix off it is what relpath would say."""
    sep = os.sep
    return (
        f"{sep}.{sep}" not in path
        and f"{sep}..{sep}" not in path
        and sep * 2 not in path
        and not path.endswith((sep, f"{sep}.", f"{sep}.."))
    )


def relative(base: str, path: str | os.PathLike) -> str:
    """``path`` relative to the folder ``base`` (absolute, normalised), as relpath gives it."""
    full = os.fspath(path)
    if full.startswith(base + os.sep) and os.path.isabs(full) and _normalised(full):
        return full[len(base) + 1 :]  # posts' source paths: absolute and normalised already
    return os.path.relpath(os.path.abspath(full), base)


def shown(settings: Mapping[str, Any], path: str | os.PathLike) -> str:
    """A path (absolute, or relative to the working folder) as staff know it:
    content/galleries/x/gallery.md."""
    return relative(project_folder(settings["PATH"]), path)


def shown_in_content(settings: Mapping[str, Any], path: str | os.PathLike) -> str:
    """A path within the content folder (or absolute) as staff know it: team/ana.md is
    content/team/ana.md; "" is the content folder itself."""
    content = settings["PATH"]
    return shown(settings, os.path.join(content, path) if os.fspath(path) else content)
