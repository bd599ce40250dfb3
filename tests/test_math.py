"""Math reaches the reader: reStructuredText's as MathML, kept by the sanitiser (its layout
attributes, never a link, a style or a handler); LaTeX in Markdown shown as written, with a
line saying so."""

import logging
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from markdown import Markdown

import pelicanconf
from plugins.blogcore import foreign, liquid, rst, text
from tests.conftest import nu_errors

ATOM = "{http://www.w3.org/2005/Atom}"
HEAD = ":date: 2024-03-01\n:author: Ada Byrne\n:category: Company\n\n"
RST_POST = (
    f"Equations\n#########\n\n{HEAD}The area is :math:`\\alpha^2`, and the roots are:\n\n"
    ".. math::\n\n   x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}\n\n"
    "Aligned:\n\n.. math::\n\n   \\begin{aligned} a &= b + c \\\\ d &= e \\end{aligned}\n"
)


# what a line says of a formula docutils cannot write as MathML (reStructuredText)
SHOWN_AS_WRITTEN = (
    "in math (reStructuredText): docutils cannot write it as MathML, so the formula is shown "
    "as written, not typeset"
)


def _lines_of(caplog, name: str) -> list[tuple[str, str]]:
    """(level, message) of each line about the fixture site ``name``."""
    return [(r.levelname, r.getMessage()) for r in caplog.records if f"{name}/" in r.getMessage()]


def test_rest_math_reaches_the_reader_as_mathml(build_site, caplog):
    # docutils wrote HTML math needing a style sheet a post never gets; its MathML, asked for
    # by a site, was removed whole by the sanitiser (the formula, its letters too, gone)
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/eq.rst": RST_POST}, name="rest-math")
    body = site.soup("posts/equations/").select_one(".post-content")
    inline = body.select_one("p > math")
    assert inline is not None and inline.get("display") is None
    assert [t.get_text() for t in inline.select("msup > *")] == ["α", "2"]
    block = body.select("math[display=block]")
    assert len(block) == 2
    assert block[0].select_one("mfrac > msqrt, mfrac mrow msqrt") is not None
    assert len(block[1].select("mtable.ams-align > mtr")) == 2
    assert not [m for m in caplog.messages if "rest-math/" in m]  # nothing removed
    assert nu_errors(site.path("posts/equations/").parent) == []


COLOUR_POST = (
    f"Colour\n######\n\n{HEAD}Red :math:`\\color{{red}}{{z}} < 1`, blue :math:`\\alpha^2`.\n\n"
    ".. math::\n\n   x = \\bm{y} \\tag{1}\n"
)


@pytest.mark.parametrize("publish", [False, True])
def test_latex_docutils_cannot_write_is_shown_as_written_with_one_line(build_site, caplog, publish):
    # docutils stopped at it (a reST error): the whole post was left out of the build
    caplog.set_level(logging.WARNING)
    name = f"rest-math-bad-{publish}"
    site = build_site({"posts/colour.rst": COLOUR_POST}, publish=publish, name=name)
    body = site.soup("posts/colour/").select_one(".post-content")
    assert body.select_one("p > code.math").get_text() == "\\color{red}{z} < 1"
    assert body.select_one("pre.math").get_text() == "x = \\bm{y} \\tag{1}"
    assert body.select_one("p > math msup") is not None  # the others typeset
    lines = _lines_of(caplog, name)
    said = SHOWN_AS_WRITTEN
    assert lines == [
        (
            "WARNING",
            f'{name}/posts/colour.rst: line 8: Unknown LaTeX command "\\color" {said} '
            "(\\color{red}{z} < 1); write the formula without it",
        ),
        (
            "WARNING",
            f'{name}/posts/colour.rst: line 12: Unknown LaTeX command "\\bm" {said} '
            "(x = \\bm{y} \\tag{1}); write the formula without it",
        ),
    ]


