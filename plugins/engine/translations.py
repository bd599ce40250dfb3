"""A translation never comes out before its original: the engine holds it back with it.

Pelican's generators run ``process_translations`` over published, hidden and draft items
separately, so a published ``merger.fr.md`` whose original ``merger.md`` is a draft (or
dated in the future, which makes it one) was an original of its own: written, listed, in
every feed. Right after Pelican has grouped them (``article_generator_pretaxonomy``; for
pages ``page_generator_finalized``), before any plugin reads the lists, each such version
becomes a draft beside its original (``waiting.waiting``), with one warning line naming
both files: a development build shows it as a draft preview, a publish build writes it
nowhere. A published translation of a hidden original (``Status: hidden``: written, listed
nowhere) was listed on its own likewise; it is hidden with it (``waiting.unlisted``), with a
line. The engine does this in every build that lists any of our plugins, whichever: the
promise that nothing unpublished leaks is the engine's (a build that lists none of them is
Pelican's own, untouched: build.py).

Pelican links translations by slug only: a French file under another slug than its draft
original's (the draft's ``Slug`` renamed after the translator copied it; no ``Slug`` in the
original, and the translator wrote the file's name) was an original of its own, published
at once. Its file name still says what it is (``merger.fr.md`` or ``fr/merger.md`` beside
``merger.md``, ``waiting.named_after``): it is held back with that draft all the same, with
one line naming both files and both slugs, an error in a publish build (``BLOGCORE_STRICT``),
which stops it, a warning in development. Beside a published original it is published as a
post of its own, with a warning.

Pelican's own line for a translation group without an original (``All items ("1") ... are
translations``, two lines with an absolute path) is dropped: a draft translation of a
published post is work in progress and gets no line; a file saying ``Translation: true``
that is the translation of nothing gets one line naming it, here: an error in a publish
build (the writer said it is a translation; published alone it is never what they meant).
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from pelican.utils import order_content, process_translations

from . import build, keysyntax, waiting
from .items import ARTICLE_PAIRS, PAGE_PAIRS
from .side import shown

logger = logging.getLogger(__name__)

ALL_TRANSLATIONS = 'All items ("%s") "%s" are translations'


class SaidHere(logging.Filter):
    """Drops Pelican's "All items ... are translations" (``pelican.utils``): this module says
    what matters of such a group, with the file as staff know it."""

    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.msg if isinstance(record.msg, str) else ""
        return not msg.startswith(ALL_TRANSLATIONS)


SAID_HERE = SaidHere()  # holds nothing: one instance serves every build


def _translation_id(value: Any) -> tuple[str, ...]:
    """ARTICLE_TRANSLATION_ID or PAGE_TRANSLATION_ID as a tuple of keys (empty: none)."""
    if not value:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _marked(item: Any) -> bool:
    """Does the item say Translation: true (Pelican: anything but false)?"""
    return str(item.metadata.get("translation", "false")).lower() != "false"


def _said_draft(item: Any) -> bool:
    """Does the file itself say Status: draft (not only a date in the future)?"""
    return str(item.metadata.get("status", "")).lower() == waiting.DRAFT


def _date(item: Any) -> str:
    """The item's date as writers write it: 2027-03-01."""
    date = getattr(item, "date", None)
    return date.strftime("%Y-%m-%d") if isinstance(date, datetime.date) else "in the future"


