"""Code highlighting that builds each Pygments formatter once, not once per code block.

Markdown's CodeHilite asks Pygments for a new formatter for every code block, and building an
HTML formatter works out the whole style's stylesheet (about 0.3 ms, a tenth of reading a post
with two code blocks). A formatter keeps no state between blocks, so one per distinct set of
options writes the same HTML.

Given a set to note them in (the reader's mdtree.FactsExtension), the formatters are also
``CodeFormatter``: each block's ``<pre>`` takes the ``tabindex="0"`` text.tidy_html would give
it, and the blocks written with the plain options are noted, so mdtree knows them from a
writer's own HTML without parsing them.

A fenced code block inside a list item (GitHub's ``1. Run:`` then an indented ```` ```sh ````)
or a blockquote (``> ```sh``, at any depth) is made by Markdown's own fenced_code step too
(``NestedFencesExtension``, which the reader adds): fenced_code reads fences at the margin
only, and the block was inline code or prose, its ``--`` and quotes changed by smarty.

The text of a writer's own ``<pre>`` block stays as written (``RawPre``, which that extension
also registers): fenced_code reads the whole text before Markdown sets HTML blocks aside,
and fences shown inside one (a Markdown cheat sheet's ``<pre><code>```python``) were made
into a code block nested in the writer's ``<code>``, their fence lines lost.
"""

import difflib
import functools
import io
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from markdown import Markdown, util
from markdown.extensions import Extension
from markdown.extensions.codehilite import CodeHiliteExtension
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.preprocessors import Preprocessor
from pygments.formatter import Formatter
from pygments.formatters import find_formatter_class, get_formatter_by_name
from pygments.formatters.html import HtmlFormatter
from pygments.lexers import get_all_lexers
from pygments.util import ClassNotFound

from . import rawtags, text


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
        # indented code blocks: CodeHilite's tree step keeps a copy of the settings, taken at
        # set-up (not public: docs/architecture.md, the compat boundary); where it keeps none,
        # they use CodeHilite's own formatter
        if "hilite" in md.treeprocessors:
            config = getattr(md.treeprocessors["hilite"], "config", None)
            if isinstance(config, dict):
                config["pygments_formatter"] = shared
    return md


