"""The old blog's category, tag and author pages redirect to the site's: read from small
WordPress and Blogger exports, planned into content/redirects.txt (REDIRECTS_MAP), and built."""

import pytest

from plugins.importer import archives, blogger, plan, wordpress
from plugins.importer.model import AUTHOR, CATEGORY, TAG, Listing
from tests.conftest import DEV_CONF, TEST_SITEURL, run_pelican
from tests.test_import_site import run_import

CATEGORIES = (
    "<wp:category><wp:term_id>5</wp:term_id><wp:category_nicename>halls</wp:category_nicename>"
    "<wp:category_parent></wp:category_parent><wp:cat_name>Hall Life</wp:cat_name></wp:category>"
    "<wp:category><wp:term_id>6</wp:term_id><wp:category_nicename>events</wp:category_nicename>"
    "<wp:category_parent>halls</wp:category_parent><wp:cat_name>Events</wp:cat_name></wp:category>"
)


def _post(number: int, terms: str, text: str = "Text.", status: str = "publish") -> str:
    return (
        f"<item><title>Post {number}</title>"
        f"<link>http://old.example/blog/2009/01/post-{number}/</link>"
        f"<dc:creator>Ana.Lopez</dc:creator><wp:post_id>{number}</wp:post_id>"
        f"<wp:post_date>2009-01-{number:02d} 10:00:00</wp:post_date>"
        f"<wp:post_name>post-{number}</wp:post_name><wp:status>{status}</wp:status>"
        f"<wp:post_type>post</wp:post_type><content:encoded><![CDATA[{text}]]></content:encoded>"
        f"{terms}</item>"
    )


HALLS = '<category domain="category" nicename="halls">Hall Life</category>'
EVENTS = '<category domain="category" nicename="events">Events</category>'
OSS = '<category domain="post_tag" nicename="oss">Open source</category>'
DRAFTED = '<category domain="post_tag" nicename="later">Later</category>'


def wxr(link_to_a_category: bool = True) -> str:
    """A blog at http://old.example/blog: 11 posts in 'Hall Life' (two pages of WordPress's
    10), one in its subcategory 'Events', a tag whose slug is not its name's, a tag only a
    draft has, all by the login 'Ana.Lopez'; a post links to its category's page under the
    Category base 'topics'."""
    link = '<a href="http://old.example/blog/topics/halls/">more on halls</a>'
    posts = [_post(1, HALLS + OSS, f"See {link}." if link_to_a_category else "Text.")]
    posts += [_post(n, HALLS) for n in range(2, 12)]
    posts += [_post(12, EVENTS), _post(13, HALLS + DRAFTED, status="draft")]
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:wp="http://wordpress.org/export/1.2/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Old</title>'
        "<link>http://old.example/blog</link><wp:wxr_version>1.2</wp:wxr_version>"
        "<wp:base_blog_url>http://old.example/blog</wp:base_blog_url>"
        "<wp:author><wp:author_login>Ana.Lopez</wp:author_login>"
        "<wp:author_display_name>Ana López</wp:author_display_name></wp:author>"
        f"{CATEGORIES}{''.join(posts)}</channel></rss>"
    )


EXPECTED = [
    "/blog/topics/halls/ /category/hall-life/",
    "/blog/topics/halls/page/2/ /category/hall-life/",
    "/blog/topics/halls/feed/ /feeds/category/hall-life.atom.xml",
    "/blog/topics/halls/events/ /category/events/",
    "/blog/topics/halls/events/feed/ /feeds/category/events.atom.xml",
    "/blog/tag/oss/ /tag/open-source/",
    "/blog/tag/oss/feed/ /feeds/tag/open-source.atom.xml",
    "/blog/author/ana-lopez/ /team/ana-lopez/",
    "/blog/author/ana-lopez/page/2/ /team/ana-lopez/",
    "/blog/author/ana-lopez/feed/ /feeds/team/ana-lopez.atom.xml",
]


def _planned(tmp_path, text: str, source=wordpress, name: str = "x.xml") -> plan.Plan:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return plan.make_plan(source.parse(path), plan.Layout(), None)


