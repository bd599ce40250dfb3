"""blogger.parse: both Blogger exports (classic Atom backup, Takeout feed.atom) into the model."""

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from plugins.importer import blogger, model
from plugins.importer.model import ExportError

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "imports" / "blogger.xml"
BLOG = "tag:blogger.com,1999:blog-4471"
NEW = "tag:blogger.com,1999:blog-2020"
SITE = "http://tessellate-coop.blogspot.com"

# A small Takeout export (the 2020+ feed.atom): a draft, two trashed posts, a page, a spam and a
# pending comment, a reply through inReplyTo, a reply to a comment that is gone, an anonymous one
TAKEOUT = f"""<?xml version='1.0' encoding='utf-8'?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>
  <id>{NEW}</id>
  <title>Tessellate field notes</title>
  <entry>
    <id>{NEW}.post-c1</id>
    <blogger:type>COMMENT</blogger:type>
    <blogger:status>LIVE</blogger:status>
    <blogger:parent>{NEW}.post-p1</blogger:parent>
    <blogger:inReplyTo/>
    <author><name>Priya Nair</name><uri>https://hallsof.example/priya</uri>
      <blogger:type>BLOGGER</blogger:type></author>
    <content type='html'>Does it work offline?</content>
    <published>2021-04-11T09:00:00.000+05:30</published>
    <updated>2021-04-11T09:00:00.000+05:30</updated>
    <blogger:trashed/>
  </entry>
  <entry>
    <id>{NEW}.post-p1</id>
    <blogger:type>POST</blogger:type>
    <blogger:status>LIVE</blogger:status>
    <author><name>Maren Okafor</name><uri>https://www.blogger.com/profile/01110000000000000001</uri>
      <blogger:type>BLOGGER</blogger:type></author>
    <title>New screens for hall doors</title>
    <content type='html'>&lt;p&gt;Each hall gets a screen by the door.&lt;/p&gt;</content>
    <blogger:metaDescription>Screens by the door show today's bookings.</blogger:metaDescription>
    <blogger:created>2021-04-01T10:00:00.000Z</blogger:created>
    <published>2021-04-10T08:00:00.000Z</published>
    <updated>2021-04-12T17:30:00.000Z</updated>
    <blogger:location><blogger:name>Millbrook</blogger:name></blogger:location>
    <category scheme='{NEW}' term='hardware'/>
    <category scheme='{NEW}' term='halls'/>
    <blogger:filename>/2021/04/new-hall-screens.html</blogger:filename>
    <link/>
    <enclosure/>
    <blogger:trashed/>
  </entry>
  <entry>
    <id>{NEW}.post-p2</id>
    <blogger:type>POST</blogger:type>
    <blogger:status>DRAFT</blogger:status>
    <author><name>Tomasz Rudnik</name><blogger:type>BLOGGER</blogger:type></author>
    <title>Members' meeting agenda</title>
    <content type='html'>&lt;p&gt;Draft.&lt;/p&gt;</content>
    <published>2021-05-01T12:00:00.000-04:00</published>
    <updated>2021-05-01T12:00:00.000-04:00</updated>
    <blogger:filename>/2021/05/members-meeting.html</blogger:filename>
  </entry>
  <entry>
    <id>{NEW}.post-p3</id>
    <blogger:type>POST</blogger:type>
    <blogger:status>SOFT_TRASHED</blogger:status>
    <author><name>Maren Okafor</name></author>
    <title>Old test post</title>
    <content type='html'>test</content>
    <published>2021-01-01T00:00:00.000Z</published>
    <blogger:filename>/2021/01/test.html</blogger:filename>
  </entry>
  <entry>
    <id>{NEW}.post-p4</id>
    <blogger:type>POST</blogger:type>
    <blogger:status>DELETED</blogger:status>
    <author><name>Maren Okafor</name></author>
    <title>Deleted</title>
    <content type='html'>gone</content>
    <published>2021-01-02T00:00:00.000Z</published>
  </entry>
  <entry>
    <id>{NEW}.page-g1</id>
    <blogger:type>PAGE</blogger:type>
    <blogger:status>LIVE</blogger:status>
    <author><name>Maren Okafor</name><uri>https://www.blogger.com/profile/01110000000000000001</uri>
    </author>
    <title>Contact</title>
    <content type='html'>&lt;p&gt;Write to the cooperative.&lt;/p&gt;</content>
    <published>2021-02-01T09:00:00.000+01:00</published>
    <updated>2021-02-01T09:00:00.000+01:00</updated>
    <blogger:filename>/p/contact.html</blogger:filename>
  </entry>
  <entry>
    <id>{NEW}.post-c2</id>
    <blogger:type>COMMENT</blogger:type>
    <blogger:status>LIVE</blogger:status>
    <blogger:parent>{NEW}.post-p1</blogger:parent>
    <blogger:inReplyTo>{NEW}.post-c1</blogger:inReplyTo>
    <author><name>Maren Okafor</name><uri>https://www.blogger.com/profile/01110000000000000001</uri>
      <blogger:type>BLOGGER</blogger:type></author>
    <content type='html'>Yes, it keeps a day of bookings.</content>
    <published>2021-04-11T10:00:00.000Z</published>
  </entry>
  <entry>
    <id>{NEW}.post-c3</id>
    <blogger:type>COMMENT</blogger:type>
    <blogger:status>SPAM</blogger:status>
    <blogger:parent>{NEW}.post-p1</blogger:parent>
    <author><name>Cheap Tickets</name><uri>http://spam.example/</uri></author>
    <content type='html'>Buy now</content>
    <published>2021-04-12T01:00:00.000Z</published>
  </entry>
  <entry>
    <id>{NEW}.post-c4</id>
    <blogger:type>COMMENT</blogger:type>
    <blogger:status>PENDING</blogger:status>
    <blogger:parent>{NEW}.page-g1</blogger:parent>
    <author><name></name><uri></uri><blogger:type>ANONYMOUS</blogger:type></author>
    <content type='html'>Is there a phone number?</content>
    <published>2021-02-02T09:00:00.000Z</published>
  </entry>
  <entry>
    <id>{NEW}.post-c5</id>
    <blogger:type>COMMENT</blogger:type>
    <blogger:status>LIVE</blogger:status>
    <blogger:parent>{NEW}.post-p1</blogger:parent>
    <blogger:inReplyTo>{NEW}.post-c404</blogger:inReplyTo>
    <author><name>Iris Vantongeren</name></author>
    <content type='html'>Replying to a comment that was deleted.</content>
    <published>2021-04-13T08:00:00.000Z</published>
  </entry>
  <entry>
    <id>{NEW}.post-c6</id>
    <blogger:type>COMMENT</blogger:type>
    <blogger:status>LIVE</blogger:status>
    <blogger:parent>{NEW}.post-p3</blogger:parent>
    <author><name>Lena Abebe</name></author>
    <content type='html'>On the trashed post.</content>
    <published>2021-01-03T08:00:00.000Z</published>
  </entry>
</feed>
"""


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, model.Export]:
    """Both formats, read once: the classic fixture file and the Takeout sample above."""
    takeout = tmp_path_factory.mktemp("takeout") / "feed.atom"
    takeout.write_text(TAKEOUT, encoding="utf-8")
    return {"classic": blogger.parse(FIXTURE), "takeout": blogger.parse(takeout)}


