"""A removal with a usual cause says what to write instead: reStructuredText's column widths
and an image's size with a unit are inline styles, which the sanitiser removes."""

import logging
import re

import pytest

from plugins.blogcore import text
from plugins.blogcore.reader import removed_line

WIDTHS = "a table's column widths are inline styles"
IMAGE = "an image's size in a unit other than pixels"


@pytest.mark.parametrize(
    ("html", "hints"),
    [
        ('<table><colgroup><col style="width: 20%"></colgroup></table>', [WIDTHS]),
        ('<table><colgroup style="width: 5em"></colgroup></table>', [WIDTHS]),
        ('<img src="a.png" alt="A" style="width: 50%">', [IMAGE]),
        ('<img src="a.png" alt="A" style="height: 12em; width: 400px">', [IMAGE]),
        ('<img src="a.png" alt="A" style="width: 400px; border: 0">', []),  # not a size
        (
            '<img src="a.png" alt="A" style="width: 50%"><table><col style="width: 1%"></table>',
            [IMAGE, WIDTHS],
        ),
        ('<p style="color: red">Red</p>', []),  # no usual cause: the plain line
    ],
)
def test_a_removed_style_says_what_to_write_where_its_cause_is_known(html, hints):
    _cleaned, removed = text.sanitize_and_report(html)
    message = text.POSTS.message("content/posts/x.rst", removed)
    assert message.startswith("content/posts/x.rst: removed a style attribute (not allowed")
    assert {h for h in (WIDTHS, IMAGE) if h in message} == set(hints)
    assert message.endswith("; see docs/sanitising.md")


POST = """Prices
######

:date: 2026-11-01
:category: Company
:author: Ada Byrne

.. list-table:: Rooms
   :widths: {widths}
   :header-rows: 1

   * - Room
     - Price
   * - Hall
     - 20 EUR
"""


@pytest.mark.parametrize(("widths", "said"), [("20 80", True), ("auto", False)])
def test_rest_column_widths_are_reported_with_the_way_to_write_them(
    build_site, caplog, widths, said
):
    with caplog.at_level(logging.WARNING):
        site = build_site({"posts/prices.rst": POST.format(widths=widths)}, name=f"w-{said}")
    lines = [r.getMessage() for r in caplog.records if "prices.rst: removed" in r.getMessage()]
    if said:
        assert len(lines) == 1 and "write :widths: auto" in lines[0], caplog.text
    else:
        assert lines == [], lines
    # the table is there either way, with no inline style left
    table = site.soup("posts/prices/").select_one(".post-content table")
    assert table is not None and table.find(style=True) is None


@pytest.mark.parametrize(
    ("style", "attributes"),
    [
        ("width: 800px;", {"width": "800"}),  # docutils' :width: 800px
        ("width: 800px; height: 600px;", {"width": "800", "height": "600"}),
        ("WIDTH:640PX", {"width": "640"}),
        ("width: 800.5px", {"width": "800"}),
        ("height: 300", {"width": "9", "height": "300"}),  # no unit: pixels; its width kept
    ],
)
def test_an_image_size_in_pixels_as_a_style_becomes_its_attributes(style, attributes):
    html = f'<p><img src="a.png" alt="A &amp; B" width="9" style="{style}"> after</p>'
    cleaned, removed = text.sanitize_and_report(html)
    assert not removed, text.POSTS.message("content/posts/x.rst", removed)
    image = text.soup(cleaned).img
    assert {k: image.get(k) for k in ("width", "height") if image.has_attr(k)} == attributes
    assert image["alt"] == "A & B" and image["src"] == "a.png" and not image.has_attr("style")
    assert cleaned.endswith(" after</p>")


@pytest.mark.parametrize("style", ["width: 50%", "width: 10em", "width: 800px; color: red", ""])
def test_any_other_image_style_is_still_removed_and_named(style):
    cleaned, removed = text.sanitize_and_report(f'<img src="a.png" alt="A" style="{style}">')
    assert removed.attributes == ("style",)
    assert text.soup(cleaned).img.attrs == {"src": "a.png", "alt": "A"}


