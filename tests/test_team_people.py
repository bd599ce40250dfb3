"""Unit tests of the team plugin's pure logic, as tables."""

import pytest

from plugins.team import people
from plugins.team.people import Link, Person, build_roster, parse_person
from plugins.team.settings import DEFAULTS, SettingsError, configure

SOURCE = "content/team/maya.md"


def parse(metadata, bio="<p>Short bio.</p><p>More.</p>", photos=("team/photos/maya.jpg",)):
    return parse_person("maya", SOURCE, metadata, bio, photo_exists=lambda rel: rel in photos)


def messages(problems):
    return [str(p) for p in problems]


def test_a_complete_file():
    person, problems = parse(
        {
            "name": "Maya Okafor",
            "role": "Co-founder and CEO",
            "photo": "team/photos/maya.jpg",
            "pronouns": "she/her",
            "email": "maya@tessellate.example",
            "website": "https://www.maya.example/",
            "mastodon": "https://social.coop/@maya",
            "bluesky": "https://bsky.app/profile/maya.example",
            "linkedin": "https://www.linkedin.com/in/maya",
            "github": "https://github.com/maya",
            "twitter": "https://twitter.com/maya",
            "alumni": "false",
            "aliases": "Maya, M. Okafor, maya okafor",
        }
    )
    assert problems == []
    assert person.name == "Maya Okafor" and person.slug == "maya" and person.source == SOURCE
    assert person.photo == "team/photos/maya.jpg"
    assert person.aliases == ("Maya", "M. Okafor")  # the name itself is not an alias
    assert person.short_bio == "Short bio."
    assert [(link.kind, link.label, link.rel) for link in person.links] == [
        ("website", "maya.example", "me noopener"),
        ("mastodon", "Mastodon", "me noopener"),
        ("bluesky", "Bluesky", "me noopener"),
        ("linkedin", "LinkedIn", "me noopener"),
        ("github", "GitHub", "me noopener"),
        ("twitter", "Twitter", "me noopener"),
        ("email", "maya@tessellate.example", ""),
    ]
    label, url, rel, _ = person.links[-1]  # a (label, url, rel) tuple, as templates expect
    assert (label, url, rel) == ("maya@tessellate.example", "mailto:maya@tessellate.example", "")


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        ({}, "content/team/maya.md: Name is required"),
        ({"name": "  "}, "content/team/maya.md: Name is required"),
        (
            {"name": "M", "photo": "team/photos/gone.jpg"},
            "content/team/maya.md: Photo 'team/photos/gone.jpg' does not exist",
        ),
        (
            {"name": "M", "mastodon": "@maya@social.coop"},
            "Mastodon must be a URL like https://mastodon.social/@maya, got '@maya@social.coop' "
            "(did you mean https://social.coop/@maya?)",
        ),
        (
            {"name": "M", "github": "maya"},
            "Github must be a URL like https://github.com/maya, got 'maya' "
            "(did you mean https://github.com/maya?)",
        ),
        (
            {"name": "M", "bluesky": "@maya.bsky.social"},
            "(did you mean https://bsky.app/profile/maya.bsky.social?)",
        ),
        ({"name": "M", "twitter": "@maya"}, "(did you mean https://twitter.com/maya?)"),
        ({"name": "M", "linkedin": "maya-o"}, "(did you mean https://www.linkedin.com/in/maya-o?)"),
        ({"name": "M", "website": "maya.example"}, "(did you mean https://maya.example?)"),
        ({"name": "M", "website": "ftp://maya.example"}, "Website must be a URL like"),
        ({"name": "M", "website": "https://maya example.org"}, "Website must be a URL like"),
        ({"name": "M", "linkedin": "my profile"}, "got 'my profile'"),
        ({"name": "M", "email": "maya at example"}, "Email must be an address like"),
        (
            {"name": "M", "alumni": "left in 2023"},
            "Alumni must be true or false, got 'left in 2023'",
        ),
    ],
)
def test_bad_values_name_the_file_and_the_key(metadata, expected):
    _, problems = parse(metadata)
    assert any(expected in m for m in messages(problems)), messages(problems)
    assert all(m.startswith(SOURCE + ": ") for m in messages(problems))
    assert all(p.error for p in problems)


