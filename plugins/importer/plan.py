"""From an export to what the import writes: files, copies, comment threads, mentions.

Pure: nothing here touches the content folder or a database. ``make_plan`` decides every
path and every byte; ``apply.py`` writes them (into a temporary folder first) and fills the
comment service. Both importers share it: it knows only ``model.Export``.
"""

import datetime as dt
import difflib
import posixpath
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from unidecode import unidecode

from plugins.blogcore import urls
from plugins.blogcore.frontmatter import check_date, scan_header
from plugins.engine import addresses
from plugins.engine.slugs import Rule, names_something
from plugins.engine.slugs import slug as slug_of
from plugins.galleries.model import PHOTO_EXTENSIONS
from plugins.i18n.templating import catalog_for
from plugins.redirects import paths
from plugins.search.settings import DEFAULTS as SEARCH
from plugins.team import people
from plugins.webmentions import archive

from . import archives, convert
from .model import (
    APPROVED,
    AUTHOR,
    CATEGORY,
    COMMENT,
    DRAFT,
    MENTIONS,
    PAGE,
    PUBLISHED,
    TAG,
    Attachment,
    Comment,
    Export,
    Item,
    Listing,
)

# What a picture may be, by the file's suffix (others are linked files, not pictures).
PICTURES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".tif", ".tiff", ".heic", ".svg"}
# Hosts Blogger serves pictures from; a link there is one of the blog's own pictures.
BLOGGER_IMAGE_HOSTS = ("bp.blogspot.com", "blogger.googleusercontent.com", "googleusercontent.com")
# WordPress.com keeps a blog's uploads at <blog>.files.wordpress.com/2019/05/x.jpg
WPCOM_FILES = ".files.wordpress.com"
# a blog on WordPress.com: <blog>.wordpress.com, and the address it had before a rename
WPCOM = ".wordpress.com"
# Jetpack's image CDN (Photon): https://i0.wp.com/<host>/<path>?resize=… serves <host>/<path>
_PHOTON = re.compile(r"^i\d\.wp\.com$")
# an address in an item's HTML, to know every picture the export links before converting
_URL = re.compile(r"""https?://[^\s"'<>()\[\]]+""")
# WordPress's resized copies: x-300x200.jpg is a size of x.jpg
_SIZED = re.compile(r"^(?P<stem>.+)-\d+x\d+(?P<suffix>\.[A-Za-z0-9]+)$")
# Blogger's sized picture URLs: .../s1600/x.jpg, .../w640-h480/x.jpg
_BLOGGER_SIZE = re.compile(r"^(s\d+|w\d+(-h\d+)?(-[a-z0-9-]+)?|h\d+)$")


SOURCES = {"wordpress": "WordPress", "blogger": "Blogger"}


@dataclass
class Layout:
    """Where things go in the content folder, and the site's URL scheme, from its settings."""

    posts: str = "posts"
    pages: str = "pages"
    team: str = "team"
    galleries: str = "galleries"
    images: str = "images"  # pictures found under --uploads are copied here
    article_url: str = "posts/{slug}/"
    page_url: str = "{slug}/"
    article_lang_url: str = "{lang}/posts/{slug}/"
    page_lang_url: str = "{lang}/{slug}/"
    default_lang: str = "en"
    # the site's TIMEZONE and SITENAME ("" when not known): the report leaves out the old
    # blog's when they are the same
    timezone: str = ""
    sitename: str = ""
    # the site's DEFAULT_CATEGORY: written in each post the export gives no category (Blogger
    # has none), so the build does not warn about every imported post at every build
    default_category: str = ""
    webmentions: str = "webmentions.json"  # the archive of received mentions, in the content folder
    # the site's listing pages and their feeds (pelicanconf.py's CATEGORY_URL…, "" for none),
    # and the file of the redirects to them from the old blog's (REDIRECTS_MAP)
    category_url: str = "category/{slug}/"
    tag_url: str = "tag/{slug}/"
    author_url: str = "team/{slug}/"
    category_feed: str = "feeds/category/{slug}.atom.xml"
    tag_feed: str = "feeds/tag/{slug}.atom.xml"
    author_feed: str = "feeds/team/{slug}.atom.xml"
    redirects_map: str = "redirects.txt"
    # the URL paths of the pages the site writes itself (site_pages of pelicanconf.py's
    # settings): the home page, the lists of categories and tags, the team, the archives (and
    # their copy at posts/), search
    reserved: frozenset[str] = frozenset(
        {"", "category/", "tag/", "team/", "archives/", "posts/", "search/"}
        | {"robots.txt", "404.html"}
    )

    # the languages the theme has a catalog of its words for (theme/translations/<lang>/);
    # None: not known, nothing said about them
    catalogs: frozenset[str] | None = None

    # what the site's own posts and pages hold already (not an earlier import's files): URL
    # path (no slashes at the ends) or file (posts/x.md) -> the file as staff know it
    occupied: Mapping[str, str] = field(default_factory=dict)
    # the files an earlier import wrote that are still there (posts/x.md): a post keeps the
    # slug it was written with, so it never becomes a second post at another address
    imported: frozenset[str] = frozenset()
    # the Comment_id of each of those files that has one (``threads``): a translation, whose
    # file is named after its original, keeps the thread it was written with, its comments
    # with it
    imported_threads: frozenset[str] = frozenset()
    # the site's slug settings: a title's slug is the one Pelican gives it
    slug_rule: Rule = field(default_factory=Rule)

    def is_reserved(self, path: str) -> bool:
        """Whether a URL path (with or without its slashes) is one of the site's own pages."""
        return path.strip("/") in {r.strip("/") for r in self.reserved}

    def url_settings(self) -> dict[str, str]:
        """The site's four URL settings of posts and pages, by name (``addresses.SETTINGS``)."""
        return {
            "ARTICLE_URL": self.article_url,
            "ARTICLE_LANG_URL": self.article_lang_url,
            "PAGE_URL": self.page_url,
            "PAGE_LANG_URL": self.page_lang_url,
        }

    def url(self, page: bool, slug: str, lang: str, date: dt.datetime | None = None) -> str:
        """An item's new URL path (no leading slash), as Pelican will write it: ``date`` is
        its Date as the build reads it ({date:%Y}/{slug}/; Pelican's now when it has none)."""
        return addresses.address(
            self.url_settings(), page, slug, lang, self.default_lang, date or dt.datetime.now()
        )

    def url_problem(self) -> str:
        """The line for an address setting the import cannot give an imported post's address
        with (it knows its slug, lang and date, not the other keys Pelican's URL settings may
        use); "" when each can."""
        found = addresses.unfillable(self.url_settings())
        if found is None:
            return ""
        name, why = found
        said = f"{why}, which the importer cannot work out" if why.key else str(why)
        return (
            f"pelicanconf.py: {name} = {self.url_settings()[name]!r} {said}; nothing was "
            "imported: the importer makes addresses of {slug}, {lang} and {date} only"
        )


def site_pages(settings: Mapping[str, Any]) -> frozenset[str]:
    """The URL paths (no leading slash) of the pages a site writes itself, from its settings:
    its direct templates (home, lists of tags and categories, team, archives…) and the search
    page, which an imported page or redirect cannot have (the build would skip it)."""
    names = [str(name) for name in settings.get("DIRECT_TEMPLATES", ())]
    if settings.get("SEARCH_SAVE_AS", SEARCH["SEARCH_SAVE_AS"]):
        names.append("search")
    found = set()
    for name in dict.fromkeys(names):
        default = SEARCH["SEARCH_SAVE_AS"] if name == "search" else f"{name}.html"
        save_as = settings.get(f"{name.upper()}_SAVE_AS", default)
        if save_as:
            found.add(urls.url_of(urls.normalise(save_as)).lstrip("/"))
    return frozenset(found)


@dataclass
class Copy:
    """A file of --uploads to copy into the content folder."""

    source: Path
    target: str  # relative to the content folder


@dataclass
class ThreadComment:
    """One approved comment bound for the comment service."""

    key: str  # the export's id, to find its parent
    parent: str | None
    author: str
    website: str
    created: float  # seconds since the epoch (UTC)
    text: str  # Markdown, as Isso stores it


@dataclass
class Thread:
    """A post's imported comments, under the id its page gives the comment service."""

    id: str
    title: str
    comments: list[ThreadComment] = field(default_factory=list)


@dataclass
class Held:
    """A draft's approved comments and pingbacks, kept out of the comment service (which gives
    any thread to whoever asks) and of the mentions archive (published with the content).
    ``apply.write_files`` lets them through once the content folder holds the post published:
    its writer published it, then ran the import again."""

    path: str  # the post's file, relative to the content folder
    slug: str
    thread: Thread | None
    mentions: list[dict]
    counts: Counter  # what they are: {"comments": 2, "pingbacks": 1}


@dataclass
class Plan:
    """Everything one import would write."""

    files: dict[str, str] = field(default_factory=dict)  # relative path -> text
    copies: list[Copy] = field(default_factory=list)
    threads: list[Thread] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)  # JF2 entries for the archive
    held: list[Held] = field(default_factory=list)  # drafts' comments and mentions
    problems: list[str] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)  # (where, picture URL)
    # pictures left without alt text, which a publish build refuses: (file, picture's name)
    no_alt: list[tuple[str, str]] = field(default_factory=list)
    # pictures whose alt text describes nothing by blogcore's rule (the file's name, a
    # placeholder), which a publish build refuses too: (file, picture's name and its alt text)
    says_nothing: list[tuple[str, str]] = field(default_factory=list)
    # pictures shown from another site (a CDN, Flickr, imgur), left linked there, which the
    # Content-Security-Policy blocks and a publish build refuses: (file, picture URL)
    elsewhere: list[tuple[str, str]] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    # WordPress's attachments, by what became of them: copied, not found, unused
    attachments: Counter = field(default_factory=Counter)
    unused: list[tuple[str, str]] = field(default_factory=list)  # (URL, where it was uploaded)
    first_post: str = ""  # the URL path of the newest imported post, for the report
    # the old blog's archive pages redirected (REDIRECTS_MAP): one line each, for the report
    archives: list[str] = field(default_factory=list)
    # one line per group of versions of a text in several languages, linked as translations
    translations: list[str] = field(default_factory=list)
    # the old blog's settings this site has a setting for: (name, value, why), for the report
    settings: list[tuple[str, str, str]] = field(default_factory=list)


