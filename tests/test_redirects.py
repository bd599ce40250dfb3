"""The redirects plugin's pure logic: old URLs read and normalised, who keeps each, the lines."""

import datetime

import pytest

from plugins.redirects import paths
from plugins.redirects.settings import SettingsError, configure

SITE = "https://blog.example.test"
BLOG = "https://ex.test/blog"  # a SITEURL under a folder


@pytest.mark.parametrize(
    ("text", "siteurl", "path", "query", "output"),
    [
        # Blogger
        ("/2008/10/slug.html", SITE, "/2008/10/slug.html", (), "2008/10/slug.html"),
        # WordPress pretty permalinks, with and without the final slash
        ("/2008/10/29/slug/", SITE, "/2008/10/29/slug/", (), "2008/10/29/slug/index.html"),
        ("/2008/10/29/slug", SITE, "/2008/10/29/slug", (), "2008/10/29/slug/index.html"),
        ("/slug/", SITE, "/slug/", (), "slug/index.html"),
        # WordPress plain permalinks: only a _redirects line (one file serves every query)
        ("/?p=123", SITE, "/", ("p=123",), None),
        ("/?page_id=45", SITE, "/", ("page_id=45",), None),
        ("/index.php?p=7&cat=2", SITE, "/index.php", ("p=7", "cat=2"), None),
        # another suffix: a static host would not serve it as HTML
        ("/feed.php", SITE, "/feed.php", (), None),
        ("/old.HTM", SITE, "/old.HTM", (), "old.HTM"),
        # non-ASCII, written or already encoded: one form in _redirects, the file decoded
        ("/café/", SITE, "/caf%C3%A9/", (), "café/index.html"),
        ("/caf%C3%A9/", SITE, "/caf%C3%A9/", (), "café/index.html"),
        # a full URL on this site's host: its path
        (f"{SITE}/2008/10/slug.html", SITE, "/2008/10/slug.html", (), "2008/10/slug.html"),
        ("HTTP://Blog.Example.Test/?p=9", SITE, "/", ("p=9",), None),
        ("https://blog.example.test", SITE, "/", (), "index.html"),
        # SITEURL under a folder: the path below it
        (f"{BLOG}/2008/x/", BLOG, "/2008/x/", (), "2008/x/index.html"),
        # an old host listed in REDIRECTS_OLD_HOSTS
        ("http://tess.blogspot.com/2008/10/x.html", SITE, "/2008/10/x.html", (), "2008/10/x.html"),
    ],
)
def test_old_paths_are_normalised(text, siteurl, path, query, output):
    old = paths.parse(text, siteurl, ("tess.blogspot.com",))
    assert (old.path, old.query, old.output) == (path, query, output)


@pytest.mark.parametrize(
    ("text", "siteurl", "expected"),
    [
        ("https://elsewhere.example/2008/x/", SITE, "is on another site (elsewhere.example)"),
        ("https://ex.test/other/x/", BLOG, "is outside this site"),
        ("ftp://blog.example.test/x/", SITE, "is not a path of this site"),
        ("mailto:someone@example.test", SITE, "is not a path of this site"),
        ("2008/10/slug.html", SITE, "must start with /"),
        ("/2008/../secret/", SITE, "is not a plain path"),
        ("/2008/%2e%2e/secret/", SITE, "is not a plain path"),
        ("/./x/", SITE, "is not a plain path"),
        ("/a//b/", SITE, "is not a plain path"),
        ("/2008\\10\\slug.html", SITE, "has a backslash"),
        ("/2008%5C10/", SITE, "has a backslash"),
        ("/old page/", SITE, "has a space in it"),
        ("/x/#comments", SITE, "has a #fragment"),
        ("/?p", SITE, "each query parameter must be key=value"),
    ],
)
def test_bad_old_paths_say_what_is_expected(text, siteurl, expected):
    with pytest.raises(paths.PathError) as error:
        paths.parse(text, siteurl)
    assert expected in str(error.value)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/a/, /b.html ,/?p=1", ["/a/", "/b.html", "/?p=1"]),
        ("/a/", ["/a/"]),
        (["/a/", "/b/, /c/"], ["/a/", "/b/", "/c/"]),
        (" , ", []),
        ("", []),
    ],
)
def test_a_value_lists_paths_separated_by_commas(value, expected):
    assert paths.split_value(value) == expected


