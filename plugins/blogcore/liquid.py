r"""Other engines' syntax Python-Markdown would mangle, handled in Markdown's own steps.

Four steps, through Python-Markdown's extension API:

- Jekyll's ``{% highlight ruby %}`` … ``{% endhighlight %}`` (a migrated Jekyll blog has
  hundreds) becomes the fenced code block it means, before the fenced_code step reads the
  text; else the code was a paragraph with curly quotes and its last line was lost. The
  reader still says it once per file (foreign.py), so that it is written the site's way.
- A paragraph's last line in braces that is no attribute list (``{low, medium, high}``,
  ``{% endraw %}``) stays text: attr_list (in ``extra``) took it for one, the line was lost
  and the sanitiser reported made-up attributes (``low_``). Real ones (``{: .note}``,
  ``{#id}``, ``{bash}``) are left to attr_list.
- render_math's LaTeX between ``$`` and ``$``, ``\(`` and ``\)``, ``\[`` and ``\]``, ``$$``
  and ``$$``, or in a ``\begin{…}`` … ``\end{…}`` environment stays as written, one
  ``<span class="math inline">`` (or ``math display``) whose text no later step reads:
  Markdown's backslash escapes took the backslashes (``\( x \)`` showed as ``( x )``, ``\\``
  as ``\``, with nothing said), its emphasis the underscores of ``x_1 ... y_1``, its links
  ``[a](k)``, attr_list ``{1:t-1}`` and smarty the dots and quotes. The reader says it once
  per file (foreign.py).
- liquid_tags' ``{% literal img … %}`` in code (an indented block, a code span) shows
  ``{% img … %}``, as it did: liquid_tags read the text before Markdown's blocks, code too,
  and its literal tag exists to show a tag as written. A fenced block and an HTML block,
  which Markdown set aside before that step, keep it as written there and here; in the text
  it is named, with the tag to write between backticks (foreign.py). A site that lists
  liquid_tags itself has its step do this, once: ``{% literal literal x %}`` shows
  ``{% literal x %}``, as it did.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown, util
from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListTreeprocessor, get_attrs_and_remainder

try:
    from markdown.extensions.attr_list import sanitize_name
except ImportError:  # before Python-Markdown 3.11.2: the build stops at its start, one line
    sanitize_name = None  # (plugins/engine/compat.py: NEEDED), not at each plugin's import
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from . import codeblocks

# Jekyll's highlight tag on a line of its own ({%- -%} trims whitespace in Liquid); the
# language as fenced_code reads one
HIGHLIGHT = re.compile(r"^\{%-?\s*highlight\s+(?P<lang>[\w+#.-]+)(?:\s[^%]*)?-?%\}\s*$")
END_HIGHLIGHT = re.compile(r"^\{%-?\s*endhighlight\s*-?%\}\s*$")
# WordPress's code shortcodes (SyntaxHighlighter's [code lang="html"], [sourcecode
# language="python"]) on lines of their own, as a blog moved from WordPress to Pelican keeps
# them: Markdown read the code as text (its tags as HTML, its # lines as headings)
WP_CODE = re.compile(r"^ {0,3}\[(?P<tag>code|sourcecode)(?P<attrs>(?:[\s=][^\]]*)?)\]\s*$", re.I)
_SHORTCODE_QUICK = re.compile(r"^ {0,3}\[(?:code|sourcecode)\b", re.I)
_WP_LANG = re.compile(r"""(?:\b(?:lang|language)\s*)?=\s*["']?(?P<lang>[\w+#.-]+)""", re.I)
# fenced_code reads the text at 25, Python-Markdown's meta at 27: between them
FENCE_PRIORITY = 26
# attr_list's step is at 8, after the inline step (20): just before it
BRACES_PRIORITY = 9
# how Markdown's own backslash escape keeps a character (\{) until its unescape step (0)
# puts it back: the brace is then no attribute list's
_KEPT_BRACE = f"{util.STX}{ord('{')}{util.ETX}"
# an attribute's name as HTML (and XML) has them: a letter, _ or : first
_NAME_START = re.compile(r"[^\W\d]|[_:]")


