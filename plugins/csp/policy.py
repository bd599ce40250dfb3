"""A Content-Security-Policy as plain values: sources checked, merged and written out.

No Pelican here. A policy is a dict ``directive -> list of sources``; a directive with an empty
list is a flag (``upgrade-insecure-requests``).
"""

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

# Every directive this plugin writes or accepts in CSP_EXTRA, in the order they are written.
DIRECTIVES = (
    "default-src",
    "script-src",
    "script-src-elem",
    "script-src-attr",
    "style-src",
    "style-src-elem",
    "style-src-attr",
    "img-src",
    "media-src",
    "font-src",
    "connect-src",
    "frame-src",
    "child-src",
    "worker-src",
    "manifest-src",
    "object-src",
    "base-uri",
    "form-action",
    "frame-ancestors",
    "upgrade-insecure-requests",
    "report-uri",
    "report-to",
    "sandbox",
)
# Browsers ignore these in a <meta http-equiv> policy (and say so in the console): they are
# written only in the HTTP header.
HEADER_ONLY = ("frame-ancestors", "report-uri", "report-to", "sandbox")
FLAGS = ("upgrade-insecure-requests",)
# Directives whose values are not source lists.
_FREE_FORM = ("report-uri", "report-to", "sandbox")

# What the theme itself needs: its own CSS, JavaScript, images and media, fetches to its own
# files (Pagefind's index), and nothing else. Plugins add to this; nothing removes from it.
BASE: dict[str, list[str]] = {
    "default-src": ["'none'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "media-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],  # the search box submits to the site's own search page
    "frame-ancestors": ["'none'"],  # no other site may frame these pages (header only)
}

KEYWORDS = (
    "'self'",
    "'none'",
    "'unsafe-inline'",
    "'unsafe-eval'",
    "'wasm-unsafe-eval'",
    "'unsafe-hashes'",
    "'strict-dynamic'",
    "'report-sample'",
    "'inline-speculation-rules'",
)
_BARE_KEYWORDS = {k.strip("'"): k for k in KEYWORDS}
_HASH = re.compile(r"'(sha256|sha384|sha512)-[A-Za-z0-9+/]+={0,2}'")
_NONCE = re.compile(r"'nonce-[A-Za-z0-9+/_-]+={0,2}'")
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:")
# host-source: [scheme://]host[:port][/path], host may start with "*."
_HOST = re.compile(
    r"([a-z][a-z0-9+.-]*://)?(\*|(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*)(:(\d+|\*))?(/[^\s;,']*)?"
)


class PolicyError(ValueError):
    """A directive name or a source is not valid CSP."""


@dataclass(frozen=True)
class Policy:
    """One policy, written two ways: for the HTTP header and for a ``<meta http-equiv>``.

    ``pages`` holds the meta policy of the few pages that need more than the rest (Pagefind's
    WebAssembly on the search page), by output path. The header, one for the whole site, is
    the union; a browser enforces header and meta both, so every other page keeps the
    stricter meta policy.
    """

    directives: dict[str, tuple[str, ...]]
    header: str
    meta: str
    pages: Mapping[str, str] = field(default_factory=dict)

    def meta_for(self, output_file: str | None) -> str:
        """The meta policy of the page written at output_file (Pelican's ``output_file``)."""
        return self.pages.get(output_file or "", self.meta)


