"""Image editors' documents, which are never published: they keep what the picture exported
from them has lost. Pixelmator's ``.pxm`` holds the opened photo's whole metadata dictionary
(its GPS position among it) and every layer uncropped; GIMP's ``.xcf`` keeps the photo's EXIF as
a parasite; Krita, Affinity, Sketch, Paint.NET and the rest keep the original's pixels, and the
face or house number cropped out of the exported JPEG with them. Pillow opens none of them, so
none can be cleaned: one line each, and a publish stops, as for a camera's raw file. (A PSD,
which Pillow opens, is refused by the cleaning of originals, which cannot write one back.)

Pure: no Pelican.
"""

from __future__ import annotations

# suffix -> the editor that writes it, as the line names it
EDITORS = {
    ".pxm": "Pixelmator",
    ".pxd": "Pixelmator Pro",
    ".xcf": "GIMP",
    ".kra": "Krita",
    ".ora": "OpenRaster (Krita, MyPaint)",
    ".afphoto": "Affinity Photo",
    ".afdesign": "Affinity Designer",
    ".sketch": "Sketch",
    ".fig": "Figma",
    ".xd": "Adobe XD",
    ".psb": "Photoshop (large document)",
    ".pdn": "Paint.NET",
    ".clip": "Clip Studio Paint",
    ".procreate": "Procreate",
    ".cpt": "Corel Photo-Paint",
}
SUFFIXES = frozenset(EDITORS)


def line(suffix: str) -> str:
    """Why a published file with this (lower-case) suffix is not published."""
    return (
        f"is an image editor's document ({EDITORS[suffix]}), which keeps the original photo's "
        "metadata (its location among it) and its uncropped layers, and which the image "
        "pipeline cannot clean; not published: export a JPEG, PNG or WebP, which is cleaned"
    )
