"""No image published as a file of its own keeps EXIF or GPS: originals in static folders."""

import io

import pytest
from PIL import Image, ImageCms

from plugins.images.pipeline import strip_metadata

GPS_IFD = 0x8825


def jpeg_with_metadata(path, orientation=6, size=(80, 40), icc=True):
    """A landscape-stored JPEG with an orientation, a GPS position, a camera and an ICC profile."""
    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((20, 20, 200), (0, 0, size[0] // 4, size[1]))  # a blue stripe on the left
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x0110] = "Fixture Camera"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (45.0, 46.0, 0.0), 3: "E", 4: (4.0, 50.0, 0.0)})
    options = {"exif": exif.tobytes()}
    if icc:
        options["icc_profile"] = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image.save(path, "JPEG", quality=90, **options)
    return path


def test_strip_metadata_removes_gps_and_exif_keeps_icc_and_turns_upright(tmp_path):
    path = jpeg_with_metadata(tmp_path / "photo.jpg")
    assert strip_metadata(path) is True
    with Image.open(path) as image:
        assert len(image.getexif()) == 0
        assert not image.getexif().get_ifd(GPS_IFD)
        assert image.info.get("icc_profile")
        assert image.size == (40, 80)  # orientation 6 applied: stored sideways, shown upright
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_strip_metadata_other_formats(tmp_path, fmt):
    exif = Image.Exif()
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (1.0, 2.0, 3.0)})
    path = tmp_path / f"x.{fmt.lower()}"
    Image.new("RGB", (10, 10), "white").save(path, fmt, exif=exif.tobytes())
    assert strip_metadata(path) is True
    with Image.open(path) as image:
        assert not image.getexif().get_ifd(GPS_IFD)


def test_a_clean_file_is_left_byte_for_byte(tmp_path):
    path = tmp_path / "clean.jpg"
    Image.new("RGB", (10, 10), "white").save(path, "JPEG")
    before = path.read_bytes()
    assert strip_metadata(path) is False
    assert path.read_bytes() == before


def test_a_linked_output_never_changes_its_source(tmp_path):
    source = jpeg_with_metadata(tmp_path / "source.jpg")
    original = source.read_bytes()
    published = tmp_path / "published.jpg"
    published.hardlink_to(source)
    strip_metadata(published)
    assert source.read_bytes() == original


def test_static_originals_are_published_without_gps(build_site):
    buffer = io.BytesIO()
    jpeg_with_metadata(buffer)
    built = build_site(
        {
            "posts/photo.md": "Title: Photo\nDate: 2024-01-01\nAuthor: Ada Byrne\n\n"
            "![A red wall]({static}/images/wall.jpg)\n",
            "images/wall.jpg": buffer.getvalue(),
        }
    )
    published = built.output / "images" / "wall.jpg"
    with Image.open(published) as image:
        assert not image.getexif().get_ifd(GPS_IFD)
        assert len(image.getexif()) == 0
        assert image.size == (40, 80)
    with Image.open(built.content / "images" / "wall.jpg") as source:  # the source keeps it
        assert source.getexif().get_ifd(GPS_IFD)
