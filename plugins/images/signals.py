"""Signal receivers connecting the image pipeline to Pelican."""

import errno
import logging
import os
import posixpath
import shutil
from pathlib import Path
from typing import NamedTuple

from pelican import signals

from plugins.blogcore.reader import shown as shown_source
from plugins.engine import build, files, items, phases, settings_errors

from . import (
    damage,
    editors,
    ico,
    jpegxl,
    pipeline,
    retention,
    service,
    sidecars,
    sources,
    suffixes,
    svg,
)
from .settings import SettingsError, configure

logger = logging.getLogger(__name__)

# What a writer can do about an original that cannot be published safely.
NOT_PUBLISHED = "not published: save it again as JPEG, PNG or WebP, or remove it"


def _shown(settings, path: str | os.PathLike) -> str:
    """A path as staff know it: relative to the project, e.g. content/images/x.jpg."""
    base = os.path.dirname(os.path.abspath(settings["PATH"]))
    return os.path.relpath(os.path.abspath(path), base)


# Pelican's line for a static file (or a theme's) it could not copy, as a warning
COPY_FAILED = "A problem occurred copying file %s to %s; %s"


def _shown_output(settings, path: str | os.PathLike) -> str:
    """A file of the output as a line names it: from the project when it is inside it (an
    output/ or .output.builds/ folder), else in full (an output on another disk)."""
    shown = _shown(settings, path)
    return os.path.abspath(path) if shown.startswith(os.pardir) else shown


class CopiesFailed(logging.Filter):
    """Pelican's "A problem occurred copying file <source> to <copy>; [Errno 28] No space left
    on device" (a warning, two absolute paths, one per file that did not fit: up to 9 on a full
    disk) becomes one error naming the copy, the reason and the disk; the copies after it that
    fail for the same reason on the same disk are folded into it. The copies cut short are
    removed at the end of the build (``on_finalized``), not read as photos copied badly into
    content/. One per build: it holds the copies that failed."""

    def __init__(self, settings) -> None:
        super().__init__()
        self.settings = settings
        self.failed: set[str] = set()  # the copies' paths
        self.said: set[tuple[int | None, str]] = set()  # (errno, disk) named once

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if record.msg != COPY_FAILED or not isinstance(args, tuple) or len(args) != 3:
            return True
        source, copy, error = args
        if not isinstance(error, OSError) or error.errno not in files.CANNOT_WRITE:
            return True
        where = error.filename2 or error.filename
        if error.errno not in files.ONLY_WRITING and where != copy:
            return True  # the source refused (EACCES reading it): Pelican's line says so
        self.failed.add(str(copy))
        disk = (error.errno, files.mount(str(copy)))
        if disk in self.said:
            return False
        self.said.add(disk)
        record.levelno, record.levelname = logging.ERROR, logging.getLevelName(logging.ERROR)
        full = error.errno in (errno.ENOSPC, errno.EDQUOT)
        record.msg = "%s: %s; left out of the site: the copy of %s, and any other %s"
        record.args = (
            _shown_output(self.settings, copy),
            files.cannot_write(error, copy),
            shown_source(self.settings, str(source)),
            "that did not fit" if full else "refused the same way",
        )
        return True


def on_initialized(pelican) -> None:
    """Validate the IMAGES_* settings and fill in their defaults; name the static files
    Pelican could not copy, with the disk (CopiesFailed)."""
    try:
        pelican.settings.update(configure(pelican.settings))
    except SettingsError as exc:
        settings_errors.refuse(pelican.settings, exc)
        return
    settings = pelican.settings
    copies = build.current(settings).state(__package__).copies = CopiesFailed(settings)
    utils = logging.getLogger("pelican.utils")
    utils.addFilter(copies)
    build.current(settings).on_close(lambda: utils.removeFilter(copies))


