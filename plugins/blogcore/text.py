"""Plain-text helpers over rendered HTML: word counts, reading time, images, initials.

HTML is read with beautifulsoup4 and Python's own parser (lxml, not a dependency, read a post
in 1.27 ms against 1.54: not worth one); no regular expression parses it. A Markdown post's
facts come faster from Python-Markdown's own tree (mdtree.py); these functions are the plain
path for any other HTML, and the reference that path is tested against.
"""

import difflib
import functools
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from html import escape, unescape
from html.parser import HTMLParser

import nh3
from bs4 import BeautifulSoup
from bs4.dammit import EntitySubstitution
from bs4.element import NavigableString, Tag
from bs4.formatter import HTMLFormatter

from . import attributes as attribute_values
from . import controls, embeds, links, rawtags

_WORD = re.compile(r"[\w'\u2019-]+")  # over plain text, not HTML
# Scripts written without spaces between words: kana, Han (CJK ideographs), half-width kana.
_SPACELESS = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]"
_KANA = re.compile(r"[\u3040-\u30ff\uff66-\uff9f]")
# What a character of such text weighs against an English word in reading time: the IReST
# study (Trauzettel-Klosinski et al., 2012) measured 228 English words a minute against 357
# Japanese and 255 Chinese characters (Japanese is told by its kana)
_JAPANESE_CHARACTER, _CHINESE_CHARACTER = 228 / 357, 228 / 255
# Elements whose content is not prose, and elements that end a run of words.
SKIPPED_TAGS = frozenset({"script", "style", "pre"})
BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "table", "tr", "td", "th", "figure", "figcaption", "section", "article", "hr", "dd", "dt",
})  # fmt: skip


def soup(html: str) -> BeautifulSoup:
    """``html`` parsed, every attribute a plain string (class too), with positions."""
    return BeautifulSoup(html, "html.parser", multi_valued_attributes=None)


def _prose(node: Tag, out: list[str]) -> None:
    """The text of ``node``'s children into ``out``: a space at each block boundary and for
    each skipped element, nothing for other tags, comments left out (no recursion)."""
    stack: list[tuple[Iterator, bool]] = [(iter(node.contents), False)]
    while stack:
        children, block = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if block:
                out.append(" ")
        elif isinstance(child, Tag):
            if child.name in SKIPPED_TAGS:
                out.append(" ")
            else:
                block = child.name in BLOCK_TAGS
                if block:
                    out.append(" ")
                stack.append((iter(child.contents), block))
        elif type(child) is NavigableString:  # not a comment, doctype or CDATA section
            out.append(child)


def visible_text(html: str) -> str:
    """The prose of rendered HTML: code, scripts and styles dropped, entities decoded."""
    if not html:
        return ""
    if "<" not in html:
        return unescape(html)
    out: list[str] = []
    _prose(soup(html), out)
    return "".join(out)


def count_text_words(prose: str) -> int:
    """The words of plain text (what count_words counts once the markup is gone); Chinese and
    Japanese, written without spaces, by their characters, as many words as take as long to
    read (a 5,700-character Japanese post is about 3,600 words, not the 300 runs between its
    punctuation)."""
    if prose.isascii() or not (spaceless := _spaceless()).search(prose):
        return len(_WORD.findall(prose))
    characters = len(spaceless.findall(prose))
    weight = _JAPANESE_CHARACTER if _KANA.search(prose) else _CHINESE_CHARACTER
    return len(_WORD.findall(spaceless.sub(" ", prose))) + round(characters * weight)


@functools.cache
def _spaceless() -> re.Pattern[str]:
    """``_SPACELESS`` compiled when non-ASCII prose first needs it (4 ms: its wide ranges)."""
    return re.compile(_SPACELESS)


def count_words(html: str) -> int:
    """Count the words of prose in rendered HTML, leaving code blocks out."""
    return count_text_words(visible_text(html))


def reading_minutes(words: int, words_per_minute: int) -> int:
    """Whole minutes to read ``words`` words, never less than one."""
    return max(1, math.ceil(words / words_per_minute))


def first_image(html: str, usable: Callable[[str], bool] = lambda src: True) -> str | None:
    """The ``src`` of the first image in rendered HTML that is ``usable`` (one readers can
    load, for a social card), if any."""
    if not html or "<img" not in html.lower():  # most posts: no parse at all
        return None
    return next(
        (
            attrs["src"]
            for name, attrs in markup_of(html)
            if name == "img" and attrs.get("src") and usable(attrs["src"])
        ),
        None,
    )


def initials(name: str) -> str:
    """Up to two initials for a monogram avatar: 'Ana de la Cruz' -> 'AC'."""
    parts = [p for p in re.split(r"[\s\-]+", name.strip()) if p and p[0].isalpha()]
    capitals = [p for p in parts if p[0].isupper()] or parts
    if not capitals:
        return "?"
    if len(capitals) == 1:
        return capitals[0][0].upper()
    return (capitals[0][0] + capitals[-1][0]).upper()


# Chinese and Japanese punctuation a summary in those scripts is best cut at (the stop, comma,
# enumeration comma, ! ? ; : in their full-width forms)
_CJK_PAUSE = "。，、！？；："


def plain_summary(html: str, limit: int = 300) -> str:
    """A summary as plain text for meta descriptions, cut at a word boundary (in Chinese or
    Japanese text, which has no spaces, between two characters)."""
    words = visible_text(html).split()
    out = " ".join(words)
    if len(out) <= limit:
        return out
    head = out[:limit]
    if out.isascii() or not _spaceless().search(out, 0, limit + 1):
        return head.rsplit(" ", 1)[0] + "…"
    # Chinese prose with one space early on (awstats7.2 + nginx) kept those words alone: a
    # character is a word; at a pause when one is near the end
    pause = max(head.rfind(mark) for mark in _CJK_PAUSE)
    if pause >= 2 * limit // 3:
        return head[:pause] + "…"
    spaceless = _spaceless()
    cut = next(
        (
            i
            for i in range(limit, 0, -1)
            if head[i - 1] == " " or spaceless.match(head, i - 1) or spaceless.match(out, i)
        ),
        limit,
    )
    return head[:cut].rstrip() + "…"


@functools.lru_cache(maxsize=4096)  # a post's summary is shown on many listing pages
def shown_elsewhere(html: str, page_url: str) -> str:
    """A post's summary as a card on another page shows it (the home page, a tag page, the
    related reading under another post): without its footnote markers and footnotes, whose
    ``fn:1`` and ``fnref:1`` every post has, nor any ``id`` (a heading's would be the page's
    twice); a link to a place in the post (``#why``) goes to that place on ``page_url``; a
    table's box is no region there (``scroll_tables``)."""
    if 'id="' not in html and 'href="#' not in html:  # nearly every summary: as it is
        return html
    soup = BeautifulSoup(html, "html.parser")
    for marker in soup.select("sup:has(> a.footnote-ref)"):
        marker.decompose()
    for block in soup.select("div.footnote"):
        block.decompose()
    for box in soup.select(f"div.{TABLE_BOX}[aria-labelledby]"):
        # its name's id goes; and many cards' regions, named alike, would be a page of
        # landmarks: a card's table scrolls in a box that only takes Tab
        del box["aria-labelledby"]
        del box["role"]
    for tag in soup.find_all(True):
        del tag["id"]
        href = tag.get("href")
        if tag.name == "a" and isinstance(href, str) and href.startswith("#"):
            tag["href"] = page_url + href
    return str(soup)


def absolute_url(siteurl: str, path: str | None) -> str:
    """Join SITEURL and a site path; an absolute URL passes through unchanged."""
    if not path or "://" in path or path.startswith("//"):
        return path or ""
    return f"{siteurl}/{path.lstrip('/')}"


# A table cell's alignment as Markdown's tables write it (a CSS declaration, not HTML).
ALIGN_STYLE = re.compile(r"text-align:\s*(left|right|center);?")
TABINDEX = ' tabindex="0"'


def align_class(style: str | None) -> str | None:
    """``align-right`` for a ``style`` that only aligns text, else None."""
    match = ALIGN_STYLE.fullmatch(style) if style else None
    return f"align-{match.group(1)}" if match else None


def line_starts(html: str) -> list[int]:
    """Where each line of ``html`` starts (the parser gives a tag's line and column)."""
    starts = [0, 0]  # lines count from 1
    found = html.find("\n")
    while found >= 0:
        starts.append(found + 1)
        found = html.find("\n", found + 1)
    return starts


