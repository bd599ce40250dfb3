"""Plain-text helpers over rendered HTML: word counts, reading time, images, initials."""

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape

import nh3
from bs4 import BeautifulSoup, SoupStrainer

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
_IMAGES = SoupStrainer("img")  # beautifulsoup4 builds only the <img> elements


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
    """The ``src`` of the first image in rendered HTML, if any (beautifulsoup4 reads it)."""
    if not html or "<img" not in html.lower():  # most posts: no parse at all
        return None
    for image in BeautifulSoup(html, "html.parser", parse_only=_IMAGES).find_all("img"):
        if image.get("src"):
            return image["src"]
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

# A cheap inventory of a writer's markup, to tell them what the sanitiser took out: every
# start tag and attribute the input has that the profile does not allow (regular
# expressions, as above: a second parse would cost more than the sanitising itself).
# Comments and the bodies of script and style are not markup.
_NOT_MARKUP = re.compile(
    r"<!--.*?(?:-->|$)|(<(script|style)\b[^>]*>).*?(?:</\2\s*>|$)", re.S | re.I
)
_RAW_HINT = re.compile(r"<(?:!--|script|style)", re.I)
_START_TAG = re.compile(r"<([a-zA-Z][^\s/>]*)([^>]*)>")
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
# The attributes whose URL's scheme is checked: nh3 checks these three, srcset is ours.
_URL_ATTRIBUTES = {"href", "src", "poster"}
_SRCSET = re.compile(r'\ssrcset="([^"]*)"')


def _scheme(url: str) -> str | None:
    """A URL's scheme as a browser reads it (control characters and blanks ignored)."""
    squeezed = "".join(c for c in unescape(url) if c > " ").lower()
    match = _SCHEME.match(squeezed)
    return match.group(1) if match else None


def _start_tags(html: str) -> Iterator[tuple[str, str]]:
    """(tag name, the rest of the start tag) for every start tag of ``html``."""
    if _RAW_HINT.search(html):
        html = _NOT_MARKUP.sub(r"\1", html)
    for match in _START_TAG.finditer(html):
        yield match.group(1).lower(), match.group(2)


@dataclass(frozen=True)
class Removed:
    """What one sanitising took out: tag names, attribute names, URL schemes (first seen first)."""

    tags: tuple[str, ...] = ()
    attributes: tuple[str, ...] = ()
    schemes: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.tags or self.attributes or self.schemes)

    def describe(self) -> str:
        """'<script>, an onerror attribute and a javascript: link', for a log line."""
        parts = [f"<{tag}>" for tag in self.tags]
        parts += [f"{'an' if a[0] in 'aeiou' else 'a'} {a} attribute" for a in self.attributes]
        parts += [f"a {scheme}: link" for scheme in self.schemes]
        return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


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
    ) -> None:
        self.name = name  # what the profile is for, in messages: 'posts', 'webmentions'
        self.tags = frozenset(tags)
        self.url_schemes = frozenset(url_schemes)
        self._attributes = {tag: frozenset(names) for tag, names in attributes.items()}
        self._allowed_by_tag: dict[str, frozenset[str]] = {}
        if link_rel:  # nh3 writes rel itself
            self._attributes["a"] = self._attributes.get("a", frozenset()) | {"rel"}
        # Built once: nh3.clean() converts the allowed tags and attributes on every call, a
        # quarter of sanitising a post and most of sanitising a summary.
        self._cleaner = nh3.Cleaner(
            tags=set(tags),
            attributes=attributes,
            url_schemes=set(url_schemes),
            link_rel=link_rel,
            strip_comments=True,
        )

    def clean(self, html: str) -> str:
        """``html`` with everything this profile does not allow removed."""
        if not html:
            return html or ""
        cleaned = self._cleaner.clean(html)
        if 'srcset="' in cleaned:
            cleaned = _SRCSET.sub(self._srcset, cleaned)
        return cleaned

    def _srcset(self, match: re.Match) -> str:
        """Keep a srcset only when every candidate's URL may be loaded (nh3 does not look)."""
        for candidate in match.group(1).split(","):
            scheme = _scheme(candidate.strip().split(" ")[0])
            if scheme is not None and scheme not in self.url_schemes:
                return ""
        return match.group(0)

    def clean_and_report(self, html: str) -> tuple[str, Removed]:
        """The cleaned HTML and what was removed from it (nothing: a false ``Removed``)."""
        cleaned = self.clean(html)
        if not html or "<" not in html:
            return cleaned, Removed()
        tags: dict[str, None] = {}
        attributes: dict[str, None] = {}
        schemes: dict[str, None] = {}
        seen: set[tuple[str, str]] = set()  # code blocks repeat <span class="k"> by the dozen
        for tag, rest in _start_tags(html):
            if tag not in self.tags:
                tags[tag] = None
                continue
            if not rest or (tag, rest) in seen:
                continue
            seen.add((tag, rest))
            allowed = self._allowed(tag)
            for name, value in _ATTRIBUTE.findall(rest):
                name = name.lower()
                if name not in allowed:
                    attributes[name] = None
                elif name in _URL_ATTRIBUTES or name == "srcset":
                    value = value.strip("\"'")
                    urls = [value]
                    if name == "srcset":  # "a.png 1x, b.png 2x"
                        urls = [c.split()[0] for c in value.split(",") if c.split()]
                    for url in urls:
                        scheme = _scheme(url)
                        if scheme is not None and scheme not in self.url_schemes:
                            schemes[scheme] = None
        return cleaned, Removed(tuple(tags), tuple(attributes), tuple(schemes))

    def _allowed(self, tag: str) -> frozenset[str]:
        """The attributes this profile keeps on ``tag``."""
        found = self._allowed_by_tag.get(tag)
        if found is None:
            found = self._allowed_by_tag[tag] = frozenset(
                self._attributes.get(tag, set()) | self._attributes.get("*", set())
            )
        return found

    def message(self, source: str, removed: Removed, where: str = "") -> str:
        """The warning for one file: 'content/x.md: removed <script> (not allowed in posts)'."""
        return (
            f"{source}: {where}removed {removed.describe()} (not allowed in {self.name}); "
            "see docs/sanitising.md"
        )


POSTS = Sanitiser("posts", tags=_CONTENT_TAGS, attributes=_CONTENT_ATTRIBUTES, url_schemes=_SCHEMES)


def sanitize_html(html: str) -> str:
    """A post's HTML with anything that could run or restyle the page removed.

    Staff write Markdown and may write HTML: a pasted embed's ``<script>``, an ``onclick`` or a
    ``javascript:`` link must not reach readers. Relative links (``{static}``, ``#notes``)
    stay; so do classes, ids and everything Markdown itself writes.
    """
    return POSTS.clean(html)


def sanitize_and_report(html: str) -> tuple[str, Removed]:
    """``sanitize_html`` and what it removed, for a warning naming the file."""
    return POSTS.clean_and_report(html)


def avatar_tone(key: str, tones: int = 5) -> int:
    """A stable colour index (0..tones-1) for a person's monogram, the same on every build."""
    value = 0
    for char in key.lower():
        value = (value * 31 + ord(char)) % 1_000_003
    return value % tones
