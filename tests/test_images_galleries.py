"""What galleries added to the image pipeline: fitted renditions at several widths in AVIF,
WebP and JPEG, GPS detection, progress, per-picture formats, a running pool reused."""

import logging
import warnings
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin, TiffImagePlugin

from plugins.images import pipeline, service
from plugins.images.pipeline import RenditionRequest, RenditionSpec, render
from tests.test_images_pipeline import assert_no_metadata, assert_upright, only, photo

WIDTHS = (60, 120, 240, 480)
needs_avif = pytest.mark.skipif(
    not pipeline.encoder_available("avif"), reason="this Pillow cannot write AVIF"
)


@needs_avif
@pytest.mark.parametrize("orientation", range(1, 9))
def test_gallery_renditions_every_orientation_every_format(tmp_path, orientation):
    """A 400x300 upright photo, stored in any orientation: fitted, upright, stripped, never
    wider than the source (the 480 request gives the source's 400)."""
    source = photo(tmp_path / "in.jpg", orientation)
    specs = tuple(
        RenditionSpec(w, 100_000, format=f) for w in WIDTHS for f in ("avif", "webp", "jpeg")
    )
    [renditions] = only(render([RenditionRequest(source, specs)], tmp_path / "cache"))
    sizes = {(r.spec.width, r.spec.format): (r.width, r.height) for r in renditions}
    for fmt in ("avif", "webp", "jpeg"):
        assert sizes[(60, fmt)] == (60, 45)
        assert sizes[(240, fmt)] == (240, 180)
        assert sizes[(480, fmt)] == (400, 300)  # never upscaled
    for rendition in renditions:
        with Image.open(rendition.path) as image:
            assert image.format == rendition.spec.format.upper()
            assert image.size == (rendition.width, rendition.height)
            assert_upright(image)
        assert_no_metadata(rendition.path)


def test_has_location(tmp_path):
    with_gps = photo(tmp_path / "gps.jpg", 6)
    plain = tmp_path / "plain.jpg"
    Image.new("RGB", (20, 20)).save(plain)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not an image")
    assert pipeline.has_location(with_gps)
    assert not pipeline.has_location(plain)
    assert not pipeline.has_location(broken)  # rendering reports it, not this check


def test_a_photo_under_the_pipelines_limit_opens_without_pillows_warning(tmp_path):
    """From 89 megapixels Pillow warns of a decompression bomb: a raw Python warning in the
    terminal naming no file, for a 108-megapixel photo the pipeline takes (its limit, 120,
    is said in a line naming the file)."""
    big = tmp_path / "big.png"
    Image.new("1", (12_000, 9_000)).save(big)  # 108 megapixels, 13 MB as 1-bit pixels
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        assert not pipeline.has_location(big)
        assert pipeline._open(big.read_bytes()).size == (12_000, 9_000)


# An editor's XMP packet holding the position, with no GPS block in EXIF (Lightroom, darktable)
XMP_GPS = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="45,45.6N" '
    'exif:GPSLongitude="4,49.2E"/></rdf:RDF></x:xmpmeta>'
)
XMP_PLAIN = XMP_GPS.replace("GPSLatitude", "UserComment").replace("GPSLongitude", "Flash")


@pytest.mark.parametrize("fmt", ["JPEG", "WEBP", "PNG", "TIFF"])
@pytest.mark.parametrize(("xmp", "located"), [(XMP_GPS, True), (XMP_PLAIN, False)])
def test_has_location_in_xmp_alone(tmp_path, fmt, xmp, located):
    options: dict = {"xmp": xmp.encode()}
    if fmt == "PNG":
        options = {"pnginfo": PngImagePlugin.PngInfo()}
        options["pnginfo"].add_itxt("XML:com.adobe.xmp", xmp)
    elif fmt == "TIFF":
        options = {"tiffinfo": TiffImagePlugin.ImageFileDirectory_v2()}
        options["tiffinfo"][700] = xmp.encode()
    path = tmp_path / f"editor.{fmt.lower()}"
    Image.new("RGB", (20, 20)).save(path, fmt, **options)
    assert (b"GPSLatitude" in path.read_bytes()) is located  # the packet is in the file
    assert pipeline.has_location(path) is located


