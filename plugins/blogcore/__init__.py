"""blogcore: the foundation every page of the blog relies on.

What it does on each build:

- Reads Markdown through a stricter reader: a bad ``Date``/``Modified`` or an unknown
  ``Status`` stops that file with a message naming the file, the key and what was
  expected (Pelican alone says only "Could not process <file>").
- Tidies rendered Markdown: code blocks get ``tabindex="0"`` (scrollable by keyboard) and
  table alignment becomes ``align-left|center|right`` classes instead of inline styles.
- Adds ``word_count`` and ``reading_time`` (whole minutes, at least 1) to articles and pages.
- Adds ``structured_data``: a JSON-LD ``BlogPosting`` dict per article that other plugins may
  enrich (series, team) before the theme prints it with ``|tojson``.
- Adds ``og_image``: the article's first image, else ``BLOGCORE_DEFAULT_IMAGE``.
- Puts ``site_years`` (first and last year with a published post) in the template context.
- Registers the template filters ``isodate``, ``absolute_url``, ``initials`` and
  ``avatar_tone`` (a stable colour index for a monogram), and the ``{% memo key, ... %}``
  tag: a fragment rendered once per build for each key, then reused (a post's card on every
  listing that shows it; ``memo.py`` says what a key must name).
- In strict builds (``BLOGCORE_STRICT``, on in publishconf.py) any error logged during the
  build makes ``pelican`` exit with status 1 after listing every error, so a publish never
  deploys a site that silently dropped a post.

Metadata keys read: ``date``, ``modified``, ``status`` (validated), ``summary``.
Settings: see ``settings.py``.
"""

from .signals import register

__all__ = ["register"]
