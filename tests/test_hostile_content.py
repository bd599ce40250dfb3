"""The mistakes staff really make, each built as a fixture site by the real `pelican` CLI with
the development and the publish settings: the exit status each build must give, the one line
that must name the file (and the key), no traceback ever, and what must (not) be published.

A development build reports and goes on (exit 0); a publish build fails (exit 1) on anything
logged as an error, and writes nothing to output/ (tasks.py swaps a finished build in).
"""

import io
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import DEV_CONF, FIXTURES, PUBLISH_CONF, ROOT

SITEURL = "https://blog.example.test"
PELICAN = Path(sys.executable).parent / "pelican"
# what an error or warning line of ours looks like in Pelican's console (level, then message)
PROBLEM = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?(ERROR|WARNING|CRITICAL)\b", re.M)


def post(front: str, body: str = "A body with a few words in it.") -> str:
    """A post that is fine but for what ``front`` adds or overrides."""
    keys = {"Title": "Hostile", "Date": "2024-05-01 10:00", "Category": "Company"}
    keys |= {"Author": "Ada Byrne", "Summary": "A summary."}
    for line in front.splitlines():
        name, _, value = line.partition(":")
        keys[name.strip()] = value.strip()
    head = "".join(f"{k}: {v}\n" for k, v in keys.items() if v != "<absent>")
    return f"{head}\n{body}\n"


def rst(fields: str, body: str = "A body with a few words in it.") -> str:
    """A reStructuredText post that is fine but for the ``:key: value`` lines of ``fields``."""
    keys = {"date": "2024-05-01 10:00", "category": "Company", "author": "Ada Byrne"}
    for line in fields.splitlines():
        name, _, value = line.strip(":").partition(":")
        keys[name.strip()] = value.strip()
    head = "".join(f":{k}: {v}\n" for k, v in keys.items())
    return f"Hostile\n#######\n\n{head}\n{body}\n"


def jpeg(**extra) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "JPEG", **extra)
    return buffer.getvalue()


@dataclass
class Case:
    """One hostile site: the files added to the fixture site, what each build must do."""

    id: str
    files: dict[str, str | bytes]
    fragment: str  # in one problem line of the dev build, with the file it names
    names: str = ""  # the file that line must name (content/...); "" when it names none
    dev: int = 0
    publish: int = 1
    published: tuple[str, ...] = ()  # paths the dev build must write
    unpublished: tuple[str, ...] = ()  # paths no build may write
    settings: dict[str, str] = field(default_factory=dict)  # -e NAME=JSON for both builds
    remove: tuple[str, ...] = ()  # fixture files taken away first
    leaks: tuple[str, ...] = ()  # text no written page or feed may contain
    once: bool = False  # one problem line only names the file (several steps meet it)
    alone: bool = False  # and it is the build's only problem line (no other step's echo)
    future: tuple[str, ...] = ()  # files given a time in 2099 (DEFAULT_DATE = 'fs' reads it)


FUTURE_TIME = 4070908800  # 2099-01-01 00:00 UTC, as a file's time
# an address made of a key of the posts' own (docs/urls-and-links.md)
ADDRESS_KEY_SETTINGS = {
    "ARTICLE_URL": '"{kind}/{slug}/"',
    "ARTICLE_SAVE_AS": '"{kind}/{slug}/index.html"',
}
# and the draft's, which a post dated in the future is until its date (WITH_FUTURE_DATES)
DRAFT_KEY_SETTINGS = {
    "DRAFT_URL": '"d/{kind}/{slug}/"',
    "DRAFT_SAVE_AS": '"d/{kind}/{slug}/index.html"',
}
DRAFT_KEY_LINE = "has no Kind: line, which DRAFT_URL 'd/{kind}/{slug}/' needs for the address"
TEAM_HEADER = "Name: Dana Frost\nRole: Support\n"
GALLERY = (
    "Title: The offsite\nDate: 2024-03-01\n"
    "Photo: a.jpg | The river | People by a river\n\nOur day out.\n"
)

