"""Signal receivers connecting the redirects logic to Pelican (the work is in paths.py)."""

import datetime
import logging
import os
from pathlib import Path

from pelican import signals
from pelican.contents import Page
from pelican.utils import slugify

from plugins.blogcore.checks import planned_outputs
from plugins.engine import build, keysyntax, phases, settings_errors, side
from plugins.engine.files import writing
from plugins.engine.side import shown

from . import paths, published
from .settings import (
    DEFAULTS,
    PATTERN_SETTINGS,
    TAXONOMY_PATTERN_SETTINGS,
    SettingsError,
    configure,
)

logger = logging.getLogger(__name__)

KEY = "Redirect_from"
TEMPLATE = "redirect.html"
# In every redirect page's <head>: a later build may replace a page that carries it, never
# another file.
MARKER = '<meta name="generator" content="plugins.redirects">'
FILE_MARKER = (
    "# Written by the redirects plugin from the posts' Redirect_from and the "
    "REDIRECTS_OLD_*_URLS settings: edit those."
)
# The lists of published and hidden posts and pages (Pelican's names); never drafts.
PUBLIC_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "pages",
    "hidden_pages",
)
# The listings whose pages go when their last post does (PAGINATION_PATTERNS' later pages too):
# a published one the build no longer writes is said, not an error.
LISTING_URLS = (
    "CATEGORY_URL",
    "TAG_URL",
    "YEAR_ARCHIVE_URL",
    "MONTH_ARCHIVE_URL",
    "DAY_ARCHIVE_URL",
)


def on_initialized(pelican) -> None:
    """Validate REDIRECTS_* settings; a wrong one stops the build with a clear message."""
    try:
        pelican.settings.update(configure(pelican.settings))
    except SettingsError as exc:
        settings_errors.refuse(pelican.settings, exc)
        return
    # read here, not published: not a file left out by mistake (nor the default's name when
    # the setting names another file, or none)
    settings = pelican.settings
    for mapped in (map_path(settings), map_path({"PATH": settings["PATH"]})):
        if mapped:
            side.claim(settings, mapped)


def on_keys_written(path: str, settings: dict, keys: dict, page: bool) -> list[tuple[int, str]]:
    """A post or page the reader refuses: each old path of its Redirect_from checked as a
    published one's is, said with its others (a draft gets no redirects: not read); each
    well-formed one kept, to be said if a page or another post has it (``on_content_final``)."""
    value = keys.get("redirect_from")
    if not value or str(keys.get("status", "")).strip().lower() == "draft":
        return []
    siteurl, hosts = settings.get("SITEURL", ""), settings["REDIRECTS_OLD_HOSTS"]
    claims = []
    for text in paths.split_value(value):
        try:
            claims.append(paths.Wanted(paths.parse(text, siteurl, hosts), path, ""))
        except paths.PathError:
            continue  # said now, by value_problems
    if claims:  # whose each old path is, is known once every address is (on_content_final)
        state = build.current(settings).state(__package__)
        state.unread = [*getattr(state, "unread", ()), claims]
    return [
        (logging.ERROR, f"{KEY} {said}") for said in paths.value_problems(value, siteurl, hosts)
    ]


def _public_items(generators) -> list:
    """Every published or hidden post and page that is written, each once, oldest first."""
    seen, items = set(), []
    for generator in generators:
        for name in PUBLIC_LISTS:
            for item in getattr(generator, name, None) or []:
                if id(item) in seen or not getattr(item, "save_as", ""):
                    continue
                if getattr(item, "status", "") not in ("published", "hidden"):
                    continue  # a draft's old URL would tell that it exists
                seen.add(id(item))
                items.append(item)

    def order(item) -> tuple:
        date = getattr(item, "date", None)
        stamp = date.timestamp() if isinstance(date, datetime.datetime) else float("inf")
        return (stamp, isinstance(item, Page), item.source_path)  # pages after posts

    return sorted(items, key=order)


