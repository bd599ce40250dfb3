"""The plain values the related-posts scorer takes and gives (no NumPy here).

``signals.py`` builds these for every build; the scorer (``scoring.py``, NumPy) is
imported only where posts are scored.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Doc:
    """A published post as the scorer needs it."""

    key: str  # the slug; unique within a language
    lang: str
    text: str
    date: float  # a timestamp
    tags: tuple[str, ...] = ()
    category: str = ""
    authors: tuple[str, ...] = ()
    series: str | None = None
    pins: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    source: str = ""  # the source file, for messages


@dataclass(frozen=True)
class Weights:
    """How much each signal counts; see settings.py for the defaults and their reasons."""

    text: float = 1.0
    tags: float = 0.6
    category: float = 0.05
    authors: float = 0.05
    recency: float = 0.05
    recency_half_life_days: float = 365.0
    min_score: float = 0.08
    max_terms: int = 40
    max_words: int = 600


@dataclass
class Pick:
    """One related post chosen for a post, with its score broken down."""

    key: str
    score: float
    parts: dict[str, float] = field(default_factory=dict)
    pinned: bool = False


@dataclass(frozen=True)
class Problem:
    """Something wrong in a post's Related/Related_exclude, located in its file."""

    source: str
    message: str
    slug: str = ""  # the slug no published post has, if that is the problem (for a hint)
