"""One build: the per-build object the plugins keep their state in, and their receivers.

Pelican calls ``register()`` of every plugin listed in ``PLUGINS`` at the start of each build,
and a receiver connected to one of its signals stays connected for the life of the process.
A process that runs several builds (a test run, ``invoke serve``'s warm builder) would then call
the receivers of a plugin that a later build does not list. So every plugin connects through
``register`` here, and when Pelican sends ``initialized`` the receivers of plugins this build
does not list are disconnected (blinker skips a receiver disconnected while a signal is being
sent, so this holds for ``initialized`` itself too). No receiver has to ask whether its plugin
is on.

The engine's own receivers (``run_first``: the translations and drafts rules, the phases;
``run_last``: the settings verdict) are connected here too, with the first plugin's, never at
import: importing a module of ours changes nothing of Pelican. A build that lists none of our
plugins (stock Pelican in the same process: a test, a task) disconnects every receiver of ours
at its ``initialized``, the engine's too, so it runs as Pelican alone would.

State that one phase leaves for a later one (a run started early, a result to attach later)
lives in ``current(settings).state(plugin)``: one namespace per plugin, made new for each
build, never in the settings dict (which Pelican pickles into its caches) nor in a plugin's
module globals. The one global here is the lookup of the build under way. A build ends at
Pelican's ``finalized`` (after the engine's verdict, even one that stops it: phases.py), or, for
a build that failed before, when the next one starts or the process exits: what it added to
the process (a logging filter or handler) is taken away then, with ``on_close``.
"""

from __future__ import annotations

import atexit
import logging
import os
from collections.abc import Callable, Iterable, Mapping
from types import SimpleNamespace
from typing import Any

from pelican import __version__ as pelican_version
from pelican import signals
from pelican.contents import Content

from . import command

Receiver = Callable[..., Any]

# the package every plugin of this site's sits in ("plugins"): its logger is each one's parent
OURS = __name__.split(".", 1)[0]

# plugin -> its (signal, receiver) pairs, as each plugin's register() connected them
_connected: dict[str, list[tuple[Any, Receiver]]] = {}
# the engine's receivers that run before every plugin's (translations, drafts, the phases)
_first: list[tuple[Any, Receiver]] = []
# the engine's receivers that run after every plugin's (settings_errors' verdict)
_last: list[tuple[Any, Receiver]] = []
# the engine's receivers while they are connected (from the first plugin's register() to a
# build that lists none of ours)
_engine: list[tuple[Any, Receiver]] = []


# A log record made in a reading worker that travels with the file's result (blogcore's reader
# keeps what a post's reading said with the post): the build's own process says it when it
# takes the post, so fastbuild keeps that result instead of reading the file again.
CARRIED = "engine_carried"


class Build:
    """One build's state, one namespace per plugin, looked up by the build's settings dict."""

    def __init__(self, settings: Mapping[str, Any]) -> None:
        self.settings = settings
        # the names the settings file and the command line gave, before any plugin filled in
        # its defaults (set when Pelican sends ``initialized``)
        self.given: frozenset[str] = frozenset(settings)
        self._state: dict[str, SimpleNamespace] = {}
        self._closers: list[Callable[[], Any]] = []
        # the settings this build changed (set_for_build): key -> (whether given, its value)
        self._set_for_build: dict[str, tuple[bool, Any]] = {}
        self._process = os.getpid()  # the build's own, which says what is held to the end

    def in_a_worker(self) -> bool:
        """Whether this runs in a process the build forked (fastbuild's reading and rendering
        workers), not in the build's own: a line held there for the end of the build is lost
        with the worker, which gives back its files as read cleanly."""
        return os.getpid() != self._process

    def state(self, plugin: str) -> SimpleNamespace:
        """This plugin's namespace in this build (empty at first)."""
        return self._state.setdefault(plugin, SimpleNamespace())

    def on_close(self, closer: Callable[[], Any]) -> None:
        """Run closer when this build is over: at Pelican's ``finalized``, or (a build that
        failed before) when the next one starts, or at exit.

        For what a build started or added and must not outlive it, even if it fails before
        ``finalized`` (a helper process writing into its output folder, a logging filter).
        """
        self._closers.append(closer)

    def set_for_build(self, key: str, value: Any) -> None:
        """Give one of Pelican's settings another value for this build only; the value the
        settings gave is put back when the build closes.

        For a choice Pelican reads from its settings alone (a direct template whose
        ``*_SAVE_AS`` is empty is not written: Pelican's ``generate_direct_templates``),
        made from what this build read: a later build in the same process with the same
        settings dict (``pelican --autoreload``, a test) starts from the settings as written.
        """
        if key not in self._set_for_build:
            had, old = key in self.settings, self.settings.get(key)
            self._set_for_build[key] = (had, old)
            self.on_close(lambda: self._put_back(key))
        self.settings[key] = value

    def _put_back(self, key: str) -> None:
        had, old = self._set_for_build.pop(key)
        if had:
            self.settings[key] = old
        else:
            self.settings.pop(key, None)

    def close(self) -> None:
        """Run the closers, newest first, once."""
        while self._closers:
            self._closers.pop()()

    def left_open(self) -> list[str]:
        """What this build has not put back yet: its closers' names, oldest first (none once
        it is closed)."""
        return [getattr(c, "__qualname__", repr(c)) for c in self._closers]


