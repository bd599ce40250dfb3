"""Old posts' HTML as the Markdown this engine writes; no Pelican here.

``convert`` turns a WordPress or Blogger body into Markdown that the site's Python-Markdown
(``extra``, ``codehilite``, ``meta``, ``toc``, ``smarty``) renders back to the same text and
structure; ``comment_markdown`` does the same for a comment, for Isso 0.14 (mistune with
``hard_wrap``: a newline is a line break; HTML escaped, entities not read);
``summary_markdown`` makes an excerpt the one line of Markdown of a ``Summary:`` (Pelican
reads it as Markdown), ``summary_text`` one line of plain text.

The steps, in order:

1. One scan over the text (``_scan``) finds tags, comments and WordPress shortcodes. HTML
   comments go (Gutenberg's ``<!-- wp:… -->``), but for the post's teaser cut
   (``<!--more-->``), which ``_summary_marker`` then places on a line of its own between
   blocks (the engine's summary marker, ``<!-- more -->``); shortcodes become HTML the
   next steps understand (``[caption]`` a ``<figure>``, ``[code]``, ``[sourcecode]`` and
   SyntaxHighlighter's ``[php]…[/php]`` a ``<pre>``, ``[gallery]`` the ``{gallery}slug`` line
   that ``gallery(attrs)`` names, ``[embed]``, ``[video]``, ``[audio]``, ``[youtube]``,
   ``[vimeo]``, ``[dailymotion]`` a link line, by the video's id too: ``[vimeo 141358]``; one
   no link can be made of is dropped, its note kept with its line, ``Converted.placed``);
   nothing inside a tag's attributes, ``<pre>``, ``<code>``, ``<script>`` or ``<style>`` is
   taken for a shortcode. The end tags HTML implies (``<p>a<p>b``,
   ``<li>a<li>b``) are written out, which html.parser would otherwise nest hundreds deep, and
   a tag never closed by ``>`` is text (html.parser takes quadratic time over it).
2. WordPress's raw bodies get their paragraphs (``_autop``, what wpautop does): on the parsed
   tree, the text between block elements is split at blank lines into ``<p>`` and a single
   newline becomes ``<br>``; block elements are never wrapped, and nothing inside them but
   ``<blockquote>`` and ``<div>`` (which hold paragraphs themselves) is touched. Block
   content (``<!-- wp:`` comments, Gutenberg) gets none, as in WordPress.
3. ``_Converter`` (markdownify's ``MarkdownConverter``) writes the Markdown.

Choices worth knowing:

- A line break is two spaces before the newline: Python-Markdown renders that as ``<br>`` and
  has no backslash form. Those two spaces are the only trailing white space left. In comments
  a line break is a newline (``hard_wrap``).
- Nested blocks are indented by four spaces (Python-Markdown's tab length; two-space nesting,
  markdownify's default, flattens nested lists). Code blocks are fenced at the top level and
  indented (no language) inside lists and quotes, where Python-Markdown has no fences.
- Markdown is escaped where it would change the meaning, not everywhere: ``*`` and backquotes
  always, ``_`` only at a word's edge, ``#``, ``>``, ``-``/``+``, ``1.``, ``[x]:`` and ``:``
  only where the text can begin a line, ``]`` before ``(``, ``[`` or ``:`` (every bracket in
  a link's text), ``<`` before a letter and ``&`` before an entity name (as ``&lt;``,
  ``&amp;``), ``{`` when ``{…}`` ends the text (``attr_list``), ``|`` in table cells,
  ``[TOC]``, ``{gallery}``.
- An image linked to itself or to a size variant of itself (WordPress ``x-300x200.jpg``,
  Blogger ``/s320/``) becomes the image alone, at the address of the bigger one: the engine
  makes its own sizes, and exports list the full-size uploads.
- A picture with a caption (``[caption]``, ``<figure>``, WordPress's ``div.wp-caption``,
  Blogger's ``table.tr-caption-container``) is an HTML ``<figure>`` block, as are ``<sup>``,
  ``<sub>``, ``<del>`` inline; tables that Markdown tables cannot hold (spans, blocks in
  cells, no header row) stay HTML, attributes reduced to the ones that mean something
  (``href``, ``src``, ``alt``, ``title``, spans). Inside lists and quotes, where raw HTML is
  no block, a figure is the image and its caption as a paragraph.
- ``<iframe>``, ``<script>``, ``<style>``, ``<object>``, ``<embed>``, ``<form>`` and the like
  are dropped, one note per kind; a known player (YouTube, Vimeo, Speaker Deck, SoundCloud...:
  the engine's table, ``plugins/blogcore/embeds.py``, Flash-era ``<object>`` players too) and
  a gist's or Speaker Deck's script become a link to the page, named by the frame's own
  title if it has one, as does a bare YouTube or Vimeo address alone on its line. Tracking
  pixels (1×1 images, and Zemanta's counter) go too; WordPress's emoji pictures become the
  characters they show.
- A heading or ``<a id>`` that a ``#…`` link of the same body points at keeps its id
  (``## Prices {#prices}``, attr_list); other ids go (toc makes its own).
- Gutenberg's verse blocks are paragraphs with line breaks, not code.
"""

import html as htmllib
import re
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction
from markdownify import (
    ATX,
    SPACES,
    MarkdownConverter,
    chomp,
    should_remove_whitespace_inside,
    should_remove_whitespace_outside,
)

from plugins.blogcore import embeds, shortcodes
from plugins.blogcore.text import alt_describes_nothing


@dataclass
class Converted:
    """A body as Markdown, with what the import report should say about it."""

    markdown: str  # the body, ending with exactly one newline ("" for an empty body)
    notes: list[str] = field(default_factory=list)  # one line each, for the import report
    # the pictures written with no alt text (and no caption or link text naming them), by
    # their address as written: a publish build refuses them
    no_alt: list[str] = field(default_factory=list)
    # every picture the body shows, by its address as written (after ``rewrite``), once each
    pictures: list[str] = field(default_factory=list)
    # notes about a place in the body, with the line of the body it stood at (1 is its first;
    # 0 when the place was lost with what held it): a shortcode dropped there
    placed: list[tuple[int, str]] = field(default_factory=list)
    # (address, alt text, what it is) of each picture whose alt text describes nothing by
    # blogcore's rule (its file's name, a placeholder): a publish build refuses them too
    alt_says_nothing: list[tuple[str, str, str]] = field(default_factory=list)


# Elements that are blocks for wpautop (never wrapped in <p>) and for line starts.
_BLOCK_NAMES = (
    "address article aside audio blockquote canvas caption center col colgroup dd "
    "details dialog div dl dt embed fieldset figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hgroup hr iframe legend li main map math menu nav noscript object ol p "
    "pre script section style summary table tbody td tfoot th thead tr ul video"
)
BLOCKS = frozenset(_BLOCK_NAMES.split())
# Blocks whose own text wpautop splits into paragraphs too.
PARAGRAPH_HOLDERS = frozenset({"blockquote", "div", "section", "article", "center"})
# Dropped with a note (their text is not the post's).
_DROPPED_NAMES = (
    "iframe script style object embed applet form noscript input button select textarea "
    "canvas svg map"
)
DROPPED = frozenset(_DROPPED_NAMES.split())
# Where shortcodes are text, not shortcodes.
RAW_TEXT = frozenset({"pre", "code", "script", "style", "textarea"})
# The shortcodes converted, by what they stood for (plugins/blogcore/shortcodes.py, which
# blogcore reads too, to name one left in a post): closed by [/name] (SyntaxHighlighter's
# [php]…[/php], named after the language, as code), or a link to the address among their
# attributes; the others it knows are kept as text, with a note
ENCLOSING = frozenset(
    name
    for name, kind in shortcodes.KINDS.items()
    if kind in (shortcodes.CAPTION, shortcodes.EMBED, shortcodes.CODE)
)
MEDIA = frozenset(name for name, kind in shortcodes.KINDS.items() if kind == shortcodes.MEDIA)
KNOWN = ENCLOSING | MEDIA | {"gallery"}

# A picture a gallery cannot show (a GIF): its address, attachment id, alt text and caption
# (HTML, as the gallery showed it)
Beside = tuple[str, str, str, str]

