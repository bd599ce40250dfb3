"""The series plugin on a real fixture site: navigation, series pages, feeds, JSON-LD, safety."""

import gzip
import io
import json
import logging
import re
import xml.etree.ElementTree as ET

import pytest
from PIL import Image
from pillow_heif import register_heif_opener

from sitecheck.links import check_site
from tests.conftest import FIXTURES, TEST_SITEURL, _builder, iter_links

register_heif_opener()  # the tests write HEIC themselves, whatever the plugin does

ATOM = "{http://www.w3.org/2005/Atom}"
UNPUBLISHED_SLUGS = ("where-are-the-keys", "meeting-the-new-neighbours")
SECRETS = ("SECRETDRAFTSUMMARY", "SECRETDRAFTBODY", "SECRETFUTURESUMMARY", "SECRETFUTUREBODY")
DRAFT_TITLE = "Where are the keys"  # a draft part of "Moving house" (Series_index 3)
# a scheduled part (dated 2099, Series_index 4): quiet by default, as an embargoed post must be
SCHEDULED_TITLE = "Meeting the new neighbours"
SCHEDULED_DATES = ("1 May 2099", "2099-05-01", "May 1, 2099", "1 mai 2099")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return _builder(tmp_path_factory.mktemp("series-dev"))(fixture="series")


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    return _builder(tmp_path_factory.mktemp("series-pub"))(fixture="series", publish=True)


def nav(site, path):
    """The full series block, after the post (the compact line at its top is `line`)."""
    return site.soup(path).select_one("nav.series-nav:not(.series-nav--compact)")


def line(site, path):
    """The compact series line at the top of a part."""
    return site.soup(path).select_one("nav.series-nav--compact")


def test_part_shows_where_it_is(published):
    block = nav(published, "posts/the-van/")
    assert (
        block.select_one(".series-nav__eyebrow").get_text(strip=True) == "Part 2 of 5 in the series"
    )
    title = block.select_one(".series-nav__title a")
    assert title.get_text(strip=True) == "Moving house"
    assert title["href"] == f"{TEST_SITEURL}/series/moving-house/"
    items = block.select("ol.series-nav__parts > li")
    assert [li.get_text(" ", strip=True).split(" coming soon")[0] for li in items] == [
        "Packing up",
        "The van",
        "A postscript about plants",
        "Unpacking the last box",
        "What we would do differently",
    ]
    assert items[1].select_one("[aria-current=page]").get_text(strip=True) == "The van"
    linked = [li.a.get_text(strip=True) for li in items if li.a]
    assert linked == ["Packing up", "A postscript about plants"]
    assert "1 September 2099" in items[3].get_text()  # planned with a date
    assert items[3].select_one("time")["datetime"].startswith("2099-09-01")


def test_top_of_a_part_has_one_line_and_the_full_block_follows_the_post(published):
    soup = published.soup("posts/the-van/")
    top, full = line(published, "posts/the-van/"), nav(published, "posts/the-van/")
    content = soup.select_one("article.post .post-content")
    # the line sits between the header and the text; the full block after the text
    assert top.find_next_sibling("div", class_="post-content") is content
    assert full.find_previous_sibling("div", class_="post-content") is content
    assert top.select_one(".series-nav__line").get_text(" ", strip=True) == (
        "Part 2 of 5 · Moving house"
    )
    assert top.select_one("a.series-nav__name")["href"] == f"{TEST_SITEURL}/series/moving-house/"
    # the parts are one click away (a <details>: no JavaScript), listed as the full block lists them
    details = top.select_one("details.series-nav__more")
    assert details is not None and not details.has_attr("open")
    assert details.summary.get_text(strip=True) == "All parts"

    def parts(block):
        return [
            (li["class"][1], li.get_text(" ", strip=True), li.a["href"] if li.a else None)
            for li in block.select("ol.series-nav__parts > li")
        ]

    assert parts(top) == parts(full) and len(parts(top)) == 5
    # previous/next (rel) once, at the end; one id for the full block's title
    assert top.select("a[rel]") == []
    assert len(soup.select("a[rel=prev]")) == len(soup.select("a[rel=next]")) == 1
    assert len(soup.select("#series-nav-title")) == 1


def test_each_part_lists_the_parts_with_itself_current(published):
    """The list of parts is rendered once per page ({% memo %} in series_parts.html): every
    part's page lists the same parts, in its line and its block, with itself as the current one."""
    pages = {"Packing up": "posts/packing-up/", "The van": "posts/the-van/"}
    pages["A postscript about plants"] = "posts/a-postscript-about-plants/"
    for title, path in pages.items():
        for block in (line(published, path), nav(published, path)):
            items = block.select("ol.series-nav__parts > li")
            assert items[0].get_text(" ", strip=True) == "Packing up", path
            assert block.select_one("[aria-current=page]").get_text(strip=True) == title, path


def test_a_series_of_one_part_has_no_list_to_open(published):
    top = line(published, "posts/a-story-on-its-own/")
    assert "Part 1 of 1" in top.get_text()
    assert top.select_one("details") is None


