"""An SVG with a photo in it is published without the photo's metadata (probe finding 01).

Inkscape's "Import → Embed", draw.io and Excalidraw put the photo whole into the drawing as a
base64 data: URI; each one is cleaned by the pipeline's cleaning of originals and written back,
every other byte kept. Inkscape's metadata loses the people and the place; a drawing whose
picture cannot be cleaned is not published, with one line, and a publish stops.
"""

import base64
import gzip
import io
import logging
import re

import pytest
from PIL import Image

from plugins.images import svg
from tests.test_images_location import PLACE, TRACES, seeded, tga_with_a_place
from tests.test_images_static import GPS_IFD, jpeg_with_metadata

DATA_URI = re.compile(rb"data:([a-z/+-]+);base64,([A-Za-z0-9+/=\s]*)")


def _upright_jpeg() -> bytes:
    buffer = io.BytesIO()
    jpeg_with_metadata(buffer, orientation=1)  # GPS, a camera, no turn: kept losslessly
    return buffer.getvalue()


def _b64(data: bytes, wrap: bool = False) -> str:
    text = base64.b64encode(data).decode()
    return "\n".join(text[i : i + 76] for i in range(0, len(text), 76)) if wrap else text


def drawing() -> bytes:
    """A drawing as Inkscape, draw.io and a hand-written style embed photos: a JPEG in
    xlink:href (base64 wrapped over lines, as Inkscape 0.92 did), a PNG in href, a WebP in a
    style's url(); each carries a GPS position, a camera, XMP."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="640" height="480" viewBox="0 0 640 480">\n'
        "  <title>The hall, annotated</title>\n"
        f'  <image width="320" height="240" xlink:href="data:image/jpeg;base64,'
        f'{_b64(_upright_jpeg(), wrap=True)}"/>\n'
        '  <image x="320" width="120" height="80" '
        f'href="data:image/png;base64,{_b64(seeded("png"))}"/>\n'
        "  <style>rect.bg { fill: url(data:image/webp;base64,"
        f"{_b64(seeded('webp'))}); }}</style>\n"
        '  <rect class="bg" x="10" y="300" width="100" height="100" stroke="#333"/>\n'
        '  <text x="20" y="460">Tables here</text>\n'
        "</svg>\n"
    ).encode()


def pictures(data: bytes) -> list[tuple[bytes, bytes]]:
    return [(m[1], base64.b64decode(re.sub(rb"\s", b"", m[2]))) for m in DATA_URI.finditer(data)]


def assert_picture_clean(mime: bytes, data: bytes) -> None:
    for trace in TRACES:
        assert trace not in data, (mime, trace)
    with Image.open(io.BytesIO(data)) as image:
        assert image.format.lower() == mime.split(b"/")[1].decode()
        assert not image.getexif().get_ifd(GPS_IFD) and len(image.getexif()) == 0
        assert "xmp" not in image.info and "XML:com.adobe.xmp" not in image.info
        image.load()


def test_the_drawings_pictures_do_carry_a_place():
    """Otherwise the tests below would prove nothing."""
    found = pictures(drawing())
    assert [mime for mime, _ in found] == [b"image/jpeg", b"image/png", b"image/webp"]
    for _, data in found:
        with Image.open(io.BytesIO(data)) as image:
            assert image.getexif().get_ifd(GPS_IFD)


def test_every_embedded_picture_is_cleaned_and_nothing_else_changes():
    source = drawing()
    cleaned = svg.clean_svg(source)
    assert cleaned is not None
    found = pictures(cleaned)
    assert [mime for mime, _ in found] == [b"image/jpeg", b"image/png", b"image/webp"]
    for mime, data in found:
        assert_picture_clean(mime, data)
    # every byte outside the pictures' data is the source's
    assert DATA_URI.sub(b"", cleaned) == DATA_URI.sub(b"", source)
    assert svg.clean_svg(cleaned) is None  # and a clean drawing is left as it is


def test_a_drawing_without_pictures_or_metadata_is_left_byte_for_byte():
    icon = b'<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h8v8z"/></svg>'
    assert svg.clean_svg(icon) is None
    font = b"<svg><style>@font-face{src:url(data:font/woff2;base64,d09GMgABAAAAAA==)}</style></svg>"
    assert svg.clean_svg(font) is None


# What Inkscape writes from Document Properties → Metadata (its RDF, Dublin Core), with the
# paths of Inkscape 0.92 to files on the author's computer.
INKSCAPE = b"""<svg xmlns="http://www.w3.org/2000/svg"
   xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:cc="http://creativecommons.org/ns#"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   width="64" height="64" sodipodi:docname="plan.svg"
   inkscape:export-filename="/home/maya.okafor/Desktop/plan.png" inkscape:export-xdpi="96">
  <metadata id="metadata5">
    <rdf:RDF>
      <cc:Work rdf:about="">
        <dc:format>image/svg+xml</dc:format>
        <dc:type rdf:resource="http://purl.org/dc/dcmitype/StillImage" />
        <dc:title>Floor plan</dc:title>
        <dc:date>2024-08-29</dc:date>
        <dc:creator>
          <cc:Agent>
            <dc:title>Maya Okafor</dc:title>
          </cc:Agent>
        </dc:creator>
        <dc:rights>
          <cc:Agent>
            <dc:title>Tessellate</dc:title>
          </cc:Agent>
        </dc:rights>
        <dc:coverage>12 Secret Lane, Bristol</dc:coverage>
        <dc:contributor />
        <cc:license rdf:resource="http://creativecommons.org/licenses/by-sa/4.0/" />
      </cc:Work>
      <rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/"
         exif:GPSLatitude="51,27.2057N" exif:GPSLongitude="2,35.9463W" />
    </rdf:RDF>
  </metadata>
  <image width="64" height="64" xlink:href="hall.jpg"
     sodipodi:absref="/home/maya.okafor/Pictures/hall.jpg" />
  <rect width="8" height="8" />
