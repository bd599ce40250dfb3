"""Languages on a built fixture site: French theme strings and dates, hreflang, feeds, sitemap."""

import datetime
import logging
import os
import shutil
import subprocess
from gettext import NullTranslations
from pathlib import Path
from types import SimpleNamespace
from xml.etree import ElementTree

import pytest
from jinja2 import Environment, pass_context

from plugins.i18n import catalogs, feeds, taxonomy, templating
from plugins.i18n.settings import SettingsError, configure
from tests.conftest import ROOT

FRENCH = """Title: Premières lueurs
Date: 2009-11-28 09:00
Category: Company
Tags: news
Author: Ada Byrne
Slug: first-light
Lang: fr
Summary: Le premier billet, en français.

Nous avons ouvert les portes aujourd’hui.
"""
EN_URL = "posts/first-light/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
FR_URL = "fr/posts/first-light/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from tests.conftest import _builder

    return _builder(tmp_path_factory.mktemp("i18n"))({"posts/first-light.fr.md": FRENCH})


def test_french_post_page_speaks_french(site):
    soup = site.soup(FR_URL)
    assert soup.html["lang"] == "fr"
    assert soup.select_one("a.skip-link").get_text() == "Aller au contenu"
    assert soup.select_one("nav.site-nav a[href$='/team/']").get_text() == "Équipe"
    assert soup.select_one("time.published").get_text() == "28 novembre 2009"
    assert soup.select_one(".reading-time").get_text() == "1 min de lecture"
    assert soup.select_one(".author-card h2").get_text() == "À propos de l’auteur ou de l’autrice"
    # the share row (reach) too, including the words its script shows
    assert soup.select_one(".share-links h2").get_text() == "Partager ce billet"
    copy = soup.select_one("button[data-share-copy]")
    assert (copy.get_text(), copy["data-copied"]) == ("Copier le lien", "Lien copié")


def test_english_pages_stay_english(site):
    soup = site.soup(EN_URL)
    assert soup.html["lang"] == "en"
    assert soup.select_one("a.skip-link").get_text() == "Skip to content"
    assert soup.select_one("time.published").get_text() == "1 February 2024"  # en_GB
    assert site.soup("").html["lang"] == "en"
    assert site.soup("archives/").select_one("main h1").get_text() == "Archives"


def test_a_french_posts_address_trimmed_lists_the_french_posts(site):
    # /fr/posts/ was a 404: Pelican writes the posts direct template once, in DEFAULT_LANG
    soup = site.soup("fr/posts/")
    assert soup.html["lang"] == "fr"
    assert soup.select_one("a.skip-link").get_text() == "Aller au contenu"
    listed = [a["href"] for a in soup.select("main section.archive-year li a")]
    assert listed == [f"{site.siteurl}/{FR_URL}"]
    assert soup.select_one("main .archive-list time").get_text() == "28 novembre 2009"
    # French on a French page needs no mark of its own; 2009's page lists the English posts
    assert soup.select("main .archive-list [lang]") == []
    assert soup.select("main section.archive-year h2 a") == []
    # the only list of French posts: its own canonical page, and no menu item is current
    assert soup.select_one("link[rel=canonical]")["href"] == f"{site.siteurl}/fr/posts/"
    assert soup.select("nav.site-nav [aria-current]") == []
    english = site.soup("posts/")
    assert f"{site.siteurl}/{FR_URL}" not in [a["href"] for a in english.select("main li a")]


def test_each_languages_list_of_posts_has_its_words_and_hreflang_links_both_ways(site):
    # /fr/posts/ said the archives' English description (in French) and linked no other
    # language's list, nor did the archives link it: now the archives (the canonical page of
    # /posts/, the same list) and /fr/posts/ name each other, the sitemap too
    archives, french = f"{site.siteurl}/archives/", f"{site.siteurl}/fr/posts/"
    expected = {"en": archives, "fr": french, "x-default": archives}
    for relpath in ("archives/", "posts/", "fr/posts/"):
        soup = site.soup(relpath)
        links = {
            link["hreflang"]: link["href"]
            for link in soup.select("head link[rel=alternate][hreflang]")
            if not link.get("type")
        }
        assert links == expected, relpath
        others = [m["content"] for m in soup.select('meta[property="og:locale:alternate"]')]
        assert others == (["en_US"] if relpath.startswith("fr/") else ["fr_FR"]), relpath
    words = {
        relpath: [
            site.soup(relpath).select_one(f"meta[{key}]")["content"]
            for key in ('name="description"', 'property="og:description"')
        ]
        for relpath in ("archives/", "fr/posts/")
    }
    assert words["archives/"] == ["Every post on The Tessellate Blog, by year."] * 2
    assert (
        words["fr/posts/"]
        == ["Tous les billets en français de The Tessellate Blog, par année."] * 2
    )
    sitemap = ElementTree.parse(site.output / "sitemap.xml").getroot()
    found = {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
        }
        for url in sitemap.iter(f"{SITEMAP}url")
    }
    assert found[archives] == found[french] == expected


