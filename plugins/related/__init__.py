"""related: "related reading" under each article, chosen by what posts are about.

Each published post is scored against the others in its language by body text (TF-IDF over
its strongest terms, stop words removed, cosine) and shared tags weighted by rarity (a tag on
half the posts says little). Only posts whose content score reaches ``RELATED_MIN_SCORE`` can
be picked; the same category, shared authors and recency then re-rank them. Never picked: the
post itself, other parts of its own series, drafts, hidden and future posts, posts in another
language. Ties break by date, then slug. See ``scoring.py`` for the index and the search,
which never forms the N×N matrix.

Per post, ``Related: slug-a, slug-b`` pins posts first (they count toward ``RELATED_MAX``) and
``Related_exclude: slug`` removes one; an unknown slug is a warning naming the file.

Gives the theme ``article.related_posts`` (a list of articles, as pelican's related_posts
plugin does). ``invoke related <slug>`` prints each pick's score broken down by component.

The picking runs in a child of the build, on the core Pelican's serial steps leave idle
(``plugins/engine/forks.py``, ``Primed``): forked as the build's first generator is made
(``generator_init``, while the build's process is small: every page the build writes to after a
later fork would be copied, with the child holding the old one), it imports ``scoring.py`` with
NumPy once the posts are read (``article_generator_preread``; the build itself needs
``model.py``'s plain values alone); a second fork sends it the posts once they are final (100
at a time as it makes them), and the picks are given to the posts when Pelican asks for its
writer (``get_writer``), before any page is written. The posts are final once every plugin
that changes posts at
``article_generator_pretaxonomy`` (``blogcore``: a post that loses a URL clash taken out;
``team``: canonical authors; ``galleries``: gallery text) has
said so through the engine's ``posts_changed`` phase (``plugins/engine/phases.py``), whatever
their order in ``PLUGINS``; at the latest at ``article_generator_finalized``. A plugin of your
own that changes posts' text, tags or authors there joins ``phases.POST_CHANGERS`` and calls
``phases.mark_posts_changed``. Until the picks are given, ``related_posts`` is an empty list: a
plugin reading it must do so from ``get_writer`` on. Where the platform cannot fork, or the
child fails, the same work is done in the build's own process, and so it is on a site with
fewer post files than ``RELATED_FORK_MIN_POSTS`` (0 by default: less memory and processor time
there, the import and the scoring in line with the build; docs/performance.md).

Metadata keys read: ``related``, ``related_exclude``, ``series``, ``tags``, ``category``,
``authors``. Settings: see ``settings.py``.
"""

from plugins.engine.loading import collector_paused

with collector_paused():  # plugins/engine/loading.py
    from .signals import register

__all__ = ["register"]
