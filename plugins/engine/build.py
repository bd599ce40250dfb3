"""One build: the per-build object the plugins keep their state in, and their receivers.

Pelican calls ``register()`` of every plugin listed in ``PLUGINS`` at the start of each build,
and a receiver connected to one of its signals stays connected for the life of the process.
A process that runs several builds (a test run, ``invoke serve``'s warm builder) would then call
the receivers of a plugin that a later build does not list. So every plugin connects through
``register`` here, and when Pelican sends ``initialized`` the receivers of plugins this build
does not list are disconnected (blinker skips a receiver disconnected while a signal is being
sent, so this holds for ``initialized`` itself too). No receiver has to ask whether its plugin
is on.

State that one phase leaves for a later one (a run started early, a result to attach later)
lives in ``current(settings).state(plugin)``: one namespace per plugin, made new for each
build, never in the settings dict (which Pelican pickles into its caches) nor in a plugin's
module globals. The one global here is the lookup of the build under way.
"""

from __future__ import annotations

import atexit
from collections.abc import Callable, Iterable, Mapping
from types import SimpleNamespace
from typing import Any

from pelican import signals

Receiver = Callable[..., Any]

# plugin -> its (signal, receiver) pairs, as each plugin's register() connected them
_connected: dict[str, list[tuple[Any, Receiver]]] = {}
# the engine's receivers that run after every plugin's (settings_errors' verdict)
_last: list[tuple[Any, Receiver]] = []


class Build:
    """One build's state, one namespace per plugin, looked up by the build's settings dict."""

    def __init__(self, settings: Mapping[str, Any]) -> None:
        self.settings = settings
        # the names the settings file and the command line gave, before any plugin filled in
        # its defaults (set when Pelican sends ``initialized``)
        self.given: frozenset[str] = frozenset(settings)
        self._state: dict[str, SimpleNamespace] = {}
        self._closers: list[Callable[[], Any]] = []

    def state(self, plugin: str) -> SimpleNamespace:
        """This plugin's namespace in this build (empty at first)."""
        return self._state.setdefault(plugin, SimpleNamespace())

    def on_close(self, closer: Callable[[], Any]) -> None:
        """Run closer when this build is over: when the next one starts, or at exit.

        For what a build started and must not outlive it even if it fails before
        ``finalized`` (a helper process writing into its output folder).
        """
        self._closers.append(closer)

    def close(self) -> None:
        """Run the closers, newest first, once."""
        while self._closers:
            self._closers.pop()()


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


def _close_all() -> None:
    while _builds:
        _builds.pop().close()


def register(plugin: str, receivers: Iterable[tuple[Any, Receiver]]) -> None:
    """Connect a plugin's receivers (``plugin`` is its package name: ``plugins.team``)."""
    pairs = _connected.setdefault(plugin, [])
    for signal, receiver in receivers:
        signal.connect(receiver)
        if (signal, receiver) not in pairs:
            pairs.append((signal, receiver))
    for signal, receiver in _last:  # after this plugin's receivers again
        signal.disconnect(receiver)
        signal.connect(receiver)


def run_last(signal: Any, receiver: Receiver) -> None:
    """Connect one of the engine's receivers after every plugin's, on every build (blinker
    calls receivers in the order they were connected: Pelican orders them so)."""
    _last.append((signal, receiver))
    signal.connect(receiver)


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
    """A new build: its own state, and only the receivers of the plugins it lists."""
    _close_all()  # what earlier builds started does not outlive them
    current(pelican.settings)
    wanted = listed(pelican.settings)
    for plugin, pairs in _connected.items():
        if plugin not in wanted:
            for signal, receiver in pairs:
                signal.disconnect(receiver)


# Connected when the first plugin imports this module, so before any plugin's register():
# it runs first on every build's ``initialized``.
signals.initialized.connect(_on_initialized)
atexit.register(_close_all)
