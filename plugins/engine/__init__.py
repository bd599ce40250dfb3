"""engine: what the plugins share (not a Pelican plugin: never in PLUGINS).

- ``config``: merging a plugin's settings over its defaults, with the unknown-key check (pure:
  each plugin's ``settings.py`` imports it and stays free of Pelican).
- ``settings_errors``: what every plugin's settings check found, said together once all have
  checked, one line each at the line of the settings file that set the value, which ``origin``
  finds with ``ast`` (pure).
- ``build``: the per-build object (``current(settings).state(plugin)``) and ``register``,
  through which every plugin connects its receivers, so that a build runs only the receivers
  of the plugins it lists.
- ``phases``: the signals this engine adds to Pelican's, declared in one place.
- ``items``: ``every_article(generator)``, the posts a generator read in every state and
  language, for the plugins that attach something to each.
- ``side``: side content (team files, series files, gallery sidecars) found and read one way,
  with Pelican's readers.
- ``slugs``: the slug `make new-post` and the importer give a title, and the one Pelican gives
  a file on the site (its Slug, name, folders or title: ``Rule.of_file``) (pure).
- ``files``: writing a file so that no one reads half of it (pure).
- ``ignores``: whether a name is one ``IGNORE_FILES`` names, all patterns in one expression, as
  ``fnmatch`` answers (pure).
- ``command``: ``python -m plugins.engine.command``, Pelican's command line as `make build`
  and `make publish` run it: an exception in a file of the project is one line (file,
  line, error), with serve's console (plugins/devserver/problems.py), not a traceback.
- ``translations``: a translation of a draft or future post (or of a draft page) is held back
  as a draft with its original, in every build, before any plugin reads the posts; the rule
  itself, on plain values, is ``waiting``; ``drafts``: in a build that writes no drafts, a
  draft's own ``Save_as`` writes nothing either.
- ``clashes``: other people's plugins that clash with ours (pelican-sitemap, -related-posts…),
  one line each at the ``PLUGINS`` line.
- ``rendering``: where a page's render failed (the template's line, the page), kept on the
  error so the build's one line names it, from a worker too (pure).
- ``loading``: each plugin's modules imported with the cyclic collector paused, and frozen
  after (pure).
- ``forks``: work in forked processes, fanned out (``in_forks``) or prepared early and fed
  later (``Primed``) (pure).
- ``heif``: pillow-heif's HEIC reader handed to Pillow when a file first needs it, for the image
  pipeline and the reST reader's picture sizes (pure).

Nothing is imported here: importing ``plugins.engine.config`` must not import Pelican.
"""
