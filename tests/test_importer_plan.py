"""The import's plan, pure: slugs, old paths, pictures found in an uploads copy, comment
threads and their order, the report's words. No content folder is written here."""

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from plugins.engine.slugs import Rule
from plugins.importer import apply, model, plan, report


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://old.example/2008/10/29/slug/", "/2008/10/29/slug/"),
        ("http://old.example/?p=123", "/?p=123"),
        ("http://old.example/blog/2008/10/slug.html", "/blog/2008/10/slug.html"),
        ("https://old.example", "/"),
        ("/2009/03/x.html", "/2009/03/x.html"),  # Blogger Takeout gives paths
        ("https://old.example//greek/child/", "/greek/child/"),  # WordPress served it so
        ("https://old.example/a//b/./c", "/a/b/c"),
        ("https://old.example/a,b/", "/a%2Cb/"),  # a comma separates Redirect_from's values
        ("https://old.example/hello world/", "/hello%20world/"),  # as a browser asks for it
    ],
)
def test_old_path(url, expected):
    assert plan.old_path(url) == expected


def test_an_old_slug_in_another_script_is_transliterated_and_redirected():
    export = model.Export(
        "wordpress", "http://old.example", items=[_item("7", "привет-мир", title="Привет, мир")]
    )
    problems: list[str] = []
    assert plan._slugs(export, problems) == ["privet-mir"]
    assert problems == [
        "item 7 ('Привет, мир'): slug 'привет-мир' written as 'privet-mir' "
        "(the old address redirects to the new one)"
    ]


def test_a_cyrillic_blog_s_old_slugs_are_one_line_not_one_per_post():
    """WordPress keeps a Cyrillic blog's every slug percent-encoded (%d0%bf%d1%80…, read as
    'привет-мир'): each was one line of the report, as Blogger's letter-dropped ones no longer
    are."""
    titles = {"1": "Привет, мир", "2": "Наш новый зал", "3": "Зимние каникулы"}
    export = model.Export(
        "wordpress",
        "http://old.example",
        items=[
            _item(n, "-".join(t.lower().replace(",", "").split()), t) for n, t in titles.items()
        ],
    )
    problems: list[str] = []
    assert plan._slugs(export, problems) == ["privet-mir", "nash-novyi-zal", "zimnie-kanikuly"]
    assert problems == [
        "3 old slugs are not as this site spells a slug (e.g. 'привет-мир' for 'Привет, мир'): "
        "written its way ('privet-mir'); each old "
        "address redirects to the new one"
    ]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Ελληνικά νέα", "ellenika-nea"),
        ("🎉🎉", "post-7"),
        # a title a paragraph long: cut at a word, its file name one the file system takes
        (
            "A very long draft title that keeps going " * 8,
            "a-very-long-draft-title-that-keeps-going-a-very-long-draft-title-that-keeps",
        ),
        ("x" * 300, "x" * 80),  # one word: cut in it
    ],
)
def test_an_item_without_a_slug_gets_one_from_its_title(title, expected):
    export = model.Export("wordpress", "http://old.example", items=[_item("7", "", title=title)])
    assert plan._slugs(export, []) == [expected]


def test_an_old_slug_too_long_for_a_file_name_is_cut_and_redirected():
    old = "-".join(["word"] * 60)  # 299 characters
    export = model.Export("wordpress", "http://old.example", items=[_item("7", old)])
    problems: list[str] = []
    (slug,) = plan._slugs(export, problems)
    assert slug == "-".join(["word"] * 40) and len(slug) == 199
    assert problems == [
        f"item 7 ('T'): slug {old!r} is longer than 200 characters: written as {slug!r} (the "
        "old address redirects to the new one)"
    ]


@pytest.mark.parametrize(
    ("imported", "slugs", "line"),
    [
        (  # a first import: slugs from the titles, one line for them all
            frozenset(),
            ["a-kerekparok-tisztalkodasarol", "velo", "velo-2"],
            "Blogger made 2 old addresses by dropping the accented and non-Latin letters of the "
            "title (e.g. 'kerkprok-tisztlkodsrl' for 'A kerékpárok tisztálkodásáról'): written "
            "with slugs made from the titles ('a-kerekparok-tisztalkodasarol'); each old address "
            "redirects to the new one",
        ),
        (  # an earlier import wrote posts/vlo.md: that post stays there, not a second one
            frozenset({"posts/vlo.md"}),
            ["a-kerekparok-tisztalkodasarol", "vlo", "velo"],
            "1 post whose Blogger address dropped letters of its title ('vlo' for 'Vélo') keeps "
            "the slug an earlier import wrote it with, its address here unchanged; for a slug "
            "made from the title, delete that file and import again (its comments follow it)",
        ),
    ],
)
def test_blogger_slugs_that_lost_letters_are_made_from_titles_unless_imported_before(
    imported, slugs, line
):
    export = model.Export(
        "blogger",
        "http://old.blogspot.com",
        items=[
            _item("1", "kerkprok-tisztlkodsrl", "A kerékpárok tisztálkodásáról"),
            _item("2", "vlo", "Vélo"),
            _item("3", "velo", "Vélo"),  # spelt out by Blogger: its own
        ],
    )
    export.items[0].slug_lost_letters = export.items[1].slug_lost_letters = True
    problems: list[str] = []
    assert plan._slugs(export, problems, plan.Layout(imported=imported)) == slugs
    assert line in problems


def _pelican_export() -> model.Export:
    """Items whose slugs Pelican's rule makes otherwise than the importer's own did."""
    return model.Export(
        "wordpress",
        "http://old.example",
        items=[
            _item("1", "", "Don't panic"),  # a draft: no old slug
            _item("2", "snake_case"),  # WordPress keeps an underscore
            _item("3", "мальчик", "Мальчик"),
            _item("4", "", "Version 2.0"),
        ],
    )


def test_slugs_are_pelican_s():
    # was don-t-panic, snake-case (and a line: the old address redirected to the new one),
    # mal-chik, version-2-0: a post of that title without its Slug: line is elsewhere
    export = _pelican_export()
    problems: list[str] = []
    assert plan._slugs(export, problems) == ["dont-panic", "snake_case", "malchik", "version-20"]
    assert problems == [
        "item 3 ('Мальчик'): slug 'мальчик' written as 'malchik' "
        "(the old address redirects to the new one)"
    ]


def test_slugs_follow_the_site_s_slug_settings():
    export = _pelican_export()
    layout = plan.Layout(slug_rule=Rule(use_unicode=True))
    assert plan._slugs(export, [], layout)[2:] == ["мальчик", "version-20"]


def test_files_an_earlier_import_wrote_keep_their_slugs():
    # imported before the slugs were Pelican's: a re-import wrote dont-panic.md beside
    # don-t-panic.md, a second post (and its comments a second time, under another thread)
    export = _pelican_export()
    imported = frozenset({"posts/don-t-panic.md", "posts/snake-case.md", "posts/mal-chik.md"})
    problems: list[str] = []
    slugs = plan._slugs(export, problems, plan.Layout(imported=imported))
    assert slugs == ["don-t-panic", "snake-case", "mal-chik", "version-20"]
    assert problems[-1] == (
        "3 files an earlier import wrote keep their slugs, their addresses here unchanged "
        "(e.g. 'don-t-panic' for \"Don't panic\"; a new import makes 'dont-panic', Pelican's "
        "slug of it): for the new slugs, delete those files and import again (their comments "
        "follow them)"
    )


def _item(item_id: str, slug: str, title: str = "T", **fields) -> model.Item:
    """A published post (dated: the site reads no post without a date)."""
    fields.setdefault("date", dt.datetime(2020, 1, 1, 9, 0))
    return model.Item(item_id, model.POST, model.PUBLISHED, title, slug, "<p>x</p>", **fields)


@pytest.mark.parametrize(
    ("items", "slugs", "problems"),
    [
        ([("1", "a"), ("2", "b")], ["a", "b"], 0),
        ([("1", "a"), ("2", "a"), ("3", "a")], ["a", "a-2", "a-3"], 2),
        ([("1", "")], ["hello-there"], 0),  # from the title
        ([("1", "café")], ["cafe"], 1),
        ([("1", "a/b")], ["hello-there"], 0),  # never a path
        ([("7", "a"), ("7", "b")], ["a", "b"], 0),  # an export may repeat an id
        ([("1", "..")], ["hello-there"], 1),  # posts/...md: a hidden file Pelican never reads
        ([("1", "."), ("2", "---")], ["hello-there", "hello-there-2"], 3),
    ],
)
def test_slugs_are_unique_and_plain(items, slugs, problems):
    export = model.Export("wordpress", "http://old.example")
    export.items = [_item(i, s, "Hello there") for i, s in items]
    found: list[str] = []
    assert plan._slugs(export, found) == slugs
    assert len(found) == problems