def _gallery_pages(context: dict) -> list:
    """The galleries whose page readers may see (plugins/galleries' ``galleries`` in the
    context: each has its gallery.md's keys as ``metadata``, its ``source_path``, ``url`` and
    ``save_as``, and ``public``: not a draft, not dated in the future)."""
    found = [
        gallery
        for gallery in (context.get("galleries") or {}).values()
        if getattr(gallery, "public", False)
        and getattr(gallery, "photos", None)
        and getattr(gallery, "save_as", "")
    ]
    return sorted(found, key=lambda gallery: gallery.source_path)


def _taken(generators, settings) -> dict[str, str]:
    """Each output file the site writes itself -> who writes it, as staff know it."""
    taken: dict[str, str] = {}
    for claim in planned_outputs(generators, settings):
        path = paths.normalise_output(claim.path)
        if path:
            taken.setdefault(path, claim.owner)
    # files written at the end of the build, and the theme's folder
    for setting, owner in (
        ("REDIRECTS_FILE", "the redirects file (REDIRECTS_FILE)"),
        ("CSP_HEADERS_SAVE_AS", "the headers file (CSP_HEADERS_SAVE_AS)"),
    ):
        if settings.get(setting):
            taken.setdefault(paths.normalise_output(settings[setting]), owner)
    theme = paths.normalise_output(settings.get("THEME_STATIC_DIR") or "")
    if theme:
        taken.setdefault(theme + "/", "the theme's files (THEME_STATIC_DIR)")
    return taken


def _own(item, old: paths.OldPath) -> bool:
    """An old address that is the item's address here too: links reach it as they are."""
    return bool(old.output) and old.output == paths.normalise_output(item.save_as)


def _target(item) -> str:
    return "/" + item.url.lstrip("/")


def _redirect_from_claims(items, settings) -> list[paths.Wanted]:
    """Each item's own Redirect_from, read; a mistake is one error line."""
    wanted = []
    for item in items:
        value = item.metadata.get("redirect_from")
        if not value:
            continue
        owner = shown(settings, item.source_path)
        for text in paths.split_value(value):
            try:
                old = paths.parse(
                    text, settings.get("SITEURL", ""), settings["REDIRECTS_OLD_HOSTS"]
                )
            except paths.PathError as exc:
                logger.error("%s: %s %s", owner, KEY, exc)
                continue
            if not _own(item, old):
                # its own address (a Jekyll page's permalink: /about/, read as an old one):
                # links to it reach it as they are, nothing to redirect
                wanted.append(paths.Wanted(old, owner, _target(item), item))
    return wanted


def _pattern_claims(items, settings) -> list[paths.Wanted]:
    """The old address each of the old site's URL patterns gives each published item.

    Hidden items, drafts and future posts get none (an old address must not tell that they
    exist). A field some items lack (a typo, ``{foo}``), or a value that makes no path, is one
    line for the pattern.
    """
    wanted: list[paths.Wanted] = []
    lacking: dict[tuple[str, str], list[str]] = {}
    failed: dict[str, list[tuple[str, str]]] = {}
    for item in items:
        if getattr(item, "status", "") != "published":
            continue
        translation = not getattr(item, "in_default_lang", True)
        setting = PATTERN_SETTINGS[isinstance(item, Page), translation]
        if not settings[setting]:
            continue
        owner = shown(settings, item.source_path)
        fields = item.url_format  # what Pelican formats ARTICLE_URL with
        for pattern in settings[setting]:
            source = f"{setting} {pattern!r}"
            try:
                old = paths.parse(paths.old_address(pattern, fields))
            except KeyError as exc:
                lacking.setdefault((source, str(exc.args[0])), []).append(owner)
                continue
            except (AttributeError, IndexError, TypeError, ValueError) as exc:
                failed.setdefault(source, []).append((owner, str(exc)))
                continue
            if not _own(item, old):
                wanted.append(paths.Wanted(old, owner, _target(item), item, source))
    for (source, field), owners in lacking.items():
        logger.error("%s", paths.lacking_field(source, field, owners))
    for source, failures in failed.items():
        logger.error(
            "%s gives no old address for %s (%s: %s)",
            source,
            paths.listed([owner for owner, _ in failures]),
            *failures[0],
        )
    return wanted


