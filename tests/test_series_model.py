"""Unit tests of the series model: ordering, numbering, parsing and diagnostics, as tables."""

import dataclasses
import datetime

import pytest

from plugins.series import model
from plugins.series.settings import DEFAULTS, SettingsError, configure


def d(day: int, month: int = 1, year: int = 2024) -> datetime.datetime:
    return datetime.datetime(year, month, day, 9, 0)


def part(key, index=None, date=None, state=model.PUBLISHED, title=None):
    return model.Part(key=key, title=title or key, state=state, date=date, index=index)


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        # indexes win over dates
        ([part("b", 2, d(1)), part("a", 1, d(9))], ["a", "b"]),
        # unindexed parts follow the indexed ones, by date
        (
            [part("late", None, d(20)), part("x", 1, d(30)), part("early", None, d(2))],
            ["x", "early", "late"],
        ),
        # a duplicate index breaks by date, then title
        ([part("second", 1, d(5)), part("first", 1, d(4))], ["first", "second"]),
        ([part("b", 1, d(4)), part("a", 1, d(4))], ["a", "b"]),
        # gaps keep the order; numbering is compact
        ([part("c", 7), part("a", 1), part("b", 3)], ["a", "b", "c"]),
        # drafts and scheduled parts take their place like any other
        (
            [
                part("s", 3, d(1, year=2099), model.SCHEDULED),
                part("p", 1),
                part("dr", 2, None, model.DRAFT),
            ],
            ["p", "dr", "s"],
        ),
        # undated unindexed parts go last among posts
        ([part("nodate"), part("dated", None, d(1))], ["dated", "nodate"]),
    ],
)
def test_order_parts(parts, expected):
    ordered = model.order_parts(parts)
    assert [p.key for p in ordered] == expected
    assert [p.number for p in ordered] == list(range(1, len(expected) + 1))


def test_planned_parts_come_last_in_file_order():
    planned = [part("p1", state=model.PLANNED), part("p0", state=model.PLANNED)]
    ordered = model.order_parts([part("z", None, d(1)), part("a", 1)], planned)
    assert [p.key for p in ordered] == ["a", "z", "p1", "p0"]
    assert ordered[-1].number == 4


def test_aware_and_naive_dates_sort_together():
    aware = d(2).replace(tzinfo=datetime.UTC)
    ordered = model.order_parts([part("b", None, d(3)), part("a", None, aware)])
    assert [p.key for p in ordered] == ["a", "b"]


@pytest.mark.parametrize(("raw", "value"), [("1", 1), (" 12 ", 12), (3, 3), ("999", 999)])
def test_parse_index(raw, value):
    assert model.parse_index(raw) == value


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("two", "Series_index must be a whole number, got 'two'; write Series_index: 2$"),
        ("Part 3", "got 'Part 3'; write Series_index: 3$"),
        ("2nd", "got '2nd'; write Series_index: 2$"),
        ("2/3", r"got '2/3'; write the part's place as a number \(Series_index: 2 for"),
        ("1.5", "whole number, got '1.5'; write the part's place as a number"),
        ("0", "must be 1 or more, got 0"),
        ("-2", "must be 1 or more, got -2"),
        ("1000", "must be at most 999, got 1000: number the parts 1, 2, 3"),
        ("99999999999999999999", "must be at most 999, got 99999999999999999999"),
    ],
)
def test_parse_index_rejects(raw, message):
    with pytest.raises(ValueError, match=message):
        model.parse_index(raw)


def _date(text):
    return datetime.datetime.strptime(text, "%Y-%m-%d")


@pytest.mark.parametrize(
    ("raw", "title", "date"),
    [
        ("Unpacking | 2099-09-01", "Unpacking", datetime.datetime(2099, 9, 1)),
        ("  Lessons learned  ", "Lessons learned", None),
        ("Pipes | ", "Pipes", None),
    ],
)
def test_parse_planned(raw, title, date):
    assert model.parse_planned(raw, _date) == model.Planned(title, date)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("| 2099-01-01", "Planned needs a title"),
        # the date parser's own line, which says what is expected, and the value as written
        ("Later | soon-ish", r"does not match format '%Y-%m-%d' \(in 'Later \| soon-ish'\)"),
    ],
)
def test_parse_planned_rejects(raw, message):
    with pytest.raises(ValueError, match=message):
        model.parse_planned(raw, _date)


