"""Every blogcore setting with its default, and their validation."""

import difflib
import hashlib
import os
import re
from collections.abc import Callable
from typing import Any

from plugins.engine import origin
from plugins.engine.config import merge

from .dates import read_zone

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
    # Front-matter keys kept on purpose in posts and pages (another tool reads them: an old
    # theme's Version, a search tool's Keywords), as written, such as ["Version", "Pagetitle"]:
    # no "unknown key ... is ignored" line for them. Any other key no one reads is one line
    # per key for the build once more than four files have it (docs/front-matter.md).
    "BLOGCORE_KEPT_KEYS": [],
    # Publish comments saved as data files (Staticman's YAML or JSON: each a commenter's name
    # and message, often an e-mail hash) that STATIC_PATHS names, as raw files. False leaves
    # them out of the site, with a line naming them (an error in a publish build).
    "BLOGCORE_PUBLISH_COMMENT_DATA": False,
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
# the bundles every page of the theme links (theme/templates/base.html), whatever the settings
THEME_BUNDLES = ("css", "js")

# The Markdown extensions the engine and its theme need, with their configs: kept whatever
# Pelican's MARKDOWN says (markdown_settings). Python-Markdown's own, by their full names.
ENGINE_MARKDOWN: dict[str, dict[str, Any]] = {
    # tables, fenced code, footnotes, attribute lists, definition lists, abbreviations
    "markdown.extensions.extra": {},
    # code colours as the theme styles them (.highlight), never guessed
    "markdown.extensions.codehilite": {"css_class": "highlight", "guess_lang": False},
    # ids on headings, for links to a section
    "markdown.extensions.toc": {"permalink": False},
    # a post's top headings are <h2> under the page's <h1> title, none skipped (headings.py)
    "plugins.blogcore.headings": {},
    # quotes, dashes and ellipses: the engine's typography (TYPOGRIFY stays off)
    "markdown.extensions.smarty": {},
    # !!! note "Title" boxes (theme/assets/css: .admonition; callouts.py makes them too)
    "markdown.extensions.admonition": {},
}


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
        "BLOGCORE_PUBLISH_COMMENT_DATA",
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
    check_kept_keys(merged["BLOGCORE_KEPT_KEYS"])
    # each bundle given replaces the theme's bundle of that name; the others stay (a site that
    # gave only "css", to add its own stylesheet, lost all the site's JavaScript)
    given = merged["BLOGCORE_BUNDLES"]
    merged["BLOGCORE_BUNDLES"] = {**DEFAULTS["BLOGCORE_BUNDLES"], **given}
    check_bundle_files(merged["BLOGCORE_BUNDLES"], settings.get("THEME"), given)
    check_siteurl(settings.get("SITEURL"), merged["BLOGCORE_STRICT"])
    check_timezone(settings.get("TIMEZONE"))
    merged["DOCUTILS_SETTINGS"] = docutils_settings(settings.get("DOCUTILS_SETTINGS"))
    if "STATIC_PATHS" in settings:
        for kind in ("ARTICLE", "PAGE"):
            merged[f"{kind}_EXCLUDES"] = static_excludes(
                settings["STATIC_PATHS"],
                settings.get(f"{kind}_PATHS"),
                settings.get(f"{kind}_EXCLUDES"),
                lambda folder: folder_holds_posts(settings.get("PATH"), folder),
            )
    return merged


def check_kept_keys(kept: Any) -> None:
    """BLOGCORE_KEPT_KEYS: front-matter keys as written before their colon, none of them a key
    this site reads (listed, it would still be read, and a typo of it would go unsaid) nor one
    other engines read for what this site does not do (its posts would go out without it)."""
    from .frontmatter import KNOWN_KEYS, NOT_DONE_HERE  # loaded only when used

    if not isinstance(kept, list | tuple | set | frozenset):
        raise SettingsError(
            f"BLOGCORE_KEPT_KEYS must be a list of front-matter keys such as "
            f"['Version', 'Pagetitle'], got {kept!r}"
        )
    problems = []
    for key in kept:
        if not isinstance(key, str) or not key.strip() or key.strip() != key or key.endswith(":"):
            problems.append(
                f"BLOGCORE_KEPT_KEYS: {key!r} is not a front-matter key as written before its "
                "colon, such as 'Version'"
            )
        elif key.lower() in KNOWN_KEYS:
            problems.append(
                f"BLOGCORE_KEPT_KEYS lists {key!r}, a key this site reads (docs/front-matter.md):"
                " remove it from the list"
            )
        elif key.lower() in NOT_DONE_HERE:
            # Noindex: the writer expects the post kept out of search engines, which no build
            # does; the key's own line in each post says what to write instead
            problems.append(
                f"BLOGCORE_KEPT_KEYS lists {key!r}, a key other engines read for what this site "
                "does not do (docs/front-matter.md): remove it from the list; its line in each "
                "post says what to write instead"
            )
    if problems:
        raise SettingsError("\n".join(problems))


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
    zone, hint = read_zone(name)
    if zone is not None:
        return
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
        if bundle.get("when") and name in THEME_BUNDLES:
            raise SettingsError(
                f"{where}['when']: every page of the theme links the {name} bundle "
                "(theme/templates/base.html), so it is built in every build; remove 'when'"
            )


