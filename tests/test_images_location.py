"""No published image carries location data, whatever its format (issue 22, item 4).

A fixture site is seeded with photos in every format a writer may drop in (JPEG, .jfif, PNG,
WebP, AVIF, TIFF, GIF, HEIC from a phone), each stored sideways with an EXIF orientation and
carrying a GPS position, a place name in EXIF, XMP, a comment or text chunks, and an ICC
profile. They go into both static folders, a gallery, a post and a team headshot; then every
file of the output is opened with Pillow and its bytes are searched.
"""

import io
import logging
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageCms, PngImagePlugin, TiffImagePlugin
from pillow_heif import register_heif_opener

from plugins.images import pipeline, service
from plugins.images.pipeline import RenditionRequest, RenditionSpec, render
from tests.conftest import _builder
from tests.test_images_pipeline import STORED, assert_upright, upright

register_heif_opener()  # the tests write HEIC themselves, whatever the plugin does

PLACE = "Quai-Saint-Vincent-Lyon"  # a place name no pipeline output may contain
GPS_IFD, ORIENTATION = 0x8825, 0x0112
XMP = (
    '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    f'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="{PLACE}"/>'
    '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
).encode()
ICC = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
# Traces of metadata in a file's bytes: the EXIF block's header, XMP packets, the place.
TRACES = (b"Exif\x00\x00", b"<x:xmpmeta", b"xpacket", b"ns.adobe.com/xap", PLACE.encode())

# name -> (source extension, Pillow format, extension of the published original)
FORMATS = {
    "jpeg": ("jpg", "JPEG", "jpg"),
    "jfif": ("jfif", "JPEG", "jfif"),
    "png": ("png", "PNG", "png"),
    "webp": ("webp", "WEBP", "webp"),
    "avif": ("avif", "AVIF", "avif"),
    "tiff": ("tiff", "TIFF", "tiff"),
    "gif": ("gif", "GIF", "gif"),  # no EXIF or ICC in GIF: a comment and XMP
    "heic": ("heic", "HEIF", "jpg"),  # what phones write: published as JPEG
}
SHOWN_AS_PICTURE = [f for f in FORMATS if f != "gif"]  # what galleries and posts render
WIDE = (120, 80)  # the upright picture; stored sideways (80x120) with orientation 6
SMALL = {
    "GALLERY_WIDTHS": (60, 120),
    "GALLERY_POST_IMAGE_WIDTHS": (60, 120),
    "TEAM_PHOTO_SIZES": (48,),
}


