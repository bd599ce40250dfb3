"""Plain-text helpers over rendered HTML: word counts, reading time, images, initials."""

import math
import re
from html.parser import HTMLParser

_WORD = re.compile(r"[\w'\u2019-]+")
_SKIPPED_TAGS = frozenset({"script", "style", "pre"})
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "table",
        "tr",
        "td",
        "th",
        "figure",
        "figcaption",
        "section",
        "article",
        "hr",
        "dd",
        "dt",
    }
)


class _TextAndImages(HTMLParser):
    """Collects visible prose (code blocks aside) and image sources."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.images: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.chunks.append(" ")
        if tag in _SKIPPED_TAGS:
            self._skip_depth += 1
        elif tag == "img":
            src = dict(attrs).get("src")
            if src:
                self.images.append(src)

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.chunks.append(" ")
        if tag in _SKIPPED_TAGS and self._skip_depth:
            self._skip_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.chunks.append(data)


def _parse(html: str) -> _TextAndImages:
    parser = _TextAndImages()
    parser.feed(html or "")
    parser.close()
    return parser


def count_words(html: str) -> int:
    """Count the words of prose in rendered HTML, leaving code blocks out."""
    return len(_WORD.findall("".join(_parse(html).chunks)))


def reading_minutes(words: int, words_per_minute: int) -> int:
    """Whole minutes to read ``words`` words, never less than one."""
    return max(1, math.ceil(words / words_per_minute))


def first_image(html: str) -> str | None:
    """The ``src`` of the first image in rendered HTML, if any."""
    images = _parse(html).images
    return images[0] if images else None


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
    words = "".join(_parse(html).chunks).split()
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


def avatar_tone(key: str, tones: int = 5) -> int:
    """A stable colour index (0..tones-1) for a person's monogram, the same on every build."""
    value = 0
    for char in key.lower():
        value = (value * 31 + ord(char)) % 1_000_003
    return value % tones