IMAGE_POST = """Launch card
###########

:date: 2026-11-01
:category: Company
:author: Ada Byrne

.. image:: {{static}}/images/social-card.png
   :alt: The launch card
   :width: {width}
"""


# "1200": the picture's own width, which the image pipeline gives an image without one
@pytest.mark.parametrize(
    ("width", "kept", "said"), [("800px", "800", False), ("50%", "1200", True)]
)
def test_rest_image_width_in_pixels_is_kept_and_other_units_named(
    build_site, caplog, width, kept, said
):
    with caplog.at_level(logging.WARNING):
        site = build_site({"posts/card.rst": IMAGE_POST.format(width=width)}, name=f"i-{said}")
    lines = [r.getMessage() for r in caplog.records if "card.rst: " in r.getMessage()]
    if said:
        assert len(lines) == 1 and f"({'width: ' + width})" in lines[0], lines
    else:
        assert lines == [], lines
    image = site.soup("posts/launch-card/").select_one(".post-content img")
    assert image is not None and image.get("width") == kept and not image.has_attr("style")


# a task list as pymdownx.tasklist writes it (a site's MARKDOWN may turn it on)
TASKS = """<ul class="task-list">
<li class="task-list-item"><input type="checkbox" disabled checked/> Book the hall</li>
<li class="task-list-item">
<p><input type="checkbox" disabled/> Print the flyers</p>
<ul class="task-list">
<li class="task-list-item"><input type="checkbox" disabled/> Pick a font</li>
</ul>
</li>
</ul>"""

# the same with its custom_checkbox setting (MkDocs Material's usual one): each box in a label
CUSTOM = """<ul class="task-list">
<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled \
checked/><span class="task-list-indicator"></span></label> Book the van</li>
<li class="task-list-item"><label class="task-list-control"><input type="checkbox" \
disabled/><span class="task-list-indicator"></span></label> Label the boxes</li>
</ul>"""


@pytest.mark.parametrize(
    ("html", "kept", "removed"),
    [
        (TASKS, [("Book the hall", True), ("Print the flyers", False), ("Pick a font", False)], ()),
        # a box a reader could tick, another kind of input: no form in a post
        ('<li><input type="checkbox" checked> Ticked</li>', [], ("input",)),
        ('<p><input type="text" value="name"> and <input> too</p>', [], ("input",)),
        ('<li><input type="checkbox" disabled onclick="go()"> Done</li>', [("Done", False)], ()),
        # pymdownx.tasklist's custom_checkbox: its own <label> is written again, not removed
        (CUSTOM, [("Book the van", True), ("Label the boxes", False)], ()),
        # its label around a box a reader could tick: the box is removed, and said
        (CUSTOM.replace(" disabled", "", 1), [("Label the boxes", False)], ("input",)),
    ],
)
def test_a_task_list_keeps_its_boxes_and_nothing_else_of_a_form(html, kept, removed):
    cleaned, said = text.sanitize_and_report(html)
    page = text.soup(cleaned)
    boxes = page.find_all("input")
    assert [(b.parent.get_text(" ", strip=True), "checked" in b.attrs) for b in boxes] == kept
    for box in boxes:  # disabled checkboxes, each named by its label's text
        assert box.attrs.keys() <= {"type", "checked", "disabled"}
        assert box["type"] == "checkbox" and "disabled" in box.attrs
        assert box.parent.name == "label"
    assert said.tags == removed
    if removed:
        assert "kept only as a task list's disabled checkbox" in text.POSTS.message("x.md", said)


def test_a_built_post_s_task_list_shows_its_boxes(build_site, caplog):
    post = (
        "Title: Our hall checklist\nDate: 2025-03-03 10:00\nAuthor: Ada Byrne\n"
        "Summary: What is left to do.\n\n" + TASKS + '\n\n<p><input type="text"></p>\n'
    )
    with caplog.at_level(logging.WARNING):
        site = build_site({"posts/checklist.md": post}, name="tasks")
    page = site.soup("posts/our-hall-checklist/index.html")
    boxes = page.select("li.task-list-item label input[type=checkbox][disabled]")
    assert [box.has_attr("checked") for box in boxes] == [True, False, False]
    assert len(page.select(".e-content input, article input")) == 3
    lines = [r.getMessage() for r in caplog.records if "removed <input>" in r.getMessage()]
    assert len(lines) == 1 and "checklist.md: line 16: removed" in lines[0], caplog.text


