"""Pelican's own settings as this engine uses them (plugins/engine/pelican_settings.py): the
pure checks, each a table. The builds that say them are in test_engine_settings_errors.py."""

from pathlib import Path, PurePosixPath

import pytest
from pelican.settings import DEFAULT_CONFIG

from pelicanconf import PLUGINS
from plugins.engine import origin, pelican_settings, settings_errors


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("DEFAULT_PAGINATION", "8", "a whole number of posts a page (or False: one page)"),
        ("DEFAULT_PAGINATION", 0, "a whole number of posts a page (or False: one page)"),
        ("DEFAULT_PAGINATION", True, "a whole number of posts a page (or False: one page)"),
        ("DEFAULT_PAGINATION", 8, None),
        ("DEFAULT_PAGINATION", False, None),
        ("FEED_MAX_ITEMS", "twenty", "a whole number of posts (or None: every post)"),
        ("FEED_MAX_ITEMS", None, None),
        ("SUMMARY_MAX_LENGTH", "40", "a whole number of words (or None: the whole text)"),
        ("SUMMARY_MAX_LENGTH", None, None),
        ("SUMMARY_MAX_PARAGRAPHS", 2.5, "a whole number of paragraphs (or None: no limit)"),
        ("PORT", 70000, "a port number such as 8000"),
        ("RELATIVE_URLS", "False", "True or False"),  # a string is true
        ("RELATIVE_URLS", 0, None),
        ("DELETE_OUTPUT_DIRECTORY", True, None),
        ("TEMPLATE_EXTENSIONS", ".html", "a list"),
        ("TEMPLATE_EXTENSIONS", (".html",), None),
        ("DATE_FORMATS", [("en", "%d")], "a dict"),
        ("LOCALE", "en_GB.UTF-8", None),  # Pelican makes it a list itself
        ("TIMEZONE", 3, None),  # not a kind this table knows: blogcore checks it
        (
            "SLUGIFY_SOURCE",
            "filename",  # Pelican gives a post no slug: its build stopped on a traceback
            '"title" or "basename" (a post\'s address from its title, or its file\'s name)',
        ),
        (
            "SLUGIFY_SOURCE",
            "Title",
            '"title" or "basename" (a post\'s address from its title, or its file\'s name)',
        ),
        ("SLUGIFY_SOURCE", "basename", None),
        ("SLUGIFY_SOURCE", "title", None),
    ],
)
def test_a_setting_of_pelican_s_of_the_wrong_kind(name, value, expected):
    found = pelican_settings.wrong_kinds({name: value}, {name}, DEFAULT_CONFIG)
    assert found == ([(name, f"{name} must be {expected}, got {value!r}")] if expected else [])


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        # every post was "could not be processed (error: missing ), …)", no setting named
        (
            "FILENAME_METADATA",
            "(?P<slug>.*",
            "is not a valid pattern: missing ), unterminated subpattern at position 0",
        ),
        (
            "PATH_METADATA",
            "posts/(?P<slug>[^/]+/index\\.md",
            "is not a valid pattern: missing ), unterminated subpattern at position 6",
        ),
        ("PATH_METADATA", ["posts"], "must be a regular expression (text), got ['posts']"),
        ("FILENAME_METADATA", r"(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>.*)", None),
        ("PATH_METADATA", "", None),  # none: Pelican reads nothing from the path
    ],
)
def test_a_file_name_pattern_that_does_not_compile(name, value, expected):
    found = pelican_settings.wrong_kinds({name: value}, {name}, DEFAULT_CONFIG)
    assert found == ([(name, f"{name} {expected}")] if expected else [])


@pytest.mark.parametrize(
    ("value", "bad"),
    [
        # every file was "could not be processed (Date must be …)", then a traceback
        ({"date": "soon"}, "'soon'"),
        ({"status": "draft", "date": "2025-02-30"}, "'2025-02-30'"),
        ({"date": 2025}, "2025"),
        ({"date": "2025-03-14"}, None),
        ({"date": "2025-03-14_09:30"}, None),  # Pelican reads "_" as a space
        ({"status": "draft"}, None),
    ],
)
def test_a_default_metadata_date_that_is_no_date(value, bad):
    found = pelican_settings.wrong_kinds(
        {"DEFAULT_METADATA": value}, {"DEFAULT_METADATA"}, DEFAULT_CONFIG
    )
    expected = (
        f"DEFAULT_METADATA gives every file a date, and {bad} is no date: write one there as "
        '"date": "2025-03-14" (or 2025-03-14 09:30), or take "date" out (DEFAULT_DATE dates the '
        "posts without a Date: line)"
    )
    assert found == ([("DEFAULT_METADATA", expected)] if bad else [])


