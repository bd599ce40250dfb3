"""No image published as a file of its own keeps EXIF or GPS: originals in static folders."""

import io
import logging
import os
import re
import struct
import zlib

import pytest
from PIL import Image, ImageCms
from pillow_heif import register_heif_opener

from plugins.blogcore import reader
from plugins.engine import files
from plugins.images import pipeline, suffixes
from plugins.images import signals as images_signals
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


@pytest.mark.parametrize(
    # (a backup ending in ~ or .bak is not published at all: IGNORE_FILES,
    # test_companion_files.py)
    "name",
    ["photo", "IMG_0044.jpg.old", "IMG_0042.MPO", ".IMG_0045.jpg", "wall.jpg_large"],
)
def test_a_photo_under_any_name_is_published_without_gps(build_site, name):
    # a picture is known by its first bytes, not only by its name's ending
    buffer = io.BytesIO()
    jpeg_with_metadata(buffer)
    built = build_site({f"images/{name}": buffer.getvalue()})
    with Image.open(built.output / "images" / name) as image:
        assert not image.getexif().get_ifd(GPS_IFD) and len(image.getexif()) == 0


def test_a_raw_camera_file_is_never_published_and_stops_a_publish(build_site, caplog):
    buffer = io.BytesIO()
    jpeg_with_metadata(buffer)
    tiff = io.BytesIO()
    with Image.open(buffer) as image:
        image.save(tiff, "TIFF", exif=image.getexif())  # a DNG is TIFF data, GPS included
    files = {"images/IMG_0043.dng": tiff.getvalue(), "images/IMG_0050.RAF": b"FUJIFILMCCD-RAW"}
    built = build_site(files, name="raw-dev")
    assert not (built.output / "images" / "IMG_0043.dng").exists()
    assert not (built.output / "images" / "IMG_0050.RAF").exists()
    assert any(
        m.startswith("raw-dev/images/IMG_0043.dng: is a camera's raw file") for m in caplog.messages
    )
    # an error found while the output is cleaned fails a publish: the engine's verdict is last
    with pytest.raises(SystemExit):
        build_site(files, publish=True, name="raw-pub")


def test_which_files_are_looked_into():
    assert pipeline.picture_by_content(b"\xff\xd8\xff\xe1" + b"\0" * 12)
    assert pipeline.picture_by_content(b"\0\0\0\x18ftypheic" + b"\0" * 4)
    assert not pipeline.picture_by_content(b"\0\0\0\x18ftypqt  " + b"\0" * 4)  # a video
    assert not pipeline.picture_by_content(b"<!DOCTYPE html>\n")
    assert pipeline.worth_sniffing("photo") and pipeline.worth_sniffing("x.jpg~")
    assert not pipeline.worth_sniffing("index.html") and not pipeline.worth_sniffing("a.css")


def test_the_suffixes_answered_without_pillow_are_pillows_answers():
    # picture_suffix answers the usual suffixes without Pillow listing its formats
    pictures = pipeline.image_suffixes()
    assert pictures >= suffixes.SURELY_PICTURES | pipeline.HEIF_SUFFIXES
    assert not suffixes.SURELY_NOT & pictures
    for suffix in [*pictures, *suffixes.SURELY_NOT, ".ico", ".psd", ".mpg", ".eps", ".xyz"]:
        assert suffixes.picture_suffix(suffix) == (suffix in pictures), suffix


def _png_with_chunk(kind: bytes, body: bytes = b"x") -> bytes:
    """A clean PNG with one more chunk before IEND."""
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, "PNG")
    data = buffer.getvalue()
    chunk = struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    return data[:-12] + chunk + data[-12:]


def _saved(fmt: str, **options) -> bytes:
    if fmt == "HEIF":  # the pipeline loads pillow-heif to read HEIC; the test writes one
        register_heif_opener()
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, fmt, **options)
    return buffer.getvalue()


XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>'
ICC = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


