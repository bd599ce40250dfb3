"""text.markup_of reads each start tag with Python's HTML parser, without beautifulsoup4's tree
(which cost a second reading of every post Markdown's tree could not tell the facts of): the
elements and attributes it gives are beautifulsoup4's, HTML however broken."""

import random

import pytest

from plugins.blogcore import text


def _by_tree(html: str) -> list[tuple[str, dict[str, str]]]:
    """Every element beautifulsoup4 builds, in order (the oracle)."""
    return [(tag.name, tag.attrs) for tag in text.soup(html).find_all(True)]


@pytest.mark.parametrize(
    "html",
    [
        '<p class="a b" id=x>t</p>',
        "<input checked>",  # a value left out: ""
        '<a href="/1" href="/2">t</a>',  # a name twice: the last
        '<a title="a > b" href="/x">t</a>',
        "<img src=a.png alt='&lt;b&gt; &amp; &nbsp;'/>",
        "<script>var a = '<b>';</script><b>x</b>",  # no element inside a script
        "<style><i></style><textarea><b></textarea>",
        "<!-- <b> --><![CDATA[<x>]]><?php echo ?><!DOCTYPE html>",
        "<p <p>",
        '<img src="',  # cut off
        "<A HREF='/z'>x</A><X-Y Data-A=1>",
        "<div =x><div a=b=c>",
        "<svg><foreignObject><b/></foreignObject></svg>",
        "< b><b/ ><é>",
    ],
)
def test_markup_is_what_beautifulsoup4_builds(html):
    assert list(text.markup_of(html)) == _by_tree(html)


_PIECES = [
    '<a href="/x">', '<a title="a > b">', "<A HREF='/z' href=2>", "</a>", " ", "&amp", "w",
    "<span class='a b'>", "</span>", "<img src='a.png' alt>", "<br/>", "<!-- <b> -->",
    "<script>var a='<b>';</script>", "<style><i></style>", "<p <p>", "<textarea><b></textarea>",
    "<![CDATA[<x>]]>", "<?x ?>", "<!DOCTYPE html>", "<p", '<img src="', "</", "<a\nhref=x\n>",
    "<input checked=checked checked>", "<td>", "<xmp><b></xmp>", "<!--", "-->", "<!>", "<é>",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(3))
def test_markup_of_random_pieces_is_what_beautifulsoup4_builds(seed):
    rng = random.Random(seed)
    for _ in range(400):
        html = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 15)))
        assert list(text.markup_of(html)) == _by_tree(html), html
