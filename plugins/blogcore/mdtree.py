"""A post's facts from Python-Markdown's own tree, before it becomes HTML.

What blogcore needs of a Markdown post — its words, its elements for the sanitiser's report,
table cells' alignment as a class — is read from the element tree Markdown builds, by a
``Treeprocessor`` that runs after every other one (Markdown's public extension API), instead
of parsing the HTML Markdown writes: a tenth of the cost. Code blocks get their ``tabindex``
from the Pygments formatter that writes them (codeblocks.py).

The tree holds placeholders for what Markdown keeps aside as HTML (``md.htmlStash``): code
blocks our formatter wrote and entities (``&rsquo;``) are read here; anything else — HTML a
writer typed, another extension's HTML — makes the facts ``None``, and the reader takes them
from the HTML with beautifulsoup4 instead (text.py), exactly as for any other HTML.
"""

import functools
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape

from markdown import Extension, Markdown, util
from markdown.extensions.footnotes import FN_BACKLINK_TEXT, NBSP_PLACEHOLDER, FootnoteExtension
from markdown.serializers import RE_AMP
from markdown.treeprocessors import Treeprocessor

from . import text

_STASHED = util.HTML_PLACEHOLDER.split("%s")[0][1:]  # "wzxhzdk:"
_AMP = util.AMP_SUBSTITUTE[1:-1]  # "amp"


class Unknown(Exception):
    """The tree holds something only its HTML can tell (a writer's HTML, say)."""


@dataclass(frozen=True)
class Facts:
    """What one conversion's tree says of the HTML Markdown writes from it."""

    words: int  # as text.count_words counts the sanitised HTML
    markup: tuple[tuple[str, dict[str, str]], ...]  # as text.markup_of reads the HTML


def align_cells(root: etree.Element) -> bool:
    """``style="text-align: right;"`` becomes ``class="align-right"`` (text.tidy_html's rule).

    Markdown writes attributes in lexical order, and tidy_html puts the class where the
    style was: where another attribute would come between the two, the element is left
    for tidy_html, and False says so. With a class already, the style goes (the HTML's
    reader keeps the first of two class attributes).
    """
    exact = True
    for element in root.iter():
        aligned = text.align_class(element.get("style"))
        if aligned is None:
            continue
        if "class" in element.attrib:
            del element.attrib["style"]
        elif any("class" < name < "style" for name in element.attrib):
            exact = False
        else:
            del element.attrib["style"]
            element.set("class", aligned)
    return exact


def scroll_tables(root: etree.Element) -> None:
    """text.scroll_tables in Markdown's tree: each table (but one inside another) in a
    ``div.table-scroll`` box, named by its caption or the heading it comes under."""
    if root.find(".//table") is None:  # most posts
        return
    names = text.TableNames({value for element in root.iter() if (value := element.get("id"))})
    boxes: list[tuple[etree.Element, etree.Element, dict[str, str]]] = []
    stack: list[tuple[etree.Element, Iterator, int]] = [(root, iter(root), 0)]
    while stack:  # document order, as beautifulsoup4's find_all (no recursion)
        parent, children, tables = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        if child.tag in text.HEADINGS:
            has_id = "id" in child.attrib  # an empty one is left as it is (text.scroll_tables)
            names.heading(child.get("id"), None if has_id else functools.partial(child.set, "id"))
        elif (
            child.tag == "table"
            and not tables
            and not text.in_table_box(parent.tag, parent.get("class"))
        ):
            boxes.append((parent, child, names.box(_caption_id(child, names))))
        stack.append((child, iter(child), tables + (child.tag == "table")))
    for parent, table, attrs in boxes:
        box = etree.Element("div", attrs)
        box.tail, table.tail = table.tail, None
        parent.insert(list(parent).index(table), box)
        parent.remove(table)
        box.append(table)


def corner_cells(root: etree.Element) -> None:
    """The empty top-left header cell of a two-way table (``|   | Bank A | Bank B |``) as a
    ``<td>``: a header cell with no text names no column (axe's ``empty-table-header``), and
    a header row may hold data cells."""
    for head in root.iter("thead"):
        row = head.find("tr")
        first = row[0] if row is not None and len(row) else None
        if first is not None and first.tag == "th" and not len(first) and not first.text:
            first.tag = "td"


def _caption_id(table: etree.Element, names: "text.TableNames") -> str | None:
    """The id of a table's caption, given one if it has none; None without a caption."""
    caption = table.find("caption")
    if caption is None:
        return None
    if "id" not in caption.attrib:
        caption.set("id", names.free_id("table-caption"))
    return caption.get("id") or None


