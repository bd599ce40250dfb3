"""Obsidian's callouts and GitHub's alerts as the site's admonitions: pure Markdown.

Obsidian writes a boxed note as a quote whose first line names its kind, ``> [!note] Title``
(``> [!warning]-`` folded), and GitHub the same without a title, ``> [!NOTE]``; VS Code's
preview and GitHub show both as boxes. Python-Markdown read them as a quote starting with the
words "[!note]". Where the admonition extension is on (``!!! note``, the site's boxes), a
``BlockProcessor`` just before the quote one rewrites such a quote as the admonition it means,
``!!! note "Title"`` and its lines indented, and lets the admonition processor do the rest
(Python-Markdown's public block-parser API). A quote without the marker stays a quote; a
folded callout is shown open (the site's boxes do not fold). Without the admonition extension
the quote is shown as written, and blogcore's foreign-syntax check names it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor

ADMONITION = "admonition"
# before the quote processor (20), after lists (30): a quote in a list item is the item's
CALLOUT_PRIORITY = 21
_CALLOUT = re.compile(r"\A {0,3}> ?\[!(?P<kind>[A-Za-z][\w-]*)\][+-]?[ \t]*(?P<title>[^\n]*)")
_QUOTED = re.compile(r"^ {0,3}> ?")


def as_admonition(block: str) -> list[str] | None:
    """A callout's block as the admonition's blocks (its header, then its paragraphs indented
    by four spaces), or None when the block is no callout."""
    found = _CALLOUT.match(block)
    if found is None:
        return None
    kind = found["kind"].lower()
    title = found["title"].strip()
    header = f'!!! {kind} "{title}"' if title else f"!!! {kind}"
    body = [_QUOTED.sub("", line, count=1) for line in block.split("\n")[1:]]
    chunks: list[list[str]] = [[]]
    for line in body:
        if line.strip():
            chunks[-1].append("    " + line)
        elif chunks[-1]:
            chunks.append([])
    blocks = ["\n".join(chunk) for chunk in chunks if chunk]
    if blocks:
        blocks[0] = header + "\n" + blocks[0]
    return blocks or [header]


class Callouts(BlockProcessor):
    """A ``> [!kind] Title`` quote becomes ``!!! kind "Title"`` for the admonition processor."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return _CALLOUT.match(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        rewritten = as_admonition(blocks[0])
        if rewritten is None:
            return False
        blocks[0:1] = rewritten
        return True


class CalloutsExtension(Extension):
    """Registers Callouts where the admonition extension is on (call after it)."""

    def extendMarkdown(self, md: Markdown) -> None:
        if ADMONITION in md.parser.blockprocessors:
            md.parser.blockprocessors.register(Callouts(md.parser), "callouts", CALLOUT_PRIORITY)
