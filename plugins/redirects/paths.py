"""Old URLs: read a ``Redirect_from`` value, normalise each old path, decide who keeps it.

Pure logic, no Pelican: the receivers in ``signals.py`` hand over plain values (the value as
written, SITEURL, the paths the site itself writes) and get back what to write and the
mistakes to report, one line each.
"""

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

# What a static host serves as HTML at a path of its own: a folder's index.html, or the file.
PAGE_SUFFIXES = (".html", ".htm")
# Percent-encoded as a path is written in _redirects: everything but these stays as it is.
_SAFE = "/:@!$&'()*+,;=~-._"
_QUERY_SAFE = "=:@!$'()*+,;/?~-._"
_SPLIT = re.compile(r"[,\n]")


class PathError(ValueError):
    """An old path that cannot be redirected (the message says what was expected)."""


@dataclass(frozen=True)
class OldPath:
    """One old URL of the site, normalised.

    ``path`` is percent-encoded as a server receives it (``/2008/10/caf%C3%A9.html``);
    ``query`` the query string's ``key=value`` pairs (``("p=123",)``), empty for a plain path.
    """

    path: str
    query: tuple[str, ...] = ()

    @property
    def output(self) -> str | None:
        """The output file a redirect page is written to, or None (a query, another suffix).

        ``/slug/`` and ``/2008/10/29/slug`` are folders (``…/index.html``); ``/x.html`` is the
        file itself; ``/x.php`` is neither: a static host would not serve it as HTML.
        """
        if self.query:
            return None
        decoded = unquote(self.path).lstrip("/")
        if not decoded or self.path.endswith("/"):
            return decoded + "index.html"
        last = decoded.rsplit("/", 1)[-1]
        if last.lower().endswith(PAGE_SUFFIXES):
            return decoded
        if "." in last:
            return None
        return decoded + "/index.html"

    def shown(self) -> str:
        """The old URL as staff wrote it (normalised): ``/?p=123``."""
        return self.path + ("?" + "&".join(self.query) if self.query else "")

    def redirects_source(self) -> str:
        """The source of a _redirects line: ``/2008/x.html`` or, with a query, ``/ p=123``."""
        return " ".join((self.path, *self.query))


def split_value(value: object) -> list[str]:
    """The old paths of one ``Redirect_from`` value: comma-separated, or repeated lines."""
    values = value if isinstance(value, list | tuple) else [value]
    found = []
    for one in values:
        found += [part.strip() for part in _SPLIT.split(str(one or "")) if part.strip()]
    return found


def _site_base(siteurl: str) -> tuple[str, str]:
    """SITEURL's host (lowercase) and path prefix (``/blog`` or '')."""
    parts = urlsplit(siteurl or "")
    return parts.netloc.lower(), parts.path.rstrip("/")


def parse(text: str, siteurl: str = "", old_hosts: Iterable[str] = ()) -> OldPath:
    """One old URL, normalised, or PathError saying what is wrong with it.

    A site path starts with ``/``. A full URL is accepted when its host is SITEURL's or one
    of ``old_hosts`` (then its path is used; under SITEURL's own host, below SITEURL's path).
    """
    if "\\" in text:
        raise PathError(f"{text!r} has a backslash; write a site path such as /2008/10/slug/")
    if any(c.isspace() or ord(c) < 32 for c in text):
        raise PathError(f"{text!r} has a space in it; write %20 for a space")
    parts = urlsplit(text)
    if parts.scheme or text.startswith("//"):
        host, prefix = _site_base(siteurl)
        hosts = {h.lower() for h in old_hosts}
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise PathError(f"{text!r} is not a path of this site; write one like /2008/10/slug/")
        netloc = parts.netloc.lower()
        if netloc == host and (
            not prefix or parts.path == prefix or parts.path.startswith(prefix + "/")
        ):
            path = parts.path[len(prefix) :] or "/"
        elif netloc in hosts:
            path = parts.path or "/"
        elif netloc == host:
            raise PathError(
                f"{text!r} is outside this site (SITEURL is {siteurl}); write a path below it"
            )
        else:
            allowed = ", ".join(sorted({host, *hosts} - {""})) or "SITEURL's"
            raise PathError(
                f"{text!r} is on another site ({parts.netloc}); only a path of this site "
                f"(host {allowed}) can be redirected (REDIRECTS_OLD_HOSTS)"
            )
    elif not text.startswith("/"):
        raise PathError(f"{text!r} must start with / (a path of this site: /2008/10/slug/)")
    else:
        path = parts.path
    if parts.fragment or text.endswith("#"):
        raise PathError(f"{text!r} has a #fragment, which browsers never send; leave it out")
    decoded = unquote(path)
    segments = decoded.split("/")
    if any(s in ("..", ".") for s in segments) or "\x00" in decoded or "//" in decoded:
        raise PathError(f"{text!r} is not a plain path (no '..', '.' or '//' parts)")
    if "\\" in decoded:
        raise PathError(f"{text!r} has a backslash; write a site path such as /2008/10/slug/")
    encoded = quote(decoded, safe=_SAFE)
    query = tuple(pair for pair in parts.query.split("&") if pair)
    for pair in query:
        key, equals, _ = pair.partition("=")
        if not key or not equals:
            raise PathError(f"{text!r}: each query parameter must be key=value, like ?p=123")
    return OldPath(encoded, tuple(quote(unquote(p), safe=_QUERY_SAFE) for p in query))


