"""Text that looks like an HTML tag but is none, kept as text: ``List<String>``, ``<x, y>``.

Markdown passes anything between ``<`` and ``>`` through as raw HTML, and the sanitiser then
removes what it does not allow: ``List<String> type`` was published as "List type", and
``if a<b && b>c`` as "if a" and a bold "c". Here Markdown's own inline HTML step (its
``html`` pattern, replaced under the same name through the extension API) passes on only
what is a tag: the name of an element of HTML (or of SVG or MathML inside it) and attributes
as people write them, or a comment. Anything else is shown as written, and noted, so the
reader can name it with its line (a tag misspelt, ``<stong>``, is shown as text too).

An element's name written as a word in a sentence ("every <img /> tag", "each <table> in a
box", "never touches <a> links") is a tag to Markdown, and was one on the page: the word
gone, the paragraph cut by an empty table, the rest of the post inside a link. In a
paragraph's text (``prose``), a tag that cannot be what the writer meant is shown as
written too, and named: an ``<img>`` without ``src`` (no picture), an element opened with no
attributes and never closed in its paragraph (``<a>``, ``<table>``, ``<b>``), an end tag that
closes nothing opened there. One with attributes never closed there (``<a name="top">``) is
closed where it stands, and named, so it takes in nothing after it. ``<br>`` is a line
break, as writers mean it. A tag alone in its paragraph is left as written (HTML around
paragraphs), and so is an HTML block: Markdown never reads its text.

A quoted value is the tag's, as in a browser: ``title="a > b"`` does not end the tag at its
``>``, and Markdown's marks in a value (``title="use `x`"``, ``[a](b)``, ``<https://…>``) are
not read as Markdown: such a tag is taken by a second pattern that runs before Markdown's
first (``QuotedMarks``), unless it is written in code; after a backslash (``\\<a title="[x](y)"
…>``, Markdown's escape: the ``<`` is text) the whole tag is shown as written, its marks too,
and so is any tag with attributes after one (``\\<abbr title="x">``: smarty curled its quotes,
``EscapedTag``). Code spans are found as Markdown's backtick step finds them (``code_spans``),
in a paragraph's text: one may go on to its next line (``lines_without_code_spans``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from html import escape

from markdown import Markdown, util
from markdown.extensions import Extension
from markdown.inlinepatterns import HTML_RE, HtmlInlineProcessor
from markdown.util import AtomicString

# The elements of the HTML standard, with the obsolete ones people still write, and those of
# inline SVG and MathML: a tag the sanitiser may remove, but a tag. A custom element
# (<my-widget>) is not one: the sanitiser would remove it, and <C-x> (Emacs) is text.
HTML_ELEMENTS = frozenset(
    """a abbr address area article aside audio b base bdi bdo blockquote body br button canvas
    caption cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i
    iframe img input ins kbd label legend li link main map mark menu meta meter nav noscript
    object ol optgroup option output p param picture pre progress q rp rt ruby s samp script
    search section select slot small source span strong style sub summary sup table tbody td
    template textarea tfoot th thead time title tr track u ul var video wbr svg math
    acronym applet basefont bgsound big blink center dir font frame frameset image isindex
    keygen listing marquee menuitem multicol nextid nobr noembed noframes plaintext rb rtc
    spacer strike tt xmp""".split()  # noqa: SIM905 - a list of 150 names, read as prose
)
SVG_AND_MATHML = frozenset(
    """circle clipPath defs desc ellipse g line linearGradient marker mask path pattern
    polygon polyline radialGradient rect stop symbol text textPath tspan use foreignObject
    mi mn mo ms mtext mrow mfrac msqrt mroot msub msup msubsup munder mover munderover
    mtable mtr mtd mspace mstyle mpadded mphantom menclose semantics annotation""".lower().split()
)
# elements with no end tag: a tag for them is whole
VOID = frozenset(
    "area base br col embed hr image img input keygen link meta param source track wbr".split()  # noqa: SIM905 - as HTML_ELEMENTS
)
_ATTRIBUTE = r"""\s+[A-Za-z_:@][-\w:.@]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>`]+))?"""
# what lies between a tag's < and >: a quoted value may hold either (title="a > b"), as in
# Markdown's own html pattern and in browsers; possessive, so no text makes it backtrack
_INSIDE = r"""(?:"[^"]*+"|'[^']*+'|[^<>])*+"""
# the rest of a tag, from anywhere inside it to its end
TAG_REST = rf"{_INSIDE}>"
# one piece of a tag after its name, for a pattern that looks for one of its attributes: a
# value is taken whole with its '=' (a name written in it is words: title="never style=x",
# src=a.png?alt=x, an unquoted value running to a blank or '>' as in a browser), and never
# the tag's end (a quoted value's '>' is not one)
_IN_TAG = r"""(?:"[^"]*+"|'[^']*+'|=\s*+(?>"[^"]*+"|'[^']*+'|[^\s<>"'][^\s<>]*+|(?=>))|[^<>"'=])"""


def before_attribute(name: str) -> str:
    """A pattern, from just after a tag's name, of the rest of the tag up to and with its
    attribute ``name`` (a pattern) and its ``=``, as a browser reads the tag: not a name
    written in a quoted value, not past a '>' in one."""
    return rf"{_IN_TAG}*?(?<![\w:-])(?:{name})\s*=\s*"


# a tag, or what Markdown takes for one, as a browser reads it
TAGS = re.compile(rf"</?[A-Za-z]{TAG_REST}")
_TAG = re.compile(rf"</?(?P<name>[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9-]*)?)(?:{_ATTRIBUTE})*\s*/?>")
# an attribute as Markdown's html pattern reads one (its name, a value quoted or not)
_NAME = r"""[^\s"'=<>/`]++"""
_VALUE = r"""(?:"[^"]*+"|'[^']*+'|[^\s"'=<>`]++)"""
_ATTRIBUTE_MD = rf"\s+{_NAME}(?:\s*+=\s*+{_VALUE})?+"