def _publish_heif_as_jpeg(staticfiles) -> None:
    """HEIC/HEIF originals are published as JPEG: their save_as and url (so every link to
    them) end in .jpg; the file itself is converted with the others at the end of the build."""
    places = {id(sc): items.static_output(sc) for sc in staticfiles}  # not marked linked
    taken = {save_as for save_as, _ in places.values()}
    for sc in staticfiles:
        stem, ext = posixpath.splitext(places[id(sc)][0])
        if ext.lower() not in pipeline.HEIF_SUFFIXES:
            continue
        save_as = f"{stem}.jpg"
        if save_as in taken:  # a JPEG of the same name is published too
            save_as = f"{stem}-{ext[1:].lower()}.jpg"
        url_stem, url_ext = posixpath.splitext(places[id(sc)][1])
        # Pelican's own way to move a static file (what {attach} does)
        sc.override_save_as = save_as
        if url_ext.lower() == ext.lower():
            sc.override_url = url_stem + save_as[len(stem) :]
        taken.add(save_as)


def _leave_out_unpublishable(generator) -> None:
    """A static file whose name is not UTF-8, a link to nothing, a file this build may not
    read, a file of secrets, a named pipe: one line each; the files through a link that leads
    out of the content folder or back into a folder holding it: one line for the link; all
    taken out of the files Pelican copies (which would publish them, under a garbled name, or
    skip them without a word); a folder of the content folder that cannot be
    listed (posts, pages, static files: Pelican's walk skips it in silence), one line;
    exiftool's backups (``photo.jpg_original``), one line per folder."""
    settings = generator.settings
    work = service.for_build(generator.context)
    root = generator.path
    for exc in sources.unlisted_folders(root, settings.get("IGNORE_FILES") or []):
        work.report(exc.filename, sources.folder_line(shown_source(settings, exc.filename), exc))
    refused = set()
    backups: dict[str, list[str]] = {}
    for sc in generator.staticfiles:
        relpath = os.path.relpath(sc.source_path, root)
        folder, name = os.path.split(sc.source_path)
        if service.is_backup(name):  # one line per folder, below
            backups.setdefault(f"{shown_source(settings, folder)}/", []).append(name)
            refused.add(id(sc))
            continue
        escaped = sources.escape(root, relpath)
        if escaped:  # one line for the link, however many files Pelican found through it
            link = os.path.join(root, escaped[0])
            work.report(link, f"{shown_source(settings, link)}: {escaped[1]}")
            refused.add(id(sc))
            continue
        why = sources.problem(root, relpath)
        if why:
            work.report(sc.source_path, f"{shown_source(settings, sc.source_path)}: {why}")
            refused.add(id(sc))
    for folder, names in sorted(backups.items()):
        logger.warning("%s", service.backup_line(folder, names))
    _take_out(generator, refused)


def _take_out(generator, refused: set[int]) -> None:
    """Take these static files (by id) out of the files Pelican copies."""
    if refused:  # in place: the generator's context holds this same list
        generator.staticfiles[:] = [sc for sc in generator.staticfiles if id(sc) not in refused]


def on_static_generator_finalized(generator) -> None:
    """Leave out the static files that cannot be published under their name or read; clean
    every raster original of the static folders (cached, on the build's workers); one that
    cannot be cleaned is reported and taken out of the files Pelican copies."""
    settings = generator.settings
    _leave_out_unpublishable(generator)
    _publish_heif_as_jpeg(generator.staticfiles)
    images = [
        sc
        for sc in generator.staticfiles
        if suffixes.picture_suffix(Path(sc.source_path).suffix.lower())
    ]
    # a {static} link to a file that is not there: blogcore's link check names the post that
    # has it, with what it looked for; "cannot be read" here would name only the missing file
    refused = {id(sc) for sc in images if not os.path.isfile(sc.source_path)}
    images = [sc for sc in images if id(sc) not in refused]
    work = service.for_build(generator.context)
    results = work.clean([Path(sc.source_path) for sc in images])
    for sc, result in zip(images, results, strict=True):
        if result.error:
            shown = _shown(settings, sc.source_path)
            why = damage.explain(result.error, sc.source_path)
            work.report(sc.source_path, f"{shown}: {why}; {NOT_PUBLISHED}")
            refused.add(id(sc))
        else:  # published cleaned, but the file in content/ keeps its position
            work.note_location(sc.source_path)
    _take_out(generator, refused)