_TOKEN = re.compile(
    r"(?P<comment><!--.*?(?:-->|\Z)|<![^>]*>?|<\?[^>]*>?)"  # comments, doctypes, <?xml …?>
    # a quote opens a value only after "=": alt=it's is one value, as browsers read it
    r"""|(?P<tag><(?P<close>/?)(?P<tagname>[A-Za-z][\w:-]*)(?:=\s*"[^"]*"|=\s*'[^']*'|[^>])*>?)"""
    r"|(?P<sc>\[(?P<lb>\[?)(?P<scclose>/?)(?P<name>[A-Za-z][\w-]*)(?=[\s\]/=])"
    r"(?P<attrs>[^\[\]<]{0,2000}?)(?P<self>/?)\](?P<rb>\]?))",
    re.S,
)
_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))|"([^"]*)"|(\S+)""")
_CLOSERS = re.compile(r"\[/([A-Za-z][\w-]*)\]")
# WordPress's teaser cut, <!--more--> or <!--more Read on-->, as the engine reads it (and as
# other engines write it, <!-- more -->); Blogger's jump break is <a name="more"></a>
_MORE = re.compile(r"<!--\s*more(?:\s.*?)?\s*-->", re.I | re.S)
_MORE_ATTR = "data-importer-more"
_VIDEO = re.compile(
    r"https?://(?:www\.|m\.|player\.)?(?:youtube\.com|youtu\.be|youtube-nocookie\.com|"
    r"vimeo\.com)/\S+",
    re.I,
)
_MOOGALOOP = re.compile(r"vimeo\.com/moogaloop\.swf\?(?:.*&)?clip_id=(\d+)", re.I)
# WordPress sizes (x-300x200.jpg), Blogger sizes (/s320/, /w400-h300/, =s1600)
_WP_SIZE = re.compile(r"-\d+x\d+(?=\.\w+$)")
_BLOGGER_SIZE = re.compile(r"/(?:s|w|h)\d+(?:-[\w-]*)?/|=[swh]\d+[\w-]*$")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\xa0]*\n\s*")
_NEWLINE = re.compile(r"[ \t\r\f]*\n[ \t\r\f]*")
# tracking pixels a blogging tool wrote without a size: Zemanta's "related articles" counter
# (img.zemanta.com/pixy.gif), common on WordPress and Blogger posts of 2009 to 2014
_PIXEL_CLASSES = {"zemanta-pixie-img"}
_SPACE = re.compile(r"\s+")
_BACKTICKS = re.compile(r"`+")
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.I)
_LANG_CLASS = re.compile(r"(?:^|\s)(?:language|lang)-([\w+#-]+)|brush\s*:\s*([\w+#-]+)", re.I)

_INLINE_SPECIAL = re.compile(
    r"\\(?=[\\`*_{}\[\]()>#+\-.!\"'|]|$)|[`*]|(?<![^\W_])_|_(?![^\W_])"
    r"|\](?=[(\[:])|\[(?=\^|TOC\])|<(?=[A-Za-z/!?])|&(?=#?\w+;)|\{(?=gallery\})"
)
_FRAGMENT_LINK = re.compile(r"""href\s*=\s*["']?#([\w-]+)""", re.I)
_LINE_START = re.compile(
    r"^(\s*)(?:(#|>|\[(?=[^\[\]]*\\?\]:)|[-+](?=\s|-|$)|\d+[.)](?=\s|$)|:(?=\s))|(=+\s*$))"
)


def _parse(html: str) -> BeautifulSoup:
    with warnings.catch_warnings():  # a body that is only a URL is a body, not a mistake
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(html, "html.parser")


def _note_once(notes: list[str], note: str) -> None:
    if note not in notes:
        notes.append(note)


