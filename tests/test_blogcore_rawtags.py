"""Text that looks like a tag but is none stays text (``List<String>``, ``<x, y>``): nothing a
writer typed is lost to the sanitiser, and each is named with its line."""

import logging
import random
import re
from html import escape

import markdown
import pytest
from bs4 import BeautifulSoup

from plugins.blogcore import codeblocks, foreign, rawtags, text

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
    # a file's name is no misspelt tag: <string.h> was "did you mean <strong>?" (probe V)
    for header in ("<string.h>", "<tar.h>", "<sys/time.h>", "<threads.h>"):
        assert "did you mean" not in rawtags.message(header), header
    assert "did you mean <strong>?" in rawtags.message("</stong>")


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


@pytest.mark.parametrize(
    ("raw", "before", "after", "how"),
    [
        ("<img />", "every ", " tag", "text"),  # no picture
        ('<img alt="x">', "a ", " b", "text"),
        ('<img src="a.png">', "a ", " b", None),
        ('<img srcset="a.png 2x">', "", "", None),
        ("<table>", "wraps each ", " in a box", "text"),
        ("<a>", "never touches ", " links", "text"),
        ("<a>", "a ", " b </a> c", None),  # closed in its paragraph
        ("<b>", "a ", " <b>x</b> c", "text"),  # the one inside closes its own
        ("<b>", "a ", " <b>x</b> c</b>", None),
        ('<a name="top">', "An ", " anchor", "closed"),  # with attributes: closed at once
        ("</div>", "close it with ", " then", "text"),  # closes nothing
        ("</b>", "a <b>bold", " text", None),
        ("<br>", "the ", " after a line", None),  # a line break, as writers mean it
        ("<hr>", "a ", " b", None),
        ("<svg />", "a ", " b", None),
        ("<center>", "", "", None),  # alone in its paragraph: HTML around paragraphs
        ("</center>", "", " ", None),
    ],
)
def test_a_tag_in_a_paragraph(raw, before, after, how):
    assert rawtags.in_prose(raw, before, after) == how


@pytest.mark.parametrize(
    ("source", "published", "named"),
    [
        (
            "The widget rewrites every <img /> tag so that pictures come from our CDN,\n"
            "and wraps each <table> in a box. It never touches <a> links or the <br> after "
            "a line.",
            "<p>The widget rewrites every &lt;img /&gt; tag so that pictures come from our "
            "CDN,\nand wraps each &lt;table&gt; in a box. It never touches &lt;a&gt; links "
            "or the <br> after a line.</p>",
            ["<img />", "<table>", "<a>"],
        ),
        (
            "## The <table> element",
            '<h2 id="the-table-element">The &lt;table&gt; element</h2>',
            ["<table>"],
        ),
        ("Close it with </div> then", "<p>Close it with &lt;/div&gt; then</p>", ["</div>"]),
        ('An <a name="top"> anchor', "<p>An <a></a> anchor</p>", ['<a name="top">']),
        (
            "* one <b>x</b>\n* two <i>open",
            "<ul>\n<li>one <b>x</b></li>\n<li>two &lt;i&gt;open</li>\n</ul>",
            ["<i>"],
        ),
        # what writers mean as tags stays so
        ("Press <kbd>Ctrl</kbd>+<kbd>C</kbd>", "<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd></p>", []),
        (
            'a <a href="/x/">link\nover lines</a> ok',
            '<p>a <a href="/x/">link\nover lines</a> ok</p>',
            [],
        ),
        ("a <b>x [l](/u/) y</b> z", '<p>a <b>x <a href="/u/">l</a> y</b> z</p>', []),
        ('a <img src="a.png" alt="A map"> b', '<p>a <img src="a.png" alt="A map"> b</p>', []),
        ("one<br>two", "<p>one<br>two</p>", []),
        # HTML around paragraphs, as written (the sanitiser then modernises <center>)
        ("<center>\n\nhello\n\n</center>", '<div class="align-center">\n\nhello\n\n</div>', []),
        ("`<a>` in code", "<p><code>&lt;a&gt;</code> in code</p>", []),
    ],
)
def test_a_tag_written_in_prose_is_published_as_written(source, published, named):
    extension = rawtags.TagOrTextExtension()
    md = markdown.Markdown(extensions=[*EXTENSIONS, extension], output_format="html5")
    cleaned, _removed = text.sanitize_and_report(md.convert(source), None)
    assert cleaned == published
    assert extension.take() == named


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        (
            "<img />",
            "<img /> has no src, so it is no picture and is shown as written; if it is code, "
            "write it in backticks: `<img />`",
        ),
        (
            "<a>",
            "<a> in the text is never closed in its paragraph, so it is shown as written (as a "
            "tag it would take in or break up the text after it); if it is code, write it in "
            "backticks: `<a>`",
        ),
        (
            "</div>",
            "</div> closes nothing opened in its paragraph, so it is shown as written; if it "
            "is code, write it in backticks: `</div>`",
        ),
        (
            '<a name="top">',
            '<a name="top"> is never closed in its paragraph, so it is closed where it stands '
            "(it would take in the text after it); end what it holds with </a> in the same "
            "paragraph",
        ),
    ],
)
def test_what_is_said_of_a_tag_in_prose(raw, said):
    assert rawtags.message(raw) == said