def is_element(name: str) -> bool:
    """Whether a tag name is an element's of HTML, or of SVG or MathML inside it."""
    name = name.lower()
    return name in HTML_ELEMENTS or name in SVG_AND_MATHML


def is_tag(raw: str) -> bool:
    """Whether raw HTML as Markdown found it (``<em>``, ``</String>``) is a tag or comment."""
    if raw.startswith(("<!", "<?")):  # a comment, CDATA, a processing instruction
        return True
    match = _TAG.fullmatch(raw)
    if match is None:
        return False
    return is_element(match["name"])


def _name(raw: str) -> str:
    """A tag's element name, lowercased (``</A>``: ``a``)."""
    match = _TAG.fullmatch(raw)
    return match["name"].lower() if match else ""


def _attributes(raw: str) -> bool:
    """Whether a tag is written with attributes (``<a name=x>``, not ``<a>`` or ``<br />``)."""
    return bool(re.search(r"\s[A-Za-z_:@]", raw))


def _words(text: str) -> bool:
    """Whether a paragraph's text (its tags set aside) holds anything but blanks."""
    return bool(re.sub(rf"<{_INSIDE}>", "", text).strip())


def _depth(tags: list[str], name: str) -> int:
    """The opened less the closed among ``tags`` of an element, in order, never below 0 (a
    stray end tag closes nothing)."""
    depth = 0
    for raw in tags:
        if _name(raw) == name and not raw.endswith("/>"):
            depth = depth - 1 if raw.startswith("</") else depth + 1
            depth = max(depth, 0)
    return depth


_IMGS = re.compile(rf"<img{_INSIDE}>", re.IGNORECASE)
_SRC = re.compile(r"\ssrc(?:set)?\s*=", re.IGNORECASE)
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")


def _has_src(tag: str) -> bool:
    """Whether an ``<img>`` tag has a src or srcset, outside its quoted values (an alt
    text "see src= below" is words)."""
    return bool(_SRC.search(_QUOTED.sub('""', tag)))