@pytest.mark.parametrize(
    ("settings", "langs", "expected"),
    [
        ({}, ["fr"], {"en": "archives/", "fr": "fr/posts/"}),
        ({}, [], {}),  # English alone: no alternates
        (
            {"DEFAULT_LANG": "fr"},
            ["en", "de"],
            {"de": "de/posts/", "en": "en/posts/", "fr": "archives/"},
        ),
        ({"ARCHIVES_SAVE_AS": ""}, ["fr"], {}),  # no archives: no page in DEFAULT_LANG
        ({"DIRECT_TEMPLATES": ["index", "posts"]}, ["fr"], {}),
        ({"I18N_POSTS_LANG_URL": "{lang}/all/"}, ["fr"], {"en": "archives/", "fr": "fr/all/"}),
    ],
)
def test_the_lists_of_posts_alternates(settings, langs, expected):
    given = {
        "DEFAULT_LANG": "en",
        "ARCHIVES_URL": "archives/",
        "ARCHIVES_SAVE_AS": "archives/index.html",
        "DIRECT_TEMPLATES": ["index", "archives", "posts"],
        "I18N_POSTS_LANG_URL": "{lang}/posts/",
        **settings,
    }
    found = taxonomy.alternates(given, langs)
    assert [v["lang"] for v in found] == sorted(expected)
    assert {v["lang"]: v["url"] for v in found} == expected


@pytest.mark.parametrize(
    ("lang", "posts", "expected"),
    [
        ("en", [], {}),
        ("en", ["en"], {}),
        ("en", ["en+fr"], {"fr": ["fr"]}),  # a translation
        ("en", ["fr", "en+fr+de"], {"de": ["de"], "fr": ["fr", "fr"]}),  # and a French-only post
        ("fr", ["en+fr"], {"en": ["en"]}),
    ],
)
def test_posts_by_language(lang, posts, expected):
    def post(langs: str, day: int) -> SimpleNamespace:
        first, *others = langs.split("+")
        date = datetime.datetime(2024, 1, day)
        found = [SimpleNamespace(lang=other, date=date) for other in others]
        return SimpleNamespace(lang=first, date=date, translations=found)

    listed = [post(langs, day) for day, langs in enumerate(posts, start=1)]
    found = taxonomy.posts_by_language(listed, lang, newest_first=True)
    assert {k: [item.lang for item in v] for k, v in found.items()} == expected
    for items in found.values():
        assert [item.date for item in items] == sorted((item.date for item in items), reverse=True)


def test_hreflang_both_ways_and_visible_switcher(site):
    for relpath, other, other_lang in ((EN_URL, FR_URL, "fr"), (FR_URL, EN_URL, "en")):
        soup = site.soup(relpath)
        links = {
            link["hreflang"]: link["href"]
            for link in soup.select("head link[rel=alternate][hreflang]")
            if not link.get("type")
        }
        assert links == {
            "en": f"{site.siteurl}/{EN_URL}",
            "fr": f"{site.siteurl}/{FR_URL}",
            "x-default": f"{site.siteurl}/{EN_URL}",
        }
        switch = soup.select_one(".post-translations a")
        assert switch["href"] == f"{site.siteurl}/{other}"
        assert switch["hreflang"] == switch["lang"] == other_lang
    assert site.soup(EN_URL).select_one(".post-translations a").get_text() == "Français"
    assert site.soup(FR_URL).select_one(".post-translations a").get_text() == "English"


def test_feeds_carry_their_language(site):
    assert 'xml:lang="en"' in site.text("feeds/all.atom.xml")
    french = site.text("feeds/all-fr.atom.xml")
    assert 'xml:lang="fr"' in french and "Premières lueurs" in french
    # all.atom.xml has every language (Pelican's FEED_ALL_ATOM); all-en.atom.xml only English
    assert 'xml:lang="en"' in site.text("feeds/all-en.atom.xml")
    assert "Premières lueurs" not in site.text("feeds/all-en.atom.xml")
    link = site.soup(FR_URL).select_one("head link[type='application/atom+xml'][hreflang=fr]")
    assert link["href"] == f"{site.siteurl}/feeds/all-fr.atom.xml"


