"""Pelican's own knobs as a site's owner turns them: MARKDOWN replaced, STATIC_PATHS grown at the
end of pelicanconf.py, BLOGCORE_BUNDLES given in part, TYPOGRIFY on. The engine keeps what it
needs, or says in one line at the setting's line why it cannot (plugins/blogcore/settings.py)."""

import io
import logging
from pathlib import Path

import pelican
import pytest
from markdown.extensions.toc import TocExtension
from PIL import Image

from plugins.blogcore.settings import (
    DEFAULTS,
    ENGINE_MARKDOWN,
    SettingsError,
    configure,
    markdown_settings,
    static_excludes,
)
from tests import test_engine_settings_errors as settings_lines

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

POST = """Title: Notes from the install day
Date: 2024-05-01 10:00
Category: Engineering
Author: Ada Byrne
Summary: Notes.

# Our top heading

We said "yes" -- then waited.

!!! note "Heads up"
    The room is booked.
"""

# Pelican's documented way to add an extension: the whole dict, as Pelican's docs show it
PELICANS_MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.codehilite": {"css_class": "highlight", "linenums": False},
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}


def test_a_replaced_markdown_setting_keeps_the_engine_s_extensions(build_site):
    site = build_site({"posts/install.md": POST}, MARKDOWN=PELICANS_MARKDOWN)
    page = site.soup("posts/notes-from-the-install-day/")
    assert len(page.find_all("h1")) == 1  # the title alone: the post's # is an <h2>
    heading = page.select_one(".post-content h2")
    assert (heading.get_text(), heading.get("id")) == ("Our top heading", "our-top-heading")
    note = page.select_one(".post-content .admonition.note")
    assert note is not None and note.select_one(".admonition-title").get_text() == "Heads up"
    assert "\u201cyes\u201d \u2013 then" in page.select_one(".post-content p").get_text()


# an HTML file of a static folder, not a post (a search engine's verification file there is
# told to go to the root: test_urls_and_links)
HANDOUT = "<!doctype html>\n<title>Price list</title>\n<p>Prices for 2026.</p>\n"


