"""The image pipeline: renditions of source images, rendered once and cached by content.

Pure logic: Pillow and the standard library only, never Pelican. One call renders a batch::

    results = render([RenditionRequest(source, (spec_96_webp, spec_96_jpeg))], cache_dir, jobs=2)

For each source image, in one decode: read the bytes, open them with Pillow, ask the JPEG
decoder for a reduced size when every rendition is much smaller than the original (draft mode),
apply the EXIF orientation (``ImageOps.exif_transpose``), then for each distinct geometry crop
and resize once (never enlarging) and encode each format. Nothing of the source's metadata is
written (no EXIF, no GPS, no XMP) except its ICC colour profile.

Cache: ``cache_dir/<sha[:2]>/<sha>/<spec key>-<width>x<height>.<ext>``, where ``sha`` is the
SHA-256 of the source bytes and the spec key a hash of everything that shapes the output
(geometry, format, quality, PIPELINE_VERSION). A rebuild with unchanged sources finds every
file and decodes nothing; a changed spec renders only the renditions it affects. Files are
written under a temporary name and renamed, so an interrupted build never leaves a half file.

Worker processes (``new_pool``) start only when at least two sources need decoding (sixteen
when they cannot be forked and must be spawned): see ``worth_a_pool``.
"""

from __future__ import annotations

import hashlib
import io
import os
import site
import sys
import tempfile
import threading
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from types import MappingProxyType

from PIL import Image, ImageOps, UnidentifiedImageError, features

# Bump when a change to this module changes the bytes it writes: every cached file is redone.
PIPELINE_VERSION = 1

FORMATS = MappingProxyType(
    {
        # format: (Pillow format name, file extension, media type)
        "jpeg": ("JPEG", "jpg", "image/jpeg"),
        "webp": ("WEBP", "webp", "image/webp"),
        "avif": ("AVIF", "avif", "image/avif"),
    }
)
DEFAULT_QUALITY = MappingProxyType({"jpeg": 82, "webp": 80, "avif": 60})
# libavif's speed (0 slowest .. 10 fastest): 8 writes files within 2 % of the default (6)'s size
# in a third to a quarter of the time (a 2400 px photo: 0.27 s instead of 0.67 s).
AVIF_SPEED = 8
_GPS_IFD = 0x8825
_EXT_TO_FORMAT = MappingProxyType({ext: fmt for fmt, (_, ext, _) in FORMATS.items()})
_ORIENTATION = 0x0112
_SWAPPING_ORIENTATIONS = frozenset({5, 6, 7, 8})  # rotated by 90°: width and height swap
_MAX_PIXELS = 120_000_000  # refuse decompression bombs with a message, not a MemoryError
# Below this many images to decode, a pool of spawned workers costs more than it saves.
SPAWN_POOL_MIN_SOURCES = 16
_TOO_LARGE = "is too large to process safely (more than 120 megapixels)"


def encoder_available(fmt: str) -> bool:
    """Whether this Pillow can write a format of FORMATS ("avif" needs a build with libavif)."""
    return features.check({"jpeg": "jpg"}.get(fmt, fmt)) is True


class ImageError(ValueError):
    """A source image cannot be rendered; the message says why, for a person to act on."""


@dataclass(frozen=True)
class RenditionSpec:
    """One output file: a size, a shape and an encoding.

    ``width`` x ``height`` is a box. With ``crop`` the output has exactly the box's aspect ratio
    (a centred crop of the source); without it, the source's aspect ratio is kept and the
    output fits inside the box. Either way the output is never larger than the source.
    """

    width: int
    height: int
    crop: bool = False
    format: str = "jpeg"
    quality: int | None = None

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise ValueError(f"unknown format {self.format!r}; use one of {', '.join(FORMATS)}")
        if self.width < 1 or self.height < 1:
            raise ValueError(f"a rendition needs a positive size, got {self.width}x{self.height}")

    @property
    def effective_quality(self) -> int:
        return self.quality if self.quality is not None else DEFAULT_QUALITY[self.format]

    @property
    def key(self) -> str:
        """A short, stable name for everything that shapes this rendition's bytes."""
        text = (
            f"v{PIPELINE_VERSION}|{self.width}x{self.height}|crop={self.crop}"
            f"|{self.format}|q={self.effective_quality}"
        )
        if self.format == "avif":  # only AVIF's encoder has a speed: other keys stay as they were
            text += f"|speed={AVIF_SPEED}"
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    @property
    def extension(self) -> str:
        return FORMATS[self.format][1]

    @property
    def media_type(self) -> str:
        return FORMATS[self.format][2]


@dataclass(frozen=True)
class RenditionRequest:
    """A source image and the renditions wanted from it."""

    source: Path
    specs: tuple[RenditionSpec, ...]


