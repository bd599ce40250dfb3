"""Links between pieces of content (``{filename}``, ``{static}``, ``{attach}``) checked before
they are published: a missing file or a post nobody can read yet is named, with the file.

Pure logic: the caller says what each target path is (see ``Target``); Pelican resolves the
links itself, the same way (``Content._link_replacer``), once every file is known.
"""

import difflib
import functools
import ipaddress
import posixpath
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape, unescape
from urllib.parse import unquote, urlparse, urlsplit

from plugins.engine import keysyntax

# Pelican's own pattern around INTRASITE_LINK_REGEX, so that exactly the links Pelican would
# resolve are checked: one pattern for every plugin (fastbuild keys {attach} links with it)
from plugins.engine.intrasite import TAG_START
from plugins.engine.intrasite import link_pattern as link_pattern

from . import repeats

# most pages have no such link: a cheap look first (for Pelican's default delimiters)
_DEFAULT_START = "[{|](?P<what>"
_QUICK = re.compile(r"=\s*[\"'][{|]")

MISSING = "missing"  # no such source file
UNPUBLISHED = "unpublished"  # a file in the content folder that nothing publishes
FAILED = "failed"  # a source file that was not built (its own error says why)
DRAFT = "draft"
FUTURE = "future"  # a post Pelican keeps as a draft until its date
OUTSIDE = "outside"  # out of the content folder ({static}/../notes.md): never published
GALLERY = "gallery"  # a photo of a gallery readers may not see yet (a draft, dated later)
PUBLISHED = "published"

LINKED_KINDS = {"filename", "static", "attach"}
# {tag}name, {category}name, {author}name: Pelican makes the address from the name alone
TAXONOMY_KINDS = {"tag": "tag", "category": "category", "author": "author"}
# the names the site's readers read posts and pages by (Pelican's, and Jekyll's .mkdn, .mkdown)
SOURCE_EXTENSIONS = ("md", "markdown", "mkd", "mdown", "mkdn", "mkdown", "rst")
_SOURCE_ENDING = "|".join(SOURCE_EXTENSIONS)
# a link to a source file by its own name ([our hiring](how-we-hire.md)): published as written
_SOURCE_HREF = re.compile(
    rf"""href\s*=\s*["'](?P<path>[^"'{{|:#?\s][^"':#?]*\.(?:{_SOURCE_ENDING}))"""
    r"""(?:[#?][^"']*)?["']""",
    re.I,
)


@dataclass(frozen=True)
class Target:
    """What a link points at: its path under the content folder and its state."""

    path: str
    state: str
    date: str = ""  # a future post's date, as the writer wrote it
    why: str = ""  # GALLERY: the gallery's slug and why it is not out (a draft (...), dated ...)


@functools.lru_cache(maxsize=8)
def _in_markup(source: str) -> re.Pattern:
    """Pelican's pattern (``source``) without the start of its tag: each link of the tag
    before the one it takes (``<video src="{static}/a.mp4" poster="{static}/a.jpg">``: the
    ``src``), which Pelican leaves as written."""
    return re.compile(source.replace(TAG_START, "", 1), re.X)


def _every_link(html: str, pattern: re.Pattern) -> list[re.Match[str]]:
    """Each match of Pelican's ``pattern``, and before it those of the links of its tag
    Pelican passes over, in the order written."""
    if not html or (_DEFAULT_START in pattern.pattern and not _QUICK.search(html)):
        return []
    inner = _in_markup(pattern.pattern)
    found = []
    for m in pattern.finditer(html):
        found += inner.finditer(m.group("markup"))
        found.append(m)
    return found


def intrasite_links(
    html: str, pattern: re.Pattern, kinds: Collection[str] | None = LINKED_KINDS
) -> list[tuple[str, str, str]]:
    """Every link of these kinds Pelican resolves (``{filename}``, ``{static}``, ``{attach}``
    by default; ``TAXONOMY_KINDS`` too; None: any word between the braces, ``{statc}`` too),
    and those this engine resolves before it in the same tag (``resolved_earlier``): (as
    written, kind, value as written)."""
    return [
        (m.group("path"), m.group("what"), m.group("value"))
        for m in _every_link(html, pattern)
        if kinds is None or m.group("what") in kinds
    ]


def passed_over(html: str, pattern: re.Pattern) -> list[tuple[str, str, str]]:
    """The links of a tag before the one Pelican's ``pattern`` takes, which Pelican neither
    resolves nor copies the files of: (as written, kind, value as written)."""
    if not html or (_DEFAULT_START in pattern.pattern and not _QUICK.search(html)):
        return []
    inner = _in_markup(pattern.pattern)
    return [
        (e.group("path"), e.group("what"), e.group("value"))
        for m in pattern.finditer(html)
        for e in inner.finditer(m.group("markup"))
    ]


def _addressed(kind: str, value: str, address: Callable[[str, str], str | None]) -> str | None:
    """``value`` (its path, then any query and fragment) with its path made the address
    ``address(kind, path)`` gives, as Pelican keeps a link's query and fragment; None when
    it gives none."""
    cut = min((i for i in (value.find("?"), value.find("#")) if i >= 0), default=len(value))
    found = address(kind, value[:cut])
    return found + value[cut:] if found else None


def resolved_earlier(
    html: str, pattern: re.Pattern, address: Callable[[str, str], str | None]
) -> str:
    """``html`` with each link Pelican's ``pattern`` passes over (every one of a tag but the
    last: its ``[^>]+`` is greedy) made the address ``address(kind, path)`` gives, so that
    Pelican's own replacement, which takes the last, leaves none as written; one it gives
    None for stays as written (the link check names it)."""
    if not html or (_DEFAULT_START in pattern.pattern and not _QUICK.search(html)):
        return html
    inner = _in_markup(pattern.pattern)

    def link(m: re.Match[str]) -> str:
        found = _addressed(m.group("what"), m.group("value"), address)
        if found is None:
            return m.group(0)
        return f"{m.group('markup')}{m.group('quote')}{found}{m.group('quote')}"

    def tag(m: re.Match[str]) -> str:
        markup = m.group("markup")
        if not inner.search(markup):  # one link in the tag: Pelican's alone
            return m.group(0)
        return inner.sub(link, markup) + m.group(0)[len(markup) :]

    return pattern.sub(tag, html)


def as_static(html: str, pattern: re.Pattern, written: Collection[str]) -> str:
    """``html`` with each ``{attach}`` link written as one of ``written`` made a ``{static}``
    link to the same file (Pelican finds both the same way), the rest of it as it was."""

    inner = _in_markup(pattern.pattern)

    def relink(m: re.Match[str]) -> str:
        if m.group("what") != "attach" or m.group("path") not in written:
            return m.group(0)
        start, end = m.start("what") - m.start(0), m.end("what") - m.start(0)
        return m.group(0)[:start] + "static" + m.group(0)[end:]

    def tag(m: re.Match[str]) -> str:  # the links Pelican passes over too (passed_over)
        markup = m.group("markup")
        return inner.sub(relink, markup) + relink(m)[len(markup) :]

    return pattern.sub(tag, html)


def spaces_dropped(name: str, names: Iterable[str]) -> str | None:
    """The file among ``names`` (its folder's) that a link's last part ``name`` stood for
    before reStructuredText took the spaces out of the address (``annualreport.pdf``:
    ``annual report.pdf``), if one is."""
    found = [n for n in names if n != name and "".join(n.split()) == name]
    return found[0] if len(found) == 1 else None


def spaces_dropped_problem(link: str, kind: str, value: str, name: str) -> str:
    """A reStructuredText link to a file whose name holds a space, written with the space."""
    head, _, _ = value.rpartition("/")
    fixed = f"{head}/{name}" if head or value.startswith("/") else name
    return (
        f"the link {link} points at no file: reStructuredText takes the spaces out of a link's "
        f"address, and the file is named {name!r}; write each space as %20: "
        f"<{{{kind}}}{fixed.replace(' ', '%20')}>"
    )


# every word Pelican resolves between the braces (Content._link_replacer)
PELICAN_KINDS = ("filename", "static", "attach", "index", "tag", "category", "author")