def _wanted(text: str, owner: str, target: str) -> paths.Wanted:
    return paths.Wanted(paths.parse(text, SITE), owner, target)


def test_a_path_the_site_writes_itself_is_refused():
    kept, refused = paths.plan(
        [_wanted("/team/", "content/posts/a.md", "/posts/a/")],
        {"team/index.html": "the team page (AUTHORS_SAVE_AS)"},
    )
    assert kept == []
    assert [r.message for r in refused] == [
        "content/posts/a.md: Redirect_from /team/ is the address of the team page "
        "(AUTHORS_SAVE_AS), which the site writes itself; a redirect never replaces a page "
        "(remove it from Redirect_from)"
    ]


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("/_headers", "the headers file"),  # a folder _headers/ where a file is written
        ("/theme/css/old/", "the theme's files"),  # inside a folder the site fills
        ("/posts/a/", "content/posts/a.md"),
        ("/posts/a/index.html", "content/posts/a.md"),
    ],
)
def test_a_path_inside_or_over_the_site_s_own_files_is_refused(text, owner):
    taken = {
        "_headers": "the headers file",
        "theme/": "the theme's files",
        "posts/a/index.html": "content/posts/a.md",
    }
    kept, refused = paths.plan([_wanted(text, "content/posts/b.md", "/posts/b/")], taken)
    assert kept == []
    assert [f"is the address of {owner}," in r.message for r in refused] == [True]


def test_the_first_claim_keeps_a_path_the_next_is_reported():
    first = _wanted("/2008/10/x.html", "content/posts/old.md", "/posts/old/")
    second = _wanted("/2008/10/x.html", "content/posts/new.md", "/posts/new/")
    kept, refused = paths.plan([first, second], {})
    assert kept == [first]
    assert [r.message for r in refused] == [
        "content/posts/new.md: Redirect_from /2008/10/x.html is already claimed by "
        "content/posts/old.md, which keeps it (remove it from one of them)"
    ]


def test_two_spellings_of_one_file_are_one_claim():
    first = _wanted("/x/", "content/posts/a.md", "/posts/a/")
    second = _wanted("/x/index.html", "content/posts/b.md", "/posts/b/")
    kept, refused = paths.plan([first, second], {})
    assert kept == [first]
    assert len(refused) == 1


def test_one_item_naming_a_path_twice_keeps_it_once_silently():
    one = _wanted("/x/", "content/posts/a.md", "/posts/a/")
    kept, refused = paths.plan([one, one], {})
    assert (kept, refused) == ([one], [])


def test_redirects_lines_force_query_rules_only():
    kept = [
        _wanted("/2008/10/x.html", "a", "/posts/x/"),
        _wanted("/?p=123", "a", "/posts/x/"),
        _wanted("/index.php?p=7&cat=2", "a", "/posts/x/"),
    ]
    assert paths.redirects_lines(kept, 301, "/blog") == [
        "/2008/10/x.html /blog/posts/x/ 301",
        "/ p=123 /blog/posts/x/ 301!",
        "/index.php p=7 cat=2 /blog/posts/x/ 301!",
    ]