def test_a_folder_added_to_static_paths_last_is_published_not_read_as_posts(build_site, caplog):
    # pelicanconf.py's ARTICLE_EXCLUDES was computed from STATIC_PATHS above the owner's line,
    # and ARTICLE_PATHS has "": the folder's files were posts with errors, and not published
    files = {
        "downloads/price-list.html": HANDOUT,
        "downloads/README.md": "What goes in this folder: files readers download.\n",
        "downloads/rota.csv": "day,who\nMonday,Ada\n",
    }
    caplog.set_level(logging.WARNING)
    site = build_site(files, publish=True, STATIC_PATHS=["images", "extra", "downloads"])
    assert not [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert not [m for m in caplog.messages if "downloads/" in m]
    assert site.text("downloads/price-list.html") == HANDOUT
    assert site.text("downloads/rota.csv") == files["downloads/rota.csv"]
    assert not site.exists("downloads/README.md")  # a note to editors, never published


@pytest.mark.parametrize(
    ("static", "paths", "excludes", "expected"),
    [
        (["images", "downloads"], ["posts", ""], ["images"], ["images", "downloads"]),
        (["images"], ["posts"], [], []),  # not inside posts/: nothing to keep out
        (["posts/files"], ["posts"], [], ["posts/files"]),
        (["posts"], ["posts", ""], [], []),  # pictures beside posts: the posts stay read
        ([""], [""], [], []),
        (["./extra/"], ["."], [], ["./extra/"]),
        (["pages/kit"], ["pages"], ["posts"], ["posts", "pages/kit"]),
        ("images", [""], ["x"], ["x"]),  # not a list: Pelican's own line, nothing added
    ],
)
def test_static_folders_inside_content_paths_are_excluded(static, paths, excludes, expected):
    assert static_excludes(static, paths, excludes) == expected


def _png() -> bytes:
    """A small real PNG."""
    picture = io.BytesIO()
    Image.new("RGB", (64, 48), "teal").save(picture, "PNG")
    return picture.getvalue()


def test_a_static_folder_that_holds_posts_is_not_kept_out():
    assert static_excludes(["images", "2013"], [""], [], lambda f: f == "2013") == ["images"]


def test_a_static_folder_of_posts_stays_read(build_site, caplog):
    # an old site's STATIC_PATHS listed its year folders (pictures beside posts); copied with
    # ARTICLE_PATHS = [""] as docs/adopting.md says, every post there was left out, each
    # named as "a Markdown file in a static folder", and the site had no posts
    post = "Title: Pelican effects\nDate: 2013-02-01\n\n![A pelican]({static}/2013/p.png)\n"
    other = "Title: Goodnight\nDate: 2013-03-01\n\nA video.\n"
    caplog.set_level(logging.WARNING)
    site = build_site(
        {"2013/pelican-effects.md": post, "2013/goodnight.md": other, "2013/p.png": _png()},
        name="years",
        ARTICLE_PATHS=[""],
        STATIC_PATHS=["images", "extra", "2013"],
    )
    assert site.exists("posts/pelican-effects/index.html")
    assert site.exists("2013/p.png") and not site.exists("2013/pelican-effects.md")
    assert not [m for m in caplog.messages if "in a static folder" in m]


@pytest.mark.parametrize(
    ("added", "expected"),
    [
        (
            'BLOGCORE_BUNDLES = {"css": {"output": "css/site.%(version)s.min.css",'
            ' "contents": ["css/tokns.css", "css/base.css"]}}\n',
            "BLOGCORE_BUNDLES['css']['contents']: 'css/tokns.css' is not in theme/assets/ "
            "(did you mean 'css/tokens.css'?)",
        ),
        (
            'THEME = "simple"\n',
            "THEME '{simple}' has no assets/css/tokens.css (of BLOGCORE_BUNDLES['css']): this "
            "site's templates and plugins need the project's own theme (THEME = 'theme'), or a "
            "copy of it",
        ),
    ],
    ids=["misspelt-bundle-file", "another-theme"],
)
def test_a_knob_the_engine_cannot_take_is_one_line_at_its_line(project, added, expected):
    """A missing bundle file was a CRITICAL BundleError naming webassets' line."""
    line = settings_lines._append(project / "pelicanconf.py", added)
    done = settings_lines._build(project, "pelicanconf.py")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    simple = Path(pelican.__file__).parent / "themes" / "simple"
    assert done.stderr.splitlines() == [
        f"pelicanconf.py: line {line}: {expected.format(simple=simple)}"
    ]


def test_typogrify_on_is_a_warning_in_development_and_stops_a_publish(project):
    """TYPOGRIFY without typogrify installed was 21 "Could not process" lines and a traceback
    (with it, titles showed its HTML as text); then it stopped even a development build (exit
    2) while other mistakes are warnings there. Development: a warning, built with it off;
    publish: an error, nothing deployed."""
    line = settings_lines._append(project / "pelicanconf.py", "TYPOGRIFY = True\n")
    said = (
        f"pelicanconf.py: line {line}: TYPOGRIFY must be False, got True: this site's Markdown "
        "already sets quotes, dashes and ellipses (smarty), and typogrify's HTML in titles "
        "would show as text in every page's title, feed and social card"
    )
    dev = settings_lines._build(project, "pelicanconf.py")
    assert dev.returncode == 0, dev.stderr
    assert settings_lines._said(dev, "TYPOGRIFY") == [f"WARNING {said}; this build leaves it off"]
    assert (project / "out" / "posts" / "first-light" / "index.html").is_file()
    published = settings_lines._build(project, "publishconf.py", "-o", "pub")
    assert published.returncode == 1 and "Traceback" not in published.stderr
    assert settings_lines._said(published, "TYPOGRIFY") == [said]


def test_a_bundle_given_alone_leaves_the_theme_s_other_bundles(build_site):
    """BLOGCORE_BUNDLES with only "css" (to add a stylesheet) dropped the JavaScript bundle:
    every page loaded the home page as its script (<script src="http://…/">)."""
    css = {"output": "css/ours.%(version)s.min.css", "contents": ["css/tokens.css", "css/base.css"]}
    site = build_site(BLOGCORE_BUNDLES={"css": css})
    page = site.soup("posts/ranges/")
    stylesheet = page.select_one('link[rel=stylesheet][href*="/theme/css/"]')["href"]
    assert "/theme/css/ours." in stylesheet
    scripts = [s["src"] for s in page.select("script[src]")]
    assert len(scripts) == 1 and "/theme/js/site." in scripts[0], scripts
    assert site.path(site.relpath_of(scripts[0])).stat().st_size > 0
    assert configure({"BLOGCORE_BUNDLES": {"css": css}})["BLOGCORE_BUNDLES"] == {
        **DEFAULTS["BLOGCORE_BUNDLES"],
        "css": css,
    }


def test_the_theme_s_bundles_are_always_built():
    given = {"js": {"output": "js/a.js", "contents": ["js/site.js"], "when": "ANALYTICS_ENABLED"}}
    with pytest.raises(SettingsError, match=r"BLOGCORE_BUNDLES\['js'\]\['when'\]: every page"):
        configure({"BLOGCORE_BUNDLES": given})


FULL = {name: dict(config) for name, config in ENGINE_MARKDOWN.items()}


@pytest.mark.parametrize(
    ("given", "extensions", "configs"),
    [
        # Pelican's own default: the engine's added, codehilite's options merged
        (
            {"extension_configs": {"markdown.extensions.codehilite": {"linenums": True}}},
            list(FULL),
            {
                **FULL,
                "markdown.extensions.codehilite": {
                    "css_class": "highlight",
                    "guess_lang": False,
                    "linenums": True,
                },
            },
        ),
        # short names are the same extension: listed once, the site's options over the engine's
        (
            {
                "extensions": ["toc", "sane_lists"],
                "extension_configs": {"toc": {"permalink": True}},
            },
            ["markdown.extensions.toc", "sane_lists", *[n for n in FULL if "toc" not in n]],
            {**FULL, "markdown.extensions.toc": {"permalink": True}},
        ),
        # an option-only extension is loaded, as Pelican's reader loads it
        (
            {"extension_configs": {"pymdownx.tilde": {}}},
            [*FULL, "pymdownx.tilde"],
            {"pymdownx.tilde": {}, **FULL},
        ),
        (None, list(FULL), FULL),
    ],
)
def test_the_engine_s_markdown_extensions_are_kept(given, extensions, configs):
    merged = markdown_settings(given)
    assert merged["extensions"] == extensions
    assert merged["extension_configs"] == configs


def test_an_extension_given_as_an_object_is_the_site_s():
    toc = TocExtension(permalink=True)
    merged = markdown_settings(
        {
            # Pelican's reader lists every name of extension_configs in extensions
            "extensions": [toc, "markdown.extensions.toc"],
            "extension_configs": {"markdown.extensions.toc": {"baselevel": 2}},
            "output_format": "html5",
        }
    )
    assert merged["extensions"][0] is toc
    assert "markdown.extensions.toc" not in merged["extensions"]
    assert "markdown.extensions.toc" not in merged["extension_configs"]
    assert merged["output_format"] == "html5"