@pytest.fixture
def uploads(tmp_path: Path) -> Path:
    for relative in ("2008/10/x.jpg", "2008/10/y-300x200.jpg", "2009/01/only-here.png"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_bytes(b"picture")
    return tmp_path


@pytest.mark.parametrize(
    ("url", "found"),
    [
        ("http://old.example/wp-content/uploads/2008/10/x.jpg", "2008/10/x.jpg"),
        ("http://old.example/wp-content/uploads/2008/10/x-1024x768.jpg", "2008/10/x.jpg"),
        ("http://old.example/wp-content/uploads/2008/10/y-300x200.jpg", "2008/10/y-300x200.jpg"),
        # another month's picture of the same name is another picture: never taken for it
        ("http://old.example/wp-content/uploads/2011/05/only-here.png", None),
        ("http://old.example/wp-content/uploads/2008/10/missing.jpg", None),
        ("http://old.example/wp-content/uploads/../../etc/passwd", None),
        ("https://blogger.googleusercontent.com/img/b/AVvX/s1600/x.jpg", "2008/10/x.jpg"),
        # WordPress.com's uploads host, and Jetpack's image CDN in front of either
        ("https://oldblog.files.wordpress.com/2008/10/x.jpg?w=300", "2008/10/x.jpg"),
        ("https://oldblog.files.wordpress.com/2008/10/x-300x200.jpg", "2008/10/x.jpg"),
        ("https://i0.wp.com/old.example/wp-content/uploads/2008/10/x.jpg?ssl=1", "2008/10/x.jpg"),
        ("https://i2.wp.com/oldblog.files.wordpress.com/2008/10/x.jpg", "2008/10/x.jpg"),
        # the blog's other WordPress.com address (its name before a rename), through the CDN too
        ("https://oldname.wordpress.com/wp-content/uploads/2008/10/x.jpg", "2008/10/x.jpg"),
        ("https://i1.wp.com/oldname.wordpress.com/wp-content/uploads/2008/10/x.jpg",
         "2008/10/x.jpg"),
    ],
)  # fmt: skip
def test_pictures_are_found_in_the_uploads_copy(uploads, url, found):
    pictures = plan.Pictures(model.Export("wordpress", "http://old.example"), uploads, "images")
    result = pictures.find(url)
    assert (result.relative_to(uploads).as_posix() if result else None) == found


@pytest.mark.parametrize(
    ("url", "found"),
    [
        ("http://old.example/wp-content/uploads/2008/10/x.jpg", "wp-content/uploads/2008/10/x.jpg"),
        ("http://old.example/wp-content/uploads/2019/05/x.jpg", None),
    ],
)
def test_uploads_given_with_a_folder_above_are_found_by_path(tmp_path, url, found):
    site = tmp_path / "site"  # the old site's root, not its wp-content/uploads
    (site / "wp-content" / "uploads" / "2008" / "10").mkdir(parents=True)
    (site / "wp-content" / "uploads" / "2008" / "10" / "x.jpg").write_bytes(b"picture")
    pictures = plan.Pictures(model.Export("wordpress", "http://old.example"), site, "images")
    result = pictures.find(url)
    assert (result.relative_to(site).as_posix() if result else None) == found


BP = "https://1.bp.blogspot.com/-aaa/VVV/AAAAAAAA/bbb"
GU = "https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEzzz"


@pytest.mark.parametrize(
    ("texts", "found"),
    [
        # one picture, linked in two sizes from two hosts: the saved file is it
        ([f'<a href="{BP}/s1600/x.jpg"><img src="{BP}/s320/x.jpg"></a>',
          f'<img src="{BP.replace("1.bp", "4.bp")}/w640-h480/x.jpg">'], True),
        # two cameras' x.jpg: which one the saved file is, nobody can tell
        ([f'<img src="{BP}/s320/x.jpg">', f'<img src="{GU}/s400/x.jpg">'], False),
    ],
)  # fmt: skip
def test_a_blogger_name_that_stands_for_several_pictures_is_not_guessed(uploads, texts, found):
    export = model.Export("blogger", "http://old.blogspot.com")
    export.items = [_item(str(n), f"p{n}") for n in range(len(texts))]
    for item, text in zip(export.items, texts, strict=True):
        item.html = text
    made = plan.make_plan(export, plan.Layout(), uploads)
    assert bool(made.copies) is found
    assert any("2 different pictures named 'x.jpg'" in p for p in made.problems) is not found
    assert ("{static}/images/2008/10/x.jpg" in made.files["posts/p1.md"]) is found


@pytest.mark.parametrize(
    ("url", "ours"),
    [
        ("http://old.example/wp-content/uploads/2008/10/x.jpg", True),
        ("http://www.old.example/wp-content/uploads/2008/10/x.jpg", True),
        ("/wp-content/uploads/2008/10/x.jpg", True),
        ("http://old.example/2008/10/a-post/", False),
        ("https://1.bp.blogspot.com/-abc/s1600/x.jpg", True),
        ("https://images.example.org/x.jpg", False),
        ("https://oldblog.files.wordpress.com/2019/05/x.jpg", True),
        ("https://i0.wp.com/old.example/wp-content/uploads/2019/05/x.jpg", True),
        ("https://i1.wp.com/images.example.org/x.jpg", False),  # the CDN, for someone else's
        # another WordPress.com address of the blog (renamed), or a host its attachments name
        ("https://oldname.wordpress.com/wp-content/uploads/2019/05/x.jpg", True),
        ("https://oldname.wordpress.com/2019/05/a-post/", False),
        ("https://media.old-cdn.example/wp-content/uploads/2019/05/x.jpg", True),
        ("https://media.old-cdn.example/about/", False),
        ("https://elsewhere.example/wp-content/uploads/2019/05/x.jpg", False),
    ],
)
def test_which_urls_are_the_old_sites_files(url, ours):
    export = model.Export("wordpress", "http://old.example")
    export.attachments["9"] = model.Attachment(
        "9", "https://media.old-cdn.example/wp-content/uploads/2019/05/y.jpg"
    )
    pictures = plan.Pictures(export, None, "images")
    assert pictures.is_ours(url) is ours


def _comment(cid: str, parent: str | None, minute: int, **fields) -> model.Comment:
    return model.Comment(
        id=cid,
        parent=parent,
        kind=fields.pop("kind", model.COMMENT),
        status=fields.pop("status", model.APPROVED),
        author=fields.pop("author", f"Reader {cid}"),
        date=dt.datetime(2020, 1, 1, 12, minute, tzinfo=dt.UTC),
        html=f"Comment {cid}",
        **fields,
    )


def _plan_of(comments: list[model.Comment]) -> plan.Plan:
    export = model.Export("wordpress", "http://old.example")
    export.items = [_item("1", "a-post", comments=comments)]
    return plan.make_plan(export, plan.Layout(), None)


def test_a_reply_dated_before_its_parent_still_follows_it():
    made = _plan_of([_comment("c2", "c1", 1), _comment("c1", None, 5)])
    assert [c.key for c in made.threads[0].comments] == ["c1", "c2"]
    assert made.threads[0].comments[1].parent == "c1"


def test_a_reply_to_a_missing_comment_stands_alone_and_is_reported():
    made = _plan_of([_comment("c1", "gone", 1)])
    assert made.threads[0].comments[0].parent is None
    assert any("answers comment gone" in p for p in made.problems)


def test_a_reply_to_a_spam_comment_stands_alone():
    made = _plan_of([_comment("c1", None, 1, status=model.SPAM), _comment("c2", "c1", 2)])
    assert [(c.key, c.parent) for c in made.threads[0].comments] == [("c2", None)]
    assert made.counts["spam comments skipped"] == 1


@pytest.mark.parametrize(
    ("kind", "status", "counted"),
    [
        (model.PINGBACK, model.APPROVED, "pingbacks"),
        (model.TRACKBACK, model.APPROVED, "trackbacks"),
        (model.PINGBACK, model.SPAM, "spam pingbacks skipped"),
        (model.COMMENT, model.PENDING, "pending comments skipped"),
        (model.COMMENT, model.TRASH, "trash comments skipped"),
    ],
)
def test_responses_are_sorted_by_kind_and_state(kind, status, counted):
    made = _plan_of([_comment("c1", None, 1, kind=kind, status=status, url="http://a.example/x")])
    assert made.counts[counted] == 1
    assert made.threads == []
    assert len(made.mentions) == (1 if status == model.APPROVED else 0)


def test_a_webmention_is_a_mention_like_a_pingback():
    made = _plan_of([_comment("c1", None, 1, kind=model.WEBMENTION, url="https://r.example/x")])
    assert made.counts["webmentions"] == 1 and made.threads == []
    assert [(m["wm-source"], m["wm-imported"]) for m in made.mentions] == [
        ("https://r.example/x", "wordpress webmention")
    ]


def test_comments_without_a_readable_date_are_dated_like_their_parent_or_post():
    """Isso would show 0 seconds as 1 January 1970 ("56 years ago")."""
    undated = _comment("c2", None, 0)
    undated.date = None
    reply = _comment("c3", "c1", 0)
    reply.date = None
    made = _plan_of([_comment("c1", None, 30), undated, reply])
    created = {c.key: c.created for c in made.threads[0].comments}
    post = dt.datetime(2020, 1, 1, 9, 0, tzinfo=dt.UTC).timestamp()
    assert created == {
        "c1": dt.datetime(2020, 1, 1, 12, 30, tzinfo=dt.UTC).timestamp(),
        "c2": post,
        "c3": created["c1"],
    }
    assert [p for p in made.problems if "readable date" in p] == [
        "comments c2, c3 on 'T': no readable date in the export: dated like the comment "
        "answered, else like the post"
    ]


def test_a_pingback_is_a_mention_of_the_posts_new_address():
    made = _plan_of(
        [_comment("p1", None, 1, kind=model.PINGBACK, url="http://their.example/2020/a-post/")]
    )
    (mention,) = made.mentions
    assert mention["wm-target"] == "/posts/a-post/"
    assert mention["url"] == "http://their.example/2020/a-post/"
    assert mention["author"] == {
        "type": "card",
        "name": "Reader p1",
        "url": "http://their.example/",
    }
    assert (
        mention["wm-id"]
        == _plan_of(
            [_comment("p1", None, 1, kind=model.PINGBACK, url="http://their.example/2020/a-post/")]
        ).mentions[0]["wm-id"]
    )


@pytest.mark.parametrize(
    ("lang", "export_lang", "written", "url"),
    [
        ("", "en", None, "posts/x/"),
        ("fr", "en", "fr", "fr/posts/x/"),
        ("", "fr", "fr", "fr/posts/x/"),  # a French blog imported into an English site
        ("en", "fr", None, "posts/x/"),
    ],
)
def test_lang_is_written_when_it_is_not_the_sites(lang, export_lang, written, url):
    export = model.Export("wordpress", "http://old.example", lang=export_lang)
    export.items = [_item("1", "x", lang=lang, old_urls=["http://old.example/x/"])]
    made = plan.make_plan(export, plan.Layout(default_lang="en"), None)
    head = made.files["posts/x.md"].split("\n\n")[0].splitlines()
    assert [line for line in head if line.startswith("Lang:")] == (
        [f"Lang: {written}"] if written else []
    )
    assert plan.Layout().url(False, "x", lang or export_lang) == url


BUDAPEST_WINTER = dt.datetime(2011, 2, 1, 18, 20, tzinfo=dt.timezone(dt.timedelta(hours=1)))
BUDAPEST_SUMMER = dt.datetime(2011, 7, 1, 18, 20, tzinfo=dt.timezone(dt.timedelta(hours=2)))
LOS_ANGELES = dt.datetime(2011, 2, 1, 9, 5, tzinfo=dt.timezone(dt.timedelta(hours=-8)))


@pytest.mark.parametrize(
    ("zone", "dates", "setting", "line"),
    [
        ("Europe/Budapest", [BUDAPEST_WINTER], "Europe/Budapest", None),
        (  # a typo: the name near it, which gives each post the offset it has
            "Europe/Budapset",
            [BUDAPEST_WINTER, BUDAPEST_SUMMER],
            None,
            "the old blog's time zone (Blogger's BLOG_TIME_ZONE) 'Europe/Budapset' is not one "
            "this machine knows: no TIMEZONE line written, so each post's day is shown in the "
            "site's 'Europe/London' (the posts keep their own UTC offsets: +01:00, +02:00); "
            "write TIMEZONE = 'Europe/Budapest' in pelicanconf.py if that is the old blog's",
        ),
        (  # near 'Pacific/Niue' by its letters, eleven hours from the posts: not suggested
            "Pacific Time",
            [LOS_ANGELES],
            None,
            "the old blog's time zone (Blogger's BLOG_TIME_ZONE) 'Pacific Time' is not one this "
            "machine knows: no TIMEZONE line written, so each post's day is shown in the site's "
            "'Europe/London' (the posts keep their own UTC offsets: -08:00); write the old "
            "blog's in pelicanconf.py as TIMEZONE = 'Area/City' (e.g. 'Europe/Budapest'), a "
            "name of the time zone database",
        ),
    ],
)
def test_a_time_zone_this_machine_does_not_know_is_said(zone, dates, setting, line):
    """It was left out of the settings lines without a word (the posts shown on the site's
    day, the writer never told)."""
    export = model.Export("blogger", "http://old.blogspot.com", timezone=zone)
    export.items = [_item(str(n), f"p{n}", date=date) for n, date in enumerate(dates)]
    made = plan.make_plan(export, plan.Layout(timezone="Europe/London"), None)
    assert [value for name, value, _ in made.settings if name == "TIMEZONE"] == (
        [setting] if setting else []
    )
    assert [p for p in made.problems if "time zone" in p] == ([line] if line else [])


def test_an_address_the_new_site_keeps_needs_no_redirect():
    export = model.Export("wordpress", "http://old.example")
    page = model.Item("7", model.PAGE, model.PUBLISHED, "About", "about", "x")
    page.old_urls = ["http://old.example/about/", "http://old.example/?page_id=7"]
    export.items = [page]
    made = plan.make_plan(export, plan.Layout(), None)
    assert "Redirect_from: /?page_id=7\n" in made.files["pages/about.md"]


@pytest.mark.parametrize(
    ("number", "what", "expected"),
    [
        (1, "posts", "1 post"),
        (2, "posts", "2 posts"),
        (1, "galleries", "1 gallery"),
        (1, "pictures missing", "1 picture missing"),
        (1, "pingbacks on pages", "1 pingback on a page"),
        (3, "pingbacks on pages", "3 pingbacks on pages"),
        (1, "nav_menu_item", "1 nav_menu_item"),
    ],
)
def test_the_report_counts_in_words(number, what, expected):
    assert report._plural(number, what) == expected


def test_an_item_without_text_is_a_draft_that_says_so():
    export = model.Export("wordpress", "http://old.example")
    export.items = [model.Item("7", model.PAGE, model.PUBLISHED, "Empty", "empty", "  \n")]
    export.items[0].old_urls = ["http://old.example/?page_id=7"]
    made = plan.make_plan(export, plan.Layout(), None)
    text = made.files["pages/empty.md"]
    assert "Status: draft\n" in text and "Redirect_from" not in text
    assert text.endswith(
        "*This page had no text in the old blog: write it, or delete this file.*\n"
    )
    assert made.problems == ["pages/empty.md: the page has no text: imported as a draft"]


def test_an_old_address_two_items_claim_redirects_to_the_first():
    export = model.Export("wordpress", "http://old.example")
    export.items = [
        _item("5", "first", old_urls=["http://old.example/?p=5"]),
        _item("5", "second", old_urls=["http://old.example/?p=5"]),
    ]
    made = plan.make_plan(export, plan.Layout(), None)
    assert "Redirect_from: /?p=5\n" in made.files["posts/first.md"]
    assert "Redirect_from" not in made.files["posts/second.md"]
    assert any("/?p=5 is also posts/first.md's" in p for p in made.problems)


@pytest.mark.parametrize(
    ("url", "rewritten", "missing"),
    [
        ("http://old.example/wp-content/uploads/2008/10/x.jpg", "{static}/images/2008/10/x.jpg", 0),
        ("/theme/img/logo.png", "/theme/img/logo.png", 1),  # the old site's, not in uploads
        ("http://old.example/files/y.gif", "http://old.example/files/y.gif", 1),
        ("https://elsewhere.example/z.png", "https://elsewhere.example/z.png", 0),  # not ours
        ("https://oldblog.files.wordpress.com/2008/10/x.jpg", "{static}/images/2008/10/x.jpg", 0),
        (
            "https://oldblog.files.wordpress.com/2020/01/gone.jpg",
            "https://oldblog.files.wordpress.com/2020/01/gone.jpg",
            1,
        ),
        (
            "https://i0.wp.com/old.example/wp-content/uploads/2008/10/x.jpg?resize=300%2C200",
            "{static}/images/2008/10/x.jpg",
            0,
        ),
        # the blog's address before a rename: found by its path, else listed (never left
        # linked to the old site with no line: a publish build refuses it)
        (
            "https://oldname.wordpress.com/wp-content/uploads/2008/10/x.jpg",
            "{static}/images/2008/10/x.jpg",
            0,
        ),
        (
            "https://oldname.wordpress.com/wp-content/uploads/2020/01/gone.jpg",
            "https://oldname.wordpress.com/wp-content/uploads/2020/01/gone.jpg",
            1,
        ),
    ],
)
def test_pictures_in_the_text(uploads, url, rewritten, missing):
    export = model.Export("wordpress", "http://old.example")
    export.items = [_item("1", "p")]
    export.items[0].html = f'<p><img src="{url}" alt="A"></p>'
    made = plan.make_plan(export, plan.Layout(), uploads)
    assert f"![A]({rewritten})" in made.files["posts/p.md"]
    assert len(made.missing) == missing


@pytest.mark.parametrize(
    ("status", "draft"),
    [(model.PUBLISHED, False), (model.DRAFT, True), (model.PRIVATE, True)],
)
def test_the_gallery_of_an_item_not_published_is_a_draft_gallery(uploads, status, draft):
    export = model.Export("wordpress", "http://old.example")
    export.attachments["9"] = model.Attachment(
        "9", "http://old.example/wp-content/uploads/2008/10/x.jpg", parent="1", caption="Secret"
    )
    export.items = [_item("1", "launch")]
    export.items[0].status = status
    export.items[0].html = '<p>Soon.</p>\n[gallery ids="9"]'
    made = plan.make_plan(export, plan.Layout(), uploads)
    head = made.files["galleries/launch/gallery.md"].splitlines()
    assert ("Status: draft" in head) is draft
    assert any("galleries/launch/ is written as a draft" in p for p in made.problems) is draft


@pytest.mark.parametrize(
    ("status", "threads", "mentions", "counted"),
    [
        (model.PUBLISHED, 1, 1, {"comments": 1, "pingbacks": 1}),
        (model.DRAFT, 0, 0, {"comments on drafts skipped": 1, "pingbacks on drafts skipped": 1}),
        (model.PRIVATE, 0, 0, {"comments on drafts skipped": 1, "pingbacks on drafts skipped": 1}),
    ],
)
def test_the_comments_of_an_item_not_published_are_held_back(status, threads, mentions, counted):
    export = model.Export("wordpress", "http://old.example")
    export.items = [_item("1", "board-salaries")]
    export.items[0].status = status
    export.items[0].comments = [
        _comment("c1", None, 1),
        _comment("p1", None, 2, kind=model.PINGBACK, url="http://their.example/x/"),
    ]
    made = plan.make_plan(export, plan.Layout(), None)
    assert (len(made.threads), len(made.mentions)) == (threads, mentions)
    assert {k: v for k, v in made.counts.items() if "comment" in k or "pingback" in k} == counted
    assert ("Comment_id" in made.files["posts/board-salaries.md"]) is (threads == 1)
    assert len(made.held) == 1 - threads


@pytest.mark.parametrize(
    ("front_matter", "released"),
    [
        ("Title: T\nSlug: board-salaries\n", True),  # its writer published it since
        ("Title: T\nSlug: board-salaries\nStatus: draft\n", False),
        ("Title: T\nSlug: board-salaries\nstatus: Draft\n", False),
        ("Title: T\nSlug: other-post\n", False),  # another post at that path
        (None, False),  # not there (yet)
    ],
)
def test_held_comments_come_across_once_the_post_is_published(tmp_path, front_matter, released):
    from plugins.importer import apply

    export = model.Export("wordpress", "http://old.example")
    export.items = [_item("1", "board-salaries", comments=[_comment("c1", None, 1)])]
    export.items[0].status = model.DRAFT
    made = plan.make_plan(export, plan.Layout(), None)
    if front_matter is not None:
        (tmp_path / "posts").mkdir()
        (tmp_path / "posts" / "board-salaries.md").write_text(front_matter + "\nText.\n")
    apply.release_published(made, tmp_path)
    assert len(made.threads) == released
    assert made.counts["comments"] == released
    assert made.counts["comments on drafts skipped"] == (not released)


def test_the_report_says_why_a_drafts_comments_are_not_imported():
    made = plan.Plan()
    made.counts.update({"comments on drafts skipped": 3, "pingbacks on drafts skipped": 1})
    made.counts.update({"spam comments skipped": 2})
    from plugins.importer.apply import Outcome

    assert report.lines("WordPress", made, Outcome(), "db", "archive")[1] == (
        "Not imported: 2 spam comments, 3 comments on drafts and 1 pingback on a draft (the "
        "comment server would show them to anyone; they come across when the import runs "
        "again after the post is published)."
    )


@pytest.mark.parametrize(
    ("categories", "tags", "written", "notes"),
    [
        (["News & Events"], ["Tips & Tricks", "R&D"], ["Tips & Tricks", "R&D"], 0),
        ([], ["R&D; Research", "Travel"], ["R&D Research", "Travel"], 1),  # a Blogger label
        (["A", "Tips, tricks"], ["x"], ["Tips tricks", "x"], 1),
        ([], [";"], [], 0),
    ],
)
def test_a_tag_never_splits_into_several(categories, tags, written, notes):
    from pelican.readers import ensure_metadata_list

    export = model.Export("wordpress", "http://old.example")
    export.items = [_item("1", "p", categories=categories, tags=tags)]
    made = plan.make_plan(export, plan.Layout(), None)
    head = made.files["posts/p.md"].split("\n\n")[0].splitlines()
    line = next((h for h in head if h.startswith("Tags: ")), "Tags: ")
    assert ensure_metadata_list(line.removeprefix("Tags: ")) == written
    assert len([p for p in made.problems if "Pelican splits a Tags line" in p]) == notes


@pytest.mark.parametrize(
    ("link", "redirects", "noted"),
    [
        ("https://old.example//greek/child/", "/greek/child/, /?p=1", False),
        ("https://old.example/a/../b/", "/?p=1", True),  # the redirects plugin refuses '..'
        ("https://old.example/a b/", "/a%20b/, /?p=1", False),
        ("https://old.example/a/%2e%2e/b/", "/?p=1", True),
    ],
)
def test_every_old_address_written_is_one_the_redirects_plugin_takes(link, redirects, noted):
    export = model.Export("wordpress", "http://old.example")
    export.items = [_item("1", "child", old_urls=[link, "http://old.example/?p=1"])]
    made = plan.make_plan(export, plan.Layout(), None)
    assert f"Redirect_from: {redirects}\n" in made.files["posts/child.md"]
    assert any("cannot be redirected" in p for p in made.problems) is noted


@pytest.mark.parametrize(
    ("kind", "status", "written", "noted"),
    [
        (model.POST, model.PUBLISHED, "Date: 2020-03-04 05:06\nStatus: draft", True),
        (model.POST, model.DRAFT, "Date: 2020-03-04 05:06\nStatus: draft", True),
        (model.PAGE, model.PUBLISHED, "", False),  # a page needs no date
    ],
)
def test_a_post_without_a_date_is_a_dated_draft(kind, status, written, noted):
    """Pelican reads no post without a Date, drafts included: the post gets the export's
    newest date as a placeholder, as a draft, and the report says so."""
    export = model.Export("wordpress", "http://old.example")
    dated = _item("1", "dated", date=dt.datetime(2020, 3, 4, 5, 6))
    undated = model.Item("2", kind, status, "Undated", "undated", "<p>x</p>")
    export.items = [dated, undated]
    made = plan.make_plan(export, plan.Layout(), None)
    text = made.files[f"{'pages' if kind == model.PAGE else 'posts'}/undated.md"]
    head = [
        line for line in text.split("\n\n")[0].splitlines() if line.startswith(("Date", "Status"))
    ]
    assert "\n".join(head) == written
    assert any("with no date in the export" in p for p in made.problems) is noted


def test_the_reserved_addresses_are_the_pages_this_site_writes_itself():
    from pelican.settings import read_settings

    from tests.conftest import DEV_CONF

    assert plan.site_pages(read_settings(str(DEV_CONF))) == plan.Layout().reserved
    assert plan.site_pages({"DIRECT_TEMPLATES": ["index"], "SEARCH_SAVE_AS": ""}) == {""}


@pytest.mark.parametrize(
    ("kind", "slug", "written"),
    [
        (model.PAGE, "search", "search-page"),
        (model.PAGE, "team", "team-page"),
        (model.PAGE, "tag", "tag-page"),
        (model.PAGE, "about", "about"),
        (model.POST, "search", "search"),  # at /posts/search/: no page of the site's there
    ],
)
def test_an_item_never_takes_the_address_of_a_page_the_site_writes(kind, slug, written):
    export = model.Export("wordpress", "http://old.example")
    export.items = [model.Item("7", kind, model.PUBLISHED, "X", slug, "<p>x</p>")]
    problems: list[str] = []
    assert plan._slugs(export, problems, plan.Layout()) == [written]
    assert len(problems) == (slug != written)


def test_no_redirect_from_an_address_the_sites_own_page_keeps():
    """The site's own about.md has /about/: the old blog's About page is written as
    'about-2', and no Redirect_from /about/ (the redirects plugin refuses one over a page)."""
    export = model.Export("wordpress", "http://old.example")
    about = _item("1", "about", "About", old_urls=["http://old.example/about/"])
    about.kind = model.PAGE
    about.old_urls.append("http://old.example/?page_id=1")
    # a post whose old address is the site's page too (its permalinks were /%postname%/)
    post = _item("2", "team-news", "News", old_urls=["http://old.example/contact/"])
    layout = plan.Layout(occupied={"about": "content/pages/about.md", "contact": "c/contact.md"})
    made = plan.make_plan(export_with(export, about, post), layout, None)
    assert "Redirect_from: /?page_id=1\n" in made.files["pages/about-2.md"]
    assert "Redirect_from" not in made.files["posts/team-news.md"]
    assert made.problems == [
        "item 1 ('About'): /about/ is content/pages/about.md's, already in the site: written as "
        "'about-2' (/about/ stays that file's, with no redirect from it: a redirect never "
        "replaces a page; to give the address to this one, move that file away and import "
        "again)",
        "posts/team-news.md: the old address /contact/ is c/contact.md's, already in the site: "
        "no redirect",
    ]
    assert made.counts["redirects"] == 1


def test_the_earlier_next_free_name_goes_once_the_sites_file_is_moved_away(tmp_path):
    """As the line above says: the site's about.md moved away, the import run again writes the
    old blog's About page as about.md, and about-2.md, which the first import wrote and nobody
    edited, goes (kept, the page was there twice, and the build refused its old address)."""
    content = tmp_path / "content"
    export = model.Export("wordpress", "http://old.example")
    about = _item("1", "about", "About", old_urls=["http://old.example/?page_id=1"])
    about.kind = model.PAGE
    layout = plan.Layout(occupied={"about": "content/pages/about.md"})
    apply.write_files(plan.make_plan(export_with(export, about), layout, None), content, "")
    assert (content / "pages" / "about-2.md").is_file()
    imported = frozenset(apply.load_state(content))
    again = plan.make_plan(export, plan.Layout(imported=imported), None)
    done = apply.write_files(again, content, "")
    assert sorted(p.name for p in (content / "pages").iterdir()) == ["about.md"]
    assert "Redirect_from: /?page_id=1\n" in (content / "pages" / "about.md").read_text()
    assert sorted(apply.load_state(content)) == ["pages/about.md"]
    lines = report.lines("WordPress", again, done, "db", "archive")
    assert lines[1:3] == [
        "Files: 1 written, 0 already there and the same, 0 already there and different (not "
        "overwritten), 1 removed.",
        "  removed: pages/about-2.md (an earlier import wrote it there, as its address was taken "
        "then; not edited since: it is pages/about.md now)",
    ]


@pytest.mark.parametrize(
    ("status", "touched", "left"),
    [
        (model.DRAFT, "", []),  # a draft claims no old address: its text is the same item's
        (model.PUBLISHED, "", []),
        # a photo the writer added to the earlier gallery: that folder is the writer's now
        (model.PUBLISHED, "galleries/trip-2/p9.jpg", ["galleries/trip-2/gallery.md"]),
        # the draft edited since: kept, and its gallery with it
        (model.DRAFT, "posts/trip-2.md", ["galleries/trip-2/gallery.md", "posts/trip-2.md"]),
    ],
    ids=["draft", "post", "gallery-edited", "draft-edited"],
)
def test_the_earlier_next_free_names_draft_and_gallery_go_too(tmp_path, status, touched, left):
    """tryB's finding F: moving the site's trip.md away and importing again removed the first
    import's published trip-2.md, but its draft trip-2.md and its post's gallery folder
    galleries/trip-2/ stayed (the post twice in the drafts, its photos twice)."""
    (tmp_path / "up/2019/06").mkdir(parents=True)
    (tmp_path / "up/2019/06/p7.jpg").write_bytes(b"picture 7")
    content = tmp_path / "content"

    def export() -> model.Export:
        trip = _item("1", "trip", "Trip", old_urls=["http://old.example/?p=1"])
        trip.status, trip.html = status, "<p>Ours.</p>[gallery]"
        made = export_with(model.Export("wordpress", "http://old.example"), trip)
        url = "http://old.example/wp-content/uploads/2019/06/p7.jpg"
        made.attachments["7"] = model.Attachment("7", url, parent="1")
        return made

    layout = plan.Layout(occupied={"posts/trip.md": "content/posts/trip.md"})
    apply.write_files(plan.make_plan(export(), layout, tmp_path / "up"), content, "")
    assert (content / "galleries/trip-2/gallery.md").is_file()
    if touched:
        with (content / touched).open("a", encoding="utf-8") as file:
            file.write("An edit.\n")
    again = plan.make_plan(
        export(), plan.Layout(imported=frozenset(apply.load_state(content))), tmp_path / "up"
    )
    done = apply.write_files(again, content, "")
    there = sorted(p.relative_to(content).as_posix() for p in content.rglob("*.md"))
    assert there == sorted(["galleries/trip/gallery.md", "posts/trip.md", *left])
    lines = report.lines("WordPress", again, done, "db", "archive")
    removed = [line for line in lines if line.startswith("  removed: ")]
    assert removed == [
        f"  removed: {gone} (an earlier import wrote it there, as its address was taken then; "
        f"not edited since: it is {now} now)"
        for gone, now in [("posts/trip-2.md", "posts/trip.md")]
        if gone not in left
    ] + [
        "  removed: galleries/trip-2/ (the gallery of a file removed above, as an earlier "
        "import wrote it; not edited since: it is galleries/trip/ now)"
    ] * (not left)


def test_another_blogs_draft_under_the_next_free_name_stays(tmp_path):
    """Another blog imported into the same site before wrote its own draft as trip-2.md: it
    claims no old address, and its text is not this item's, so it is never taken for it."""
    content = tmp_path / "content"
    other = _item("5", "trip", "Their trip")
    other.status = model.DRAFT
    layout = plan.Layout(occupied={"posts/trip.md": "content/posts/trip.md"})
    export = model.Export("wordpress", "http://other.example")
    apply.write_files(plan.make_plan(export_with(export, other), layout, None), content, "")
    ours = _item("1", "trip", "Trip")
    ours.status = model.DRAFT
    imported = frozenset(apply.load_state(content))
    again = plan.make_plan(
        export_with(model.Export("wordpress", "http://old.example"), ours),
        plan.Layout(imported=imported),
        None,
    )
    done = apply.write_files(again, content, "")
    assert sorted(p.name for p in (content / "posts").iterdir()) == ["trip-2.md", "trip.md"]
    assert done.superseded == {}


def export_with(export: model.Export, *items: model.Item) -> model.Export:
    export.items = list(items)
    return export


def _featured_export(*attachments: tuple[str, str], featured: str = "10") -> model.Export:
    export = model.Export("wordpress", "http://old.example")
    for attachment_id, url in attachments:
        export.attachments[attachment_id] = model.Attachment(attachment_id, url, parent="1")
    return export_with(export, _item("1", "p", "P", featured=featured))


UP = "http://old.example/wp-content/uploads"


@pytest.mark.parametrize(
    ("featured", "url", "cover", "missing", "noted"),
    [
        # found under --uploads (any size of it): the post's Cover, copied like any picture
        ("10", f"{UP}/2008/10/x.jpg", "images/2008/10/x.jpg", [], None),
        ("10", f"{UP}/2008/10/x-1024x768.jpg", "images/2008/10/x.jpg", [], None),
        ("10", "https://oldblog.files.wordpress.com/2008/10/x.jpg", "images/2008/10/x.jpg", [],
         None),
        # not found: listed with the missing pictures
        ("10", f"{UP}/2020/01/gone.jpg", "", [("'P' (featured image)", f"{UP}/2020/01/gone.jpg")],
         None),
        # an SVG is never a cover; an attachment the export lacks; none at all
        ("10", f"{UP}/2008/10/plan.svg", "", [], "is an SVG drawing, never a cover here"),
        ("11", f"{UP}/2008/10/x.jpg", "", [], "is attachment 11, which is not in the export"),
        ("", f"{UP}/2008/10/x.jpg", "", [], None),
    ],
)  # fmt: skip
def test_a_featured_image_is_the_posts_cover(uploads, featured, url, cover, missing, noted):
    made = plan.make_plan(_featured_export(("10", url), featured=featured), plan.Layout(), uploads)
    text = made.files["posts/p.md"]
    assert (f"Cover: {cover}\n" in text) if cover else ("Cover:" not in text)
    assert [c.target for c in made.copies] == ([cover] if cover else [])
    assert made.missing == missing
    assert [p for p in made.problems if "featured image" in p] == (
        [next(p for p in made.problems if noted in p)] if noted else []
    )


def test_a_pages_featured_image_is_named_not_dropped(uploads):
    export = _featured_export(("10", f"{UP}/2008/10/x.jpg"))
    export.items[0].kind = model.PAGE
    made = plan.make_plan(export, plan.Layout(), uploads)
    assert "Cover:" not in made.files["pages/p.md"]
    assert made.problems == [
        f"pages/p.md: its featured image {UP}/2008/10/x.jpg is not imported (a page shows no "
        "cover): put it in the page's text if it matters"
    ]


def test_the_report_counts_the_attachments_and_names_the_unused(uploads):
    export = _featured_export(
        ("10", f"{UP}/2008/10/x.jpg"),  # the featured image, found
        ("11", f"{UP}/2020/01/gone.jpg"),  # in the text, not found
        ("12", f"{UP}/2008/10/y.jpg"),  # in the text at another size, found
        ("13", f"{UP}/2011/05/unused.png"),  # in no text
    )
    gone, small = f"{UP}/2020/01/gone.jpg", f"{UP}/2008/10/y-300x200.jpg"
    export.items[0].html = f'<p><img src="{gone}" alt="A"> <img src="{small}" alt="B"></p>'
    export.attachments["14"] = model.Attachment("14", f"{UP}/2011/05/orphan.pdf")
    made = plan.make_plan(export, plan.Layout(), uploads)
    from plugins.importer.apply import Outcome

    lines = report.lines("WordPress", made, Outcome(), "db", "archive")
    at = next(n for n, line in enumerate(lines) if line.startswith("Attachments"))
    assert lines[at : at + 3] == [
        "Attachments (the files the export lists as uploaded): 5: 2 copied, 1 not found under "
        "--uploads (listed above), 2 shown by no imported post or page, not copied (each file "
        "stays in the uploads folder: put it in a post to bring it across):",
        f"  {UP}/2011/05/unused.png (uploaded to 'P')",
        f"  {UP}/2011/05/orphan.pdf",
    ]


def test_no_redirect_from_the_address_of_a_page_the_site_writes():
    export = model.Export("wordpress", "http://old.example")
    export.items = [
        _item("1", "a-post", old_urls=["http://old.example/team/", "http://old.example/?p=1"])
    ]
    made = plan.make_plan(export, plan.Layout(), None)
    assert "Redirect_from: /?p=1\n" in made.files["posts/a-post.md"]
    assert (
        "posts/a-post.md: the old address /team/ is the site's own page now: no redirect"
        in made.problems
    )


def test_an_author_of_drafts_only_gets_no_public_profile():
    export = model.Export("wordpress", "http://old.example")
    export.authors = {
        "ada": model.Author("ada", "Ada Admin"),
        "nina": model.Author("nina", "Nina Newhire"),
    }
    export.items = [_item("1", "out", author="ada"), _item("2", "secret-hire", author="nina")]
    export.items[1].status = model.DRAFT
    made = plan.make_plan(export, plan.Layout(), None)
    assert sorted(p for p in made.files if p.startswith("team/")) == ["team/ada-admin.md"]
    assert "Author: Nina Newhire\n" in made.files["posts/secret-hire.md"]
    assert any(p.startswith("author 'Nina Newhire' signs drafts only") for p in made.problems)
    assert made.counts["authors"] == 1


def _signed_by(*names: str) -> model.Export:
    export = model.Export("wordpress", "http://old.example")
    export.authors = {f"a{i}": model.Author(f"a{i}", name) for i, name in enumerate(names)}
    export.items = [_item(str(i), f"post-{i}", author=f"a{i}") for i in range(len(names))]
    return export


@pytest.mark.parametrize(
    ("names", "taken", "files"),
    [
        # named as the byline links them (the engine's slug here; the task passes Pelican's),
        # not by the names' letters (team/وحید-خرازی.md, team/黄俊.md: /team/黄俊/)
        (["وحید خرازی", "黄俊", "Théo Marchand"], [], ["huang-jun", "theo-marchand", "whyd-khrzy"]),
        # two names of one transliteration, and a slug a team file has: -2, as team-stubs does
        (["黄俊", "皇俊"], [], ["huang-jun", "huang-jun-2"]),
        (["Maya Okafor"], ["maya-okafor"], ["maya-okafor-2"]),
    ],
)
def test_team_files_are_named_as_team_stubs_names_them(names, taken, files):
    made = plan.make_plan(_signed_by(*names), plan.Layout(), None, team_taken=taken)
    assert sorted(p for p in made.files if p.startswith("team/")) == sorted(
        f"team/{name}.md" for name in files
    )


def test_the_team_file_name_is_the_slug_the_task_passes():
    made = plan.make_plan(_signed_by("O'Brien"), plan.Layout(), None, team_slug=lambda n: "ob")
    assert [p for p in made.files if p.startswith("team/")] == ["team/ob.md"]
    assert made.files["team/ob.md"].startswith("Name: O'Brien\n")


def _gutenberg_gallery(*ids: str, caption: str = "") -> str:
    figures = "".join(
        f'<!-- wp:image {{"id":{i}}} --><figure class="wp-block-image"><img '
        f'src="http://old.example/wp-content/uploads/2019/06/p{i}.jpg" alt="Photo {i}" '
        f'class="wp-image-{i}"/></figure><!-- /wp:image -->'
        for i in ids
    )
    return (
        '<!-- wp:gallery --><figure class="wp-block-gallery has-nested-images">'
        f"{figures}{caption}</figure><!-- /wp:gallery -->"
    )


def _gallery_export(html: str, *ids: str) -> model.Export:
    export = model.Export("wordpress", "http://old.example")
    for i in ids:
        url = f"http://old.example/wp-content/uploads/2019/06/p{i}.jpg"
        export.attachments[i] = model.Attachment(i, url, parent="1")
    export.items = [_item("1", "trip", title="Trip")]
    export.items[0].html = html
    return export


def test_a_gutenberg_gallery_without_its_pictures_keeps_them_in_the_text_and_says_so():
    """Two galleries of the same two pictures, none under --uploads: each gallery is one note
    that says its pictures stay in the text (they do), each picture is listed once."""
    html = "<p>Our trip.</p>" + _gutenberg_gallery("7", "8") + _gutenberg_gallery("7", "8")
    made = plan.make_plan(_gallery_export(html, "7", "8"), plan.Layout(), None)
    text = made.files["posts/trip.md"]
    url = "http://old.example/wp-content/uploads/2019/06/p7.jpg"
    assert text.count(f"![Photo 7]({url})") == 2 and "{gallery}" not in text
    assert made.problems == [
        f"posts/trip.md: gallery {n} of the post is not made: none of its 2 pictures is under "
        "--uploads; they stay in the text as pictures (listed above) until you copy them "
        "there and import again"
        for n in (1, 2)
    ]
    from plugins.importer.apply import Outcome

    lines = report.lines("WordPress", made, Outcome(), "db", "archive")
    assert "2 pictures missing" in lines[0]
    listed = [line for line in lines if line.startswith("  http")]
    assert listed == [f"  {url} (in 'Trip')", f"  {url.replace('p7', 'p8')} (in 'Trip')"]
    assert "Pictures not found under --uploads (2, " in "\n".join(lines)


def test_two_uploads_of_one_name_stay_two_photos_of_the_gallery(tmp_path):
    """WordPress's theme unit test data: a gallery of 2012/06/dsc…532.jpg and 2013/09/dsc…532.jpg,
    two pictures of one name, went into one folder as one file, listed twice (the build then
    warned and showed it once, the other picture lost); a picture the block shows twice is one
    photo of the gallery, as the build would show it."""
    for folder, data in (("2019/06", b"first"), ("2020/01", b"second")):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "p7.jpg").write_bytes(data)
    export = _gallery_export(_gutenberg_gallery("7", "9", "7"), "7")
    url = "http://old.example/wp-content/uploads/2020/01/p7.jpg"
    export.attachments["9"] = model.Attachment("9", url, parent="1", alt="The second")
    made = plan.make_plan(export, plan.Layout(), tmp_path)
    assert made.files["galleries/trip/gallery.md"].splitlines()[2:] == [
        "Photo: p7.jpg |  | Photo 7",
        "Photo: p7-2.jpg |  | Photo 9",
    ]
    copies = {copy.target: copy.source.read_bytes() for copy in made.copies}
    assert copies == {"galleries/trip/p7.jpg": b"first", "galleries/trip/p7-2.jpg": b"second"}


