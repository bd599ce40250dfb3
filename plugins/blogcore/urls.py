"""One output path, one source: find the pieces of content that claim a path already taken.

Pure logic: callers list every path the build plans to write (a ``Claim`` each, in the order
that decides who keeps a path) and get back the clashes to report and the items to skip.
"""

import difflib
import posixpath
import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from urllib.parse import quote

from plugins.engine import keysyntax

# Direct templates as staff know them; others are "the <name> page".
_TEMPLATE_NAMES = {
    "index": "the home page",
    "authors": "the team page",
    "tags": "the list of tags",
    "categories": "the list of categories",
    "archives": "the archives page",
    "notfound": "the 404 page",
    "robots": "robots.txt",
}
# Direct templates a plugin adds: named after the plugin, not after a setting of Pelican's.
_PLUGIN_TEMPLATES = {"search": "the search page (plugins/search)"}


# What to do about a static file that lost its path (checks.static_claims)
STATIC_HINT = "rename it, or change its path in EXTRA_PATH_METADATA"
# Direct templates whose page a file of the site's own may replace (its robots.txt, its
# 404.html): the setting that writes the theme's, to blank
_REPLACEABLE = ("robots", "notfound")


@dataclass(frozen=True)
class Claim:
    """One file the build plans to write, and who writes it.

    ``owner`` is shown to the writer (``content/posts/a.md``, ``the team page
    (AUTHORS_SAVE_AS)``); ``item`` is what a caller may skip (a post, a page, a static file),
    or None for a page the build always writes (direct templates, tag pages, plugins' pages).
    """

    path: str
    owner: str
    item: Hashable | None = None
    hint: str = "give it another Slug:"


@dataclass(frozen=True)
class Clash:
    """``skipped`` wanted the path ``kept`` has; ``skipped.item`` is not written."""

    path: str
    kept: Claim
    skipped: Claim

    @property
    def url(self) -> str:
        """The path as a reader sees it: ``posts/hello/`` for ``posts/hello/index.html``."""
        return url_of(self.path)

    def message(self) -> str:
        """The error line naming both sources and the URL."""
        if self.skipped.item is None:  # two settings or plugins: nothing to skip
            return (
                f"URL {self.url} is written by both {self.kept.owner} and "
                f"{self.skipped.owner}; change one of the *_SAVE_AS settings"
            )
        hint = self.skipped.hint
        replaceable = {template_owner(name): f"{name.upper()}_SAVE_AS" for name in _REPLACEABLE}
        if hint == STATIC_HINT and self.kept.owner in replaceable:
            # the old site's own robots.txt or 404.html, mapped to the root: it is meant there
            hint = (
                f'to publish this file there instead, set {replaceable[self.kept.owner]} = "" '
                f"in pelicanconf.py; else {hint}"
            )
        if self.path == "index.html" and self.kept.item is None:
            # Pelican's idiom for a page as the home page: the blog's front page must move
            hint = (
                "to make it the home page, move the list of posts: INDEX_SAVE_AS = "
                '"blog/index.html" in pelicanconf.py puts it at /blog/, linked from the menu'
            )
        if is_copy(self.skipped.owner, self.kept.owner):
            slug = keysyntax.key_as_written("Slug", keysyntax.syntax_of(self.skipped.owner))
            return (
                f"{self.skipped.owner}: is a copy of {self.kept.owner} (a sync client's or a "
                f"file manager's, by its name), with its URL {self.url}; this file was skipped: "
                f"delete it, or give it a {slug} of its own"
            )
        return (
            f"{self.skipped.owner}: URL {self.url} is already taken by {self.kept.owner}; "
            f"this file was skipped ({hint})"
        )


