"""Signal receivers connecting the i18n logic to Pelican."""

import logging
import os
import zoneinfo
from gettext import NullTranslations
from pathlib import Path
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals
from pelican.contents import Page

from plugins.engine import build, compat, files, keysyntax, origin, phases, settings_errors
from plugins.engine.side import shown

from . import catalogs, feeds, scripts, taxonomy, templating
from .generator import PostsByLanguage, lists_written
from .settings import SettingsError, configure

logger = logging.getLogger(__name__)
EXTENSION = "jinja2.ext.i18n"
# the per-language site texts (a string, or a dict keyed by language) and what each is
SITE_TEXTS = {
    "SITE_TAGLINE": "the line under the site's name",
    "SITE_DESCRIPTION": "the home page's introduction and meta description",
}


def translations_path(settings: dict[str, Any]) -> Path:
    """The folder of the catalogs: I18N_TRANSLATIONS_PATH or <THEME>/translations."""
    return Path(
        settings["I18N_TRANSLATIONS_PATH"] or os.path.join(settings["THEME"], "translations")
    )


def _theme_file(settings: dict[str, Any], path: Path) -> str:
    """A catalog (or their folder) as a line names it: from the project's folder, the content
    folder's parent (theme/translations), else the one the build runs in (a content folder
    given elsewhere: ``invoke build --content``), else absolute; never ../ from the content."""
    named = shown(settings, path)
    return origin.shown(path) if named.startswith("..") else named


def cache_path(settings: dict[str, Any]) -> Path:
    """Where compiled catalogs go: I18N_CACHE_PATH or <CACHE_PATH>/i18n."""
    return Path(settings["I18N_CACHE_PATH"] or os.path.join(settings["CACHE_PATH"], "i18n"))


def theme_catalogs(settings: dict[str, Any]) -> dict[str, NullTranslations]:
    """The theme's catalogs for this build, {catalog folder: its translations}, loaded once: what
    its pages show and the words other plugins write into a post in its language (blogcore's
    footnote and admonition words, ``templating.words_in``) come from the same ones."""
    state = build.current(settings).state(__package__)
    if getattr(state, "catalogs", None) is None:
        state.catalogs = _load(settings)
    return state.catalogs


def _load(settings: dict[str, Any]) -> dict[str, NullTranslations]:
    """The catalogs, compiled through the cache: one that cannot be written is said once per
    build, and the catalogs are compiled in memory."""
    state = build.current(settings).state(__package__)
    said = state.unwritable = getattr(state, "unwritable", set())  # cache folders said

    def unwritable(cache: Path, error: OSError) -> None:
        if cache not in said:
            said.add(cache)
            logger.warning(
                "%s: %s; the catalogs are compiled again in every build until it can be",
                cache,
                files.cannot_write(error, cache),
            )

    return catalogs.load(
        translations_path(settings), cache_path(settings), settings["I18N_DOMAIN"], unwritable
    )


def on_initialized(pelican) -> None:
    """Validate I18N_* settings; turn on Jinja's i18n extension."""
    settings = pelican.settings
    try:
        settings.update(configure(settings))
    except SettingsError as exc:
        settings_errors.refuse(pelican.settings, exc)
        return
    # a copy: the settings module's dict may be shared by several builds in one process
    env = dict(settings.get("JINJA_ENVIRONMENT") or {})
    extensions = list(env.get("extensions") or [])
    if EXTENSION not in extensions:
        env["extensions"] = [*extensions, EXTENSION]
    settings["JINJA_ENVIRONMENT"] = env


def _say_broken_entries(settings: dict[str, Any]) -> None:
    """Once a build, each catalog entry its pages show in English because it is broken (a
    placeholder the English text lacks, a stray quote): an error in a strict (publish) build,
    else a warning. A translator's typo stopped every build with a KeyError naming this plugin."""
    state = build.current(settings).state(__package__)
    if getattr(state, "catalogs_checked", False):
        return  # every generator loads the catalogs: one line per entry, not one each
    state.catalogs_checked = True
    log = logger.error if settings.get("BLOGCORE_STRICT") else logger.warning
    found = catalogs.find_catalogs(translations_path(settings), settings["I18N_DOMAIN"])
    cache, domain = cache_path(settings), settings["I18N_DOMAIN"]
    for lang, po in found.items():
        for problem in catalogs.checked(po, lang, cache, domain)[0]:
            log(
                "%s:%d: %r: %s; pages in %s show the English text for it until it is fixed",
                _theme_file(settings, po),
                problem.line,
                problem.msgid,
                problem.why,
                lang,
            )


