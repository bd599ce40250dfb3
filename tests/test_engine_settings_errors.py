"""Settings problems: every one in one build, each naming the settings file and line that set it
(plugins/engine/settings_errors.py, origin.py), in `make build`, `make publish` and the serve
overlay alike."""

import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from pelicanconf import PLUGINS
from plugins.devserver.problems import problems
from plugins.engine import origin, pelican_settings, settings_errors
from plugins.engine.settings_errors import near_misses

ROOT = Path(__file__).resolve().parent.parent
PLAIN = ["--log-handler", "plain"]


def _append(path: Path, text: str) -> int:
    """Add lines to a settings file; the line number of the first."""
    before = path.read_text()
    path.write_text(before + text)
    return before.count("\n") + 1


def _line_of(path: Path, start: str) -> int:
    return next(
        n for n, line in enumerate(path.read_text().splitlines(), 1) if line.startswith(start)
    )


def _run(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=project, capture_output=True, text=True, timeout=600
    )


def _build(project: Path, conf: str, *extra: str) -> subprocess.CompletedProcess:
    """A build as `make build` / `make publish` run it (tasks.py): the engine's command line,
    one line per message off a terminal."""
    return _run(project, "-m", "plugins.engine.command", "-s", conf, "-o", "out", *PLAIN, *extra)


def test_every_settings_mistake_is_one_line_at_its_line_in_one_build(project):
    conf = project / "pelicanconf.py"
    conf.write_text(
        conf.read_text().replace('TIMEZONE = "Europe/London"', 'TIMEZONE = "Europe/Londn"')
    )
    timezone = _line_of(conf, "TIMEZONE = ")
    first = _append(conf, "SERIES_NAVV = True\nRELATED_MAX_POSTS = 3\nWITH_FUTURE_DATE = True\n")
    done = _build(project, "pelicanconf.py")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        f"pelicanconf.py: line {timezone}: TIMEZONE must be a time zone name such as "
        "'Europe/London' or 'UTC', got 'Europe/Londn' (did you mean 'Europe/London'?)",
        f"pelicanconf.py: line {first}: unknown setting SERIES_NAVV (did you mean SERIES_PATH?)",
        f"pelicanconf.py: line {first + 1}: unknown setting RELATED_MAX_POSTS "
        "(did you mean RELATED_MAX?)",
        f"pelicanconf.py: line {first + 2}: unknown setting WITH_FUTURE_DATE "
        "(did you mean WITH_FUTURE_DATES?)",
    ]
    assert not (project / "out" / "index.html").exists()


def test_a_misspelt_theme_setting_is_one_line_with_the_name_meant(project):
    """The theme's own settings (blogcore's THEME_SETTINGS) are known: SITE_ORGANIZATION, the
    US spelling, was ignored without a word and every post's JSON-LD named the site as its
    publisher."""
    conf = project / "pelicanconf.py"
    conf.write_text(conf.read_text().replace("SITE_ORGANISATION =", "SITE_ORGANIZATION ="))
    line = _line_of(conf, "SITE_ORGANIZATION = ")
    done = _build(project, "pelicanconf.py")
    assert "Traceback" not in done.stderr
    said = [" ".join(text.split()) for text in done.stderr.splitlines() if "SITE_ORGAN" in text]
    assert said == [
        f"ERROR pelicanconf.py: line {line}: unknown setting SITE_ORGANIZATION "
        "(did you mean SITE_ORGANISATION?)"
    ]
    assert done.returncode == 0 and (project / "out" / "index.html").exists()  # development


@pytest.mark.parametrize("order", ["listed", "reversed"])
def test_every_plugin_s_mistake_at_once_in_either_order_is_one_line_each(project, order):
    """Each plugin's check returns after handing over its error: a plugin checked after one
    that failed never meets settings half filled in (no traceback), whatever the order."""
    prefixes = [
        *["BLOGCORE", "SERIES", "COMMENTS", "IMAGES", "TEAM", "GALLERY", "COVERS", "RELATED"],
        *["I18N", "SEARCH", "SHARE", "ANALYTICS", "NEWSLETTER", "WEBMENTIONS", "REDIRECTS"],
        *["CSP", "FASTBUILD"],
    ]
    first = _append(project / "pelicanconf.py", "".join(f"{p}_ZZZQ = 1\n" for p in prefixes))
    plugins = sorted({*PLUGINS} - {"plugins.fastbuild"})
    plugins = [*(reversed(plugins) if order == "reversed" else plugins), "plugins.fastbuild"]
    done = _build(project, "pelicanconf.py", "-e", f"PLUGINS={json.dumps(plugins)}")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == len(prefixes)
    assert sorted(lines) == sorted(
        f"pelicanconf.py: line {first + n}: unknown setting {p}_ZZZQ"
        + next((line[line.index(" (did") :] for line in lines if f" {p}_ZZZQ (did" in line), "")
        for n, p in enumerate(prefixes)
    )


def test_a_publish_build_names_the_file_whose_assignment_wins(project, monkeypatch):
    """publishconf.py imports pelicanconf.py's settings and overrides some: the line named is
    the one the build used; a value read from the environment or given with -e says so."""
    line = _append(project / "publishconf.py", 'TIMEZONE = "Europe/Pari"\n')
    isso = _line_of(project / "publishconf.py", "COMMENTS_ISSO_URL = ")
    monkeypatch.setenv("COMMENTS_ISSO_URL", "ftp://comments.example")
    done = _build(project, "publishconf.py", "-e", 'RELATED_MAX="five"')
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        f"publishconf.py: line {line}: TIMEZONE must be a time zone name such as "
        "'Europe/London' or 'UTC', got 'Europe/Pari' (did you mean 'Europe/Paris'?)",
        f"publishconf.py: line {isso}: COMMENTS_ISSO_URL must be an http(s) URL, got "
        "'ftp://comments.example' (from the environment variable COMMENTS_ISSO_URL)",
        "Settings error: RELATED_MAX must be a whole number from 0, got 'five' "
        "(RELATED_MAX given with -e/--extra-settings)",
    ]


def test_a_misspelt_pelican_setting_alone_is_an_error_development_goes_on(project):
    """WITH_FUTURE_DATE was silently ignored (future posts then followed Pelican's default).
    Not a plugin's name, maybe a theme's: development builds go on, publish builds stop."""
    line = _append(project / "pelicanconf.py", "WITH_FUTURE_DATE = False\n")
    said = (
        f"pelicanconf.py: line {line}: unknown setting WITH_FUTURE_DATE "
        "(did you mean WITH_FUTURE_DATES?)"
    )
    dev = _build(project, "pelicanconf.py")
    assert dev.returncode == 0, dev.stderr
    assert f"ERROR    {said}" in dev.stderr.splitlines()
    assert (project / "out" / "index.html").is_file()
    published = _build(project, "publishconf.py")
    assert published.returncode == 1
    assert f"ERROR    {said}" in published.stderr.splitlines()
    assert "Traceback" not in published.stderr


def test_make_check_s_build_says_the_settings_problem_too(project):
    """`make check` and `invoke preview` build through sitecheck.build: it said nothing but
    "The publish build failed (exit 1)"."""
    (project / "sitecheck").symlink_to(ROOT / "sitecheck")
    line = _append(project / "publishconf.py", 'SHARE_SERVICE = ()\nPLUGINS += ["plugins.serie"]\n')
    done = _run(project, "-m", "sitecheck.build", "log.jsonl", "-s", "publishconf.py", "-o", "out")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1] == (
        f"publishconf.py: line {line}: unknown setting SHARE_SERVICE (did you mean SHARE_SERVICES?)"
    )
    # the engine's line at PLUGINS, not Pelican's "Cannot load plugin" too (console and log)
    logged = [json.loads(text)["message"] for text in (project / "log.jsonl").open()]
    assert [m for m in logged if "plugins.serie" in m] == [
        f"publishconf.py: line {line + 1}: PLUGINS: no plugin 'plugins.serie' (did you mean "
        "'plugins.series'?)"
    ]
    assert "Cannot load plugin" not in done.stderr