@pytest.mark.parametrize(
    ("indexes", "expected"),
    [
        ([1, 2, 3], []),
        ([None, None], []),
        ([1, 2, 2], ["Series_index 2 is also used by k2"]),
        ([1, 3], ["has no part with Series_index 2 (indexes used: 1, 3)"]),
        ([2, 5], ["has no part with Series_index 1, 3, 4 (indexes used: 2, 5)"]),
        ([1, 20], ["Series_index 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 8 more (indexes used: 1, 20)"]),
    ],
)
def test_index_problems(indexes, expected):
    parts = [part(f"k{n}", index) for n, index in enumerate(indexes)]
    found = model.index_problems("S", parts, "series.md")
    assert len(found) == len(expected)
    for diagnostic, text in zip(found, expected, strict=True):
        assert diagnostic.level == model.WARNING
        assert text in diagnostic.message


TIE = datetime.datetime(2026, 11, 15)


@pytest.mark.parametrize(
    ("parts", "level", "message"),
    [
        # two parts on one day, no index: ordered by title, said once, naming both
        (
            [part("p1.md", None, TIE, title="Why"), part("p2.md", None, TIE, title="How")],
            model.GUESS,
            "Series 'S': this part and p1.md have the same Date (2026-11-15) and no "
            "Series_index, so their order is only a guess, by title ('How', then 'Why'): give "
            "each a Series_index",
        ),
        # a time of day is part of the Date; three named in one line
        (
            [part(k, None, TIE.replace(hour=9), title=k) for k in ("c.md", "a.md", "b.md")],
            model.GUESS,
            "Series 'S': this part, b.md and c.md have the same Date (2026-11-15 09:00)",
        ),
        # a published part tied with a scheduled one: published alone for now, a warning
        (
            [part("p.md", None, TIE), part("s.md", None, TIE, model.SCHEDULED)],
            model.WARNING,
            "this part and s.md have the same Date",
        ),
        # aware and naive dates of one instant tie too
        (
            [part("a.md", None, TIE.replace(tzinfo=datetime.UTC)), part("b.md", None, TIE)],
            model.GUESS,
            "this part and b.md",
        ),
    ],
)
def test_parts_on_one_date_without_an_index_are_named(parts, level, message):
    found = model.index_problems("S", parts, "series.md")
    assert [(f.level, f.path) for f in found] == [(level, model.order_parts(parts)[0].key)]
    assert message in found[0].message


@pytest.mark.parametrize(
    "parts",
    [
        [part("a", None, TIE), part("b", None, TIE.replace(hour=9))],  # another time
        [part("a", 1, TIE), part("b", 2, TIE)],  # each with an index
        [part("a", 1, TIE), part("b", None, TIE)],  # the index places one: no tie left
        [part("a"), part("b")],  # no dates (a planned part's): nothing to compare
    ],
)
def test_parts_told_apart_are_not_named(parts):
    assert model.index_problems("S", parts, "series.md") == []


@pytest.mark.parametrize(
    ("slug", "candidates", "expected"),
    [
        ("moving-hose", ["moving-house", "unrelated"], "moving-house"),
        ("moving-house", ["moving-house"], None),
        ("cooking", ["moving-house"], None),
    ],
)
def test_near_miss(slug, candidates, expected):
    assert model.near_miss(slug, candidates, 0.8) == expected


def post(
    key,
    series="Moving house",
    index=None,
    lang="en",
    state=model.PUBLISHED,
    day=1,
    translation=False,
    announce=None,
):
    return model.PostInput(
        key=key,
        title=key,
        state=state,
        date=d(day),
        series_name=series,
        raw_index=index,
        lang=lang,
        translation=translation,
        url=f"posts/{key}/",
        raw_announce=announce,
    )


def slugify(name: str) -> str:
    return name.lower().replace(" ", "-")


def group(posts, files=(), announce_drafts=False, announce_scheduled=False):
    return model.group(
        posts,
        files,
        slugify,
        "en",
        announce_drafts=announce_drafts,
        announce_scheduled=announce_scheduled,
    )


