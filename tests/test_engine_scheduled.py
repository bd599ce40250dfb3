"""A post dated in the future says it is scheduled, and when: on its preview and in the log."""

import contextlib
import datetime
import gzip
import logging
import os
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from plugins.engine import scheduled
from plugins.engine.scheduled import Scheduled
from tests.conftest import DEV_CONF, FIXTURES, PUBLISH_CONF, TEST_SITEURL, iter_links, run_pelican

NOW = datetime.datetime(2026, 12, 5, 15, 32, tzinfo=datetime.UTC)
LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    ("date", "said_draft", "expected"),
    [
        # Pelican gives a naive Date the site's zone: its name is said
        (
            datetime.datetime(2027, 1, 15, 9, 0, tzinfo=LONDON),
            False,
            "2027-01-15 09:00 (Europe/London)",
        ),
        # an offset written in the Date is said as written
        (
            datetime.datetime(
                2027, 1, 15, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=1))
            ),
            False,
            "2027-01-15 09:00 (+01:00)",
        ),
        (
            datetime.datetime(2027, 1, 15, 9, 0, tzinfo=datetime.UTC),
            False,
            "2027-01-15 09:00 (UTC)",
        ),
        # a Lyon laptop's 16:32, read as London's: an hour ahead, held back, and said
        (
            datetime.datetime(2026, 12, 5, 16, 32, tzinfo=LONDON),
            False,
            "2026-12-05 16:32 (Europe/London)",
        ),
        # a naive date (a plugin's own) is taken in now's zone
        (datetime.datetime(2027, 1, 15, 9, 0), False, "2027-01-15 09:00"),
        # not scheduled: past, now, a draft that says so (it stays a draft after its date), no date
        (datetime.datetime(2026, 12, 5, 15, 32, tzinfo=datetime.UTC), False, None),
        (datetime.datetime(2026, 12, 5, 15, 0, tzinfo=LONDON), False, None),
        (datetime.datetime(2027, 1, 15, 9, 0, tzinfo=LONDON), True, None),
        (None, False, None),
    ],
)
def test_a_date_ahead_is_scheduled(date, said_draft, expected):
    found = scheduled.scheduled(date, said_draft, NOW)
    assert (found.written if found else None) == expected


@pytest.mark.parametrize(
    ("preview", "expected"),
    [
        (
            "drafts/posts/spring/",
            "content/posts/spring.md: scheduled: its Date is 2027-01-15 09:00 (Europe/London), so "
            "it is previewed at /drafts/posts/spring/ until then; the first publish after that "
            "time puts it live",
        ),
        (
            None,
            "content/posts/spring.md: scheduled: its Date is 2027-01-15 09:00 (Europe/London), so "
            "it is left out of this build until then; the first publish after that time puts it "
            "live",
        ),
    ],
)
def test_the_line_says_the_file_its_date_and_what_this_build_did(preview, expected):
    when = Scheduled(datetime.datetime(2027, 1, 15, 9, 0, tzinfo=LONDON), "09:00", "Europe/London")
    assert scheduled.line("content/posts/spring.md", when, preview) == expected


SPRING = (
    "Title: The spring timetable\nDate: 2098-01-15 09:30\nCategory: Company\nTags: news\n"
    "Author: Ada Byrne\nSlug: spring-timetable\n\nThe new timetable starts in spring.\n"
)
FILES = {
    "posts/spring.md": SPRING,
    # its French version, dated already: it waits for its original, and says so
    "posts/spring.fr.md": SPRING.replace("Title: The spring timetable", "Title: L'horaire")
    .replace("2098-01-15 09:30", "2025-06-01 09:00")
    .replace("Slug:", "Lang: fr\nSlug:"),
    # an offset of its own
    "posts/lyon.md": SPRING.replace("2098-01-15 09:30", "2098-02-01 08:15+01:00").replace(
        "spring-timetable", "lyon"
    ),
}


def _lines(caplog):
    return [r.getMessage() for r in caplog.records if r.name == "plugins.engine.scheduled"]


