"""A writer's private notes (HTML comments) are never published, wherever they are written."""

import logging

import pytest

from plugins.blogcore import text


def logged(caplog, level=logging.WARNING) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == level]


UNCLOSED_BODY = (
    "Title: Launch day\nDate: 2024-03-01\nCategory: Company\nAuthor: Ada Byrne\n"
    "Summary: Launch.\n\n"
    "We launched today.\n\n<!-- SECRETUNCLOSED the numbers below are made up\n\n"
    "The real launch numbers will be in the next post.\n"
)


def test_unclosed_comment_in_body_is_left_out_and_named(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/launch.md": UNCLOSED_BODY}, name="unclosed-body")
    for path in site.files(".html", ".xml", ".json"):
        assert "SECRETUNCLOSED" not in path.read_text(encoding="utf-8"), path
    body = site.soup("posts/launch-day/").select_one(".post-content, article")
    assert "We launched today." in body.get_text()
    assert any(
        m == "unclosed-body/posts/launch.md: line 9: " + text.UNCLOSED_COMMENT
        for m in logged(caplog)
    ), logged(caplog)


def test_comment_in_title_and_summary_is_never_shown(build_site, caplog):
    caplog.set_level(logging.WARNING)
    post = (
        "Title: Launch day <!-- codename SECRETTITLE -->\nDate: 2024-03-01\n"
        "Category: Company\nAuthor: Ada Byrne\n"
        "Summary: Bristol. <!-- SECRETSUMMARY rent is 4k\n\nWe launched today.\n"
    )
    site = build_site({"posts/launch.md": post}, name="title-note")
    for path in site.files(".html", ".xml", ".json"):
        written = path.read_text(encoding="utf-8")
        assert "SECRETTITLE" not in written and "SECRETSUMMARY" not in written, path
    page = site.soup("posts/launch-day/")
    assert page.select_one("h1").get_text(strip=True) == "Launch day"
    assert page.title.get_text().startswith("Launch day")
    assert logged(caplog) == [
        "title-note/posts/launch.md: line 5: " + text.UNCLOSED_COMMENT,
    ]


def test_unclosed_comment_stops_a_publish(build_site, caplog):
    caplog.set_level(logging.ERROR)
    post = UNCLOSED_BODY.replace("Launch day", "Launch <!-- SECRETTITLE")
    with pytest.raises(SystemExit):
        build_site({"posts/launch.md": post}, publish=True, name="unclosed-publish")
    assert logged(caplog, logging.ERROR) == [
        "unclosed-publish/posts/launch.md: line 1: " + text.UNCLOSED_COMMENT,
        "unclosed-publish/posts/launch.md: line 9: " + text.UNCLOSED_COMMENT,
    ]


def test_notes_shown_as_text_are_named(build_site, caplog):
    caplog.set_level(logging.WARNING)
    post = (
        "Title: Notes\nDate: 2024-03-01\nCategory: Company\nAuthor: Ada Byrne\n\nText.\n\n"
        "    <!-- SECRETINDENTED ask legal -->\n\n"
        "[comment]: # (SECRETTWOLINES first line\nsecond line)\n\nMore text.\n"
    )
    build_site({"posts/notes.md": post}, name="shown-notes")
    said = [m for m in logged(caplog) if "shown-notes/posts/notes.md" in m]
    assert len(said) == 2, said
    assert said[0].startswith("shown-notes/posts/notes.md: line 8: this comment is indented")
    assert said[1].startswith("shown-notes/posts/notes.md: line 10: this comment ([comment]: #")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Launch day", ("Launch day", "")),
        ("Launch day <!-- codename -->", ("Launch day", "")),
        ("<!-- a --> Launch <!-- b --> day", ("Launch day", "")),
        ("Launch <!-- never closed", ("Launch", "<!--")),
        ("Launch <!-- a --> day <!-- b", ("Launch day", "<!--")),
        ("a --> b", ("a --> b", "")),
        # Obsidian's comments, the same way; a code span's %% is code
        ("Launch day %%codename Kite%%", ("Launch day", "")),
        ("Launch%%a%%day", ("Launch day", "")),
        ("Launch %%never closed", ("Launch", "%%")),
        ("Use `%%d` here", ("Use `%%d` here", "")),
        ("<!-- a %% --> day", ("day", "")),
        ("%%a <!-- b%% day", ("day", "")),
    ],
)
def test_without_comments(value, expected):
    assert text.without_comments(value) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["text", "<!-- note -->"], None),
        (["text", "<!-- note", "more -->", "after"], None),
        (["text", "", "<!-- note", "", "after"], (2, 0)),
        (["a `<!--` in code", "text"], None),
        (["```html", "<!-- open", "```", "text"], None),
        (["", "    <!-- code", "", "text"], None),
        (["<!-- a --> b <!-- c"], (0, 13)),
    ],
)
def test_unclosed_comment(lines, expected):
    assert text.unclosed_comment(lines) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["text", "", "    <!-- note -->", "", "more"], [2]),
        (["text", "", "    <!-- note", "    more -->", ""], [2]),
        (["text", "", "    <!-- note --> and code", ""], []),
        (["- item", "", "    <!-- note -->", ""], []),
        (["```", "    <!-- x -->", "```"], []),
        (["[comment]: # (a note", "on two lines)"], [0]),
        (["[//]: <> (a note on one line)"], []),
    ],
)
def test_comments_shown(lines, expected):
    assert [index for index, _ in text.comments_shown(lines)] == expected