@pytest.mark.parametrize(
    ("name", "data", "dirty"),
    [
        ("plain JPEG", lambda: _saved("JPEG"), False),
        ("JPEG with ICC", lambda: _saved("JPEG", icc_profile=ICC), False),
        ("JPEG comment", lambda: _saved("JPEG", comment="Lyon"), True),
        ("JPEG XMP", lambda: _saved("JPEG", xmp=XMP), True),
        ("JPEG then other data", lambda: _saved("JPEG") + b"motion photo", True),
        ("plain PNG", lambda: _saved("PNG"), False),
        ("PNG with ICC", lambda: _saved("PNG", icc_profile=ICC), False),
        ("PNG private chunk", lambda: _png_with_chunk(b"prVt"), True),
        ("PNG tIME chunk", lambda: _png_with_chunk(b"tIME", b"\x07\xe8\x01\x01\x00\x00\x00"), True),
        ("plain WebP", lambda: _saved("WEBP"), False),
        ("WebP XMP", lambda: _saved("WEBP", xmp=XMP), True),
        ("plain AVIF", lambda: _saved("AVIF"), False),
        ("AVIF XMP", lambda: _saved("AVIF", xmp=XMP), True),
        ("plain TIFF", lambda: _saved("TIFF"), False),
        ("TIFF with a description", lambda: _saved("TIFF", tiffinfo={270: "Lyon"}), True),
        ("plain GIF", lambda: _saved("GIF"), False),
        ("GIF comment", lambda: _saved("GIF", comment="Lyon"), True),
        ("BMP", lambda: _saved("BMP"), False),
        ("HEIC, always made JPEG", lambda: _saved("HEIF"), True),
    ],
)
def test_what_needs_cleaning(name, data, dirty):
    """Allow-lists: what describes pixels passes, anything else makes the file rewritten."""
    data = data()
    with Image.open(io.BytesIO(data)) as image:
        assert pipeline.needs_cleaning(data, image) is dirty, name
    cleaned = pipeline.clean_original(data)
    assert (cleaned is not None) is dirty
    if cleaned is not None:  # a clean copy is clean: a second pass leaves it alone
        assert pipeline.clean_original(cleaned[0]) is None, name


def test_an_animation_keeps_its_frames_and_timing():
    frames = [Image.new("RGB", (16, 8), c) for c in ("red", "green", "blue")]
    buffer = io.BytesIO()
    frames[0].save(
        buffer,
        "GIF",
        save_all=True,
        append_images=frames[1:],
        duration=[100, 200, 300],
        loop=0,
        comment="Lyon",
    )
    cleaned, ext = pipeline.clean_original(buffer.getvalue())
    assert ext == "" and b"Lyon" not in cleaned
    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.n_frames == 3 and "comment" not in image.info
        durations = []
        for index in range(3):
            image.seek(index)
            durations.append(image.info["duration"])
        assert durations == [100, 200, 300]


def test_a_lossless_webp_stays_lossless():
    image = Image.new("RGB", (16, 16), "white")
    image.putpixel((3, 3), (1, 2, 3))
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", lossless=True, xmp=XMP)
    cleaned, _ = pipeline.clean_original(buffer.getvalue())
    with Image.open(io.BytesIO(cleaned)) as out:
        assert out.convert("RGB").getpixel((3, 3)) == (1, 2, 3)
        assert "xmp" not in out.info


@pytest.mark.parametrize("progressive", [False, True])
def test_an_upright_jpeg_loses_its_metadata_not_its_quality(progressive):
    """Nothing to turn: the segments are dropped and the compressed pixels kept as they are."""
    picture = Image.effect_mandelbrot((160, 120), (-2, -1, 1, 1), 60).convert("RGB")
    exif = Image.Exif()
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (1.0, 2.0, 3.0)})
    buffer = io.BytesIO()
    picture.save(
        buffer,
        "JPEG",
        quality=80,
        progressive=progressive,
        exif=exif.tobytes(),
        icc_profile=ICC,
        comment="Lyon",
        xmp=XMP,
    )
    source = buffer.getvalue() + b"a trailer naming Lyon"
    cleaned, _ = pipeline.clean_original(source)
    assert b"Lyon" not in cleaned and b"Exif" not in cleaned and b"xmpmeta" not in cleaned
    with Image.open(io.BytesIO(source)) as before, Image.open(io.BytesIO(cleaned)) as after:
        assert after.tobytes() == before.tobytes()  # not decoded and encoded again
        assert after.info["icc_profile"] == ICC
        assert [marker for marker, _ in after.applist] == ["APP0", "APP2"]