def test_a_gallery_shortcode_without_its_pictures_is_one_note():
    html = '<p>Our trip.</p>[gallery ids="7,8"]'
    made = plan.make_plan(_gallery_export(html, "7", "8"), plan.Layout(), None)
    assert made.problems == [
        "posts/trip.md: [gallery] 1 of the post is left out: none of its 2 pictures is under "
        "--uploads (listed above): copy them there and import again"
    ]
    assert [where for where, _ in made.missing] == ["'Trip' (gallery, left out)"] * 2


def _uploaded(tmp_path: Path, *ids: str) -> Path:
    (tmp_path / "2019/06").mkdir(parents=True)
    for i in ids:
        (tmp_path / f"2019/06/p{i}.jpg").write_bytes(f"picture {i}".encode())
    return tmp_path


COLUMNS = (
    'the galleries of {} set their number of columns ([gallery columns="3"], a gallery '
    "block's Columns): not kept, the theme lays every gallery's photos out to fit the screen; "
    "nothing to do"
)


def test_a_gallerys_columns_are_said_once_for_the_import(tmp_path):
    """[gallery columns="2"] and a block's columns-4 were dropped without a word; no gallery
    here has columns of its own, so one line of the import names the files."""
    block = _gutenberg_gallery("7").replace("has-nested-images", "has-nested-images columns-4")
    export = _gallery_export('<p>Two.</p>[gallery columns="2"]', "7")
    posts = [("2", "walk", block), ("3", "plain", "[gallery]"), ("4", "walk-2", block)]
    for item_id, slug, html in posts:
        export.items.append(_item(item_id, slug, slug.title()))
        export.items[-1].html = html
    export.items.append(_item("5", "last", "Last"))  # a fourth: "and 1 more"
    export.items[-1].html = '[gallery ids="7" columns="1"]'
    made = plan.make_plan(export, plan.Layout(), _uploaded(tmp_path, "7"))
    columns = [line for line in made.problems if "columns" in line]
    assert columns == [COLUMNS.format("posts/trip.md, posts/walk.md, posts/walk-2.md and 1 more")]
    assert made.files["galleries/walk/gallery.md"].endswith("Photo: p7.jpg |  | Photo 7\n")