def _photo_bytes(tmp_path) -> bytes:
    from tests.test_images_pipeline import photo

    path = tmp_path / "src" / "p.jpg"
    photo(path, 1, size=(300, 200))
    return path.read_bytes()


def test_notes_in_galleries_and_team_files_are_never_shown(build_site, caplog, tmp_path):
    caplog.set_level(logging.WARNING)
    jpeg = _photo_bytes(tmp_path)
    site = build_site(
        {
            "galleries/board/gallery.md": (
                "Title: Board <!-- SECRETGTITLE -->\nDate: 2024-03-02\n"
                "Photo: a.jpg | The whiteboard. <!-- SECRETCAPTION blur it --> "
                "| <!-- SECRETALT told --> A whiteboard\n"
            ),
            "galleries/board/a.jpg": jpeg,
            "galleries/hugo/gallery.md": "Title: Not yet\nDate: 2024-03-02\nDraft: true\n"
            "Photo: b.jpg | SECRETDRAFTGALLERY | A tree\n",
            "galleries/hugo/b.jpg": jpeg,
            "team/cleo-park.md": "Name: Cleo Park\nRole: Community <!-- SECRETROLE leaving -->\n\n"
            "Cleo runs the community.\n",
        },
        name="gallery-notes",
        DRAFT_SAVE_AS="",
    )
    for path in site.files(".html", ".xml", ".json"):
        written = path.read_text(encoding="utf-8")
        for secret in ("SECRETGTITLE", "SECRETCAPTION", "SECRETALT", "SECRETROLE"):
            assert secret not in written, (secret, path)
        assert "SECRETDRAFTGALLERY" not in written, path
    page = site.soup("galleries/board/")
    assert page.select_one("figcaption").get_text(strip=True) == "The whiteboard."
    assert page.select_one(".gallery img")["alt"] == "A whiteboard"
    assert not site.exists("galleries/hugo/")
    assert any(
        m.startswith("gallery-notes/galleries/hugo/gallery.md: line 3: Draft: true is Hugo's")
        and "write Status: draft instead" in m
        for m in logged(caplog)
    ), logged(caplog)


TEAM_POST = (
    "Title: {title}\nDate: 2024-03-0{day}\nCategory: Company\n{extra}Author: {author}\n\nText.\n"
)


