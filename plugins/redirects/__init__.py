"""redirects: old URLs keep working after a move (Blogger, WordPress, a changed slug).

A post or page lists its old addresses in ``Redirect_from`` (comma-separated, or one per line);
so does a gallery, in its gallery.md (plugins/galleries puts its galleries in the context,
``galleries``; those readers may see are read like posts). For each plain old path
(``/2008/10/slug.html``, ``/2008/10/29/slug/``, ``/slug/``) the build writes a tiny page there
(``theme/templates/redirect.html``): an immediate meta refresh to the item's new absolute URL,
its canonical link, ``noindex`` (so the sitemap leaves it out) and a visible link. Every old
URL, query-string ones too (``/?p=123``), becomes a line of the ``_redirects`` file that Netlify
and Cloudflare Pages read (``REDIRECTS_FILE``).

An adopted site's old URL patterns (``REDIRECTS_OLD_ARTICLE_URLS = ("{slug}.html",)``, as its
``ARTICLE_URL`` was; pages and translations alike) give every published post the same
redirects, formatted with Pelican's ``url_format``; a post's own ``Redirect_from`` keeps an
address first. ``REDIRECTS_OLD_CATEGORY_URLS``, ``_TAG_`` and ``_AUTHOR_`` do the same for the
first page of each category, tag and person (``{slug}``, ``{name}``).

Old addresses that are no item's (an imported blog's category, tag and author pages) are
listed in the ``REDIRECTS_MAP`` file of the content folder (``redirects.txt``), one ``OLD NEW``
pair a line, the new address a page the build writes (else one error line naming the line);
the importers write it. Its lines come after every item's claims.

Refused, one error line each naming the file and the key: a path that is not this site's, an
old path where the site writes a page of its own, an old path another post claimed first (by
date), ``..`` or backslashes. Drafts and future posts get no redirects. Docs:
docs/redirects.md.

Published addresses (``REDIRECTS_PUBLISHED``, the live site's sitemap.xml that the workflows
fetch before a publish build): each address in it that the build no longer writes, as a page or
a redirect page, is one error line naming the post that probably had it, unless
``REDIRECTS_REMOVED`` lists it (removed on purpose); a listing page whose last post went is
said in one line, not an error. Logic in ``published.py``.

Metadata keys read: ``redirect_from`` (posts, pages, and galleries' ``metadata``). Settings: see
``settings.py``.
"""

from plugins.engine.loading import collector_paused

with collector_paused():  # plugins/engine/loading.py
    from .signals import register

__all__ = ["register"]
