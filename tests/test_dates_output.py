"""Dates in the output: machine values HTML accepts (at most milliseconds), and dates shown
on the day they were in the site's TIMEZONE (Europe/London in the fixture site), whatever
offset the value came with; a pure table for each rule, then one fixture build."""

import datetime
import io
import json
import logging
import re
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from plugins.blogcore.dates import dated, dated_by_file_line, machine_date, modified_by_file_line
from plugins.i18n import templating
from plugins.webmentions import archive
from tests.conftest import _builder

LONDON = ZoneInfo("Europe/London")
UTC = datetime.UTC
# HTML's valid date/time strings: a fraction of a second has one to three digits
HTML_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$"
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (datetime.date(2026, 11, 5), "2026-11-05"),
        (datetime.datetime(2026, 11, 5, 9, 30), "2026-11-05T09:30:00"),
        (datetime.datetime(2026, 11, 5, 9, 30, tzinfo=LONDON), "2026-11-05T09:30:00+00:00"),
        (datetime.datetime(2026, 11, 5, 9, 30, 15, 500000, UTC), "2026-11-05T09:30:15.500+00:00"),
        (datetime.datetime(2026, 11, 5, 9, 30, 0, 123456, UTC), "2026-11-05T09:30:00.123+00:00"),
        (datetime.datetime(2026, 11, 5, 9, 30, 0, 300), "2026-11-05T09:30:00.000"),
        (
            datetime.datetime(
                2026, 11, 25, 23, 30, tzinfo=datetime.timezone(-datetime.timedelta(hours=8))
            ),
            "2026-11-25T23:30:00-08:00",  # the instant and its offset, as written
        ),
    ],
)
def test_machine_date(value, expected):
    assert machine_date(value) == expected
    assert not expected or HTML_DATETIME.match(expected)


PACIFIC = datetime.timezone(-datetime.timedelta(hours=8))
TOKYO = datetime.timezone(datetime.timedelta(hours=9))


@pytest.mark.parametrize(
    ("value", "zone", "expected"),
    [
        (datetime.datetime(2026, 11, 25, 23, 30, tzinfo=PACIFIC), LONDON, "26 November 2026"),
        (datetime.datetime(2026, 11, 6, 8, 10, tzinfo=TOKYO), LONDON, "5 November 2026"),
        (datetime.datetime(2026, 11, 6, 8, 10, tzinfo=TOKYO), None, "6 November 2026"),
        (datetime.datetime(2026, 6, 30, 23, 30, tzinfo=UTC), LONDON, "1 July 2026"),  # BST
        (datetime.datetime(2026, 11, 25, 23, 30), LONDON, "25 November 2026"),  # no offset: as is
        (datetime.date(2026, 11, 25), LONDON, "25 November 2026"),
    ],
)
def test_localdate_shows_the_day_in_the_site_zone(value, zone, expected):
    assert templating.localdate(value, "en", {"en": "en_GB"}, "en", zone=zone) == expected


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        (LONDON, [(2027, ["eve"]), (2026, ["day"]), (2025, ["dawn"])]),
        (None, [(2026, ["eve", "day", "dawn"])]),  # each date's own offset
    ],
)
def test_posts_are_grouped_by_the_year_they_are_shown_in(zone, expected):
    posts = [
        SimpleNamespace(slug="eve", date=datetime.datetime(2026, 12, 31, 23, 30, tzinfo=PACIFIC)),
        SimpleNamespace(slug="day", date=datetime.datetime(2026, 6, 1, 12, 0, tzinfo=LONDON)),
        SimpleNamespace(slug="dawn", date=datetime.datetime(2026, 1, 1, 7, 0, tzinfo=TOKYO)),
    ]
    grouped = templating.by_year(posts, zone)
    assert [(year, [p.slug for p in group]) for year, group in grouped] == expected