def test_team_file_status_draft_and_hidden(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site(
        {
            "team/kim-park.md": "Name: Kim Park\nRole: SECRETDRAFTROLE\nStatus: draft\n\n"
            "SECRETDRAFTBIO not announced yet.\n",
            "team/lou-ray.md": "Name: Lou Ray\nRole: Designer\nStatus: hidden\n\nLou left.\n",
            "posts/kim.md": TEAM_POST.format(
                title="Kim's first", day=2, extra="Status: draft\n", author="Kim Park"
            ),
            "posts/lou.md": TEAM_POST.format(title="Lou's post", day=3, extra="", author="Lou Ray"),
        },
        name="team-status",
        DRAFT_SAVE_AS="",
    )
    for path in site.files(".html", ".xml", ".json"):
        written = path.read_text(encoding="utf-8")
        assert "SECRETDRAFTROLE" not in written and "SECRETDRAFTBIO" not in written, path
    assert not site.exists("team/kim-park/")
    assert not site.path("feeds/team/kim-park.atom.xml").exists()
    team = site.soup("team/")
    listed = [a.get_text(strip=True) for a in team.select("main a.p-name")]
    assert "Kim Park" not in listed and "Lou Ray" not in listed and "Ada Byrne" in listed
    profile = site.soup("team/lou-ray/")
    assert profile.select_one('meta[name="robots"]')["content"] == "noindex"
    assert "/team/lou-ray/" not in site.text("sitemap.xml")
    card = site.soup("posts/lous-post/").select_one(".author-card a.p-name")
    assert card["href"].endswith("/team/lou-ray/")
    home = [a["href"] for a in site.soup("/").select(".home-team a")]
    assert not any(href.endswith("/team/lou-ray/") for href in home)
    said = logged(caplog)
    assert not any("unknown key 'Status'" in m for m in said), said
    assert any(
        m.startswith("team-status/posts/kim.md: Author 'Kim Park' has a team file that is a draft")
        for m in said
    ), said


def test_published_post_of_a_draft_team_member_stops_a_publish(build_site, caplog):
    caplog.set_level(logging.ERROR)
    files = {
        "team/kim-park.md": "Name: Kim Park\nRole: Engineer\nStatus: draft\n\nKim.\n",
        "posts/kim.md": TEAM_POST.format(title="Kim's first", day=2, extra="", author="Kim Park"),
    }
    with pytest.raises(SystemExit):
        build_site(files, publish=True, name="team-draft-publish")
    assert any("has a team file that is a draft" in m for m in logged(caplog, logging.ERROR))


def test_two_people_in_one_author_line(build_site, caplog):
    caplog.set_level(logging.WARNING)
    build_site(
        {
            "posts/a.md": TEAM_POST.format(
                title="A", day=2, extra="", author="Ada Byrne, Cleo Park"
            ),
            "posts/b.md": TEAM_POST.format(
                title="B", day=3, extra="", author="Ada Byrne and Cleo Park"
            ).replace("Author:", "Authors:"),
            "team/old.md": "Name: Old Hand\nLeft: 2024-05-01\n\nGone.\n",
        },
        name="two-people",
    )
    said = logged(caplog)
    assert (
        "two-people/posts/a.md: Author 'Ada Byrne, Cleo Park' names two people: write "
        "'Authors: Ada Byrne, Cleo Park' (names are separated by commas)"
    ) in said, said
    assert (
        "two-people/posts/b.md: Authors 'Ada Byrne and Cleo Park' names two people: write "
        "'Authors: Ada Byrne, Cleo Park' (names are separated by commas)"
    ) in said, said
    assert (
        "two-people/team/old.md: unknown key 'Left' is ignored (someone who has left says "
        "Alumni: true, and is listed apart on the team page)"
    ) in said, said


def test_series_file_status_draft_and_hidden(build_site, caplog):
    caplog.set_level(logging.WARNING)
    part = "Title: {title}\nDate: 2024-03-0{day}\nCategory: Company\nAuthor: Ada Byrne\n"
    site = build_site(
        {
            "series/secret-plans.md": "Title: Secret plans\nStatus: draft\n\n"
            "SECRETSERIESINTRO the plans.\n",
            "series/quiet-notes.md": "Title: Quiet notes\nStatus: hidden\n\nQuiet intro.\n",
            "posts/plan.md": part.format(title="A plan", day=2) + "Series: Secret plans\n\nText.\n",
            "posts/quiet.md": part.format(title="Quiet", day=3) + "Series: Quiet notes\n\nText.\n",
            "posts/loud.md": part.format(title="Loud", day=4) + "Series: Loud notes\n\nText.\n",
        },
        name="series-status",
    )
    for path in site.files(".html", ".xml", ".json"):
        assert "SECRETSERIESINTRO" not in path.read_text(encoding="utf-8"), path
    assert site.exists("series/secret-plans/")  # its posts' series, without the file's text
    quiet = site.soup("series/quiet-notes/")
    assert "Quiet intro." in quiet.get_text()
    assert quiet.select_one('meta[name="robots"]')["content"] == "noindex"
    index = [a["href"] for a in site.soup("series/").select("main a")]
    assert not any(href.endswith("/series/quiet-notes/") for href in index), index
    assert any(href.endswith("/series/loud-notes/") for href in index), index
    assert not any("unknown key 'Status'" in m for m in logged(caplog)), logged(caplog)


def _roster():
    from plugins.team import people

    found = [
        people.Person(slug="maya-okafor", name="Maya Okafor", source="m.md"),
        people.Person(slug="jonas-berg", name="Jonas Berg", source="j.md", aliases=("Jo",)),
    ]
    return people.build_roster(found)[0]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Maya Okafor, Jonas Berg", ("Maya Okafor", "Jonas Berg")),
        ("Maya Okafor and Jonas Berg", ("Maya Okafor", "Jonas Berg")),
        ("maya okafor & jo", ("Maya Okafor", "Jonas Berg")),
        ("Maya Okafor, Jane Doe", ()),  # one part is nobody's: the usual line
        ("Maya Okafor", ()),
        ("Andrea Anderson", ()),  # "and" inside a word is no separator
    ],
)
def test_named_together(value, expected):
    from plugins.team import people

    assert people.named_together(_roster(), value) == expected