def one_line(text: str) -> str:
    """A front-matter value: one line, no leading or trailing space."""
    return " ".join(text.split())


# Pelican splits a Tags line on semicolons when it holds one, else on commas
TAG_SEPARATORS = re.compile(r"[,;]")


def _tag(name: str, path: str, problems: list[str]) -> str:
    """A tag as the Tags line can hold it: a comma or semicolon in its name (which Pelican
    would split it on) becomes a space, and the report says so."""
    written = one_line(TAG_SEPARATORS.sub(" ", name))
    if written != one_line(name) and written:
        problems.append(
            f"{path}: tag {one_line(name)!r} written as {written!r} (Pelican splits a Tags "
            "line on commas and semicolons)"
        )
    return written


def _tag_names(item: Item) -> list[str]:
    """A post's tags as the export gives them: its other categories, then its tags."""
    return [*item.categories[1:], *item.tags]


def _tag_spellings(export: Export) -> dict[str, str]:
    """One spelling per tag for the whole import (key: the tag without case): the one most
    posts use, the first met among equals. The site makes one page of tags that differ only
    in case (WordPress's category "Events" and tag "events"), and warns about each file
    that writes another spelling."""
    uses: dict[str, Counter] = {}
    for item in export.items:
        if item.kind == PAGE:
            continue
        category = one_line(item.categories[0]).casefold() if item.categories else ""
        for name in dict.fromkeys(_tag(t, "", []) for t in _tag_names(item)):
            if name and name.casefold() != category:
                uses.setdefault(name.casefold(), Counter())[name] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in uses.items()}


def _tags_noted(
    respelt: dict[tuple[str, str], list[str]], repeated: dict[str, list[str]]
) -> list[str]:
    """The report's lines for tags written otherwise than the export has them."""

    def files(paths: list[str]) -> str:
        shown = ", ".join(paths[:3])
        return f"{shown} and {len(paths) - 3} more" if len(paths) > 3 else shown

    notes = [
        f"tag {was!r} written {spelt!r}, one spelling for the whole import (the site makes "
        f"one page of tags that differ only in case): {files(paths)}"
        for (was, spelt), paths in sorted(respelt.items())
    ]
    notes += [
        f"tag {name!r} left out of Tags where it repeats the post's Category (the post is on "
        f"that category's page): {files(paths)}"
        for name, paths in sorted(repeated.items())
    ]
    return notes


def _unredirectable(old: str) -> str:
    """Why the redirects plugin would refuse this old path ("" when it takes it)."""
    try:
        paths.parse(old)
    except paths.PathError as error:
        return str(error)
    return ""


def _when(value: dt.datetime | None) -> str:
    """A front-matter date to the minute, as the old blog showed it; with its UTC offset when
    the export gives one (Blogger), so the post keeps its moment rather than taking the site's
    TIMEZONE (the site reads the offset and shows the time as written)."""
    if value is None:
        return ""
    offset = value.utcoffset()
    if offset is None:  # WordPress's post_date: the old site's local time, its zone not given
        return value.strftime("%Y-%m-%d %H:%M")
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{value:%Y-%m-%d %H:%M}{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def old_path(url: str) -> str:
    """An old permalink as the site-relative path (and query) a redirect is declared with.

    Normalised as servers read it (WordPress served ``https://old.example//greek/x/`` as
    ``/greek/x/``): no empty or ``.`` segments; a space percent-encoded, as a browser sends
    it, and a comma, which separates the values of a ``Redirect_from`` line."""
    parts = urlsplit(url)
    segments = (parts.path or "/").split("/")
    last = "" if segments[-1] == "." else segments[-1]
    middle = [s for s in segments[1:-1] if s not in ("", ".")]
    path = "/" + "/".join([*middle, last]) if middle or last else "/"
    return _encoded(path) + (f"?{_encoded(parts.query)}" if parts.query else "")


def _encoded(text: str) -> str:
    """A path or query with its commas and spaces percent-encoded, as a browser sends them."""
    return re.sub(r"[\s,]", lambda m: quote(m.group()), text)


class Pictures:
    """Finds the old site's pictures in a copy of its uploads and names where they go."""

    def __init__(self, export: Export, uploads: Path | None, images: str) -> None:
        self.export = export
        self.uploads = uploads
        self.images = images.strip("/")
        self.copies: dict[str, Copy] = {}  # target -> copy
        self._by_name: dict[str, list[Path]] | None = None
        host = urlsplit(export.site_url).hostname or ""
        self.hosts = {host, host.removeprefix("www."), f"www.{host.removeprefix('www.')}"} - {""}
        # Blogger's pictures are found by file name: a name several different pictures of the
        # export share (two cameras' IMG_0001.JPG) is never matched (file name -> pictures)
        self._pictures_named: dict[str, set[str]] | None = None
        self.ambiguous: dict[str, int] = {}  # such names looked for, and how many pictures
        # the hosts the export's attachments are served from: a WordPress.com blog renamed
        # keeps its old address (parkrmoore.wordpress.com's uploads are jekyllbot's)
        self.upload_hosts = {
            (urlsplit(self.unwrap(a.url)).hostname or "").lower()
            for a in export.attachments.values()
        } - {""}
        self.looked: dict[str, bool] = {}  # each upload looked for (`key`) -> found

    def by_name(self, url: str) -> bool:
        """Is this picture found by its file name (Blogger's), rather than by its path?"""
        host = (urlsplit(url).hostname or "").lower()
        return self.export.source == "blogger" or any(
            host == h or host.endswith("." + h) for h in BLOGGER_IMAGE_HOSTS
        )

    @staticmethod
    def _blogger_picture(url: str) -> tuple[str, str]:
        """(file name, the picture) of a Blogger URL: its path without the size part, so that
        .../s320/x.jpg and .../s1600/x.jpg, on 1.bp or 4.bp.blogspot.com, are one picture."""
        parts = [p for p in unquote(urlsplit(url).path).split("/") if p]
        if not parts:
            return "", ""
        kept = [p for p in parts[:-1] if not _BLOGGER_SIZE.match(p)]
        return parts[-1].lower(), "/".join([*kept, parts[-1]])

    def _named(self) -> dict[str, set[str]]:
        """Every picture the export's texts link by name, by file name."""
        if self._pictures_named is None:
            self._pictures_named = {}
            for item in self.export.items:
                for url in _URL.findall(item.html):
                    if self.is_ours(url) and self.by_name(url):
                        name, picture = self._blogger_picture(url)
                        if posixpath.splitext(name)[1] in PICTURES:
                            self._pictures_named.setdefault(name, set()).add(picture)
        return self._pictures_named

    @staticmethod
    def unwrap(url: str) -> str:
        """The address Jetpack's image CDN serves a copy of (i0.wp.com/old.example/wp-content/
        uploads/x.jpg → https://old.example/wp-content/uploads/x.jpg); any other URL as it is."""
        parts = urlsplit(url)
        host, _, path = parts.path.lstrip("/").partition("/")
        if _PHOTON.match((parts.hostname or "").lower()) and "." in host and path:
            return f"https://{host}/{path}"
        return url

    def is_ours(self, url: str) -> bool:
        """Is this URL a file the old site served (its uploads, WordPress.com's copy of them,
        or Blogger's picture hosts), directly or through Jetpack's image CDN?"""
        parts = urlsplit(self.unwrap(url))
        host = (parts.hostname or "").lower()
        if not host:
            return parts.path.startswith("/wp-content/uploads/")
        if host in self.hosts:
            return "/wp-content/uploads/" in parts.path or self.export.source == "blogger"
        if host.endswith(WPCOM_FILES):
            return True
        if host in self.upload_hosts or host.endswith(WPCOM):  # another address of the blog
            return "/wp-content/uploads/" in parts.path
        return any(host == h or host.endswith("." + h) for h in BLOGGER_IMAGE_HOSTS)

    def uploaded(self, url: str) -> bool:
        """Is this URL a file of the old site's uploads (a picture, a PDF…)?"""
        parts = urlsplit(self.unwrap(url))
        return self.is_ours(url) and (
            "/wp-content/uploads/" in parts.path
            or (parts.hostname or "").lower().endswith(WPCOM_FILES)
        )

    def _names(self) -> dict[str, list[Path]]:
        if self._by_name is None:
            self._by_name = {}
            if self.uploads is not None:
                for path in sorted(self.uploads.rglob("*")):
                    if path.is_file():
                        self._by_name.setdefault(path.name.lower(), []).append(path)
        return self._by_name

    def _relative(self, url: str) -> str:
        """The file's path under the uploads folder as the old URL gives it."""
        parts = urlsplit(self.unwrap(url))
        path = unquote(parts.path)
        if "/wp-content/uploads/" in path:
            return path.split("/wp-content/uploads/", 1)[1]
        if (parts.hostname or "").lower().endswith(WPCOM_FILES):  # /2019/05/x.jpg
            return path.lstrip("/")
        parts = [p for p in path.split("/") if p]
        # Blogger: /img/b/<long id>/s1600/name.jpg -> name.jpg
        return parts[-1] if parts else ""

    def key(self, url: str) -> str:
        """An upload's path under the uploads folder without its size, on any of its hosts:
        one key for .../uploads/2019/05/x-300x200.jpg, x.files.wordpress.com/2019/05/x.jpg."""
        return _WP_SIZED_SUFFIX.sub("", self._relative(url).lower())

    def find(self, url: str) -> Path | None:
        """`_find`, each upload looked for noted in `looked`, found or not."""
        found = self._find(url)
        key = self.key(url)
        self.looked[key] = self.looked.get(key, False) or found is not None
        return found

    def _find(self, url: str) -> Path | None:
        """The uploaded file a URL names, or its full size when the URL is a resized copy.

        WordPress's uploads are found by their path (2019/05/x.jpg under the uploads folder,
        or under a folder that holds it: the site's root, wp-content), never by their name
        alone: another month's x.jpg is another picture. Blogger's have no path worth the
        name: they are found by file name, when one file has it and the export links no
        other picture of that name."""
        if self.uploads is None:
            return None
        relative = self._relative(url)
        if not relative:
            return None
        if self.by_name(url):
            name, _ = self._blogger_picture(url)
            pictures = len(self._named().get(name, ()))
            if pictures > 1:
                self.ambiguous[relative] = pictures
                return None
            found = self._names().get(name, [])
            return found[0] if len(found) == 1 else None
        candidates = [relative]
        sized = _SIZED.match(posixpath.basename(relative))
        if sized:
            original = sized["stem"] + sized["suffix"]
            candidates.append(posixpath.join(posixpath.dirname(relative), original))
        for candidate in candidates:
            path = self.uploads / candidate
            if ".." not in Path(candidate).parts and path.is_file():
                return path
        for candidate in candidates:  # the uploads folder given with a folder above it
            found = [
                path
                for path in self._names().get(posixpath.basename(candidate).lower(), [])
                if path.relative_to(self.uploads).as_posix().endswith("/" + candidate)
            ]
            if "/" in candidate and len(found) == 1:
                return found[0]
        return None

    def target(self, source: Path) -> str:
        """Where a found file goes: images/<its path under uploads>."""
        relative = source.relative_to(self.uploads).as_posix()
        return f"{self.images}/{relative}"

    def place(self, url: str) -> str | None:
        """`{static}/...` for an uploaded file found in the uploads copy, else None."""
        source = self.find(url)
        if source is None:
            return None
        target = self.target(source)
        self.copies.setdefault(target, Copy(source, target))
        return "{static}/" + target


def _picture_key(url: str) -> str:
    """A picture's path without its size: x-300x200.jpg and x.jpg, on any host, are one."""
    path = unquote(urlsplit(Pictures.unwrap(url)).path).lower()
    return _WP_SIZED_SUFFIX.sub("", path)


_WP_SIZED_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")


def _alt_texts(export: Export) -> Callable[[str, str], str]:
    """The alt text the export gives a picture's attachment (WordPress's
    ``_wp_attachment_image_alt``), found by its ``wp-image-<id>`` or by its address."""
    by_id = {a.id: one_line(a.alt) for a in export.attachments.values() if a.alt.strip()}
    by_path = {_picture_key(a.url): one_line(a.alt) for a in export.attachments.values()}
    by_path = {key: alt for key, alt in by_path.items() if alt}

    def alt(src: str, image_id: str) -> str:
        return by_id.get(image_id) or (by_path.get(_picture_key(src), "") if src else "")

    return alt


def _author_name(export: Export, login: str, problems: list[str], named: set[str]) -> str:
    """The name posts are signed with: the display name, else first and last, else the login."""
    author = export.authors.get(login)
    if author is None:
        return ""
    name = one_line(author.name) or one_line(f"{author.first_name} {author.last_name}")
    if not name:
        name = login
        if login not in named:
            problems.append(
                f"author {login!r} has no display name in the export: their posts are signed "
                f"{login!r}; write their name in the team file and the posts' Author lines"
            )
    named.add(login)
    return name


def team_file(name: str, source: str, url: str) -> str:
    """A team file for an imported author, marked for completion. Never their login or
    e-mail: the content folder is committed, perhaps to a public repository."""
    stub = people.stub_text(name).replace(
        "A stub written by `invoke team-stubs`", f"Written by the {SOURCES[source]} import"
    )
    lines = stub.split("\n")
    if url:
        lines.insert(2, f"Website: {url}")
    return "\n".join(lines).rstrip("\n") + "\n"


def _front_matter(pairs: list[tuple[str, str]]) -> str:
    return "".join(f"{key}: {value}\n" for key, value in pairs if value)


def _epoch(value: dt.datetime | None) -> float:
    if value is None:
        return 0.0
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.timestamp()


# A slug made from a title is cut at a word to this length: a title can be a paragraph long
TITLE_SLUG_LENGTH = 80
# Any slug is: <slug>.md (and <slug>-2.md) must be a file name the file system takes
SLUG_LENGTH = 200


def shorten(slug: str, limit: int) -> str:
    """A slug of at most `limit` characters, cut between two words when it has several."""
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1].rsplit("-", 1)[0] if "-" in slug[: limit + 1] else ""
    return (cut or slug[:limit]).strip("-")


