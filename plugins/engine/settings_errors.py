"""A build's settings problems, every plugin's said together, each at the line that set it.

Each plugin checks its own settings when Pelican sends ``initialized``. A wrong one hands the
error to ``refuse(settings, exc)`` and returns; once every plugin has checked its own,
``_verdict`` (the last receiver of ``initialized``) stops the build with one line per problem,
each naming the settings file and the line whose assignment set the value (``origin``):
``pelicanconf.py: line 40: TIMEZONE must be …``; a value given with ``-e`` says so instead.
So one build names every typo, not the first plugin's only.

``_verdict`` also names a setting that is none of Pelican's, a plugin's or the theme's but is
near one (``WITH_FUTURE_DATE``, Pelican's ``WITH_FUTURE_DATES`` misspelt, was silently
ignored; ``SITE_ORGANIZATION`` for the theme's ``SITE_ORGANISATION`` too). The theme's settings
are the ``THEME_SETTINGS`` a listed plugin's ``settings.py`` declares (blogcore's). Such a
name may be another theme's own, so alone it does not stop the build: it is an error, and a
development build goes on while a publish build (strict) fails.

Pelican's own settings are checked here too (``pelican_settings``, the tables): a value of
the wrong kind (``DEFAULT_PAGINATION = "8"``; ``STATIC_PATHS = "images"``, read as written,
since Pelican has put its default back) stops the build like a plugin's, found before any
plugin's check (``_kinds_first``), in the order of the settings file's lines, and so does an
address setting Pelican cannot use (``ARTICLE_URL = None``, ``TAG_URL``'s ``{title}``); an
``X_URL`` or ``X_SAVE_AS`` of the wrong shape (a slash first, ``""``), an ``X_URL``
apart from its ``X_SAVE_AS``, a direct template the theme links left out, a ``MARKDOWN``
extension not installed (left out) are warnings in a development build and errors in a
publish (``BLOGCORE_STRICT``); a ``PLUGINS`` entry that names no plugin is an error, and a
``PLUGINS`` that leaves out a plugin the theme needs (``plugins.i18n``: its filters) stops the
build; a setting this theme does not read (``MENUITEMS``) a warning saying what does the job
here.

The settings file and the ``-e`` names are read from the command line when this process runs
Pelican's (``pelican``, ``python -m plugins.engine.command``, serve's warm builds); a build
started by code (a test's ``Pelican(settings).run()``) names no file: ``Settings error: …``.
"""

from __future__ import annotations

import copy
import functools
import importlib
import importlib.util
import logging
import os
import pkgutil
import re
import sys
import traceback
from collections.abc import Mapping
from importlib.machinery import PathFinder
from pathlib import Path
from types import ModuleType
from typing import Any

from pelican import signals
from pelican.settings import DEFAULT_CONFIG, get_settings_from_file

from . import build, config, origin, pelican_settings

logger = logging.getLogger(__name__)

STATE = "plugins.engine.settings"
# the project's theme (THEME = "theme" in pelicanconf.py)
THEME = str(Path(__file__).resolve().parents[2] / "theme")
# how alike (0 to 1) a name must be to a known one to be taken for its typo: one letter added,
# dropped or changed in a name of eight letters or more (WITH_FUTURE_DATE, SITE_URL); theme
# settings of Pelican's themes (SITESUBTITLE, LINKS_WIDGET_NAME, SOCIAL) are under it
NEAR = 0.85
# a shorter name is near too many others (POT, PORT) to be taken for a typo
SHORTEST = 6
# Pelican's settings that its DEFAULT_CONFIG does not hold (read with settings.get, or by its
# own themes: MENUITEMS, LINKS, SOCIAL)
PELICAN_ALSO = frozenset(
    {
        "AUTHOR",
        "TIMEZONE",
        "MENUITEMS",
        "LINKS",
        "SOCIAL",
        "SLUG_SUBSTITUTIONS",
        *(f"{kind}_REGEX_SUBSTITUTIONS" for kind in ("TAG", "CATEGORY", "AUTHOR")),
        "DEFAULT_DATE",
        "FEED_DOMAIN",
        "SITESUBTITLE",
        "SUMMARY_MAX_PARAGRAPHS",
        "WRITE_SELECTED",
        *(
            f"{kind}_{fmt}{url}"
            for kind in ("FEED", "FEED_ALL", "CATEGORY_FEED", "TAG_FEED", "AUTHOR_FEED")
            for fmt in ("ATOM", "RSS")
            for url in ("", "_URL")
        ),
        *(f"TRANSLATION_FEED_{fmt}{url}" for fmt in ("ATOM", "RSS") for url in ("", "_URL")),
    }
)


