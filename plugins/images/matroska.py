"""Matroska and WebM videos published without the place they were recorded: pure logic.

FFmpeg copies a phone video's place into the tags of a Matroska or WebM file it makes from it
(``LOCATION``, ``COM.APPLE.QUICKTIME.LOCATION.ISO6709``): a ``SimpleTag`` element under
``Segment/Tags/Tag``. Each such element becomes an EBML ``Void`` element of the same size, its
bytes zeroed, which every reader skips: offsets stay valid, the media is never read or
rewritten. The file is read element by element; the clusters (the media) are stepped over.

The format: every element is an ID (1 to 4 bytes, its first byte's leading zeros say how
many more follow) and a size (1 to 8 bytes, the same way; all value bits set means "unknown":
a live recording's segment and clusters), then its content.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

MAGIC = bytes.fromhex("1A45DFA3")  # the EBML header's ID: a Matroska or WebM file starts so

SEGMENT = 0x18538067
CLUSTER = 0x1F43B675
TAGS, TAG, SIMPLE_TAG, TAG_NAME = 0x1254C367, 0x7373, 0x67C8, 0x45A3
VOID = 0xEC
# The segment's own children: where a cluster of unknown size ends, the next of these starts.
TOP_LEVEL = frozenset(
    {
        0x114D9B74,  # SeekHead
        0x1549A966,  # Info
        0x1654AE6B,  # Tracks
        0x1C53BB6B,  # Cues
        TAGS,
        CLUSTER,
        0x1941A469,  # Attachments
        0x1043A770,  # Chapters
        VOID,
        0xBF,  # CRC-32
        SEGMENT,  # a second segment (files joined end to end)
        int.from_bytes(MAGIC, "big"),  # a second EBML header
    }
)
# Words in a tag's name that mean a place: LOCATION, RECORDING_LOCATION, ...ISO6709, GPS...
PLACE_WORDS = ("LOCATION", "ISO6709", "GPS", "COORDINATES", "LATITUDE", "LONGITUDE")
_READ_LIMIT = 256 * 2**20


class MatroskaError(ValueError):
    """The file is not laid out as EBML elements."""


@dataclass(frozen=True)
class Element:
    """One element: its ID and where it lies (``end`` None: unknown size, up to its parent)."""

    id: int
    start: int
    body: int  # where its content starts
    end: int


def _vint(data: bytes, pos: int, *, keep_marker: bool) -> tuple[int, int, bool]:
    """(value, length, unknown) of the variable-length integer at ``pos``."""
    if pos >= len(data):
        raise MatroskaError(f"the file ends inside an element header at byte {pos}")
    first = data[pos]
    if first == 0:
        raise MatroskaError(f"no element header at byte {pos}")
    length = 9 - first.bit_length()
    if pos + length > len(data):
        raise MatroskaError(f"the file ends inside an element header at byte {pos}")
    raw = int.from_bytes(data[pos : pos + length], "big")
    value = raw if keep_marker else raw & ((1 << (7 * length)) - 1)
    return value, length, not keep_marker and value == (1 << (7 * length)) - 1


def _header(file: BinaryIO, pos: int) -> tuple[int, int, int | None]:
    """(ID, where the content starts, content size or None for unknown) at ``pos``."""
    file.seek(pos)
    data = file.read(12)
    ident, id_length, _ = _vint(data, 0, keep_marker=True)
    if id_length > 4:
        raise MatroskaError(f"no element header at byte {pos}")
    size, size_length, unknown = _vint(data, id_length, keep_marker=False)
    return ident, pos + id_length + size_length, None if unknown else size


def _unknown_end(file: BinaryIO, body: int, stop: int) -> int:
    """Where a cluster of unknown size ends: at the next element that cannot be in it."""
    pos = body
    while pos < stop:
        ident, content, size = _header(file, pos)
        if ident in TOP_LEVEL or size is None:
            return pos
        pos = content + size
    return stop


def elements(file: BinaryIO, start: int, stop: int) -> Iterator[Element]:
    """The elements lying one after the other from ``start`` to ``stop``."""
    pos = start
    while pos < stop:
        ident, body, size = _header(file, pos)
        if size is None:
            if ident == SEGMENT:
                end = stop
            elif ident == CLUSTER:
                end = _unknown_end(file, body, stop)
            else:
                raise MatroskaError(f"the element at byte {pos} has no size")
        else:
            end = body + size
        if end > stop:
            raise MatroskaError(f"the element at byte {pos} runs past its end")
        yield Element(ident, pos, body, end)
        pos = end


def _is_place_tag(file: BinaryIO, tag: Element) -> bool:
    """Whether a SimpleTag's name means a place (its nested SimpleTags are in it too)."""
    for child in elements(file, tag.body, tag.end):
        if child.id == TAG_NAME:
            file.seek(child.body)
            name = file.read(min(child.end - child.body, 1024)).decode("utf-8", "replace")
            return any(word in name.upper() for word in PLACE_WORDS)
    return False


def place_tags(file: BinaryIO) -> list[Element]:
    """Every SimpleTag of the file whose name is a place (raises MatroskaError if the file
    is not EBML elements)."""
    found: list[Element] = []
    end = file.seek(0, os.SEEK_END)
    for top in elements(file, 0, end):
        if top.id != SEGMENT:
            continue
        for child in elements(file, top.body, top.end):
            if child.id != TAGS:
                continue
            for tag in elements(file, child.body, child.end):
                if tag.id != TAG:
                    continue
                for simple in elements(file, tag.body, tag.end):
                    if simple.id == SIMPLE_TAG and _is_place_tag(file, simple):
                        found.append(simple)
    return found


def outside_media(file: BinaryIO) -> Iterator[bytes]:
    """The bytes of every element of the file but the clusters (the media), each in turn."""
    end = file.seek(0, os.SEEK_END)
    for top in elements(file, 0, end):
        if top.id != SEGMENT:
            file.seek(top.start)
            yield file.read(min(top.end - top.start, _READ_LIMIT))
            continue
        for child in elements(file, top.body, top.end):
            if child.id != CLUSTER:
                file.seek(child.start)
                yield file.read(min(child.end - child.start, _READ_LIMIT))


def void(file: BinaryIO, element: Element) -> None:
    """Turn an element into a Void element of the same size with nothing in it."""
    total = element.end - element.start
    if total - 2 < 127:  # a one-byte size: 0x80 | size (0xFF would mean "unknown")
        header = bytes([VOID, 0x80 | (total - 2)])
    else:  # an eight-byte size
        header = bytes([VOID, 0x01]) + (total - 9).to_bytes(7, "big")
    file.seek(element.start)
    file.write(header)
    remaining = total - len(header)
    while remaining > 0:
        chunk = min(remaining, 2**20)
        file.write(bytes(chunk))
        remaining -= chunk