def _lines(made: plan.Plan) -> list[str]:
    text = made.files["redirects.txt"]
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_wordpress_category_tag_and_author_pages_are_redirected(tmp_path):
    made = _planned(tmp_path, wxr())
    assert _lines(made) == EXPECTED
    assert made.counts["archive redirects"] == len(EXPECTED)
    assert made.archives == [
        "/blog/topics/halls/ → /category/hall-life/ (category 'Hall Life'; and 2 more below it)",
        "/blog/topics/halls/events/ → /category/events/ (category 'Events'; and 1 more below it)",
        "/blog/tag/oss/ → /tag/open-source/ (tag 'Open source'; and 1 more below it)",
        "/blog/author/ana-lopez/ → /team/ana-lopez/ (author 'Ana.Lopez'; and 2 more below it)",
    ]
    # the base came from the post's link, and the report says so; a draft's tag had no page
    assert any(
        "the category pages were at /topics/<category>/, as 1 link" in p for p in made.problems
    )
    assert not [line for line in _lines(made) if "later" in line]


def test_without_a_link_to_them_the_bases_are_wordpress_s_defaults(tmp_path):
    made = _planned(tmp_path, wxr(link_to_a_category=False))
    assert _lines(made)[:2] == [
        "/blog/category/halls/ /category/hall-life/",
        "/blog/category/halls/page/2/ /category/hall-life/",
    ]
    assert not [p for p in made.problems if "pages were at" in p]


def test_an_archive_at_the_address_of_its_page_here_needs_only_its_feed(tmp_path):
    text = wxr(link_to_a_category=False).replace("nicename>halls<", "nicename>hall-life<")
    text = text.replace('nicename="halls"', 'nicename="hall-life"')
    text = text.replace("category_parent>halls<", "category_parent>hall-life<")
    lines = _lines(_planned(tmp_path, text.replace("old.example/blog", "old.example")))
    # /category/hall-life/ and its later pages are the site's own; the feed is elsewhere here
    assert [line for line in lines if "hall-life/" in line.split()[0]] == [
        "/category/hall-life/feed/ /feeds/category/hall-life.atom.xml",
        "/category/hall-life/events/ /category/events/",
        "/category/hall-life/events/feed/ /feeds/category/events.atom.xml",
    ]


def test_with_redirects_map_off_nothing_is_written_and_the_report_says_so(tmp_path):
    path = tmp_path / "x.xml"
    path.write_text(wxr(), encoding="utf-8")
    made = plan.make_plan(wordpress.parse(path), plan.Layout(redirects_map=""), None)
    assert "" not in made.files and not made.archives
    assert (
        f"{len(EXPECTED)} old addresses of the WordPress blog's category, tag and author pages "
        "are not redirected: REDIRECTS_MAP is off in pelicanconf.py"
    ) in made.problems


def test_a_category_only_drafts_have_is_not_redirected(tmp_path):
    """Its page was never public: no line (a draft's tag 'Later' neither, above)."""
    made = _planned(tmp_path, wxr().replace(_post(12, EVENTS), _post(12, EVENTS, status="draft")))
    assert not [line for line in _lines(made) if "events" in line]
    assert len(_lines(made)) == len(EXPECTED) - 2


BLOG = "tag:blogger.com,1999:blog-77"


def atom() -> str:
    """A Blogger backup: two posts with labels (one with a space), a draft with its own."""

    def entry(number: int, labels: list[str], draft: bool = False) -> str:
        cats = "".join(
            f"<category scheme='http://www.blogger.com/atom/ns#' term='{label}'/>"
            for label in labels
        )
        control = "<app:control><app:draft>yes</app:draft></app:control>" if draft else ""
        return (
            f"<entry><id>{BLOG}.post-{number}</id>"
            f"<published>2010-0{number}-01T10:00:00.000+01:00</published>"
            f"<updated>2010-0{number}-01T10:00:00.000+01:00</updated>"
            "<category scheme='http://schemas.google.com/g/2005#kind' "
            "term='http://schemas.google.com/blogger/2008/kind#post'/>"
            f"{cats}<title type='text'>Post {number}</title>"
            f"<content type='html'>Text {number}.</content>{control}"
            "<link rel='alternate' type='text/html' "
            f"href='http://halls.blogspot.com/2010/0{number}/post-{number}.html'/>"
            "<author><name>Ana López</name></author></entry>"
        )

    return (
        "<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom' "
        "xmlns:app='http://purl.org/atom/app#'>"
        f"<id>{BLOG}</id><title type='text'>Halls</title>"
        "<link rel='alternate' type='text/html' href='http://halls.blogspot.com/'/>"
        "<generator version='7.00' uri='http://www.blogger.com'>Blogger</generator>"
        + entry(1, ["Community halls", "Kitchens"])
        + entry(2, ["Kitchens"])
        + entry(3, ["Secret plans"], draft=True)
        + "</feed>"
    )


