"""Signal receivers connecting the analytics settings to Pelican."""

from pelican import signals

from plugins.engine import build, settings_errors

from .providers import OptionError
from .settings import configure


def on_initialized(pelican) -> None:
    """Validate ANALYTICS_* settings and work out the script tag, once per build."""
    settings = pelican.settings
    try:
        settings.update(configure(settings))
    except OptionError as exc:
        settings_errors.refuse(pelican.settings, exc)
        return


def register() -> None:
    """Connect the analytics receiver."""
    build.register(
        __package__,
        [
            (signals.initialized, on_initialized),
        ],
    )
