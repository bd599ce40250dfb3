"""A draft is written only where the site writes drafts, whatever its own ``Save_as`` says.

A publish build writes no drafts (``publishconf.py`` empties ``DRAFT_SAVE_AS`` and
``DRAFT_PAGE_SAVE_AS``), but Pelican writes every draft at its ``save_as``, and a file's own
``Save_as:`` line overrides the setting: ``Status: draft`` with ``Save_as: launch.html`` was
published at /launch.html, readable by anyone with the address. Right after the engine has
held back the translations of drafts (``translations``), such a draft's own address is
emptied where the site's draft address is empty, so Pelican's writer writes nothing for it.
A development build, whose drafts are previews, writes it where it says, as before.
"""

from __future__ import annotations

from typing import Any

from .items import ARTICLE_PAIRS, PAGE_PAIRS

# Pelican's lists of drafts (each kind's last pair), and the setting that says where drafts
# are written
ARTICLE_DRAFTS = (ARTICLE_PAIRS[-1], "DRAFT_SAVE_AS")
PAGE_DRAFTS = (PAGE_PAIRS[-1], "DRAFT_PAGE_SAVE_AS")


def unwritten(generator: Any, lists: tuple[str, ...], setting: str) -> list[Any]:
    """Empty the own address of each draft in ``lists`` when ``setting`` writes no drafts;
    the drafts it emptied."""
    if generator.settings.get(setting):
        return []  # drafts have previews in this build: each where it says
    emptied = []
    for name in lists:
        for item in getattr(generator, name, None) or ():
            # Pelican's own attributes for a Save_as: or URL: line (Content.__init__), which
            # its get_url_setting() returns before any setting
            if getattr(item, "override_save_as", ""):
                item.override_save_as = ""
                item.override_url = ""
                emptied.append(item)
    return emptied


def on_articles_read(generator: Any) -> None:
    """Posts: no draft written by its own Save_as in a build that writes no drafts."""
    unwritten(generator, *ARTICLE_DRAFTS)


def on_pages_read(generator: Any) -> None:
    """Pages: the same."""
    unwritten(generator, *PAGE_DRAFTS)
