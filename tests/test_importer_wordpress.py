"""The WordPress export reader: the fixture WXR read into the model, and bad files refused."""

import datetime as dt
import gzip
import zipfile
from pathlib import Path

import pytest

from plugins.importer import model, wordpress

WXR = Path(__file__).parent / "fixtures" / "imports" / "wordpress.xml"
PLUS_ONE = dt.timezone(dt.timedelta(hours=1))


@pytest.fixture(scope="module")
def export() -> model.Export:
    return wordpress.parse(WXR)


def _item(export: model.Export, item_id: str) -> model.Item:
    return next(i for i in export.items if i.id == item_id)


def test_the_site_and_its_authors(export):
    assert export.source == "wordpress"
    assert export.site_url == "http://journal.tessellate.example"
    assert export.lang == "en"
    assert {a.login: a.name for a in export.authors.values()} == {
        "maya": "Maya Okafor",
        "theo": "Théo Marchand",
        "ops-desk": "",
    }
    assert export.authors["maya"].email == "maya@tessellate.example"


@pytest.mark.parametrize(
    ("item_id", "field", "expected"),
    [
        ("101", "kind", model.POST),
        ("101", "status", model.PUBLISHED),
        ("101", "slug", "bookings-as-ranges"),
        ("101", "author", "maya"),
        ("101", "categories", ["Engineering"]),
        ("101", "tags", ["postgres", "calendars"]),
        ("101", "date", dt.datetime(2008, 10, 29, 9, 30, tzinfo=dt.UTC)),  # _gmt: the same
        ("101", "modified", dt.datetime(2008, 11, 2, 18, 5, tzinfo=dt.UTC)),
        ("104", "date", dt.datetime(2009, 1, 12, 11, tzinfo=PLUS_ONE)),  # 10:00 GMT
        ("104", "modified", dt.datetime(2009, 1, 12, 11, tzinfo=PLUS_ONE)),
        ("103", "date", dt.datetime(2009, 2, 20, 16, 20)),  # a draft: no post_date_gmt
        ("101", "comments_open", True),
        (
            "101",
            "old_urls",
            [
                "http://journal.tessellate.example/2008/10/29/bookings-as-ranges/",
                "http://journal.tessellate.example/?p=101",
            ],
        ),
        ("101", "raw_wordpress", True),
        ("102", "comments_open", False),
        ("102", "categories", ["Company", "Engineering"]),
        ("104", "lang", "fr"),
        ("104", "slug", "nos-salles-préférées"),  # WordPress keeps it percent-encoded
        ("103", "status", model.DRAFT),
        ("103", "slug", ""),
        ("103", "old_urls", []),  # a draft had no public address
        ("103", "categories", []),  # "Uncategorized" is WordPress's placeholder
        ("110", "kind", model.PAGE),
        (
            "110",
            "old_urls",
            [
                "http://journal.tessellate.example/about/",
                "http://journal.tessellate.example/?page_id=110",
            ],
        ),
    ],
)
def test_items(export, item_id, field, expected):
    assert getattr(_item(export, item_id), field) == expected


def test_only_posts_and_pages_are_items(export):
    assert sorted(i.id for i in export.items) == ["101", "102", "103", "104", "105", "110"]
    assert export.skipped == {"nav_menu_item": 1, "product": 1}
    assert sorted(export.attachments) == ["301", "302", "303", "304"]
    assert export.attachments["301"].alt.startswith("A brick hall")
    assert export.attachments["303"].caption == "The old school at Vaise."
    assert export.attachments["303"].parent == "102"


@pytest.mark.parametrize(
    ("comment_id", "kind", "status", "parent"),
    [
        ("201", model.COMMENT, model.APPROVED, None),
        ("202", model.COMMENT, model.APPROVED, "101/201"),
        ("203", model.COMMENT, model.APPROVED, "101/202"),  # an empty comment_type is a comment
        ("204", model.PINGBACK, model.APPROVED, None),
        ("205", model.TRACKBACK, model.APPROVED, None),
        ("206", model.COMMENT, model.SPAM, None),
        ("207", model.COMMENT, model.TRASH, None),
        ("208", model.COMMENT, model.PENDING, None),
        ("209", model.COMMENT, model.APPROVED, "101/999"),
    ],
)
def test_comments_keep_kind_state_and_thread(export, comment_id, kind, status, parent):
    comment = next(c for c in _item(export, "101").comments if c.id == f"101/{comment_id}")
    assert (comment.kind, comment.status, comment.parent) == (kind, status, parent)
    assert comment.date is not None and comment.date.tzinfo == dt.UTC