SOURCE_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")


def occupied(
    content: Path, layout: Layout, imported: Mapping[str, str], shown: Callable[[Path], str]
) -> dict[str, str]:
    """The addresses and file names the site's own posts and pages hold (``Layout.occupied``):
    every Markdown file of the posts and pages folders (and the content folder's top, where a
    Pelican site keeps its posts) that no earlier import wrote (``imported``: its state)."""
    found: dict[str, str] = {}
    places = [(layout.posts, True), (layout.pages, True), ("", False)]
    for folder, deep in places:
        root = content / folder if folder else content
        if not root.is_dir():
            continue
        files = root.rglob("*") if deep else root.glob("*")
        for path in sorted(files):
            relative = path.relative_to(content).as_posix()
            if path.suffix.lower() not in SOURCE_SUFFIXES or relative in imported:
                continue
            try:
                keys = {k: v for k, v, _ in scan_header(path.read_text(encoding="utf-8")).keys}
            except (OSError, UnicodeDecodeError):
                continue
            page = folder == layout.pages
            # the slug Pelican gives it: its Slug, else its name's or folder's
            # (FILENAME_METADATA, PATH_METADATA), else its title's or file name's
            given = layout.slug_rule.of_file(relative, keys)
            slug = given.slug or path.stem
            lang = given.lang or layout.default_lang
            try:
                date = check_date("date", keys["date"]) if keys.get("date") else None
            except ValueError:
                date = None  # the build says what is wrong with it
            found.setdefault(layout.url(page, slug, lang, date).strip("/"), shown(path))
            if folder:
                found.setdefault(relative, shown(path))
    return found


def threads(content: Path, files: Iterable[str]) -> frozenset[str]:
    """The Comment_id of each of ``files`` (an earlier import's, relative to ``content``) that
    has one: the threads their comments are under."""
    found = set()
    for relative in files:
        try:
            text = (content / relative).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        keys = {k: v for k, v, _ in scan_header(text).keys}
        if keys.get("comment_id"):
            found.add(keys["comment_id"])
    return frozenset(found)


def _newest_date(export: Export) -> dt.datetime:
    """The date a post without one is written with: the export's newest, as written."""
    dates = [item.date.replace(tzinfo=None) for item in export.items if item.date]
    return max(dates, default=dt.datetime(1970, 1, 1))


def _written_date(item: Item, newest: dt.datetime) -> dt.datetime | None:
    """The date an item's Date line gives it (its own, or for a post without one the
    export's ``newest``), as the build reads it: what {date} in the site's addresses is."""
    if item.date is None and item.kind != PAGE:
        return newest
    return item.date


def _slugs(
    export: Export,
    problems: list[str],
    layout: Layout | None = None,
    explained: set[str] | None = None,
    translations: Collection[int] = (),
    newest: dt.datetime | None = None,
) -> list[str]:
    """Each item's slug, in the export's order: its old one, else from its title; two items
    never share one (nor are items told apart by their ids: an export may repeat one), and
    none gives an item the address of a page the site writes itself (`layout.reserved`).
    An old address a renamed item leaves to the site's own file is added to `explained`
    (no slashes at the ends): the line said it gets no redirect. A translation (its index in
    `translations`) is written with its original's slug: its own, the id of its comment thread,
    is made unique all the same, without a line (Polylang can give versions one slug).
    ``newest``: the export's newest date (``_newest_date``), when the caller has it already."""
    layout = layout or Layout()
    taken: dict[str, str] = {}
    out = []
    newest = newest or _newest_date(export)
    respelt: list[tuple[Item, str]] = []  # Blogger's permalinks that lost letters: (item, slug)
    unchanged: list[Item] = []  # ... that an earlier import wrote a post under
    # old slugs in another script, with accents or capitals: (item, old slug, as written)
    respelt_old: list[tuple[Item, str, str]] = []
    earlier: list[tuple[Item, str, str]] = []  # kept an earlier import's slug: (item, it, new)
    for index, item in enumerate(export.items):
        old = item.slug.strip().strip("/")
        folder = layout.pages if item.kind == PAGE else layout.posts
        if item.slug_lost_letters and old:
            if f"{folder}/{old}.md" in layout.imported:
                unchanged.append(item)
            else:
                respelt.append((item, old))
                old = ""
        said: list[str] = []
        folded: list[tuple[Item, str, str]] = []
        slug = _plain_slug(item, old, layout.slug_rule, said, folded)
        said_before: list[str] = []
        folded_before: list[tuple[Item, str, str]] = []
        before = _plain_slug(item, old, _earlier_slug, said_before, folded_before)
        if index in translations:
            # its slug is only its comment thread's id: its file has its original's name
            written_before = (
                before in layout.imported_threads and slug not in layout.imported_threads
            )
        else:
            written_before = (
                f"{folder}/{before}.md" in layout.imported
                and f"{folder}/{slug}.md" not in layout.imported
            )
        if before != slug and written_before:
            # written by an import before the slug was Pelican's: kept, never a second post
            # (a translation's thread is no address: kept without a line)
            if index not in translations:
                earlier.append((item, before, slug))
            slug, said, folded = before, said_before, folded_before
        problems.extend(said)
        respelt_old.extend(folded)
        lang = item.lang or export.lang or layout.default_lang
        date = _written_date(item, newest)
        url = layout.url(item.kind == PAGE, slug, lang, date)
        if layout.is_reserved(url):
            renamed = f"{slug}-{item.kind}"
            problems.append(
                f"item {item.id} ({item.title!r}): /{url} is the site's own page (the build "
                f"would skip the {item.kind}): written as {renamed!r}"
            )
            slug = renamed
        is_page = item.kind == PAGE

        def holder(
            slug: str, lang: str = lang, folder: str = folder, page=is_page, date=date
        ) -> str | None:
            """The site's own file at this slug's address or file name, if any."""
            found = layout.occupied.get(layout.url(page, slug, lang, date).strip("/"))
            return found or layout.occupied.get(f"{folder}/{slug}.md")

        base, n = slug, 2
        while slug in taken or holder(slug):
            slug = f"{base}-{n}"
            n += 1
        if slug != base and index in translations:
            pass  # its address is its original's: the slug is only its thread's id
        elif slug != base and base in taken:
            problems.append(
                f"item {item.id} ({item.title!r}): slug {base!r} is taken by item "
                f"{taken[base]}; written as {slug!r}"
            )
        elif slug != base:
            held = layout.url(is_page, base, lang, date)
            kept = any(old_path(url).strip("/") == held.strip("/") for url in item.old_urls)
            if kept and explained is not None:
                explained.add(held.strip("/"))
            problems.append(
                f"item {item.id} ({item.title!r}): /{held} is {holder(base)}'s, already in "
                f"the site: written as {slug!r} "
                + (
                    f"(/{held} stays that file's, with no redirect from it: a redirect never "
                    "replaces a page; to give the address to this one, move that file away "
                    "and import again)"
                    if kept
                    else _redirect_note(item)
                )
            )
        taken[slug] = item.id
        out.append(slug)
    problems.extend(_respelt_noted(respelt, unchanged, out, export))
    problems.extend(_folded_noted(respelt_old))
    problems.extend(_earlier_noted(earlier))
    return out


