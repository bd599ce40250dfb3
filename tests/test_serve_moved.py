"""`invoke serve`: a page whose address changes while the writer has it open is followed there.

The writer has /posts/ranges/ open and changes its Slug, its Lang, or moves its file to
content/pages/: the rebuild writes the post elsewhere, and the reload landed on the 404 page
with no word of why. Each serve build records which file wrote each page
(``.build-pages.json``, plugins/devserver/pages.py); the dev server sends the old address on
to the new one, and answers a page whose file is gone with the 404 page naming the file.
"""

import http.client
import json
import os
import urllib.parse

import pytest
from bs4 import BeautifulSoup

from plugins.devserver import pages
from plugins.devserver.static import static_app
from tests.test_serve import Serve, _call
from tests.test_serve import serve as serve  # the fixture: one real invoke serve


def fetch(serve: Serve, path: str) -> tuple[int, str | None, bytes]:
    """GET without following redirects: (status, Location, body)."""
    address = urllib.parse.urlsplit(serve.url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.getheader("Location"), response.read()
    finally:
        connection.close()


def moved_warnings(report: dict) -> list[dict]:
    return [p for p in report.get("problems", []) if "its page moved from" in p["message"]]


def rebuilt(serve: Serve, check) -> dict:
    """The report of the next build that satisfies ``check`` (the build has ended)."""
    return serve.wait_for_report(lambda r: r.get("status") is not None and check(r))


def moved_by(serve: Serve, relpath: str, old: str, new: str) -> tuple[dict, dict]:
    """Save ``old`` as ``new`` in content/``relpath``: the next build's report and its one
    line that the file's page moved."""
    serve.edit(relpath, old, new)
    report = rebuilt(serve, moved_warnings)
    (said,) = moved_warnings(report)
    assert said["source"] == f"content/{relpath}"
    return report, said


def test_a_page_whose_address_changes_is_followed_and_one_whose_file_is_gone_says_so(serve):
    first = serve.wait_for_report(lambda r: "problems" in r)
    assert first["warnings"] == 0, first
    assert fetch(serve, "/posts/ranges/")[0] == 200

    # the Slug changes: the old address sends the browser to the new one, and the build says
    # so (in the terminal and the overlay), with what a published post would need
    report, said = moved_by(serve, "posts/ranges.md", "Slug: ranges\n", "Slug: range-types\n")
    assert said["message"].startswith(
        "its page moved from /posts/ranges/ to /posts/range-types/ "
        "(its Slug changed from 'ranges' to 'range-types')"
    )
    assert "Redirect_from: /posts/ranges/" in said["message"]
    assert fetch(serve, "/posts/ranges/")[:2] == (307, "/posts/range-types/")
    assert fetch(serve, "/posts/range-types/")[0] == 200

    # its Lang changes: it goes under /fr/; every earlier address of it follows
    serve.edit("posts/ranges.md", "Slug: range-types\n", "Slug: range-types\nLang: fr\n")
    report = rebuilt(serve, lambda r: any("Lang" in p["message"] for p in moved_warnings(r)))
    for old in ("/posts/ranges/", "/posts/range-types/"):
        assert fetch(serve, old)[:2] == (307, "/fr/posts/range-types/")
    assert fetch(serve, "/fr/posts/range-types/")[0] == 200

    # the file moves to content/pages/ (renamed: the same file on disk)
    os.rename(serve.content / "posts" / "ranges.md", serve.content / "pages" / "ranges.md")
    report = rebuilt(serve, lambda r: any("file moved" in p["message"] for p in moved_warnings(r)))
    warned = moved_warnings(report)
    (said,) = [p for p in warned if "/fr/posts/range-types/ to /fr/range-types/" in p["message"]]
    assert said["source"] == "content/pages/ranges.md"
    assert "its file moved to content/pages/ranges.md" in said["message"]
    # the address it had when the session started is said too (until fixed), as it is now
    (first,) = [p for p in warned if p is not said]
    assert first["message"].startswith("its page moved from /posts/ranges/ to /fr/range-types/")
    for old in ("/posts/ranges/", "/posts/range-types/", "/fr/posts/range-types/"):
        assert fetch(serve, old)[:2] == (307, "/fr/range-types/"), old
    assert fetch(serve, "/fr/range-types/")[0] == 200

    # the file is deleted: a 404, whose page says which file wrote it and that it is gone
    (serve.content / "pages" / "ranges.md").unlink()
    rebuilt(serve, lambda r: not moved_warnings(r) and r["build"] != report["build"])
    for old in ("/posts/ranges/", "/fr/range-types/"):
        status, location, body = fetch(serve, old)
        assert (status, location) == (404, None)
        note = BeautifulSoup(body, "html.parser").select_one("main p.dev-gone")
        assert note.get_text() == (
            "This page was written from content/pages/ranges.md: that file is gone "
            "(deleted, or renamed to a new file)."
        )
    # a page no build of this session wrote is the plain 404 page
    status, _, body = fetch(serve, "/posts/never-written/")
    assert status == 404
    assert BeautifulSoup(body, "html.parser").select_one("main p.dev-gone") is None
    assert serve.stop() == 0


def test_a_page_left_out_by_a_mistake_names_its_file_and_a_slug_changed_back_is_no_loop(serve):
    serve.wait_for_report(lambda r: "problems" in r)
    serve.edit("posts/first-light.md", "\n\n", "\nStatus: drfat\n\n")
    rebuilt(serve, lambda r: r["errors"] >= 1)
    status, _, body = fetch(serve, "/posts/first-light/")
    assert status == 404
    note = BeautifulSoup(body, "html.parser").select_one("main p.dev-gone")
    assert note.get_text() == (
        "This page was written from content/posts/first-light.md: the last build did not "
        "write it; the problems listed say why."
    )
    serve.edit("posts/first-light.md", "Status: drfat\n", "")
    rebuilt(serve, lambda r: r["errors"] == 0)
    assert fetch(serve, "/posts/first-light/")[0] == 200

    # a Slug changed, then changed back: each address answers, neither sends to the other
    serve.edit("posts/ranges.md", "Slug: ranges\n", "Slug: ranges-2\n")
    rebuilt(serve, moved_warnings)
    assert fetch(serve, "/posts/ranges/")[:2] == (307, "/posts/ranges-2/")
    since = serve.edit("posts/ranges.md", "Slug: ranges-2\n", "Slug: ranges\n")
    serve.wait_for("Done", since=since)
    rebuilt(serve, lambda r: any("/posts/ranges-2/ to" in p["message"] for p in moved_warnings(r)))
    assert fetch(serve, "/posts/ranges/")[0] == 200
    assert fetch(serve, "/posts/ranges-2/")[:2] == (307, "/posts/ranges/")
    record = json.loads(fetch(serve, "/" + pages.FILE_NAME)[2])
    assert "posts/ranges/index.html" not in record["gone"]
    assert serve.stop() == 0


def _site(tmp_path, record: dict, written: tuple[str, ...]):
    site = tmp_path / "site"
    for relpath in (*written, "404.html"):
        (site / relpath).parent.mkdir(parents=True, exist_ok=True)
        (site / relpath).write_text("<html><body><main><h1>Not here</h1></main></body></html>")
    (site / pages.FILE_NAME).write_text(json.dumps(record))
    return site


def test_the_dev_server_sends_a_moved_page_only_to_a_page_that_is_there(tmp_path):
    source = str(tmp_path / "content" / "posts" / "a.md")
    old = {"source": source, "shown": "content/posts/a.md", "file": None}
    old |= {"slug": "a", "lang": "en", "status": "published"}
    record = {
        "pages": {"posts/b/index.html": {**old, "slug": "b"}},
        "gone": {"posts/a/index.html": old, "drafts/posts/later/index.html": old},
    }
    # the page it moved to is there: a redirect to it
    app = static_app(_site(tmp_path / "1", record, ("posts/b/index.html",)), pages=pages.FILE_NAME)
    status, headers, _ = _call(app, "/posts/a/")
    assert (status, headers["Location"]) == ("307 Temporary Redirect", "/posts/b/")
    # not written (the build stopped): no redirect to a 404, the 404 page says where it went
    app = static_app(_site(tmp_path / "2", record, ()), pages=pages.FILE_NAME)
    status, _, body = _call(app, "/posts/a/")
    assert status == "404 Not Found"
    note = BeautifulSoup(body, "html.parser").select_one("main h1 + p.dev-gone")
    assert note.get_text() == "This page moved to /posts/b/: its Slug changed from 'a' to 'b'."
    # a draft's preview still wins over the record (static.py's own redirects come first)
    site = _site(tmp_path / "3", record, ("posts/b/index.html", "drafts/posts/a/index.html"))
    status, headers, _ = _call(static_app(site, pages=pages.FILE_NAME), "/posts/a/")
    assert headers["Location"] == "/drafts/posts/a/"
    # without a record (make preview), the plain 404 page
    status, _, body = _call(static_app(_site(tmp_path / "4", record, ())), "/posts/a/")
    assert BeautifulSoup(body, "html.parser").select_one("p.dev-gone") is None


def _entry(
    source: str, slug: str = "a", lang: str = "en", status: str = "published", file=None, title=""
):
    """A record's entry for one page, as pages.record writes it."""
    return {"source": source, "shown": source, "file": file, "slug": slug, "lang": lang,
            "status": status, "title": title}  # fmt: skip


@pytest.mark.parametrize(
    ("before", "after", "moves"),
    [
        # the Slug changed
        ({"posts/a/index.html": _entry("/c/a.md")}, {"posts/b/index.html": _entry("/c/a.md", "b")},
         [("posts/a/index.html", "posts/b/index.html", "its Slug changed from 'a' to 'b'")]),
        # Lang: under /fr/
        ({"posts/a/index.html": _entry("/c/a.md")},
         {"fr/posts/a/index.html": _entry("/c/a.md", lang="fr")},
         [("posts/a/index.html", "fr/posts/a/index.html", "its Lang changed from 'en' to 'fr'")]),
        # renamed into pages/: the same file on disk (its old path is gone)
        ({"posts/a/index.html": _entry("/gone/posts/a.md", file=[1, 7])},
         {"a/index.html": _entry("/gone/pages/a.md", file=[1, 7])},
         [("posts/a/index.html", "a/index.html", "its file moved to /gone/pages/a.md")]),
        # another file on disk: not the same file, nothing moved
        ({"posts/a/index.html": _entry("/gone/posts/a.md", file=[1, 7])},
         {"a/index.html": _entry("/gone/pages/a.md", file=[1, 8])}, []),
        # ... unless it is the one file with its Title and Lang (an editor that renames by
        # writing a new file)
        ({"posts/a/index.html": _entry("/gone/posts/a.md", title="A", file=[1, 7])},
         {"a/index.html": _entry("/gone/pages/a.md", title="A", file=[1, 8])},
         [("posts/a/index.html", "a/index.html", "its file moved to /gone/pages/a.md")]),
        # ... and only the one: two posts with that Title, which one is not known
        ({"posts/a/index.html": _entry("/gone/posts/a.md", title="A", file=[1, 7])},
         {"a/index.html": _entry("/gone/pages/a.md", title="A", file=[1, 8]),
          "b/index.html": _entry("/gone/pages/b.md", "b", title="A", file=[1, 9])}, []),
        # "Save as" (built beside the old file), then the old one deleted: the one file with
        # its Title and Lang
        ({"posts/a/index.html": _entry("/gone/posts/a.md", title="A", file=[1, 7]),
          "posts/a-2/index.html": _entry("/c/a-2.md", "a-2", title="A", file=[1, 8]),
          "posts/z/index.html": _entry("/c/z.md", "z", title="Z", file=[1, 9])},
         {"posts/a-2/index.html": _entry("/c/a-2.md", "a-2", title="A", file=[1, 8]),
          "posts/z/index.html": _entry("/c/z.md", "z", title="Z", file=[1, 9])},
         [("posts/a/index.html", "posts/a-2/index.html",
           "its file moved to /c/a-2.md; its Slug changed from 'a' to 'a-2'")]),
        # a draft published: static.py's own redirect, not a move to warn of
        ({"drafts/posts/a/index.html": _entry("/c/a.md", status="draft")},
         {"posts/a/index.html": _entry("/c/a.md")}, []),
        # nothing changed
        ({"posts/a/index.html": _entry("/c/a.md")}, {"posts/a/index.html": _entry("/c/a.md")}, []),
    ],
)  # fmt: skip
def test_which_pages_moved_between_two_builds(before, after, moves):
    data, found = pages.follow({"pages": before, "start": sorted(before)}, after)
    assert [(m.old, m.new, m.why) for m in found] == moves
    assert set(data["gone"]) == set(before) - set(after)
    for old, new, _ in moves:
        assert pages.explain(data, old).moved_to == pages.url_of(new)


def test_a_published_page_moved_is_said_in_every_build_until_it_is_fixed():
    # the move was said for one build; the next save (of any file) dropped it, the old
    # address still a 404 on a published site
    first, _ = pages.follow({}, {"posts/a/index.html": _entry("/c/a.md")})  # the session starts
    moved = {"posts/b/index.html": _entry("/c/a.md", "b")}
    data, found = pages.follow(first, moved)
    assert [(m.old, m.new) for m in found] == [("posts/a/index.html", "posts/b/index.html")]
    for _ in range(2):  # later builds, nothing fixed (a record read back from its file)
        data, found = pages.follow(json.loads(json.dumps(data)), moved)
        (said,) = found
        assert said.published and "Redirect_from: /posts/a/" in said.message()
        assert said.why == "its Slug changed from 'a' to 'b'"
    # the Slug changed again: said with where the page is now
    again = {"posts/c/index.html": _entry("/c/a.md", "c")}
    data, found = pages.follow(data, again)
    assert ("posts/a/index.html", "posts/c/index.html") in [(m.old, m.new) for m in found]

    # a page at the old address (the redirect page Redirect_from writes) ends it while it is
    # there; the Redirect_from taken out (its page gone), it is said again
    def answered(save_as: str) -> bool:
        return save_as == "posts/a/index.html"

    fixed, found = pages.follow(data, again, answered=answered)
    assert ("posts/a/index.html") not in [m.old for m in found]
    fixed, found = pages.follow(fixed, again, answered=answered)
    assert found == []
    assert [m.old for m in pages.follow(fixed, again)[1]] == ["posts/a/index.html"]
    # so does the Slug put back
    back, found = pages.follow(data, {"posts/a/index.html": _entry("/c/a.md")})
    assert [m.old for m in found] == ["posts/c/index.html"]  # that move is said once
    assert pages.follow(back, {"posts/a/index.html": _entry("/c/a.md")})[1] == []


def test_a_move_from_an_address_the_session_made_is_said_once():
    first, _ = pages.follow({}, {"posts/a/index.html": _entry("/c/a.md")})
    data, _ = pages.follow(first, {**first["pages"], "posts/n/index.html": _entry("/c/n.md", "n")})
    data, found = pages.follow(
        data, {**first["pages"], "posts/m/index.html": _entry("/c/n.md", "m")}
    )
    assert [m.old for m in found] == ["posts/n/index.html"]
    assert pages.follow(data, data["pages"])[1] == []


def test_a_moved_post_is_said_until_redirect_from_and_a_rename_by_a_new_file_too(serve):
    serve.wait_for_report(lambda r: "problems" in r)
    serve.edit("posts/ranges.md", "Slug: ranges\n", "Slug: range-types\n")
    first = rebuilt(serve, moved_warnings)
    # another file saved: the next build says it again, nothing being fixed (it was gone)
    serve.edit("posts/garden-party.md", "\n\n", "\n\nA line more.\n\n")
    report = rebuilt(serve, lambda r: r["build"] != first["build"])
    (said,) = moved_warnings(report)
    assert said["source"] == "content/posts/ranges.md"
    assert "from /posts/ranges/ to /posts/range-types/" in said["message"]
    # Redirect_from: the old address answers on a published site too; the line goes
    redirect = "Slug: range-types\nRedirect_from: /posts/ranges/\n"
    serve.edit("posts/ranges.md", "Slug: range-types\n", redirect)
    report = rebuilt(serve, lambda r: not moved_warnings(r) and r["build"] != report["build"])
    # its comments stay under the old slug only with Comment_id (plugins/comments): said next
    (said,) = report["problems"]
    assert "add 'Comment_id: ranges' to keep them" in said["message"], report
    serve.edit("posts/ranges.md", redirect, f"{redirect}Comment_id: ranges\n")
    report = rebuilt(serve, lambda r: r["build"] != report["build"] and r["warnings"] == 0)
    assert report["warnings"] == 0, report
    # an editor that renames by writing a new file and deleting the old one: a move too
    old = serve.content / "posts" / "first-light.md"
    text = old.read_text().replace("Slug: first-light\n", "Slug: first-lamp\n")
    (serve.content / "posts" / "first-lamp.md").write_text(text)
    old.unlink()
    report = rebuilt(serve, moved_warnings)
    (said,) = moved_warnings(report)
    assert said["source"] == "content/posts/first-lamp.md"
    assert said["message"].startswith(
        "its page moved from /posts/first-light/ to /posts/first-lamp/"
    )
    assert fetch(serve, "/posts/first-light/")[:2] == (307, "/posts/first-lamp/")
    assert serve.stop() == 0


def test_a_renamed_gallery_folder_is_followed_and_said_until_its_old_address_is_kept(serve):
    from tests.test_images_pipeline import photo

    serve.wait_for_report(lambda r: "problems" in r)
    folder = serve.content / "galleries" / "offsite"
    photo(folder / "farmhouse.jpg", 1, size=(300, 200))
    (folder / "gallery.md").write_text(
        "Title: Four days away\nPhoto: farmhouse.jpg | The farmhouse. | A stone farmhouse\n",
        encoding="utf-8",
    )
    serve.wait_for_report(lambda r: r.get("status") is not None and _gallery_page(serve))

    folder.rename(serve.content / "galleries" / "drome")
    report = rebuilt(serve, moved_warnings)
    (said,) = moved_warnings(report)
    assert said["source"] == "content/galleries/drome/"
    assert said["message"] == (
        "its page moved from /galleries/offsite/ to /galleries/drome/ (its folder was renamed "
        "to content/galleries/drome/); make serve sends the old address there, a published "
        "site would not: if the old address is out already, add "
        "'Redirect_from: /galleries/offsite/' to its gallery.md"
    )
    assert fetch(serve, "/galleries/offsite/")[:2] == (307, "/galleries/drome/")
    assert fetch(serve, "/galleries/drome/")[0] == 200

    # its old address kept: the redirect page answers there, and the line ends
    serve.edit("galleries/drome/gallery.md", "Title:", "Redirect_from: /galleries/offsite/\nTitle:")
    rebuilt(serve, lambda r: not moved_warnings(r) and r["build"] != report["build"])
    status, _, body = fetch(serve, "/galleries/offsite/")
    assert status == 200
    refresh = BeautifulSoup(body, "html.parser").select_one('meta[http-equiv="refresh"]')
    assert refresh["content"].endswith("/galleries/drome/")
    assert serve.stop() == 0


def _gallery_page(serve: Serve) -> bool:
    return fetch(serve, "/galleries/offsite/")[0] == 200


@pytest.mark.parametrize(
    ("syntax", "key"),
    [
        ("markdown", "'Redirect_from: /posts/a/' to its front matter"),
        ("toml", "'redirect_from = \"/posts/a/\"' to its front matter"),
        ("rst", "':redirect_from: /posts/a/' to its fields (under its title)"),
        ("html", '\'<meta name="redirect_from" content="/posts/a/">\' to its <head>'),
        (None, "'Redirect_from: /posts/a/' to its front matter"),  # a record of before
    ],
)
def test_a_moved_pages_redirect_from_is_written_as_its_file_writes_keys(syntax, key):
    first, _ = pages.follow({}, {"posts/a/index.html": _entry("/c/a.md")})
    moved = _entry("/c/a.md", "b")
    if syntax:
        moved["syntax"] = syntax
    # the record read back from its file, as the next build reads it
    data, (said,) = pages.follow(json.loads(json.dumps(first)), {"posts/b/index.html": moved})
    assert said.message().endswith(f", add {key}")
    data, (again,) = pages.follow(json.loads(json.dumps(data)), {"posts/b/index.html": moved})
    assert again.message() == said.message()  # said in every build until fixed, the same


def test_a_moved_rst_posts_advice_followed_literally_ends_the_line(serve):
    serve.wait_for_report(lambda r: "problems" in r)
    post = serve.content / "posts" / "lamps.rst"
    fields = ":date: 2024-03-01 09:00\n:category: Company\n:author: Ada Byrne\n"
    post.write_text(f"Lamps\n#####\n\n{fields}:slug: lamps\n\nOur lamps, in brief.\n")
    rebuilt(serve, lambda r: (serve.output / "posts" / "lamps" / "index.html").is_file())
    report, said = moved_by(serve, "posts/lamps.rst", ":slug: lamps\n", ":slug: desk-lamps\n")
    assert said["message"].endswith(
        "add ':redirect_from: /posts/lamps/' to its fields (under its title)"
    )
    # followed literally: the key, as quoted, among its fields
    key = said["message"].split("add '")[1].split("'")[0]
    serve.edit("posts/lamps.rst", ":slug: desk-lamps\n", f":slug: desk-lamps\n{key}\n")
    report = rebuilt(serve, lambda r: r["build"] != report["build"] and not moved_warnings(r))
    # its comments' line (plugins/comments) is the one left, in its syntax too
    (said,) = [p for p in report["problems"] if p["source"] == "content/posts/lamps.rst"]
    assert "add ':comment_id: lamps' to keep them" in said["message"], report
    page = (serve.output / "posts" / "desk-lamps" / "index.html").read_text()
    assert "Our lamps, in brief." in page and "redirect_from" not in page
    assert (serve.output / "posts" / "lamps" / "index.html").is_file()  # the redirect page
