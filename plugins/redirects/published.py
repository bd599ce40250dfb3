"""Published addresses: read the live site's sitemap, find the ones a build no longer writes.

Pure logic, no Pelican: the receivers in ``signals.py`` hand over the sitemap's text, SITEURL's
path, the acknowledged removals and what each post or page is known by, and get back one line
for each published address that would become a 404.
"""

import difflib
import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from plugins.engine import keysyntax

from .paths import OldPath, pattern_regex

_NAMESPACE = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# How near an old address's last part must be to a post's slug, file name or title (difflib's
# ratio) for the post to be named as the one that probably moved.
_NEAR = 0.75


class SitemapError(ValueError):
    """A sitemap that cannot be read (the message says what was expected)."""


@dataclass(frozen=True)
class Known:
    """A post or page of this build, by what an old address of it may still show.

    ``names``: its slug, its source file's name without suffix, its title as a slug.
    """

    owner: str  # its source file, as staff know it: content/posts/x.md
    names: tuple[str, ...]


def read_sitemap(text: str | bytes, prefix: str = "") -> list[str]:
    """The site path of each ``<loc>`` of a sitemap (``/posts/x/``), whatever its host.

    ``prefix`` is SITEURL's path (``/blog``): an address under it is taken from there on.
    SitemapError for what is not a sitemap of pages (not XML, a sitemap index, no ``<loc>``).
    """
    try:
        # expat (2.4.1 and later) stops entity-expansion bombs; the file is our own site's
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise SitemapError(f"is not XML ({exc}); expected the sitemap.xml a build writes") from None
    if root.tag != f"{_NAMESPACE}urlset":
        name = root.tag.rsplit("}", 1)[-1]
        raise SitemapError(
            f"is a <{name}> document, not a sitemap of pages (<urlset>) as a build writes"
        )
    found = []
    for url in root.iter(f"{_NAMESPACE}url"):
        loc = (url.findtext(f"{_NAMESPACE}loc") or "").strip()
        path = _site_path(loc, prefix)
        if path is None:
            raise SitemapError(f"has <loc>{loc}</loc>, which is not the address of a page")
        found.append(path)
    return list(dict.fromkeys(found))


def _site_path(loc: str, prefix: str) -> str | None:
    parts = urlsplit(loc)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    path = parts.path or "/"
    if prefix and (path == prefix or path.startswith(prefix + "/")):
        path = path[len(prefix) :] or "/"
    decoded = unquote(path)
    if any(part in ("..", ".") for part in decoded.split("/")) or "\\" in decoded:
        return None
    return path


def output_of(path: str) -> str:
    """The output file that serves a site path: ``/posts/x/`` -> ``posts/x/index.html``."""
    return OldPath(path).output or unquote(path).lstrip("/")


def gone(
    published: Iterable[str], written: Callable[[str], bool], removed: Iterable[str] = ()
) -> list[str]:
    """The published paths whose output file this build does not write, in the sitemap's order.

    ``written(output)`` tells whether the build wrote an output file (a page, or a redirect
    page); ``removed`` are paths staff removed on purpose (REDIRECTS_REMOVED).
    """
    acknowledged = {output_of(path) for path in removed}
    return [
        path
        for path in published
        if output_of(path) not in acknowledged and not written(output_of(path))
    ]


def listings(patterns: Iterable[str], paging: Iterable[str] = ()) -> Callable[[str], bool]:
    """Tells whether a site path is a listing's: a category, tag or archive page of one of the
    URL ``patterns`` (``category/{slug}/``), or a later page of any listing (``paging``:
    ``{base_name}/page/{number}/``). A listing goes when its last post does: not a mistake."""
    found = [pattern_regex(p) for p in patterns if p] + [
        pattern_regex(p, paging=True) for p in paging if "{base_name}" in p
    ]
    joined = re.compile("|".join(f"(?:{r})" for r in found)) if found else None

    def is_listing(path: str) -> bool:
        if joined is None:
            return False
        decoded = unquote(path)
        # "//page/2/": the home page's later pages, whose base name is empty
        return bool(joined.fullmatch(decoded) or joined.fullmatch("/" + decoded))

    return is_listing


def last_name(path: str) -> str:
    """What an address's last part says: ``/posts/how-we-hire/`` -> ``how-we-hire``."""
    last = posixpath.basename(unquote(path).rstrip("/"))
    for suffix in (".html", ".htm"):
        if last.lower().endswith(suffix):
            return last[: -len(suffix)]
    return last


def suspects(path: str, known: Iterable[Known]) -> list[str]:
    """The posts or pages that probably had this address: one whose slug, file name or title
    is the address's last part, else those near it; none when nothing is near."""
    name = last_name(path).lower()
    if not name:
        return []
    known = list(known)
    same = [k.owner for k in known if name in (n.lower() for n in k.names)]
    if same:
        return list(dict.fromkeys(same))
    near = []
    for item in known:
        best = max(
            (difflib.SequenceMatcher(None, name, n.lower()).ratio() for n in item.names if n),
            default=0.0,
        )
        if best >= _NEAR:
            near.append((-best, item.owner))
    return list(dict.fromkeys(owner for _, owner in sorted(near)))[:3]


def message(path: str, owners: list[str]) -> str:
    """The one line for a published address this build no longer writes; the key to add is
    written as the guessed owners write keys (``:redirect_from:`` in a .rst post: a Markdown
    line there would be its first paragraph), each syntax's named where they differ."""
    where = f" ({' or '.join(f'{o}?' for o in owners)})" if owners else ""
    key = keysyntax.key_in_files("Redirect_from", owners, path)
    if len({keysyntax.syntax_of(owner) for owner in owners}) <= 1:
        key = f"'{key}'"  # one line to copy; several syntaxes' are named, not quoted as one
    return (
        f"{path} is published and this build no longer writes it: if its post or page moved, "
        f"add {key} to it{where}; if it was removed on purpose, add it to "
        "REDIRECTS_REMOVED in publishconf.py"
    )
