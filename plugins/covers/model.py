"""Which file is a post's cover: plain values in, plain values out (no Pelican here)."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from plugins.blogcore.text import markup_of

# What Pillow (with pillow-heif) reads and the images pipeline renders.
RASTER = frozenset({".jpg", ".jpeg", ".png", ".webp", ".avif", ".heic", ".heif", ".tif", ".tiff"})
VECTOR = frozenset({".svg", ".svgz"})
LINK_PREFIXES = ("{static}", "{attach}", "{filename}", "|static|", "|attach|", "|filename|")
KEY = "Cover"


@dataclass(frozen=True)
class Choice:
    """A post's cover: ``origin`` is "key", "content" or "gallery"; ``path`` is relative to
    the content folder ("" for a gallery's cover, which its plugin has rendered)."""

    origin: str
    path: str = ""


@dataclass(frozen=True)
class Resolution:
    """The cover (or None) and, for a bad ``Cover:`` key, the error's text (without the file)."""

    choice: Choice | None
    problem: str = ""


def image_sources(html: str) -> list[str]:
    """The ``src`` of every ``<img>`` in HTML, in order, as written ({static} links kept)."""
    if not html or "<img" not in html.lower():
        return []
    return [attrs["src"] for name, attrs in markup_of(html) if name == "img" and attrs.get("src")]


def without_cover(html: str, source_dir: str, cover: str) -> tuple[str, list[str]]:
    """``html`` (a ``Summary:``) without the pictures that are the file ``cover``, which a
    card shows beside it already, nor a link left empty by them; and the ``src`` of each
    left out. Nothing is left out of a summary that would then have no text."""
    if "<img" not in html.lower():
        return html, []
    soup = BeautifulSoup(html, "html.parser")
    found = [
        img
        for img in soup.find_all("img")
        if content_path(img.get("src") or "", source_dir) == cover
    ]
    if not found or not soup.get_text(strip=True):
        return html, []
    dropped = [str(img.get("src")) for img in found]
    for img in found:
        holder = img.parent if img.parent is not None and img.parent.name == "picture" else img
        link = holder.parent
        holder.decompose()
        if (
            link is not None
            and link.name == "a"
            and not link.get_text(strip=True)
            and not link.find("img")
        ):
            link.decompose()
    return str(soup).strip(), dropped


def extension(path: str) -> str:
    return posixpath.splitext(path.lower())[1]


def content_path(src: str, source_dir: str = "") -> str | None:
    """The path inside the content folder that an image reference names, or None.

    ``{static}/images/x.jpg``, ``{static}images/x.jpg``, ``/images/x.jpg`` and
    ``images/x.jpg`` (a Cover: value) are taken from the content folder; ``{attach}``,
    ``{filename}`` and plain relative paths in a post's text from the post's folder
    (``source_dir``, relative to the content folder) unless they start with a slash. A URL with
    a scheme or a host, or a path leaving the content folder, is None.
    """
    value = (src or "").strip()
    if not value:
        return None
    base = source_dir
    for prefix in LINK_PREFIXES:
        if value.startswith(prefix):
            value = value[len(prefix) :]
            if "static" in prefix:
                base = ""
            break
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or value.startswith("//"):
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        base, path = "", path.lstrip("/")
    if not path:
        return None
    joined = posixpath.normpath(posixpath.join(base, path))
    if joined in (".", "") or joined == ".." or joined.startswith("../"):
        return None
    return joined


def resolve(
    key: str | None,
    sources: Iterable[str],
    source_dir: str,
    has_gallery_cover: bool,
    exists: Callable[[str], bool],
    refused: Callable[[str], str | None] = lambda path: None,
    cased: Callable[[str], str | None] = lambda path: None,
    named: Callable[[str], str] = "content/{}".format,
) -> Resolution:
    """The cover of one post.

    ``key``: its ``Cover:`` value, if any; ``sources``: its images' ``src`` as written;
    ``source_dir``: its folder inside the content folder; ``has_gallery_cover``: it shows a
    gallery that has a cover photo; ``exists``: does this content path name a file?
    ``refused``: why a file ``Cover:`` names may not be published (a link out of the content
    folder), or None.
    ``cased``: the file a content path names in other capitals, if one does.
    ``named``: a content path as the build's lines name files (the content folder's own name).
    A bad key is a problem, and the post gets the cover it would have had without it.
    """
    problem = ""
    if key is not None:
        path, problem = key_problem(key, exists, refused, cased, named)
        if not problem:
            return Resolution(Choice("key", path))
    for src in sources:
        path = content_path(src, source_dir)
        if path is not None and extension(path) in RASTER and exists(path):
            return Resolution(Choice("content", path), problem)
    if has_gallery_cover:
        return Resolution(Choice("gallery"), problem)
    return Resolution(None, problem)


def key_problem(
    key: object,
    exists: Callable[[str], bool],
    refused: Callable[[str], str | None] = lambda path: None,
    cased: Callable[[str], str | None] = lambda path: None,
    named: Callable[[str], str] = "content/{}".format,
) -> tuple[str, str]:
    """A ``Cover:`` value checked: the content path it names and "", or "" and the error's
    text (without the file); the same words for a post read and one the reader refused."""
    shown = key if isinstance(key, str) else repr(key)
    path = content_path(key, "") if isinstance(key, str) else None
    if path is None:
        return "", (
            f"{KEY} must be a path inside the content folder such as images/cover.jpg, "
            f"got {shown!r}"
        )
    if extension(path) in VECTOR:
        return "", (
            f"{KEY} {shown!r} is an SVG; a cover must be a photo or picture (JPEG, PNG, "
            "WebP): SVG diagrams are not cropped into thumbnails, and social cards ignore SVG"
        )
    if extension(path) not in RASTER:
        return "", f"{KEY} {shown!r} is not an image (expected .jpg, .png or .webp)"
    if why := refused(path):
        return "", f"{KEY} {shown!r}: {why}"
    if not exists(path):
        meant = _meant(path, exists, cased)
        return "", f"{KEY} {shown!r} names no file (looked for {named(path)}){meant}"
    return path, ""


def _meant(path: str, exists: Callable[[str], bool], cased: Callable[[str], str | None]) -> str:
    """What a Cover that names no file may have meant: the file in other capitals, or the
    path without its first folder (``content/images/x.jpg``: paths start inside content/)."""
    other = cased(path)
    if other:
        return f": did you mean {KEY}: {other}? (capitals count: the file's name is written so)"
    rest = path.partition("/")[2]
    if rest and exists(rest):
        return f": a {KEY} path starts inside the content folder: write {KEY}: {rest}"
    return ""


def rendition_name(path: str) -> str:
    """A rendition's output name: ``images/x`` for images/x.jpg, as the galleries plugin
    names a post's images (same source and widths: one set of files for both)."""
    return posixpath.splitext(path)[0]