def _feed_head(site, path: str) -> tuple[str, str]:
    """A feed's own title and its rel=alternate link."""
    root = ElementTree.fromstring(site.text(path))
    ns = {"atom": "http://www.w3.org/2005/Atom"}
    link = root.find("atom:link[@rel='alternate']", ns)
    return root.findtext("atom:title", namespaces=ns), link.get("href")


def test_each_language_feed_says_its_language_and_links_its_home(site):
    # subscribed to several, a reader tells them apart; each in its own language
    assert _feed_head(site, "feeds/all.atom.xml") == ("The Tessellate Blog", f"{site.siteurl}/")
    assert _feed_head(site, "feeds/all-en.atom.xml") == (
        "The Tessellate Blog: posts in English",
        f"{site.siteurl}/",
    )
    # as the French pages offer it (their <link rel=alternate hreflang=fr title>); the site
    # has no French home page: the site's
    offered = site.soup(FR_URL).select_one("head link[type='application/atom+xml'][hreflang=fr]")
    assert _feed_head(site, "feeds/all-fr.atom.xml") == (offered["title"], f"{site.siteurl}/")
    assert offered["title"] == "The Tessellate Blog\u00a0: billets en français"


WELCOME = "Title: Welcome\nURL:\nSave_as: index.html\n\nGreetings from the cooperative.\n"
ACCUEIL = "Title: Accueil\nLang: fr\nURL: fr/\nSave_as: fr/index.html\n\nIci.\n"
BIENVENUE = "Title: Bienvenue\nSlug: welcome\nLang: fr\n\nBonjour de la coopérative.\n"


@pytest.mark.parametrize(
    ("files", "home"),
    [
        # the home page's French translation (at its own URL)
        ({"pages/welcome.md": WELCOME, "pages/welcome.fr.md": BIENVENUE}, "fr/welcome/"),
        # a French page at /fr/
        ({"pages/accueil.md": ACCUEIL}, "fr/"),
    ],
)  # fmt: skip
def test_a_language_feed_links_the_home_page_in_that_language(build_site, files, home):
    site = build_site(
        {"posts/first-light.fr.md": FRENCH, **files},
        INDEX_SAVE_AS="blog/index.html",
        INDEX_URL="blog/",
    )
    assert site.soup(home).select_one("html")["lang"] == "fr"
    assert _feed_head(site, "feeds/all-fr.atom.xml")[1] == f"{site.siteurl}/{home}"
    assert _feed_head(site, "feeds/all-en.atom.xml")[1] == f"{site.siteurl}/"


def test_language_feed_title_and_urls():
    broken = NullTranslations()
    broken.gettext = lambda message: "%(site)s : billets en %(langue)s"
    assert feeds.title("<b>Tessellate</b>", "de", {}) == "Tessellate: posts in Deutsch"
    assert feeds.title("Tessellate", "fr", {"fr": broken}) == "Tessellate: posts in français"
    settings = {
        "TRANSLATION_FEED_ATOM": "feeds/all-{lang}.atom.xml",
        "TRANSLATION_FEED_ATOM_URL": "/f/{lang}.xml",
        "TRANSLATION_FEED_RSS": "feeds/all-{lang}.rss.xml",
    }
    assert feeds.feed_urls(settings, "fr") == ["f/fr.xml", "feeds/all-fr.rss.xml"]
    assert feeds.feed_urls({"TRANSLATION_FEED_ATOM": None}, "fr") == []


def test_sitemap_lists_translations_as_alternates(site):
    sitemap = site.text("sitemap.xml")
    assert f"<loc>{site.siteurl}/{FR_URL}</loc>" in sitemap
    block = sitemap.split(f"<loc>{site.siteurl}/{EN_URL}</loc>")[1].split("</url>")[0]
    assert f'hreflang="fr" href="{site.siteurl}/{FR_URL}"' in block
    assert f'hreflang="x-default" href="{site.siteurl}/{EN_URL}"' in block


def test_french_post_does_not_join_english_related_posts(site):
    for relpath in ("posts/ranges/", "posts/garden-party/"):
        related = site.soup(relpath).select(".related-posts a")
        assert not [a for a in related if "/fr/" in a["href"]]


@pytest.mark.parametrize(
    ("lang", "overrides", "expected"),
    [
        ("fr", {}, "28 novembre 2009"),
        ("en", {}, "November 28, 2009"),
        ("en", {"en": "en_GB"}, "28 November 2009"),
        ("de", {}, "28. November 2009"),
        ("xx-nonsense", {}, "November 28, 2009"),  # unknown: the site's language
    ],
)
def test_localdate(lang, overrides, expected):
    day = datetime.datetime(2009, 11, 28, 9, 0)
    assert templating.localdate(day, lang, overrides, "en") == expected