def in_prose(raw: str, before: str, after: str) -> str | None:
    """How a tag in a paragraph's text, between ``before`` and ``after`` (the rest of the
    paragraph, its tags as written), is published: None as a tag; "text" shown as written
    (no picture, never closed, closing nothing); "closed" ended where it stands."""
    name = _name(raw)
    if name in ("img", "image"):
        return None if _has_src(raw) else "text"
    if name in VOID or raw.endswith("/>") or raw.startswith("<!"):
        return None
    if not _words(before + after):
        return None  # alone in its paragraph: HTML around paragraphs, left as written
    if raw.startswith("</"):
        return None if _depth(TAGS.findall(before), name) else "text"
    if _depth([raw, *TAGS.findall(after)], name):
        return "closed" if _attributes(raw) else "text"
    return None


NO_SRC = (
    "an <img> with neither src nor alt text shows nothing: if it is the tag's name in a "
    'sentence, write it in backticks (`<img>`); a picture is <img src="photo.jpg" '
    'alt="what it shows">'
)


_BLOCK_START = re.compile(r"^ {0,3}<([A-Za-z][A-Za-z0-9]*)")


def html_block_lines(lines: list[str]) -> set[int]:
    """The numbers of the lines in an HTML block (one starting with a block-level element's
    tag, to the line that closes it): Markdown leaves its text as written."""
    inside: set[int] = set()
    block = ""  # the block-level element an HTML block starts with, while in it
    for number, line in enumerate(lines, 1):
        start = _BLOCK_START.match(line)
        if not block and start and start[1].lower() in util.BLOCK_LEVEL_ELEMENTS:
            block = start[1].lower()
        if block:
            inside.add(number)
        if block and re.search(rf"</{block}\s*>", line, re.IGNORECASE):
            block = ""
    return inside


def line_without_src(lines: list[str]) -> int | None:
    """The number of the line with an ``<img>`` tag that has no src, in an HTML block
    (Markdown leaves its text as written) if one is, else the first; None if none is."""
    found = [n for n, line in enumerate(lines, 1) if not all(map(_has_src, _IMGS.findall(line)))]
    blocks = html_block_lines(lines)
    return next((n for n in found if n in blocks), found[0] if found else None)


