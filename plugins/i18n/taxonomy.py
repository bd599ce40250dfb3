"""Tags and categories that only translations use: Pelican lists translations on no tag or
category page, so a translation's own tag (``Tags: Tests`` on the German version) linked to a
page that was never written.

Pure logic: plain objects in (anything with ``tags``, ``category`` and ``date``), never imports
Pelican.
"""

from collections.abc import Iterable
from typing import Any


def _tags(item: Any) -> list[Any]:
    return list(getattr(item, "tags", None) or [])


def _category(item: Any) -> list[Any]:
    category = getattr(item, "category", None)
    return [category] if category is not None else []


def only_in_translations(
    listed: Iterable[Any], translations: Iterable[Any], kind: str
) -> dict[Any, list[Any]]:
    """{tag or category: the translations that have it, newest first} for each ``kind``
    ("tags" or "category") no listed post has."""
    values = _tags if kind == "tags" else _category
    known = {value for item in listed for value in values(item)}
    found: dict[Any, list[Any]] = {}
    for item in translations:
        for value in dict.fromkeys(values(item)):
            if value not in known:
                found.setdefault(value, []).append(item)
    return {
        value: sorted(items, key=lambda item: item.date, reverse=True)
        for value, items in found.items()
    }