def test_a_settings_problem_found_later_names_its_line_too(project):
    """fastbuild listed before a plugin that writes pages: found once the generators are
    known, after the plugins' checks; the line is PLUGINS' own."""
    conf = project / "pelicanconf.py"
    text = conf.read_text().replace('    "plugins.fastbuild",  # last', "    # fastbuild moved")
    conf.write_text(
        text.replace(
            '    "plugins.galleries",\n', '    "plugins.fastbuild",\n    "plugins.galleries",\n'
        )
    )
    done = _build(project, "pelicanconf.py")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    # what the plugins did before it stopped says itself in info lines (images' count)
    said = [line for line in done.stderr.splitlines() if not line.startswith("INFO ")]
    assert said == [
        f"pelicanconf.py: line {_line_of(conf, 'PLUGINS = [')}: list 'plugins.fastbuild' last in "
        "PLUGINS (plugins.galleries and plugins.i18n write pages after it)"
    ]


def test_serve_shows_each_settings_problem_on_its_settings_file(project):
    """make serve's warm builds: the overlay's source is the settings file, one problem each."""
    line = _append(
        project / "pelicanconf.py",
        'PLUGINS += ["plugins.serie"]\nSERIES_NAVV = 1\nSHARE_SERVICE = ()\n',
    )
    report = project / "problems.json"
    request = {"args": ["-s", "pelicanconf.py", "-o", "out"], "problems": str(report)}
    done = _run(project, "-m", "plugins.fastbuild.warm", "--once", json.dumps(request))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "Cannot load plugin" not in done.stderr
    shown = json.loads(report.read_text())
    assert shown["errors"] == 3
    line += 1
    assert shown["problems"] == [
        {
            "level": "error",
            "source": "pelicanconf.py",
            "message": f"line {line - 1}: PLUGINS: no plugin 'plugins.serie' "
            "(did you mean 'plugins.series'?)",
        },
        {
            "level": "error",
            "source": "pelicanconf.py",
            "message": f"line {line}: unknown setting SERIES_NAVV (did you mean SERIES_PATH?)",
        },
        {
            "level": "error",
            "source": "pelicanconf.py",
            "message": f"line {line + 1}: unknown setting SHARE_SERVICE "
            "(did you mean SHARE_SERVICES?)",
        },
    ]


def test_a_wrong_kind_of_value_in_pelican_s_settings_is_one_line_each(project):
    """DEFAULT_PAGINATION = "8" was a CRITICAL TypeError in fastbuild's writer; FEED_MAX_ITEMS
    and SUMMARY_MAX_LENGTH as strings the same, far from the settings file. The build that
    stops names the other mistakes too (TAG_URL apart from TAG_SAVE_AS)."""
    first = _append(
        project / "pelicanconf.py",
        'DEFAULT_PAGINATION = "8"\nFEED_MAX_ITEMS = "twenty"\nSUMMARY_MAX_LENGTH = "40"\n'
        'TAG_URL = "tags/{slug}/"\n',
    )
    done = _build(project, "pelicanconf.py")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert [" ".join(line.split()) for line in done.stderr.splitlines()] == [
        f"WARNING pelicanconf.py: line {first + 3}: TAG_URL 'tags/{{slug}}/' is not where "
        "TAG_SAVE_AS writes each tag's page ('tag/{slug}/index.html'): every link to each "
        "tag's page leads to a 404; set TAG_URL = 'tag/{slug}/', or change both together",
        f"pelicanconf.py: line {first}: DEFAULT_PAGINATION must be a whole number of posts a "
        "page (or False: one page), got '8'",
        f"pelicanconf.py: line {first + 1}: FEED_MAX_ITEMS must be a whole number of posts "
        "(or None: every post), got 'twenty'",
        f"pelicanconf.py: line {first + 2}: SUMMARY_MAX_LENGTH must be a whole number of words "
        "(or None: the whole text), got '40'",
    ]


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        # SLUGIFY_SOURCE = "filename" gave each post no slug at all (Pelican knows "title" and
        # "basename" only): the build stopped on a traceback, "Cannot use {'slug'} as
        # 'translation_id'", naming neither the setting nor the file
        (
            'SLUGIFY_SOURCE = "filename"',
            'SLUGIFY_SOURCE must be "title" or "basename" (a post\'s address from its title, '
            "or its file's name), got 'filename'",
        ),
        # one ERROR per post, "could not be processed (error: missing ), unterminated
        # subpattern at position 0)", and a CRITICAL naming plugins/blogcore/frontmatter.py
        (
            'FILENAME_METADATA = "(?P<slug>.*"',
            "FILENAME_METADATA is not a valid pattern: missing ), unterminated subpattern at "
            "position 0",
        ),
        # one ERROR per post about a Date: line it does not have ("Date must be a date like
        # …, got 'soon'"), then a traceback at the first static file
        (
            'DEFAULT_METADATA = {"status": "draft", "date": "soon"}',
            "DEFAULT_METADATA gives every file a date, and 'soon' is no date: write one there "
            'as "date": "2025-03-14" (or 2025-03-14 09:30), or take "date" out (DEFAULT_DATE '
            "dates the posts without a Date: line)",
        ),
    ],
)
def test_a_slug_setting_pelican_cannot_use_is_one_line(project, setting, said):
    (project / "content" / "posts" / "moving.md").write_text(
        "Title: Moving day\nDate: 2024-05-01\nCategory: Company\n\nText.\n", encoding="utf-8"
    )
    line = _append(project / "pelicanconf.py", f"{setting}\n")
    done = _build(project, "pelicanconf.py")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert [" ".join(line.split()) for line in done.stderr.splitlines()] == [
        f"pelicanconf.py: line {line}: {said}"
    ]


def test_a_string_for_a_list_pelican_resets_is_one_line_each_in_the_file_s_order(project):
    """STATIC_PATHS = "images" was Pelican's own warning alone ("falling back to the default"),
    naming no line, and the build went on with the default; the wrong kinds came in
    alphabetical order, not the file's."""
    lines = [
        'SUMMARY_MAX_LENGTH = "40"',
        'STATIC_PATHS = "images"',
        'DEFAULT_PAGINATION = "8"',
        'THEME_TEMPLATES_OVERRIDES = "overrides"',
        'ARTICLE_PATHS = "posts"',
        'PAGE_PATHS = "pages"',
        'IGNORE_FILES = ".#*"',
        'ARTICLE_EXCLUDES = "drafts"',
    ]
    first = _append(project / "pelicanconf.py", "".join(f"{line}\n" for line in lines))
    done = _build(project, "pelicanconf.py")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    ours = done.stderr.splitlines()  # Pelican's "falling back to the default" said no more
    assert [line.split(": ")[1] for line in ours] == [f"line {first + n}" for n in range(8)]
    assert ours[1] == f"pelicanconf.py: line {first + 1}: STATIC_PATHS must be a list, got 'images'"
    assert ours[7].endswith("ARTICLE_EXCLUDES must be a list, got 'drafts'")


def test_a_string_for_a_list_given_with_e_is_named_too(project):
    done = _build(project, "pelicanconf.py", "-e", 'STATIC_PATHS="images"')
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        "Settings error: STATIC_PATHS must be a list, got 'images' (STATIC_PATHS given with "
        "-e/--extra-settings)"
    ]


def _said(done: subprocess.CompletedProcess, *words: str) -> list[str]:
    """The lines of a build's output that hold every one of words, spaces folded."""
    lines = [" ".join(line.split()) for line in done.stderr.splitlines()]
    return [line for line in lines if all(word in line for word in words)]


def _warned_then_refused(project: Path, word: str, said: str) -> subprocess.CompletedProcess:
    """A development build (into out/) that warns with the one line holding word, and a
    publish build that fails on it, an error; the development build."""
    dev = _build(project, "pelicanconf.py")
    assert dev.returncode == 0, dev.stderr
    assert _said(dev, word) == [f"WARNING {said}"]
    published = _build(project, "publishconf.py", "-o", "pub")
    assert published.returncode == 1 and "Traceback" not in published.stderr
    assert _said(published, word) == [f"ERROR {said}"]
    return dev


