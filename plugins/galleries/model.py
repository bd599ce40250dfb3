"""Galleries' pure logic: the sidecar file, the order of photos, markers in posts, problems.

Plain values in, plain values out; never imports Pelican (tested directly).

A gallery is a folder of photos plus an optional sidecar, ``gallery.md``::

    Title: Four days in the Drôme
    Date: 2024-09-01
    Summary: Ten of us, one farmhouse, and a whiteboard.
    Cover: farmhouse.jpg
    Photo: farmhouse.jpg | The farmhouse near Dieulefit | A stone farmhouse with blue shutters
    Photo: table.jpg | Lunch on the terrace

    The description, in Markdown, shown at the top of the gallery's page.

``Photo: <file> | <caption> | <alt text>``, one line per photo, in the order they are shown;
caption and alt are optional. Photos of the folder that no line names follow, by file name.
"""

from __future__ import annotations

import datetime
import difflib
import math
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import unquote

from bs4.builder import HTMLTreeBuilder

from plugins.blogcore import text as html_text
from plugins.blogcore.frontmatter import (
    OTHER_ENGINES,
    FrontMatterError,
    check_date,
    check_zone,
    lang_problem,
    other_engine_status,
    time_problems,
)
from plugins.blogcore.links import photos_plugin_path
from plugins.engine import keysyntax

# what the images pipeline renders (phones write HEIC; it becomes AVIF, WebP and JPEG)
PHOTO_EXTENSIONS = frozenset(
    {".jpg", ".jpeg", ".jfif", ".png", ".webp", ".avif", ".heic", ".heif", ".tif", ".tiff"}
)
KEYS = (
    "title", "date", "timezone", "summary", "cover", "photo", "status", "lang", "redirect_from",
)  # fmt: skip
STATUSES = ("published", "draft", "hidden")
_KEY_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)\s*:\s*(.*)$")
# {gallery}slug alone in a paragraph, as Markdown renders a line of its own
MARKER = "{gallery}"  # a paragraph of its own: <p>{gallery}slug</p>
_LINK_PREFIX = re.compile(r"^(?:\{(static|attach|filename)\}|\|(static|attach|filename)\|)")


# Justified rows: each photo's box grows in proportion to its width/height ratio, which CSS
# must know without a style= attribute (a strict CSP forbids them). The ratio is snapped to a
# scale of steps 2**(1/12) apart (under 3 % off: 3:2, 4:3, 16:9 and 2:1 land within 0.8 % of
# theirs), from 1:4 to 4:1, and named by its hundredths: `gallery__item--r150`. gallery.css has
# one rule per step (`--ratio: 1.498`); tests/test_galleries_model.py checks that they agree.
RATIO_STEPS_PER_DOUBLING = 12
RATIO_MAX_STEPS = 24  # 2**(24/12) = 4: wider (or taller) photos are shown as 4:1 (1:4)


def ratio_step(width: int, height: int) -> int:
    """The step of the scale nearest ``width/height`` (0 for a square or an unknown size)."""
    if width <= 0 or height <= 0:
        return 0
    step = round(RATIO_STEPS_PER_DOUBLING * math.log2(width / height))
    return max(-RATIO_MAX_STEPS, min(RATIO_MAX_STEPS, step))


def step_ratio(step: int) -> float:
    """The ratio (width/height) of a step of the scale."""
    return 2 ** (step / RATIO_STEPS_PER_DOUBLING)


def ratio_name(step: int) -> str:
    """The class suffix of a step: its ratio in hundredths, ``r150`` for 1.498 (3:2)."""
    return f"r{round(100 * step_ratio(step))}"


def ratio_scale() -> list[tuple[str, float]]:
    """Every step as (name, ratio rounded to 3 places), narrowest first: gallery.css's rules."""
    return [
        (ratio_name(step), round(step_ratio(step), 3))
        for step in range(-RATIO_MAX_STEPS, RATIO_MAX_STEPS + 1)
    ]


@dataclass(frozen=True)
class Problem:
    """Something wrong, for a person to fix: ``path: message``."""

    path: str
    message: str
    error: bool = False
    # a mistake that makes its page wrong (a comment never closed): an error only where the
    # gallery is published, a warning for a draft or future one (a draft post's are so)
    withheld_warns: bool = False
    # a file's name in the gallery's folder: a link read later (a page's {static}) publishes
    # it as a download, and then this is not said
    unless_linked: str = ""

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class PhotoLine:
    """One ``Photo:`` line of a sidecar."""

    file: str
    caption: str = ""
    alt: str = ""
    line: int = 0


@dataclass(frozen=True)
class Sidecar:
    """What a sidecar file says."""

    title: str = ""
    date: datetime.datetime | None = None
    summary: str = ""
    cover: str = ""
    photos: tuple[PhotoLine, ...] = ()
    body: str = ""  # the description, Markdown
    status: str = "published"  # or draft, hidden (STATUSES)
    unknown_status: str = ""  # a Status: value that is none of them, as written (a draft)
    lang: str = ""  # the language its title and captions are written in ("": the site's)
    redirect_from: str = ""  # its old addresses, as written (the redirects plugin reads them)
    date_written: str = ""  # its Date as written (Friday 5 December 2026 09:00)
    # its own Timezone (a post's key too): a Date without an offset is that zone's; None: the
    # site's TIMEZONE
    zone: datetime.tzinfo | None = None