@pytest.mark.parametrize(
    ("lang", "overrides", "expected"),
    [
        ("en", {"en": "en_GB"}, "en-GB"),
        ("fr", {"en": "en_GB"}, "fr"),
        ("pt_BR", {}, "pt-BR"),
        ("", {}, "en"),
    ],
)
def test_date_tag(lang, overrides, expected):
    assert templating.date_tag(lang, overrides, "en") == expected


TEMPLATES = [
    '{{ _("Skip to content") }}',
    '{{ _("%(minutes)d min read", minutes=n) }}',
    '{{ _("Updated %(date)s", date=markup) }}',
    '{{ _("Not in any catalog: %(x)s and 100%%", x=markup) }}',
    '{{ gettext("Team") }}|{{ _("Team") }}',
    '{{ _("<em>%(x)s</em> & more", x=markup) }}',
    '{{ _("100%% sure") }}|{{ _("<b>bold</b> & plain") }}',
    '{{ ngettext("%(num)d comment", "%(num)d comments", n) }}',
    '{{ pgettext("menu", "Home") }}|{{ npgettext("menu", "%(num)d part", "%(num)d parts", n) }}',
    "{% trans %}Skip to content{% endtrans %}",
    "{% trans count=n %}{{ count }} post{% pluralize %}{{ count }} posts{% endtrans %}",
    "{% trans name=markup %}Hello {{ name }}, 100%{% endtrans %}",
]


def _plain(loaded: dict) -> dict:
    """Plain gettext callables following the page's language, for Jinja's own wrappers."""
    null = NullTranslations()

    def pick(context):
        return loaded.get(templating.page_lang(context, "en"), null)

    return {
        "gettext": pass_context(lambda c, m: pick(c).gettext(m)),
        "ngettext": pass_context(lambda c, s, p, n: pick(c).ngettext(s, p, n)),
        "pgettext": pass_context(lambda c, x, m: pick(c).pgettext(x, m)),
        "npgettext": pass_context(lambda c, x, s, p, n: pick(c).npgettext(x, s, p, n)),
    }


def _env(wrappers: str, autoescape: bool, tmp_path) -> Environment:
    """An environment with the theme's catalogs, through Jinja's newstyle wrappers or ours."""
    loaded = catalogs.load(Path("theme/translations"), tmp_path, "messages")
    env = Environment(extensions=["jinja2.ext.i18n"], autoescape=autoescape)
    if wrappers == "jinja":
        env.install_gettext_callables(**_plain(loaded), newstyle=True)
    else:  # as plugins/i18n/signals.py installs them
        env.newstyle_gettext = True
        gettexts = templating.callables(loaded, "en")
        env.globals.update(gettexts, _=gettexts["gettext"])
    return env


@pytest.mark.parametrize("autoescape", [True, False])
@pytest.mark.parametrize("source", TEMPLATES)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_gettext_callables_match_jinjas_newstyle_wrappers(source, autoescape, lang, tmp_path):
    article = SimpleNamespace(lang=lang)
    values = {"article": article, "n": 3, "markup": "<b>A & B</b>"}
    ours = _env("ours", autoescape, tmp_path).from_string(source).render(values)
    jinja = _env("jinja", autoescape, tmp_path).from_string(source).render(values)
    assert ours == jinja


def test_page_lang_and_feed_language():
    class Item:
        lang = "fr"

    assert templating.page_lang({"article": Item()}, "en") == "fr"
    assert templating.page_lang({"series": Item()}, "en") == "fr"
    assert templating.page_lang({}, "en") == "en"
    assert templating.feed_language(["fr", "fr"], "en") == "fr"
    assert templating.feed_language(["fr", "en"], "en") == "en"
    assert templating.lang_name("fr") == "Français"
    assert templating.lang_name("fr", standalone=False) == "français"
    assert templating.lang_name("en", standalone=False) == "English"


class Named:
    def __init__(self, name: str) -> None:
        self.name = name


NAMES = {"Engineering": {"fr": "Technique"}}


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        ({"en": "Notes", "fr": "Carnet"}, "fr", "Carnet"),
        ({"en": "Notes", "fr": "Carnet"}, "en", "Notes"),
        ({"en": "Notes", "fr": "Carnet"}, "fr_CA", "Carnet"),  # the language without region
        ({"en": "Notes", "fr": "Carnet"}, "de", "Notes"),  # no German: the site's language
        ({"fr": "Carnet"}, "de", "Carnet"),  # nor the site's: the one there is
        ("Just a string", "fr", "Just a string"),
        ("Engineering", "fr", "Technique"),
        ("Engineering", "de", "Engineering"),
        ("Company", "fr", "Company"),
        (None, "fr", None),
    ],
)
def test_in_lang(value, lang, expected):
    assert templating.in_lang(value, lang, "en", NAMES) == expected


