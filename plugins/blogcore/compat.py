"""blogcore's one boundary with the private internals of Pelican, Python-Markdown and Python.

Everything here relies on something its library keeps to itself; each use says what and since
which version. Nothing is patched at import or at register(): the Markdown accelerations act
on converters this plugin's reader makes, and only when ``accelerated(settings)`` says so.

- **Accelerations** (reading Markdown faster, the same HTML): one converter per reader,
  reset between files, instead of Pelican's one per file; inline patterns skipped on text that
  cannot match them. They are used only on the versions in ``TESTED`` and when
  ``BLOGCORE_ACCELERATE`` is True; otherwise the reader reads the stock way (Pelican's own
  ``MarkdownReader.read``, a fresh stock converter per file), and one info line says why.
- **How a Jinja filter is called** (``filter_pass_arg``): the key of a compiled template kept
  between builds (``bytecode.py``) needs what each filter and test is handed first, which
  Jinja records in an attribute it does not document. The cache is kept only on the Jinja
  versions in ``JINJA_TESTED`` (``template_cache``); elsewhere templates are compiled in
  every build, as stock Pelican does, and one info line says why.
- **A content object's HTML** (``html_of``, ``set_html``, ``set_summary``): Pelican keeps a
  post's body as read, links not yet resolved, in ``Content._content`` and has no public way
  to read or replace it before the links are resolved. These are not accelerations and are
  always used; tests/test_compat_boundary.py checks that Pelican still keeps them there.
"""

import logging
import sys
from collections.abc import Callable
from typing import Any

import jinja2
import markdown
import pelican
from markdown import Markdown, util
from markdown.treeprocessors import InlineProcessor

from plugins.engine import build
from plugins.engine import compat as shared
from plugins.engine.compat import html_of, set_html, set_summary  # noqa: F401 (used as compat.*)

# Python's regular-expression parser, a private module named re._parser since Python 3.11
# (sre_parse before, deprecated in 3.11). Its parse tree is what inline.needs() walks.
try:
    from re import _constants as sre_constants
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover - before 3.11 the same modules had public names
    import sre_constants  # noqa: F401 (inline.py uses it)
    import sre_parse as _sre_parser

logger = logging.getLogger(__name__)

# The versions the accelerations were tested on: [lowest, first untested).
TESTED: dict[str, tuple[str, tuple[int, ...], tuple[int, ...]]] = {
    # the same site, byte for byte, on 3.12.1 and 3.13.0 (the sample site, a rich Markdown set)
    "Python": (".".join(map(str, sys.version_info[:3])), (3, 11), (3, 14)),
    "Pelican": (pelican.__version__, (4, 12), (4, 13)),
    # the name-mangled inline loop and Registry._priority are Markdown's own to change in any
    # release: only the minor versions a build was compared on (3.11.2 and 3.11.3)
    "Python-Markdown": (markdown.__version__, (3, 11), (3, 12)),
}


def untested(tested: dict = TESTED) -> list[str]:
    """The libraries whose installed version is outside the tested range, or that lack a name
    the accelerations use, described."""
    needed = ("_InlineProcessor__handleInline", "_InlineProcessor__applyPattern")
    missing = [f"markdown's InlineProcessor.{n}" for n in needed if not hasattr(InlineProcessor, n)]
    return shared.untested(tested, missing)


def accelerated(settings: dict[str, Any]) -> bool:
    """Does this build use the accelerations (else the stock way, said once per build)?"""
    said = build.said(settings, shared.logger)
    return shared.accelerated(
        settings, "BLOGCORE_ACCELERATE", untested(), "blogcore: Markdown accelerations", said
    )


# --- Jinja's filters and tests: what each is handed first (Jinja 3.0 to 3.1: jinja_pass_arg)

# The Jinja versions whose filters record it as filter_pass_arg reads it: [lowest, first untested)
JINJA_TESTED: dict[str, tuple[str, tuple[int, ...], tuple[int, ...]]] = {
    "Jinja": (jinja2.__version__, (3, 0), (3, 2)),
}


def template_cache(settings: dict[str, Any]) -> bool:
    """Keep compiled templates between builds (``BLOGCORE_TEMPLATE_CACHE``)? Only on the Jinja
    versions in ``JINJA_TESTED``: elsewhere an entry's key could not tell how a filter is
    called (``filter_pass_arg``), so templates are compiled in every build, one line says why."""
    said = build.said(settings, shared.logger)
    return shared.accelerated(
        settings,
        "BLOGCORE_TEMPLATE_CACHE",
        shared.untested(JINJA_TESTED),
        "blogcore: compiled-template cache",
        said,
    )