def test_galleries_of_one_post_showing_its_attachments_are_one_gallery_shown_once(tmp_path):
    """WordPress's theme unit test data: a post of [gallery] and [gallery columns="1"] to "9"
    (each shows the post's attachments) became 10 folders, each a copy of its 23 pictures, each
    photo's missing alt text said 10 times. One folder now, at the first shortcode; the text
    between them is kept, and one line names the others."""
    html = '<p>All of them.</p>[gallery]<p>In one column.</p>[gallery columns="1"]' + "".join(
        f'[gallery columns="{n}" link="file"]' for n in (2, 3)
    )
    made = plan.make_plan(
        _gallery_export(html, "7", "8"), plan.Layout(), _uploaded(tmp_path, "7", "8")
    )
    assert [p for p in made.files if p.startswith("galleries/")] == ["galleries/trip/gallery.md"]
    assert sorted(copy.target for copy in made.copies) == [
        "galleries/trip/p7.jpg",
        "galleries/trip/p8.jpg",
    ]
    assert made.files["posts/trip.md"].endswith("All of them.\n\n{gallery}trip\n\nIn one column.\n")
    assert made.counts["galleries"] == 1
    assert made.no_alt == [
        ("galleries/trip/gallery.md", "p7.jpg"),
        ("galleries/trip/gallery.md", "p8.jpg"),
    ]
    assert made.problems == [
        "posts/trip.md: [gallery] 2, 3 and 4 of the post show the pictures of [gallery] 1: left "
        "out, since a post shows a gallery once (galleries/trip/, where [gallery] 1 is)",
        COLUMNS.format("posts/trip.md"),
    ]