# The build under way, and any build a receiver was called for outside Pelican (a unit test
# calling a receiver with settings of its own): looked up by the identity of the settings dict.
_builds: list[Build] = []
_KEEP = 8  # builds kept for settings no Pelican build started (tests): the oldest goes first


def current(settings: Mapping[str, Any]) -> Build:
    """The build these settings belong to (every sender carries them: Pelican, generators).

    A receiver called outside a Pelican build (a unit test calling it directly) gets a build of
    its own for the settings it was given; it never replaces the build under way.
    """
    for found in reversed(_builds):
        if found.settings is settings:
            return found
    _builds.append(Build(settings))
    while len(_builds) > _KEEP:
        _builds.pop(0).close()
    return _builds[-1]


def still_open() -> list[Build]:
    """The builds whose closers have not run (a build under way, one that failed before
    ``finalized``, one a receiver called outside Pelican made): none once every build is over,
    so a test can say what it left in the process."""
    return [found for found in _builds if found.left_open()]


def _close_all() -> None:
    while _builds:
        _builds.pop().close()


def _connect_engine() -> None:
    """Connect the engine's own receivers, before any plugin's (blinker calls receivers in the
    order they were connected: Pelican orders them so)."""
    if _engine:
        return
    # they declare the engine's receivers (run_first, run_last) when imported
    from . import clashes, phases, settings_errors  # noqa: F401

    _engine.extend([(signals.initialized, _on_initialized), *_first])
    for signal, receiver in _engine:
        signal.connect(receiver)


def _disconnect_all() -> None:
    """No receiver of ours stays connected, the engine's neither."""
    for pairs in _connected.values():
        for signal, receiver in pairs:
            signal.disconnect(receiver)
    for signal, receiver in [*_engine, *_last]:
        signal.disconnect(receiver)
    _engine.clear()


def register(plugin: str, receivers: Iterable[tuple[Any, Receiver]]) -> None:
    """Connect a plugin's receivers (``plugin`` is its package name: ``plugins.team``), after
    the engine's own."""
    _connect_engine()
    pairs = _connected.setdefault(plugin, [])
    for signal, receiver in receivers:
        signal.connect(receiver)
        if (signal, receiver) not in pairs:
            pairs.append((signal, receiver))
    for signal, receiver in _last:  # after this plugin's receivers again
        signal.disconnect(receiver)
        signal.connect(receiver)


def run_first(signal: Any, receiver: Receiver) -> None:
    """Declare one of the engine's receivers, connected before every plugin's in each build
    that lists one of ours (not now: see ``register``)."""
    _first.append((signal, receiver))


def run_last(signal: Any, receiver: Receiver, *, before_others: bool = False) -> None:
    """Declare one of the engine's receivers, connected after every plugin's in each build
    that lists one of ours (``before_others``: before the engine's other last receivers, the
    settings verdict, whichever module was imported first)."""
    if before_others:
        _last.insert(0, (signal, receiver))
    else:
        _last.append((signal, receiver))


def registered() -> set[str]:
    """The plugins that connected their receivers here."""
    return set(_connected)


def plugins(settings: Mapping[str, Any]) -> list[str]:
    """The plugins a build lists, by package name, in their order."""
    return [str(name) for name in settings.get("PLUGINS") or []]


def listed(settings: Mapping[str, Any]) -> set[str]:
    """The plugins a build lists, by package name."""
    return set(plugins(settings))


def _on_initialized(pelican) -> None:
    """A new build: its own state, and only the receivers of the plugins it lists (none of
    ours, the engine's neither, in a build that lists none of our plugins)."""
    _close_all()  # what earlier builds started does not outlive them
    wanted = listed(pelican.settings)
    if not wanted & registered():
        _disconnect_all()
        return
    current(pelican.settings)
    # every plugin's info lines are for the writer (counts, what a build left out, a full
    # build instead of an incremental one): the package's logger, which all of ours sit under,
    # heard for the build, so a new module's lines are not lost (only some modules raised
    # their own, and fastbuild's "a full build" never showed in `make serve`)
    heard(pelican.settings, logging.getLogger(OURS))
    for plugin, pairs in _connected.items():
        if plugin not in wanted:
            for signal, receiver in pairs:
                signal.disconnect(receiver)
    from . import compat  # not at import: compat's accelerations use this module

    refused = compat.refused(Content, pelican_version)
    if refused:  # before any plugin's work: the build would be wrong, silently
        raise SystemExit("\n".join(refused))
    # a publish (tasks.py) refuses a build that wrote no record: one without the engine
    command.record_engine(wanted & registered())


def heard(settings: Mapping[str, Any], logger: logging.Logger) -> None:
    """Make a logger's info lines show in this build wherever warnings are shown (Pelican's
    console shows warnings and up): lines staff should see that are no mistake."""
    root = logging.getLogger()
    if logger.level != logging.NOTSET or not root.isEnabledFor(logging.WARNING):
        return  # set by someone else, or a quiet build (-q)
    if root.getEffectiveLevel() <= logging.INFO:
        return  # shown already (-v), and debug lines too under -D: not raised past them
    logger.setLevel(logging.INFO)
    current(settings).on_close(lambda: logger.setLevel(logging.NOTSET))


def said(settings: Mapping[str, Any], logger: logging.Logger) -> set[str]:
    """This build's record of the lines a logger gives once per build, its info lines shown
    (``heard``)."""
    heard(settings, logger)
    state = current(settings).state(logger.name)
    if not hasattr(state, "said"):
        state.said = set()
    return state.said


atexit.register(_close_all)  # closes nothing in a process that never built
