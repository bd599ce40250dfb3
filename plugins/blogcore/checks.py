"""The build's side of ``urls.py`` and ``links.py``: what each generator plans to write, the
items that lose a clash taken out of the generators' lists, every post's and page's links
looked up. Works on the generators' public lists and the shared context, with Pelican's public
classes (``Author``, ``Category``, ``Tag``, to make a taxonomy's item) and the engine's side
content: not a pure module, but kept out of ``signals.py`` so the receivers there stay thin.
"""

import datetime
import functools
import os
import posixpath
import re
from collections.abc import Collection, Iterable, Iterator
from html import unescape
from typing import Any
from urllib.parse import unquote, urlsplit

from pelican.contents import Article, Page
from pelican.urlwrappers import Author, Category, Tag

from plugins.engine import build, keysyntax, paths, side
from plugins.engine.ignores import any_ignored
from plugins.engine.items import static_output

from . import compat, foreign, links, rawtags, repeats, summaries, text, urls
from .frontmatter import (
    DRAFT_FOLDERS,
    FROM_PATH,
    WRITTEN,
    FrontMatterError,
    category_list,
    check_url_part,
    has_body,
    has_wide_separator,
    is_within_any,
    notebook_keys,
    plugin_folders,
    post_keys,
    split_wide,
)

WRAPPERS = {"tag": Tag, "category": Category, "author": Author}
LISTS = {"tag": "tags", "category": "categories", "author": "authors"}  # Pelican's context
CHECKED_KINDS = links.LINKED_KINDS | set(links.TAXONOMY_KINDS)

# the lists of a generator that hold posts or pages (Pelican's names), originals first
CONTENT_LISTS = (
    "articles",
    "hidden_articles",
    "drafts",
    "pages",
    "hidden_pages",
    "draft_pages",
    "translations",
    "hidden_translations",
    "drafts_translations",
    "draft_translations",
)
_STATE_ORDER = {"published": 0, "hidden": 1, "draft": 2}
_FEEDS = ("FEED_ATOM", "FEED_RSS", "FEED_ALL_ATOM", "FEED_ALL_RSS")
_LANG_FEEDS = ("TRANSLATION_FEED_ATOM", "TRANSLATION_FEED_RSS")  # one per language of posts
# Where a plugin declares every file it writes itself, in the shared context: output file ->
# who writes it, as messages name them (docs/architecture.md, "Files a plugin writes").
PLUGIN_PAGES = ("gallery_pages", "series_pages", "team_pages")
_TAXONOMY_FEEDS = {
    "tags": ("TAG_FEED_ATOM", "TAG_FEED_RSS"),
    "categories": ("CATEGORY_FEED_ATOM", "CATEGORY_FEED_RSS"),
    "authors": ("AUTHOR_FEED_ATOM", "AUTHOR_FEED_RSS"),
}
_TAXONOMY_NAMES = {"tags": "tag", "categories": "category", "authors": "author"}


def shown(settings: dict[str, Any], path: str) -> str:
    """A source path as staff know it: relative to the project, e.g. content/posts/x.md."""
    return paths.shown_in_content(settings, path)


def content_items(generator) -> Iterator[Any]:
    """Every post or page object a generator holds, each once."""
    seen = set()
    for name in CONTENT_LISTS:
        for item in getattr(generator, name, None) or []:
            if id(item) not in seen and hasattr(item, "source_path"):
                seen.add(id(item))
                yield item


def _sort_key(item) -> tuple:
    """Who keeps a path: published before hidden before drafts, posts before pages, the
    oldest first (a new post cannot take an existing post's URL), then the file's path."""
    date = getattr(item, "date", None)
    stamp = date.timestamp() if isinstance(date, datetime.datetime) else float("inf")
    is_page = isinstance(item, Page)  # a page has a category too (DEFAULT_CATEGORY)
    return (_STATE_ORDER.get(getattr(item, "status", ""), 3), is_page, stamp, item.source_path)


def item_claims(items: Iterable[Any], settings: dict[str, Any]) -> list[urls.Claim]:
    """Posts and pages that are written, in the order that decides who keeps a path."""
    # each file's name and hint once per build: a build asks four times (at pretaxonomy and
    # sources_known, for content_final's published paths, for the redirects)
    named = build.current(settings).state(__package__).__dict__.setdefault("claim_names", {})
    claims = []
    for item in sorted(items, key=_sort_key):
        save_as = getattr(item, "save_as", "")
        if not save_as:
            continue  # not written (a draft in a publish build)
        key = "Save_as" if "save_as" in item.metadata else "Slug"
        found = named.get((item.source_path, key))
        if found is None:
            # the key as its file writes it: TOML in a +++ post (its mark: keysyntax.as_written)
            owner = keysyntax.as_written(shown(settings, item.source_path), item.metadata)
            written = keysyntax.key_as_written(key, keysyntax.syntax_of(owner))
            found = (owner, f"give it another {written}")
            named[item.source_path, key] = found
        claims.append(urls.Claim(save_as, found[0], item, found[1]))
    return claims


def _version_groups(generators: list) -> Iterator[list[Any]]:
    """Each published or hidden post or page with the published or hidden ones Pelican linked
    to it as its versions (one slug), every item in one group."""
    seen: set[int] = set()
    for generator in generators:
        for item in content_items(generator):
            if id(item) in seen or getattr(item, "status", "") not in ("published", "hidden"):
                continue
            group = [item] + [
                other
                for other in getattr(item, "translations", None) or []
                if getattr(other, "status", "") in ("published", "hidden")
            ]
            seen.update(id(member) for member in group)
            yield group


def same_language_versions(generators: list, settings: dict[str, Any]) -> list[tuple[Any, str]]:
    """Each published or hidden post or page that Pelican linked as a version of another in
    its own language (one slug, one language: two addresses once ARTICLE_URL has the date),
    with its line naming both files; the oldest of them is the one named as first."""
    found = []
    for versions in _version_groups(generators):
        for lang in dict.fromkeys(getattr(item, "lang", None) for item in versions):
            group = [item for item in versions if getattr(item, "lang", None) == lang]
            if len(group) < 2:
                continue
            first, *repeats = sorted(group, key=_sort_key)
            key = settings.get(
                "PAGE_TRANSLATION_ID" if isinstance(first, Page) else "ARTICLE_TRANSLATION_ID"
            )
            keys = (key,) if isinstance(key, str) else tuple(key or ("slug",))
            shared = " and ".join(f"the {k} '{getattr(first, k, '')}'" for k in keys)
            kind = "page" if isinstance(first, Page) else "post"
            for repeat in repeats:
                # as the files write keys: TOML in a +++ post (its mark: keysyntax.as_written)
                files = [keysyntax.as_written(i.source_path, i.metadata) for i in (repeat, first)]
                own = keysyntax.key_in_files(keys[0].capitalize(), files)
                lang = keysyntax.key_in_files("Lang", files)
                found.append(
                    (
                        repeat,
                        f"{shown(settings, repeat.source_path)}: has {shared} and the language "
                        f"'{first.lang}' of {shown(settings, first.source_path)}: a reader gets "
                        f"two pages linked as versions of one {kind}; give one of them a "
                        f"{own} of its own, or a {lang} if it is a translation",
                    )
                )
    return found


def _said_translation(item: Any) -> bool:
    """Whether an item says Translation: (anything but false, as Pelican reads it)."""
    return str(item.metadata.get("translation", "false")).lower() != "false"


def originals_in_other_languages(
    generators: list, settings: dict[str, Any]
) -> list[tuple[Any, str]]:
    """Each published or hidden post or page of a group Pelican linked as versions (one slug)
    with no version in DEFAULT_LANG and none saying Translation: true among two languages or
    more (fr and de, no en): each is listed as one of its own (the home page, the feeds), the
    one post twice; its line names the first of them (the oldest)."""
    found = []
    default = settings.get("DEFAULT_LANG", "en")
    for group in _version_groups(generators):
        # Pelican's originals: not said to be translations (all, if every one says so)
        originals = [i for i in group if not _said_translation(i)] or group
        langs = {i.lang for i in originals}
        if len(langs) < 2 or any(i.lang == default for i in group):
            continue
        first, *others = sorted(originals, key=_sort_key)
        kind = "page" if isinstance(first, Page) else "post"
        for other in others:
            if other.lang == first.lang:
                continue  # one slug and one language: same_language_versions names it
            files = [keysyntax.as_written(i.source_path, i.metadata) for i in (other, first)]
            translation = keysyntax.key_in_files("Translation", files, "true")
            found.append(
                (
                    other,
                    f"{shown(settings, other.source_path)}: has the slug "
                    f"'{getattr(first, 'slug', '')}' of {shown(settings, first.source_path)}"
                    f" (Lang: {other.lang} and {first.lang}, neither the site's "
                    f"{default}), and neither says Translation: true: each is listed as a "
                    f"{kind} of its own, the one {kind} twice, and linked as the other's "
                    f"version; write {translation} in the one that translates the other",
                )
            )
    return found


def _setting_claims(settings: dict[str, Any], langs: Iterable[str] = ()) -> list[urls.Claim]:
    """Pages written whatever the content: direct templates, the feeds (Pelican's feed of
    each language of published posts, ``langs``, too), the sitemap."""
    claims = []
    for name in settings.get("DIRECT_TEMPLATES") or []:
        save_as = settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")
        claims.append(urls.Claim(save_as or "", urls.template_owner(name)))
    for key in _FEEDS:
        if settings.get(key):
            claims.append(urls.Claim(settings[key], f"the feed {key}"))
    for key in _LANG_FEEDS:
        for lang in sorted(set(langs)) if settings.get(key) else ():
            feed = str(settings[key]).format(lang=lang)
            claims.append(urls.Claim(feed, f"the feed of the posts in {lang!r} ({key})"))
    if settings.get("BLOGCORE_SITEMAP"):
        claims.append(urls.Claim(settings["BLOGCORE_SITEMAP"], "the sitemap (BLOGCORE_SITEMAP)"))
    return claims


def _taxonomy_claims(kind: str, things: Iterable[Any], settings) -> list[urls.Claim]:
    name = _TAXONOMY_NAMES[kind]
    claims = []
    for thing in things:
        owner = f"the {name} page of {thing.name!r} ({name.upper()}_SAVE_AS)"
        claims.append(urls.Claim(getattr(thing, "save_as", "") or "", owner))
        for key in _TAXONOMY_FEEDS[kind]:
            if settings.get(key):
                feed = str(settings[key]).format(slug=thing.slug)
                claims.append(urls.Claim(feed, f"the {name} feed of {thing.name!r} ({key})"))
    return claims


def _pairs(value) -> list:
    if isinstance(value, dict):
        return list(value.items())
    return list(value or [])


def _published_langs(items: Iterable[Any]) -> set[str]:
    """The languages of the published posts (Pelican writes a feed for each)."""
    return {
        item.lang
        for item in items
        if getattr(item, "status", "") == "published" and isinstance(item, Article)
    }


