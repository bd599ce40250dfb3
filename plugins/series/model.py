"""Series grouping, ordering, numbering and diagnostics: plain values in, plain values out."""

import contextlib
import dataclasses
import datetime
import difflib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from plugins.blogcore.frontmatter import split_wide
from plugins.engine import keysyntax
from plugins.i18n.templating import catalog_for, catalog_names

PUBLISHED, SCHEDULED, DRAFT, PLANNED = "published", "scheduled", "draft", "planned"
HIDDEN = "hidden"  # Status: hidden: published at its address, in no list
ERROR, WARNING = "error", "warning"
PAGE_LINE = "Series works on posts only; this page is not part of any series"
# a guess that would be published: an error in a publish build (BLOGCORE_STRICT), which stops
# it, a warning in development
GUESS = "guess"


@dataclass
class Part:
    """One part of a series: a post (any state) or a planned, unwritten part."""

    key: str  # the source file, or "<series file>#planned-N"
    title: str
    state: str
    date: datetime.datetime | None = None
    index: int | None = None  # Series_index as written
    url: str | None = None  # only ever set for published parts
    post: Any = None  # a written part's post (the caller's article): templates read its summary
    number: int = 0  # position in the series, from 1, set by order_parts
    # a planned part's title taken from the series file in another language ("": the series')
    lang: str = ""

    @property
    def published(self) -> bool:
        return self.state == PUBLISHED


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in the content, located in the file that has it."""

    level: str
    path: str
    message: str


@dataclass(frozen=True)
class Planned:
    """A planned part from a series file."""

    title: str
    date: datetime.datetime | None


# the keys a series file (content/series/<slug>.md) may carry, lowercased as Pelican gives them
FILE_KEYS = ("title", "summary", "cover", "cover_alt", "planned", "lang", "status")
# a series file's Status: draft leaves the file out (its series, named after its posts, has
# no introduction, cover or planned parts); hidden keeps the series off the index of series
FILE_STATUSES = (PUBLISHED, DRAFT, HIDDEN)


def file_status(raw: object) -> tuple[str, str | None]:
    """A series file's Status (published by default) and an error line for a value that is
    none of FILE_STATUSES (then read as draft: the safe way)."""
    text = str(raw or "").strip()
    status = text.lower() or PUBLISHED
    if status in FILE_STATUSES:
        return status, None
    return DRAFT, (
        f"Status must be one of {', '.join(FILE_STATUSES)} in a series file, got {text!r}; "
        "the file is kept out as a draft"
    )


# what Pelican's reader adds to any file's metadata by itself (its reader, a default category)
READER_KEYS = frozenset({"reader", "category"})


def unknown_file_keys(keys: Iterable[str]) -> list[str]:
    """A warning for each key of a series file that nothing reads, with a did-you-mean."""
    messages = []
    for key in keys:
        if key in FILE_KEYS or key in READER_KEYS:
            continue
        close = difflib.get_close_matches(key, FILE_KEYS, n=1, cutoff=0.7)
        hint = f" (did you mean {close[0].capitalize()}?)" if close else ""
        messages.append(f"unknown key {key.capitalize()!r} is ignored{hint}")
    return messages


# No real series has more parts; a bigger number is a slip (a date, a year) and would make the
# "no part with Series_index …" check count up to it.
MAX_INDEX = 999


# a part's place as writers type it when not as a number: "two", "Part 2", "2nd", "#2"
NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"), start=1
    )
}


def index_meant(text: str) -> int | None:
    """The place a Series_index that is not a number means, when it holds one only."""
    if text.strip().lower() in NUMBER_WORDS:
        return NUMBER_WORDS[text.strip().lower()]
    numbers = re.findall(r"[0-9]+", text)
    if len(numbers) == 1 and 1 <= int(numbers[0]) <= MAX_INDEX:
        return int(numbers[0])
    return None


def parse_index(raw: object, syntax: str = keysyntax.MARKDOWN) -> int:
    """A Series_index value as a whole number from 1, or ValueError saying what is expected,
    the line to write as a file of ``syntax`` writes it (``:series_index: 2`` in .rst)."""
    text = str(raw).strip()
    try:
        value = int(text)
    except ValueError:
        meant = index_meant(text)
        write = (
            f"write {keysyntax.key_as_written('Series_index', syntax, str(meant))}"
            if meant
            else "write the part's place as a number "
            f"({keysyntax.key_as_written('Series_index', syntax, '2')} for the second part)"
        )
        raise ValueError(f"Series_index must be a whole number, got {text!r}; {write}") from None
    if value < 1:
        raise ValueError(f"Series_index must be 1 or more, got {value}")
    if value > MAX_INDEX:
        raise ValueError(
            f"Series_index must be at most {MAX_INDEX}, got {value}: number the parts 1, 2, 3…"
        )
    return value


def parse_planned(raw: str, parse_date: Callable[[str], datetime.datetime]) -> Planned:
    """'Title | 2026-12-01' or 'Title' -> Planned; ValueError on an empty title or a bad date."""
    title, _, when = (piece.strip() for piece in raw.partition("|"))
    if not title:
        raise ValueError(f"Planned needs a title before '|', got {raw!r}")
    if not when:
        return Planned(title, None)
    try:
        return Planned(title, parse_date(when))
    except (ValueError, OverflowError) as exc:  # parse_date's own line says what is expected
        raise ValueError(f"{exc} (in {raw!r})") from None


YES = ("yes", "true", "on", "1")
NO = ("no", "false", "off", "0")


def parse_announce(raw: object) -> bool | None:
    """A Series_announce value: True, False, or None when not given; ValueError otherwise."""
    if raw is None or isinstance(raw, bool):
        return raw
    text = str(raw).strip()
    if not text:
        return None
    if text.lower() in YES:
        return True
    if text.lower() in NO:
        return False
    raise ValueError(f"Series_announce must be yes or no, got {text!r}")


def key_problems(
    series: object, raw_index: object, raw_announce: object, syntax: str = keysyntax.MARKDOWN
) -> list[tuple[str, str]]:
    """A post's own series keys as written: (level, message) for each mistake, the lines
    ``group`` gives a post it reads, and the reader a post it refuses (``phases.keys_written``);
    a line to write as a file of ``syntax`` writes it."""
    if not series:
        return [
            (WARNING, f"{key} is set but Series is not")
            for key, raw in (("Series_index", raw_index), ("Series_announce", raw_announce))
            if raw not in (None, "")
        ]
    found = []
    try:
        parse_announce(raw_announce)
    except ValueError as exc:
        found.append((ERROR, str(exc)))
    if raw_index not in (None, ""):
        try:
            parse_index(raw_index, syntax)
        except ValueError as exc:
            found.append((ERROR, str(exc)))
    return found


def announced(
    state: str, asked: bool | None, announce_drafts: bool, announce_scheduled: bool = False
) -> bool:
    """Whether readers see a part: published and planned always, hidden never; else the writer's
    Series_announce, else the site's SERIES_ANNOUNCE_DRAFTS or SERIES_ANNOUNCE_SCHEDULED.

    Nothing of an unpublished post is public unless someone asked: a draft may be abandoned
    (announcing it would promise it for ever), and a scheduled post may be embargoed (a launch,
    results), so its title and date are as secret as its text until its date.
    """
    if state in (PUBLISHED, PLANNED):  # a Planned line is the writer's announcement
        return True
    if state == HIDDEN:  # what Status: hidden means: in no list, the series' neither
        return False
    if asked is not None:
        return asked
    return announce_scheduled if state == SCHEDULED else announce_drafts


def _sort_time(part: Part) -> tuple:
    # parts without a date sort after dated ones; naive and aware dates compare by timestamp
    if part.date is None:
        return (1, 0.0)
    date = part.date
    if date.tzinfo is None:
        date = date.replace(tzinfo=datetime.UTC)
    return (0, date.timestamp())


def order_parts(parts: Sequence[Part], planned: Sequence[Part] = ()) -> list[Part]:
    """Indexed parts by index, then the rest by date, then planned parts; number them from 1.

    Ties (a duplicate index, the same date) break by date, then title, then key, so the
    order never depends on the order files were read in.
    """
    indexed = sorted(
        (p for p in parts if p.index is not None),
        key=lambda p: (p.index, _sort_time(p), p.title, p.key),
    )
    dated = sorted(
        (p for p in parts if p.index is None), key=lambda p: (_sort_time(p), p.title, p.key)
    )
    ordered = [*indexed, *dated, *planned]
    for number, part in enumerate(ordered, start=1):
        part.number = number
    return ordered


def index_problems(
    name: str, parts: Sequence[Part], where: str, langs: Mapping[str, str] | None = None
) -> list[Diagnostic]:
    """Duplicate Series_index values, gaps in the sequence 1..max (``langs``: each part's
    language, by key, to tell a translation that lacks its original's Slug), and parts without
    an index whose Dates do not tell them apart (``date_ties``)."""
    found: list[Diagnostic] = date_ties(name, parts)
    by_index: dict[int, list[Part]] = defaultdict(list)
    for part in parts:
        if part.index is not None:
            by_index[part.index].append(part)
    for index, same in sorted(by_index.items()):
        if len(same) > 1:
            others = ", ".join(p.key for p in same[1:])
            hint = ""
            if langs and len({langs.get(p.key) for p in same}) > 1:
                hint = (
                    ": if one translates the other, give it the other's Slug (a translation "
                    "joins the series in its language)"
                )
            found.append(
                Diagnostic(
                    WARNING,
                    same[0].key,
                    f"Series_index {index} is also used by {others} in series {name!r}{hint}",
                )
            )
    if by_index:
        missing = sorted(set(range(1, max(by_index) + 1)) - set(by_index))
        if missing:
            listed = ", ".join(map(str, missing[:10]))
            if len(missing) > 10:
                listed += f" and {len(missing) - 10} more"
            found.append(
                Diagnostic(
                    WARNING,
                    where,
                    f"series {name!r} has no part with Series_index {listed} "
                    f"(indexes used: {', '.join(map(str, sorted(by_index)))})",
                )
            )
    return found


def date_ties(name: str, parts: Sequence[Part]) -> list[Diagnostic]:
    """One line per group of parts without a Series_index that have the same Date: their
    order (``order_parts``: by title) is a guess, which the writer is asked to settle. A
    guess between published parts is a ``GUESS`` (it stops a publish); one between a
    published part and drafts or scheduled parts only waits with them, a warning."""
    by_time: dict[tuple, list[Part]] = defaultdict(list)
    for part in parts:
        if part.index is None and part.date is not None:
            by_time[_sort_time(part)].append(part)
    found: list[Diagnostic] = []
    for _, same in sorted(by_time.items()):
        if len(same) < 2:
            continue
        same = sorted(same, key=lambda p: (p.title, p.key))  # as order_parts puts them
        first, *others = same
        date = first.date
        when = f"{date:%Y-%m-%d}" if date.time() == datetime.time() else f"{date:%Y-%m-%d %H:%M}"
        listed = ", ".join(["this part", *(p.key for p in others[:-1])])
        titles = ", then ".join(repr(p.title) for p in same)
        out = sum(p.state in (PUBLISHED, HIDDEN) for p in same) > 1
        found.append(
            Diagnostic(
                GUESS if out else WARNING,
                first.key,
                f"Series {name!r}: {listed} and {others[-1].key} have the same Date "
                f"({when}) and no Series_index, so their order is only a guess, by title "
                f"({titles}): give each a Series_index",
            )
        )
    return found


def near_miss(slug: str, candidates: Iterable[str], threshold: float) -> str | None:
    """The candidate slug most like this one, if it is alike enough to be a typo of it."""
    best, best_ratio = None, threshold
    for other in candidates:
        if other == slug:
            continue
        ratio = difflib.SequenceMatcher(None, slug, other).ratio()
        if ratio >= best_ratio:
            best, best_ratio = other, ratio
    return best


@dataclass
class Series:
    """One series in one language, its parts in order."""

    slug: str
    name: str
    lang: str
    parts: list[Part] = field(default_factory=list)
    url: str | None = None
    save_as: str = ""  # its page's file (written once a part is published)
    feed_url: str | None = None
    intro: str = ""
    summary: str = ""
    cover: str | None = None
    cover_alt: str = ""
    # a raster cover's renditions (an images Picture), as a post's cover has; None for an SVG
    # (published as it is) or where the images plugin is not in the build
    cover_picture: Any = None
    source: str | None = None  # the series file (its translation in this language, if any)
    # where a text shown in this language comes from when it is not in it: the original
    # series file's language, to mark it with ("" when it is in the series' own language)
    name_lang: str = ""
    summary_lang: str = ""
    intro_lang: str = ""
    cover_alt_lang: str = ""
    intro_source: str | None = None  # the file whose body is the introduction
    summary_source: str | None = None  # the file whose Summary is the summary
    # the same series' pages in other languages (each a Series), for "Also in" and hreflang
    translations: list["Series"] = field(default_factory=list)
    unlisted: bool = False  # its file says Status: hidden: off the index of series, noindex
    # unpublished parts readers are not told about (not counted, not numbered, not listed)
    hidden: list[Part] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.name

    def preview(self, part: Part) -> tuple["Series", Part]:
        """The series as it will read once a hidden part is announced, for that part's own
        (draft) page; copies, so the public series keeps its numbering."""
        mine = dataclasses.replace(part)
        posts = [dataclasses.replace(p) for p in self.parts if p.state != PLANNED]
        planned = [dataclasses.replace(p) for p in self.parts if p.state == PLANNED]
        view = dataclasses.replace(self, parts=order_parts([*posts, mine], planned), hidden=[])
        return view, mine

    @property
    def total(self) -> int:
        return len(self.parts)

    @property
    def published_parts(self) -> list[Part]:
        return [p for p in self.parts if p.published]

    @property
    def published_count(self) -> int:
        return sum(1 for p in self.parts if p.published)

    @property
    def upcoming(self) -> list[Part]:
        return [p for p in self.parts if not p.published]

    @property
    def articles(self) -> list[Any]:
        """The published articles, in series order."""
        return [p.post for p in self.parts if p.published]


@dataclass
class Nav:
    """What a part sees as ``article.series``; pelican-series' names plus richer ones.

    pelican-series' fields count published parts only: ``index`` is the 1-based place of this
    article among ``all``. ``number`` and ``total`` count every announced part (planned ones,
    and scheduled or draft ones when announced) for "Part N of M".
    """

    series: Series
    current: Part

    @property
    def name(self) -> str:
        return self.series.name

    @property
    def name_lang(self) -> str:
        return self.series.name_lang

    @property
    def slug(self) -> str:
        return self.series.slug

    @property
    def url(self) -> str | None:
        return self.series.url

    @property
    def number(self) -> int:
        return self.current.number

    @property
    def total(self) -> int:
        return self.series.total

    @property
    def parts(self) -> list[Part]:
        return self.series.parts

    @property
    def current_key(self) -> str:
        return self.current.key

    @property
    def published_count(self) -> int:
        return self.series.published_count

    @property
    def upcoming(self) -> list[Part]:
        return self.series.upcoming

    @property
    def all(self) -> list[Any]:
        return self.series.articles

    @property
    def index(self) -> int | None:
        published = self.series.published_parts
        return published.index(self.current) + 1 if self.current in published else None

    @property
    def all_previous(self) -> list[Any]:
        return [p.post for p in self.series.parts if p.published and p.number < self.number]

    @property
    def all_next(self) -> list[Any]:
        return [p.post for p in self.series.parts if p.published and p.number > self.number]

    @property
    def previous(self) -> Any:
        before = self.all_previous
        return before[-1] if before else None

    @property
    def next(self) -> Any:
        after = self.all_next
        return after[0] if after else None


def part_of_jsonld(series: Series, part: Part, series_url: str | None) -> dict[str, Any]:
    """The schema.org ``isPartOf`` and ``position`` for one part's BlogPosting."""
    work: dict[str, Any] = {"@type": "CreativeWorkSeries", "name": series.name}
    if series_url:
        work["url"] = series_url
    return {"isPartOf": work, "position": part.number}


@dataclass(frozen=True)
class PostInput:
    """A post as grouping needs it."""

    key: str
    title: str
    state: str
    date: datetime.datetime | None
    series_name: str | None
    raw_index: object
    lang: str
    translation: bool = False  # a translation of another post (Pelican pairs them by slug)
    url: str | None = None
    post: Any = None  # the caller's article
    raw_announce: object = None  # Series_announce as written


@dataclass(frozen=True)
class FileTranslation:
    """A series file's translation (content/series/<slug>.<lang>.md): what it gives in
    ``lang``; what it leaves out is the original's (``planned`` None: the original's)."""

    lang: str
    key: str
    title: str = ""
    summary: str = ""
    cover: str | None = None
    cover_alt: str = ""
    planned: tuple[Planned, ...] | None = None
    has_intro: bool = False
    unlisted: bool = False


@dataclass(frozen=True)
class FileInput:
    """A series file (content/series/<slug>.md) as grouping needs it."""

    slug: str
    key: str
    title: str
    planned: tuple[Planned, ...] = ()
    lang: str | None = None
    summary: str = ""
    cover: str | None = None
    cover_alt: str = ""
    has_intro: bool = True
    translations: tuple[FileTranslation, ...] = ()


def split_name(stem: str) -> tuple[str, str] | None:
    """``(series file name, language)`` for a translation's name (``deep-dive.fr``), else
    None. A series' slug has no dot (slugify drops it), so a dot always names a language."""
    base, dot, suffix = stem.rpartition(".")
    return (base, suffix) if dot and base and suffix else None


def translation_problem(
    key: str, lang: str, given: str | None, main_key: str | None, slugs: Iterable[str]
) -> str | None:
    """Why a translation file is skipped (its Lang line disagrees with its name, or the file
    it translates does not exist), or None."""
    if given and given != lang:
        return (
            f"Lang {given!r} is not the language its file name gives, {lang!r}: write "
            f"Lang: {lang}, or leave Lang out (the file name says it); skipped"
        )
    if main_key is None:
        folder, _, name = key.rpartition("/")
        base = name.split(".")[0]
        close = difflib.get_close_matches(base, sorted(slugs), n=1, cutoff=0.6)
        fix = f"did you mean {close[0]}.{lang}.md?" if close else f"add {folder}/{base}.md"
        return (
            f"is named as the {lang} translation of {folder}/{base}.md, which does not exist "
            f"({fix}); skipped"
        )
    return None


def link_versions(series_list: Iterable[Series]) -> None:
    """Give each series page its versions in other languages (``translations``): the same
    series' pages, those with a published part, as a post's translations are."""
    by_slug: dict[str, list[Series]] = defaultdict(list)
    for one in series_list:
        if one.published_count and one.url:
            by_slug[one.slug].append(one)
    for versions in by_slug.values():
        for one in versions:
            one.translations = [other for other in versions if other is not one]


def _main_language(parts: Sequence[PostInput], file: FileInput | None, default: str) -> str:
    if file and file.lang:
        return file.lang
    counts: dict[str, int] = defaultdict(int)
    for post in parts:
        counts[post.lang] += 1
    if not counts:
        return default
    return max(sorted(counts), key=lambda lang: (counts[lang], lang == default))


def group(
    posts: Iterable[PostInput],
    files: Iterable[FileInput],
    slugify: Callable[[str], str],
    default_lang: str,
    near_miss_ratio: float = 0.8,
    announce_drafts: bool = False,
    announce_scheduled: bool = False,
) -> tuple[list[Series], list[Diagnostic]]:
    """Series (one per series and language) with ordered parts, and what is wrong with the input.

    Parts readers are not told about (see ``announced``) go to ``Series.hidden``.

    Linear in the number of posts, apart from near-miss checks between distinct series names.
    """
    diagnostics: list[Diagnostic] = []
    file_by_slug = {f.slug: f for f in files}
    originals: dict[str, list[PostInput]] = defaultdict(list)
    translations: dict[str, list[PostInput]] = defaultdict(list)
    indexes: dict[str, int | None] = {}
    asked: dict[str, bool | None] = {}

    for post in posts:
        said = key_problems(
            post.series_name, post.raw_index, post.raw_announce, keysyntax.syntax_of(post.key)
        )
        diagnostics += [Diagnostic(level, post.key, message) for level, message in said]
        if not post.series_name:
            continue
        # a value that is none of these was said by key_problems
        asked[post.key] = None
        with contextlib.suppress(ValueError):
            asked[post.key] = parse_announce(post.raw_announce)
        index = None
        if post.raw_index not in (None, ""):
            with contextlib.suppress(ValueError):
                index = parse_index(post.raw_index)
        indexes[post.key] = index
        slug = slugify(post.series_name)
        (translations if post.translation else originals)[slug].append(post)

    # a name used by no series file and alike to an established one is probably a typo
    established = set(file_by_slug)
    for slug, parts in originals.items():
        if slug not in file_by_slug:
            bigger = {s for s, p in originals.items() if len(p) > len(parts)}
            # "Series: A, B": a post is in one series; named so, it makes a third
            named = split_wide(parts[0].series_name.split(","))  # 、，، separate too
            known_names = [n for n in named if slugify(n) in established or slugify(n) in originals]
            if len(named) > 1 and known_names:
                for post in parts:
                    diagnostics.append(
                        Diagnostic(
                            WARNING,
                            post.key,
                            f"Series {post.series_name!r} is a series of its own: a post is "
                            f"in one series only (Series: {known_names[0]})",
                        )
                    )
                continue
            guess = near_miss(slug, established | bigger, near_miss_ratio)
            if guess:
                known = (
                    file_by_slug[guess].title
                    if guess in file_by_slug
                    else originals[guess][0].series_name
                )
                for post in parts:
                    diagnostics.append(
                        Diagnostic(
                            WARNING,
                            post.key,
                            f"Series {post.series_name!r} has no series file and no other part; "
                            f"did you mean {known!r}?",
                        )
                    )
    for slug, file in file_by_slug.items():
        if slug not in originals and slug not in translations:
            named = slugify(file.title) if file.title else ""
            if named in originals and named not in file_by_slug:
                # renamed (booking-engine.md for "Inside the booking engine"): the series page
                # was built from its posts without the file's introduction, cover and plan
                folder, _, name = file.key.rpartition("/")
                suffix = name.rpartition(".")[2]
                diagnostics.append(
                    Diagnostic(
                        ERROR,
                        file.key,
                        f"its Title is the series {file.title!r}, which "
                        f"{len(originals[named])} post(s) are in, but a series file is found by "
                        f"its name: rename it {folder + '/' if folder else ''}{named}.{suffix}; "
                        "until then the series page has no introduction, cover or planned parts",
                    )
                )
                continue
            guess = near_miss(slug, originals, near_miss_ratio)
            hint = (
                f" (did you mean the series {originals[guess][0].series_name!r}?)" if guess else ""
            )
            diagnostics.append(
                Diagnostic(WARNING, file.key, f"no post is in series {file.title!r}{hint}")
            )

    series_list: list[Series] = []
    for slug in sorted(set(originals) | set(translations) | set(file_by_slug)):
        file = file_by_slug.get(slug)
        mains = originals.get(slug, [])
        main_lang = _main_language(mains, file, default_lang)
        versions = _file_versions(file, main_lang, translations.get(slug, []), diagnostics)
        inherited: list[Part] = []  # the original's planned parts not written yet
        by_lang: dict[str, list[PostInput]] = defaultdict(list)
        # a part written in another language (the one post about the German lease) is still a
        # part of its series, in its place; only translations make a series of their language
        by_lang[main_lang].extend(mains)
        langs = {post.key: post.lang for post in mains}
        for post in translations.get(slug, []):
            by_lang[post.lang].append(post)
        if not by_lang and file:
            by_lang[main_lang] = []
        for lang, members in sorted(by_lang.items(), key=lambda kv: (kv[0] != main_lang, kv[0])):
            name = file.title if file else _common_name(members)
            series = Series(slug=slug, name=name, lang=lang)
            if file:
                _file_texts(series, file, _version(versions, lang), main_lang)
            parts = [
                Part(
                    key=p.key,
                    title=p.title,
                    state=p.state,
                    date=p.date,
                    index=indexes.get(p.key),
                    url=p.url if p.state == PUBLISHED else None,
                    post=p.post,
                )
                for p in members
            ]
            planned = []
            own = _version(versions, lang)
            if own is not None and own.planned is not None:  # the translation's own plan
                planned = _planned_parts(own.key, own.planned)
            elif file and lang == main_lang:
                planned = _planned_parts(file.key, file.planned)
            elif file:  # planned in every language: the original's, marked with its language
                planned = [dataclasses.replace(p, lang=main_lang) for p in inherited]
            shown: list[Part] = []
            for part in parts:
                visible = announced(
                    part.state, asked.get(part.key), announce_drafts, announce_scheduled
                )
                (shown if visible else series.hidden).append(part)
            planned, written = _unwritten(planned, shown)
            if lang == main_lang:
                inherited = planned
            for line, part in written:  # else the part was listed twice: planned, and written
                diagnostics.append(
                    Diagnostic(
                        WARNING,
                        line.key.partition("#")[0],
                        f"Planned {line.title!r} is written now ({part.key}), so it is listed "
                        "once, as written: remove its Planned line",
                    )
                )
            series.parts = order_parts(shown, planned)
            if lang == main_lang:  # a translation may cover only some parts: no gap to report
                where = file.key if file else (members[0].key if members else slug)
                diagnostics += index_problems(name, parts, where, langs)
            series_list.append(series)
    return series_list, diagnostics


def _planned_parts(key: str, planned: Sequence[Planned]) -> list[Part]:
    return [
        Part(key=f"{key}#planned-{n}", title=pl.title, state=PLANNED, date=pl.date)
        for n, pl in enumerate(planned, start=1)
    ]


def _file_versions(
    file: FileInput | None,
    main_lang: str,
    posts: Sequence[PostInput],
    diagnostics: list[Diagnostic],
) -> dict[str, FileTranslation]:
    """A series file's translations by language, each in a language the series has parts in
    and other than the original's; a line for each other one."""
    if file is None:
        return {}
    langs = {post.lang for post in posts}
    kept: dict[str, FileTranslation] = {}
    for one in file.translations:
        if one.lang == main_lang:
            diagnostics.append(
                Diagnostic(
                    ERROR,
                    one.key,
                    f"is in {one.lang}, the language of {file.key} itself (its Lang, else the "
                    "language of most of its parts); a translation is in another language; "
                    "skipped",
                )
            )
        elif one.lang in kept:
            diagnostics.append(
                Diagnostic(
                    ERROR,
                    one.key,
                    f"a second {one.lang} translation of {file.key}, after "
                    f"{kept[one.lang].key}; skipped",
                )
            )
        else:
            kept[one.lang] = one
    for one in kept.values():
        if any(_version(kept, lang) is one for lang in langs):
            continue
        # a regional part takes the primary language's file (fr-CA: fr) when it has no own
        near = sorted(lang for lang in langs if one.lang in catalog_names(lang))
        if near:  # every one of them has a file of its own region
            why = (
                f"the parts in {', '.join(near)} show "
                f"{', '.join(sorted({_version(kept, lang).key for lang in near}))} instead"
            )
        else:
            why = (
                f"no part of the series {file.title!r} is in {one.lang} yet (a translation "
                f"of a part, with Lang: {one.lang} and its Slug)"
            )
            if langs:
                why += f"; its translated parts are in {', '.join(sorted(langs))}"
        diagnostics.append(Diagnostic(WARNING, one.key, f"{why}, so no page shows this file"))
    return kept


def _version(versions: Mapping[str, FileTranslation], lang: str) -> FileTranslation | None:
    """The series file's translation a page in ``lang`` shows: its own language's, else the
    one a catalog would fall back to (fr-CA: fr), or None."""
    found = catalog_for(lang, versions)
    return versions[found] if found else None


def _file_texts(
    series: Series, file: FileInput, own: FileTranslation | None, main_lang: str
) -> None:
    """The title, summary, introduction and cover a series page in ``series.lang`` shows: its
    translation's where it gives them, else the original's, marked with the original's
    language on a page in another one."""
    mark = "" if series.lang == main_lang else main_lang
    series.source = own.key if own else file.key
    if own and own.title:
        series.name = own.title
    else:
        series.name, series.name_lang = file.title, mark
    if own and own.summary:
        series.summary, series.summary_source = own.summary, own.key
    else:
        series.summary, series.summary_lang = file.summary, mark
        series.summary_source = file.key
    if own and own.has_intro:
        series.intro_source = own.key
    elif file.has_intro:
        series.intro_source, series.intro_lang = file.key, mark
    if own and own.cover:
        series.cover, series.cover_alt = own.cover, own.cover_alt
    else:
        series.cover = file.cover
        if own and own.cover_alt:
            series.cover_alt = own.cover_alt
        else:
            series.cover_alt, series.cover_alt_lang = file.cover_alt, mark
    series.unlisted = bool(own and own.unlisted)


def _unwritten(planned: list[Part], shown: Sequence[Part]) -> tuple[list[Part], list]:
    """The planned parts no shown part has written yet (by title, in any case and spacing),
    and (planned part, the part that wrote it) for the others."""
    by_title = {" ".join(part.title.casefold().split()): part for part in shown}
    left, written = [], []
    for line in planned:
        part = by_title.get(" ".join(line.title.casefold().split()))
        if part is None:
            left.append(line)
        else:
            written.append((line, part))
    return left, written


def _common_name(members: Sequence[PostInput]) -> str:
    """The spelling of the series name most parts use (the earliest part's on a tie)."""
    counts: dict[str, int] = defaultdict(int)
    for post in members:
        counts[post.series_name or ""] += 1
    earliest = sorted(members, key=lambda p: _sort_time(Part(p.key, p.title, p.state, p.date)))
    order = {post.series_name: n for n, post in reversed(list(enumerate(earliest)))}
    return max(counts, key=lambda name: (counts[name], -order.get(name, 0)))


def pages_owned(
    series: Iterable[Series], index: str = "", default_lang: str = ""
) -> dict[str, str]:
    """Each file the series plugin writes -> who, as messages name them: the page of every
    series with a published part (in any language, listed or not), its feed, and the
    ``index`` of series ("" when none is written). No post, page or redirect may take one."""
    owned: dict[str, str] = {}
    for one in series:
        if not one.published_count:
            continue  # nothing to read yet: nothing written
        if one.save_as:
            owned.setdefault(one.save_as, f"the series page {one.slug!r} (plugins/series)")
        if one.feed_url:
            setting = (
                f"in {one.lang} (SERIES_LANG_FEED_ATOM)"
                if default_lang and one.lang != default_lang
                else "(SERIES_FEED_ATOM)"
            )
            owned.setdefault(one.feed_url, f"the feed of the series {one.slug!r} {setting}")
    if index:
        owned.setdefault(index, "the series index (SERIES_INDEX_SAVE_AS)")
    return owned
