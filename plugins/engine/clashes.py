"""Other people's Pelican plugins that do what one of ours does: one line each, at ``PLUGINS``.

A site may list a plugin from PyPI (``pelican.plugins.sitemap``) or from the old
pelican-plugins repository (``sitemap``) beside ours. Some write the same file as ours, set
the same attribute, or do what this theme never shows; ``CLASHES`` names each, by the last
part of its name, with what happens and what to do. Once every plugin has checked its
settings (``initialized``; blogcore counts a publish's errors from then on), in a build that
lists the plugin of ours it clashes with, each is one line at the line of the settings file
that set ``PLUGINS``:

- a plugin that would make the build fail with its own traceback (``related_posts``: its code
  splits our list of related posts) stops the build, with the other settings problems;
- one that would silently replace what ours makes (``sitemap``: it lists only some pages, and
  the publish check compares with the live sitemap) is an error (a publish stops);
- one that has no effect here (``neighbors``, ``readtime``, ``series``) or whose output the
  site removes (``render_math``: MathJax's script) is a warning.

``clashes`` is pure (plain values in, lines out); ``check`` is the receiver.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pelican import signals

from . import build, settings_errors

logger = logging.getLogger(__name__)

STOP, ERROR, WARNING = "stop", "error", "warning"


@dataclass(frozen=True)
class Clash:
    """What one of other people's plugins does to one of ours (``{name}``: as listed)."""

    ours: str  # our plugin it clashes with, by package name
    message: str
    severity: str  # STOP, ERROR or WARNING
    switch: str = ""  # our setting that turns ours off when empty: no clash then


CLASHES = {
    "sitemap": Clash(
        "plugins.blogcore",
        "{name} writes sitemap.xml, which blogcore writes too (BLOGCORE_SITEMAP): whichever "
        "runs last replaces the other, and the publish check compares the site with the live "
        "sitemap; remove {name} from PLUGINS, or set BLOGCORE_SITEMAP = '' to keep its",
        ERROR,
        switch="BLOGCORE_SITEMAP",
    ),
    "related_posts": Clash(
        "plugins.related",
        "{name} sets each post's related_posts, which plugins.related sets (the Related "
        "reading under each post): the two cannot run together (its code fails on ours); "
        "remove {name} from PLUGINS (Related: in a post's front matter works with ours)",
        STOP,
    ),
    "series": Clash(
        "plugins.series",
        "{name} reads Series: as plugins.series does, and this theme shows only the latter's "
        "navigation: it has no effect here; remove {name} from PLUGINS",
        WARNING,
    ),
    "neighbors": Clash(
        "plugins.blogcore",
        "{name} sets each post's next_article and prev_article, which this theme does not "
        "show: it has no effect here; remove {name} from PLUGINS",
        WARNING,
    ),
    "readtime": Clash(
        "plugins.blogcore",
        "{name} sets each post's readtime, which this theme does not show (it shows its own "
        "reading time): it has no effect here; remove {name} from PLUGINS",
        WARNING,
    ),
    "render_math": Clash(
        "plugins.blogcore",
        "{name} marks LaTeX math for MathJax, a script this site never loads (no third-party "
        "scripts: the sanitiser removes it from each post, the Content-Security-Policy would "
        "block it): math is shown as written; remove {name} from PLUGINS (docs/adopting.md)",
        WARNING,
    ),
}


def _name(entry: Any) -> str:
    """A PLUGINS entry as written: a name, or a module's name."""
    return str(getattr(entry, "__name__", entry))


def clashes(plugins: Iterable[Any], settings: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(severity, line) for each listed plugin of other people's that clashes with a listed
    plugin of ours, in the order of ``plugins``. A switch that is not set counts as on (its
    default): a plugin whose settings were refused has not filled in its defaults."""
    names = [_name(entry) for entry in plugins]
    ours = set(names)
    found = []
    for name in names:
        if name.startswith("plugins."):  # ours (plugins.series is not pelican.plugins.series)
            continue
        clash = CLASHES.get(name.rsplit(".", 1)[-1])
        if clash is None or clash.ours not in ours:
            continue
        if clash.switch and not settings.get(clash.switch, True):
            continue
        found.append((clash.severity, "PLUGINS: " + clash.message.format(name=name)))
    return found


def check(pelican) -> None:
    """Each clash as one line at the PLUGINS line: the build stops, or an error, or a warning.

    After every plugin's ``initialized`` (blogcore counts a publish's errors from its own on),
    before the engine's verdict (which stops the build on what ``refuse`` was handed)."""
    settings = pelican.settings
    for severity, line in clashes(settings.get("PLUGINS") or [], settings):
        if severity == STOP:
            settings_errors.refuse(settings, ValueError(line))
        else:
            log = logger.error if severity == ERROR else logger.warning
            log("%s", settings_errors.located_line(settings, line))


build.run_last(signals.initialized, check, before_others=True)  # before the verdict
