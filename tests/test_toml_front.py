"""Front matter fenced with +++ lines (Hugo's TOML), read with tomllib (plugins/blogcore/
tomlvalues.py): a table of blocks as written -> the lines Python-Markdown's meta extension is
given, or the one error line, or the warnings (pure: no Pelican, no Markdown)."""

import pytest

from plugins.blogcore import frontmatter, tomlvalues
from plugins.blogcore.fenced import front_matter_lines
from plugins.blogcore.frontmatter import KNOWN_KEYS
from plugins.blogcore.tomlvalues import TomlFrontMatterError


def read(*block: str) -> list[str]:
    """The meta lines for a +++ block (without its fences)."""
    out = front_matter_lines(["+++", *block, "+++"], KNOWN_KEYS)
    assert out[0] == out[-1] == "---", out  # the fences the meta extension knows
    return out[1:-1]


def warnings_of(*block: str) -> tuple[str, ...]:
    """What the reading of a +++ block says it left out or joined."""
    return tomlvalues.read_block("\n".join(block), KNOWN_KEYS).warnings


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (['title = "DUM-E and U"'], ["title: DUM-E and U"]),
        (["title = 'C:\\Users\\ada'"], ["title: C:\\Users\\ada"]),  # a literal string
        (['title = "Ask us: anything" # a comment'], ["title: Ask us: anything"]),
        (['title = "She said \\"hi\\""'], ['title: She said "hi"']),
        (['date = "2021-01-22T12:17:58-07:00"'], ["date: 2021-01-22T12:17:58-07:00"]),
        # TOML's own dates: ISO text, which Pelican and check_date read
        (["date = 2021-01-22T12:17:58-07:00"], ["date: 2021-01-22T12:17:58-07:00"]),
        (["date = 2021-01-22 12:17:58Z"], ["date: 2021-01-22T12:17:58+00:00"]),
        (["date = 2021-01-22T12:17:58"], ["date: 2021-01-22T12:17:58"]),
        (["date = 2021-01-22"], ["date: 2021-01-22"]),
        # booleans as other_engine_status reads YAML's; numbers as written
        (["draft = true"], ["draft: true"]),
        (["published = false"], ["published: false"]),
        (["series_index = 2"], ["series_index: 2"]),
        (["version = 1.10"], ["version: 1.10"]),
        # arrays for the keys that take several values, as Pelican splits them
        (['tags = ["go", "docker"]'], ["tags: go, docker"]),
        (['tags = ["a", "c, d"]'], ["tags: a; c, d"]),
        (['tags = [\n  "a",\n  "b",\n]'], ["tags: a, b"]),
        (["tags = []"], []),
        (['authors = ["Ada Byrne", "Bo"]'], ["authors: Ada Byrne, Bo"]),
        (['aliases = ["/old/", "/older/"]'], ["aliases: /old/, /older/"]),
        (['categories = ["a", "b"]'], ["categories: a, b"]),  # unknown: said so by the reader
        # a multi-line string: a Summary goes on over indented lines (Markdown reads it)
        (
            ['summary = """', "One line,", 'and another."""'],
            ["summary: One line,", "    and another."],
        ),
        # Hugo's tables: left out (said); the keys above them in order, as written
        (
            [
                'title = "T"',
                'Author = "Ada"',
                "[params]",
                "math = true",
                "[menu.main]",
                "weight = 2",
            ],
            ["title: T", "Author: Ada"],
        ),
        ([], []),
        (["# only a comment"], []),
    ],
)
def test_a_block_as_toml_means_it(block, expected):
    assert read(*"\n".join(block).split("\n")) == expected


def test_the_body_follows_the_block():
    lines = ["+++", 'title = "T"', "+++", "", "Text", "+++", "more"]
    assert front_matter_lines(lines, KNOWN_KEYS) == ["---", "title: T", "---", "", *lines[4:]]


