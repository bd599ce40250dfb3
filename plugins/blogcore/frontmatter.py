"""Validation of Pelican's own front-matter values, with messages staff can act on."""

import calendar
import datetime
import difflib
import functools
import json
import os
import posixpath
import re
import unicodedata
import warnings
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple
from urllib.parse import unquote

from babel import Locale, UnknownLocaleError
from babel.core import get_global, parse_locale
from bs4 import BeautifulSoup, Comment
from dateutil import parser as dateparser

from plugins.engine import keysyntax
from plugins.engine.ignores import any_ignored

from . import codeblocks, controls, fenced, rawtags, repeats, tomlvalues, yamlvalues
from .dates import read_zone

STATUSES = ("published", "draft", "hidden", "skip")
DATE_KEYS = frozenset({"date", "modified"})
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(\b|T)")
# 01/02/2024: the first of February in Britain, the second of January in the US
# (05-12-2026 too: a date with dashes is no more the ISO order than one with slashes)
AMBIGUOUS_DATE = re.compile(r"^(?P<a>0?[1-9]|1[0-2])[/.-](?P<b>0?[1-9]|1[0-2])[/.-]\d{2,4}\b")
# 26-11-01: which number is the year? (dateutil reads it as 26 November 2001)
SHORT_YEAR = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{1,2}\b")

# Every front-matter key a post or page may carry (lowercase, as Pelican hands them over):
# Pelican's own, then the ones this project's plugins read (see each plugin's docstring).
PELICAN_KEYS = (
    "title", "date", "modified", "category", "tags", "author", "authors", "slug", "summary",
    "status", "lang", "translation", "template", "save_as", "url", "timezone",
)  # fmt: skip
PLUGIN_KEYS = (
    "series", "series_index", "series_announce",  # series
    "related", "related_exclude",  # related
    "gallery",  # galleries
    "cover",  # covers
    "comments", "comment_id",  # comments
    "redirect_from",  # redirects
)  # fmt: skip
KNOWN_KEYS = frozenset(PELICAN_KEYS + PLUGIN_KEYS)

# the commas and semicolons of Chinese and Japanese (，、､；, typed with the input method on)
# and of Arabic-script languages (، ؛): between tags they separate, as , and ; do
WIDE_SEPARATORS = "\uff0c\u3001\uff64\uff1b\u060c\u061b"
_WIDE_SEPARATOR = re.compile(f"[{WIDE_SEPARATORS}]")
# a colon of another script, typed with an input method on (Chinese, Japanese: ：, ﹕)
WIDE_COLONS = "\uff1a\ufe55"
# a key written with a colon of another script (Title：, from an input method): not a key
WIDE_COLON_KEY = re.compile(
    rf"^[ ]{{0,3}}(?P<key>[A-Za-z][A-Za-z0-9_-]{{0,30}})[ \t]*(?P<colon>[{WIDE_COLONS}])"
)


def split_wide(names: Sequence[str]) -> list[str]:
    """Names as Pelican split them (at , or ;), split again at the commas and semicolons of
    other scripts (``思考，生活`` is two tags), blanks and repeats left out, in order."""
    parts = (p.strip() for name in names for p in _WIDE_SEPARATOR.split(name))
    return list(dict.fromkeys(p for p in parts if p))


def has_wide_separator(value: str) -> bool:
    """Whether a value holds a comma or semicolon of Chinese, Japanese or an Arabic script."""
    return bool(_WIDE_SEPARATOR.search(value))


def wide_colon_line(line: str) -> str | None:
    """The line for a front-matter line whose key ends in a full-width colon (``Title：``, from
    an input method), which Markdown does not read as a key; None for any other line."""
    match = WIDE_COLON_KEY.match(line)
    if not match:
        return None
    key = display_key(match["key"])
    return (
        f"its colon is a full-width '{match['colon']}', so it is not read as a key: write "
        f"{key}: with an ASCII colon ':'"
    )


class FrontMatterError(ValueError):
    """A front-matter value is not what the key expects; ``problems``: each mistake found in
    the file, one line each (its text alone: several read as one line, joined by "; ");
    ``empty``: the keys its lines say are empty (a check of the address waits for a value)."""

    def __init__(self, *problems: str, empty: Iterable[str] = ()) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems or ("",)
        self.empty = frozenset(empty)

    def __reduce__(self) -> tuple:
        # a worker's error crosses back with each of its lines (args holds them joined)
        return (type(self), self.problems, {"empty": self.empty})


def display_key(key: str) -> str:
    """Return the key as staff write it (Pelican lowercases keys: ``series_index``)."""
    return key[:1].upper() + key[1:]


# a date as nearly every post writes it, 2025-03-14 or 2025-03-14 09:30(:00), the time after
# a space or a T, in ASCII digits, with no zone
_PLAIN_ISO = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[ T]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?)?"
)


def _plain_iso(text: str) -> datetime.datetime | None:
    """The date and time of a plain ISO date (``_PLAIN_ISO``), as dateutil reads it with
    check_date's default (the parts not written are 0); None for any other text, or one no
    calendar has (2025-02-30: dateutil's reading says why)."""
    found = _PLAIN_ISO.fullmatch(text)
    if found is None:
        return None
    try:
        return datetime.datetime(*(int(part) for part in found.groups(default="0")))
    except ValueError:
        return None


# curly quotes as typed on a phone or pasted from a word processor (English, French, German)
_OPENING_QUOTES = frozenset("“‘«„‚”’»")
_CLOSING_QUOTES = frozenset("”’»“‘«")


# in English whatever the locale Pelican sets (calendar.month_name follows LC_TIME)
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _impossible(text: str) -> str:
    """Why a date written the ISO way is on no calendar (": February 2026 has 28 days"),
    or "" for any other text."""
    found = _PLAIN_ISO.fullmatch(text)
    if found is None:
        return ""
    year, month, day, hour, minute, second = (int(part) for part in found.groups(default="0"))
    if not 1 <= month <= 12:
        return f": there is no month {month} (the month comes second: YYYY-MM-DD)"
    days = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if not 1 <= day <= days:
        return f": {_MONTHS[month - 1]} {year} has {days} days"
    if hour > 23 or minute > 59 or second > 59:
        return ": a time of day goes from 00:00 to 23:59"
    return ""


# a date written the Chinese or Japanese way: year 年, month 月, day 日 (号 in speech), an
# optional time; each part is named, so the order is never in doubt
_CJK_DATE = re.compile(
    r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"
    r"(?:\s*(?P<h>\d{1,2}):(?P<min>\d{2})(?::(?P<s>\d{2}))?)?"
)


def cjk_date(text: str) -> str | None:
    """The ISO way to write a date given with 年, 月 and 日 (``2013年10月26日 23:09``:
    2013-10-26 23:09; full-width digits too), or None for any other text or no such day."""
    found = _CJK_DATE.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if found is None:
        return None
    year, month, day = int(found["y"]), int(found["m"]), int(found["d"])
    hour, minute = int(found["h"] or 0), int(found["min"] or 0)
    try:
        datetime.datetime(year, month, day, hour, minute, int(found["s"] or 0))
    except ValueError:  # no such day or time: nothing to suggest
        return None
    written = f"{year:04d}-{month:02d}-{day:02d}"
    if found["h"]:
        written += f" {hour:02d}:{minute:02d}" + (f":{found['s']}" if found["s"] else "")
    return written


def check_date(key: str, value: str) -> datetime.datetime:
    """Parse a date the way Pelican does, or explain what is expected."""
    text = " ".join(value.replace("_", " ").split())
    expected = f"{display_key(key)} must be a date like 2025-03-14 or 2025-03-14 09:30"
    straight = text[:1] == text[-1:] and text[:1] in ('"', "'")
    if len(text) > 1 and (straight or (text[0] in _OPENING_QUOTES and text[-1] in _CLOSING_QUOTES)):
        # YAML's quotes, in front matter not fenced with --- (where they are the value's), or
        # the curly ones a word processor or a phone's keyboard puts there
        raise FrontMatterError(f"{expected}, got {value!r}: remove the quotes")
    ambiguous = AMBIGUOUS_DATE.match(text)
    if ambiguous and int(ambiguous["a"]) != int(ambiguous["b"]):
        raise FrontMatterError(
            f"{expected}, got {value!r}: day and month could be either way round; "
            "write the year first (YYYY-MM-DD)"
        )
    if SHORT_YEAR.match(text):
        raise FrontMatterError(f"{expected}, got {value!r}: give the year in four digits")
    plain = _plain_iso(text)
    if plain is not None:  # nearly every post: what dateutil makes of it, 60 times sooner
        return plain
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            parsed = dateparser.parse(text, default=datetime.datetime(2000, 1, 1))
            # a part the text does not give comes from the default: two defaults show it
            # (ISO dates, nearly all of them, give every part: one parse is enough)
            other = parsed
            if not ISO_DAY.match(text):
                other = dateparser.parse(text, default=datetime.datetime(2001, 2, 2))
    except (ValueError, OverflowError, TypeError):
        iso = cjk_date(text)
        why = f"; write {iso}" if iso else _impossible(text)
        raise FrontMatterError(f"{expected}, got {value!r}{why}") from None
    if any("tzname" in str(w.message) for w in caught):
        raise FrontMatterError(
            f"{expected}, got {value!r}: its time zone name is not understood (the time would "
            "be read as local time); write an offset such as 2025-03-14 09:30+01:00, or no zone"
        )
    if parsed.date() != other.date():
        raise FrontMatterError(f"{expected}, got {value!r}: give the year, month and day")
    try:
        parsed.utcoffset()  # dateutil keeps +25:00; using it fails later, in Pelican
    except ValueError:
        raise FrontMatterError(
            f"{expected}, got {value!r}: its time zone offset is not one (from -23:59 to "
            "+23:59, such as +01:00)"
        ) from None
    return parsed


class NameDateError(FrontMatterError):
    """A date Pelican gives a file from its name or folders (FILENAME_METADATA,
    PATH_METADATA) before it reads the file, which is no date: Pelican drops the file. Its
    line names the name (``name_date_line``), not a Date: line the file may not have."""

    value = ""  # the date as the name writes it


# how a FILENAME_METADATA or PATH_METADATA group may write a date: an example name is the
# file's own with its date replaced by the first of these the setting's pattern reads as one
_EXAMPLE_DATES = ("2025-03-14", "2025/03/14", "2025_03_14", "20250314")


def name_date_line(
    relpath: str, value: str, filename_metadata: object, path_metadata: object
) -> str | None:
    """What a file is told whose name (``filename_metadata``, matched on its name without
    its extension) or path (``path_metadata``) gives it ``value`` as its date, which is no
    date: rename it with the day it means, an example name that the setting reads as a date
    given when there is one; None when neither gives it that value (DEFAULT_METADATA's)."""
    name = posixpath.basename(relpath)
    base, ext = posixpath.splitext(name)
    places = (
        ("FILENAME_METADATA", filename_metadata, base, "its file's name gives"),
        ("PATH_METADATA", path_metadata, relpath, "its folders give"),
    )
    for setting, pattern, text, gives in places:
        try:
            found = re.match(pattern, text) if isinstance(pattern, str) and pattern else None
        except re.error:
            found = None  # the settings check names a pattern that does not compile
        if found is None or found.groupdict().get("date") != value:
            continue
        start, end = found.span("date")
        example = ""
        for day in _EXAMPLE_DATES:
            renamed = text[:start] + day + text[end:]
            again = re.match(pattern, renamed)
            if again is not None and again.groupdict().get("date") == day:
                example = renamed + ext if text == base else renamed
                break
        why = _impossible(" ".join(value.replace("_", " ").split()))
        fix = "rename the file with" if text == base else "move the file to the folders of"
        example = f", as {example}" if example else ""
        return (
            f"{gives} the post its date ({setting}), and {value!r} is no date{why}; {fix} "
            f"the day it means{example}; it is not built"
        )
    return None


# the weekday and month names dateutil reads (Fri, Friday); it drops a weekday, keeping the day
WEEKDAY_NAMES = dateparser.parserinfo()
WORD = re.compile(r"[A-Za-z]+")


def weekday_problem(key: str, value: str) -> str | None:
    """A weekday that is not the date's (``Friday 5 December 2026``, a Saturday): one of the
    two is a typo, and the date is taken as it is; None when they agree or there is none."""
    named = {WEEKDAY_NAMES.weekday(word) for word in WORD.findall(value)} - {None}
    if not named:
        return None
    try:
        parsed = check_date(key, value)
    except FrontMatterError:
        return None  # an error of its own
    if parsed.weekday() in named:
        return None
    said = " or ".join(WEEKDAY_NAMES.WEEKDAYS[day][-1] for day in sorted(named))
    month = WEEKDAY_NAMES.MONTHS[parsed.month - 1][-1]
    return (
        f"{display_key(key)} says {said}, but {parsed.day} {month} {parsed.year} is a "
        f"{WEEKDAY_NAMES.WEEKDAYS[parsed.weekday()][-1]} (the day is kept, the weekday "
        f"ignored): correct one of them, or write it without the weekday "
        f"({without_weekday(parsed)})"
    )


def plain(when: datetime.datetime) -> str:
    """A date and time as a Date line takes it: ``2027-01-15 09:00``, with seconds when it
    has some (and its fraction), with its offset when it has one (``2026-12-05 10:00+00:00``)."""
    spec = "auto" if when.second or when.microsecond else "minutes"
    return when.isoformat(sep=" ", timespec=spec)


def without_weekday(parsed: datetime.datetime) -> str:
    """A Date as the build read it, without its weekday: the day alone when it was written
    alone (``2027-01-15``), else with its time and offset as written, so that pasting it
    never moves an embargo (``2027-01-15 09:00`` is not ``2027-01-15``, midnight)."""
    if parsed.tzinfo is None and parsed.time() == datetime.time():
        return f"{parsed:%Y-%m-%d}"
    return plain(parsed)


def check_zone(value: Any) -> datetime.tzinfo:
    """A post's own ``Timezone`` (Pelican's key: its Date and Modified without an offset are
    that zone's), or explain what is expected (Pelican stopped on the file with its own
    ZoneInfoNotFoundError)."""
    zone, hint = read_zone(value.strip() if isinstance(value, str) else value)
    if zone is None:
        raise FrontMatterError(
            "Timezone must be a time zone name such as 'America/New_York' or 'UTC', got "
            f"{value!r}{hint}"
        )
    return zone


def local_time_problem(key: str, value: datetime.datetime, zone: datetime.tzinfo) -> str | None:
    """A time without an offset that the site's zone skips (the hour the clocks go forward)
    or shows twice (the hour they go back): Pelican takes it one way (``fold=0``) without a
    word; say which, and the offsets to write. None for a time the zone shows once."""
    if value.tzinfo is not None:
        return None
    first, second = value.replace(tzinfo=zone, fold=0), value.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return None
    name = display_key(key)
    wall = plain(value)
    back = first.astimezone(datetime.UTC).astimezone(zone)
    if back.replace(tzinfo=None) == value:  # shown twice: first, summer time; second, winter
        return (
            f"{name} {wall} happens twice in {zone} (the clocks go back that night) and is "
            f"read as the first, {plain(first)}; write the offset you mean: "
            f"{plain(first)} (the first) or {plain(second)} (the second)"
        )
    return (
        f"{name} {wall} does not exist in {zone} (the clocks go forward that night) and is "
        f"read as {plain(first)}, which the clocks there show as {plain(back)}; write the "
        f"time with its offset, such as {plain(back)}"
    )