def test_an_address_that_is_not_where_its_pages_are_written_is_named(project):
    """ARTICLE_URL changed without ARTICLE_SAVE_AS (Pelican's usual mistake): the posts were
    still written to posts/<slug>/, and every link, the canonical URLs, the feed and the
    sitemap pointed at /2026/<slug>.html; exit 0 and not a line. Development: a warning;
    publish: an error, and the publish fails."""
    line = _append(
        project / "pelicanconf.py",
        'ARTICLE_URL = "{date:%Y}/{slug}.html"\nTAG_URL = "tags/{slug}/"\n',
    )
    article = (
        f"pelicanconf.py: line {line}: ARTICLE_URL '{{date:%Y}}/{{slug}}.html' is not where "
        "ARTICLE_SAVE_AS writes each post ('posts/{slug}/index.html'): every link to each post "
        "leads to a 404; set ARTICLE_URL = 'posts/{slug}/', or change both together"
    )
    dev = _warned_then_refused(project, "ARTICLE_URL", article)
    assert _said(dev, "TAG_URL") == [
        f"WARNING pelicanconf.py: line {line + 1}: TAG_URL 'tags/{{slug}}/' is not where "
        "TAG_SAVE_AS writes each tag's page ('tag/{slug}/index.html'): every link to each "
        "tag's page leads to a 404; set TAG_URL = 'tag/{slug}/', or change both together"
    ]


@pytest.mark.parametrize(
    ("kind", "url", "save_as", "what", "own", "old", "now"),
    [
        (
            "ARTICLE",
            "{date:%Y}/{slug}/",
            "{date:%Y}/{slug}/index.html",
            "post",
            "posts/{slug}/",
            "posts/ranges",
            "/2024/ranges/",
        ),
        # PAGE_URL moved: /about/ and every other page's address led to a 404 without a word
        (
            "PAGE",
            "pages/{slug}.html",
            "pages/{slug}.html",
            "page",
            "{slug}/",
            "about",
            "/pages/about.html",
        ),
        # listings moved: /category/company/ and every person's page led to a 404 without a
        # word, and no setting could keep them
        (
            "CATEGORY",
            "topics/{slug}/",
            "topics/{slug}/index.html",
            "category's page",
            "category/{slug}/",
            "category/company",
            "/topics/company/",
        ),
        (
            "AUTHOR",
            "people/{slug}.html",
            "people/{slug}.html",
            "person's page",
            "team/{slug}/",
            "team/cleo-park",
            "/people/cleo-park.html",
        ),
    ],
)
def test_posts_or_pages_moved_say_how_old_addresses_keep_working(
    project, kind, url, save_as, what, own, old, now
):
    conf = project / "pelicanconf.py"
    line = _append(conf, f'{kind}_URL = "{url}"\n{kind}_SAVE_AS = "{save_as}"\n')
    done = _build(project, "pelicanconf.py")
    assert done.returncode == 0, done.stderr
    assert _said(done, f"{kind}_URL") == [
        f"WARNING pelicanconf.py: line {line}: {kind}_URL {url!r} publishes every {what} "
        f"elsewhere than /{own}, this site's address: if the site published them there, those "
        f"addresses (in search engines, in other sites' links) lead to a 404 unless "
        f"REDIRECTS_OLD_{kind}_URLS lists {own!r}; if it never did (an adopted site keeping its "
        f"old addresses), write REDIRECTS_OLD_{kind}_URLS = [] (docs/redirects.md)"
    ]
    _append(conf, f'REDIRECTS_OLD_{kind}_URLS = ["{own}"]\n')
    done = _build(project, "pelicanconf.py")
    assert done.returncode == 0, done.stderr
    assert not _said(done, f"{kind}_URL") and not _said(done, f"REDIRECTS_OLD_{kind}")
    page = BeautifulSoup((project / "out" / old / "index.html").read_text(), "html.parser")
    assert page.select_one("link[rel=canonical]")["href"].endswith(now)


def test_settings_the_theme_does_not_read_are_named_with_what_to_use(project):
    """MENUITEMS, DISPLAY_CATEGORIES_ON_MENU (set to Pelican's own default), dates, an RSS
    feed no page links: each had no effect and no line. DISPLAY_PAGES_ON_MENU is read."""
    first = _append(
        project / "pelicanconf.py",
        'MENUITEMS = (("Careers", "https://tessellate.example/careers/"),)\n'
        "DISPLAY_CATEGORIES_ON_MENU = True\n"
        'DATE_FORMATS = {"en": "%d/%m/%Y"}\n'
        'FEED_ALL_RSS = "feeds/all.rss.xml"\n'
        "DISPLAY_PAGES_ON_MENU = False\n",  # read: the pages go to the footer, no line
    )
    done = _build(project, "pelicanconf.py")
    assert done.returncode == 0, done.stderr
    said = _said(done, "WARNING pelicanconf.py: line")
    assert [line.split(": ", 2)[1:] for line in said] == [
        [f"line {first + 2}", "DATE_FORMATS is not used by this theme: " + _DATES],
        [
            f"line {first + 1}",
            "DISPLAY_CATEGORIES_ON_MENU is not used by this theme: the categories are linked "
            "from every page's footer (CATEGORIES_URL), never from the menu",
        ],
        [
            f"line {first + 3}",
            "FEED_ALL_RSS writes 'feeds/all.rss.xml', which no page of this theme links: pages "
            "link the Atom feeds (FEED_ALL_ATOM); remove FEED_ALL_RSS, or keep it for readers "
            "who have its address already",
        ],
        [f"line {first}", "MENUITEMS is not used by this theme: " + _MENU],
    ]
    home = BeautifulSoup((project / "out" / "index.html").read_text(), "html.parser")
    assert "Careers" not in home.select_one("nav.site-nav").get_text()  # as the line says


_DATES = (
    "dates are written by Babel: set I18N_DATE_FORMAT ('long', 'medium', or a pattern such "
    "as 'd MMM y') and I18N_DATE_LOCALES ({'en': 'en_GB'})"
)
_MENU = (
    "the menu lists Home, Team, Archives, the first two pages of content/pages/ (the footer "
    "the others; Status: hidden leaves one out) and the feed, and takes no other links; for a "
    "link elsewhere, write a page that links it"
)


def test_a_shorter_direct_templates_names_what_it_leaves_out(project):
    """DIRECT_TEMPLATES without authors, categories, robots and notfound: the Team and
    Categories links led to pages not written, and the only lines were 'unknown setting
    AUTHORS_SAVE_AS (did you mean AUTHOR_SAVE_AS?)', which are no typos."""
    line = _append(project / "pelicanconf.py", 'DIRECT_TEMPLATES = ["index", "archives", "tags"]\n')
    done = _build(project, "pelicanconf.py")
    assert done.returncode == 0, done.stderr
    assert not _said(done, "unknown setting")
    said = _said(done, "DIRECT_TEMPLATES")
    assert [text.split(":")[2].strip() for text in said] == [
        f"DIRECT_TEMPLATES leaves out {name!r}"
        for name in ("authors", "categories", "posts", "robots", "notfound")
    ]
    assert all(text.startswith(f"WARNING pelicanconf.py: line {line}: ") for text in said)
    home = BeautifulSoup((project / "out" / "index.html").read_text(), "html.parser")
    team = home.select_one("nav.site-nav a[href$='/team/']")
    assert team is not None and not (project / "out" / "team" / "index.html").exists()
    assert "the team page (/team/) is not written" in said[0]


def test_a_markdown_extension_not_installed_is_one_line_and_the_posts_are_built(project):
    """pymdownx.tasklist without pymdown-extensions: one ModuleNotFoundError line per file,
    0 posts, exit 0. Now one line at MARKDOWN's; development builds every post without it,
    publish stops."""
    line = _append(
        project / "pelicanconf.py", 'MARKDOWN["extension_configs"]["pymdownx.tasklist"] = {}\n'
    )
    said = (
        f"pelicanconf.py: line {line}: MARKDOWN extension 'pymdownx.tasklist' is not installed "
        "(no module named 'pymdownx'): posts are built without it; add pymdown-extensions to "
        "pyproject.toml and run make lock"
    )
    # a post's task list: installing the extension fixes it; no second line saying to
    # rewrite it as a plain list
    (project / "content" / "posts" / "van.md").write_text(
        "Title: Moving day\nDate: 2025-05-05 10:00\nAuthor: Ada Byrne\n\n"
        "- [x] Book the van\n- [ ] Label the boxes\n",
        encoding="utf-8",
    )
    dev = _warned_then_refused(project, "pymdownx", said)
    assert _said(dev, "task list") == [], dev.stderr
    post = project / "out" / "posts" / "first-light" / "index.html"
    assert BeautifulSoup(post.read_text(), "html.parser").select_one("h1")


