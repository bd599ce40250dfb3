"""`invoke import-wordpress` end to end without a browser: the real command on the fixture
export into an empty content folder, its report, the files, Isso's database, then a publish
build of what it wrote, read back as HTML."""

import ast
import json
import logging
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pelican
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from tests.conftest import DEV_CONF, PUBLISH_CONF, ROOT, run_pelican
from tests.test_importer_blogger import blogger_with_settings

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
SITEURL = "https://blog.example.test"


def make_uploads(folder: Path) -> Path:
    """A copy of the old site's wp-content/uploads: real pictures, one of the gallery's missing."""
    pictures = {
        "2008/10/range-diagram.png": ((600, 400), (200, 80, 40)),
        "2008/11/hall-easton.jpg": ((800, 600), (40, 80, 200)),
        "2008/11/hall-gerland.jpg": ((600, 800), (40, 180, 100)),
    }
    for relative, (size, colour) in pictures.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", size, colour).save(path)
    return folder


def run_import(
    export: Path,
    content: Path,
    database: Path,
    uploads: Path | None = None,
    source="wordpress",
    extra: tuple[str, ...] = (),
) -> subprocess.CompletedProcess:
    """The command as a writer types it (tasks.py through invoke)."""
    command = [
        str(Path(sys.executable).parent / "invoke"),
        f"import-{source}",
        str(export),
        "--content",
        str(content),
        "--isso-db",
        str(database),
    ]
    if uploads is not None:
        command += ["--uploads", str(uploads)]
    command += extra
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    base = tmp_path_factory.mktemp("import")
    uploads = make_uploads(base / "uploads")
    content, database = base / "content", base / "isso" / "comments.db"
    first = run_import(FIXTURES / "wordpress.xml", content, database, uploads)
    # the site's social card lives with the sample content; an imported blog brings its own
    shutil.copy(ROOT / "content" / "images" / "social-card.png", content / "images")
    output = base / "output"
    run_pelican(PUBLISH_CONF, content, output, SITEURL=SITEURL, FEED_DOMAIN=SITEURL)
    return {"base": base, "content": content, "db": database, "uploads": uploads,
            "first": first, "output": output}  # fmt: skip


def soup(imported, path: str) -> BeautifulSoup:
    file = imported["output"] / path.lstrip("/")
    if path.endswith("/"):
        file = file / "index.html"
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def test_the_report_counts_everything_and_says_what_to_run_next(imported):
    run = imported["first"]
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == (
        "Read from the WordPress export: 4 posts, 1 draft, 1 page, 3 authors, 1 gallery, "
        "3 pictures copied, 1 picture missing, 6 comments, 1 pingback, 1 trackback, 9 redirects, "
        "11 archive redirects."
    )
    assert lines[1] == (
        "Not imported: 1 nav_menu_item, 1 pending comment, 1 product, 2 spam comments, "
        "1 trash comment."
    )
    assert "Files: 14 written, 0 already there and the same" in lines[2]
    assert "Comments: 6 added to " in run.stdout
    assert "Pingbacks and trackbacks: 2 added to " in run.stdout
    missing = [line for line in lines if "hall-vaise.jpg" in line]
    assert (
        len(missing) == 1 and "(in 'Community halls we booked this year' (gallery))" in missing[0]
    )
    assert (
        "Attachments (the files the export lists as uploaded): 4: 3 copied, 1 not found under "
        "--uploads (listed above)." in lines
    )
    assert "author 'ops-desk' has no display name" in run.stdout
    assert "comment 209 on 'Why our calendar stores bookings as ranges' answers comment 999" in (
        run.stdout
    )
    assert (
        lines[-1]
        == "Next: `make serve`, and open http://127.0.0.1:8000/fr/posts/nos-salles-preferees/"
    )
    assert "Traceback" not in run.stdout + run.stderr


def test_a_post_keeps_its_front_matter(imported):
    text = (imported["content"] / "posts" / "bookings-as-ranges.md").read_text(encoding="utf-8")
    head = text.split("\n\n", 1)[0].splitlines()
    assert head == [
        "Title: Why our calendar stores bookings as ranges",
        "Date: 2008-10-29 09:30+00:00",  # post_date_gmt gives the old site's offset
        "Modified: 2008-11-02 18:05+00:00",
        "Category: Engineering",
        "Tags: postgres, calendars",
        "Author: Maya Okafor",
        "Slug: bookings-as-ranges",
        "Summary: Why one range column replaced two *timestamps*, and what it fixed.",
        "Comment_id: bookings-as-ranges",
        "Redirect_from: /2008/10/29/bookings-as-ranges/, /?p=101",
    ]


def test_the_teaser_cut_of_a_post_without_excerpt_is_its_summary(imported):
    """WordPress's <!--more--> is the engine's <!-- more -->: the home page's card shows the
    text before it, as the old blog's front page did; with an excerpt (Summary:) it goes."""
    halls = (imported["content"] / "posts" / "halls-we-booked.md").read_text(encoding="utf-8")
    assert " Three of them sent photos.\n\n<!-- more -->\n\n{gallery}halls-we" in halls
    ranges = (imported["content"] / "posts" / "bookings-as-ranges.md").read_text("utf-8")
    assert "<!--" not in ranges
    cards = {
        card.find("a", href=True)["href"]: card.select_one(".post-summary").get_text(" ", True)
        for card in soup(imported, "/").select("article.post-card")
    }
    assert cards[f"{SITEURL}/posts/halls-we-booked/"] == (
        "Forty-one halls took bookings through us this year. Three of them sent photos."
    )
    assert cards[f"{SITEURL}/posts/bookings-as-ranges/"] == (
        "Why one range column replaced two timestamps , and what it fixed."
    )
    page = soup(imported, "/posts/halls-we-booked/").select_one(".e-content, .post-content")
    assert "hear from the halls in the valleys" in page.get_text()


@pytest.mark.parametrize(
    ("relative", "lines"),
    [
        ("posts/halls-we-booked.md", ["Comments: closed", "Tags: Engineering, community halls"]),
        ("posts/notes-on-pricing-tiers.md", ["Status: draft"]),
        (
            "posts/nos-salles-preferees.md",
            # 11:00 on the old site, 10:00 GMT: its moment kept, whatever the site's TIMEZONE
            ["Lang: fr", "Slug: nos-salles-preferees", "Date: 2009-01-12 11:00+01:00"],
        ),
        ("pages/about.md", ["Redirect_from: /?page_id=110"]),
    ],
)
def test_front_matter_lines(imported, relative, lines):
    head = (imported["content"] / relative).read_text(encoding="utf-8").split("\n\n", 1)[0]
    for line in lines:
        assert line in head.splitlines()


def test_authors_become_team_files_without_their_login_or_email(imported):
    team = imported["content"] / "team"
    assert sorted(p.name for p in team.glob("*.md")) == [
        "maya-okafor.md",
        "ops-desk.md",
        "theo-marchand.md",
    ]
    maya = (team / "maya-okafor.md").read_text(encoding="utf-8")
    assert maya.startswith("Name: Maya Okafor\nRole:\n")
    # the content folder is committed, perhaps to a public repository
    assert "maya@tessellate.example" not in maya and "'maya'" not in maya
    page = soup(imported, "/team/maya-okafor/")
    assert page.find("h1").get_text(strip=True) == "Maya Okafor"
    assert "maya@tessellate.example" not in str(page)
    assert "Written by the WordPress import" not in page.get_text()


def test_pictures_are_copied_and_shown_from_the_new_site(imported):
    content = imported["content"]
    assert (content / "images" / "2008" / "10" / "range-diagram.png").is_file()
    assert sorted(p.name for p in (content / "galleries" / "halls-we-booked").iterdir()) == [
        "gallery.md",
        "hall-easton.jpg",
        "hall-gerland.jpg",
    ]
    main = soup(imported, "/posts/bookings-as-ranges/").find("main")
    sources = [img["src"] for img in main.find_all("img")]
    assert any("/images/2008/10/range-diagram" in src for src in sources), sources
    assert not any("journal.tessellate.example" in src for src in sources)
    link = main.find("a", string="Community halls we booked this year")
    assert link["href"] == f"{SITEURL}/posts/halls-we-booked/"