def test_a_scheduled_post_says_when_it_goes_out(build_site, caplog):
    # it said "Draft — not published", with no date and no line: the writer had no clue that
    # the date held it back, nor until when
    site = build_site(FILES, name="sched")
    banner = site.soup("drafts/posts/spring-timetable/").select_one(".draft-banner")
    assert "draft-banner--scheduled" in banner["class"]
    assert banner.get_text(" ", strip=True) == (
        "Scheduled — goes live with the first publish after 15 January 2098 , 09:30 (Europe/London)"
    )
    assert banner.time["datetime"] == "2098-01-15T09:30:00+00:00"
    lyon = site.soup("drafts/posts/lyon/").select_one(".draft-banner").get_text(" ", strip=True)
    assert lyon.endswith("1 February 2098 , 08:15 (+01:00)")
    # the translation goes out with its original: its original's date, in its language
    french = site.soup("drafts/fr/posts/spring-timetable/").select_one(".draft-banner")
    assert french.get_text(" ", strip=True) == (
        "Programmé — mis en ligne à la première publication après le 15 janvier 2098 , 09:30 "
        "(Europe/London)"
    )
    # a post that says Status: draft is still a draft
    draft = site.soup("drafts/posts/unfinished-thoughts/").select_one(".draft-banner")
    assert draft["class"] == ["draft-banner"]
    assert draft.get_text(strip=True) == "Draft — not published"
    # one line per scheduled post (the translation's own line, a warning, is translations')
    assert _lines(caplog) == [
        "sched/posts/from-the-future.md: scheduled: its Date is 2099-01-01 09:00 "
        "(Europe/London), so it is previewed at /drafts/posts/from-the-future/ until then; the "
        "first publish after that time puts it live",
        "sched/posts/lyon.md: scheduled: its Date is 2098-02-01 08:15 (+01:00), so it is "
        "previewed at /drafts/posts/lyon/ until then; the first publish after that time puts "
        "it live",
        "sched/posts/spring.md: scheduled: its Date is 2098-01-15 09:30 (Europe/London), so it "
        "is previewed at /drafts/posts/spring-timetable/ until then; the first publish after "
        "that time puts it live",
    ]
    assert {r.levelno for r in caplog.records if r.name == "plugins.engine.scheduled"} == {
        logging.INFO
    }


def test_a_publish_names_what_it_left_out_and_still_succeeds(build_site, caplog):
    site = build_site({"posts/spring.md": SPRING}, publish=True, name="sched-pub")
    assert not site.exists("posts/spring-timetable/")
    assert not site.exists("drafts/posts/spring-timetable/")
    assert (
        "sched-pub/posts/spring.md: scheduled: its Date is 2098-01-15 09:30 (Europe/London), so "
        "it is left out of this build until then; the first publish after that time puts it live"
    ) in _lines(caplog)
    # info, not a warning: make check's lint gate fails a publish on any warning
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING and "spring" in r.msg]


def test_the_line_is_shown_where_warnings_are(build_site, caplog):
    # Pelican shows no info line without -v: the line would be there for no one
    logger = logging.getLogger("plugins.engine.scheduled")
    assert logger.level == logging.NOTSET
    seen = []

    class Seen(logging.Handler):
        def emit(self, record):
            seen.append(record.getMessage())

    handler = Seen(level=logging.NOTSET)
    logging.getLogger().addHandler(handler)
    try:
        caplog.set_level(logging.WARNING)  # as Pelican's own set-up leaves the root logger
        build_site({"posts/spring.md": SPRING}, name="sched-seen")
    finally:
        logging.getLogger().removeHandler(handler)
    assert [m for m in seen if "sched-seen/posts/spring.md: scheduled" in m]
    assert logger.level == logging.NOTSET  # given back when the build ended


# a post dated ahead by its file's name (Pelican's FILENAME_METADATA), one by its file's time
# (DEFAULT_DATE = 'fs'), each with no Date: line and in a series, beside three published posts;
# and two drafts without a Status: line, one by its folder (PATH_METADATA's status), one by
# DEFAULT_METADATA's (the published posts say Status: published)
FILE_TIME_AHEAD = datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC).timestamp()
PART = (
    "Title: {title}\nDate: {date}\nModified: {date}\nCategory: Company\nTags: {tags}\n"
    "Author: Ada Byrne\nSeries: Our move\nSummary: Our move, in parts.\nStatus: published\n\n"
    "{text}\n"
)
AHEAD = (
    "Title: SECRET{word}WORD plans\nCategory: Company\nTags: office, desks, secret{word}tag\n"
    "Author: Ada Byrne\nSeries: Our move\nSlug: secret{slug}-later\n\n"
    "SECRET{word}WORD is for later.\n\n![]({{static}}/images/lamp.svg)\n"
)
AHEAD_FILES = {
    "posts/moving-in.md": PART.format(
        title="Moving in", date="2024-02-01 09:00", tags="office, desks", text="We moved in."
    ),
    # not of the series, so that its related posts may be of it (never another part)
    "posts/desks.md": PART.format(
        title="Desks", date="2024-03-01 09:00", tags="office, desks", text="Our new desks."
    ).replace("Series: Our move\n", ""),
    # of another subject, so that shared tags tell posts apart
    "posts/ranges.md": PART.format(
        title="Ranges", date="2024-04-01 09:00", tags="python", text="Ranges in Python."
    ).replace("Series: Our move\n", ""),
    "posts/2099-05-01-plans.md": AHEAD.format(word="NAME", slug="name"),
    "posts/plans.md": AHEAD.format(word="TIME", slug="time"),
    "posts/draft/ideas.md": AHEAD.format(word="FOLDER", slug="folder"),
    "posts/ideas.md": AHEAD.format(word="DEFAULT", slug="default"),
}


