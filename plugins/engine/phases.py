"""The engine's own phases: the signals this project adds to Pelican's, declared in one place.

Each is a blinker signal in this engine's namespace (not blinker's global one), sent by one
plugin and received by others; a plugin states which phase it needs, never where it stands
in ``PLUGINS``.

- ``posts_changed(generator, plugin=...)``: sent by each plugin of ``POST_CHANGERS`` once it
  has finished changing posts at ``article_generator_pretaxonomy`` (team: canonical authors;
  galleries: gallery markup and captions in their text). ``posts_final(generator)`` tells
  whether every listed changer has done so in this build.
- ``content_pages_written(sender, settings=..., written=...)``: sent by fastbuild once every
  post and page is written, before listings and feeds, with the sorted paths written; a
  receiver returns True when it started work that the listings should yield to (search:
  Pagefind, started early).
"""

from __future__ import annotations

from typing import Any

from blinker import Namespace

from . import build

_namespace = Namespace()

posts_changed = _namespace.signal("posts_changed")
content_pages_written = _namespace.signal("content_pages_written")

# The plugins that change, at article_generator_pretaxonomy, what other plugins read of posts.
POST_CHANGERS = ("plugins.team", "plugins.galleries")


def mark_posts_changed(generator: Any, plugin: str) -> None:
    """Record that ``plugin`` is done changing posts in this build, then tell the receivers."""
    state = build.current(generator.settings).state(__name__)
    state.changed = {*getattr(state, "changed", ()), plugin}
    posts_changed.send(generator, plugin=plugin)


def posts_final(generator: Any) -> bool:
    """Has every post changer this build lists finished changing posts?"""
    listed = build.listed(generator.settings)
    done = getattr(build.current(generator.settings).state(__name__), "changed", set())
    return all(plugin in done for plugin in POST_CHANGERS if plugin in listed)
