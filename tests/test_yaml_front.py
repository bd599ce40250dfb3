"""Front matter fenced with --- lines, read with PyYAML (plugins/blogcore/yamlvalues.py): a
table of blocks as written -> the lines Python-Markdown's meta extension is given, or the one
error line, or the warnings (pure: no Pelican, no Markdown)."""

import pytest

from plugins.blogcore import frontmatter, yamlvalues
from plugins.blogcore.fenced import front_matter_lines
from plugins.blogcore.frontmatter import KNOWN_KEYS
from plugins.blogcore.yamlvalues import YamlFrontMatterError, read_block


def read(*block: str) -> list[str]:
    """The meta lines for a fenced block (without its fences)."""
    return front_matter_lines(["---", *block, "---"], KNOWN_KEYS)[1:-1]


def one(key: str, written: str) -> str | None:
    """The value one key's line is given to the meta extension (None: no line)."""
    lines = read(f"{key}: {written}")
    assert len(lines) <= 1, lines
    return lines[0].partition(": ")[2] if lines else None


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("title", '"Quoted: a YAML title"', "Quoted: a YAML title"),
        ("summary", "'Written the Jekyll way.'", "Written the Jekyll way."),
        ("title", '"She said \\"hi\\" \\\\ bye"', 'She said "hi" \\ bye'),
        ("title", '"caf\\u00e9 \\x41"', "café A"),
        ("title", "'it''s here'", "it's here"),
        ("title", '"quoted" # a comment', "quoted"),
        ("date", '"2025-04-01"', "2025-04-01"),
        ("title", '""', ""),  # an empty text, not YAML's null: Title is empty (check_header)
        ("title", "it's 'fine'", "it's 'fine'"),
        # the text as written, never YAML's conversions: Pelican and check_date parse dates,
        # other_engine_status reads draft: true, a version keeps its zero
        ("date", "2025-04-01", "2025-04-01"),
        ("date", "2025-04-01T09:30:00+01:00", "2025-04-01T09:30:00+01:00"),
        ("draft", "true", "true"),
        ("published", "False", "False"),
        ("comments", "yes", "yes"),
        ("series_index", "010", "010"),
        ("version", "1.10", "1.10"),
        # a # with a space before it starts YAML's comment (warned: see below)
        ("title", "C# tips #1", "C# tips"),
        # flow lists for keys that take several values
        ("tags", "[python, yaml]", "python, yaml"),
        ("tags", '[a, b, "c, d"]', "a; b; c, d"),
        ("tags", "[a, 'b''s', ] # topics", "a, b's"),
        ("authors", "[Ada Byrne, Bo Lindqvist]", "Ada Byrne, Bo Lindqvist"),
        ("aliases", "[Yammy, Y. Person]", "Yammy, Y. Person"),
        ("related", "[a-post, another]", "a-post, another"),
        ("redirect_from", "[/old/, /older/]", "/old/, /older/"),
        # an unknown key's list: joined (it is said to be unknown; its value does not matter)
        ("categories", "[a, b]", "a, b"),
        # YAML's null, or nothing: as if the line were absent
        ("summary", "", None),
        ("summary", "~", None),
        ("image", "null", None),
        ("tags", "[]", None),
        ("tags", "[~, '']", None),
    ],
)
def test_a_value_as_yaml_means_it(key, value, expected):
    assert one(key, value) == expected


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        # block lists: a list key's value, as Pelican splits it
        (["tags:", "  - python", "  - yaml"], ["tags: python, yaml"]),
        (["Tags:", "- a", '- "c, d"'], ["Tags: a; c, d"]),
        (["authors:", "  - Ada Byrne", "  -", "  - Bo"], ["authors: Ada Byrne, Bo"]),
        (["tags:", "  - 2024", "  - yes"], ["tags: 2024, yes"]),
        # indented by four, as Hugo's archetypes write it (was "Tags goes on to line 8 ...")
        (
            ["categories:", "    - Notes", "tags:", "    - Notes", "    - ML"],
            ["categories: Notes", "tags: Notes, ML"],
        ),
        # block scalars: the text YAML means; a Summary goes on over indented lines (Markdown)
        (
            ["summary: |", "  One line,", "  and another."],
            ["summary: One line,", "    and another."],
        ),
        (["summary: >-", "  Folded", "  into one."], ["summary: Folded into one."]),
        (["title: >", "  A long", "  title"], ["title: A long title"]),
        (["title: |", "  Two", "  lines"], ["title: Two lines"]),  # said: joined
        (["summary: |", "  One.", "", "  Two."], ["summary: One.", "    Two."]),  # said
        # comments, nulls and nested keys left out; the rest in order, the key as written
        (
            ["# from Jekyll", "layout: post", "Title: T", "image: ~", "params:", "  a: 1"],
            ["layout: post", "Title: T"],
        ),
        # a key given twice: both lines (check_header names them)
        (["title: A", "title: B"], ["title: A", "title: B"]),
        # an item with a comma: joined by semicolons, which Pelican splits Tags and Authors at
        (['tags: ["c, d"]'], ["tags: c, d;"]),
        ([], []),
        (["# only a comment"], []),
    ],
)
def test_a_block_as_yaml_means_it(block, expected):
    assert read(*block) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # the body is untouched; the closing fence and what follows stay
        (
            ["---", "# from Jekyll", 'title: "A: B"', "tags: [a, b]", "---", "", 'x: "y"'],
            ["---", "title: A: B", "tags: a, b", "---", "", 'x: "y"'],
        ),
        # no closing fence: a blank line ends the block, as in Markdown's front matter
        (["---", "title: T", "", "---", "", "Text"], ["---", "title: T", "", "---", "", "Text"]),
        # a blank line inside a | block, with the fence further on: the block goes on
        (
            ["---", "summary: |", "  One.", "", "  Two.", "---", "", "Text"],
            ["---", "summary: One.", "    Two.", "---", "", "Text"],
        ),
        # a plain value that goes on, indented: YAML folds it into one line
        (["---", "summary: One", "    two", "---"], ["---", "summary: One two", "---"]),
        # Pelican's front matter (no fence): the writer's quotes and brackets
        (
            ['Title: "The Big Move"', "Tags: [a, b]", ""],
            ['Title: "The Big Move"', "Tags: [a, b]", ""],
        ),
        # a Markdown rule, then text: no keys, Markdown's own reading
        (["---", "Just some text", "", "More"], ["---", "Just some text", "", "More"]),
        ([], []),
    ],
)
def test_front_matter_lines(lines, expected):
    assert front_matter_lines(list(lines), KNOWN_KEYS) == expected


