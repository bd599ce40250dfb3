"""blogcore's shared Pygments formatters write exactly what CodeHilite's own write."""

import logging

import pytest
from bs4 import BeautifulSoup
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
        # highlight.js's "leave it plain", as an adopted blog wrote it 20 times in one post
        ("```no-highlight\nas it is\n```\n```nohighlight\nas it is\n```\n", []),
        ("````markdown\n```pyhton\n```\n````\n", []),  # a fence inside a longer fence: text
        ("```\nplain\n```\n```yml\na: 1\n```\n", [(4, "yml", "yaml")]),
        # in a blockquote (any depth, in a list item): as at the margin
        ("> Run:\n> ```pyhton\n> x\n> ```\n", [(2, "pyhton", "python")]),
        ("- a\n  > > ~~~ {.klingon}\n  > > x\n  > > ~~~\n", [(2, "klingon", None)]),
        ("> ```python\n> x\n> ```\n", []),
    ],
)
def test_unknown_languages(source, expected):
    assert codeblocks.unknown_languages(source) == expected


def _nested(text: str) -> BeautifulSoup:
    """The site's Markdown with the reader's NestedFences, parsed."""
    conf = {**SITE_MARKDOWN, "extensions": [*SITE_MARKDOWN["extensions"]]}
    conf["extensions"].append(codeblocks.NestedFencesExtension())
    return BeautifulSoup(codeblocks.share_formatters(Markdown(**conf)).convert(text), "html.parser")


SHELL = "rsync -a -- --dry-run \"$SRC\" 'dest'"


@pytest.mark.parametrize(
    ("text", "items"),
    [
        # GitHub's: under the item's text, no blank line (the probe's 0ink.net posts)
        (f"- Log in:\n  ```bash\n  {SHELL}\n  ```\n- Next", 2),
        # a blank line before, the item's text at 3 (an ordered list), the fence one more
        (f"1. Run:\n\n    ```sh\n    {SHELL}\n    ```\n2. Then", 2),
        (f"1. Run:\n\n   ```sh\n   {SHELL}\n   ```\n\n2. Then", 2),
        # tildes, a longer closing fence, a blank line inside the code
        (f"* Run:\n  ~~~sh\n  {SHELL}\n  ~~~~\n* Then", 2),
        # a nested item
        (f"- One\n    - Run:\n\n      ```sh\n      {SHELL}\n      ```\n- Two", 3),
        # {attributes} as at the margin
        (f"- Run:\n  ```{{.sh}}\n  {SHELL}\n  ```", 1),
    ],
)
def test_a_fenced_block_in_a_list_item_is_code_in_that_item(text: str, items: int):
    soup = _nested(text)
    assert len(soup.select("li")) == items
    (pre,) = soup.select("li div.highlight pre")
    assert pre.get_text() == SHELL + "\n"  # as written: no dashes or curly quotes
    assert "```" not in soup.get_text() and "~~~" not in soup.get_text()


def test_blank_lines_in_a_nested_block_are_kept_and_the_list_goes_on():
    soup = _nested("1. Run:\n   ```sh\n   a\n\n     b\n   ```\n2. Then")
    assert soup.select_one("ol li div.highlight pre").get_text() == "a\n\n  b\n"
    assert [li.get_text().split()[0] for li in soup.select("ol > li")] == ["Run:", "Then"]


def test_a_fence_indented_one_to_three_spaces_is_code():
    soup = _nested(f"Text.\n\n  ```sh\n  {SHELL}\n  ```\n")
    assert soup.select_one("div.highlight pre").get_text() == SHELL + "\n"
    # right under a paragraph, and above one: a block between the two, as at the margin
    soup = _nested(f"Text.\n  ```sh\n  {SHELL}\n  ```\nMore.")
    assert soup.select_one("div.highlight").find_parent("p") is None
    assert [p.get_text() for p in soup.select("p")] == ["Text.", "More."]


