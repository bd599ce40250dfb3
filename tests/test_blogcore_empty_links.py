"""A link with no text (``[](url)``, a linked image without alt text) is left out of the page
and named in one line with its file, line and URL: a warning in development, an error in a
publish, as an image without alt text is (text.links_without_name, blogcore signals)."""

import logging

import pytest

from plugins.blogcore import text

POST = """Title: Empty links
Date: 2024-05-01 10:00
Category: Engineering
Author: Ada Byrne
Summary: Links without text.

An empty link: [](https://example.org/empty).

A linked image with empty alt: [![]({static}/images/lamp.svg)](https://example.org/img).

A link with only a space: [ ](https://example.org/space), and [a named one](https://example.org/ok).

<p>Typed: <a href="https://example.org/typed"> </a> and
<a href="https://example.org/lab" aria-label="Lab"></a>.</p>
"""


@pytest.mark.parametrize(
    ("html", "cleaned", "hrefs"),
    [
        ('<p>A <a href="/x">link</a>.</p>', '<p>A <a href="/x">link</a>.</p>', ()),
        ('<p>An <a href="/x"></a>empty one.</p>', "<p>An empty one.</p>", ("/x",)),
        ('<p><a href="/x"> </a></p>', "<p> </p>", ("/x",)),
        (
            '<p><a href="/x"><img alt="" src="a.png"/></a></p>',
            '<p><img alt="" src="a.png"/></p>',
            ("/x",),
        ),
        (
            '<p><a href="/x"><img alt="A lamp" src="a.png"/></a></p>',
            '<p><a href="/x"><img alt="A lamp" src="a.png"/></a></p>',
            (),
        ),
        (
            '<p><a href="/x" aria-label="Home"></a></p>',
            '<p><a href="/x" aria-label="Home"></a></p>',
            (),
        ),
        ('<p><a id="anchor"></a>Text</p>', '<p><a id="anchor"></a>Text</p>', ()),  # no href
    ],
)
def test_links_without_name(html, cleaned, hrefs):
    assert text.links_without_name(html) == (cleaned, hrefs)


def test_an_empty_link_is_left_out_and_named_with_its_line(build_site, caplog):
    with caplog.at_level(logging.WARNING):
        site = build_site({"posts/empty.md": POST}, name="empty-dev")
    lines = [
        (r.levelname, r.getMessage())
        for r in caplog.records
        if "empty-dev/posts/empty.md" in r.getMessage() and "the link to" in r.getMessage()
    ]
    assert [(level, m.split(" has no text")[0]) for level, m in lines] == [
        ("WARNING", "empty-dev/posts/empty.md: line 7: the link to https://example.org/empty"),
        ("WARNING", "empty-dev/posts/empty.md: line 9: the link to https://example.org/img"),
        ("WARNING", "empty-dev/posts/empty.md: line 11: the link to https://example.org/space"),
        ("WARNING", "empty-dev/posts/empty.md: line 13: the link to https://example.org/typed"),
    ]
    assert "between its brackets" in lines[0][1] and "between <a> and </a>" in lines[3][1]
    content = site.soup("posts/empty-links/").select_one(".post-content")
    named = [a["href"] for a in content.select("a[href]")]
    assert named == ["https://example.org/ok", "https://example.org/lab"]
    assert content.select_one("img") is not None  # the picture stays, without its link


def test_a_publish_stops_on_an_empty_link(build_site, caplog):
    with pytest.raises(SystemExit):
        build_site({"posts/empty.md": POST}, publish=True, name="empty-pub")
    assert any(
        r.levelname == "ERROR" and "empty-pub/posts/empty.md: line 7: the link to" in r.getMessage()
        for r in caplog.records
    )