def test_group_builds_one_series_per_name_and_language():
    series, problems = group(
        [
            post("a", index=1),
            post("b", index=2),
            post("b-fr", index=2, lang="fr", translation=True),
            post("solo", series="Other"),
            post("plain", series=None),
        ]
    )
    assert problems == []
    assert [(s.slug, s.lang, [p.key for p in s.parts]) for s in series] == [
        ("moving-house", "en", ["a", "b"]),
        ("moving-house", "fr", ["b-fr"]),
        ("other", "en", ["solo"]),
    ]


def test_group_messages_name_the_file():
    files = [
        model.FileInput("moving-house", "content/series/moving-house.md", "Moving house"),
        model.FileInput("unused", "content/series/unused.md", "Nobody uses me"),
    ]
    posts = [
        post("content/posts/a.md", index=1),
        post("content/posts/b.md", index="two"),
        post("content/posts/c.md", index=1),
        post("content/posts/d.md", index=4),
        post("content/posts/typo.md", series="Moving hose"),
        post("content/posts/two.md", series="Moving house, Office life"),  # one series only
        post("content/posts/french.md", index=4, lang="fr"),
        post("content/posts/stray.md", series=None, index=3),
    ]
    _, problems = group(posts, files)
    said = {(p.level, p.path, p.message) for p in problems}
    assert (
        model.ERROR,
        "content/posts/b.md",
        "Series_index must be a whole number, got 'two'; write Series_index: 2",
    ) in said
    assert any(
        path == "content/posts/a.md" and "Series_index 1 is also used by content/posts/c.md" in m
        for _, path, m in said
    )
    assert any(
        path == "content/series/moving-house.md" and "no part with Series_index 2, 3" in m
        for _, path, m in said
    )
    assert any(
        path == "content/posts/typo.md" and "did you mean 'Moving house'?" in m
        for _, path, m in said
    )
    assert any(
        path == "content/series/unused.md" and "no post is in series" in m for _, path, m in said
    )
    assert (
        model.WARNING,
        "content/posts/two.md",
        "Series 'Moving house, Office life' is a series of its own: a post is in one series "
        "only (Series: Moving house)",
    ) in said
    assert not [m for _, path, m in said if path == "content/posts/french.md"]  # a part
    assert (
        model.WARNING,
        "content/posts/stray.md",
        "Series_index is set but Series is not",
    ) in said


def test_a_part_written_in_another_language_stays_in_its_place():
    # "the one about the lease is in German": part 2 of 3 was a German series of one, and
    # the English parts said "Part 2 of 2"
    series, problems = group(
        [post("one", index=1), post("zwei", index=2, lang="de", day=2), post("three", index=3)]
    )
    assert problems == []
    assert [(s.lang, [p.key for p in s.parts], s.total) for s in series] == [
        ("en", ["one", "zwei", "three"], 3)
    ]


def test_a_translation_without_its_originals_slug_is_told_by_its_index():
    _, problems = group([post("two", index=2), post("zwei", index=2, lang="de", day=2)])
    assert [p.message for p in problems] == [
        "Series_index 2 is also used by zwei in series 'Moving house': if one translates the "
        "other, give it the other's Slug (a translation joins the series in its language)",
        "series 'Moving house' has no part with Series_index 1 (indexes used: 2)",
    ]


PLAN = (model.Planned("Later", None),)


@pytest.mark.parametrize(
    ("translations", "fr_planned"),
    [
        # no French file: the original's plan, its titles marked with its language
        ((), [("Later", "en")]),
        # a French file without Planned: the same
        ((model.FileTranslation("fr", "s.fr.md", title="Déménager"),), [("Later", "en")]),
        # a French file's own Planned lines: its plan, in French
        (
            (model.FileTranslation("fr", "s.fr.md", planned=(model.Planned("Plus tard", None),)),),
            [("Plus tard", "")],
        ),
    ],
)
def test_planned_parts_count_in_every_language(translations, fr_planned):
    file = model.FileInput(
        "moving-house", "s.md", "Moving house", planned=PLAN, translations=translations
    )
    series, problems = group(
        [post("a", index=1), post("a-fr", index=1, lang="fr", translation=True)], [file]
    )
    en, fr = series
    assert (en.total, en.published_count, [p.state for p in en.upcoming]) == (2, 1, [model.PLANNED])
    assert (fr.total, fr.published_count) == (2, 1)  # "Partie 1 sur 2", as "Part 1 of 2"
    assert [(p.title, p.lang) for p in fr.upcoming] == fr_planned
    assert problems == []


