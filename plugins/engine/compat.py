"""What every plugin's compat.py shares: the version guard, and a content object's HTML.

- ``untested(tested)`` and ``accelerated(...)``: a plugin's accelerations run only on the
  versions of Python and its libraries they were tested on, and only when its setting says so;
  otherwise the build takes the stock path and one info line says why.
- ``html_of``, ``set_html``, ``set_summary``: Pelican keeps a post's body as read, links not yet
  resolved, in ``Content._content`` (Pelican 2.6 to 4.12; ``_summary`` 2.8 to 4.12) and has no
  public way to read or replace it before the links are resolved: the public ``.content``
  resolves them and keeps the result, which is wrong while plugins still change posts.
  tests/test_compat_stock_path.py checks that Pelican still keeps them there.
"""

import logging
from collections.abc import Mapping
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


def untested(tested: Tested) -> list[str]:
    """The libraries whose installed version is outside the tested range, described."""
    found = []
    for name, (version, low, high) in tested.items():
        if not low <= _numbers(version) < high:
            found.append(
                f"{name} {version} (tested: {'.'.join(map(str, low))} up to, not including, "
                f"{'.'.join(map(str, high))})"
            )
    return found


def accelerated(
    settings: Mapping[str, Any], setting: str, problems: list[str], said: list[str], what: str
) -> bool:
    """Run the accelerations? Not when ``setting`` is False or a version is untested.

    ``problems`` is ``untested(...)`` of the caller's versions; ``said`` is the caller's
    once-per-process record of the info line, which names ``what`` was switched off.
    """
    if not settings.get(setting, True):
        return False
    if problems:
        if not said:
            said.append("yes")
            logger.info("%s off, building the stock way: %s", what, "; ".join(problems))
        return False
    return True


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
