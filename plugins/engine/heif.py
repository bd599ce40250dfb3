"""HEIC and HEIF pictures (what phones write) are read through pillow-heif's Pillow plugin, which
is handed to Pillow the first time Pillow cannot identify a file (pure: no Pelican import).

Loading pillow-heif (libheif, libde265 and x265) adds 5.2 MB to a build's RSS and about 9 ms of
CPU; a build that opens no HEIC file (most builds: none at all, or photos already in the image
cache) no longer pays it (docs/performance.md, start-up). Its version, part of the image cache's
keys, is read from the installed package's metadata: the same string as
``pillow_heif.__version__``, without loading it.
"""

import functools
from importlib import metadata


def version() -> str:
    """pillow-heif's version, or "" when it is not installed (HEIC is then refused by name)."""
    try:
        return metadata.version("pillow-heif")
    except metadata.PackageNotFoundError:
        return ""


@functools.cache
def _registered() -> bool:
    try:
        from pillow_heif import register_heif_opener
    except ImportError:  # pragma: no cover - a dependency; without it HEIC is refused by name
        return False
    register_heif_opener()
    return True


def newly_registered() -> bool:
    """Hand pillow-heif's reader to Pillow unless this process did already: True if it was
    handed over just now, so a file Pillow could not identify is worth opening again."""
    first = _registered.cache_info().currsize == 0
    return _registered() and first
