"""Signal receivers connecting the analytics settings to Pelican."""

from pelican import signals

from .providers import OptionError
from .settings import configure


def _enabled(settings) -> bool:
    return "analytics" in [str(n).rsplit(".", 1)[-1] for n in settings.get("PLUGINS") or []]


def on_initialized(pelican) -> None:
    """Validate ANALYTICS_* settings and work out the script tag, once per build."""
    settings = pelican.settings
    if not _enabled(settings):
        settings["ANALYTICS_SNIPPET"] = None
        return
    try:
        settings.update(configure(settings))
    except OptionError as exc:
        raise SystemExit(f"Settings error: {exc}") from None


def register() -> None:
    """Connect the analytics receiver."""
    signals.initialized.connect(on_initialized)
