"""JPEG XL files, which are never published: Lightroom, Photoshop and ``cjxl`` write the
photo's EXIF (GPS included) and XMP into them, and Pillow cannot read one to clean it.

Known by their suffix and by their first bytes: a naked codestream (``ff 0a``) or the ISO
base media container (its signature box, ``00 00 00 0c 'JXL ' 0d 0a 87 0a``). Pure: no Pelican.
"""

from __future__ import annotations

SUFFIXES = frozenset({".jxl"})
CODESTREAM = b"\xff\x0a"
CONTAINER = b"\x00\x00\x00\x0cJXL \r\n\x87\n"

LINE = (
    "is a JPEG XL image, which keeps the photo's location and camera data and which the "
    "image pipeline cannot clean; not published: export it as JPEG, WebP or AVIF"
)


def by_content(head: bytes) -> bool:
    """Whether a file's first bytes are those of a JPEG XL image."""
    return head.startswith((CONTAINER, CODESTREAM))


def is_jpeg_xl(suffix: str, head: bytes) -> bool:
    """Whether a published file (its lower-case suffix, its first bytes) is JPEG XL."""
    return suffix in SUFFIXES or by_content(head)
