"""Front-matter lint, built for real: each case is one small file in a fixture site, built with
the development settings and the publish settings (in this process: `build_site`, with the
log captured). For each: the exit status of both builds, the one line that names the file (and
the key), and whether the post was published. A property test then gives every known key any
value: the build never raises, and either publishes the post or logs an error naming it.
"""

import contextlib
import json
import logging
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from plugins.blogcore.frontmatter import KNOWN_KEYS, display_key
from tests.conftest import FIXTURES, _builder

ATOM = "{http://www.w3.org/2005/Atom}"

ADA = (FIXTURES / "site" / "team" / "ada-byrne.md").read_text(encoding="utf-8")


def post(front: str = "", body: str = "A body with a few words in it.") -> str:
    """A post that is fine but for what ``front`` adds or overrides (<absent> removes a key)."""
    keys = {"Title": "Linted", "Date": "2024-05-01 10:00", "Category": "Company"}
    keys |= {"Author": "Ada Byrne", "Slug": "s"}
    extra = []
    for line in front.splitlines():
        name, _, value = line.partition(":")
        if name in keys:
            keys[name] = value.strip()
        else:
            extra.append(line)
    head = "".join(f"{k}: {v}\n" for k, v in keys.items() if v != "<absent>")
    return head + "".join(f"{line}\n" for line in extra) + f"\n{body}\n"


def fenced(front: str = "", body: str = "A body with a few words in it.") -> str:
    """``post(front)`` with its keys between --- lines, as Jekyll and Hugo write them."""
    return "---\n" + post(front, body).replace("\n\n", "\n---\n\n", 1)


@dataclass
class Case:
    """One file added to a small site, and what each build must do with it."""

    id: str
    text: str | bytes
    fragment: str = ""  # in one logged line that also names the file; "" for a clean build
    level: int = logging.ERROR
    publish: int = 1  # exit status of the publish build (the development build always gives 0)
    published: bool = False  # whether the development build writes `page`
    path: str = "posts/s.md"
    page: str = "posts/s/"
    settings: dict = field(default_factory=dict)
    others: dict = field(default_factory=dict)  # other files of the site, by path


def clean(id: str, text: str | bytes, page: str = "posts/s/", **kw) -> Case:
    return Case(id, text, publish=0, published=True, page=page, **kw)


def typo(id: str, text: str, fragment: str, **kw) -> Case:
    """A warning in development, an error (publish stops) in a publish."""
    return Case(id, text, fragment, logging.WARNING, publish=1, published=True, **kw)


def warns(id: str, text: str, fragment: str, **kw) -> Case:
    kw.setdefault("published", True)
    return Case(id, text, fragment, logging.WARNING, publish=0, **kw)


