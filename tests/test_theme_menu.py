"""The menu's aria-current marks on every kind of page of a built fixture site."""

import io

import pytest
from PIL import Image

from tests.conftest import Site, _builder

SERIES_PART = (
    "Title: Part {n}\nDate: 2024-03-0{n}\nCategory: Engineering\nSeries: Moving house\n\nx\n"
)


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (200, 150), (40, 120, 60)).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    """The fixture site with a series, a gallery, a page in French and two posts a listing page."""
    return _builder(tmp_path_factory.mktemp("menu"))(
        {
            "posts/part-1.md": SERIES_PART.format(n=1),
            "posts/part-2.md": SERIES_PART.format(n=2),
            "galleries/trip/one.jpg": _jpeg(),
            "pages/about.fr.md": "Title: À propos\nSlug: about\nLang: fr\n\nUne petite société.\n",
            "galleries/trip/gallery.md": "Title: Trip\nPhoto: one.jpg | One | A green field\n",
        },
        DEFAULT_PAGINATION=2,
        GALLERY_WIDTHS=(100,),
    )


# page -> ({menu link: aria-current}, {footer link: aria-current}): "page" only on the link to
# the page itself, "true" on the link to the section the page is inside, nothing elsewhere; the
# footer by the same rule (base.html's current()), for its own links too: series, categories,
# tags, galleries (it marked nothing)
MARKS = {
    "": ({"Home": "page"}, {}),
    "page/2/": ({"Home": "true"}, {}),
    "posts/first-light/": ({}, {}),
    "about/": ({"About": "page"}, {}),
    "fr/about/": ({"À propos": "page"}, {}),
    "tag/": ({}, {"Tags": "page"}),
    "tag/python/": ({}, {"Tags": "true"}),
    "category/": ({}, {"Categories": "page"}),
    "category/engineering/": ({}, {"Categories": "true"}),
    "team/": ({"Team": "page"}, {"Team": "page"}),
    "team/cleo-park/": ({"Team": "true"}, {"Team": "true"}),
    "archives/": ({"Archives": "page"}, {"Archives": "page"}),
    "archives/2024/": ({"Archives": "true"}, {"Archives": "true"}),
    "posts/": ({}, {}),
    "series/": ({}, {"Series": "page"}),
    "series/moving-house/": ({}, {"Series": "true"}),
    "galleries/": ({}, {"Galleries": "page"}),
    "galleries/trip/": ({}, {"Galleries": "true"}),
    "search/": ({"Search": "page"}, {}),
}


def _marks(links) -> dict[str, str]:
    return {a.get_text(strip=True): a["aria-current"] for a in links if a.has_attr("aria-current")}


@pytest.mark.parametrize(("relpath", "expected"), MARKS.items())
def test_the_menu_and_footer_mark_only_the_page_itself_as_current(site, relpath, expected):
    soup = site.soup(relpath)
    links = soup.select(".site-menu__panel a")
    assert len(links) >= 5, relpath  # the menu is there: Home, Team, Archives, About, Search
    footer = soup.select("footer.site-footer nav a")
    assert len(footer) >= 7, relpath  # feed, archives, series, categories, tags, galleries, team
    assert (_marks(links), _marks(footer)) == expected, relpath


# a site with many pages (an adopted blog's): the fixture's About and five more, by file name
MANY = {f"pages/p{n}.md": f"Title: Page {n}\nSlug: p{n}\n\nx\n" for n in range(1, 6)}


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Site:
    """The fixture site with six pages."""
    return _builder(tmp_path_factory.mktemp("menu-many"))(MANY)


def _pages_nav(soup) -> list[str]:
    nav = soup.select_one("footer.site-footer nav.site-footer__pages")
    return [a.get_text(strip=True) for a in nav.select("a")] if nav else []


# page -> (the header's page links, the footer's "Pages" links, which link says aria-current):
# the header names the first two pages and the footer the others, on every page, so the
# header keeps one row and each page is one link away; the page itself is marked where it is
HEADER = ["About", "Page 1"]
FOOTER = ["Page 2", "Page 3", "Page 4", "Page 5"]
MANY_MARKS = {
    "": (HEADER, FOOTER, {"Home": "page"}),
    "about/": (HEADER, FOOTER, {"About": "page"}),
    "p1/": (HEADER, FOOTER, {"Page 1": "page"}),
    "p3/": (HEADER, FOOTER, {"Page 3": "page"}),
    "p5/": (HEADER, FOOTER, {"Page 5": "page"}),
    "archives/": (HEADER, FOOTER, {"Archives": "page"}),
}


@pytest.mark.parametrize(("relpath", "expected"), MANY_MARKS.items())
def test_many_pages_the_header_names_two_and_the_footer_the_others(many, relpath, expected):
    soup = many.soup(relpath)
    menu = [a.get_text(strip=True) for a in soup.select(".site-nav a")]
    assert menu == ["Home", "Team", "Archives", *expected[0], "Feed"], relpath
    assert _pages_nav(soup) == expected[1], relpath
    assert soup.select_one("nav.site-footer__pages")["aria-label"] == "Pages"
    page_links = soup.select(".site-nav a, nav.site-footer__pages a")
    assert _marks(page_links) == expected[2], relpath


def test_a_site_with_few_pages_lists_them_all_in_the_header(site):
    soup = site.soup("")
    assert [a.get_text(strip=True) for a in soup.select(".site-nav a")][3:] == ["About", "Feed"]
    assert _pages_nav(soup) == []


def test_display_pages_on_menu_false_lists_every_page_in_the_footer(tmp_path):
    """Pelican's own setting: no page in the header, each one a link in the footer."""
    soup = _builder(tmp_path)(MANY, DISPLAY_PAGES_ON_MENU=False).soup("p2/")
    menu = [a.get_text(strip=True) for a in soup.select(".site-nav a")]
    assert menu == ["Home", "Team", "Archives", "Feed"]
    assert _pages_nav(soup) == ["About", *HEADER[1:], *FOOTER]
    assert _marks(soup.select("nav.site-footer__pages a")) == {"Page 2": "page"}