def refuse(settings: Mapping[str, Any], error: Exception) -> None:
    """A plugin's settings are wrong: the build stops once every plugin has checked its own
    (the plugin's receiver returns after this). Every line of the error is one problem."""
    problems = build.current(settings).state(STATE)
    problems.found = [*getattr(problems, "found", []), *str(error).splitlines()]


def stop(settings: Mapping[str, Any], message: str) -> SystemExit:
    """What stops a build on a settings problem found later than the plugins' checks (the
    generators' order, a policy built from several settings): its one line, at the line of
    the settings file that set the setting it names."""
    return SystemExit("\n".join(_located(settings, [message])))


def located_line(settings: Mapping[str, Any], message: str) -> str:
    """A settings problem that does not stop the build (a warning) as one line naming where
    the setting it is about was set, as ``stop`` names it (``pelicanconf.py: line 12: …``)."""
    return _located(settings, [message])[0]


def where_set(name: str) -> str:
    """Where the setting ``name`` was set, for a line about a file that it names (``pelicanconf.py
    line 251``); "" when no settings file is known to set it (origin.set_at: the same cases
    as ``_located``'s lines)."""
    return origin.set_at(name, *_command_line())


def _located(settings: Mapping[str, Any], lines: list[str]) -> list[str]:
    """Each problem as one line naming where the setting it is about was set."""
    conf, extra, options = _command_line()
    names = set(settings)
    return [
        origin.located(line, origin.setting_in(line, names), conf, extra, options) for line in lines
    ]


def _command_args() -> tuple[Any, frozenset[str]] | None:
    """The arguments of the Pelican command line this process runs, and the names its options
    set; None when it runs none."""
    if not sys.argv or os.path.basename(sys.argv[0]) != "pelican":
        return None
    return _parsed_args(tuple(sys.argv[1:]))


@functools.lru_cache(maxsize=4)
def _parsed_args(argv: tuple[str, ...]) -> tuple[Any, frozenset[str]] | None:
    """Pelican's reading of a command line, once per command line (a build asks a dozen times;
    read only)."""
    from pelican import get_config, parse_arguments

    try:
        args = parse_arguments(list(argv))
        return args, frozenset(get_config(args))
    except (Exception, SystemExit):  # not Pelican's arguments after all
        return None


def _command_line() -> tuple[str | None, frozenset[str], frozenset[str]]:
    """The Pelican command line this process runs: its settings file, the names it gives with
    ``-e`` and those its options set (``-o``: OUTPUT_PATH); (None, empty, empty) when it runs
    none."""
    parsed = _command_args()
    if parsed is None:
        return None, frozenset(), frozenset()
    from pelican import DEFAULT_CONFIG_NAME

    args, options = parsed
    conf = args.settings
    if conf is None and os.path.isfile(DEFAULT_CONFIG_NAME):
        conf = DEFAULT_CONFIG_NAME
    extra = frozenset(args.overrides or {})
    return conf, extra, options - extra


def _plugins_settings(settings: Mapping[str, Any]) -> list[tuple[str, ModuleType]]:
    """Each plugin the build loaded (``PLUGINS``, which Pelican leaves holding the ones it
    loaded), with its ``settings.py``: what a plugin declares there (``DEFAULTS``,
    ``ADDRESSES``, ``THEME_SETTINGS``) is checked whether or not anything imported it yet
    (a plugin may import it only when its receiver runs, after the address check)."""
    found = []
    for plugin in build.plugins(settings):
        try:
            module = _settings_module(plugin)
        except Exception as exc:  # a mistake in it (a NameError): _kinds_first says it
            state = build.current(settings).state(__name__)
            unimportable = getattr(state, "unimportable", {})
            path = importlib.util.find_spec(f"{plugin}.settings").origin
            unimportable.setdefault(plugin, unimportable_line(plugin, str(path), exc))
            state.unimportable = unimportable
            continue
        if module is not None:
            found.append((plugin, module))
    return found