def test_a_post_converted_again_keeps_its_gallery(tmp_path):
    """A post whose spans are nested too deep is converted a second time without them: its
    [gallery] is the one made the first time, not a repeat of it left out of the text."""
    html = "<p>All of them.</p>[gallery]<p>" + "<span>" * 2000 + "Still here.</p>"
    made = plan.make_plan(
        _gallery_export(html, "7", "8"), plan.Layout(), _uploaded(tmp_path, "7", "8")
    )
    assert [p for p in made.files if p.startswith("galleries/")] == ["galleries/trip/gallery.md"]
    assert "All of them.\n\n{gallery}trip\n\nStill here." in made.files["posts/trip.md"]
    assert not [line for line in made.problems if "left out" in line]


def test_gallery_blocks_of_the_same_pictures_are_one_gallery_and_keep_their_captions(tmp_path):
    """A second block of the same pictures keeps its own caption, in the text; a block of other
    pictures, or of the same ones with other alt text, is a gallery of its own."""
    caption = '<figcaption class="blocks-gallery-caption">Again</figcaption>'
    html = (
        _gutenberg_gallery("7", "8")
        + _gutenberg_gallery("7", "8", caption=caption)
        + _gutenberg_gallery("8", "7")
        + _gutenberg_gallery("7", "8").replace('alt="Photo 7"', 'alt="The hill"')
    )
    export = _gallery_export(html, "7", "8")
    made = plan.make_plan(export, plan.Layout(), _uploaded(tmp_path, "7", "8"))
    assert made.files["posts/trip.md"].endswith(
        "\n{gallery}trip\n\nAgain\n\n{gallery}trip-2\n\n{gallery}trip-3\n"
    )
    assert made.problems == [
        "posts/trip.md: gallery 2 of the post shows the pictures of gallery 1: left out, since "
        "a post shows a gallery once (galleries/trip/, where gallery 1 is)"
    ]


def test_repeated_gallery_shortcodes_without_their_pictures_are_one_note():
    """Without --uploads, the 10 shortcodes of one post's attachments were 10 notes, each
    listing the same missing pictures."""
    html = '<p>Our trip.</p>[gallery][gallery columns="2"]'
    made = plan.make_plan(_gallery_export(html, "7", "8"), plan.Layout(), None)
    assert made.problems == [
        "posts/trip.md: [gallery] 1 of the post is left out: none of its 2 pictures is under "
        "--uploads (listed above): copy them there and import again",
        "posts/trip.md: [gallery] 2 of the post shows the pictures of [gallery] 1: left out, "
        "like [gallery] 1",
        COLUMNS.format("posts/trip.md"),
    ]
    assert [where for where, _ in made.missing] == ["'Trip' (gallery, left out)"] * 2


def _with_a_gif(tmp_path: Path, html: str) -> plan.Plan:
    """A post of p7.jpg and spectacles.gif (the theme unit test data's), both uploaded."""
    export = _gallery_export(html, "7")
    url = "http://old.example/wp-content/uploads/2019/06/spectacles.gif"
    export.attachments["8"] = model.Attachment("8", url, parent="1", alt="Round glasses")
    (_uploaded(tmp_path, "7") / "2019/06/spectacles.gif").write_bytes(b"GIF89a")
    return plan.make_plan(export, plan.Layout(), tmp_path)


@pytest.mark.parametrize(
    ("html", "text", "photos", "said"),
    [
        (
            "<p>Our trip.</p>[gallery]<p>After.</p>",
            "Our trip.\n\n{gallery}trip\n\n![Round glasses]({static}/images/2019/06/"
            "spectacles.gif)\n\nAfter.\n",
            ["Photo: p7.jpg"],
            "[gallery] 1 of the post: spectacles.gif is shown in the post's text after the "
            "gallery, as a picture (a gallery shows JPEG, PNG, WebP, AVIF, TIFF or HEIC only)",
        ),
        (
            '<p>Our trip.</p>[gallery ids="8"]',
            "Our trip.\n\n![Round glasses]({static}/images/2019/06/spectacles.gif)\n",
            None,
            "[gallery] 1 of the post: spectacles.gif is shown in the post's text as a picture, "
            "where the gallery was: a gallery shows JPEG, PNG, WebP, AVIF, TIFF or HEIC only, "
            "so the gallery is left out",
        ),
        (
            _gutenberg_gallery("7", "8").replace("p8.jpg", "spectacles.gif"),
            "{gallery}trip\n\n![Photo 8]({static}/images/2019/06/spectacles.gif)\n",
            ["Photo: p7.jpg |  | Photo 7"],
            "gallery 1 of the post: spectacles.gif is shown in the post's text after the "
            "gallery, as a picture (a gallery shows JPEG, PNG, WebP, AVIF, TIFF or HEIC only)",
        ),
    ],
)
def test_a_gif_a_gallery_cannot_show_is_a_picture_of_the_text(tmp_path, html, text, photos, said):
    """WordPress's theme unit test data: spectacles.gif went into a gallery folder, which the
    build skipped ("is not a photo this gallery can show"), the import saying nothing."""
    made = _with_a_gif(tmp_path, html)
    assert made.files["posts/trip.md"].endswith(text)
    gallery = made.files.get("galleries/trip/gallery.md")
    assert (gallery.splitlines()[2:] if gallery else None) == photos
    assert "galleries/trip/spectacles.gif" not in [copy.target for copy in made.copies]
    assert made.problems == [f"posts/trip.md: {said}"]