def _plain_slug(
    item: Item,
    old: str,
    rule: Callable[[str], str],
    said: list[str],
    folded_out: list[tuple[Item, str, str]],
) -> str:
    """An item's slug before it is made unique: its ``old`` one ('' for none) as ``rule``
    makes it, else one from its title (``rule``'s, cut to a file name's length); a change to
    the old one said in ``said``, or kept in ``folded_out`` (item, old, new) when it is only
    its spelling (said in one line for them all: ``_folded_noted``)."""
    slug = old
    # '..', '.', '---': no letter nor digit
    if slug and "/" not in slug and not names_something(rule(slug)):
        said.append(
            f"item {item.id} ({item.title!r}): slug {slug!r} has no letter or digit "
            "(the file would be hidden, or no file): written as one made from the title"
        )
        slug = ""
    if not slug or "/" in slug:
        slug = shorten(rule(item.title), TITLE_SLUG_LENGTH)
        slug = slug if names_something(slug) else f"{item.kind}-{item.id}"
    folded = rule(slug)
    if slug != folded and names_something(folded):
        folded_out.append((item, slug, folded))
        slug = folded
    if len(slug) > SLUG_LENGTH:  # the file's name, <slug>.md, must fit in 255 bytes
        short = shorten(slug, SLUG_LENGTH)
        said.append(
            f"item {item.id} ({item.title!r}): slug {slug!r} is longer than "
            f"{SLUG_LENGTH} characters: written as {short!r} {_redirect_note(item)}"
        )
        slug = short
    return slug


def _redirect_note(item: Item) -> str:
    """What becomes of an item's old address once its slug changes: a published post's
    redirects (its Redirect_from); a draft's, never public, gets none (``make_plan``)."""
    if item.status != PUBLISHED or (item.date is None and item.kind != PAGE):
        return "(a draft, never at a public address: no redirect is needed)"
    return "(the old address redirects to the new one)"


def _earlier_slug(text: str) -> str:
    """The slug imports made before they took Pelican's (Unidecode, then each run of what is
    not a lowercase letter or digit one hyphen: 'Don't panic' -> 'don-t-panic'): only to
    know the files an earlier import wrote."""
    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-")


def _earlier_noted(earlier: list[tuple[Item, str, str]]) -> list[str]:
    """One line for the items an earlier import wrote under a slug this one would make
    otherwise (Pelican's slug of the title or old slug), which keep theirs."""
    if not earlier:
        return []
    (item, kept, new), many = earlier[0], len(earlier) > 1
    example = f"{kept!r} for {item.title!r}; a new import makes {new!r}, Pelican's slug of it"
    if many:
        return [
            f"{len(earlier)} files an earlier import wrote keep their slugs, their addresses "
            f"here unchanged (e.g. {example}): for the new slugs, delete those files and "
            "import again (their comments follow them)"
        ]
    return [
        f"1 file an earlier import wrote keeps its slug, its address here unchanged "
        f"({example}): for the new slug, delete that file and import again (its comments "
        "follow it)"
    ]


def _folded_noted(folded: list[tuple[Item, str, str]]) -> list[str]:
    """The line for the old slugs written as this site spells slugs (WordPress's in another
    script, ``%d0%bf%d1%80…`` in the export: a Cyrillic blog's every post): the item's own
    when there is one, else one line for them all, as for Blogger's that lost letters."""
    if not folded:
        return []
    (item, old, new), *others = folded
    if not others:
        return [
            f"item {item.id} ({item.title!r}): slug {old!r} written as {new!r} "
            + _redirect_note(item)
        ]
    return [
        f"{len(folded)} old slugs are not as this site spells a slug (e.g. {old!r} for "
        f"{item.title!r}): written its way ({new!r}); "
        "each old address redirects to the new one"
    ]


def _respelt_noted(
    respelt: list[tuple[Item, str]], kept: list[Item], slugs: list[str], export: Export
) -> list[str]:
    """One line for the posts whose Blogger permalinks lost letters of their titles, written
    with slugs from their titles, and one for those an earlier import wrote, which keep theirs."""
    lines = []
    new = {id(item): slug for item, slug in zip(export.items, slugs, strict=True)}
    if respelt:
        (item, old), many = respelt[0], len(respelt) > 1
        lines.append(
            f"Blogger made {len(respelt)} old address{'es' if many else ''} by dropping the "
            f"accented and non-Latin letters of the title ({'e.g. ' if many else ''}{old!r} for "
            f"{item.title!r}): written with "
            f"{'slugs made from the titles' if many else 'a slug made from the title'} "
            f"({new[id(item)]!r}); {'each' if many else 'the'} old address redirects to the new one"
        )
    if kept:
        first = f"{kept[0].slug!r} for {kept[0].title!r}"
        lines.append(
            f"{len(kept)} posts whose Blogger addresses dropped letters of their titles (e.g. "
            f"{first}) keep the slugs an earlier import wrote them with, their addresses here "
            "unchanged; for slugs made from the titles, delete those files and import again "
            "(their comments follow them)"
            if len(kept) > 1
            else f"1 post whose Blogger address dropped letters of its title ({first}) keeps the "
            "slug an earlier import wrote it with, its address here unchanged; for a slug made "
            "from the title, delete that file and import again (its comments follow it)"
        )
    return lines


def _translations(export: Export, layout: Layout, problems: list[str]) -> dict[int, int]:
    """Which items are translations of which (Polylang's and WPML's groups): the index of
    each translation -> its original's. The original is the version in the old site's
    default language (the export's <language>), else in this site's DEFAULT_LANG, else the
    oldest; a second version in a language the group has already is no translation (a line).
    """
    groups: dict[tuple[str, str], list[int]] = {}
    for index, item in enumerate(export.items):
        if item.translation_group:
            groups.setdefault((item.kind, item.translation_group), []).append(index)

    def lang(index: int) -> str:
        return export.items[index].lang or export.lang or layout.default_lang

    def age(index: int) -> tuple[dt.datetime, int]:
        date = export.items[index].date
        return (date.replace(tzinfo=None) if date else dt.datetime.max, index)

    originals: dict[int, int] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        original = next(
            (i for want in (export.lang, layout.default_lang) for i in members if lang(i) == want),
            min(members, key=age),
        )
        langs = {lang(original): original}
        for index in members:
            if index == original:
                continue
            if lang(index) in langs:
                item, other = export.items[index], export.items[langs[lang(index)]]
                problems.append(
                    f"item {item.id} ({item.title!r}) and item {other.id} ({other.title!r}) are "
                    f"versions of one text in the same language ({lang(index)}): item {item.id} "
                    "is imported as a post of its own, not linked as a translation"
                )
                continue
            langs[lang(index)] = index
            originals[index] = original
    return originals