def test_a_planned_part_written_in_the_original_is_planned_in_no_language():
    file = model.FileInput("moving-house", "s.md", "Moving house", planned=PLAN)
    series, _ = group(
        [
            post("a", index=1),
            post("Later", index=2),
            post("a-fr", index=1, lang="fr", translation=True),
        ],
        [file],
    )
    assert [s.total for s in series] == [2, 1]


@pytest.mark.parametrize(
    ("translation", "texts"),
    [
        # no translation: the original's words, marked with its language
        (
            None,
            ("Moving house", "en", "Boxes.", "en", "s.md", "en", "cover.svg", "A box", "en"),
        ),
        # a translation gives its words; the cover stays the original's, with its own alt
        (
            model.FileTranslation(
                "fr",
                "s.fr.md",
                title="Déménager",
                summary="Cartons.",
                cover_alt="Un carton",
                has_intro=True,
            ),
            ("Déménager", "", "Cartons.", "", "s.fr.md", "", "cover.svg", "Un carton", ""),
        ),
        # a translation with a title only: the rest is the original's, marked
        (
            model.FileTranslation("fr", "s.fr.md", title="Déménager"),
            ("Déménager", "", "Boxes.", "en", "s.md", "en", "cover.svg", "A box", "en"),
        ),
        # its own cover, with its own alt (none given: none)
        (
            model.FileTranslation("fr", "s.fr.md", cover="fr.svg"),
            ("Moving house", "en", "Boxes.", "en", "s.md", "en", "fr.svg", "", ""),
        ),
    ],
)
def test_a_series_page_in_another_language_takes_its_translations_words(translation, texts):
    file = model.FileInput(
        "moving-house",
        "s.md",
        "Moving house",
        summary="Boxes.",
        cover="cover.svg",
        cover_alt="A box",
        translations=(translation,) if translation else (),
    )
    series, _ = group(
        [post("a", index=1), post("a-fr", index=1, lang="fr", translation=True)], [file]
    )
    en, fr = series
    assert (en.name, en.name_lang, en.summary_lang, en.intro_lang) == ("Moving house", "", "", "")
    assert (
        fr.name,
        fr.name_lang,
        fr.summary,
        fr.summary_lang,
        fr.intro_source,
        fr.intro_lang,
        fr.cover,
        fr.cover_alt,
        fr.cover_alt_lang,
    ) == texts


@pytest.mark.parametrize(
    ("translations", "said"),
    [
        (
            (model.FileTranslation("en", "s.en.md"),),
            "s.en.md: is in en, the language of s.md itself (its Lang, else the language of "
            "most of its parts); a translation is in another language; skipped",
        ),
        (
            (model.FileTranslation("fr", "s.fr.md"), model.FileTranslation("fr", "s.fr.rst")),
            "s.fr.rst: a second fr translation of s.md, after s.fr.md; skipped",
        ),
        (
            (model.FileTranslation("de", "s.de.md"),),
            "s.de.md: no part of the series 'Moving house' is in de yet (a translation of a "
            "part, with Lang: de and its Slug); its translated parts are in fr, so no page "
            "shows this file",
        ),
        # a regional file beside the parts' own language's: named for the parts' language
        (
            (model.FileTranslation("fr-CA", "s.fr-CA.md"),),
            "s.fr-CA.md: no part of the series 'Moving house' is in fr-CA yet (a translation "
            "of a part, with Lang: fr-CA and its Slug); its translated parts are in fr, so no "
            "page shows this file",
        ),
    ],
)
def test_a_series_files_translation_that_shows_nowhere_is_one_line(translations, said):
    file = model.FileInput("moving-house", "s.md", "Moving house", translations=translations)
    _, problems = group(
        [post("a", index=1), post("a-fr", index=1, lang="fr", translation=True)], [file]
    )
    assert [f"{p.path}: {p.message}" for p in problems] == [said]


@pytest.mark.parametrize(
    ("stem", "split"),
    [("deep-dive", None), ("deep-dive.fr", ("deep-dive", "fr")), ("x.pt-BR", ("x", "pt-BR"))],
)
def test_a_series_files_translation_is_named_by_a_dot(stem, split):
    assert model.split_name(stem) == split


