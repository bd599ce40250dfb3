"""fastbuild's one boundary with the private internals of Pelican and Python.

Everything here relies on something its library keeps to itself; each use says what and
since which version. Nothing is patched at import or at register(): what changes Pelican's
behaviour acts on objects of one build (its reader cache, its writer, its content objects),
and only in builds where ``accelerated(settings)`` is True, i.e. with
``FASTBUILD_ACCELERATE`` True (the default) on the versions in ``TESTED``. Otherwise the build
takes the stock path: Pelican reads every file itself, writes with its own ``Writer`` (its
own feeds), and incremental builds are full builds; one info line says why.
"""

import atexit
import contextlib
import logging
import os
import sys
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from typing import Any

import pelican
from pelican import readers, writers
from pelican.writers import Writer

from plugins.engine import build, files
from plugins.engine import compat as shared
from plugins.engine.compat import html_of  # noqa: F401 (used as compat.html_of)

from . import feeds

logger = logging.getLogger(__name__)

# The versions the accelerations were tested on: [lowest, first untested).
TESTED: dict[str, tuple[str, tuple[int, ...], tuple[int, ...]]] = {
    # 3.12 and 3.13 build the same site, but warn that the workers are forked from a process
    # with threads ("may lead to deadlocks in the child"): not widened until that is settled
    "Python": (".".join(map(str, sys.version_info[:3])), (3, 11), (3, 12)),
    "Pelican": (pelican.__version__, (4, 12), (4, 13)),
}


# Pelican 4.12's names the accelerations use that an untested Pelican may lack (4.11 has no
# FileOverwriteFailedError): looked up here, so this plugin loads there and builds the stock way
_filter_discardable_metadata = getattr(readers, "_filter_discardable_metadata", None)
# the error Pelican's Writer raises on a second write to one path (Pelican 4.12)
FileOverwriteFailedError: type[Exception] = getattr(writers, "FileOverwriteFailedError", OSError)


def untested(tested: dict = TESTED) -> list[str]:
    """The libraries whose installed version is outside the tested range, or that lack a name
    the accelerations use, described."""
    missing = [
        f"pelican.{name}"
        for name, found in (
            ("readers._filter_discardable_metadata", _filter_discardable_metadata),
            ("writers.FileOverwriteFailedError", getattr(writers, "FileOverwriteFailedError", 0)),
        )
        if not found
    ]
    return shared.untested(tested, missing)


def accelerated(settings: dict[str, Any]) -> bool:
    """Does this build use the accelerations (else the stock way, said once per build)?"""
    said = build.said(settings, shared.logger)
    return shared.accelerated(
        settings, "FASTBUILD_ACCELERATE", untested(), "fastbuild: accelerations", said
    )


# --- Pelican's reader cache (Readers._cache since 3.4, _filter_discardable_metadata 3.6) ----


def read_for_cache(reader: Any, path: str) -> tuple[str, dict]:
    """Read a file as Pelican's ``read_file`` does before it caches the result.

    Relies on ``pelican.readers._filter_discardable_metadata`` (Pelican 3.6 to 4.12), which
    ``read_file`` applies to what a reader returns: it drops values marked with a sentinel
    object, so it must run in the process that read the file (a copy of the sentinel sent
    to another process is not the sentinel).
    """
    content, metadata = reader.read(path)
    return content, _filter_discardable_metadata(metadata)


def reader_stamp(readers: Any, path: str) -> Any:
    """The stamp Pelican's reader cache keeps a file's entry under (its modification time, or
    its digest with ``CHECK_MODIFIED_METHOD``), as the file is now.

    Relies on ``FileStampDataCacher._get_file_stamp`` (Pelican 3.4 to 4.12).
    """
    return readers._get_file_stamp(path)