def _settings_module(plugin: str) -> ModuleType | None:
    """The ``settings`` module of the plugin package ``plugin``, imported if need be; None
    for a plugin that is one module, or whose package has no ``settings.py``."""
    name = f"{plugin}.settings"
    try:
        if importlib.util.find_spec(name) is None:
            return None
    except (ImportError, ValueError):  # not a package, or not importable by its name
        return None
    return importlib.import_module(name)


def unimportable_line(plugin: str, path: str, error: BaseException) -> str:
    """The one line for a plugin's settings.py (``path``) that raised ``error`` on import: the
    file, the line it raised at (its innermost frame there), the error, and what to do."""
    if isinstance(error, SyntaxError):
        line, said = error.lineno, error.msg
    else:
        lines = [n for frame, n in traceback.walk_tb(error.__traceback__)
                 if frame.f_code.co_filename == path]  # fmt: skip
        line, said = (lines[-1] if lines else None), str(error)
    where = f"{origin.shown(path)}: line {line}" if line else origin.shown(path)
    return (
        f"{where}: {type(error).__name__}: {said} (the settings module of the plugin "
        f"{plugin}, which every build reads): mend it there, or take {plugin!r} out of PLUGINS."
    )


def _plugins_names(settings: Mapping[str, Any], given: frozenset[str]) -> set[str]:
    """Every setting name a listed plugin knows: its ``settings.py``'s ``DEFAULTS``, and what
    the plugins filled in."""
    names = set(settings) - given
    for _, module in _plugins_settings(settings):
        names.update(getattr(module, "DEFAULTS", None) or {})
    return names


def _theme_names(settings: Mapping[str, Any]) -> set[str]:
    """The theme's settings: ``THEME_SETTINGS`` of each listed plugin's ``settings.py``
    (names without a plugin's prefix, so they are known without claiming one)."""
    names: set[str] = set()
    for _, module in _plugins_settings(settings):
        names.update(getattr(module, "THEME_SETTINGS", None) or {})
    return names


def _pelicans_names(settings: Mapping[str, Any]) -> set[str]:
    """Every setting name Pelican knows, with those of its direct templates (TAGS_SAVE_AS),
    and other people's plugins' settings that the clash table reads (clashes.py, which imports
    this module: imported here, when both are whole, not at the top)."""
    from . import clashes

    names = set(DEFAULT_CONFIG) | PELICAN_ALSO | clashes.THEIR_SETTINGS
    # the direct templates listed, Pelican's and the theme's: a shorter DIRECT_TEMPLATES leaves
    # AUTHORS_SAVE_AS set, which is not a typo (templates_left_out names what it leaves out)
    templates = {*DEFAULT_CONFIG["DIRECT_TEMPLATES"], *pelican_settings.THEME_TEMPLATES}
    for template in {*templates, *(settings.get("DIRECT_TEMPLATES") or ())}:
        names.update({f"{str(template).upper()}_SAVE_AS", f"{str(template).upper()}_URL"})
    return names


def near_misses(
    given: frozenset[str], pelicans: set[str], plugins: set[str], named: set[str]
) -> list[tuple[str, str]]:
    """(line, name) for each given name that nobody knows but is near a known one; a name with
    a plugin's prefix is left to that plugin, which names its own unknown names. ``pelicans``:
    the names known without a plugin's prefix (Pelican's and the theme's)."""
    known = pelicans | plugins
    prefixes = tuple({name.split("_")[0] + "_" for name in plugins})
    found = []
    for name in sorted(given - known - named):
        if name.startswith("_") or name.startswith(prefixes) or len(name) < SHORTEST:
            continue
        meant = config.nearest(name, known, cutoff=NEAR)
        if meant:
            found.append((f"unknown setting {name} (did you mean {meant}?)", name))
    return found