def test_a_photo_without_alt_text_is_named_and_stops_a_publish(build_site, caplog):
    # Pelican's own line gave the file's absolute path and let the publish go on
    png = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(png, "PNG")
    head = "Date: 2024-05-01\nCategory: Company\nAuthor: Ada Byrne\n"
    files = {
        "images/hall.png": png.getvalue(),
        "posts/hall.md": f"Title: Hall\n{head}\nThe hall:\n\n![]({{static}}/images/hall.png)\n"
        '\n<img alt="" role="presentation" src="{static}/images/hall.png">\n',
        "posts/later.md": f"Title: Later\n{head}Status: draft\n\n![]({{static}}/images/hall.png)\n",
    }
    caplog.set_level(logging.WARNING)
    build_site(files, name="no-alt-dev")
    mine = sorted(
        (r.levelname, r.getMessage())
        for r in caplog.records
        if "no-alt-dev/" in r.getMessage() or "Empty alt" in r.getMessage()
    )
    assert mine == [
        (
            "WARNING",
            "no-alt-dev/posts/hall.md: line 8: the image hall.png has no alt text, so a "
            "reader who cannot see it gets nothing: describe it between the brackets, "
            "![what it shows]({static}/images/hall.png)",
        ),
        (
            "WARNING",
            "no-alt-dev/posts/later.md: line 7: the image hall.png has no alt text, so a "
            "reader who cannot see it gets nothing: describe it between the brackets, "
            "![what it shows]({static}/images/hall.png)",
        ),
    ]
    caplog.clear()
    with pytest.raises(SystemExit):
        build_site(files, publish=True, name="no-alt-pub")
    levels = sorted(
        (r.levelname, r.getMessage().split(":")[0])
        for r in caplog.records
        if "has no alt text" in r.getMessage()
    )
    assert levels == [
        ("ERROR", "no-alt-pub/posts/hall.md"),
        ("WARNING", "no-alt-pub/posts/later.md"),
    ]


def alt_lines(build_site, caplog, files: dict, name: str) -> list[str]:
    """The lines about alt text of a development build of ``files``, sorted."""
    caplog.set_level(logging.WARNING)
    build_site(files, name=name)
    return sorted(r.getMessage() for r in caplog.records if "alt text" in r.getMessage())


def test_the_alt_text_line_says_how_in_the_format_it_is_written(build_site, caplog):
    # it said ![A crowd at the launch](x) for a reST image and for an <img> typed in Markdown
    png = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(png, "PNG")
    files = {
        "images/stage.png": png.getvalue(),
        "images/door.png": png.getvalue(),
        "posts/stage.rst": "Stage\n#####\n\n:date: 2024-05-01\n:category: Company\n\nThe stage:\n\n"
        ".. image:: {static}/images/stage.png\n",
        "posts/door.md": "Title: Door\nDate: 2024-05-01\nCategory: Company\n\nThe door:\n\n"
        '<p><img src="{static}/images/door.png"></p>\n',
    }
    assert alt_lines(build_site, caplog, files, "alt-formats") == [
        "alt-formats/posts/door.md: line 7: the image door.png has no alt text, so a reader who "
        "cannot see it gets nothing: describe it in its <img> tag's alt attribute (in place of any "
        'it has): alt="what it shows"',
        "alt-formats/posts/stage.rst: line 9: the image stage.png has no alt text, so a reader "
        "who cannot see it gets nothing: describe it in the directive's :alt: option (in place of "
        "any it has), on a line under it indented three spaces: :alt: what it shows",
    ]


