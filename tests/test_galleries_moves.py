"""A gallery folder renamed, and other engines' ways of naming a gallery (probe 8 finding 15,
probe 7 finding 24).

Renaming ``content/galleries/offsite`` to ``drome`` left the post's line without the gallery
meant, and the gallery's old address gone with no way to keep it; the photos plugin's
``Gallery: {photo}album`` sent the writer to a folder with braces in its name.
"""

import datetime
import logging
import shutil
from pathlib import Path

import pytest

from plugins.galleries import model
from tests.conftest import FIXTURES, PUBLISH_CONF, TEST_SITEURL, Site
from tests.test_galleries_site import build, messages
from tests.test_images_pipeline import photo

SIDECAR = (
    "Title: Four days in the Drome\n"
    "{extra}"
    "Photo: farmhouse.jpg | The farmhouse. | A stone farmhouse with blue shutters\n"
    "Photo: lunch.jpg | Lunch outside. | A long table under a plane tree\n"
)
POST = """Title: Four days away
Date: 2025-05-03 10:00
Category: Company
Author: Ada Byrne
Slug: four-days
Summary: A post.
Gallery: {gallery}

Some words about the days.
"""


def make_content(root: Path, gallery: str = "offsite", sidecar_extra: str = "") -> Path:
    content = root / "content"
    shutil.copytree(FIXTURES / "site", content)
    folder = content / "galleries" / "offsite"
    photo(folder / "farmhouse.jpg", 1, size=(300, 200))
    photo(folder / "lunch.jpg", 1, size=(200, 300))
    (folder / "gallery.md").write_text(SIDECAR.format(extra=sidecar_extra), encoding="utf-8")
    other = content / "galleries" / "easton"  # another gallery, its photos not the same
    photo(other / "hall.jpg", 1, size=(240, 160))
    (other / "gallery.md").write_text("Photo: hall.jpg | The hall. | A hall\n", encoding="utf-8")
    (content / "posts" / "four-days.md").write_text(POST.format(gallery=gallery))
    return content


def about(log, source: str) -> list[tuple[str, str]]:
    return [(level, m) for level, m in log if m.startswith(source + ":")]


def test_a_renamed_gallery_folder_is_the_one_meant(tmp_path):
    content = make_content(tmp_path)
    _, log = build(tmp_path, content)
    assert not about(log, "content/posts/four-days.md")
    (content / "galleries" / "offsite").rename(content / "galleries" / "drome")
    # the same build cache: what the last build read is what the folder held
    site, log = build(tmp_path, content)
    assert about(log, "content/posts/four-days.md") == [
        (
            "ERROR",
            "content/posts/four-days.md: Gallery 'offsite' does not exist (no photos in "
            "content/galleries/offsite/) (did you mean 'drome'? it holds the photos "
            "'offsite' had)",
        )
    ]
    assert site.soup("posts/four-days/").select_one("section.gallery") is None
    # a photo added meanwhile: still the one that holds every photo it had
    photo(content / "galleries" / "drome" / "more.jpg", 1, size=(200, 200))
    _, log = build(tmp_path, content, name="out")
    assert "(did you mean 'drome'?" in about(log, "content/posts/four-days.md")[0][1]


def test_a_missing_gallery_without_a_renamed_one_gets_the_nearest_name_or_nothing(tmp_path):
    # a fresh build cache: nothing remembered; the name alone says nothing close
    content = make_content(tmp_path, gallery="offsit")
    _, log = build(tmp_path, content)
    (said,) = about(log, "content/posts/four-days.md")
    assert said[1].endswith("(no photos in content/galleries/offsit/) (did you mean 'offsite'?)")


