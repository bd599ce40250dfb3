"""Facts from Markdown's tree (mdtree.py) against the same facts read from the HTML with
beautifulsoup4 (text.py): the same HTML, word count and sanitiser's report, or no facts
(the reader then parses the HTML) where the tree cannot tell."""

import pytest
from bs4 import BeautifulSoup
from markdown import Markdown

from plugins.blogcore import codeblocks, mdtree, reader, text
from tests.conftest import SITE_MARKDOWN, markdown_files


def _with_facts(source: str, conf: dict) -> tuple[str, mdtree.Facts | None]:
    """What the reader's own converter writes, and what its tree told."""
    facts = mdtree.FactsExtension()
    md = Markdown(**conf)
    md.registerExtensions([facts], {})
    html = codeblocks.share_formatters(md, facts.known).convert(source)
    return html, facts.take()[0]


def _both(source: str, conf: dict = SITE_MARKDOWN):
    """(clean() with the tree's facts, clean() of a stock converter's HTML, the facts)."""
    html, facts = _with_facts(source, conf)
    fast = reader.clean(html, {}, None, (facts, None))
    markup = facts.markup if facts else None  # without facts, clean() tidies, then parses
    fast_removed = text.POSTS.clean_and_report(html if facts else text.tidy_html(html), markup)[1]
    stock_html = Markdown(**conf).convert(source)
    plain = reader.clean(stock_html, {}, None)
    plain_removed = text.POSTS.clean_and_report(text.tidy_html(stock_html))[1]
    return (fast, fast_removed), (plain, plain_removed), facts


@pytest.mark.parametrize(
    ("source", "from_tree"),
    [
        ("Plain words, *emphasis* and **strong** ones.", True),
        ('Don\'t "quote" me -- or... do.', True),  # smarty: entities in the stash
        ("Inline `<b>code</b>` and `a & b`; AT&T, &copy; and &copy without a semicolon.", True),
        ("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |", True),  # aligned cells
        # tables in their boxes: named by the heading they come under, one table a heading
        ("## Fees & *costs*\n\n| a |\n|---|\n| 1 |\n\n| b |\n|---|\n| 2 |", True),
        ("| a |\n|---|\n| 1 |\n\n<table><caption>C</caption><tr><td>2</td></tr></table>", False),
        ("Text.\n\n```python\nprint('hi')\n```\n\nMore text.", True),  # a code block
        ('```python hl_lines="1"\na = 1\nb = 2\n```', True),
        ("    indented = 'code'", True),
        ("A note[^1].\n\n[^1]: The footnote, with words.", True),
        ("Mail <someone@example.com> today.", True),  # an address spelt with entities
        ('A paragraph.\n{: onclick="alert(1)" }', True),  # attr_list: reported from the tree
        ("Run `pwd`{bash} first.", True),  # a bare word: <code bash>, a value-less attribute
        ('Centred.\n{: style="text-align: center" }', True),
        ('Both.\n{: .x style="text-align: left" }', True),
        ('Both again.\n{: style="text-align: left" .x }', True),
        ('Between.\n{: style="text-align: left" #an-id }', False),  # left for tidy_html
        ('Between.\n{: style="text-align: left" data-x="1" }', False),
        ('After.\n{: style="text-align: left" title="t" }', True),
        ("[a link](javascript:alert(1)) and ![img](data:image/png;base64,xx)", True),
        ("*[HTML]: Hyper Text\n\nSome HTML here.\n\nTerm\n:   Its definition", True),
        ("## A heading\n\n> quoted\n> lines\n\n1. one\n2. two\n\n---\n\nend", True),
        ("in<em>line</em> words", False),  # a writer's HTML: read from the HTML
        ('<span onclick="x">hi</span> there', False),
        ("<div><script>alert(1)</script>text <b>bold</b></div>\n\nAfter.", False),
        ('<div markdown="1">*inside*</div>', True),  # md_in_html: elements of the tree
        ('<div markdown="1" onclick="x">*a*</div>', True),
        ('<div markdown="1">*a* <span title="t">b</span></div>', False),
        ('<div markdown="1">*a*\n\n<script>alert(1)</script>\n\nb</div>', None),
        ("Text <!-- a comment --> more", False),
        ('```{.python filename="x.py"}\nx = 1\n```', False),  # not a plain code block
    ],
)
def test_the_tree_tells_what_the_html_does(source: str, from_tree: bool | None):
    fast, plain, facts = _both(source)
    if from_tree is not None:
        assert (facts is not None) is from_tree
    assert fast == plain


def test_every_sample_and_fixture_file_gives_the_same_facts():
    for path in markdown_files():
        fast, plain, _facts = _both(path.read_text(encoding="utf-8"))
        assert fast == plain, path


def test_code_blocks_take_a_tabindex_and_cells_a_class():
    html, facts = _with_facts("```python\nx = 1\n```\n\n| a |\n|--:|\n| 1 |", SITE_MARKDOWN)
    page = BeautifulSoup(html, "html.parser")
    assert page.select_one("div.highlight > pre")["tabindex"] == "0"
    assert [td.get("class") for td in page.select("td, th")] == [["align-right"]] * 2
    assert not page.select("[style]")
    assert facts is not None and facts.words == 2


@pytest.mark.parametrize(
    ("configs", "tabindex"),
    [
        ({"markdown.extensions.codehilite": {"css_class": "code"}}, None),  # tidy_html's rule
        ({"markdown.extensions.codehilite": {"linenums": True}}, None),
        ({"markdown.extensions.codehilite": {"noclasses": True}}, None),
        ({"markdown.extensions.codehilite": {"noclasses": True, "css_class": "highlight"}}, "0"),
    ],
)
def test_other_code_settings_match_tidy_html(configs: dict, tabindex: str | None):
    conf = {"extension_configs": configs, "extensions": [*configs, "fenced_code"]}
    fast, plain, _facts = _both("```python\nx = 1\n```", conf)
    assert fast == plain
    pre = BeautifulSoup(fast[0][0], "html.parser").select_one("pre")
    assert pre.get("tabindex") == tabindex


def test_the_reader_keeps_no_facts_between_files():
    facts = mdtree.FactsExtension()
    md = Markdown(**SITE_MARKDOWN)
    md.registerExtensions([facts], {})
    codeblocks.share_formatters(md, facts.known)
    md.convert("```python\nx = 1\n```")
    assert len(facts.take()) == 1 and facts.take() == []
    assert not facts.known  # the code blocks noted for one conversion only


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("text-align: right;", "align-right"),
        ("text-align:center", "align-center"),
        ("text-align:  left;", "align-left"),
        ("text-align: justify;", None),
        ("color: red", None),
        ("text-align: right; color: red", None),
        ("", None),
        (None, None),
    ],
)
def test_align_class(style, expected):
    assert text.align_class(style) == expected