def test_only_the_names_given_are_checked():
    assert pelican_settings.wrong_kinds({"PORT": "x"}, set(), DEFAULT_CONFIG) == []


@pytest.mark.parametrize(
    ("url", "save_as", "same"),
    [
        ("posts/{slug}/", "posts/{slug}/index.html", True),
        ("posts/{slug}", "posts/{slug}/index.html", True),  # the server adds the slash
        ("{slug}.html", "{slug}.html", True),
        ("{slug}", "{slug}.html", True),  # GitHub Pages and Netlify serve x.html at /x
        ("/posts/{slug}/", "posts/{slug}/index.html", True),
        ("", "index.html", True),
        ("drafts/", "", True),  # nothing written
        ("{date:%Y}/{slug}.html", "posts/{slug}/index.html", False),
        ("tags/{slug}/", "tag/{slug}/index.html", False),
        ("posts/{slug}/", "posts/{slug}.html", False),
    ],
)
def test_an_address_and_where_its_page_is_written(url, save_as, same):
    assert pelican_settings.same_place(url, save_as) is same


def test_an_address_apart_names_both_settings_and_the_address_that_fits():
    settings = {
        "ARTICLE_URL": "{date:%Y}/{slug}.html",
        "ARTICLE_SAVE_AS": "posts/{slug}/index.html",
        "TAG_URL": "tag/{slug}/",
        "TAG_SAVE_AS": "tag/{slug}/index.html",
        "INDEX_SAVE_AS": "index.html",  # no INDEX_URL: nothing to compare
    }
    assert pelican_settings.addresses_apart(settings) == [
        "ARTICLE_URL '{date:%Y}/{slug}.html' is not where ARTICLE_SAVE_AS writes each post "
        "('posts/{slug}/index.html'): every link to each post leads to a 404; set "
        "ARTICLE_URL = 'posts/{slug}/', or change both together"
    ]


@pytest.mark.parametrize(
    ("settings", "said"),
    [
        ({"ARTICLE_URL": "posts/{slug}/", "ARTICLE_SAVE_AS": "posts/{slug}/index.html"}, False),
        ({"ARTICLE_URL": "posts/{slug}", "ARTICLE_SAVE_AS": "posts/{slug}/index.html"}, False),
        ({"ARTICLE_URL": "{slug}/", "ARTICLE_SAVE_AS": ""}, False),  # no posts written
        (
            {"ARTICLE_URL": "{date:%Y}/{slug}/", "ARTICLE_SAVE_AS": "{date:%Y}/{slug}/index.html"},
            True,
        ),
        (
            {
                "ARTICLE_URL": "{date:%Y}/{slug}/",
                "ARTICLE_SAVE_AS": "{date:%Y}/{slug}/index.html",
                "REDIRECTS_OLD_ARTICLE_URLS": ("/posts/{slug}/",),
            },
            False,
        ),
        # apart: addresses_apart's line says it
        ({"ARTICLE_URL": "{slug}.html", "ARTICLE_SAVE_AS": "posts/{slug}/index.html"}, False),
        # pages and translations: moved from this site's address too, broke links as silently
        ({"PAGE_URL": "{slug}/", "PAGE_SAVE_AS": "{slug}/index.html"}, False),
        ({"PAGE_URL": "pages/{slug}.html", "PAGE_SAVE_AS": "pages/{slug}.html"}, True),
        (
            {
                "PAGE_URL": "pages/{slug}.html",
                "PAGE_SAVE_AS": "pages/{slug}.html",
                "REDIRECTS_OLD_PAGE_URLS": "{slug}/",
            },
            False,
        ),
        (
            {
                "ARTICLE_LANG_URL": "posts/{slug}-{lang}/",
                "ARTICLE_LANG_SAVE_AS": "posts/{slug}-{lang}/index.html",
            },
            True,
        ),
        (
            {"PAGE_LANG_URL": "{lang}/{slug}/", "PAGE_LANG_SAVE_AS": "{lang}/{slug}/index.html"},
            False,
        ),
        # listings: moved from this site's address, kept by a pattern of their own
        ({"TAG_URL": "tags/{slug}.html", "TAG_SAVE_AS": "tags/{slug}.html"}, True),
        (
            {
                "TAG_URL": "tags/{slug}.html",
                "TAG_SAVE_AS": "tags/{slug}.html",
                "REDIRECTS_OLD_TAG_URLS": ["tag/{slug}/"],
            },
            False,
        ),
        (
            {"CATEGORY_URL": "category/{slug}/", "CATEGORY_SAVE_AS": "category/{slug}/index.html"},
            False,
        ),
        ({"AUTHOR_URL": "author/{slug}/", "AUTHOR_SAVE_AS": "author/{slug}/index.html"}, True),
        ({"AUTHOR_URL": "author/{slug}/", "AUTHOR_SAVE_AS": ""}, False),  # none written
    ],
)
def test_posts_moved_from_their_address_without_a_redirect(settings, said):
    assert bool(pelican_settings.posts_moved(settings)) is said