@pytest.mark.parametrize(
    ("lines", "number"),
    [
        (["a", "It mangles <img /> tags"], 2),
        (['<img src="a.png" alt="">', "<IMG alt=x>"], 2),
        (['<img srcset="a.png 2x">'], None),
        # one in an HTML block (Markdown leaves it so) before one in a sentence (shown as text)
        (["Every <img /> tag", "", '<div class="a">', "", "Mangles <img /> tags", "</div>"], 5),
        (["<p>x</p>", "Every <img /> tag"], 2),
    ],
)
def test_the_line_of_an_img_without_src(lines, number):
    assert rawtags.line_without_src(lines) == number


def _built(build_site, caplog, name: str, files: dict[str, str], accelerate: bool):
    """The fixture site with ``files``, its warnings kept, read on the reused converter
    (``accelerate``) or on Pelican's own, a converter per file (the stock path)."""
    caplog.set_level(logging.WARNING)
    return build_site(
        files, name=name, BLOGCORE_ACCELERATE=accelerate, FASTBUILD_ACCELERATE=accelerate
    )


PROSE_POST = """Title: How the widget loads pictures
Date: 2026-03-01 09:00
Category: Engineering
Author: Ada Byrne

The widget rewrites every <img /> tag so that pictures come from our CDN,
and wraps each <table> in a box. It never touches <a> links or the <br> after a line.

Text after it stays out of any link.

<div class="note">
It mangles <img /> tags too.
</div>
"""


