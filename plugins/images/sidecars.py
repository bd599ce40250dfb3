"""A photo's metadata sidecars, which are never published: they hold what the photo's own
metadata held (where it was taken, who is in it, the camera), and the photo is published
without it.

- XMP sidecars, which darktable, Lightroom, digiKam and RawTherapee write beside a photo
  (``IMG_0042.xmp``, ``IMG_0042.jpg.xmp``): by their suffix, and by their first bytes
  (``<?xpacket``, ``<x:xmpmeta``, after an XML declaration as darktable and exiv2 write it)
  under any other name, ``.xml`` included (an XMP file saved as XML).
- Google Takeout's JSON, written beside every photo taken out of Google Photos
  (``IMG_0042.jpg.json``, ``IMG_0042.jpg.supplemental-metadata.json``, names Takeout cut
  short such as ``IMG_0042.jpg.supplemental-met.json`` or ``IMG_0042.jpg.suppl(1).json``):
  by that name, and by what is in it (``geoData``, ``geoDataExif``, ``photoTakenTime``) under
  any other ``.json`` name. A site's other JSON files are published.

Pure: no Pelican.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from . import suffixes
from .pipeline import RAW_SUFFIXES
from .suffixes import VIDEO_SUFFIXES

XMP_SUFFIXES = frozenset({".xmp"})
# how an XMP packet starts, after a byte-order mark or blank space
XMP_STARTS = (b"<?xpacket", b"<x:xmpmeta", b"<x:xapmeta")  # xapmeta: XMP before 2002
_BLANK = b"\xef\xbb\xbf \t\r\n"  # a byte-order mark, blank space
_DECLARATION = re.compile(rb"<\?xml\b[^>]{0,200}\?>")
# the keys of a Takeout file that say where and when a photo was taken
TAKEOUT_KEYS = frozenset({"geoData", "geoDataExif", "photoTakenTime"})
_SUPPLEMENTAL = "supplemental-metadata"
_COPY = re.compile(r"\(\d+\)$")  # Takeout's IMG_0042.jpg(1).json for a second IMG_0042.jpg
# what a Takeout file is named for: a photo or a video (Takeout writes one for each)
_MEDIA = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".heif", ".avif"}) | {
    ".tif",
    ".tiff",
    ".bmp",
    ".jxl",
    ".mp4",
    ".mov",
    ".3gp",
    ".m4v",
    ".mkv",
    ".webm",
}
_HEAD = 64  # enough for a byte-order mark, blank lines and '<?xpacket'
_DECLARED_HEAD = 512  # and for an XML declaration before it

XMP_LINE = (
    "is a photo's XMP sidecar (an editor's copy of its metadata: where it was taken, the "
    "camera); not published: remove it (the photo is published without it)"
)
TAKEOUT_LINE = (
    "is a photo's Google Takeout sidecar (where it was taken, who is in it, the device); "
    "not published: remove it (the photo is published without it)"
)


def _media_suffix(suffix: str) -> bool:
    return (
        suffix in _MEDIA
        or suffix in RAW_SUFFIXES
        or suffix in VIDEO_SUFFIXES
        or suffixes.picture_suffix(suffix)
    )


def takeout_name(name: str) -> bool:
    """Whether a file name is one Google Takeout gives a photo's JSON: the photo's name, an
    optional ``.supplemental-metadata`` (or the start of it, where Takeout cut a long name
    short), an optional ``(1)``, then ``.json``."""
    if not name.lower().endswith(".json"):
        return False
    stem = _COPY.sub("", name[: -len(".json")])
    base, dot, last = stem.rpartition(".")
    if dot and last and _SUPPLEMENTAL.startswith(last.lower()) and "." in base:
        stem = _COPY.sub("", base)
    base, dot, last = stem.rpartition(".")
    return bool(dot and base and _media_suffix(f".{last.lower()}"))


def xmp_content(head: bytes) -> bool:
    """Whether a file's first bytes are those of an XMP packet (after an XML declaration,
    if it has one)."""
    head = head.lstrip(_BLANK)
    if declaration := _DECLARATION.match(head):
        head = head[declaration.end() :].lstrip(_BLANK)
    return head.startswith(XMP_STARTS)


def _declared(head: bytes) -> bool:
    """Whether a file starts with an XML declaration (its XMP root may be past 64 bytes)."""
    return head.lstrip(_BLANK).startswith(b"<?xml")


def takeout_content(data: bytes) -> bool:
    """Whether JSON text is a Takeout photo's: an object with a place or the time taken."""
    if not any(f'"{key}"'.encode() in data for key in TAKEOUT_KEYS):  # cheap: nearly every file
        return False
    try:
        value = json.loads(data)
    except ValueError:  # not JSON (or not UTF-8): published as any other file
        return False
    return isinstance(value, dict) and not TAKEOUT_KEYS.isdisjoint(value)


def _read(path: Path, size: int = -1) -> bytes:
    try:
        with open(path, "rb") as file:
            return file.read(size)
    except OSError:
        return b""


def sidecar_line(path: Path, head: bytes | None = None) -> str | None:
    """Why a published file is a photo's metadata sidecar (the line to log after its name),
    or None when it is not one. ``head``: its first bytes, when the caller has read them."""
    name = path.name
    suffix = path.suffix.lower()
    if suffix in XMP_SUFFIXES:
        return XMP_LINE
    if suffix == ".json":
        if takeout_name(name) or takeout_content(_read(path)):
            return TAKEOUT_LINE
        return None
    if head is None:
        head = _read(path, _HEAD)
    if _declared(head):
        head = _read(path, _DECLARED_HEAD)
    return XMP_LINE if xmp_content(head) else None
