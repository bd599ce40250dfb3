"""search: full-text search in the reader's browser, with Pagefind.

What it does on each build:

- Adds the ``search`` direct template (``SEARCH_URL``/``SEARCH_SAVE_AS``, ``/search/``): the
  page reads ``?q=`` and shows results through ``theme/assets/js/search.js``, which loads the
  index from the site itself (``/pagefind/pagefind.js``): no request leaves the site.
- At the end of every build (the engine's ``output_final`` phase: after every page is written, in
  the folder being built, so ``invoke publish`` indexes its staging folder before the swap)
  runs the Pagefind binary of the ``pagefind[extended]`` package over the output folder. Pagefind
  indexes only elements marked ``data-pagefind-body``: the theme marks published posts and
  pages, never drafts, hidden or future posts (drafts until their date), lists or team pages.
  A site with no such page gets no index at all (Pagefind would otherwise index every page).
- In a full build rendered in processes (fastbuild), Pagefind starts as soon as every post's
  and page's own page is written (fastbuild's ``content_pages_written`` signal), while the
  listings and feeds still render; ``output_final`` waits for it. The index is the same.
- Every language goes in one index (``SEARCH_LANGUAGE``, default ``DEFAULT_LANG``), so the one
  search page finds posts in any language; except pages in a language written without spaces
  between words (``SEARCH_SEGMENTED_LANGUAGES``: Chinese, Japanese, Thai) on a site whose
  index is in another: Pagefind splits their text into words only in an index of their own
  language, so each such language gets a bundle of its own inside the main one
  (``pagefind/ja/``, ``bundles.py``). ``merge.json`` lists them, and the search page merges
  them into the main one (Pagefind's ``mergeIndex``, with their language).

A failed or missing Pagefind is an error in the log (in strict builds, ``BLOGCORE_STRICT``,
the build fails); the rest of the site is unaffected.

Metadata keys read: none (the theme decides what is indexed; a page's language is its
``<html lang>``, as Pagefind reads it). Settings: see ``settings.py``.
"""

from plugins.engine.loading import collector_paused

with collector_paused():  # plugins/engine/loading.py
    from .signals import register

__all__ = ["register"]
