"""Received webmentions as plain values: parsing, sanitising, grouping, cache merge.

No Pelican and no network here. Input is webmention.io's JF2 (``children`` of entries with
``wm-id``, ``wm-property``, ``wm-target``, ``author``, ``url``, ``published``, ``content``).
"""

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from plugins.blogcore import text as blogcore_text

KINDS = {
    "in-reply-to": "reply",
    "like-of": "like",
    "repost-of": "repost",
    "bookmark-of": "bookmark",
    "mention-of": "mention",
}
# Tags a reply may keep; everything else is removed (script and style with their content).
SAFE_TAGS = {
    "a",
    "b",
    "blockquote",
    "br",
    "code",
    "em",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "ul",
}
LINK_REL = "nofollow ugc noopener"


REPLIES = blogcore_text.Sanitiser(
    "webmentions",
    tags=SAFE_TAGS,
    attributes={"a": {"href"}},
    url_schemes={"http", "https", "mailto"},
    link_rel=LINK_REL,
)
# What no page may carry, removed from everything shown: controls other than tab, newline and
# carriage return (a vertical tab or form feed becomes a space), DEL and C1, noncharacters
# (U+FDD0-U+FDEF, U+FFFE, U+FFFF and their copies in every plane), and lone surrogates:
# JSON's "\ud800" is valid, but it is no character, and no page can be written with it.
_NONCHARACTERS = "".join(f"{chr(p + 0xFFFE)}{chr(p + 0xFFFF)}" for p in range(0, 0x110000, 0x10000))
FORBIDDEN = re.compile(f"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef{_NONCHARACTERS}]")
_AS_SPACE = str.maketrans("\x0b\x0c", "  ")
# what nh3 leaves of a link whose href it removed (javascript: and the like): unwrapped
_DEAD_LINK = f'<a rel="{LINK_REL}">'


@dataclass(frozen=True)
class Author:
    """Who wrote a mention; no photo (loading avatars would tell their hosts who reads)."""

    name: str
    url: str | None


@dataclass(frozen=True)
class Mention:
    """One received webmention, safe to print."""

    id: int
    kind: str  # reply, like, repost, bookmark or mention
    target: str  # the normalised path of the post it is about
    author: Author
    url: str | None  # where the mention is
    published: dt.datetime | None
    content: str = ""  # sanitised HTML ("" for likes and reposts)


@dataclass(frozen=True)
class Summary:
    """What one post's webmentions block shows."""

    likes: int = 0
    reposts: int = 0
    bookmarks: int = 0
    replies: list[Mention] = field(default_factory=list)  # replies and mentions, oldest first

    def __bool__(self) -> bool:
        return bool(self.likes or self.reposts or self.bookmarks or self.replies)


def shown(text: str) -> str:
    """``text`` without the characters no page may carry (FORBIDDEN)."""
    return FORBIDDEN.sub("", text.translate(_AS_SPACE))


def safe_url(value: Any) -> str | None:
    """An http(s) URL with a host, or None (javascript:, data: and the like are dropped)."""
    if not isinstance(value, str) or FORBIDDEN.search(value):
        return None
    value = value.strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if any(c in value for c in "\"'<> \t\r\n\x0b\x0c"):
        return None
    return value


def target_path(url: str) -> str:
    """The path a mention targets, normalised: /posts/x/index.html and /posts/x -> /posts/x/."""
    try:
        path = urlsplit(url).path or "/"
    except ValueError:
        return ""
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    if not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
        path += "/"
    return path


def sanitise(fragment: str) -> str:
    """A reply's HTML with only safe tags, http(s) links marked nofollow ugc noopener."""
    return _unwrap_dead_links(REPLIES.clean(shown(fragment))).strip()


def _unwrap_dead_links(cleaned: str) -> str:
    """The sanitiser's output with each link that lost its href replaced by its content.

    beautifulsoup4 finds them; they are cut out where it found them, the rest keeping its
    bytes. In nh3's output such a link starts with exactly ``_DEAD_LINK``, and the first
    ``</a>`` after it ends it: links do not nest, and no element inside has attributes.
    """
    if _DEAD_LINK not in cleaned:
        return cleaned
    cuts = []
    for start, link in blogcore_text.located(cleaned, "a"):
        if "href" in link.attrs or not cleaned.startswith(_DEAD_LINK, start):
            continue
        end = cleaned.find("</a>", start)
        if end >= 0:
            cuts.append((start, end))
    for start, end in reversed(cuts):
        inner = cleaned[start + len(_DEAD_LINK) : end]
        cleaned = cleaned[:start] + inner + cleaned[end + len("</a>") :]
    return cleaned