def test_series_pages_of_one_series_link_each_other():
    en, fr, other = (
        model.Series("x", "X", "en", parts=[part("a")], url="series/x/"),
        model.Series("x", "X", "fr", parts=[part("b")], url="fr/series/x/"),
        model.Series("y", "Y", "en", parts=[part("c")], url="series/y/"),
    )
    unpublished = model.Series("x", "X", "de", parts=[part("d", state=model.DRAFT)], url="de/")
    model.link_versions([en, fr, other, unpublished])
    assert (en.translations, fr.translations, other.translations) == ([fr], [en], [])
    assert unpublished.translations == []


@pytest.mark.parametrize(
    ("posts", "titles", "said"),
    [
        # written and published: listed once, as written, and the Planned line named
        ([post("Unpacking", index=1)], ["Unpacking"], ["Planned 'unpacking  ' is written now"]),
        # a draft of it, not shown: the planned line still announces it
        ([post("Unpacking", index=1, state=model.DRAFT)], ["unpacking  "], []),
        # an announced scheduled part: once, with its date
        (
            [post("Unpacking", index=1, state=model.SCHEDULED, day=20, announce="yes")],
            ["Unpacking"],
            ["is written now (Unpacking)"],
        ),
        ([post("Packing up", index=1)], ["Packing up", "unpacking  "], []),
    ],
)
def test_a_planned_part_that_is_written_is_listed_once(posts, titles, said):
    file = model.FileInput(
        "moving-house", "s.md", "Moving house", planned=(model.Planned("unpacking  ", None),)
    )
    series, diagnostics = group(posts, [file])
    assert [p.title for p in series[0].parts] == titles
    found = [d.message for d in diagnostics if "Planned" in d.message]
    assert len(found) == len(said) and all(s in m for s, m in zip(said, found, strict=True))


def test_nav_counts_published_parts_for_pelican_series_fields():
    series, _ = group(
        [
            post("p1", index=1),
            post("draft", index=2, state=model.DRAFT),
            post("p3", index=3),
            post("sched", index=4, state=model.SCHEDULED, day=20, announce="yes"),
        ],
        announce_drafts=True,
    )
    s = series[0]
    for p in s.parts:
        p.post = p.key  # stands in for the article
    nav = {p.key: model.Nav(s, p) for p in s.parts}
    assert (nav["p3"].number, nav["p3"].total, nav["p3"].index) == (3, 4, 2)
    assert nav["p3"].all == ["p1", "p3"]
    assert (nav["p3"].previous, nav["p3"].next) == ("p1", None)
    assert (nav["p1"].all_previous, nav["p1"].all_next) == ([], ["p3"])
    # a draft sees the published parts around it, and is not among `all`
    assert (nav["draft"].index, nav["draft"].previous, nav["draft"].next) == (None, "p1", "p3")
    assert [p.url for p in s.parts] == ["posts/p1/", None, "posts/p3/", None]


@pytest.mark.parametrize(
    ("state", "asked", "announce_drafts", "announce_scheduled", "expected"),
    [
        (model.PUBLISHED, None, False, False, True),
        (model.PUBLISHED, False, False, False, True),  # once published, the flag is moot
        (model.PLANNED, None, False, False, True),  # a Planned line is the announcement
        # a scheduled post may be embargoed: its title and date are private by default
        (model.SCHEDULED, None, False, False, False),
        (model.SCHEDULED, None, True, False, False),  # announcing drafts is not scheduled parts
        (model.SCHEDULED, True, False, False, True),
        (model.SCHEDULED, None, False, True, True),
        (model.SCHEDULED, False, False, True, False),
        (model.DRAFT, None, False, False, False),  # a draft may be abandoned: no promise
        (model.DRAFT, None, False, True, False),  # announcing scheduled parts is not drafts
        (model.DRAFT, None, True, False, True),
        (model.DRAFT, True, False, False, True),
        (model.DRAFT, False, True, False, False),
        (model.HIDDEN, None, True, True, False),  # Status: hidden is in no list
        (model.HIDDEN, True, True, True, False),
    ],
)
def test_announced(state, asked, announce_drafts, announce_scheduled, expected):
    assert model.announced(state, asked, announce_drafts, announce_scheduled) is expected


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        (None, None),
        ("", None),
        (" ", None),
        ("yes", True),
        ("True", True),
        (" no ", False),
        ("off", False),
        ("1", True),
        (True, True),
        (False, False),
    ],
)
def test_parse_announce(raw, value):
    assert model.parse_announce(raw) is value