def _kinds_first(pelican) -> None:
    """Before any plugin's check: a setting of Pelican's given as the wrong kind of value
    (``DEFAULT_PAGINATION = "8"``) stops the build at the verdict, one line each; until then it
    holds Pelican's default, so no plugin's check trips over it. An address setting Pelican
    cannot use (``ARTICLE_URL = None``) stops it too, in the same order; one of the wrong
    shape (``ARTICLE_URL = ""``) is mended, said at the verdict."""
    settings = pelican.settings
    given = build.current(settings).given
    written = {**settings, **_strings_pelican_reset(given)}
    wrong = pelican_settings.wrong_kinds(written, given, DEFAULT_CONFIG)
    reset = {name for name, _ in wrong}
    # an address Pelican cannot use stops the build too (kept as written: no plugin's check
    # formats one, and Pelican's default would be named as apart from its SAVE_AS); one of
    # the wrong shape is mended before any plugin reads it, and said at the verdict; one
    # given as a path Pelican takes is put as its text, which every plugin then reads
    # (found once a build: the pair checks at the verdict are handed the kinds it stops on)
    found = pelican_settings.misshapen(settings, _plugins_addresses(settings))
    stops, shapes = pelican_settings.addresses_misshapen(found)
    wrong += [(line.split(" ", 1)[0], line) for line in stops]
    settings.update(pelican_settings.addresses_mended(found))
    state = build.current(settings).state(__name__)
    state.misshapen, state.misshapen_kinds = shapes, pelican_settings.misshapen_kinds(found)
    # a plugin's own check of the same address is the same mistake again (SERIES_URL's
    # {title}: "must contain {slug}"): the verdict says this line, which says what to write
    state.address_stops = {f.name: f.message for f in found if f.stops}
    order = _file_order([name for name, _ in wrong])
    wrong = sorted(wrong, key=lambda found: order.index(found[0]))
    for name in reset:
        if name in DEFAULT_CONFIG:
            settings[name] = copy.deepcopy(DEFAULT_CONFIG[name])
        else:
            settings.pop(name, None)
    if unimportable := getattr(state, "unimportable", None):
        # the plugin's own receiver would stop on it next, with no word of what to do
        located = _located(settings, [message for _, message in wrong])
        raise SystemExit("\n".join([*unimportable.values(), *located]))
    if wrong:
        refuse(settings, ValueError("\n".join(message for _, message in wrong)))


def _plugins_addresses(settings: Mapping[str, Any]) -> list[pelican_settings.Kind]:
    """The kinds of page the listed plugins write from address settings of their own: the
    ``ADDRESSES`` of each one's ``settings.py`` (series, galleries, search)."""
    found = []
    for plugin, module in _plugins_settings(settings):
        declared = getattr(module, "ADDRESSES", None)
        if declared:
            defaults = getattr(module, "DEFAULTS", None) or {}
            found += pelican_settings.plugin_kinds(plugin, declared, defaults)
    return found


def _strings_pelican_reset(
    given: frozenset[str], reset: frozenset[str] = pelican_settings.RESET_FROM_A_STRING
) -> dict[str, str]:
    """The strings the settings file or -e gave a list of Pelican's that Pelican put back to
    its default (``STATIC_PATHS = "images"``; ``reset``: the names looked at), by name."""
    names = reset & given
    parsed = _command_args() if names else None
    if parsed is None:
        return {}
    conf, extra, _ = _command_line()
    found = {}
    for name in sorted(names):
        if name in extra:
            found[name] = parsed[0].overrides[name]
        elif conf and (where := origin.assignment(conf, name)) and where.text is not None:
            found[name] = where.text
    return {name: value for name, value in found.items() if isinstance(value, str)}


