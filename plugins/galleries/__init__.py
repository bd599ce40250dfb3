"""galleries: photo galleries on the site's one image pipeline (the images plugin).

What it does on each build:

- Reads ``content/<GALLERY_PATH>/<slug>/`` (default ``content/galleries/``): the photos
  (JPEG, PNG, WebP, AVIF, TIFF, HEIC) and an optional sidecar ``gallery.md`` (``Title``,
  ``Date``, ``Summary``, ``Cover``, one ``Photo: file | caption | alt text`` line per photo
  in order, then a Markdown description). The folder is never read as posts, pages or static
  files, so only renditions are published: EXIF orientation applied, GPS and other EXIF
  stripped, ICC kept.
- Renders every photo once per build through ``images.service`` (one worker pool, the
  content-hash cache), in ``GALLERY_FORMATS`` (AVIF, WebP, JPEG) at ``GALLERY_WIDTHS``.
- Gives each post that names a gallery in ``Gallery: <slug>`` an ``article.gallery`` (shown
  after the body by ``partials/gallery.html``) and replaces each ``{gallery}<slug>`` line of a
  post's body with the gallery block; ``article.galleries`` lists every gallery a post shows.
  A post with a gallery and no image of its own uses the gallery's cover as its og:image.
- Turns plain Markdown images of posts and pages (``![alt]({static}/images/x.jpg)``: JPEG,
  PNG, WebP, AVIF, TIFF, HEIC; SVGs are left alone) into responsive ``<picture>`` elements
  with width/height.
- Gives each photo its width/height ratio as a class, ``photo.ratio_class`` (``r150`` for
  3:2, the nearest step of ``model.ratio_scale()``), from which gallery.css lays photos out in
  justified rows without a ``style=`` attribute.
- Writes a page per gallery (``gallery.html``, variable ``gallery``) and an index of galleries
  (``gallery_index.html``; ``gallery_list`` in every template: galleries newest first).
- Puts ``galleries`` in the context (slug -> ``model.Gallery``): each with its
  ``source_path``, its gallery.md's ``Redirect_from`` as ``metadata`` (only while readers may
  see it: a draft or future gallery is redirected to by nothing), ``public`` and
  ``reader_status`` (``draft`` while not out), which the redirects plugin and make serve's
  record of pages (plugins/devserver/pages.py) read: a renamed folder moves its page. A
  gallery page of a site without them (``GALLERY_SAVE_AS = ""``) has no ``url``: nothing
  links to it, and its ``Redirect_from`` is one warning.
- Puts ``gallery_pages`` in the context (output file -> who writes it): every gallery's
  page, hidden and previewed ones too, the address a withheld gallery takes once it is out,
  and the index; blogcore's one-source-per-URL check and the redirects plugin read it, so no
  redirect and no other page is ever put at a gallery's address.
- Puts ``gallery_folders`` in the context (``galleries/<slug>`` -> slug and why readers may
  not see it yet, or ""), every gallery read: blogcore's link check names a link to a photo of
  a draft or future gallery as a link to a draft.
- Reports, naming the file: a sidecar line it cannot read, a photo the sidecar names that is
  missing (did you mean…), a file that is not a photo, a corrupt photo (the rest still
  builds), a photo without alt text or caption (an error with ``GALLERY_REQUIRE_ALT``), a
  post naming a gallery that does not exist (did you mean…: the nearest name, or the one
  gallery holding every photo it held when a build last read it, remembered in
  ``CACHE_PATH/galleries/photos.json``: a renamed folder), another engine's ``Gallery:``
  idiom (the photos plugin's ``{photo}album``) with what to write, the photos plugin's
  picture of a post (``Image: {photo}album/x.jpg``) with the ``Cover:`` to write. Photos
  carrying GPS are named by the images plugin, one line per gallery (its requests' ``group``).

Metadata keys read in posts: ``gallery``, ``image`` (only to name the photos plugin's).
Sidecar keys: ``title``, ``date``, ``timezone``, ``summary``, ``cover``, ``photo``,
``status``, ``lang``, ``redirect_from``. Settings: see ``settings.py`` (``GALLERY_*``).
Needs the images plugin, listed anywhere in PLUGINS.
"""

from plugins.engine.loading import collector_paused

with collector_paused():  # plugins/engine/loading.py
    from .signals import register

__all__ = ["register"]