def place_exif(orientation: int) -> Image.Exif:
    """EXIF as a phone writes it: orientation, camera, description, a GPS block naming a place."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "Fixture phone"
    exif[0x010E] = f"Lunch at {PLACE}"
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (45.0, 45.0, 36.0), 3: "E", 4: (4.0, 49.0, 12.0)})
    gps[0x001C] = b"ASCII\x00\x00\x00" + PLACE.encode()  # GPSAreaInformation
    return exif


def seeded(fmt: str, size: tuple[int, int] = WIDE) -> bytes:
    """An upright picture stored as a camera would, with every kind of metadata the format
    can carry naming PLACE."""
    _, pil, _ = FORMATS[fmt]
    orientation = 1 if fmt == "gif" else 6
    image = upright(*size)
    if orientation != 1:
        image = image.transpose(STORED[orientation])
    exif = place_exif(orientation)
    options: dict = {"exif": exif.tobytes(), "icc_profile": ICC, "xmp": XMP}
    if pil == "JPEG":
        options["comment"] = f"Taken at {PLACE}"
    elif pil == "PNG":
        text = PngImagePlugin.PngInfo()
        text.add_text("Location", PLACE)  # tEXt
        text.add_text("Where", PLACE, zip=True)  # zTXt
        text.add_itxt("Place", PLACE)  # iTXt
        text.add_itxt("XML:com.adobe.xmp", XMP.decode())
        options = {"exif": exif.tobytes(), "icc_profile": ICC, "pnginfo": text}
    elif pil == "TIFF":
        tags = TiffImagePlugin.ImageFileDirectory_v2()
        tags[ORIENTATION] = orientation
        tags[0x010E] = f"Lunch at {PLACE}"
        tags[700] = XMP
        tags[GPS_IFD] = dict(exif.get_ifd(GPS_IFD))
        options = {"tiffinfo": tags, "icc_profile": ICC}
    elif pil == "GIF":
        image = image.convert("P", palette=Image.Palette.ADAPTIVE, colors=8)
        options = {"comment": f"Taken at {PLACE}", "xmp": XMP}
    buffer = io.BytesIO()
    image.save(buffer, pil, **options)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_seeded_sources_do_carry_location_data(fmt):
    """Otherwise the site test below would prove nothing."""
    data = seeded(fmt)
    assert PLACE.encode() in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == FORMATS[fmt][1]
        if fmt != "gif":
            assert image.getexif().get_ifd(GPS_IFD)[2] == (45.0, 45.0, 36.0)
            assert image.info.get("icc_profile") == ICC
        if fmt not in ("gif", "heic", "tiff"):  # their readers turn the pixels upright
            assert image.size == (WIDE[1], WIDE[0])


def assert_clean(path: Path, icc: bool = True) -> None:
    """No location, EXIF, XMP or comment in an image file; upright; ICC kept when asked."""
    data = path.read_bytes()
    for trace in TRACES:
        assert trace not in data, f"{path.name} contains {trace!r}"
    with Image.open(path) as image:
        image.load()
        exif = image.getexif()
        assert not exif.get_ifd(GPS_IFD), path.name
        # a TIFF's own layout tags are EXIF-shaped; nothing else may be there
        layout = {256, 257, 258, 259, 262, 273, 277, 278, 279, 282, 283, 284, 296, 317, 34675}
        assert set(exif) <= (layout if image.format == "TIFF" else set()), (path.name, dict(exif))
        for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment", "Location", "Place", "Where"):
            assert key not in image.info, (path.name, key)
        assert not getattr(image, "text", {}), path.name  # PNG tEXt/iTXt/zTXt
        if icc:
            assert image.info.get("icc_profile") == ICC, path.name
        assert image.width > image.height, f"{path.name} is not upright: {image.size}"
        assert_upright(image)


def _content(fmt_files: dict[str, bytes]) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {}
    body = ["Photos from every device.", ""]
    sidecar = ["Title: Every format", "Date: 2024-03-01"]
    for fmt, data in fmt_files.items():
        ext = FORMATS[fmt][0]
        files[f"images/{fmt}-static.{ext}"] = data
        files[f"extra/{fmt}-extra.{ext}"] = data
        files[f"images/{fmt}-post.{ext}"] = data
        body += [f"![A {fmt} photo]({{static}}/images/{fmt}-post.{ext})", ""]
        body += [f"[The {fmt} original]({{static}}/images/{fmt}-static.{ext})", ""]
        if fmt in SHOWN_AS_PICTURE:
            files[f"galleries/trip/{fmt}-photo.{ext}"] = data
            sidecar.append(f"Photo: {fmt}-photo.{ext} | A {fmt} photo | A {fmt} photo")
    files["posts/every-format.md"] = (
        "Title: Every format\nDate: 2024-03-02\nAuthor: Ada Byrne\nGallery: trip\n\n"
        + "\n".join(body)
    )
    files["galleries/trip/gallery.md"] = "\n".join(sidecar) + "\n\nThe trip.\n"
    files["team/photos/ada.heic"] = fmt_files["heic"]
    files["images/heic-misnamed.jpeg"] = fmt_files["heic"]  # a phone's photo, renamed by hand
    ada = (Path(__file__).parent / "fixtures/site/team/ada-byrne.md").read_text(encoding="utf-8")
    files["team/ada-byrne.md"] = ada.replace("Pronouns:", "Photo: team/photos/ada.heic\nPronouns:")
    return files


@pytest.fixture(scope="module")
def seeded_site(tmp_path_factory):
    """The fixture site with every format everywhere, built once."""
    files = _content({fmt: seeded(fmt) for fmt in FORMATS})
    return _builder(tmp_path_factory.mktemp("location"))(files, **SMALL)


def _published(site, fmt: str) -> list[Path]:
    return [p for p in site.files() if p.name.startswith(f"{fmt}-")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_published_copy_of_every_format_is_clean(seeded_site, fmt):
    ext = FORMATS[fmt][2]
    files = _published(seeded_site, fmt)
    names = {p.relative_to(seeded_site.output).as_posix() for p in files}
    # the originals of both static folders, published (HEIC as JPEG) ...
    for original in (f"images/{fmt}-static.{ext}", f"extra/{fmt}-extra.{ext}"):
        assert original in names
    # ... and the renditions of the gallery photo and of the post's image
    if fmt in SHOWN_AS_PICTURE:
        assert any(n.startswith(f"renditions/galleries/trip/{fmt}-photo-") for n in names)
        assert any(n.startswith(f"renditions/images/{fmt}-post-") for n in names)
    for path in files:
        assert_clean(path, icc=fmt != "gif")


def test_no_file_of_the_output_carries_a_trace(seeded_site):
    """Every file, images or pages, whatever its name: no GPS, place, XMP or EXIF block."""
    images = 0
    for path in seeded_site.files():
        data = path.read_bytes()
        for trace in TRACES:
            assert trace not in data, f"{path} contains {trace!r}"
        try:
            with Image.open(path) as image:
                gps = image.getexif().get_ifd(GPS_IFD)
        except (OSError, SyntaxError, ValueError):
            continue  # not an image
        assert not gps, path
        images += 1
    assert images > 50  # the test saw the images (8 formats in 4 places, several sizes)


def test_heic_is_published_as_jpeg_and_links_follow(seeded_site):
    assert not [p for p in seeded_site.files() if p.suffix.lower() in pipeline.HEIF_SUFFIXES]
    for name in ("images/heic-static.jpg", "images/heic-misnamed.jpeg"):  # under its name
        with Image.open(seeded_site.output / name) as image:
            assert image.format == "JPEG"
    article = seeded_site.soup("posts/every-format/").select_one("article")
    link = article.find("a", string="The heic original")
    assert link["href"].endswith("/images/heic-static.jpg")
    picture = article.select_one('picture img[alt="A heic photo"]').parent
    assert {s["type"] for s in picture.select("source")} == {"image/webp"}
    assert "/renditions/images/heic-post-" in picture.img["src"]
    gallery = seeded_site.soup("galleries/trip/")
    assert gallery.select_one('img[alt="A heic photo"]')
    headshot = seeded_site.soup("team/ada-byrne/").select_one("img[src*='renditions/team/']")
    assert headshot is not None
    assert not any(
        ".heic" in tag.get("src", "") + tag.get("href", "") for tag in article.find_all(True)
    )


def test_an_unchanged_rebuild_cleans_nothing_again(tmp_path, monkeypatch):
    build = _builder(tmp_path)
    files = {f"images/{fmt}-static.{FORMATS[fmt][0]}": seeded(fmt) for fmt in ("jpeg", "heic")}
    build(files, **SMALL, CACHE_PATH=str(tmp_path / "cache"))

    def forbidden(*args):
        raise AssertionError("an original was cleaned again on an unchanged rebuild")

    monkeypatch.setattr(pipeline, "clean_source", forbidden)
    site = build(files, **SMALL, CACHE_PATH=str(tmp_path / "cache"))
    assert_clean(site.output / "images/jpeg-static.jpg")
    assert_clean(site.output / "images/heic-static.jpg")


def tga_with_a_place() -> bytes:
    """A format Pillow reads and writes, but the pipeline cannot check: TGA, whose ID
    field holds any text."""
    buffer = io.BytesIO()
    upright(*WIDE).save(buffer, "TGA", id_section=PLACE.encode())
    return buffer.getvalue()


def test_an_image_that_cannot_be_cleaned_is_named_and_not_published(build_site, caplog):
    whole = seeded("jpeg")
    caplog.set_level(logging.ERROR)
    site = build_site(
        {
            "images/scan.tga": tga_with_a_place(),
            "images/notes.jpg": b"a text file saved with the wrong name",
            "extra/cut.jpg": whole[: len(whole) // 2],
            "images/empty.png": b"",
            "images/fine.jpg": whole,
        }
    )
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    for relpath, why in (
        ("images/scan.tga", "is a TGA image, which the image pipeline cannot clean"),
        ("images/notes.jpg", "is not an image this pipeline can read"),
        ("extra/cut.jpg", "is cut short"),
        ("images/empty.png", "is an empty file (0 bytes)"),
    ):
        assert not site.exists(relpath)
        [line] = [e for e in errors if f"/{relpath}:" in e]
        assert line.startswith(f"{site.content.name}/{relpath}: {why}")
        assert line.endswith("not published: save it again as JPEG, PNG or WebP, or remove it")
        assert "Traceback" not in line
    assert_clean(site.output / "images/fine.jpg")


def test_the_theme_and_anything_else_in_output_is_cleaned_too(build_site, tmp_path):
    """The end-of-build pass covers files no static folder published ({attach}, the theme)."""
    theme = tmp_path / "theme"
    shutil.copytree(Path(__file__).resolve().parent.parent / "theme", theme)
    (theme / "static" / "jpeg-theme.jpg").write_bytes(seeded("jpeg"))
    (theme / "static" / "heic-theme.heic").write_bytes(seeded("heic"))
    site = build_site(THEME=str(theme))
    assert_clean(site.output / "theme/jpeg-theme.jpg")
    assert_clean(site.output / "theme/heic-theme.jpg")
    assert not site.exists("theme/heic-theme.heic")


def png_header(width: int, height: int) -> bytes:
    """The start of a PNG of this size: enough for its size to be read, not its pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", b"") + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("size", "refused"),
    [
        ((10_000, 9_000), False),
        ((12_000, 10_000), False),
        ((12_000, 10_001), True),
        ((20_000, 20_000), True),  # past Pillow's own bomb limit
    ],
)
def test_the_size_limit_is_the_one_the_message_states(tmp_path, size, refused):
    source = tmp_path / "huge.png"
    source.write_bytes(png_header(*size))
    [result] = render([RenditionRequest(source, (RenditionSpec(64, 64),))], tmp_path / "c")
    assert result.error  # a header without pixels: never renders
    if size == (12_000, 10_001):
        assert result.error == (
            "is 12000x10001 pixels (120 megapixels), more than the 120 megapixels this "
            "pipeline processes safely; publish a smaller copy"
        )
    elif refused:  # Pillow refuses it first; our words, with its size
        assert result.error == (
            "is 400 megapixels, more than the 120 megapixels this pipeline processes safely; "
            "publish a smaller copy"
        )
    else:  # refused for its missing pixels, not for its size
        assert "megapixels" not in result.error, result.error
    if refused:  # originals published as they are have the same limit
        with pytest.raises(pipeline.ImageError, match="more than the 120 megapixels"):
            pipeline.clean_original(png_header(*size))


