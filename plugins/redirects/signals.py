"""Signal receivers connecting the redirects logic to Pelican (the work is in paths.py)."""

import datetime
import logging
from pathlib import Path

from pelican import signals

from plugins.blogcore.checks import planned_outputs
from plugins.engine import build, phases
from plugins.engine.side import shown

from . import paths
from .settings import SettingsError, configure

logger = logging.getLogger(__name__)

KEY = "Redirect_from"
TEMPLATE = "redirect.html"
# In every redirect page's <head>: a later build may replace a page that carries it, never
# another file.
MARKER = '<meta name="generator" content="plugins.redirects">'
FILE_MARKER = "# Written by the redirects plugin from the posts' Redirect_from: edit those."
# The lists of published and hidden posts and pages (Pelican's names); never drafts.
PUBLIC_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "pages",
    "hidden_pages",
)


def on_initialized(pelican) -> None:
    """Validate REDIRECTS_* settings; a wrong one stops the build with a clear message."""
    try:
        pelican.settings.update(configure(pelican.settings))
    except SettingsError as exc:
        raise SystemExit(f"Settings error: {exc}") from None


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
        return (stamp, not hasattr(item, "category"), item.source_path)

    return sorted(items, key=order)


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


def on_content_final(generators) -> None:
    """Every URL is known: read each Redirect_from, report mistakes, keep the plan."""
    if not generators:
        return
    settings = generators[0].settings
    siteurl = settings.get("SITEURL", "")
    wanted: list[paths.Wanted] = []
    for item in _public_items(generators):
        value = item.metadata.get("redirect_from")
        if not value:
            continue
        owner = shown(settings, item.source_path)
        for text in paths.split_value(value):
            try:
                old = paths.parse(text, siteurl, settings["REDIRECTS_OLD_HOSTS"])
            except paths.PathError as exc:
                logger.error("%s: %s %s", owner, KEY, exc)
                continue
            if old.output and old.output == paths.normalise_output(item.save_as):
                # its own address (a Jekyll page's permalink: /about/, read as an old one):
                # links to it reach it as they are, nothing to redirect
                continue
            wanted.append(paths.Wanted(old, owner, "/" + item.url.lstrip("/"), item))
    kept, refused = paths.plan(wanted, _taken(generators, settings), KEY)
    for refusal in refused:
        logger.error("%s", refusal.message)
    state = build.current(settings).state(__package__)
    state.kept = kept
    state.env = generators[0].env
    state.context = generators[0].context
    if not settings["REDIRECTS_FILE"]:
        for claim in kept:
            if claim.old.output is None:
                logger.warning(
                    "%s: %s %s is not redirected: a static host serves no page of its own "
                    "there, and REDIRECTS_FILE is off",
                    claim.owner,
                    KEY,
                    claim.old.shown(),
                )


def _write_page(root: Path, claim: paths.Wanted, template, context: dict, siteurl: str) -> None:
    output = claim.old.output
    target = root / output
    if target.exists() and (
        not target.is_file() or MARKER not in target.read_text("utf-8", errors="replace")
    ):
        logger.error(
            "%s: %s %s is the address of a file the site writes itself (%s); a redirect "
            "never replaces it (remove it from %s)",
            claim.owner,
            KEY,
            claim.old.shown(),
            output,
            KEY,
        )
        return
    item = claim.item
    html = template.render(
        {
            **context,
            "output_file": output,
            "redirect_url": siteurl + claim.target,
            "redirect_title": getattr(item, "title", "") or claim.target,
            "redirect_lang": getattr(item, "lang", None) or context.get("DEFAULT_LANG", "en"),
            "redirect_marker": MARKER,
        }
    )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    except OSError as exc:
        logger.error(
            "%s: %s %s could not be written (%s)", claim.owner, KEY, claim.old.shown(), exc
        )


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
    if pages:
        template = state.env.get_template(TEMPLATE)
        for claim in pages:
            _write_page(root, claim, template, state.context, siteurl)
    name = settings["REDIRECTS_FILE"]
    if not name:
        return
    target = root / name
    theirs = target.read_text(encoding="utf-8") if target.is_file() else ""
    lines = paths.redirects_lines(kept, settings["REDIRECTS_STATUS"], paths.site_prefix(siteurl))
    text = paths.redirects_file(lines, theirs, FILE_MARKER)
    if text:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
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
        ],
    )
