"""The theme's CSS and JS bundles, built by webassets once per build.

A bundle is some of the theme's files (under its ``assets/`` folder, which Pelican does not
copy, so only bundles are published), merged in the order given and minified (``rcssmin`` for
``.css``, ``rjsmin`` for ``.js``), written under the theme's static output folder with
webassets' content hash in its name (``css/site.%(version)s.min.css`` becomes
``css/site.1a2b3c4d.min.css``): a changed stylesheet gets a new URL, so browsers may cache
every bundle for good. webassets' manifest (a JSON file
the caller places in CACHE_PATH) records each bundle's hash.

Templates do not use webassets' ``{% assets %}`` tag: it checks its bundle on every page that
includes it. They read the URLs this module returns, once per build.
"""

import os
from collections.abc import Mapping, Sequence

from webassets import Bundle, Environment

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
    manifest: str,
) -> dict[str, str]:
    """Build every bundle; return each one's URL (``url_prefix/css/site.<hash>.min.css``).

    ``bundles`` maps a name to (output pattern with ``%(version)s``, source files), paths
    relative to ``source_dir`` (sources) and ``output_dir`` (outputs). Every bundle is built,
    changed or not (a few milliseconds): the output folder may be new, and a bundle's file
    list may have changed.
    """
    os.makedirs(os.path.dirname(manifest) or ".", exist_ok=True)
    env = Environment(
        directory=output_dir,
        url=url_prefix,
        load_path=[source_dir],
        manifest=f"json:{manifest}",
        versions="hash",
        url_expire=False,  # the hash is in the file name, not a query string
        cache=False,  # its filter cache would be a hidden folder in the output
        auto_build=False,
    )
    urls = {}
    for name, (output, files) in bundles.items():
        bundle = Bundle(*files, filters=bundle_filter(output), output=output)
        env.register(name, bundle)
        bundle.build(force=True)
        (urls[name],) = bundle.urls()
    return urls