def time_problems(
    written: Sequence[tuple[str, str]], metadata: dict, zone: datetime.tzinfo
) -> list[str]:
    """Dates read one way although they say another: a weekday that is not the date's
    (``written``: the Date and Modified values as written), a time the site's ``zone``
    skips or shows twice (``metadata``: as read, without an offset)."""
    found = [line for key, value in written if (line := weekday_problem(key, value))]
    for key in ("date", "modified"):
        value = metadata.get(key)
        if isinstance(value, datetime.datetime) and (line := local_time_problem(key, value, zone)):
            found.append(line)
    return found


# what writers (and other engines: WordPress's private and pending) write for a post they keep
# out, -> ours: never told "did you mean 'published'?" (unpublished is one letter from it)
WITHHOLDING_STATUSES = {
    **dict.fromkeys((
        "unpublished", "not published", "notpublished", "nonpublished", "non-published",
        "not-published", "not_published", "unpublish", "publish later", "later", "private",
        "false", "no", "off", "none", "wip", "work in progress", "todo", "pending", "future",
        "scheduled", "embargoed", "embargo", "inactive", "disabled", "offline", "secret",
        "internal", "review", "in review", "unfinished", "unready", "not ready", "hide",
    ), "draft"),
    **dict.fromkeys(("unlisted", "not listed", "nonlisted", "unindexed"), "hidden"),
}  # fmt: skip
# what writers give as the Status of a team member who has left (a team file's Alumni: true)
FORMER_STATUSES = frozenset({"alumni", "alumnus", "alumna", "former", "left", "retired"})
# what each Status that keeps a post out does, said with a suggestion of it
KEEP_OUT_SAYS = {
    "draft": "a post kept out says {status}",
    "hidden": "{status} publishes the post off the home page, lists and feeds",
}
# a word that says "not" first: never told the word it negates (unhidden is not hidden)
_NEGATED = re.compile(r"^(un|non|not|no|dis|de)[\s_-]?[a-z]")


def status_suggestion(status: str) -> str | None:
    """The Status to suggest for one that is none of ours (lowercase): the keep-out one a
    writer's word for "not yet" means (unpublished: draft, unlisted: hidden), else the
    closest spelling, but never one a negated word turns around (unpublished, unhidden)."""
    if status in WITHHOLDING_STATUSES:
        return WITHHOLDING_STATUSES[status]
    if _NEGATED.match(status) or " " in status.strip():
        # "not published", "publish later": a meaning, not a typo; the safe way
        return "draft" if "publish" in status or "draft" in status else None
    close = difflib.get_close_matches(status, STATUSES, n=1)
    return close[0] if close else None


def check_status(value: str, syntax: str = keysyntax.MARKDOWN) -> str:
    """Return a known status, or explain which are allowed (with a suggestion that never
    publishes a post the writer meant to keep out, its Status as a file of ``syntax`` writes
    it: ``:status: draft`` in .rst)."""
    status = value.strip().lower()
    if status in STATUSES or not status:
        return status
    words = " ".join(status.split())
    close = status_suggestion(words)
    hint = f" (did you mean {close!r}?)" if close else ""
    if words in WITHHOLDING_STATUSES:  # a meaning, not a typo: say what ours does
        ours = keysyntax.key_as_written("Status", syntax, close)
        hint = f" (did you mean {close!r}? {KEEP_OUT_SAYS[close].format(status=ours)})"
    if words in FORMER_STATUSES:  # a team file's person who has left
        hint = " (someone who has left: a team file says Alumni: true)"
    raise FrontMatterError(f"Status must be one of {', '.join(STATUSES)}, got {value!r}{hint}")


def check_value(key: str, value: object, syntax: str = keysyntax.MARKDOWN) -> None:
    """Raise FrontMatterError when a known key carries a value of the wrong kind (advice
    naming keys as a file of ``syntax`` writes them)."""
    if not isinstance(value, str):
        return
    if key in DATE_KEYS:
        check_date(key, value)
    elif key == "status":
        check_status(value, syntax)


# other engines' and themes' names for keys we read (lowercase, as Pelican hands them over):
# difflib would take Update for a typo of Date, and finds nothing for Lastmod or Excerpt
OTHER_NAMES = {
    "update": "modified", "updated": "modified", "lastmod": "modified",
    "last_modified": "modified", "last_updated": "modified", "last_update": "modified",
    "description": "summary", "excerpt": "summary", "abstract": "summary",
    "categories": "category", "keywords": "tags",
    "language": "lang", "image": "cover", "featured_image": "cover", "cover_image": "cover",
}  # fmt: skip
# what our key does, said after the suggestion of an other engine's name for it
OUR_KEYS_SAY = {
    "modified": 'this site\'s key for the date a post was last updated, shown as "Updated …"',
    "summary": "this site's key for the text shown on listings and in feeds",
    "category": "a post here has one category: write one of them",
    "tags": "this site's key for tags, separated by commas",
    "lang": "this site's key for the post's language code, such as en or fr",
    "cover": "this site's key for the post's picture, a file in the content folder",
}


def other_name(
    key: str, known: frozenset[str] = KNOWN_KEYS, present: frozenset[str] | set[str] = frozenset()
) -> str | None:
    """Our key that another engine names ``key`` (``lastmod``: modified), or None; never one
    the file gives already (its Date is not what Update meant)."""
    ours = OTHER_NAMES.get(key)
    return ours if ours in known and ours not in present else None


def close_key(
    key: str, known: frozenset[str] = KNOWN_KEYS, present: frozenset[str] | set[str] = frozenset()
) -> str | None:
    """The known key an unknown one is probably a typo of (``sumary``: summary), or None;
    never a key the file gives already (following it would give that key twice)."""
    if key in OTHER_NAMES:  # another engine's word, not a typo (Update is not Date)
        return None
    close = difflib.get_close_matches(key, sorted(known - set(present)), n=1, cutoff=0.7)
    return close[0] if close else None


# what an HTML file's <head> says of the page it was, which Pelican's HTML reader takes for
# keys like any <meta name>: this site's theme writes its own viewport and colours, and a
# generator is the tool that wrote the file; no post's front matter, so nothing to say
HTML_PAGE_NAMES = frozenset(
    {"viewport", "generator", "theme-color", "color-scheme", "format-detection"}
)


class Unknown(NamedTuple):
    """A key no one reads, as its line says it: ``said`` (``unknown key 'X' is ignored``, or
    what NOT_DONE_HERE says of it), ``hint`` (the did-you-mean, without its brackets), ``meant``
    (our key, as written, that the hint asks "did you mean" of: the folded line's way out
    writes it) and whether it is a typo of ours (``typo``); "" for none."""

    said: str
    hint: str = ""
    meant: str = ""
    typo: bool = False

    @property
    def message(self) -> str:
        """The line's words after the file."""
        return f"{self.said} ({self.hint})" if self.hint else self.said


def unknown(
    key: str, known: frozenset[str] = KNOWN_KEYS, present: frozenset[str] | set[str] = frozenset()
) -> Unknown | None:
    """What the line of a key no one reads says (with a did-you-mean: another engine's name
    for one of ours, or a typo of one), or None when it is known. ``present``: the file's keys."""
    if key in known:
        return None
    if key in NOT_DONE_HERE:
        return Unknown(f"{display_key(key)} {NOT_DONE_HERE[key].one}")
    said = f"unknown key {display_key(key)!r} is ignored"
    ours = other_name(key, known, present)
    if ours:
        shown = display_key(ours)
        return Unknown(said, f"did you mean {shown}? {OUR_KEYS_SAY.get(ours, 'ours')}", shown)
    close = close_key(key, known, present)
    if close:
        return Unknown(said, f"did you mean {display_key(close)}?", display_key(close), True)
    given = (other_name(key, known) or close_key(key, known)) if present else None
    if given in present:  # Categories: beside Category: (Tag: beside Tags:)
        given_shown = display_key(given)
        return Unknown(
            said, f"this site's key is {given_shown}, given in this file too: only it is read"
        )
    return Unknown(said)


# other engines' ways to keep a post out or off the lists: Hugo's "draft: true", Jekyll's
# "published: false", a Jekyll theme's "hidden: true" (Chirpy's), Obsidian Publish's
# "publish: false", Eleventy's "eleventyExcludeFromCollections: true", and the words themes
# and vaults use (private, unpublished, visible: false: out; unlisted: reachable, off the lists);
# key -> (the value that means it, whose key it is, our Status for it, what that does)
_OUT = ("draft", "keep a post out", "kept out as a draft")
_OFF_LISTS = ("hidden", "keep a post off the lists", "left off the home page, lists and feeds")
OTHER_ENGINES = {
    "draft": ("true", "Hugo's", *_OUT),
    "published": ("false", "Jekyll's", *_OUT),
    "hidden": ("true", "a Jekyll theme's", *_OFF_LISTS),
    "publish": ("false", "Obsidian Publish's", *_OUT),
    "private": ("true", "another blog's", *_OUT),
    "unpublished": ("true", "another blog's", *_OUT),
    "visible": ("false", "another blog's", *_OUT),
    "secret": ("true", "another blog's", *_OUT),
    "wip": ("true", "another blog's", *_OUT),
    "unlisted": ("true", "another blog's", *_OFF_LISTS),
    "listed": ("false", "another blog's", *_OFF_LISTS),
    "eleventyexcludefromcollections": ("true", "Eleventy's", *_OFF_LISTS),
}
# another engine's key as it is written (Pelican hands keys over in lower case)
CAMEL_CASE = {"eleventyexcludefromcollections": "eleventyExcludeFromCollections"}


class NotDoneHere(NamedTuple):
    """What a line says after the key: of one file, and of many (repeats.not_done_message)."""

    one: str
    many: str


# keys other engines read for what this site does not do: said as what happens instead (a
# warning in development, an error in a publish of a published post), not as a typo; in many
# files one line, as any key's (a migrated blog's Noindex: in each post was a line each)
NOT_DONE_HERE = {
    "noindex": NotDoneHere(
        "is a theme's way to keep a post out of search engines, which this site does not do: "
        "the post is published, listed and in the sitemap like any other (remove the line; "
        "Status: hidden keeps it off the lists, Status: draft keeps it out)",
        "is a theme's way to keep a post out of search engines, which this site does not do: "
        "they are published, listed and in the sitemap like any other; remove the line from "
        "them (Status: hidden keeps a post off the lists, Status: draft keeps it out)",
    ),
}
_YES_NO = {"true", "false", "yes", "no", "on", "off", "1", "0"}
_YES = {"true", "yes", "on", "1"}


def _as_written(value: object) -> str | None:
    """A value as text: Markdown's and YAML's are text already; a reader that converts them
    (TOML's dates and booleans) gives objects, which would otherwise slip past. None for
    anything else (a list)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value if isinstance(value, str) else None


def other_engine_status(
    metadata: dict[str, Any], what: str = "post", syntax: str = keysyntax.MARKDOWN
) -> tuple[str | None, list[str]]:
    """The Status another engine's key means (draft, or hidden; a draft wins), or None; and a
    line for each such key (its key is taken out of ``metadata``: it is said here, not as an
    unknown key). A value that is neither yes nor no is read as the safe way (kept out).
    ``what`` the file is, for the lines: a post, a gallery; ``syntax``: how the file writes
    a key (keysyntax), for the lines to name keys as it does."""
    held, lines = None, []
    for key, (out, engine, status, does, done) in OTHER_ENGINES.items():
        if _as_written(metadata.get(key)) is None:
            continue
        value = str(_as_written(metadata.pop(key))).strip().lower()
        name = CAMEL_CASE.get(key, display_key(key))
        # key_as_written would write Markdown's eleventyExcludeFromCollections capitalised
        shown = (
            f"{name}: {value}"
            if syntax == keysyntax.MARKDOWN
            else keysyntax.key_as_written(name, syntax, value)
        )
        ours = keysyntax.key_as_written("Status", syntax, status)  # Status: draft, :status:..
        if "status" in metadata:
            lines.append(f"{shown} is {engine} key and is ignored: Status says it (remove it)")
            continue
        if value in _YES_NO and (value in _YES) != (out in _YES):
            lines.append(
                f"{shown} is {engine} key and is ignored: a {what} is "
                f"{'published' if status == 'draft' else 'listed'} unless it says "
                f"{ours} (remove the {keysyntax.line_of(syntax)})"
            )
            continue
        held = "draft" if "draft" in (held, status) else status
        lines.append(
            f"{shown} is {engine} way to {does.replace('a post', f'a {what}')}; here it is "
            f"{ours}, and the {what} is {done} (write {ours} instead)"
        )
    return held, lines


# Hugo's dates that decide when a post is public (and the aliases Hugo reads for them)
PUBLISH_DATE_KEYS = ("publishdate", "pubdate")
EXPIRY_DATE_KEYS = ("expirydate", "unpublishdate")


def _hugo_dates(
    metadata: dict[str, Any], keys: Sequence[str], now: datetime.datetime, syntax: str
) -> Iterator[tuple[str, datetime.datetime, str]]:
    """Each of these date keys the file gives, taken out of ``metadata``: the value as written,
    the moment it names (in ``now``'s zone when it names none), and ``Key: value`` for a line
    (as a file of ``syntax`` writes it). Raises FrontMatterError for a value that is no date."""
    for key in keys:
        if _as_written(metadata.get(key)) is None:
            continue
        value = str(_as_written(metadata.pop(key))).strip()
        shown = keysyntax.key_as_written(display_key(key), syntax, value)
        yield value, _aware(check_date(key, value), now), shown


def other_engine_dates(
    metadata: dict[str, Any],
    now: datetime.datetime,
    page: bool = False,
    syntax: str = keysyntax.MARKDOWN,
) -> tuple[dict[str, str], list[str]]:
    """Hugo's publishDate and expiryDate read as meant: what to set (``{"date": ...}``, the
    value as written, for the reader to convert as it converts Date; ``{"status": "draft"}``)
    and a line for each (its key is taken out of ``metadata``). A publishDate after Date (or
    with no Date) is when the post goes out: here that is its Date, so it waits like any post
    dated later; an expiryDate that has passed keeps the post out, a later one is said not to
    be acted on. A page does not wait for its Date: a later publishDate keeps it out as a
    draft. Raises FrontMatterError for a value that is no date (never published by mistake).
    ``now``: the time of the build, in the site's zone; ``syntax``: how the file writes a key
    (keysyntax), for the lines to name keys as it does."""
    found: dict[str, str] = {}
    lines = []
    draft = keysyntax.key_as_written("Status", syntax, "draft")  # Status: draft, :status: ..
    line = keysyntax.line_of(syntax)
    date = metadata.get("date")
    for value, when, shown in _hugo_dates(metadata, PUBLISH_DATE_KEYS, now, syntax):
        if page and when > now:  # a page is published at once, whatever its Date
            found["status"] = "draft"
            lines.append(
                f"{shown} is Hugo's date for the page to go out; a page here does not wait for "
                f"a date, so it is kept out as a draft (write {draft} instead, and remove "
                "it on that day)"
            )
            continue
        if page:
            lines.append(
                f"{shown} is Hugo's date for the page to go out; it has passed, and the "
                f"{line} is ignored (remove it)"
            )
            continue
        if isinstance(date, datetime.datetime) and when <= _aware(date, now):
            lines.append(
                f"{shown} is Hugo's date for the post to go out, and it is not after Date: "
                f"the post goes out on its Date, and the {line} is ignored (remove it)"
            )
            continue
        found["date"] = value
        wait = ", so the post waits until then like any post dated later" if when > now else ""
        dated = isinstance(date, datetime.datetime)
        instead = f"in place of the {keysyntax.key_as_written('Date', syntax)} {line}"
        ours = keysyntax.key_as_written("Date", syntax, value)
        lines.append(
            f"{shown} is Hugo's date for the post to go out; here it is read as {ours}{wait} "
            f"(write {ours} {instead if dated else 'instead'})"
        )
    for _value, when, shown in _hugo_dates(metadata, EXPIRY_DATE_KEYS, now, syntax):
        if when > now:
            lines.append(
                f"{shown} is Hugo's date to take the post down; this site does not take it "
                f"down then: on that day, write {draft} (and remove this {line})"
            )
        elif "status" in metadata:
            lines.append(f"{shown} is Hugo's key and is ignored: Status says it (remove it)")
        else:
            found["status"] = "draft"
            lines.append(
                f"{shown} is Hugo's date to take the post down, and it has passed; here it is "
                f"{draft}, and the post is kept out as a draft (write {draft} instead)"
            )
    return found, lines


# other engines' keys for a post's old addresses: Hugo's aliases (the addresses it redirects
# from; Obsidian's aliases, names of the note without a '/', are not: _is_note_name),
# Jekyll's permalink (where it was), the pelican-alias plugin's Alias (the addresses it
# wrote a redirect page at); key -> whose key it is, what it holds
OLD_ADDRESS_KEYS = {
    "aliases": ("Hugo's old address of the post", "Hugo's old addresses of the post"),
    "permalink": ("Jekyll's address for the post, its old one now", "Jekyll's addresses"),
    "alias": (
        "the pelican-alias plugin's old address of the post",
        "the pelican-alias plugin's old addresses of the post",
    ),
}
# pelican-alias reads its addresses separated by spaces, or by commas
_SPACED_ADDRESS_KEYS = frozenset({"alias"})
# the keys WordPress exporters write (the "WordPress to Jekyll Exporter" plugin's columns of
# WordPress's posts table, jekyll-import's and wordpress-to-markdown's): any one of them marks
# a file as one such exporter wrote
WORDPRESS_KEYS = frozenset({
    "post_author", "post_date", "post_date_gmt", "post_title", "post_excerpt", "post_status",
    "comment_status", "ping_status", "post_password", "post_name", "to_ping", "pinged",
    "post_modified", "post_modified_gmt", "post_content_filtered", "post_parent", "guid",
    "menu_order", "post_type", "post_mime_type", "comment_count", "wordpress_id",
    "wordpress_url", "post_id", "parent_id", "author_login", "author_email", "author_url",
    "date_gmt",
})  # fmt: skip
# keys those exporters write too that are WordPress's own in such a file (in another, the
# usual line for an unknown key); Jekyll's published: true and a numbered author with them
WORDPRESS_TOO = frozenset({"id", "layout", "type", "meta", "password"})
# WordPress's statuses for a post -> ours: a private, pending or password-protected post was
# not public there, so it is not here; a scheduled one waits for its Date as any post
WORDPRESS_STATUSES = {
    "publish": "published", "future": "published", "draft": "draft", "auto-draft": "draft",
    "pending": "draft", "private": "draft", "trash": "draft", "inherit": "draft",
}  # fmt: skip
# WordPress's key -> ours, read when the file does not give ours
WORDPRESS_READ = {"post_title": "title", "post_date": "date", "post_status": "status"}
# every key another engine's way of saying status, dates or addresses comes under: a file
# with none of them (nearly every one) is not looked at further
OTHER_ENGINE_KEYS = frozenset(
    {*OTHER_ENGINES, *PUBLISH_DATE_KEYS, *EXPIRY_DATE_KEYS, *OLD_ADDRESS_KEYS, *WORDPRESS_KEYS,
     "status"}
)  # fmt: skip


def wordpress_status(value: object) -> bool:
    """Whether a Status value is one of WordPress's that is none of ours (publish)."""
    status = _text(value).lower()
    return status in WORDPRESS_STATUSES and status not in STATUSES


