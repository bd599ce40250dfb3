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