def _threads(
    item: Item, thread_id: str, plan: Plan, export: Export, target: str
) -> tuple[Thread | None, list[dict], Counter]:
    """Sort an item's responses: approved comments into a thread, approved pingbacks and
    trackbacks into mentions (both counted in the Counter returned), the rest counted."""
    counts: Counter = Counter()
    approved = [c for c in item.comments if c.status == APPROVED]
    for comment in item.comments:
        if comment.status != APPROVED:
            plan.counts[f"{comment.status} {comment.kind}s skipped"] += 1
    comments = sorted(
        (c for c in approved if c.kind == COMMENT), key=lambda c: (_epoch(c.date), c.id)
    )
    ids = {c.id for c in comments}
    thread = Thread(thread_id, item.title)
    for comment in comments:
        parent = comment.parent
        if parent is not None and parent not in ids:
            plan.problems.append(
                f"comment {comment.id.split('/')[-1]} on {item.title!r} answers comment "
                f"{parent.split('/')[-1]}, which is not in the export (or not approved): "
                "imported as a comment of its own"
            )
            parent = None
        thread.comments.append(
            ThreadComment(
                key=comment.id,
                parent=parent,
                author=one_line(comment.author) or "Anonymous",
                website=comment.url if urlsplit(comment.url).scheme in ("http", "https") else "",
                created=_epoch(comment.date),
                text=convert.comment_markdown(comment.html),
            )
        )
    thread.comments = _parents_first(thread.comments)
    _date_undated(thread.comments, item, plan.problems)
    counts["comments"] += len(thread.comments)
    mentions = []
    for comment in approved:
        if comment.kind in MENTIONS:
            mentions.append(_mention(comment, export, target))
            counts[f"{comment.kind}s"] += 1
    return (thread if thread.comments else None), mentions, +counts


def _date_undated(comments: list[ThreadComment], item: Item, problems: list[str]) -> None:
    """Comments the export gives no readable date (0 seconds: 1 January 1970 in Isso) dated
    like the comment they answer, else like their post; one line names them."""
    created = {c.key: c.created for c in comments}
    undated = []
    for comment in comments:  # parents first: a reply's parent is dated already
        if comment.created:
            continue
        comment.created = created.get(comment.parent or "", 0.0) or _epoch(
            item.date or item.modified
        )
        created[comment.key] = comment.created
        undated.append(comment.key.split("/")[-1])
    if undated:
        many = "s" if len(undated) > 1 else ""
        problems.append(
            f"comment{many} {', '.join(undated)} on {item.title!r}: no readable date in the "
            f"export: dated like the comment answered, else like the post"
        )


def _parents_first(comments: list[ThreadComment]) -> list[ThreadComment]:
    """The comments in date order, but never a reply before the comment it answers."""
    placed: set[str] = set()
    ordered: list[ThreadComment] = []
    waiting = list(comments)
    while waiting:
        ready = [c for c in waiting if c.parent is None or c.parent in placed]
        if not ready:  # a loop of replies: cut it rather than lose the comments
            ready = [waiting[0]]
            ready[0].parent = None
        for comment in ready:
            placed.add(comment.key)
            ordered.append(comment)
        waiting = [c for c in waiting if c.key not in placed]
    return ordered