def test_a_bad_value_is_dropped_and_the_rest_kept():
    person, problems = parse(
        {
            "name": "Maya",
            "role": "CEO",
            "github": "maya",
            "mastodon": "https://social.coop/@maya",
            "photo": "team/photos/gone.jpg",
        }
    )
    assert len(problems) == 2
    assert person.role == "CEO" and person.photo is None
    assert [link.kind for link in person.links] == ["mastodon"]


def test_no_name_means_no_person():
    person, _ = parse({"role": "CEO"})
    assert person is None


def test_unknown_keys_are_warnings_with_a_suggestion():
    person, problems = parse({"name": "Maya", "twiter": "https://twitter.com/m", "colour": "red"})
    assert person is not None
    assert [(str(p), p.error) for p in problems] == [
        (f"{SOURCE}: unknown key 'Twiter' is ignored (did you mean Twitter?)", False),
        (f"{SOURCE}: unknown key 'Colour' is ignored", False),
    ]


@pytest.mark.parametrize(
    ("value", "alumni"),
    [("true", True), ("Yes", True), ("1", True), ("false", False), ("no", False), ("", False)],
)
def test_alumni_values(value, alumni):
    person, problems = parse({"name": "Maya", "alumni": value})
    assert person.alumni is alumni and problems == []


@pytest.mark.parametrize(
    ("value", "cleaned"),
    [
        ("team/photos/maya.jpg", "team/photos/maya.jpg"),
        ("/team/photos/maya.jpg", "team/photos/maya.jpg"),
        ("{static}/team/photos/maya.jpg", "team/photos/maya.jpg"),
        ("{attach}team/photos/maya.jpg", "team/photos/maya.jpg"),
    ],
)
def test_photo_paths_are_within_content(value, cleaned):
    person, problems = parse({"name": "Maya", "photo": value})
    assert person.photo == cleaned and problems == []


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>One.</p><p>Two.</p>", "One."),
        ("<h2>About</h2><p>First <em>real</em>\nparagraph.</p>", "First real paragraph."),
        ("<p>Rock &amp; roll&rsquo;s <a href='x'>link</a></p>", "Rock & roll\u2019s link"),
        ("", ""),
        ("<ul><li>no paragraph</li></ul>", ""),
    ],
)
def test_short_bio_is_the_first_paragraph_as_text(html, text):
    assert people.first_paragraph(html) == text


@pytest.mark.parametrize(
    ("name", "normal"),
    [
        ("Théo Marchand", "theo-marchand"),
        ("theo-marchand", "theo-marchand"),
        ("  THEO   marchand ", "theo-marchand"),
        ("T. Marchand", "t-marchand"),
        ("Ana de la Cruz", "ana-de-la-cruz"),
        ("Zoë O'Neill", "zoe-o-neill"),
        ("Ada  Lovelace", "ada-lovelace"),
        ("ADA LOVELACE", "ada-lovelace"),
        ("Nguyễn Văn An", "nguyen-van-an"),  # two accents on one letter
        ("Ｊａｎｅ Ｄｏｅ", "jane-doe"),  # full-width letters (NFKC)
        # letters of other scripts are kept, not dropped: each name its own key
        ("وحید خرازی", "وحید-خرازی"),
        ("سینا محمودی", "سینا-محمودی"),
        ("علي", "علی"),  # Arabic yeh and Persian yeh: one letter, as keyboards differ
        ("أحمد", "احمد"),  # hamza on alef: optional in writing
        ("مُحَمَّد", "محمد"),  # vowel signs: optional in writing
        ("黄俊", "黄俊"),
        ("山田 太郎", "山田太郎"),  # with or without the space: one name
        ("山田太郎", "山田太郎"),
        ("김 민준", "김민준"),
        ("Иван Петров", "иван-петров"),
        ("ИВАН  петров", "иван-петров"),
        ("Андрей Й", "андрей-й"),  # й is its own letter in Cyrillic: not folded to и
        ("Ψάρι", "ψαρι"),  # Greek accents fold as Latin ones
        ("अमित शर्मा", "अमित-शर्मा"),  # vowel signs and virama stay: part of the letters
        ("김민준", "김민준"),
        ("Mei 黄", "mei-黄"),  # mixed scripts
        ("😀", "😀"),  # no letters: kept as written, never '' (which every such name shared)
        ("  ", ""),
    ],
)
def test_normalise(name, normal):
    assert people.normalise(name) == normal