def located(html: str, *names: str) -> Iterator[tuple[int, Tag]]:
    """Each element of ``html`` (named ``names``, or any) with the offset of its start tag,
    read by beautifulsoup4: where a change can be spliced in, the rest keeping its bytes."""
    lines = line_starts(html)
    for tag in soup(html).find_all(list(names) or True):
        yield lines[tag.sourceline] + tag.sourcepos, tag


# A formula (reST's ``.. math::`` as MathML, in a <div> of its own) wider than a phone
# scrolls in its box, which takes Tab, as a code block does (theme: .math-block).
MATH_BOX = ' class="math-block" tabindex="0"'


def _block_math(div: Tag) -> bool:
    """Whether a <div> holds one block formula and nothing else."""
    first = _first_child(div)
    return (
        isinstance(first, Tag)
        and first.name == "math"
        and first.get("display") == "block"
        and all(child is first or not str(child).strip() for child in div.contents)
    )


def _first_child(tag: Tag):
    """The first child of ``tag`` that is not white space."""
    for child in tag.contents:
        if not (type(child) is NavigableString and not child.strip()):
            return child
    return None


# The ids the theme's templates give the page around a post (tests/test_blogcore_ids.py keeps
# this list and the templates in step). A post's own id must not be one of them: a heading
# "Comments" got id="comments", the comments section's, twice in the page (invalid HTML,
# and the post cards' "3 comments" link and the skip link went to the heading).
PAGE_IDS = frozenset(
    {
        "main", "comments", "comments-title", "webmentions", "webmentions-title",
        "author-card-title", "related-posts-title", "series-nav-title", "share-links-title",
        "search-q", "search-title", "site-search-q", "site-menu-panel",
        "pagination-label", "series-line-label",
        "gallery-page-title", "gallery-posts-title", "home-team-title",
        "profile-links-title", "profile-posts-title", "team-alumni-title", "team-current-title",
    }
)  # fmt: skip


def has_id(html: str, names: frozenset[str]) -> bool:
    """Whether ``id="name"`` is in the HTML for any of ``names``: each ``id="`` looked up
    among them (a post has a few), not each of forty names looked for in the whole text."""
    at = html.find('id="')
    while at != -1:
        start = at + 4
        end = html.find('"', start)
        if end == -1:
            return False
        if html[start:end] in names:
            return True
        at = html.find('id="', start)
    return False


def free_page_ids(html: str, taken: frozenset[str] = PAGE_IDS) -> str:
    """A post's ids that the page around it has too, renamed (comments -> comments-2, the
    first free), with the post's own links to them (#comments)."""
    if not has_id(html, taken):  # nearly every post: no parse
        return html
    found = BeautifulSoup(html, "html.parser")
    ids = {str(tag["id"]) for tag in found.find_all(id=True)}
    renamed = {}
    for tag in found.find_all(id=True):
        old = str(tag["id"])
        if old in taken and old not in renamed:
            n = 2
            while f"{old}-{n}" in ids or f"{old}-{n}" in taken:
                n += 1
            renamed[old] = f"{old}-{n}"
            ids.add(renamed[old])
        if old in renamed:
            tag["id"] = renamed[old]
    if not renamed:  # the text only spoke of one (id="main" in a code sample)
        return html
    for tag in found.find_all(href=True):
        href = str(tag["href"])
        if href.startswith("#") and href[1:] in renamed:
            tag["href"] = "#" + renamed[href[1:]]
    return str(found)


def tidy_html(html: str) -> str:
    """Make rendered Markdown CSP- and keyboard-friendly.

    Code blocks and block formulas (``MATH_BOX``) become focusable, so a reader without a
    mouse can scroll a long line; table cells get an ``align-*`` class instead of the inline
    style a strict CSP would block; every table scrolls in a wrapper of its own (``scroll_tables``).
    beautifulsoup4 finds them; the changes are spliced in where it found them, so the rest
    of the HTML keeps its bytes. (A Markdown post has all three done in Markdown's own tree:
    mdtree.py.)
    """
    code = '<div class="highlight"' in html
    math = 'display="block"' in html
    if not code and not math and 'style="text-align:' not in html:  # most HTML: nothing to do
        return scroll_tables(html)
    lines = line_starts(html)
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement)
    for at, tag in located(html):
        if math and tag.name == "div" and not tag.attrs and _block_math(tag):
            edits.append((at + 4, at + 4, MATH_BOX))
        if code and tag.name == "div" and html.startswith('<div class="highlight"', at):
            first = _first_child(tag)
            if (
                isinstance(first, Tag)
                and first.name == "pre"
                and "tabindex" not in first.attrs
                and html.startswith("<pre", pos := lines[first.sourceline] + first.sourcepos)
            ):
                edits.append((pos + 4, pos + 4, TABINDEX))
        aligned = align_class(tag.get("style"))
        if aligned:
            written = f'style="{tag["style"]}"'
            found = html.find(written, at)
            if found > 0 and html[found - 1].isspace():
                edits.append((found - 1, found + len(written), f' class="{aligned}"'))
    for start, end, new in sorted(edits, reverse=True):
        html = html[:start] + new + html[end:]
    return scroll_tables(html)


# Tables. A table wider than the text (a dozen columns, a long URL in a cell) would widen the
# whole page on a phone (WCAG 1.4.10, Reflow): each table is put in a box that scrolls
# sideways instead, the table itself untouched (display: block on a table loses its
# semantics in some browsers). The box takes Tab (tabindex="0": a keyboard scrolls it with
# the arrow keys; axe's scrollable-region-focusable) and, where it has a name, is a region
# named by the table's caption or else by the heading it comes under (Adrian Roselli,
# "Under-Engineered Responsive Tables"); without either it has no role, as a region with
# no name, or with another region's name, is what axe's landmark rules refuse.
TABLE_BOX = "table-scroll"
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass
class TableNames:
    """What each table's box says, read in document order: ``heading`` for each heading,
    then ``box`` for each table: the box's attributes, in the lexical order Markdown writes
    them. A heading names one table at most; one without an id is given one (``name_it``)
    only when it names a table."""

    taken: set[str]  # every id of the HTML: a caption or heading given one takes a free one
    _heading: tuple[str | None, Callable[[str], None] | None] | None = None

    def heading(self, element_id: str | None, name_it: Callable[[str], None] | None) -> None:
        """A heading, with its id, or how to give it one (its start tag gets ``id``)."""
        self._heading = (_one_id(element_id), name_it)

    def free_id(self, stem: str) -> str:
        """An id no element of the HTML has yet (``stem``, then ``stem-2``, ...), now taken."""
        candidate, n = stem, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{stem}-{n}"
        self.taken.add(candidate)
        return candidate

    def box(self, caption_id: str | None) -> dict[str, str]:
        """The attributes of the next table's box (``caption_id``: its caption's id)."""
        label = _one_id(caption_id)
        if label is None and self._heading is not None:
            label, name_it = self._heading
            self._heading = None  # it names this table, and no other
            if label is None and name_it is not None:
                label = self.free_id("table-heading")
                name_it(label)
        if label is None:
            return {"class": TABLE_BOX, "tabindex": "0"}
        return {"aria-labelledby": label, "class": TABLE_BOX, "role": "region", "tabindex": "0"}


def _one_id(value: str | None) -> str | None:
    """An id aria-labelledby can point at: not empty, no space (which would make it two)."""
    return value if value and not any(c.isspace() for c in value) else None


def in_table_box(parent_tag: str | None, parent_class: str | None) -> bool:
    """Whether a table's parent is a box already (HTML tidied twice, or written so)."""
    return parent_tag == "div" and (parent_class or "").split() == [TABLE_BOX]