@pytest.mark.parametrize(
    ("block", "message"),
    [
        # a list for a key that takes one value: what to write instead
        (
            ["title: [a, b]"],
            "line 2: Title takes one value, got the list '[a, b]'; write title: a, b (no brackets)",
        ),
        (
            ["author: [Ada, Bo]"],
            "line 2: Author takes one value, got the list '[Ada, Bo]'; write authors: [Ada, Bo]",
        ),
        (["Author: [Ada, 'Byrne, Ada']"], 'write Authors: [Ada, "Byrne, Ada"]'),
        (["category: [Company]"], "write category: Company (no brackets)"),
        (
            ["category: [Linux, EXT, Filesystems]"],
            "write category: Linux (no brackets) and put the others in the post's tags (EXT, "
            "Filesystems)",
        ),
        (['title: ["Ask: us", x]'], 'write title: "Ask: us, x" (no brackets)'),
        (["title: []"], "write title: and its value on one line"),
        (
            ["date: [2025-03-14, 2025-04-01]"],
            "choose the one it is and write it alone on the key's line (no brackets)",
        ),
        (
            ["date: 2025-01-01", "title:", "  - One", "  - Two"],
            "line 3: Title takes one value, got a YAML list (the - lines below it); write "
            "title: One, Two (in place of the key's line and its - lines)",
        ),
        (["tags: [a, [b]]"], "line 2: Tags is a list of plain values, got a list or keys"),
        (["tags:", "  x: 1"], "line 2: Tags takes a list, got keys of its own (x)"),
        (["title: {a: b}"], "line 2: Title takes one value, got keys of its own (a)"),
        (["title: [[a]]"], "line 2: Title takes one value, got a list of lists or keys"),
        # not valid YAML: the file's line (the block starts on line 2) and what to write
        (
            ["title: T", "tags:", "  - a", " - b"],
            "line 5: the front matter between --- lines is not valid YAML (expected <block end>",
        ),
        (
            ["title: T", 'summary: "unclosed', "date: 2025-01-01"],
            "line 3: the front matter between --- lines is not valid YAML (a quote opened on "
            "this line is not closed); close the quote",
        ),
        (["title: T", "\tdate: x"], "line 3: the front matter between --- lines is not valid"),
        (["title: T", "\tdate: x"], "indent with spaces, not a tab"),
        (["title: Ask us: anything"], "line 2: the front matter between --- lines is not valid"),
        (["title: Ask us: anything"], 'goes in quotes: title: "Ask us: anything"'),
        (["title: T", "    date: x"], "line 3: the front matter between --- lines is not valid"),
        (["title: T", "    date: x"], "start the key at the beginning of its line"),
        (["title: [Draft] Our plans"], 'quote it all (title: "[Draft] Our plans")'),
        (["title: '[Draft]' Our plans"], "line 2: the front matter between --- lines"),
        (["title: T", "Category Company", "slug: s"], "line 3: the front matter between"),
        (["title: @handle"], "a value starting with @, ` or % goes in quotes"),
        # smart quotes (macOS, Word, Typora): the writer sees quotes, YAML sees none
        (
            ["title: \u201cLaunch: day one\u201d"],
            "line 2: the front matter between --- lines is not valid YAML (mapping values are "
            "not allowed here); \u201c \u201d on this line are curly (typographic) quotes, "
            'which YAML does not read as quotes: write straight ones, title: "Launch: day one" '
            "(turn off smart quotes in your editor)",
        ),
        (
            ["title: T", "summary: \u2018Ana\u2019s team: ready\u2019"],
            "line 3: the front matter between --- lines is not valid YAML (mapping values are "
            "not allowed here); \u2018 \u2019 on this line are curly (typographic) quotes, "
            'which YAML does not read as quotes: write straight ones, summary: "Ana\u2019s '
            'team: ready"',
        ),
        # quotes around part of the value may be its own: no example that could drop them
        (["title: Launch \u201cday: one\u201d now"], "straight ones (turn off smart quotes"),
        (
            ["Series index: 2"],
            "line 2: 'Series index' is not a key (a key is one word): write Series_index:",
        ),
        (["tags: [a, b"], "not valid YAML"),
    ],
)
def test_a_block_refused_in_one_line(block, message):
    with pytest.raises(YamlFrontMatterError) as caught:
        read(*block)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("block", "warnings"),
    [
        (["params:", "  math: true"], ["line 2: Params holds keys of its own (math)"]),
        (["title: T", "menu:", "  main: {weight: 2}"], ["line 3: Menu holds keys of its own"]),
        (["links:", "  - [a, b]"], ["line 2: Links is a list of lists or keys"]),
        (["? [a, b]", ": c"], ["line 2: '[a, b]' is not a key front matter reads"]),
        (["my key: x"], ["line 2: 'my key' is not a key front matter reads"]),
        (["title: C# tips #1"], ["line 2: '#1' after Title is a YAML comment and is left out"]),
        (["title: |", "  Two", "  lines"], ["line 2: Title is on several lines (YAML's |)"]),
        (["summary: |", "  One.", "", "  Two."], ["line 2: Summary has paragraphs"]),
        # said as nothing: a comment written as one, a Summary's lines, a null
        (["date: 2025-01-01 # published", "layout: post #x"], []),
        (["summary: |", "  One", "  two"], []),
        (["image: ~", "tags: []"], []),
    ],
)
def test_what_is_left_out_or_joined_is_said(block, warnings):
    said = read_block("\n".join(block), KNOWN_KEYS).warnings
    assert len(said) == len(warnings), said
    for line, fragment in zip(said, warnings, strict=True):
        assert line.startswith(fragment), line


