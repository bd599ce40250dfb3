"""i18n: the theme speaks each page's language, and dates follow it.

What it does on each build:

- Turns on Jinja2's i18n extension (newstyle gettext) and installs ``_``/``gettext``,
  ``ngettext``, ``pgettext`` and ``npgettext`` in every generator's template environment. The
  callables pick the language from the page being rendered: ``article.lang``, ``page.lang`` or
  ``series.lang`` in the render context, else ``DEFAULT_LANG``. Pelican renders every page
  with one environment per generator, so this is what makes a French post's page French.
- Compiles the catalogs ``<theme>/translations/<lang>/LC_MESSAGES/messages.po`` (committed)
  into ``.mo`` files under ``<CACHE_PATH>/i18n/`` (never committed), keyed by the catalog's
  content and Babel's version, so an unchanged catalog is not recompiled and one compiled by
  another Babel is. Fuzzy entries are left out, and so are
  broken ones (a placeholder the msgid lacks, a stray quote): their pages show the English
  text, and the build names each with its .po line once (an error in a strict build).
- Registers the filters ``localdate`` (a date in a language with Babel, e.g.
  ``{{ article.date|localdate(article.lang) }}``: "28 novembre 2009"; without an argument, the
  page's language; a time with an offset on its day in the site's ``TIMEZONE``),
  ``by_year`` (the archives page's years, by that day) and ``in_site_zone`` (a date in
  ``TIMEZONE``, for a period archive's address); Pelican's ``period_archives`` are regrouped
  by the same day at ``article_generator_finalized``, so its year pages agree,
  ``date_tag`` (that locale as a BCP 47 tag, "en-GB", for dates a script writes in the
  browser), the global ``page_lang()`` (the language of the page being rendered,
  for ``<html lang>``), the global ``strings_lang()`` (the language its theme strings are
  written in: the page's if it has a catalog, else English; a BCP 47 tag), the global
  ``plural_samples`` (counts that reach every CLDR plural category, for plurals a script
  words in the browser: ``templating.PLURAL_SAMPLES``), the filter ``lang_name`` (a
  language's own name: ``"fr"|lang_name`` is "Français"; ``lang_name(false)`` inside a
  sentence: "français"), the filter ``lang_dir`` (the direction a language is written in,
  from Babel: ``"ar"|lang_dir`` is "rtl", for ``<html dir>``), the global ``dir_attr(lang)``
  (`` dir="rtl"`` or `` dir="ltr"`` for an element in ``lang`` whose direction is not the
  page's, beside its ``lang`` attribute; nothing otherwise; ``dir_attr(lang, DEFAULT_LANG)``
  against another language: a post card, where ``article`` is the card's post), the global
  ``lang_marks(lang)`` (`` lang="ar" dir="rtl"``: both, for an element whose language is not
  the page's, or ``lang_marks(lang, DEFAULT_LANG)``'s; nothing otherwise), the global
  ``chrome_lang()`` (`` lang="en"``, with `` dir="ltr"`` on a right-to-left page, for an
  element holding only theme strings on a page whose language has no catalog, so that they
  are not read as the page's language; nothing on a page in English or with a catalog), the
  global ``content_lang(lang)`` (the marks for content in ``lang``, by default the page's,
  inside such an element: ``lang_marks`` against the theme strings' language), the filter
  ``content_span(lang)`` (a name or date inside a theme string, wrapped in
  ``<span lang="de">`` where ``content_lang`` marks it; unchanged otherwise), the filter
  ``chrome_span`` (a theme string wrapped in ``<span lang="en">`` where ``chrome_lang``
  marks: an item of a row whose own direction must stay the page's), the filter
  ``by_name`` (tags or categories with their posts, by name regardless of case, a name in
  Chinese characters by its slug, its pinyin: the tags page), and the
  filter ``in_lang``: a setting given per language (``SITE_TAGLINE = {"en": ..., "fr":
  ...}``) in the page's language, and a category's name from ``I18N_CATEGORY_NAMES``
  (``{{ article.category|in_lang }}``).
- Gives a tag or category that only translations have its page, listing them (Pelican lists
  translations on no tag or category page, so their own tags linked nowhere).
- Writes each other language's list of posts (``/fr/posts/``, a translation's address trimmed:
  ``generator.py``), where the site writes ``/posts/``; the theme's ``posts.html``, in that
  language (``listing_lang`` in its context, which ``page_lang`` reads first). The archives
  (the canonical page of ``/posts/``) and these lists are one page in several languages: the
  context's ``i18n_posts_alternates`` (each one's ``lang`` and ``url``, set at the engine's
  ``content_final``) gives them their ``hreflang`` links (``archives.html``).
- Gives each Atom/RSS feed its language (``xml:lang``): the language its posts share, else
  ``DEFAULT_LANG``; each language's feed (TRANSLATION_FEED_ATOM/RSS) a title in that language
  ("The Tessellate Blog : billets en français", through the catalogs) and that language's
  home page as its ``<link rel="alternate">`` (``feeds.py``).
- Names, in a warning, each post or page whose text is nearly all in another script than its
  language's (a Persian post without ``Lang:`` on an ``en`` site), with the code its letters
  suggest; one line for a folder of many (``scripts.py``).

Metadata keys read: ``lang`` (Pelican's, on posts, pages and series files).
Settings: see ``settings.py``; ``DEFAULT_LANG`` (Pelican's) must be a language Babel knows.
"""

from plugins.engine.loading import collector_paused

with collector_paused():  # plugins/engine/loading.py
    from .signals import register

__all__ = ["register"]
