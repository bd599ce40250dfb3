"""Pelican Writers: one renders every page at the end in forked workers, one leaves a page
alone when nothing it was rendered from has changed."""

import contextlib
import inspect
import logging
import os
from collections import Counter
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from operator import is_
from typing import Any

from pelican import signals
from pelican.contents import Article, Content
from pelican.paginator import Paginator
from pelican.urlwrappers import URLWrapper
from pelican.utils import sanitised_join
from pelican.writers import Writer

from plugins.engine import build, forks, intrasite, items, rendering

from . import compat, digest, manifest, members, parallel
from .compat import FeedEntriesOnce, overridden_files, written_files

__all__ = ["READS", "FeedEntriesOnce", "IncrementalWriter", "ParallelWriter"]

logger = logging.getLogger(__name__)

# the sources whose bodies are read while one page renders (incremental writes only)
READS: ContextVar[set[str] | None] = ContextVar("fastbuild_reads", default=None)
# the sources whose address (.url) is read while one page renders: the posts it links to
LINKED: ContextVar[set[str] | None] = ContextVar("fastbuild_linked", default=None)


def refer(value):
    """Short names for objects that pages refer to but whose fields are fingerprinted apart."""
    if isinstance(value, Content):
        return getattr(value, "source_path", None) or id(value)
    if isinstance(value, URLWrapper):
        return f"{type(value).__name__}:{value.slug}"
    return None


# Attributes other plugins set on every post from what the site digest already covers (posts'
# fields, settings, code, the series files), made afresh each build: walking them again was
# half of the digest's time. comments: title, url, lang, slug, Comments and Comment_id metadata
# (plugins/comments); share_links: title, url, status (plugins/share); series: the series
# files and every part's title, date, status, lang, url and Series* metadata (plugins/series).
# A new input to one of them that the digest does not cover means taking it out of here.
DERIVED_ATTRIBUTES = ("comments", "share_links", "series")

# What blogcore notes of the links a post's text holds (other posts, files, the site's own
# addresses), for its link checks and to leave out the files only drafts link to: no page
# shows them, and with them in the site digest a link added to a post rendered every page.
# What they decide for other pages is keyed apart: which static files are published and
# where (published_statics: every post's links are resolved before the first page is
# written, blogcore's content_final reading each post's text), and each post's {attach} links
# (attach_links: one moves a file, and the pages linking to it follow). A page's are kept in
# the site digest: its links are resolved only when it is written, after the first key.
LINK_RECORD_ATTRIBUTES = ("blogcore_local_urls", "blogcore_static_links", "blogcore_site_urls")


def body_digest(content: Content) -> str:
    """Digest of a content object's rendered body (before links are resolved)."""
    return digest.digest(compat.html_of(content, ""))


def attach_links(content: Content) -> tuple[str, ...]:
    """The ``{attach}`` links a post's text and summary hold, as written, found with the
    pattern Pelican resolves them with (``intrasite.link_pattern``, blogcore's too)."""
    summary = content.metadata.get("summary")
    texts = [compat.html_of(content, "") or "", summary if isinstance(summary, str) else ""]
    texts = [text for text in texts if "attach" in text]
    if not texts:  # nearly every post
        return ()
    pattern = intrasite.link_pattern(content.settings["INTRASITE_LINK_REGEX"])
    return tuple(sorted(set().union(*(intrasite.attach_values(t, pattern) for t in texts))))


def published_statics(context: dict) -> tuple:
    """The static files this build publishes, each as its source, output and address: what
    a post's links decide for the whole site (a file only a draft linked is published once a
    published post links to it; an ``{attach}`` link moves a file beside its post)."""
    return tuple(
        sorted(
            (s.get_relative_source_path(), *items.static_output(s))
            for s in context.get("staticfiles") or []
        )
    )


def linked_digest(content: Content, linked: tuple[str, ...]) -> str:
    """Digest of the attributes of a content object that pages show beside a link to it
    (``FASTBUILD_LINKED_ATTRIBUTES``)."""
    fields = vars(content)
    return digest.digest(tuple([(name, digest.stable(fields.get(name), refer)) for name in linked]))