class _TableEnds(HTMLParser):
    """Where each table's end tag ends, by where its start tag starts (Python's own HTML
    parser: the one beautifulsoup4 runs, which keeps only where a tag starts)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lines, self.html = line_starts(html), html
        self.open: list[int] = []
        self.ends: dict[int, int] = {}
        self.feed(html)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.lines[line] + column

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "table":
            self.open.append(self._offset())

    def handle_startendtag(self, tag: str, attrs) -> None:
        pass  # <table/> is a start tag in HTML, but no table box is made for it

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.open:
            at = self._offset()  # where "</table" starts; the tag ends at its ">"
            closing = self.html.find(">", at)
            if closing > 0:
                self.ends[self.open.pop()] = closing + 1


def scroll_tables(html: str) -> str:
    """Every table of ``html`` (but one inside another table, or in a box already) in a
    ``div.table-scroll`` box (``TableNames``); a caption or heading that names one and has no
    id is given one. Spliced in, as tidy_html's changes are; mdtree.scroll_tables does the
    same in a Markdown post's tree."""
    if "<table" not in html.lower():
        return html
    lines = line_starts(html)
    found = soup(html)
    names = TableNames({str(tag["id"]) for tag in found.find_all(id=True)})
    edits: list[tuple[int, int, str]] = []  # in document order; applied from the end

    def give_id(at: int, name: str) -> Callable[[str], None]:
        spot = at + 1 + len(name)  # after "<h2"
        return lambda new_id: edits.append((spot, spot, f' id="{new_id}"'))

    ends: dict[int, int] | None = None
    for tag in found.find_all([*HEADINGS, "table"]):
        at = lines[tag.sourceline] + tag.sourcepos
        if tag.name != "table":
            # an empty id="" is left as it is: a second id attribute would not count
            names.heading(tag.get("id"), None if tag.has_attr("id") else give_id(at, tag.name))
            continue
        parent = tag.parent
        if tag.find_parent("table") is not None or in_table_box(parent.name, parent.get("class")):
            continue
        if ends is None:
            ends = _TableEnds(html).ends
        end = ends.get(at)
        if end is None:  # a table never closed: left as it is
            continue
        caption = tag.find("caption", recursive=False)
        caption_id = None
        if caption is not None and not caption.has_attr("id"):
            caption_id = names.free_id("table-caption")
            give_id(lines[caption.sourceline] + caption.sourcepos, "caption")(caption_id)
        elif caption is not None:
            caption_id = caption.get("id") or None
        attrs = "".join(
            f' {name}="{escape(value)}"' for name, value in names.box(caption_id).items()
        )
        edits.append((at, at, f"<div{attrs}>"))
        edits.append((end, end, "</div>"))
    # at one offset ("</table><table>"), the later edit goes first: "</div><div ...>"
    for _order, (start, stop, new) in sorted(
        enumerate(edits), key=lambda e: (e[1][0], e[0]), reverse=True
    ):
        html = html[:start] + new + html[stop:]
    return html


# Math as MathML (what docutils writes for :math: and .. math::): the elements of MathML Core
# (w3.org/TR/mathml-core), which browsers typeset, but <annotation-xml> (which may hold HTML);
# of their attributes the layout ones, never href, style or an event handler. Also kept:
# what docutils writes on <mtable> for an aligned environment (MathML 3's, harmless where a
# browser has no use for them) and xmlns on <math>.
_MATH_GLOBAL = {"displaystyle", "scriptlevel"}
_MATH_TOKEN = _MATH_GLOBAL | {"mathvariant"}
_MATH_ATTRIBUTES = {
    "math": _MATH_GLOBAL | {"xmlns", "display", "alttext"},
    "mi": _MATH_TOKEN, "mn": _MATH_TOKEN, "mtext": _MATH_TOKEN, "ms": _MATH_TOKEN,
    "mo": _MATH_TOKEN | {
        "form", "fence", "separator", "lspace", "rspace", "stretchy", "symmetric",
        "maxsize", "minsize", "largeop", "movablelimits", "accent",
    },
    "mfrac": _MATH_GLOBAL | {"linethickness", "numalign", "denomalign"},
    "mspace": _MATH_GLOBAL | {"width", "height", "depth"},
    "mpadded": _MATH_GLOBAL | {"width", "height", "depth", "lspace", "voffset"},
    "mover": _MATH_GLOBAL | {"accent"},
    "munder": _MATH_GLOBAL | {"accentunder"},
    "munderover": _MATH_GLOBAL | {"accent", "accentunder"},
    "mtable": _MATH_GLOBAL | {"columnalign", "columnspacing", "rowalign", "rowspacing"},
    "mtr": _MATH_GLOBAL | {"columnalign", "rowalign"},
    "mtd": _MATH_GLOBAL | {"columnspan", "rowspan", "columnalign", "rowalign"},
    "maction": _MATH_GLOBAL | {"actiontype", "selection"},
    "annotation": _MATH_GLOBAL | {"encoding"},
    **{
        tag: _MATH_GLOBAL
        for tag in (
            "merror", "mmultiscripts", "mphantom", "mprescripts", "mroot", "mrow", "msqrt",
            "mstyle", "msub", "msubsup", "msup", "none", "semantics",
        )
    },
}  # fmt: skip
MATH_TAGS = frozenset(_MATH_ATTRIBUTES)

