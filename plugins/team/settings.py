"""Every team setting with its default, and their validation."""

from typing import Any

from plugins.engine.config import merge

DEFAULTS: dict[str, Any] = {
    # Folder within the content folder holding one file per person (<slug>.md). It is never
    # read as posts, pages or static files, so photos kept there are published only as
    # processed renditions (EXIF and GPS stripped).
    "TEAM_PATH": "team",
    # Widths in pixels of the square headshot renditions: small for bylines and cards,
    # large for profile pages and high-density screens.
    "TEAM_PHOTO_SIZES": (96, 288),
    # A post naming someone without a team file: "warning", "error", or "auto" (an error
    # when BLOGCORE_STRICT is on, as in publish builds, else a warning). Drafts only ever warn.
    "TEAM_UNKNOWN_AUTHOR": "auto",
}
UNKNOWN_AUTHOR_MODES = ("auto", "warning", "error")


class SettingsError(ValueError):
    """A team setting has a value of the wrong type or range."""


def configure(settings: dict[str, Any]) -> dict[str, Any]:
    """Return the team settings merged over the defaults, validated."""
    merged = merge(settings, "TEAM_", DEFAULTS, SettingsError)

    path = merged["TEAM_PATH"]
    if not isinstance(path, str) or not path.strip("/") or ".." in path.split("/"):
        raise SettingsError(
            f"TEAM_PATH must be a folder within the content folder such as 'team', got {path!r}"
        )
    merged["TEAM_PATH"] = path.strip("/")

    sizes = merged["TEAM_PHOTO_SIZES"]
    if (
        not isinstance(sizes, list | tuple)
        or not sizes
        or any(isinstance(s, bool) or not isinstance(s, int) or not 16 <= s <= 2048 for s in sizes)
    ):
        raise SettingsError(
            f"TEAM_PHOTO_SIZES must be a list of widths from 16 to 2048 px, such as (96, 288), "
            f"got {sizes!r}"
        )
    merged["TEAM_PHOTO_SIZES"] = tuple(sorted(set(sizes)))

    mode = merged["TEAM_UNKNOWN_AUTHOR"]
    if mode not in UNKNOWN_AUTHOR_MODES:
        raise SettingsError(
            f"TEAM_UNKNOWN_AUTHOR must be one of {', '.join(UNKNOWN_AUTHOR_MODES)}, got {mode!r}"
        )
    return merged
