"""fastbuild: make full builds and live-reload rebuilds cheaper, without changing a byte.

- **Parallel reading.** Pelican reads (Markdown, Pygments) one file at a time, and reading is
  most of a build. Before the articles and pages generators read, this plugin reads every file
  that is not already cached in a pool of forked workers, one per core, and hands the results
  to Pelican's own reader cache. Pelican then builds its content objects from them exactly as
  it would have. A file whose reading logs a warning or an error, or raises, is left to
  Pelican, so staff see the same messages in the same way.
- **Parallel rendering.** Pelican renders (Jinja) one page at a time once everything is read.
  In full builds this plugin's writer keeps every ``write_file``/``write_feed`` call, and its
  last generator renders them all in forked workers, one per core, the build's own process
  taking a share. Workers send back the files they wrote, their log records (logged again by
  the build, in the order a one-process build logs them, so strict builds count their errors)
  and their errors (the build fails with the one a one-process build would stop at).
  Every post's and page's own page is rendered first; then the named blinker signal
  ``content_pages_written`` is sent (with ``settings=`` and ``written=``, the sorted paths of
  the files written so far), before the listings and feeds, so a plugin can start on those
  pages (the search plugin starts Pagefind). A receiver that started work in other processes
  returns True: the listings and feeds are then rendered in one worker, at a lower priority
  (``os.nice(10)``), so that work goes first and it fills the cores that work leaves idle
  (Pagefind's last step uses one core; at 5,000 posts it ran alone for about 4 s at the end);
  one worker, not one per core, as each adds its copies of the build's pages to the peak.
  Incremental builds, builds with ``RELATIVE_URLS`` and small sites render in one process.
  ``content_written`` reaches every other plugin's receivers (pelican-sitemap's, which
  collects pages so) in the build's own process, for every page, once: a worker sends it to
  our plugins' receivers only (csp's check runs where the page is written, in parallel), and
  the build sends it to the others for the worker's pages, in the order of a one-process
  build, with the context Pelican gives the page. A feed that another plugin listens to
  (``feed_generated``, which may change the feed before it is written, or ``feed_written``)
  is written in the build's process when Pelican writes it, not in a worker: what those
  receivers keep is not lost with a worker, and each runs once per feed.
- **Fixed URLs.** Once Pelican has read the posts (``article_generator_pretaxonomy``), each
  post's URL is stored in ``override_url`` and the path it is written to in
  ``override_save_as`` (Pelican's own fields for a fixed URL and path), and each page's once
  every generator has finished, so templates and plugins reading ``.url`` tens of times per
  post, and ``.save_as`` six times, no longer work them out from the settings each time.
- **Feed entries made once.** The same post sits in many feeds (all posts, its category, each
  of its tags, its author, its language). fastbuild's writers make each post's feed item, and
  its XML, once per process and reuse them (``feeds.py``); each feed gets its own copy of the
  item, so a ``feed_generated`` receiver changing one changes no other.
- **Quick taxonomy lookups.** Pelican's tag, category and author pages each scan their list of
  posts once per post of the site (``article in articles``), which grows with the square of the
  site: 1.2 s of one core at 5,000 posts. Once every generator is done, those lists become
  lists that answer ``in`` through a set of their posts (``members.py``), with the same items
  in the same order.
- **A warm process for the live-reload loop** (``warm.py``, used by ``invoke serve``). It imports
  Pelican and the plugins once; each rebuild runs in a fork of it and leaves without freeing its
  objects. When a module it imported changes on disk, a fresh process takes over.

Everything that relies on Pelican's or Python's internals lives in ``compat.py``, used only on
the versions it declares (``TESTED``) and with ``FASTBUILD_ACCELERATE`` True; otherwise the
build takes the stock path (Pelican's own reading, Writer and feeds; full builds) and says
so in one info line. Nothing of Pelican's is changed at import or at ``register()``.

Reads no metadata keys. Settings (``settings.py``): ``FASTBUILD_WORKERS``,
``FASTBUILD_MIN_FILES``, ``FASTBUILD_INCREMENTAL``, ``FASTBUILD_PAGE_ONLY_ATTRIBUTES``,
``FASTBUILD_LINKED_ATTRIBUTES``, ``FASTBUILD_ACCELERATE``.
"""

from plugins.engine.loading import collector_paused

with collector_paused():  # plugins/engine/loading.py
    from .signals import register

__all__ = ["register"]