def planned_by_generators(generators: list, settings: dict[str, Any]) -> list[urls.Claim]:
    """Pages the build writes whatever the posts say: settings' pages, tag, category, author
    and archive pages, and the pages each plugin declares in the shared context
    (``PLUGIN_PAGES``)."""
    posts = [
        post
        for generator in generators
        if hasattr(generator, "articles")
        for post in (*generator.articles, *getattr(generator, "translations", ()))
    ]
    claims = _setting_claims(settings, _published_langs(posts))
    for generator in generators:
        for kind in _TAXONOMY_NAMES:
            if hasattr(generator, "articles") and kind in vars(generator):
                things = [thing for thing, _ in _pairs(getattr(generator, kind))]
                claims += _taxonomy_claims(kind, things, settings)
        for granularity, archives in (getattr(generator, "period_archives", None) or {}).items():
            for archive in archives:
                owner = f"the {granularity} archive ({granularity.upper()}_ARCHIVE_SAVE_AS)"
                claims.append(urls.Claim(archive.get("save_as", ""), owner))
    context = generators[0].context if generators else {}
    for key in PLUGIN_PAGES:
        for save_as, owner in (context.get(key) or {}).items():
            claims.append(urls.Claim(save_as, owner))
    return claims


def planned_outputs(generators: list, settings: dict[str, Any]) -> list[urls.Claim]:
    """Every file the build will write, once every generator has its context."""
    items = [item for generator in generators for item in content_items(generator)]
    claims = planned_by_generators(generators, settings) + item_claims(items, settings)
    for generator in generators:
        claims += static_claims(generator, settings)
    return claims


def planned_before_taxonomy(generator, settings: dict[str, Any]) -> list[urls.Claim]:
    """What the posts' generator will write, as soon as the posts are known."""
    items = list(content_items(generator))
    claims = _setting_claims(settings, _published_langs(items))
    published = [i for i in items if getattr(i, "status", "") == "published"]
    for kind, attribute in (("tags", "tags"), ("categories", "category"), ("authors", "authors")):
        things = {}
        for item in published:
            value = getattr(item, attribute, None)
            for thing in value if isinstance(value, list) else [value] if value else []:
                things.setdefault(thing, None)
        claims += _taxonomy_claims(kind, things, settings)
    return claims + item_claims(items, settings)


def split_wide_tags(item: Any) -> list[str]:
    """A post's tags written with a Chinese, Japanese or Arabic-script comma (``Tags: 思考，生活，
    读书``, which Pelican reads as one tag) split into the tags meant, before any page or list
    sees them; what is wrong with one of them (no letter or digit, too long for a web
    address), one message each, that tag left out."""
    tags = getattr(item, "tags", None)
    if not isinstance(tags, list) or not any(has_wide_separator(t.name) for t in tags):
        return []  # nearly every post
    kept, problems = [], []
    for name in split_wide([t.name for t in tags]):
        tag = Tag(name, item.settings)
        try:
            check_url_part("tags", name, tag.slug)
        except FrontMatterError as exc:
            problems.append(f"{exc}; that tag is left out")
            continue
        kept.append(tag)
    item.tags = item.metadata["tags"] = kept
    return problems


def category_lists(posts: Iterable[Any]) -> list[tuple[Any, str]]:
    """Each post whose written Category is most likely a list (``Category: Linux, EXT``: one
    category of that name, a page nobody meant), with its line; a name with a comma in it
    (``Food, Drink``) passes unless a part of it is another post's category."""
    posts = list(posts)
    names = [getattr(getattr(post, "category", None), "name", None) for post in posts]
    others = {name.casefold() for name in names if isinstance(name, str)}
    found = []
    for post, name in zip(posts, names, strict=True):
        if getattr(post, "blogcore_category_from", WRITTEN) != WRITTEN or not isinstance(name, str):
            continue
        written = keysyntax.as_written(post.source_path, getattr(post, "metadata", None))
        line = category_list(name, others, keysyntax.syntax_of(written))
        if line:
            found.append((post, line))
    return found


def written_categories(posts: Iterable[Any]) -> dict[str, Category]:
    """slug -> the category as posts write it (``Category:``, or their name or path), the
    spelling most of them use (the first seen among equals)."""
    counts: dict[str, dict[str, int]] = {}
    found: dict[tuple[str, str], Category] = {}
    for post in posts:
        category = getattr(post, "category", None)
        if category is None or getattr(post, "blogcore_category_from", WRITTEN) not in (
            WRITTEN,
            FROM_PATH,
        ):
            continue
        names = counts.setdefault(category.slug, {})
        names[category.name] = names.get(category.name, 0) + 1
        found.setdefault((category.slug, category.name), category)
    return {slug: found[slug, max(names, key=names.__getitem__)] for slug, names in counts.items()}


@functools.lru_cache(maxsize=8)
def _whole_link(intrasite_regex: str) -> re.Pattern:
    """One URL that is a link Pelican resolves ({static}/images/x.jpg), as a srcset holds it."""
    return re.compile(rf"{intrasite_regex}(?P<value>.*)", re.S)


def _srcset_and_site_urls(html: str, siteurl: str) -> tuple[list[str], list[str]]:
    """(every URL of a srcset, every URL starting with ``siteurl``) of ``html``'s elements:
    what Pelican's pattern (href, src and the like) and the local URLs miss. Read only when the
    text has one of them, which few posts do."""
    own = siteurl.rstrip("/") + "/" if siteurl else ""
    if "srcset" not in html and not (own and own in html):
        return [], []
    in_srcset, on_site = [], []
    for _, attrs in text.markup_of(html):
        for name, value in attrs.items():
            if not isinstance(value, str):
                continue
            if name.lower() == "srcset":
                urls_ = [url for url, _ in links.srcset_candidates(value)]
                in_srcset += urls_
            else:
                urls_ = [value.strip()]
            on_site += [url for url in urls_ if own and url.startswith(own)]
    return in_srcset, on_site