def test_a_gallery_keeps_its_old_address_with_redirect_from(tmp_path):
    content = make_content(
        tmp_path, gallery="drome", sidecar_extra="Redirect_from: /galleries/offsite/\n"
    )
    (content / "galleries" / "offsite").rename(content / "galleries" / "drome")
    site, log = build(tmp_path, content)
    assert not [m for lvl, m in log if lvl == "ERROR"], messages(log, "ERROR")
    page = site.soup("galleries/offsite/")
    refresh = page.select_one('meta[http-equiv="refresh"]')["content"]
    assert refresh == f"0; url={site.siteurl}/galleries/drome/"
    assert page.select_one('link[rel="canonical"]')["href"] == f"{site.siteurl}/galleries/drome/"
    assert page.select_one('meta[name="robots"]')["content"].startswith("noindex")
    assert "/galleries/offsite/ /galleries/drome/ 301" in site.text("_redirects").splitlines()
    # the gallery's own page is there, as before
    assert site.soup("galleries/drome/").select_one("h1").get_text(strip=True) == (
        "Four days in the Drome"
    )


def test_a_gallery_redirect_from_is_checked_like_a_posts(tmp_path):
    content = make_content(tmp_path, sidecar_extra="Redirect_from: galleries/old/, /posts/\n")
    _, log = build(tmp_path, content)
    said = about(log, "content/galleries/offsite/gallery.md")
    assert (
        "ERROR",
        "content/galleries/offsite/gallery.md: Redirect_from 'galleries/old/' must "
        "start with / (a path of this site: /2008/10/slug/)",
    ) in said


def test_a_draft_gallery_gets_no_redirect(tmp_path):
    extra = "Status: draft\nRedirect_from: /galleries/old-trip/\n"
    content = make_content(tmp_path, sidecar_extra=extra)
    site, _ = build(tmp_path, content)
    assert site.exists("galleries/offsite/")  # previewed in a development build
    assert not site.exists("galleries/old-trip/")  # its old address would tell it exists


@pytest.mark.parametrize(
    ("written", "slug", "said"),
    [
        ("offsite-2024", "offsite-2024", ""),
        ("galleries/offsite-2024/", "offsite-2024", ""),
        (
            "{photo}holiday2019",
            "holiday2019",
            "is the photos plugin's syntax (an album of its PHOTO_LIBRARY); here a gallery is a "
            "folder of content/galleries/: write Gallery: holiday2019, with the photos in "
            "content/galleries/holiday2019/ (captions and alt text in a gallery.md there)",
        ),
        (
            "{photo}offsite-2024",
            "offsite-2024",
            "is the photos plugin's syntax (an album of its PHOTO_LIBRARY); here a gallery is a "
            "folder of content/galleries/: write Gallery: offsite-2024",
        ),
        ("|photo|offsite-2024", "offsite-2024", "photos plugin's syntax"),
        (
            "{photo}offsite-2024, {photo}beach{Our beach day}",
            "offsite-2024",
            "is the photos plugin's syntax (an album of its PHOTO_LIBRARY); here a gallery is a "
            "folder of content/galleries/: write Gallery: offsite-2024, and {gallery}beach on a "
            "line of its own where the text shows it, with the photos in content/galleries/beach/ "
            "(captions and alt text in a gallery.md there); a gallery's title goes in its "
            "gallery.md (Title: Our beach day)",
        ),
        (
            "{filename}offsite-2024",
            "offsite-2024",
            "is a link ({filename}); Gallery takes a gallery's name, its folder's in "
            "content/galleries/: write Gallery: offsite-2024",
        ),
        ("offsite-2024, beach", "offsite-2024", "names 2 galleries; Gallery takes one"),
        ("offsite-2024{Offsite}", "offsite-2024", "(Title: Offsite)"),
    ],
)
def test_other_engines_gallery_idioms_say_what_to_write(written, slug, said):
    got_slug, got = model.gallery_key(written, "content/galleries", ["offsite-2024"])
    assert got_slug == slug
    assert got == said if not said or said.startswith("is ") else said in got