def test_the_gallery_shortcode_became_a_gallery(imported):
    gallery = soup(imported, "/posts/halls-we-booked/").find(class_="gallery")
    assert gallery is not None
    alts = [img["alt"] for img in gallery.find_all("img")]
    assert alts == [
        "A brick hall with tall windows and a row of folding tables",
        "A school hall with a stage and stacked chairs",
    ]


def test_pingbacks_and_trackbacks_are_webmentions_of_their_post(imported):
    block = soup(imported, "/posts/bookings-as-ranges/").find(class_="webmentions")
    assert block is not None
    authors = [a.get_text(strip=True) for a in block.select(".webmention__author")]
    assert authors == ["Notes from the Parish Office", "Village Hall Weekly"]
    assert "keep our cleaning rota the same way" in block.get_text()
    archive = json.loads((imported["content"] / "webmentions.json").read_text(encoding="utf-8"))
    assert {e["wm-target"] for e in archive["children"]} == {"/posts/bookings-as-ranges/"}


def test_no_spam_trash_or_unapproved_comment_anywhere(imported):
    written = " ".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in [*imported["output"].rglob("*.html"), *imported["content"].rglob("*.md")]
    )
    database = imported["db"].read_bytes().decode("utf-8", errors="replace")
    for words in ("cheap watches", "casino", "asked us to remove", "nobody ever approved"):
        assert words not in written
        assert words not in database


def test_comments_are_in_isso_threaded_under_the_posts_thread_id(imported):
    from isso import config as isso_config
    from isso.db import SQLite3

    db = SQLite3(str(imported["db"]), isso_config.load(isso_config.default_file()))
    page = soup(imported, "/posts/bookings-as-ranges/")
    thread = page.find(id="isso-thread")["data-isso-id"]
    assert thread == "bookings-as-ranges"
    comments = list(db.comments.fetch(thread))
    by_author = {}
    for comment in comments:
        by_author.setdefault(comment["author"], []).append(comment)
    assert sorted(by_author) == ["Ada Pennington", "Late Replier", "Maya Okafor"]
    ada_first = min(by_author["Ada Pennington"], key=lambda c: c["created"])
    assert ada_first["website"] == "http://hallkeepers.example/"
    assert ada_first["parent"] is None
    # replies stay replies (Isso shows one level: a reply to a reply sits under the first)
    assert by_author["Maya Okafor"][0]["parent"] == ada_first["id"]
    assert max(by_author["Ada Pennington"], key=lambda c: c["created"])["parent"] == ada_first["id"]
    assert by_author["Late Replier"][0]["parent"] is None
    assert "**twelve**" in by_author["Maya Okafor"][0]["text"]
    assert all(c["mode"] == 1 and not c["email"] for c in comments)
    assert [c["author"] for c in db.comments.fetch("halls-we-booked")] == [
        "Bryn Hughes",
        "Théo Marchand",
    ]


def test_the_closed_post_says_so(imported):
    block = soup(imported, "/posts/halls-we-booked/").find(class_="comments")
    assert "Comments are closed" in block.get_text()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/2008/10/29/bookings-as-ranges/", "/posts/bookings-as-ranges/"),
        ("/2008/11/03/halls-we-booked/", "/posts/halls-we-booked/"),
        ("/2009/01/12/nos-salles-préférées/", "/fr/posts/nos-salles-preferees/"),
    ],
)
def test_old_permalinks_redirect(imported, old, new):
    page = soup(imported, old)
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"].endswith(
        f"url={SITEURL}{new}"
    )
    assert page.find("link", rel="canonical")["href"] == f"{SITEURL}{new}"
    rules = (imported["output"] / "_redirects").read_text(encoding="utf-8")
    assert "/ p=101 /posts/bookings-as-ranges/ 301!" in rules


def test_drafts_never_reach_the_published_site(imported):
    assert not (imported["output"] / "posts" / "notes-on-pricing-tiers").exists()
    assert "Notes on pricing tiers" not in (imported["output"] / "index.html").read_text(
        encoding="utf-8"
    )


def test_running_it_again_changes_nothing(imported, tmp_path):
    content, database = imported["content"], imported["db"]
    before = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    again = run_import(FIXTURES / "wordpress.xml", content, database, imported["uploads"])
    assert again.returncode == 0, again.stderr
    assert "Files: 0 written" in again.stdout
    assert "0 already there and different" in again.stdout
    assert "Comments: 0 added to " in again.stdout and "6 already there" in again.stdout
    assert "Pingbacks and trackbacks: 0 added to " in again.stdout
    assert {p: p.read_bytes() for p in content.rglob("*") if p.is_file()} == before


def test_a_file_edited_since_is_not_overwritten(tmp_path):
    content, database = tmp_path / "content", tmp_path / "comments.db"
    run_import(FIXTURES / "wordpress.xml", content, database)
    post = content / "posts" / "holiday-hours.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nA line the writer added.\n")
    edited = post.read_bytes()
    again = run_import(FIXTURES / "wordpress.xml", content, database)
    assert "  not overwritten: posts/holiday-hours.md (it differs" in again.stdout
    assert post.read_bytes() == edited


def test_import_copy_the_missing_pictures_import_again(tmp_path):
    """The round docs/importing.md promises: the second import replaces what the first wrote
    (nobody edited it since) with the pictures found now; an edited file stays as it is."""
    content, database = tmp_path / "content", tmp_path / "comments.db"
    first = run_import(FIXTURES / "wordpress.xml", content, database)
    assert first.returncode == 0, first.stderr
    post, edited = (
        content / "posts" / "bookings-as-ranges.md",
        content / "posts" / "halls-we-booked.md",
    )
    assert "journal.tessellate.example/wp-content/uploads/2008/10/range-diagram" in post.read_text()
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA line the writer added.\n")
    kept = edited.read_bytes()
    again = run_import(FIXTURES / "wordpress.xml", content, database, make_uploads(tmp_path / "up"))
    assert again.returncode == 0, again.stderr
    assert "{static}/images/2008/10/range-diagram.png" in post.read_text(encoding="utf-8")
    assert (content / "images" / "2008" / "10" / "range-diagram.png").is_file()
    assert "updated (an earlier import's, not edited since)" in again.stdout
    assert "  not overwritten: posts/halls-we-booked.md (it differs" in again.stdout
    assert edited.read_bytes() == kept


def test_a_failed_import_writes_nothing(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "posts").write_text("a file where the posts folder should be")
    run = run_import(FIXTURES / "wordpress.xml", content, tmp_path / "comments.db")
    assert run.returncode == 1
    assert run.stderr.strip().startswith("import stopped, nothing written:")
    assert "Traceback" not in run.stderr
    assert sorted(p.name for p in content.iterdir()) == ["posts"]
    assert not (tmp_path / "comments.db").exists()
    assert not list(tmp_path.glob(".import-*"))


def test_an_import_into_a_content_folder_mounted_on_its_own(own_mount: Path):
    # content/ as a Docker volume: the files staged beside it could not be renamed into it
    # ("import stopped, nothing written: Invalid cross-device link")
    run = run_import(FIXTURES / "wordpress.xml", own_mount, own_mount.parent / "comments.db")
    assert run.returncode == 0, run.stderr
    assert (own_mount / "posts" / "halls-we-booked.md").is_file()
    assert not [p for p in own_mount.rglob("*") if p.name.startswith(".import-") and p.is_dir()]
    assert sorted(p.name for p in own_mount.parent.iterdir()) == ["comments.db", "content"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the file is empty"),
        ("<html><body><p>Our blog</p></body></html>", "not a WordPress export"),
    ],
)
def test_a_file_that_is_not_an_export_is_one_line(tmp_path, text, expected):
    export = tmp_path / "export.xml"
    export.write_text(text, encoding="utf-8")
    run = run_import(export, tmp_path / "content", tmp_path / "comments.db")
    assert run.returncode == 1
    assert len(run.stderr.strip().splitlines()) == 1
    assert expected in run.stderr
    assert not (tmp_path / "content").exists()


