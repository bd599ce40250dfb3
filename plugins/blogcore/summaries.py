"""A post's automatic summary as text: what a card on another page can show.

Without a ``Summary:`` line, Pelican cuts a post's first ``SUMMARY_MAX_LENGTH`` words of HTML,
block structure and all: a post that starts with a heading, a code block (with its Copy
button), a table or a formula put them into every listing card and every other post's
"Related reading" (a second ``<h1>`` on the home page, headings skipping levels, a box wider
than a phone). A card shows text: this module makes the summary from the post's paragraphs
(and list items), keeping their phrasing markup (links, emphasis, code, abbreviations...) and
leaving out headings, code blocks, tables, math, pictures, footnote markers and links with no
text. A summary that holds nothing else already is kept exactly as Pelican made it.

A post may also mark where its summary ends, as blogs of other engines do: the text before
``<!-- PELICAN_END_SUMMARY -->`` (Pelican's summary plugin, after an optional
``<!-- PELICAN_BEGIN_SUMMARY -->``) or before ``<!--more-->`` (WordPress, Hugo, Hexo, Jekyll
sites that set it) is its summary, shown as text in the same way (``marked_summary``).
"""

import functools
import re

from bs4 import BeautifulSoup
from bs4.element import Comment, NavigableString, Tag

# What a card keeps of a paragraph: phrasing elements. Any other element in one is unwrapped.
INLINE = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "del", "dfn", "em", "i", "ins",
    "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u",
    "var", "wbr",
})  # fmt: skip
# What a card leaves out, text and all: no sentence of the post's is in them.
DROPPED = frozenset({
    "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table", "math", "figure", "img", "picture",
    "svg", "video", "audio", "iframe", "object", "embed", "canvas", "button", "hr", "script",
    "style", "template", "details", "nav", "form", "input", "select", "textarea", "source",
    "track", "noscript", "caption",
})  # fmt: skip
_TAG_NAME = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")  # tag names only, not a parse
# A word of a card, as Pelican's own cut counts them: a character of Chinese, Japanese or
# Korean (written without spaces), else what a space ends
_SPACELESS = "\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7ff\uf900-\ufaff"
_WORD = rf"[{_SPACELESS}]|[^\s{_SPACELESS}]+"
# The comments that mark a summary, as their text is written: Pelican's summary plugin's
# markers, and "more" (<!--more-->, Hexo's <!-- more -->, WordPress's <!--more Read on-->)
_END_MARKER = re.compile(r"\s*(?:PELICAN_END_SUMMARY|more)\s*|more\s.*", re.IGNORECASE | re.DOTALL)
_BEGIN_MARKER = re.compile(r"\s*PELICAN_BEGIN_SUMMARY\s*", re.IGNORECASE)
# the metadata key a summary made from a post's marker is left under, with the marker as
# written: it is the post's own text (its links are the body's), shown as text on cards
MARKED = "blogcore_summary_marker"
_KEPT_ATTRIBUTES = {"a": ("href", "hreflang", "rel"), "abbr": ("title",), "time": ("datetime",)}
_EVERYWHERE = ("lang", "dir")


def is_text(html: str) -> bool:
    """Whether a summary holds only paragraphs of phrasing markup (nearly every one: as it is)."""
    names = {name.lower() for name in _TAG_NAME.findall(html)}
    if not names <= INLINE | {"p"}:
        return False
    if "a" in names or "sup" in names:  # an empty link, a footnote's marker
        soup = BeautifulSoup(html, "html.parser")
        return not any(_unwanted(tag) for tag in soup.find_all(["a", "sup"]))
    return True


def _unwanted(tag: Tag) -> bool:
    """A footnote's marker (its number means nothing on a card), a link with no text."""
    if tag.name == "sup":
        return tag.find("a", class_="footnote-ref") is not None
    return tag.name == "a" and not tag.get_text(strip=True)


