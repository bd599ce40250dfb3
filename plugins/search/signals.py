"""Signal receivers connecting the search plugin to Pelican."""

import logging
import time
from pathlib import Path
from typing import Any

from pelican import signals

from plugins.engine import background, build, phases, settings_errors

from . import indexing
from .settings import SettingsError, configure

logger = logging.getLogger(__name__)


def on_initialized(pelican) -> None:
    """Validate SEARCH_* settings; add the search page to the direct templates."""
    settings = pelican.settings
    try:
        settings.update(configure(settings))
    except SettingsError as exc:
        settings_errors.refuse(pelican.settings, exc)
        return
    templates = list(settings.get("DIRECT_TEMPLATES") or [])
    if settings["SEARCH_SAVE_AS"] and "search" not in templates:
        settings["DIRECT_TEMPLATES"] = [*templates, "search"]


def _language(settings: dict[str, Any]) -> str:
    """The one language the whole index is built in."""
    return settings["SEARCH_LANGUAGE"] or settings.get("DEFAULT_LANG", "en")


def _fail(settings: dict[str, Any], message: str) -> None:
    logger.error("Search: %s", message)
    if settings.get("BLOGCORE_STRICT"):
        raise SystemExit(1)


def on_output_written(pelican) -> None:
    """Name the index's folders, which Pagefind writes whole (at ``output_final``, or in the
    background after the build): an incremental build that no longer indexes there (search
    taken out of PLUGINS, SEARCH_OUTPUT_DIR renamed) removes them, and with them the text of
    every post indexed before, drafts and deleted posts included."""
    settings = pelican.settings
    named = indexing.folders(settings["SEARCH_OUTPUT_DIR"])
    phases.files_written.send(pelican, settings=settings, paths=(), folders=named)


def on_finalized(pelican) -> None:
    """Index the folder just built with Pagefind."""
    settings = pelican.settings
    site = Path(settings["OUTPUT_PATH"])
    binary = indexing.find_binary(settings["SEARCH_BINARY"])
    language = _language(settings)
    segmented = settings["SEARCH_SEGMENTED_LANGUAGES"]
    if settings["SEARCH_IN_BACKGROUND"] and binary is not None:
        # the background process also finds the pages to index: that reads every page
        state = _state_folder(settings)
        # the run after the previous build failed (said on the terminal then): the overlay
        # shows it until this build's run, which starts now, has a chance to do better
        if failed := indexing.last_failure(state):
            logger.warning(
                "Search: indexing after the previous build failed (%s); search shows an "
                "earlier index until a run succeeds (log: %s)",
                failed,
                state / "index.log",
            )
        running = indexing.start_background(
            binary,
            site,
            settings["SEARCH_OUTPUT_DIR"],
            language,
            segmented,
            settings["SEARCH_TIMEOUT"],
            state,
            owner=background.owner(),  # `make serve`: the run ends with it, however it ends
        )
        # a later build that no longer writes this index stops it before removing the index
        background.started(settings, running.pid)
        logger.info("Search: Pagefind is indexing in the background (log: %s)", state / "index.log")
        return
    state = build.current(settings).state(__package__)
    running, state.running = getattr(state, "running", None), None
    if running is not None:  # started as soon as the posts' pages were written
        job, started = running
        waited = time.perf_counter() - started
        result = indexing.finish(job, max(settings["SEARCH_TIMEOUT"] - waited, 1.0))
        runs = job.bundles
    else:
        marked = indexing.marked_pages(site)
        if not marked:
            indexing.remove_index(site, settings["SEARCH_OUTPUT_DIR"])
            logger.info("Search: no published post or page to index")
            return
        if binary is None:
            _fail(
                settings, "Pagefind is not installed (pip install 'pagefind[extended]'); no index"
            )
            return
        runs = indexing.plan(site, marked, language, segmented)
        started = time.perf_counter()
        result = indexing.run(
            binary, site, settings["SEARCH_OUTPUT_DIR"], runs, settings["SEARCH_TIMEOUT"]
        )
    if not result.ok:
        _fail(settings, f"Pagefind failed, the site has no search index: {result.message}")
        return
    for warning in result.warnings:
        logger.warning("Search: %s", warning)
    logger.info(
        "Search: Pagefind indexed %d page(s) in %.2f s (indexes: %s)",
        result.pages,
        time.perf_counter() - started,
        ", ".join(bundle.language for bundle in runs),
    )


def on_content_pages_written(
    sender, settings: dict[str, Any], written: list[str] | None = None, **_: Any
) -> bool:
    """Start Pagefind on the posts' and pages' own pages while the listings still render.

    A full build rendered in processes says when those pages are all written (fastbuild's
    ``content_pages_written``). Listings, feeds and static files carry no marked page, and
    nothing rewrites a page after it is written, so the index is the one Pagefind would make
    at the end, made while the build does other work. ``on_finalized`` waits for it.

    With the list of pages written, most are read only as far as their ``<html lang>``
    (``indexing.plan_written``): the globs cover their folders, and Pagefind skips unmarked
    pages there (a draft's, say) once any page is marked, so the index is the same.

    Returns True once Pagefind is started: the listings then yield to it (fastbuild).
    """
    if settings["SEARCH_IN_BACKGROUND"]:
        return False
    binary = indexing.find_binary(settings["SEARCH_BINARY"])
    if binary is None:
        return False  # on_finalized says so
    site = Path(settings["OUTPUT_PATH"])
    language, segmented = _language(settings), settings["SEARCH_SEGMENTED_LANGUAGES"]
    if written is None:
        runs = indexing.plan(site, indexing.marked_pages(site), language, segmented)
    else:
        pages = [Path(p) for p in written if p.endswith(".html")]
        runs = indexing.plan_written(site, pages, language, segmented)
    if not runs:
        return False  # on_finalized removes an old index
    try:
        job = indexing.start(binary, site, settings["SEARCH_OUTPUT_DIR"], runs)
    except OSError:
        return False  # on_finalized runs it again and reports the error
    # a build that fails before on_finalized must not leave Pagefind writing into its folder
    this_build = build.current(settings)
    this_build.on_close(job.kill)
    this_build.state(__package__).running = (job, time.perf_counter())
    languages = ", ".join(bundle.language for bundle in runs)
    logger.debug(
        "Search: Pagefind started on the posts' pages (%s) while listings render", languages
    )
    return True


def _state_folder(settings: dict[str, Any]) -> Path:
    """Where background indexing of this output folder keeps its pid and log."""
    return background.per_output(settings, "search")


def register() -> None:
    """Connect the search receivers."""
    build.register(
        __package__,
        [
            (signals.initialized, on_initialized),
            (phases.output_written, on_output_written),
            (phases.output_final, on_finalized),
            (phases.content_pages_written, on_content_pages_written),
        ],
    )