@pytest.mark.parametrize(
    ("html", "kept", "removed"),
    [
        (
            '<math display="block" xmlns="http://www.w3.org/1998/Math/MathML"><mfrac '
            'linethickness="0"><mi mathvariant="normal">d</mi><mn>2</mn></mfrac><mo '
            'stretchy="false" rspace="0.2em">=</mo><mspace width="1em"></mspace></math>',
            None,  # as it was
            "",
        ),
        (
            '<math><mi href="javascript:alert(1)" style="color:red" onclick="alert(1)">x</mi>'
            "</math>",
            "<math><mi>x</mi></math>",
            "a href attribute, a style attribute and an onclick attribute",
        ),
        (
            '<math><semantics><mi>x</mi><annotation-xml encoding="text/html"><img src="x" '
            'onerror="alert(1)"></annotation-xml></semantics></math>',
            "<math><semantics><mi>x</mi></semantics></math>",
            "<annotation-xml> and an onerror attribute",
        ),
        (
            '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)"><mi>m</mi>'
            "</maction></math>",
            '<math><maction actiontype="statusline"><mi>m</mi></maction></math>',
            "a xlink:href attribute",
        ),
        (
            "<math><mtext><script>alert(1)</script></mtext></math>",
            "<math><mtext></mtext></math>",
            "<script>",
        ),
    ],
)
def test_the_sanitiser_keeps_mathml_and_nothing_that_runs(html, kept, removed):
    cleaned, report = text.sanitize_and_report(html)
    assert cleaned == (html if kept is None else kept)
    assert report.describe() == removed if removed else not report


MD_POST = (
    "Title: Roots\nDate: 2024-03-02\nAuthor: Ada Byrne\nCategory: Company\n\n"
    "The terms \\( x_1 + y_1 \\) and \\(r\\), then:\n\n\\[ \\frac{n!}{k!} \\]\n\n"
    "A claim \\[citation needed\\], in `\\(code\\)`.\n"
)


def test_latex_in_markdown_is_shown_as_written_with_one_line(build_site, caplog):
    # Markdown's escapes took the backslashes of MathJax's delimiters, its emphasis the
    # underscores: the page showed "( x<em>1 + y</em>1 )", and nothing was said
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/roots.md": MD_POST}, name="md-math")
    body = site.soup("posts/roots/").select_one(".post-content")
    paragraphs = [p.get_text() for p in body.select("p")]
    assert paragraphs == [
        "The terms \\( x_1 + y_1 \\) and \\(r\\), then:",
        "\\[ \\frac{n!}{k!} \\]",
        "A claim [citation needed], in \\(code\\).",  # an escaped bracket, as Markdown has it
    ]
    assert body.select("em") == []
    assert [m for m in caplog.messages if "md-math/" in m] == [
        "md-math/posts/roots.md: line 6: \\( x_1 + y_1 \\) is LaTeX math, which this site does "
        "not typeset (MathJax, the script that render_math or a theme loads for it, is never "
        "loaded here): it is shown as written (and 2 more places in this file); write it in "
        "words, show it as an image (an SVG of the formula), or write the post in "
        "reStructuredText, whose :math: is typeset"
    ]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>\\( x \\)</p>", "\\( x \\) is LaTeX math"),
        ("<p>\\[\nE = mc^2\n\\]</p>", "\\[ E = mc^2 \\] is LaTeX math"),
        ("<p>A claim \\[citation needed\\].</p>", None),  # an escaped bracket
        ("<p><code>\\( x \\)</code></p>", None),
    ],
)
def test_mathjax_delimiters_are_latex(html, expected):
    found = foreign.found(html)
    assert [piece.message[: len(expected)] for piece in found] == ([expected] if expected else [])


