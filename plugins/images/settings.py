"""Every images setting with its default, and their validation."""

import os
from typing import Any

from plugins.engine.config import merge

from .pipeline import DEFAULT_QUALITY, FORMATS, encoder_available

DEFAULTS: dict[str, Any] = {
    # Where renditions are cached between builds (outside output/, never deployed).
    # "" means <CACHE_PATH>/images. A relative path is taken from the working directory.
    "IMAGES_CACHE_PATH": "",
    # Files of that cache that no build has used for this many days are deleted (checked at
    # most once a day, at the end of a build); at least 1, or 0 to keep everything.
    "IMAGES_CACHE_KEEP_DAYS": 30,
    # Folder of output/ that renditions are copied into (their URLs start with it).
    "IMAGES_OUTPUT_DIR": "renditions",
    # Worker processes for rendering; 0 means one per CPU. Workers start only when at
    # least two images need rendering in a build.
    "IMAGES_JOBS": 0,
    # Formats written for every rendition, best first; "jpeg" is required (the fallback).
    "IMAGES_FORMATS": ("webp", "jpeg"),
    # Encoder quality (1-100) per format; formats left out use the pipeline's defaults.
    "IMAGES_QUALITY": dict(DEFAULT_QUALITY),
    # A published photo whose source carries a GPS position (every published copy has it
    # removed; the file in content/ keeps it): "warning", "info", or "auto" (a warning in
    # strict, publish builds, else info). Its old name, GALLERY_GPS_NOTICE, is read too.
    "IMAGES_GPS_NOTICE": "warning",
}
GPS_MODES = ("warning", "info", "auto")
OLD_NAMES = {"GALLERY_GPS_NOTICE": "IMAGES_GPS_NOTICE"}  # when galleries alone had it


class SettingsError(ValueError):
    """An images setting has a value of the wrong type or range."""


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def configure(settings: dict[str, Any]) -> dict[str, Any]:
    """Return the images settings merged over the defaults, validated and resolved."""
    merged = merge(settings, "IMAGES_", DEFAULTS, SettingsError)
    given = "IMAGES_GPS_NOTICE"
    for old, new in OLD_NAMES.items():
        if old in settings and new not in settings:
            merged[new], given = settings[old], old
    if merged["IMAGES_GPS_NOTICE"] not in GPS_MODES:
        raise SettingsError(
            f"{given} must be one of {', '.join(GPS_MODES)}, got {merged['IMAGES_GPS_NOTICE']!r}"
        )

    cache = merged["IMAGES_CACHE_PATH"]
    if not isinstance(cache, str | os.PathLike):
        raise SettingsError(f"IMAGES_CACHE_PATH must be a folder path or '', got {cache!r}")
    cache = os.fspath(cache) or os.path.join(settings.get("CACHE_PATH") or "cache", "images")
    merged["IMAGES_CACHE_PATH"] = os.path.abspath(cache)

    keep = merged["IMAGES_CACHE_KEEP_DAYS"]
    # at least a day: a build marks a file it uses at most once a day (retention.mark_used)
    if isinstance(keep, bool) or not isinstance(keep, int | float) or not (keep == 0 or keep >= 1):
        raise SettingsError(
            f"IMAGES_CACHE_KEEP_DAYS must be 0 (keep everything) or 1 day or more, got {keep!r}"
        )

    out = merged["IMAGES_OUTPUT_DIR"]
    if not isinstance(out, str) or not out.strip("/") or ".." in out.split("/"):
        raise SettingsError(
            f"IMAGES_OUTPUT_DIR must be a folder inside output/ such as 'renditions', got {out!r}"
        )
    merged["IMAGES_OUTPUT_DIR"] = out.strip("/")

    jobs = merged["IMAGES_JOBS"]
    if not _whole(jobs) or jobs < 0:
        raise SettingsError(f"IMAGES_JOBS must be 0 (one per CPU) or more, got {jobs!r}")

    formats = merged["IMAGES_FORMATS"]
    if isinstance(formats, str) or not isinstance(formats, list | tuple):
        raise SettingsError(
            f"IMAGES_FORMATS must be a list such as ['webp', 'jpeg'], got {formats!r}"
        )
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise SettingsError(
            f"IMAGES_FORMATS: unknown format {unknown[0]!r}; use some of {', '.join(FORMATS)}"
        )
    if "jpeg" not in formats or len(set(formats)) != len(formats):
        raise SettingsError(
            f"IMAGES_FORMATS must name each format once and include 'jpeg', got {formats!r}"
        )
    missing = [f for f in formats if not encoder_available(f)]
    if missing:
        raise SettingsError(
            f"IMAGES_FORMATS: this Pillow cannot write {missing[0].upper()}; install a Pillow "
            "wheel built with it, or leave it out"
        )
    merged["IMAGES_FORMATS"] = tuple(formats)

    quality = merged["IMAGES_QUALITY"]
    if not isinstance(quality, dict) or any(
        key not in FORMATS or not _whole(value) or not 1 <= value <= 100
        for key, value in quality.items()
    ):
        raise SettingsError(
            "IMAGES_QUALITY must map formats to a whole number from 1 to 100, "
            f"such as {{'jpeg': 82, 'webp': 80}}, got {quality!r}"
        )
    merged["IMAGES_QUALITY"] = {**DEFAULT_QUALITY, **quality}
    return merged