def test_a_misspelt_plugins_entry_is_named_at_its_line_with_the_one_meant(project):
    """Pelican said 'Cannot load plugin' and 'Cannot import plugin', no line, no suggestion,
    and a publish went on without the plugin."""
    # Pelican's two lines for each came first; a module that is there but fails to import
    # keeps them: they are the only ones with the reason
    (project / "broken_plugin.py").write_text("import zzq_not_installed\n")
    line = _append(
        project / "pelicanconf.py", 'PLUGINS += ["plugins.serie", "zzq_plugin", "broken_plugin"]\n'
    )
    done = _build(project, "pelicanconf.py")
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert _said(done, "Cannot load plugin") == ["ERROR Cannot load plugin `broken_plugin`"]
    assert not _said(done, "serie`") and not _said(done, "zzq_plugin`")
    assert _said(done, "PLUGINS: no plugin") == [
        f"ERROR pelicanconf.py: line {line}: PLUGINS: no plugin 'plugins.serie' (did you mean "
        "'plugins.series'?)",
        f"ERROR pelicanconf.py: line {line}: PLUGINS: no plugin 'zzq_plugin' (no plugin of that "
        "name is installed: one from PyPI goes in pyproject.toml, then make lock)",
    ]
    published = _build(project, "publishconf.py", "-o", "pub")
    assert published.returncode == 1 and len(_said(published, "PLUGINS: no plugin")) == 2


@pytest.mark.parametrize(
    ("left_out", "needs"),
    [
        (
            "plugins.i18n",
            "its language filters (lang_dir, localdate, in_lang) and the theme's words",
        ),
        ("plugins.blogcore", "its filters (isodate, absolute_url) and its memo tag"),
    ],
)
def test_a_plugin_the_theme_needs_left_out_stops_at_the_plugins_line(project, left_out, needs):
    """PLUGINS without plugins.i18n: a traceback ending in "No filter named 'content_span'"
    (the theme's first page); without blogcore, "Encountered unknown tag 'memo'"."""
    line = _append(
        project / "pelicanconf.py", f"PLUGINS = [p for p in PLUGINS if p != {left_out!r}]\n"
    )
    for conf in ("pelicanconf.py", "publishconf.py"):
        done = _build(project, conf)
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert done.stderr.splitlines() == [
            f"pelicanconf.py: line {line}: PLUGINS leaves out {left_out!r}: the theme needs "
            f"{needs}; add {left_out!r} to PLUGINS"
        ]


@pytest.mark.parametrize(
    ("listed", "expected"),
    [
        (PLUGINS, []),
        (["plugins.blogcore", "plugins.i18n"], []),
        (["plugins.blogcore"], ["plugins.i18n"]),
        ([], ["plugins.blogcore", "plugins.i18n"]),
    ],
)
def test_the_plugins_the_theme_needs(listed, expected):
    found = pelican_settings.theme_plugins_missing(listed)
    assert [line.split("'")[1] for line in found] == expected


def _settings(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return tmp_path / next(iter(files))


@pytest.mark.parametrize(
    ("files", "name", "expected"),
    [
        ({"a.py": "X = 1\nY = 2\nX = 3\n"}, "X", ("a.py", 3, "")),
        ({"a.py": "A = B = 1\nC, D = 1, 2\n"}, "B", ("a.py", 1, "")),
        ({"a.py": "A = B = 1\nC, D = 1, 2\n"}, "D", ("a.py", 2, "")),
        ({"a.py": 'M = {}\nM["k"] = 1\nM2 = 0\n'}, "M", ("a.py", 2, "")),
        ({"a.py": "L = []\nL += [1]\n"}, "L", ("a.py", 2, "")),
        ({"a.py": "if True:\n    X = 1\nelse:\n    X = 2\n"}, "X", ("a.py", 4, "")),
        ({"a.py": "def f():\n    X = 1\n"}, "X", None),
        (
            {"pub.py": "from base import *\nX = 2\n", "base.py": "X = 1\nY = 1\n"},
            "X",
            ("pub.py", 2, ""),
        ),
        (
            {"pub.py": "from base import *\nX = 2\n", "base.py": "X = 1\nY = 1\n"},
            "Y",
            ("base.py", 2, ""),
        ),
        (
            {"pub.py": "Y = 0\nfrom base import *\n", "base.py": "Y = 1\n"},
            "Y",
            ("base.py", 1, ""),
        ),
        ({"pub.py": "from base import Y\n", "base.py": "Y = 1\n"}, "Y", ("base.py", 1, "")),
        ({"a.py": "from a import *\n"}, "Z", None),
        (
            {"a.py": 'import os\nU = os.environ.get("SITEURL", "x")\n'},
            "U",
            ("a.py", 2, "SITEURL"),
        ),
        ({"a.py": 'import os\nU = os.getenv("HOST") or "x"\n'}, "U", ("a.py", 2, "HOST")),
        ({"a.py": 'from os import environ\nU = environ["HOST"]\n'}, "U", ("a.py", 2, "HOST")),
        ({"a.py": "X = (\n"}, "X", None),
    ],
)
def test_the_assignment_that_wins(tmp_path, files, name, expected):
    found = origin.assignment(_settings(tmp_path, files), name)
    got = found and (found.path.name, found.line, found.environ)
    assert got == expected


@pytest.mark.parametrize(
    ("files", "names", "expected"),
    [
        ({"a.py": "B = 1\nA = 2\nC = 3\n"}, ["A", "B", "C"], ["B", "A", "C"]),
        ({"a.py": "B = 1\nA = 2\nB = 3\n"}, ["A", "B"], ["A", "B"]),  # the last one wins
        # a name the imported file sets runs at the import's line
        (
            {"pub.py": "X = 0\nfrom base import *\nY = 2\n", "base.py": "Z = 1\nW = 1\n"},
            ["Y", "W", "X", "Z"],
            ["X", "Z", "W", "Y"],
        ),
        ({"a.py": "B = 1\n"}, ["Q", "B", "P"], ["B", "Q", "P"]),  # set by no file: last
    ],
)
def test_settings_in_the_order_the_file_sets_them(tmp_path, files, names, expected):
    assert origin.in_file_order(_settings(tmp_path, files), names) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [('S = "images"\n', "images"), ('S = ["images"]\n', None), ('S = "a"\nS += "b"\n', None)],
)
def test_the_string_an_assignment_gives_as_it_is(tmp_path, text, expected):
    assert origin.assignment(_settings(tmp_path, {"a.py": text}), "S").text == expected


def test_a_settings_file_is_parsed_once_while_it_is_unchanged(tmp_path, monkeypatch):
    # a build asks where a dozen settings were set: it parsed the file (and each file it
    # imports from) once per name
    conf = _settings(tmp_path, {"pub.py": "from base import *\nA = 1\n", "base.py": "B = 2\n"})
    parsed = []
    real = origin.ast.parse
    monkeypatch.setattr(origin.ast, "parse", lambda *a, **k: parsed.append(a[1]) or real(*a, **k))
    for name in ("A", "B", "C") * 4:
        origin.assignment(conf, name)
    assert sorted(Path(p).name for p in parsed) == ["base.py", "pub.py"]
    conf.write_text("from base import *\nA = 1\nC = 3\n", encoding="utf-8")  # an edit
    assert origin.assignment(conf, "C").line == 3


