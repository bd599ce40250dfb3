"""Every blogcore setting with its default, and their validation."""

import difflib
from typing import Any

DEFAULTS: dict[str, Any] = {
    # Reading speed used for the "N min read" line.
    "BLOGCORE_WORDS_PER_MINUTE": 230,
    # Exit non-zero when any error was logged during the build (publish builds).
    "BLOGCORE_STRICT": False,
    # Image (path under SITEURL) for social cards when an article has none of its own.
    "BLOGCORE_DEFAULT_IMAGE": "",
    # Where the sitemap of every indexable page goes ("" for none).
    "BLOGCORE_SITEMAP": "sitemap.xml",
    # Keep compiled templates in CACHE_PATH/jinja between builds (Jinja checks each
    # template's source, so an edited template is compiled again).
    "BLOGCORE_TEMPLATE_CACHE": True,
    # Let templates reuse a fragment rendered once per build ({% memo key %}...{% endmemo %}),
    # such as a post's card on every listing that shows it. False renders each one every time.
    "BLOGCORE_TEMPLATE_MEMO": True,
    # Read Markdown with the accelerations of compat.py (one converter reused, inline patterns
    # skipped where they cannot match; the same HTML). False, or a Pelican, Markdown or Python
    # version they were not tested on: Pelican's own reading, a new stock converter per file.
    "BLOGCORE_ACCELERATE": True,
}


class SettingsError(ValueError):
    """A blogcore setting has a value of the wrong type or range."""


def configure(settings: dict[str, Any]) -> dict[str, Any]:
    """Return blogcore's settings merged over the defaults, validated."""
    for key in settings:
        if key.startswith("BLOGCORE_") and key not in DEFAULTS:
            close = difflib.get_close_matches(key, DEFAULTS, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise SettingsError(f"unknown setting {key}{hint}")
    merged = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    wpm = merged["BLOGCORE_WORDS_PER_MINUTE"]
    if isinstance(wpm, bool) or not isinstance(wpm, int) or wpm <= 0:
        raise SettingsError(
            f"BLOGCORE_WORDS_PER_MINUTE must be a positive whole number, got {wpm!r}"
        )
    for key in (
        "BLOGCORE_STRICT",
        "BLOGCORE_TEMPLATE_CACHE",
        "BLOGCORE_TEMPLATE_MEMO",
        "BLOGCORE_ACCELERATE",
    ):
        if not isinstance(merged[key], bool):
            raise SettingsError(f"{key} must be True or False, got {merged[key]!r}")
    if not isinstance(merged["BLOGCORE_DEFAULT_IMAGE"], str):
        raise SettingsError(
            "BLOGCORE_DEFAULT_IMAGE must be a path such as 'images/card.png', "
            f"got {merged['BLOGCORE_DEFAULT_IMAGE']!r}"
        )
    if not isinstance(merged["BLOGCORE_SITEMAP"], str):
        raise SettingsError(
            f"BLOGCORE_SITEMAP must be a file name or '', got {merged['BLOGCORE_SITEMAP']!r}"
        )
    return merged
