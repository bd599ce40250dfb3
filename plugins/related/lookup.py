"""Which post ``invoke related`` is asked about, and the hint for a slug no post has.

A writer has a post's slug, its address or its file in hand: ``how-we-hire``, ``How-We-Hire``,
``/posts/how-we-hire/``, ``https://blog.example/posts/how-we-hire/`` and
``content/posts/how-we-hire.md`` all name one post. A draft, a post with a future date and a
hidden post can be asked about too: the answer says what it is, and what it would show once
published. A slug no post has gets the slug most like it.

Pure: plain values (``model.Doc``), no Pelican.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from plugins.blogcore.urls import nearest

from .model import Doc

# Related: a slug one word off a published post's (…-postgres-ranges for …-postgresql-ranges)
PIN_CUTOFF = 0.8
# what is typed at the command line may be further off: the hint is all it gets
ASK_CUTOFF = 0.6
# the files Pelican's readers take (an address ends in / or index.html)
SOURCE_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown", ".rst", ".htm", ".html")


@dataclass(frozen=True)
class Entry:
    """A post ``invoke related`` may be asked about."""

    doc: Doc
    url: str  # its address in the site, as Pelican gives it: posts/<slug>/
    state: str = ""  # "" when published, else what it is: DRAFT, HIDDEN, scheduled(day)


def draft(why: str) -> str:
    """What a draft is, with what makes it one (``why``: "Status: draft", its own line as its
    file writes it, or the folder or setting that made it one)."""
    return f"a draft ({why})"


DRAFT = draft("Status: draft")


HIDDEN = "hidden (Status: hidden), so it shows no related posts"


def scheduled(day: str, subject: str = "its Date") -> str:
    """What a post with a future date is (``day``: 2027-03-02; ``subject``: what gives the
    date, its Date or the date in its file's name)."""
    return f"scheduled for {day} ({subject} is in the future)"


def _kind(asked: str) -> str:
    """What the writer typed: a ``file``, an ``address`` or a ``slug``."""
    lowered = asked.lower()
    if lowered.endswith(SOURCE_SUFFIXES) and not lowered.endswith("index.html"):
        return "file"
    return "address" if "/" in asked else "slug"


def _parts(path: str) -> tuple[str, ...]:
    """A file's path as parts, without the root, ``.`` and ``..``."""
    return tuple(
        p for p in PurePosixPath(path.replace("\\", "/")).parts if p not in ("/", ".", "..")
    )


def _address(asked: str) -> str:
    """An address without the site, the query, index.html and the slashes: posts/x."""
    path = urlsplit(asked).path if "://" in asked else asked.split("?")[0].split("#")[0]
    path = path.strip("/")
    return path.removesuffix("index.html").strip("/")


def _slug_in(asked: str) -> str:
    """The slug a question holds, for the hint: the file's name, or the address's last part."""
    kind = _kind(asked)
    if kind == "file":
        return PurePosixPath(asked.replace("\\", "/")).stem
    return _address(asked).rsplit("/", 1)[-1] if kind == "address" else asked


def find(asked: str, entries: Sequence[Entry]) -> list[Entry]:
    """The posts ``asked`` names (several for a slug its translations share).

    By slug, in any case; by file, a path that ends in the post's source path or that the
    source path ends in (``posts/x.md``, an absolute path); by address, the post's own
    (``/fr/posts/x/`` is the French one), else the slug its last part is (``/posts/x/`` for a
    draft, whose address is ``drafts/posts/x/`` until it is published).
    """
    asked = asked.strip()
    if not asked:
        return []
    slug = _slug_in(asked).casefold()
    kind = _kind(asked)
    if kind == "file":
        wanted = _parts(asked)
        return [
            e
            for e in entries
            if (source := _parts(e.doc.source)) and wanted[-len(source) :] == source[-len(wanted) :]
        ]
    if kind == "address":
        address = _address(asked).casefold()
        found = [e for e in entries if e.url.strip("/").casefold() == address]
        if found:
            return found
    return [e for e in entries if e.doc.key.casefold() == slug]


def unknown(asked: str, entries: Iterable[Entry]) -> str:
    """The one line for a question no post answers, with the slug most like it."""
    meant = nearest(_slug_in(asked.strip()), sorted({e.doc.key for e in entries}), ASK_CUTOFF)
    what = {"file": "is written in", "address": "has the address", "slug": "has the slug"}
    line = f"No post {what[_kind(asked.strip())]} {asked.strip()!r}"
    return f"{line}: did you mean {meant!r}?" if meant else f"{line}."


def heading(entry: Entry) -> str:
    """The line above a post's related posts: which post, and what it is if not published."""
    doc = entry.doc
    line = f"Related posts for {doc.key} ({doc.source}, {doc.lang})"
    return f"{line}, {entry.state}; published, it would show:" if entry.state else f"{line}:"


def pin_line(
    message: str, slug: str, published: Iterable[str], unpublished: Mapping[str, str]
) -> str:
    """The line for a ``Related``/``Related_exclude`` slug no published post has
    (``message``: "Related: no published post 'x'"): for a post that is there but not
    published (``unpublished``: slug -> its state, DRAFT, HIDDEN or ``scheduled(day)``), what
    it is, as a pin to it is meant; else the message with the slug that one is a typo of, if
    any, published or not (and then what that post is)."""
    key = message.partition(":")[0]
    state = unpublished.get(slug) if slug else None
    if state is not None:
        return f"{key}: {slug!r} is {_unpublished(key, state)}"
    meant = nearest(slug, sorted({*published, *unpublished}), PIN_CUTOFF) if slug else None
    if meant is None:
        return message
    if meant in unpublished:
        return f"{message} (did you mean {meant!r}? it is {_unpublished(key, unpublished[meant])})"
    return f"{message} (did you mean {meant!r}?)"


def _unpublished(key: str, state: str) -> str:
    """What pinning (``key``: Related) or leaving out (Related_exclude) a post that is there
    but not published does, after "is": "a draft (Status: draft), so it is not linked …"."""
    if state == HIDDEN:
        what = "hidden (Status: hidden), and a hidden post is never shown as related reading"
        return what + (", so this leaves out nothing" if key == "Related_exclude" else "")
    then = (
        "there is nothing to leave out until it is published (then it is left out)"
        if key == "Related_exclude"
        else "it is not linked until it is published"
    )
    return f"{state}, so {then}"