def test_previous_and_next_skip_unpublished_parts(published):
    block = nav(published, "posts/the-van/")
    assert block.select_one("a[rel=prev]")["href"] == f"{TEST_SITEURL}/posts/packing-up/"
    assert (
        block.select_one("a[rel=next]")["href"]
        == f"{TEST_SITEURL}/posts/a-postscript-about-plants/"
    )
    first = nav(published, "posts/packing-up/")
    assert first.select_one("a[rel=prev]") is None
    last = nav(published, "posts/a-postscript-about-plants/")
    assert last.select_one("a[rel=next]") is None
    assert "Part 3 of 5" in last.get_text()


def test_no_unpublished_part_is_linked_or_leaked_anywhere(published):
    assert not (published.output / "drafts").exists()
    assert published.files(".pf_fragment"), "the search index was not built"
    # pages, feeds, the sitemap, JSON-LD and the search index: nothing of an unannounced
    # part, not even a scheduled part's title or date
    for file, text in _texts(published):
        for secret in (*SECRETS, DRAFT_TITLE, SCHEDULED_TITLE, *SCHEDULED_DATES):
            assert secret not in text, f"{secret} in {file}"
        if file.suffix == ".html":
            soup = published.soup(file.relative_to(published.output).as_posix())
            for url in iter_links(soup):
                assert not any(slug in url for slug in UNPUBLISHED_SLUGS), f"{file} links {url}"
    assert check_site(published.output, TEST_SITEURL) == []


def test_series_page(published):
    soup = published.soup("series/moving-house/")
    page = soup.select_one("article.series-page")
    assert page.select_one("h1").get_text(strip=True) == "Moving house"
    assert "3 of 5 published" in page.select_one(".series-page__progress").get_text()
    cover = page.select_one("img.series-page__cover")
    assert cover["src"] == f"{TEST_SITEURL}/images/cover.svg"
    assert cover["alt"] == "A cardboard box with a handle cut into its side"
    assert page.select_one(".series-page__intro img")["src"] == f"{TEST_SITEURL}/images/cover.svg"
    parts = page.select("ol.series-parts > li")
    assert [li.select_one(".series-part__number").get_text(strip=True) for li in parts] == [
        f"Part {n}" for n in range(1, 6)
    ]
    assert [li.h3.get_text(strip=True) for li in parts if li.h3.a] == [
        "Packing up",
        "The van",
        "A postscript about plants",
    ]
    assert parts[0].select_one(".series-part__summary").get_text(strip=True) == "Part one: boxes."
    assert parts[3].select_one(".series-part__summary") is None  # planned: nothing to sum up
    feed = soup.select_one('head link[rel=alternate][type="application/atom+xml"][href*="series"]')
    assert feed["href"] == f"{TEST_SITEURL}/feeds/series/moving-house.atom.xml"


