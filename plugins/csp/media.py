"""Which of a post's images, videos and sounds a policy would block; no Pelican here."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from plugins.blogcore import repeats, text

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
_MEDIA_NAMES = frozenset(_MEDIA_TAGS)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def external_media(html: str) -> Iterator[tuple[str, str]]:
    """(directive, url) for every absolute http(s) URL a post's media elements load."""
    lowered = (html or "").lower()
    if not any(f"<{tag}" in lowered for tag in _MEDIA_TAGS):  # most posts: no parse at all
        return
    for tag, attrs in text.markup_of(html):
        if tag not in _MEDIA_NAMES:
            continue
        for name, value in attrs.items():
            directive = _GOVERNED.get((tag, name))
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


def allows(sources: Iterable[str], url: str, self_origin: str, upgrade: bool = False) -> bool:
    """Does a source list let the page load this URL? (CSP's matching, for http(s) URLs.)

    ``upgrade``: the policy has ``upgrade-insecure-requests``, so the browser asks for an
    ``http:`` URL over https before the policy looks at it."""
    if upgrade and url[:7].lower() == "http://":
        url = "https://" + url[7:]
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
    """The host source that would allow a URL, over https (a page served over https loads an
    ``http:`` picture over https or not at all): ``https://host[:port]``; a host numbered
    among its siblings (Blogger's ``1.bp.blogspot.com`` to ``4.bp.blogspot.com``) as the
    wildcard the policy accepts for all of them, ``https://*.bp.blogspot.com``."""
    parts = urlsplit(url if not url.startswith("//") else "https:" + url)
    host = (parts.hostname or "").lower()
    labels = host.split(".")
    if len(labels) >= 4 and labels[0].isdigit():  # 3.bp.blogspot.com, not 3.example.org
        host = "*." + ".".join(labels[1:])
    port = f":{parts.port}" if parts.port not in (None, 80, 443) else ""
    return f"https://{host}{port}"


@dataclass(frozen=True)
class Blocked:
    """One picture, video or sound a page loads from a host the policy does not allow."""

    file: str  # the post or page, as staff know it (content/posts/x.md)
    url: str
    directive: str  # img-src, media-src


def grouped(blocked: Iterable[Blocked]) -> list[list[Blocked]]:
    """The blocked loads grouped by what would allow them (directive and ``source_of``), each
    once per file and URL, in first-seen order."""
    groups: dict[tuple[str, str], dict[tuple[str, str], Blocked]] = {}
    for one in blocked:
        group = groups.setdefault((one.directive, source_of(one.url)), {})
        group.setdefault((one.file, one.url), one)
    return [list(group.values()) for group in groups.values()]


FILES_SHOWN = 3  # files a grouped line names before "and N more"


def advice(urls: Iterable[str], directive: str, many: bool) -> str:
    """What to do about media the policy blocks: save it with the site, or allow its site
    (over https; ``http:`` addresses written with https too)."""
    urls = list(urls)
    it, its = ("them", "their") if many else ("it", "its")
    written = "their addresses" if many else "its address"
    plain = any(u.lower().startswith("http://") for u in urls)
    https = f" and write {written} with https:" if plain else ""
    return (
        f"save {'each' if many else 'it'} under content/images/ and link {it} with "
        f"{{static}}, or allow {its} site with CSP_EXTRA = "
        f"{{{directive!r}: [{source_of(urls[0])!r}]}} in pelicanconf.py{https}"
    )


def _whose(shipped: bool) -> tuple[str, str]:
    """Whose policy blocks it, and what follows: the build's, or the published site's."""
    return ("", "") if shipped else ("published site's ", ": make publish stops on it")


def alone(url: str, directive: str, shipped: bool) -> str:
    """The line for one picture (after its file's name), and what to do about it."""
    whose, stops = _whose(shipped)
    return (
        f"{url} is loaded from another site and the {whose}Content-Security-Policy blocks it "
        f"({directive}){stops}; " + advice([url], directive, many=False)
    )


def group_message(group: list[Blocked], shipped: bool) -> str:
    """One line for a group of ``grouped``: the picture itself when alone, else how many,
    from where, and the first files. Many files are headed by their folder (by pelicanconf.py,
    where CSP_EXTRA goes, when they are in several), not by one of them: the line is about the
    site that serves them, and the same from one build to the next (files are rendered in
    parallel, in no fixed order)."""
    whose, stops = _whose(shipped)
    group = sorted(group, key=lambda one: (one.file, one.url))
    first = group[0]
    if len(group) == 1:
        return f"{first.file}: {alone(first.url, first.directive, shipped)}"
    files = list(dict.fromkeys(one.file for one in group))
    if len(files) == 1:
        head, where = first.file, ""
    else:
        head = repeats.heading(files)
        names = [file.removeprefix(head) for file in files]
        shown = ", ".join(names[:FILES_SHOWN])
        more = f" and {len(files) - FILES_SHOWN} more" if len(files) > FILES_SHOWN else ""
        where = f" in {len(files)} files ({shown}{more})"
    host = source_of(first.url).removeprefix("https://")
    kinds = "pictures" if first.directive == "img-src" else "videos or sounds"
    return (
        f"{head}: {len(group)} {kinds}{where} are loaded from {host}, another site, "
        f"and the {whose}Content-Security-Policy blocks them ({first.directive}){stops}; "
        + advice([one.url for one in group], first.directive, many=True)
    )