def test_pages_moved_name_the_page_pattern_that_keeps_them():
    settings = {"PAGE_URL": "pages/{slug}.html", "PAGE_SAVE_AS": "pages/{slug}.html"}
    assert pelican_settings.posts_moved(settings) == [
        "PAGE_URL 'pages/{slug}.html' publishes every page elsewhere than /{slug}/, this site's "
        "address: if the site published them there, those addresses (in search engines, in "
        "other sites' links) lead to a 404 unless REDIRECTS_OLD_PAGE_URLS lists '{slug}/'; if "
        "it never did (an adopted site keeping its old addresses), write "
        "REDIRECTS_OLD_PAGE_URLS = [] (docs/redirects.md)"
    ]


def test_an_adopted_site_s_old_addresses_kept_are_no_move_once_it_says_so():
    # thewagner.net kept its old ARTICLE_URL (blog/{date:%Y}/…/{slug}/) and was told every
    # build that it "moves every post from /posts/{slug}/", where it never published a post
    settings = {
        "ARTICLE_URL": "blog/{date:%Y}/{slug}/",
        "ARTICLE_SAVE_AS": "blog/{date:%Y}/{slug}/index.html",
        "REDIRECTS_OLD_ARTICLE_URLS": [],
    }
    assert pelican_settings.posts_moved(settings)  # the file did not say: it may have moved
    assert pelican_settings.posts_moved(settings, {"REDIRECTS_OLD_ARTICLE_URLS"}) == []


def test_a_shorter_direct_templates_names_what_is_left_out_and_what_breaks():
    settings = {
        "DIRECT_TEMPLATES": ["index", "archives", "tags"],
        "AUTHORS_URL": "team/",
        "ARTICLE_URL": "posts/{slug}/",
        "POSTS_URL": "posts/",
    }
    found = pelican_settings.templates_left_out(settings)
    assert [line.split(":")[0] for line in found] == ["DIRECT_TEMPLATES leaves out 'authors'"] + [
        f"DIRECT_TEMPLATES leaves out {name!r}"
        for name in ("categories", "posts", "robots", "notfound")
    ]
    assert "the team page (/team/) is not written" in found[0]
    assert "'Meet the team' lead to a 404" in found[0]
    # /posts/ was left out with no line: a reader trimming a post's address got a 404
    assert found[2].startswith("DIRECT_TEMPLATES leaves out 'posts': the list of every post ")
    assert "(/posts/) is not written, and a post's address trimmed" in found[2]
    every = {"DIRECT_TEMPLATES": [*pelican_settings.THEME_TEMPLATES, "search"]}
    assert pelican_settings.templates_left_out(every) == []


def test_a_site_whose_posts_are_not_under_posts_is_not_told_of_the_posts_page():
    settings = {
        "DIRECT_TEMPLATES": [*pelican_settings.THEME_TEMPLATES],
        "ARTICLE_URL": "{slug}.html",
    }
    settings["DIRECT_TEMPLATES"].remove("posts")
    assert pelican_settings.templates_left_out(settings) == []


