"""A post's ``Related:`` and ``Related_exclude:`` read against the published posts (pure: no
NumPy), and the whole answer where nothing can be scored.

The scorer (``scoring.related``) takes each post's pins from here. Where no two published
posts share a language, no post can be picked by its score (posts are compared only within
their language, never with themselves): the answer is then the pins' problems alone, worked
out here without NumPy and SciPy (0.2 s of processor time to import, and a one-post build
waited for them).
"""

from collections import Counter
from collections.abc import Iterable, Sequence

from .model import Doc, Pick, Problem


def scoring_needed(langs: Iterable[str]) -> bool:
    """Could any post be picked by its score: do two published posts share a language?"""
    return any(count > 1 for count in Counter(langs).values())


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