def _home(url: str) -> str:
    """The citing site's home page: http://parishoffice.example/ for one of its posts."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/" if parts.scheme in ("http", "https") else ""


def _mention(comment: Comment, export: Export, target: str) -> dict:
    """A pingback or trackback as a received webmention (JF2, as webmention.io gives them)."""
    text = convert.summary_text(comment.html)
    entry = {
        "type": "entry",
        "wm-id": archive.stable_id(export.source, export.site_url, comment.id),  # same run, same id
        "wm-property": "mention-of",
        "wm-target": target,
        "wm-source": comment.url,
        "wm-imported": f"{export.source} {comment.kind}",
        "url": comment.url,
        "author": {"type": "card", "name": one_line(comment.author), "url": _home(comment.url)},
        "content": {"text": text},
    }
    if comment.date is not None:
        entry["published"] = comment.date.isoformat()
    return entry


def make_plan(
    export: Export,
    layout: Layout,
    uploads: Path | None,
    existing_team: Callable[[str], bool] = lambda name: False,
    team_slug: Callable[[str], str] = slug_of,
    team_taken: Iterable[str] = (),
    term_slug: Callable[[str, str], str] = lambda kind, name: slug_of(name),
    team_page: Callable[[str], str | None] = lambda name: None,
) -> Plan:
    """Every file, copy, comment and mention the import of `export` makes.

    A new team file is named as ``invoke team-stubs`` names it, by ``team_slug(name)``: the
    slug the build gives the person's byline (Pelican's author slug, which the task passes;
    the engine's slug here), so their profile is at /team/<slug>/ ('وحید خرازی':
    whyd-khrzy.md). A slug another file of the team (``team_taken``) or another imported
    author has gets -2, as team-stubs does.

    The old blog's category, tag and author pages redirect to the site's (``REDIRECTS_MAP``):
    ``term_slug(kind, name)`` is the slug the build gives a category or tag (Pelican's, which
    the task passes), ``team_page(name)`` the profile slug of an author already in the team."""
    plan = Plan(problems=list(export.problems))
    for kind, number in export.skipped.items():
        plan.counts[f"{kind} skipped"] += number
    pictures = Pictures(export, uploads, layout.images)
    explained: set[str] = set()  # old addresses the site's own files keep, already said
    originals = _translations(export, layout, plan.problems)
    placeholder = _newest_date(export)  # a post without a date is written with it
    slugs = _slugs(export, plan.problems, layout, explained, originals, placeholder)
    paths = []  # each item's file: a translation's is its original's name with its language
    for index, (item, slug) in enumerate(zip(export.items, slugs, strict=True)):
        folder = layout.posts if item.kind != PAGE else layout.pages
        paths.append(f"{folder}/{slug}.md")
        if index in originals:
            lang = item.lang or export.lang or layout.default_lang
            shared = slugs[originals[index]]
            held = layout.url(item.kind == PAGE, shared, lang, _written_date(item, placeholder))
            held = layout.occupied.get(held.strip("/"))
            held = held or layout.occupied.get(f"{folder}/{shared}.{lang}.md")
            if held:
                plan.problems.append(
                    f"{paths[-1]}: the {lang} version of {paths[originals[index]]} is not linked "
                    f"to it: its address as a translation is {held}'s, already in the site"
                )
                del originals[index]
            else:
                paths[-1] = f"{folder}/{shared}.{lang}.md"
    by_old_url = {}
    for item, path in zip(export.items, paths, strict=True):
        for url in item.old_urls:
            by_old_url[old_path(url)] = f"{{filename}}/{path}"
    named: set[str] = set()
    authors_used: dict[str, str] = {}
    published_by: set[str] = set()  # the logins of authors of something published
    newest: tuple[dt.datetime, str] | None = None
    claimed: dict[str, str] = {}  # old path -> the file that redirects from it
    shown: Counter = Counter()  # the galleries met in each file
    columned: dict[str, None] = {}  # the files of a gallery that sets its columns, in order
    alt_texts = _alt_texts(export)
    spellings = _tag_spellings(export)
    respelt: dict[tuple[str, str], list[str]] = {}  # (as the export has it, as written)
    repeated: dict[str, list[str]] = {}  # a tag that is its post's category: its files
    # the published posts' categories and tags, as written (without case -> as written)
    listed: dict[str, dict[str, str]] = {CATEGORY: {}, TAG: {}}
    unfiled: list[str] = []  # the posts written with the site's DEFAULT_CATEGORY
    for index, (item, own) in enumerate(zip(export.items, slugs, strict=True)):
        where = f"{item.title!r}"
        path = paths[index]
        # a translation has its original's Slug (how the site links the versions) and keeps
        # its own slug as the id of its comment thread, so its comments stay its own
        original = export.items[originals[index]] if index in originals else None
        slug = slugs[originals[index]] if original else own

        def rewrite(url: str, where: str = where) -> str:
            parts = urlsplit(url)
            host = (parts.hostname or "").lower()
            # a picture on the old site: its uploads, Blogger's hosts, or any other path there
            old_site = parts.scheme in ("", "http", "https") and (
                pictures.is_ours(url) or host in pictures.hosts or (not host and url[:1] == "/")
            )
            if old_site and posixpath.splitext(parts.path)[1].lower() in PICTURES:
                placed = pictures.place(url)
                if placed is None:
                    plan.missing.append((where, url))
                return placed or url
            if pictures.uploaded(url):
                return pictures.place(url) or url  # a linked PDF and the like
            if not host or host in pictures.hosts:
                return by_old_url.get(old_path(url), url)
            return url

        status = PUBLISHED if item.status == PUBLISHED else DRAFT  # private: a draft too
        if original and (original.status != PUBLISHED or original.date is None):
            status = DRAFT  # it waits for its original (its comments too)
        date = item.date
        if date is None and item.kind != PAGE:
            # the site reads no post without a date, drafts included: a draft, dated like the
            # export's newest item until its writer gives it its own
            status, date = DRAFT, placeholder
            was = "a published post" if item.status == PUBLISHED else "a draft"
            plan.problems.append(
                f"{path}: {was} with no date in the export: imported as a draft dated "
                f"{_when(date)} (the export's newest date); give it its own Date and, to "
                "publish it, remove its Status: draft"
            )

        made: dict[tuple, tuple[int, str | None]] = {}  # a gallery's pictures -> (number, slug)
        repeats: list[tuple[bool, int, int, str]] = []  # _repeated_galleries's
        beside: list[convert.Beside] = []  # the last gallery's pictures it cannot show

        def gallery(
            attrs: dict[str, str],
            item: Item = item,
            slug: str = own,
            path: str = path,
            draft: bool = status == DRAFT,
            made: dict = made,
            repeats: list = repeats,
            beside: list = beside,
        ) -> str | None:
            shown[path] += 1  # the galleries of a file, by number, for the report
            if attrs.get("columns", "").strip():
                columned[path] = None
            beside.clear()
            # WordPress's [gallery] shows the post's attachments: [gallery] and [gallery
            # columns="3"] in one post are one gallery, which a post shows once (its block's
            # heading id would be there twice); a block that is not made keeps its pictures
            key = _gallery_key(attrs, item, export)
            first, done = made.get(key, (0, None)) if key else (0, None)
            if done is not None:
                folder = f"{layout.galleries}/{done}/" if done else ""
                repeats.append((attrs.get("block") == "gallery", shown[path], first, folder))
                return ""
            done = _gallery(
                attrs, item, slug, export, pictures, layout, plan, path, draft, shown[path], beside
            )
            if key:
                made.setdefault(key, (shown[path], done))
            return done

        # an excerpt is the post's Summary:, which its <!--more--> would not change
        summary = convert.summary_markdown(item.excerpt) if item.excerpt else ""
        converted = convert.convert(
            item.html,
            raw_wordpress=item.raw_wordpress,
            rewrite=rewrite,
            gallery=gallery,
            alt=alt_texts,
            more=not summary,
            beside=lambda beside=beside: list(beside),
        )
        plan.problems.extend(f"{path}: {note}" for note in converted.notes)
        plan.problems.extend(f"{path}: {line}" for line in _repeated_galleries(repeats))
        placed_at = len(plan.problems)  # the notes on a line of the file go here, once it is
        cover = _cover(item, export, pictures, plan, path, where)
        plan.no_alt.extend((path, url.rsplit("/", 1)[-1] or url) for url in converted.no_alt)
        plan.says_nothing.extend(
            (path, f"{url.rsplit('/', 1)[-1] or url} (alt text {alt!r}: {what})")
            for url, alt, what in converted.alt_says_nothing
        )
        plan.elsewhere.extend((path, url) for url in elsewhere(converted.pictures, plan.missing))
        body = converted.markdown
        # the file holds the export's text as converted, which the notes' lines count in
        own_text = bool(body.strip())
        if not own_text:  # the site publishes nothing without text, drafts included
            status = DRAFT
            body = (
                f"*This {item.kind} had no text in the old blog: write it, or delete this file.*\n"
            )
            plan.problems.append(f"{path}: the {item.kind} has no text: imported as a draft")
        title = one_line(item.title)
        if not title:
            title = f"Untitled {item.kind} {item.id}"
            plan.problems.append(f"item {item.id} has no title: written as {title!r}")
        author = _author_name(export, item.author, plan.problems, named) if item.author else ""
        if author:
            authors_used[item.author] = author
            if status != DRAFT:
                published_by.add(item.author)
        categories = [one_line(c) for c in item.categories if one_line(c)]
        if not categories and item.kind != PAGE and layout.default_category:
            categories = [layout.default_category]
            unfiled.append(path)
        tags = []
        for name in (_tag(t, path, plan.problems) for t in _tag_names(item)):
            if not name or item.kind == PAGE:
                continue
            if categories and name.casefold() == categories[0].casefold():
                repeated.setdefault(name, []).append(path)
                continue
            spelt = spellings.get(name.casefold(), name)
            if spelt != name:
                respelt.setdefault((name, spelt), []).append(path)
            tags.append(spelt)
        tags = list(dict.fromkeys(tags))
        if item.kind != PAGE and status != DRAFT:
            for kind, names in ((CATEGORY, categories[:1]), (TAG, tags)):
                listed[kind].update((name.casefold(), name) for name in names)
        comments_state = "" if item.comments_open else "closed"
        lang = item.lang or export.lang or layout.default_lang
        new_url = layout.url(item.kind == PAGE, slug, lang, date)
        thread = None
        if item.kind != PAGE:
            target = "/" + new_url
            thread, mentions, counts = _threads(item, own, plan, export, target)
            if status == DRAFT and (thread or mentions):
                # Isso gives any thread's comments to whoever asks (GET /?uri=<thread>), and
                # the archive of mentions is published with the content: a draft's wait
                plan.held.append(Held(path, slug, thread, mentions, counts))
                plan.counts.update({f"{key} on drafts skipped": n for key, n in counts.items()})
                thread = None
            else:
                plan.mentions.extend(mentions)
                plan.counts.update(counts)
            if (
                status != DRAFT
                and item.date
                and (newest is None or _epoch(item.date) > _epoch(newest[0]))
            ):
                newest = (item.date, target)
        else:  # the site shows no comments under pages
            for comment in item.comments:
                plan.counts[f"{comment.kind}s on pages skipped"] += 1
        if thread:
            plan.threads.append(thread)
        # an address the new site keeps needs no redirect; a draft's was never public
        redirects = [
            p for p in dict.fromkeys(map(old_path, item.old_urls)) if p.lstrip("/") != new_url
        ]
        if status == DRAFT:
            redirects = []
        for kept in [p for p in redirects if "?" not in p and layout.is_reserved(p)]:
            plan.problems.append(
                f"{path}: the old address {kept} is the site's own page now: no redirect"
            )
            redirects.remove(kept)
        # a redirect never replaces a page: an old address the site's own file has stays its
        for kept in [p for p in redirects if "?" not in p and p.strip("/") in layout.occupied]:
            if kept.strip("/") not in explained:
                plan.problems.append(
                    f"{path}: the old address {kept} is {layout.occupied[kept.strip('/')]}'s, "
                    "already in the site: no redirect"
                )
            redirects.remove(kept)
        for refused in [p for p in redirects if _unredirectable(p)]:
            plan.problems.append(
                f"{path}: the old address {refused} cannot be redirected "
                f"({_unredirectable(refused)}): left out"
            )
            redirects.remove(refused)
        for taken in [p for p in redirects if p in claimed]:
            plan.problems.append(
                f"{path}: the old address {taken} is also {claimed[taken]}'s (the export "
                "repeats an id): it redirects there only"
            )
            redirects.remove(taken)
        claimed.update(dict.fromkeys(redirects, path))
        # a file's name or folders may give it a language (FILENAME_METADATA's (?P<lang>…):
        # how-we-do-it.md read as Italian): its Lang line then says the one it is in
        lang_line = lang if lang != layout.default_lang else ""
        if layout.slug_rule.of_file(path, {}).lang not in ("", lang):
            lang_line = lang
        modified = _when(item.modified)
        if modified == _when(date):  # only when it differs, to the minute
            modified = ""
        pairs = [
            ("Title", title),
            ("Date", _when(date)),
            ("Modified", modified),
            ("Category", categories[0] if categories and item.kind != PAGE else ""),
            ("Tags", ", ".join(tags) if item.kind != PAGE else ""),
            ("Author", author),
            ("Slug", slug),
            ("Summary", summary),
            ("Cover", cover),
            ("Status", "draft" if status == DRAFT else ""),
            ("Lang", lang_line),
            ("Translation", "true" if original else ""),
            ("Comments", comments_state if item.kind != PAGE else ""),
            # a translation's own thread, also while a draft: its comments held wait for it
            ("Comment_id", own if thread or (original and item.kind != PAGE) else ""),
            ("Redirect_from", ", ".join(redirects)),
        ]
        head = _front_matter(pairs) + "\n"
        plan.files[path] = head + body
        # a body line's line in the file (none when the body is the no-text draft's line)
        above = head.count("\n") if own_text else -1
        plan.problems[placed_at:placed_at] = [
            f"{path}: line {above + line}: {note}" if line and above >= 0 else f"{path}: {note}"
            for line, note in converted.placed
        ]
        plan.counts[{PAGE: "pages"}.get(item.kind, "drafts" if status == DRAFT else "posts")] += 1
        plan.counts["redirects"] += len(redirects)
    plan.problems.extend(_unfiled_noted(export, layout, unfiled))
    if columned:
        plan.problems.append(_columns_noted(list(columned)))
    plan.translations = _groups_noted(export, layout, originals, paths, slugs)
    plan.problems.extend(_uncatalogued(export, layout, originals, paths))
    profiles: dict[str, str] = {}  # login -> name: the authors who get a team file
    for login, name in sorted(authors_used.items(), key=lambda kv: kv[1].casefold()):
        if existing_team(name):
            plan.counts["authors already in the team"] += 1
        elif login not in published_by:  # a team file is a public profile
            plan.problems.append(
                f"author {name!r} signs drafts only: no team file written (it would publish "
                "their profile); when one of their posts is published, write one "
                "(`invoke team-stubs`)"
            )
        else:
            profiles[login] = name
    # keyed as team-stubs keys them: a name of no letters Pelican keeps ('😀') is its own
    wanted = {people.normalise(name): team_slug(name) for name in profiles.values()}
    slugs_given = people.free_slugs(wanted, team_taken)
    pages = {
        login: team_page(name) for login, name in authors_used.items() if login in published_by
    }
    for login, name in profiles.items():
        author = export.authors[login]
        pages[login] = slugs_given[people.normalise(name)]
        plan.files[f"{layout.team}/{pages[login]}.md"] = team_file(name, export.source, author.url)
        plan.counts["authors"] += 1
    _archive_redirects(export, layout, plan, listed, pages, claimed, term_slug)
    plan.problems.extend(_tags_noted(respelt, repeated))
    for name, number in sorted(pictures.ambiguous.items()):
        plan.problems.append(
            f"the export links {number} different pictures named {name!r} (on Blogger's "
            "servers): none is taken from --uploads by that name, which cannot tell them apart; "
            "they stay linked to the old address: put each picture in its post yourself"
        )
    _attachments_counted(export, pictures, plan)
    plan.copies = sorted(pictures.copies.values(), key=lambda c: c.target)
    plan.counts["pictures copied"] = len(plan.copies)
    plan.counts["pictures missing"] = len({url for _, url in plan.missing})
    plan.counts["pictures on other sites"] = len({url for _, url in plan.elsewhere})
    plan.first_post = newest[1] if newest else ""
    plan.settings = settings_to_write(export, layout)
    plan.problems.extend(_zone_noted(export, layout))
    return plan


def _unfiled_noted(export: Export, layout: Layout, unfiled: list[str]) -> list[str]:
    """One line for the posts the export gives no category, written with the site's
    DEFAULT_CATEGORY (where the build files a post without one, warning about each)."""
    if not unfiled:
        return []
    many = len(unfiled) > 1
    them = "them" if many else "it"
    if export.source == "blogger":
        posts = f"the {len(unfiled)} posts are" if many else "the post is"
        head = f"Blogger has no categories (its labels are the Tags): {posts} written"
    else:
        listed = ", ".join(unfiled[:3]) + (
            f" and {len(unfiled) - 3} more" if len(unfiled) > 3 else ""
        )
        head = (
            f"{len(unfiled)} post{'s have' if many else ' has'} no category in the export "
            f"({listed}): written"
        )
    return [
        f"{head} with 'Category: {layout.default_category}', this site's DEFAULT_CATEGORY, "
        f"where the build would file {them} anyway; to file {them} under another, set "
        "DEFAULT_CATEGORY in pelicanconf.py to its name and import again"
    ]


def settings_to_write(export: Export, layout: Layout) -> list[tuple[str, str, str]]:
    """The old blog's language, time zone and name as pelicanconf.py's DEFAULT_LANG, TIMEZONE
    and SITENAME, with why each matters; each only when it is not the site's."""
    found = []
    if export.lang and export.lang.casefold() != layout.default_lang.casefold():
        found.append(
            (
                "DEFAULT_LANG",
                export.lang,
                f"until then the posts are written with 'Lang: {export.lang}', at "
                f"/{layout.url(False, '<slug>', export.lang)}: set it, then import again",
            )
        )
    if export.timezone not in ("", layout.timezone) and _known_zone(export.timezone):
        found.append(("TIMEZONE", export.timezone, "the day each date is shown on"))
    if one_line(export.title) not in ("", one_line(layout.sitename)):
        found.append(("SITENAME", one_line(export.title), ""))
    return found