CASES = [
    # two sources, one URL
    Case(
        "two-posts-one-slug",
        {"posts/a.md": post("Slug: same"), "posts/b.md": post("Title: Other\nSlug: same")},
        "posts/same/",
        "content/posts/b.md",
        published=("posts/same/",),
    ),
    Case(
        "new-post-reuses-a-slug",
        {"posts/zz-new.md": post("Slug: first-light")},
        "posts/first-light/",
        "content/posts/zz-new.md",
        published=("posts/first-light/",),
    ),
    Case(
        "same-title-no-slug",
        {"posts/one.md": post("Title: Same words"), "posts/two.md": post("Title: Same words")},
        "posts/same-words/",
        "content/posts/two.md",
    ),
    Case("page-slug-team", {"pages/t.md": post("Slug: team")}, "team/", "content/pages/t.md"),
    Case("page-slug-search", {"pages/s.md": post("Slug: search")}, "search/", "content/pages/s.md"),
    Case(
        "page-slug-archives",
        {"pages/s.md": post("Slug: archives")},
        "archives/",
        "content/pages/s.md",
    ),
    Case("page-slug-tag", {"pages/s.md": post("Slug: tag")}, "tag/", "content/pages/s.md"),
    # the archives' copy at /posts/ gives the address to the site's own page
    Case("page-slug-posts", {"pages/s.md": post("Slug: posts")}, "", publish=0),
    # a content folder in another case than its setting's (read as posts, at /posts/about-us/)
    Case(
        "capital-pages-folder",
        {"Pages/about.md": post("Title: About us")},
        "rename the folder to pages/",
        "content/Pages/",
        once=True,
    ),
    # front matter values
    Case(
        "status-typo", {"posts/s.md": post("Status: drfat")}, "did you mean 'draft'", "posts/s.md"
    ),
    Case("date-words", {"posts/s.md": post("Date: next tuesday")}, "Date", "posts/s.md"),
    Case("date-impossible", {"posts/s.md": post("Date: 2024-13-45")}, "Date", "posts/s.md"),
    Case(
        "modified-before-date",
        {"posts/s.md": post("Date: 2024-05-01\nModified: 2020-01-01")},
        "Modified",
        "posts/s.md",
    ),
    Case("lang-unknown", {"posts/s.md": post("Lang: xx")}, "Lang", "posts/s.md"),
    Case("lang-quote", {"posts/s.md": post('Lang: en"')}, "Lang", "posts/s.md"),
    Case(
        "no-body",
        {"posts/s.md": post("Slug: empty", body="")},
        "",
        "posts/s.md",
        unpublished=("posts/empty/",),
    ),
    Case("no-title", {"posts/s.md": post("Title: <absent>")}, "Title", "posts/s.md"),
    # Pelican's slug of '—' is '-': the post was published at /posts/-/ with no line
    Case(
        "title-dash-no-slug",
        {"posts/s.md": post("Title: —")},
        "Title '—' makes the web address '-'",
        "content/posts/s.md",
        unpublished=("posts/-/",),
    ),
    Case("slug-with-slash", {"posts/s.md": post("Slug: a/b")}, "Slug", "posts/s.md", publish=1),
    Case(
        "series-index-word",
        {"posts/s.md": post("Series: x\nSeries_index: two")},
        "Series_index",
        "posts/s.md",
    ),
    Case("comments-value", {"posts/s.md": post("Comments: maybe")}, "Comments", "posts/s.md"),
    Case("gallery-missing", {"posts/s.md": post("Gallery: nowhere")}, "nowhere", "posts/s.md"),
    Case(
        # a typo of a key loses what it says: a publish stops (never a key the file gives
        # already, Title: following it would give Title twice)
        "unknown-key",
        {"posts/s.md": post("Tagz: Hostile")},
        "did you mean Tags",
        "posts/s.md",
    ),
    Case(
        "unknown-key-default-article-paths",
        {"posts/s.md": post("Seris: Hostile")},
        "did you mean Series",
        "posts/s.md",
        settings={"ARTICLE_PATHS": '[""]'},
    ),
    Case(  # the engine reads content/ itself too (a Pelican site's layout): not by default
        "post-outside-posts",
        {"stray.md": post("Slug: stray")},
        "content/posts/",
        "stray.md",
        publish=0,
        unpublished=("posts/stray/",),
        settings={"ARTICLE_PATHS": '["posts"]'},
    ),
    Case(
        "not-utf8", {"posts/s.md": post("Title: Caf\xe9").encode("latin-1")}, "UTF-8", "posts/s.md"
    ),
    Case(
        "unknown-author",
        {"posts/s.md": post("Author: Nobody Known")},
        "Nobody Known",
        "posts/s.md",
        publish=1,
    ),
    # links
    Case(
        "link-to-missing-post",
        {"posts/s.md": post("", "See [this]({filename}/posts/missing.md).")},
        "posts/missing.md",
        "posts/s.md",
    ),
    Case(
        "link-to-draft",
        {"posts/s.md": post("", "See [this]({filename}/posts/unfinished-thoughts.md).")},
        "unfinished-thoughts.md",
        "posts/s.md",
    ),
    Case(
        "link-to-future-post",
        {"posts/s.md": post("", "See [this]({filename}/posts/from-the-future.md).")},
        "from-the-future.md",
        "posts/s.md",
    ),
    Case(
        "static-link-missing",
        {"posts/s.md": post("", "![A lamp]({static}/images/none.svg)")},
        "images/none.svg",
        "posts/s.md",
    ),
    # side content: team, series, galleries
    Case(
        "team-unknown-key",
        {"team/dana-frost.md": TEAM_HEADER + "Rol: Support\n\nA bio.\n"},
        "Rol",
        "team/dana-frost.md",
        publish=0,
    ),
    Case(
        "team-not-utf8",
        {"team/dana-frost.md": (TEAM_HEADER + "\nCaf\xe9 lover.\n").encode("latin-1")},
        "UTF-8",
        "team/dana-frost.md",
    ),
    Case(
        "series-index-huge",
        {"posts/s.md": post("Series: x\nSeries_index: 20240501")},
        "Series_index must be at most 999",
        "posts/s.md",
    ),
    Case(
        "series-file-no-title",
        {"series/x.md": "Summary: About X.\n\nAbout X.\n", "posts/s.md": post("Series: x")},
        "Title is missing",
        "series/x.md",
    ),
    Case(
        "series-file-empty",
        {"series/x.md": "", "posts/s.md": post("Series: x")},
        "Title is missing",
        "series/x.md",
    ),
    Case(
        "page-with-gallery",
        {"pages/p.md": post("Gallery: offsite\nSlug: with-gallery")},
        "Gallery works on posts only",
        "pages/p.md",
        publish=0,
    ),
    Case(
        "series-unknown-key",
        {"series/x.md": "Title: X\nSumary: oops\n\nAbout X.\n", "posts/s.md": post("Series: x")},
        "Sumary",
        "series/x.md",
        publish=0,
    ),
    Case(
        "gallery-photo-missing",
        {"galleries/offsite/gallery.md": GALLERY},
        "a.jpg",
        "galleries/offsite/gallery.md",
    ),
    Case(
        "gallery-photo-without-alt",
        {
            "galleries/offsite/gallery.md": GALLERY.replace(" | The river | People by a river", ""),
            "galleries/offsite/a.jpg": jpeg(),
        },
        "has no alt text or caption",
        "galleries/offsite/a.jpg",
        publish=1,
    ),
    Case(
        "gallery-description-script",
        {
            "galleries/offsite/gallery.md": GALLERY.replace(
                "Our day out.", "Hello <script>alert(1)</script>"
            ),
            "galleries/offsite/a.jpg": jpeg(),
        },
        "script",
        "galleries/offsite/gallery.md",
        publish=0,
    ),
    # images
    Case(
        "corrupt-jpeg",
        {"images/broken.jpg": b"\xff\xd8\xff\xe0 not a jpeg"},
        "broken.jpg",
        "images/broken.jpg",
        unpublished=("images/broken.jpg",),
    ),
    Case(
        "corrupt-jpeg-a-post-shows",
        {
            "images/broken.jpg": b"\xff\xd8\xff\xe0 not a jpeg",
            "posts/p.md": post("Slug: shows", "Look:\n\n![A photo]({static}/images/broken.jpg)"),
        },
        "broken.jpg",
        "images/broken.jpg",
        unpublished=("images/broken.jpg",),
        published=("posts/shows/",),
        once=True,
    ),
    # things that must simply work, quietly
    Case(
        "bom",
        {"posts/s.md": "\ufeff" + post("Slug: bom")},
        "",
        publish=0,
        published=("posts/bom/",),
    ),
    Case(
        "crlf",
        {"posts/s.md": post("Slug: crlf").replace("\n", "\r\n")},
        "",
        publish=0,
        published=("posts/crlf/",),
    ),
    Case(
        "tags-odd-separators",
        {"posts/s.md": post("Slug: t\nTags: a,, b ,,c,")},
        "",
        publish=0,
        published=("posts/t/",),
    ),
    Case(
        "yaml-fences",
        {"posts/s.md": "---\n" + post("Slug: yaml").replace("\n\n", "\n---\n\n", 1)},
        "",
        publish=0,
        published=("posts/yaml/",),
    ),
    Case(
        "markup-in-title",  # escaped, as it must be, and named: it shows "<b>Bold</b>"
        {"posts/s.md": post("Slug: m\nTitle: <b>Bold</b> & <i>x</i>")},
        "Title holds HTML (<b>, </b>, <i>, </i>)",
        "content/posts/s.md",
        publish=0,
        published=("posts/m/",),
        leaks=("<b>Bold</b>",),
    ),
    Case(
        "date-with-offset",
        {"posts/s.md": post("Slug: o\nDate: 2024-05-01T10:00:00+02:00")},
        "",
        publish=0,
        published=("posts/o/",),
    ),
    Case(
        "status-capitalised",
        {"posts/s.md": post("Slug: cap\nStatus: Draft")},
        "",
        publish=0,
        unpublished=("posts/cap/",),
    ),
    Case(
        "summary-links",
        {"posts/s.md": post("Slug: sl\nSummary: Read [this]({filename}/posts/ranges.md) first.")},
        "",
        publish=0,
        leaks=("{filename}", "{static}"),
    ),
    Case(
        "status-skip-default-article-paths",
        {"skipped.md": post("Slug: sk\nStatus: skip")},
        "",
        publish=0,
        unpublished=("posts/sk/",),
        settings={"ARTICLE_PATHS": '[""]'},
    ),
    Case(
        "no-favicon-shipped",
        {},
        "",
        publish=0,
        published=("favicon.svg",),
        remove=("extra/favicon.svg",),
    ),
    # adopted reStructuredText and HTML posts get the same checks as Markdown's, as read
    Case(
        "rst-template-missing",
        {"posts/t.rst": rst(":template: custom")},
        "Template 'custom' is not a template",
        "content/posts/t.rst",
    ),
    Case(
        "rst-control-character",
        {"posts/c.rst": rst(":summary: a bell\x07 rings")},
        "Summary holds U+0007, a control character",
        "content/posts/c.rst",
    ),
    Case(
        "rst-tag-without-letters",
        {"posts/g.rst": rst(":tags: fine, !!!")},
        "makes an empty web address",
        "content/posts/g.rst",
    ),
    Case(
        "rst-date-either-way",
        {"posts/d.rst": rst(":date: 05-12-2026 09:00")},
        "either way round",
        "content/posts/d.rst",
    ),
    Case(
        "rst-docutils-error",
        {"posts/e.rst": rst(":author: ???")},
        "(reStructuredText)",
        "content/posts/e.rst",
    ),
    Case(
        "html-control-character",
        {
            "posts/h.html": '<html><head><title>Hostile</title><meta name="date" '
            'content="2024-05-01"><meta name="summary" content="an escape\x1b here"></head>'
            "<body><p>A body.</p></body></html>"
        },
        "Summary holds U+001B, an escape character",
        "content/posts/h.html",
    ),
    Case(
        "url-without-save-as",  # every link would point where nothing is written
        {"posts/u.md": post("Url: our-new-office/")},
        "give Save_as too",
        "content/posts/u.md",
    ),
    Case(
        "page-dated-in-the-future",  # published now, unlike a post: said, not refused
        {"pages/event.md": "Title: Spring event\nDate: 2099-05-01\n\nSee you there.\n"},
        "a page is published now",
        "content/pages/event.md",
        publish=0,
        published=("spring-event/",),
    ),
    Case(
        "lang-in-capitals",
        {"posts/l.md": post("Lang: FR")},
        "(write 'fr')",
        "content/posts/l.md",
    ),
    Case(
        # was: "Tags is empty", the rest of the keys shown as the text; then an error saying
        # to write Tags: alpha, beta. A block list between --- lines is read as YAML means it
        "yaml-list",
        {
            "posts/y.md": "---\nTitle: Y\nDate: 2024-05-01\nCategory: Company\n"
            "Author: Ada Byrne\nTags:\n  - alpha\n  - beta\n---\n\nBody.\n"
        },
        "",
        publish=0,
        published=("posts/y/", "tag/alpha/", "tag/beta/"),
    ),
    Case(
        "yaml-invalid",  # a Jekyll post whose YAML Jekyll would refuse too: one line, left out
        {"posts/b.md": '---\nTitle: "Unclosed\nDate: 2024-05-01\n---\n\nBody.\n'},
        "line 2: the front matter between --- lines is not valid YAML",
        "content/posts/b.md",
        once=True,
        unpublished=("posts/unclosed/",),
    ),
    Case(
        "toml-invalid",  # a Hugo post in TOML written as YAML: one line, left out
        {"posts/t.md": '+++\ntitle = "Hugo"\ndate: 2024-05-01\n+++\n\nBody.\n'},
        "line 3: the front matter between +++ lines is not valid TOML",
        "content/posts/t.md",
        once=True,
        unpublished=("posts/hugo/",),
    ),
    Case(
        "static-image-missing",  # was three lines: Pelican's stamp, "cannot be read", the link
        {"posts/m.md": post("Slug: m", "![Floor plan]({static}/images/nope.jpg)")},
        "which does not exist",
        "content/posts/m.md",
        alone=True,
    ),
    Case(
        "extension-in-capitals",  # was: "not built: posts go in content/posts/", from there
        {"posts/Windows-Post.MD": post("Slug: win")},
        "rename it Windows-Post.md",
        "content/posts/Windows-Post.MD",
        alone=True,
    ),
    Case(
        "saved-as-text",  # was: not built, and not a word
        {"posts/our-new-office.md.txt": post("Slug: office")},
        "rename it our-new-office.md",
        "content/posts/our-new-office.md.txt",
        alone=True,
    ),
    Case(
        "jupyter-notebook",  # was: left out, and not a word (an adopted blog's notebooks)
        {"posts/wave-calc.ipynb": '{"cells": [], "metadata": {}, "nbformat": 4}'},
        "it is a Jupyter notebook, which this site does not read",
        "content/posts/wave-calc.ipynb",
        alone=True,  # a post left out: publish stops (was: a warning, and it deployed)
    ),
    Case(
        "jupyter-notebook-first-cell",  # pelican-jupyter read its front matter from a first cell
        {
            "posts/readable.ipynb": '{"cells": [{"cell_type": "markdown", "metadata": {}, '
            '"source": ["- title: Readable code\\n", "- date: 2021-05-11\\n", '
            '"- category: article"]}], "metadata": {}, "nbformat": 4}'
        },
        # (the console wraps a long line: the fragment is its start; the rest, test_blogcore_logic)
        "then write its front matter (- title:, - date:, - category: in its first cell",
        "content/posts/readable.ipynb",
        alone=True,
    ),
    Case(
        "jupyter-notebook-with-nbdata",  # pelican-jupyter's front matter, in the file beside it
        {
            "posts/analysis.ipynb": '{"cells": [], "metadata": {}, "nbformat": 4}',
            "posts/analysis.nbdata": "Title: Analysis\nDate: 2019-01-01\nCategory: Company\n",
        },
        "then put the lines of analysis.nbdata (its front matter, as the pelican-jupyter plugin "
        "read it) at the top of analysis.md",
        "content/posts/analysis.ipynb",
        alone=True,
    ),
    Case(
        "dot-text",  # was: left out, and not a word (older Jekyll sites' Markdown)
        {"posts/2011-01-01-notes.text": post("Slug: notes")},
        "it is a .text file, which this site does not read; it is a post in Markdown (its "
        "first lines are front matter: Title:, Date:, Category:), as older Jekyll sites wrote "
        "them: rename it 2011-01-01-notes.md",
        "content/posts/2011-01-01-notes.text",
        alone=True,
    ),
    Case(
        "org-mode",
        {"posts/notes.org": "#+TITLE: Notes\n\nSome notes.\n"},
        "it is an Org mode file, which this site does not read",
        "content/posts/notes.org",
        alone=True,
    ),
    Case(
        "asciidoc",
        {"posts/ad.adoc": "= AsciiDoc post\n:revdate: 2019-01-03\n\nText.\n"},
        "it is an AsciiDoc file, which this site does not read",
        "content/posts/ad.adoc",
        alone=True,
    ),
    Case(
        # was: told to move it to extra/ and map it to the root, which published its Markdown
        "post-without-extension",
        {
            "dictionary-and-abbreviations": "title: Dictionary and abbreviations  \n"
            "date: 2018-03-17 19:43:08  \ncategory: blogging\n\nApple\n:   Pomaceous fruit.\n"
        },
        "is not built: it is a post (its first lines are front matter: title:, date:, "
        "category:), but Pelican reads posts only from names ending .md; rename it "
        "dictionary-and-abbreviations.md",
        "content/dictionary-and-abbreviations",
        alone=True,
        unpublished=("dictionary-and-abbreviations",),
    ),
    Case(
        "post-without-extension-in-posts",  # was: not a word (a file beside the posts)
        {"posts/our-news": post("Slug: our-news")},
        "rename it our-news.md",
        "content/posts/our-news",
        alone=True,
    ),
    Case(
        # a writer's own to-do list and script: only IGNORE_FILES keeps them private (every
        # way out offered published them); a TODO is a note to editors, as a README is
        "private-notes-and-scripts",
        {"TODO.txt": "1- Figure out the xml files\n", "tools/fix_front.py": "import sys\n"},
        'if it is not for readers (notes, scripts), add "fix_front.py" to IGNORE_FILES',
        "content/tools/fix_front.py",
        alone=True,
    ),
    Case(
        "tag-link-to-no-tag",  # Pelican writes /tag/hirng/ into the page: a 404
        {"posts/t.md": post("Slug: tl", "See [our tags]({tag}postgresq).")},
        "did you mean {tag}postgresql?",
        "content/posts/t.md",
    ),
    Case(
        "author-link-to-no-one",
        {"posts/a.md": post("Slug: al", "By [Ada]({author}Ada Byrn).")},
        "did you mean {author}Ada Byrne?",
        "content/posts/a.md",
    ),
    Case(
        "link-to-a-source-file",  # published as written: a 404
        {"posts/s.md": post("Slug: sf", "See [the ranges post](ranges.md).")},
        "link to the post or page as {filename}/posts/ranges.md",
        "content/posts/s.md",
    ),
    Case(
        "link-to-a-source-file-that-is-not-there",  # was told to write {filename}README.md
        {"posts/rm.md": post("Slug: rm", "See the [readme](README.md).")},
        "names a source file, and the content folder has no post or page of that name",
        "content/posts/rm.md",
    ),
    Case(
        "tag-spelled-two-ways",  # one /tag/python/ page, the post listed under one spelling
        {"posts/ts.md": post("Slug: ts\nTags: Python")},
        "write it one way ('python')",
        "content/posts/ts.md",
        publish=0,
    ),
    Case(
        "generics-outside-backticks",  # was: "List type", "removed <string>"
        {"posts/g.md": post("Slug: gen", "It returns a List<String> of names.")},
        "line 8: <String> is not an HTML tag, so it is shown as written",
        "content/posts/g.md",
        publish=0,
        alone=True,
    ),
    Case(
        "image-path-relative-to-nothing",  # a broken image on the post's page
        {"posts/r.md": post("Slug: rel", "![The hall](images/hall.jpg)")},
        "from this page it points at /posts/rel/images/hall.jpg",
        "content/posts/r.md",
        alone=True,
    ),
    Case(
        "link-without-https",  # /posts/wh/www.example.org: a 404
        {"posts/w.md": post("Slug: wh", "Our [shop](www.example.org).")},
        "write https://www.example.org",
        "content/posts/w.md",
        alone=True,
    ),
    Case(
        "phone-video-with-a-place-it-cannot-lose",
        {"images/walk.mp4": b"\0\0\0\x10ftypisom\0\0\0\0\0\0\0\x1eXtra+37.7858-122.4064+0.0/"},
        "keeps the place it was recorded",
        "content/images/walk.mp4",
        unpublished=("images/walk.mp4",),
        alone=True,
    ),
    Case(
        "gallery-marker-in-a-sentence",  # was shown as "{gallery}offsite" on the page
        {"posts/gm.md": post("Slug: gm", "Photos: {gallery}offsite from the day.")},
        "{gallery}offsite is shown as text",
        "content/posts/gm.md",
        publish=0,
        alone=True,
    ),
    Case(
        "static-link-in-other-capitals",  # fine on a laptop's disk, a 404 on the server
        {"posts/sc.md": post("Slug: sc", "![A lamp]({static}/images/Lamp.svg)")},
        "did you mean {static}/images/lamp.svg? (capitals count",
        "content/posts/sc.md",
        alone=True,
    ),
    Case(
        "empty-draft",  # work in progress: said, and no reason to stop a publish
        {"posts/ed.md": post("Slug: ed\nStatus: draft", "")},
        "has no text after its front matter",
        "content/posts/ed.md",
        publish=0,
        alone=True,
    ),
    Case(
        "unknown-link-kind",  # published as {statc}/images/lamp.svg: a 404
        {"posts/uk.md": post("Slug: uk", "![A lamp]({statc}/images/lamp.svg)")},
        "starts with {statc}, which Pelican does not resolve",
        "content/posts/uk.md",
    ),
    Case(
        "dash-date-either-way",
        {"posts/d.md": post("Date: 05-12-2026 09:00")},
        "either way round",
        "content/posts/d.md",
    ),
    # an address setting using a key some posts lack: Pelican stopped on a KeyError traceback
    Case(
        "address-key-a-post-lacks",
        {
            "posts/guides/with-kind.md": post("Title: With kind\nKind: guides\nSlug: with-kind"),
            "posts/guides/without.md": post("Title: Without\nSlug: without"),
        },
        "has no Kind: line, which ARTICLE_URL '{kind}/{slug}/' needs for the address; add one, "
        "or write ARTICLE_URL without {kind} (given with -e/--extra-settings)",
        "content/posts/guides/without.md",
        published=("guides/with-kind/",),
        settings=ADDRESS_KEY_SETTINGS,
    ),
    Case(
        "address-key-a-rst-post-lacks",
        {"posts/guides/r.rst": rst(":slug: r")},
        "has no :kind: field, which ARTICLE_URL '{kind}/{slug}/' needs for the address",
        "content/posts/guides/r.rst",
        settings=ADDRESS_KEY_SETTINGS,
    ),
    Case(
        # a future-dated post is Pelican's draft (WITH_FUTURE_DATES = False): DRAFT_URL's address
        "address-key-a-future-post-and-a-page-lack",
        {},
        DRAFT_KEY_LINE,
        "content/posts/from-the-future.md",
        settings={
            **DRAFT_KEY_SETTINGS,
            "PAGE_URL": '"{section}/{slug}/"',
            "PAGE_SAVE_AS": '"{section}/{slug}/index.html"',
        },
        published=("posts/first-light/",),
    ),
    # a post dated only by its file's name (FILENAME_METADATA's date) or by DEFAULT_DATE is
    # Pelican's draft until that date too: was checked against ARTICLE_URL, and Pelican
    # stopped on DRAFT_URL's KeyError with a traceback
    Case(
        "address-key-a-post-dated-by-its-file-name-lacks",
        {"posts/2099-05-01_fn.md": post("Date: <absent>")},
        DRAFT_KEY_LINE,
        "content/posts/2099-05-01_fn.md",
        published=("posts/first-light/",),
        remove=("posts/from-the-future.md",),
        settings={
            **DRAFT_KEY_SETTINGS,
            "FILENAME_METADATA": '"(?P<date>\\\\d{4}-\\\\d{2}-\\\\d{2})_(?P<slug>.*)"',
        },
    ),
    Case(
        "address-key-a-post-dated-by-default-date-lacks",
        {"posts/undated.md": post("Date: <absent>\nSlug: undated")},
        DRAFT_KEY_LINE,
        "content/posts/undated.md",
        published=("posts/first-light/",),
        remove=("posts/from-the-future.md",),
        settings={
            **DRAFT_KEY_SETTINGS,
            "DEFAULT_DATE": "[2099, 1, 1]",
        },
    ),
    Case(
        "address-key-a-post-dated-by-its-file-time-lacks",
        {"posts/undated.md": post("Date: <absent>\nSlug: undated")},
        DRAFT_KEY_LINE,
        "content/posts/undated.md",
        published=("posts/first-light/",),
        remove=("posts/from-the-future.md",),
        future=("posts/undated.md",),
        settings={
            **DRAFT_KEY_SETTINGS,
            "DEFAULT_DATE": '"fs"',
        },
    ),
    # a post dated only by its file's name, in the future, waits for that date (Pelican's draft):
    # its mistakes were errors that stopped a publish it is not in, as a published post's
    Case(
        "a-post-dated-ahead-by-its-file-name-does-not-stop-a-publish",
        {
            "posts/2099-05-01-later.md": post(
                "Date: <absent>\nSlug: later", "![]({static}/images/lamp.svg)\n\nA few words."
            )
        },
        "has no alt text, so a reader who cannot see it gets nothing",
        "content/posts/2099-05-01-later.md",
        publish=0,
        published=("posts/first-light/", "drafts/posts/later/"),
        unpublished=("posts/later/",),
    ),
    # a draft by DEFAULT_METADATA's Status or by its folder (PATH_METADATA's status), as Pelican
    # gives it: its mistakes were errors that stopped a publish it is not in, as a typed
    # Status: draft's are not
    Case(
        "a-draft-by-default-metadata-does-not-stop-a-publish",
        {"posts/later.md": post("Slug: later", "![]({static}/images/lamp.svg)\n\nA few words.")},
        "has no alt text, so a reader who cannot see it gets nothing",
        "content/posts/later.md",
        publish=0,
        published=("drafts/posts/later/",),
        unpublished=("posts/later/",),
        settings={"DEFAULT_METADATA": '{"status": "draft"}'},
    ),
    Case(
        "a-draft-by-its-folder-does-not-stop-a-publish",
        {
            "posts/draft/later.md": post(
                "Slug: later\nTags: lamps", "![]({static}/images/lamp.svg)\n\nA few words."
            )
        },
        "has no alt text, so a reader who cannot see it gets nothing",
        "content/posts/draft/later.md",
        publish=0,
        published=("posts/first-light/", "drafts/posts/later/"),
        unpublished=("posts/later/",),
        settings={"PATH_METADATA": '"posts/(?P<status>draft)/.*"'},
    ),
    Case(
        "an-empty-draft-by-its-folder-does-not-stop-a-publish",
        {"posts/draft/later.md": post("Slug: later", "")},
        "has no text after its front matter",
        "content/posts/draft/later.md",
        publish=0,
        published=("posts/first-light/",),
        unpublished=("posts/later/",),
        settings={"PATH_METADATA": '"posts/(?P<status>draft)/.*"'},
    ),
    # a page is published at once, whatever date its file's name gives: was said of no Date
    Case(
        "a-page-dated-ahead-by-its-file-name",
        {"pages/2099-01-01-plans.md": "Title: Our plans\nSlug: our-plans\n\nWhat we plan.\n"},
        "the date in its file's name (2099-01-01) is in the future, but a page is published now",
        "content/pages/2099-01-01-plans.md",
        publish=0,
        published=("our-plans/",),
    ),
    # a file's name whose date is none (FILENAME_METADATA reads the date there, before the
    # file): was "Date must be a date like 2025-03-14", of a Date: line it need not have, and
    # one written did not help
    Case(
        "a-file-name-whose-date-is-none",
        {"posts/2026-13-45-our-news.md": post("Date: <absent>")},
        "its file's name gives the post its date (FILENAME_METADATA), and '2026-13-45' is no "
        "date: there is no month 13 (the month comes second: YYYY-MM-DD); rename the file with "
        "the day it means, as 2025-03-14-our-news.md; it is not built",
        "content/posts/2026-13-45-our-news.md",
        once=True,
        published=("posts/first-light/",),
    ),
    Case(
        "a-file-name-whose-date-is-none-with-a-date-line",
        {"posts/2026-02-30-our-news.md": post("")},
        "its file's name gives the post its date (FILENAME_METADATA), and '2026-02-30' is no "
        "date: February 2026 has 28 days; rename the file with the day it means, as "
        "2025-03-14-our-news.md; it is not built",
        "content/posts/2026-02-30-our-news.md",
        once=True,
        published=("posts/first-light/",),
    ),
    # a translation by its file's name (FILENAME_METADATA's lang): was checked against
    # ARTICLE_URL, which has no {kind}, and Pelican stopped on ARTICLE_LANG_URL's KeyError
    Case(
        "address-key-a-translation-lacks",
        {
            "posts/t/trans.en.md": post("Title: Ours\nKind: guides"),
            "posts/t/trans.fr.md": post("Title: Le nôtre"),
        },
        "has no Kind: line, which ARTICLE_LANG_URL '{kind}/{lang}/{slug}/' needs for the "
        "address; add one, or write ARTICLE_LANG_URL without {kind}",
        "content/posts/t/trans.fr.md",
        published=("posts/trans/",),
        settings={
            "ARTICLE_LANG_URL": '"{kind}/{lang}/{slug}/"',
            "ARTICLE_LANG_SAVE_AS": '"{kind}/{lang}/{slug}/index.html"',
            "FILENAME_METADATA": '"(?P<slug>[^.]+)\\\\.(?P<lang>[a-z]{2})"',
        },
    ),
    # the key given by the post's folder (PATH_METADATA) or by DEFAULT_METADATA, as Pelican
    # gives it: every such post was refused for lacking a line it needs not have
    Case(
        "address-key-from-the-folder-or-a-default",
        {"posts/guides/pm.md": post("Title: From its folder\nSlug: pm")},
        "",
        published=("guides/pm/", "misc/first-light/"),
        publish=0,
        settings={
            **ADDRESS_KEY_SETTINGS,
            "PATH_METADATA": '"posts/(?P<kind>[^/]+)/.*"',
            "DEFAULT_METADATA": '{"kind": "misc"}',
            "REDIRECTS_OLD_ARTICLE_URLS": '["posts/{slug}/"]',
        },
    ),
    Case(
        "address-key-many-posts-lack",
        {f"posts/many/m{n}.md": post(f"Title: Many {n}\nSlug: m{n}") for n in range(7)},
        "content/posts/many/: 7 files have no Kind: line, which ARTICLE_URL '{kind}/{slug}/' "
        "needs for the address (4 named above, then m4.md, m5.md, m6.md); add one to each, or "
        "write ARTICLE_URL without {kind}",
        settings=ADDRESS_KEY_SETTINGS,
    ),
]


