"""The fixture site built with pelicanconf.py: pages, head metadata, feeds, sitemap."""

import errno
import json
import logging
import os
import pickle
import re
import shutil
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
import rcssmin
import rjsmin
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.readers import HTMLReader

from plugins.blogcore.reader import StrictMarkdownReader
from plugins.blogcore.settings import DEFAULTS
from plugins.blogcore.signals import write_sitemap
from tests.conftest import (
    DEV_CONF,
    FIXTURES,
    ROOT,
    TEST_SITEURL,
    nu_errors,
    run_pelican,
    site_settings,
)

ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PUBLISHED_POSTS = {"first-light", "ranges", "garden-party"}


def test_home_lists_published_posts_newest_first(dev_site):
    soup = dev_site.soup("/")
    links = [a["href"] for a in soup.select("article.post-card h2 a")]
    assert links == [
        f"{TEST_SITEURL}/posts/{s}/" for s in ("garden-party", "ranges", "first-light")
    ]
    card = soup.select_one("article.post-card")
    assert card.select_one("time")["datetime"].startswith("2025-06-21T18:00:00")
    assert "1 min read" in card.select_one(".reading-time").get_text()
    assert "Cleo Park" in card.get_text()
    assert card.select_one(".post-summary").get_text(strip=True) == "A community post."


def test_home_shows_author_monograms(dev_site):
    card = dev_site.soup("/").select("article.post-card")[1]  # "ranges": two authors
    assert [a.get_text(strip=True) for a in card.select(".avatar")] == ["AB", "BL"]


@pytest.mark.parametrize(
    ("authors", "byline"),
    [
        ("Ada Byrne, Bo Lindqvist", "Ada Byrne and Bo Lindqvist"),
        ("Ada Byrne, Bo Lindqvist, Cleo Park", "Ada Byrne, Bo Lindqvist and Cleo Park"),
    ],
)
def test_a_byline_has_no_space_before_its_commas(build_site, authors, byline):
    """Before: three authors read "Ada Byrne , Bo Lindqvist and Cleo Park" (the template's
    line break before each comma showed as a space)."""
    site = build_site(
        {
            "posts/together.md": f"Title: Together\nDate: 2025-01-01 10:00\nAuthors: {authors}\n"
            "Slug: together\nSummary: Many hands.\n\nText.\n"
        }
    )
    card = next(c for c in site.soup("/").select(".post-card") if "Together" in c.h2.get_text())
    for where in (site.soup("posts/together/"), card):  # the article and its card on the home
        names = where.select_one(".post-meta__authors")
        for monogram in names.select(".avatar"):
            monogram.decompose()
        assert " ".join(names.get_text().split()) == byline


@pytest.mark.parametrize(
    ("modified", "shown"),
    [("2024-05-01 17:40", False), ("2024-05-02 08:00", True), ("2024-05-01 09:00", False)],
)
def test_updated_is_shown_only_on_another_day(build_site, modified, shown):
    # "1 May 2024 · Updated 1 May 2024" told the reader nothing (probe 23, nit)
    post = (
        f"Title: Same day\nDate: 2024-05-01 09:00\nModified: {modified}\nCategory: Company\n"
        "Author: Ada Byrne\nSlug: same-day\n\nA few words.\n"
    )
    site = build_site({"posts/same-day.md": post}, fixture=None)
    meta = site.soup("posts/same-day/").select_one("article .post-meta__details")
    assert meta.select_one("time.published")
    assert (meta.select_one("time.modified") is not None) is shown


def test_every_page_has_landmarks_skip_link_and_language(dev_site):
    for relpath in ("/", "posts/ranges/", "about/", "tag/offsite/", "team/", "archives/"):
        soup = dev_site.soup(relpath)
        assert soup.html["lang"] == "en", relpath
        skip = soup.select_one("a.skip-link")
        assert skip is not None and skip["href"] == "#main", relpath
        assert soup.select_one("main#main"), relpath
        assert soup.select_one("header") and soup.select_one("footer"), relpath
        assert soup.select_one("nav[aria-label]"), relpath
        assert soup.title.get_text(strip=True), relpath