# names writers give a block they want shown as it is, without colours: not a mistake
# (highlight.js's nohighlight, and no-highlight as older sites wrote it)
PLAIN_ON_PURPOSE = frozenset(
    {
        *("plaintext", "plain", "txt", "none", "nohighlight", "no-highlight"),
        *("output", "log", "csv", "pseudocode"),
    }
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


def outside_code(lines: list[str], markdown: bool = True, nested: bool = False) -> list[str]:
    """The lines with those of fenced and indented code blocks blanked (numbers kept);
    ``nested``: those fenced in a list item or indented 1 to 3 spaces too (nested_fences)."""
    fenced = fenced_code(lines)[0] if markdown else set()
    if markdown and nested:
        for block in nested_fences(lines):
            fenced.update(range(block.line, len(lines) if block.close is None else block.close + 1))
    return [
        "" if index in fenced or line.startswith(("    ", "\t")) else line
        for index, line in enumerate(lines)
    ]


def unknown_languages(source: str) -> list[tuple[int, str, str | None]]:
    """(line, language, the known name it may be a typo of) for each fenced code block
    whose language no highlighter knows: it is shown as plain text, without colours."""
    if "```" not in source and "~~~" not in source:  # most posts: no fenced code
        return []
    found = []
    known = _known_languages()
    lines = source.expandtabs(4).splitlines()
    openings = fenced_code(lines)[1]
    for block in nested_fences(lines):  # and those in blockquotes, as written in them
        if block.quote:
            opening = _unquoted(lines[block.line], block.quote.count(">"))[block.indent :]
            openings.append((block.line, _FENCE.match(opening)["lang"]))  # type: ignore[index]
    for index, lang in sorted(openings):
        if lang and lang.lower() not in known and lang.lower() not in PLAIN_ON_PURPOSE:
            close = difflib.get_close_matches(lang.lower(), sorted(known), n=1, cutoff=0.75)
            found.append((index + 1, lang, close[0] if close else None))
    return found


# a list item's marker and the spaces after it: the item's text starts after them
_MARKER = re.compile(r"^(?P<indent> *)(?:[-*+]|\d{1,9}[.)])(?: {1,4}(?=\S)|[ ]*$)")
_ANY_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
# a blockquote's marker as Markdown's blockquote step takes it off: ">" and one space
_QUOTE = re.compile(r"^(?P<indent> *)>[ ]?")
# fenced_code reads the text at 25, liquid.py's highlight blocks become fences at 26
NESTED_PRIORITY = 25.5
# a <pre> block is set aside after meta (27) has taken the front matter, before all of them
RAW_PRE_PRIORITY = 26.5


class Nested(NamedTuple):
    """A fenced code block fenced_code does not read: indented, as in a list item, or in a
    blockquote (at any depth, quotes and list items in any order)."""

    line: int  # index of the opening fence
    close: int | None  # index of the closing fence; None: never closed
    indent: int  # spaces before the opening fence (after its quotes' markers)
    to: int  # spaces before what stands for the block (in a list item: its text's level)
    quote: str = ""  # the markers of the quotes it is in, each as "> " after its indent
    listed: tuple[bool, ...] = ()  # for each of those quotes: is it in a list item?


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _quotes(line: str) -> int:
    """How many blockquote markers a line starts with (``> > x``: 2)."""
    depth = 0
    while match := _QUOTE.match(line):
        line, depth = line[match.end() :], depth + 1
    return depth


def _unquoted(line: str, depth: int) -> str:
    """A line less its first ``depth`` blockquote markers."""
    for _ in range(depth):
        line = line[_QUOTE.match(line).end() :]  # type: ignore[union-attr]
    return line


def _closing(lines: list[str], start: int, fence: str, item: int | None) -> int | None:
    """Index of the line closing the fence opened at ``start``: the same character, at
    least as many, nothing after; None if the file, or the list item, ends first."""
    for index in range(start + 1, len(lines)):
        line = lines[index]
        stripped = line.strip()
        if item is not None and stripped and _indent(line) < item:
            return None  # the list item ended: the block was never closed
        run = len(stripped) - len(stripped.lstrip(fence[0]))
        if run >= len(fence) and not stripped[run:].strip() and stripped[0] == fence[0]:
            return index
    return None


def _quoted(lines: list[str], start: int, item: int | None) -> tuple[list[Nested], int]:
    """The fenced code blocks in the blockquote whose first line is ``start`` (in a list
    item whose text starts at ``item``), numbered as the file's lines, and the index after
    it. Its lines are those that start with its marker, indented 3 spaces at most (from
    the item's text): the end of the quote ends a block in it, as on GitHub."""
    indents = range(item, item + 4) if item is not None else range(4)
    markers: list[str] = []
    for line in lines[start:]:
        match = _QUOTE.match(line)
        if match is None or len(match["indent"]) not in indents:
            break
        markers.append(match[0])
    inside = [line[len(marker) :] for line, marker in zip(lines[start:], markers, strict=False)]
    found = [
        block._replace(
            line=start + block.line,
            close=None if block.close is None else start + block.close,
            quote=markers[block.line].rstrip(" ") + " " + block.quote,
            listed=(item is not None, *block.listed),
        )
        for block in nested_fences(inside, quoted=True)
    ]
    return found, start + len(markers)


def nested_fences(lines: list[str], *, quoted: bool = False) -> list[Nested]:
    """The fenced code blocks of a file's lines that GitHub (CommonMark) reads and
    Python-Markdown's fenced_code does not: an opening fence indented 1 to 3 spaces, or
    inside a list item, indented as the item's text (up to 3 spaces more), or inside a
    blockquote (``quoted``: the lines are one's, less its marker). Those at the margin of
    the file are fenced_code's own and are skipped whole (a list shown as code stays so)."""
    found: list[Nested] = []
    item: int | None = None  # where the current list item's text starts
    blank = False
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            blank, index = True, index + 1
            continue
        indent = _indent(line)
        fence = _ANY_FENCE.match(line)
        if fence and fence["fence"][0] == "`" and "`" in fence["info"]:
            fence = None  # ```x``` is code in backticks, not a fence
        in_item = item is not None and item <= indent <= item + 3
        if not fence and line[indent] == ">" and (indent <= 3 or in_item):
            if blank and not in_item:
                item = None  # the list ended
            inside, index = _quoted(lines, index, item if in_item else None)
            found += inside
            blank = False
            continue
        if fence and (indent <= 3 or in_item):
            if not in_item:
                item = None
            close = _closing(lines, index, fence["fence"], item if indent else None)
            if indent or quoted:
                to = -(-indent // 4) * 4 if item is not None else 0
                found.append(Nested(index, close, indent, to))
            index = (close if close is not None else index) + 1
            blank = False
            continue
        marker = _MARKER.match(line)
        if marker:
            item = len(marker[0]) if marker[0].endswith(" ") else len(marker[0]) + 1
        elif blank and item is not None and indent < item:
            item = None  # a line less indented than the item's text, after a blank: the list ended
        blank = False
        index += 1
    return found


def dedented(lines: list[str], block: Nested) -> list[str]:
    """A nested block's lines as fenced_code reads them: out of their quotes, at the
    margin, the closing fence the opening one (fenced_code wants the same), each line less
    the opening one's indent."""
    assert block.close is not None
    depth = block.quote.count(">")
    opening = _unquoted(lines[block.line], depth)[block.indent :]
    fence = _ANY_FENCE.match(opening)["fence"]  # type: ignore[index]
    inside = [_unquoted(line, depth) for line in lines[block.line + 1 : block.close]]
    body = [line[min(block.indent, _indent(line)) :] for line in inside]
    return [opening, *body, fence]


def _gap(neighbour: str, block: Nested, *, after: bool) -> str | None:
    """The blank line that keeps a made block from the line next to it (None: none is
    needed), in as many of the block's quotes as that line shares.

    A line of text out of the block's quote before it may be an earlier quote's, as
    Markdown goes on with a quote up to a blank line: kept apart inside the block's quote.
    One after it stays out, as on GitHub; but where the quote is in a list item, which a
    blank line would end, it is kept apart inside the quote (a new item needs nothing).
    A blank line of a quote after the block is doubled: the last line of a quote, it would
    stay with what stands for the block, which would then be shown as text."""
    depth = block.quote.count(">")
    shared = min(depth, _quotes(neighbour))
    text = _unquoted(neighbour, shared)
    if not text.strip():
        return _levels(block, shared) if after and shared and not block.to else None
    if shared < depth:  # the block's quote starts with it, or ends after it
        if after and block.listed[shared] and _MARKER.match(text):
            return None
        shared += not after or block.listed[shared]
    return _levels(block, shared)


def _levels(block: Nested, depth: int) -> str:
    """A blank line in the first ``depth`` of a block's quotes."""
    return "".join(re.findall(r" *> ", block.quote)[:depth]).rstrip()


class NestedFences(Preprocessor):
    """Each fenced code block in a list item or a blockquote (or indented 1 to 3 spaces)
    made by fenced_code itself, as a code block at the margin is: highlighted, out of reach
    of smarty. What stands for it keeps the quotes' markers and is indented as the item's
    text, so the block stays where it was written."""

    def run(self, lines: list[str]) -> list[str]:
        if "fenced_code_block" not in self.md.preprocessors:
            return lines
        if not any(("```" in line or "~~~" in line) and line[:1] in " >" for line in lines):
            return lines  # nearly every post: a quick look
        fenced = self.md.preprocessors["fenced_code_block"]
        out: list[str] = []
        done = 0
        for block in nested_fences(lines):
            if block.close is None:
                continue  # left as written; the reader names it (unmade_fences)
            made = [line for line in fenced.run(dedented(lines, block)) if line.strip()]
            if len(made) != 1 or not made[0].startswith(util.STX):
                continue  # fenced_code did not read it: left as written, and named
            out += lines[done : block.line]
            before = _gap(lines[block.line - 1], block, after=False) if block.line else None
            if before is not None and not block.to:  # a block of its own, as fenced_code's
                out.append(before)
            out.append(block.quote + " " * block.to + made[0])
            done = block.close + 1
            # in a list item, a block after a blank line ends before what follows, as it did
            if done < len(lines) and (not block.to or before is None):
                after = _gap(lines[done], block, after=True)
                out += [after] if after is not None else []
        return out + lines[done:]


# a raw <pre> block as Markdown's HTML block step takes it: the tag at the start of a line
# (3 spaces at most before it), its end tag closing a line; not one whose text is Markdown
# (its tag read as a browser reads it: title="x > y markdown=z" holds no markdown attribute)
_PRE_OPEN = re.compile(
    rf"^ {{0,3}}<pre(?=[\s>])(?!{rawtags.before_attribute('markdown')}){rawtags.TAG_REST}",
    re.IGNORECASE,
)
_PRE_CLOSE = re.compile(r"</pre\s*>\s*$", re.IGNORECASE)


def raw_pre_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last) line index of each raw ``<pre>`` block of a file's lines that holds a
    fence line (```` ``` ```` or ``~~~``), which fenced_code would read as a code block.
    One in a fenced code block (at the margin, in a list item or a quote) is code, left
    to it; a fence in a ``<pre>`` block opens nothing."""
    code = {
        index
        for block in nested_fences(lines)
        for index in range(block.line, (block.close or block.line) + 1)
    }
    found: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        fence = _ANY_FENCE.match(line)
        if index in code:
            index += 1
        elif fence and len(fence["indent"]) <= 3 and "`" not in fence["info"]:
            close = _closing(lines, index, fence["fence"], None)
            index = len(lines) if close is None else close + 1
        elif _PRE_OPEN.match(line):
            last = next((n for n in range(index, len(lines)) if _PRE_CLOSE.search(lines[n])), None)
            if last is None:
                break  # never closed: Markdown's own reading
            if any(_ANY_FENCE.match(inside) for inside in lines[index : last + 1]):
                found.append((index, last))
            index = last + 1
        else:
            index += 1
    return found


class RawPre(Preprocessor):
    """A raw ``<pre>`` block holding a fence line, set aside as Markdown's HTML block step
    sets one aside, before fenced_code can read the fence: its text stays as written."""

    def run(self, lines: list[str]) -> list[str]:
        if not any("<pre" in line.lower() for line in lines):
            return lines  # nearly every post: a quick look
        out: list[str] = []
        done = 0
        for first, last in raw_pre_blocks(lines):
            placeholder = self.md.htmlStash.store("\n".join(lines[first : last + 1]).lstrip(" "))
            out += [*lines[done:first], "", placeholder, ""]
            done = last + 1
        return out + lines[done:]


class NestedFencesExtension(Extension):
    """Registers NestedFences, after liquid.py's highlight blocks, before fenced_code, and
    RawPre before them all."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(RawPre(md), "raw_pre", RAW_PRE_PRIORITY)
        md.preprocessors.register(NestedFences(md), "nested_fences", NESTED_PRIORITY)


def _unclosed_at_margin(lines: list[str]) -> list[tuple[int, str]]:
    """(index, fence) of each opening fence at the margin that no line below closes:
    fenced_code pairs it with the first line that is the same fence alone (as long, only
    spaces after), and without one leaves it and the code as text."""
    found = []
    index = 0
    while index < len(lines):
        match = _ANY_FENCE.match(lines[index])
        in_backticks = match is not None and match["fence"][0] == "`" and "`" in match["info"]
        if match and not match["indent"] and not in_backticks:  # ```x``` is inline code
            fence = match["fence"]
            below = range(index + 1, len(lines))
            close = next((at for at in below if lines[at].rstrip(" ") == fence), None)
            if close is None:
                found.append((index, fence))
            else:
                index = close
        index += 1
    return found


def unmade_fences(source: str) -> list[tuple[int, str]]:
    """(line, what to write) for each fenced code block shown as text: one at the margin
    never closed, or one in a list item or a blockquote that NestedFences leaves as written
    (never closed (in a quote: before the quote ends), a first line fenced_code cannot read)."""
    if "```" not in source and "~~~" not in source:
        return []
    lines = source.expandtabs(4).splitlines()  # as Markdown reads them: tabs as spaces
    found = []
    for block in nested_fences(lines):
        opening = _unquoted(lines[block.line], block.quote.count(">"))
        fence = _ANY_FENCE.match(opening)["fence"]  # type: ignore[index]
        if block.close is None and block.quote:
            closing = block.quote.lstrip() + " " * block.indent + fence
            found.append(
                (
                    block.line + 1,
                    f"this code block in a blockquote is never closed, so it is shown as "
                    f"text; end it with the line {closing} (a line without the quote's > "
                    f"ends the quote, and the block in it)",
                )
            )
        elif block.close is None:
            found.append(
                (
                    block.line + 1,
                    f"this code block is never closed, so it is shown as text; end it with "
                    f"{fence} on a line of its own, indented as the opening one",
                )
            )
        elif not FencedBlockPreprocessor.FENCED_BLOCK_RE.search("\n".join(dedented(lines, block))):
            found.append(
                (
                    block.line + 1,
                    f"this code block's first line is not one Markdown reads, so the block is "
                    f"shown as text; write {fence} and a language only (e.g. {fence}bash)",
                )
            )
    named = min((number for number, _ in found), default=len(lines) + 1)
    for index, fence in _unclosed_at_margin(lines):
        if index + 1 > named and lines[index].strip() == fence:
            continue  # the line meant to close a block named above: one line for them both
        found.append(
            (
                index + 1,
                f"this code block is never closed, so it is shown as text; end it with {fence} "
                "on a line of its own",
            )
        )
    return sorted(found)