def check_bundle_files(bundles: dict[str, Any], theme: Any, given: Any = ()) -> None:
    """Every file of every bundle is in the theme's ``assets/`` folder (webassets' own error
    named only its own line). A file of a bundle the site gave is named with the nearest file
    there; a theme without the files of the engine's own bundles (``THEME = "simple"``) is one
    line: this engine's templates and plugins need its own theme."""
    if not isinstance(theme, str) or not theme:
        return
    assets = os.path.join(theme, "assets")
    present = sorted(
        os.path.relpath(os.path.join(folder, name), assets).replace(os.sep, "/")
        for folder, _, names in os.walk(assets)
        for name in names
    )
    problems = []
    for name, bundle in bundles.items():
        for wanted in bundle["contents"]:
            if os.path.isfile(os.path.join(assets, wanted)):
                continue
            if name not in given or not present:
                raise SettingsError(
                    f"THEME {origin.shown(theme)!r} has no assets/{wanted} (of "
                    f"BLOGCORE_BUNDLES[{name!r}]): this site's templates and plugins need the "
                    "project's own theme (THEME = 'theme'), or a copy of it"
                )
            close = difflib.get_close_matches(wanted, present, n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problems.append(
                f"BLOGCORE_BUNDLES[{name!r}]['contents']: {wanted!r} is not in "
                f"{origin.shown(assets)}/{hint}"
            )
    if problems:
        raise SettingsError("\n".join(problems))


def typogrify_problem(value: Any) -> str | None:
    """Pelican's TYPOGRIFY stays off. The engine's typography is Python-Markdown's smarty
    (quotes, dashes, ellipses: ENGINE_MARKDOWN); typogrify also made every title HTML
    (``<span class="caps">CI</span>``, ``&nbsp;``), which the theme rightly shows as text in
    the <h1>, <title>, feeds and social cards, and without typogrify installed every file was
    an error, then a traceback. The message when it is on, else None."""
    if not value:
        return None
    return (
        f"TYPOGRIFY must be False, got {value!r}: this site's Markdown already sets quotes, "
        "dashes and ellipses (smarty), and typogrify's HTML in titles would show as text "
        "in every page's title, feed and social card"
    )


def _extension_name(extension: Any) -> str | None:
    """A Markdown extension's module as a full name: ``"toc"``,
    ``"markdown.extensions.toc"``, ``"markdown.extensions.toc:TocExtension"`` and a
    ``TocExtension()`` are all ``markdown.extensions.toc``; None for what is none of these."""
    if isinstance(extension, str):
        name = extension.split(":", 1)[0]
        return name if "." in name else f"markdown.extensions.{name}"
    module = type(extension).__module__
    return None if module == "builtins" else module


def markdown_settings(given: Any) -> dict[str, Any]:
    """Pelican's MARKDOWN with the extensions the engine needs (ENGINE_MARKDOWN) kept.

    A site that replaced the dict (Pelican's documented way to add an extension) lost the
    heading rule, admonitions, heading ids and smart quotes without a word. The site's own
    extensions and options stay; an engine extension the site names (by any of its names) is
    listed once, under its full name, the site's options over the engine's; one the site
    gives as an object is the site's, as given.
    """
    given = dict(given) if isinstance(given, dict) else {}
    configs = given.get("extension_configs")
    configs = dict(configs) if isinstance(configs, dict) else {}
    extensions = list(given.get("extensions") or ())
    merged_configs: dict[str, Any] = {}
    for name, config in configs.items():
        full = _extension_name(name)
        if full in ENGINE_MARKDOWN:
            own = config if isinstance(config, dict) else {}
            merged_configs[full] = {**merged_configs.get(full, {}), **own}
        else:
            merged_configs[name] = config
    listed: list[Any] = []
    as_objects = set()
    for extension in extensions:
        full = _extension_name(extension)
        if full not in ENGINE_MARKDOWN:
            listed.append(extension)
        elif not isinstance(extension, str):
            as_objects.add(full)
            listed.append(extension)
        elif full not in listed:
            listed.append(full)
    for name, config in ENGINE_MARKDOWN.items():
        if name in as_objects:
            merged_configs.pop(name, None)
            continue
        merged_configs[name] = {**config, **merged_configs.get(name, {})}
        if name not in listed:
            listed.append(name)
    # an extension given as an object is not loaded again by its name
    listed = [e for e in listed if not (isinstance(e, str) and e in as_objects)]
    # what only the options name is loaded too, as Pelican's reader loads it
    listed += [name for name in merged_configs if name not in listed and name not in as_objects]
    return {**given, "extensions": listed, "extension_configs": merged_configs}


def _folder(path: str) -> str:
    """A content folder as the path settings write it, "" for the content folder itself."""
    folder = path.replace("\\", "/").strip("/")
    return "" if folder == "." else folder


def static_excludes(
    static: Any, paths: Any, excludes: Any, holds_posts: Callable[[str], bool] = lambda _: False
) -> list[str]:
    """``excludes`` (ARTICLE_EXCLUDES or PAGE_EXCLUDES) with each static folder inside one of
    ``paths`` (ARTICLE_PATHS or PAGE_PATHS) added, as Pelican users expect of STATIC_PATHS.

    ``pelicanconf.py`` once wrote ``ARTICLE_EXCLUDES = list(STATIC_PATHS)``: a folder added to
    STATIC_PATHS below that line (``downloads``) was read as posts, its files errors and not
    published. A static folder that is or holds one of ``paths`` (``STATIC_PATHS = ["posts"]``
    for pictures beside posts), or that ``holds_posts`` (an old site's ``content/2013/``, its
    pictures beside its posts, under ``ARTICLE_PATHS = [""]``), stays read: Pelican copies only
    its files that are not posts.
    """
    kept = list(excludes) if isinstance(excludes, list | tuple) else []
    if not isinstance(static, list | tuple) or not isinstance(paths, list | tuple):
        return kept
    folders = [_folder(p) for p in paths if isinstance(p, str)]
    for path in static:
        if not isinstance(path, str) or path in kept:
            continue
        folder = _folder(path)
        inside = any(p == "" or folder.startswith(f"{p}/") for p in folders)
        holds = any(folder == "" or p == folder or p.startswith(f"{folder}/") for p in folders)
        if inside and not holds and not holds_posts(folder):
            kept.append(path)
    return kept


def folder_holds_posts(content: Any, folder: str) -> bool:
    """Whether ``folder`` of the content folder holds two or more Markdown or reST files with
    a title and a date: posts, which an old site listed in STATIC_PATHS for the pictures
    beside them. One alone is a draft saved among the pictures by mistake: left out, named."""
    from .frontmatter import scan_header  # its readers' modules are loaded only when used
    from .links import SOURCE_EXTENSIONS

    if not isinstance(content, str) or not folder:
        return False
    endings = tuple(f".{ext}" for ext in SOURCE_EXTENSIONS)
    posts = 0
    for root, _dirs, files in os.walk(os.path.join(content, folder)):
        for name in files:
            if not name.lower().endswith(endings):
                continue
            try:
                with open(os.path.join(root, name), encoding="utf-8", errors="replace") as f:
                    keys = {key.lower() for key, *_ in scan_header(f.read(4096)).keys}
            except OSError:
                continue
            posts += {"title", "date"} <= keys
            if posts >= 2:
                return True
    return False


# The sample site's name, in the settings it ships with (pelicanconf.py, publishconf.py's
# SITEURL): an adopted site that set its own SITENAME and left one of these published the
# sample's company as its own, with no line
SAMPLE_NAME = "Tessellate"
# the sample's DEFAULT_CATEGORY (pelicanconf.py): another value is the site's own choice, made
# after the adopted posts' line asked for the old site's (Pelican's "misc", or its own)
SAMPLE_DEFAULT_CATEGORY = "General"
# each setting the sample names itself in, and where a reader meets it
SAMPLE_TEXTS = {
    "SITE_TAGLINE": "the line under the site's name on every page",
    "SITE_DESCRIPTION": "the home page's introduction and every page's meta description",
    "SITE_ORGANISATION": "the footer's © line and the publisher in every post's JSON-LD",
    "SITEURL": "every canonical link, feed entry and sitemap address",
}
# a setting that sends readers to the sample's own server: what it does, and what to do
SAMPLE_SERVERS = {
    "COMMENTS_ISSO_URL": (
        "every post's comment thread would load from Tessellate's comment server, and readers' "
        "comments would be sent there",
        "set it to your Isso server's address (the environment variable COMMENTS_ISSO_URL, "
        'or publishconf.py), or set COMMENTS_PROVIDER = "none" in pelicanconf.py for no '
        "comments (docs/comments.md)",
    ),
}
# the comments plugin's default provider, the one COMMENTS_ISSO_URL is for
ISSO_PROVIDER = "isso"


# The sample's two files the settings name (docs/adopting.md, step 1 says to keep them or put
# the old site's own in their place), by their SHA-256: kept as they are on an adopted site,
# every shared link showed "The Tessellate Blog" card and every browser tab its logo
SAMPLE_FILES = {
    "58ca63b699cd8ad52f8b0724cec44786fa0e714551bcb03b21a91cc604c0487c": (
        "social card ('The Tessellate Blog')",
        "every page without a picture of its own shows it where it is shared "
        "(BLOGCORE_DEFAULT_IMAGE); put your site's card there (1200×630), point "
        'BLOGCORE_DEFAULT_IMAGE at another picture, or set it to ""',
    ),
    "2e7a33b2f31f7602832c66de581de7235ce96ff8b06c0c7e7807013b0f5e3035": (
        "favicon (Tessellate's logo)",
        "every browser tab and bookmark shows it; put your site's icon there, or delete it "
        "(the theme's plain icon is published in its place)",
    ),
}


def names_another_site(settings: Any) -> bool:
    """Whether SITENAME names a site of its own, not the sample's: an adopted one."""
    name = settings.get("SITENAME")
    return (
        isinstance(name, str)
        and bool(name.strip())
        and SAMPLE_NAME.casefold() not in (name.casefold())
    )


def sample_files(settings: Any) -> list[tuple[str, str]]:
    """Each of the sample's own files (SAMPLE_FILES) a site whose SITENAME is not the sample's
    still publishes as its social card or favicon: its path and what to say of it."""
    if not names_another_site(settings):
        return []
    name = settings["SITENAME"]
    content = settings.get("PATH") or ""
    image = settings.get("BLOGCORE_DEFAULT_IMAGE")
    named = [image] if isinstance(image, str) and image and "://" not in image else []
    mapped = settings.get("EXTRA_PATH_METADATA") or {}
    named += [src for src, meta in mapped.items() if (meta or {}).get("path") == "favicon.svg"]
    lines = []
    for relpath in dict.fromkeys(path.lstrip("/") for path in named):
        try:
            with open(os.path.join(content, relpath), "rb") as f:
                digest = hashlib.sha256(f.read()).hexdigest()
        except OSError:
            continue  # a missing card is named by its own line
        if digest in SAMPLE_FILES:
            what, effect = SAMPLE_FILES[digest]
            lines.append(
                (
                    os.path.join(content, relpath),
                    f"is still the sample's {what} while SITENAME is {name!r}: {effect} "
                    "(docs/adopting.md, 1. Copy the content)",
                )
            )
    return lines


def sample_texts(settings: Any) -> list[str]:
    """One line for each setting that still names the sample site while SITENAME names
    another (an adopted site published with the sample's tagline, description, © line,
    address or comment server); none while SITENAME is the sample's own."""
    if not names_another_site(settings):
        return []
    name, sample = settings["SITENAME"], SAMPLE_NAME.casefold()
    lines = []
    for key, shown in SAMPLE_TEXTS.items():
        value = settings.get(key)
        texts = value.values() if isinstance(value, dict) else [value]
        if any(isinstance(text, str) and sample in text.casefold() for text in texts):
            lines.append(
                f"{key} still names {SAMPLE_NAME}, the sample site, while SITENAME is "
                f"{name!r}: {shown} would say {SAMPLE_NAME}; set it to your site's "
                "(docs/adopting.md, The site's own name)"
            )
    if settings.get("COMMENTS_PROVIDER", ISSO_PROVIDER) == ISSO_PROVIDER:
        for key, (effect, advice) in SAMPLE_SERVERS.items():
            value = settings.get(key)
            if isinstance(value, str) and sample in value.casefold():
                lines.append(
                    f"{key} still names {SAMPLE_NAME}, the sample site, while SITENAME is "
                    f"{name!r}: {effect}; {advice}"
                )
    return lines