@pytest.mark.parametrize("accelerate", [True, False])
def test_a_post_naming_tags_in_prose_keeps_its_words_and_names_each_line(
    build_site, caplog, accelerate
):
    name = f"prose-tags-{accelerate}"
    files = {"posts/prose-tags.md": PROSE_POST}
    site = _built(build_site, caplog, name, files, accelerate)
    post = site.soup("posts/how-the-widget-loads-pictures/").select_one(".post-content")
    first, after = post.select("p")[:2]
    assert first.get_text() == (
        "The widget rewrites every <img /> tag so that pictures come from our CDN,\nand wraps "
        "each <table> in a box. It never touches <a> links or the  after a line."
    )
    assert [child.name for child in first.find_all(True)] == ["br"]
    assert after.get_text() == "Text after it stays out of any link." and after.parent is post
    assert not post.select("table, a:not([href])")
    # an HTML block is left to Markdown: its <img /> is no picture (the sanitiser leaves it
    # out), and named as one
    assert not post.select("img:not([src])")
    prefix = f"{name}/posts/prose-tags.md: "
    mine = [m for m in caplog.messages if m.startswith(prefix)]
    assert mine == [
        prefix + "line 6: <img /> has no src, so it is no picture and is shown as written; if "
        "it is code, write it in backticks: `<img />`",
        prefix + "line 7: <table> in the text is never closed in its paragraph, so it is shown "
        "as written (as a tag it would take in or break up the text after it); if it is code, "
        "write it in backticks: `<table>`",
        prefix + "line 7: <a> in the text is never closed in its paragraph, so it is shown as "
        "written (as a tag it would take in or break up the text after it); if it is code, "
        "write it in backticks: `<a>`",
        prefix + "line 12: " + rawtags.NO_SRC,
    ]
    # the summary on the listings, made from the post's start, as the post
    (card,) = [c for c in site.soup("index.html").select(".post-card") if "widget" in c.text]
    assert "every <img /> tag" in card.get_text() and not card.select("a:not([href]), table")
    assert not card.select("img")  # the HTML block's, left out by the sanitiser, named above
    assert not [r for r in caplog.records if r.exc_info]


def _as_read(html: str) -> tuple[str, list[tuple[str, list[tuple[str, str]]]]]:
    """What a browser makes of HTML, as html.parser reads it: its text and its elements
    (paragraphs aside: Markdown adds them) with their attributes."""
    soup = BeautifulSoup(html, "html.parser")
    elements = [(tag.name, sorted(tag.attrs.items())) for tag in soup.find_all(True)]
    return soup.get_text(), [(name, attrs) for name, attrs in elements if name != "p"]


@pytest.mark.parametrize(
    "source",
    [
        'See <a title="a > b" href="/x/">one</a> here',
        "See <a title='a > b' href=\"/x/\">one</a> here",
        'See <a title="a < b" href="/x/">one</a> here',
        'See <a title="a > b"\nhref="/x/">one</a> here',  # a tag over two lines
        'An <abbr title="greater > lesser">GL</abbr> here',
        'Some <span title="1 > 0">words</span> here',
        'A <img alt="a > b" src="/i.png"> here',
        "A note <!-- a > b -- c --> hidden",  # a comment shows nothing, here or in a browser
        '<div title="x > y">\nAn HTML block\n</div>',
        'Plain <a href="/x/" title="t">link</a> and <abbr title="HTML">HTML</abbr>',
        # Markdown's marks in a value, read before the tag was: title="use <code>x</code>"
        'See <a title="use `x` here" href="/x/">one</a> here',
        'See <a title="see [the docs](/d/)" href="/x/">one</a> here',  # a link's tag cut
        'See <a title="<https://example.org>" href="/x/">one</a> here',
        'A <img alt="`x` and [y]" src="/i.png"> here',
        'Some <span title="costs $5 or \\$6">words</span> here',
    ],
)
def test_a_quoted_value_is_read_as_a_browser_reads_it(source):
    # Markdown's html pattern reads title="a > b" as a browser does; the paragraph's tags
    # were counted as if the tag ended at its first '>': </a> closed nothing and was shown
    extension = rawtags.TagOrTextExtension()
    md = markdown.Markdown(extensions=[*EXTENSIONS, extension], output_format="html5")
    cleaned, _removed = text.sanitize_and_report(md.convert(source), None)
    assert _as_read(cleaned) == _as_read(source)
    assert extension.take() == []


@pytest.mark.parametrize(
    ("source", "published"),
    [
        (
            'Code `<a title="[x](y)">` here',
            '<p>Code <code>&lt;a title="[x](y)"&gt;</code> here</p>',
        ),
        ("``<b title='`'>`` here", "<p><code>&lt;b title='`'&gt;</code> here</p>"),
        (
            '[<abbr title="a `b`">X</abbr>](/u/) in a link',
            '<p><a href="/u/"><abbr title="a `b`">X</abbr></a> in a link</p>',
        ),
    ],
)
def test_a_tag_in_code_or_a_link_is_read_as_markdown_reads_it(source, published):
    extension = rawtags.TagOrTextExtension()
    md = markdown.Markdown(extensions=[*EXTENSIONS, extension], output_format="html5")
    assert text.sanitize_and_report(md.convert(source), None)[0] == published
    assert extension.take() == []