def _shortcode_attrs(text: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    position = 0
    for match in _ATTR.finditer(htmllib.unescape(text)):
        key, double, single, bare, quoted, word = match.groups()
        if key:
            attrs[key.lower()] = next(v for v in (double, single, bare, "") if v is not None)
        else:  # a positional value ([embed http://…], [gallery 3 columns])
            attrs[str(position)] = quoted if quoted is not None else word
            position += 1
    return attrs


def _is_shortcode(name: str, attrs: str, closers: set[str]) -> bool:
    """Whether ``[name attrs]`` is a shortcode rather than bracketed prose like ``[sic]``, as
    WordPress read its own text (shortcodes.is_shortcode, ``exported``)."""
    return shortcodes.is_shortcode(name, attrs, name in closers, exported=True)


def _caption_html(attrs: dict[str, str], inner: str) -> str:
    """A ``[caption]`` as the ``<figure>`` that ``_Converter.convert_figure`` writes out."""
    soup = _parse(inner)
    img = soup.find("img")
    if img is None:
        return inner
    picture = img.parent if img.parent is not None and img.parent.name == "a" else img
    picture = picture.extract()
    caption = attrs.get("caption") or soup.decode()
    return f"<figure>{picture.decode()}<figcaption>{caption.strip()}</figcaption></figure>"


# the players WordPress.com and Jetpack name by a video's id as well as by its address
# ([vimeo 141358], [vimeo id=141358], [vimeo=141358], [youtube=…], [dailymotion x8oma9]):
# the id as each service writes one, and the address of its player, read by embeds.page_of
_PLAYER_IDS = {
    "youtube": (re.compile(r"[\w-]{11}"), "https://www.youtube.com/embed/{}", "YouTube"),
    "vimeo": (re.compile(r"\d+"), "https://player.vimeo.com/video/{}", "Vimeo"),
    "dailymotion": (
        re.compile(r"[A-Za-z0-9]+"),
        "https://www.dailymotion.com/embed/video/{}",
        "Dailymotion",
    ),
}
_ADDRESS = re.compile(r"https?://[^\s\"'\]]+", re.I)
# what a media shortcode's file may be linked as: an address, or a path on the old site
_LINKABLE = re.compile(r"(?:https?:)?//\S|/\S", re.I)


def _media_url(name: str, attrs_text: str, attrs: dict[str, str]) -> str:
    """The address in ``[video mp4="…"]``, ``[audio src=…]``, ``[youtube=…]``, ``[youtube …]``,
    or of the video a player's id names (``[vimeo 141358]``: https://vimeo.com/141358); ""
    when there is none a link could be made of (``[vimeo abc]``: WordPress showed no player
    either)."""
    written = htmllib.unescape(attrs_text)
    if found := _VIDEO.search(written):
        return found.group()
    if name in _PLAYER_IDS:
        pattern, player, _ = _PLAYER_IDS[name]
        value = attrs.get("id") or attrs.get("clip_id") or attrs.get("0") or ""
        # [dailymotion=x8oma9]; the old [dailymotion id=x8oma9&title=…] (its one attribute)
        value = value.lstrip("=").split("&", 1)[0].strip()
        if pattern.fullmatch(value) and (page := embeds.page_of(player.format(value))):
            return page.url
        found = _ADDRESS.search(written)
        return found.group() if found else ""
    for key in ("src", "mp4", "m4v", "webm", "ogv", "mp3", "m4a", "ogg", "wav", "0"):
        value = attrs.get(key, "").strip()
        if value:
            return value if _LINKABLE.match(value) else ""
    return ""


def _unlinked(name: str, core: str) -> str:
    """The note on a media shortcode no link could be made of (``_media_url``)."""
    if name in _PLAYER_IDS:
        service = _PLAYER_IDS[name][2]
        return (
            f"shortcode {core} dropped: it names no {service} video a link could be made of "
            "(the old site showed no player for it either); if you know the video, link to "
            "its page there"
        )
    return f"shortcode {core} dropped: no address in it"


# a place in the text a note is about (a shortcode dropped there), numbered, in characters no
# text has (Unicode's private use area): ``_placed`` finds its line in the Markdown
_PLACE = "\ue000{}\ue001"
_PLACE_DIGITS = str.maketrans("0123456789", "".join(map(chr, range(0xE010, 0xE01A))))
_PLACE_NUMBER = str.maketrans("".join(map(chr, range(0xE010, 0xE01A))), "0123456789")
_PLACE_FOUND = re.compile(" ?\ue000([\ue010-\ue019]+)\ue001")


def _place(placed: list[str], note: str) -> str:
    """The mark of a place in the text, its note kept in ``placed``."""
    placed.append(note)
    return _PLACE.format(str(len(placed) - 1).translate(_PLACE_DIGITS))


def _placed(markdown: str, notes: list[str]) -> tuple[str, list[tuple[int, str]]]:
    """The Markdown (``_tidy``'s) without the marks ``_place`` left, and each note with the line
    its mark stood at: a line that held only marks goes, and a blank line beside it."""
    at = [0] * len(notes)
    if "\ue000" not in markdown:
        return markdown, list(zip(at, notes, strict=True))
    lines = markdown.rstrip("\n").split("\n")
    out: list[str] = []
    skip_blank = False
    for i, line in enumerate(lines):
        if skip_blank and not line.strip():
            skip_blank = False
            continue
        skip_blank = False
        marks = [int(m[1].translate(_PLACE_NUMBER)) for m in _PLACE_FOUND.finditer(line)]
        line = _PLACE_FOUND.sub("", line) if marks else line
        for mark in marks:
            if mark < len(at):
                at[mark] = len(out) + 1
        if marks and not line.strip():
            following = lines[i + 1] if i + 1 < len(lines) else ""
            skip_blank = not following.strip() and (not out or not out[-1].strip())
            continue
        out.append(line)
    while out and not out[-1].strip():
        out.pop()
    at = [min(n, len(out)) for n in at]
    text = "\n".join(out)
    return (text + "\n" if text.strip() else ""), list(zip(at, notes, strict=True))


def _code_html(attrs: dict[str, str], inner: str) -> str:
    lang = attrs.get("lang") or attrs.get("language") or ""
    text = htmllib.unescape(inner).strip("\n")
    lang_attr = f' data-lang="{htmllib.escape(lang)}"' if lang else ""
    return f"<pre{lang_attr}><code>{htmllib.escape(text, quote=False)}</code></pre>"


# Tags that end an open <p> (HTML's rule), which html.parser does not apply
_ENDS_P = frozenset(
    {"address", "article", "aside", "blockquote", "div", "dl", "fieldset", "figure", "footer"}
    | {"form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p"}
    | {"pre", "section", "table", "ul"}
)


class _Implied:
    """The end tags HTML implies and html.parser does not: ``<p>a<p>b``, ``<li>a<li>b``.

    Without them each unclosed paragraph or item nests in the one before, and a long page of
    them is a tree hundreds deep."""

    def __init__(self) -> None:
        self.p_open = False
        self.items: list[bool] = []  # per open list: whether an <li> is open in it

    def close_implied(self, name: str, closing: bool) -> str:
        out = ""
        if closing:
            if name == "p":
                self.p_open = False
            elif name == "li" and self.items:
                self.items[-1] = False
            elif name in ("ul", "ol") and self.items:
                out = "</li>" if self.items.pop() else ""
            return out
        if self.p_open and (name in _ENDS_P or name == "li"):
            out, self.p_open = "</p>", False
        if name == "p":
            self.p_open = True
        elif name in ("ul", "ol"):
            self.items.append(False)
        elif name == "li" and self.items:
            if self.items[-1]:
                out += "</li>"
            self.items[-1] = True
        return out


def _scan(
    text: str,
    gallery: Callable[[dict[str, str]], str | None],
    notes: list[str],
    *,
    spans: bool,
    more: bool = False,
    placed: list[str] | None = None,
    beside: Callable[[], list[Beside]] = lambda: [],
) -> str:
    """The HTML without comments, shortcodes turned into HTML (see the module's docstring);
    with ``more``, a ``<!--more-->`` is the empty ``<div data-importer-more>`` that
    ``_summary_marker`` places. ``placed``: the notes on a place of the text, each marked there
    (``_place``); without it (a summary), a shortcode left as text in a body goes too, as one
    WordPress dropped does: a summary keeps the writer's words only."""
    summary = placed is None
    closers = set(_CLOSERS.findall(text))
    lists = _Implied()
    out: list[str] = []
    raw_depth = 0  # inside <pre>, <code>, <script>, <style>, <textarea>
    position = 0
    while True:
        match = _TOKEN.search(text, position)
        if match is None:
            break
        out.append(text[position : match.start()])
        position = match.end()
        if match.group("comment") is not None:
            if raw_depth:
                out.append(match.group())
            elif more and _MORE.fullmatch(match.group()):
                out.append(f"<div {_MORE_ATTR}></div>")
            elif match.group().replace(" ", "").lower() == "<!--nextpage-->":
                _note_once(notes, "<!--nextpage--> dropped: the post's pages are one page now")
            continue
        if match.group("tag") is not None:
            tag, name = match.group(), match.group("tagname").lower()
            closing = bool(match.group("close"))
            if not tag.endswith(">"):  # "<a href=…" to the end: text (html.parser is quadratic)
                out.append(htmllib.escape(tag, quote=False))
                continue
            if name in RAW_TEXT and not tag.endswith("/>"):
                raw_depth = max(0, raw_depth + (-1 if closing else 1))
            if not raw_depth:
                out.append(lists.close_implied(name, closing))
            if spans or name not in ("span", "font"):
                out.append(tag)
            continue
        name, attrs_text = match.group("name"), match.group("attrs")
        if raw_depth or not _is_shortcode(name, attrs_text, closers):
            out.append(match.group())
            continue
        if match.group("lb") and match.group("rb"):  # [[gallery]]: WordPress's escape
            written = match.group()[1:-1]
            # one the site's build would name as a shortcode left in the text is code, as a
            # Markdown post shows a shortcode it talks about: `[gallery]`
            named = shortcodes.is_shortcode(name, attrs_text, name in closers)
            out.append(f"<code>{written}</code>" if named else written)
            continue
        whole, lb, rb = match.group(), match.group("lb"), match.group("rb")
        core = whole[len(lb) : len(whole) - len(rb)]
        out.append(lb)
        lname = name.lower()
        if match.group("scclose"):
            if lname not in KNOWN:
                out.append(" " if summary else core)
            out.append(rb)
            continue
        attrs = _shortcode_attrs(attrs_text)
        if lname in shortcodes.LANGUAGES and name in closers:
            attrs = {"lang": lname, **attrs}
            lname = "code"
        if lname in ENCLOSING:
            end = text.find(f"[/{name}]", position) if name in closers else -1
            if end < 0:
                _note_once(notes, f"shortcode [{name}] has no [/{name}]: kept as text")
                out.append(rb if summary else core + rb)
                continue
            inner = text[position:end]
            position = end + len(name) + 3
            if lname in ("caption", "wp_caption"):
                out.append(_caption_html(attrs, inner))
            elif lname == "embed":
                url = htmllib.escape(htmllib.unescape(inner.strip()))
                out.append(f'<div data-importer-link="{url}"></div>')
            else:
                out.append(_code_html(attrs, inner))
        elif lname in MEDIA:
            url = _media_url(lname, attrs_text, attrs)
            if url:
                out.append(f'<div data-importer-link="{htmllib.escape(url)}"></div>')
            elif placed is not None:
                out.append(_place(placed, _SPACE.sub(" ", _unlinked(lname, core)).strip()))
        elif lname == "gallery":
            slug = gallery(attrs)
            if slug:
                out.append(f'<div data-importer-gallery="{htmllib.escape(slug)}"></div>')
            out.extend(_pictures_beside(beside()))  # a gallery left out shows them too
            if slug is None:  # "": dropped, and the callback has said why
                _note_once(notes, f"shortcode {core} dropped: no gallery for it")
        elif summary:  # kept as text in the body, where the report names it
            out.append(" ")
        else:  # kept as text
            known = lname in shortcodes.KINDS  # Jetpack's form, a tweet: nothing stands for it
            note = (
                f"shortcode [{name}] kept as text: this site has no such thing"
                if known
                else f"unknown shortcode [{name}] kept as text"
            )
            out.append(core)
            if placed is not None and note not in placed:  # the report names its first line
                out.append(_place(placed, note))
        out.append(rb)
    out.append(text[position:])
    return "".join(out)


def _paragraph_html(items: list) -> str:
    """One wpautop paragraph: its text's single newlines become ``<br>``."""
    parts: list[str] = []
    for i, item in enumerate(items):
        if isinstance(item, Tag):
            parts.append(item.decode())
            continue
        text = str(item)
        if i > 0 and isinstance(items[i - 1], Tag) and items[i - 1].name == "br":
            text = text.lstrip(" \t\r\n")
        if i + 1 < len(items) and isinstance(items[i + 1], Tag) and items[i + 1].name == "br":
            text = text.rstrip(" \t\r\n")
        if i == 0:
            text = text.lstrip()
        if i == len(items) - 1:
            text = text.rstrip()
        parts.append("<br>\n".join(htmllib.escape(p, quote=False) for p in _NEWLINE.split(text)))
    return "<p>" + "".join(parts) + "</p>\n"


def _autop(container: Tag) -> str:
    """The container's inner HTML with wpautop's paragraphs and line breaks."""
    out: list[str] = []
    run: list = []

    def flush() -> None:
        paragraphs: list[list] = [[]]
        for node in run:
            if isinstance(node, Tag):
                paragraphs[-1].append(node)
                continue
            for i, part in enumerate(_BLANK_LINE.split(str(node))):
                if i:
                    paragraphs.append([])
                if part:
                    paragraphs[-1].append(NavigableString(part))
        for items in paragraphs:
            if any(isinstance(n, Tag) or n.strip() for n in items):
                out.append(_paragraph_html(items))
        run.clear()

    for child in container.children:
        if isinstance(child, Comment | Declaration | Doctype | ProcessingInstruction):
            continue
        if isinstance(child, Tag) and child.name in BLOCKS:
            flush()
            if child.name in PARAGRAPH_HOLDERS:
                attrs = "".join(
                    f' {k}="{htmllib.escape(v if isinstance(v, str) else " ".join(v))}"'
                    for k, v in child.attrs.items()
                )
                out.append(f"<{child.name}{attrs}>{_autop(child)}</{child.name}>\n")
            else:
                out.append(child.decode() + "\n")
        else:
            run.append(child)
    flush()
    return "".join(out)


def _same_picture(href: str | None, src: str | None) -> bool:
    """Whether a link points at the image it wraps, or at a size variant of it."""
    if not href or not src:
        return False
    href, src = href.strip(), src.strip()

    def base(url: str) -> str:
        url = url.split("?", 1)[0].split("#", 1)[0]
        url = _BLOGGER_SIZE.sub("/", url)
        url = re.sub(r"^https?:", "", url)
        return _WP_SIZE.sub("", url)

    return base(href) == base(src)


def _player_page(src: str, title: str = "") -> embeds.Page | None:
    """The page a player's address stands for (the engine's table, ``embeds.page_of``: YouTube,
    Vimeo, Speaker Deck, SlideShare, SoundCloud, Spotify, CodePen, Dailymotion, TED, a map...),
    YouTube's Flash-era ``/v/ID&hl=en`` too, and Vimeo's ``moogaloop.swf?clip_id=N`` read
    here; None for anything else."""
    src = src.strip()
    if found := _MOOGALOOP.search(src):
        src = f"https://player.vimeo.com/video/{found.group(1)}"
    return embeds.page_of(src, title)


def _md_url(url: str) -> str:
    """A URL as a Markdown link destination."""
    url = url.strip().replace("\n", "")
    if not url:
        return "<>"
    if " " in url or url.count("(") != url.count(")") or "<" in url or ">" in url:
        return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
    return url


def _written(url: str, markdown: str) -> bool:
    """Is this address in the text as written (a picture in a dropped <noscript> is not)?"""
    spellings = {url, htmllib.escape(url), htmllib.escape(url, quote=False), _md_url(url)}
    return any(spelling in markdown for spelling in spellings)


def _md_title(title: str) -> str:
    return f' "{title.replace(chr(34), "&quot;")}"' if title else ""


# Elements whose text markdownify writes as it is (no escaping, no Markdown inside). Every
# converter hook is given the names of the element's ancestors (``parent_tags``); this set is
# read from those public names rather than from markdownify's own "_noformat" marker.
_PREFORMATTED = frozenset({"pre", "code", "kbd", "samp"})


def _preformatted(parent_tags: set[str]) -> bool:
    """Whether an element sits inside one whose text is written as it is."""
    return not _PREFORMATTED.isdisjoint(parent_tags)


def _text_starts_line(el) -> bool:
    node = el
    while True:
        prev = node.previous_sibling
        while isinstance(prev, NavigableString) and not prev.strip():
            prev = prev.previous_sibling
        if prev is None:
            parent = node.parent
            if parent is None or parent.name == "[document]" or parent.name in BLOCKS:
                return True
            node = parent
            continue
        return isinstance(prev, Tag) and (prev.name == "br" or prev.name in BLOCKS)


def _text_ends_line(el) -> bool:
    node = el
    while True:
        nxt = node.next_sibling
        while isinstance(nxt, NavigableString) and not nxt.strip():
            nxt = nxt.next_sibling
        if nxt is None:
            parent = node.parent
            if parent is None or parent.name == "[document]" or parent.name in BLOCKS:
                return True
            node = parent
            continue
        return isinstance(nxt, Tag) and (nxt.name == "br" or nxt.name in BLOCKS)


_KEEP_ATTRS = {"href", "src", "alt", "title", "colspan", "rowspan", "scope", "start", "lang"}
_INLINE_HTML = {"a", "em", "strong", "i", "b", "code", "br", "sup", "sub", "del", "ins"}


# Where a line of its own would end the block (or is no line): lists, quotations, tables...
_NOT_BETWEEN_BLOCKS = frozenset({"li", "blockquote", "td", "th", "dd", "dt", "figure", "_inline"})


class _Converter(MarkdownConverter):
    """markdownify, written for Python-Markdown (or Isso's mistune, ``comment=True``)."""

    def __init__(
        self,
        *,
        rewrite: Callable[[str], str],
        gallery: Callable[[dict[str, str]], str | None] = lambda attrs: None,
        comment: bool = False,
        alt: Callable[[str, str], str] = lambda src, image_id: "",
    ) -> None:
        super().__init__(
            heading_style=ATX,
            bullets="-",
            strong_em_symbol="*",
            newline_style=SPACES,
            wrap=True,  # white space in text is a space: lines come only from <br> and blocks
            wrap_width=None,
            escape_misc=False,
            keep_inline_images_in=["td", "th"],
        )
        self.rewrite = rewrite
        self.alt = alt  # the export's alt text of a picture (its src, its wp-image id), or ""
        self.no_alt: list[str] = []
        self.alt_says_nothing: list[tuple[str, str, str]] = []
        # every picture converted, by its address as written (a figure's or a kept block's
        # too: their children are converted first); _run keeps those the text shows
        self.pictures: list[str] = []
        self.targets: set[str] = set()  # ids that the body's "#…" links point at
        self.gallery = gallery
        self.comment = comment
        self.dropped: Counter[str] = Counter()
        self.dropped_example: dict[str, str] = {}

    # Text

    def process_text(self, el, parent_tags=None):
        text = str(el).replace("\xa0", " ")
        parent_tags = parent_tags or set()
        if not _preformatted(parent_tags) and "a" not in parent_tags:
            url = text.strip()
            if _VIDEO.fullmatch(url) and _text_starts_line(el) and _text_ends_line(el):
                return f"<{self.rewrite(url)}>"
        if "pre" in parent_tags:
            return text
        result = super().process_text(NavigableString(text), parent_tags)
        # markdownify trims by the neighbours; the copy has none, so trim like it would, and
        # next to <br> and to the blocks it does not know (<figure>…) too
        before = getattr(el.previous_sibling, "name", None)
        after = getattr(el.next_sibling, "name", None)
        if self._trim_before(el) or before == "br" or before in BLOCKS:
            result = result.lstrip(" \t\r\n")
        if self._trim_after(el) or after == "br" or after in BLOCKS:
            result = result.rstrip()
        if not _preformatted(parent_tags):
            if _text_starts_line(el):
                result = self._escape_line_start(result)
            if result.endswith("]") and not result.endswith("\\]") and not _text_ends_line(el):
                result = result[:-1] + "\\]"  # "[x]" then a link: "[x][y](z)" reads as one
        return result

    @staticmethod
    def _trim_before(el) -> bool:
        return should_remove_whitespace_outside(el.previous_sibling) or (
            should_remove_whitespace_inside(el.parent) and not el.previous_sibling
        )

    @staticmethod
    def _trim_after(el) -> bool:
        return should_remove_whitespace_outside(el.next_sibling) or (
            should_remove_whitespace_inside(el.parent) and not el.next_sibling
        )

    def escape(self, text, parent_tags):
        if not text:
            return ""

        def one(match: re.Match) -> str:
            found = match.group()
            if self.comment and found in "<&{":
                return found  # Isso's mistune escapes all HTML and reads no entities
            if found == "<":
                return "&lt;"
            if found == "&":
                return "&amp;"
            if found == "{":
                return "&#123;"  # {gallery} is the galleries plugin's marker
            return "\\" + found

        text = _INLINE_SPECIAL.sub(one, text)
        if "a" in parent_tags:  # a bracket in a link's text would end it
            text = re.sub(r"(?<!\\)([\[\]])", r"\\\1", text)
        if "_inline" in parent_tags:
            text = text.replace("|", "\\|")
        if self.comment:
            text = text.replace("~", "\\~").replace("^", "\\^")
        elif text.rstrip().endswith("}") and "{" in text:
            cut = text.rindex("{")
            text = text[:cut] + "\\" + text[cut:]  # attr_list would read a final {…}
        return text

    def _escape_line_start(self, text: str) -> str:
        match = _LINE_START.match(text)
        if not match:
            return text
        lead, marker, equals = match.groups()
        if equals:
            return lead + ("\\=" if self.comment else "&#61;") + text[len(lead) + 1 :]
        if marker == ":" and self.comment:
            return text
        if marker == ":":
            return lead + "&#58;" + text[len(lead) + 1 :]
        if marker[0].isdigit():
            if marker.endswith(")"):  # a list in CommonMark (comments), text in Python-Markdown
                if not self.comment:
                    return text
                return lead + marker[:-1] + "\\)" + text[len(lead) + len(marker) :]
            return lead + marker[:-1] + "\\." + text[len(lead) + len(marker) :]
        return lead + "\\" + text[len(lead) :]

    # Inline elements

    def convert_a(self, el, text, parent_tags):
        if _preformatted(parent_tags):
            return text
        href = (el.get("href") or "").strip()
        img = el.find("img")
        if (
            img is not None
            and not el.get_text(strip=True)
            and len(el.find_all("img")) == 1
            and _same_picture(href, img.get("src") or "")
        ):
            return self._image(img, href, parent_tags)
        prefix, suffix, text = chomp(text)
        if not href and "_inline" not in parent_tags and (anchor := self._anchor(el)):
            return f'{prefix}<a id="{anchor}"></a>{text}{suffix}'  # a target of "#…" links
        if not text:
            return ""
        # a link that is itself a target (a footnote's number, which its note links back to)
        if anchor := ("" if "_inline" in parent_tags else self._anchor(el)):
            prefix += f'<a id="{anchor}"></a>'
        if not href or href == "#" or href.lower().startswith(("javascript:", "data:")):
            return prefix + text + suffix
        url = self.rewrite(href)
        title = el.get("title") or ""
        plain = el.get_text().strip()
        if (
            plain == href == url
            and not title
            and re.match(r"(?:https?://|mailto:)[^\s<>]+$", url, re.I)
        ):
            return f"{prefix}<{url}>{suffix}"
        return f"{prefix}[{text}]({_md_url(url)}{_md_title(title)}){suffix}"

    def _anchor(self, el) -> str:
        """The element's id or name when a link of the body points at it, else ""."""
        if self.comment:
            return ""
        for key in ("id", "name"):
            value = el.get(key) or ""
            if value in self.targets and re.fullmatch(r"[\w-]+", value):
                return value
        return ""

    def _alt(self, el: Tag, src: str) -> str:
        """A picture's alt text: its own, else the one the export gives its attachment."""
        alt = _SPACE.sub(" ", el.get("alt") or "").strip()
        if not alt and not self.comment:
            found = re.search(r"wp-image-(\d+)", " ".join(el.get("class") or []))
            alt = _SPACE.sub(" ", self.alt(src.strip(), found.group(1) if found else "")).strip()
        return alt

    @staticmethod
    def _captioned(el: Tag, parent_tags) -> bool:
        """Whether a picture is written in a ``<figure>`` with its caption (``_figure``)."""
        if parent_tags & {"li", "blockquote", "td", "th", "dd", "_inline"}:
            return False
        for holder in el.parents:
            classes = holder.get("class") or []
            if holder.name == "figure":
                caption = holder.find("figcaption")
            elif holder.name == "div" and "wp-caption" in classes:
                caption = holder.find(class_="wp-caption-text")
            elif holder.name == "table" and "tr-caption-container" in classes:
                caption = holder.find(class_="tr-caption")
            else:
                continue
            one = len(holder.find_all("img")) == 1
            return one and caption is not None and bool(caption.get_text(strip=True))
        return False

    def _without_alt(self, el: Tag, url: str) -> None:
        """Note a picture written without alt text, unless a link's text names it."""
        link = el.find_parent("a")
        named = link is not None and link.get_text(strip=True)
        if not self.comment and not named and url not in self.no_alt:
            self.no_alt.append(url)

    def _alt_checked(self, alt: str, url: str) -> None:
        """Note a picture whose alt text describes nothing, by the rule a publish build
        refuses it by (blogcore's), once each."""
        what = alt_describes_nothing(alt, url) if alt and not self.comment else ""
        if what and (url, alt, what) not in self.alt_says_nothing:
            self.alt_says_nothing.append((url, alt, what))

    def _image(self, el, src: str, parent_tags) -> str:
        src = src.strip()
        if {"emoji", "wp-smiley"} & set(el.get("class") or []):
            return _SPACE.sub(" ", el.get("alt") or "").strip()  # the emoji's character
        alt = self._alt(el, src)
        if (el.get("width") in ("0", "1") and el.get("height") in ("0", "1")) or (
            _PIXEL_CLASSES & set(el.get("class") or [])
        ):
            self._drop("img (a tracking pixel)", src)  # Blogger's post footer, stats counters
            return ""
        if not src or src.lower().startswith("data:"):
            self._drop("img with inline data" if src else "img without src", "")
            return ""
        url = self.rewrite(src)
        if self.comment:
            return f"[{self._escape_alt(alt) or 'image'}]({_md_url(url)})"
        if (
            "_inline" in parent_tags
            and el.parent is not None
            and el.parent.name
            not in (
                "td",
                "th",
            )
        ):
            return self._escape_alt(alt)
        if not alt and not self._captioned(el, parent_tags):
            self._without_alt(el, url)
        self._alt_checked(alt, url)
        if url not in self.pictures:
            self.pictures.append(url)
        return f"![{self._escape_alt(alt)}]({_md_url(url)}{_md_title(el.get('title') or '')})"

    @staticmethod
    def _escape_alt(alt: str) -> str:
        return re.sub(r"([\\\[\]`*_<])", r"\\\1", alt)

    def convert_img(self, el, text, parent_tags):
        link = el.parent
        if link is not None and link.name == "a" and _same_picture(link.get("href"), el.get("src")):
            return ""  # convert_a writes it, at the link's address
        return self._image(el, el.get("src") or "", parent_tags)

    def _inline(self, el, text, parent_tags, symbol: str, names: set[str]):
        if _preformatted(parent_tags) or parent_tags & names:
            return text  # **a **b** c** is not Markdown: the outer one is enough
        stripped = text.strip()
        if not stripped:
            return text and " "
        if "\n\n" in stripped:
            return text  # emphasis cannot span paragraphs (an unclosed <b> in junk HTML)
        before = " " if text[:1].isspace() else ""
        after = " " if text[-1:].isspace() else ""
        return f"{before}{symbol}{stripped}{symbol}{after}"

    def convert_b(self, el, text, parent_tags):
        return self._inline(el, text, parent_tags, "**", {"b", "strong"})

    convert_strong = convert_b

    def convert_em(self, el, text, parent_tags):
        return self._inline(el, text, parent_tags, "*", {"em", "i"})

    convert_i = convert_em

    def _html_inline(self, el, text, parent_tags, comment_symbol: str):
        if _preformatted(parent_tags) or not text.strip():
            return text
        if self.comment:
            return f"{comment_symbol}{text.strip()}{comment_symbol}" if comment_symbol else text
        name = "del" if el.name in ("s", "strike") else el.name
        return f"<{name}>{text}</{name}>"

    def convert_sup(self, el, text, parent_tags):
        return self._html_inline(el, text, parent_tags, "^")

    def convert_sub(self, el, text, parent_tags):
        return self._html_inline(el, text, parent_tags, "~")

    def convert_del(self, el, text, parent_tags):
        return self._html_inline(el, text, parent_tags, "~~")

    convert_s = convert_strike = convert_del

    def convert_ins(self, el, text, parent_tags):
        return self._html_inline(el, text, parent_tags, "")

    def convert_span(self, el, text, parent_tags):
        style = el.get("style") or ""
        if _BOLD_STYLE.search(style):
            text = self.convert_b(el, text, parent_tags | {"_span"})
        if _ITALIC_STYLE.search(style):
            text = self.convert_em(el, text, parent_tags | {"_span"})
        return text

    convert_font = convert_span

    def convert_br(self, el, text, parent_tags):
        if "pre" in parent_tags:
            return "\n"
        if "_inline" in parent_tags:
            return " "
        return "\n" if self.comment else "  \n"

    # Blocks

    def convert_hN(self, n, el, text, parent_tags):
        text = _SPACE.sub(" ", text).strip()
        if not text:
            return ""
        if "_inline" in parent_tags:
            return text
        if self.comment:
            return f"\n\n**{text}**\n\n"
        if text.endswith("#"):
            text = text[:-1] + "\\#"  # a closing ATX sequence otherwise
        for node in (el, *el.find_all("a", href=False)):
            if anchor := self._anchor(node):  # the old id, for the body's "#…" links
                text += f" {{#{anchor}}}"
                break
        return f"\n\n{'#' * max(1, min(6, n))} {text}\n\n"

    def convert_li(self, el, text, parent_tags):
        text = (text or "").strip()
        if not text:
            return ""
        parent = el.parent
        if parent is not None and parent.name == "ol":
            start = str(parent.get("start") or "1")
            first = int(start) if start.isdigit() else 1
            bullet = f"{first + len(el.find_previous_siblings('li'))}."
        else:
            bullet = "-"
        indent = "    "
        lines = text.split("\n")
        if anchor := ("" if "_inline" in parent_tags else self._anchor(el)):
            lines[0] = f'<a id="{anchor}"></a>{lines[0]}'  # a footnote, which "#…" links reach
        body = "\n".join(indent + line if line.strip() else "" for line in lines[1:])
        return f"{bullet} {lines[0]}\n" + (body + "\n" if body else "")

    def convert_pre(self, el, text, parent_tags):
        lines = [line.rstrip() for line in text.split("\n")]  # no trailing spaces
        text = "\n".join(lines).strip("\n")
        if not text:
            return ""
        lines = text.split("\n")
        if parent_tags & {"li", "blockquote", "td", "th", "dd"} and not self.comment:
            code = "\n".join("    " + line if line.strip() else "" for line in lines)
            return f"\n\n{code}\n\n"
        longest = max((len(m) for m in _BACKTICKS.findall(text)), default=0)
        fence = "`" * max(3, longest + 1)
        return f"\n\n{fence}{self._language(el)}\n{text}\n{fence}\n\n"

    @staticmethod
    def _language(el) -> str:
        for node in (el, el.find("code")):
            if node is None:
                continue
            for attr in ("data-lang", "lang", "data-language"):
                if node.get(attr):
                    return re.sub(r"[^\w+#-]", "", node[attr]).lower()
            classes = node.get("class") or []
            found = _LANG_CLASS.search(" ".join(classes) if isinstance(classes, list) else classes)
            if found:
                return (found.group(1) or found.group(2)).lower()
        return ""

    def convert_figure(self, el, text, parent_tags):
        return self._figure(el, el.find("figcaption"), text, parent_tags)

    def _figure(self, el, caption, text, parent_tags):
        """A picture with a caption as an HTML ``<figure>`` (Markdown has no captions)."""
        imgs = el.find_all("img")
        nested = parent_tags & {"li", "blockquote", "td", "th", "dd", "_inline"}
        if len(imgs) != 1 or caption is None or not caption.get_text(strip=True):
            return f"\n\n{text.strip()}\n\n" if text.strip() else ""
        img = imgs[0]
        if self.comment or nested:  # raw HTML is a block only at the top level
            return f"\n\n{text.strip()}\n\n"
        link = img.parent if img.parent is not None and img.parent.name == "a" else None
        src = img.get("src") or ""
        if link is not None and _same_picture(link.get("href") or "", src):
            src, link = link.get("href") or "", None
        url = htmllib.escape(self.rewrite(src.strip()))
        picture = f'<img src="{url}" alt="{htmllib.escape(self._alt(img, src))}"'
        if img.get("title"):
            picture += f' title="{htmllib.escape(img["title"])}"'
        picture += ">"
        if link is not None and link.get("href"):
            href = htmllib.escape(self.rewrite(link["href"].strip()))
            picture = f'<a href="{href}">{picture}</a>'
        caption_html = f"<figcaption>{self._clean_inline(caption)}</figcaption>"
        return f"\n\n<figure>\n{picture}\n{caption_html}\n</figure>\n\n"

    def convert_figcaption(self, el, text, parent_tags):
        return f"\n\n{text.strip()}\n\n" if text.strip() else ""

    def _clean_inline(self, el: Tag) -> str:
        """An element's content as inline HTML: text, links, emphasis, code; nothing else."""
        out: list[str] = []
        for child in el.children:
            if isinstance(child, Comment | Declaration | Doctype | ProcessingInstruction):
                continue
            if isinstance(child, NavigableString):
                out.append(htmllib.escape(_SPACE.sub(" ", str(child)), quote=False))
            elif child.name in _INLINE_HTML:
                inner = self._clean_inline(child)
                if child.name == "br":
                    out.append("<br>")
                elif child.name == "a" and child.get("href"):
                    href = htmllib.escape(self.rewrite(child["href"].strip()))
                    out.append(f'<a href="{href}">{inner}</a>')
                elif child.name != "a":
                    out.append(f"<{child.name}>{inner}</{child.name}>")
                else:
                    out.append(inner)
            elif child.name not in DROPPED:
                out.append(self._clean_inline(child))
        return "".join(out).strip()

    def convert_div(self, el, text, parent_tags):
        if el.has_attr(_MORE_ATTR):  # placed by _summary_marker: between blocks
            return "" if parent_tags & _NOT_BETWEEN_BLOCKS else "\n\n<!-- more -->\n\n"
        if el.get("data-importer-gallery"):
            return f"\n\n{{gallery}}{el['data-importer-gallery']}\n\n"
        if el.get("data-importer-link"):
            url = self.rewrite(el["data-importer-link"])
            if re.match(r"https?://\S+$", url):
                return f"\n\n<{url}>\n\n"
            name = url.rstrip("/").rsplit("/", 1)[-1] or url
            return f"\n\n[{self._escape_alt(name)}]({_md_url(url)})\n\n"
        classes = el.get("class") or []
        url = el.get_text().strip()
        if "wp-block-embed__wrapper" in classes and re.fullmatch(r"https?://\S+", url):
            return f"\n\n<{self.rewrite(url)}>\n\n"  # Gutenberg's embed of a tweet, a map…
        if "wp-caption" in classes:  # a caption as WordPress renders it
            caption = el.find(class_="wp-caption-text")
            if caption is not None:
                return self._figure(el, caption, text, parent_tags)
        return super().convert_div(el, text, parent_tags)

    convert_center = convert_address = convert_main = convert_header = convert_div
    convert_footer = convert_aside = convert_nav = convert_details = convert_div

    def convert_table(self, el, text, parent_tags):
        if self.comment or "_inline" in parent_tags:
            return super().convert_table(el, text, parent_tags)
        if "tr-caption-container" in (el.get("class") or []):  # Blogger's captioned picture
            caption = el.find(class_="tr-caption")
            if caption is not None and len(el.find_all("img")) == 1:
                return self._figure(el, caption, text, parent_tags)
        if self._simple_table(el):
            return super().convert_table(el, text, parent_tags)
        return f"\n\n{self._clean_block(el)}\n\n"

    @staticmethod
    def _simple_table(el: Tag) -> bool:
        rows = el.find_all("tr")
        if not rows or el.find(["table", "ul", "ol", "pre", "blockquote", "br", "caption"]):
            return False
        if any(c.get("colspan") or c.get("rowspan") for c in el.find_all(["td", "th"])):
            return False
        widths = {len(r.find_all(["td", "th"], recursive=False)) for r in rows}
        if len(widths) != 1 or widths == {0}:
            return False
        if any(len(c.find_all("p")) > 1 for c in el.find_all(["td", "th"])):
            return False
        first = rows[0]
        head = first.find_all(["td", "th"], recursive=False)
        thead_rows = [r for r in rows if r.parent is not None and r.parent.name == "thead"]
        return (all(c.name == "th" for c in head) and not thead_rows) or thead_rows == [first]

    def _clean_block(self, el: Tag) -> str:
        """A block kept as HTML: meaningful attributes only, links and images rewritten."""
        copy = _parse(el.decode())
        for tag in copy.find_all(True):
            if tag.decomposed:  # inside a dropped one
                continue
            if tag.name in DROPPED:
                tag.decompose()
                continue
            if tag.name == "img":
                tag["alt"] = self._alt(tag, tag.get("src") or "")
            tag.attrs = {k: v for k, v in tag.attrs.items() if k in _KEEP_ATTRS}
            for attr in ("href", "src"):
                if tag.get(attr):
                    tag[attr] = self.rewrite(tag[attr].strip())
            if tag.name == "img":
                self._alt_checked(tag["alt"], tag.get("src") or "")
            if tag.name == "img" and not tag["alt"]:
                figure = tag.find_parent("figure")
                caption = figure.find("figcaption") if figure is not None else None
                if caption is None or not caption.get_text(strip=True):
                    self._without_alt(tag, tag.get("src") or "")
        for text in copy.find_all(string=True):
            if isinstance(text, Comment):
                text.extract()
            elif not text.find_parent("pre"):
                text.replace_with(_SPACE.sub(" ", text.replace("\xa0", " ")))
        return re.sub(r"\n\s*\n", "\n", copy.decode().strip())

    # Dropped

    def _drop(self, kind: str, example: str) -> None:
        self.dropped[kind] += 1
        self.dropped_example.setdefault(kind, example)

    def _player_link(self, page: embeds.Page, title: str = "") -> str:
        """A player's page as a line of its own: named by the frame's own title, if any."""
        url = self.rewrite(page.url)
        if title and page.text == " ".join(title.split()):  # not "YouTube video player"
            words = self.escape(page.text, {"a"})  # as a link's text
            return f"\n\n[{words}]({_md_url(url)})\n\n"
        return f"\n\n<{url}>\n\n"

    def convert_iframe(self, el, text, parent_tags):
        src = el.get("src") or el.get("data-src") or ""
        title = el.get("title") or ""
        if page := _player_page(src, title):
            return self._player_link(page, title)
        self._drop(el.name, src)
        return ""

    def convert_object(self, el, text, parent_tags):
        if el.name == "embed" and el.find_parent("object") is not None:
            return ""  # the <object> around it decides
        sources = [el.get("data") or "", el.get("src") or ""]
        sources += [p.get("value") or "" for p in el.find_all("param")]
        sources += [e.get("src") or "" for e in el.find_all("embed")]
        for src in sources:
            if page := _player_page(src):
                return self._player_link(page)
        return self._dropped(el, text, parent_tags)

    convert_embed = convert_object

    def _dropped(self, el, text, parent_tags):
        if not parent_tags & DROPPED:  # an <input> in a dropped <form> is not news
            self._drop(el.name, el.get("src") or el.get("action") or "")
        return ""

    def convert_script(self, el, text, parent_tags):
        found = None if parent_tags & DROPPED else embeds.of("script", el.attrs)
        if found is not None and found.page is not None:  # a gist's, Speaker Deck's
            return self._player_link(found.page, el.get("title") or "")
        return self._dropped(el, text, parent_tags)

    convert_style = convert_applet = convert_form = _dropped
    convert_noscript = convert_input = convert_button = convert_select = _dropped
    convert_textarea = convert_canvas = convert_svg = convert_map = _dropped

    def convert_video(self, el, text, parent_tags):
        src = el.get("src") or ""
        if not src and (source := el.find("source", src=True)):
            src = source["src"]
        if not src:
            self._drop(el.name, "")
            return ""
        url = self.rewrite(src.strip())
        return f"\n\n[{el.name}: {self._escape_alt(url.rsplit('/', 1)[-1])}]({_md_url(url)})\n\n"

    convert_audio = convert_video

    def notes(self) -> list[str]:
        out = []
        for kind, count in self.dropped.items():
            example = self.dropped_example.get(kind)
            out.append(
                f"dropped {count} <{kind}>" + (f" (first: {example[:120]})" if example else "")
            )
        return out


_FENCE = re.compile(r"^(`{3,}|~{3,})")


def _tidy(markdown: str) -> str:
    """No trailing white space but hard breaks, one blank line at most, one final newline."""
    lines = markdown.split("\n")
    out: list[str] = []
    fence = ""
    for i, line in enumerate(lines):
        if fence:
            out.append(line)
            if line.strip() == fence:
                fence = ""
            continue
        if opening := _FENCE.match(line):
            fence = opening.group(1)
            out.append(line.rstrip())
            continue
        stripped = line.rstrip()
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if stripped and line.endswith("  ") and following.strip():
            stripped += "  "
        if not stripped and out and not out[-1]:
            continue
        out.append(stripped)
    text = "\n".join(out).strip("\n")
    return text + "\n" if text.strip() else ""


def _plain_text(soup: BeautifulSoup) -> str:
    """The last resort for HTML too deep to convert: its text, paragraphs kept."""
    text = soup.get_text("\n")
    paragraphs = [_SPACE.sub(" ", p).strip() for p in _BLANK_LINE.split(text)]
    return "\n\n".join(
        _INLINE_SPECIAL.sub(lambda m: "&lt;" if m.group() == "<" else "\\" + m.group(), p)
        for p in paragraphs
        if p
    )


def _pictures_beside(pictures: list[Beside]) -> list[str]:
    """The pictures a gallery cannot show, as the text's pictures after it: each converted as
    any other (without alt text, the attachment's), a captioned one as a figure."""
    shown = []
    for url, i, alt, caption in pictures:
        img = (
            f'<img src="{htmllib.escape(url)}" alt="{htmllib.escape(alt)}" '
            f'class="wp-image-{htmllib.escape(i)}">'
        )
        # the caption the gallery showed under it stays with it (HTML, as the block has it)
        shown.append(
            f"<figure>{img}<figcaption>{caption}</figcaption></figure>"
            if BeautifulSoup(caption, "html.parser").get_text(strip=True)
            else f"<p>{img}</p>"
        )
    return shown


def _gutenberg_galleries(
    soup: BeautifulSoup,
    gallery: Callable[[dict[str, str]], str | None],
    beside: Callable[[], list[Beside]] = lambda: [],
):
    """Gutenberg's gallery blocks whose pictures the export names (``wp-image-<id>``) as the
    ``{gallery}`` line of the gallery ``gallery(attrs)`` makes, followed by the block's own
    caption; a block it makes none for stays, its pictures converted as pictures. Decided
    before anything inside is converted: a gallery's pictures are not the text's."""
    for figure in soup.find_all("figure", class_="wp-block-gallery"):
        if figure.find_parent("figure", class_="wp-block-gallery") is not None:
            continue
        ids = []
        # "block": without a gallery, its pictures stay in the text; each picture's alt text
        # and caption as the block shows them ("alt-<id>", "caption-<id>", HTML)
        attrs = {"block": "gallery"}
        columns = re.search(r"\bcolumns-(\d+)\b", " ".join(figure.get("class") or []))
        if columns:  # the block's Columns setting, which the report says is not kept
            attrs["columns"] = columns.group(1)
        for img in figure.find_all("img"):
            found = re.search(r"wp-image-(\d+)", " ".join(img.get("class") or []))
            image_id = img.get("data-id") or (found.group(1) if found else "")
            ids.append(image_id)
            attrs[f"alt-{image_id}"] = img.get("alt") or ""
            holder = img.find_parent("figure")
            caption = holder.find("figcaption") if holder is not figure else None
            attrs[f"caption-{image_id}"] = caption.decode_contents() if caption else ""
        if not ids or not all(ids):
            continue
        slug = gallery({"ids": ",".join(ids), **attrs})
        if slug is None:
            continue
        caption = figure.find("figcaption", recursive=False)
        if not slug:  # "": its gallery is shown already; the block's own caption stays
            if caption is not None and caption.get_text(strip=True):
                caption.name, caption.attrs = "p", {}
                figure.replace_with(caption.extract())
            else:
                figure.decompose()
            continue
        marker = soup.new_tag("div", attrs={"data-importer-gallery": slug})
        figure.replace_with(marker)
        for picture in reversed(_pictures_beside(beside())):
            marker.insert_after(BeautifulSoup(picture, "html.parser").contents[0])
        if caption is not None and caption.get_text(strip=True):
            caption.name, caption.attrs = "p", {}
            marker.insert_after(caption)


# Elements Markdown has no block for: their content is written as blocks of the text around
_TRANSPARENT = frozenset(
    {"div", "section", "article", "main", "center", "header", "footer", "aside", "nav"}
)
_SHOWN_ALONE = frozenset({"img", "iframe", "video", "audio", "object", "embed", "hr"})


def _transparent(tag: Tag) -> bool:
    """Whether an element's content is written as blocks of the text around it."""
    classes = set(tag.get("class") or [])
    special = classes & {"wp-caption", "wp-block-embed__wrapper"} or any(
        key.startswith("data-importer-") for key in tag.attrs
    )
    return tag.name in _TRANSPARENT and not special


def _shows(node) -> bool:
    """Whether a node of the tree is something a reader sees (text, a picture, a link line)."""
    if isinstance(node, Comment | Declaration | Doctype | ProcessingInstruction):
        return False
    if isinstance(node, NavigableString):
        return bool(node.strip())
    made = node.get("data-importer-link") or node.get("data-importer-gallery")
    return node.name in _SHOWN_ALONE or bool(made)


def _summary_marker(soup: BeautifulSoup, keep: bool, notes: list[str]) -> None:
    """The post's first teaser cut (``<!--more-->``, Blogger's ``<a name="more">``) where the
    Markdown can hold it on a line of its own: where it is between blocks, or before or after
    the outermost block it is in (a paragraph, a list, a quotation, a table), never inside
    one. The others go, and all of them without ``keep`` (the post has an excerpt), and one
    with nothing before or after it, which cuts nothing."""
    linked = soup.find("a", href="#more") is not None  # then it is a link's target
    for link in [] if linked else soup.find_all("a", attrs={"name": "more"}):
        if not link.get("href") and not link.get_text(strip=True):
            link.replace_with(soup.new_tag("div", attrs={_MORE_ATTR: ""}))
    markers = soup.find_all(attrs={_MORE_ATTR: True})
    for extra in markers[1 if keep else 0 :]:
        extra.decompose()
    if not keep or not markers:
        return
    marker = markers[0]
    shown = [any(map(_shows, marker.previous_elements)), any(map(_shows, marker.next_elements))]
    if not all(shown):  # at the start or the end of the post: it cuts nothing
        marker.decompose()
        return
    outermost = marker
    for holder in marker.parents:
        if holder.parent is not None and not _transparent(holder):
            outermost = holder
    if outermost is marker:
        return
    before = any(_shows(node) for node in _within(outermost, marker.previous_elements))
    after = any(_shows(node) for node in _within(outermost, marker.next_elements))
    marker.extract()
    if not before:
        outermost.insert_before(marker)
        return
    outermost.insert_after(marker)
    if after:
        kind = {"ul": "list", "ol": "list", "blockquote": "quotation", "table": "table"}.get(
            outermost.name, "paragraph"
        )
        notes.append(
            f"<!--more--> in the middle of a {kind}: written after it (Markdown has no place "
            f"for it there), so the post's summary ends with the {kind}"
        )


def _within(block: Tag, nodes):
    """The nodes of an iterator over the tree (``previous_elements``...) while inside ``block``."""
    for node in nodes:
        if node is block or not any(parent is block for parent in node.parents):
            return
        yield node


def _verses(soup: BeautifulSoup) -> None:
    """Gutenberg's verse blocks (``<pre class="wp-block-verse">``) as lines of a paragraph."""
    for pre in soup.find_all("pre", class_="wp-block-verse"):
        pre.name = "p"
        for text in pre.find_all(string=True):
            lines = str(text).split("\n")
            if len(lines) > 1:
                pieces: list = []
                for i, line in enumerate(lines):
                    if i:
                        pieces.append(soup.new_tag("br"))
                    pieces.append(NavigableString(line))
                text.replace_with(*pieces)


class _Asked:
    """The gallery step asked again as it was the first time: a post converted a second time
    (spans nested too deep the first) gets each gallery the first attempt made, with the
    pictures it left beside it, not a second gallery (which would be a repeat, left out)."""

    def __init__(
        self,
        gallery: Callable[[dict[str, str]], str | None],
        beside: Callable[[], list[Beside]],
    ) -> None:
        self._gallery, self._beside = gallery, beside
        self._made: list[tuple[dict[str, str], str | None, list[Beside]]] = []
        self._at = 0
        self._side: list[Beside] = []

    def again(self) -> None:
        """Start another attempt at the same text: its galleries come in the same order."""
        self._at = 0

    def gallery(self, attrs: dict[str, str]) -> str | None:
        """The gallery's slug (``gallery``'s answer), made once for each place it is asked."""
        at, self._at = self._at, self._at + 1
        if at < len(self._made) and self._made[at][0] == attrs:
            _, made, self._side = self._made[at]
            return made
        made = self._gallery(attrs)
        self._side = self._beside()
        del self._made[at:]
        self._made.append((dict(attrs), made, self._side))
        return made

    def beside(self) -> list[Beside]:
        """The pictures the last gallery asked could not show."""
        return list(self._side)


def _run(
    html: str,
    *,
    raw: bool,
    rewrite: Callable[[str], str],
    gallery: Callable[[dict[str, str]], str | None],
    comment: bool,
    alt: Callable[[str, str], str] = lambda src, image_id: "",
    more: bool = False,
    beside: Callable[[], list[Beside]] = lambda: [],
) -> Converted:
    notes: list[str] = []
    placed: list[str] = []
    scanned = ""
    asked = _Asked(gallery, beside)
    gallery, beside = asked.gallery, asked.beside
    for spans in (True, False):
        said = notes if spans else []
        placed.clear()
        asked.again()
        scanned = _scan(
            html or "", gallery, said, spans=spans, more=not comment, placed=placed, beside=beside
        )
        try:
            soup = _parse(scanned)
            if raw and "<!-- wp:" not in html:  # WordPress skips wpautop for block content
                soup = _parse(_autop(soup))
            if not comment:
                _summary_marker(soup, more, said)
                _gutenberg_galleries(soup, gallery, beside)
            _verses(soup)
            converter = _Converter(rewrite=rewrite, gallery=gallery, comment=comment, alt=alt)
            converter.targets = set(_FRAGMENT_LINK.findall(scanned))
            markdown = converter.convert_soup(soup)
            lines = [_SPACE.sub(" ", note).strip() for note in notes + converter.notes()]
            # one line each, whatever the export held
            markdown, at = _placed(_tidy(markdown), placed)
            shown = [url for url in converter.pictures if _written(url, markdown)]
            return Converted(
                markdown, lines, converter.no_alt, shown, at, converter.alt_says_nothing
            )
        except RecursionError:
            continue  # spans and fonts nested hundreds deep (Blogger): again without them
    soup = _parse(scanned)
    notes.append("HTML nested too deep to convert: imported as plain text")
    markdown, at = _placed(_tidy(_plain_text(soup)), placed)
    return Converted(markdown, notes, placed=at)


def convert(
    html: str,
    *,
    raw_wordpress: bool = False,
    rewrite: Callable[[str], str] = lambda url: url,
    gallery: Callable[[dict[str, str]], str | None] = lambda attrs: None,
    alt: Callable[[str, str], str] = lambda src, image_id: "",
    more: bool = True,
    beside: Callable[[], list[Beside]] = lambda: [],
) -> Converted:
    """A post's HTML as Markdown.

    With ``more``, the post's teaser cut (WordPress's ``<!--more-->``, Blogger's jump break)
    is ``<!-- more -->`` on a line of its own, which the engine reads as the end of the post's
    summary; without it (the post has an excerpt, its ``Summary:``) the cut goes.

    ``alt(src, image_id)`` gives the alt text the export holds for a picture that has none
    in the text (WordPress's attachment, by its ``wp-image-<id>`` or its address), or "".

    ``gallery(attrs)`` is asked for the gallery of each ``[gallery]`` shortcode (its
    attributes) and Gutenberg gallery block (``ids``, and ``block``: the pictures stay in the
    text when there is no gallery); it returns the gallery's slug, or None when there is none
    (a shortcode is then dropped with a note), or "" when there is none and it said why (a
    block is then left out too, its own caption kept: the post shows its gallery already).
    ``beside()``, asked right after each ``gallery(attrs)`` that is not None: the pictures
    (address, attachment id, alt text) of it a gallery cannot show (a GIF), written as the text's
    pictures where it is."""
    return _run(
        html,
        raw=raw_wordpress,
        rewrite=rewrite,
        gallery=gallery,
        comment=False,
        alt=alt,
        more=more,
        beside=beside,
    )


def comment_markdown(html: str) -> str:
    """A comment's text (HTML, or plain text with newlines) as Markdown for Isso."""
    return _run(
        html, raw=True, rewrite=lambda url: url, gallery=lambda a: None, comment=True
    ).markdown


def summary_text(html: str) -> str:
    """An excerpt as one line of plain text for ``Summary:`` (entities decoded)."""
    soup = _parse(_scan(html or "", lambda a: None, [], spans=True))
    for tag in soup.find_all(list(DROPPED)):
        tag.decompose()
    # words part only where blocks and breaks part them: "two <em>dates</em>, and" stays joined
    for tag in soup.find_all([*BLOCKS, "br"]):
        tag.insert_after(" ")
    return _SPACE.sub(" ", soup.get_text().replace("\xa0", " ")).strip()


def summary_markdown(html: str) -> str:
    """An excerpt (HTML, as WordPress shows it) as one line of Markdown for ``Summary:``, which
    Pelican reads as Markdown: the same text as the old site showed, its emphasis and code
    kept; escaped markup (``&lt;b&gt;``), ``*args`` and backquotes stay text. Paragraphs and
    line breaks become spaces; pictures, links' addresses, shortcodes and scripts go."""
    soup = _parse(_scan(html or "", lambda attrs: "", [], spans=True))
    for tag in soup.find_all([*DROPPED, "img"]):
        tag.decompose()
    for text in soup.find_all(string=True):
        if isinstance(text, Comment | Declaration | Doctype | ProcessingInstruction):
            text.extract()
    for tag in soup.find_all(["pre", "a", "br", *BLOCKS]):
        if tag.name == "pre":  # a code block, in a line: code
            tag.name = "code"
            continue
        if tag.name in BLOCKS or tag.name == "br":  # words part where blocks and breaks did
            tag.insert_before(" ")
            tag.insert_after(" ")
        tag.unwrap()
    soup = _parse(soup.decode())  # the pieces unwrapping left, as one text each
    converter = _Converter(rewrite=lambda url: url)
    return " ".join(converter.convert_soup(soup).split())