def on_content_final(generators) -> None:
    """Every generator has built its context: no more image requests, stop the workers."""
    if not generators:
        return
    this = build.current(generators[0].settings)
    # the context whose renditions on_finalized names (every generator shares this dict)
    this.state(__package__).context = generators[0].context
    work = service.finish(generators[0].context)
    if work is None:
        return
    # its temporary folder, if the cache could not be written: kept to the end of the build
    this.state(__package__).overflow = work.overflow
    this.on_close(work.overflow.close)
    _name_located(generators[0].settings, work)
    if work.rendered or work.reused or work.cleaned:
        logger.info(
            "Images: %d rendition(s) rendered, %d from the cache, %d original(s) cleaned, "
            "in %.2f s",
            work.rendered,
            work.reused,
            work.cleaned,
            work.seconds,
        )


def _name_located(settings, work: service.ImageBuild) -> None:
    """Every published photo whose source carries a GPS position, named once, the same way
    wherever it is shown (a post, a gallery, a Cover, a headshot, a static folder): one line
    per photo, one per gallery for its photos, at IMAGES_GPS_NOTICE's level."""
    mode = settings["IMAGES_GPS_NOTICE"]
    warn = mode == "warning" or (mode == "auto" and bool(settings.get("BLOGCORE_STRICT")))
    for line in service.location_lines(work.located):
        (logger.warning if warn else logger.info)("%s", line)


def _label(settings, root: Path, path: Path) -> str:
    """How to name a published file in a message: its source in content/, found by where
    Pelican wrote it ({attach} and EXTRA_PATH_METADATA move files) or by the same path, else
    the output file (a publish's is a temporary folder, gone once the build ends)."""
    relative = path.relative_to(root)
    source = _sources(settings).get(relative.as_posix()) or Path(settings["PATH"]) / relative
    return _shown(settings, source if Path(source).is_file() else path)


def _sources(settings) -> dict[str, str]:
    """Where each static file of the build was written (its save_as) -> its source path."""
    context = getattr(build.current(settings).state(__package__), "context", None) or {}
    return {
        str(getattr(static, "save_as", "") or "").replace(os.sep, "/"): static.source_path
        for static in (context.get("static_content") or {}).values()
        if getattr(static, "source_path", None)
    }


BACKUP = (
    "is a backup exiftool made (the file as it was before exiftool changed it, GPS position "
    "included); not published: delete it (exiftool -overwrite_original makes none)"
)


class Published(NamedTuple):
    """What the end-of-build pass found in the output (every list sorted by path)."""

    pictures: list[Path]  # raster pictures: cleaned, or removed when they cannot be
    raw: list[Path]  # camera raw files: never published
    videos: list[Path]  # MP4, MOV, 3GP, WebM, Matroska: published without their place
    refused: list[tuple[Path, str]]  # never published, with why (sidecars, JPEG XL, editors')
    drawings: list[Path]  # SVG: their embedded pictures cleaned


def _published_files(root: Path, renditions: Path) -> Published:
    """Every picture in the output but the renditions (made clean already), by name or, under
    a name no picture has (photo, IMG_1.jpg~, IMG_2.MPO), by its first bytes; the raw camera
    files among them; the videos (MP4, MOV, 3GP, by name or by their first bytes); the files
    never published (a photo's XMP or Takeout sidecar, JPEG XL); the SVG drawings."""
    found = Published([], [], [], [], [])
    looked_at: dict[str, bool] = {}  # by suffix: the pages and feeds, most files, are not
    for folder, dirs, names in os.walk(root):
        if folder == str(renditions):
            dirs[:] = []
            continue
        for name in names:
            suffix = os.path.splitext(name)[1].lower()
            if suffix not in looked_at:
                looked_at[suffix] = _looked_at(suffix)
            if not looked_at[suffix] and not service.is_backup(name):
                continue
            path = Path(folder, name)
            if suffixes.picture_suffix(suffix):
                found.pictures.append(path)
            elif suffix in pipeline.RAW_SUFFIXES:
                found.raw.append(path)
            elif suffix in svg.SUFFIXES:
                found.drawings.append(path)
            elif suffix in sidecars.XMP_SUFFIXES or suffix in (".json", ".xml"):
                if line := sidecars.sidecar_line(path):
                    found.refused.append((path, line))
            elif suffix in jpegxl.SUFFIXES:
                found.refused.append((path, jpegxl.LINE))
            elif suffix in editors.SUFFIXES:
                found.refused.append((path, editors.line(suffix)))
            elif service.is_backup(name):  # one that came another way than a static folder
                found.refused.append((path, BACKUP))
            elif suffix in suffixes.VIDEO_SUFFIXES or pipeline.worth_sniffing(name):
                from . import video  # a build with no video file never reads one

                head = _head(path)  # a .mp4 that is WebM data is not of this family
                if video.video_by_content(head, _size(path)):
                    found.videos.append(path)
                elif suffix in suffixes.VIDEO_SUFFIXES:
                    continue
                elif pipeline.picture_by_content(head):
                    found.pictures.append(path)
                elif jpegxl.by_content(head):
                    found.refused.append((path, jpegxl.LINE))
                elif line := sidecars.sidecar_line(path, head):
                    found.refused.append((path, line))
    for kind in found:
        kind.sort()
    return found


