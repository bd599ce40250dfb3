"""Attribute values HTML does not allow are made valid where the writer's intent is clear (a
URL percent-encoded as a browser sends it, a width's number) and removed with one line where
it is not; obsolete elements become their modern equivalents (plugins/blogcore/attributes.py,
text.py)."""

import logging

import pytest

from plugins.blogcore import attributes, text
from tests.conftest import nu_errors


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (
            "https://groups.google.com/forum/?fromgroups#!topic/cython-users/8uuxjB_wbBQ[1-25]",
            "https://groups.google.com/forum/?fromgroups#!topic/cython-users/8uuxjB_wbBQ%5B1-25%5D",
        ),
        ("https://example.org/search?q=a|b", "https://example.org/search?q=a%7Cb"),
        ("https://example.org/{id}/x", "https://example.org/%7Bid%7D/x"),
        ("https://example.org/a b", "https://example.org/a%20b"),
        ("https://example.org/100%/done", "https://example.org/100%25/done"),
        ("https://example.org/a%20b?q=%7C#top", "https://example.org/a%20b?q=%7C#top"),
        ("https://example.org/#a#b", "https://example.org/#a%23b"),
        ("{static}/images/lamp.svg", "{static}/images/lamp.svg"),  # Pelican's, resolved later
        ("{filename}/posts/x.md#why", "{filename}/posts/x.md#why"),
        ("  /about/  ", "/about/"),
    ],
)
def test_url(written, expected):
    assert attributes.url(written) == expected


@pytest.mark.parametrize(
    ("tag", "name", "written", "expected"),
    [
        ("img", "width", "350px", "350"),
        ("img", "height", " 200 ", "200"),
        ("img", "width", "50%", None),
        ("td", "colspan", "0", None),
        ("td", "colspan", "2", "2"),
        ("th", "rowspan", "0", "0"),  # "to the end of the group": allowed
        ("ol", "start", "a", None),
        ("ol", "start", "-3", "-3"),
        ("li", "value", "two", None),
        ("p", "dir", "wrong", None),
        ("p", "dir", "RTL", "rtl"),
        ("p", "lang", "english", None),
        ("p", "lang", "pt-BR", "pt-BR"),
        ("span", "lang", "", ""),
        ("time", "datetime", "yesterday", None),
        ("time", "datetime", "2025-03-14", "2025-03-14"),
        ("time", "datetime", "2025-03-14T10:00+01:00", "2025-03-14T10:00+01:00"),
        ("time", "datetime", "14:30", "14:30"),
        ("time", "datetime", "PT2H30M", "PT2H30M"),
        ("p", "title", "anything at all", "anything at all"),
    ],
)
def test_value(tag, name, written, expected):
    assert attributes.value(tag, name, written) == expected
    assert (attributes.lost(tag, name, written) is None) is (expected is not None)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p><tt>paligemma</tt></p>", "<p><code>paligemma</code></p>"),
        ("<p><strike>old</strike></p>", "<p><s>old</s></p>"),
        ('<p><acronym title="x">X</acronym></p>', '<p><abbr title="x">X</abbr></p>'),
        ("<center>Centred</center>", '<div class="align-center">Centred</div>'),
        ('<p><time datetime="yesterday">yesterday</time></p>', "<p>yesterday</p>"),
        ("<p><time>2025-03-14</time></p>", "<p><time>2025-03-14</time></p>"),
        ('<p><a href="https://x.org/a b">x</a></p>', '<p><a href="https://x.org/a%20b">x</a></p>'),
    ],
)
def test_the_sanitiser_writes_what_html_allows(html, expected):
    assert text.sanitize_html(html) == expected


@pytest.mark.parametrize(
    ("html", "may_change"),
    [
        ('<p><a href="/posts/x/">x</a> <img src="a.png" alt="a"></p>', False),
        ("<p><a href='https://x.org/a'>x</a> <a href=/about/>y</a></p>", False),
        ('<p><a href="https://x.org/a b">x</a></p>', True),
        ("<p><a href='https://x.org/q=a|b'>x</a></p>", True),
        ('<p><video poster="x[1].png"></video></p>', True),
        ('<blockquote cite="https://x.org/#a#b">q</blockquote>', True),
        ('<p><img src="a.png" width="350px" alt="a"></p>', True),
        ('<p><span lang="english">x</span></p>', True),
        # a name inside another only takes the careful way, with the same output
        ('<p><img data-src="a b.png" src="a.png" alt="a"></p>', True),
        ('<p>src="a b" as text</p>', True),
    ],
)
def test_the_quick_way_is_taken_only_where_no_value_changes(html, may_change):
    """``may_change`` false means nh3 need not ask about each attribute: the plain cleaner's
    output is then the careful one's, and true is only ever a slower way to the same page."""
    assert attributes.may_change(html.lower()) is may_change
    careful = text.POSTS._filtering_cleaner.clean(html)
    if not may_change:
        assert text.POSTS._cleaner.clean(html) == careful
    assert text.sanitize_html(html) == text.modernised(careful)