CASES = [
    clean("plain", post()),
    # lint is on whatever ARTICLE_PATHS says
    # a typo of a key we read loses what it says (Comment: closed left comments open): a
    # warning in development, an error that stops a publish
    typo(
        "unknown-key", post("Sumary: x"), "unknown key 'Sumary' is ignored (did you mean Summary?)"
    ),
    # never a key the file gives already (following it would give that key twice): the line
    # says which one is read
    warns(
        "typo-of-a-key-given",
        post("Titel: x"),
        "unknown key 'Titel' is ignored (this site's key is Title, given in this file too",
    ),
    typo("comment-typo", post("Comment: closed"), "(did you mean Comments?)"),
    typo(
        "unknown-key-article-paths-default",
        post("Seris: x"),
        "(did you mean Series?)",
        settings={"ARTICLE_PATHS": [""]},
    ),
    # the text's first line right under the keys: read as one, lost from the post
    typo(
        "text-read-as-a-key",
        post(body="").rstrip("\n") + "\nNote: we are hiring in Leeds this spring.\nMore text.\n",
        "'Note: we are hiring in Leeds this spring.' is read as front matter, not as text",
    ),
    # a custom key written last, the blank line (or the closing ---) below it: a key, not
    # text read as one (was an error in a publish, with advice that could not fix it)
    warns(
        "custom-key-last",
        post("Headline: Petit test de New England IPA."),
        "unknown key 'Headline' is ignored",
    ),
    warns(
        "custom-key-last-fenced",
        fenced("contraintes: Tirage à la ligne, six fois de suite"),
        "unknown key 'Contraintes' is ignored",
    ),
    # other engines' names for our keys: said as such, a warning (Update is not a typo of Date)
    warns(
        "old-theme-update",
        post("Update: 2024-05-03 09:17"),
        "unknown key 'Update' is ignored (did you mean Modified?",
    ),
    warns("hugo-lastmod", fenced("lastmod: 2024-05-03"), "(did you mean Modified?"),
    warns(
        "jekyll-excerpt-last",
        fenced("excerpt: A short excerpt written for the home page."),
        "unknown key 'Excerpt' is ignored (did you mean Summary?",
    ),
    warns("unknown-key-of-an-old-theme", post("Thumbnail: x.png"), "unknown key 'Thumbnail'"),
    warns(
        "code-in-an-unknown-language",
        post(body="Some code:\n\n```pyhton\nx = 1\n```"),
        "line 9: no highlighter knows the language 'pyhton' of this code block, so it is "
        "shown as plain text (did you mean python?)",
    ),
    warns(  # GitHub shows it as code; left as written, it would be text: named
        "fenced-code-in-a-list-item-never-closed",
        post(body="Steps:\n\n- Run:\n  ```sh\n  make -- all\n"),
        "line 10: this code block is never closed, so it is shown as text; end it with ``` "
        "on a line of its own, indented as the opening one",
    ),
    warns(  # at the margin: the fence and the code are shown as text (was no line)
        "fenced-code-never-closed",
        post(body="Some code:\n\n```python\nprint(1)\n\nMore text."),
        "line 9: this code block is never closed, so it is shown as text; end it with ``` on "
        "a line of its own",
    ),
    warns(  # in a quote: GitHub ends it with the quote; here it would be text: named
        "fenced-code-in-a-blockquote-never-closed",
        post(body="Steps:\n\n> Run:\n> ```sh\n> make -- all\n\nDone."),
        "line 10: this code block in a blockquote is never closed, so it is shown as text; "
        "end it with the line > ``` (a line without the quote's > ends the quote",
    ),
    # a WordPress exporter's keys (0ink.net's "WordPress to Jekyll Exporter", jekyll-import):
    # one line for the file, never one of our keys suggested (ping_status is not Status)
    warns(
        "wordpress-exporter-keys",
        fenced(
            'ID: "646"\npost_author: "2"\npost_date: "2013-08-21 21:57:09"\n'
            "post_status: publish\ncomment_status: open\nping_status: open\n"
            "post_name: ssh-tricks\nguid: http://0ink.net/wp/?p=646\npost_type: post"
        ),
        "has the keys a WordPress exporter writes: read post_status as Status; id, "
        "post_author, post_date, comment_status, ping_status, post_name, guid, post_type are "
        "WordPress's own and left out (remove them)",
    ),
    Case(  # private there: not public here either
        "wordpress-exporter-private",
        fenced("post_status: private\nping_status: closed"),
        "read post_status as Status",
        logging.WARNING,
        publish=0,
    ),
    warns(
        "jekyll-import-wordpress",
        fenced("status: publish\npublished: true\nwordpress_id: 12\nlayout: post\ntype: post"),
        "read status as Status; wordpress_id, layout, type, published are WordPress's own",
    ),
    warns(
        "wordpress-author-number",
        fenced('post_author: "2"\nAuthor: "2"'),
        "the author is given as 2, WordPress's number for them, which names no one: write "
        "an Author: line with their name (the WordPress importer",
    ),
    Case(  # no WordPress key beside it: a typo of ours, as before
        "status-publish-alone",
        post("Status: publish"),
        "Status must be one of published, draft, hidden, skip, got 'publish'",
        published=False,
    ),
    typo(
        "unknown-key-in-content-root",
        post("Seris: x"),
        "(did you mean Series?)",
        path="stray.md",
        settings={"ARTICLE_PATHS": [""]},
    ),
    warns(  # the engine reads content/ itself too (a Pelican site's layout): not by default
        "post-outside-posts",
        post(),
        "stray.md is not built: posts go in",
        path="stray.md",
        published=False,
        settings={"ARTICLE_PATHS": ["posts"]},
    ),
    warns(
        "post-in-an-excluded-folder",
        post(),
        "old/s.md is not built",
        path="posts/old/s.md",
        published=False,
        settings={"ARTICLE_EXCLUDES": ["posts/old"]},
    ),
    clean("post-in-root-default-paths", post(), path="stray.md", settings={"ARTICLE_PATHS": [""]}),
    # Modified, Lang, no body: errors, and the post is not published
    Case("modified-before-date", post("Modified: 2020-01-01"), "Modified (2020-01-01) is before"),
    clean("modified-same-day", post("Modified: 2024-05-01")),
    Case("lang-unknown", post("Lang: xx"), "Lang must be a language code such as en"),
    Case("lang-quote", post('Lang: en"'), "got 'en\"' (did you mean 'en'?)"),
    Case("lang-space", post("Lang: en GB"), "Lang must be a language code"),
    clean("lang-known", post("Lang: fr"), page="fr/posts/s/"),
    Case("no-body", post(body=""), "has no text after its front matter"),
    Case("whitespace-body", post(body="   \n\t\n  "), "has no text after its front matter"),
    Case(
        "comment-only-body",
        post(body="<!-- later -->"),
        "has no text after its front matter, only an HTML comment, which no reader sees (write",
    ),
    # 0x7df.github.io's draft whose text was one link definition was said to have "no text"
    Case(
        "definition-only-body",
        post(body="[docs]: https://example.org/docs"),
        "has text that shows nothing: line 7, [docs]: https://example.org/docs, is a Markdown "
        "link definition, which a page shows only where its text uses it ([words][name]); "
        "write the post's text",
    ),
    Case(
        "comment-definitions-body",
        post(body='[//]: # (to write)\n[docs]: https://example.org/docs\n  "The docs"'),
        "lines 7 ([//]: # (to write)) and 1 more are Markdown link definitions",
    ),
    clean("definition-with-text", post(body="See [the docs][].\n\n[the docs]: https://a.org/")),
    clean(
        "page-with-template-no-body",
        "Title: Special\nTemplate: page\n\n",
        path="pages/special.md",
        page="special/",
    ),
    # what used to be a traceback
    Case(
        "template-missing",
        post("Template: nosuch"),
        "Template 'nosuch' is not a template of the theme (nosuch.html not found), so this "
        "post is not published: another theme's template does not carry over; remove the "
        "Template: line to show it with the theme's own post template, or add nosuch.html",
    ),
    Case("template-typo", post("Template: artcle"), "not published; did you mean 'article'?"),
    # an old site's About page, a post its theme's template showed as a page: a post here
    # once the line goes, dated and on the home page, unless it moves to pages/
    Case(
        "post-with-old-theme-template-may-be-a-page",
        post("Template: plain"),
        "or add plain.html to a THEME_TEMPLATES_OVERRIDES folder in pelicanconf.py; if it is a "
        "page rather than a post (an About page), also move it to content/pages/",
    ),
    # an adopted site's home page (PAGE_SAVE_AS = '{slug}.html' wrote it at index.html)
    warns(
        "page-slugged-index",
        "Title: Grupy\nSlug: index\n\nWelcome.\n",
        "Slug index made this page the home page where pages were written at {slug}.html "
        "(PAGE_SAVE_AS); here it is a page at /index/, and the home page lists the posts: to "
        "make it the home page, write Save_as: index.html",
        path="pages/home.md",
        page="index/",
    ),
    clean("post-slugged-index", post("Slug: index"), page="posts/index/"),
    # an adopted site's 404 page (OpenWISP's pages/404.html, slug 404, written at /404/ for
    # its server): here an ordinary page in the header and the sitemap, unsaid
    warns(
        "page-slugged-404",
        "Title: 404 Not Found\nSlug: 404\n\nPage not found.\n",
        "Slug 404 marks an old site's 404 page, which its server showed at a missing address; "
        "here it is an ordinary page at /404/, listed in the header and the sitemap, and a "
        "missing address shows the theme's 404 page: to show this page's title and text "
        "there, write Save_as: 404.html (docs/urls-and-links.md, Your own 404 page)",
        path="pages/not-found.md",
        page="404/",
    ),
    clean("post-slugged-404", post("Slug: 404"), page="posts/404/"),
    # an adopted site's page that its old theme's template wrote whole (a members list)
    Case(
        "page-with-old-theme-template-no-body",
        "Title: Membros\nSlug: membros\nTemplate: membros\n\n",
        "so this page is not published: another theme's template does not carry over; remove "
        "the Template: line and write its text below the front matter (it has none) to show it "
        "with the theme's own page template",
        path="pages/membros.md",
        page="membros/",
    ),
    Case(
        "title-twice",
        post().replace("Slug: s\n", "Slug: s\nTitle: Other\n"),
        "Title is given twice (lines 1 and 6)",
    ),
    Case(
        "key-twice-in-other-capitals",
        post().replace("Slug: s\n", "Slug: s\nSLUG: t\n"),
        "Slug is given twice (lines 5 and 6)",
    ),
    Case("tags-twice", post("Tags: a\nTags: b"), "Tags is given twice"),
    Case("tags-on-two-lines", post("Tags: a, b\n    c"), "Tags goes on to line 7"),
    clean("summary-on-two-lines", post("Summary: A summary\n    that goes on.")),
    # how front matter is written
    Case("key-with-a-space", post("Series index: 2"), "'Series index: 2' is not front matter"),
    # a lost colon ended the front matter: Slug and Author below it were the post's text
    Case(
        "key-without-its-colon",
        post().replace("Category: Company", "Category Company"),
        "line 3 'Category Company' is not front matter (write Category: Company); as it is, "
        "the front matter ends there, and it and the lines below it (Author, Slug) are shown",
    ),
    Case(
        "line-without-a-colon",
        post().replace("Category: Company\n", "Our news, in short\n"),
        "(a front-matter line is Key: value)",
    ),
    clean(  # text right after the keys, with no key below it: Markdown's way, not a mistake
        "text-right-after-the-keys",
        post().replace("Slug: s\n\n", "Slug: s\nA body with a few words in it.\n\n"),
    ),
    # another engine's way to keep a post out: read as a draft, never published
    warns(
        "hugo-draft",
        "---\n" + post("Draft: true").replace("\n\n", "\n---\n\n", 1),
        "Draft: true is Hugo's way to keep a post out; here it is Status: draft",
        published=False,
    ),
    warns("jekyll-unpublished", post("Published: false"), "Jekyll's way", published=False),
    warns("hugo-draft-false", post("Draft: false"), "Draft: false is Hugo's key and is ignored"),
    warns("draft-and-status", post("Status: published\nDraft: yes"), "Status says it"),
    # Hugo's embargo: the post waits for its publishDate like any post dated later
    warns(
        "hugo-publish-date-later",
        fenced("publishDate: 2031-01-01T09:00:00Z"),
        "Publishdate: 2031-01-01T09:00:00Z is Hugo's date for the post to go out; here it is "
        "read as Date: 2031-01-01T09:00:00Z, so the post waits until then",
        published=False,
    ),
    warns(
        "hugo-publish-date-no-date",
        fenced("Date: <absent>\npublishDate: 2031-01-01"),
        "read as Date: 2031-01-01",
        published=False,
    ),
    Case("hugo-publish-date-words", fenced("publishDate: soon"), "Publishdate must be a date"),
    warns(
        "hugo-expired",
        fenced("expiryDate: 2024-06-01T23:59:00Z"),
        "is Hugo's date to take the post down, and it has passed; here it is Status: draft",
        published=False,
    ),
    warns("hugo-expires-later", fenced("expiryDate: 2099-01-01"), "does not take it down then"),
    warns("tags-semicolons", post("Tags: a; b | c"), "write Tags: a, b, c"),
    clean("tags-stray-commas", post("Tags: a,, b ,,c,")),
    clean("bom", "\ufeff" + post()),
    clean("crlf", post().replace("\n", "\r\n")),
    clean("yaml-fences", "---\n" + post().replace("\n\n", "\n---\n\n", 1)),
    # YAML's own syntax in a fenced block: read as YAML means it, or one line saying what to write
    clean("yaml-quoted-date", fenced("Date: \"2024-05-01 10:00\"\nSlug: 's'")),
    clean("yaml-comments", fenced("# from Jekyll\nTags: [a, b] # topics")),
    Case("yaml-title-list", fenced("Title: [Linted, Other]"), "line 2: Title takes one value"),
    # was an error ("Summary: | is YAML's block of lines"): a block is read as YAML means it
    clean("yaml-block", fenced("Summary: |\n  Two\n  lines")),
    clean("yaml-block-list", fenced("Tags:\n  - a\n  - b\nImage: ~")),
    warns("yaml-nested", fenced("params:\n  math: true"), "line 7: Params holds keys of its own"),
    # not valid YAML: one line naming the file and the line, and the post left out
    Case(
        "yaml-bad-indent",
        fenced("Tags:\n  - a\n - b"),
        "line 9: the front matter between --- lines is not valid YAML",
    ),
    Case("yaml-unclosed-quote", fenced('Title: "Linted'), "line 2: the front matter between ---"),
    # Pelican's front matter: quotes are the writer's, but never a date's
    Case("quoted-date", post('Date: "2024-05-01"'), "got '\"2024-05-01\"': remove the quotes"),
    clean("keys-in-capitals", "TITLE: Loud\nDATE: 2024-05-01\nSLUG: s\nAUTHOR: Ada Byrne\n\nText."),
    warns("empty-category", post("Category:"), "Category is empty"),
    warns("empty-authors", post("Authors:"), "Authors is empty"),
    warns("empty-summary", post("Summary:"), "Summary is empty"),
    warns("empty-slug", post("Slug:\nTitle: S"), "Slug is empty"),
    # (the archives' copy at posts/ left out: the post with no slug would be written there)
    Case(
        "empty-title",
        post("Title:"),
        "Title is empty",
        page="posts/",
        settings={"POSTS_SAVE_AS": ""},
    ),
    Case("empty-save-as", post("Save_as:"), "Save_as is empty"),
    # Pelican reads it as true: a translation of no post, which a publish stops on (engine)
    typo("translation-maybe", post("Translation: maybe"), "Translation must be true or false"),
    # found by the property test below: each was a crash or a page at the wrong address
    Case("control-character", post("Summary: pasted\x1b[0m"), "holds U+001B, an escape character"),
    Case("control-del", post("Title: Tab\x7fle"), "Title (line 1) holds U+007F, a delete"),
    Case("category-no-letters", post("Category: ???"), "Category '???' makes an empty web"),
    Case("series-invisible", post("Series: \u200b"), r"Series '\u200b' makes an empty web"),
    Case("title-no-letters", post("Title: ???\nSlug: <absent>"), "add a Slug: line"),
    # dates
    Case("date-words", post("Date: next tuesday"), "Date must be a date like"),
    Case("date-zone-word", post("Date: 2024-05-01 10:00 CEST"), "time zone name is not understood"),
    Case("date-no-year", post("Date: May 3"), "give the year, month and day"),
    Case("date-day-or-month", post("Date: 01/02/2024"), "either way round"),
    clean("date-with-offset", post("Date: 2024-05-01T10:00:00+02:00")),
    Case("date-impossible", post("Date: 2024-13-45"), "Date must be a date like"),
    Case("no-date", post("Date: <absent>"), "has no Date: line"),
    # a draft without a date, as Pelican allows (its own sample has one): previewed, dated last
    clean("no-date-draft", post("Date: <absent>\nStatus: draft"), page="drafts/posts/s/"),
    clean(
        "no-date-drafts-folder", post("Date: <absent>"), path="_drafts/s.md", page="drafts/posts/s/"
    ),
    clean(
        "no-date-default-draft",
        post("Date: <absent>"),
        page="drafts/posts/s/",
        settings={"DEFAULT_METADATA": {"status": "draft"}},
    ),
    Case("no-date-published", post("Date: <absent>\nStatus: published"), "has no Date: line"),
    clean("date-from-file-name", post("Date: <absent>"), path="posts/2024-05-01-s.md"),
    # a weekday that is not the date's: one of them is a typo (probe 23, finding 7)
    typo(
        "date-weekday-not-the-dates",
        post("Date: Friday 5 December 2026"),
        "Date says Friday, but 5 December 2026 is a Saturday (the day is kept, the weekday "
        "ignored): correct one of them, or write it without the weekday (2026-12-05)",
    ),
    # its advice keeps the time: pasting it never moves an embargo to midnight (probe 25, 1)
    typo(
        "date-weekday-keeps-the-time",
        post("Date: Monday 15 January 2026 09:00"),
        "or write it without the weekday (2026-01-15 09:00)",
    ),
    typo(
        "modified-weekday-yaml",
        fenced("Date: 2026-11-02\nModified: Mon, 3 Nov 2026 09:00"),
        "Modified says Monday, but 3 November 2026 is a Tuesday",
    ),
    clean("date-weekday-right", post("Date: Saturday 5 December 2026")),
    # a time Europe/London skips or shows twice, without an offset (finding 8)
    typo(
        "date-in-the-dst-gap",
        post("Date: 2026-03-29 01:30"),
        "Date 2026-03-29 01:30 does not exist in Europe/London (the clocks go forward that "
        "night) and is read as 2026-03-29 01:30+00:00, which the clocks there show as "
        "2026-03-29 02:30+01:00; write the time with its offset, such as 2026-03-29 02:30+01:00",
    ),
    typo(
        "date-in-the-dst-fold",
        post("Date: 2026-10-25 01:30"),
        "Date 2026-10-25 01:30 happens twice in Europe/London (the clocks go back that night) "
        "and is read as the first, 2026-10-25 01:30+01:00; write the offset you mean: "
        "2026-10-25 01:30+01:00 (the first) or 2026-10-25 01:30+00:00 (the second)",
    ),
    clean("date-in-the-dst-fold-with-offset", post("Date: 2026-10-25 01:30+00:00")),
    typo(
        "date-in-the-dst-gap-elsewhere",
        post("Date: 2026-03-08 02:15"),
        "does not exist in America/New_York",
        settings={"TIMEZONE": "America/New_York"},
    ),
    # the post's own Timezone (Pelican's key) is the zone its Date is read in: the check
    # used the site's, and called the key unknown
    typo(
        "date-in-the-dst-gap-of-its-own-timezone",
        post("Timezone: America/New_York\nDate: 2026-03-08 02:40"),
        "Date 2026-03-08 02:40 does not exist in America/New_York",
    ),
    clean(
        "date-in-the-sites-gap-not-in-its-own-timezone",
        post("Timezone: America/New_York\nDate: 2026-03-29 01:30"),
    ),
    Case(
        "timezone-unknown",
        post("Timezone: America/New_Yrok"),
        "Timezone must be a time zone name such as 'America/New_York' or 'UTC', got "
        "'America/New_Yrok' (did you mean 'America/New_York'?)",
    ),
    Case("no-title", post("Title: <absent>"), "has no Title: line"),
    # the title is there, written so that Markdown did not read it: the line says how
    Case("title-misspelt", post("Title: <absent>\nTitel: Linted"), "(line 5 says Titel: did"),
    Case("title-after-a-blank-line", "\n" + post(), "comes after a blank line, so it is read"),
    Case("title-space-before-colon", "Title : Linted\n" + post("Title: <absent>"), "no space"),
    Case("status-typo", post("Status: drfat"), "(did you mean 'draft'?)"),
    # Pelican's own "leave this file out": no line (it was "is not built: posts go in
    # content/posts/", for a file in content/posts/)
    Case("status-skip", post("Status: skip"), publish=0, published=False),
    clean("status-capitalised", post("Status: Draft"), page="drafts/posts/s/"),  # a draft
    Case("slug-with-slash", post("Slug: a/b"), "Slug must be one part of a web address"),
    # an old site's folder in its slug: the words kept apart (was "try Slug: tutoriallists")
    Case(
        "slug-with-a-folder",
        post("Slug: tutorial/lists"),
        "got 'tutorial/lists'; try Slug: tutorial-lists",
    ),
    Case(  # a path: the post's own part suggested (was 'try Slug: postsour-move')
        "slug-a-path",
        post("Slug: /posts/Our-Move/"),
        "Slug must be one part of a web address (letters, digits and hyphens), got "
        "'/posts/Our-Move/'; try Slug: our-move",
    ),
    Case(  # a date's folders are the address's, not the post's
        "slug-a-dated-path",
        post("Slug: 2025/04/our-move"),
        "got '2025/04/our-move'; try Slug: our-move",
    ),
    Case(
        "slug-zero-width-space",
        post("Slug: zero\u200bwidth"),
        "Slug holds an invisible character, U+200B, which would be in the web address: "
        "retype it; try Slug: zero-width",
    ),
    Case("slug-direction-mark", post("Slug: plan\u200f"), "invisible character, U+200F"),
    # the plugins' own keys (their messages; the post stays, the publish fails)
    Case("series-index-word", post("Series: x\nSeries_index: two"), "Series_index", published=True),
    Case("comments-maybe", post("Comments: maybe"), "Comments must be one of", published=True),
    Case("gallery-missing", post("Gallery: nowhere"), "Gallery 'nowhere'", published=True),
    warns("related-missing", post("Related: missing-slug"), "Related: no published post"),
    # encodings
    Case("latin-1", post("Title: Café").encode("latin-1"), "is not UTF-8 text"),
    Case(  # where: the line and its text, not a byte position
        "latin-1-deep",
        post(body="Words.\n\nWe met at the café on the corner.").encode("latin-1"),
        "is not UTF-8 text: line 9 has byte 0xe9, which UTF-8 does not allow there ('We met "
        "at the caf\ufffd on the corner.'",
    ),
    Case("utf-16", post().encode("utf-16"), "is saved as UTF-16 (what Notepad and Word call"),
    # keys typed with a Chinese input method on: Title： with a full-width colon is no key
    # (was: "has no Title: line; add one at the top", with the writer's Title： line there)
    Case(
        "full-width-colon-title",
        "Title：全角冒号\nDate：2024-05-01 10:00\nCategory: Company\nAuthor: Ada Byrne\n"
        "Slug: s\n\n正文。\n",
        "line 1 'Title：全角冒号': its colon is a full-width '：', so it is not read as a key: "
        "write Title: with an ASCII colon ':' (and Date: on line 2)",
    ),
    Case(
        "full-width-colon-date",
        "Title: Linted\nDate：2024-05-01 10:00\nCategory: Company\nAuthor: Ada Byrne\n"
        "Slug: s\n\n正文。\n",
        "line 2 'Date：2024-05-01 10:00': its colon is a full-width '：', so it is not read as "
        "a key: write Date: with an ASCII colon ':'",
    ),
    # a country's code for the language (Ukraine's): dropped, with the code meant
    Case("lang-country-code", post("Lang: ua"), "got 'ua' (did you mean 'uk' (Ukrainian)?)"),
    # zh-CN is BCP 47 as Chinese pages write it (was: an error, "write 'zh-Hans-CN'")
    warns("lang-zh-cn", post("Lang: zh-CN"), "Lang 'zh-CN' has no catalog", page="zh-CN/posts/s/"),
    # a list of categories: one category of that name, a page nobody meant (probe 7, 21)
    typo("category-list", post("Category: Linux, EXT, Filesystems"), "write one (Category: Linux)"),
    typo("category-list-wide", post("Category: 技术、生活、读书"), "is a list"),
    typo(
        "category-list-rst",
        "Linted\n######\n\n:date: 2024-05-01 10:00\n:category: dew, cults, military\n"
        ":slug: s\n:author: Ada Byrne\n\nText.\n",
        "Category 'dew, cults, military' is a list",
        path="posts/s.rst",
    ),
    # two parts, one of them a category of other posts (the fixture's Company)
    typo(
        "category-list-known-part",
        post("Category: Drink, Company"),
        "(Company is a category of other posts): a post here has one category; write one "
        "(Category: Company) and put the others in Tags: (Drink)",
        others={"posts/o.md": post("Slug: o\nTitle: Other")},
    ),
    # a category whose name has a comma in it: no line, published in both builds
    clean(
        "category-with-a-comma",
        post("Category: Food, Drink"),
        others={"posts/o.md": post("Slug: o\nTitle: Other\nCategory: Food, Drink")},
    ),
    clean("category-with-a-comma-wide", post("Category: 技术、生活")),
    # Notion's export, its "# Title" heading made a Title: line: the properties are still
    # below the blank line (probe 19, finding 7: "has no Date: line" with Date: on line 3)
    Case(
        "notion-properties-below-the-title",
        "Title: Linted\n\nDate: March 2, 2026 9:00 AM\nAuthor: Ada Byrne\nCategory: Company\n"
        "Slug: s\n\nWe moved.\n",
        "has no Date: in its front matter: line 3 'Date: March 2, 2026 9:00 AM' is below the "
        "blank line that ends the front matter, so Pelican reads it (and Author, Category and "
        "Slug with it) as the post's text; remove the blank line 2",
    ),
    # smart quotes in YAML: the writer did put the value in quotes (finding 9)
    Case(
        "yaml-curly-quotes",
        fenced("Title: \u201cLaunch: day one\u201d"),
        "\u201c \u201d on this line are curly (typographic) quotes, which YAML does not read "
        'as quotes: write straight ones, Title: "Launch: day one"',
    ),
]


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> str:
    """One CACHE_PATH for the module: templates are compiled once, not in every build."""
    return str(tmp_path_factory.mktemp("lint-cache"))


