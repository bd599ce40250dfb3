"""A removal with a usual cause says what to write instead: reStructuredText's column widths
and an image's size with a unit are inline styles, which the sanitiser removes."""

import logging

import pytest

from plugins.blogcore import text

WIDTHS = "a table's column widths are inline styles"
IMAGE = "an image's size with a unit is an inline style"


@pytest.mark.parametrize(
    ("html", "hints"),
    [
        ('<table><colgroup><col style="width: 20%"></colgroup></table>', [WIDTHS]),
        ('<table><colgroup style="width: 5em"></colgroup></table>', [WIDTHS]),
        ('<img src="a.png" alt="A" style="width: 50%">', [IMAGE]),
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