def test_settings_this_theme_does_not_read_each_say_what_to_use():
    settings = {"FEED_ALL_RSS": "feeds/all.rss.xml", "AUTHOR_FEED_RSS": None}
    named = {"DEFAULT_DATE_FORMAT", "SITESUBTITLE", "FEED_ALL_RSS", "AUTHOR_FEED_RSS", "SITENAME"}
    found = pelican_settings.not_honoured(settings, named)
    assert [line.split(" ")[0] for line in found] == [
        "DEFAULT_DATE_FORMAT",
        "FEED_ALL_RSS",
        "SITESUBTITLE",
    ]
    assert "I18N_DATE_FORMAT" in found[0]
    assert found[2].endswith("the line under the site's name is SITE_TAGLINE")


@pytest.mark.parametrize(
    ("extension", "missing"),
    [
        ("markdown.extensions.toc", None),
        ("extra", None),  # Python-Markdown's registered name
        ("plugins.blogcore.headings", None),
        ("markdown.extensions.admonition:AdmonitionExtension", None),
        ("pymdownx.tasklist", "pymdownx"),
        ("no_such_extension_here:Ext", "no_such_extension_here"),
    ],
)
def test_a_markdown_extension_that_is_not_installed(extension, missing):
    found = pelican_settings.missing_extensions({"extension_configs": {extension: {}}})
    if missing is None:
        assert found == []
    else:
        [(name, message)] = found
        assert name == extension
        assert f"(no module named {missing!r})" in message


def test_a_markdown_extension_in_the_list_form_too():
    found = pelican_settings.missing_extensions({"extensions": ["pymdownx.superfences"]})
    assert "add pymdown-extensions to pyproject.toml" in found[0][1]


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        ("plugins.serie", "PLUGINS: no plugin 'plugins.serie' (did you mean 'plugins.series'?)"),
        ("plugins.blogcore", None),  # loaded
        ("sitemap", None),  # loaded as pelican.plugins.sitemap
        ("plugins.engine", None),  # a module there is, not loaded: not a typo
        (
            "neighbours",
            "PLUGINS: no plugin 'neighbours' (did you mean 'pelican.plugins.neighbors'?)",
        ),
        (
            "zzqx",
            "PLUGINS: no plugin 'zzqx' (no plugin of that name is installed: one from PyPI goes "
            "in pyproject.toml, then make lock)",
        ),
    ],
)
def test_a_plugins_entry_that_names_no_plugin(entry, said):
    loaded = [*PLUGINS, "pelican.plugins.sitemap"]
    known = [*PLUGINS, "pelican.plugins.neighbors", "pelican.plugins.sitemap"]
    found = pelican_settings.unknown_plugins([entry], loaded, known)
    assert [message for _, message in found] == ([said] if said else [])


def test_the_strings_a_settings_file_writes_into_a_setting(tmp_path: Path):
    (tmp_path / "base.py").write_text('PLUGINS = ["a", "b"]\nOTHER = ["x"]\n')
    (tmp_path / "conf.py").write_text(
        'from base import *\nPLUGINS += ["c"]\nPLUGINS.append("d")\nPLUGINS = PLUGINS + ["e"]\n'
        'PLUGINS += [f"plugins.{n}" for n in ("x",)]\nPLUGINS.remove("a")\n'
    )
    found = [
        (text, where.path.name, where.line)
        for text, where in origin.strings_set(tmp_path / "conf.py", "PLUGINS")
    ]
    assert found == [
        ("a", "base.py", 1),
        ("b", "base.py", 1),
        ("c", "conf.py", 2),
        ("d", "conf.py", 3),
        ("e", "conf.py", 4),
        # built, not listed: neither the f-string's "plugins." nor "x" is an entry
    ]


def test_a_list_written_again_below_replaces_the_strings_above_it(tmp_path: Path):
    """An old site's settings pasted at the end of pelicanconf.py (docs/adopting.md) set
    PLUGINS again: the build is given that list, not the sample's above it."""
    (tmp_path / "conf.py").write_text(
        'PLUGINS = ["plugins.blogcore", "plugins.i18n"]\nPLUGINS += ["plugins.share"]\n'
        'if True:\n    PLUGINS = ["maybe"]\n'  # not at the top: the file's order decides
        'PLUGINS = ["old_theme_helper"]\nPLUGINS.append("other")\n'
    )
    found = [
        (text, where.line) for text, where in origin.strings_set(tmp_path / "conf.py", "PLUGINS")
    ]
    assert found == [("old_theme_helper", 5), ("other", 6)]