# What Markdown (with extra, toc, codehilite, smarty) and a writer's own HTML may leave in a
# post: structure, media, tables, code. Never scripts, styles, frames, forms or event handlers.
_CONTENT_TAGS = nh3.ALLOWED_TAGS | {
    "audio", "figure", "figcaption", "picture", "section", "source", "track", "video",
    "input",  # a task list's box only (task_boxes)
} | MATH_TAGS  # fmt: skip
_EVERYWHERE = {"class", "id", "title", "lang", "dir", "role", "aria-label", "aria-hidden"}
_CONTENT_ATTRIBUTES = {
    **{tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": _EVERYWHERE,
    "a": {"href", "hreflang", "rel", "type", "download"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"src", "srcset", "type", "media", "sizes"},
    "video": {"src", "controls", "poster", "width", "height", "preload", "muted", "loop"},
    "audio": {"src", "controls", "preload", "loop"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "pre": {"tabindex"},  # tidy_html makes code blocks scrollable by keyboard
    "div": {"tabindex", "aria-labelledby"},  # and tables' boxes (scroll_tables)
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "details": {"open"},
    "input": {"type", "checked", "disabled"},
    **_MATH_ATTRIBUTES,
}
_SCHEMES = {"http", "https", "mailto", "tel"}

_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")  # over a URL, not HTML
# The attributes whose URL's scheme is checked: nh3 checks these three, srcset is ours.
_URL_ATTRIBUTES = {"href", "src", "poster"}

# What a writer's markup holds, to tell them what the sanitiser took out: (tag name, its
# attributes, values decoded) for every element. Comments and the bodies of script and
# style are not markup. The same from Markdown's tree: mdtree.markup.
Markup = Iterable[tuple[str, dict[str, str]]]


def images_without_alt(markup: Markup) -> tuple[str, ...]:
    """The src of every image of ``markup`` whose alt text is missing or blank (but for one
    marked decorative: ``role="presentation"``, ``aria-hidden="true"``)."""
    return tuple(
        str(attrs.get("src") or "")
        for name, attrs in markup
        if name == "img"
        and not str(attrs.get("alt") or "").strip()
        and attrs.get("role") not in ("presentation", "none")
        and attrs.get("aria-hidden") != "true"
    )


def images_needing_alt(html: str) -> list[str]:
    """The src of each image of ``html`` (once each) that has no alt text and nothing else
    that names it: not in a ``<figure>`` whose ``<figcaption>`` says what it shows, not in
    a link whose own text names it (both may leave alt empty, WCAG), not marked decorative."""
    found: list[str] = []
    for image in soup(html).find_all("img"):
        if str(image.get("alt") or "").strip():
            continue
        if image.get("role") in ("presentation", "none") or image.get("aria-hidden") == "true":
            continue
        figure = image.find_parent("figure")
        caption = figure.find("figcaption") if figure is not None else None
        if caption is not None and caption.get_text(strip=True):
            continue
        link = image.find_parent("a")
        if link is not None and link.get_text(strip=True):
            continue
        src = str(image.get("src") or "")
        if src not in found:
            found.append(src)
    return found


# The alt texts editors write for a picture pasted or dropped in, which describe nothing: a
# placeholder (VS Code's snippet selects "alt text"), or a name a tool gave the file
# (Typora's image-20260301101422123, Obsidian's Pasted image 2026…, macOS's Screenshot 2026-…
# at 10.14.22, a phone's IMG_2041, Notion's export: the file's name). A screen reader reads
# it out as it is. The build's own advice (``![what it shows](…)``, ``where it leads``) is
# one too: a writer who copies the example as it stands is told again, never published.
ALT_PLACEHOLDERS = frozenset(
    {
        "alt", "alt text", "alt-text", "alttext", "image alt", "alt image", "image",
        "picture", "pic", "photo", "screenshot", "screen shot", "caption", "description",
        "image description", "enter image description here", "placeholder", "untitled",
        "what it shows", "where it leads",
    }
)  # fmt: skip
# the advice's example of alt text (the reader's, sitecheck's lint's): a placeholder, above,
# as a real description copied as it stands ("A crowd at the launch") was published as false
ALT_EXAMPLE = "what it shows"
# the advice's example for a post in another language: "what it shows, in Hungarian"
_ADVICE_IN = re.compile(r"^what it shows, in \S.*$", re.IGNORECASE)
_IMAGE_SUFFIX = re.compile(r"\.(?:png|jpe?g|gif|webp|avif|heic|heif|tiff?|bmp|svg)$", re.IGNORECASE)
# a tool's name for a file: a word it starts its names with, then a date, a time, a number
_TOOL_NAME = re.compile(
    r"^(?:pasted image|screen ?shot|screenshot|image|img|photo|untitled|capture|scan"
    r"|whatsapp image|clipboard|pxl|dsc[nf]?|mvimg)"
    r"[\s_-]*[\d][\d\s_.:-]*(?:\s*at\s*[\d.:\s]+(?:[ap]\.?m\.?)?)?(?:\s*\(\d+\))?$"
    r"|^(?:image|untitled|screenshot)\s*\(\d+\)$",
    re.IGNORECASE,
)


def _name_key(text: str) -> str:
    """A name as letters and digits only, lower case: IMG_2041.jpeg and img-2041 alike."""
    return re.sub(r"[\W_]+", "", text.replace("%20", " ").lower())


def alt_describes_nothing(alt: str, src: str) -> str:
    """What an image's alt text is when it describes nothing ("" when it may describe the
    picture): "a placeholder" (``alt text``, ``image``), "the file's name" (its stem as
    written: ``team-photo`` for team-photo.jpg, not ``Team photo``) or "a file name" (a name
    with a picture's suffix, a tool's name for a file: a word and a date or number)."""
    said = " ".join(alt.split())
    if not said:
        return ""  # no alt text at all: images_without_alt's
    if said.lower() in ALT_PLACEHOLDERS or _ADVICE_IN.match(said):
        return "a placeholder"
    name = src.split("?", 1)[0].split("#", 1)[0].rsplit("/", 1)[-1]
    stem = _IMAGE_SUFFIX.sub("", name)
    # the file's stem as written (team-photo, IMG_2041), not words that name it (Team photo)
    written_as_name = " " not in said and re.search(r"[_-]|\d{3}", said)
    if written_as_name and _name_key(said) in {_name_key(name), _name_key(stem)}:
        return "the file's name"
    if _IMAGE_SUFFIX.search(said) or _TOOL_NAME.match(said):
        return "a file name"
    return ""


def images_alt_says_nothing(markup: Markup) -> tuple[tuple[str, str, str], ...]:
    """(src, alt, what it is) of each image of ``markup`` whose alt text describes nothing
    (alt_describes_nothing), once each; one marked decorative is left out."""
    found: dict[tuple[str, str], str] = {}
    for name, attrs in markup:
        if name != "img" or attrs.get("role") in ("presentation", "none"):
            continue
        if attrs.get("aria-hidden") == "true":
            continue
        src, alt = str(attrs.get("src") or ""), str(attrs.get("alt") or "")
        what = alt_describes_nothing(alt, src)
        if what:
            found.setdefault((src, alt), what)
    return tuple((src, alt, what) for (src, alt), what in found.items())


# A link holding nothing but white space, character references, comments, scripts, styles and
# tags (a quoted value whole, as rawtags reads a tag): one that may have no name, which the
# parse then decides (a cheap look that is never wrong the other way: a link with a letter
# of text in it is not matched; the alternatives start with different characters, so a
# failed look is linear).
_MAY_BE_UNNAMED = re.compile(
    rf"<a(?=[\s/>]){rawtags.TAG_REST}"
    rf"(?:\s|&[#\w]+;|<!--.*?-->|<(script|style)(?=[\s/>]).*?</\1\s*>"
    rf"|</?(?!(?:script|style)[\s/>])[a-z]{rawtags.TAG_REST})*"
    r"</a\s*>",
    re.IGNORECASE | re.DOTALL,
)


def links_without_name(html: str) -> tuple[str, tuple[str, ...]]:
    """``html`` with each link that has no name left out (its content kept), and their
    ``href``s: no text, no image with alt text, no ``aria-label`` or ``title``. A screen
    reader says only "link" for one; a keyboard stops on a box with no width."""
    if "</a" not in html and "</A" not in html:  # nearly every post
        return html, ()
    looks = "".join(look[0] for look in _MAY_BE_UNNAMED.finditer(html))
    if not looks or not _unnamed_in(looks):  # only links with text, or named (a linked picture)
        return html, ()
    parsed = BeautifulSoup(html, "html.parser")
    found: list[str] = []
    changed = False
    for link in parsed.find_all("a", href=True):
        if link.get_text(strip=True) or _named(link):
            continue
        if not _unnumbered_line(link):
            found.append(str(link["href"]))
        link.unwrap()
        changed = True
    return (str(parsed), tuple(found)) if changed else (html, ())


def _unnamed_in(links: str) -> bool:
    """Whether links written whole one after another (``_MAY_BE_UNNAMED``'s) have one that
    would be left out: read apart from the rest, as a link's name is in its own element."""
    parsed = BeautifulSoup(links, "html.parser")
    return any(not (link.get_text(strip=True) or _named(link)) for link in parsed("a", href=True))


def _unnumbered_line(link: Tag) -> bool:
    """Whether an empty link is Pygments' to a line of code whose number it leaves blank
    (``anchorlinenos`` with ``linenostep``: every other line's number is spaces): the
    highlighter wrote it, so nothing in the post can give it text; its spaces are kept."""
    return str(link["href"]).startswith("#") and link.find(class_="linenos") is not None


def _named(link: Tag) -> bool:
    """Whether a link without text has a name still: a label, a title, an image's alt."""
    if any(str(link.get(name) or "").strip() for name in ("aria-label", "title")):
        return True
    return any(str(image.get("alt") or "").strip() for image in link.find_all("img"))


class _StartTags(HTMLParser):
    """Each start tag of a piece of HTML in order, as (name, attributes): what beautifulsoup4
    makes an element of, read by the same parser (Python's) without building the tree, which
    costs twice the reading (a value left empty is "", the last of a repeated name wins, as
    beautifulsoup4 keeps them; tests/test_blogcore_markup.py holds the two side by side)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, {name: "" if value is None else value for name, value in attrs}))

    handle_startendtag = handle_starttag


def markup_of(html: str) -> Markup:
    """Every element of ``html`` as (tag name, attributes), in order."""
    if not html or "<" not in html:
        return ()
    return iter(_StartTags(html).found)


def _scheme(url: str) -> str | None:
    """A URL's scheme as a browser reads it (control characters and blanks ignored)."""
    squeezed = "".join(c for c in url if c > " ").lower()
    match = _SCHEME.match(squeezed)
    return match.group(1) if match else None


def _local(url: str) -> bool:
    """Whether a URL names a file of this site by its path, from the root or the page."""
    if not url or url.startswith(("//", "#", "?", "{", "|")):
        return False
    return url.startswith("/") or _scheme(url) is None


def _scheme_hint(scheme: str) -> str:
    """' (did you mean https:?)' for a scheme mistyped (ttps:, htps:), else ''."""
    close = difflib.get_close_matches(scheme, ("https", "http", "mailto"), n=1, cutoff=0.7)
    return f" (did you mean {close[0]}:?)" if close and close[0] != scheme else ""


def _srcset_urls(srcset: str) -> Iterator[str]:
    """The URL of each candidate of a srcset: "a.png 1x, b.png 2x" (a data: URI's comma too)."""
    for url, _ in links.srcset_candidates(srcset):
        yield url


@dataclass(frozen=True)
class Removed:
    """What one sanitising took out: tag names, attribute names, URL schemes (first seen first)."""

    tags: tuple[str, ...] = ()
    attributes: tuple[str, ...] = ()
    schemes: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()  # what to write instead, where a removal has a usual cause
    # attributes whose value HTML does not allow, removed: 'colspan="0" (a number of ...)'
    values: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.tags or self.attributes or self.schemes or self.values)

    def describe(self) -> str:
        """'<script>, an onerror attribute and a javascript: link', for a log line."""
        parts = [f"<{tag}>" for tag in self.tags]
        parts += [f"{'an' if a[0] in 'aeiou' else 'a'} {a} attribute" for a in self.attributes]
        parts += [
            f"{'an' if scheme[0] in 'aeiou' else 'a'} {scheme}: link{_scheme_hint(scheme)}"
            for scheme in self.schemes
        ]
        return listed(parts)

    def describe_values(self) -> str:
        """'colspan="0" (HTML's colspan attribute takes a number of columns from 1) and
        dir="wrong" (HTML's dir attribute takes ltr, rtl or auto)'."""
        return listed(list(self.values))

    def only_image_sizes(self) -> bool:
        """Whether all it took out is images' style attributes that sized them in a unit other
        than pixels (``:width: 49%``): the same advice in every file, folded past a few."""
        return (
            self.attributes == ("style",)
            and not (self.tags or self.schemes or self.values)
            and bool(self.hints)
            and all(hint.startswith(_IMAGE_HINT) for hint in self.hints)
        )


def listed(parts: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


# Where a style attribute usually comes from, and what to write instead. reStructuredText's
# `:widths: 20 80` and an image's `:width: 50%` are written as inline styles, which the site's
# Content-Security-Policy would block anyway; the writer only sees "removed a style attribute".
_STYLE_HINTS = {
    "col": "a table's column widths are inline styles: the browser sizes the columns "
    "(in reStructuredText, write :widths: auto)",
    # a size in pixels (docutils' style="width: 800px") is made width="800": sized_images
    "img": "an image's size in a unit other than pixels ({style}) is an inline style: give "
    'it in pixels (:width: 400 in reStructuredText, width="400" in HTML)',
}
_STYLE_HINTS["colgroup"] = _STYLE_HINTS["col"]
_IMAGE_HINT = _STYLE_HINTS["img"].partition("{")[0]


def sized_style(hint: str) -> str | None:
    """The style an image's size hint names (``width: 60%``), or None for another hint."""
    return hint[len(_IMAGE_HINT) :].partition(")")[0] if hint.startswith(_IMAGE_HINT) else None


class _StyledImages(HTMLParser):
    """Each ``<img>`` start tag whose style is its size in pixels alone (``style_size``):
    (where it starts, how long it is, its attributes), in order."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lines = line_starts(html)
        self.found: list[tuple[int, int, list[tuple[str, str | None]]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "img" and any(
            name == "style" and attribute_values.style_size(value or "") for name, value in attrs
        ):
            line, column = self.getpos()
            self.found.append((self.lines[line] + column, len(self.get_starttag_text()), attrs))

    handle_startendtag = handle_starttag


def sized_images(html: str) -> str:
    """``html`` with each image's size given as a style in pixels alone (docutils writes
    reStructuredText's ``:width: 800px`` as ``style="width: 800px;"``, which the sanitiser
    removes) given as its ``width``/``height`` attributes instead, as ``width="800px"`` is
    kept as ``width="800"``: the writer's size is kept, with nothing to report. Any other
    style is left to the sanitiser, which removes it and says so."""
    if "<img" not in html.lower() or "style" not in html.lower():
        return html
    for start, length, attrs in reversed(_StyledImages(html).found):
        style = next(value or "" for name, value in attrs if name == "style")
        sizes = attribute_values.style_size(style) or {}
        kept = [(n, v) for n, v in attrs if n != "style" and n not in sizes]
        written = "".join(
            f" {n}" if v is None else f' {n}="{escape(v)}"' for n, v in [*kept, *sizes.items()]
        )
        html = f"{html[:start]}<img{written}>{html[start + length :]}"
    return html


_PICTURE_LEFT_OUT = "a picture whose address is refused is left out of the page"

# A task list's boxes (pymdownx.tasklist, which a site's MARKDOWN may turn on, writes
# <input type="checkbox" disabled checked>): the one <input> a post keeps, each in a <label>
# with its item's text (a form control needs a name: axe's "label" rule); any other goes
_TASK_BOX_HINT = "an <input> is kept only as a task list's disabled checkbox (pymdownx.tasklist)"
# as nh3 writes HTML: text escaped as little as it must, <input> with no "/>"
_HTML = HTMLFormatter(
    entity_substitution=EntitySubstitution.substitute_xml,
    void_element_close_prefix=None,
    empty_attributes_are_booleans=True,
)
# what ends a task's text: a nested list, a paragraph of its own
_TASK_TEXT_ENDS = BLOCK_TAGS | {"pre", "dl", "details"}


def is_task_box(attrs: dict) -> bool:
    """Is this <input> (its attributes) a task list's box: a disabled checkbox?"""
    return str(attrs.get("type") or "").strip().lower() == "checkbox" and "disabled" in attrs


def _task_control(tag: str, attrs: dict) -> bool:
    """Is this pymdownx.tasklist's own <label> around a box (its ``custom_checkbox``)?"""
    return tag == "label" and "task-list-control" in str(attrs.get("class") or "").split()


def task_boxes(html: str) -> str:
    """Sanitised HTML with each task list's box in a <label> with the text after it, and
    every other <input> left out; the HTML as it is when it has none."""
    if "<input" not in html:
        return html
    parsed = BeautifulSoup(html, "html.parser")
    for box in parsed.find_all("input"):
        if not is_task_box(box.attrs):
            box.decompose()
            continue
        box.attrs = {k: box.attrs[k] for k in ("type", "checked", "disabled") if k in box.attrs}
        label = parsed.new_tag("label")
        box.insert_before(label)
        text = []
        for sibling in box.next_siblings:
            if isinstance(sibling, Tag) and sibling.name in _TASK_TEXT_ENDS:
                break
            text.append(sibling)
        label.append(box.extract())
        for piece in text:
            label.append(piece.extract())
    return parsed.decode(formatter=_HTML)


# Google Docs' clipboard HTML: the whole paste in <b style="font-weight:normal"
# id="docs-internal-guid-…">, each run of text a <span> whose style says bold or italic
DOCS_WRAPPER = "docs-internal-guid"
DOCS_PASTED = (
    "this is HTML pasted from Google Docs: its formatting was simplified (bold and italic "
    "kept, fonts, colours and spacing left out); paste as plain text and write Markdown, or "
    "use File → Download → Markdown"
)
_BOLD = re.compile(r"font-weight\s*:\s*(?:bold(?:er)?|[6-9]00)\b", re.I)  # over a style value
_ITALIC = re.compile(r"font-style\s*:\s*(?:italic|oblique)\b", re.I)


def _docs_wrapper(tag: str, attrs: dict) -> bool:
    """Whether an element is Google Docs' wrapper of a paste (a <b> that is not bold)."""
    return tag == "b" and str(attrs.get("id") or "").startswith(DOCS_WRAPPER)


def from_docs(html: str) -> str:
    """``html`` with Google Docs' pasted wrapper left out, its content kept (a <b> around
    every paragraph: the html5 parser would make the whole post bold and write its id once
    per paragraph), and each span whose style says bold or italic as <strong> or <em>, so
    the sanitiser, which drops styles, keeps what the writer saw."""
    parsed = BeautifulSoup(html, "html.parser")
    wrappers = [b for b in parsed.find_all("b") if _docs_wrapper("b", b.attrs)]
    if not wrappers:
        return html
    for wrapper in wrappers:
        wrapper.unwrap()
    for span in parsed.find_all("span", style=True):
        style = str(span["style"])
        for pattern, name in ((_ITALIC, "em"), (_BOLD, "strong")):
            if pattern.search(style):
                marked = parsed.new_tag(name)
                marked.extend(list(span.contents))
                span.append(marked)
    return str(parsed)


# Office's own elements in HTML pasted from Word (<o:p>, <w:sdt>, <v:shape>): namespaced
_OFFICE = ("o:", "w:", "v:", "m:", "st1:")


class Sanitiser:
    """One profile of the site's one sanitiser (nh3): what it keeps, and what it took out."""

    def __init__(
        self,
        name: str,
        *,
        tags: set[str],
        attributes: dict[str, set[str]],
        url_schemes: set[str],
        link_rel: str | None = None,
        links_embeds: bool = False,
    ) -> None:
        self.name = name  # what the profile is for, in messages: 'posts', 'webmentions'
        # a known player's frame or script as a link to its page (embeds.py); every frame and
        # embed script left to foreign.py's line for it, with its line number
        self.links_embeds = links_embeds
        self.tags = frozenset(tags)
        self.url_schemes = frozenset(url_schemes)
        self._attributes = {tag: frozenset(names) for tag, names in attributes.items()}
        self._allowed_by_tag: dict[str, frozenset[str]] = {}
        if link_rel:  # nh3 writes rel itself
            self._attributes["a"] = self._attributes.get("a", frozenset()) | {"rel"}
        # Built once: nh3.clean() converts the allowed tags and attributes on every call, a
        # quarter of sanitising a post and most of sanitising a summary.
        options = {
            "tags": set(tags),
            "attributes": attributes,
            "url_schemes": set(url_schemes),
            "link_rel": link_rel,
            "strip_comments": True,
        }
        self._cleaner = nh3.Cleaner(**options)
        self._filtering_cleaner = nh3.Cleaner(**options, attribute_filter=self._filter)

    def clean(self, html: str) -> str:
        """``html`` with everything this profile does not allow removed."""
        if not html:
            return html or ""
        lowered = html.lower()
        if "<img" in lowered and "style" in lowered:
            html = sized_images(html)
        if self.links_embeds and embeds.may_have(lowered):
            html = linked_embeds(html)
        if self.links_embeds and "{" in html and "{%" in html:  # "{": one memchr (glance.py)
            html = linked_liquid(html)
        if DOCS_WRAPPER in html:
            html = from_docs(html)
        # nh3 asks _filter about each attribute: only when needed (a srcset, a tabindex
        # other than the "0" of a code block or a table's box, a value HTML may not allow,
        # a comment; the filtering cleaner costs about the same as the other on a 25 KB post)
        if (
            "srcset" in lowered
            or lowered.count("tabindex") != lowered.count('tabindex="0"')
            or attribute_values.may_change(lowered)
            # a note (<!-- -->) may be in an attribute's value
            or ("!" in lowered and "!--" in lowered)
        ):
            cleaned = self._filtering_cleaner.clean(html)
        else:
            cleaned = self._cleaner.clean(html)
        cleaned = task_boxes(cleaned)
        # a terminal's colour codes, a form feed (nh3 keeps them, and writes &#x1b; as one):
        # no page or feed may carry them (the reader names them in a post, with the line)
        cleaned = controls.html_without(cleaned)
        if _OUTDATED_QUICK.search(lowered) or _unsourced(cleaned):
            return modernised(cleaned)
        return cleaned

    def _filter(self, tag: str, attribute: str, value: str) -> str | None:
        """Keep a srcset only when every candidate's URL may be loaded (nh3 does not look);
        a tabindex only as "0", in the order of the page: a writer's tabindex="3" would
        take the keyboard there before the page's own links, and "-1" hides the box of a
        table from it. A writer's note (``<!-- -->``) in alt text, a title or an abbreviation
        is one in the text: never published (Markdown makes it the attribute's words)."""
        if COMMENT_OPEN in value:
            value = " ".join(_COMMENT.sub(" ", value).split())
        if attribute == "tabindex":
            return value if value.strip() == "0" else None
        if attribute == "srcset":  # the candidates it may load, as src keeps only those
            candidates = links.srcset_candidates(value)
            kept = [(u, d) for u, d in candidates if _scheme(u) in (None, *self.url_schemes)]
            if len(kept) < len(candidates):
                return ", ".join(f"{u} {d}".strip() for u, d in kept) or None
            return value
        # a value HTML allows: a URL percent-encoded, a width's number, or none
        return attribute_values.value(tag, attribute, value)

    def clean_and_report(
        self, html: str, markup: Markup | None = None, embeds_named: bool = False
    ) -> tuple[str, Removed]:
        """The cleaned HTML and what was removed from it (nothing: a false ``Removed``).

        ``markup``: the input's elements, when the caller has them (mdtree.markup);
        otherwise beautifulsoup4 reads them from ``html``. ``embeds_named``: the caller names
        each frame and embed script with its line (foreign.py, for a post's or page's body),
        so they are left out of what is removed.
        """
        cleaned = self.clean(html)
        if markup is None:
            if not html or "<" not in html:
                return cleaned, Removed()
            markup = markup_of(html)
        return cleaned, self.removed(markup, embeds_named)

    def removed(self, markup: Markup, embeds_named: bool = False) -> Removed:
        """The tags, attributes and URL schemes of ``markup`` that this profile removes
        (``embeds_named``: frames and embed scripts left out, the caller names them)."""
        tags: dict[str, None] = {}
        attributes: dict[str, None] = {}
        schemes: dict[str, None] = {}
        hints: dict[str, None] = {}
        values: dict[str, None] = {}
        markup = tuple(markup)
        # Google Docs' paste: its styles and <meta> are its formatting, simplified (from_docs)
        docs = any(_docs_wrapper(t, a) for t, a in markup if t == "b")
        if docs and not embeds_named:
            hints[DOCS_PASTED] = None
        docs = docs and embeds_named  # the caller says so, with its line (foreign.py)
        boxes = "input" in self.tags and any(t == "input" and is_task_box(a) for t, a in markup)
        for tag, attrs in markup:
            if docs and tag == "meta":
                continue
            if boxes and _task_control(tag, attrs):
                continue  # pymdownx.tasklist's custom_checkbox: task_boxes writes it again
            if tag == "input" and tag in self.tags and not is_task_box(attrs):
                tags[tag], hints[_TASK_BOX_HINT] = None, None
                continue
            if tag not in self.tags:
                if not (embeds_named and self.links_embeds and embeds.taken(tag, attrs)):
                    tags[tag] = None
                continue
            if not attrs:
                continue
            allowed = self._allowed(tag)
            for name, value in attrs.items():
                name = name.lower()
                if name not in allowed or (name == "tabindex" and (value or "").strip() != "0"):
                    if docs and name == "style":
                        continue
                    if name == "name" and tag == "a" and value and value == attrs.get("id"):
                        continue  # HTML 4's anchor name beside the same id (Pygments'): no loss
                    if name == "style" and tag == "img":
                        if attribute_values.style_size(value or "") is not None:
                            continue  # made its width and height (sized_images): kept
                        if attribute_values.sizes_only(value or "") and not any(
                            h.startswith(_IMAGE_HINT) for h in hints
                        ):
                            style = " ".join((value or "").split()).rstrip(";")
                            hints[_STYLE_HINTS[tag].format(style=style)] = None
                    elif name == "style" and tag in _STYLE_HINTS:
                        hints[_STYLE_HINTS[tag]] = None
                    attributes[name] = None
                    continue
                if (lost := attribute_values.lost(tag, name, value or "")) is not None:
                    values[lost] = None
                if name in _URL_ATTRIBUTES or name == "srcset":
                    value = value or ""
                    urls = _srcset_urls(value) if name == "srcset" else (value.strip(),)
                    for url in urls:
                        scheme = _scheme(url)
                        if links.on_own_disk(url):
                            continue  # the link check names it (local_urls), with its line
                        if scheme is not None and scheme not in self.url_schemes:
                            if scheme == "data" and tag == "img" and name == "src" and embeds_named:
                                continue  # a pasted picture: the caller names it, its line
                            # (a srcset's data: candidate, an old theme's placeholder: named here)
                            schemes[scheme] = None
                            if tag == "img" and name == "src" and not attrs.get("srcset"):
                                hints[_PICTURE_LEFT_OUT] = None
        return Removed(tuple(tags), tuple(attributes), tuple(schemes), tuple(hints), tuple(values))

    def local_urls(self, markup: Markup) -> tuple[str, ...]:
        """The URLs of this site's own files among the links, images and media this profile
        keeps, in order, once each: starting with one "/" (``/images/x.png``) or relative
        (``images/x.png``, ``www.example.org``); a URL with a scheme, a fragment or query only,
        or Pelican's ``{static}`` and the like is not one; one that works only on the writer's
        computer is (``links.own_computer``: http://localhost:8000/..., C:\\..., file:...).
        ``links.computer_or_draft_problem`` and ``links.local_problem`` check them."""
        found: dict[str, None] = {}
        for tag, attrs in markup:
            if not attrs or tag not in self.tags:
                continue
            allowed = self._allowed(tag)
            for name, value in attrs.items():
                name = name.lower()
                if name not in allowed or not (name in _URL_ATTRIBUTES or name == "srcset"):
                    continue
                value = value if isinstance(value, str) else ""
                for url in _srcset_urls(value) if name == "srcset" else (value.strip(),):
                    if _local(url) or links.own_computer(url):
                        found.setdefault(url, None)
        return tuple(found)

    def _allowed(self, tag: str) -> frozenset[str]:
        """The attributes this profile keeps on ``tag``."""
        found = self._allowed_by_tag.get(tag)
        if found is None:
            found = self._allowed_by_tag[tag] = frozenset(
                self._attributes.get(tag, set()) | self._attributes.get("*", set())
            )
        return found

    def tags_keeping(self, attribute: str) -> frozenset[str]:
        """The tags this profile keeps ``attribute`` on."""
        return frozenset(tag for tag in self.tags if attribute in self._allowed(tag))

    def message(self, source: str, removed: Removed, where: str = "") -> str:
        """The warning for one file: 'content/x.md: removed <script> (not allowed in posts)'."""
        office = [f"<{tag}>" for tag in removed.tags if tag.startswith(_OFFICE)]
        text = [
            f"<{tag}>"
            for tag in removed.tags
            if not rawtags.is_element(tag) and not tag.startswith(_OFFICE)
        ]
        note = (
            f"; {', '.join(text)} {'is' if len(text) == 1 else 'are'} text, not HTML: inside an "
            "HTML block, what is between < and > is read as a tag and lost (write &lt; for <)"
            if text
            else ""
        )
        if office:
            note += (
                f"; {', '.join(office)} {'is' if len(office) == 1 else 'are'} Word's own markup, "
                "which a paste from Word brings along: left out, the text kept (paste as plain "
                "text and write Markdown to leave it behind)"
            )
        note += "".join(f"; {hint}" for hint in removed.hints)
        said = []
        if removed.tags or removed.attributes or removed.schemes:
            said.append(f"removed {removed.describe()} (not allowed in {self.name}){note}")
        if removed.values:
            said.append(f"removed {removed.describe_values()}")
        return f"{source}: {where}{'; '.join(said)}; see docs/sanitising.md"


# Elements the HTML standard calls obsolete, as what it says to write instead: kept by nh3, an
# error of the Nu validator. A <center> is a block whose text the theme centres.
OBSOLETE = {"tt": "code", "strike": "s", "acronym": "abbr", "center": "div"}
# the start tags modernised looks at (and any tag whose name begins so, as looking for
# "<tt" did), in lower-cased HTML: one pattern found at each "<", five times sooner than
# looking for each name in the whole text
_OUTDATED_QUICK = re.compile("<(?:" + "|".join((*OBSOLETE, "time")) + ")")
_CENTRED = "align-center"  # theme/assets/css/components.css


def modernised(html: str) -> str:
    """Sanitised HTML (well formed: nh3 wrote it) with each obsolete element as its modern
    equivalent: <tt> as <code>, <strike> as <s>, <acronym> as <abbr>, <center> as a centred
    <div>; a <time> with neither a datetime nor a date as its text as that text alone (its
    datetime was no date, or it had none: attribute_values); an <img> whose address was
    refused left out. The same HTML where it has none of them."""
    parsed = BeautifulSoup(html, "html.parser")
    found = parsed.find_all([*OBSOLETE, "time", "img"])
    if not any(_outdated(tag) for tag in found):
        return html
    for tag in found:
        if tag.name == "img":
            if _outdated(tag):  # its address was refused: nothing to show
                tag.decompose()
            continue
        if tag.name == "time":
            if attribute_values.timeless(tag):
                tag.unwrap()
            continue
        if tag.name == "center":
            tag["class"] = [*(tag.get("class") or ()), _CENTRED]
        tag.name = OBSOLETE[tag.name]
    return str(parsed)


def _outdated(tag: Tag) -> bool:
    """Whether ``modernised`` changes this element (an <img> or a <time> only where needed)."""
    if tag.name == "img":
        return not tag.get("src") and not tag.get("srcset")
    if tag.name == "time":
        return attribute_values.timeless(tag)
    return True


# An <img> as nh3 writes it (over the sanitiser's own output, not a writer's HTML)
_IMG_TAG = re.compile(r"<img\b[^>]*>")


def _unsourced(cleaned: str) -> bool:
    """Whether the sanitised HTML has an <img> left with no address (its src was refused)."""
    return "<img" in cleaned and any(
        ' src="' not in tag and ' srcset="' not in tag for tag in _IMG_TAG.findall(cleaned)
    )


POSTS = Sanitiser(
    "posts",
    tags=_CONTENT_TAGS,
    attributes=_CONTENT_ATTRIBUTES,
    url_schemes=_SCHEMES,
    links_embeds=True,
)

# Where a frame may stand as a paragraph of its own (elsewhere its link is inline)
_BLOCK_PARENTS = frozenset({"[document]", "div", "figure", "section", "article", "blockquote"})


def linked_liquid(html: str) -> str:
    """``html`` with liquid_tags' ``{% youtube ID %}`` and ``{% vimeo ID %}`` in its text (not
    in code: shown as written on purpose) as a link to the video (embeds.LIQUID_PLAYER)."""
    if not embeds.LIQUID_PLAYER.search(html):  # nearly every post
        return html
    parsed = BeautifulSoup(html, "html.parser")
    changed = False
    for node in parsed.find_all(string=embeds.LIQUID_PLAYER):
        if type(node) is not NavigableString or node.find_parent(("code", "pre")):
            continue
        written, pieces, last = str(node), [], 0
        for match in embeds.LIQUID_PLAYER.finditer(written):
            page = embeds.liquid_page(match)
            if page is None:
                continue
            link = parsed.new_tag("a", href=page.url)
            link.string = page.text
            pieces += [NavigableString(written[last : match.start()]), link]
            last = match.end()
        if pieces:
            node.replace_with(*pieces, NavigableString(written[last:]))
            changed = True
    return str(parsed) if changed else html


def linked_embeds(html: str) -> str:
    """``html`` with each known player's ``<iframe>`` or embed ``<script>`` as a link to its
    page (embeds.py), spliced in where beautifulsoup4 found it, the rest keeping its bytes;
    any other frame or script is left for the sanitiser to remove."""
    edits: list[tuple[int, int, str]] = []
    lowered = html.lower()
    for at, tag in located(html, "iframe", "script"):
        embed = embeds.of(tag.name, tag.attrs)
        if embed is None or embed.page is None:
            continue
        start_end = html.find(">", at) + 1 or len(html)
        end = lowered.find(f"</{tag.name}", start_end)
        # without an end tag, the start tag alone
        end = start_end if end < 0 else html.find(">", end) + 1 or len(html)
        parent = tag.parent.name if tag.parent is not None else "[document]"
        edits.append((at, end, embed.html(block=parent in _BLOCK_PARENTS)))
    for start, end, new in sorted(edits, reverse=True):
        html = html[:start] + new + html[end:]
    return html


def sanitize_html(html: str) -> str:
    """A post's HTML with anything that could run or restyle the page removed.

    Staff write Markdown and may write HTML: a pasted embed's ``<script>``, an ``onclick`` or a
    ``javascript:`` link must not reach readers. Relative links (``{static}``, ``#notes``)
    stay; so do classes, ids and everything Markdown itself writes.
    """
    return POSTS.clean(html)


def sanitize_and_report(
    html: str, markup: Markup | None = None, embeds_named: bool = False
) -> tuple[str, Removed]:
    """``sanitize_html`` and what it removed, for a warning naming the file (``embeds_named``:
    frames and embed scripts left out, the caller names each with its line)."""
    return POSTS.clean_and_report(html, markup, embeds_named)


def avatar_tone(key: str, tones: int = 5) -> int:
    """A stable colour index (0..tones-1) for a person's monogram, the same on every build."""
    value = 0
    for char in key.lower():
        value = (value * 31 + ord(char)) % 1_000_003
    return value % tones


# HTML comments: a writer's private notes (<!-- ask legal first -->), never published; and
# Obsidian's comments (%%ask legal first%%, inline or over several lines), which its reading
# view hides: the same notes, in the same places. A %% in code (a code span, a fenced or an
# indented block: printf("%%d"), LIKE '%%x%%', a Jupyter %%time line) is code, not a note.
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
COMMENT_OPEN = "<!--"
PRIVATE_OPEN = "%%"
UNCLOSED_COMMENT = (
    "this comment is never closed: everything after it would be published; close it with -->"
)
UNCLOSED_PRIVATE = (
    "this %% comment (Obsidian's) is never closed: everything after it would be published; "
    "close it with %% (for a percent sign, write a single %)"
)


def unclosed_message(opener: str) -> str:
    """What to say of a comment never closed, by how it opens (``<!--`` or ``%%``)."""
    return UNCLOSED_PRIVATE if opener == PRIVATE_OPEN else UNCLOSED_COMMENT


def without_comments(value: str) -> tuple[str, str]:
    """A one-line value (a Title, a Role, a caption) without its comments (``<!-- -->`` and
    Obsidian's ``%% %%``, not inside a code span), and the opener of one never closed, or ''
    (then everything from it is left out too): 'Launch day <!-- codename Kite -->' ->
    ('Launch day', ''); 'Launch %%Kite' -> ('Launch', '%%')."""
    if COMMENT_OPEN not in value and PRIVATE_OPEN not in value:
        return value, ""
    (kept, *_), unclosed = _notes_out([value], keep_html=False, blocks=False)
    return " ".join(kept.split()), unclosed[2] if unclosed else ""


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# a fence as Markdown (and NestedFencesExtension) may read it: in a quote or a list item too
_ANY_FENCE = re.compile(r"^[ \t]*(?:>[ \t]?)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(`{3,}|~{3,})")
# code as raw HTML writes it: <code>…</code> on one line, a <pre> block to its </pre> (code
# spans, as Markdown's backtick step reads them, are blanked first: rawtags')
_HTML_CODE = re.compile(r"<(?P<element>code|pre)\b[^>]*>.*?</(?P=element)>", re.I)
_PRE_OPEN = re.compile(r"^\s*<pre\b", re.I)
# a comment in link-reference form, [comment]: # (note) or [//]: <> (note): one line only
_REFERENCE_COMMENT = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(?:#|<>)\s*\(")
_INDENTED = re.compile(r"^(?: {4}|\t)")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])\s")