def _messages(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= logging.WARNING]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_front_matter_case(case: Case, build_site, cache, caplog) -> None:
    files = {"team/ada-byrne.md": ADA, **case.others, case.path: case.text}
    caplog.set_level(logging.WARNING)
    site = build_site(files, fixture=None, CACHE_PATH=cache, **case.settings)  # never exits
    records = _messages(caplog)
    assert not [r for r in records if r.exc_info], "a traceback was logged"
    lines = [r.getMessage() for r in records]
    name = case.path.rsplit("/", 1)[-1]
    if case.fragment:
        hits = [
            r.getMessage()
            for r in records
            if r.levelno == case.level and case.fragment in r.getMessage()
        ]
        assert hits, lines
        # the file as staff know it (content-N/ is the fixture's content folder) comes first
        assert hits[0].startswith("content-") and name in hits[0].split(" ")[0], hits[0]
    else:
        assert not lines, lines
    assert site.exists(case.page) is case.published, lines
    feed = site.path("feeds/all.atom.xml")
    if not case.published and feed.is_file():
        assert "Linted" not in feed.read_text(encoding="utf-8")

    caplog.clear()
    try:
        build_site(files, fixture=None, publish=True, CACHE_PATH=cache, **case.settings)
        status = 0
    except SystemExit as exc:  # BLOGCORE_STRICT: every logged error fails the publish
        status = exc.code
    assert status == case.publish, [r.getMessage() for r in _messages(caplog)]