def test_article_page(dev_site):
    soup = dev_site.soup("posts/ranges/")
    post = soup.select_one("article.post")
    assert post.select_one("h1").get_text(strip=True) == "Bookings as ranges"
    assert post.select_one("time.published")["datetime"].startswith("2024-03-10T14:30:00")
    assert post.select_one("time.modified")["datetime"].startswith("2024-04-02T08:15:00")
    assert post.select_one(".post-content .highlight pre[tabindex='0']")  # scrollable by keyboard
    assert {a.get_text(strip=True) for a in post.select(".post-tags a[rel~=tag]")} == {
        "postgresql",
        "python",
    }
    cards = soup.select(".author-card a[href]")
    hrefs = {a["href"] for a in cards}
    assert f"{TEST_SITEURL}/team/ada-byrne/" in hrefs
    assert f"{TEST_SITEURL}/team/bo-lindqvist/" in hrefs
    # the category once, above the title (h-entry's p-category), not again in the byline
    header = post.select_one(".post-header")
    category = header.select("a[href$='/category/engineering/']")
    assert [(a.get_text(), a["class"]) for a in category] == [("Engineering", ["p-category"])]
    # a list of posts still names each one's category in its byline
    home = dev_site.soup("").select_one(f".post-card:has(a[href='{TEST_SITEURL}/posts/ranges/'])")
    assert home.select_one(".post-meta__category").get_text() == "Engineering"


def test_article_head_metadata(dev_site):
    soup = dev_site.soup("posts/first-light/")
    url = f"{TEST_SITEURL}/posts/first-light/"
    assert soup.select_one("link[rel=canonical]")["href"] == url

    def meta(prop: str) -> str:
        tag = soup.select_one(f'meta[property="{prop}"]') or soup.select_one(f'meta[name="{prop}"]')
        assert tag is not None, prop
        return tag["content"]

    assert meta("og:title") == "First light"
    assert meta("og:type") == "article"
    assert meta("og:url") == url
    # its only image is an SVG diagram: social cards show the site's card instead (covers)
    assert meta("og:image") == f"{TEST_SITEURL}/images/social-card.png"
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["image"] == f"{TEST_SITEURL}/images/social-card.png"
    assert meta("description") == "The opening post of the fixture site."
    assert meta("twitter:card").startswith("summary")
    assert meta("article:published_time").startswith("2024-02-01T09:00:00")


def test_article_json_ld(dev_site):
    soup = dev_site.soup("posts/ranges/")
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == "Bookings as ranges"
    assert data["url"] == f"{TEST_SITEURL}/posts/ranges/"
    assert data["datePublished"].startswith("2024-03-10T14:30:00")
    assert data["dateModified"].startswith("2024-04-02T08:15:00")
    assert [a["name"] for a in data["author"]] == ["Ada Byrne", "Bo Lindqvist"]


def test_reading_time_counts_prose_not_code(build_site):
    body = " ".join(["word"] * 700)
    code = "\n".join(["    x = 1"] * 2000)
    site = build_site(
        {"posts/long.md": f"Title: Long\nDate: 2024-01-01\n\n{body}\n\n{code}\n"},
        BLOGCORE_WORDS_PER_MINUTE=200,
    )
    assert "4 min read" in site.soup("posts/long/").select_one(".reading-time").get_text()


