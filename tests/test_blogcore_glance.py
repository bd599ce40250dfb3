"""The quick looks before a check reads a post (glance.py): the same answer as looking for
every mark as it is, on text with the thing and without, at the start and the end, in code,
in other cases."""

import re
from pathlib import Path

import pytest

from plugins.blogcore import attributes, embeds, foreign, frontmatter, glance, text

ROOT = Path(__file__).resolve().parent.parent

# texts with and without the marks the checks look for: at the start, at the end, alone, in
# code, in capitals, a gate character without its mark, none of the rare characters at all
TEXTS = [
    "",
    "plain words, nothing to see",
    "{% youtube abc %}",
    "text ending in {%",
    "{ a brace alone } and [ a bracket ]",
    "<pre><code>{% raw %}{{ page.title }}{% endraw %}</code></pre>",
    "<p>- [ ] a task</p>",
    "<p>- [X] done</p>",
    "<p>- [x] done</p>",
    "[[a wiki link]]",
    "> [!note] a callout",
    "[ref]a footnote[/ref]",
    "~~struck~~",
    "~ a tilde",
    "price: $5 and $6",
    "$$x^2$$",
    "$5",
    "\\begin{align}x\\end{align}",
    "\\(x\\) and \\[y\\]",
    "a backslash \\ alone",
    "???",
    "?? two only",
    "a == b",
    "a = b",
    "x^^2^^",
    "x^2",
    ":smile:",
    "https://example.org: a link: not a shortcode",
    ":Smile: in capitals",
    "<IFRAME src=x></IFRAME>",
    "<iframe src=x></iframe>",
    "<Script>x</Script>",
    "<img src='data:image/png;base64,AAAA'>",
    '<b id="docs-internal-guid-123">',
    "** bold with spaces **",
    "*one star*",
    "+- a table border",
    "+= more",
    "+ plus alone",
    "]{.class}",
    "]{",
    "::: fenced div",
    ":: two colons",
    "line end \\\nnext",
    "<hr>",
    "<HR>",
    "déjà vu — {% unicode %} “quoted” 思考",
    "思考，生活",
]


def plain_in(text: str, marks: tuple[str, ...]) -> bool:
    """Every mark looked for as it is: what Marks.in_text must say."""
    return any(mark in text for mark in marks)


@pytest.mark.parametrize(
    ("mark", "expected"),
    [
        ("{%", "{"),
        ("[ref]", "["),
        ("]{", "{"),  # the rarer of the two
        ("\\\n", "\\"),
        ("data:", None),  # no rare character: looked for as it is
        ("<hr", None),
        ("", None),
    ],
)
def test_gate_is_the_rarest_character(mark, expected):
    assert glance.gate(mark) == expected


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(
    "marks",
    [
        ("{%", "{!", "[ref]", "~~", "[ ]", "[x]", "[X]", "[[", "[!"),
        ("data:", "docs-internal-guid", "**", "+-", "+=", "]{", ":::", "\\\n", "<hr"),
        ("???", "==", "~", "^^"),
        ("", "x"),  # an empty mark is in every text
    ],
)
def test_marks_say_what_looking_for_each_says(text, marks):
    assert glance.Marks(marks).in_text(text) == plain_in(text, marks)


MATH = re.compile(r"\$[^$]+\$|\$\$|\\begin\{|\\\(|\\\[")


@pytest.mark.parametrize("text", TEXTS)
def test_pattern_says_what_its_search_says(text):
    gated = glance.Pattern(MATH, ("$", "\\"))
    assert (gated.search(text) is None) == (MATH.search(text) is None)
    if gated.search(text):
        assert gated.search(text)[0] == MATH.search(text)[0]


def old_quick_look(html: str) -> bool:
    """foreign.found's quick look as it was written before glance.py (the reference)."""
    pymdown = re.compile(r"\?\?\?|==|~|\^\^|:[a-z0-9_+-]+:")
    pasted = ("data:", "docs-internal-guid", "**", "+-", "+=", "]{", ":::", "\\\n", "<hr")
    return bool(
        any(
            mark in html
            for mark in ("{%", "{!", "[ref]", "~~", "[ ]", "[x]", "[X]", "[[", "[!", "](")
        )
        or MATH.search(html)
        or embeds.may_have(html.lower())
        or pymdown.search(html)
        or any(mark in html for mark in pasted)
        or re.search(
            r"\[(?:contact-form|gallery|caption|embed|audio|video|playlist|youtube|"
            r"vimeo|soundcloud|slideshare|googlemaps|tweet)[\s\]/]",
            html,
        )
    )


def sample_texts() -> list[str]:
    """The sample site's and the test fixtures' Markdown files: real posts, marks and all."""
    files = [*ROOT.glob("content/**/*.md"), *ROOT.glob("tests/fixtures/**/*.md")]
    return [path.read_text(encoding="utf-8", errors="replace") for path in sorted(files)]


@pytest.mark.parametrize("text", TEXTS)
def test_foreign_quick_look_is_the_old_one(text):
    assert foreign.may_hold(text) == old_quick_look(text)


def test_foreign_quick_look_is_the_old_one_on_every_sample_file():
    texts = sample_texts()
    assert len(texts) > 20
    assert [foreign.may_hold(t) for t in texts] == [old_quick_look(t) for t in texts]
    assert any(foreign.may_hold(t) for t in texts) and not all(foreign.may_hold(t) for t in texts)