# the photos plugin of pelican-plugins: {photo}album/x.jpg (a resized photo of an album of its
# PHOTO_LIBRARY), {lightbox}album/x.jpg (the same, opened in a lightbox)
PHOTOS_PLUGIN_KINDS = ("photo", "lightbox")
_PHOTOS_PLUGIN_LINK = re.compile(r"^\s*(?:\{(\w+)\}|\|(\w+)\|)(.*)$", re.S)


def photos_plugin_path(value: object) -> str | None:
    """The photo a value in the photos plugin's syntax names (``{photo}album/x.jpg``, its
    ``|photo|`` and ``{lightbox}`` too): ``album/x.jpg`` ("" when it names none); None for
    any other value."""
    match = _PHOTOS_PLUGIN_LINK.match(value) if isinstance(value, str) else None
    if match is None or (match.group(1) or match.group(2)).lower() not in PHOTOS_PLUGIN_KINDS:
        return None
    return match.group(3).strip().lstrip("/")


def unknown_kind_problem(
    link: str, kind: str, galleries: str = "galleries", page: str | None = None
) -> str | None:
    """A ``{statc}`` link: Pelican leaves it as written (a 404), with a line naming no file.
    ``galleries``: the galleries' folder in the content folder (GALLERY_PATH); ``page``: the
    address of the site's page of that name (``{archives}``: /archives/), if it has one."""
    if kind in PELICAN_KINDS:
        return None
    if kind.lower() in PHOTOS_PLUGIN_KINDS:
        album, _, name = link[len(kind) + 2 :].lstrip("/").rpartition("/")
        return (
            f"the link {link} is the photos plugin's syntax, which this site does not have: it "
            f"is published as written; a gallery's photo is written {{static}}/{galleries}/"
            f"{album or '<gallery>'}/{name}, and {{gallery}}{album or '<gallery>'} on a line "
            "of its own shows the whole gallery, each photo opening large"
        )
    close = difflib.get_close_matches(kind.lower(), PELICAN_KINDS, n=1, cutoff=0.6)
    if page:
        hint = f"for the {kind} page, link to {page}"
    elif close:
        hint = f"did you mean {{{close[0]}}}?"
    else:
        hint = "use {filename}, {static} or {attach}"
    return (
        f"the link {link} starts with {{{kind}}}, which Pelican does not resolve: it is "
        f"published as written ({hint})"
    )


def static_by_filename_problem(link: str, value: str, shown: str) -> str:
    """A ``{filename}`` link to a static file (``shown``: its path as staff know it): Pelican
    links it all the same, with a line of its own that names no line."""
    return (
        f"the link {link} points at {shown}, a static file: write {{static}}{value} "
        "({filename} is for posts and pages; the link works either way)"
    )


# a name to show after a {tag}, {category} or {author} link that has none; what its list is
NAMED_BY = {"tag": "python", "category": "Engineering", "author": "Ada Byrne"}
LIST_OF = {"tag": "every tag", "category": "every category", "author": "everyone who writes"}


def no_name_problem(link: str, kind: str, listing: str | None = None) -> str:
    """A ``{tag}`` link with no name after it: Pelican makes an address of no name (and says
    so naming no file). ``listing``: the address of the site's list of that kind, if any."""
    also = f" (for the list of {LIST_OF[kind]}, link to {listing})" if listing else ""
    return (
        f"the link {link} names no {kind}: write the {kind}'s name after it, as "
        f"{{{kind}}}{NAMED_BY[kind]}{also}"
    )


def taxonomy_name(value: str) -> str:
    """The name a ``{tag}``/``{category}``/``{author}`` link gives, as Pelican reads it."""
    return unescape(unquote(value))


def taxonomy_problem(link: str, kind: str, slug: str, known: dict[str, str]) -> str | None:
    """A ``{tag}``/``{category}``/``{author}`` link to a name no published post has
    (``known``: slug -> name of that kind): Pelican links it anyway, to a page never written."""
    if slug in known:
        return None
    close = difflib.get_close_matches(slug, list(known), n=1, cutoff=0.6)
    hint = f"; did you mean {{{kind}}}{known[close[0]]}?" if close else ""
    whose = (
        "no one by that name writes here"
        if kind == "author"
        else f"no published post has that {kind}"
    )
    return f"the link {link} points at a page that is not written: {whose}{hint}"


# {filename} with its braces percent-encoded, as Pandoc writes a link's address
# (%7Bfilename%7D/images/x.png): Pelican's pattern looks for the braces, so it is published as
# written, a relative link to nothing
_ENCODED = re.compile(r"%7B(?P<what>filename|static|attach)%7D", re.IGNORECASE)
_ENCODED_HREF = re.compile(
    r"""(?:href|src)\s*=\s*["'](?P<link>%7B(?:filename|static|attach)%7D[^"']*)["']""",
    re.IGNORECASE,
)


def encoded_links(html: str) -> list[tuple[str, str, str]]:
    """Links written ``%7Bfilename%7D/x.png`` (Pandoc's way with ``{filename}/x.png``), which
    Pelican publishes as written: (as written, kind, value as written)."""
    if not html or "%7" not in html.upper():
        return []
    found = dict.fromkeys(m.group("link") for m in _ENCODED_HREF.finditer(html))
    return [(link, *_encoded_kind(link)) for link in found]


def _encoded_kind(link: str) -> tuple[str, str]:
    """(kind, value) of an encoded link: ``filename`` and ``/x.png``."""
    match = _ENCODED.match(link)
    return (match.group("what").lower(), link[match.end() :]) if match else ("", link)


def is_encoded(url: str) -> bool:
    """Whether a link is ``{filename}`` (or {static}, {attach}) with its braces encoded."""
    return _ENCODED.match(url.strip()) is not None


def encoded_problem(link: str, still: str | None) -> str:
    """What to write for a link with its braces encoded; ``still``: what ``problem`` says of
    the link as it should be written (a file that is not there), None when nothing."""
    kind, value = _encoded_kind(link)
    meant = f"{{{kind}}}{value}"
    said = (
        f"the link {link} is {meant} with its braces written %7B and %7D (as Pandoc writes "
        "them), which Pelican does not read: it is published as written and leads nowhere"
    )
    lead = f"the link {meant} "
    if still and still.startswith(lead):
        return f"{said}; as {meant}, the link {still[len(lead) :]}"
    return f"{said}; write {meant}"


def source_file_links(html: str) -> list[str]:
    """Links to a post's or page's source file by its name (``how-we-hire.md``): the build
    publishes no such file, and Pelican leaves the link as written."""
    if not html or "href" not in html:
        return []
    # nearly every page names no such file: a scan of the whole page by the pattern, which
    # has no fixed start to look for, takes longer than reading the post did
    lowered = html.lower()
    if not any(f".{ending}" in lowered for ending in SOURCE_EXTENSIONS):
        return []
    found = (m.group("path") for m in _SOURCE_HREF.finditer(html))
    # %7Bfilename%7Dx.rst is a {filename} link, said as one (encoded_links)
    return list(dict.fromkeys(path for path in found if not is_encoded(path)))


def source_file_problem(link: str, found: bool = True, path: str = "") -> str:
    """What to write instead of a link to a source file by its name (``found``: the content
    folder has that post or page, at ``path`` within it when given)."""
    if not found:
        return (
            f"the link {link} names a source file, and the content folder has no post or page "
            "of that name: link to one as {filename} and its path, or to another site with "
            "its https:// address"
        )
    if path:
        return (
            f"the link {link} points at a source file, which is not published: link to the "
            f"post or page as {_as_filename(link, path)}"
        )
    return (
        f"the link {link} points at a source file, which is not published: link to the post "
        f"or page as {{filename}}{link} (its path in the content folder, or from this file)"
    )


def srcset_candidates(srcset: str) -> list[tuple[str, str]]:
    """Each candidate of a ``srcset`` as (URL, descriptors), parsed as browsers do (the HTML
    standard's algorithm): a URL runs to the next white space, so the comma of a ``data:``
    URI is part of it (``data:image/gif;base64,R0lG… 1x``); commas after a URL end its
    candidate; descriptors run to a comma outside brackets."""
    found = []
    position, end = 0, len(srcset)
    while position < end:
        while position < end and (srcset[position].isspace() or srcset[position] == ","):
            position += 1
        start = position
        while position < end and not srcset[position].isspace():
            position += 1
        url = srcset[start:position]
        if not url:
            break
        if url.endswith(","):
            found.append((url.rstrip(","), ""))
            continue
        start, in_brackets = position, False
        while position < end and (srcset[position] != "," or in_brackets):
            if srcset[position] in "()":
                in_brackets = srcset[position] == "("
            position += 1
        found.append((url, srcset[start:position].strip()))
    return found