def _text(value: object) -> str:
    written = _as_written(value)
    return written.strip() if written is not None else ""


def wordpress_keys(
    metadata: dict[str, Any], syntax: str = keysyntax.MARKDOWN
) -> tuple[dict[str, str], list[str]]:
    """A WordPress exporter's keys, read where they mean something here, left out where
    they are WordPress's own. Returns what to set (``date`` as written, for the reader to
    convert as it converts Date; ``title``, ``status``, ``comments``) and the lines to say:
    one for the file, naming what was read and what was left out, and one for an author
    given as WordPress's number. Every key of theirs is taken out of ``metadata``, so none
    is also an unknown key with a suggestion of ours (ping_status is not Status). A file with
    none of them is left alone; its Status: publish is the error any file's would be.
    Raises FrontMatterError for it. Keys to write are named as a file of ``syntax`` writes
    them (a :summary: field in .rst)."""
    found: dict[str, str] = {}
    status = _text(metadata.get("status")).lower()
    if WORDPRESS_KEYS.isdisjoint(metadata):
        if wordpress_status(status):  # a typo of ours, as in any file (the reader let it by)
            check_status(str(metadata["status"]))
        return found, []
    read: list[str] = []
    left: list[str] = []
    lines: list[str] = []
    if wordpress_status(status):  # jekyll-import's status: publish, read as post_status is
        metadata.pop("status")
        found["status"] = WORDPRESS_STATUSES[status]
        read.append("status as Status")
    written: dict[str, Any] = {}
    for key in sorted(set(metadata) & (WORDPRESS_KEYS | WORDPRESS_TOO), key=list(metadata).index):
        value = written[key] = metadata.pop(key)
        ours = WORDPRESS_READ.get(key)
        if ours and ours not in metadata and ours not in found and _text(value):
            if key == "post_status":
                status = _text(value).lower()
                if status not in WORDPRESS_STATUSES:
                    left.append(key)
                    continue
                found["status"] = WORDPRESS_STATUSES[status]
            else:
                found[ours] = _text(value)
            read.append(f"{key} as {display_key(ours)}")
        elif key == "comment_status" and _text(value).lower() == "closed":
            if "comments" not in metadata:
                found["comments"] = "closed"
                read.append(f"{key} as Comments")
            else:
                left.append(key)
        elif key in ("post_password", "password") and _text(value):
            found["status"] = "draft"
            read.append(f"{key} as Status: draft (the post was not public there)")
        elif key == "post_excerpt" and _text(value) and "summary" not in metadata:
            summary = keysyntax.one_key("Summary", syntax)
            left.append(f"{key} (the post's summary: write it as {summary})")
        else:
            left.append(key)
    categories = metadata.get("categories")
    if categories and "category" not in metadata:  # jekyll-import's list: ours has one
        names = categories if isinstance(categories, list | tuple) else str(categories).split(",")
        names = [str(n).strip() for n in names if str(n).strip()]
        if names:
            metadata.pop("categories")
            found["category"] = names[0]
            more = f" (a post here has one: {', '.join(names[1:])} left out)" if names[1:] else ""
            read.append(f"categories as Category{more}")
    if _text(metadata.get("published")).lower() in _YES:
        metadata.pop("published")
        left.append("published")
    author = str(metadata.get("author") or "").strip()  # Pelican's Author reads as its name
    number = author if author.isdigit() else _text(written.get("post_author"))
    if author.isdigit():
        metadata.pop("author")
        left.append("author")
    if number.isdigit() and not (author and not author.isdigit()):
        lines.append(
            f"the author is given as {number}, WordPress's number for them, which names no "
            f"one: write {keysyntax.one_key('Author', syntax)} with their name (the WordPress "
            "importer signs each post with its author's name and writes their team file: "
            "docs/importing.md)"
        )
    said = f"read {', '.join(read)}; " if read else ""
    lines.insert(
        0,
        f"has the keys a WordPress exporter writes: {said}"
        + (
            f"{', '.join(left)} are WordPress's own and left out (remove them)"
            if left
            else "write this site's keys instead"
        ),
    )
    return found, lines


# an old address, for an example of one
OLD_ADDRESS = "/2010/08/23/slug.html"
# a Jekyll permalink made of placeholders (/:year/:title/) or a style's name is no address
_PERMALINK_PATTERN = re.compile(r"(^|/):[A-Za-z_]|^(pretty|date|ordinal|weekdate|none)$")


def other_engine_addresses(
    metadata: dict[str, Any], syntax: str = keysyntax.MARKDOWN
) -> tuple[str | None, list[str], list[tuple[str, tuple[str, ...]]]]:
    """Hugo's aliases, Jekyll's permalink and pelican-alias's Alias read as Redirect_from
    (the redirects plugin's old addresses, which they are once the post lives at this site's
    address): the new
    Redirect_from value (with any written one first), or None; a line for each key that is
    no address (taken out of ``metadata``); and (key, its addresses) for each key read, whose
    line (``old_address_line``) waits for the post's own address: a permalink that is that
    address (a Jekyll page's /about/) has nothing to redirect, and nothing to say. ``syntax``:
    how the file writes a key (keysyntax), for the lines to name keys as it does."""
    wanted: list[str] = []
    lines = []
    read: list[tuple[str, tuple[str, ...]]] = []
    for key in OLD_ADDRESS_KEYS:
        if key not in metadata:
            continue
        raw = metadata.pop(key)
        items = raw if isinstance(raw, list | tuple) else [raw]
        split = r"[,\s]+" if key in _SPACED_ADDRESS_KEYS else ","
        paths = [p.strip() for i in items for p in re.split(split, str(i or "")) if p.strip()]
        if key == "permalink":
            if any(_PERMALINK_PATTERN.search(p) for p in paths):
                shown = keysyntax.key_as_written(display_key(key), syntax, ", ".join(paths))
                example = keysyntax.key_as_written("Redirect_from", syntax, OLD_ADDRESS)
                lines.append(
                    f"{shown} is Jekyll's pattern for addresses, not an address, and is "
                    "ignored: to keep old links working, write the post's old address itself, "
                    f"e.g. {example}"
                )
                continue
            # Jekyll reads a permalink from the site's root, with or without the first /
            paths = [p if p.startswith("/") or "://" in p else "/" + p for p in paths]
        elif key == "aliases":
            names = [p for p in paths if _is_note_name(p)]
            if names:
                lines.append(obsidian_aliases_line(names, syntax))
                paths = [p for p in paths if p not in names]
        if not paths:
            continue
        wanted += paths
        read.append((key, tuple(paths)))
    if not wanted:
        return None, lines, read
    written = metadata.get("redirect_from")
    if isinstance(written, list | tuple):
        written = ", ".join(str(w) for w in written)
    return ", ".join([*([written] if written else []), *wanted]), lines, read


def _is_note_name(alias: str) -> bool:
    """Whether an ``aliases`` entry is Obsidian's (another name of the note: 'Q2 planning')
    rather than Hugo's (an old address: '/posts/q2/', a URL, 'posts/q2.html' relative to
    the section): a name has no '/'."""
    return "/" not in alias


def obsidian_aliases_line(names: Sequence[str], syntax: str = keysyntax.MARKDOWN) -> str:
    """The line for Obsidian's aliases: names of the note, not addresses, ignored (keys named
    as a file of ``syntax`` writes them)."""
    said = (
        ("are other names", "old addresses", "are")
        if len(names) > 1
        else ("is another name", "an old address", "is")
    )
    shown = keysyntax.key_as_written("Aliases", syntax, ", ".join(names))
    example = keysyntax.key_as_written("Redirect_from", syntax, "/posts/old-slug/")
    return (
        f"{shown} {said[0]} of the note (Obsidian's aliases), not {said[1]} of the post, and "
        f"{said[2]} ignored: remove the {keysyntax.line_of(syntax)} (an old address that "
        f"should redirect here is a path: {example})"
    )


def old_address_line(key: str, paths: Sequence[str], syntax: str = keysyntax.MARKDOWN) -> str:
    """The line for another engine's old addresses read as Redirect_from (keys named as a
    file of ``syntax`` writes them)."""
    one, several = OLD_ADDRESS_KEYS[key]
    said = (
        (f"are {several}; here they are", "they redirect")
        if len(paths) > 1
        else (f"is {one}; here it is", "it redirects")
    )
    shown = keysyntax.key_as_written(display_key(key), syntax, ", ".join(paths))
    ours = keysyntax.key_as_written("Redirect_from", syntax, ", ".join(paths))
    return (
        f"{shown} {said[0]} read as Redirect_from, so {said[1]} to the post (write {ours} instead)"
    )


def is_own_address(path: str, save_as: str) -> bool:
    """Whether an old address (a site path: /about/, /about, /about/index.html) is where the
    site writes ``save_as`` (about/index.html), as a static host serves it (the redirects
    plugin reads old addresses so)."""
    if "://" in path or "?" in path or not path.startswith("/"):
        return False
    decoded = unquote(path.split("#", 1)[0]).lstrip("/")
    last = decoded.rsplit("/", 1)[-1]
    if not decoded or decoded.endswith("/"):
        output = decoded + "index.html"
    elif last.lower().endswith((".html", ".htm")):
        output = decoded
    else:
        output = decoded + "/index.html"
    return output == save_as.replace("\\", "/").lstrip("/")


def text_read_as_key(key: str, value: str, swallowed: bool) -> str | None:
    """The line for the text's first line taken for a key: ``Note: we are hiring in Leeds``
    right under the keys, its paragraph going on below it with no blank line between
    (Markdown's front matter ends at the first blank line), is lost from the post.
    ``swallowed``: the key is the last one and a line of text follows it at once (a key
    followed by a blank line, or by the closing ---, is a key). None when it looks like one."""
    if not swallowed or close_key(key) or len(value.split()) < 4:
        return None
    return (
        f"'{display_key(key)}: {value[:40]}{'…' if len(value) > 40 else ''}' is read as front "
        "matter, not as text, so it is not in the post: leave a blank line after the keys"
    )


def _within(parts: list[str], folder: str) -> bool:
    """Whether a path (split in parts) lies in a folder; "" is the content folder itself."""
    wanted = [p for p in folder.replace("\\", "/").strip("/").split("/") if p not in ("", ".")]
    return parts[: len(wanted)] == wanted


def is_post_or_page(
    relpath: str, folders: list[str], plugin_folders: list[str] | tuple[str, ...] = ()
) -> bool:
    """Whether a file (relative to the content folder) is a post or page, whose keys we know.

    ``folders`` are ARTICLE_PATHS and PAGE_PATHS ("" meaning the whole content folder, as in
    Pelican's default); files in ``plugin_folders`` (team/, series/...) have their own keys.
    """
    return is_within_any(relpath, folders, plugin_folders)


def path_metadata_keys(relpath: str, filename_re: str, path_re: str) -> set[str]:
    """Keys Pelican takes from a file's name and path (FILENAME_METADATA, PATH_METADATA)."""
    keys = set()
    stem = relpath.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    for pattern, text in ((filename_re, stem), (path_re, relpath)):
        match = re.match(pattern, text) if pattern else None
        if match:
            keys.update(k for k, v in match.groupdict().items() if v is not None)
    return keys


