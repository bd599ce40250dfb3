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
        ("Launch day", ("Launch day", False)),
        ("Launch day <!-- codename -->", ("Launch day", False)),
        ("<!-- a --> Launch <!-- b --> day", ("Launch day", False)),
        ("Launch <!-- never closed", ("Launch", True)),
        ("Launch <!-- a --> day <!-- b", ("Launch day", True)),
        ("a --> b", ("a --> b", False)),
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
