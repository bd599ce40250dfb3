"""Gettext catalogs: find the .po files, compile them into a cache, load them, check them.

Babel's catalog reader (``babel.messages``: with one check, 12 ms of CPU) is imported only
when a .po must be read: a build whose catalogs are compiled and checked in the cache reads
none.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import io
import json
import re
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import babel
from babel import Locale, UnknownLocaleError
from babel.support import Translations

from plugins.engine import files

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog, Message


@dataclass(frozen=True)
class Problem:
    """An entry of a catalog that readers would see untranslated."""

    path: str
    msgid: str
    why: str  # "untranslated", "fuzzy", "missing from the catalog", or what is broken
    line: int = 0  # the .po file's line, for a broken entry

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.why}: {self.msgid!r}"


def find_catalogs(translations: Path, domain: str) -> dict[str, Path]:
    """{language: path of its .po} for every <lang>/LC_MESSAGES/<domain>.po."""
    if not translations.is_dir():
        return {}
    return {
        po.parent.parent.name: po for po in sorted(translations.glob(f"*/LC_MESSAGES/{domain}.po"))
    }


def folder_name(code: str) -> str | None:
    """The catalog folder a language code's pages use: its BCP 47 spelling, as ``Lang`` is
    written (``zh_Hans`` and ``pt_br`` -> ``zh-Hans``, ``pt-BR``); None for no language."""
    sep = "-" if "-" in code else "_"
    try:
        return str(Locale.parse(code.strip(), sep=sep)).replace("_", "-")
    except (ValueError, TypeError, UnknownLocaleError):
        return None


def babel_name(lang: str) -> str:
    """A catalog folder's language as Babel and pybabel spell it (``zh-Hans`` -> ``zh_Hans``)."""
    return lang.replace("-", "_")


def misspelled_folder(lang: str, folders: set[str]) -> str | None:
    """The catalog folder meant for ``lang`` but spelled otherwise (``zh_Hans`` for ``zh-Hans``),
    which pages in ``lang`` never use."""
    return next((f for f in sorted(folders) if f != lang and folder_name(f) == lang), None)


def read_catalog(po: Path, lang: str) -> Catalog:
    """Parse one .po file."""
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        return read_po(fh, locale=babel_name(lang))


def start_catalog(pot: Path, po: Path, lang: str, width: int = 100) -> None:
    """A new, empty catalog for ``lang`` from the template, as ``pybabel init`` writes it,
    without its two warning lines per plural entry for a language of one plural form
    (Chinese, Japanese: the template has two empty forms, the catalog gets one)."""
    from babel.messages.pofile import read_po, write_po

    # Babel prints those warnings (print, not logging) while it reads the template's two
    # forms against the language's one; the catalog it makes has one, as pybabel init's
    with pot.open("rb") as fh, contextlib.redirect_stdout(io.StringIO()):
        catalog = read_po(fh, locale=babel_name(lang))
    catalog.revision_date = datetime.datetime.now(datetime.UTC)
    catalog.fuzzy = False
    po.parent.mkdir(parents=True, exist_ok=True)
    with po.open("wb") as fh:
        write_po(fh, catalog, width=width)


def compile_catalog(po: Path, lang: str, cache: Path, domain: str) -> Path:
    """The .mo for a .po, compiled into cache/<lang>/ unless an identical one is there already.

    The file name carries a hash of the .po and of Babel's version, so neither an edited
    catalog nor a Babel that compiles otherwise (after an upgrade) reuses a stale .mo.
    Fuzzy entries are left out (gettext shows the English text for them), and so are broken
    ones (``broken``): a page shows the English text rather than stop the build or show junk.
    """
    return _through_cache(po, lang, cache, domain)[0]


def _through_cache(po: Path, lang: str, cache: Path, domain: str) -> tuple[Path, Translations]:
    """``compile_catalog``'s .mo and its translations: a cached .mo is parsed once, the same
    parse telling it is whole and loading it (it was parsed twice, checked then loaded)."""
    data = po.read_bytes()
    digest = _digest(data)
    folder = cache / lang
    mo = folder / f"{domain}-{digest}.mo"
    if mo.is_file() and (loaded := _loaded(mo, domain)) is not None:
        return mo, loaded  # a damaged one (cut short by a crash, emptied) is compiled again
    compiled = _compiled(po, lang, data)
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob(f"{domain}-*.mo"):
        stale.unlink(missing_ok=True)
    files.write_atomically(mo, compiled)  # a parallel build never reads half of it
    return mo, Translations(io.BytesIO(compiled), domain=domain)


