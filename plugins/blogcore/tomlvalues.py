"""Front matter fenced with ``+++`` lines (Hugo's TOML), read with the standard ``tomllib``.

Pure: no Pelican, no Markdown. ``read_lines`` reads a document's ``+++`` block into the same
Entry and Block as YAML's (yamlvalues.py), so fenced.py gives the meta extension the same
``Key: value`` lines and frontmatter.scan_header the same keys, whichever the fence.

tomllib converts what YAML's compose keeps as written: a value here is turned back into the text
Pelican and the checks read (a date or datetime as ISO text, ``true``/``false`` as written,
a float as written: ``parse_float=str``). tomllib gives no positions, so the line of each key is
found in the block's text (only to name it in a message: the reading is tomllib's).
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from plugins.engine import keysyntax

from .yamlvalues import (
    EXAMPLE_LENGTH,
    LIST_KEYS,
    META_KEY,
    Block,
    Entry,
    FencedFrontMatterError,
    as_list,
    display,
    joined,
    keys_left_out,
    listed,
    not_a_key,
    one_value_fix,
)

if TYPE_CHECKING:  # tomllib is imported where a +++ block is read: its patterns take 20 ms
    import tomllib

FENCE = re.compile(r"^\+{3}\s*$")
# the block's first line is the file's second (the first is the +++ fence)
FIRST_LINE = 2
# tomllib's message ends with where it stopped: "(at line 3, column 9)" or "(at end of document)"
WHERE = re.compile(r"\s*\(at (?:line (?P<line>\d+), column \d+|end of document)\)$")
# a key at the top of the block (bare or quoted, maybe dotted), or a table's header: its line
KEY_LINE = re.compile(
    r"""^\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[A-Za-z0-9_-]+))\s*[=.]"""
)
TABLE_LINE = re.compile(
    r"""^\s*\[\[?\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[A-Za-z0-9_-]+))"""
)
# what to write instead, for the mistakes a writer makes most in TOML (tomllib's words)
HINTS = (
    ("Expected '=' after a key", "a TOML key is followed by =, not by :"),
    ("Invalid value", "text goes in quotes"),
    ("Cannot overwrite", "a key is given twice: keep one line"),
    ("Cannot declare", "a table is given twice: keep one"),
    ("Unterminated string", "close the quote"),
    ("a quote opened", 'close the quote (text on several lines goes between """ lines)'),
    ("Unclosed array", "close the list with ]"),
    ("Unclosed inline table", "close the table with }"),
    ("Expected newline or end of document", "one key = value a line; text goes in quotes"),
)


class TomlFrontMatterError(FencedFrontMatterError):
    """A front matter between +++ lines that is not valid TOML, or a value its key cannot
    take."""


def closing_fence(lines: list[str]) -> int | None:
    """The index of the ``+++`` line that ends the block; None when the first line is no
    ``+++`` fence. Raises when it is one and no line closes it."""
    if not lines or not FENCE.match(lines[0]):
        return None
    for index in range(1, len(lines)):
        if FENCE.match(lines[index]):
            return index
    raise TomlFrontMatterError(
        "line 1: the front matter opened with +++ (Hugo's TOML) has no closing +++ line; "
        "end the keys with a line of +++"
    )


def _problem(error: tomllib.TOMLDecodeError) -> str:
    """tomllib's message without where it stopped."""
    return WHERE.sub("", str(error))


def _error_line(error: tomllib.TOMLDecodeError, lines: list[str]) -> int:
    """The block's line (from 1) tomllib's error is about. "At end of document" (an unclosed
    quote or list, a key given twice) is the first line from which the block fails alike."""
    where = WHERE.search(str(error))
    problem = _problem(error)
    # an unclosed list is noticed lines below where it opened: name the line it opened on
    if where and where["line"] and not problem.startswith(("Unclosed", "Unterminated")):
        return int(where["line"])
    import tomllib

    for count in range(1, len(lines) + 1):
        try:
            tomllib.loads("\n".join(lines[:count]) + "\n")
        except tomllib.TOMLDecodeError as earlier:
            if _problem(earlier) == problem:
                return count
    return len(lines)


# key = value or key: value (YAML's colon), for the line to write instead
KEY_AND_VALUE = re.compile(r"^\s*(?P<key>[A-Za-z0-9_-]+)\s*[:=]\s*(?P<value>\S.*?)\s*$")


def _as_toml(line: str) -> str | None:
    """The line written as TOML, its own key and whole value, the value in quotes unless it
    is quoted or a list already (``title = "DUM-E and U"``); None when the line is no key and
    value, or the value is too long to show whole (a shortened example, copied, loses
    words)."""
    found = KEY_AND_VALUE.match(line)
    if not found or len(found["value"]) > EXAMPLE_LENGTH:
        return None
    value = found["value"]
    if not value.startswith(('"', "'", "[")):
        value = keysyntax.yaml_quoted(value)  # JSON's string is TOML's basic string too
    return f"{found['key']} = {value}"