def test_the_alt_text_line_gives_an_example_in_the_posts_language(build_site, caplog):
    """A Hungarian post was told to write ![A crowd at the launch](…), English alt text on a
    page read aloud in Hungarian; its example now says what to write and in which language.
    An English post keeps its English example, whatever the language of the other posts."""
    png = teal_png()
    files = {
        "images/kep.png": png,
        "posts/kep.md": "Title: Kép\nDate: 2024-05-01\nCategory: Company\nLang: hu\n\n"
        "A terem:\n\n![]({static}/images/kep.png)\n",
        "posts/bild.rst": "Bild\n####\n\n:date: 2024-05-01\n:category: Company\n:lang: de-AT\n\n"
        "Die Bühne:\n\n.. image:: {static}/images/kep.png\n",
        "posts/hall.md": "Title: Hall\nDate: 2024-05-01\nCategory: Company\nLang: en-GB\n\n"
        '<p><img src="{static}/images/kep.png"></p>\n',
    }
    assert alt_lines(build_site, caplog, files, "alt-langs") == [
        "alt-langs/posts/bild.rst: line 10: the image kep.png has no alt text, so a reader who "
        "cannot see it gets nothing: describe it in the directive's :alt: option (in place of any "
        "it has), on a line under it indented three spaces: :alt: what it shows, in German "
        "(Austria)",
        "alt-langs/posts/hall.md: line 6: the image kep.png has no alt text, so a reader who "
        "cannot see it gets nothing: describe it in its <img> tag's alt attribute (in place of any "
        'it has): alt="what it shows"',
        "alt-langs/posts/kep.md: line 8: the image kep.png has no alt text, so a reader who "
        "cannot see it gets nothing: describe it between the brackets, ![what it shows, in "
        "Hungarian]"
        "({static}/images/kep.png)",
    ]


def test_the_alt_text_advice_copied_as_it_stands_is_refused(build_site, caplog):
    """The advice's example (``![A crowd at the launch](…)``) copied as it stood published a
    false description: the example is a placeholder now, which the check names again and a
    publish refuses, in each format and language the advice is given in."""
    files = {
        "images/kep.png": teal_png(),
        "posts/kep.md": _post_with("Kep", "The hall:\n\n![]({static}/images/kep.png)\n"),
        "posts/door.md": _post_with("Door", '<p><img src="{static}/images/kep.png"></p>\n'),
        "posts/hu.md": "Title: Hu\nDate: 2024-05-01\nCategory: Company\nLang: hu\n\n"
        "A terem:\n\n![]({static}/images/kep.png)\n",
        "posts/stage.rst": "Stage\n#####\n\n:date: 2024-05-01\n:category: Company\n\n"
        "The stage:\n\n.. image:: {static}/images/kep.png\n",
    }
    said = alt_lines(build_site, caplog, files, "alt-copy")
    assert len(said) == 4
    for line in said:  # the writer does exactly as the line says
        post = "posts/" + line.split("/posts/", 1)[1].split(":", 1)[0]
        if ", ![" in line:
            copied = "![" + line.rsplit(", ![", 1)[1]
            files[post] = files[post].replace("![]({static}/images/kep.png)", copied)
        elif ":alt: " in line:
            files[post] += "   :alt: " + line.rsplit(":alt: ", 1)[1] + "\n"
        else:
            alt = line.rsplit(": alt=", 1)[1]
            files[post] = files[post].replace("<img ", f"<img alt={alt} ")
    assert "![what it shows]({static}/images/kep.png)" in files["posts/kep.md"]
    assert "![what it shows, in Hungarian](" in files["posts/hu.md"]
    assert '<img alt="what it shows" src=' in files["posts/door.md"]
    assert files["posts/stage.rst"].endswith("kep.png\n   :alt: what it shows\n")
    caplog.clear()
    with pytest.raises(SystemExit):
        build_site(files, publish=True, name="alt-copy-pub")
    refused = sorted(
        r.getMessage().split(":")[0]
        for r in caplog.records
        if r.levelno == logging.ERROR and "a placeholder" in r.getMessage()
    )
    posts = ("door.md", "hu.md", "kep.md", "stage.rst")
    assert refused == [f"alt-copy-pub/posts/{name}" for name in posts]


