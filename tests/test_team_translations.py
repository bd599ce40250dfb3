"""Team files in other languages (content/team/<slug>.<lang>.md) in real builds: the author
card and byline of a post in that language, the profile in it, JSON-LD, sitemap, search."""

import json
import logging
import shutil
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import FIXTURES, TEST_SITEURL, _builder
from tests.test_team_errors import _Collect
from tests.test_team_site import TEAM_EXTRAS, feed_titles, json_ld, team_builder

ADA_FR = """Lang: fr
Role: Responsable de l’ingénierie
Pronouns: elle

Ada s’occupe du moteur de réservation et des personnes qui y travaillent.

Elle a écrit sur [les intervalles]({filename}/posts/ranges.fr.md) et sur le premier matin du site.
"""
CLEO_FR = """Lang: fr

Cleo organise la fête du jardin et répond au téléphone.
"""  # no Role: the main file's, marked as English
FIRST_LIGHT_FR = """Title: Premières lueurs
Date: 2024-02-01 09:00
Category: Company
Author: Ada Byrne
Slug: first-light
Lang: fr

Le premier billet, en français.
"""
RANGES_FR = """Title: Les réservations comme intervalles
Date: 2024-03-10 14:30
Category: Engineering
Authors: Ada Byrne, Bo Lindqvist
Slug: ranges
Lang: fr

Deux auteurs écrivent sur les intervalles.
"""
FILES = {
    **TEAM_EXTRAS,
    "team/ada-byrne.fr.md": ADA_FR,
    "team/cleo-park.fr.md": CLEO_FR,
    "posts/first-light.fr.md": FIRST_LIGHT_FR,
    "posts/ranges.fr.md": RANGES_FR,
}
ADA_EN_BIO = "Ada looks after the booking engine and the people who work on it."
ADA_FR_BIO = "Ada s’occupe du moteur de réservation et des personnes qui y travaillent."


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The team fixture site with French bios for Ada and Cleo and two French posts; one post
    a page, so that profiles paginate."""
    return team_builder(tmp_path_factory.mktemp("bios"))(FILES, DEFAULT_PAGINATION=1)


def cards(soup) -> dict:
    return {
        p.select_one("h3 a.p-name").get_text(strip=True): p
        for p in soup.select(".author-card__person")
    }


def alternates(soup) -> dict:
    return {
        link["hreflang"]: link["href"]
        for link in soup.select("head link[rel=alternate][hreflang]")
        if not link.get("type")
    }


# --- posts in the language -------------------------------------------------------------------


def test_a_french_post_shows_the_french_bio_where_there_is_one(site):
    people = cards(site.soup("fr/posts/ranges/"))
    ada, bo = people["Ada Byrne"], people["Bo Lindqvist"]
    assert ada.select_one("h3 a")["href"] == f"{TEST_SITEURL}/fr/team/ada-byrne/"
    assert ada.select_one(".author-card__pronouns").get_text(strip=True) == "(elle)"
    role = ada.select_one(".author-card__role .p-job-title")
    assert role.get_text(strip=True) == "Responsable de l’ingénierie"
    assert not role.has_attr("lang")  # the page's language
    bio = ada.select_one(".author-card__bio")
    assert bio.get_text(strip=True) == ADA_FR_BIO and not bio.has_attr("lang")
    # Bo has no French file: his English bio stays, marked as English, linking /team/bo/
    assert bo.select_one("h3 a")["href"] == f"{TEST_SITEURL}/team/bo-lindqvist/"
    assert bo.select_one(".author-card__role .p-job-title")["lang"] == "en"
    assert bo.select_one(".author-card__bio")["lang"] == "en"
    # the English post is as it was: English bio, the English profile
    english = cards(site.soup("posts/ranges/"))["Ada Byrne"]
    assert english.select_one("h3 a")["href"] == f"{TEST_SITEURL}/team/ada-byrne/"
    assert english.select_one(".author-card__bio").get_text(strip=True) == ADA_EN_BIO
    assert english.select_one(".author-card__pronouns").get_text(strip=True) == "(she/her)"


def test_bylines_link_the_profile_in_the_posts_language(site):
    french = [a["href"] for a in site.soup("fr/posts/ranges/").select(".post-meta__author")]
    assert french == [
        f"{TEST_SITEURL}/fr/team/ada-byrne/",
        f"{TEST_SITEURL}/team/bo-lindqvist/",
    ]
    english = site.soup("posts/ranges/").select_one(".post-meta__author")["href"]
    assert english == f"{TEST_SITEURL}/team/ada-byrne/"


def test_a_byline_is_remembered_apart_for_each_language_and_place(site):
    """The byline is rendered once per build for each key ({% memo %} in
    partials/post_meta.html): the same two people's byline differs by the page's language
    (its words and profile links) and by where it is shown (larger faces on the post's page)."""

    def byline(soup):
        names = soup.select_one(".post-meta__authors")
        return names.get_text(" ", strip=True), [a["href"] for a in names.select("a")]

    english, french = byline(site.soup("posts/ranges/")), byline(site.soup("fr/posts/ranges/"))
    assert " and " in english[0] and " et " in french[0]
    assert english[1] != french[1]
    card = site.soup("").select_one(".post-card")
    post = site.soup(card.select_one("a.u-url")["href"].removeprefix(TEST_SITEURL + "/"))
    assert byline(post) == byline(card)
    assert post.select(".post-meta__authors .avatar--md")
    assert card.select(".post-meta__authors .avatar") and not card.select(".avatar--md")


def test_json_ld_of_a_post_gives_the_role_in_its_language(site):
    ada, bo = json_ld(site.soup("fr/posts/ranges/"))["author"]
    assert ada["jobTitle"] == "Responsable de l’ingénierie"
    assert ada["url"] == f"{TEST_SITEURL}/fr/team/ada-byrne/"
    assert ada["name"] == "Ada Byrne" and ada["sameAs"][0] == "https://social.example.org/@ada"
    assert (bo["jobTitle"], bo["url"]) == ("Product designer", f"{TEST_SITEURL}/team/bo-lindqvist/")
    english = json_ld(site.soup("posts/ranges/"))["author"][0]
    assert (english["jobTitle"], english["url"]) == (
        "Engineering lead",
        f"{TEST_SITEURL}/team/ada-byrne/",
    )


# --- profiles ----------------------------------------------------------------------------------


def test_the_profile_in_french(site):
    soup = site.soup("fr/team/ada-byrne/")
    assert soup.html["lang"] == "fr"
    assert soup.select_one("link[rel=canonical]")["href"] == f"{TEST_SITEURL}/fr/team/ada-byrne/"
    profile = soup.select_one("header.profile")
    assert profile.select_one(".eyebrow a").get_text(strip=True) == "Équipe"  # French words
    assert profile.select_one("h1").get_text(strip=True) == "Ada Byrne"
    assert profile.select_one(".p-job-title").get_text(strip=True) == "Responsable de l’ingénierie"
    assert profile.select_one(".profile__pronouns").get_text(strip=True) == "elle"
    switch = profile.select_one(".post-translations a")
    assert switch["href"] == f"{TEST_SITEURL}/team/ada-byrne/"
    assert switch["hreflang"] == switch["lang"] == "en" and switch.get_text() == "English"
    bio = soup.select_one(".profile__bio")
    assert not bio.has_attr("lang")
    assert bio.select_one("p").get_text(strip=True) == ADA_FR_BIO
    assert bio.select_one("a")["href"] == f"{TEST_SITEURL}/fr/posts/ranges/"  # links resolved
    # contact links as on the English profile, in French words
    links = {a["href"]: a for a in soup.select(".profile__links a")}
    assert links["https://github.com/ada-byrne-example"]["rel"] == ["me", "noopener"]
    assert links["mailto:ada@example.org"].select_one(".visually-hidden").get_text() == (
        "Courriel\xa0: "
    )
    # her posts in French; the feed of /team/ada-byrne/ is not offered here
    assert (
        soup.select_one(".profile__posts h2").get_text(strip=True) == "Billets écrits par Ada Byrne"
    )  # not "de Ada": no elision to get wrong
    assert soup.select_one(".profile__count").get_text(strip=True) == "2 billets"
    assert [a.get_text(strip=True) for a in soup.select("article.post-card h2 a")] == [
        "Les réservations comme intervalles"
    ]
    assert not soup.select('link[type="application/atom+xml"][href*="/feeds/team/"]')
    second = site.soup("fr/team/ada-byrne/page/2/")
    assert [a.get_text(strip=True) for a in second.select("article.post-card h2 a")] == [
        "Premières lueurs"
    ]
    assert soup.select_one("nav.pagination a[rel=next]")["href"] == (
        f"{TEST_SITEURL}/fr/team/ada-byrne/page/2/"
    )


def test_both_profiles_link_each_other(site):
    both = {
        "en": f"{TEST_SITEURL}/team/ada-byrne/",
        "fr": f"{TEST_SITEURL}/fr/team/ada-byrne/",
        "x-default": f"{TEST_SITEURL}/team/ada-byrne/",
    }
    english = site.soup("team/ada-byrne/")
    assert alternates(english) == alternates(site.soup("fr/team/ada-byrne/")) == both
    switch = english.select_one("header.profile .post-translations a")
    assert switch["href"] == both["fr"] and switch.get_text() == "Français"
    assert switch["hreflang"] == switch["lang"] == "fr"
    # the English profile is otherwise as it was
    assert english.html["lang"] == "en"
    assert english.select_one(".p-job-title").get_text(strip=True) == "Engineering lead"
    assert english.select(".profile__bio p")[0].get_text(strip=True) == ADA_EN_BIO
    assert [a.get_text(strip=True) for a in english.select("article.post-card h2 a")] == [
        "Bookings as ranges"
    ]
    assert not alternates(site.soup("team/bo-lindqvist/"))  # no translation: no alternates
    assert not site.soup("team/bo-lindqvist/").select(".post-translations")


def test_profile_json_ld_in_french(site):
    data = json_ld(site.soup("fr/team/ada-byrne/"))
    assert data["@type"] == "ProfilePage" and data["url"] == f"{TEST_SITEURL}/fr/team/ada-byrne/"
    person = data["mainEntity"]
    assert person["jobTitle"] == "Responsable de l’ingénierie"
    assert person["description"] == ADA_FR_BIO
    assert person["url"] == f"{TEST_SITEURL}/fr/team/ada-byrne/"
    english = json_ld(site.soup("team/ada-byrne/"))["mainEntity"]
    assert (english["jobTitle"], english["description"]) == ("Engineering lead", ADA_EN_BIO)


def test_a_translation_without_role_keeps_the_main_role_marked(site):
    soup = site.soup("fr/team/cleo-park/")
    role = soup.select_one("header.profile .p-job-title")
    assert role.get_text(strip=True) == "Community" and role["lang"] == "en"
    bio = soup.select_one(".profile__bio")
    assert bio.get_text(strip=True).startswith("Cleo organise") and not bio.has_attr("lang")
    assert soup.select_one("picture.avatar img")  # her photo, from the main file
    # no post in French: no list, "Aussi en" leads to the rest
    assert not soup.select(".profile__posts") and not soup.select("article.post-card")
    assert soup.select_one(".post-translations a")["href"] == f"{TEST_SITEURL}/team/cleo-park/"


def test_the_team_page_stays_english_and_the_sitemap_has_every_profile(site):
    team = site.soup("team/")
    assert team.html["lang"] == "en"
    ada = team.select(".team-current .team-card")[0]
    assert ada.select_one(".team-card__role").get_text(strip=True) == "Engineering lead"
    assert ada.select_one("h3 a")["href"] == f"{TEST_SITEURL}/team/ada-byrne/"
    xhtml = "{http://www.w3.org/1999/xhtml}"
    urls = {
        url.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"): {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{xhtml}link")
        }
        for url in ET.fromstring(site.path("sitemap.xml").read_bytes())
    }
    for where in ("team/ada-byrne/", "fr/team/ada-byrne/"):
        assert urls[f"{TEST_SITEURL}/{where}"] == {
            "en": f"{TEST_SITEURL}/team/ada-byrne/",
            "fr": f"{TEST_SITEURL}/fr/team/ada-byrne/",
            "x-default": f"{TEST_SITEURL}/team/ada-byrne/",
        }
    assert f"{TEST_SITEURL}/fr/team/cleo-park/" in urls
    assert not site.exists("fr/team/bo-lindqvist/")  # no French file: no French profile
    assert not site.exists("team/ada-byrne.fr/")  # a translation is no person of its own