@pytest.mark.parametrize(
    "text",
    [
        "Show a fence:\n\n    ```sh\n    x -- y\n    ```\n",  # indented code showing a fence
        "```markdown\n- item\n  ```sh\n  x\n  ```\n```\n",  # a list shown in a fenced block
        "- Run:\n  ```sh\n  x -- y\n",  # never closed: left as written (and named)
    ],
)
def test_what_is_not_a_nested_fence_converts_as_before(text: str):
    md = Markdown(**SITE_MARKDOWN)
    assert _nested(text) == BeautifulSoup(md.convert(text), "html.parser")


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["- a", "  ```", "  x", "  ```"], [codeblocks.Nested(1, 3, 2, 4)]),
        (["```", "- a", "  ```", "```"], []),
        (["- a", "", "b", "    ```", "    x", "    ```"], []),  # the list ended: indented code
        (["- a", "  ```", "  x", "b"], [codeblocks.Nested(1, None, 2, 4)]),  # b ends the item
        ([" ```", " x", " ```"], [codeblocks.Nested(0, 2, 1, 0)]),
        (["- a", "  ```x```"], []),  # code in backticks
        # in a blockquote: at its margin too, the quote's end ends the block
        (["> ```", "> x", ">```"], [codeblocks.Nested(0, 2, 0, 0, "> ", (False,))]),
        (["> ```", "> x", "```"], [codeblocks.Nested(0, None, 0, 0, "> ", (False,))]),
        (["> > ```", "> > x", "> > ```"], [codeblocks.Nested(0, 2, 0, 0, "> > ", (False,) * 2)]),
        (["1. a", "   >   ```", "   > ```"], [codeblocks.Nested(1, 2, 2, 0, "   > ", (True,))]),
        (["> - a", ">   ```", ">   ```"], [codeblocks.Nested(1, 2, 2, 4, "> ", (False,))]),
        (["```", "> ```", "> ```", "```"], []),  # a quote shown in a fenced block
        (["    > ```", "    > x", "    > ```"], []),  # a quote shown as indented code
        ([">     ```", ">     x", ">     ```"], []),  # indented code in a quote
    ],
)
def test_nested_fences(lines: list[str], expected: list):
    assert codeblocks.nested_fences(lines) == expected


def test_unmade_fences_are_named_with_their_line():
    assert codeblocks.unmade_fences("- Run:\n  ```sh\n  x\n") == [
        (
            2,
            "this code block is never closed, so it is shown as text; end it with ``` on a "
            "line of its own, indented as the opening one",
        )
    ]
    assert codeblocks.unmade_fences("- Run:\n  ```sh title\n  x\n  ```\n")[0][0] == 2
    assert codeblocks.unmade_fences("- Run:\n  ```sh\n  x\n  ```\n") == []
    # at the margin: never closed, the fence and the code are text (was no line)
    assert codeblocks.unmade_fences("Run:\n\n```sh\nx\n\nMore.\n") == [
        (
            3,
            "this code block is never closed, so it is shown as text; end it with ``` on a "
            "line of its own",
        )
    ]
    assert codeblocks.unmade_fences("~~~\n```sh\n~~~\n````\nx\n````\n") == []
    assert codeblocks.unmade_fences("Say ```x``` here.\n") == []  # code in backticks
    # the line meant to close a quote's block is not named again
    assert [n for n, _ in codeblocks.unmade_fences("> Run:\n> ```sh\n> x\n```\n")] == [2]


