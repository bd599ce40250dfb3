"""The words Python-Markdown writes into a post itself (footnote back-links' titles, untitled
admonitions' headings) in the post's language, from the theme's catalogs, on real builds."""

import ast
from pathlib import Path

import pytest
from markdown import Markdown

from plugins.blogcore import localwords
from plugins.i18n.settings import DEFAULTS
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


def _settings(catalogs: Path, **settings) -> dict:
    """A build's settings as the i18n plugin leaves them, with its catalogs in ``catalogs``."""
    return {
        **DEFAULTS,
        "PLUGINS": ["plugins.blogcore", "plugins.i18n"],
        "I18N_TRANSLATIONS_PATH": str(catalogs),
        "CACHE_PATH": str(catalogs.parent / f"{catalogs.name}-cache"),
        "DEFAULT_LANG": "en",
        **settings,
    }


def _convert(text: str, catalogs, **settings) -> str:
    extension = localwords.LocalWordsExtension(_settings(catalogs, **settings))
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
    extension = localwords.LocalWordsExtension(_settings(tmp_path))
    md = Markdown(
        extensions=["meta", "footnotes", extension],
        extension_configs={"footnotes": {"BACKLINK_TITLE": "Back to %d"}},
    )
    assert 'title="Back to 1"' in md.convert("Lang: fr\n\nA[^1].\n\n[^1]: B.\n")


def test_without_those_extensions_nothing_is_registered(tmp_path):
    extension = localwords.LocalWordsExtension(_settings(tmp_path))
    md = Markdown(extensions=[extension])
    assert "blogcore_footnote_titles" not in md.treeprocessors
    assert "blogcore_admonition_titles" not in md.parser.blockprocessors


def test_pelicans_own_reading_gives_the_same_words(build_site):
    """BLOGCORE_ACCELERATE = False: a stock converter per file, with the same extension."""
    site = build_site({"posts/notes.fr.md": _post("notes", "fr")}, BLOGCORE_ACCELERATE=False)
    assert _words(site.soup("fr/posts/notes/")) == FRENCH


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("zh", "注意"),
        ("zh-Hans-CN", "注意"),
        # the page's own strings are English (a Simplified catalog is no fallback for
        # Traditional): its note's heading was "注意" all the same, from a second reader
        # of the catalogs that took zh for any zh-…
        ("zh-TW", "Note"),
        ("en", "Note"),
    ],
)
def test_the_words_come_from_the_catalog_the_pages_strings_do(tmp_path, lang, title):
    write_catalog(tmp_path, "zh", {"Note": "注意"})
    html = _convert(f"Lang: {lang}\n\n!!! note\n    C.\n", tmp_path)
    assert f'<p class="admonition-title">{title}</p>' in html


def test_without_the_i18n_plugin_the_words_stay_english(tmp_path):
    """Its pages show the templates' English; so do the words written into its posts."""
    write_catalog(tmp_path, "fr", {"Note": "Remarque"})
    html = _convert("Lang: fr\n\n!!! note\n    C.\n", tmp_path, PLUGINS=["plugins.blogcore"])
    assert '<p class="admonition-title">Note</p>' in html


def test_the_theme_catalogs_have_one_reader():
    """blogcore's localwords read the .po files with Babel itself, beside the i18n plugin's
    compiled catalogs: two readers of one set of files. Only plugins/i18n/catalogs.py reads
    a catalog (``read_po``, ``read_mo``, ``Translations``, ``gettext``)."""
    plugins = Path(__file__).resolve().parent.parent / "plugins"
    readers = {"babel.messages.pofile", "babel.messages.mofile", "babel.support", "gettext"}
    found = set()
    for path in sorted(plugins.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            module = node.module if isinstance(node, ast.ImportFrom) else None
            names = {a.name for a in node.names} if isinstance(node, ast.ImportFrom) else set()
            if module in readers and names - {"NullTranslations", "write_po", "write_mo"}:
                found.add(path.relative_to(plugins).as_posix())
    assert found == {"i18n/catalogs.py"}