def test_period_archives_group_posts_by_their_day_in_the_site_zone():
    # Pelican's own grouping is by each date as written: "eve" was on /2026/ and /2026/12/
    posts = [
        SimpleNamespace(slug="eve", date=datetime.datetime(2026, 12, 31, 23, 30, tzinfo=PACIFIC)),
        SimpleNamespace(slug="noon", date=datetime.datetime(2026, 12, 31, 12, 0, tzinfo=LONDON)),
        SimpleNamespace(slug="dawn", date=datetime.datetime(2026, 12, 1, 7, 0, tzinfo=TOKYO)),
    ]
    formats = {
        "year": ("archives/{date:%Y}/index.html", "archives/{date:%Y}/"),
        "month": ("archives/{date:%Y}/{date:%m}/index.html", "archives/{date:%Y}/{date:%m}/"),
        "day": ("", ""),
    }
    found = templating.period_archives(posts, posts[::-1], formats, LONDON)
    assert sorted(found) == ["month", "year"]
    assert [
        (a["save_as"], a["period"], a["period_num"], [p.slug for p in a["dates"]])
        for a in found["year"]
    ] == [
        ("archives/2027/index.html", (2027,), (2027,), ["eve"]),
        ("archives/2026/index.html", (2026,), (2026,), ["noon", "dawn"]),
    ]
    assert [p.slug for p in found["year"][1]["articles"]] == ["dawn", "noon"]  # as given
    assert [(a["url"], a["period"], [p.slug for p in a["dates"]]) for a in found["month"]] == [
        ("archives/2027/01/", (2027, "January"), ["eve"]),
        ("archives/2026/12/", (2026, "December"), ["noon"]),
        # 07:00 in Tokyo on 1 December is 22:00 on 30 November in London
        ("archives/2026/11/", (2026, "November"), ["dawn"]),
    ]


def test_the_build_remembers_dates_by_instant_and_shows_them_in_its_zone():
    write = templating.date_writer({"en": "en_GB"}, "en", "long", LONDON)
    tokyo = datetime.datetime(2026, 11, 6, 8, 10, tzinfo=TOKYO)
    assert write(tokyo, "en") == write(tokyo.astimezone(UTC), "en") == "5 November 2026"


POST = """Title: {title}
Date: {date}
Author: Ada Byrne
Category: Notes
Summary: {title}.

A note about {title}.
"""


def mention(wm_id: int, published: str, name: str) -> dict:
    return {
        "wm-id": wm_id,
        "wm-property": "in-reply-to",
        "wm-target": "/posts/seconds/",
        "wm-source": f"https://{name.lower()}.example.test/reply",
        "url": f"https://{name.lower()}.example.test/reply",
        "author": {"name": name, "url": f"https://{name.lower()}.example.test/"},
        "published": published,
        "content": {"text": f"A reply from {name}."},
    }


GALLERY = """Title: {date}
Date: {date}
Photo: hall.jpg | The hall | An empty hall with chairs stacked by the wall

Photos of the day.
"""


def photo(colour: str) -> bytes:
    data = io.BytesIO()
    Image.new("RGB", (400, 300), colour).save(data, "JPEG")
    return data.getvalue()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    mentions = [
        mention(9101, "2026-11-06T08:10:00+09:00", "Kenji"),  # 23:10 UTC on the 5th
        mention(9102, "2026-11-05T23:40:12.345Z", "Mara"),
    ]
    files = {
        "posts/seconds.md": POST.format(title="Seconds", date="2026-11-05 09:30:15.5"),
        "posts/pacific.md": POST.format(title="Pacific", date="2026-11-25T23:30:00-08:00"),
        "posts/morning.md": POST.format(title="Morning", date="2026-11-26 06:00"),
        # 07:30 on New Year's Day in London
        "posts/eve.md": POST.format(title="Eve", date="2025-12-31T23:30:00-08:00"),
        # alone in London's 2023: Pelican writes its year page, /archives/2022/, and none for 2023
        "posts/old-eve.md": POST.format(title="Old eve", date="2022-12-31T23:30:00-08:00"),
        "webmentions.json": archive.dumps(mentions),
        # a gallery's Date is read as a post's: words, an offset (a line and no page before)
        "galleries/open-day/gallery.md": GALLERY.format(date="2026-11-05T23:30:00-08:00"),
        "galleries/open-day/hall.jpg": photo("teal"),
        "galleries/fair/gallery.md": GALLERY.format(date="5 November 2026"),
        "galleries/fair/hall.jpg": photo("orange"),
    }
    return _builder(tmp_path_factory.mktemp("dates"))(files, name="dates-output")


def test_fractions_of_a_second_are_valid_html_on_every_page(site):
    times = [
        (str(page.relative_to(site.output)), tag["datetime"])
        for page in site.files(".html")
        for tag in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select(
            "time[datetime]"
        )
    ]
    assert len(times) > 10
    assert [(page, value) for page, value in times if not HTML_DATETIME.match(value)] == []
    post = site.soup("posts/seconds/")
    assert post.select_one("time.dt-published")["datetime"] == "2026-11-05T09:30:15.500+00:00"
    meta = post.select_one('meta[property="article:published_time"]')["content"]
    assert meta == "2026-11-05T09:30:15.500+00:00"  # and so the sitemap's lastmod
    found = [json.loads(s.string) for s in post.select('script[type="application/ld+json"]')]
    posting = next(d for d in found if d.get("@type") == "BlogPosting")
    assert posting["datePublished"] == "2026-11-05T09:30:15.500+00:00"