def _digest(data: bytes) -> str:
    """What a .po's compiled and checked forms in the cache are named by."""
    # "checked": a .mo compiled before broken entries were left out is not reused
    compiler = f"checked\0babel {babel.__version__}\0".encode()
    return hashlib.sha256(compiler + data).hexdigest()[:16]


def _compiled(po: Path, lang: str, data: bytes) -> bytes:
    """The .mo of a .po's bytes, without its fuzzy and broken entries."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(data), locale=babel_name(lang))
    for message, _ in _broken(catalog, data, str(po)):
        if message is not None:  # left out: pages show the English text, never a broken one
            catalog.delete(message.id, context=message.context)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


# what reading a .mo that is not whole raises (gettext: "File is corrupt", struct's "unpack
# requires a buffer", a catalog header cut mid-character)
_DAMAGED = (OSError, struct.error, ValueError, LookupError, IndexError)


def _loaded(mo: Path, domain: str) -> Translations | None:
    """A compiled catalog in the cache, loaded (it is a few kilobytes: read whole); None if it
    does not load."""
    try:
        return Translations(io.BytesIO(mo.read_bytes()), domain=domain)
    except _DAMAGED:
        return None


def load(
    translations: Path,
    cache: Path,
    domain: str,
    unwritable: Callable[[Path, OSError], None] | None = None,
) -> dict[str, Translations]:
    """{language: Translations} for every catalog, compiled through the cache.

    A cache that cannot be written (read-only, full): the catalog is compiled in memory, and
    ``unwritable(cache, error)`` is told (the caller says it once), else the error is raised."""
    loaded = {}
    for lang, po in find_catalogs(translations, domain).items():
        try:
            loaded[lang] = _through_cache(po, lang, cache, domain)[1]
        except OSError as exc:
            if unwritable is None or exc.errno not in files.CANNOT_WRITE:
                raise
            compiled = _compiled(po, lang, po.read_bytes())  # the .po itself may not be read
            unwritable(cache, exc)
            loaded[lang] = Translations(io.BytesIO(compiled), domain=domain)
    return loaded


def coverage(po: Path, lang: str) -> tuple[int, int]:
    """(entries not translated: empty or fuzzy, entries) of a catalog."""
    catalog = read_catalog(po, lang)
    return len(_gaps(catalog, po)), sum(1 for message in catalog if message.id)


def problems(po: Path, lang: str, expected: set[str] | None = None) -> list[Problem]:
    """Untranslated, fuzzy and broken entries of a catalog, and template strings it lacks."""
    catalog = read_catalog(po, lang)
    found = _gaps(catalog, po) + broken(po, lang)
    if expected is not None:
        have = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
        found += [Problem(str(po), m, "missing from the catalog") for m in sorted(expected - have)]
    return found


def _gaps(catalog: Catalog, po: Path) -> list[Problem]:
    found = []
    for message in catalog:
        if not message.id:
            continue  # the header
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple | list) else [message.string]
        if message.fuzzy:
            found.append(Problem(str(po), msgid, "fuzzy"))
        elif not all(strings):
            found.append(Problem(str(po), msgid, "untranslated"))
    return found


# one line of a .po file as gettext reads it: a keyword and one quoted string, or a string alone
_STRING_LINE = re.compile(
    r'(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"'
)


def broken(po: Path, lang: str) -> list[Problem]:
    """Entries a page cannot show as written, each with its line: a line that is not one
    quoted string (a stray quote: Babel reads the rest of the line into the text, gettext's
    msgfmt refuses it), or a translation whose placeholders the English text's variables do
    not fill (``%(minute)d`` for ``%(minutes)d``: the page stopped the build; a lone ``%``)."""
    from babel.messages.pofile import read_po

    data = po.read_bytes()
    catalog = read_po(io.BytesIO(data), locale=babel_name(lang))
    return [problem for _, problem in _broken(catalog, data, str(po))]


def checked(po: Path, lang: str, cache: Path, domain: str) -> tuple[list[Problem], int, int]:
    """``broken(po, lang)`` and ``coverage(po, lang)`` at once, kept in the cache beside the
    compiled catalog (one file per language, named by the same hash of the .po and Babel's
    version): while the .po is unchanged a build does not read it again."""
    data = po.read_bytes()
    digest = _digest(data)
    kept = cache / lang / f"{domain}-checked.json"
    try:
        entry = json.loads(kept.read_bytes())
        if entry["digest"] == digest:
            problems = [Problem(str(po), msgid, why, line) for msgid, why, line in entry["broken"]]
            return problems, int(entry["gaps"]), int(entry["total"])
    except (OSError, ValueError, KeyError, TypeError):
        pass  # none yet, or damaged: read the .po
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(data), locale=babel_name(lang))
    problems = [problem for _, problem in _broken(catalog, data, str(po))]
    gaps, total = len(_gaps(catalog, po)), sum(1 for message in catalog if message.id)
    found = [[p.msgid, p.why, p.line] for p in problems]
    entry = {"digest": digest, "broken": found, "gaps": gaps, "total": total}
    with contextlib.suppress(OSError):  # a cache that cannot be written: read again next build
        kept.parent.mkdir(parents=True, exist_ok=True)
        files.write_atomically(kept, json.dumps(entry))
    return problems, gaps, total


def _broken(catalog: Catalog, data: bytes, path: str) -> list[tuple[Message | None, Problem]]:
    lines = data.decode("utf-8", errors="replace").splitlines()
    found: list[tuple[Message | None, Problem]] = []
    for number, line in enumerate(lines, 1):
        text = line.strip()
        if text and not text.startswith("#") and not _STRING_LINE.fullmatch(text):
            message = _entry_at(catalog, lines, number)
            why = f"this line is not one quoted string (a stray or missing quote?): {text}"
            found.append((message, Problem(path, _msgid(message) if message else "", why, number)))
    for message in catalog:
        if not message.id or message.fuzzy or any(m is message for m, _ in found):
            continue
        why = _format_error(catalog, message)
        if why:
            line = _msgstr_line(lines, message.lineno)
            found.append((message, Problem(path, _msgid(message), why, line)))
    return found


def _msgid(message: Message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def _strings(message: Message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple | list) else [message.string]


def _format_error(catalog: Catalog, message: Message) -> str | None:
    """Why the translation does not format with the English text's variables, or None."""
    from babel.messages.catalog import PYTHON_FORMAT, TranslationError
    from babel.messages.checkers import python_format

    ids = [message.id] if isinstance(message.id, str) else list(message.id)
    names = {m[1] for msgid in ids for m in PYTHON_FORMAT.finditer(msgid) if m[1]}
    english = sorted({m[0] for msgid in ids for m in PYTHON_FORMAT.finditer(msgid)} - {"%%"})
    has = f" (the English text has {', '.join(english)})" if english else ""
    try:
        python_format(catalog, message)  # Babel's check: names and types of placeholders
    except TranslationError as exc:
        return f"{exc}{has}"
    variables = dict.fromkeys(names, 1)
    for string in _strings(message):
        if not string or "%" not in string:
            continue  # a page formats a string only when it has a % (templating.callables)
        try:
            string % variables  # formatted only to see whether it can be
        except KeyError as exc:
            return f"unknown named placeholder {exc}{has}"
        except (ValueError, TypeError) as exc:
            return f"a % that is no placeholder ({exc}): write %% for a percent sign{has}"
    return None


def _entry_at(catalog: Catalog, lines: list[str], number: int) -> Message | None:
    """The entry whose lines (up to a blank line either way) hold line ``number``."""
    start = number
    while start > 1 and lines[start - 2].strip():
        start -= 1
    end = number
    while end < len(lines) and lines[end].strip():
        end += 1
    return next((m for m in catalog if m.id and start <= (m.lineno or 0) <= end), None)


def _msgstr_line(lines: list[str], msgid_line: int | None) -> int:
    """The line of an entry's first msgstr (its msgid's when none is found)."""
    number = msgid_line or 0
    for index in range(number, len(lines)):
        if not lines[index].strip():
            break
        if lines[index].lstrip().startswith("msgstr"):
            return index + 1
    return number
