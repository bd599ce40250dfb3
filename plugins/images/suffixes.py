"""Which published files are raster pictures, by their suffix, as Pillow (with pillow-heif) sees it.

Kept out of pipeline.py on purpose: that file's text is part of every cached rendition's name
(``CODE_IDENTITY``), and a change here renders nothing again.
"""

from __future__ import annotations

from .pipeline import _NOT_SNIFFED, HEIF_SUFFIXES, image_suffixes

# The suffixes of nearly every file a site publishes, answered without asking Pillow: its list
# of formats loads all of its forty-odd format modules, about 18 ms of every build, for a site
# whose pictures are JPEG, PNG, WebP or HEIF. Tests keep both sets in step with image_suffixes.
SURELY_PICTURES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".tif", ".tiff"})
SURELY_NOT = (_NOT_SNIFFED - {".ico"}) | {""}
# The suffixes of the ISO base media and QuickTime files phones and cameras write: video, and
# audio (a phone's voice memo keeps where it was recorded the same way); and of Matroska and
# WebM files, into which FFmpeg copies the place of the video it converts. Here, not in
# video.py, so that a build with no video never imports its readers.
VIDEO_SUFFIXES = frozenset(
    {".mp4", ".m4v", ".mov", ".qt", ".3gp", ".3g2", ".m4a", ".mkv", ".webm", ".mka", ".mk3d"}
)


def picture_suffix(suffix: str) -> bool:
    """Whether a file with this lower-case suffix is a raster image (``image_suffixes``)."""
    if suffix in SURELY_PICTURES or suffix in HEIF_SUFFIXES:
        return True
    if suffix in SURELY_NOT:
        return False
    return suffix in image_suffixes()