def test_the_command_line_is_read_once(monkeypatch):
    import pelican

    from plugins.engine import settings_errors

    argv = ["pelican", "content", "-s", "pelicanconf.py", "-e", "ONE_OF_THIS_TEST=1"]
    monkeypatch.setattr(sys, "argv", argv)
    read = []
    real = pelican.parse_arguments
    monkeypatch.setattr(pelican, "parse_arguments", lambda a: read.append(a) or real(a))
    for _ in range(5):
        assert settings_errors._command_line()[1] == {"ONE_OF_THIS_TEST"}
    assert len(read) == 1


@pytest.mark.parametrize(
    ("message", "key"),
    [
        ("TIMEZONE must be a time zone name such as 'Europe/London' or 'UTC', got 'x'", "TIMEZONE"),
        ("unknown setting SERIES_NAVV (did you mean SERIES_PATH?)", "SERIES_NAVV"),
        ("the covers plugin needs the images plugin: add 'plugins.images' to PLUGINS", "PLUGINS"),
        ("CSP_EXTRA: img-src: 'self' is a keyword", "CSP_EXTRA"),
        ("I18N_DOMAIN and I18N_DATE_FORMAT cannot be empty", "I18N_DOMAIN"),
        ("something else entirely", None),
    ],
)
def test_the_setting_a_message_is_about(message, key):
    names = {"TIMEZONE", "SERIES_NAVV", "PLUGINS", "CSP_EXTRA", "I18N_DOMAIN", "I18N_DATE_FORMAT"}
    assert origin.setting_in(message, names) == key


@pytest.mark.parametrize(
    ("key", "conf", "expected", "set_at"),
    [
        ("X", "a.py", "a.py: line 1: X must be 1", "a.py line 1"),
        # a file's line says it too: the value is not the file's line to change (where_set
        # said "a.py line 3" alone)
        (
            "U",
            "a.py",
            "a.py: line 3: U must be 1 (from the environment variable SITEURL)",
            "a.py line 3, from the environment variable SITEURL",
        ),
        # the variable unset: the line's default was used, not the environment
        (
            "D",
            "a.py",
            "a.py: line 4: D must be 1 (the line's default: the environment variable "
            "UNSET_IN_THIS_TEST is not set)",
            "a.py line 4, the line's default: the environment variable UNSET_IN_THIS_TEST "
            "is not set",
        ),
        (
            "E",
            "a.py",
            "Settings error: E must be 1 (E given with -e/--extra-settings)",
            "given with -e/--extra-settings",
        ),
        (
            "O",
            "a.py",
            "Settings error: O must be 1 (O given on Pelican's command line)",
            "given on Pelican's command line",
        ),
        ("Z", "a.py", "a.py: Z must be 1", ""),  # set by no file: its default, or Pelican's
        (None, "a.py", "a.py: None must be 1", None),
        # a build started by code (no Pelican command line): the words it always had
        ("X", None, "Settings error: X must be 1", ""),
    ],
)
def test_the_line_says_where_the_value_came_from(
    tmp_path, monkeypatch, key, conf, expected, set_at
):
    """A settings line (origin.located) and a file's line that names a setting (set_at, as
    settings_errors.where_set gives it: "write ARTICLE_URL without {series} (pelicanconf.py
    line 251)") say where it was set from the same cases."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.py").write_text(
        'X = 1\nimport os\nU = os.environ.get("SITEURL", "")\n'
        'D = os.environ.get("UNSET_IN_THIS_TEST", "")\n'
    )
    monkeypatch.setenv("SITEURL", "https://blog.example")
    monkeypatch.delenv("UNSET_IN_THIS_TEST", raising=False)
    message = f"{key} must be 1"
    said = origin.located(message, key, conf, frozenset({"E"}), frozenset({"O"}))
    assert said == expected
    if key is not None:
        assert origin.set_at(key, conf, frozenset({"E"}), frozenset({"O"})) == set_at


PELICANS = {"WITH_FUTURE_DATES", "SITEURL", "DEFAULT_LANG", "PLUGINS", "THEME", "FEED_ALL_ATOM"}


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (
            {"WITH_FUTURE_DATE"},
            ["unknown setting WITH_FUTURE_DATE (did you mean WITH_FUTURE_DATES?)"],
        ),
        ({"SITE_URL"}, ["unknown setting SITE_URL (did you mean SITEURL?)"]),
        # a theme's own settings, far from every known name
        ({"SITE_TAGLINE", "SOCIAL", "THEME_COLOR", "SITESUBTITLE"}, []),
        ({"_SPELT_OUT"}, []),  # a helper of the settings file, not a setting
        ({"THEM", "POT"}, []),  # too short to tell a typo from a name of its own
        ({"SERIES_PATHS"}, []),  # a plugin's prefix: the plugin names it itself
        ({"DEFAULT_LANG", "SITEURL", "SERIES_PATH"}, []),
        ({"FEED_ALL_ATOMS"}, ["unknown setting FEED_ALL_ATOMS (did you mean FEED_ALL_ATOM?)"]),
    ],
)
def test_names_near_a_known_one(given, expected):
    found = near_misses(frozenset(given), PELICANS, {"SERIES_PATH", "SERIES_URL"}, set())
    assert [line for line, _ in found] == expected


def test_the_overlay_splits_a_stop_into_its_problems():
    record = logging.makeLogRecord(
        {
            "levelno": logging.ERROR,
            "levelname": "ERROR",
            "msg": "pelicanconf.py: line 3: A is wrong\nSettings error: B is wrong (B given with "
            "-e/--extra-settings)",
        }
    )
    assert problems(record) == [
        {"level": "error", "source": "pelicanconf.py", "message": "line 3: A is wrong"},
        {
            "level": "error",
            "source": "",
            "message": "Settings error: B is wrong (B given with -e/--extra-settings)",
        },
    ]
    prose = logging.makeLogRecord({"levelno": logging.ERROR, "levelname": "ERROR", "msg": "a\nb"})
    assert len(problems(prose)) == 1


def test_a_plugin_that_fails_to_load_stops_a_publish(project):
    """Pelican logs 'Cannot load plugin' while it loads plugins, before blogcore counts errors:
    a publish with plugins.csp failing to import exited 0 and deployed a site without its
    Content-Security-Policy. Now it stops, one line at PLUGINS; a development build goes on."""
    (project / "broken_plugin.py").write_text(
        "import no_such_module_xyz  # noqa\n\n\ndef register():\n    pass\n"
    )
    line = _append(project / "pelicanconf.py", 'PLUGINS += ["broken_plugin"]\n')
    dev = _build(project, "pelicanconf.py")
    assert dev.returncode == 0 and _said(dev, "failed to load") == [], dev.stderr
    assert _said(dev, "Cannot load plugin", "broken_plugin")
    published = _build(project, "publishconf.py", "-o", "pub")
    assert published.returncode == 1 and "Traceback" not in published.stderr
    assert _said(published, "failed to load") == [
        f"pelicanconf.py: line {line}: PLUGINS: 'broken_plugin' failed to load (Pelican's "
        "error above says why), and a publish does not go on without it: nothing was "
        "published; fix it, or take it out of PLUGINS"
    ]
    assert not (project / "pub" / "index.html").exists()


def test_a_string_for_plugins_is_one_line_at_its_line(project):
    """PLUGINS = "plugins.blogcore" was Pelican's warning alone ('falling back to the
    default', no line), then a template's unknown tag: no plugin of ours was loaded to say
    it at its line. Now the filter on the build's console makes Pelican's record that line."""
    line = _append(project / "pelicanconf.py", 'PLUGINS = "plugins.blogcore"\n')
    done = _build(project, "publishconf.py")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert not _said(done, "Detected misconfiguration"), done.stderr
    assert _said(done, "PLUGINS must be a list") == [
        f"ERROR pelicanconf.py: line {line}: PLUGINS must be a list, got 'plugins.blogcore': "
        "Pelican ignores a string here, so no plugin of this site's was loaded and none of "
        "their checks ran; write PLUGINS = ['plugins.blogcore']"
    ]


# a theme that builds without any plugin of ours (Pelican's own), as a site adopting this
# engine may still have: the build succeeds, so nothing but the publish itself can refuse it
STOCK_THEME = (
    'THEME = "simple"\nDIRECT_TEMPLATES = ["index", "categories", "tags", "authors", "archives"]\n'
)


@pytest.mark.parametrize(
    ("plugins", "said"),
    [
        # none listed: exit 0 and a site without _headers, the CSP or the publish checks
        ("PLUGINS = []\n", None),
        # a string: Pelican's default (None) loads no plugin of ours either
        (
            'PLUGINS = "plugins.blogcore"\n',
            "PLUGINS must be a list, got 'plugins.blogcore'",
        ),
        # the only entry misspelt: nothing was said above the refusal's "see above" (our log
        # handling keeps Pelican's "Cannot load plugin" line for the engine, which never ran)
        (
            'PLUGINS = ["plugins.blogcor"]\n',
            "publishconf.py: line {line}: PLUGINS: no plugin 'plugins.blogcor' (did you mean "
            "'plugins.blogcore'?)",
        ),
    ],
)
def test_a_publish_that_ran_none_of_our_plugins_is_refused(project, capfd, plugins, said):
    import tasks

    conf = project / "publishconf.py"
    line = _append(conf, plugins + STOCK_THEME)
    output = project / "output"
    status = tasks.atomic_build(conf, output, project / "content")
    lines = [" ".join(line.split()) for line in capfd.readouterr().err.splitlines()]
    assert status == 1
    assert lines[-1] == (
        f"Publish refused: none of this site's plugins ran ({conf}'s PLUGINS lists none of "
        "them, or they failed to load: see above), so the site had no "
        "Content-Security-Policy and none of the publish checks; list them in PLUGINS; "
        f"{output} was left as it was."
    )
    if said:
        assert [text for text in lines if said.format(line=line) in text], lines
    assert not output.exists()
    assert not [p for p in (project / ".output.builds").iterdir()]  # no build, no record


def test_an_old_themes_comments_and_counter_settings_are_named():
    # an adopted blog's DISQUS_SITENAME: its old posts' threads were gone, with no line
    said = pelican_settings.not_honoured(
        {"DISQUS_SITENAME": "3strandcode", "GOOGLE_ANALYTICS": "UA-1"},
        ["DISQUS_SITENAME", "GOOGLE_ANALYTICS"],
    )
    assert said == [
        "DISQUS_SITENAME is not used by this theme: comments are COMMENTS_PROVIDER's; to keep "
        "the old threads, set COMMENTS_PROVIDER = 'disqus', COMMENTS_DISQUS_SHORTNAME to this "
        "value and COMMENTS_ID = '{slug}.html' (the old ARTICLE_URL) (docs/comments.md)",
        "GOOGLE_ANALYTICS is not used by this theme: the counter is ANALYTICS_PROVIDER's "
        "(cookie-free ones only: docs/reach.md); Google Analytics is not one",
    ]


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize(
    ("task", "after"),
    [
        ("preview", "output/ was left as it was."),
        ("check", "nothing was checked."),
    ],
)
def test_a_preview_or_check_that_ran_none_of_our_plugins_is_refused(project, task, after):
    """`invoke preview` and `make check` built such a site, exit 0, and served it or ran
    every gate green on it: the same refusal as a publish now, before serving or checking."""
    shutil.copy(ROOT / "tasks.py", project / "tasks.py")
    (project / "sitecheck").symlink_to(ROOT / "sitecheck")
    # the only entry misspelt: named above the refusal, with the one meant
    line = _append(project / "publishconf.py", 'PLUGINS = ["plugins.blogcor"]\n' + STOCK_THEME)
    args = ["--port", str(_free_port())] if task == "preview" else ["--only", "html"]
    # before, a preview served on: the timeout ends it
    done = subprocess.run(
        [sys.executable, "-m", "invoke", task, *args],
        cwd=project, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-2:-1] == [
        f"publishconf.py: line {line}: PLUGINS: no plugin 'plugins.blogcor' (did you mean "
        "'plugins.blogcore'?)"
    ]
    assert done.stderr.splitlines()[-1] == (
        f"{task.title()} refused: none of this site's plugins ran (publishconf.py's PLUGINS lists "
        "none of them, or they failed to load: see above), so the site had no "
        f"Content-Security-Policy and none of the publish checks; list them in PLUGINS; {after}"
    )
    assert not [p for p in (project / ".output.builds").glob("*")]  # no preview left behind


def _blogcore_misspelt(project: Path) -> list[str]:
    """The project's tasks, with its pelicanconf.py's PLUGINS = ["plugins.blogcor"] alone;
    the two lines a build of it must say after the theme's {% memo %} error."""
    shutil.copy(ROOT / "tasks.py", project / "tasks.py")
    (project / "sitecheck").symlink_to(ROOT / "sitecheck")
    conf = project / "pelicanconf.py"
    text = conf.read_text()
    start = text.index("PLUGINS = [")
    conf.write_text(
        text[:start] + 'PLUGINS = ["plugins.blogcor"]\n' + text[text.index("]\n", start) + 2 :]
    )
    line = text.count("\n", 0, start) + 1
    return [
        f"pelicanconf.py: line {line}: PLUGINS: no plugin 'plugins.blogcor' (did you mean "
        "'plugins.blogcore'?)",
        f"pelicanconf.py: line {line}: PLUGINS leaves out plugins.blogcore, which the theme "
        "needs (the {% memo %} tag of the template error above is its): list it in PLUGINS, "
        "with the site's other plugins.",
    ]


