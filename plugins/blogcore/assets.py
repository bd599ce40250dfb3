"""The theme's CSS and JS bundles, built by webassets when their files change.

A bundle is some of the theme's files (under its ``assets/`` folder, which Pelican does not
copy, so only bundles are published), merged in the order given and minified (``rcssmin`` for
``.css``, ``rjsmin`` for ``.js``), written under the theme's static output folder with
webassets' content hash in its name (``css/site.%(version)s.min.css`` becomes
``css/site.1a2b3c4d.min.css``): a changed stylesheet gets a new URL, so browsers may cache
every bundle for good. No manifest per output folder is kept (one per output folder piled up
in CACHE_PATH, a new one per publish).

Templates do not use webassets' ``{% assets %}`` tag: it checks its bundle on every page that
includes it. They read the URLs this module returns, once per build.

With a cache folder, each bundle's built file is kept there under the bundle's name (one file
each, replaced when it changes), with a hash of what made it (the sources' bytes, the output
pattern, webassets' and the minifiers' versions): while that is unchanged a build writes the
same bytes again without importing webassets (21 against 4 ms of CPU).
"""

import base64
import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from importlib import metadata

from plugins.engine import files

# one webassets filter per kind of bundle, chosen by the output's extension
FILTERS = {".css": "rcssmin", ".js": "rjsmin"}


def bundle_filter(output: str) -> str | None:
    """The webassets filter that minifies a bundle with this output name, if any."""
    return FILTERS.get(os.path.splitext(output)[1].lower())


def build(
    bundles: Mapping[str, tuple[str, Sequence[str]]],
    source_dir: str,
    output_dir: str,
    url_prefix: str,
    cache_dir: str | None = None,
) -> dict[str, str]:
    """Build every bundle; return each one's URL (``url_prefix/css/site.<hash>.min.css``).

    ``bundles`` maps a name to (output pattern with ``%(version)s``, source files), paths
    relative to ``source_dir`` (sources) and ``output_dir`` (outputs). Every bundle is built,
    changed or not (a few milliseconds): the output folder may be new, and a bundle's file
    list may have changed. With ``cache_dir``, a bundle whose inputs are those of its cached
    build is written from the cache.
    """
    urls = {}
    todo = {}
    for name, (output, sources) in bundles.items():
        key = _key(output, sources, source_dir, url_prefix) if cache_dir else None
        cached = _cached(cache_dir, name, key) if key else None
        if cached is None:
            todo[name] = (output, sources, key)
            continue
        path, url, data = cached
        target = os.path.join(output_dir, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with files.writing(target), open(target, "wb") as handle:
            handle.write(data)
        urls[name] = url
    if todo:
        urls.update(_webassets(todo, source_dir, output_dir, url_prefix, cache_dir))
    return {name: urls[name] for name in bundles}


def _webassets(
    todo: Mapping[str, tuple[str, Sequence[str], str | None]],
    source_dir: str,
    output_dir: str,
    url_prefix: str,
    cache_dir: str | None,
) -> dict[str, str]:
    """Build bundles with webassets, keeping each one's file in the cache when it has a key."""
    from webassets import Bundle, Environment  # only when a bundle is not in the cache

    env = Environment(
        directory=output_dir,
        url=url_prefix,
        load_path=[source_dir],
        manifest=False,  # the build below gives each bundle its hash
        versions="hash",
        url_expire=False,  # the hash is in the file name, not a query string
        cache=False,  # its filter cache would be a hidden folder in the output
        auto_build=False,
    )
    urls = {}
    for name, (output, sources, key) in todo.items():
        bundle = Bundle(*sources, filters=bundle_filter(output), output=output)
        env.register(name, bundle)
        # webassets' write names no file on a full disk: the bundle (its hash not known yet)
        with files.writing(os.path.join(output_dir, output.replace("%(version)s", "*"))):
            bundle.build(force=True)
        (urls[name],) = bundle.urls()
        if key and cache_dir:
            path = os.path.relpath(bundle.resolve_output(), output_dir)
            _keep(cache_dir, name, key, path, urls[name], output_dir)
    return urls


_GLOB = frozenset("*?[")
# what else makes a bundle's bytes: webassets and the minifiers it calls
_MAKERS = ("webassets", "rcssmin", "rjsmin")


def _key(output: str, sources: Sequence[str], source_dir: str, url_prefix: str) -> str | None:
    """A hash of everything a bundle's file and URL come from; None where webassets must look
    (a pattern, a missing or unreadable source: its own error names the file)."""
    digest = hashlib.sha256()
    try:
        makers = [metadata.version(name) for name in _MAKERS]
    except metadata.PackageNotFoundError:
        return None
    digest.update(json.dumps([1, makers, output, url_prefix, list(sources)]).encode())
    for source in sources:
        if _GLOB & set(source):
            return None
        try:
            with open(os.path.join(source_dir, source), "rb") as handle:
                digest.update(hashlib.sha256(handle.read()).digest())
        except OSError:
            return None
    return digest.hexdigest()


def _cache_file(cache_dir: str, name: str) -> str:
    return os.path.join(cache_dir, f"bundle-{hashlib.sha256(name.encode()).hexdigest()[:16]}")


def _cached(cache_dir: str, name: str, key: str) -> tuple[str, str, bytes] | None:
    """(output path, URL, bytes) of a bundle's cached build from these inputs, or None."""
    try:
        with open(_cache_file(cache_dir, name), "rb") as handle:
            entry = json.loads(handle.read())
        data = base64.b64decode(entry["data"], validate=True)
        whole = hashlib.sha256(data).hexdigest() == entry["sha256"]
        if entry["key"] != key or not whole:
            return None
        path, url = entry["path"], entry["url"]
    except (OSError, ValueError, KeyError, TypeError):
        return None  # none yet, or damaged: webassets builds it again
    if not isinstance(path, str) or not isinstance(url, str) or os.path.isabs(path):
        return None
    return path, url, data


def _keep(cache_dir: str, name: str, key: str, path: str, url: str, output_dir: str) -> None:
    """Keep a bundle's build in the cache; a cache that cannot be written is only slower."""
    try:
        with open(os.path.join(output_dir, path), "rb") as handle:
            data = handle.read()
        entry = {
            "key": key,
            "path": path,
            "url": url,
            "sha256": hashlib.sha256(data).hexdigest(),
            "data": base64.b64encode(data).decode("ascii"),
        }
        os.makedirs(cache_dir, exist_ok=True)
        files.write_atomically(_cache_file(cache_dir, name), json.dumps(entry))
    except OSError:
        pass
