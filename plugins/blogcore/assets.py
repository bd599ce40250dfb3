"""The theme's CSS and JS bundles, built by webassets once per build.

A bundle is some of the theme's files (under its ``assets/`` folder, which Pelican does not
copy, so only bundles are published), merged in the order given and minified (``rcssmin`` for
``.css``, ``rjsmin`` for ``.js``), written under the theme's static output folder with
webassets' content hash in its name (``css/site.%(version)s.min.css`` becomes
``css/site.1a2b3c4d.min.css``): a changed stylesheet gets a new URL, so browsers may cache
every bundle for good. Every bundle is built in every build, which gives webassets its hash:
no manifest is kept (one per output folder piled up in CACHE_PATH, a new one per publish).

Templates do not use webassets' ``{% assets %}`` tag: it checks its bundle on every page that
includes it. They read the URLs this module returns, once per build.
"""

import os
from collections.abc import Mapping, Sequence

from webassets import Bundle, Environment

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
) -> dict[str, str]:
    """Build every bundle; return each one's URL (``url_prefix/css/site.<hash>.min.css``).

    ``bundles`` maps a name to (output pattern with ``%(version)s``, source files), paths
    relative to ``source_dir`` (sources) and ``output_dir`` (outputs). Every bundle is built,
    changed or not (a few milliseconds): the output folder may be new, and a bundle's file
    list may have changed.
    """
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
    for name, (output, sources) in bundles.items():
        bundle = Bundle(*sources, filters=bundle_filter(output), output=output)
        env.register(name, bundle)
        # webassets' write names no file on a full disk: the bundle (its hash not known yet)
        with files.writing(os.path.join(output_dir, output.replace("%(version)s", "*"))):
            bundle.build(force=True)
        (urls[name],) = bundle.urls()
    return urls