def test_the_names_a_settings_file_sets(tmp_path: Path):
    (tmp_path / "base.py").write_text("A = 1\nif A:\n    B = 2\n_H = 3\n")
    (tmp_path / "conf.py").write_text("from base import *\nC = {}\nC['k'] = 1\nD += 1\n")
    assert origin.names_set(tmp_path / "conf.py") == {"A", "B", "_H", "C", "D"}


def test_the_plugins_there_are_this_site_s_and_pelican_s_namespace():
    there = settings_errors._plugins_there()
    assert {*PLUGINS} <= there
    assert not {"plugins.engine", "plugins.devserver", "plugins.importer"} & there


def test_an_address_without_its_folders_slash_is_named_with_the_one_that_has_it():
    """ARTICLE_LANG_URL = '{lang}/posts/{slug}' reaches the pages (the server adds the
    slash), so nothing said it: each translation's canonical, hreflang and links were a
    redirect."""
    settings = {
        "ARTICLE_LANG_URL": "{lang}/posts/{slug}",
        "ARTICLE_LANG_SAVE_AS": "{lang}/posts/{slug}/index.html",
        "ARTICLE_URL": "posts/{slug}/",
        "ARTICLE_SAVE_AS": "posts/{slug}/index.html",
        "PAGE_URL": "{slug}",  # a file without .html: served at /x by GitHub Pages
        "PAGE_SAVE_AS": "{slug}.html",
        "INDEX_SAVE_AS": "index.html",
    }
    assert pelican_settings.slash_left_off(settings) == [
        "ARTICLE_LANG_URL '{lang}/posts/{slug}' is the folder ARTICLE_LANG_SAVE_AS writes each "
        "post's translation in ('{lang}/posts/{slug}/index.html') without its slash: every "
        "link to it, its canonical and hreflang addresses too, is a redirect by the server; "
        "set ARTICLE_LANG_URL = '{lang}/posts/{slug}/'"
    ]
    assert pelican_settings.addresses_apart(settings) == []


_SERIES = pelican_settings.plugin_kinds(
    "plugins.series",
    {"SERIES": (("slug", "lang"), "each series' page"), "SERIES_INDEX": ((), "the list of series")},
    {
        **{"SERIES_URL": "series/{slug}/", "SERIES_SAVE_AS": "series/{slug}/index.html"},
        **{"SERIES_INDEX_URL": "series/", "SERIES_INDEX_SAVE_AS": "series/index.html"},
    },
)


def _said_of(settings: dict) -> tuple[list[str], list[str]]:
    """What a build with the series plugin says of these address settings: (what stops it,
    what it mends)."""
    return pelican_settings.addresses_misshapen(pelican_settings.misshapen(settings, _SERIES))


_ADDRESSES = {
    "ARTICLE_URL": "posts/{slug}/",
    "ARTICLE_SAVE_AS": "posts/{slug}/index.html",
    "PAGE_URL": "{slug}/",
    "PAGE_SAVE_AS": "{slug}/index.html",
    "TAG_URL": "tag/{slug}/",
    "TAG_SAVE_AS": "tag/{slug}/index.html",
    "YEAR_ARCHIVE_URL": "archives/{date:%Y}/",
    "YEAR_ARCHIVE_SAVE_AS": "archives/{date:%Y}/index.html",
    "MONTH_ARCHIVE_URL": None,  # not written: Pelican never reads it
    "MONTH_ARCHIVE_SAVE_AS": "",
    "DIRECT_TEMPLATES": ["index", "tags", "categories", "authors", "archives"],
    "TAGS_URL": "tag/",
    "TAGS_SAVE_AS": "tag/index.html",
}


