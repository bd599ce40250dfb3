"""Tables scroll in a box of their own (text.scroll_tables, mdtree.scroll_tables): on a phone
a wide table scrolls sideways, the page does not (WCAG 1.4.10); the box takes Tab and is a
region named by the table's caption or heading. Both paths: Markdown's tree, and
beautifulsoup4 over any other HTML (an .html or .rst post, a writer's own table)."""

import pytest
from bs4 import BeautifulSoup

from plugins.blogcore import text
from tests.conftest import FIXTURES

COLUMNS = 12
HEADER = "| " + " | ".join(f"Room {n}" for n in range(1, COLUMNS + 1)) + " |"
RULE = "|" + "---|" * COLUMNS
ROW = "| " + " | ".join(f"{n * 7} €" for n in range(1, COLUMNS + 1)) + " |"
LONG = "https://bookings.example.org/api/v2/rooms/availability?from=2024-06-01&until=2024-06-30"

# A post with a 12-column table, a table of long unbreakable words, and a narrow one.
WIDE_POST = f"""Title: Wide tables
Date: 2024-06-01 10:00
Category: Engineering
Authors: Ada Byrne
Summary: Prices of every room, and where to book them.

Prices of every room, in a table of {COLUMNS} columns.

## Prices

{HEADER}
{RULE}
{ROW}
{ROW}

## Where to book

| Room | Address |
|---|---|
| Hall | `{LONG}` |
| Kitchen | Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung |

## Opening hours

| Day | Hours |
|---|---|
| Monday | 9–17 |
"""

HTML_POST = f"""<html><head><title>Wide HTML</title>
<meta name="date" content="2024-06-02" /><meta name="category" content="Engineering" />
<meta name="authors" content="Ada Byrne" /></head>
<body><p>A table a writer typed.</p>
<table><caption>Rooms and prices</caption>
<thead><tr>{"".join(f"<th>Room {n}</th>" for n in range(1, COLUMNS + 1))}</tr></thead>
<tbody><tr>{"".join(f"<td>{n * 7} €</td>" for n in range(1, COLUMNS + 1))}</tr></tbody>
</table>
<h2>Where to book</h2>
<table><tr><th>Hall</th><td>{LONG.replace("&", "&amp;")}</td></tr></table>
<p>A second table under the same heading: it takes Tab, but has no name of its own.</p>
<table><tr><th>Kitchen</th><td>Donaudampfschifffahrtsgesellschaftskapitänswitwenrente</td></tr>
</table>
<div tabindex="4" aria-labelledby="x" role="region">The writer's own box</div>
</body></html>
"""

RST_POST = f"""Wide reST
#########

:date: 2024-06-03 10:00
:category: Engineering
:author: Ada Byrne

A table written in reStructuredText.

.. table:: Rooms and prices

   ======  ======  ======  ======  ======  ======  ======  ======  ======  ======  ======  ======
   {"  ".join(f"Room{n:<2}" for n in range(1, COLUMNS + 1))}
   ======  ======  ======  ======  ======  ======  ======  ======  ======  ======  ======  ======
   {"  ".join(f"{n * 7:<6}" for n in range(1, COLUMNS + 1))}
   ======  ======  ======  ======  ======  ======  ======  ======  ======  ======  ======  ======
"""


def boxes(soup: BeautifulSoup) -> list:
    return soup.select(".post-content div.table-scroll")


def name_of(soup: BeautifulSoup, box) -> str | None:
    """The words a box's aria-labelledby points at (None: it has no name)."""
    ids = box.get("aria-labelledby")
    if not ids:
        return None
    return " ".join(soup.find(id=i).get_text(" ", strip=True) for i in ids.split())


def test_a_markdown_post_s_tables_are_each_in_a_named_box(build_site):
    site = build_site({"posts/wide.md": WIDE_POST})
    page = site.soup("posts/wide-tables/")
    found = boxes(page)
    assert len(found) == 3 == len(page.select(".post-content table"))
    for box in found:
        assert box["tabindex"] == "0" and box["role"] == "region"
        table = box.find("table", recursive=False)
        assert table is not None and table.select("thead th")  # a table, headers and all
    assert [name_of(page, box) for box in found] == ["Prices", "Where to book", "Opening hours"]
    assert len(found[0].select("thead th")) == 12
    assert not page.select(".post-content [style]")