@pytest.mark.parametrize(
    ("status", "kept", "error"),
    [
        ("", "published", False),
        ("Hidden", "hidden", False),
        ("draft", "draft", False),
        ("skip", "draft", True),
        ("gone", "draft", True),
    ],
)
def test_team_file_status(status, kept, error):
    from plugins.team import people

    meta = {"name": "Kim Park", **({"status": status} if status else {})}
    person, problems = people.parse_person("kim", "kim.md", meta, "", lambda _: True)
    assert person.status == kept
    assert bool(problems) == error


@pytest.mark.parametrize("key", ["left", "former"])
def test_former_keys_point_to_alumni(key):
    from plugins.team import people

    problem = people.unknown_key("t.md", key, people.KEYS)
    assert "Alumni: true" in problem.message and not problem.error


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ("published", False)),
        ("Draft", ("draft", False)),
        ("hidden", ("hidden", False)),
        ("later", ("draft", True)),
    ],
)
def test_series_file_status(raw, expected):
    from plugins.series import model

    status, problem = model.file_status(raw)
    assert (status, problem is not None) == expected


def test_alumni_status_points_to_alumni_key():
    from plugins.blogcore import frontmatter

    with pytest.raises(frontmatter.FrontMatterError, match="Alumni: true"):
        frontmatter.check_status("alumni")


OBSIDIAN = (
    "Title: Quarterly planning %%OBSNOTETITLE%%\nDate: 2024-03-01\nCategory: Company\n"
    "Author: Ada Byrne\nSummary: Plans. %%OBSNOTESUMMARY%%\n\n"
    "%%OBSNOTELINE Ana wants a raise%%\n\n"
    "Text before a comment %%OBSNOTEINLINE%% and after.\n\n"
    "%%\nOBSNOTEBLOCK salary figures\n%%\n\n"
    "Para start %%OBSNOTESPAN\nmore%% end.\n\n"
    '```python\n%%time\nprint("%%d" % 5)\n```\n\n'
    "    SELECT * FROM t WHERE a LIKE '%%x';\n\n"
    "Use `LIKE '%%x%%'` in SQL.\n"
)