@pytest.mark.parametrize(
    ("name", "value", "stops", "said"),
    [
        # a traceback ('NoneType' object has no attribute 'format')
        (
            "ARTICLE_URL",
            None,
            True,
            "ARTICLE_URL must be an address in quotes, got None: write ARTICLE_URL = "
            "'posts/{slug}/'",
        ),
        ("ARTICLE_URL", 5, True, "ARTICLE_URL must be an address in quotes, got 5: write "),
        # every page linked at /None, exit 0
        ("PAGE_URL", None, True, "PAGE_URL must be an address in quotes, got None: write "),
        # a KeyError traceback
        (
            "TAG_URL",
            "tag/{title}/",
            True,
            "TAG_URL 'tag/{title}/' uses {title}, which Pelican does not fill for a tag's page "
            "({slug} and {name} only): write TAG_URL = 'tag/{slug}/'",
        ),
        ("TAG_URL", "tag/{lang}/{slug}/", True, "uses {lang}"),
        ("YEAR_ARCHIVE_SAVE_AS", "{year}/index.html", True, "({date} only)"),
        # Pelican's way to write no tag pages is '': the line says it
        (
            "TAG_SAVE_AS",
            None,
            True,
            "TAG_SAVE_AS must be a file name in quotes, got None: write TAG_SAVE_AS = "
            "'tag/{slug}/index.html', or TAG_SAVE_AS = '' to write no tag pages (the posts' "
            "tag links then lead to a 404)",
        ),
        ("ARTICLE_URL", "{slug", True, "is not an address pattern Python can fill"),
        ("ARTICLE_URL", "{series}/{slug", True, "is not an address pattern Python can fill"),
        # one error per post naming no setting
        (
            "ARTICLE_SAVE_AS",
            "/posts/{slug}/index.html",
            False,
            "ARTICLE_SAVE_AS '/posts/{slug}/index.html' starts with a slash: Pelican writes no "
            "file outside the output folder, so it leaves out each post; write "
            "ARTICLE_SAVE_AS = 'posts/{slug}/index.html' (this build uses it meanwhile)",
        ),
        # each post a plain file: every link a 404
        ("ARTICLE_SAVE_AS", "posts/{slug}/", False, "write ARTICLE_SAVE_AS = 'posts/{slug}/index"),
        # every post pointed at the home page
        (
            "ARTICLE_URL",
            "",
            False,
            "ARTICLE_URL '' is empty: every link to each post leads to the home page; write "
            "ARTICLE_URL = 'posts/{slug}/' (this build uses it meanwhile)",
        ),
        # // in every link
        ("PAGE_URL", "/{slug}/", False, "has // in it; write PAGE_URL = '{slug}/' (this"),
        # what Pelican fills: a post's own front matter, its category, a page left unwritten
        ("ARTICLE_URL", "{category}/{slug}/", None, ""),
        ("ARTICLE_URL", "{series}/{slug}/", None, ""),
        # a front-matter key's own value fills it, of whatever kind (Modified: a date)
        ("ARTICLE_URL", "{modified:%Y}/{slug}/", None, ""),
        ("ARTICLE_URL", "{path}/{category}/{slug}/", None, ""),
        ("TAG_URL", "tag/{name}/", None, ""),
        ("MONTH_ARCHIVE_URL", 5, None, ""),
        ("YEAR_ARCHIVE_SAVE_AS", None, None, ""),
        # a path Pelican takes as its text (str() of a post's, a Path of a tag's): it stopped
        # the build, "must be a file name in quotes"
        ("TAG_SAVE_AS", Path("tag") / "{slug}.html", None, ""),
        ("AUTHOR_URL", Path("team") / "{slug}", None, ""),
        ("ARTICLE_SAVE_AS", Path("posts") / "{slug}" / "index.html", None, ""),
        ("PAGE_URL", PurePosixPath("{slug}"), None, ""),
        # its text is checked as a string is
        ("ARTICLE_URL", Path("/posts") / "{slug}", False, "write ARTICLE_URL = 'posts/{slug}'"),
        ("TAG_URL", Path("tag") / "{title}", True, "TAG_URL 'tag/{title}' uses {title}"),
        # a tag's that is no pathlib.Path Pelican does not turn into text (urlwrappers.py)
        ("TAG_URL", PurePosixPath("tag/{slug}"), True, "TAG_URL must be an address in quotes"),
        # a period archive's Pelican formats as it is: a traceback (no attribute 'format')
        (
            "YEAR_ARCHIVE_SAVE_AS",
            Path("archives") / "{date:%Y}" / "index.html",
            True,
            "YEAR_ARCHIVE_SAVE_AS must be a file name in quotes (a Path serves a post's, page's, "
            "tag's, category's or person's address, not an archive's), got "
            "PosixPath('archives/{date:%Y}/index.html'); write YEAR_ARCHIVE_SAVE_AS = "
            "'archives/{date:%Y}/index.html', or ",
        ),
        # a listing page's (DIRECT_TEMPLATES): Pelican's traceback ("Attempted to break out of
        # output directory")
        (
            "TAGS_SAVE_AS",
            "/tag/index.html",
            False,
            "TAGS_SAVE_AS '/tag/index.html' starts with a slash: Pelican writes no file outside "
            "the output folder, and stops the build on it with a traceback; write "
            "TAGS_SAVE_AS = 'tag/index.html' (this build uses it meanwhile)",
        ),
        # a plain file 'tag' (or a traceback: the tags' own folder tag/ cannot be made)
        ("TAGS_SAVE_AS", "tag/", False, "write TAGS_SAVE_AS = 'tag/index.html' (this build"),
        ("INDEX_SAVE_AS", "/", False, "write INDEX_SAVE_AS = 'index.html' (this build"),
        # written as named, braces and all: tag/{slug}.html
        (
            "TAGS_SAVE_AS",
            "tag/{slug}.html",
            True,
            "TAGS_SAVE_AS 'tag/{slug}.html' uses {slug}: Pelican fills no key in the address of "
            "the list of tags, and writes and links it as it is, braces and all; write "
            "TAGS_SAVE_AS = 'tag/index.html'",
        ),
        # the theme's link http://example.com//tag/, or the home page, or /None
        ("TAGS_URL", "/tag/", False, "every link to the list of tags has // in it; write "),
        ("CATEGORIES_URL", "", False, "leads to the home page; write CATEGORIES_URL = 'cate"),
        ("AUTHORS_URL", None, True, "AUTHORS_URL must be an address in quotes, got None: "),
        # what Pelican writes and the theme links as it is
        ("INDEX_URL", "", None, ""),  # the home page's address
        ("TAGS_SAVE_AS", "", None, ""),  # no list of tags (Pelican's way)
        ("TAGS_SAVE_AS", None, None, ""),
        ("TAGS_SAVE_AS", Path("tag") / "index.html", None, ""),
        ("ARCHIVES_SAVE_AS", "archives.html", None, ""),
        # a plugin's own pair (its settings.py's ADDRESSES), checked the same way
        ("SERIES_URL", "/series/{slug}/", False, "write SERIES_URL = 'series/{slug}/' (this"),
        ("SERIES_SAVE_AS", "series/{slug}/", False, "write SERIES_SAVE_AS = 'series/{slug}/index"),
        (
            "SERIES_URL",
            "{lang}/{title}/",
            True,
            "SERIES_URL '{lang}/{title}/' uses {title}, which the series plugin does not fill "
            "for a series' page ({slug} and {lang} only): write SERIES_URL = 'series/{slug}/'",
        ),
        # the value offered keeps the keys the plugin's default uses: the series plugin
        # refuses an address without {slug} ('series/all/' would not build either)
        ("SERIES_URL", "/series/all/", False, "write SERIES_URL = 'series/{slug}/' (this"),
        ("SERIES_SAVE_AS", "/all.html", False, "write SERIES_SAVE_AS = 'series/{slug}/index.h"),
        ("SERIES_INDEX_SAVE_AS", "/series/index.html", False, "'series/index.html' (this"),
        ("SERIES_INDEX_URL", "{slug}/", True, "the series plugin fills no key in the address"),
        ("SERIES_INDEX_URL", "", False, "write SERIES_INDEX_URL = 'series/' (this"),
        # the plugin's own check names these (SERIES_URL must be a string)
        ("SERIES_URL", None, None, ""),
        ("SERIES_INDEX_SAVE_AS", "", None, ""),  # not written
        ("SERIES_URL", "{lang}/series/{slug}/", None, ""),
    ],
)
def test_an_address_setting_pelican_cannot_use(name, value, stops, said):
    found = _said_of({**_ADDRESSES, name: value})
    if stops is None:
        assert found == ([], [])
        return
    lines = found[0] if stops else found[1]
    assert found[1 if stops else 0] == [] and len(lines) == 1
    assert lines[0].startswith(said) if said.startswith(name) else said in lines[0]


