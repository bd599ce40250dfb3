"""blogcore's quicker inline steps write exactly what Markdown's own write."""

import re

import pytest
from markdown import Markdown
from markdown.inlinepatterns import SimpleTagInlineProcessor

from plugins.blogcore import inline
from tests.conftest import SITE_MARKDOWN, markdown_files

TEXTS = [
    "Plain words with no pattern to match at all",
    "It's the team's \"best\" release -- so far --- really...",
    "'Quoted' and \"double\" at the start, and 'tis the '90s",
    "A list:\n\n- 'one'\n- \"two\" -- three\n- four...\n",
    "`code with 'quotes' -- untouched` and *emphasis 'inside'*",
    "``double `tick` code`` and \\`not code\\` and \\\\`code after an escaped slash`",
    "[a link's \"title\"](https://example.com/a--b \"It's\") and ![alt 'x'](/p.png)",
    "[ref][r] and [r] and ![img][r] and ![r]\n\n[r]: https://example.com/r\n",
    "<https://example.com/auto> and <someone@example.com> and <not a link>",
    "<<angled>> and a -- dash inside <span title=\"x\">html 'y'</span>",
    "Line one with a break  \nline two; a lone space \nno break",
    "&copy; &#169; &#xA9; & bare &amp and &nbsp;\"entity\" then &mdash;'dash'",
    "***both*** **strong *nested em* strong** _under_ __score__ snake_case_word * lone",
    'Footnote[^1] and an abbreviation HTML.\n\n[^1]: It\'s "here"...\n\n*[HTML]: Hyper Text\n',
    "| a | b |\n| --- | --- |\n| 'c' | \"d\" -- e |\n",
    "```python\nprint('hi' -- \"x\")\n```\n\nAfter the fence: 'done'.",
    "Four dots.... and two..  and a lone - dash",
    "Term\n:   Definition with *em* and `code`\n",
    "# Heading with 'quotes' and `code` {: #custom-id }\n\nText.",
    "A\u00a0'non-breaking' space and \\*escaped stars\\* and \\[not a link\\]",
]


def _both(text: str) -> tuple[str, str]:
    plain = Markdown(**SITE_MARKDOWN).convert(text)
    quick = inline.quicken(Markdown(**SITE_MARKDOWN)).convert(text)
    return plain, quick


@pytest.mark.parametrize("text", TEXTS)
def test_quick_inline_writes_what_markdown_writes(text: str):
    plain, quick = _both(text)
    assert quick == plain


def test_every_sample_and_fixture_file_converts_the_same():
    files = markdown_files()
    assert len(files) > 10
    for path in files:
        plain, quick = _both(path.read_text(encoding="utf-8"))
        assert quick == plain, path


def test_a_reused_converter_stays_the_same():
    plain = Markdown(**SITE_MARKDOWN)
    quick = inline.quicken(Markdown(**SITE_MARKDOWN))
    for text in TEXTS + TEXTS[::-1]:
        assert quick.reset().convert(text) == plain.reset().convert(text), text


def _count_tries(md: Markdown, monkeypatch) -> list[str]:
    """Names of the patterns the converter's inline steps try, in order."""
    tried: list[str] = []
    for step in md.treeprocessors:
        if isinstance(step, inline.QuickInline):
            original = step._InlineProcessor__applyPattern

            def counted(pattern, *args, original=original):
                tried.append(type(pattern).__name__)
                return original(pattern, *args)

            monkeypatch.setattr(step, "_InlineProcessor__applyPattern", counted)
    return tried


def test_text_without_what_a_pattern_needs_skips_it(monkeypatch):
    md = inline.quicken(Markdown(**SITE_MARKDOWN))
    steps = [step for step in md.treeprocessors if isinstance(step, inline.QuickInline)]
    assert len(steps) == 2  # Markdown's own and smarty's
    tried = _count_tries(md, monkeypatch)
    md.convert("Nothing here for any pattern")
    assert tried == []
    md.reset().convert("A [link](https://example.com) here")
    assert "LinkInlineProcessor" in tried
    assert "BacktickInlineProcessor" not in tried
    assert "SubstituteTextPattern" not in tried


def test_patterns_registered_later_are_worked_out_again():
    md = inline.quicken(Markdown(**SITE_MARKDOWN))
    assert "~~" in md.convert("~~kept~~")
    md.inlinePatterns.register(SimpleTagInlineProcessor(r"()~~(.+?)~~", "del"), "del", 65)
    assert "<del>gone</del>" in md.reset().convert("~~gone~~")


@pytest.mark.parametrize(
    ("regex", "expected"),
    [
        (r"\*|_", ("*", "_")),
        (r"(?<!\!)\[", "["),
        (r"\!\[", "!["),
        (r"  \n", "  \n"),
        (r"(?<!-)--(?!-)", "--"),
        (r"\.{3}", "..."),
        (r"a*b", "b"),
        (r"x?", None),
        (r"\w+", None),
        (r"[^ab]", None),
        (r"[ab]c*", ("a", "b")),
        (r"(?:ab|c)d", "d"),
        (r"(?:ab|\s)", None),
        (r"(x|yz)+", ("x", "yz")),
        (r"(?i)abc", None),
        (r"(?i:abc)", None),
        (r"^(.*?)'(?=\d{2}s)(.*)$", "'"),
        (r"<([A-Za-z][A-Za-z0-9+.-]*://[^<>]*)>", "://"),
    ],
)
def test_needs_table(regex: str, expected):
    found = inline.needs(re.compile(regex, re.DOTALL))
    if isinstance(expected, str):
        expected = {expected}
    assert found == (None if expected is None else frozenset(expected))


def test_a_pattern_with_unknown_needs_is_always_tried(monkeypatch):
    md = inline.quicken(Markdown(**SITE_MARKDOWN))
    md.inlinePatterns.register(SimpleTagInlineProcessor(r"()\b(\d+)\b", "mark"), "mark", 65)
    tried = _count_tries(md, monkeypatch)
    assert "<mark>42</mark>" in md.convert("Plain 42 text")
    assert "SimpleTagInlineProcessor" in tried
    tried.clear()
    md.reset().convert("Plain text")
    assert tried == ["SimpleTagInlineProcessor"]


def test_a_converter_without_inline_steps_is_left_alone():
    md = Markdown()
    md.treeprocessors.deregister("inline")
    assert inline.quicken(md) is md
    assert not any(isinstance(step, inline.QuickInline) for step in md.treeprocessors)
