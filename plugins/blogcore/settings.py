"""Every blogcore setting with its default, and their validation."""

import difflib
import re
import zoneinfo
from typing import Any

from plugins.engine.config import merge

DEFAULTS: dict[str, Any] = {
    # Reading speed used for the "N min read" line.
    "BLOGCORE_WORDS_PER_MINUTE": 230,
    # Exit non-zero when any error was logged during the build (publish builds).
    "BLOGCORE_STRICT": False,
    # Image (path under SITEURL) for social cards when an article has none of its own.
    "BLOGCORE_DEFAULT_IMAGE": "",
    # Where the sitemap of every indexable page goes ("" for none).
    "BLOGCORE_SITEMAP": "sitemap.xml",
    # Keep compiled templates in CACHE_PATH/jinja between builds (Jinja checks each
    # template's source, so an edited template is compiled again).
    "BLOGCORE_TEMPLATE_CACHE": True,
    # Let templates reuse a fragment rendered once per build ({% memo key %}...{% endmemo %}),
    # such as a post's card on every listing that shows it. False renders each one every time.
    "BLOGCORE_TEMPLATE_MEMO": True,
    # The theme's CSS and JS bundles (webassets, once per build): name -> output under
    # THEME_STATIC_DIR (with %(version)s, the content hash), the theme's static files merged
    # in this order, and optionally "when": a setting that must be true for it to be built.
    # Templates link them as {{ SITEURL }}/{{ bundles.css }}.
    "BLOGCORE_BUNDLES": {
        "css": {
            "output": "css/site.%(version)s.min.css",
            "contents": [
                "css/tokens.css",
                "css/base.css",
                "css/layout.css",
                "css/components.css",
                "css/home.css",
                "css/series.css",
                "css/team.css",
                "css/related.css",
                "css/comments.css",
                "css/gallery.css",
                "css/search.css",
                "css/reach.css",
                "css/print.css",
            ],
        },
        "js": {
            "output": "js/site.%(version)s.min.js",
            "contents": [
                "js/site.js",
                "js/plurals.js",  # before comments.js and search.js, which use it
                "js/comments.js",
                "js/gallery.js",
                "js/search.js",
                "js/share.js",
            ],
        },
        # invoke serve only: the build's problems
        "devserver": {
            "output": "js/devserver.%(version)s.min.js",
            "contents": ["js/devserver.js"],
            "when": "DEVSERVER_OVERLAY",
        },
    },
    # Read Markdown with the accelerations of compat.py (one converter reused, inline patterns
    # skipped where they cannot match; the same HTML). False, or a Pelican, Markdown or Python
    # version they were not tested on: Pelican's own reading, a new stock converter per file.
    "BLOGCORE_ACCELERATE": True,
}

# The theme's own settings: read by theme/templates and by the plugins that write what the
# theme shows (blogcore's JSON-LD, team's pages, i18n's check of the site texts), neither
# Pelican's nor prefixed with a plugin's name. Declared here, with what "not set" means, so
# the engine knows them (a name near one is "unknown setting ... (did you mean ...?)":
# plugins/engine/settings_errors.py); docs/settings.md lists them. Not merged into settings.
THEME_SETTINGS: dict[str, Any] = {
    # The line under the site's name in every page's header; a string, or a dict keyed by
    # language ({"en": ..., "fr": ...}, shown in each page's language). None: no line.
    "SITE_TAGLINE": None,
    # The meta description of pages without a summary of their own, and the home page's
    # introduction; a string or a dict keyed by language, as SITE_TAGLINE. None: none.
    "SITE_DESCRIPTION": None,
    # The organisation behind the blog: publisher in every post's JSON-LD, the footer's
    # copyright line, the team page's introduction. None: SITENAME.
    "SITE_ORGANISATION": None,
    # invoke serve only: include the development server's problems overlay (and build its
    # bundle: BLOGCORE_BUNDLES' "when").
    "DEVSERVER_OVERLAY": False,
}

_BUNDLE_KEYS = {"output", "contents", "when"}


class SettingsError(ValueError):
    """A blogcore setting has a value of the wrong type or range."""