@pytest.mark.parametrize("raw", ["maybe", "y", "2", "draft"])
def test_parse_announce_rejects(raw):
    with pytest.raises(ValueError, match=f"Series_announce must be yes or no, got '{raw}'"):
        model.parse_announce(raw)


def test_a_hidden_draft_is_not_counted_numbered_or_listed():
    series, problems = group(
        [
            post("p1", index=1),
            post("abandoned", index=2, state=model.DRAFT),
            post("wanted", index=3, state=model.DRAFT, announce="yes"),
            post("p4", index=4),
            post("quiet", index=5, state=model.SCHEDULED, announce="no", day=20),
            post("typo", index=6, state=model.DRAFT, announce="maybe"),
        ],
        [model.FileInput("moving-house", "s.md", "Moving house", (model.Planned("Later", None),))],
    )
    s = series[0]
    assert [(p.key, p.number) for p in s.parts] == [
        ("p1", 1),
        ("wanted", 2),
        ("p4", 3),
        ("s.md#planned-1", 4),
    ]
    assert [p.key for p in s.hidden] == ["abandoned", "quiet", "typo"]
    assert (s.total, s.published_count) == (4, 2)
    # the indexes of hidden parts still count: no gap is reported for 2, 5 or 6
    assert [(p.level, p.path, p.message) for p in problems] == [
        (model.ERROR, "typo", "Series_announce must be yes or no, got 'maybe'")
    ]
    # its own page sees the series as it will be once it is published; the public one is intact
    view, mine = s.preview(s.hidden[0])
    nav = model.Nav(view, mine)
    assert [p.key for p in view.parts] == ["p1", "abandoned", "wanted", "p4", "s.md#planned-1"]
    assert (nav.number, nav.total, nav.current_key) == (2, 5, "abandoned")
    assert [(p.key, p.number) for p in s.parts][1] == ("wanted", 2)


@pytest.mark.parametrize(
    ("announce_scheduled", "shown", "hidden"),
    [
        # an embargoed post's title and date must not be public before its date
        (False, ["p1", "launch", "s.md#planned-1"], ["embargo", "quiet"]),
        (True, ["p1", "embargo", "launch", "s.md#planned-1"], ["quiet"]),  # the old behaviour
    ],
)
def test_a_scheduled_part_is_announced_only_when_asked(announce_scheduled, shown, hidden):
    series, problems = group(
        [
            post("p1", index=1),
            post("embargo", index=2, state=model.SCHEDULED, day=20),
            post("launch", index=3, state=model.SCHEDULED, day=21, announce="yes"),
            post("quiet", index=4, state=model.SCHEDULED, day=22, announce="no"),
        ],
        [model.FileInput("moving-house", "s.md", "Moving house", (model.Planned("Later", None),))],
        announce_scheduled=announce_scheduled,
    )
    s = series[0]
    assert problems == []  # Series_announce: no is still a valid value, now the default
    assert [p.key for p in s.parts] == shown
    assert [p.number for p in s.parts] == list(range(1, len(shown) + 1))
    assert [p.key for p in s.hidden] == hidden
    assert (s.total, s.published_count) == (len(shown), 1)
    assert all(p.url is None for p in s.upcoming)  # announced or not, never linked


def test_part_of_jsonld():
    s = model.Series(slug="x", name="X", lang="en")
    p = part("a")
    p.number = 3
    assert model.part_of_jsonld(s, p, "https://t.test/series/x/") == {
        "isPartOf": {"@type": "CreativeWorkSeries", "name": "X", "url": "https://t.test/series/x/"},
        "position": 3,
    }


