"""What templates call: gettext that follows the page's language, and Babel dates."""

import calendar
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import date, datetime, tzinfo
from functools import cache
from gettext import NullTranslations
from itertools import groupby
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.core import get_global, parse_locale
from babel.dates import format_date
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from . import scripts

# Render-context variables that carry the language of the page being rendered, in order.
LANG_SOURCES = ("article", "page", "series")
# The render-context variable naming a list's language (a string: "fr" at /fr/posts/)
LISTING_LANG = "listing_lang"

# Counts whose plural forms a template writes when a script in the browser must word a count
# it learns there (comments.js): between them they fall in every plural category CLDR gives
# whole numbers in any language (zero, one, two, few, many, other: Arabic, Welsh, Irish,
# Slavic and Baltic languages; 1,000,000 is French, Spanish, Italian, Portuguese and Catalan's
# "many"). The script takes, for a count, the form of the first sample in the count's category
# (Intl.PluralRules). 1 comes first and 0 last: where CLDR puts 0 with 1 ("one" in pt, fr, hi)
# but a catalog's Plural-Forms gives 0 the plural (Babel's for pt: n != 1), 1 speaks for "one".
PLURAL_SAMPLES = (1, 2, 3, 4, 5, 6, 7, 11, 21, 100, 1_000_000, 0)


def page_lang(context: Mapping[str, Any], default: str) -> str:
    """The language of the page a template is rendering: a list's own, else its article's,
    page's or series'."""
    listing = context.get(LISTING_LANG)
    if isinstance(listing, str) and listing:
        return listing
    for name in LANG_SOURCES:
        lang = getattr(context.get(name), "lang", None)
        if isinstance(lang, str) and lang:
            return lang
    return default


def _subtags(lang: str) -> tuple[str, str | None, str | None, list[str]]:
    """(language, script, region, the rest) of a BCP 47 tag: ``zh-Hant-TW`` -> ``("zh",
    "Hant", "TW", [])``; a script or region not written is None."""
    language, *parts = lang.replace("_", "-").split("-")
    script = region = None
    rest: list[str] = []
    for part in parts:
        if script is region is None and not rest and len(part) == 4 and part.isalpha():
            script = part.title()
        elif (
            region is None
            and not rest
            and ((len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()))
        ):
            region = part.upper()
        else:
            rest.append(part)
    return language.lower(), script, region, rest


def _join(*subtags: str | None) -> str:
    return "-".join(part for part in subtags if part)


@cache
def _script(lang: str) -> str | None:
    """The script a tag's language is written in: the one it gives, else the likeliest for
    its language and region in Babel's likely subtags (zh-TW: Hant, zh: Hans, sr: Cyrl);
    None when Babel knows neither."""
    language, script, region, _ = _subtags(lang)
    if script:
        return script
    likely = get_global("likely_subtags")
    full = (region and likely.get(f"{language}_{region}")) or likely.get(language) or ""
    return next((p for p in full.split("_")[1:] if len(p) == 4 and p.isalpha()), None)


@cache
def catalog_names(lang: str) -> tuple[str, ...]:
    """The catalog names whose strings a page in ``lang`` may show, best first.

    gettext's fallback: the tag as written, then shorter ones (fr-CA: fr-CA, fr; pt-BR: pt),
    by way of the script the tag implies (zh-TW: zh-Hant-TW, zh-Hant). A shorter tag counts
    only when it implies the same script: a catalog in Simplified Chinese (zh, zh-Hans) is no
    fallback for zh-Hant or zh-TW, nor Cyrillic Serbian (sr) for sr-Latn.
    """
    language, written, region, rest = _subtags(lang)
    script = written or _script(lang)
    shorter = [
        _join(language, written, region) if rest else None,
        _join(language, script, region) if region else None,
        _join(language, script),
        _join(language, region) if written else None,
        language,
    ]
    names = [lang]
    for name in shorter:
        if name and name not in names and _script(name) == script:
            names.append(name)
    return tuple(names)


def catalog_for(lang: str, catalogs: Collection[str]) -> str | None:
    """The catalog a page in ``lang`` takes the theme's strings from (catalog_names), or
    None when there is none: the templates' own English strings."""
    return next((name for name in catalog_names(lang) if name in catalogs), None)


def words_in(lang: str, message: str, catalogs: Mapping[str, NullTranslations]) -> str:
    """``message`` as the theme's pages in ``lang`` show it: from the catalog ``catalog_for``
    picks (gettext: not one fuzzy or broken entry), else the English."""
    name = catalog_for(lang, catalogs)
    return catalogs[name].gettext(message) if name else message


