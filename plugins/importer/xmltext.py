"""Characters XML 1.0 forbids, which exports carry anyway, dropped before the file is read.

WordPress writes a post's text as it was saved, and text pasted from a word processor can
hold control characters (a vertical tab for a line break, U+001A): XML does not allow them,
so no parser reads the file, and exporting again writes them again. ``strip_forbidden`` drops
them (raw, or written as a character reference such as ``&#11;``; a vertical tab or form
feed, which parted two words, becomes a space) and says in which item.

Old WordPress exports also wrote a post's text into a CDATA section without splitting a
``]]>`` in it: ``repair_cdata`` splits those, and only those.

Exports often come packed: WordPress.com's "Export all" and Google Takeout download a zip, and
a host's backup may be gzipped. ``unpacked`` reads the export inside either.
"""

import gzip
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from .model import ExportError

# what a zip archive's export is called, by importer: the first suffixes that name any file
_EXPORT_SUFFIXES = {"wordpress": ((".xml",),), "blogger": ((".atom",), (".xml",))}


def unpacked(source: str, data: bytes, importer: str) -> bytes:
    """The export in `data`: itself, or the file gzip packed, or the one export a zip archive
    holds (ExportError, naming them, when it holds several or none)."""
    if data[:2] == b"\x1f\x8b":
        try:
            return gzip.decompress(data)
        except (OSError, EOFError, zipfile.BadZipFile) as exc:
            raise ExportError(f"{source}: a gzip file that cannot be unpacked ({exc})") from None
    if data[:4] != b"PK\x03\x04":
        return data
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = [
                n for n in archive.namelist()
                if not n.endswith("/") and "__MACOSX" not in n
                and not PurePosixPath(n).name.startswith(".")
            ]  # fmt: skip
            found: list[str] = []
            for suffixes in _EXPORT_SUFFIXES[importer]:
                found = [n for n in names if n.lower().endswith(suffixes)]
                if found:
                    break
            if len(found) == 1:
                return archive.read(found[0])
    except (OSError, EOFError, zipfile.BadZipFile, RuntimeError) as exc:
        raise ExportError(f"{source}: a zip archive that cannot be unpacked ({exc})") from None
    if not found:
        held = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
        raise ExportError(
            f"{source}: a zip archive with no export inside (it holds {held or 'nothing'}); "
            f"expected one {' or '.join(s[0] for s in _EXPORT_SUFFIXES[importer])} file"
        )
    raise ExportError(
        f"{source}: a zip archive of {len(found)} exports ({', '.join(found)}): unzip it and "
        f"import each, one after the other (`invoke import-{importer} <file>`)"
    )


# C0 controls but tab, line feed and carriage return: single bytes in UTF-8 (never part of a
# multi-byte character), so they are dropped from the bytes without decoding them
_RAW = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_REFERENCE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
# Word's line break (vertical tab) and page break (form feed) part words: a space instead
_INSTEAD = {0x0B: b" ", 0x0C: b" "}


def _forbidden(value: int) -> bool:
    """Whether XML 1.0 forbids this character (as text or as a reference)."""
    return (
        (value < 0x20 and value not in (0x09, 0x0A, 0x0D))
        or 0xD800 <= value <= 0xDFFF
        or value in (0xFFFE, 0xFFFF)
        or value > 0x10FFFF
    )


def _reference_value(match: re.Match) -> int:
    return int(match[1], 16) if match[1] else int(match[2])


def strip_forbidden(
    data: bytes, record: bytes, describe: Callable[[bytes], str]
) -> tuple[bytes, list[str]]:
    """The file without the characters XML forbids, and one line for each part that had some:
    each ``<record …>`` element (``item``, ``entry``) as ``describe`` names it from its bytes,
    or the part before the first one."""
    out, notes = [], []
    for piece in re.split(rb"(?=<" + record + rb"[\s>])", data):
        found = [m.group()[0] for m in _RAW.finditer(piece)]
        found += [_reference_value(m) for m in _REFERENCE.finditer(piece)]
        found = [value for value in found if _forbidden(value)]
        if found:
            piece = _RAW.sub(lambda m: _INSTEAD.get(m.group()[0], b""), piece)
            piece = _REFERENCE.sub(
                lambda m: (
                    _INSTEAD.get(_reference_value(m), b"")
                    if _forbidden(_reference_value(m))
                    else m.group()
                ),
                piece,
            )
            codes = ", ".join(f"U+{value:04X}" for value in sorted(set(found)))
            where = describe(piece) if piece.startswith(b"<" + record) else "the export's head"
            many = "s" if len(found) > 1 else ""
            spaced = ", the line and page breaks as spaces" if set(found) & set(_INSTEAD) else ""
            notes.append(
                f"{where}: {len(found)} character{many} XML does not allow ({codes}: control "
                f"characters, as text pasted from a word processor carries) dropped{spaced}"
            )
        out.append(piece)
    return b"".join(out), notes


# Before WordPress split them (``]]]]><![CDATA[>``, the only way to write "]]>" inside a CDATA
# section), an export wrote a post's text into its CDATA section as it was: a post quoting a
# script's ``//]]>`` or code such as ``a[b[0]]>1`` ended the section early, and no XML reader
# takes the file. The old blog is often gone, so exporting again is not an answer.
_SPLIT = b"]]><![CDATA["
_INNER_END = re.compile(rb"\]\]>(?!<!\[CDATA\[)")  # one that already opens the next section is fine


@dataclass
class Repair:
    """The file with its CDATA sections repaired, and where: ``sections`` are the offsets (in
    the file as read) of the sections repaired, ``inserted`` those (in the repaired file) of
    each split written."""

    data: bytes
    sections: list[int] = field(default_factory=list)
    inserted: list[int] = field(default_factory=list)


def repair_cdata(data: bytes, element: bytes) -> Repair:
    """The file with each ``]]>`` inside ``<element><![CDATA[ … ]]></element>`` that is not
    the section's end split as XML requires (the text reads the same); nothing else changed."""
    start = re.compile(rb"<" + re.escape(element) + rb">\s*<!\[CDATA\[")
    end = re.compile(rb"\]\]>\s*</" + re.escape(element) + rb">")
    out, sections, inserted = [], [], []
    done = 0  # bytes of `data` already copied to `out`
    length = 0  # bytes in `out`
    position = 0
    while opened := start.search(data, position):
        closed = end.search(data, opened.end())
        if closed is None:  # cut short: left for the parser to report
            break
        inner = list(_INNER_END.finditer(data, opened.end(), closed.start()))
        if inner:
            sections.append(opened.start())
            for match in inner:
                cut = match.start() + 2  # between "]]" and ">"
                out.append(data[done:cut])
                length += cut - done
                inserted.append(length)
                out.append(_SPLIT)
                length += len(_SPLIT)
                done = cut
        position = closed.end()
    out.append(data[done:])
    return Repair(b"".join(out), sections, inserted)


def original_column(repair: Repair, line: int, column: int) -> int:
    """A column (0-based, in characters, as expat counts) of the repaired file, in the file as
    read: the splits written before it on that line taken out."""
    starts = [0] + [m.end() for m in re.finditer(rb"\n", repair.data)]
    if not 1 <= line <= len(starts):
        return column
    begin = starts[line - 1]
    before = 0
    for offset in repair.inserted:
        if offset >= begin:
            written = len(repair.data[begin:offset].decode("utf-8", "replace"))
            if written < column:
                before += len(_SPLIT)
    return column - before