def test_series_feed_has_published_parts_only(published):
    root = ET.fromstring(published.path("feeds/series/moving-house.atom.xml").read_bytes())
    assert root.findtext(f"{ATOM}title").endswith("Moving house")
    titles = [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")]
    assert titles == ["A postscript about plants", "The van", "Packing up"]


def test_series_index_and_footer_link(published):
    soup = published.soup("series/")
    names = [a.get_text(strip=True) for a in soup.select(".series-card h2 a")]
    assert names == ["Solo story", "Moving house"]  # most recently updated first
    assert "3 of 5 parts published" in soup.select(".series-card")[1].get_text()
    assert published.soup("/").select_one(f'footer a[href="{TEST_SITEURL}/series/"]')


def test_post_cards_say_which_part(published):
    cards = published.soup("/").select("article.post-card")
    labels = {c.h2.get_text(strip=True): c.select_one(".post-card__series") for c in cards}
    assert labels["The van"].get_text(strip=True) == "Part 2 of 5 · Moving house"
    assert labels["Unrelated news"] is None


def test_json_ld_is_part_of(published):
    data = json.loads(
        published.soup("posts/a-postscript-about-plants/")
        .select_one('script[type="application/ld+json"]')
        .string
    )
    assert data["isPartOf"] == {
        "@type": "CreativeWorkSeries",
        "name": "Moving house",
        "url": f"{TEST_SITEURL}/series/moving-house/",
    }
    assert data["position"] == 3  # the quiet scheduled part (index 4) is not counted


def test_translation_stays_in_its_language(published):
    block = nav(published, "fr/posts/the-van/")
    # its own parts, in its own language (i18n); the planned parts are planned in French too
    assert "Partie 1 sur 3" in block.get_text()
    items = block.select("li")
    assert [li.get_text(" ", strip=True).split(" bientôt")[0] for li in items] == [
        "La camionnette",
        "Unpacking the last box",
        "What we would do differently",
    ]
    # no French series file: the English titles are marked as English
    assert [li.select_one(".series-nav__upcoming")["lang"] for li in items[1:]] == ["en", "en"]
    title = block.select_one(".series-nav__title")
    assert title["lang"] == "en" and title.get_text(strip=True) == "Moving house"
    assert title.a["href"] == f"{TEST_SITEURL}/fr/series/moving-house/"


def test_a_series_page_without_its_languages_file_marks_the_originals_words(published):
    """The French series page of a series whose file has no French translation: the English
    title and introduction, each marked as English on a French page."""
    soup = published.soup("fr/series/moving-house/")
    assert soup.html["lang"] == "fr"
    assert (soup.h1["lang"], soup.h1.get_text(strip=True)) == ("en", "Moving house")
    intro = soup.select_one(".series-page__intro")
    assert intro["lang"] == "en" and "We moved the whole office" in intro.get_text()
    assert [h3.get("lang") for h3 in soup.select(".series-part--planned h3")] == ["en", "en"]
    # the English page links it, and it the English one ("Also in", hreflang)
    assert soup.select_one(".post-translations a")["href"] == f"{TEST_SITEURL}/series/moving-house/"
    english = published.soup("series/moving-house/")
    assert english.h1.get("lang") is None
    link = english.select_one(".post-translations a")
    assert (link["href"], link["hreflang"]) == (f"{TEST_SITEURL}/fr/series/moving-house/", "fr")


def test_pages_and_unrelated_posts_have_no_series_block(published):
    for path in ("posts/unrelated-news/", "about/"):
        assert published.soup(path).select(".series-nav") == []


def test_draft_preview_in_dev_shows_itself_as_current(site):
    """A draft nobody else is told about still sees its place on its own preview page."""
    block = nav(site, "drafts/posts/where-are-the-keys/")
    assert block.select_one("[aria-current=page]").get_text(strip=True) == DRAFT_TITLE
    assert "Part 3 of 6 in the series" in block.get_text(" ", strip=True)
    assert block.select_one("a[rel=prev]")["href"] == f"{TEST_SITEURL}/posts/the-van/"
    for a in block.select("a[href]"):
        assert "/drafts/" not in a["href"]
    # every other page of the dev build keeps it out, as a publish build does
    assert "Part 2 of 5" in nav(site, "posts/the-van/").get_text(" ", strip=True)
    for file in site.files(".html", ".xml", ".json"):
        if not file.relative_to(site.output).as_posix().startswith("drafts/"):
            text = file.read_text(encoding="utf-8")
            for secret in (DRAFT_TITLE, SCHEDULED_TITLE, *SCHEDULED_DATES):
                assert secret not in text, (secret, file)


def test_scheduled_preview_in_dev_shows_itself_as_current(site):
    """A quiet scheduled part, like a hidden draft, sees its place on its own preview page."""
    block = nav(site, "drafts/posts/meeting-the-new-neighbours/")
    assert block.select_one("[aria-current=page]").get_text(strip=True) == SCHEDULED_TITLE
    assert "Part 3 of 6 in the series" in block.get_text(" ", strip=True)
    for a in block.select("a[href]"):
        assert "/drafts/" not in a["href"]


def _texts(site):
    """Every text the site publishes: pages, feeds, JSON, and the search index's fragments."""
    for file in site.files(".html", ".xml", ".json", ".txt", ".js"):
        yield file, file.read_text(encoding="utf-8", errors="replace")
    for file in site.files(".pf_fragment"):
        yield file, gzip.decompress(file.read_bytes()).decode("utf-8", errors="replace")


HIDDEN_PART = """Title: A SECRETHIDDEN interlude
Date: 2024-02-12 09:00
Category: Company
Author: Ada Byrne
Series: Moving house
Status: hidden

Only for those who have the link.
"""


def test_a_hidden_part_is_on_its_own_page_only(build_site):
    """Status: hidden publishes the post at its address and lists it nowhere: not in the
    series page, its feed, the other parts' navigation or the series' count."""
    built = build_site({"posts/interlude.md": HIDDEN_PART}, fixture="series", publish=True)
    own = built.soup("posts/a-secrethidden-interlude/")
    assert own.select_one("h1").get_text(strip=True) == "A SECRETHIDDEN interlude"
    assert own.select_one("nav.series-nav--compact a[href$='/series/moving-house/']")
    assert "Part 2 of 5 in the series" in nav(built, "posts/the-van/").get_text(" ", strip=True)
    for file, text in _texts(built):
        if file.relative_to(built.output).as_posix() != "posts/a-secrethidden-interlude/index.html":
            assert "SECRETHIDDEN" not in text, file


@pytest.mark.parametrize(
    ("settings", "shown_as"),
    [
        ({"SERIES_ANNOUNCE_DRAFTS": True}, DRAFT_TITLE),
        ({"SERIES_ANNOUNCE_DRAFTS": True, "SERIES_SHOW_DRAFT_TITLES": False}, "In preparation"),
    ],
)
def test_a_site_can_announce_every_draft(build_site, settings, shown_as):
    built = build_site(fixture="series", publish=True, **settings)
    block = nav(built, "posts/the-van/")
    assert "Part 2 of 6 in the series" in block.get_text(" ", strip=True)
    draft = block.select("ol.series-nav__parts > li")[2]
    assert "series-nav__part--draft" in draft["class"]
    assert draft.select_one(".series-nav__upcoming").get_text(strip=True) == shown_as
    assert draft.select_one("a, time") is None  # never linked; a draft's date is no promise
    page = built.soup("series/moving-house/").select("ol.series-parts > li")
    assert page[2].h3.get_text(strip=True) == shown_as
    for file in built.files(".html"):
        text = file.read_text(encoding="utf-8")
        assert SCHEDULED_TITLE not in text, file  # announcing drafts is not scheduled parts
        if shown_as != DRAFT_TITLE:
            assert DRAFT_TITLE not in text, file


def _announced_scheduled(block) -> None:
    """Check the scheduled part's item in a series list: its title and date, no link."""
    item = block.select_one("li.series-nav__part--scheduled")
    assert item.select_one(".series-nav__upcoming").get_text(strip=True) == SCHEDULED_TITLE
    assert item.select_one(".series-nav__soon").get_text(" ", strip=True) == (
        "coming soon, 1 May 2099"
    )
    assert item.select_one("time")["datetime"].startswith("2099-05-01")
    assert item.select_one("a") is None  # announced, never linked


@pytest.mark.parametrize(
    ("announce", "settings", "shown"),
    [
        ("Series_announce: yes\n", {}, True),  # the writer asks for it
        ("", {"SERIES_ANNOUNCE_SCHEDULED": True}, True),  # the site asks for every one
        ("Series_announce: no\n", {"SERIES_ANNOUNCE_SCHEDULED": True}, False),  # the writer wins
    ],
)
def test_a_scheduled_part_is_announced_only_when_asked(build_site, announce, settings, shown):
    neighbours = (FIXTURES / "series" / "posts" / "new-neighbours.md").read_text()
    built = build_site(
        {
            "posts/new-neighbours.md": neighbours.replace(
                "Series_index: 4\n", announce + "Series_index: 4\n"
            )
        },
        fixture="series",
        publish=True,
        **settings,
    )
    total = 6 if shown else 5
    block = nav(built, "posts/the-van/")
    assert f"Part 2 of {total} in the series" in block.get_text(" ", strip=True)
    page = built.soup("series/moving-house/")
    assert f"3 of {total} published" in page.select_one(".series-page__progress").get_text()
    cards = built.soup("/").select("article.post-card")
    van = next(c for c in cards if c.h2.get_text(strip=True) == "The van")
    assert van.select_one(".post-card__series").get_text(strip=True) == (
        f"Part 2 of {total} · Moving house"
    )
    data = json.loads(
        built.soup("posts/a-postscript-about-plants/")
        .select_one('script[type="application/ld+json"]')
        .string
    )
    assert data["position"] == (4 if shown else 3)
    feed = ET.fromstring(built.path("feeds/series/moving-house.atom.xml").read_bytes())
    assert SCHEDULED_TITLE not in [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
    if shown:
        _announced_scheduled(block)
        _announced_scheduled(line(built, "posts/the-van/"))
        item = page.select("ol.series-parts > li")[2]  # Part 3: after the van
        assert item.h3.get_text(strip=True) == SCHEDULED_TITLE and item.h3.a is None
        assert "Coming soon, 1 May 2099" in item.get_text(" ", strip=True)
    for file, text in _texts(built):
        if not shown:
            assert SCHEDULED_TITLE not in text, file
        for secret in SECRETS:  # its summary and text wait for its date either way
            assert secret not in text, (secret, file)
        if file.suffix == ".html":
            soup = built.soup(file.relative_to(built.output).as_posix())
            assert not [u for u in iter_links(soup) if "meeting-the-new-neighbours" in u], file


def test_each_part_can_say_whether_it_is_announced(build_site, caplog):
    caplog.set_level(logging.WARNING)
    keys_lost = (FIXTURES / "series" / "posts" / "keys-lost.md").read_text()
    neighbours = (FIXTURES / "series" / "posts" / "new-neighbours.md").read_text()
    built = build_site(
        {
            # a draft the writer wants announced
            "posts/keys-lost.md": keys_lost.replace(
                "Status: draft", "Status: draft\nSeries_announce: yes"
            ),
            # a scheduled part the writer wants announced, with its date
            "posts/new-neighbours.md": neighbours.replace(
                "Series_index: 4", "Series_index: 4\nSeries_announce: yes"
            ),
            # dated in the future but a draft by its own word: it will not publish on its date
            "posts/someday.md": "Title: SOMEDAYTITLE\nDate: 2099-01-01\nStatus: draft\n"
            "Series: Moving house\nSeries_index: 5\n\nx\n",
            "posts/flag.md": "Title: FLAGTITLE\nDate: 2024-07-01\nStatus: draft\n"
            "Series: Moving house\nSeries_announce: maybe\n\nx\n",
            "posts/loose.md": "Title: Loose\nDate: 2024-07-01\nSeries_announce: yes\n\nx\n",
        },
        fixture="series",
        publish=False,
    )
    items = nav(built, "posts/the-van/").select("ol.series-nav__parts > li")
    assert [(li["class"][1], li.get_text(" ", strip=True)) for li in items] == [
        ("series-nav__part--published", "Packing up"),
        ("series-nav__part--published", "The van"),
        ("series-nav__part--draft", "Where are the keys coming soon"),
        ("series-nav__part--scheduled", "Meeting the new neighbours coming soon, 1 May 2099"),
        ("series-nav__part--published", "A postscript about plants"),
        ("series-nav__part--planned", "Unpacking the last box coming soon, 1 September 2099"),
        ("series-nav__part--planned", "What we would do differently coming soon"),
    ]
    for file in built.files(".html", ".xml"):
        if not file.relative_to(built.output).as_posix().startswith("drafts/"):
            text = file.read_text(encoding="utf-8")
            for hidden in ("SOMEDAYTITLE", "FLAGTITLE"):
                assert hidden not in text, (hidden, file)
    said = _messages(caplog)
    for text in (
        "content-0/posts/flag.md: Series_announce must be yes or no, got 'maybe'",
        "content-0/posts/loose.md: Series_announce is set but Series is not",
    ):
        assert any(text in m for m in said), (text, said)
    assert not any("Series_announce" in m and "unknown" in m.lower() for m in said), said


MOVING = "Title: Bad\nDate: 2024-07-01\nSeries: Moving house\n"


def _messages(caplog, level=logging.WARNING):
    return [r.getMessage() for r in caplog.records if r.levelno >= level]


def test_bad_input_is_reported_with_file_and_key(build_site, caplog):
    caplog.set_level(logging.WARNING)
    build_site(
        {
            "posts/bad-index.md": f"{MOVING}Series_index: two\n\nx\n",
            "posts/typo.md": "Title: Typo\nDate: 2024-07-02\nSeries: Moving hous\n\nx\n",
            "series/nobody.md": "Title: Nobody's series\n\nNo post uses it.\n",
            "series/broken-plan.md": "Title: Solo story\nPlanned: Later | someday soon\n\nx\n",
            "pages/odd.md": "Title: Odd\nSeries: Moving house\n\nA page in a series.\n",
        },
        fixture="series",
    )
    said = _messages(caplog)
    expected = [
        "content-0/posts/bad-index.md: Series_index must be a whole number, got 'two'",
        "content-0/posts/typo.md: Series 'Moving hous' has no series file and no other part; "
        "did you mean 'Moving house'?",
        "content-0/series/nobody.md: no post is in series",
        "content-0/series/broken-plan.md: Planned must be a date like 2025-03-14 or "
        "2025-03-14 09:30, got 'someday soon' (in 'Later | someday soon')",
        "content-0/pages/odd.md: Series works on posts only",
    ]
    for text in expected:
        assert any(text in m for m in said), (text, said)
    assert not any("Traceback" in m for m in said)


def test_a_series_files_bad_lang_is_the_series_files_line(build_site, caplog):
    # the value was never checked: each English part was told it was not in 'english'
    caplog.set_level(logging.WARNING)
    sidecar = (FIXTURES / "series" / "series" / "moving-house.md").read_text()
    build_site(
        {
            "series/moving-house.md": sidecar.replace(
                "Title: Moving house\n", "Title: Moving house\nLang: english\n"
            )
        },
        fixture="series",
        name="series-lang",
    )
    said = [m for m in _messages(caplog) if "series-lang/" in m]
    assert [m for m in said if "Lang" in m or "english" in m] == [
        "series-lang/series/moving-house.md: Lang must be a language code such as en, fr or "
        "pt-BR, got 'english' (did you mean 'en' (English)?); the series takes its posts' "
        "language"
    ]


def test_bad_index_fails_a_publish_build(build_site):
    with pytest.raises(SystemExit):
        build_site(
            {"posts/bad.md": f"{MOVING}Series_index: 0\n\nx\n"},
            fixture="series",
            publish=True,
        )


TIED = {  # two parts written on one day, with a Date but no Series_index
    f"posts/{slug}.md": f"Title: {title}\nSlug: {slug}\nDate: 2026-11-15\nAuthor: Bo Lindqvist\n"
    f"Category: Engineering\nSeries: Timing tales\n\nOne part.\n"
    for slug, title in (
        ("part1", "Why we rewrote the calendar"),
        ("part2", "How the new calendar stores time"),
    )
}


def test_two_parts_on_one_date_are_named_once_and_stop_a_publish(build_site, caplog):
    # they were put in title order without a word: part2.md came out as "Part 1 of 2"
    caplog.set_level(logging.WARNING)
    site = build_site(TIED, fixture="series", name="series-tied")
    said = [m for m in _messages(caplog) if "Timing tales" in m]
    assert said == [
        "series-tied/posts/part2.md: Series 'Timing tales': this part and "
        "series-tied/posts/part1.md have the same Date (2026-11-15) and no Series_index, so "
        "their order is only a guess, by title ('How the new calendar stores time', then 'Why "
        "we rewrote the calendar'): give each a Series_index"
    ]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR and "Timing" in r.msg]
    first = nav(site, "posts/part2/").select_one(".series-nav__eyebrow").get_text(strip=True)
    assert first == "Part 1 of 2 in the series"  # the dev build goes on, in the order it says
    with pytest.raises(SystemExit):
        build_site(TIED, fixture="series", publish=True)
    indexed = {
        path: text.replace("Series:", "Series_index: 1\nSeries:") for path, text in TIED.items()
    }
    indexed["posts/part2.md"] = indexed["posts/part2.md"].replace("index: 1", "index: 2")
    caplog.clear()
    build_site(indexed, fixture="series", publish=True)  # settled: no line, published
    assert not [m for m in _messages(caplog) if "Timing tales" in m]


def test_a_phone_photo_cover_is_shown_as_a_post_cover_is(build_site):
    """A HEIC cover (published as JPEG) is rendered as a post's cover: the page's picture and
    its og:image name files the build wrote, never the .heic (probe 5, finding 15)."""
    photo = io.BytesIO()
    Image.new("RGB", (160, 80), (200, 90, 40)).save(photo, "HEIF")
    series = (FIXTURES / "series" / "series" / "moving-house.md").read_text(encoding="utf-8")
    built = build_site(
        {
            "images/series/IMG_0042.heic": photo.getvalue(),
            "series/moving-house.md": series.replace(
                "Cover: images/cover.svg", "Cover: images/series/IMG_0042.heic"
            ),
        },
        fixture="series",
        publish=True,
        SERIES_COVER_WIDTHS=(80, 160),
    )
    page = built.soup("series/moving-house/")
    cover = page.select_one("picture.series-page__cover img")
    assert cover["alt"] == "A cardboard box with a handle cut into its side"
    urls = [cover["src"], page.select_one('meta[property="og:image"]')["content"]]
    urls += [c.split()[0] for c in cover["srcset"].split(", ")]
    for tag in page.select("picture.series-page__cover source"):
        urls += [c.split()[0] for c in tag["srcset"].split(", ")]
    assert len(urls) > 2
    for url in urls:
        assert not url.lower().endswith(".heic"), url
        assert built.exists(built.relpath_of(url).lstrip("/")), f"{url} was not written"


def test_a_cover_that_is_no_picture_is_one_error_and_no_broken_image(build_site, caplog):
    caplog.set_level(logging.ERROR)
    series = (FIXTURES / "series" / "series" / "moving-house.md").read_text(encoding="utf-8")
    built = build_site(
        {
            "images/series/IMG_0043.heic": b"not a photo",
            "series/moving-house.md": series.replace(
                "Cover: images/cover.svg", "Cover: images/series/IMG_0043.heic"
            ),
        },
        fixture="series",
        name="bad-cover",
        SERIES_COVER_WIDTHS=(80,),
    )
    said = [m for m in _messages(caplog, logging.ERROR) if "IMG_0043" in m]
    assert len(said) == 1 and said[0].startswith(
        "bad-cover/series/moving-house.md: Cover 'images/series/IMG_0043.heic' "
        "(bad-cover/images/series/IMG_0043.heic): "
    ), said
    page = built.soup("series/moving-house/")
    assert page.select(".series-page__cover") == []
    assert "IMG_0043" not in str(page.select('meta[property="og:image"]'))


def test_images_in_parts_resolve(build_site):
    """Grouping must not render posts early: {static} links would stay unresolved."""
    built = build_site(
        {
            "posts/pictured.md": "Title: Pictured\nDate: 2024-05-05\nSeries: Moving house\n\n"
            "![A box]({static}/images/cover.svg)\n"
        },
        fixture="series",
    )
    soup = built.soup("posts/pictured/")
    assert soup.select_one(".post-content img")["src"] == f"{TEST_SITEURL}/images/cover.svg"
    # an SVG is no social card's image: the site's card instead (covers, docs/covers.md)
    assert (
        soup.select_one('meta[property="og:image"]')["content"]
        == f"{TEST_SITEURL}/images/social-card.png"
    )


def test_a_renamed_series_leaves_no_ghost(build_site):
    """Two builds in one process, as under --autoreload: nothing of the first survives."""
    first = build_site(fixture="series")
    assert first.exists("series/solo-story/")
    source = (FIXTURES / "series" / "posts" / "solo.md").read_text()
    renamed = build_site(
        {"posts/solo.md": source.replace("Series: Solo story", "Series: Renamed story")},
        fixture="series",
    )
    names = [a.get_text(strip=True) for a in renamed.soup("series/").select(".series-card h2 a")]
    assert "Solo story" not in names and "Renamed story" in names
    assert not renamed.exists("series/solo-story/")


def test_links_in_a_series_summary_resolve(tmp_path):
    """A series file's Summary: links work on the series page and the index of series."""
    series_file = (FIXTURES / "series" / "series" / "moving-house.md").read_text(encoding="utf-8")
    summary = "Summary: Start with [the van]({filename}/posts/the-van.md).\n"
    lines = [line for line in series_file.splitlines(True) if not line.startswith("Summary:")]
    site = _builder(tmp_path)(
        {"series/moving-house.md": summary + "".join(lines)}, fixture="series"
    )
    for path in ("series/", "series/moving-house/"):
        assert "{filename}" not in site.text(path), path
    card = site.soup("series/").select_one(".series-card__summary a")
    assert card["href"] == f"{TEST_SITEURL}/posts/the-van/"


GERMAN_PART = """Title: Der Mietvertrag
Date: 2024-03-20 09:00
Category: Life
Author: Ada Byrne
Series: Moving house
Series_index: 5
Lang: de

Ein Mietvertrag auf Deutsch.
"""


def test_a_part_written_in_another_language_keeps_its_place(build_site, caplog):
    # it was a German series of one ("Part 1 of 1") and the English parts lost it
    caplog.set_level(logging.WARNING)
    built = build_site({"posts/mietvertrag.md": GERMAN_PART}, fixture="series", name="de-part")
    assert not [m for m in caplog.messages if "mietvertrag.md" in m and "Series" in m]
    own = nav(built, "de/posts/der-mietvertrag/")
    english = nav(built, "posts/the-van/")
    assert "Part 3 of 6 in the series Moving house" in own.get_text(" ", strip=True)
    assert "Part 2 of 6 in the series Moving house" in english.get_text(" ", strip=True)
    assert len(own.select("li")) == len(english.select("li")) == 6
    link = english.select_one("a[href$='/de/posts/der-mietvertrag/']")
    assert (link["lang"], link["hreflang"]) == ("de", "de")  # a German title on an English page
    page = built.soup("series/moving-house/")
    heading = page.select_one("h3:has(a[href$='/de/posts/der-mietvertrag/'])")
    assert heading["lang"] == "de"
    assert not built.exists("de/series/moving-house/")  # no series of one part in German


def test_a_series_file_key_that_lost_its_colon_is_an_error(build_site, caplog):
    # "Summary How we moved" ended the keys: Cover, Cover_alt and Planned were the text
    caplog.set_level(logging.WARNING)
    text = (FIXTURES / "series" / "series" / "moving-house.md").read_text(encoding="utf-8")
    text = text.replace("Summary: How", "Summary How")
    with pytest.raises(SystemExit):
        build_site({"series/moving-house.md": text}, fixture="series", publish=True, name="sc")
    assert [m for m in _messages(caplog, logging.ERROR) if "moving-house.md" in m] == [
        "sc/series/moving-house.md: line 2 'Summary How we moved the office across town, in "
        "parts.' is not front matter (write Summary: How we moved the office across town, "
        "in parts.); as it is, the front matter ends there, and it and the lines below it "
        "(Cover, Cover_alt, Planned) are shown as the series' description"
    ]


@pytest.mark.parametrize(
    ("when", "shown", "line"),
    [
        ("2027-01-19", "19 January 2027", None),
        ("19/01/2027", "19 January 2027", None),  # no month 19: one way round only
        # a British writer's 2 March was shown as 3 February, with no line
        ("02/03/2027", None, "day and month could be either way round; write the year first"),
        ("03/27", None, "give the year, month and day"),  # was 27 March of this year
    ],
)
def test_a_planned_date_follows_the_rule_of_a_posts_date(build_site, caplog, when, shown, line):
    caplog.set_level(logging.WARNING)
    site = build_site(
        {"series/moving-house.md": f"Title: Moving house\nPlanned: The last box | {when}\n\nx\n"},
        fixture="series",
        name=f"planned-{when.replace('/', '-')}",
    )
    page = site.soup("series/moving-house/index.html").get_text(" ", strip=True)
    errors = [m for m in _messages(caplog) if "Planned" in m]
    if line:
        [error] = errors
        assert error.startswith(
            f"planned-{when.replace('/', '-')}/series/moving-house.md: Planned "
        )
        assert line in error and f"(in 'The last box | {when}')" in error
        assert "3 February" not in page
    else:
        assert not errors
        assert shown in page


FRENCH_SERIES = (
    "Title: Déménager\n"
    "Summary: Comment nous avons déménagé le bureau.\n"
    "Cover_alt: Un carton avec une poignée\n"
    "Lang: fr\n"
    "\n"
    "Nous avons déménagé tout le bureau en une semaine.\n"
)


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory):
    """The fixture with a French translation of the series file, as team files have."""
    return _builder(tmp_path_factory.mktemp("series-fr"))(
        {"series/moving-house.fr.md": FRENCH_SERIES}, fixture="series", publish=True
    )