# a srcset attribute (<source srcset>, <img srcset>): Pelican's pattern leaves it out, so a
# {static} candidate in it is resolved here, in the same way as Pelican's pattern reads tags
_SRCSET = re.compile(
    r"""(?P<markup><[^>]+?\ssrcset\s*=\s*)(?P<quote>["'])(?P<value>.*?)(?P=quote)"""
)


def srcset_links(html: str, intrasite_regex: str) -> list[tuple[str, str, str]]:
    """Each intrasite link that is a candidate of a ``srcset`` (``{static}/images/x.webp``),
    which Pelican does not resolve: (as written, kind, value), as ``intrasite_links``."""
    if "srcset" not in html:
        return []
    link = re.compile(rf"{intrasite_regex}(?P<value>.*)", re.S)
    return [
        (url, m.group("what"), m.group("value"))
        for attribute in _SRCSET.finditer(html)
        for url, _ in srcset_candidates(attribute.group("value"))
        if (m := link.fullmatch(url))
    ]


def resolved_srcsets(
    html: str, intrasite_regex: str, address: Callable[[str, str], str | None]
) -> str:
    """``html`` with each intrasite candidate of a ``srcset`` made the address
    ``address(kind, path)`` gives for it (its query and fragment kept); one it gives None
    for stays as written (the link check names it)."""
    if "srcset" not in html:
        return html
    link = re.compile(rf"{intrasite_regex}(?P<value>.*)", re.S)

    def candidate(url: str, descriptors: str) -> str:
        m = link.fullmatch(url)
        found = _addressed(m.group("what"), m.group("value"), address) if m else None
        return f"{found or url} {descriptors}".strip()

    def attribute(m: re.Match[str]) -> str:
        value = ", ".join(candidate(*c) for c in srcset_candidates(m.group("value")))
        return f"{m.group('markup')}{m.group('quote')}{value}{m.group('quote')}"

    return _SRCSET.sub(attribute, html)


def candidate_paths(value: str, relative_dir: str) -> list[str]:
    """The content paths Pelican tries for a link's value, in its order.

    A path starting with ``/`` is relative to the content folder, any other to the folder of
    the file that links; the path is also tried unquoted and with HTML entities decoded.
    """
    found = []
    for path in (
        urlparse(value).path,
        unquote(urlparse(value).path),
        urlparse(unescape(value)).path,
    ):
        path = path[1:] if path.startswith("/") else posixpath.join(relative_dir, path)
        path = posixpath.normpath(path) if path else path
        if path not in found:
            found.append(path)
    return found


def stored_otherwise(path: str, known: Collection[str]) -> str | None:
    """The path of ``known`` that is ``path`` with its accents stored otherwise (é as one
    character, NFC, or as e and a combining accent, NFD: macOS writes some names so), None
    when there is none: to a writer the two are the same name."""
    if path.isascii():
        return None
    nfc = unicodedata.normalize("NFC", path)
    return next(
        (other for other in known if other != path and unicodedata.normalize("NFC", other) == nfc),
        None,
    )


def _path_written(link: str) -> str:
    """A link's path as written, without its {static}-like (or |static|) start."""
    return re.sub(r"^(\{\w+\}|\|\w+\|)", "", link)


def problem(
    link: str,
    target: Target,
    content_dir: str,
    known: Collection[str] = (),
    kind: str = "filename",
    written: Mapping[str, str] | None = None,
) -> str | None:
    """What is wrong with one link, as the end of a log line; None when nothing is.

    ``content_dir`` is the content folder as staff know it (``content``); ``known`` lists
    the content paths a missing target might have been meant to be (for a ``{static}`` or
    ``{attach}`` link, the static files; else the posts and pages), ``kind`` the link's;
    ``written``, each post's and page's path as "post" or "page": a ``{static}`` link to
    one's source file (an old site's ``|static|/x.rst``) is told to be a ``{filename}`` link.
    """
    shown = f"{content_dir}/{target.path}"
    if target.state == PUBLISHED:
        return None
    what = (written or {}).get(target.path) if kind != "filename" else None
    if target.state == MISSING and what:
        return (
            f"the link {link} points at {shown}, which is a {what}, not a file published as it "
            f"is: link it as {{filename}}/{target.path}"
        )
    if target.state == MISSING:
        accents = stored_otherwise(target.path, known)
        if accents:
            apart, together = (
                ("its name", "the link")
                if unicodedata.is_normalized("NFD", accents)
                else ("the link", "its name")
            )
            return (
                f"the link {link} points at {shown}, which does not exist: the file "
                f"{content_dir}/{accents} looks the same, but {apart} stores each accent apart "
                f"from its letter (é as e and an accent, as macOS saves some names) and "
                f"{together} with it, so they do not match; rename the file, best without "
                "accents, and link it by its new name"
            )
        as_cased = {path.lower(): path for path in known}.get(target.path.lower())
        close = [as_cased] if as_cased else difflib.get_close_matches(target.path, known, 1, 0.75)
        case = " (capitals count: the file's name is written so)" if as_cased else ""
        start = "{filename}" if kind == "filename" else "{static}"
        cut = close[0][len(target.path) :][:1] if close and close[0].startswith(target.path) else ""
        if cut in ("#", "?"):  # the link was read up to its # or ?: writing it again is no help
            return (
                f"the link {link} points at {shown}, which does not exist: in a link, "
                f"{'# starts a fragment' if cut == '#' else '? starts a query'}, so the path "
                f"stops before it; write {'%23' if cut == '#' else '%3F'} for it ({start}/"
                f"{close[0].replace('#', '%23').replace('?', '%3F')}) or rename the file "
                "without # and ?"
            )
        hint = (
            f"did you mean {start}/{close[0]}?{case}"
            if close
            else f"a path starting with / is relative to {content_dir}/"
            if _path_written(link).startswith("/")
            else "a path that does not start with / is relative to the folder of the file "
            "that links"
        )
        return f"the link {link} points at {shown}, which does not exist ({hint})"
    if target.state == OUTSIDE:
        return (
            f"the link {link} points at {shown}, outside the content folder: nothing there is "
            f"published; move the file into {content_dir}/extra/ and link it as "
            f"{{static}}/extra/{posixpath.basename(target.path)}"
        )
    if target.state == FAILED:
        return f"the link {link} points at {shown}, which was not built (see its own error)"
    if target.state == UNPUBLISHED:
        folder = target.path.split("/", 1)[0] if "/" in target.path else ""
        add = f'add "{folder}" to STATIC_PATHS in pelicanconf.py, or ' if folder else ""
        return (
            f"the link {link} points at {shown}, which is there but not published (it is in "
            f"no static folder): {add}link it with {{static}}/{target.path}"
        )
    if target.state == GALLERY:
        return (
            f"the link {link} points at {shown}, a photo of the gallery {target.why}: "
            "published pages cannot link to it (publish the gallery first, or remove the link)"
        )
    if target.state == FUTURE:
        return (
            f"the link {link} points at {shown}, dated {target.date}: it is not published "
            "until then (link to it once it is out, or date it earlier)"
        )
    return (
        f"the link {link} points at {shown}, a draft: published pages cannot link to it "
        "(publish it first, or remove the link)"
    )


# --- Links starting with "/" (site-absolute): checked against the files the build wrote -----

HINT = (
    "link to this site's posts and files as {filename}/posts/x.md or {static}/images/x.png, "
    "their paths in the content folder: checked, and right wherever the site is published"
)
# a relative link in a text shown on several pages: how its line starts
MANY_PAGES = "the link {url} is relative, and this text is shown on more than one page"
# HINT past the first line of a build that says it: a blog's build said it 17 times alike
HINT_AGAIN = "link with {filename} or {static}, as said above"


def hint_once(message: str, said: bool) -> str:
    """``message`` with HINT shortened to HINT_AGAIN when a line of this build ``said`` it
    already: each line names its file, line and link; the advice is read once."""
    return message.replace(HINT, HINT_AGAIN) if said else message