def written_links(item: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What an item's text and ``Summary:`` link to as written, read when the item is made
    (before any plugin turns an image into renditions): (the content paths its ``{static}``,
    ``{attach}`` and ``{filename}`` links name, in href, src and the like and in srcset; the
    paths from the root, ``/images/x.jpg``, of its links by the site's own full URL). The one
    reading of both a published item's links and a withheld one's, so the two never differ.
    Tuples: every post holds them until the end of the build, and a frozenset of 20 paths
    takes 1.2 KB against a tuple's 0.2 KB."""
    settings = item.settings
    regex = settings["INTRASITE_LINK_REGEX"]
    pattern, whole = links.link_pattern(regex), _whole_link(regex)
    siteurl = str(settings.get("SITEURL") or "")
    summary = item.metadata.get("summary")
    paths: dict[str, None] = {}
    site_urls: list[str] = []
    for html in (compat.html_of(item) or "", summary if isinstance(summary, str) else ""):
        values = [value for _, _, value in links.intrasite_links(html, pattern)]
        in_srcset, on_site = _srcset_and_site_urls(html, siteurl)
        for url in in_srcset:
            found = whole.match(url)
            if found and found.group("what") in links.LINKED_KINDS:
                values.append(found.group("value"))
        for value in values:
            paths.update(dict.fromkeys(links.candidate_paths(value, item.relative_dir)))
        site_urls += [urlsplit(url).path or "/" for url in on_site]
    return tuple(paths), tuple(dict.fromkeys(site_urls))


def written_static_links(item: Any) -> tuple[str, ...]:
    """The content paths an item's text links to as written (``written_links``, recorded by
    blogcore when the item is made; read now for an item made without blogcore)."""
    recorded = getattr(item, "blogcore_static_links", None)
    return recorded if recorded is not None else written_links(item)[0]


def draft_only_statics(generators: list, settings: dict[str, Any]) -> list[Any]:
    """Static files Pelican publishes only because a draft links to them, linked from no post
    or page that is published (a build that writes no drafts must not publish them either):
    outside the static folders ({attach}, or {static} to a file beside the post), and in a
    static folder, those a draft or a withheld team, gallery or series file links to (the
    unannounced product's photo in content/images/). A file of a static folder no item links
    to stays published (a download, a verification file)."""
    statics = [s for g in generators for s in getattr(g, "staticfiles", None) or []]
    if not statics:
        return []
    folders = settings.get("STATIC_PATHS", [])
    drafts = [
        item
        for generator in generators
        for item in content_items(generator)
        if getattr(item, "status", "published") == "draft"
    ]
    withheld, shown_files = _side_files(generators, settings)
    siteurl = str(settings.get("SITEURL") or "")
    by_drafts = _linked_statics(drafts, statics, settings, withheld)
    # a draft's Cover: (a future post's, a withheld series file's): its key names it
    keyed = set().union(
        *(_key_paths(item.metadata, item.relative_dir, siteurl) for item in drafts),
        *(_key_paths(f.metadata, posixpath.dirname(f.relpath), siteurl) for f in withheld),
    )
    by_drafts |= {id(s) for s in statics if s.get_relative_source_path() in keyed}
    if by_drafts:  # a setting or a published item's key may name it (a social card, a cover)
        named = _named_elsewhere(generators, settings, shown_files)
        by_drafts = {
            id(s)
            for s in statics
            if id(s) in by_drafts and s.get_relative_source_path() not in named
        }
    candidates = [
        s
        for s in statics
        if id(s) in by_drafts or not is_within_any(s.get_relative_source_path(), folders)
    ]
    if not candidates:
        return []
    return _not_linked_from_published(generators, candidates, shown_files)


def excluded_statics(generators: list, settings: dict[str, Any]) -> list[Any]:
    """Static files a STATIC_EXCLUDES entry names one by one (static/robots.txt), which
    Pelican still copies (it takes each entry as a folder), linked from no published item:
    left out as the writer asked, with no line."""
    folders, excludes = settings.get("STATIC_PATHS", []), settings.get("STATIC_EXCLUDES", [])
    if not excludes:  # nearly every site
        return []
    statics = [
        s
        for g in generators
        for s in getattr(g, "staticfiles", None) or []
        if is_within_any(path := s.get_relative_source_path(), folders)
        and not is_within_any(path, folders, excludes)
    ]
    if not statics:
        return []
    return _not_linked_from_published(generators, statics, _side_files(generators, settings)[1])


def readmes_in_static_folders(generators: list, settings: dict[str, Any]) -> list[Any]:
    """A README (or TODO) in a static folder (content/extra/README) that no published item
    links: a note to the people who edit the folder, as the one at the top is, not published
    (a README.md there is sources_in_static_folders', named)."""
    statics = [
        s
        for g in generators
        for s in getattr(g, "staticfiles", None) or []
        if _is_readme(posixpath.basename(s.get_relative_source_path().replace(os.sep, "/")))
        and not s.source_path.lower().endswith(SOURCE_SUFFIXES)  # README.md: its own line
    ]
    if not statics:  # nearly every site
        return []
    return _not_linked_from_published(generators, statics, _side_files(generators, settings)[1])


def readmes_message(files: list[str], content: str) -> str:
    """The note, one a build, for the READMEs and TODOs of static folders left out
    (``readmes_in_static_folders``; ``files``: their paths in the content folder): a writer
    who meant one for readers learns how to publish it."""
    shown_files = ", ".join(f"{content}/{f}" for f in files[:3])
    more = f" and {len(files) - 3} more" if len(files) > 3 else ""
    one = len(files) == 1
    return (
        f"{shown_files}{more} {'is' if one else 'are'} not published: a README or TODO in a "
        "static folder is a note to the people who edit it; to publish "
        f"{'it' if one else 'one'}, link it from a post or page as {{static}}/{files[0]}"
    )


# endings of source code and of private files: in a static folder with no link to them, most
# likely an old site's files that its STATIC_PATHS kept unpublished (an adopted blog's
# extra/*.cpp, *.py), now out to anyone who guesses their address
PRIVATE_LOOKING = (
    *(".py", ".c", ".h", ".cc", ".cpp", ".cxx", ".hpp", ".java", ".go", ".rs", ".rb"),
    *(".php", ".pl", ".sh", ".bash", ".ps1", ".bat", ".env", ".pem", ".sqlite", ".db"),
)


def private_looking_statics(generators: list, settings: dict[str, Any]) -> list[Any]:
    """Source code and private-looking files (PRIVATE_LOOKING) of static folders that no
    published item links and EXTRA_PATH_METADATA does not place: published, maybe unmeant."""
    placed = set(settings.get("EXTRA_PATH_METADATA") or {})
    statics = [
        s
        for g in generators
        for s in getattr(g, "staticfiles", None) or []
        if s.source_path.lower().endswith(PRIVATE_LOOKING)
        and s.get_relative_source_path().replace(os.sep, "/") not in placed
    ]
    if not statics:  # nearly every site
        return []
    return _not_linked_from_published(generators, statics, _side_files(generators, settings)[1])


def private_looking_message(files: list[tuple[str, str]], content: str) -> str:
    """The note, one a build, for ``private_looking_statics`` (``files``: (path in the content
    folder, its address) each): a writer learns they are out, and how to keep them in."""
    shown_files = ", ".join(f"{content}/{f}" for f, _ in files[:3])
    more = f" and {len(files) - 3} more" if len(files) > 3 else ""
    one = len(files) == 1
    them, they = ("it", "it is") if one else ("them", "they are")
    return (
        f"{shown_files}{more}: source code or private {'file' if one else 'files'} in a "
        f"static folder, published (at /{files[0][1]}) though no post or page links {them}: "
        f"an old site whose STATIC_PATHS left the folder out kept {them} unpublished; if "
        f"{they} not for readers, move {them} out of {content}/; a file to download is linked "
        f"from a post as {{static}}/{files[0][0]}"
    )


def draft_key_paths(generators: list) -> set[str]:
    """The content paths drafts' keys name (a draft's or a future post's Cover:): withheld
    with the draft on purpose in a build that writes no drafts, never an unpublished file."""
    siteurl = str(generators[0].settings.get("SITEURL") or "") if generators else ""
    return set().union(
        *(
            _key_paths(item.metadata, item.relative_dir, siteurl)
            for generator in generators
            for item in content_items(generator)
            if getattr(item, "status", "published") == "draft"
        )
    )


# a side file's Status that publishes it; any other is read as a draft by its plugin
_SHOWN_STATUSES = ("", "published", "hidden")


def _side_files(generators: list, settings: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    """The side files this build read (team, series and gallery files), as (those withheld,
    the rest). Withheld: a draft (its Status), a gallery not out yet (plugins/galleries'
    ``gallery_folders``: a draft, or dated later), a series file while its series has no
    published part (a series page is written once a part is out), and a translation of one."""
    context = generators[0].context
    series = settings.get("SERIES_PATH")
    series = series.strip("/") if isinstance(series, str) else ""
    listed = {getattr(s, "slug", None) for s in context.get("series_list") or []}
    files = side.read_this_build(settings)
    held = set()
    for side_file in files:
        folder, main = posixpath.dirname(side_file.relpath), side_file.slug.partition(".")[0]
        status = str(side_file.metadata.get("status") or "").strip().lower()
        if (
            status not in _SHOWN_STATUSES
            or (gallery_of(side_file.relpath, context) or ("", ""))[1]
            or (series and folder == series and main not in listed)
        ):
            held.add((folder, side_file.slug))
    withheld, shown_files = [], []
    for side_file in files:
        folder, main = posixpath.dirname(side_file.relpath), side_file.slug.partition(".")[0]
        waits = (folder, side_file.slug) in held or (folder, main) in held  # with its original
        (withheld if waits else shown_files).append(side_file)
    return withheld, shown_files


def _key_paths(metadata: dict[str, Any], relative_dir: str, siteurl: str = "") -> set[str]:
    """The content paths an item's keys name (``Cover: images/x.jpg``, ``{static}/images/x.jpg``,
    ``/images/x.jpg?v=2``, the site's full URL; relative to the content folder, or to the
    item's folder)."""
    own = siteurl.rstrip("/") + "/" if siteurl else ""
    found = set()
    for key, value in (metadata or {}).items():
        for one in value if isinstance(value, list | tuple | set | frozenset) else (value,):
            if key == "summary" or not isinstance(one, str) or "\n" in one or len(one) > 500:
                continue
            path = one.strip()
            for prefix in ("{static}", "|static|", "{attach}", "|attach|"):
                path = path.removeprefix(prefix)
            if own and path.startswith(own):  # the site's own address: its path from the root
                path = "/" + path[len(own) :]
            if not path or ":" in path.split("/", 1)[0]:
                continue  # a URL of another site, or no path at all
            # a query or fragment names the same file (?v=2); a name may hold # itself
            for each in {path, unquote(path), re.split(r"[?#]", path, maxsplit=1)[0]}:
                if not each:
                    continue
                if each.startswith("/"):
                    found.add(posixpath.normpath(each.lstrip("/")))
                else:
                    found.add(posixpath.normpath(each))
                    found.add(posixpath.normpath(posixpath.join(relative_dir, each)))
    return found


def _named_elsewhere(
    generators: list, settings: dict[str, Any], side_files: Iterable[Any] = ()
) -> set[str]:
    """The content paths settings, published posts' and pages' keys and the shown team,
    gallery and series files' keys name (where a file is named by its path rather than
    linked): each value read as one path, as a ``Cover:`` is, never searched for one (a
    Summary or another site's address that holds a file's path names nothing)."""
    siteurl = str(settings.get("SITEURL") or "")
    named = _key_paths(settings, "", siteurl)
    for side_file in side_files:
        named |= _key_paths(side_file.metadata, posixpath.dirname(side_file.relpath), siteurl)
    for generator in generators:
        for item in content_items(generator):
            if getattr(item, "status", "published") != "draft":
                named |= _key_paths(item.metadata, item.relative_dir, siteurl)
    return named


def _linked_statics(
    items: list, statics: list[Any], settings: dict[str, Any], side_files: Iterable[Any] = ()
) -> set[int]:
    """The ids of those of ``statics`` these items and side files link to (``written_links``):
    with {static}, {attach} or {filename} as written, or by their address (``/images/x.jpg``,
    the site's full URL, or relative: from the item's page, or from its file as an editor
    previews it, ``../images/x.jpg``)."""
    # a side file's text is shown on other pages, and has no page of its own to start from
    written = [(item, True) for item in items] + [(f.page, False) for f in side_files]
    if not written:
        return set()
    sources = set().union(*(written_static_links(item) for item, _ in written))
    under = links.site_path(settings.get("SITEURL", ""))
    addresses = set()
    for item, has_page in written:
        local = [url for _, url in getattr(item, "blogcore_local_urls", ()) or ()]
        by_address = [*local, *(getattr(item, "blogcore_site_urls", ()) or ())]
        if not by_address:  # nearly every item (and a bio's page has no address to ask for)
            continue
        page = (getattr(item, "url", "") or "") if has_page else ""
        for url in by_address:
            address = links.site_target(url, page, under)
            if address:
                addresses.add(address)
        for url in local:
            if not url.startswith("/"):
                sources.update(links.candidate_paths(url, item.relative_dir))
    return {
        id(s)
        for s in statics
        if s.get_relative_source_path() in sources or unquote(static_output(s)[1]) in addresses
    }


def linked_by_address(generators: list, siteurl: str = "") -> set[str]:
    """The content paths posts and pages link to by address rather than with {static},
    {attach} or {filename}: relative to their file (``photo.jpg``, ``./img/x.jpg``,
    ``../x.jpg``) or from "/" (``/trips/x.jpg``). Such a link publishes nothing, and the link
    check names each one that leads to nothing published, with what to write
    ({attach}photo.jpg): "nothing links to it" would be untrue of the file."""
    under = links.site_path(siteurl)
    found: set[str] = set()
    for generator in generators:
        for item in content_items(generator):
            for _, url in getattr(item, "blogcore_local_urls", ()) or ():
                if under and url.startswith(under + "/"):
                    url = url[len(under) :]
                found.update(links.candidate_paths(url, item.relative_dir))
    return found


def _not_linked_from_published(
    generators: list, statics: list[Any], side_files: Iterable[Any] = ()
) -> list[Any]:
    """Those of ``statics`` no published post, page, team bio or shown side file (a published
    gallery's description, a series' introduction) links to ({static}, {attach} or
    {filename} as written, or by address)."""
    bios = getattr(generators[0].context.get("team"), "bios", None) or {}
    published = [
        item
        for generator in generators
        for item in content_items(generator)
        if getattr(item, "status", "published") != "draft"
    ]
    published += bios.values()
    wanted = _linked_statics(published, statics, generators[0].settings, side_files)
    return [s for s in statics if id(s) not in wanted]


# a post's or page's source: published raw by a static folder (its front matter and all)
SOURCE_SUFFIXES = tuple(f".{ext}" for ext in links.SOURCE_EXTENSIONS)


def sources_in_static_folders(generators: list) -> list[Any]:
    """Markdown and reStructuredText files a static folder would publish as they are (a
    draft's text, front matter and all, at /images/x.md), that no published post or page
    links to with {static} or {attach} (a file offered for download)."""
    statics = [
        s
        for g in generators
        for s in getattr(g, "staticfiles", None) or []
        if s.source_path.lower().endswith(SOURCE_SUFFIXES)
    ]
    if not statics:
        return []
    return _not_linked_from_published(
        generators, statics, _side_files(generators, generators[0].settings)[1]
    )


def _beside(content: str, path: str) -> list[str]:
    """The content paths of the files in the folder of ``path`` (an {attach}ed file that is
    not there: one whose name stores its accents otherwise is, links.stored_otherwise)."""
    folder = posixpath.dirname(path)
    try:
        names = os.listdir(os.path.join(content, folder))
    except OSError:
        return []
    return [posixpath.join(folder, name) for name in names]


def _spaces_dropped(link: str, kind: str, value: str, target, settings) -> str | None:
    """A reStructuredText link that names no file because docutils took the spaces out of
    its address (``{static}/extra/annual report.pdf``): what to write instead."""
    folder = os.path.join(settings["PATH"], os.path.dirname(target.path))
    try:
        names = os.listdir(folder)
    except (OSError, ValueError):  # ValueError: a NUL byte (%00) in the link
        return None
    name = links.spaces_dropped(os.path.basename(target.path), names)
    return name and links.spaces_dropped_problem(link, kind, value, name)


def keep_placed_statics(generators: list, settings: dict[str, Any]) -> None:
    """Keep each static file EXTRA_PATH_METADATA places (the favicon at /favicon.svg) where it
    is, before any {attach} link to it is resolved: Pelican's ``attach_to`` never moves a file
    whose output is overridden, as the site's own is meant to be, but ``path`` alone is no
    override, so the link moved the favicon beside its post and the theme's took its place.
    The link points where the file is, and ``attach_fallbacks`` says so."""
    mapped = settings.get("EXTRA_PATH_METADATA") or {}
    statics = (generators[0].context if generators else {}).get("static_content", {})
    for path, static in statics.items():
        placed = mapped.get(path)
        if not isinstance(placed, dict) or not {"path", "save_as", "url"} & placed.keys():
            continue
        if not (hasattr(static, "override_save_as") or hasattr(static, "override_url")):
            static.override_save_as = static.save_as  # Pelican's fixed path: as placed


def escape_static_urls(generators: list, settings: dict[str, Any]) -> None:
    """Give each static file whose name holds a space (or another character a URL in HTML
    may not hold) a URL with it escaped, before any link to it is resolved: Pelican writes the
    path as it is (``src="images/hall plan.svg"``, not valid HTML).

    An ``{attach}`` link to such a file moves it beside its post now, by Pelican's own
    ``attach_to`` (which says, as it always does, when it cannot), and becomes a ``{static}``
    link to it: Pelican moved the file while resolving the link, with its raw path, and an
    escaped URL set before would have stopped the move."""
    statics = [s for g in generators for s in getattr(g, "staticfiles", None) or []]
    wanting = {
        id(s): s
        for s in statics
        if "url" not in s.metadata  # a URL the site chose (EXTRA_PATH_METADATA): as written
        and urls.escaped(static_output(s)[1]) != static_output(s)[1]
    }
    if not wanting:
        return
    context = generators[0].context
    pattern = links.link_pattern(settings["INTRASITE_LINK_REGEX"])
    now = datetime.datetime.now(datetime.UTC)
    for generator in generators:
        for item in content_items(generator):
            body = compat.html_of(item) or ""
            summary = item.metadata.get("summary")
            summary = summary if isinstance(summary, str) else ""
            moved = set()
            for link, _, value in links.intrasite_links(body + summary, pattern, {"attach"}):
                target = link_targets(item, value, "attach", context, now)
                static = context.get("static_content", {}).get(target.path)
                if static is not None and id(static) in wanting:
                    static.attach_to(item)
                    moved.add(link)
            if moved:
                compat.set_html(item, links.as_static(body, pattern, moved))
                if summary:
                    compat.set_summary(item, links.as_static(summary, pattern, moved))
    for static in wanting.values():
        static.override_url = urls.escaped(static_output(static)[1])  # Pelican's fixed URL


def resolve_missed_links(generators: list, settings: dict[str, Any]) -> None:
    """Resolve the links Pelican's replacement passes over, before it runs: each
    ``{static}``, ``{attach}`` or ``{filename}`` candidate of a ``srcset``
    (``<source srcset="{static}/images/x.webp">``: its pattern leaves srcset out) and each
    link of a tag before the last (``<video src="{static}/a.mp4" poster="{static}/a.jpg">``:
    its greedy ``[^>]+`` takes only the poster), as Pelican resolves the last; in posts' and
    pages' text and ``Summary:``, team bios and the side files' text (a gallery's
    description, a series' introduction). The braces were published. One that finds nothing
    published stays as written: ``link_problems`` names it."""
    context = generators[0].context if generators else {}
    intrasite = settings["INTRASITE_LINK_REGEX"]
    pattern = links.link_pattern(intrasite)
    siteurl = settings.get("SITEURL") or ""
    now = datetime.datetime.now(datetime.UTC)

    def resolved(item: Any, html: str) -> str:
        def address(kind: str, value: str) -> str | None:
            if kind == "index":
                return text.absolute_url(siteurl, settings.get("INDEX_SAVE_AS"))
            if kind in WRAPPERS:  # {tag}name: made from the name alone, as Pelican does
                wrapper = WRAPPERS[kind](value, settings) if value.strip() else None
                return wrapper and text.absolute_url(siteurl, wrapper.url)
            if kind not in links.LINKED_KINDS:
                return None
            target = link_targets(item, value, kind, context, now)
            keys = ["generated_content"] if kind == "filename" else []
            found = next(
                (
                    c
                    for k in [*keys, "static_content"]
                    if (c := context.get(k, {}).get(target.path))
                ),
                None,
            )
            if target.state != links.PUBLISHED or found is None:
                return None
            if kind == "attach":
                found.attach_to(item)  # Pelican's own move, as for an {attach} src
            return text.absolute_url(siteurl, found.url)

        html = links.resolved_srcsets(html, intrasite, address)
        return links.resolved_earlier(html, pattern, address)

    bios = getattr(context.get("team"), "bios", None) or {}  # plugins/team: Content objects
    profiles = getattr(context.get("team"), "profiles", None) or {}
    for item in [
        *(i for g in generators for i in content_items(g)),
        *bios.values(),
        *(getattr(p, "bio", None) for each in profiles.values() for p in each.values()),
        *(f.page for f in side.read_this_build(settings)),
    ]:
        if item is None:
            continue
        body = compat.html_of(item) or ""
        if body and (new := resolved(item, body)) != body:
            compat.set_html(item, new)  # compat.py: Content._content, no public setter
        summary = item.metadata.get("summary")
        if isinstance(summary, str) and (new := resolved(item, summary)) != summary:
            compat.set_summary(item, new)  # compat.py: Content._summary


def missed_static_links(items: Iterable[Any], settings: dict[str, Any]) -> set[str]:
    """The files of the content folder that these items link to with ``{static}`` or
    ``{attach}`` where Pelican does not look for files to copy (a ``srcset``, a tag's links
    before its last; any link of a ``Summary:``, shown on the home page and in the feeds),
    which Pelican's ``static_links`` would leave uncopied; ``resolve_missed_links`` resolves
    those of the text to them, Pelican those of a Summary's it finds."""
    intrasite = settings["INTRASITE_LINK_REGEX"]
    pattern = links.link_pattern(intrasite)
    found = set()
    for item in items:
        html = compat.html_of(item) or ""
        summary = item.metadata.get("summary")
        summary = summary if isinstance(summary, str) else ""
        for _, kind, value in [
            *links.passed_over(html, pattern),
            *links.srcset_links(html, intrasite),
            *links.intrasite_links(summary, pattern),
            *links.srcset_links(summary, intrasite),
        ]:
            if kind not in ("static", "attach"):
                continue
            found.update(
                next(
                    (
                        [path]
                        for path in links.candidate_paths(value, item.relative_dir)
                        if os.path.isfile(os.path.join(settings["PATH"], path))
                    ),
                    [],
                )
            )
    return found


def static_claims(generator, settings: dict[str, Any]) -> list[urls.Claim]:
    """Static files (images, extra/...) the static generator copies."""
    claims = []
    for item in getattr(generator, "staticfiles", None) or []:
        hint = urls.STATIC_HINT
        save_as, _ = static_output(item)  # not marked linked: an {attach} link may move it
        claims.append(urls.Claim(save_as, shown(settings, item.source_path), item, hint))
    return claims


def _keep(values: list, dropped: set[int]) -> None:
    values[:] = [v for v in values if id(v) not in dropped]


def drop(generators: list, items: Iterable[Any]) -> None:
    """Take skipped items out of every list the writer and the templates read."""
    items = list(items)
    dropped = {id(item) for item in items}
    if not dropped:
        return
    for generator in generators:
        for name in (*CONTENT_LISTS, "dates", "staticfiles"):
            values = getattr(generator, name, None)
            if isinstance(values, list):
                _keep(values, dropped)
        for item in content_items(generator):
            if isinstance(getattr(item, "translations", None), list):
                _keep(item.translations, dropped)
        _drop_from_taxonomies(generator, dropped)
    # a link to a skipped file is a link to a file that was not built
    context = generators[0].context
    for item in items:
        relpath = item.get_relative_source_path()
        for key in ("generated_content", "static_content"):
            if context.get(key, {}).get(relpath) is item:
                context[key][relpath] = None


def _drop_from_taxonomies(generator, dropped: set[int]) -> None:
    """Tag, category, author and archive lists (once built), in place: the context holds them."""
    tags = getattr(generator, "tags", None)
    if isinstance(tags, dict):
        for tag, posts in list(tags.items()):
            _keep(posts, dropped)
            if not posts:
                del tags[tag]
    for name in ("tags", "categories", "authors"):
        for holder in (getattr(generator, name, None), generator.context.get(name)):
            if isinstance(holder, list):
                for _, posts in holder:
                    _keep(posts, dropped)
                holder[:] = [(thing, posts) for thing, posts in holder if posts]
    for archives in (getattr(generator, "period_archives", None) or {}).values():
        for archive in archives:
            for key in ("dates", "articles"):
                _keep(archive.get(key, []), dropped)
        archives[:] = [a for a in archives if a.get("dates")]


def link_targets(item, value: str, kind: str, context: dict, now: datetime.datetime):
    """What one ``{filename}``/``{static}`` link of an item points at (a links.Target)."""
    keys = ["generated_content", "static_content"] if kind == "filename" else ["static_content"]
    candidates = links.candidate_paths(value, item.relative_dir)
    for key in keys:
        found = context.get(key, {})
        for path in candidates:
            if path not in found:
                continue
            target = found[path]
            if target is None:
                return links.Target(path, links.FAILED)
            if not os.path.isfile(getattr(target, "source_path", None) or ""):
                # Pelican adds every {static} link to the static files, found or not
                return links.Target(path, links.MISSING)
            if _outside(path):  # nothing outside the content folder is published
                return links.Target(path, links.OUTSIDE)
            status = getattr(target, "status", "published")
            unready = _unready_gallery(path, context)
            if unready:  # its photos are not published: a withheld gallery publishes nothing
                return links.Target(path, links.GALLERY, why=unready)
            if key == "static_content" and withheld_comment_data(path, item.settings):
                return links.Target(path, WITHHELD_COMMENTS)  # left out at content_final
            # a static file gets DEFAULT_METADATA's status as a post does (an adopted site's
            # {'status': 'draft'}), but Pelican copies every static file whatever it says
            if status != "draft" or key == "static_content":
                return links.Target(path, links.PUBLISHED)
            date = getattr(target, "date", None)
            said_draft = str(target.metadata.get("status", "")).lower() == "draft"
            if date is not None and date.tzinfo is None:
                now = now.replace(tzinfo=None)
            if isinstance(date, datetime.datetime) and not said_draft and date > now:
                return links.Target(path, links.FUTURE, date.strftime("%Y-%m-%d"))
            return links.Target(path, links.DRAFT)
    if kind == "filename":  # a {static} link to such a file publishes it (Pelican copies it)
        for path in candidates:
            if os.path.isfile(os.path.join(item.settings["PATH"], path)):
                # a script or a PDF beside the posts, in no static folder: nothing copies it
                return links.Target(path, links.UNPUBLISHED)
    return links.Target(candidates[0], links.MISSING)


def _outside(path: str) -> bool:
    """Whether a content path climbs out of the content folder (../notes.md)."""
    return path == ".." or path.startswith("../")


def outside_statics(generators: list) -> list[Any]:
    """The static files Pelican found by a link out of the content folder ({static}/../x)."""
    return [
        s
        for g in generators
        for s in getattr(g, "staticfiles", None) or []
        if _outside(posixpath.normpath(s.get_relative_source_path()))
    ]


def gallery_of(path: str, context: dict) -> tuple[str, str] | None:
    """(slug, why readers may not see it yet, or "") of the gallery a content path is a file
    of (galleries/<slug>/x.jpg), from plugins/galleries' ``gallery_folders``; None if none."""
    return (context.get("gallery_folders") or {}).get(posixpath.dirname(path))


def _unready_gallery(path: str, context: dict) -> str:
    """'offsite-2024', a draft (...)' when ``path`` is a photo of a gallery not out yet."""
    slug, why = gallery_of(path, context) or ("", "")
    return f"{slug!r}, {why}" if why else ""


def unready_gallery_statics(generators: list) -> list[Any]:
    """The static files Pelican would copy (a post links them) that are photos of a gallery
    readers may not see yet: a withheld gallery publishes nothing, not even its photos."""
    context = generators[0].context if generators else {}
    return [
        s
        for g in generators
        for s in getattr(g, "staticfiles", None) or []
        if _unready_gallery(s.get_relative_source_path(), context)
    ]


def link_problems(
    generators: list, settings: dict[str, Any]
) -> Iterator[tuple[bool, str, str, str | None]]:
    """Every broken or unpublished link of every post and page: (a warning only: the item is
    a draft, or the link works all the same; line, the link's path as written after
    ``{filename}``, ``{static}`` or ``{attach}`` (the whole link for a word Pelican does not
    resolve, ``{archives}``), and the content file it names when that is there but
    unpublished, else None)."""
    pattern = links.link_pattern(settings["INTRASITE_LINK_REGEX"])
    context = generators[0].context if generators else {}

    @functools.cache
    def known(kind: str) -> list[str]:
        """The content paths a missing target may have meant: posts and pages for {filename},
        static files that are there for {static} and {attach} (Pelican lists missing ones too)."""
        if kind == "filename":
            return [p for p, c in context.get("generated_content", {}).items() if c is not None]
        statics = context.get("static_content", {}).items()
        return [
            p
            for p, c in statics
            if os.path.isfile(getattr(c, "source_path", None) or "") and not _outside(p)
        ]

    @functools.cache
    def written() -> dict[str, str]:
        """Each post's and page's content path, as "post" or "page": a {static} link to
        one's source file is told to link it by {filename}."""
        found = context.get("generated_content", {}).items()
        return {p: "post" if isinstance(c, Article) else "page" for p, c in found if c}

    content_dir = shown(settings, "")
    now = datetime.datetime.now(datetime.UTC)
    bios = getattr(context.get("team"), "bios", None) or {}  # plugins/team: Content objects

    @functools.cache
    def names(kind: str) -> dict[str, str]:
        """slug -> name of every tag, category or author a page is written for."""
        found = {w.slug: w.name for w, _ in context.get(LISTS[kind], [])}
        if kind == "author":  # plugins/team writes a profile for people without posts too
            team = getattr(context.get("team"), "authors", None) or {}
            found.update({slug: getattr(a, "name", slug) for slug, a in team.items()})
        return found

    for items in [*(content_items(g) for g in generators), bios.values()]:
        for item in items:
            # the body as read, links unresolved (compat.py: Content._content); the summary,
            # until resolved, in metadata
            body = compat.html_of(item) or ""
            summary = item.metadata.get("summary")
            if item.metadata.get(summaries.MARKED):  # the body's own text, checked with it
                summary = None
            places = [("", body), ("Summary: ", summary if isinstance(summary, str) else "")]
            reported = set()
            for where, html in places:
                found = [
                    *links.intrasite_links(html, pattern, None),
                    *links.srcset_links(html, settings["INTRASITE_LINK_REGEX"]),
                    *((link, "", link) for link in links.source_file_links(html)),
                    # {filename} with its braces encoded: kind "%filename"
                    *((link, f"%{kind}", value) for link, kind, value in links.encoded_links(html)),
                ]
                for link, kind, value in found:
                    if (where, link) in reported:
                        continue
                    reported.add((where, link))
                    target = None
                    works = False  # the link works: a warning only, and said at its line
                    if kind.startswith("%"):  # %7Bfilename%7D/x.png: never resolved
                        kind = kind[1:]
                        target = link_targets(item, value, kind, context, now)
                        decoded = f"{{{kind}}}{value}"
                        if kind == "filename" and _is_static(target, context):
                            shown_path = f"{content_dir}/{target.path}"
                            still = links.static_by_filename_problem(decoded, value, shown_path)
                        else:
                            paths = known("filename" if kind == "filename" else "static")
                            still = links.problem(
                                decoded, target, content_dir, paths, kind, written()
                            )
                        message = links.encoded_problem(link, still)
                        target = None  # nothing is published by it: no file to keep
                    elif kind and kind not in CHECKED_KINDS:  # {statc}, and {index}: fine
                        message = links.unknown_kind_problem(
                            link,
                            kind,
                            settings.get("GALLERY_PATH") or "galleries",
                            _page(kind, settings),
                        )
                        value = link  # as Pelican's own line names it
                    elif kind in links.TAXONOMY_KINDS and not value.strip():
                        listing = _page(LISTS[kind], settings)
                        message = links.no_name_problem(link, kind, listing)
                    elif kind in links.TAXONOMY_KINDS:
                        value = links.taxonomy_name(value)
                        slug = WRAPPERS[kind](value, settings).slug
                        message = links.taxonomy_problem(link, kind, slug, names(kind))
                    elif kind == "filename" and _is_static(
                        target := link_targets(item, value, kind, context, now), context
                    ):
                        shown_path = f"{content_dir}/{target.path}"
                        message = links.static_by_filename_problem(link, value, shown_path)
                        works = True
                    elif kind:
                        if target is None:  # a {filename} link's was looked up just above
                            target = link_targets(item, value, kind, context, now)
                        paths = known("filename" if kind == "filename" else "static")
                        if target.state == links.MISSING and not target.path.isascii():
                            paths = [*paths, *_beside(settings["PATH"], target.path)]
                        message = (
                            comment_link_problem(link, f"{content_dir}/{target.path}")
                            if target.state == WITHHELD_COMMENTS
                            else links.problem(link, target, content_dir, paths, kind, written())
                        )
                        if target.state == links.MISSING and item.source_path.endswith(".rst"):
                            message = (
                                _spaces_dropped(link, kind, value, target, settings) or message
                            )
                    else:  # a source file by its own name
                        named = link_targets(item, value, "filename", context, now)
                        found = named.state != links.MISSING
                        path = named.path if found else ""
                        message = links.source_file_problem(link, found, path)
                    if message:
                        source = shown(settings, item.source_path)
                        kept = target and target.state == links.UNPUBLISHED
                        # at the line the link is written on (a Summary's: its own line)
                        at = "" if where else _at(item, link)
                        line = f"{source}: {where}{at}{message}"
                        warn = item.status == "draft" or works
                        yield warn, line, value, target.path if kept else None


def _page(name: str, settings: dict[str, Any]) -> str | None:
    """The address of one of Pelican's pages of the whole site (archives, tags, categories,
    authors) by its name, from the server's root (/blog/archives/ for a site published
    under /blog); None when there is no such page."""
    if name.lower() not in DIRECT_PAGES or not settings.get(f"{name.upper()}_SAVE_AS"):
        return None
    url = settings.get(f"{name.upper()}_URL") or settings[f"{name.upper()}_SAVE_AS"]
    under = links.site_path(settings.get("SITEURL", ""))
    return f"{under}/{url.removesuffix('index.html').lstrip('/')}"


DIRECT_PAGES = ("archives", "tags", "categories", "authors")


def _is_static(target: links.Target, context: dict) -> bool:
    """Whether a ``{filename}`` link's target is a static file that is published (Pelican
    links it, as {static} would)."""
    return (
        target.state == links.PUBLISHED
        and target.path not in context.get("generated_content", {})
        and target.path in context.get("static_content", {})
    )


def _at(item, link: str) -> str:
    """``line N: `` of a link in its item's source file (outside code), "" when not found."""
    try:
        with open(item.source_path, encoding="utf-8", errors="replace") as f:
            source = f.read()
    except OSError:
        return ""
    # a reST link is written between backticks (`words <address>`_): not code there
    fmt = "rst" if item.source_path.endswith(".rst") else "markdown"
    for written in dict.fromkeys((link, unescape(link))):
        # the whole address: {tag} is not the start of an earlier {tag}python
        whole = re.escape(written) + r"""(?=[)"'>\s]|$)"""
        number = foreign.lines_of([foreign.Foreign(whole, "")], source, fmt)[0]
        if number:
            return f"line {number}: "
    return ""


# Files that work only at the site's root, where a host, a crawler or a browser asks for them
# (/CNAME: GitHub Pages' custom domain, lost when it is missing), wherever a site keeps them
ROOT_FILES = frozenset(
    {
        "CNAME",
        ".nojekyll",
        "robots.txt",
        "favicon.ico",
        "apple-touch-icon.png",
        "humans.txt",
        "ads.txt",
        "app-ads.txt",
        "keybase.txt",
        "_redirects",
        "_headers",
    }
)


# <meta name="date">, its tag read as a browser reads it (content="a > b" before it)
_DATE_META = re.compile(rf"<meta\b{rawtags.before_attribute('name')}[\"']?date\b", re.IGNORECASE)
HTML_SUFFIXES = (".html", ".htm")


# <meta name="category">, "summary" or "tags": keys of a blog post, which slides and an old
# theme's pages do not carry (they do carry author, keywords, description)
_POST_META = re.compile(
    rf"<meta\b{rawtags.before_attribute('name')}[\"']?(?:category|summary|tags)\b", re.IGNORECASE
)
# a post whose template shows it all (<meta name="template">): the reader asks it for no text
_TEMPLATE_META = re.compile(
    rf"<meta\b{rawtags.before_attribute('name')}[\"']?template\b", re.IGNORECASE
)


def html_names_template(text: str) -> bool:
    """Whether an HTML file names its template (<meta name="template">), so that the reader
    says nothing of its empty <body>: its line for a missing date is then its one line."""
    return _TEMPLATE_META.search(text) is not None


# a page that does its work with no text: an old address sending on to its new one
_REFRESH_META = re.compile(
    rf"<meta\b{rawtags.before_attribute('http-equiv')}[\"']?refresh\b", re.IGNORECASE
)
_BODY = re.compile(r"<body\b[^>]*>(.*?)(?:</body\s*>|\Z)", re.IGNORECASE | re.DOTALL)


def html_has_text(text: str) -> bool:
    """Whether an HTML file's <body> holds anything a reader sees (Pelican reads only that)."""
    body = _BODY.search(text)
    return body is not None and has_body(body.group(1))


def html_not_a_post(relpath: str, text: str, keep_out: Iterable[str]) -> bool:
    """Whether an HTML file outside the posts', pages', static and plugins' folders
    (``keep_out``) is a page kept as it is (slides, an old site's archives) rather than a post:
    it says no date (<meta name="date">). Pelican reads it as a post and refuses it; one line
    for its folder says to publish it as it is (``unpublished_message``), not to date it.
    Not one: a file whose <body> is empty (nothing to publish; its one line says so) unless
    it redirects or is a search engine's verification file, nor one with a blog post's keys
    and text (a post lacking only its date)."""
    if not relpath.lower().endswith(HTML_SUFFIXES) or is_within_any(relpath, list(keep_out)):
        return False
    if _DATE_META.search(text) is not None:
        return False
    if VERIFICATION.fullmatch(posixpath.basename(relpath)):
        # google<hex>.html is one line of text and no <body>: told it has none, it was lost
        return True
    if not html_has_text(text):
        return _REFRESH_META.search(text) is not None
    return _POST_META.search(text) is None


def dateless_html(settings: dict[str, Any], relpath: str) -> tuple[str, list[str]] | None:
    """The text of an HTML file Pelican reads as a post where no setting dates it, and the
    folders whose files are never pages kept as they are; None for any other file."""
    if not relpath.lower().endswith(HTML_SUFFIXES):
        return None
    if settings.get("DEFAULT_DATE"):
        # every post without a date is dated by the setting: such a file is a post, whose own
        # lines say what it lacks (a <title>), not a page to publish as it is
        return None
    if not is_within_any(
        relpath, settings.get("ARTICLE_PATHS", []), settings.get("ARTICLE_EXCLUDES", [])
    ):
        return None
    keep_out = [
        *[f for f in settings.get("ARTICLE_PATHS", []) if f.strip("/")],
        *settings.get("PAGE_PATHS", []),
        *settings.get("STATIC_PATHS", []),
        *plugin_folders(settings),
    ]
    try:
        with open(os.path.join(settings["PATH"], relpath), encoding="utf-8", errors="replace") as f:
            return f.read(), keep_out
    except OSError:
        return None


def html_page_kept(settings: dict[str, Any], relpath: str) -> bool:
    """Whether an HTML file Pelican reads as a post is a page kept as it is (slides, an old
    site's archives; ``html_not_a_post``): one line for its folder says so, and it is no post
    for the lines other plugins give refused posts (no byline)."""
    found = dateless_html(settings, relpath)
    return found is not None and html_not_a_post(relpath, *found)


# Of ROOT_FILES, those nothing can use anywhere but at the root (a favicon.ico elsewhere may
# be linked from the theme's <head>)
ONLY_AT_ROOT = ROOT_FILES - {"favicon.ico", "apple-touch-icon.png"}


# a search engine's site verification file (Google's google<hex>.html, Bing's BingSiteAuth.xml,
# Yandex's yandex_<hex>.html): it asks for it at the root only, and says the site unverified
VERIFICATION = re.compile(r"google[0-9a-f]{8,}\.html|BingSiteAuth\.xml|yandex_[0-9a-f]{8,}\.html")


def only_at_root(name: str) -> bool:
    """Whether a file of this name is of use only at the site's root (CNAME, robots.txt, a
    search engine's verification file)."""
    return name in ONLY_AT_ROOT or VERIFICATION.fullmatch(name) is not None


# icons browsers and phones look for at the root by themselves (an old site's favicon.ico, its
# apple-touch-icon-152x152.png): below it, of use only where a page links them
ROOT_ICON = re.compile(r"favicon\.ico|apple-touch-icon(-\d+x\d+)?(-precomposed)?\.png")


def root_files_elsewhere(published: dict[str, str], in_use: Collection[str] = ()) -> list:
    """The static files (source path -> output path, both relative, /-separated) that work
    only at the site's root but are published below it (content/extra/CNAME at /extra/CNAME:
    GitHub Pages then resets the custom domain), when no static file is at the root under that
    name. One the build writes itself (its robots.txt) is named too: the writer's crawl rules
    are not the ones served. An icon (ROOT_ICON) is, unless it is ``in_use`` (icons_in_use)."""
    at_root = set(published.values())
    return sorted(
        (source, save_as)
        for source, save_as in published.items()
        if (
            only_at_root(name := posixpath.basename(source))
            or (ROOT_ICON.fullmatch(name) and source not in in_use)
        )
        and save_as != name
        and name not in at_root
    )


def icons_in_use(generators: list, settings: dict[str, Any]) -> set[str]:
    """The icons (ROOT_ICON) published below the root that something links, by source path: a
    post or page (with {static}, or by its address), or the theme's templates (by name)."""
    statics = [
        s
        for generator in generators
        for s in getattr(generator, "staticfiles", None) or []
        if ROOT_ICON.fullmatch(posixpath.basename(s.get_relative_source_path()))
    ]
    if not statics:  # nearly every site
        return set()
    items = [item for generator in generators for item in content_items(generator)]
    linked = _linked_statics(items, statics, settings)
    folders = [
        *settings.get("THEME_TEMPLATES_OVERRIDES", []),
        os.path.join(settings.get("THEME", ""), "templates"),
    ]
    said = []
    for folder in folders:
        for root, _dirs, names in os.walk(folder):
            for name in names:
                with open(os.path.join(root, name), encoding="utf-8", errors="replace") as f:
                    said.append(f.read())
    themed = "\n".join(said)
    paths = {id(s): s.get_relative_source_path().replace(os.sep, "/") for s in statics}
    return {
        path for key, path in paths.items() if key in linked or posixpath.basename(path) in themed
    }


def _site_writes_clause(name: str, site_writes: dict[str, str] | None) -> str:
    """What else to set for a root file the build writes itself (robots.txt): its own would
    keep the address and the writer's would be skipped."""
    setting = (site_writes or {}).get(name)
    if not setting:
        return ""
    return (
        f'; and set {setting} = "" there: the site writes its own /{name}, which would keep '
        "the address and skip this one"
    )


def _to_root(source: str, published: bool) -> str:
    """What to add for one file to be published at the root under its own name: the mapping,
    and its path in STATIC_PATHS too when no static folder holds it (``published`` False)."""
    mapping = f'"{source}": {{"path": "{posixpath.basename(source)}"}} to EXTRA_PATH_METADATA'
    return f"add {mapping}" if published else f'add "{source}" to STATIC_PATHS and {mapping}'


def root_file_choices(
    elsewhere: Iterable[str], unpublished: Iterable[str], at_root: dict[str, str]
) -> tuple[list[list[tuple[str, bool]]], list[tuple[str, str]]]:
    """The root files each told to be mapped to the root (``elsewhere``: published below it,
    ``unpublished``: not published), grouped by name where two or more would take the one
    address (extra/robots.txt and static/robots.txt: both mapped, the later is skipped), as
    (source, published) pairs; and the unpublished ones whose address a static file already
    has (``at_root``: output path -> source of the static files), with the file that has it."""
    by_name: dict[str, list[tuple[str, bool]]] = {}
    taken = []
    for source, published in [*((s, True) for s in elsewhere), *((s, False) for s in unpublished)]:
        name = posixpath.basename(source)
        if not published and name in at_root:
            taken.append((source, at_root[name]))
        else:
            by_name.setdefault(name, []).append((source, published))
    return [sorted(group) for group in by_name.values() if len(group) > 1], sorted(taken)


def root_choice_message(
    group: list[tuple[str, bool]], content: str, site_writes: dict[str, str] | None = None
) -> str:
    """One line for files that would each be told to be the site's /name: which one is it,
    with the settings for each choice (never advice that, followed for each, clashes)."""
    name = posixpath.basename(group[0][0])
    named = ", ".join(f"{content}/{source}" for source, _ in group[:-1])
    ways = "; ".join(
        f"for {content}/{source}, {_to_root(source, published)}" for source, published in group
    )
    return (
        f"{named} and {content}/{group[-1][0]} would each be the site's /{name}, which is one "
        f"file: keep the one the old site served there, and for it only: {ways}; in "
        f"pelicanconf.py{_site_writes_clause(name, site_writes)}"
    )


def root_taken_message(source: str, holder: str, content: str) -> str:
    """The note for a root file not published whose address another file already has."""
    name = posixpath.basename(source)
    return f"{content}/{source} is not published: the site's /{name} is {content}/{holder}"


def root_copies_below(published: dict[str, str]) -> list[tuple[str, str, str]]:
    """The static files of use only at the root (``only_at_root``) published below it whose
    name another static file has at the root (extra/robots.txt, once static/robots.txt was
    chosen as /robots.txt): (source, output path, the root one's source), each harmless and
    of no use, which root_files_elsewhere leaves out (the root has its file)."""
    at_root = {save_as: source for source, save_as in published.items()}
    return sorted(
        (source, save_as, at_root[name])
        for source, save_as in published.items()
        if only_at_root(name := posixpath.basename(source)) and save_as != name and name in at_root
    )


def root_copy_message(source: str, save_as: str, holder: str, content: str) -> str:
    """The note for a copy of a root file published below the root (``root_copies_below``):
    deleting that one file leaves the root's, which IGNORE_FILES by its name would not."""
    name = posixpath.basename(source)
    return (
        f"{content}/{source} is published at /{save_as}, where nothing reads it: the site's "
        f"/{name} is {content}/{holder}; delete {content}/{source} if it is only an old copy"
    )


def root_file_elsewhere_message(
    source: str, save_as: str, content: str, site_writes: dict[str, str] | None = None
) -> str:
    """The line for one file that works only at the root, published below it; ``site_writes``
    maps a root file the build writes itself to its setting ({"robots.txt": "ROBOTS_SAVE_AS"})."""
    name = posixpath.basename(source)
    instead = _site_writes_clause(name, site_writes)
    works = (
        f"browsers look for {name} only at the site's root, as /{name}, and no page links it"
        if ROOT_ICON.fullmatch(name)
        else f"a {name} works only at the site's root, as /{name}"
    )
    return (
        f"{content}/{source} is published at /{save_as}, where nothing reads it: {works}; "
        f'add "{source}": {{"path": "{name}"}} to '
        f"EXTRA_PATH_METADATA in pelicanconf.py{instead}"
    )


# past this many icons below the root in one folder (an old theme's theme/images/: its
# apple-touch-icon in every size and favicon.ico), one line for the folder, not one each
ICONS_SHOWN = 4


def root_file_lines(
    elsewhere: list[tuple[str, str]], content: str, site_writes: dict[str, str] | None = None
) -> list[str]:
    """The lines for root_files_elsewhere's files: one each, but one per folder for more than
    ICONS_SHOWN icons published into one folder, with the whole mapping to add."""
    icons: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for source, save_as in elsewhere:
        if ROOT_ICON.fullmatch(posixpath.basename(source)):
            key = (posixpath.dirname(source), posixpath.dirname(save_as))
            icons.setdefault(key, []).append((source, save_as))
    folded = {pair for here in icons.values() if len(here) > ICONS_SHOWN for pair in here}
    lines = [
        root_file_elsewhere_message(source, save_as, content, site_writes)
        for source, save_as in elsewhere
        if (source, save_as) not in folded
    ]
    for (folder, published), here in icons.items():
        if len(here) <= ICONS_SHOWN:
            continue
        names = [posixpath.basename(source) for source, _ in here]
        mapping = ", ".join(
            f'"{source}": {{"path": "{posixpath.basename(source)}"}}' for source, _ in here
        )
        lines.append(
            f"{posixpath.join(content, folder)}/: {len(here)} icons ({', '.join(names[:3])} and "
            f"{len(names) - 3} more) are published in /{published}/, where nothing reads them: "
            "browsers and phones look for them only at the site's root, and no page links "
            f"them; add {mapping} to EXTRA_PATH_METADATA in pelicanconf.py"
        )
    return lines


# notes to the people who edit a folder, not to readers: README (in any format), and a to-do
# list in text (notes.txt may be for readers: it is named, with IGNORE_FILES as a way out)
_NOTE_SUFFIXES = frozenset({"", ".txt", ".md", ".markdown", ".rst", ".org"})


def _is_readme(name: str) -> bool:
    """README, README.txt, TODO, TODO.txt: a note to the people who edit the folder, not to
    readers."""
    stem, suffix = os.path.splitext(name.lower())
    return stem == "readme" or (stem == "todo" and suffix in _NOTE_SUFFIXES)


# names a file of a post saved with no .md may have (a text editor adds .txt)
_MAYBE_POST = ("", ".txt")


def posts_by_text(root: str, every: Iterable[str], named: Iterable[str]) -> dict[str, tuple]:
    """The files (relative to the content folder ``root``) that are posts by their text but
    not by their name (saved with no .md, or as .txt), with the keys their front matter
    gives; ``named``: the files whose names are a reader's already (post.md.txt)."""
    found = {}
    for relpath in sorted(set(every) - set(named)):
        if os.path.splitext(relpath)[1].lower() not in _MAYBE_POST:
            continue
        keys = front_matter_of(root, relpath)
        if keys:
            found[relpath] = keys
    return found


def post_home(relpath: str, settings: dict[str, Any], content: str) -> str:
    """The folder a post outside the posts' and pages' folders goes in (content/posts/), as
    staff know it; "" for one inside them (renamed, it is read where it is)."""
    articles = list(settings.get("ARTICLE_PATHS") or [])
    folders = [*articles, *(settings.get("PAGE_PATHS") or [])]
    if is_within_any(relpath, folders):
        return ""
    first = next(iter(articles), "").strip("/")
    return f"{content}/{first}/" if first else ""


def front_matter_of(root: str, relpath: str) -> tuple:
    """The keys a file's first lines give as a post's front matter (post_keys), or (); a
    notebook's, from its first cell or metadata (notebook_keys: the whole file is JSON)."""
    notebook = relpath.lower().endswith(".ipynb")
    try:
        with open(os.path.join(root, relpath), encoding="utf-8", errors="replace") as f:
            return notebook_keys(f.read()) if notebook else post_keys(f.read(4096))
    except OSError:
        return ()


def _ignore_clause(files: list[str], one: bool) -> str:
    """The way out that publishes nothing: the writer's own notes, scripts and logs."""
    names = [posixpath.basename(f) for f in files]
    listed = ", ".join(f'"{n}"' for n in names[:3]) + (" and the others" if len(names) > 3 else "")
    it, them = ("it is", "it") if one else ("they are", "them")
    return (
        f"; if {it} not for readers (notes, scripts), add {listed} to IGNORE_FILES in "
        f"pelicanconf.py instead, which leaves {them} out of the site"
    )


def unpublished_files(
    every: Iterable[str],
    picked: set[str],
    sources: set[str],
    keep_out: Iterable[str],
    ignores: Iterable[str] = (),
) -> dict[str, list[str]]:
    """The files of the content folder (paths relative to it, /-separated) that nothing reads
    or publishes, by the folder a line names: ``""`` for each file at the top and each file
    that works only at the site's root (ROOT_FILES: extras/CNAME), one line each; else the
    shallowest folder above the file with no post or page in it (what to add to STATIC_PATHS),
    or the file's own folder when posts sit there (what to link from a post).

    Left out: what a generator read or copied (``picked``), posts and pages (``sources``, named
    by their own lines), the folders in ``keep_out`` (static folders, whose files Pelican copies
    or a STATIC_EXCLUDES keeps out on purpose; the team, series and galleries folders; the posts'
    and pages' own folders, where a post's companion is linked or named by the link check),
    drafts' folders, dot files and folders, IGNORE_FILES, and a README."""
    keep_out = [f for f in keep_out if f.strip("/")]
    ignores = list(ignores)
    holding = set()  # every folder with a post or page in it or below
    for source in sources:
        parts = source.split("/")[:-1]
        holding.update("/".join(parts[:n]) for n in range(1, len(parts) + 1))
    found: dict[str, list[str]] = {}
    for relpath in sorted(every):
        parts = relpath.split("/")
        if relpath in picked or relpath in sources or _is_readme(parts[-1]):
            continue
        dotted = parts[:-1] if parts[-1] in ROOT_FILES else parts  # .nojekyll is named
        if any(p.startswith(".") for p in dotted) or set(parts[:-1]) & DRAFT_FOLDERS:
            continue
        if any_ignored(parts, ignores):
            continue
        if is_within_any(relpath, keep_out):
            continue
        folders = ["/".join(parts[:n]) for n in range(1, len(parts))]
        free = [f for f in folders if f not in holding]
        key = free[0] if free else (folders[-1] if folders else "")
        if parts[-1] in ROOT_FILES:
            key = ""
        found.setdefault(key, []).append(relpath)
    return found


def unpublished_message(
    folder: str,
    files: list[str],
    content: str,
    holds_posts: bool,
    site_writes: dict[str, str] | None = None,
    read_as_posts: bool = False,
    comments_in: str = "",
) -> str:
    """The line for the files of one folder that nothing publishes (``folder`` "": one file,
    at the top of the content folder or working only at the site's root), naming the files as
    staff know them. ``site_writes`` maps a root file the build writes itself to the setting
    that writes it ({"robots.txt": "ROBOTS_SAVE_AS"}): the writer's own would be skipped.
    ``read_as_posts``: the folder holds HTML pages that are not posts (html_not_a_post), in a
    folder Pelican reads posts from (a static folder is kept out of it: settings.py).
    ``comments_in``: the folder of comments saved as data within ``folder`` (their own line
    names them), which STATIC_PATHS would publish with the rest: never advised."""
    shown_files = ", ".join(f"{content}/{f}" for f in files[:3])
    more = f" and {len(files) - 3} more" if len(files) > 3 else ""
    verb = "is" if len(files) == 1 else "are"
    name = files[0].rsplit("/", 1)[-1]
    if not folder and name in ROOT_FILES:
        # its own path in both settings: STATIC_PATHS copies it, the mapping puts it at /
        path = files[0]
        instead = _site_writes_clause(name, site_writes)
        return (
            f"{content}/{path} is not published: a {name} works only at the site's root, as "
            f'/{name}; add "{path}" to STATIC_PATHS and "{path}": {{"path": "{name}"}} to '
            f"EXTRA_PATH_METADATA in pelicanconf.py, which publishes it there{instead}"
        )
    if not folder:
        return (
            f"{content}/{name} is not published: a file at the top of {content}/ is published "
            f"only when a setting names it; move it to {content}/extra/{name} and add "
            f'"extra/{name}": {{"path": "{name}"}} to EXTRA_PATH_METADATA in pelicanconf.py, '
            f"which publishes it at the site's root as /{name} (as extra/favicon.svg is)"
            f"{_ignore_clause(files, True)}"
        )
    one = len(files) == 1
    it, them = ("it", "it") if one else ("each", "them")
    if holds_posts:
        return (
            f"{shown_files}{more} {verb} not published: nothing links to {them} and "
            f"{content}/{folder}/ is no static folder; link {it} from a post with {{static}} "
            f"(or {{attach}}), or move {them} into {content}/extra/{_ignore_clause(files, one)}"
        )
    if comments_in:
        return (
            f"{shown_files}{more} {verb} not published: {content}/{folder}/ is not a static "
            f"folder, and adding it to STATIC_PATHS would publish the comments in "
            f"{content}/{comments_in}/ too; move {them} into {content}/extra/"
            f"{_ignore_clause(files, one)}"
        )
    if read_as_posts:
        # slides, an old site's pages: dated, they would be posts in the feeds
        pages = "an HTML page" if one else "HTML pages"
        return (
            f"{shown_files}{more} {verb} {pages} with no date, not {'a post' if one else 'posts'}"
            f", and not published: {content}/{folder}/ is not a static folder; add "
            f'"{folder}" to STATIC_PATHS in pelicanconf.py (published at /{folder}/ as '
            f"{'it is' if one else 'they are'}, never read as {'a post' if one else 'posts'})"
        )
    return (
        f"{shown_files}{more} {verb} not published: {content}/{folder}/ is not a static folder; "
        f'add "{folder}" to STATIC_PATHS in pelicanconf.py (published at /{folder}/ as '
        f"{'it is' if one else 'they are'}), or move {them} into {content}/extra/"
        f"{_ignore_clause(files, one)}"
    )


def top_files_message(folded: list[str], content: str) -> str:
    """The line for the files at the top of the content folder that nothing publishes, past
    the first ``repeats.SHOWN``, named each in a line of its own (``unpublished_message``): an
    adopted blog's 12 tool scripts said 12 lines alike, as a folder's files are folded."""
    total = repeats.SHOWN + len(folded)
    return (
        f"{content}/: {total} files at its top are not published ({repeats.SHOWN} named above, "
        f"then {repeats.listed(folded)}): a file there is published only when a setting names "
        f"it; move each to {content}/extra/ and name it in EXTRA_PATH_METADATA in "
        "pelicanconf.py, as the lines above say"
        f"{_ignore_clause(folded, False)}"
    )


# comments kept as data files beside the posts: Staticman commits each to comments/<slug>/ or
# a Jekyll site's _data/comments/, as YAML or JSON
COMMENT_FOLDER = "comments"
COMMENT_DATA = (".yml", ".yaml", ".json")
COMMENT_TEXT_KEYS = frozenset({"message", "comment", "body"})
COMMENTER_KEYS = frozenset({"name", "email", "author"})
# Staticman's own id of each entry; an e-mail (or its md5, for an avatar)
STATICMAN_KEYS = frozenset({"_id", "email"})
_JSON_KEY = re.compile(r'"([A-Za-z_][\w-]*)"\s*:')
_YAML_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)?([A-Za-z_][\w-]*)[ \t]*:(?=[ \t]|$)", re.M)


def data_keys(text: str, json_file: bool) -> set[str]:
    """The keys a JSON or YAML data file uses, at any depth, lowercased (its shape, read
    without a YAML parser: a comment is one mapping or a list of them)."""
    return {key.lower() for key in (_JSON_KEY if json_file else _YAML_KEY).findall(text)}


def is_comment_data(relpath: str, text: str) -> bool:
    """Whether a file (its path in the content folder, its text) holds comments saved as data
    (Staticman's): YAML or JSON with a commenter's key in a folder named comments, or anywhere
    with a commenter, a message and Staticman's _id or an e-mail. A team or links file (a name
    and an e-mail, no message) is not."""
    lowered = relpath.lower()
    if not lowered.endswith(COMMENT_DATA):
        return False
    keys = data_keys(text, lowered.endswith(".json"))
    if COMMENT_FOLDER in relpath.split("/")[:-1]:
        return bool(keys & (COMMENTER_KEYS | COMMENT_TEXT_KEYS))
    return bool(keys & COMMENT_TEXT_KEYS and keys & COMMENTER_KEYS and keys & STATICMAN_KEYS)


def comment_files(root: str, relpaths: Iterable[str]) -> list[str]:
    """The files (paths in the content folder ``root``) that hold comments saved as data."""
    found = []
    for relpath in relpaths:
        if not relpath.lower().endswith(COMMENT_DATA):
            continue
        try:
            with open(os.path.join(root, relpath), encoding="utf-8", errors="replace") as f:
                text = f.read(65536)
        except OSError:
            continue
        if is_comment_data(relpath, text):
            found.append(relpath)
    return found


def comment_home(files: list[str], every: Iterable[str]) -> str:
    """The highest folder holding the comment files and nothing else (what IGNORE_FILES and
    STATIC_EXCLUDES can name: comments/, not comments/<slug>/), else ""."""
    every = [f for f in every if not _is_dotted(f)]
    wanted = set(files)
    home, found = posixpath.commonpath([posixpath.dirname(f) for f in files]), ""
    while home and {f for f in every if f.startswith(f"{home}/")} <= wanted:
        home, found = posixpath.dirname(home), home
    return found


def _is_dotted(relpath: str) -> bool:
    """Whether a file or one of its folders is hidden (.DS_Store, .git/)."""
    return any(part.startswith(".") for part in relpath.split("/"))


def comment_groups(files: list[str], every: Iterable[str]) -> list[tuple[str, list[str]]]:
    """The comment files by the lines that name them: one for all when a folder holds only
    them (with that folder), else one per folder (with that folder, or "" when it holds other
    files too)."""
    every = list(every)
    home = comment_home(files, every)
    if home:
        return [(home, files)]
    by_folder: dict[str, list[str]] = {}
    for relpath in files:
        by_folder.setdefault(posixpath.dirname(relpath), []).append(relpath)
    return [(comment_home(group, every), group) for group in by_folder.values()]


def named_files(content: str, files: list[str]) -> str:
    """The files as a line names them: the first three by path, then how many more."""
    more = f" and {len(files) - 3} more" if len(files) > 3 else ""
    return ", ".join(f"{content}/{f}" for f in files[:3]) + more


# characters fnmatch reads as a pattern: a name holding one is never advised as written
_GLOB_MARKS = frozenset("*?[]")
# the folder comments are advised into when no name of theirs is theirs alone
_OWN_FOLDER = "staticman-comments"


def ignore_way(
    files: list[str], home: str, every: Iterable[str] = (), content: str = "content"
) -> str:
    """How IGNORE_FILES leaves out these comment files and nothing else. Pelican matches each
    of its patterns against the name of every file and folder, in every folder (fnmatch), so
    a name another file or folder has too (content/posts/comments/) would leave that out
    as well: the folder holding only them (``home``), else their names (three at most), else
    a pattern of their names (entry*.yml), else a folder of a name of its own to move them
    into. ``every``: every file of the content folder but other comments saved as data (a
    name that leaves them out too is welcome)."""
    wanted = set(files)
    others = [f.split("/") for f in every if f not in wanted and not _is_dotted(f)]

    def alone(patterns: list[str]) -> bool:
        return not any(any_ignored(parts, patterns) for parts in others)

    names = [posixpath.basename(f) for f in files]
    stems = [posixpath.splitext(n)[0] for n in names]
    stem = min(stems)  # the start all the names share, by characters (entry160297…)
    while not all(s.startswith(stem) for s in stems):
        stem = stem[:-1]
    stem = stem.rstrip("0123456789-_.")
    candidates = [[posixpath.basename(home)]] if home else []
    plain = not _GLOB_MARKS & set("".join(names))  # fnmatch would read a [ in a name
    if plain and len(names) <= 3:
        candidates.append(names)
    if plain and len(names) > 1 and len(stem) >= 3:
        candidates.append(sorted({stem + "*" + posixpath.splitext(n)[1] for n in names}))
    why = ""
    for patterns in candidates:
        patterns = list(dict.fromkeys(patterns))
        hit = next((parts for parts in others if any_ignored(parts, patterns)), None)
        if hit is None:
            listed = ", ".join(f'"{p}"' for p in patterns)
            return f"add {listed} to IGNORE_FILES in pelicanconf.py"
        if not why:  # the first other file or folder the first way would leave out
            end = next(i for i, part in enumerate(hit) if any_ignored([part], patterns))
            taken = "/".join(hit[: end + 1]) + ("/" if end < len(hit) - 1 else "")
            listed = ", ".join(f'"{p}"' for p in patterns)
            why = (
                f" (not {listed}: IGNORE_FILES matches names in every folder, and "
                f"{content}/{taken} would be left out too)"
            )
    own = next(
        name
        for name in (_OWN_FOLDER, *(f"{_OWN_FOLDER}-{n}" for n in range(2, 100)))
        if alone([name])
    )
    moved = f"{content}/{home}/ to" if home else "them into"
    return f'move {moved} {content}/{own}/{why} and add "{own}" to IGNORE_FILES in pelicanconf.py'


def _holds_comments(one: bool) -> str:
    """What comment files are: one may hold many (a Jekyll site's _data/comments.yml)."""
    return "holds comments saved as data" if one else "are comments saved as data files"


def comments_message(
    shown_files: str,
    files: list[str],
    content: str,
    folder: str,
    home: str = "",
    every: Iterable[str] = (),
) -> str:
    """The line for comments saved as data files (Staticman's), which the theme never shows:
    never to be published as they are (each holds a commenter's name, often an e-mail hash,
    and the message), only left out. ``folder``: the one a generic line would have added to
    STATIC_PATHS; ``home``: the folder holding only them (comment_home), which IGNORE_FILES
    can name, else their names are given; ``every``: every file of the content folder, which
    that name must not leave out too (ignore_way)."""
    one = len(files) == 1
    verb, they = ("is", "it") if one else ("are", "they")
    target = f'"{folder}"' if folder else ("it" if one else "them")  # at the top of content/
    return (
        f"{shown_files} {_holds_comments(one)} (Staticman's), which this site "
        f"does not show, and {they} {verb} not published: its comments are Isso's, and nothing "
        "here imports these into it (docs/comments.md, Comments from an old blog); do not add "
        f"{target} to STATIC_PATHS, which would publish each commenter's name and "
        f"message as a raw file; {ignore_way(files, home, every, content)} to "
        f"say they stay out of the site (they stay in {content}/ for the record)"
    )


def static_comments_way(
    files: list[str],
    home: str,
    static_paths: Iterable[str],
    every: Iterable[str] = (),
    content: str = "content",
) -> str:
    """What keeps comment files that STATIC_PATHS names out of the site: the entry that names
    only them taken out and their folder in IGNORE_FILES, else STATIC_EXCLUDES their own
    folder, else IGNORE_FILES their names (a folder shared with other files); the name given
    to IGNORE_FILES is theirs alone among ``every`` file of the content folder (ignore_way)."""
    entries = [p.strip("/") for p in static_paths if any(is_within_any(f, [p]) for f in files)]
    if home and entries and all(e == home or e.startswith(f"{home}/") for e in entries):
        listed = ", ".join(f'"{e}"' for e in entries)
        # out of STATIC_PATHS alone, they would be files nothing publishes: a line of their own
        return f"take {listed} out of STATIC_PATHS and {ignore_way(files, home, every, content)}"
    if home:
        return f'add "{home}" to STATIC_EXCLUDES in pelicanconf.py'
    return ignore_way(files, "", every, content)


# a link's target that is comments saved as data, left out of the site (on_static_comments)
WITHHELD_COMMENTS = "comment data"


def withheld_comment_data(relpath: str, settings: dict[str, Any]) -> bool:
    """Whether a static file (its path in the content folder) is comments saved as data,
    which the build leaves out of the site unless BLOGCORE_PUBLISH_COMMENT_DATA says not to."""
    if settings.get("BLOGCORE_PUBLISH_COMMENT_DATA") or not relpath.lower().endswith(COMMENT_DATA):
        return False
    return bool(comment_files(settings["PATH"], [relpath]))


def comment_link_problem(link: str, shown_path: str) -> str:
    """The end of a link's line when it points at comments saved as data, left out of the
    site: the page would link to nothing."""
    return (
        f"the link {link} points at {shown_path}, comments saved as data (Staticman's), each "
        "with a commenter's name and message, which are left out of the site: remove the "
        "link, or set BLOGCORE_PUBLISH_COMMENT_DATA = True in pelicanconf.py if every "
        "commenter agreed to be published so (this site's comments are Isso's: "
        "docs/comments.md, Comments from an old blog)"
    )


def static_comments_message(shown_files: str, count: int, way: str) -> str:
    """The line for comments saved as data files that STATIC_PATHS names: left out of the
    site (each holds a commenter's name, often an e-mail hash, and the message), unless the
    site sets BLOGCORE_PUBLISH_COMMENT_DATA."""
    verb, they = ("is", "it") if count == 1 else ("are", "they")
    return (
        f"{shown_files} {_holds_comments(count == 1)} (Staticman's), each with a "
        f"commenter's name and message, which STATIC_PATHS would publish as raw files: {they} "
        f"{verb} left out of the site; {way} to say so, or set "
        "BLOGCORE_PUBLISH_COMMENT_DATA = True there if every commenter agreed to be published "
        "so (this site's comments are Isso's: docs/comments.md, Comments from an old blog)"
    )


def attach_fallbacks(generators: list, settings: dict[str, Any]) -> Iterator[str]:
    """The {attach} links that could not put their file beside their post, once every page is
    written: Pelican's "The {attach} link in … cannot relocate …" said five and then "More
    {attach} warnings silenced.", naming nothing. One line each: the post, the link, where the
    file is published instead and why (the page whose {attach} took it, or the setting)."""
    pattern = links.link_pattern(settings["INTRASITE_LINK_REGEX"])
    statics = (generators[0].context if generators else {}).get("static_content", {})
    mapped = settings.get("EXTRA_PATH_METADATA") or {}
    attached: list[tuple[Any, str, str, Any, str]] = []  # item, link, path, static, beside
    for generator in generators:
        for item in content_items(generator):
            if not getattr(item, "save_as", None):
                continue
            for link, kind, value in dict.fromkeys(
                links.intrasite_links(compat.html_of(item) or "", pattern)
            ):
                path = next(
                    (p for p in links.candidate_paths(value, item.relative_dir) if p in statics),
                    "",
                )
                static = statics.get(path) if kind == "attach" else None
                if static is None or not getattr(static, "save_as", None):
                    continue
                if not os.path.isfile(static.source_path):
                    continue  # published nowhere: link_problems says it does not exist
                # where Pelican's attach_to puts it: beside the post, as far below it
                tail = os.path.relpath(static.source_path, os.path.dirname(item.source_path))
                if tail.startswith(os.pardir + os.sep):
                    tail = os.path.basename(tail)
                beside = posixpath.normpath(
                    posixpath.join(posixpath.dirname(item.save_as), tail.replace(os.sep, "/"))
                )
                attached.append((item, link, path, static, beside))
    took = {(id(static), beside): item for item, _, _, static, beside in attached}
    for item, link, path, static, beside in attached:
        at = posixpath.normpath(static.save_as)
        if beside == at:
            continue
        owner = took.get((id(static), at))
        why = (
            f"the {{attach}} link of {shown(settings, owner.source_path)} took it first"
            if owner is not None
            else "EXTRA_PATH_METADATA in pelicanconf.py puts it there"
            if path in mapped
            else "it was published there before this link was read"
        )
        kind = "post" if isinstance(item, Article) else "page"  # a page has a category too
        yield (
            f"{shown(settings, item.source_path)}: the link {link} cannot publish {path} "
            f"beside this {kind}: it is published at /{at} ({why}), and the link points there; "
            f"write {{static}}/{path} to say so, or copy the file beside this {kind}"
        )
