"""Old URLs: read a ``Redirect_from`` value, normalise each old path, decide who keeps it.

Pure logic, no Pelican: the receivers in ``signals.py`` hand over plain values (the value as
written, SITEURL, the paths the site itself writes) and get back what to write and the
mistakes to report, one line each.
"""

import datetime
import posixpath
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from plugins.engine.config import unknown_key_hint

# What a static host serves as HTML at a path of its own: a folder's index.html, or the file.
PAGE_SUFFIXES = (".html", ".htm")
# Percent-encoded as a path is written in _redirects: everything but these stays as it is.
_SAFE = "/:@!$&'()*+,;=~-._"
_QUERY_SAFE = "=:@!$'()*+,;/?~-._"
_SPLIT = re.compile(r"[,\n]")


# The fields Pelican formats ARTICLE_URL and PAGE_URL with (``Content.url_format``); a post's
# other front-matter keys (``{title}``) may be used too, as in Pelican.
PELICAN_FIELDS = ("slug", "date", "lang", "author", "category", "path")
# Values of those fields to check a pattern with once, at start-up.
_SAMPLE = {
    "slug": "slug",
    "date": datetime.datetime(2008, 10, 29, 9, 30),
    "lang": "en",
    "author": "author",
    "category": "category",
    "path": "posts/slug.md",
}


class _AnyValue:
    """A front-matter key's value at start-up, unknown yet: any format, attribute or index."""

    def __format__(self, spec: str) -> str:
        return "x"

    def __getattr__(self, name: str) -> "_AnyValue":
        return self

    def __getitem__(self, key: object) -> "_AnyValue":
        return self


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


def value_problems(value: object, siteurl: str = "", old_hosts: Iterable[str] = ()) -> list[str]:
    """What is wrong with each old path of one ``Redirect_from`` value (``parse``'s words),
    for a post no plugin reads: the reader refused it."""
    found = []
    for text in split_value(value):
        try:
            parse(text, siteurl, old_hosts)
        except PathError as exc:
            found.append(str(exc))
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


def pattern_fields(pattern: str) -> list[str]:
    """The fields a URL pattern names (``{date:%Y}/{slug}/`` -> date, slug); ValueError for
    a pattern Python cannot format (an unmatched brace)."""
    found = []
    for _, name, _, _ in string.Formatter().parse(pattern):
        if name is not None:
            root = re.split(r"[.\[]", name, maxsplit=1)[0]
            if not root or root.isdigit():
                raise ValueError(f"{{{name}}} is not a field name such as {{slug}}")
            found.append(root)
    return found


def pattern_regex(pattern: str, named: str = "", paging: bool = False) -> str:
    """A URL pattern as a regular expression over site paths (``posts/{slug}/`` matches
    ``/posts/x/``): each field one path part. ``named``: the field captured as a group of that
    name (used again in the pattern, the same text); ``paging``: a pagination pattern's
    ``{base_name}`` any path and ``{number}`` digits."""
    out = ["/"]
    for literal, name, _, _ in string.Formatter().parse(pattern.lstrip("/")):
        out.append(re.escape(literal))
        if name is None:
            continue
        if paging and name == "base_name":
            out.append(".*?")
        elif paging and name == "number":
            out.append(r"\d+")
        elif named and name == named:
            seen = f"(?P<{named}>" in "".join(out)
            out.append(f"(?P={named})" if seen else f"(?P<{named}>[^/]+)")
        else:
            out.append("[^/]+")
    return "".join(out)


class _PathFormatter(string.Formatter):
    """Formats as ``str.format`` does, each field's value percent-encoded as a server receives
    it (a space in a title, ``%`` in a slug), the pattern's own text left as written."""

    def format_field(self, value: object, format_spec: str) -> str:
        return quote(super().format_field(value, format_spec), safe=_SAFE)


def old_address(pattern: str, fields: Mapping[str, object]) -> str:
    """The old site path a pattern gives for one item's fields, as Pelican formats ARTICLE_URL:
    ``{date:%Y}/{slug}.html`` -> ``/2008/slug.html``. KeyError names a field the item lacks."""
    return "/" + _PathFormatter().vformat(pattern, (), fields).lstrip("/")


