"""A plugin's settings over its defaults, checked: one helper for every ``settings.py``."""

import difflib
from collections.abc import Callable, Iterable, Mapping
from typing import Any


def nearest(key: str, known: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The known name a mistyped key most likely meant, or None.

    Among difflib's nearest names: first one whose words are the key's, each mistyped at most
    (RELATED_MAX_WORD: RELATED_MAX_WORDS); then one made of the key's own words only, a word
    added or the words reordered (RELATED_MAX_POSTS, the name another plugin gives it, means
    RELATED_MAX, not RELATED_MAX_WORDS, which differs by fewer letters); then the nearest.
    """
    close = difflib.get_close_matches(key, list(known), n=5, cutoff=cutoff)
    words = key.split("_")

    def alike(name: str) -> bool:
        theirs = name.split("_")
        return len(theirs) == len(words) and all(
            difflib.SequenceMatcher(None, a, b).ratio() >= 0.75
            for a, b in zip(words, theirs, strict=True)
        )

    for fits in (alike, lambda name: set(name.split("_")) <= set(words), lambda name: True):
        found = next((name for name in close if fits(name)), None)
        if found:
            return found
    return None


def unknown_key_hint(key: str, known: Iterable[str]) -> str:
    """' (did you mean X?)' for the known name nearest to key, or ''."""
    close = nearest(key, known)
    return f" (did you mean {close}?)" if close else ""


def merge(
    settings: Mapping[str, Any],
    prefix: str,
    defaults: Mapping[str, Any],
    error: Callable[[str], Exception],
    *,
    also_known: Iterable[str] = (),
    ignored: Iterable[str] = (),
) -> dict[str, Any]:
    """Every setting in defaults, from settings where given; an unknown PREFIX_ key is an error.

    Every unknown key is named, one line each (``unknown setting X (did you mean Y?)``), so
    that one build names every typo. ``also_known`` are valid keys that are not in the defaults
    (a provider's options); ``ignored`` are keys an earlier configure() added (computed ones),
    neither checked nor returned.
    """
    known = [*defaults, *also_known]
    skip = set(ignored)
    unknown = [
        f"unknown setting {key}{unknown_key_hint(key, known)}"
        for key in settings
        if key.startswith(prefix) and key not in skip and key not in known
    ]
    if unknown:
        raise error("\n".join(unknown))
    return {key: settings.get(key, default) for key, default in defaults.items()}
