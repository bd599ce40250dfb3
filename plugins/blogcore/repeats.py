"""The same mistake in many files of one folder (or one build), said once: pure logic.

A folder of notes without front matter gave one "has no Title: line" line per note, 188 lines
that were all alike. The first few files of a folder are named as any file is; from the fifth
with the same message on, each is only counted, and one line for the folder says how many,
names the first of the others (by name: files are read in no set order) and what to do (``folded``).
A key no one reads (an old theme's ``Version:``) in more than a few files is one line for the
build, naming two of them (``key_message``): 1,315 lines for one adopted blog's 151 posts.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from plugins.engine import keysyntax

SHOWN = 4  # the files of one folder named each in a line of their own: the rest are folded
NAMED = 3  # the folded files a folder's line names
# a front-matter line left empty (frontmatter.header_warnings): an old blog had an empty
# Slug: line in each of its 75 posts, said in 75 lines alike (and Summary: in 59)
EMPTY = " is empty; give it a value or remove the line"
EMPTY_LINE = re.compile(r"([A-Z][\w-]*) is empty[;,] ")


# what a folder's line says to do for files without a title, whose own lines say how to add one
AS_SAID_ABOVE = "give each a title, as the lines above say"


class Said(str):
    """A file's line (its words after the file) that a folder's line may fold, with what that
    line says to do for each of its files (``of_each``: "" where it has no words of its own):
    ``has no Date: line; add one such as Date: 2025-03-14 (…)``, said of each ``add one to
    each, such as Date: 2025-03-14 (…)``. A str, so the line is said as it always was.
    ``kind``: what the line is about, for code that treats lines of one kind alike
    (``empty_kind``: an empty key's; links.SCHEMELESS; HEADED), so rewording a line changes
    nothing but its words ("" for a line no code looks for). ``alike``: the line it is folded
    as where each file's own words differ (a title to write from the file's own heading),
    with what that one says of each; None: as itself. ``worded``: the line a folder's line
    words for the files it folds (a key named as their syntax writes it: ``for_files``),
    None: as itself."""

    of_each: str
    kind: str
    alike: Said | None
    worded: Callable[[list[str]], Said] | None

    def __new__(
        cls,
        line: str,
        of_each: str = "",
        kind: str = "",
        alike: Said | None = None,
        worded: Callable[[list[str]], Said] | None = None,
    ) -> Said:
        said = super().__new__(cls, line)
        said.of_each = of_each
        said.kind = kind
        said.alike = alike
        said.worded = worded
        return said

    def __getnewargs__(self) -> tuple[str, str, str, Said | None, Any]:
        # a worker's error crosses back with its lines' advice, kind and folding too
        return (str(self), self.of_each, self.kind, self.alike, self.worded)


def for_files(message: str, files: list[str]) -> str:
    """``message`` as a folder's line says it of ``files``: worded for them where it is
    (``Said.worded``: a key as their syntax writes it, :series: in .rst posts), else itself."""
    worded = getattr(message, "worded", None)
    return worded(files) if worded else message


def empty_kind(key: str) -> str:
    """The kind of the line for an empty ``key`` (as written: ``Category``)."""
    return f"empty {key}"


def address_key_kind(key: str) -> str:
    """The kind of the line for a post without the ``key`` its address setting uses."""
    return f"{ADDRESS_KEY} {key}"


# the start of that kind: every post without a Series: line ARTICLE_URL uses is refused alike
ADDRESS_KEY = "no key of its address"


def kind_of(message: str) -> str:
    """A line's kind (``Said.kind``), "" for a line that has none."""
    return getattr(message, "kind", "")


# the kind of the line a file titled by its first heading is folded as
HEADED = "no title, a first heading"


def headed(missing: str, of_each: str) -> Said:
    """What a folder's line counts a file without a title but with a first heading as: the
    format's ``missing`` line, said of each as ``of_each`` (where its front matter is)."""
    return Said(f"{missing} (its first heading is its title: {of_each})", of_each, HEADED)


def is_headed(message: str) -> bool:
    """Whether a folder's files were counted by ``headed``: posts, each with its heading and
    text, never a folder to leave out of the site."""
    return kind_of(message) == HEADED


def folded_as(message: str) -> str:
    """The message a folder's line counts ``message`` under: its ``alike`` where its words are
    the file's own (a heading to write as the title), else itself."""
    return getattr(message, "alike", None) or message


def heading(files: Iterable[str]) -> str:
    """What heads one line about many files (as staff know them): their folder
    (``content/articles/``) when they share one, else the settings file, where a fix for them
    all goes (``pelicanconf.py``); the same whatever order the files come in."""
    folders = {posixpath.dirname(file) for file in files}
    folder = folders.pop() if len(folders) == 1 else ""
    return f"{folder}/" if folder else "pelicanconf.py"


