"""Which Pagefind index each page goes into, and the glob that finds each index's pages.

Pure: plain values in, plain values out; no Pelican, no files.

The site's main index holds every page in one language, ``SEARCH_LANGUAGE`` (its stemming for
all of them), as it always has. Pagefind splits Chinese, Japanese and Thai text into words only
in an index *of that language*; so a page in one of those languages
(``SEARCH_SEGMENTED_LANGUAGES``), on a site whose main language is another, goes into an index
of its own language, written as a Pagefind bundle in a folder inside the main one
(``pagefind/ja/``). The search page merges those bundles into the main one (``merge.json``
lists them), so its one search still finds every post.
"""

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

MANIFEST = "merge.json"  # in the main bundle: the other bundles the search page merges

# Pagefind's glob (the wax crate) reads these as syntax; a literal one is escaped with "\"
_GLOB_SPECIAL = re.compile(r"([\\?*$:<>()\[\]{},!])")
_HTML_TAG = re.compile(rb"<html\b[^>]*>", re.IGNORECASE)
_LANG_ATTR = re.compile(rb"""\slang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)


@dataclass(frozen=True)
class Bundle:
    """One Pagefind run: the pages its glob finds, indexed as one language."""

    folder: str  # "" for the main bundle, else its folder inside the main one ("ja")
    language: str  # what Pagefind is told the pages are (--force-language)
    glob: str  # relative to the site


def html_lang(head: bytes) -> str | None:
    """The ``lang`` of a page's ``<html>`` element; None if the bytes hold no ``<html>`` tag
    yet, "" if the tag has no ``lang``."""
    tag = _HTML_TAG.search(head)
    if tag is None:
        return None
    found = _LANG_ATTR.search(tag.group(0))
    if found is None:
        return ""
    value = next(group for group in found.groups() if group is not None)
    return value.decode("utf-8", "replace").strip()


def primary_subtag(lang: str) -> str:
    """``zh`` of ``zh-Hans``, ``pt`` of ``pt_BR``: the part Pagefind chooses segmenting by."""
    return lang.strip().lower().replace("_", "-").partition("-")[0]


@functools.cache  # called for every page of a site, with a handful of distinct values
def bundle_folder(lang: str, main_language: str, segmented: tuple[str, ...]) -> str:
    """The bundle a page in ``lang`` goes into: "" (the main one) or its language's folder.

    A page gets a bundle of its own only in a language written without spaces between words
    (``segmented``) that is not the main index's own: there Pagefind splits it into words
    anyway. Every other page stays in the main index, stemmed as its language.
    """
    subtag = primary_subtag(lang)
    wanted = {primary_subtag(code) for code in segmented}
    if subtag in wanted and subtag != primary_subtag(main_language):
        return subtag
    return ""


def glob_escape(name: str) -> str:
    """A file or folder name as a literal in Pagefind's glob."""
    return _GLOB_SPECIAL.sub(r"\\\1", name)


def _alternatives(pages: dict[tuple[str, ...], str], depth: int) -> dict[str, list[str]]:
    """Per bundle folder, globs covering its pages among ``pages`` (path parts -> folder).

    At the site's top level every folder gets a glob of its own, as before there were several
    bundles (tag and archive folders hold no indexed page, and Pagefind never reads them). Below
    that, a folder whose indexed pages all go to one bundle is one ``folder/**/*.html``; a folder
    that mixes them is split further, down to single files.
    """
    out: dict[str, list[str]] = {}
    children: dict[str, dict[tuple[str, ...], str]] = {}
    for parts, folder in pages.items():
        if len(parts) == depth + 1:  # a file in this folder
            out.setdefault(folder, []).append("/".join(map(glob_escape, parts)))
        else:
            children.setdefault(parts[depth], {})[parts] = folder
    for _name, below in sorted(children.items()):
        folders = set(below.values())
        if len(folders) == 1:
            prefix = "/".join(map(glob_escape, next(iter(below))[: depth + 1]))
            out.setdefault(folders.pop(), []).append(f"{prefix}/**/*.html")
        else:
            for folder, globs in _alternatives(below, depth + 1).items():
                out.setdefault(folder, []).extend(globs)
    return out


def plan(
    pages: Iterable[tuple[str, str]], main_language: str, segmented: Iterable[str]
) -> list[Bundle]:
    """The Pagefind runs for a site's indexed pages, given as (path relative to the site,
    "/"-separated; the page's ``lang``).

    The main bundle comes first, forced to ``main_language``; then one bundle per segmented
    language, forced to its primary subtag. A site whose pages are all in segmented languages
    other than the main one has no page for the main index: the first of its languages then
    takes the main folder. No pages: no bundle.
    """
    segmented = tuple(segmented)
    folder_of = {
        tuple(path.split("/")): bundle_folder(lang, main_language, segmented)
        for path, lang in pages
    }
    if not folder_of:
        return []
    globs = _alternatives(folder_of, 0)
    order = sorted(globs, key=lambda folder: (folder != "", folder))
    bundles = []
    for folder in order:
        alternatives = sorted(globs[folder])
        glob = "{" + ",".join(alternatives) + "}"
        language = folder or main_language
        bundles.append(Bundle(folder, language, glob))
    if bundles[0].folder:  # nothing for the main index: the first language takes its place
        bundles[0] = Bundle("", bundles[0].language, bundles[0].glob)
    return bundles


def manifest(bundles: Iterable[Bundle]) -> dict[str, list[dict[str, str]]]:
    """What ``merge.json`` says: each bundle the search page merges into the main one, by its
    folder relative to the main bundle and the language Pagefind reads queries in for it."""
    return {
        "merge": [
            {"path": f"{bundle.folder}/", "language": bundle.language}
            for bundle in bundles
            if bundle.folder
        ]
    }