def test_an_img_with_no_src_is_found_past_a_quoted_angle_bracket():
    lines = ['A <img alt="a > b" src="/i.png"> here', "every <img /> tag", "no picture"]
    assert rawtags.line_without_src(lines) == 2
    assert rawtags.in_prose('<img alt="see src= below">', "A ", " here") == "text"


QUOTED_POST = """Title: Comparisons
Date: 2026-04-01 09:00
Category: Engineering
Author: Ada Byrne

We sort by <a title="newest > oldest, see `sort`" href="{filename}/posts/ranges.md">date</a>,
and <abbr title='n > 0'>NZ</abbr> means <span title="x < y">non-zero</span>.

After it.
"""


@pytest.mark.parametrize("accelerate", [True, False])
def test_a_post_with_angle_brackets_in_values_is_published_as_a_browser_reads_it(
    build_site, caplog, accelerate
):
    name = f"quoted-{accelerate}"
    site = _built(build_site, caplog, name, {"posts/comparisons.md": QUOTED_POST}, accelerate)
    post = site.soup("posts/comparisons/").select_one(".post-content")
    first, after = post.select("p")[:2]
    assert first.get_text() == "We sort by date,\nand NZ means non-zero."
    (link,) = first.select("a")
    assert link["title"] == "newest > oldest, see `sort`" and link.get_text() == "date"
    assert link["href"].endswith("/posts/ranges/") and link["data-print-href"]
    assert first.select_one("abbr")["title"] == "n > 0"
    assert first.select_one("span")["title"] == "x < y"
    assert after.get_text() == "After it." and after.parent is post
    assert not [m for m in caplog.messages if m.startswith(f"{name}/posts/comparisons.md")]


@pytest.mark.parametrize(
    ("source", "cut"),
    [
        ('See <a title="a\n\nb" href="/x/">one</a>', [(1, '<a title="a')]),
        ('See <abbr title="x\n> y">A</abbr>', [(1, '<abbr title="x')]),  # a quote starts
        ('Go\n<span title="x\n# y">A</span>', [(2, '<span title="x')]),  # a heading starts
        ('See <a title="one\n    line on" href="/x/">one</a>', []),  # the paragraph goes on
        ('<div title="a\n\nb">\nhi\n</div>', []),  # an HTML block: Markdown reads it whole
        ('Write `<a title="` and\n\nthen "> ok', []),  # code
        ('```\n<a title="a\n\nb">\n```', []),  # fenced code
        ('See <my-x title="a\n\nb">', []),  # no element of HTML's
        # lines counted on from tag to tag: two cut on the lines they start on
        (
            '<b>x</b> and <i>y</i>\n\nmore <em title="z">z</em>\n\n'
            'See <a title="a\n\nb">one</a> and <a title="c\n\nd">two</a>',
            [(5, '<a title="a'), (7, '<a title="c')],
        ),
        # after a tag over two lines and a fence's blanked lines
        (
            '<span title="one\ntwo">x</span>\n\n```\n<a title="a\n\nb">\n```\n\n'
            'Then <abbr title="x\n\ny">A</abbr>',
            [(10, '<abbr title="x')],
        ),
        ("a\n" * 500 + 'See <a title="a\n\nb">one</a>', [(501, '<a title="a')]),
    ],
)
def test_a_quoted_value_cut_by_a_paragraph_end_is_found(source, cut):
    lines = source.splitlines()
    assert rawtags.values_cut(lines, codeblocks.fenced_code(lines)[0]) == cut