class Reading:
    """Reads one tree: its placeholders resolved to the text the HTML will show."""

    def __init__(self, stash: list, known: set[str], backlink: str | None) -> None:
        self.stash, self.known, self.backlink = stash, known, backlink

    def shown(self, value: str) -> str:
        """The text a reader of the HTML gets for a piece of the tree's text (or a value)."""
        if util.STX not in value:
            return _decoded(value)
        head, *pieces = value.split(util.STX)
        out = [_decoded(head)]
        for piece in pieces:
            inner, end, rest = piece.partition(util.ETX)
            if not end:
                raise Unknown(piece)
            shown, rest = self.placeholder(inner, rest)
            out.append(shown)
            out.append(_decoded(rest))
        return "".join(out)

    def placeholder(self, inner: str, rest: str) -> tuple[str, str]:
        """What the HTML shows for one placeholder, and the text after it still to decode."""
        if inner.startswith(_STASHED):
            item = self.stash[int(inner[len(_STASHED) :])]
            if not isinstance(item, str):
                raise Unknown(inner)
            if item in self.known:  # a code block: a <div> and a <pre>, no prose
                return " ", rest
            if "<" not in item and item.startswith("&") and item.endswith(";"):
                return unescape(item), rest
            raise Unknown(inner)
        if inner == _AMP:  # automatic links to e-mail addresses: "&#109;" for each letter
            entity, semicolon, after = rest.partition(";")
            if not semicolon or not entity.startswith("#") or "<" in entity:
                raise Unknown(inner)
            return unescape(f"&{entity};"), after
        if util.STX + inner + util.ETX == FN_BACKLINK_TEXT:
            if self.backlink is None:  # a site's own backlink with markup
                raise Unknown(inner)
            return self.backlink, rest
        if util.STX + inner + util.ETX == NBSP_PLACEHOLDER:
            return "\xa0", rest
        raise Unknown(inner)

    def prose(self, root: etree.Element) -> str:
        """text.visible_text of the HTML the tree becomes (no recursion)."""
        out: list[str] = []
        stack: list[tuple[Iterator, etree.Element | None]] = [(iter(root), None)]
        if root.text:
            out.append(self.shown(root.text))
        while stack:
            children, parent = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                if parent is not None:
                    if parent.tag in text.BLOCK_TAGS:
                        out.append(" ")
                    if parent.tail:
                        out.append(self.shown(parent.tail))
                continue
            if not isinstance(child.tag, str):  # a comment or processing instruction
                raise Unknown(child.tag)
            if child.tag in text.SKIPPED_TAGS:
                out.append(" ")
                if child.tail:
                    out.append(self.shown(child.tail))
                continue
            if child.tag in text.BLOCK_TAGS:
                out.append(" ")
            if child.text:
                out.append(self.shown(child.text))
            stack.append((iter(child), child))
        return "".join(out)

    def markup(self, root: etree.Element) -> tuple[tuple[str, dict[str, str]], ...]:
        """Every element the HTML will have, as text.markup_of reads it (values decoded)."""
        found = []
        for element in root.iter():
            if element is root:  # Markdown's wrapper, not written
                continue
            # None: a bare word in an attribute list ({bash}), written as <code bash>, which
            # an HTML parser reads as an empty value
            attrs = {
                name: "" if value is None else self.shown(value)
                for name, value in element.attrib.items()
            }
            found.append((element.tag, attrs))
        return tuple(found)


def _decoded(written: str) -> str:
    """Text of the tree as the HTML's reader gets it: Markdown writes an ``&`` that starts a
    character reference as it is (``&lt;`` in inline code), any other as ``&amp;``."""
    if "&" not in written:
        return written
    return unescape(RE_AMP.sub("&amp;", written))


class FactsProcessor(Treeprocessor):
    """The last step of Markdown's tree: align table cells (an empty corner cell a ``<td>``),
    note the post's facts, then put tables in their boxes."""

    def __init__(self, md: Markdown, extension: "FactsExtension") -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        extension = self.extension
        reading = Reading(self.md.htmlStash.rawHtmlBlocks, extension.known, extension.backlink)
        try:
            if not align_cells(root):
                raise Unknown("style")
            corner_cells(root)
            facts = Facts(text.count_text_words(reading.prose(root)), reading.markup(root))
            # only where the tree is the whole HTML: else tidy_html boxes every table at once
            scroll_tables(root)
        except Unknown:
            facts = None
        finally:
            extension.known.clear()
        extension.found.append(facts)


class FactsExtension(Extension):
    """Registers FactsProcessor; ``found`` holds the facts of each conversion since
    ``take()`` (None where the tree could not tell them); ``known``: the code blocks the
    converter's formatter wrote since the last conversion (codeblocks.py fills it)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.found: list[Facts | None] = []
        self.known: set[str] = set()
        self.backlink: str | None = unescape("&#8617;")

    def extendMarkdown(self, md: Markdown) -> None:
        for extension in md.registeredExtensions:
            if isinstance(extension, FootnoteExtension):
                backlink = extension.getConfig("BACKLINK_TEXT")
                self.backlink = unescape(backlink) if "<" not in backlink else None
        md.treeprocessors.register(FactsProcessor(md, self), "blogcore_facts", -100)

    def take(self) -> list["Facts | None"]:
        """The facts found since the last call, one per conversion, and forget them."""
        found, self.found = self.found, []
        return found