def test_an_address_pelican_cannot_use_is_left_to_its_own_line():
    """addresses_apart and posts_moved said the wrong thing of a SAVE_AS ending in a slash
    ('publishes every post elsewhere than /posts/{slug}/') or a TAG_URL using {title}."""
    for name, value in (("ARTICLE_SAVE_AS", "posts/{slug}/"), ("TAG_URL", "tag/{title}/")):
        settings = {**_ADDRESSES, name: value}
        found = pelican_settings.misshapen(settings)
        settings.update(pelican_settings.addresses_mended(found))  # as the build does
        left = pelican_settings.misshapen_kinds(found)
        assert pelican_settings.addresses_apart(settings, left) == []
        assert pelican_settings.slash_left_off(settings, left) == []
        assert pelican_settings.posts_moved(settings, (), left) == []


def test_an_address_of_the_wrong_shape_is_mended_for_the_build_and_one_that_stops_is_not():
    settings = {**_ADDRESSES, "ARTICLE_SAVE_AS": "/posts/{slug}/", "PAGE_URL": "", "TAG_URL": None}
    settings["AUTHOR_URL"] = Path("team") / "{slug}"  # every plugin reads it as Pelican does
    found = pelican_settings.misshapen(settings)
    assert pelican_settings.addresses_mended(found) == {
        "ARTICLE_SAVE_AS": "posts/{slug}/index.html",
        "PAGE_URL": "{slug}/",
        "AUTHOR_URL": "team/{slug}",
    }
    assert pelican_settings.misshapen_kinds(found) == {"TAG"}


