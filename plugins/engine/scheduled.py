"""A post dated in the future is scheduled, and says so: on its preview and in the build's log.

Pelican keeps a post whose ``Date`` is still to come a draft until then (``WITH_FUTURE_DATES =
False``, ``Article.__init__``), and nothing told it from a post that says ``Status: draft``: its
preview said "Draft — not published", with no date and no line, so a writer who took out
``Status: draft``, or whose laptop wrote a time ahead of the site's zone, had no clue that the
date was the reason, nor when the post would go out. Right after the engine has held back the
translations of such posts (``translations``), each one gets ``engine_scheduled`` (a
``Scheduled``: its Date, the time and zone as written), which the theme's draft banner says; a
translation held back with a scheduled original gets its original's. And once the build has
written its pages (Pelican's ``finalized``, before the engine's phases), one info line per
scheduled post names its file and its Date: in a development build, that it is previewed until
then; in a build that writes no drafts (a publish), that it is left out until then. Info, not a
warning: a scheduled post is no mistake, and a publish's checks fail on any warning
(``make check``'s lint gate). So that the line is seen where warnings are (Pelican shows no
info line unless run with ``-v``), this module's logger takes info lines for the build, unless
the build was made quiet (``-q``); the level is given back when the build ends. A plugin that
holds back its own items by their date (galleries) reuses ``scheduled`` and ``line``, and
gives its lines to ``announce``.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from typing import Any

from . import build, translations
from .items import ARTICLE_PAIRS
from .side import shown

logger = logging.getLogger(__name__)


# where a post's date comes from when it has no Date: line of its own: a reader that knows
# (blogcore's) sets DATE_FROM to one of these keys, so that a line about the date names what
# the writer changes (the file's name, not a Date: line it does not have)
DATE_FROM = "engine_date_from"
DATE_SUBJECTS = {
    "": "its Date",
    "name": "the date in its file's name",
    "folders": "the date in its folders' names",
    "fs": "the date DEFAULT_DATE = 'fs' takes from its file's time",
    "DEFAULT_DATE": "the date DEFAULT_DATE gives it",
    "DEFAULT_METADATA": "the date DEFAULT_METADATA gives it",
}


# where a draft without a Status: line of its own is made one: a reader that knows (blogcore's)
# sets STATUS_FROM to one of these keys, so that a line calling it a draft names what the
# writer changes to publish it (its folder, a setting), not a Status: line it does not have
STATUS_FROM = "engine_status_from"
STATUS_SUBJECTS = {
    "folder": "it is in a drafts folder",
    "PATH_METADATA": "its folder's name gives it, by PATH_METADATA in pelicanconf.py",
    "EXTRA_PATH_METADATA": 'EXTRA_PATH_METADATA in pelicanconf.py gives its path "status": "draft"',
    "DEFAULT_METADATA": 'DEFAULT_METADATA in pelicanconf.py gives every file "status": "draft"',
}


def draft_subject(item: Any, own: str = "Status: draft") -> str:
    """Why a draft is one, for a line calling it a draft: ``own`` (its own line, as its file
    writes it) unless a folder or a setting made it one (STATUS_FROM)."""
    return STATUS_SUBJECTS.get(str(getattr(item, STATUS_FROM, "")), own)


def date_subject(item: Any) -> str:
    """What a line calls a post's date: its Date, or where Pelican took the date from."""
    return DATE_SUBJECTS.get(str(getattr(item, DATE_FROM, "")), DATE_SUBJECTS[""])


@dataclass(frozen=True)
class Scheduled:
    """When a scheduled post goes out, as its Date says it: the theme's banner reads it."""

    date: datetime.datetime
    time: str  # 09:00
    zone: str  # Europe/London, or an offset as written: +01:00

    @property
    def written(self) -> str:
        """2027-01-15 09:00 (Europe/London), as a line of the log says it."""
        when = f"{self.date:%Y-%m-%d} {self.time}"
        return f"{when} ({self.zone})" if self.zone else when


def scheduled(date: Any, said_draft: bool, now: datetime.datetime) -> Scheduled | None:
    """A post's Date when it holds the post back (after ``now``, which is aware), else None:
    a post that says Status: draft stays a draft after its date, so it is not scheduled."""
    if said_draft or not isinstance(date, datetime.datetime):
        return None
    aware = date if date.tzinfo else date.replace(tzinfo=now.tzinfo)
    if aware <= now:
        return None
    zone = getattr(date.tzinfo, "key", None)
    if zone is None and date.tzinfo is not None:
        offset = date.strftime("%z")  # +0100
        zone = "UTC" if offset in ("+0000", "-0000") else f"{offset[:3]}:{offset[3:5]}"
    return Scheduled(date, f"{date:%H:%M}", zone or "")


def line(file: str, when: Scheduled, preview: str | None, subject: str = "its Date") -> str:
    """The build's one line about a scheduled post: previewed at ``preview`` (a development
    build), or left out (None: a build that writes no drafts); ``subject`` names the date
    (``date_subject``)."""
    now = f"is previewed at /{preview}" if preview else "is left out of this build"
    return (
        f"{file}: scheduled: {subject} is {when.written}, so it {now} until then; the first "
        "publish after that time puts it live"
    )


def _said_draft(item: Any) -> bool:
    return str(item.metadata.get("status", "")).strip().lower() == "draft"


def on_articles_read(generator: Any) -> None:
    """Mark each scheduled post (and each translation held back with one) and name it."""
    settings = generator.settings
    if settings.get("WITH_FUTURE_DATES"):
        return  # no post waits for its date
    now = datetime.datetime.now(datetime.UTC)
    drafts = [item for name in ARTICLE_PAIRS[-1] for item in getattr(generator, name, ())]
    found: dict[str, tuple[Any, Scheduled]] = {}
    for item in drafts:
        when = scheduled(getattr(item, "date", None), _said_draft(item), now)
        if when is not None:
            item.engine_scheduled = when
            found[shown(settings, item.source_path)] = (item, when)
    if not found:
        return
    # a translation held back with a scheduled original goes out with it (its own line, a
    # warning, said so already: translations.py)
    held = translations.held_back(settings)
    for item in drafts:
        original = found.get(held.get(shown(settings, item.source_path), ""))
        if original is not None and getattr(item, "engine_scheduled", None) is None:
            item.engine_scheduled = original[1]
    previews = bool(settings.get("DRAFT_SAVE_AS"))
    for file, (item, when) in sorted(found.items()):
        announce(settings, line(file, when, item.url if previews else None, date_subject(item)))


def announce(settings: dict[str, Any], said: str) -> None:
    """One more line for this build's scheduled items (a plugin's own: a gallery dated in
    the future), said with the posts' lines once the build has written its pages."""
    state = build.current(settings).state(__name__)
    state.lines = [*getattr(state, "lines", ()), said]


def on_finalized(pelican: Any) -> None:
    """The lines, once the build has written its pages (one that stopped before did not
    preview or leave out anything: it names its own problem, alone)."""
    lines = getattr(build.current(pelican.settings).state(__name__), "lines", ())
    if lines:
        build.heard(pelican.settings, logger)
    for said in lines:
        logger.info("%s", said)