@pytest.fixture(scope="module")
def from_blogger(tmp_path_factory):
    base = tmp_path_factory.mktemp("blogger")
    saved = base / "saved-pictures"  # Blogger's pictures, saved by hand: found by file name
    saved.mkdir()
    Image.new("RGB", (1600, 1200), (90, 120, 60)).save(saved / "hall.jpg")
    content, database = base / "content", base / "comments.db"
    run = run_import(FIXTURES / "blogger.xml", content, database, saved, source="blogger")
    shutil.copy(ROOT / "content" / "images" / "social-card.png", content / "images")
    output = base / "output"
    # a development build: the picture not found is still linked to Google's servers, which a
    # publish build refuses (the report says so)
    run_pelican(DEV_CONF, content, output, SITEURL=SITEURL, FEED_DOMAIN=SITEURL)
    return {"run": run, "content": content, "db": database, "output": output}


def test_blogger_report(from_blogger):
    run = from_blogger["run"]
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0] == (
        "Read from the Blogger export: 3 posts, 1 draft, 1 page, 2 authors, 1 picture copied, "
        "1 picture missing, 4 comments, 4 redirects, 3 archive redirects."
    )
    assert "Not imported: 1 setting, 1 template, 1 trash comment." in run.stdout
    assert "post-999, which is not in the export: skipped" in run.stdout
    assert "/AVvXsEscreen/s1600/screen.png (in 'Photos from the Millbrook hall')" in run.stdout


def _report_counts(stdout: str) -> dict[str, int]:
    """The report's "Read from" and "Not imported" lines as {what: number}."""
    counted = {}
    for line in stdout.splitlines():
        if line.startswith(("Read from the ", "Not imported: ")):
            facts = line.split(": ", 1)[1].rstrip(".").split(", ")
            for n, what in (fact.split(" ", 1) for fact in facts):
                if n == "1":  # '1 picture copied', '1 setting': as the other numbers say it
                    what = (
                        what.replace("picture ", "pictures ") if "picture " in what else what + "s"
                    )
                counted[what] = int(n)
    return counted


def _recount_blogger(export: Path, saved: Path) -> dict[str, int]:
    """What the report should say of a classic Blogger backup, counted from its entries
    alone, without the importer: one rule per number the report gives."""
    import xml.etree.ElementTree as ET

    atom, thr = "{http://www.w3.org/2005/Atom}", "{http://purl.org/syndication/thread/1.0}"
    kinds: dict[str, list] = {}
    for entry in ET.parse(export).getroot().iter(atom + "entry"):
        kind = next(
            c.get("term").rpartition("#")[2]
            for c in entry.findall(atom + "category")
            if c.get("scheme", "").endswith("#kind")
        )
        kinds.setdefault(kind, []).append(entry)

    def draft(entry) -> bool:
        app = "{http://purl.org/atom/app#}"
        return entry.findtext(f"{app}control/{app}draft") == "yes"

    def removed(entry) -> bool:
        return any(
            p.get("name") == "blogger.contentRemoved"
            for p in entry.iter("{http://schemas.google.com/g/2005}extendedProperty")
        )

    posts = [e for e in kinds["post"] if not draft(e)]
    public = posts + kinds.get("page", [])
    post_ids = {e.find(atom + "id").text for e in posts}
    on_posts = [
        c for c in kinds.get("comment", []) if c.find(thr + "in-reply-to").get("ref") in post_ids
    ]
    pictures = {
        re.search(r"/([^/]+\.(?:jpg|png))$", src)[1]
        for e in public
        for src in re.findall(r'src="([^"]+)"', e.find(atom + "content").text or "")
    }
    read = ("BLOG_LOCALE", "BLOG_TIME_ZONE", "BLOG_NAME")  # the report writes them out
    settings = [e for e in kinds.get("settings", []) if not e.findtext(atom + "id").endswith(read)]
    counts = {
        "posts": len(posts),
        "drafts": len(kinds["post"]) - len(posts),
        "pages": len(kinds.get("page", [])),
        "authors": len(
            {
                e.findtext(f"{atom}author/{atom}uri") or e.findtext(f"{atom}author/{atom}name")
                for e in public
            }
        ),
        "pictures copied": sum((saved / name).is_file() for name in pictures),
        "pictures missing": sum(not (saved / name).is_file() for name in pictures),
        "comments": sum(not removed(c) for c in on_posts),
        "redirects": sum(
            any(link.get("rel") == "alternate" for link in e.findall(atom + "link")) for e in public
        ),
        "archive redirects": len(
            {
                c.get("term")
                for e in posts
                for c in e.findall(atom + "category")
                if c.get("scheme") == "http://www.blogger.com/atom/ns#"
            }
        ),
        "settings": len(settings),
        "templates": len(kinds.get("template", [])),
        "trash comments": sum(removed(c) for c in on_posts),
    }
    return {what: n for what, n in counts.items() if n}


def test_every_number_of_the_blogger_report_is_the_export_s(from_blogger):
    """Each count of the report's first lines, recounted from the export's entries (was: 2
    settings not imported, of which the report itself wrote one, BLOG_NAME, out as SITENAME)."""
    saved = from_blogger["content"].parent / "saved-pictures"
    assert _report_counts(from_blogger["run"].stdout) == _recount_blogger(
        FIXTURES / "blogger.xml", saved
    )


def test_blogger_label_pages_lead_to_the_tag_pages(from_blogger):
    """/search/label/community%20halls was the label's page on Blogger: every link to it
    reaches the tag's page here (content/redirects.txt, read by the redirects plugin)."""
    assert "  /search/label/community%20halls → /tag/community-halls/ (tag 'community halls')" in (
        from_blogger["run"].stdout.splitlines()
    )
    page = from_blogger["output"] / "search" / "label" / "community halls" / "index.html"
    shown = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    refresh = shown.find("meta", attrs={"http-equiv": "refresh"})["content"]
    assert refresh == f"0; url={SITEURL}/tag/community-halls/"
    assert (from_blogger["output"] / "tag" / "community-halls" / "index.html").is_file()
    rules = (from_blogger["output"] / "_redirects").read_text(encoding="utf-8")
    assert "/search/label/community%20halls /tag/community-halls/ 301" in rules