QUOTED = [
    # GitHub's, as in the READMEs writers copy from: a blank quoted line around the block
    f"> Run this:\n>\n> ```sh\n> {SHELL}\n> ```\n>\n> Then.",
    # no blank lines, no space after the marker, tildes and a longer closing fence
    f"> Run this:\n> ```sh\n> {SHELL}\n> ```\n> Then.",
    f">```sh\n>{SHELL}\n>```",
    f"> ~~~sh\n> {SHELL}\n> ~~~~",
    f"> ```{{.sh}}\n> {SHELL}\n> ```",
    f">   ```sh\n>   {SHELL}\n>   ```",  # the fence indented in the quote
    f"> Run this:\n> ```sh\n> {SHELL}\n> ```\n>",  # a blank quoted line ends the quote
    f"> Run this\nfrom the top:\n> ```sh\n> {SHELL}\n> ```",  # a line without the marker
]
# (text, blockquotes and list items the block is in)
QUOTED_DEEPER = [
    (f"> > ```sh\n> > {SHELL}\n> > ```", 2, 0),
    (f"> > ```sh\n> > {SHELL}\n> > ```\n>\n\nAfter.", 2, 0),
    (f"> Said:\n>\n> > ```sh\n> > {SHELL}\n> > ```\n>\n> Then.", 2, 0),
    (f"1. Step\n   > ```sh\n   > {SHELL}\n   > ```\n2. Next", 1, 1),
    (f"1. Step\n\n    > ```sh\n    > {SHELL}\n    > ```\n\n2. Next", 1, 1),
    (f"> - Run:\n>   ```sh\n>   {SHELL}\n>   ```\n> - Next", 1, 1),
    (f"> 1. Step\n>    > ```sh\n>    > {SHELL}\n>    > ```\n> 2. Next", 2, 1),
    (f"- One\n  > - Two\n  >   > > ```sh\n  >   > > {SHELL}\n  >   > > ```", 3, 2),
]


def _top_level_block() -> str:
    """The same code block written at the margin, as the site's Markdown makes it."""
    made = _nested(f"```sh\n{SHELL}\n```").select_one("div.highlight")
    assert made is not None and made.select("span")  # highlighted
    return str(made)


@pytest.mark.parametrize(
    ("text", "quotes", "items"),
    [*((text, 1, 0) for text in QUOTED), *QUOTED_DEEPER],
)
def test_a_fenced_block_in_a_blockquote_is_code_in_that_quote(text: str, quotes: int, items: int):
    soup = _nested(text)
    (block,) = soup.select("div.highlight")
    assert str(block) == _top_level_block()  # highlighted as at the margin, text as written
    assert len(block.find_parents("blockquote")) == quotes
    assert len(block.find_parents("li")) == items
    assert block.find_parent("p") is None  # a block of its own, not in a paragraph
    assert "```" not in soup.get_text() and "~~~" not in soup.get_text()
    assert all(p.get_text() != "" for p in soup.select("p"))


def test_what_follows_a_block_in_a_quote_stays_where_it_was():
    soup = _nested("> Run:\n> ```sh\n> a\n>\n>   b\n> ```\n> Then.\n\nAfter.")
    assert soup.select_one("blockquote div.highlight pre").get_text() == "a\n\n  b\n"
    assert [p.get_text() for p in soup.select("blockquote > p")] == ["Run:", "Then."]
    # a line without the marker right after the block is out of the quote, as on GitHub
    soup = _nested("> ```sh\n> x\n> ```\nAfter.")
    assert [p.get_text() for p in soup.find_all("p", recursive=False)] == ["After."]
    # in a list item: the next item is an item, the item's text kept apart in the quote
    soup = _nested("1. Step\n   > ```sh\n   > x\n   > ```\n   More.\n2. Next")
    assert [li.get_text().split()[0] for li in soup.select("ol > li")] == ["Step", "Next"]
    assert soup.select_one("li > blockquote > p").get_text() == "More."


@pytest.mark.parametrize(
    "text",
    [
        "> Show:\n>\n>     ```sh\n>     x -- y\n>     ```\n",  # indented code in a quote
        "> Code:\n>\n>     x = 1 -- 2\n>     y = 'z'\n",
        "- Step\n\n    > Code:\n    >\n    >     x -- y\n",
        "```markdown\n> ```sh\n> x -- y\n> ```\n```\n",  # a quote shown in a fenced block
        "Show:\n\n    > ```sh\n    > x -- y\n    > ```\n",  # ... as indented code
        "> ```sh\n> x -- y\n\nAfter.\n",  # never closed in its quote: named
        "> ```sh\n> x -- y\n```\n",  # closed out of the quote: never closed in it
        "> ```sh title\n> x -- y\n> ```\n",  # a first line Markdown does not read: named
        '> A quote -- with "quotes".\n>\n> And `code`.\n',
    ],
)
def test_what_is_not_a_fenced_block_in_a_quote_converts_as_before(text: str):
    md = Markdown(**SITE_MARKDOWN)
    assert _nested(text) == BeautifulSoup(md.convert(text), "html.parser")


