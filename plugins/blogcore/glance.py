"""A quick look at a post's text before a check reads it: whether it may hold what the check
looks for, by characters a memchr finds, not a scan for every mark.

Python finds one character in a string with ``memchr`` (0.1 µs in a 4 KB post), while a mark
of two characters or more is scanned for character by character (3 to 5 µs each), and a
pattern of several alternatives is tried at every place that may start one (20 to 60 µs). A
check that looks for a dozen marks in every post spent more on the looking than on the
finding. Each mark here is looked for only where a character it holds, seldom in a post's
text or HTML, is there: the answer is the same as looking for every mark, always.
"""

import re
from collections.abc import Iterable

# characters seldom in a post's text or HTML, the rarest first: a mark is gated by the first
# of these it holds (a mark with none of them is looked for as it is)
RARE = "\\$~^{}[]|%*+!?`@#_"


def gate(mark: str) -> str | None:
    """The character a mark is looked for behind: its rarest (``RARE``), None if it has none."""
    return next((char for char in RARE if char in mark), None)


class Marks:
    """Literal marks, each behind its gate: ``in_text(text)`` is ``any(m in text for m in
    marks)``, with a text that has none of the marks' rare characters looked through in a few
    memchr calls."""

    def __init__(self, marks: Iterable[str]) -> None:
        self.marks = tuple(marks)
        self._gated = tuple((mark, gate(mark)) for mark in self.marks)

    def in_text(self, text: str) -> bool:
        """Whether any of the marks is in ``text``."""
        return any((char is None or char in text) and mark in text for mark, char in self._gated)


class Pattern:
    """A pattern each match of which holds one of ``needs`` (characters or strings): searched
    only in a text holding one of them. ``needs`` must be right for every match of the
    pattern; a test checks each pattern against its plain search (tests/test_glance.py)."""

    def __init__(self, pattern: re.Pattern[str], needs: Iterable[str]) -> None:
        self.pattern = pattern
        self.needs = tuple(needs)

    def search(self, text: str) -> re.Match[str] | None:
        """``pattern.search(text)``, or None at once for a text without any of ``needs``."""
        if not any(need in text for need in self.needs):
            return None
        return self.pattern.search(text)