def test_a_card_shows_no_table(build_site):
    """A summary made from the post is its text (test_blogcore_summaries.py): no table, no
    box, no heading naming one on the home page."""
    post = WIDE_POST.replace("Summary: Prices of every room, and where to book them.\n", "")
    site = build_site({"posts/wide.md": post}, SUMMARY_MAX_LENGTH=None)
    card = site.soup("").select_one(".post-summary")
    assert card is not None and card.get_text(strip=True)
    assert card.select("table, .table-scroll, h2, h3, caption") == []


def test_a_table_s_box_in_a_summary_is_no_region():
    """Where a summary holds a table's box still (a site's own summaries), its caption or
    heading has no id there, and ten cards' regions would be ten landmarks, named alike."""
    html = text.scroll_tables("<h2>Prices</h2><table><tr><td>1</td></tr></table>")
    shown = BeautifulSoup(text.shown_elsewhere(html, "/posts/wide/"), "html.parser")
    box = shown.find("div", class_="table-scroll")
    assert box is not None and box["tabindex"] == "0"
    assert box.get("aria-labelledby") is None and box.get("role") is None


@pytest.mark.parametrize(
    ("relpath", "source", "url"),
    [
        ("posts/wide.html", HTML_POST, "posts/wide-html/"),
        ("posts/wide.rst", RST_POST, "posts/wide-rest/"),
    ],
)
def test_an_html_or_rest_post_s_tables_are_each_in_a_named_box(build_site, relpath, source, url):
    site = build_site({relpath: source})
    page = site.soup(url)
    found = boxes(page)
    assert found and len(found) == len(page.select(".post-content table"))
    for box in found:
        assert box["tabindex"] == "0" and box.find("table", recursive=False) is not None
    caption = found[0].find("caption")
    assert found[0]["role"] == "region" and found[0]["aria-labelledby"] == caption["id"]
    assert name_of(page, found[0]) == "Rooms and prices"
    if relpath.endswith(".html"):
        assert name_of(page, found[1]) == "Where to book"
        assert found[2].get("role") is None and name_of(page, found[2]) is None
        # a writer's own box keeps its role, not a tabindex other than "0"
        own = page.find("div", string="The writer's own box")
        assert own.get("tabindex") is None and own["role"] == "region"


