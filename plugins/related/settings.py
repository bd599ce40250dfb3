"""Every related-posts setting with its default, and their validation."""

from typing import Any

from plugins.engine.config import merge

DEFAULTS: dict[str, Any] = {
    # How many related posts under each article (pins count toward it).
    "RELATED_MAX": 3,
    # Weights of the signals. Text and tags make the content score, which must reach
    # RELATED_MIN_SCORE for a post to be picked at all; category, shared authors and
    # recency only re-rank posts that already qualify, so they can never make an
    # off-topic post "related".
    "RELATED_WEIGHT_TEXT": 1.0,
    "RELATED_WEIGHT_TAGS": 0.6,
    "RELATED_WEIGHT_CATEGORY": 0.05,
    "RELATED_WEIGHT_AUTHORS": 0.05,
    "RELATED_WEIGHT_RECENCY": 0.05,
    # A post this many days older than the newest counts half as "recent".
    "RELATED_RECENCY_HALF_LIFE_DAYS": 365,
    "RELATED_MIN_SCORE": 0.08,
    # How much of each post is indexed: its strongest terms, from its first words.
    "RELATED_MAX_TERMS": 40,
    "RELATED_MAX_WORDS": 600,
    # Below this many post files the picking runs in the build's own process, not in a fork
    # beside it: less memory and processor time, but NumPy's import and the scoring then wait
    # in line (docs/performance.md, "Forks at company sizes"). 0: always forked.
    "RELATED_FORK_MIN_POSTS": 0,
    # A slug: print why each related post was chosen for it (used by `invoke related`).
    "RELATED_EXPLAIN": "",
}

_WHOLE = ("RELATED_MAX", "RELATED_FORK_MIN_POSTS")
_NUMBERS = [k for k, v in DEFAULTS.items() if isinstance(v, int | float) and k not in _WHOLE]


class SettingsError(ValueError):
    """A related-posts setting has a wrong type or value."""


def configure(settings: dict[str, Any]) -> dict[str, Any]:
    """Return the related-posts settings merged over the defaults, validated."""
    merged = merge(settings, "RELATED_", DEFAULTS, SettingsError)
    for key in _WHOLE:
        count = merged[key]
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise SettingsError(f"{key} must be a whole number from 0, got {count!r}")
    for key in _NUMBERS:
        value = merged[key]
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise SettingsError(f"{key} must be a number from 0, got {value!r}")
    for key in ("RELATED_RECENCY_HALF_LIFE_DAYS", "RELATED_MAX_TERMS", "RELATED_MAX_WORDS"):
        if merged[key] <= 0:
            raise SettingsError(f"{key} must be more than 0, got {merged[key]!r}")
    if not isinstance(merged["RELATED_EXPLAIN"], str):
        raise SettingsError(f"RELATED_EXPLAIN must be a slug, got {merged['RELATED_EXPLAIN']!r}")
    return merged
