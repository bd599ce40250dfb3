"""The engine's own phases: the signals this project adds to Pelican's, declared in one place.

Each is a blinker signal in this engine's namespace (not blinker's global one), sent by one
plugin (or by the engine) and received by others; a plugin states which phase it needs, never
where it stands in ``PLUGINS``.

Pelican's ``all_generators_finalized`` is split in two, and its ``finalized`` in four, each
sent in order by the engine's one receiver of it (no plugin connects to either directly: a
receiver's place among that signal's receivers would depend on the order of ``PLUGINS``):

- ``sources_known(generators)``: every generator has read its content and every output path
  is known. For what must happen before anything reads a summary or a body: blogcore skips
  clashing items and checks links. Then the engine resolves the links in every summary and
  metadata (``refresh_metadata_intersite_links``, which Pelican itself calls only after the
  signal, while Pelican keeps the first reading of a summary).
- ``content_final(generators)``: the content is final and its links resolved; every other
  receiver that Pelican's ``all_generators_finalized`` would have had.
- ``posts_described(generator)``: sent by blogcore at ``content_final`` once each post has its
  social image (``og_image``) and JSON-LD (``structured_data``); team puts people into the
  JSON-LD, galleries gives a post without an image of its own its gallery's cover.
- ``posts_changed(generator, plugin=...)``: sent by each plugin of ``POST_CHANGERS`` once it
  has finished changing posts at ``article_generator_pretaxonomy`` (blogcore: a post that
  loses a URL clash taken out of the lists; team: canonical authors; galleries: gallery
  markup and captions in their text). ``posts_final(generator)`` tells whether every listed
  changer has done so in this build: what reads the list of posts at that signal (related
  copies it) waits for it. Team and galleries change only the posts blogcore keeps
  (``CHANGES_AFTER``): each asks ``turn_to_change`` at that signal and at ``posts_changed``.
- ``side_file_read(generator, page=...)``: sent by ``side.read`` once a side file (a team
  bio, a gallery's description, a series' introduction) is read and its links Pelican finds
  are collected for copying (``static_links``); blogcore collects those Pelican's pattern
  passes over (a ``srcset``, a tag's links before its last), as it does a post's. A series
  file is read after Pelican's own collection is done, so this is sent by each read.
- ``keys_written(path, settings=..., keys=..., page=...)``: sent by blogcore's reader for a
  post or page it refuses for a mistake of its own keys (``Date: 2026-13-30``), with the keys
  as read (``keys``: lowercase, as Pelican names them; ``path``: the file as lines name it).
  No plugin sees a refused post, so each plugin with front-matter keys of its own returns
  their mistakes, ``(level, message)`` each (``logging.ERROR`` or ``logging.WARNING``, the
  line it gives a post it reads), and the reader says them with the file's others, in the
  same build: a writer fixes every key at once. A key checked against the whole site (a
  ``Related`` slug, a ``Gallery`` folder, an ``Author`` without a team file or with an
  address, no byline, a ``Cover`` photo of a withheld gallery, a ``Redirect_from`` old path
  a page or another post has) is kept by its plugin in the per-build object and said where
  it checks the others' keys; a refused post keeps no old path, publishes nothing. A post that is
  not refused is not sent: its plugins read it and say its keys as before.
- ``output_written(pelican)``: Pelican has written every page and file; for what adds to the
  output or changes it: images cleans every published original (and removes a raw camera
  file), redirects writes its pages and ``_redirects``, csp its ``_headers``, blogcore the
  favicon.
- ``files_written(sender, settings=..., paths=...)``: sent by a plugin that writes files
  into the output folder itself, not through Pelican's writer (redirects' pages and
  ``_redirects``, images' renditions, csp's ``_headers``, blogcore's bundles, favicon and
  sitemap, comments' ``threads.json``), in every build that writes them or keeps them as
  they are, by ``output_written`` at the latest, with their paths
  relative to the output folder. Incremental builds (fastbuild, `make serve`) record them
  with the pages: one the next build no longer sends is removed, as a deleted post's page is.
  ``folders=...``: folders the plugin writes whole, their files unnamed (search's index,
  which Pagefind may write after the build): one the next build no longer names is emptied.
- ``output_complete(pelican)``: every file of this build is written and named; for what
  tidies the folder: fastbuild removes the files plugins named in the last incremental build
  and not in this one (a redirect taken out, a photo deleted) and saves its record (pages and
  static copies no longer written went before ``output_written``).
- ``output_final(pelican)``: the output is complete; for what reads it: blogcore's check of
  links starting with "/" and its sitemap, search's Pagefind index.
- ``verdict(pelican)``: every check has said what it found: blogcore fails a strict (publish)
  build that logged an error, wherever in the build the error was (an image refused while
  the output was cleaned, too), so a failed build never deploys.
- ``content_pages_written(sender, settings=..., written=...)``: sent by fastbuild once every
  post and page is written, before listings and feeds, with the sorted paths written; a
  receiver returns True when it started work that the listings should yield to (search:
  Pagefind, started early).

The engine also receives ``article_generator_pretaxonomy`` and ``page_generator_finalized``
itself, ahead of every plugin: there ``translations`` makes a translation of a draft (or of a
post dated in the future) a draft too, so no plugin, listing or feed sees it as published;
then ``scheduled`` marks each post dated in the future (``engine_scheduled``, which its
preview's banner says), and names it in one line when Pelican sends ``finalized``, just
before the engine's phases of it.
It does so in every build that lists one of our plugins, and in no other: its receivers are
connected by ``build.register``, never on import (build.py).
"""