@pytest.mark.parametrize(
    ("feed", "titles"),
    [
        ("feeds/all.atom.xml", {"First light", "Bookings as ranges", "The garden party"}),
        ("feeds/category/engineering.atom.xml", {"Bookings as ranges"}),
        ("feeds/tag/offsite.atom.xml", {"First light", "The garden party"}),
        ("feeds/team/ada-byrne.atom.xml", {"First light", "Bookings as ranges"}),
    ],
)
def test_feeds_are_atom_with_the_right_entries(dev_site, feed, titles):
    root = ET.fromstring(dev_site.path(feed).read_bytes())
    assert root.tag == f"{ATOM}feed"
    assert {e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")} == titles


def _entry_ids(root: ET.Element, ns: str, entry: str, link: str, key: str) -> dict[str, str]:
    """Each entry's link -> its id, as a feed gives them (Atom ``id``, RSS ``guid``)."""
    found = {}
    for item in root.iter(f"{ns}{entry}"):
        href = item.find(f"{ns}link")
        found[href.get("href") if link == "href" else href.text] = item.findtext(f"{ns}{key}")
    return found


def _tag_uri(link: str, day: str) -> str:
    """Pelican's id of a post in a feed (feedgenerator's get_tag_uri): host, day, path."""
    parts = urlsplit(link)
    return f"tag:{parts.hostname},{day}:{parts.path}"


def test_each_feed_has_its_own_id_and_entries_keep_theirs(dev_site):
    """Every feed's <id> was the site's address, so all posts, each category, tag, author,
    series and language shared one, and a feed reader keying feeds by it could merge them."""
    feeds = dev_site.files(".xml")
    feeds = [f for f in feeds if f.name.endswith(".atom.xml")]
    assert len(feeds) > 5
    ids = []
    for path in feeds:
        root = ET.fromstring(path.read_bytes())
        own = f"{TEST_SITEURL}/{path.relative_to(dev_site.output).as_posix()}"
        assert root.findtext(f"{ATOM}id") == own
        assert root.find(f"{ATOM}link[@rel='self']").get("href") == own
        ids.append(root.findtext(f"{ATOM}id"))
        for item in root.iter(f"{ATOM}entry"):
            link = item.find(f"{ATOM}link").get("href")
            day = item.findtext(f"{ATOM}published")[:10]
            assert item.findtext(f"{ATOM}id") == _tag_uri(link, day)  # as Pelican gives it
    assert len(set(ids)) == len(ids)


def test_rss_feeds_keep_their_entries_guids(build_site):
    """RSS has no feed-level id (its channel's atom:link rel=self is its own address); its
    items' guids are the Atom entries' ids, untouched."""
    site = build_site(FEED_ALL_RSS="feeds/all.rss.xml", CATEGORY_FEED_RSS="feeds/{slug}.rss.xml")
    atom = ET.fromstring(site.path("feeds/all.atom.xml").read_bytes())
    atom_ids = _entry_ids(atom, ATOM, "entry", "href", "id")
    for name in ("feeds/all.rss.xml", "feeds/engineering.rss.xml"):
        channel = ET.fromstring(site.path(name).read_bytes()).find("channel")
        assert channel.find("guid") is None and channel.find("id") is None
        assert channel.find(f"{ATOM}link[@rel='self']").get("href") == f"{TEST_SITEURL}/{name}"
        guids = _entry_ids(channel, "", "item", "text", "guid")
        assert guids and all(atom_ids[link] == guid for link, guid in guids.items())


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        ("/", "feeds/all.atom.xml"),
        ("category/engineering/", "feeds/category/engineering.atom.xml"),
        ("tag/offsite/", "feeds/tag/offsite.atom.xml"),
        ("team/ada-byrne/", "feeds/team/ada-byrne.atom.xml"),
    ],
)
def test_feeds_are_linked_from_head(dev_site, page, feed):
    hrefs = [
        link["href"]
        for link in dev_site.soup(page).select(
            'head link[rel=alternate][type="application/atom+xml"]'
        )
    ]
    assert f"{TEST_SITEURL}/{feed}" in hrefs


def test_footer_years_span_published_posts(dev_site):
    footer = dev_site.soup("about/").select_one("footer").get_text(" ", strip=True)
    assert "© 2024–2025" in footer  # the 2099 post is not published


def test_page_kinds_exist(dev_site):
    for relpath in (
        "about/",
        "category/engineering/",
        "category/",
        "tag/python/",
        "tag/",
        "team/",
        "team/cleo-park/",
        "archives/",
        "archives/2024/",
        "404.html",
    ):
        assert dev_site.exists(relpath), relpath
    archive_years = [h.get_text(strip=True) for h in dev_site.soup("archives/").select("main h2")]
    assert archive_years == ["2025", "2024"]


