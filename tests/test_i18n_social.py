"""What link previews and feed readers are told about a page's language: og:locale and its
alternates, a translated post's article:author and article:section, and the titles of feed
links, on real builds of the fixture site."""

import pytest
from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.localedata import locale_identifiers

from plugins.i18n import templating
from tests.conftest import _builder
from tests.test_i18n_site import EN_URL, FR_URL, FRENCH
from tests.test_team_translations import ADA_FR

NAMES = {"Company": {"fr": "Entreprise"}, "Engineering": {"fr": "Technique"}}
SERIES_PART = """Title: Part {n}
Date: 2024-06-0{n} 10:00
Category: Engineering
Author: Ada Byrne
Series: Deep dive
Slug: deep-{n}

Words of part {n}.
"""
NBSP = "\u00a0"


def _meta(soup, prop: str) -> list[str]:
    return [tag["content"] for tag in soup.select(f'head meta[property="{prop}"]')]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return _builder(tmp_path_factory.mktemp("social"))(
        {"posts/first-light.fr.md": FRENCH, "team/ada-byrne.fr.md": ADA_FR},
        I18N_CATEGORY_NAMES=NAMES,
    )


@pytest.fixture(scope="module")
def french_site(tmp_path_factory):
    """A site written in French (DEFAULT_LANG fr), with a series."""
    files = {f"posts/deep-{n}.md": SERIES_PART.format(n=n) for n in (1, 2)}
    return _builder(tmp_path_factory.mktemp("social-fr"))(
        files, DEFAULT_LANG="fr", I18N_CATEGORY_NAMES={}
    )


def test_every_page_says_its_locale_and_a_translation_its_others(site):
    fr, en = site.soup(FR_URL), site.soup(EN_URL)
    assert _meta(fr, "og:locale") == ["fr_FR"]
    assert _meta(fr, "og:locale:alternate") == ["en_US"]
    assert _meta(en, "og:locale") == ["en_US"]
    assert _meta(en, "og:locale:alternate") == ["fr_FR"]
    home = site.soup("")
    assert _meta(home, "og:locale") == ["en_US"]
    assert _meta(home, "og:locale:alternate") == []
    # a profile with a French version, as posts are
    assert _meta(site.soup("fr/team/ada-byrne/"), "og:locale:alternate") == ["en_US"]


def test_a_translated_posts_author_and_section_are_those_of_its_language(site):
    fr = site.soup(FR_URL)
    byline = fr.select_one("a.post-meta__author")["href"]
    assert _meta(fr, "article:author") == [f"{site.siteurl}/fr/team/ada-byrne/"] == [byline]
    assert _meta(fr, "article:section") == ["Entreprise"]
    en = site.soup(EN_URL)
    assert _meta(en, "article:author") == [f"{site.siteurl}/team/ada-byrne/"]
    assert _meta(en, "article:section") == ["Company"]


def test_feed_link_titles_are_written_by_the_catalog(french_site):
    """ "X: Y" was written by the template, not the catalog: "X : Y" in French."""

    def title(relpath: str, feed: str) -> str:
        soup = french_site.soup(relpath)
        return soup.select_one(f'head link[type="application/atom+xml"][href$="{feed}"]')["title"]

    site = "The Tessellate Blog"
    assert title("series/deep-dive/", "feeds/series/deep-dive.atom.xml") == (
        f"{site}{NBSP}: Deep dive"
    )
    assert title("category/engineering/", "feeds/category/engineering.atom.xml").startswith(
        f"{site}{NBSP}: "
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "fr_FR"),
        ("en", "en_US"),
        ("en-GB", "en_GB"),
        ("pt-BR", "pt_BR"),
        ("fr-CA", "fr_CA"),
        ("zh-Hant", "zh_TW"),
        ("zh-Hans", "zh_CN"),
        ("ar", "ar_EG"),
        ("nb", "nb_NO"),
        ("x-klingon", "x_klingon"),  # not a language Babel knows: as written
        # written out from the function before it stopped parsing the likely tag (Babel 2.18)
        ("zh-Hans-CN", "zh_CN"),
        ("zh-HK", "zh_HK"),
        ("sr-Latn", "sr_RS"),
        ("sr-Cyrl", "sr_RS"),
        ("de-CH", "de_CH"),
        ("es-419", "es_419"),
        ("pt", "pt_BR"),
        ("fil", "fil_PH"),
        ("tl", "fil_PH"),
        ("he", "he_IL"),
        ("iw", "he_IL"),
        ("pa-Arab", "pa_PK"),
        ("az-Arab", "az_IR"),
        ("yue-Hans", "yue_CN"),
        ("ca-ES-valencia", "ca_ES"),
        ("qq", "qq"),
        ("en--", "en__"),  # malformed: as written
        ("123", "123"),
        # raised UnknownLocaleError (Babel has no no_NO for "no_Latn_NO"): a post in "no" failed
        ("no", "no_NO"),
    ],
)
def test_og_locale(lang, expected):
    assert templating.og_locale(lang) == expected


def _og_locale_before(lang: str) -> str:
    """og_locale as it was: the likely tag's region through Locale.parse (which, finding no
    "en_Latn_US", listed every locale file Babel has)."""
    tag = lang.replace("-", "_")
    try:
        locale = Locale.parse(tag)
    except (UnknownLocaleError, ValueError):
        return tag
    territory = locale.territory
    if not territory:
        likely = get_global("likely_subtags")
        scripted = f"{locale.language}_{locale.script}" if locale.script else None
        full = likely.get(scripted or "") or likely.get(locale.language)
        territory = Locale.parse(full).territory if full else None
    return f"{locale.language}_{territory}" if territory else locale.language


def test_og_locale_is_what_it_was_for_every_tag_babel_knows():
    """Every locale Babel has a file for and every old code it knows (1,500, in BCP 47's
    spelling): the same og:locale as before, save where the old one raised."""
    tags = {*locale_identifiers(), *get_global("language_aliases")}
    differ = {}
    for tag in sorted(tags):
        lang = tag.replace("_", "-")
        try:
            before = _og_locale_before(lang)
        except UnknownLocaleError:
            continue
        if templating.og_locale(lang) != before:
            differ[lang] = (before, templating.og_locale(lang))
    assert differ == {}


def test_a_post_in_norwegian_says_its_locale(tmp_path):
    """ "no" (Norwegian) is a Lang Babel knows; its og:locale failed the build (UnknownLocaleError
    for "no_Latn_NO", the likely tag of a language Babel has no no_NO for)."""
    norwegian = FRENCH.replace("Lang: fr", "Lang: no").replace("Premières lueurs", "Første lys")
    built = _builder(tmp_path)({"posts/first-light.no.md": norwegian})
    assert _meta(built.soup("no/posts/first-light/"), "og:locale") == ["no_NO"]