DOLLAR_MATH = [
    "$\\mathbf{z}_{1:t-1}$",  # emphasis took the underscores, attr_list {1:t-1}
    "$\\text{sg}[\\tilde{\\mathbf{a}}_{1:t-1}]$",
    "$f'(x), ..., \\hat{z}_t$",  # smarty's quotes and dots
    # [ … ](k - k^\ast) became a link
    "$$\n\\dot{k} \\approx \\left[ \\frac{\\dot{k}}{k} \\right](k - k^\\ast).\n$$",
    "$$\n\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}\n$$",  # \\ became \
    "$A = \\{1, 2, 3\\}$",  # \{ became {
    "$ x_1^2$",  # a space after the opening dollar, before LaTeX: render_math's too
    "$ \\{x_i\\}_{i=1}^N $",  # and on both sides
]
DOLLAR_POST = (
    "Title: Solow\nDate: 2024-09-06\nAuthor: Ada Byrne\nCategory: Company\n\n"
    f"Tokens {DOLLAR_MATH[0]} and actions {DOLLAR_MATH[1]}, then {DOLLAR_MATH[2]}.\n\n"
    f"Near the steady state:\n\n{DOLLAR_MATH[3]}\n\nThe matrix is\n\n{DOLLAR_MATH[4]}\n\n"
    f"and the set is {DOLLAR_MATH[5]}, with {DOLLAR_MATH[6]} and {DOLLAR_MATH[7]} too.\n"
)
PRICES = (
    "Tickets cost $5 and $10, or $5-$10 (US$5); a pass is $ 20 for members_only and $30, "
    "$ 2 for a_1 or $ 3, "
    "*cheap*. Set $HOME/$USER, then $PATH$."
)
PRICES_POST = "Title: Prices\nDate: 2024-09-07\nAuthor: Ada Byrne\nCategory: Company\n\n" + PRICES


def test_render_math_dollars_reach_the_page_as_written(build_site, caplog):
    # Markdown ran over $…$: [a](k) became a link, _{1:t-1} emphasis and attributes (the
    # sentence reordered), \\ a \, \{ a {; in the page, its description and the feed alike,
    # while the line said "shown as written"
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/solow.md": DOLLAR_POST, "posts/prices.md": PRICES_POST}, name="md-$")
    body = site.soup("posts/solow/").select_one(".post-content")
    assert [span.get_text() for span in body.select("span.math")] == DOLLAR_MATH
    kinds = ["inline", "inline", "inline", "display", "display", "inline", "inline", "inline"]
    assert [span["class"] for span in body.select("span.math")] == [["math", k] for k in kinds]
    assert body.select("a, em, [attr], [t-1]") == []
    first = body.select_one("p").get_text()
    assert first == f"Tokens {DOLLAR_MATH[0]} and actions {DOLLAR_MATH[1]}, then {DOLLAR_MATH[2]}."
    description = site.soup("posts/solow/").select_one('meta[name="description"]')["content"]
    assert description.startswith(first)
    feed = ET.fromstring(site.path("feeds/all.atom.xml").read_bytes())
    entry = next(e for e in feed.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == "Solow")
    shown = BeautifulSoup(entry.findtext(f"{ATOM}summary"), "html.parser")
    assert [span.get_text() for span in shown.select("span.math")][:3] == DOLLAR_MATH[:3]
    # prices, a shell's variables: not math, Markdown's as ever
    prices = site.soup("posts/prices/").select_one(".post-content")
    assert prices.select("span.math") == []
    assert prices.select_one("em").get_text() == "cheap"
    assert prices.get_text().strip() == PRICES.replace("*cheap*", "cheap")
    assert [m for m in caplog.messages if "md-$/" in m] == [
        "md-$/posts/solow.md: line 6: $\\mathbf{z}_{1:t-1}$ is LaTeX math, which this site "
        "does not typeset (MathJax, the script that render_math or a theme loads for it, is "
        "never loaded here): it is shown as written (and 7 more places in this file); write it "
        "in words, show it as an image (an SVG of the formula), or write the post in "
        "reStructuredText, whose :math: is typeset"
    ]


@pytest.mark.parametrize(
    ("written", "math"),
    [
        ("\\(r\\)", True),
        ("\\( x_1 + y_1 \\)", True),
        ("\\( x + y \\)", True),  # a formula of letters and operators
        ("\\(f(x)\\)", True),
        ("\\( \\alpha \\)", True),
        ("\\( \\text{speed} = d/t \\)", True),  # words in LaTeX
        ("\\[ \\frac{n!}{k!} \\]", True),
        # Markdown's escaped parentheses and brackets around words, as CommonMark reads them
        ("\\(text editor\\)", False),
        ("\\(opcional\\)", False),
        ('\\(The "Myspace" of LINUX!!!\\)', False),
        ("\\(2\\)", False),  # a number on its own
        # years and ranges between them, as a table of contents escapes a heading's
        # parentheses ("Украинский кризис \(2013—2022\)" was a math span, backslashes shown)
        ("\\(2013—2022\\)", False),
        ("\\(1914–1918\\)", False),
        ("\\(1939-1945\\)", False),
        ("\\(3-2\\)", True),  # a subtraction
        ("\\[citation needed\\]", False),
        ("\\[1\\]", False),
        # links between escaped brackets: the underscores of their addresses are no subscripts
        ("\\[[Henri Becquerel](https://example.org/wiki/Henri_Becquerel) and [P](/x_y)\\]", False),
        ("\\(see [the docs](https://example.org/a_b)\\)", False),
    ],
)
def test_escaped_parentheses_around_words_are_no_math(written, math):
    import re

    from plugins.blogcore import liquid

    match = re.fullmatch(liquid.MATH_RE, written, re.S)
    assert match is not None
    assert liquid.is_math(match) is math