def _ahead_site(base: Path, publish: bool) -> Path:
    """The site built with DEFAULT_DATE = 'fs', plans.md's file time set in 2099."""
    content = base / ("ahead-publish" if publish else "ahead-build")  # lines said once a name
    for relpath, text in AHEAD_FILES.items():
        (content / relpath).parent.mkdir(parents=True, exist_ok=True)
        (content / relpath).write_text(text, encoding="utf-8")
    (content / "team").mkdir()
    shutil.copy(FIXTURES / "site" / "team" / "ada-byrne.md", content / "team")
    (content / "images").mkdir()
    shutil.copy(FIXTURES / "site" / "images" / "lamp.svg", content / "images")
    os.utime(content / "posts" / "plans.md", (FILE_TIME_AHEAD, FILE_TIME_AHEAD))
    output = base / "output"
    conf = PUBLISH_CONF if publish else DEV_CONF
    settings = {"SITEURL": TEST_SITEURL, "FEED_DOMAIN": TEST_SITEURL, "DEFAULT_DATE": "fs"}
    settings |= {
        "PATH_METADATA": "posts/(?P<status>draft)/.*",
        "DEFAULT_METADATA": {"status": "draft"},
    }
    run_pelican(conf, content, output, BLOGCORE_DEFAULT_IMAGE="", **settings)
    return output


def _text_of(path: Path) -> str:
    """A written file's text, Pagefind's compressed index too, lowercased."""
    raw = path.read_bytes()
    if path.suffix in (".pf_fragment", ".pf_index", ".pf_meta"):
        with contextlib.suppress(OSError):
            raw = gzip.decompress(raw)
    return raw.decode("utf-8", "replace").lower()


@pytest.mark.parametrize("publish", [False, True], ids=["make-build", "publish"])
def test_a_post_dated_ahead_by_its_file_name_or_time_waits_and_shows_nowhere(
    tmp_path, caplog, publish
):
    # Pelican makes both drafts until their date; their mistakes (a picture without alt text)
    # were errors that stopped a publish neither is in, as a published post's are
    caplog.set_level(logging.WARNING)
    output = _ahead_site(tmp_path, publish)  # a publish stops (SystemExit) on an error
    held = ("posts/2099-05-01-plans.md", "posts/plans.md", "posts/draft/ideas.md", "posts/ideas.md")
    own = [r for r in caplog.records if any(f"/{name}:" in r.getMessage() for name in held)]
    for name in held:
        said = [r for r in own if f"/{name}:" in r.getMessage() and "no alt text" in r.getMessage()]
        assert said, (name, [r.getMessage() for r in own])
    assert {r.levelname for r in own} == {"WARNING"}, [r.getMessage() for r in own]
    # the published parts show what a leak would be in: related posts, the series, the team
    desks = BeautifulSoup((output / "posts/desks/index.html").read_text(), "html.parser")
    assert [a["href"] for a in desks.select(".related-posts a[href]")]
    assert (output / "series/our-move/index.html").is_file()
    assert (output / "team/ada-byrne/index.html").is_file()
    previews = [output / "drafts/posts" / slug / "index.html" for slug in PREVIEWS]
    assert [p.is_file() for p in previews] == [not publish] * len(PREVIEWS)
    for path in output.rglob("*"):
        relpath = path.relative_to(output).as_posix()
        if not path.is_file() or relpath.startswith("drafts/"):  # a preview's own page
            continue
        text = _text_of(path)  # every page, feed, the sitemap, the search index
        for secret in ("secretname", "secrettime", "secretfolder", "secretdefault"):
            assert secret not in text, f"{relpath} holds {secret}"
        if path.suffix == ".html":
            soup = BeautifulSoup(text, "html.parser")
            assert not [url for url in iter_links(soup) if "/drafts/" in url], relpath


PREVIEWS = ("secretname-later", "secrettime-later", "secretfolder-later", "secretdefault-later")


UNDATED = "Title: {title}\nCategory: Company\nAuthor: Ada Byrne\nSummary: Plans.\n\nOur plans.\n"


def test_a_post_dated_by_its_path_or_a_setting_is_told_where_its_date_comes_from(
    build_site, caplog
):
    # each line said "its Date is …" of a post with no Date: line: the writer looked for one
    files = {
        "posts/2099-05-01-plans.md": UNDATED.format(title="By its name"),
        "posts/2097-06-01/folder.md": UNDATED.format(title="By its folder"),
        "posts/undated.md": UNDATED.format(title="By the setting"),
    }
    build_site(
        files,
        name="sched-from",
        PATH_METADATA=r"posts/(?P<date>\d{4}-\d{2}-\d{2})/.*",
        DEFAULT_DATE=(2098, 3, 1),
    )
    said = {
        line.split(": scheduled: ")[0]: line.split(": scheduled: ")[1] for line in _lines(caplog)
    }
    assert said["sched-from/posts/2099-05-01-plans.md"].startswith(
        "the date in its file's name is 2099-05-01 00:00 (Europe/London), "
    )
    assert said["sched-from/posts/2097-06-01/folder.md"].startswith(
        "the date in its folders' names is 2097-06-01 00:00 (Europe/London), "
    )
    assert said["sched-from/posts/undated.md"].startswith(
        "the date DEFAULT_DATE gives it is 2098-03-01 00:00 (Europe/London), "
    )
    assert said["sched-from/posts/from-the-future.md"].startswith("its Date is 2099-01-01 09:00")