@dataclass(frozen=True)
class Rendition:
    """A rendered file in the cache."""

    spec: RenditionSpec
    path: Path
    width: int
    height: int
    digest: str  # SHA-256 of the source bytes

    @property
    def media_type(self) -> str:
        return self.spec.media_type


@dataclass(frozen=True)
class Result:
    """What became of one request: every rendition, in the order of its specs, or an error."""

    request: RenditionRequest
    renditions: tuple[Rendition, ...] = ()
    error: str | None = None
    rendered: int = 0  # how many renditions were made now rather than found in the cache


@dataclass
class _Work:
    """The renditions of one source that the cache does not have yet."""

    index: int
    source: Path
    digest: str
    specs: list[RenditionSpec] = field(default_factory=list)


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def entry_dir(cache_dir: Path, digest: str) -> Path:
    """The cache folder of one source's renditions."""
    return Path(cache_dir) / digest[:2] / digest


def _cached(folder: Path) -> dict[str, tuple[Path, int, int]]:
    """The renditions already in one source's cache folder: spec key -> (path, width, height)."""
    found: dict[str, tuple[Path, int, int]] = {}
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return found
    for name in names:
        stem, _, ext = name.rpartition(".")
        key, _, size = stem.partition("-")
        width, _, height = size.partition("x")
        if ext in _EXT_TO_FORMAT and width.isdigit() and height.isdigit():
            found[key] = (folder / name, int(width), int(height))
    return found


def fitted_size(
    source: tuple[int, int], spec: RenditionSpec
) -> tuple[tuple[int, int], tuple[float, float, float, float]]:
    """The output size for an (upright) source size, and the region of the source it shows.

    >>> fitted_size((800, 1000), RenditionSpec(96, 96, crop=True))
    ((96, 96), (0.0, 100.0, 800.0, 900.0))
    >>> fitted_size((60, 40), RenditionSpec(96, 96, crop=True))  # never enlarged
    ((40, 40), (10.0, 0.0, 50.0, 40.0))
    """
    src_w, src_h = source
    if spec.crop:
        box_ratio = spec.width / spec.height
        if src_w / src_h > box_ratio:  # wider than the box: trim the sides
            region_w, region_h = src_h * box_ratio, float(src_h)
        else:  # taller: trim top and bottom
            region_w, region_h = float(src_w), src_w / box_ratio
        left, top = (src_w - region_w) / 2, (src_h - region_h) / 2
        region = (left, top, left + region_w, top + region_h)
    else:
        region_w, region_h = float(src_w), float(src_h)
        region = (0.0, 0.0, region_w, region_h)
    scale = min(1.0, spec.width / region_w, spec.height / region_h)
    size = (max(1, round(region_w * scale)), max(1, round(region_h * scale)))
    return size, region


def has_location(path: Path) -> bool:
    """Whether an image file carries a GPS position in its EXIF (reads the header only).

    Unreadable files answer False: rendering them reports the problem.
    """
    try:
        with Image.open(path) as image:
            gps = image.getexif().get_ifd(_GPS_IFD)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False
    return any(key in gps for key in (1, 2, 3, 4))  # latitude/longitude and their references


RASTER_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp"})
_METADATA_KEYS = ("exif", "xmp", "XML:com.adobe.xmp", "comment", "Raw profile type exif")


def strip_metadata(path: Path) -> bool:
    """Rewrite an image without EXIF, GPS, XMP or comments; True when the file changed.

    For originals published as they are (images in static folders): the EXIF orientation is
    applied first so nothing turns sideways, the ICC colour profile is kept, and a file with no
    such metadata is left byte for byte as it was. The new file replaces the old by rename, so
    a hard or symbolic link to a source file never changes the source.
    """
    with Image.open(path) as image:
        fmt = image.format
        if not (len(image.getexif()) or any(key in image.info for key in _METADATA_KEYS)):
            return False
        icc = image.info.get("icc_profile")
        image.load()
        upright = ImageOps.exif_transpose(image)
    options: dict = {"icc_profile": icc} if icc else {}
    if fmt == "JPEG":
        options.update(quality=95, optimize=True, progressive=True)
    elif fmt == "WEBP":
        options.update(quality=95)
    elif fmt == "PNG":
        options.update(optimize=True)
    fresh = path.with_name(f".{path.name}.stripped")
    upright.info.pop("exif", None)
    upright.save(fresh, format=fmt, **options)
    os.replace(fresh, path)
    return True