@pytest.mark.parametrize(
    ("remembered", "now", "meant"),
    [
        ({"a": ["x:1", "y:2"]}, {"b": ["x:1", "y:2"], "c": ["z:3"]}, "b"),
        ({"a": ["x:1"]}, {"b": ["x:1", "w:9"]}, "b"),  # a photo added since
        ({"a": ["x:1"]}, {"b": ["x:1"], "c": ["x:1"]}, None),  # two hold them: no guess
        ({"a": ["x:1"]}, {"b": ["x:2"]}, None),  # the photo changed
        ({}, {"b": ["x:1"]}, None),  # never read: nothing remembered
    ],
)
def test_the_gallery_holding_the_photos_a_missing_one_held(remembered, now, meant):
    assert model.same_photos("a", remembered, now) == meant


PHOTOS_PLUGIN = (
    "content/posts/four-days.md: Gallery '{{photo}}{slug}' is the photos plugin's syntax (an "
    "album of its PHOTO_LIBRARY); here a gallery is a folder of content/galleries/: write "
    "Gallery: {slug}"
)


@pytest.mark.parametrize(
    ("slug", "level", "after"),
    [
        # no such gallery here: the post shows none, the line says where its photos go
        (
            "holiday2019",
            "ERROR",
            ", with the photos in content/galleries/holiday2019/ (captions and alt text in a "
            "gallery.md there)",
        ),
        ("offsite", "WARNING", ""),  # the gallery is here: the post shows it
    ],
)
def test_the_photos_plugins_gallery_is_one_line_saying_what_to_write(tmp_path, slug, level, after):
    content = make_content(tmp_path, gallery="{photo}" + slug)
    site, log = build(tmp_path, content)
    said = PHOTOS_PLUGIN.format(slug=slug) + after
    assert about(log, "content/posts/four-days.md") == [(level, said)]
    block = site.soup("posts/four-days/").select_one("article.post > section.gallery")
    if slug == "offsite":
        assert block.select_one("h2").get_text(strip=True) == "Four days in the Drome"
    else:
        assert block is None


def test_the_photos_plugins_links_in_a_post_are_one_line_each(tmp_path):
    content = make_content(tmp_path)
    post = content / "posts" / "four-days.md"
    body = (
        "The farmhouse: ![A farmhouse]({photo}offsite/farmhouse.jpg), [lunch]({lightbox}lunch.jpg)."
    )
    post.write_text(post.read_text().replace("Some words about the days.", body))
    _, log = build(tmp_path, content)
    said = [m for _, m in about(log, "content/posts/four-days.md")]
    assert said == [
        "content/posts/four-days.md: line 9: the link {photo}offsite/farmhouse.jpg is the photos "
        "plugin's syntax, which this site does not have: it is published as written; a "
        "gallery's photo is written {static}/galleries/offsite/farmhouse.jpg, and "
        "{gallery}offsite on a line of its own shows the whole gallery, each photo opening large",
        "content/posts/four-days.md: line 9: the link {lightbox}lunch.jpg is the photos plugin's "
        "syntax, "
        "which this site does not have: it is published as written; a gallery's photo is "
        "written {static}/galleries/<gallery>/lunch.jpg, and {gallery}<gallery> on a line of "
        "its own shows the whole gallery, each photo opening large",
    ]
    # Pelican's own line for each (no file named) is not said again
    assert not [m for _, m in log if m.startswith("Replacement Indicator")]


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (
            "Redirect_form: /galleries/old/",
            "unknown key 'Redirect_form' is ignored (did you mean Redirect_from?)",
        ),
        ("Redirect_from /galleries/old/", "(write Redirect_from: /galleries/old/)"),
    ],
)
def test_a_mistyped_redirect_from_in_gallery_md_is_named_as_written(line, said):
    sidecar, problems = model.parse_sidecar(line + "\n", "content/galleries/x/gallery.md")
    assert sidecar.redirect_from == ""
    assert said in problems[0].message


