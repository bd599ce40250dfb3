"""Published addresses (plugins/redirects/published.py): the live sitemap read, the addresses a
build no longer writes found, and the post that probably had each one named."""

import pytest

from plugins.engine import keysyntax
from plugins.redirects import published
from plugins.redirects.published import Known, SitemapError

URLSET = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{}</urlset>'


def sitemap(*locs: str) -> str:
    return URLSET.format("".join(f"<url><loc>{loc}</loc></url>" for loc in locs))


@pytest.mark.parametrize(
    ("locs", "prefix", "paths"),
    [
        # any host: a pull request builds for another address than the live one
        (("https://blog.example.test/", "http://other.test/posts/x/"), "", ["/", "/posts/x/"]),
        # a site under a folder: the address is taken from the folder on
        (("https://acme.github.io/blog/", "https://acme.github.io/blog/posts/x/"), "/blog",
         ["/", "/posts/x/"]),
        # not under this site's folder (it moved from one): kept whole
        (("https://acme.github.io/old/posts/x/",), "/blog", ["/old/posts/x/"]),
        # non-ASCII, as the sitemap writes it, and encoded: the same page once each form
        (("https://b.test/posts/café/",), "", ["/posts/café/"]),
        # listed twice: once
        (("https://b.test/a/", "https://b.test/a/"), "", ["/a/"]),
        ((), "", []),
    ],
)  # fmt: skip
def test_the_sitemap_gives_each_site_path(locs, prefix, paths):
    assert published.read_sitemap(sitemap(*locs), prefix) == paths


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("<html><body>Not found</body></html>", "is a <html> document, not a sitemap of pages"),
        (
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>',
            "is a <sitemapindex> document, not a sitemap of pages (<urlset>)",
        ),
        ("<urlset", "is not XML (unclosed token: line 1, column 0)"),
        ("", "is not XML (no element found: line 1, column 0)"),
        (sitemap("/posts/x/"), "has <loc>/posts/x/</loc>, which is not the address of a page"),
        (sitemap("https://b.test/a/../etc/"), "has <loc>https://b.test/a/../etc/</loc>"),
        (sitemap("mailto:a@b.test"), "has <loc>mailto:a@b.test</loc>"),
    ],
)
def test_what_is_not_a_sitemap_is_one_message(text, said):
    with pytest.raises(SitemapError) as error:
        published.read_sitemap(text)
    assert said in str(error.value)


WRITTEN = {"index.html", "posts/kept/index.html", "2008/10/old.html", "posts/caf\u00e9/index.html"}


@pytest.mark.parametrize(
    ("old", "removed", "gone"),
    [
        (["/", "/posts/kept/"], (), []),
        # a redirect page (Redirect_from) serves an old address: written
        (["/2008/10/old.html"], (), []),
        (["/posts/moved/", "/posts/kept/", "/tag/gone/"], (), ["/posts/moved/", "/tag/gone/"]),
        # removed on purpose, written with or without the final slash
        (["/posts/moved/", "/tag/gone/"], ("/tag/gone",), ["/posts/moved/"]),
        (["/posts/moved/"], ("/posts/moved/",), []),
        # encoded or not: one file
        (["/posts/caf%C3%A9/"], (), []),
        (["/posts/na%C3%AFve/"], ("/posts/naïve/",), []),
    ],
)
def test_the_addresses_a_build_no_longer_writes(old, removed, gone):
    assert published.gone(old, WRITTEN.__contains__, removed) == gone


KNOWN = [
    # its Slug changed, its file kept the old name
    Known("content/posts/how-we-hire.md", ("hiring-2026", "how-we-hire", "how-we-hire")),
    # saved under a new name without Slug: (the slug is the file's name), its title kept
    Known("content/posts/our-new-office-2.md", ("our-new-office-2", "our-new-office-2",
                                                "our-new-office")),
    Known("content/posts/garden-party.md", ("garden-party", "garden-party", "the-garden-party")),
    Known("content/pages/about.md", ("about", "about", "about-tessellate")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("path", "owners"),
    [
        ("/posts/how-we-hire/", ["content/posts/how-we-hire.md"]),
        ("/posts/our-new-office/", ["content/posts/our-new-office-2.md"]),
        ("/posts/How-We-Hire/", ["content/posts/how-we-hire.md"]),
        # near, not the same (a typo fixed in the slug)
        ("/posts/garden-pary/", ["content/posts/garden-party.md"]),
        ("/2019/05/about-tesselate.html", ["content/pages/about.md"]),
        # nothing near: no guess
        ("/posts/quarterly-numbers/", []),
        ("/", []),
    ],
)
def test_the_post_that_probably_had_an_address_is_named(path, owners):
    assert published.suspects(path, KNOWN) == owners


@pytest.mark.parametrize(
    ("owners", "said"),
    [
        (["content/posts/x.md"], "add 'Redirect_from: /posts/a/' to it (content/posts/x.md?); "),
        (["a.md", "b.md"], "add 'Redirect_from: /posts/a/' to it (a.md? or b.md?); "),
        ([], "add 'Redirect_from: /posts/a/' to it; "),
    ],
)
def test_the_line_names_the_address_the_key_and_the_setting(owners, said):
    line = published.message("/posts/a/", owners)
    assert line == (
        "/posts/a/ is published and this build no longer writes it: if its post or page "
        f"moved, {said}if it was removed on purpose, add it to REDIRECTS_REMOVED in "
        "publishconf.py"
    )


LISTING = published.listings(
    ["category/{slug}/", "tag/{slug}/", "archives/{date:%Y}/", ""],
    ["{url}", "{base_name}/page/{number}/"],
)


@pytest.mark.parametrize(
    ("path", "listing"),
    [
        ("/category/community/", True),
        ("/tag/hiring/", True),
        ("/archives/2024/", True),
        # later pages of any listing, the home page's too
        ("/page/2/", True),
        ("/tag/hiring/page/3/", True),
        # a post, a page, a team page, the indexes of every category: not listings
        ("/posts/how-we-hire/", False),
        ("/about/", False),
        ("/team/ada-byrne/", False),
        ("/category/", False),
        ("/page/two/", False),
        ("/category/a/b/", False),
    ],
)
def test_a_listing_page_is_told_from_a_post_s(path, listing):
    assert LISTING(path) is listing


def test_no_listing_patterns_make_every_page_a_post_s():
    assert published.listings([], [])("/tag/x/") is False


@pytest.mark.parametrize(
    ("owners", "said"),
    [
        # a .rst post's Markdown "Redirect_from:" line is its first paragraph
        (["content/posts/x.rst"], "add ':redirect_from: /posts/a/' to it (content/posts/x.rst?)"),
        (
            ["content/posts/x.html"],
            'add \'<meta name="redirect_from" content="/posts/a/">\' to it',
        ),
        (
            [keysyntax.Shown("content/posts/x.md", keysyntax.TOML)],
            "add 'redirect_from = \"/posts/a/\"' to it",
        ),
        # owners of two syntaxes: each named, not one quoted line of both
        (
            ["a.md", "b.rst"],
            "add Redirect_from: /posts/a/ in a Markdown file, :redirect_from: /posts/a/ in a "
            ".rst file to it (a.md? or b.rst?)",
        ),
    ],
)
def test_the_key_to_add_is_written_as_the_owners_write_keys(owners, said):
    assert said in published.message("/posts/a/", owners)