def origin(url: str) -> str:
    """scheme://host[:port] of a URL, the form a CSP host source takes."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PolicyError(f"expected an http(s) URL, got {url!r}")
    return f"{parts.scheme}://{parts.netloc}"


def check_directive(name: object) -> str:
    """A directive name, or an error with the nearest known one."""
    if isinstance(name, str) and name in DIRECTIVES:
        return name
    close = difflib.get_close_matches(str(name), DIRECTIVES, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise PolicyError(f"unknown directive {name!r}{hint}")


def check_source(directive: str, source: object) -> str:
    """One source expression, or an error saying what was expected."""
    if not isinstance(source, str) or not source.strip():
        raise PolicyError(f"{directive}: a source must be a non-empty string, got {source!r}")
    value = source.strip()
    if directive in _FREE_FORM:
        if re.search(r"[;,\s]", value):
            raise PolicyError(f"{directive}: {value!r} may not contain ';', ',' or spaces")
        return value
    if value in KEYWORDS or _HASH.fullmatch(value) or _NONCE.fullmatch(value):
        return value
    if value.lower() in _BARE_KEYWORDS:  # the commonest slip: self without its quotes
        raise PolicyError(
            f"{directive}: {value!r} is a keyword and needs single quotes: "
            f'write "{_BARE_KEYWORDS[value.lower()]}"'
        )
    if value.startswith("'"):
        raise PolicyError(f"{directive}: unknown keyword {value!r}")
    if _SCHEME.fullmatch(value) or _HOST.fullmatch(value):
        return value
    raise PolicyError(
        f"{directive}: {value!r} is not a source; expected a keyword such as 'self', a scheme "
        "such as data:, or an origin such as https://cdn.example.org"
    )


def merge(*parts: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """Union of source lists per directive, in first-seen order; checked.

    ``'none'`` means "nothing": it is dropped from a directive that gets any other source.
    """
    merged: dict[str, list[str]] = {}
    for part in parts:
        for directive, sources in part.items():
            name = check_directive(directive)
            if isinstance(sources, str):
                raise PolicyError(f"{name}: sources must be a list of strings, got {sources!r}")
            bucket = merged.setdefault(name, [])
            for source in sources:
                value = check_source(name, source)
                if value not in bucket:
                    bucket.append(value)
    for sources in merged.values():
        if len(sources) > 1 and "'none'" in sources:
            sources.remove("'none'")
    return merged


def _order(name: str) -> int:
    return DIRECTIVES.index(name)


def serialise(policy: Mapping[str, Iterable[str]], *, meta: bool = False) -> str:
    """The policy as one header value; ``meta=True`` leaves out what <meta> cannot carry."""
    out = []
    for name in sorted(policy, key=_order):
        if meta and name in HEADER_ONLY:
            continue
        # keywords first, then schemes and hosts, each in the order they were added
        sources = sorted(policy[name], key=lambda source: not source.startswith("'"))
        out.append(" ".join([name, *sources]) if sources else name)
    return "; ".join(out)


def _frozen(merged: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    for name in FLAGS:
        if merged.get(name):
            raise PolicyError(f"{name} takes no sources, got {merged[name]!r}")
    return {name: tuple(sources) for name, sources in merged.items()}


def build(
    parts: Iterable[Mapping[str, Iterable[str]]],
    *,
    upgrade_insecure_requests: bool = False,
    report_uri: str | None = None,
    pages: Mapping[str, Mapping[str, Iterable[str]]] | None = None,
) -> Policy:
    """The whole policy: the theme's base, every plugin's sources, the site's extras.

    ``pages`` maps an output path to sources only that page needs: they go into that page's
    meta policy and into the site-wide header, never into the other pages' meta policy.
    """
    flags: dict[str, list[str]] = {}
    if upgrade_insecure_requests:
        flags["upgrade-insecure-requests"] = []
    if report_uri:
        flags["report-uri"] = [report_uri]
    parts = list(parts)
    pages = dict(pages or {})
    site = _frozen(merge(BASE, *parts, flags))
    everything = _frozen(merge(BASE, *parts, *pages.values(), flags))
    own = {
        path: serialise(_frozen(merge(BASE, *parts, extra, flags)), meta=True)
        for path, extra in pages.items()
    }
    return Policy(everything, serialise(everything), serialise(site, meta=True), own)


# Sent with every page where the host reads a _headers file; each is safe for any blog page.
EXTRA_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
)


# First line of our block in _headers: a rebuild replaces from here on, keeping what is above.
MARKER = "# Written by the csp plugin from the site's settings: edit those, not this block."


def headers_file(policy: Policy) -> str:
    """A ``_headers`` block (Netlify and Cloudflare Pages): the policy for every path."""
    lines = [MARKER, "/*", f"  Content-Security-Policy: {policy.header}"]
    lines += [f"  {name}: {value}" for name, value in EXTRA_HEADERS]
    return "\n".join(lines) + "\n"
