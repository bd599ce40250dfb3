"""Signal receivers: read files in parallel before Pelican asks; render pages in parallel last."""

import contextlib
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable
from typing import Any

from pelican import __version__ as pelican_version
from pelican import signals
from pelican.contents import Article, Page
from pelican.generators import StaticGenerator
from pelican.readers import Readers
from pelican.utils import file_suffix

from plugins.engine import background, build, ignores, items, phases, settings_errors, side

from . import compat, digest, manifest, members, parallel, readercache, writer
from .settings import SettingsError, configure, worker_count

# what Pelican's reader cache holds for a file it has not read (its read_file reads it then)
_UNREAD = (None, None)
# a file's time comes from a clock that may lag the build's by a tick (a few milliseconds)
STARTED_MARGIN_NS = 50_000_000

logger = logging.getLogger(__name__)

# Sent in full builds rendered in processes, once every post's and page's own page is written
# and before the listings and feeds are, with the build's settings: a plugin may start work on
# those pages (the search index does). A receiver that started work in other processes returns
# True: the listings and feeds then yield to it (rendered at a lower priority). A named
# signal, so plugins connect without importing this one. Builds rendered in one process do
# not send it.
content_pages_written = phases.content_pages_written  # declared by the engine


def on_initialized(pelican) -> None:
    """Validate the FASTBUILD_* settings."""
    settings = pelican.settings
    try:
        settings.update(configure(settings))
    except SettingsError as exc:
        settings_errors.refuse(pelican.settings, exc)
        return
    # said (if off) here, once, before any worker process starts
    if not compat.accelerated(settings) and settings["FASTBUILD_INCREMENTAL"]:
        logger.info("fastbuild: incremental builds need the accelerations: a full build")
        settings["FASTBUILD_INCREMENTAL"] = False
    if settings["FASTBUILD_INCREMENTAL"]:
        _start_incremental(pelican)
    else:
        # this build rewrites the folder: an earlier incremental build's record no longer holds
        with contextlib.suppress(OSError):
            os.remove(_manifest_path(settings))
        if settings.get("CACHE_CONTENT"):  # Pelican writes its reader caches, unmarked
            with contextlib.suppress(OSError):
                readercache.forget(settings["CACHE_PATH"])


def _manifest_path(settings: dict[str, Any]) -> str:
    """Where incremental builds into this output folder keep their record."""
    output = os.path.abspath(settings["OUTPUT_PATH"])
    name = digest.digest(output)[:16] + ".pickle"
    return os.path.join(settings["CACHE_PATH"], "fastbuild", name)


def _settings_refer(value):
    """Settings may hold functions and modules: name them (their code is digested apart:
    the files of the site's own, ``digest.own_code``; the libraries', ``digest.installed``)."""
    if callable(value) or type(value).__name__ == "module":
        name = getattr(value, "__qualname__", type(value).__name__)
        return f"{getattr(value, '__module__', '')}.{name}"
    return None


def _plugin_files(settings: dict[str, Any]) -> list[str]:
    """The folders of the plugins' packages: the package a listed plugin belongs to
    (``plugins`` for ``plugins.team``, so ``plugins.engine`` too), or the plugin's own.

    Not ``PLUGIN_PATHS``: with ``["."]`` (the project root, for ``plugins.<name>``) that would
    be every file of the project, the output folder and the caches among them, so that every
    build would find its inputs changed and render every page again.
    """
    folders = set()
    for name in build.plugins(settings):
        parent = name.rpartition(".")[0]
        package = sys.modules.get(name if not parent or parent.startswith("pelican") else parent)
        for folder in getattr(package, "__path__", None) or []:
            folders.add(os.path.abspath(folder))
        if getattr(package, "__path__", None) is None and getattr(package, "__file__", None):
            folders.add(os.path.abspath(package.__file__))  # a plugin that is one module
    return sorted(folders)


def _content_files(settings: dict[str, Any]) -> list[tuple[str, str]]:
    """Every file of the content folder, as (its folder, its path)."""
    return [
        (folder, os.path.join(folder, name))
        for folder, _, names in os.walk(os.path.abspath(settings["PATH"]))
        for name in names
    ]