def test_in_lang_names_a_category_object_and_keeps_it_otherwise():
    category = Named("Engineering")
    assert templating.in_lang(category, "fr", "en", NAMES) == "Technique"
    assert templating.in_lang(category, "en", "en", NAMES) is category  # str() and url kept


def test_site_texts_per_language(tmp_path_factory):
    from tests.conftest import _builder

    built = _builder(tmp_path_factory.mktemp("i18n-texts"))(
        {"posts/first-light.fr.md": FRENCH},
        SITE_TAGLINE={"en": "Notes from the hall", "fr": "Les notes de la salle"},
        SITE_DESCRIPTION={"en": "Stories in English.", "fr": "Des histoires en français."},
        I18N_CATEGORY_NAMES={"Company": {"fr": "Entreprise"}},
    )
    french = built.soup(FR_URL)
    assert french.select_one(".site-brand__tagline").get_text() == "Les notes de la salle"
    assert french.select_one(".post-header .p-category").get_text() == "Entreprise"
    feed = french.select_one("link[type='application/atom+xml'][hreflang='fr']")
    assert feed["title"].endswith("billets en français")
    home = built.soup("")
    assert home.select_one(".site-brand__tagline").get_text() == "Notes from the hall"
    assert home.select_one("meta[name=description]")["content"] == "Stories in English."
    english = built.soup(EN_URL).select_one(".post-header .p-category")
    assert english.get_text() == "Company"


def test_settings_are_checked():
    assert configure({"DEFAULT_LANG": "en"})["I18N_DATE_FORMAT"] == "long"
    with pytest.raises(SettingsError, match="did you mean I18N_DATE_FORMAT"):
        configure({"I18N_DATE_FORMATS": "long"})
    with pytest.raises(SettingsError, match="DEFAULT_LANG"):
        configure({"DEFAULT_LANG": "klingon-ish"})
    with pytest.raises(SettingsError, match="I18N_DATE_LOCALES"):
        configure({"I18N_DATE_LOCALES": {"en": "zz_ZZ_nope"}})
    with pytest.raises(SettingsError, match=r"I18N_CATEGORY_NAMES\['Company'\] must map"):
        configure({"I18N_CATEGORY_NAMES": {"Company": "Entreprise"}})
    with pytest.raises(SettingsError, match="SITE_TAGLINE must be a string or a dict"):
        configure({"SITE_TAGLINE": ["Notes"]})
    with pytest.raises(SettingsError, match=r"SITE_DESCRIPTION\['zz-nope'\]"):
        configure({"SITE_DESCRIPTION": {"en": "x", "zz-nope": "y"}})
    with pytest.raises(SettingsError, match=r"I18N_POSTS_LANG_SAVE_AS must hold \{lang\}"):
        configure({"I18N_POSTS_LANG_SAVE_AS": "posts-fr/index.html"})
    assert configure({"I18N_POSTS_LANG_SAVE_AS": "", "I18N_POSTS_LANG_URL": ""})  # none written


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        ({"en": "Notes", "fr": "Notes"}, "pt", "en"),
        ({"fr": "Notes", "en": "Notes"}, "pt", "fr"),  # in_lang's fallback: the first
        ({"en": "Notes", "pt": "Notas"}, "pt", None),
        ({"pt": "Notas"}, "pt-BR", None),  # its primary language's
        ({"pt-BR": "Notas"}, "pt_BR", "pt-BR"),  # as in_lang reads it: no match
        ("Notas", "pt", None),
        (None, "pt", None),
    ],
)
def test_stand_in(value, lang, expected):
    assert templating.stand_in(value, lang) == expected
    if expected is not None:  # the text in_lang shows, which the line names
        assert templating.in_lang(value, lang, lang, {}) == value[expected]


