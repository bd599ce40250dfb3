"""The theme's CSS and JS bundles: concatenated, minified and named by their content hash."""

import hashlib
from collections.abc import Iterable

import rcssmin
import rjsmin

_MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def bundle(pattern: str, sources: Iterable[tuple[str, str]]) -> tuple[str, str]:
    """Return (name, text) of one bundle from (file name, text) pairs.

    ``pattern`` names the output and holds ``{hash}`` (``css/site.{hash}.min.css``), so a
    changed stylesheet gets a new URL and browsers may cache every bundle forever.
    """
    suffix = pattern[pattern.rfind(".") :]
    minify = _MINIFIERS.get(suffix)
    if minify is None:
        raise ValueError(f"asset bundle {pattern!r}: only .css and .js bundles are supported")
    text = "\n".join(minify(source) for _, source in sources)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return pattern.replace("{hash}", digest), text