def _open(data: bytes) -> Image.Image:
    """Open image bytes, with any failure turned into an ImageError that says what is wrong."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except UnidentifiedImageError:
        raise ImageError("is not an image this pipeline can read (use JPEG, PNG or WebP)") from None
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ImageError(_TOO_LARGE) from None
    if image.width * image.height > _MAX_PIXELS:
        raise ImageError(_TOO_LARGE)
    return image


def _decode(
    image: Image.Image, specs: Sequence[RenditionSpec]
) -> tuple[Image.Image, bytes, tuple[int, int]]:
    """Decode (reduced when possible) and orient; return the pixels, ICC profile, upright size.

    The upright size is the full source's, as the reader sees it; the pixels may be smaller
    (JPEG draft mode) but never smaller than the largest rendition needs.
    """
    orientation = image.getexif().get(_ORIENTATION, 1)
    swapped = orientation in _SWAPPING_ORIENTATIONS
    upright = (image.height, image.width) if swapped else image.size
    if image.format == "JPEG":
        # the largest fraction of the source any rendition keeps, as pixels per source pixel
        factor = max(
            size[0] / (region[2] - region[0])
            for size, region in (fitted_size(upright, spec) for spec in specs)
        )
        needed = (max(1, int(upright[0] * factor) + 1), max(1, int(upright[1] * factor) + 1))
        image.draft(
            image.mode if image.mode in ("RGB", "L") else None, needed[::-1] if swapped else needed
        )
    icc = image.info.get("icc_profile") or b""
    image.load()  # decode now: a truncated or corrupt file fails here, with a message
    image = ImageOps.exif_transpose(image)
    if image.mode == "CMYK":
        image, icc = image.convert("RGB"), b""  # a CMYK profile would be wrong for RGB pixels
    elif image.mode in ("P", "PA", "LA", "RGBa", "La"):
        has_alpha = image.mode != "P" or "transparency" in image.info
        image = image.convert("RGBA" if has_alpha else "RGB")
    elif image.mode not in ("RGB", "RGBA", "L"):
        image = image.convert("RGB")
    image.info = {}  # nothing of the source's metadata travels on, by accident or otherwise
    return image, icc, upright


def _encode(image: Image.Image, spec: RenditionSpec, icc: bytes, target: Path) -> None:
    """Write one rendition atomically (temporary file, then rename)."""
    if spec.format == "jpeg" and image.mode == "RGBA":
        flat = Image.new("RGB", image.size, (255, 255, 255))
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    options: dict[str, object] = {"quality": spec.effective_quality, "exif": b""}
    if icc:
        options["icc_profile"] = icc
    if spec.format == "jpeg":
        options.update(optimize=True, progressive=True)
    elif spec.format == "webp":
        options.update(method=5)
    elif spec.format == "avif":
        options.update(speed=AVIF_SPEED)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            image.save(handle, FORMATS[spec.format][0], **options)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def render_source(
    source: str, digest: str, specs: Sequence[RenditionSpec], cache_dir: str
) -> list[tuple[str, str, int, int]]:
    """Render some specs of one source into the cache, with one decode (a worker's job).

    Returns (spec key, cache path, width, height) per spec; raises ImageError for bad input.
    """
    try:
        data = Path(source).read_bytes()
    except OSError as exc:
        raise ImageError(f"cannot be read ({exc.strerror or exc})") from None
    if hashlib.sha256(data).hexdigest() != digest:
        raise ImageError("changed while the site was being built; build again")
    try:
        working, icc, upright = _decode(_open(data), specs)
    except ImageError:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise ImageError(f"cannot be decoded ({exc})") from None
    scale_x, scale_y = working.width / upright[0], working.height / upright[1]
    folder = entry_dir(Path(cache_dir), digest)
    folder.mkdir(parents=True, exist_ok=True)
    resized: dict[tuple[int, int, bool], Image.Image] = {}
    out = []
    for spec in specs:
        geometry = (spec.width, spec.height, spec.crop)
        if geometry not in resized:
            size, (left, top, right, bottom) = fitted_size(upright, spec)
            box = (left * scale_x, top * scale_y, right * scale_x, bottom * scale_y)
            resized[geometry] = working.resize(
                size, Image.Resampling.LANCZOS, box=box, reducing_gap=3.0
            )
        picture = resized[geometry]
        target = folder / f"{spec.key}-{picture.width}x{picture.height}.{spec.extension}"
        try:
            _encode(picture, spec, icc, target)
        except (OSError, ValueError) as exc:
            raise ImageError(f"cannot be written as {spec.format.upper()} ({exc})") from None
        out.append((spec.key, str(target), picture.width, picture.height))
    return out


def _start_method() -> str:
    """How workers start: "fork" (milliseconds) where that is safe, else "spawn".

    Forking copies the parent, which is only safe on Linux in a single-threaded process. A
    spawned worker starts a new interpreter and re-imports the main module (the pelican
    command imports all of Pelican: most of a second per worker).
    """
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return "spawn"


def worth_a_pool(sources: int, jobs: int) -> bool:
    """Whether spreading ``sources`` decodes over ``jobs`` processes beats doing them here."""
    if jobs < 2 or sources < 2:
        return False
    # spawned workers cost most of a second to start: only for batches that take longer
    return _start_method() == "fork" or sources >= SPAWN_POOL_MIN_SOURCES


def new_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool of ``jobs`` worker processes for ``render``."""
    # The plugin may have been imported from PLUGIN_PATHS rather than sys.path: give spawned
    # workers the folder that holds this module's top-level package.
    depth = len(__name__.split("."))
    root = str(Path(__file__).resolve().parents[depth - 1])
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=get_context(_start_method()),
        initializer=site.addsitedir,
        initargs=(root,),
    )