@pytest.mark.parametrize(
    ("html", "caption"),
    [
        (
            _gutenberg_gallery("7", "8")
            .replace("p8.jpg", "spectacles.gif")
            .replace(
                'class="wp-image-8"/>',
                'class="wp-image-8"/><figcaption>Round <em>ones</em></figcaption>',
            ),
            "",
        ),
        ("<p>Our trip.</p>[gallery]", "Round <em>ones</em>"),
    ],
)
def test_a_gif_taken_out_of_a_gallery_keeps_its_caption(tmp_path, html, caption):
    """WordPress's theme unit test data: the block gallery's spectacles.gif, written in the
    text after the gallery, lost the caption the gallery showed under it (the block's own
    figcaption, or the attachment's caption for a [gallery])."""
    export = _gallery_export(html, "7")
    url = "http://old.example/wp-content/uploads/2019/06/spectacles.gif"
    export.attachments["8"] = model.Attachment("8", url, parent="1", alt="Glasses", caption=caption)
    (_uploaded(tmp_path, "7") / "2019/06/spectacles.gif").write_bytes(b"GIF89a")
    text = plan.make_plan(export, plan.Layout(), tmp_path).files["posts/trip.md"]
    figure = BeautifulSoup(text.split("{gallery}trip", 1)[1], "html.parser").figure
    assert figure is not None, text
    assert figure.img["src"] == "{static}/images/2019/06/spectacles.gif"
    assert str(figure.figcaption) == "<figcaption>Round <em>ones</em></figcaption>"


def test_a_gallery_with_some_of_its_pictures_is_made_without_the_others(tmp_path):
    (tmp_path / "2019/06").mkdir(parents=True)
    (tmp_path / "2019/06/p7.jpg").write_bytes(b"picture")
    caption = '<figcaption class="blocks-gallery-caption">On the <em>hill</em></figcaption>'
    export = _gallery_export(_gutenberg_gallery("7", "8", caption=caption), "7", "8")
    made = plan.make_plan(export, plan.Layout(), tmp_path)
    assert made.files["posts/trip.md"].endswith("\n{gallery}trip\n\nOn the *hill*\n")
    # the gallery's pictures are the gallery's, not copied for the text too
    assert [copy.target for copy in made.copies] == ["galleries/trip/p7.jpg"]
    assert made.missing == [
        ("'Trip' (gallery)", "http://old.example/wp-content/uploads/2019/06/p8.jpg")
    ]
    assert made.problems == [
        "posts/trip.md: gallery 1 of the post is made without 1 of its 2 pictures, not found "
        "under --uploads (listed above): copy them there and import again"
    ]


@pytest.mark.parametrize(
    ("excerpt", "shown", "tags"),
    [
        # escaped markup is text on the old site: text here too, not a <b>
        ("&lt;b&gt;Bold&lt;/b&gt; is a tag", "<b>Bold</b> is a tag", []),
        ("Call f(*args, **kwargs) with `ticks`", "Call f(*args, **kwargs) with `ticks`", []),
        ("snake_case and _under_ # not 1. a list", "snake_case and _under_ # not 1. a list", []),
        ("# Not a heading {#x}", "# Not a heading {#x}", []),
        ("a < b &amp; c &amp;amp; d", "a < b & c &amp; d", []),
        # HTML is HTML, as the old site showed it (converted as the body is), in one line
        ("<p>It is <em>really</em> <code>fast</code>.</p><p>Two.</p>", "It is really fast. Two.",
         ["em", "code"]),
    ],
)  # fmt: skip
def test_an_excerpt_reads_back_as_the_old_site_showed_it(tmp_path, excerpt, shown, tags):
    """The Summary line through Pelican's own Markdown reader, with the site's settings."""
    from bs4 import BeautifulSoup
    from pelican.readers import MarkdownReader
    from pelican.settings import read_settings

    export = model.Export("wordpress", "http://old.example", items=[_item("1", "p")])
    export.items[0].excerpt = excerpt
    made = plan.make_plan(export, plan.Layout(), None)
    post = tmp_path / "p.md"
    post.write_text(made.files["posts/p.md"], encoding="utf-8")
    settings = read_settings(str(Path(__file__).parents[1] / "pelicanconf.py"))
    _, metadata = MarkdownReader({**settings, "PATH": str(tmp_path)}).read(str(post))
    summary = BeautifulSoup(metadata["summary"], "html.parser")
    assert summary.get_text() == shown
    assert [tag.name for tag in summary.find_all(True) if tag.name != "p"] == tags


def test_a_picture_without_alt_text_gets_its_attachments_else_the_report_names_it():
    export = model.Export("wordpress", "http://old.example")
    uploads = "http://old.example/wp-content/uploads/2019/06"
    export.attachments["9"] = model.Attachment("9", f"{uploads}/a.jpg", alt="The hall at night")
    export.attachments["10"] = model.Attachment("10", f"{uploads}/b.jpg", alt="The garden")
    export.items = [_item("1", "p")]
    export.items[0].html = (
        f'<p><img src="{uploads}/a-300x200.jpg" alt="" class="wp-image-9"></p>'  # by its id
        f'<p><img src="{uploads}/b-1024x768.jpg"></p>'  # by its address, another size
        f'<p><img src="{uploads}/c.jpg" alt=""> <img src="{uploads}/c.jpg" alt=" "></p>'
        f'<figure><img src="{uploads}/d.jpg" alt=""><figcaption>Named</figcaption></figure>'
    )
    made = plan.make_plan(export, plan.Layout(), None)
    text = made.files["posts/p.md"]
    assert f"![The hall at night]({uploads}/a-300x200.jpg)" in text
    assert f"![The garden]({uploads}/b-1024x768.jpg)" in text
    assert made.no_alt == [("posts/p.md", "c.jpg")]  # once; d.jpg's caption names it
    from plugins.importer.apply import Outcome

    lines = report.lines("WordPress", made, Outcome(), "db", "archive")
    at = lines.index(next(line for line in lines if line.startswith("Pictures without alt")))
    assert lines[at].startswith("Pictures without alt text (1; a publish build refuses them")
    assert lines[at + 1] == "  posts/p.md: c.jpg"


def test_a_picture_whose_alt_text_is_its_files_name_is_listed_as_publish_refuses_it():
    """WordPress's theme unit test data: ![dsc20050813_115856_52](…/dsc20050813_115856_52.jpg),
    which a publish build refuses (blogcore's rule), was not in the report's list; a figure
    kept as HTML, a caption and a described picture are held to the same rule."""
    export = model.Export("wordpress", "http://old.example")
    uploads = "http://old.example/wp-content/uploads/2013/09"
    export.items = [_item("1", "p")]
    export.items[0].html = (
        f'<p><img src="{uploads}/dsc20050813_115856_52.jpg" alt="dsc20050813_115856_52"></p>'
        f'<figure><img src="{uploads}/b.jpg" alt="image"><figcaption>Named</figcaption></figure>'
        f'<p><img src="{uploads}/c.jpg" alt="The hall at night"></p>'
        f'<figure class="wp-block-table"><table><tr><td><img src="{uploads}/IMG_2041.jpg" '
        'alt="IMG_2041"></td></tr></table></figure>'
    )
    made = plan.make_plan(export, plan.Layout(), None)
    from plugins.importer.apply import Outcome

    lines = report.lines("WordPress", made, Outcome(), "db", "archive")
    at = lines.index(next(line for line in lines if line.startswith("Pictures without alt")))
    assert lines[at].startswith(
        "Pictures without alt text or with alt text that describes nothing (3; a publish build "
        "refuses them in what it publishes: describe what each shows, between the brackets of "
        "![…](…) in the post (in place of what is there), "
    )
    assert lines[at + 1] == (
        "  posts/p.md: dsc20050813_115856_52.jpg (alt text 'dsc20050813_115856_52': the file's "
        "name), b.jpg (alt text 'image': a placeholder), IMG_2041.jpg (alt text 'IMG_2041': "
        "the file's name)"
    )


def test_a_gutenberg_gallerys_photos_keep_the_blocks_alt_text_and_captions(tmp_path):
    (tmp_path / "2019/06").mkdir(parents=True)
    for name in ("p7.jpg", "p8.jpg", "p9.jpg"):
        (tmp_path / "2019/06" / name).write_bytes(b"picture")
    html = _gutenberg_gallery("7", "8", "9").replace(
        'alt="Photo 8" class="wp-image-8"/>',
        'alt="" class="wp-image-8"/><figcaption>On the <em>hill</em></figcaption>',
    )
    html = html.replace('alt="Photo 9"', 'alt=""')
    export = _gallery_export(html, "7", "8", "9")
    export.attachments["8"].alt = "A hill"  # the export's, where the block has none
    made = plan.make_plan(export, plan.Layout(), tmp_path)
    assert made.files["galleries/trip/gallery.md"].splitlines()[2:] == [
        "Photo: p7.jpg |  | Photo 7",
        "Photo: p8.jpg | On the hill | A hill",
        "Photo: p9.jpg",
    ]
    assert made.no_alt == [("galleries/trip/gallery.md", "p9.jpg")]


@pytest.mark.parametrize(
    ("slug", "occupied", "expected", "said"),
    [
        ("hello-world", {}, "hello-world", None),
        # the site's own post has that address: the imported one is -2, and said so
        (
            "hello-world",
            {"posts/hello-world": "content/posts/own.md"},
            "hello-world-2",
            "item 1 ('Hello'): /posts/hello-world/ is content/posts/own.md's, already in the "
            "site: written as 'hello-world-2' (the old address redirects to the new one)",
        ),
        # or that file name (its own Slug elsewhere): the file would not be written
        (
            "hello-world",
            {"posts/hello-world.md": "content/posts/hello-world.md"},
            "hello-world-2",
            "already in the site",
        ),
        (
            "a",
            {"posts/a": "content/posts/x.md", "posts/a-2": "content/posts/y.md"},
            "a-3",
            "written as 'a-3'",
        ),
    ],
)
def test_the_site_s_own_posts_keep_their_addresses(slug, occupied, expected, said):
    export = model.Export("wordpress", "http://old.example")
    export.items = [_item("1", slug, "Hello")]
    found: list[str] = []
    layout = plan.Layout(occupied=occupied)
    assert plan._slugs(export, found, layout) == [expected]
    if said is None:
        assert found == []
    else:
        assert len(found) == 1 and said in found[0]


def test_occupied_is_the_site_s_own_posts_and_pages(tmp_path):
    content = tmp_path / "content"
    files = {
        "posts/own.md": "Title: Our own hello\nSlug: hello-world\n\nText.\n",
        "posts/2024/untitled-slug.md": "Title: Moving day\n\nText.\n",  # slug from the title
        "pages/about.md": "Title: About us\nSlug: about\n\nText.\n",
        "posts/fr.md": "Title: Bonjour\nSlug: bonjour\nLang: fr\n\nTexte.\n",
        "posts/imported.md": "Title: From the export\nSlug: from-export\n\nText.\n",
        "top-level.md": "Title: At the top\nSlug: top\n\nText.\n",
        "posts/notes.txt": "Title: Not a post\n",
    }
    for relative, text in files.items():
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        (content / relative).write_text(text, encoding="utf-8")
    found = plan.occupied(
        content, plan.Layout(), {"posts/imported.md": "sha"}, lambda p: f"c/{p.name}"
    )
    assert found == {
        "posts/hello-world": "c/own.md",
        "posts/own.md": "c/own.md",
        "posts/moving-day": "c/untitled-slug.md",
        "posts/2024/untitled-slug.md": "c/untitled-slug.md",
        "about": "c/about.md",
        "pages/about.md": "c/about.md",
        "fr/posts/bonjour": "c/fr.md",
        "posts/fr.md": "c/fr.md",
        "posts/top": "c/top-level.md",
    }


def test_occupied_on_a_site_slugged_by_file_name_is_at_the_file_s_name(tmp_path):
    # SLUGIFY_SOURCE = "basename": the post is at /posts/untitled-slug/, not /posts/moving-day/
    # (an imported 'Moving day' got -2 for nothing, and one at untitled-slug took its address)
    post = tmp_path / "content" / "posts" / "2024" / "untitled-slug.md"
    post.parent.mkdir(parents=True)
    post.write_text("Title: Moving day\n\nText.\n", encoding="utf-8")
    layout = plan.Layout(slug_rule=Rule(source="basename"))
    found = plan.occupied(tmp_path / "content", layout, {}, lambda p: f"c/{p.name}")
    assert found == {
        "posts/untitled-slug": "c/untitled-slug.md",
        "posts/2024/untitled-slug.md": "c/untitled-slug.md",
    }


DATED = r"(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>.*)"