def _input_files(settings: dict[str, Any], content: list[tuple[str, str]]) -> list[str]:
    """Everything a page can depend on besides posts and pages: theme, the template folders
    that override it, the translations, plugin code, other content (``content``: the content
    folder's files, ``_content_files``)."""
    root = os.path.abspath(settings["PATH"])

    def folders(key: str) -> list[str]:
        # normalised: commonpath never returns "content/" ([""], Pelican's own layout),
        # "posts/" or "content/.", and every post was then an input, each edit rendering
        # every page
        return [os.path.normpath(os.path.join(root, p)) for p in settings.get(key) or []]

    # posts and pages are tracked one by one (their fields in the site digest, their text
    # where a page reads it), whatever reader reads them. Not a series, team or gallery folder
    # inside a posts folder (those plugins exclude theirs), nor the pages folder inside one
    # (ARTICLE_EXCLUDES): the site digest leaves out what is made from its files
    # (writer.DERIVED_ATTRIBUTES)
    # an exclusion names a folder below the content folder; [""] or ["."] excludes nothing
    # in Pelican (blogcore puts ARTICLE_PATHS in PAGE_EXCLUDES, "" with them)
    kinds = [
        (folders(paths), [f for f in folders(excludes) if f != root and _within(f, [root])])
        for paths, excludes in (
            ("ARTICLE_PATHS", "ARTICLE_EXCLUDES"),
            ("PAGE_PATHS", "PAGE_EXCLUDES"),
        )
    ]
    read = read_extensions(settings)
    files = [os.path.abspath(settings["THEME"]), *_plugin_files(settings)]
    files += [os.path.abspath(f) for f in template_folders(settings)]
    # a file or folder IGNORE_FILES names is never read as a post: a page shows it only
    # through another file (an include), so it stays an input of every page
    skipped = settings.get("IGNORE_FILES") or []
    tracked = {}
    for folder, path in content:
        if folder not in tracked:
            below = [] if folder == root else os.path.relpath(folder, root).split(os.sep)
            tracked[folder] = not ignores.any_ignored(below, skipped) and any(
                _within(folder, paths) and not _within(folder, excluded)
                for paths, excluded in kinds
            )
        name = os.path.basename(path)
        if not (
            tracked[folder] and file_suffix(path) in read and not ignores.ignored(name, skipped)
        ):
            files.append(path)
    return files


def _within(folder: str, parents: list[str]) -> bool:
    """Is ``folder`` one of ``parents`` or inside one (all absolute and normalised)?"""
    return any(os.path.commonpath([folder, parent]) == parent for parent in parents)


def read_extensions(settings: dict[str, Any]) -> frozenset[str]:
    """The file extensions Pelican reads posts and pages from: its readers', the READERS
    setting's and those plugins add (``readers_init``), as Pelican's own Readers lists them."""
    return frozenset(Readers(settings).extensions)


def template_folders(settings: dict[str, Any]) -> list[str]:
    """The folders besides the theme that pages are rendered from: THEME_TEMPLATES_OVERRIDES
    and the catalogs' folder (I18N_TRANSLATIONS_PATH; its default is in the theme)."""
    folders = [f for f in settings.get("THEME_TEMPLATES_OVERRIDES") or [] if isinstance(f, str)]
    translations = settings.get("I18N_TRANSLATIONS_PATH")
    return [*folders, translations] if isinstance(translations, str) and translations else folders


def markdown_extensions(settings: dict[str, Any]) -> list[str]:
    """The Markdown extensions the settings name by module (imported when posts are read)."""
    markdown = settings.get("MARKDOWN")
    if not isinstance(markdown, dict):
        return []
    configs = markdown.get("extension_configs")
    names = [*(configs if isinstance(configs, dict) else ()), *(markdown.get("extensions") or ())]
    return sorted({n.partition(":")[0] for n in names if isinstance(n, str)})