def _looked_at(suffix: str) -> bool:
    """Whether ``_published_files`` may keep a file of this suffix (an exiftool backup aside,
    known by its whole name): the tests of its branches, by suffix alone."""
    return bool(
        suffixes.picture_suffix(suffix)
        or suffix in pipeline.RAW_SUFFIXES
        or suffix in svg.SUFFIXES
        or suffix in sidecars.XMP_SUFFIXES
        or suffix in (".json", ".xml")
        or suffix in jpegxl.SUFFIXES
        or suffix in editors.SUFFIXES
        or suffix in suffixes.VIDEO_SUFFIXES
        or pipeline.worth_sniffing("x" + suffix)  # its name's suffix is this one
    )


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as file:
            return file.read(64)  # a picture's or video's signature, an XMP packet's start
    except OSError:
        return b""


def _clean_videos(settings, root: Path, videos: list[Path]) -> None:
    """Every published video without the place it was recorded; one that may keep it is
    removed and reported."""
    if not videos:
        return
    from . import video  # only when the output has one (``_published_files``)

    cleaned = 0
    for path in videos:
        result = video.clean(path)
        if result.error:
            path.unlink(missing_ok=True)
            logger.error(
                "%s: %s; not published: export it again without location, or remove it",
                _label(settings, root, path),
                result.error,
            )
        elif result.emptied:
            cleaned += 1
    if cleaned:
        logger.info("Images: %d published video(s) written without their location", cleaned)


def _clean_drawings(settings, root: Path, drawings: list[Path]) -> None:
    """Every published SVG with its embedded pictures cleaned and nothing placing it in its
    metadata; one that cannot be made clean is removed and reported."""
    cleaned = 0
    for path in drawings:
        try:
            data = path.read_bytes()
            clean = svg.clean_drawing(data)
        except OSError:
            continue
        except svg.DrawingError as exc:
            path.unlink(missing_ok=True)
            logger.error("%s: %s", _label(settings, root, path), exc)
            continue
        if clean is not None:
            # a new file by rename: a hard or symbolic link to the source never changes it
            files.write_atomically(path, clean)
            cleaned += 1
    if cleaned:
        logger.info("Images: %d published SVG drawing(s) written without metadata", cleaned)


def _clean_icon(settings, root: Path, path: Path) -> int:
    """An ICO the pipeline found clean, with the PNG pictures inside it cleaned too (Pillow
    does not show their chunks); 1 when it was written again."""
    if path.suffix.lower() not in ico.SUFFIXES:
        return 0
    try:
        clean = ico.clean_ico(path.read_bytes())
    except OSError:
        return 0
    except pipeline.ImageError as exc:
        path.unlink(missing_ok=True)
        logger.error("%s: %s; %s", _label(settings, root, path), exc, NOT_PUBLISHED)
        return 0
    if clean is None:
        return 0
    files.write_atomically(path, clean)
    return 1


def _not_cleaned(settings, root: Path, path: Path, error: str) -> str:
    """The line for a published picture that could not be cleaned: a copy smaller than its
    source in content/ is a copy that did not finish (the disk filled up as it was written),
    not a photo to copy again; else what is wrong with the photo itself."""
    source = Path(settings["PATH"]) / path.relative_to(root)
    size, whole = _size(path), _size(source) if source.is_file() else None
    if size is not None and whole is not None and size < whole:
        return (
            f"{_shown_output(settings, path)}: is a copy of {_shown(settings, source)} cut "
            f"short ({size} of {whole} bytes): writing it into the output did not finish "
            "(is that disk full?); not published, the photo itself is whole: build again"
        )
    why = damage.explain(error, path)
    return f"{_label(settings, root, path)}: {why}; {NOT_PUBLISHED}"