def highlights_to_fences(
    lines: list[str], shortcodes: list[str] | None = None
) -> tuple[list[str], list[str]]:
    """The lines with each Jekyll highlight block (outside fenced code) as a fenced code
    block, and the opening tags converted, as written; WordPress's code shortcode blocks
    too, their opening tags added to ``shortcodes``."""
    inside = codeblocks.fenced_code(lines)[0]
    out: list[str] = []
    converted: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        match, end = None, None
        if index not in inside:
            match, ending = HIGHLIGHT.match(line), END_HIGHLIGHT
            wordpress = match is None and shortcodes is not None and WP_CODE.match(line)
            if wordpress:
                match = wordpress
                ending = re.compile(rf"^ {{0,3}}\[/{match['tag']}\]\s*$", re.I)
        if match:
            end = next((n for n in range(index + 1, len(lines)) if ending.match(lines[n])), None)
        if match is None or end is None:  # no end: left as written (foreign.py names it)
            out.append(line)
            index += 1
            continue
        code = lines[index + 1 : end]
        longest = max((len(run) for c in code for run in re.findall(r"`+", c)), default=0)
        fence = "`" * max(3, longest + 1)  # longer than any run of backticks in the code
        if "attrs" in match.groupdict():  # WordPress's
            lang = _WP_LANG.search(match["attrs"] or "")
            out += [f"{fence}{lang['lang'].lower() if lang else ''}", *code, fence]
            shortcodes.append(" ".join(line.split()))
        else:
            out += [f"{fence}{match['lang']}", *code, fence]
            converted.append(" ".join(line.split()))
        index = end + 1
    return out, converted


class HighlightFences(Preprocessor):
    """Jekyll's highlight blocks as fenced code blocks, for the fenced_code step."""

    def __init__(
        self, md: Markdown, converted: list[str], braces: list[bool], shortcodes: list[str]
    ) -> None:
        super().__init__(md)
        self.converted = converted
        self.braces = braces
        self.shortcodes = shortcodes

    def run(self, lines: list[str]) -> list[str]:
        """The lines, converted (nearly every post has no highlight tag: a quick look)."""
        # whether KeepBraceText need walk the tree of this text (most have no brace at all)
        self.braces[:] = [any("{" in line for line in lines)]
        if not any("highlight" in line or _SHORTCODE_QUICK.search(line) for line in lines):
            return lines
        lines, converted = highlights_to_fences(lines, self.shortcodes)
        self.converted += converted
        return lines


def not_attributes(written: str) -> bool:
    """Whether the inside of ``{…}`` attr_list would read is no attribute list: a name
    attr_list has to change (``low,``, ``%``) or that no attribute has (``42``)."""
    attrs, remainder = get_attrs_and_remainder(written)
    if remainder:  # attr_list leaves these alone itself
        return False
    for name, _value in attrs:
        if name == ".":  # a class: any word
            continue
        if sanitize_name(name) != name or not _NAME_START.match(name):
            return True
    return False


class KeepBraceText(Treeprocessor):
    """Keeps as text a ``{…}`` where attr_list looks that is no attribute list."""

    def __init__(self, md: Markdown, braces: list[bool]) -> None:
        super().__init__(md)
        self.braces = braces  # HighlightFences' look at the text: [True] when it has a brace

    def run(self, root: etree.Element) -> None:
        """Escape the brace of each such ``{…}``, as ``\\{`` would (no recursion: iter)."""
        if self.braces == [False]:
            return
        for element in root.iter():
            if self.md.is_block_level(element.tag):
                block = element.tag in ("h1", "h2", "h3", "h4", "h5", "h6", "dt", "td", "th")
                pattern = (
                    AttrListTreeprocessor.HEADER_RE if block else AttrListTreeprocessor.BLOCK_RE
                )
                # attr_list reads the text or one child's tail: every one is looked at
                if element.text:
                    element.text = _kept(pattern, element.text)
                for child in element:
                    if child.tail:
                        child.tail = _kept(pattern, child.tail)
            elif element.tail:
                element.tail = _kept(AttrListTreeprocessor.INLINE_RE, element.tail)


def _kept(pattern: re.Pattern[str], written: str) -> str:
    """``written`` with the brace of a ``{…}`` that is no attribute list escaped."""
    if "{" not in written:
        return written
    match = pattern.search(written)
    if match is None or not not_attributes(match[1]):
        return written
    brace = written.index("{", match.start())
    return written[:brace] + _KEPT_BRACE + written[brace + 1 :]


# liquid_tags' tag on one line, as its step read them, and its name ({%literal x%} too)
_LIQUID_TAG = re.compile(r"\{%(.*?)%\}")
_TAG_NAME = re.compile(r"\s*(\S+)\s*")
# codehilite reads an indented block's text at 30 (before it, still the block's text);
# Markdown's inline step makes the code spans at 20 (after it)
# the name liquid_tags' own Markdown step registers under, where a site lists the plugin
LIQUID_TAGS_STEP = "mdincludes"
LITERAL_BLOCKS_PRIORITY = 31
LITERAL_SPANS_PRIORITY = 19