DIFFERENT_NAMES = [
    "وحید خرازی",
    "سینا محمودی",
    "امیر آجورلو",
    "آرین باقی",
    "黄俊",
    "皇俊",  # one transliteration (huang-jun), two names
    "Иван Петров",
    "Ivan Petrov",
    "Петр Иванов",
    "山田 太郎",
    "😀",
    "🙂",
    "Ada Lovelace",
]


def test_different_names_never_share_a_key():
    keys = [people.normalise(name) for name in DIFFERENT_NAMES]
    assert all(keys) and len(set(keys)) == len(keys), keys


def test_people_with_non_latin_names_are_found_each_by_their_own_name():
    team = [
        person("whyd-khrzy", "وحید خرازی"),
        person("syn-mhmwdy", "سینا محمودی"),
        person("huang-jun", "黄俊"),
        person("ivan-petrov", "Иван Петров", "Ваня"),
    ]
    roster, problems = build_roster(team)
    assert problems == []  # four names, four people (they all claimed '' and collided)
    found = {
        name: roster.find(name) for name in ["وحید خرازی", "سینا محمودی", "黄俊", "ИВАН ПЕТРОВ"]
    }
    assert [p.slug for p in found.values()] == [
        "whyd-khrzy",
        "syn-mhmwdy",
        "huang-jun",
        "ivan-petrov",
    ]
    assert roster.find("Ваня").slug == "ivan-petrov"
    assert roster.find("whyd-khrzy").slug == "whyd-khrzy"  # the file name, as for anyone
    # someone else with no team file is nobody's, however their letters transliterate
    assert roster.find("皇俊") is None and roster.find("آرین باقی") is None
    assert roster.find("Петр Иванов") is None


def test_a_non_latin_name_claimed_twice_is_one_line():
    roster, problems = build_roster(
        [person("huang-jun", "黄俊"), person("jun", "黄 俊"), person("amir", "امیر", "黄俊")]
    )
    rule = "; a name, file name or alias may point to one person only"
    assert messages(problems) == [
        "content/team/jun.md: Name '黄 俊' is already 黄俊's (in content/team/huang-jun.md)" + rule,
        "content/team/amir.md: Aliases '黄俊' is already 黄俊's (in content/team/huang-jun.md)"
        + rule,
    ]
    assert roster.find("黄俊").slug == "huang-jun"


@pytest.mark.parametrize(
    ("wanted", "taken", "given"),
    [
        ({"ada": "ada"}, [], {"ada": "ada"}),
        # two names, one transliteration: the first by name keeps it, the next gets -2
        (
            {"黄俊": "huang-jun", "皇俊": "huang-jun"},
            [],
            {"皇俊": "huang-jun", "黄俊": "huang-jun-2"},
        ),
        # a team member's file name is taken: never someone else's profile
        ({"黄俊": "huang-jun"}, ["huang-jun"], {"黄俊": "huang-jun-2"}),
        ({"a": "x", "b": "x", "c": "x"}, ["x", "x-2"], {"a": "x-3", "b": "x-4", "c": "x-5"}),
        ({"😀": ""}, [], {"😀": "😀"}),  # no slug at all: the key
    ],
)
def test_free_slugs(wanted, taken, given):
    assert people.free_slugs(wanted, taken) == given