@dataclass(frozen=True)
class _Kind:
    """What the lines of one kind of content (posts or pages) in one build need."""

    settings: dict[str, Any]
    items: list[Any]
    ids: tuple[str, ...]
    kind: str  # post or page
    # a publish build: blogcore's verdict fails a strict build that logged an error
    strict: bool

    def file(self, index: int) -> str:
        """The item's file as staff know it: content/posts/x.fr.md (a path that knows its
        keys' syntax, keysyntax.as_written: TOML in a +++ post)."""
        item = self.items[index]
        return keysyntax.as_written(shown(self.settings, item.source_path), item.metadata)

    def key(self, index: int) -> str:
        """Its translation id as a line says it: Slug x."""
        item = self.items[index]
        return ", ".join(f"{key.capitalize()} {getattr(item, key, '')}" for key in self.ids)

    def key_in(self, index: int, into: int) -> str:
        """The item's translation id as the file ``into`` writes it, to copy there: Slug: x,
        :slug: x, <meta name="slug" content="x">, slug = "x"."""
        item, syntax = self.items[index], keysyntax.syntax_of(self.file(into))
        return ", ".join(
            keysyntax.key_as_written(key.capitalize(), syntax, str(getattr(item, key, "")))
            for key in self.ids
        )

    def why(self, index: int) -> str:
        """Why the item (a draft or a post dated in the future) is not out yet."""
        return waiting.why_waiting(_said_draft(self.items[index]), _date(self.items[index]))


def hold(
    generator: Any, lists: Sequence[tuple[str, str]], id_setting: str, order: str, kind: str
) -> None:
    """Make every version of a post or page whose originals are all drafts a draft too (and
    one named as a draft's translation, under another slug), and every published one whose
    originals are hidden (none published) hidden."""
    settings = generator.settings
    ids = _translation_id(settings.get(id_setting))
    if not ids:
        return  # no translations on this site: every file stands alone
    items = [item for pair in lists for name in pair for item in getattr(generator, name, ())]
    key = attrgetter(*ids)
    versions = [
        waiting.Version(
            key=key(item),
            state=item.status,
            in_default_lang=bool(item.in_default_lang),
            marked=_marked(item),
            lang=str(getattr(item, "lang", "") or ""),
            path=str(item.source_path or ""),
        )
        for item in items
    ]
    said = _Kind(settings, items, ids, kind, bool(settings.get("BLOGCORE_STRICT")))
    named = waiting.named_after(versions)
    misnamed = _misnamed(said, versions, named)
    _orphans(said, versions, named)
    held, hidden = waiting.waiting(versions), waiting.unlisted(versions)
    kept_back = vars(build.current(settings).state(__name__)).setdefault("held", {})
    for index, first in sorted(held.items()):
        kept_back[said.file(index)] = said.file(first)
        logger.warning(
            "%s: waits for its original %s, %s (a translation is published with it, not before)",
            said.file(index),
            said.file(first),
            said.why(first),
        )
    for index, first in sorted(hidden.items()):
        logger.warning(
            "%s: is hidden with its original %s, which says %s (a translation is listed where "
            "its original is; write %s in it to say so)",
            said.file(index),
            said.file(first),
            keysyntax.key_as_written("Status", keysyntax.syntax_of(said.file(first)), "hidden"),
            keysyntax.key_as_written("Status", keysyntax.syntax_of(said.file(index)), "hidden"),
        )
    # a misnamed one is not kept back (held_back): its line is a mistake that stops a publish
    held = {**held, **misnamed}
    regroup = (settings[id_setting], settings[order])
    if held:
        _move(generator, lists, [items[i] for i in sorted(held)], len(lists) - 1, *regroup)
    if hidden:
        _move(generator, lists, [items[i] for i in sorted(hidden)], 1, *regroup)


def _misnamed(
    said: _Kind, versions: Sequence[waiting.Version], named: dict[int, int]
) -> dict[int, int]:
    """One line for each version named as another's translation under another key: those of
    a draft or a future post (which it would come out before) are held back with it, an error
    in a publish build; one of a published post stands alone, a warning. Those held back."""
    misnamed = {
        index: first
        for index, first in named.items()
        if versions[first].state == waiting.DRAFT and versions[index].state != waiting.DRAFT
    }
    for index, first in sorted(named.items()):
        if index in misnamed:
            (logger.error if said.strict else logger.warning)(
                "%s: is named as a translation of %s, %s, but has %s, not its %s: held back "
                "with it, not published alone before it (give it its original's %s, or rename "
                "the file if it is a %s of its own)",
                said.file(index),
                said.file(first),
                said.why(first),
                said.key(index),
                said.key(first),
                said.key_in(first, index),
                said.kind,
            )
        elif versions[index].state != waiting.DRAFT:  # a draft is work in progress
            logger.warning(
                "%s: is named as a translation of %s, but has %s, not its %s, so it stands as "
                "a %s of its own, linked to neither (give it its original's %s, or rename the "
                "file if it is a %s of its own)",
                said.file(index),
                said.file(first),
                said.key(index),
                said.key(first),
                said.kind,
                said.key_in(first, index),
                said.kind,
            )
    return misnamed


