"""The image pipeline on small generated images: orientation, stripping, sizes, cache, errors."""

import errno
import io
import os
import subprocess
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from PIL import Image, ImageCms, JpegImagePlugin

from plugins.images import pipeline
from plugins.images.pipeline import RenditionRequest, RenditionSpec, fitted_size, render
from plugins.images.settings import DEFAULTS, SettingsError, configure

# Four quadrants of an upright picture, as the reader should see it.
TOP_LEFT, TOP_RIGHT = (220, 40, 40), (40, 180, 40)
BOTTOM_LEFT, BOTTOM_RIGHT = (40, 60, 220), (235, 220, 40)
GPS = 0x8825
ORIENTATION = 0x0112

# What the camera stored for each EXIF orientation, given the upright picture: the inverse of
# the transposition a viewer applies (ImageOps.exif_transpose) to show it upright.
STORED = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def upright(width: int = 400, height: int = 300) -> Image.Image:
    image = Image.new("RGB", (width, height))
    half_w, half_h = width // 2, height // 2
    image.paste(TOP_LEFT, (0, 0, half_w, half_h))
    image.paste(TOP_RIGHT, (half_w, 0, width, half_h))
    image.paste(BOTTOM_LEFT, (0, half_h, half_w, height))
    image.paste(BOTTOM_RIGHT, (half_w, half_h, width, height))
    return image