@pytest.mark.parametrize("task", ["build", "publish"])
def test_a_build_whose_plugins_leave_out_blogcore_names_it_not_only_the_theme_s_tag(project, task):
    """With the site's theme and PLUGINS = ["plugins.blogcor"], `make build` stopped at
    "TemplateSyntaxError: Encountered unknown tag 'memo'", naming no plugin (no engine ran
    to say it): the lines now name the entry and the plugin the theme needs."""
    said = _blogcore_misspelt(project)
    done = subprocess.run(
        [sys.executable, "-m", "invoke", task],
        cwd=project, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    at = lines.index(said[0])
    assert lines[at : at + 2] == said
    assert lines[at + 2 :] == (
        [f"Publish failed (exit 1); {project / 'output'} was left as it was."]
        if task == "publish"
        else []
    )


def test_old_settings_pasted_at_the_end_name_blogcore_not_their_own_plugin(project):
    """An old site's pelicanconf.py pasted at the end (docs/adopting.md: "add yours at the
    end") replaced PLUGINS with its own plugin, found in its PLUGIN_PATHS: `make build`
    stopped at the theme's {% memo %} error with one line saying that plugin was not
    installed (it had loaded), and none naming plugins.blogcore (the sample's list above
    counted as listing it)."""
    shutil.copy(ROOT / "tasks.py", project / "tasks.py")
    (project / "sitecheck").symlink_to(ROOT / "sitecheck")
    plugin = project / "old-plugins" / "shout"
    plugin.mkdir(parents=True)
    (plugin / "__init__.py").write_text("def register():\n    pass\n")
    line = _append(
        project / "pelicanconf.py",
        '\n# the old site\'s\nPLUGIN_PATHS = ["old-plugins"]\nPLUGINS = ["shout"]\n',
    )
    done = subprocess.run(
        [sys.executable, "-m", "invoke", "build"],
        cwd=project, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "no plugin 'shout'" not in done.stderr
    assert done.stderr.splitlines()[-1] == (
        f"pelicanconf.py: line {line + 3}: PLUGINS leaves out plugins.blogcore, which the "
        "theme needs (the {% memo %} tag of the template error above is its): list it in "
        "PLUGINS, with the site's other plugins."
    )


def test_serve_whose_plugins_leave_out_blogcore_says_what_a_build_says(project):
    """`make serve`'s first build (in its warm builder) printed the theme's {% memo %} error
    alone, naming no plugin: it now says the two lines `make build` says, after that error."""
    said = _blogcore_misspelt(project)
    env = {**os.environ, "COMMENTS_ISSO_URL": "http://127.0.0.1:9"}  # no local Isso
    terminal = project / "terminal.log"
    command = [sys.executable, "-m", "invoke", "serve", "--port", str(_free_port())]
    with terminal.open("w") as out:
        process = subprocess.Popen(command, cwd=project, env=env, stdout=out, stderr=out)
    try:
        deadline = time.monotonic() + 180
        while "Serving " not in terminal.read_text() and time.monotonic() < deadline:
            assert process.poll() is None, terminal.read_text()
            time.sleep(0.2)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
    lines = terminal.read_text().splitlines()
    memo = next(n for n, text in enumerate(lines) if "unknown tag 'memo'" in text)
    assert lines[memo + 1 : memo + 4] == [*said, "The first build failed; serving what was built."]
    assert "Traceback" not in terminal.read_text()
    assert not list((project / ".output.builds").glob("*.engine"))  # its record went with it


def test_the_feed_of_all_posts_turned_off_is_named_and_stops_a_publish(project):
    """An old site's development settings pasted at the end (Pelican's quickstart: feeds off
    while developing): `make publish` shipped no /feeds/all.atom.xml and no Feed link, exit 0
    and not a line, and its subscribers got a 404."""
    line = _append(project / "pelicanconf.py", "FEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\n")
    said = (
        f"pelicanconf.py: line {line}: FEED_ALL_ATOM is None: the site writes no feed of all "
        "posts and its pages link none (no Feed link in the header), so readers subscribed to "
        "/feeds/all.atom.xml get a 404; remove this line (the sample's FEED_ALL_ATOM = "
        "'feeds/all.atom.xml', Pelican's address, then stands) or set it to the old site's "
        "feed (docs/adopting.md)"
    )
    _warned_then_refused(project, "FEED_ALL_ATOM", said)
    # the publish settings give the feed back: the development build says nothing
    _append(project / "publishconf.py", 'FEED_ALL_ATOM = "feeds/all.atom.xml"\n')
    dev = _build(project, "pelicanconf.py", "-o", "again")
    assert dev.returncode == 0, dev.stderr
    assert _said(dev, "FEED_ALL_ATOM") == []
    published = _build(project, "publishconf.py", "-o", "pub")
    assert published.returncode == 0, published.stderr
    assert (project / "pub" / "feeds" / "all.atom.xml").is_file()
    # a site that wants no feed says so in its publish settings: its choice, no line
    _append(project / "publishconf.py", "FEED_ALL_ATOM = None\n")
    chosen = _build(project, "publishconf.py", "-o", "none")
    assert chosen.returncode == 0, chosen.stderr
    assert _said(chosen, "FEED_ALL_ATOM") == []
    assert not (project / "none" / "feeds" / "all.atom.xml").exists()


def test_an_adopted_site_keeping_its_old_post_addresses_says_so_and_hears_no_move(project):
    """thewagner.net's old ARTICLE_URL kept with its SAVE_AS was told in every build that it
    "moves every post from /posts/{slug}/", where it never published one."""
    _append(
        project / "pelicanconf.py",
        'ARTICLE_URL = "blog/{date:%Y}/{slug}/"\n'
        'ARTICLE_SAVE_AS = "blog/{date:%Y}/{slug}/index.html"\n'
        "REDIRECTS_OLD_ARTICLE_URLS = []\n",
    )
    done = _build(project, "pelicanconf.py")
    assert done.returncode == 0, done.stderr
    assert not _said(done, "ARTICLE_URL"), done.stderr
    assert (project / "out" / "blog" / "2024" / "ranges" / "index.html").is_file()


def test_an_address_pelican_cannot_use_stops_the_build_at_its_line(project):
    """ARTICLE_URL = None was a traceback ('NoneType' object has no attribute 'format');
    TAG_URL with {title} a KeyError traceback. Now one line each, nothing written."""
    line = _append(project / "pelicanconf.py", 'ARTICLE_URL = None\nTAG_URL = "tag/{title}/"\n')
    done = _build(project, "pelicanconf.py")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        f"pelicanconf.py: line {line}: ARTICLE_URL must be an address in quotes, got None: "
        "write ARTICLE_URL = 'posts/{slug}/'",
        f"pelicanconf.py: line {line + 1}: TAG_URL 'tag/{{title}}/' uses {{title}}, which "
        "Pelican does not fill for a tag's page ({slug} and {name} only): write TAG_URL = "
        "'tag/{slug}/'",
    ]
    assert not (project / "out").exists() or not any((project / "out").iterdir())


def test_an_address_given_as_a_path_is_taken_where_pelican_takes_one(project):
    """TAG_SAVE_AS = Path('tag') / '{slug}.html' stopped the build ("must be a file name in
    quotes") though Pelican writes the tag pages with it; a period archive's it cannot use
    (a traceback: 'PosixPath' object has no attribute 'format') still stops it."""
    conf = project / "pelicanconf.py"
    _append(
        conf,
        "from pathlib import Path\n"
        'TAG_SAVE_AS = Path("tag") / "{slug}.html"\nTAG_URL = Path("tag") / "{slug}.html"\n'
        'ARTICLE_SAVE_AS = Path("posts") / "{slug}" / "index.html"\n'
        "REDIRECTS_OLD_TAG_URLS = []\n",  # a site that never had /tag/{slug}/
    )
    done = _build(project, "pelicanconf.py")
    assert done.returncode == 0 and not _said(done, "_SAVE_AS"), done.stderr
    assert (project / "out" / "posts" / "ranges" / "index.html").is_file()
    page = BeautifulSoup((project / "out" / "tag" / "python.html").read_text(), "html.parser")
    assert page.select_one("main h1") is not None
    post = BeautifulSoup(
        (project / "out" / "posts" / "ranges" / "index.html").read_text(), "html.parser"
    )
    assert "/tag/python.html" in {urlparse(a["href"]).path for a in post.select("a[href]")}
    line = _append(conf, 'YEAR_ARCHIVE_SAVE_AS = Path("archives") / "{date:%Y}" / "index.html"\n')
    done = _build(project, "pelicanconf.py")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        f"pelicanconf.py: line {line}: YEAR_ARCHIVE_SAVE_AS must be a file name in quotes (a "
        "Path serves a post's, page's, tag's, category's or person's address, not an "
        "archive's), got PosixPath('archives/{date:%Y}/index.html'); write "
        "YEAR_ARCHIVE_SAVE_AS = 'archives/{date:%Y}/index.html', or YEAR_ARCHIVE_SAVE_AS = '' "
        "to write no yearly archives"
    ]