MARKER = "Zebracorn"  # in the body: where it is in the output, the post was published
ODD_VALUES = [
    "", " ", "next tuesday", "2024-02-30", "01/02/2024", "xx", 'en"', "Draft", "skip", "two",
    "-1", "maybe", "a; b | c", "../../x", "a/b", "<script>alert(1)</script>", "{filename}/x.md",
    "true", "\ufeff", "\u202e", "é" * 200, "Ada Byrne, Nobody",
]  # fmt: skip
one_line = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"),
    max_size=30,
)


@settings(
    max_examples=25,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: each example is a whole build
    deadline=None,
    derandomize=True,  # the same sites every run: a failure is reproducible
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    values=st.dictionaries(
        st.sampled_from(sorted(KNOWN_KEYS)),
        st.one_of(st.sampled_from(ODD_VALUES), one_line),
        min_size=1,
        max_size=4,
    )
)
def test_any_value_for_any_key_builds_or_names_the_file(values, tmp_path_factory, caplog):
    base = {"title": "Prop", "date": "2024-05-01 10:00", "author": "Ada Byrne", "slug": "p"}
    keys = base | values
    head = "".join(f"{display_key(k)}: {' '.join(str(v).split())}\n" for k, v in keys.items())
    files = {"team/ada-byrne.md": ADA, "posts/p.md": f"{head}\n{MARKER}\n"}
    caplog.clear()
    caplog.set_level(logging.WARNING)
    build_site = _builder(tmp_path_factory.mktemp("prop"))
    site = build_site(files, fixture=None)  # raises on a crash: the property fails
    records = _messages(caplog)
    assert not [r for r in records if r.exc_info], "a traceback was logged"
    errors = [r.getMessage() for r in records if r.levelno >= logging.ERROR]
    for message in errors:
        assert "posts/p.md" in message, (keys, message)
    # a Save_as without .html ('Ý') publishes the page under that very name
    published = any(MARKER.encode() in page.read_bytes() for page in site.files())
    skipped = str(keys.get("status", "")).strip().lower() == "skip"
    assert published or skipped or errors, (keys, [r.getMessage() for r in records])