@pytest.mark.parametrize(
    ("name", "separator"),
    [
        ("وحید خرازی، سینا محمودی", "\u060c"),
        ("黄俊，王芳", "\uff0c"),
        ("黄俊、王芳", "\u3001"),
        ("Ada Byrne", ""),
        ("Doe, J.", ""),  # Pelican's own: not ours to name
    ],
)
def test_list_separators_of_other_scripts(name, separator):
    assert people.list_separator(name) == separator


@pytest.mark.parametrize(
    ("key", "name", "expected"),
    [
        (
            "authors",
            "黄俊、王芳",
            "Authors '黄俊、王芳' is read as one name: names are separated by ',' (or ';'), "
            "not '、'; write 'Authors: 黄俊, 王芳'",
        ),
        (
            "author",  # Author: takes one name: the list is Authors:
            "وحید خرازی، سینا محمودی",
            "Author 'وحید خرازی، سینا محمودی' is read as one name: names are separated by ',' "
            "(or ';'), not '،'; write 'Authors: وحید خرازی, سینا محمودی'",
        ),
    ],
)
def test_one_name_of_many_message(key, name, expected):
    problem = people.one_name_of_many("content/posts/x.md", key, name, error=True)
    assert str(problem) == f"content/posts/x.md: {expected}"
    assert problem.error


def test_unsigned_posts_message():
    one = people.unsigned_posts(["content/posts/a.md"], "Tessellate", "invoke team-stubs")
    assert str(one) == (
        "content/posts/a.md: has no Author: line, so it is signed 'Tessellate' (AUTHOR in "
        "pelicanconf.py), who has no team file; add Author: lines, or set AUTHOR to the name "
        "of the one who wrote them; then give them a team file (run: invoke team-stubs)"
    )
    three = people.unsigned_posts(["c.md", "a.md", "b.md"], "Tessellate", "invoke team-stubs")
    assert str(three).startswith("3 posts have no Author: line (a.md, b.md, ...), so they are")
    assert not one.error and not three.error


def person(slug, name, *aliases, alumni=False):
    return Person(slug=slug, name=name, source=f"content/team/{slug}.md", aliases=aliases)


TEAM = [
    person("theo-marchand", "Théo Marchand", "T. Marchand"),
    person("bo", "Bo Lindqvist", "Bosse"),
    person("ada-byrne", "Ada Byrne"),
]


@pytest.mark.parametrize(
    ("written", "slug"),
    [
        ("Théo Marchand", "theo-marchand"),
        ("Theo Marchand", "theo-marchand"),
        ("théo marchand", "theo-marchand"),
        ("theo-marchand", "theo-marchand"),
        ("T. Marchand", "theo-marchand"),
        ("Bosse", "bo"),
        ("bo", "bo"),  # the file name
        ("Bo Lindqvist", "bo"),
        ("Ada", None),
        ("Ada Byrn", None),
    ],
)
def test_roster_finds_people_by_name_slug_or_alias(written, slug):
    roster, problems = build_roster(TEAM)
    assert problems == []
    found = roster.find(written)
    assert (found.slug if found else None) == slug


@pytest.mark.parametrize(
    ("written", "suggestion"),
    [
        ("Ada Byrn", "Ada Byrne"),
        ("Bo Lindquist", "Bo Lindqvist"),
        ("Theo Marchant", "Théo Marchand"),
        ("Ada", "Ada Byrne"),  # a first name alone
        ("Marchand", "Théo Marchand"),
        ("Zebedee Quince", None),
    ],
)
def test_roster_suggests_the_closest_name(written, suggestion):
    roster, _ = build_roster(TEAM)
    assert roster.suggest(written) == suggestion