class IncrementalState:
    """Per-build bookkeeping for incremental writing (kept in the build's context)."""

    def __init__(
        self,
        output_path: str,
        manifest_path: str,
        inputs: str,
        page_only: tuple,
        linked: tuple = (),
    ):
        self.output_path = output_path
        self.manifest_path = manifest_path
        self.previous = manifest.load(manifest_path)
        self.current = manifest.Manifest(inputs=inputs)
        self.inputs = inputs
        self.page_only = page_only
        self.linked = linked
        self.site: str | None = None  # digest of every post's public fields, on first write
        self.bodies: dict[str, str] = {}
        # each post's linked attributes (FASTBUILD_LINKED_ATTRIBUTES), left out of the site
        # digest: a page is kept while those of every post it links to are unchanged
        self.links: dict[str, str] = {}
        self._shared: dict[int, tuple[Any, Any]] = {}
        self.skipped = 0
        self.rendered = 0
        self.replaced: frozenset[str] = frozenset()  # read again though Pelican's cache has them
        self.refused_before: frozenset[str] = frozenset()  # not read ahead (refused_again)

    def site_digest(self, context: dict) -> str:
        """Digest of the inputs every page may show: code, settings, files, posts' fields."""
        if self.site is None:
            objects = sorted(
                context.get("generated_content", {}).values(),
                key=lambda c: str(getattr(c, "source_path", "")),
            )
            fields = []
            for item in objects:
                if not isinstance(item, Content):
                    continue
                source = item.source_path
                self.bodies[source] = body_digest(item)
                self.links[source] = linked_digest(item, self.linked)
                post = isinstance(item, Article)
                fields.append(
                    (
                        source,
                        attach_links(item) if post else (),
                        digest.public_fields(
                            vars(item),
                            refer,
                            skip=(
                                "settings",
                                *compat.TRACKING_ATTRIBUTES,
                                *DERIVED_ATTRIBUTES,
                                *self.page_only,
                                *self.linked,
                                *(LINK_RECORD_ATTRIBUTES if post else ()),
                            ),
                        ),
                    )
                )
            self.site = digest.digest((self.inputs, fields, published_statics(context)))
        return self.site

    def stable_call(self, args: tuple, kwargs: dict) -> tuple:
        """The stable form of a write call's arguments.

        Every tag, category and author page is handed the same list of all posts
        (``all_articles``); its digest is worked out once per build, not once per page.
        """
        return (
            tuple([self._stable_shared(value) for value in args]),
            tuple(
                sorted([(str(key), self._stable_shared(value)) for key, value in kwargs.items()])
            ),
        )

    def _stable_shared(self, value: Any) -> Any:
        """stable(value); for a long list, its digest, remembered for the list's lifetime."""
        # a short list costs less to digest than to look up
        if not isinstance(value, list | tuple) or len(value) < 16:
            return digest.stable(value, refer)
        found = self._shared.get(id(value))
        if found is None or found[0] is not value:  # holding the list keeps its id its own
            found = (value, ("seq", digest.digest(digest.stable(value, refer))))
            self._shared[id(value)] = found
        return found[1]

    def body(self, content: Content) -> str:
        """A content object's body digest, as site_digest took it (or now, if it did not)."""
        found = self.bodies.get(getattr(content, "source_path", None))
        return found if found is not None else body_digest(content)

    def link(self, content: Content) -> str:
        """A content object's linked attributes' digest, as site_digest took it (or now)."""
        found = self.links.get(getattr(content, "source_path", None))
        return found if found is not None else linked_digest(content, self.linked)


def incremental_state(settings) -> "IncrementalState | None":
    """This build's IncrementalState, if it is an incremental build."""
    return getattr(build.current(settings).state("plugins.fastbuild"), "incremental", None)