ESCAPED_POST = (
    "Title: Atom\nDate: 2024-03-03\nAuthor: Ada Byrne\nCategory: Company\n\n"
    "- [Wikipedia: Atom \\(text editor\\)](<https://example.org/wiki/Atom_(text_editor)>)\n"
    "- O comando \\(opcional\\) remove tudo.\n\n"
    "They won it for what they did \\[[Marie](https://example.org/wiki/Marie_Curie) and "
    "[Pierre](https://example.org/wiki/Pierre_Curie)\\] together, with \\(r\\) in it.\n"
)


def test_escaped_parentheses_in_prose_reach_the_page_as_parentheses(build_site, caplog):
    # the page, its description and the feed showed "Atom \(text editor\)" in a math span,
    # the links between \[ and \] as their Markdown, and the line said to draw a formula
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/atom.md": ESCAPED_POST}, name="md-escaped")
    page = site.soup("posts/atom/")
    body = page.select_one(".post-content")
    assert [li.get_text() for li in body.select("li")] == [
        "Wikipedia: Atom (text editor)",
        "O comando (opcional) remove tudo.",
    ]
    paragraph = body.select("p")[-1]
    assert [a.get_text() for a in paragraph.select("a")] == ["Marie", "Pierre"]
    assert paragraph.get_text().startswith("They won it for what they did [Marie and Pierre]")
    assert [span.get_text() for span in body.select("span.math")] == ["\\(r\\)"]
    description = page.select_one('meta[name="description"]')["content"]
    assert description.startswith("Wikipedia: Atom (text editor) O comando (opcional)")
    feed = ET.fromstring(site.path("feeds/all.atom.xml").read_bytes())
    entry = next(e for e in feed.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == "Atom")
    assert "(text editor)" in ET.tostring(entry, encoding="unicode")
    assert "\\(text editor\\)" not in ET.tostring(entry, encoding="unicode")
    lines = [m for m in caplog.messages if "md-escaped/" in m]
    assert len(lines) == 1 and lines[0].startswith("md-escaped/posts/atom.md: line 9: \\(r\\) is")


NO_BASE_POST = (
    f"Nitrogen\n########\n\n{HEAD}The file n_2.fits holds it.\n\n"
    "The N\\ :math:`_2`\\ H\\ :math:`^+` line is the worst-behaved; :math:`\\alpha_2` is not.\n"
)


@pytest.mark.parametrize("publish", [False, True])
def test_a_script_with_nothing_before_it_keeps_the_post_and_says_what_to_write(
    build_site, caplog, publish
):
    # docutils' converter failed with an IndexError: "IndexError: child index out of range",
    # no line, no formula, and the post was left out of the build
    caplog.set_level(logging.WARNING)
    name = f"rest-math-no-base-{publish}"
    site = build_site({"posts/nitrogen.rst": NO_BASE_POST}, publish=publish, name=name)
    body = site.soup("posts/nitrogen/").select_one(".post-content")
    assert [c.get_text() for c in body.select("p > code.math")] == ["_2", "^+"]
    assert body.select_one("p > math msub") is not None  # the others typeset
    lines = _lines_of(caplog, name)
    said = SHOWN_AS_WRITTEN
    assert lines == [
        (
            "WARNING",
            f"{name}/posts/nitrogen.rst: line 10: the subscript _2 has nothing before it {said} "
            "(_2); give it an empty group to stand on: {}_2",
        ),
        (
            "WARNING",
            f"{name}/posts/nitrogen.rst: line 10: the superscript ^+ has nothing before it {said} "
            "(^+); give it an empty group to stand on: {}^+",
        ),
    ]