def test_a_plugin_content_type_is_one_problem_line(export):
    assert export.problems == [
        "item 500 ('Blue enamel mug') is a 'product', not a post or page (a plugin's content "
        "type): not imported"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the file is empty"),
        ("<html><body>Hello</body></html>", "not a WordPress export: its root is <html>"),
        (
            '<feed xmlns="http://www.w3.org/2005/Atom"></feed>',
            "its root is <feed>, expected <rss> with a <channel> (WordPress: Tools → Export → All "
            "content) (a Blogger export? use `invoke import-blogger`)",
        ),
        ("<rss><channel><item/></channel></rss>", "an RSS feed, not a WordPress export"),
        ('{"posts": []}', "not readable XML at line 1, column 1 (not well-formed (invalid token))"),
        ("CUT", "the file looks cut short"),
    ],
)
def test_files_that_are_not_exports_are_one_line(tmp_path, text, expected):
    path = tmp_path / "export.xml"
    if text == "CUT":
        whole = WXR.read_text(encoding="utf-8")
        text = whole[: len(whole) // 2]
    path.write_text(text, encoding="utf-8")
    with pytest.raises(model.ExportError) as caught:
        wordpress.parse(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert expected in message
    assert "\n" not in message


def test_older_wxr_versions_read_the_same(tmp_path):
    old = tmp_path / "old.xml"
    old.write_text(
        WXR.read_text(encoding="utf-8").replace("export/1.2/", "export/1.0/"), encoding="utf-8"
    )
    assert [i.id for i in wordpress.parse(old).items] == [i.id for i in wordpress.parse(WXR).items]


def _wxr(items: str) -> str:
    """A minimal WXR 1.2 file around some <item> elements."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:wp="http://wordpress.org/export/1.2/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>'
        "<link>http://old.example</link><wp:wxr_version>1.2</wp:wxr_version>"
        f"{items}</channel></rss>"
    )


def _one(post_id: str, status: str, password: str = "", kind: str = "post") -> str:
    return (
        f"<item><title>Item {post_id}</title><wp:post_id>{post_id}</wp:post_id>"
        f"<wp:status>{status}</wp:status><wp:post_type>{kind}</wp:post_type>"
        f"<wp:post_password>{password}</wp:post_password><wp:post_name>i{post_id}</wp:post_name>"
        "<content:encoded>Text</content:encoded></item>"
    )


@pytest.mark.parametrize(
    ("status", "password", "expected", "note"),
    [
        ("publish", "", model.PUBLISHED, None),
        (
            "publish",
            "secret",
            model.DRAFT,
            "was password-protected (--private): imported as a draft; never commit it to a "
            "public repository",
        ),
        (
            "private",
            "",
            model.DRAFT,
            "was private (--private): imported as a draft; never commit it to a public repository",
        ),
        ("pending", "", model.DRAFT, "was pending: imported as a draft"),
        ("future", "", model.DRAFT, "was future: imported as a draft"),
        ("draft", "", model.DRAFT, None),
    ],
)
def test_states_that_cannot_be_public_become_drafts(tmp_path, status, password, expected, note):
    path = tmp_path / "x.xml"
    path.write_text(_wxr(_one("7", status, password)), encoding="utf-8")
    export = wordpress.parse(path, private=True)
    assert [i.status for i in export.items] == [expected]
    assert [p for p in export.problems if "item 7" in p] == (
        [f"item 7 ('Item 7') {note}"] if note else []
    )


def test_private_and_password_protected_items_are_left_out_unless_asked(tmp_path):
    """The content folder is committed, perhaps to a public repository: what was never public
    on the old blog is not written into it, only counted, with the option that brings it."""
    path = tmp_path / "x.xml"
    items = _one("1", "publish") + _one("2", "private") + _one("3", "publish", "secret")
    path.write_text(_wxr(items + _one("4", "private", kind="page")), encoding="utf-8")
    export = wordpress.parse(path)
    assert [i.id for i in export.items] == ["1"]
    assert export.skipped == {
        "private posts": 1, "password-protected posts": 1, "private pages": 1
    }  # fmt: skip
    assert export.problems == [
        "3 private or password-protected items not imported (never public on the old blog, and "
        "the content folder is committed, perhaps to a public repository): to have them as "
        "drafts, import again with --private; item 2 ('Item 2'), item 3 ('Item 3'), "
        "item 4 ('Item 4')"
    ]
    only = tmp_path / "only.xml"
    only.write_text(_wxr(_one("2", "private")), encoding="utf-8")
    with pytest.raises(model.ExportError, match=r"add --private$"):
        wordpress.parse(only)


def test_a_left_out_items_comments_are_said_with_it(tmp_path):
    """WordPress's theme unit test data: its password-protected post has a comment, which
    goes with the post; the line says so, so that every comment of the export is accounted for."""
    comment = (
        "<wp:comment><wp:comment_id>9</wp:comment_id><wp:comment_approved>1"
        "</wp:comment_approved><wp:comment_content>Hi</wp:comment_content></wp:comment>"
    )
    path = tmp_path / "x.xml"
    items = _one("1", "publish") + _one("3", "publish", "enter").replace(
        "</item>", comment * 2 + "</item>"
    )
    path.write_text(_wxr(items + _one("4", "private").replace("</item>", comment + "</item>")))
    assert wordpress.parse(path).problems == [
        "2 private or password-protected items not imported (never public on the old blog, and "
        "the content folder is committed, perhaps to a public repository): to have them as "
        "drafts, import again with --private; item 3 ('Item 3', with its 2 comments), "
        "item 4 ('Item 4', with its 1 comment)"
    ]


def test_a_featured_image_is_read_with_its_attachment(tmp_path):
    """WordPress.com writes an attachment's address on a line of its own: read without it."""
    meta = (
        "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
        "<wp:meta_value><![CDATA[10]]></wp:meta_value></wp:postmeta>"
    )
    attachment = (
        "<item><title>Placeholder Image</title><wp:post_id>10</wp:post_id>"
        "<wp:post_parent>7</wp:post_parent><wp:status>inherit</wp:status>"
        "<wp:post_type>attachment</wp:post_type><wp:attachment_url>\n        "
        "https://old.example/wp-content/uploads/2025/01/x.jpg</wp:attachment_url></item>"
    )
    path = tmp_path / "x.xml"
    path.write_text(
        _wxr(_one("7", "publish").replace("</item>", meta + "</item>") + _one("8", "publish")
             + attachment),
        encoding="utf-8",
    )  # fmt: skip
    export = wordpress.parse(path)
    assert [i.featured for i in export.items] == ["10", ""]
    assert export.attachments["10"].url == "https://old.example/wp-content/uploads/2025/01/x.jpg"
    assert export.attachments["10"].parent == "7"


@pytest.mark.parametrize("status", ["trash", "auto-draft", "inherit"])
def test_trashed_and_automatic_items_are_counted_not_imported(tmp_path, status):
    path = tmp_path / "x.xml"
    path.write_text(_wxr(_one("7", status) + _one("8", "publish")), encoding="utf-8")
    export = wordpress.parse(path)
    assert [i.id for i in export.items] == ["8"]
    assert export.skipped == {f"{status} post": 1}


def test_names_wordpress_stores_escaped_are_read_as_text(tmp_path):
    """WordPress keeps titles, term names and people's names HTML-escaped in the export."""
    path = tmp_path / "x.xml"
    item = (
        "<item><title><![CDATA[Q&amp;A: Rock &#8216;n&#8217; Roll]]></title>"
        "<dc:creator>admin</dc:creator><wp:post_id>7</wp:post_id><wp:status>publish</wp:status>"
        "<wp:post_type>post</wp:post_type><content:encoded>Text</content:encoded>"
        '<category domain="category" nicename="n"><![CDATA[News &amp; Events]]></category>'
        '<category domain="post_tag" nicename="r-d"><![CDATA[R&amp;D]]></category>'
        "<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_approved>1</wp:comment_approved>"
        "<wp:comment_author><![CDATA[O&#039;Brien &amp; Sons]]></wp:comment_author>"
        "<wp:comment_content>Hi</wp:comment_content></wp:comment></item>"
    )
    author = (
        "<wp:author><wp:author_login>admin</wp:author_login>"
        "<wp:author_display_name><![CDATA[Ada &laquo;the admin&raquo;]]></wp:author_display_name>"
        "</wp:author>"
    )
    path.write_text(_wxr(author + item), encoding="utf-8")
    export = wordpress.parse(path)
    (read,) = export.items
    assert read.title == "Q&A: Rock ‘n’ Roll"
    assert (read.categories, read.tags) == (["News & Events"], ["R&D"])
    assert read.comments[0].author == "O'Brien & Sons"
    assert export.authors["admin"].name == "Ada «the admin»"


@pytest.mark.parametrize(
    ("body", "title", "text", "codes"),
    [
        ("Line one\x0bline two \x1a.", "Pasted", "Line one line two .", "U+000B, U+001A"),
        ("Tab&#11;bed", "Page&#x0C;break", "Tab bed", "U+000B, U+000C"),  # as references
        ("Clean\tenough", "Clean", "Clean\tenough", ""),  # a tab is allowed: nothing to say
    ],
)
def test_characters_xml_forbids_are_dropped_not_fatal(tmp_path, body, title, text, codes):
    """Text pasted from a word processor carries control characters WordPress exports as they
    are; exporting again would write them again, so the import drops them and says where."""
    path = tmp_path / "x.xml"
    item = (
        f"<item><title>{title}</title><wp:post_id>95</wp:post_id><wp:status>publish</wp:status>"
        f"<wp:post_type>post</wp:post_type><content:encoded>{body}</content:encoded></item>"
    )
    path.write_bytes(_wxr(item + _one("8", "publish")).encode("utf-8"))
    export = wordpress.parse(path)
    assert [i.id for i in export.items] == ["95", "8"]
    assert export.items[0].html == text
    notes = [p for p in export.problems if "XML does not allow" in p]
    expected = f"item 95 ({export.items[0].title!r}): 2 characters XML does not allow ({codes}: "
    assert [n[: len(expected)] for n in notes] == ([expected] if codes else [])


@pytest.mark.parametrize(
    ("local", "gmt", "expected", "note"),
    [
        # the old site's offset, from the two times WordPress gives: the post keeps its moment
        ("2009-01-12 11:00:00", "2009-01-12 10:00:00", dt.timedelta(hours=1), None),
        ("2012-07-01 08:00:00", "2012-07-01 15:00:00", dt.timedelta(hours=-7), None),
        ("2014-03-02 18:45:00", "2014-03-02 13:00:00", dt.timedelta(hours=5, minutes=45), None),
        ("2015-05-05 10:00:00", "0000-00-00 00:00:00", None, None),  # a draft's: no offset
        ("2015-05-05 10:00:00", "", None, None),
        (
            "2015-05-05 10:00:00",
            "2015-05-01 10:00:00",  # four days apart: an edit's, not an offset
            None,
            "its post_date (2015-05-05 10:00:00) and post_date_gmt (2015-05-01 10:00:00) "
            "differ by no time zone's offset: the local time is kept, read in the site's TIMEZONE",
        ),
        ("2015-05-05 10:00:30", "2015-05-05 09:00:00", None, "differ by no time zone's offset"),
    ],
)
def test_a_post_date_keeps_the_offset_its_gmt_twin_gives(tmp_path, local, gmt, expected, note):
    path = tmp_path / "x.xml"
    fields = f"<wp:post_date>{local}</wp:post_date><wp:post_date_gmt>{gmt}</wp:post_date_gmt>"
    path.write_text(_wxr(_one("7", "publish").replace("</item>", fields + "</item>")))
    export = wordpress.parse(path)
    date = export.items[0].date
    assert date.replace(tzinfo=None) == dt.datetime.fromisoformat(local)  # the time as shown
    assert date.utcoffset() == expected
    notes = [p for p in export.problems if "offset" in p]
    assert len(notes) == (1 if note else 0)
    assert not note or (notes[0].startswith("item 7 ('Item 7'): ") and note in notes[0])


@pytest.mark.parametrize(
    ("dates", "expected", "note"),
    [
        ({"post_date": "2020-05-01 10:00:00"}, dt.datetime(2020, 5, 1, 10), None),
        (
            {"post_date": "0000-00-00 00:00:00", "post_date_gmt": "2020-05-01 08:00:00"},
            dt.datetime(2020, 5, 1, 8, tzinfo=dt.UTC),
            "has no post_date: dated by its post_date_gmt (UTC)",
        ),
        (
            {"post_date": "", "post_modified": "2021-02-03 04:05:00"},
            dt.datetime(2021, 2, 3, 4, 5),
            "has no post_date: dated by its post_modified",
        ),
        ({"post_date": "", "post_date_gmt": "0000-00-00 00:00:00"}, None, None),
    ],
)
def test_an_item_without_a_post_date_is_dated_by_the_next_best(tmp_path, dates, expected, note):
    path = tmp_path / "x.xml"
    fields = "".join(f"<wp:{k}>{v}</wp:{k}>" for k, v in dates.items())
    path.write_text(_wxr(_one("7", "publish").replace("</item>", fields + "</item>")))
    export = wordpress.parse(path)
    assert export.items[0].date == expected
    assert export.problems == ([f"item 7 ('Item 7') {note}"] if note else [])


def test_blank_lines_before_the_xml_declaration_are_read_past(tmp_path):
    # A theme's or plugin's stray newline lands before <?xml in every export of that site
    # (WordPress's own importer reads such files): read, with one line saying so
    for prefix, lines in (("\n\n", "2 blank lines"), ("\ufeff\r\n", "1 blank line")):
        path = tmp_path / "export.xml"
        path.write_text(prefix + WXR.read_text(encoding="utf-8"), encoding="utf-8")
        read = wordpress.parse(path)
        assert [i.id for i in read.items] == [i.id for i in wordpress.parse(WXR).items]
        assert any(f"{path}: {lines} before the <?xml declaration" in p for p in read.problems)


def test_an_export_with_no_post_or_page_is_one_line(tmp_path):
    # Tools → Export with a content type that has none (or an authors-only file): not an
    # empty report ("Read from the WordPress export: .") but one line saying what to do
    path = tmp_path / "export.xml"
    path.write_text(
        _wxr(
            "<item><title>Menu</title><wp:post_id>5</wp:post_id>"
            "<wp:post_type>nav_menu_item</wp:post_type></item>"
        ),
        encoding="utf-8",
    )
    with pytest.raises(model.ExportError) as caught:
        wordpress.parse(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: no post or page in this export")
    assert "1 nav_menu_item" in message
    assert "\n" not in message


def _old_wxr(items: str) -> str:
    """An export as WordPress 2.x wrote it (WXR 1.0): each text in a CDATA section, as it was."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!-- generator="WordPress/2.8.4" -->\n'
        '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.0/excerpt/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:wp="http://wordpress.org/export/1.0/">\n<channel>\n<title>Old notes</title>\n'
        "<link>http://old.example</link>\n<generator>http://wordpress.org/?v=2.8.4</generator>\n"
        "<wp:wxr_version>1.0</wp:wxr_version>\n"
        "<wp:base_blog_url>http://old.example</wp:base_blog_url>\n"
        f"{items}</channel>\n</rss>\n"
    )


def _old_item(post_id: str, title: str, body: str, creator: str = "admin") -> str:
    return (
        f"<item>\n<title>{title}</title>\n<link>http://old.example/?p={post_id}</link>\n"
        "<pubDate>Tue, 03 Mar 2009 10:00:00 +0000</pubDate>\n"
        f"<dc:creator><![CDATA[{creator}]]></dc:creator>\n"
        f"<content:encoded><![CDATA[{body}]]></content:encoded>\n"
        "<excerpt:encoded><![CDATA[]]></excerpt:encoded>\n"
        f"<wp:post_id>{post_id}</wp:post_id>\n<wp:post_date>2009-03-03 10:00:00</wp:post_date>\n"
        "<wp:status>publish</wp:status>\n<wp:post_type>post</wp:post_type>\n</item>\n"
    )


# what posts held: a script's CDATA guard, and code with a ]]> in it
SCRIPT = (
    '<p>Paste this in the sidebar:</p>\n<script type="text/javascript">//<![CDATA[\n'
    "var shown = rooms[halls[0]]>2;\n//]]></script>"
)
CODE = "<pre>if (a[b[i]]> 0) { book(); }</pre>"


def test_an_old_exports_unsplit_cdata_end_is_repaired(tmp_path):
    # WordPress once wrote "]]>" inside a CDATA section unsplit: no XML reader takes the file,
    # and the old blog is often gone; the sections are repaired and the text read as written
    path = tmp_path / "old.xml"
    items = _old_item("12", "Sidebar", SCRIPT) + _old_item("13", "Plain", "<p>Fine.</p>")
    path.write_text(_old_wxr(items + _old_item("14", "Code", CODE)), encoding="utf-8")
    export = wordpress.parse(path)
    assert [(i.id, i.html) for i in export.items] == [
        ("12", SCRIPT),
        ("13", "<p>Fine.</p>"),
        ("14", CODE),
    ]
    assert export.problems == [
        f"{path}: 2 CDATA sections repaired: post texts with a ']]>' inside, which old "
        "WordPress versions wrote unsplit (not well-formed XML); the text is read as written: "
        "item 12 ('Sidebar'), item 14 ('Code')"
    ]


def test_other_damage_beside_an_unsplit_cdata_end_keeps_its_line_and_column(tmp_path):
    # only that pattern is repaired: a tag left open elsewhere is still one line naming where
    # it is in the file as read (not in the repaired one)
    text = _old_wxr(_old_item("12", "Sidebar", SCRIPT)).replace(
        "//]]></script>]]></content:encoded>\n",
        "//]]></script>]]></content:encoded><wp:post_id>12</wp:postid>\n",
    )
    path = tmp_path / "old.xml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(model.ExportError) as caught:
        wordpress.parse(path)
    line = next(n for n, s in enumerate(text.splitlines(), 1) if "</wp:postid>" in s)
    column = text.splitlines()[line - 1].index("</wp:postid>") + 3  # expat: at the name
    assert f"at line {line}, column {column} (mismatched tag)" in str(caught.value)


def test_an_unsplit_cdata_end_outside_a_posts_text_is_not_repaired(tmp_path):
    path = tmp_path / "old.xml"
    text = _old_wxr(_old_item("12", "Plain", "<p>Fine.</p>")).replace(
        "<excerpt:encoded><![CDATA[]]>", "<excerpt:encoded><![CDATA[a[b[0]]>1]]>"
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(model.ExportError, match=r"not readable XML at line \d+, column \d+"):
        wordpress.parse(path)


def test_a_cdata_section_split_as_xml_requires_is_left_as_it_is():
    from plugins.importer import xmltext

    split = b"<content:encoded><![CDATA[a]]]]><![CDATA[>b]]></content:encoded>"
    assert xmltext.repair_cdata(split, b"content:encoded").data == split
    unsplit = b"<content:encoded><![CDATA[a]]>b]]></content:encoded>"
    repaired = xmltext.repair_cdata(unsplit, b"content:encoded")
    assert repaired.data == split
    assert repaired.sections == [0]


AUTHORS = (
    "<wp:author><wp:author_id>1</wp:author_id>"
    "<wp:author_login><![CDATA[themereviewteam]]></wp:author_login>"
    "<wp:author_email><![CDATA[review@old.example]]></wp:author_email>"
    "<wp:author_display_name><![CDATA[Theme Review Team]]></wp:author_display_name>"
    "<wp:author_first_name><![CDATA[]]></wp:author_first_name>"
    "<wp:author_last_name><![CDATA[]]></wp:author_last_name></wp:author>\n"
)


def _by(post_id: str, creator: str) -> str:
    """A published post of WXR 1.2 signed with this dc:creator, as written in the file."""
    return (
        f"<item><title>Post {post_id}</title><dc:creator><![CDATA[{creator}]]></dc:creator>"
        f"<wp:post_id>{post_id}</wp:post_id><wp:post_date>2012-05-0{post_id[-1]} 10:00:00"
        "</wp:post_date><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
        f"<wp:post_name>post-{post_id}</wp:post_name>"
        "<content:encoded><![CDATA[<p>Text.</p>]]></content:encoded></item>\n"
    )


def test_a_mistyped_login_is_its_declared_author_and_another_gets_a_team_file(tmp_path):
    # the theme unit test data's own slip ('>themereviewteam'), markup and spaces around a
    # login, another case: one author; a login no wp:author declares: one of its own, named
    items = [
        _by("21", "themereviewteam"),
        _by("22", ">themereviewteam"),
        _by("23", " <b>ThemeReviewTeam</b> "),
        _by("24", "THEMEREVIEWTEAM"),  # WordPress's own matching: no line
        _by("25", "guest-writer"),
        _by("26", "Guest-Writer>"),
    ]
    path = tmp_path / "export.xml"
    path.write_text(_wxr(AUTHORS + "".join(items)), encoding="utf-8")
    export = wordpress.parse(path)
    assert [i.author for i in export.items] == ["themereviewteam"] * 4 + ["guest-writer"] * 2
    assert list(export.authors) == ["themereviewteam", "guest-writer"]
    assert export.problems == [
        "author '>themereviewteam' (in dc:creator) read as the export's author "
        "'themereviewteam': item 22 ('Post 22')",
        "author '<b>ThemeReviewTeam</b>' (in dc:creator) read as the export's author "
        "'themereviewteam': item 23 ('Post 23')",
        "author 'guest-writer' is not one of the export's authors (wp:author): an author of "
        "their own (a team file, if they published); used by item 25 ('Post 25'), "
        "item 26 ('Post 26')",
    ]
    from plugins.importer import plan

    made = plan.make_plan(export, plan.Layout(), None)
    team = sorted(p for p in made.files if p.startswith("team/"))
    assert team == ["team/guest-writer.md", "team/theme-review-team.md"]
    assert made.counts["authors"] == 2


def test_an_export_that_declares_no_author_says_nothing_of_them(tmp_path):
    # WXR 1.0 (WordPress before 2011) has no wp:author: each dc:creator (cleaned) is an author,
    # without a line
    path = tmp_path / "old.xml"
    items = _old_item("12", "One", "<p>x</p>", "maya") + _old_item("13", "Two", "y", ">Maya")
    path.write_text(_old_wxr(items), encoding="utf-8")
    export = wordpress.parse(path)
    assert [i.author for i in export.items] == ["maya", "maya"]
    assert export.problems == []


def _typed(comment_id: str, kind: str, parent: str = "0", meta: str = "") -> str:
    return (
        f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>"
        "<wp:comment_author>Ed</wp:comment_author>"
        "<wp:comment_author_url>https://ed.example/</wp:comment_author_url>"
        "<wp:comment_approved>1</wp:comment_approved>"
        f"<wp:comment_type>{kind}</wp:comment_type><wp:comment_parent>{parent}</wp:comment_parent>"
        f"<wp:comment_content>Words {comment_id}</wp:comment_content>{meta}</wp:comment>"
    )


def test_only_readers_comments_and_linkbacks_are_read_other_types_counted(tmp_path):
    """WordPress 6.9 keeps the block editor's notes (editorial talk) as comments of type
    'note', and exports them: never a reader's comment. A webmention is received, like a
    pingback, from the page its meta names."""
    source = (
        "<wp:commentmeta><wp:meta_key>webmention_source_url</wp:meta_key>"
        "<wp:meta_value>https://remote.example/reply</wp:meta_value></wp:commentmeta>"
    )
    comments = (
        _typed("1", "") + _typed("2", "comment") + _typed("3", "pingback")
        + _typed("4", "trackback") + _typed("5", "note") + _typed("6", "note", parent="5")
        + _typed("7", "webmention", meta=source) + _typed("8", "order_note")
    )  # fmt: skip
    path = tmp_path / "x.xml"
    path.write_text(_wxr(_one("7", "publish").replace("</item>", comments + "</item>")))
    export = wordpress.parse(path)
    (item,) = export.items
    assert [(c.id, c.kind) for c in item.comments] == [
        ("7/1", model.COMMENT),
        ("7/2", model.COMMENT),
        ("7/3", model.PINGBACK),
        ("7/4", model.TRACKBACK),
        ("7/7", model.WEBMENTION),
    ]
    assert item.comments[-1].url == "https://remote.example/reply"
    assert export.skipped == {"note comments": 2, "order_note comments": 1}


@pytest.mark.parametrize(
    ("written", "title", "line"),
    [
        ("Hello &amp;amp; &lt;em&gt;welcome&lt;/em&gt;", "Hello & welcome", True),
        (
            "Markup: Title &lt;em&gt;With&lt;/em&gt; "
            "&lt;b&gt;Mark&lt;sup&gt;up&lt;/sup&gt;&lt;/b&gt;",
            "Markup: Title With Markup",
            True,
        ),
        ("1 &lt; 2 &amp;amp; 3 &gt; 2", "1 < 2 & 3 > 2", False),  # no tag: as it is
    ],
)
def test_a_titles_markup_is_dropped_with_a_line(tmp_path, written, title, line):
    path = tmp_path / "x.xml"
    item = _one("7", "publish").replace("<title>Item 7</title>", f"<title>{written}</title>")
    path.write_text(_wxr(item))
    export = wordpress.parse(path)
    assert export.items[0].title == title
    said = "a title with markup written as plain text, its tags dropped (the site shows a title "
    assert [p.startswith(said + "as written): item 7 (") for p in export.problems] == (
        [True] if line else []
    )


def _packed(tmp_path: Path, how: str, names: list[str]) -> Path:
    text = _wxr(_one("7", "publish")).encode()
    if how == "gz":
        path = tmp_path / "blog.xml.gz"
        path.write_bytes(gzip.compress(text))
        return path
    path = tmp_path / "blog.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name in names:
            archive.writestr(name, text)
    return path


@pytest.mark.parametrize(
    ("how", "names"),
    [
        ("gz", []),
        ("zip", ["blog.wordpress.2026-12-05.000.xml"]),
        ("zip", ["__MACOSX/._blog.xml", "export/blog.xml", "media/readme.txt"]),
    ],
)
def test_a_zipped_or_gzipped_export_is_read_as_it_is(tmp_path, how, names):
    assert [i.id for i in wordpress.parse(_packed(tmp_path, how, names)).items] == ["7"]


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (
            ["blog.000.xml", "blog.001.xml"],
            "a zip archive of 2 exports (blog.000.xml, blog.001.xml): unzip it and import each, "
            "one after the other (`invoke import-wordpress <file>`)",
        ),
        (
            ["notes.txt"],
            "a zip archive with no export inside (it holds notes.txt); expected one .xml file",
        ),
    ],
)
def test_a_zip_of_several_exports_or_none_is_one_line(tmp_path, names, message):
    path = _packed(tmp_path, "zip", names)
    with pytest.raises(model.ExportError) as caught:
        wordpress.parse(path)
    assert str(caught.value) == f"{path}: {message}"


def _versioned(post_id: str, terms: str = "", meta: dict[str, str] | None = None) -> str:
    """A post with taxonomy terms (<category> elements) and postmeta."""
    metas = "".join(
        f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key><wp:meta_value>{value}</wp:meta_value>"
        "</wp:postmeta>"
        for key, value in (meta or {}).items()
    )
    return _one(post_id, "publish").replace("</item>", f"{terms}{metas}</item>")


@pytest.mark.parametrize(
    ("terms", "meta", "lang", "group"),
    [
        # Polylang: a 'language' term and the 'post_translations' term each version carries
        (
            '<category domain="language" nicename="fr"><![CDATA[Français]]></category>'
            '<category domain="post_translations" nicename="pll_5f2a">pll_5f2a</category>',
            None,
            "fr",
            "polylang:pll_5f2a",
        ),
        # WPML (its Export and Import add-on): the language and the group in the postmeta
        (
            "",
            {
                "_wpml_import_language_code": "de",
                "_wpml_import_source_language_code": "en",
                "_wpml_import_translation_group": "17",
            },
            "de",
            "wpml:17",
        ),
        ('<category domain="language" nicename="en">English</category>', None, "en", ""),
        ("", None, "", ""),
    ],
)
def test_a_versions_language_and_translation_group_are_read(tmp_path, terms, meta, lang, group):
    path = tmp_path / "x.xml"
    path.write_text(_wxr(_versioned("7", terms, meta)), encoding="utf-8")
    [item] = wordpress.parse(path).items
    assert (item.lang, item.translation_group) == (lang, group)