def test_the_alt_text_advice_followed_literally_keeps_the_picture(build_site, caplog):
    """The advice for an <img> was ``<img alt="what it shows" ...>``: put in place of the tag,
    the picture was gone (its src, its width). Followed as it says now, in an <img> with and
    without an alt of its own and a reST image with and without an :alt: option, every picture
    stays with its src and width, its alt the example (a placeholder: named again)."""
    img = '<p><img {alt}src="{{static}}/images/kep.png" width="40"></p>\n'
    directive = ".. image:: {static}/images/kep.png\n   :width: 40\n"
    files = {
        "images/kep.png": teal_png(),
        "posts/bare.md": _post_with("Bare", img.format(alt="")),
        "posts/named.md": _post_with("Named", img.format(alt='alt="image" ')),
        "posts/bare.rst": "Bare rst\n########\n\n:date: 2024-05-01\n:category: Company\n"
        f":author: Ada Byrne\n\nThe stage:\n\n{directive}",
        "posts/named.rst": "Named rst\n#########\n\n:date: 2024-05-01\n:category: Company\n"
        f":author: Ada Byrne\n\nThe stage:\n\n{directive}   :alt: image\n",
    }
    said = alt_lines(build_site, caplog, files, "alt-follow")
    assert len(said) == 4, said
    for line in said:  # the writer does exactly as the line says
        post = "posts/" + line.split("/posts/", 1)[1].split(":", 1)[0]
        if post.endswith(".md"):
            alt = "alt=" + line.rsplit(": alt=", 1)[1]  # in its <img> tag, in place of any
            tag = re.sub(r'alt="[^"]*" ', "", files[post].split("<img ", 1)[1])
            files[post] = files[post].split("<img ", 1)[0] + f"<img {alt} {tag}"
        else:  # under the directive, three spaces in, in place of any :alt:
            option = "   :alt: " + line.rsplit(": :alt: ", 1)[1] + "\n"
            kept = files[post].replace("   :alt: image\n", "")
            files[post] = kept.replace(".. image:: {static}/images/kep.png\n",
                                       ".. image:: {static}/images/kep.png\n" + option)  # fmt: skip
    caplog.clear()
    site = build_site(files, name="alt-follow-2")
    for page in ("posts/bare", "posts/named", "posts/bare-rst", "posts/named-rst"):
        picture = site.soup(f"{page}/index.html").select_one("article img[src*=kep]")
        assert (picture["alt"], picture.get("width")) == ("what it shows", "40"), page
    again = [r.getMessage() for r in caplog.records if "alt text" in r.getMessage()]
    assert len(again) == 4 and all("'what it shows', a placeholder" in m for m in again), again
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize(
    ("lang", "example"),
    [
        ("en", "what it shows"),
        ("en-GB", "what it shows"),
        ("EN_us", "what it shows"),
        ("", "what it shows"),
        ("hu", "what it shows, in Hungarian"),
        ("pt-BR", "what it shows, in Portuguese (Brazil)"),
        ("pt_BR", "what it shows, in Portuguese (Brazil)"),
        ("eo", "what it shows, in Esperanto"),
        ("sr-Latn", "what it shows, in Serbian (Latin)"),
        # a code Babel does not know, or no code at all, is said as written
        ("tlh", "what it shows, in tlh"),
        ("hu-", "what it shows, in hu-"),
    ],
)
def test_alt_example(lang, example):
    assert reader.alt_example(lang) == example


def teal_png() -> bytes:
    """A small PNG picture."""
    picture = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(picture, "PNG")
    return picture.getvalue()


def _post_with(title: str, text: str) -> str:
    """A post of the fixture site's author and category with ``text`` for its body."""
    return f"Title: {title}\nDate: 2024-05-01\nCategory: Company\nAuthor: Ada Byrne\n\n{text}"


def test_alt_text_that_is_a_placeholder_or_a_file_name_is_named_as_none_is(build_site, caplog):
    # what VS Code, Typora, Obsidian, Notion and macOS write for a picture pasted in passed
    # silently, and a screen reader read out "IMG underscore 2041 dot jpeg" (probe 19, 8)
    desk = "({static}/images/desk.png)"
    files = {
        "images/desk.png": teal_png(),
        "images/image-20260301101422123.png": teal_png(),
        "posts/one.md": _post_with("One", f"My desk:\n\n![IMG_2041.jpeg]{desk}\n"),
        "posts/many.md": _post_with(
            "Many",
            f"Desks:\n\n![alt text]{desk}\n\n"
            "![image-20260301101422123]({static}/images/image-20260301101422123.png)\n\n"
            f"![Two desks by the window]{desk}\n\n![]{desk}\n\n"
            '<img alt="Screenshot 2026-03-01 at 10.14.22" src="{static}/images/desk.png">\n',
        ),
        "posts/fine.md": _post_with(
            "Fine",
            f"A desk:\n\n![A tidy desk]{desk}\n\n"
            '<img alt="image" role="presentation" src="{static}/images/desk.png">\n',
        ),
    }
    assert alt_lines(build_site, caplog, files, "alt-says") == [
        "alt-says/posts/many.md: 4 images have no alt text that describes them (none, a "
        "placeholder or a file name), so a reader who cannot see them gets nothing: desk.png "
        "(line 8: 'alt text'), image-20260301101422123.png (line 10: "
        "'image-20260301101422123'), desk.png (line 14), desk.png (line 16: 'Screenshot "
        "2026-03-01 at 10.14.22'); describe each between the brackets, ![what it "
        "shows]({static}/images/desk.png); or in its <img> tag's alt attribute (in place of any "
        'it has): alt="what it shows"',
        "alt-says/posts/one.md: line 8: the image desk.png has the alt text 'IMG_2041.jpeg', a "
        "file name, so a reader who cannot see it hears that and nothing more: describe it "
        "between the brackets, ![what it shows]({static}/images/desk.png)",
    ]
    caplog.clear()
    with pytest.raises(SystemExit):  # as for no alt text: an error in a publish
        build_site(files, publish=True, name="alt-says-pub")
    errors = sorted(
        r.getMessage().split(":")[0]
        for r in caplog.records
        if r.levelno == logging.ERROR and "alt text" in r.getMessage()
    )
    assert errors == ["alt-says-pub/posts/many.md", "alt-says-pub/posts/one.md"]


