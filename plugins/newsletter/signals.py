"""Signal receivers connecting the newsletter settings to Pelican."""

from pelican import signals

from .form import FormError
from .settings import configure


def _enabled(settings) -> bool:
    return "newsletter" in [str(n).rsplit(".", 1)[-1] for n in settings.get("PLUGINS") or []]


def on_initialized(pelican) -> None:
    """Validate NEWSLETTER_* settings; a wrong one stops the build with a clear message."""
    settings = pelican.settings
    if not _enabled(settings):
        settings["NEWSLETTER"] = None
        return
    try:
        settings.update(configure(settings))
    except FormError as exc:
        raise SystemExit(f"Settings error: {exc}") from None


def register() -> None:
    """Connect the newsletter receiver."""
    signals.initialized.connect(on_initialized)