def test_a_name_claimed_twice_is_an_error_naming_both_files():
    roster, problems = build_roster(
        [
            person("bo", "Bo Lindqvist", "B. L."),
            person("bea-lund", "Bea Lund", "B. L.", "Bea"),
            person("bo-2", "Bo Lindqvist"),
        ]
    )
    rule = "; a name, file name or alias may point to one person only"
    assert messages(problems) == [
        "content/team/bo-2.md: Name 'Bo Lindqvist' is already Bo Lindqvist's "
        "(in content/team/bo.md)" + rule,
        # an alias two people give: one line naming both files, and neither keeps it (the
        # first by file name did: a new colleague's file took an alias from an old one)
        "content/team/bea-lund.md: Aliases 'B. L.' is in content/team/bea-lund.md and "
        "content/team/bo.md: an alias may point to one person only, so it points to neither "
        "until one file drops it",
    ]
    assert roster.find("B. L.") is None
    assert roster.find("Bo Lindqvist").slug == "bo"


@pytest.mark.parametrize("newcomer", ["aa-byrne", "zz-byrne"])
def test_an_alias_that_is_someones_name_is_the_aliases_mistake(newcomer):
    # a new colleague called "A. Byrne": Ada's alias gives way, whichever file sorts first
    roster, problems = build_roster(
        [person("ada-byrne", "Ada Byrne", "A. Byrne"), person(newcomer, "A. Byrne")]
    )
    assert messages(problems) == [
        f"content/team/ada-byrne.md: Aliases 'A. Byrne' is already A. Byrne's "
        f"(in content/team/{newcomer}.md); a name, file name or alias may point to one person only"
    ]
    assert roster.find("A. Byrne").slug == newcomer


@pytest.mark.parametrize(
    ("suggestion", "expected"),
    [
        (
            "Ada Byrne",
            "content/posts/x.md: Author 'Ada Byrn' has no team file in content/team/ "
            "(did you mean 'Ada Byrne'?)",
        ),
        (
            None,
            "content/posts/x.md: Author 'Ada Byrn' has no team file in content/team/; "
            "add content/team/ada-byrn.md with 'Name: Ada Byrn'",
        ),
    ],
)
def test_unknown_author_message(suggestion, expected):
    problem = people.unknown_author(
        "content/posts/x.md", "author", "Ada Byrn", suggestion, "content/team", error=True
    )
    assert str(problem) == expected and problem.error


def test_unknown_author_message_names_the_file_their_byline_links_to():
    problem = people.unknown_author(
        "content/posts/x.md", "author", "Иван Петров", None, "content/team", True, "ivan-petrov"
    )
    assert str(problem) == (
        "content/posts/x.md: Author 'Иван Петров' has no team file in content/team/; "
        "add content/team/ivan-petrov.md with 'Name: Иван Петров'"
    )
    summary = people.unknown_author_summary(
        "黄俊", "author", ["a.md", "b.md"], "content/team", "invoke team-stubs", False, "huang-jun"
    )
    assert str(summary) == (
        "Author '黄俊' has no team file in content/team/ (2 posts, e.g. a.md, b.md); run: "
        "invoke team-stubs (or add content/team/huang-jun.md with 'Name: 黄俊')"
    )