def test_obsidian_comments_are_never_published(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/plan.md": OBSIDIAN}, name="obsidian-notes")
    for path in site.files(".html", ".xml", ".json"):
        written = path.read_text(encoding="utf-8")
        assert "OBSNOTE" not in written, path
    page = site.soup("posts/quarterly-planning/")
    assert page.select_one("h1").get_text(strip=True) == "Quarterly planning"
    body = page.select_one(".post-content")
    paragraphs = [" ".join(p.get_text().split()) for p in body.select(":scope > p")]
    assert "Text before a comment and after." in paragraphs
    assert "Para start end." in paragraphs
    code = [c.get_text() for c in body.select("pre")]
    assert any("%%time" in c and '"%%d"' in c for c in code), code
    assert any("LIKE '%%x';" in c for c in code), code
    assert body.select_one("p code").get_text() == "LIKE '%%x%%'"
    assert not any("comment" in m for m in logged(caplog)), logged(caplog)


def test_unclosed_obsidian_comment_is_left_out_named_and_stops_a_publish(build_site, caplog):
    caplog.set_level(logging.WARNING)
    post = UNCLOSED_BODY.replace("<!-- SECRETUNCLOSED", "%% OBSNOTEUNCLOSED")
    post = post.replace("Launch day", "Launch %%OBSNOTETITLE")
    site = build_site({"posts/launch.md": post}, name="obsidian-unclosed")
    for path in site.files(".html", ".xml", ".json"):
        written = path.read_text(encoding="utf-8")
        assert "OBSNOTE" not in written and "real launch numbers" not in written, path
    assert "We launched today." in site.soup("posts/launch/").get_text()
    assert [m for m in logged(caplog) if "obsidian-unclosed/" in m] == [
        "obsidian-unclosed/posts/launch.md: line 1: " + text.UNCLOSED_PRIVATE,
        "obsidian-unclosed/posts/launch.md: line 9: " + text.UNCLOSED_PRIVATE,
    ]
    caplog.clear()
    with pytest.raises(SystemExit):
        build_site({"posts/launch.md": post}, publish=True, name="obsidian-unclosed-publish")
    assert len(logged(caplog, logging.ERROR)) == 2, logged(caplog, logging.ERROR)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["no comment"], (["no comment"], None)),
        (["a %%x%% b"], (["a  b"], None)),
        (["a", "%%x%%", "b"], (["a", "b"], None)),
        (["a", "", "%%", "x", "%%", "", "b"], (["a", "", "", "b"], None)),
        (["a %%x", "y%% b"], (["a  b"], None)),
        (["```", "%%time", "```"], (["```", "%%time", "```"], None)),
        (
            ["- item", "  ~~~", "  %%time", "  ~~~"],
            (["- item", "  ~~~", "  %%time", "  ~~~"], None),
        ),
        (["> ```", "> %%time", "> ```"], (["> ```", "> %%time", "> ```"], None)),
        (["", "    %%time", "    x"], (["", "    %%time", "    x"], None)),
        (["`%%d` and ``a %% b``"], (["`%%d` and ``a %% b``"], None)),
        (["<!-- 50%% -->", "a"], (["<!-- 50%% -->", "a"], None)),
        (["<code>%%d</code> a"], (["<code>%%d</code> a"], None)),
        (["<pre>", "%%time", "</pre>", "a %%x%%"], (["<pre>", "%%time", "</pre>", "a "], None)),
        (["<pre>%%a</pre> %%b%%"], (["<pre>%%a</pre> "], None)),
        (["a", "", "b %% open", "c"], (["a", "", "b "], (2, 2))),
        (["%%x%% then %%y"], ([" then "], (0, 11))),
    ],
)
def test_without_private_comments(lines, expected):
    assert text.without_private_comments(lines) == expected


NOTES_IN_ATTRIBUTES = (
    "Title: Launch notes\nDate: 2024-03-01\nCategory: Company\nAuthor: Ada Byrne\n"
    "Summary: Launch.\n\n"
    "The launch went well, with the HTML team.\n\n"
    "![The price table <!-- PRIVNOTEALT codename Kite -->]({static}/images/lamp.svg)\n\n"
    "![Ref image <!-- PRIVNOTEREFALT -->][ref]\n\n"
    '[Link text](https://example.com "Link title <!-- PRIVNOTELINKTITLE -->")\n\n'
    '![Img]({static}/images/lamp.svg "Img title <!-- PRIVNOTEIMGTITLE -->")\n\n'
    "![An alt %%PRIVNOTEOBS%% text <!-- PRIVNOTEBOTH -->]({static}/images/lamp.svg)\n\n"
    "[ref link][doc]\n\n[ref]: {static}/images/lamp.svg\n"
    '[doc]: https://example.com "Doc <!-- PRIVNOTEREFTITLE -->"\n\n'
    '<img src="{static}/images/lamp.svg" alt="Raw <!-- PRIVNOTERAW -->">\n\n'
    "*[HTML]: HyperText Markup Language <!-- PRIVNOTEABBR -->\n"
)


def test_notes_in_alt_text_titles_and_abbreviations_are_never_shown(build_site):
    site = build_site({"posts/launch.md": NOTES_IN_ATTRIBUTES}, name="attribute-notes")
    for path in site.files(".html", ".xml", ".json"):
        assert "PRIVNOTE" not in path.read_text(encoding="utf-8"), path
    body = site.soup("posts/launch-notes/").select_one(".post-content")
    alts = [img["alt"] for img in body.select("img")]
    assert alts == ["The price table", "Ref image", "Img", "An alt text", "Raw"], alts
    titles = sorted(tag["title"] for tag in body.select("[title]"))
    assert titles == ["Doc", "HyperText Markup Language", "Img title", "Link title"], titles
