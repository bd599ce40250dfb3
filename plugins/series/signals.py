"""Signal receivers connecting the series logic to Pelican."""

import logging

from pelican import signals

from plugins.engine import build, keysyntax, phases, settings_errors, side

from . import model
from .generator import SeriesGenerator
from .settings import SettingsError, configure


def on_initialized(pelican) -> None:
    """Validate the series settings and fill in their defaults."""
    try:
        pelican.settings.update(configure(pelican.settings))
    except SettingsError as exc:
        settings_errors.refuse(pelican.settings, exc)
        return
    # the series generator reads SERIES_PATH itself: never as posts (ARTICLE_PATHS = [""])
    folder = pelican.settings["SERIES_PATH"]
    for key in ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES", "STATIC_EXCLUDES"):
        excludes = list(pelican.settings.get(key) or [])
        if folder not in excludes:
            pelican.settings[key] = [*excludes, folder]
    # read with the posts' readers (on_article_generator_init): their reader cache keeps them
    # from one rebuild to the next, and fastbuild reads them in its workers with the posts
    side.read_ahead(pelican.settings, folder)


def on_article_generator_init(generator) -> None:
    """Note the posts' generator: the series files are read with its readers."""
    vars(build.current(generator.settings).state(__package__)).setdefault("posts", generator)


LEVELS = {model.ERROR: logging.ERROR, model.WARNING: logging.WARNING}


def on_keys_written(path: str, settings: dict, keys: dict, page: bool) -> list[tuple[int, str]]:
    """A post the reader refuses: the mistakes of its series keys, said with its others."""
    series = keys.get("series")
    if page:  # what generate_context says of a page it reads
        return [(logging.WARNING, model.PAGE_LINE)] if series else []
    said = model.key_problems(
        series.strip() if isinstance(series, str) else None,
        keys.get("series_index"),
        keys.get("series_announce"),
        keysyntax.syntax_of(path),  # the path knows a +++ post's TOML (keysyntax.Shown)
    )
    return [(LEVELS[level], message) for level, message in said]


def get_generators(pelican):
    """Add the series generator (it runs after posts and pages are read)."""
    return SeriesGenerator


def on_write_article(generator, content) -> None:
    """Add isPartOf/position to a part's JSON-LD, just before the page is written."""
    nav = getattr(content, "series", None)
    data = getattr(content, "structured_data", None)
    if not isinstance(nav, model.Nav) or not isinstance(data, dict):
        return
    siteurl = generator.settings.get("SITEURL", "")
    series_url = f"{siteurl}/{nav.url}" if nav.url and nav.series.published_count else None
    data.update(model.part_of_jsonld(nav.series, nav.current, series_url))


def register() -> None:
    """Connect the series receivers."""
    build.register(
        __package__,
        [
            (signals.initialized, on_initialized),
            (signals.get_generators, get_generators),
            (signals.article_generator_init, on_article_generator_init),
            (signals.article_generator_write_article, on_write_article),
            (phases.keys_written, on_keys_written),
        ],
    )