def output_candidates(path: str) -> list[str]:
    """The files of the output folder a URL path (without the site's own folder) is served
    from: ``/posts/x/`` from posts/x/index.html, ``/a.png`` from a.png (or a/index.html)."""
    relative = path.lstrip("/")
    if not relative:
        return ["index.html"]
    if relative.endswith("/"):
        return [f"{relative}index.html"]
    return [relative, f"{relative}/index.html"]


def site_path(siteurl: str) -> str:
    """The folder a site is published under: '/blog' for https://example.org/blog/, else ''."""
    return urlparse(siteurl or "").path.rstrip("/")


def site_absolute_problem(
    url: str,
    published_under: str,
    exists: Callable[[str], bool],
    written: Sequence[str] = (),
    content_file: Callable[[str], str | None] = lambda path: None,
    sources: Mapping[str, str] = {},
) -> tuple[bool, str] | None:
    """What is wrong with a link starting with "/" (``/images/x.png``); None when nothing is.

    ``published_under``: ``site_path(SITEURL)``; ``exists(relpath)``: whether the build
    wrote that file of the output folder; ``written``: the URL paths of what it wrote, for a
    "did you mean"; ``content_file(path)``: the content folder's file at that URL path, if
    there is one (named as messages name files). Returns (certain, the end
    of a log line): certain when the link names one of the site's own files but leaves the
    folder the site is published under (it works in ``make serve``, at the root, and breaks
    once published), or names a file of the content folder at its own path that nothing
    publishes (``content_file``: the writer meant that file). Any other link to nothing the
    site has may point at another part of the same host, so it is not certain. ``sources``:
    each post's and page's source with its slug, for a link to the old site's address of one.
    """
    path = unquote(urlparse(unescape(url)).path)
    if published_under:
        if path == published_under or path.startswith(published_under + "/"):
            inside = path[len(published_under) :]
            if any(map(exists, output_candidates(inside))):
                return None
            meant = content_file(inside) is not None
            return meant, _nothing_there(
                url, inside, published_under, written, content_file, sources
            )
        if any(map(exists, output_candidates(path))):
            return True, (
                f"the link {url} leaves the site, which is published under "
                f"{published_under}/: it breaks there, though it works in make serve ({HINT})"
            )
        return None  # elsewhere on the same host: not ours to check
    if any(map(exists, output_candidates(path))):
        return None
    meant = content_file(path) is not None
    return meant, _nothing_there(url, path, "", written, content_file, sources)


# --- Addresses that work only on the writer's own computer ----------------------------------

# the folders of a computer's own disk a picture is taken from: macOS's and Linux's home
# folders (/Users/jane/, /home/jane/), macOS's other disks, Windows' disks seen from WSL
_ON_DISK = re.compile(r"/(?:(?:Users|home)/[^/]+/|Volumes/|mnt/[a-z]/)", re.I)
_DRIVE = re.compile(r"[a-z]:[\\/]", re.I)  # C:\Users\... or C:/Users/...
PICTURES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".heic", ".tif", ".tiff")


def preview_host(url: str) -> bool:
    """Whether ``url`` is an http(s) address of the computer it is opened on (localhost,
    127.0.0.1, 0.0.0.0, [::1]): copied from ``make serve``, it leads each reader to their
    own computer."""
    parts = urlsplit(unescape(url).strip())
    if parts.scheme.lower() not in ("http", "https"):
        return False
    host = unquote(parts.netloc).rpartition("@")[2]  # [::1] may come as %5B::1%5D
    host = host[1:].partition("]")[0] if host.startswith("[") else host.partition(":")[0]
    host = host.lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)  # ::ffff:127.0.0.1
    return any(a.is_loopback or a.is_unspecified for a in (address, mapped) if a is not None)


def on_own_disk(url: str) -> bool:
    """Whether ``url`` names a file on the writer's own disk: a file: URL, a Windows path
    (C:\\Users\\...), a path into a home folder (/Users/jane/..., /home/jane/...)."""
    written = unescape(url).strip()
    if written.lower().startswith("file:") or _DRIVE.match(written):
        return True
    return bool(_ON_DISK.match(written.replace("\\", "/"))) or written.startswith("~/")


def own_computer(url: str) -> bool:
    """Whether ``url`` works only on the computer of the one who wrote it (the preview
    server, a file on its disk): checked by ``local_problem`` with the site's own links."""
    return preview_host(url) or on_own_disk(url)


def draft_prefixes(patterns: Iterable[str]) -> tuple[str, ...]:
    """The folders drafts are written under, from the DRAFT_*URL settings (``drafts/posts/
    {slug}/``: ``drafts/posts/``); Pelican's own ``drafts/`` always (a publish build's
    settings empty them)."""
    found = {"drafts/"}
    for pattern in patterns:
        head = str(pattern or "").split("{", 1)[0].lstrip("/")
        if "/" in head:
            found.add(head.rsplit("/", 1)[0] + "/")
    return tuple(sorted(found))


def _in_drafts(path: str, drafts: Sequence[str]) -> bool:
    return any(path.lstrip("/").startswith(prefix) for prefix in drafts)


def own_computer_problem(
    url: str,
    published_under: str,
    exists: Callable[[str], bool],
    draft_source: Callable[[str], str | None] = lambda path: None,
    drafts: Sequence[str] = ("drafts/",),
) -> str | None:
    """The line's end for a link that works only on the writer's computer (``own_computer``),
    or None for any other. ``draft_source(path)``: the draft's source file, within the
    content folder, that a draft's address is of."""
    written = unescape(url).strip()
    name = posixpath.basename(urlparse(written.replace("\\", "/")).path)
    picture = name.lower().endswith(PICTURES)
    what = f"the {'picture' if picture else 'link'} {url}"
    if preview_host(url):
        path = unquote(urlsplit(written).path) or "/"
        lead = (
            f"{what} is an address on your own computer (the preview server of make serve), "
            "which readers cannot open"
        )
        if _in_drafts(path, drafts):
            return f"{lead}, and a draft's; {_draft_hint(path, draft_source)}"
        if any(map(exists, output_candidates(path))):
            return f"{lead}: write {published_under}{path} instead"
        return f"{lead} ({HINT})"
    if on_own_disk(url):
        path = unquote(urlparse(written).path)
        if written.startswith("/") and any(map(exists, output_candidates(path))):
            return None  # the site publishes a page there (/home/...)
        folder = "images" if picture else "extra"
        return (
            f"{what} is a file on your computer, which readers cannot open: put it in "
            f"content/{folder}/ and write {{static}}/{folder}/{name or 'x.png'}"
        )
    return None


def draft_problem(
    url: str,
    published_under: str,
    drafts: Sequence[str],
    draft_source: Callable[[str], str | None] = lambda path: None,
) -> str | None:
    """The line's end for a link to one of the site's drafts' addresses
    (``/drafts/posts/x/``), which a publish build never writes; None for any other link."""
    path = site_target(url, "", published_under) if url.startswith("/") else None
    if path is None or not _in_drafts(path, drafts):
        return None
    return (
        f"the link {url} is a draft's address, which is never published (only make serve "
        f"and make build write drafts); {_draft_hint(path, draft_source)}"
    )


def computer_or_draft_problem(
    url: str,
    published_under: str,
    exists: Callable[[str], bool],
    drafts: Sequence[str] = (),
    draft_source: Callable[[str], str | None] = lambda path: None,
) -> str | None:
    """The line's end for a link that works only on the writer's computer (``own_computer``)
    or only in a development build (a draft's address, under one of ``drafts``: none for a
    draft's own links, which wait with it); None for any other (``local_problem``'s).
    ``draft_source(path)``: the draft's file, within the content folder, an address is of."""
    return own_computer_problem(
        url, published_under, exists, draft_source, drafts or ("drafts/",)
    ) or (draft_problem(url, published_under, drafts, draft_source) if drafts else None)


def _draft_hint(path: str, draft_source: Callable[[str], str | None]) -> str:
    """What to write for a link to a draft's address: its {filename} link, checked, which
    Pelican resolves once the post is out."""
    source = draft_source(path)
    return (
        f"link to the post with {{filename}}/{source or 'posts/x.md'}"
        f"{'' if source else ' (its path in the content folder)'}: checked, and right once "
        "it is published"
    )


