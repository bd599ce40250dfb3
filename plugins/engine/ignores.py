"""Whether a file or folder name is one ``IGNORE_FILES`` names, in one regular expression (pure).

Pelican matches every name against each pattern with ``fnmatch.fnmatch``; the plugins that
walk the content folder again (the unbuilt-files check, galleries, images, side content) ask
the same of every part of every path. With the site's 14 patterns that was 14 calls a part;
one expression made of the patterns' own translations answers the same in one match.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import re
from collections.abc import Callable, Iterable


@functools.lru_cache(maxsize=16)
def _compiled(patterns: tuple[str, ...]) -> Callable[[str], object]:
    # fnmatch.fnmatch is normcase on both sides, then the pattern's translation matched from
    # the start; each translation is a whole expression ending in \Z, so "|" joins them
    if not patterns:
        return lambda name: None
    regex = "|".join(fnmatch.translate(os.path.normcase(p)) for p in patterns)
    return re.compile(regex).match


def ignored(name: str, patterns: Iterable[str]) -> bool:
    """Whether ``name`` (one file or folder name) matches one of ``patterns``: the answer of
    ``any(fnmatch.fnmatch(name, p) for p in patterns)``, in one match."""
    return _compiled(tuple(patterns))(os.path.normcase(name)) is not None


def any_ignored(parts: Iterable[str], patterns: Iterable[str]) -> bool:
    """Whether one of a path's ``parts`` (its folder names and file name) matches a pattern."""
    match = _compiled(tuple(patterns))
    return any(match(os.path.normcase(part)) is not None for part in parts)