# a style written on line 7 (reST: in a raw HTML directive, line 11); in Markdown's code, none
REMOVED_AT = {
    "posts/md-style.md": (
        "Title: Md style\nDate: 2026-11-01 10:00\nAuthor: Ada Byrne\n\nFirst words.\n\n"
        '<p style="color: red">Red</p>\n\n```html\n<p style="x">in code</p>\n```\n'
    ),
    "posts/html-style.html": (
        "<html><head><title>Html style</title>\n"
        '<meta name="date" content="2026-11-02 10:00">\n'
        '<meta name="author" content="Ada Byrne">\n</head>\n<body>\n<p>First words.</p>\n'
        '<p style="color: red">Red</p>\n</body></html>\n'
    ),
    "posts/rst-style.rst": (
        "Rst style\n#########\n\n:date: 2026-11-03 10:00\n:author: Ada Byrne\n\n"
        "First words.\n\n.. raw:: html\n\n"
        '   <p style="color: red">Red</p>\n'
    ),
}


def test_the_sanitiser_s_line_names_the_line_the_removed_attribute_is_written_on(
    build_site, caplog
):
    """'content/ktec-1.md: removed a style attribute (not allowed in posts)': no line."""
    with caplog.at_level(logging.WARNING):
        site = build_site(REMOVED_AT, name="removed-at")
    said = sorted(m for m in caplog.messages if "removed a style attribute" in m)
    expected = {"posts/md-style.md": 7, "posts/html-style.html": 7, "posts/rst-style.rst": 11}
    assert [m.split(": removed")[0] for m in said] == [
        f"{site.content.name}/{path}: line {number}" for path, number in sorted(expected.items())
    ], caplog.text


def test_a_removal_no_line_of_the_source_holds_is_said_without_a_line():
    # reST's :widths: made the style: no line is written with it
    _cleaned, removed = text.sanitize_and_report('<col style="width: 20%">')
    assert removed_line(removed, POST.format(widths="20 80"), "rst") is None
    assert removed_line(removed, "x\n\n```\n<p style='a'>\n```\n", "markdown") is None


HEAD = "Title: T\nDate: 2026-11-01 10:00\n\n"  # the text starts at line 4


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ('<span>kept</span>\n\n<span style="color: red">x</span>', 6),
        ('Set style = "bold" in your editor.\n\n<p style="color: red">x</p>', 6),  # prose
        ('the style="x" word\n\n<div style="x">x</div>', 6),
        ('<img src="a.png" alt="A" width="40">\n\n<table><tr><td width="5">x</td></tr></table>', 6),
        ('<a href="/" type="text/html">home</a>\n\n<ol><li type="a">x</li></ol>', 6),
        ('Call it with onclick= in the docs.\n\n<p onclick="x()">x</p>', 6),
        ("<span>kept</span>\n\n<p>a</p><script>alert(1)</script>", 6),
        ("Never write javascript: links.\n\n[x](javascript:alert(1))", 6),
        ('Never write javascript: links.\n\n<a href="javascript:alert(1)">x</a>', 6),
        ("Never write javascript: links.\n\n[x]: javascript:alert(1)", 6),
        ('<span style="a">x</span>\n\n<script>alert(1)</script>', 4),  # the first removed
        ('<p\n  style="color: red">x</p>', 5),  # a tag over two lines: the attribute's line
        # a tag as a browser reads it: an attribute's name in a value is words, and a '>' in
        # a value does not end the tag (the loose pattern found the prose's "onclick=")
        ('<abbr title="never style=x">CSS</abbr>\n\n<span style="color: red">x</span>', 6),
        ('Call onclick= here.\n\n<span title="a > b" onclick="go()">x</span>', 6),
        ('<input title="done > todo" type="checkbox" disabled> Done\n\n<input type="text">', 6),
    ],
)
def test_the_line_named_is_the_removed_thing_s_not_a_kept_one_s(body, line):
    # the Markdown links are made <a href="javascript:...">: the same removed
    html = re.sub(r"\[x\](?:\(|: )(javascript:[^)\n]*)", r'<a href="\1">x</a>', body)
    _cleaned, removed = text.sanitize_and_report(html)
    assert removed, body
    assert removed_line(removed, HEAD + body, "markdown") == line


