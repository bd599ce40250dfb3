"""share: a row of plain share links under each article, built at build time.

Mastodon (through a share page that asks the reader for their instance), Bluesky, LinkedIn,
e-mail and "copy link". No third-party script and no request before a click: each entry is an
ordinary link; "copy link" is a button that JavaScript reveals, over a link to the post itself.
Links carry the post's canonical URL and nothing else (no utm_ or other tracking parameters).

Gives the theme ``article.share_links`` (a sequence of ``links.ShareLink``, made as a page
iterates it; empty for drafts).
Metadata keys read: none (the title and URL). Settings: see ``settings.py``.
"""

from plugins.engine.loading import collector_paused

with collector_paused():  # plugins/engine/loading.py
    from .signals import register

__all__ = ["register"]
