"""blogcore: the foundation every page of the blog relies on.

What it does on each build:

- Reads Markdown through a stricter reader: a bad value of any key (``Date``, ``Modified``
  before ``Date``, ``Status``, ``Lang``, an empty body...) stops that file with a message naming
  the file, the key and what was expected (Pelican alone says only "Could not process <file>");
  unknown keys are warnings, whatever ``ARTICLE_PATHS`` says (frontmatter.py).
- Sanitises every piece of HTML a writer controls with one nh3 profile, naming what it removed
  (text.py, docs/sanitising.md).
- Gives each URL one source: two files claiming one output path are named in an error before
  anything is written and the later one is skipped (urls.py); ``{filename}``/``{static}`` links
  to missing, draft or future content are named (links.py, docs/urls-and-links.md); a Markdown
  file no path setting picks up is named in a warning.
- Tidies rendered Markdown: code blocks and block formulas get ``tabindex="0"`` (scrollable
  by keyboard), table alignment becomes ``align-left|center|right`` classes instead of inline
  styles, a two-way table's empty corner is a ``<td>``; a post's headings start at ``<h2>``
  under its title, none skipped (headings.py, a Markdown extension kept whatever ``MARKDOWN``
  says: settings.ENGINE_MARKDOWN); footnote back-links' titles and untitled admonitions'
  headings are in the post's language, from the theme's catalogs (localwords.py,
  docs/search-and-languages.md); Obsidian's ``> [!note]`` callouts and GitHub's ``> [!NOTE]``
  alerts are admonitions (callouts.py).
- Gives a post without ``Summary:`` a text summary for cards (summaries.py): the text before
  its ``<!-- more -->`` or ``<!-- PELICAN_END_SUMMARY -->``, else its first words; leaves out links
  with no text, naming each (an error in a publish, as an image without alt text).
- Gives each feed its own Atom ``<id>``, its address (Pelican gives them all the site's);
  entries keep Pelican's ids.
- Adds ``word_count`` and ``reading_time`` (whole minutes, at least 1) to articles and pages.
- Adds ``structured_data``: a JSON-LD ``BlogPosting`` dict per article that other plugins may
  enrich (team and galleries at the engine's ``posts_described`` phase, series as the page is
  written) before the theme prints it with ``|tojson``.
- Adds ``og_image``: the article's first image readers can load (not one on the writer's
  disk or preview server, nor an address the build publishes nothing at), else
  ``BLOGCORE_DEFAULT_IMAGE``.
- Puts ``site_years`` (first and last year with a published post) in the template context.
- Registers the template filters ``isodate`` (ISO 8601 to the second, or the millisecond:
  ``dates.machine_date``), ``absolute_url``, ``initials`` and
  ``avatar_tone`` (a stable colour index for a monogram), and the ``{% memo key, ... %}``
  tag: a fragment rendered once per build for each key, then reused (a post's card on every
  listing that shows it; ``memo.py`` says what a key must name; an object without a hash counts
  as itself).
- Keeps compiled templates in ``CACHE_PATH/jinja`` between builds (``BLOGCORE_TEMPLATE_CACHE``),
  each reused only by an environment that compiles the same code (autoescape, whitespace
  options, extensions...; ``bytecode.py``); a damaged entry is compiled again; the folders
  of other Jinja and Python versions go, but one a running build holds.
- In strict builds (``BLOGCORE_STRICT``, on in publishconf.py) any error logged during the
  build makes ``pelican`` exit with status 1 after listing every error, so a publish never
  deploys a site that silently dropped a post.

Metadata keys checked in every post and page: all of Pelican's and the plugins' (see
docs/front-matter.md).
Settings: see ``settings.py``.
"""


def register() -> None:
    """Connect the receivers (imported here, not at the top, so that importing one of the pure
    modules from this package, as the importer and sitecheck's lint do for the front-matter
    readers, imports no Pelican; Pelican calls this right after importing the package)."""
    from plugins.engine.loading import collector_paused

    with collector_paused():  # plugins/engine/loading.py
        from .signals import register as connect

    connect()


__all__ = ["register"]
