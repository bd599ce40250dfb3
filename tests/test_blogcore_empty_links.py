"""A link with no text (``[](url)``, a linked image without alt text) is named in one line with
its file, line and URL: a warning in development, which shows the page as it would be, an
error in a publish, which leaves it out, as an image without alt text is
(text.links_without_name, blogcore signals)."""

import logging
import random

import nh3
import pytest
from bs4 import BeautifulSoup

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

<a href="https://example.org/book"><img src="{static}/images/lamp.svg" width="100"/></a> Our book.
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
        # Pygments' link to a line whose number it leaves blank (linenostep): its spaces kept
        (
            '<pre><a href="#ex-3"><span class="linenos">  </span></a>x = 1</pre>',
            '<pre><span class="linenos">  </span>x = 1</pre>',
            (),
        ),
        ('<pre><a href="#top"> </a>x</pre>', "<pre> x</pre>", ("#top",)),  # the writer's own
        # a no-break space as the sanitiser writes it (WordPress's <a href>&nbsp;</a>): was
        # published, the quick look before the parse wanting ">" before "</a>"
        ('<p><a href="/x">&nbsp;</a> y</p>', "<p>\xa0 y</p>", ("/x",)),
        ('<p><a href="/x"><!-- c --></a> y</p>', "<p><!-- c --> y</p>", ("/x",)),
        # named by its title
        ('<p><a title="a > b" href="/x"></a></p>', '<p><a title="a > b" href="/x"></a></p>', ()),
        ('<p><a href="/x" title=""><span></span></a></p>', "<p><span></span></p>", ("/x",)),
        # a linked picture with alt text beside an empty link: the second found
        (
            '<p><a href="/x"><img alt="A" src="a.png"/></a><a href="/y"><br/></a></p>',
            '<p><a href="/x"><img alt="A" src="a.png"/></a><br/></p>',
            ("/y",),
        ),
        ('<p><a href="/x">&amp;</a></p>', '<p><a href="/x">&amp;</a></p>', ()),
    ],
)
def test_links_without_name(html, cleaned, hrefs):
    assert text.links_without_name(html) == (cleaned, hrefs)


def _without_name_by_parse(html: str) -> tuple[str, tuple[str, ...]]:
    """links_without_name reading every link of the whole piece (the oracle of its quick
    look, which reads only the links it finds)."""
    parsed = BeautifulSoup(html, "html.parser")
    found, changed = [], False
    for link in parsed.find_all("a", href=True):
        if link.get_text(strip=True) or text._named(link):
            continue
        if not text._unnumbered_line(link):
            found.append(str(link["href"]))
        link.unwrap()
        changed = True
    return (str(parsed), tuple(found)) if changed else (html, ())


_PIECES = [
    '<a href="/x">', '<a href="/y" title="a > b">', "<A HREF='/z'>", "</a>", " ", "\xa0",
    "&nbsp;", "&#160;", "word", "<span>", "</span>", "<img src='a.png' alt=''>",
    '<img alt="x" src=b>', "<!-- c -->", "<!-- > -->", "<br>", "\n", "<code>", "</code>",
    "<p>", "</p>", "<a id=q>", "&amp;", "<a href=/w aria-label=''>", "<a href=/t title=T>",
    '<a href="#l"><span class="linenos"> </span></a>', "<svg><title>T</title></svg>",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(4))
def test_the_quick_look_finds_what_a_whole_parse_finds(seed):
    # the body reaches links_without_name sanitised: every element closed, as nh3 writes it
    rng = random.Random(seed)
    tags = {"a", "span", "img", "code", "p", "br", "svg", "title"}
    attributes = {"*": {"href", "title", "aria-label", "alt", "src", "id", "class"}}
    for _ in range(500):
        written = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 12)))
        html = nh3.clean(written, tags=tags, attributes=attributes, link_rel=None)
        assert text.links_without_name(html) == _without_name_by_parse(html), written