def strings_lang(lang: str, catalogs: Collection[str]) -> str:
    """The language a page's theme strings are written in, as a BCP 47 tag ("pt-BR").

    The language of the catalog the gettext callables below use for the page (catalog_for:
    fr for a page in fr-CA when there is no fr-CA catalog), else English: the templates' own
    strings, as gettext returns them without a catalog. A script that words a count in the
    browser picks its plural rule by this.
    """
    return (catalog_for(lang, catalogs) or "en").replace("_", "-")


def date_locale(lang: str, overrides: Mapping[str, str], fallback: str) -> Locale:
    """The Babel locale dates use for a language; the fallback's for an unknown language."""
    for code in (overrides.get(lang, lang), overrides.get(fallback, fallback), "en"):
        try:
            return Locale.parse(code.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            continue
    raise AssertionError("Babel always knows 'en'")


def date_tag(lang: str, overrides: Mapping[str, str], fallback: str) -> str:
    """The same locale as a BCP 47 tag, for dates a script writes in the browser ("en-GB")."""
    return str(date_locale(lang, overrides, fallback)).replace("_", "-")


def localdate(
    value: date | datetime | None,
    lang: str,
    overrides: Mapping[str, str],
    fallback: str,
    fmt: str = "long",
    zone: tzinfo | None = None,
) -> str:
    """A date written the way a language writes it: '28 novembre 2009', 'November 28, 2009'.

    A time with an offset is shown on its day in ``zone`` (the site's TIMEZONE): a post dated
    2026-11-25T23:30-08:00 came out on the 26th in London, and is listed after one of the
    26th's morning; a webmention from Tokyo is shown on the day it was in the site's zone.
    """
    if value is None or value == "":
        return ""
    return format_date(
        in_zone(value, zone), format=fmt, locale=date_locale(lang, overrides, fallback)
    )


def in_zone(value: date | datetime, zone: tzinfo | None) -> date | datetime:
    """A date as it is shown: a time with an offset in ``zone`` (the site's TIMEZONE), any
    other value as it is."""
    if zone is not None and isinstance(value, datetime) and value.utcoffset() is not None:
        return value.astimezone(zone)
    return value


def by_year(posts: Iterable[Any], zone: tzinfo | None) -> list[tuple[int, list[Any]]]:
    """(year, posts) for each year, newest first, each year's posts in the order given: the
    year of each post's date as ``localdate`` shows it (a post at 2026-12-31T23:30-08:00 is in
    London's 2027, where it is shown as 1 January 2027)."""
    years: dict[int, list[Any]] = {}
    for post in posts:
        years.setdefault(in_zone(post.date, zone).year, []).append(post)
    return sorted(years.items(), key=lambda item: item[0], reverse=True)


# Pelican's period archives: each granularity's key of a date, as its _build_period_archives
PERIODS = {
    "year": lambda day: (day.year,),
    "month": lambda day: (day.year, day.month),
    "day": lambda day: (day.year, day.month, day.day),
}


def period_archives(
    dates: Sequence[Any],
    articles: Sequence[Any],
    formats: Mapping[str, tuple[str, str]],
    zone: tzinfo | None,
) -> dict[str, list[dict[str, Any]]]:
    """Pelican's period archives (``generator.period_archives``: the same dicts, in the same
    order), grouped by each post's date as ``localdate`` shows it: a post at
    2026-12-31T23:30-08:00 is in London's 2027, on its page and under its heading.
    ``dates``: the posts in the archives' order; ``formats``: granularity -> (save_as, url),
    an empty save_as for one not written."""
    found: dict[str, list[dict[str, Any]]] = {}
    for granularity, key in PERIODS.items():
        save_as, url = formats.get(granularity, ("", ""))
        if not save_as:
            continue  # Pelican writes no archive of this granularity
        for period, group in groupby(dates, key=lambda post: key(in_zone(post.date, zone))):
            posts = list(group)
            within = {id(post) for post in posts}  # a list's `in`: 0.24 s at 5,000 posts
            day = in_zone(posts[0].date, zone)
            # a month's and a day's period name the month, as Pelican's do (2026, "December")
            named = (
                (period[0], calendar.month_name[period[1]], *period[2:]) if period[1:] else period
            )
            found.setdefault(granularity, []).append(
                {
                    "dates": posts,
                    "articles": [post for post in articles if id(post) in within],
                    "save_as": save_as.format(date=day),
                    "url": url.format(date=day),
                    "period": named,
                    "period_num": period,
                }
            )
    return found


def lang_name(lang: str, standalone: bool = True) -> str:
    """A language's name in that language: 'fr' -> 'Français' on its own (a link, a menu), as
    the language writes it inside a sentence otherwise ('billets en français')."""
    try:
        name = Locale.parse(lang.replace("-", "_")).get_display_name() or lang
    except (UnknownLocaleError, ValueError):
        return lang
    return name[:1].upper() + name[1:] if standalone else name


@cache
def lang_dir(lang: str) -> str:
    """The direction a language is written in, from Babel's locale data: 'rtl' for Arabic,
    Hebrew, Persian, Urdu and the others Babel knows as right-to-left, else 'ltr' (also for a
    language Babel does not know). Cached: Babel takes several microseconds a call."""
    try:
        order = Locale.parse(lang.replace("-", "_")).character_order
    except (UnknownLocaleError, ValueError):
        return "ltr"
    return "rtl" if order == "right-to-left" else "ltr"


@cache
def og_locale(lang: str) -> str:
    """A language tag as Open Graph writes a locale, language_TERRITORY ("fr" -> "fr_FR",
    "pt-BR" -> "pt_BR", "zh-Hant" -> "zh_TW"): a tag without a region gets its most likely one
    (CLDR's likely subtags, through Babel). A tag Babel does not know keeps its own letters,
    with "_" for "-"."""
    tag = lang.replace("-", "_")
    try:
        locale = Locale.parse(tag)
    except (UnknownLocaleError, ValueError):
        return tag
    territory = locale.territory
    if not territory:
        likely = get_global("likely_subtags")
        scripted = f"{locale.language}_{locale.script}" if locale.script else None
        full = likely.get(scripted or "") or likely.get(locale.language)
        # the region as the likely tag writes it ("en_Latn_US": US): Locale.parse of that tag
        # found no such locale, listed all 1,085 of Babel's files (11 ms) to be sure, and
        # raised for one ("no_Latn_NO") where Babel has no no_NO
        territory = parse_locale(full)[1] if full else None
    return f"{locale.language}_{territory}" if territory else locale.language


def dir_attr(lang: str | None, page_lang: str) -> Markup:
    """` dir="rtl"` (or ` dir="ltr"`) for an element in ``lang`` on a page in ``page_lang``
    when the two are written in different directions (an Arabic bio on an English page, an
    English one on an Arabic page); nothing when they are written the same way."""
    if not lang or lang_dir(lang) == lang_dir(page_lang):
        return Markup("")
    return Markup(' dir="%s"') % lang_dir(lang)


def lang_marks(lang: str | None, against: str) -> Markup:
    """` lang="ar" dir="rtl"` for an element in ``lang`` inside text in ``against`` (the
    page's language, or DEFAULT_LANG for lists): its lang, and its dir where the two are
    written in different directions; nothing when it is in ``against`` itself."""
    if not lang or lang == against:
        return Markup("")
    return Markup(' lang="%s"') % lang + dir_attr(lang, against)


def lang_switch(lang: str | None, against: str) -> dict[str, str]:
    """``{"lang": lang}``, with ``"dir"`` where the two are written in different directions,
    for words in ``lang`` that a script puts inside text in ``against``; ``{}`` when both are
    one language (its primary subtag: Isso's zh-TW on a zh-Hant page, fr strings on fr-CA)."""
    if (
        not lang
        or lang.replace("_", "-").split("-")[0].lower()
        == against.replace("_", "-").split("-")[0].lower()
    ):
        return {}
    marks = {"lang": lang}
    if lang_dir(lang) != lang_dir(against):
        marks["dir"] = lang_dir(lang)
    return marks


def is_english(lang: str) -> bool:
    """Whether a language code is English or a variant of it ("en", "en-GB", "en_US")."""
    return lang.replace("_", "-").split("-")[0].lower() == "en"


def chrome_code(lang: str, catalogs: Collection[str]) -> str:
    """The language the theme's strings are in on a page in ``lang``, as elements carry it:
    ``lang`` itself when a catalog answers for it (catalog_for: its own, or fr's for fr-CA)
    or it is English (the strings are in the page's language: nothing to mark), else "en"
    (the templates' own strings)."""
    return lang if is_english(lang) or catalog_for(lang, catalogs) else "en"


def chrome_marks(lang: str, catalogs: Collection[str]) -> Markup:
    """` lang="en"` (with ` dir="ltr"` on a right-to-left page) for an element holding only
    theme strings on a page in ``lang`` whose language has no catalog; nothing otherwise, so
    pages in English or in a language with a catalog are not marked at all."""
    return lang_marks(chrome_code(lang, catalogs), lang)


def in_lang(
    value: Any, lang: str, default_lang: str, names: Mapping[str, Mapping[str, str]]
) -> Any:
    """A setting or name in a page's language.

    A dict keyed by language (``{"en": "...", "fr": "..."}``) gives the page language's text,
    else the default language's; a name with an entry in ``names`` (a category's, from
    I18N_CATEGORY_NAMES) gives its translation; anything else is returned as it is.
    """
    if isinstance(value, Mapping):
        for key in (lang, lang.split("_")[0].split("-")[0], default_lang):
            if key in value:
                return value[key]
        return next(iter(value.values()), "")
    name = getattr(value, "name", value)
    if isinstance(name, str) and lang in names.get(name, {}):
        return names[name][lang]
    return value


def stand_in(value: Any, lang: str) -> str | None:
    """The language whose text a per-language setting shows for ``lang`` when it has none of
    its own, as ``in_lang`` falls back for the site's own language (None: it has one, or the
    setting is no dict)."""
    if not isinstance(value, Mapping) or not value:
        return None
    if any(key in value for key in (lang, lang.split("_")[0].split("-")[0])):
        return None
    return str(next(iter(value)))


def callables(
    translations: Mapping[str, NullTranslations], default_lang: str
) -> dict[str, Callable[..., str]]:
    """gettext, ngettext, pgettext and npgettext, newstyle, following the page's language.

    They do what Jinja's newstyle wrappers (``install_gettext_callables(newstyle=True)``) do
    around a plain gettext: look the string up, mark it safe when autoescaping, and always
    %-format it with the call's keywords (``num`` and ``context`` added as Jinja adds them).
    Jinja's wrappers and its ``_`` alias cost two more context calls per string, a tenth of
    rendering a page, so these go into the globals directly.
    """
    null = NullTranslations()
    chosen: dict[str, NullTranslations] = {}  # by page language: called for every string

    def pick(context: Context) -> NullTranslations:
        lang = page_lang(context, default_lang)
        found = chosen.get(lang)
        if found is None:
            name = catalog_for(lang, translations)
            found = chosen[lang] = translations[name] if name else null
        return found

    def finish(context: Context, text: str, variables: dict[str, Any], english: str) -> str:
        if context.eval_ctx.autoescape:
            text, english = Markup(text), Markup(english)
        if not variables and "%" not in text:  # most strings: formatting would change nothing
            return text
        try:
            return text % variables
        except (KeyError, ValueError, TypeError):
            if text == english:
                raise  # the template's own string: not a translation's mistake
            # a translation whose placeholders the call does not fill: the English text (the
            # catalog's check names such entries with their line: catalogs.broken)
            return english % variables

    @pass_context
    def gettext(context: Context, message: str, /, **variables: Any) -> str:
        return finish(context, pick(context).gettext(message), variables, message)

    @pass_context
    def ngettext(context: Context, singular: str, plural: str, n: int, /, **variables: Any) -> str:
        variables.setdefault("num", n)
        english = singular if n == 1 else plural
        return finish(context, pick(context).ngettext(singular, plural, n), variables, english)

    @pass_context
    def pgettext(context: Context, ctx: str, message: str, /, **variables: Any) -> str:
        variables.setdefault("context", ctx)
        return finish(context, pick(context).pgettext(ctx, message), variables, message)

    @pass_context
    def npgettext(
        context: Context, ctx: str, singular: str, plural: str, n: int, /, **variables: Any
    ) -> str:
        variables.setdefault("context", ctx)
        variables.setdefault("num", n)
        english = singular if n == 1 else plural
        translated = pick(context).npgettext(ctx, singular, plural, n)
        return finish(context, translated, variables, english)

    return {"gettext": gettext, "ngettext": ngettext, "pgettext": pgettext, "npgettext": npgettext}


def date_writer(
    overrides: Mapping[str, str], fallback: str, fmt: str, zone: tzinfo | None = None
) -> Callable[[date | datetime | None, str], str]:
    """localdate for one build (in the site's ``zone``), remembering each (date, language) it
    has written.

    A post's date is written on its own page and on every listing and feed that shows it;
    Babel takes a tenth of a millisecond each time.
    """
    written: dict[tuple[Any, str], str] = {}

    def write(value: date | datetime | None, lang: str) -> str:
        key = (value, lang)
        text = written.get(key)
        if text is None:
            text = written[key] = localdate(value, lang, overrides, fallback, fmt, zone)
        return text

    return write


def feed_language(item_langs: list[str | None], default_lang: str) -> str:
    """A feed's language: the one its items share, else the site's."""
    langs = {lang for lang in item_langs if lang}
    return langs.pop() if len(langs) == 1 else default_lang


def by_name(taxonomies: Iterable[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """(tag or category, posts) pairs in the order readers look a name up in: by the name,
    regardless of case, as Jinja's sort; a name in Chinese characters by its slug (its pinyin,
    as the site's slugs are made), not by code point (中国风, 倦怠期, 免费: no order a reader
    knows). Hangul and kana are in their alphabet's order by code point already."""
    return sorted(
        taxonomies,
        key=lambda pair: (
            str(pair[0].slug) if scripts.has_han(str(pair[0].name)) else str(pair[0].name)
        ).lower(),
    )
