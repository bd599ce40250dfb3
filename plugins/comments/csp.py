"""What the configured comment provider needs from a Content-Security-Policy (csp plugin).

Pure: read by the csp plugin through ``csp_sources(settings)``; no Pelican here.
"""

from typing import Any
from urllib.parse import urlsplit

from .settings import configure


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _isso(options: dict[str, Any]) -> dict[str, list[str]]:
    # embed.min.js and its API (thread, new comment, counts on lists); the theme styles the
    # thread (data-isso-css="false") and Isso draws no avatars (data-isso-avatar="false"),
    # so Isso needs no style source at all
    server = _origin(options["url"])
    return {"script-src": [server], "connect-src": [server]}


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