def literal_shown(code: str) -> str:
    """Code with each ``{% literal … %}`` as liquid_tags' literal tag wrote it:
    ``{% `` and what followed the name, stripped, and `` %}``."""
    if "literal" not in code:
        return code

    def shown(match: re.Match[str]) -> str:
        name = _TAG_NAME.match(match[1])
        if name is None or name[1] != "literal":
            return match[0]
        return "{% " + match[1][name.end() :].strip() + " %}"

    return _LIQUID_TAG.sub(shown, code)


class LiteralInCode(Treeprocessor):
    """Each ``{% literal … %}`` of the code ``blocks`` (``<pre><code>``, before codehilite
    writes them) or of the code spans (``<code>`` elsewhere) as liquid_tags showed it."""

    def __init__(self, md: Markdown, braces: list[bool], blocks: bool) -> None:
        super().__init__(md)
        self.braces = braces  # HighlightFences' look at the text: [True] when it has a brace
        self.blocks = blocks

    def run(self, root: etree.Element) -> None:
        """Change the code's text (no recursion: iter)."""
        if self.braces == [False] or LIQUID_TAGS_STEP in self.md.preprocessors:
            return  # a site that lists liquid_tags: its own step showed them (not twice)
        for parent in root.iter():
            if (parent.tag == "pre") is not self.blocks:
                continue
            for child in parent:
                if child.tag == "code" and child.text and "literal" in child.text:
                    child.text = util.AtomicString(literal_shown(child.text))


# the characters of CJK text (ideographs, kana, hangul, full-width forms and punctuation)
CJK_RANGES = r"\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
CJK = f"[{CJK_RANGES}]"
# a $ that opens no math but is code spoken of in prose (MathJax would take the text up to the
# next $ for a formula, "$NETMASK和$"): a shell's variable in capitals run into the words or the
# path after it ($NETMASK和, $YOUR_IP改为, $HOME/bin:$PATH), a name of two letters or more in
# lower case run into CJK text ($foo和$bar改为: math has \sin, not sin), one letter run into it
# when the next $ starts a name too ($i和$j; $a和b$ is closed there, as MathJax reads it: math),
# jQuery's $( … ) ($('#id'), $(document), $(el).hide()) and a shell's $(command) ($(nproc),
# $(uname -r)); $(a+b)^2$, $(x, y)$, $x$和$y$ and $AB/CD$ are math
CODE_DOLLAR = (
    rf"(?![A-Z_][A-Z0-9_]+(?:{CJK}|/[a-z.])|[a-z_][A-Za-z0-9_]+{CJK}"
    rf"|[A-Za-z_]{CJK}[^$]*\$[A-Za-z_]"
    r"|\(\s*['\"\u2018\u201c]|\([A-Za-z_]\w{2,}\s*\)|\([^()$\n]{0,80}\)\.[A-Za-z_]"
    r"|\([a-z][\w.-]+\s+--?[A-Za-z])"
)
# LaTeX as render_math (MathJax) delimits it; \[ only around LaTeX: a command, a sub- or
# superscript, braces or an equals sign (\[citation needed\] is an escaped bracket, as
# Markdown has it), \( around LaTeX or a formula, not words (is_math)
MATH_RE = (
    # something other than space between them: "\s*\S", not ".*?\S", which tried every
    # place for the \S when the closing delimiter never comes (minutes on a long paragraph)
    # an opening written after a backslash is none: \\( and \$$ are an escaped \ and $ and
    # then a character (the $$ of $\$$40 and $\$$5 was read from the second $ on)
    r"(?<!\\)\\\((?P<paren>\s*\S.*?)\\\)"
    r"|(?<!\\)\\\[(?P<bracket>\s*\S.*?)\\\]"
    r"|(?<!\\)\$\$(?P<dollars>\s*\S.*?)\$\$"
    r"|\\begin\{(?P<env>[A-Za-z]+\*?)\}.*?\\end\{(?P=env)\}"
    # between single dollars, as pandoc reads them, so that prices are left alone: the
    # opening $ is not \$ or $$, the closing one has no space or backslash before it and no
    # digit after it ("$5 and $10", "$5-$10" are not math); a space after the opening one
    # only before LaTeX (is_math), as render_math read "$ x_1$"; not one before code
    rf"|(?<![\\$])\${CODE_DOLLAR}(?P<dollar>[^$]*?[^\s$\\])\$(?![\d$])"
    # or with a space on both sides, around LaTeX, and no number after it ("$ 5 or $ 10")
    r"|(?<![\\$])\$(?P<spaced>\s[^$]*?\s)\$(?!\s*[\d$])"
)
LATEX = re.compile(r"[\\^_{}=]")
# between \( and \): LaTeX, or a formula of letters, digits and operators (\(r\), \( x + y \));
# not prose: a word of three letters or more (\(text editor\), \(opcional\)), a number on
# its own (\(2\)) or a range of them (\(2013—2022\), years joined by a dash: a typographic
# dash is no minus, nor is one between two years) is written between escaped parentheses, as
# Markdown and CommonMark read them (a table of contents escapes a heading's parentheses);
# MathJax's auto-render would take any, but its pages do not go through Markdown first
PROSE = re.compile(
    r"(?<![\\A-Za-z])[^\W\d_]{3,}|^\s*[\d.,]+(?:\s*[–—]\s*[\d.,]+)?\s*$"
    r"|^\s*\d{4}\s*-\s*\d{4}\s*$"
)
# a Markdown link or an address between escaped brackets (an editor's insertion in a quotation,
# \[[Henri Becquerel](https://…) and …\]): its underscores are no subscripts
LINKED = re.compile(r"\]\(|://")
# text between two dollars that is no LaTeX: a word (a shell's $HOME/$USER, $PATH$) or a
# number ($3.50$), which Markdown leaves as written anyway
NOT_MATH = re.compile(r"[A-Za-z]{3,}[/:]?|[\d.,]+")
# before Markdown's backslash escape (180), after code in backticks (190)
MATH_PRIORITY = 185