def _item(export: model.Export, item_id: str) -> model.Item:
    return next(item for item in export.items if item.id == item_id)


def _comments(export: model.Export) -> dict[str, model.Comment]:
    return {c.id: c for item in export.items for c in item.comments}


@pytest.mark.parametrize(
    ("fmt", "posts", "pages", "drafts", "comments", "authors", "skipped"),
    [
        ("classic", 4, 1, 1, 5, 2, {"settings": 1, "template": 1}),
        (
            "takeout",
            2,
            1,
            1,
            5,
            2,
            {"trashed post": 2, "comment on a trashed post": 1},
        ),
    ],
)
def test_counts(exports, fmt, posts, pages, drafts, comments, authors, skipped):
    export = exports[fmt]
    assert export.source == "blogger"
    assert sum(i.kind == model.POST for i in export.items) == posts
    assert sum(i.kind == model.PAGE for i in export.items) == pages
    assert sum(i.status == model.DRAFT for i in export.items) == drafts
    assert len(_comments(export)) == comments
    assert len(export.authors) == authors
    assert export.skipped == skipped


@pytest.mark.parametrize(
    ("fmt", "site_url", "title"),
    [
        ("classic", SITE, "Tessellate notes"),
        ("takeout", "", "Tessellate field notes"),
    ],
)
def test_site(exports, fmt, site_url, title):
    assert exports[fmt].site_url == site_url
    assert exports[fmt].title == title