def _site_zone(settings) -> zoneinfo.ZoneInfo | None:
    """The site's TIMEZONE (Pelican's default: UTC), the zone dates are shown in; None for a
    name the time zone database does not know (blogcore's settings check names it)."""
    try:
        return zoneinfo.ZoneInfo(settings.get("TIMEZONE") or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError, TypeError):
        return None


def on_generator_init(generator) -> None:
    """Install the gettext callables and the date filters into this generator's templates."""
    settings = generator.settings
    default = settings.get("DEFAULT_LANG", "en")
    loaded = theme_catalogs(settings)
    _say_broken_entries(settings)
    env = generator.env
    # What install_gettext_callables(newstyle=True) does, with callables that are newstyle
    # already (see templating.callables); `_` names gettext itself rather than Jinja's alias.
    env.newstyle_gettext = True  # {% trans %} blocks compile to newstyle calls
    gettexts = templating.callables(loaded, default)
    env.globals.update(gettexts, _=gettexts["gettext"])
    zone = _site_zone(settings)
    write_date = templating.date_writer(
        settings["I18N_DATE_LOCALES"], default, settings["I18N_DATE_FORMAT"], zone
    )

    @pass_context
    def localdate(context, value, lang=None):
        return write_date(value, lang or templating.page_lang(context, default))

    @pass_context
    def page_lang(context):
        return templating.page_lang(context, default)

    @pass_context
    def dir_attr(context, lang, against=None):
        return templating.dir_attr(lang, against or templating.page_lang(context, default))

    names = settings["I18N_CATEGORY_NAMES"]

    @pass_context
    def in_lang(context, value, lang=None):
        lang = lang or templating.page_lang(context, default)
        return templating.in_lang(value, lang, default, names)

    env.filters["in_lang"] = in_lang

    @pass_context
    def date_tag(context, lang=None):
        lang = lang or templating.page_lang(context, default)
        return templating.date_tag(lang, settings["I18N_DATE_LOCALES"], default)

    env.filters["date_tag"] = date_tag
    env.filters["localdate"] = localdate
    # the archives' years: each post's as localdate shows its day (in the site's zone)
    env.filters["by_year"] = lambda posts: templating.by_year(posts, zone)
    # a date in the site's zone, for an address made of it (a period archive's year)
    env.filters["in_site_zone"] = lambda value: templating.in_zone(value, zone)
    env.globals["page_lang"] = page_lang

    @pass_context
    def strings_lang(context):
        return templating.strings_lang(templating.page_lang(context, default), loaded)

    env.globals["strings_lang"] = strings_lang
    env.globals["plural_samples"] = templating.PLURAL_SAMPLES
    env.globals["dir_attr"] = dir_attr

    @pass_context
    def lang_marks(context, lang, against=None):
        return templating.lang_marks(lang, against or templating.page_lang(context, default))

    env.globals["lang_marks"] = lang_marks
    # the lang (and dir) a script gives words it adds (comments.js: Isso's and its labels)
    env.globals["lang_switch"] = templating.lang_switch

    @pass_context
    def chrome_lang(context):
        return templating.chrome_marks(templating.page_lang(context, default), loaded)

    @pass_context
    def content_lang(context, lang=None):
        here = templating.page_lang(context, default)
        return templating.lang_marks(lang or here, templating.chrome_code(here, loaded))

    @pass_context
    def content_span(context, value, lang=None):
        marks = content_lang(context, lang)
        return Markup("<span%s>%s</span>") % (marks, value) if marks else value

    @pass_context
    def chrome_span(context, value):
        marks = chrome_lang(context)
        return Markup("<span%s>%s</span>") % (marks, value) if marks else value

    env.globals["chrome_lang"] = chrome_lang
    env.filters["chrome_span"] = chrome_span
    env.globals["content_lang"] = content_lang
    env.filters["content_span"] = content_span
    env.filters["lang_dir"] = templating.lang_dir
    env.filters["lang_name"] = templating.lang_name
    env.filters["by_name"] = templating.by_name
    env.filters["og_locale"] = templating.og_locale
    env.globals["i18n_languages"] = sorted({default, *loaded})