def check_pattern(pattern: object) -> str | None:
    """What is wrong with an old URL pattern, or None: checked once, with sample values."""
    if not isinstance(pattern, str):
        return (
            f"must hold URL patterns (strings) such as '{{date:%Y}}/{{slug}}.html', got {pattern!r}"
        )
    if "://" in pattern or pattern.startswith("//"):
        return (
            f"{pattern!r} is a full URL; write the old site's path, as its ARTICLE_URL was "
            "written: '{date:%Y}/{slug}.html'"
        )
    try:
        names = pattern_fields(pattern)
    except ValueError as exc:
        return f"{pattern!r} is not a URL pattern ({exc}); write one like '{{date:%Y}}/{{slug}}/'"
    if not names:
        return (
            f"{pattern!r} names no field, so every post would have the same old address; "
            "write one with {slug}, such as '{slug}.html'"
        )
    sample = {**{name: _AnyValue() for name in names}, **_SAMPLE}
    try:
        text = old_address(pattern, sample)
    except (AttributeError, IndexError, KeyError, TypeError, ValueError) as exc:
        return f"{pattern!r} cannot be formatted ({exc}); write one like '{{date:%Y}}/{{slug}}/'"
    try:
        parse(text)
    except PathError as exc:
        return f"{pattern!r} does not give a path: {exc}".replace(repr(text), text)
    return None


@dataclass(frozen=True)
class Wanted:
    """An old path one item claims: ``owner`` names the item's source, ``target`` its URL.

    ``source`` is the setting and pattern that gave it (``REDIRECTS_OLD_ARTICLE_URLS
    '{slug}.html'``), or '' for the item's own Redirect_from. ``line``: the line of the
    REDIRECTS_MAP file (``owner``) that declares it, which names no item.
    """

    old: OldPath
    owner: str
    target: str  # the item's URL path on this site: /posts/slug/
    item: object = None
    source: str = ""
    line: int = 0

    def said(self, key: str) -> str:
        """Where it is declared, as a message starts: ``posts/x.md: Redirect_from``, or
        ``content/redirects.txt: line 3:``."""
        return f"{self.owner}: line {self.line}:" if self.line else f"{self.owner}: {key}"


def read_map(text: str) -> tuple[list[tuple[int, str, str]], list[tuple[int, str]]]:
    """A REDIRECTS_MAP file: (line, old address, target path) for each ``OLD NEW`` line, and
    (line, what is wrong) for each line that is not one. Blank lines and ``#`` comments are
    skipped; the old address is read later, as a Redirect_from's."""
    found, problems = [], []
    for number, line in enumerate(text.splitlines(), 1):
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        if len(fields) != 2:
            # '/tag/Village Halls/ /tag/village-halls/': a space in the old address
            spaced = len(fields) > 2 and fields[0].startswith("/") and fields[-1].startswith("/")
            joined = "%20".join(fields[:-1])
            hint = f" (a space in an address is %20: {joined} {fields[-1]})" if spaced else ""
            problems.append(
                (
                    number,
                    f"expected an old address and the site path it leads to, such as "
                    f"'/category/news/ /category/company-news/', got {line.strip()!r}{hint}",
                )
            )
            continue
        old, target = fields
        if not target.startswith("/") or target.startswith("//") or "?" in target or "#" in target:
            problems.append(
                (
                    number,
                    f"{target!r} is not a path of this site such as /category/company-news/ "
                    "(no host, no ?query)",
                )
            )
            continue
        try:
            parse(target)
        except PathError as exc:
            problems.append((number, str(exc)))
            continue
        found.append((number, old, target))
    return found, problems


def page_output(target: str) -> str:
    """The output file a site path is served from: ``/category/x/`` is
    ``category/x/index.html``, ``/feeds/x.atom.xml`` that file, ``/x`` ``x/index.html``."""
    decoded = unquote(target).lstrip("/")
    last = decoded.rsplit("/", 1)[-1]
    if not decoded or decoded.endswith("/"):
        return decoded + "index.html"
    return decoded if "." in last else decoded + "/index.html"


