"""Tags and categories that only translations use: Pelican lists translations on no tag or
category page, so a translation's own tag (``Tags: Tests`` on the German version) linked to a
page that was never written. And each other language's posts, for its list at /<lang>/posts/,
and the lists that are one page in several languages, for their ``hreflang`` links.

Pure logic: plain objects in (anything with ``tags``, ``category``, ``date``, ``lang`` and
``translations``), never imports
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


def posts_by_language(listed: Iterable[Any], default: str, newest_first: bool) -> dict[str, list]:
    """{language: its posts, by date} for each language but ``default``: the listed posts in
    it (one never written in ``default``) and the listed posts' translations into it."""
    found: dict[str, dict[int, Any]] = {}
    for post in listed:
        for item in [post, *(getattr(post, "translations", None) or [])]:
            lang = getattr(item, "lang", None)
            if isinstance(lang, str) and lang and lang != default:
                found.setdefault(lang, {})[id(item)] = item
    return {
        lang: sorted(items.values(), key=lambda item: item.date, reverse=newest_first)
        for lang, items in sorted(found.items())
    }


def alternates(settings: dict[str, Any], langs: Iterable[str]) -> list[dict[str, str]]:
    """The lists of posts that are one page in several languages, for their ``hreflang``
    links: the archives (``ARCHIVES_URL``, the canonical page of /posts/, the same list) in
    ``DEFAULT_LANG`` and each language's list in ``langs``, by language; none without the
    archives or another language (a set of one names no alternate)."""
    archives = settings.get("ARCHIVES_SAVE_AS") and "archives" in (
        settings.get("DIRECT_TEMPLATES") or ()
    )
    langs = list(langs)
    if not archives or not langs:
        return []
    url = settings["I18N_POSTS_LANG_URL"]
    found = {settings.get("DEFAULT_LANG", "en"): settings.get("ARCHIVES_URL") or ""}
    found.update({lang: url.format(lang=lang) for lang in langs})
    return [{"lang": lang, "url": found[lang]} for lang in sorted(found)]
