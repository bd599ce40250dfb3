"""Code highlighting that builds each Pygments formatter once, not once per code block.

Markdown's CodeHilite asks Pygments for a new formatter for every code block, and building an
HTML formatter works out the whole style's stylesheet (about 0.3 ms, a tenth of reading a post
with two code blocks). A formatter keeps no state between blocks, so one per distinct set of
options writes the same HTML.

Given a set to note them in (the reader's mdtree.FactsExtension), the formatters are also
``CodeFormatter``: each block's ``<pre>`` takes the ``tabindex="0"`` text.tidy_html would give
it, and the blocks written with the plain options are noted, so mdtree knows them from a
writer's own HTML without parsing them.
"""

import difflib
import functools
import io
import re
from collections.abc import Callable
from typing import Any

from markdown import Markdown
from markdown.extensions.codehilite import CodeHiliteExtension
from pygments.formatter import Formatter
from pygments.formatters import find_formatter_class, get_formatter_by_name
from pygments.formatters.html import HtmlFormatter
from pygments.lexers import get_all_lexers
from pygments.util import ClassNotFound

from . import text


class CodeFormatter(HtmlFormatter):
    """Pygments' HTML formatter, whose code blocks can be scrolled with the keyboard.

    ``<div class="highlight"><pre tabindex="0">``: what text.tidy_html makes of a block (so
    not when something comes between the two, as a file name or a table of line numbers
    does). Blocks written with the plain options (classes, no line numbers, anchors, file
    name or inline styles: only ``div``, ``pre`` and ``span`` elements with a class) are
    added to ``known``.
    """

    known: set[str] | None = None

    def wrap(self, source):
        """Pygments' own wrapping, ``tabindex`` added to the ``<pre>`` (public API)."""
        tabbable = self.cssclass == "highlight" and self.linenos != 1 and not self.filename
        for kind, piece in super().wrap(source):
            if tabbable and kind == 0 and piece.startswith("<pre"):
                piece, tabbable = "<pre" + text.TABINDEX + piece[4:], False
            yield kind, piece

    def plain(self) -> bool:
        """Do this formatter's blocks hold only div, pre and span elements with a class?"""
        return not (
            self.noclasses
            or self.nowrap
            or self.full
            or self.linenos
            or self.lineanchors
            or self.linespans
            or self.filename
            or self.cssstyles
            or self.prestyles
        )

    def format(self, tokensource, outfile) -> None:
        if self.known is None or not self.plain():
            super().format(tokensource, outfile)
            return
        written = io.StringIO()
        super().format(tokensource, written)
        block = written.getvalue()
        self.known.add(block)
        outfile.write(block)


def _made(name: str, options: dict[str, Any], known: set[str] | None = None) -> Formatter:
    """What CodeHilite itself builds for a formatter given by name (with ``known``: a
    CodeFormatter where that is Pygments' HTML formatter)."""
    if known is not None and (find_formatter_class(name) or HtmlFormatter) is HtmlFormatter:
        formatter = CodeFormatter(**options)
        formatter.known = known
        return formatter
    try:
        return get_formatter_by_name(name, **options)
    except ClassNotFound:
        return get_formatter_by_name("html", **options)


def shared_formatters(name: str, known: set[str] | None = None) -> Callable[..., Formatter]:
    """A CodeHilite ``pygments_formatter`` giving one formatter per distinct set of options
    (CodeFormatters noting their blocks in ``known``, if given)."""
    made: dict[tuple, Formatter] = {}

    def formatter(lang_str: str = "", **options: Any) -> Formatter:
        # lang_str is dropped: CodeHilite does not pass it to a formatter named by a string
        key = tuple(sorted(options.items()))
        try:
            found = made.get(key)
        except TypeError:  # a list among the options (hl_lines): build this one afresh
            return _made(name, options, known)
        if found is None:
            found = made[key] = _made(name, options, known)
        return found

    return formatter


def share_formatters(md: Markdown, known: set[str] | None = None) -> Markdown:
    """Make a converter's CodeHilite reuse its formatters, unless a site gave its own class
    (and, with ``known``, use CodeFormatters noting their blocks there)."""
    for extension in md.registeredExtensions:
        if not isinstance(extension, CodeHiliteExtension):
            continue
        name = extension.getConfig("pygments_formatter")
        if not isinstance(name, str):
            continue
        shared = shared_formatters(name, known)
        extension.setConfig("pygments_formatter", shared)  # read by fenced code blocks
        if "hilite" in md.treeprocessors:  # indented code blocks: a copy taken at set-up
            md.treeprocessors["hilite"].config["pygments_formatter"] = shared
    return md


# names writers give a block they want shown as it is, without colours: not a mistake
PLAIN_ON_PURPOSE = frozenset(
    {"plaintext", "plain", "txt", "none", "nohighlight", "output", "log", "csv", "pseudocode"}
)
_FENCE = re.compile(r"^[ ]{0,3}(?P<fence>`{3,}|~{3,})[ ]*\{?[ ]*\.?(?P<lang>[\w+#.-]*)")


@functools.lru_cache(maxsize=1)
def _known_languages() -> frozenset[str]:
    """Every name Pygments knows a language by (python, py, js, shell...)."""
    return frozenset(alias for _, aliases, _, _ in get_all_lexers() for alias in aliases)


def fenced_code(lines: list[str]) -> tuple[set[int], list[tuple[int, str]]]:
    """Markdown's fenced code blocks in a file's lines: the indexes of their lines (fences
    included), and (index, language as written, "" for none) of each one's opening fence.
    A fence closes at one of the same character, at least as long, with nothing after it."""
    inside: set[int] = set()
    openings: list[tuple[int, str]] = []
    fence = ""
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence:
            inside.add(index)
            if match and match["fence"][0] == fence[0] and len(match["fence"]) >= len(fence):
                fence = "" if not match["lang"] else fence
        elif match:
            fence = match["fence"]
            inside.add(index)
            openings.append((index, match["lang"]))
    return inside, openings


def unknown_languages(source: str) -> list[tuple[int, str, str | None]]:
    """(line, language, the known name it may be a typo of) for each fenced code block
    whose language no highlighter knows: it is shown as plain text, without colours."""
    if "```" not in source and "~~~" not in source:  # most posts: no fenced code
        return []
    found = []
    known = _known_languages()
    for index, lang in fenced_code(source.splitlines())[1]:
        if lang and lang.lower() not in known and lang.lower() not in PLAIN_ON_PURPOSE:
            close = difflib.get_close_matches(lang.lower(), sorted(known), n=1, cutoff=0.75)
            found.append((index + 1, lang, close[0] if close else None))
    return found
