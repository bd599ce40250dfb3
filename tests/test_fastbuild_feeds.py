"""fastbuild makes a post's feed item and its XML once per process, and writes the same bytes."""

import datetime
import io
import logging
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG
from pelican.writers import Writer

from plugins.fastbuild.compat import short_empty_elements
from plugins.fastbuild.feeds import cache_entries, copied, item_key
from plugins.fastbuild.writer import FeedEntriesOnce

ATOM = "{http://www.w3.org/2005/Atom}"
WHEN = datetime.datetime(2026, 3, 4, 5, 6, tzinfo=datetime.UTC)
LATER = datetime.datetime(2026, 4, 1, tzinfo=datetime.UTC)

ITEMS = {
    "plain": {"title": "Kiln notes", "link": "https://x.test/a/", "description": "<p>a</p>"},
    "escaped": {
        "title": "Tea & <biscuits>",
        "link": "https://x.test/b/?q=1&r=2",
        "description": 'A "quoted" <em>summary</em>',
        "content": "<p>Body &amp; more</p>",
    },
    "categories": {
        "title": "Tagged",
        "link": "https://x.test/c/",
        "description": "",
        "categories": ["Glaze", "Kilns"],
        "author_name": "Ana de la Cruz",
    },
    "updated": {
        "title": "Updated",
        "link": "https://x.test/d/",
        "description": "d",
        "updateddate": LATER,
    },
    "enclosure": {
        "title": "Podcast",
        "link": "https://x.test/e/",
        "description": "e",
        "enclosures": [Enclosure("https://x.test/e.mp3", "123", "audio/mpeg")],
    },
}


def _feed(kind: type, names: list[str], texts: dict | None) -> str:
    feed = kind(title="Site", link="https://x.test/", description="d", feed_url="/f.xml")
    for name in names:
        feed.add_item(**{"pubdate": WHEN, **ITEMS[name]})
    if texts is not None:
        cache_entries(feed, texts, short_empty_elements)
    out = io.StringIO()
    feed.write(out, "utf-8")
    return out.getvalue()


@pytest.mark.parametrize("kind", [Atom1Feed, Rss201rev2Feed])
@pytest.mark.parametrize(
    "feeds",
    [
        [["plain"]],
        [["plain", "escaped"], ["escaped", "plain"]],
        [["categories", "updated"], ["updated"], ["categories"]],
        [["enclosure", "plain"], ["enclosure"]],
    ],
)
def test_feeds_sharing_entries_are_written_as_without_the_cache(kind, feeds):
    texts: dict = {}
    for names in feeds:
        assert _feed(kind, names, texts) == _feed(kind, names, None)


def test_an_entry_is_serialised_once_per_kind_of_feed():
    texts: dict = {}
    _feed(Atom1Feed, ["plain", "escaped"], texts)
    _feed(Atom1Feed, ["escaped"], texts)
    assert len(texts) == 2
    _feed(Rss201rev2Feed, ["escaped"], texts)
    assert len(texts) == 3  # RSS writes the same item differently


def test_entries_are_kept_in_a_fraction_of_their_xmls_memory():
    # each rendering process keeps every entry it made until the feeds are written: as text
    # that was 7.5 MB of each at 1,000 posts
    body = "".join(
        f"<p>Paragraph {n} about glazes, kilns and the café’s rota.</p>" for n in range(300)
    )
    ITEMS["long"] = {"title": "Long", "link": "https://x.test/l/", "description": body}
    try:
        texts: dict = {}
        first = _feed(Atom1Feed, ["long", "plain"], texts)
        assert _feed(Atom1Feed, ["long"], texts) == _feed(Atom1Feed, ["long"], None)
    finally:
        del ITEMS["long"]
    assert sum(sys.getsizeof(kept) for kept in texts.values()) < sys.getsizeof(first) / 3


def test_a_changed_item_is_not_given_the_earlier_xml():
    texts: dict = {}
    _feed(Atom1Feed, ["plain"], texts)
    feed = Atom1Feed(title="Site", link="https://x.test/", description="d")
    feed.add_item(pubdate=WHEN, **ITEMS["plain"])
    feed.items[0]["title"] = "Changed by a feed_generated receiver"
    cache_entries(feed, texts, short_empty_elements)
    out = io.StringIO()
    feed.write(out, "utf-8")
    assert "Changed by a feed_generated receiver" in out.getvalue()


