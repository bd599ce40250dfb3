"""Every share setting with its default, and their validation."""

import difflib
from typing import Any

from plugins.engine.config import merge

from .links import SERVICES, LinkError, check_template

DEFAULTS: dict[str, Any] = {
    # Which links, in order: any of mastodon, bluesky, linkedin, email, copy.
    "SHARE_SERVICES": ("mastodon", "bluesky", "linkedin", "email", "copy"),
    # A share page that asks the reader for their Mastodon (or other fediverse) instance, then
    # opens its compose box. {text} is the URL-encoded "title url". Share₂Fedi is open source
    # and keeps nothing; self-host it and point this at your copy if you prefer.
    "SHARE_MASTODON_URL": "https://s2f.kytta.dev/?text={text}",
}


class SettingsError(ValueError):
    """A share setting has a wrong type or value."""


def configure(settings: dict[str, Any]) -> dict[str, Any]:
    """Return the share settings merged over the defaults, validated."""
    merged = merge(settings, "SHARE_", DEFAULTS, SettingsError)
    services = merged["SHARE_SERVICES"]
    if isinstance(services, str) or not isinstance(services, list | tuple):
        raise SettingsError(f"SHARE_SERVICES must be a list of names, got {services!r}")
    for name in services:
        if name not in SERVICES:
            close = difflib.get_close_matches(str(name), SERVICES, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise SettingsError(
                f"SHARE_SERVICES: unknown service {name!r}{hint}; known: {', '.join(SERVICES)}"
            )
    merged["SHARE_SERVICES"] = tuple(dict.fromkeys(services))
    try:
        check_template(merged["SHARE_MASTODON_URL"])
    except LinkError as exc:
        raise SettingsError(f"SHARE_MASTODON_URL {exc}") from None
    return merged
