"""A post's headings sit under the page's one <h1> (its title): the top level an <h2>, no
level skipped, whatever level the writer started at (plugins/blogcore/headings.py)."""

import pytest

from plugins.blogcore.headings import outline

POST = """Title: Notes from the install day
Date: 2024-05-01 10:00
Category: Engineering
Author: Ada Byrne
Summary: Notes.

[TOC]

Intro paragraph.

### Morning

Text.

# Afternoon {#pm}

Text, and [back to the morning](#morning).

#### Evening

Text.
"""


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ([2, 3, 3, 2], [2, 3, 3, 2]),  # right already: as written
        ([3, 3, 4], [2, 2, 3]),  # sections from ###
        ([1, 2, 1], [2, 3, 2]),  # sections from #
        ([3, 1, 4], [2, 2, 3]),  # ### then # then ####: the probe's post
        ([2, 4], [2, 3]),  # a level skipped
        ([4, 2, 3], [2, 2, 3]),  # the first heading deeper than a later one
        ([2, 3, 4, 5, 6, 6], [2, 3, 4, 5, 6, 6]),
        ([1, 2, 3, 4, 5, 6], [2, 3, 4, 5, 6, 6]),  # no <h7>
        ([], []),
    ],
)
def test_outline(levels, expected):
    assert outline(levels) == expected


def test_a_post_s_headings_are_under_the_title_and_keep_their_ids(build_site):
    site = build_site({"posts/install.md": POST})
    page = site.soup("posts/notes-from-the-install-day/")
    assert len(page.find_all("h1")) == 1  # the title alone
    found = [(h.name, h.get("id")) for h in page.select(".post-content :is(h1, h2, h3, h4)")]
    assert found == [("h2", "morning"), ("h2", "pm"), ("h3", "evening")]
    # the table of contents nests as the page does, and its anchors are the headings' ids
    toc = page.select_one(".post-content .toc")
    assert [a["href"] for a in toc.select("a")] == ["#morning", "#pm", "#evening"]
    assert [a["href"] for a in toc.select("li li a")] == ["#evening"]
    assert page.select_one('.post-content a[href="#morning"]') is not None


def test_a_post_whose_headings_are_right_is_written_as_before(build_site):
    right = POST.replace("### Morning", "## Morning").replace("# Afternoon", "## Afternoon")
    site = build_site({"posts/install.md": right.replace("#### Evening", "### Evening")})
    page = site.soup("posts/notes-from-the-install-day/")
    levels = [h.name for h in page.select(".post-content :is(h2, h3, h4)")]
    assert levels == ["h2", "h2", "h3"]


TOC_ANCHORS = """Title: Palette
Date: 2024-05-01 10:00
Category: Engineering
Author: Ada Byrne
Summary: Notes.

<!-- MarkdownTOC -->

1. [Usage](#usage)
1. [Установка](#Установка)

<!-- /MarkdownTOC -->

<a id="usage"></a>
## Usage

Text.

<a id="Установка"></a>
## Установка

Text, and <a id="usage-note"></a> a note.
"""


def test_a_table_of_contents_anchor_is_not_a_second_id_of_its_heading(build_site):
    # Sublime's MarkdownTOC writes <a id="usage"></a> above "## Usage", and toc gave the
    # heading the same id: the Nu validator's "Duplicate ID" on Kristinita's posts (probe V)
    site = build_site({"posts/palette.md": TOC_ANCHORS}, name="toc-anchors")
    body = site.soup("posts/palette/").select_one(".post-content")
    ids = [tag["id"] for tag in body.select("[id]")]
    assert len(ids) == len(set(ids)), ids
    assert body.select_one("h2#usage").get_text() == "Usage"
    for link in body.select('a[href^="#"]'):  # every link of the list still lands
        assert body.find(id=link["href"][1:]) is not None, link
    assert body.find("a", id="usage-note") is not None  # an anchor in the text stays