class IncrementalWriter(FeedEntriesOnce):
    """Writer that skips a write_file call whose key and read bodies match the last build."""

    def write_file(self, name, template, context, *args, **kwargs):
        """Render and write as Pelican does, unless the last build's files still hold."""
        state = incremental_state(self.settings)
        if state is None or not name:
            return super().write_file(name, template, context, *args, **kwargs)
        own = [kwargs[k] for k in ("article", "page") if isinstance(kwargs.get(k), Content)]
        key = digest.digest(
            (
                state.site_digest(context),
                name,
                getattr(template, "name", None),
                state.stable_call(args, kwargs),
                [(state.body(c), state.link(c)) for c in own],
            )
        )
        if self._kept(state, name, key):
            # Pelican resolves a page's links, and moves each file its {attach} links take
            # beside it (Static.attach_to), the first time its text is read: a kept page is
            # not rendered, so its text is read here, in write order, as its render would (the
            # About page's attached file was copied to content's place, its link left broken)
            for item in own:
                _ = item.content
            return None
        written = written_files(self)
        before = set(written)
        reads: set[str] = set()
        linked: set[str] = set()
        token, token_linked = READS.set(reads), LINKED.set(linked)
        try:
            result = super().write_file(name, template, context, *args, **kwargs)
        finally:
            READS.reset(token)
            LINKED.reset(token_linked)
        outputs = tuple(
            sorted(os.path.relpath(path, self.output_path) for path in written - before)
        )
        # only posts' and pages' (the site digest's): another content object is made from a
        # file that is an input (a translated team bio, a static file), and one recorded with
        # no digest made its page stale at every rebuild (the sample site's French profiles)
        state.current.entries[name] = manifest.Entry(
            key,
            {source: state.bodies[source] for source in reads if source in state.bodies},
            outputs,
            {source: state.links[source] for source in linked if source in state.links},
        )
        state.rendered += 1
        return result

    def _kept(self, state: IncrementalState, name: str, key: str) -> bool:
        """Keep the last build's files for this call if they still hold."""
        entry = state.previous.entries.get(name)
        if not manifest.reusable(entry, key, state.bodies, self.output_path, state.links):
            return False
        state.current.entries[name] = entry
        written = written_files(self)
        for output in entry.outputs:
            written.add(os.path.join(self.output_path, output))
        state.skipped += 1
        return True

    def write_feed(self, elements, context, path=None, url=None, *args, **kwargs):
        """Write a feed as Pelican does, unless its posts and their text are unchanged."""
        state = incremental_state(self.settings)
        if state is None or not path:
            return super().write_feed(elements, context, path, url, *args, **kwargs)
        shown = list(elements[: self.settings["FEED_MAX_ITEMS"]])
        key = digest.digest(
            (
                state.site_digest(context),
                "feed",
                path,
                url,
                state.stable_call(args, kwargs),
                [(refer(item), state.body(item), state.link(item)) for item in shown],
            )
        )
        if self._kept(state, "feed:" + path, key):
            return None
        result = super().write_feed(elements, context, path, url, *args, **kwargs)
        state.current.entries["feed:" + path] = manifest.Entry(key, {}, (path,))
        state.rendered += 1
        return result


def track_reads(content: Content) -> None:
    """Make a post's or page's body reads show in ``READS`` while a page renders.

    Pelican has no hook for "this page used that post's text", and listing pages show other
    posts' summaries; without this, an edit to one post's first paragraph would leave its
    summary stale on the pages that list it. Only incremental builds do this, to their own
    content objects (compat.track_reads); Pelican's classes are left alone.
    """
    compat.track_reads(content, READS, LINKED)


_WRITE_FILE = inspect.signature(Writer.write_file)
_WRITE_FEED = inspect.signature(Writer.write_feed)


@dataclass
class _Call:
    """One write_file or write_feed call, kept to be rendered later."""

    method: str
    path: str  # what it writes (the first page, for a paginated listing)
    call: inspect.BoundArguments  # self first; the context is a copy taken at call time
    cost: int  # pages it renders, roughly: listings first, so no core idles at the end


@dataclass
class _Share:
    """What one process rendered: groups finished, errors by call, logs, files written."""

    done: list[int] = field(default_factory=list)
    errors: dict[int, BaseException | parallel.PortableError] = field(default_factory=dict)
    records: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    written: set[str] = field(default_factory=set)
    overridden: set[str] = field(default_factory=set)
    # a child's pages, by call: ``content_written`` is sent for them in the build's process
    pages: list[tuple[int, list[str]]] = field(default_factory=list)