def test_a_french_main_file_with_an_english_translation(build_team_site):
    theo = (
        "Name: Théo Marchand\nRole: Développeur\nLang: fr\nWebsite: https://theo.example\n\n"
        "Théo écrit depuis Lyon.\n"
    )
    theo_en = "Role: Backend engineer\n\nThéo writes from Lyon.\n"
    site = build_team_site({"team/theo-marchand.md": theo, "team/theo-marchand.en.md": theo_en})
    english = site.soup("team/theo-marchand/")  # a DEFAULT_LANG page: the English version
    assert english.select_one(".profile__bio").get_text(strip=True) == "Théo writes from Lyon."
    assert not english.select_one(".profile__bio").has_attr("lang")
    assert english.select_one(".p-job-title").get_text(strip=True) == "Backend engineer"
    french = site.soup("fr/team/theo-marchand/")  # the main file, on a French page
    assert french.html["lang"] == "fr"
    assert french.select_one(".profile__bio").get_text(strip=True) == "Théo écrit depuis Lyon."
    assert french.select_one(".p-job-title").get_text(strip=True) == "Développeur"
    assert alternates(french)["x-default"] == f"{TEST_SITEURL}/team/theo-marchand/"
    card = next(c for c in site.soup("team/").select(".team-card") if "Théo" in c.get_text())
    assert card.select_one(".team-card__bio").get_text(strip=True) == "Théo writes from Lyon."


