"""The development server of `make serve`: its build-problems report and its static files.

Not a Pelican plugin (it is never in PLUGINS and registers nothing): `invoke serve` and the
warm builder (plugins/fastbuild/warm.py) import it; `make build` and `make publish` print
through its one-line console too (plugins/engine/command.py).

- ``problems``: a logging handler that keeps every warning and error a build logs (the very
  records the terminal prints) and writes them to ``.build-problems.json`` in the output
  folder, where the theme's ``js/devserver.js`` reads them. The theme includes that script
  only when the build has the setting ``DEVSERVER_OVERLAY = True``, which `invoke serve`
  passes with ``-e``; `make build`, `make publish` and every other build leave it out.
  Python warnings raised during the build are logged, so they are among them.
- ``pages``: which source file wrote each page, over the builds of one `make serve` session
  (``.build-pages.json``, written by the same builds only), so that a page whose address
  changed (its Slug, its Lang, its file renamed or moved) is followed to the new one, and a
  published page moved from where it was when the session started is said until it is fixed.
- ``static``: the WSGI application livereload serves the output folder with, which answers a
  missing page with the site's own 404.html (so the overlay shows there too), and sends a
  post's address to its draft preview and back, and a page that moved to its new address.
- ``watch``: what counts as a change: livereload's polling watcher, which also takes a file
  moved in with an old date, and makes one rebuild of changes found together.
"""