def render(
    requests: Sequence[RenditionRequest],
    cache_dir: Path,
    jobs: int = 1,
    pool: Callable[[int], Executor] | None = None,
    progress: Callable[[int, int], None] | None = None,
    pool_running: bool = False,
) -> list[Result]:
    """Make sure every requested rendition is in the cache; one Result per request, in order.

    Only sources with missing renditions are decoded. With ``jobs`` > 1 and enough sources to
    decode (``worth_a_pool``), the work is spread over worker processes: ``pool(n)`` (n: the
    workers this batch can use) supplies an executor that the caller owns and shuts down;
    without it, one is made for this call. ``progress(done, total)``, when given, is called
    after each source that needed decoding (total: how many did), for a progress line.
    ``pool_running``: the caller's pool has already started (an earlier batch of the same
    build), so using it costs nothing whatever the start method (a pool's own management
    thread makes the process multi-threaded, which would otherwise rule out forking).
    """
    cache_dir = Path(cache_dir)
    done: list[dict[str, Rendition]] = [{} for _ in requests]
    errors: dict[int, str] = {}
    work: list[_Work] = []
    for index, request in enumerate(requests):
        try:
            digest = sha256_file(request.source)
        except OSError as exc:
            errors[index] = f"cannot be read ({exc.strerror or exc})"
            continue
        cached = _cached(entry_dir(cache_dir, digest))
        missing = _Work(index, request.source, digest)
        for spec in request.specs:
            hit = cached.get(spec.key)
            if hit and hit[0].suffix == "." + spec.extension:
                done[index][spec.key] = Rendition(spec, hit[0], hit[1], hit[2], digest)
            elif spec not in missing.specs:
                missing.specs.append(spec)
        if missing.specs:
            work.append(missing)

    rendered: dict[int, int] = {}

    def collect(item: _Work, outcome: list[tuple[str, str, int, int]]) -> None:
        by_key = {spec.key: spec for spec in item.specs}
        for key, path, width, height in outcome:
            done[item.index][key] = Rendition(by_key[key], Path(path), width, height, item.digest)
        rendered[item.index] = len(outcome)

    finished = 0

    def advance() -> None:
        nonlocal finished
        finished += 1
        if progress is not None:
            progress(finished, len(work))

    if (pool_running and pool and jobs > 1 and len(work) > 1) or worth_a_pool(len(work), jobs):
        workers = min(jobs, len(work))
        executor = pool(workers) if pool else new_pool(workers)
        try:
            futures = [
                (
                    item,
                    executor.submit(
                        render_source, str(item.source), item.digest, item.specs, str(cache_dir)
                    ),
                )
                for item in work
            ]
            for item, future in futures:
                try:
                    collect(item, future.result())
                except ImageError as exc:
                    errors[item.index] = str(exc)
                except BrokenProcessPool:
                    errors[item.index] = "could not be processed: an image worker stopped"
                except Exception as exc:  # a bug, not bad input: still name the file
                    errors[item.index] = f"could not be processed ({type(exc).__name__}: {exc})"
                advance()
        finally:
            if not pool:
                executor.shutdown()
    else:
        for item in work:
            try:
                collect(
                    item, render_source(str(item.source), item.digest, item.specs, str(cache_dir))
                )
            except ImageError as exc:
                errors[item.index] = str(exc)
            except Exception as exc:  # a bug, not bad input: still name the file
                errors[item.index] = f"could not be processed ({type(exc).__name__}: {exc})"
            advance()

    results = []
    for index, request in enumerate(requests):
        if index in errors:
            results.append(Result(request, error=errors[index]))
        else:
            renditions = tuple(done[index][spec.key] for spec in request.specs)
            results.append(Result(request, renditions, rendered=rendered.get(index, 0)))
    return results
