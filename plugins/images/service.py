"""The images plugin's face to other plugins: ask for pictures, get what templates print.

A plugin (team headshots now, galleries later) calls, during its generate_context work::

    from images import service            # the images plugin, as Pelican loaded it
    pictures = service.for_build(generator.context).pictures([
        PictureRequest(source=path, label="content/team/photos/maya.jpg",
                       name="team/maya-okafor", widths=(96, 288), square=True),
    ])

and gets one ``Picture`` (or None, after an error was logged naming the file) per request.
The renditions are rendered through the pipeline (or found in its cache) and copied into the
output folder at once: Pelican empties output/ before any generator builds its context.

One ``ImageBuild`` exists per build, in the generator context (never in a module global), so
every plugin shares one pool of worker processes; the images plugin shuts it down once all
generators have built their context.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shlex
import shutil
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from plugins.engine import files

from . import damage, retention
from .pipeline import (
    FORMATS as FORMATS,  # re-exported: galleries uses it
)
from .pipeline import (
    HEIF_SUFFIXES as HEIF_SUFFIXES,  # re-exported: galleries uses it
)
from .pipeline import (
    Cleaned,
    Digests,
    Overflow,
    RenditionRequest,
    RenditionSpec,
    clean_originals,
    forked_pool,
    new_pool,
    render,
)
from .pipeline import (
    encoder_available as encoder_available,  # re-exported: galleries uses it
)
from .pipeline import (
    has_location as has_location,  # re-exported: galleries uses it
)

# Other plugins import this module only, never the pipeline behind it: what they need of the
# pipeline is re-exported above.

logger = logging.getLogger(__name__)

CONTEXT_KEY = "images_build"
# Image work longer than this (seconds) gets a progress line, then one every as many seconds.
PROGRESS_EVERY = 2.0


@dataclass(frozen=True)
class PictureRequest:
    """Renditions of one source image at some widths, in every configured format.

    ``name`` is the output name without extension, e.g. "team/maya-okafor"; ``label`` is
    how messages name the source (content/team/photos/maya.jpg). With ``square`` each width
    is a centred square crop; otherwise the image keeps its shape and fits the width.
    ``formats`` (best first, "jpeg" included) overrides the build's IMAGES_FORMATS for this
    picture, e.g. galleries add "avif"; the caller checks the encoders (``encoder_available``).
    """

    source: Path
    label: str
    name: str
    widths: tuple[int, ...]
    square: bool = False
    formats: tuple[str, ...] | None = None
    # a set of photos a GPS notice names in one line (a gallery's folder, as messages name
    # it: content/galleries/trip/); "" for a photo named on its own
    group: str = ""


# how many photos of a set a GPS notice names before "and N more"
LOCATED_NAMED = 3


def location_lines(located: Mapping[str, Sequence[str]]) -> list[str]:
    """The build's GPS notices: one line per photo, or one per set of photos (``located``:
    a set's label, or a photo's own, -> the labels of its photos that carry a position),
    counting them and naming the first few, with the command that removes the position."""
    lines = []
    for group, labels in sorted(located.items()):
        command = f"exiftool -overwrite_original -gps:all= -xmp:all= {shlex.quote(group)}"
        if len(labels) == 1 and labels[0] == group:
            said = f"{group}: carries a GPS position; the published copies have it removed"
            lines.append(
                f"{said}, but the file in content/ keeps it (remove it there too, leaving no "
                f"backup: {command})"
            )
            continue
        names = sorted(label.removeprefix(group) for label in labels)
        count = f"{len(names)} photos carry" if len(names) > 1 else "1 photo carries"
        lines.append(
            f"{group}: {count} a GPS position ({_listed(names)}); the published copies have it "
            f"removed, but the files in content/ keep it (remove it there too, leaving no "
            f"backup: {command})"
        )
    return lines


def _listed(names: Sequence[str]) -> str:
    """The first few names, and how many more."""
    more = len(names) - LOCATED_NAMED
    return ", ".join(names[:LOCATED_NAMED]) + (f" and {more} more" if more > 0 else "")


# exiftool run without -overwrite_original renames the file it changes to NAME_original: the
# photo as it was, GPS position and all, which Pelican published (cleaned, under a name no
# reader can use)
_BACKUP = re.compile(r".+\.[^.]+_original\Z")


def is_backup(name: str) -> bool:
    """Whether a file name is exiftool's backup of a file it changed (``photo.jpg_original``)."""
    return bool(_BACKUP.fullmatch(name))


def backup_line(folder: str, names: Sequence[str]) -> str:
    """The one line for a folder's exiftool backups (``folder``: its label, ending in /)."""
    names = sorted(names)
    which = f"{len(names)} backups" if len(names) > 1 else "1 backup"
    return (
        f"{folder}: {which} exiftool made ({_listed(names)}) not published: each is a file as it "
        "was before exiftool changed it (GPS position included); delete them (exiftool "
        "-overwrite_original makes none)"
    )


