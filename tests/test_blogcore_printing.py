"""The addresses links print on paper, written at build time (blogcore's printing.py)."""

from html import escape

import pytest
from bs4 import BeautifulSoup

from plugins.blogcore import printing
from tests.conftest import TEST_SITEURL

PAGE = "https://blog.example/posts/here/"


@pytest.mark.parametrize(
    ("href", "text", "page", "printed"),
    [
        ("https://example.org/range-types", "Range types", PAGE, "https://example.org/range-types"),
        # from "/", relative, and the site's own full address: in full (paper has no site)
        ("/posts/x/", "another post", PAGE, "https://blog.example/posts/x/"),
        ("../x/", "another post", PAGE, "https://blog.example/posts/x/"),
        (
            "https://blog.example/posts/x/#part",
            "a part",
            PAGE,
            "https://blog.example/posts/x/#part",
        ),
        # a place in this page, by its anchor or its full address
        ("#notes", "the notes", PAGE, None),
        ("https://blog.example/posts/here/#notes", "the notes", PAGE, None),
        # its text is its address already: it would print twice
        ("https://example.org/range-types", "https://example.org/range-types", PAGE, None),
        ("https://www.example.org/docs/", "example.org/docs", PAGE, None),
        ("https://example.org/caf%C3%A9/", "example.org/café", PAGE, None),
        ("https://example.org/a", "  ", PAGE, None),  # a picture: no text
        ("mailto:team@example.org", "write to us", PAGE, None),
        ("tel:+441234", "call us", PAGE, None),
        # a site without SITEURL: a link from "/" has no full address to print
        ("/posts/x/", "another post", "", None),
        ("https://example.org/", "Example", "", "https://example.org/"),
    ],
)
def test_printed_address(href, text, page, printed):
    assert printing.printed_address(href, text, page) == printed


def test_marks_written_into_the_links_and_the_rest_as_written():
    html = (
        '<p><a href="/posts/x/" class="k">Post <em>X</em></a>, '
        "<a href='https://example.org/?a=1&amp;b=2'>query</a>, "
        '<a href="https://example.org/">https://example.org/</a>, <abbr title="t">T</abbr>, '
        '<a href="/a/"><img src="/a.jpg" alt=""></a>, <a id="top"></a></p>'
    )
    marked = printing.mark_printed_addresses(html, PAGE)
    links = BeautifulSoup(marked, "html.parser").select("a")
    assert [a.get("data-print-href") for a in links] == [
        "https://blog.example/posts/x/",
        "https://example.org/?a=1&b=2",
        None,
        None,
        None,
    ]
    assert (
        marked.replace(' data-print-href="https://blog.example/posts/x/"', "", 1).replace(
            ' data-print-href="https://example.org/?a=1&amp;b=2"', "", 1
        )
        == html
    )
    assert printing.mark_printed_addresses("<p>No link.</p>", PAGE) == "<p>No link.</p>"


@pytest.mark.parametrize(
    ("html", "printed"),
    [
        # a ">" in another attribute's value: the address was written inside the title
        ('<a title="a > b" href="https://x.example/">t</a>', "https://x.example/"),
        # quotes and ">" in values, in either quote; "</a>" in one did not end the link
        (
            """<a title='say "hi" > bye' data-x="</a> <a href='mailto:y'>" """
            """href="https://x.example/?q=&quot;a&gt;&quot;">the query</a>""",
            'https://x.example/?q="a>"',
        ),
        ('<a\nhref="/posts/x/"\nclass="k">Post</a >', "https://blog.example/posts/x/"),
        ('<p>a > b <a href="https://x.example/"/>t</a></p>', "https://x.example/"),
    ],
)
def test_marks_go_at_the_end_of_the_start_tag_whatever_its_values_hold(html, printed):
    marked = printing.mark_printed_addresses(html, PAGE)
    (link,) = BeautifulSoup(marked, "html.parser").select("a[href]")
    assert link["data-print-href"] == printed
    start = BeautifulSoup(html, "html.parser").select_one("a[href]")
    assert {k: v for k, v in link.attrs.items() if k != "data-print-href"} == start.attrs
    # spliced in where the start tag ends: the rest keeps its bytes
    written = f' data-print-href="{escape(printed)}"'
    at = marked.index(written)
    assert marked[:at] + marked[at + len(written) :] == html
    assert marked[at + len(written)] in ">/"