def shown_to_readers(url: str, page: str, siteurl: str, published: Callable[[str], bool]) -> bool:
    """Whether a picture at ``url``, shown on the page at ``page`` (``posts/x/``), loads for
    readers, as a post's social card must: another site's http(s) address (not the writer's
    own computer's), or a file this site publishes (``published(path)``, its path within
    the site's folder: ``images/x.png``)."""
    site = urlsplit(siteurl or "")
    url = unescape(url or "").strip()
    if url.startswith("//"):  # another host, by the page's own scheme
        url = f"{site.scheme or 'https'}:{url}"
    parts = urlsplit(url)
    if parts.scheme:
        if (parts.scheme.lower(), parts.netloc.lower()) != (site.scheme, site.netloc.lower()):
            return parts.scheme.lower() in ("http", "https") and not preview_host(url)
        url = parts.path  # the site's own address, in full (a development build's)
    target = site_target(url, page, site_path(siteurl))
    return target is not None and published(target)


# --- Relative links (images/x.png, ../about/): resolved against the page that shows them ---

# The endings of the host names people link to without https:// (www.example.org,
# en.wikipedia.org/wiki/X): the generic ones and the commonest countries', leaving out those
# that are also a file's (.py, .sh, .pl, .rs, .ai, .in: flaggen.py is a file)
_WEB_ENDINGS = frozenset(
    {"com", "org", "net", "edu", "gov", "int", "io", "dev", "app", "co", "me", "info", "biz"}
    | {"tv", "xyz", "site", "online", "tech", "blog", "news", "cloud", "page", "eu", "uk", "de"}
    | {"fr", "nl", "ch", "se", "no", "fi", "dk", "es", "it", "pt", "cz", "at", "be", "ie", "jp"}
    | {"cn", "kr", "au", "nz", "ca", "us", "br", "mx", "ar", "ru", "ua", "za"}
)
_HOST = re.compile(r"(?P<www>www\.)?(?:[a-z0-9-]+\.)+(?P<top>[a-z]{2,24})(?::\d+)?", re.I)
_SOURCE_PATH = re.compile(rf"\.(?:{_SOURCE_ENDING})$", re.I)  # source_file_problem's


def relative_path(url: str) -> str | None:
    """The path of a relative link (``rack.jpg``, ``img/a b.png``), unquoted; None for a link
    from "/", to another host or scheme, or to a place in the page."""
    url = url.replace("\\", "/")
    parsed = urlparse(unescape(url))
    if parsed.scheme or parsed.netloc or url.startswith("/") or not parsed.path:
        return None
    return unquote(parsed.path)


def beside_message(
    url: str, shown: str, path: str, published: bool, page: str | None = None, kind: str = "post"
) -> str:
    """The line for a relative link to a file beside its post (``shown`` as messages name it,
    ``path`` within the content folder) that does not lead to it from ``page``: when a static
    folder publishes the file at its path (content/images/x.png, linked images/x.png from a
    post at the top of the content folder), a link with {static}; else {attach}, which
    publishes it beside the post's page. ``kind``: "page" for a page's link."""
    if published:
        target = _resolve(page, relative_path(url) or url) if page is not None else None
        where = (
            f"from the {kind}'s page it points at {target}, where nothing is"
            if target
            else "it points at another place from each page that shows the text"
        )
        return (
            f"the link {url} is relative: {where}; {shown} is published at /{path}: "
            f"link it with {{static}}/{path}"
        )
    return (
        f"the link {url} is relative, and {shown} is there beside the {kind}, but nothing "
        f"publishes it (its folder is no static folder): write {{attach}}{url}, which "
        f"publishes it beside {_own_page(kind)}"
    )


def _own_page(kind: str) -> str:
    """Where {attach} publishes a post's or a page's file: beside the page written of it."""
    return "the post's page" if kind == "post" else f"the {kind}"


def beside_folder_message(
    folder: str, files: list[str], example: str, url: str, kind: str = "post"
) -> str:
    """The line for many files of one folder (``folder``, ``files`` as messages name them)
    that relative links from the posts beside them name, and nothing publishes (one line
    for each, ``beside_message``, said 435 lines alike for an adopted blog's pictures);
    ``example``: one such link, ``post: line N: url``; ``kind``: "page" for pages' links."""
    return (
        f"{folder}/: {len(files)} files beside the {kind}s here are linked relatively, and "
        f"nothing publishes them (the folder is no static folder), e.g. {example}: write "
        f"{{attach}} before each such link ({{attach}}{url}), which publishes the file beside "
        f"{_own_page(kind)}"
    )


def gallery_photo_message(url: str, shown: str, slug: str, why: str) -> str:
    """The line for a relative link to a photo of a gallery's folder (``{attach}`` would
    publish its original: a gallery publishes renditions, and a draft gallery nothing)."""
    if why:
        return (
            f"the link {url} is relative, and {shown} is a photo of the gallery {slug!r}, {why}: "
            "published pages cannot link to it (publish the gallery first, or remove the link)"
        )
    return (
        f"the link {url} is relative, and {shown} is a photo of the gallery {slug!r}, which "
        f"publishes its photos as renditions, not as they are: show the gallery with "
        f"{{gallery}}{slug} on a line of its own (each photo opens full size), or link its page"
    )


def named_source(url: str, relative_dir: str, sources: Mapping[str, str]) -> str | None:
    """The post or page (its source within the content folder) that a relative link to
    nothing names: by its path from the folder of the file that links, without its ending
    (``../b/other``: an old site's address of it), else by its old output name
    (``other.html``, ``other/``: its file's name or its slug) when one post or page has it;
    None when none or several do. ``sources``: each post's and page's source, with its slug."""
    return _named_by_path(relative_path(url), relative_dir, sources)


def _named_by_path(path: str | None, relative_dir: str, sources: Mapping[str, str]) -> str | None:
    """``named_source`` for a link's path (from ``relative_dir``, or the content folder's top)."""
    stem = re.sub(r"\.html?$", "", (path or "").rstrip("/"), flags=re.I)
    name = posixpath.basename(stem)
    if not name or name in (".", ".."):
        return None
    base = posixpath.normpath(posixpath.join(relative_dir, stem))
    for ext in SOURCE_EXTENSIONS:
        for candidate in (f"{base}.{ext}", f"{base}/index.{ext}"):
            if candidate in sources:
                return candidate
    same = [source for source, slug in sources.items() if name in (_source_name(source), slug)]
    return same[0] if len(same) == 1 else None


def _named_by_slug(path: str, sources: Mapping[str, str]) -> str | None:
    """The one post or page (its source within the content folder) whose slug is the last
    folder of ``path`` (``/blog/x/``: the post slugged x); None when none or several are."""
    slug = path.rstrip("/").rsplit("/", 1)[-1]
    same = [source for source, known in sources.items() if slug and known == slug]
    return same[0] if len(same) == 1 else None


def _source_name(source: str) -> str:
    """A source's name as an old address gives it: its file's, or its folder's for an index."""
    stem = posixpath.splitext(posixpath.basename(source))[0]
    return posixpath.basename(posixpath.dirname(source)) if stem == "index" else stem


def _as_filename(url: str, source: str) -> str:
    """The {filename} link to ``source`` that ``url`` meant, its #part kept."""
    fragment = url.partition("#")[2]
    return f"{{filename}}/{source}" + (f"#{fragment}" if fragment else "")


def named_source_message(url: str, page: str | None, source: str, shown: str) -> str:
    """The line for a relative link from ``page`` to nothing that names the post or page
    ``source`` (``named_source``; ``shown`` as messages name it): the link to write. ``page``
    None: a text shown on more than one page (a summary, a team bio, a side file)."""
    if page is None:
        where = f"{MANY_PAGES.format(url=url)}: it points at another place from each"
    else:
        target = _resolve(page, relative_path(url) or url)
        where = f"the link {url} is relative: from this page it points at {target}, where "
        where += "nothing is published"
    return f"{where}; it names {shown}: write {_as_filename(url, source)}"