def test_each_picture_with_one_placeholder_is_named_at_its_own_line(build_site, caplog):
    # a Chinese blog wrote ![pic](…) for every picture: each was named at the first one's
    # line ("nagiosxi.png (line 135: 'pic'), nagios.png (line 135: 'pic')"; probe V)
    files = {
        "images/a.png": teal_png(),
        "images/b.png": teal_png(),
        "posts/pics.md": _post_with(
            "Pics",
            "First:\n\n![pic]({static}/images/a.png)\n\nSecond:\n\n"
            "![pic]({static}/images/b.png)\n\nFirst again:\n\n![pic]({static}/images/a.png)\n",
        ),
    }
    [line] = alt_lines(build_site, caplog, files, "alt-pic")
    assert "2 images" in line  # a picture shown twice is named once
    assert "a.png (line 8: 'pic'), b.png (line 12: 'pic');" in line


def _album(n: int, images: int) -> dict:
    """``n`` posts in posts/, each with ``images`` pictures without alt text."""
    png = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(png, "PNG")
    files: dict = {f"images/p{i}.png": png.getvalue() for i in range(images)}
    head = "Date: 2024-05-01\nCategory: Company\nAuthor: Ada Byrne\n"
    pictures = "".join(f"![]({{static}}/images/p{i}.png)\n\n" for i in range(images))
    for n_ in range(n):
        files[f"posts/trip-{n_}.md"] = f"Title: Trip {n_}\n{head}\nPhotos:\n\n{pictures}"
    return files


def test_a_files_images_without_alt_text_are_one_line(build_site, caplog):
    # one line per image: an old blog had 18 in one post, 434 lines in all
    caplog.set_level(logging.WARNING)
    files = _album(1, 6)  # six pictures, p0.png to p5.png, in trip-0.md
    head = "Date: 2024-05-01\nCategory: Company\nAuthor: Ada Byrne\n"
    pictures = "".join(f"![]({{static}}/images/p{i}.png)\n\n" for i in range(3))
    again = "And again:\n\n![]({static}/images/p1.png)\n"  # named once
    files["posts/short.md"] = f"Title: Short\n{head}\nPhotos:\n\n{pictures}{again}"
    build_site(files, name="alt-one-line")
    said = sorted(r.getMessage() for r in caplog.records if "alt text" in r.getMessage())
    how = "describe each between the brackets, ![what it shows]({static}/images/p0.png)"
    assert said == [
        "alt-one-line/posts/short.md: 3 images have no alt text, so a reader who cannot see "
        f"them gets nothing: p0.png (line 8), p1.png (line 10), p2.png (line 12); {how}",
        "alt-one-line/posts/trip-0.md: 6 images have no alt text, so a reader who cannot see "
        "them gets nothing: p0.png (line 8), p1.png (line 10), p2.png (line 12), p3.png (line "
        f"14) and 2 more (lines 16, 18); {how}",
    ]