@pytest.mark.parametrize(
    ("fmt", "item_id", "field", "expected"),
    [
        ("classic", f"{BLOG}.post-101", "slug", "why-cooperative"),
        ("classic", f"{BLOG}.post-101", "old_urls", [f"{SITE}/2008/10/why-cooperative.html"]),
        ("classic", f"{BLOG}.post-101", "status", model.PUBLISHED),
        ("classic", f"{BLOG}.post-101", "tags", ["cooperative", "community halls"]),
        ("classic", f"{BLOG}.post-101", "categories", []),
        ("classic", f"{BLOG}.post-101", "author", "01110000000000000001"),
        ("classic", f"{BLOG}.post-101", "title", "Why a cooperative builds booking software"),
        ("classic", f"{BLOG}.post-101", "raw_wordpress", False),
        ("classic", f"{BLOG}.post-101", "comments_open", True),
        ("classic", f"{BLOG}.post-102", "author", "02220000000000000002"),
        ("classic", f"{BLOG}.post-102", "tags", []),
        ("classic", f"{BLOG}.post-103", "lang", "fr"),
        ("classic", f"{BLOG}.post-103", "title", "Réserver une salle sans tableur"),
        ("classic", f"{BLOG}.post-103", "tags", ["français"]),
        ("classic", f"{BLOG}.post-101", "lang", ""),
        ("classic", f"{BLOG}.post-104", "status", model.DRAFT),
        ("classic", f"{BLOG}.post-104", "slug", ""),
        ("classic", f"{BLOG}.post-104", "old_urls", []),
        ("classic", f"{BLOG}.page-201", "kind", model.PAGE),
        ("classic", f"{BLOG}.page-201", "slug", "about"),
        ("classic", f"{BLOG}.page-201", "old_urls", [f"{SITE}/p/about.html"]),
        ("takeout", f"{NEW}.post-p1", "slug", "new-hall-screens"),
        ("takeout", f"{NEW}.post-p1", "old_urls", ["/2021/04/new-hall-screens.html"]),
        ("takeout", f"{NEW}.post-p1", "status", model.PUBLISHED),
        ("takeout", f"{NEW}.post-p1", "tags", ["hardware", "halls"]),
        ("takeout", f"{NEW}.post-p1", "excerpt", "Screens by the door show today's bookings."),
        ("takeout", f"{NEW}.post-p1", "author", "01110000000000000001"),
        ("takeout", f"{NEW}.post-p1", "html", "<p>Each hall gets a screen by the door.</p>"),
        ("takeout", f"{NEW}.post-p2", "status", model.DRAFT),
        ("takeout", f"{NEW}.post-p2", "slug", "members-meeting"),
        ("takeout", f"{NEW}.post-p2", "author", "Tomasz Rudnik"),
        ("takeout", f"{NEW}.page-g1", "kind", model.PAGE),
        ("takeout", f"{NEW}.page-g1", "slug", "contact"),
        ("takeout", f"{NEW}.page-g1", "old_urls", ["/p/contact.html"]),
    ],
)
def test_item_fields(exports, fmt, item_id, field, expected):
    assert getattr(_item(exports[fmt], item_id), field) == expected


@pytest.mark.parametrize(
    ("fmt", "login", "name", "email", "url"),
    [
        (
            "classic",
            "01110000000000000001",
            "Maren Okafor",
            "",  # noreply@blogger.com is Blogger's placeholder, no one's address
            "https://www.blogger.com/profile/01110000000000000001",
        ),
        (
            "classic",
            "02220000000000000002",
            "Tomasz Rudnik",
            "",
            "https://www.blogger.com/profile/02220000000000000002",
        ),
        ("takeout", "Tomasz Rudnik", "Tomasz Rudnik", "", ""),
    ],
)
def test_authors(exports, fmt, login, name, email, url):
    author = exports[fmt].authors[login]
    assert (author.login, author.name, author.email, author.url) == (login, name, email, url)


@pytest.mark.parametrize(
    ("fmt", "item_id", "field", "expected"),
    [
        # the zone the export wrote is kept, not converted
        ("classic", f"{BLOG}.post-101", "date", "2008-10-05T14:03:00.001000-07:00"),
        ("classic", f"{BLOG}.post-101", "modified", "2008-10-07T09:15:22.480000-07:00"),
        ("classic", f"{BLOG}.post-102", "date", "2009-03-14T09:30:00+01:00"),
        ("classic", f"{BLOG}.post-104", "date", "2010-01-20T11:00:00+00:00"),
        ("takeout", f"{NEW}.post-p1", "date", "2021-04-10T08:00:00+00:00"),
        ("takeout", f"{NEW}.post-p1", "modified", "2021-04-12T17:30:00+00:00"),
        ("takeout", f"{NEW}.post-p2", "date", "2021-05-01T12:00:00-04:00"),
    ],
)
def test_dates_keep_their_zone(exports, fmt, item_id, field, expected):
    assert getattr(_item(exports[fmt], item_id), field).isoformat() == expected


