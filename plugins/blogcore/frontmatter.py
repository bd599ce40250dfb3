"""Validation of Pelican's own front-matter values, with messages staff can act on."""

import datetime
import difflib

from dateutil import parser as dateparser

STATUSES = ("published", "draft", "hidden", "skip")
DATE_KEYS = frozenset({"date", "modified"})

# Every front-matter key a post or page may carry (lowercase, as Pelican hands them over):
# Pelican's own, then the ones this project's plugins read (see each plugin's docstring).
PELICAN_KEYS = (
    "title", "date", "modified", "category", "tags", "author", "authors", "slug", "summary",
    "status", "lang", "translation", "template", "save_as", "url",
)  # fmt: skip
PLUGIN_KEYS = (
    "series", "series_index",  # series
    "related", "related_exclude",  # related
    "gallery",  # galleries
    "comments", "comment_id",  # comments
)  # fmt: skip
KNOWN_KEYS = frozenset(PELICAN_KEYS + PLUGIN_KEYS)


class FrontMatterError(ValueError):
    """A front-matter value is not what the key expects."""


def display_key(key: str) -> str:
    """Return the key as staff write it (Pelican lowercases keys: ``series_index``)."""
    return key[:1].upper() + key[1:]


def check_date(key: str, value: str) -> datetime.datetime:
    """Parse a date the way Pelican does, or explain what is expected."""
    text = " ".join(value.replace("_", " ").split())
    try:
        return dateparser.parse(text, default=datetime.datetime(2000, 1, 1))
    except (ValueError, OverflowError, TypeError):
        raise FrontMatterError(
            f"{display_key(key)} must be a date like 2025-03-14 or 2025-03-14 09:30, got {value!r}"
        ) from None


def check_status(value: str) -> str:
    """Return a known status, or explain which are allowed (with a suggestion)."""
    status = value.strip().lower()
    if status in STATUSES or not status:
        return status
    close = difflib.get_close_matches(status, STATUSES, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise FrontMatterError(f"Status must be one of {', '.join(STATUSES)}, got {value!r}{hint}")


def check_value(key: str, value: object) -> None:
    """Raise FrontMatterError when a known key carries a value of the wrong kind."""
    if not isinstance(value, str):
        return
    if key in DATE_KEYS:
        check_date(key, value)
    elif key == "status":
        check_status(value)


def unknown_key(key: str, known: frozenset[str] = KNOWN_KEYS) -> str | None:
    """The warning for a key no one reads (with a did-you-mean), or None when it is known."""
    if key in known:
        return None
    close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.7)
    hint = f" (did you mean {display_key(close[0])}?)" if close else ""
    return f"unknown key {display_key(key)!r} is ignored{hint}"


def is_post_or_page(relpath: str, folders: list[str]) -> bool:
    """Whether a file (relative to the content folder) is a post or page, whose keys we know."""
    parts = relpath.replace("\\", "/").split("/")
    return any(
        parts[: len(f.strip("/").split("/"))] == f.strip("/").split("/") for f in folders if f
    )


# A slug becomes one folder name in output/ (posts/<slug>/index.html); file systems allow
# 255 bytes, and a web address that long helps no one.
MAX_SLUG_BYTES = 150


def check_url_part(key: str, name: str, slug: str) -> None:
    """Explain a value whose web address (slug) would be too long to write."""
    size = len(slug.encode("utf-8"))
    if size > MAX_SLUG_BYTES:
        shown = name if len(name) <= 60 else name[:57] + "…"
        fix = "add a shorter Slug: line" if key == "title" else "use a shorter value"
        raise FrontMatterError(
            f"{display_key(key)} {shown!r} makes a web address of {size} characters "
            f"(at most {MAX_SLUG_BYTES}); {fix}"
        )
