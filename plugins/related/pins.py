"""A post's ``Related:`` and ``Related_exclude:`` read against the published posts (pure: no
NumPy), and the whole answer where nothing can be scored.

The scorer (``scoring.related``) takes each post's pins from here. Where no two published
posts share a language, no post can be picked by its score (posts are compared only within
their language, never with themselves): the answer is then the pins' problems alone, worked
out here without NumPy (0.1 s of processor time to import, and a one-post build waited for
it).
"""

import os
from collections import Counter
from collections.abc import Collection, Iterable, Sequence

from .model import Doc, Pick, Problem


def scoring_needed(langs: Iterable[str]) -> bool:
    """Could any post be picked by its score: do two published posts share a language?"""
    return any(count > 1 for count in Counter(langs).values())


def two_posts_may_be_there(
    root: str, paths: Iterable[str], excludes: Iterable[str], extensions: Collection[str]
) -> bool:
    """Whether the content folder ``root`` may hold two posts (``posts_counted`` up to 2)."""
    return posts_counted(root, paths, excludes, extensions, 2) > 1


def posts_counted(
    root: str,
    paths: Iterable[str],
    excludes: Iterable[str],
    extensions: Collection[str],
    up_to: int,
) -> int:
    """How many posts the content folder ``root`` may hold, counted until ``up_to``: files
    with a reader's ``extensions`` under ``paths`` (ARTICLE_PATHS) less ``excludes``
    (ARTICLE_EXCLUDES). Pelican's own listing also leaves out IGNORE_FILES, and takes 0.2 s
    at 5,000 posts: counting more files than it would only says more posts."""
    skipped: dict[str, set[str]] = {}
    for exclude in excludes:
        parent, name = os.path.split(os.path.join(root, exclude))
        skipped.setdefault(parent, set()).add(name)
    found: set[str] = set()
    for path in paths:
        top = os.path.join(root, path) if path else root
        walked = os.walk(top, followlinks=True) if os.path.isdir(top) else []
        if os.path.isfile(top):  # a path may name one file
            walked = [(os.path.dirname(top), [], [os.path.basename(top)])]
        for folder, dirs, names in walked:
            dirs[:] = [d for d in dirs if d not in skipped.get(folder, ())]
            for name in names:
                if name.rpartition(".")[2] in extensions:
                    found.add(os.path.normpath(os.path.join(folder, name)))
                    if len(found) >= up_to:
                        return len(found)
    return len(found)


def pinned_picks(
    doc: Doc, position: dict[str, int], all_keys: set[str], lang: str, k: int, problems: list
) -> list[Pick]:
    """The post's pinned picks (at most ``k``), the problems of its pins and excludes added
    to ``problems``; ``position``: the keys of its language's posts."""
    pinned = _pins(doc, position, all_keys, lang, problems)
    chosen = [Pick(key, 0.0, {}, pinned=True) for key in pinned][:k]
    for key in doc.excludes:
        if key not in position:
            message = f"Related_exclude: no published post {key!r}"
            problems.append(Problem(doc.source, message, "" if key in all_keys else key))
    return chosen


def unread_problems(
    source: str, pins: Iterable[str], excludes: Iterable[str], all_keys: Collection[str]
) -> list[Problem]:
    """The problems of the pins and excludes of a post no one read (the reader refused it),
    against every published post's slug (``all_keys``, in any language: its own is not
    known), worded as ``pinned_picks`` words a read post's."""
    return [
        Problem(source, f"{key}: no published post {slug!r}", slug)
        for key, slugs in (("Related", pins), ("Related_exclude", excludes))
        for slug in slugs
        if slug not in all_keys
    ]


def _pins(doc: Doc, position: dict[str, int], all_keys: set[str], lang: str, problems) -> list[str]:
    pinned: list[str] = []
    for key in doc.pins:
        if key == doc.key:
            problems.append(Problem(doc.source, "Related: a post cannot be related to itself"))
        elif key in position:
            if key not in pinned:
                pinned.append(key)
        else:
            elsewhere = key in all_keys  # published in another language
            where = f" in language {lang!r}" if elsewhere else ""
            message = f"Related: no published post {key!r}{where}"
            problems.append(Problem(doc.source, message, "" if elsewhere else key))
    return pinned


def alone(docs: Sequence[Doc], k: int) -> tuple[dict[tuple[str, str], list[Pick]], list[Problem]]:
    """``scoring.related``'s answer where no two posts share a language
    (``scoring_needed`` is False): no picks, the pins' problems in the same order."""
    results: dict[tuple[str, str], list[Pick]] = {}
    problems: list[Problem] = []
    all_keys = {d.key for d in docs}
    for doc in sorted(docs, key=lambda d: (d.lang, d.key)):
        results[(doc.lang, doc.key)] = pinned_picks(
            doc, {doc.key: 0}, all_keys, doc.lang, k, problems
        )
    return results, problems
