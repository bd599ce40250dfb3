"""Front matter between fence lines: ``---`` (YAML: yamlvalues.py) or ``+++`` (Hugo's TOML:
tomlvalues.py), read into the same Entry and Block whichever the language.

Pure: no Pelican, no Markdown. ``front_matter_lines`` gives Python-Markdown's meta extension
the block as ``Key: value`` lines (yamlfront.py runs it just before that extension); ``read``
gives frontmatter.scan_header the same reading, with line numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import tomlvalues, yamlvalues
from .yamlvalues import Block, FencedFrontMatterError, meta_lines

__all__ = ["Fenced", "FencedFrontMatterError", "front_matter_lines", "read"]


@dataclass(frozen=True)
class Fenced:
    """A document's fenced block as read, and where it ends."""

    block: Block
    end: int  # the index of the line that ends it (its closing fence, or a blank line)
    language: str  # "YAML" (--- lines) or "TOML" (+++ lines)


def read(lines: list[str], known: frozenset[str]) -> Fenced | None:
    """A document's fenced block, read in its fence's language; None when its first line is
    no fence. Raises FencedFrontMatterError naming the file's line."""
    toml = tomlvalues.read_lines(lines, known)
    if toml is not None:
        return Fenced(*toml, "TOML")
    end = yamlvalues.block_end(lines)
    if end is None:
        return None
    return Fenced(yamlvalues.read_block("\n".join(lines[1:end]), known), end, "YAML")


def front_matter_lines(lines: list[str], known: frozenset[str]) -> list[str]:
    """A document's lines with its fenced block read, as the lines Python-Markdown's meta
    extension reads (comments and nulls left out); a document whose first line is no fence is
    returned as it is. Raises FencedFrontMatterError naming the line."""
    fenced = read(lines, known)
    if fenced is None or not fenced.block.keys:  # no keys: Markdown's own reading, as before
        return lines
    out = ["---"]
    for entry in fenced.block.entries:
        out += meta_lines(entry)
    if fenced.language == "TOML":
        # the meta extension knows --- and ... fences only
        return [*out, "---", *lines[fenced.end + 1 :]]
    return [lines[0], *out[1:], *lines[fenced.end :]]