def test_the_posts_folder_lists_every_post(dev_site, tmp_path):
    # a reader who trims /posts/ranges/ to /posts/ got a 404: it is the archives there, one
    # page to search engines (its canonical link), and as valid as the archives are
    posts = dev_site.soup("posts/")
    archives = dev_site.soup("archives/")
    listed = [a["href"] for a in posts.select("main section.archive-year li a[href*='/posts/']")]
    assert listed == [
        a["href"] for a in archives.select("main section.archive-year li a[href*='/posts/']")
    ]
    assert set(listed) == {
        f"{TEST_SITEURL}/posts/{slug}/" for slug in ("first-light", "garden-party", "ranges")
    }
    assert posts.select_one("link[rel=canonical]")["href"] == f"{TEST_SITEURL}/archives/"
    assert posts.select_one("main h1").get_text(strip=True) == "Archives"
    # in one language, no other list to name: no hreflang link (tests/test_i18n_site.py)
    assert posts.select("head link[rel=alternate][hreflang]:not([type])") == []
    # the menu marked Archives as the current page, though the reader is at /posts/
    assert posts.select("nav.site-nav [aria-current]") == []
    current = archives.select("nav.site-nav a[aria-current=page]")
    assert [a["href"] for a in current] == [f"{TEST_SITEURL}/archives/"]
    root = ET.fromstring(dev_site.path("sitemap.xml").read_bytes())
    urls = {loc.text for loc in root.iter(f"{SM}loc")}
    assert f"{TEST_SITEURL}/archives/" in urls
    assert f"{TEST_SITEURL}/posts/" not in urls
    page = tmp_path / "posts" / "index.html"
    page.parent.mkdir()
    page.write_bytes(dev_site.path("posts/").read_bytes())
    assert nu_errors(page.parent) == []


def test_a_page_of_the_site_at_posts_keeps_its_address(build_site, caplog):
    # the archives' copy at /posts/ came after it: the page was skipped, "already taken"
    caplog.set_level(logging.WARNING)
    page = "Title: Our posts\nSlug: posts\n\nHow we write them.\n"
    site = build_site({"pages/posts.md": page}, name="posts-page")
    assert site.soup("posts/").select_one("main h1").get_text(strip=True) == "Our posts"
    assert not [m for m in caplog.messages if "posts-page/pages/posts.md" in m]