@pytest.mark.parametrize(
    ("tag", "name", "written", "expected"),
    [
        # "(a number of pixels)" after width="100%" read as if 100% were a number of pixels
        (
            "img",
            "width",
            "100%",
            'width="100%" (HTML\'s width attribute takes a number of pixels, not a percentage: '
            "the theme fits pictures and videos to the page's width itself)",
        ),
        (
            "canvas",
            "height",
            " 40% ",
            'height=" 40% " (HTML\'s height attribute takes a number of pixels, not a percentage)',
        ),
        ("img", "width", "10em", 'width="10em" (HTML\'s width attribute takes a number of pixels)'),
        (
            "span",
            "lang",
            "english",
            'lang="english" (HTML\'s lang attribute takes a language tag such as en or pt-BR)',
        ),
    ],
)
def test_a_lost_value_says_what_its_attribute_takes(tag, name, written, expected):
    assert attributes.lost(tag, name, written) == expected


def test_a_lost_value_is_one_line_naming_it():
    html = '<table><tr><td colspan="0">x</td></tr></table><p dir="wrong"><tt>t</tt></p>'
    _cleaned, removed = text.sanitize_and_report(html)
    assert text.POSTS.message("content/posts/x.md", removed) == (
        'content/posts/x.md: removed colspan="0" (HTML\'s colspan attribute takes a number of '
        'columns from 1) and dir="wrong" (HTML\'s dir attribute takes ltr, rtl or auto); see '
        "docs/sanitising.md"
    )
    # what keeps the writer's meaning is no removal: nothing to say
    assert not text.sanitize_and_report('<img src="/a.png" alt="A" width="350px">')[1]


ODD = """Title: Odd URLs and sizes
Date: 2024-05-01 10:00
Category: Engineering
Author: Ada Byrne
Summary: Odd URLs.

A [thread](https://groups.google.com/forum/?fromgroups#!topic/x/8uu[1-25]), a
[pipe](https://example.org/search?q=a|b), <a href="https://example.org/a b">a space</a>,
[a bare percent](https://example.org/100%/done), <tt>paligemma</tt>, <strike>old</strike>.

<img alt="Our floor plan" width="350px" src="/images/lamp.svg">

<center>Centred text</center>

<table><tr><td colspan="0">x</td></tr></table>

<ol start="a"><li>x</li></ol>

<p dir="wrong" lang="english">x <acronym title="HyperText">HTML</acronym></p>

<time datetime="yesterday">yesterday</time>
"""


def test_a_post_with_odd_values_is_valid_html_and_named_once(build_site, caplog):
    with caplog.at_level(logging.WARNING):
        site = build_site({"posts/odd.md": ODD}, name="odd-values")
    lines = [r.getMessage() for r in caplog.records if "odd.md" in r.getMessage()]
    assert len(lines) == 1, lines
    for said in ('colspan="0"', 'start="a"', 'dir="wrong"', 'lang="english"', "datetime="):
        assert said in lines[0]
    page = site.soup("posts/odd-urls-and-sizes/")
    assert page.select_one('.post-content img[width="350"]') is not None
    assert page.select_one(".post-content code").get_text() == "paligemma"
    assert page.select_one(".post-content div.align-center").get_text() == "Centred text"
    assert nu_errors(site.path("posts/odd-urls-and-sizes/").parent) == []


@pytest.mark.parametrize(
    ("html", "expected", "left_out"),
    [
        (
            '<p><img alt="The panel" src="image://example.org/a.png"> after</p>',
            "<p> after</p>",
            True,
        ),
        (
            '<p><img alt="A" src="javascript:x" srcset="/a.png 1x"></p>',
            '<p><img alt="A" srcset="/a.png 1x"></p>',
            False,
        ),
        ('<p><img alt="A" src="/a.png"></p>', '<p><img alt="A" src="/a.png"></p>', False),
    ],
)
def test_a_picture_whose_address_is_refused_is_left_out_and_said(html, expected, left_out):
    cleaned, removed = text.sanitize_and_report(html)
    assert cleaned == expected
    said = text.POSTS.message("content/posts/x.md", removed) if removed else ""
    assert ("a picture whose address is refused is left out" in said) is left_out
    if "image:" in html:
        assert "removed an image: link" in said