def test_an_entry_xml_cannot_hold_is_left_out_with_a_line_naming_its_file(caplog):
    # the last guard: a character the sanitiser missed stopped the whole build, naming no file
    caplog.set_level(logging.WARNING)
    sources = {"https://x.test/b/": "content/posts/bell.md"}
    texts: dict = {}  # two feeds holding the post (all posts, its category): one line
    for _ in range(2):
        feed = Atom1Feed(title="Site", link="https://x.test/", description="d", feed_url="/f")
        feed.add_item(title="Fine", link="https://x.test/a/", description="a", pubdate=WHEN)
        feed.add_item(title="Bell\x07", link="https://x.test/b/", description="b", pubdate=WHEN)
        cache_entries(feed, texts, short_empty_elements, lambda item: sources.get(item["link"]))
        out = io.StringIO()
        feed.write(out, "utf-8")
        written = ET.fromstring(out.getvalue())
        assert [e.findtext(f"{ATOM}title") for e in written.iter(f"{ATOM}entry")] == ["Fine"]
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        (
            "ERROR",
            "content/posts/bell.md: its entry is left out of the feeds: Control characters are "
            "not supported in XML 1.0",
        )
    ]


@pytest.mark.parametrize(
    ("item", "keyed"),
    [
        ({"title": "a", "pubdate": WHEN, "categories": ["x"]}, True),
        ({"title": "a", "pubdate": None, "updateddate": LATER}, True),
        ({"title": "a", "pubdate": None, "updateddate": None}, False),  # Atom says "now"
        ({"title": "a", "pubdate": WHEN, "extra": {"not": "hashable"}}, False),
    ],
)
def test_item_key(item, keyed):
    assert (item_key(item) is not None) is keyed


def test_copied_shares_no_list():
    item = {"title": "a", "categories": ["x"]}
    copy = copied(item)
    copy["categories"].append("y")
    assert item == {"title": "a", "categories": ["x"]}


def _post(number: int) -> Article:
    settings = {**DEFAULT_CONFIG, "SITEURL": "https://x.test"}
    return Article(
        f"<p>Post {number} &amp; its text</p>",
        metadata={
            "title": f"Post {number}",
            "date": WHEN + datetime.timedelta(days=number),
            "summary": f"<p>Summary {number}</p>",
            "slug": f"post-{number}",
        },
        settings=settings,
    )


@pytest.mark.parametrize("feed_type", ["atom", "rss"])
def test_the_writer_writes_the_feeds_pelicans_writer_writes(tmp_path: Path, feed_type: str):
    posts = [_post(n) for n in range(4)]
    site = {"SITEURL": "https://x.test", "FEED_DOMAIN": "https://x.test", "SITENAME": "Kiln"}
    context = {**DEFAULT_CONFIG, **site}
    written = {}
    for name, kind in (("plain", Writer), ("once", FeedEntriesOnce)):
        writer = kind(str(tmp_path / name), settings=context)
        feeds = [
            writer.write_feed(chosen, context, f"feeds/{n}.xml", feed_type=feed_type)
            for n, chosen in enumerate([posts, posts[1:3], posts[2:], posts])
        ]
        written[name] = [(tmp_path / name / f"feeds/{n}.xml").read_text() for n in range(4)]
        # each feed has items of its own: changing one leaves the others as they were
        feeds[1].items[1]["title"] = "changed"
        assert feeds[0].items[2]["title"] == feeds[3].items[2]["title"] == "Post 2"
    assert written["once"] == written["plain"]


def test_the_writer_names_the_file_of_an_entry_xml_cannot_hold(tmp_path: Path, caplog):
    caplog.set_level(logging.WARNING)
    posts = [_post(n) for n in range(3)]
    posts[1]._content = "<p>Bell \x07 here</p>"
    content = tmp_path / "content"
    posts[1].source_path = str(content / "posts" / "bell.md")
    site = {"SITEURL": "https://x.test", "FEED_DOMAIN": "https://x.test", "SITENAME": "Kiln"}
    context = {**DEFAULT_CONFIG, **site, "PATH": str(content)}
    writer = FeedEntriesOnce(str(tmp_path / "out"), settings=context)
    for n in range(2):  # two feeds holding it: one line
        writer.write_feed(posts, context, f"feeds/{n}.atom.xml", feed_type="atom")
        written = ET.parse(tmp_path / "out" / f"feeds/{n}.atom.xml").getroot()
        titles = [e.findtext(f"{ATOM}title") for e in written.iter(f"{ATOM}entry")]
        assert titles == ["Post 0", "Post 2"]
    assert [r.getMessage() for r in caplog.records] == [
        "content/posts/bell.md: its entry is left out of the feeds: Control characters are not "
        "supported in XML 1.0"
    ]
