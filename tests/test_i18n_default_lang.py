"""A site whose own language has a region or a script (DEFAULT_LANG = "pt-BR", "zh-Hans"):
Pelican lower-cases DEFAULT_LANG, and compared a post's written ``Lang: pt-BR`` with
``pt-br``, so that post went to /pt-BR/posts/… as another language's, and every page without
``Lang`` was ``pt-br``, which the ``pt-BR`` catalog does not answer to (English words)."""

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from plugins.blogcore.frontmatter import as_site_spells, canonical_lang
from tests.conftest import _builder


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("pt-br", "pt-BR"),
        ("pt_BR", "pt-BR"),
        ("PT-br", "pt-BR"),
        ("zh-hans", "zh-Hans"),
        ("en", "en"),
        ("EN", "en"),
        ("klingon", None),
        ("", None),
        # only the subtags written: Babel's likeliest script and region are not (probe 18)
        ("zh-CN", "zh-CN"),
        ("zh-cn", "zh-CN"),
        ("fre", "fr"),
        ("iw", "he"),
        ("cnr", "sr-ME"),  # an old code stands for a language and region: both kept
        ("und", None),  # undetermined: not English
    ],
)
def test_canonical_lang(written, canonical):
    assert canonical_lang(written) == canonical


@pytest.mark.parametrize(
    ("lang", "default", "spelled"),
    [
        ("pt-br", "pt-BR", "pt-BR"),  # Pelican's default, lower-cased
        ("pt-BR", "pt-BR", "pt-BR"),
        ("pt", "pt-BR", "pt"),  # another language
        ("fr", "en", "fr"),
    ],
)
def test_a_page_in_the_sites_language_is_spelled_as_the_site_spells_it(lang, default, spelled):
    assert as_site_spells(lang, default) == spelled


def test_a_brazilian_site_keeps_its_posts_and_speaks_its_catalog(tmp_path):
    catalog = Catalog(locale="pt_BR")
    catalog.add("Latest post", string="Último post")
    po = tmp_path / "translations" / "pt-BR" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    with po.open("wb") as fh:
        write_po(fh, catalog)
    site = _builder(tmp_path)(
        {
            "posts/ola.md": "Title: Olá\nDate: 2026-11-01\nSlug: ola\nLang: pt-BR\n\nTexto.\n",
            "posts/sem.md": "Title: Sem Lang\nDate: 2026-11-02\nSlug: sem\n\nTexto.\n",
        },
        DEFAULT_LANG="pt-BR",
        I18N_TRANSLATIONS_PATH=str(tmp_path / "translations"),
        I18N_CACHE_PATH=str(tmp_path / "i18n-cache"),
        name="pt-br",
    )
    assert site.exists("posts/ola/") and site.exists("posts/sem/")
    assert not (site.output / "pt-BR").exists()
    for path in ("posts/ola/", "posts/sem/", "/"):
        assert site.soup(path).html["lang"] == "pt-BR"
    home = site.soup("/")
    assert home.select_one(".post-card__label").get_text(strip=True) == "Último post"
    titles = [h.get_text(strip=True) for h in home.select(".post-card h2")]
    assert "Olá" in titles and "Sem Lang" in titles
