"""ICO files (favicons) published without metadata.

An ICO is a directory of pictures, each a BMP (which holds no metadata) or a whole PNG file,
and a PNG can carry anything a PNG can: an ``eXIf`` chunk with a GPS position, ``tEXt``,
``iTXt`` (XMP), ``tIME``. Pillow's view of an ICO shows none of that, so each PNG inside is
checked and cleaned by the pipeline's own cleaning of originals (``pipeline.clean_original``:
the same allow-list of chunks), and the ICO is written again around them: every BMP picture
and every entry's size, colours and depth as they were, nothing after the last picture.
Pure: no Pelican.
"""

from __future__ import annotations

import struct

from .pipeline import ImageError, clean_original

SUFFIXES = frozenset({".ico"})
_HEADER = struct.Struct("<HHH")  # reserved (0), type (1: icon), number of pictures
_ENTRY = struct.Struct("<BBBBHHII")  # width, height, colours, reserved, planes, bits, size, offset
_PNG = b"\x89PNG\r\n\x1a\n"


def clean_ico(data: bytes) -> bytes | None:
    """An ICO's bytes with every PNG picture inside cleaned and nothing after its pictures,
    or None when there is nothing to remove (or the file is not an ICO this can read: the
    pipeline has checked it opens). Raises ImageError for a picture that cannot be cleaned."""
    if len(data) < _HEADER.size:
        return None
    reserved, kind, count = _HEADER.unpack_from(data)
    if reserved != 0 or kind != 1 or len(data) < _HEADER.size + count * _ENTRY.size:
        return None
    entries, pictures, changed, end = [], [], False, 0
    for index in range(count):
        entry = list(_ENTRY.unpack_from(data, _HEADER.size + index * _ENTRY.size))
        size, offset = entry[6], entry[7]
        picture = data[offset : offset + size]
        if len(picture) != size:
            return None  # cut short: not an ICO this can rewrite (Pillow opened it: left)
        end = max(end, offset + size)
        if picture.startswith(_PNG):
            try:
                cleaned = clean_original(picture)
            except ImageError as exc:
                raise ImageError(
                    f"holds a PNG picture ({index + 1} of {count}) that {exc}"
                ) from None
            if cleaned is not None:
                picture, changed = cleaned[0], True
        entries.append(entry)
        pictures.append(picture)
    if not changed and not data[end:].strip(b"\x00"):
        return None
    out = bytearray(_HEADER.pack(0, 1, count))
    offset = _HEADER.size + count * _ENTRY.size
    for entry, picture in zip(entries, pictures, strict=True):
        entry[6], entry[7] = len(picture), offset
        out += _ENTRY.pack(*entry)
        offset += len(picture)
    for picture in pictures:
        out += picture
    return bytes(out)