def test_the_sanitiser_keeps_a_box_and_no_other_tabindex():
    html = '<div aria-labelledby="c" class="table-scroll" role="region" tabindex="0"><table>'
    html += '<caption id="c">C</caption><tbody><tr><td>1</td></tr></tbody></table></div>'
    assert text.sanitize_html(html) == html
    cleaned, removed = text.sanitize_and_report(
        '<div tabindex="3">a</div><pre tabindex="-1">b</pre><p tabindex="0" '
        'aria-labelledby="c">c</p>'
    )
    assert cleaned == "<div>a</div><pre>b</pre><p>c</p>"
    assert removed.attributes == ("tabindex", "aria-labelledby")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>No table.</p>", "<p>No table.</p>"),
        (  # no heading, no caption: a box that takes Tab, without a role or a name
            "<table><tr><td>1</td></tr></table>",
            '<div class="table-scroll" tabindex="0"><table><tr><td>1</td></tr></table></div>',
        ),
        (  # a heading without an id is given one; it names one table only
            "<h2>A</h2><table><tr><td>1</td></tr></table><table><tr><td>2</td></tr></table>",
            '<h2 id="table-heading">A</h2><div aria-labelledby="table-heading" '
            'class="table-scroll" role="region" tabindex="0"><table><tr><td>1</td></tr></table>'
            '</div><div class="table-scroll" tabindex="0"><table><tr><td>2</td></tr></table>'
            "</div>",
        ),
        (  # a caption names its table; ids already taken are not given again
            '<h3 id="table-caption">B</h3><table><caption>C</caption><tr><td>1</td></tr></table>',
            '<h3 id="table-caption">B</h3><div aria-labelledby="table-caption-2" '
            'class="table-scroll" role="region" tabindex="0"><table><caption '
            'id="table-caption-2">C</caption><tr><td>1</td></tr></table></div>',
        ),
        (  # a table inside another, and one in a box already: left as they are
            '<div class="table-scroll"><table><tr><td><table><tr><td>1</td></tr></table>'
            "</td></tr></table></div>",
            '<div class="table-scroll"><table><tr><td><table><tr><td>1</td></tr></table>'
            "</td></tr></table></div>",
        ),
        (  # two tables back to back: each its own box
            "<table><tr><td>1</td></tr></table><TABLE><tr><td>2</td></tr></TABLE>",
            '<div class="table-scroll" tabindex="0"><table><tr><td>1</td></tr></table></div>'
            '<div class="table-scroll" tabindex="0"><TABLE><tr><td>2</td></tr></TABLE></div>',
        ),
        ("<table><tr><td>never closed", "<table><tr><td>never closed"),
        (  # an id written in single quotes, with a double one; a caption's id with a space
            "<h2 id='a\"b'>x</h2><table><tr><td>1</td></tr></table>"
            '<table><caption id="c d">C</caption></table>',
            '<h2 id=\'a"b\'>x</h2><div aria-labelledby="a&quot;b" class="table-scroll" '
            'role="region" tabindex="0"><table><tr><td>1</td></tr></table></div>'
            '<div class="table-scroll" tabindex="0"><table><caption id="c d">C</caption></table>'
            "</div>",
        ),
    ],
)
def test_scroll_tables(html, expected):
    assert text.scroll_tables(html) == expected
    assert text.scroll_tables(expected) == expected  # tidied twice: the same


RAW_TABLE = (
    "\n\n<table><caption>Office hours</caption>"
    + "<tr>"
    + "".join(f"<td>Day{n}</td>" for n in range(1, COLUMNS + 1))
    + "</tr></table>\n"
)


def test_a_raw_html_table_in_a_bio_or_a_series_intro_scrolls_in_a_named_box(build_site):
    # team and series files are cleaned, not read as posts: their HTML tables had no box
    bio = (FIXTURES / "site" / "team" / "ada-byrne.md").read_text(encoding="utf-8")
    post = "Title: Part one\nDate: 2024-06-01\nAuthor: Ada Byrne\nSeries: hours\n\nWords.\n"
    site = build_site(
        {
            "team/ada-byrne.md": bio + RAW_TABLE,
            "series/hours.md": "Title: Hours\n\nAbout our hours." + RAW_TABLE,
            "posts/part-one.md": post,
        }
    )
    for url in ("team/ada-byrne/", "series/hours/"):
        page = site.soup(url)
        found = page.select("main div.table-scroll")
        assert len(found) == 1 and found[0]["tabindex"] == "0", url
        assert found[0]["role"] == "region" and name_of(page, found[0]) == "Office hours"


T_ACCOUNT = """Title: Two balance sheets
Date: 2024-05-01 10:00
Category: Engineering
Author: Ada Byrne
Summary: Two banks.

Two banks.

|    | Bank A | Bank B |
|---:|-------:|-------:|
| Assets | 10 | 20 |
| Loans | 5 | 7 |

| Room | Price |
|------|-------|
| Hall | 20 |
"""


def test_a_two_way_table_s_empty_corner_is_a_data_cell(build_site):
    """An empty header cell names no column (axe's empty-table-header): the corner of a
    two-way table is a <td> in the header row; a header cell with text stays one."""
    site = build_site({"posts/t-account.md": T_ACCOUNT})
    first, second = site.soup("posts/two-balance-sheets/").select(".post-content table")
    corner = first.select_one("thead tr").find_all(["td", "th"])
    assert [cell.name for cell in corner] == ["td", "th", "th"]
    assert corner[0].get_text() == "" and corner[0]["class"] == ["align-right"]
    assert [cell.name for cell in second.select_one("thead tr").find_all(["td", "th"])] == [
        "th",
        "th",
    ]