def camera_exif(orientation: int) -> Image.Exif:
    """EXIF as a phone writes it: orientation, camera, and where the photo was taken."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "Test camera"
    gps = exif.get_ifd(GPS)
    gps[1], gps[2], gps[3], gps[4] = "N", (51.0, 27.0, 3.6), "W", (2.0, 35.0, 13.2)
    return exif


def photo(path: Path, orientation: int = 1, size=(400, 300), fmt="JPEG", **save) -> Path:
    """Write an upright picture as a camera would store it with this orientation."""
    image = upright(*size)
    if STORED[orientation] is not None:
        image = image.transpose(STORED[orientation])
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, fmt, exif=camera_exif(orientation), **save)
    return path


def near(actual, expected, tolerance=40) -> bool:
    return all(abs(a - e) <= tolerance for a, e in zip(actual[:3], expected, strict=True))


def quadrants(image: Image.Image) -> tuple:
    image = image.convert("RGB")
    w, h = image.size
    return tuple(
        image.getpixel((x, y))
        for x, y in (
            (w // 4, h // 4),
            (3 * w // 4, h // 4),
            (w // 4, 3 * h // 4),
            (3 * w // 4, 3 * h // 4),
        )
    )


def assert_upright(image: Image.Image) -> None:
    got = quadrants(image)
    for actual, expected in zip(got, (TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT), strict=True):
        assert near(actual, expected), got


def assert_no_metadata(path: Path) -> None:
    with Image.open(path) as image:
        exif = image.getexif()
        assert len(exif) == 0, dict(exif)
        assert not exif.get_ifd(GPS)
        assert "exif" not in image.info and "xmp" not in image.info


def only(results):
    assert [r.error for r in results] == [None] * len(results)
    return [r.renditions for r in results]


@pytest.mark.parametrize("orientation", range(1, 9))
@pytest.mark.parametrize("fmt", ["jpeg", "webp"])
def test_every_exif_orientation_comes_out_upright_without_exif(tmp_path, orientation, fmt):
    source = photo(tmp_path / "in.jpg", orientation)
    specs = (RenditionSpec(200, 200, format=fmt), RenditionSpec(96, 96, crop=True, format=fmt))
    [(fitted, square)] = only(render([RenditionRequest(source, specs)], tmp_path / "cache"))
    assert (fitted.width, fitted.height) == (200, 150)  # upright 4:3, whatever was stored
    assert (square.width, square.height) == (96, 96)
    for rendition in (fitted, square):
        with Image.open(rendition.path) as image:
            assert image.format == fmt.upper()
            assert image.size == (rendition.width, rendition.height)
            assert_upright(image)
        assert_no_metadata(rendition.path)


def test_source_had_gps_and_outputs_have_none(tmp_path):
    source = photo(tmp_path / "gps.jpg", 6)
    with Image.open(source) as original:
        assert original.getexif().get_ifd(GPS)  # the test would prove nothing otherwise
    specs = tuple(
        RenditionSpec(w, w, crop=True, format=f) for w in (64, 128) for f in ("webp", "jpeg")
    )
    [renditions] = only(render([RenditionRequest(source, specs)], tmp_path / "cache"))
    assert len(renditions) == 4
    for rendition in renditions:
        assert_no_metadata(rendition.path)


def test_icc_profile_is_kept(tmp_path):
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    source = photo(tmp_path / "icc.jpg", 1, icc_profile=icc)
    specs = (RenditionSpec(100, 100, format="jpeg"), RenditionSpec(100, 100, format="webp"))
    [renditions] = only(render([RenditionRequest(source, specs)], tmp_path / "cache"))
    for rendition in renditions:
        with Image.open(rendition.path) as image:
            assert image.info.get("icc_profile") == icc


@pytest.mark.parametrize(
    ("source", "spec", "size"),
    [
        ((800, 1000), RenditionSpec(96, 96, crop=True), (96, 96)),
        ((1000, 800), RenditionSpec(288, 288, crop=True), (288, 288)),
        ((60, 40), RenditionSpec(96, 96, crop=True), (40, 40)),  # never enlarged
        ((60, 40), RenditionSpec(200, 200), (60, 40)),
        ((400, 300), RenditionSpec(200, 200), (200, 150)),
        ((300, 400), RenditionSpec(200, 200), (150, 200)),
        ((400, 300), RenditionSpec(200, 100_000), (200, 150)),  # width only
        ((400, 100), RenditionSpec(160, 90, crop=True), (160, 90)),
        ((1, 1), RenditionSpec(96, 96, crop=True), (1, 1)),
    ],
)
def test_fitted_size(source, spec, size):
    assert fitted_size(source, spec)[0] == size


def test_no_upscaling_of_a_small_source(tmp_path):
    source = photo(tmp_path / "small.png", 1, size=(60, 40), fmt="PNG")
    specs = (RenditionSpec(96, 96, crop=True), RenditionSpec(288, 288, crop=True, format="webp"))
    [renditions] = only(render([RenditionRequest(source, specs)], tmp_path / "cache"))
    assert [(r.width, r.height) for r in renditions] == [(40, 40), (40, 40)]


def test_jpeg_draft_mode_decodes_a_smaller_image_when_downscaling(tmp_path, monkeypatch):
    asked = []
    original = JpegImagePlugin.JpegImageFile.draft

    def spy(self, mode, size):
        asked.append(size)
        return original(self, mode, size)

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", spy)
    source = photo(tmp_path / "big.jpg", 6, size=(1600, 1200))
    [[rendition]] = only(
        render([RenditionRequest(source, (RenditionSpec(96, 96, crop=True),))], tmp_path / "c")
    )
    assert asked, "draft() was not used"
    stored_w, stored_h = 1200, 1600  # orientation 6: stored sideways
    assert all(w < stored_w / 4 and h < stored_h / 4 for w, h in asked)
    assert (rendition.width, rendition.height) == (96, 96)


def test_rebuild_with_unchanged_sources_does_no_image_work(tmp_path, monkeypatch):
    sources = [photo(tmp_path / f"p{i}.jpg", i + 1) for i in range(3)]
    specs = (RenditionSpec(96, 96, crop=True), RenditionSpec(96, 96, crop=True, format="webp"))
    requests = [RenditionRequest(s, specs) for s in sources]
    first = render(requests, tmp_path / "cache")
    assert [r.rendered for r in first] == [2, 2, 2]
    stamps = {r.path: r.path.stat().st_mtime_ns for res in first for r in res.renditions}

    def forbidden(*args, **kwargs):
        raise AssertionError("an image was decoded on an unchanged rebuild")

    monkeypatch.setattr(pipeline, "render_source", forbidden)
    second = render(requests, tmp_path / "cache", jobs=2)
    assert [r.rendered for r in second] == [0, 0, 0]
    assert [r.renditions for r in second] == [r.renditions for r in first]
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps


def test_changed_spec_renders_only_what_it_affects(tmp_path):
    source = photo(tmp_path / "p.jpg")
    small, large = RenditionSpec(96, 96, crop=True), RenditionSpec(288, 288, crop=True)
    [first] = render([RenditionRequest(source, (small, large))], tmp_path / "cache")
    assert first.rendered == 2
    sharper = RenditionSpec(288, 288, crop=True, quality=95)
    [second] = render([RenditionRequest(source, (small, sharper))], tmp_path / "cache")
    assert second.rendered == 1
    assert second.renditions[0] == first.renditions[0]
    assert second.renditions[1].path != first.renditions[1].path


def test_changed_source_is_rendered_again(tmp_path):
    source = photo(tmp_path / "p.jpg")
    spec = (RenditionSpec(96, 96, crop=True),)
    [first] = render([RenditionRequest(source, spec)], tmp_path / "cache")
    photo(source, 3)  # same name, new picture
    [second] = render([RenditionRequest(source, spec)], tmp_path / "cache")
    assert second.rendered == 1 and second.renditions[0].digest != first.renditions[0].digest


def test_cache_key_covers_everything_that_shapes_the_output():
    base = RenditionSpec(96, 96, crop=True, format="jpeg", quality=82)
    variants = [
        RenditionSpec(97, 96, crop=True, format="jpeg", quality=82),
        RenditionSpec(96, 97, crop=True, format="jpeg", quality=82),
        RenditionSpec(96, 96, crop=False, format="jpeg", quality=82),
        RenditionSpec(96, 96, crop=True, format="webp", quality=82),
        RenditionSpec(96, 96, crop=True, format="jpeg", quality=83),
    ]
    assert len({base.key, *(v.key for v in variants)}) == 6
    assert RenditionSpec(96, 96, crop=True, format="jpeg").key == base.key  # default quality


@pytest.mark.parametrize(
    ("source", "versions", "same"),
    [
        (b"code", ("13.0.0", "1.8.1"), True),
        (b"code, one comment changed", ("13.0.0", "1.8.1"), False),
        (b"code", ("13.1.0", "1.8.1"), False),  # a new Pillow wheel: new encoders
        (b"code", ("13.0.0", "1.9.0"), False),
        (b"code", ("13.0.0", ""), False),  # pillow-heif missing
    ],
)
def test_the_code_identity_changes_with_the_code_and_its_libraries(source, versions, same):
    base = pipeline.code_identity(b"code", ("13.0.0", "1.8.1"))
    assert (pipeline.code_identity(source, versions) == base) is same


def test_the_identity_is_of_this_module_and_the_installed_libraries():
    expected = pipeline.code_identity(
        Path(pipeline.__file__).read_bytes(), (pipeline.PIL.__version__, pipeline.HEIF_VERSION)
    )
    assert expected == pipeline.CODE_IDENTITY
    assert pipeline.HEIF_VERSION  # pillow-heif is installed here: HEIC is read


def test_files_written_by_other_code_are_never_reused(tmp_path, monkeypatch):
    # the pipeline's code changed since the cache was filled (a change nobody marked): every
    # rendition and clean copy is made again, under a new name, so a new URL
    source = photo(tmp_path / "a.jpg", 6)
    spec = (RenditionSpec(64, 64, crop=True, format="jpeg"),)
    cache = tmp_path / "cache"
    [before] = render([RenditionRequest(source, spec)], cache)
    [clean_before] = pipeline.clean_originals([source], cache)
    monkeypatch.setattr(pipeline, "CODE_IDENTITY", "0" * 16)
    monkeypatch.setattr(pipeline, "_CLEAN_KEY", pipeline.hashlib.sha256(b"other").hexdigest()[:16])
    [after] = render([RenditionRequest(source, spec)], cache)
    [clean_after] = pipeline.clean_originals([source], cache)
    assert after.rendered == 1
    assert after.renditions[0].path != before.renditions[0].path
    assert clean_after.fresh and clean_after.path != clean_before.path


def _corrupt_inputs(folder: Path) -> dict[str, tuple[Path, str]]:
    folder.mkdir(parents=True, exist_ok=True)
    text = folder / "notes.jpg"
    text.write_text("this is not a photo", encoding="utf-8")
    good = io.BytesIO()
    upright(800, 600).save(good, "JPEG")
    truncated = folder / "truncated.jpg"
    truncated.write_bytes(good.getvalue()[: len(good.getvalue()) // 3])
    svg = folder / "face.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    empty = folder / "empty.jpg"
    empty.write_bytes(b"")
    page = folder / "saved-page.jpg"  # "Save image as" on a share page: the page, not the photo
    page.write_text("\n<!DOCTYPE html><html><title>Photo</title></html>", encoding="utf-8")
    return {
        "text": (text, "is not an image this pipeline can read"),
        "truncated": (truncated, "is cut short (the file ends before its pixels do): it was not"),
        "empty": (empty, "is an empty file (0 bytes): it was not copied whole"),
        "page": (page, "is a web page (HTML), not an image: the browser saved the page"),
        "svg": (svg, "is not an image this pipeline can read"),
        "missing": (folder / "gone.jpg", "cannot be read"),
    }


@pytest.fixture
def always_pool(monkeypatch):
    """Use worker processes even for a handful of small images (normally done here)."""
    monkeypatch.setattr(pipeline, "worth_a_pool", lambda sources, jobs: jobs > 1 and sources > 1)


@pytest.mark.parametrize("jobs", [1, 2])
def test_corrupt_input_is_a_message_and_the_rest_still_renders(tmp_path, jobs, always_pool):
    bad = _corrupt_inputs(tmp_path / "bad")
    good = [photo(tmp_path / "good1.jpg", 6), photo(tmp_path / "good2.jpg", 3)]
    spec = (RenditionSpec(96, 96, crop=True),)
    sources = [good[0], *(path for path, _ in bad.values()), good[1]]
    results = render([RenditionRequest(s, spec) for s in sources], tmp_path / "cache", jobs=jobs)
    assert results[0].error is None and results[-1].error is None
    for result, (_, expected) in zip(results[1:-1], bad.values(), strict=True):
        assert result.error and expected in result.error, result.error
        assert "Traceback" not in result.error and not result.renditions
    with Image.open(results[-1].renditions[0].path) as image:
        assert_upright(image)


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_worker_pool_gives_the_same_files_as_one_process(tmp_path, monkeypatch, method):
    if method == "fork" and threading.active_count() > 1:
        # forking a process with threads is unsafe (the pipeline would spawn), and earlier
        # tests leave threads behind: run this case in a fresh process, where it forks
        child = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                f"{__file__}::test_worker_pool_gives_the_same_files_as_one_process[fork]",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert child.returncode == 0, child.stdout + child.stderr
        assert "1 passed" in child.stdout, child.stdout
        return
    monkeypatch.setattr(pipeline, "_start_method", lambda: method)
    monkeypatch.setattr(pipeline, "SPAWN_POOL_MIN_SOURCES", 2)
    sources = [photo(tmp_path / f"p{o}.jpg", o) for o in (1, 6, 8)]
    specs = (RenditionSpec(64, 64, crop=True), RenditionSpec(64, 64, crop=True, format="webp"))
    requests = [RenditionRequest(s, specs) for s in sources]
    serial = render(requests, tmp_path / "one", jobs=1)
    workers = set()
    real_submit = ProcessPoolExecutor.submit  # the pipeline's pool (new_pool)

    def submit(self, fn, *args):
        workers.add(id(self))
        return real_submit(self, fn, *args)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", submit)
    pooled = render(requests, tmp_path / "two", jobs=2)
    assert len(workers) == 1  # one pool for the batch
    for a, b in zip(serial, pooled, strict=True):
        assert b.error is None and b.rendered == 2
        for x, y in zip(a.renditions, b.renditions, strict=True):
            assert x.path.name == y.path.name
            assert x.path.read_bytes() == y.path.read_bytes()


def test_a_caller_owned_pool_is_used_and_left_running(tmp_path, always_pool):
    made = []

    def pool(workers):
        assert workers == 2
        made.append(pipeline.new_pool(workers))
        return made[-1]

    sources = [photo(tmp_path / f"p{o}.jpg", o) for o in (2, 5)]
    spec = (RenditionSpec(32, 32, crop=True),)
    try:
        results = render([RenditionRequest(s, spec) for s in sources], tmp_path / "c", 2, pool)
        assert len(made) == 1 and all(r.error is None for r in results)
        assert made[0].submit(os.getpid).result() != os.getpid()  # still usable
    finally:
        for executor in made:
            executor.shutdown()


def test_no_pool_for_a_single_image(tmp_path):
    def pool(workers):
        raise AssertionError("a pool was started for one image")

    source = photo(tmp_path / "p.jpg")
    [result] = render([RenditionRequest(source, (RenditionSpec(32, 32),))], tmp_path / "c", 4, pool)
    assert result.error is None


@pytest.mark.parametrize(
    ("method", "sources", "jobs", "pool"),
    [
        ("fork", 1, 2, False),
        ("fork", 2, 1, False),
        ("fork", 2, 2, True),
        ("spawn", 2, 2, False),  # starting interpreters costs more than two decodes
        ("spawn", 15, 2, False),
        ("spawn", 16, 2, True),
    ],
)
def test_when_a_pool_is_worth_it(monkeypatch, method, sources, jobs, pool):
    monkeypatch.setattr(pipeline, "_start_method", lambda: method)
    assert pipeline.worth_a_pool(sources, jobs) is pool


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"IMAGES_JOBS": -1}, "IMAGES_JOBS must be 0"),
        ({"IMAGES_JOBS": True}, "IMAGES_JOBS must be 0"),
        ({"IMAGES_FORMATS": ["webp"]}, "include 'jpeg'"),
        ({"IMAGES_FORMATS": "jpeg"}, "must be a list"),
        ({"IMAGES_FORMATS": ["jpeg", "gif"]}, "unknown format 'gif'"),
        ({"IMAGES_QUALITY": {"jpeg": 0}}, "IMAGES_QUALITY must map"),
        ({"IMAGES_QUALITY": {"png": 80}}, "IMAGES_QUALITY must map"),
        ({"IMAGES_OUTPUT_DIR": "../outside"}, "IMAGES_OUTPUT_DIR must be a folder"),
        ({"IMAGES_OUTPUT_DIR": ""}, "IMAGES_OUTPUT_DIR must be a folder"),
        ({"IMAGES_CACHE_PATH": 3}, "IMAGES_CACHE_PATH must be a folder"),
        ({"IMAGES_QUALTY": {}}, "did you mean IMAGES_QUALITY?"),
    ],
)
def test_bad_settings_are_explained(settings, message):
    with pytest.raises(SettingsError, match=message.replace("?", r"\?").replace("(", r"\(")):
        configure({"CACHE_PATH": "/tmp/c", **settings})


def test_a_format_this_pillow_cannot_write_is_refused(monkeypatch):
    monkeypatch.setattr(pipeline.features, "check", lambda name: name != "avif")
    with pytest.raises(SettingsError, match="this Pillow cannot write AVIF"):
        configure({"CACHE_PATH": "c", "IMAGES_FORMATS": ["avif", "webp", "jpeg"]})


def test_avif_when_pillow_has_it(tmp_path):
    if not pipeline.encoder_available("avif"):
        pytest.skip("this Pillow has no AVIF encoder")
    source = photo(tmp_path / "p.jpg", 6)
    [[rendition]] = only(
        render([RenditionRequest(source, (RenditionSpec(64, 64, format="avif"),))], tmp_path / "c")
    )
    with Image.open(rendition.path) as image:
        assert image.format == "AVIF" and image.size == (64, 48)
    assert_no_metadata(rendition.path)


def test_settings_defaults_and_resolution(tmp_path):
    merged = configure({"CACHE_PATH": str(tmp_path / "cache"), "IMAGES_QUALITY": {"webp": 70}})
    assert set(merged) == set(DEFAULTS)
    assert merged["IMAGES_CACHE_PATH"] == str(tmp_path / "cache" / "images")
    assert merged["IMAGES_QUALITY"] == {"jpeg": 82, "webp": 70, "avif": 60}
    assert merged["IMAGES_FORMATS"] == ("webp", "jpeg")
    assert configure({"CACHE_PATH": "x", "IMAGES_CACHE_PATH": str(tmp_path)})[
        "IMAGES_CACHE_PATH"
    ] == str(tmp_path)


def test_a_full_cache_disk_stops_with_the_cache_file_not_a_line_per_picture(tmp_path, monkeypatch):
    # it was one error per post ("content/posts/x.md: Cover ...: cannot be written as WEBP
    # ([Errno 28] ...)"), each naming the post, none the cache or its disk (probe 16, 7)
    sources = [photo(tmp_path / f"in{n}.jpg", 1) for n in range(2)]
    specs = (RenditionSpec(64, 64, format="webp"),)

    def full(target, data):  # what replacing() raises when write() finds no space
        with pipeline.files.replacing(target) as handle:
            handle.write(data[:4])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(pipeline.files, "write_atomically", full)
    with pytest.raises(OSError) as raised:
        render([RenditionRequest(s, specs) for s in sources], tmp_path / "cache")
    assert raised.value.errno == errno.ENOSPC
    assert Path(raised.value.filename).parent.parent.parent == tmp_path / "cache"
    assert pipeline.files.written(raised.value) == raised.value.filename


def _icon(path: Path, mode: str) -> Path:
    """A red dot on a background: transparent (palette with a transparent colour, RGBA, LA),
    or an alpha channel no pixel uses (RGBA-opaque)."""
    image = Image.new("RGBA", (40, 40), (0, 0, 0, 255 if mode == "RGBA-opaque" else 0))
    image.paste((220, 30, 30, 255), (10, 10, 30, 30))
    if mode == "P":
        image = image.convert("P", palette=Image.Palette.ADAPTIVE, colors=4)
        image.save(path, "PNG", transparency=image.getpixel((0, 0)))
    else:
        image.convert("LA" if mode == "LA" else "RGBA").save(path, "PNG")
    return path


@pytest.mark.parametrize(
    ("mode", "fallback"),
    [("P", "png"), ("RGBA", "png"), ("LA", "png"), ("RGBA-opaque", "jpg")],
)
def test_a_picture_with_transparency_gets_a_png_fallback(tmp_path, mode, fallback):
    # a transparent icon's "jpeg" rendition was flattened on white: a white square on a dark
    # page, while its WebP kept the transparency
    source = _icon(tmp_path / "dot.png", mode)
    specs = tuple(RenditionSpec(w, 100_000, format=f) for w in (20, 400) for f in ("webp", "jpeg"))
    [renditions] = only(render([RenditionRequest(source, specs)], tmp_path / "cache"))
    jpeg = [r for r in renditions if r.spec.format == "jpeg"]
    assert {r.path.suffix for r in jpeg} == {f".{fallback}"}
    assert {r.media_type for r in jpeg} == {"image/png" if fallback == "png" else "image/jpeg"}
    for rendition in renditions:
        with Image.open(rendition.path) as image:
            corner = image.convert("RGBA").getpixel((0, 0))
            assert corner[3] == (255 if mode == "RGBA-opaque" else 0), rendition.path
            assert "exif" not in image.info
    # found in the cache next time, as it was written
    again = render([RenditionRequest(source, specs)], tmp_path / "cache")
    assert again[0].rendered == 0 and again[0].renditions == renditions


@pytest.mark.parametrize("kept", [0, 300, -1])  # emptied, cut short, one byte short
def test_a_cached_rendition_not_whole_is_rendered_again_with_one_line(tmp_path, kept, caplog):
    # probe 22, 5: a rendition cut short in the cache (a crash before the disk had it, a cache
    # restored in part) was published as it was, under the URL a CDN may keep forever
    source = photo(tmp_path / "in.jpg", 1, size=(800, 600))
    specs = (RenditionSpec(400, 400, format="webp"), RenditionSpec(400, 400))
    [first] = render([RenditionRequest(source, specs)], tmp_path / "cache")
    webp = first.renditions[0].path
    whole = webp.read_bytes()
    webp.write_bytes(whole[:kept])
    with caplog.at_level("WARNING"):
        [again] = render([RenditionRequest(source, specs)], tmp_path / "cache")
    assert again.rendered == 1  # the JPEG was whole: reused
    assert again.renditions[0].path.read_bytes() == whole
    with Image.open(again.renditions[0].path) as image:
        image.load()  # decodes to the end
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 1
    assert lines[0].startswith(f"{webp} ({len(whole[:kept])} bytes): a cached rendition cut short")
    [third] = render([RenditionRequest(source, specs)], tmp_path / "cache")
    assert third.rendered == 0


def test_a_cached_clean_copy_not_whole_is_made_again(tmp_path, caplog):
    source = photo(tmp_path / "in.jpg", 6)  # turned: a clean copy is written again
    [before] = pipeline.clean_originals([source], tmp_path / "cache")
    whole = before.path.read_bytes()
    before.path.write_bytes(whole[:100])
    with caplog.at_level("WARNING"):
        [after] = pipeline.clean_originals([source], tmp_path / "cache")
    assert after.fresh and after.path.read_bytes() == whole
    [line] = [r.getMessage() for r in caplog.records]
    assert line.startswith(
        f"{before.path} (100 bytes): a cached clean copy of a published original"
    )