from __future__ import annotations

import logging
from typing import Any

from blinker import Namespace
from pelican import signals

from . import build, drafts, files, scheduled, translations

_namespace = Namespace()

sources_known = _namespace.signal("sources_known")
content_final = _namespace.signal("content_final")
posts_described = _namespace.signal("posts_described")
posts_changed = _namespace.signal("posts_changed")
side_file_read = _namespace.signal("side_file_read")
keys_written = _namespace.signal("keys_written")
content_pages_written = _namespace.signal("content_pages_written")
output_written = _namespace.signal("output_written")
files_written = _namespace.signal("files_written")
output_complete = _namespace.signal("output_complete")
output_final = _namespace.signal("output_final")
verdict = _namespace.signal("verdict")

# The plugins that change, at article_generator_pretaxonomy, what other plugins read of posts
# (blogcore: which posts there are, a clash's loser taken out; team: authors; galleries: text).
POST_CHANGERS = ("plugins.blogcore", "plugins.team", "plugins.galleries")
# A changer that works on the posts another one leaves: team and galleries change (and name
# the problems of) only the posts blogcore keeps, not one skipped for a URL clash.
CHANGES_AFTER = {"plugins.team": ("plugins.blogcore",), "plugins.galleries": ("plugins.blogcore",)}


def mark_posts_changed(generator: Any, plugin: str) -> None:
    """Record that ``plugin`` is done changing posts in this build, then tell the receivers."""
    state = build.current(generator.settings).state(__name__)
    state.changed = {*getattr(state, "changed", ()), plugin}
    posts_changed.send(generator, plugin=plugin)


def turn_to_change(generator: Any, plugin: str) -> bool:
    """Is it ``plugin``'s turn to change posts: every changer it comes after (``CHANGES_AFTER``)
    that this build lists is done? True once per build, to the first receiver that asks (the
    plugin's at ``article_generator_pretaxonomy``, or at ``posts_changed`` when it waited)."""
    state = build.current(generator.settings).state(__name__)
    begun = state.__dict__.setdefault("begun", set())
    if plugin in begun:
        return False
    listed = build.listed(generator.settings)
    done = getattr(state, "changed", set())
    if all(other in done for other in CHANGES_AFTER.get(plugin, ()) if other in listed):
        begun.add(plugin)
        return True
    return False


def posts_final(generator: Any) -> bool:
    """Has every post changer this build lists finished changing posts?"""
    listed = build.listed(generator.settings)
    done = getattr(build.current(generator.settings).state(__name__), "changed", set())
    return all(plugin in done for plugin in POST_CHANGERS if plugin in listed)


def _on_all_generators_finalized(generators: list) -> None:
    """Pelican's all_generators_finalized as the engine's two phases, in their order."""
    sources_known.send(generators)
    for generator in generators:
        if hasattr(generator, "refresh_metadata_intersite_links"):
            generator.refresh_metadata_intersite_links()
    content_final.send(generators)


def _on_initialized(pelican: Any) -> None:
    """This build's filter of Pelican's "All items ... are translations" (translations says
    what matters of such a group), and of its "Could not save cache" (one line naming the
    disk, files.CacheNotSaved), taken away when the build ends."""
    utils = logging.getLogger("pelican.utils")
    utils.addFilter(translations.SAID_HERE)
    build.current(pelican.settings).on_close(lambda: utils.removeFilter(translations.SAID_HERE))
    cache, unsaved = logging.getLogger("pelican.cache"), files.CacheNotSaved()
    cache.addFilter(unsaved)
    build.current(pelican.settings).on_close(lambda: cache.removeFilter(unsaved))


def _on_finalized(pelican: Any) -> None:
    """Pelican's finalized as the engine's four phases, in their order; then the build is
    over, even when the verdict stops it (what it added to the process is taken away)."""
    try:
        output_written.send(pelican)
        output_complete.send(pelican)
        output_final.send(pelican)
        verdict.send(pelican)
    finally:
        build.current(pelican.settings).close()


# The engine's own receivers, declared here and connected by build.register() before any
# plugin's, in each build that lists one of our plugins (never at import, never in a build
# that lists none: stock Pelican in the same process stays stock). So they come first among
# the receivers of their signal (Pelican's blinker calls them in the order they were
# connected): a translation of a draft is a draft before any plugin reads the lists.
build.run_first(signals.initialized, _on_initialized)
build.run_first(signals.article_generator_pretaxonomy, translations.on_articles_read)
build.run_first(signals.page_generator_finalized, translations.on_pages_read)
# then no draft is written by its own Save_as where the site writes no drafts (drafts.py)
build.run_first(signals.article_generator_pretaxonomy, drafts.on_articles_read)
build.run_first(signals.page_generator_finalized, drafts.on_pages_read)
# then each post dated in the future (and a translation held back with one) says when it goes
# out: its preview's banner, and one line per post (scheduled.py)
build.run_first(signals.article_generator_pretaxonomy, scheduled.on_articles_read)
build.run_first(signals.all_generators_finalized, _on_all_generators_finalized)
# the lines about scheduled posts, once the pages are written, before the phases and verdict
build.run_first(signals.finalized, scheduled.on_finalized)
build.run_first(signals.finalized, _on_finalized)