CUT_POST = """Title: Cut
Date: 2026-04-02 09:00
Category: Engineering
Author: Ada Byrne

We sort by <a title="newest first

then oldest" href="{filename}/posts/ranges.md">date</a>.
"""


@pytest.mark.parametrize("accelerate", [True, False])
def test_a_value_markdown_cannot_read_is_named_with_its_line(build_site, caplog, accelerate):
    name = f"cut-{accelerate}"
    _built(build_site, caplog, name, {"posts/cut.md": CUT_POST}, accelerate)
    prefix = f"{name}/posts/cut.md: "
    mine = [m for m in caplog.messages if m.startswith(prefix)]
    # one line: not a second for its </a>, which closes nothing once the tag is text
    assert mine == [prefix + "line 6: " + rawtags.cut_message('<a title="newest first')]


HEADERS = """Title: Headers
Date: 2026-02-01
Category: Engineering
Author: Ada Byrne

The headers:

- <stdio.h> for input
- <unistd.h> for POSIX
- <fcntl.h> for files
- <sys/stat.h> for modes
- <netdb.h> for names
- <stong>bold</stong> by mistake
"""


def test_many_texts_taken_for_tags_in_one_file_are_one_line(build_site, caplog):
    # a Chinese blog's list of C headers said 58 lines for one post, one each, burying the
    # build's other lines (probe V); a likely typo of a tag is still said on its own
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/headers.md": HEADERS}, name="tags-many")
    body = site.soup("posts/headers/").select_one(".e-content, article").get_text()
    assert "<netdb.h> for names" in body
    prefix = "tags-many/posts/headers.md: "
    assert [m for m in caplog.messages if m.startswith(prefix)] == [
        prefix + "line 8: <stdio.h> is not an HTML tag, so it is shown as written: put code "
        "between backticks (also <unistd.h> (line 9), <fcntl.h> (line 10), <sys/stat.h> "
        "(line 11) and 1 more in this file)",
        prefix + "line 13: <stong> is not an HTML tag, so it is shown as written: put code "
        "between backticks; if it is a tag, did you mean <strong>?",
        prefix + "line 13: </stong> is not an HTML tag, so it is shown as written: put code "
        "between backticks; if it is a tag, did you mean <strong>?",
    ]


@pytest.mark.parametrize(
    ("tag", "found"),
    [
        ('<img src="a.png" alt="A">', True),
        ("<img alt=A src=a.png>", True),
        ('<img title="on > off" src="a.png" alt="A">', True),  # past a value's '>'
        ("<img title='on > off' alt='A'>", True),
        ('<img title="a"alt="A">', True),  # right after a value's quote
        ('<img title="alt=x" src="a.png">', False),  # a value's words are no attribute
        ('<img data-alt="x" src="a.png">', False),
        ('<img src="a.png"> alt="A"', False),  # after the tag's end
        # an unquoted value runs to a blank or '>', as in a browser: its words are no attribute
        ("<img src=a.png?alt=x>", False),
        ("<img src=a.png?alt=x alt=A>", True),
        ("<img title=x=alt=y src=a.png>", False),
        ("<img title= alt=x src=a.png>", False),  # the value after the blank is title's
        ('<img src=a"b alt=A>', True),  # a quote inside one is a character of it
        ('<img src = "a b.png" alt=A>', True),
        ("<img title= > alt=A", False),
    ],
)
def test_an_attribute_is_found_where_a_browser_finds_it(tag, found):
    pattern = re.compile(rf"<img\b{rawtags.before_attribute('alt')}")
    assert (pattern.match(tag) is not None) is found


