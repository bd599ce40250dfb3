"""The theme's own strings on a page whose language has no catalog (WCAG 2.1 SC 3.1.2).

Such a page is ``<html lang="de">`` while the theme's strings stay English: each element holding
only theme strings carries ``lang="en"`` (``chrome_lang()``), and content inside one of them (a
name, a date, a title) is marked back with its own language (``content_lang()``,
``|content_span``). Checked text node by text node: one that is a theme string (an English
msgid of messages.pot) must resolve to ``en``, one with the post's words to ``de``. Pages in
English or in a language with a catalog (French) carry no such marks at all.
"""

import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup, NavigableString

from plugins.i18n import templating
from tests.conftest import _builder

POT = Path(__file__).parent.parent / "theme" / "translations" / "messages.pot"

GERMAN_1 = """Title: Wetterbericht aus dem Garten
Date: 2024-11-05 09:00
Modified: 2024-12-01 09:00
Category: Neuigkeiten
Tags: Wetter, Gartenpflege
Author: Ada Byrne
Slug: wetterbericht
Series: Hinter den Kulissen
Series_index: 1
{lang}Summary: Kurze Zusammenfassung über das Wetter im Garten.

Heute scheint die Sonne über dem Garten, und die Kürbisse wachsen.

Morgen regnet es im Garten wieder, sagt der Wetterbericht.
"""
GERMAN_2 = """Title: Zweiter Wetterbericht aus dem Garten
Date: 2024-11-12 09:00
Category: Neuigkeiten
Tags: Wetter, Gartenpflege
Author: Ada Byrne
Slug: zweiter-wetterbericht
Series: Hinter den Kulissen
Series_index: 2
{lang}Summary: Noch eine Zusammenfassung über das Wetter im Garten.

Der Garten ist nass, das Wetter bleibt grau.
"""
GERMAN_3 = """Title: Der Garten im Winter
Date: 2024-12-02 09:00
Category: Neuigkeiten
Tags: Wetter, Gartenpflege
Author: Ada Byrne
Slug: garten-im-winter
{lang}Summary: Wie der Garten das kalte Wetter übersteht.

Im Winter schläft der Garten. Das Wetter ist kalt, die Sonne scheint selten über dem Garten.
"""
ARABIC = """Title: حديقة في الشتاء
Date: 2024-12-03 09:00
Category: أخبار
Tags: طقس
Author: Ada Byrne
Slug: hadiqa
Lang: ar
Summary: كيف تقضي الحديقة الشتاء.

الحديقة نائمة في الشتاء.
"""
FRENCH = """Title: Première lumière
Date: 2024-02-01 09:00
Category: Company
Tags: news, offsite
Author: Ada Byrne
Slug: first-light
Lang: fr
Summary: Le premier billet du site.

Nous avons ouvert les portes aujourd'hui.
"""
# a German team file, for the site in German
ADA_DE = """Name: Ada Byrne
Role: Leiterin der Gartentechnik
Email: ada@example.org
Github: https://github.com/ada-byrne-example

Ada kümmert sich um den Garten und das Wetter.
"""
PAGE_DE = """Title: Über den Garten
Slug: ueber

Dieser Garten hat ein Wetterhäuschen.
"""

# words only the German content has: a text node with one of them is the post's (or the
# site's) content, in German; names count as content too (they keep the page's language)
CONTENT = re.compile(
    r"Wetter|Garten|Zusammenfassung|Sonne|Kürbis|Neuigkeiten|Kulissen|Leiterin|Ada Byrne"
    r"|November|Dezember"
)

DE_POSTS = ("de/posts/wetterbericht/", "de/posts/garten-im-winter/")


