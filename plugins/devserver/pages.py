"""Which source file wrote each page, across the builds of one `make serve` session.

A writer with /posts/old-slug/ open changes its Slug (or Lang, or renames or moves the file):
the rebuild writes the post elsewhere and the page in the browser reloads onto a 404. Each serve
build records the pages it wrote and the file each came from (``.build-pages.json`` in the
output folder, written only for `invoke serve`, as ``.build-problems.json`` is), and keeps the
pages of earlier builds of the session that are gone. A gallery's page is recorded too, from its
gallery.md (or its folder): renaming the folder moves its page. The dev server reads it for a
missing page: it sends the browser on to where the same file's page is now, or says in the 404
page which file wrote the page and that it is gone.

A file is the same file when its path is the same, or, once its old path is gone, when it is
the same file on disk (a rename or ``mv`` keeps it), or else when it is the one file left
with the same Title and Lang (an editor's "Save as" or a rename that writes a new file, then
the old file deleted). A file deleted whose Title no other file has is gone.

A published page that moved from an address it had when the session started is said in
every build until it is fixed: its file writes it there again, or something else answers at
the old address (the redirect page ``Redirect_from`` makes, another page: said again if that
goes); the file deleted ends it too. A move from an address the session itself made is said once.

Pure: plain dicts in, plain dicts and strings out; ``record`` reads Pelican's generator lists
and the galleries the galleries plugin puts in the context.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plugins.engine import files, keysyntax
from plugins.engine.items import ARTICLE_PAIRS, PAGE_PAIRS

FILE_NAME = ".build-pages.json"

# Pelican's lists of posts and pages, in every state and language: a page the build writes
# is in one of them (both generators have "translations" and "hidden_translations")
_LISTS = tuple(dict.fromkeys(name for pair in (*ARTICLE_PAIRS, *PAGE_PAIRS) for name in pair))

# source (absolute), shown (as messages name it: content/posts/x.md), file ([device, inode]),
# slug, lang, status, title, syntax (its keys': keysyntax's; the record is JSON, a Shown's
# syntax would not survive it)
Entry = dict[str, Any]


def record(generators: Iterable[Any]) -> dict[str, Entry]:
    """save_as -> the source of every post and page these generators will write."""
    # how every message names a source file; imported here, by the build: the dev server,
    # which only reads the record, need not import blogcore and Pelican
    from plugins.blogcore.checks import shown

    pages: dict[str, Entry] = {}
    for generator in generators:
        for name in _LISTS:
            for item in getattr(generator, name, None) or []:
                save_as = getattr(item, "save_as", "")
                source = getattr(item, "source_path", "")
                if not save_as or not source:
                    continue
                named = keysyntax.as_written(
                    shown(generator.settings, source), getattr(item, "metadata", None)
                )
                pages[save_as] = {
                    "source": os.path.abspath(source),
                    "shown": str(named),
                    "file": _identity(source),
                    "slug": str(getattr(item, "slug", "") or ""),
                    "lang": str(getattr(item, "lang", "") or ""),
                    "status": str(getattr(item, "status", "") or ""),
                    "title": str(getattr(item, "title", "") or ""),
                    "syntax": keysyntax.syntax_of(named),
                }
        pages.update(_gallery_pages(generator.context))
    return pages


def _identity(source: str) -> list[int] | None:
    """The file on disk ([device, inode]): a rename or ``mv`` keeps it."""
    try:
        stat = os.stat(source)
    except OSError:
        return None
    return [stat.st_dev, stat.st_ino]


def _gallery_pages(context: Mapping[str, Any]) -> dict[str, Entry]:
    """save_as -> the source of each gallery page (plugins/galleries' ``galleries`` in the
    context): its gallery.md, or its folder without one; a renamed folder moves its page."""
    pages = {}
    for gallery in (context.get("galleries") or {}).values():
        source = getattr(gallery, "source_path", "")
        if not getattr(gallery, "photos", None) or not gallery.save_as or not source:
            continue  # no page written
        pages[gallery.save_as] = {
            "source": os.path.abspath(source),
            "shown": gallery.source.rstrip("/") + "/",  # content/galleries/<slug>/
            "file": _identity(source),
            "slug": gallery.slug,
            "lang": gallery.lang,
            # a gallery readers may not see yet is a draft's page: its moves are not said
            "status": gallery.reader_status,
            "title": gallery.title,
            "kind": "gallery",
        }
    return pages


def url_of(save_as: str) -> str:
    """The address a reader uses for a saved file: posts/x/index.html -> /posts/x/."""
    if save_as == "index.html" or save_as.endswith("/index.html"):
        return "/" + save_as.removesuffix("index.html")
    return "/" + save_as


def renames(before: Mapping[str, Entry], pages: Mapping[str, Entry]) -> dict[str, str]:
    """Old source -> new source, for the files of the previous build that are gone from their
    path and are, on disk, the same file as a source this build has that the last did not;
    or else the one source of this build with the same Title and Lang ("Save as", then the
    old file deleted: a new file, which may have been built beside the old one already)."""
    old_sources = {e["source"]: e for e in before.values()}
    new_files = {}
    for entry in pages.values():
        if entry["source"] not in old_sources and entry.get("file"):
            new_files.setdefault(tuple(entry["file"]), entry["source"])
    now_sources = {e["source"] for e in pages.values()}
    found = {}
    for source, old in old_sources.items():
        if source in now_sources or os.path.exists(source):
            continue
        identity = old.get("file")
        if identity and tuple(identity) in new_files:
            found[source] = new_files[tuple(identity)]
            continue
        same = {
            e["source"]
            for e in pages.values()
            if old.get("title")
            and (e.get("title"), e.get("lang")) == (old.get("title"), old.get("lang"))
        }
        if len(same) == 1:
            found[source] = same.pop()
    return found


def _now(pages: Mapping[str, Entry], source: str) -> str | None:
    """The page this source writes now, or None."""
    for save_as, entry in pages.items():
        if entry["source"] == source:
            return save_as
    return None


def reason(old: Entry, new: Entry) -> str:
    """Why a file's page moved, in the writer's terms: "its Slug changed from 'a' to 'b'"."""
    said = []
    if new.get("kind") == "gallery":  # a gallery's address is its folder's name
        if old.get("shown") != new.get("shown"):
            said.append(f"its folder was renamed to {new.get('shown')}")
    elif old["source"] != new["source"]:
        said.append(f"its file moved to {new.get('shown') or new['source']}")
    if old.get("lang") != new.get("lang"):
        said.append(f"its Lang changed from {old.get('lang')!r} to {new.get('lang')!r}")
    if old.get("slug") != new.get("slug") and new.get("kind") != "gallery":
        said.append(f"its Slug changed from {old.get('slug')!r} to {new.get('slug')!r}")
    return "; ".join(said) or "its address changed (Save_as, or the URL settings)"


@dataclass(frozen=True)
class Move:
    """A page the previous build wrote at ``old`` that the same file writes at ``new`` now."""

    old: str
    new: str
    source: str
    why: str
    published: bool
    kind: str = ""  # "gallery" for a gallery's page, else a post's or a page's
    syntax: str = keysyntax.MARKDOWN  # its file's keys' (a gallery.md's are Markdown's)

    def message(self) -> str:
        """The warning a build logs for it (the terminal and the overlay show it); the key to
        add is written as its file writes keys (a Markdown line in a .rst post would be text)."""
        said = (
            f"{self.source}: its page moved from {url_of(self.old)} to {url_of(self.new)} "
            f"({self.why}); make serve sends the old address there"
        )
        if self.published:
            syntax = keysyntax.MARKDOWN if self.kind == "gallery" else self.syntax
            key = keysyntax.key_as_written("Redirect_from", syntax, url_of(self.old))
            where = "gallery.md" if self.kind == "gallery" else _WHERE.get(syntax, "front matter")
            said += (
                ", a published site would not: if the old address is out already, add "
                f"'{key}' to its {where}"
            )
        return said


# where a key goes in a file of each syntax (Markdown's and TOML's: its front matter)
_WHERE = {keysyntax.RST: "fields (under its title)", keysyntax.HTML: "<head>"}


def follow(
    previous: Mapping[str, Any],
    pages: dict[str, Entry],
    answered: Callable[[str], bool] = lambda save_as: False,
) -> tuple[dict, list[Move]]:
    """This build's record (its pages, the earlier pages of the session that are gone, each
    with the path its file has now, and the published pages moved from where they were when
    the session started, until fixed) and the moves to say: the pages that moved since the
    previous build, and those earlier moves not fixed yet. ``answered(save_as)``: does the
    build's output have a file there (a redirect page)?"""
    before: dict[str, Entry] = previous.get("pages") or {}
    moved = renames(before, pages)
    shown = {e["source"]: e.get("shown") for e in pages.values()}
    gone = {}
    for save_as, entry in {**(previous.get("gone") or {}), **before}.items():
        if save_as not in pages:
            now = entry.get("now") or entry["source"]
            now = moved.get(now, now)
            named = shown.get(now) or entry.get("now_shown") or entry.get("shown") or now
            gone[save_as] = {**entry, "now": now, "now_shown": named}
    moves = []
    for save_as, old in before.items():
        if save_as in pages:
            continue
        now = _now(pages, moved.get(old["source"], old["source"]))
        # a draft published (or unpublished) moves by design: static.py follows it already
        if now is None or pages[now].get("status") != old.get("status"):
            continue
        why = reason(old, pages[now])
        published = old.get("status") == "published"
        kind = pages[now].get("kind", "")
        syntax = pages[now].get("syntax") or keysyntax.MARKDOWN  # a record of before it said
        moves.append(Move(save_as, now, pages[now]["shown"], why, published, kind, syntax))
    # the session's first build is where it started: a move from one of its addresses stays
    start = previous.get("start") if previous else sorted(pages)
    start_set = set(start or ())
    pending = {}
    for old_save_as, item in (previous.get("moved") or {}).items():
        pending[old_save_as] = {**item, "source": moved.get(item["source"], item["source"])}
    for move in moves:
        if move.published and move.old in start_set:
            source = pages[move.new]["source"]
            pending[move.old] = {"old": before[move.old], "source": source}
    said = {move.old for move in moves}
    kept = {}
    for old_save_as, item in sorted(pending.items()):
        if old_save_as in pages:
            continue  # back at its address
        if answered(old_save_as):
            # a redirect page (Redirect_from) answers there: said again if it goes
            kept[old_save_as] = item
            continue
        now = _now(pages, item["source"])
        if now is None:
            if os.path.exists(item["source"]):
                kept[old_save_as] = item  # not built this time (a mistake): said once it is
            continue  # deleted: nothing to redirect to
        old = item["old"]
        if pages[now].get("status") != old.get("status"):
            continue  # a draft now: not a moved page
        kept[old_save_as] = item
        if old_save_as not in said:
            why = reason(old, pages[now])
            kind = pages[now].get("kind", "")
            syntax = pages[now].get("syntax") or keysyntax.MARKDOWN
            moves.append(Move(old_save_as, now, pages[now]["shown"], why, True, kind, syntax))
    return {"pages": pages, "gone": gone, "start": start, "moved": kept}, moves