@pytest.mark.parametrize(
    ("block", "message"),
    [
        # not valid TOML: the file's line (the block starts on line 2), tomllib's words, a fix
        (
            ['title = "T"', "date: 2021-01-22"],
            "line 3: the front matter between +++ lines is not valid TOML (Expected '=' after "
            "a key in a key/value pair); a TOML key is followed by =, not by : (date = "
            '"2021-01-22")',
        ),
        (
            ["title = DUM-E and U"],
            "line 2: the front matter between +++ lines is not valid TOML (Invalid value); "
            'text goes in quotes (title = "DUM-E and U")',
        ),
        # "at end of document" from tomllib: the line from which the block fails
        (["date = 2021-01-22", 'title = "unclosed', 'author = "Ada"'], "line 3: "),
        (
            ["date = 2021-01-22", 'title = "unclosed', 'author = "Ada"'],
            "line 3: the front matter between +++ lines is not valid TOML (a quote opened on this "
            "line is not closed); close the quote",
        ),
        (
            ['title = "unclosed'],
            "line 2: the front matter between +++ lines is not valid TOML "
            "(a quote opened on this line is not closed); close the quote",
        ),
        (['title = "A"', "date = 2021-01-22", 'title = "B"'], "line 4: "),
        (['title = "A"', 'title = "B"'], "a key is given twice: keep one line"),
        # an unclosed list: said where it stops being one
        (['tags = ["a",', '  "b"', 'title = "T"'], "line 3: "),
        (['tags = ["a",', '  "b"', 'title = "T"'], "(Unclosed array); close the list with ]"),
        # a value its key cannot take
        (
            ['title = ["a", "b"]'],
            'line 2: Title takes one value, got the list ["a", "b"]; write title = "a, b" (no '
            "brackets)",
        ),
        (['author = ["Ada", "Bo"]'], 'write authors = ["Ada", "Bo"]'),
        (['slug = ["a", "b"]'], "choose the one it is and write it alone on the key's line"),
        (["tags = [[1]]"], "line 2: Tags is a list of plain values, got a list or a table"),
        (["date = 2021-01-22", "[tags]", 'a = "b"'], "line 3: Tags takes a list, got a table (a)"),
        (['"Series index" = 2'], "line 2: 'Series index' is not a key (a key is one word)"),
    ],
)
def test_a_block_refused_in_one_line(block, message):
    with pytest.raises(TomlFrontMatterError) as caught:
        read(*block)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_an_unclosed_block_is_one_line():
    with pytest.raises(TomlFrontMatterError, match=r"^line 1: .* has no closing \+\+\+ line"):
        front_matter_lines(["+++", 'title = "T"', "", "Text"], KNOWN_KEYS)


@pytest.mark.parametrize(
    ("block", "warnings"),
    [
        (
            ['title = "T"', "[params]", "math = true"],
            ["line 3: Params holds keys of its own (math)"],
        ),
        (["[menu.main]", "weight = 2"], ["line 2: Menu holds keys of its own (main)"]),
        (["params.math = true"], ["line 2: Params holds keys of its own (math)"]),
        (["[[links]]", 'a = "b"'], ["line 2: Links is a list of lists or tables"]),
        (['"my key" = "x"'], ["line 2: 'my key' is not a key front matter reads"]),
        (['title = """', "Two", 'lines"""'], ['line 2: Title is on several lines (TOML\'s """)']),
        (['summary = """One.', "", 'Two."""'], ["line 2: Summary has paragraphs"]),
        (['title = "T" # a comment', "tags = []"], []),
    ],
)
def test_what_is_left_out_or_joined_is_said(block, warnings):
    said = warnings_of(*block)
    assert len(said) == len(warnings), said
    for line, fragment in zip(said, warnings, strict=True):
        assert line.startswith(fragment), line


def test_scan_header_reads_what_the_reader_reads():
    # check_header, the "has no Title" check and the warnings see the TOML block as read
    source = '+++\ntitle = "T"\ntags = ["a", "b"]\ndraft = true\n[params]\na = 1\n+++\n\nBody'
    header = frontmatter.scan_header(source)
    assert header.keys == [("title", "T", 2), ("tags", "a, b", 3), ("draft", "true", 4)]
    assert frontmatter.check_header(header) == []
    assert [line.split(" holds")[0] for line in frontmatter.header_warnings(header)] == [
        "line 5: Params"
    ]
    # invalid TOML: said once, by the reader (with its line); nothing more here
    assert frontmatter.check_header(frontmatter.scan_header("+++\ntitle: T\n+++\n\nB")) == []


def test_the_reading_is_pure():
    # no Pelican, no Markdown: the module is TOML and text only
    with open(tomlvalues.__file__, encoding="utf-8") as module:
        imports = [line for line in module if line.startswith(("import ", "from "))]
    assert not [line for line in imports if "pelican" in line or "markdown" in line], imports
