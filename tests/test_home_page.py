"""A page as the home page (Pelican's idiom: Save_as: index.html, URL: empty): one line saying
how while the list of posts holds /, and the page at / once INDEX_SAVE_AS has moved."""

import logging

import pytest

from plugins.blogcore import frontmatter

WELCOME = "Title: Welcome\nURL:\nSave_as: index.html\n\nZebracorn greetings from the cooperative.\n"
MOVED = {"INDEX_SAVE_AS": "blog/index.html", "INDEX_URL": "blog/"}


def test_while_the_list_of_posts_holds_the_home_page_one_line_says_how(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site({"pages/welcome.md": WELCOME}, name="idiom")
    mine = [m for m in caplog.messages if "welcome.md" in m]
    assert mine == [
        "idiom/pages/welcome.md: URL / is already taken by the home page (INDEX_SAVE_AS); this "
        "file was skipped (to make it the home page, move the list of posts: INDEX_SAVE_AS = "
        '"blog/index.html" in pelicanconf.py puts it at /blog/, linked from the menu)'
    ]
    assert "Zebracorn" not in site.text("index.html")  # the list keeps /


def nav(soup) -> list[tuple[str, str, str | None]]:
    return [
        (a["href"], a.get_text(strip=True), a.get("aria-current"))
        for a in soup.select("nav.site-nav a")
    ]


@pytest.fixture(scope="module")
def moved(tmp_path_factory):
    from tests.conftest import _builder

    posts = {
        f"posts/p{n:02d}.md": (
            f"Title: Post {n}\nDate: 2024-05-{n:02d}\nAuthor: Ada Byrne\nCategory: Company\n\nW.\n"
        )
        for n in range(1, 13)
    }
    build = _builder(tmp_path_factory.mktemp("home"))
    return build({"pages/welcome.md": WELCOME, **posts}, name="moved", **MOVED)


def test_with_the_list_moved_the_page_is_the_home_page(moved):
    home = moved.soup("")
    assert "Zebracorn greetings" in home.get_text()
    siteurl = home.select_one("link[rel=canonical]")["href"].rstrip("/")
    assert nav(home)[0] == (f"{siteurl}/blog/", "Blog", None)
    assert (f"{siteurl}/", "Welcome", "page") in nav(home)


def test_with_the_list_moved_it_is_at_blog_with_its_pages(moved):
    first = moved.soup("blog/")
    siteurl = first.select_one("nav.site-nav a")["href"].removesuffix("/blog/")
    assert first.select_one("link[rel=canonical]")["href"] == f"{siteurl}/blog/"
    assert nav(first)[0] == (f"{siteurl}/blog/", "Blog", "page")
    second = moved.soup("blog/page/2/")
    links = {a["href"] for a in second.select("main a[href]")}
    assert f"{siteurl}/blog/" in links  # newer posts: the list's first page, not the home page
    assert f"{siteurl}/" not in {a["href"] for a in second.select("main nav a[href]")}


def test_the_menu_says_home_where_the_list_is_the_home_page(build_site):
    site = build_site()
    home = site.soup("")
    href, label, current = nav(home)[0]
    assert (label, current) == ("Home", "page") and href.endswith("/")
    assert home.select_one("link[rel=canonical]")["href"] == href


@pytest.mark.parametrize(
    ("lines", "errors"),
    [
        ([("url", "", 2), ("save_as", "index.html", 3)], []),  # the idiom
        ([("save_as", "about.html", 2), ("url", "", 3)], []),  # either order
        ([("url", "", 2)], ["Url is empty; remove the line"]),  # links would go nowhere
        ([("url", "", 2), ("save_as", "", 3)], ["Url is empty", "Save_as is empty"]),
    ],
)
def test_an_empty_url_beside_a_save_as_is_as_if_there_were_none(lines, errors):
    header = frontmatter.Header()
    header.keys.extend(lines)
    found = frontmatter.check_header(header)
    assert len(found) == len(errors) and all(e in f for e, f in zip(errors, found, strict=True))