</svg>
"""


def test_inkscape_metadata_loses_places_and_paths_and_keeps_the_credit():
    cleaned = svg.clean_svg(INKSCAPE)
    assert cleaned is not None
    for gone in (b"maya.okafor", b"Secret Lane", b"GPSLatitude", b"dc:coverage"):
        assert gone not in cleaned, gone
    # a creator named on purpose is the drawing's credit (CC BY asks for it): kept
    kept = (b"<dc:title>Maya Okafor</dc:title>", b"<dc:contributor />")
    kept += (b"<dc:title>Floor plan</dc:title>", b"<dc:title>Tessellate</dc:title>")
    kept += (b'sodipodi:docname="plan.svg"', b"creativecommons.org/licenses/by-sa/4.0/")
    kept += (b'<rect width="8" height="8" />', b'xlink:href="hall.jpg"', b"<dc:date>")
    for part in kept:
        assert part in cleaned, part
    assert svg.clean_svg(cleaned) is None


@pytest.mark.parametrize(
    ("uri", "why"),
    [
        (b"data:image/x-tga;base64," + base64.b64encode(tga_with_a_place()), "is a TGA image"),
        (b"data:image/jpeg;base64," + base64.b64encode(_upright_jpeg()[:400]), "is cut short"),
        (b"data:image/jpeg;base64,%%not-base64%%", "is not valid base64"),
        (b"data:image/jpeg,%FF%D8%FF%E1", "not written in base64"),
    ],
)
def test_a_picture_that_cannot_be_cleaned_keeps_the_drawing_out(uri, why):
    with pytest.raises(svg.DrawingError, match=why):
        svg.clean_svg(b'<svg><image href="' + uri + b'"/></svg>')


def test_a_site_publishes_the_drawing_cleaned_or_not_at_all(build_site, caplog):
    tga = base64.b64encode(tga_with_a_place()).decode()
    files = {
        "images/floor-plan.svg": drawing(),
        "extra/inkscape.svg": INKSCAPE,
        "extra/plan.svgz": gzip.compress(drawing()),
        "images/scan.svg": f'<svg><image href="data:image/x-tga;base64,{tga}"/></svg>',
        "posts/plan.md": (
            "Title: The plan\nDate: 2024-09-02\n\n"
            "![The hall with the tables drawn over it]({static}/images/floor-plan.svg)\n"
        ),
    }
    caplog.set_level(logging.ERROR)
    built = build_site(files, name="svg-dev")
    published = (built.output / "images" / "floor-plan.svg").read_bytes()
    for mime, data in pictures(published):
        assert_picture_clean(mime, data)
    assert len(pictures(published)) == 3
    drawn = (built.output / "extra" / "inkscape.svg").read_bytes()
    assert b"Secret Lane" not in drawn and b"maya.okafor" not in drawn
    compressed = gzip.decompress((built.output / "extra" / "plan.svgz").read_bytes())
    assert [mime for mime, _ in pictures(compressed)] == [
        b"image/jpeg",
        b"image/png",
        b"image/webp",
    ]
    for mime, data in pictures(compressed):
        assert_picture_clean(mime, data)
    assert not (built.output / "images" / "scan.svg").exists()
    [line] = [m for m in caplog.messages if m.startswith("svg-dev/images/scan.svg:")]
    assert "embedded picture (image/x-tga) is a TGA image" in line
    assert line.endswith(
        "not published: embed it again as JPEG, PNG or WebP, or remove the drawing"
    )
    assert PLACE.encode() not in b"".join(p.read_bytes() for p in built.files())
    with pytest.raises(SystemExit):
        build_site(files, publish=True, name="svg-pub")


def test_a_compressed_drawing_is_cleaned_and_compressed_again():
    compressed = gzip.compress(drawing())
    cleaned = svg.clean_drawing(compressed)
    assert cleaned is not None and cleaned.startswith(b"\x1f\x8b")
    for mime, data in pictures(gzip.decompress(cleaned)):
        assert_picture_clean(mime, data)
    assert svg.clean_drawing(cleaned) is None
    with pytest.raises(svg.DrawingError, match="cannot be uncompressed"):
        svg.clean_drawing(compressed[: len(compressed) // 2])