@dataclass
class Repeats:
    """One build's messages about files, by folder and message: which files had each."""

    seen: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def note(self, source: str, message: str) -> bool:
        """Note that ``source`` (a file as staff know it) got ``message``; whether its own
        line is said (False: the folder's line will count it)."""
        files = self.seen.setdefault((posixpath.dirname(source), message), [])
        if source not in files:
            files.append(source)
        return files.index(source) < SHOWN

    def folded(self) -> list[tuple[str, str, list[str]]]:
        """(folder, message, the files not named one by one) where some were folded."""
        return [
            (folder, message, files[SHOWN:])
            for (folder, message), files in self.seen.items()
            if len(files) > SHOWN
        ]

    def alike(self, folder: str, kind: str) -> dict[str, list[str]]:
        """The files of ``folder`` whose message is said of many as ``kind`` (``of_many``), by
        message: a title missing with advice for one file and without is the one mistake."""
        return {
            message: files
            for (where, message), files in self.seen.items()
            if where == folder and of_many(message) == kind
        }

    def named(self) -> dict[tuple[str, str], list[str]]:
        """For a caller that says every line once all files are known: the files named one
        by one in each (folder, message), the first by name, whatever order they came in;
        ``folded`` then gives the others."""
        for files in self.seen.values():
            files.sort()
        return {key: files[:SHOWN] for key, files in self.seen.items()}


def folder_message(
    folder: str,
    message: str,
    folded: list[str],
    reads_posts: bool,
    advice: str,
    total: int = 0,
) -> str:
    """The folder's line: ``content/notes/: 188 files have no Title: line (4 named above, then
    e.md, f.md, g.md and 181 more); <advice>, or …`` (``reads_posts``: a folder the site
    keeps its posts or pages in, which is never to be left out; ``total``: the folder's files
    with the mistake, when more than one message's were named above)."""
    total = total or SHOWN + len(folded)
    empty = EMPTY_LINE.match(message)
    # an empty key named as the files write it: "an empty Slug: line" in .rst files is text
    said = f"have {keysyntax.a_key(empty[1], folded, 'an empty')}" if empty else of_many(message)
    name = posixpath.basename(folder)
    leave_out = (
        ""
        if reads_posts or not name
        else f', or, if the folder holds no posts, leave it out: add "{name}" to IGNORE_FILES '
        "in pelicanconf.py"
    )
    return (
        f"{folder}/: {total} files {said} ({total - len(folded)} named above, then "
        f"{listed(folded)}); {advice}{leave_out}"
    )


def advice_in_parts(parts: list[tuple[int, str]], others: int) -> str:
    """What a folder's line says to do when its files got the one mistake with different
    advice (a title missing where there is no front matter, and where it is YAML): each
    advice with how many files it is for (``parts``: count and advice), most first, and the
    ``others`` said only above: ``16 of them: add …; 7 of them: …; the other 3: as …``."""
    if len(parts) == 1 and not others:
        return parts[0][1]
    said = [f"{count} of them: {advice}" for count, advice in sorted(parts, key=lambda p: -p[0])]
    if others:
        said.append(f"the other {others}: as their lines above say")
    return "; ".join(said)


# a note named by its title (Cream Cheese Végan.md): words with a space between, no date
_TITLE_NAME = re.compile(r"^(?!\d{4}[-_.]\d{1,2}\b)\w[^/]* \S")


# Pelican's own FILENAME_METADATA (a date from a dated name), and a title from any other name
TITLE_FROM_NAME = r"(?P<date>\d{4}-\d{2}-\d{2}).*|(?P<title>.*)"


def names_are_titles(files: Iterable[str]) -> bool:
    """Whether every file is named as a note app names a note, by its title
    (``Cream Cheese Végan.md``), not as a post's slug is (``2015-05-25-pgp.md``): the old site
    then took titles from file names, as FILENAME_METADATA = r'(?P<title>.*)' does."""
    stems = [posixpath.splitext(posixpath.basename(file))[0] for file in files]
    return bool(stems) and all(_TITLE_NAME.match(stem) for stem in stems)


def of_many(message: str) -> str:
    """A file's message said of many, without its advice for one file: ``has no Title: line``
    becomes ``have no Title: line``, ``Slug is empty; …`` ``have an empty Slug: line``."""
    empty = EMPTY_LINE.match(message)
    if empty:
        return f"have an empty {empty[1]}: line"
    said = "have " + message[len("has ") :] if message.startswith("has ") else message
    return said.split(";", 1)[0]


def listed(folded: list[str]) -> str:
    """The first folded files by name, and how many more: ``e.md, f.md, g.md and 181 more``."""
    names = sorted(posixpath.basename(path) for path in folded)[:NAMED]
    more = len(folded) - len(names)
    return ", ".join(names) + (f" and {more} more" if more else "")


# what one line for a folder says of lines with the same advice in each file (reader.FOLDS):
# what its files have, and what to do
FOLD_SAID = {
    "image sizes": (
        "have images sized in a unit other than pixels, their style attributes removed",
        'give each size in pixels (:width: 400 in reStructuredText, width="400" in HTML), as the '
        "lines above say",
    ),
    "images without alt text": (
        "have {count} images without alt text",
        "a reader who cannot see them gets nothing: describe each, as the lines above say",
    ),
    "links without text": (
        "have {count} links without text",
        'a screen reader says only "link": write what each leads to, as the lines above say',
    ),
}