@pytest.fixture
def build_team_site(tmp_path):
    return team_builder(tmp_path)


def test_a_site_with_translations_logs_no_warning(build_team_site, tmp_path, caplog):
    content = tmp_path / "clean-bios"  # a name of its own: Pelican says a warning once
    shutil.copytree(FIXTURES / "site", content)
    caplog.set_level(logging.WARNING)
    site = build_team_site(FILES, content=content)
    said = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    # but its headshots, stored as a phone does, are each named once for their GPS position,
    # as every published photo's is (the images plugin's one rule; test_team_site.py)
    located = sorted(m.split(": ", 1)[0] for m in said if "carries a GPS position" in m)
    assert located == sorted(f"clean-bios/{path}" for path in FILES if path.endswith(".jpg"))
    assert [m for m in said if "carries a GPS position" not in m] == []
    assert site.exists("fr/team/ada-byrne/")


# --- the whole engine: search, feeds ------------------------------------------------------


@pytest.fixture(scope="module")
def full_site(tmp_path_factory):
    """The same content built with every plugin of pelicanconf.py (search and Pagefind too)."""
    return _builder(tmp_path_factory.mktemp("bios-full"))(FILES)


def test_profiles_are_not_searched_and_team_files_are_no_posts(full_site):
    french = full_site.soup("fr/team/ada-byrne/")
    assert french.select_one(".profile__bio").get_text(strip=True).startswith("Ada s’occupe")
    assert not french.select("[data-pagefind-body]")
    assert full_site.soup("fr/posts/ranges/").select("[data-pagefind-body]")
    entry = json.loads(full_site.text("pagefind/pagefind-entry.json"))
    indexed = sum(v["page_count"] for v in entry["languages"].values())
    marked = [p for p in full_site.files(".html") if "data-pagefind-body" in p.read_text("utf-8")]
    assert indexed == len(marked)  # posts and pages only: no profile, in no language
    assert not [p for p in marked if "/team/" in p.as_posix()]
    titles = feed_titles(full_site, "feeds/all.atom.xml") | feed_titles(
        full_site, "feeds/all-fr.atom.xml"
    )
    assert "Ada Byrne" not in titles and "Premières lueurs" in titles
    assert feed_titles(full_site, "feeds/team/ada-byrne.atom.xml") == {
        "First light",
        "Bookings as ranges",
    }


