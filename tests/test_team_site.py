"""The team plugin in real builds of the fixture site: cards, profiles, the team page, JSON-LD."""

import io
import itertools
import json
import logging
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import DEV_CONF, FIXTURES, PUBLISH_CONF, TEST_SITEURL, Site, run_pelican

PLUGINS = ["plugins.blogcore", "plugins.images", "plugins.team", "plugins.i18n"]
ATOM = "{http://www.w3.org/2005/Atom}"
GPS = 0x8825

TeamBuild = Callable[..., Site]


def headshot(orientation: int = 1, size: tuple[int, int] = (400, 500)) -> bytes:
    """A JPEG as a phone stores it: upright is red on top and blue below, with GPS in EXIF."""
    upright = Image.new("RGB", size, (30, 60, 200))
    upright.paste((210, 40, 40), (0, 0, size[0], size[1] // 2))
    stored = {1: upright, 6: upright.transpose(Image.Transpose.ROTATE_90)}[orientation]
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif.get_ifd(GPS).update({1: "N", 2: (51.0, 27.0, 3.6), 3: "W", 4: (2.0, 35.0, 13.2)})
    out = io.BytesIO()
    stored.save(out, "JPEG", exif=exif)
    return out.getvalue()


def team_builder(base: Path) -> TeamBuild:
    """Like conftest's build_site, with the team plugins on and binary files (photos) allowed."""
    counter = itertools.count()

    def build(
        files: dict[str, str | bytes] | None = None,
        *,
        publish: bool = False,
        content: Path | None = None,
        **settings,
    ) -> Site:
        n = next(counter)
        if content is None:
            content = base / f"content-{n}"
            shutil.copytree(FIXTURES / "site", content)
        for relpath, data in (files or {}).items():
            target = content / relpath
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, bytes):
                target.write_bytes(data)
            else:
                target.write_text(data, encoding="utf-8")
        output = base / f"output-{n}"
        overrides = {
            "PLUGINS": PLUGINS,
            "IMAGES_CACHE_PATH": str(base / "images-cache"),
            "SITEURL": TEST_SITEURL,
            "FEED_DOMAIN": TEST_SITEURL,
            **settings,
        }
        run_pelican(PUBLISH_CONF if publish else DEV_CONF, content, output, **overrides)
        return Site(output=output, content=content, siteurl=TEST_SITEURL)

    return build


CLEO_WITH_PHOTO = """Name: Cleo Park
Role: Community
Photo: team/photos/cleo.jpg
Website: https://cleo.example.org

Cleo organises the garden party and answers the phone.
"""
TEAM_EXTRAS: dict[str, str | bytes] = {
    "team/cleo-park.md": CLEO_WITH_PHOTO,
    "team/photos/cleo.jpg": headshot(orientation=6),
    "team/eve-nakamura.md": (
        "Name: Eve Nakamura\nRole: Support\nPronouns: they/them\nPhoto: team/photos/eve.jpg\n"
        "Email: eve@example.org\n\nEve joined this spring and has not written here yet.\n\n"
        "Eve liked [the post about ranges]({filename}/posts/ranges.md).\n"
    ),
    "team/photos/eve.jpg": headshot(),
    "team/dana-whitcombe.md": (
        "Name: Dana Whitcombe\nRole: Co-founder, 2019–2022\nAlumni: true\n\n"
        "Dana started it all and left to teach.\n"
    ),
    "posts/alias-post.md": (
        "Title: Signed with an alias\nDate: 2024-06-01 09:00\nCategory: Company\nAuthor: Bo L.\n\n"
        "A post whose author line uses an alias.\n"
    ),
}


@pytest.fixture(scope="module")
def team_site(tmp_path_factory) -> Site:
    """The fixture site with three more people, two photos and an alias post; 1 post a page."""
    return team_builder(tmp_path_factory.mktemp("team"))(TEAM_EXTRAS, DEFAULT_PAGINATION=1)


@pytest.fixture
def build_team_site(tmp_path) -> TeamBuild:
    return team_builder(tmp_path)


def json_ld(soup) -> dict:
    return json.loads(soup.select_one('script[type="application/ld+json"]').string)


def feed_titles(site: Site, path: str) -> set[str]:
    root = ET.fromstring(site.path(path).read_bytes())
    return {entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")}


# --- the "About the author" card ------------------------------------------------------------


def test_author_card_shows_face_name_role_bio_and_profiles(team_site):
    card = team_site.soup("posts/first-light/").select_one("section.author-card")
    assert card.select_one("h2").get_text(strip=True) == "About the author"
    [person] = card.select(".author-card__person")
    assert person.select_one(".avatar").get_text(strip=True) == "AB"  # no photo: initials
    assert not person.select("img")
    name = person.select_one("h3 a.p-name")
    assert name.get_text(strip=True) == "Ada Byrne"
    assert name["href"] == f"{TEST_SITEURL}/team/ada-byrne/"
    assert person.select_one(".author-card__pronouns").get_text(strip=True) == "(she/her)"
    assert person.select_one(".author-card__role").get_text(strip=True) == "Engineering lead"
    bio = person.select_one(".author-card__bio").get_text(strip=True)
    assert bio == "Ada looks after the booking engine and the people who work on it."
    links = {a.get_text(" ", strip=True): a for a in person.select(".person-links a")}
    assert set(links) == {"Ada Byrne: GitHub", "Ada Byrne: Mastodon"}  # no email on cards
    assert links["Ada Byrne: GitHub"]["href"] == "https://github.com/ada-byrne-example"
    # rel=me only where the page is the person's own (their profile); noopener everywhere
    assert all(a["rel"] == ["noopener"] for a in links.values())


def test_author_card_with_a_photo_is_a_picture_with_webp_and_jpeg(team_site):
    person = team_site.soup("posts/garden-party/").select_one(".author-card__person")
    picture = person.select_one("picture.avatar")
    source = picture.select_one("source")
    assert source["type"] == "image/webp"
    assert source["sizes"] == "72px"
    widths = [c.split()[1] for c in source["srcset"].split(", ")]
    assert widths == ["96w", "288w"]
    img = picture.select_one("img")
    assert img["alt"] == "" and img["width"] == "72" and img["height"] == "72"
    assert img["src"].endswith(".jpg") and "96w" in img["srcset"] and "288w" in img["srcset"]
    for url in [img["src"], *(c.split()[0] for c in source["srcset"].split(", "))]:
        assert team_site.exists(team_site.relpath_of(url)), url


def test_headshots_are_square_upright_and_carry_no_exif(team_site):
    renditions = sorted((team_site.output / "renditions" / "team").iterdir())
    names = {p.name.split(".")[0] for p in renditions}
    assert names == {"cleo-park-96", "cleo-park-288", "eve-nakamura-96", "eve-nakamura-288"}
    assert {p.suffix for p in renditions} == {".jpg", ".webp"}
    for path in renditions:
        with Image.open(path) as image:
            width = int(path.name.split(".")[0].rsplit("-", 1)[1])
            assert image.size == (width, width)
            assert len(image.getexif()) == 0 and not image.getexif().get_ifd(GPS)
            top = image.convert("RGB").getpixel((width // 2, width // 8))
            bottom = image.convert("RGB").getpixel((width // 2, width - width // 8))
            assert top[0] > 150 > top[2] and bottom[2] > 150 > bottom[0], path.name  # upright


def test_original_photos_are_not_published(team_site):
    published = [p.relative_to(team_site.output).as_posix() for p in team_site.files()]
    assert not [p for p in published if p.startswith("team/photos/") or p.endswith("cleo.jpg")]
    assert not [p for p in published if p.endswith(".md")]


def test_two_author_post_has_a_card_each_and_person_json_ld(team_site):
    soup = team_site.soup("posts/ranges/")
    card = soup.select_one("section.author-card")
    assert card.select_one("h2").get_text(strip=True) == "About the authors"
    names = [a.get_text(strip=True) for a in card.select(".author-card__person h3 a")]
    assert names == ["Ada Byrne", "Bo Lindqvist"]
    authors = json_ld(soup)["author"]
    assert authors[0] == {
        "@type": "Person",
        "name": "Ada Byrne",
        "url": f"{TEST_SITEURL}/team/ada-byrne/",
        "jobTitle": "Engineering lead",
        "sameAs": ["https://social.example.org/@ada", "https://github.com/ada-byrne-example"],
    }
    assert authors[1]["jobTitle"] == "Product designer"
    assert authors[1]["sameAs"] == ["https://www.linkedin.com/in/bo-lindqvist-example"]


def test_person_json_ld_has_the_headshot(team_site):
    [author] = json_ld(team_site.soup("posts/garden-party/"))["author"]
    assert author["image"].startswith(f"{TEST_SITEURL}/renditions/team/cleo-park-288.")
    assert author["image"].endswith(".jpg")
    assert team_site.exists(team_site.relpath_of(author["image"]))


def test_alias_in_a_post_is_the_canonical_person(team_site):
    soup = team_site.soup("posts/signed-with-an-alias/")
    byline = soup.select_one(".post-meta__author")
    assert byline["href"] == f"{TEST_SITEURL}/team/bo-lindqvist/"
    assert byline.get_text(strip=True) == "BLBo Lindqvist"  # monogram, then the name
    assert json_ld(soup)["author"][0]["name"] == "Bo Lindqvist"
    assert "Signed with an alias" in feed_titles(team_site, "feeds/team/bo-lindqvist.atom.xml")
    assert not team_site.exists("team/bo-l/")


# --- profile pages --------------------------------------------------------------------------


def test_profile_page_with_posts(team_site):
    soup = team_site.soup("team/ada-byrne/")
    assert soup.select_one("link[rel=canonical]")["href"] == f"{TEST_SITEURL}/team/ada-byrne/"
    assert soup.select_one('meta[property="og:type"]')["content"] == "profile"
    profile = soup.select_one("header.profile")
    assert profile.select_one("h1").get_text(strip=True) == "Ada Byrne"
    assert profile.select_one(".avatar").get_text(strip=True) == "AB"
    assert profile.select_one(".p-job-title").get_text(strip=True) == "Engineering lead"
    assert profile.select_one(".profile__pronouns").get_text(strip=True) == "she/her"
    paragraphs = [p.get_text(strip=True) for p in soup.select(".profile__bio p")]
    assert len(paragraphs) == 2 and paragraphs[1].startswith("She has written about ranges")
    links = {a["href"]: a for a in soup.select(".profile__links a")}
    assert links["https://github.com/ada-byrne-example"]["rel"] == ["me", "noopener"]
    assert links["https://social.example.org/@ada"]["rel"] == ["me", "noopener"]
    assert "mailto:ada@example.org" in links
    feed = f"{TEST_SITEURL}/feeds/team/ada-byrne.atom.xml"
    assert soup.select_one(f'head link[rel=alternate][href="{feed}"]')
    assert soup.select_one(f'.profile__posts a[href="{feed}"]')
    assert feed_titles(team_site, "feeds/team/ada-byrne.atom.xml") == {
        "First light",
        "Bookings as ranges",
    }


def test_profile_posts_are_paginated(team_site):
    first, second = team_site.soup("team/ada-byrne/"), team_site.soup("team/ada-byrne/page/2/")
    titles = [
        page.select_one("article.post-card h2").get_text(strip=True) for page in (first, second)
    ]
    assert titles == ["Bookings as ranges", "First light"]
    assert first.select_one("nav.pagination a[rel=next]")["href"] == (
        f"{TEST_SITEURL}/team/ada-byrne/page/2/"
    )
    assert second.select_one("h1").get_text(" ", strip=True) == "Ada Byrne (page 2)"
    assert not second.select(".profile__bio")  # the full profile is on the first page only


def test_profile_json_ld_is_a_person(team_site):
    data = json_ld(team_site.soup("team/cleo-park/"))
    assert data["@type"] == "ProfilePage"
    person = data["mainEntity"]
    assert person["@type"] == "Person" and person["name"] == "Cleo Park"
    assert person["url"] == f"{TEST_SITEURL}/team/cleo-park/"
    assert person["description"] == "Cleo organises the garden party and answers the phone."
    assert person["sameAs"] == ["https://cleo.example.org"]
    assert person["image"].endswith(".jpg")
    assert person["worksFor"]["@type"] == "Organization"


def test_profile_page_of_someone_without_posts(team_site):
    soup = team_site.soup("team/eve-nakamura/")
    profile = soup.select_one("header.profile")
    assert profile.select_one("h1").get_text(strip=True) == "Eve Nakamura"
    img = profile.select_one("picture.avatar img")
    assert img["width"] == "112" and img["loading"] == "eager" and img["alt"] == ""
    assert profile.select_one(".profile__pronouns").get_text(strip=True) == "they/them"
    assert "has not written here yet" in soup.select_one(".profile__posts").get_text()
    link = soup.select_one(".profile__bio a")  # links in a bio are resolved like a post's
    assert link["href"] == f"{TEST_SITEURL}/posts/ranges/"
    assert not soup.select("article.post-card")
    assert not soup.select('link[type="application/atom+xml"][href*="/feeds/team/"]')
    assert not team_site.exists("feeds/team/eve-nakamura.atom.xml")
    assert json_ld(soup)["mainEntity"]["name"] == "Eve Nakamura"


def test_profile_page_of_an_alumnus_without_posts_or_photo(team_site):
    soup = team_site.soup("team/dana-whitcombe/")
    profile = soup.select_one("header.profile")
    assert profile.select_one("span.avatar").get_text(strip=True) == "DW"
    assert profile.select_one(".profile__alumni").get_text(strip=True) == "Former team member"
    assert "alumniOf" in json_ld(soup)["mainEntity"]


def test_profiles_are_in_the_sitemap(team_site):
    sitemap = team_site.text("sitemap.xml")
    for slug in ("ada-byrne", "eve-nakamura", "dana-whitcombe"):
        assert f"<loc>{TEST_SITEURL}/team/{slug}/</loc>" in sitemap


# --- the team page --------------------------------------------------------------------------


def test_team_page_lists_current_people_as_cards_and_alumni_apart(team_site):
    soup = team_site.soup("team/")
    cards = soup.select(".team-current .team-card")
    assert [c.select_one("h3").get_text(strip=True) for c in cards] == [
        "Ada Byrne",
        "Bo Lindqvist",
        "Cleo Park",
        "Eve Nakamura",
    ]
    ada = cards[0]
    assert ada.select_one("h3 a")["href"] == f"{TEST_SITEURL}/team/ada-byrne/"
    assert ada.select_one(".team-card__role").get_text(strip=True) == "Engineering lead"
    assert ada.select_one(".team-card__bio").get_text(strip=True).startswith("Ada looks after")
    assert ada.select_one(".team-card__count").get_text(strip=True) == "2 posts"
    assert cards[2].select_one("picture img")  # Cleo's face
    assert cards[3].select_one(".team-card__count").get_text(strip=True) == "No posts yet"
    alumni = soup.select_one("section.team-alumni")
    assert alumni.select_one("h2").get_text(strip=True) == "Alumni"
    assert [a.get_text(strip=True) for a in alumni.select("a.p-name")] == ["Dana Whitcombe"]
    assert "Dana" not in soup.select_one(".team-current").get_text()


def test_team_files_are_never_posts(team_site):
    titles = feed_titles(team_site, "feeds/all.atom.xml")
    assert not {"Ada Byrne", "Eve Nakamura", "Dana Whitcombe"} & titles
    assert not team_site.exists("posts/eve-nakamura/")
    home = [a.get_text(strip=True) for a in team_site.soup("/").select("article.post-card h2")]
    assert home == ["The garden party"]  # one post a page, newest first


def test_a_clean_site_logs_no_warning(build_team_site, tmp_path, caplog):
    # a folder name of its own: Pelican lets a given warning through once per process
    content = tmp_path / "clean-site"
    shutil.copytree(FIXTURES / "site", content)
    caplog.set_level(logging.WARNING)
    build_team_site(TEAM_EXTRAS, content=content)
    said = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    # but its headshots, stored as a phone does (headshot()), are each named once for their
    # GPS position, as every published photo's is (the images plugin's one rule)
    located = sorted(m.split(": ", 1)[0] for m in said if "carries a GPS position" in m)
    assert located == sorted(
        f"clean-site/{path}" for path, data in TEAM_EXTRAS.items() if path.endswith(".jpg")
    ), said
    assert [m for m in said if "carries a GPS position" not in m] == []


def _renditions(cache: Path) -> dict[str, tuple[int, int]]:
    """Each rendition in the images cache (its source's folder), as written: (inode, time)."""
    return {
        path.relative_to(cache).as_posix(): (path.stat().st_ino, path.stat().st_mtime_ns)
        for path in cache.glob("*/*/*")
        if path.is_file()
    }


def test_unchanged_rebuild_renders_no_image(build_team_site, tmp_path):
    # the renditions as files, not the "Images:" summary lines: Pelican's log filter drops a
    # line said before in the process, and "8 rendered ... in 0.31 s" may well have been
    build_team_site(TEAM_EXTRAS)
    first = _renditions(tmp_path / "images-cache")
    sized = [name for name in first if re.search(r"-\d+x\d+-\d+\.(webp|jpg)$", name)]
    # two headshots' WebP and JPEG at two widths each, and one original with its GPS cleaned
    assert (len(sized), len(first)) == (8, 9), sorted(first)
    site = build_team_site(TEAM_EXTRAS)
    assert _renditions(tmp_path / "images-cache") == first  # none written again
    assert site.soup("team/").select(".team-card picture source")  # and still shown


def test_a_bio_in_another_language_is_marked_with_it_everywhere(build_team_site, caplog):
    caplog.set_level(logging.WARNING)
    theo = "Name: Théo Marchand\nRole: Développeur\nLang: fr\n\nThéo écrit depuis Lyon.\n"
    site = build_team_site({**TEAM_EXTRAS, "team/theo-marchand.md": theo})
    assert not [m for m in caplog.messages if "theo-marchand.md" in m]  # Lang is a team key
    profile = site.soup("team/theo-marchand/")
    assert profile.select_one(".profile__bio")["lang"] == "fr"
    assert profile.select_one(".profile__role .p-job-title")["lang"] == "fr"
    card = next(c for c in site.soup("team/").select(".team-card") if "Théo" in c.get_text())
    assert card.select_one(".team-card__bio")["lang"] == "fr"
    ada = site.soup("team/ada-byrne/").select_one(".profile__bio")
    assert not ada.has_attr("lang")  # the page's own language: no mark


def test_a_headshot_too_small_for_the_page_is_named(build_site, caplog):
    # renditions are never enlarged: a 1-pixel placeholder was published and shown stretched
    caplog.set_level(logging.WARNING)
    files = {
        "team/cleo-park.md": CLEO_WITH_PHOTO,
        "team/photos/cleo.jpg": headshot(size=(1, 1)),
    }
    build_site(files, name="tiny-face")
    said = [r.getMessage() for r in caplog.records if "tiny-face/" in r.getMessage()]
    said = [m for m in said if "GPS position" not in m]  # headshot() is a phone's
    assert said == [
        "tiny-face/team/cleo-park.md: Photo 'team/photos/cleo.jpg' is 1 x 1 pixels, smaller "
        "than the 96 px the pages show it at: use a photo at least 288 px square"
    ]


def test_a_drafts_preview_links_only_profiles_that_are_written(build_site):
    """A draft signed by someone with no team file, or with a draft one, names them in its
    preview without a link (no profile page is written for them), in the byline and JSON-LD."""
    post = (
        "Title: Quokka manifesto\nDate: 2024-03-02\nCategory: Company\nStatus: draft\n"
        "Authors: Ghost Zqwriter, Kim Zqpark, Ada Byrne\n\nText.\n"
    )
    files = {
        "team/kim-zqpark.md": "Name: Kim Zqpark\nRole: Engineer\nStatus: draft\n\nKim.\n",
        "posts/quokka.md": post,
    }
    site = build_site(files, name="draft-byline")
    page = site.soup("drafts/posts/quokka-manifesto/")
    byline = page.select(".post-meta__authors .post-meta__author")
    assert [(b.name, b.select_one(".p-name").get_text()) for b in byline] == [
        ("span", "Ghost Zqwriter"),
        ("span", "Kim Zqpark"),
        ("a", "Ada Byrne"),
    ]
    assert site.relpath_of(byline[2]["href"]) == "/team/ada-byrne/"
    assert not site.exists("team/ghost-zqwriter/") and not site.exists("team/kim-zqpark/")
    hrefs = [a["href"] for a in page.select("a[href]")]
    assert not any("zqwriter" in h or "zqpark" in h for h in hrefs), hrefs
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    people = {p["name"]: p.get("url") for p in data["author"]}
    assert people["Ghost Zqwriter"] is None and people["Kim Zqpark"] is None
    assert people["Ada Byrne"].endswith("/team/ada-byrne/")
