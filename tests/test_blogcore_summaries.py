"""A post without Summary: gets a text summary on cards: its paragraphs with their phrasing
markup, never its headings, code blocks, tables, formulas or empty links
(plugins/blogcore/summaries.py, made once at the engine's content_final phase). A post that
marks the end of its summary (<!-- more -->, <!-- PELICAN_END_SUMMARY -->) gets the text
before the marker instead."""

import logging

import pytest
from bs4 import Comment

from plugins.blogcore.summaries import card_summary, is_text, marked_summary

SHORT = """Title: A short post with a heading
Date: 2024-05-02 10:00
Category: Engineering
Author: Ada Byrne
Tags: booking

# Setup

Rooms are *booked* by the hour, see [the guide](https://example.org/guide).

#### Detail

```
a_line_of_code_that_is_long_enough_to_be_wider_than_a_phone_screen()
```

| Room | Price |
|------|-------|
| Hall | 20    |

Last words with `code`.
"""
NEIGHBOUR = """Title: A neighbour post about booking
Date: 2024-05-01 10:00
Category: Engineering
Author: Ada Byrne
Tags: booking
Summary: Text about booking.

Text about booking.
"""
BLOCKS = "h1, h2, h3, h4, h5, h6, pre, table, button, math, img, ul, ol, div"


@pytest.mark.parametrize(
    ("html", "words", "expected"),
    [
        ("<h1>Setup</h1><p>Text <em>here</em>.</p>", None, "<p>Text <em>here</em>.</p>"),
        (
            '<p>A <a href="/x">link</a> and <a href="/y"></a>none.</p><pre>code</pre><p>End.</p>',
            None,
            '<p>A <a href="/x">link</a> and none.</p>\n<p>End.</p>',
        ),
        ("<p>one two three</p><p>four five</p>", 4, "<p>one two three</p>\n<p>four…</p>"),
        ("<p>one two <em>three four</em> five</p>", 3, "<p>one two <em>three…</em></p>"),
        ("<p>one two three</p><h2>Next</h2><p>four</p>", 3, "<p>one two three…</p>"),
        ("<ul><li>first item</li><li>second</li></ul>", None, "<p>first item</p>\n<p>second</p>"),
        (
            '<div class="table-scroll"><table><tr><td>x</td></tr></table></div><p>After.</p>',
            None,
            "<p>After.</p>",
        ),
        (
            '<p>Said<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>.</p>'
            '<div class="footnote"><ol><li id="fn:1"><p>A note.</p></li></ol></div>',
            None,
            "<p>Said.</p>",
        ),
        (
            '<p id="x" class="lead">Kept <span lang="fr">mot</span></p>',
            None,
            '<p>Kept <span lang="fr">mot</span></p>',
        ),
        ('<div><math display="block"><mi>x</mi></math></div><p>Text.</p>', None, "<p>Text.</p>"),
        # Chinese, written without spaces: a character a word, as Pelican counts them
        ("<h2>标题</h2><p>简单的动态年限代码</p>", 5, "<p>简单的动态…</p>"),
        ("<div>" * 3000 + "<p>Deep text</p>" + "</div>" * 3000, None, "<p>Deep text</p>"),
    ],
)
def test_card_summary(html, words, expected):
    assert card_summary(html, words) == expected


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>Plain <em>text</em> and <code>code</code>.</p>", True),
        ('<p>A <a href="/x">link</a>.</p>', True),
        ("Just words", True),
        ("<h2>A heading</h2><p>Text.</p>", False),
        ('<p>An <a href="/x"> </a> empty link.</p>', False),
        ('<p>A note<sup><a class="footnote-ref" href="#fn:1">1</a></sup>.</p>', False),
        ('<div class="highlight"><pre>x</pre></div>', False),
    ],
)
def test_is_text(html, text):
    assert is_text(html) is text


def test_cards_and_related_reading_show_the_post_s_text_not_its_blocks(build_site):
    site = build_site({"posts/short.md": SHORT, "posts/neighbour.md": NEIGHBOUR})
    summaries = {
        "": ".post-summary",
        "tag/booking/": ".post-summary",
        "category/engineering/": ".post-summary",
        "posts/a-neighbour-post-about-booking/": ".related-post__summary",
    }
    for url, selector in summaries.items():
        page = site.soup(url)
        shown = [s for s in page.select(selector) if "booked" in s.get_text()]
        assert len(shown) == 1, url
        assert shown[0].select(BLOCKS) == [], (url, shown[0])
        assert shown[0].select_one('a[href="https://example.org/guide"]') is not None
        assert shown[0].select_one("em").get_text() == "booked"
        assert "Last words with code." in shown[0].get_text()
        assert len(page.find_all("h1")) == 1, url  # the page's own title alone
    # the post's own page keeps everything
    post = site.soup("posts/a-short-post-with-a-heading/")
    assert post.select(".post-content h2, .post-content pre, .post-content table")