def _syntax_error(error: tomllib.TOMLDecodeError, lines: list[str]) -> TomlFrontMatterError:
    """tomllib's error as one line: the file's line, what is wrong, what to write (the
    line's own key and whole value, where the fix is = or quotes)."""
    problem = _problem(error)
    if problem == "Illegal character '\\n'":  # a "…" string goes on to the next line
        problem = "a quote opened on this line is not closed"
    number = _error_line(error, lines)
    hint = next(
        (fix for start, fix in HINTS if problem.startswith(start)),
        "each line is key = value, with text in double quotes",
    )
    if problem.startswith(("Expected '=' after a key", "Invalid value")):
        example = _as_toml(lines[number - 1]) if 0 < number <= len(lines) else None
        hint = f"{hint} ({example})" if example else f"{hint} (the whole value, in double quotes)"
    return TomlFrontMatterError(
        f"line {number + FIRST_LINE - 1}: the front matter between +++ "
        f"lines is not valid TOML ({problem}); {hint}"
    )


def _key_lines(lines: list[str]) -> dict[str, int]:
    """The file's line of each key at the top of the block, and of each table's header."""
    found: dict[str, int] = {}
    in_table = False
    for number, line in enumerate(lines, start=FIRST_LINE):
        table = TABLE_LINE.match(line)
        if table:
            in_table = True
            found.setdefault(table["dq"] or table["sq"] or table["bare"], number)
            continue
        key = None if in_table else KEY_LINE.match(line)
        if key:  # keys below a table's header are the table's
            found.setdefault(key["dq"] or key["sq"] or key["bare"], number)
    return found


def _text(value: object) -> str | None:
    """A TOML value as the text Pelican reads (None for a list or a table): dates as ISO
    text (``2025-04-01``, ``2025-04-01T09:30:00+01:00``), booleans as TOML writes them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (str, int)):
        return str(value)
    return None


def _entry(
    key: str, value: object, line: int, known: frozenset[str]
) -> tuple[Entry | None, str | None]:
    """One key's entry, or None and the warning that says it was left out. Raises for a
    value a known key cannot take (a list for Title, a table for Tags)."""
    name, shown = key.lower(), display(key)
    text = _text(value)
    if text is not None:
        return Entry(key, text, line, block="\n" in text.strip()), None
    if isinstance(value, list):
        items = [_text(item) for item in value]
        if any(item is None for item in items):
            if name in LIST_KEYS:
                raise TomlFrontMatterError(
                    f"line {line}: {shown} is a list of plain values, got a list or a table "
                    f'inside it; write {key} = ["alpha", "beta"]'
                )
            if name in known:
                raise TomlFrontMatterError(
                    f"line {line}: {shown} takes one value, got a list of lists or tables; "
                    f'write {key} = "…"'
                )
            return None, (
                f"line {line}: {shown} is a list of lists or tables, which front matter here "
                "does not read: it is left out"
            )
        plain = [" ".join(str(item).split()) for item in items if str(item).strip()]
        if name in LIST_KEYS or name not in known:  # an unknown key's value does not matter
            return Entry(key, tuple(plain) or None, line), None
        raise TomlFrontMatterError(
            f"line {line}: {shown} takes one value, got the list {as_list(plain, 'toml')}; "
            f"{one_value_fix(key, plain, 'toml')}"
        )
    keys = list(value) if isinstance(value, dict) else []
    if name in known:
        raise TomlFrontMatterError(
            f"line {line}: {shown} takes {'a list' if name in LIST_KEYS else 'one value'}, got "
            f"a table ({listed(keys)}); write {key} = and its value on one line"
        )
    # Hugo's [params], [menu.main]: nothing here reads them, but not a word lost
    return None, keys_left_out(key, line, keys)


@lru_cache(maxsize=256)
def read_block(source: str, known: frozenset[str]) -> Block:
    """The block's text (the lines between the fences) read as TOML: each key with its value
    and line, and the warnings for what was left out. ``known``: the keys that take one value
    unless in LIST_KEYS. Raises TomlFrontMatterError naming the file's line. (Cached: the
    reader and scan_header read the same block.)"""
    import tomllib

    lines = source.split("\n")
    try:
        table = tomllib.loads("\n".join(lines) + "\n", parse_float=str)
    except tomllib.TOMLDecodeError as error:
        raise _syntax_error(error, lines) from None
    where = _key_lines(lines)
    entries, warnings = [], []
    for key, value in table.items():
        line = where.get(key, FIRST_LINE)
        if not META_KEY.match(key):
            warnings.append(not_a_key(key, key[:40], line, known, TomlFrontMatterError))
            continue
        entry, warning = _entry(key, value, line, known)
        if entry:
            entries.append(entry)
        if warning:
            warnings.append(warning)
        if entry and entry.block and isinstance(entry.value, str):
            warnings += joined(entry, 'TOML\'s """')
    return Block(tuple(entries), tuple(warnings))


def read_lines(lines: list[str], known: frozenset[str]) -> tuple[Block, int] | None:
    """A document's ``+++`` block read as TOML and the index of its closing fence; None when
    the first line is no ``+++`` fence. Raises TomlFrontMatterError naming the line."""
    end = closing_fence(lines)
    if end is None:
        return None
    return read_block("\n".join(lines[1:end]), known), end