def test_webmention_times_are_valid_and_shown_in_the_site_zone(site):
    replies = site.soup("posts/seconds/").select("section.webmentions li.webmention time")
    assert [(t["datetime"], t.get_text()) for t in replies] == [
        ("2026-11-06T08:10:00+09:00", "5 November 2026"),  # its instant kept, its day London's
        ("2026-11-05T23:40:12.345+00:00", "5 November 2026"),
    ]


def test_a_post_is_shown_on_its_day_in_the_site_zone(site):
    post = site.soup("posts/pacific/")
    published = post.select_one("time.dt-published")
    assert (published["datetime"], published.get_text()) == (
        "2026-11-25T23:30:00-08:00",
        "26 November 2026",
    )
    listed = [
        (a.get_text(strip=True), a.find_parent("li").select_one("time").get_text())
        for a in site.soup("archives/").select("ol.archive-list li a")
        if a.get_text(strip=True) in ("Pacific", "Morning")
    ]
    assert listed == [
        ("Pacific", "26 November 2026"),
        ("Morning", "26 November 2026"),
    ]  # by instant


def test_gallery_dates_are_read_as_post_dates_are(site):
    cards = [
        (card.select_one(".gallery-card__title").get_text(strip=True), card.select_one("time"))
        for card in site.soup("galleries/").select(".gallery-card")
    ]
    assert [(title, t["datetime"], t.get_text()) for title, t in cards] == [
        # 07:30 in London on the 6th: first, and shown on London's day with its instant
        ("2026-11-05T23:30:00-08:00", "2026-11-05T23:30:00-08:00", "6 November 2026"),
        ("5 November 2026", "2026-11-05", "5 November 2026"),
    ]


def test_the_archives_list_a_post_under_the_year_it_is_shown_in(site):
    # a post at 23:30 in California on New Year's Eve was shown as "1 January 2026" under
    # the 2025 heading: the year was the date's own, the day London's
    years = {
        section.h2.get_text(strip=True): [
            (a.get_text(strip=True), a.find_parent("li").time.get_text())
            for a in section.select("ol.archive-list li a")
        ]
        for section in site.soup("archives/").select("section.archive-year")
    }
    assert list(years) == ["2026", "2025", "2024", "2023"]
    assert years["2026"][-1] == ("Eve", "1 January 2026")  # the year's first post
    assert "Eve" not in dict(years["2025"])
    assert years["2023"] == [("Old eve", "1 January 2023")]
    # each heading links its year's page, which lists the same posts: Pelican's year pages
    # went by the year as written (/archives/2022/ for "Old eve", none for 2023)
    headings = {
        h2.get_text(strip=True): h2.a["href"] if h2.a else None
        for h2 in site.soup("archives/").select("section.archive-year h2")
    }
    assert headings == {year: f"{site.siteurl}/archives/{year}/" for year in years}
    assert not site.exists("archives/2022/index.html")
    for year, listed in years.items():
        page = site.soup(f"archives/{year}/")
        assert [a.get_text(strip=True) for a in page.select("ol.archive-list li a")] == [
            title for title, _ in listed
        ]
        canonical = page.select_one('link[rel="canonical"]')["href"]
        assert canonical == f"{site.siteurl}/archives/{year}/"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.datetime(2026, 11, 5, 9, 30, tzinfo=UTC), True),
        (datetime.date(2026, 11, 5), True),
        (datetime.datetime.max.replace(tzinfo=UTC), False),  # Pelican's date for a draft
        (None, False),
    ],
)
def test_dated(value, expected):
    assert dated(value) is expected


UNDATED_DRAFT = "Title: Someday\nStatus: draft\nCategory: Company\nAuthor: Ada Byrne\n\nText.\n"