def _side_texts(settings: dict[str, Any], files: list[str]) -> set[str]:
    """Of the inputs ``files``, the side files the team, series and galleries plugins read
    with the posts' readers this build (``side.read_ahead``, said at ``initialized`` before
    fastbuild's, which is listed last; none said: none left out of the readers' mark)."""
    read = read_extensions(settings)
    skipped = settings.get("IGNORE_FILES") or []

    def readable(path: str) -> bool:
        name = os.path.basename(path)
        return file_suffix(path) in read and not ignores.ignored(name, skipped)

    root = os.path.abspath(settings["PATH"])
    return set(readercache.side_files(root, side.ahead_folders(settings), files, readable))


def _content_stamps(content: list[tuple[str, str]]) -> dict[str, tuple[int, int, int, int]]:
    """Every content file's stamp (``manifest.stamp``; ``content``: ``_content_files``)."""
    stamps = {}
    for _, path in content:
        if (found := manifest.stamp(path)) is not None:
            stamps[path] = found
    return stamps


def _start_incremental(pelican) -> None:
    """Keep output/ and Pelican's reader cache; load what the last build wrote."""
    settings = pelican.settings
    settings["LOAD_CONTENT_CACHE"] = settings["CACHE_CONTENT"] = True
    # a page's record lists the posts whose text it read while rendering; a fragment the theme
    # reuses (blogcore's {% memo %}) reads nothing the second time, so render each one afresh
    settings["BLOGCORE_TEMPLATE_MEMO"] = False
    content = _content_files(settings)  # walked once: the inputs' digest and the stamps
    # the settings file and the site's own modules: a function a setting names is code there
    code = digest.own_code(_plugin_files(settings), markdown_extensions(settings))
    files = _input_files(settings, content)
    # a team, series or gallery file is read on its own (and read again once edited): what
    # the readers make of a post never depends on its text, so it is left out of the reader
    # caches' mark, not out of the pages' inputs (readercache.side_files)
    sides = _side_texts(settings, files)
    readers_inputs = digest.digest(
        (
            pelican_version,
            digest.installed(),  # a new Pygments or Markdown renders an unchanged file anew
            digest.files_digest([*(f for f in files if f not in sides), *code]),
            sorted(sides),  # a file added or removed: as before, every post read again
            digest.stable(settings, _settings_refer),
        )
    )
    inputs = digest.digest((readers_inputs, digest.files_digest(sides)))
    state = writer.IncrementalState(
        settings["OUTPUT_PATH"],
        _manifest_path(settings),
        inputs,
        settings["FASTBUILD_PAGE_ONLY_ATTRIBUTES"],
        settings["FASTBUILD_LINKED_ATTRIBUTES"],
    )
    if manifest.under_way(state.manifest_path):
        # a build since that record was killed (out of memory) before saying what it wrote
        state.previous = manifest.Manifest()
    known = bool(state.previous.inputs)  # a record of what the output folder holds
    # a file replaced by a copy keeping its modification time (cp -p, rsync -a) would be
    # taken from Pelican's reader cache unread: such files are read again (_forget_replaced)
    state.current.stamps = _content_stamps(content)
    state.replaced = manifest.replaced(state.previous.stamps, state.current.stamps)
    state.refused_before = manifest.refused_again(state.previous, inputs, state.current.stamps)
    # new code or settings can change what a reader makes of an unchanged file: Pelican's
    # reader caches are those written under these inputs, but for the side files' text
    # (another site's, built from the same checkout, are put aside for its next build)
    with contextlib.suppress(OSError):
        readercache.take(settings["CACHE_PATH"], readers_inputs)
    if known:
        compat.keep_output_folder(pelican)
    elif settings.get("DELETE_OUTPUT_DIRECTORY"):
        # no record of what the folder holds (its first incremental build, a record lost, a
        # build killed): a page or photo left from before would be served for good; Pelican
        # empties it
        logger.info("fastbuild: no record of what the output folder holds: it is emptied")
    else:
        compat.keep_output_folder(pelican)
    # a file written from here on is this build's, whoever wrote it (output_complete)
    state.started = time.time_ns() - STARTED_MARGIN_NS
    build.current(settings).state(__package__).incremental = state
    # the record on disk stays until this build saves its own: a build that stops (an error,
    # Ctrl-C) saves it as unfinished with what it wrote; one killed leaves it marked
    try:
        manifest.begin(state.manifest_path)
    except OSError:  # no mark: no record either, and the next build empties the folder
        with contextlib.suppress(OSError):
            os.remove(state.manifest_path)
    build.current(settings).on_close(lambda: _save_unfinished(state))


