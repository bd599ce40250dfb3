"""REDIRECTS_MAP: a file of old addresses that are no post's (an old blog's category, tag and
author pages), each with the page it leads to; its lines read, and built into redirect pages."""

import logging

import pytest

from plugins.redirects import paths
from tests.conftest import TEST_SITEURL


@pytest.mark.parametrize(
    ("text", "found", "problems"),
    [
        (
            "/category/eng/ /category/engineering/\n",
            [(1, "/category/eng/", "/category/engineering/")],
            [],
        ),
        (
            "# a comment\n\n  /tag/pg/   /tag/postgresql/  \n",
            [(3, "/tag/pg/", "/tag/postgresql/")],
            [],
        ),
        ("/a/ /b/ 301\n", [], [(1, "expected an old address and the site path it leads to")]),
        ("/a/\n", [], [(1, "expected an old address and the site path it leads to")]),
        (
            "/tag/Village Halls/ /tag/village-halls/\n",
            [],
            [(1, "(a space in an address is %20: /tag/Village%20Halls/ /tag/village-halls/)")],
        ),
        ("/a/ https://elsewhere.example/b/\n", [], [(1, "is not a path of this site")]),
        ("/a/ tag/b/\n", [], [(1, "is not a path of this site")]),
        ("/a/ /b/?x=1\n", [], [(1, "is not a path of this site")]),
        ("/a/ /b/../c/\n", [], [(1, "is not a plain path")]),
    ],
)
def test_a_map_line_is_an_old_address_and_a_site_path(text, found, problems):
    lines, said = paths.read_map(text)
    assert lines == found
    assert len(said) == len(problems)
    for (number, message), (line, part) in zip(said, problems, strict=True):
        assert number == line and part in message, message


@pytest.mark.parametrize(
    ("target", "output"),
    [
        ("/category/x/", "category/x/index.html"),
        ("/feeds/tag/x.atom.xml", "feeds/tag/x.atom.xml"),
        ("/team/ada-byrne", "team/ada-byrne/index.html"),
        ("/", "index.html"),
    ],
)
def test_the_page_a_target_is_served_from(target, output):
    assert paths.page_output(target) == output


MAP = """# the old blog's archive pages
/category/eng/ /category/engineering/
/category/eng/feed/ /feeds/category/engineering.atom.xml
/search/label/Company%20news /category/company/
/author/ada/ /team/ada-byrne/
/category/gone/ /category/nothing-here/
/posts/ranges/ /category/company/
just-one-field
"""


def test_the_map_s_lines_are_redirect_pages_and_rules(build_site, caplog):
    with caplog.at_level(logging.WARNING):
        site = build_site({"redirects.txt": MAP}, name="mapped")
    for old, new in [
        ("category/eng/", "/category/engineering/"),
        ("category/eng/feed/", "/feeds/category/engineering.atom.xml"),
        ("search/label/Company news/", "/category/company/"),
        ("author/ada/", "/team/ada-byrne/"),
    ]:
        page = site.soup(old)
        refresh = page.find("meta", attrs={"http-equiv": "refresh"})["content"]
        assert refresh == f"0; url={TEST_SITEURL}{new}", old
        assert page.find("link", rel="canonical")["href"] == f"{TEST_SITEURL}{new}"
    rules = site.text("_redirects")
    assert "/category/eng/ /category/engineering/ 301" in rules
    assert "/search/label/Company%20news /category/company/ 301" in rules
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert (
        "mapped/redirects.txt: line 6: /category/gone/ leads to /category/nothing-here/, which "
        "this build does not write: write the address of one of the site's pages there, or "
        "remove the line"
    ) in errors
    assert any(
        m.startswith("mapped/redirects.txt: line 7: /posts/ranges/ is the address of ")
        and m.endswith("(remove that line)")
        for m in errors
    ), errors
    assert any(m.startswith("mapped/redirects.txt: line 8: expected ") for m in errors)
    assert not site.exists("category/gone/")
    assert site.exists("posts/ranges/")  # the post, never replaced
    # read by the plugin, not a file left out of the site by mistake
    assert not [m for m in errors if "redirects.txt is not published" in m]
    assert not site.exists("redirects.txt")


def test_without_the_file_or_with_the_setting_off_nothing_is_read(build_site, caplog):
    with caplog.at_level(logging.WARNING):
        site = build_site({"redirects.txt": MAP}, name="off", REDIRECTS_MAP="")
    assert not site.exists("category/eng/")
    assert not site.exists("_redirects")
    assert not [r for r in caplog.records if "redirects.txt" in r.getMessage()]