def test_a_post_without_a_category_is_filed_under_the_default_and_named(build_site, caplog):
    # Pelican files a post without Category: under its folder's name: "posts", a category
    # page of its own; a subfolder's name, lower-case beside the Engineering posts write
    caplog.set_level(logging.WARNING)
    head = "Date: 2024-05-01\nAuthor: Ada Byrne\n"
    site = build_site(
        {
            "posts/none.md": f"Title: None\n{head}\nWords.\n",
            "posts/empty.md": f"Title: Empty\n{head}Category:\n\nWords.\n",
            "posts/engineering/sub.md": f"Title: Sub\n{head}\nWords.\n",
        },
        name="no-category",
    )

    def category(slug: str) -> str:
        link = site.soup(f"posts/{slug}/").select_one("a[href*='/category/']")  # the post's
        return link.get_text(strip=True)

    assert (category("none"), category("empty"), category("sub")) == (
        "General",
        "General",
        "Engineering",
    )
    assert not site.exists("category/posts/")
    # an empty line's is said once every file is read (folded for a folder of many: repeats.py)
    mine = sorted(m for m in caplog.messages if m.startswith("no-category/"))
    assert mine == [
        "no-category/posts/empty.md: Category is empty, so it is filed under 'General' "
        "(DEFAULT_CATEGORY); give it a value or remove the line",
        "no-category/posts/none.md: has no Category: line, so it is filed under 'General'; add "
        "one (this site's categories: Community, Company, Engineering)",
    ]


def test_a_categories_line_is_one_line_saying_where_the_post_is_filed(build_site, caplog):
    # Typora's and Hugo's categories: [Engineering] gave two lines for one mistake: the
    # unknown key, then "has no Category: line" (probe 19)
    caplog.set_level(logging.WARNING)
    head = "Date: 2024-05-01\nAuthor: Ada Byrne\n"
    build_site(
        {
            "posts/yaml.md": f"---\ntitle: Yaml\n{head.lower()}categories: [Engineering]\n---\n\n"
            "Words.\n",
            "posts/plain.md": f"Title: Plain\n{head}Categories: Engineering, Company\n\nWords.\n",
        },
        name="categories",
    )
    mine = sorted(m for m in caplog.messages if m.startswith("categories/"))
    said = (
        "unknown key 'Categories' is ignored (did you mean Category? a post here has one "
        "category: write one of them); as it is, the post is filed under 'General': write "
        "Category: Engineering"
    )
    assert mine == [f"categories/posts/plain.md: {said}", f"categories/posts/yaml.md: {said}"]


@pytest.mark.parametrize("publish", [False, True])
def test_the_categories_named_are_those_of_published_posts(build_site, caplog, publish):
    # a draft's category (an unannounced product's name) was listed in every build's log
    caplog.set_level(logging.WARNING)
    head = "Date: 2024-05-01\nAuthor: Ada Byrne\n"
    files = {
        "posts/none.md": f"Title: None\n{head}\nWords.\n",
        "posts/secret.md": f"Title: S\n{head}Category: Zebracorn Launch\nStatus: draft\n\nW.\n",
    }
    build_site(files, publish=publish, name=f"draft-category-{publish}")
    mine = [m for m in caplog.messages if "has no Category: line" in m]
    assert len(mine) == 1 and "Zebracorn" not in mine[0], mine
    assert mine[0].endswith("(this site's categories: Community, Company, Engineering)")


def test_a_site_without_categories_gets_no_line_per_post(build_site, caplog):
    caplog.set_level(logging.WARNING)
    files = {
        f"posts/p{n}.md": f"Title: P{n}\nDate: 2024-05-0{n}\nAuthor: Ada Byrne\n\nWords.\n"
        for n in (1, 2)
    }
    build_site(files, fixture=None, name="no-categories", BLOGCORE_DEFAULT_IMAGE="")
    assert not [m for m in caplog.messages if "Category" in m]


