"""Redirect pages and _redirects built from Redirect_from, on the fixture site."""

import logging
import shutil

import pytest

from pelicanconf import EXTRA_PATH_METADATA, PLUGINS
from plugins.blogcore import sitemap
from sitecheck import feeds, links
from tests.conftest import FIXTURES, TEST_SITEURL, _builder, nu_errors

RANGES_URL = f"{TEST_SITEURL}/posts/ranges/"


def with_key(relpath: str, value: str) -> str:
    """A fixture file with a Redirect_from line after its title."""
    text = (FIXTURES / "site" / relpath).read_text(encoding="utf-8")
    head, rest = text.split("\n", 1)
    return f"{head}\nRedirect_from: {value}\n{rest}"


FILES = {
    # every shape of old URL, for one post (2024-03-10)
    "posts/ranges.md": with_key(
        "posts/ranges.md",
        "/2008/10/ranges.html, /2008/10/29/ranges/, /ranges-old/, /2009/01/02/no-slash, "
        "/?p=123, https://blog.example.test/2008/11/full.html",
    ),
    # a Jekyll page's permalink is its address here too: nothing to redirect, no error
    "pages/about.md": with_key("pages/about.md", "/about-us/, /?page_id=45").replace(
        "Slug: about\n", "Slug: about\nPermalink: /about/\n"
    ),
    # a post moved from Hugo (aliases) or Jekyll (permalink): its old addresses redirect
    "posts/moved.md": "---\ntitle: Moved\ndate: 2025-07-01\ncategory: Company\nauthor: Ada Byrne\n"
    "aliases: [/post/moved/, /2025/07/moved]\npermalink: /2025/07/01/moved.html\n---\n\n"
    "Moved here from another engine.\n",
    # a later post (2025-06-21): the team page and another post's URL are refused, as is
    # an old path ranges.md (older) claimed first
    "posts/garden-party.md": with_key(
        "posts/garden-party.md",
        "/team/, /posts/first-light/, /2008/10/ranges.html, /2010/05/party.html",
    ),
    # a draft and a future post (a draft until its date): nothing at all
    "posts/unfinished-thoughts.md": with_key("posts/unfinished-thoughts.md", "/secret-draft/"),
    "posts/from-the-future.md": with_key("posts/from-the-future.md", "/future-old/, /?p=99"),
}


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The fixture site with redirects, built once, and the warnings and errors it logged."""
    handler = Collect()
    logging.getLogger().addHandler(handler)
    try:
        site = _builder(tmp_path_factory.mktemp("redirects"))(FILES)
    finally:
        logging.getLogger().removeHandler(handler)
    return site, handler.records


def errors_of(records) -> list[str]:
    return [r.getMessage() for r in records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize(
    ("old", "target"),
    [
        ("2008/10/ranges.html", RANGES_URL),
        ("2008/10/29/ranges/", RANGES_URL),
        ("ranges-old/", RANGES_URL),
        ("2009/01/02/no-slash/", RANGES_URL),
        ("2008/11/full.html", RANGES_URL),
        ("about-us/", f"{TEST_SITEURL}/about/"),
        ("2010/05/party.html", f"{TEST_SITEURL}/posts/garden-party/"),
        ("post/moved/", f"{TEST_SITEURL}/posts/moved/"),
        ("2025/07/01/moved.html", f"{TEST_SITEURL}/posts/moved/"),
    ],
)
def test_a_redirect_page_at_each_old_path(built, old, target):
    site, _ = built
    soup = site.soup(old)
    assert soup.html["lang"] == "en"
    refresh = soup.select('meta[http-equiv="refresh"]')
    assert [m["content"] for m in refresh] == [f"0; url={target}"]
    assert [link["href"] for link in soup.select('link[rel="canonical"]')] == [target]
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
    assert [a["href"] for a in soup.select("body a")] == [target]
    assert soup.find("script") is None
    # the page it points at is a real page
    assert site.exists(site.relpath_of(target))
    assert not site.soup(site.relpath_of(target)).select('meta[http-equiv="refresh"]')


def test_the_redirects_file_lists_every_old_url(built):
    site, _ = built
    assert site.text("_redirects").splitlines() == [
        "# Written by the redirects plugin from the posts' Redirect_from and the "
        "REDIRECTS_OLD_*_URLS settings: edit those.",
        "/2008/10/ranges.html /posts/ranges/ 301",
        "/2008/10/29/ranges/ /posts/ranges/ 301",
        "/ranges-old/ /posts/ranges/ 301",
        "/2009/01/02/no-slash /posts/ranges/ 301",
        "/ p=123 /posts/ranges/ 301!",
        "/2008/11/full.html /posts/ranges/ 301",
        "/2010/05/party.html /posts/garden-party/ 301",
        "/post/moved/ /posts/moved/ 301",
        "/2025/07/moved /posts/moved/ 301",
        "/2025/07/01/moved.html /posts/moved/ 301",
        "/about-us/ /about/ 301",
        "/ page_id=45 /about/ 301!",
    ]


def test_mistakes_are_one_line_each_and_real_pages_stay(built):
    site, records = built
    assert errors_of(records) == [
        "content-0/posts/garden-party.md: Redirect_from /team/ is the address of the team "
        "page (AUTHORS_SAVE_AS), which the site writes itself; a redirect never replaces a "
        "page (remove it from Redirect_from)",
        "content-0/posts/garden-party.md: Redirect_from /posts/first-light/ is the address of "
        "content-0/posts/first-light.md, which the site writes itself; a redirect never "
        "replaces a page (remove it from Redirect_from)",
        "content-0/posts/garden-party.md: Redirect_from /2008/10/ranges.html is already "
        "claimed by content-0/posts/ranges.md, which keeps it (remove it from one of them)",
    ]
    for real in ("team/", "posts/first-light/"):
        soup = site.soup(real)
        assert not soup.select('meta[http-equiv="refresh"]'), real
        assert soup.select_one("main h1"), real
    assert "garden-party" not in site.soup("2008/10/ranges.html").select_one("a")["href"]


def test_a_permalink_that_is_the_page_s_own_address_says_nothing(built):
    # about.md's Permalink: /about/ got "write Redirect_from: /about/ instead", though its
    # address is /about/ here too and nothing is redirected
    _, records = built
    said = [r.getMessage() for r in records]
    assert not [m for m in said if "about.md" in m and "Permalink" in m], said
    moved = sorted(m.split(": ", 1)[1] for m in said if "moved.md:" in m)
    assert [m.split(" are ")[0].split(" is ")[0] for m in moved] == [
        "Aliases: /post/moved/, /2025/07/moved",
        "Permalink: /2025/07/01/moved.html",
    ]


def test_drafts_and_future_posts_leave_no_trace(built):
    site, records = built
    for old in ("secret-draft/", "future-old/"):
        assert not site.exists(old)
    redirects = site.text("_redirects")
    for word in ("secret-draft", "future-old", "p=99", "unfinished", "from-the-future"):
        assert word not in redirects
    assert not [r for r in records if "unfinished" in r.getMessage() or "future" in r.getMessage()]


def test_the_sitemap_leaves_redirect_pages_out(built):
    site, _ = built
    assert site.exists("2008/10/ranges.html")
    # noindex is what leaves it out, whichever of blogcore and redirects writes last
    assert not sitemap.read_head(site.text("2008/10/ranges.html")).indexable
    locs = site.text("sitemap.xml")
    assert f"<loc>{RANGES_URL}</loc>" in locs
    for old in ("2008/", "2009/", "2010/", "ranges-old/", "about-us/"):
        assert f"{TEST_SITEURL}/{old}" not in locs


def test_the_link_and_sitemap_gates_stay_green(built):
    site, _ = built
    assert site.exists("2008/10/ranges.html") and site.exists("ranges-old/")
    assert links.check_site(site.output, site.siteurl) == []
    # make check's sitemap gate: every indexable page listed, nothing else
    assert feeds.check_sitemap(site.output, site.siteurl) == []


def test_no_redirects_file_when_turned_off(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site(
        {"posts/ranges.md": with_key("posts/ranges.md", "/2008/10/ranges.html, /?p=5")},
        REDIRECTS_FILE="",
        name="off",
    )
    assert not site.exists("_redirects")
    assert site.exists("2008/10/ranges.html")
    assert [r.getMessage() for r in caplog.records if "Redirect_from" in r.getMessage()] == [
        "off/posts/ranges.md: Redirect_from /?p=5 is not redirected: a static host serves no "
        "page of its own there, and REDIRECTS_FILE is off"
    ]


def test_a_publish_build_with_valid_redirects_passes_and_validates(build_site, tmp_path):
    site = build_site(
        {"posts/ranges.md": with_key("posts/ranges.md", "/2008/10/ranges.html, /?p=123")},
        publish=True,
    )
    soup = site.soup("2008/10/ranges.html")
    assert soup.select_one('meta[http-equiv="refresh"]')["content"] == f"0; url={RANGES_URL}"
    # the site's policy, as on every page (CSP_ENABLED in publishconf.py)
    assert soup.select_one('meta[http-equiv="Content-Security-Policy"]')
    assert "/ p=123 /posts/ranges/ 301!" in site.text("_redirects").splitlines()
    page = tmp_path / "valid" / "ranges.html"
    page.parent.mkdir()
    shutil.copy(site.path("2008/10/ranges.html"), page)
    assert nu_errors(page.parent) == []


def test_a_publish_build_with_a_bad_redirect_fails_with_one_line(build_site, caplog):
    caplog.set_level(logging.ERROR)
    with pytest.raises(SystemExit) as stop:
        build_site(
            {"posts/ranges.md": with_key("posts/ranges.md", "https://elsewhere.example/x/")},
            publish=True,
            name="bad",
        )
    assert stop.value.code == 1
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert errors == [
        "bad/posts/ranges.md: Redirect_from 'https://elsewhere.example/x/' is on another site "
        "(elsewhere.example); only a path of this site (host blog.example.test) can be "
        "redirected (REDIRECTS_OLD_HOSTS)"
    ]


def test_plugin_order_does_not_matter(build_site):
    """Listed first, before blogcore: the same pages, and none in the sitemap."""
    first = ["plugins.redirects", *(p for p in PLUGINS if p != "plugins.redirects")]
    site = build_site(
        {"posts/ranges.md": with_key("posts/ranges.md", "/2008/10/ranges.html, /team/")},
        PLUGINS=first,
        name="first",
    )
    assert site.soup("2008/10/ranges.html").select_one('link[rel="canonical"]')["href"] == (
        RANGES_URL
    )
    assert "2008/10/ranges.html" not in site.text("sitemap.xml")
    assert not site.soup("team/").select('meta[http-equiv="refresh"]')


# An adopted Pelican site's old URL patterns (REDIRECTS_OLD_*_URLS): every published post and
# page gets a redirect from the address each pattern gives it.
OLD_PATTERNS = {
    # the last is each post's address here too: nothing to redirect, nothing said
    "REDIRECTS_OLD_ARTICLE_URLS": (
        "{date:%Y}/{date:%m}/{date:%d}/{slug}/",
        "{slug}.html",
        "posts/{slug}/",
    ),
    "REDIRECTS_OLD_ARTICLE_LANG_URLS": ("{slug}-{lang}.html",),
    "REDIRECTS_OLD_PAGE_URLS": ("pages/{slug}.html",),
}
PATTERN_FILES = {
    # its own Redirect_from gives one of the pattern's addresses too: one redirect, no line
    "posts/ranges.md": with_key("posts/ranges.md", "/2024/03/10/ranges/"),
    # names first-light's old {slug}.html address itself: it keeps it, one warning
    "posts/garden-party.md": with_key("posts/garden-party.md", "/first-light.html"),
    # a German translation of ranges.md: the _LANG_ pattern, not the article ones
    "posts/ranges-de.md": "Title: Buchungen als Bereiche\nDate: 2024-03-12 10:00\n"
    "Category: Engineering\nAuthor: Ada Byrne\nSlug: ranges\nLang: de\n\nAuf Deutsch.\n",
    # a post whose old {slug}.html is a file this site publishes: refused, one error line
    "posts/about-us.md": "Title: About us, then\nDate: 2023-05-01 10:00\nCategory: Company\n"
    "Author: Ada Byrne\nSlug: about-us\n\nOld.\n",
    "extra/about-us.html": "<!doctype html><title>Kept</title><p>Kept.</p>\n",
    # hidden: an old address must not tell that it exists
    "posts/hidden-one.md": "Title: Hidden one\nDate: 2024-05-01 10:00\nCategory: Company\n"
    "Author: Ada Byrne\nSlug: hidden-one\nStatus: hidden\n\nHidden.\n",
}


@pytest.fixture(scope="module")
def patterns_built(tmp_path_factory):
    handler = Collect()
    logging.getLogger().addHandler(handler)
    try:
        site = _builder(tmp_path_factory.mktemp("patterns"))(
            PATTERN_FILES,
            name="pat",
            EXTRA_PATH_METADATA={
                **EXTRA_PATH_METADATA,
                "extra/about-us.html": {"path": "about-us.html"},
            },
            **OLD_PATTERNS,
        )
    finally:
        logging.getLogger().removeHandler(handler)
    return site, handler.records


def pattern_lines(records) -> list[tuple[str, str]]:
    return [(r.levelname, r.getMessage()) for r in records if "REDIRECTS_OLD_" in r.getMessage()]


@pytest.mark.parametrize(
    ("old", "target"),
    [
        # a pattern ending in / is a folder's index.html; in .html, that file
        ("2024/03/10/ranges/", "/posts/ranges/"),
        ("2024/02/01/first-light/", "/posts/first-light/"),
        ("ranges.html", "/posts/ranges/"),
        ("garden-party.html", "/posts/garden-party/"),
        ("2023/05/01/about-us/", "/posts/about-us/"),
        # a translation: the _LANG_ pattern, to the translation
        ("ranges-de.html", "/de/posts/ranges/"),
        # pages: Pelican's default PAGE_URL
        ("pages/about.html", "/about/"),
        # the post's own Redirect_from keeps an address a pattern gives another post
        ("first-light.html", "/posts/garden-party/"),
    ],
)
def test_old_url_patterns_give_each_post_a_redirect_page(patterns_built, old, target):
    site, _ = patterns_built
    assert site.path(old).is_file()
    soup = site.soup(old)
    url = TEST_SITEURL + target
    assert [m["content"] for m in soup.select('meta[http-equiv="refresh"]')] == [f"0; url={url}"]
    assert [a["href"] for a in soup.select("body a")] == [url]
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
    assert not site.soup(target).select('meta[http-equiv="refresh"]')


def test_old_url_patterns_are_lines_of_the_redirects_file(patterns_built):
    site, _ = patterns_built
    assert site.text("_redirects").splitlines() == [
        "# Written by the redirects plugin from the posts' Redirect_from and the "
        "REDIRECTS_OLD_*_URLS settings: edit those.",
        # each post's own Redirect_from first, then the patterns' addresses, oldest post first
        "/2024/03/10/ranges/ /posts/ranges/ 301",
        "/first-light.html /posts/garden-party/ 301",
        "/2023/05/01/about-us/ /posts/about-us/ 301",
        "/2024/02/01/first-light/ /posts/first-light/ 301",
        "/ranges.html /posts/ranges/ 301",
        "/ranges-de.html /de/posts/ranges/ 301",
        "/2025/06/21/garden-party/ /posts/garden-party/ 301",
        "/garden-party.html /posts/garden-party/ 301",
        "/pages/about.html /about/ 301",
    ]


def test_an_old_pattern_address_over_a_real_file_is_one_error_and_the_file_stays(
    patterns_built,
):
    site, records = patterns_built
    assert pattern_lines(records) == [
        (
            "ERROR",
            "pat/posts/about-us.md: REDIRECTS_OLD_ARTICLE_URLS '{slug}.html' gives "
            "/about-us.html as its old address, which is the address of pat/extra/about-us.html "
            "here; a redirect never replaces a page, so that old link shows it, not this post "
            "(give one of them another address, or leave the pattern out)",
        ),
        (
            "WARNING",
            "pat/posts/first-light.md: REDIRECTS_OLD_ARTICLE_URLS '{slug}.html' gives "
            "/first-light.html, which pat/posts/garden-party.md names in its Redirect_from "
            "and keeps",
        ),
    ]
    assert site.soup("about-us.html").select_one("p").get_text() == "Kept."
    assert not site.soup("about-us.html").select('meta[http-equiv="refresh"]')


def test_old_url_patterns_leave_drafts_hidden_and_future_posts_out(patterns_built):
    site, records = patterns_built
    slugs = ("hidden-one", "unfinished-thoughts", "from-the-future")
    for slug in slugs:
        assert not site.exists(f"{slug}.html")
    assert not [
        p
        for p in site.files()
        if any(s in str(p.relative_to(site.output)) for s in ("2099", "2025/01/05", "2024/05/01"))
    ]
    redirects = site.text("_redirects")
    assert not [s for s in slugs if s in redirects]
    assert not [m for _, m in pattern_lines(records) if any(s in m for s in slugs)]


def test_an_old_pattern_field_no_post_has_is_one_line_naming_the_setting(build_site, caplog):
    caplog.set_level(logging.WARNING)
    files = {
        "posts/ranges.md": with_key("posts/ranges.md", "x").replace(
            "Redirect_from: x", "Old_id: 17"
        )
    }
    site = build_site(
        files,
        REDIRECTS_OLD_ARTICLE_URLS=("{slgu}.html", "{slug}/", "{old_id:d}.html"),
        name="field",
    )
    assert pattern_lines(caplog.records) == [
        (
            "ERROR",
            "REDIRECTS_OLD_ARTICLE_URLS '{slgu}.html': {slgu} is not a field of Pelican's URLs "
            "(slug, date, lang, author, category, path) nor a front-matter key of "
            "field/posts/first-light.md, field/posts/ranges.md, field/posts/garden-party.md, "
            "which get no redirect from it (did you mean slug?)",
        ),
        (
            "ERROR",
            "REDIRECTS_OLD_ARTICLE_URLS '{old_id:d}.html': {old_id} is not a field of "
            "Pelican's URLs (slug, date, lang, author, category, path) nor a front-matter key "
            "of field/posts/first-light.md, field/posts/garden-party.md, which get no redirect "
            "from it",
        ),
        (
            "ERROR",
            "REDIRECTS_OLD_ARTICLE_URLS '{old_id:d}.html' gives no old address for "
            "field/posts/ranges.md (field/posts/ranges.md: Unknown format code 'd' for object "
            "of type 'str')",
        ),
    ]
    # the other pattern works; a front-matter key of the post would have been used, as Pelican does
    assert site.exists("ranges/") and site.exists("garden-party/")


@pytest.mark.parametrize(
    ("pattern", "said"),
    [
        ("https://old.example/{slug}.html", "is a full URL"),
        ("{date:%Y}/../{slug}/", "is not a plain path"),
        ("{slug", "is not a URL pattern"),
        ("old-post.html", "names no field"),
    ],
)
def test_a_bad_old_pattern_stops_the_build_with_one_line(build_site, pattern, said):
    with pytest.raises(SystemExit) as stop:
        build_site(REDIRECTS_OLD_ARTICLE_URLS=(pattern,), name="bad-pattern")
    message = str(stop.value.code)
    assert message.startswith(f"Settings error: REDIRECTS_OLD_ARTICLE_URLS {pattern!r}")
    assert said in message and "\n" not in message


def test_a_publish_build_stops_on_an_old_pattern_address_over_a_page(build_site, caplog):
    caplog.set_level(logging.ERROR)
    files = {
        "posts/archives-post.md": "Title: Archives\nDate: 2023-05-01 10:00\nCategory: Company"
        "\nAuthor: Ada Byrne\nSlug: archives\n\nOld.\n"
    }
    with pytest.raises(SystemExit) as stop:
        build_site(files, publish=True, REDIRECTS_OLD_ARTICLE_URLS=("{slug}/",), name="over")
    assert stop.value.code == 1
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR] == [
        "over/posts/archives-post.md: REDIRECTS_OLD_ARTICLE_URLS '{slug}/' gives /archives/ "
        "as its old address, which is the address of the archives page (ARCHIVES_SAVE_AS) "
        "here; a redirect never replaces a page, so that old link shows it, not this post "
        "(give one of them another address, or leave the pattern out)"
    ]


def test_old_pattern_pages_stay_out_of_the_sitemap_and_the_gates_stay_green(patterns_built):
    site, _ = patterns_built
    locs = site.text("sitemap.xml")
    for old in ("2024/03/10/ranges/", "ranges.html", "ranges-de.html", "pages/about.html"):
        assert site.exists(old)
        assert f"{TEST_SITEURL}/{old}<" not in locs
    assert links.check_site(site.output, site.siteurl) == []
    assert feeds.check_sitemap(site.output, site.siteurl) == []


def test_an_old_pattern_only_a_redirects_file_serves_is_one_warning_when_it_is_off(
    build_site, caplog
):
    caplog.set_level(logging.WARNING)
    site = build_site(REDIRECTS_FILE="", REDIRECTS_OLD_ARTICLE_URLS=("{slug}.php",), name="php")
    assert not site.exists("_redirects")
    assert pattern_lines(caplog.records) == [
        (
            "WARNING",
            "REDIRECTS_OLD_ARTICLE_URLS '{slug}.php': /first-light.php, /ranges.php, "
            "/garden-party.php are not redirected: a static host serves no page of its own "
            "there, and REDIRECTS_FILE is off",
        )
    ]
