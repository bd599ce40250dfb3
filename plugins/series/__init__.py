"""series: multi-part posts as a first-class thing.

A post joins a series with ``Series: <name>``; ``Series_index: <n>`` (a whole number from 1)
gives its place. Without an index, parts follow the indexed ones in date order; two with the
same Date are put in title order, with one line naming them and asking for a Series_index
(an error in a publish build, ``BLOGCORE_STRICT``, when they are all published). An optional
series file ``content/series/<slug>.md`` (slug = the series name, slugified) gives the series
its ``Title``, an introduction (its Markdown body), a ``Summary``, a ``Cover`` image (a path
under a static folder, e.g. ``images/cover.svg``) with ``Cover_alt``, and planned parts, one
``Planned: Title | 2027-01-15`` line each (the date is optional). A raster cover goes through
the images plugin as a post's cover does (``SERIES_COVER_WIDTHS``, the covers' widths):
``series.cover_picture``, its ``url`` the page's og:image; an SVG is ``series.cover`` only.
A translation of a series file, ``content/series/<slug>.<lang>.md`` (as team files'), gives the
series page in that language its Title, Summary, introduction, Cover and Planned parts; what it
leaves out is the original's, marked with the original's language (``series.name_lang``,
``summary_lang``, ``intro_lang``, ``cover_alt_lang``; planned parts' ``part.lang``). Planned parts
are planned in every language. The pages of one series link each other (``series.translations``).

What it gives the theme:

- ``article.series`` on every part, in every state and language (a ``model.Nav``): the
  pelican-series fields ``name``, ``index``, ``all``, ``all_previous``, ``all_next``,
  ``previous``, ``next`` (published parts only), plus ``url`` (the series page), ``number``
  and ``total`` (every announced part: published, planned, and scheduled parts and drafts
  when asked for), ``parts`` (those, in order, each with ``title``, ``state``, ``date``,
  ``number``, and ``url`` only when published), ``current_key``, ``published_count`` and
  ``upcoming``.
- ``series_list`` in every template: the series with a published part, most recent first.
- A page per series and language (template ``series.html``, variable ``series``), an index of
  all series (``series_index.html``) and an Atom feed per series and language;
  ``series_pages`` in the context (output file -> who writes it: ``model.pages_owned``)
  declares each of them, for blogcore's one-source-per-URL check and the redirects plugin
  (docs/architecture.md).
- ``isPartOf`` (a ``CreativeWorkSeries``) and ``position`` in each part's JSON-LD.

An unpublished part is never linked from anything this plugin or the theme writes. A draft or
a scheduled part (dated in the future, without ``Status: draft``) is not announced at all (not
listed, counted or numbered) unless its front matter says ``Series_announce: yes``, or the
site's ``SERIES_ANNOUNCE_DRAFTS`` or ``SERIES_ANNOUNCE_SCHEDULED`` is True and the part does not
say ``Series_announce: no``. A planned part (a ``Planned`` line) is always announced. An
unannounced part's own preview page shows the series as it will read once it is published.

Metadata keys read: ``series``, ``series_index``, ``series_announce``, ``status`` on posts;
``title``, ``summary``, ``cover``, ``cover_alt``, ``planned``, ``lang`` in series files.
Settings: see ``settings.py``, and blogcore's ``BLOGCORE_STRICT`` (publish builds); the
writer's guide is ``docs/series.md``.
"""

from plugins.engine.loading import collector_paused

with collector_paused():  # plugins/engine/loading.py
    from .signals import register

__all__ = ["register"]
