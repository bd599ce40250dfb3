"""Unit tests of the team's translations (plugins/team/languages.py), as tables."""

import pickle

import pytest

from plugins.team import languages
from plugins.team.languages import AuthorVersion, Translation
from plugins.team.people import Person

SOURCE = "content/team/theo.fr.md"
MAIN = "content/team/theo.md"
LANGS = {"en", "fr", "de", "pt-BR", "ar"}
THEO = Person(
    slug="theo",
    name="Théo Marchand",
    source=MAIN,
    role="Backend engineer",
    pronouns="he/him",
    bio_html="<p>Théo writes from Lyon.</p><p>More.</p>",
    short_bio="Théo writes from Lyon.",
)


@pytest.mark.parametrize(
    ("stem", "stems", "expected"),
    [
        ("theo", {"theo", "theo.fr"}, None),  # a person's own file
        ("theo.fr", {"theo", "theo.fr"}, ("theo", "fr")),
        ("theo.pt-BR", {"theo"}, ("theo", "pt-BR")),
        ("maya.fr", {"maya.fr"}, ("maya", "fr")),  # its person is missing: reported
        ("theo.french", {"theo"}, ("theo", "french")),  # no language: reported
        ("theo.FR", {"theo"}, ("theo", "FR")),
        ("j.r.smith", {"j.r.smith"}, None),  # a dot, but no language: as before
        ("ann.lee", {"ann.lee"}, None),
        (".fr", {".fr"}, None),
        ("theo.", {"theo."}, None),
    ],
)
def test_split_name(stem, stems, expected):
    assert languages.split_name(stem, stems, lambda s: s in LANGS) == expected


def parse(metadata, bio="<p>Théo écrit depuis Lyon.</p><p>Encore.</p>", lang="fr"):
    return languages.parse_translation("theo", lang, SOURCE, metadata, bio, MAIN)


def test_a_complete_translation():
    translation, problems = parse({"role": "Développeur", "pronouns": "il/lui", "lang": "fr"})
    assert problems == []
    assert translation == Translation(
        slug="theo",
        lang="fr",
        source=SOURCE,
        role="Développeur",
        pronouns="il/lui",
        bio_html="<p>Théo écrit depuis Lyon.</p><p>Encore.</p>",
        short_bio="Théo écrit depuis Lyon.",
    )


@pytest.mark.parametrize(
    ("metadata", "bio", "expected", "error", "kept"),
    [
        (
            {"photo": "team/photos/theo.jpg"},
            "<p>Bio.</p>",
            "content/team/theo.fr.md: Photo is taken from content/team/theo.md in every "
            "language; a translation gives only Role, Pronouns and the bio (remove Photo here)",
            True,
            True,
        ),
        (
            {"name": "Théo Marchand"},
            "<p>Bio.</p>",
            "content/team/theo.fr.md: Name is taken from content/team/theo.md in every "
            "language; a translation gives only Role, Pronouns and the bio (remove Name here)",
            True,
            True,
        ),
        (
            {"aliases": "Théo"},
            "<p>Bio.</p>",
            "content/team/theo.fr.md: Aliases is taken from content/team/theo.md in every "
            "language; a translation gives only Role, Pronouns and the bio (remove Aliases here)",
            True,
            True,
        ),
        (
            {"roel": "Développeur"},
            "<p>Bio.</p>",
            "content/team/theo.fr.md: unknown key 'Roel' is ignored (did you mean Role?)",
            False,
            True,
        ),
        (
            {"motto": "Vite et bien"},
            "<p>Bio.</p>",
            "content/team/theo.fr.md: unknown key 'Motto' is ignored; a translation gives only "
            "Role, Pronouns and the bio",
            False,
            True,
        ),
        (
            {"lang": "de"},
            "<p>Bio.</p>",
            "content/team/theo.fr.md: Lang 'de' is not the language its file name gives, 'fr': "
            "write Lang: fr, or leave Lang out (the file name says it); skipped",
            True,
            False,
        ),
        (
            {"lang": "french"},
            "<p>Bio.</p>",
            "content/team/theo.fr.md: Lang 'french' is not the language its file name gives, "
            "'fr': write Lang: fr, or leave Lang out (the file name says it); skipped",
            True,
            False,
        ),
        (
            {},
            "",
            "content/team/theo.fr.md: gives no Role, Pronouns or bio, so pages in fr show "
            "content/team/theo.md's; skipped",
            False,
            False,
        ),
    ],
)
def test_each_bad_translation_is_one_line(metadata, bio, expected, error, kept):
    translation, problems = parse(metadata, bio)
    assert [str(p) for p in problems] == [expected]
    assert [p.error for p in problems] == [error]
    assert (translation is not None) == kept


