"""Phone videos published without the place they were shot: pure logic, no Pelican import.
(Matroska and WebM files: ``matroska.py``, called from ``clean`` here.)

A phone writes where a video was recorded into the file's metadata boxes (ISO base media
and QuickTime files: MP4, MOV, 3GP): ``©xyz`` in the user data (Android, iPhone, ffmpeg), the
3GPP ``loci`` box, Apple's ``com.apple.quicktime.location.*`` items (an iPhone's ``meta``
box), and XMP. Each such box is turned into a ``free`` box of the same size, its bytes zeroed:
every offset in the file stays valid, so the video plays as before, and nothing of the place
is left to read. The file is read box by box (the media data is never read), and a copy is
patched, which then replaces the published file in one rename: a link to the source never
changes it.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from plugins.engine import files

from . import matroska
from .pipeline import PICTURE_BRANDS

# Boxes that hold other boxes, on the way to the metadata (media samples are not looked at).
_CONTAINERS = frozenset({b"moov", b"trak", b"mdia", b"minf", b"udta", b"meta", b"ilst"})
# Boxes whose whole content is a place: QuickTime's ISO 6709 text, 3GPP's location, XMP.
_PLACE_BOXES = frozenset({b"\xa9xyz", b"loci", b"XMP_"})
_XMP_UUID = bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC")
# Top-level boxes of a file of this family (QuickTime files may have no ftyp).
_FIRST_BOXES = frozenset({b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"})
# What is left of a place after the known boxes are emptied: ISO 6709 text as phones write
# it (+37.7858-122.4064+010.000/), or XMP's GPS properties. Found anywhere but in the media
# data, the file is not published: a place in a box this module does not know of.
_PLACE_TEXT = re.compile(rb"[+-]\d{2}\.\d{2,}[+-]\d{3}\.\d{2,}|GPSLatitude|GPSLongitude")
_READ_LIMIT = 256 * 2**20  # the metadata boxes of a long video are a few MB


class VideoError(ValueError):
    """The file is not laid out as boxes: it cannot be known to be free of a place."""


@dataclass(frozen=True)
class Box:
    """One box of the file: its four-letter type and where it lies."""

    kind: bytes
    start: int
    header: int  # the size, type and (uuid) user type: where the content starts
    end: int
    sized: int = 8  # the bytes of the size and type fields (16 with a 64-bit size)

    @property
    def body(self) -> int:
        """Where the box's content starts."""
        return self.start + self.header


@dataclass(frozen=True)
class Cleaning:
    """What was done with one published video."""

    emptied: int = 0  # boxes that held the place, now empty ``free`` boxes
    error: str | None = None  # why it cannot be published


def video_by_content(head: bytes, size: int | None = None) -> bool:
    """Whether the first 16 bytes of a file (of ``size`` bytes) are those of an ISO base
    media or QuickTime file that is not a picture (HEIF and AVIF are pictures: the image
    pipeline cleans them), or of a Matroska or WebM file."""
    if head[:4] == matroska.MAGIC:
        return True
    if head[4:8] == b"ftyp":
        return head[8:12] not in PICTURE_BRANDS
    if len(head) < 8 or head[4:8] not in _FIRST_BOXES:
        return False
    # an old QuickTime file starts with its first box: a size the file can hold ("Use free
    # software", a text file's first words, has the same four letters where the type is)
    first = int.from_bytes(head[:4], "big")
    return first in (0, 1) or (first >= 8 and (size is None or first <= size))


def _boxes(file: BinaryIO, start: int, end: int) -> Iterator[Box]:
    """The boxes lying one after the other from ``start`` to ``end``."""
    pos = start
    while pos + 8 <= end:
        file.seek(pos)
        head = file.read(16)
        size, kind, header = int.from_bytes(head[:4], "big"), head[4:8], 8
        if size == 1:  # a 64-bit size follows the type
            if len(head) < 16:
                raise VideoError(f"the {_name(kind)} box at byte {pos} is cut short")
            size, header = int.from_bytes(head[8:16], "big"), 16
        elif size == 0:  # the box runs to the end of what holds it
            size = end - pos
        if kind == b"uuid":
            header += 16
        if size < header or pos + size > end:
            raise VideoError(f"the {_name(kind)} box at byte {pos} runs past its end")
        yield Box(kind, pos, header, pos + size, 16 if head[:4] == b"\0\0\0\1" else 8)
        pos += size


def _name(kind: bytes) -> str:
    return repr(kind.decode("latin-1"))


