"""Gettext catalogs: find the .po files, compile them into a cache, load them, check them."""

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from plugins.engine import files


@dataclass(frozen=True)
class Problem:
    """An entry of a catalog that readers would see untranslated."""

    path: str
    msgid: str
    why: str  # "untranslated", "fuzzy" or "obsolete"

    def __str__(self) -> str:
        return f"{self.path}: {self.why}: {self.msgid!r}"


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
    with po.open("rb") as fh:
        return read_po(fh, locale=babel_name(lang))


def compile_catalog(po: Path, lang: str, cache: Path, domain: str) -> Path:
    """The .mo for a .po, compiled into cache/<lang>/ unless an identical one is there already.

    The file name carries a hash of the .po, so an edited catalog never reuses a stale .mo.
    Fuzzy entries are left out (gettext shows the English text for them).
    """
    data = po.read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:16]
    folder = cache / lang
    mo = folder / f"{domain}-{digest}.mo"
    if mo.is_file():
        return mo
    buffer = io.BytesIO()
    write_mo(buffer, read_po(io.BytesIO(data), locale=babel_name(lang)), use_fuzzy=False)
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob(f"{domain}-*.mo"):
        stale.unlink(missing_ok=True)
    files.write_atomically(mo, buffer.getvalue())  # a parallel build never reads half of it
    return mo


def load(translations: Path, cache: Path, domain: str) -> dict[str, Translations]:
    """{language: Translations} for every catalog, compiled through the cache."""
    loaded = {}
    for lang, po in find_catalogs(translations, domain).items():
        with compile_catalog(po, lang, cache, domain).open("rb") as fh:
            loaded[lang] = Translations(fh, domain=domain)
    return loaded


def coverage(po: Path, lang: str) -> tuple[int, int]:
    """(entries not translated: empty or fuzzy, entries) of a catalog."""
    catalog = read_catalog(po, lang)
    return len(_gaps(catalog, po)), sum(1 for message in catalog if message.id)


def problems(po: Path, lang: str, expected: set[str] | None = None) -> list[Problem]:
    """Untranslated and fuzzy entries of a catalog, and template strings it lacks."""
    catalog = read_catalog(po, lang)
    found = _gaps(catalog, po)
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