def is_math(match: re.Match[str]) -> bool:
    """Whether a match of MATH_RE is LaTeX (not an escaped bracket, not a shell's dollars)."""
    if match["bracket"] is not None:
        written = match["bracket"]
        return LATEX.search(written) is not None and LINKED.search(written) is None
    if match["paren"] is not None:
        written = match["paren"]
        if LINKED.search(written):
            return False
        return LATEX.search(written) is not None or PROSE.search(written) is None
    if match["spaced"] is not None:
        return LATEX.search(match["spaced"]) is not None
    if match["dollar"] is not None:
        if match["dollar"][0].isspace():
            return LATEX.search(match["dollar"]) is not None
        return NOT_MATH.fullmatch(match["dollar"]) is None
    return True


class MathAsWritten(InlineProcessor):
    """LaTeX between render_math's delimiters kept as written: a ``<span class="math …">``
    whose text is an AtomicString, which no later step (smarty's, attr_list's) reads."""

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element | None, int | None, int | None]:
        if not is_math(m):
            return None, None, None
        if util.STX in m[0]:  # around code, or another step's result: not LaTeX to keep
            return None, None, None
        span = etree.Element("span")
        display = m["bracket"] is not None or m["dollars"] is not None or m["env"] is not None
        span.set("class", "math display" if display else "math inline")
        span.text = util.AtomicString(m[0])
        return span, m.start(0), m.end(0)


class LiquidExtension(Extension):
    """Registers the steps; ``take()`` gives the highlight tags converted since the last
    call."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.converted: list[str] = []
        self.shortcodes: list[str] = []  # WordPress's code shortcodes converted
        self.braces: list[bool] = []  # per text converted: whether it has a brace

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(
            HighlightFences(md, self.converted, self.braces, self.shortcodes),
            "jekyll_highlight",
            FENCE_PRIORITY,
        )
        md.treeprocessors.register(
            KeepBraceText(md, self.braces), "keep_brace_text", BRACES_PRIORITY
        )
        md.inlinePatterns.register(MathAsWritten(MATH_RE, md), "math_as_written", MATH_PRIORITY)
        md.treeprocessors.register(
            LiteralInCode(md, self.braces, blocks=True), "literal_blocks", LITERAL_BLOCKS_PRIORITY
        )
        md.treeprocessors.register(
            LiteralInCode(md, self.braces, blocks=False), "literal_spans", LITERAL_SPANS_PRIORITY
        )

    def take(self) -> list[str]:
        """The highlight tags converted since the last call, and forget them."""
        converted = list(self.converted)
        self.converted.clear()
        return converted

    def take_shortcodes(self) -> list[str]:
        """WordPress's code shortcodes converted since the last call, and forget them."""
        shortcodes = list(self.shortcodes)
        self.shortcodes.clear()
        return shortcodes