# a file name that ends in a language code, as Pelican sites named translations for their
# FILENAME_METADATA: 2014-07-15-bb-and-qt-icu-ru (a dash: two letters) or merger.fr, merger.pt-BR
DATED = re.compile(r"\d{4}-\d{2}-\d{2}[-_]")
DASHED_LANG = re.compile(r"(?P<base>.+)-(?P<lang>[a-z]{2})")
DOTTED_LANG = re.compile(r"(?P<base>.+)\.(?P<lang>[A-Za-z]{2}(?:[-_][A-Za-z]{2,4})?)")
# how many posts so named, with no Lang: line, make the one line about FILENAME_METADATA
NAMED_LANG_POSTS = 3


@dataclass(frozen=True)
class NamedPost:
    """A post as the FILENAME_METADATA line needs it: its file as staff know it
    (content/posts/x.fr.md) and the keys it gives itself or by its name and path."""

    shown: str
    given: frozenset[str]


def named_lang(stem: str) -> tuple[str, str] | None:
    """The language code a file name (without its extension) ends in, with how it is
    written (``"-"`` or ``"."``); None when it ends in none Babel knows."""
    for kind, pattern in ((".", DOTTED_LANG), ("-", DASHED_LANG)):
        match = pattern.fullmatch(stem)
        if match and canonical_lang(match["lang"]):
            return match["lang"], kind
    return None


def file_name_metadata_line(
    posts: Sequence[NamedPost], filename_re: str, default_lang: str
) -> str | None:
    """The one line for an adopted site whose posts' languages (and slugs) came from their
    file names (its FILENAME_METADATA: 2014-07-15-bb-and-qt-icu-ru.md), which this site's
    FILENAME_METADATA does not read: posts whose name ends in a language code and that give
    no Lang, NAMED_LANG_POSTS of them or more. ``name.fr.md`` is how translations are named
    here too (with a Lang: line): those counted say no Lang; a dash and two letters
    (``fix-it``) count only when most posts are named so. None when nothing is to be said."""
    if "lang" in re.compile(filename_re or "$^").groupindex:
        return None
    found: dict[str, list[NamedPost]] = {".": [], "-": []}
    for post in posts:
        named = named_lang(post.shown.rpartition("/")[2].rpartition(".")[0])
        if named and "lang" not in post.given:
            found[named[1]].append(post)
    if len(found["-"]) * 2 < len(posts):  # most posts named so, or none counts
        found["-"] = []
    lacking = [*found["."], *found["-"]]
    if len(lacking) < NAMED_LANG_POSTS:
        return None
    kind = "." if len(found["."]) >= len(found["-"]) else "-"
    # headed by their folder, as other lines about many posts are (the overlay files it
    # there); posts in several folders: by the settings file, where the fix goes
    where = repeats.heading(post.shown for post in lacking)
    names = sorted(post.shown.removeprefix(where) for post in lacking)
    dated = all(DATED.match(name.rpartition("/")[2]) for name in names)
    taken = [f"the {key}" for key in sorted(re.compile(filename_re or "$^").groupindex)]
    reads = f"takes only {' and '.join(taken)} from" if taken else "takes nothing from"
    slugs = any("slug" not in post.given for post in lacking)
    date = r"(?P<date>\d{4}-\d{2}-\d{2})-" if dated else ""
    sep = r"\." if kind == "." else "-"
    pattern = f"r'{date}(?P<slug>.*){sep}(?P<lang>[a-z]{{2}})$'"
    shown = ", ".join(names[:2]) + (", ..." if len(names) > 2 else "")
    # an adopted site's .rst posts write keys as :lang: fields
    files = [post.shown for post in lacking]
    no_keys = keysyntax.a_key(("Lang", "Slug") if slugs else "Lang", files, "no")
    return (
        f"{where}: {len(lacking)} posts have file names that end in a language code ({shown}) "
        f"but {no_keys}, and FILENAME_METADATA {reads} a "
        f"file name here: they are marked {default_lang} (DEFAULT_LANG)"
        + (", and their slugs, so their addresses, come from their titles" if slugs else "")
        + "; if the old site took these from file names, copy its FILENAME_METADATA into "
        f"pelicanconf.py (for names like these: FILENAME_METADATA = {pattern}), else add "
        f"{keysyntax.lines_for_each('Lang', files)} (docs/adopting.md)"
    )


# where a post's category came from (reader.CATEGORY_FROM); EMPTY: the default, for an empty
# Category: line
WRITTEN, FROM_PATH, FROM_FOLDER, DEFAULT = "written", "path", "folder", "default"
EMPTY = "empty"


def category_origin(
    relpath: str,
    written: bool,
    path_keys: set[str],
    article_paths: list[str],
    use_folder: bool,
    lang: str = "",
) -> str:
    """Where a post's category comes from: its ``Category:`` line, its name or path
    (FILENAME_METADATA, PATH_METADATA, EXTRA_PATH_METADATA), the subfolder of a post folder it
    is in (Pelican's USE_FOLDER_AS_CATEGORY: ``posts/engineering/x.md``), or the default.

    A post right in a post folder (``posts/x.md``) gets the default, not the folder's name:
    Pelican would file it under a category called "posts". So does one in a folder that only
    says it holds posts (Jekyll's ``_posts/``, Hugo's ``post/``, Pelican's usual ``articles/``,
    ``blog/``: POST_FOLDERS), and a Hugo page bundle (``posts/wireguard/index.md``), whose
    folder is the post itself. Given the post's ``lang``, a folder named for it
    (``articles/en/x.md`` with Lang: en: translations kept apart) is no topic either: the
    folder above it says (category_folder)."""
    if written:
        return WRITTEN
    if "category" in path_keys:
        return FROM_PATH
    folder = category_folder(relpath, lang)
    name = relpath.rpartition("/")[2]
    roots = {p.strip("/") for p in article_paths}
    if not use_folder or not folder or folder in roots:
        return DEFAULT
    if folder.rpartition("/")[2].lower() in POST_FOLDERS:
        return DEFAULT
    if name.rpartition(".")[0].lower() in BUNDLE_NAMES:
        return DEFAULT
    return FROM_FOLDER


def category_folder(relpath: str, lang: str = "") -> str:
    """The folder whose name is a post's category (USE_FOLDER_AS_CATEGORY): the one it is in,
    or the one above when that is named for the post's language, as sites keep translations
    (``articles/en/x.md`` with Lang: en -> ``articles``; pt_BR and pt-br alike)."""
    folder = relpath.replace("\\", "/").rpartition("/")[0]
    parent, _, last = folder.rpartition("/")
    if lang and last and _tag(last) == _tag(lang):
        return parent
    return folder


# Pelican's own DEFAULT_CATEGORY: an old Pelican site that never set it filed there each post
# without a category
PELICAN_DEFAULT_CATEGORY = "misc"


# the posts of one folder filed under the default named each in a line of their own; more: one
DEFAULT_SHOWN = 4


def default_category_lines(
    files: Sequence[str], category: str, listed: str, chosen: bool = False
) -> list[str]:
    """The lines for posts filed under the default category because they write none (files
    as staff know them): one each, or one per folder of more than DEFAULT_SHOWN (an adopted
    blog's 47 posts in content/articles/: DEFAULT_CATEGORY is likely the old site's own),
    which is not said once DEFAULT_CATEGORY is ``chosen`` (no longer the sample's)."""
    folders: dict[str, list[str]] = {}
    for file in files:
        folders.setdefault(file.rpartition("/")[0], []).append(file)
    said = []
    for folder, here in folders.items():
        if len(here) <= DEFAULT_SHOWN:
            said += [
                f"{file}: has {keysyntax.a_key('Category', [file], 'no')}, so it is filed "
                f"under {category!r}; add one{listed}"
                for file in here
            ]
            continue
        if chosen:  # the line's own advice followed: those posts are filed as the site says
            continue
        names = sorted(file.rpartition("/")[2] for file in here)
        said.append(
            f"{folder}/: {len(here)} posts ({', '.join(names[:3])} and {len(names) - 3} more) "
            f"have {keysyntax.a_key('Category', here, 'no')}, so they are filed under "
            f"{category!r}; add one to each"
            f"{listed}, or set DEFAULT_CATEGORY in pelicanconf.py to the old site's "
            f'(DEFAULT_CATEGORY = "{PELICAN_DEFAULT_CATEGORY}", Pelican\'s own, if it set none)'
        )
    return said


def empty_category_line(category: str, sample: bool) -> repeats.Said:
    """A post's line for its empty ``Category:`` (Pelican's "none": it is filed under
    DEFAULT_CATEGORY, ``category``), with what its folder's line says of each; ``sample``:
    DEFAULT_CATEGORY is still the sample's on an adopted site, whose old posts Pelican filed
    under its own default (their category's name and page change, and nothing said so)."""
    kind = repeats.empty_kind("Category")
    if not sample:
        return repeats.Said(
            f"Category is empty, so it is filed under {category!r} (DEFAULT_CATEGORY); give "
            "it a value or remove the line",
            f"they are filed under {category!r} (DEFAULT_CATEGORY); give each a value or "
            "remove the lines",
            kind,
        )
    old = (
        f"Pelican's own default, {PELICAN_DEFAULT_CATEGORY!r}, filed {{it}} on an old site "
        "that did not set DEFAULT_CATEGORY"
    )
    keep = (
        "set DEFAULT_CATEGORY in pelicanconf.py to the old site's "
        f'(DEFAULT_CATEGORY = "{PELICAN_DEFAULT_CATEGORY}" if it set none) to keep its '
        "category page"
    )
    return repeats.Said(
        f"Category is empty, so it is filed under {category!r}, the sample's DEFAULT_CATEGORY "
        f"({old.format(it='it')}); {keep}, or give it a value",
        f"they are filed under {category!r}, the sample's DEFAULT_CATEGORY "
        f"({old.format(it='them')}); {keep}, or give each a value",
        kind,
    )


def _tag(code: str) -> str:
    """A language as folder names and Lang lines may write it: pt_BR and pt-br alike."""
    return code.lower().replace("_", "-")


# folders that say they hold posts, not what the posts are about: Jekyll's and Hugo's, copied
# over as they were, and the ones Pelican sites name in ARTICLE_PATHS (articles/, blog/)
POST_FOLDERS = frozenset(
    {"_posts", "_drafts", "drafts", "post", "posts", "articles", "article", "blog"}
)
# a Hugo page bundle's post: posts/<name>/index.md, its pictures beside it
BUNDLE_NAMES = frozenset({"index", "_index"})
# folders of work in progress (Jekyll's _drafts/, never published without --drafts)
DRAFT_FOLDERS = frozenset({"_drafts", "drafts"})


def in_drafts_folder(relpath: str) -> bool:
    """Whether a post or page lies in a drafts folder (``_drafts/``, ``drafts/``, at any depth)."""
    parts = relpath.replace("\\", "/").split("/")[:-1]
    return any(part.lower() in DRAFT_FOLDERS for part in parts)


def is_within_any(
    relpath: str, folders: list[str], excludes: list[str] | tuple[str, ...] = ()
) -> bool:
    """Whether a file lies in one of the folders ("" is all) and none of the excluded ones."""
    parts = [p for p in relpath.replace("\\", "/").split("/") if p not in ("", ".")]
    if any(_within(parts, f) for f in excludes if f):
        return False
    return any(_within(parts, f) for f in folders if f is not None)


PLUGIN_FOLDER_SETTINGS = ("TEAM_PATH", "SERIES_PATH", "GALLERY_PATH")


def plugin_folders(settings: dict) -> list[str]:
    """The folders the team, series and galleries plugins read (when they are on)."""
    found = [settings.get(key) for key in PLUGIN_FOLDER_SETTINGS]
    return [f for f in found if isinstance(f, str) and f.strip("/")]


def unbuilt_message(
    files: list[str], content: str, article_paths: list[str], page_paths: list[str]
) -> str:
    """The one warning naming source files no path setting picks up (content/x.md and 2 more)."""
    shown = ", ".join(files[:3])
    more = f" and {len(files) - 3} more" if len(files) > 3 else ""
    verb = "is" if len(files) == 1 else "are"

    def where(paths: list[str]) -> str:
        first = next(iter(paths), "").strip("/")
        return f"{content}/{first}/" if first else f"{content}/"

    return (
        f"{shown}{more} {verb} not built: posts go in {where(article_paths)}, "
        f"pages in {where(page_paths)} (ARTICLE_PATHS, PAGE_PATHS)"
    )


def posts_elsewhere(
    relpaths: Sequence[str], article_paths: Sequence[str], content: str
) -> list[tuple[str, str]]:
    """(where, line) naming the posts read only because ARTICLE_PATHS has "" (the whole
    content folder: a Pelican site's layout), not from a folder it names (posts/): a file
    saved in content/notes/ with front matter would be published without a word. One line
    per file, one per folder of more than four; none when ARTICLE_PATHS names no folder."""
    named = [path.strip("/") for path in article_paths if path.strip("/")]
    if not named or "" not in [path.strip("/") for path in article_paths]:
        return []
    folders: dict[str, list[str]] = {}
    for relpath in sorted(relpaths):
        if not is_within_any(relpath, named):
            folder = relpath.rpartition("/")[0]
            folders.setdefault(folder.split("/")[0] if folder else "", []).append(relpath)
    home = f"{content}/{named[0]}/"
    said = []
    for folder, files in folders.items():
        many = len(files) > 4
        ignore = f'"{folder}"' if folder else "its name" if not many else "their names"
        it, what = ("them", "they are posts") if many else ("it", "it is a post")
        why = (
            f'outside {home} (ARTICLE_PATHS has "": every folder of {content}/ is read for '
            f"posts): move {it} there if {what}; if not for the site, add {ignore} to "
            "IGNORE_FILES in pelicanconf.py; for a site whose posts are all over "
            f'{content}/ (a Pelican site\'s layout), set ARTICLE_PATHS = [""]'
        )
        if many:
            names = ", ".join(f.rsplit("/", 1)[-1] for f in files[:3])
            where = f"{content}/{folder}/" if folder else f"{content}/"
            said.append(
                (
                    where,
                    f"{len(files)} posts ({names} and {len(files) - 3} more) are published, "
                    f"though they are {why}",
                )
            )
            continue
        for relpath in files:
            said.append((f"{content}/{relpath}", f"is published as a post, though it is {why}"))
    return said


def source_suffix(name: str, extensions: set[str]) -> str | None:
    """The reader extension a file name has, in any case, or has under a ``.txt`` a text
    editor added (``post.md.txt``); None for any other file."""
    stem, suffix = os.path.splitext(name)
    if suffix.lower() in extensions:
        return suffix.lower()
    inner = os.path.splitext(stem)[1]
    if suffix.lower() == ".txt" and inner.lower() in extensions:
        return inner.lower()
    return None


def misnamed_sources(
    found: list[str],
    picked: set[str],
    plugin_folders: list[str],
    ignores: list[str] | tuple[str, ...],
    extensions: set[str],
) -> list[str]:
    """Posts and pages Pelican skipped for how their names end (``.MD``, ``.md.txt``): any
    such file no generator read or copied, outside the plugins' folders, sorted."""
    return sorted(
        relpath
        for relpath in found
        if os.path.splitext(relpath)[1] not in extensions
        and relpath not in picked
        and not any(_within(relpath.split("/"), f) for f in plugin_folders if f)
        and not any_ignored(relpath.split("/"), ignores)
    )


