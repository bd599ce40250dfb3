"""The address Pelican gives a post or page: its URL setting filled with its slug, language
and date, worked out before the build reads the file.

`make new-post` (is the new post's address another post's?) and the importer (which address
each imported item gets, which of the site's own posts hold one already) share this one
reading of Pelican's: ``ARTICLE_URL`` for a post in the site's ``DEFAULT_LANG``,
``ARTICLE_LANG_URL`` for one in another language, ``PAGE_URL`` and ``PAGE_LANG_URL`` for a
page, formatted with ``slug``, ``lang`` and ``date`` as Pelican formats them
(``{date:%Y}/{slug}/``), as a URL path without its leading slash, as Pelican's ``url`` is. A
setting that uses another key (``{category}``, ``{author}``: the tools do not know them
before the build) or that Python cannot fill raises ``Unfillable``: new-post then compares
slugs alone, the importer refuses the import in one line.

Pure: no Pelican import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

# the URL settings of posts and pages, in the order a refusal names the first wrong one
SETTINGS = ("ARTICLE_URL", "ARTICLE_LANG_URL", "PAGE_URL", "PAGE_LANG_URL")
# what a setting is tried with to learn whether it can be filled at all
_SAMPLE = {"slug": "x", "lang": "en", "date": dt.datetime(2000, 1, 1)}


class Unfillable(ValueError):
    """A URL setting that a slug, language and date do not fill; str() says why, as the
    importer's refusal says it (``uses {category}``), ``key`` names the key it uses that the
    tools do not know ("" when Python cannot fill the pattern at all)."""

    def __init__(self, why: str, key: str = "") -> None:
        super().__init__(why)
        self.key = key


def setting(page: bool, lang: str, default_lang: str) -> str:
    """The name of the URL setting that gives the address of a post (``page``: a page) in
    ``lang`` on a site whose DEFAULT_LANG is ``default_lang``."""
    kind = "PAGE" if page else "ARTICLE"
    return f"{kind}_URL" if lang == default_lang else f"{kind}_LANG_URL"


def fill(pattern: Any, slug: str, lang: str, date: dt.datetime) -> str:
    """``pattern`` (a URL setting's value) filled with a slug, language and date, without
    its leading slash; ``Unfillable`` when it uses another key or is no pattern Python fills."""
    return fill_with(pattern, {"slug": slug, "lang": lang, "date": date})


def fill_with(pattern: Any, values: Mapping[str, Any]) -> str:
    """``pattern`` filled with ``values`` (the keys Pelican gives one kind of page: a tag's
    ``slug`` and ``name``), without its leading slash; ``Unfillable`` as ``fill``."""
    try:
        return pattern.format(**values).lstrip("/")
    except KeyError as exc:
        raise Unfillable(f"uses {{{exc.args[0]}}}", str(exc.args[0])) from None
    except (ValueError, IndexError, AttributeError, TypeError) as exc:
        raise Unfillable(f"is not an address pattern Python can fill ({exc})") from None


def address(
    settings: Mapping[str, Any],
    page: bool,
    slug: str,
    lang: str,
    default_lang: str,
    date: dt.datetime,
) -> str:
    """The URL path (no leading slash) Pelican gives a post (``page``: a page) of this slug,
    language and date, from the site's URL ``settings`` (a mapping holding ``SETTINGS``);
    ``Unfillable`` when the setting it takes cannot give it."""
    return fill(settings.get(setting(page, lang, default_lang)), slug, lang, date)


def unfillable(settings: Mapping[str, Any]) -> tuple[str, Unfillable] | None:
    """The first of the URL ``settings`` that no slug, language and date can fill, with why;
    None when each can."""
    for name in SETTINGS:
        try:
            fill(settings.get(name), **_SAMPLE)
        except Unfillable as exc:
            return name, exc
    return None