def test_a_translated_series_file_gives_the_french_page_its_words(bilingual):
    soup = bilingual.soup("fr/series/moving-house/")
    assert soup.html["lang"] == "fr"
    assert (soup.h1.get("lang"), soup.h1.get_text(strip=True)) == (None, "Déménager")
    intro = soup.select_one(".series-page__intro")
    assert intro.get("lang") is None
    assert intro.get_text(strip=True) == "Nous avons déménagé tout le bureau en une semaine."
    description = soup.select_one('meta[name="description"]')["content"]
    assert description == "Comment nous avons déménagé le bureau."
    cover = soup.select_one("img.series-page__cover")  # the original's image, its French alt
    assert cover["src"] == f"{TEST_SITEURL}/images/cover.svg"
    assert (cover["alt"], cover.get("lang")) == ("Un carton avec une poignée", None)
    progress = " ".join(soup.select_one(".series-page__progress").get_text(" ").split())
    assert re.match(r"1 \w+ sur 3 ", progress), progress  # the plan counts in French too
    planned = soup.select(".series-part--planned h3")  # the original's plan, in English
    assert [(h.get_text(strip=True), h["lang"]) for h in planned] == [
        ("Unpacking the last box", "en"),
        ("What we would do differently", "en"),
    ]
    english = bilingual.soup("series/moving-house/")
    assert english.h1.get_text(strip=True) == "Moving house"
    assert "We moved the whole office" in english.select_one(".series-page__intro").get_text()