def test_a_link_in_a_script_or_a_comment_is_not_a_link():
    html = '<!-- <a href="https://x.example/">t</a> --><script>s = "<a href=\'/y/\'>y</a>"</script>'
    assert printing.mark_printed_addresses(html, PAGE) == html


def test_built_pages_carry_the_addresses_their_links_print(build_site):
    # print.css prints attr(data-print-href): written at build time, so a page printed
    # without JavaScript prints the address of a link to another post too (it printed none)
    site = build_site(
        {
            "posts/printed.md": "Title: Printed\nDate: 2024-03-02\nCategory: Company\n"
            "Author: Ada Byrne\n\nSee [the other post]({filename}/posts/ranges.md), "
            "[from the root](/about/) and <https://example.org/x>.\n",
            "pages/printed-page.md": "Title: Printed page\n\n[Elsewhere](https://example.org/y).\n",
            # the 404 page's text (Pelican's idiom) is a page's text in .post-content too
            "pages/404.md": "Title: Not Found\nStatus: hidden\nSave_as: 404.html\n\n"
            "Try [the archives](/archives/) or [this page's top](#top).\n",
        }
    )
    post = [a.get("data-print-href") for a in site.soup("posts/printed/").select(".post-content a")]
    assert post[:2] == [f"{TEST_SITEURL}/posts/ranges/", f"{TEST_SITEURL}/about/"]
    assert post[2] is None  # its text is its address
    page = site.soup("printed-page/").select_one(".post-content a[data-print-href]")
    assert page["data-print-href"] == "https://example.org/y"
    lost = [a.get("data-print-href") for a in site.soup("404.html").select(".post-content a")]
    assert lost == [f"{TEST_SITEURL}/archives/", None]


# what the sanitiser writes: the quick reading takes it, and finds what the parser finds
SANITISED = [
    '<p>See <a href="https://example.org/range-types">Range types</a>.</p>',
    '<p><a href="/posts/x/" title="a &gt; b">another <em>post</em></a> and '
    '<a href="mailto:a@b.example">mail</a></p>',
    '<p><a href="https://x.example/?q=1&amp;r=2">query &amp; more</a></p>',
    "<p><A HREF='https://x.example/'>upper</A> <a name=\"top\">no href</a></p>",
    '<ul><li><a href="#fn1">1</a></li><li><a href="https://x.example/a"\n>'
    "line\nbroken</a></li></ul>",
    '<p><a href="https://x.example/" data-print-href="https://x.example/">marked</a></p>',
    '<p>x &gt; y <img src="a.png" alt="a"> <a href="https://x.example/b"><img src="b.png" '
    'alt="b"></a></p>',
]


@pytest.mark.parametrize("html", SANITISED)
def test_the_quick_reading_finds_what_the_parser_finds(html):
    assert printing._links_quickly(html) == printing._Links(html).found


@pytest.mark.parametrize(
    "html",
    [
        '<a title="a > b" href="https://x.example/">t</a>',  # ">" in a value
        "<a title='a < b' href=\"https://x.example/\">t</a>",
        '<!-- <a href="https://x.example/">old</a> --><a href="/y/">y</a>',
        '<script>var a = "<a href=x>";</script><a href="/y/">y</a>',
        '<a href="https://x.example/"/>t</a>',
        '<a href="https://x.example/">never closed',
        '<a href="https://x.example/">one <a href="/y/">two</a>',  # a link inside a link
        "<a href=https://x.example/>unquoted</a>",
    ],
)
def test_what_the_quick_reading_could_misread_is_left_to_the_parser(html):
    assert printing._links_quickly(html) is None
    # and the page is marked as the parser reads it
    marked = printing.mark_printed_addresses(html, PAGE)
    for at, href, text in reversed(printing._Links(html).found):
        full = printing.printed_address(href, text, PAGE)
        if full is not None:
            html = html[:at] + f' data-print-href="{escape(full)}"' + html[at:]
    assert marked == html
