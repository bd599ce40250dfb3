"""Galleries in real builds of the fixture site: markup, pages, privacy, bad input."""

import contextlib
import io
import logging
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from PIL import Image, ImageDraw

from plugins.images import pipeline
from tests.conftest import DEV_CONF, FIXTURES, PUBLISH_CONF, TEST_SITEURL, Site, run_pelican
from tests.test_images_pipeline import GPS, assert_no_metadata, photo

SMALL = {"GALLERY_WIDTHS": (100, 200, 400), "GALLERY_POST_IMAGE_WIDTHS": (100, 300)}

SIDECAR = """Title: The trip
Date: 2025-05-02
Summary: Photos from the trip.
Photo: wide.jpg | The view from the top. | Green hills under a blue sky
Photo: tall.jpg | A portrait, stored sideways.
Photo: upside.jpg | Stored upside down. | A field
Photo: mising.jpg | Not there.
Photo: broken.jpg | Cut short. | Half a photo

A *description* of the trip.
"""

POST = """Title: {title}
Date: 2025-05-0{day} 10:00
Category: Company
Author: Ada Byrne
Slug: {slug}
Summary: A post.
{extra}
{body}
"""


def _post(slug, day, extra="", body="Some words about the day."):
    return POST.format(
        title=slug.replace("-", " ").title(), slug=slug, day=day, extra=extra, body=body
    )


