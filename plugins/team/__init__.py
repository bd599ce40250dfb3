"""team: the people behind the blog, from one Markdown file each.

What it does on each build:

- Reads ``content/<TEAM_PATH>/<slug>.md`` (default ``content/team/``), one file per person; these
  files are never posts, pages or static files. The body is the bio (Markdown); its first
  paragraph is the short bio.
- Maps each post's ``Author`` / ``Authors`` to the person they name (by Name, file slug or alias,
  accents and case ignored, letters of every script kept: ``people.normalise``) before Pelican
  groups posts by author, so every post of a person shares one author page at
  ``/team/<slug>/``. A name without a team file is a warning in development and an error in
  strict (publish) builds, naming the post, the name and the closest known name, or one line
  for all its posts; it keeps Pelican's slug, with -2, -3 where that is someone else's. A list
  written with another script's comma (``،``, ``，``, ``、``) is named as read as one name.
  An e-mail address in an author value (``Adam (adam@example.org)``, ``Adam <…>``: old
  Blogger and WordPress exports) or in ``AUTHOR`` is never published: the value is read as
  the name without it, one warning per form; names given with one address whose words are
  part of the fullest one's are one person (``Adam``, ``Adam Ginsburg``; ``people.signature``,
  ``people.group_signers``), the others their aliases in the missing-file line.
  Posts without an author line are the site's ``AUTHOR``'s: the person's it names, or one
  warning when it has no team file.
- Gives each person's Author object: ``role``, ``pronouns``, ``short_bio`` (plain text), ``bio``
  (HTML, links resolved), ``links`` (``Link(label, url, rel, kind)``: website and social profiles
  with ``rel="me noopener"``, then email), ``email``, ``alumni``, ``aliases``, ``post_count``,
  ``bio_lang`` (the team file's ``Lang``, else ``DEFAULT_LANG``: pages in another language
  mark the bio with it),
  ``photo`` (a ``Picture`` from the images plugin: square headshots in WebP and JPEG, EXIF
  stripped; None without a photo) and ``person`` (a schema.org Person dict for JSON-LD).
- Replaces the names in each post's ``structured_data["author"]`` (blogcore) with Person objects
  (name, url, jobTitle, image, sameAs).
- Writes the profile page of people without posts yet (Pelican writes the others) with the
  theme's ``author.html``; puts ``team`` (``.current`` and ``.alumni``: Author objects sorted by
  name) in the template context for the team page (``authors.html``).
- Reads translations, ``<slug>.<lang>.md`` beside ``<slug>.md`` (``languages.py``): the role,
  pronouns and bio in one more language. Each Author gets ``lang`` (its profile page's,
  ``DEFAULT_LANG``), ``role_lang``, ``versions`` (page language -> the Author, or an
  ``AuthorVersion``, to show there: that version's role, pronouns, bios and ``url``; empty
  without translations) and ``translations`` (its profiles in other languages, as a post's
  ``translations``). Writes each person's profile in each other language at ``{lang}/`` +
  ``AUTHOR_URL`` (``/fr/team/<slug>/``) with ``author.html``, ``author`` the version and
  ``page`` its bio (a Content whose ``lang`` gives the page its language), listing their posts
  in that language. Posts' JSON-LD names each person as pages in the post's language show them.
- Puts ``team_pages`` in the context (output file -> who writes it: ``Team.pages_owned``), every
  page it writes itself (profiles of people without posts, profiles in other languages), for
  blogcore's one-source-per-URL check and the redirects plugin (docs/architecture.md).
  ``/team/<slug>/`` and the team page show the version in ``DEFAULT_LANG`` (the main file's,
  unless it is in another language and a translation is in ``DEFAULT_LANG``).
- Reports a team file without Name, a Photo that does not exist, a value that is not a URL or an
  email address, an unknown key, and a name or alias claimed by two files, naming file and key;
  and a translation repeating a main file's key or giving an unknown one, without a main file,
  in the main file's language, with a Lang that is no language or not its file name's, or
  giving nothing.

Metadata keys read in team files: ``name`` (required), ``role``, ``photo`` (path within the
content folder), ``pronouns``, ``email``, ``website``, ``mastodon``, ``bluesky``, ``linkedin``,
``github``, ``twitter``, ``alumni`` (true/false), ``aliases`` (comma-separated).
Metadata keys read in translations (``<slug>.<lang>.md``): ``role``, ``pronouns``, ``lang``.
Metadata keys read in posts: ``author``, ``authors``, and Pelican's ``lang``.
Settings: see ``settings.py`` (``TEAM_*``). Needs the images plugin (anywhere in PLUGINS).
"""

from plugins.engine.loading import collector_paused

with collector_paused():  # plugins/engine/loading.py
    from .signals import register

__all__ = ["register"]