def without_private_comments(lines: list[str]) -> tuple[list[str], tuple[int, int] | None]:
    """Markdown's lines without Obsidian's comments (``%%note%%``, inline or over lines)
    outside code; a line that held only comments goes too. When a ``%%`` is never closed,
    the lines end at it (all after it left out) and its (line index, column) comes second.
    HTML comments are kept (the sanitiser takes them out; ``<!-- more -->`` marks a summary),
    and a ``%%`` inside one is theirs."""
    if PRIVATE_OPEN not in "\n".join(lines):
        return lines, None  # nearly every text
    kept, unclosed = _notes_out(lines, keep_html=True, blocks=True)
    return kept, unclosed[:2] if unclosed else None


def _next_note(text: str, column: int) -> tuple[int, str]:
    """The first comment opener in ``text`` from ``column``: (where, which), or (-1, '')."""
    found = [(text.find(opener, column), opener) for opener in (COMMENT_OPEN, PRIVATE_OPEN)]
    found = [(start, opener) for start, opener in found if start >= 0]
    return min(found) if found else (-1, "")


def _notes_out(
    lines: list[str], keep_html: bool, blocks: bool
) -> tuple[list[str], tuple[int, int, str] | None]:
    """``lines`` without their ``%%`` comments (and their HTML comments unless
    ``keep_html``), code left alone: code spans, and with ``blocks`` fenced and indented
    blocks. The second item: where a comment never closed opens (index, column, opener);
    the lines then end there."""
    out: list[str] = []
    fence = ""
    previous_blank = True
    inside = ""  # the opener of a comment that goes on past the line
    spans_out = rawtags.lines_without_code_spans(lines)  # a span may go on to the next line
    opened = (0, 0)
    pending = ""  # what the line a comment opened on keeps, before it
    removed = False  # whether a comment was taken out of the line being built
    for index, line in enumerate(lines):
        if blocks and not inside:
            marker = _ANY_FENCE.match(line)
            if fence == "<pre":
                fence = "" if "</pre" in line.lower() else fence
                out.append(line)
                continue
            if _PRE_OPEN.match(line) and "</pre" not in line.lower():
                fence = "<pre"
                out.append(line)
                continue
            if fence:
                if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                    fence = ""
                out.append(line)
                continue
            if marker:
                fence = marker.group(1)
                out.append(line)
                continue
            if previous_blank and _INDENTED.match(line):
                out.append(line)  # an indented code block's line (or a list's paragraph)
                continue
        previous_blank = not line.strip()
        code_free = line if inside else _HTML_CODE.sub(lambda m: " " * len(m[0]), spans_out[index])
        built = pending if inside == PRIVATE_OPEN else ""
        column = 0
        while column <= len(line):
            if inside:
                closer = "-->" if inside == COMMENT_OPEN else PRIVATE_OPEN
                end = code_free.find(closer, column)
                if end < 0:
                    if inside == COMMENT_OPEN and keep_html:
                        built += line[column:]
                    break
                if inside == COMMENT_OPEN and keep_html:
                    built += line[column : end + len(closer)]
                else:
                    removed = True
                    built += "" if blocks else " "  # a value's words stay apart
                inside, column = "", end + len(closer)
                continue
            start, opener = _next_note(code_free, column)
            if start < 0:
                built += line[column:]
                break
            built += line[column:start]
            if opener == COMMENT_OPEN and keep_html:
                built += COMMENT_OPEN
            if opener == PRIVATE_OPEN or not keep_html:
                opened = (index, start)
            inside, column = opener, start + len(opener)
        if inside == PRIVATE_OPEN or (inside == COMMENT_OPEN and not keep_html):
            pending = built
            continue  # the comment goes on: its lines are not kept
        if removed and not built.strip():
            removed = False
            continue  # a line of comments alone
        removed = False
        out.append(built)
    if inside == PRIVATE_OPEN or (inside == COMMENT_OPEN and not keep_html):
        return [*out, pending], (*opened, inside)
    return out, None


