"""A Pelican Writer that leaves a page alone when nothing it was rendered from has changed."""

import os

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper
from pelican.writers import Writer

from . import digest, manifest

READS_KEY = "fastbuild_reads"  # context key: the sources read while one page renders
STATE_KEY = "fastbuild_state"  # context key: this build's IncrementalState


def refer(value):
    """Short names for objects that pages refer to but whose fields are fingerprinted apart."""
    if isinstance(value, Content):
        return getattr(value, "source_path", None) or id(value)
    if isinstance(value, URLWrapper):
        return f"{type(value).__name__}:{value.slug}"
    return None


def body_digest(content: Content) -> str:
    """Digest of a content object's rendered body (before links are resolved)."""
    return digest.digest(getattr(content, "_content", ""))


class IncrementalState:
    """Per-build bookkeeping for incremental writing (kept in the build's context)."""

    def __init__(self, output_path: str, manifest_path: str, inputs: str, page_only: tuple):
        self.output_path = output_path
        self.manifest_path = manifest_path
        self.previous = manifest.load(manifest_path)
        self.current = manifest.Manifest(inputs=inputs)
        self.inputs = inputs
        self.page_only = page_only
        self.site: str | None = None  # digest of every post's public fields, on first write
        self.bodies: dict[str, str] = {}
        self.skipped = 0
        self.rendered = 0

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
                fields.append(
                    (
                        source,
                        digest.public_fields(vars(item), refer, skip=("settings", *self.page_only)),
                    )
                )
            self.site = digest.digest((self.inputs, fields))
        return self.site


class IncrementalWriter(Writer):
    """Writer that skips a write_file call whose key and read bodies match the last build."""

    def write_file(self, name, template, context, *args, **kwargs):
        """Render and write as Pelican does, unless the last build's files still hold."""
        state = context.get(STATE_KEY)
        if state is None or not name:
            return super().write_file(name, template, context, *args, **kwargs)
        own = [kwargs[k] for k in ("article", "page") if isinstance(kwargs.get(k), Content)]
        key = digest.digest(
            (
                state.site_digest(context),
                name,
                getattr(template, "name", None),
                digest.stable(args, refer),
                digest.stable(kwargs, refer),
                [body_digest(c) for c in own],
            )
        )
        if self._kept(state, name, key):
            return None
        before = set(self._written_files)
        reads: set[str] = set()
        context[READS_KEY] = reads
        try:
            result = super().write_file(name, template, context, *args, **kwargs)
        finally:
            context.pop(READS_KEY, None)
        outputs = tuple(
            sorted(os.path.relpath(path, self.output_path) for path in self._written_files - before)
        )
        state.current.entries[name] = manifest.Entry(
            key, {source: state.bodies.get(source, "") for source in reads}, outputs
        )
        state.rendered += 1
        return result

    def _kept(self, state: IncrementalState, name: str, key: str) -> bool:
        """Keep the last build's files for this call if they still hold."""
        entry = state.previous.entries.get(name)
        if not manifest.reusable(entry, key, state.bodies, self.output_path):
            return False
        state.current.entries[name] = entry
        for output in entry.outputs:
            self._written_files.add(os.path.join(self.output_path, output))
        state.skipped += 1
        return True

    def write_feed(self, elements, context, path=None, url=None, *args, **kwargs):
        """Write a feed as Pelican does, unless its posts and their text are unchanged."""
        state = context.get(STATE_KEY)
        if state is None or not path:
            return super().write_feed(elements, context, path, url, *args, **kwargs)
        shown = list(elements[: self.settings["FEED_MAX_ITEMS"]])
        key = digest.digest(
            (
                state.site_digest(context),
                "feed",
                path,
                url,
                digest.stable((args, kwargs), refer),
                [(refer(item), body_digest(item)) for item in shown],
            )
        )
        if self._kept(state, "feed:" + path, key):
            return None
        result = super().write_feed(elements, context, path, url, *args, **kwargs)
        state.current.entries["feed:" + path] = manifest.Entry(key, {}, (path,))
        state.rendered += 1
        return result


def _tracked(prop: property, derived_only: bool) -> property:
    """A Content property that notes, while a page renders, whose body it read."""

    def getter(self):
        context = getattr(self, "_context", None)
        reads = context.get(READS_KEY) if isinstance(context, dict) else None
        if reads is not None and not (derived_only and "summary" in self.metadata):
            reads.add(self.source_path)
        return prop.fget(self)

    getter.fastbuild_tracked = True
    return property(getter, prop.fset, prop.fdel, prop.__doc__)


def track_body_reads() -> None:
    """Make Content.content and a derived Content.summary report their reads (once per process).

    Pelican has no hook for "this page used that post's text", and listing pages show other
    posts' summaries; without this, an edit to one post's first paragraph would leave its
    summary stale on the pages that list it. Outside an incremental write this costs one
    dictionary lookup per access.
    """
    if getattr(Content.content.fget, "fastbuild_tracked", False):
        return
    Content.content = _tracked(Content.content, derived_only=False)
    Content.summary = _tracked(Content.summary, derived_only=True)