@pytest.mark.parametrize(
    ("latex", "reason", "advice"),
    [
        (
            "_2",
            "the subscript _2 has nothing before it",
            "give it an empty group to stand on: {}_2",
        ),
        (
            "^{+}",
            "the superscript ^{+} has nothing before it",
            "give it an empty group to stand on: {}^{+}",
        ),
        (
            "\\frac{_2}{3}",
            "the subscript _2 has nothing before it",
            "give it an empty group to stand on: {}_2",
        ),
        (
            "a & _2",
            "docutils' MathML converter fails on it (AttributeError)",
            "correct the formula",
        ),
    ],
)
def test_why_a_formula_is_not_written_as_mathml(latex, reason, advice):
    from docutils.utils.math import latex2mathml

    with pytest.raises(Exception) as caught:  # whatever docutils raises
        latex2mathml.tex2mathml(latex)
    assert rst.unwritable(latex, caught.value) == (reason, advice)


@pytest.mark.parametrize(
    "written",
    [
        "$$x$$",
        "$$ x $$",
        "$$  $$",  # space only: no math
        "$$$$",
        "$$ $$x$$",  # the first non-space is the second $$'s first $
        "$$\n\\frac{a}{b}\n$$ and $$y$$",
        "\\( \\)",
        "\\(r\\) and \\( x + y \\)",
        "\\(\\(a\\)\\)",
        "\\[ \\]",
        "\\[\n  a = b\n\\]",
        "\\[citation needed\\] \\[1\\]",
        "Run echo $$ to print the pid, then $$x^2$$.",
        "tabs\t\\(\t\ty\t\\)",
        "unclosed $$ x and \\( y and \\[ z",
        "a \\) b \\] c $$",
    ],
)
def test_math_delimiters_match_as_before(written):
    # "\s*\S.*?" reads what ".*?\S.*?" read: the same matches, groups and ends
    import re

    from plugins.blogcore import liquid

    def found(pattern: str) -> list[tuple]:
        return [(m.span(), m.groupdict()) for m in re.finditer(pattern, written, re.S)]

    assert r".*?\S" not in liquid.MATH_RE
    # MATH_RE as it was: ".*?\S.*?" tried every place for the \S when no delimiter closed
    quadratic = liquid.MATH_RE.replace(r"\s*\S.*?", r".*?\S.*?")
    assert found(liquid.MATH_RE) == found(quadratic)


@pytest.mark.parametrize("opening", ["$$", "\\(", "\\["])
def test_an_unclosed_math_delimiter_in_a_long_paragraph_reads_in_linear_time(opening):
    # one "$$" in a 40 KB pasted paragraph took 51 s to read, 100 KB minutes: the reader's
    # Markdown (MathAsWritten) and the LaTeX line (foreign.found) both tried every place
    import time

    from markdown import Markdown

    from plugins.blogcore import liquid
    from tests.conftest import SITE_MARKDOWN

    filler = "lorem ipsum dolor sit amet, " * 3600  # 100 KB on one line
    md = Markdown(**SITE_MARKDOWN)
    md.registerExtensions([liquid.LiquidExtension()], {})

    def seconds(paragraph: str) -> float:
        best = float("inf")
        for _ in range(3):
            md.reset()
            start = time.process_time()
            foreign.found(md.convert(paragraph))
            best = min(best, time.process_time() - start)
        return best

    plain = seconds(f"Run echo to print the shell pid. {filler}")
    unclosed = seconds(f"Run echo {opening} to print the shell pid. {filler}")
    assert unclosed < 3 * plain  # as long as the paragraph without it, not minutes


@pytest.mark.parametrize(
    ("written", "math"),
    [
        ("It cost $\\$$40,000 and $\\$$5", []),  # escaped dollars: no $$ from the second on
        ("\\\\(a\\\\) and \\\\[b\\\\]", []),  # escaped backslashes
        ("It cost \\$5 and $$x^2$$", ["$$x^2$$"]),
        ("\\(x^2\\) and \\[y_1\\]", ["\\(x^2\\)", "\\[y_1\\]"]),
    ],
)
def test_an_escaped_delimiter_opens_no_math(written, math):
    import re

    from plugins.blogcore import liquid

    found = [m[0] for m in re.finditer(liquid.MATH_RE, written, re.S) if liquid.is_math(m)]
    assert found == math