def test_redirect_from_on_a_site_without_gallery_pages_is_one_line(tmp_path):
    """GALLERY_SAVE_AS = "": no page to redirect to, and no link to a page not written."""
    content = make_content(tmp_path, sidecar_extra="Redirect_from: /galleries/old-trip/\n")
    site, log = build(tmp_path, content, GALLERY_SAVE_AS="")
    assert about(log, "content/galleries/offsite/gallery.md") == [
        (
            "WARNING",
            "content/galleries/offsite/gallery.md: Redirect_from /galleries/old-trip/ is not "
            'redirected: this site writes no gallery pages (GALLERY_SAVE_AS is ""), so there is '
            "no page to send it to; remove the line, or give galleries their pages again "
            "(GALLERY_SAVE_AS = 'galleries/{slug}/index.html')",
        )
    ]
    assert not site.exists("galleries/offsite/") and not site.exists("galleries/old-trip/")
    # the post shows the gallery, without a link to a page that is not there
    block = site.soup("posts/four-days/").select_one("section.gallery")
    assert block.select("img")
    links = {a["href"] for a in site.soup("posts/four-days/").select("a[href]")}
    links |= {a["href"] for a in site.soup("galleries/").select("a[href]")}
    assert not [href for href in links if href.endswith("/galleries/offsite/")], links


HIDDEN_PAGE_REFUSED = (
    "Redirect_from /galleries/offsite/ is the address of the gallery 'offsite' "
    "(plugins/galleries{why}), which the site writes itself; a redirect never replaces a "
    "page (remove it from Redirect_from)"
)


def test_a_hidden_gallerys_address_takes_no_redirect(tmp_path):
    """A post's Redirect_from on a hidden gallery's address is refused when the plan is made
    (the galleries plugin declares every page it writes), not only when the file is there:
    no redirect page and no _redirects line over the gallery's page."""
    content = make_content(tmp_path, sidecar_extra="Status: hidden\n")
    post = content / "posts" / "four-days.md"
    post.write_text(
        post.read_text().replace("Gallery:", "Redirect_from: /galleries/offsite/\nGallery:")
    )
    site, log = build(tmp_path, content)
    assert about(log, "content/posts/four-days.md") == [
        ("ERROR", "content/posts/four-days.md: " + HIDDEN_PAGE_REFUSED.format(why=""))
    ]
    page = site.soup("galleries/offsite/")
    assert page.select_one("h1").get_text(strip=True) == "Four days in the Drome"
    assert not page.select_one('meta[http-equiv="refresh"]')
    assert not site.exists("_redirects")


def test_a_draft_gallery_is_never_published_through_a_redirect(tmp_path, caplog):
    """A publish build withholds a draft gallery: another gallery's Redirect_from on its
    address is the same error as in development (its page goes there once it is out), its
    own Redirect_from sends no one to it, and nothing of it is published."""
    extra = "Status: draft\nRedirect_from: /galleries/old-trip/\n"
    content = make_content(tmp_path, gallery="easton", sidecar_extra=extra)
    (content / "galleries" / "easton" / "gallery.md").write_text(
        "Redirect_from: /galleries/offsite/\nPhoto: hall.jpg | The hall. | A hall\n"
    )
    source = "content/galleries/easton/gallery.md"
    _, log = build(tmp_path, content)
    assert about(log, source) == [("ERROR", f"{source}: " + HIDDEN_PAGE_REFUSED.format(why=""))]
    caplog.set_level(logging.ERROR)
    caplog.clear()
    with pytest.raises(SystemExit):
        build(tmp_path, content, conf=PUBLISH_CONF, name="pub")
    site = Site(output=tmp_path / "pub", content=content, siteurl=TEST_SITEURL)
    why = (
        "; a draft (content/galleries/offsite/ says Status: draft), its page goes there once "
        "it is out"
    )
    (said,) = [r.getMessage() for r in caplog.records if r.getMessage().startswith(source)]
    assert said == f"{source}: " + HIDDEN_PAGE_REFUSED.format(why=why)
    assert not site.exists("galleries/offsite/") and not site.exists("galleries/old-trip/")
    assert not list(site.output.rglob("farmhouse*")) and not list(site.output.rglob("lunch*"))
    assert not site.exists("_redirects")