def prefill_reader_cache(readers: Any, path: str, data: tuple[str, dict], stamp: Any) -> None:
    """Hand Pelican's reader cache a file read elsewhere, as its own ``read_file`` would store
    it, under the stamp the file had before it was read (``reader_stamp``): a file saved while
    it was read no longer matches it, and Pelican reads it again.

    Relies on Pelican's ``FileStampDataCacher`` (3.4 to 4.12): entries live in ``_cache``
    as ``(_get_file_stamp(path), (content, metadata))`` and ``get_cached_data`` returns them
    while the stamp holds, whatever ``CACHE_CONTENT`` says (the public ``cache_data`` stores
    nothing when it is off). docs/upstream/reader-preload.md proposes a public way.
    """
    readers._cache[path] = (stamp, data)


def forget_read(readers: Any, paths: Iterable[str]) -> None:
    """Drop the reader cache's entries of these files, once made into posts or pages, in a
    build whose cache Pelican neither keeps nor saves (``CACHE_CONTENT`` off): there only
    ``prefill_reader_cache`` put them, and each held the file's metadata as read (about 1 KB
    a post, 1 MB at 1,000 posts) to the end of the build.

    Relies on ``FileStampDataCacher._cache`` (Pelican 3.4 to 4.12), as the prefill does.
    """
    for path in paths:
        readers._cache.pop(path, None)


def keep_output_folder(pelican_object: Any) -> None:
    """Make this build keep output/ (an incremental build rewrites only what changed).

    Relies on ``Pelican.delete_outputdir`` (Pelican 2.7 to 4.12), the undocumented attribute
    ``__init__`` sets from ``DELETE_OUTPUT_DIRECTORY`` and ``run()`` reads; the setting itself
    is read before plugins can change it.
    """
    pelican_object.delete_outputdir = False


# --- Pelican's Writer (_create_new_feed, _add_item_to_the_feed since 2.6; _written_files 3.3)


def written_files(writer: Writer) -> set[str]:
    """The paths a writer has written (the set itself: adding to it is Pelican's record).

    Relies on ``Writer._written_files`` (Pelican 3.3 to 4.12), the set ``write_file`` and
    ``write_feed`` check to refuse a second write to one path.
    """
    return writer._written_files


def overridden_files(writer: Writer) -> set[str]:
    """The paths written with ``override=True`` (``Writer._overridden_files``, 3.3 to 4.12)."""
    return writer._overridden_files


class FeedEntriesOnce(Writer):
    """Writer that makes each post's feed item, and its XML, once per process (``feeds.py``),
    and names the page or feed it could not write on a full disk.

    Relies on ``Writer._create_new_feed(feed_type, feed_title, context)`` (Pelican 2.6 to 4.12:
    the feedgenerator object) and ``_add_item_to_the_feed(feed, item)`` (adds one post's
    item), both called by ``write_feed``; and on ``_open_w(filename, encoding, override)``
    (Pelican 3.3 to 4.12), the file both write in a ``with`` block.
    """

    def _open_w(self, filename, encoding, override=False):
        if self.opened is not None:  # a worker's files, for content_written (writer.py)
            self.opened.append(filename)
        # write() and close() raise "[Errno 28] No space left on device" without the file's
        # name: the line named fastbuild's code, not the page and the disk
        return files.Named(super()._open_w(filename, encoding, override), filename)

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings)
        # when a list: the path of every file opened for writing is added to it, in order
        self.opened: list[str] | None = None
        self.entry_texts: feeds.EntryTexts = {}
        # (post's id, feed class, site URL) -> (post, its item as first made)
        self.feed_items: dict[tuple, tuple[Any, dict[str, Any]]] = {}
        # an item's unique_id -> the post's file, as staff know it (for feeds' error line)
        self.item_sources: dict[str, str] = {}

    def _create_new_feed(self, feed_type, feed_title, context):
        feed = super()._create_new_feed(feed_type, feed_title, context)
        return feeds.cache_entries(
            feed,
            self.entry_texts,
            short_empty_elements,
            lambda entry: self.item_sources.get(entry.get("unique_id")),
        )

    def _add_item_to_the_feed(self, feed, item):
        # the item depends on the post, the feed's kind and the site URL; rendering changes
        # none of the post's values, and each feed gets its own copy to change
        key = (id(item), type(feed), self.site_url)
        kept = self.feed_items.get(key)
        if kept is not None and kept[0] is item:
            feed.items.append(feeds.copied(kept[1]))
            return
        count = len(feed.items)
        super()._add_item_to_the_feed(feed, item)
        if len(feed.items) == count + 1:
            self.feed_items[key] = (item, feeds.copied(feed.items[-1]))
            source = getattr(item, "source_path", None)
            if source:
                base = os.path.dirname(os.path.abspath(self.settings["PATH"]))
                shown = os.path.relpath(os.path.abspath(source), base)
                self.item_sources[feed.items[-1].get("unique_id")] = shown


