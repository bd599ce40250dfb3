"""Front matter fenced with ``---`` lines (Jekyll's, Hugo's), read with PyYAML as YAML means it.

Pure: no Pelican, no Markdown. ``read_block`` reads the block into Entry and Block, with line
numbers; fenced.py turns them into the ``Key: value`` lines Python-Markdown's meta extension
reads (yamlfront.py runs it just before that extension) and gives them to
frontmatter.scan_header. The structures and messages here are shared with Hugo's TOML between
``+++`` lines (tomlvalues.py). Front matter without the fence is Pelican's, and is not read here.

The block is composed (``yaml.compose``, SafeLoader), not loaded: a node keeps the text as
written (``date: 2025-04-01`` stays the text Pelican and check_date parse, ``draft: true``
the text other_engine_status reads, ``version: 1.10`` is not 1.1) and its line, and a key
given twice is two nodes, so check_header can say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from plugins.engine import keysyntax

if TYPE_CHECKING:  # PyYAML is imported where a block is read: most sites have none (11 ms)
    import yaml

# Python-Markdown's meta extension's own patterns (BEGIN_RE, END_RE, META_RE)
FENCE = re.compile(r"^-{3}(\s.*)?")
FENCE_END = re.compile(r"^(-{3}|\.{3})(\s.*)?")
META_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
# Keys whose value is a list (Pelican and the plugins split them at commas, or take a list):
# a YAML list is read as one for these only; any other key we know takes one value.
LIST_KEYS = frozenset({"tags", "authors", "related", "related_exclude", "redirect_from", "aliases"})
# the keys Pelican converts as Markdown (FORMATTED_FIELDS): lines may go on, indented
FORMATTED_KEYS = frozenset({"summary"})
NULL_TAG = "tag:yaml.org,2002:null"
# the block's first line is the file's second (the first is the --- fence)
FIRST_LINE = 2


class FencedFrontMatterError(ValueError):
    """A fenced front matter that its language refuses, or a value its key cannot take; the
    message starts with ``line N:`` (of the file)."""


class YamlFrontMatterError(FencedFrontMatterError):
    """A front matter between --- lines that is not valid YAML, or a value its key cannot
    take."""


@dataclass(frozen=True)
class Entry:
    """One key of the block: its value as text (a list for LIST_KEYS; None: YAML's null,
    as if the line were absent) and the file's line it is on."""

    key: str
    value: str | tuple[str, ...] | None
    line: int
    block: bool = False  # written as YAML's block of lines (| or >)


@dataclass(frozen=True)
class Block:
    """A fenced front matter as read: its keys, and what was read otherwise than written."""

    entries: tuple[Entry, ...] = ()
    warnings: tuple[str, ...] = ()
    keys: bool = True  # False: no keys in it (text, a list): not front matter


def display(key: str) -> str:
    """The key as staff write it (frontmatter.display_key's spelling)."""
    # not imported: frontmatter imports this module (scan_header reads a fenced block here)
    return key[:1].upper() + key[1:]


def block_end(lines: list[str]) -> int | None:
    """The index of the line that ends the fenced block (its closing fence, a blank line, or
    len(lines)); None when the first line is no fence. A blank line followed by an indented
    one, with the closing fence further on, is inside the block (a ``|`` block's paragraph)."""
    if not lines or not FENCE.match(lines[0]):
        return None
    for index in range(1, len(lines)):
        line = lines[index]
        if FENCE_END.match(line):
            return index
        if not line.strip():
            rest = lines[index + 1 :]
            following = next((later for later in rest if later.strip()), "")
            # Markdown's own front matter ends at a blank line; YAML's block goes on
            if not (following[:1] == " " and any(FENCE_END.match(later) for later in rest)):
                return index
    return len(lines)


# the quotes an editor's smart quotes write for " and ' (and German's low one)
CURLY_QUOTES = "\u201c\u201d\u2018\u2019\u201e"
# key: “value” (the value wholly in curly quotes), for the line to write instead
CURLY_QUOTED = re.compile(
    r"^\s*(?P<key>[^:\s][^:]*?)\s*:\s*[\u201c\u2018\u201e](?P<text>.*)[\u201c\u201d\u2019]\s*$"
)


def _line(error: yaml.MarkedYAMLError) -> int:
    """The file's line PyYAML's error is about: where an unclosed quote or a key without its
    colon starts, else where the parser stopped."""
    mark = error.problem_mark
    if error.context in ("while scanning a quoted scalar", "while scanning a simple key"):
        mark = error.context_mark or mark
    return (mark.line if mark else 0) + FIRST_LINE


# the longest value an example shows whole: a longer one is said, not shown (a shortened
# example, copied, would lose the words it left out)
EXAMPLE_LENGTH = 60
# key: value, the key at the start of its line
KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z0-9_-]+)\s*:\s+(?P<value>\S.*?)\s*$")