def _is_content(call: _Call) -> bool:
    """Does this call write a post's or a page's own page?"""
    arguments = call.call.arguments
    extra = arguments.get("kwargs", {})
    return call.method == "write_file" and any(
        isinstance(extra.get(k), Content) for k in ("article", "page")
    )


def _group_cost(calls: list[_Call], group: list[int]) -> int:
    """Pages a group of calls renders, roughly."""
    return sum(calls[i].cost for i in group)


def _failed(mine: _Share, others: list[_Share]) -> bool:
    """Has any process reported an error so far?"""
    return bool(mine.errors) or any(share.errors for share in others)


# Linux gives a process at niceness 10 about a tenth of the CPU one at 0 gets, when both want it
YIELDING_NICENESS = 10

# lists a render may take as plain copies (an IdentityList is a list with a faster ``in``)
_PLAIN_LISTS = (list, members.IdentityList)


def _frozen(values: dict[str, Any], kept: dict[str, list] | None = None) -> dict[str, Any]:
    """Lists as they are now: a generator may reorder one after the call, before the render.

    With ``kept`` (each argument's last copy, by name), a list holding the same objects in the
    same order as its last copy is given that copy: Pelican passes every tag's, category's and
    author's page the whole list of posts (``all_articles``), a copy each was 2 MB at 1,000
    posts, held until the pages render.
    """
    frozen = {}
    for key, value in values.items():
        if type(value) in _PLAIN_LISTS:
            last = None if kept is None else kept.get(key)
            if last is None or len(last) != len(value) or not all(map(is_, last, value)):
                last = list(value)
                if kept is not None:
                    kept[key] = last
            value = last
        frozen[key] = value
    return frozen


