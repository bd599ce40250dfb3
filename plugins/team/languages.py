"""A person's bio in other languages: ``<slug>.<lang>.md`` beside ``<slug>.md``.

A translation gives ``Role``, ``Pronouns`` and the bio (its body) in one more language; the
rest (Name, Photo, links, Alumni, Aliases) is the main file's, the same in every language.
Pages in a language show the person's version in it, else the one ``/team/<slug>/`` shows.

Pure logic: plain values in, plain values out; never imports Pelican.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .people import KEYS, Person, Problem, _text, display_key, first_paragraph, unknown_key

# The keys a translation may give (lowercase, as Pelican hands them over); every other team
# key is the main file's alone.
TRANSLATION_KEYS = ("role", "pronouns", "lang")
_GIVES = "a translation gives only Role, Pronouns and the bio"


@dataclass(frozen=True)
class Translation:
    """One translation file: the person's role, pronouns and bio in ``lang``."""

    slug: str  # the person's: the name of their main file
    lang: str
    source: str  # content/team/theo-marchand.fr.md
    role: str = ""
    pronouns: str = ""
    bio_html: str = ""
    short_bio: str = ""

    def is_empty(self) -> bool:
        return not (self.role or self.pronouns or self.bio_html.strip())


def split_name(
    stem: str, stems: Collection[str], is_lang: Callable[[str], bool]
) -> tuple[str, str] | None:
    """``(person's file name, language)`` when a team file named ``stem`` (without its suffix)
    is a translation, else None (a person's own file).

    ``theo-marchand.fr`` is a translation of ``theo-marchand``; so is ``theo-marchand.xx``
    when ``theo-marchand`` is a file too (its language is then reported as no language), and
    ``maya.fr`` whose ``maya`` is missing (reported). A name with a dot whose last part is no
    language and names no other file (``j.r.smith``) is a person's own file, as before.
    """
    base, dot, suffix = stem.rpartition(".")
    if not dot or not base or not suffix:
        return None
    if base in stems or is_lang(suffix):
        return base, suffix
    return None


def parse_translation(
    slug: str,
    lang: str,
    source: str,
    metadata: Mapping[str, Any],
    bio_html: str,
    main_source: str,
) -> tuple[Translation | None, list[Problem]]:
    """Check one translation's keys; return it (None when its Lang disagrees or it gives
    nothing) and problems.

    ``lang`` is the language its file name gives (already checked to be one). A key of the
    main file's is an error and ignored; an unknown key a warning, as in a main file.
    """
    problems: list[Problem] = []
    for key in metadata:
        if key in TRANSLATION_KEYS:
            continue
        if key in KEYS:
            problems.append(
                Problem(
                    source,
                    f"{display_key(key)} is taken from {main_source} in every language; "
                    f"{_GIVES} (remove {display_key(key)} here)",
                )
            )
            continue
        problems.append(unknown_key(source, key, TRANSLATION_KEYS, f"; {_GIVES}"))
    given = _text(metadata.get("lang"))
    if given and given != lang:
        problems.append(
            Problem(
                source,
                f"Lang {given!r} is not the language its file name gives, {lang!r}: write "
                f"Lang: {lang}, or leave Lang out (the file name says it); skipped",
            )
        )
        return None, problems
    translation = Translation(
        slug=slug,
        lang=lang,
        source=source,
        role=_text(metadata.get("role")),
        pronouns=_text(metadata.get("pronouns")),
        bio_html=bio_html or "",
        short_bio=first_paragraph(bio_html),
    )
    if translation.is_empty():  # no profile in a language it has not a word of
        problems.append(
            Problem(
                source,
                f"gives no Role, Pronouns or bio, so pages in {lang} show {main_source}'s; skipped",
                error=False,
            )
        )
        return None, problems
    return translation, problems


