"""The slug the writing tools give a title: `make new-post` and the importer.

Pelican's own: ``pelican.utils.slugify`` with the site's ``SLUG_REGEX_SUBSTITUTIONS``,
``SLUGIFY_PRESERVE_CASE`` and ``SLUGIFY_USE_UNICODE``, as Pelican slugifies the title of a
post without a Slug: line. A file the tools name by it and the address Pelican gives its title
are then the same ("Don't panic" -> ``dont-panic``, ``snake_case`` kept, ``Привет, мир`` ->
``privet-mir`` by default), and whether a title takes another post's address is worked out
as the build will. A post without a Slug: line takes the slug of its title, or of its
file's name on a site with ``SLUGIFY_SOURCE = "basename"`` (``Rule.of_post``). Pelican's
default rule drops what is neither a letter, a digit, a space nor a hyphen (an apostrophe, a
dot) and makes each run of spaces and hyphens one hyphen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

_DEFAULT_SUBS = tuple(tuple(pair) for pair in DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])


@dataclass(frozen=True)
class Rule:
    """A site's slug settings (Pelican's defaults unless given): call it with a title."""

    regex_subs: tuple[tuple[str, str], ...] = _DEFAULT_SUBS
    preserve_case: bool = False
    use_unicode: bool = False
    # what a post without a Slug: line takes its slug from: "title", or "basename" (its file's
    # name without the extension), as Pelican reads SLUGIFY_SOURCE
    source: str = "title"

    @classmethod
    def of(cls, settings: Mapping[str, Any]) -> Rule:
        """The rule of a site's settings, as Pelican reads them for a post's slug."""
        return cls(
            tuple(tuple(pair) for pair in settings.get("SLUG_REGEX_SUBSTITUTIONS", _DEFAULT_SUBS)),
            bool(settings.get("SLUGIFY_PRESERVE_CASE", False)),
            bool(settings.get("SLUGIFY_USE_UNICODE", False)),
            str(settings.get("SLUGIFY_SOURCE", "title")),
        )

    def __call__(self, text: str) -> str:
        """The slug Pelican gives a post of this title ('' when nothing is left of it)."""
        return slugify(
            text,
            regex_subs=self.regex_subs,
            preserve_case=self.preserve_case,
            use_unicode=self.use_unicode,
        )

    def of_post(self, title: str, path: str | PurePath) -> str:
        """The slug Pelican gives the post at ``path`` that has no Slug: line: of its title, or
        of its file's name on a site with SLUGIFY_SOURCE = "basename" ('Moving_Day.md' ->
        'moving_day')."""
        return self(PurePath(path).stem if self.source == "basename" else title)


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