def on_finalized(pelican) -> None:
    """Every raster image in output/ is clean: originals replaced by their clean copies (from
    the cache: the static folders' were made during the build), whatever wrote them (static
    folders, {attach}, the theme, other plugins); one that cannot be cleaned is removed. Every
    video is published without the place it was recorded."""
    settings = pelican.settings
    root = Path(settings["OUTPUT_PATH"])
    renditions = root / settings["IMAGES_OUTPUT_DIR"]  # made clean by the pipeline already
    ours = build.current(settings).state(__package__)
    # an incremental build (make serve) removes the renditions of a photo deleted or replaced
    context = getattr(ours, "context", None)
    made = sorted(service.published(context)) if context is not None else []
    phases.files_written.send(pelican, settings=settings, paths=made)
    copies = getattr(ours, "copies", None)
    for copy in sorted(copies.failed) if copies else []:  # named already, with the disk
        Path(copy).unlink(missing_ok=True)
    found = _published_files(root, renditions)
    published, raw = found.pictures, found.raw
    _clean_videos(settings, root, found.videos)
    for path, line in found.refused:  # what a photo says of itself, beside it or in it
        path.unlink(missing_ok=True)
        # a backup is only left out (nothing of it published), as from a static folder
        (logger.warning if line == BACKUP else logger.error)(
            "%s: %s", _label(settings, root, path), line
        )
    _clean_drawings(settings, root, found.drawings)
    for path in raw:  # the camera's GPS inside: never published as it is
        path.unlink(missing_ok=True)
        logger.error(
            "%s: is a camera's raw file, which keeps the photo's location and camera data; %s",
            _label(settings, root, path),
            NOT_PUBLISHED,
        )
    overflow = getattr(build.current(settings).state(__package__), "overflow", None)
    if overflow is None:  # no image was asked for during the build
        overflow = build.current(settings).state(__package__).overflow = pipeline.Overflow()
        build.current(settings).on_close(overflow.close)
    results = pipeline.clean_originals(
        published,
        settings["IMAGES_CACHE_PATH"],
        jobs=settings["IMAGES_JOBS"] or os.cpu_count() or 1,
        overflow=overflow,
    )
    cleaned = 0
    for path, result in zip(published, results, strict=True):
        if result.error:
            line = _not_cleaned(settings, root, path, result.error)  # from its size
            path.unlink(missing_ok=True)
            logger.error("%s", line)
            continue
        if result.path is None:
            cleaned += _clean_icon(settings, root, path)
            continue
        target = path.with_suffix(f".{result.extension}") if result.extension else path
        if target != path and target.exists():
            path.unlink()
            logger.error(
                "%s: is HEIC, published as JPEG, but %s is another file; %s",
                _label(settings, root, path),
                target.relative_to(root).as_posix(),
                NOT_PUBLISHED,
            )
            continue
        # a new file by rename: a hard or symbolic link to the source never changes it
        with files.replacing(target) as fresh, open(result.path, "rb") as cached:
            shutil.copyfileobj(cached, fresh)
        if target != path:
            path.unlink()
            logger.warning(
                "%s: is HEIC, published as %s (link to that name)",
                _label(settings, root, path),
                target.relative_to(root).as_posix(),
            )
        cleaned += 1
    if cleaned:
        logger.info("Images: %d published original(s) written without their metadata", cleaned)
    retention.mark_used(r.record for r in results if r.record is not None)
    _prune(settings)


def _prune(settings) -> None:
    """Delete the cache files no build has used for IMAGES_CACHE_KEEP_DAYS (once a day)."""
    cache, keep = settings["IMAGES_CACHE_PATH"], settings["IMAGES_CACHE_KEEP_DAYS"]
    if not keep or not retention.due(cache):
        return
    files, size = retention.prune(cache, keep)
    if files:
        logger.info(
            "Images: %d cached file(s) (%.1f MB) unused for %g days deleted from %s",
            files,
            size / 2**20,
            keep,
            _shown(settings, cache),
        )


def register() -> None:
    """Connect the images plugin's receivers."""
    build.register(
        __package__,
        [
            (signals.initialized, on_initialized),
            (signals.static_generator_finalized, on_static_generator_finalized),
            (phases.content_final, on_content_final),
            (phases.output_written, on_finalized),
        ],
    )