@dataclass(frozen=True)
class Wanted:
    """An old path one item claims: ``owner`` names the item's source, ``target`` its URL."""

    old: OldPath
    owner: str
    target: str  # the item's URL path on this site: /posts/slug/
    item: object = None


@dataclass(frozen=True)
class Refused:
    """A claim not written, and the line that says why."""

    wanted: Wanted
    message: str


def owner_of(output: str, taken: dict[str, str]) -> str | None:
    """Who writes output, or a file where output needs a folder, or the folder it is in.

    ``taken`` maps output files to who writes them; a key ending in ``/`` is a folder whose
    every file the site writes (the theme's).
    """
    if output in taken:
        return taken[output]
    parts = output.split("/")
    for end in range(1, len(parts)):
        folder = "/".join(parts[:end])
        found = taken.get(folder) or taken.get(folder + "/")
        if found:
            return found
    return None


def plan(
    claims: Iterable[Wanted], taken: dict[str, str], key: str = "Redirect_from"
) -> tuple[list[Wanted], list[Refused]]:
    """Who keeps each old path: claims in the order given (the oldest post first).

    ``taken`` maps each output file the site writes itself (``posts/x/index.html``) to who
    writes it (``owner_of``): a redirect never replaces one. Of two claims on one old path (or
    one output file) the first keeps it. The same item naming a path twice keeps it once, silently.
    """
    kept: list[Wanted] = []
    refused: list[Refused] = []
    owners: dict[object, Wanted] = {}
    for claim in claims:
        old = claim.old
        output = old.output
        owner = None if output is None else owner_of(output, taken)
        if owner is not None:
            refused.append(
                Refused(
                    claim,
                    f"{claim.owner}: {key} {old.shown()} is the address of "
                    f"{owner}, which the site writes itself; a redirect never replaces "
                    "a page (remove it from "
                    f"{key})",
                )
            )
            continue
        keys = [("url", old.path, old.query)]
        if output is not None:
            keys.append(("file", output))
        first = next((owners[k] for k in keys if k in owners), None)
        if first is not None:
            if first.owner != claim.owner or first.target != claim.target:
                refused.append(
                    Refused(
                        claim,
                        f"{claim.owner}: {key} {old.shown()} is already claimed by "
                        f"{first.owner}, which keeps it (remove it from one of them)",
                    )
                )
            continue
        for k in keys:
            owners[k] = claim
        kept.append(claim)
    return kept, refused


def redirects_lines(kept: Iterable[Wanted], status: int, prefix: str = "") -> list[str]:
    """The _redirects lines, in the order given.

    A query-string line is forced (``301!``): on Netlify a rule never applies where a file
    exists unless forced, and ``/`` always has one (the home page).
    """
    lines = []
    for wanted in kept:
        force = "!" if wanted.old.query else ""
        lines.append(f"{wanted.old.redirects_source()} {prefix}{wanted.target} {status}{force}")
    return lines


def redirects_file(ours: list[str], theirs: str = "", marker: str = "") -> str:
    """The _redirects file: the content's own rules (if it ships one) first, then ours."""
    body = "\n".join([marker, *ours]) + "\n" if ours else ""
    theirs = theirs.split(marker, 1)[0].rstrip("\n") if marker else theirs.rstrip("\n")
    if theirs and body:
        return f"{theirs}\n\n{body}"
    return theirs + "\n" if theirs else body


def site_prefix(siteurl: str) -> str:
    """SITEURL's path (``/blog``) that every target path is under, or ''."""
    return _site_base(siteurl)[1]


def normalise_output(path: str) -> str:
    """An output path as the writer resolves it: ``/a/./b/index.html`` -> ``a/b/index.html``."""
    path = posixpath.normpath(path.replace("\\", "/").lstrip("/"))
    return "" if path == "." else path