def test_a_listing_page_s_address_of_the_wrong_shape_is_mended_and_said(project):
    """TAGS_SAVE_AS = "/tag/index.html" stopped the build on Pelican's traceback ("Attempted
    to break out of output directory"), TAGS_URL = "/tag/" linked http://…//tag/ from every
    page; a development build now writes and links the list of tags where the lines say."""
    line = _append(
        project / "pelicanconf.py", 'TAGS_SAVE_AS = "/tag/index.html"\nTAGS_URL = "/tag/"\n'
    )
    said = (
        f"pelicanconf.py: line {line}: TAGS_SAVE_AS '/tag/index.html' starts with a slash: "
        "Pelican writes no file outside the output folder, and stops the build on it with "
        "a traceback; write TAGS_SAVE_AS = 'tag/index.html' (this build uses it meanwhile)"
    )
    dev = _warned_then_refused(project, "TAGS_SAVE_AS", said)
    assert _said(dev, "TAGS_URL") == [
        f"WARNING pelicanconf.py: line {line + 1}: TAGS_URL '/tag/' starts with a slash: the "
        "theme puts SITEURL and a slash before it, so every link to the list of tags has // "
        "in it; write TAGS_URL = 'tag/' (this build uses it meanwhile)"
    ]
    tags = BeautifulSoup((project / "out" / "tag" / "index.html").read_text(), "html.parser")
    assert tags.select_one("main h1") is not None
    home = BeautifulSoup((project / "out" / "index.html").read_text(), "html.parser")
    links = {a["href"] for a in home.select("a[href]") if a["href"].rstrip("/").endswith("tag")}
    assert links and all(urlparse(href).path == "/tag/" for href in links), links