class SaidAtItsLine(logging.Filter):
    """Drops Pelican's own line for a mistake this module says at its line, with what was
    meant: a PLUGINS entry that names no plugin ("Cannot load plugin", two lines; an entry
    whose module fails to import keeps it, the only line with the reason), a string for a list
    Pelican puts back to its default ("Detected misconfiguration …, falling back to the
    default", while the build stops). ``PLUGINS = "plugins.blogcore"`` gets Pelican's line
    too, but then no plugin of ours is loaded to say it at its line: the record itself becomes
    that line, an error (a publish whose build ran none of our plugins is refused: tasks.py).

    Put on the handlers of the builds this site runs (`make build`, `make publish`, `make
    serve`, `make check`), which list the engine's plugins: Pelican logs these lines while it
    reads the settings and loads the plugins, before any plugin can filter its loggers.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args if isinstance(record.args, tuple) else ()
        if not args:
            return True
        if record.msg == pelican_settings.CANNOT_LOAD:
            return not pelican_settings.names_no_plugin(str(args[0]))
        if record.msg == pelican_settings.RESET_WARNING and args[0] == "PLUGINS":
            _plugins_string_said(record)
            return True
        if record.msg == pelican_settings.RESET_WARNING:
            return not _strings_pelican_reset(frozenset({str(args[0])}))
        return True


def _plugins_string_said(record: logging.LogRecord) -> None:
    """Pelican's warning of a string given as PLUGINS, made the engine's error at its line
    (every handler after this one gets the record as changed)."""
    written = _strings_pelican_reset(frozenset({"PLUGINS"}), frozenset({"PLUGINS"}))
    if "PLUGINS" not in written:  # computed (the line cannot tell), or not a command line
        return
    conf, extra, options = _command_line()
    message = pelican_settings.plugins_string(written["PLUGINS"])
    record.msg, record.args = origin.located(message, "PLUGINS", conf, extra, options), None
    record.levelno, record.levelname = logging.ERROR, logging.getLevelName(logging.ERROR)


SAID_AT_ITS_LINE = SaidAtItsLine()  # holds nothing: one serves every handler


def _file_order(names: list[str]) -> list[str]:
    """names in the order the settings file sets them, those given with -e last: the lines
    of a build that stops come in the order of the file's lines."""
    conf, extra, _ = _command_line()
    if conf is None:
        return names
    later = [name for name in names if name in extra]
    return [*origin.in_file_order(conf, [n for n in names if n not in extra]), *later]


def _without_missing_extensions(settings: dict[str, Any]) -> list[str]:
    """The lines of the MARKDOWN extensions that are not installed, which the build leaves
    out (it went on with every post an error and no page); a new dict, the given one kept."""
    missing = pelican_settings.missing_extensions(settings.get("MARKDOWN"))
    if missing:
        gone = {extension for extension, _ in missing}
        markdown = dict(settings["MARKDOWN"])
        configs = markdown.get("extension_configs") or {}
        markdown["extension_configs"] = {k: v for k, v in configs.items() if k not in gone}
        if "extensions" in markdown:
            markdown["extensions"] = [e for e in markdown["extensions"] if e not in gone]
        settings["MARKDOWN"] = markdown
        build.current(settings).state(__name__).markdown_left_out = frozenset(gone)
    return [message for _, message in missing]


def markdown_left_out(settings: Mapping[str, Any]) -> frozenset[str]:
    """The extensions the settings' ``MARKDOWN`` named that this build leaves out (not
    installed, each said once at MARKDOWN's line): what a post wrote for one is theirs."""
    return getattr(build.current(settings).state(__name__), "markdown_left_out", frozenset())


# a package that is a Pelican plugin defines or imports register() in its __init__.py (in a
# block too: with collector_paused(): from .signals import register)
_REGISTERS = re.compile(r"^[ \t]*(?:def register\b|from \S+ import .*\bregister\b)", re.MULTILINE)