def test_posts_is_the_archives_again_in_the_next_build_once_the_page_is_gone(tmp_path):
    """Two builds in one process with one settings dict, as ``pelican --autoreload`` runs
    them: blogcore cleared POSTS_SAVE_AS in the settings when a page took /posts/, so the
    next build, the page gone, wrote no /posts/ (a 404 until the process restarted)."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    page = content / "pages" / "posts.md"
    page.write_text("Title: Our posts\nSlug: posts\n\nHow we write them.\n", encoding="utf-8")
    settings = site_settings(DEV_CONF, content, tmp_path / "output", SITEURL=TEST_SITEURL)
    pelican = Pelican(settings)
    pelican.run()
    posts = tmp_path / "output" / "posts" / "index.html"
    soup = BeautifulSoup(posts.read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("main h1").get_text(strip=True) == "Our posts"
    page.unlink()
    pelican.run()
    assert posts.is_file(), "/posts/ was not written"
    soup = BeautifulSoup(posts.read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("main h1").get_text(strip=True) == "Archives"
    assert soup.select_one("link[rel=canonical]")["href"] == f"{TEST_SITEURL}/archives/"
    assert settings["POSTS_SAVE_AS"] == "posts/index.html"  # as the settings file gives it


def test_not_found_page_is_noindex_with_absolute_links(dev_site):
    soup = dev_site.soup("404.html")
    assert soup.select_one('meta[name=robots][content*="noindex"]')
    for a in soup.select("main a[href]"):
        assert a["href"].startswith(TEST_SITEURL), a["href"]


def test_pagination(build_site):
    site = build_site(DEFAULT_PAGINATION=2)
    first = site.soup("/")
    assert len(first.select("article.post-card")) == 2
    nxt = first.select_one("nav.pagination a[rel=next]")
    assert nxt["href"] == f"{TEST_SITEURL}/page/2/"
    second = site.soup("page/2/")
    assert len(second.select("article.post-card")) == 1
    assert second.select_one("nav.pagination a[rel=prev]")["href"] == f"{TEST_SITEURL}/"


def test_sitemap_lists_exactly_the_indexable_pages(dev_site):
    root = ET.fromstring(dev_site.path("sitemap.xml").read_bytes())
    urls = {loc.text for loc in root.iter(f"{SM}loc")}
    html_pages = {
        dev_site.relpath_of(f"{TEST_SITEURL}/{p.relative_to(dev_site.output).as_posix()}")
        for p in dev_site.files(".html")
    }
    expected = {
        TEST_SITEURL + p.removesuffix("index.html")
        for p in html_pages
        # /posts/ is the archives again, its canonical link /archives/: listed once, as that
        if p not in ("/404.html", "/posts/index.html") and not p.startswith("/drafts/")
    }
    assert urls == expected
    assert f"{TEST_SITEURL}/posts/ranges/" in urls
    ranges = next(u for u in root.iter(f"{SM}url") if u.findtext(f"{SM}loc").endswith("/ranges/"))
    assert ranges.findtext(f"{SM}lastmod").startswith("2024-04-02")


def test_robots_txt_points_at_the_sitemap(dev_site):
    lines = dev_site.text("robots.txt").splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /drafts/" in lines  # a development build's previews
    assert f"Sitemap: {TEST_SITEURL}/sitemap.xml" in lines


def test_a_published_robots_txt_names_no_drafts_folder(published_site):
    # a publish writes no drafts: the line only told crawlers where unpublished posts would be
    lines = published_site.text("robots.txt").splitlines()
    assert lines == [
        "User-agent: *",
        "Allow: /",
        "",
        f"Sitemap: {TEST_SITEURL}/sitemap.xml",
    ]


def test_assets_are_minified_and_fingerprinted(dev_site):
    soup = dev_site.soup("/")
    css = soup.select_one('link[rel=stylesheet][href*="/theme/css/"]')["href"]
    js = soup.select_one('script[src*="/theme/js/"]')["src"]
    for url in (css, js):
        name = url.rsplit("/", 1)[1]
        assert len(name.split(".")) >= 4, f"{name} has no fingerprint"  # site.<hash>.min.css
        assert dev_site.path(dev_site.relpath_of(url)).stat().st_size > 0
    assert not soup.select("script:not([src])") or all(
        s.get("type") == "application/ld+json" for s in soup.select("script:not([src])")
    )


def test_each_bundle_is_its_sources_merged_in_order_and_minified(dev_site):
    """The page links files that exist, each the minified concatenation of its sources."""
    bundles = DEFAULTS["BLOGCORE_BUNDLES"]
    static = ROOT / "theme" / "assets"
    soup = dev_site.soup("posts/ranges/")
    links = {
        "css": soup.select_one('link[rel=stylesheet][href*="/theme/css/"]')["href"],
        "js": soup.select_one('script[src*="/theme/js/"]')["src"],
    }
    minify = {"css": rcssmin.cssmin, "js": rjsmin.jsmin}
    for name, url in links.items():
        built = dev_site.text(dev_site.relpath_of(url))
        sources = [(static / f).read_text(encoding="utf-8") for f in bundles[name]["contents"]]
        assert built == minify[name]("\n".join(sources)), name
        assert url.endswith(".min." + name) and len(url.rsplit("/", 1)[1].split(".")) == 4
    assert soup.select('link[rel=stylesheet][href*="/theme/"]')[0]["href"] == links["css"]
    # the serve-only bundle is built only in builds that link it
    assert not list(dev_site.output.glob("theme/js/devserver.*.min.js"))


def test_the_theme_publishes_its_bundles_not_their_sources(dev_site):
    """Only what pages load: the bundles and the favicon, never the sources or devserver.js."""
    published = sorted(
        p.relative_to(dev_site.output / "theme").as_posix()
        for p in (dev_site.output / "theme").rglob("*")
        if p.is_file()
    )
    assert len(published) == 3, published
    assert re.fullmatch(r"css/site\.[0-9a-f]{8}\.min\.css", published[0]), published
    assert published[1] == "favicon.svg"
    assert re.fullmatch(r"js/site\.[0-9a-f]{8}\.min\.js", published[2]), published


def test_nothing_hidden_is_deployed(dev_site):
    hidden = [p for p in dev_site.output.rglob(".*")]
    assert hidden == [], hidden


def test_markdown_tables_carry_no_inline_style(build_site):
    table = "| name | count |\n|:---|---:|\n| a | 1 |\n"
    site = build_site({"posts/t.md": f"Title: Table\nDate: 2024-01-01\n\n{table}"})
    soup = site.soup("posts/table/")
    assert not soup.select(".post-content [style]")
    assert [td["class"] for td in soup.select(".post-content td")] == [
        ["align-left"],
        ["align-right"],
    ]


def test_drafts_are_previewable_in_dev_but_never_listed(dev_site):
    draft = dev_site.soup("drafts/posts/unfinished-thoughts/")
    assert draft.select_one('meta[name=robots][content*="noindex"]')
    for relpath in ("/", "archives/", "tag/news/", "feeds/all.atom.xml"):
        assert "unfinished-thoughts" not in dev_site.text(relpath), relpath
    assert not dev_site.exists("posts/from-the-future/")


HOSTILE_HTML_POST = """<html><head><title>Raw HTML</title>
<meta name="date" content="2024-02-02" /><meta name="word_count" content="5" /></head>
<body><p>Plain words here.</p><script>alert(1)</script><img src="x.png" onerror="alert(2)">
</body></html>
"""


def test_every_reader_output_is_sanitised_also_from_the_cache(tmp_path, monkeypatch):
    """Markdown is cleaned by our reader (and cached so); other readers' HTML on init."""
    content, output = tmp_path / "content", tmp_path / "out"
    (content / "posts").mkdir(parents=True)
    (content / "posts" / "raw.html").write_text(HOSTILE_HTML_POST)
    (content / "posts" / "md.md").write_text(
        "Title: Md\nDate: 2024-02-03\n\nHi <script>alert(3)</script>\n"
    )
    cache = {"LOAD_CONTENT_CACHE": True, "CACHE_CONTENT": True, "SITEURL": TEST_SITEURL}
    for round_ in ("read", "cached"):
        run_pelican(DEV_CONF, content, output, CACHE_PATH=str(tmp_path / "cache"), **cache)
        for page in ("posts/raw-html/index.html", "posts/md/index.html"):
            html = (output / page).read_text()
            assert "<script>alert" not in html and "onerror" not in html, round_
        soup = BeautifulSoup((output / "posts/raw-html/index.html").read_text(), "html.parser")
        assert "1 min read" in soup.select_one(".reading-time").get_text()

        def unread(*args, **kwargs):
            raise AssertionError("the second build must take every post from the cache")

        monkeypatch.setattr(StrictMarkdownReader, "read", unread)
        monkeypatch.setattr(HTMLReader, "read", unread)