def _save_unfinished(state: writer.IncrementalState) -> None:
    """Save the record of a build that stopped (``manifest.unfinished``), unless it saved its
    own."""
    if getattr(state, "saved", False):
        return
    with contextlib.suppress(OSError):  # then the mark stays: the next build empties the folder
        manifest.save(state.manifest_path, manifest.unfinished(state.previous, state.current))


def on_get_writer(pelican):
    """The writer that skips unchanged pages (incremental) or renders in workers (full builds)."""
    settings = pelican.settings
    if not compat.accelerated(settings):
        return None  # Pelican's own Writer
    if writer.incremental_state(settings):
        return writer.IncrementalWriter  # incremental builds render few pages: one process
    if worker_count(settings) > 1:
        return writer.ParallelWriter
    return None


class FinishOutput:
    """A last generator: render the pages kept by the writer; finish an incremental build.

    It runs after every other generator's output (fastbuild is last in PLUGINS), before
    Pelican's static files and before the engine's ``output_written`` and ``output_final``
    phases (the sitemap, the search index): those see every page written, and never a page of
    a deleted post.
    """

    def __init__(self, *, context: dict, settings: dict[str, Any], **_: Any) -> None:
        self.context = context  # other plugins look at every generator's context
        self.settings = settings

    def generate_output(self, output_writer) -> None:
        """Render what the writer kept; remove pages of deleted posts; note the static files
        (the record is saved at ``output_complete``, once every other file is known)."""
        settings = self.settings
        if isinstance(output_writer, writer.ParallelWriter):

            def between(written: list[str]) -> bool:
                replies = content_pages_written.send(self, settings=settings, written=written)
                return any(reply is True for _, reply in replies)

            output_writer.flush(
                worker_count(settings), settings["FASTBUILD_MIN_FILES"], between=between
            )
        state = writer.incremental_state(settings)
        if state is None:
            return
        ours = build.current(settings).state(__package__)
        ours.incremental, ours.finishing = None, state
        # Pelican copies these after this generator (a StaticGenerator comes last); a {static}
        # link to a file that is not there is listed too, and copied nowhere
        for static in self.context.get("staticfiles") or []:
            save_as = items.static_output(static)[0]
            if save_as and os.path.isfile(static.source_path):
                state.current.static.add(os.path.normpath(save_as))
        # and the theme's own static files (its favicon, fonts), copied with them
        state.current.static |= manifest.theme_copies(
            settings["THEME"],
            settings["THEME_STATIC_PATHS"],
            settings["THEME_STATIC_DIR"],
            settings["IGNORE_FILES"],
        )
        # before the output_written phase: a redirect may take a deleted post's address, the
        # theme's favicon the place of the site's own
        remove_stale(state.output_path, manifest.stale_written(state.previous, state.current))
        logger.info(
            "fastbuild: %d page groups rendered, %d kept as they were",
            state.rendered,
            state.skipped,
        )


def on_files_written(
    sender, settings: dict[str, Any], paths: Iterable[str] = (), folders: Iterable[str] = ()
) -> None:
    """Note the files a plugin wrote into the output folder itself, and the folders it writes
    whole (``phases.files_written``)."""
    ours = build.current(settings).state(__package__)
    state = getattr(ours, "incremental", None) or getattr(ours, "finishing", None)
    if state is not None:
        state.current.files.update(os.path.normpath(str(path)) for path in paths)
        state.current.folders.update(os.path.normpath(str(folder)) for folder in folders)


