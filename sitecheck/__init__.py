"""Checks over a built site (used by `invoke check`); one module per gate, no Pelican import.

Gates: lint (content and the build's own warnings), links, html (Nu validator), a11y (axe-core
in Chromium), lighthouse, weight (page-weight budget), feeds (Atom feeds and the sitemap).
Each gate's ``run(ctx)`` returns a ``Report``: findings (file, message) and figures.
"""