ESCAPES_POST = (
    "Title: Escapes\nDate: 2024-09-08\nAuthor: Ada Byrne\nCategory: Company\n\n"
    "It cost $\\$$40,000 and $\\$$5 in the end.\n\nA \\\\(b\\\\) here.\n\nThen $x^2$ is math.\n"
)


def test_a_math_line_quotes_what_the_writer_wrote(build_site, caplog):
    # was "line 6: $$40,000 and $\$$ is LaTeX math" (the $$ read from after the backslash),
    # and from the page's text, where Markdown's escapes made "$$$40,000 and $$", with no line
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/escapes.md": ESCAPES_POST}, name="md-escapes")
    assert [m for m in caplog.messages if "md-escapes/" in m] == [
        "md-escapes/posts/escapes.md: line 10: $x^2$ is LaTeX math, which this site does not "
        "typeset (MathJax, the script that render_math or a theme loads for it, is never loaded "
        "here): it is shown as written; write it in words, show it as an image (an SVG of the "
        "formula), or write the post in reStructuredText, whose :math: is typeset"
    ]
    body = site.soup("posts/escapes/").select_one(".post-content")
    assert [span.get_text() for span in body.select("span.math")] == ["$x^2$"]


def _convert(source: str) -> str:
    """The site's Markdown with liquid.py's steps and blogcore's escapes, as the reader has."""
    configs = pelicanconf.MARKDOWN["extension_configs"]
    extensions = [*configs, liquid.LiquidExtension(), foreign.EscapesExtension()]
    md = Markdown(extensions=extensions, extension_configs=configs, output_format="html5")
    return md.convert(source)


ALIGNED = "$$\n\\begin{align}\na &= b \\\\\nc &= d\n\\end{align}\n$$"


@pytest.mark.parametrize(
    "source",
    [
        ALIGNED,  # each \\ was "a line ending with \ is a line break of pandoc's Markdown"
        "\\begin{align}\na &= b \\\\\nc &= d\n\\end{align}",
        "\\[\na = b \\\\\nc = d\n\\]",
        "Then $a \\\\\nb$ and \\(c \\\\\nd\\) inline.",
        "The set $[a]{i=1}$ and $[x]{.y}$.",  # was "a span of pandoc's Markdown"
        "A ring $R[[x]]$ of series.",  # was an Obsidian wiki link, an error in a publish
        "Spaces $a~b~c$ and $a~~b~~c$ and $a^^b^^c$ and $a==b==c$.",  # PyMdown's, GitHub's
        # a formula's & and its spaces next to a rule were a simple table of pandoc's
        "$$\nC &= 0,      & N=0 \\\\\nC &= 1,      & N>0\n$$\n\n---\n\nAfter.",
    ],
)
@pytest.mark.parametrize("listed", [frozenset(), frozenset({"render_math"})])
def test_a_formula_is_said_to_be_math_and_nothing_else(source, listed):
    pieces = foreign.found(_convert(source), listed=listed, source=source)
    assert len(pieces) == 1 and " is LaTeX math, which " in pieces[0].message, pieces
    assert ("render_math plugin (in PLUGINS)" in pieces[0].message) is bool(listed)
    assert foreign.lines_of(pieces, source) == [1]


# wagdav's blog (thewagner.net, 2018-04-30-Coin-exchange): an aligned formula, its \\ at each
# line's end, between code and a raw HTML block that end lines with \ too; one real break
COINS = (
    "Title: Coins\nDate: 2024-03-05\nAuthor: Ada Byrne\nCategory: Company\n\n"
    "We write $C(N,m)$ for the count:\n\n"  # line 6
    f"{ALIGNED}\n\n"  # lines 8-13
    "```\nprintf \\\nx\n```\n\n"  # 15-18: code
    "    indented \\\n    code\n\n"  # 20-21
    "A span `a \\\nb` of code.\n\n"  # 23-24
    "<div>\nraw \\\nhtml\n</div>\n\n"  # 26-29
    "An escaped one \\\\\nis a backslash.\n\n"  # 31-32: \\ is a backslash, pandoc's too
    "Our AGM is on 3 April\\\nat 18:00.\n"  # 34: pandoc's line break
)


