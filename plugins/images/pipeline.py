"""The image pipeline: renditions of source images, rendered once and cached by content.

Pure logic: Pillow and the standard library only, never Pelican. One call renders a batch::

    results = render([RenditionRequest(source, (spec_96_webp, spec_96_jpeg))], cache_dir, jobs=2)

For each source image, in one decode: read the bytes, open them with Pillow, ask the JPEG
decoder for a reduced size when every rendition is much smaller than the original (draft mode),
apply the EXIF orientation (``ImageOps.exif_transpose``), then for each distinct geometry crop
and resize once (never enlarging) and encode each format. Nothing of the source's metadata is
written (no EXIF, no GPS, no XMP) except its ICC colour profile.

Cache: ``cache_dir/<sha[:2]>/<sha>/<spec key>-<width>x<height>-<bytes>.<ext>``, where ``sha``
is the SHA-256 of the source bytes (remembered between builds by ``Digests``), the spec key a
hash of everything that shapes the output (geometry, format, quality, ``CODE_IDENTITY``) and
``bytes`` the file's size as written. A rebuild with unchanged sources finds every file and
decodes nothing; a changed spec renders only the renditions it affects. Files are written
under a temporary name and renamed, so an interrupted build never leaves a half file; a file
whose size is not the one its name records (emptied by a crash before the disk had it, cut
short by a cache restored in part, truncated by hand) is never reused: it is rendered again,
with one line (``damaged``). Checking costs one ``stat`` per file (``os.scandir``). A cache
folder that cannot be written (read-only, or its disk full, from the start or during the
build): with an ``Overflow``, new files go to a temporary folder of the build's, with one line.

Worker processes (``new_pool``) start only when at least two sources need decoding (sixteen
when they cannot be forked and must be spawned): see ``worth_a_pool``.

Originals published as files of their own (static folders) go through ``clean_originals``:
a file with nothing but pixels and an ICC profile (``needs_cleaning``: allow-lists of JPEG
segments, PNG and WebP chunks, TIFF tags and Pillow's info keys) is published byte for byte;
an upright JPEG loses its other segments but keeps its compressed pixels; any other is
written again in its own format, upright, with only its ICC profile (HEIC/HEIF,
read with pillow-heif, becomes JPEG); a format outside ``_CLEAN_AS`` or a file that cannot be
decoded is an ImageError, and the caller does not publish it. Cached like renditions.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import os
import re
import shutil
import site
import sys
import tempfile
import threading
import time
import warnings
import weakref
from collections.abc import Callable, Sequence
from concurrent.futures import BrokenExecutor, Executor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import PIL
from PIL import Image, ImageOps, UnidentifiedImageError, features

from plugins.engine import files, heif

if TYPE_CHECKING:  # imported where a pool is made (new_pool): most builds make none
    from concurrent.futures import ProcessPoolExecutor

# HEIC/HEIF, what phones write: read through pillow-heif's Pillow plugin, handed to Pillow the
# first time a file is not identified without it (_open_quietly; engine/heif.py: why)
HEIF_VERSION = heif.version()


logger = logging.getLogger(__name__)


def code_identity(source: bytes, versions: Sequence[str]) -> str:
    """A short name for the code that writes the cache's files: this module and its libraries."""
    return hashlib.sha256(b"\0".join([source, *(v.encode() for v in versions)])).hexdigest()[:16]


# Part of every cache key: a change to this module (or a new Pillow, whose wheel brings its
# encoders, or pillow-heif) gives every file a new name, so no build finds a file the old code
# wrote, and every published rendition gets a new URL (a URL names one set of bytes, so a
# browser or CDN may keep it as long as it likes). The publish workflow keys its cache on the
# same things.
CODE_IDENTITY = code_identity(Path(__file__).read_bytes(), (PIL.__version__, HEIF_VERSION))