def not_a_language(source: str, suffix: str, slug: str, problem: str) -> Problem:
    """A translation whose file name gives no language code (``theo-marchand.french.md``)."""
    return Problem(
        source,
        f"{problem}, in its file name (<person>.<lang>.md, e.g. {slug}.fr.md); skipped",
    )


def without_main(
    source: str, slug: str, lang: str, main_source: str, slugs: Iterable[str]
) -> Problem:
    """A translation of a team file that does not exist (``maya.fr.md`` without ``maya.md``)."""
    slugs = sorted(slugs)
    close = difflib.get_close_matches(slug, slugs, n=1, cutoff=0.6)
    if not close:  # a first or last name alone: maya.fr.md for maya-okafor.md
        close = [s for s in slugs if slug in s.split("-")]
    fix = (
        f"did you mean {close[0]}.{lang}{_suffix(source)}?"
        if len(close) == 1
        else f"name it after the person's own team file: <person>.{lang}{_suffix(source)}"
    )
    return Problem(
        source,
        f"is named as the {lang} translation of {main_source}, which does not exist ({fix}); "
        "skipped",
    )


def same_lang(source: str, lang: str, main_source: str) -> Problem:
    """A translation in the language its main file is written in already."""
    return Problem(
        source,
        f"is in {lang}, the language of {main_source} itself (its Lang, else DEFAULT_LANG); "
        "a translation is in another language; skipped",
    )


def second(source: str, lang: str, first: str, main_source: str) -> Problem:
    """Two files for one person in one language (``x.fr.md`` and ``x.fr.rst``)."""
    return Problem(source, f"a second {lang} translation of {main_source}, after {first}; skipped")


def _suffix(source: str) -> str:
    name = source.rsplit("/", 1)[-1]
    return name[name.rfind(".") :] if "." in name else ".md"


def version(person: Person, translation: Translation, default_lang: str) -> Person:
    """The person as pages in the translation's language show them: its role, pronouns and
    bio where it gives them, the main file's otherwise (each marked with its language)."""
    main_lang = person.lang or default_lang
    has_bio = bool(translation.bio_html.strip())
    return dataclasses.replace(
        person,
        role=translation.role or person.role,
        role_lang=translation.lang if translation.role else person.role_lang or main_lang,
        pronouns=translation.pronouns or person.pronouns,
        bio_html=translation.bio_html if has_bio else person.bio_html,
        short_bio=translation.short_bio if has_bio else person.short_bio,
        lang=translation.lang if has_bio else main_lang,
    )


def versions(
    person: Person, translations: Iterable[Translation], default_lang: str
) -> dict[str, Person]:
    """The person in each language they are written in: language -> Person (the main file's
    in its own language, each translation's in its)."""
    main_lang = person.lang or default_lang
    found = {main_lang: dataclasses.replace(person, lang=main_lang, role_lang=main_lang)}
    for translation in translations:
        found[translation.lang] = version(person, translation, default_lang)
    return found


def home_lang(langs: Collection[str], main_lang: str, default_lang: str) -> str:
    """The version ``/team/<slug>/`` (a page in DEFAULT_LANG, as the team page) shows: the one
    in DEFAULT_LANG, else the main file's."""
    return default_lang if default_lang in langs else main_lang


class AuthorVersion:
    """A person's Author as pages in one language show them (``lang``): that version's
    ``role``, ``pronouns``, ``short_bio``, ``bio`` and ``url``; everything else (name, photo,
    links, post count) the Author's own. Templates use it where they use the Author."""

    def __init__(self, author: Any, **fields: Any) -> None:
        self._author = author
        self.__dict__.update(fields)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # never the Author's private state (nor pickle's probes)
            raise AttributeError(name)
        return getattr(self._author, name)

    def __eq__(self, other: object) -> bool:
        return getattr(other, "slug", other) == self.slug

    def __hash__(self) -> int:
        return hash(self.slug)

    def __str__(self) -> str:
        return str(self._author)

    def __repr__(self) -> str:
        return f"<AuthorVersion {self._author.name!r} {self.__dict__.get('lang')!r}>"