def test_scan_header_reads_what_the_reader_reads():
    # check_header and the warnings see the YAML as read: block lists, nulls left out, and
    # what was left out said once, with its line, among the header's warnings
    source = "---\ntitle: T\ntags:\n  - a\n  - b\nimage: ~\nparams:\n  a: 1\n---\n\nBody"
    header = frontmatter.scan_header(source)
    assert header.keys == [("title", "T", 2), ("tags", "a, b", 3)]
    assert frontmatter.check_header(header) == []
    said = frontmatter.header_warnings(header)
    assert [line.split(" holds")[0] for line in said] == ["line 7: Params"]


def test_an_indented_block_list_is_a_list_not_a_continued_line():
    # Hugo's archetypes indent a block list by four spaces: read as the list, not as lines
    # continuing the key above (which said "a value is one line: join them")
    source = (
        "---\ntitle: My ML resources\ndate: 2020-12-20\ncategories:\n    - Notes\n"
        "tags:\n    - Notes\n    - ML\n---\n\nBooks."
    )
    header = frontmatter.scan_header(source)
    assert header.keys[-2:] == [("categories", "Notes", 4), ("tags", "Notes, ML", 6)]
    assert header.continued == [] and header.stopper is None
    assert frontmatter.check_header(header) == []


@pytest.mark.parametrize("written", ["title: ~", "title: null", "title:"])
def test_a_null_title_is_said_as_written(written):
    source = f"---\ndate: 2025-01-01\n{written}\n---\n\nBody"
    assert frontmatter.why_no_title(source) == (
        "line 3 gives Title no value: in YAML, ~, null or nothing is none"
    )


def test_a_key_given_twice_is_named_with_its_lines():
    header = frontmatter.scan_header("---\ntitle: A\ndate: 2025-01-01\ntitle: B\n---\n\nBody")
    assert frontmatter.check_header(header) == [
        "Title is given twice (lines 2 and 4); keep one line (list several values on one "
        "line, separated by commas)"
    ]


def test_the_reading_is_pure():
    # no Pelican, no Markdown: the module is YAML and text only
    source = yamlvalues.__file__
    with open(source, encoding="utf-8") as module:
        imports = [line for line in module if line.startswith(("import ", "from "))]
    assert not [line for line in imports if "pelican" in line or "markdown" in line], imports