# --- errors --------------------------------------------------------------------------------

BAD = {
    "team/ada-byrne.fr.md": "Role: Responsable\nPhoto: team/photos/ada.jpg\n\nAda, en français.\n",
    "team/bo-lindqvist.de.md": "Titel: Designer\n\nBo auf Deutsch.\n",
    "team/bo-lindqvist.fr.md": "Lang: de\n\nBo, en français ?\n",
    "team/maya.fr.md": "Role: PDG\n\nMaya, sans fichier.\n",
    "team/cleo-park.en.md": "Role: Community\n\nCleo again.\n",
    "team/cleo-park.french.md": "Role: Communauté\n\nCleo en français.\n",
    "team/cleo-park.es.md": "Lang: es\n",
    "team/cleo-park.de.md": "Role: Gemeinschaft\n\nCleo auf Deutsch.\n",
    "team/cleo-park.de.rst": "Cleo, noch einmal.\n",
    "posts/ranges.fr.md": RANGES_FR,
}


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    handler = _Collect()
    logging.getLogger().addHandler(handler)
    try:
        site = team_builder(tmp_path_factory.mktemp("bad-bios"))(BAD)
    finally:
        logging.getLogger().removeHandler(handler)
    return site, handler.records


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (
            logging.ERROR,
            "content-0/team/ada-byrne.fr.md: Photo is taken from content-0/team/ada-byrne.md in "
            "every language; a translation gives only Role, Pronouns and the bio (remove Photo "
            "here)",
        ),
        (
            logging.WARNING,
            "content-0/team/bo-lindqvist.de.md: unknown key 'Titel' is ignored; a translation "
            "gives only Role, Pronouns and the bio",
        ),
        (
            logging.ERROR,
            "content-0/team/bo-lindqvist.fr.md: Lang 'de' is not the language its file name "
            "gives, 'fr': write Lang: fr, or leave Lang out (the file name says it); skipped",
        ),
        (
            logging.ERROR,
            "content-0/team/maya.fr.md: is named as the fr translation of content-0/team/maya.md, "
            "which does not exist (name it after the person's own team file: <person>.fr.md); "
            "skipped",
        ),
        (
            logging.ERROR,
            "content-0/team/cleo-park.en.md: is in en, the language of content-0/team/cleo-park.md "
            "itself (its Lang, else DEFAULT_LANG); a translation is in another language; skipped",
        ),
        (
            logging.ERROR,
            "content-0/team/cleo-park.french.md: Lang must be a language code such as en, fr or "
            "pt-BR, got 'french' (did you mean 'fr' (French)?), in its file name "
            "(<person>.<lang>.md, e.g. cleo-park.fr.md); skipped",
        ),
        (
            logging.WARNING,
            "content-0/team/cleo-park.es.md: gives no Role, Pronouns or bio, so pages in es show "
            "content-0/team/cleo-park.md's; skipped",
        ),
        (
            logging.ERROR,
            "content-0/team/cleo-park.de.rst: a second de translation of "
            "content-0/team/cleo-park.md, after content-0/team/cleo-park.de.md; skipped",
        ),
    ],
)
def test_each_bad_translation_is_one_line(bad_build, level, expected):
    _, records = bad_build
    said = [r.getMessage() for r in records if "content-0/team/" in r.getMessage()]
    assert said.count(expected) == 1, said
    assert [r.levelno for r in records if r.getMessage() == expected] == [level]