@pytest.mark.parametrize(
    ("settings", "relative", "title", "address"),
    [
        # the slug after the date, as Pelican publishes it: not its title's /posts/we-moved/
        ({"FILENAME_METADATA": DATED}, "posts/2024-05-01-moving-day.md", "We moved!", "moving-day"),
        # a post as a folder, its slug the folder's name
        (
            {"PATH_METADATA": r"posts/(?P<slug>[^/]+)/index\.md"},
            "posts/moving-day/index.md",
            "We moved!",
            "moving-day",
        ),
        # a name the pattern does not read: its title's, as before
        ({"FILENAME_METADATA": DATED}, "posts/moving.md", "Moving day", "moving-day"),
    ],
)
def test_occupied_is_where_pelican_publishes_a_post_by_its_name_or_folder(
    tmp_path, settings, relative, title, address
):
    # FILENAME_METADATA and PATH_METADATA were not read: an imported 'Moving day' was written
    # at /posts/moving-day/ over the site's own post there, and one titled 'We moved!' got -2
    post = tmp_path / "content" / relative
    post.parent.mkdir(parents=True)
    post.write_text(f"Title: {title}\nDate: 2024-05-01\n\nText.\n", encoding="utf-8")
    layout = plan.Layout(slug_rule=Rule.of(settings))
    found = plan.occupied(tmp_path / "content", layout, {}, lambda p: f"c/{p.name}")
    assert found == {f"posts/{address}": f"c/{post.name}", relative: f"c/{post.name}"}
    export = model.Export("wordpress", "http://old.example")
    export.items = [_item("1", "", "Moving day"), _item("2", "", "We moved!")]
    made = plan.make_plan(export, dataclasses.replace(layout, occupied=found), None)
    # the imported post of the same address is renamed, the other keeps its title's slug
    expected = {f"posts/{s}{'-2' if s == address else ''}.md" for s in ("moving-day", "we-moved")}
    assert {name for name in made.files if name.startswith("posts/")} == expected


MONTHLY = "{date:%Y}/{date:%m}/{slug}/"


def test_a_dated_article_url_gives_each_post_the_address_pelican_gives_it(tmp_path):
    # ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/" stopped the import with KeyError: 'date'
    post = tmp_path / "content" / "posts" / "moving.md"
    post.parent.mkdir(parents=True)
    post.write_text("Title: Moving day\nDate: 2024-05-01 10:00\n\nText.\n", encoding="utf-8")
    layout = plan.Layout(article_url=MONTHLY, article_lang_url="{lang}/" + MONTHLY)
    found = plan.occupied(tmp_path / "content", layout, {}, lambda p: f"c/{p.name}")
    assert found == {"2024/05/moving-day": "c/moving.md", "posts/moving.md": "c/moving.md"}
    export = model.Export("wordpress", "http://old.example")
    export.items = [
        _item("1", "moving-day", "Moving day", date=dt.datetime(2024, 5, 20, 9, 0)),
        _item("2", "hello", "Hello", date=dt.datetime(2019, 12, 31, 23, 0), lang="fr"),
    ]
    made = plan.make_plan(export, dataclasses.replace(layout, occupied=found), None)
    # the same month's address is the site's post's: -2; another month's would not clash
    assert sorted(made.files) == ["posts/hello.md", "posts/moving-day-2.md"]
    assert made.first_post == "/2024/05/moving-day-2/"
    export.items[0].date = dt.datetime(2024, 6, 1, 9, 0)
    made = plan.make_plan(export, dataclasses.replace(layout, occupied=found), None)
    assert sorted(made.files) == ["posts/hello.md", "posts/moving-day.md"]


@pytest.mark.parametrize(
    ("settings", "slug", "lang_line"),
    [
        # the name's last two letters read as its language: how-we-do-it.md was Italian,
        # at /it/posts/how-we-do-it/ (checked with a real build)
        ({"FILENAME_METADATA": r"(?P<slug>.+?)-(?P<lang>[a-z]{2})$"}, "how-we-do-it", "en"),
        ({"FILENAME_METADATA": r"(?P<slug>.+?)-(?P<lang>[a-z]{2})$"}, "moving-day", ""),
        ({}, "how-we-do-it", ""),  # Pelican's FILENAME_METADATA reads a date only
        ({"FILENAME_METADATA": r"(?P<slug>.+?)-(?P<lang>[a-z]{2})$"}, "ciao-it", "it"),
    ],
)
def test_a_post_whose_file_name_reads_as_a_language_says_its_own(settings, slug, lang_line):
    export = model.Export("wordpress", "http://old.example", lang="en")
    lang = "it" if slug == "ciao-it" else ""
    export.items = [_item("1", slug, "Title", lang=lang)]
    made = plan.make_plan(export, plan.Layout(slug_rule=Rule.of(settings)), None)
    lines = [line for line in made.files[f"posts/{slug}.md"].splitlines() if line]
    assert [line for line in lines if line.startswith("Lang:")] == (
        [f"Lang: {lang_line}"] if lang_line else []
    )


@pytest.mark.parametrize(
    ("settings", "said"),
    [
        ({"article_url": MONTHLY}, ""),
        ({"page_url": "{date:%Y}/{slug}/"}, ""),
        (
            {"article_url": "{category}/{slug}/"},
            "pelicanconf.py: ARTICLE_URL = '{category}/{slug}/' uses {category}, which the "
            "importer cannot work out; nothing was imported: the importer makes addresses of "
            "{slug}, {lang} and {date} only",
        ),
        (
            {"page_lang_url": "{lang}/{slug/"},
            "pelicanconf.py: PAGE_LANG_URL = '{lang}/{slug/' is not an address pattern Python "
            "can fill (expected '}' before end of string); nothing was imported: the importer "
            "makes addresses of {slug}, {lang} and {date} only",
        ),
    ],
)
def test_an_address_setting_the_import_cannot_fill_is_one_line(settings, said):
    assert plan.Layout(**settings).url_problem() == said


@pytest.mark.parametrize(
    ("date", "modified", "written"),
    [
        # Blogger gives the offset: kept, so the post keeps its moment (the site reads it and
        # shows the time as written, not in its own TIMEZONE)
        (
            dt.datetime(2008, 10, 5, 14, 3, 0, 1000, tzinfo=dt.timezone(dt.timedelta(hours=-7))),
            dt.datetime(2008, 10, 7, 9, 15, 22, tzinfo=dt.timezone(dt.timedelta(hours=-7))),
            "Date: 2008-10-05 14:03-07:00\nModified: 2008-10-07 09:15-07:00\n",
        ),
        (
            dt.datetime(2011, 5, 3, 14, 20, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))),
            dt.datetime(2011, 5, 3, 14, 20, 40, tzinfo=dt.timezone(dt.timedelta(hours=5.5))),
            "Date: 2011-05-03 14:20+05:30\n",  # modified within the minute: no line
        ),
        (dt.datetime(2010, 1, 20, 11, 0, tzinfo=dt.UTC), None, "Date: 2010-01-20 11:00+00:00\n"),
        # WordPress's post_date is the old site's local time, its zone not said: as it is
        (dt.datetime(2008, 10, 29, 9, 30), None, "Date: 2008-10-29 09:30\n"),
    ],
)
def test_a_date_keeps_the_offset_the_export_gives(date, modified, written):
    export = model.Export("blogger", "http://old.blogspot.com")
    export.items = [_item("1", "zoned", date=date, modified=modified)]
    text = plan.make_plan(export, plan.Layout(), None).files["posts/zoned.md"]
    assert f"\n{written}" in text
    assert ("Modified:" in text) is ("Modified:" in written)


def _post(post_id: str, categories: list[str], tags: list[str]) -> str:
    """A published WordPress post in its categories and tags, as an export gives it."""
    terms = "".join(
        f'<category domain="{domain}" nicename="{name.lower()}"><![CDATA[{name}]]></category>'
        for domain, names in (("category", categories), ("post_tag", tags))
        for name in names
    )
    return (
        f"<item><title>Post {post_id}</title><wp:post_id>{post_id}</wp:post_id>"
        "<wp:post_date>2020-01-01 09:00:00</wp:post_date><wp:status>publish</wp:status>"
        f"<wp:post_type>post</wp:post_type><wp:post_name>p{post_id}</wp:post_name>"
        f"<content:encoded>Text</content:encoded>{terms}</item>"
    )


def test_a_tag_is_written_one_way_and_never_repeats_its_posts_category(tmp_path):
    """WordPress keeps a category and a tag of one name apart (the category "Events", the tag
    "events"); the site makes one tag page of both and warns about every file that spells it
    otherwise, so each tag is written one way for the whole import (the spelling most posts
    use), and a tag that is the post's own Category is left out: the report says both."""
    from pelican.readers import ensure_metadata_list

    from plugins.importer import wordpress
    from tests.test_importer_wordpress import _wxr

    path = tmp_path / "export.xml"
    posts = [
        _post("1", ["News", "Events"], ["events"]),
        _post("2", ["Template"], ["template", "events", "Media"]),
        _post("3", ["News"], ["Events"]),
    ]
    path.write_text(_wxr("".join(posts)), encoding="utf-8")
    made = plan.make_plan(wordpress.parse(path), plan.Layout(), None)

    def head(slug: str) -> dict[str, str]:
        lines = made.files[f"posts/{slug}.md"].split("\n\n")[0].splitlines()
        return dict(line.split(": ", 1) for line in lines)

    written = {
        s: (head(s)["Category"], ensure_metadata_list(head(s)["Tags"])) for s in ("p1", "p3")
    }
    assert written == {"p1": ("News", ["Events"]), "p3": ("News", ["Events"])}
    assert (head("p2")["Category"], ensure_metadata_list(head("p2")["Tags"])) == (
        "Template",
        ["Events", "Media"],
    )
    assert [p for p in made.problems if "tag " in p] == [
        "tag 'events' written 'Events', one spelling for the whole import (the site makes "
        "one page of tags that differ only in case): posts/p1.md, posts/p2.md",
        "tag 'template' left out of Tags where it repeats the post's Category (the post is on "
        "that category's page): posts/p2.md",
    ]


FLICKR = "https://farm4.staticflickr.com/3/hall.jpg"
IMGUR = "https://i.imgur.com/plan.png"


@pytest.mark.parametrize(
    ("html", "elsewhere"),
    [
        # a picture on a CDN, in each form the text can show it
        (f'<p><img src="{FLICKR}" alt="The hall"></p>', [FLICKR]),
        (f'<p><a href="{FLICKR}"><img src="{FLICKR}" alt="The hall"></a></p>', [FLICKR]),
        (
            f'<figure><img src="{FLICKR}" alt="A"><figcaption>The hall</figcaption></figure>',
            [FLICKR],
        ),
        (f'<table><tr><td><img src="{IMGUR}" alt="Plan"></td></tr></table>', [IMGUR]),
        # WordPress's captioned picture linked to its full size: the full size is shown
        (
            '<div class="wp-caption"><a href="https://cdn.example/hall.jpg"><img alt="A" '
            'src="https://cdn.example/hall-300x200.jpg"></a><p class="wp-caption-text">Hall</p>'
            "</div>",
            ["https://cdn.example/hall.jpg"],
        ),
        ("<p><img src='//i.imgur.com/plan.png' alt='Plan'></p>", ["//i.imgur.com/plan.png"]),
        # Jetpack's CDN serving another site's picture is another site too
        (
            "<p><img src='https://i0.wp.com/cdn.example/x.jpg' alt='X'></p>",
            ["https://i0.wp.com/cdn.example/x.jpg"],
        ),
        # twice in one post: once
        (f'<p><img src="{FLICKR}" alt="A"> and <img src="{FLICKR}" alt="B"></p>', [FLICKR]),
        # a link to a picture elsewhere is a link, loaded by nobody until clicked
        (f'<p><a href="{FLICKR}">the photo on Flickr</a></p>', []),
        # the blog's own pictures: copied, or listed as not found (never twice)
        ('<p><img src="http://old.example/wp-content/uploads/2008/10/x.jpg" alt="X"></p>', []),
        ('<p><img src="http://old.example/wp-content/uploads/2020/01/gone.jpg" alt="X"></p>', []),
        # inline data is dropped (said apart); a relative address is the site's own
        ('<p><img src="data:image/png;base64,AAAA" alt="X"></p>', []),
        # inside what the import drops (said apart), so never shown
        (f'<noscript><img src="{FLICKR}" alt="A"></noscript><p>Text.</p>', []),
        (f'<form><img src="{FLICKR}" alt="A"></form><p>Text.</p>', []),
        # a tracking pixel is dropped too
        (f'<p>Text.<img src="{FLICKR}" width="1" height="1"></p>', []),
    ],
)
def test_pictures_on_other_sites_are_listed_with_their_post(uploads, html, elsewhere):
    export = model.Export("wordpress", "http://old.example")
    export.items = [_item("1", "p")]
    export.items[0].html = html
    made = plan.make_plan(export, plan.Layout(), uploads)
    assert made.elsewhere == [("posts/p.md", url) for url in elsewhere]
    for url in elsewhere:  # left as they were: the writer decides
        assert url in made.files["posts/p.md"]
    assert made.counts["pictures on other sites"] == len(elsewhere)