@pytest.mark.parametrize("fmt", ["classic", "takeout"])
def test_every_date_is_timezone_aware(exports, fmt):
    dates = [d for i in exports[fmt].items for d in (i.date, i.modified) if d is not None]
    dates += [c.date for c in _comments(exports[fmt]).values()]
    assert dates
    assert all(isinstance(d, dt.datetime) and d.utcoffset() is not None for d in dates)


@pytest.mark.parametrize(
    ("fmt", "item_id", "comment_ids"),
    [
        # read in date order: the reply (302) comes first in the file, after 301 here
        ("classic", f"{BLOG}.post-101", ["301", "302", "303"]),
        ("classic", f"{BLOG}.post-102", ["304"]),
        ("classic", f"{BLOG}.post-103", ["306"]),
        ("classic", f"{BLOG}.page-201", []),
        ("takeout", f"{NEW}.post-p1", ["c1", "c2", "c3", "c5"]),
        ("takeout", f"{NEW}.page-g1", ["c4"]),
    ],
)
def test_comments_under_their_item(exports, fmt, item_id, comment_ids):
    prefix = BLOG if fmt == "classic" else NEW
    got = [c.id for c in _item(exports[fmt], item_id).comments]
    assert got == [f"{prefix}.post-{n}" for n in comment_ids]


@pytest.mark.parametrize(
    ("fmt", "comment", "parent"),
    [
        ("classic", f"{BLOG}.post-302", f"{BLOG}.post-301"),
        ("classic", f"{BLOG}.post-301", None),
        ("classic", f"{BLOG}.post-304", None),
        ("takeout", f"{NEW}.post-c2", f"{NEW}.post-c1"),
        ("takeout", f"{NEW}.post-c1", None),
        # its parent is not in the export: kept, at the top level
        ("takeout", f"{NEW}.post-c5", None),
    ],
)
def test_threading(exports, fmt, comment, parent):
    assert _comments(exports[fmt])[comment].parent == parent


@pytest.mark.parametrize(
    ("fmt", "comment", "status", "author", "email", "url"),
    [
        (
            "classic",
            f"{BLOG}.post-301",
            model.APPROVED,
            "Iris Vantongeren",
            "",
            "https://www.blogger.com/profile/03330000000000000003",
        ),
        ("classic", f"{BLOG}.post-303", model.APPROVED, "Anonymous", "", ""),
        (
            "classic",
            f"{BLOG}.post-304",
            model.APPROVED,
            "Dev at Hallkeeper",
            "",
            "http://hallkeeper.example/",
        ),
        ("classic", f"{BLOG}.post-306", model.TRASH, "Anonymous", "", ""),
        (
            "takeout",
            f"{NEW}.post-c1",
            model.APPROVED,
            "Priya Nair",
            "",
            "https://hallsof.example/priya",
        ),
        ("takeout", f"{NEW}.post-c3", model.SPAM, "Cheap Tickets", "", "http://spam.example/"),
        ("takeout", f"{NEW}.post-c4", model.PENDING, "Anonymous", "", ""),
    ],
)
def test_comment_fields(exports, fmt, comment, status, author, email, url):
    got = _comments(exports[fmt])[comment]
    assert got.kind == model.COMMENT
    assert (got.status, got.author, got.email, got.url) == (status, author, email, url)


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        # the comment on post 999 is dropped with one line; everything else is imported
        ("classic", [("post-305", "post-999", "not in the export")]),
        (
            "takeout",
            [
                ("does not give the blog's address",),
                ("post-c5", "post-c404", "top level"),
            ],
        ),
    ],
)
def test_problems_one_line_each(exports, fmt, expected):
    problems = exports[fmt].problems
    assert len(problems) == len(expected)
    for line, parts in zip(problems, expected, strict=True):
        assert "\n" not in line
        assert all(part in line for part in parts), line


def test_images_stay_in_the_html_as_exported(exports):
    html = _item(exports["classic"], f"{BLOG}.post-102").html
    soup = BeautifulSoup(html, "html.parser")
    linked = soup.select_one("a > img")
    assert linked["src"].endswith("/s320/hall.jpg")
    assert linked.parent["href"].endswith("/s1600/hall.jpg")
    assert linked.parent["href"].startswith("https://blogger.googleusercontent.com/img/b/")
    assert [img["src"].rsplit("/", 1)[1] for img in soup.select("img")] == [
        "hall.jpg",
        "screen.png",
    ]