def _plugins_there() -> set[str]:
    """This site's plugins (the packages beside the engine that have a ``register``) and the
    ``pelican.plugins.*`` installed, by the names PLUGINS gives them."""
    from pelican import plugins as namespace

    ours = sys.modules[__name__.rsplit(".", 2)[0]]
    known = set()
    for module in pkgutil.iter_modules(ours.__path__, f"{ours.__name__}."):
        init = Path(module.module_finder.path, module.name.rsplit(".", 1)[1], "__init__.py")
        if module.ispkg and _REGISTERS.search(_text(init)):
            known.add(module.name)
    known |= {
        m.name for m in pkgutil.iter_modules(namespace.__path__, "pelican.plugins.") if m.ispkg
    }
    return known


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _plugins_missing(settings: Mapping[str, Any], strict: bool) -> tuple[list[str], list[str]]:
    """The PLUGINS entries, as the settings file or -e wrote them, that Pelican loaded no
    plugin for (it keeps only those it loaded, after lines of its own): one line for each that
    names no plugin, and in a strict build one for each it tried that failed to import or
    register (Pelican's ``Cannot load plugin`` line says why; a publish must not go on)."""
    parsed = _command_args()
    conf, extra, _ = _command_line()
    if parsed is None or conf is None:
        return [], []
    if "PLUGINS" in extra:
        given = parsed[0].overrides.get("PLUGINS") or []
        written = [(str(p), None) for p in given if isinstance(p, str)]
    else:
        written = origin.strings_set(conf, "PLUGINS")
    where = dict(written)
    loaded = settings.get("PLUGINS") or []
    if not pelican_settings.not_loaded(where, loaded):  # the usual build: reads no folder
        return [], []

    def at_line(entry: str, message: str) -> str:
        found = where.get(entry)
        if found is None:
            return origin.located(message, "PLUGINS", conf, extra)
        return _at(found, message)

    unknown = pelican_settings.unknown_plugins(where, loaded, _plugins_there())
    failed = []
    if strict:  # what PLUGINS held when Pelican loaded them (not each string the file wrote)
        tried = given if "PLUGINS" in extra else get_settings_from_file(conf).get("PLUGINS")
        tried = [str(p) for p in tried or () if isinstance(p, str)]
        failed = [
            at_line(
                entry,
                f"PLUGINS: {entry!r} failed to load (Pelican's error above says why), and a "
                "publish does not go on without it: nothing was published; fix it, or take "
                "it out of PLUGINS",
            )
            for entry in pelican_settings.not_loaded(tried, loaded)
            if entry not in dict(unknown)
        ]
    return [at_line(entry, message) for entry, message in unknown], failed


def _at(found: origin.Assignment, message: str) -> str:
    return f"{origin.shown(found.path)}: line {found.line}: {message}"


def plugins_not_there(conf: str | os.PathLike) -> list[str]:
    """One line for each ``PLUGINS`` entry a settings file writes that names no plugin, with
    the one meant, read from the file as written (never run: a ``PLUGINS += [...]`` run again
    grows the list a build is loading); for a build that loaded none of this site's plugins,
    where no engine ran to say it (tasks.py)."""
    where = dict(origin.strings_set(conf, "PLUGINS"))
    unknown = pelican_settings.unknown_plugins(where, (), _plugins_there())
    # Pelican imports an entry from PLUGIN_PATHS too (the old site's plugins/ folder)
    paths = [
        str(Path(conf).parent / folder) for folder, _ in origin.strings_set(conf, "PLUGIN_PATHS")
    ]
    return [
        _at(where[entry], message) for entry, message in unknown if not _in_folders(entry, paths)
    ]


def _in_folders(entry: str, folders: list[str]) -> bool:
    """Whether the module ``entry`` (``a.b``: package ``a``, module ``b`` in it) is in one of
    ``folders``, as Pelican finds a plugin in ``PLUGIN_PATHS``."""
    for part in entry.split("."):
        spec = PathFinder.find_spec(part, folders)
        if spec is None:
            return False
        folders = list(spec.submodule_search_locations or ())
    return True


def _named(settings: Mapping[str, Any], given: frozenset[str]) -> set[str]:
    """Which of the settings this theme does not read the settings file or -e sets (every
    build holds Pelican's defaults); in a build started by code, those not at their default."""
    conf, extra, _ = _command_line()
    names = {*pelican_settings.NOT_HONOURED, *pelican_settings.RSS_FEEDS} & given
    if conf is None:
        return {n for n in names if settings.get(n) != DEFAULT_CONFIG.get(n)}
    return names & (extra | origin.names_set(conf))


