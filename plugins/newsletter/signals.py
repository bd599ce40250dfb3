"""Signal receivers connecting the newsletter settings to Pelican."""

from pelican import signals

from plugins.engine import build, settings_errors

from .form import FormError
from .settings import configure


def on_initialized(pelican) -> None:
    """Validate NEWSLETTER_* settings; a wrong one stops the build with a clear message."""
    settings = pelican.settings
    try:
        settings.update(configure(settings))
    except FormError as exc:
        settings_errors.refuse(pelican.settings, exc)
        return


def register() -> None:
    """Connect the newsletter receiver."""
    build.register(
        __package__,
        [
            (signals.initialized, on_initialized),
        ],
    )