@pytest.mark.parametrize(
    ("problem", "expected"),
    [
        (
            languages.without_main(
                "content/team/maya.fr.md", "maya", "fr", "content/team/maya.md", ["maya-okafor"]
            ),
            "content/team/maya.fr.md: is named as the fr translation of content/team/maya.md, "
            "which does not exist (did you mean maya-okafor.fr.md?); skipped",
        ),
        (
            languages.without_main(
                "content/team/zed.fr.rst", "zed", "fr", "content/team/zed.md", ["maya-okafor"]
            ),
            "content/team/zed.fr.rst: is named as the fr translation of content/team/zed.md, "
            "which does not exist (name it after the person's own team file: "
            "<person>.fr.rst); skipped",
        ),
        (
            languages.not_a_language(
                "content/team/theo.french.md",
                "french",
                "theo",
                "Lang must be a language code such as en, fr or pt-BR, got 'french'",
            ),
            "content/team/theo.french.md: Lang must be a language code such as en, fr or "
            "pt-BR, got 'french', in its file name (<person>.<lang>.md, e.g. theo.fr.md); "
            "skipped",
        ),
        (
            languages.same_lang("content/team/theo.en.md", "en", MAIN),
            "content/team/theo.en.md: is in en, the language of content/team/theo.md itself "
            "(its Lang, else DEFAULT_LANG); a translation is in another language; skipped",
        ),
        (
            languages.second("content/team/theo.fr.rst", "fr", SOURCE, MAIN),
            "content/team/theo.fr.rst: a second fr translation of content/team/theo.md, after "
            "content/team/theo.fr.md; skipped",
        ),
    ],
)
def test_a_translation_without_its_person_or_language_is_one_error(problem, expected):
    assert str(problem) == expected
    assert problem.error


FR_FULL = Translation(
    "theo", "fr", SOURCE, "Développeur", "il/lui", "<p>Théo écrit.</p>", "Théo écrit."
)
FR_BIO = Translation("theo", "fr", SOURCE, bio_html="<p>Théo écrit.</p>", short_bio="Théo écrit.")
FR_ROLE = Translation("theo", "fr", SOURCE, role="Développeur")


@pytest.mark.parametrize(
    ("translation", "role", "role_lang", "pronouns", "short_bio", "lang"),
    [
        (FR_FULL, "Développeur", "fr", "il/lui", "Théo écrit.", "fr"),
        # what a translation leaves out is the main file's, in the main file's language
        (FR_BIO, "Backend engineer", "en", "he/him", "Théo écrit.", "fr"),
        (FR_ROLE, "Développeur", "fr", "he/him", "Théo writes from Lyon.", "en"),
    ],
)
def test_a_version_takes_what_the_translation_gives(
    translation, role, role_lang, pronouns, short_bio, lang
):
    person = languages.version(THEO, translation, "en")
    assert (person.role, person.role_lang, person.pronouns) == (role, role_lang, pronouns)
    assert (person.short_bio, person.lang) == (short_bio, lang)
    assert (person.name, person.slug, person.source) == (THEO.name, "theo", MAIN)


@pytest.mark.parametrize(
    ("main_lang", "translations", "default", "langs", "home"),
    [
        ("", [], "en", ["en"], "en"),
        ("", [FR_FULL], "en", ["en", "fr"], "en"),
        ("fr", [], "en", ["fr"], "fr"),  # /team/<slug>/ shows the main file, in French
        # a French main file with an English translation: /team/<slug>/ shows the English
        ("fr", [Translation("theo", "en", "content/team/theo.en.md", "Engineer")], "en",
         ["en", "fr"], "en"),
        ("fr", [Translation("theo", "de", "content/team/theo.de.md", "Entwickler")], "en",
         ["de", "fr"], "fr"),
    ],
)  # fmt: skip
def test_versions_and_what_the_profile_shows(main_lang, translations, default, langs, home):
    person = Person(**{**vars(THEO), "lang": main_lang})
    found = languages.versions(person, translations, default)
    assert sorted(found) == langs
    assert languages.home_lang(found, main_lang or default, default) == home


class _Author:
    """What an Author looks like to a template: attributes."""

    def __init__(self):
        self.name, self.slug, self.url, self.role = "Théo Marchand", "theo", "team/theo/", "Eng"


def test_an_author_version_is_the_author_with_its_own_fields():
    author = _Author()
    version = AuthorVersion(author, lang="fr", role="Développeur", url="fr/team/theo/")
    assert (version.name, version.slug) == ("Théo Marchand", "theo")  # the Author's
    assert (version.role, version.url, version.lang) == ("Développeur", "fr/team/theo/", "fr")
    assert version == author and hash(version) == hash("theo")
    with pytest.raises(AttributeError):
        version._private  # noqa: B018
    copy = pickle.loads(pickle.dumps(version))  # Pelican's content cache pickles posts' authors
    assert (copy.role, copy.name) == ("Développeur", "Théo Marchand")