def _listing_claims(context: dict, settings) -> list[paths.Wanted]:
    """The old address each of the old site's listing patterns (REDIRECTS_OLD_CATEGORY_URLS,
    _TAG_, _AUTHOR_) gives the first page of each category, tag and person this build
    writes a page for (their fields are checked at start-up)."""
    wanted = []
    for setting, (listing, save_as) in TAXONOMY_PATTERN_SETTINGS.items():
        if not settings[setting] or not settings.get(save_as):
            continue
        kind = setting.split("_")[2].lower()
        for wrapper, _ in context.get(listing) or ():
            owner = f"the {kind} {wrapper.name!r}"
            fields = wrapper.as_dict()
            for pattern in settings[setting]:
                try:
                    old = paths.parse(paths.old_address(pattern, fields))
                except (
                    paths.PathError,
                    AttributeError,
                    IndexError,
                    KeyError,
                    TypeError,
                    ValueError,
                ) as exc:
                    logger.error(
                        "%s %r gives no old address for %s (%s)", setting, pattern, owner, exc
                    )
                    continue
                if not _own(wrapper, old):
                    source = f"{setting} {pattern!r}"
                    wanted.append(paths.Wanted(old, owner, _target(wrapper), wrapper, source))
    return wanted


def map_path(settings) -> str:
    """REDIRECTS_MAP's file: within the content folder (or absolute), or "" when it is off."""
    name = settings.get("REDIRECTS_MAP", DEFAULTS["REDIRECTS_MAP"]) or ""
    return os.path.join(settings["PATH"], name) if name else ""


