"""covers: one picture per post, for the home page, listings and social cards.

A post's cover is, in this order:

1. the file named by its ``Cover:`` key: a path inside the content folder (``images/x.jpg``;
   ``{static}images/x.jpg``, ``{static}/images/x.jpg`` and ``/images/x.jpg`` mean the same);
2. else the first raster image (JPEG, PNG, WebP, AVIF, HEIC...) in its text, a content file;
3. else the cover photo of its gallery (``Gallery:``, read by the galleries plugin);
4. else none: the theme shows no picture, never a stock placeholder.

SVG images are never covers: the sample posts' SVGs are diagrams, unreadable when cropped to a
thumbnail, and social networks do not show SVG as a card's image. The search for a first image
passes over them; ``Cover:`` naming an SVG is an error. A ``Cover:`` that is not a content path,
names no file, or names a file that is not a readable image is ONE error line naming the post
and the key; the post is built with the cover it would have had without the key.

Raster covers go through the images plugin (renditions at ``COVERS_WIDTHS``, every format,
no metadata); a gallery's cover reuses the gallery's own renditions.

Gives the theme ``article.cover_picture``: an images ``Picture`` or None (every post, draft
and translation). At the engine's ``posts_described`` phase a post with a cover gets it as its
``og_image`` and JSON-LD image; a post whose social image is an SVG gets
``BLOGCORE_DEFAULT_IMAGE`` instead, when one is set.

Needs the images plugin. Metadata keys read: ``cover`` (and ``gallery`` through
``article.gallery``). Settings: see ``settings.py`` (``COVERS_*``). Pure logic: ``model.py``.
"""

from plugins.engine.loading import collector_paused

with collector_paused():  # plugins/engine/loading.py
    from .signals import register

__all__ = ["register"]
