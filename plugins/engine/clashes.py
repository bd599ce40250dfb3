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
- one that would silently replace or undo what ours makes (``sitemap``: it lists only some
  pages, and the publish check compares with the live sitemap; ``seo`` with its
  ``SEO_ENHANCER``: a second canonical link, Open Graph and Twitter tags and JSON-LD in each
  page; ``render_math`` with its summaries on: an inline script in listings and feeds) is an
  error (a publish stops);
- one that has no effect here (``neighbors``, ``readtime``, ``series``), whose output the
  site removes (``render_math``: MathJax's script in a post) or writes outside the site
  (``seo``'s report) is a warning.

A plugin may clash in more than one way, each only while one of its own settings is on
(``when``, read with that plugin's default): one line for each.

``clashes`` is pure (plain values in, lines out); ``check`` is the receiver.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
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
    # whether their own settings bring it (each read with their plugin's default); None: always
    when: Callable[[Mapping[str, Any]], bool] | None = None


# other people's plugins' settings that ``when`` reads: known names to the settings check
# (settings_errors: "did you mean SEO_ENHANCER?"), though no plugin of ours declares them
THEIR_SETTINGS = frozenset({"SEO_REPORT", "SEO_ENHANCER", "MATH_JAX"})


def _seo_report(settings: Mapping[str, Any]) -> bool:
    """pelican-seo writes its report (``SEO_REPORT``, on by default)."""
    return bool(settings.get("SEO_REPORT", True))


def _seo_enhancer(settings: Mapping[str, Any]) -> bool:
    """pelican-seo adds its tags to every page (``SEO_ENHANCER``, off by default)."""
    return bool(settings.get("SEO_ENHANCER", False))


def _math_summaries(settings: Mapping[str, Any]) -> bool:
    """render_math adds MathJax's script to summaries (``MATH_JAX['process_summary']``: on by
    default wherever beautifulsoup4 is installed, as it is here; only a bool counts)."""
    math_jax = settings.get("MATH_JAX")
    value = math_jax.get("process_summary") if isinstance(math_jax, Mapping) else None
    return value if isinstance(value, bool) else True


CLASHES: dict[str, Clash | tuple[Clash, ...]] = {
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
    "render_math": (
        Clash(
            "plugins.blogcore",
            "{name} marks LaTeX math for MathJax, a script this site never loads (no "
            "third-party scripts: the sanitiser removes it from each post, the "
            "Content-Security-Policy would block it): LaTeX in Markdown is shown as written "
            "(reStructuredText's :math: is typeset as MathML all the same); remove {name} "
            "from PLUGINS (docs/adopting.md)",
            WARNING,
        ),
        Clash(
            "plugins.blogcore",
            "{name} adds MathJax's script, inline, to the summary of each post with math in "
            "it and no Summary: line, after the sanitiser (MATH_JAX's process_summary, on "
            "unless set False): it reaches the home page, listings, related reading and "
            "feeds, and the Content-Security-Policy blocks it; remove {name} from PLUGINS, or "
            "set MATH_JAX = {{'process_summary': False}}",
            ERROR,
            when=_math_summaries,
        ),
    ),
    "seo": (
        Clash(
            "plugins.blogcore",
            "{name} writes seo_report.html at every build into the folder the build runs from "
            "(the project's, outside the site), a file git then shows as new; set SEO_REPORT = "
            "False, or remove {name} from PLUGINS (make check's Lighthouse gate scores the "
            "site's SEO)",
            WARNING,
            when=_seo_report,
        ),
        Clash(
            "plugins.blogcore",
            "{name} (SEO_ENHANCER) rewrites each post and page once written, with a second "
            "canonical link, second Open Graph and Twitter tags (its twitter:card differs) and "
            "an Article JSON-LD beside the theme's, and stops the build at a page without a "
            "category (a team profile in another language); set SEO_ENHANCER = False, or "
            "remove {name} from PLUGINS: the theme writes these tags",
            ERROR,
            when=_seo_enhancer,
        ),
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
        found += [
            (clash.severity, "PLUGINS: " + clash.message.format(name=name))
            for clash in _as_tuple(CLASHES.get(name.rsplit(".", 1)[-1], ()))
            if clash.ours in ours
            and not (clash.switch and not settings.get(clash.switch, True))
            and (clash.when is None or clash.when(settings))
        ]
    return found


def _as_tuple(clashes: Clash | tuple[Clash, ...]) -> tuple[Clash, ...]:
    """One plugin's clashes, one or several."""
    return (clashes,) if isinstance(clashes, Clash) else clashes


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
