"""Text that looks like a tag but is none stays text (``List<String>``, ``<x, y>``): nothing a
writer typed is lost to the sanitiser, and each is named with its line."""

import logging

import markdown
import pytest

from plugins.blogcore import rawtags, text

EXTENSIONS = ["extra", "smarty", "toc", "meta", "codehilite"]


@pytest.mark.parametrize(
    ("raw", "tag"),
    [
        ("<em>", True),
        ("</em>", True),
        ("<br/>", True),
        ('<img src="a.png" alt="">', True),
        ("<a href=https://example.org/>", True),
        ('<span class="k" data-x=1>', True),
        ("<my-widget>", False),  # a custom element: the sanitiser would remove it
        ("<C-x>", False),  # Emacs: text
        ('<circle cx="5">', True),  # inline SVG: a tag (the sanitiser names what it removes)
        ("<mi>", True),  # MathML
        ("<SCRIPT>", True),  # removed, and reported, as a tag
        ("<!-- a note -->", True),
        ("<String>", False),
        ("</String>", False),
        ("<x, y>", False),
        ("<T,E>", False),
        ("<b && b>", False),  # if a<b && b>c
        ("<stong>", False),  # misspelt: shown, and named with a did-you-mean
        ("<div class>", True),  # an attribute without a value
    ],
)
def test_is_tag(raw, tag):
    assert rawtags.is_tag(raw) is tag


@pytest.mark.parametrize(
    ("source", "published", "named"),
    [
        ("Generic List<String> type", "<p>Generic List&lt;String&gt; type</p>", ["<String>"]),
        ("Compare <x, y> pairs", "<p>Compare &lt;x, y&gt; pairs</p>", ["<x, y>"]),
        ("if a<b && b>c ok", "<p>if a&lt;b &amp;&amp; b&gt;c ok</p>", ["<b && b>"]),
        ("<String> at the start", "<p>&lt;String&gt; at the start</p>", ["<String>"]),
        (
            "a <stong>typo</stong>",
            "<p>a &lt;stong&gt;typo&lt;/stong&gt;</p>",
            ["<stong>", "</stong>"],
        ),
        ("*<Foo>* in emphasis", "<p><em>&lt;Foo&gt;</em> in emphasis</p>", ["<Foo>"]),
        ("`List<String>` in code", "<p><code>List&lt;String&gt;</code> in code</p>", []),
        ("a <em>real</em> tag", "<p>a <em>real</em> tag</p>", []),
        ("1 < 2 and 3 > 2", "<p>1 &lt; 2 and 3 &gt; 2</p>", []),
        ("x <script>alert(1)</script> y", "<p>x  y</p>", []),  # a tag: the sanitiser's
    ],
)
def test_text_like_a_tag_is_published_as_written(source, published, named):
    extension = rawtags.TagOrTextExtension()
    md = markdown.Markdown(extensions=[*EXTENSIONS, extension], output_format="html5")
    cleaned, _removed = text.sanitize_and_report(md.convert(source), None)
    assert cleaned == published
    assert extension.take() == named
    assert extension.take() == []  # forgotten once taken


def test_the_message_says_what_to_do():
    assert rawtags.message("<String>") == (
        "<String> is not an HTML tag, so it is shown as written: put code between backticks; "
        "if it is a tag, did you mean <strong>?"
    )
    assert "did you mean" not in rawtags.message("<x, y>")


POST = """Title: Generics
Date: 2026-02-01
Category: Engineering
Author: Ada Byrne
Summary: Why Map<K, V> reads well.

We return a List<String> here,
and <stong>nothing</stong> else.
"""


@pytest.mark.parametrize("accelerate", [True, False])
def test_a_post_keeps_its_text_and_names_each_line(build_site, caplog, accelerate):
    # on the reused converter and on Pelican's own, a converter per file (the stock path)
    caplog.set_level(logging.WARNING)
    name = f"tags-{accelerate}"
    site = build_site(
        {"posts/generics.md": POST},
        name=name,
        BLOGCORE_ACCELERATE=accelerate,
        FASTBUILD_ACCELERATE=accelerate,
    )
    page = site.soup("posts/generics/")
    body = page.select_one(".e-content, article").get_text()
    assert "List<String> here" in body and "<stong>nothing</stong> else" in body
    mine = sorted(m for m in caplog.messages if m.startswith(f"{name}/posts/generics.md"))
    prefix = f"{name}/posts/generics.md: "
    assert mine == [
        prefix + "line 5: <K, V> is not an HTML tag, so it is shown as written: put code "
        "between backticks",
        prefix + "line 7: <String> is not an HTML tag, so it is shown as written: put code "
        "between backticks; if it is a tag, did you mean <strong>?",
        prefix + "line 8: </stong> is not an HTML tag, so it is shown as written: put code "
        "between backticks; if it is a tag, did you mean <strong>?",
        prefix + "line 8: <stong> is not an HTML tag, so it is shown as written: put code "
        "between backticks; if it is a tag, did you mean <strong>?",
    ]
    assert not [m for m in caplog.messages if "removed <" in m and "generics" in m]


def test_text_read_as_a_tag_in_an_html_block_is_said_to_be_text():
    # Markdown leaves an HTML block as it is: the sanitiser meets <https://...> as a tag
    md = markdown.Markdown(extensions=EXTENSIONS, output_format="html5")
    html = md.convert("<div>\nSee <https://plot.ly/embed.js> and <script>x()</script>\n</div>")
    cleaned, removed = text.sanitize_and_report(html, None)
    assert "plot.ly" not in cleaned
    assert text.POSTS.message("content/posts/x.md", removed) == (
        "content/posts/x.md: removed <https:> and <script> (not allowed in posts); <https:> is "
        "text, not HTML: inside an HTML block, what is between < and > is read as a tag and "
        "lost (write &lt; for <); see docs/sanitising.md"
    )


@pytest.mark.parametrize(
    ("scheme", "said"),
    [
        ("ttps", "a ttps: link (did you mean https:?)"),
        ("htp", "a htp: link (did you mean http:?)"),
        ("javascript", "a javascript: link"),
    ],
)
def test_a_mistyped_scheme_is_named_as_one(scheme, said):
    assert text.Removed(schemes=(scheme,)).describe() == said
