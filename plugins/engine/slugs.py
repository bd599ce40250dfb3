"""The slug the writing tools give a title: `make new-post` and the importer.

Pelican's own: ``pelican.utils.slugify`` with the site's ``SLUG_REGEX_SUBSTITUTIONS``,
``SLUGIFY_PRESERVE_CASE`` and ``SLUGIFY_USE_UNICODE``, as Pelican slugifies the title of a
post without a Slug: line. A file the tools name by it and the address Pelican gives its title
are then the same ("Don't panic" -> ``dont-panic``, ``snake_case`` kept, ``Привет, мир`` ->
``privet-mir`` by default), and whether a title takes another post's address is worked out
as the build will. Which slug a file on the site has is ``Rule.of_file``, in Pelican's
order: its Slug: line, else the slug its name or folders give (``FILENAME_METADATA``,
``PATH_METADATA``; and ``EXTRA_PATH_METADATA``, ``DEFAULT_METADATA``), as written, else the
``SLUGIFY_SOURCE`` rule over its title or its file's name (2024-05-01-moving-day.md is at
/posts/moving-day/ on a site whose ``FILENAME_METADATA`` reads a slug after the date,
whatever its title). Pelican's default rule drops what is
neither a letter, a digit, a space nor a hyphen (an apostrophe, a dot) and makes each run of
spaces and hyphens one hyphen.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

_DEFAULT_SUBS = tuple(tuple(pair) for pair in DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])
# the keys of a file's that decide its address, as its path and the settings may give them
_ADDRESS_KEYS = ("slug", "lang", "title")
# what the SLUGIFY_SOURCE rule reads, for a post without a Slug: line (pelican/contents.py)
SOURCES = ("title", "basename")


@dataclass(frozen=True)
class FileSlug:
    """The slug Pelican gives a file, its language as the file and the site give it ("": the
    site's DEFAULT_LANG), and what gave the slug: "Slug" (its line), "FILENAME_METADATA",
    "PATH_METADATA", "EXTRA_PATH_METADATA", "DEFAULT_METADATA", "title" or "basename" (the
    SLUGIFY_SOURCE rule), "" when it has none (Pelican then has no address for it)."""

    slug: str
    lang: str
    source: str


def _text_keys(keys: Any, processed: bool) -> tuple[tuple[str, str], ...]:
    """The keys of a DEFAULT_METADATA or EXTRA_PATH_METADATA entry that decide an address;
    ``processed``: Pelican's reader takes the slug stripped, an empty one as none
    (DEFAULT_METADATA's; EXTRA_PATH_METADATA's are taken as written)."""
    if not isinstance(keys, Mapping):
        return ()
    found = []
    for key, value in keys.items():
        key = str(key).lower()
        if key not in _ADDRESS_KEYS or not isinstance(value, str):
            continue
        if processed and key == "slug":
            if not value.strip():
                continue
            value = value.strip()
        found.append((key, value))
    return tuple(found)


@dataclass(frozen=True)
class Rule:
    """A site's slug settings (Pelican's defaults unless given): call it with a title."""

    regex_subs: tuple[tuple[str, str], ...] = _DEFAULT_SUBS
    preserve_case: bool = False
    use_unicode: bool = False
    # what a post without a Slug: line takes its slug from: "title", or "basename" (its file's
    # name without the extension), as Pelican reads SLUGIFY_SOURCE
    source: str = "title"
    # the keys Pelican takes from a file's name and path (pelican/readers.py,
    # parse_path_metadata): the first group of a name wins, FILENAME_METADATA's first
    filename_metadata: str = DEFAULT_CONFIG["FILENAME_METADATA"]
    path_metadata: str = ""
    # DEFAULT_METADATA's keys that decide an address, then EXTRA_PATH_METADATA's by path, in
    # Pelican's order (sorted: a file's own entry after its folder's): (path, keys), "" every file
    given: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()

    @classmethod
    def of(cls, settings: Mapping[str, Any]) -> Rule:
        """The rule of a site's settings, as Pelican reads them for a post's slug."""
        return cls(
            tuple(tuple(pair) for pair in settings.get("SLUG_REGEX_SUBSTITUTIONS", _DEFAULT_SUBS)),
            bool(settings.get("SLUGIFY_PRESERVE_CASE", False)),
            bool(settings.get("SLUGIFY_USE_UNICODE", False)),
            str(settings.get("SLUGIFY_SOURCE", "title")),
            str(settings.get("FILENAME_METADATA") or ""),
            str(settings.get("PATH_METADATA") or ""),
            _given(settings),
        )

    def __call__(self, text: str) -> str:
        """The slug Pelican gives a post of this title ('' when nothing is left of it)."""
        return slugify(
            text,
            regex_subs=self.regex_subs,
            preserve_case=self.preserve_case,
            use_unicode=self.use_unicode,
        )

    def of_file(self, relpath: str, front_matter: Mapping[str, str]) -> FileSlug:
        """The slug Pelican gives the file at ``relpath`` (from the content folder, with /) whose
        front matter is ``front_matter`` (keys lowercased, values as text), in Pelican's order:
        its Slug: line, else the slug its path gives ('2024-05-01-moving-day.md' is
        'moving-day' where FILENAME_METADATA reads a slug after the date), as written, else
        the SLUGIFY_SOURCE rule over its title (which its path may give too) or its file's
        name; a SLUGIFY_SOURCE of neither gives none, as in Pelican."""
        keys: dict[str, tuple[str, str]] = {}  # key -> (value, what gave it)
        for where, given in self.given:
            if not where or relpath == where or relpath.startswith(posixpath.join(where, "")):
                origin = "EXTRA_PATH_METADATA" if where else "DEFAULT_METADATA"
                keys.update((k, (v, origin)) for k, v in given)
        keys.update(_path_keys(relpath, self.filename_metadata, self.path_metadata))
        for key in _ADDRESS_KEYS:
            # an empty Slug: line is Pelican's "discard": the path's slug stands
            if key in front_matter and (key != "slug" or front_matter[key].strip()):
                keys[key] = (front_matter[key], "Slug" if key == "slug" else key)
        lang = keys.get("lang", ("", ""))[0]
        if "slug" in keys:
            value, origin = keys["slug"]
            return FileSlug(
                value.strip() if origin != "EXTRA_PATH_METADATA" else value, lang, origin
            )
        if self.source == "title" and "title" in keys:
            return FileSlug(self(keys["title"][0]), lang, "title")
        if self.source == "basename":
            return FileSlug(
                self(posixpath.splitext(posixpath.basename(relpath))[0]), lang, "basename"
            )
        return FileSlug("", lang, "")


def _given(settings: Mapping[str, Any]) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """DEFAULT_METADATA's and EXTRA_PATH_METADATA's keys that decide an address (Rule.given)."""
    found = []
    defaults = _text_keys(settings.get("DEFAULT_METADATA") or {}, processed=True)
    if defaults:
        found.append(("", defaults))
    extra = settings.get("EXTRA_PATH_METADATA") or {}
    for where, keys in sorted(extra.items() if isinstance(extra, Mapping) else ()):
        if where and _text_keys(keys, processed=False):
            found.append((str(where).replace("\\", "/"), _text_keys(keys, processed=False)))
    return tuple(found)


def _path_keys(relpath: str, filename_re: str, path_re: str) -> dict[str, tuple[str, str]]:
    """The keys that decide an address, as Pelican takes them from a file's name (without its
    extension) and its path: FILENAME_METADATA's first, the first group of a name winning;
    a slug of spaces alone is none, nor is a later one taken (Pelican's "discard")."""
    stem = posixpath.splitext(posixpath.basename(relpath))[0]
    found: dict[str, tuple[str, str]] = {}
    seen: set[str] = set()
    for name, pattern, text in (
        ("FILENAME_METADATA", filename_re, stem),
        ("PATH_METADATA", path_re, relpath),
    ):
        match = re.match(pattern, text) if pattern and text else None
        for key, value in (match.groupdict() if match else {}).items():
            key = key.lower()
            if value is None or key in seen:
                continue
            seen.add(key)
            if key in _ADDRESS_KEYS and (key != "slug" or value.strip()):
                found[key] = (value, name)
    return found


def slug(text: str, settings: Mapping[str, Any] | None = None) -> str:
    """A URL slug from a title: 'Nos salles préférées' -> 'nos-salles-preferees' ('' if none)."""
    return Rule.of(settings or {})(text)


def names_something(slug: str) -> bool:
    """Whether a slug has a letter or digit: Pelican's slug of '—' or '- -' is '-', and of
    '..' nothing, neither an address nor a file's name to write."""
    return any(character.isalnum() for character in slug)


def no_letter_line(kind: str, name: str) -> str:
    """The line for a file's or folder's name (``kind``) that is its page's address and has
    no letter or digit, in the words of a post's Title of none; "" when it names something."""
    if names_something(name):
        return ""
    return (
        f"the {kind} name {name!r} makes the web address {name!r}, with no letter or digit in "
        f"it; rename the {kind} with letters or digits"
    )


def no_letter_name(key: str, name: str, fix: str) -> str:
    """The line for a name shown as written (a team file's Name: —, which bylines and the
    profile show) with no letter or digit, in the words of a post's Title of none; "" when it
    names something."""
    if names_something(name):
        return ""
    return (
        f"{key} {name!r} has no letter or digit in it, so the pages would show only {name!r}; {fix}"
    )