def test_a_part_names_its_series_in_its_language_and_counts_the_plan(bilingual):
    block = nav(bilingual, "fr/posts/the-van/")
    title = block.select_one(".series-nav__title")
    assert (title.get("lang"), title.get_text(strip=True)) == (None, "Déménager")
    assert "Partie 1 sur 3 de la série" in block.get_text(" ", strip=True)
    top = line(bilingual, "fr/posts/the-van/").select_one(".series-nav__name")
    assert (top.get("lang"), top.get_text(strip=True)) == (None, "Déménager")


def test_series_pages_in_two_languages_link_each_other(bilingual):
    pages = {"en": "series/moving-house/", "fr": "fr/series/moving-house/"}
    expected = {
        "en": f"{TEST_SITEURL}/series/moving-house/",
        "fr": f"{TEST_SITEURL}/fr/series/moving-house/",
        "x-default": f"{TEST_SITEURL}/series/moving-house/",
    }
    for lang, path in pages.items():
        soup = bilingual.soup(path)
        alternates = {
            link["hreflang"]: link["href"]
            for link in soup.select("head link[rel=alternate][hreflang]")
        }
        assert alternates == expected, path
        [other] = soup.select(".post-translations a")
        assert other["hreflang"] == ("fr" if lang == "en" else "en")
        assert other["href"] == expected[other["hreflang"]]
    sitemap = ET.fromstring(bilingual.path("sitemap.xml").read_bytes())
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    for url in sitemap.findall("s:url", ns):
        if url.findtext("s:loc", namespaces=ns) in (expected["en"], expected["fr"]):
            links = {x.get("hreflang"): x.get("href") for x in url.findall("x:link", ns)}
            assert links == expected
    locs = [u.findtext("s:loc", namespaces=ns) for u in sitemap.findall("s:url", ns)]
    assert expected["fr"] in locs