def on_output_complete(pelican) -> None:
    """Every file is written: remove what the last build wrote and this one did not (a
    redirect taken out, a static file or photo deleted); save this build's record."""
    ours = build.current(pelican.settings).state(__package__)
    state = getattr(ours, "finishing", None)
    if state is None:
        return
    ours.finishing = None
    # a file this build wrote without naming it is kept (another plugin's at a path a plugin
    # named in the last build)
    stale = manifest.stale(state.previous, state.current)
    remove_stale(state.output_path, stale, written_since=state.started)
    # a folder left (a file in it written since this build began: Pagefind still indexing
    # for the last build) stays named, for the next build to remove
    gone = manifest.stale_folders(state.previous, state.current)
    if gone:  # a run the last build left (search's Pagefind) would put one back after this
        background.stop(pelican.settings)
    state.current.folders |= remove_stale_folders(
        state.output_path,
        gone,
        keep=manifest.outputs(state.current),
        written_since=state.started,
    )
    manifest.save(state.manifest_path, state.current)
    state.saved = True


def remove_stale(output: str, names: Iterable[str], written_since: int | None = None) -> None:
    """Remove the files of the last build that this one did not write (a post deleted or
    renamed), then each folder that leaves empty, up to the output folder itself.

    ``written_since`` (nanoseconds): a file modified since then is left alone.
    """
    root = os.path.abspath(output)
    emptied = set()
    for name in names:
        path = os.path.normpath(os.path.join(root, name))
        if not path.startswith(root + os.sep):
            continue  # a record naming a file outside the output folder: not ours to remove
        try:
            if written_since is not None and os.stat(path).st_mtime_ns >= written_since:
                continue
            os.remove(path)
        except OSError:
            continue
        emptied.add(os.path.dirname(path))
    # an empty posts/old-slug/ is a folder to the dev server: it answered /posts/old-slug with
    # a redirect to /posts/old-slug/, not with where the post went or why it is gone. Deepest
    # first, so a parent emptied by its child goes too; rmdir removes only an empty folder
    for folder in sorted(emptied, key=lambda f: f.count(os.sep), reverse=True):
        while folder.startswith(root + os.sep):
            try:
                os.rmdir(folder)
            except OSError:  # it holds something else (or is gone already): it stays
                break
            folder = os.path.dirname(folder)


def remove_stale_folders(
    output: str, folders: Iterable[str], keep: set[str], written_since: int
) -> set[str]:
    """Remove folders of the last build that no plugin writes now, but for the files of
    ``keep`` (this build's, a static file placed there) and those modified since
    ``written_since``; the folders that are still there."""
    root = os.path.abspath(output)
    left = set()
    for folder in folders:
        top = os.path.normpath(os.path.join(root, folder))
        if not top.startswith(root + os.sep) or not os.path.isdir(top):
            continue  # a record naming a folder outside the output folder: not ours
        names = [
            os.path.relpath(os.path.join(inside, name), root)
            for inside, _, files in os.walk(top)
            for name in files
        ]
        remove_stale(output, [n for n in names if n not in keep], written_since=written_since)
        for inside, _, _ in os.walk(top, topdown=False):  # an empty subfolder too
            with contextlib.suppress(OSError):
                os.rmdir(inside)
        if os.path.isdir(top):
            left.add(folder)
    return left


def on_get_generators(pelican):
    """The generator that finishes writing."""
    return FinishOutput


def _forget_replaced(generator) -> None:
    """Make Pelican read again the files replaced since the last build with their time kept.

    Its reader cache compares modification times only. An entry with no content is what
    Pelican's own ``read_file`` reads again (and caches anew), stored with the public
    ``cache_data``.
    """
    state = writer.incremental_state(generator.settings)
    if state is None:
        return
    readers = generator.readers
    for path in state.replaced:
        if readers.get_cached_data(path) is not None:
            readers.cache_data(path, _UNREAD)