@dataclass(frozen=True)
class Candidate:
    """One file of a picture: its site path (no leading slash) and pixel size."""

    url: str
    width: int
    height: int


@dataclass(frozen=True)
class PictureSource:
    """The files of one format, smallest first (a srcset)."""

    format: str
    media_type: str
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True)
class Picture:
    """What a template needs for ``<picture>``: modern formats, then the fallback: JPEG, or
    PNG for a picture with transparency (an icon keeps its transparent background)."""

    sources: tuple[PictureSource, ...]  # best first, without the fallback
    fallback: PictureSource  # JPEG (PNG for a picture with transparency)

    @property
    def url(self) -> str:
        """The largest fallback (JPEG, or PNG): for JSON-LD, og:image and templates that want
        one URL."""
        return self.fallback.candidates[-1].url

    @property
    def width(self) -> int:
        return self.fallback.candidates[-1].width

    @property
    def height(self) -> int:
        return self.fallback.candidates[-1].height


class ImageBuild:
    """One build's image work: renders, copies into output/, shares one worker pool."""

    def __init__(self, settings: Mapping[str, Any]) -> None:
        self.cache_dir = Path(settings["IMAGES_CACHE_PATH"])
        self.output_path = Path(settings["OUTPUT_PATH"])
        self.output_dir = settings["IMAGES_OUTPUT_DIR"]
        self.formats: tuple[str, ...] = tuple(settings["IMAGES_FORMATS"])
        self.quality: dict[str, int] = dict(settings["IMAGES_QUALITY"])
        self.jobs = settings["IMAGES_JOBS"] or os.cpu_count() or 1
        self._pool: Executor | None = None
        self._pool_forked = False
        self._digests = Digests(self.cache_dir)
        # a cache folder that cannot be written: this build's new files go to a temporary one
        # (kept until the build is over: published originals are copied from it at the end)
        self.overflow = Overflow()
        self.seconds = 0.0  # time spent in image work during this build
        self.rendered = 0
        self.reused = 0
        self.cleaned = 0  # originals cleaned now (not found in the cache)
        self._reported: set[str] = set()  # sources whose error was logged in this build
        self.used: set[Path] = set()  # cache files this build used (retention.mark_used)
        # every source a picture was asked of (covers, team, galleries), by its real path:
        # the build uses these files though no generator copies them (blogcore's unpublished)
        self.sources: set[str] = set()
        # the renditions this build put in output/ (relative to it): an incremental build
        # removes an earlier build's that are not among them (phases.files_written)
        self.published: set[str] = set()
        # every published source looked at for a GPS position, by its real path, and those
        # that carry one, by set (location_lines): each named once, whoever shows it
        self._looked: set[str] = set()
        self.located: dict[str, list[str]] = {}
        # files are named from the content folder's parent, as staff know them
        self._project = os.path.dirname(os.path.abspath(settings.get("PATH") or os.curdir))

    def note_location(self, source: str | os.PathLike, group: str = "") -> None:
        """Remember a published source that carries a GPS position, once per build, for the
        build's GPS notices (``location_lines``), in ``group`` or on its own."""
        key = os.path.realpath(source)
        if key in self._looked:
            return
        self._looked.add(key)
        if self._digests.located(Path(source)):
            label = os.path.relpath(os.path.abspath(source), self._project).replace(os.sep, "/")
            self.located.setdefault(group or label, []).append(label)

    def report(self, source: str | os.PathLike, line: str) -> None:
        """Log an error about one source file once per build, whichever step meets it first
        (a photo a post shows that also sits in a static folder is met twice)."""
        key = os.path.realpath(source)
        if key not in self._reported:
            self._reported.add(key)
            logger.error("%s", line)

    def _get_pool(self, workers: int) -> Executor:
        """The build's worker pool, started on first need (sized for that first batch)."""
        if self._pool is None:
            self._pool_forked = forked_pool()
            self._pool = new_pool(min(self.jobs, workers))
        return self._pool

    def _batch_done(self) -> None:
        """A pool of forked workers goes with its batch: its own threads (the executor's
        manager, its queue's feeder) would be alive at the build's next fork (reading and
        rendering workers, related posts' scorer), and one is made again in milliseconds. A
        pool of spawned workers (most of a second each to start) stays for the next batch."""
        if self._pool is not None and self._pool_forked:
            self._pool.shutdown()
            self._pool = None

    def close(self) -> None:
        """Stop the worker processes, if any were started; remember the sources' digests and
        mark the cache files used (kept by ``retention.prune``)."""
        self._digests.save()
        retention.mark_used(self.used)
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def _specs(self, request: PictureRequest) -> tuple[RenditionSpec, ...]:
        return tuple(
            RenditionSpec(
                width,
                width if request.square else 100_000,
                crop=request.square,
                format=fmt,
                quality=self.quality[fmt],
            )
            for width in request.widths
            for fmt in request.formats or self.formats
        )

    def pictures(self, requests: Sequence[PictureRequest]) -> list[Picture | None]:
        """A Picture per request, or None (with an error logged) when its source is bad."""
        if not requests:
            return []
        self.sources.update(os.path.realpath(r.source) for r in requests)
        started = time.perf_counter()
        results = render(
            [RenditionRequest(r.source, self._specs(r)) for r in requests],
            self.cache_dir,
            jobs=self.jobs,
            pool=self._get_pool,
            progress=_Progress(started),
            pool_running=self._pool is not None,
            digest_of=self._digests.of,
            overflow=self.overflow,
        )
        self._batch_done()
        pictures: list[Picture | None] = []
        for request, result in zip(requests, results, strict=True):
            if result.error:
                why = damage.explain(result.error, request.source)
                self.report(request.source, f"{request.label}: {why}")
                pictures.append(None)
                continue
            self.rendered += result.rendered
            self.reused += len(result.renditions) - result.rendered
            formats = request.formats or self.formats
            by_format: dict[str, dict[int, Candidate]] = {fmt: {} for fmt in formats}
            written = {}  # format asked -> (format, media type) written: PNG for a "jpeg" one
            for rendition in result.renditions:
                written[rendition.spec.format] = (rendition.format, rendition.media_type)
                self.used.add(rendition.path)
                url = self._publish(request.name, rendition.path, rendition.digest)
                candidates = by_format[rendition.spec.format]
                # a small source gives the same file for several widths: list it once
                candidates.setdefault(
                    rendition.width, Candidate(url, rendition.width, rendition.height)
                )
            sources = {
                fmt: PictureSource(*written[fmt], tuple(sorted(found.values(), key=_width)))
                for fmt, found in by_format.items()
            }
            fallback = sources.pop("jpeg")  # PNG for a picture with transparency
            pictures.append(Picture(tuple(sources.values()), fallback))
            self.note_location(request.source, request.group)
        self.seconds += time.perf_counter() - started
        return pictures

    def clean(self, sources: Sequence[Path]) -> list[Cleaned]:
        """Clean copies (in the cache) of originals published as they are; see Cleaned."""
        if not sources:
            return []
        started = time.perf_counter()
        results = clean_originals(
            sources,
            self.cache_dir,
            jobs=self.jobs,
            pool=self._get_pool,
            pool_running=self._pool is not None,
            digest_of=self._digests.of,
            overflow=self.overflow,
        )
        self._batch_done()
        self.cleaned += sum(r.fresh for r in results)
        self.used.update(r.record for r in results if r.record is not None)
        self.seconds += time.perf_counter() - started
        return results

    def _publish(self, name: str, cached: Path, digest: str) -> str:
        """Copy a cached file into output/ under a content-addressed name; return its URL."""
        # cached: <cache>/<sha[:2]>/<sha>/<spec key>-<w>x<h>-<bytes>.<ext>
        key, _, rest = cached.name.partition("-")
        size, _, ext = rest.partition(".")
        width = size.split("x")[0]
        fingerprint = hashlib.sha256(f"{digest}|{key}".encode()).hexdigest()[:10]
        path = f"{self.output_dir}/{name}-{width}.{fingerprint}.{ext}"
        target = self.output_path / path
        self.published.add(path)
        try:  # a copy published from a cache file that was not whole (a kept output): again
            published = target.stat().st_size == cached.stat().st_size
        except FileNotFoundError:
            published = False
        if not published:
            target.parent.mkdir(parents=True, exist_ok=True)
            with files.writing(target):  # a full disk: the file, not this line of code
                shutil.copyfile(cached, target)
        # a photo's own name may hold a space or a comma ("IMG 1, edited.jpg"): raw in a
        # srcset, they split the candidate list and the browser asks for nothing that exists
        return quote(path)