def _quote_it(line: str, value: str | None = None) -> str:
    """The line written with its whole value in double quotes (``title: "Our move: part 2"``),
    to copy; when the line is no ``key: value`` or the value is too long to show whole, what
    to do, with no example that would lose words. ``value``: the value to quote, if not the
    line's as written."""
    found = KEY_VALUE.match(line)
    if not found:
        return 'put the whole value in double quotes (a " inside it written \\")'
    value = found["value"] if value is None else value
    if len(value) > EXAMPLE_LENGTH:
        return (
            f"put the whole value of {found['key']} in double quotes, from its first word to "
            'its last (a " inside it written \\")'
        )
    return f"{found['key']}: {keysyntax.yaml_quoted(value)}"


def _syntax_hint(error: yaml.MarkedYAMLError, source: str) -> str:
    """What to write instead, for the mistakes a writer makes most in YAML: the line's own key
    and whole value, quoted, where the fix is quotes."""
    problem = error.problem or ""
    if error.context == "while scanning a quoted scalar":
        return "close the quote, or write the value without quotes"
    mark = error.problem_mark
    line = source.split("\n")[mark.line] if mark else ""
    unquoted = re.sub(r"(?<=\w)\u2019(?=\w)", "", line)  # an apostrophe (Ana’s) is no quote
    curly = "".join(dict.fromkeys(c for c in unquoted if c in CURLY_QUOTES))
    if curly:
        # smart quotes (macOS, Word, Docs, Typora): the writer sees quotes, YAML sees text
        quoted = CURLY_QUOTED.match(line)
        # quotes around part of a value may be its text: no example to guess it from
        example = f", {_quote_it(line, quoted['text'])}" if quoted else ""
        return (
            f"{' '.join(curly)} on this line are curly (typographic) quotes, which YAML does "
            f"not read as quotes: write straight ones{example} (turn off smart quotes in "
            "your editor)"
        )
    if "mapping values are not allowed" in problem and line[:1].isspace():
        # a key indented by mistake (Markdown reads a tab as four spaces)
        return "start the key at the beginning of its line, with no space or tab before it"
    if "mapping values are not allowed" in problem:
        return f'a value with ": " in it goes in quotes: {_quote_it(line)}'
    if "'\\t'" in problem:
        return "indent with spaces, not a tab"
    if "cannot start any token" in problem:
        return f"a value starting with @, ` or % goes in quotes: {_quote_it(line)}"
    if "could not find expected ':'" in problem:
        return "each line is key: value (a list's lines start with -, indented)"
    if problem.startswith("expected <block end>") and "'<scalar>'" in problem:
        return f"a value starting with a quote or [ ends there: quote it all ({_quote_it(line)})"
    return "indent the lines of one list or block alike, and quote a value with : or # in it"


def _syntax_error(error: yaml.YAMLError, source: str) -> YamlFrontMatterError:
    """PyYAML's error as one line: the file's line, what is wrong, what to write."""
    import yaml

    if not isinstance(error, yaml.MarkedYAMLError):
        return YamlFrontMatterError(f"line {FIRST_LINE}: the front matter is not valid YAML")
    problem = " ".join((error.problem or "").split())
    if error.context == "while scanning a quoted scalar":
        problem = "a quote opened on this line is not closed"  # not "unexpected end of stream"
    return YamlFrontMatterError(
        f"line {_line(error)}: the front matter between --- lines is not valid YAML "
        f"({problem}); {_syntax_hint(error, source)}"
    )


def _scalars(node: yaml.Node) -> list[str] | None:
    """A list's items as text (nulls and empty items left out), None when one is not a
    plain value (a list in a list, keys of its own)."""
    import yaml

    items = []
    for item in node.value:
        if not isinstance(item, yaml.ScalarNode):
            return None
        if item.tag != NULL_TAG and item.value.strip():
            items.append(" ".join(item.value.split()))
    return items


def _hashtag_comment(entry: Entry, node: yaml.ScalarNode, source: str) -> str | None:
    """The warning for a plain value followed by what YAML reads as a comment but looks like
    the value's (``title: C# tips #1`` is "C# tips" to YAML: Pelican's reading kept "#1");
    a comment written as one (``# note``, with a space) is not said."""
    if node.style is not None:
        return None
    end = node.end_mark
    rest = source.split("\n")[end.line][end.column :].strip()
    if not re.match(r"#\S", rest):
        return None
    return (
        f"line {entry.line}: {rest[:30]!r} after {display(entry.key)} is a YAML comment and is "
        f"left out; to keep it, quote the value: "
        f"{_quote_it(f'{entry.key}: {node.value}', f'{node.value} {rest}')}"
    )