WXR = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old</title><wp:wxr_version>1.2</wp:wxr_version></channel></rss>
"""
HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Tessellate</title></head><body><p>Hi<br></body></html>
"""
OTHER_ATOM = """<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:uuid:1</id><title>Not Blogger</title>
<entry><id>urn:uuid:2</id><title>x</title></entry></feed>
"""


def _half_of_the_fixture() -> str:
    text = FIXTURE.read_text(encoding="utf-8")
    return text[: len(text) // 2]


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("export.xml", WXR, "WordPress export (WXR)"),
        ("index.html", HTML, "HTML page"),
        ("empty.xml", "", "empty"),
        ("blank.xml", "  \n\n", "empty"),
        ("posts.json", '{"posts": []}', "JSON"),
        ("feed.atom", OTHER_ATOM, "not from Blogger"),
        ("half.xml", _half_of_the_fixture(), "not well-formed XML at line"),
        ("notes.xml", "<notes><note>hi</note></notes>", "<notes>"),
    ],
)
def test_bad_input_is_one_error_line_naming_the_file(tmp_path, name, content, says):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ExportError) as raised:
        blogger.parse(path)
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert says in message
    assert "expected a Blogger export" in message


def _cut_inside_a_tag() -> tuple[str, int]:
    """The fixture cut inside the last <content> tag of its first half, and where the tag opens."""
    text = _half_of_the_fixture()
    opens = text.rindex("<content")
    return text[: opens + len("<content typ")], opens


def _cut_between_lines() -> tuple[str, int]:
    """The fixture's first half cut back to a line end: the XML stops where the file stops."""
    text = _half_of_the_fixture()
    text = text[: text.rindex("\n") + 1]
    return text, len(text)


@pytest.mark.parametrize("cut", [_cut_inside_a_tag, _cut_between_lines])
def test_truncated_xml_names_the_line_and_column(tmp_path, cut):
    text, where = cut()
    path = tmp_path / "cut.xml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ExportError) as raised:
        blogger.parse(path)
    line = text.count("\n", 0, where) + 1
    column = where - (text.rfind("\n", 0, where) + 1) + 1  # counted from 1, as editors do
    assert f"at line {line}, column {column} " in str(raised.value)


def test_a_missing_file_is_an_error_line(tmp_path):
    path = tmp_path / "nowhere.xml"
    with pytest.raises(ExportError, match="cannot be read"):
        blogger.parse(path)


KIND = "http://schemas.google.com/g/2005#kind"
POST_KIND = "http://schemas.google.com/blogger/2008/kind#post"
COMMENT_KIND = "http://schemas.google.com/blogger/2008/kind#comment"
# classic entries, each damaged in one way, beside one good post that must still be imported
DAMAGED_CLASSIC = f"""<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:thr='http://purl.org/syndication/thread/1.0'>
<id>{BLOG}</id><title type='text'>Damaged</title>
<link rel='alternate' type='text/html' href='http://damaged.blogspot.com/'/>
<entry><id>{BLOG}.post-1</id><category scheme='{KIND}' term='{POST_KIND}'/>
<title type='html'>Halls &amp;amp; &lt;b&gt;rooms&lt;/b&gt;</title><content type='html'>ok</content>
<published>yesterday</published><updated>2009-01-01T10:00:00</updated>
<link rel='alternate' type='text/html' href='http://damaged.blogspot.com/2009/01/halls.html'/>
<author><name>Ada Osei</name><uri>https://plus.google.com/114000000000000000001</uri></author>
</entry>
<entry><id>{BLOG}.post-2</id><title type='text'>no kind</title></entry>
<entry><id>{BLOG}.post-3</id><category scheme='{KIND}' term='{POST_KIND}'/>
<title type='text'>nobody</title><content type='html'>x</content><author><name/></author></entry>
<entry><id>{BLOG}.post-4</id><category scheme='{KIND}' term='{COMMENT_KIND}'/>
<content type='html'>which post?</content><author><name>Lena</name></author></entry>
</feed>
"""
DAMAGED_TAKEOUT = f"""<?xml version='1.0' encoding='utf-8'?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>
<id>{NEW}</id><title>Damaged</title>
<entry><id>{NEW}.post-p1</id><blogger:type>POST</blogger:type><blogger:status>ARCHIVED</blogger:status>
<title>odd state</title><content type='html'>x</content><author><name>Ada Osei</name></author>
<blogger:filename>/2022/01/odd.html</blogger:filename></entry>
<entry><id>{NEW}.post-c1</id><blogger:type>COMMENT</blogger:type><blogger:status>HELD</blogger:status>
<blogger:parent>{NEW}.post-p1</blogger:parent><author><name>Lena</name></author>
<content type='html'>held?</content></entry>
</feed>
"""