def test_an_attached_image_goes_beside_its_post_cleaned(build_site, caplog):
    """``![x]({attach}photo.jpg)`` becomes a <picture>, which Pelican no longer sees as a link:
    its original must still go beside the post (stock Pelican puts it there), without its
    place, so that a link to it from the post works; a draft's image and cover are not
    published, not even as renditions."""
    caplog.set_level(logging.INFO)
    head = "Date: 2024-01-02\nCategory: Company\nAuthor: Ada Byrne\n"
    site = build_site(
        {
            "posts/2024/lunch.md": f"Title: Lunch\n{head}Summary: On the quay.\n\n"
            "![The quay]({attach}quay.jpg)\n\n"
            "[Full size](quay.jpg). ![Beside]({static}beside.jpg) ![Phone]({attach}phone.heic)\n",
            "posts/2024/quay.jpg": seeded("jpeg"),
            "posts/2024/beside.jpg": seeded("jpeg"),
            "posts/2024/phone.heic": seeded("heic"),
            "posts/2024/plan.md": f"Title: Plan\n{head}Status: draft\n"
            "Cover: posts/2024/secret-cover.jpg\n\n"
            "![Secret]({attach}secret.jpg)\n",
            "posts/2024/secret.jpg": seeded("jpeg"),
            "posts/2024/secret-cover.jpg": seeded("jpeg"),
        },
        publish=True,  # an error (the relative link) would fail it
        name="attached-image",
        **SMALL,
    )
    article = site.soup("posts/lunch/").select_one(".post-content")
    assert len(article.select("picture")) == 3
    link = article.find("a", string="Full size")["href"]
    assert link == "quay.jpg" and site.exists("posts/lunch/quay.jpg")
    assert_clean(site.path("posts/lunch/quay.jpg"))
    assert not site.exists("posts/2024/quay.jpg")
    assert_clean(site.path("posts/2024/beside.jpg"))  # {static}: where its path says
    assert_clean(site.path("posts/2024/phone.jpg"))  # HEIC: its JPEG stays where it was
    assert not [p for p in site.output.rglob("secret*")]
    assert not [m for m in caplog.messages if "{attach}" in m]  # Pelican's "cannot relocate"
    assert (
        "attached-image/posts/2024/secret.jpg: only drafts link to it, so it is not "
        "published yet" in caplog.messages
    )
    assert not [m for m in caplog.messages if "only drafts" in m and "secret" not in m]