def test_an_empty_link_is_named_with_its_line_and_kept_in_a_development_build(build_site, caplog):
    # a development build left the links out: the writer's preview was not the page to be
    with caplog.at_level(logging.WARNING):
        site = build_site({"posts/empty.md": POST}, name="empty-dev")
    lines = [
        (r.levelname, r.getMessage())
        for r in caplog.records
        if "empty-dev/posts/empty.md" in r.getMessage() and "the link to" in r.getMessage()
    ]
    assert [(level, m.split(" has no text")[0].split(" holds")[0]) for level, m in lines] == [
        ("WARNING", "empty-dev/posts/empty.md: line 9: the link to https://example.org/img"),
        ("WARNING", "empty-dev/posts/empty.md: line 13: the link to https://example.org/typed"),
        ("WARNING", "empty-dev/posts/empty.md: line 16: the link to https://example.org/book"),
    ]
    # the links with the same advice are one line (an old post's six said six lines alike)
    [both] = [m for m in caplog.messages if "empty-dev/posts/empty.md: 2 links" in m]
    assert both == (
        'empty-dev/posts/empty.md: 2 links have no text, so a screen reader says only "link": '
        "https://example.org/empty (line 7) and https://example.org/space (line 11); write "
        "what each leads to between its brackets (a publish refuses them)"
    )
    assert "between <a> and </a>" in lines[1][1]
    # a linked picture (an About page's book covers): its alt text is the fix, not text
    # written beside it, which the line said
    assert lines[0][1].endswith(
        'holds only a picture without alt text, so a screen reader says only "link": say '
        "where it leads in the picture's alt text (![where it leads](…)) (a publish refuses it)"
    )
    assert 'alt text (<img alt="where it leads" …>)' in lines[2][1]
    content = site.soup("posts/empty-links/").select_one(".post-content")
    kept = [a["href"] for a in content.select("a[href]")]
    assert kept == [
        "https://example.org/empty",
        "https://example.org/img",
        "https://example.org/space",
        "https://example.org/ok",
        "https://example.org/typed",
        "https://example.org/lab",
        "https://example.org/book",
    ]


def test_a_publish_stops_on_an_empty_link(build_site, caplog):
    with pytest.raises(SystemExit):
        build_site({"posts/empty.md": POST}, publish=True, name="empty-pub")
    assert any(
        r.levelname == "ERROR"
        and "empty-pub/posts/empty.md: 2 links have no text" in r.getMessage()
        for r in caplog.records
    )


CODE_POST = """Numbered
########

:date: 2024-05-01 10:00
:category: Engineering
:author: Ada Byrne
:summary: A numbered listing.

.. code-block:: python
    :linenos: inline
    :anchorlinenos:
    :lineanchors: ex
    :linenostep: 2

    first = 1
    second = 2
    third = 3
"""


def test_pygments_blank_line_numbers_are_no_empty_links(build_site, caplog):
    """A listing numbered every other line with anchors (Pelican's own sample does it): the
    unnumbered lines' links were each an error that stopped a publish, telling the writer to
    fill brackets the post does not have."""
    with caplog.at_level(logging.WARNING):
        site = build_site({"posts/numbered.rst": CODE_POST}, publish=True, name="numbered")
    assert not [r.getMessage() for r in caplog.records if "numbered/posts/" in r.getMessage()]
    listing = site.soup("posts/numbered/").select_one(".post-content pre")
    assert [a["href"] for a in listing.select("a[href]")] == ["#ex-2"]
    assert "first = 1" in listing.get_text() and "third = 3" in listing.get_text()


def test_a_drafts_empty_link_is_kept_and_its_line_says_a_publish_leaves_it_out(build_site, caplog):
    # a draft is no error in a publish: its line may not say a publish refuses it
    draft = "Title: Later\nDate: 2024-05-01\nCategory: Engineering\nAuthor: Ada Byrne\n"
    draft += "Status: draft\n\n"
    draft += "See [](https://example.org/later).\n"
    with caplog.at_level(logging.WARNING):
        site = build_site({"posts/later.md": draft}, name="empty-draft")
    [line] = [m for m in caplog.messages if "empty-draft/posts/later.md: line 7" in m]
    assert line.endswith("write what it leads to between its brackets (a publish leaves it out)")
    content = site.soup("drafts/posts/later/").select_one(".post-content")
    assert [a["href"] for a in content.select("a[href]")] == ["https://example.org/later"]