def test_many_files_without_alt_text_are_folded_and_still_stop_a_publish(build_site, caplog):
    caplog.set_level(logging.WARNING)
    files = _album(7, 2)
    build_site(files, name="alt-folded")
    said = [(r.levelname, r.getMessage()) for r in caplog.records if "alt text" in r.getMessage()]
    assert len(said) == 5, said  # the first four files, then the folder's line
    assert [level for level, _ in said] == ["WARNING"] * 5
    # files are read in no set order: the folder's line names the first of the others
    named = {message.split(": ", 1)[0].rsplit("/", 1)[1] for _, message in said[:4]}
    others = sorted({f"trip-{n}.md" for n in range(7)} - named)
    assert said[-1][1] == (
        f"alt-folded/posts/: 7 files have 14 images without alt text (4 named above, then "
        f"{', '.join(others)}); a reader who cannot see them gets nothing: describe each, as "
        "the lines above say"
    )
    caplog.clear()
    with pytest.raises(SystemExit):
        build_site(files, publish=True, name="alt-folded-pub")
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    alt = [m for m in errors if "alt text" in m]
    assert len(alt) == 5
    assert alt[-1].startswith("alt-folded-pub/posts/: 7 files have 14 images without alt text")
    failed = [r.getMessage() for r in caplog.records if r.levelno == logging.CRITICAL]
    assert failed and f"{len(errors)} error(s)" in failed[-1]


def test_the_alt_text_fold_loses_no_line_when_files_are_read_in_workers(build_site, caplog):
    # a line held by the fold in a forked reading worker died with the worker, which gave
    # the file back as read cleanly: its images were never counted. Read in two workers, the
    # build says what it says reading in one process
    files = {}
    for folder in ("trips", "walks"):  # 6 posts in each: 4 named, then the folder's line
        for name, data in _album(6, 3).items():
            named = name.replace("posts/trip", f"posts/{folder}/{folder}")
            if named != name:  # a post: a title (and slug) of its own
                data = data.replace("Title: Trip", f"Title: {folder}")
            files[named] = data
    said: dict[int, list[tuple[str, str]]] = {}
    for workers in (1, 2):
        caplog.clear()
        caplog.set_level(logging.WARNING)
        name = f"alt-workers-{workers}"
        build_site(files, name=name, FASTBUILD_WORKERS=workers, FASTBUILD_MIN_FILES=4)
        said[workers] = sorted(
            (r.levelname, r.getMessage().replace(name, "content"))
            for r in caplog.records
            if "alt text" in r.getMessage()
        )
    folders = [m for _, m in said[1] if "files have" in m]
    assert [m.split(" (")[0] for m in folders] == [
        "content/posts/trips/: 6 files have 18 images without alt text",
        "content/posts/walks/: 6 files have 18 images without alt text",
    ]
    assert len(said[1]) == 10  # each folder: 4 files named, then its line

    def accounted(lines: list[tuple[str, str]]) -> list[str]:
        """The files a build's lines name (the folders' lines: the files they fold)."""
        files = [m.split(": ", 1)[0] for _, m in lines if "files have" not in m]
        for _, m in lines:
            if "files have" in m:
                folder, folded = m.split(": ", 1)[0], m.split("named above, then ")[1]
                files += [folder + n for n in folded.split(")")[0].split(", ")]
        return sorted(files)

    # which four of a folder's files are named depends on the order they are read in
    assert [level for level, _ in said[2]] == [level for level, _ in said[1]]
    assert [m.split(" (")[0] for _, m in said[2] if "files have" in m] == [
        m.split(" (")[0] for m in folders
    ]
    assert accounted(said[2]) == accounted(said[1])
    assert len(accounted(said[1])) == 12


# A full disk while Pelican copies the static files (probe 16, 7): up to 9 warnings of
# Pelican's with two absolute paths each, then "content/images/x.jpg: is an empty file ...
# copy it again" for photos that were whole: the copy was cut short, not the photo.


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="Linux's /dev/full")
def test_copies_to_a_full_disk_are_one_error_naming_the_copy_and_the_disk(tmp_path, caplog):
    from pelican.utils import copy_file

    content, output = tmp_path / "content", tmp_path / "output"
    (content / "images").mkdir(parents=True)
    (output / "images").mkdir(parents=True)
    for name in ("a.jpg", "b.jpg"):
        jpeg_with_metadata(content / "images" / name)
        (output / "images" / name).symlink_to("/dev/full")  # writes to it: ENOSPC
    (content / "notes.txt").write_text("copied whole")
    copies = images_signals.CopiesFailed({"PATH": str(content)})
    utils = logging.getLogger("pelican.utils")
    utils.addFilter(copies)
    try:
        with caplog.at_level(logging.WARNING, logger="pelican.utils"):
            for name in ("a.jpg", "b.jpg"):
                copy_file(str(content / "images" / name), str(output / "images" / name))
            copy_file(str(content / "notes.txt"), str(output / "notes.txt"))
    finally:
        utils.removeFilter(copies)
    disk = files.mount(str(output / "images" / "a.jpg"))
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        (
            "ERROR",
            "output/images/a.jpg: cannot write it: No space left on device (the disk of "
            f"{disk} is full); left out of the site: the copy of content/images/a.jpg, and "
            "any other that did not fit",
        )
    ]
    assert copies.failed == {str(output / "images" / n) for n in ("a.jpg", "b.jpg")}
    assert (output / "notes.txt").read_text() == "copied whole"


