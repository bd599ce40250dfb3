"""A photo's metadata sidecars are never published (probe finding 05): the XMP files photo
editors write beside a photo and the JSON files Google Takeout writes beside each one hold
its position, the people in it and the device; the photo is published cleaned, they are left
out with one line each, and a publish build stops, as for a camera's raw file."""

import io
import json
import logging

import pytest
from PIL import Image

from plugins.images import sidecars
from tests.test_images_static import GPS_IFD, jpeg_with_metadata

XMP = (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    'rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="51,27.2057N" '
    'exif:GPSLongitude="2,35.9463W"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)
# as digiKam writes it: no packet wrapper, a line before
BARE_XMP = '\n<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'
# as darktable and exiv2 write it: an XML declaration first (a long one puts the root past 64 bytes)
DECLARED_XMP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 4.4.0-Exiv2"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" '
    'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="51,27.2057N"/></rdf:RDF>'
    "</x:xmpmeta>"
)
TAKEOUT = json.dumps(
    {
        "title": "IMG_0042.jpg",
        "photoTakenTime": {"timestamp": "1693300000", "formatted": "29 Aug 2023"},
        "geoData": {"latitude": 51.4534, "longitude": -2.5991, "altitude": 12.0},
        "geoDataExif": {"latitude": 51.4534, "longitude": -2.5991, "altitude": 12.0},
        "people": [{"name": "Maya Okafor"}],
        "googlePhotosOrigin": {"mobileUpload": {"deviceType": "ANDROID_PHONE"}},
    },
    indent=2,
)
SIDECARS = {
    "IMG_0042.xmp": XMP,  # darktable, RawTherapee
    "IMG_0042.jpg.xmp": XMP,  # Lightroom, digiKam
    "IMG_0042.XMP": XMP,
    "IMG_0042.jpg.json": TAKEOUT,  # Takeout before 2024
    "IMG_0042.jpg.supplemental-metadata.json": TAKEOUT,  # Takeout since 2024
    "IMG_20240612_123456789_HDR.jpg.supplemental-met.json": TAKEOUT,  # a long name cut short
    "IMG_0042.jpg.supplemental-metadata(1).json": TAKEOUT,
    "photo-data.json": TAKEOUT,  # renamed: known by its keys
    "notes": XMP,  # an XMP packet under any other name
    "digikam.txt.old": BARE_XMP,  # (one ending in ~ or .bak is not published at all: IGNORE_FILES)
    "IMG_0042.xml": DECLARED_XMP,  # an XMP file saved as XML
    "IMG_0042.jpg.sidecar": DECLARED_XMP,
}
# a site's own JSON and text: published as they are
KEPT = {
    "data/stats.json": json.dumps({"visits": 3, "geo": "none"}),
    "data/list.json": json.dumps([{"geoData": 1}]),  # not a Takeout object
    "data/post-about-takeout.json": json.dumps({"text": 'Takeout writes "geoData": {…}'}),
    "data/broken.json": '{"geoData": ',
    "data/manifest.webmanifest": "{}",
    # a file without a suffix (a README in a static folder is a note to editors, not
    # published: test_urls_and_links)
    "data/about": "Photos of the trip.",
    "data/events.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<events/>',
    "data/notes.xml": "<notes>Darktable writes <x:xmpmeta> beside each photo.</notes>",
}


def _photo() -> bytes:
    buffer = io.BytesIO()
    jpeg_with_metadata(buffer)
    return buffer.getvalue()


def _files() -> dict[str, bytes | str]:
    files: dict[str, bytes | str] = {"images/trip/IMG_0042.jpg": _photo()}
    files.update({f"images/trip/{name}": text for name, text in SIDECARS.items()})
    files.update({f"extra/{name}": text for name, text in KEPT.items()})
    return files


def test_no_sidecar_is_published_each_is_one_line_and_a_publish_stops(build_site, caplog):
    caplog.set_level(logging.ERROR)
    built = build_site(_files(), name="sidecars-dev")
    trip = built.output / "images" / "trip"
    with Image.open(trip / "IMG_0042.jpg") as image:  # the photo, cleaned
        assert not image.getexif().get_ifd(GPS_IFD)
    for name in SIDECARS:
        assert not (trip / name).exists(), name
        [line] = [m for m in caplog.messages if m.startswith(f"sidecars-dev/images/trip/{name}:")]
        kind = "Google Takeout" if name.endswith(".json") else "XMP"
        assert f": is a photo's {kind} sidecar" in line
        assert line.endswith("not published: remove it (the photo is published without it)")
    for relpath, text in KEPT.items():
        assert (built.output / "extra" / relpath).read_text(encoding="utf-8") == text
    published = b"".join(p.read_bytes() for p in built.files())
    for trace in (b"GPSLatitude", b"51.4534", b"Maya Okafor", b"ANDROID_PHONE"):
        assert trace not in published
    caplog.clear()
    with pytest.raises(SystemExit):
        build_site(_files(), publish=True, name="sidecars-pub")
    assert any(m.startswith("sidecars-pub/images/trip/IMG_0042.jpg.json:") for m in caplog.messages)


@pytest.mark.parametrize(
    ("name", "sidecar"),
    [
        ("IMG_0042.jpg.json", True),
        ("PXL_20240101_101010.MP.jpg.json", True),
        ("IMG_0042.HEIC.supplemental-metadata.json", True),
        ("IMG_0042.jpg.supplemental-me.json", True),
        ("IMG_0042.jpg.suppl(2).json", True),
        ("IMG_0042.jpg(1).json", True),
        ("VID_0001.mp4.json", True),
        ("IMG_0043.dng.json", True),
        ("metadata.json", False),  # Takeout's album file: no photo's name (known by keys)
        ("search.json", False),
        ("data.txt.json", False),
        ("supplemental-metadata.json", False),
        ("IMG_0042.jpg", False),
    ],
)
def test_takeout_names(name, sidecar):
    assert sidecars.takeout_name(name) is sidecar


@pytest.mark.parametrize(
    ("head", "xmp"),
    [
        (b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>', True),
        (b"\xef\xbb\xbf<?xpacket begin", True),
        (b"\n\n  <x:xmpmeta xmlns:x=", True),
        (b'<?xml version="1.0"?><rss>', False),
        (b'<?xml version="1.0" encoding="UTF-8"?>\n<x:xmpmeta xmlns:x="adobe:ns:meta/">', True),
        (b"\xef\xbb\xbf<?xml version='1.0'?>\r\n  <x:xapmeta xmlns:x='adobe:ns:meta/'>", True),
        (b'<?xml version="1.0"?><!-- <x:xmpmeta --><doc/>', False),
        (b"<?xml version=", False),
        (b"\xff\xd8\xff\xe1", False),
    ],
)
def test_xmp_by_content(head, xmp):
    assert sidecars.xmp_content(head) is xmp