# a tag as a browser reads it, over as many lines as it takes
_ELEMENT = re.compile(r"<([A-Za-z][A-Za-z0-9]*)")
_WHOLE_TAG = re.compile(rf"<(?P<name>[A-Za-z][A-Za-z0-9]*)(?:{_ATTRIBUTE_MD})+\s*+/?>")
# what ends a paragraph before Markdown reads its tags: a blank line, a quote's or heading's
_PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t]*(?:\n|$)| {0,3}[>#])")


def values_cut(lines: list[str], fenced: set[int]) -> list[tuple[int, str]]:
    """The tags in a paragraph whose quoted value a blank line (or a line starting with > or
    #) cuts, which Markdown shows as text: (line number, the tag's first line), ``fenced``:
    the indexes of fenced code's lines."""
    whole = "\n".join("" if index in fenced else line for index, line in enumerate(lines))
    blocks = html_block_lines(lines)
    found: list[tuple[int, str]] = []
    # lines counted on from the last tag: counted from the top for each, a 1.5-million-character
    # post with 807 tags took 0.22 s
    number, counted = 1, 0
    for match in _WHOLE_TAG.finditer(whole):
        number += whole.count("\n", counted, match.start())
        counted = match.start()
        line_start = whole.rfind("\n", 0, match.start()) + 1
        in_code = whole[line_start : match.start()].count("`") % 2
        if number in blocks or in_code or not is_element(match["name"]):
            continue
        if any(_PARAGRAPH_BREAK.search(value) for value in _QUOTED.findall(match[0])):
            found.append((number, match[0].split("\n", 1)[0]))
    return found


def end_tags(starts: Iterable[str]) -> frozenset[str]:
    """The end tags (lowercased) of the elements of tags as ``values_cut`` gives them."""
    return frozenset(f"</{_ELEMENT.match(start)[1].lower()}>" for start in starts)


def cut_message(start: str) -> str:
    """What the reader says of a tag whose quoted value a paragraph's end cuts (its line is
    said before)."""
    return (
        f"{start} has a blank line (or a line starting with > or #) inside a quoted value, "
        "where Markdown ends the paragraph, so the tag is shown as text; write the value "
        "without it (on one line)"
    )


def message(raw: str) -> str:
    """What the reader says of text shown as written, or of a tag closed where it stands
    (its line is said before)."""
    if is_tag(raw):
        name = _name(raw)
        code = f"if it is code, write it in backticks: `{raw}`"
        if name in ("img", "image"):
            return f"{raw} has no src, so it is no picture and is shown as written; {code}"
        if raw.startswith("</"):
            return (
                f"{raw} closes nothing opened in its paragraph, so it is shown as written; {code}"
            )
        if _attributes(raw):
            return (
                f"{raw} is never closed in its paragraph, so it is closed where it stands "
                f"(it would take in the text after it); end what it holds with </{name}> "
                f"in the same paragraph"
            )
        return (
            f"{raw} in the text is never closed in its paragraph, so it is shown as written "
            f"(as a tag it would take in or break up the text after it); {code}"
        )
    # a tag's name ends at a space, / or >: <string.h>, <sys/time.h> are files' names
    match = re.match(r"</?([A-Za-z][A-Za-z0-9]*)(?=[\s/>])(?!/[\w.])", raw)
    close = match and difflib.get_close_matches(match[1].lower(), HTML_ELEMENTS, n=1, cutoff=0.8)
    tag = f"; if it is a tag, did you mean <{close[0]}>?" if close else ""
    return message_plain(raw) + tag


def message_plain(raw: str) -> str:
    """The line for text taken for a tag that is none, with no likely tag behind it."""
    return f"{raw} is not an HTML tag, so it is shown as written: put code between backticks"


class TagOrText(HtmlInlineProcessor):
    """Markdown's inline HTML step, passing on tags only; the rest stays text, noted."""

    def __init__(self, md: Markdown, found: list[str]) -> None:
        super().__init__(HTML_RE, md)
        self.found = found

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str, int, int]:
        """A placeholder for a tag (Markdown's own step), the text itself for anything else
        and for a tag a paragraph's text cannot hold as one (``in_prose``)."""
        raw = m.group(1)
        if is_tag(raw):
            how = in_prose(raw, self._as_written(data[: m.start(0)]), data[m.end(0) :])
            if how is None:
                return super().handleMatch(m, data)
            self.found.append(raw)
            if how == "closed":
                closed = f"{self.backslash_unescape(self.unescape(raw))}</{_name(raw)}>"
                return self.md.htmlStash.store(closed), m.start(0), m.end(0)
        else:
            self.found.append(raw)
        return AtomicString(self.backslash_unescape(self.unescape(raw))), m.start(0), m.end(0)

    def _as_written(self, text: str) -> str:
        """A paragraph's text with the tags this step has set aside put back (anything else
        Markdown set aside, a link or code, stays a placeholder: words)."""
        blocks = self.md.htmlStash.rawHtmlBlocks
        # the inline step's nodes, as Markdown's own HtmlInlineProcessor.unescape reads them
        steps = self.md.treeprocessors
        nodes = getattr(steps["inline"], "stashed_nodes", {}) if "inline" in steps else {}

        def tag(match: re.Match[str]) -> str:
            index = int(match[1])
            block = blocks[index] if index < len(blocks) else ""
            return block if isinstance(block, str) else ""

        def node(match: re.Match[str]) -> str:
            value = nodes.get(match[1])
            if isinstance(value, str) and not isinstance(value, AtomicString):
                return util.HTML_PLACEHOLDER_RE.sub(tag, value)
            return match[0]

        return util.INLINE_PLACEHOLDER_RE.sub(node, text)