@pytest.mark.parametrize(
    ("ours", "theirs", "expected"),
    [
        (["/a /b 301"], "", "# M\n/a /b 301\n"),
        (["/a /b 301"], "/x /y 302\n", "/x /y 302\n\n# M\n/a /b 301\n"),
        # a rebuild over our own file: our block replaced, theirs kept
        (["/a /c 301"], "/x /y 302\n\n# M\n/a /b 301\n", "/x /y 302\n\n# M\n/a /c 301\n"),
        ([], "/x /y 302", "/x /y 302\n"),
        ([], "", ""),
    ],
)
def test_the_redirects_file_keeps_the_content_s_own_rules_first(ours, theirs, expected):
    assert paths.redirects_file(ours, theirs, "# M") == expected


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ({"REDIRECTS_FILE": "/_redirects"}, "REDIRECTS_FILE must be a file name"),
        ({"REDIRECTS_STATUS": 200}, "REDIRECTS_STATUS must be one of 301, 302"),
        ({"REDIRECTS_STATUS": True}, "REDIRECTS_STATUS must be one of"),
        ({"REDIRECTS_OLD_HOSTS": "x.blogspot.com"}, "must be a list of host names"),
        ({"REDIRECTS_OLD_HOSTS": ["https://x.blogspot.com"]}, "host names only"),
        ({"REDIRECTS_FIEL": "_redirects"}, "unknown setting REDIRECTS_FIEL"),
        ({"REDIRECTS_PUBLISHED": True}, "REDIRECTS_PUBLISHED must be the path of the"),
        ({"REDIRECTS_REMOVED": "/posts/x/"}, "REDIRECTS_REMOVED must be a list of site paths"),
        ({"REDIRECTS_REMOVED": [3]}, "REDIRECTS_REMOVED must hold site paths (strings)"),
        ({"REDIRECTS_REMOVED": ["posts/x/"]}, "REDIRECTS_REMOVED 'posts/x/' must start with /"),
        ({"REDIRECTS_REMOVED": ["/?p=1"]}, "REDIRECTS_REMOVED '/?p=1' has a query string"),
        ({"REDIRECTS_MAP": ["redirects.txt"]}, "REDIRECTS_MAP must be the path of a file"),
    ],
)
def test_wrong_settings_are_refused(setting, message):
    with pytest.raises(SettingsError) as error:
        configure(setting)
    assert message in str(error.value)


def test_settings_defaults():
    merged = configure({"REDIRECTS_FILE": None, "REDIRECTS_OLD_HOSTS": ["X.Blogspot.com"]})
    assert merged == {
        "REDIRECTS_FILE": "",
        "REDIRECTS_STATUS": 301,
        "REDIRECTS_OLD_HOSTS": ("x.blogspot.com",),
        "REDIRECTS_OLD_ARTICLE_URLS": (),
        "REDIRECTS_OLD_ARTICLE_LANG_URLS": (),
        "REDIRECTS_OLD_PAGE_URLS": (),
        "REDIRECTS_OLD_PAGE_LANG_URLS": (),
        "REDIRECTS_OLD_CATEGORY_URLS": (),
        "REDIRECTS_OLD_TAG_URLS": (),
        "REDIRECTS_OLD_AUTHOR_URLS": (),
        "REDIRECTS_PUBLISHED": "",
        "REDIRECTS_REMOVED": (),
        "REDIRECTS_MAP": "redirects.txt",
    }


def test_an_old_pattern_written_as_article_url_is_one_pattern():
    """``REDIRECTS_OLD_ARTICLE_URLS = "{slug}.html"``, as ARTICLE_URL is written: one pattern."""
    merged = configure({"REDIRECTS_OLD_ARTICLE_URLS": "{slug}.html"})
    assert merged["REDIRECTS_OLD_ARTICLE_URLS"] == ("{slug}.html",)
    merged = configure({"REDIRECTS_OLD_PAGE_URLS": ["pages/{slug}.html", "pages/{slug}.html"]})
    assert merged["REDIRECTS_OLD_PAGE_URLS"] == ("pages/{slug}.html",)


def test_a_listing_pattern_names_only_a_listing_s_fields():
    """A category, tag or person has a slug and a name: ``{date}`` gives none of them an old
    address, said once at start-up."""
    merged = configure({"REDIRECTS_OLD_TAG_URLS": "tag/{slug}.html"})
    assert merged["REDIRECTS_OLD_TAG_URLS"] == ("tag/{slug}.html",)
    with pytest.raises(SettingsError) as error:
        configure({"REDIRECTS_OLD_CATEGORY_URLS": ("{date:%Y}/{slug}/",)})
    assert str(error.value) == (
        "REDIRECTS_OLD_CATEGORY_URLS '{date:%Y}/{slug}/': {date} is not a field of a "
        "category's address, which has {slug} and {name} only; write one like "
        "'category/{slug}.html'"
    )