def test_a_draft_without_a_date_says_so_and_no_year_9999(build_site):
    # Pelican dates it datetime.max: its preview said "31 December 9999", and its JSON-LD
    # and og: tags that year too
    site = build_site({"posts/someday.md": UNDATED_DRAFT}, name="undated")
    page = BeautifulSoup(
        (site.output / "drafts/posts/someday/index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    assert page.select_one(".post-meta .published").get_text(strip=True) == "Not dated yet"
    assert not page.select("time.dt-published")
    assert not page.select('meta[property^="article:"][property$="_time"]')
    (data,) = [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')]
    assert "datePublished" not in data and "dateModified" not in data
    written = [p for p in site.output.rglob("*") if p.suffix in {".html", ".xml", ".json"}]
    assert not [p for p in written if "9999" in p.read_text(encoding="utf-8")]
    # in no feed, sitemap or listing: its preview only
    assert [p for p in written if "someday" in p.read_text(encoding="utf-8")] == [
        site.output / "drafts/posts/someday/index.html"
    ]


@pytest.mark.parametrize(
    ("files", "starts"),
    [
        (
            ["c/a.md"],
            "pelicanconf.py: DEFAULT_DATE = 'fs' dates 1 post without a Date: line (c/a.md) ",
        ),
        (
            [f"c/{n}.md" for n in "abcde"],
            "pelicanconf.py: DEFAULT_DATE = 'fs' dates 5 posts without a Date: line (c/a.md, "
            "c/b.md, c/c.md and 2 more) ",
        ),
    ],
)
def test_dated_by_file_line(files, starts):
    assert dated_by_file_line(files).startswith(starts)


NO_DATE = "Title: Old news\nCategory: Company\nAuthor: Ada Byrne\n\nText.\n"


def test_default_date_fs_is_one_line_an_error_in_a_publish(build_site, caplog):
    # an old blog's DEFAULT_DATE = 'fs': its posts took the time of the clone, anew in each
    # publish, and nothing was said
    caplog.set_level(logging.WARNING)
    files = {"posts/old-news.md": NO_DATE, "posts/older.md": NO_DATE.replace("Old", "Older")}
    site = build_site(files, name="fs-dev", DEFAULT_DATE="fs")
    assert site.exists("posts/old-news/index.html")  # it works: dated by the file
    # and only it: the reader's mark on each post was named as an unknown key, one a post
    said = [
        (r.levelname, r.getMessage())
        for r in caplog.records
        if "without a Date: line" in r.getMessage() or "fs-dev/posts/old" in r.getMessage()
    ]
    assert said == [
        ("WARNING", dated_by_file_line(["fs-dev/posts/old-news.md", "fs-dev/posts/older.md"]))
    ]
    caplog.clear()
    with pytest.raises(SystemExit):
        build_site(files, name="fs-pub", DEFAULT_DATE="fs", publish=True)
    assert [
        r.levelname for r in caplog.records if "DEFAULT_DATE = 'fs' dates" in r.getMessage()
    ] == ["ERROR"]


DATED = "Title: Old news\nDate: 2013-10-26 23:09\nAuthor: Ada Byrne\n\nText.\n"


def test_default_date_fs_taking_every_update_from_the_file_is_one_line(build_site, caplog):
    # an adopted Chinese blog kept DEFAULT_DATE = 'fs' with a Date: line in every post:
    # Pelican took each post's last update from its file, so all 155 said "Updated" the day
    # of the checkout (in feeds and the sitemap too), anew in each publish, and nothing was said
    caplog.set_level(logging.WARNING)
    edited = DATED.replace("Old", "Edited").replace("Author", "Modified: 2014-01-02\nAuthor")
    files = {
        "posts/old-news.md": DATED,
        "posts/older.md": DATED.replace("Old", "Older"),
        "posts/edited.md": edited,  # its own Modified: line is meant
    }
    site = build_site(files, fixture=None, name="fs-mod-dev", DEFAULT_DATE="fs")
    said = [
        (r.levelname, r.getMessage()) for r in caplog.records if "DEFAULT_DATE" in r.getMessage()
    ]
    assert said == [
        (
            "WARNING",
            modified_by_file_line(["fs-mod-dev/posts/old-news.md", "fs-mod-dev/posts/older.md"]),
        )
    ]
    assert (
        site.soup("posts/edited-news/")
        .select_one("time.modified")["datetime"]
        .startswith("2014-01-02")
    )
    caplog.clear()
    with pytest.raises(SystemExit):
        build_site(files, fixture=None, name="fs-mod-pub", DEFAULT_DATE="fs", publish=True)
    assert [
        r.levelname for r in caplog.records if "DEFAULT_DATE = 'fs' also" in r.getMessage()
    ] == ["ERROR"]


def test_a_dateless_html_file_under_default_date_is_named_as_a_post(build_site, caplog):
    # DEFAULT_DATE dates it, so it is read as a post; it said "move it to content/extra/",
    # as for a page kept as it is, when what it lacks is a <title>
    caplog.set_level(logging.WARNING)
    bare = "<html>\n<head>\n</head>\n<body>\nBody content\n</body>\n</html>\n"
    build_site(
        {"bare.html": bare}, name="fs-html", DEFAULT_DATE=(2012, 1, 1), ARTICLE_PATHS=["posts", ""]
    )
    said = [r.getMessage() for r in caplog.records if "bare.html" in r.getMessage()]
    assert said == ["fs-html/bare.html: has no <title>; add one to its <head>"]