TRIP = [f"content/galleries/trip/IMG_{n}.jpg" for n in (5, 1, 4, 2, 3)]


@pytest.mark.parametrize(
    ("located", "expected"),
    [
        (
            {"content/images/desk.jpg": ["content/images/desk.jpg"]},
            ["content/images/desk.jpg: carries a GPS position; the published copies have it "
             "removed, but the file in content/ keeps it (remove it there too, leaving no "
             "backup: exiftool -overwrite_original -gps:all= -xmp:all= content/images/desk.jpg)"],
        ),
        (  # a gallery of phone photos: one line, counted, the first three named
            {"content/galleries/trip/": TRIP},
            ["content/galleries/trip/: 5 photos carry a GPS position (IMG_1.jpg, IMG_2.jpg, "
             "IMG_3.jpg and 2 more); the published copies have it removed, but the files in "
             "content/ keep it (remove it there too, leaving no backup: exiftool "
             "-overwrite_original -gps:all= -xmp:all= content/galleries/trip/)"],
        ),
        (
            {"content/galleries/my trip/": ["content/galleries/my trip/a.jpg"]},
            ["content/galleries/my trip/: 1 photo carries a GPS position (a.jpg); the published "
             "copies have it removed, but the files in content/ keep it (remove it there too, "
             "leaving no backup: exiftool -overwrite_original -gps:all= -xmp:all= "
             "'content/galleries/my trip/')"],
        ),
        ({}, []),
    ],
)  # fmt: skip
def test_gps_notices_are_one_line_per_file_or_per_gallery(located, expected):
    assert service.location_lines(located) == expected