@pytest.mark.parametrize(
    ("source", "line", "fragment"),
    [
        ("> Run:\n> ```sh\n> x\n\nAfter.\n", 2, "end it with the line > ``` (a line without"),
        ("> Run:\n> ```sh\n> x\n```\n", 2, "never closed"),
        ("- a\n  > > ~~~\n  > > x\n", 2, "end it with the line > > ~~~ (a line"),
        ("> - a\n>   ```sh\n>   x\n", 2, "end it with the line >   ``` (a line"),
        ("> ```sh title\n> x\n> ```\n", 1, "write ``` and a language only"),
    ],
)
def test_a_fenced_block_a_quote_leaves_as_text_is_named_with_its_line(source, line, fragment):
    ((number, what),) = codeblocks.unmade_fences(source)
    assert number == line and fragment in what, what


BQ_POST = """Title: Quoted code
Date: 2025-01-02
Category: Engineering
Author: Ada Byrne

Intro.

> Run this:
>
> ```sh
> echo "it's -- done" && ls
> ```
>
> Then -- done.

1. Step
   > ```python
   > print("x")
   > ```
2. Next

> ```sh
> never closed -- here
"""


def test_a_site_shows_fenced_blocks_in_quotes_as_code_and_names_the_unclosed_one(
    build_site, caplog
):
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/quoted-code.md": BQ_POST}, name="quoted-code")
    post = site.soup("posts/quoted-code/").select_one(".post-content")
    shell, python = post.select("div.highlight pre")
    assert shell.get_text() == 'echo "it\'s -- done" && ls\n'  # as written, no smart quotes
    assert shell.find_parent("blockquote").find_parent(class_="post-content") is post
    assert shell.select("span") and python.select("span")  # highlighted
    assert shell.get("tabindex") == "0"  # as every code block of the site: scrollable
    assert python.get_text() == 'print("x")\n'
    assert python.find_parent("li").find_parent("ol").find_parent(class_="post-content") is post
    assert [li.get_text().split()[0] for li in post.select("ol > li")] == ["Step", "Next"]
    assert post.select_one("blockquote > p:last-child").get_text() == "Then \u2013 done."
    lines = [r.getMessage() for r in caplog.records if "quoted-code.md" in r.getMessage()]
    assert lines == [
        "quoted-code/posts/quoted-code.md: line 22: this code block in a blockquote is never "
        "closed, so it is shown as text; end it with the line > ``` (a line without the "
        "quote's > ends the quote, and the block in it)"
    ]
    assert not [r for r in caplog.records if r.exc_info]


# a Markdown cheat sheet's idiom (0ink.net): fences shown inside the writer's own <pre><code>
CHEAT_SHEET = (
    '<pre lang="en"><code>```javascript\nvar s = "JavaScript";\n```\n\n'
    '```python\ns = "Python" -- x\n```\n</code></pre>'
)


@pytest.mark.parametrize(
    "pre",
    [
        CHEAT_SHEET,
        "<pre>\n~~~\ntildes\n~~~\n</pre>",  # tildes, the tags on lines of their own
        "<PRE class='x'>\n```sh\nls\n```\n</PRE>",  # upper case, attributes
        "   <pre><code>```\none\n```\n\n```\ntwo\n```</code></pre>",  # indented 3 spaces
        "<pre>\n  ```sh\n  indented -- fence\n  ```\n</pre>",  # what NestedFences would read
    ],
)
@pytest.mark.parametrize("around", ["Before.\n\n{}\n\nAfter.", "Before.\n{}\nAfter.", "{}"])
def test_the_text_of_a_raw_pre_block_stays_as_written(pre: str, around: str):
    soup = _nested(around.format(pre))
    (block,) = soup.select("pre")
    assert block.select_one("div, pre") is None  # no code block made inside it
    written = BeautifulSoup(pre.strip(), "html.parser").select_one("pre")
    assert block.get_text() == written.get_text()
    assert str(block) == str(written)
    assert [p.get_text() for p in soup.select("p")] == [
        p for p in ("Before.", "After.") if p in around
    ]