class _Progress:
    """Logs "Images: 12 of 40 source images rendered" while long image work goes on."""

    def __init__(self, started: float, every: float | None = None) -> None:
        self.started = self.last = started
        self.every = PROGRESS_EVERY if every is None else every

    def __call__(self, done: int, total: int) -> None:
        now = time.perf_counter()
        if now - self.last < self.every and (done < total or now - self.started < self.every):
            return
        self.last = now
        logger.info(
            "Images: %d of %d source image(s) rendered (%.0f s)", done, total, now - self.started
        )


def _width(candidate: Candidate) -> int:
    return candidate.width


def for_build(context: dict[str, Any]) -> ImageBuild:
    """The image work of the build this generator context belongs to (made on first use)."""
    build = context.get(CONTEXT_KEY)
    if build is None:
        build = context[CONTEXT_KEY] = ImageBuild(context)
    return build


def published(context: Mapping[str, Any]) -> set[str]:
    """The renditions the build of this generator context has put in output/ so far."""
    build = context.get(CONTEXT_KEY)
    return set(build.published) if build is not None else set()


def finish(context: Mapping[str, Any]) -> ImageBuild | None:
    """Shut down this build's worker pool, if any; return the build for its figures."""
    build = context.get(CONTEXT_KEY)
    if build is not None:
        build.close()
    return build