@pytest.mark.parametrize(
    ("source", "published", "named"),
    [
        # the backslash makes the < text (as in CommonMark): the whole tag is shown as
        # written; its [x](y) was a link and its quotes curled, cutting the tag in two
        (
            'See \\<a title="[x](y)" href="/z">t\\</a> now.',
            '<p>See &lt;a title="[x](y)" href="/z"&gt;t&lt;/a&gt; now.</p>',
            [],
        ),
        (  # an end tag left unescaped is text too, and named with its line
            'See \\<a title="use `x`" href="/z">t</a> now.',
            '<p>See &lt;a title="use `x`" href="/z"&gt;t&lt;/a&gt; now.</p>',
            ["</a>"],
        ),
        (  # no marks in its values: shown as written too, its quotes straight (were curled)
            'See \\<abbr title="x" class=\'y\'>HTML\\</abbr> and "this".',
            "<p>See &lt;abbr title=\"x\" class='y'&gt;HTML&lt;/abbr&gt; and \u201cthis\u201d.</p>",
            [],
        ),
        (  # in code: code, as Markdown reads it
            'See `\\<abbr title="x">` now.',
            '<p>See <code>\\&lt;abbr title="x"&gt;</code> now.</p>',
            [],
        ),
        (  # two backslashes: one shown, and the tag is a tag
            'See \\\\<a title="[x](y)" href="/z">t</a> now.',
            '<p>See \\<a title="[x](y)" href="/z">t</a> now.</p>',
            [],
        ),
    ],
)
def test_a_tag_after_a_backslash_is_shown_as_written(source, published, named):
    extension = rawtags.TagOrTextExtension()
    md = markdown.Markdown(
        extensions=[*EXTENSIONS, extension, foreign.EscapesExtension()], output_format="html5"
    )
    assert text.sanitize_and_report(md.convert(source), None)[0] == published
    assert extension.take() == named


@pytest.mark.parametrize(
    ("line", "blanked"),
    [
        # Markdown's code spans: a run of backticks closed by a run as long, not a part of one
        ("`a``b` <!-- x", "       <!-- x"),
        ("\\`a` <!-- x`", "\\`a" + " " * 9),  # an escaped backtick opens nothing
        ("``a``` b`` c", "           c"),
        # no run as long after it: closed by the first of the longest shorter run after it
        ("``a <!-- x` b", " " * 12 + "b"),
        ("So ```a`` <!-- x` b", "So        <!-- x` b"),
        ("`a``b <!-- x", "`a``b <!-- x"),  # only longer runs after it: text
        ("\\\\`a` <!-- x", "\\\\    <!-- x"),  # an escaped backslash escapes no backtick
    ],
)
def test_code_spans_are_read_as_markdown_reads_them(line, blanked):
    assert rawtags.without_code_spans(line) == blanked
    # the line of an unclosed comment, and of other people's syntax, outside code
    opener = blanked.find("<!--")
    assert text.unclosed_comment([line]) == ((0, opener) if opener >= 0 else None)
    source = f"Intro.\n\n{line.replace('<!--', '{{ x }}')}\n\nThen {{{{ y }}}}."
    number = 3 if "<!--" in blanked else 5
    assert foreign.lines_of([foreign.Foreign(r"\{\{", "")], source) == [number]


def test_code_spans_are_those_markdown_makes_code_of():
    # an oracle: backticks, backslashes and words at random, Markdown's <code> against ours
    # (a span's text is what lies inside its closing run's length of backticks each side)
    rng = random.Random(24)
    for _ in range(3000):
        line = "x" + "".join(rng.choice("``a \\") for _ in range(rng.randint(1, 16))) + "x"
        ours = []
        for start, end in rawtags.code_spans(line):
            ticks = len(line[start:end]) - len(line[start:end].rstrip("`"))
            ours.append(escape(line[start + ticks : end - ticks].strip(), quote=False))
        assert ours == re.findall(r"<code>(.*?)</code>", markdown.markdown(line)), line


