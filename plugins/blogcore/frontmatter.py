"""Validation of Pelican's own front-matter values, with messages staff can act on."""

import datetime
import difflib

from dateutil import parser as dateparser

STATUSES = ("published", "draft", "hidden", "skip")
DATE_KEYS = frozenset({"date", "modified"})


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
