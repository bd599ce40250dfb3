"""Each language's feed (TRANSLATION_FEED_ATOM/RSS): its title and its home page; no Pelican.

A reader subscribed to all.atom.xml and all-fr.atom.xml saw two feeds of the same title (the
site's name), and the French one pointed (``<link rel="alternate">``) at the default
language's home page. A language's feed is titled as the pages offer it (their ``<link
rel="alternate" hreflang>``), in that language: "The Tessellate Blog : billets en français",
through the theme's catalogs (babel.cfg extracts this module's ``N_``). Its home page is the
one the site has in that language: a page at ``/<lang>/``, else the translation of the page
that is the home page (``URL:`` empty), else the site's home page.
"""

from collections.abc import Mapping
from gettext import NullTranslations

from markupsafe import Markup

from .templating import lang_name, words_in


def N_(message: str) -> str:
    """Marks a message for extraction (babel.cfg); translated when the feed is made."""
    return message


LANG_FEED_TITLE = N_("%(site)s: posts in %(language)s")
FEED_SETTINGS = ("TRANSLATION_FEED_ATOM", "TRANSLATION_FEED_RSS")


def feed_urls(settings: Mapping[str, object], lang: str) -> list[str]:
    """The URLs (from the site's root) Pelican gives ``lang``'s feeds, as it works them out:
    TRANSLATION_FEED_<kind>_URL, else the path TRANSLATION_FEED_<kind>."""
    urls = []
    for key in FEED_SETTINGS:
        if settings.get(key):
            url = str(settings.get(f"{key}_URL", settings[key]) or settings[key])
            urls.append(url.format(lang=lang).lstrip("/"))
    return urls


def title(site: str, lang: str, catalogs: Mapping[str, NullTranslations]) -> str:
    """``lang``'s feed title, in ``lang`` when a catalog has it (else English); the site's
    name without markup, as Pelican gives a feed's title."""
    words = words_in(lang, LANG_FEED_TITLE, catalogs)
    values = {"site": Markup(site).striptags(), "language": lang_name(lang, standalone=False)}
    try:
        return words % values
    except (KeyError, ValueError, TypeError):  # a translation's broken placeholder
        return LANG_FEED_TITLE % values


def home(lang: str, url_langs: Mapping[str, str], home_translations: Mapping[str, str]) -> str:
    """``lang``'s home page (a URL from the site's root, "" for the site's own): a page at
    ``<lang>/`` in that language, else the home page's translation into it, else ""."""
    if url_langs.get(f"{lang}/") == lang:
        return f"{lang}/"
    return home_translations.get(lang, "")