def short_empty_elements(handler: Any) -> bool:
    """Does this XML writer write ``<a/>`` for an empty element (else ``<a></a>``)?

    Relies on ``xml.sax.saxutils.XMLGenerator._short_empty_elements`` (Python 3.2 to 3.11),
    the constructor's ``short_empty_elements`` argument, which it does not expose.
    """
    return getattr(handler, "_short_empty_elements", False)


# --- Content bodies (Content._content, Pelican 2.6 to 4.12) -------------------------------


# --- Content bodies read while a page renders (Pelican 4.12: .content, .summary) -----------


# the attributes track_reads gives a content object (not part of what it shows)
TRACKING_ATTRIBUTES = ("get_content", "get_summary", "get_url_setting")


def track_reads(content: Any, reads: ContextVar, linked: ContextVar) -> None:
    """Make one content object note, in ``reads`` (a set, while a page renders), that its
    body was read: through ``.content``, or through a ``.summary`` made from the body; and in
    ``linked`` (a set too), that its address was: through ``.url``.

    Relies on Pelican 4.12's ``Content.content``, ``Content.summary`` and ``Content.url``
    properties calling ``self.get_content(siteurl)`` (since 3.1), ``self.get_summary(siteurl)``
    (3.5; both ``memoized``, so a second read would not reach the body again) and
    ``self.get_url_setting("url")`` (as 4.12 does): this object's own attributes of those
    names come before the class's. Pelican's classes are left alone.
    """
    get_content: Callable[[str], str] = content.get_content
    get_summary: Callable[[str], str] = content.get_summary
    get_url_setting: Callable[[str], str] = content.get_url_setting
    source = content.source_path

    def tracked_content(siteurl: str) -> str:
        found = reads.get()
        if found is not None:
            found.add(source)
        return get_content(siteurl)

    def tracked_summary(siteurl: str) -> str:
        found = reads.get()
        if found is not None and "summary" not in content.metadata:
            found.add(source)
        return get_summary(siteurl)

    def tracked_url_setting(key: str) -> str:
        if key == "url":
            found = linked.get()
            if found is not None:
                found.add(source)
        return get_url_setting(key)

    content.get_content = tracked_content
    content.get_summary = tracked_summary
    content.get_url_setting = tracked_url_setting


# --- leaving a forked build process (Python 3: atexit._run_exitfuncs) -----------------------


def exit_now(status: int) -> None:
    """End this forked build process without freeing its objects one by one.

    Relies on ``atexit._run_exitfuncs`` (CPython 3.0 to 3.11) to run what the build
    registered with ``atexit`` (its worker pools, its logs) before ``os._exit``. Where it is
    missing or untested, the process exits the ordinary way (slower: every object is freed).
    """
    run = getattr(atexit, "_run_exitfuncs", None)
    if run is None or untested():
        raise SystemExit(status)
    with contextlib.suppress(BaseException):
        run()
    with contextlib.suppress(BaseException):
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(status)