def test_a_series_page_in_another_language_has_its_own_feed(bilingual):
    soup = bilingual.soup("fr/series/moving-house/")
    feed = soup.select_one('head link[type="application/atom+xml"][href*="/series/"]')
    assert feed["href"] == f"{TEST_SITEURL}/feeds/series/moving-house.fr.atom.xml"
    assert soup.select_one(f'.series-page__progress a[href="{feed["href"]}"]')
    root = ET.fromstring(bilingual.path("feeds/series/moving-house.fr.atom.xml").read_bytes())
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert root.findtext(f"{ATOM}title").endswith("Déménager")
    assert [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")] == ["La camionnette"]
    english = ET.fromstring(bilingual.path("feeds/series/moving-house.atom.xml").read_bytes())
    titles = [e.findtext(f"{ATOM}title") for e in english.iter(f"{ATOM}entry")]
    assert "La camionnette" not in titles


def test_a_translated_series_file_is_no_series_of_its_own(build_site, caplog):
    caplog.set_level(logging.WARNING)
    build_site(
        {"series/moving-house.fr.md": FRENCH_SERIES}, fixture="series", name="series-fr-lines"
    )
    said = [m for m in _messages(caplog) if "series-fr-lines/" in m]
    assert said == [], said  # was: no post is in series 'Déménager' (did you mean …?)


@pytest.mark.parametrize(
    ("files", "line"),
    [
        (
            {"series/moving-hous.fr.md": FRENCH_SERIES},
            "series/moving-hous.fr.md: is named as the fr translation of "
            "{name}/series/moving-hous.md, which does not exist (did you mean "
            "moving-house.fr.md?); skipped",
        ),
        (
            {"series/moving-house.fr.md": FRENCH_SERIES.replace("Lang: fr", "Lang: de")},
            "series/moving-house.fr.md: Lang 'de' is not the language its file name gives, "
            "'fr': write Lang: fr, or leave Lang out (the file name says it); skipped",
        ),
        (
            {"series/moving-house.en.md": FRENCH_SERIES.replace("Lang: fr\n", "")},
            "series/moving-house.en.md: is in en, the language of {name}/series/moving-house.md "
            "itself (its Lang, else the language of most of its parts); a translation is in "
            "another language; skipped",
        ),
        (
            {"series/moving-house.de.md": FRENCH_SERIES.replace("Lang: fr\n", "")},
            "series/moving-house.de.md: no part of the series 'Moving house' is in de yet (a "
            "translation of a part, with Lang: de and its Slug); its translated parts are in "
            "fr, so no page shows this file",
        ),
        (
            {"series/moving-house.french.md": FRENCH_SERIES.replace("Lang: fr\n", "")},
            "series/moving-house.french.md: Lang must be a language code",
        ),
    ],
)
def test_a_wrong_translation_of_a_series_file_is_one_line(build_site, caplog, files, line):
    caplog.set_level(logging.WARNING)
    name = "tr-" + next(iter(files)).split("/")[1].replace(".", "-")
    build_site(files, fixture="series", name=name)
    said = [m for m in _messages(caplog) if f"{name}/" in m]
    assert len(said) == 1, said
    assert said[0].startswith(f"{name}/" + line.format(name=name)), said