def test_an_empty_summary_is_as_if_there_were_none(build_site, caplog):
    # make new-post writes "Summary:" for the writer to fill in; left empty, the card was
    # blank and the post's description the site's tagline
    caplog.set_level(logging.WARNING)
    body = "Zebracorn mornings start with the lamps and a list of rooms to book."
    site = build_site({"posts/s.md": post("Summary:", body=body)}, name="empty-summary")
    home = site.soup("")
    card = next(c for c in home.select(".post-summary") if "Zebracorn" in c.get_text())
    assert card.get_text(" ", strip=True).startswith("Zebracorn mornings start")
    page = site.soup("posts/s/")
    for selector in ('meta[name="description"]', 'meta[property="og:description"]'):
        assert page.select_one(selector)["content"].startswith("Zebracorn mornings"), selector
    said = [r.getMessage() for r in caplog.records if "Summary is empty" in r.getMessage()]
    assert said == [
        "empty-summary/posts/s.md: Summary is empty, so the post's first words stand in for it "
        "(on its card, in feeds and search results); write one, or remove the line"
    ]


def test_a_summary_on_the_lines_below_its_key_is_not_empty(build_site, caplog):
    # Pelican's own test content writes "Summary:" and the summary on indented lines below
    # (Python-Markdown's continuation lines): the page shows it, yet the build said "Summary
    # is empty, so the post's first words stand in for it"
    caplog.set_level(logging.WARNING)
    front = "Summary:\n    Zebracorn lamps on two lines\n    as well as **inline markup**."
    site = build_site({"posts/s.md": post(front, body="Other words.")}, name="summary-below")
    page = site.soup("posts/s/")
    description = page.select_one('meta[name="description"]')["content"]
    assert description.startswith("Zebracorn lamps on two lines as well as inline markup")
    assert not [m for m in caplog.messages if "Summary" in m], caplog.messages


def test_an_empty_title_without_a_slug_is_one_line(build_site, caplog):
    # one mistake was two lines: "Title is empty" and "Title '' makes an empty web address"
    caplog.set_level(logging.WARNING)
    build_site({"posts/t.md": post("Title:\nSlug: <absent>")}, name="empty-title-one")
    said = [m for m in caplog.messages if m.startswith("empty-title-one/posts/t.md: Title")]
    assert said == ["empty-title-one/posts/t.md: Title is empty; give the post a title"]


@pytest.mark.parametrize(
    ("name", "front"),
    [
        ("empty-title-after-twice", "Tags: a\nTags: b\nTitle:\n"),
        ("empty-title-after-control", "Summary: a\x01b\nTitle:\n"),
    ],
)
def test_an_empty_title_after_another_mistake_is_one_line(build_site, caplog, name, front):
    # the header's mistakes are one line, the empty Title's not first in it: that the title
    # was said empty is a fact of the mistake (FrontMatterError.empty), not its first words
    caplog.set_level(logging.WARNING)
    text = f"{front}Date: 2024-05-01 10:00\nCategory: Company\nAuthor: Ada Byrne\n\nA body.\n"
    build_site({"posts/t.md": text}, name=name)
    said = [m for m in caplog.messages if m.startswith(f"{name}/posts/t.md: ") and "Title" in m]
    assert len(said) == 1 and said[0].endswith("; Title is empty; give the post a title"), said


@pytest.mark.parametrize("accelerate", [True, False], ids=["accelerated", "stock"])
def test_a_fenced_front_matter_is_read_as_yaml(build_site, accelerate):
    # Jekyll's and Hugo's front matter: quotes kept in the title and curled in the summary,
    # "[python" and "yaml]" published as tags, "[Yammy" as an alias
    yaml_post = fenced(
        'Title: "Quoted: a \\"YAML\\" title"\n'
        "Summary: 'Written the Jekyll way.'\n"
        'Tags: [python, yaml, "c, d"]\n'
        "Author: Yammy"
    )
    person = '---\nname: Yaml Person\nrole: Writer\naliases: [Yammy, "Person, Y."]\n---\n\nBio.\n'
    # unfenced (Pelican's own) front matter: a wholly quoted title is the writer's quotes
    pelican_post = post('Title: "The Big Move"\nSlug: big\nTags: [draft] notes')
    site = build_site(
        {"posts/s.md": yaml_post, "posts/big.md": pelican_post, "team/yaml-person.md": person},
        BLOGCORE_ACCELERATE=accelerate,
    )
    page = site.soup("posts/s/")
    title = 'Quoted: a "YAML" title'
    assert page.select_one("h1").get_text(strip=True) == title
    assert page.title.get_text().startswith(title)
    assert [a.get_text(strip=True) for a in page.select('a[rel="tag"]')] == [
        "python",
        "yaml",
        "c, d",
    ]
    byline = page.select_one(".post-meta__author")
    assert byline["href"].endswith("/team/yaml-person/")
    feed = ET.fromstring(site.path("feeds/all.atom.xml").read_bytes())
    entry = next(e for e in feed.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == title)
    terms = [c.get("term") for c in entry.iter(f"{ATOM}category")]
    assert terms == ["Company", "python", "yaml", "c, d"]  # the category, then the tags
    assert "Written the Jekyll way." in entry.findtext(f"{ATOM}summary")
    card = next(c for c in site.soup("").select(".post-summary") if "Jekyll" in c.get_text())
    assert card.get_text(" ", strip=True) == "Written the Jekyll way."  # no quotes, curly or not
    profile = json.loads(
        site.soup("team/yaml-person/").select_one('script[type="application/ld+json"]').string
    )
    assert profile["mainEntity"]["alternateName"] == ["Yammy", "Person, Y."]
    big = site.soup("posts/big/")
    assert big.select_one("h1").get_text(strip=True) in ('"The Big Move"', "“The Big Move”")
    assert [a.get_text(strip=True) for a in big.select('a[rel="tag"]')] == ["[draft] notes"]


def test_a_jekyll_post_gets_its_block_list_and_a_broken_one_is_one_line(build_site, caplog):
    # a post moved from Jekyll as it was: a block list of tags, a folded summary, a null, a
    # comment; beside it one whose YAML Jekyll would refuse too (a list item out of line)
    jekyll = (
        "---\n"
        "layout: post  # Jekyll's; said to be unknown here\n"
        "title: 'Moving day: notes'\n"
        "slug: moving-day\n"
        "date: 2024-05-01 10:00\n"
        "category: Company\n"
        "author: Ada Byrne\n"
        "tags:\n"
        "  - moving\n"
        '  - "ops, infra"\n'
        "image: ~\n"
        "summary: >\n"
        "  Folded over\n"
        "  two lines.\n"
        "---\n\n"
        "A body with a few words in it.\n"
    )
    broken = jekyll.replace('  - "ops, infra"', ' - "ops, infra"').replace("Moving", "Broken")
    caplog.set_level(logging.WARNING)
    site = build_site(
        {"posts/moving-day.md": jekyll, "posts/broken.md": broken}, name="jekyll-move"
    )
    page = site.soup("posts/moving-day/")
    assert page.select_one("h1").get_text(strip=True) == "Moving day: notes"
    tags = [a.get_text(strip=True) for a in page.select('a[rel="tag"]')]
    assert tags == ["moving", "ops, infra"]
    card = next(c for c in site.soup("").select(".post-summary") if "Folded" in c.get_text())
    assert card.get_text(" ", strip=True) == "Folded over two lines."
    said = sorted(m for m in caplog.messages if m.startswith("jekyll-move/posts/"))
    assert said == [
        "jekyll-move/posts/broken.md: line 10: the front matter between --- lines is not valid "
        "YAML (expected <block end>, but found '<block sequence start>'); indent the lines of "
        "one list or block alike, and quote a value with : or # in it",
        "jekyll-move/posts/moving-day.md: unknown key 'Layout' is ignored",
    ]
    assert not any(b"Broken day" in path.read_bytes() for path in site.files())