def test_blogger_s_jump_break_is_the_summary_marker(from_blogger):
    post = from_blogger["content"] / "posts" / "why-cooperative.md"
    assert "use it.\n\n<!-- more -->\n\nEvery hall pays" in post.read_text(encoding="utf-8")
    home = BeautifulSoup(
        (from_blogger["output"] / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    card = next(
        card
        for card in home.select("article.post-card")
        if card.find("a", href=f"{SITEURL}/posts/why-cooperative/")
    )
    summary = card.select_one(".post-summary").get_text(" ", strip=True)
    assert summary.endswith("owned by the people who use it.")
    assert "Every hall" not in summary


def test_blogger_posts_pictures_and_old_addresses(from_blogger):
    post = from_blogger["content"] / "posts" / "photos-from-millbrook-hall.md"
    text = post.read_text(encoding="utf-8")
    assert "Redirect_from: /2009/03/photos-from-millbrook-hall.html" in text
    # Blogger's offset is kept, and the build reads it: the page says the day the blog said
    assert "\nDate: 2009-03-14 09:30+01:00\n" in text
    # both sizes Blogger linked (s320 inside a link to s1600) are the one saved file
    assert "{static}/images/hall.jpg" in text
    assert "googleusercontent.com/img/b/R29vZ2xlTWlsbGJyb29r/AVvXsEhall" not in text
    page = BeautifulSoup(
        (from_blogger["output"] / "2009" / "03" / "photos-from-millbrook-hall.html").read_text(
            encoding="utf-8"
        ),
        "html.parser",
    )
    assert (
        page.find("link", rel="canonical")["href"] == f"{SITEURL}/posts/photos-from-millbrook-hall/"
    )
    post_page = from_blogger["output"] / "posts" / "photos-from-millbrook-hall" / "index.html"
    shown = BeautifulSoup(post_page.read_text(encoding="utf-8"), "html.parser")
    assert shown.find("time", class_="published")["datetime"] == "2009-03-14T09:30:00+01:00"


def test_blogger_comments_are_threaded_in_isso(from_blogger):
    from isso import config as isso_config
    from isso.db import SQLite3

    db = SQLite3(str(from_blogger["db"]), isso_config.load(isso_config.default_file()))
    comments = {c["author"]: c for c in db.comments.fetch("why-cooperative")}
    assert sorted(comments) == ["Anonymous", "Iris Vantongeren", "Maren Okafor"]
    assert comments["Maren Okafor"]["parent"] == comments["Iris Vantongeren"]["id"]
    assert comments["Anonymous"]["parent"] is None


PELICAN_EXPORTS = Path(pelican.__file__).parent / "tests" / "content"


@pytest.mark.parametrize(
    ("source", "export", "first_line"),
    [
        (
            "wordpress",
            "wordpressexport.xml",
            "Read from the WordPress export: 7 posts, 4 drafts, 2 pages, 2 authors, "
            "2 pictures missing, 3 comments, 10 redirects, 11 archive redirects.",
        ),
        (
            # re-saved by a tool that dropped Blogger's xmlns:app declarations
            "blogger",
            "bloggerexport.xml",
            "Read from the Blogger export: 1 post, 1 draft, 2 pages, 1 author, 1 comment, "
            "2 redirects.",
        ),
    ],
)
def test_pelicans_own_test_exports_import_and_publish(tmp_path, source, export, first_line):
    """Exports this project did not write: Pelican's own importer fixtures, with their
    oddities (ids used twice, an empty page, an author login in another case, a reply to a
    missing comment, undeclared prefixes)."""
    content = tmp_path / "content"
    run = run_import(PELICAN_EXPORTS / export, content, tmp_path / "c.db", source=source)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert run.stdout.splitlines()[0] == first_line
    run_pelican(PUBLISH_CONF, content, tmp_path / "out", SITEURL=SITEURL, BLOGCORE_DEFAULT_IMAGE="")
    assert (tmp_path / "out" / "index.html").is_file()


def _wxr(items: str) -> str:
    """A small WXR 1.2 export around some <item> elements."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:wp="http://wordpress.org/export/1.2/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Old</title>'
        "<link>http://old.example</link><wp:wxr_version>1.2</wp:wxr_version>"
        "<wp:base_blog_url>http://old.example</wp:base_blog_url>"
        f"{items}</channel></rss>"
    )


def _post(post_id: int, slug: str, status: str, *, password: str = "", extra: str = "") -> str:
    return (
        f"<item><title>Post {slug}</title><link>http://old.example/{slug}/</link>"
        f"<wp:post_id>{post_id}</wp:post_id><wp:post_name>{slug}</wp:post_name>"
        "<wp:post_date>2020-01-02 10:00:00</wp:post_date>"
        f"<wp:status>{status}</wp:status><wp:post_type>post</wp:post_type>"
        f"<wp:post_password>{password}</wp:post_password>"
        f"<content:encoded><![CDATA[<p>The text of {slug}.</p>]]></content:encoded>{extra}</item>"
    )


def _response(comment_id: int, author: str, text: str, kind: str = "") -> str:
    return (
        f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>"
        f"<wp:comment_author>{author}</wp:comment_author>"
        "<wp:comment_author_url>http://their.example/a-post/</wp:comment_author_url>"
        f"<wp:comment_date_gmt>2020-01-03 10:0{comment_id % 10}:00</wp:comment_date_gmt>"
        f"<wp:comment_content>{text}</wp:comment_content>"
        f"<wp:comment_approved>1</wp:comment_approved><wp:comment_type>{kind}</wp:comment_type>"
        "<wp:comment_parent>0</wp:comment_parent></wp:comment>"
    )


def _isso_threads(database: Path) -> dict[str, list[str]]:
    """Every comment Isso would give out, by thread, as its API reads them."""
    from isso import config as isso_config
    from isso.db import SQLite3

    db = SQLite3(str(database), isso_config.load(isso_config.default_file()))
    uris = [row[0] for row in db.execute("SELECT uri FROM threads").fetchall()]
    return {uri: [c["text"].strip() for c in db.comments.fetch(uri)] for uri in uris}


def _author(login: str, name: str) -> str:
    return (
        f"<wp:author><wp:author_login>{login}</wp:author_login>"
        f"<wp:author_display_name><![CDATA[{name}]]></wp:author_display_name></wp:author>"
    )


def test_team_files_are_named_as_team_stubs_names_them_and_bylines_reach_them(tmp_path):
    """Authors named in Persian and Chinese: the import writes the team file team-stubs would
    (Pelican's slug of the name, which the byline links to), not content/team/وحید-خرازی.md
    with its profile at /team/وحید-خرازی/ while team-stubs wrote whyd-khrzy.md."""
    names = {"vahid": "وحید خرازی", "jun": "黄俊", "siobhan": "Siobhán O'Brien"}
    posts = "".join(
        _post(n, login, "publish").replace("</item>", f"<dc:creator>{login}</dc:creator></item>")
        for n, login in enumerate(names, start=1)
    )
    export = tmp_path / "export.xml"
    authors = "".join(_author(login, name) for login, name in names.items())
    export.write_text(_wxr(authors + posts), encoding="utf-8")
    content = tmp_path / "content"
    run = run_import(export, content, tmp_path / "c.db")
    assert run.returncode == 0, run.stderr
    written = sorted(path.name for path in (content / "team").glob("*.md"))
    # what team-stubs writes for the same posts
    stubs = tmp_path / "stubs"
    shutil.copytree(content / "posts", stubs / "posts")
    invoke = str(Path(sys.executable).parent / "invoke")
    command = [invoke, "team-stubs", "--content", str(stubs)]
    subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    assert written == sorted(path.name for path in (stubs / "team").glob("*.md"))
    assert written == ["huang-jun.md", "siobhan-obrien.md", "whyd-khrzy.md"]
    (content / "images").mkdir()
    shutil.copy(ROOT / "content" / "images" / "social-card.png", content / "images")
    output = tmp_path / "output"
    run_pelican(PUBLISH_CONF, content, output, SITEURL=SITEURL, FEED_DOMAIN=SITEURL)
    for login, name in names.items():
        page = soup({"output": output}, f"/posts/{login}/")
        link = page.select_one("a.post-meta__author")
        assert link.select_one(".p-name").get_text(strip=True) == name
        profile = soup({"output": output}, link["href"].removeprefix(SITEURL))
        assert profile.find("h1").get_text(strip=True) == name


def test_a_drafts_comments_stay_out_of_isso_until_it_is_published(tmp_path):
    export = tmp_path / "export.xml"
    export.write_text(
        _wxr(
            _post(1, "public-post", "publish", extra=_response(1, "Carol", "Open words."))
            + _post(2, "board-salaries", "private", extra=_response(2, "Insider", "Salaries!"))
            + _post(
                3,
                "protected",
                "publish",
                password="hunter2",
                extra=_response(3, "Member", "Members only.")
                + _response(4, "Other blog", "They cited it.", kind="pingback"),
            )
            + _post(4, "unfinished", "draft", extra=_response(5, "Editor", "Not yet."))
        ),
        encoding="utf-8",
    )
    content, database = tmp_path / "content", tmp_path / "isso" / "comments.db"
    run = run_import(export, content, database, extra=("--private",))
    assert run.returncode == 0, run.stderr
    assert _isso_threads(database) == {"public-post": ["Open words."]}
    assert not (content / "webmentions.json").exists()
    assert (
        "Not imported: 3 comments on drafts and 1 pingback on a draft (the comment server "
        "would show them to anyone;" in run.stdout
    )
    # its writer publishes the private post, and runs the import again: its comment comes
    post = content / "posts" / "board-salaries.md"
    post.write_text(post.read_text(encoding="utf-8").replace("Status: draft\n", ""))
    again = run_import(export, content, database, extra=("--private",))
    assert "Comments: 1 added to " in again.stdout, again.stdout
    assert _isso_threads(database) == {
        "public-post": ["Open words."],
        "board-salaries": ["Salaries!"],
    }
    assert "2 comments on drafts and 1 pingback on a draft" in again.stdout


def test_private_posts_stay_out_of_the_content_folder_by_default(tmp_path):
    export = tmp_path / "export.xml"
    export.write_text(
        _wxr(
            _post(1, "public-post", "publish")
            + _post(2, "board-salaries", "private", extra=_response(2, "Insider", "Salaries!"))
            + _post(3, "protected", "publish", password="hunter2")
        ),
        encoding="utf-8",
    )
    content = tmp_path / "content"
    run = run_import(export, content, tmp_path / "c.db")
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in (content / "posts").iterdir()) == ["public-post.md"]
    assert "Salaries" not in "".join(p.read_text() for p in content.rglob("*.md"))
    assert "Not imported: 1 password-protected post, 1 private post." in run.stdout
    assert (
        "import again with --private; item 2 ('Post board-salaries', with its 1 comment)"
        in run.stdout
    )


def test_a_database_that_is_not_issos_is_one_line_and_nothing_is_changed(tmp_path):
    database = tmp_path / "other.db"
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TABLE comments (id int, x text)")
        connection.execute("INSERT INTO comments VALUES (1, 'theirs')")
    before = database.read_bytes()
    export = tmp_path / "export.xml"
    export.write_text(_wxr(_post(1, "p", "publish", extra=_response(1, "Carol", "Words."))))
    content = tmp_path / "content"
    run = run_import(export, content, database)
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr.splitlines() == [
        f"{database} is not an Isso database: it has a comments table without Isso's columns "
        "(author, created, email, mode, modified, notification, parent, remote_addr, text, tid, "
        "voters, website); nothing was changed in it and nothing written: give --isso-db the "
        "comments.db of the site's Isso (or a new file)"
    ]
    assert database.read_bytes() == before
    assert not (content / "posts").exists()


def test_pages_at_the_sites_own_addresses_are_renamed_and_published(tmp_path):
    """An old blog's 'search' or 'team' page would be skipped by the build (the site writes
    those pages itself), and a redirect from /team/ refused: renamed, dropped, reported."""
    pages = "".join(
        _post(n, slug, "publish").replace("<wp:post_type>post<", "<wp:post_type>page<")
        for n, slug in ((1, "search"), (2, "team"), (3, "tag"))
    )
    export = tmp_path / "export.xml"
    export.write_text(
        _wxr(pages + _post(4, "a-post", "publish").replace("/a-post/</link>", "/team/</link>")),
        encoding="utf-8",
    )
    content = tmp_path / "content"
    run = run_import(export, content, tmp_path / "c.db")
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in (content / "pages").iterdir()) == [
        "search-page.md",
        "tag-page.md",
        "team-page.md",
    ]
    assert "the old address /team/ is the site's own page now: no redirect" in run.stdout
    output = tmp_path / "out"
    run_pelican(PUBLISH_CONF, content, output, SITEURL=SITEURL, BLOGCORE_DEFAULT_IMAGE="")
    assert (output / "team-page" / "index.html").is_file()
    title = BeautifulSoup((output / "search-page" / "index.html").read_text(), "html.parser")
    assert title.find("h1").get_text(strip=True) == "Post search"


def test_a_blogger_file_with_no_post_is_one_line_and_writes_nothing(tmp_path):
    # an empty blog's backup (its settings and template only): refused as an empty WordPress
    # export is, with the same exit status
    whole = (FIXTURES / "blogger.xml").read_text(encoding="utf-8")
    export = tmp_path / "blog-12-04-2026.xml"
    export.write_text(
        whole[: whole.index("<entry>\n<id>tag:blogger.com,1999:blog-4471.post-")] + "</feed>\n",
        encoding="utf-8",
    )
    run = run_import(export, tmp_path / "content", tmp_path / "c.db", source="blogger")
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == [
        f"{export}: no post or page in this export (only the blog's settings and template): "
        "Blogger writes such a file for a blog with no post, or as a template backup; back up "
        "the blog that has the posts with Settings → Manage blog → Back up content"
    ]
    assert run.stdout == ""
    assert not (tmp_path / "content").exists()


def test_a_wordpress_com_blog_s_featured_images_other_address_and_own_about_page_publish(
    tmp_path,
):
    """A blog on WordPress.com (probe findings 03 to 05): a post's featured image becomes its
    cover, a picture shown from the blog's address before a rename is found by its path, the
    old About page beside the site's own about.md is written as about-2 with no redirect
    from /about/ (the redirects plugin refuses one over a page); a publish build takes it."""
    uploads = tmp_path / "uploads"
    for name, colour in (("cover.jpg", (200, 80, 40)), ("inside.jpg", (40, 80, 200))):
        (uploads / "2020" / "01").mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (800, 500), colour).save(uploads / "2020" / "01" / name)
    up = "https://old.example/wp-content/uploads/2020/01"
    meta = (
        "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
        "<wp:meta_value><![CDATA[10]]></wp:meta_value></wp:postmeta>"
    )
    text = (
        "<p>The text of first.</p><p><img "
        'src="https://oldname.wordpress.com/wp-content/uploads/2020/01/inside.jpg" '
        'alt="A blue hall"></p>'
    )
    post = _post(1, "first", "publish", extra=meta).replace("<p>The text of first.</p>", text)
    about = _post(2, "about", "publish").replace("<wp:post_type>post<", "<wp:post_type>page<")
    attachments = "".join(
        f"<item><title>{n}</title><wp:post_id>{n}</wp:post_id><wp:post_parent>1"
        "</wp:post_parent><wp:status>inherit</wp:status><wp:post_type>attachment"
        f"</wp:post_type><wp:attachment_url>\n  {up}/{name}</wp:attachment_url></item>"
        for n, name in ((10, "cover.jpg"), (11, "unused.jpg"))
    )
    export = tmp_path / "export.xml"
    export.write_text(_wxr(post + about + attachments), encoding="utf-8")
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages" / "about.md").write_text("Title: About us\nSlug: about\n\nOur own page.\n")
    run = run_import(export, content, tmp_path / "c.db", uploads)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0] == (
        "Read from the WordPress export: 1 post, 1 page, 2 pictures copied, 3 redirects."
    )
    assert (
        "Attachments (the files the export lists as uploaded): 2: 1 copied, 1 shown by no "
        "imported post or page, not copied (each file stays in the uploads folder: put it "
        f"in a post to bring it across):\n  {up}/unused.jpg (uploaded to 'Post first')\n"
    ) in run.stdout
    assert "/about/ stays that file's, with no redirect from it" in run.stdout
    first = (content / "posts" / "first.md").read_text(encoding="utf-8")
    assert "Cover: images/2020/01/cover.jpg\n" in first
    assert "![A blue hall]({static}/images/2020/01/inside.jpg)" in first
    assert "Redirect_from: /?page_id=2\n" in (content / "pages" / "about-2.md").read_text()
    output = tmp_path / "out"
    run_pelican(PUBLISH_CONF, content, output, SITEURL=SITEURL, BLOGCORE_DEFAULT_IMAGE="")
    page = BeautifulSoup((output / "posts" / "first" / "index.html").read_text(), "html.parser")
    shown = [img.get("src", "") for img in page.select("main img")]
    assert any("cover" in src for src in shown), shown
    assert not [src for src in shown if "wordpress.com" in src]
    about_us = BeautifulSoup((output / "about" / "index.html").read_text(), "html.parser")
    assert about_us.find("h1").get_text(strip=True) == "About us"
    assert (output / "about-2" / "index.html").is_file()


def test_pictures_on_other_sites_are_reported_as_the_publish_build_says(tmp_path, caplog):
    """A picture on Flickr stays a remote URL in the post: the report lists it with what to do,
    the publish build stops on it with the same remedy, and the remedy the report gives works."""
    flickr = "https://farm4.staticflickr.com/3/hall.jpg"
    body = f'<p>The hall:</p><p><img src="{flickr}" alt="The hall at dusk"></p>'
    export = tmp_path / "export.xml"
    export.write_text(
        _wxr(_post(1, "the-hall", "publish").replace("<p>The text of the-hall.</p>", body)),
        encoding="utf-8",
    )
    content = tmp_path / "content"
    run = run_import(export, content, tmp_path / "c.db")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert (
        lines[0]
        == "Read from the WordPress export: 1 post, 1 picture on another site, 2 redirects."
    )
    at = lines.index(next(line for line in lines if line.startswith("Pictures on other sites")))
    assert lines[at + 1 : at + 3] == [
        "  https://farm4.staticflickr.com (1 picture):",
        f"    {flickr} (in posts/the-hall.md)",
    ]
    said = lines[at]
    assert "save each under content/images/ and link it with {static}" in said
    assert f"![The hall at dusk]({flickr})" in (content / "posts" / "the-hall.md").read_text()

    caplog.set_level(logging.ERROR)
    with pytest.raises(SystemExit):
        run_pelican(PUBLISH_CONF, content, tmp_path / "out", SITEURL=SITEURL,
                    BLOGCORE_DEFAULT_IMAGE="")  # fmt: skip
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert [e for e in errors if flickr in e] == [
        f"content/posts/the-hall.md: {flickr} is loaded from another site and the "
        "Content-Security-Policy blocks it (img-src); save it under content/images/ and link "
        "it with {static}, or allow its site with CSP_EXTRA = {'img-src': "
        "['https://farm4.staticflickr.com']} in pelicanconf.py"
    ]
    # the report's own remedy, as written, lets the publish build through
    extra = ast.literal_eval(said.split("CSP_EXTRA = ", 1)[1].removesuffix(" in pelicanconf.py:"))
    run_pelican(PUBLISH_CONF, content, tmp_path / "out2", SITEURL=SITEURL,
                BLOGCORE_DEFAULT_IMAGE="", CSP_EXTRA=extra)  # fmt: skip
    page = tmp_path / "out2" / "posts" / "the-hall" / "index.html"
    shown = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert [img["src"] for img in shown.select("main img")] == [flickr]


def _in_language(lang: str, group: str, wpml: bool = False) -> str:
    """A version's language and group, as Polylang (terms) or WPML's add-on (postmeta) export
    them."""
    if wpml:
        return "".join(
            f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key><wp:meta_value>{value}"
            "</wp:meta_value></wp:postmeta>"
            for key, value in (
                ("_wpml_import_language_code", lang),
                ("_wpml_import_translation_group", group),
            )
        )
    return (
        f'<category domain="language" nicename="{lang}"><![CDATA[{lang}]]></category>'
        f'<category domain="post_translations" nicename="{group}"><![CDATA[{group}]]></category>'
    )


def test_translations_are_linked_with_hreflang_and_keep_their_own_comments(tmp_path):
    """Polylang's and WPML's versions of a post: one Slug, each its Lang, its old address and
    its comments (not two unrelated posts, nor the French comments under the English page)."""
    polylang = "pll_5f2a"
    export = tmp_path / "export.xml"
    export.write_text(
        _wxr(
            _post(50, "our-new-hall", "publish", extra=_in_language("en", polylang)
                  + _response(1, "Ann", "Lovely hall."))
            + _post(51, "notre-nouvelle-salle", "publish", extra=_in_language("fr", polylang)
                    + _response(2, "Luc", "Superbe salle."))
            + _post(60, "open-day", "publish", extra=_in_language("en", "17", wpml=True))
            + _post(61, "journee-portes-ouvertes", "publish",
                    extra=_in_language("fr", "17", wpml=True) + _response(3, "Zoé", "J'y serai."))
        ).replace("<wp:wxr_version>", "<language>en-US</language><wp:wxr_version>"),
        encoding="utf-8",
    )  # fmt: skip
    content, database = tmp_path / "content", tmp_path / "c.db"
    run = run_import(export, content, database)
    assert run.returncode == 0, run.stderr
    assert "Translations (2 groups of versions in several languages" in run.stdout, run.stdout
    assert sorted(p.name for p in (content / "posts").glob("*.md")) == [
        "open-day.fr.md",
        "open-day.md",
        "our-new-hall.fr.md",
        "our-new-hall.md",
    ]
    assert _isso_threads(database) == {
        "our-new-hall": ["Lovely hall."],
        "notre-nouvelle-salle": ["Superbe salle."],
        "journee-portes-ouvertes": ["J'y serai."],
    }
    (content / "images").mkdir()
    shutil.copy(ROOT / "content" / "images" / "social-card.png", content / "images")
    output = tmp_path / "output"
    run_pelican(PUBLISH_CONF, content, output, SITEURL=SITEURL, FEED_DOMAIN=SITEURL)
    site = {"output": output}
    for slug, french_id in (("our-new-hall", "notre-nouvelle-salle"),
                            ("open-day", "journee-portes-ouvertes")):  # fmt: skip
        english, french = soup(site, f"/posts/{slug}/"), soup(site, f"/fr/posts/{slug}/")
        to_english = french.select_one('link[rel=alternate][hreflang="en"]')
        assert to_english["href"] == f"{SITEURL}/posts/{slug}/"
        to_french = english.select_one('link[rel=alternate][hreflang="fr"]')
        assert to_french["href"] == f"{SITEURL}/fr/posts/{slug}/"
        assert english.find(id="isso-thread")["data-isso-id"] == slug
        assert french.find(id="isso-thread")["data-isso-id"] == french_id
    # the French version's old address leads to it
    moved = soup(site, "/notre-nouvelle-salle/")
    assert moved.find("link", rel="canonical")["href"] == f"{SITEURL}/fr/posts/our-new-hall/"


def test_a_translation_an_earlier_import_wrote_keeps_its_comment_thread(tmp_path):
    """An import made before the slugs were Pelican's wrote the French version's thread as
    'notre-salle' (Pelican's slug of notre_salle keeps the underscore): importing again kept
    the English post's slug but gave the French one a new Comment_id, its comments detached
    from it and added again under a second thread."""
    import hashlib

    group = "pll_7c1d"
    export = tmp_path / "export.xml"
    export.write_text(
        _wxr(
            _post(50, "our-hall", "publish", extra=_in_language("en", group))
            + _post(51, "notre_salle", "publish", extra=_in_language("fr", group)
                    + _response(2, "Luc", "Superbe salle."))
        ).replace("<wp:wxr_version>", "<language>en-US</language><wp:wxr_version>"),
        encoding="utf-8",
    )  # fmt: skip
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    earlier = {
        "posts/our-hall.md": "Title: Post our-hall\nDate: 2020-01-02 10:00\nSlug: our-hall\n\nx\n",
        "posts/our-hall.fr.md": (
            "Title: Post notre_salle\nDate: 2020-01-02 10:00\nSlug: our-hall\nLang: fr\n"
            "Translation: true\nComment_id: notre-salle\n\nx\n"
        ),
    }
    for relative, text in earlier.items():
        (content / relative).write_text(text, encoding="utf-8")
    files = {k: hashlib.sha256(v.encode()).hexdigest() for k, v in earlier.items()}
    state = {"version": 1, "files": files}
    (content / ".import-state.json").write_text(json.dumps(state), encoding="utf-8")
    run = run_import(export, content, tmp_path / "c.db")
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in (content / "posts").glob("*.md")) == [
        "our-hall.fr.md",
        "our-hall.md",
    ]
    french = (content / "posts" / "our-hall.fr.md").read_text(encoding="utf-8")
    assert "Comment_id: notre-salle\n" in french, french
    assert _isso_threads(tmp_path / "c.db") == {"notre-salle": ["Superbe salle."]}


def test_a_blogger_blog_s_language_time_zone_and_name_come_from_its_settings(tmp_path):
    """Blogger's backup gives the blog's language only as its BLOG_LOCALE setting (no xml:lang):
    its posts are in that language, and the report says what to write in pelicanconf.py."""
    export = tmp_path / "blog-02-03-2011.xml"
    export.write_text(
        blogger_with_settings(
            {
                "BLOG_LOCALE": "hu",
                "BLOG_TIME_ZONE": "Europe/Budapest",
                "BLOG_NAME": "Hegyi napló",
                "BLOG_COMMENT_FEED": "FULL",
            }
        ),
        encoding="utf-8",
    )
    content = tmp_path / "content"
    run = run_import(export, content, tmp_path / "c.db", source="blogger")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    start = lines.index("The old blog's settings, for pelicanconf.py where this site's differ:")
    assert lines[start + 1 : start + 4] == [
        "  DEFAULT_LANG = 'hu'  (until then the posts are written with 'Lang: hu', at "
        "/hu/posts/<slug>/: set it, then import again)",
        "  TIMEZONE = 'Europe/Budapest'  (the day each date is shown on)",
        "  SITENAME = 'Hegyi napló'",
    ]
    # the three the report writes out are not among those left (was "4 settings")
    assert "Not imported: 1 setting." in lines
    text = (content / "posts" / "elso-ho.md").read_text(encoding="utf-8")
    assert "Lang: hu" in text.splitlines()
    assert lines[-1] == "Next: `make serve`, and open http://127.0.0.1:8000/hu/posts/elso-ho/"
    (content / "images").mkdir(exist_ok=True)
    shutil.copy(ROOT / "content" / "images" / "social-card.png", content / "images")
    output = tmp_path / "output"
    run_pelican(DEV_CONF, content, output, SITEURL=SITEURL, FEED_DOMAIN=SITEURL)
    page = soup({"output": output}, "/hu/posts/elso-ho/")
    assert page.html["lang"] == "hu"
    assert page.find("h1").get_text(strip=True) == "Első hó a csúcson"
    # its old address leads to it
    moved = soup({"output": output}, "/2011/02/elso-ho.html")
    assert moved.find("link", rel="canonical")["href"] == f"{SITEURL}/hu/posts/elso-ho/"


def test_the_old_blog_s_settings_the_site_has_already_are_not_said(tmp_path):
    """A blog moved onto a site set up for it: its time zone and name are the site's (they were
    said all the same, "where this site's differ"), so only the language is left to write."""
    from pelican.settings import read_settings

    site = read_settings(str(DEV_CONF))
    export = tmp_path / "blog-02-03-2011.xml"
    export.write_text(
        blogger_with_settings(
            {
                "BLOG_LOCALE": "hu",
                "BLOG_TIME_ZONE": site["TIMEZONE"],
                "BLOG_NAME": site["SITENAME"],
            }
        ),
        encoding="utf-8",
    )
    run = run_import(export, tmp_path / "content", tmp_path / "c.db", source="blogger")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    start = lines.index("The old blog's settings, for pelicanconf.py where this site's differ:")
    assert [line.split(" = ")[0] for line in lines[start + 1 :] if line.startswith("  ")] == [
        "  DEFAULT_LANG"
    ]


def test_blogger_addresses_that_lost_their_accents_get_slugs_from_the_titles(tmp_path):
    """Blogger once made 'A kerékpárok tisztálkodásáról' kerkprok-tisztlkodsrl.html: the
    post is at a slug made from its title instead (was the mangled one kept), its old address
    redirects there, its comment follows it, and a later post of the same title whose
    permalink was spelt out gets -2, not the same file."""
    export = tmp_path / "blog-hu.xml"
    posts = (
        ("A kerékpárok tisztálkodásáról", "kerkprok-tisztlkodsrl"),
        ("Vélo", "vlo"),
        ("Vélo", "velo"),
        ("Hűtött uborkalé", "hutott-uborkale"),
    )
    export.write_text(blogger_with_settings({}, posts), encoding="utf-8")
    content, database = tmp_path / "content", tmp_path / "c.db"
    run = run_import(export, content, database, source="blogger")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert (
        "Note: Blogger made 2 old addresses by dropping the accented and non-Latin letters of "
        "the title (e.g. 'kerkprok-tisztlkodsrl' for 'A kerékpárok tisztálkodásáról'): written "
        "with slugs made from the titles ('a-kerekparok-tisztalkodasarol'); each old address "
        "redirects to the new one"
    ) in lines
    assert (
        "Note: item tag:blogger.com,1999:blog-77.post-3 ('Vélo'): slug 'velo' is taken by item "
        "tag:blogger.com,1999:blog-77.post-2; written as 'velo-2'"
    ) in lines
    slugs = ["a-kerekparok-tisztalkodasarol", "hutott-uborkale", "velo", "velo-2"]
    assert sorted(path.stem for path in (content / "posts").iterdir()) == slugs
    # each post's comment under its own thread (Comment_id: the new slug)
    assert _isso_threads(database) == {slug: ["Szép!"] for slug in slugs}
    (content / "images").mkdir(exist_ok=True)
    shutil.copy(ROOT / "content" / "images" / "social-card.png", content / "images")
    output = tmp_path / "output"
    run_pelican(DEV_CONF, content, output, SITEURL=SITEURL, FEED_DOMAIN=SITEURL)
    for (title, old), new in zip(posts, ["a-kerekparok-tisztalkodasarol", "velo", "velo-2",
                                         "hutott-uborkale"], strict=True):  # fmt: skip
        moved = soup({"output": output}, f"/2011/02/{old}.html")
        assert moved.find("link", rel="canonical")["href"] == f"{SITEURL}/posts/{new}/"
        page = soup({"output": output}, f"/posts/{new}/")
        assert page.find("h1").get_text(strip=True) == title


def test_a_post_an_earlier_import_wrote_under_blogger_s_slug_is_not_written_twice(tmp_path):
    """An import made before Blogger's lost letters were noticed wrote posts/vlo.md: importing
    again updates that post where it is (was a second one, posts/velo.md, beside it, both
    redirected from /2011/02/vlo.html, and its comments added again under a new thread)."""
    import hashlib

    export = tmp_path / "blog-hu.xml"
    export.write_text(blogger_with_settings({}, (("Vélo", "vlo"),)), encoding="utf-8")
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    before = (
        "Title: Vélo\nDate: 2011-02-01 18:20+01:00\nAuthor: Kata\nSlug: vlo\n"
        "Comment_id: vlo\nRedirect_from: /2011/02/vlo.html\n\nAn earlier import's text.\n"
    )
    (content / "posts" / "vlo.md").write_text(before, encoding="utf-8")
    digest = hashlib.sha256(before.encode()).hexdigest()
    state = {"version": 1, "files": {"posts/vlo.md": digest}}
    (content / ".import-state.json").write_text(json.dumps(state), encoding="utf-8")
    run = run_import(export, content, tmp_path / "c.db", source="blogger")
    assert run.returncode == 0, run.stderr
    assert sorted(path.name for path in (content / "posts").iterdir()) == ["vlo.md"]
    assert "Slug: vlo\n" in (content / "posts" / "vlo.md").read_text(encoding="utf-8")
    assert (
        "Note: 1 post whose Blogger address dropped letters of its title ('vlo' for 'Vélo') "
        "keeps the slug an earlier import wrote it with, its address here unchanged; for a slug "
        "made from the title, delete that file and import again (its comments follow it)"
    ) in run.stdout.splitlines()


def test_a_blogger_blog_imported_beside_the_site_s_posts_builds_without_a_line_per_post(
    tmp_path, caplog
):
    """Blogger has labels, not categories: its posts were written without a Category: line, and
    every build of the site (whose own posts have categories) warned about each, asking for a
    category the old blog never had. They are written with the site's DEFAULT_CATEGORY, where
    the build filed them anyway, and the report says so once."""
    export = tmp_path / "blog-hu.xml"
    posts = (("Első hó a csúcson", "elso-ho"), ("Hűtött uborkalé", "hutott-uborkale"))
    export.write_text(blogger_with_settings({}, posts), encoding="utf-8")
    content = tmp_path / "labels-only-blog"
    (content / "posts").mkdir(parents=True)
    (content / "posts" / "ours.md").write_text(
        "Title: Our own post\nDate: 2024-05-01 10:00\nCategory: Engineering\nAuthor: Kata\n\n"
        "The site's own text.\n",
        encoding="utf-8",
    )
    run = run_import(export, content, tmp_path / "c.db", source="blogger")
    assert run.returncode == 0, run.stderr
    notes = [line for line in run.stdout.splitlines() if "categor" in line.lower()]
    assert notes == [
        "Note: Blogger has no categories (its labels are the Tags): the 2 posts are written with "
        "'Category: General', this site's DEFAULT_CATEGORY, where the build would file them "
        "anyway; to file them under another, set DEFAULT_CATEGORY in pelicanconf.py to its "
        "name and import again"
    ]
    (content / "images").mkdir(exist_ok=True)
    shutil.copy(ROOT / "content" / "images" / "social-card.png", content / "images")
    caplog.set_level(logging.WARNING)
    run_pelican(DEV_CONF, content, tmp_path / "output", SITEURL=SITEURL, FEED_DOMAIN=SITEURL)
    said = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert [line for line in said if "labels-only-blog" in line] == []
    page = soup({"output": tmp_path / "output"}, "/posts/elso-ho/")
    assert page.find("h1").get_text(strip=True) == "Első hó a csúcson"


# a raw WordPress body with the shortcodes its editor, Jetpack and SyntaxHighlighter wrote
SHORTCODE_BODY = """Our hall, as it was.

[caption id="attachment_7" align="aligncenter" width="300"]<img src="{UPLOADS}hall.jpg" \
alt="The hall" /> The hall in 2011[/caption]

[wp_caption id="a8" width="200"]<img src="{UPLOADS}desk.jpg" alt="A desk" /> The desk[/wp_caption]

[youtube=http://www.youtube.com/watch?v=Tess3llate1&amp;w=640]

[embed]https://vimeo.com/76979871[/embed]

[video mp4="{UPLOADS}tour.mp4"][/video]

Run [code]make serve[/code] first, then:

[php]<?php echo $room; ?>[/php]

Type [[gallery]] to show pictures, as they say [sic] and [1].

[contact-form][contact-field label="Name" type="name"/][/contact-form]

[tweet https://twitter.com/tessellate/status/1]

[wpforms id="12"]"""


def test_no_shortcode_of_an_import_is_published_as_text_without_a_line(tmp_path, caplog):
    """What the importer converts is gone from the page; what it keeps as text is named, by the
    build (a shortcode blogcore knows) or by the import report (another plugin's); WordPress's
    escape, [[gallery]], is the text [gallery] in code, named by neither; [sic] and [1] are
    prose to both. The build named nothing of [[gallery]] as code: it said "[gallery] is
    WordPress's gallery", an error in a publish build, for a post that shows no gallery."""
    from plugins.blogcore import shortcodes

    uploads = "http://old.example/wp-content/uploads/"
    body = f"<![CDATA[{SHORTCODE_BODY.replace('{UPLOADS}', uploads)}]]>"
    item = _post(1, "shortcodes", "publish").replace(
        "<![CDATA[<p>The text of shortcodes.</p>]]>", body
    )
    export = tmp_path / "export.xml"
    export.write_text(_wxr(item), encoding="utf-8")
    content = tmp_path / "wp-shortcodes-import"
    run = run_import(export, content, tmp_path / "c.db")
    assert run.returncode == 0, run.stderr
    (content / "images").mkdir(exist_ok=True)
    shutil.copy(ROOT / "content" / "images" / "social-card.png", content / "images")
    caplog.set_level(logging.WARNING)
    run_pelican(DEV_CONF, content, tmp_path / "output", SITEURL=SITEURL, FEED_DOMAIN=SITEURL)
    said = [
        r.getMessage() for r in caplog.records if "wp-shortcodes-import/posts/" in r.getMessage()
    ]
    post = soup({"output": tmp_path / "output"}, "/posts/shortcodes/").select_one(".post-content")
    code = [tag.extract().get_text() for tag in post.select("pre, p > code")]
    text = post.get_text(" ")
    left = re.findall(r"\[([A-Za-z][\w-]*)(?=[\s\]/=])([^\[\]]*)\]", text)
    shortcodes_left = {  # as WordPress read its text
        name
        for name, attrs in left
        if shortcodes.is_shortcode(name, attrs, f"[/{name}]" in text, exported=True)
    }
    assert shortcodes_left == {"contact-form", "contact-field", "tweet", "wpforms"}
    for name in shortcodes_left:
        by_build = [line for line in said if f"[{name}" in line.split(" is ")[0]]
        by_report = [line for line in run.stdout.splitlines() if f"shortcode [{name}]" in line]
        assert by_build or by_report, name
    # the build names its own; the report another plugin's
    named = {
        re.search(r"md: line \d+: \[([\w-]+)", line)[1] for line in said if "WordPress" in line
    }
    assert named == {"contact-form", "tweet"}, said
    # and the report names another plugin's at its line of the file, where the writer finds it
    lines = (content / "posts" / "shortcodes.md").read_text(encoding="utf-8").split("\n")
    noted = next(line for line in run.stdout.splitlines() if "shortcode [wpforms]" in line)
    assert '[wpforms id="12"]' in lines[int(re.search(r"md: line (\d+): ", noted)[1]) - 1]
    assert code == ["make serve\n", "<?php echo $room; ?>\n", "[gallery]"]
    assert "as they say [sic] and [1]." in text


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        ('ARTICLE_URL = "{category}/{slug}/"', "uses {category}, which the importer cannot"),
        ('FILENAME_METADATA = "(?P<slug>.*"', "FILENAME_METADATA is not a valid pattern"),
        ("", "is not an Isso database"),  # the --isso-db given is another program's
    ],
)
def test_a_refused_import_leaves_the_disk_as_it_found_it(project, setting, said):
    # the content folder, and the folders above it, were made before the settings were read:
    # a refused import left them there, empty
    conf = project / "pelicanconf.py"
    conf.write_text(conf.read_text() + setting + "\n")
    other = project / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER)")
    before = sorted(project.rglob("*"))
    shutil.copy(ROOT / "tasks.py", project / "tasks.py")
    command = [sys.executable, "-m", "invoke", "import-wordpress", str(FIXTURES / "wordpress.xml")]
    command += ["--content", "new/content", "--isso-db", str(other)]
    done = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and said in done.stderr and len(done.stderr.splitlines()) == 1
    assert sorted(p for p in project.rglob("*") if p.name != "tasks.py") == before