def test_every_photo_with_gps_is_named_once_by_one_rule_wherever_it_is_shown(build_site, caplog):
    # a post's photo got a warning (from a static folder only), a gallery's photos an info line
    # each, a Cover: and a headshot nothing
    files = {f"galleries/trip/IMG_{n:04d}.jpg": seeded("jpeg", (200, 150)) for n in range(6)}
    files["galleries/trip/gallery.md"] = "Title: Trip\n" + "".join(
        f"Photo: IMG_{n:04d}.jpg | Day {n} | A field, day {n}\n" for n in range(6)
    )
    files["images/desk.jpg"] = seeded("jpeg", (300, 200))
    files["images/cover.jpg"] = seeded("jpeg", (300, 200))
    files["team/photos/ada.jpg"] = seeded("jpeg", (200, 200))
    files["team/ada-byrne.md"] = (
        "Name: Ada Byrne\nRole: Engineering lead\nPhoto: team/photos/ada.jpg\n\nAda writes.\n"
    )
    files["posts/gps.md"] = (
        "Title: Gps\nDate: 2025-05-01 10:00\nCategory: Company\nAuthor: Ada Byrne\n"
        "Summary: s.\nCover: images/cover.jpg\nCover_alt: A desk\nGallery: trip\n\n"
        "![A desk]({static}/images/desk.jpg)\n\n![The desk again]({static}/images/desk.jpg)\n"
    )
    caplog.set_level(logging.INFO)
    site = build_site(files, name="gps-notices")
    said = [
        (r.levelname, r.getMessage()) for r in caplog.records if "GPS position" in r.getMessage()
    ]
    named = sorted(message.split(": ", 1)[0] for _, message in said)
    assert named == [
        "gps-notices/galleries/trip/",
        "gps-notices/images/cover.jpg",
        "gps-notices/images/desk.jpg",
        "gps-notices/team/photos/ada.jpg",
    ], said
    assert {level for level, _ in said} == {"WARNING"}
    gallery = next(message for _, message in said if "/trip/:" in message)
    assert (
        "6 photos carry a GPS position (IMG_0000.jpg, IMG_0001.jpg, IMG_0002.jpg and 3 more)"
        in gallery
    )
    assert site.exists("posts/gps/")