@pytest.mark.parametrize(
    "text",
    [
        "```html\n<pre>\n```\n\nText.",  # a <pre> shown in a fenced code block: code
        "````markdown\n<pre>\n```\nx\n```\n</pre>\n````",  # a whole one shown in one
        "<pre>\nno fence -- in it\n</pre>",  # no fence: Markdown's own HTML block
        "<pre>\n```\nnever closed\n",  # no </pre>: left to Markdown
        "Text <pre>\n```\nx\n```\n</pre>",  # not at the start of a line: not an HTML block
        "<pre markdown='1'>\n```\nx\n```\n</pre>",  # md_in_html: its text is Markdown
        "    <pre>\n    ```\n    x\n    ```\n    </pre>",  # indented code showing a <pre>
    ],
)
def test_what_is_not_a_raw_pre_block_holding_a_fence_converts_as_before(text: str):
    conf = {**SITE_MARKDOWN, "extensions": [*SITE_MARKDOWN["extensions"]]}
    conf["extensions"].append(codeblocks.NestedFencesExtension())
    md = Markdown(**conf)
    md.preprocessors.deregister("raw_pre")
    assert _nested(text) == BeautifulSoup(md.convert(text), "html.parser")


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["<pre>", "```", "x", "```", "</pre>"], [(0, 4)]),
        (["<pre><code>```", "```</code></pre>", "", "<pre>", "```", "</pre>"], [(0, 1), (3, 5)]),
        (["<pre>", "x", "</pre>"], []),  # no fence
        (["```", "<pre>", "```", "x", "</pre>"], []),  # in a fenced block: code
        (["<pre>", "```", "x"], []),  # never closed
        (["<prefix>", "```", "</pre>"], []),  # not a <pre>
        (["</pre> <pre>", "```", "</pre>"], []),  # not at the start of a line
        (['<pre markdown="1">', "```", "</pre>"], []),  # its text is Markdown (md_in_html)
        # its tag as a browser reads it: a value's words are no attribute, its '>' no end
        (['<pre title="x markdown=y">', "```", "</pre>"], [(0, 2)]),
        (['<pre title="a > b" markdown="1">', "```", "</pre>"], []),
    ],
)
def test_raw_pre_blocks(lines: list[str], expected: list):
    assert codeblocks.raw_pre_blocks(lines) == expected


FENCES_POST = """Title: Showing fences
Date: 2026-03-01 09:00
Category: Engineering
Author: Ada Byrne
Summary: How to write a code block.

To show a reader the fences themselves, write them inside a pre:

<pre><code>```javascript
var s = "JavaScript";
```

```python
s = "Python"
```
</code></pre>

That is all.
"""


def test_a_site_shows_the_fences_in_a_raw_pre_block_as_written(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/show-fences.md": FENCES_POST}, name="show-fences")
    post = site.soup("posts/showing-fences/").select_one(".post-content")
    (block,) = post.select("pre")
    assert block.get_text() == (
        '```javascript\nvar s = "JavaScript";\n```\n\n```python\ns = "Python"\n```\n'
    )
    assert block.select_one("div, pre") is None and not post.select(".highlight")
    assert [p.get_text() for p in post.select("p")] == [
        "To show a reader the fences themselves, write them inside a pre:",
        "That is all.",
    ]
    assert not [m for m in caplog.messages if "show-fences.md" in m]
    assert not [r for r in caplog.records if r.exc_info]