def unclosed_comment(lines: list[str]) -> tuple[int, int] | None:
    """Where Markdown's lines open an HTML comment that no ``-->`` closes, as (line index,
    column), outside code (fenced blocks, code spans, indented blocks); None when every
    comment is closed. Markdown shows such a comment as text, with all that follows it."""
    if COMMENT_OPEN not in "\n".join(lines):
        return None  # nearly every text: its lines are not read one by one
    fence = ""
    open_at: tuple[int, int] | None = None
    previous_blank = True
    spans_out = rawtags.lines_without_code_spans(lines)  # a span may go on to the next line
    for index, line in enumerate(lines):
        if open_at is None:
            marker = _FENCE.match(line)
            if fence:
                if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                    fence = ""
                continue
            if marker:
                fence = marker.group(1)
                continue
            if previous_blank and _INDENTED.match(line):
                continue  # an indented code block's line (or a list's paragraph: rare)
        previous_blank = not line.strip()
        column = 0
        code_free = line if open_at is not None else spans_out[index]
        while True:
            if open_at is None:
                start = code_free.find(COMMENT_OPEN, column)
                if start < 0:
                    break
                open_at, column = (index, start), start + len(COMMENT_OPEN)
            else:
                end = code_free.find("-->", column)
                if end < 0:
                    break
                open_at, column = None, end + 3
    return open_at


