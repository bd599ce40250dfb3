"""Dates as machines read them: ``<time datetime>``, meta tags, JSON-LD (no Pelican import)."""

import datetime


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
