"""Python-Markdown's inline steps, skipping each pattern on text that lacks a string it needs.

Markdown tries every inline pattern (links, code, emphasis, and smarty's quotes and dashes)
on every piece of text, one Python call per try, and most tries find nothing: that was over
a quarter of converting a typical post. Every match of a pattern's regular expression
contains some literal string (``[`` for a link, `` ` `` for code, ``*`` or ``_`` for
emphasis), worked out once from the expression itself; text holding none of them is what the
pattern would leave unchanged, so skipping it gives the same HTML.
"""

import re

from markdown import Markdown

from . import compat
from .compat import QuickInline
from .compat import sre_constants as sre

__all__ = ["QuickInline", "needs", "quicken"]

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
        return _required(compat.parse_regex(regex.pattern, regex.flags))
    except Exception:  # an expression this walk does not understand is simply always tried
        return None


def quicken(md: Markdown) -> Markdown:
    """Make every inline step of a converter (Markdown's own, smarty's) skip hopeless patterns.

    The step itself (``QuickInline``) relies on Markdown's private inner loop: it lives in
    compat.py, which the reader uses only on the versions it was tested on.
    """
    return compat.quicken(md, needs)