def test_a_kept_span_before_a_removed_style_is_not_the_line_named(build_site, caplog):
    post = (
        "Title: Kept span\nDate: 2026-11-01 10:00\nAuthor: Ada Byrne\n\n"
        'A <span lang="fr">déjà vu</span>, and the word style="x".\n\n'
        '<span style="color: red">Red</span>\n'
    )
    with caplog.at_level(logging.WARNING):
        site = build_site({"posts/kept-span.md": post}, name="kept-span")
    said = [m for m in caplog.messages if "removed a style attribute" in m]
    assert [m.split(": removed")[0] for m in said] == [
        f"{site.content.name}/posts/kept-span.md: line 7"  # was line 5
    ], caplog.text


FIGURE_AND_RAW = """Attach test
===========

:date: 2026-11-01
:category: Company
:author: Ada Byrne

.. figure:: {static}/images/lamp.svg
    :alt: A lamp
    :width: 60%

    The lamp at dusk.

.. raw:: html

   <div style="color:red" onclick="alert(1)">raw</div>
"""


def test_an_image_size_removed_beside_another_style_says_its_own_line(build_site, caplog):
    # "line 20: removed a style attribute and an onclick attribute …(width: 60%)": the 60%
    # was a figure's on line 7, the raw block's style and onclick on line 20
    with caplog.at_level(logging.WARNING):
        build_site({"posts/attach.rst": FIGURE_AND_RAW}, name="sizes-placed")
    said = [m for m in caplog.messages if "removed a style attribute" in m]
    assert len(said) == 1, caplog.text
    assert "attach.rst: line 16: removed a style attribute and an onclick" in said[0]
    assert "(width: 60%, line 10)" in said[0]


def test_an_image_size_alone_is_said_under_its_own_line(build_site, caplog):
    with caplog.at_level(logging.WARNING):
        build_site({"posts/card.rst": IMAGE_POST.format(width="50%")}, name="size-alone")
    said = [m for m in caplog.messages if "removed a style attribute" in m]
    assert len(said) == 1 and "(width: 50%)" in said[0], caplog.text
    assert "card.rst: line 10: removed" in said[0]  # its :width: line (was no line)


def test_an_attr_list_bare_word_removed_is_named_at_its_line_with_the_class_to_write(
    build_site, caplog
):
    # an adopted blog's `apt-get install php5-fpm`{bash}: attr_list reads the bare word as an
    # attribute bash="bash", which the sanitiser removes; the line had no line number
    post = (
        "Title: Attr list word\nDate: 2026-11-01 10:00\nAuthor: Ada Byrne\n\n"
        "Install it with `apt-get install nginx`{.bash}, as here.\n\n"
        "Then run `nginx -t`{bash} to check it.\n"
    )
    with caplog.at_level(logging.WARNING):
        site = build_site({"posts/attr-word.md": post}, name="attr-list-word")
    said = [m for m in caplog.messages if "removed" in m]
    assert said == [
        f"{site.content.name}/posts/attr-word.md: line 7: removed a bash attribute (not allowed "
        "in posts); {bash} is read as an attribute list, its bare word as an attribute bash; "
        "write {.bash} for a class, or remove it; see docs/sanitising.md"
    ], caplog.text
    code = site.soup("posts/attr-list-word/").select(".post-content code")
    assert [c.get("class") for c in code] == [["bash"], None]  # {.bash} is the class kept