@dataclass
class Photo:
    """One photo of a gallery, as templates print it (``picture`` is filled by the build)."""

    file: str
    caption: str = ""
    alt: str = ""
    picture: Any = None  # an images.service.Picture

    @property
    def href(self) -> str:
        """The largest JPEG: where the thumbnail links without JavaScript."""
        return self.picture.url if self.picture else ""

    @property
    def width(self) -> int:
        return self.picture.width if self.picture else 0

    @property
    def height(self) -> int:
        return self.picture.height if self.picture else 0

    @property
    def ratio(self) -> float:
        """Width / height (1.0 without a picture)."""
        return self.width / self.height if self.width and self.height else 1.0

    @property
    def ratio_class(self) -> str:
        """The step of the ratio scale nearest this photo's ratio: ``r150`` for 3:2."""
        return ratio_name(ratio_step(self.width, self.height))

    @property
    def shape(self) -> str:
        """ "portrait", "landscape" or "square": a class name for the grid."""
        if not self.picture or abs(self.width - self.height) <= self.width * 0.05:
            return "square"
        return "portrait" if self.height > self.width else "landscape"


@dataclass
class Gallery:
    """One gallery: templates read ``title``, ``date``, ``summary``, ``description`` (HTML),
    ``photos``, ``cover``, ``url`` and ``posts`` (published posts that show it)."""

    slug: str
    title: str
    date: datetime.datetime | None = None
    summary: str = ""
    description: str = ""
    photos: list[Photo] = field(default_factory=list)
    cover_file: str = ""
    url: str = ""
    save_as: str = ""
    source: str = ""  # content/galleries/<slug>/ as messages name it
    status: str = "published"  # or draft, hidden (STATUSES)
    unknown_status: str = ""  # a Status: value that is none of them, as written (a draft)
    lang: str = ""  # the language its title and captions are written in ("": the site's)
    listed: bool = True  # in the index of galleries (see visibility)
    posts: list[Any] = field(default_factory=list)
    intro: Any = None  # the sidecar as read (a content object): its .content is the description
    # where its keys are written (gallery.md, else the folder), absolute: as a post's
    # source_path, for the redirects plugin's messages and make serve's record of pages
    source_path: str = ""
    public: bool = False  # readers may see it now: not a draft, not dated in the future
    redirect_from: str = ""  # Redirect_from: its old addresses (plugins/redirects reads them)
    # dated in the future, not a draft: when it goes out (engine.scheduled.Scheduled, set by
    # the build), which its page's banner says instead of "Draft"
    scheduled: Any = None

    @property
    def metadata(self) -> dict[str, str]:
        """Its keys as a post's front matter gives them, for the redirects plugin: none while
        readers may not see it (a draft, a future date), so no redirect page sends anyone
        to it, nor says it exists."""
        return {"redirect_from": self.redirect_from} if self.redirect_from and self.public else {}

    @property
    def reader_status(self) -> str:
        """Its status as a post's would be for readers: ``draft`` while they may not see it (a
        draft, a future date), else ``published`` or ``hidden``; make serve's record of pages
        reads it (a draft's page that moves is no published page moving)."""
        return self.status if self.public else "draft"

    @property
    def cover(self) -> Photo | None:
        for photo in self.photos:
            if photo.file == self.cover_file:
                return photo
        return self.photos[0] if self.photos else None


def closest(name: str, known: Iterable[str]) -> str | None:
    """The known name ``name`` is probably a typo of, or None."""
    # 0.6 offered offsite-2024 for new-office-2026: a guess that misleads
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.75)
    return close[0] if close else None


# what a writer puts between a Photo line's parts instead of | (a tab: copied from a table)
_SEPARATORS = frozenset("-–—,;:/\t")


def _separated_otherwise(value: str, photos: Iterable[str]) -> str | None:
    """The photo a Photo value starts with when a separator other than | follows its name
    (``a.jpg - Caption``, ``a.jpg, Caption``), or None."""
    for photo in sorted(photos, key=len, reverse=True):
        rest = value[len(photo) :] if value.lower().startswith(photo.lower()) else ""
        if rest.strip() and rest.lstrip(" ")[:1] in _SEPARATORS:
            return photo
    return None


