"""The slug rule `make new-post` and the importer share (plugins/engine/slugs.py): Pelican's."""

import pytest
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from plugins.engine.slugs import Rule, no_letter_line, no_letter_name, slug

TITLES = [
    "Nos salles préférées",
    "Ça marche, enfin!",
    "already-a-slug",
    "Straße & Co",
    "Żółć",
    "Привет, мир",
    "Мальчик и подъезд",  # ь and ъ: Unidecode gives an apostrophe
    "Ελληνικά νέα",
    "東京",
    "新しい会議室のご案内",
    "회의실 예약",
    "C++ tips -- part 2",
    "Don't panic",
    "It’s “quoted”",
    "l'été à Lyon",
    "snake_case and __dunder__",
    "Izé...rugó",
    "Version 2.0 is out.",
    "A/B testing",
    "— An aside —",
    "Tabs\tand  spaces ",
    "<b>Bold</b> move &amp; more",
    "🎉 Launch day 🚀",
    "🎉🎉",
    "",
]


@pytest.mark.parametrize("text", TITLES)
def test_slug_is_pelicans_slug_of_a_title(text):
    # the engine's own rule hyphenated apostrophes and dots and dropped underscores: a post
    # new-post named don-t-panic.md was at /posts/dont-panic/ once its Slug: line was gone
    expected = slugify(text, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])
    assert slug(text) == expected
    assert slug(text, DEFAULT_CONFIG) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nos salles préférées", "nos-salles-preferees"),
        ("Don't panic", "dont-panic"),
        ("snake_case", "snake_case"),
        ("Izé...rugó", "izerugo"),
        ("Привет, мир", "privet-mir"),
        ("東京", "dong-jing"),
        ("🎉🎉", ""),
    ],
)
def test_slug(text, expected):
    assert slug(text) == expected


SITES = [
    {"SLUGIFY_USE_UNICODE": True},
    {"SLUGIFY_PRESERVE_CASE": True},
    {
        "SLUG_REGEX_SUBSTITUTIONS": [
            (r"(?<=\w)\+", " plus "),
            *DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"],
        ]
    },
]


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("text", TITLES)
def test_slug_follows_the_site_s_slug_settings(site, text):
    settings = {**DEFAULT_CONFIG, **site}
    expected = slugify(
        text,
        regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"],
        preserve_case=settings["SLUGIFY_PRESERVE_CASE"],
        use_unicode=settings["SLUGIFY_USE_UNICODE"],
    )
    assert slug(text, settings) == Rule.of(settings)(text) == expected


@pytest.mark.parametrize("text", TITLES)
def test_a_slug_is_what_pelican_makes_of_it_again(text):
    # written as a Slug: line, the strict reader's check (a slug is its own slug) accepts it
    made = slug(text)
    assert slugify(made, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]) == made


@pytest.mark.parametrize(
    ("settings", "title", "path", "expected"),
    [
        ({}, "Moving day", "posts/2024/Our_Office.md", "moving-day"),
        ({"SLUGIFY_SOURCE": "title"}, "Moving day", "posts/Our_Office.md", "moving-day"),
        # Pelican's slug of the file's name without its extension, not of the title
        ({"SLUGIFY_SOURCE": "basename"}, "Moving day", "posts/2024/Our_Office.md", "our_office"),
        ({"SLUGIFY_SOURCE": "basename"}, "Moving day", "posts/Привет.md", "privet"),
    ],
)
def test_a_post_without_a_slug_line_takes_pelican_s_slug_of_its_source(
    settings, title, path, expected
):
    assert Rule.of(settings).of_post(title, path) == expected


@pytest.mark.parametrize(
    ("kind", "name", "said"),
    [
        ("file", "ana-lima", ""),
        ("folder", "2026", ""),
        ("folder", "東京", ""),
        (
            "file",
            "---",
            "the file name '---' makes the web address '---', with no letter or digit in it; "
            "rename the file with letters or digits",
        ),
        (
            "folder",
            "—",
            "the folder name '—' makes the web address '—', with no letter or digit in it; "
            "rename the folder with letters or digits",
        ),
    ],
)
def test_a_name_of_no_letter_or_digit_is_said(kind, name, said):
    """A side file's or folder's name that is its page's address (team, galleries)."""
    assert no_letter_line(kind, name) == said


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("Maya Okafor", ""),
        ("黄俊", ""),
        ("R2", ""),
        ("—", "Name '—' has no letter or digit in it, so the pages would show only '—'; fix"),
        ("- -", "Name '- -' has no letter or digit in it, so the pages would show only '- -'; fix"),
    ],
)
def test_a_shown_name_of_no_letter_or_digit_is_said(name, said):
    """A name shown as written (a team file's Name), not made an address."""
    assert no_letter_name("Name", name, "fix") == said