def test_a_published_copy_smaller_than_its_photo_is_a_copy_cut_short(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    (content / "images").mkdir(parents=True)
    (output / "images").mkdir(parents=True)
    whole = jpeg_with_metadata(content / "images" / "x.jpg").read_bytes()
    (output / "images" / "x.jpg").write_bytes(whole[: len(whole) // 2])
    settings = {"PATH": str(content)}
    line = images_signals._not_cleaned(
        settings, output, output / "images" / "x.jpg", "image file is truncated"
    )
    assert line == (
        f"output/images/x.jpg: is a copy of content/images/x.jpg cut short ({len(whole) // 2} "
        f"of {len(whole)} bytes): writing it into the output did not finish (is that disk "
        "full?); not published, the photo itself is whole: build again"
    )
    # the photo itself cut short (copied whole): the writer's to copy again, as before
    (content / "images" / "x.jpg").write_bytes(whole[: len(whole) // 2])
    (output / "images" / "x.jpg").write_bytes(whole[: len(whole) // 2])
    line = images_signals._not_cleaned(
        settings, output, output / "images" / "x.jpg", "image file is truncated"
    )
    assert line.startswith("content/images/x.jpg: image file is truncated; not published")


def test_the_end_of_build_pass_skips_only_files_no_branch_takes(tmp_path):
    # pages, stylesheets and scripts (most of a large site's output) are passed by their
    # suffix; every kind the pass keeps or refuses is still found, under any name
    out = tmp_path / "out"
    (out / "posts" / "a").mkdir(parents=True)
    (out / "images").mkdir()
    jpeg = out / "images" / "photo.jpg"
    jpeg_with_metadata(jpeg)
    (out / "images" / "IMG_1.jpg~").write_bytes(jpeg.read_bytes())  # a picture by its bytes
    (out / "images" / "photo.jpg_original").write_bytes(b"old")  # exiftool's backup
    (out / "images" / "index.html_original").write_bytes(b"old")  # one of a page too
    (out / "images" / "IMG_2.CR2").write_bytes(b"raw")
    (out / "images" / "drawing.svg").write_text("<svg/>")
    (out / "images" / "photo.jxl").write_bytes(b"\xff\x0a")
    for name in ("index.html", "style.css", "main.js", "notes.txt"):
        (out / "posts" / "a" / name).write_text("<!DOCTYPE html>\n")
    (out / "posts" / "a" / "index.HTML").write_bytes(jpeg.read_bytes())  # by name: a page
    found = images_signals._published_files(out, out / "renditions")
    assert found.pictures == [out / "images" / "IMG_1.jpg~", jpeg]
    assert found.raw == [out / "images" / "IMG_2.CR2"]
    assert found.drawings == [out / "images" / "drawing.svg"]
    refused = [path.name for path, _ in found.refused]
    assert refused == ["index.html_original", "photo.jpg_original", "photo.jxl"]


@pytest.mark.parametrize(
    "suffix, looked_at",
    [
        (".html", False),
        (".css", False),
        (".js", False),
        ("", True),
        (".jpg", True),
        (".jpg~", True),
        (".xmp", True),
        (".xml", True),
        (".json", True),
        (".mp4", True),
        (".svg", True),
        (".cr2", True),
        (".jxl", True),
        (".jpg_large", True),
    ],
)
def test_which_suffixes_the_end_of_build_pass_looks_at(suffix, looked_at):
    assert images_signals._looked_at(suffix) is looked_at