# What a copy adds to a file's name: Finder's "x copy", "x copy 2"; Windows' "x - Copy",
# "x - Copy (2)"; Google Drive's and browsers' "x (1)"; iCloud's "x 2"; Dropbox's and
# Nextcloud's "x (Jo's conflicted copy 2024-05-01)"; Syncthing's "x.sync-conflict-2024…"
_COPY = re.compile(
    r"^(?P<stem>.+?)(?: copy(?: \d+)?| - Copy(?: \(\d+\))?| \(\d+\)| \d+"
    r"| \([^()]*conflicted copy[^()]*\)|\.sync-conflict-[\w-]+)$"
)


def is_copy(one: str, other: str) -> bool:
    """Whether the file ``one`` is, by its name, a copy of ``other`` beside it:
    ``posts/a copy.md`` of ``posts/a.md``."""
    folder, name = posixpath.split(one)
    other_folder, other_name = posixpath.split(other)
    stem, dot, suffix = name.rpartition(".")
    other_stem, other_dot, other_suffix = other_name.rpartition(".")
    if folder != other_folder or (dot, suffix) != (other_dot, other_suffix) or not stem:
        return False
    match = _COPY.match(stem)
    return bool(match) and match["stem"] == other_stem


def is_own_404_page(clash: Clash, is_page: bool) -> bool:
    """Pelican's idiom for a 404 page (its FAQ): a page saved as NOTFOUND_SAVE_AS
    (``Save_as: 404.html``, ``Status: hidden`` or ``URL:`` empty). Not a clash: its title and
    text take the place of the theme's on the 404 page, which keeps what a 404 page needs
    (absolute links, noindex, out of the sitemap); the page is written nowhere else."""
    return is_page and clash.kept.item is None and clash.kept.owner == template_owner("notfound")


def yield_posts_copy(claims: list[Claim]) -> list[Claim]:
    """The claims without the archives' copy at /posts/ (the ``posts`` direct template, for a
    reader who trims a post's address) when a post or page of the site's claims its path: that
    page was the site's address first, so it is no clash; the copy is then not written."""
    owner = template_owner("posts")
    copy = {normalise(c.path) for c in claims if c.item is None and c.owner == owner}
    if not copy & {normalise(c.path) for c in claims if c.item is not None}:
        return claims
    return [c for c in claims if c.item is not None or c.owner != owner]


def normalise(path: str) -> str:
    """An output path as the writer resolves it: ``/a/./b/index.html`` -> ``a/b/index.html``."""
    path = posixpath.normpath(path.replace("\\", "/").lstrip("/"))
    return "" if path == "." else path


def url_of(path: str) -> str:
    """The URL path of an output file: a folder's ``index.html`` is the folder."""
    if path == "index.html":
        return "/"
    if path.endswith("/index.html"):
        return path[: -len("index.html")]
    return path


# What a file's name may hold that a URL in HTML may not, as it is (the WHATWG URL standard,
# which the Nu validator applies: spaces, controls, quotes, <>\^`{|}), or that would end its
# path early (# ?) or read as an escape or a character reference (% &). Other characters,
# letters of any script among them, stay as they are: those URLs do not change.
_NOT_IN_URL = frozenset(' "<>\\^`{|}#?%&') | frozenset(map(chr, range(0x20))) | {"\x7f"}


def escaped(url: str) -> str:
    """A file's URL as HTML may hold it: ``images/hall plan.svg`` -> ``images/hall%20plan.svg``
    (Pelican writes a static file's path into its URL as it is)."""
    if not _NOT_IN_URL.intersection(url):
        return url
    return "".join(quote(ch, safe="") if ch in _NOT_IN_URL else ch for ch in url)


def template_owner(name: str) -> str:
    """Who writes a direct template's page, for messages: 'the team page (AUTHORS_SAVE_AS)'."""
    if name in _PLUGIN_TEMPLATES:
        return _PLUGIN_TEMPLATES[name]
    label = _TEMPLATE_NAMES.get(name, f"the {name} page")
    return f"{label} ({name.upper()}_SAVE_AS)"


