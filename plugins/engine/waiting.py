"""Which translations wait for their original: the rule, on plain values (no Pelican import).

Pelican groups translations separately among published, hidden and draft items, so a
published translation whose original is a draft, or a post dated in the future (a draft
until that day), became an original of its own and went out first. The rule here looks at
every version of a post or page at once: when every original of a group is a draft, each
version of it that is not a draft waits with them. Likewise a published translation of a
hidden original (``Status: hidden``: written, listed nowhere) was listed on its own; when no
original of a group is published and one is hidden, its published versions are hidden too.

Pelican links translations by slug only, so a translation whose slug is not its original's
(the writer renamed the draft's ``Slug`` after the translator copied it; the original has
no ``Slug`` line and the translator wrote the file's name) is an original of its own, in no
group with the draft. Its file name still says what it is: ``<name>.<lang>.md`` (or
``<lang>/<name>.md``) beside ``<name>.md``. ``named_after`` finds such versions, each with
the file it is named after; the engine holds one back with that file while it is a draft.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from functools import cache

from babel import localedata

DRAFT = "draft"
HIDDEN = "hidden"
PUBLISHED = "published"


@dataclass(frozen=True)
class Version:
    """One file of a post or page, as far as the rule needs it."""

    key: Hashable  # its translation id's values (the slug)
    state: str  # Pelican's status: published, hidden or draft (a future post: draft)
    in_default_lang: bool
    marked: bool  # says Translation: true
    lang: str = ""  # its language (Lang, or DEFAULT_LANG)
    path: str = ""  # its source file


# A file name's last part before the extension that reads as a language even where the file
# says no Lang: two letters, a region after them (x.fr.md, x.pt-br.md, x.zh_CN.md)
LANGUAGE_CODE = re.compile(r"[a-z]{2}(?:[-_][a-z]{2,4})?", re.IGNORECASE)


def originals(group: Sequence[Version]) -> list[int]:
    """The originals of one group, by index, as ``pelican.utils.get_original_items`` picks
    them: the versions not marked as translations (all, if every one is), and among those the
    ones in DEFAULT_LANG, if any."""
    candidates = [i for i, v in enumerate(group) if not v.marked] or list(range(len(group)))
    in_default = [i for i in candidates if group[i].in_default_lang]
    return in_default or candidates


def _groups(versions: Sequence[Version]) -> list[list[int]]:
    """The indexes of the versions, grouped by key, in the order keys first appear."""
    groups: dict[Hashable, list[int]] = defaultdict(list)
    for index, version in enumerate(versions):
        groups[version.key].append(index)
    return list(groups.values())


def waiting(versions: Sequence[Version]) -> dict[int, int]:
    """Each version that must wait (by index), with the index of the original it waits for:
    every version that is not a draft, in a group whose originals are all drafts."""
    held: dict[int, int] = {}
    for members in _groups(versions):
        group = [versions[i] for i in members]
        firsts = [members[i] for i in originals(group)]
        if any(versions[i].state != DRAFT for i in firsts):
            continue  # an original is out: its translations go with it
        for index in members:
            if versions[index].state != DRAFT:
                held[index] = firsts[0]
    return held


def unlisted(versions: Sequence[Version]) -> dict[int, int]:
    """Each published version (by index) in a group whose originals are none published and
    one or more hidden, with the index of the hidden original it is hidden with."""
    hidden: dict[int, int] = {}
    for members in _groups(versions):
        group = [versions[i] for i in members]
        firsts = [members[i] for i in originals(group)]
        states = [versions[i].state for i in firsts]
        if PUBLISHED in states or HIDDEN not in states:
            continue
        original = firsts[states.index(HIDDEN)]
        for index in members:
            if versions[index].state == PUBLISHED:
                hidden[index] = original
    return hidden


def orphans(versions: Sequence[Version]) -> list[int]:
    """The versions marked Translation: true whose group has no version without the mark,
    in any state: a translation of nothing (Pelican makes it an original, with a warning)."""
    found: list[int] = []
    for members in _groups(versions):
        if all(versions[i].marked for i in members):
            found.extend(members)
    return found


def _tag(code: str) -> str:
    """A language as file names and Lang lines may write it: pt_BR and pt-br alike."""
    return code.lower().replace("_", "-")


@cache
def _language(code: str) -> bool:
    """Whether a file name's last part is a language Babel knows (x.fr.md, x.pt-br.md), not
    a word that looks like one (notes.ok.md, notes.md.md)."""
    return bool(LANGUAGE_CODE.fullmatch(code)) and localedata.exists(code.replace("-", "_"))


def _folder_and_stem(path: str) -> tuple[str, str]:
    """A file's folder and its name without the extension: /c/posts/x.fr.md -> (/c/posts,
    x.fr) (string functions: a PurePath per file was a third of this rule's time)."""
    folder, name = os.path.split(path)
    return folder, os.path.splitext(name)[0]


def _named_for(version: Version) -> tuple[tuple[str, str], str] | None:
    """The (folder, name) of the file this version's name says it translates, with the
    language its name gives: x.fr.md -> ((posts, x), fr); fr/x.md -> ((posts, x), fr) when
    the file says Lang: fr. None for a name that says no language."""
    if not version.path:
        return None
    folder, stem = _folder_and_stem(version.path)
    own = _tag(version.lang)
    base, dot, code = stem.rpartition(".")
    if dot and base and (_tag(code) == own or _language(code)):
        return (folder, base), _tag(code)
    parent, language_folder = os.path.split(folder)
    if own and _tag(language_folder) == own:
        return (parent, stem), own
    return None


def named_after(versions: Sequence[Version]) -> dict[int, int]:
    """Each version (by index) whose file is named as a translation of another version's
    file (``x.fr.md`` or ``fr/x.md`` beside ``x.md``, in another language) but which is not
    in its group (another key), with the index of that version. Only versions that are an
    original of their own group: one that translates another post goes out with that one."""
    by_name = {_folder_and_stem(v.path): i for i, v in enumerate(versions) if v.path}
    firsts = {
        members[i]
        for members in _groups(versions)
        for i in originals([versions[m] for m in members])
    }
    found: dict[int, int] = {}
    for index, version in enumerate(versions):
        named = _named_for(version) if index in firsts else None
        if named is None:
            continue
        where, code = named
        other = by_name.get(where)
        if other is None or other == index:
            continue
        if versions[other].key != version.key and _tag(versions[other].lang) != code:
            found[index] = other
    return found


def why_waiting(said_draft: bool, date: str) -> str:
    """Why an original is not out yet, as a writer would say it."""
    return "which is a draft (Status: draft)" if said_draft else f"which is dated {date}"
