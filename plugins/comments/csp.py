"""What the configured comment provider needs from a Content-Security-Policy (csp plugin).

Pure: read by the csp plugin through ``csp_sources(settings)``; no Pelican here.
"""

import base64
import hashlib
from typing import Any
from urllib.parse import urlsplit

from .settings import configure


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


# Isso draws each commenter's avatar as SVG squares coloured with style="fill: <colour>",
# from its default palette (isso/js/app/default_config.js: avatar-bg, avatar-fg), which our
# embed does not change. Those nine exact attributes are allowed by hash, nothing else inline.
ISSO_AVATAR_COLOURS = (
    "#f0f0f0",
    "#9abf88",
    "#5698c4",
    "#e279a3",
    "#9163b6",
    "#be5168",
    "#f19670",
    "#e4bf80",
    "#447c69",
)


def style_hash(text: str) -> str:
    """The CSP hash source of an inline style, as browsers compute it (SHA-256, base64)."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _isso(options: dict[str, Any]) -> dict[str, list[str]]:
    # embed.min.js, its API (thread, new comment, counts on lists) and its isso.css, as a
    # <link>; avatars are drawn in the page (no image host), their colours allowed by hash
    server = _origin(options["url"])
    return {
        "script-src": [server],
        "connect-src": [server],
        "style-src": [server],
        "style-src-attr": [
            "'unsafe-hashes'",
            *(style_hash(f"fill: {colour}") for colour in ISSO_AVATAR_COLOURS),
        ],
    }


def _giscus(options: dict[str, Any]) -> dict[str, list[str]]:
    # client.js puts an iframe from its own host and a small <style> for that frame
    host = _origin(options["script"])
    return {"script-src": [host], "frame-src": [host], "style-src": ["'unsafe-inline'"]}


def _utterances(options: dict[str, Any]) -> dict[str, list[str]]:
    # client.js puts an iframe from its own host and a small <style> for that frame
    host = _origin(options["script"])
    return {"script-src": [host], "frame-src": [host], "style-src": ["'unsafe-inline'"]}


def _remark42(options: dict[str, Any]) -> dict[str, list[str]]:
    # embed.js loads the thread in an iframe from the same host and sizes it with inline styles
    host = _origin(options["host"])
    return {
        "script-src": [host],
        "frame-src": [host],
        "connect-src": [host],
        "style-src": ["'unsafe-inline'"],
    }


def _disqus(options: dict[str, Any]) -> dict[str, list[str]]:
    # Disqus' documented hosts: the site's loader, its CDN, the comment frame, its images
    loader = f"https://{options['shortname']}.disqus.com"
    cdn = "https://c.disquscdn.com"
    return {
        "script-src": [loader, cdn],
        "frame-src": ["https://disqus.com"],
        "img-src": [cdn, "https://referrer.disqus.com"],
        "connect-src": ["https://links.services.disqus.com"],
        "style-src": [cdn, "'unsafe-inline'"],
    }


_SOURCES = {
    "isso": _isso,
    "giscus": _giscus,
    "utterances": _utterances,
    "remark42": _remark42,
    "disqus": _disqus,
}


def csp_sources(settings: dict[str, Any]) -> dict[str, list[str]]:
    """Directive -> sources the comment provider's script, frames and API need."""
    merged = configure(settings)
    provider = merged["COMMENTS_PROVIDER"]
    if provider == "none":
        return {}
    return _SOURCES[provider](merged["COMMENTS_OPTIONS"])
