"""Every galleries setting with its default, and their validation."""

from typing import Any

from plugins.engine.config import merge

DEFAULTS: dict[str, Any] = {
    # Folder of the content folder holding one folder per gallery (<slug>/). It is never read
    # as posts, pages or static files: its photos are published only as renditions.
    "GALLERY_PATH": "galleries",
    # The optional sidecar file in each gallery folder (title, date, captions, alt text).
    "GALLERY_SIDECAR": "gallery.md",
    # Where gallery pages and the index of galleries go ("" for SAVE_AS: not written).
    "GALLERY_URL": "galleries/{slug}/",
    "GALLERY_SAVE_AS": "galleries/{slug}/index.html",
    "GALLERY_INDEX_URL": "galleries/",
    "GALLERY_INDEX_SAVE_AS": "galleries/index.html",
    # Widths (px) of each photo's renditions: thumbnails pick small ones, the lightbox and the
    # plain link the largest. Never larger than the source (no upscaling).
    "GALLERY_WIDTHS": (360, 720, 1200, 1800),
    # Formats of gallery photos, best first; "jpeg" is required (the fallback).
    "GALLERY_FORMATS": ("avif", "webp", "jpeg"),
    # Thumbnails loaded at once at the top of a gallery page; the rest load lazily. In posts
    # every thumbnail is lazy (the gallery follows the post's text).
    "GALLERY_EAGER": 3,
    # A photo with neither alt text nor caption: a warning, or an error with this on (which
    # fails a strict publish build).
    "GALLERY_REQUIRE_ALT": False,
    # Plain Markdown images of posts and pages (JPEG, PNG, WebP under the content folder)
    # become responsive <picture> elements with width and height, at these widths.
    "GALLERY_POST_IMAGES": True,
    "GALLERY_POST_IMAGE_WIDTHS": (400, 800, 1200, 1600),
}

# The pages this plugin writes from address settings of its own: kind -> (the keys it fills
# their X_URL and X_SAVE_AS with, what its pages are; no key: one page, written as named).
# The engine checks them as Pelican's (plugins/engine/pelican_settings.py, misshapen): a
# slash first or last, a URL left empty, a key it does not fill, each at its settings line.
ADDRESSES: dict[str, tuple[tuple[str, ...], str]] = {
    "GALLERY": (("slug",), "each gallery's page"),
    "GALLERY_INDEX": ((), "the list of galleries"),
}


class SettingsError(ValueError):
    """A galleries setting has a value of the wrong type or range."""


def _widths(key: str, value: Any) -> tuple[int, ...]:
    if (
        not isinstance(value, list | tuple)
        or not value
        or any(isinstance(w, bool) or not isinstance(w, int) or not 16 <= w <= 8192 for w in value)
    ):
        raise SettingsError(
            f"{key} must be a list of widths from 16 to 8192 px, such as (360, 720, 1200), "
            f"got {value!r}"
        )
    return tuple(sorted(set(value)))


def configure(
    settings: dict[str, Any], encoder_available=lambda fmt: True, known_formats=()
) -> dict[str, Any]:
    """Return the galleries settings merged over the defaults, validated."""
    # GALLERY_GPS_NOTICE is the images plugin's IMAGES_GPS_NOTICE now (every photo's GPS
    # notice, not only a gallery's): still read there, never an unknown setting here
    merged = merge(
        settings, "GALLERY_", DEFAULTS, SettingsError, also_known=("GALLERY_GPS_NOTICE",)
    )

    path = merged["GALLERY_PATH"]
    if not isinstance(path, str) or not path.strip("/") or ".." in path.split("/"):
        raise SettingsError(
            f"GALLERY_PATH must be a folder within the content folder such as 'galleries', "
            f"got {path!r}"
        )
    merged["GALLERY_PATH"] = path.strip("/")

    sidecar = merged["GALLERY_SIDECAR"]
    if not isinstance(sidecar, str) or not sidecar or "/" in sidecar:
        raise SettingsError(
            f"GALLERY_SIDECAR must be a file name such as 'gallery.md', got {sidecar!r}"
        )

    for key in ("GALLERY_URL", "GALLERY_SAVE_AS"):
        value = merged[key]
        if not isinstance(value, str) or (value and "{slug}" not in value):
            raise SettingsError(
                f"{key} must contain {{slug}}, such as 'galleries/{{slug}}/', got {value!r}"
            )
    for key in ("GALLERY_INDEX_URL", "GALLERY_INDEX_SAVE_AS"):
        if not isinstance(merged[key], str):
            raise SettingsError(f"{key} must be a path such as 'galleries/', got {merged[key]!r}")

    merged["GALLERY_WIDTHS"] = _widths("GALLERY_WIDTHS", merged["GALLERY_WIDTHS"])
    merged["GALLERY_POST_IMAGE_WIDTHS"] = _widths(
        "GALLERY_POST_IMAGE_WIDTHS", merged["GALLERY_POST_IMAGE_WIDTHS"]
    )

    formats = merged["GALLERY_FORMATS"]
    if isinstance(formats, str) or not isinstance(formats, list | tuple):
        raise SettingsError(
            f"GALLERY_FORMATS must be a list such as ['avif', 'webp', 'jpeg'], got {formats!r}"
        )
    unknown = [f for f in formats if known_formats and f not in known_formats]
    if unknown:
        raise SettingsError(
            f"GALLERY_FORMATS: unknown format {unknown[0]!r}; "
            f"use some of {', '.join(known_formats)}"
        )
    if "jpeg" not in formats or len(set(formats)) != len(formats):
        raise SettingsError(
            f"GALLERY_FORMATS must name each format once and include 'jpeg', got {formats!r}"
        )
    missing = [f for f in formats if not encoder_available(f)]
    if missing:
        raise SettingsError(
            f"GALLERY_FORMATS: this Pillow cannot write {missing[0].upper()}; leave it out"
        )
    merged["GALLERY_FORMATS"] = tuple(formats)

    eager = merged["GALLERY_EAGER"]
    if isinstance(eager, bool) or not isinstance(eager, int) or eager < 0:
        raise SettingsError(f"GALLERY_EAGER must be a whole number from 0, got {eager!r}")
    for key in ("GALLERY_REQUIRE_ALT", "GALLERY_POST_IMAGES"):
        if not isinstance(merged[key], bool):
            raise SettingsError(f"{key} must be True or False, got {merged[key]!r}")
    return merged
