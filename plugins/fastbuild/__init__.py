"""fastbuild: make full builds and live-reload rebuilds cheaper, without changing a byte.

- **Parallel reading.** Pelican reads (Markdown, Pygments) one file at a time, and reading is
  most of a build. Before the articles and pages generators read, this plugin reads every file
  that is not already cached in a pool of forked workers, one per core, and hands the results
  to Pelican's own reader cache. Pelican then builds its content objects from them exactly as
  it would have. A file whose reading logs a warning or an error, or raises, is left to
  Pelican, so staff see the same messages in the same way.

Reads no metadata keys. Settings (``settings.py``): ``FASTBUILD_WORKERS``,
``FASTBUILD_MIN_FILES``.
"""

from .signals import register

__all__ = ["register"]