def card_summary(html: str, words: int | None, suffix: str = "…") -> str:
    """The paragraphs of ``html`` (and its list items', quotations'...) as ``<p>`` elements of
    phrasing markup, cut after ``words`` words (None: not cut) with ``suffix``."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        if tag.decomposed:
            continue
        if tag.name in DROPPED or {"footnote", "toc"} & set(tag.get("class") or ()):
            tag.decompose()
    for tag in soup.find_all(["a", "sup"]):
        if not tag.decomposed and _unwanted(tag):
            tag.decompose()
    paragraphs: list[list] = [[]]
    _runs(soup, paragraphs)
    out = BeautifulSoup("", "html.parser")
    for run in paragraphs:
        if not "".join(node.get_text() for node in run).strip():
            continue
        paragraph = out.new_tag("p")
        for node in run:
            paragraph.append(node)
        _phrasing(paragraph)
        out.append(paragraph)
    if words is not None:
        _cut(out, words, suffix)
    # one paragraph a line, as Pelican's own summary: a description made of the text keeps
    # a space between them ("Atom (text editor) O comando", not "editor)O")
    return "\n".join(str(node) for node in out.contents)


def _runs(node: Tag, paragraphs: list[list]) -> None:
    """Phrasing children of ``node`` into the last paragraph; a block ends one and starts
    the next, however deep blocks nest (no recursion)."""
    stack = [iter(list(node.children))]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            if paragraphs[-1]:  # the end of a block
                paragraphs.append([])
        elif isinstance(child, Tag) and child.name not in INLINE:
            if paragraphs[-1]:
                paragraphs.append([])
            stack.append(iter(list(child.children)))
        elif isinstance(child, Tag) or type(child) is NavigableString:
            paragraphs[-1].append(child.extract())


def _phrasing(paragraph: Tag) -> None:
    """No ids (a heading's would be twice on the page), only phrasing attributes."""
    for tag in paragraph.find_all(True):
        keep = _KEPT_ATTRIBUTES.get(tag.name, ()) + _EVERYWHERE
        tag.attrs = {name: value for name, value in tag.attrs.items() if name in keep}


@functools.cache
def _word() -> re.Pattern[str]:
    """``_WORD`` compiled when a card is first cut to length (10 ms: its wide negated range)."""
    return re.compile(_WORD)


def _cut(out: BeautifulSoup, words: int, suffix: str) -> None:
    """Everything after the ``words``-th word removed, ``suffix`` after it."""
    seen = 0
    for string in list(out.find_all(string=True)):
        found = list(_word().finditer(string))
        if seen + len(found) <= words:
            seen += len(found)
            continue
        end = found[words - seen - 1].end() if words > seen else 0
        last = NavigableString(string[:end].rstrip())
        string.replace_with(last)
        for node in list(last.next_elements):
            node.extract()
        for paragraph in out.find_all("p"):
            if not paragraph.get_text(strip=True):
                paragraph.decompose()
        texts = [s for s in out.find_all(string=True) if s.strip()]
        if texts:
            texts[-1].replace_with(texts[-1].rstrip() + suffix)
        return


def marked_summary(html: str) -> tuple[str, str] | None:
    """The part of a post's HTML that its summary markers mark (before the end marker, after
    the begin marker), every element it is in closed where it is cut (a marker in a list
    item or a quotation), and the marker as written (``<!-- more -->``); None when the post
    has no marker, or nothing is before it."""
    if "<!--" not in html:  # nearly every post
        return None
    soup = BeautifulSoup(html, "html.parser")
    comments = [node for node in soup.find_all(string=True) if isinstance(node, Comment)]
    end = next((node for node in comments if _END_MARKER.fullmatch(node)), None)
    begin = next((node for node in comments if _BEGIN_MARKER.fullmatch(node)), None)
    if begin is not None and end is not None and comments.index(begin) > comments.index(end):
        begin = None  # a begin marker after the end: the summary starts with the post
    if end is None and begin is None:
        return None
    marker = end if end is not None else begin
    written = f"<!--{marker}-->"
    if end is not None:
        _cut_around(end, "next_siblings")
    if begin is not None:
        _cut_around(begin, "previous_siblings")
    for node in soup.find_all(string=True):
        if isinstance(node, Comment) and (
            _END_MARKER.fullmatch(node) or _BEGIN_MARKER.fullmatch(node)
        ):
            node.extract()
    if not soup.get_text(strip=True):  # a picture at most: the post's first words, as without
        return None
    return str(soup).strip(), written


def _cut_around(marker: Comment, side: str) -> None:
    """Everything on one side of ``marker`` removed (``next_siblings``: after it), at its level
    and at every level above it: the elements it is in stay, closed where it was."""
    node: Tag | Comment | None = marker
    while node is not None and node.parent is not None:
        for sibling in list(getattr(node, side)):
            sibling.extract()
        node = node.parent
    marker.extract()