def test_compiled_templates_are_kept_between_builds(build_site, tmp_path):
    cache = tmp_path / "template-cache"
    build_site(CACHE_PATH=str(cache))
    compiled = list((cache / "jinja").glob("*/__jinja2_*.cache"))  # a folder per memo code
    assert len(compiled) > 5
    site = build_site(CACHE_PATH=str(cache))  # loads them: same pages
    assert site.soup("posts/ranges/").select_one("article h1")


def test_sitemap_rereads_only_pages_that_changed(tmp_path):
    site, cache = tmp_path / "out", tmp_path / "cache" / "sitemap.pickle"
    (site / "a").mkdir(parents=True)
    page = '<html><head><link rel="canonical" href="{}"></head><body>x</body></html>'
    (site / "a" / "index.html").write_text(page.format("https://x.test/a/"))
    (site / "b.html").write_text(page.format("https://x.test/b.html"))
    assert write_sitemap(str(site), "https://x.test", "sitemap.xml", str(cache)) == 2
    # a cached head is trusted while its page's size and time are unchanged...
    known = pickle.loads(cache.read_bytes())
    assert known["output"] == str(site)
    pages = known["pages"]
    pages["b.html"] = (pages["b.html"][0], (True, "https://x.test/from-cache", None, ()))
    cache.write_bytes(pickle.dumps(known))
    write_sitemap(str(site), "https://x.test", "sitemap.xml", str(cache))
    assert "https://x.test/from-cache" in (site / "sitemap.xml").read_text()
    # ...and a rewritten page is read again
    (site / "b.html").write_text(page.format("https://x.test/b-moved.html"))
    write_sitemap(str(site), "https://x.test", "sitemap.xml", str(cache))
    text = (site / "sitemap.xml").read_text()
    assert "b-moved.html" in text and "from-cache" not in text