def test_a_hugo_post_in_toml_is_read_and_a_broken_one_is_one_line(build_site, caplog):
    # Hugo's front matter between +++ lines (every post of a real blog was left out with
    # "has no Title: line"): its title, TOML date, tags array and draft = true read as YAML's
    hugo = (
        "+++\n"
        'title = "DUM-E and U: robot arms"\n'
        "date = 2024-05-01T10:00:00+01:00\n"
        'slug = "dum-e"\n'
        'category = "Company"\n'
        'author = "Ada Byrne"\n'
        'tags = ["robots", "ops, infra"]\n'
        'summary = "How would the arms work?"\n'
        'description = "How would the hydraulic robot arms in Iron Man work?"\n'
        "[params]\n"
        "math = true\n"
        "+++\n\n"
        "A body with a few words in it.\n"
    )
    draft = hugo.replace("DUM-E and U", "Zebracorn plans").replace('"dum-e"', '"zc"')
    draft = draft.replace("[params]\nmath = true\n", "draft = true\n")
    broken = hugo.replace('slug = "dum-e"', "slug: broken").replace("DUM-E", "Broken")
    caplog.set_level(logging.WARNING)
    site = build_site(
        {"posts/dum-e.md": hugo, "posts/draft.md": draft, "posts/broken.md": broken},
        name="hugo-toml",
    )
    page = site.soup("posts/dum-e/")
    assert page.select_one("h1").get_text(strip=True) == "DUM-E and U: robot arms"
    assert [a.get_text(strip=True) for a in page.select('a[rel="tag"]')] == ["robots", "ops, infra"]
    assert page.select_one("time[datetime]")["datetime"].startswith("2024-05-01T10:00:00+01:00")
    card = next(c for c in site.soup("").select(".post-summary") if "arms" in c.get_text())
    assert card.get_text(" ", strip=True) == "How would the arms work?"
    said = sorted(m for m in caplog.messages if m.startswith("hugo-toml/posts/"))
    assert said == [
        "hugo-toml/posts/broken.md: line 4: the front matter between +++ lines is not valid "
        "TOML (Expected '=' after a key in a key/value pair); a TOML key is followed by =, not "
        'by : (slug = "broken")',
        # Status: draft between +++ lines is not TOML
        "hugo-toml/posts/draft.md: draft = true is Hugo's way to keep a post out; here it is "
        'status = "draft", and the post is kept out as a draft (write status = "draft" instead)',
        "hugo-toml/posts/draft.md: unknown key 'Description' is ignored (this site's key is "
        "Summary, given in this file too: only it is read)",
        "hugo-toml/posts/dum-e.md: line 10: Params holds keys of its own (math), which front "
        "matter here does not read: it is left out (give each a line of its own if something "
        "should read it)",
        # the last key, and the fence below it: not a line of text read as a key
        "hugo-toml/posts/dum-e.md: unknown key 'Description' is ignored (this site's key is "
        "Summary, given in this file too: only it is read)",
    ]
    published = [
        path for path in site.files() if path.suffix == ".html" and "drafts" not in path.parts
    ]
    assert not any(b"Zebracorn" in path.read_bytes() for path in published)
    assert not any(b"Broken and U" in path.read_bytes() for path in site.files())


def test_tags_separated_by_a_chinese_japanese_or_persian_comma_are_several(build_site, caplog):
    # typed with the input method on (U+FF0C, U+3001, U+060C): one merged tag each, no line
    caplog.set_level(logging.WARNING)
    files = {
        "posts/zh.md": post("Title: 全角逗号\nSlug: zh\nTags: 思考，生活，读书"),
        "posts/ja.md": post("Title: 日本語\nSlug: ja\nTags: 日記、旅行\nRelated: zh，fa"),
        "posts/fa.md": post("Title: نسخه جدید\nSlug: fa\nTags: خبر، اپلیکیشن، iOS"),
        "posts/mixed.md": post("Title: Mixed\nSlug: mixed\nTags: python, 思考，读书"),
    }
    site = build_site(files)
    assert not [r.getMessage() for r in _messages(caplog) if "posts/" in r.getMessage()]

    def tags(page: str) -> list[tuple[str, str]]:
        return [
            (a.get_text(), a["href"].removeprefix(site.siteurl))
            for a in site.soup(page).select("ul.post-tags a[rel=tag]")
        ]

    assert tags("posts/zh/") == [
        ("思考", "/tag/si-kao/"), ("生活", "/tag/sheng-huo/"), ("读书", "/tag/du-shu/")
    ]  # fmt: skip
    assert tags("posts/ja/") == [("日記", "/tag/ri-ji/"), ("旅行", "/tag/lu-xing/")]
    assert [name for name, _ in tags("posts/fa/")] == ["خبر", "اپلیکیشن", "iOS"]
    assert [name for name, _ in tags("posts/mixed/")] == ["python", "思考", "读书"]
    for _name, url in [*tags("posts/zh/"), *tags("posts/ja/"), *tags("posts/fa/")]:
        assert site.exists(url), url
        listed = [a["href"] for a in site.soup(url).select("main a[href*='/posts/']")]
        assert any(href.endswith(("/posts/zh/", "/posts/ja/", "/posts/fa/")) for href in listed)
    assert not site.exists("tag/si-kao-sheng-huo-du-shu/")
    assert not site.exists("tag/ri-ji-lu-xing/")
    # Related: pins written with the same comma are two posts
    related = [a["href"] for a in site.soup("posts/ja/").select(".related-posts h3 a")]
    assert [h.removeprefix(site.siteurl) for h in related[:2]] == ["/posts/zh/", "/posts/fa/"]


DATE = (
    "Date must be a date like 2025-03-14 or 2025-03-14 09:30, got '2026-13-30': there is no "
    "month 13 (the month comes second: YYYY-MM-DD)"
)
STATUS = "Status must be one of published, draft, hidden, skip, got 'drfat' (did you mean 'draft'?)"
LANG = "Lang must be a language code such as en, fr or pt-BR, got 'zz-bad'"
ZONE = "Timezone must be a time zone name such as 'America/New_York' or 'UTC', got 'Mars/Base'"
TWICE = (
    "Tags is given twice (lines 7 and 8); keep one line (list several values on one line, "
    "separated by commas)"
)
# two and three mistakes in one file's front matter: each its own line, in one build
MISTAKES = [
    ("posts/a.md", post("Slug: a\nDate: 2026-13-30\nStatus: drfat"), [DATE, STATUS]),
    ("posts/b.md", post("Slug: b\nStatus: drfat\nLang: zz-bad"), [STATUS, LANG]),
    (
        "posts/c.md",
        post("Slug: c\nDate: 2026-13-30\nTimezone: Mars/Base\nTags: x\nTags: y"),
        [DATE, TWICE, ZONE],
    ),
    (
        "posts/d.md",
        post("Slug: d\nDate: 2026-13-30\nModified: soon\nLang: zz-bad"),
        [DATE, "Modified must be a date like 2025-03-14 or 2025-03-14 09:30, got 'soon'", LANG],
    ),
    (
        "posts/e.rst",
        "E\n#\n\n:date: 2026-13-30\n:status: drfat\n:lang: zz-bad\n:slug: e\n\nWords.\n",
        [DATE, STATUS, LANG],
    ),
    (
        "posts/f.html",
        '<html><head><title>F</title><meta name="date" content="2026-13-30">'
        '<meta name="status" content="drfat"><meta name="slug" content="f"></head>'
        "<body><p>Words.</p></body></html>\n",
        [DATE, STATUS],
    ),
]