def test_a_site_text_without_the_sites_language_is_one_line(build_site, caplog):
    # an adopted Portuguese blog kept the sample's {"en": …, "fr": …}: every page showed
    # Tessellate's English introduction, with no line
    caplog.set_level(logging.WARNING)
    built = build_site(
        DEFAULT_LANG="pt",
        SITE_TAGLINE={"en": "Notes", "pt": "Notas"},
        SITE_DESCRIPTION={"en": "Engineering notes from Bristol.", "fr": "Notes techniques."},
        name="pt-texts",
    )
    assert built.soup("index.html").select_one('meta[name="description"]')["content"] == (
        "Engineering notes from Bristol."
    )
    # named where it was set: "pelicanconf.py: line 18: " in a build of the project's settings
    lines = [m.split(": ", 1)[1] for m in caplog.messages if "(DEFAULT_LANG), so every" in m]
    assert lines == [
        "SITE_DESCRIPTION has no 'pt' text (DEFAULT_LANG), so every page in pt shows its 'en' "
        "one as the home page's introduction and meta description; add 'pt': '…' to it, or "
        "give one string"
    ]


def test_a_language_without_a_catalog_names_the_post_as_staff_know_it(build_site, caplog):
    # the line gave the file relative to the directory the build ran in (../r3/content/...)
    caplog.set_level(logging.WARNING)
    post = "Title: Wie wir einstellen\nDate: 2024-05-01\nCategory: Company\nLang: de\n"
    build_site({"posts/hire.de.md": post + "Author: Ada Byrne\n\nText.\n"}, name="no-de")
    [line] = [m for m in caplog.messages if "has no catalog" in m]
    assert line.startswith("no-de/posts/hire.de.md: Lang 'de' has no catalog in ")
    assert line.endswith("(add one with invoke i18n-extract --add de)")


@pytest.mark.parametrize("elsewhere", [False, True])
def test_the_catalogs_folder_is_named_from_the_project_or_whole(
    build_site, caplog, monkeypatch, tmp_path, elsewhere
):
    # a content folder outside the project (invoke build --content ../x/content): the line
    # named the theme's folder from the content folder's parent, ../h-fo/theme/translations
    caplog.set_level(logging.WARNING)
    if elsewhere:  # the build does not run in the project either: the whole path
        monkeypatch.chdir(tmp_path)
    post = "Title: Olá\nDate: 2024-05-01\nCategory: Company\nLang: pt\nAuthor: Ada Byrne\n"
    build_site({"posts/ola.md": post + "\nTexto.\n"}, name=f"pt-{elsewhere}")
    [line] = [m for m in caplog.messages if "has no catalog" in m]
    folder = ROOT / "theme" / "translations" if elsewhere else "theme/translations"
    assert f"Lang 'pt' has no catalog in {folder}: " in line


def test_a_catalog_folder_spelled_otherwise_is_named(build_site, caplog, tmp_path):
    # translations/zh_Hans/ (pybabel's spelling) is never read for Lang: zh-Hans
    translations = tmp_path / "translations"
    shutil.copytree(ROOT / "theme" / "translations" / "fr", translations / "zh_Hans")
    caplog.set_level(logging.WARNING)
    post = "Title: 社区\nDate: 2024-05-01\nCategory: Company\nLang: zh-Hans\nAuthor: Ada Byrne\n"
    build_site(
        {"posts/shequ.md": post + "\n社区中心。\n"},
        name="zh-folder",
        I18N_TRANSLATIONS_PATH=str(translations),
    )
    [line] = [m for m in caplog.messages if "has no catalog" in m]
    assert line.startswith("zh-folder/posts/shequ.md: Lang 'zh-Hans' has no catalog in ")
    assert line.endswith(
        "(rename its folder zh_Hans to zh-Hans: pages in zh-Hans look for that one)"
    )


CANADIAN = FRENCH.replace("Lang: fr", "Lang: fr-CA")


def test_a_regional_lang_takes_its_languages_catalog(build_site, caplog):
    """Lang: fr-CA had the English theme (marked lang="en") though the fr catalog is there,
    and a line saying to start an fr-CA catalog (probe 18, finding 1): gettext's fallback."""
    caplog.set_level(logging.WARNING)
    built = build_site({"posts/first-light.fr-CA.md": CANADIAN}, name="fr-ca")
    soup = built.soup("fr-CA/posts/first-light/")
    assert soup.html["lang"] == "fr-CA"  # as written
    skip = soup.select_one("a.skip-link")
    assert (skip.get_text(), skip.get("lang")) == ("Aller au contenu", None)
    assert soup.select_one(".reading-time").get_text() == "1 min de lecture"
    assert soup.select_one("nav.site-nav a[href$='/team/']").get_text() == "Équipe"
    assert not [m for m in caplog.messages if "has no catalog" in m]