def named_sources_message(folder: str, held: Sequence[tuple[str, str, str, str]]) -> str:
    """The line for many relative links from one folder's files that name posts or pages
    (``held``: (file, "line N: ", link, the source it names) each, in order): how many, one
    for example, and each link's path with the {filename} link to write for it."""
    files = {file for file, *_ in held}
    source, at, url, _ = held[0]
    mapping: dict[str, str] = {}
    for _, _, link, named in held:
        mapping.setdefault(link.partition("#")[0], _as_filename("", named))
    pairs = ", ".join(f"{link} → {write}" for link, write in mapping.items())
    return (
        f"{folder}/: {len(held)} relative links in {len(files)} files name posts or pages by "
        f"their paths or old addresses, where nothing is published (e.g. {source}: {at}{url}); "
        f"write each as {{filename}} and the path in the content folder, its #part kept: "
        f"{pairs}"
    )


def none_named(message: str) -> str:
    """``relative_problem``'s line for a link to nothing, saying briefly that no post or
    page has the name it gives either (``named_source`` found none)."""
    said = " where nothing is published, and no post or page has that name ("
    return message.replace(" where nothing is published (", said, 1)


def local_problem(
    url: str,
    page: str | None,
    published_under: str,
    exists: Callable[[str], bool],
    written: Sequence[str] = (),
    content_file: Callable[[str], str | None] = lambda path: None,
    elsewhere: Sequence[str] = (),
    sources: Mapping[str, str] = {},
) -> tuple[bool, str] | None:
    """What is wrong with a link to one of this site's files, from "/" or relative; None
    when nothing is. ``page``: the URL of the page showing it, from the site's folder
    (``posts/x/``), or None for a text shown on several pages (a summary, a team bio);
    ``elsewhere``: other addresses that show it too (a post's: the feed, the home page)."""
    url = url.replace("\\", "/")  # as browsers read it: \#x is /#x
    if url.startswith("//"):
        return None  # another host
    if "\x00" in unquote(url):  # %00: no file's name holds it, and a log line shows nothing
        return True, f"the link {url} holds %00, a character no address can hold: take it out"
    if url.startswith("/"):
        return site_absolute_problem(url, published_under, exists, written, content_file, sources)
    return relative_problem(url, page, exists, written, content_file, elsewhere)


def site_target(url: str, page: str, published_under: str) -> str | None:
    """The URL path, within the site's folder and without its leading "/", that a link to
    one of the site's files leads to from ``page`` (``/images/x.jpg`` and, from ``posts/x/``,
    ``../../images/x.jpg``: ``images/x.jpg``); None when it leads out of the site's folder,
    or works only on the writer's computer."""
    if own_computer(url):
        return None
    url = url.replace("\\", "/")  # as local_problem reads it
    path = unquote(urlparse(unescape(url)).path)
    if not path or url.startswith("//"):
        return None
    if path.startswith("/"):
        if published_under:
            if not (path == published_under or path.startswith(published_under + "/")):
                return None
            path = path[len(published_under) :]
        target = _resolve("", path.lstrip("/"))
    else:
        target = _resolve(page, path)
    return target.lstrip("/") if target and target != "/" else None


def relative_problem(
    url: str,
    page: str | None,
    exists: Callable[[str], bool],
    written: Sequence[str] = (),
    content_file: Callable[[str], str | None] = lambda path: None,
    elsewhere: Sequence[str] = (),
) -> tuple[bool, str] | None:
    """What is wrong with a relative link (``images/x.png``) on the page at ``page``."""
    path = unquote(urlparse(unescape(url)).path)
    if not path or _SOURCE_PATH.search(path):  # a source file's name has a line of its own
        return None
    if is_encoded(url):  # {filename} encoded: the link check says it as one (encoded_links)
        return None
    target = _resolve(page or "", path)
    if page is not None and target is None:
        return None  # above the site's folder: another part of the host
    if page is not None and any(map(exists, output_candidates(target))):
        # a feed reader resolves it from the feed's address, a listing from its own
        broken = [f"/{other}" for other in elsewhere if not _leads_somewhere(other, path, exists)]
        if not broken:
            return None
        return False, (
            f"the link {url} is relative: it works on this page, but not from "
            f"{' or '.join(broken)}, which show the post's text too (a listing, when the link "
            "is among its first words): link to it with {filename} or {static} and its path "
            "in the content folder"
        )
    host = _HOST.fullmatch(path.split("/", 1)[0])
    if host and (host["www"] or host["top"].lower() in _WEB_ENDINGS):
        return True, repeats.Said(
            f"the link {url} {LACKS_SCHEME}, so it points at a file of this site, "
            f"not at another site (write https://{url})",
            kind=SCHEMELESS,
        )
    if page is None:
        return True, f"{MANY_PAGES.format(url=url)}: it points at another place from each ({HINT})"
    lead = f"the link {url} is relative: from this page it points at {target}, where nothing is"
    bare = "/" + "/".join(part for part in path.split("/") if part not in ("", ".", ".."))
    if any(map(exists, output_candidates(bare))):  # meant from the site's root
        return True, (
            f"{lead}; the site publishes {bare}: link to its source with {{static}} or "
            f"{{filename}} and its path in the content folder, e.g. {{static}}{bare}"
        )
    mine = {"/" + page, "/" + page.rsplit("/", 1)[0] + "/"}  # the page itself: no suggestion
    return True, f"{lead} published ({_hints(target, written, content_file, mine)}{HINT})"


# a link to another site written without its scheme (www.openmp.org): relative_problem's line
LACKS_SCHEME = "lacks https:// in front"
SCHEMELESS_NAMED = 3  # the links a file's one line names with their line: the rest by line
SCHEMELESS = "link without https://"  # that line's kind (repeats.Said): a file's are one line


def lacks_scheme(message: str) -> bool:
    """Whether ``message`` is relative_problem's line for a link written without https://
    (by its kind: a line made another of, a gallery's photo, has none)."""
    return repeats.kind_of(message) == SCHEMELESS


def schemeless_message(held: Sequence[tuple[str, str]]) -> str:
    """One line for a file's links to other sites written without https:// ((where, link)
    each: ``line 36``, "" where unknown), in the order written: an old blog's post said 9
    lines alike, one per link, where one says which to correct."""
    if len(held) == 1:
        where, url = held[0]
        return f"{where}: " * bool(where) + (
            f"the link {url} {LACKS_SCHEME}, so it points at a file of this site, not at "
            f"another site (write https://{url})"
        )
    named = ", ".join(
        f"{url} ({where})" if where else url for where, url in held[:SCHEMELESS_NAMED]
    )
    rest = held[SCHEMELESS_NAMED:]
    if rest:
        places = list(dict.fromkeys(where.removeprefix("line ") for where, _ in rest if where))
        at = f" ({'line' if len(places) == 1 else 'lines'} {', '.join(places)})" if places else ""
        named += f" and {len(rest)} more{at}"
    return (
        f"{len(held)} links {LACKS_SCHEME.replace('lacks', 'lack', 1)}, so they point at files "
        f"of this site, not at other sites: {named}; write https:// in front of each "
        f"(https://{held[0][1]})"
    )


def _leads_somewhere(page: str, path: str, exists: Callable[[str], bool]) -> bool:
    """Whether a relative link leads to a published file from ``page`` too (climbing above
    the site's folder stops at it, as a browser stops at the host's root)."""
    target = _resolve(page, path, clamp=True)
    return target is not None and any(map(exists, output_candidates(target)))


def _resolve(page: str, path: str, clamp: bool = False) -> str | None:
    """The URL path a relative link leads to from ``page`` (posts/x/ or about.html), from
    the site's folder; None when it climbs above it (unless ``clamp``: it stays there)."""
    parts = [part for part in page.split("/")[:-1] if part]  # the page's folder
    segments = path.split("/")
    for segment in segments:
        if segment == "..":
            if not parts:
                if clamp:
                    continue
                return None
            parts.pop()
        elif segment not in ("", "."):
            parts.append(segment)
    folder = segments[-1] in ("", ".", "..")
    return "/" + "/".join(parts) + ("/" if folder and parts else "")