def _zone_noted(export: Export, layout: Layout) -> list[str]:
    """One line for an old blog's time zone this machine's time zone database does not know,
    which the settings lines leave out: what the site shows dates in instead, what to write."""
    zone = export.timezone
    if zone in ("", layout.timezone) or _known_zone(zone):
        return []
    dates = [d for d in (i.date for i in export.items) if d and d.utcoffset() is not None]
    offsets = sorted({d.utcoffset() for d in dates})
    dated = ", ".join(map(_offset, offsets[:3])) + (", …" if len(offsets) > 3 else "")
    # a name near it ('Europe/Budapset') only where it gives every post the offset it has
    # ('Pacific Time' is near 'Pacific/Niue', eleven hours from its posts)
    near = [
        name
        for name in difflib.get_close_matches(zone, sorted(available_timezones()), n=3)
        if dates and all(d.astimezone(ZoneInfo(name)).utcoffset() == d.utcoffset() for d in dates)
    ]
    write = (
        f"write TIMEZONE = {near[0]!r} in pelicanconf.py if that is the old blog's"
        if near
        else "write the old blog's in pelicanconf.py as TIMEZONE = 'Area/City' (e.g. "
        "'Europe/Budapest'), a name of the time zone database"
    )
    key = " (Blogger's BLOG_TIME_ZONE)" if export.source == "blogger" else ""
    return [
        f"the old blog's time zone{key} {zone!r} is not one this machine knows: no TIMEZONE line "
        f"written, so each post's day is shown in the site's {layout.timezone or 'UTC'!r} (the "
        "posts keep their own UTC offsets" + (f": {dated}" if dated else "") + f"); {write}"
    ]


def _known_zone(name: str) -> bool:
    """Whether ``name`` is a time zone this machine knows (``Europe/Budapest``)."""
    try:
        ZoneInfo(name)
    except (ValueError, ZoneInfoNotFoundError):
        return False
    return True


def _offset(offset: dt.timedelta) -> str:
    """A UTC offset as a Date line writes it: +01:00, -03:30."""
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _archive_redirects(
    export: Export,
    layout: Layout,
    plan: Plan,
    listed: dict[str, dict[str, str]],
    authors: Mapping[str, str | None],
    claimed: Mapping[str, str],
    term_slug: Callable[[str, str], str],
) -> None:
    """The REDIRECTS_MAP file: each old category, tag and author page (and WordPress's later
    pages and feed of it) to the site's page of that category, tag or person. A name the
    published posts do not have here (a category turned into a tag is found as a tag), an
    address a post or a page of the site has, are one line of the report each."""
    published = [i for i in export.items if i.kind != PAGE and i.status == PUBLISHED]

    def target(listing: Listing) -> tuple[str, str, str]:
        """(what it is here, its page's path, its feed's path), or ("", "", "")."""
        if listing.kind == AUTHOR:
            slug = authors.get(listing.name)
            found = [(AUTHOR, slug)] if slug else []
        else:
            other = TAG if listing.kind == CATEGORY else CATEGORY
            found = [
                (kind, term_slug(kind, listed[kind][listing.name.casefold()]))
                for kind in (listing.kind, other)
                if listing.name.casefold() in listed[kind]
            ]
            found = [(kind, slug) for kind, slug in found if slug]  # a name of no letter
        if not found:
            return "", "", ""
        kind, slug = found[0]
        url, feed = {
            CATEGORY: (layout.category_url, layout.category_feed),
            TAG: (layout.tag_url, layout.tag_feed),
            AUTHOR: (layout.author_url, layout.author_feed),
        }[kind]
        return kind, "/" + url.format(slug=slug).lstrip("/"), feed and "/" + feed.format(slug=slug)

    def posts(listing: Listing) -> int:
        return sum(
            listing.name in {CATEGORY: i.categories, TAG: i.tags, AUTHOR: [i.author]}[listing.kind]
            for i in published
        )

    leads = {}
    for listing in export.listings:
        kind, page, feed = target(listing)
        leads[listing.path] = (listing, kind, page, feed)
    ours = {page.strip("/") for _, _, page, _ in leads.values() if page}
    lines: dict[str, str] = {}
    for listing, kind, page, feed in leads.values():
        what = f"{listing.kind} {listing.name!r}"
        if not page:
            plan.problems.append(
                f"the old {what} page {listing.path} is not redirected: no published post "
                f"here is {'by' if listing.kind == AUTHOR else 'in'} it"
            )
            continue
        made = []
        for old, new in archives.addresses(listing, page, feed, posts(listing)):
            old = old_path(old)
            bare = old.strip("/")
            if old in lines or old in claimed or bare == "":
                continue
            if layout.is_reserved(old) or bare in ours:
                why = "it is the address of one of the site's own pages"
            elif bare in layout.occupied:
                why = f"it is the address of {layout.occupied[bare]}"
            else:
                why = _unredirectable(old)
            if why:
                plan.problems.append(f"the old {what} page {old} is not redirected: {why}")
                continue
            lines[old] = new
            made.append((old, new))
        if made:
            as_ = f", now a {kind}" if kind != listing.kind else ""
            more = f"; and {len(made) - 1} more below it" if len(made) > 1 else ""
            plan.archives.append(f"{made[0][0]} → {made[0][1]} ({what}{as_}{more})")
    if not lines:
        return
    if not layout.redirects_map:
        plan.problems.append(
            f"{len(lines)} old addresses of the {SOURCES[export.source]} blog's category, tag "
            "and author pages are not redirected: REDIRECTS_MAP is off in pelicanconf.py"
        )
        plan.archives = []
        return
    head = (
        f"# The old {SOURCES[export.source]} blog's category, tag and author pages, and the "
        "pages they lead to now:\n# one 'OLD NEW' pair a line, read by the redirects plugin "
        "(REDIRECTS_MAP, docs/redirects.md).\n"
    )
    plan.files[layout.redirects_map] = head + "".join(f"{o} {n}\n" for o, n in lines.items())
    plan.counts["archive redirects"] += len(lines)


def _groups_noted(
    export: Export, layout: Layout, originals: dict[int, int], paths: list[str], slugs: list[str]
) -> list[str]:
    """The report's line for each group of versions linked as translations."""
    groups: dict[int, list[int]] = {}
    for index, original in sorted(originals.items()):
        groups.setdefault(original, []).append(index)

    def lang(index: int) -> str:
        return export.items[index].lang or export.lang or layout.default_lang

    lines = []
    for original, members in groups.items():
        item = export.items[original]
        why = (
            "the old site's default language"
            if lang(original) == export.lang
            else "this site's DEFAULT_LANG"
            if lang(original) == layout.default_lang
            else "the oldest version"
        )
        versions = ", ".join(
            f"{paths[i]} ({lang(i)}, its comments under Comment_id {slugs[i]!r}, its old "
            "address redirected)"
            for i in members
        )
        draft = item.status != PUBLISHED or item.date is None
        lines.append(
            f"{paths[original]} ({lang(original)}, the original: {why}) and its translation"
            f"{'s' if len(members) > 1 else ''} {versions}: Slug {slugs[original]!r}, linked "
            "with hreflang" + ("; the original is a draft, so they are drafts too" if draft else "")
        )
    return lines


def _uncatalogued(
    export: Export, layout: Layout, originals: dict[int, int], paths: list[str]
) -> list[str]:
    """One line per language of a linked version the theme has no catalog of its words for."""
    if layout.catalogs is None:
        return []
    files: dict[str, list[str]] = {}
    for index in sorted({*originals, *originals.values()}):
        lang = export.items[index].lang or export.lang or layout.default_lang
        english = lang == layout.default_lang or lang.split("-")[0] == "en"  # the theme's own
        if not english and catalog_for(lang, layout.catalogs) is None:  # fr-CA takes fr's
            files.setdefault(lang, []).append(paths[index])
    return [
        f"{', '.join(found)}: the theme has no catalog for {lang!r} "
        f"(theme/translations/{lang}/LC_MESSAGES/messages.po): the page shows the theme's "
        "words (menus, 'Also in', dates' labels) in English until one is written "
        f"(`invoke i18n-extract --add {lang}`, docs/search-and-languages.md)"
        for lang, found in sorted(files.items())
    ]


def elsewhere(shown: list[str], missing: list[tuple[str, str]]) -> list[str]:
    """The pictures a body shows from another site: an absolute http(s) address that is not one
    of the old site's pictures not found under --uploads (those are listed apart)."""
    not_found = {url for _, url in missing}
    return [
        url
        for url in shown
        if urlsplit(url).scheme.lower() in ("http", "https") or url.startswith("//")
        if url not in not_found
    ]