def test_exiftool_backups_are_left_out_one_line_per_folder(build_site, caplog, tmp_path):
    """exiftool run without -overwrite_original leaves photo.jpg_original beside each photo:
    the photo as it was, GPS and all. Static folders published them (cleaned, under a name no
    page links to) and a gallery called each "not a photo" (a line per file): now none is
    published, one line per folder says why, and the end-of-build pass catches the theme's."""
    theme = tmp_path / "theme"
    shutil.copytree(Path(__file__).resolve().parent.parent / "theme", theme)
    (theme / "static" / "logo.png_original").write_bytes(seeded("png"))
    head = "Date: 2024-01-02\nCategory: Company\nAuthor: Ada Byrne\n"
    files = {
        "images/walk.jpg": seeded("jpeg"),
        "images/walk.jpg_original": seeded("jpeg"),
        "images/desk.png_original": seeded("png"),
        "galleries/trip/IMG_1.jpg": seeded("jpeg"),
        "galleries/trip/IMG_1.jpg_original": seeded("jpeg"),
        "galleries/trip/gallery.md": "Title: Trip\nPhoto: IMG_1.jpg | Day one | A field\n",
        "posts/2024/lunch.md": f"Title: Lunch\n{head}Summary: s.\n\n![Quay]({{attach}}quay.jpg)\n",
        "posts/2024/quay.jpg": seeded("jpeg"),
        "posts/2024/quay.jpg_original": seeded("jpeg"),
    }
    caplog.set_level(logging.WARNING)
    site = build_site(
        files,
        publish=True,  # a warning: nothing of them is published, so a publish goes on
        name="backups",
        THEME=str(theme),
        STATIC_PATHS=["images", "extra", "posts"],  # pictures beside posts, published
        **SMALL,
    )
    assert site.exists("index.html")
    assert not [p for p in site.output.rglob("*_original")]
    said = [m for m in caplog.messages if ") not published: each" in m]
    assert said == [
        "backups/galleries/trip/: 1 backup exiftool made (IMG_1.jpg_original) not published: "
        "each is a file as it was before exiftool changed it (GPS position included); delete "
        "them (exiftool -overwrite_original makes none)",
        "backups/images/: 2 backups exiftool made (desk.png_original, walk.jpg_original) not "
        "published: each is a file as it was before exiftool changed it (GPS position "
        "included); delete them (exiftool -overwrite_original makes none)",
        "backups/posts/2024/: 1 backup exiftool made (quay.jpg_original) not published: each "
        "is a file as it was before exiftool changed it (GPS position included); delete them "
        "(exiftool -overwrite_original makes none)",
    ]
    assert [m for m in caplog.messages if "logo.png_original" in m] == [
        f"{site.output.name}/theme/logo.png_original: is a backup exiftool made (the file as it "
        "was before exiftool changed it, GPS position included); not published: delete it "
        "(exiftool -overwrite_original makes none)"
    ]
    assert not [m for m in caplog.messages if "_original" in m and "not a photo" in m]
    for path in site.files():  # no GPS either way
        assert PLACE.encode() not in path.read_bytes(), path


@pytest.mark.parametrize(
    ("name", "backup"),
    [
        ("photo.jpg_original", True),
        ("IMG 1.HEIC_original", True),
        ("notes.pdf_original", True),
        ("the_original", False),  # no suffix before it: a name someone chose
        ("photo_original.jpg", False),
        ("photo.jpg", False),
    ],
)
def test_an_exiftool_backup_is_known_by_its_name(name, backup):
    assert service.is_backup(name) is backup
