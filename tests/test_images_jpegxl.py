"""A JPEG XL photo is never published (probe finding 02): Lightroom, Photoshop and cjxl write
its EXIF (GPS included) and XMP into Exif and xml boxes, and Pillow cannot read it to clean
it. Like a camera's raw file it is one line naming it, and a publish stops.

No JPEG XL encoder is installed, so the files are built box by box around EXIF that Pillow
writes (the codestream is a stub: the engine refuses the file without decoding it).
"""

import io
import logging
import struct

import pytest
from PIL import Image

from plugins.images import jpegxl
from tests.test_images_location import PLACE, XMP, place_exif

LINE = (
    "is a JPEG XL image, which keeps the photo's location and camera data and which the "
    "image pipeline cannot clean; not published: export it as JPEG, WebP or AVIF"
)


def box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def jxl_container() -> bytes:
    """A JPEG XL file as an exporter writes it: signature, ftyp, Exif (4-byte offset, then
    the TIFF header), xml (XMP), then the codestream."""
    exif = place_exif(1).tobytes()  # b"Exif\0\0" + TIFF
    with Image.open(io.BytesIO(_jpeg_with(exif))) as image:  # the EXIF reads as a phone's
        assert image.getexif().get_ifd(0x8825)
    return (
        jpegxl.CONTAINER
        + box(b"ftyp", b"jxl \x00\x00\x00\x00jxl ")
        + box(b"Exif", b"\x00\x00\x00\x00" + exif[6:])
        + box(b"xml ", XMP)
        + box(b"jxlc", jpegxl.CODESTREAM + b"\x00" * 8)
    )


def _jpeg_with(exif: bytes) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("head", "jxl"),
    [
        (jpegxl.CONTAINER + b"\x00\x00\x00\x14ftyp", True),
        (b"\xff\x0a\xfa\x7f\x01\x90\x08", True),  # a naked codestream
        (b"\xff\xd8\xff\xe0", False),
        (b"\x00\x00\x00\x0cjP  \r\n\x87\n", False),  # JPEG 2000
    ],
)
def test_known_by_its_first_bytes(head, jxl):
    assert jpegxl.by_content(head) is jxl


def test_a_jpeg_xl_file_is_never_published_and_stops_a_publish(build_site, caplog):
    container = jxl_container()
    assert PLACE.encode() in container and b"\x88\x25" in container  # XMP and the GPS IFD
    files = {
        "images/IMG_0042.jxl": container,
        "extra/IMG_0043.JXL": jpegxl.CODESTREAM + b"\x00" * 32,
        "images/photo": container,  # under a name no picture has: by its first bytes
    }
    misnamed = "images/IMG_0044.jpg"  # under a JPEG's name: the pipeline's error names it
    caplog.set_level(logging.ERROR)
    built = build_site({**files, misnamed: container}, name="jxl-dev")
    for relpath in files:
        assert not (built.output / relpath).exists(), relpath
        [line] = [m for m in caplog.messages if m.startswith(f"jxl-dev/{relpath}:")]
        assert line == f"jxl-dev/{relpath}: {LINE}"
    assert not (built.output / misnamed).exists()
    [line] = [m for m in caplog.messages if m.startswith(f"jxl-dev/{misnamed}:")]
    assert line.startswith(f"jxl-dev/{misnamed}: is a JPEG XL image, which the image pipeline")
    caplog.clear()
    with pytest.raises(SystemExit):
        build_site(files, publish=True, name="jxl-pub")
    assert any(m.startswith("jxl-pub/images/IMG_0042.jxl: is a JPEG XL") for m in caplog.messages)
