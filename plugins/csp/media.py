"""Which of a post's images, videos and sounds a policy would block; no Pelican here."""

from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, SoupStrainer

# (tag, attribute) -> the directive that governs what it loads
_GOVERNED = {
    ("img", "src"): "img-src",
    ("img", "srcset"): "img-src",
    ("source", "srcset"): "img-src",  # inside <picture>
    ("video", "poster"): "img-src",
    ("video", "src"): "media-src",
    ("audio", "src"): "media-src",
    ("source", "src"): "media-src",
    ("track", "src"): "media-src",
}
_MEDIA_TAGS = sorted({tag for tag, _ in _GOVERNED})
_MEDIA = SoupStrainer(_MEDIA_TAGS)  # beautifulsoup4 builds only these elements
_DEFAULT_PORTS = {"http": 80, "https": 443}


def external_media(html: str) -> Iterator[tuple[str, str]]:
    """(directive, url) for every absolute http(s) URL a post's media elements load."""
    lowered = (html or "").lower()
    if not any(f"<{tag}" in lowered for tag in _MEDIA_TAGS):  # most posts: no parse at all
        return
    soup = BeautifulSoup(html, "html.parser", parse_only=_MEDIA, multi_valued_attributes=None)
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            directive = _GOVERNED.get((element.name, name))
            if directive is None:
                continue
            urls = (
                [c.strip().split(" ")[0] for c in value.split(",")] if "srcset" in name else [value]
            )
            for url in urls:
                if url.startswith(("http://", "https://", "//")):
                    yield directive, url


def _port(scheme: str, port: int | None) -> int | None:
    return port if port is not None else _DEFAULT_PORTS.get(scheme)


def allows(sources: Iterable[str], url: str, self_origin: str) -> bool:
    """Does a source list let the page load this URL? (CSP's matching, for http(s) URLs.)"""
    target = urlsplit(url if not url.startswith("//") else urlsplit(self_origin).scheme + ":" + url)
    scheme, host = target.scheme, (target.hostname or "").lower()
    port = _port(scheme, target.port)
    for source in sources:
        if source == "*" or source == f"{scheme}:":
            return True
        if source == "'self'":
            own = urlsplit(self_origin)
            if (own.scheme, (own.hostname or "").lower(), _port(own.scheme, own.port)) == (
                scheme,
                host,
                port,
            ):
                return True
            continue
        if source.startswith("'") or source.endswith(":"):
            continue
        parsed = urlsplit(source if "://" in source else f"{scheme}://{source}")
        want = (parsed.hostname or "").lower()
        if parsed.scheme != scheme and not (parsed.scheme == "http" and scheme == "https"):
            continue
        if want.startswith("*."):
            if not host.endswith(want[1:]):
                continue
        elif want != host:
            continue
        if parsed.netloc.endswith(":*"):
            return True
        if parsed.port is None and port == _port(scheme, None):
            return True
        if parsed.port is not None and parsed.port == port:
            return True
    return False


def source_of(url: str) -> str:
    """The host source that would allow a URL: its origin (scheme://host[:port])."""
    parts = urlsplit(url if not url.startswith("//") else "https:" + url)
    return f"{parts.scheme}://{parts.netloc}"