# keys of one value whose items a writer means as one text: YAML splits title: [Our move,
# part 2] at its comma, and the title is the items joined again
TEXT_KEYS = frozenset({"title", "summary", "series"})


def _yaml_reads_back(text: str, value: object) -> bool:
    """Whether YAML reads ``text`` as the value ``value`` of a key (no quotes needed)."""
    import yaml

    try:
        return yaml.safe_load(f"key: {text}") == {"key": value}
    except yaml.YAMLError:
        return False


def _as_value(value: str, language: str) -> str:
    """``value`` written whole on a key's line: TOML's basic string; in YAML, as it is
    where YAML reads it back so, else in double quotes."""
    if language == "toml" or not _yaml_reads_back(value, value):
        return keysyntax.yaml_quoted(value)  # JSON's string is YAML's and TOML's
    return value


def as_list(items: list[str], language: str) -> str:
    """``items`` as a list on a key's line (``[Ada, Bo]``), each quoted where it must be."""
    if language == "toml":
        return "[" + ", ".join(keysyntax.yaml_quoted(item) for item in items) + "]"
    written = (
        item if _yaml_reads_back(f"[{item}]", [item]) else keysyntax.yaml_quoted(item)
        for item in items
    )
    return "[" + ", ".join(written) + "]"


def one_value_fix(key: str, items: list[str], language: str) -> str:
    """What to write for the list ``items`` given to ``key`` (as the line writes it), a key
    of one value, keeping every item: Authors for several authors, a text's items joined
    (TEXT_KEYS), one Category with the others as tags; for any other key (a date, a slug),
    to choose one, with no example that would drop the rest. ``language``: ``toml``,
    ``yaml`` (a list in brackets), ``yaml-lines`` (a list of - lines)."""
    name = key.lower()
    sign = " =" if language == "toml" else ":"
    where = (
        "in place of the key's line and its - lines" if language == "yaml-lines" else "no brackets"
    )
    if not items:
        return f"write {key}{sign} and its value on one line"
    if name == "author" and len(items) > 1:
        fix = f"write {key}s{sign} {as_list(items, language)}"  # brackets and all
        return f"{fix} ({where})" if language == "yaml-lines" else fix
    if name == "category" and len(items) > 1:
        first = _as_value(items[0], language)
        return (
            f"write {key}{sign} {first} ({where}) and put the others in the post's tags "
            f"({', '.join(items[1:])})"
        )
    if len(items) > 1 and name not in TEXT_KEYS:
        return f"choose the one it is and write it alone on the key's line ({where})"
    value = ", ".join(items)
    if len(value) > EXAMPLE_LENGTH:  # no example: a shortened one, copied, would lose words
        return (
            f"write its items on the key's line as one value, joined by commas, in double "
            f"quotes ({where})"
        )
    return f"write {key}{sign} {_as_value(value, language)} ({where})"


def _written(source: str, node: yaml.Node) -> str:
    """The node as written in the block, on one line (for a message)."""
    return " ".join(source[node.start_mark.index : node.end_mark.index].split())


def _entry(
    key: str, node: yaml.Node, line: int, source: str, known: frozenset[str]
) -> tuple[Entry | None, str | None]:
    """One key's entry, or None and the warning that says it was left out. Raises for a
    value a known key cannot take (a list for Title, keys of its own for Tags)."""
    import yaml

    name, shown = key.lower(), display(key)
    if isinstance(node, yaml.ScalarNode):
        if node.tag == NULL_TAG:
            return Entry(key, None, line), None
        entry = Entry(key, node.value, line, block=node.style in ("|", ">"))
        return entry, _hashtag_comment(entry, node, source) if name in known else None
    if isinstance(node, yaml.SequenceNode):
        items = _scalars(node)
        if items is None:
            if name in LIST_KEYS:
                raise YamlFrontMatterError(
                    f"line {line}: {shown} is a list of plain values, got a list or keys inside "
                    f"it; write {shown}: alpha, beta"
                )
            if name in known:
                raise YamlFrontMatterError(
                    f"line {line}: {shown} takes one value, got a list of lists or keys; write "
                    f"{shown}: and its value on one line"
                )
            return None, (
                f"line {line}: {shown} is a list of lists or keys, which front matter here does "
                "not read: it is left out"
            )
        if name in LIST_KEYS or name not in known:  # an unknown key's value does not matter
            # tags: [] (Hugo's archetypes write it): no value, as if the line were absent
            return Entry(key, tuple(items) or None, line), None
        got = (
            f"the list {_written(source, node)!r}"
            if node.flow_style
            else "a YAML list (the - lines below it)"
        )
        fix = one_value_fix(key, items, "yaml" if node.flow_style else "yaml-lines")
        raise YamlFrontMatterError(f"line {line}: {shown} takes one value, got {got}; {fix}")
    keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
    if name in known:
        raise YamlFrontMatterError(
            f"line {line}: {shown} takes {'a list' if name in LIST_KEYS else 'one value'}, got "
            f"keys of its own ({listed(keys)}); write {shown}: and its value on one line"
        )
    # Hugo's params:, a theme's own settings: nothing here reads them, but not a word lost
    return None, keys_left_out(key, line, keys)