def test_the_project_s_own_address_settings_are_not_named():
    """publishconf.py writes no drafts: DRAFT_URL = "" beside DRAFT_SAVE_AS = "" links
    nothing to the home page, and named it would fail every publish."""
    import pelicanconf
    import publishconf

    for conf in (pelicanconf, publishconf):
        settings = {**DEFAULT_CONFIG, **{k: v for k, v in vars(conf).items() if k.isupper()}}
        assert _said_of(settings) == ([], [])


@pytest.mark.parametrize(
    ("pattern", "metadata", "lacking"),
    [
        ("{series}/{slug}/", {}, "series"),
        ("{series}/{slug}/", {"series": "Launch"}, ""),
        ("{date:%Y}/{slug}/", {}, ""),  # Pelican's own keys: slug, lang, date, author…
        ("{category}/{author}/{path}/{lang}/", {}, ""),
        ("{kind}/{series}/", {"series": "Launch"}, "kind"),
        ("{slug", {}, ""),  # no post can fill it: addresses_misshapen names it
        (None, {}, ""),
    ],
)
def test_the_key_an_address_uses_that_a_post_lacks(pattern, metadata, lacking):
    assert pelican_settings.key_lacking(pattern, metadata) == lacking


@pytest.mark.parametrize(
    ("page", "draft", "translated", "names"),
    [
        (False, False, False, ("ARTICLE_URL", "ARTICLE_SAVE_AS")),
        (False, True, False, ("DRAFT_URL", "DRAFT_SAVE_AS")),
        (False, False, True, ("ARTICLE_LANG_URL", "ARTICLE_LANG_SAVE_AS")),
        (True, False, False, ("PAGE_URL", "PAGE_SAVE_AS")),
        (True, True, True, ("DRAFT_PAGE_LANG_URL", "DRAFT_PAGE_LANG_SAVE_AS")),
    ],
)
def test_the_address_settings_of_a_post(page, draft, translated, names):
    assert pelican_settings.content_address_settings(page, draft, translated) == names


def test_the_keys_the_address_settings_use():
    settings = {**DEFAULT_CONFIG, "ARTICLE_URL": "{series}/{slug}/", "PAGE_URL": "{kind[0]}/"}
    assert pelican_settings.address_keys(settings) >= {"series", "kind", "slug"}
    assert "name" not in pelican_settings.address_keys(settings)  # TAG_URL's is no post's


def test_the_plugins_that_write_pages_of_their_own_declare_their_addresses():
    """Each pair of address settings in a plugin's DEFAULTS is declared (ADDRESSES), so the
    engine checks it, and its defaults are no mistake."""
    import importlib

    for plugin in PLUGINS:
        module = importlib.import_module(f"{plugin}.settings")
        defaults = getattr(module, "DEFAULTS", {})
        pairs = {k[: -len("_SAVE_AS")] for k in defaults if k.endswith("_SAVE_AS")}
        pairs = {kind for kind in pairs if f"{kind}_URL" in defaults}
        declared = getattr(module, "ADDRESSES", {})
        assert pairs == set(declared), plugin
        kinds = pelican_settings.plugin_kinds(plugin, declared, defaults)
        settings = {**DEFAULT_CONFIG, **defaults}
        assert pelican_settings.misshapen(settings, kinds) == [], plugin