def suggest(name: str, known: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest known name, or ""."""
    close = closest(name, known)
    return f" (did you mean {close!r}?)" if close else ""


def _colon_hint(line: str) -> str:
    """How to write a key line that lost its colon (Summary The party), or ""."""
    parts = line.split(maxsplit=1)
    close = difflib.get_close_matches(parts[0].lower(), KEYS, n=1, cutoff=0.8) if parts else []
    return (
        f" (write {close[0].capitalize()}: {parts[1].strip()})" if close and len(parts) == 2 else ""
    )


def _key_hint(key: str) -> str:
    close = difflib.get_close_matches(key, KEYS, n=1, cutoff=0.6)
    return f" (did you mean {close[0].capitalize()}?)" if close else ""


def parse_date(text: str) -> datetime.datetime:
    """A gallery's Date, read by the rule a post's is (blogcore's ``check_date``):
    ``2024-09-01``, ``2024-09-01 18:30``, ``1 September 2024``, with an offset (``+01:00``)
    or without (then in the site's TIMEZONE); a ValueError saying what was expected otherwise."""
    return check_date("date", text.strip())


def date_problems(
    sidecar: Sidecar,
    gallery: Gallery,
    shown: str,
    now: datetime.datetime,
    strict: bool,
    future_dates: bool = False,
) -> list[Problem]:
    """A gallery's Date read one way although it says another, by a post's rules
    (blogcore's ``time_problems``): a weekday that is not the date's, a time without an
    offset that its zone (its Timezone's, else the site's: ``now``'s) skips or shows twice.
    As a post's: an error in a ``strict`` (publish) build of a gallery it publishes, else a
    warning."""
    if not sidecar.date_written:
        return []
    zone = sidecar.zone or now.tzinfo
    found = time_problems([("date", sidecar.date_written)], {"date": sidecar.date}, zone)
    error = strict and not not_out_yet(gallery, now, future_dates)
    return [Problem(shown, line, error=error) for line in found]


def local_date(sidecar: Sidecar) -> datetime.datetime | None:
    """A sidecar's Date, one without an offset placed in its own Timezone (as Pelican places a
    post's); without a Timezone, as written (the site's TIMEZONE is applied where it is read)."""
    date = sidecar.date
    if date is not None and date.tzinfo is None and sidecar.zone is not None:
        return date.replace(tzinfo=sidecar.zone)
    return date


def parse_sidecar(text: str, shown: str) -> tuple[Sidecar, list[Problem]]:
    """Read a sidecar: ``Key: value`` lines up to the first blank line, then the description."""
    problems: list[Problem] = []
    lines = text.lstrip("\ufeff").splitlines()
    values: dict[str, str] = {}
    photos: list[PhotoLine] = []
    others: list[tuple[int, str, str]] = []  # another engine's key for a Status
    body_start = len(lines)
    for number, line in enumerate(lines, 1):
        if not line.strip():
            body_start = number
            break
        match = _KEY_LINE.match(line.strip())
        if not match:
            problems.append(
                Problem(
                    shown,
                    f"line {number}: expected 'Key: value' (Title, Date, Summary, Cover or "
                    f"Photo), got {line.strip()!r}{_colon_hint(line)}; a blank line must "
                    "separate the description",
                )
            )
            continue
        key, value = match.group(1).lower(), match.group(2).strip()
        # a writer's note in a caption or a Title (<!-- blur the whiteboard -->) is never shown
        value, unclosed = html_text.without_comments(value)
        if unclosed:
            problems.append(
                Problem(
                    shown,
                    f"line {number}: {html_text.unclosed_message(unclosed)}",
                    error=True,
                    withheld_warns=True,
                )
            )
        if key == "photo":
            parts = [part.strip() for part in value.split("|", 2)]
            parts += [""] * (3 - len(parts))
            if not parts[0]:
                problems.append(
                    Problem(
                        shown,
                        f"line {number}: Photo needs a file name, "
                        "like 'Photo: farmhouse.jpg | caption | alt text'",
                    )
                )
                continue
            photos.append(PhotoLine(parts[0], parts[1], parts[2], number))
        elif key in KEYS:
            if key in values:
                problems.append(
                    Problem(
                        shown, f"line {number}: {key.capitalize()} is given twice; the last is used"
                    )
                )
            values[key] = value
        elif key in OTHER_ENGINES:  # Hugo's Draft: true, Jekyll's Published: false
            others.append((number, key, value))
        else:
            problems.append(
                Problem(
                    shown,
                    f"line {number}: unknown key {match.group(1)!r} is ignored" + _key_hint(key),
                )
            )
    given = {"status": values["status"]} if "status" in values else {}
    for number, key, value in others:  # read as a post's are: kept out, never published
        held, said = other_engine_status({key: value, **given}, what="gallery")
        problems += [Problem(shown, f"line {number}: {line}") for line in said]
        if held and values.get("status") != "draft":
            values["status"] = held
    date = None
    if values.get("date"):
        try:
            date = parse_date(values["date"])
        except ValueError as exc:
            problems.append(Problem(shown, str(exc), error=True))
    zone = None
    if values.get("timezone", "").strip():
        try:
            zone = check_zone(values["timezone"])
        except FrontMatterError as exc:  # its Date is read in the site's TIMEZONE instead
            problems.append(Problem(shown, f"{exc}; the site's TIMEZONE is used", error=True))
    status = values.get("status", "").strip().lower() or "published"
    unknown = ""
    if status not in STATUSES:
        unknown = values["status"].strip()
        problems.append(
            Problem(
                shown,
                f"Status must be one of {', '.join(STATUSES)}, got {values['status']!r}"
                + suggest(status, STATUSES)
                + "; the gallery is kept out as a draft",
                error=True,
            )
        )
        status = "draft"  # the safe reading of a typo: not published
    lang = values.get("lang", "").strip()
    wrong = lang_problem(lang) if lang else None
    if wrong:  # marked lang="english", a screen reader is lost
        problems.append(
            Problem(shown, f"{wrong}; the gallery is taken as the site's language", error=True)
        )
        lang = ""
    body = "\n".join(lines[body_start:]).strip()
    sidecar = Sidecar(
        lang=lang,
        status=status,
        unknown_status=unknown,
        title=values.get("title", ""),
        date=date,
        summary=values.get("summary", ""),
        cover=values.get("cover", ""),
        photos=tuple(photos),
        body=body,
        redirect_from=values.get("redirect_from", ""),
        date_written=values.get("date", "").strip() if date is not None else "",
        zone=zone,
    )
    return sidecar, problems


def _natural(name: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name.lower()))


def title_from_slug(slug: str) -> str:
    """``easton-table-dinner`` -> ``Easton table dinner``."""
    words = slug.replace("_", "-").split("-")
    return " ".join(w for w in words if w).capitalize()


BACKUP_SUFFIX = "_original"  # exiftool's: IMG_1.jpg_original


def _backup_named(
    line: PhotoLine, name: str, photos: list[str], by_lower: dict[str, str], folder: str
) -> tuple[str, str]:
    """The line for a Photo line naming exiftool's backup of a photo, and the photo meant."""
    meant = name.removesuffix(BACKUP_SUFFIX)
    there = meant if meant in photos else by_lower.get(meant.lower())
    parts = [there or meant, line.caption, line.alt]
    written = " | ".join(parts if line.alt else parts[: 2 if line.caption else 1])
    what = (
        f"line {line.line}: Photo {line.file!r} is a backup exiftool made (the photo as it was "
        "before exiftool changed it, GPS position included), never published"
    )
    if there:
        return f"{what}: write 'Photo: {written}'", there
    return (
        f"{what}, and {meant!r} is not in {folder}/: rename the backup {meant} (a published "
        f"photo carries no location) and write 'Photo: {written}'",
        meant,
    )


def _described(said: str, file: str) -> str:
    """A photo's caption or alt text, "" when it is a placeholder (``alt text``, ``caption``),
    as blogcore's check of a post's images reads one."""
    return "" if html_text.alt_describes_nothing(said, file) == "a placeholder" else said


def assemble(
    slug: str,
    folder: str,
    sidecar: Sidecar,
    sidecar_shown: str,
    files: Iterable[str],
    *,
    sidecar_name: str = "gallery.md",
    require_alt: bool = False,
    linked: Collection[str] = (),
    backups: Collection[str] = (),
) -> tuple[Gallery, list[Problem]]:
    """The gallery's photos in order, with captions and alt text, and what is wrong.

    ``folder`` is how messages name the folder (``content/galleries/<slug>``); ``files`` are the
    names of the files in it. Listed photos come first, in the sidecar's order; the others
    follow by name. A listed file that is missing, a file that is not a photo and a photo
    without alt text or caption are reported; the rest of the gallery still builds. A file
    that is not a photo but is ``linked`` (the description's PDF: Pelican copies what a
    ``{static}`` link names) is published as a download, so it is not named as skipped.
    ``backups``: exiftool's backups in the folder (``IMG_1.jpg_original``), never published;
    a Photo line naming one is told to name the photo instead.
    """
    problems: list[Problem] = []
    names = sorted(files, key=_natural)
    photos_found, not_photos = [], set()
    listed = {line.file.removeprefix("./") for line in sidecar.photos}  # a Photo: line is named
    for name in names:
        if name == sidecar_name or name.startswith("."):
            continue
        suffix = "." + name.rpartition(".")[2].lower() if "." in name else ""
        if suffix in PHOTO_EXTENSIONS:
            photos_found.append(name)
        else:
            not_photos.add(name)
            if name in linked and name not in listed:
                continue  # published as the link's file, not shown in the grid
            problems.append(
                Problem(
                    f"{folder}/{name}",
                    "is not a photo this gallery can show "
                    "(use JPEG, PNG, WebP, AVIF, TIFF or HEIC); skipped",
                    unless_linked="" if name in listed else name,
                )
            )
    by_lower = {name.lower(): name for name in photos_found}
    ordered: list[Photo] = []
    seen: set[str] = set()
    offered: set[str] = set()  # files a mistyped Photo line was told it may mean
    for line in sidecar.photos:
        name = line.file.removeprefix("./")
        actual = name if name in photos_found else by_lower.get(name.lower())
        if actual is None and name in not_photos:
            continue  # in the folder, but not a photo: said above, with what galleries show
        if actual is None and name in backups:
            problem, meant = _backup_named(line, name, photos_found, by_lower, folder)
            problems.append(Problem(sidecar_shown, problem, error=True))
            offered.add(meant)  # its missing alt text is this same line: not a second one
            continue
        if actual is None:
            close = closest(name, photos_found)
            listed_with = _separated_otherwise(name, photos_found)
            hint = f" (did you mean {close!r}?)" if close else ""
            if listed_with:  # "a.jpg - Caption - Alt": the whole line taken as a file name
                close = listed_with
                hint = f" (separate its parts with |: write Photo: {close} | caption | alt text)"
            problems.append(
                Problem(
                    sidecar_shown,
                    f"line {line.line}: Photo {line.file!r} is not in {folder}/{hint}",
                    error=True,
                )
            )
            if close:  # its own missing alt text is this same typo: not a second line
                offered.add(close)
            continue
        if actual in seen:
            problems.append(
                Problem(sidecar_shown, f"line {line.line}: Photo {line.file!r} is listed twice")
            )
            continue
        seen.add(actual)
        ordered.append(Photo(actual, line.caption, line.alt))
    ordered += [Photo(name) for name in photos_found if name not in seen]
    for photo in ordered:
        # the line's own example copied as it stands ('caption', 'alt text') describes nothing
        alt, caption = (_described(said, photo.file) for said in (photo.alt, photo.caption))
        if not alt and not caption and photo.file not in offered:
            kept = [repr(said) for said in (photo.caption, photo.alt) if said]
            verb = "are placeholders" if len(kept) > 1 else "is a placeholder"
            so = f" that describes it ({' and '.join(kept)} {verb})" if kept else ""
            problems.append(
                Problem(
                    f"{folder}/{photo.file}",
                    f"has no alt text or caption{so}: describe what it shows for readers who "
                    "cannot see it, "
                    f"with 'Photo: {photo.file} | caption | alt text' in {sidecar_name}, your "
                    "own words in place of caption and alt text",
                    error=require_alt,
                )
            )
        elif not alt:
            photo.alt = caption
    cover = sidecar.cover
    if cover and cover not in {p.file for p in ordered}:
        problems.append(
            Problem(
                sidecar_shown,
                f"Cover {cover!r} is not a photo of this gallery"
                + suggest(cover, [p.file for p in ordered])
                + "; the first photo is used",
            )
        )
        cover = ""
    gallery = Gallery(
        slug=slug,
        title=sidecar.title or title_from_slug(slug),
        date=local_date(sidecar),
        summary=sidecar.summary,
        photos=ordered,
        cover_file=cover,
        source=folder,
        status=sidecar.status,
        unknown_status=sidecar.unknown_status,
        lang=sidecar.lang,
        redirect_from=sidecar.redirect_from,
    )
    if not ordered:
        problems.append(
            Problem(
                folder + "/", "has no photos (JPEG, PNG, WebP, AVIF, TIFF or HEIC); no page written"
            )
        )
    return gallery, problems


def unused_redirects(gallery: Gallery, sidecar_shown: str) -> Problem | None:
    """A gallery.md's ``Redirect_from`` on a site that gives galleries no page of their own
    (``GALLERY_SAVE_AS = ""``): there is no page to send its old addresses to; else None."""
    written = gallery.redirect_from.strip()
    if not written or gallery.save_as:
        return None
    return Problem(
        sidecar_shown,
        f"Redirect_from {written} is not redirected: this site writes no gallery pages "
        '(GALLERY_SAVE_AS is ""), so there is no page to send it to; remove the line, or give '
        "galleries their pages again (GALLERY_SAVE_AS = 'galleries/{slug}/index.html')",
    )


WITHHELD, UNLISTED, LISTED = "withheld", "unlisted", "listed"


def visibility(
    gallery: Gallery, now: datetime.datetime, drafts_written: bool, future_dates: bool = False
) -> str:
    """What readers get of a gallery: ``listed`` (its page and a place in the index),
    ``unlisted`` (its page only: Status: hidden, or a draft or future gallery previewed in a
    development build) or ``withheld`` (nothing, not even its photos: a draft, or a gallery
    dated in the future, in a build that writes no drafts: a publish build)."""
    if not_out_yet(gallery, now, future_dates):
        return UNLISTED if drafts_written else WITHHELD
    return UNLISTED if gallery.status == "hidden" else LISTED


def not_out_yet(gallery: Gallery, now: datetime.datetime, future_dates: bool = False) -> str:
    """Why readers may not see a gallery yet ("" when they may): a draft, a future date (a
    date without a zone is in ``now``'s) unless ``future_dates`` (Pelican's
    ``WITH_FUTURE_DATES``, which publishes a post dated ahead) publishes it too."""
    if gallery.unknown_status:  # named already, with what it may mean
        return f"kept out as a draft ({gallery.source}/ says Status: {gallery.unknown_status})"
    if gallery.status == "draft":
        return f"a draft ({gallery.source}/ says Status: draft)"
    date = gallery.date
    if future_dates or date is None:
        return ""
    if (date if date.tzinfo else date.replace(tzinfo=now.tzinfo)) > now:
        return f"dated {date:%Y-%m-%d}"
    return ""


def pages_owned(
    written: Iterable[Gallery],
    withheld: Iterable[Gallery],
    now: datetime.datetime,
    index: str = "",
    future_dates: bool = False,
) -> dict[str, str]:
    """Each file the galleries plugin writes, or keeps for a gallery -> who, as messages name
    them: the page of every gallery ``written`` (hidden ones and previewed drafts too), the
    address a ``withheld`` gallery (a draft or a future one, in a publish build) takes once it
    is out, and the ``index`` of galleries. No redirect and no post or page may take one: a
    gallery's page is never replaced, and its address is the same in every build."""
    owned = {}
    for gallery in written:
        if gallery.save_as and gallery.photos:
            owned[gallery.save_as] = f"the gallery {gallery.slug!r} (plugins/galleries)"
    for gallery in withheld:
        if gallery.save_as and gallery.photos:
            why = not_out_yet(gallery, now, future_dates)
            owned.setdefault(
                gallery.save_as,
                f"the gallery {gallery.slug!r} (plugins/galleries; {why}, "
                "its page goes there once it is out)",
            )
    if index:
        owned.setdefault(index, "the galleries page (GALLERY_INDEX_SAVE_AS)")
    return owned


def sort_key(gallery: Gallery, zone: datetime.tzinfo = datetime.UTC) -> tuple:
    """The index of galleries: newest first, undated last, then by title; a Date without
    an offset is in ``zone`` (the site's TIMEZONE, as a post's), never the machine's."""
    date = gallery.date
    if date is not None and date.tzinfo is None:
        date = date.replace(tzinfo=zone)
    stamp = date.timestamp() if date else float("-inf")
    return (-stamp, gallery.title.lower(), gallery.slug)


def fingerprints(files: Iterable[tuple[str, int]]) -> tuple[str, ...]:
    """A gallery's photos as ``name:size`` (sorted): what a renamed folder keeps."""
    return tuple(sorted(f"{name}:{size}" for name, size in files))


def same_photos(
    missing: str, remembered: dict[str, Iterable[str]], now: dict[str, Iterable[str]]
) -> str | None:
    """The one gallery of ``now`` that holds every photo the gallery ``missing`` held when a
    build last read it (``remembered``, slug -> ``fingerprints``): its folder renamed (and
    perhaps a photo added). None when no gallery, or several, hold them."""
    old = set(remembered.get(missing) or ())
    if not old:
        return None
    found = [slug for slug, prints in now.items() if slug != missing and old <= set(prints)]
    return found[0] if len(found) == 1 else None


def meant(
    missing: str,
    known: Iterable[str],
    remembered: dict[str, Iterable[str]],
    now: dict[str, Iterable[str]],
) -> str:
    """`` (did you mean 'x'?)`` for a gallery a post names that is not there: the one gallery
    now holding the photos it held (a renamed folder), else the nearest name; or ""."""
    moved = same_photos(missing, remembered, now)
    if moved:
        return f" (did you mean {moved!r}? it holds the photos {missing!r} had)"
    return suggest(missing, known)


# the photos plugin of pelican-plugins: `Gallery: {photo}album` (an album of its library),
# `{photo}a, {photo}b{A title}`; its older spelling `{filename}album`, and Pelican's |photo|
_KEY_PREFIX = re.compile(r"\{(\w+)\}|\|(\w+)\|")
_KEY_TITLE = re.compile(r"\{([^{}]*)\}\s*$")
PHOTOS_PLUGIN_WORDS = ("photo", "lightbox")


def gallery_key(
    value: Any, root: str, known: Iterable[str], syntax: str = keysyntax.MARKDOWN
) -> tuple[str, str]:
    """A post's ``Gallery:`` value: (the gallery's slug, what to write instead, or "").

    ``Gallery: offsite-2024`` (or ``galleries/offsite-2024/``) is a gallery's slug. Other
    engines' idioms name the gallery to show and get one line saying how it is written here:
    the photos plugin's ``{photo}album`` (an album of its PHOTO_LIBRARY, outside content/),
    a link (``{filename}album``), several galleries (``a, b``), a title after one (``{A
    title}``). ``root`` is the galleries folder as messages name it (``content/galleries``);
    ``known`` the slugs of the galleries there; ``syntax`` how the post writes its keys
    (keysyntax: ``:gallery: x`` in .rst, where a ``Gallery: x`` line is text).
    """
    text = str(value or "").strip()
    parts = [part.strip() for part in text.split(",") if part.strip()]
    slugs, titles, words = [], [], []
    for part in parts:
        title = _KEY_TITLE.search(part)
        if title and title.start() > 0:  # {A title} after the album; {photo} comes first
            titles.append(title.group(1).strip())
            part = part[: title.start()].strip()
        prefix = _KEY_PREFIX.match(part)
        if prefix:
            words.append((prefix.group(1) or prefix.group(2)).lower())
            part = part[prefix.end() :]
        slugs.append(normalise_slug(part))
    slugs = [slug for slug in dict.fromkeys(slugs) if slug]
    if not slugs or (len(parts) == 1 and not words and not titles):
        return normalise_slug(text), ""
    first = slugs[0]
    there = set(known)
    missing = [slug for slug in slugs if slug not in there]
    if any(word in PHOTOS_PLUGIN_WORDS for word in words):
        said = (
            "is the photos plugin's syntax (an album of its PHOTO_LIBRARY); "
            f"here a gallery is a folder of {root}/"
        )
    elif words:
        said = (
            f"is a link ({{{words[0]}}}); Gallery takes a gallery's name, its folder's in {root}/"
        )
    elif len(slugs) > 1:
        said = f"names {len(slugs)} galleries; Gallery takes one, shown after the text"
    else:
        said = f"gives a title; Gallery takes a gallery's name, its folder's in {root}/"
    advice = f"write {keysyntax.key_as_written('Gallery', syntax, first)}"
    if len(slugs) > 1:
        others = ", ".join(f"{MARKER}{slug}" for slug in slugs[1:])
        advice += f", and {others} on a line of its own where the text shows it"
    if missing:
        folders = ", ".join(f"{root}/{slug}/" for slug in missing)
        advice += f", with the photos in {folders} (captions and alt text in a gallery.md there)"
    if titles:
        advice += f"; a gallery's title goes in its gallery.md (Title: {titles[0]})"
    return first, f"{said}: {advice}"


def image_key(
    value: Any,
    folder: str,
    root: str,
    found: Callable[[str], bool],
    *,
    cover: bool,
    page: bool,
    syntax: str = keysyntax.MARKDOWN,
) -> str:
    """What to write for the photos plugin's picture of a post, ``Image: {photo}album/x.jpg``
    (a photo of its PHOTO_LIBRARY), or "" for any other ``Image:`` value (blogcore names it as
    an unknown key). A post's picture here is its ``Cover:``, a file of the content folder: a
    gallery's photo is ``galleries/album/x.jpg`` (``folder``: GALLERY_PATH; ``root``: the
    galleries folder as messages name it; ``found(path)``: is there such a file?). ``cover``:
    the post gives a Cover: already; ``page``: a page, which has no picture of its own;
    ``syntax``: how the post writes its keys (``:cover: x`` in .rst)."""
    written = photos_plugin_path(value)
    if written is None:
        return ""
    album, _, name = written.rpartition("/")
    album = normalise_slug(album)
    path = f"{folder}/{album or '<gallery>'}/{name or '<photo>.jpg'}"
    said = (
        f"Image {str(value).strip()!r} is the photos plugin's syntax (a photo of its PHOTO_LIBRARY)"
    )
    if page:
        return (
            f"{said}; a page here has no picture of its own: show the photo in its text, "
            f"![what it shows]({{static}}/{path})"
        )
    if cover:
        return f"{said}; here a post's picture is its Cover, which it gives: remove the Image line"
    advice = f"{said}; here a post's picture is its Cover, a file of the content folder: "
    advice += f"write {keysyntax.key_as_written('Cover', syntax, path)}"
    if not (album and name and found(path)):
        advice += f", with the photo in {root}/{album or '<gallery>'}/"
    return advice


def normalise_slug(value: Any) -> str:
    """A post's ``Gallery:`` value as a slug: ``galleries/offsite-2024/`` -> ``offsite-2024``."""
    text = str(value or "").strip().strip("/")
    return text.rsplit("/", 1)[-1]


def _marker_paragraphs(content: str) -> list[tuple[int, int, str]]:
    """(start, end, slug) of each ``<p>{gallery}slug</p>`` paragraph of rendered HTML.

    beautifulsoup4 finds paragraphs holding nothing but text; a marker is one written as
    ``<p>`` and ``</p>`` around ``{gallery}``, the slug and white space only.
    """
    if MARKER not in content:  # most posts: no parse
        return []
    found = []
    for start, paragraph in html_text.located(content, "p"):
        if paragraph.attrs or len(paragraph.contents) != 1:
            continue
        if not isinstance(paragraph.contents[0], str) or not content.startswith("<p>", start):
            continue
        end = content.find("</p>", start)
        written = content[start + len("<p>") : end].strip()
        if end < 0 or not written.startswith(MARKER) or "<" in written:
            continue
        slug = written[len(MARKER) :].strip()
        if not any(c.isspace() for c in slug):
            found.append((start, end + len("</p>"), slug))
    return found


def markers(content: str) -> list[str]:
    """The gallery slugs named by ``{gallery}slug`` markers in rendered HTML, in order."""
    return [normalise_slug(slug) for _, _, slug in _marker_paragraphs(content)]


_WRITTEN_MARKER = re.compile(r"\{gallery\}[\w/-]*", re.I)


def stray_markers(content: str) -> list[str]:
    """``{gallery}`` markers of rendered HTML that show as text: inside a sentence or a list,
    or spelt ``{Gallery}`` (code aside: a post may show the syntax)."""
    if MARKER not in content.lower():  # most posts: no parse
        return []
    markers = {start for start, _, _ in _marker_paragraphs(content)}
    found = []
    for start, paragraph in html_text.located(content, "p", "li", "td", "th", "dd", "h2", "h3"):
        if start in markers:
            continue
        for string in paragraph.find_all(string=True, recursive=True):
            if not string.find_parent(("code", "pre")):
                found += _WRITTEN_MARKER.findall(str(string))
    return list(dict.fromkeys(found))


def replace_markers(content: str, render: Callable[[str], str]) -> str:
    """Replace each marker paragraph with ``render(slug)``."""
    for start, end, slug in reversed(_marker_paragraphs(content)):
        content = content[:start] + render(normalise_slug(slug)) + content[end:]
    return content


@dataclass(frozen=True)
class ImageRef:
    """A raster image in rendered HTML that can go through the pipeline."""

    tag: str  # the <img> tag as written
    path: str  # within the content folder, e.g. images/x.jpg
    attrs: tuple[tuple[str, str], ...]
    kind: str = "static"  # the link's word: static, attach or filename; root: /images/x.jpg

    @property
    def candidates(self) -> list[str]:
        """The paths Pelican tries for the link, in its order: as written, then unquoted
        (``phone%20photo.jpg`` is the file ``phone photo.jpg``)."""
        return list(dict.fromkeys((self.path, unquote(self.path))))


def written_size(attrs: dict[str, str], width: int, height: int) -> tuple[int | None, int | None]:
    """The width and height an image's tag gives it in pixels (``<img width="200">``, a
    reStructuredText ``:scale: 50 %``), the other one from the picture's ratio; (None, None)
    when it gives none: the picture's own size is the picture's."""
    given = [attrs.get(name, "").strip() for name in ("width", "height")]
    wide, high = (
        int(value) if value.isascii() and value.isdigit() and int(value) > 0 else None
        for value in given
    )
    if (wide is None and high is None) or not (width and height):
        return None, None
    if wide is None:
        wide = max(1, round(high * width / height))
    if high is None:
        high = max(1, round(wide * height / width))
    return wide, high


def image_refs(content: str, source_dir: str, site_folder: str = "") -> list[ImageRef]:
    """``<img>`` tags pointing at JPEG, PNG or WebP files of the content folder.

    ``source_dir`` is the post's folder within the content folder (``posts``): a link
    without a leading slash is relative to it, as with Pelican's ``{static}``. A plain
    address from the site's root (``/images/x.jpg``, under ``site_folder`` when the site is
    published in one: ``/blog/images/x.jpg``) is kind "root": the file there, if a static
    folder publishes it at that address. SVGs, GIFs and remote images are left alone.
    """
    refs = []
    for written, attrs, src in _images(content):
        prefix = _LINK_PREFIX.match(src)
        if prefix:
            kind = prefix.group(1) or prefix.group(2)
            target = src[prefix.end() :]
        else:
            target = _from_root(src, site_folder)
            if target is None:
                continue
            kind = "root"
        target = target.split("?", 1)[0].split("#", 1)[0]
        suffix = "." + target.rpartition(".")[2].lower()
        if suffix not in PHOTO_EXTENSIONS:
            continue
        if target.startswith("/"):
            path = target.lstrip("/")
        else:
            path = "/".join(p for p in (source_dir.strip("/"), target) if p)
        parts: list[str] = []
        for part in path.split("/"):
            if part == "..":
                if parts:
                    parts.pop()
            elif part not in ("", "."):
                parts.append(part)
        refs.append(ImageRef(written, "/".join(parts), attrs, kind))
    return refs


def _from_root(src: str, site_folder: str) -> str | None:
    """The path an address from the site's root (``/images/x.jpg``) names in the site's
    folder (``/images/x.jpg``); None for any other address (relative, another host's
    ``//cdn/x.jpg``, or outside ``site_folder``, the folder the site is published under)."""
    if not src.startswith("/") or src.startswith("//"):
        return None
    folder = site_folder.rstrip("/")
    if not folder:
        return src
    return src[len(folder) :] if src.startswith(folder + "/") else None


def _as_written(value: str) -> str:
    """An attribute's value as the sanitiser (nh3, html5ever) writes it in a post's HTML."""
    return value.replace("&", "&amp;").replace("\xa0", "&nbsp;").replace('"', "&quot;")


class _Images(HTMLParser):
    """Each ``<img>`` of a piece of HTML that is not in a ``<picture>``: the tag as written
    and its attributes, read by Python's HTML parser (the one beautifulsoup4 runs) without
    building a tree; open elements are kept as beautifulsoup4 keeps them (an end tag closes
    the nearest open element of its name and all inside it)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.found: list[tuple[str, dict[str, str]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_startendtag(tag, attrs)
        if tag not in _VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img" and "picture" not in self.open:
            values = {name: "" if value is None else value for name, value in attrs}
            self.found.append((self.get_starttag_text() or "", values))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]


# elements beautifulsoup4 closes where they start (<img>, <br>): never open
_VOID = frozenset(HTMLTreeBuilder.DEFAULT_EMPTY_ELEMENT_TAGS)


def _images(content: str) -> list[tuple[str, tuple[tuple[str, str], ...], str]]:
    """(the tag as written, its attributes as written, its src) for each ``<img>`` of a
    post's sanitised HTML that is not in a ``<picture>`` already (the writer's own: a second
    one around its ``<img>`` is not HTML)."""
    if "<img" not in content.lower():
        return []
    return [
        (
            written,
            tuple((name, _as_written(value)) for name, value in attrs.items()),
            attrs.get("src") or "",
        )
        for written, attrs in _Images(content).found
    ]