def misnamed_message(
    relpath: str, extensions: set[str], keys: Sequence[str] = (), home: str = ""
) -> str:
    """What to do with a source Pelican does not read because of how its name ends; ``keys``:
    the front matter of a post saved with no .md (or as .txt), which tells it is one;
    ``home``: the folder posts go in, for one outside the posts' and pages' folders."""
    name = posixpath.basename(relpath)
    suffix = source_suffix(name, extensions) or ".md"
    stem = name[:-4] if name.lower().endswith(".txt") else name
    if not keys:
        stem = os.path.splitext(stem)[0]
    move = f" and move it into {home}" if home else ""
    if keys:
        said = ", ".join(f"{k}:" for k in keys[:3])
        return (
            f"is not built: it is a post (its first lines are front matter: {said}), but "
            f"Pelican reads posts only from names ending {suffix}; rename it {stem}{suffix}{move}"
        )
    return (
        f"is not built: Pelican reads only names ending {suffix} exactly (lower case, nothing "
        f"after it); rename it {stem}{suffix}{move}"
    )


def post_keys(text: str) -> tuple[str, ...]:
    """The keys a file's first lines give as a post's front matter (Title and Date, say),
    written as in the file; () unless they name a title or a date and one more key of a
    post's (a file saved with no .md, a note that merely starts with a colon)."""
    header = scan_header(text)
    written = [
        line.split(":", 1)[0].strip()
        for line in text.lstrip("\ufeff").splitlines()[: len(header.keys) + 2]
    ]
    known = [key for key, _value, _number in header.keys if key in KNOWN_KEYS]
    if len(set(known)) < 2 or not {"title", "date"} & set(known):
        return ()
    spelled = {w.lower(): w for w in written}
    return tuple(dict.fromkeys(spelled.get(key, key) for key in known))


# formats other engines and Pelican plugins read, which this site does not: a post in one
# was left out without a word (an adopted blog's notebooks, say)
OTHER_FORMATS = {
    ".ipynb": ("a Jupyter notebook", "export it to Markdown: jupyter nbconvert --to markdown"),
    ".org": ("an Org mode file", "export it to Markdown: pandoc -t markdown"),
    ".adoc": ("an AsciiDoc file", "convert it to Markdown: pandoc -f asciidoc -t markdown"),
    ".asciidoc": ("an AsciiDoc file", "convert it to Markdown: pandoc -f asciidoc -t markdown"),
    ".textile": ("a Textile file", "convert it to Markdown: pandoc -f textile -t markdown"),
    ".rmd": ("an R Markdown file", "knit it to Markdown (rmarkdown::render)"),
    ".mdx": ("an MDX file", "save it as .md without its components"),
    ".text": ("a .text file", "if it is Markdown (older Jekyll sites wrote so), rename it .md"),
}


_CELL_KEY = re.compile(r"\s*[-*]\s*([A-Za-z_]+)\s*:")


def notebook_keys(text: str) -> tuple[str, ...]:
    """The front matter keys a notebook holds as the pelican-jupyter plugin read them: a
    first Markdown cell that is a list of them (``- title: …``, IPYNB_MARKUP_USE_FIRST_CELL),
    given as ``- title``, or its notebook metadata (``"Title": …``); () when neither names a
    title or a date and one more key of a post's."""
    try:
        notebook = json.loads(text)
    except ValueError:
        return ()
    if not isinstance(notebook, dict):
        return ()
    cells = notebook.get("cells")
    first = cells[0] if isinstance(cells, list) and cells else None
    if isinstance(first, dict) and first.get("cell_type") == "markdown":
        source = first.get("source")
        lines = "".join(source) if isinstance(source, list) else str(source or "")
        keys = [m.group(1) for m in map(_CELL_KEY.match, lines.splitlines()) if m]
        if _a_posts(keys):
            return tuple(f"- {key}" for key in keys)
    metadata = notebook.get("metadata")
    keys = [key for key in metadata if isinstance(key, str)] if isinstance(metadata, dict) else []
    return tuple(key for key in keys if key.lower() in KNOWN_KEYS) if _a_posts(keys) else ()


def _a_posts(keys: Sequence[str]) -> bool:
    known = {key.lower() for key in keys} & KNOWN_KEYS
    return len(known) >= 2 and bool(known & {"title", "date"})


def other_format_message(
    relpath: str, beside: Collection[str] = (), keys: Sequence[str] = ()
) -> str | None:
    """The line for a post in a format this site does not read, or None. ``beside``: the
    content folder's files (a notebook's front matter is in the .nbdata beside it, as the
    pelican-jupyter plugin reads it); ``keys``: the front matter the file starts with."""
    stem, suffix = os.path.splitext(relpath)
    found = OTHER_FORMATS.get(suffix.lower())
    if found is None:
        return None
    what, how = found
    name = posixpath.basename(stem)
    then = "then give it front matter"
    if suffix.lower() == ".ipynb" and f"{stem}.nbdata" in beside:
        then = (
            f"then put the lines of {name}.nbdata (its front matter, as the pelican-jupyter "
            f"plugin read it) at the top of {name}.md"
        )
    elif suffix.lower() == ".ipynb" and keys:  # notebook_keys: in its first cell, or metadata
        where = "its first cell" if keys[0].startswith("- ") else "its notebook metadata"
        said = ", ".join(f"{k}:" for k in keys[:4]) + (", …" if len(keys) > 4 else "")
        then = (
            f"then write its front matter ({said} in {where}, as the pelican-jupyter plugin "
            f"read it) as lines at the top of {name}.md (Title: …, Date: …) and delete "
            f"{'that cell' if keys[0].startswith('- ') else 'it from the metadata'}"
        )
    elif suffix.lower() == ".text" and keys:
        said = ", ".join(f"{k}:" for k in keys[:3])
        return (
            f"is not built: it is a .text file, which this site does not read; it is a post in "
            f"Markdown (its first lines are front matter: {said}), as older Jekyll sites wrote "
            f"them: rename it {name}.md"
        )
    return (
        f"is not built: it is {what}, which this site does not read (another engine or a "
        f"Pelican plugin did); {how}, {then}"
    )


def unbuilt_files(
    found: list[str],
    picked: set[str],
    plugin_folders: list[str],
    ignores: list[str] | tuple[str, ...] = (),
    read: Sequence[tuple[list[str], list[str]]] = (),
) -> list[str]:
    """Source files (relative to content/) that no generator read or copied, sorted.

    ``read`` holds, for each generator, (the folders it reads, the folders it excludes): a
    file one of them reads was refused for its own reason, already reported (or ``Status:
    skip``). Each generator's own excludes: the pages' exclude posts/, which posts read.
    """
    left = []
    for relpath in found:
        parts = relpath.split("/")
        if any(_within(parts, f) for f in plugin_folders if f):
            continue
        if any_ignored(parts, ignores):
            continue
        if any(
            any(_within(parts, f) for f in folders)
            and not any(_within(parts, f) for f in excludes if f)
            for folders, excludes in read
        ):
            continue
        if relpath not in picked:
            left.append(relpath)
    return sorted(left)


LANG_SHAPE = re.compile(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*")


def as_site_spells(lang: str, default: str) -> str:
    """A page's language, spelled as DEFAULT_LANG is when it is that language (case aside).

    Pelican gives a page without ``Lang`` its DEFAULT_LANG in lower case (``pt-br``) and
    compares a written ``Lang: pt-BR`` with that: on a ``pt-BR`` site such a post went to
    ``/pt-BR/posts/…`` as another language's, and pages without ``Lang`` were ``pt-br``,
    which the ``pt-BR`` catalog does not answer to.
    """
    return default if lang.casefold() == default.casefold() else lang


def canonical_lang(value: str) -> str | None:
    """A language code as BCP 47 spells it (``pt-br``, ``pt_BR`` -> ``pt-BR``), if Babel
    knows it; else None.

    Only the subtags written (or that an old code stands for: ``sh`` is ``sr-Latn``) are
    kept: Babel fills in the likeliest script and region (``fre`` is ``fr_FR`` to it, ``zh-CN``
    ``zh_Hans_CN``), and a region nobody wrote sent pages to a catalog nobody made (fr-FR).
    ``und`` (undetermined) is no language: Babel reads it as ``en_US``.
    """
    if not LANG_SHAPE.fullmatch(value):
        return None
    sep = "-" if "-" in value else "_"
    try:
        locale = Locale.parse(value, sep=sep)
        language, territory, script, variant = parse_locale(value, sep=sep)[:4]
    except (ValueError, UnknownLocaleError):
        return None
    alias = get_global("language_aliases").get(language.lower())
    if alias:  # an old or other code for a language: what it stands for is written too
        meant = parse_locale(alias)
        territory, script = territory or meant[1], script or meant[2]
    elif locale.language != language.lower():
        return None  # und
    kept = (
        locale.language,
        locale.script if script else None,
        locale.territory if territory else None,
        locale.variant if variant else None,
    )
    return "-".join(part for part in kept if part)


# countries' codes written for their languages (ua is Ukraine; Ukrainian is uk): each one here
# no language has (se, Sweden's, is Northern Sami's: Babel takes it as that)
COUNTRY_CODES = {
    "ua": "uk", "jp": "ja", "kr": "ko", "cn": "zh", "gr": "el", "dk": "da", "cz": "cs",
    "il": "he", "vn": "vi", "ir": "fa", "rs": "sr", "gb": "en", "us": "en",
}  # fmt: skip


def _language_meant(value: str) -> str | None:
    """The language code a country's code or an English language name stands for (ua: uk,
    english: en), with its name, or None."""
    names = Locale("en").languages
    code = COUNTRY_CODES.get(value.lower())
    if code is None:
        code = next((c for c, n in names.items() if n.casefold() == value.casefold()), None)
    if code is None or "_" in code:
        return None
    return f"{code!r} ({names.get(code, code)})"


def check_lang(value: str) -> str:
    """Return a language code Babel knows (en, fr, pt-BR, zh-CN), or explain what is expected."""
    written = canonical_lang(value)
    if written == value:
        return value
    if written:
        # FR, en_US, pt-br: Babel knows them, but <html lang>, the /fr/ addresses and the
        # theme's catalogs need the one spelling (BCP 47: fr, en-US, pt-BR)
        raise FrontMatterError(
            f"Lang must be a language code such as en, fr or pt-BR, got {value!r} "
            f"(write {written!r})"
        )
    meant = _language_meant(value.strip())
    hint = f" (did you mean {meant}?)" if meant else ""
    letters = re.sub(r"[^A-Za-z_-]", "", value)
    if letters and letters != value and LANG_SHAPE.fullmatch(letters):
        try:
            Locale.parse(letters, sep="-" if "-" in letters else "_")
            hint = f" (did you mean {letters!r}?)"
        except (ValueError, UnknownLocaleError):
            pass
    raise FrontMatterError(
        f"Lang must be a language code such as en, fr or pt-BR, got {value!r}{hint}"
    )


def lang_problem(value: str) -> str | None:
    """Why ``value`` is no language code a side file (a series, a team member, a gallery) may
    give as its Lang, or None when it is one (check_lang's words)."""
    try:
        check_lang(value)
    except FrontMatterError as exc:
        return str(exc)
    return None


def check_modified(date: object, modified: object) -> None:
    """A post cannot be updated before it was published (a day earlier or more)."""
    if not isinstance(date, datetime.datetime) or not isinstance(modified, datetime.datetime):
        return
    if modified.date() < date.date():
        raise FrontMatterError(
            f"Modified ({modified:%Y-%m-%d}) is before Date ({date:%Y-%m-%d}); "
            "a post is updated after it is published: fix one of them, or remove Modified"
        )


def check_address(metadata: dict, syntax: str = keysyntax.MARKDOWN) -> list[str]:
    """Url without Save_as: raise, links would point where nothing is written (Save_as
    without Url is fine: the reader makes its Url, ``url_of_save_as``). The keys are named as
    a file of ``syntax`` writes them (in reStructuredText a ``Save_as:`` line is the post's
    first paragraph)."""
    url, save_as = metadata.get("url"), metadata.get("save_as")
    if isinstance(url, str) and url and save_as is None:
        folder = url.strip("/")
        url_key, save_key = (keysyntax.key_as_written(k, syntax) for k in ("Url", "Save_as"))
        if syntax in (keysyntax.MARKDOWN, keysyntax.TOML):  # as the rest of their lines do
            url_key, save_key = "Url", "Save_as"
        save_line = keysyntax.key_as_written("Save_as", syntax, f"{folder}/index.html")
        url_line = keysyntax.key_as_written("Url", syntax, f"{folder}/")
        raise FrontMatterError(
            f"{url_key} {url!r} is where links point, but the file is still written at its "
            f"usual place; give {save_key} too ({save_line} for {url_line}), or remove "
            f"{url_key}"
        )
    return []


def address_key_missing(
    key: str, setting: str, pattern: str, where: str, path: str
) -> repeats.Said:
    """A post's line for the key ``key`` that ``setting`` (``pattern``, set at ``where``) makes
    its address of and the file at ``path`` lacks: Pelican would stop the build on it (a
    KeyError), so the post is refused; said of each where many share it, in their syntax."""
    worded = functools.partial(_address_key_in, key, setting, pattern, where)
    said = worded([path])
    # folded by one line whatever each file's syntax: a folder's .md and .rst posts are
    # counted together, and the folder's line names the key as they write it
    said.alike = repeats.Said(
        f"has no {key!r} key for {setting} {pattern!r}", kind=said.kind, worded=worded
    )
    return said


def _address_key_in(
    key: str, setting: str, pattern: str, where: str, paths: list[str]
) -> repeats.Said:
    """``address_key_missing``'s line for the files at ``paths``: the key as they write it
    ("no :series: field"), or, where they differ, by name with each syntax's way."""
    written = f"{setting} {pattern!r}"
    instead = f"write {setting} without {{{key}}}" + (f" ({where})" if where else "")
    if len({keysyntax.syntax_of(path) for path in paths}) > 1:
        lacking = f"no {key!r} key ({keysyntax.a_key(key, paths)})"
    else:
        lacking = keysyntax.a_key(key, paths, "no")
    return repeats.Said(
        f"has {lacking}, which {written} needs for the address; add one, or {instead}",
        f"add one to each, or {instead}",
        repeats.address_key_kind(key),
    )


# a page's slug that made it a page of its own on an old Pelican site, the Save_as that makes
# it that page here, and the line saying so ({save_as}: the key as the file writes it)
SPECIAL_PAGE_SLUGS = {
    # written at index.html where PAGE_SAVE_AS was {slug}.html: the home page
    "index": (
        "index.html",
        "Slug index made this page the home page where pages were written at {{slug}}.html "
        "(PAGE_SAVE_AS); here it is a page at /index/, and the home page lists the posts: to "
        "make it the home page, write {save_as} and move the list of posts with "
        "INDEX_SAVE_AS = 'blog/index.html' in pelicanconf.py (docs/urls-and-links.md), or "
        "give it another Slug",
    ),
    # written at /404/ or 404.html, which the old site's server showed at a missing address
    "404": (
        "404.html",
        "Slug 404 marks an old site's 404 page, which its server showed at a missing address; "
        "here it is an ordinary page at /404/, listed in the header and the sitemap, and a "
        "missing address shows the theme's 404 page: to show this page's title and text "
        "there, write {save_as} (docs/urls-and-links.md, Your own 404 page), or give it "
        "another Slug",
    ),
}


def special_page_warnings(
    metadata: dict, page: bool, syntax: str = keysyntax.MARKDOWN
) -> list[str]:
    """A page slugged ``index`` or ``404`` without a Save_as: an old Pelican site's home page
    or 404 page by its slug alone; here an ordinary page (/index/, /404/), unsaid. The key to
    write is named as a file of ``syntax`` writes it."""
    slug = metadata.get("slug")
    if not page or slug not in SPECIAL_PAGE_SLUGS or metadata.get("save_as") is not None:
        return []
    save_as, line = SPECIAL_PAGE_SLUGS[slug]
    return [line.format(save_as=keysyntax.key_as_written("Save_as", syntax, save_as))]


def url_of_save_as(save_as: str, url: object = None) -> object:
    """The address of a file written at ``save_as``, for a post or page that gives Save_as
    and no Url (Pelican would link to its usual address, where nothing is written, and make
    that its canonical address): ``error.html`` -> ``error.html``, ``team/index.html`` ->
    ``team/``, ``index.html`` -> ```` (the site's root). A ``url`` given is kept, but for
    that folder without its slash (``team``), which is that address too."""
    path = save_as.replace("\\", "/").lstrip("/")
    if path == "index.html" or path.endswith("/index.html"):
        path = path[: -len("index.html")]
    if not url:
        return path
    if isinstance(url, str) and path.endswith("/") and url.strip("/") == path.rstrip("/"):
        return url if url.endswith("/") else f"{url}/"
    return url


def byline_warnings(metadata: dict) -> list[str]:
    """Author and Authors both given: Pelican keeps Authors and drops Author's name."""
    if metadata.get("author") and metadata.get("authors"):
        return [
            "Author and Authors are both given; only Authors is used: put every name in "
            "Authors, separated by commas"
        ]
    return []


def title_warnings(metadata: dict) -> list[str]:
    """HTML in a Title typed as text: pages and feeds show it as written, angle brackets
    and all (a title is plain text)."""
    title = metadata.get("title")
    if not isinstance(title, str) or "<" not in title:
        return []
    tags = [raw for raw in rawtags.TAGS.findall(title) if rawtags.is_tag(raw)]
    if not tags:
        return []
    return [
        f"Title holds HTML ({', '.join(dict.fromkeys(tags))}), which is shown as written, "
        "angle brackets and all: a title is plain text; write it without tags"
    ]


# The first web page went up in August 1991: nothing published on the web is older.
FIRST_WEB_PAGE = datetime.date(1991, 8, 6)


def date_warnings(
    metadata: dict, now: datetime.datetime, page: bool, named: str = "Date"
) -> list[str]:
    """Dates that do not do what they seem to: a page's future Date (pages are not held
    back), a Modified in the future (shown as "Updated" on that day), a date older than the
    web (0001-01-01 from a template, 0226 for 2026). ``named``: where the writer finds the
    date, a Date: line or the date in the file's name (FILENAME_METADATA)."""
    found = []
    date, modified = metadata.get("date"), metadata.get("modified")
    for key, value in ((named, date), ("Modified", modified)):
        if isinstance(value, datetime.datetime) and value.date() < FIRST_WEB_PAGE:
            found.append(
                f"{key} ({value.year:04d}-{value.month:02d}-{value.day:02d}) is older than the "
                "web (1991): the page says so, and lists it as the oldest; check the year"
            )
    if page and isinstance(date, datetime.datetime) and _aware(date, now) > now:
        found.append(
            f"{named} ({date:%Y-%m-%d}) is in the future, but a page is published now: only "
            "posts wait for their date (Status: draft keeps it out until then)"
        )
    if isinstance(modified, datetime.datetime) and _aware(modified, now) > now:
        found.append(
            f"Modified ({modified:%Y-%m-%d}) is in the future; the page says it was updated "
            "on that day"
        )
    return found


def _aware(value: datetime.datetime, now: datetime.datetime) -> datetime.datetime:
    """A front-matter time with a zone: a naive one is in the site's (``now``'s)."""
    return value if value.tzinfo else value.replace(tzinfo=now.tzinfo)


_COMMENTS = re.compile(r"<!--.*?-->", re.DOTALL)
_START_TAG = re.compile(r"<[a-zA-Z]")


def has_body(html: str) -> bool:
    """Whether rendered content has anything a reader would see (not only comments/space)."""
    if "<!--" not in html:  # most posts: no parse
        return bool(html.strip())
    if _START_TAG.search(_COMMENTS.sub("", html)):
        # an element outside every comment (a parser ends a comment at its first "-->", or
        # sooner: never later), which the parse below would find: a post with comments
        return True
    return any(
        not isinstance(node, Comment) and (not isinstance(node, str) or node.strip())
        for node in BeautifulSoup(html, "html.parser").descendants
    )


# a Markdown link definition ([x]: https://…, and [//]: # (a note), the idiom for a comment),
# and the title a definition may give on the line below it
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\[\]]*\]:\s*\S")
_DEFINITION_TITLE = re.compile(r"^\s+[\"'(]")