def test_a_summary_that_is_text_already_is_pelican_s_own(build_site):
    plain = SHORT.split("# Setup")[0] + "Only *words* here, and more words after them.\n"
    site = build_site({"posts/short.md": plain, "posts/neighbour.md": NEIGHBOUR})
    card = next(s for s in site.soup("").select(".post-summary") if "Only" in s.get_text())
    assert (
        card.decode_contents().strip()
        == "<p>Only <em>words</em> here, and more words after them.</p>"
    )


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            "<p>First.</p>\n<!-- PELICAN_END_SUMMARY -->\n<p>Second.</p>",
            ("<p>First.</p>", "<!-- PELICAN_END_SUMMARY -->"),
        ),
        ("<p>First.<!--more-->\nstill first.</p><p>Second.</p>", ("<p>First.</p>", "<!--more-->")),
        # WordPress's marker with the words of its "read more" link
        (
            "<p>First.</p><!--more Read on--><p>Second.</p>",
            ("<p>First.</p>", "<!--more Read on-->"),
        ),
        ("<p>First.</p><!-- MORE --><p>Second.</p>", ("<p>First.</p>", "<!-- MORE -->")),
        # in a list item, in a quotation: every element it is in closed where it is cut
        (
            "<ul>\n<li>one</li>\n<li>two <!-- more --></li>\n<li>three</li>\n</ul><p>After.</p>",
            ("<ul>\n<li>one</li>\n<li>two </li></ul>", "<!-- more -->"),
        ),
        (
            "<blockquote>\n<p>one</p>\n<!-- more -->\n<p>two</p>\n</blockquote><p>After.</p>",
            ("<blockquote>\n<p>one</p>\n</blockquote>", "<!-- more -->"),
        ),
        # Pelican's summary plugin: between its begin and end markers
        (
            "<p>Intro.</p><!-- PELICAN_BEGIN_SUMMARY --><p>Summary.</p>"
            "<!-- PELICAN_END_SUMMARY --><p>Rest.</p>",
            ("<p>Summary.</p>", "<!-- PELICAN_END_SUMMARY -->"),
        ),
        (
            "<p>Intro.</p><!-- PELICAN_BEGIN_SUMMARY --><p>All the rest.</p>",
            ("<p>All the rest.</p>", "<!-- PELICAN_BEGIN_SUMMARY -->"),
        ),
        ("<p>No marker.</p>", None),
        ("<p>A comment</p><!-- more on this later --><p>is not a marker.</p>", None),
        ("<pre><code>&lt;!-- more --&gt;</code></pre>", None),  # shown as code
        ("<!-- more --><p>Nothing before it.</p>", None),  # the first words, as without
    ],
)
def test_marked_summary(html, expected):
    assert marked_summary(html) == expected


MARKED = """Title: {title}
Date: 2024-05-0{day} 10:00
Category: Engineering
Author: Ada Byrne
Tags: booking
{summary}
{body}
"""


def _marked(title: str, day: int, body: str, summary: str = "") -> str:
    return MARKED.format(title=title, day=day, body=body, summary=summary)


def test_the_text_before_a_summary_marker_is_the_summary(build_site, caplog):
    caplog.set_level(logging.WARNING)
    files = {
        "posts/pelican.md": _marked(
            "Marked the Pelican way",
            1,
            "## Why rooms\n\nOnly this sentence is the excerpt."
            "\n\n<!-- PELICAN_END_SUMMARY -->\n\nThe rest of the post goes on past it.",
        ),
        "posts/listed.md": _marked(
            "Marked in a list",
            2,
            "- Halls by the hour\n- Rooms by the day <!-- more -->\n- Desks by the month\n\n"
            "More words after the list.",
        ),
        "posts/summary.md": _marked(
            "Marked with a summary",
            3,
            "The opening words of the post.\n\n<!--more-->\n\nThe rest of it.",
            "Summary: The summary line wins.\n",
        ),
    }
    files["posts/rest.rst"] = (
        "Marked in reStructuredText\n##########################\n\n:date: 2024-05-04 10:00\n"
        ":category: Engineering\n:author: Ada Byrne\n\nThe first paragraph.\n\n"
        ".. PELICAN_END_SUMMARY\n\nThe second paragraph.\n"
    )
    site = build_site(files, publish=True)
    cards = {
        card.find_previous("h2").get_text(strip=True): card
        for card in site.soup("").select(".post-summary")
    }
    pelican = cards["Marked the Pelican way"]
    assert pelican.get_text(strip=True) == "Only this sentence is the excerpt."
    assert pelican.select(BLOCKS) == []  # shown as text, as every card is
    listed = cards["Marked in a list"]
    assert [p.get_text(strip=True) for p in listed.select("p")] == [
        "Halls by the hour",
        "Rooms by the day",
    ]
    assert cards["Marked with a summary"].get_text(strip=True) == "The summary line wins."
    assert cards["Marked in reStructuredText"].get_text(strip=True) == "The first paragraph."
    page = site.soup("posts/marked-the-pelican-way/")
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description == "Only this sentence is the excerpt."
    assert "goes on past it" in page.select_one(".post-content").get_text()
    assert not page.find_all(string=lambda s: isinstance(s, Comment) and "SUMMARY" in s)
    feed = site.path("feeds/all.atom.xml").read_text(encoding="utf-8")
    assert "goes on past it" not in feed.split("Marked the Pelican way", 1)[1].split("<content")[0]
    assert not [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def test_a_broken_link_before_the_marker_is_one_line(build_site, caplog):
    """The summary is the post's own text: its link is named once, for the post, not a second
    time as the Summary's."""
    caplog.set_level(logging.WARNING)
    body = "See [the old post]({filename}/posts/gone.md) first.\n\n<!-- more -->\n\nThe rest."
    build_site({"posts/linked.md": _marked("Marked with a link", 1, body)})
    lines = [r.getMessage() for r in caplog.records if "gone.md" in r.getMessage()]
    assert len(lines) == 1, lines
    assert "posts/linked.md: line " in lines[0]  # the line of the link, in the body
    assert ": the link {filename}/posts/gone.md" in lines[0]
