"""Side content: the files a plugin reads from a folder of its own, one way for every kind.

Team files (``content/team/<slug>.md``), series files (``content/series/<slug>.md``) and gallery
sidecars (``content/galleries/<slug>/gallery.md``) are found and read here, with Pelican's
public API and the site's readers (blogcore's strict Markdown reader: the site's Markdown
settings, its front-matter checks, one sanitiser):

- ``find(generator, folder)``: the files directly in a folder that the readers can read,
  through ``Generator.get_files`` (``IGNORE_FILES`` honoured); ``folders(generator, folder)``:
  its subfolders (a gallery each), ``IGNORE_FILES`` honoured as well.
- ``read(generator, relpath)``: one file through ``Readers.read_file`` (Pelican's reader cache
  and signals included) as a ``SideFile``; a file that cannot be read is named once, as staff
  know it (``content/team/ana.md: ...``), never with a traceback, and gives ``None``.
- ``read_all(generator, folder)``: both, in file-name order.
- ``read_this_build(settings)``: every side file the build has read so far (blogcore checks
  their links as it does posts').
- ``claim(settings, path)``: a file a plugin reads itself (the webmentions archive), so that
  it is not named as a file nothing publishes; ``claimed(settings)`` lists them.
- ``read_ahead(settings, folder)`` at ``initialized``: the kind's files are read with the
  posts' readers this build; ``ahead(generator)`` lists them, for fastbuild to read them in
  parallel with the posts (into the reader cache ``read`` looks in first);
  ``ahead_folders(settings)``, the folders named, for fastbuild to know these files.

A ``SideFile`` holds Pelican's ``Page`` (its ``.content`` resolves ``{filename}`` and
``{static}`` links when first read: a plugin reads it once every post is known, at
the engine's ``content_final`` phase or when writing), the metadata the file itself gives (without
what Pelican adds to every file: its reader, the default category) and, for a plugin that
needs them, the front-matter lines as written.

Why the lines as written: a gallery repeats ``Photo:`` lines, and its messages give their line
numbers (``line 7: Photo 'x.jpg' is not in ...``), which staff rely on. Python-Markdown's meta
extension, which every Markdown reader uses, collects a repeated key into a list and keeps no
line numbers, so no reader can give them. The strict reader already lets a side-content file
repeat its keys (only posts and pages are checked for a key given twice: blogcore's
``check_header`` with ``plugin_folders``), so no new switch is needed for that; what a kind
cannot get from any reader is where each line was. So ``SideFile.front_matter()`` hands the
header lines (up to the first blank line, line N at index N - 1) to the kind's own pure parser,
while the body still goes through the readers like any post's.

Nothing here keeps state between builds: what ``read`` returns is also noted in the build's
own object (``engine.build``), for ``read_this_build``.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, Protocol

from pelican.contents import Page
from pelican.readers import default_metadata, parse_path_metadata, path_metadata
from pelican.utils import pelican_open

from . import build, compat, ignores, paths

logger = logging.getLogger(__name__)


def shown(settings: dict[str, Any], path: str | os.PathLike) -> str:
    """A path within the content folder as staff know it: relative to the project, e.g.
    content/team/ana.md."""
    return paths.shown_in_content(settings, path)


@dataclass
class SideFile:
    """One side-content file as read: ``page`` (Pelican's), ``metadata`` (the file's own)."""

    relpath: str  # within the content folder, with /: team/ana.md
    shown: str  # as messages name it: content/team/ana.md
    path: str  # absolute
    page: Page
    metadata: dict[str, Any]

    @property
    def slug(self) -> str:
        """The file's name without its suffix (team/ana.md: ana)."""
        return PurePosixPath(self.relpath).stem

    @property
    def html(self) -> str:
        """The body as read, its links not resolved yet (the public ``.content`` would
        resolve them now, and Pelican keeps that first result)."""
        return compat.html_of(self.page, "") or ""

    def front_matter(self) -> list[str]:
        """The lines before the first blank one, as written (line N of the file at index
        N - 1), for a kind whose messages give line numbers."""
        with pelican_open(self.path) as text:  # UTF-8 without its BOM, as the readers read it
            lines = text.splitlines()
        for number, line in enumerate(lines):
            if not line.strip():
                return lines[:number]
        return lines


# a tag holding an {attach} (or |attach|) link: in href, src, srcset, poster and the like
_ATTACH_IN_TAG = re.compile(r"<[^<>]*?[{|]attach[}|][^<>]*>")
_ATTACH = re.compile(r"([{|])attach([}|])")


def attach_as_static(html: str) -> str:
    """A side file's ``{attach}`` links as ``{static}`` ones: its text is shown on several
    pages (a bio on every card) and it has no page of its own to put a file beside, so the
    file is published at its own path (``content/team/ana.jpg`` at ``/team/ana.jpg``)."""
    if "attach" not in html:
        return html
    return _ATTACH_IN_TAG.sub(lambda tag: _ATTACH.sub(r"\1static\2", tag.group(0)), html)


def _visible(settings: dict[str, Any], name: str) -> bool:
    """Not a dot-file or folder, not matched by IGNORE_FILES."""
    patterns = settings.get("IGNORE_FILES") or []
    return not name.startswith(".") and not ignores.ignored(name, patterns)


def folders(generator, folder: str) -> list[str]:
    """The subfolders of a content folder (relative to the content folder, sorted), without
    those ``IGNORE_FILES`` names (and dot-folders)."""
    root = os.path.join(generator.path, folder)
    if not os.path.isdir(root):
        return []
    return sorted(
        f"{folder}/{entry.name}"
        for entry in os.scandir(root)
        if entry.is_dir() and _visible(generator.settings, entry.name)
    )