class ParallelWriter(FeedEntriesOnce):
    """Writer that keeps write_file/write_feed calls and renders them at flush(), in forks.

    Rendering is most of Pelican's output phase and runs on one core. Pages are rendered from
    objects already in memory, so forked workers need nothing sent to them; they send back the
    files they wrote, their log records and their errors. Calls writing the same path stay in
    one process, in their order, so Pelican's overwrite rules hold as in a serial build.
    """

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings)
        self._pending: list[_Call] = []
        self._deferring = True
        # a write with relative URLs leaves its page's URL in the shared context for the next
        # page's content links: the output then depends on the order of writes
        self._ordered = False
        self._context: dict[str, Any] | None = None  # the last copy of a context kept
        self._lists: dict[str, list] = {}  # the last copy of each list argument kept

    def _copy(self, context: dict[str, Any]) -> dict[str, Any]:
        """The context as it is now: the last call's copy when nothing in it has changed.

        Every post's page is written with the same context; a copy each (its 200-odd keys)
        was 6.5 MB at 1,000 posts, held until the pages render. Values are compared by
        identity first, so an unchanged context costs one pass over its keys.
        """
        last = self._context
        try:
            if last is not None and last == context:
                return last
        except Exception:  # a value whose == does not answer True or False (an array, say)
            pass
        self._context = dict(context)
        return self._context

    def write_file(self, name, template, context, *args, **kwargs):
        """Keep the call for flush() (or write now, once flushed or when there is no name)."""
        if not self._deferring or not name:
            return super().write_file(name, template, context, *args, **kwargs)
        call = _WRITE_FILE.bind(
            self, name, template, self._copy(context), *args, **_frozen(kwargs, self._lists)
        )
        self._ordered = self._ordered or bool(call.arguments.get("relative_urls"))
        self._pending.append(_Call("write_file", name, call, self._pages(call.arguments)))
        return None

    def write_feed(self, elements, context, path=None, url=None, *args, **kwargs):
        """Keep the call for flush(); made now if it has no path (it is wanted back now) or
        if another person's plugin listens to the feed signals (see _others_hear_feed)."""
        if not self._deferring or not path or _others_hear_feed(self.output_path, path, context):
            return super().write_feed(elements, context, path, url, *args, **kwargs)
        kept = self._copy(context)
        call = _WRITE_FEED.bind(self, list(elements), kept, path, url, *args, **kwargs)
        self._pending.append(_Call("write_feed", path, call, 2))
        return None

    def _pages(self, arguments: dict[str, Any]) -> int:
        """How many pages a write_file call renders (as Pelican's write_file paginates)."""
        paginated = arguments.get("paginated")
        if paginated is None:
            extra = arguments.get("kwargs", {})
            paginated = {k: v for k, v in extra.items() if k in ("articles", "dates")}
        templates = self.settings.get("PAGINATED_TEMPLATES", {})
        name = arguments.get("template_name")
        if not paginated or name not in templates:
            return 1
        per_page = templates[name] or self.settings.get("DEFAULT_PAGINATION")
        items = next(iter(paginated.values()))
        if not per_page or not hasattr(items, "__len__"):
            return 1
        return max(1, -(-len(items) // per_page))

    def _render(self, call: _Call) -> None:
        method = getattr(Writer, call.method)
        try:
            method(*call.call.args, **call.call.kwargs)
        except Exception as exc:  # the build's line names the template, its line and the page
            rendering.mark(exc, call.path, self._source(call))
            raise

    def _source(self, call: _Call) -> str | None:
        """The content file a call renders the page of, as staff know it (content/posts/x.md)."""
        extra = call.call.arguments.get("kwargs", {})
        item = next(
            (extra[k] for k in ("article", "page") if isinstance(extra.get(k), Content)), None
        )
        source = getattr(item, "source_path", None)
        if not source:
            return None
        base = os.path.dirname(os.path.abspath(self.settings["PATH"]))
        return os.path.relpath(os.path.abspath(source), base)

    def flush(
        self,
        workers: int,
        min_pages: int,
        between: Callable[[list[str]], bool] | None = None,
    ) -> None:
        """Render every kept call: in ``workers`` processes, or here, in order, for few pages.

        In processes, every post's and page's own page is rendered first; ``between(written)``
        is called once they are all written, with their paths, before the listings and feeds
        (so the search index can start on them). If it returns True (work was started in
        other processes), the listings and feeds yield to that work: they are rendered in one
        child at a lower priority, this process waiting.
        """
        calls, self._pending, self._deferring = self._pending, [], False
        self._context, self._lists = None, {}
        if workers < 2 or self._ordered or sum(c.cost for c in calls) < min_pages:
            for call in calls:
                self._render(call)
            return
        # Pelican resolves a post's links, and moves each file its {attach} links take beside
        # it (Static.attach_to), the first time its text is read: here, in write order, and not
        # in the fork that renders its page, where the move was lost to this process, which
        # copies the static files (a page's attached file was copied to its folder or beside
        # the page by which process took the page; the forks inherit the text)
        for call in calls:
            extra = call.call.arguments.get("kwargs", {})
            for key in ("article", "page"):
                if isinstance(extra.get(key), Content):
                    _ = extra[key].content
        by_path: dict[str, list[int]] = {}
        for index, call in enumerate(calls):
            by_path.setdefault(call.path, []).append(index)
        groups = list(by_path.values())
        kinds = [{_is_content(calls[i]) for i in group} for group in groups]
        # a path written by both kinds of call keeps its calls together, in their order
        content = [n for n, kind in enumerate(kinds) if kind == {True}]
        rest = [n for n, kind in enumerate(kinds) if kind != {True}]
        phases = [content, rest] if content and rest else [content + rest]
        mine, others, dead = _Share(), [], []
        for number, phase in enumerate(phases):
            yielding = False
            if number and between is not None and not dead and not _failed(mine, others):
                yielding = between(sorted(set().union(*(s.written for s in (mine, *others)))))
            self._render_phase(phase, calls, groups, workers, mine, others, dead, bool(yielding))
        self._finish(calls, groups, mine, others, dead)

    def _render_phase(
        self, numbers, calls, groups, workers, mine, others, dead, yielding=False
    ) -> None:
        """Render some groups of calls in forks (this process taking a share), dearest first.

        ``yielding``: only one fork renders, at a lower priority, so that work started in
        other processes (the search index) runs first and it fills the cores that work leaves
        idle: its last, single-threaded step no longer runs alone at the end of the build. The
        priority goes with the fork; this process keeps its own.
        """
        order = [
            numbers[i] for i in parallel.balance([_group_cost(calls, groups[n]) for n in numbers])
        ]
        # one page per template here first: the children inherit the compiled templates (and
        # whatever a template builds once per build) instead of each making their own
        first: dict[Any, int] = {}
        for number in reversed(order):  # cheapest first
            template = calls[groups[number][0]].call.arguments.get("template")
            first.setdefault(template, number)
        warm = sorted(n for t, n in first.items() if t is not None)
        self._render_groups(mine, warm, calls, groups, child=False)
        warmed = set(warm)
        order = [n for n in order if n not in warmed]
        tickets = parallel.Tickets()

        def share(slot: int) -> _Share:
            result = mine if slot == 0 else _Share()
            if yielding and slot == 0:
                return result
            if yielding:
                os.nice(YIELDING_NICENESS)
            taken = (order[ticket] for ticket in tickets.below(len(order)))
            self._render_groups(result, taken, calls, groups, child=slot > 0)
            return result

        # yielding, one fork renders: the cores are the other work's, and each fork adds its
        # own copies of the build's pages to the peak (45 MB at 1,000 posts, 110 at 5,000)
        renderers = 1 if yielding else min(workers, len(order) + 1)
        outcomes = forks.in_forks(share, renderers + 1 if yielding else renderers)
        others += [result for code, result in outcomes[1:] if code == 0]
        dead += [code for code, _ in outcomes if code]

    def _render_groups(self, share: _Share, numbers, calls, groups, child: bool) -> None:
        """Render groups of calls, keeping logs, errors and files written in ``share``."""
        written, overridden = written_files(self), overridden_files(self)
        before = set(written), set(overridden)
        # a child sends content_written to our plugins' receivers only: the build's process
        # sends it to the others for the child's pages (_finish), each page once
        only_ours = _ours_only(signals.content_written) if child else contextlib.nullcontext()
        with parallel.captured_logs(child=child) as capture, only_ours:
            for number in numbers:
                for index in groups[number]:
                    capture.item = index
                    self.opened = [] if child else None
                    try:
                        self._render(calls[index])
                    except Exception as exc:  # serial would stop here: so does this path
                        share.errors[index] = parallel.PortableError(exc) if child else exc
                        break
                    if self.opened and calls[index].method == "write_file":
                        share.pages.append((index, self.opened))
                self.opened = None
                share.done.append(number)
        share.records += capture.records
        share.written |= written - before[0]
        share.overridden |= overridden - before[1]

    def _finish(self, calls, groups, mine: _Share, others: list[_Share], dead: list[int]) -> None:
        """Merge the children's work; redo a dead child's; log and raise as a serial build."""
        done = {n for share in (mine, *others) for n in share.done}
        redo = [n for n in range(len(groups)) if n not in done]
        if dead:
            logger.warning(
                "fastbuild: %d rendering worker(s) stopped (exit status %s); "
                "%d page groups rendered again in the main process",
                len(dead),
                ", ".join(map(str, dead)),
                len(redo),
            )
        self._render_groups(mine, redo, calls, groups, child=False)
        errors = {**{k: v for share in others for k, v in share.errors.items()}, **mine.errors}
        last = min(errors, default=len(calls))  # a serial build logs nothing after its error
        records: list[tuple[int, Any, Any]] = [(i, False, r) for i, r in mine.records]
        records += [(i, True, r) for share in others for i, r in share.records]
        # a child's pages, each as its call's last record (its write ends with the signal)
        records += [(i, None, paths) for share in others for i, paths in share.pages]
        for index, from_child, record in sorted(records, key=lambda r: (r[0], r[1] is None)):
            if index > last:
                continue
            if from_child is None:
                self._send_written(calls[index], record)
            else:
                parallel.replay(record, filtered=from_child)
        if errors:
            error = errors[last]
            raise error.rebuilt() if isinstance(error, parallel.PortableError) else error
        shares = (mine, *others)
        overridden = set().union(*(s.overridden for s in shares))
        twice = Counter(path for share in shares for path in share.written)
        for path, count in sorted(twice.items()):
            if count > 1 and path not in overridden:
                raise compat.FileOverwriteFailedError(
                    f'Failed to overwrite "{path}" as Pelican has already written to it '
                    "previously (set `override=True` if intended)"
                )
        for share in others:
            written_files(self).update(share.written)
            overridden_files(self).update(share.overridden)

    def _send_written(self, call: _Call, paths: list[str]) -> None:
        """Send ``content_written`` to the receivers not of our plugins (pelican-sitemap's) for
        the pages a child wrote for one call, with the context Pelican's ``write_file`` gives
        the page (its pagination values for a listing's page)."""
        others = [r for r in signals.content_written.receivers_for(paths[0]) if not _ours(r)]
        if not others:
            return
        arguments = call.call.arguments
        extra = dict(arguments.get("kwargs", {}))
        pages = _paginated_values(self.settings, arguments, extra)
        for number, path in enumerate(paths):
            local = dict(arguments["context"])
            local["localsiteurl"] = local.get("localsiteurl")
            local["output_file"] = os.path.relpath(path, self.output_path)
            local.update(extra)
            if number < len(pages):
                local.update(pages[number])
            for receiver in others:
                receiver(path, context=local)


def _ours(receiver: Callable[..., Any]) -> bool:
    """Is this receiver one of our plugins' (connected through the engine's ``register``)?"""
    module = getattr(receiver, "__module__", None) or ""
    return any(module == name or module.startswith(f"{name}.") for name in build.registered())


@contextlib.contextmanager
def _ours_only(signal: Any) -> Iterator[None]:
    """In a rendering worker, the receivers of a signal that are not our plugins' are left out
    (the build's process calls them for the worker's pages): put back on leaving."""
    others = [r for r in signal.receivers_for(_ANYONE) if not _ours(r)]
    for receiver in others:
        signal.disconnect(receiver)
    try:
        yield
    finally:
        for receiver in others:
            signal.connect(receiver)


_ANYONE = object()  # a sender no receiver is connected for: those connected for any sender


def _others_hear_feed(output_path: str, path: str, context: dict[str, Any]) -> bool:
    """Does a receiver not of our plugins listen to ``feed_generated`` or ``feed_written``
    for this feed?

    Such a feed is written in the build's process, now, as Pelican writes it: a
    ``feed_generated`` receiver may change the feed before it is written, so it runs where
    the feed is rendered, and what it (or a ``feed_written`` receiver) keeps must outlive
    that process; sending the signals again in the build's process would run each receiver
    twice. Our receivers (i18n's) keep nothing, so without others the feeds render in workers.
    """
    complete = sanitised_join(output_path, path)
    return any(
        not _ours(receiver)
        for signal, sender in (
            (signals.feed_generated, context),
            (signals.feed_written, complete),
        )
        for receiver in signal.receivers_for(sender)
    )


def _paginated_values(settings, arguments: dict[str, Any], extra: dict[str, Any]) -> list[dict]:
    """Each page's pagination values (``articles_page``…), as Pelican's ``write_file`` gives
    them to a paginated listing's pages; none for a call that is not paginated."""
    paginated = arguments.get("paginated")
    if paginated is None:
        paginated = {k: v for k, v in extra.items() if k in ("articles", "dates")}
    templates = settings.get("PAGINATED_TEMPLATES", {})
    if not paginated or arguments.get("template_name") not in templates:
        return []
    per_page = templates[arguments["template_name"]] or settings.get("DEFAULT_PAGINATION")
    name, url = arguments["name"], arguments.get("url")
    paginators = {k: Paginator(name, url, v, settings, per_page) for k, v in paginated.items()}
    count = next(iter(paginators.values())).num_pages
    pages = []
    for number in range(1, count + 1):
        values = {}
        for key, paginator in paginators.items():
            values[f"{key}_paginator"] = paginator
            values[f"{key}_page"] = paginator.page(number)
            values[f"{key}_previous_page"] = paginator.page(number - 1) if number > 1 else None
            values[f"{key}_next_page"] = paginator.page(number + 1) if number < count else None
        pages.append(values)
    return pages