FORMATS = MappingProxyType(
    {
        # format: (Pillow format name, file extension, media type)
        "jpeg": ("JPEG", "jpg", "image/jpeg"),
        "webp": ("WEBP", "webp", "image/webp"),
        "avif": ("AVIF", "avif", "image/avif"),
    }
)
DEFAULT_QUALITY = MappingProxyType({"jpeg": 82, "webp": 80, "avif": 60})
# A picture with transparency (a logo, an icon on a transparent background) gets its "jpeg"
# rendition, the fallback, as PNG: JPEG has no alpha, and the icon would sit on a white
# square on a dark page. Decided from the decoded pixels (an alpha channel or a transparent
# palette colour that some pixel uses), never by the settings.
ALPHA_FALLBACK = ("PNG", "png", "image/png")
_MEDIA_TYPES = MappingProxyType(
    {ext: media for _, ext, media in (*FORMATS.values(), ALPHA_FALLBACK)}
)
# libavif's speed (0 slowest .. 10 fastest): 8 writes files within 2 % of the default (6)'s size
# in a third to a quarter of the time (a 2400 px photo: 0.27 s instead of 0.67 s).
AVIF_SPEED = 8
_GPS_IFD = 0x8825
_EXT_TO_FORMAT = MappingProxyType(
    {ext: fmt for fmt, (_, ext, _) in FORMATS.items()} | {ALPHA_FALLBACK[1]: "jpeg"}
)
_ORIENTATION = 0x0112
_SWAPPING_ORIENTATIONS = frozenset({5, 6, 7, 8})  # rotated by 90°: width and height swap
# Refuse decompression bombs with a message, not a MemoryError; the only limit (Pillow's own
# warning, at 89 megapixels, is silenced where images are opened).
_MAX_PIXELS = 120_000_000
# Below this many images to decode, a pool of spawned workers costs more than it saves.
SPAWN_POOL_MIN_SOURCES = 16


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
            f"{CODE_IDENTITY}|{self.width}x{self.height}|crop={self.crop}"
            f"|{self.format}|q={self.effective_quality}"
        )
        if self.format == "avif":  # only AVIF's encoder has a speed: other keys stay as they were
            text += f"|speed={AVIF_SPEED}"
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    @property
    def extension(self) -> str:
        return FORMATS[self.format][1]

    @property
    def extensions(self) -> tuple[str, ...]:
        """The extensions its file may have: a "jpeg" one is PNG for a picture with
        transparency (``ALPHA_FALLBACK``)."""
        if self.format == "jpeg":
            return (self.extension, ALPHA_FALLBACK[1])
        return (self.extension,)

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
        """The file's own: image/png for the fallback of a picture with transparency."""
        return _MEDIA_TYPES.get(self.path.suffix[1:], self.spec.media_type)

    @property
    def format(self) -> str:
        """The format the file is written in: the spec's, or "png" (``ALPHA_FALLBACK``)."""
        return "png" if self.path.suffix[1:] == ALPHA_FALLBACK[1] else self.spec.format


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

    @property
    def arguments(self) -> tuple[str, str, list[RenditionSpec]]:
        """``render_source``'s arguments but the folder to write in."""
        return str(self.source), self.digest, self.specs


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class Digests:
    """SHA-256 of source files, remembered by what ``os.stat`` says of each file.

    Every build looks up each photo's renditions by its digest: hashing 4 MB of phone photo
    takes about 4 ms, a library of 500 photos 2 s of every build. A file whose device, inode,
    size, modification time and change time (ctime) are all as they were has the same bytes:
    any write to it sets its ctime to now, and no tool can set a ctime back (``cp -p``,
    ``rsync -t`` and ``touch`` put a modification time back, which moves the ctime too). A
    file changed less than ``RECENT`` seconds before it was hashed is not remembered: a second
    write within the same clock tick could leave the same times behind (git treats "racily
    clean" files the same way). Kept in ``<cache>/digests.json``, the files this build looked
    up, saved by ``save``; with them, whether each digest's bytes carry a GPS position
    (``located``: reading a photo's header every build took 0.4 ms a photo).
    """

    RECENT = 2.0
    FILE = "digests.json"

    def __init__(self, cache_dir: Path) -> None:
        self._path = Path(cache_dir) / self.FILE
        self._known: dict[str, list] = {}
        self._used: dict[str, list] = {}
        self._located: dict[str, bool] = {}
        self._located_used: dict[str, bool] = {}
        try:
            loaded = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            loaded = {}
        if isinstance(loaded, dict) and loaded.get("version") == 1:
            self._known = {k: v for k, v in loaded.get("files", {}).items() if _an_entry(v)}
            located = loaded.get("located", {})
            if isinstance(located, dict):
                self._located = {k: v for k, v in located.items() if isinstance(v, bool)}

    def of(self, path: Path) -> str:
        """The SHA-256 of the file's bytes (raises OSError as reading it would)."""
        key = os.path.abspath(path)
        info = os.stat(key)
        stamp = [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]
        known = self._known.get(key)
        if known is not None and known[:5] == stamp:
            self._used[key] = known
            return known[5]
        digest = sha256_file(Path(key))
        if time.time_ns() - max(info.st_mtime_ns, info.st_ctime_ns) > self.RECENT * 1e9:
            self._used[key] = [*stamp, digest]
        return digest

    def located(self, path: Path) -> bool:
        """``has_location`` of the file, remembered by its digest (a file that cannot be
        read: asked of the file, which answers False)."""
        try:
            digest = self.of(path)
        except OSError:
            return has_location(path)
        found = self._located.get(digest)
        if found is None:
            found = has_location(path)
        self._located_used[digest] = found
        return found

    def save(self) -> None:
        """Write what this build looked up, if it differs from what was loaded."""
        if self._used == self._known and self._located_used == self._located:
            return
        data = json.dumps(
            {"version": 1, "files": self._used, "located": self._located_used},
            separators=(",", ":"),
        )
        with contextlib.suppress(OSError):  # a cache that cannot be written: hash next time
            self._path.parent.mkdir(parents=True, exist_ok=True)
            files.write_atomically(self._path, data)
        self._known = dict(self._used)
        self._located = dict(self._located_used)


def _an_entry(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 6
        and all(isinstance(v, int) for v in value[:5])
        and isinstance(value[5], str)
    )


def entry_dir(cache_dir: Path, digest: str) -> Path:
    """The cache folder of one source's renditions."""
    return Path(cache_dir) / digest[:2] / digest


def _whole(entry: os.DirEntry, size: str) -> bool:
    """Whether a cache file has the size its name records (``size``: its digits)."""
    try:
        return entry.stat().st_size == int(size)
    except OSError:  # gone since the listing
        return False


def _entries(folder: Path) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as listing:
            return [entry for entry in listing if not entry.name.startswith(".")]
    except (FileNotFoundError, NotADirectoryError):
        return []


def _cached(
    folder: Path,
) -> tuple[dict[str, tuple[Path, int, int]], dict[str, Path]]:
    """The renditions already in one source's cache folder: spec key -> (path, width, height);
    and apart, those whose file has not the size its name records: spec key -> path."""
    found: dict[str, tuple[Path, int, int]] = {}
    bad: dict[str, Path] = {}
    for entry in _entries(folder):
        stem, _, ext = entry.name.rpartition(".")
        key, _, rest = stem.partition("-")
        dimensions, _, size = rest.partition("-")
        width, _, height = dimensions.partition("x")
        if ext not in _EXT_TO_FORMAT or not (width.isdigit() and height.isdigit()):
            continue
        if not size.isdigit():
            continue  # an older layout's, whose key no spec has any more
        if _whole(entry, size):
            found[key] = (folder / entry.name, int(width), int(height))
        else:
            bad[key] = folder / entry.name
    return found, bad