def test_person_json_ld():
    maya = Person(
        slug="maya",
        name="Maya Okafor",
        source=SOURCE,
        role="CEO",
        email="maya@example.org",
        links=(
            Link("Mastodon", "https://social.coop/@maya", "me noopener", "mastodon"),
            Link("maya@example.org", "mailto:maya@example.org", "", "email"),
        ),
        short_bio="Maya runs things.",
    )
    args = {"url": "https://b.example/team/maya/", "image": "https://b.example/m.jpg"}
    brief = people.person_jsonld(maya, **args, organisation="Tessellate", full=False)
    assert brief == {
        "@type": "Person",
        "name": "Maya Okafor",
        "url": "https://b.example/team/maya/",
        "jobTitle": "CEO",
        "image": "https://b.example/m.jpg",
        "sameAs": ["https://social.coop/@maya"],
    }
    full = people.person_jsonld(maya, **args, organisation="Tessellate", full=True)
    assert full["description"] == "Maya runs things."
    assert full["worksFor"] == {"@type": "Organization", "name": "Tessellate"}
    alumna = Person(slug="c", name="C", source=SOURCE, alumni=True)
    old = people.person_jsonld(alumna, url="u", image=None, organisation="T", full=True)
    assert "alumniOf" in old and "worksFor" not in old and "image" not in old


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"TEAM_PATH": ""}, "TEAM_PATH must be a folder"),
        ({"TEAM_PATH": "../people"}, "TEAM_PATH must be a folder"),
        ({"TEAM_PHOTO_SIZES": ()}, "TEAM_PHOTO_SIZES must be a list"),
        ({"TEAM_PHOTO_SIZES": (96, "288")}, "TEAM_PHOTO_SIZES must be a list"),
        ({"TEAM_PHOTO_SIZES": (8,)}, "TEAM_PHOTO_SIZES must be a list"),
        ({"TEAM_UNKNOWN_AUTHOR": "fail"}, "TEAM_UNKNOWN_AUTHOR must be one of auto, warning"),
        ({"TEAM_PHOTO_SIZE": (96,)}, r"did you mean TEAM_PHOTO_SIZES\?"),
    ],
)
def test_bad_settings_are_explained(settings, message):
    with pytest.raises(SettingsError, match=message):
        configure(settings)


def test_settings_defaults():
    merged = configure({"TEAM_PHOTO_SIZES": [288, 96, 96]})
    assert set(merged) == set(DEFAULTS)
    assert merged["TEAM_PHOTO_SIZES"] == (96, 288)
    assert merged["TEAM_PATH"] == "team" and merged["TEAM_UNKNOWN_AUTHOR"] == "auto"


@pytest.mark.parametrize(
    ("written", "aliases"),
    [
        ("Maya, M. Okafor", ("Maya", "M. Okafor")),
        # a YAML list's item with a comma (aliases: [Maya, "Okafor, M."]) reaches here as
        # Pelican's Authors do: separated by semicolons
        ("Maya; Okafor, M.", ("Maya", "Okafor, M.")),
        ("Okafor, M.;", ("Okafor, M.",)),
        (["Maya", "M. Okafor"], ("Maya", "M. Okafor")),
    ],
)
def test_aliases_are_split_as_pelican_splits_authors(written, aliases):
    person, problems = parse({"name": "Maya Okafor", "aliases": written})
    assert problems == [] and person.aliases == aliases


# --- e-mail addresses in author lines (old Blogger and WordPress exports) -------------------


@pytest.mark.parametrize(
    ("value", "name", "addresses"),
    [
        ("Rui Tavares (rui@tessellate.example)", "Rui Tavares", ("rui@tessellate.example",)),
        ("Rui <Rui.T@tessellate.example>", "Rui", ("rui.t@tessellate.example",)),
        ("Rui [mailto:rui@tessellate.example]", "Rui", ("rui@tessellate.example",)),
        ("Rui Tavares - rui@tessellate.example", "Rui Tavares", ("rui@tessellate.example",)),
        # an address alone: its local part, never the address
        ("<rui.t@tessellate.example>", "rui.t", ("rui.t@tessellate.example",)),
        ("Rui Tavares", "Rui Tavares", ()),
        ("Rui (the editor)", "Rui (the editor)", ()),
    ],
)
def test_signature_reads_the_name_without_the_address(value, name, addresses):
    sig = people.signature(value)
    assert (sig.name, sig.addresses) == (name, addresses)


