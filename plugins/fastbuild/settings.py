"""Every fastbuild setting with its default, and their validation."""

import os
from typing import Any

from plugins.engine.config import merge

DEFAULTS: dict[str, Any] = {
    # Worker processes for reading and rendering (0: one per core; 1: all in the build's own
    # process, with Pelican's own writer).
    "FASTBUILD_WORKERS": 0,
    # Below this many files to read, or pages to render, forking costs more than it saves.
    "FASTBUILD_MIN_FILES": 40,
    # Keep output/ between builds and re-render only pages whose inputs changed (make serve).
    # Publish builds stay full, clean builds.
    "FASTBUILD_INCREMENTAL": False,
    # Content attributes that only the post's own page shows (so other pages need not be
    # re-rendered when they change, as the word count does with every edit; the JSON-LD
    # holds the summary, which follows the text).
    "FASTBUILD_PAGE_ONLY_ATTRIBUTES": ("word_count", "structured_data"),
    # Content attributes that other pages show only beside a link to the post (its ``.url``)
    # and that decide no list's posts or order: when one changes, only the post's own page and
    # the pages that link to it are rendered again, not the whole site (the reading time,
    # which a sentence added can change; the related picks, which a few words can move).
    "FASTBUILD_LINKED_ATTRIBUTES": ("reading_time", "related_posts"),
    # Use the accelerations that rely on Pelican's internals (compat.py): parallel reading
    # into Pelican's reader cache, parallel rendering, feed entries made once, incremental
    # builds. False, or a Pelican or Python version they were not tested on: Pelican's own
    # reading, Writer and feeds (the stock path), full builds.
    "FASTBUILD_ACCELERATE": True,
}


class SettingsError(ValueError):
    """A fastbuild setting has a wrong type or value."""


def configure(settings: dict[str, Any]) -> dict[str, Any]:
    """Return the fastbuild settings merged over the defaults, validated."""
    merged = merge(settings, "FASTBUILD_", DEFAULTS, SettingsError)
    for key in ("FASTBUILD_INCREMENTAL", "FASTBUILD_ACCELERATE"):
        if not isinstance(merged[key], bool):
            raise SettingsError(f"{key} must be True or False, got {merged[key]!r}")
    for key in ("FASTBUILD_PAGE_ONLY_ATTRIBUTES", "FASTBUILD_LINKED_ATTRIBUTES"):
        names = merged[key]
        if not isinstance(names, list | tuple) or not all(isinstance(a, str) for a in names):
            raise SettingsError(f"{key} must be a list of names, got {names!r}")
        merged[key] = tuple(names)
    for key in ("FASTBUILD_WORKERS", "FASTBUILD_MIN_FILES"):
        value = merged[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise SettingsError(f"{key} must be a whole number, 0 or more, got {value!r}")
    return merged


def worker_count(settings: dict[str, Any]) -> int:
    """How many processes a build reads and renders in."""
    wanted = settings["FASTBUILD_WORKERS"]
    return wanted or len(os.sched_getaffinity(0))