@pytest.mark.parametrize(
    ("text", "problems", "check"),
    [
        (
            DAMAGED_CLASSIC,
            [
                ("post-1", "its title 'Halls &amp; <b>rooms</b>' (HTML)", "'Halls & rooms'"),
                ("post-1", "<published> 'yesterday'", "left empty"),
                ("post-1", "<updated> '2009-01-01T10:00:00'", "with a zone"),
                ("post-2", "says no kind"),
                ("post-3", "neither a name nor a profile address"),
                ("post-4", "(none given)", "not in the export"),
            ],
            {
                "title": "Halls & rooms",
                "date": None,
                "modified": None,
                "author": "114000000000000000001",
                "slug": "halls",
            },
        ),
        (
            DAMAGED_TAKEOUT,
            [
                ("does not give the blog's address",),
                ("post-p1", "'ARCHIVED'", "imported as a draft"),
                ("post-c1", "'HELD'", "kept as pending"),
            ],
            {"status": model.DRAFT, "slug": "odd"},
        ),
    ],
)
def test_damaged_entries_are_problem_lines_and_the_rest_is_read(tmp_path, text, problems, check):
    path = tmp_path / "damaged.xml"
    path.write_text(text, encoding="utf-8")
    export = blogger.parse(path)
    assert len(export.problems) == len(problems)
    for line, parts in zip(export.problems, problems, strict=True):
        assert all(part in line for part in parts), line
    first = export.items[0]
    assert {key: getattr(first, key) for key in check} == check


def test_held_takeout_comment_is_pending(tmp_path):
    path = tmp_path / "damaged.xml"
    path.write_text(DAMAGED_TAKEOUT, encoding="utf-8")
    (comment,) = blogger.parse(path).items[0].comments
    assert comment.status == model.PENDING


def test_a_public_blogger_feed_is_not_taken_for_a_backup(tmp_path):
    path = tmp_path / "default.xml"
    path.write_text(
        f"<feed xmlns='http://www.w3.org/2005/Atom'><id>{BLOG}</id><title>Public</title>"
        f"<entry><id>{BLOG}.post-1</id><title>x</title></entry></feed>",
        encoding="utf-8",
    )
    with pytest.raises(ExportError, match=r"say no kind .* the public feed"):
        blogger.parse(path)


def test_characters_xml_forbids_are_dropped_and_the_entry_named(tmp_path):
    path = tmp_path / "pasted.xml"
    text = DAMAGED_CLASSIC.replace("<content type='html'>ok</content>", "<content>o\x0bk</content>")
    path.write_bytes(text.encode("utf-8"))
    export = blogger.parse(path)
    assert export.items[0].html == "o k"
    assert export.problems[0].startswith(
        f"entry {BLOG}.post-1: 1 character XML does not allow (U+000B: "
    )


def test_a_search_description_is_text_and_stays_text(tmp_path):
    """Blogger's search description is plain text: "<b>" in it is four characters, and the
    Summary written from it says so (Pelican reads a Summary as Markdown)."""
    from plugins.importer import convert

    path = tmp_path / "feed.atom"
    path.write_text(
        TAKEOUT.replace("Screens by the door show today's bookings.", "Use &lt;b&gt; &amp; *x*"),
        encoding="utf-8",
    )
    item = _item(blogger.parse(path), f"{NEW}.post-p1")
    assert item.excerpt == "Use &lt;b&gt; &amp; *x*"
    assert convert.summary_markdown(item.excerpt) == "Use &lt;b> & \\*x\\*"


def _empty_blog_backup() -> str:
    """What "Back up content" gives for a blog with no post: the fixture's head, its settings
    and template entries, and nothing else."""
    text = FIXTURE.read_text(encoding="utf-8")
    return text[: text.index(f"<entry>\n<id>{BLOG}.post-")] + "</feed>\n"


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        (_empty_blog_backup(), " (only the blog's settings and template): "),
        # a Takeout feed.atom of a blog with no post: no entry at all
        (TAKEOUT[: TAKEOUT.index("  <entry>")] + "</feed>\n", ": "),
    ],
)
def test_a_file_with_no_post_or_page_is_one_line(tmp_path, text, holds):
    # as an empty WordPress export: one line saying what the file holds, not an empty report
    path = tmp_path / "blog-12-04-2026.xml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ExportError) as raised:
        blogger.parse(path)
    message = str(raised.value)
    assert message.startswith(f"{path}: no post or page in this export{holds}")
    assert "Back up content" in message
    assert "\n" not in message