KEF = "rui@tessellate.example"
OLD = "rui.t@tessellate.example"


def test_names_sharing_an_address_are_one_person():
    values = [
        *[f"Rui ({KEF})"] * 5,
        *[f"Rui <{KEF}>"] * 2,
        *[f"Rui ({OLD})"] * 4,
        f"Rui Tavares ({OLD.upper()})",
        "Rui Tavares",
        "Rui",
        f"<{KEF}>",
        # someone else posting from Rui's account: never merged into him
        f"Noor ({OLD})",
        "Maya Okafor",
    ]
    signers = people.group_signers(values)
    rui = people.Signer("Rui Tavares", ("Rui",), (OLD, KEF))
    assert {v: signers[v] for v in values if "Noor" not in v and "Maya" not in v} == {
        v: rui for v in values if "Noor" not in v and "Maya" not in v
    }
    assert signers[f"Noor ({OLD})"] == people.Signer("Noor", (), (OLD,), ("Rui Tavares",))
    assert signers["Maya Okafor"] == people.Signer("Maya Okafor")


def test_names_of_two_people_with_one_address_stay_two():
    # 'Rui' shares an address with 'Rui Tavares' and another with 'Rui Lopes': one of them
    # is not him, so neither grouping is made
    values = [f"Rui ({KEF})", f"Rui Tavares ({KEF})", f"Rui Lopes ({KEF})"]
    names = {people.group_signers(values)[v].name for v in values}
    assert names == {"Rui", "Rui Tavares", "Rui Lopes"}


def test_the_line_for_an_address_in_an_author_line():
    line = people.address_dropped(
        f"Rui ({KEF})",
        "Rui",
        ["content/b.md", "content/a.md", "content/c.md"],
        "Rui Tavares",
        "content/team/rui-tavares.md",
    )
    assert not line.error
    assert str(line) == (
        f"Author 'Rui ({KEF})' has an e-mail address in it (3 posts, e.g. content/a.md, "
        "content/b.md, ...): read as 'Rui', the address left out (a byline would publish "
        "it); write 'Author: Rui Tavares', or give content/team/rui-tavares.md 'Aliases: Rui'"
    )


def test_a_stub_gives_the_other_names_as_aliases():
    assert people.stub_text("Rui Tavares", ("Rui", "R. T.")).startswith(
        "Name: Rui Tavares\nAliases: Rui, R. T.\nRole:\n"
    )
    assert "Aliases: Tavares, R.; Rui\n" in people.stub_text("Rui Tavares", ("Tavares, R.", "Rui"))


@pytest.mark.parametrize(
    ("posts", "expected"),
    [
        # five names, a post each, in one folder: one line for the folder
        (
            {f"n{i}": [f"c/reviews/r{i}.md"] for i in range(5)},
            {"c/reviews": [f"n{i}" for i in range(5)]},
        ),
        # four: each keeps its own line
        ({f"n{i}": [f"c/reviews/r{i}.md"] for i in range(4)}, {}),
        # one who signs three posts there writes for the site: not among them
        (
            {**{f"n{i}": [f"c/r/r{i}.md"] for i in range(4)}, "w": ["c/r/a", "c/r/b", "c/r/c"]},
            {},
        ),
        # one whose two posts are in two folders: not said of either
        (
            {**{f"n{i}": [f"c/r/r{i}.md"] for i in range(4)}, "x": ["c/r/a.md", "c/s/b.md"]},
            {},
        ),
        # two folders: each by its own count
        (
            {
                **{f"n{i}": [f"c/r/r{i}.md", f"c/r/s{i}.md"] for i in range(5)},
                **{f"m{i}": [f"c/s/r{i}.md"] for i in range(2)},
            },
            {"c/r": [f"n{i}" for i in range(5)]},
        ),
    ],
)
def test_outsiders_by_folder(posts, expected):
    assert people.outsiders_by_folder(posts) == expected