FIELDS = {
    "slug": "ranges",
    "date": datetime.datetime(2008, 10, 29, 9, 30),
    "lang": "de",
    "author": "ada-byrne",
    "category": "engineering",
    "title": "Bookings as ranges",
}


@pytest.mark.parametrize(
    ("pattern", "address", "output"),
    [
        # willwolf.io's: a folder, so its index.html
        (
            "{date:%Y}/{date:%m}/{date:%d}/{slug}/",
            "/2008/10/29/ranges/",
            "2008/10/29/ranges/index.html",
        ),
        # 0ink.net's and Pelican's default: the .html file itself
        ("posts/{date:%Y}/{slug}.html", "/posts/2008/ranges.html", "posts/2008/ranges.html"),
        ("{slug}.html", "/ranges.html", "ranges.html"),
        ("{slug}-{lang}.html", "/ranges-de.html", "ranges-de.html"),
        ("pages/{slug}.html", "/pages/ranges.html", "pages/ranges.html"),
        # with a leading / as some sites wrote it; no final / is a folder a host serves too
        ("/{category}/{slug}", "/engineering/ranges", "engineering/ranges/index.html"),
        (
            "{author}/{date.year}/{slug}/",
            "/ada-byrne/2008/ranges/",
            "ada-byrne/2008/ranges/index.html",
        ),
        # another suffix: a _redirects line only
        ("{slug}.php", "/ranges.php", None),
        # a value is encoded as the old site's server received it: its file had the space
        ("{title}.html", "/Bookings%20as%20ranges.html", "Bookings as ranges.html"),
    ],
)
def test_an_old_pattern_gives_the_address_pelican_gave(pattern, address, output):
    assert configure({"REDIRECTS_OLD_ARTICLE_URLS": (pattern,)})
    text = paths.old_address(pattern, FIELDS)
    assert text == address
    assert paths.parse(text).output == output


@pytest.mark.parametrize(
    ("pattern", "said"),
    [
        ("https://old.example/{slug}.html", "is a full URL"),
        ("//old.example/{slug}.html", "is a full URL"),
        ("{slug", "is not a URL pattern"),
        ("{0}.html", "is not a URL pattern ({0} is not a field name"),
        ("old.html", "names no field"),
        ("", "names no field"),
        ("{slug:%Y}", "cannot be formatted"),
        ("{date:%Y}/../{slug}/", "is not a plain path"),
        ("{slug}/#comments", "has a #fragment"),
        (42, "must hold URL patterns (strings)"),
    ],
)
def test_a_bad_old_pattern_is_one_line_naming_the_setting(pattern, said):
    with pytest.raises(SettingsError) as error:
        configure({"REDIRECTS_OLD_PAGE_URLS": (pattern,)})
    assert str(error.value).startswith("REDIRECTS_OLD_PAGE_URLS ")
    assert said in str(error.value)
    assert "\n" not in str(error.value)


def test_an_old_pattern_field_is_checked_when_the_posts_are_read():
    """``{foo}`` may be a front-matter key, as in Pelican: a KeyError names it per post."""
    assert configure({"REDIRECTS_OLD_ARTICLE_URLS": ("{foo}/{slug}/",)})
    with pytest.raises(KeyError):
        paths.old_address("{foo}/{slug}/", FIELDS)
    assert paths.old_address("{title}/", {"title": "x"}) == "/x/"
    line = paths.lacking_field("S '{slgu}/'", "slgu", [f"c/{n}.md" for n in "abcde"])
    assert line == (
        "S '{slgu}/': {slgu} is not a field of Pelican's URLs (slug, date, lang, author, "
        "category, path) nor a front-matter key of c/a.md, c/b.md, c/c.md and 2 more, which "
        "get no redirect from it (did you mean slug?)"
    )


def _by_pattern(text: str, owner: str, target: str, source: str = "P '{slug}.html'"):
    return paths.Wanted(paths.parse(text, SITE), owner, target, source=source)