def configure(settings: dict[str, Any]) -> dict[str, Any]:
    """Return blogcore's settings merged over the defaults, validated."""
    merged = merge(settings, "BLOGCORE_", DEFAULTS, SettingsError)
    wpm = merged["BLOGCORE_WORDS_PER_MINUTE"]
    if isinstance(wpm, bool) or not isinstance(wpm, int) or wpm <= 0:
        raise SettingsError(
            f"BLOGCORE_WORDS_PER_MINUTE must be a positive whole number, got {wpm!r}"
        )
    for key in (
        "BLOGCORE_STRICT",
        "BLOGCORE_TEMPLATE_CACHE",
        "BLOGCORE_TEMPLATE_MEMO",
        "BLOGCORE_ACCELERATE",
    ):
        if not isinstance(merged[key], bool):
            raise SettingsError(f"{key} must be True or False, got {merged[key]!r}")
    if not isinstance(merged["BLOGCORE_DEFAULT_IMAGE"], str):
        raise SettingsError(
            "BLOGCORE_DEFAULT_IMAGE must be a path such as 'images/card.png', "
            f"got {merged['BLOGCORE_DEFAULT_IMAGE']!r}"
        )
    if not isinstance(merged["BLOGCORE_SITEMAP"], str):
        raise SettingsError(
            f"BLOGCORE_SITEMAP must be a file name or '', got {merged['BLOGCORE_SITEMAP']!r}"
        )
    _check_bundles(merged["BLOGCORE_BUNDLES"])
    check_siteurl(settings.get("SITEURL"), merged["BLOGCORE_STRICT"])
    check_timezone(settings.get("TIMEZONE"))
    merged["DOCUTILS_SETTINGS"] = docutils_settings(settings.get("DOCUTILS_SETTINGS"))
    return merged


def docutils_settings(given: Any) -> dict[str, Any]:
    """Pelican's DOCUTILS_SETTINGS, with reST's file insertion off unless the site turns it on:
    ``.. include:: /etc/passwd`` (and ``raw``'s and ``csv-table``'s ``:file:`` and ``:url:``)
    published any file of the machine that builds the site, a CI runner's too."""
    if given is not None and not isinstance(given, dict):
        raise SettingsError(f"DOCUTILS_SETTINGS must be a dict, got {given!r}")
    return {"file_insertion_enabled": False, **(given or {})}


_ABSOLUTE = re.compile(r"https?://[^/\s?#]+(/[^\s?#]*)?")


def check_siteurl(siteurl: Any, strict: bool) -> None:
    """Pelican's SITEURL: the site's address with its scheme. A publish build (strict) needs
    one: a host without ``https://`` (``blog.example.com``) or an empty value (a deploy
    variable left unset) made every canonical link, feed entry, social card and sitemap
    address relative, broken wherever they are read, with only Pelican's vague line about
    feeds. A development build may have none (links relative to the site's root) or a path
    (``/blog``), never a bare host."""
    value = "" if siteurl is None else siteurl if isinstance(siteurl, str) else None
    if value is not None and _ABSOLUTE.fullmatch(value):
        return
    if not strict and value is not None and (value == "" or value.startswith("/")):
        return
    example = "https://blog.tessellate.example"
    if isinstance(value, str) and value and not value.startswith(("/", "http:", "https:")):
        example = f"https://{value.strip().strip('/')}"
    why = (
        "links, feeds and the sitemap need the full address"
        if strict
        else "without https:// a browser reads it as a folder of each page"
    )
    raise SettingsError(
        f"SITEURL must be the site's address with https:// (or http://), such as {example!r}, "
        f"got {siteurl!r}: {why}"
    )


def check_timezone(name: Any) -> None:
    """Pelican's TIMEZONE: a name the time zone database knows (a typo was an error for
    every file read, then a traceback, none of them naming the setting)."""
    if name is None:
        return  # Pelican's default (UTC) applies
    try:
        if isinstance(name, str) and name.strip() == name and name:
            zoneinfo.ZoneInfo(name)
            return
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        pass
    known = sorted(zoneinfo.available_timezones())
    close = difflib.get_close_matches(str(name), known, n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise SettingsError(
        f"TIMEZONE must be a time zone name such as 'Europe/London' or 'UTC', got {name!r}{hint}"
    )


def _check_bundles(bundles: Any) -> None:
    """BLOGCORE_BUNDLES: name -> {"output": "css/x.%(version)s.min.css", "contents": [...]}."""
    if not isinstance(bundles, dict):
        raise SettingsError(f"BLOGCORE_BUNDLES must be a dict of bundles, got {bundles!r}")
    for name, bundle in bundles.items():
        where = f"BLOGCORE_BUNDLES[{name!r}]"
        if not isinstance(bundle, dict):
            raise SettingsError(f"{where} must be a dict with output and contents, got {bundle!r}")
        for key in bundle:
            if key not in _BUNDLE_KEYS:
                close = difflib.get_close_matches(str(key), _BUNDLE_KEYS, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise SettingsError(f"{where}: unknown key {key!r}{hint}")
        output = bundle.get("output")
        if not isinstance(output, str) or not output.lower().endswith((".css", ".js")):
            raise SettingsError(
                f"{where}['output'] must be a .css or .js file name such as "
                f"'css/site.%(version)s.min.css', got {output!r}"
            )
        contents = bundle.get("contents")
        if (
            not isinstance(contents, list | tuple)
            or not contents
            or not all(isinstance(f, str) and f for f in contents)
        ):
            raise SettingsError(
                f"{where}['contents'] must be a list of the theme's static files, got {contents!r}"
            )
        if not isinstance(bundle.get("when", ""), str):
            raise SettingsError(f"{where}['when'] must be a setting's name, got {bundle['when']!r}")
