"""Signal receivers connecting the image pipeline to Pelican."""

import logging

from pelican import signals

from . import service
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


def register() -> None:
    """Connect the images plugin's receivers."""
    signals.initialized.connect(on_initialized)
    signals.all_generators_finalized.connect(on_all_generators_finalized)
