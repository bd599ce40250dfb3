"""The words Python-Markdown writes into a post by itself, in the post's language.

Two extensions of the site's Markdown write English of their own into every post: footnotes
(each back-link's ``title``, "Jump back to footnote 1 in the text", a tooltip and what screen
readers say) and admonitions (an untitled ``!!! note`` is headed "Note"). On a French post
both stayed English. Through Python-Markdown's public extension API, and only where those
extensions are on:

- a ``BlockProcessor`` just before the admonition one gives an untitled ``!!! note`` the
  title of its type in the post's language (``!!! note "Remarque"``), so a title the writer
  typed is never touched, nor an empty one (``!!! note ""``: no title);
- a ``Treeprocessor`` after the footnote ones rewrites each back-link's title, when the site
  kept the footnote extension's own English (a ``BACKLINK_TITLE`` of the site's is its
  choice).

The words are the theme's: entries of its gettext catalogs (babel.cfg extracts them from this
module, ``N_``), read with Babel from ``<lang>/LC_MESSAGES/<domain>.po`` in the theme's
translations folder (I18N_TRANSLATIONS_PATH or ``THEME/translations``, I18N_DOMAIN), for the
post's ``Lang`` (else DEFAULT_LANG), its primary language next (``fr-CA``: ``fr``). A
language without a catalog, an entry not translated yet or fuzzy, or one whose placeholders
do not fit, keeps the English, as the theme's own strings do. An admonition type the theme
has no word for (``!!! aside``) keeps its capitalised name.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions.footnotes import FootnoteExtension
from markdown.treeprocessors import Treeprocessor


def N_(message: str) -> str:
    """Marks a message for extraction (babel.cfg); translated when a post is read."""
    return message


BACKLINK_TITLE = N_("Jump back to footnote %(num)d in the text")
# the types of Python-Markdown's and reStructuredText's admonitions, as the theme styles them
ADMONITION_TITLES = {
    "note": N_("Note"),
    "tip": N_("Tip"),
    "hint": N_("Hint"),
    "important": N_("Important"),
    "warning": N_("Warning"),
    "caution": N_("Caution"),
    "attention": N_("Attention"),
    "danger": N_("Danger"),
    "error": N_("Error"),
}
# the footnote extension's own title ("{}" for the number), which Python-Markdown writes
# unless a site sets its own
STOCK_BACKLINK = FootnoteExtension().getConfig("BACKLINK_TITLE")
# Python-Markdown's admonition extension: its block processor's name and priority (105), and
# its header's syntax; this extension's processor runs just before it
ADMONITION = "admonition"
ADMONITION_TITLES_PRIORITY = 106
# after the footnote tree processors (50, 19, 15), before blogcore's facts (-100)
FOOTNOTE_TITLES_PRIORITY = 10
ADMONITION_HEADER = re.compile(r'(?:^|\n)!!! ?([\w\-]+(?: +[\w\-]+)*)(?: +"(.*?)")? *(?:\n|$)')

Words = Callable[[str, str], str]  # (language, English message) -> the message in it


class Catalogs:
    """The theme's catalogs, each read once (on first need) for the life of the reader."""

    def __init__(self, folder: Path, domain: str) -> None:
        self.folder = folder
        self.domain = domain
        self._read: dict[str, Catalog | None] = {}

    def _catalog(self, lang: str) -> Catalog | None:
        if lang not in self._read:
            po = self.folder / lang / "LC_MESSAGES" / f"{self.domain}.po"
            try:
                with po.open("rb") as fh:
                    self._read[lang] = read_po(fh, locale=None)
            except (OSError, ValueError):  # no catalog; one Babel cannot read (i18n says so)
                self._read[lang] = None
        return self._read[lang]

    def words(self, lang: str, message: str) -> str:
        """``message`` in ``lang`` (or its primary language), else as it is."""
        for code in dict.fromkeys((lang, lang.replace("_", "-").split("-")[0])):
            catalog = self._catalog(code)
            entry = catalog.get(message) if catalog else None
            if entry and entry.string and not entry.fuzzy and isinstance(entry.string, str):
                return entry.string
        return message


def translated(words: Words, lang: str, message: str, **values: Any) -> str:
    """``message`` in ``lang``, %-formatted with ``values``; the English where the
    translation's placeholders do not fit them (a translator's typo)."""
    try:
        return words(lang, message) % values
    except (KeyError, ValueError, TypeError):
        return message % values


def post_lang(md: Markdown, default: str) -> str:
    """The language of the post being converted: its ``Lang`` (the meta extension's
    ``md.Meta``), else the site's."""
    meta = getattr(md, "Meta", None) or {}
    found = meta.get("lang") or [default]
    value = found[0] if isinstance(found, list) and found else found
    return value.strip() if isinstance(value, str) and value.strip() else default


class UntitledAdmonitions(BlockProcessor):
    """``!!! note`` becomes ``!!! note "<Note in the post's language>"``; the admonition
    processor, next, does the rest. Returns False: the block is not consumed here."""

    def __init__(self, md: Markdown, words: Words, default: str) -> None:
        super().__init__(md.parser)
        self.md = md
        self.words = words
        self.default = default

    def test(self, parent: etree.Element, block: str) -> bool:
        if "!!!" not in block:  # every block of every post is asked: the pattern scans it all
            return False
        found = ADMONITION_HEADER.search(block)
        return bool(found) and found.group(2) is None

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        block = blocks[0]
        found = ADMONITION_HEADER.search(block)
        kind = found.group(1).lower().split()[0]
        if kind not in ADMONITION_TITLES:
            return False
        title = translated(self.words, post_lang(self.md, self.default), ADMONITION_TITLES[kind])
        end = found.end(1)
        blocks[0] = f'{block[:end]} "{title}"{block[end:]}'
        return False


class FootnoteBacklinks(Treeprocessor):
    """Each footnote back-link's title, in the post's language."""

    def __init__(self, md: Markdown, words: Words, default: str) -> None:
        super().__init__(md)
        self.words = words
        self.default = default
        self.stock = re.compile(re.escape(STOCK_BACKLINK).replace(r"\{\}", r"(\d+)") + "$")

    def run(self, root: etree.Element) -> None:
        lang = None
        for link in root.iter("a"):
            if link.get("class") != "footnote-backref":
                continue
            number = self.stock.match(link.get("title") or "")
            if number is None:  # the site's own title
                continue
            lang = lang or post_lang(self.md, self.default)
            link.set("title", translated(self.words, lang, BACKLINK_TITLE, num=int(number[1])))


class LocalWordsExtension(Extension):
    """Registers both processors where their extensions are on (call after them)."""

    def __init__(self, settings: Mapping[str, Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        folder = settings.get("I18N_TRANSLATIONS_PATH") or Path(
            str(settings.get("THEME", ""))
        ).joinpath("translations")
        self.catalogs = Catalogs(Path(folder), settings.get("I18N_DOMAIN") or "messages")
        self.default = str(settings.get("DEFAULT_LANG") or "en")

    def extendMarkdown(self, md: Markdown) -> None:
        words = self.catalogs.words
        if ADMONITION in md.parser.blockprocessors:
            md.parser.blockprocessors.register(
                UntitledAdmonitions(md, words, self.default),
                "blogcore_admonition_titles",
                ADMONITION_TITLES_PRIORITY,
            )
        if "footnote" in md.treeprocessors:
            md.treeprocessors.register(
                FootnoteBacklinks(md, words, self.default),
                "blogcore_footnote_titles",
                FOOTNOTE_TITLES_PRIORITY,
            )