def test_bad_translations_never_print_a_traceback_and_the_rest_is_built(bad_build):
    site, records = bad_build
    assert all(r.exc_info is None for r in records)
    assert not any("Traceback" in r.getMessage() for r in records)
    # nothing is a person of its own; the main files stand
    names = [a.get_text(strip=True) for a in site.soup("team/").select(".team-card h3")]
    assert names == ["Ada Byrne", "Bo Lindqvist", "Cleo Park"]
    # a translation with a bad key is still shown (the key ignored); a skipped one is not
    people = cards(site.soup("fr/posts/ranges/"))
    assert people["Ada Byrne"].select_one(".author-card__bio").get_text(strip=True) == (
        "Ada, en français."
    )
    assert people["Bo Lindqvist"].select_one(".author-card__bio")["lang"] == "en"
    assert not site.exists("fr/team/bo-lindqvist/") and site.exists("de/team/bo-lindqvist/")
    assert not site.exists("en/team/cleo-park/") and not site.exists("team/maya.fr/")
    assert not site.exists("es/team/cleo-park/")  # it gives nothing in Spanish


def test_a_bad_translation_stops_a_publish_build(tmp_path, caplog):
    caplog.set_level(logging.ERROR)
    with pytest.raises(SystemExit) as stop:
        team_builder(tmp_path)({"team/maya.fr.md": BAD["team/maya.fr.md"]}, publish=True)
    assert stop.value.code == 1
    assert any(
        m.startswith("content-0/team/maya.fr.md: is named as the fr translation of")
        for m in caplog.messages
    ), caplog.messages


def test_a_bio_in_a_language_without_posts_links_no_feed_of_it(build_site):
    # a French bio on a site without French posts linked /feeds/all-fr.atom.xml, which
    # Pelican never writes (no French post): a broken link make publish let through
    site = build_site({"team/ada-byrne.fr.md": ADA_FR})
    assert not site.exists("feeds/all-fr.atom.xml")
    head = site.soup("fr/team/ada-byrne/").select("head link[type='application/atom+xml']")
    assert head and not [link for link in head if "all-fr" in link["href"]]
    # with a French post, its feed is written and linked
    site = build_site({"team/ada-byrne.fr.md": ADA_FR, "posts/ranges.fr.md": RANGES_FR})
    assert site.exists("feeds/all-fr.atom.xml")
    head = site.soup("fr/team/ada-byrne/").select("head link[type='application/atom+xml']")
    assert [link for link in head if link["href"].endswith("/feeds/all-fr.atom.xml")]