def damaged(paths: Sequence[Path], what: str) -> str:
    """One line for cache files found damaged (and made again): the first, and how many."""
    first = paths[0]
    try:
        size = f" ({first.stat().st_size} bytes)"
    except OSError:
        size = ""
    more = f", and {len(paths) - 1} more" if len(paths) > 1 else ""
    return (
        f"{first}{size}{more}: a cached {what} cut short or emptied (a crash, a full disk, a "
        "cache restored in part); made again"
    )


def _discard(paths: Sequence[Path]) -> None:
    """Remove damaged cache files (a read-only cache keeps them: they are never reused)."""
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


class Overflow:
    """Where one build writes the cache files it makes when the cache folder cannot be written
    (a read-only mount, a folder of another user or checkout, a full cache disk): a temporary
    folder of its own, made on first need, with one warning naming the cache folder, and
    removed by ``close`` (or when the object goes). What the cache holds is still reused; what
    is made is published from the temporary folder and made again by the next build."""

    def __init__(self) -> None:
        self.folder: Path | None = None

    def writes(self, cache_dir: Path) -> Path:
        """The folder to write new files in: ``cache_dir``, or the temporary folder."""
        if self.folder is not None:
            return self.folder
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            tempfile.TemporaryFile(dir=cache_dir).close()  # a file with no name, if it can
        except OSError as exc:
            if exc.errno not in files.CANNOT_WRITE:
                raise
            return self._refused(cache_dir, exc)
        return cache_dir

    def instead(self, error: BaseException, cache_dir: Path) -> Path | None:
        """The temporary folder, when ``error`` is the cache's refusal to take a file (a disk
        that filled up during the build); None for any other error."""
        where = files.written(error)
        if where is None or Path(cache_dir) not in Path(where).parents:
            return None
        return self._refused(Path(cache_dir), error)

    def _refused(self, cache_dir: Path, error: OSError) -> Path:
        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="tessellate-images-"))
            weakref.finalize(self, shutil.rmtree, self.folder, True)
            logger.warning(
                "%s: %s; this build makes new images in a temporary folder (made again next "
                "build, until the cache can be written)",
                cache_dir,
                files.cannot_write(error, cache_dir),
            )
        return self.folder

    def close(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


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


_XMP_GPS = (b"GPSLatitude", b"GPSLongitude")  # exif: properties in an XMP packet


def has_location(path: Path) -> bool:
    """Whether an image file carries a GPS position in its EXIF or XMP (reads the header only).

    Unreadable files answer False: rendering them reports the problem.
    """
    try:
        with _open_quietly(path) as image:
            gps = image.getexif().get_ifd(_GPS_IFD)
            # editors (Lightroom, darktable) may write the position in XMP alone
            packets = [image.info.get(k) for k in ("xmp", "XML:com.adobe.xmp")]
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False
    if any(key in gps for key in (1, 2, 3, 4)):  # latitude/longitude and their references
        return True
    xmp = b"".join(p.encode() if isinstance(p, str) else p for p in packets if p)
    return any(name in xmp for name in _XMP_GPS)


# Originals published as files of their own (static folders): what is looked at, and how.
# Pillow opens more than these, but they are not pictures (video, scientific data, vector
# drawings) or only identified, never decoded: left alone, like any other file.
_NOT_PICTURES = frozenset(
    {".mpeg", ".mpg", ".h5", ".hdf", ".bufr", ".grib", ".fit", ".fits", ".eps", ".ps"}
    | {".emf", ".wmf"}
)
HEIF_SUFFIXES = frozenset({".heic", ".heif", ".heics", ".heifs", ".hif"})
# Pillow format of a source -> the format its clean copy is written in. HEIF becomes JPEG
# (browsers other than Safari cannot show it); a format missing here is never published.
_CLEAN_AS = MappingProxyType(
    {
        "JPEG": "JPEG",
        "MPO": "JPEG",  # a JPEG with more pictures appended (and their EXIF): the first one
        "PNG": "PNG",
        "WEBP": "WEBP",
        "AVIF": "AVIF",
        "TIFF": "TIFF",
        "GIF": "GIF",
        "BMP": "BMP",
        "ICO": "ICO",
        "HEIF": "JPEG",
    }
)
# Pillow's info keys that describe pixels, never the picture's place, time or author.
_PIXEL_INFO = frozenset(
    {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi", "progressive", "progression"}
    | {"adobe", "adobe_transform", "icc_profile", "transparency", "gamma", "srgb", "chromaticity"}
    | {"loop", "duration", "background", "version", "compression", "resolution", "aspect"}
    | {"interlace", "disposal", "blend", "default_image", "sizes", "timestamp"}
)
# What a clean copy keeps of them (Pillow's writers read these from the image itself).
_KEPT_INFO = frozenset({"transparency", "duration", "loop", "background", "disposal", "gamma"})
# JPEG segments that describe pixels: JFIF/JFXX, the ICC profile, Adobe's colour transform.
_JPEG_SEGMENTS = (("APP0", b"JFIF\x00"), ("APP0", b"JFXX\x00"), ("APP2", b"ICC_PROFILE\x00"))
_JPEG_SEGMENTS += (("APP14", b"Adobe"),)
_PNG_CHUNKS = frozenset(
    {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"cHRM", b"gAMA", b"iCCP", b"sBIT", b"sRGB"}
    | {b"cICP", b"bKGD", b"pHYs", b"hIST", b"acTL", b"fcTL", b"fdAT"}
)
_WEBP_CHUNKS = frozenset({b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF", b"ICCP"})
# Baseline TIFF tags that lay out pixels; anything else (EXIF and GPS IFDs, XMP, IPTC,
# Photoshop, description, camera, artist, dates, orientation) makes the file rewritten.
_TIFF_TAGS = frozenset(
    {254, 255, 256, 257, 258, 259, 262, 266, 273, 277, 278, 279, 280, 281, 282, 283, 284, 296}
    | {317, 318, 319, 320, 322, 323, 324, 325, 338, 339, 529, 530, 531, 532, 34675}
)
_METADATA_MARKERS = (b"Exif\x00\x00", b"<x:xmpmeta", b"http://ns.adobe.com/xap/1.0/")
_TRANSPOSE = MappingProxyType(
    {
        2: Image.Transpose.FLIP_LEFT_RIGHT,
        3: Image.Transpose.ROTATE_180,
        4: Image.Transpose.FLIP_TOP_BOTTOM,
        5: Image.Transpose.TRANSPOSE,
        6: Image.Transpose.ROTATE_270,
        7: Image.Transpose.TRANSVERSE,
        8: Image.Transpose.ROTATE_90,
    }
)
ORIGINAL_QUALITY = 95  # a published original re-encoded: as close to the source as is useful
_CLEAN_KEY = hashlib.sha256(f"{CODE_IDENTITY}|original".encode()).hexdigest()[:16]
# The cache's names for a source published as it is, and for its clean copy in its own format
_ALREADY_CLEAN, _SAME_FORMAT = "as-is", "same-format"
_JPEG_SUFFIXES = frozenset({"jpg", "jpeg", "jpe", "jfif"})


# Raw camera files: TIFF data with GPS like a TIFF, but rewriting one as a TIFF would publish
# a different file under the raw name; they are never published (an error says so).
RAW_SUFFIXES = frozenset(
    {".dng", ".cr2", ".cr3", ".nef", ".nrw", ".arw", ".srf", ".sr2", ".orf", ".rw2", ".raf", ".pef"}
    | {".srw", ".3fr", ".erf", ".kdc", ".dcr", ".mos", ".iiq", ".x3f", ".rwl"}
)
# ISO base media files that are pictures, by their ftyp brand (the rest are video: video.py)
PICTURE_BRANDS = frozenset(
    {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis"}
)
# What a site publishes that is text or a known non-picture: not opened to look (cheap).
_NOT_SNIFFED = frozenset(
    {".html", ".htm", ".xml", ".json", ".css", ".js", ".mjs", ".map", ".txt", ".svg", ".md"}
    | {".woff", ".woff2", ".ttf", ".otf", ".pdf", ".zip", ".gz", ".br", ".ico", ".webmanifest"}
    | {".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter", ".pagefind", ".wasm", ".csv"}
    | {".mp4", ".webm", ".mp3", ".ogg", ".wav", ".vtt", ".py", ".rst", ".yml", ".yaml", ".toml"}
)


def picture_by_content(head: bytes) -> bool:
    """Whether the first 16 bytes of a file are those of a picture that can carry a place
    (EXIF, XMP): JPEG, PNG, GIF, TIFF (and raw files built on it), WebP, HEIF/AVIF, JPEG 2000."""
    return (
        head.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a"))
        or head.startswith((b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"))  # TIFF, BigTIFF
        or (head.startswith(b"RIFF") and head[8:12] == b"WEBP")
        or (head[4:8] == b"ftyp" and head[8:12] in PICTURE_BRANDS)  # HEIF, AVIF: not video
        or head.startswith((b"\x00\x00\x00\x0cjP  ", b"\xff\x4f\xff\x51"))  # JPEG 2000
    )


def worth_sniffing(name: str) -> bool:
    """Whether a published file's name leaves open that it is a picture under another name
    (photo, IMG_1.jpg~, x.jpg_large, .IMG_2.jpg): no suffix of a known non-picture."""
    return os.path.splitext(name)[1].lower() not in _NOT_SNIFFED


def image_suffixes() -> frozenset[str]:
    """File extensions of the raster images that Pillow (with pillow-heif) opens."""
    registered = Image.registered_extensions()
    found = {ext for ext, fmt in registered.items() if fmt in Image.OPEN} | HEIF_SUFFIXES
    return frozenset(found - _NOT_PICTURES)


def _chunk_types(data: bytes, riff: bool) -> tuple[list[bytes], bool]:
    """The chunk types of a PNG or RIFF (WebP) file, and whether bytes follow the last one."""
    types, pos = [], 12 if riff else 8
    while pos + 8 <= len(data):
        if riff:  # type, little-endian size, data padded to an even length
            kind, size = data[pos : pos + 4], int.from_bytes(data[pos + 4 : pos + 8], "little")
            pos += 8 + size + (size & 1)
        else:  # big-endian size, type, data, CRC
            size, kind = int.from_bytes(data[pos : pos + 4], "big"), data[pos + 4 : pos + 8]
            pos += 12 + size
        types.append(kind)
        if kind == b"IEND":
            break
    return types, pos < len(data.rstrip(b"\x00"))


def needs_cleaning(data: bytes, image: Image.Image) -> bool:
    """Whether an image file carries anything beyond its pixels and colour profile.

    Looked at by allow-lists (what is known to describe pixels passes, anything else, known
    or not, makes the file rewritten): Pillow's view of the file, the JPEG segments, PNG and
    WebP chunks, TIFF tags, data after the end of the picture, and EXIF or XMP markers
    anywhere in the bytes.
    """
    if any(marker in data for marker in _METADATA_MARKERS):
        return True
    if image.format in ("MPO", "HEIF") or any(key not in _PIXEL_INFO for key in image.info):
        return True
    if image.format == "TIFF":
        tags = getattr(image, "tag_v2", {})
        return any(tag not in _TIFF_TAGS for tag in tags) or getattr(image, "n_frames", 1) > 1
    if len(image.getexif()):
        return True
    if image.format == "JPEG":
        known = all(
            any(name == marker and body.startswith(prefix) for name, prefix in _JPEG_SEGMENTS)
            for marker, body in image.applist
        )
        return not known or not data.rstrip(b"\x00").endswith(b"\xff\xd9")
    if image.format == "PNG":
        types, trailing = _chunk_types(data, riff=False)
        return trailing or any(kind not in _PNG_CHUNKS for kind in types)
    if image.format == "WEBP":
        types, trailing = _chunk_types(data, riff=True)
        return trailing or any(kind not in _WEBP_CHUNKS for kind in types)
    return False


def _jpeg_segments(data: bytes) -> list[tuple[int, int, int]] | None:
    """(marker, start, end) of each segment of a JPEG, from SOI to EOI; None when the file
    does not parse (then it is decoded and written again instead)."""
    if not data.startswith(b"\xff\xd8"):
        return None
    segments, pos, size = [(0xD8, 0, 2)], 2, len(data)
    while pos < size:
        if data[pos] != 0xFF:
            return None
        start = pos
        while pos < size and data[pos] == 0xFF:  # fill bytes before a marker
            pos += 1
        if pos >= size:
            return None
        marker, pos = data[pos], pos + 1
        if marker == 0xD9:  # EOI: whatever follows is not part of the picture
            segments.append((marker, start, pos))
            return segments
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # no length
            segments.append((marker, start, pos))
            continue
        end = pos + int.from_bytes(data[pos : pos + 2], "big")
        if marker == 0xDA:  # a scan: entropy-coded data runs to the next real marker
            end = data.find(b"\xff", end)
            while (
                end >= 0
                and end + 1 < size
                and (data[end + 1] == 0 or 0xD0 <= data[end + 1] <= 0xD7)
            ):
                end = data.find(b"\xff", end + 2)
            if end < 0:
                return None
        if end > size:
            return None
        segments.append((marker, start, end))
        pos = end
    return None


def _jpeg_without_metadata(data: bytes) -> bytes | None:
    """The JPEG with every segment but pixels, JFIF, ICC and Adobe's left out, and nothing
    after its end: the same compressed pixels, no quality lost. None when it does not parse."""
    segments = _jpeg_segments(data)
    if segments is None:
        return None
    kept = []
    for marker, start, end in segments:
        if 0xE0 <= marker <= 0xEF or marker == 0xFE:  # APPn, COM
            name, body = f"APP{marker - 0xE0}", data[start + 4 : end]
            if marker == 0xFE or not any(
                name == known and body.startswith(prefix) for known, prefix in _JPEG_SEGMENTS
            ):
                continue
        kept.append(data[start:end])
    return b"".join(kept)


def _orientation(image: Image.Image) -> int:
    """The EXIF orientation still to apply to a loaded image's pixels.

    Read after loading: Pillow's TIFF and pillow-heif's HEIF readers turn the pixels
    themselves and then drop the tag, the other readers leave both to the caller.
    """
    image.load()
    return image.getexif().get(_ORIENTATION, 1)


def _upright_frames(image: Image.Image) -> list[Image.Image]:
    """Every frame, turned as its orientation says, with nothing but pixel information."""
    turn = _TRANSPOSE.get(_orientation(image))
    frames = []
    for index in range(getattr(image, "n_frames", 1) if image.format != "MPO" else 1):
        image.seek(index)
        frame = image.copy()  # a plain image: no file object, no tags for a writer to copy
        if turn is not None:
            frame = frame.transpose(turn)
        frame.info = {k: v for k, v in image.info.items() if k in _KEPT_INFO}
        frames.append(frame)
    return frames


def _flatten(frame: Image.Image) -> Image.Image:
    """A frame in a mode JPEG can hold (transparency over white)."""
    if frame.mode in ("RGB", "L", "CMYK"):
        return frame
    if frame.mode in ("P", "PA", "LA", "RGBA", "RGBa", "La") and frame.has_transparency_data:
        rgba = frame.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return frame.convert("RGB")


def clean_original(data: bytes) -> tuple[bytes, str] | None:
    """A copy of an image file with nothing but its pixels and ICC profile, or None when the
    file has nothing else already; the copy's extension comes with it ("jpg" for HEIC).

    The EXIF orientation is applied; animations keep their frames and timing. Raises
    ImageError for a file that cannot be read, or a format this function cannot write.
    """
    try:
        image = _open(data)
        fmt = image.format or "unknown"
        if fmt not in _CLEAN_AS:
            raise ImageError(
                f"is a {fmt} image, which the image pipeline cannot clean of location data "
                "and other metadata"
            )
        if not needs_cleaning(data, image):
            return None
        if fmt == "JPEG" and image.getexif().get(_ORIENTATION, 1) == 1:
            # nothing to turn: leave the compressed pixels as they are
            lossless = _jpeg_without_metadata(data)
            if lossless is not None and not needs_cleaning(lossless, _open(lossless)):
                return lossless, ""
        icc = image.info.get("icc_profile")
        frames = _upright_frames(image)
    except ImageError:
        raise
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError) as exc:
        raise _undecodable(exc) from None
    target = _CLEAN_AS[fmt]
    try:
        return _write(frames, target, icc, data, image.info), "jpg" if fmt == "HEIF" else ""
    except (OSError, ValueError, KeyError) as exc:
        raise ImageError(f"cannot be written again as {target} ({exc})") from None


def _write(
    frames: list[Image.Image], target: str, icc: bytes | None, data: bytes, info: dict
) -> bytes:
    """Encode clean frames as the source's format (or JPEG), with only the ICC profile."""
    options: dict[str, Any] = {"icc_profile": icc} if icc else {}
    if target == "JPEG":
        frames = [_flatten(frames[0])]
        if frames[0].mode == "CMYK" and icc is None:
            options.pop("icc_profile", None)
        options.update(quality=ORIGINAL_QUALITY, optimize=True, progressive=True)
    elif target == "PNG":
        options.update(optimize=True)
    elif target == "WEBP":
        kinds = _chunk_types(data, riff=True)[0]
        if b"VP8L" in kinds and b"VP8 " not in kinds:  # a lossless source stays lossless
            options.update(lossless=True)
        else:
            options.update(quality=ORIGINAL_QUALITY)
    elif target == "AVIF":
        options.update(quality=90, speed=AVIF_SPEED)
    elif target == "TIFF":
        compression = info.get("compression")
        writable = ("raw", "tiff_lzw", "tiff_adobe_deflate", "packbits")
        options.update(compression=compression if compression in writable else "tiff_lzw")
        if "dpi" in info:
            options["dpi"] = info["dpi"]
    elif target == "ICO":
        options.update(sizes=list(info.get("sizes") or [frames[0].size]))
    if len(frames) > 1:
        options.update(save_all=True, append_images=frames[1:])
        durations = [frame.info.get("duration") for frame in frames]
        if all(d is not None for d in durations):
            options["duration"] = durations
    out = io.BytesIO()
    frames[0].save(out, target, **options)
    return out.getvalue()


def strip_metadata(path: Path) -> bool:
    """Rewrite an image file in place without its metadata; True when the file changed.

    For a file in its own format only (HEIC is converted by ``clean_originals``). The new
    file replaces the old by rename, so a hard or symbolic link to a source never changes it.
    """
    cleaned = clean_original(Path(path).read_bytes())
    if cleaned is None:
        return False
    files.write_atomically(path, cleaned[0])
    return True


@dataclass(frozen=True)
class Cleaned:
    """What became of one original: a clean copy in the cache, nothing to do, or an error.

    ``path`` is None when the source is clean as it is; ``extension`` is the clean copy's
    when its format differs from the source's (HEIC published as "jpg"), else "".
    """

    source: Path
    path: Path | None = None
    extension: str = ""
    error: str | None = None
    fresh: bool = False  # made now rather than found in the cache
    record: Path | None = None  # the cache file holding this answer (retention keeps it)


def _clean_cached(folder: Path, broken: list[Path]) -> Path | None:
    """The cache's answer for one source, if it has a whole one (``clean-<key>-<bytes>.<ext>``:
    one whose size is not the one in its name is added to ``broken``)."""
    prefix = f"clean-{_CLEAN_KEY}-"
    for entry in _entries(folder):
        if entry.name.startswith(prefix):
            size = entry.name[len(prefix) :].partition(".")[0]
            if size.isdigit() and _whole(entry, size):
                return folder / entry.name
            broken.append(folder / entry.name)
    return None


def _read_unchanged(source: str, digest: str) -> bytes:
    """The bytes of a source, provided they are still the ones the build planned with."""
    try:
        data = Path(source).read_bytes()
    except OSError as exc:
        raise ImageError(f"cannot be read ({exc.strerror or exc})") from None
    if hashlib.sha256(data).hexdigest() != digest:
        raise ImageError("changed while the site was being built; build again")
    return data


def clean_source(source: str, digest: str, cache_dir: str) -> str:
    """Clean one original into the cache (a worker's job); return the cache file's path."""
    data = _read_unchanged(source, digest)
    cleaned = clean_original(data)
    folder = entry_dir(Path(cache_dir), digest)
    folder.mkdir(parents=True, exist_ok=True)
    # the cache is shared by sources with the same bytes and different names (x.jpg, x.jfif)
    ext = _ALREADY_CLEAN if cleaned is None else cleaned[1] or _SAME_FORMAT
    data = b"" if cleaned is None else cleaned[0]
    target = folder / f"clean-{_CLEAN_KEY}-{len(data)}.{ext}"  # its size: see _clean_cached
    files.write_atomically(target, data)
    return str(target)


def _cleaned(source: Path, cached: Path, fresh: bool) -> Cleaned:
    ext = cached.suffix.lstrip(".")
    if ext == _ALREADY_CLEAN:
        return Cleaned(source, fresh=fresh, record=cached)
    suffix = source.suffix.lstrip(".").lower()
    # a HEIC file named .jpeg (or .jpg, .jfif) is made a JPEG under the name it has
    same = ext in (_SAME_FORMAT, suffix) or (ext == "jpg" and suffix in _JPEG_SUFFIXES)
    return Cleaned(source, cached, "" if same else ext, fresh=fresh, record=cached)


def clean_originals(
    sources: Sequence[Path],
    cache_dir: Path,
    jobs: int = 1,
    pool: Callable[[int], Executor] | None = None,
    pool_running: bool = False,
    digest_of: Callable[[Path], str] = sha256_file,
    overflow: Overflow | None = None,
) -> list[Cleaned]:
    """Clean copies of image files published as they are, one Cleaned per source, in order.

    Cached by the SHA-256 of the source bytes (an unchanged rebuild decodes nothing), spread
    over worker processes like ``render`` (same ``pool``, ``pool_running``, ``digest_of`` and
    ``overflow`` arguments).
    """
    cache_dir = Path(cache_dir)
    spare = overflow.folder if overflow else None
    results: list[Cleaned | None] = [None] * len(sources)
    work: list[tuple[int, str]] = []
    broken: list[Path] = []  # clean copies not whole: made again
    for index, source in enumerate(sources):
        source = Path(source)
        try:
            digest = digest_of(source)
        except OSError as exc:
            results[index] = Cleaned(source, error=f"cannot be read ({exc.strerror or exc})")
            continue
        hit = _clean_cached(entry_dir(cache_dir, digest), broken)
        if hit is None and spare is not None:
            hit = _clean_cached(entry_dir(spare, digest), [])
        if hit is not None:
            results[index] = _cleaned(source, hit, fresh=False)
        else:
            work.append((index, digest))
    if broken:
        logger.warning("%s", damaged(broken, "clean copy of a published original"))
        _discard(broken)
    writes = str(overflow.writes(cache_dir) if overflow and work else cache_dir)

    def finish(index: int, digest: str, call: Callable[[], str]) -> None:
        source = Path(sources[index])
        try:
            results[index] = _cleaned(source, Path(call()), fresh=True)
        except ImageError as exc:
            results[index] = Cleaned(source, error=str(exc))
        except BrokenExecutor:  # the pool's BrokenProcessPool: a worker process stopped
            results[index] = Cleaned(source, error="could not be processed: a worker stopped")
        except Exception as exc:  # a bug, not bad input: still name the file
            spare = overflow.instead(exc, cache_dir) if overflow else None
            if spare is not None:  # the cache's disk filled up: in the overflow's folder
                finish(index, digest, lambda: clean_source(str(source), digest, str(spare)))
            elif files.written(exc):  # the cache's disk is full: one line for the build
                raise
            else:
                results[index] = Cleaned(
                    source, error=f"could not be processed ({type(exc).__name__}: {exc})"
                )

    if (pool_running and pool and jobs > 1 and len(work) > 1) or worth_a_pool(len(work), jobs):
        workers = min(jobs, len(work))
        executor = pool(workers) if pool else new_pool(workers)
        try:
            futures = [
                (i, d, executor.submit(clean_source, str(sources[i]), d, writes)) for i, d in work
            ]
            for index, digest, future in futures:
                finish(index, digest, future.result)
        finally:
            if not pool:
                executor.shutdown()
    else:
        for index, digest in work:
            now = str(overflow.folder) if overflow and overflow.folder else writes
            finish(
                index,
                digest,
                lambda s=str(sources[index]), d=digest, w=now: clean_source(s, d, w),
            )
    return [r for r in results if r is not None]


def _too_large(width: int, height: int) -> ImageError:
    return ImageError(
        f"is {width}x{height} pixels ({width * height / 1e6:.0f} megapixels), more than the "
        f"{_MAX_PIXELS // 1_000_000} megapixels this pipeline processes safely; "
        "publish a smaller copy"
    )


def _open_quietly(source: Path | io.BytesIO) -> Image.Image:
    """Image.open without Pillow's warning from 89 megapixels: the limit here is _MAX_PIXELS,
    said in a line naming the file (the warning named none, in the terminal only); a file
    Pillow does not identify is tried again once pillow-heif's reader is loaded."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            return Image.open(source)
        except UnidentifiedImageError:
            if not heif.newly_registered():  # HEIF was readable already, or cannot be
                raise
            return Image.open(source)


_NOT_WHOLE = "it was not copied whole (an upload or a sync that did not finish); copy it again"
# what a browser saves when "Save as" meets a page (an error page, a share page), not the photo
_WEB_PAGE = (b"<!doctype html", b"<html", b"<head", b"<!--")


def _undecodable(exc: Exception) -> ImageError:
    """The error for pixels Pillow cannot decode; a file cut short says how it happens."""
    if "truncated" in str(exc).lower():
        return ImageError(f"is cut short (the file ends before its pixels do): {_NOT_WHOLE}")
    return ImageError(f"cannot be decoded ({exc})")


def _open(data: bytes) -> Image.Image:
    """Open image bytes, with any failure turned into an ImageError that says what is wrong."""
    if not data:
        raise ImageError(f"is an empty file (0 bytes): {_NOT_WHOLE}")
    try:
        image = _open_quietly(io.BytesIO(data))
    except UnidentifiedImageError:
        if data.lstrip()[:20].lower().startswith(_WEB_PAGE):
            raise ImageError(
                "is a web page (HTML), not an image: the browser saved the page the photo was "
                "on; save or download the photo itself"
            ) from None
        raise ImageError(
            "is not an image this pipeline can read (use JPEG, PNG, WebP, AVIF, HEIC, TIFF or GIF)"
        ) from None
    except Image.DecompressionBombError as exc:
        # only past twice Pillow's own limit, far beyond ours; its message carries the size
        pixels = re.search(r"\((\d+) pixels\)", str(exc))
        size = f"{int(pixels.group(1)) / 1e6:.0f} megapixels, " if pixels else ""
        raise ImageError(
            f"is {size}more than the {_MAX_PIXELS // 1_000_000} megapixels this pipeline "
            "processes safely; publish a smaller copy"
        ) from None
    if image.width * image.height > _MAX_PIXELS:
        raise _too_large(image.width, image.height)
    return image


def _decode(
    image: Image.Image, specs: Sequence[RenditionSpec]
) -> tuple[Image.Image, bytes, tuple[int, int]]:
    """Decode (reduced when possible) and orient; return the pixels, ICC profile, upright size.

    The upright size is the full source's, as the reader sees it; the pixels may be smaller
    (JPEG draft mode) but never smaller than the largest rendition needs.
    """
    if image.format == "JPEG":
        # before decoding, for draft mode: JPEG's reader never turns the pixels itself
        orientation = image.getexif().get(_ORIENTATION, 1)
        swapped = orientation in _SWAPPING_ORIENTATIONS
        upright = (image.height, image.width) if swapped else image.size
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
    if image.format != "JPEG":
        swapped = _orientation(image) in _SWAPPING_ORIENTATIONS
        upright = (image.height, image.width) if swapped else image.size
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


def transparent(image: Image.Image) -> bool:
    """Whether decoded pixels (``_decode``'s: RGB, RGBA or L) show anything through: some
    pixel not wholly opaque. A PNG saved with an alpha channel it never uses is opaque."""
    return image.mode == "RGBA" and image.getchannel("A").getextrema()[0] < 255


def _encode(image: Image.Image, spec: RenditionSpec, icc: bytes, alpha: bool = False) -> bytes:
    """One rendition's bytes; with ``alpha`` a "jpeg" one is written as PNG, keeping the
    transparency (``ALPHA_FALLBACK``)."""
    out = io.BytesIO()
    if spec.format == "jpeg" and alpha:
        options = {"optimize": True, "icc_profile": icc} if icc else {"optimize": True}
        image.save(out, ALPHA_FALLBACK[0], **options)
        return out.getvalue()
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
    image.save(out, FORMATS[spec.format][0], **options)
    return out.getvalue()


def render_source(
    source: str, digest: str, specs: Sequence[RenditionSpec], cache_dir: str
) -> list[tuple[str, str, int, int]]:
    """Render some specs of one source into the cache, with one decode (a worker's job).

    Returns (spec key, cache path, width, height) per spec; raises ImageError for bad input.
    """
    data = _read_unchanged(source, digest)
    try:
        working, icc, upright = _decode(_open(data), specs)
    except ImageError:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise _undecodable(exc) from None
    scale_x, scale_y = working.width / upright[0], working.height / upright[1]
    folder = entry_dir(Path(cache_dir), digest)
    folder.mkdir(parents=True, exist_ok=True)
    resized: dict[tuple[int, int, bool], Image.Image] = {}
    alpha = transparent(working)  # the fallback is PNG then, at every width
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
        ext = spec.extensions[-1] if alpha else spec.extension
        try:
            data = _encode(picture, spec, icc, alpha)
        except (OSError, ValueError) as exc:
            raise ImageError(f"cannot be written as {spec.format.upper()} ({exc})") from None
        # its size in its name: a file found later with another size is not reused (_cached)
        target = folder / f"{spec.key}-{picture.width}x{picture.height}-{len(data)}.{ext}"
        files.write_atomically(target, data)  # a full or read-only disk: not this picture's fault
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


def forked_pool() -> bool:
    """Whether a pool made now forks its workers (milliseconds to make again)."""
    return _start_method() == "fork"


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
    from concurrent.futures import ProcessPoolExecutor  # 7 modules, about 2.4 ms: for a pool only

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
    digest_of: Callable[[Path], str] = sha256_file,
    overflow: Overflow | None = None,
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
    ``digest_of(path)``: the SHA-256 of a source's bytes (``Digests.of`` remembers them
    between builds; the default hashes every time). ``overflow``: where to write when the
    cache folder cannot be written (without it, the error is raised with the file's name).
    """
    cache_dir = Path(cache_dir)
    spare = overflow.folder if overflow else None  # files this build made there already
    done: list[dict[str, Rendition]] = [{} for _ in requests]
    errors: dict[int, str] = {}
    work: list[_Work] = []
    broken: list[Path] = []  # cache files not whole: made again
    for index, request in enumerate(requests):
        try:
            digest = digest_of(request.source)
        except OSError as exc:
            errors[index] = f"cannot be read ({exc.strerror or exc})"
            continue
        cached, bad = _cached(entry_dir(cache_dir, digest))
        if spare is not None:
            cached.update(_cached(entry_dir(spare, digest))[0])
        missing = _Work(index, request.source, digest)
        for spec in request.specs:
            hit = cached.get(spec.key)
            if hit and hit[0].suffix[1:] in spec.extensions:
                done[index][spec.key] = Rendition(spec, hit[0], hit[1], hit[2], digest)
            elif spec not in missing.specs:
                missing.specs.append(spec)
                if spec.key in bad:
                    broken.append(bad[spec.key])
        if missing.specs:
            work.append(missing)
    if broken:
        logger.warning("%s", damaged(broken, "rendition"))
        _discard(broken)
    writes = str(overflow.writes(cache_dir) if overflow and work else cache_dir)

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

    def settle(item: _Work, outcome: Callable[[], list[tuple[str, str, int, int]]]) -> None:
        """Collect one source's renditions, or its error. A cache that cannot take them (its
        disk filled up during the build): made again in the overflow's folder."""
        try:
            collect(item, outcome())
        except ImageError as exc:
            errors[item.index] = str(exc)
        except BrokenExecutor:  # the pool's BrokenProcessPool: a worker process stopped
            errors[item.index] = "could not be processed: an image worker stopped"
        except Exception as exc:  # a bug, not bad input: still name the file
            spare = overflow.instead(exc, cache_dir) if overflow else None
            if spare is not None:
                settle(item, lambda: render_source(*item.arguments, str(spare)))
            elif files.written(exc):  # the cache's disk is full: one line for the build
                raise
            else:
                errors[item.index] = f"could not be processed ({type(exc).__name__}: {exc})"

    if (pool_running and pool and jobs > 1 and len(work) > 1) or worth_a_pool(len(work), jobs):
        workers = min(jobs, len(work))
        executor = pool(workers) if pool else new_pool(workers)
        try:
            futures = [
                (item, executor.submit(render_source, *item.arguments, writes)) for item in work
            ]
            for item, future in futures:
                settle(item, future.result)
                advance()
        finally:
            if not pool:
                executor.shutdown()
    else:
        for item in work:
            # the overflow's folder once the cache has refused a file
            now = str(overflow.folder) if overflow and overflow.folder else writes
            settle(item, lambda item=item, now=now: render_source(*item.arguments, now))
            advance()

    results = []
    for index, request in enumerate(requests):
        if index in errors:
            results.append(Result(request, error=errors[index]))
        else:
            renditions = tuple(done[index][spec.key] for spec in request.specs)
            results.append(Result(request, renditions, rendered=rendered.get(index, 0)))
    return results