def _cover(
    item: Item, export: Export, pictures: Pictures, plan: Plan, path: str, where: str
) -> str:
    """A post's `Cover:` from its WordPress featured image (_thumbnail_id): the attachment's
    file copied from --uploads as any picture; "" when it has none, or it cannot be one
    (each said: a page shows no cover, an SVG is never one, a file not found is listed)."""
    if item.featured in ("", "0", "-1"):
        return ""
    attachment = export.attachments.get(item.featured)
    if attachment is None:
        plan.problems.append(
            f"{path}: its featured image is attachment {item.featured}, which is not in the "
            "export: no Cover"
        )
        return ""
    if item.kind == PAGE:
        plan.problems.append(
            f"{path}: its featured image {attachment.url} is not imported (a page shows no "
            "cover): put it in the page's text if it matters"
        )
        return ""
    if posixpath.splitext(urlsplit(attachment.url).path)[1].lower() == ".svg":
        plan.problems.append(
            f"{path}: its featured image {attachment.url} is an SVG drawing, never a cover "
            "here (docs/covers.md): no Cover"
        )
        return ""
    placed = pictures.place(attachment.url)
    if placed is None:
        plan.missing.append((f"{where} (featured image)", attachment.url))
        return ""
    return placed.removeprefix("{static}/")


def _attachments_counted(export: Export, pictures: Pictures, plan: Plan) -> None:
    """The export's attachments, each one copied, not found (listed with the missing
    pictures) or shown by no imported item: counted, the last named, in `plan.attachments`."""
    for attachment in export.attachments.values():
        found = pictures.looked.get(pictures.key(attachment.url))
        state = {True: "copied", False: "not found"}.get(found, "unused")
        plan.attachments[state] += 1
        if found is None:
            parent = next((i for i in export.items if i.id == attachment.parent), None)
            plan.unused.append((attachment.url, f"uploaded to {parent.title!r}" if parent else ""))


def _gallery_attachments(attrs: dict[str, str], item: Item, export: Export) -> list[Attachment]:
    """The attachments a [gallery] or a gallery block shows: the ones it names (those in the
    export), else the post's own, as WordPress showed them."""
    ids = [i.strip() for i in attrs.get("ids", attrs.get("include", "")).split(",") if i.strip()]
    if ids:
        return [export.attachments[i] for i in ids if i in export.attachments]
    return sorted(
        (a for a in export.attachments.values() if a.parent == item.id),
        key=lambda a: int(a.id) if a.id.isdigit() else 0,
    )


def _gallery_key(attrs: dict[str, str], item: Item, export: Export) -> tuple:
    """What makes two galleries of a post one: the same pictures in the same order, with the
    same captions and alt text (a block's own), both shortcodes or both blocks (a block not
    made keeps its pictures in the text, a shortcode is left out); () for one of no picture."""
    shows = tuple(
        (a.id, attrs.get(f"caption-{a.id}", ""), attrs.get(f"alt-{a.id}", ""))
        for a in _gallery_attachments(attrs, item, export)
    )
    return (attrs.get("block") == "gallery", shows) if shows else ()


def _repeated_galleries(repeats: list[tuple[bool, int, int, str]]) -> list[str]:
    """The galleries of a post that show the pictures of an earlier one (block?, number, the
    first's number, the first's folder or "" when it was left out): one line each first."""
    by_first: dict[tuple[bool, int, str], list[int]] = {}
    for block, number, first, folder in repeats:
        by_first.setdefault((block, first, folder), []).append(number)
    lines = []
    for (block, first, folder), numbers in by_first.items():
        kind = "gallery" if block else "[gallery]"
        why = (
            f"since a post shows a gallery once ({folder}, where {kind} {first} is)"
            if folder
            else f"like {kind} {first}"
        )
        lines.append(
            f"{kind} {_numbers(numbers)} of the post show{'s' if len(numbers) == 1 else ''} "
            f"the pictures of {kind} {first}: left out, {why}"
        )
    return lines


def _columns_noted(paths: list[str]) -> str:
    """One line for every gallery that set its number of columns, which no gallery here has."""
    named = ", ".join(paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
    return (
        f'the galleries of {named} set their number of columns ([gallery columns="3"], a '
        "gallery block's Columns): not kept, the theme lays every gallery's photos out to fit "
        "the screen; nothing to do"
    )


def _numbers(numbers: list[int]) -> str:
    """[2, 3, 5] as '2, 3 and 5'."""
    words = [str(n) for n in numbers]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _gallery(
    attrs: dict[str, str],
    item: Item,
    slug: str,
    export: Export,
    pictures: Pictures,
    layout: Layout,
    plan: Plan,
    path: str,
    draft: bool,
    number: int = 1,
    beside: list[convert.Beside] | None = None,
) -> str | None:
    """A [gallery] shortcode or a Gutenberg gallery block as a gallery folder of its own: its
    slug; without a photo found, None for a block (its pictures stay in the text, as
    pictures) and "" for a shortcode (left out); either way one note says so.

    The gallery of an item that is not published (a draft, a pending, scheduled, private or
    password-protected post) is a draft gallery too: a publish build publishes nothing of it.
    A picture no gallery can show (a GIF) goes in ``beside`` (address, attachment id, alt
    text), for the text to show where the gallery is, with one line saying so.
    """
    block = attrs.get("block") == "gallery"
    ids = [i.strip() for i in attrs.get("ids", attrs.get("include", "")).split(",") if i.strip()]
    attachments = _gallery_attachments(attrs, item, export)
    for i in ids:
        if i not in export.attachments:
            plan.problems.append(
                f"{item.title!r}: the gallery names attachment {i}, which is not in the export"
            )
    name = slug
    n = 2
    while any(p.startswith(f"{layout.galleries}/{name}/") for p in plan.files):
        name, n = f"{slug}-{n}", n + 1
    lines = []
    missing = []
    # the gallery's file names: one folder, where two uploads of one name (2012/06/x.jpg and
    # 2013/09/x.jpg, two pictures) must not become one; the same picture twice is shown once
    taken: dict[str, Path] = {}
    apart: list[convert.Beside] = []
    for attachment in attachments:
        source = pictures.find(attachment.url)
        if source is None:
            missing.append(attachment.url)
            continue
        if source.suffix.lower() not in PHOTO_EXTENSIONS:
            caption = attrs.get(f"caption-{attachment.id}") or attachment.caption
            apart.append(
                (attachment.url, attachment.id, attrs.get(f"alt-{attachment.id}", ""), caption)
            )
            continue
        file_name, n = source.name, 2
        while taken.get(file_name, source) != source:
            file_name, n = f"{source.stem}-{n}{source.suffix}", n + 1
        if file_name in taken:
            continue
        taken[file_name] = source
        target = f"{layout.galleries}/{name}/{file_name}"
        pictures.copies.setdefault(target, Copy(source, target))
        # as a Gutenberg block shows it, else as the export describes the attachment
        caption = attrs.get(f"caption-{attachment.id}") or attachment.caption
        caption = one_line(convert.summary_text(caption)).replace("|", "/")
        alt = one_line(attrs.get(f"alt-{attachment.id}") or attachment.alt).replace("|", "/")
        lines.append(f"Photo: {file_name} | {caption} | {alt}".rstrip(" |"))
        if not caption and not alt:
            plan.no_alt.append((f"{layout.galleries}/{name}/gallery.md", file_name))
    which = f"{path}: {'gallery' if block else '[gallery]'} {number} of the post"
    names = ", ".join(posixpath.basename(urlsplit(url).path) for url, *_ in apart)
    only = "a gallery shows JPEG, PNG, WebP, AVIF, TIFF or HEIC only"
    if apart and (lines or not block):  # a block not made keeps its pictures in the text
        if beside is not None:
            beside.extend(apart)
        plan.problems.append(
            f"{which}: {names} {'is' if len(apart) == 1 else 'are'} shown in the post's text "
            + (f"after the gallery, as a picture ({only})" if lines else
               f"as a picture, where the gallery was: {only}, so the gallery is left out")
        )  # fmt: skip
        if not lines and not missing:
            return ""
    if lines and missing:
        plan.missing.extend((f"{item.title!r} (gallery)", url) for url in missing)
        plan.problems.append(
            f"{which} is made without {len(missing)} of its {len(attachments)} pictures, not "
            "found under --uploads (listed above): copy them there and import again"
        )
    if not lines:
        if block:  # the converter writes its pictures in the text, and lists the missing ones
            plan.problems.append(
                f"{which} is not made: "
                + (f"none of its {len(missing)} pictures is under --uploads; they stay in the "
                   "text as pictures (listed above) until you copy them there and import again"
                   if missing else f"{only} ({names}); they stay in the text as pictures"
                   if apart else "the export lists none of its pictures; they stay in the "
                   "text as pictures")
            )  # fmt: skip
            return None
        plan.missing.extend((f"{item.title!r} (gallery, left out)", url) for url in missing)
        plan.problems.append(
            f"{which} is left out: "
            + (f"none of its {len(missing)} pictures is under --uploads (listed above): copy "
               "them there and import again" if missing else "the export lists no picture for it")
        )  # fmt: skip
        return ""
    head = [("Title", one_line(item.title)), ("Date", _when(item.date))]
    if draft:
        head.append(("Status", "draft"))
        plan.problems.append(
            f"{path}: its gallery {layout.galleries}/{name}/ is written as a draft (Status: "
            "draft in its gallery.md), like the post: remove that line there too when you "
            "publish the post"
        )
    plan.files[f"{layout.galleries}/{name}/gallery.md"] = (
        _front_matter(head) + "\n".join(lines) + "\n"
    )
    plan.counts["galleries"] += 1
    return name