def _meta_children_start(file: BinaryIO, box: Box) -> int:
    """Where a ``meta`` box's children start: ISO's has a version and flags, QuickTime's not."""
    file.seek(box.body)
    head = file.read(12)
    return box.body if head[4:8] == b"hdlr" else box.body + 4


def _keys(file: BinaryIO, box: Box) -> dict[int, bytes]:
    """A ``keys`` box's names by their index (from 1), as ``ilst`` items refer to them."""
    file.seek(box.body)
    data = file.read(min(box.end - box.body, _READ_LIMIT))
    names, pos, index = {}, 8, 1  # version, flags and the count come first
    while pos + 8 <= len(data):
        size = int.from_bytes(data[pos : pos + 4], "big")
        if size < 8:
            break
        names[index] = data[pos + 8 : pos + size]
        pos, index = pos + size, index + 1
    return names


def _index(kind: bytes) -> int:
    """An ``ilst`` item's type read as the index of its key."""
    return int.from_bytes(kind, "big")


def _is_xmp(file: BinaryIO, box: Box) -> bool:
    file.seek(box.start + box.header - 16)
    return file.read(16) == _XMP_UUID


def place_boxes(file: BinaryIO) -> list[Box]:
    """Every box of the file that holds a place (raises VideoError if it is not boxes)."""
    found: list[Box] = []

    def walk(start: int, stop: int, parent: bytes, keys: dict[int, bytes]) -> None:
        children = list(_boxes(file, start, stop))
        if parent == b"meta":  # the ilst items below refer to this meta box's keys
            keys = next((_keys(file, box) for box in children if box.kind == b"keys"), {})
        for box in children:
            if box.kind in _PLACE_BOXES or (box.kind == b"uuid" and _is_xmp(file, box)):
                found.append(box)
            elif parent == b"ilst" and b"location" in keys.get(_index(box.kind), b""):
                found.append(box)  # com.apple.quicktime.location.ISO6709, .name, .body ...
            elif box.kind == b"meta":
                walk(_meta_children_start(file, box), box.end, box.kind, keys)
            elif box.kind in _CONTAINERS:
                walk(box.body, box.end, box.kind, keys)

    walk(0, file.seek(0, os.SEEK_END), b"", {})
    return found


def place_left(file: BinaryIO) -> bool:
    """Whether a place can still be read anywhere in the file but its media data."""
    for box in _boxes(file, 0, file.seek(0, os.SEEK_END)):
        if box.kind == b"mdat":
            continue
        file.seek(box.start)
        if _PLACE_TEXT.search(file.read(min(box.end - box.start, _READ_LIMIT))):
            return True
    return False


def _empty(file: BinaryIO, box: Box) -> None:
    """Turn a box into a ``free`` box of the same size with nothing in it."""
    file.seek(box.start + 4)
    file.write(b"free")
    file.seek(box.start + box.sized)  # a 64-bit size stays; a uuid's user type goes
    remaining = box.end - file.tell()
    while remaining > 0:
        chunk = min(remaining, 2**20)
        file.write(bytes(chunk))
        remaining -= chunk


def _matroska_place_left(file: BinaryIO) -> bool:
    return any(_PLACE_TEXT.search(data) for data in matroska.outside_media(file))


def clean(path: Path) -> Cleaning:
    """Publish a video without its place: the boxes (Matroska: the tags) that hold it
    emptied, in a copy that replaces ``path``; a file with a place this cannot take out is
    reported, not changed."""
    try:
        with open(path, "rb") as source:
            if source.read(4) == matroska.MAGIC:
                find, empty, left = matroska.place_tags, matroska.void, _matroska_place_left
            else:
                find, empty, left = place_boxes, _empty, place_left
            found = find(source)
            if not found:
                return Cleaning(error=_PLACE_UNKNOWN if left(source) else None)
            with files.replacing(path) as copy:
                source.seek(0)
                shutil.copyfileobj(source, copy)
                for part in found:
                    empty(copy, part)
        with open(path, "rb") as cleaned:
            if left(cleaned):
                return Cleaning(emptied=len(found), error=_PLACE_UNKNOWN)
    except (VideoError, matroska.MatroskaError) as exc:
        return Cleaning(
            error=f"cannot be read as a video ({exc}), so it cannot be known to "
            "be free of the place it was recorded"
        )
    except OSError as exc:
        return Cleaning(error=f"cannot be read ({exc.strerror or exc})")
    return Cleaning(emptied=len(found))


_PLACE_UNKNOWN = "keeps the place it was recorded in metadata this engine cannot take out"