def test_a_blogger_theme_backup_is_named_as_such(tmp_path):
    # Theme → Backup saves the template alone (XML, its tags in Blogger's b: namespace)
    path = tmp_path / "theme-4471.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE html>\n'
        "<html b:css='false' b:defaultwidgetversion='2' b:layoutsVersion='3' "
        "b:responsive='true' b:templateVersion='1.3.0' xmlns='http://www.w3.org/1999/xhtml' "
        "xmlns:b='http://www.google.com/2005/gml/b' "
        "xmlns:data='http://www.google.com/2005/gml/data' "
        "xmlns:expr='http://www.google.com/2005/gml/expr'>\n<head><title><data:view.title/>"
        "</title><b:skin><![CDATA[body { font: 14px sans-serif; }]]></b:skin></head>\n"
        "<body><b:section id='main'><b:widget id='Blog1' type='Blog' version='2'/></b:section>"
        "</body>\n</html>\n",
        encoding="utf-8",
    )
    with pytest.raises(ExportError) as raised:
        blogger.parse(path)
    assert str(raised.value) == (
        f"{path}: this is a Blogger theme (Theme → Backup), which holds no post or page; "
        f"{blogger.EXPECTED}"
    )


@pytest.mark.parametrize(
    ("members", "error"),
    [
        # Google Takeout's zip: the blog's feed.atom beside its theme's XML files
        (["Takeout/Blogger/Blogs/Field notes/feed.atom", "Takeout/Blogger/Blogs/Field notes/"
          "theme-classic.xml", "Takeout/archive_browser.html"], ""),
        (["Takeout/Blogger/Blogs/A/feed.atom", "Takeout/Blogger/Blogs/B/feed.atom"],
         "a zip archive of 2 exports (Takeout/Blogger/Blogs/A/feed.atom, "
         "Takeout/Blogger/Blogs/B/feed.atom): unzip it and import each, one after the other "
         "(`invoke import-blogger <file>`)"),
    ],
    ids=["one-blog", "two-blogs"],
)  # fmt: skip
def test_a_takeout_zip_is_read_as_its_feed(tmp_path, members, error):
    path = tmp_path / "takeout-20261205.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name in members:
            archive.writestr(name, TAKEOUT if name.endswith(".atom") else "<html/>")
    if error:
        with pytest.raises(ExportError) as caught:
            blogger.parse(path)
        assert str(caught.value) == f"{path}: {error}"
    else:
        assert blogger.parse(path).title == "Tessellate field notes"


def blogger_with_settings(
    settings: dict[str, str],
    posts: tuple[tuple[str, str], ...] = (("Első hó a csúcson", "elso-ho"),),
) -> str:
    """A classic Blogger backup with the given settings entries (BLOG_LOCALE…) and posts
    (title, permalink: /2011/02/<permalink>.html), each with one comment."""
    kind = (
        "<category scheme='http://schemas.google.com/g/2005#kind' "
        "term='http://schemas.google.com/blogger/2008/kind#{}'/>"
    )
    entries = "".join(
        f"<entry><id>tag:blogger.com,1999:blog-77.settings.{name}</id>{kind.format('settings')}"
        f"<title type='text'>{name}</title><content type='text'>{value}</content></entry>"
        for name, value in settings.items()
    )
    for number, (title, permalink) in enumerate(posts, 1):
        address = f"http://hegyinaplo.blogspot.com/2011/02/{permalink}.html"
        entries += (
            f"<entry><id>tag:blogger.com,1999:blog-77.post-{number}</id>"
            f"<published>2011-02-0{number}T18:20:00.000+01:00</published>"
            f"<updated>2011-02-0{number}T18:20:00.000+01:00</updated>"
            f"{kind.format('post')}<title type='text'>{title}</title>"
            "<content type='html'>&lt;p&gt;Reggelre fehér lett a gerinc, és a kunyhó "
            "kéménye is alig látszott ki.&lt;/p&gt;</content>"
            f"<link rel='alternate' type='text/html' href='{address}'/>"
            "<author><name>Kata</name></author></entry>"
            f"<entry><id>tag:blogger.com,1999:blog-77.post-10{number}</id>"
            f"<published>2011-02-0{number}T20:00:00.000+01:00</published>"
            f"{kind.format('comment')}<content type='html'>Szép!</content>"
            "<author><name>Bori</name></author>"
            f"<thr:in-reply-to ref='tag:blogger.com,1999:blog-77.post-{number}'/></entry>"
        )
    return (
        "<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom' "
        "xmlns:thr='http://purl.org/syndication/thread/1.0'>"
        "<id>tag:blogger.com,1999:blog-77.archive</id><title type='text'>Hegyi napló</title>"
        "<link rel='alternate' type='text/html' href='http://hegyinaplo.blogspot.com/'/>"
        f"{entries}</feed>"
    )