@pytest.mark.parametrize(("status", "public"), [("draft", False), ("hidden", True)])
def test_a_gallery_readers_may_not_see_hands_no_one_its_old_addresses(status, public):
    gallery = model.Gallery("offsite", "Offsite", status=status, redirect_from="/old/")
    gallery.public = public
    assert gallery.metadata == ({"redirect_from": "/old/"} if public else {})
    assert gallery.reader_status == status


def test_every_gallery_page_is_declared_withheld_ones_too():
    now = datetime.datetime(2026, 1, 1)
    shown = model.Gallery("a", "A", photos=[model.Photo("x.jpg")], save_as="galleries/a/x.html")
    empty = model.Gallery("b", "B", save_as="galleries/b/x.html")  # no photos: no page
    draft = model.Gallery("c", "C", photos=[model.Photo("y.jpg")], save_as="galleries/c/x.html")
    draft.status, draft.source = "draft", "content/galleries/c"
    assert model.pages_owned([shown, empty], [draft], now, "galleries/index.html") == {
        "galleries/a/x.html": "the gallery 'a' (plugins/galleries)",
        "galleries/c/x.html": "the gallery 'c' (plugins/galleries; a draft "
        "(content/galleries/c/ says Status: draft), its page goes there once it is out)",
        "galleries/index.html": "the galleries page (GALLERY_INDEX_SAVE_AS)",
    }


PHOTOS_IMAGE = (
    "Image '{{photo}}{written}' is the photos plugin's syntax (a photo of its PHOTO_LIBRARY); "
    "here a post's picture is its Cover, {then}"
)


@pytest.mark.parametrize(
    ("extra", "level", "then"),
    [
        (
            "",
            "ERROR",  # the post would go out without the picture it names
            "a file of the content folder: write Cover: galleries/offsite/farmhouse.jpg",
        ),
        (
            "Cover: galleries/offsite/lunch.jpg\n",
            "WARNING",  # its picture is there: the line is noise
            "which it gives: remove the Image line",
        ),
    ],
)
def test_the_photos_plugins_image_is_one_line_saying_what_to_write(tmp_path, extra, level, then):
    content = make_content(tmp_path)
    post = content / "posts" / "four-days.md"
    image = "Image: {photo}offsite/farmhouse.jpg\n"
    post.write_text(post.read_text().replace("Gallery: offsite\n", image + extra))
    _, log = build(tmp_path, content)
    said = PHOTOS_IMAGE.format(written="offsite/farmhouse.jpg", then=then)
    # one line: not blogcore's unknown key too
    assert about(log, "content/posts/four-days.md") == [
        (level, f"content/posts/four-days.md: {said}")
    ]


@pytest.mark.parametrize(
    ("written", "page", "said"),
    [
        ("images/x.jpg", False, ""),  # not the photos plugin's: blogcore's unknown-key line
        (
            "{photo}trip/x.jpg",
            False,
            "write Cover: galleries/trip/x.jpg, with the photo in content/galleries/trip/",
        ),
        ("|photo|offsite/a.jpg", False, "write Cover: galleries/offsite/a.jpg"),
        (
            "{photo}x.jpg",
            False,
            "write Cover: galleries/<gallery>/x.jpg, with the photo in "
            "content/galleries/<gallery>/",
        ),
        (
            "{photo}offsite/a.jpg",
            True,
            "a page here has no picture of its own: show the photo in its text, "
            "![what it shows]({static}/galleries/offsite/a.jpg)",
        ),
    ],
)
def test_the_photos_plugins_image_names_the_cover_to_write(written, page, said):
    got = model.image_key(
        written,
        "galleries",
        "content/galleries",
        lambda path: path == "galleries/offsite/a.jpg",
        cover=False,
        page=page,
    )
    assert got.endswith(said) if said else got == ""