def plain_text(cleaned: str) -> str:
    """The words of sanitised HTML, one space apart (code counts too)."""
    if "<" not in cleaned:
        return " ".join(html.unescape(cleaned).split())
    return " ".join(blogcore_text.soup(cleaned).get_text(" ").split())


def _text(value: Any, limit: int) -> str:
    text = " ".join(shown(str(value)).split()) if value else ""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def content_html(content: Any, max_chars: int) -> str:
    """The mention's text as safe HTML: its sanitised HTML, or escaped plain text when the
    HTML is missing or too long (long mentions are whole posts: a trimmed excerpt is enough)."""
    if not isinstance(content, dict):
        return ""
    text = content.get("text") or ""
    raw = content.get("html")
    if isinstance(raw, str) and raw.strip():
        cleaned = sanitise(raw)
        plain = plain_text(cleaned)
        if len(plain) <= max_chars:
            return cleaned
        text = text or plain
    if not isinstance(text, str) or not text.strip():
        return ""
    return f"<p>{html.escape(_text(text, max_chars))}</p>"


def parse_date(value: Any) -> dt.datetime | None:
    """An ISO 8601 date as webmention.io gives it, or None."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def parse(entry: Any, max_chars: int = 600) -> Mention | None:
    """One JF2 entry as a Mention, or None when it is unusable or private."""
    if not isinstance(entry, dict) or entry.get("wm-private"):
        return None
    wm_id = entry.get("wm-id")
    target = entry.get("wm-target")
    if isinstance(wm_id, bool) or not isinstance(wm_id, int) or not isinstance(target, str):
        return None
    kind = KINDS.get(entry.get("wm-property"), "mention")
    author = entry.get("author") if isinstance(entry.get("author"), dict) else {}
    url = safe_url(entry.get("url")) or safe_url(entry.get("wm-source"))
    author_url = safe_url(author.get("url"))
    name = _text(author.get("name"), 80) or (urlsplit(author_url or url or "").hostname or "")
    published = parse_date(entry.get("published")) or parse_date(entry.get("wm-received"))
    text = content_html(entry.get("content"), max_chars) if kind in ("reply", "mention") else ""
    return Mention(
        id=wm_id,
        kind=kind,
        target=target_path(target),
        author=Author(name, author_url),  # "" when unknown: the theme says "Someone"
        url=url,
        published=published,
        content=text,
    )


def summarise(mentions: list[Mention]) -> dict[str, Summary]:
    """Mentions grouped by target path: counts of likes, reposts, bookmarks; replies listed."""
    by_target: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_target.setdefault(mention.target, []).append(mention)
    epoch = dt.datetime.min.replace(tzinfo=dt.UTC)
    out = {}
    for target, group in by_target.items():
        replies = [m for m in group if m.kind in ("reply", "mention")]
        replies.sort(key=lambda m: (m.published or epoch, m.id))
        out[target] = Summary(
            likes=sum(m.kind == "like" for m in group),
            reposts=sum(m.kind == "repost" for m in group),
            bookmarks=sum(m.kind == "bookmark" for m in group),
            replies=replies,
        )
    return out


def merge(cached: list[dict], fetched: list[dict]) -> list[dict]:
    """Cached entries updated with newly fetched ones (same wm-id: the new one wins), by id."""
    merged: dict[int, dict] = {}
    for entry in [*cached, *fetched]:
        if isinstance(entry, dict) and isinstance(entry.get("wm-id"), int):
            merged[entry["wm-id"]] = entry
    return [merged[key] for key in sorted(merged)]


def last_id(entries: list[dict]) -> int | None:
    """The highest wm-id, for asking only for newer mentions."""
    ids = [e["wm-id"] for e in entries if isinstance(e.get("wm-id"), int)]
    return max(ids) if ids else None