def definitions_only(lines: Sequence[str], first: int) -> list[tuple[int, str]]:
    """The text's lines (number from 1, line) when all it holds below the front matter (from
    index ``first``) is Markdown link definitions, which render to nothing; [] otherwise."""
    said = [(n + 1, line.strip()) for n, line in enumerate(lines) if n >= first and line.strip()]
    if not said or not _LINK_DEFINITION.match(lines[said[0][0] - 1]):
        return []
    if not all(
        _LINK_DEFINITION.match(lines[n - 1]) or _DEFINITION_TITLE.match(lines[n - 1])
        for n, _ in said
    ):
        return []
    return [(n, line) for n, line in said if _LINK_DEFINITION.match(lines[n - 1])]


def definitions_only_line(defined: Sequence[tuple[int, str]]) -> str:
    """What a post whose only text is link definitions is told: it has text, which shows
    nothing (a definition is shown only where the text uses it), not that it has none."""
    number, line = defined[0]
    more = len(defined) - 1
    which = (
        f"line {number}, {line}, is a Markdown link definition"
        if not more
        else f"lines {number} ({line}) and {more} more are Markdown link definitions"
    )
    return (
        f"has text that shows nothing: {which}, which a page shows only where its text uses "
        "it ([words][name]); write the post's text, linking as [words](address) or with the "
        "definition; it is not published"
    )


TRUE_FALSE = ("true", "false")
# empty, these do harm (Title: a post at posts/index.html; Save_as: a page never written);
# Pelican drops the other keys when empty, which the writer hears of as a warning
EMPTY_IS_ERROR = {
    "title": "give the post a title",
    "lang": "give a language code such as en, or remove the line for the site's language",
    "template": "name a template of the theme, or remove the line",
    "save_as": "remove the line (Status: hidden keeps a page out of menus, skip unbuilt)",
    "url": "remove the line",
}
# what no web page or feed may carry, as in bodies (controls.py); pasted from terminals and PDFs
CONTROL_CHARACTER = controls.FORBIDDEN
YAML_ITEM = re.compile(r"^\s*- \S")
KEYISH_LINE = re.compile(r"^[ ]{0,3}(?P<key>[^:\s][^:]{0,40}?)\s*:(\s|$)")