# keep-out lines (frontmatter.keep_out_lines): its quick look never hides one the careful
# look finds; the text from index 1 (the line below a Title), so the first line read counts
KEEP_OUT = [
    "Title: x\nplain text\nmore",
    "Title: x\nStatus: draft",  # the file's last line, no line break after it
    "Title: x\nStatus: draft\n",
    "Title: x\n\ntext\n\nStatus: draft\nmore",
    "Title: x\n\nSTATUS: DRAFT",
    "Title: x\n\nstatus:draft",
    "Title: x\n\nStatus : draft",
    "Title: x\n\nStatus\t: draft",
    "Title: x\n\n   Status: draft",  # indented under four spaces: text
    "Title: x\n\n    Status: draft",  # four spaces: code
    "Title: x\n\n\tStatus: draft",
    "Title: x\n\n\u200bStatus: draft",
    "Title: x\n\nStatus\uff1adraft",  # a full-width colon
    "Title: x\n\nStatus: published",
    "Title: x\n\nStatus: unpublished",
    "Title: x\n\n```\nStatus: draft\n```\n",  # in code
    "Title: x\n\n~~~yaml\nDraft: true\n~~~",
    "Title: x\n\n- item\n\n    ```\n    Private: true\n    ```\n",
    "Title: x\n\nDraft: true",
    "Title: x\n\ndraft: TRUE",
    "Title: x\n\nDraft: maybe",
    "Title: x\n\nPublished: false",
    "Title: x\n\nPublish: false",
    "Title: x\n\nUnlisted: true",
    "Title: x\n\nListed: false",
    "Title: x\n\nSecret: the trick is salt",  # prose
    "Title: x\n\nSecret: yes",
    "Title: x\n\nWIP: 1",
    "Title: x\n\neleventyExcludeFromCollections: true",
    "Title: x\n\nThe status: draft, said in a sentence",
    "Title: x\n\nA draft: true story",
    "Title: x\n\nStatus draft",
    "Title: x\n\n> Status: draft",
    "Title: x\n\nText\nStatus: draft",  # right below a paragraph's line
    "Title: x\n\nſtatus: draft",  # not a Latin s: no key
]


@pytest.mark.parametrize("text", KEEP_OUT)
def test_keep_out_lines_quick_look_hides_nothing(text):
    lines = text.split("\n")
    assert frontmatter.keep_out_lines(lines, 1) == frontmatter.careful_keep_out_lines(lines, 1)


def test_keep_out_lines_finds_what_it_found():
    lines = ["Title: x", "", "```", "Status: draft", "```", "Draft: true", ""]
    assert frontmatter.keep_out_lines(lines, 1) == [("Draft: true", "draft", "true", 6)]
    assert frontmatter.keep_out_lines(["Title: x", "", "Status: draft"], 1)
    assert not frontmatter.keep_out_lines(["Title: x", "", "A draft: true story"], 1)


def test_keep_out_lines_quick_look_on_every_sample_file():
    for written in sample_texts():
        lines = written.split("\n")
        for start in (0, 1):
            careful = frontmatter.careful_keep_out_lines(lines, start)
            assert frontmatter.keep_out_lines(lines, start) == careful


# the sanitiser's quick looks (text.py, attributes.py): each the same as looking for every name
ID_TEXTS = [
    "",
    "<p>no ids</p>",
    '<h2 id="comments">Comments</h2>',
    '<h2 id="comments-2">x</h2>',
    '<h2 id="intro">x</h2><h3 id="main">y</h3>',
    '<p data-id="main">x</p>',
    '<p>id="main" written in text</p>',
    '<p>id="main',  # never closed
    'id="id="main"',
    '<h2 id="Main">capitals</h2>',
    '<h2 id="">empty</h2><h2 id="comments">x</h2>',
]


@pytest.mark.parametrize("html", ID_TEXTS)
def test_has_id_is_looking_for_each_name(html):
    names = text.PAGE_IDS
    assert text.has_id(html, names) == any(f'id="{name}"' in html for name in names)


ATTRIBUTE_TEXTS = [
    "",
    "<p>plain</p>",
    '<td colspan="2">x</td>',
    '<td colspan = "2">x</td>',
    "<td COLSPAN=2>x</td>".lower(),
    '<ol start="3"><li>x</li></ol>',
    '<img width="10" src="a.png">',
    '<p class="lang">x</p>',
    "<p>height=</p>",
    "height=",
    "=height",
    '<a href="https://example.org/a b">x</a>',
    '<a href="https://example.org/">x</a>',
    '<p>a == b</p><p data-start="1">x</p>',
]


@pytest.mark.parametrize("html", ATTRIBUTE_TEXTS)
def test_may_change_is_looking_for_each_name(html):
    names = attributes._WHAT
    by_name = any(f"{name}=" in html for name in names)
    urls = attributes._URL_VALUE.findall(html)
    by_url = any(attributes.url(v) != v.strip() for found in urls for v in found if v)
    assert attributes.may_change(html) == (by_name or by_url)


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<p>x</p>",
        "<tt>code</tt>",
        "<strike>x</strike>",
        "<acronym>x</acronym>",
        "<center>x</center>",
        "<time>x</time>",
        "<timeline>x</timeline>",  # begins as <time: looked at, as before
        "<ttt>",
        "<p>&lt;center&gt;</p>",
        "<CENTER>x</CENTER>".lower(),
    ],
)
def test_outdated_quick_look_is_looking_for_each_name(html):
    names = (*text.OBSOLETE, "time")
    plain = any(f"<{name}" in html for name in names)
    assert (text._OUTDATED_QUICK.search(html) is not None) == plain
