"""Dates as machines read them: ``<time datetime>``, meta tags, JSON-LD (no Pelican import)."""

import datetime
import difflib
import zoneinfo
from typing import Any

from plugins.engine import keysyntax


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


def dated_by_file_line(files: list[str]) -> str:
    """The one line for the posts ``DEFAULT_DATE = 'fs'`` dates by their file's time (``files``
    as staff know them, sorted): a checkout sets that time, so each publish dated them anew."""
    listed = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
    posts = "1 post" if len(files) == 1 else f"{len(files)} posts"
    date = keysyntax.a_key("Date", files)  # a .rst post's is a :date: field
    return (
        f"pelicanconf.py: DEFAULT_DATE = 'fs' dates {posts} without {date} ({listed}) by "
        "the time of the file, which a git clone or checkout sets to that moment: each publish "
        "(from a fresh clone) dates them anew, puts them at the top of the site and sends them "
        f"out again in the feeds; add {date} to each (the day it was first published), "
        "then remove DEFAULT_DATE"
    )


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


def modified_by_file(written: object, mtime: float) -> bool:
    """Whether a post's last update is its file's time (``mtime``), as Pelican gives every
    file under ``DEFAULT_DATE = 'fs'`` without a Modified: line: the very microsecond, which
    no date written in a file has."""
    return isinstance(written, datetime.datetime) and (
        written.tzinfo is None and written == datetime.datetime.fromtimestamp(mtime)
    )


def modified_by_file_line(files: list[str]) -> str:
    """The one line for the posts with a Date: line whose last update ``DEFAULT_DATE = 'fs'``
    takes from their file's time (``files`` as staff know them, sorted)."""
    listed = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
    posts = "1 post" if len(files) == 1 else f"{len(files)} posts"
    return (
        f"pelicanconf.py: DEFAULT_DATE = 'fs' also takes the last update of {posts} without "
        f"{keysyntax.a_key('Modified', files)} ({listed}) from the time of the file, which a "
        "git clone or checkout sets to that moment: each publish (from a fresh clone) shows "
        'them all "Updated" that day and sends them out again in the feeds and the sitemap; '
        f"remove DEFAULT_DATE (each has {keysyntax.a_key('Date', files)}), and give "
        f"{keysyntax.a_key('Modified', files)} to those that were updated"
    )