def _nothing_there(
    url: str,
    path: str,
    published_under: str,
    written: Sequence[str],
    content_file: Callable[[str], str | None] = lambda path: None,
    sources: Mapping[str, str] = {},
) -> str:
    unpublished = content_file(path)
    top, _, rest = path.lstrip("/").partition("/")
    if unpublished and rest and unpublished.endswith(path):
        # a folder Pelican does not publish: its own line says so, and its links fold into one
        folder = f"{unpublished[: -len(path)]}/{top}/"
        hints = _hints(path, written, content_file, set(), published_under)
        line = f"the link {url} points at nothing this site publishes ({hints}{HINT})"
        return repeats.Said(line, kind=f"{UNPUBLISHED_FOLDER}{folder}")
    # an old Pelican site's address ends .html ({slug}.html, {category}/{slug}.html), or "/"
    # (blog/{slug}/): one ending "/" only where its last folder is a post's or page's slug
    # here, else it is as likely a slip in this site's own, which a "did you mean" names
    old = not unpublished and re.search(r"\.html?$", path, re.I)
    named = _named_by_path(path.lstrip("/"), "", sources) if old else None
    if not unpublished and path.endswith("/") and not named:
        named = _named_by_slug(path, sources)
    if named:
        shown_named = content_file("/" + named) or named
        return repeats.Said(
            f"the link {url} points at nothing this site publishes: it looks like the old "
            f"site's address of {shown_named}; {OLD_ADDRESSES_ADVICE}, or write "
            f"{_as_filename(url, named)}",
            kind=f"{OLD_ADDRESS}{named}",  # as sources names it: its line's setting comes from it
        )
    hints = _hints(path, written, content_file, set(), published_under)
    return f"the link {url} points at nothing this site publishes ({hints}{HINT})"


# the kinds (repeats.Said) of _nothing_there's lines that one line for many says instead
UNPUBLISHED_FOLDER = "link into the unpublished folder "
OLD_ADDRESS = "link to the old address of "
OLD_ADDRESSES_ADVICE = (
    "give the old site's addresses redirects: REDIRECTS_OLD_ARTICLE_URLS in pelicanconf.py, "
    "with the old ARTICLE_URL (and REDIRECTS_OLD_PAGE_URLS with the old PAGE_URL; "
    "docs/adopting.md, step 5), mends every such link"
)


def unpublished_folder(message: str) -> str:
    """The content folder (``content/static/``) that nothing publishes, which the file a
    line's link points at is in; "" for any other line."""
    kind = repeats.kind_of(message)
    return kind.removeprefix(UNPUBLISHED_FOLDER) if kind.startswith(UNPUBLISHED_FOLDER) else ""


def old_address_of(message: str) -> str:
    """The post or page (its path in the content folder) whose old address a line's link
    looks like; "" for any other line."""
    kind = repeats.kind_of(message)
    return kind.removeprefix(OLD_ADDRESS) if kind.startswith(OLD_ADDRESS) else ""


def unpublished_folder_message(
    folder: str, held: Sequence[tuple[str, str, str]], holds_posts: bool
) -> str:
    """One line for the links (``held``: (file, "line N: ", link) each, in order) to files of
    ``folder``, which nothing publishes (its own line says so and names them): an adopted
    blog's 121 lines alike, 30 of them for one post. ``holds_posts``: posts or pages are in
    it, which STATIC_PATHS would keep from being read as posts: its own line's advice then."""
    files = list(dict.fromkeys(file for file, _, _ in held))
    file, at, url = held[0]
    name = folder.rstrip("/").rsplit("/", 1)[-1]
    todo = (
        f"follow the line for {folder}"
        if holds_posts
        else f'add "{name}" to STATIC_PATHS in pelicanconf.py, which publishes them at the '
        "addresses these links give"
    )
    return (
        f"{folder}: {len(held)} links in {len(files)} "
        f"{'file' if len(files) == 1 else 'files'} point at its files, which are not "
        f"published ({folder} is not a static folder; e.g. {file}: {at}{url}); {todo}"
    )


# the FILENAME_METADATA of an old site that took slugs from file names
SLUG_FROM_NAME = "(?P<slug>.*)"


def names_setting(site: str, names: Sequence[tuple[str, str]]) -> tuple[str, str]:
    """The FILENAME_METADATA that gives each post its file's name as its slug and keeps what
    the site's own (``site``) takes from the names (``names``: (file, name without its
    ending) each), e.g. a date from 2024-05-01-x.md; and what it keeps ("the date
    content/2024-05-01-x.md's name gives"), "" for nothing. ("", "") when no pattern does:
    the site's own gives slugs already, or cannot be kept."""
    try:
        own = re.compile(site) if site else None
    except re.error:
        return "", ""
    if own is not None and "slug" in {group.lower() for group in own.groupindex}:
        return "", ""
    given = [(file, match) for file, name in names if own and (match := own.match(name))]
    given = [(file, match) for file, match in given if _groups(match)]
    if not own or not given:
        return SLUG_FROM_NAME, ""
    body = site.removesuffix(".*") if not site.endswith("\\.*") else site
    # Pelican's own, (?P<date>…).*, is one group: (?P<slug>(?P<date>…)?.*) reads plainest
    one = re.fullmatch(r"\(\?P<\w+>[^()]*\)", body)
    pattern = f"(?P<slug>{body}?.*)" if one else f"(?P<slug>(?:{body})?.*)"
    try:
        names_too = re.compile(pattern)
    except re.error:
        return "", ""
    for _, name in names:
        match, before = names_too.match(name), own.match(name)
        if not match or match["slug"] != name or _groups(match) != _groups(before):
            return "", ""
    file, match = given[0]
    return pattern, f"the {' and '.join(_groups(match))} {file}'s name gives"


def _groups(match: re.Match[str] | None) -> dict[str, str]:
    """The keys a FILENAME_METADATA match gives a post, as Pelican reads them, but its slug."""
    found = match.groupdict() if match else {}
    return {key.lower(): value for key, value in found.items() if value and key.lower() != "slug"}


@dataclass(frozen=True)
class Known:
    """A post or page of this site, as the old site's address of it may name it."""

    key: str  # its path in the content folder: collection/x.md
    source: str  # as messages name it: content/collection/x.md
    page: bool
    slug: str
    category: str = ""  # its category's slug
    date: str = ""  # 2013-05-01 ("" for a page)
    # the slug FILENAME_METADATA = "(?P<slug>.*)" gives it, its file's name as it is: "" when
    # its own keys (a Slug: line) give it one, which that setting does not change, or for an
    # index.md (the name is its folder's)
    by_name: str = ""
    syntax: str = keysyntax.MARKDOWN
    author: str = ""  # its author's slug, as Pelican formats {author}
    lang: str = ""
    translation: bool = False  # not in the site's language: the _LANG_ patterns give it one


@dataclass(frozen=True)
class OldSettings:
    """What pelicanconf.py already has that the old-address advice adds to, not replaces."""

    # REDIRECTS_OLD_*_URLS as set (a setting not set: absent)
    patterns: Mapping[str, Sequence[str]] = field(default_factory=dict)
    # the FILENAME_METADATA to advise (names_setting): "" when none gives slugs from names
    names: str = SLUG_FROM_NAME
    kept: str = ""  # what it keeps of the site's own (names_setting), "" for nothing


@dataclass(frozen=True)
class OldLink:
    """A link (``url``, at ``path`` within the site's folder) from ``file`` ("line N: "
    ``at``) to what looks like the old site's address of the post or page ``known``."""

    file: str
    at: str
    url: str
    path: str
    known: Known


def old_pattern(path: str, slug: str, known: Known) -> str | None:
    """The old site's ARTICLE_URL (PAGE_URL) that gives ``known``, of slug ``slug``, the
    address ``path`` (``/collection/x.html``: ``{category}/{slug}.html``; ``/blog/x/``:
    ``blog/{slug}/``), as the redirects plugin formats REDIRECTS_OLD_*_URLS; None when the
    address's last name is not ``slug``."""
    *folders, last = path.strip("/").split("/")
    if path.endswith("/"):  # blog/{slug}/: the redirects plugin writes its index.html
        stem, dot, ending = last, "", "/"
    else:
        stem, dot, ending = last.rpartition(".")
    if not slug or stem != slug:
        return None
    day = known.date
    dated = [(day[:4], "{date:%Y}"), (day[5:7], "{date:%m}"), (day[8:10], "{date:%d}")]
    dated = dated if day else []
    pattern = []
    for folder in folders:
        if dated and folder == dated[0][0]:  # in their order: /2013/05/01/, not /05/2013/
            pattern.append(dated.pop(0)[1])
        elif known.category and folder == known.category:
            pattern.append("{category}")
        elif known.author and folder == known.author:
            pattern.append("{author}")
        elif known.lang and folder == known.lang:
            pattern.append("{lang}")
        else:  # the same for every post (pages/, blog/)
            pattern.append(folder.replace("{", "{{").replace("}", "}}"))
    return "/".join([*pattern, f"{{slug}}{dot}{ending}"])


