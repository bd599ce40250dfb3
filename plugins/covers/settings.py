"""Every covers setting with its default, and their validation."""

from typing import Any

from plugins.engine.config import merge

DEFAULTS: dict[str, Any] = {
    # Widths (px) of a cover's renditions: the home page's featured post uses the large ones,
    # cards the small ones; the largest JPEG is the post's og:image. The same widths as the
    # galleries plugin's post images, so a post's first image is rendered once for both.
    "COVERS_WIDTHS": (400, 800, 1200, 1600),
}


class SettingsError(ValueError):
    """A covers setting has a value of the wrong type or range."""


def configure(settings: dict[str, Any]) -> dict[str, Any]:
    """Return the covers settings merged over the defaults, validated."""
    merged = merge(settings, "COVERS_", DEFAULTS, SettingsError)
    widths = merged["COVERS_WIDTHS"]
    if (
        isinstance(widths, str)
        or not isinstance(widths, list | tuple)
        or not widths
        or not all(isinstance(w, int) and not isinstance(w, bool) and w > 0 for w in widths)
    ):
        raise SettingsError(
            f"COVERS_WIDTHS must be a list of positive widths such as [400, 800], got {widths!r}"
        )
    merged["COVERS_WIDTHS"] = tuple(sorted(set(widths)))
    return merged
