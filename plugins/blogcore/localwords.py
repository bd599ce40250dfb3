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
module, ``N_``), as the i18n plugin loads them for the build's pages
(``plugins.i18n.signals.theme_catalogs``: one reader of the catalogs, not two), for the
post's ``Lang`` (else DEFAULT_LANG) from the catalog its pages take the theme's strings from
(``plugins.i18n.templating.words_in``: ``fr-CA`` takes ``fr``'s). A language without a
catalog, an entry not translated yet, fuzzy or broken, or one whose placeholders do not fit,
keeps the English, as the theme's own strings do; so does every post of a build that does not
list the i18n plugin (its pages show the templates' English). An admonition type the theme
has no word for (``!!! aside``) keeps its capitalised name.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping
from typing import Any

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions.footnotes import FootnoteExtension
from markdown.treeprocessors import Treeprocessor

from plugins.engine import build
from plugins.i18n.signals import theme_catalogs
from plugins.i18n.templating import words_in


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
I18N = "plugins.i18n"  # the plugin whose catalogs the theme's pages show


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
        self.settings = settings  # the build's: its catalogs are looked up by it
        self.default = str(settings.get("DEFAULT_LANG") or "en")

    def words(self, lang: str, message: str) -> str:
        """``message`` in ``lang`` as the build's pages show the theme's strings."""
        if I18N not in build.listed(self.settings):
            return message
        return words_in(lang, message, theme_catalogs(self.settings))

    def extendMarkdown(self, md: Markdown) -> None:
        words = self.words
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