def test_configure():
    assert configure({}) == DEFAULTS
    for bad, message in [
        ({"SERIES_URL": "series/"}, "SERIES_URL must contain {slug}"),
        ({"SERIES_SHOW_DRAFT_TITLES": "no"}, "SERIES_SHOW_DRAFT_TITLES must be True or False"),
        ({"SERIES_ANNOUNCE_DRAFTS": 1}, "SERIES_ANNOUNCE_DRAFTS must be True or False"),
        ({"SERIES_ANNOUNCE_SCHEDULED": "yes"}, "SERIES_ANNOUNCE_SCHEDULED must be True or False"),
        ({"SERIES_NEAR_MISS_RATIO": 2}, "SERIES_NEAR_MISS_RATIO must be a number"),
        ({"SERIES_FEED": "x"}, "unknown setting SERIES_FEED"),
    ]:
        with pytest.raises(SettingsError, match=message):
            configure(bad)


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["title", "summary", "cover", "cover_alt", "planned", "lang"], []),
        (["reader", "category"], []),  # Pelican's own additions
        (["sumary"], ["unknown key 'Sumary' is ignored (did you mean Summary?)"]),
        (
            ["planed", "colour"],
            [
                "unknown key 'Planed' is ignored (did you mean Planned?)",
                "unknown key 'Colour' is ignored",
            ],
        ),
    ],
)
def test_unknown_file_keys(keys, expected):
    assert model.unknown_file_keys(keys) == expected


def test_a_series_file_named_otherwise_than_its_series_says_to_rename_it():
    # renamed to booking-engine.md: "no post is in series 'Moving house'" while two posts
    # were, and the series page lost the file's introduction, cover and plan with no error
    files = [model.FileInput("house", "content/series/house.md", "Moving house")]
    posts = [post("content/posts/a.md", index=1), post("content/posts/b.md", index=2)]
    _, problems = group(posts, files)
    [said] = [p for p in problems if p.path == "content/series/house.md"]
    assert said.level == model.ERROR
    assert said.message == (
        "its Title is the series 'Moving house', which 2 post(s) are in, but a series file is "
        "found by its name: rename it content/series/moving-house.md; until then the series "
        "page has no introduction, cover or planned parts"
    )


def _owned(state: str, lang: str = "en", feed: str | None = "feeds/series/x.atom.xml"):
    series = model.Series(slug="x", name="X", lang=lang, parts=[part("a.md", state=state)])
    series.save_as = "series/x/index.html" if lang == "en" else f"{lang}/series/x/index.html"
    series.feed_url = feed
    return series


@pytest.mark.parametrize(
    ("series", "index", "owned"),
    [
        (
            [_owned(model.PUBLISHED)],
            "series/index.html",
            {
                "series/x/index.html": "the series page 'x' (plugins/series)",
                "feeds/series/x.atom.xml": "the feed of the series 'x' (SERIES_FEED_ATOM)",
                "series/index.html": "the series index (SERIES_INDEX_SAVE_AS)",
            },
        ),
        # a series in another language: its page, no feed (as generate_output writes it)
        (
            [_owned(model.PUBLISHED, "fr", None)],
            "",
            {"fr/series/x/index.html": "the series page 'x' (plugins/series)"},
        ),
        ([_owned(model.DRAFT)], "", {}),  # nothing published: nothing written
    ],
)
def test_pages_owned_are_the_files_the_series_plugin_writes(series, index, owned):
    assert model.pages_owned(series, index) == owned


def test_a_regional_part_takes_the_series_files_translation_in_its_language():
    # a Lang: fr-CA part showed the English title and the line said "no part ... is in fr"
    # (probe 20, 2): as a catalog does, fr-CA falls back to fr when there is no fr-CA file
    french = model.FileTranslation("fr", "s.fr.md", title="Déménager")
    file = model.FileInput("moving-house", "s.md", "Moving house", translations=(french,))
    parts = [post("a", index=1), post("a-ca", index=1, lang="fr-CA", translation=True)]
    (_, ca), problems = group(parts, [file])
    assert (ca.lang, ca.name, ca.source) == ("fr-CA", "Déménager", "s.fr.md")
    assert problems == []
    # a file of its own region comes first; the fr one then shows nowhere, and says why
    canadian = model.FileTranslation("fr-CA", "s.fr-CA.md", title="Déménagement")
    file = dataclasses.replace(file, translations=(french, canadian))
    (_, ca), problems = group(parts, [file])
    assert ca.name == "Déménagement"
    assert [f"{p.path}: {p.message}" for p in problems] == [
        "s.fr.md: the parts in fr-CA show s.fr-CA.md instead, so no page shows this file"
    ]