def _map_claims(settings, taken: dict[str, str]) -> list[paths.Wanted]:
    """The REDIRECTS_MAP file's lines, each an old address and the site path it leads to (an
    old blog's category page and the category page here); a line that is not one, or that
    leads to no page of this build, is one error line naming the file and the line."""
    source = map_path(settings)
    if not source or not os.path.isfile(source):
        return []
    name = shown(settings, source)
    try:
        with open(source, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        said = exc.strerror if isinstance(exc, OSError) else "it is not UTF-8 text"
        logger.error("%s cannot be read (%s): REDIRECTS_MAP's redirects not made", name, said)
        return []
    lines, problems = paths.read_map(text)
    for number, problem in problems:
        logger.error("%s: line %d: %s", name, number, problem)
    wanted = []
    for number, text, target in lines:
        try:
            old = paths.parse(text, settings.get("SITEURL", ""), settings["REDIRECTS_OLD_HOSTS"])
        except paths.PathError as exc:
            logger.error("%s: line %d: %s", name, number, exc)
            continue
        if paths.page_output(target) not in taken:
            logger.error(
                "%s: line %d: %s leads to %s, which this build does not write: write the "
                "address of one of the site's pages there, or remove the line",
                name,
                number,
                old.shown(),
                target,
            )
            continue
        wanted.append(paths.Wanted(old, name, target, line=number))
    return wanted


def on_content_final(generators) -> None:
    """Every URL is known: read each Redirect_from and the old URL patterns, report
    mistakes, keep the plan. A post's own Redirect_from comes before any pattern's address."""
    if not generators:
        return
    settings = generators[0].settings
    items = _public_items(generators)
    # a gallery's gallery.md may list its old addresses too (a renamed folder); no pattern
    # gives a gallery one: the old site's patterns were its posts' and pages'
    galleries = _gallery_pages(generators[0].context)
    # REDIRECTS_MAP's lines last: an address a post keeps is the post's
    taken = _taken(generators, settings)
    wanted = _redirect_from_claims(items + galleries, settings) + _pattern_claims(items, settings)
    wanted += _listing_claims(generators[0].context, settings)
    kept, refused = paths.plan(wanted + _map_claims(settings, taken), taken, KEY)
    for refusal in paths.folded(refused):
        logger.log(logging.ERROR if refusal.error else logging.WARNING, "%s", refusal.message)
    state = build.current(settings).state(__package__)
    # a post the reader refused (on_keys_written): an old path a page or another post has,
    # said as a read post's is; it keeps none, so it is checked against what is kept, alone
    for claims in getattr(state, "unread", ()):
        for refusal in paths.plan(kept + claims, taken, KEY)[1]:
            logger.log(logging.ERROR if refusal.error else logging.WARNING, "%s", refusal.message)
    state.kept = kept
    state.env = generators[0].env
    state.context = generators[0].context
    # what an old address may still show is read only by on_published, against
    # REDIRECTS_PUBLISHED: each title slugified for nothing in other builds (make serve's
    # rebuild at 2,000 posts: about 0.2 s of CPU)
    state.known = (
        [_known(item, settings) for item in items] if settings["REDIRECTS_PUBLISHED"] else []
    )
    if not settings["REDIRECTS_FILE"]:
        _say_unredirected(kept)


def _known(item, settings) -> published.Known:
    """What an old address of this item may still show: its slug, file name, title."""
    title = slugify(
        str(getattr(item, "title", "") or ""),
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
    )
    names = (str(getattr(item, "slug", "") or ""), Path(item.source_path).stem, title)
    # the owner as a path that knows its keys' syntax (TOML in a +++ post), for the line's key
    owner = keysyntax.as_written(shown(settings, item.source_path), item.metadata)
    return published.Known(owner, tuple(n for n in names if n))


def on_published(pelican) -> None:
    """A publish build with REDIRECTS_PUBLISHED: each address of the published site's sitemap
    that this build writes no file for (no page, no redirect page) is one error line."""
    settings = pelican.settings
    source = settings.get("REDIRECTS_PUBLISHED")
    if not source:
        return
    name = shown(settings, source)
    if not os.path.isfile(source):
        logger.info(
            "REDIRECTS_PUBLISHED: no %s (no site published yet, or not fetched): published "
            "addresses not compared",
            name,
        )
        return
    try:
        with open(source, "rb") as handle:
            data = handle.read()
        old = published.read_sitemap(data, paths.site_prefix(settings.get("SITEURL", "")))
    except (OSError, published.SitemapError) as exc:
        said = exc.strerror if isinstance(exc, OSError) else str(exc)
        logger.error(
            "REDIRECTS_PUBLISHED %s %s: published addresses not compared (fetch it again, or "
            "set REDIRECTS_PUBLISHED = '' for this build)",
            name,
            said if isinstance(exc, published.SitemapError) else f"cannot be read ({said})",
        )
        return
    root = Path(pelican.output_path)
    missing = published.gone(
        old, lambda output: (root / output).is_file(), settings["REDIRECTS_REMOVED"]
    )
    is_listing = published.listings(
        (settings.get(setting) or "" for setting in LISTING_URLS),
        (rule[1] for rule in settings.get("PAGINATION_PATTERNS") or ()),
    )
    known = getattr(build.current(settings).state(__package__), "known", None) or []
    listings = [path for path in missing if is_listing(path)]
    for path in missing:
        if not is_listing(path):
            logger.error("%s", published.message(path, published.suspects(path, known)))
    if listings:
        logger.info(
            "%d published listing page(s) no longer written, as no post is listed there now "
            "(%s): not an error; a post's Redirect_from can keep one",
            len(listings),
            paths.listed(listings, 5),
        )


def _say_unredirected(kept: list[paths.Wanted]) -> None:
    """Old URLs only a _redirects line could serve, with REDIRECTS_FILE off: one line for each
    Redirect_from, one for each pattern."""
    patterns: dict[str, list[paths.Wanted]] = {}
    for claim in kept:
        if claim.old.output is not None:
            continue
        if claim.source:
            patterns.setdefault(claim.source, []).append(claim)
            continue
        logger.warning(
            "%s %s is not redirected: a static host serves no page of its own "
            "there, and REDIRECTS_FILE is off",
            claim.said(KEY),
            claim.old.shown(),
        )
    for source, claims in patterns.items():
        logger.warning(
            "%s: %s are not redirected: a static host serves no page of its own there, and "
            "REDIRECTS_FILE is off",
            source,
            paths.listed([c.old.shown() for c in claims]),
        )


def _write_page(root: Path, claim: paths.Wanted, template, context: dict, siteurl: str) -> bool:
    """Write one redirect page; False (said in one line) when it cannot be."""
    output = claim.old.output
    target = root / output
    if target.exists() and (
        not target.is_file() or MARKER not in target.read_text("utf-8", errors="replace")
    ):
        logger.error(
            "%s %s is the address of a file the site writes itself (%s); a redirect "
            "never replaces it (%s)",
            claim.said(claim.source or KEY),
            claim.old.shown(),
            output,
            "leave the pattern out"
            if claim.source
            else "remove that line"
            if claim.line
            else f"remove it from {KEY}",
        )
        return False
    item = claim.item
    html = template.render(
        {
            **context,
            "output_file": output,
            "redirect_url": siteurl + claim.target,
            # a post's title, a category's or person's name
            "redirect_title": getattr(item, "title", "")
            or getattr(item, "name", "")
            or claim.target,
            "redirect_lang": getattr(item, "lang", None) or context.get("DEFAULT_LANG", "en"),
            "redirect_marker": MARKER,
        }
    )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with writing(target):  # a full disk: the error names the page
            target.write_text(html, encoding="utf-8")
    except OSError as exc:
        logger.error(
            "%s %s could not be written (%s)",
            claim.said(claim.source or KEY),
            claim.old.shown(),
            exc,
        )
        return False
    return True


def on_finalized(pelican) -> None:
    """Write the redirect pages and the _redirects file, once every real page is written."""
    settings = pelican.settings
    state = build.current(settings).state(__package__)
    kept = getattr(state, "kept", None)
    if kept is None:
        return
    root = Path(pelican.output_path)
    siteurl = settings.get("SITEURL", "")
    pages = [claim for claim in kept if claim.old.output is not None]
    written = []
    if pages:
        template = state.env.get_template(TEMPLATE)
        for claim in pages:
            if _write_page(root, claim, template, state.context, siteurl):
                written.append(claim.old.output)
    # an incremental build (make serve) removes a page no Redirect_from asks for any more
    phases.files_written.send(pelican, settings=settings, paths=written)
    name = settings["REDIRECTS_FILE"]
    if not name:
        return
    target = root / name
    theirs = target.read_text(encoding="utf-8") if target.is_file() else ""
    lines = paths.redirects_lines(kept, settings["REDIRECTS_STATUS"], paths.site_prefix(siteurl))
    text = paths.redirects_file(lines, theirs, FILE_MARKER)
    if text:
        target.parent.mkdir(parents=True, exist_ok=True)
        with writing(target):  # a full disk: this file, not this line
            target.write_text(text, encoding="utf-8")
        phases.files_written.send(pelican, settings=settings, paths=[name])
    elif target.is_file():  # only our rules of an earlier build (make serve), none now
        target.unlink()


def register() -> None:
    """Connect the redirects receivers."""
    build.register(
        __package__,
        [
            (signals.initialized, on_initialized),
            (phases.content_final, on_content_final),
            (phases.output_written, on_finalized),
            (phases.output_final, on_published),
            (phases.keys_written, on_keys_written),
        ],
    )