def filter_pass_arg(func: Callable[..., Any]) -> str:
    """What a filter or test is handed before its value, as Jinja's compiler passes it:
    ``"context"``, ``"eval_context"``, ``"environment"``, or ``""`` (the value alone).

    Relies on the attribute ``jinja_pass_arg`` that Jinja 3.0 to 3.1's ``pass_context``,
    ``pass_eval_context`` and ``pass_environment`` set (a member of the private enum
    ``jinja2.utils._PassArg``, whose ``from_obj`` the compiler calls): Jinja offers no public
    way to ask, neither in ``jinja2.utils`` nor through ``inspect``.
    """
    found = getattr(func, "jinja_pass_arg", None)
    return str(getattr(found, "name", "")) if found is not None else ""


# --- a content object's HTML: plugins/engine/compat.py (html_of, set_html, set_summary) ---


# --- the regular-expression parser (Python 3.11: re._parser, re._constants) ----------------


def parse_regex(pattern: str, flags: int):
    """The parse tree of a regular expression (what inline.needs walks).

    Relies on ``re._parser.parse`` (Python 3.11 to 3.13; ``sre_parse.parse`` before).
    """
    return _sre_parser.parse(pattern, flags)


# --- Python-Markdown's inline step (3.0 to 3.11: InlineProcessor.__handleInline) -----------


class QuickInline(InlineProcessor):
    """Markdown's inline step; a pattern is tried only on text holding what its matches need.

    Relies on ``InlineProcessor.__handleInline`` and ``__applyPattern`` (Python-Markdown 3.0
    to 3.11, name-mangled): ``run`` calls the first for each piece of text; this one is the
    same loop, passing over the patterns whose needed strings the text lacks.
    """

    _known: tuple = ()
    _needs: tuple = ()
    _strings: frozenset[str] = frozenset()  # every string some pattern needs
    _always: bool = False  # some pattern needs nothing known, so is always tried
    needs_of = staticmethod(lambda regex: None)  # set by quicken(): inline.needs

    def run(self, tree, ancestors=None):
        """Work out each pattern's needs (again, if the patterns changed), then run the step."""
        patterns = tuple(self.inlinePatterns)
        if patterns != self._known:
            self._known = patterns
            self._needs = tuple(self.needs_of(p.getCompiledRegExp()) for p in patterns)
            self._strings = frozenset().union(*(need for need in self._needs if need))
            self._always = None in self._needs
        return super().run(tree, ancestors)

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


def quicken(md: Markdown, needs) -> Markdown:
    """Make every inline step of a converter (Markdown's own, smarty's) skip hopeless patterns.

    Relies on changing the class of Markdown's own ``InlineProcessor`` objects, in this
    converter only (Python-Markdown 3.0 to 3.11: the steps keep all their state in
    ``__dict__``; smarty's step is a plain InlineProcessor with its own patterns, so it cannot
    be made anew from the converter). ``needs(regex)``: inline.needs.
    """
    for step in md.treeprocessors:
        if type(step) is InlineProcessor:
            step.__class__ = QuickInline
            step.needs_of = needs
    return md


# --- Pelican's MarkdownReader (_parse_metadata since 2.0, _md 3.2, _source_path 3.5) -------


def meta_step(md: Markdown) -> tuple[Any, str, float]:
    """The converter's meta preprocessor with its name and priority, to put back after reset.

    Relies on ``Registry._priority`` (Python-Markdown 3.0 to 3.11: a list of items with
    ``name`` and ``priority``); the public Registry gives items by name, not their priority.
    """
    for item in md.preprocessors._priority:
        if item.name == "meta":
            return md.preprocessors["meta"], "meta", item.priority
    raise KeyError("meta")


def read_with(reader: Any, md: Markdown, source_path: str, text: str) -> tuple[str, dict]:
    """What ``MarkdownReader.read`` does, on a converter the caller made or reset.

    Relies on Pelican's MarkdownReader (3.5 to 4.12) keeping the converter in ``_md`` and
    the file in ``_source_path`` (its ``_parse_metadata`` reads both: summaries are converted
    with ``_md``) and on ``_parse_metadata(meta)`` turning the converter's ``Meta`` into
    metadata.
    """
    reader._source_path = source_path
    reader._md = md
    content = md.convert(text)
    metadata = reader._parse_metadata(md.Meta) if hasattr(md, "Meta") else {}
    return content, metadata