def test_a_tag_in_code_markdown_reads_is_left_as_code(build_site, caplog):
    # ``a … ` is code to Markdown (no run of two after it: closed by the first single one),
    # was no code span here, so the tag with a backtick in its value was published as a tag
    caplog.set_level(logging.WARNING)
    post = "Title: Ticks\nDate: 2026-05-01\nCategory: Engineering\nAuthor: Ada Byrne\n\n"
    post += 'Run ``a <abbr title="use `x`">b` now.\n'
    site = build_site({"posts/ticks.md": post}, name="ticks")
    body = site.soup("posts/ticks/").select_one(".post-content")
    assert not body.select("abbr")
    assert [c.get_text() for c in body.select("code")] == ['`a <abbr title="use', '">b']
    assert not [m for m in caplog.messages if m.startswith("ticks/")]


ANGLES = "Date: 2026-05-01 09:00\nCategory: Engineering\nAuthor: Ada Byrne\n\n"
# each a post whose line 6 holds a tag with a '>' or a name in a quoted value, and whose
# line 8 is what is named (a browser reads the tag whole: so must the line said)
ANGLE_POSTS = {
    "alt": '<img title="on > off" src="/images/lamp.svg" alt="A desk lamp">\n\n'
    '<img src="/images/lamp.svg">',
    "box": '<input title="done > todo" type="checkbox" disabled> Done\n\n<input type="text">',
    "style": '<abbr title="never style=here">CSS</abbr>\n\n<span style="color: red">red</span>',
    "data": 'Plain <span title="a > b">text</span>.\n\nA chart <img title="a > b" alt="A '
    'chart" src="data:image/png;base64,iVBORw0KGgo=">',
    "embed": 'Plain <span title="a > b">text</span>.\n\n<iframe title="a > b" '
    'src="https://www.youtube.com/embed/abc123"></iframe>',
    "escaped": 'Plain.\n\nSee \\<a title="[x](y)" href="/z">t</a> now.',
    # in HTML blocks: Markdown's own html pattern takes no '=' in an unquoted value
    "unquoted": '<div><img src=/images/lamp.svg?alt=x alt="A desk lamp"></div>\n\n'
    "<div><img src=/images/lamp.svg?alt=x></div>",
}
# escaped, and shown as written as meant: no line (it was "Markdown inside an HTML block")
ESCAPED_LINKS = 'Plain \\<a title="[x](y)" href="/z">t\\</a>.\n\nAnd \\[x](y) too.'
# escaped with no marks in its values: shown as written, straight quotes (smarty curled them)
ESCAPED_PLAIN = 'Plain \\<abbr title="x">HTML\\</abbr> and "words".'


def test_the_line_named_is_the_tag_s_as_a_browser_reads_it(build_site, caplog):
    files = {
        f"posts/{name}.md": f"Title: Angles {name}\n{ANGLES}{body}\n"
        for name, body in {**ANGLE_POSTS, "links": ESCAPED_LINKS, "plain": ESCAPED_PLAIN}.items()
    }
    site = _built(build_site, caplog, "angles", files, True)
    for name in ANGLE_POSTS:
        said = [m for m in caplog.messages if m.startswith(f"angles/posts/{name}.md: ")]
        assert said and all(m.startswith(f"angles/posts/{name}.md: line 8: ") for m in said)
    post = site.soup("posts/angles-escaped/").select_one(".post-content")
    assert post.get_text().strip() == 'Plain.\nSee <a title="[x](y)" href="/z">t</a> now.'
    assert not post.select("a")
    assert not [m for m in caplog.messages if m.startswith("angles/posts/links.md")]
    post = site.soup("posts/angles-links/").select_one(".post-content")
    assert post.get_text().strip() == 'Plain <a title="[x](y)" href="/z">t</a>.\nAnd [x](y) too.'
    post = site.soup("posts/angles-plain/").select_one(".post-content")
    assert post.get_text().strip() == 'Plain <abbr title="x">HTML</abbr> and \u201cwords\u201d.'
    assert not post.select("abbr")
    assert not [m for m in caplog.messages if m.startswith("angles/posts/plain.md")]