def test_a_draft_gallerys_photo_is_no_posts_cover_in_a_publish_build(tmp_path, caplog):
    """Cover: galleries/<draft>/x.jpg (what the photos plugin's Image: is told to become)
    rendered the photo of a gallery a publish build withholds, and published it."""
    content = make_content(tmp_path, gallery="easton", sidecar_extra="Status: draft\n")
    post = content / "posts" / "four-days.md"
    cover = "Cover: galleries/offsite/farmhouse.jpg\n"
    post.write_text(post.read_text().replace("Gallery: easton\n", cover))
    said = (
        "content/posts/four-days.md: Cover 'galleries/offsite/farmhouse.jpg' is a photo of the "
        "gallery 'offsite', a draft (content/galleries/offsite/ says Status: draft): a publish "
        "build publishes nothing of that gallery, "
    )
    site, log = build(tmp_path, content)  # previewed: shown, and said
    assert about(log, "content/posts/four-days.md") == [
        ("WARNING", said + "and stops on this post (publish the gallery first, or choose "
         "another cover)")
    ]  # fmt: skip
    assert list(site.output.rglob("farmhouse-*"))
    caplog.set_level(logging.ERROR)
    caplog.clear()
    with pytest.raises(SystemExit):
        build(tmp_path, content, conf=PUBLISH_CONF, name="pub")
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert said + "so the post has no cover from it (publish the gallery first, or choose " \
        "another cover)" in errors  # fmt: skip
    assert not list((tmp_path / "pub").rglob("farmhouse*"))


@pytest.mark.parametrize(("status", "advised"), [("draft", False), ("published", True)])
def test_a_renamed_draft_gallery_is_followed_in_serve_and_never_told_to_keep_its_address(
    tmp_path, status, advised
):
    """make serve follows a renamed gallery folder; only a published one is told to keep its
    old address with Redirect_from (a draft's old address must not take a redirect)."""
    from plugins.devserver import pages as record

    def pages(slug: str) -> dict:
        sidecar = tmp_path / slug / "gallery.md"
        gallery = model.Gallery(
            slug,
            "Four days",
            photos=[model.Photo("a.jpg")],
            save_as=f"galleries/{slug}/index.html",
            source=f"content/galleries/{slug}",
            status=status,
            source_path=str(sidecar),
        )
        gallery.public = status != "draft"
        return record._gallery_pages({"galleries": {slug: gallery}})

    (tmp_path / "offsite").mkdir()
    (tmp_path / "offsite" / "gallery.md").write_text("Title: Four days\n")
    first, _ = record.follow({}, pages("offsite"))
    (tmp_path / "offsite").rename(tmp_path / "drome")
    _, moves = record.follow(first, pages("drome"))
    (move,) = moves
    assert (move.old, move.new) == ("galleries/offsite/index.html", "galleries/drome/index.html")
    assert move.published is advised
    assert ("Redirect_from: /galleries/offsite/" in move.message()) is advised


def test_a_page_at_a_hidden_gallerys_address_is_named_not_written_over_it(tmp_path):
    """A page saved at a hidden gallery's address replaced the gallery's page without a line
    (only listed galleries were among the pages the build plans)."""
    content = make_content(tmp_path, sidecar_extra="Status: hidden\n")
    (content / "pages" / "trip.md").write_text(
        "Title: Trip\nSave_as: galleries/offsite/index.html\nUrl: galleries/offsite/\n\nText.\n"
    )
    site, log = build(tmp_path, content)
    assert about(log, "content/pages/trip.md") == [
        (
            "ERROR",
            "content/pages/trip.md: URL galleries/offsite/ is already taken by the gallery "
            "'offsite' (plugins/galleries); this file was skipped (give it another Save_as:)",
        )
    ]
    page = site.soup("galleries/offsite/")
    assert page.select_one("h1").get_text(strip=True) == "Four days in the Drome"