def test_avif_key_has_its_speed_and_other_keys_are_unchanged():
    jpeg = RenditionSpec(96, 96, crop=True, format="jpeg")
    # quality left out means the format's default: the same key, the same cached file
    assert jpeg.key == RenditionSpec(96, 96, crop=True, format="jpeg", quality=82).key
    assert "speed" not in repr(jpeg)
    assert RenditionSpec(96, 96, format="avif").key != RenditionSpec(96, 96, format="webp").key


def test_progress_is_called_once_per_decoded_source(tmp_path):
    sources = [photo(tmp_path / f"p{i}.jpg", 1, size=(80, 60)) for i in range(3)]
    calls = []
    specs = (RenditionSpec(40, 40, format="jpeg"),)
    requests = [RenditionRequest(s, specs) for s in sources]
    render(requests, tmp_path / "cache", progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1, 3), (2, 3), (3, 3)]
    calls.clear()
    render(requests, tmp_path / "cache", progress=lambda d, t: calls.append((d, t)))
    assert calls == []  # everything from the cache: no image work, no progress


def test_progress_line_is_logged_for_long_work_only(caplog):
    caplog.set_level(logging.INFO, logger=service.__name__)
    quick = service._Progress(started=0.0, every=1e9)
    quick(1, 2)
    quick(2, 2)
    assert not caplog.records
    slow = service._Progress(started=0.0, every=0.0)
    slow(1, 2)
    assert "Images: 1 of 2 source image(s) rendered" in caplog.text


def _settings(tmp_path: Path) -> dict:
    return {
        "IMAGES_CACHE_PATH": str(tmp_path / "cache"),
        "OUTPUT_PATH": str(tmp_path / "out"),
        "IMAGES_OUTPUT_DIR": "renditions",
        "IMAGES_FORMATS": ("webp", "jpeg"),
        "IMAGES_QUALITY": dict(pipeline.DEFAULT_QUALITY),
        "IMAGES_JOBS": 1,
    }


def test_a_picture_request_can_ask_for_its_own_formats(tmp_path):
    build = service.ImageBuild(_settings(tmp_path))
    source = photo(tmp_path / "in.jpg", 1)
    formats = ("avif", "webp", "jpeg") if pipeline.encoder_available("avif") else ("jpeg",)
    [default, own] = build.pictures(
        [
            service.PictureRequest(source, "in.jpg", "a/in", (100, 200)),
            service.PictureRequest(source, "in.jpg", "b/in", (100, 800), formats=formats),
        ]
    )
    assert [s.format for s in default.sources] == ["webp"]
    assert [s.format for s in own.sources] == [f for f in formats if f != "jpeg"]
    # never a srcset width beyond the source's 400
    assert [c.width for c in own.fallback.candidates] == [100, 400]
    assert (own.width, own.height) == (400, 300)
    for url in (own.url, *(c.url for s in own.sources for c in s.candidates)):
        assert_no_metadata(tmp_path / "out" / url)


def test_a_running_pool_is_used_even_when_it_could_not_be_forked_now(tmp_path, monkeypatch):
    """The first batch of a build starts the pool; its management thread makes the process
    multi-threaded, which alone must not send a later batch back to one process."""
    monkeypatch.setattr(pipeline, "_start_method", lambda: "spawn")
    used = []

    class Inline:
        def submit(self, fn, *args):
            from concurrent.futures import Future

            used.append(args[0])
            future = Future()
            future.set_result(fn(*args))
            return future

    sources = [photo(tmp_path / f"p{i}.jpg", 1, size=(80, 60)) for i in range(3)]
    specs = (RenditionSpec(40, 40, format="jpeg"),)
    requests = [RenditionRequest(s, specs) for s in sources]
    assert not pipeline.worth_a_pool(3, 2)
    render(requests, tmp_path / "cache", jobs=2, pool=lambda n: Inline(), pool_running=True)
    assert len(used) == 3