def on_article_generator_finalized(generator) -> None:
    """Pelican's period archives by the day each post is shown on (the site's zone), as the
    archives page lists them; a tag or category only translations have gets its page, listing
    them (Pelican writes pages for the tags and categories of the posts it lists, never of
    translations)."""
    _archives_in_site_zone(generator)
    translations = getattr(generator, "translations", None) or []
    if not translations:
        return
    for tag, posts in taxonomy.only_in_translations(
        generator.articles, translations, "tags"
    ).items():
        generator.tags[tag] = posts
    categories = taxonomy.only_in_translations(generator.articles, translations, "category")
    if categories:
        generator.categories = sorted(
            [*generator.categories, *categories.items()],
            reverse=bool(generator.settings.get("REVERSE_CATEGORY_ORDER")),
        )
    # as Pelican puts them there (pairs), for the tag and category index pages
    generator.context["tags"] = list(generator.tags.items())
    generator.context["categories"] = generator.categories


def _archives_in_site_zone(generator) -> None:
    """Pelican groups its year, month and day archives by each date as written (its offset's
    year): a post at 2026-12-31T23:30-08:00 was on /archives/2026/ but under 2027 on the
    archives page and shown as 1 January 2027 (London). Regrouped in place: the generator's
    ``period_archives`` is the context's too, and Pelican writes the pages from it."""
    archives = getattr(generator, "period_archives", None)
    if archives is None:
        return
    settings = generator.settings
    formats = {
        granularity: (
            settings.get(f"{granularity.upper()}_ARCHIVE_SAVE_AS") or "",
            settings.get(f"{granularity.upper()}_ARCHIVE_URL") or "",
        )
        for granularity in templating.PERIODS
    }
    regrouped = templating.period_archives(
        generator.dates, generator.articles, formats, _site_zone(settings)
    )
    archives.clear()
    archives.update(regrouped)


def on_content_final(generators) -> None:
    """Remember each post's language by URL, for the feeds, and the lists of posts in each
    language, for their hreflang links; name languages without a catalog."""
    if not generators:
        return
    settings = generators[0].settings
    found = catalogs.find_catalogs(translations_path(settings), settings["I18N_DOMAIN"])
    have = set(found)
    default = settings.get("DEFAULT_LANG", "en")
    by_url: dict[str, str] = {}
    missing: dict[str, str] = {}
    misread: list[tuple[str, scripts.Mismatch, bool]] = []
    pages: set[str] = set()  # those of misread that are pages
    unmarked = 0  # posts and pages without a Lang: line: DEFAULT_LANG's, as the site says
    for generator in generators:
        for name in ("articles", "translations", "pages", "translations_pages"):
            for item in getattr(generator, name, None) or []:
                lang = getattr(item, "lang", None)
                if not isinstance(lang, str):
                    continue
                by_url[item.url] = lang
                text = scripts.sample(str(getattr(item, "title", "")), compat.html_of(item, ""))
                wrong = scripts.mismatch(text, lang)
                written = "lang" in (item.metadata or {})
                if not written:
                    unmarked += 1
                if wrong is not None:
                    # its line names its Lang as its file writes it (a +++ post's in TOML)
                    source = keysyntax.as_written(
                        shown(settings, getattr(item, "source_path", "?")), item.metadata
                    )
                    misread.append((source, wrong, written))
                    if isinstance(item, Page):
                        pages.add(source)
                # the templates' own strings are English: English needs no catalog; the
                # site's own language is said once, naming its setting (below)
                if lang != default and not _has_catalog(lang, have):
                    missing.setdefault(lang, getattr(item, "source_path", "?"))
    generators[0].context["i18n_url_langs"] = by_url
    # the languages Pelican writes a feed for (TRANSLATION_FEED_ATOM: one per language of the
    # published posts and translations): a page in another links none (a French bio on a site
    # without French posts linked a feed never written)
    generators[0].context["i18n_feed_langs"] = frozenset(
        item.lang
        for generator in generators
        for name in ("articles", "translations")
        for item in getattr(generator, name, None) or []
        if isinstance(getattr(item, "lang", None), str)
    )
    generators[0].context["i18n_lang_feeds"] = _lang_feeds(
        settings, generators, by_url, generators[0].context["i18n_feed_langs"]
    )
    # the archives and each language's list of posts (/fr/posts/), linked both ways
    # (hreflang) as a post's translations are: /fr/posts/ linked no other language's list
    generators[0].context["i18n_posts_alternates"] = taxonomy.alternates(
        settings, lists_written(settings, generators[0].context)
    )
    # a warning: a post of quotations may be right
    for line in scripts.lines(misread, unmarked, pages):
        logger.warning("%s", line)
    used = {templating.catalog_for(lang, have) for lang in {default, *by_url.values()}}
    for name in sorted(used - {None}):
        _, gaps, total = catalogs.checked(
            found[name], name, cache_path(settings), settings["I18N_DOMAIN"]
        )
        if gaps:  # a catalog begun and not finished: those words are English on its pages
            logger.warning(
                "%s: %d of %d strings are not translated (empty or fuzzy): they stay in English "
                "on pages in %s (invoke i18n-compile lists them)",
                _theme_file(settings, found[name]),
                gaps,
                total,
                name,
            )
    if not _has_catalog(default, have):
        # every list, archive and the 404 are in it, whatever Lang the posts give
        logger.warning(
            "%s",
            settings_errors.located_line(
                settings, _no_catalog(settings, "DEFAULT_LANG", default, have)
            ),
        )
    for lang, source in sorted(missing.items()):
        logger.warning("%s: %s", shown(settings, source), _no_catalog(settings, "Lang", lang, have))
    for key, shows in SITE_TEXTS.items():
        other = templating.stand_in(settings.get(key), default)
        if other is not None:  # an adopted site's DEFAULT_LANG, the sample's en and fr texts
            logger.warning(
                "%s",
                settings_errors.located_line(
                    settings,
                    f"{key} has no {default!r} text (DEFAULT_LANG), so every page in "
                    f"{default} shows its {other!r} one as {shows}; add {default!r}: '…' "
                    "to it, or give one string",
                ),
            )


