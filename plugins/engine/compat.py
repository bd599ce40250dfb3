"""What every plugin's compat.py shares: the version guard, and a content object's HTML.

- ``untested(tested)`` and ``accelerated(...)``: a plugin's accelerations run only on the
  versions of Python and its libraries they were tested on, and only when its setting says so;
  otherwise the build takes the stock path and one line says why, shown once per build
  (Pelican shows only warnings: this logger's info lines are raised for the build).
- ``html_of``, ``set_html``, ``set_summary``: Pelican keeps a post's body as read, links not yet
  resolved, in ``Content._content`` (Pelican 2.6 to 4.12; ``_summary`` 2.8 to 4.12) and has no
  public way to read or replace it before the links are resolved: the public ``.content``
  resolves them and keeps the result, which is wrong while plugins still change posts.
  ``refused`` checks at the start of each build that Pelican still keeps them there (there
  is no stock way to do their work: a Pelican that keeps the body elsewhere stops the build,
  one line naming its version), and ``Python-Markdown`` is recent enough (``NEEDED``).
- ``stop_spinner``: Pelican's command line builds inside ``console.status("Generating...")``
  (Pelican 4.9 to 4.12), whose rich ``Live`` display redraws from a thread of its own (rich's
  private ``rich.live._RefreshThread``, rich 15: ``RICH_TESTED``): every fork of the build copied a
  process with a second thread (Python 3.12 warns "This process is multi-threaded, use of
  fork() may lead to deadlocks"; a child writing to the terminal would wait for ever on a lock
  that thread held at the fork). The thread is stopped before the build first forks; the
  spinner stays on screen, redrawn with each line the build says. On another rich it is left.
"""

import functools
import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from importlib import metadata
from typing import Any

logger = logging.getLogger(__name__)

# name -> (installed version, lowest tested, first untested)
Tested = Mapping[str, tuple[str, tuple[int, ...], tuple[int, ...]]]


def _numbers(version: str) -> tuple[int, ...]:
    parts = []
    for part in version.split("."):
        digits = "".join(c for c in part if c.isdigit()) if part[:1].isdigit() else ""
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def untested(tested: Tested, missing: Iterable[str] = ()) -> list[str]:
    """The libraries whose installed version is outside the tested range, described, and
    ``missing``: the private names the accelerations use that the installed ones lack."""
    found = [f"{name} is missing" for name in missing]
    for name, (version, low, high) in tested.items():
        if not low <= _numbers(version) < high:
            found.append(
                f"{name} {version} (tested: {'.'.join(map(str, low))} up to, not including, "
                f"{'.'.join(map(str, high))})"
            )
    return found


def accelerated(
    settings: Mapping[str, Any], setting: str, problems: list[str], what: str, said: set[str]
) -> bool:
    """Run the accelerations? Not when ``setting`` is False or a version is untested.

    ``problems`` is ``untested(...)`` of the caller's versions; ``said`` is this build's record
    of the lines given (``build.said``), one naming ``what`` was switched off.
    """
    if not settings.get(setting, True):
        return False
    if problems:
        if what not in said:
            said.add(what)
            logger.info("%s off, building the stock way: %s", what, "; ".join(problems))
        return False
    return True


# The oldest release of a library the engine runs on at all (pyproject.toml says the same):
# Python-Markdown 3.11.2 added attr_list's sanitize_name, which blogcore's Liquid tags call.
NEEDED: dict[str, tuple[str, tuple[int, ...]]] = {"markdown": ("Python-Markdown", (3, 11, 2))}
ADVICE = "install the versions requirements.lock pins (rm .venv/.installed-lock; make venv)"


def too_old(needed: Mapping[str, tuple[str, tuple[int, ...]]] = NEEDED) -> list[str]:
    """One line for each installed library older than the engine needs."""
    found = []
    for package, (name, lowest) in needed.items():
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            continue  # Pelican's own import of it says so
        if _numbers(version) < lowest:
            found.append(
                f"{name} {version} is installed; this blog needs {'.'.join(map(str, lowest))} "
                f"or newer (pyproject.toml): {ADVICE}"
            )
    return found


def body_not_kept(content_class: Callable[..., Any], version: str) -> str | None:
    """Why ``html_of`` and ``set_html`` would not work on this Pelican, tried on a small
    ``content_class`` object, or None when they do."""
    try:
        content = content_class("<p>as read</p>", metadata={"title": "t"})
        kept = html_of(content) == "<p>as read</p>"
        if kept:
            set_html(content, "<p>changed</p>")
            kept = content.get_content("") == "<p>changed</p>"
    except Exception:  # any failure means the same: the body is not there
        kept = False
    if kept:
        return None
    return (
        f"Pelican {version} does not keep a post's body as read in Content._content, where "
        "this blog's plugins read and change it (plugins/engine/compat.py: html_of, "
        f"set_html): its pages would be wrong; {ADVICE}"
    )


def refused(content_class: Callable[..., Any], version: str) -> list[str]:
    """What stops a build at its start, one line each: a library too old, or a Pelican that
    keeps a post's body where ``html_of`` cannot find it."""
    found = too_old()
    body = body_not_kept(content_class, version)
    return [*found, body] if body else found


def html_of(content: Any, default: Any = None) -> Any:
    """A post's or page's body as read, before Pelican resolves its links (``_content``)."""
    return getattr(content, "_content", default)


def set_html(content: Any, html: str) -> None:
    """Replace a post's or page's body before Pelican resolves its links (``_content``, which
    ``Content.get_content`` reads when a template first asks for ``.content``)."""
    content._content = html


def set_summary(content: Any, summary: str) -> None:
    """Replace a post's ``Summary:`` as Pelican itself keeps it (``Content._summary``, which
    ``refresh_metadata_intersite_links`` copies back into ``metadata["summary"]``)."""
    content.metadata["summary"] = content._summary = summary


# the rich releases whose Live refresh thread is rich.live._RefreshThread with stop(), as
# stop_spinner uses it: [lowest tested, first untested)
RICH_TESTED = ((15, 0), (16, 0))


@functools.cache
def _rich_tested() -> bool:
    try:
        version = metadata.version("rich")
    except metadata.PackageNotFoundError:
        return False
    return not untested({"rich": (version, *RICH_TESTED)})


def _spinner_threads() -> list[threading.Thread]:
    """The refresh threads of rich's Live displays (Pelican's spinner), on a tested rich."""
    if not _rich_tested():
        return []
    return [
        thread
        for thread in threading.enumerate()
        if type(thread).__module__ == "rich.live"
        and type(thread).__name__ == "_RefreshThread"
        and callable(getattr(thread, "stop", None))
    ]


def stop_spinner() -> None:
    """Stop the thread that redraws Pelican's "Generating..." spinner and wait for it to end:
    a fork then copies a process with one thread. Nothing when there is none (or rich is not
    one this was tested on)."""
    for thread in _spinner_threads():
        thread.stop()
        thread.join()