@cache
def theme_strings() -> tuple[re.Pattern, ...]:
    """A pattern per English msgid (singular and plural) of the theme: its words, with
    anything in their placeholders' place; msgids without a word ("%(name)s: ", ", ") are left
    out, since they would match any content."""
    with POT.open("rb") as fh:
        catalog = read_po(fh)
    patterns = []
    for message in catalog:
        for msgid in message.id if isinstance(message.id, tuple) else (message.id,):
            parts = [p.strip() for p in re.split(r"%\(\w+\)[sd]", msgid)]
            if not any(re.search(r"[A-Za-z]{3}", p) for p in parts):
                continue
            patterns.append(re.compile(".*".join(re.escape(p) for p in parts), re.S))
    return tuple(patterns)


def resolved_lang(node: NavigableString) -> str | None:
    """The language a text node is in: its nearest ancestor's lang."""
    for parent in node.parents:
        if parent.has_attr("lang"):
            return parent["lang"]
    return None


def wrong_langs(
    soup: BeautifulSoup, content_lang: str, words: re.Pattern = CONTENT
) -> list[tuple[str, str, str | None]]:
    """(text, expected, resolved) for every text node of <body> in the wrong language: a theme
    string not in English, or a text with the content's ``words`` not in ``content_lang``."""
    wrong = []
    for node in soup.body.find_all(string=True):
        if node.parent.name in ("script", "style", "template"):
            continue
        text = " ".join(node.split())
        if not text:
            continue
        theme = any(p.fullmatch(text) for p in theme_strings())
        content = bool(words.search(text))
        if theme and content:
            wrong.append((text, "a theme string holding content: split it", None))
            continue
        expected = "en" if theme else content_lang if content else None
        if expected and resolved_lang(node) != expected:
            wrong.append((text, expected, resolved_lang(node)))
    return wrong