def test_a_formula_s_line_ends_get_no_pandoc_advice(build_site, caplog):
    # "line 10: a line ending with \ is a line break of pandoc's Markdown … (and 6 more places
    # in this file); end the line with two spaces instead": following it broke the formula
    caplog.set_level(logging.WARNING)
    name = "md-align"
    site = build_site({"posts/coins.md": COINS}, name=name)
    said = [m.split(": ", 2)[1:] for m in caplog.messages if f"{name}/posts/coins.md" in m]
    assert [(where, m.split(" is ")[0]) for where, m in said] == [
        ("line 6", "$C(N,m)$"),
        ("line 34", "a line ending with \\"),
    ], said
    assert "more place" not in said[1][1]
    body = site.soup("posts/coins/").select_one(".post-content")
    assert [s.get_text() for s in body.select("span.math")][1] == ALIGNED


# an HTML post as exports indent it: each line of its body starts with spaces
P4C_HTML = """<html><head><title>Thinking</title><meta name="date" content="2024-03-06">
<meta name="category" content="Company"><meta name="author" content="Ada Byrne"></head>
<body>
    <p>Our sessions, with <code>`ticks`</code>:</p>
    <ul>
        <li>Philosophy for Children \\(P4C\\), on Mondays</li>
    </ul>
</body></html>
"""


def test_math_in_an_indented_html_post_is_said_with_its_line(build_site, caplog):
    # "posts/thinking.html: \(P4C\) is LaTeX math …" with no line: an HTML file's lines
    # indented four spaces were looked past as Markdown's indented code
    caplog.set_level(logging.WARNING)
    build_site({"posts/thinking.html": P4C_HTML}, name="html-p4c")
    said = [m for m in caplog.messages if "html-p4c/" in m]
    assert [m.split(" is ")[0] for m in said] == [
        "html-p4c/posts/thinking.html: line 6: \\(P4C\\)"
    ], said


@pytest.mark.parametrize(
    ("source", "line"),
    [
        # a list item's paragraph and a nested item, indented four spaces: the item's text,
        # which was looked past as indented code (the line said with no number)
        ("1. First\n\n    We run Philosophy for Children \\(P4C\\) sessions.\n", 3),
        ("- Groups\n    - Philosophy for Children \\(P4C\\)\n", 2),
        # indented code, at the margin and in a list (eight spaces), is still code
        ("Run:\n\n    echo $x^2$\n\nThen $x^2$ here.\n", 5),
        ("- Run:\n\n        echo $x^2$\n\n    Then $x^2$ here.\n", 5),
    ],
)
def test_math_in_a_list_is_said_with_its_line(source, line):
    pieces = foreign.found(_convert(source), source=source)
    assert len(pieces) == 1 and " is LaTeX math" in pieces[0].message
    assert foreign.lines_of(pieces, source) == [line]


