"""blogcore's quicker smarty step writes exactly what Markdown's own writes."""

from pathlib import Path

import pytest
from markdown import Markdown

from pelicanconf import MARKDOWN
from plugins.blogcore import smarty

ROOT = Path(__file__).resolve().parent.parent
CONF = {**MARKDOWN, "extensions": list(MARKDOWN["extension_configs"])}

TEXTS = [
    "Plain words with no trigger at all",
    "It's the team's \"best\" release -- so far --- really...",
    "'Quoted' and \"double\" at the start, and 'tis the '90s",
    "A list:\n\n- 'one'\n- \"two\" -- three\n- four...\n",
    "`code with 'quotes' -- untouched` and *emphasis 'inside'*",
    "[a link's \"title\"](https://example.com/a--b \"It's\") and ![alt 'x'](/p.png)",
    "<<angled>> and a -- dash inside <span title=\"x\">html 'y'</span>",
    'Footnote[^1] and an abbreviation.\n\n[^1]: It\'s "here"...\n',
    "| a | b |\n| --- | --- |\n| 'c' | \"d\" -- e |\n",
    "```python\nprint('hi' -- \"x\")\n```\n\nAfter the fence: 'done'.",
    "Four dots.... and two..  and a lone - dash",
    "&nbsp;\"entity\" then &mdash;'dash' and a\u00a0'non-breaking'",
]


def _both(text: str) -> tuple[str, str]:
    plain = Markdown(**CONF).convert(text)
    quick = smarty.quicken(Markdown(**CONF)).convert(text)
    return plain, quick


@pytest.mark.parametrize("text", TEXTS)
def test_quick_smarty_writes_what_markdown_writes(text: str):
    plain, quick = _both(text)
    assert quick == plain


def test_every_sample_post_converts_the_same():
    files = sorted((ROOT / "content").rglob("*.md"))
    assert len(files) > 10
    for path in files:
        plain, quick = _both(path.read_text(encoding="utf-8"))
        assert quick == plain, path


def test_text_without_a_trigger_skips_the_patterns(monkeypatch):
    md = smarty.quicken(Markdown(**CONF))
    step = md.treeprocessors["smarty"]
    assert type(step) is smarty.QuickSmarty
    tried = []
    for pattern in step.inlinePatterns:
        original = pattern.getCompiledRegExp

        def counted(original=original):
            tried.append(1)
            return original()

        monkeypatch.setattr(pattern, "getCompiledRegExp", counted)
    md.convert("Nothing here for smarty to change")
    assert tried == []
    md.reset().convert("Here's one")
    assert tried


@pytest.mark.parametrize(
    ("text", "triggers"),
    [
        ("plain", False),
        ("it's", True),
        ('say "x"', True),
        ("a -- b", True),
        ("a - b", False),
        ("wait...", True),
        ("two..", False),
        ("<<x>>", True),
        ("a < b > c", False),
    ],
)
def test_trigger_table(text: str, triggers: bool):
    assert (smarty.TRIGGER.search(text) is not None) is triggers


def test_a_converter_without_smarty_is_left_alone():
    md = Markdown(extensions=["markdown.extensions.toc"])
    assert smarty.quicken(md) is md
    assert "smarty" not in md.treeprocessors