def fold_message(folder: str, kind: str, folded: list[str], count: int) -> str:
    """The line for a folder's files with the same advice (``kind``), past the first few:
    ``content/archive/: 33 files have images sized in a unit other than pixels, … removed (4
    named above, then a.rst, b.rst, c.rst and 26 more); give each size in pixels …``
    (``count``: the lines of all its files, each file's own and the folded)."""
    said, advice = FOLD_SAID[kind]
    total = SHOWN + len(folded)
    return (
        f"{folder}/: {total} files {said.format(count=count)} ({SHOWN} named above, then "
        f"{listed(folded)}); {advice}"
    )


KEY_NAMED = 2  # the files a key's one line names: the rest are counted
KEPT_SETTING = "BLOGCORE_KEPT_KEYS"


def many_files(held: dict[tuple[str, str], list[str]]) -> dict[tuple[str, str], list[str]]:
    """The lines of a build for keys no one reads to say as one line each, (key, message) ->
    its files by name: those of more than ``SHOWN`` files (as a folder's first files are
    named, a few files keep a line each)."""
    return {said: sorted(set(files)) for said, files in held.items() if len(set(files)) > SHOWN}


def _renamed(meant: str, key: str, files: list[str]) -> str:
    """Our key in place of the written one, as the files write keys (``:modified:`` in place
    of ``:modifed:`` in .rst files); the keys' names alone where the files differ."""
    syntaxes = {keysyntax.syntax_of(file) for file in files}
    if len(syntaxes) != 1:
        return f"the key {meant} in place of {key}"
    syntax = syntaxes.pop()
    ours, theirs = (keysyntax.key_as_written(one, syntax) for one in (meant, key))
    if syntax == keysyntax.TOML:  # a TOML key is named bare: "write modified in place of…"
        return f"the key {ours} in place of {theirs}"
    return f"{ours} in place of {theirs}"


def key_message(key: str, message: str, files: list[str], meant: str = "", hint: str = "") -> str:
    """One line for a key no one reads in many files: ``content/posts/: unknown key 'Version'
    is ignored in 151 files (content/posts/a.md, content/posts/b.md and 149 more): remove the
    line from them, or, if another tool reads it, list 'Version' in BLOGCORE_KEPT_KEYS``
    (headed as a folder's line: their folder, else the settings file). ``meant``: our key
    the line's did-you-mean names, ``hint`` the did-you-mean, which ``message`` ends with in
    brackets (frontmatter.Unknown), "" for none."""
    said = message.removesuffix(f" ({hint})") if hint else message
    # "(this site's key is Title, given in this file too: only it is read)", said of many
    hint = hint.replace("in this file too", "in each of them too")
    # a typo of ours or another engine's name for ours says what it meant: removing the line
    # would lose that (Update: 2014-03-01 is the date Modified: would show)
    fix = f"write {_renamed(meant, key, files)} in them" if meant else "remove the line from them"
    return (
        f"{heading(files)}: {said} in {len(files)} files ({_two_named(files)}"
        f"{'; ' + hint if hint else ''}): {fix}, {_or_kept(key)}"
    )


def not_done_message(key: str, said_of_many: str, files: list[str]) -> str:
    """One line for a key another engine reads for what this site does not do, in many files:
    ``content/posts/: Noindex in 6 files (content/posts/a.md, content/posts/b.md and 4 more)
    is a theme's way …; remove the line from them (…)`` (``said_of_many``:
    frontmatter.NOT_DONE_HERE's); never BLOGCORE_KEPT_KEYS as a way out, which refuses such a
    key (blogcore.settings.check_kept_keys)."""
    return f"{heading(files)}: {key} in {len(files)} files ({_two_named(files)}) {said_of_many}"


def _two_named(files: list[str]) -> str:
    """The first files of a key's line by name, and how many more."""
    named = sorted(files)[:KEY_NAMED]
    more = len(files) - len(named)
    return ", ".join(named) + (f" and {more} more" if more else "")


def _or_kept(key: str) -> str:
    """The other way out of a key's line: the setting that says nothing of it."""
    return f"or, if another tool reads it, list {key!r} in {KEPT_SETTING}"


def kept_typos(listed: Iterable[str], in_files: set[str], heard: set[str]) -> list[str]:
    """A line for each entry of BLOGCORE_KEPT_KEYS that no post or page has (``in_files``, in
    lower case) while a key near it was said to be ignored (``heard``): a typo in the setting
    leaves the key it meant said in every build."""
    lines = []
    for entry in listed:
        if entry.lower() in in_files:
            continue
        close = difflib.get_close_matches(entry.lower(), sorted(heard - in_files), n=1, cutoff=0.75)
        if close:
            lines.append(
                f"{KEPT_SETTING} lists {entry!r}, which no post or page has: did you mean "
                f"{close[0][:1].upper() + close[0][1:]!r}? (its line is said until then)"
            )
    return lines