@lru_cache(maxsize=256)
def read_block(source: str, known: frozenset[str]) -> Block:
    """The fenced block's text (the lines between the fences) read as YAML: each key with its
    value and line, and the warnings for what was left out. ``known``: the keys that take
    one value unless in LIST_KEYS (a list for another key is kept: it is said to be unknown).
    Raises YamlFrontMatterError naming the file's line. (Cached: the reader and scan_header
    read the same block.)"""
    import yaml

    try:
        root = yaml.compose(source, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise _syntax_error(error, source) from None
    if root is None:  # comments only
        return Block()
    if not isinstance(root, yaml.MappingNode):  # a Markdown rule, then text: not keys
        return Block(keys=False)
    entries, warnings = [], []
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + FIRST_LINE
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
        if not META_KEY.match(key):
            warnings.append(not_a_key(key, _written(source, key_node)[:40], line, known))
            continue
        entry, warning = _entry(key, value_node, line, source, known)
        if entry:
            entries.append(entry)
        if warning:
            warnings.append(warning)
        if entry and entry.block and isinstance(entry.value, str):
            warnings += joined(entry)
    return Block(tuple(entries), tuple(warnings))


def not_a_key(
    key: str,
    shown: str,
    line: int,
    known: frozenset[str],
    error: type[FencedFrontMatterError] = YamlFrontMatterError,
) -> str:
    """The warning for a key the meta extension cannot take (not one word: it is left out);
    raises ``error`` for one that means a key we read (``Series index``)."""
    as_key = re.sub(r"[\s-]+", "_", key.strip()).lower()
    if as_key in known:
        raise error(
            f"line {line}: {shown!r} is not a key (a key is one word): write {display(as_key)}:"
        )
    return (
        f"line {line}: {shown!r} is not a key front matter reads (a key is one word: "
        "letters, digits, - or _): it is left out"
    )


def listed(keys: list[str]) -> str:
    """A few of a table's keys, for a message."""
    return ", ".join(keys[:3]) + (", …" if len(keys) > 3 else "")


def keys_left_out(key: str, line: int, keys: list[str]) -> str:
    """The warning for an unknown key holding keys of its own (Hugo's params:, menu:)."""
    return (
        f"line {line}: {display(key)} holds keys of its own ({listed(keys)}), which front "
        "matter here does not read: it is left out (give each a line of its own if something "
        "should read it)"
    )


def joined(entry: Entry, written: str = "YAML's |") -> list[str]:
    """What a value on several lines (``written`` so) loses on the meta extension's lines: a
    Summary's blank lines (its paragraphs), another key's line breaks (its value is one
    line)."""
    text, shown = str(entry.value).strip(), display(entry.key)
    if entry.key.lower() in FORMATTED_KEYS:
        if "\n\n" in text:
            return [
                f"line {entry.line}: {shown} has paragraphs, but front matter carries no blank "
                "line: they are joined into one paragraph"
            ]
        return []
    if "\n" in text:
        return [
            f"line {entry.line}: {shown} is on several lines ({written}), but a value is one "
            "line: they are joined with spaces"
        ]
    return []


def as_text(entry: Entry) -> str:
    """An entry's value as one line: a list joined by commas, or by semicolons when an item
    holds a comma (Pelican splits Tags and Authors at semicolons then)."""
    value = entry.value
    if value is None:
        return ""
    if isinstance(value, str):
        return " ".join(value.split())
    if not any("," in item for item in value):
        return ", ".join(value)
    # one item ends with ";" too: a semicolon anywhere is what makes Pelican split at them
    return "; ".join(value) + (";" if len(value) == 1 else "")


def meta_lines(entry: Entry) -> list[str]:
    """The meta extension's lines for one entry (none for a null): ``Key: value``, and for a
    Summary one more line for each of its lines, indented by four spaces (Markdown reads it)."""
    if entry.value is None:
        return []
    if entry.key.lower() in FORMATTED_KEYS and isinstance(entry.value, str):
        parts = [line.strip() for line in entry.value.split("\n") if line.strip()] or [""]
        return [f"{entry.key}: {parts[0]}", *(f"    {line}" for line in parts[1:])]
    return [f"{entry.key}: {as_text(entry)}"]