def test_a_comment_s_picture_elsewhere_is_a_link_not_listed(uploads):
    export = model.Export("wordpress", "http://old.example")
    export.items = [_item("1", "p")]
    export.items[0].comments = [
        model.Comment(
            "7", None, model.COMMENT, model.APPROVED, "Ann", html=f'<p><img src="{FLICKR}"></p>'
        )
    ]
    made = plan.make_plan(export, plan.Layout(), uploads)
    assert made.elsewhere == []


def test_the_report_lists_pictures_on_other_sites_by_site_with_what_to_do():
    from plugins.importer.apply import Outcome

    made = plan.Plan()
    made.counts["pictures on other sites"] = 3
    made.elsewhere = [
        ("posts/a.md", FLICKR),
        ("posts/a.md", IMGUR),
        ("posts/b.md", FLICKR),
        ("pages/c.md", "//farm4.staticflickr.com/9/door.jpg"),
    ]
    lines = report.lines("WordPress", made, Outcome(), "db", "archive")
    assert lines[0] == "Read from the WordPress export: 3 pictures on other sites."
    at = lines.index(next(line for line in lines if line.startswith("Pictures on other sites")))
    assert lines[at:] == [
        "Pictures on other sites (3, on 2 sites; left linked there, and the "
        "Content-Security-Policy blocks them, so a publish build stops on each post that shows "
        "one): save each under content/images/ and link it with {static}, or allow its site "
        "with CSP_EXTRA = {'img-src': ['https://farm4.staticflickr.com', 'https://i.imgur.com']} "
        "in pelicanconf.py:",
        "  https://farm4.staticflickr.com (2 pictures):",
        f"    {FLICKR} (in posts/a.md, posts/b.md)",
        "    //farm4.staticflickr.com/9/door.jpg (in pages/c.md)",
        "  https://i.imgur.com (1 picture):",
        f"    {IMGUR} (in posts/a.md)",
    ]


def _version(item_id: str, slug: str, lang: str, group: str = "polylang:pll_1", **fields):
    """One version of a text in a translation group, with one approved comment."""
    comment = model.Comment(f"{item_id}/1", None, model.COMMENT, model.APPROVED, f"Reader {lang}")
    fields.setdefault("comments", [comment])
    fields.setdefault("old_urls", [f"http://old.example/{slug}/"])
    return _item(item_id, slug, title=f"Title {lang}", lang=lang, translation_group=group, **fields)


def _english_site(*items: model.Item) -> model.Export:
    """A WordPress export whose <language> is English."""
    return model.Export("wordpress", "http://old.example", lang="en", items=list(items))


def _front(made: plan.Plan, path: str) -> dict[str, str]:
    head = made.files[path].split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in head.splitlines())


def test_a_translation_shares_its_originals_slug_and_keeps_its_comments_and_address():
    export = _english_site(_version("51", "notre-salle", "fr"), _version("50", "our-hall", "en"))
    made = plan.make_plan(export, plan.Layout(catalogs=frozenset({"fr"})), None)
    assert sorted(p for p in made.files if p.startswith("posts/")) == [
        "posts/our-hall.fr.md",
        "posts/our-hall.md",
    ]
    french = _front(made, "posts/our-hall.fr.md")
    assert french["Slug"] == "our-hall"
    assert french["Lang"] == "fr"
    assert french["Translation"] == "true"
    assert french["Comment_id"] == "notre-salle"
    assert french["Redirect_from"] == "/notre-salle/"
    english = _front(made, "posts/our-hall.md")
    assert (english["Slug"], english["Comment_id"]) == ("our-hall", "our-hall")
    assert "Lang" not in english and "Translation" not in english
    threads = {t.id: [c.author for c in t.comments] for t in made.threads}
    assert threads == {"notre-salle": ["Reader fr"], "our-hall": ["Reader en"]}
    assert made.translations == [
        "posts/our-hall.md (en, the original: the old site's default language) and its "
        "translation posts/our-hall.fr.md (fr, its comments under Comment_id 'notre-salle', its "
        "old address redirected): Slug 'our-hall', linked with hreflang"
    ]
    assert not [p for p in made.problems if "catalog" in p]
    from plugins.importer.apply import Outcome

    lines = report.lines("WordPress", made, Outcome(), "db", "archive")
    assert lines[lines.index(next(x for x in lines if x.startswith("Translations"))) + 1] == (
        "  " + made.translations[0]
    )


@pytest.mark.parametrize(
    ("export_lang", "versions", "original"),
    [
        ("fr", [("1", "en", 2021), ("2", "fr", 2022)], "2"),  # the old site's language
        ("", [("1", "de", 2021), ("2", "en", 2022)], "2"),  # else this site's DEFAULT_LANG
        ("", [("1", "de", 2022), ("2", "fr", 2021)], "2"),  # else the oldest
    ],
)
def test_the_original_is_in_the_default_language_else_the_oldest(export_lang, versions, original):
    items = [
        _version(i, f"slug-{lang}", lang, date=dt.datetime(year, 1, 1))
        for i, lang, year in versions
    ]
    export = model.Export("wordpress", "http://old.example", lang=export_lang, items=items)
    made = plan.make_plan(export, plan.Layout(), None)
    kept = next(i for i in items if i.id == original)
    assert f"posts/slug-{kept.lang}.md" in made.files
    other = next(i for i in items if i.id != original)
    assert _front(made, f"posts/slug-{kept.lang}.{other.lang}.md")["Translation"] == "true"


def test_a_second_version_in_the_same_language_and_a_lone_version_stay_posts_of_their_own():
    export = _english_site(
        _version("1", "hall", "en"),
        _version("2", "hall-again", "en"),
        _version("3", "alone", "fr", group="wpml:9"),
    )
    made = plan.make_plan(export, plan.Layout(), None)
    assert {"posts/hall.md", "posts/hall-again.md", "posts/alone.md"} <= set(made.files)
    assert made.translations == []
    assert (
        "item 2 ('Title en') and item 1 ('Title en') are versions of one text in the same "
        "language (en): item 2 is imported as a post of its own, not linked as a translation"
    ) in made.problems


def test_versions_of_a_draft_wait_with_it_and_a_language_without_catalog_is_named():
    export = _english_site(_version("1", "plan", "en"), _version("2", "plano", "es"))
    export.items[0].status = model.DRAFT
    made = plan.make_plan(export, plan.Layout(catalogs=frozenset({"fr"})), None)
    spanish = _front(made, "posts/plan.es.md")
    assert spanish["Status"] == "draft"
    assert spanish["Comment_id"] == "plano"  # the thread its held comments go to, once out
    assert "Redirect_from" not in spanish
    assert made.threads == []
    assert made.translations[0].endswith("; the original is a draft, so they are drafts too")
    assert (
        "posts/plan.es.md: the theme has no catalog for 'es' "
        "(theme/translations/es/LC_MESSAGES/messages.po)" in "\n".join(made.problems)
    )


def test_a_regional_version_takes_its_primary_language_s_catalog():
    # a page in fr-CA shows the fr catalog's words (i18n.templating.catalog_for): no line
    export = _english_site(_version("1", "plan", "en"), _version("2", "plan-ca", "fr-CA"))
    made = plan.make_plan(export, plan.Layout(catalogs=frozenset({"fr"})), None)
    assert not [line for line in made.problems if "no catalog" in line]
    made = plan.make_plan(export, plan.Layout(catalogs=frozenset({"de"})), None)
    assert [line for line in made.problems if "no catalog for 'fr-CA'" in line]


def test_versions_polylang_gave_one_slug_are_linked_and_keep_two_threads():
    export = _english_site(_version("1", "open-day", "en"), _version("2", "open-day", "fr"))
    made = plan.make_plan(export, plan.Layout(), None)
    assert _front(made, "posts/open-day.fr.md")["Slug"] == "open-day"
    assert sorted(t.id for t in made.threads) == ["open-day", "open-day-2"]
    assert not [p for p in made.problems if "taken" in p]


@pytest.mark.parametrize(
    ("lang", "timezone", "title", "site", "expected"),
    [
        ("hu", "Europe/Budapest", "Hegyi napló", ("en", "Europe/London", "The Tessellate Blog"),
         ["DEFAULT_LANG = 'hu'", "TIMEZONE = 'Europe/Budapest'", "SITENAME = 'Hegyi napló'"]),
        ("pt-BR", "", "", ("pt-br", "", ""), []),  # the site's language already, whatever its case
        ("", "Mars/Olympus_Mons", " Notes\n from  the hall ", ("en", "", ""),
         ["SITENAME = 'Notes from the hall'"]),  # a zone no one has: no line
        # the site's time zone and name already (were said all the same, "where this site's
        # differ"): only the language is left to write
        ("hu", "Europe/Budapest", "Hegyi  napló", ("en", "Europe/Budapest", "Hegyi napló "),
         ["DEFAULT_LANG = 'hu'"]),
        ("en", "Europe/London", "The Tessellate Blog", ("en", "Europe/London",
         "The Tessellate Blog"), []),
    ],
)  # fmt: skip
def test_the_report_says_which_settings_to_write(lang, timezone, title, site, expected):
    export = model.Export("blogger", "http://old.blogspot.com", title=title, lang=lang)
    export.timezone = timezone
    site_lang, site_zone, site_name = site
    layout = plan.Layout(default_lang=site_lang, timezone=site_zone, sitename=site_name)
    made = plan.Plan(settings=plan.settings_to_write(export, layout))
    said = report.lines("Blogger", made, apply.Outcome(), "comments.db", "")
    shown = [line.split("  (")[0].strip() for line in said if line.startswith("  ")]
    assert shown == expected


def test_a_player_no_link_can_be_made_of_is_named_at_its_line_of_the_file():
    # [vimeo 76979871] was written [76979871](76979871), a link to a page of the new site that
    # is not there; one that names no video is dropped, its line in the report
    export = model.Export("wordpress", "http://old.example")
    html = "Our tour:\n\n[vimeo 76979871]\n\nAnd the hall:\n\n[vimeo the-hall]\n\nThanks"
    export.items = [_item("1", "tour", "Tour", raw_wordpress=True)]
    export.items[0].html = html
    made = plan.make_plan(export, plan.Layout(), None)
    lines = made.files["posts/tour.md"].split("\n")
    assert lines[lines.index("Our tour:") + 2] == "<https://vimeo.com/76979871>"
    assert made.problems == [
        f"posts/tour.md: line {lines.index('Thanks') + 1}: shortcode [vimeo the-hall] dropped: "
        "it names no Vimeo video a link could be made of (the old site showed no player for it "
        "either); if you know the video, link to its page there"
    ]
    assert lines[lines.index("Thanks") - 2] == "And the hall:"


@pytest.mark.parametrize("status", [model.PUBLISHED, model.DRAFT, "private"])
def test_a_draft_written_under_the_next_free_name_is_not_said_to_redirect(status):
    """A draft whose address the site's own file has is written as trip-2: it gets no
    Redirect_from (it never had a public address), and its line said "the old address
    redirects to the new one" all the same; a published post's does redirect."""
    trip = _item("1", "trip", "Trip", old_urls=["http://old.example/trip/"])
    trip.status = status
    layout = plan.Layout(occupied={"posts/trip.md": "content/posts/trip.md"})
    export = export_with(model.Export("wordpress", "http://old.example"), trip)
    made = plan.make_plan(export, layout, None)
    (said,) = [line for line in made.problems if "written as 'trip-2'" in line]
    (post,) = [text for path, text in made.files.items() if path.endswith("trip-2.md")]
    if status == model.PUBLISHED:
        assert said.endswith("(the old address redirects to the new one)")
        assert "Redirect_from: /trip/" in post
    else:
        assert said.endswith("(a draft, never at a public address: no redirect is needed)")
        assert "Redirect_from" not in post