def test_blogger_label_pages_are_redirected_to_tag_pages(tmp_path):
    made = _planned(tmp_path, atom(), blogger, "blog.xml")
    assert _lines(made) == [
        "/search/label/Community%20halls /tag/community-halls/",
        "/search/label/Kitchens /tag/kitchens/",
    ]
    assert made.archives[0] == (
        "/search/label/Community%20halls → /tag/community-halls/ (tag 'Community halls')"
    )


@pytest.mark.parametrize(
    ("login", "nicename"),
    [
        ("ana", "ana"),
        ("Ana.Lopez", "ana-lopez"),
        ("ana@example.org", "anaexample-org"),
        ("Zoë Brand", "zoe-brand"),
        ("ops_desk", "ops_desk"),
    ],
)
def test_an_author_page_is_at_the_nicename_wordpress_makes_of_the_login(login, nicename):
    assert archives.nicename(login) == nicename


@pytest.mark.parametrize(
    ("listing", "posts", "expected"),
    [
        # elsewhere: the page, WordPress's later pages (10 a page), the feed
        (
            Listing(CATEGORY, "A", "/category/a/", paged=True),
            21,
            ["/category/a/", "/category/a/page/2/", "/category/a/page/3/", "/category/a/feed/"],
        ),
        # at its page's address here: only the feed (the later pages are the site's own)
        (Listing(TAG, "x", "/tag/x/", paged=True), 30, ["/tag/x/feed/"]),
        # Blogger: the label's page only
        (Listing(TAG, "x", "/search/label/x"), 30, ["/search/label/x"]),
        (
            Listing(AUTHOR, "ana", "/author/ana/", paged=True),
            1,
            ["/author/ana/", "/author/ana/feed/"],
        ),
    ],
)
def test_the_addresses_of_a_listing(listing, posts, expected):
    target = "/tag/x/" if listing.kind == TAG else "/elsewhere/"
    found = archives.addresses(listing, target, "/feeds/x.atom.xml", posts)
    assert [old for old, _ in found] == expected


def test_the_imported_site_redirects_them(tmp_path):
    """The command on the small export, then a build: each old page leads to the new one."""
    export = tmp_path / "old.xml"
    export.write_text(wxr(), encoding="utf-8")
    content, output = tmp_path / "content", tmp_path / "output"
    run = run_import(export, content, tmp_path / "comments.db")
    assert run.returncode == 0, run.stderr
    assert "Category, tag and author pages of the old blog redirected to this site's, in " in (
        run.stdout
    )
    assert "  /blog/tag/oss/ → /tag/open-source/ (tag 'Open source'; and 1 more below it)" in (
        run.stdout.splitlines()
    )
    run_pelican(
        DEV_CONF,
        content,
        output,
        SITEURL=TEST_SITEURL,
        FEED_DOMAIN=TEST_SITEURL,
        BLOGCORE_DEFAULT_IMAGE="",
    )
    from bs4 import BeautifulSoup

    for old, new in [line.split() for line in EXPECTED]:
        page = BeautifulSoup(
            (output / old.lstrip("/") / "index.html").read_text(encoding="utf-8"), "html.parser"
        )
        refresh = page.find("meta", attrs={"http-equiv": "refresh"})["content"]
        assert refresh == f"0; url={TEST_SITEURL}{new}", old
        assert (output / new.lstrip("/")).exists() or (
            output / new.lstrip("/") / "index.html"
        ).exists()
    rules = (output / "_redirects").read_text(encoding="utf-8")
    assert "/blog/topics/halls/ /category/hall-life/ 301" in rules
