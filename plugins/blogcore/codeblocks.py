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

import io
from collections.abc import Callable
from typing import Any

from markdown import Markdown
from markdown.extensions.codehilite import CodeHiliteExtension
from pygments.formatter import Formatter
from pygments.formatters import find_formatter_class, get_formatter_by_name
from pygments.formatters.html import HtmlFormatter
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
