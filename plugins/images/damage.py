"""What to tell a writer whose picture Pillow could not open or decode, when the reader's own
words say nothing useful: a HEIC or AVIF photo cut short is "not an image this pipeline can
read (use … HEIC, AVIF …)", which it is; a WebP cut short is libwebp's "could not create
decoder object". Looked at here, where the error is reported, from the file's own structure:

- cut short: the boxes of a HEIF/AVIF file, the RIFF size of a WebP, the chunks of a PNG or
  GIF's trailer end past the end of the file (what an upload or a sync that did not finish
  leaves); the line says so and to copy it again, as for a JPEG cut short;
- JPEG XL under another picture's name (``IMG_0042.jpg``): named as JPEG XL;
- damaged: the file starts as a picture of a known format but its reader cannot go on (bytes
  overwritten, a converter's bug); the line names the format and says to copy or export it
  again.

Any other error is left as it is. Pure: no Pelican; kept out of pipeline.py, whose text names
every cached rendition.
"""

from __future__ import annotations

import os

from . import jpegxl
from .pipeline import _NOT_WHOLE, PICTURE_BRANDS

CUT_SHORT = f"is cut short (the file ends before its pixels do): {_NOT_WHOLE}"
# the reader's errors that say nothing of what happened to the file
_UNCLEAR = ("is not an image this pipeline can read", "cannot be decoded (")


def _a_type(kind: bytes) -> bool:
    """Whether four bytes can be a box's type (printable ASCII, as every box type is)."""
    return len(kind) == 4 and all(0x20 <= byte < 0x7F for byte in kind)


def _boxes_cut_short(data: bytes) -> bool:
    """Whether the top-level boxes of an ISO base media file (HEIF, AVIF) run past its end."""
    pos = 0
    while pos + 8 <= len(data):
        size, header = int.from_bytes(data[pos : pos + 4], "big"), 8
        if not _a_type(data[pos + 4 : pos + 8]):
            return False  # not a box: damaged, not cut short
        if size == 1:
            if pos + 16 > len(data):
                return True
            size, header = int.from_bytes(data[pos + 8 : pos + 16], "big"), 16
        elif size == 0:  # the last box, to the end of the file
            return False
        if size < header:
            return False  # not boxes: damaged, not cut short
        pos += size
    return pos != len(data)


def _png_cut_short(data: bytes) -> bool:
    pos = 8
    while pos + 8 <= len(data):
        size, kind = int.from_bytes(data[pos : pos + 4], "big"), data[pos + 4 : pos + 8]
        if not kind.isalpha():
            return False  # not a chunk: damaged, not cut short
        pos += 12 + size
        if kind == b"IEND":
            return pos > len(data)
    return True  # no IEND: the file stops before its end


def cut_short(data: bytes) -> bool:
    """Whether a picture file ends before its own structure says it does."""
    if data[4:8] == b"ftyp" and data[8:12] in PICTURE_BRANDS:
        return _boxes_cut_short(data)
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return 8 + int.from_bytes(data[4:8], "little") > len(data)
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return _png_cut_short(data)
    if data.startswith((b"GIF87a", b"GIF89a")):
        return not data.rstrip(b"\x00").endswith(b";")
    return False


def format_name(head: bytes) -> str | None:
    """The format a file's first bytes say it is, as writers know it."""
    if head[4:8] == b"ftyp" and head[8:12] in PICTURE_BRANDS:
        return "AVIF" if head[8:12] in (b"avif", b"avis") else "HEIC"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "WebP"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "TIFF"
    return None


def explain(error: str, source: str | os.PathLike) -> str:
    """The error to report for a source: said plainly when the reader's words were unclear
    and the file is cut short or damaged, else the error as it is."""
    if not error.startswith(_UNCLEAR):
        return error
    try:
        with open(source, "rb") as file:
            data = file.read()
    except OSError:
        return error
    if jpegxl.by_content(data[:16]):  # a JPEG XL file under a JPEG's name
        return (
            "is a JPEG XL image, which the image pipeline cannot clean of location data and "
            "other metadata"
        )
    if cut_short(data):
        return CUT_SHORT
    name = format_name(data[:16])
    if name is None:
        return error
    return (
        f"is a damaged {name} file (it starts as one, but the rest cannot be read): copy it "
        "again from where it came from, or export it again"
    )
