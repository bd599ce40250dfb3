"""blogcore's shared Pygments formatters write exactly what CodeHilite's own write."""

import pytest
from markdown import Markdown
from pygments.formatters.html import HtmlFormatter

from plugins.blogcore import codeblocks
from tests.conftest import SITE_MARKDOWN, markdown_files

BLOCKS = [
    "```python\nprint('hi')\n```",
    "```python\nprint('one')\n```\n\nText.\n\n```python\nprint('two')\n```",
    "```yaml\nkey: value\n```\n\n```bash\necho $HOME\n```\n\n```python\nx = 1\n```",
    "```no-such-language\nwhatever\n```",
    "```\nno language at all\n```",
    "    indented = 'code'\n    block = True",
    "    :::python\n    shebang_style = 1",
    '```python hl_lines="1 3"\na = 1\nb = 2\nc = 3\n```',
    '```{.python .extra-class linenums="1"}\nnumbered = True\n```',
    '```python\nfirst = 1\n```\n\n```python hl_lines="2"\none = 1\ntwo = 2\n```',
]


def _convert(text: str, conf: dict, shared: bool) -> str:
    md = Markdown(**conf)
    return (codeblocks.share_formatters(md) if shared else md).convert(text)


@pytest.mark.parametrize("text", BLOCKS)
def test_shared_formatters_write_what_codehilite_writes(text: str):
    assert _convert(text, SITE_MARKDOWN, shared=True) == _convert(text, SITE_MARKDOWN, shared=False)


@pytest.mark.parametrize(
    "configs",
    [
        {"markdown.extensions.codehilite": {"linenums": True, "css_class": "code"}},
        {"markdown.extensions.codehilite": {"pygments_style": "monokai", "noclasses": True}},
        {"markdown.extensions.codehilite": {"pygments_formatter": "no-such-formatter"}},
        {"markdown.extensions.codehilite": {}, "markdown.extensions.fenced_code": {}},
    ],
)
def test_other_codehilite_settings_write_the_same(configs: dict):
    conf = {"extension_configs": configs, "extensions": [*configs, "fenced_code"]}
    for text in BLOCKS:
        assert _convert(text, conf, shared=True) == _convert(text, conf, shared=False), text


def test_one_formatter_serves_every_block_with_the_same_options():
    make = codeblocks.shared_formatters("html")
    first = make(lang_str="language-python", cssclass="highlight", style="default")
    again = make(lang_str="language-yaml", style="default", cssclass="highlight")
    other = make(lang_str="language-python", cssclass="code", style="default")
    assert isinstance(first, HtmlFormatter)
    assert first is again
    assert other is not first and other.cssclass == "code"


def test_unhashable_options_get_a_formatter_of_their_own():
    make = codeblocks.shared_formatters("html")
    one = make(hl_lines=[1, 2])
    two = make(hl_lines=[1, 2])
    assert one is not two and one.hl_lines == {1, 2}


def test_a_formatter_class_given_by_the_site_is_left_alone():
    class Marked(HtmlFormatter):
        def __init__(self, lang_str: str = "", **options):
            super().__init__(**options)
            self.cssclass = f"marked {lang_str}"

    configs = {"markdown.extensions.codehilite": {"pygments_formatter": Marked}}
    md = codeblocks.share_formatters(
        Markdown(extensions=[*configs, "fenced_code"], extension_configs=configs)
    )
    html = md.convert("```python\nx = 1\n```")
    assert 'class="marked language-python"' in html


def test_every_sample_and_fixture_file_converts_the_same():
    files = markdown_files()
    with_code = [path for path in files if "```" in path.read_text(encoding="utf-8")]
    assert with_code
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert _convert(text, SITE_MARKDOWN, shared=True) == _convert(
            text, SITE_MARKDOWN, shared=False
        ), path


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("No code.\n", []),
        ("```python\nx = 1\n```\n", []),
        ("```pyhton\nx = 1\n```\n", [(1, "pyhton", "python")]),  # shown without colours
        ("Text.\n\n~~~ {.klingon}\nx\n~~~\n", [(3, "klingon", None)]),
        ("```text\nas it is\n```\n```plaintext\nas it is\n```\n", []),  # plain on purpose
        ("````markdown\n```pyhton\n```\n````\n", []),  # a fence inside a longer fence: text
        ("```\nplain\n```\n```yml\na: 1\n```\n", [(4, "yml", "yaml")]),
    ],
)
def test_unknown_languages(source, expected):
    assert codeblocks.unknown_languages(source) == expected