def find(generator, folder: str) -> list[str]:
    """The files directly in a content folder that the site's readers can read, relative to
    the content folder, sorted; ``IGNORE_FILES`` is honoured (``Generator.get_files``)."""
    if not os.path.isdir(os.path.join(generator.path, folder)):
        return []
    found = []
    for relpath in generator.get_files([folder], extensions=generator.readers.extensions):
        rel = PurePosixPath(relpath.replace(os.sep, "/"))
        if rel.parent == PurePosixPath(folder):  # not in a subfolder (team/photos/)
            found.append(str(rel))
    return sorted(found)


def _own_metadata(generator, relpath: str, metadata: dict[str, Any]) -> dict[str, Any]:
    """The metadata the file gives: without the values Pelican adds to every file it reads
    (its ``reader``, ``DEFAULT_CATEGORY``, ``DEFAULT_METADATA``, path metadata)."""
    settings = generator.settings
    full = os.path.join(generator.path, relpath)
    added = {
        **default_metadata(settings=settings),
        **path_metadata(full_path=full, source_path=relpath, settings=settings),
        **parse_path_metadata(source_path=relpath, settings=settings),
    }
    return {
        key: value
        for key, value in metadata.items()
        if key != "reader" and (key not in added or str(added[key]) != str(value))
    }


class Sanitiser(Protocol):
    """What ``read`` needs of a sanitiser (blogcore's ``text.POSTS``)."""

    def clean_and_report(self, html: str) -> tuple[str, Any]: ...

    def message(self, source: str, removed: Any) -> str: ...


def read(generator, relpath: str, sanitiser: Sanitiser | None = None) -> SideFile | None:
    """One file through the site's readers, or None (the failure named once, as staff know
    the file). ``relpath`` is within the content folder (``team/ana.md``).

    With a ``sanitiser``, the body is cleaned by it too, and what it removes reported naming
    the file: blogcore's Markdown reader has cleaned (and reported) a Markdown file already,
    so this matters for the formats it does not read (an .html team file) and for a site
    without blogcore.
    """
    settings = generator.settings
    label = shown(settings, relpath)
    try:
        page = generator.readers.read_file(
            base_path=generator.path, path=relpath, content_class=Page, context=generator.context
        )
    except Exception as exc:  # any reader's own error: name the file, skip it
        if not getattr(exc, "reported", False):  # blogcore's reader has named it already
            logger.error("%s: could not be read (%s); skipped", label, exc)
        return None
    if sanitiser is not None:
        html, removed = sanitiser.clean_and_report(compat.html_of(page, "") or "")
        if removed:
            logger.warning("%s", sanitiser.message(label, removed))
        compat.set_html(page, html)
    compat.set_html(page, attach_as_static(compat.html_of(page, "") or ""))
    generator.add_static_links(page)  # copied as Pelican copies a post's: a file beside it too
    from . import phases  # here: phases imports scheduled, which imports this module

    phases.side_file_read.send(generator, page=page)  # blogcore: the links Pelican passes over
    found = SideFile(
        relpath=relpath,
        shown=label,
        path=os.path.abspath(os.path.join(generator.path, relpath)),
        page=page,
        metadata=_own_metadata(generator, relpath, page.metadata),
    )
    vars(build.current(settings).state(__name__)).setdefault("files", {})[relpath] = found
    return found


def read_this_build(settings: dict[str, Any]) -> list[SideFile]:
    """Every side file this build has read so far, once each, in the order first read."""
    return list(getattr(build.current(settings).state(__name__), "files", {}).values())


def read_ahead(settings: dict[str, Any], folder: str, sidecar: str | None = None) -> None:
    """Say at ``initialized`` that this build reads the files directly in ``folder`` (with a
    ``sidecar`` name: that file in each of its subfolders) with the posts' readers, so that
    a plugin reading files ahead (fastbuild, in parallel) may read them with the posts."""
    vars(build.current(settings).state(__name__)).setdefault("ahead", []).append((folder, sidecar))


def ahead_folders(settings: dict[str, Any]) -> list[tuple[str, str | None]]:
    """The (folder, sidecar name or None) pairs ``read_ahead`` named this build so far."""
    return list(getattr(build.current(settings).state(__name__), "ahead", []))


def ahead(generator) -> list[str]:
    """The files ``read_ahead`` named this build, relative to the content folder."""
    found = []
    for folder, sidecar in getattr(build.current(generator.settings).state(__name__), "ahead", []):
        if sidecar is None:
            found += find(generator, folder)
            continue
        for relpath in folders(generator, folder):
            if os.path.isfile(os.path.join(generator.path, relpath, sidecar)):
                found.append(f"{relpath}/{sidecar}")
    return found


def claim(settings: dict[str, Any], path: str | os.PathLike) -> None:
    """Say that a plugin reads this file of the content folder itself, this build (the
    webmentions archive): it is used, not a file nothing publishes (blogcore names those)."""
    relpath = os.path.relpath(os.path.abspath(path), os.path.abspath(settings["PATH"]))
    if not relpath.startswith(".."):
        state = build.current(settings).state(__name__)
        vars(state).setdefault("claimed", set()).add(relpath.replace(os.sep, "/"))


def claimed(settings: dict[str, Any]) -> set[str]:
    """The files plugins said they read themselves (``claim``), relative to the content folder."""
    return set(getattr(build.current(settings).state(__name__), "claimed", ()))


def read_all(generator, folder: str, sanitiser: Sanitiser | None = None) -> list[SideFile]:
    """Every readable file directly in a content folder, read (those that fail are named)."""
    found = (read(generator, relpath, sanitiser) for relpath in find(generator, folder))
    return [side for side in found if side is not None]
