"""SVG drawings published without the metadata of the photos inside them.

Inkscape ("Import → Embed", its default), draw.io and Excalidraw put a photo placed in a
drawing into the SVG whole, as a ``data:image/jpeg;base64,…`` URI (in ``<image href>``,
``xlink:href`` or a style's ``url()``), with its EXIF, GPS and XMP. Each embedded picture
is cleaned by the pipeline's own cleaning of originals (``pipeline.clean_original``: the
same allow-lists) and written back in place; every other byte of the file stays as it was.

An SVG's ``<metadata>`` (Inkscape's Document Properties → Metadata, an XMP packet from
Illustrator) loses what places it: Dublin Core's coverage (a place, in Inkscape's form), XMP's
GPS and location properties and IPTC's creator contact details (an address, a phone number).
Inkscape's absolute paths to files on the author's computer (``sodipodi:absref``, an
absolute ``inkscape:export-filename``: ``/home/maya/…``) go too. Creator, contributor and
publisher stay: a name written there on purpose is the drawing's credit, which a licence
such as CC BY requires to be kept. The title, description, licence and everything that draws
stay.

A compressed drawing (``.svgz``) is uncompressed, cleaned and compressed again.
A drawing whose embedded picture cannot be cleaned (a format the pipeline cannot write, data
that is not base64) is not published; ``clean_svg`` raises ``DrawingError`` saying why.
Pure: no Pelican.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import re
import zlib

from .pipeline import ImageError, clean_original, picture_by_content

SUFFIXES = frozenset({".svg", ".svgz"})  # .svgz: gzip-compressed (Inkscape's "Compressed SVG")
_GZIP = b"\x1f\x8b"
_MAX_UNCOMPRESSED = 512 * 2**20  # a compressed drawing larger than this is not opened

# a data: URI in base64: its media type and parameters, then the data up to the quote or
# bracket that ends it (editors may wrap it over lines, or with XML's references for line ends)
_DATA_URI = re.compile(
    rb"data:(?P<type>[a-z0-9!#$&^_.+-]*/?[a-z0-9!#$&^_.+-]*)(?P<params>(?:;[^;,\"'\s)<>]*)*?)"
    rb";base64,(?P<data>(?:[^\"'()<>&]|&#(?:10|13|x0*[aAdD]);)*)",
    re.IGNORECASE,
)
# a data: URI of a raster picture not written in base64 (URL-encoded): not read here
_OTHER_PICTURE_URI = re.compile(rb"data:image/(?!svg)[a-z0-9.+-]+(?:;[^;,\"'\s)<>]*)*,", re.I)
_REFERENCES = re.compile(rb"&#(?:10|13|x0*[aAdD]);")
_METADATA = re.compile(rb"<(?:[\w.-]+:)?metadata\b.*?</(?:[\w.-]+:)?metadata\s*>", re.S | re.I)
# Dublin Core's element of a place, with what is inside it (its creator, contributor and
# publisher are a credit, kept)
_PERSONAL = rb"(?:[\w.-]+:)?coverage"
# XMP properties of a place: EXIF's GPS, IPTC's and Photoshop's location
_PLACE = (
    rb"[\w.-]+:(?:GPS\w*|Location|LocationCreated|LocationShown|Sublocation|City|State"
    rb"|Country|CountryCode|CreatorContactInfo)"
)
_PERSONAL_ELEMENT = re.compile(
    rb"<(?P<name>" + _PERSONAL + rb"|" + _PLACE + rb")\b[^>]*?(?:/>|>.*?</(?P=name)\s*>)", re.S
)
_PERSONAL_ATTRIBUTE = re.compile(
    rb"\s(?:[\w.-]+:coverage|" + _PLACE + rb")"
    rb"\s*=\s*(?:\"[^\"]*\"|'[^']*')"
)
# Inkscape's paths on the author's computer (absolute: a home folder's name)
_LOCAL_PATH = re.compile(
    rb"\s(?:sodipodi:absref|inkscape:export-filename)\s*=\s*"
    rb"(?:\"(?:/|[A-Za-z]:[\\/]|file:)[^\"]*\"|'(?:/|[A-Za-z]:[\\/]|file:)[^']*')"
)


class DrawingError(ValueError):
    """An SVG that cannot be published clean; the message says why (after the file's name)."""


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _clean_picture(match: re.Match[bytes], number: int) -> bytes:
    """One data: URI with its picture cleaned (the same URI when there is nothing to remove)."""
    kind = match["type"].lower()
    if kind.startswith(b"image/svg"):  # a drawing inside the drawing
        try:
            inner = base64.b64decode(_REFERENCES.sub(b"", match["data"]), validate=False)
        except (binascii.Error, ValueError):
            raise DrawingError(
                f"is an SVG drawing whose {_ordinal(number)} embedded drawing is not valid base64"
            ) from None
        cleaned = clean_svg(inner)
        if cleaned is None:
            return match[0]
        return b"data:" + match["type"] + match["params"] + b";base64," + base64.b64encode(cleaned)
    raw = _REFERENCES.sub(b"", match["data"])
    try:
        data = base64.b64decode(re.sub(rb"\s", b"", raw), validate=True)
    except (binascii.Error, ValueError):
        if kind.startswith(b"image/"):
            raise DrawingError(
                f"is an SVG drawing whose {_ordinal(number)} embedded picture is not valid "
                "base64, so it cannot be cleaned of its metadata; not published: embed the "
                "picture again (or link it), or remove the drawing"
            ) from None
        return match[0]
    if not kind.startswith(b"image/") and not picture_by_content(data[:16]):
        return match[0]  # a font, a stylesheet: not a picture
    try:
        cleaned = clean_original(data)
    except ImageError as exc:
        raise DrawingError(
            f"is an SVG drawing whose {_ordinal(number)} embedded picture "
            f"({match['type'].decode('ascii', 'replace') or 'no type'}) {exc}; not published: "
            "embed it again as JPEG, PNG or WebP, or remove the drawing"
        ) from None
    if cleaned is None:
        return match[0]
    body, ext = cleaned
    mime = b"image/jpeg" if ext == "jpg" else match["type"]  # HEIC is made JPEG
    return b"data:" + mime + match["params"] + b";base64," + base64.b64encode(body)


def _clean_metadata(block: re.Match[bytes]) -> bytes:
    text = _PERSONAL_ELEMENT.sub(b"", block[0])
    return _PERSONAL_ATTRIBUTE.sub(b"", text)


def clean_svg(data: bytes) -> bytes | None:
    """An SVG's bytes with every embedded picture cleaned and nothing placing it in its
    metadata, or None when there is nothing to remove. Raises DrawingError for a drawing
    that cannot be made clean."""
    if b"data:" not in data and b"metadata" not in data and b"sodipodi:" not in data:
        return None  # nearly every SVG: an icon, a chart
    if any(not uri[0].lower().endswith(b";base64,") for uri in _OTHER_PICTURE_URI.finditer(data)):
        raise DrawingError(
            "is an SVG drawing with a picture embedded as a data: URI not written in base64, "
            "which cannot be cleaned of its metadata; not published: embed it again, or "
            "remove the drawing"
        )
    count = 0

    def picture(match: re.Match[bytes]) -> bytes:
        nonlocal count
        count += 1
        return _clean_picture(match, count)

    cleaned = _DATA_URI.sub(picture, data)
    cleaned = _METADATA.sub(_clean_metadata, cleaned)
    cleaned = _LOCAL_PATH.sub(b"", cleaned)
    return None if cleaned == data else cleaned


def clean_drawing(data: bytes) -> bytes | None:
    """``clean_svg`` for a published file, plain or gzip-compressed (``.svgz``, written
    compressed again)."""
    if not data.startswith(_GZIP):
        return clean_svg(data)
    inflate = zlib.decompressobj(wbits=31)  # gzip
    try:
        plain = inflate.decompress(data, _MAX_UNCOMPRESSED)
    except zlib.error:
        plain = None
    if plain is None or not (inflate.eof or inflate.unconsumed_tail):
        raise DrawingError(
            "is a compressed SVG drawing that cannot be uncompressed (cut short or damaged), so "
            "the pictures in it cannot be cleaned; not published: save it again, or remove it"
        )
    if inflate.unconsumed_tail:
        raise DrawingError(
            f"is a compressed SVG drawing of more than {_MAX_UNCOMPRESSED // 2**20} MB "
            "uncompressed, which this engine does not open; not published: save it as a "
            "smaller drawing, or remove it"
        )
    cleaned = clean_svg(plain)
    return None if cleaned is None else gzip.compress(cleaned, mtime=0)
