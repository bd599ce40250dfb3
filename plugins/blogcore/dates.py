"""Dates as machines read them: ``<time datetime>``, meta tags, JSON-LD (no Pelican import)."""

import datetime
import difflib
import zoneinfo
from typing import Any


def machine_date(value: datetime.date | None) -> str:
    """A date or time in ISO 8601, with whole seconds, or milliseconds when it has a fraction.

    HTML's ``datetime`` takes one to three digits of a second and Python writes six
    (``09:30:15.500000``): a ``Date: 2026-11-05 09:30:15.5`` or a JavaScript ``.123Z`` made
    every page listing the post invalid. The instant and its offset are kept.
    """
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="milliseconds" if value.microsecond else "seconds")
    return value.isoformat()


def dated(value: datetime.date | None) -> bool:
    """Whether a post has a date its writer gave: Pelican dates a draft without one
    ``datetime.max``, which its preview showed as "31 December 9999" (and JSON-LD, og: tags)."""
    return bool(value) and value.year != datetime.MAXYEAR


def read_zone(name: Any) -> tuple[zoneinfo.ZoneInfo | None, str]:
    """A time zone by its name (``Europe/London``), or None and `` (did you mean 'x'?)`` for
    a name the time zone database does not know (``""`` when nothing is close)."""
    try:
        if isinstance(name, str) and name.strip() == name and name:
            return zoneinfo.ZoneInfo(name), ""
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        pass
    if not name:
        return None, ""
    known = sorted(zoneinfo.available_timezones())
    close = difflib.get_close_matches(str(name), known, n=1, cutoff=0.6)
    return None, f" (did you mean {close[0]!r}?)" if close else ""
