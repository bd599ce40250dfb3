"""Text that looks like an HTML tag but is none, kept as text: ``List<String>``, ``<x, y>``.

Markdown passes anything between ``<`` and ``>`` through as raw HTML, and the sanitiser then
removes what it does not allow: ``List<String> type`` was published as "List type", and
``if a<b && b>c`` as "if a" and a bold "c". Here Markdown's own inline HTML step (its
``html`` pattern, replaced under the same name through the extension API) passes on only
what is a tag: the name of an element of HTML (or of SVG or MathML inside it) and attributes
as people write them, or a comment. Anything else is shown as written, and noted, so the
reader can name it with its line (a tag misspelt, ``<stong>``, is shown as text too).
"""

from __future__ import annotations

import difflib
import re

from markdown import Markdown
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
_ATTRIBUTE = r"""\s+[A-Za-z_:@][-\w:.@]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>`]+))?"""
_TAG = re.compile(rf"</?(?P<name>[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9-]*)?)(?:{_ATTRIBUTE})*\s*/?>")


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


def message(raw: str) -> str:
    """What the reader says of text shown as written (its line is said before)."""
    match = re.match(r"</?([A-Za-z][A-Za-z0-9]*)", raw)
    close = match and difflib.get_close_matches(match[1].lower(), HTML_ELEMENTS, n=1, cutoff=0.8)
    tag = f"; if it is a tag, did you mean <{close[0]}>?" if close else ""
    return f"{raw} is not an HTML tag, so it is shown as written: put code between backticks{tag}"


class TagOrText(HtmlInlineProcessor):
    """Markdown's inline HTML step, passing on tags only; the rest stays text, noted."""

    def __init__(self, md: Markdown, found: list[str]) -> None:
        super().__init__(HTML_RE, md)
        self.found = found

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str, int, int]:
        """A placeholder for a tag (Markdown's own step), the text itself for anything else."""
        raw = m.group(1)
        if is_tag(raw):
            return super().handleMatch(m, data)
        self.found.append(raw)
        return AtomicString(self.backslash_unescape(self.unescape(raw))), m.start(0), m.end(0)


class TagOrTextExtension(Extension):
    """Registers TagOrText as Markdown's ``html`` pattern; ``take()`` gives what was kept as
    text since the last call."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.found: list[str] = []

    def extendMarkdown(self, md: Markdown) -> None:
        md.inlinePatterns.register(TagOrText(md, self.found), "html", 90)

    def take(self) -> list[str]:
        """What was shown as written since the last call, once each, and forget it."""
        found = list(dict.fromkeys(self.found))
        self.found.clear()
        return found