def make_content(root: Path) -> Path:
    content = root / "content"
    shutil.copytree(FIXTURES / "site", content)
    trip = content / "galleries" / "trip"
    photo(trip / "wide.jpg", 1, size=(600, 400))
    photo(trip / "tall.jpg", 6, size=(300, 450))  # upright 300x450, stored sideways
    photo(trip / "upside.jpg", 3, size=(600, 400))
    photo(trip / "zz-extra.png", 1, size=(120, 80), fmt="PNG")  # not listed, no alt
    full = (trip / "wide.jpg").read_bytes()
    (trip / "broken.jpg").write_bytes(full[: len(full) // 3])  # truncated
    (trip / "notes.txt").write_text("not a photo")
    (trip / "gallery.md").write_text(SIDECAR, encoding="utf-8")
    photo(content / "galleries" / "second" / "one.jpg", 1, size=(200, 150))
    (content / "galleries" / "second" / "gallery.md").write_text(
        "Title: Second\nPhoto: one.jpg | One | The one photo\n", encoding="utf-8"
    )
    photo(content / "images" / "snap.jpg", 1, size=(500, 300))  # static, with GPS
    posts = content / "posts"
    (posts / "trip-report.md").write_text(_post("trip-report", 3, "Gallery: trip\n"))
    (posts / "inline.md").write_text(
        _post(
            "inline",
            4,
            body="Before.\n\n{gallery}second\n\nAfter.\n\n{gallery}secnod\n\n"
            "![A snapshot]({static}/images/snap.jpg)\n\n![A lamp]({static}/images/lamp.svg)\n",
        )
    )
    (posts / "typo.md").write_text(_post("typo", 5, "Gallery: trp\n"))
    return content


class Collector(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.INFO)
        self.records = []

    def emit(self, record):
        self.records.append((record.levelname, record.getMessage()))


def build(root: Path, content: Path, conf=DEV_CONF, name="out", **settings):
    output = root / name
    collector = Collector()
    logging.getLogger().addHandler(collector)
    previous = logging.getLogger().level
    logging.getLogger().setLevel(logging.INFO)
    try:
        run_pelican(
            conf,
            content,
            output,
            SITEURL=TEST_SITEURL,
            FEED_DOMAIN=TEST_SITEURL,
            **{**SMALL, **settings},
        )
    finally:
        logging.getLogger().removeHandler(collector)
        logging.getLogger().setLevel(previous)
    return Site(output=output, content=content, siteurl=TEST_SITEURL), collector.records


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("galleries")
    content = make_content(root)
    return build(root, content)


@pytest.fixture(scope="module")
def site(built):
    return built[0]


@pytest.fixture(scope="module")
def log(built):
    return built[1]


def messages(log, level):
    return [m for lvl, m in log if lvl == level]


def test_post_shows_its_gallery_after_the_body(site):
    soup = site.soup("posts/trip-report/")
    block = soup.select_one("article.post > section.gallery")
    # the lightbox's words come from the page, through the theme's catalogs
    words = [block.get(a) for a in ("data-close", "data-previous", "data-next", "data-position")]
    assert words == ["Close", "Previous", "Next", "photo {n} of {count}"]
    assert block is not None
    assert block.find_previous_sibling("div", class_="post-content") is not None
    assert block.select_one("h2").get_text(strip=True) == "The trip"
    link = block.select_one(".gallery__meta a")
    assert site.relpath_of(link["href"]) == "/galleries/trip/"
    files = [a["href"].rsplit("/", 1)[-1] for a in block.select("a.gallery__link")]
    # sidecar order; the missing and the broken photos left out; unlisted ones after
    assert [f.split("-")[0] for f in files] == ["wide", "tall", "upside", "zz"]


def test_thumbnails_are_responsive_pictures(site):
    items = site.soup("posts/trip-report/").select("section.gallery li.gallery__item")
    wide, tall = items[0], items[1]
    types = [s["type"] for s in wide.select("picture source")]
    assert types == ["image/webp"]  # a development build; publish builds add AVIF (below)
    img = wide.select_one("picture img")
    assert img["src"].endswith(".jpg") and img["sizes"]
    assert (img["width"], img["height"]) == ("400", "267")
    assert img["alt"] == "Green hills under a blue sky"
    assert img["loading"] == "lazy"  # in a post, after the text
    widths = [int(c.split()[1][:-1]) for c in img["srcset"].split(", ")]
    assert widths == [100, 200, 400]
    # a portrait stored sideways comes out upright, never cropped, never upscaled (300 wide)
    timg = tall.select_one("img")
    assert (timg["width"], timg["height"]) == ("300", "450")
    assert "gallery__item--portrait" in tall["class"]
    # justified rows (gallery.css) take each photo's ratio from a class, never from style=
    assert "gallery__item--r150" in wide["class"] and "gallery__item--r67" in tall["class"]
    assert not wide.has_attr("style") and not tall.select("[style]")
    assert [int(c.split()[1][:-1]) for c in timg["srcset"].split(", ")] == [100, 200, 300]
    assert timg["alt"] == "A portrait, stored sideways."  # the caption stands in
    assert tall.select_one("figcaption").get_text(strip=True) == "A portrait, stored sideways."
    # without JavaScript, each thumbnail is a plain link to the largest JPEG
    href = tall.select_one("a.gallery__link")["href"]
    assert href.endswith(".jpg") and site.exists(site.relpath_of(href))


def test_inline_marker_and_plain_images(site):
    soup = site.soup("posts/inline/")
    content = soup.select_one(".post-content")
    blocks = content.select("section.gallery")
    assert len(blocks) == 1 and blocks[0].select_one("h2").get_text() == "Second"
    texts = [p.get_text() for p in content.find_all("p", recursive=False)]
    assert "{gallery}" not in " ".join(texts)
    assert texts[0] == "Before." and "After." in texts
    assert soup.select_one("article.post > section.gallery") is None  # no Gallery: key
    picture = content.select_one("picture.post-picture")
    img = picture.select_one("img")
    assert img["alt"] == "A snapshot" and (img["width"], img["height"]) == ("300", "180")
    assert [s["type"] for s in picture.select("source")] == ["image/webp"]
    assert content.select_one('img[src$="lamp.svg"]') is not None  # SVGs left alone


def test_gallery_page_and_index(site):
    soup = site.soup("galleries/trip/")
    assert soup.select_one("h1").get_text(strip=True) == "The trip"
    assert soup.select_one(".gallery-page__intro em").get_text() == "description"
    imgs = soup.select("section.gallery img")
    assert [i["loading"] for i in imgs] == ["eager", "eager", "eager", "lazy"]
    posts = [site.relpath_of(a["href"]) for a in soup.select(".gallery-page__posts a")]
    assert posts == ["/posts/trip-report/"]
    assert soup.select_one('meta[property="og:image"]')["content"].endswith(".jpg")
    index = site.soup("galleries/")
    titles = [a.get_text() for a in index.select(".gallery-card__title a")]
    assert titles == ["The trip", "Second"]  # dated first, undated last
    assert site.relpath_of(index.select_one(".gallery-card__title a")["href"]) == "/galleries/trip/"


def test_post_without_its_own_image_shares_the_gallery_cover(site):
    og = site.soup("posts/trip-report/").select_one('meta[property="og:image"]')["content"]
    assert "/renditions/galleries/trip/wide-400." in og


def test_no_published_image_carries_metadata_and_no_original_is_published(site):
    published = site.files(".jpg", ".webp", ".avif", ".png")
    gallery_files = [p for p in published if "galleries" in p.parts]
    assert gallery_files and all("renditions" in p.parts for p in gallery_files)
    for path in gallery_files:
        assert_no_metadata(path)
    assert not site.exists("galleries/trip/wide.jpg")
    with Image.open(site.content / "galleries" / "trip" / "wide.jpg") as source:
        assert source.getexif().get_ifd(GPS)  # the source had it


def test_problems_are_named_and_never_a_traceback(log):
    errors, warnings = messages(log, "ERROR"), messages(log, "WARNING")
    text = "\n".join(m for _, m in log)
    assert "Traceback" not in text
    assert any(
        m.endswith("gallery.md: line 7: Photo 'mising.jpg' is not in content/galleries/trip/")
        or "Photo 'mising.jpg' is not in content/galleries/trip/" in m
        for m in errors
    )
    assert any(m.startswith("content/galleries/trip/broken.jpg: ") for m in errors)
    assert any(
        m.startswith("content/posts/typo.md: Gallery 'trp' does not exist")
        and "(did you mean 'trip'?)" in m
        for m in errors
    )
    assert any(
        m.startswith("content/posts/inline.md: {gallery} 'secnod' does not exist")
        and "did you mean 'second'" in m
        for m in errors
    )
    assert any(m.startswith("content/galleries/trip/notes.txt: is not a photo") for m in warnings)
    assert any(
        m.startswith("content/galleries/trip/zz-extra.png: has no alt text") for m in warnings
    )
    # a source photo with GPS is named once, by the images plugin's one rule: a warning, one
    # line per file, one per gallery (was an info line per gallery photo in development)
    assert any(m.startswith("content/images/snap.jpg: carries a GPS position") for m in warnings)
    assert [m for m in warnings if m.startswith("content/galleries/trip/: ")] == [
        "content/galleries/trip/: 4 photos carry a GPS position (tall.jpg, upside.jpg, "
        "wide.jpg and 1 more); the published copies have it removed, but the files in content/ "
        "keep it (remove it there too, leaving no backup: exiftool -overwrite_original "
        "-gps:all= -xmp:all= content/galleries/trip/)"
    ]
    assert not [m for m in messages(log, "INFO") if "GPS position" in m]


def test_unchanged_rebuild_does_no_image_work_and_a_new_width_renders_only_that(
    tmp_path, monkeypatch
):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    photo(content / "galleries" / "g" / "a.jpg", 1, size=(600, 400))
    (content / "galleries" / "g" / "gallery.md").write_text("Photo: a.jpg | A | An a\n")
    cache = str(tmp_path / "imgcache")
    site, _ = build(tmp_path, content, name="one", IMAGES_CACHE_PATH=cache)
    assert site.exists("galleries/g/")

    calls = []
    original = pipeline.render_source
    monkeypatch.setattr(pipeline, "render_source", lambda *a: calls.append(a[2]) or original(*a))
    build(tmp_path, content, name="two", IMAGES_CACHE_PATH=cache)
    assert calls == []
    build(
        tmp_path,
        content,
        name="three",
        IMAGES_CACHE_PATH=cache,
        GALLERY_WIDTHS=(100, 200, 400, 300),
    )
    assert [sorted({s.width for s in specs}) for specs in calls] == [[300]]


def test_publish_requires_alt_when_asked(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    photo(content / "galleries" / "g" / "a.jpg", 1, size=(200, 100))
    with pytest.raises(SystemExit):
        build(tmp_path, content, conf=PUBLISH_CONF, GALLERY_REQUIRE_ALT=True)


def test_galleries_off_writes_nothing(build_site):
    site = build_site({"galleries/g/gallery.md": "Title: G\n"})
    assert not site.exists("galleries/")


def test_a_photo_name_with_a_space_and_a_comma_makes_working_srcsets(tmp_path):
    # raw, "IMG 1, edited-400.x.webp 400w" splits the srcset list at the comma
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    photo(content / "galleries" / "g" / "IMG 1, edited.jpg", 1, size=(600, 400))
    (content / "galleries" / "g" / "gallery.md").write_text("Photo: IMG 1, edited.jpg | A | An a\n")
    site, _ = build(tmp_path, content, name="comma")
    pictures = site.soup("galleries/g/").select("picture")
    assert pictures
    for picture in pictures:
        for tag in picture.select("source[srcset], img[srcset]"):
            candidates = [c.strip().rsplit(" ", 1) for c in tag["srcset"].split(",")]
            for url, width in candidates:
                assert width.endswith("w") and " " not in url, tag["srcset"]
                path = unquote(urlsplit(url).path).removeprefix("/")
                assert (site.output / path).is_file(), url


@pytest.mark.parametrize("written", ["phone photo.jpg", "phone%20photo.jpg"])
def test_a_post_photo_with_a_space_is_a_picture_however_its_link_is_written(tmp_path, written):
    # "%20" in the link was not looked up unquoted, as Pelican does: a plain <img> was left,
    # with no width and height
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    photo(content / "images" / "phone photo.jpg", 1, size=(600, 400))
    (content / "posts" / "spaces.md").write_text(
        _post("spaces", 5, body=f"![A phone photo]({{static}}/images/{written})")
    )
    site, _ = build(tmp_path, content, name="spaces")
    img = site.soup("posts/spaces/").select_one(".post-content picture.post-picture img")
    assert img is not None and img["alt"] == "A phone photo"
    assert int(img["width"]) * 2 == int(img["height"]) * 3  # the photo's 3:2, no layout shift
    for url in [img["src"], *(c.split()[0] for c in img["srcset"].split(","))]:
        assert " " not in url and (site.output / unquote(urlsplit(url).path)[1:]).is_file()


def _draft_gallery_site(tmp_path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    photo(content / "galleries" / "launch" / "a.jpg", 1, size=(600, 400))
    (content / "galleries" / "launch" / "gallery.md").write_text(
        "Title: SECRETLAUNCH party\nStatus: draft\nPhoto: a.jpg | A | An a\n"
    )
    (content / "posts" / "draft-post.md").write_text(
        _post("draft-post", 5, "Status: draft\nGallery: launch\n")
    )
    return content


def test_a_draft_gallery_is_previewed_in_development_only(tmp_path):
    content = _draft_gallery_site(tmp_path)
    site, _ = build(tmp_path, content, name="dev")
    page = site.soup("galleries/launch/")
    assert page.select_one(".draft-banner")
    assert page.select_one('meta[name=robots][content="noindex"]')
    assert not site.exists("galleries/index.html")  # the only gallery is not listed
    published, log = build(tmp_path, content, conf=PUBLISH_CONF, name="pub")
    assert not published.exists("galleries/launch/")
    assert not (published.output / "renditions" / "galleries" / "launch").exists()
    for file in published.files(".html", ".xml", ".json"):
        assert "SECRETLAUNCH" not in file.read_text(encoding="utf-8"), file
    assert not [m for lvl, m in log if lvl in ("ERROR", "CRITICAL")]  # a draft post shows it
    # the publish build left the gallery out; the draft post showing it is told why, not
    # "Gallery 'launch' does not exist (no photos in content/galleries/launch/)"
    said = [m for lvl, m in log if lvl == "WARNING" and "draft-post.md" in m]
    assert not [m for m in said if "does not exist" in m], said
    assert any("Gallery 'launch' is a draft" in m for m in said), said


def test_the_exiftool_command_for_a_static_photo_can_be_pasted_when_its_name_has_a_space(
    tmp_path,
):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    photo(content / "images" / "phone pics" / "IMG 0001.jpg", 1, size=(500, 300))  # with GPS
    (content / "posts" / "snaps.md").write_text(
        _post("snaps", 5, body="![A snapshot]({static}/images/phone pics/IMG 0001.jpg)\n")
    )
    _, log = build(tmp_path, content, name="spaces")
    said = [m for m in messages(log, "WARNING") if "carries a GPS position" in m]
    assert said, log
    assert all(
        m.endswith(
            "leaving no backup: exiftool -overwrite_original -gps:all= -xmp:all= "
            "'content/images/phone pics/IMG 0001.jpg')"
        )
        for m in said
    ), said


def test_a_published_post_showing_a_draft_gallery_stops_a_publish(tmp_path):
    content = _draft_gallery_site(tmp_path)
    (content / "posts" / "live.md").write_text(_post("live", 6, "Gallery: launch\n"))
    _, log = build(tmp_path, content, name="dev")
    said = [m for lvl, m in log if lvl == "WARNING" and "live.md" in m]
    assert any("Gallery 'launch' is a draft" in m for m in said), log
    with pytest.raises(SystemExit):
        build(tmp_path, content, conf=PUBLISH_CONF, name="pub")


def test_a_status_typo_keeps_a_gallery_out_and_says_what_was_written(tmp_path):
    # "Status: publish": one error for the typo; a post showing the gallery was then told
    # that gallery.md "says Status: draft", which it does not
    content = _draft_gallery_site(tmp_path)
    sidecar = content / "galleries" / "launch" / "gallery.md"
    sidecar.write_text(sidecar.read_text().replace("Status: draft", "Status: publish"))
    (content / "posts" / "live.md").write_text(_post("live", 6, "Gallery: launch\n"))
    _, log = build(tmp_path, content, name="typo")
    said = [m for _, m in log if "launch" in m]
    assert any("Status must be one of" in m and "(did you mean 'published'?)" in m for m in said)
    assert not [m for m in said if "says Status: draft" in m], said
    assert any("says Status: publish)" in m for m in said), said


def test_a_sidecar_the_reader_refuses_keeps_its_captions_and_alt_text(tmp_path):
    # "Date: 05-12-2026" is refused (which way round?): one error for it, not one false
    # "has no alt text" per photo, and the photos keep what gallery.md says of them
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    for name in ("a.jpg", "b.jpg"):
        photo(content / "galleries" / "fair" / name, 1, size=(300, 200))
    (content / "galleries" / "fair" / "gallery.md").write_text(
        "Title: The fair\nDate: 05-12-2026\n"
        "Photo: a.jpg | The stalls | Rows of stalls\nPhoto: b.jpg | The band | A brass band\n"
    )
    site, log = build(tmp_path, content, name="refused")
    problems = [m for lvl, m in log if lvl in ("WARNING", "ERROR") and "fair" in m]
    problems = [m for m in problems if "GPS position" not in m]  # photo() writes one
    assert len(problems) == 1 and "either way round" in problems[0], problems
    alts = [img["alt"] for img in site.soup("galleries/fair/").select(".gallery img")]
    assert alts == ["Rows of stalls", "A brass band"]


def test_a_photo_line_naming_an_exiftool_backup_is_one_line_saying_what_to_write(tmp_path):
    # "Photo: b.jpg_original": the backups are left out of the gallery, so the line was told
    # the file "is not in" a folder that holds it, and b.jpg lost its caption and alt text
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    fair = content / "galleries" / "fair"
    for name in ("a.jpg", "b.jpg", "b.jpg_original"):
        photo(fair / name, 1, size=(300, 200))
    (fair / "gallery.md").write_text(
        "Title: The fair\nDate: 2025-05-02\n"
        "Photo: a.jpg | The stalls | Rows of stalls\n"
        "Photo: b.jpg_original | The band | A brass band\n"
    )
    site, log = build(tmp_path, content, name="backup-named")
    said = [(lvl, m) for lvl, m in log if "gallery.md" in m and "fair" in m]
    assert said == [
        (
            "ERROR",
            f"{content.name}/galleries/fair/gallery.md: line 4: Photo 'b.jpg_original' is a "
            "backup exiftool made (the photo as it was before exiftool changed it, GPS "
            "position included), never published: write 'Photo: b.jpg | The band | A brass "
            "band'",
        )
    ]
    assert not [m for _, m in log if "fair/b.jpg: has no alt text" in m]
    files = [img["src"] for img in site.soup("galleries/fair/").select(".gallery img")]
    assert len(files) == 2 and not [f for f in files if "_original" in f]


def test_a_gallery_in_another_language_than_the_page_is_marked(tmp_path):
    # a Czech post showing the English offsite gallery: English read in a Czech voice
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    photo(content / "galleries" / "offsite" / "a.jpg", 1, size=(600, 400))
    (content / "galleries" / "offsite" / "gallery.md").write_text(
        "Title: The offsite\nPhoto: a.jpg | The hills. | Green hills\n", encoding="utf-8"
    )
    photo(content / "galleries" / "amman" / "a.jpg", 1, size=(600, 400))
    (content / "galleries" / "amman" / "gallery.md").write_text(
        "Title: عمّان\nLang: ar\nPhoto: a.jpg | اللويبدة | تلال\n", encoding="utf-8"
    )
    posts = content / "posts"
    (posts / "kurzy.md").write_text(_post("kurzy", 3, "Lang: cs\nGallery: offsite\n"))
    (posts / "amman.md").write_text(_post("amman", 4, "Gallery: amman\n"))
    site, _ = build(tmp_path, content)
    czech = site.soup("cs/posts/kurzy/").select_one("section.gallery")
    assert czech.select_one(".gallery__title")["lang"] == "en"
    assert czech.select_one(".gallery__grid")["lang"] == "en"
    assert not czech.select_one(".gallery__grid").has_attr("dir")  # both left to right
    arabic = site.soup("posts/amman/").select_one("section.gallery")
    grid = arabic.select_one(".gallery__grid")
    assert (grid["lang"], grid["dir"]) == ("ar", "rtl")
    assert not arabic.has_attr("lang")  # "1 photo", "Open the gallery page": the page's words
    own = site.soup("galleries/amman/")
    assert (own.select_one("h1")["lang"], own.select_one("h1")["dir"]) == ("ar", "rtl")
    english = site.soup("galleries/offsite/")  # the site's language: nothing to mark but
    # the Czech post that shows it, under "Read about it"
    assert [(e.name, e["lang"]) for e in english.select("main [lang]")] == [("li", "cs")]


def test_a_post_in_another_language_under_read_about_it_is_marked(tmp_path):
    """A gallery page lists the posts that show it; a translation among them was read in the
    page's voice (no lang): each item is marked with its post's language, as lists are."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    photo(content / "galleries" / "party" / "a.jpg", 1, size=(600, 400))
    (content / "galleries" / "party" / "gallery.md").write_text(
        "Title: The party\nPhoto: a.jpg | The hall. | A hall\n", encoding="utf-8"
    )
    posts = content / "posts"
    (posts / "party.md").write_text(_post("party", 3, "Gallery: party\n"))
    (posts / "party.fr.md").write_text(_post("party", 4, "Lang: fr\nGallery: party\n"))
    (posts / "hafla.md").write_text(_post("hafla", 5, "Lang: ar\nGallery: party\n"))
    site, _ = build(tmp_path, content)
    items = {
        li.a["href"].removeprefix(TEST_SITEURL): li
        for li in site.soup("galleries/party/").select(".gallery-page__posts li")
    }
    assert set(items) == {"/posts/party/", "/fr/posts/party/", "/ar/posts/hafla/"}
    assert not items["/posts/party/"].has_attr("lang")  # the page's language
    assert items["/fr/posts/party/"]["lang"] == "fr"
    assert not items["/fr/posts/party/"].has_attr("dir")
    assert (items["/ar/posts/hafla/"]["lang"], items["/ar/posts/hafla/"]["dir"]) == ("ar", "rtl")


def test_a_link_to_a_draft_gallerys_photo_is_a_link_to_a_draft(tmp_path, caplog):
    # a published post's {static} and {attach} links published the draft gallery's originals
    # with no line, and a relative link was told to write {attach}, which publishes one too
    content = _draft_gallery_site(tmp_path)
    photo(content / "galleries" / "launch" / "b.jpg", 1, size=(600, 400))
    photo(content / "galleries" / "launch" / "c.jpg", 1, size=(600, 400))
    body = (
        "[full size]({static}/galleries/launch/a.jpg), "
        "[download]({attach}../galleries/launch/b.jpg), [relative](../galleries/launch/c.jpg)\n"
    )
    (content / "posts" / "live.md").write_text(_post("live", 6, body=body))
    caplog.set_level(logging.WARNING)
    build(tmp_path, content, name="dev")
    said = [m for m in caplog.messages if m.startswith("content/posts/live.md")]
    assert len(said) == 3, said
    for link in ("{static}/galleries/launch/a.jpg", "{attach}../galleries/launch/b.jpg"):
        assert (
            f"content/posts/live.md: line 8: the link {link} points at content/galleries/launch/"
            f"{link[-5:]}, a photo of the gallery 'launch', a draft (content/galleries/launch/ "
            "says Status: draft): published pages cannot link to it (publish the gallery "
            "first, or remove the link)"
        ) in said
    assert not [m for m in said if "write {attach}" in m], said
    assert any("c.jpg is a photo of the gallery 'launch', a draft" in m for m in said), said
    caplog.clear()
    with pytest.raises(SystemExit):
        run_pelican(PUBLISH_CONF, content, tmp_path / "pub", SITEURL=TEST_SITEURL, **SMALL)
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len([m for m in errors if m.startswith("content/posts/live.md")]) == 3, errors
    published = {p.name for p in (tmp_path / "pub").rglob("*.jpg")}
    assert not {"a.jpg", "b.jpg", "c.jpg"} & published, published


def test_a_relative_link_to_a_gallery_photo_is_told_to_show_the_gallery(tmp_path, caplog):
    content = _draft_gallery_site(tmp_path)
    sidecar = content / "galleries" / "launch" / "gallery.md"
    sidecar.write_text(sidecar.read_text().replace("Status: draft\n", ""))
    (content / "posts" / "live.md").write_text(
        _post("live", 6, body="[big](../galleries/launch/a.jpg)\n")
    )
    caplog.set_level(logging.WARNING)
    build(tmp_path, content, name="dev")
    said = [m for m in caplog.messages if m.startswith("content/posts/live.md")]
    assert said == [
        "content/posts/live.md: line 8: the link ../galleries/launch/a.jpg is relative, and "
        "content/galleries/launch/a.jpg is a photo of the gallery 'launch', which publishes its "
        "photos as renditions, not as they are: show the gallery with {gallery}launch on a line "
        "of its own (each photo opens full size), or link its page"
    ], said


def test_a_photo_written_from_the_sites_root_is_a_picture_like_a_static_one(tmp_path):
    # ![A lamp](/images/lamp.jpg) (Jekyll's and Hugo's way) was a plain <img> of the full-size
    # original: no renditions, no width and height. Pelican publishes content/images/lamp.jpg
    # at that address, so it is that file, shown as {static}/images/lamp.jpg is.
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    photo(content / "images" / "lamp.jpg", 6, size=(600, 400))  # GPS, stored sideways
    photo(content / "galleries" / "trip" / "hill.jpg", 1, size=(600, 400))
    photo(content / "posts" / "desk.jpg", 1, size=(600, 400))  # no static folder publishes it
    body = (
        "![A lamp](/images/lamp.jpg)\n\n"
        '<img src="/images/lamp.jpg" alt="The lamp again">\n\n'
        "![A hill](/galleries/trip/hill.jpg)\n\n"
        "![A desk](/posts/desk.jpg)\n"
    )
    (content / "posts" / "lamp.md").write_text(_post("lamp", 6, body=body))
    site, _ = build(tmp_path, content, name="root")
    article = site.soup("posts/lamp/").select_one(".post-content")
    pictures = article.select("picture.post-picture")
    assert [p.img["alt"] for p in pictures] == ["A lamp", "The lamp again"]
    for picture in pictures:
        assert picture.select_one("source[type='image/webp']") is not None
        assert (int(picture.img["width"]), int(picture.img["height"])) == (300, 200)  # fitted
        for tag in picture.select("source, img"):
            for candidate in tag["srcset"].split(","):
                path = unquote(urlsplit(candidate.split()[0]).path)[1:]
                assert path.startswith("renditions/images/lamp-")
                assert_no_metadata(site.output / path)
    # a gallery's photo and a file no static folder publishes are not the site's files there:
    # left as written (a gallery publishes renditions only; blogcore's link check names both)
    left = {img["alt"]: img["src"] for img in article.select("img:not(picture img)")}
    assert left == {"A hill": "/galleries/trip/hill.jpg", "A desk": "/posts/desk.jpg"}
    assert not (site.output / "galleries" / "trip" / "hill.jpg").exists()
    assert not list((site.output / "renditions" / "images").glob("hill-*"))
    # the original a reader may still open at /images/lamp.jpg is the cleaned copy
    assert_no_metadata(site.output / "images" / "lamp.jpg")
    with Image.open(content / "images" / "lamp.jpg") as source:
        assert source.getexif().get_ifd(GPS)  # the test would prove nothing otherwise


def test_an_icon_with_a_transparent_background_keeps_it_in_every_rendition(tmp_path):
    # a palette PNG with a transparent colour (a red dot icon) had a JPEG fallback on white: a
    # white square on a dark page; WebP kept the transparency
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    icon = Image.new("P", (25, 25), 0)
    icon.putpalette([0, 0, 0, 220, 30, 30])
    ImageDraw.Draw(icon).ellipse((2, 2, 22, 22), fill=1)
    icon.save(content / "images" / "dot.png", transparency=0)
    photo(content / "images" / "opaque.png", 1, size=(300, 200), fmt="PNG")
    body = "![A red dot](/images/dot.png)\n\n![Four squares]({static}/images/opaque.png)\n"
    (content / "posts" / "dot.md").write_text(_post("dot", 7, body=body))
    site, _ = build(tmp_path, content, name="dot")
    dot, opaque = site.soup("posts/dot/").select(".post-content picture.post-picture")
    fallback = unquote(urlsplit(dot.img["src"]).path)[1:]
    assert fallback.endswith(".png")
    webp = unquote(urlsplit(dot.source["srcset"].split()[0]).path)[1:]
    for path in (fallback, webp):
        with Image.open(site.output / path) as image:
            rgba = image.convert("RGBA")
            assert rgba.size == (25, 25)
            assert rgba.getpixel((0, 0))[3] == 0  # the corner shows the page through
            assert rgba.getpixel((12, 12))[3] == 255
    assert_no_metadata(site.output / fallback)
    # a picture with nothing transparent keeps its JPEG fallback
    assert opaque.img["src"].endswith(".jpg")


def _gallery_dated(tmp_path, date: str) -> Path:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    photo(content / "galleries" / "later" / "a.jpg", 1, size=(600, 400))
    (content / "galleries" / "later" / "gallery.md").write_text(
        f"Title: Later party\nDate: {date}\nPhoto: a.jpg | A | An a\n"
    )
    return content


def test_a_future_gallery_is_scheduled_and_says_when(tmp_path):
    # it was "Draft — not published", with no date and no line, in a build and a publish
    content = _gallery_dated(tmp_path, "2099-01-02 09:00")
    site, log = build(tmp_path, content, name="dev")
    banner = site.soup("galleries/later/").select_one(".draft-banner")
    assert "draft-banner--scheduled" in banner["class"]
    said = " ".join(banner.get_text().split())
    assert said.startswith("Scheduled — goes live with the first publish after"), said
    assert said.endswith("09:00 (Europe/London)"), said
    assert banner.select_one("time")["datetime"].startswith("2099-01-02T09:00")
    assert [m for m in messages(log, "INFO") if "later/gallery.md: scheduled:" in m] == [
        "content/galleries/later/gallery.md: scheduled: its Date is 2099-01-02 09:00 "
        "(Europe/London), so it is previewed at /galleries/later/ until then; the first "
        "publish after that time puts it live"
    ]
    published, log = build(tmp_path, content, conf=PUBLISH_CONF, name="pub")
    assert not published.exists("galleries/later/")
    assert [m for m in messages(log, "INFO") if "later/gallery.md: scheduled:" in m] == [
        "content/galleries/later/gallery.md: scheduled: its Date is 2099-01-02 09:00 "
        "(Europe/London), so it is left out of this build until then; the first publish "
        "after that time puts it live"
    ]


def test_a_gallery_date_gets_the_post_rules_weekday_and_clock_change_lines(tmp_path):
    # 29 March 2026 is a Sunday, and London skips 01:30 that night: both passed silently
    content = _gallery_dated(tmp_path, "Monday 29 March 2026 01:30")
    _, log = build(tmp_path, content, name="dev")
    said = [m for m in messages(log, "WARNING") if m.startswith("content/galleries/later/")]
    assert len(said) == 2, said
    assert "Date says Monday, but 29 March 2026 is a Sunday" in said[0]
    assert "or write it without the weekday (2026-03-29 01:30)" in said[0]
    assert "Date 2026-03-29 01:30 does not exist in Europe/London" in said[1]
    with pytest.raises(SystemExit):  # a publish of the gallery: errors, as a post's
        build(tmp_path, content, conf=PUBLISH_CONF, name="pub")


@pytest.mark.parametrize("conf", [DEV_CONF, PUBLISH_CONF], ids=["development", "publish"])
def test_with_future_dates_a_gallery_dated_ahead_is_published_as_a_post_is(tmp_path, conf):
    # WITH_FUTURE_DATES = True published the post dated ahead, but the gallery was withheld
    # (publish) or previewed under a "Scheduled" banner (development), and named as scheduled
    content = _gallery_dated(tmp_path, "2099-01-02 09:00")
    (content / "posts" / "ahead.md").write_text(
        POST.format(
            title="Ahead", day=5, slug="ahead", extra="Gallery: later\n", body="Words."
        ).replace("2025-05-05", "2099-01-02"),
        encoding="utf-8",
    )
    site, log = build(tmp_path, content, conf=conf, WITH_FUTURE_DATES=True)
    assert site.soup("posts/ahead/").select_one(".draft-banner") is None
    page = site.soup("galleries/later/")
    assert page.select_one(".draft-banner") is None
    assert page.select_one('meta[name=robots][content="noindex"]') is None
    cards = site.soup("galleries/").select(".gallery-card__title")
    assert [card.get_text(strip=True) for card in cards] == ["Later party"]
    assert site.soup("posts/ahead/").select_one("section.gallery") is not None
    assert not [m for lvl, m in log if "scheduled:" in m or lvl in ("ERROR", "CRITICAL")]


def _soon(content: Path, sidecar: str, photos: tuple[str, ...]) -> Path:
    """The fixture site in ``content`` with a gallery 'soon' of these photos and sidecar."""
    shutil.copytree(FIXTURES / "site", content)
    for name in photos:
        photo(content / "galleries" / "soon" / name, 1, size=(200, 100))
    (content / "galleries" / "soon" / "gallery.md").write_text(sidecar)
    return content


def _published_withheld(tmp_path: Path, content: Path) -> list:
    """A publish of a site whose gallery 'soon' is withheld: it goes through, without the
    gallery; its log."""
    published, log = build(tmp_path, content, conf=PUBLISH_CONF, name="pub")
    assert not published.exists("galleries/soon/")
    assert not [m for lvl, m in log if lvl in ("ERROR", "CRITICAL")]
    return log


@pytest.mark.parametrize("held", ["Status: draft", "Date: 2099-01-02"], ids=["draft", "future"])
def test_a_withheld_gallerys_photo_without_alt_text_is_a_warning_in_a_publish(tmp_path, held):
    # nothing of the gallery is published, yet GALLERY_REQUIRE_ALT (publishconf.py) made its
    # photo without alt text an error and the publish stopped: a draft post's is a warning.
    # A folder of its own: Pelican says a line once per process, and messages name it
    content = _soon(
        tmp_path / f"withheld-{held[0]}",
        f"Title: Soon\n{held}\nPhoto: b.jpg | B | A b\nPhoto: c.jpg | C | A c\n",
        ("a.jpg", "b.jpg"),
    )
    log = _published_withheld(tmp_path, content)
    said = [m for lvl, m in log if lvl == "WARNING" and "galleries/soon/" in m]
    assert any(m.startswith(f"{content.name}/galleries/soon/a.jpg: has no alt") for m in said)
    assert any("Photo 'c.jpg' is not in" in m for m in said), said
    # published, the same gallery still stops the publish (test_publish_requires_alt_when_asked)
    sidecar = content / "galleries" / "soon" / "gallery.md"
    sidecar.write_text(sidecar.read_text().replace(held + "\n", ""))
    with pytest.raises(SystemExit):
        build(tmp_path, content, conf=PUBLISH_CONF, name="pub-out")


@pytest.mark.parametrize(
    "held",
    [
        "Title: Soon <!-- blur the whiteboard\nStatus: draft\n",
        "Title: Soon <!-- blur the whiteboard\nDate: 2099-01-02\n",
        "Title: Soon\nStatus: draft\n",
        "Title: Soon\nDate: 2099-01-02\n",
        "Title: Soon\nDraft: true\n",  # Hugo's, read as Status: draft
    ],
    ids=["draft-key", "future-key", "draft-text", "future-text", "hugo-draft-text"],
)
def test_a_withheld_gallerys_unclosed_comment_is_a_warning_in_a_publish(tmp_path, held):
    # a comment never closed in a draft or future gallery's gallery.md stopped the publish,
    # though nothing of it is published: a draft post's is a warning. A folder of its own
    # each: Pelican says a line once per process
    name = f"withheld-comment-{sum(map(ord, held))}"
    body = "" if "<!--" in held else "\nThe party. <!-- ask before naming anyone\n"
    content = _soon(tmp_path / name, f"{held}Photo: a.jpg | A | An a\n{body}", ("a.jpg",))
    log = _published_withheld(tmp_path, content)
    said = [m for lvl, m in log if lvl == "WARNING" and "never closed" in m]
    assert said and all(m.startswith(f"{name}/galleries/soon/gallery.md: line") for m in said)
    # published, it still stops the publish
    sidecar = content / "galleries" / "soon" / "gallery.md"
    kept = [line for line in held.splitlines(keepends=True) if line.startswith("Title")]
    sidecar.write_text(sidecar.read_text().replace(held, "".join(kept)))
    with pytest.raises(SystemExit):
        build(tmp_path, content, conf=PUBLISH_CONF, name="pub-out")


@pytest.mark.parametrize(
    ("conf", "level"), [(DEV_CONF, "ERROR"), (PUBLISH_CONF, "ERROR")], ids=["dev", "publish"]
)
def test_an_unclosed_comment_in_a_gallery_key_line_is_one_line(tmp_path, conf, level):
    # the reader named it for the key and the gallery's parser for its line, in the same
    # words (a warning and an error in development): Pelican's filter of repeats kept both
    name = f"key-comment-{'pub' if conf is PUBLISH_CONF else 'dev'}"
    sidecar = "Title: Soon <!-- blur the whiteboard\nPhoto: a.jpg | A | An a\n\nThe trip.\n"
    content = _soon(tmp_path / name, sidecar, ("a.jpg",))
    collector = Collector()
    logging.getLogger().addHandler(collector)
    try:
        with contextlib.suppress(SystemExit):  # a publish stops on it: the gallery is out
            build(tmp_path, content, conf=conf, name="out")
    finally:
        logging.getLogger().removeHandler(collector)
    said = [(lvl, m) for lvl, m in collector.records if "never closed" in m]
    assert said == [
        (
            level,
            f"{name}/galleries/soon/gallery.md: line 1: this comment is never closed: "
            "everything after it would be published; close it with -->",
        )
    ]


def test_a_gallerys_own_timezone_places_its_date(tmp_path):
    # Timezone was 'unknown key ... is ignored', and the Date was read in London's time
    content = _gallery_dated(tmp_path, "2024-06-01 23:30\nTimezone: America/New_York")
    site, log = build(tmp_path, content, name="dev")
    assert not [m for m in messages(log, "WARNING") if "later/gallery.md" in m]
    when = site.soup("galleries/later/").select_one(".gallery-page__meta time")
    assert when["datetime"] == "2024-06-01T23:30:00-04:00"
    # the clock-change lines read the gallery's zone: New York skips 02:30 on 10 March 2024
    content = _gallery_dated(tmp_path / "skip", "2024-03-10 02:30\nTimezone: America/New_York")
    _, log = build(tmp_path / "skip", content, name="dev")
    (line,) = [m for m in messages(log, "WARNING") if "later/gallery.md" in m]
    assert "Date 2024-03-10 02:30 does not exist in America/New_York" in line


def test_a_gallery_timezone_no_database_knows_is_one_line(tmp_path):
    content = _gallery_dated(tmp_path, "2024-06-01\nTimezone: America/New_Yrok")
    _, log = build(tmp_path, content, name="dev")
    # Pelican's own reading of the file stopped on it: "could not be read ('No time zone
    # found with key America/New_Yrok'); skipped"
    said = [f"{lvl} {m}" for lvl, m in log if "later/gallery.md" in m and lvl != "INFO"]
    assert said == [
        "ERROR content/galleries/later/gallery.md: Timezone must be a time zone name such as "
        "'America/New_York' or 'UTC', got 'America/New_Yrok' (did you mean 'America/New_York'?)"
    ]


def _plans(description: str) -> dict[str, str | bytes]:
    """A gallery of one photo, two PDFs and a text file, with this description."""
    hall = io.BytesIO()
    Image.new("RGB", (120, 80), "green").save(hall, "JPEG")
    return {
        "galleries/plans/gallery.md": "Title: Plans\nDate: 2025-05-02\n"
        f"Photo: p1.jpg | The hall | An empty hall\n\n{description}\n",
        "galleries/plans/p1.jpg": hall.getvalue(),
        "galleries/plans/plan.pdf": b"%PDF-1.4\n%plan\n",
        "galleries/plans/menu.pdf": b"%PDF-1.4\n%menu\n",
        "galleries/plans/notes.txt": "not a photo, and linked by nothing",
    }


def test_a_file_the_description_links_is_published_not_skipped(build_site, caplog):
    # a PDF in a gallery's folder that its description links to is published (Pelican copies
    # what a {static} link names), yet was named "is not a photo ...; skipped"
    caplog.set_level(logging.INFO)
    files = _plans("The [floor plan]({static}plan.pdf) and the [menu]({attach}menu.pdf).")
    site = build_site(files, publish=True, name="gallery-downloads")
    for name in ("plan.pdf", "menu.pdf"):
        assert site.exists(f"galleries/plans/{name}"), name
        link = site.soup("galleries/plans/").select_one(f"a[href$='/galleries/plans/{name}']")
        assert link is not None, name
    said = [m for m in caplog.messages if m.startswith("gallery-downloads/galleries/plans/")]
    assert [m for m in said if "not a photo" in m] == [
        "gallery-downloads/galleries/plans/notes.txt: is not a photo this gallery can show "
        "(use JPEG, PNG, WebP, AVIF, TIFF or HEIC); skipped"
    ]


def test_a_file_a_page_or_a_post_links_in_a_gallery_folder_is_not_skipped(build_site, caplog):
    # a page is read after the galleries: its {static} PDF in a gallery's folder, published
    # all the same, was named "is not a photo ...; skipped"
    caplog.set_level(logging.INFO)
    files = {
        **_plans("The plans."),
        "pages/venue.md": "Title: Venue\n\nThe [floor plan]({static}/galleries/plans/plan.pdf).\n",
        "posts/menu.md": "Title: Menu\nDate: 2025-05-03\nCategory: Notes\nAuthor: Ada Byrne\n\n"
        "The [menu]({static}/galleries/plans/menu.pdf).\n",
    }
    site = build_site(files, publish=True, name="gallery-page-links")
    assert site.exists("galleries/plans/plan.pdf") and site.exists("galleries/plans/menu.pdf")
    said = [m for m in caplog.messages if m.startswith("gallery-page-links/galleries/plans/")]
    assert [m for m in said if "not a photo" in m] == [
        "gallery-page-links/galleries/plans/notes.txt: is not a photo this gallery can show "
        "(use JPEG, PNG, WebP, AVIF, TIFF or HEIC); skipped"
    ]