@pytest.mark.parametrize(
    ("first", "second", "message", "error"),
    [
        # two posts' own Redirect_from: an error, as before
        (
            _wanted("/x.html", "a.md", "/posts/a/"),
            _wanted("/x.html", "b.md", "/posts/b/"),
            "b.md: Redirect_from /x.html is already claimed by a.md, which keeps it (remove it "
            "from one of them)",
            True,
        ),
        # a post's own Redirect_from keeps an address a pattern gives another post
        (
            _wanted("/x.html", "a.md", "/posts/a/"),
            _by_pattern("/x.html", "b.md", "/posts/b/"),
            "b.md: P '{slug}.html' gives /x.html, which a.md names in its Redirect_from and keeps",
            False,
        ),
        # one pattern giving two posts one address: the first (older) keeps it
        (
            _by_pattern("/x.html", "a.md", "/posts/a/"),
            _by_pattern("/x.html", "b.md", "/posts/b/"),
            "b.md: P '{slug}.html' gives /x.html, as it does for a.md, which keeps it",
            False,
        ),
        (
            _by_pattern("/x/", "a.md", "/posts/a/", "Q '{slug}/'"),
            _by_pattern("/x/index.html", "b.md", "/posts/b/"),
            "b.md: P '{slug}.html' gives /x/index.html, as Q '{slug}/' does for a.md, which "
            "keeps it",
            False,
        ),
        (
            _by_pattern("/x.html", "a.md", "/posts/a/"),
            _wanted("/x.html", "b.md", "/posts/b/"),
            "b.md: Redirect_from /x.html is the old address P '{slug}.html' gives for a.md, "
            "which keeps it (remove it from one of them)",
            True,
        ),
    ],
)
def test_two_claims_on_one_old_address_from_patterns(first, second, message, error):
    kept, refused = paths.plan([first, second], {})
    assert kept == [first]
    assert [(r.message, r.error) for r in refused] == [(message, error)]


def test_a_pattern_and_the_same_post_s_redirect_from_are_one_redirect_silently():
    own = _wanted("/x.html", "a.md", "/posts/a/")
    kept, refused = paths.plan([own, _by_pattern("/x.html", "a.md", "/posts/a/")], {})
    assert (kept, refused) == ([own], [])


def test_a_pattern_address_the_site_writes_itself_is_an_error_naming_both():
    kept, refused = paths.plan(
        [_by_pattern("/archives/", "a.md", "/posts/a/", "P '{slug}/'")],
        {"archives/index.html": "the archives page (ARCHIVES_SAVE_AS)"},
    )
    assert kept == []
    assert [(r.message, r.error) for r in refused] == [
        (
            "a.md: P '{slug}/' gives /archives/ as its old address, which is the address of "
            "the archives page (ARCHIVES_SAVE_AS) here; a redirect never replaces a page, so "
            "that old link shows it, not this post (give one of them another address, or "
            "leave the pattern out)",
            True,
        )
    ]


def test_a_pattern_many_posts_share_addresses_under_is_one_line():
    """``{date:%Y}/`` (no {slug}): every post of a year has the oldest's address."""
    claims = [
        _by_pattern(f"/{year}/", f"{year}-{n}.md", f"/posts/{year}-{n}/", "P '{date:%Y}/'")
        for year in (2008, 2009)
        for n in range(3)
    ]
    kept, refused = paths.plan(claims, {})
    assert [k.owner for k in kept] == ["2008-0.md", "2009-0.md"]
    assert [(r.message, r.error) for r in paths.folded(refused)] == [
        (
            "P '{date:%Y}/' gives 4 posts an old address another post keeps: 2008-1.md "
            "(/2008/, kept by 2008-0.md), 2008-2.md (/2008/, kept by 2008-0.md), 2009-1.md "
            "(/2009/, kept by 2009-0.md) and 1 more; a pattern needs a field that tells posts "
            "apart, such as {slug}",
            False,
        )
    ]
    # three or fewer are said one by one, as are errors
    assert paths.folded(refused[:3]) == refused[:3]
