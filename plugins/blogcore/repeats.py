"""The same mistake in many files of one folder, said once for the folder: pure logic.

A folder of notes without front matter gave one "has no Title: line" line per note, 188 lines
that were all alike. The first few files of a folder are named as any file is; from the fifth
with the same message on, each is only counted, and one line for the folder says how many,
names the first of the others (by name: files are read in no set order) and what to do (``folded``).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

SHOWN = 4  # the files of one folder named each in a line of their own: the rest are folded
NAMED = 3  # the folded files a folder's line names
# a front-matter line left empty (frontmatter.header_warnings): an old blog had an empty
# Slug: line in each of its 75 posts, said in 75 lines alike (and Summary: in 59)
EMPTY = " is empty; give it a value or remove the line"
EMPTY_LINE = re.compile(r"([A-Z][\w-]*) is empty[;,] ")


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

    def named(self) -> dict[tuple[str, str], list[str]]:
        """For a caller that says every line once all files are known: the files named one
        by one in each (folder, message), the first by name, whatever order they came in;
        ``folded`` then gives the others."""
        for files in self.seen.values():
            files.sort()
        return {key: files[:SHOWN] for key, files in self.seen.items()}


def folder_message(
    folder: str, message: str, folded: list[str], reads_posts: bool, advice: str
) -> str:
    """The folder's line: ``content/notes/: 188 files have no Title: line (4 named above, then
    e.md, f.md, g.md and 181 more); <advice>, or …`` (``reads_posts``: a folder the site
    keeps its posts or pages in, which is never to be left out)."""
    total = SHOWN + len(folded)
    said = of_many(message)
    name = posixpath.basename(folder)
    leave_out = (
        ""
        if reads_posts or not name
        else f', or, if the folder holds no posts, leave it out: add "{name}" to IGNORE_FILES '
        "in pelicanconf.py"
    )
    return (
        f"{folder}/: {total} files {said} ({SHOWN} named above, then {listed(folded)}); "
        f"{advice}{leave_out}"
    )


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


def images_message(folder: str, folded: list[str], images: int) -> str:
    """The line for a folder's files with images without alt text, past the first few:
    ``content/posts/: 134 files have 434 images without alt text (4 named above, then a.rst,
    b.rst, c.rst and 127 more); …``."""
    total = SHOWN + len(folded)
    return (
        f"{folder}/: {total} files have {images} images without alt text ({SHOWN} named above, "
        f"then {listed(folded)}); a reader who cannot see them gets nothing: describe each, "
        "as the lines above say"
    )