def test_a_key_in_a_listing_page_s_address_stops_the_build_at_its_line(project):
    """TAGS_SAVE_AS = "tag/{slug}.html" wrote one page named tag/{slug}.html, braces and
    all: Pelican fills no key there."""
    line = _append(project / "pelicanconf.py", 'TAGS_SAVE_AS = "tag/{slug}.html"\n')
    done = _build(project, "pelicanconf.py")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        f"pelicanconf.py: line {line}: TAGS_SAVE_AS 'tag/{{slug}}.html' uses {{slug}}: "
        "Pelican fills no key in the address of the list of tags, and writes and links it as "
        "it is, braces and all; write TAGS_SAVE_AS = 'tag/index.html'"
    ]
    assert not (project / "out" / "tag" / "{slug}.html").exists()


def test_a_plugin_s_own_address_settings_are_checked_as_pelican_s(project):
    """SERIES_SAVE_AS = "/series/{slug}/index.html" stopped the build on Pelican's traceback
    ("Attempted to break out of output directory") and a key the series plugin does not fill
    (SERIES_URL's {title}) on a KeyError's: the plugins' pairs (their settings.py's
    ADDRESSES) are said as Pelican's are, at their lines."""
    shutil.rmtree(project / "content")
    shutil.copytree(ROOT / "tests" / "fixtures" / "series", project / "content")
    line = _append(project / "pelicanconf.py", 'SERIES_SAVE_AS = "/series/{slug}/index.html"\n')
    said = (
        f"pelicanconf.py: line {line}: SERIES_SAVE_AS '/series/{{slug}}/index.html' starts "
        "with a slash: Pelican writes no file outside the output folder, and stops the build "
        "on it with a traceback; write SERIES_SAVE_AS = 'series/{slug}/index.html' (this build "
        "uses it meanwhile)"
    )
    _warned_then_refused(project, "SERIES_SAVE_AS", said)
    page = project / "out" / "series" / "moving-house" / "index.html"
    assert BeautifulSoup(page.read_text(), "html.parser").select_one("main h1") is not None
    # without {slug}, the plugin's own line ("must contain {slug}", no value to write) came
    # too: two lines for one mistake
    conf = project / "pelicanconf.py"
    before = conf.read_text()
    for value in ("series/{slug}/{title}/", "series/{title}/"):
        conf.write_text(before)
        line = _append(conf, f'SERIES_URL = "{value}"\n')
        done = _build(project, "pelicanconf.py")
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert _said(done, "SERIES_URL") == [
            f"pelicanconf.py: line {line}: SERIES_URL {value!r} uses {{title}}, which the series "
            "plugin does not fill for a series' page ({slug} and {lang} only): write "
            "SERIES_URL = 'series/{slug}/'"
        ]


def test_the_value_offered_for_a_plugin_s_address_is_one_its_own_check_takes(project):
    """SERIES_URL = "/series/all/" was a warning offering 'series/all/', which the series
    plugin then refused ("must contain {slug}", exit 1): the value offered keeps the keys of
    the plugin's default, and the build goes on with it."""
    shutil.rmtree(project / "content")
    shutil.copytree(ROOT / "tests" / "fixtures" / "series", project / "content")
    conf = project / "pelicanconf.py"
    line = _append(conf, 'SERIES_URL = "/series/all/"\n')
    said = (
        f"pelicanconf.py: line {line}: SERIES_URL '/series/all/' starts with a slash: the theme "
        "puts SITEURL and a slash before it, so every link to each series' page has // in it; "
        "write SERIES_URL = 'series/{slug}/' (this build uses it meanwhile)"
    )
    _warned_then_refused(project, "SERIES_URL", said)
    page = project / "out" / "series" / "moving-house" / "index.html"
    assert BeautifulSoup(page.read_text(), "html.parser").select_one("main h1") is not None


def _shelf(project: Path, settings: str) -> Path:
    """A plugin of someone else's in the project (loaded from PLUGIN_PATHS), whose receiver
    imports its settings.py (``settings``, its text) only when it runs; its folder."""
    shelf = project / "shelf"
    shelf.mkdir()
    (shelf / "__init__.py").write_text(
        '"""A shelf page (a plugin of someone else\'s, loaded from PLUGIN_PATHS)."""\n\n'
        "from pelican import signals\n\n\n"
        "def _configured(pelican):\n"
        "    from . import settings  # only now, as a plugin may keep its start-up cheap\n\n"
        "    for name, value in settings.DEFAULTS.items():\n"
        "        pelican.settings.setdefault(name, value)\n\n\n"
        "def register():\n"
        "    signals.initialized.connect(_configured)\n"
    )
    (shelf / "settings.py").write_text(settings)
    return shelf


def test_a_listed_plugin_s_address_pair_is_checked_whatever_it_imported_first(project):
    """The checks found a plugin's settings.py (ADDRESSES, DEFAULTS) among the modules
    imported so far: a plugin that imports it only when its receiver runs, after the address
    check, had its pair unchecked (SHELF_URL = "/shelf/": exit 0, not a word, a // in every
    link). Found through the plugins Pelican loaded now."""
    _shelf(
        project,
        'DEFAULTS = {"SHELF_URL": "shelf/", "SHELF_SAVE_AS": "shelf/index.html"}\n'
        'ADDRESSES = {"SHELF": ((), "the shelf page")}\n',
    )
    line = _append(
        project / "pelicanconf.py", 'PLUGINS = [*PLUGINS, "shelf"]\nSHELF_URL = "/shelf/"\n'
    )
    done = _build(project, "pelicanconf.py")
    assert done.returncode == 0, done.stderr
    assert _said(done, "SHELF_URL") == [
        f"WARNING pelicanconf.py: line {line + 1}: SHELF_URL '/shelf/' starts with a slash: the "
        "theme puts SITEURL and a slash before it, so every link to the shelf page has // in "
        "it; write SHELF_URL = 'shelf/' (this build uses it meanwhile)"
    ]


def test_an_address_pelican_misuses_warns_in_development_and_fails_a_publish(project):
    """ARTICLE_URL = "" pointed every post at the home page, exit 0 and not a line; a
    development build now links them where they are written, the value the line gives."""
    line = _append(project / "pelicanconf.py", 'ARTICLE_URL = ""\n')
    said = (
        f"pelicanconf.py: line {line}: ARTICLE_URL '' is empty: every link to each post leads "
        "to the home page; write ARTICLE_URL = 'posts/{slug}/' (this build uses it meanwhile)"
    )
    _warned_then_refused(project, "ARTICLE_URL", said)
    home = BeautifulSoup((project / "out" / "index.html").read_text(), "html.parser")
    paths = {urlparse(a["href"]).path for a in home.select("main h2 a.u-url")}
    assert paths == {"/posts/garden-party/", "/posts/ranges/", "/posts/first-light/"}


def test_a_plugin_s_settings_module_that_raises_is_one_line_at_its_line(project):
    """A typo in a plugin's settings.py (a NameError), imported by the settings check before
    the plugin's own receiver: the build stopped on the bare error, with nothing to do."""
    _shelf(project, '"""The shelf\'s settings."""\n\nDEFAULTS = {"SHELF_URL": shelf_url}\n')
    _append(project / "pelicanconf.py", 'PLUGINS = [*PLUGINS, "shelf"]\n')
    done = _build(project, "pelicanconf.py")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "shelf/settings.py: line 3: NameError: name 'shelf_url' is not defined (the settings "
        "module of the plugin shelf, which every build reads): mend it there, or take 'shelf' "
        "out of PLUGINS."
    ]


@pytest.mark.parametrize(
    ("source", "said"),
    [
        ('"""Settings."""\n\nDEFAULTS = {"A": a}\n', "line 3: NameError: name 'a' is not defined"),
        ("DEFAULTS = {\n", "line 1: SyntaxError: '{' was never closed"),
        (
            "import nowhere_at_all\n",
            "line 1: ModuleNotFoundError: No module named 'nowhere_at_all'",
        ),
    ],
)
def test_the_line_of_a_settings_module_that_raises_names_its_line(tmp_path, source, said):
    path = tmp_path / "settings.py"
    path.write_text(source)
    try:
        exec(compile(source, str(path), "exec"), {})
    except Exception as exc:
        line = settings_errors.unimportable_line("shelf", str(path), exc)
    assert line == (
        f"{path}: {said} (the settings module of the plugin shelf, which every build reads): "
        "mend it there, or take 'shelf' out of PLUGINS."
    )
