"""The words Python-Markdown writes into a post itself (footnote back-links' titles, untitled
admonitions' headings) in the post's language, from the theme's catalogs, on real builds."""

import pytest
from markdown import Markdown

from plugins.blogcore import localwords
from tests.test_comments_plurals import write_catalog

BODY = """Une phrase avec une note[^1] et une autre[^deux].

[^1]: La note.
[^deux]: L’autre note.

!!! note
    Sans titre.

!!! tip
    Un conseil.

!!! note "Mon propre titre"
    Un titre écrit par l’autrice.

!!! warning ""
    Sans titre du tout.

!!! aside
    Un type que le thème ne connaît pas.
"""


def _post(slug: str, lang: str | None) -> str:
    head = f"Title: {slug}\nDate: 2024-05-01 10:00\nAuthor: Ada Byrne\nSlug: {slug}\n"
    return head + (f"Lang: {lang}\n" if lang else "") + "\n" + BODY


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from tests.conftest import _builder

    return _builder(tmp_path_factory.mktemp("localwords"))(
        {
            "posts/notes.md": _post("notes", None),
            "posts/notes.fr.md": _post("notes", "fr"),
            "posts/fr-ca.md": _post("fr-ca", "fr-CA"),  # no fr-CA catalog: the French one
            "posts/pl.md": _post("pl", "pl"),  # no Polish catalog: English
        }
    )


def _words(soup):
    post = soup.select_one("article.post")
    return (
        [a["title"] for a in post.select("a.footnote-backref")],
        [
            (" ".join(box["class"][1:]), title.get_text() if title else None)
            for box in post.select("div.admonition")
            for title in [box.select_one("p.admonition-title")]
        ],
    )


FRENCH = (
    [
        "Revenir à l’appel de note 1 dans le texte",
        "Revenir à l’appel de note 2 dans le texte",
    ],
    [
        ("note", "Remarque"),
        ("tip", "Astuce"),
        ("note", "Mon propre titre"),  # the writer's own title
        ("warning", None),  # "": no title, as asked
        ("aside", "Aside"),  # no word for it in the theme
    ],
)
ENGLISH = (
    ["Jump back to footnote 1 in the text", "Jump back to footnote 2 in the text"],
    [
        ("note", "Note"),
        ("tip", "Tip"),
        ("note", "Mon propre titre"),
        ("warning", None),
        ("aside", "Aside"),
    ],
)


@pytest.mark.parametrize(
    ("relpath", "expected"),
    [
        ("fr/posts/notes/", FRENCH),
        ("fr-CA/posts/fr-ca/", FRENCH),
        ("posts/notes/", ENGLISH),
        ("pl/posts/pl/", ENGLISH),
    ],
)
def test_footnote_and_admonition_words_are_in_the_posts_language(site, relpath, expected):
    assert _words(site.soup(relpath)) == expected


def _convert(text: str, catalogs, **settings) -> str:
    extension = localwords.LocalWordsExtension(
        {"I18N_TRANSLATIONS_PATH": str(catalogs), "DEFAULT_LANG": "en", **settings}
    )
    md = Markdown(extensions=["meta", "footnotes", "admonition", extension])
    return md.convert(text)


def test_a_translators_broken_placeholder_keeps_the_english(tmp_path):
    write_catalog(
        tmp_path,
        "de",
        {
            "Jump back to footnote %(num)d in the text": "Zurück zur Fußnote %(nummer)d",
            "Note": "Hinweis",
        },
    )
    html = _convert("Lang: de\n\nA[^1].\n\n[^1]: B.\n\n!!! note\n    C.\n", tmp_path)
    assert 'title="Jump back to footnote 1 in the text"' in html
    assert '<p class="admonition-title">Hinweis</p>' in html


def test_a_sites_own_backlink_title_is_left_alone(tmp_path):
    write_catalog(tmp_path, "fr", {"Jump back to footnote %(num)d in the text": "Retour %(num)d"})
    extension = localwords.LocalWordsExtension({"I18N_TRANSLATIONS_PATH": str(tmp_path)})
    md = Markdown(
        extensions=["meta", "footnotes", extension],
        extension_configs={"footnotes": {"BACKLINK_TITLE": "Back to %d"}},
    )
    assert 'title="Back to 1"' in md.convert("Lang: fr\n\nA[^1].\n\n[^1]: B.\n")


def test_without_those_extensions_nothing_is_registered(tmp_path):
    extension = localwords.LocalWordsExtension({"I18N_TRANSLATIONS_PATH": str(tmp_path)})
    md = Markdown(extensions=[extension])
    assert "blogcore_footnote_titles" not in md.treeprocessors
    assert "blogcore_admonition_titles" not in md.parser.blockprocessors


def test_pelicans_own_reading_gives_the_same_words(build_site):
    """BLOGCORE_ACCELERATE = False: a stock converter per file, with the same extension."""
    site = build_site({"posts/notes.fr.md": _post("notes", "fr")}, BLOGCORE_ACCELERATE=False)
    assert _words(site.soup("fr/posts/notes/")) == FRENCH