def find_clashes(claims: Iterable[Claim]) -> list[Clash]:
    """Every claim on a path already claimed; the first claim keeps the path.

    Pages the build always writes (``item`` None) come before any item, whatever the order
    given: a post cannot push the team page out. Items keep the order given.
    """
    claims = [c for c in claims if normalise(c.path)]
    items = [c for c in claims if c.item is not None]
    # a copy beside a file (posts/a copy.md) never takes the path from the file it copies,
    # whichever sorts first: the writer edits the original
    by_path: dict[str, list[Claim]] = {}
    for claim in items:
        by_path.setdefault(normalise(claim.path), []).append(claim)
    copies = {
        id(c)
        for shared in by_path.values()
        if len(shared) > 1
        for c in shared
        if any(is_copy(c.owner, o.owner) for o in shared)
    }
    ordered = [c for c in claims if c.item is None] + [c for c in items if id(c) not in copies]
    ordered += [c for c in items if id(c) in copies]
    owners: dict[str, Claim] = {}
    clashes = []
    for claim in ordered:
        path = normalise(claim.path)
        kept = owners.setdefault(path, claim)
        if kept is not claim and (claim.item is None or claim.item != kept.item):
            clashes.append(Clash(path, kept, claim))
    return clashes


@dataclass(frozen=True)
class NameUse:
    """A tag, category or author name as one file writes it, and the slug of its page."""

    source: str  # content/posts/a.md
    kind: str  # "Tags", "Category", "Author"
    name: str
    page: str  # the URL of the page the name makes: tag/python/


def spelled_two_ways(uses: Iterable[NameUse]) -> list[tuple[str, str]]:
    """Names that make one page (``Python`` and ``python``, ``C`` and ``C++``): Pelican lists
    their posts on one page under one of them (a post with both, twice). Returns (source,
    message) for each file that writes a less used spelling, naming the most used one."""
    by_page: dict[tuple[str, str], dict[str, list[str]]] = {}
    for use in uses:
        by_page.setdefault((use.kind, use.page), {}).setdefault(use.name, []).append(use.source)
    found = []
    for (kind, page), names in sorted(by_page.items()):
        if len(names) < 2:
            continue
        usual = max(names, key=lambda n: (len(names[n]), n))
        for name, sources in sorted(names.items()):
            if name == usual:
                continue
            same = _folded(name) == _folded(usual)  # Python and python; C and C++ are not
            advice = f"write it one way ({usual!r})" if same else "rename one of them"
            for source in sorted(set(sources)):
                found.append(
                    (
                        source,
                        f"{kind} {name!r} and {usual!r} (as {names[usual][0]} writes it) make "
                        f"one page, /{page}: {advice}",
                    )
                )
    return found


def lone_near_misses(counts: dict[str, int], cutoff: float = 0.8) -> dict[str, str]:
    """Names used once (a category written by one post) that are near a name others use
    (``Enginering`` beside ``Engineering``): name -> the one meant. A typo made a page of its
    own, and the post left its category's page and feed, with no line."""
    usual = sorted((n for n, count in counts.items() if count > 1), key=str.lower)
    found = {}
    for name, count in counts.items():
        if count != 1 or not usual:
            continue
        meant = nearest(name, usual, cutoff)
        if meant is not None and meant.casefold() != name.casefold():
            found[name] = meant
    return found


def nearest(name: str, known: Iterable[str], cutoff: float = 0.8) -> str | None:
    """The known name most like ``name``, case aside, if alike enough to be a typo of it
    (difflib's ratio at least ``cutoff``); None when none is."""
    by_folded = {n.casefold(): n for n in known}
    close = difflib.get_close_matches(name.casefold(), list(by_folded), n=1, cutoff=cutoff)
    return by_folded[close[0]] if close else None


def _folded(name: str) -> str:
    """A name without case, spaces, hyphens or underscores: Open Source = open-source."""
    return "".join(ch for ch in name.casefold() if not (ch.isspace() or ch in "-_"))
