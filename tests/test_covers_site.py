"""Covers in a real build of the fixture site: cards, the featured post, og:image on every page
kind, and one clear line for each bad Cover: key while the rest of the site builds."""

import io
import logging
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from tests.conftest import DEV_CONF, FIXTURES, TEST_SITEURL, Site, run_pelican

SMALL = {
    "COVERS_WIDTHS": (120, 240),
    "GALLERY_WIDTHS": (100, 200),
    "GALLERY_POST_IMAGE_WIDTHS": (120, 240),
}
DEFAULT = "images/social-card.png"


def _jpeg(size=(320, 180), colour=(160, 60, 20)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


def _post(slug: str, day: int, extra: str = "", body: str = "Words about the day.") -> str:
    return (
        f"Title: {slug.replace('-', ' ').title()}\nDate: 2025-07-{day:02d} 10:00\n"
        f"Category: Company\nAuthor: Ada Byrne\nSlug: {slug}\nSummary: A post.\n{extra}\n{body}\n"
    )


POSTS = {
    # newest: the featured post on the home page
    "with-key": (20, "Cover: images/cover.jpg\nSeries: Covers\n", "![A lamp]({static}/images/lamp.svg)"),  # noqa: E501
    "with-photo": (19, "", "Text.\n\n![A photo of a hall]({static}/images/photo.png)"),
    "with-gallery": (18, "Gallery: trip\n", "Words."),
    "missing-cover": (17, "Cover: images/nope.jpg\n", "Words."),
    "broken-cover": (16, "Cover: images/broken.jpg\n", "Words."),
    "bad-path": (15, "Cover: https://example.org/x.jpg\n", "Words."),
    "svg-cover": (14, "Cover: {static}/images/lamp.svg\n", "Words."),
}  # fmt: skip


class Collector(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.lines: list[tuple[str, str]] = []

    def emit(self, record):
        self.lines.append((record.levelname, record.getMessage()))


def make_content(root: Path) -> Path:
    content = root / "content"
    shutil.copytree(FIXTURES / "site", content)
    (content / "images" / "cover.jpg").write_bytes(_jpeg())
    Image.new("RGB", (300, 200), (30, 90, 100)).save(content / "images" / "photo.png")
    (content / "images" / "broken.jpg").write_bytes(_jpeg()[:200])  # cut short
    Image.new("RGB", (1200, 630), (251, 247, 241)).save(content / DEFAULT)
    trip = content / "galleries" / "trip"
    trip.mkdir(parents=True)
    (trip / "view.jpg").write_bytes(_jpeg((300, 200), (80, 110, 40)))
    (trip / "gallery.md").write_text(
        "Title: The trip\nDate: 2025-05-02\nCover: view.jpg\nPhoto: view.jpg | The view | Hills\n",
        encoding="utf-8",
    )
    for slug, (day, extra, body) in POSTS.items():
        (content / "posts" / f"{slug}.md").write_text(_post(slug, day, extra, body), "utf-8")
    return content


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("covers")
    content = make_content(root)
    collector = Collector()
    logging.getLogger().addHandler(collector)
    try:
        run_pelican(
            DEV_CONF,
            content,
            root / "out",
            SITEURL=TEST_SITEURL,
            FEED_DOMAIN=TEST_SITEURL,
            BLOGCORE_DEFAULT_IMAGE=DEFAULT,
            DEFAULT_PAGINATION=20,
            **SMALL,
        )
    finally:
        logging.getLogger().removeHandler(collector)
    return Site(output=root / "out", content=content, siteurl=TEST_SITEURL), collector.lines


@pytest.fixture(scope="module")
def site(built) -> Site:
    return built[0]


def og_image(soup: BeautifulSoup) -> str:
    tag = soup.select_one('meta[property="og:image"]')
    assert tag is not None
    return tag["content"]


def card(site: Site, slug: str):
    for article in site.soup("/").select("article.post-card"):
        if article.h2.a["href"].endswith(f"/posts/{slug}/"):
            return article
    raise AssertionError(f"no card for {slug}")


@pytest.mark.parametrize(
    ("slug", "cover"),
    [
        ("with-key", "renditions/images/cover-"),
        ("with-photo", "renditions/images/photo-"),
        ("with-gallery", "renditions/galleries/trip/view-"),
        ("missing-cover", None),
        ("broken-cover", None),
        ("bad-path", None),
        ("svg-cover", None),
        ("first-light", None),  # its only image is an SVG diagram
    ],
)
def test_each_post_gets_its_cover_or_none_and_the_social_image_follows(site, slug, cover):
    page = site.soup(f"posts/{slug}/")
    image = og_image(page)
    twitter = page.select_one('meta[name="twitter:card"]')["content"]
    assert twitter == "summary_large_image"
    img = card(site, slug).select_one(".post-card__cover img")
    if cover is None:
        assert img is None
        assert "post-card--text" in card(site, slug)["class"]
        assert image == f"{TEST_SITEURL}/{DEFAULT}"  # never an SVG, never a placeholder
    else:
        assert img is not None
        assert image.startswith(f"{TEST_SITEURL}/{cover}") and image.endswith(".jpg")
        assert page.select_one('meta[property="og:image:width"]')["content"].isdigit()
        assert cover in img["src"]


@pytest.mark.parametrize(
    ("slug", "shown"),
    [
        ("with-key", True),  # a Cover: picture is not in the text: shown above it
        ("with-photo", False),  # already the text's first picture: not twice
        ("with-gallery", False),  # the gallery below shows it
        ("missing-cover", False),
    ],
)
def test_the_article_shows_a_cover_key_picture_above_its_text(site, slug, shown):
    page = site.soup(f"posts/{slug}/")
    pictures = page.select("article.post > picture.post-cover")
    assert len(pictures) == (1 if shown else 0)
    if shown:
        img = pictures[0].img
        assert "renditions/images/cover-" in img["src"]
        assert img["width"].isdigit() and img["height"].isdigit() and img["alt"] == ""
        assert img["loading"] == "eager"  # the top of the page
        # between the header and the text
        assert pictures[0].find_previous_sibling("header", class_="post-header") is not None
        assert pictures[0].find_next_sibling(class_="post-content") is not None


def test_cards_images_have_their_size_and_only_the_featured_one_is_eager(site):
    home = site.soup("/")
    cards = home.select("main article.post-card")
    assert "post-card--featured" in cards[0]["class"]
    assert cards[0].h2.a["href"] == f"{TEST_SITEURL}/posts/with-key/"
    for img in home.select("main article.post-card img"):
        assert img["width"].isdigit() and img["height"].isdigit(), img
    covers = home.select("main .post-card__cover img")
    assert len(covers) == 3
    assert covers[0]["loading"] == "eager"
    assert all(c["loading"] == "lazy" for c in covers[1:])
    assert all(c["alt"] == "" for c in covers)  # decorative: the title is beside it
    # the link around a cover is not a second tab stop with no name
    for link in home.select("main a.post-card__media"):
        assert link["tabindex"] == "-1" and link["aria-hidden"] == "true"
    # listings other than the home page feature nothing
    tag = site.soup("category/company/")
    assert tag.select("article.post-card--cover")
    assert not tag.select("article.post-card--featured")
    assert not tag.select('.post-card__cover img[loading="eager"]')


def test_every_page_kind_has_an_absolute_og_image(site):
    kinds = [
        "",
        "posts/with-key/",
        "posts/ranges/",
        "about/",
        "tag/news/",
        "category/company/",
        "team/",
        "team/ada-byrne/",
        "archives/",
        "tag/",
        "category/",
        "galleries/",
        "galleries/trip/",
        "series/",
        "series/covers/",
        "search/",
        "404.html",
    ]
    every = [f.relative_to(site.output).as_posix() for f in site.files(".html")]
    assert set(k if k.endswith(".html") else k + "index.html" for k in kinds) <= set(every)
    for relpath in every:
        soup = site.soup(relpath)
        tags = soup.select('meta[property="og:image"]')
        assert len(tags) == 1, relpath
        assert tags[0]["content"].startswith(f"{TEST_SITEURL}/"), relpath
        assert len(soup.select('meta[name="twitter:card"]')) == 1, relpath


def test_bad_cover_keys_are_one_line_each_and_the_site_builds(built):
    site, lines = built
    errors = [m for level, m in lines if level in ("ERROR", "CRITICAL")]
    assert not any("Traceback" in m for _, m in lines)
    for slug in ("missing-cover", "broken-cover", "bad-path", "svg-cover"):
        named = [m for m in errors if f"posts/{slug}.md" in m]
        assert len(named) == 1, (slug, errors)
        assert "Cover" in named[0] and "content-" not in named[0]
        assert site.exists(f"posts/{slug}/")
    assert not [m for m in errors if "broken.jpg" in m and "posts/broken-cover.md" not in m]
    missing = next(m for m in errors if "posts/missing-cover.md" in m)
    assert missing.endswith(
        "Cover 'images/nope.jpg' names no file (looked for content/images/nope.jpg)"
    )


def test_a_summary_holding_the_cover_shows_its_text_on_cards_and_one_line(build_site, caplog):
    # an old Pelican theme's thumbnail (Summary: ![KTec](/images/ktec.jpg) A few weeks…): the
    # picture sat full size in the card beside itself as the cover, and in related reading;
    # a picture of the Summary that is not the cover (an SVG) is left as written
    caplog.set_level(logging.WARNING)
    head = "Title: At Ktec\nDate: 2025-07-01 10:00\nCategory: Company\nAuthor: Ada Byrne\n"
    summary = (
        "Summary: [![KTec](/images/ktec.jpg)](https://example.org/k) A visit to a "
        "[school](https://example.org/s). ![a lamp]({static}/images/lamp.svg)\n"
    )
    body = "\n![KTec]({static}/images/ktec.jpg)\n\nThe visit.\n"
    site = build_site({"posts/ktec.md": head + summary + body, "images/ktec.jpg": _jpeg()})
    card = next(c for c in site.soup("").select(".post-card") if "A visit" in c.get_text())
    assert "ktec" in card.select_one(".post-card__cover img")["src"]
    shown = card.select_one(".post-summary")
    assert [img["src"] for img in shown.select("img")] == [f"{TEST_SITEURL}/images/lamp.svg"]
    assert shown.select_one('a[href="https://example.org/k"]') is None  # no empty link
    assert shown.select_one('a[href="https://example.org/s"]').get_text() == "school"
    assert site.soup("posts/at-ktec/").select(".post-content img")  # the post keeps its own
    said = [m for m in caplog.messages if "Summary shows the post's cover" in m]
    assert said == [
        "content-0/posts/ktec.md: Summary shows the post's cover, /images/ktec.jpg, which every "
        "card on other pages shows beside the summary already: it is left out of the summary "
        "(cards, related reading, feeds); take it out of the Summary: line"
    ]


def test_a_cover_naming_no_file_names_the_content_folder_as_it_is_called(build_site, caplog):
    # a site whose content folder is not content/ was told "(looked for content/images/…)",
    # a folder it does not have; the post's own file was named right beside it
    caplog.set_level(logging.ERROR)
    post = _post("gone", 3, "Cover: images/nope.jpg\n")
    build_site({"posts/gone.md": post}, name="site-content-covers")
    said = [m for m in caplog.messages if m.startswith("site-content-covers/posts/gone.md")]
    assert said == [
        "site-content-covers/posts/gone.md: Cover 'images/nope.jpg' names no file (looked "
        "for site-content-covers/images/nope.jpg)"
    ]
