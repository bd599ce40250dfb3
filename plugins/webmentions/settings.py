"""Every webmentions setting with its default, and their validation."""

import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from plugins.engine.config import merge

DEFAULTS: dict[str, Any] = {
    # The domain webmention.io collects mentions for (e.g. "blog.tessellate.example"); None
    # turns the plugin off: no network at all.
    "WEBMENTIONS_DOMAIN": None,
    # Where other sites send webmentions, advertised in every page's <head>; None means
    # webmention.io's endpoint for WEBMENTIONS_DOMAIN, "" advertises none.
    "WEBMENTIONS_ENDPOINT": None,
    # The environment variable holding webmention.io's API token (never put it in a file).
    "WEBMENTIONS_TOKEN_ENV": "WEBMENTION_IO_TOKEN",
    "WEBMENTIONS_API_URL": "https://webmention.io/api/mentions.jf2",
    # Seconds to wait for each API answer, whole, however slowly it comes; and for the whole
    # fetch (every page). Running out is a warning, never a failed build.
    "WEBMENTIONS_TIMEOUT": 10,
    "WEBMENTIONS_DEADLINE": 60,
    # Where the last good copy is kept, outside output/; "" means <CACHE_PATH>/webmentions.json.
    "WEBMENTIONS_CACHE": "",
    # Reuse a cache younger than this many seconds without asking the API (0: always ask).
    "WEBMENTIONS_REFRESH": 600,
    # False: never ask the API, show what the cache holds.
    "WEBMENTIONS_FETCH": True,
    # Mentions per API page, and pages asked for at most in one build.
    "WEBMENTIONS_PER_PAGE": 100,
    "WEBMENTIONS_MAX_PAGES": 50,
    # A reply longer than this (characters of text) is shown as a trimmed plain-text excerpt.
    "WEBMENTIONS_MAX_CHARS": 600,
    # Record, in each publish build, the external links of every post, for
    # `invoke send-webmentions` to notify after the deploy (off by default).
    "WEBMENTIONS_SEND": False,
    # Where that list and the record of what was sent are kept; "" means <CACHE_PATH>/...
    "WEBMENTIONS_OUTBOX": "",
    "WEBMENTIONS_SENT": "",
    # Mentions kept with the content (an old blog's pingbacks and trackbacks, written by the
    # importers, or added by hand), shown with or without WEBMENTIONS_DOMAIN: a JSON file
    # relative to the content folder (PATH), or absolute; "" turns it off.
    "WEBMENTIONS_ARCHIVE": "webmentions.json",
}


class SettingsError(ValueError):
    """A webmentions setting has a wrong type or value."""


def _number(key: str, value: Any, minimum: float, whole: bool = False) -> None:
    kinds = int if whole else int | float
    if isinstance(value, bool) or not isinstance(value, kinds) or value < minimum:
        what = "a whole number" if whole else "a number"
        raise SettingsError(f"{key} must be {what} of at least {minimum:g}, got {value!r}")


def configure(settings: dict[str, Any]) -> dict[str, Any]:
    """Return the webmentions settings merged over the defaults, validated."""
    if "WEBMENTIONS_TOKEN" in settings:
        raise SettingsError(
            "WEBMENTIONS_TOKEN must not be a setting (settings files are committed): put "
            "the token in the environment variable named by WEBMENTIONS_TOKEN_ENV "
            f"({settings.get('WEBMENTIONS_TOKEN_ENV', DEFAULTS['WEBMENTIONS_TOKEN_ENV'])})"
        )
    merged = merge(settings, "WEBMENTIONS_", DEFAULTS, SettingsError)
    domain = merged["WEBMENTIONS_DOMAIN"]
    if domain is not None and (
        not isinstance(domain, str) or not domain or "/" in domain or ":" in domain
    ):
        raise SettingsError(
            f"WEBMENTIONS_DOMAIN must be a bare domain such as blog.example.org, got {domain!r}"
        )
    api = merged["WEBMENTIONS_API_URL"]
    parts = urlsplit(api) if isinstance(api, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        raise SettingsError(f"WEBMENTIONS_API_URL must be an http(s) URL, got {api!r}")
    endpoint = merged["WEBMENTIONS_ENDPOINT"]
    if endpoint is None and domain:
        merged["WEBMENTIONS_ENDPOINT"] = f"https://webmention.io/{domain}/webmention"
    elif endpoint:
        parts = urlsplit(endpoint) if isinstance(endpoint, str) else None
        if parts is None or parts.scheme != "https" or not parts.netloc:
            raise SettingsError(f"WEBMENTIONS_ENDPOINT must be an https URL, got {endpoint!r}")
    for key in (
        "WEBMENTIONS_TOKEN_ENV",
        "WEBMENTIONS_CACHE",
        "WEBMENTIONS_OUTBOX",
        "WEBMENTIONS_ARCHIVE",
    ):
        if not isinstance(merged[key], str):
            raise SettingsError(f"{key} must be a string, got {merged[key]!r}")
    if not isinstance(merged["WEBMENTIONS_SENT"], str):
        raise SettingsError(
            f"WEBMENTIONS_SENT must be a string, got {merged['WEBMENTIONS_SENT']!r}"
        )
    _number("WEBMENTIONS_TIMEOUT", merged["WEBMENTIONS_TIMEOUT"], 0.1)
    _number("WEBMENTIONS_DEADLINE", merged["WEBMENTIONS_DEADLINE"], 0.1)
    _number("WEBMENTIONS_REFRESH", merged["WEBMENTIONS_REFRESH"], 0)
    _number("WEBMENTIONS_PER_PAGE", merged["WEBMENTIONS_PER_PAGE"], 1, whole=True)
    _number("WEBMENTIONS_MAX_PAGES", merged["WEBMENTIONS_MAX_PAGES"], 1, whole=True)
    _number("WEBMENTIONS_MAX_CHARS", merged["WEBMENTIONS_MAX_CHARS"], 40, whole=True)
    for key in ("WEBMENTIONS_FETCH", "WEBMENTIONS_SEND"):
        if not isinstance(merged[key], bool):
            raise SettingsError(f"{key} must be True or False, got {merged[key]!r}")
    return merged


def file_path(settings: dict[str, Any], key: str) -> Path:
    """A cache file setting, or its default inside Pelican's CACHE_PATH (outside output/)."""
    defaults = {
        "WEBMENTIONS_CACHE": "webmentions.json",
        "WEBMENTIONS_OUTBOX": "webmentions-outbox.json",
        "WEBMENTIONS_SENT": "webmentions-sent.json",
    }
    return Path(settings.get(key) or os.path.join(settings["CACHE_PATH"], defaults[key]))


def archive_path(settings: dict[str, Any]) -> Path | None:
    """The archive file: WEBMENTIONS_ARCHIVE within the content folder (or absolute), or None
    when it is off."""
    name = settings.get("WEBMENTIONS_ARCHIVE", DEFAULTS["WEBMENTIONS_ARCHIVE"])
    return Path(settings["PATH"], name) if name else None
