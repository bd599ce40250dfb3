"""Pagination and a series' previous/next in Chromium, in both directions and three languages.

On a page in a right-to-left language without a catalog (a site in Arabic: its theme words are
English), both navigations were marked `lang="en" dir="ltr"` as a whole: they were laid out left
to right and their arrows were not mirrored ("Older posts →" at the right of an Arabic page),
unlike the page and the gallery's lightbox. Now they follow the page's direction, as the
lightbox does (test_design_lightbox_dir.py): only their English words are marked.
"""

import pytest
from playwright.sync_api import expect

from sitecheck.a11y import axe_violations, describe
from tests.browser.serving import free_port, serve_folder
from tests.conftest import _builder

# (a part's title, the series, its text) in each site's language; ar has no catalog
WORDS = {
    "en": ("Moving day", "Moving the office", "The boxes are packed."),
    "fr": ("Jour de déménagement", "Le déménagement", "Les cartons sont prêts."),
    "ar": ("يوم الانتقال", "نقل المكتب", "الصناديق جاهزة."),
}
POST = (
    "Title: {title} {i}\nDate: 2024-08-0{i}\nSlug: move-{i}\nSeries: {series}\nSeries_index: {i}\n"
    "Category: News\nAuthor: Ada Byrne\n\n{text}\n"
)

# For each link of a navigation: its words, their marks, which way its arrow points on screen
# (the glyph's own way times the sign of its horizontal scale: `.arrow:dir(rtl)` mirrors it),
# on which side of its link the arrow sits, and where the link is.
LINKS = """nav => Object.fromEntries(['prev', 'next'].map(rel => {
  const link = document.querySelector(nav + ' a[rel="' + rel + '"]');
  const arrow = link.querySelector('.arrow');
  const words = [...link.children].find(n => n !== arrow) || link;
  const scale = new DOMMatrix(getComputedStyle(arrow).transform).a;
  const glyph = {'→': 1, '←': -1}[arrow.textContent.trim()];
  const a = arrow.getBoundingClientRect(), l = link.getBoundingClientRect();
  return [rel, {text: link.textContent.replace(/[←→]/g, '').trim(),
    lang: words === link ? null : words.getAttribute('lang'),
    dir: words === link ? null : words.getAttribute('dir'),
    points: glyph * Math.sign(scale) > 0 ? 'right' : 'left',
    side: a.left + a.width / 2 > l.left + l.width / 2 ? 'right' : 'left', x: l.left,
    navDir: getComputedStyle(link.closest('nav')).direction}];
}))"""

# A navigation's name and the language it is in: its aria-label's (the nav's), or that of the
# element its aria-labelledby names.
NAME = """nav => {
  const n = document.querySelector(nav);
  const id = n.getAttribute('aria-labelledby');
  const from = id ? document.getElementById(id) : n;
  const text = id ? from.textContent.trim() : n.getAttribute('aria-label');
  return [text, (from.closest('[lang]') || document.documentElement).getAttribute('lang')];
}"""

NONE = (None, None)
# (language, pagination's words, the series' step words, the words' marks, "next" points); the
# navigations' names ("Pagination", the compact series line's "Series") are in English on the
# Arabic page too
CASES = [
    ("en", ("Newer posts", "Older posts"), ("Previous", "Next"), NONE, "right"),
    (
        "fr",
        ("Billets plus récents", "Billets plus anciens"),
        ("Précédent", "Suivant"),
        NONE,
        "right",
    ),
    ("ar", ("Newer posts", "Older posts"), ("Previous", "Next"), ("en", "ltr"), "left"),
]


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """A site of three posts in one series per language, one post a page; served."""
    built, servers = {}, []
    try:
        for lang, (title, series, text) in WORDS.items():
            port = free_port()
            files = {
                f"posts/move-{i}.md": POST.format(title=title, series=series, text=text, i=i)
                for i in (1, 2, 3)
            }
            site = _builder(tmp_path_factory.mktemp(f"arrows-{lang}"))(
                files,
                fixture=None,
                siteurl=f"http://127.0.0.1:{port}",
                DEFAULT_LANG=lang,
                DEFAULT_PAGINATION=1,
            )
            servers.append(serve_folder(site.output, port))
            built[lang] = site
        yield built
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


@pytest.mark.parametrize("width", [360, 1366])
@pytest.mark.parametrize(("lang", "paging", "steps", "marks", "forward"), CASES)
def test_pagination_and_series_arrows_point_the_way_the_page_reads(
    browser, sites, screenshots, axe_script, width, lang, paging, steps, marks, forward
):
    back = "left" if forward == "right" else "right"
    context = browser.new_context(
        viewport={"width": width, "height": 800}, reduced_motion="reduce", bypass_csp=True
    )
    try:
        page = context.new_page()
        for path, nav, words, name in (
            ("page/2/", "nav.pagination", paging, "pagination"),
            ("posts/move-2/", ".series-nav__steps", steps, "series"),
        ):
            page.goto(f"{sites[lang].siteurl}/{path}")
            page.locator(nav).scroll_into_view_if_needed()
            page.screenshot(path=str(screenshots / f"arrows-dir-{name}-{lang}-{width}.png"))
            links = page.evaluate(LINKS, nav)
            prev, nxt = links["prev"], links["next"]
            where = f"{name} on {lang} at {width}"
            assert prev["text"].startswith(words[0]) and nxt["text"].startswith(words[1]), where
            # the navigation reads the page's way; "next" points on and sits at its reading end
            assert prev["navDir"] == nxt["navDir"] == ("rtl" if lang == "ar" else "ltr"), where
            assert (nxt["points"], nxt["side"]) == (forward, forward), where
            assert (prev["points"], prev["side"]) == (back, back), where
            assert (nxt["x"] > prev["x"]) == (forward == "right"), where
            # English words on an Arabic page are marked, and only they
            assert (prev["lang"], prev["dir"]) == (nxt["lang"], nxt["dir"]) == marks, where
            assert [describe(v) for v in axe_violations(page, axe_script)] == [], where
        # each navigation's name is in the language it is written in
        chrome = "fr" if lang == "fr" else "en"
        assert page.evaluate(NAME, "nav.series-nav--compact") == [
            "Séries" if lang == "fr" else "Series",
            chrome,
        ]
        assert page.evaluate(NAME, "nav.series-nav:not(.series-nav--compact)") == [
            WORDS[lang][1],
            lang,
        ]
        expect(page.get_by_role("navigation", name=WORDS[lang][1], exact=True)).to_have_count(1)
        page.goto(f"{sites[lang].siteurl}/page/2/")
        assert page.evaluate(NAME, "nav.pagination") == ["Pagination", chrome]
        expect(page.get_by_role("navigation", name="Pagination", exact=True)).to_have_count(1)
    finally:
        context.close()
