"""webmentions: what other sites and social posts said about each article, shown under it.

At build time, one paged request to webmention.io's API for the whole domain
(``WEBMENTIONS_DOMAIN``, token from the environment variable named by
``WEBMENTIONS_TOKEN_ENV``) fetches the mentions received since the last build; they are merged
into a cache outside ``output/`` (``<CACHE_PATH>/webmentions.json``), so an offline build, a
timeout or an API error shows the last good copy with a warning, never a failed build. Each
answer must arrive whole within ``WEBMENTIONS_TIMEOUT`` and the whole fetch within
``WEBMENTIONS_DEADLINE`` (``network.py``: urllib's timeout bounds each read only).

Each post gets a ``webmentions`` block: counts of likes, reposts and bookmarks, then replies
and mentions with author, date, link and text. Their HTML goes through blogcore's sanitiser
with a strict profile (a small set of tags, http(s) links marked ``nofollow ugc noopener``; no
script, style or event attribute; see docs/sanitising.md);
author photos are never loaded, so readers' browsers make no request to third parties.
Characters no page may carry (controls, DEL, noncharacters, lone surrogates) are removed from
all they show, and the theme puts each name in ``<bdi>``. Private webmentions are never shown.
No network at all when ``WEBMENTIONS_DOMAIN`` is unset.

The archive (``WEBMENTIONS_ARCHIVE``, ``webmentions.json`` in the content folder): mentions
kept with the posts, an old blog's pingbacks and trackbacks written by the importers or
mentions added by hand, in webmention.io's format (``archive.py``). They are shown with or
without a domain, together with the received ones; a file that cannot be used is one line
naming it (an error in strict builds), and a target no post has is a warning.

Sending (``WEBMENTIONS_SEND``, off by default): publish builds record each post's external
links in an outbox, and ``invoke send-webmentions``, run after the deploy (the receiver fetches
the post to verify it), notifies each target's endpoint once (``send.py``), recording each
one as it is done: a site that fails is one outcome, and a run stopped part-way keeps the rest.

Gives the theme ``article.webmentions`` (a ``mentions.Summary`` or None). Metadata keys read:
none. Settings: see ``settings.py``.
"""

from plugins.engine.loading import collector_paused

with collector_paused():  # plugins/engine/loading.py
    from .signals import register

__all__ = ["register"]