def test_summaries_shown_as_cards_repeat_no_id(build_site):
    # every post's footnote is fn:1 (and its marker fnref:1): two short posts' summaries on
    # one page gave two of each, and a click on the second "1" went to the first post's
    def post(title: str, day: int) -> str:
        return (
            f"Title: {title}\nDate: 2026-03-0{day} 09:00\nCategory: Engineering\n"
            "Tags: postgresql\nAuthor: Ada Byrne\n\nEvery booking is a range[^1].\n\n"
            "## Why ranges\n\nTwo bookings never overlap.\n\n[^1]: A `tstzrange`.\n"
        )

    site = build_site({"posts/a.md": post("Ranges A", 1), "posts/b.md": post("Ranges B", 2)})
    for page in ("/", "tag/postgresql/", "posts/ranges-b/"):  # the last: related reading
        soup = site.soup(page)
        ids = [tag["id"] for tag in soup.select("[id]")]
        assert len(ids) == len(set(ids)), page
        for link in soup.select("a[href^='#fn']"):  # only the page's own footnotes
            assert soup.find(id=link["href"][1:]), (page, link)
    card = site.soup("/").select_one(".post-summary")
    assert "Every booking is a range." in card.get_text(" ", strip=True)


def test_no_bundle_manifest_nor_sitemap_cache_piles_up_in_the_cache(build_site, tmp_path):
    # one bundles-<hash of the output folder>.json and one sitemap-<hash>.pickle a build, so
    # new ones per publish (each has a folder of its own), never removed (probe 16, 10: 42
    # after one session; 264 of each in a checkout used for a day)
    cache = tmp_path / "cache"
    (cache / "blogcore").mkdir(parents=True)
    (cache / "blogcore" / "bundles-0123456789abcdef.json").write_text("{}")  # an earlier one
    gone = {"output": str(tmp_path / "removed-publish"), "pages": {}}
    (cache / "blogcore" / "sitemap-0123456789abcdef.pickle").write_bytes(pickle.dumps(gone))
    (cache / "blogcore" / "sitemap-fedcba9876543210.pickle").write_bytes(pickle.dumps({}))
    kept = tmp_path / "serve-folder"  # another output folder, still there (make serve's)
    kept.mkdir()
    (cache / "blogcore" / "sitemap-1111111111111111.pickle").write_bytes(
        pickle.dumps({"output": str(kept), "pages": {}})
    )
    site = build_site(CACHE_PATH=str(cache))
    assert list(site.output.glob("theme/css/site.*.min.css"))
    assert not list(cache.rglob("bundles-*.json"))
    left = sorted(p.name for p in (cache / "blogcore").glob("sitemap-*.pickle"))
    assert len(left) == 2 and "sitemap-1111111111111111.pickle" in left, left


def test_a_full_disk_under_the_template_cache_names_its_folder(tmp_path, caplog):
    # Jinja writes its compiled templates itself: the line was a traceback through Jinja
    # ending in "OSError: [Errno 28] No space left on device" (probe 16, 7); a cache that
    # cannot be written now stops nothing: one warning naming its folder (probe 22, 8)
    from plugins.blogcore.bytecode import NamedBytecodeCache
    from plugins.blogcore.compat import filter_pass_arg

    class NoSpace:  # a compiled template whose bytes find no space (what write() raises)
        key = "0123abcd"

        def write_bytecode(self, handle):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    cache = NamedBytecodeCache(str(tmp_path), filter_pass_arg)
    with caplog.at_level(logging.WARNING):
        cache.dump_bytecode(NoSpace())
        cache.dump_bytecode(NoSpace())  # said once
    [line] = [r.getMessage() for r in caplog.records]
    assert line.startswith(f"{tmp_path}: cannot write in it: No space left on device (the disk")
    assert os.listdir(tmp_path) == []  # no half-written file left
