"""An ICO is published without the metadata of the PNG pictures inside it (probe finding 03).

Modern ICO writers store 64 px and larger icons as whole PNG files, and a PNG can carry an
eXIf chunk (GPS included) or text; Pillow's view of the ICO shows none of it. Each PNG inside
is cleaned by the originals' cleaning, every BMP picture is kept byte for byte.
"""

import io
import logging
import struct

import pytest
from PIL import Image, PngImagePlugin

from plugins.images import ico
from tests.test_images_location import PLACE, place_exif

GPS_IFD = 0x8825


def png_with_exif(size: int = 64) -> bytes:
    """A PNG as a phone's screenshot or an editor leaves it: eXIf with GPS, a text chunk."""
    text = PngImagePlugin.PngInfo()
    text.add_text("Location", PLACE)
    buffer = io.BytesIO()
    Image.new("RGBA", (size, size), (200, 30, 30, 255)).save(
        buffer, "PNG", exif=place_exif(1).tobytes(), pnginfo=text
    )
    return buffer.getvalue()


def bmp_entry() -> tuple[bytes, bytes]:
    """A 16 px BMP picture and its directory entry, as Pillow's ICO writer makes them."""
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (20, 20, 200)).save(
        buffer, "ICO", sizes=[(16, 16)], bitmap_format="bmp"
    )
    data = buffer.getvalue()
    entry = data[6:22]
    size, offset = struct.unpack_from("<II", entry, 8)
    return entry, data[offset : offset + size]


def icon(*pictures: tuple[bytes, bytes]) -> bytes:
    """An ICO of (directory entry, picture) pairs, offsets worked out."""
    out = struct.pack("<HHH", 0, 1, len(pictures))
    offset = 6 + 16 * len(pictures)
    body = b""
    for entry, picture in pictures:
        out += entry[:8] + struct.pack("<II", len(picture), offset)
        offset += len(picture)
        body += picture
    return out + body


def favicon() -> bytes:
    png = png_with_exif()
    return icon(bmp_entry(), (struct.pack("<BBBBHHII", 64, 64, 0, 0, 1, 32, 0, 0), png))


def pngs_inside(data: bytes) -> list[bytes]:
    count = struct.unpack_from("<H", data, 4)[0]
    found = []
    for index in range(count):
        size, offset = struct.unpack_from("<II", data, 6 + 16 * index + 8)
        found.append(data[offset : offset + size])
    return [p for p in found if p.startswith(b"\x89PNG")]


def assert_clean_icon(data: bytes) -> None:
    assert PLACE.encode() not in data and b"eXIf" not in data
    [png] = pngs_inside(data)
    with Image.open(io.BytesIO(png)) as image:
        assert not image.getexif().get_ifd(GPS_IFD) and "Location" not in image.info
        assert image.size == (64, 64)
    with Image.open(io.BytesIO(data)) as image:  # still an ICO every reader opens
        assert image.format == "ICO" and set(image.info["sizes"]) == {(16, 16), (64, 64)}


def test_the_favicon_does_carry_a_place():
    data = favicon()
    with Image.open(io.BytesIO(pngs_inside(data)[0])) as image:
        assert image.getexif().get_ifd(GPS_IFD)
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "ICO"


def test_the_png_inside_is_cleaned_and_the_bmp_kept():
    source = favicon()
    cleaned = ico.clean_ico(source)
    assert cleaned is not None
    assert_clean_icon(cleaned)
    assert bmp_entry()[1] in cleaned
    assert ico.clean_ico(cleaned) is None  # a clean icon is published byte for byte


def test_a_site_publishes_the_icon_clean(build_site, caplog):
    source = favicon()
    png = png_with_exif()
    # its PNG cut short: the ICO opens (its directory is whole), the PNG cannot be cleaned
    cut = icon(bmp_entry(), (struct.pack("<BBBBHHII", 64, 64, 0, 0, 1, 32, 0, 0), png[:-40]))
    caplog.set_level(logging.ERROR)
    built = build_site({"images/favicon.ico": source, "extra/cut.ico": cut}, name="ico-dev")
    assert_clean_icon((built.output / "images" / "favicon.ico").read_bytes())
    assert not (built.output / "extra" / "cut.ico").exists()
    [line] = [m for m in caplog.messages if m.startswith("ico-dev/extra/cut.ico:")]
    assert "is cut short" in line
    with pytest.raises(SystemExit):
        build_site({"extra/cut.ico": cut}, publish=True, name="ico-pub")