@dataclass
class Header:
    """The front matter of a Markdown file as written, before Markdown and Pelican read it."""

    keys: list[tuple[str, str, int]] = field(default_factory=list)  # key, value, line number
    stopper: tuple[str, int] | None = None  # a line that ended the block without a blank line
    after: list[str] = field(default_factory=list)  # known keys below the stopper, before text
    # key, the indented line as written, its number
    continued: list[tuple[str, str, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what a fenced YAML block left out or joined
    nulls: list[tuple[str, int]] = field(default_factory=list)  # YAML's null (~): key, line
    fenced: str = ""  # "YAML" or "TOML": read from a fenced block (no text runs into it)
    # lines below the front matter, at the text's start, written as a key (Status: draft
    # below the blank line, Status：draft): line as written, key, value, line number
    below: list[tuple[str, str, str, int]] = field(default_factory=list)
    # keep-out lines further down the text, outside code (after a paragraph, a comment, a
    # heading): as ``below``
    later: list[tuple[str, str, str, int]] = field(default_factory=list)
    ended_by: str = "the blank line"  # what ended the front matter, said in their lines


# Python-Markdown's meta extension's key line (META_RE); fences are yamlvalues' (FENCE)
META_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
YAML_COMMENT = re.compile(r"^[ ]{0,3}#")


def scan_header(text: str, known: frozenset[str] | Sequence[str] = KNOWN_KEYS) -> Header:
    """The key lines as Python-Markdown's meta extension reads them (fences, continuations);
    ``known``: the keys of this kind of file (a post's; a team file's), for ``Header.after``.
    A block fenced with --- is read as YAML, with +++ as TOML (fenced.read)."""
    # as Python-Markdown splits a document: only \n ends a line, tabs are four spaces
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.expandtabs(4).split("\n")
    try:
        read = fenced.read(lines, KNOWN_KEYS)
    except fenced.FencedFrontMatterError:  # said by the reader, with its line
        if tomlvalues.FENCE.match(lines[0]):
            return Header()  # no Key: value lines to read in TOML
        read = None
    if read and read.block.keys:
        header = Header(notes=list(read.block.warnings), fenced=read.language)
        for entry in read.block.entries:
            value = entry.value
            if value is None:  # YAML's null: as if the line were absent
                header.nulls.append((entry.key.lower(), entry.line))
                continue
            # a list's items as written, not as_text's semicolons (not the writer's)
            text = ", ".join(value) if isinstance(value, tuple) else yamlvalues.as_text(entry)
            header.keys.append((entry.key.lower(), text, entry.line))
        closed = read.language == "TOML" or (
            read.end < len(lines) and yamlvalues.FENCE_END.match(lines[read.end])
        )
        if closed:
            header.ended_by = f"the {lines[read.end].strip()[:3]} line"
            header.below = keys_below(lines, read.end + 1, known)
            header.later = keep_out_lines(lines, read.end + 1, header.below)
        return header
    header = _scan_lines(lines, yamlvalues.block_end(lines) is not None, known)
    if header.keys:  # the text starts at the line that ended the keys, or below the blank
        last = max(number for *_, number in [*header.keys, *header.continued])
        start = header.stopper[1] - 1 if header.stopper else last
        header.below = keys_below(lines, start, known)
        header.later = keep_out_lines(lines, start, header.below)
    return header


# a line written as a key, however its colon: letters first (after any invisible character
# pasted in front), spaces allowed before the colon
_WRITTEN_AS_KEY = re.compile(
    rf"^[\s\u200b\u200c\u200d\u2060\ufeff]*(?P<key>[A-Za-z][A-Za-z0-9_-]{{0,40}}?)"
    rf"(?P<space>[ \t]*)(?P<colon>[:{WIDE_COLONS}])[ \t]*(?P<value>.*?)\s*$"
)


def written_as_key(line: str) -> tuple[str, str, str] | None:
    """(key in lower case, value, its colon) of a line written as ``Key: value``, whatever
    its colon (``Status：draft``, from an input method) or spaces (``Status : draft``); None
    for any other line."""
    match = _WRITTEN_AS_KEY.match(line)
    return (match["key"].lower(), match["value"], match["colon"]) if match else None


def keys_below(
    lines: list[str], start: int, known: frozenset[str] | Sequence[str] = KNOWN_KEYS
) -> list[tuple[str, str, str, int]]:
    """The lines at the start of the text (from index ``start``, past blank lines) that are
    written as a key of this kind of file or as another engine's keep-out key: the writer's
    front matter, which ends above them. Stops at the first line that is not one."""
    found = []
    for number, line in enumerate(lines[start : start + 20], start=start + 1):
        if not line.strip():
            continue
        read = written_as_key(line)
        if not read or not (read[0] in known or _engine_key(*read[:2])):
            break  # prose (Secret: the trick is…) is no key
        found.append((line.rstrip(), read[0], read[1], number))
    return found


def _engine_key(key: str, value: str) -> bool:
    """Whether a line written as a key is another engine's keep-out key with a yes or no
    (Private: true), not prose that starts like one (Secret: the trick is…)."""
    return key in OTHER_ENGINES and value.strip().lower() in _YES_NO


def _keep_out_key(line: str) -> tuple[str, str, str] | None:
    """written_as_key of a line that keeps a file out as written (Status: draft, Private:
    true), else None."""
    read = written_as_key(line)
    return read if read and keeps_out_as_key(*read[:2]) else None


def keeps_out_as_key(key: str, value: str) -> str | None:
    """The Status a key and value written where front matter is not read would keep a file
    out with (``Status: draft``, ``Private: true``), else None (``Secret: the trick is…`` is
    prose: another engine's key counts only with a yes or no)."""
    return keeps_out(key, value) if key == "status" or _engine_key(key, value) else None


def misplaced_keep_out(
    number: int | None, written: str, key: str, where: str, fix: str, what: str = "post"
) -> str:
    """The line naming a keep-out key written where the reader does not read it (a reST
    field in the text, an HTML ``<meta>`` outside the ``<head>``): the file would be
    published against the writer's word."""
    at = f"line {number} " if number else ""
    return (
        f"{at}{written.strip()[:60]!r} {where}, so it is not read as {display_key(key)}, and "
        f"the {what} would be published: {fix}"
    )


# the quick look of keep_out_lines: a line that starts as written_as_key's of Status or of
# another engine's keep-out key (in any case; the line's code, its value and whatever stands
# before it are for the careful look). Found after a line break, which the pattern looks for
# first, not tried at every character of the text (the careful look costs 0.1 ms a post)
_MAY_KEEP_OUT = re.compile(
    r"\n[\s\u200b\u200c\u200d\u2060\ufeff]*(?:"
    + "|".join(sorted((re.escape(k) for k in {"status", *OTHER_ENGINES}), key=len, reverse=True))
    + rf")[ \t]*[:{WIDE_COLONS}]",
    re.IGNORECASE,
)


def keep_out_lines(
    lines: list[str], start: int, below: Sequence[tuple[str, str, str, int]] = ()
) -> list[tuple[str, str, str, int]]:
    """The lines of the text (from index ``start``) outside code, other than those ``below``
    (keys_below's), written as a key that keeps a file out (Status: draft, Private: true):
    Markdown shows them as text wherever they are, and the file would be published."""
    if not _MAY_KEEP_OUT.search("\n" + "\n".join(lines[start:])):
        return []  # nearly every file: no line starts with such a key and its colon
    return careful_keep_out_lines(lines, start, below)


def careful_keep_out_lines(
    lines: list[str], start: int, below: Sequence[tuple[str, str, str, int]] = ()
) -> list[tuple[str, str, str, int]]:
    """keep_out_lines without its quick look: each line outside code read as a key."""
    taken = {number for *_, number in below}
    found = []
    text = codeblocks.outside_code(lines[start:], nested=True)
    for number, line in enumerate(text, start=start + 1):
        read = _keep_out_key(line) if number not in taken else None
        if read:
            found.append((line.rstrip(), read[0], read[1], number))
    return found


def keeps_out(key: str, value: str) -> str | None:
    """The Status a key line keeps a post out with (draft, hidden, skip), or None: Status:
    draft, its words for it (Status: unpublished), another engine's key (Private: true)."""
    value = " ".join(value.split()).lower()
    if key == "status":
        return value if value in STATUSES[1:] else WITHHOLDING_STATUSES.get(value)
    if key not in OTHER_ENGINES:
        return None
    out, _engine, status, *_ = OTHER_ENGINES[key]
    if value in _YES_NO and (value in _YES) != (out in _YES):
        return None  # Published: true, Private: false
    return status


def below_problems(header: Header, what: str = "post") -> list[tuple[str, bool]]:
    """What the key lines at the start of the text are (Header.below, and the keep-out lines
    further down: Header.later), one line each, and whether the line keeps the ``what`` out
    (Status: draft): then it would be published against the writer's word, and it is not
    read until the line is fixed."""
    problems = []
    for written, key, value, number in [*header.below, *header.later]:
        colon = written_as_key(written)[2]
        fixes = []
        if colon != ":":
            fixes.append(
                f"its colon is the full-width {colon!r}: write {display_key(key)}: {value}"
            )
        elif not re.match(r"[ ]{0,3}[A-Za-z][A-Za-z0-9_-]*:", written):
            start = "at the start of the line, nothing before the colon"
            fixes.append(f"write {display_key(key)}: {value} {start}")
        stopper = header.stopper is not None and number == header.stopper[1]
        if not stopper:
            fixes.append(f"move it up into the front matter, above {header.ended_by}")
        where = "is not front matter" if stopper else f"is below {header.ended_by}"
        out = keeps_out(key, value)
        said = (
            f"it is the {what}'s text, not read as {display_key(key)}, and the {what} would be "
            "published"
            if out
            else f"it is shown as the {what}'s text, not read as {display_key(key)}"
        )
        shown = written.strip()[:60]
        problems.append(
            (f"line {number} {shown!r} {where}, so {said}: {'; '.join(fixes)}", bool(out))
        )
    return problems


def kept_out_in_text(text: str) -> list[str]:
    """The lines saying where a side file (a team, series or gallery file) has a keep-out
    key in its text (Status: draft below the blank line): the file would be published."""
    header = scan_header(text, ())
    return [line for line, out in below_problems(header, "file") if out]


def _scan_lines(lines: list[str], fenced: bool, known: frozenset[str] | Sequence[str]) -> Header:
    """The key lines as written, Pelican's way (a fenced block that is no YAML mapping: the
    reader says why, or Markdown reads it as text)."""
    header = Header()
    start = 1 if fenced else 0
    for number, line in enumerate(lines[start:], start=start + 1):
        if not line.strip() or yamlvalues.FENCE_END.match(line):
            break
        if fenced and YAML_COMMENT.match(line):
            continue  # a YAML comment
        match = META_LINE.match(line)
        if match:
            header.keys.append((match["key"].lower(), match["value"].strip(), number))
        elif re.match(r"^[ ]{4,}", line) and header.keys:
            header.continued.append((header.keys[-1][0], line, number))
        else:
            header.stopper = (line, number)
            # known keys on the lines that follow, up to the first blank line: the writer's
            # front matter went on past the line that ended it
            for later in lines[number:]:
                if not later.strip():
                    break
                found = re.match(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s", later)
                if found and found["key"].lower() in known:
                    header.after.append(found["key"].lower())
            break
    return header


def empty_harms(key: str, value: str) -> bool:
    """Whether ``value`` is empty where that does harm (``EMPTY_IS_ERROR``): said as a mistake."""
    return not value.strip() and key in EMPTY_IS_ERROR


def value_problems(key: str, value: str, where: str = "") -> list[str]:
    """What is wrong with one value as written, whatever the format: empty where that does
    harm, a control character. ``where`` follows the key's name: " (line 3)"."""
    problems = []
    if empty_harms(key, value):
        problems.append(f"{display_key(key)} is empty; {EMPTY_IS_ERROR[key]}")
    control = CONTROL_CHARACTER.search(value)
    if control:
        problems.append(
            f"{display_key(key)}{where} holds U+{ord(control[0]):04X}, "
            f"{controls.describe(control[0])}, which no web page or feed may carry; delete it"
        )
    return problems


def check_as_read(key: str, value: str) -> None:
    """Raise on a value a reader other than Markdown's gave (a reST field, an HTML meta)."""
    problems = value_problems(key, value)
    if problems:
        raise FrontMatterError("; ".join(problems), empty=[key] if empty_harms(key, value) else ())


def _checked_lines(header: Header) -> list[tuple[str, str, int]]:
    """The key lines of a header whose values check_header checks: all but an empty URL: beside
    a Save_as: line (Pelican's idiom for a page as the home page, URL: and Save_as: index.html:
    the address follows Save_as, as without the line)."""
    save_as = any(key == "save_as" and value.strip() for key, value, _ in header.keys)
    return [
        (key, value, number)
        for key, value, number in header.keys
        if not (key == "url" and save_as and not value.strip())
    ]


def empty_keys(header: Header) -> frozenset[str]:
    """The keys check_header says are empty (``empty_harms``)."""
    return frozenset(key for key, value, _ in _checked_lines(header) if empty_harms(key, value))


def check_header(header: Header) -> list[str]:
    """Errors in how front matter is written: repeated keys, a key Markdown cannot read."""
    errors = []
    seen: dict[str, int] = {}
    for key, value, number in _checked_lines(header):
        errors += value_problems(key, value, f" (line {number})")
        if key in seen and key in KNOWN_KEYS:  # a plugin's own files may repeat their keys
            errors.append(
                f"{display_key(key)} is given twice (lines {seen[key]} and {number}); "
                "keep one line (list several values on one line, separated by commas)"
            )
        seen.setdefault(key, number)
    for key, written, number in header.continued:
        read = _keep_out_key(written)
        if read:
            # read into the value above (Summary: s Status: draft): the post is published
            errors.append(
                f"{display_key(key)} goes on to line {number} {written.strip()[:60]!r} (an "
                "indented line continues the key above it), so it is not read as "
                f"{display_key(read[0])}, and the post would be published: write it at the start "
                "of the line, as a key of its own"
            )
        elif key != "summary" and key in KNOWN_KEYS:  # Summary is Markdown: it may go on
            errors.append(
                f"{display_key(key)} goes on to line {number} (an indented line continues the "
                "key above it); a value is one line: join them"
            )
    problem = stopper_problem(header)
    if problem:
        errors.append(problem)
    else:  # a keep-out line below the front matter: never published (the rest: _check_post)
        errors += [line for line, out in below_problems(header) if out]
    return errors


def stopper_problem(
    header: Header,
    known: frozenset[str] | Sequence[str] = KNOWN_KEYS,
    shown_as: str = "the post's text",
) -> str | None:
    """What is wrong with the line that ended the keys without a blank line (a YAML list, a
    key written with a space, a key that lost its colon with keys below it), or None;
    ``known``: the keys of this kind of file, ``shown_as``: where the lines below end up."""
    if not (header.stopper and header.keys):
        return None
    line, number = header.stopper
    wide = wide_colon_line(line)
    if wide:  # Date： from an input method: the key, and the lines below it, are text
        return f"line {number} {line.strip()[:40]!r}: {wide}"
    match = KEYISH_LINE.match(line)
    last_key, last_value, _ = header.keys[-1]
    keys = sorted(known)
    if YAML_ITEM.match(line) and not last_value:
        # YAML's list (tags:, then "  - alpha" lines): Markdown's front matter has none
        return (
            f"{display_key(last_key)} is a YAML list (line {number} {line.strip()[:40]!r}); "
            f"write the values on the key's line, separated by commas: "
            f"{display_key(last_key)}: alpha, beta"
        )
    if match and len(match["key"].split()) <= 4:
        key = match["key"].strip()
        joined = re.sub(r"[\s-]+", "_", key).lower()
        close = difflib.get_close_matches(joined, keys, n=1, cutoff=0.7)
        value = line.split(":", 1)[1].strip()
        hint = _rename_key(close[0], f"{key}:", value) if close else "a key is one word"
        return (
            f"line {number} {line.strip()[:60]!r} is not front matter ({hint}); as it is, "
            f"it and the lines below it are shown as {shown_as}"
        )
    if not match and header.after:
        # a key whose colon was lost (Category Company) ends the block there: the keys
        # below it (Slug, Authors, Summary) would be the text's first paragraph
        parts = line.split(maxsplit=1)
        close = difflib.get_close_matches(parts[0].lower(), keys, n=1, cutoff=0.8) if parts else []
        value = parts[1].strip() if len(parts) == 2 else ""
        hint = (
            _rename_key(close[0], parts[0], value)
            if close and value
            else "a front-matter line is Key: value"
        )
        later = ", ".join(dict.fromkeys(display_key(k) for k in header.after))
        return (
            f"line {number} {line.strip()[:60]!r} is not front matter ({hint}); as it is, "
            f"the front matter ends there, and it and the lines below it ({later}) are "
            f"shown as {shown_as}"
        )
    return None


# the longest value advice shows whole in the line to write: a longer one is kept by saying
# which word to change (a shortened value, copied, lost the words it left out)
WHOLE_VALUE = 60


def _rename_key(key: str, written: str, value: str) -> str:
    """The advice for a key line written wrongly (``written``, a misspelt key or one without
    its colon): the line to write with its whole ``value``, or, for a long value, the key to
    write in place of ``written`` (the value kept as it is)."""
    if len(value) <= WHOLE_VALUE:
        return f"write {display_key(key)}: {value}".rstrip()
    return f"write {display_key(key)}: in place of {written!r}, the rest of the line as it is"


_LOOSE_KEY = re.compile(r"^\s*(?P<key>[A-Za-z][A-Za-z0-9_ -]*?)\s*:")


def _blank_lines(first: int, last: int) -> str:
    """Lines ``first`` to ``last`` (numbers), said: "line 2", "lines 2 to 3"."""
    return f"line {first}" if first == last else f"lines {first} to {last}"


def _keys_named(below: list[tuple[str, str, str, int]]) -> str:
    """The keys of Header.below, said: "Date, Author and Tags"."""
    names = list(dict.fromkeys(display_key(key) for _, key, _, _ in below))
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]


# a post whose front matter between +++ lines lacks a date (its first words are the other
# formats' "has no date;", which signals.NO_DATE knows)
TOML_NO_DATE = repeats.Said(
    "has no date; add one such as date = 2025-03-14 between its +++ lines (a post needs a date)",
    "add one to each, such as date = 2025-03-14 between its +++ lines (a post needs a date)",
)


def why_no_date(text: str) -> str:
    """Why Markdown read no Date: from a file that has a Date: line, said in full ("" when
    the file has none): the line is below the blank line (or the --- line) that ends the
    front matter, as in Notion's export, whose properties come under the page's title and a
    blank line. Pelican reads it, and the key lines with it, as the post's text. A file
    whose keys are TOML between +++ lines is told to add one as TOML writes it."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if keysyntax.syntax_of_text("md", text) == keysyntax.TOML:
        return TOML_NO_DATE  # "add one such as Date: 2025-03-14" there is not TOML
    header = scan_header(text)
    below = header.below
    dated = next((i for i, (*_, key, _v, _n) in enumerate(below) if key == "date"), None)
    if dated is None or not header.keys:
        return ""
    written, _key, _value, number = below[dated]
    if header.stopper and below[0][3] == header.stopper[1]:
        return ""  # the line that ended the keys: check_header's (stopper_problem)
    with_it = [entry for entry in below if entry[3] != number]
    also = f" (and {_keys_named(with_it)} with it)" if with_it else ""
    last = max(n for *_, n in [*header.keys, *header.continued])
    if not header.fenced and below[0][3] == number:  # only blank lines between: remove them
        fix = (
            f"remove the blank {_blank_lines(last + 1, number - 1)}: the front matter ends at the "
            "first blank line"
        )
    else:
        fix = f"move it up into the front matter, above {header.ended_by}"
    return (
        f"has no Date: in its front matter: line {number} {written.strip()[:60]!r} is below "
        f"{header.ended_by} that ends the front matter, so Pelican reads it{also} as the "
        f"post's text; {fix}"
    )


# why an empty file has no title: its one line (no text is the same mistake)
EMPTY_FILE = "the file is empty"


def why_no_title(text: str) -> str:
    """Why Markdown read no Title: from a file's front matter, said the way it was written
    ("" when nothing in the text tells): a file with no text, a first line that is blank,
    a key spelt another way (Titel:), or a line that is not a key (Title : x, a tab)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return EMPTY_FILE
    lines = text.split("\n")
    first = next(n for n, line in enumerate(lines) if line.strip())
    wide = _wide_colon_keys(lines, first)
    if wide:
        return wide
    loose = _LOOSE_KEY.match(lines[first])
    if first and loose:  # front matter starts on the first line: after a blank line, text
        return (
            f"line {first + 1} ({lines[first].strip()[:40]!r}) comes after a blank line, so "
            "it is read as text: start the file with the keys, on its first line"
        )
    header = scan_header(text)
    for key, number in header.nulls:
        if key == "title":  # title: ~ (or nothing) between --- lines: YAML's "no value"
            return f"line {number} gives Title no value: in YAML, ~, null or nothing is none"
    for key, _value, number in header.keys:
        if key != "title" and difflib.get_close_matches(key, ["title"], n=1, cutoff=0.7):
            return f"line {number} says {display_key(key)}: did you mean Title?"
    if header.stopper:
        line, number = header.stopper
        loose = _LOOSE_KEY.match(line)
        if loose and _normalise_key(loose["key"]) in KNOWN_KEYS:
            return (
                f"line {number} ({line.strip()[:40]!r}) is not read as a key: write it at the "
                "start of the line, with no space before the colon, e.g. Title: Our news"
            )
    return _why_not_in_block(text)


def _wide_colon_keys(lines: list[str], first: int) -> str:
    """What to say of the keys written with a full-width colon (``Title：``) in the block of
    lines from ``first`` to the first blank line ("" when there are none)."""
    block = []
    for line in lines[first:]:
        if not line.strip():
            break
        block.append(line)
    wide = [(n, line) for n, line in enumerate(block, start=first + 1) if wide_colon_line(line)]
    if not wide:
        return ""
    number, line = wide[0]
    others = [
        f"{display_key(WIDE_COLON_KEY.match(other)['key'])}: on line {n}" for n, other in wide[1:]
    ]
    also = f" (and {', '.join(others)})" if others else ""
    return f"line {number} {line.strip()[:40]!r}: {wide_colon_line(line)}{also}"


# an ATX heading, as Markdown reads one (its closing #s are not its text)
HEADING = re.compile(r"^[ ]{0,3}(?P<hashes>#{1,6})[ \t]+(?P<text>.+?)(?:[ \t]+#+)?[ \t]*$")
# a YAML value that needs quotes to mean itself (an indicator first, ": " or " #" inside)
_YAML_NEEDS_QUOTES = re.compile(r"^[\[\]{}&*!|>'\"%@`#,?:-]|: | #|:$")


def _why_not_in_block(text: str) -> str:
    """Why no title was read, when the file says it outside the front matter: a title: below
    a blank line inside a --- block (Markdown's front matter ends at the blank line), a
    ``# Heading`` where the title was meant (another engine took it from there), a +++ block
    (TOML) without one ("" when none of these)."""
    lines = text.expandtabs(4).split("\n")
    try:
        read = fenced.read(lines, KNOWN_KEYS)
    except fenced.FencedFrontMatterError:  # said by the reader, with its line
        return ""
    if read and read.language == "YAML" and read.end < len(lines) and not lines[read.end].strip():
        for number, line in enumerate(lines[read.end + 1 :], start=read.end + 2):
            if yamlvalues.FENCE_END.match(line):
                break
            loose = _LOOSE_KEY.match(line)
            if loose and _normalise_key(loose["key"]) == "title":
                return (
                    f"line {read.end + 1} is blank, so the front matter between --- lines ends "
                    f"there and line {number} ({line.strip()[:40]!r}) is read as text: remove "
                    "the blank lines inside the --- block"
                )
    if read is None:
        header = scan_header(text)
        blank = next((n for n, line in enumerate(lines) if not line.strip()), len(lines))
        body = blank if header.keys else 0
    else:
        closed = read.language == "TOML" or (
            read.end < len(lines) and yamlvalues.FENCE_END.match(lines[read.end])
        )
        body = read.end + 1 if closed else read.end
    first = next((n for n in range(body, len(lines)) if lines[n].strip()), None)
    heading = HEADING.match(lines[first]) if first is not None else None
    if heading and _is_section(lines, first, len(heading["hashes"])):
        heading = None  # "write Title: Ingredients" would title a recipe by its first section
    if heading:
        title = heading["text"].strip()
        # each ``write`` with the file's heading, and as said of many files (repeats.Said)
        if read and read.language == "TOML":
            write = f"write title = {json.dumps(title, ensure_ascii=False)} between the +++ lines"
            each = 'title = "<the heading>" between the +++ lines'
        elif read:
            quoted = json.dumps(title, ensure_ascii=False)
            written = quoted if _YAML_NEEDS_QUOTES.search(title) else title
            write = f"write title: {written} between the --- lines"
            each = (
                "title: <the heading> between the --- lines, in quotes where it holds ': ' or ' #'"
            )
        elif body:
            write = f"write Title: {title} among the keys above it"
            each = "Title: <the heading> among the keys above it"
        else:
            write = f"write Title: {title} as the first line, in its place"
            each = "Title: <the heading> as the first line, in its place"
        then = "" if read or body else _keys_under_heading(lines, first)
        said = (
            f"line {first + 1} is a heading, {lines[first].strip()[:40]!r}, not a title: "
            f"{write} (the page shows the title as its heading){then}"
        )
        if then:
            return said  # its blank lines too: said of this file alone
        # a blog whose old reader titled each post by its heading: a folder of them folds
        return repeats.Said(
            said,
            f"write each one's first heading as its title, {each} (the page shows the title as "
            "its heading)",
        )
    if read and read.language == "TOML":
        return 'the front matter between +++ lines is TOML: there, write title = "Our news"'
    if read:  # not Title: above the --- line, which would make the block the post's text
        return "the front matter between --- lines is YAML: there, write title: Our news"
    return ""


def _is_section(lines: list[str], first: int, level: int) -> bool:
    """Whether the heading at index ``first`` is one section among others: a later heading
    outside code is at its level or above (``## Ingredients`` then ``## Method``)."""
    for line in codeblocks.outside_code(lines[first + 1 :]):
        other = HEADING.match(line)
        if other and len(other["hashes"]) <= level:
            return True
    return False


def _keys_under_heading(lines: list[str], heading: int) -> str:
    """What else to do when key lines follow the heading (index ``heading``) after blank
    lines: Notion's export writes its properties (Date, Author, Tags) so, and below a blank
    line Pelican reads them as text ("" when none do)."""
    below = keys_below(lines, heading + 1)  # past blank lines only
    if not below or below[0][3] == heading + 2:  # none, or right under it: in place is enough
        return ""
    blank = _blank_lines(heading + 2, below[0][3] - 1)
    come, them = ("come", "them") if len(below) > 1 else ("comes", "it")
    return (
        f"; then remove the blank {blank}: {_keys_named(below)} {come} after a blank line, so "
        f"Pelican reads {them} as the post's text (the front matter ends at the first blank "
        "line)"
    )


def _normalise_key(key: str) -> str:
    """A key as written, the way Pelican names it (lower case, spaces as underscores)."""
    return re.sub(r"\s+", "_", key.strip()).lower()


def _tags_misread(value: str) -> bool:
    """Whether Pelican's split of a Tags value (at semicolons when it has any, else at
    commas) leaves a tag that still looks like several (a | or a comma in it) or a #."""
    mixed = ";" in value and "," in value
    return mixed or "|" in value or bool(re.search(r"(^|\s)#\w", value)) or _bracketed(value)


def _bracketed(value: str) -> bool:
    """Whether a Tags value is a YAML flow list, ``[a, b]``, written without the --- lines
    that make it one: Pelican keeps the brackets in the first and last tags."""
    text = value.strip()
    return text[:1] == "[" and text[-1:] == "]" and any(ch.isalnum() for ch in text)


def bracket_ends(tags: list[str]) -> set[str]:
    """The tags a Markdown post's ``Tags: [a, b]`` made of its brackets (``[a`` and ``b]``),
    given its tags in order: header_warnings names the mistake for them, so no other line need
    (a spelling clash with ``a``); none when the tags were not written so."""
    if not tags or not _bracketed(", ".join(tags)):
        return set()
    return {tags[0], tags[-1]}


def _tags_advice(value: str) -> str:
    """What a misread Tags value is read as, and the line to write: tags separated by
    commas, each without the # of a hashtag (Tags: python, web) or a YAML list's brackets."""
    if _bracketed(value):
        read = [repr(t.strip()) for t in value.split(";" if ";" in value else ",") if t.strip()]
        said = ", ".join(read[:-1]) + f" and {read[-1]}" if len(read) > 1 else read[0]
        inner = re.split(r"[;|,]", value.strip()[1:-1])
        inner = [t.strip().lstrip("#").strip() for t in inner if t.strip().lstrip("#").strip()]
        return (
            f"Tags {value!r} is read as {'the tags' if len(read) > 1 else 'the tag'} {said}, "
            "brackets and all (a list in brackets is YAML's, read so only between --- lines); "
            f"write Tags: {', '.join(inner)}"
        )
    hashtags = "," not in value and re.fullmatch(r"(#\w[\w-]*\s*)+", value)
    parts = value.replace("#", " ").split() if hashtags else re.split(r"[;|,]", value)
    parts = [p.strip().lstrip("#").strip() for p in parts if p.strip().lstrip("#").strip()]
    read = [t.strip() for t in value.split(";" if ";" in value else ",") if t.strip()]
    write = f"write Tags: {', '.join(parts)}"
    if len(read) == len(parts):  # separated as meant: only the # is wrong
        named = [repr(tag) for tag in read]
        tags = ", ".join(named[:-1]) + f" and {named[-1]}" if len(named) > 1 else named[0]
        said = f"the tag {tags}" if len(read) == 1 else f"the tags {tags}"
        return f"Tags {value!r} is read as {said}, # and all (a tag needs no #); {write}"
    count = f"{len(parts)} tag" + ("s" if len(parts) > 1 else "")
    return f"Tags are separated by commas, so {value!r} is not read as {count}; {write}"


def _continued_lines(header: Header) -> set[int]:
    """The line numbers of the key lines whose value goes on to indented lines below them."""
    starts = [number for *_, number in header.keys]
    return {
        max((start for start in starts if start < number), default=0)
        for *_, number in header.continued
    }


def header_warnings(header: Header) -> list[str]:
    """Front-matter lines that are taken, but probably not as the writer meant."""
    found = list(header.notes)
    continued = _continued_lines(header)
    for key, value, number in header.keys:
        if key not in KNOWN_KEYS or key in EMPTY_IS_ERROR:
            continue  # unknown() and check_header() speak about those
        if not value and number in continued:
            # "Summary:" with its text on the indented lines below: Markdown reads them as its
            # value (another key's continuation is check_header's line)
            continue
        if not value and key == "summary":
            found.append(
                repeats.Said(
                    "Summary is empty, so the post's first words stand in for it (on its "
                    "card, in feeds and search results); write one, or remove the line",
                    kind=repeats.empty_kind("Summary"),
                )
            )
        elif not value:  # folded per folder there
            shown = display_key(key)
            found.append(repeats.Said(f"{shown}{repeats.EMPTY}", kind=repeats.empty_kind(shown)))
        elif key == "tags" and _tags_misread(value):
            # "a | b", "#a #b" and "a; b, c" are not the tags they look like: Pelican splits
            # at semicolons when there are any (then "b, c" is one tag), else at commas
            found.append(_tags_advice(value))
        elif key == "translation" and value.lower() not in TRUE_FALSE:
            found.append(
                f"Translation must be true or false, got {value!r}; Pelican reads anything but "
                "false as true (this file is then a translation of another)"
            )
    return found


# a category's last part that ends a name, not a list: "Food, Drink, and Travel"
_NAME_ENDING = re.compile(r"(?:and|or|&|\+)\s", re.IGNORECASE)


def category_list(
    name: str, others: Collection[str] = (), syntax: str = keysyntax.MARKDOWN
) -> str | None:
    """The line for a Category that is most likely a list (``Linux, EXT, Filesystems``), which
    Pelican makes one category of that name, at one address; None for one category.

    A name may have a comma in it (``Food, Drink``): it is a list when one of its parts is a
    category of other posts (``others``: their names, casefolded), or when it has three parts
    or more of one or two words each, the last not starting with "and", "or", "&" or "+"
    (``Food, Drink, and Travel`` is a name). The keys to write are named as a file of
    ``syntax`` writes them."""
    parts = split_wide(name.split(","))
    if len(parts) < 2:
        return None
    used = [part for part in parts if part.casefold() in others]
    listed = (
        len(parts) >= 3
        and all(len(part.split()) <= 2 for part in parts)
        and not _NAME_ENDING.match(parts[-1])
    )
    if not used and not listed:
        return None
    first = used[0] if used else parts[0]
    if used:
        which = ", ".join(used)
        why = f" ({which} {'is a category' if len(used) == 1 else 'are categories'} of other posts)"
    else:
        why = ""
    rest = ", ".join(part for part in parts if part != first)
    return (
        f"Category {name!r} is a list, read as one category of that name{why}: a post here has "
        f"one category; write one ({keysyntax.key_as_written('Category', syntax, first)}) and "
        f"put the others in {keysyntax.key_as_written('Tags', syntax)} ({rest})"
    )


def check_slug(slug: str, suggestion: str, syntax: str = keysyntax.MARKDOWN) -> None:
    """A Slug: is one folder of a web address: no slash, space, quote (typographic ones too:
    an editor's “smart quotes”) or URL syntax in it; the suggestion written as a file of
    ``syntax`` gives a key."""
    try_it = f"; try {keysyntax.key_as_written('Slug', syntax, suggestion)}" if suggestion else ""
    invisible = next((c for c in slug if unicodedata.category(c) in ("Cf", "Cc", "Co")), None)
    if invisible:  # pasted with the title: a zero-width space, a direction mark
        raise FrontMatterError(
            f"Slug holds an invisible character, U+{ord(invisible):04X}, which would be in "
            f"the web address: retype it{try_it}"
        )
    if re.search(r"[/\\\s?#%\"'<>&`“”„‟‘’‚‛«»‹›]", slug):
        raise FrontMatterError(
            f"Slug must be one part of a web address (letters, digits and hyphens), "
            f"got {slug!r}{try_it}"
        )


def check_template(
    name: str,
    available: list[str],
    kind: str = "post",
    text: bool = True,
    syntax: str = keysyntax.MARKDOWN,
) -> None:
    """A Template: value must name a template of the theme (without .html); the error says
    the file is not published and what to do, as an adopted site's old theme's template
    (home, membros) is the usual cause, not a typo. Keys are named as a file of ``syntax``
    writes them."""
    template, line = keysyntax.key_as_written("Template", syntax), keysyntax.line_of(syntax)
    if name in available or name.startswith("!"):  # "!simple/page": Pelican's own themes
        return
    said = (
        f"Template {name!r} is not a template of the theme ({name}.html not found), so this "
        f"{kind} is not published"
    )
    close = difflib.get_close_matches(name, available, n=1)
    # an old theme's template often wrote the whole page from settings (a members list):
    # without the line, a file with no text of its own is only "has no text"
    where = {keysyntax.RST: "below its fields", keysyntax.HTML: "in its <body>"}.get(
        syntax, "below the front matter"
    )
    also = "" if text else f" and write its text {where} (it has none)"
    if close:
        # a close name may be a typo, or an old theme's variant of it (page-faq, page): the
        # line says what each takes, as the other template lines do
        fixed = keysyntax.key_as_written("Template", syntax, close[0])
        raise FrontMatterError(
            f"{said}; did you mean {close[0]!r}? if so, write {fixed} in its place; if it is "
            f"another theme's template, which does not carry over, remove the {template} "
            f"{line}{also} to show it with the theme's own {kind} template"
        )
    if name == "404":
        move = "move the file to content/pages/, " if kind == "post" else ""  # a page is there
        # an old site's 404 page (Template: 404, often a dated "post" at the top): a 404.html
        # template here would be another post template, not the site's 404 page
        raise FrontMatterError(
            f"{said}: Template: 404 asked the old theme for its 404 page, and this site writes "
            f"its own, which shows a page's title and text: {move}"
            f"remove the {template} {line}{also} and add "
            f"{keysyntax.key_as_written('Save_as', syntax, '404.html')} "
            "(docs/urls-and-links.md, Your own 404 page)"
        )
    # an old site's About or course page was often a post the old template showed as a page:
    # without the line it became a post, dated and on the home page
    page = (
        "; if it is a page rather than a post (an About page), also move it to content/pages/"
        if kind == "post"
        else ""
    )
    raise FrontMatterError(
        f"{said}: another theme's template does not carry over; remove the {template} "
        f"{line}{also} to show it with the theme's own {kind} template, or add {name}.html to "
        f"a THEME_TEMPLATES_OVERRIDES folder in pelicanconf.py{page}"
    )


# A slug becomes one folder name in output/ (posts/<slug>/index.html); file systems allow
# 255 bytes, and a web address that long helps no one.
MAX_SLUG_BYTES = 150


def check_url_part(key: str, name: str, slug: str, syntax: str = keysyntax.MARKDOWN) -> None:
    """Explain a value whose web address (slug) would be empty, have no letter or digit
    (Pelican's of '—' is '-': /posts/-/, shared by every such title) or be too long; the Slug
    to add is named as a file of ``syntax`` writes it."""
    slug_key = f"{keysyntax.key_as_written('Slug', syntax)} {keysyntax.line_of(syntax)}"
    if not any(map(str.isalnum, slug)):
        fix = (
            f"add a {slug_key} with letters or digits"
            if key == "title"
            else "use letters or digits"
        )
        made = (
            f"the web address {slug!r}, with no letter or digit in it"
            if slug
            else "an empty web address (no letter or digit in it)"
        )
        raise FrontMatterError(f"{display_key(key)} {name!r} makes {made}; {fix}")
    size = len(slug.encode("utf-8"))
    if key == "tags" and has_wide_separator(name):
        return  # several tags (思考，生活), split once read: each has its own address
    if size > MAX_SLUG_BYTES:
        shown = name if len(name) <= 60 else name[:57] + "…"
        fix = f"add a shorter {slug_key}" if key == "title" else "use a shorter value"
        raise FrontMatterError(
            f"{display_key(key)} {shown!r} makes a web address of {size} characters "
            f"(at most {MAX_SLUG_BYTES}); {fix}"
        )