# A tag with a quoted value holding what a Markdown pattern that runs before the html one reads
# (`code`, [a link], <https://…>, $math$, a \escape): that pattern took it out of the value
# (title="use `x`" published as "use <code>x</code>", a link's tag cut in two). Such a tag is
# set aside before any of them, as a browser and CommonMark read it.
_MARKED = r"""(?:"[^"]*?[`\[<$\\][^"]*+"|'[^']*?[`\[<$\\][^']*+')"""
QUOTED_MARKS_RE = (
    rf"(<[A-Za-z][^\s\"'<>@/]*+(?:{_ATTRIBUTE_MD})*?\s+{_NAME}\s*=\s*{_MARKED}"
    rf"(?:{_ATTRIBUTE_MD})*+\s*+/?>)"
)
QUOTED_MARKS_PRIORITY = 200  # before backtick's 190, the first of Markdown's inline patterns
# a run of backticks that may open a code span: not after a backslash that escapes it (an
# odd number of them); a run's first backtick after an escaped one starts a run of its own
_OPENING = re.compile(r"(?<!\\)(?:\\\\)*(`+)")
_RUN = re.compile(r"`+")


def code_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where each code span is, from its opening run's first backtick to its closing run's
    end, as Markdown's backtick step (``BacktickInlineProcessor``) reads them: a run closed by
    the next run as long; with none as long after it, by the first of the longest shorter run
    (in "``a` b" the code is "`a"); with neither, the run is text."""
    at = 0
    while opening := _OPENING.search(text, at):
        start, after = opening.span(1)
        ticks = after - start
        closing = _closing(text, after, ticks)
        # with no closing run the opening one is text, and so are as many characters after it
        # (Markdown 3.11 skips on from the run's end by its length: in "``a```b`" the run of
        # three is read from its second backtick, and closed by the last one)
        at = closing or after + ticks
        if closing:
            yield start, closing


def _closing(text: str, after: int, ticks: int) -> int | None:
    """The end of the run of backticks after ``after`` that closes a run of ``ticks``."""
    longest = None
    for run in _RUN.finditer(text, after):
        if len(run[0]) == ticks:
            return run.end()
        if longest is None or len(run[0]) > len(longest[0]):
            longest = run
    return longest.end() if longest and len(longest[0]) < ticks else None


def without_code_spans(text: str) -> str:
    """Text with each code span blanked, its length (so its columns) and line ends kept."""
    pieces, at = [], 0
    for start, end in code_spans(text):
        span = text[start:end]
        pieces += [
            text[at:start],
            _NOT_LINE_END.sub(" ", span) if "\n" in span else " " * len(span),
        ]
        at = end
    return "".join(pieces) + text[at:]


_NOT_LINE_END = re.compile(r"[^\n]")
# a line Markdown's block steps start a block of its own at, wherever it is in a paragraph's
# lines: a heading, a quote's first line, a rule, a code fence (its code is no text)
_OWN_BLOCK = re.compile(r"#|[ ]{0,3}(?:>|(?:[-*_][ ]{0,2}){3,}$|`{3,}|~{3,})")
# a setext heading's underline, under a block's first line: that line is a heading
_UNDERLINE = re.compile(r"[=-]+[ ]*$")
# a list item's first line: a new item, in a block that started as a list
_ITEM = re.compile(r"[ ]{0,3}(?:[-*+]|\d+\.)[ ]+\S")


def lines_without_code_spans(lines: list[str]) -> list[str]:
    """Lines with each code span blanked (columns kept), found as Markdown's backtick step
    finds them in a paragraph's text: a span may go on to the paragraph's next lines, up to a
    blank line, a heading, a quote, a rule or a list's next item (``a `<abbr`` then
    ``title="x">` b`` is code)."""
    out = list(lines)
    if "`" not in "".join(lines):
        return out  # most posts' prose
    first = 0  # the first line of the block being read
    while first < len(lines):
        last = _block_end(lines, first)
        ticked = [n for n in range(first, last) if "`" in lines[n]]
        if len(ticked) == 1:  # on one line (nearly every block): as that line alone
            out[ticked[0]] = without_code_spans(lines[ticked[0]])
        elif ticked:
            out[first:last] = without_code_spans("\n".join(lines[first:last])).split("\n")
        first = last
    return out