def _orphans(said: _Kind, versions: Sequence[waiting.Version], named: dict[int, int]) -> None:
    """One line for each version saying Translation: true that translates nothing (unless it
    is named as another file's translation: said there): the writer said it is a translation,
    so publishing it alone is never what they meant, an error in a publish build."""
    for index in waiting.orphans(versions):
        if index in named:
            continue
        alone = said.strict and versions[index].state != waiting.DRAFT
        syntax = keysyntax.syntax_of(said.file(index))  # its :translation: field in .rst
        (logger.error if alone else logger.warning)(
            "%s: says %s, but no %s with its %s is the original, so it %s a %s "
            "of its own (give it its original's %s, or remove its %s)",
            said.file(index),
            keysyntax.key_as_written("Translation", syntax, "true"),
            said.kind,
            said.key(index),
            "would be published as" if alone else "stands as",
            said.kind,
            " and ".join(name.capitalize() for name in said.ids),
            f"{keysyntax.key_as_written('Translation', syntax)} {keysyntax.line_of(syntax)}",
        )


def _move(
    generator: Any,
    lists: Sequence[tuple[str, str]],
    moved: list[Any],
    to: int,
    translation_id: Any,
    order: str,
) -> None:
    """Move these versions into the pair of lists ``lists[to]`` (hidden or drafts), in that
    state, and group that pair again: the moved versions with their originals there."""
    gone = {id(item) for item in moved}
    for number, pair in enumerate(lists):
        if number == to:
            continue
        for name in pair:
            kept = [item for item in getattr(generator, name) if id(item) not in gone]
            getattr(generator, name)[:] = kept  # in place: a context may hold the same list
    state = waiting.DRAFT if to == len(lists) - 1 else waiting.HIDDEN
    for item in moved:
        # what Pelican itself does to a post dated in the future (Article.__init__); URLs and
        # save_as follow (DRAFT_*; a hidden post keeps its address); safe with the reader
        # cache Pelican uses by default, which keeps the file's metadata, not the object
        # (CONTENT_CACHING_LAYER "reader")
        item.status = state
    # grouped again, moved versions with their originals: the preview of a draft, or a hidden
    # post, links its translations as a published post does
    firsts_name, translations_name = lists[to]
    every = [*getattr(generator, firsts_name), *getattr(generator, translations_name), *moved]
    firsts, translations = process_translations(every, translation_id=translation_id)
    getattr(generator, firsts_name)[:] = order_content(firsts, order)
    getattr(generator, translations_name)[:] = translations


def held_back(settings: dict[str, Any]) -> dict[str, str]:
    """The files this build held back with their unpublished originals, as staff know them
    (``content/posts/x.fr.md``), each with its original's."""
    return dict(getattr(build.current(settings).state(__name__), "held", {}))


def on_articles_read(generator: Any) -> None:
    """Posts: hold translations of drafts and future posts, and hide those of hidden posts,
    before taxonomies and plugins."""
    hold(generator, ARTICLE_PAIRS, "ARTICLE_TRANSLATION_ID", "ARTICLE_ORDER_BY", "post")


def on_pages_read(generator: Any) -> None:
    """Pages: hold translations of draft pages (a page does not wait for its date), hide
    those of hidden pages."""
    hold(generator, PAGE_PAIRS, "PAGE_TRANSLATION_ID", "PAGE_ORDER_BY", "page")
