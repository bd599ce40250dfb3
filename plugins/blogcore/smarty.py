"""Python-Markdown's smarty step (typographic quotes and dashes), skipping text it cannot change."""

import re

from markdown import Markdown
from markdown.treeprocessors import InlineProcessor

# Every smarty pattern needs one of these: a quote, two dashes, three dots or an angle pair.
TRIGGER = re.compile(r"['\"]|--|\.\.\.|<<|>>")


class QuickSmarty(InlineProcessor):
    """smarty's inline step; text none of its patterns can match is handed back at once.

    Markdown tries each of smarty's patterns on each piece of text, one Python call per try:
    that was a third of converting a typical post. Text handed back unchanged is what the
    patterns leave when none matches, so the HTML is the same.
    """

    # InlineProcessor calls its private __handleInline through this mangled name
    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        """The text with smarty's placeholders, or itself when it holds no trigger."""
        if TRIGGER.search(data) is None:
            return data
        return super()._InlineProcessor__handleInline(data, patternIndex)


def quicken(md: Markdown) -> Markdown:
    """Make a converter's smarty step (if it has Markdown's own) skip text without triggers."""
    if "smarty" not in md.treeprocessors:  # a Registry, which has no .get()
        return md
    step = md.treeprocessors["smarty"]
    if type(step) is InlineProcessor:
        step.__class__ = QuickSmarty
    return md