def test_traditional_chinese_takes_no_simplified_catalog(build_site, caplog, tmp_path):
    """A catalog named zh is Simplified Chinese (Babel's likely subtags): the fallback for
    zh-CN, never for zh-Hant (a stand-in catalog: the French one, renamed)."""
    translations = tmp_path / "translations"
    shutil.copytree(ROOT / "theme" / "translations" / "fr", translations / "zh")
    caplog.set_level(logging.WARNING)
    post = "Title: 社區\nDate: 2024-05-01\nCategory: Company\nAuthor: Ada Byrne\nSlug: she\n"
    built = build_site(
        {
            "posts/she.zh-Hant.md": post + "Lang: zh-Hant\n\n社區中心的新聞。\n",
            "posts/she.zh-CN.md": post + "Lang: zh-CN\n\n社区中心的新闻。\n",
        },
        name="zh-scripts",
        I18N_TRANSLATIONS_PATH=str(translations),
    )
    simplified = built.soup("zh-CN/posts/she/").select_one("a.skip-link")
    assert simplified.get_text() == "Aller au contenu"
    traditional = built.soup("zh-Hant/posts/she/").select_one("a.skip-link")
    assert (traditional.get_text(), traditional["lang"]) == ("Skip to content", "en")
    [line] = [m for m in caplog.messages if "has no catalog" in m]
    assert line.startswith("zh-scripts/posts/she.zh-Hant.md: Lang 'zh-Hant' has no catalog")


def test_the_sites_own_language_without_a_catalog_names_the_setting(tmp_path):
    """DEFAULT_LANG without a catalog: the line named one post at random, which has no Lang
    (probe 18, finding 5); it names the settings file's line that sets DEFAULT_LANG."""
    shutil.copytree(ROOT / "tests" / "fixtures" / "site", tmp_path / "content")
    (tmp_path / "site.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"THEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT)!r}]\n"
        "BLOGCORE_DEFAULT_IMAGE = ''\n"
        'DEFAULT_LANG = "pt-BR"\n',
        encoding="utf-8",
    )
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "pelican"), "-s", "site.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "COLUMNS": "400"},
    )
    said = [line for line in (result.stdout + result.stderr).splitlines() if "no catalog" in line]
    assert len(said) == 1, result.stdout + result.stderr
    assert "site.py: line 7: DEFAULT_LANG 'pt-BR' has no catalog in " in said[0]
    assert "(add one with invoke i18n-extract --add pt-BR)" in said[0]


def test_a_translations_own_tags_and_category_have_their_pages(build_site):
    # Pelican lists translations on no tag or category page: their own tags linked nowhere
    german = (
        FRENCH.replace("Lang: fr", "Lang: de")
        .replace("Tags: news", "Tags: news, Neuigkeiten")
        .replace("Category: Company", "Category: Ankündigungen")
    )
    site = build_site({"posts/first-light.de.md": german}, name="own-tags")
    page = site.soup("de/posts/first-light/")
    links = [a["href"] for a in page.select(".post-tags a, a.p-category")]
    assert f"{site.siteurl}/tag/neuigkeiten/" in links
    assert f"{site.siteurl}/category/ankundigungen/" in links
    for href in links:
        assert site.exists(href.removeprefix(site.siteurl + "/")), href
    for listing in ("tag/neuigkeiten/", "category/ankundigungen/"):
        posts = [a["href"] for a in site.soup(listing).select("main h2 a")]
        assert posts == [f"{site.siteurl}/de/posts/first-light/"], listing
    names = [a.get_text(" ", strip=True) for a in site.soup("tag/").select("main a")]
    assert any(name.startswith("Neuigkeiten") for name in names)
    # a tag the original has too keeps listing the original only
    news = [a["href"] for a in site.soup("tag/news/").select("main h2 a")]
    assert f"{site.siteurl}/de/posts/first-light/" not in news


def _post(date: str, tags: tuple[str, ...], category: str = "Company") -> SimpleNamespace:
    return SimpleNamespace(
        date=datetime.date.fromisoformat(date), tags=list(tags), category=category
    )


OLD = _post("2024-01-01", ("news", "tests"))
NEW = _post("2024-06-01", ("news", "neu"), category="Neues")
NEWER = _post("2024-09-01", ("neu", "neu"))  # a tag written twice counts once


@pytest.mark.parametrize(
    ("translations", "kind", "expected"),
    [
        ([], "tags", {}),
        ([OLD], "tags", {}),  # every tag is listed already
        ([NEW, NEWER], "tags", {"neu": [NEWER, NEW]}),  # newest first
        ([NEW, NEWER], "category", {"Neues": [NEW]}),
        ([SimpleNamespace(date=OLD.date)], "tags", {}),  # no Tags line
    ],
)
def test_only_in_translations(translations, kind, expected):
    assert taxonomy.only_in_translations([OLD], translations, kind) == expected


