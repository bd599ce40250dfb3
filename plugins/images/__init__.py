"""images: the one image pipeline of the site (headshots, galleries, post images, originals).

What it does:

- Renders renditions of source images with Pillow: EXIF orientation applied, JPEG draft-mode
  decoding when downscaling, centred crops or fitted sizes, never enlarged, WebP and JPEG
  (progressive, optimised) by default; every bit of EXIF, GPS and XMP stripped, the ICC colour
  profile kept (``pipeline.py``, pure: no Pelican).
- Caches them outside output/ by the SHA-256 of the source bytes and the rendition's spec:
  an unchanged rebuild decodes nothing, a changed spec renders only what it changes. Files
  no build has used for ``IMAGES_CACHE_KEEP_DAYS`` are deleted, once a day
  (``retention.py``).
- Spreads the work over worker processes, started once per build and only when at least two
  images need rendering.
- Copies the renditions into ``output/<IMAGES_OUTPUT_DIR>/`` under content-addressed names and
  hands other plugins ``Picture`` objects for ``<picture>`` markup (``service.py``).
- A corrupt or unsupported image is an error naming the file, never a traceback; the rest of
  the site still builds.
- A request may name its own formats (galleries add AVIF, encoded at libavif speed 8); long
  image work logs a progress line every two seconds. Every published source that carries a
  GPS position (a picture of any plugin, a static folder's original) is named once per build,
  at ``content_final``: one line per file, one per set of photos a request's ``group`` names
  (a gallery), with the count, the first files and the exiftool command
  (``service.location_lines``), at ``IMAGES_GPS_NOTICE``'s level (``GALLERY_GPS_NOTICE``,
  its old name, read too).
- Reads HEIC/HEIF (what phones write) through pillow-heif, and every other raster format
  Pillow opens.
- Publishes no location data, whatever the format: every raster original in output/ (static
  folders, ``{attach}``, the theme, anything a plugin wrote) that carries EXIF, GPS, XMP, a
  comment, text chunks or unknown segments is replaced by a copy with only its pixels (upright)
  and ICC profile, cleaned once per content on the build's workers and cached; clean files are
  left byte for byte, and an upright JPEG keeps its compressed pixels. HEIC originals are
  published as JPEG (their URLs end in .jpg, so links follow). A file the pipeline cannot
  clean (a format it cannot write, a corrupt file) is an error naming it, and is not
  published. Videos lose the place they were recorded the same way: the boxes of MP4, MOV and
  3GP files (``video.py``) and the tags of WebM and Matroska files (``matroska.py``) that hold
  it are emptied in place; a video that keeps a place anywhere else is not published. A
  photo's metadata sidecars (XMP files, Google Takeout's JSON) are never published
  (``sidecars.py``), nor are JPEG XL files, which Pillow cannot read (``jpegxl.py``). An
  SVG drawing is published with the pictures embedded in it cleaned the same way, and
  without the people and places of its metadata (``svg.py``), and an ICO with the PNG
  pictures inside it cleaned (``ico.py``). A HEIC, AVIF, WebP, PNG or GIF file cut short is
  named so, like a JPEG (``damage.py``). See docs/images.md.
- Leaves out, with one error line each in the post reader's words, a static file or gallery
  photo whose name is not UTF-8, a link to nothing, a file the build may not read; names each
  folder of the content folder the build cannot open, which Pelican skips (``sources.py``).

Metadata keys read: none (other plugins pass it their images).
Settings: see ``settings.py`` (``IMAGES_*``).
"""


def register() -> None:
    """Connect the receivers (imported here, not at the top, so that the worker processes,
    which import the pipeline from this package, never import Pelican)."""
    from plugins.engine.loading import collector_paused

    with collector_paused():  # plugins/engine/loading.py
        from .signals import register as connect

    connect()


__all__ = ["register"]