def _said_by_pelican_settings(settings: dict[str, Any]) -> list[str]:
    """What Pelican's own settings do here that the settings file may not expect: an address
    that is not where its page is written, a page the theme links left out, an extension that
    is not installed (warnings in a development build, errors in a publish), a plugin that is
    not there (an error), a setting this theme does not read (a warning). Returns what stops
    a publish at once: a listed plugin that failed to load (its error was logged before any
    of ours could count it)."""
    strict = bool(settings.get("BLOGCORE_STRICT"))
    theme = "plugins.blogcore" in build.listed(settings)
    given = build.current(settings).given
    state = build.current(settings).state(__name__)
    left = getattr(state, "misshapen_kinds", frozenset())  # said by the misshapen lines
    loud = [
        *getattr(state, "misshapen", []),
        *pelican_settings.addresses_apart(settings, left),
        *_without_missing_extensions(settings),
    ]
    quiet = pelican_settings.slash_left_off(settings, left)
    if theme:
        loud += pelican_settings.templates_left_out(settings)
        loud += _main_feed_off(settings)
        quiet += pelican_settings.posts_moved(settings, given, left)
        quiet += pelican_settings.not_honoured(settings, _named(settings, given))
    for line in _located(settings, loud):
        (logger.error if strict else logger.warning)("%s", line)
    for line in _located(settings, quiet):
        logger.warning("%s", line)
    unknown, failed = _plugins_missing(settings, strict)
    for line in unknown:
        logger.error("%s", line)
    return failed


def _main_feed_off(settings: Mapping[str, Any]) -> list[str]:
    """FEED_ALL_ATOM off: a warning in development, an error in a publish, which would deploy
    the site with its subscribers' feed a 404 and nobody who sees it; quiet where
    publishconf.py sets FEED_ALL_ATOM itself (a site that wants no feed says so there)."""
    lines = pelican_settings.main_feed_off(settings)
    conf = _command_line()[0]
    if lines and conf:
        publish = Path(conf).parent / "publishconf.py"
        found = origin.assignment(publish, "FEED_ALL_ATOM") if publish.is_file() else None
        if found is not None and found.path.name == publish.name:
            # publishconf.py sets it itself: in development the publish build checks its own
            # value, and off there is the site's choice, not development settings carried over
            return []
    return lines


def _our_theme(settings: Mapping[str, Any]) -> bool:
    """Whether the build uses this project's theme: blogcore listed (it refuses a theme without
    the engine's files), or THEME the project's own folder."""
    if "plugins.blogcore" in build.listed(settings):
        return True
    theme = settings.get("THEME")
    return isinstance(theme, str) and os.path.realpath(theme) == os.path.realpath(THEME)


def _once_a_setting(settings: Mapping[str, Any], found: list[str]) -> list[str]:
    """``found`` without a plugin's line about an address setting the engine's line already
    stops on: one line for one mistake, the one that says what to write."""
    stops = getattr(build.current(settings).state(__name__), "address_stops", {})
    if not stops:
        return found
    names = set(settings)
    said = set(stops.values())
    return [line for line in found if line in said or origin.setting_in(line, names) not in stops]


def _verdict(pelican) -> None:
    """After every plugin's check: stop the build on what they found, one line each."""
    settings = pelican.settings
    this = build.current(settings)
    given = this.given
    found = _once_a_setting(settings, getattr(this.state(STATE), "found", []))
    misses = []
    failed: list[str] = []
    if build.listed(settings) & build.registered():  # not in a build none of ours is in
        if _our_theme(settings):  # its first page would stop on a filter no plugin gave
            found = [*found, *pelican_settings.theme_plugins_missing(build.listed(settings))]
        names = set(settings)
        named = {origin.setting_in(line, names) for line in found}
        pelicans = _pelicans_names(settings) | _theme_names(settings)
        plugins = _plugins_names(settings, given)
        misses = [line for line, _ in near_misses(given, pelicans, plugins, named)]
        # in a build that stops too: every mistake at once
        failed = _said_by_pelican_settings(settings)
    if found or failed:
        raise SystemExit("\n".join([*_located(settings, [*found, *misses]), *failed]))
    for line in _located(settings, misses):
        logger.error(line)


build.run_first(signals.initialized, _kinds_first)
build.run_last(signals.initialized, _verdict)