def slugs_from_names(held: Sequence[OldLink], site: OldSettings = OldSettings()) -> bool:
    """Whether FILENAME_METADATA = "(?P<slug>.*)" (``site.names``) mends what ``held`` shows:
    each post whose slug here is not its old address's name gets that name from its file's,
    and no post whose slug here is its old address's changes it (its old site took slugs
    from file names)."""
    renamed = [link for link in held if not old_pattern(link.path, link.known.slug, link.known)]
    return bool(site.names and renamed) and all(
        old_pattern(link.path, link.known.by_name, link.known)
        if link in renamed
        else link.known.by_name in ("", link.known.slug)
        for link in held
    )


def _pattern_setting(known: Known) -> str:
    """The REDIRECTS_OLD_*_URLS the redirects plugin gives ``known`` its old address from."""
    kind = "PAGE" if known.page else "ARTICLE"
    return f"REDIRECTS_OLD_{kind}{'_LANG' if known.translation else ''}_URLS"


def old_address_fixes(
    held: Sequence[OldLink], by_name: bool, site: OldSettings = OldSettings()
) -> str:
    """What to set for the links ``held`` to the old site's addresses of this site's posts,
    each literal: the REDIRECTS_OLD_*_URLS patterns that give each its old address, after
    those ``site`` has; with ``by_name`` (``slugs_from_names`` of every such link)
    FILENAME_METADATA too (``site.names``), else a Redirect_from line for each post whose slug
    here is not its old address's name."""
    patterns: dict[str, list[str]] = {}
    renamed: list[OldLink] = []
    by_names: list[OldLink] = []
    for link in held:
        known = link.known
        pattern = old_pattern(link.path, known.slug, known)
        if pattern is None and by_name:
            pattern = old_pattern(link.path, known.by_name, known)
            by_names += [link] if pattern else []
        if pattern is None:
            renamed.append(link)
            continue
        setting = _pattern_setting(known)
        found = patterns.setdefault(setting, list(site.patterns.get(setting, ())))
        if pattern not in found:
            found.append(pattern)
    said = []
    if by_names:
        known = by_names[0].known
        quoted = f'r"{site.names}"' if "\\" in site.names else f'"{site.names}"'
        kept = f", which keeps {site.kept}" if site.kept else ""
        said.append(
            f"set FILENAME_METADATA = {quoted} in pelicanconf.py, as the old site had it "
            f"(docs/adopting.md, step 1){kept}: slugs here come from titles ({known.source}: "
            f"{known.slug!r}), the old site's from file names ({known.by_name!r})"
        )
    if patterns:
        settings = " and ".join(
            f"{name} = ({', '.join(map(keysyntax.yaml_quoted, found))},)"
            for name, found in sorted(patterns.items())
        )
        had = [name for name in sorted(patterns) if site.patterns.get(name)]
        instead = f", in place of the {' and '.join(had)} it has (its patterns kept)" if had else ""
        kinds = " and ".join(
            kind
            for kind, name in (("post", "ARTICLE"), ("page", "PAGE"))
            if any(name in s for s in patterns)
        )
        said.append(
            f"set {settings} in pelicanconf.py{instead} (the old site's addresses: "
            f"docs/adopting.md, step 5), which gives every {kinds} a redirect from its old "
            "address"
        )
    if renamed:
        added = dict.fromkeys(
            f"{keysyntax.key_as_written('Redirect_from', link.known.syntax, link.path)} to "
            f"{link.known.source}"
            for link in renamed
        )
        slugs = dict.fromkeys(f"{link.known.source}: {link.known.slug!r}" for link in renamed)
        said.append(
            f"add {', '.join(added)}: {'its slug' if len(slugs) == 1 else 'their slugs'} here "
            f"({', '.join(slugs)}) {'is' if len(slugs) == 1 else 'are'} not the old "
            "address's name, so no pattern gives it"
        )
    return "; ".join(said)


def old_address_message(link: OldLink, by_name: bool, site: OldSettings = OldSettings()) -> str:
    """The line for one link to the old site's address of a post or page of this site: what
    to set to mend it (``old_address_fixes``), or the {filename} link to write."""
    return (
        f"the link {link.url} points at nothing this site publishes: it looks like the old "
        f"site's address of {link.known.source}; {old_address_fixes([link], by_name, site)}; or "
        f"write {_as_filename(link.url, link.known.key)}"
    )


def old_addresses_message(held: Sequence[OldLink], site: OldSettings = OldSettings()) -> str:
    """One line for the links (``held``, in order) to what look like the old site's
    addresses of its own posts: an adopted blog's 80 lines alike, which one setting mends."""
    files = list(dict.fromkeys(link.file for link in held))
    first = held[0]
    return (
        f"{len(held)} links in {len(files)} {'file' if len(files) == 1 else 'files'} point at "
        f"nothing this site publishes, at what look like the old site's addresses of its posts "
        f"(e.g. {first.file}: {first.at}{first.url}, the old address of {first.known.source}); "
        f"{old_address_fixes(held, slugs_from_names(held, site), site)}"
    )


def _hints(
    path: str,
    written: Sequence[str],
    content_file: Callable[[str], str | None],
    exclude: set[str],
    published_under: str = "",
) -> str:
    """What may have been meant by a link to ``path``, a URL path nothing is published at:
    the content's own file there, which the build did not publish; a near name of the same
    kind (a page for a page; for a file, a file of the content folder with its ending, not a
    rendition); or the one page of the same slug (an adopted site's old addresses)."""
    unpublished = content_file(path)
    if unpublished:
        return (
            f"{unpublished} is there but not published: its folder is not one of the static "
            "folders (STATIC_PATHS); "
        )
    if path.endswith("/"):
        alike = [w for w in written if w.endswith("/") and w not in exclude]
    else:
        ending = posixpath.splitext(path)[1].lower()
        alike = [
            w for w in written if posixpath.splitext(w)[1].lower() == ending and w not in exclude
        ]
    close = difflib.get_close_matches(path, alike, n=3, cutoff=0.7)
    if not path.endswith("/"):
        close = [w for w in close if content_file(w)]
    if not close:
        slug = path.rstrip("/").rsplit("/", 1)[-1]
        same = [w for w in alike if slug and w.rstrip("/").rsplit("/", 1)[-1] == slug]
        close = same if len(same) == 1 else []
    return f"did you mean {published_under}{close[0]}? " if close else ""


def url_path(relpath: str) -> str:
    """The URL path a file of the output folder is served at: posts/x/index.html -> /posts/x/."""
    if relpath == "index.html" or relpath.endswith("/index.html"):
        return "/" + relpath[: -len("index.html")]
    return "/" + relpath


# what stands before and after a link's target as written: Markdown's (url) and <url>, an
# attribute's quotes (or none: href=url), a reference definition ([x]: url), a srcset's commas
_TARGET_BEFORE = r"(?:^|(?<=[\s(<\"'=,])|(?<=\]:))"
_TARGET_AFTER = r"(?=$|[\s)>\"',])"


def line_of(lines: list[str], url: str) -> int | None:
    """The number of the first line that holds ``url`` as a whole link target as written (its
    entities and percent-escapes undone, as the reader hands it over), if one does: ``/a`` is
    not on a line that only holds ``/a-x``."""
    forms = [form for form in dict.fromkeys((url, unquote(url), escape(url))) if form]
    if not forms:
        return None
    target = re.compile(
        _TARGET_BEFORE + "(?:" + "|".join(map(re.escape, forms)) + ")" + _TARGET_AFTER
    )
    return next((n for n, line in enumerate(lines, 1) if target.search(line)), None)