@pytest.mark.parametrize("publish", [False, True], ids=["development", "publish"])
def test_every_mistake_of_a_front_matter_is_named_in_one_build(build_site, caplog, publish):
    """A post with two front-matter mistakes showed only the first: the writer saved, fixed,
    saved again, and only then heard of the second. Each is one line naming the file and the
    key; the post is still left out, and a publish still stops."""
    caplog.set_level(logging.WARNING)
    name = f"all-mistakes-{'publish' if publish else 'dev'}"
    files = {"team/ada-byrne.md": ADA, **{path: text for path, text, _ in MISTAKES}}
    try:
        site = build_site(files, fixture=None, publish=publish, name=name)
        status = 0
    except SystemExit as exc:
        site, status = None, exc.code
    assert status == (1 if publish else 0)
    for path, _, expected in MISTAKES:
        said = [
            r.getMessage().removeprefix(f"{name}/{path}: ")
            for r in caplog.records
            if r.getMessage().startswith(f"{name}/{path}: ")
        ]
        assert said == expected, path
        if site:
            assert not site.exists(f"posts/{path.split('/')[1].split('.')[0]}/")


EMPTY_SLUG = ("WARNING", "Slug is empty; give it a value or remove the line")
URL = (
    "Url 'moved/dd/' is where links point, but the file is still written at its usual place; "
    "give Save_as too (Save_as: moved/dd/index.html for Url: moved/dd/), or remove Url"
)
# a post's error and what blogcore doubts of it (an empty Slug:, Tags that are one tag), in
# one build: the doubtful waited for every error to be fixed (a check reading a refused key
# still waits: the dates' for a wrong Timezone)
DOUBTFUL = [
    ("posts/da.md", post("Slug:\nLang: zz-bad"), [("ERROR", LANG), EMPTY_SLUG]),
    (
        "posts/db.md",
        post("Slug: db\nTemplate: nope\nTags: #garden #notes"),
        [
            (
                "WARNING",
                "Tags are separated by commas, so '#garden #notes' is not read as 2 tags; "
                "write Tags: garden, notes",
            ),
            (
                "ERROR",
                "Template 'nope' is not a template of the theme (nope.html not found), so this "
                "post is not published: another theme's template does not carry over; remove "
                "the Template: line to show it with the theme's own post template, or add "
                "nope.html to a THEME_TEMPLATES_OVERRIDES folder in pelicanconf.py; if it is a "
                "page rather than a post (an About page), also move it to content/pages/",
            ),
        ],
    ),
    (
        "posts/dc.md",
        post("Slug: dc\nTranslation: maybe", body=""),
        [
            (
                "WARNING",
                "Translation must be true or false, got 'maybe'; Pelican reads anything but "
                "false as true (this file is then a translation of another)",
            ),
            (
                "ERROR",
                "has no text after its front matter (write it below the blank line that ends "
                "the keys); it is not published",
            ),
        ],
    ),
    # a Url without Save_as is an error of its own, said with the Lang's
    (
        "posts/dd.md",
        post("Slug: dd\nUrl: moved/dd/\nLang: zz-bad"),
        [("ERROR", LANG), ("ERROR", URL)],
    ),
    ("posts/de.md", post("Slug: de\nTimezone: Mars/Base\nModified: 2999-01-01"), [("ERROR", ZONE)]),
]


@pytest.mark.parametrize("publish", [False, True], ids=["development", "publish"])
def test_what_is_doubtful_is_said_with_the_errors(build_site, caplog, publish):
    """A post with an error and an empty Slug: said the error alone; the Slug only once the
    error was fixed and saved. Both now, each at its level; a publish still stops."""
    caplog.set_level(logging.WARNING)
    name = f"doubtful-{'publish' if publish else 'dev'}"
    files = {"team/ada-byrne.md": ADA, **{path: text for path, text, _ in DOUBTFUL}}
    with pytest.raises(SystemExit) if publish else contextlib.nullcontext():
        build_site(files, fixture=None, publish=publish, name=name)
    for path, _, expected in DOUBTFUL:
        said = [
            (r.levelname, r.getMessage().removeprefix(f"{name}/{path}: "))
            for r in caplog.records
            if r.getMessage().startswith(f"{name}/{path}: ")
        ]
        assert said == expected, path


def overlay_of(project, path: str, text: str) -> list[dict]:
    """What make serve's overlay shows under ``path`` (in ``project``'s content folder),
    written with ``text``, after one warm build."""
    (project / "content" / path).write_text(text, encoding="utf-8")
    report = project / "problems.json"
    request = {"args": ["-s", "pelicanconf.py", "-o", "out"], "problems": str(report)}
    done = subprocess.run(
        [sys.executable, "-m", "plugins.fastbuild.warm", "--once", json.dumps(request)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert "Traceback" not in done.stderr
    shown = json.loads(report.read_text())
    return [p for p in shown["problems"] if p["source"].endswith(path)]


def test_the_serve_overlay_lists_each_mistake_of_a_front_matter(project):
    """make serve's warm build: the overlay shows each mistake under the file, as the
    terminal says them."""
    text = post("Slug: two\nDate: 2026-13-30\nStatus: drfat\nLang: zz-bad")
    assert overlay_of(project, "posts/two.md", text) == [
        {"level": "error", "source": "content/posts/two.md", "message": message}
        for message in (DATE, STATUS, LANG)
    ]


def test_an_rst_posts_url_without_save_as_is_told_in_its_own_fields(build_site, caplog):
    # an adopted blog's reStructuredText post with :url: and no :save_as: was told to write
    # "Save_as: …", a line docutils shows as the post's first paragraph
    rst = (
        "Why we made the ratchet\n#######################\n\n:url: why-the-ratchet\n"
        ":date: 2015-07-14\n\nA few words.\n"
    )
    caplog.set_level(logging.WARNING)
    build_site({"posts/ratchet.rst": rst}, name="rst-url")
    said = [r.getMessage() for r in caplog.records if "links point" in r.getMessage()]
    assert said == [
        "rst-url/posts/ratchet.rst: :url: 'why-the-ratchet' is where links point, but the file "
        "is still written at its usual place; give :save_as: too (:save_as: "
        "why-the-ratchet/index.html for :url: why-the-ratchet/), or remove :url:"
    ]


@pytest.mark.parametrize("way", ["write", "remove"])
def test_a_template_close_to_the_themes_says_what_to_do_and_followed_the_page_is_out(
    build_site, caplog, way
):
    # an adopted site's HTML page with its old theme's page-faq: "did you mean 'page'?" said
    # neither what to write nor that the old theme's template does not carry over
    html = (
        '<html><head><title>FAQ</title><meta name="template" content="page-faq">'
        "</head><body><p>Ask us anything.</p></body></html>\n"
    )
    caplog.set_level(logging.WARNING)
    build_site({"pages/faq.html": html}, name=f"faq-{way}")
    (said,) = [r.getMessage() for r in caplog.records if "page-faq" in r.getMessage()]
    assert said == (
        f"faq-{way}/pages/faq.html: Template 'page-faq' is not a template of the theme "
        "(page-faq.html not found), so this page is not published; did you mean 'page'? if "
        'so, write <meta name="template" content="page"> in its place; if it is another '
        'theme\'s template, which does not carry over, remove the <meta name="template"> tag '
        "to show it with the theme's own page template"
    )
    tag = '<meta name="template" content="page-faq">'
    if way == "write":  # as the line says, in the file's own syntax
        html = html.replace(tag, said.split("if so, write ")[1].split(" in its place")[0])
    else:
        html = html.replace(tag, "")
    caplog.clear()
    site = build_site({"pages/faq.html": html}, name=f"faq-{way}-2")
    assert not [r for r in caplog.records if "faq.html" in r.getMessage()]
    assert site.soup("faq/index.html").find("p", string="Ask us anything.")