@pytest.mark.parametrize(
    ("locale", "lang", "problem"),
    [
        ("hu", "hu", None),
        ("pt_BR", "pt", None),  # its first part, as WordPress's <language> is read
        ("en-GB", "en", None),  # an en-GB blog in an 'en' site: not at /en-GB/posts/
        ("zh-TW", "zh-TW", None),  # not zh: its catalog would be Simplified Chinese
        ("iw", "he", None),  # Blogger's old code for Hebrew
        ("hungarian", "", "the blog's language (BLOG_LOCALE) 'hungarian' is no language code"),
    ],
)
def test_the_blog_s_language_is_its_locale_setting(tmp_path, locale, lang, problem):
    export = tmp_path / "blog.xml"
    export.write_text(
        blogger_with_settings({"BLOG_LOCALE": locale, "BLOG_TIME_ZONE": "Europe/Budapest"}),
        encoding="utf-8",
    )
    read = blogger.parse(export)
    assert (read.lang, read.timezone, read.title) == (lang, "Europe/Budapest", "Hegyi napló")
    said = [line for line in read.problems if "BLOG_LOCALE" in line]
    assert [line.startswith(problem) for line in said] == ([True] if problem else [])


@pytest.mark.parametrize(
    ("permalink", "title", "is_mangled"),
    [
        # Blogger's first permalinks dropped every letter outside ASCII
        ("kerkprok-tisztlkodsrl", "A kerékpárok tisztálkodásáról", True),
        ("vlo", "Vélo", True),
        ("1-hnap-1-laks", "1 hónap == 1 lakás", True),
        # the title edited since: its words that lost letters still say so
        ("ltnokok-akr-20-ves-tapasztalattal", "Látnokok akár 40 éves tapasztalattal", True),
        ("esik-e-h", "Esik-e hó?", True),  # 'hó' → 'h'
        ("probaplya", "Próbapálya", True),  # its spelling corrected since ('Probapálya')
        ("python", "Привет Python", True),  # a whole word gone
        ("blog-post", "Привет мир", True),  # Blogger's placeholder for a title of no Latin letter
        ("blog-post_12", "東京の夜", True),  # ... a second one in the same month
        # later permalinks spell the letters out; typed ones are their writer's
        ("hutott-uborkale", "Hűtött uborkalé", False),
        ("verbier-contador-es-az-allatok", "Verbier, Contador és az állatok", False),
        ("leptem-ma-mar-otezret", "Léptem ma már ötezret?", False),  # 'ma' is a word of it
        ("jazz-mon-repos", "Jazz à Mon Repos", False),  # 'à' dropped as a short word, not lost
        ("reserver-une-salle", "Réserver une salle sans tableur", False),
        ("bike-2-work", "Nem a részvétel, hanem a fontos", False),
        ("why-cooperative", "Why a cooperative builds booking software", False),
        ("blog-post", "Blog post", False),
        ("blog-post_3", "", False),  # no title: nothing better to make it of
        ("blog-post", "😀", False),
    ],
)
def test_a_permalink_blogger_made_by_dropping_letters_is_recognised(permalink, title, is_mangled):
    assert blogger.mangled(permalink, title) is is_mangled


def test_a_post_whose_permalink_lost_its_accents_is_flagged_for_the_plan(tmp_path):
    """The reader keeps the old slug and address as they were, and says which lost letters:
    the plan, which knows what an earlier import wrote, chooses the slug."""
    export = tmp_path / "blog.xml"
    posts = (("A kerékpárok tisztálkodásáról", "kerkprok-tisztlkodsrl"), ("Vélo", "velo"))
    export.write_text(blogger_with_settings({}, posts=posts), encoding="utf-8")
    read = blogger.parse(export)
    assert [(i.slug, i.slug_lost_letters) for i in read.items] == [
        ("kerkprok-tisztlkodsrl", True),
        ("velo", False),
    ]
    assert read.items[0].old_urls == [
        "http://hegyinaplo.blogspot.com/2011/02/kerkprok-tisztlkodsrl.html"
    ]
    assert read.problems == []
