"""A post's headings under its page's title: the top level an ``<h2>``, no level skipped.

The page writes a post's title as its one ``<h1>``. A writer who starts sections at ``###``
(a habit of blogs whose theme styled ``<h2>`` too large) or who uses ``#`` for a section gave
the page a heading that skips a level (``<h3>`` after the ``<h1>``: an error of the Nu
validator, axe's ``heading-order``) or a second ``<h1>``. This Markdown extension (loaded by
name from ``MARKDOWN``'s ``extension_configs``, Python-Markdown's public extension API) moves
each heading to the level the outline gives it, before ``toc`` builds its table of contents:
the post's levels keep their order (``###``/``####`` become ``<h2>``/``<h3>``), and no heading
is more than one level below the one before it. Ids come from a heading's text, not its
level, so links to ``#morning`` keep working. A post whose headings are right already (the top
level ``##``, none skipped) is written exactly as before.
"""

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
TOP = 2  # the level of a post's top headings: the page's title is its <h1>


def outline(levels: list[int], top: int = TOP) -> list[int]:
    """The level each heading gets: the post's distinct levels in order from ``top``, then
    none deeper than one below the heading before it (the first, than ``top``); at most 6."""
    rank = {level: top + i for i, level in enumerate(sorted(set(levels)))}
    out: list[int] = []
    before = top - 1
    for level in levels:
        before = min(rank[level], before + 1, 6)
        out.append(before)
    return out


class HeadingsProcessor(Treeprocessor):
    """Sets each heading of Markdown's tree to its level in the outline (``outline``)."""

    def run(self, root: etree.Element) -> None:
        found = [element for element in root.iter() if element.tag in HEADINGS]
        if not found:
            return
        levels = outline([int(element.tag[1]) for element in found])
        for element, level in zip(found, levels, strict=True):
            element.tag = f"h{level}"


# an empty anchor alone in its paragraph, right before a heading given the same id: the
# anchors a table of contents generator (Sublime's MarkdownTOC, <a id="usage"></a> above
# "## Usage") writes, which ``toc`` cannot see (raw HTML is stashed) and gave the heading too
_ANCHOR_BEFORE_ITS_HEADING = re.compile(
    r"<p>\s*<a id=\"([^\"<>]+)\"\s*>\s*</a>\s*</p>\s*(?=<h[1-6]\b[^>]*\sid=\"\1\")"
)


class AnchorsBeforeHeadings(Postprocessor):
    """Drops such an anchor: the heading carries its id, so links to it land where they did,
    and the page has no duplicate id (an error of the Nu validator)."""

    def run(self, text: str) -> str:
        if "<a id=" not in text:
            return text
        return _ANCHOR_BEFORE_ITS_HEADING.sub("", text)


class HeadingsExtension(Extension):
    """Registers HeadingsProcessor before ``toc`` (5) reads the headings, after ``attr_list``
    (8) gave them the ids a writer asked for; and AnchorsBeforeHeadings once raw HTML is back
    in the text (after ``raw_html``, 30)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(HeadingsProcessor(md), "blogcore_headings", 7)
        md.postprocessors.register(AnchorsBeforeHeadings(md), "blogcore_heading_anchors", 25)


def makeExtension(**kwargs) -> HeadingsExtension:
    """What Markdown calls for ``"plugins.blogcore.headings"`` in ``extension_configs``."""
    return HeadingsExtension(**kwargs)
