"""A post's ids never repeat the page's: a heading "Comments" is not the comments section
(text.free_page_ids, text.PAGE_IDS)."""

import re
from collections import Counter

import pytest

from plugins.blogcore import text
from tests.conftest import ROOT


def test_page_ids_are_every_id_the_theme_gives():
    written = set()
    for template in (ROOT / "theme" / "templates").rglob("*.html"):
        written |= set(re.findall(r'\bid="([a-z][a-z0-9-]*)"', template.read_text("utf-8")))
    assert written == set(text.PAGE_IDS)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<h2 id="why">Why</h2>', '<h2 id="why">Why</h2>'),
        (
            '<p><a href="#comments">below</a></p><h2 id="comments">Comments</h2>',
            '<p><a href="#comments-2">below</a></p><h2 id="comments-2">Comments</h2>',
        ),
        (
            '<h2 id="main">Main</h2><h2 id="main-2">Main 2</h2>',
            '<h2 id="main-3">Main</h2><h2 id="main-2">Main 2</h2>',
        ),
        # the words id="main" in a code sample are text, not an id
        (
            '<pre><code>&lt;main id="main"&gt;</code></pre>',
            '<pre><code>&lt;main id="main"&gt;</code></pre>',
        ),
        (
            '<a href="/posts/x/#comments">there</a><h2 id="main">M</h2>',
            '<a href="/posts/x/#comments">there</a><h2 id="main-2">M</h2>',
        ),
    ],
)
def test_free_page_ids(html, expected):
    assert text.free_page_ids(html) == expected


POST = """Title: Code comments
Date: 2024-05-01 10:00
Category: Engineering
Author: Ada Byrne

[TOC]

Read the [comments](#comments) part first.

## Main

What the main loop does.

## Comments

What good comments say.
"""

RST = """Review notes
############

:date: 2024-05-02
:category: Engineering

Some text.

Comments
========

A section called Comments.
"""


@pytest.mark.parametrize(
    ("path", "source", "page"),
    [
        ("posts/code-comments.md", POST, "posts/code-comments/"),
        ("posts/review.rst", RST, "posts/review-notes/"),
    ],
)
def test_a_page_s_ids_are_unique(build_site, path, source, page):
    site = build_site({path: source})
    soup = site.soup(page)
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    assert [name for name, n in ids.items() if n > 1] == []
    assert soup.find(id="main").name == "main"  # the skip link's target
    assert soup.find(id="comments").name == "section"  # the post cards' "3 comments"
    heading = soup.find(id="comments-2")
    assert heading is not None and heading.get_text(strip=True).startswith("Comments")
    for link in soup.select('main a[href^="#comments"]'):
        assert link["href"] == "#comments-2"
