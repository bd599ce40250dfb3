"""Python-Markdown's inline steps, skipping each pattern on text that lacks a string it needs.

Markdown tries every inline pattern (links, code, emphasis, and smarty's quotes and dashes)
on every piece of text, one Python call per try, and most tries find nothing: that was over
a quarter of converting a typical post. Every match of a pattern's regular expression
contains some literal string (``[`` for a link, `` ` `` for code, ``*`` or ``_`` for
emphasis), worked out once from the expression itself; text holding none of them is what the
pattern would leave unchanged, so skipping it gives the same HTML.
"""

import re

from markdown import Markdown, util
from markdown.treeprocessors import InlineProcessor

try:  # the regular-expression parser, named so since Python 3.11
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover
    import sre_constants as sre
    import sre_parse

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))


def _best(found: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective of several sets, each of which every match needs one of."""
    if not found:
        return None
    return max(found, key=lambda strings: (min(map(len, strings)), -len(strings)))


def _required(items) -> frozenset[str] | None:
    """Strings one of which every match of a parsed sequence contains, if any are known."""
    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, arg in items:
        if op is sre.LITERAL:
            run.append(chr(arg))
            continue
        if run:  # consecutive literals are needed together
            found.append(frozenset(["".join(run)]))
            run = []
        part = None
        if op is sre.SUBPATTERN:
            _group, add_flags, _del_flags, sub = arg
            part = None if add_flags & re.IGNORECASE else _required(sub)
        elif op is sre.ATOMIC_GROUP:
            part = _required(arg)
        elif op in _REPEATS and arg[0] >= 1:
            body = list(arg[2])
            if (
                len(body) == 1 and body[0][0] is sre.LITERAL
            ):  # a repeated dot, r'\.{3}', needs '...'
                part = frozenset([chr(body[0][1]) * min(arg[0], 8)])
            else:
                part = _required(body)
        elif op is sre.BRANCH:
            branches = [_required(branch) for branch in arg[1]]
            if all(branches):
                part = frozenset().union(*branches)
        elif op is sre.IN and all(kind is sre.LITERAL for kind, _ in arg):
            part = frozenset(chr(code) for _, code in arg)
        if part:
            found.append(part)
    if run:
        found.append(frozenset(["".join(run)]))
    return _best(found)


def needs(regex: re.Pattern) -> frozenset[str] | None:
    """Strings one of which text must contain for the expression to match it, or None."""
    if regex.flags & re.IGNORECASE:
        return None
    try:
        return _required(sre_parse.parse(regex.pattern, regex.flags))
    except Exception:  # an expression this walk does not understand is simply always tried
        return None


class QuickInline(InlineProcessor):
    """Markdown's inline step; a pattern is tried only on text holding what its matches need."""

    _known: tuple = ()
    _needs: tuple[frozenset[str] | None, ...] = ()
    _strings: frozenset[str] = frozenset()  # every string some pattern needs
    _always: bool = False  # some pattern needs nothing known, so is always tried

    def run(self, tree, ancestors=None):
        """Work out each pattern's needs (again, if the patterns changed), then run the step."""
        patterns = tuple(self.inlinePatterns)
        if patterns != self._known:
            self._known = patterns
            self._needs = tuple(needs(pattern.getCompiledRegExp()) for pattern in patterns)
            self._strings = frozenset().union(*(need for need in self._needs if need))
            self._always = None in self._needs
        return super().run(tree, ancestors)

    # InlineProcessor calls its private __handleInline through this mangled name
    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        """Markdown's loop over the patterns, passing over those the text cannot match."""
        if isinstance(data, util.AtomicString):
            return data
        # Matches only ever swap text for placeholders fenced by control characters, so no
        # string a pattern needs appears later that is not in the text now.
        present = frozenset(string for string in self._strings if string in data)
        if not present and not self._always:
            return data
        patterns, wants = self._known, self._needs
        apply = self._InlineProcessor__applyPattern
        start = 0
        while patternIndex < len(patterns):
            need = wants[patternIndex]
            if need is not None and need.isdisjoint(present):
                patternIndex += 1
                start = 0  # what a pattern that finds nothing hands back
                continue
            data, matched, start = apply(patterns[patternIndex], data, patternIndex, start)
            if not matched:
                patternIndex += 1
        return data


def quicken(md: Markdown) -> Markdown:
    """Make every inline step of a converter (Markdown's own, smarty's) skip hopeless patterns."""
    for step in md.treeprocessors:
        if type(step) is InlineProcessor:
            step.__class__ = QuickInline
    return md