def _lang_feeds(
    settings: dict[str, Any], generators, by_url: dict[str, str], langs: frozenset[str]
) -> dict[str, tuple[str, str]]:
    """Each language's feed URL -> (its title, its home page URL): all-en.atom.xml is not
    all.atom.xml (which has the posts of every language that have no English version)."""
    if not langs:
        return {}
    loaded = theme_catalogs(settings)
    # the page that is the home page (Pelican's idiom: URL empty), by its translations
    home_translations = {
        translation.lang: translation.url
        for generator in generators
        for page in getattr(generator, "pages", None) or []
        if page.url in ("", "index.html")
        for translation in getattr(page, "translations", None) or []
    }
    found = {}
    for lang in langs:
        title = feeds.title(settings.get("SITENAME", ""), lang, loaded)
        home = feeds.home(lang, by_url, home_translations)
        for url in feeds.feed_urls(settings, lang):
            found[url] = (title, home)
    return found


def _has_catalog(lang: str, have: set[str]) -> bool:
    """Whether pages in ``lang`` show the theme's strings in their language: a catalog answers
    for it (its own or its primary language's: fr for fr-CA) or it is English (the templates'
    own strings)."""
    return templating.is_english(lang) or templating.catalog_for(lang, have) is not None


def _no_catalog(settings: dict[str, Any], key: str, lang: str, have: set[str]) -> str:
    """What to say of a language without a catalog, given as ``key`` (Lang, DEFAULT_LANG)."""
    folder = catalogs.misspelled_folder(lang, have)
    fix = (
        f"rename its folder {folder} to {lang}: pages in {lang} look for that one"
        if folder
        else f"add one with invoke i18n-extract --add {lang}"
    )
    return (
        f"{key} {lang!r} has no catalog in {_theme_file(settings, translations_path(settings))}: "
        f"the theme's strings stay in English ({fix})"
    )


def on_feed_generated(context, feed) -> None:
    """Give a feed the language of its posts (xml:lang), else DEFAULT_LANG; a language's feed
    its own title and home page (feeds.py)."""
    siteurl = (context.get("SITEURL") or "").rstrip("/") + "/"
    domain = (context.get("FEED_DOMAIN") or context.get("SITEURL") or "").rstrip("/") + "/"
    lang_feed = (context.get("i18n_lang_feeds") or {}).get(
        (feed.feed.get("feed_url") or "").removeprefix(domain)
    )
    if lang_feed is not None:
        feed.feed["title"], home = lang_feed
        feed.feed["link"] = siteurl + home
    if feed.feed.get("language"):
        return
    by_url = context.get("i18n_url_langs") or {}
    langs = [by_url.get(item["link"].removeprefix(siteurl).split("?")[0]) for item in feed.items]
    feed.feed["language"] = templating.feed_language(langs, context.get("DEFAULT_LANG", "en"))


def get_generators(pelican):
    """Add the generator of each other language's list of posts (/fr/posts/)."""
    return PostsByLanguage


def register() -> None:
    """Connect the i18n receivers."""
    build.register(
        __package__,
        [
            (signals.initialized, on_initialized),
            (signals.get_generators, get_generators),
            (signals.generator_init, on_generator_init),
            (signals.article_generator_finalized, on_article_generator_finalized),
            (phases.content_final, on_content_final),
            (signals.feed_generated, on_feed_generated),
        ],
    )