def _preread(
    generator, paths_key: str, excludes_key: str, others: Callable[[], list[str]] = list
) -> None:
    """Fill the generator's reader cache with every uncached file, read in parallel, and
    the files ``others()`` names (relative to the content folder) with them."""
    settings = generator.settings
    if not compat.accelerated(settings):
        return
    workers = worker_count(settings)
    if workers < 2:  # nothing to read ahead: no walk of the folder (Pelican walks it anyway)
        return
    if logging.getLogger().isEnabledFor(logging.DEBUG):
        # `pelican -D`: a worker's debug lines are not said (parallel.map_clean), and the
        # build's own process then never reads Markdown: Python-Markdown's lines naming each
        # extension it imported and loaded (30 in this site's) were missing from the debug log
        return
    readers = generator.readers
    todo = []
    found = generator.get_files(settings[paths_key], exclude=settings[excludes_key])
    state = writer.incremental_state(settings)
    # refused last time and unchanged: a worker would read it in vain (notmyidea's posts
    # without a title, half of a rebuild); the build's process reads it, and says why
    refused = state.refused_before if state is not None else frozenset()
    for relative in [*found, *others()]:
        path = os.path.abspath(os.path.join(generator.path, relative))
        if path in refused:
            continue
        cached = readers.get_cached_data(path, _UNREAD)
        if file_suffix(path) in readers.readers and cached[0] is None:
            todo.append(path)
    if len(todo) < settings["FASTBUILD_MIN_FILES"]:
        return

    def read(path: str):
        return compat.read_for_cache(readers.readers[file_suffix(path)], path)

    # each file's stamp before it is read: a save while the workers read (seconds on a large
    # site) would otherwise store the old text under the new stamp, shown until the next edit
    stamps = {path: compat.reader_stamp(readers, path) for path in todo}
    for path, data in parallel.map_clean(read, todo, workers):
        # the entry Pelican's own read_file would store after reading the file itself
        compat.prefill_reader_cache(readers, path, data, stamps[path])


def on_article_generator_init(generator) -> None:
    """Read every article file ahead, in parallel, with the files other plugins will read
    with the article generator's readers (team files, gallery sidecars: ``side.ahead``)."""
    _forget_replaced(generator)
    _preread(generator, "ARTICLE_PATHS", "ARTICLE_EXCLUDES", lambda: side.ahead(generator))


def on_page_generator_init(generator) -> None:
    """Read every page file ahead, in parallel."""
    _forget_replaced(generator)
    _preread(generator, "PAGE_PATHS", "PAGE_EXCLUDES")


def _fix_urls(generator) -> None:
    """Store each post's and page's URL in ``override_url`` and the path it is written to in
    ``override_save_as``, where not done already."""
    for value in vars(generator).values():
        if not isinstance(value, list):
            continue
        for item in value:
            if not isinstance(item, Article | Page):
                continue
            if not hasattr(item, "override_url"):
                item.override_url = item.url
            if not hasattr(item, "override_save_as"):
                item.override_save_as = item.save_as


def on_article_generator_pretaxonomy(generator) -> None:
    """Fix the posts' URLs as soon as Pelican has settled their languages and status.

    Pelican works a URL out from the settings and the metadata each time ``.url`` is read,
    and templates read it tens of times per post (each listing, related posts, feeds): a
    tenth of rendering a large site. The plugins' finalizers read it too, five times per post,
    and the path a post is written to (``.save_as``) six times: the checks of who keeps an
    address, the redirects, the writer. ``override_url`` and ``override_save_as`` are
    Pelican's own way to give an object a fixed URL and path (the ``URL:`` and ``Save_as:``
    keys).
    Nothing after this point changes what a URL is made of (slug, language, status,
    translation order); a plugin that did would have to do it before. Static files are left
    alone: for them ``override_url`` means something more (``attach_to``).
    """
    _fix_urls(generator)
    _forget_read(generator)  # every post is made: what was read ahead for them is done


def on_page_generator_finalized(generator) -> None:
    """Drop what was read ahead for the pages, now made (``_forget_read``)."""
    _forget_read(generator)


