"""Signal receivers connecting the image pipeline to Pelican."""

import logging
import os
from pathlib import Path

from pelican import signals

from . import pipeline, service
from .settings import SettingsError, configure

logger = logging.getLogger(__name__)


def on_initialized(pelican) -> None:
    """Validate the IMAGES_* settings and fill in their defaults."""
    # receivers stay connected for later builds in the same process (a test run's): act only
    # in builds that list this plugin
    if not any(
        str(p).rsplit(".", 1)[-1] == "images" for p in pelican.settings.get("PLUGINS") or []
    ):
        return
    try:
        pelican.settings.update(configure(pelican.settings))
    except SettingsError as exc:
        raise SystemExit(f"Settings error: {exc}") from None


def on_all_generators_finalized(generators) -> None:
    """Every generator has built its context: no more image requests, stop the workers."""
    if not generators:
        return
    build = service.finish(generators[0].context)
    if build is not None and (build.rendered or build.reused):
        logger.info(
            "Images: %d rendition(s) rendered, %d from the cache, in %.2f s",
            build.rendered,
            build.reused,
            build.seconds,
        )


def on_finalized(pelican) -> None:
    """Strip EXIF/GPS from every raster image published as it is (static folders)."""
    settings = pelican.settings
    if "IMAGES_OUTPUT_DIR" not in settings:  # not enabled in this build
        return
    root = Path(settings["OUTPUT_PATH"])
    renditions = root / settings["IMAGES_OUTPUT_DIR"]  # made clean by the pipeline already
    published = []
    for folder, dirs, names in os.walk(root):
        if folder == str(renditions):
            dirs[:] = []
            continue
        published.extend(
            Path(folder, name)
            for name in names
            if os.path.splitext(name)[1].lower() in pipeline.RASTER_SUFFIXES
        )
    stripped = []
    for path in sorted(published):
        try:
            if pipeline.strip_metadata(path):
                stripped.append(path.relative_to(root).as_posix())
        except (OSError, SyntaxError, ValueError) as exc:
            logger.error("%s: could not remove its metadata before publishing (%s)", path, exc)
    if stripped:
        logger.info("Images: removed EXIF/GPS from %d published file(s)", len(stripped))


def register() -> None:
    """Connect the images plugin's receivers."""
    signals.initialized.connect(on_initialized)
    signals.all_generators_finalized.connect(on_all_generators_finalized)
    signals.finalized.connect(on_finalized)