@pytest.mark.parametrize(
    ("lines", "blanked"),
    [
        # a span goes on to the paragraph's next line, as Markdown reads it
        (["Use `<abbr", 'title="x">` here.'], ["Use       ", " " * 12 + "here."]),
        (["``a", "b` c``", "d"], ["   ", "      ", "d"]),
        # a blank line, a heading, a quote, a rule or a list's next item ends the paragraph
        (["Use `<abbr", "", 'title="x">` here.'], ["Use `<abbr", "", 'title="x">` here.']),
        (["Use `a", "# b` c"], ["Use `a", "# b` c"]),
        (["Use `a", "> b` c"], ["Use `a", "> b` c"]),
        (["> Use `a", "> b` c"], ["> Use   ", "     c"]),  # in the quote's own lines
        (["Use `a", "***", "b` c"], ["Use `a", "***", "b` c"]),
        (["Use `a", "===", "b` c"], ["Use `a", "===", "b` c"]),  # a setext heading
        (["Use `a", "b` c", "==="], ["Use   ", "   c", "==="]),  # under no first line: text
        (["Use `a", "```", "b` c", "```"], ["Use `a", "```", "b` c", "```"]),  # fenced code
        (["- Use `a", "- b` c"], ["- Use `a", "- b` c"]),
        (["- Use `a", "  b` c"], ["- Use   ", "     c"]),
        (["A `b` and `c`", "d"], ["A     and    ", "d"]),  # on one line, as before
    ],
)
def test_a_code_span_over_a_paragraph_s_lines_is_blanked(lines, blanked):
    assert rawtags.lines_without_code_spans(lines) == blanked


def test_code_spans_over_lines_are_those_markdown_makes_code_of():
    # the oracle above over paragraphs of several lines, a blank line among them: what is not
    # blanked is what Markdown shows outside <code> (backslashes left to the one-line oracle,
    # as Markdown's escapes change the text shown)
    rng = random.Random(25)
    for _ in range(3000):
        lines = [
            "x" + "".join(rng.choice("``a ") for _ in range(rng.randint(0, 10))) + "x"
            if rng.random() > 0.15
            else ""
            for _ in range(rng.randint(2, 4))
        ]
        page = BeautifulSoup(markdown.markdown("\n".join(lines)), "html.parser")
        for code in page.find_all("code"):
            code.decompose()
        ours = "".join(rawtags.lines_without_code_spans(lines))
        assert "".join(ours.split()) == "".join(page.get_text().split()), lines


def test_the_line_of_a_tag_is_found_past_a_code_span_over_two_lines():
    # "`<abbr" and 'title="x">`' are one span: its tag was the line said for the real one
    source = 'To add a tooltip, write `<abbr\ntitle="x">` around the word.\n\nOur <abbr title="y">'
    assert foreign.lines_of([foreign.Foreign(r"<abbr\b", "")], source) == [4]


def test_a_comment_opener_in_a_code_span_over_two_lines_is_code(build_site, caplog):
    # the span's "`<!--" was read alone: a comment never closed, the rest of the post left
    # out and "this comment is never closed" said (an error in a publish); "`%%" the same
    lines = ["Open a note with `<!--", "and end it`, as HTML does.", "", "The rest."]
    assert text.unclosed_comment(lines) is None
    # Obsidian's: the post was cut at "Open a note with `"
    lines = ["Open a note with `%%", "and end it`, as Obsidian does.", "", "The rest."]
    assert text.without_private_comments(lines) == (lines, None)
    caplog.set_level(logging.WARNING)
    post = "Title: Notes\nDate: 2026-05-02\nCategory: Engineering\nAuthor: Ada Byrne\n\n"
    post += "Open a note with `<!--\nand end it`, as HTML does.\n\nThe rest of the post.\n"
    site = build_site({"posts/notes.md": post}, name="span-comment")
    body = site.soup("posts/notes/").select_one(".post-content")
    assert [c.get_text() for c in body.select("code")] == ["<!--\nand end it"]
    assert "The rest of the post." in body.get_text()
    assert not [m for m in caplog.messages if m.startswith("span-comment/")]
