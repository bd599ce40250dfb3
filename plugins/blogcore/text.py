"""Plain-text helpers over rendered HTML: word counts, reading time, images, initials."""

import math
import re
from html import unescape

import nh3

_WORD = re.compile(r"[\w'\u2019-]+")
# Regular expressions rather than an HTML parser: these run over every post on every build,
# and the input is Markdown's own well-formed output.
_SKIPPED = re.compile(r"<(script|style|pre)\b.*?</\1\s*>", re.S | re.I)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|li|ul|ol|br|h[1-6]|blockquote|table|tr|td|th|figure|figcaption|section"
    r"|article|hr|dd|dt)\b[^>]*>",
    re.I,
)
_TAG = re.compile(r"<[^>]*>")
_IMG_SRC = re.compile(r"<img\b[^>]*?\ssrc\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.I)


def visible_text(html: str) -> str:
    """The prose of rendered HTML: code, scripts and styles dropped, entities decoded."""
    prose = _BLOCK_TAG.sub(" ", _SKIPPED.sub(" ", html or ""))
    return unescape(_TAG.sub("", prose))


def count_words(html: str) -> int:
    """Count the words of prose in rendered HTML, leaving code blocks out."""
    return len(_WORD.findall(visible_text(html)))


def reading_minutes(words: int, words_per_minute: int) -> int:
    """Whole minutes to read ``words`` words, never less than one."""
    return max(1, math.ceil(words / words_per_minute))


def first_image(html: str) -> str | None:
    """The ``src`` of the first image in rendered HTML, if any."""
    for match in _IMG_SRC.finditer(html or ""):
        src = unescape(next(group for group in match.groups() if group is not None))
        if src:
            return src
    return None


def initials(name: str) -> str:
    """Up to two initials for a monogram avatar: 'Ana de la Cruz' -> 'AC'."""
    parts = [p for p in re.split(r"[\s\-]+", name.strip()) if p and p[0].isalpha()]
    capitals = [p for p in parts if p[0].isupper()] or parts
    if not capitals:
        return "?"
    if len(capitals) == 1:
        return capitals[0][0].upper()
    return (capitals[0][0] + capitals[-1][0]).upper()


def plain_summary(html: str, limit: int = 300) -> str:
    """A summary as plain text for meta descriptions, cut at a word boundary."""
    words = visible_text(html).split()
    out = " ".join(words)
    if len(out) <= limit:
        return out
    return out[:limit].rsplit(" ", 1)[0] + "…"


def absolute_url(siteurl: str, path: str | None) -> str:
    """Join SITEURL and a site path; an absolute URL passes through unchanged."""
    if not path or "://" in path or path.startswith("//"):
        return path or ""
    return f"{siteurl}/{path.lstrip('/')}"


_CODE_BLOCK = re.compile(r'(<div class="highlight"[^>]*>\s*<pre)(?![^>]*\btabindex=)')
_ALIGN_STYLE = re.compile(r'\sstyle="text-align:\s*(left|right|center);?"')


def tidy_html(html: str) -> str:
    """Make rendered Markdown CSP- and keyboard-friendly.

    Code blocks become focusable, so a reader without a mouse can scroll a long line; table
    cells get an ``align-*`` class instead of the inline style a strict CSP would block.
    """
    html = _CODE_BLOCK.sub(r'\1 tabindex="0"', html)
    return _ALIGN_STYLE.sub(r' class="align-\1"', html)


# What Markdown (with extra, toc, codehilite, smarty) and a writer's own HTML may leave in a
# post: structure, media, tables, code. Never scripts, styles, frames, forms or event handlers.
_CONTENT_TAGS = nh3.ALLOWED_TAGS | {
    "audio", "figure", "figcaption", "picture", "section", "source", "track", "video",
}  # fmt: skip
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
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "details": {"open"},
}
_SCHEMES = {"http", "https", "mailto", "tel"}
# Built once: nh3.clean() converts the allowed tags and attributes for every call, a quarter
# of sanitising a post and most of sanitising a summary.
_CLEANER = nh3.Cleaner(
    tags=_CONTENT_TAGS,
    attributes=_CONTENT_ATTRIBUTES,
    url_schemes=_SCHEMES,
    link_rel=None,
    strip_comments=True,
)


def sanitize_html(html: str) -> str:
    """A post's HTML with anything that could run or restyle the page removed.

    Staff write Markdown and may write HTML: a pasted embed's ``<script>``, an ``onclick`` or a
    ``javascript:`` link must not reach readers. Relative links (``{static}``, ``#notes``)
    stay; so do classes, ids and everything Markdown itself writes.
    """
    if not html:
        return html or ""
    return _CLEANER.clean(html)


def avatar_tone(key: str, tones: int = 5) -> int:
    """A stable colour index (0..tones-1) for a person's monogram, the same on every build."""
    value = 0
    for char in key.lower():
        value = (value * 31 + ord(char)) % 1_000_003
    return value % tones
