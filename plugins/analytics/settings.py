"""Every analytics setting with its default, and their validation."""

import difflib
from typing import Any

from plugins.engine.config import merge

from .providers import OPTIONS, PROVIDERS, OptionError, configure_provider, snippet

DEFAULTS: dict[str, Any] = {
    # none, goatcounter, plausible or umami.
    "ANALYTICS_PROVIDER": "none",
    # Load the counter at all: True in publishconf.py only; invoke preview and check turn it off.
    "ANALYTICS_ENABLED": False,
}
COMPUTED = ("ANALYTICS_SNIPPET",)  # set by configure(), read by the theme


def _option_keys() -> list[str]:
    return [
        f"ANALYTICS_{provider.upper()}_{name.upper()}"
        for provider, options in OPTIONS.items()
        for name in options
    ]


def configure(settings: dict[str, Any]) -> dict[str, Any]:
    """Merge and validate; adds ANALYTICS_SNIPPET (None unless a counter should load)."""
    merged = merge(
        settings, "ANALYTICS_", DEFAULTS, OptionError, also_known=_option_keys(), ignored=COMPUTED
    )
    provider = merged["ANALYTICS_PROVIDER"]
    choices = ("none", *PROVIDERS)
    if provider not in choices:
        close = difflib.get_close_matches(str(provider), choices, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise OptionError(
            f"ANALYTICS_PROVIDER must be one of {', '.join(choices)}, got {provider!r}{hint}"
        )
    if not isinstance(merged["ANALYTICS_ENABLED"], bool):
        raise OptionError(
            f"ANALYTICS_ENABLED must be True or False, got {merged['ANALYTICS_ENABLED']!r}"
        )
    merged["ANALYTICS_SNIPPET"] = None
    if provider != "none":
        # options are checked in every build, so a typo shows up in development too
        loaded = snippet(provider, configure_provider(provider, settings))
        if merged["ANALYTICS_ENABLED"]:
            merged["ANALYTICS_SNIPPET"] = loaded
    return merged