def wrong_label_langs(soup: BeautifulSoup) -> list[tuple[str, str | None]]:
    """(label, resolved) for every aria-label of <body> that is a theme string and not in
    English: a label takes its element's language, so a navigation in the page's language
    names itself through a hidden element marked as English instead (pagination.html)."""
    wrong = []
    for element in soup.body.select("[aria-label]"):
        label = " ".join(element["aria-label"].split())
        if any(p.fullmatch(label) for p in theme_strings()):
            lang = element["lang"] if element.has_attr("lang") else None
            for parent in element.parents:
                if lang is None and parent.has_attr("lang"):
                    lang = parent["lang"]
            if lang != "en":
                wrong.append((label, lang))
    return wrong


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The fixture site (English, French has a catalog) with two posts in German."""
    return _builder(tmp_path_factory.mktemp("chrome"))(
        {
            "posts/wetterbericht.md": GERMAN_1.format(lang="Lang: de\n"),
            "posts/zweiter-wetterbericht.md": GERMAN_2.format(lang="Lang: de\n"),
            "posts/garten-im-winter.md": GERMAN_3.format(lang="Lang: de\n"),
            "posts/first-light.fr.md": FRENCH,
            "posts/hadiqa.md": ARABIC,
        },
        name="chrome-lang",
    )


@pytest.mark.parametrize("relpath", DE_POSTS)
def test_a_german_posts_theme_strings_are_marked_english(site, relpath):
    # the check tells theme strings from content
    assert any(p.fullmatch("Skip to content") for p in theme_strings())
    assert any(p.fullmatch("5 min read") for p in theme_strings())
    assert any(p.fullmatch("Posts in") for p in theme_strings())  # "Posts in <span>..."
    assert not any(p.fullmatch("Wetterbericht aus dem Garten") for p in theme_strings())
    assert not any(p.fullmatch("Ada Byrne:") for p in theme_strings())
    soup = site.soup(relpath)
    assert soup.html["lang"] == "de"
    # the page has what the check is about: chrome, and the post's own words
    text = soup.body.get_text(" ")
    for words in ("Skip to content", "min read", "Related reading", "About the author"):
        assert words in text
    assert "die Sonne" in text
    assert wrong_langs(soup, "de") == []


def test_the_big_containers_carry_the_mark_and_content_in_them_is_marked_back(site):
    soup = site.soup(DE_POSTS[0])
    for selector in (".skip-link", ".site-nav", ".site-search", ".site-footer"):
        assert soup.select_one(selector)["lang"] == "en", selector
    assert not soup.select_one(".post-content").has_attr("lang")  # the page's, German
    for tag in soup.select(".post-tags a"):
        assert tag["lang"] == "de"
    author = soup.select_one(".post-meta__author")
    assert author["lang"] == "de" and author.find_parent(lang="en")


CHROME = (
    ".skip-link",
    ".site-menu",
    ".site-nav",
    ".site-search",
    ".site-footer",
    ".post-meta__authors",
    ".reading-time > span",  # a span of its own: the row's separator stays between items
    ".post-tags",
    ".share-links",
    ".author-card h2",
    "#comments-title",
)


@pytest.mark.parametrize("selector", CHROME)
def test_only_pages_in_a_language_without_a_catalog_are_marked(site, selector):
    """A post in French (catalogued) or English: its theme strings are in its language, and
    nothing is marked; the same element on a German post is."""
    assert site.soup(DE_POSTS[0]).select_one(selector)["lang"] == "en"
    for relpath in ("fr/posts/first-light/", "posts/first-light/"):
        element = site.soup(relpath).select_one(selector)
        assert element is None or not element.has_attr("lang"), relpath


def test_a_french_post_has_no_english_but_its_authors_own(site):
    soup = site.soup("fr/posts/first-light/")
    assert soup.html["lang"] == "fr"
    assert "Aller au contenu" in soup.select_one(".skip-link").get_text()
    # the only English on the page: Ada's bio and role (her team file), the link to English;
    # a German post has the theme's strings marked besides
    only = {("author-card__bio", "p-note"), ("p-job-title",), ("en",)}
    for relpath, expected in (("fr/posts/first-light/", True), (DE_POSTS[0], False)):
        english = site.soup(relpath).body.select('[lang="en"]')
        marked = {tuple(e.get("class") or [e.get("hreflang")]) for e in english}
        assert (marked <= only) is expected, relpath


def test_an_arabic_posts_english_strings_are_left_to_right(site):
    soup = site.soup("ar/posts/hadiqa/")
    assert (soup.html["lang"], soup.html["dir"]) == ("ar", "rtl")
    skip = soup.select_one(".skip-link")
    assert (skip["lang"], skip["dir"]) == ("en", "ltr")
    reading = soup.select_one(".reading-time")
    assert not reading.has_attr("dir") and reading.span["dir"] == "ltr"
    for selector in (".post-tags a", ".post-meta__author"):
        element = soup.select_one(selector)
        assert (element["lang"], element["dir"]) == ("ar", "rtl"), selector
    assert wrong_langs(soup, "ar", re.compile(r"[\u0600-\u06ff]")) == []


@pytest.fixture(scope="module")
def german_site(tmp_path_factory):
    """A whole site in German (DEFAULT_LANG = "de"), which has no catalog."""
    return _builder(tmp_path_factory.mktemp("chrome-de"))(
        {
            "posts/wetterbericht.md": GERMAN_1.format(lang=""),
            "posts/zweiter-wetterbericht.md": GERMAN_2.format(lang=""),
            "posts/garten-im-winter.md": GERMAN_3.format(lang=""),
            "team/ada-byrne.md": ADA_DE,
            "pages/ueber.md": PAGE_DE,
        },
        fixture=None,
        DEFAULT_LANG="de",
        DEFAULT_PAGINATION=2,  # "Older posts", pagination
        NEWSLETTER_ACTION="https://newsletter.example.org/subscribe",
        NEWSLETTER_PRIVACY_URL="ueber/",
        name="chrome-de",
    )


def test_every_page_of_a_german_site_marks_its_english_strings(german_site):
    pages = [
        p
        for p in german_site.files(".html")
        if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")
    ]
    checked = set()
    for path in pages:
        relpath = str(path.relative_to(german_site.output))
        soup = german_site.soup(relpath)
        assert soup.html["lang"] == "de", relpath
        assert wrong_langs(soup, "de") == [], relpath
        assert wrong_label_langs(soup) == [], relpath
        checked.add(relpath)
    # the pages that hold most of the theme's strings were among them
    for relpath in (
        "index.html",
        "page/2/index.html",
        "team/ada-byrne/page/2/index.html",
        "posts/wetterbericht/index.html",
        "archives/index.html",
        "archives/2024/index.html",
        "tag/index.html",
        "tag/wetter/index.html",
        "category/index.html",
        "category/neuigkeiten/index.html",
        "team/index.html",
        "team/ada-byrne/index.html",
        "series/index.html",
        "series/hinter-den-kulissen/index.html",
        "search/index.html",
        "ueber/index.html",
        "404.html",
    ):
        assert relpath in checked, relpath


def test_a_german_sites_post_keeps_its_content_german(german_site):
    soup = german_site.soup("posts/wetterbericht/")
    assert soup.select_one(".skip-link")["lang"] == "en"
    for selector in ("h1.p-name", ".post-content", ".post-summary", ".eyebrow a"):
        element = soup.select_one(selector)
        if element is not None:
            assert resolved_lang(element.find(string=True)) == "de", selector


@pytest.mark.parametrize(
    ("lang", "catalogs", "expected"),
    [
        ("de", {"fr"}, ' lang="en"'),
        ("ar", {"fr"}, ' lang="en" dir="ltr"'),
        ("fr", {"fr"}, ""),
        ("en", {"fr"}, ""),
        ("en-GB", {"fr"}, ""),  # English, written another way: the strings are its own
        # gettext's fallback: no fr-CA catalog, fr's strings (probe 18, finding 1)
        ("fr-CA", {"fr"}, ""),
        ("zh-Hant", {"zh"}, ' lang="en"'),  # a Simplified catalog is no Traditional one
    ],
)
def test_chrome_marks(lang, catalogs, expected):
    assert str(templating.chrome_marks(lang, catalogs)) == expected


@pytest.mark.parametrize(
    ("lang", "catalogs", "expected"),
    [
        ("fr", {"fr"}, "fr"),
        ("fr-CA", {"fr"}, "fr"),
        ("fr-FR", {"fr", "fr-CA"}, "fr"),  # a sibling region is no fallback
        ("fr-CA", {"fr", "fr-CA"}, "fr-CA"),  # the exact tag first
        ("pt-BR", {"pt"}, "pt"),
        ("pt", {"pt-BR"}, None),  # a catalog more specific than the page is not taken
        ("de-CH-1996", {"de"}, "de"),
        ("es-419", {"es"}, "es"),
        # Chinese by script: zh (Simplified, as Babel's likely subtags say) for Hans only
        ("zh-Hans", {"zh"}, "zh"),
        ("zh-CN", {"zh"}, "zh"),
        ("zh-SG", {"zh-Hans"}, "zh-Hans"),
        ("zh-Hant", {"zh"}, None),
        ("zh-TW", {"zh"}, None),
        ("zh-HK", {"zh", "zh-Hant"}, "zh-Hant"),
        ("zh-Hant-TW", {"zh", "zh-Hant"}, "zh-Hant"),
        ("zh-Hant-TW", {"zh", "zh-TW"}, "zh-TW"),
        ("zh-Hans-CN", {"zh-Hant", "zh"}, "zh"),
        # Serbian in Latin letters is not Serbian's Cyrillic catalog, nor the reverse
        ("sr-Latn", {"sr"}, None),
        ("sr-RS", {"sr"}, "sr"),
        ("sr", {"sr-Latn"}, None),
        ("pa-PK", {"pa"}, None),  # Punjabi in Pakistan: Arabic script, pa is Gurmukhi
        ("de", {"fr"}, None),
        ("en-GB", {"fr"}, None),  # the templates' own English (callers know English)
    ],
)
def test_catalog_for(lang, catalogs, expected):
    assert templating.catalog_for(lang, catalogs) == expected