def _block_end(lines: list[str], first: int) -> int:
    """The index after the last line of the block of text starting at ``first``: a blank
    line, a heading or a rule is one line; a quote takes in the lines after it."""
    line = lines[first]
    quote = line.lstrip().startswith(">")
    if not line.strip() or (_OWN_BLOCK.match(line) and not quote):
        return first + 1
    if first + 1 < len(lines) and _UNDERLINE.match(lines[first + 1]):
        return first + 1  # a setext heading
    listed = _ITEM.match(line) is not None
    last = first + 1
    while last < len(lines):
        line = lines[last]
        if not line.strip() or (listed and _ITEM.match(line)):
            break
        if _OWN_BLOCK.match(line) and not (quote and line.lstrip().startswith(">")):
            break
        last += 1
    return last


class QuotedMarks(TagOrText):
    """A tag whose quoted value holds Markdown's marks, passed on as TagOrText does, before
    those marks are read; not one written in code or after a backslash, as Markdown reads
    those."""

    def __init__(self, md: Markdown, found: list[str]) -> None:
        HtmlInlineProcessor.__init__(self, QUOTED_MARKS_RE, md)
        self.found = found

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str | None, int | None, int | None]:
        """TagOrText's reading; none inside a code span (Markdown's backtick step reads it);
        the tag as written, text, where its ``<`` is escaped."""
        start = m.start(0)
        if any(begin < start < end for begin, end in code_spans(data)):
            return None, None, None
        if self._escaped(data, start):
            # \<a title="[x](y)" …> where a backslash escapes < (foreign.EscapesExtension):
            # the writer shows the tag as text, but its value's marks were read as Markdown
            # (a link cut it in two, quotes curled), so the whole tag is text, as written
            raw = self.backslash_unescape(self.unescape(m.group(1)))
            return self.md.htmlStash.store(escape(raw, quote=False)), start - 1, m.end(0)
        return super().handleMatch(m, data)

    def _escaped(self, data: str, start: int) -> bool:
        """Whether the ``<`` at ``start`` is after a backslash that escapes it."""
        odd = (start - len(data[:start].rstrip("\\"))) % 2
        return bool(odd) and "<" in self.md.ESCAPED_CHARS


# a tag with attributes after a backslash, its < escaped (\<abbr title="x">): one with marks
# in a value is QuotedMarks'; after code spans (190), before escapes (180) make its < text
ESCAPED_TAG_RE = rf"(?<=\\)(<[A-Za-z][^\s\"'<>@/]*+(?:{_ATTRIBUTE_MD})++\s*+/?>)"
ESCAPED_TAG_PRIORITY = 185


class EscapedTag(QuotedMarks):
    """A tag with attributes whose ``<`` is escaped, shown as written as QuotedMarks shows
    one with marks: else smarty curled its quotes (``title=”x”``). Any other is Markdown's."""

    def __init__(self, md: Markdown, found: list[str]) -> None:
        HtmlInlineProcessor.__init__(self, ESCAPED_TAG_RE, md)
        self.found = found

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str | None, int | None, int | None]:
        """QuotedMarks' reading of an escaped tag; none of any other."""
        if not self._escaped(data, m.start(0)):
            return None, None, None
        return super().handleMatch(m, data)


class TagOrTextExtension(Extension):
    """Registers TagOrText as Markdown's ``html`` pattern; ``take()`` gives what was kept as
    text since the last call."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.found: list[str] = []

    def extendMarkdown(self, md: Markdown) -> None:
        md.inlinePatterns.register(TagOrText(md, self.found), "html", 90)
        md.inlinePatterns.register(
            QuotedMarks(md, self.found), "html_quoted_marks", QUOTED_MARKS_PRIORITY
        )
        md.inlinePatterns.register(EscapedTag(md, self.found), "html_escaped", ESCAPED_TAG_PRIORITY)

    def take(self) -> list[str]:
        """What was shown as written since the last call, once each, and forget it."""
        found = list(dict.fromkeys(self.found))
        self.found.clear()
        return found
