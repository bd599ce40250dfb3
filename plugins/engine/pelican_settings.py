"""Pelican's own settings as this engine uses them (pure: never imports Pelican).

Each check returns messages, one problem each, naming the setting first, and leaves how loud
to ``settings_errors``, which runs them once a build at ``initialized`` and names the line of
the settings file that set the value:

- ``wrong_kinds``: a number, a True/False, a list or one of a few words (``SLUGIFY_SOURCE``)
  of Pelican's given as something else, a file-name pattern (``FILENAME_METADATA``) that
  does not compile, or a ``DEFAULT_METADATA`` date that is no date
  (``DEFAULT_PAGINATION = "8"`` crashed the writer far from the settings file; a string for
  one of ``RESET_FROM_A_STRING``, which Pelican puts back to its default, as written);
- ``addresses_misshapen``: an ``X_URL`` or ``X_SAVE_AS`` Pelican cannot use: not text
  (``ARTICLE_URL = None``, a traceback) or a key Pelican does not fill (``TAG_URL``'s
  ``{title}``, a ``KeyError``) stops the build; a ``SAVE_AS`` starting (posts left out) or
  ending (plain files) with a slash, a ``URL`` starting with one (``//`` links) or empty
  (links to the home page) is said like ``addresses_apart``, which leaves such a pair alone;
  a path (``Path('tag') / '{slug}.html'``) is checked as its text where Pelican takes one;
  a listing page's of ``DIRECT_TEMPLATES`` (``TAGS_SAVE_AS``) likewise, but Pelican fills no
  key in it;
- ``addresses_apart``: an ``X_URL`` that is not where ``X_SAVE_AS`` writes the page
  (``ARTICLE_URL`` changed alone: every link to every post led to a 404);
- ``slash_left_off``: an ``X_URL`` that is the folder ``X_SAVE_AS`` writes without its
  slash (``{lang}/posts/{slug}``): every link to those pages a redirect;
- ``posts_moved``: posts published elsewhere than ``/posts/<slug>/`` (pages than
  ``/<slug>/``, and their translations; categories, tags and people than their listing
  pages) with no redirect from there, unless the settings say the site never had them there;
- ``main_feed_off``: ``FEED_ALL_ATOM`` turned off (an old site's development settings pasted
  in): no feed of all posts, no Feed link, and the old subscribers' address a 404;
- ``not_honoured``: Pelican settings other themes read and this one does not (``MENUITEMS``),
  each with what to do here instead;
- ``templates_left_out``: a shorter ``DIRECT_TEMPLATES`` that leaves out a page the theme
  links (the team page, the categories) or needs (robots.txt, the 404 page);
- ``missing_extensions``: a ``MARKDOWN`` extension that is not installed;
- ``unknown_plugins``: a ``PLUGINS`` entry that names no plugin, with the one meant;
- ``theme_plugins_missing``: a plugin the theme's templates call left out of ``PLUGINS``
  (without i18n, Jinja stopped on ``No filter named 'lang_dir'`` with a traceback).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import posixpath
import re
import string
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from importlib.metadata import entry_points
from pathlib import Path, PurePath
from typing import Any, NamedTuple

import dateutil.parser

from . import addresses
from .config import nearest


def _whole(least: int) -> Callable[[Any], bool]:
    return lambda value: isinstance(value, int) and not isinstance(value, bool) and value >= least


# Pelican's numbers: name -> (what it must be, the test)
NUMBERS: dict[str, tuple[str, Callable[[Any], bool]]] = {
    "DEFAULT_PAGINATION": (
        "a whole number of posts a page (or False: one page)",
        lambda v: v is False or v is None or _whole(1)(v),
    ),
    "DEFAULT_ORPHANS": ("a whole number from 0", _whole(0)),
    "FEED_MAX_ITEMS": (
        "a whole number of posts (or None: every post)",
        lambda v: v is None or _whole(0)(v),
    ),
    "SUMMARY_MAX_LENGTH": (
        "a whole number of words (or None: the whole text)",
        lambda v: v is None or _whole(0)(v),
    ),
    "SUMMARY_MAX_PARAGRAPHS": (
        "a whole number of paragraphs (or None: no limit)",
        lambda v: v is None or _whole(1)(v),
    ),
    "PORT": ("a port number such as 8000", lambda v: _whole(1)(v) and v <= 65535),
}
# Pelican's settings that take one of a few words: name -> (what it must be, the test).
# SLUGIFY_SOURCE: Pelican gives a post without a Slug: line no slug at all for any other word
# (pelican/contents.py), and the build stopped on a traceback ("Cannot use {'slug'} as
# 'translation_id'")
CHOICES: dict[str, tuple[str, Callable[[Any], bool]]] = {
    "SLUGIFY_SOURCE": (
        '"title" or "basename" (a post\'s address from its title, or its file\'s name)',
        lambda v: v in ("title", "basename"),
    ),
}
# Pelican's settings that are regular expressions it matches each file's name or path with
# (pelican/readers.py, parse_path_metadata): one that does not compile stopped the reading of
# every post, each with the re module's words and no setting named
PATTERNS = ("FILENAME_METADATA", "PATH_METADATA")
# lists Pelican itself turns from a string into one (LOCALE, PLUGIN_PATHS): a string is no
# mistake to name here
_LISTS_PELICAN_MENDS = frozenset({"LOCALE", "PLUGIN_PATHS", "PAGINATION_PATTERNS"})
# settings Pelican puts back to their default when given a string, with a warning of its own
# that names no line (pelican/settings.py, configure_settings, 3.7 to 4.12): what the build
# holds is the default (a list Pelican may change in place after), so the value as written is
# what ``wrong_kinds`` is given (PLUGINS too, but then none of this site's plugins is loaded)
RESET_FROM_A_STRING = frozenset(
    {
        *("ARTICLE_EXCLUDES", "ARTICLE_PATHS", "DEFAULT_METADATA", "DIRECT_TEMPLATES"),
        *("IGNORE_FILES", "PAGE_PATHS", "PAGINATED_DIRECT_TEMPLATES", "STATIC_EXCLUDES"),
        *("STATIC_PATHS", "THEME_STATIC_PATHS", "THEME_TEMPLATES_OVERRIDES"),
    }
)
# Pelican's warning for it, the setting's name its argument
RESET_WARNING = (
    "Detected misconfiguration with %s setting (must be a list), falling back to the default"
)


def _kind_of(name: str, default: Any) -> tuple[str, Callable[[Any], bool]] | None:
    """What a setting of Pelican's must be, from its table or its default's type."""
    if name in NUMBERS:
        return NUMBERS[name]
    if name in CHOICES:
        return CHOICES[name]
    if isinstance(default, bool):
        return "True or False", lambda v: v is None or v in (True, False)
    if isinstance(default, list | tuple) and name not in _LISTS_PELICAN_MENDS:
        return "a list", lambda v: isinstance(v, list | tuple | set | frozenset)
    if isinstance(default, dict):
        return "a dict", lambda v: isinstance(v, Mapping)
    return None


def wrong_kinds(settings: Mapping[str, Any], given: Iterable[str], defaults: Mapping[str, Any]):
    """(name, message) for each given setting of Pelican's (``defaults``: its DEFAULT_CONFIG)
    whose value is not of the kind Pelican reads it as, by name (``settings_errors`` puts
    them in the settings file's order)."""
    found = []
    for name in sorted(given):
        if name in PATTERNS and name in settings:
            problem = pattern_problem(settings[name])
            if problem:
                found.append((name, f"{name} {problem}"))
            continue
        known = name in defaults or name in NUMBERS or name in CHOICES
        kind = _kind_of(name, defaults.get(name)) if known else None
        if kind is None or name not in settings:
            continue
        what, fits = kind
        value = settings[name]
        if not fits(value):
            found.append((name, f"{name} must be {what}, got {value!r}"))
        elif name == "DEFAULT_METADATA" and (problem := default_date_problem(value)):
            found.append((name, f"{name} {problem}"))
    return found


def default_date_problem(defaults: Mapping[str, Any]) -> str:
    """What is wrong with DEFAULT_METADATA's date, as the words after the setting's name; ""
    when it has none or Pelican reads it (as ``pelican.utils.get_date`` does). Pelican gives
    it to every file it reads: 'soon' stopped each post with a line about a Date: line it does
    not have, then the build on a traceback at the first static file."""
    value = defaults.get("date")
    if value is None or isinstance(value, dt.datetime):
        return ""
    if isinstance(value, str):
        try:
            dateutil.parser.parse(re.sub(" +", " ", value.replace("_", " ")))
        except (ValueError, OverflowError):
            pass
        else:
            return ""
    return (
        f"gives every file a date, and {value!r} is no date: write one there as "
        '"date": "2025-03-14" (or 2025-03-14 09:30), or take "date" out '
        "(DEFAULT_DATE dates the posts without a Date: line)"
    )


def pattern_problem(value: Any) -> str:
    """What is wrong with a file-name pattern setting's value (``PATTERNS``), as the words
    after its name; "" when Pelican can match with it (nothing given: none matched)."""
    if not value:
        return ""
    if not isinstance(value, str):
        return f"must be a regular expression (text), got {value!r}"
    try:
        re.compile(value)
    except re.error as exc:
        return f"is not a valid pattern: {exc}"
    return ""


# What each page the theme writes from a direct template is, and what links to it
THEME_TEMPLATES: dict[str, tuple[str, str]] = {
    "index": ("the home page, the list of posts", "the site's name and the menu's Home link lead"),
    "archives": ("the archives page", "the menu's and the footer's Archives links lead"),
    "authors": (
        "the team page",
        "the menu's and the footer's Team links and the home page's 'Meet the team' lead",
    ),
    "categories": ("the list of categories", "the footer's Categories link leads"),
    "tags": ("the list of tags", "the footer's Tags link leads"),
    # not linked, but where a reader lands who trims a post's address (/posts/<slug>/)
    "posts": ("the list of every post", "a post's address trimmed to its folder leads"),
    "robots": ("robots.txt", ""),
    "notfound": ("the 404 page", ""),
}
_UNLINKED = {
    "robots": "search engines get no rules and no link to the sitemap; to publish a robots.txt "
    "of your own, keep 'robots' and set ROBOTS_SAVE_AS = \"\" (docs/adopting.md)",
    "notfound": "a missing address shows the host's own 404 page, without the site's menu or "
    "search; for a 404 page of your own, keep 'notfound' and write a page with "
    "Save_as: 404.html",
}


def templates_left_out(settings: Mapping[str, Any]) -> list[str]:
    """One message for each direct template the theme writes and links that
    ``DIRECT_TEMPLATES`` leaves out."""
    listed = {str(name) for name in settings.get("DIRECT_TEMPLATES") or ()}
    found = []
    for name, (page, links) in THEME_TEMPLATES.items():
        url = settings.get(f"{name.upper()}_URL") or settings.get(f"{name.upper()}_SAVE_AS")
        if name in listed or (name == "posts" and not _trims_to(settings, url or "posts/")):
            continue
        if links:
            where = f" (/{url})" if url else ""
            found.append(
                f"DIRECT_TEMPLATES leaves out {name!r}: {page}{where} is not written, and "
                f"{links} to a 404; add {name!r} back to DIRECT_TEMPLATES"
            )
        else:
            found.append(
                f"DIRECT_TEMPLATES leaves out {name!r}: {page} is not written ({_UNLINKED[name]})"
            )
    return found


def _trims_to(settings: Mapping[str, Any], folder: str) -> bool:
    """Whether a post's address trimmed is ``folder``, the posts page's: ARTICLE_URL under it
    (a site whose posts are at /{slug}.html trims to no such page)."""
    return str(settings.get("ARTICLE_URL") or "").startswith(str(folder))


_DATES = (
    "dates are written by Babel: set I18N_DATE_FORMAT ('long', 'medium', or a pattern such "
    "as 'd MMM y') and I18N_DATE_LOCALES ({'en': 'en_GB'})"
)
_MENU = (
    "the menu lists Home, Team, Archives, the first two pages of content/pages/ (the footer "
    "the others; Status: hidden leaves one out) and the feed, and takes no other links"
)
# Pelican settings other themes read that this theme does not: name -> what to do here
NOT_HONOURED: dict[str, str] = {
    "MENUITEMS": f"{_MENU}; for a link elsewhere, write a page that links it",
    "DISPLAY_CATEGORIES_ON_MENU": "the categories are linked from every page's footer "
    "(CATEGORIES_URL), never from the menu",
    "LINKS": "there is no blogroll; put the links in a page of content/pages/",
    "SOCIAL": "the site has no social links of its own; each person's are in their team file "
    "(Website:, Mastodon:, Bluesky:, Github:… in content/team/<slug>.md, docs/team.md)",
    "GITHUB_URL": "there is no such link; a person's is Github: in their team file "
    "(content/team/<slug>.md), the project's can go in a page of content/pages/",
    "DEFAULT_DATE_FORMAT": _DATES,
    "DATE_FORMATS": _DATES,
    "SITELOGO": "the site's mark is the SVG in theme/templates/base.html; no setting changes it",
    "FAVICON": "the icon is content/extra/favicon.svg, published as /favicon.svg "
    "(EXTRA_PATH_METADATA): replace that file",
    "SITESUBTITLE": "the line under the site's name is SITE_TAGLINE",
    # an adopted site's comments and counter: unread, the old posts' threads were gone unsaid
    "DISQUS_SITENAME": "comments are COMMENTS_PROVIDER's; to keep the old threads, set "
    "COMMENTS_PROVIDER = 'disqus', COMMENTS_DISQUS_SHORTNAME to this value and "
    "COMMENTS_ID = '{slug}.html' (the old ARTICLE_URL) (docs/comments.md)",
    "GOOGLE_ANALYTICS": "the counter is ANALYTICS_PROVIDER's (cookie-free ones only: "
    "docs/reach.md); Google Analytics is not one",
}
# feeds the theme writes and never links: readers' feed readers find the Atom ones
RSS_FEEDS = {
    "FEED_RSS": "FEED_ATOM",
    "FEED_ALL_RSS": "FEED_ALL_ATOM",
    "CATEGORY_FEED_RSS": "CATEGORY_FEED_ATOM",
    "TAG_FEED_RSS": "TAG_FEED_ATOM",
    "AUTHOR_FEED_RSS": "AUTHOR_FEED_ATOM",
    "TRANSLATION_FEED_RSS": "TRANSLATION_FEED_ATOM",
}


def main_feed_off(settings: Mapping[str, Any]) -> list[str]:
    """One message when ``FEED_ALL_ATOM`` is off (None or ""): the feed readers subscribe to,
    which every page links, is not written (Pelican's quickstart turns it off in the
    development settings an adopted site pastes in)."""
    value = settings.get("FEED_ALL_ATOM")
    if value:
        return []
    return [
        f"FEED_ALL_ATOM is {value!r}: the site writes no feed of all posts and its pages link "
        "none (no Feed link in the header), so readers subscribed to /feeds/all.atom.xml get a "
        "404; remove this line (the sample's FEED_ALL_ATOM = 'feeds/all.atom.xml', Pelican's "
        "address, then stands) or set it to the old site's feed (docs/adopting.md)"
    ]


def not_honoured(settings: Mapping[str, Any], named: Iterable[str]) -> list[str]:
    """One message for each setting the settings file names (``named``) that this theme does
    not read, saying what does."""
    found = []
    for name in sorted(named):
        if name in NOT_HONOURED:
            found.append(f"{name} is not used by this theme: {NOT_HONOURED[name]}")
        elif name in RSS_FEEDS and settings.get(name):
            found.append(
                f"{name} writes {settings[name]!r}, which no page of this theme links: pages "
                f"link the Atom feeds ({RSS_FEEDS[name]}); remove {name}, or keep it for "
                "readers who have its address already"
            )
    return found


# What the pages of a pair of settings are, for messages (else "its pages")
_PAGES = {
    "ARTICLE": "each post",
    "ARTICLE_LANG": "each post's translation",
    "DRAFT": "each draft",
    "DRAFT_LANG": "each draft's translation",
    "PAGE": "each page",
    "PAGE_LANG": "each page's translation",
    "DRAFT_PAGE": "each draft page",
    "DRAFT_PAGE_LANG": "each draft page's translation",
    "TAG": "each tag's page",
    "CATEGORY": "each category's page",
    "AUTHOR": "each person's page",
    "YEAR_ARCHIVE": "each year's archive",
    "MONTH_ARCHIVE": "each month's archive",
    "DAY_ARCHIVE": "each day's archive",
}


def address_of(save_as: str) -> str:
    """The address a file is read at: ``posts/{slug}/index.html`` -> ``posts/{slug}/``."""
    path = posixpath.normpath(save_as.lstrip("/")) if save_as.strip("/") else ""
    if path == "index.html":
        return ""
    return path[: -len("index.html")] if path.endswith("/index.html") else path


def same_place(url: str, save_as: str) -> bool:
    """Whether a link to ``url`` reaches the file written to ``save_as`` (an empty one of
    the two: nothing written, or Pelican's own fallback). A folder without its slash is
    the folder (the server adds it); a file without ``.html`` is the file on the hosts
    that serve ``x.html`` at ``/x`` (GitHub Pages, Netlify, Cloudflare Pages)."""
    if not url or not save_as:
        return True
    address = address_of(save_as)
    file = save_as.lstrip("/")
    forms = {file, address, address.rstrip("/"), file.removesuffix(".html")}
    return url.lstrip("/") in forms


def _address_pairs(
    settings: Mapping[str, Any], left: Collection[str]
) -> Iterator[tuple[str, str, str, str]]:
    """(kind, its SAVE_AS key, X_URL, X_SAVE_AS) for each pair both given as text and not of
    a kind in ``left`` (``misshapen_kinds``: said by ``addresses_misshapen``)."""
    for key in sorted(settings):
        if not key.endswith("_SAVE_AS"):
            continue
        kind = key[: -len("_SAVE_AS")]
        url, save_as = settings.get(f"{kind}_URL"), settings[key]
        if isinstance(url, str) and isinstance(save_as, str) and kind not in left:
            yield kind, key, url, save_as


def addresses_apart(settings: Mapping[str, Any], left: Collection[str] = ()) -> list[str]:
    """One message for each ``X_URL`` that is not where ``X_SAVE_AS`` writes its pages, but
    of the kinds ``left`` to ``addresses_misshapen``'s line (``misshapen_kinds``)."""
    found = []
    for kind, key, url, save_as in _address_pairs(settings, left):
        if same_place(url, save_as):
            continue
        pages = _PAGES.get(kind, f"the {kind.lower()} page")
        found.append(
            f"{kind}_URL {url!r} is not where {key} writes {pages} ({save_as!r}): every link "
            f"to {pages} leads to a 404; set {kind}_URL = {address_of(save_as)!r}, or "
            f"change both together"
        )
    return found


def slash_left_off(settings: Mapping[str, Any], left: Collection[str] = ()) -> list[str]:
    """One message for each ``X_URL`` that is the folder ``X_SAVE_AS`` writes its pages in
    without its slash: each link to them is a redirect by the server (same_place lets it
    through: the pages are reached); ``left`` as ``addresses_apart``'s."""
    found = []
    for kind, key, url, save_as in _address_pairs(settings, left):
        address = address_of(save_as)
        if url and not url.endswith("/") and address.endswith("/"):
            if url.lstrip("/") != address.rstrip("/"):
                continue
            pages = _PAGES.get(kind, f"the {kind.lower()} page")
            found.append(
                f"{kind}_URL {url!r} is the folder {key} writes {pages} in ({save_as!r}) "
                "without its slash: every link to it, its canonical and hreflang addresses "
                f"too, is a redirect by the server; set {kind}_URL = {url + '/'!r}"
            )
    return found


# This site's own addresses of posts, pages and listings (docs/urls-and-links.md), each kept
# by its redirects plugin's old-pattern setting (REDIRECTS_OLD_<kind>_URLS) once it is moved
OWN_ADDRESSES: dict[str, tuple[str, str]] = {
    "ARTICLE": ("posts/{slug}/", "every post"),
    "ARTICLE_LANG": ("{lang}/posts/{slug}/", "every post's translation"),
    "PAGE": ("{slug}/", "every page"),
    "PAGE_LANG": ("{lang}/{slug}/", "every page's translation"),
    "CATEGORY": ("category/{slug}/", "every category's page"),
    "TAG": ("tag/{slug}/", "every tag's page"),
    "AUTHOR": ("team/{slug}/", "every person's page"),
}


def posts_moved(
    settings: Mapping[str, Any], written: Iterable[str] = (), left: Collection[str] = ()
) -> list[str]:
    """A message for each ``X_URL`` of ``OWN_ADDRESSES`` that publishes the posts, pages or
    listings elsewhere than this site's address when no redirect pattern keeps that address;
    none when the settings file wrote the pattern empty (``written``: the names it wrote), as
    a site that never published there (an adopted site keeping its old addresses) does;
    ``left`` as ``addresses_apart``'s."""
    found = []
    written = set(written)
    for kind, (own, what) in OWN_ADDRESSES.items():
        url, save_as = settings.get(f"{kind}_URL"), settings.get(f"{kind}_SAVE_AS")
        if not isinstance(url, str) or not isinstance(save_as, str) or not save_as:
            continue
        if kind in left:  # said by addresses_misshapen
            continue
        keeps = f"REDIRECTS_OLD_{kind}_URLS"
        patterns = settings.get(keeps) or ()
        patterns = [patterns] if isinstance(patterns, str) else patterns
        kept = own.strip("/") in {str(pattern).strip("/") for pattern in patterns}
        if kept or (keeps in written and not patterns):
            continue  # kept, or said to have had nothing there
        if address_of(save_as) == own or not same_place(url, save_as):
            continue  # not moved, or apart (addresses_apart says so)
        found.append(
            f"{kind}_URL {url!r} publishes {what} elsewhere than /{own}, this site's address: "
            "if the site published them there, those addresses (in search engines, in other "
            f"sites' links) lead to a 404 unless {keeps} lists {own!r}; if it never did (an "
            f"adopted site keeping its old addresses), write {keeps} = [] (docs/redirects.md)"
        )
    return found


# The kinds of page Pelican writes from a pair of address settings (X_URL, X_SAVE_AS), with
# the keys it fills them with (Pelican 4.12): a post's or page's are its metadata
# (contents.py, url_format: slug, lang, date, author, category, path and any line of a post's
# front matter, so only a pattern Python cannot fill at all is sure to fail); a tag's,
# category's or person's are URLWrapper.as_dict's name and slug (the rest of it is Pelican's
# own state); a period archive's, its date alone (generators.py, _build_period_archives)
_CONTENT = (
    *("ARTICLE", "ARTICLE_LANG", "DRAFT", "DRAFT_LANG"),
    *("PAGE", "PAGE_LANG", "DRAFT_PAGE", "DRAFT_PAGE_LANG"),
)
_SAMPLE_DATE = dt.datetime(2000, 1, 1)
FILLED_WITH: dict[str, dict[str, Any] | None] = {
    **dict.fromkeys(_CONTENT),
    **{kind: {"slug": "x", "name": "x"} for kind in ("TAG", "CATEGORY", "AUTHOR")},
    **{kind: {"date": _SAMPLE_DATE} for kind in ("YEAR_ARCHIVE", "MONTH_ARCHIVE", "DAY_ARCHIVE")},
}
# Pelican's own keys of a post's address (contents.py, url_format: author and category as slugs)
_CONTENT_SAMPLE = {
    **{"slug": "x", "lang": "en", "date": _SAMPLE_DATE},
    **{"author": "x", "category": "x", "path": "x"},
}
# where the pages of a kind live when its settings give no address to suggest (the sample's)
_SUGGESTED = {
    **{kind: own for kind, (own, _) in OWN_ADDRESSES.items()},
    "DRAFT": "drafts/posts/{slug}/",
    "DRAFT_LANG": "drafts/{lang}/posts/{slug}/",
    "DRAFT_PAGE": "drafts/pages/{slug}/",
    "DRAFT_PAGE_LANG": "drafts/pages/{lang}/{slug}/",
    "YEAR_ARCHIVE": "archives/{date:%Y}/",
    "MONTH_ARCHIVE": "archives/{date:%Y}/{date:%m}/",
    "DAY_ARCHIVE": "archives/{date:%Y}/{date:%m}/{date:%d}/",
    # the listing pages of direct templates (pelicanconf.py's)
    **{"INDEX": "", "TAGS": "tag/", "CATEGORIES": "category/", "AUTHORS": "team/"},
    **{"ARCHIVES": "archives/", "POSTS": "posts/"},
}
# what Pelican's documented '' leaves out, for kinds whose pages a site may not want
_NONE_WRITTEN = {
    "TAG": "no tag pages (the posts' tag links then lead to a 404)",
    "CATEGORY": "no category pages (the posts' category links then lead to a 404)",
    "AUTHOR": "no person's pages (the bylines then lead to a 404)",
    "YEAR_ARCHIVE": "no yearly archives",
    "MONTH_ARCHIVE": "no monthly archives",
    "DAY_ARCHIVE": "no daily archives",
}


def content_address_settings(page: bool, draft: bool, translated: bool) -> tuple[str, str]:
    """The URL and SAVE_AS settings Pelican gives a post (``page``: a page) its address with
    (contents.py, ``_expand_settings``): a draft's DRAFT_ ones, a translation's _LANG_ ones."""
    kind = ("DRAFT_PAGE" if draft else "PAGE") if page else ("DRAFT" if draft else "ARTICLE")
    kind += "_LANG" if translated else ""
    return f"{kind}_URL", f"{kind}_SAVE_AS"


def key_lacking(pattern: Any, metadata: Mapping[str, Any]) -> str:
    """The key ``pattern`` (a post's URL or SAVE_AS setting) uses that neither Pelican
    (``_CONTENT_SAMPLE``) nor the post's ``metadata`` gives it ("" when it fills: a pattern
    no post can fill is ``addresses_misshapen``'s)."""
    if not isinstance(pattern, str):
        return ""
    try:
        addresses.fill_with(pattern, {**_CONTENT_SAMPLE, **metadata})
    except addresses.Unfillable as exc:
        return exc.key
    return ""


def address_keys(settings: Mapping[str, Any]) -> frozenset[str]:
    """The keys the address settings of posts and pages use (``{series}`` of ARTICLE_URL =
    '{series}/{slug}/'): a post's line of that key is read, not unknown."""
    found = set()
    for kind in _CONTENT:
        for which in ("URL", "SAVE_AS"):
            pattern = settings.get(f"{kind}_{which}")
            found |= _keys_of(pattern)
    return frozenset(found)


def _keys_of(pattern: Any) -> set[str]:
    """The keys an address pattern uses (``{date:%Y}``: date), none when it is no text or
    does not parse."""
    if not isinstance(pattern, str) or not _parses(pattern):
        return set()
    return {
        re.split(r"[.\[]", field_name, maxsplit=1)[0]
        for _, field_name, _, _ in string.Formatter().parse(pattern)
        if field_name
    }


def _parses(pattern: str) -> bool:
    """Whether Python reads ``pattern`` as a format string at all (``{slug`` is not)."""
    try:
        list(string.Formatter().parse(pattern))
    except ValueError:
        return False
    return True


class Kind(NamedTuple):
    """A kind of page written from a pair of address settings (``X_URL``, ``X_SAVE_AS``)."""

    name: str  # ARTICLE, TAGS, SERIES
    filled: dict[str, Any] | None  # the keys its address is filled with (None: a post's)
    pages: str  # what its pages are, for messages: "each post", "the list of tags"
    suggested: str  # its address when its settings give none to suggest
    by: str = "Pelican"  # who fills its address and writes its pages
    path: type | None = None  # a path it takes as its text (pathlib.Path), if any
    unset: tuple[Any, Any] = (None, None)  # its URL and SAVE_AS when the settings give none
    listing: bool = False  # one page, its address written as it is: no key filled


def _unfilled(kind: Kind, pattern: str) -> str:
    """Why ``kind.by`` cannot fill ``pattern`` for a page of ``kind`` (the words after its
    value), "" when it can."""
    if kind.listing:  # its address is written and linked as it is
        key = re.search(r"\{[^{}]*\}?|\}", pattern)
        return (
            f"uses {key.group()}: {kind.by} fills no key in the address of {kind.pages}, and "
            f"writes and links it as it is, braces and all"
            if key
            else ""
        )
    values = kind.filled
    tried = dict(_CONTENT_SAMPLE if values is None else values)
    while True:
        try:
            addresses.fill_with(pattern, tried)
            return ""
        except addresses.Unfillable as exc:
            if values is None and exc.key and exc.key not in tried:
                tried[exc.key] = "x"  # a post's own front-matter line may give it
                continue
            if values is None and len(tried) > len(_CONTENT_SAMPLE) and _parses(pattern):
                return ""  # that line's value may be of any kind (Modified: a date, {modified:%Y})
            if exc.key:
                keys = " and ".join(f"{{{key}}}" for key in values or ())
                pages = kind.pages.removeprefix("each ")
                return (
                    f"uses {{{exc.key}}}, which {kind.by} does not fill for a {pages} ({keys} only)"
                )
            return str(exc)


# The kinds whose address settings Pelican 4.12 also takes as a path (``Path('tag') /
# '{slug}.html'``), as its text: a post's or page's with str() (contents.py,
# _expand_settings), a tag's, category's or person's as a pathlib.Path (urlwrappers.py,
# _from_settings), a listing page's too (os.path.join, and the theme its text); a period
# archive's it formats as it is, which stopped the build on a traceback ('PosixPath' object
# has no attribute 'format'), so a path is refused there, and in a plugin's (it formats it)
_PATH_TAKEN: dict[str, type] = {
    **dict.fromkeys(_CONTENT, PurePath),
    **dict.fromkeys(("TAG", "CATEGORY", "AUTHOR"), Path),
}


def _listings(settings: Mapping[str, Any]) -> list[Kind]:
    """The kinds (``TAGS``) of the direct templates ``DIRECT_TEMPLATES`` lists: Pelican
    writes each to its ``X_SAVE_AS`` (default ``x.html``) as it is, none of it filled
    (generators.py, generate_direct_templates), and the theme links its ``X_URL``."""
    listed = settings.get("DIRECT_TEMPLATES")
    listed = listed if isinstance(listed, list | tuple) else ()
    found = []
    for name in dict.fromkeys(str(template).upper() for template in listed):
        if name in FILLED_WITH:
            continue
        page = THEME_TEMPLATES.get(name.lower())
        pages = page[0] if page else f"the {name.lower()} page"
        suggested = _SUGGESTED.get(name, f"{name.lower()}/")
        unset = (f"{name.lower()}.html",) * 2  # Pelican's
        found.append(Kind(name, {}, pages, suggested, "Pelican", Path, unset, listing=True))
    return found


def _kinds(settings: Mapping[str, Any], theirs: Iterable[Kind]) -> list[Kind]:
    """Every kind of page whose address settings are checked: Pelican's, the listing pages
    ``DIRECT_TEMPLATES`` lists and the plugins' (``theirs``, from ``plugin_kinds``)."""
    theirs = list(theirs)
    own = [
        Kind(name, FILLED_WITH[name], _PAGES[name], _SUGGESTED[name], path=_PATH_TAKEN.get(name))
        for name in FILLED_WITH
    ]
    named = {kind.name for kind in theirs}
    return [*own, *(k for k in _listings(settings) if k.name not in named), *theirs]


def plugin_kinds(
    plugin: str, declared: Mapping[str, tuple[Iterable[str], str]], defaults: Mapping[str, Any]
) -> list[Kind]:
    """The kinds of page a plugin writes from address settings of its own, as its
    ``settings.py`` declares them in ``ADDRESSES`` (kind -> (the keys it fills them with,
    what its pages are); no key: one page, written as named), with its ``DEFAULTS``."""
    by = f"the {plugin.rsplit('.', 1)[-1]} plugin"
    found = []
    for name, (keys, pages) in declared.items():
        url, save_as = defaults.get(f"{name}_URL"), defaults.get(f"{name}_SAVE_AS")
        suggested = url if isinstance(url, str) else f"{name.lower()}/"
        filled = dict.fromkeys(keys, "x")
        found.append(Kind(name, filled, pages, suggested, by, None, (url, save_as), not filled))
    return found


def _as_read(kind: Kind, value: Any) -> Any:
    """``value`` as ``kind.by`` reads it: a path it takes as its text, else as it is."""
    return str(value) if kind.path is not None and isinstance(value, kind.path) else value


def _shape(kind: Kind, which: str, value: Any, other: Any) -> tuple[bool, str]:
    """(whether the build must stop, what is wrong) with ``value`` of ``kind``'s ``which``
    ("URL" or "SAVE_AS"; ``other``: the pair's other setting), both as Pelican reads them;
    (False, "") when Pelican can use it as it is."""
    if not isinstance(value, str):
        what = "an address" if which == "URL" else "a file name"
        if isinstance(value, PurePath):  # a period archive's: Pelican calls its .format
            return True, (
                f"must be {what} in quotes (a Path serves a post's, page's, tag's, "
                f"category's or person's address, not an archive's), got {value!r}"
            )
        return True, f"must be {what} in quotes, got {value!r}"
    unfilled = _unfilled(kind, value)
    if unfilled:
        return True, unfilled
    pages = kind.pages
    if which == "SAVE_AS" and value.startswith("/") and kind.name not in FILLED_WITH:
        return False, (
            "starts with a slash: Pelican writes no file outside the output folder, and "
            "stops the build on it with a traceback"
        )
    if which == "SAVE_AS" and value.startswith("/"):
        return False, (
            "starts with a slash: Pelican writes no file outside the output folder, so it "
            f"leaves out {pages}"
        )
    if which == "SAVE_AS" and value.endswith("/"):
        return False, (
            f"is a folder: Pelican writes {pages} as a file of that name with no .html, which "
            "no server sends as a page (every link to it a 404)"
        )
    if which == "URL" and value.startswith("/"):
        who = "Pelican puts" if kind.name in FILLED_WITH else "the theme puts"
        return False, (
            f"starts with a slash: {who} SITEURL and a slash before it, so every link "
            f"to {pages} has // in it"
        )
    if which == "URL" and not value and isinstance(other, str) and address_of(other):
        # an empty pair writes nothing (publishconf.py's drafts); the home page's is ''
        return False, f"is empty: every link to {pages} leads to the home page"
    return False, ""


def _fitting(kind: Kind, which: str, value: Any, other: Any) -> str:
    """The value to write instead of ``value``: it mended (the slash), else what fits the
    other setting of the pair (``other``), else this site's own pattern; for a plugin's, its
    default where that would leave out a key the default uses."""
    fitting = _fitting_shape(kind, which, value, other)
    default = _unset(kind, which)
    if kind.by != "Pelican" and isinstance(default, str) and _keys_of(default) - _keys_of(fitting):
        # the plugin keeps its pages apart by those keys and refuses an address without them
        # ("SERIES_URL must contain {slug}"): advice without them would not build either
        return default
    return fitting


def _fitting_shape(kind: Kind, which: str, value: Any, other: Any) -> str:
    """``_fitting``'s value as the shape alone decides it."""
    if isinstance(value, str) and value.strip("/") and not _unfilled(kind, value):
        mended = value.lstrip("/")
        return mended + "index.html" if which == "SAVE_AS" and mended.endswith("/") else mended
    if not (isinstance(other, str) and other.strip("/") and not _unfilled(kind, other)):
        return kind.suggested + ("index.html" if which == "SAVE_AS" else "")
    other = other.lstrip("/")
    if which == "URL":  # where the file the pair writes is read
        return address_of(other + "index.html" if other.endswith("/") else other)
    if other.endswith("/"):
        return other + "index.html"
    return other if other.endswith(".html") else other + "/index.html"


def _unset(kind: Kind, which: str) -> Any:
    """``kind``'s ``which`` when the settings give none: Pelican's ``x.html`` for a listing
    page, a plugin's default, else None."""
    return kind.unset[0 if which == "URL" else 1]


def _written(kind: Kind, settings: Mapping[str, Any]) -> bool:
    """Whether the addresses of ``kind`` are used: a period archive's, a listing page's or a
    plugin's only when its SAVE_AS is not None or '' (not written then), the others always."""
    if kind.name in FILLED_WITH and not kind.name.endswith("_ARCHIVE"):
        return True
    return bool(settings.get(f"{kind.name}_SAVE_AS", _unset(kind, "SAVE_AS")))


class Misshapen(NamedTuple):
    """An address setting ``addresses_misshapen`` names."""

    kind: str  # ARTICLE
    name: str  # ARTICLE_URL
    stops: bool  # the build cannot go on with it
    message: str
    fitting: str  # the value to write: what a build that goes on uses meanwhile


def _misshapen(settings: Mapping[str, Any], theirs: Iterable[Kind]) -> Iterator[Misshapen]:
    """Each address setting that ``misshapen`` names or takes as its text."""
    for kind in _kinds(settings, theirs):
        if not _written(kind, settings):
            continue
        for which, other in (("URL", "SAVE_AS"), ("SAVE_AS", "URL")):
            name = f"{kind.name}_{which}"
            if name not in settings:
                continue
            given = settings[name]
            if kind.by != "Pelican" and not isinstance(given, str):
                continue  # the plugin's own check says what it must be
            value = _as_read(kind, given)
            paired = settings.get(f"{kind.name}_{other}", _unset(kind, other))
            paired = _as_read(kind, paired)
            stop, problem = _shape(kind, which, value, paired)
            if not problem:
                if value is not given:  # a path Pelican takes: the build holds its text
                    yield Misshapen(kind.name, name, False, "", value)
                continue
            text = str(value) if isinstance(value, PurePath) else value
            fitting = _fitting(kind, which, text, paired)
            fix = f"write {name} = {fitting!r}"
            if which == "SAVE_AS" and kind.name in _NONE_WRITTEN and stop:
                fix += f", or {name} = '' to write {_NONE_WRITTEN[kind.name]}"
            elif not stop:
                fix += " (this build uses it meanwhile)"
            said = problem if f"got {value!r}" in problem else f"{value!r} {problem}"
            message = f"{name} {said}{'; ' if ':' in problem else ': '}{fix}"
            yield Misshapen(kind.name, name, stop, message, fitting)


def misshapen(settings: Mapping[str, Any], theirs: Iterable[Kind] = ()) -> list[Misshapen]:
    """Each address setting of Pelican's (``FILLED_WITH``'s kinds, the listing pages) or of a
    plugin's (``theirs``: ``plugin_kinds``) that cannot be used as written, and each given as
    a path Pelican takes as its text; a build finds them once, at ``initialized``, and hands
    the list to ``addresses_misshapen``, ``addresses_mended`` and ``misshapen_kinds``."""
    return list(_misshapen(settings, theirs))


def addresses_misshapen(found: Iterable[Misshapen]) -> tuple[list[str], list[str]]:
    """(messages that stop the build, messages of addresses Pelican uses wrongly) of
    ``misshapen``'s list: no text, or a key Pelican does not fill, stops it (a traceback, or
    every page at ``/None``); a ``SAVE_AS`` starting or ending with a slash, a ``URL``
    starting with one or empty, every page of the kind unreachable."""
    said = [f for f in found if f.message]
    return [f.message for f in said if f.stops], [f.message for f in said if not f.stops]


def addresses_mended(found: Iterable[Misshapen]) -> dict[str, str]:
    """The value each address setting of ``misshapen``'s list of the wrong shape (a slash
    first, ``""``) or given as a path is to have, by name: a build that goes on uses it, so
    that no post is left out or linked to the home page while the line says what to write
    (Pelican's own lines, one error a post naming no setting, are not said again), and every
    plugin reads a path as the text Pelican makes of it."""
    return {f.name: f.fitting for f in found if not f.stops}


def misshapen_kinds(found: Iterable[Misshapen]) -> frozenset[str]:
    """The kinds (``ARTICLE``) of ``misshapen``'s list that stop the build: the other checks
    of the pair leave them to that line (the others are mended before those checks run)."""
    return frozenset(f.kind for f in found if f.stops)


# The package that brings a Markdown extension's module, where it is not the module's name
PACKAGES = {
    "pymdownx": "pymdown-extensions",
    "mdx_math": "python-markdown-math",
    "markdown_include": "markdown-include",
    "mdx_truly_sane_lists": "mdx-truly-sane-lists",
}


def _missing_module(name: str) -> str | None:
    """The module of ``name`` that cannot be found (``pymdownx`` for ``pymdownx.tasklist``),
    or None when it can."""
    try:
        if importlib.util.find_spec(name) is not None:
            return None
    except ModuleNotFoundError as exc:
        return exc.name or name
    except (ImportError, ValueError):
        return name
    return name


def missing_extensions(markdown: Any) -> list[tuple[str, str]]:
    """(extension, message) for each extension ``MARKDOWN`` names that is not installed:
    neither one of Python-Markdown's registered names (``extra``, ``toc``) nor a module."""
    if not isinstance(markdown, Mapping):
        return []
    named = [*(markdown.get("extension_configs") or {})]
    named += [e for e in markdown.get("extensions") or () if isinstance(e, str)]
    registered: set[str] | None = None
    found = []
    for extension in dict.fromkeys(named):
        module_name = str(extension).split(":")[0]
        missing = _missing_module(module_name)
        if missing is None:
            continue
        if registered is None:  # read only when a name is no module (Markdown's "extra")
            registered = {point.name for point in entry_points(group="markdown.extensions")}
        if module_name in registered:
            continue
        package = PACKAGES.get(missing.split(".")[0], "its package")
        found.append(
            (
                extension,
                f"MARKDOWN extension {extension!r} is not installed (no module named "
                f"{missing!r}): posts are built without it; add {package} to pyproject.toml "
                "and run make lock",
            )
        )
    return found


# The plugins the theme's templates call, with what they give it: a template that uses a filter
# or tag no listed plugin gives stops Jinja on its first page, with a traceback
THEME_PLUGINS: dict[str, str] = {
    "plugins.blogcore": "its filters (isodate, absolute_url) and its memo tag",
    "plugins.i18n": "its language filters (lang_dir, localdate, in_lang) and the theme's words",
}


def theme_plugins_missing(listed: Iterable[str]) -> list[str]:
    """One message for each plugin the theme needs that ``listed`` (the build's PLUGINS)
    leaves out."""
    listed = set(listed)
    return [
        f"PLUGINS leaves out {name!r}: the theme needs {what}; add {name!r} to PLUGINS"
        for name, what in THEME_PLUGINS.items()
        if name not in listed
    ]


def not_loaded(written: Iterable[str], loaded: Iterable[str]) -> list[str]:
    """The ``PLUGINS`` entries as written that Pelican loaded no plugin for (it names a
    namespace plugin ``pelican.plugins.x`` however it was written)."""
    loaded = set(loaded)
    return [
        entry
        for entry in dict.fromkeys(written)
        if entry not in loaded and f"pelican.plugins.{entry}" not in loaded
    ]


def plugins_string(written: str) -> str:
    """The message for a string given as ``PLUGINS``, which Pelican puts back to its default
    (no plugin of this site's loaded, the engine's checks neither)."""
    entries = [entry.strip() for entry in written.replace(",", " ").split() if entry.strip()]
    return (
        f"PLUGINS must be a list, got {written!r}: Pelican ignores a string here, so no plugin "
        f"of this site's was loaded and none of their checks ran; write PLUGINS = {entries!r}"
    )


def names_no_plugin(entry: str) -> bool:
    """Whether a ``PLUGINS`` entry names no module, as written or as ``pelican.plugins.x``."""
    return _missing_module(entry) is not None and (
        _missing_module(f"pelican.plugins.{entry}") is not None
    )


# Pelican's line for a PLUGINS entry it could not load, with the entry and the ImportError
# (pelican/plugins/_utils.py, load_plugins, 4.5 to 4.12): two lines on the console
CANNOT_LOAD = "Cannot load plugin `%s`\n%s"


def unknown_plugins(
    written: Iterable[str], loaded: Iterable[str], known: Iterable[str]
) -> list[tuple[str, str]]:
    """(entry, message) for each ``PLUGINS`` entry as written that no plugin was loaded for
    and that names no module (a module that fails to import is Pelican's own line); ``known``:
    the plugins there are, for "did you mean"."""
    known = sorted(set(known))
    found = []
    for entry in not_loaded(written, loaded):
        if not names_no_plugin(entry):
            continue
        short = {name.removeprefix("pelican.plugins."): name for name in known}
        meant = nearest(entry, known, cutoff=0.75) or short.get(
            nearest(entry, short, cutoff=0.75) or ""
        )
        hint = (
            f" (did you mean {meant!r}?)"
            if meant
            else (
                " (no plugin of that name is installed: one from PyPI goes in pyproject.toml, "
                "then make lock)"
            )
        )
        found.append((entry, f"PLUGINS: no plugin {entry!r}{hint}"))
    return found