def _build(conf: Path, content: Path, output: Path, settings: dict[str, str]) -> tuple[int, str]:
    extra = []
    if settings:
        extra = ["-e", *(f"{key}={value}" for key, value in settings.items())]
    result = subprocess.run(
        [str(PELICAN), "-s", str(conf), "-o", str(output), str(content), *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        errors="replace",
        env={**os.environ, "SITEURL": SITEURL, "COLUMNS": "400"},
        timeout=300,
    )
    return result.returncode, result.stdout + result.stderr


def _selected(request) -> set[str]:
    """The ids of the cases this run selected (``-k``, a node id): only those are built."""
    found = set()
    for item in request.session.items:
        callspec = getattr(item, "callspec", None)
        case = callspec.params.get("case") if callspec else None
        if getattr(item, "module", None) is request.module and isinstance(case, Case):
            found.add(case.id)
    return found


@pytest.fixture(scope="module")
def results(request, tmp_path_factory):
    """Every selected case built twice (development, publish), two builds at a time: a
    ``-k`` run of one case built all ninety first (11 minutes under load)."""

    def run(job):
        case, conf = job
        base = tmp_path_factory.mktemp(case.id)
        content = base / "content"
        shutil.copytree(FIXTURES / "site", content)
        for relpath in case.remove:
            (content / relpath).unlink()
        for relpath, data in case.files.items():
            target = content / relpath
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, bytes):
                target.write_bytes(data)
            else:
                target.write_text(data, encoding="utf-8", newline="")
        for relpath in case.future:
            os.utime(content / relpath, (FUTURE_TIME, FUTURE_TIME))
        status, log = _build(conf, content, base / "out", case.settings)
        return (case.id, conf.name), (status, log, base / "out")

    selected = _selected(request)
    jobs = [(c, conf) for c in CASES if c.id in selected for conf in (DEV_CONF, PUBLISH_CONF)]
    # the run's temporary folder made before the threads: made by two at once, one thread's
    # clearing of it met the other's new folder in it (FileExistsError, a CI run of one case)
    tmp_path_factory.getbasetemp()
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(run, jobs))


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_case(case: Case, results) -> None:
    dev_status, dev_log, dev_out = results[case.id, DEV_CONF.name]
    pub_status, pub_log, _ = results[case.id, PUBLISH_CONF.name]
    for log in (dev_log, pub_log):
        assert "Traceback" not in log, log
    assert dev_status == case.dev, dev_log
    assert pub_status == case.publish, pub_log
    problems = [m.start() for m in PROBLEM.finditer(dev_log)]
    lines = [dev_log[i:].split("\n", 1)[0] for i in problems]
    if case.fragment or case.names:
        hits = [line for line in lines if case.fragment in line and case.names in line]
        assert hits, f"no problem line with {case.fragment!r} naming {case.names!r}:\n{dev_log}"
        if case.once:
            assert len(hits) == 1, dev_log
        if case.alone:
            assert len(lines) == 1, dev_log
    else:
        assert not lines, dev_log
    for path in case.published:
        target = dev_out / path / ("index.html" if path.endswith("/") else "")
        assert target.is_file(), f"{path} was not written:\n{dev_log}"
    for path in case.unpublished:
        target = dev_out / path / ("index.html" if path.endswith("/") else "")
        assert not target.exists(), f"{path} was written:\n{dev_log}"
    for page in [*dev_out.rglob("*.html"), *dev_out.rglob("*.xml")] if case.leaks else []:
        text = page.read_text(encoding="utf-8")
        for leak in case.leaks:
            assert leak not in text, f"{page.relative_to(dev_out)} contains {leak!r}"


def test_the_cases_are_as_many_as_testing_md_says() -> None:
    """docs/testing.md said 49 mistakes while 90 were built: its count is this list's."""
    said = re.search(
        r"(\d+) mistakes staff really make", (ROOT / "docs" / "testing.md").read_text()
    )
    assert said is not None, "docs/testing.md no longer counts the hostile cases"
    assert int(said.group(1)) == len(CASES)
    assert len({case.id for case in CASES}) == len(CASES)


def test_a_selection_builds_only_the_cases_it_selects(tmp_path) -> None:
    """`pytest -k <one case>` built all ninety cases first (11 minutes under load): now the
    two builds of that case, which the run's own temporary folders show."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", __file__,
         "-k", "page-slug-tag", "--basetemp", str(tmp_path / "run")],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout, done.stdout
    built = sorted(p.name for p in (tmp_path / "run").iterdir() if not p.is_symlink())
    assert built == ["page-slug-tag0", "page-slug-tag1"], built