def _forget_read(generator) -> None:
    """Once the generator has made its posts or pages, drop their files' entries that
    ``_preread`` put in its reader cache (``compat.forget_read``), unless Pelican keeps that
    cache (``CACHE_CONTENT``: an incremental build reads it at the next rebuild)."""
    settings = generator.settings
    if settings.get("CACHE_CONTENT") or not compat.accelerated(settings):
        return
    made = {
        item.source_path
        for value in vars(generator).values()
        if isinstance(value, list)
        for item in value
        if isinstance(item, Article | Page)
    }
    compat.forget_read(generator.readers, made)


def _index_taxonomies(generator) -> None:
    """Make each tag's, category's and author's list of posts answer ``in`` through a set.

    Pelican's tag, category and author pages keep the posts of ``dates`` that are ``in`` the
    taxonomy's list, scanning it once per post: 0.25 s at 2,000 posts and 1.2 s at 5,000, on
    the build's critical path. The lists keep their items and order; the context holds the
    same dict and list of pairs, changed in place.
    """
    tags = getattr(generator, "tags", None)
    if isinstance(tags, dict):
        for tag, posts in list(tags.items()):
            tags[tag] = members.indexed(posts)
    for name in ("categories", "authors"):
        pairs = getattr(generator, name, None)
        if not isinstance(pairs, list):
            continue
        for index, pair in enumerate(pairs):
            if isinstance(pair, tuple) and len(pair) == 2:
                pairs[index] = (pair[0], members.indexed(pair[1]))


def _check_last(generators: list) -> None:
    """Stop with one line when a plugin listed after fastbuild writes pages after its
    generator: the pages it keeps to render would be written before theirs (Pelican runs the
    generators in the order of PLUGINS)."""
    ours = [i for i, generator in enumerate(generators) if isinstance(generator, FinishOutput)]
    if not ours:
        return
    listed = sorted(build.plugins(generators[0].settings), key=len, reverse=True)
    later = []
    for generator in generators[ours[0] + 1 :]:
        if not hasattr(generator, "generate_output") or isinstance(generator, StaticGenerator):
            continue  # Pelican's static files come last by design: they write no pages
        module = type(generator).__module__
        owner = next((n for n in listed if module == n or module.startswith(n + ".")), module)
        later.append(owner)
    if later:
        names = list(dict.fromkeys(later))
        who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        raise settings_errors.stop(
            generators[0].settings,
            "list 'plugins.fastbuild' last in PLUGINS "
            f"({who} write{'s' if len(names) == 1 else ''} pages after it)",
        )


def on_content_final(generators) -> None:
    """Once every generator is done: fix the URLs not fixed yet; index the taxonomies' lists."""
    if not generators:
        return
    _check_last(generators)
    _note_refused(generators[0])
    for generator in generators:
        _fix_urls(generator)
        _index_taxonomies(generator)


def _note_refused(generator) -> None:
    """In an incremental build, record the posts' and pages' files the readers refused
    (Pelican's ``generated_content`` names them, without a content object)."""
    state = writer.incremental_state(generator.settings)
    if state is None:
        return
    base = generator.path
    state.current.refused = {
        path
        for relative, made in generator.context.get("generated_content", {}).items()
        if made is None
        and (path := os.path.abspath(os.path.join(base, relative))) in state.current.stamps
    }


def on_content_object_init(content) -> None:
    """In an incremental build, note which pages read this post's or page's body."""
    settings = getattr(content, "settings", None) or {}
    if settings and writer.incremental_state(settings) is not None:
        writer.track_reads(content)


def register() -> None:
    """Connect fastbuild's receivers."""
    build.register(
        __package__,
        [
            (signals.initialized, on_initialized),
            (signals.article_generator_init, on_article_generator_init),
            (signals.page_generator_init, on_page_generator_init),
            (signals.article_generator_pretaxonomy, on_article_generator_pretaxonomy),
            (signals.page_generator_finalized, on_page_generator_finalized),
            (phases.content_final, on_content_final),
            (phases.files_written, on_files_written),
            (phases.output_complete, on_output_complete),
            (signals.get_writer, on_get_writer),
            (signals.get_generators, on_get_generators),
            (signals.content_object_init, on_content_object_init),
        ],
    )