def load(path: Path) -> dict[str, Any]:
    """A record as written, or an empty one (none yet, or unreadable)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write(path: Path, data: Mapping[str, Any]) -> None:
    """Write the record atomically: the dev server may read it at any moment."""
    files.write_atomically(path, json.dumps(data, indent=1, sort_keys=True))


@dataclass(frozen=True)
class Answer:
    """What the dev server says for a missing page: go to ``moved_to``, or show ``note``."""

    moved_to: str | None = None
    note: str | None = None


def explain(data: Mapping[str, Any], save_as: str) -> Answer | None:
    """For a missing page, where the file that wrote it in this session writes it now, or
    why it is gone; None when no build of the session wrote it."""
    old = (data.get("gone") or {}).get(save_as)
    if not isinstance(old, dict) or not isinstance(old.get("source"), str):
        return None
    pages = data.get("pages") or {}
    source = old.get("now") or old["source"]
    now = _now(pages, source)
    if now is not None and now != save_as:
        why = reason(old, pages[now])
        return Answer(moved_to=url_of(now), note=f"This page moved to {url_of(now)}: {why}.")
    if os.path.exists(source):
        why = "the last build did not write it; the problems listed say why"
    else:
        why = "that file is gone (deleted, or renamed to a new file)"
    named = old.get("now_shown") or old.get("shown") or source
    return Answer(note=f"This page was written from {named}: {why}.")
