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


DATED = r"(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>.*)"  # the task's example: 2024-05-01-x.md
BY_FOLDER = r"posts/(?P<slug>[^/]+)/index\.md"  # a post as a folder: posts/x/index.md
LANG_NAME = r"(?P<slug>[^.]+)\.(?P<lang>[a-z]{2})"  # x.fr.md
TITLE_NAME = r"(?P<title>.*)"  # an old site's titles from file names
EXTRA = {"posts/kept": {"slug": "kept-here"}, "posts/kept/old.md": {"slug": "old-one"}}

# (settings, file, front matter, (slug, lang, what gave it)); the rows marked SITE are the
# addresses the site test below builds with Pelican
OF_FILE = [
    # SITE: Pelican's own default: the title's slug, the name's date read and nothing else
    ({}, "posts/2024-05-01-moving-day.md", {"title": "We moved!"}, ("we-moved", "", "title")),
    # SITE: the slug after the date, whatever the title ...
    (
        {"FILENAME_METADATA": DATED},
        "posts/2024-05-01-moving-day.md",
        {"title": "We moved!"},
        ("moving-day", "", "FILENAME_METADATA"),
    ),
    # SITE: ... as written, not slugified (Pelican's parse_path_metadata)
    (
        {"FILENAME_METADATA": DATED},
        "posts/2024-05-02-Open_House.md",
        {"title": "Open house"},
        ("Open_House", "", "FILENAME_METADATA"),
    ),
    # SITE: a Slug: line before it
    (
        {"FILENAME_METADATA": DATED},
        "posts/2024-05-03-garden.md",
        {"title": "Garden", "slug": "our-garden"},
        ("our-garden", "", "Slug"),
    ),
    # SITE: an empty Slug: line is none: the name's stands
    (
        {"FILENAME_METADATA": DATED},
        "posts/2024-05-04-roof.md",
        {"title": "Roof", "slug": " "},
        ("roof", "", "FILENAME_METADATA"),
    ),
    # SITE: a name the pattern does not match: the title's
    (
        {"FILENAME_METADATA": DATED},
        "posts/no-date.md",
        {"title": "No date"},
        ("no-date", "", "title"),
    ),
    # SITE: a slug from the folder
    (
        {"PATH_METADATA": BY_FOLDER},
        "posts/moving-day/index.md",
        {"title": "We moved!"},
        ("moving-day", "", "PATH_METADATA"),
    ),
    # SITE: FILENAME_METADATA's slug before PATH_METADATA's, where both give one
    (
        {"PATH_METADATA": BY_FOLDER, "FILENAME_METADATA": r"(?P<slug>index)"},
        "posts/moving-day/index.md",
        {"title": "We moved!"},
        ("index", "", "FILENAME_METADATA"),
    ),
    # SITE: the language from the name too
    (
        {"FILENAME_METADATA": LANG_NAME},
        "posts/moving-day.fr.md",
        {"title": "Nous avons déménagé"},
        ("moving-day", "fr", "FILENAME_METADATA"),
    ),
    # SITE: ... a Lang: line before it
    (
        {"FILENAME_METADATA": LANG_NAME},
        "posts/open-house.fr.md",
        {"title": "Portes ouvertes", "lang": "de"},
        ("open-house", "de", "FILENAME_METADATA"),
    ),
    # SITE: a title from the name, slugified by SLUGIFY_SOURCE's rule
    ({"FILENAME_METADATA": TITLE_NAME}, "posts/Moving Day.md", {}, ("moving-day", "", "title")),
    # SITE: SLUGIFY_SOURCE = "basename": the file's name, slugified
    (
        {"SLUGIFY_SOURCE": "basename"},
        "posts/2024/Our_Office.md",
        {"title": "Moving day"},
        ("our_office", "", "basename"),
    ),
    (
        {"SLUGIFY_SOURCE": "basename"},
        "posts/Привет.md",
        {"title": "Hi"},
        ("privet", "", "basename"),
    ),
    # SITE: EXTRA_PATH_METADATA, a file's own entry before its folder's
    (
        {"EXTRA_PATH_METADATA": EXTRA},
        "posts/kept/new.md",
        {"title": "N"},
        ("kept-here", "", "EXTRA_PATH_METADATA"),
    ),
    (
        {"EXTRA_PATH_METADATA": EXTRA},
        "posts/kept/old.md",
        {"title": "O"},
        ("old-one", "", "EXTRA_PATH_METADATA"),
    ),
    # a folder whose name begins as the entry's is not in it
    ({"EXTRA_PATH_METADATA": EXTRA}, "posts/kept-2/x.md", {"title": "X"}, ("x", "", "title")),
    # a SLUGIFY_SOURCE of neither: Pelican gives no slug (the build refuses the setting)
    ({"SLUGIFY_SOURCE": "filename"}, "posts/a.md", {"title": "A"}, ("", "", "")),
]


@pytest.mark.parametrize(("settings", "relpath", "front", "expected"), OF_FILE)
def test_the_slug_pelican_gives_a_file(settings, relpath, front, expected):
    # FILENAME_METADATA and PATH_METADATA were not read: 2024-05-01-moving-day.md was taken
    # for /posts/we-moved/, while Pelican published it at /posts/moving-day/
    found = Rule.of({**DEFAULT_CONFIG, **settings}).of_file(relpath, front)
    assert (found.slug, found.lang, found.source) == expected


def _site_groups() -> list[tuple[dict, list[tuple[str, dict, tuple]]]]:
    """The rows Pelican builds, by their settings: one site each."""
    groups: list[tuple[dict, list]] = []
    for settings, relpath, front, expected in OF_FILE:
        if settings.get("SLUGIFY_SOURCE") == "filename" or relpath == "posts/Привет.md":
            continue  # a build refuses the first; the second is the row above, transliterated
        if relpath == "posts/kept-2/x.md":
            continue  # its slug is its title's: the rows above build that
        for given, rows in groups:
            if given == settings:
                rows.append((relpath, front, expected))
                break
        else:
            groups.append((settings, [(relpath, front, expected)]))
    return groups


@pytest.mark.parametrize(
    ("settings", "rows"),
    _site_groups(),
    ids=lambda value: "-".join(sorted(value)) or "defaults" if isinstance(value, dict) else "",
)
def test_the_slugs_are_where_pelican_publishes_the_posts(build_site, settings, rows):
    # the truth for the table above: each file at the address of the slug it gives, in its
    # language's folder, and nowhere else
    files = {}
    for relpath, front, _ in rows:
        lines = [f"{key.title()}: {value}" for key, value in front.items()]
        lines += [] if "-05-0" in relpath else ["Date: 2024-05-01"]
        files[relpath] = "\n".join(lines) + "\n\nA post.\n"
    site = build_site(files, fixture=None, **settings)
    published = {
        path.parent.relative_to(site.output).as_posix()
        for path in site.output.rglob("index.html")
        if "/posts/" in f"/{path.relative_to(site.output).as_posix()}"
    }
    expected = {(f"{lang}/" if lang else "") + f"posts/{slug}" for _, _, (slug, lang, _) in rows}
    assert published - {"posts", *(f"{lang}/posts" for _, _, (_, lang, _) in rows)} == expected


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