def comments_shown(lines: list[str]) -> list[tuple[int, str]]:
    """Notes Markdown shows as written, as (line index, what): an HTML comment indented as
    code (four spaces: a code block of it alone), and a [comment]: # (note) continued on a
    second line (a link reference must be one line)."""
    whole = "\n".join(lines)
    if COMMENT_OPEN not in whole and "]:" not in whole:
        return []  # nearly every text: no comment, no link reference
    found: list[tuple[int, str]] = []
    fence = ""
    previous_blank = True
    in_list = False  # an indented line may be a list item's paragraph, not code
    for index, line in enumerate(lines):
        if line.strip() and not _INDENTED.match(line):
            in_list = bool(_LIST_ITEM.match(line))
        marker = _FENCE.match(line)
        if fence or marker:
            if marker and (not fence or marker.group(1)[0] == fence[0]):
                fence = "" if fence else marker.group(1)
            previous_blank = False
            continue
        stripped = line.strip()
        indented = previous_blank and not in_list and _INDENTED.match(line)
        if indented and stripped.startswith(COMMENT_OPEN):
            block = [stripped]
            for more in lines[index + 1 :]:
                if not more.strip() or not _INDENTED.match(more):
                    break
                block.append(more.strip())
            joined = " ".join(block)
            if joined.endswith("-->") and not _COMMENT.sub("", joined).strip():
                found.append(
                    (
                        index,
                        "this comment is indented by four spaces, so it is shown as a code "
                        "block, note and all; start it at the beginning of the line",
                    )
                )
        elif _REFERENCE_COMMENT.match(line) and not stripped.endswith(")"):
            found.append(
                (
                    index,
                    f"this comment ({stripped[:30]}...) goes on to the next line, so it is "
                    "shown as text; a [comment]: # (...) note must be one line: use "
                    "<!-- ... --> for a longer one",
                )
            )
        previous_blank = not stripped
    return found


# a Markdown image's target as written: ![alt](target "title"), ![alt](<target>)
_IMAGE_TARGET = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")


def written_target(line: str, name: str) -> str:
    """How a Markdown line writes the image ``name`` (its file's name on the site):
    ``{static}/images/a.png`` as the writer typed it, so advice names what is in the file
    (it said the name alone, ``a.png``); ``name`` when no ``![…](…)`` in the line holds it."""
    return next((t for t in _IMAGE_TARGET.findall(line) if name in t), name)