@dataclass(frozen=True)
class Refused:
    """A claim not written, and the line that says why (an error, or else a warning)."""

    wanted: Wanted
    message: str
    error: bool = True
    kept_by: str = ""  # for a pattern's address another claim keeps: who keeps it


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
            refused.append(Refused(claim, _over_a_page(claim, owner, key)))
            continue
        keys = [("url", old.path, old.query)]
        if output is not None:
            keys.append(("file", output))
        first = next((owners[k] for k in keys if k in owners), None)
        if first is not None:
            if first.owner != claim.owner or first.target != claim.target:
                refused.append(_claimed_before(claim, first, key))
            continue
        for k in keys:
            owners[k] = claim
        kept.append(claim)
    return kept, refused


def listed(names: list[str], most: int = 3) -> str:
    """``a, b, c and 4 more``: the first few names of a long list."""
    more = f" and {len(names) - most} more" if len(names) > most else ""
    return ", ".join(names[:most]) + more


def lacking_field(source: str, field: str, owners: list[str]) -> str:
    """The one line for a pattern field some items do not have (``{foo}``, a typo)."""
    return (
        f"{source}: {{{field}}} is not a field of Pelican's URLs ({', '.join(PELICAN_FIELDS)}) "
        f"nor a front-matter key of {listed(owners)}, which get no redirect from it"
        f"{unknown_key_hint(field, PELICAN_FIELDS)}"
    )


def _over_a_page(claim: Wanted, owner: str, key: str) -> str:
    old = claim.old.shown()
    if not claim.source:
        return (
            f"{claim.said(key)} {old} is the address of {owner}, which the site writes "
            f"itself; a redirect never replaces a page "
            f"({'remove that line' if claim.line else f'remove it from {key}'})"
        )
    return (
        f"{claim.owner}: {claim.source} gives {old} as its old address, which is the address "
        f"of {owner} here; a redirect never replaces a page, so that old link shows it, not "
        "this post (give one of them another address, or leave the pattern out)"
    )


def _claimed_before(claim: Wanted, first: Wanted, key: str) -> Refused:
    """A second claim on one old path, which the first keeps: an error for a Redirect_from
    (remove it from one of them), a warning for a pattern's address (the old site had that
    one address for both, and served only one of them)."""
    old = claim.old.shown()
    if not claim.source:
        if first.line:
            said = f"is already claimed by {first.owner} (line {first.line}), which keeps it"
        elif not first.source:
            said = f"is already claimed by {first.owner}, which keeps it"
        else:
            said = f"is the old address {first.source} gives for {first.owner}, which keeps it"
        return Refused(claim, f"{claim.said(key)} {old} {said} (remove it from one of them)")
    if not first.source:
        said = f"which {first.owner} names in its {key} and keeps"
    elif first.source == claim.source:
        said = f"as it does for {first.owner}, which keeps it"
    else:
        said = f"as {first.source} does for {first.owner}, which keeps it"
    message = f"{claim.owner}: {claim.source} gives {old}, {said}"
    return Refused(claim, message, error=False, kept_by=first.owner)


def folded(refused: list[Refused], most: int = 3) -> list[Refused]:
    """The refusals to say: a pattern whose addresses more than ``most`` posts share with
    another (``{date:%Y}/``, no field that tells posts apart) is one line, not one a post."""
    shared: dict[str, list[Refused]] = {}
    for refusal in refused:
        if refusal.kept_by:
            shared.setdefault(refusal.wanted.source, []).append(refusal)
    out = []
    for refusal in refused:
        group = shared.get(refusal.wanted.source, []) if refusal.kept_by else []
        if len(group) <= most:
            out.append(refusal)
        elif refusal is group[0]:
            each = [
                f"{r.wanted.owner} ({r.wanted.old.shown()}, kept by {r.kept_by})" for r in group
            ]
            out.append(
                Refused(
                    refusal.wanted,
                    f"{refusal.wanted.source} gives {len(group)} posts an old address another "
                    f"post keeps: {listed(each, most)}; a pattern needs a field that tells posts "
                    "apart, such as {slug}",
                    error=False,
                )
            )
    return out


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
