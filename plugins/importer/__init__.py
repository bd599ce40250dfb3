"""The importers of `invoke import-wordpress` and `invoke import-blogger` (docs/importing.md).

Not a Pelican plugin (it is never in PLUGINS and registers nothing): tasks.py runs it.

- ``wordpress``, ``blogger``: read an export file into the plain values of ``model``
  (posts, pages, authors, attachments, comments in every state); a file that is not such an
  export is one ``model.ExportError`` line.
- ``xmltext``: the control characters XML forbids, which exports carry anyway, dropped (and
  named) before a reader parses the file; an old WordPress export's unsplit ``]]>`` in a
  post's CDATA section repaired.
- ``convert``: HTML (and WordPress's shortcodes) into the site's Markdown.
- ``plan``: from the model to what the import writes: posts and pages with their front matter
  (``Redirect_from`` with the old permalinks), team files, galleries, pictures found in a copy
  of the old uploads, comment threads for Isso, pingbacks as received webmentions.
- ``archives``: the old blog's category, tag and author pages (WordPress's, with its Category
  and Tag base read from the posts' links to them; Blogger's label pages) and the addresses
  below them, which ``plan`` leads to the site's pages in the redirects plugin's
  ``REDIRECTS_MAP`` file (content/redirects.txt).
- ``apply``: writes the plan into the content folder through a temporary folder (all or
  nothing, never over a file that differs) and adds the comments to Isso's database once.
- ``report``: the lines printed at the end.
"""