# mawenbao's blog (pelican-blog-content): a shell's variables run into Chinese words, jQuery's
# $( … ) in prose; each was "LaTeX math … write it in words", jQuery's at the line of an
# earlier $('#id'). (source, what is said: the line and the math as quoted, or nothing)
@pytest.mark.parametrize(
    ("source", "said"),
    [
        ("把$HOST_NAME, $PORT和$ROOT_DIR换成你自己的值。\n", []),
        ("先改$PORT变量，再把$LOG_DIR改为日志目录。\n", []),
        ("Set $HOME and $PATH, then $USER.\n", []),
        ("Put $HOME/bin:$PATH first, then $HOME/.local/bin:$PATH.\n", []),
        ("- 用$('#menu')取得菜单\n\n其中$(window).width()是宽度，而$(this).width()是它的。\n", []),
        ("The ratio $(window).width()/$(window).height() is the shape.\n", []),
        ("Bind it in $(document).ready() and $(this).hide(); then $(function () {}).\n", []),
        ("装好linux-headers-$(uname -r)，再用$(nproc)个线程编译。\n", []),
        # jQuery and a shell's names before true math: the math, at its own line
        ("用$('#total')显示。\n\n总数是$n^2$，即$(a+b)^2$。\n", [(3, "$n^2$")]),
        ("- $(window).height()是高度\n\n面积为$(a+b)^2$。\n", [(3, "$(a+b)^2$")]),
        ("将$ROOT_DIR改为目录，其中$x_1$是起点。\n", [(1, "$x_1$")]),
        # a name in lower case run into the words ("$foo和$ is LaTeX math"); one letter when
        # the next $ starts a name ($i和$j); $a和b$, its closing $ before no name, is math (MathJax)
        ("把$foo和$bar改为你的值。\n", []),
        ("把$my_dir和$logDir改为目录，再设$x$为整数。\n", [(1, "$x$")]),
        ("循环里$i和$j是下标。\n\n第$n$个数。\n", [(3, "$n$")]),
        ("设$x$和$y$为整数。\n", [(1, "$x$")]),
        ("若$a和b$互质，则$dp[i]$为真。\n", [(1, "$a和b$")]),
        # true math is still math, in Chinese and English
        ("设$x^2 + y^2 = 1$，则$\\alpha$为角，$a_1$为首项。\n", [(1, "$x^2 + y^2 = 1$")]),
        ("When $N$ grows, $O(N)$ and $AB/CD$ and $XY$ too.\n", [(1, "$N$")]),
        ("Let $(x, y)$ be a point and $(n-1)!$ the count.\n", [(1, "$(x, y)$")]),
    ],
)
def test_a_shell_s_variables_and_jquery_are_no_math(source, said):
    pieces = foreign.found(_convert(source), source=source)
    lines = foreign.lines_of(pieces, source)
    shown = [p.message.split(" is LaTeX math")[0] for p in pieces]
    assert list(zip(lines, shown, strict=True)) == said


SHELL_POST = (
    "Title: 网络配置\nSlug: net\nDate: 2024-09-10\nAuthor: Ada Byrne\nCategory: Company\n\n"
    "注意将$IP_ADDR, $NETMASK和$GATEWAY改为你的地址。\n\n"  # line 7
    "- 用$('#list')取得列表\n- $(window).height()是窗口的高度\n\n"  # lines 9-10
    "Set $HOME/bin:$PATH first.\n\n"  # line 12
    "滚动的长度是`$(document).height() - $(window).height()`，其中$(document).height()是"
    "页面的高度，而$(window).height()是窗口的高度。\n\n"  # line 14
    "所以面积是$\\pi r^2$。\n\n"  # line 16
    "编码后，1~127占一个字节，128~2047占两个字节。\n\n"  # line 18: ranges, no subscript
    "把$my_dir和$log_dir改为你的目录，旺季是3月~5月和7月~9月。\n"  # line 20: neither
)


def test_shell_variables_jquery_and_ranges_in_prose_get_no_math_or_subscript_line(
    build_site, caplog
):
    # "line 18: ~127占一个字节，128~ is PyMdown's subscript … write <sub>…</sub>",
    # "line 7: $NETMASK和$ is LaTeX math … write it in words" (a math span in the page), and
    # jQuery's "$(document).height()是页面的高度，而$ is LaTeX math" said at line 9's $('#list');
    # "line 20: $my_dir和$ is LaTeX math", "~5月和7月~ is PyMdown's subscript"
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/net.md": SHELL_POST}, name="md-shell-jquery")
    body = site.soup("posts/net/").select_one(".post-content")
    assert [span.get_text() for span in body.select("span.math")] == ["$\\pi r^2$"]
    assert body.select("p")[0].get_text() == "注意将$IP_ADDR, $NETMASK和$GATEWAY改为你的地址。"
    last = "把$my_dir和$log_dir改为你的目录，旺季是3月~5月和7月~9月。"
    assert body.select("p")[-1].get_text() == last
    # each line at a place in the post (not the one on its language, Chinese in an en site)
    assert [m for m in caplog.messages if "md-shell-jquery/posts/net.md: line " in m] == [
        "md-shell-jquery/posts/net.md: line 16: $\\pi r^2$ is LaTeX math, which this site does "
        "not typeset (MathJax, the script that render_math or a theme loads for it, is never "
        "loaded here): it is shown as written; write it in words, show it as an image (an SVG "
        "of the formula), or write the post in reStructuredText, whose :math: is typeset"
    ]
