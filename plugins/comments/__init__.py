"""comments: a comment thread under each article, through an external service.

Providers: Isso (self-hosted; the default), giscus, utterances, Remark42 and Disqus, chosen with
``COMMENTS_PROVIDER`` (``none`` turns comments off), each configured with its own
``COMMENTS_<PROVIDER>_<OPTION>`` settings (see ``providers/``). Adding a provider takes one
module in ``providers/`` and one partial in ``theme/templates/partials/comments/``.

Nothing is requested from the comment service until the reader scrolls near the thread or
clicks "Show comments" (``COMMENTS_LOAD``; click is the default for providers hosted by a third
party). Pages carry no inline script: the theme's ``comments.js`` reads the provider's script
URL, attributes and globals from data attributes. Comment counts on post lists are off by
default (a count is a request from every list page as it loads); ``COMMENTS_COUNTS = True``
turns them on where the provider has a count API (Isso).

Per post: ``Comments: closed`` shows the thread read-only where the provider can (Isso), else
"Comments are closed", never a form; ``Comments: off`` shows nothing. ``Comment_id`` fixes the
thread's identity; it defaults to the post's slug, which survives a change of URL scheme. Drafts
get no thread.

Each build writes ``comments/threads.json`` (``COMMENTS_THREADS_FILE``): the thread ids that
are open and those that are closed (or off). ``wsgi.py`` wraps Isso on the comment server and
refuses new comments on the closed ones. For production (``docs/comments.md``):
``production.py`` writes and checks an isso.cfg, ``backup.py`` backs up and restores the
comment database; both, like ``wsgi.py``, run without Pelican.

A thread whose script does not load, or whose server does not answer the page, says "The
comments could not be loaded." (open or closed).

Gives the theme ``article.comments`` (a ``signals.Block`` or None). Metadata keys read:
``comments``, ``comment_id``, and ``redirect_from`` (a post's own old-slug address: one warning
naming the Comment_id that keeps its comments). Settings: see ``settings.py`` and
``providers/``; a server's address set to its script's (``…/js/embed.min.js``) is an error.
"""

from plugins.engine.loading import collector_paused

with collector_paused():  # plugins/engine/loading.py
    from .signals import register

__all__ = ["register"]