def test_a_catalog_not_finished_is_named_once(build_site, caplog, tmp_path):
    # its empty entries show the English words on the pages in its language, silently
    translations = tmp_path / "translations"
    shutil.copytree(ROOT / "theme" / "translations" / "fr", translations / "de")
    po = translations / "de" / "LC_MESSAGES" / "messages.po"
    catalog = catalogs.read_catalog(po, "de")
    entries = sum(1 for message in catalog if message.id)
    text = po.read_text(encoding="utf-8")
    text = text.replace('msgstr "Aller au contenu"', 'msgstr ""')
    text = text.replace('msgstr "Rechercher"', 'msgstr ""')
    po.write_text(text.replace('"Language: fr\\n"', '"Language: de\\n"'), encoding="utf-8")
    caplog.set_level(logging.WARNING)
    post = "Title: Wie wir einstellen\nDate: 2024-05-01\nCategory: Company\nLang: de\n"
    site = build_site(
        {"posts/hire.md": post + "Author: Ada Byrne\n\nText.\n"},
        name="half-de",
        I18N_TRANSLATIONS_PATH=str(translations),
    )
    lines = [m for m in caplog.messages if "not translated" in m]
    assert lines == [
        f"translations/de/LC_MESSAGES/messages.po: 2 of {entries} strings are not translated "
        "(empty or fuzzy): they stay in English on pages in de (invoke i18n-compile lists them)"
    ]
    assert site.soup("de/posts/wie-wir-einstellen/").select_one("a.skip-link").get_text() == (
        "Skip to content"
    )


@pytest.mark.parametrize(
    ("name", "written"),
    [
        (
            "posts/first-light.fr.md",
            FRENCH.replace(
                "Lang: fr\n",
                "Lang: fr\nUrl: posts/first-light-fr\nSave_as: posts/first-light-fr/index.html\n",
            ),
        ),
        (
            "posts/first-light.fr.rst",
            "Premières lueurs\n################\n\n:date: 2009-11-28 09:00\n"
            ":category: Company\n:author: Ada Byrne\n:slug: first-light\n:lang: fr\n"
            ":summary: Le premier billet.\n:url: posts/first-light-fr\n"
            ":save_as: posts/first-light-fr/index.html\n\nNous avons ouvert les portes.\n",
        ),
    ],
    ids=["markdown", "rst"],
)
def test_a_translation_whose_url_leaves_off_its_folders_slash_is_linked_where_written(
    build_site, name, written
):
    """Url: posts/first-light-fr with Save_as: posts/first-light-fr/index.html: the page's
    canonical link, both pages' hreflang alternates, the switcher and the sitemap carried the
    address without its slash, which the server answers with a redirect to the folder."""
    site = build_site({name: written})
    fr, en = f"{site.siteurl}/posts/first-light-fr/", f"{site.siteurl}/{EN_URL}"
    assert site.exists("posts/first-light-fr/")
    page = site.soup("posts/first-light-fr/")
    assert page.select_one("link[rel=canonical]")["href"] == fr
    for soup in (page, site.soup(EN_URL)):
        alternates = {link["hreflang"]: link["href"] for link in soup.select("link[hreflang]")}
        assert (alternates["fr"], alternates["en"]) == (fr, en)
    assert [a["href"] for a in site.soup(EN_URL).select("a[hreflang=fr]")] == [fr]
    sitemap = ElementTree.parse(site.output / "sitemap.xml").getroot()
    locs = {loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert fr in locs and fr.rstrip("/") not in locs


def test_tags_page_orders_chinese_tags_by_their_pinyin(build_site):
    # a Chinese blog's tags came in code-point order (中国风, 倦怠期, 免费, 安装), which no
    # reader knows; their slugs are their pinyin (an-zhuang, juan-dai-qi...)
    tags = "Zebra, 中国风, apple, 倦怠期, C++, 免费, .NET, 安装, Banana"
    post = f"Title: 标签\nDate: 2024-05-01\nSlug: tagged\nTags: {tags}\n\n正文。\n"
    site = build_site({"posts/tagged.md": post}, fixture=None, BLOGCORE_DEFAULT_IMAGE="")
    cloud = site.soup("tag/").select_one("ul.tag-cloud")
    names = [item.a.contents[0].strip() for item in cloud.find_all("li")]
    # Latin names as before (by the name, regardless of case); Chinese ones by their pinyin
    assert names == [
        ".NET",
        "安装",  # an-zhuang
        "apple",
        "Banana",
        "C++",
        "倦怠期",  # juan-dai-qi
        "免费",  # mian-fei
        "Zebra",
        "中国风",  # zhong-guo-feng
    ]
