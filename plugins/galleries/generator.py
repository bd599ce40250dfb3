"""Pelican glue: reads gallery folders, renders photos through the images plugin, attaches
galleries to posts, replaces inline markers and post images, writes gallery pages."""

from __future__ import annotations

import dataclasses
import datetime
import functools
import json
import logging
import os
from itertools import chain
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from markupsafe import Markup
from pelican.generators import Generator

from plugins.blogcore.frontmatter import kept_out_in_text
from plugins.blogcore.reader import name_problem, wide_codec
from plugins.blogcore.reader import shown as shown_source
from plugins.blogcore.text import POSTS as SANITISER
from plugins.engine import build, compat, files, items, keysyntax, paths, scheduled, side
from plugins.engine.ignores import any_ignored
from plugins.engine.items import every_article
from plugins.engine.slugs import no_letter_line
from plugins.images import service as images
from plugins.images import sources

from . import model

logger = logging.getLogger(__name__)

CONTEXT_KEY = "galleries"  # slug -> model.Gallery, for this build
LIST_KEY = "gallery_list"  # galleries with photos, newest first (the index)
# folder in the content folder (galleries/<slug>) -> (slug, why readers may not see it yet, or
# ""): every gallery read, for the link check (a photo of a draft gallery is a draft's)
FOLDERS_KEY = "gallery_folders"
# output file -> who writes it, as messages name them: every gallery's page, whoever may see
# it, and the index (``pages_owned``), for blogcore's one-source-per-URL check and the
# redirects plugin: no redirect and no other page is put at a gallery's address
PAGES_KEY = "gallery_pages"
PARTIAL = "partials/gallery.html"


def shown(settings: dict[str, Any], path: str | os.PathLike) -> str:
    """A path as staff know it: relative to the project, e.g. content/galleries/x/gallery.md."""
    # not side.shown, which takes a path within the content folder: these paths are built on
    # generator.path, which is PATH as the settings give it, relative to the working folder
    # when the settings say so (side.shown would join PATH to it twice)
    return paths.shown(settings, path)


def _root(settings: dict[str, Any]) -> str:
    """The galleries folder as the build's lines name it (content/galleries, under the
    content folder's own name)."""
    return side.shown(settings, settings["GALLERY_PATH"])


def report(problem: model.Problem) -> None:
    (logger.error if problem.error else logger.warning)("%s", problem)


def read_galleries(generator, now: datetime.datetime) -> dict[str, model.Gallery]:
    """Every gallery folder: sidecar read (engine.side), photos ordered, problems reported.

    The sidecar is read by the site's readers like any Markdown file: its body, the
    description, with the site's Markdown settings and sanitiser, its links resolved when the
    gallery's page is written. Its keys (repeated ``Photo:`` lines) are read from its lines
    as written by ``model.parse_sidecar``, whose messages give line numbers. Its Date is
    checked by a post's rules (``model.date_problems``) at ``now``, in the site's zone.
    """
    settings = generator.settings
    future_dates = bool(settings.get("WITH_FUTURE_DATES"))
    galleries: dict[str, model.Gallery] = {}
    sidecar_name = settings["GALLERY_SIDECAR"]
    for relpath in side.folders(generator, settings["GALLERY_PATH"]):
        folder = Path(generator.path) / relpath
        slug = folder.name
        found = _photo_files(generator, relpath)
        if found is None:
            continue
        if unnamed := no_letter_line("folder", slug):  # its page's address is its name
            logger.error("%s/: %s", shown(settings, folder), unnamed)
        listed, backups = found
        sidecar_path = folder / sidecar_name
        sidecar_shown = shown(settings, sidecar_path)
        sidecar, problems, intro = model.Sidecar(), [], None
        if sidecar_path.is_file():
            intro = side.read(generator, f"{relpath}/{sidecar_name}", sanitiser=SANITISER)
            if intro is not None:
                sidecar, problems = model.parse_sidecar(
                    "\n".join(intro.front_matter()), sidecar_shown
                )
            else:  # the reader named its error: the photos keep their captions and alt text
                data = sidecar_path.read_bytes()  # UTF-16's too (not lines of 0 bytes)
                raw = data.decode(wide_codec(data[:4096]) or "utf-8", errors="replace")
                sidecar, problems = model.parse_sidecar(raw, sidecar_shown)
                problems = [problem for problem in problems if not problem.error]
                if kept_out_in_text(raw):  # Status: draft in its text: the reader's error
                    sidecar = dataclasses.replace(sidecar, status="draft")
        gallery, more = model.assemble(
            slug,
            shown(settings, folder),
            sidecar,
            sidecar_shown,
            listed,
            sidecar_name=sidecar_name,
            require_alt=settings["GALLERY_REQUIRE_ALT"],
            linked=_linked_here(generator, relpath),
            backups=backups,
        )
        if model.not_out_yet(gallery, now, future_dates):
            # nothing of it is published: its photos' mistakes are a draft post's, warnings
            # (a draft or future gallery with a photo without alt text stopped a publish), and
            # so is a comment never closed in its keys
            more = [dataclasses.replace(problem, error=False) for problem in more]
            problems = [
                dataclasses.replace(problem, error=False) if problem.withheld_warns else problem
                for problem in problems
            ]
        more += model.date_problems(
            sidecar,
            gallery,
            sidecar_shown,
            now,
            bool(settings.get("BLOGCORE_STRICT")),
            future_dates,
        )
        for problem in [*problems, *more]:
            if problem.unless_linked:  # pages, read after this, may link it: said then
                _waiting(settings).append((f"{relpath}/{problem.unless_linked}", problem))
            else:
                report(problem)
        gallery.intro = intro.page if intro is not None else None
        gallery.source_path = str(sidecar_path if sidecar_path.is_file() else folder)
        gallery.save_as = settings["GALLERY_SAVE_AS"].format(slug=slug)
        # no page of its own (GALLERY_SAVE_AS = ""): nothing links to one, nothing redirects
        gallery.url = settings["GALLERY_URL"].format(slug=slug) if gallery.save_as else ""
        unused = model.unused_redirects(gallery, sidecar_shown)
        if unused is not None:
            report(unused)
        galleries[slug] = gallery
    return galleries


def _waiting(settings: dict[str, Any]) -> list[tuple[str, model.Problem]]:
    """This build's lines on files that are not photos, each with the file's path in the
    content folder: said once the pages are read, unless a link publishes the file."""
    state = build.current(settings).state(__package__)
    if not hasattr(state, "not_photos"):
        state.not_photos = []
    return state.not_photos


def report_not_photos(generator) -> None:
    """Each file of a gallery's folder that is not a photo, as skipped, unless a post's, a
    page's or the description's link publishes it (Pelican copies what a {static} link
    names): once the pages are read, the last of the content to link."""
    linked = generator.context.get("static_links") or ()
    waiting = _waiting(generator.settings)
    for path, problem in waiting:
        if path not in linked:
            report(problem)
    waiting.clear()


def _linked_here(generator, relpath: str) -> set[str]:
    """The names of the files directly in this folder that Pelican will copy because
    something read so far links to them (``static_links``: the description's ``{static}``
    PDF, a post's), published as downloads whatever the gallery shows."""
    prefix = f"{relpath}/"
    return {
        path[len(prefix) :]
        for path in generator.context.get("static_links") or ()
        if path.startswith(prefix) and "/" not in path[len(prefix) :]
    }


MEMORY = ("galleries", "photos.json")  # under CACHE_PATH: each gallery's photos, as last read


def _photo_prints(generator, galleries: dict[str, model.Gallery]) -> dict[str, tuple[str, ...]]:
    """slug -> the ``model.fingerprints`` of its photos, as they are on disk now."""
    root = Path(generator.path) / generator.settings["GALLERY_PATH"]
    prints = {}
    for slug, gallery in galleries.items():
        found = []
        for photo in gallery.photos:
            try:
                found.append((photo.file, (root / slug / photo.file).stat().st_size))
            except OSError:
                continue
        prints[slug] = model.fingerprints(found)
    return prints


def _remembered(settings: dict[str, Any], now: dict[str, tuple[str, ...]]) -> dict[str, list]:
    """The photos each gallery held when a build last read it (a folder renamed since is
    found by them), then this build's, kept for the next."""
    path = Path(settings["CACHE_PATH"], *MEMORY)
    try:
        before = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        before = {}
    if not isinstance(before, dict):
        before = {}
    kept = {**before, **{slug: list(prints) for slug, prints in now.items() if prints}}
    if kept != before:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            files.write_atomically(path, json.dumps(kept, indent=1, sort_keys=True))
        except OSError:
            pass  # a hint the next build may not give: nothing a reader sees
    return before


def _photo_files(generator, relpath: str) -> tuple[list[str], list[str]] | None:
    """The names of the files in a gallery's folder (``relpath`` in the content folder) that
    can be published, and of exiftool's backups there: one whose name is not UTF-8, a link to
    nothing or out of the content folder, a file this build may not read is one line and left
    out. None when the folder's own name is not UTF-8 or it is a link out of the content
    folder (one line), or it cannot be listed (the images plugin names every such folder of
    the content folder). exiftool's backups (``photo.jpg_original``) are left out, one line
    for the folder (and one for a Photo line naming one: model.assemble)."""
    settings = generator.settings
    work = images.for_build(generator.context)
    folder = os.path.join(generator.path, relpath)
    why = name_problem(relpath)
    if why:
        work.report(folder, f"{shown_source(settings, folder)}/: {why}")
        return None
    escaped = sources.escape(generator.path, relpath)
    if escaped:  # the gallery's folder is a link out of the content folder (or back into it)
        link = os.path.join(generator.path, escaped[0])
        work.report(link, f"{shown_source(settings, link)}: {escaped[1]}")
        return None
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return None
    names, backups = [], []
    for entry in entries:
        if entry.name.startswith(".") or entry.is_dir():
            continue  # a dot-file is not a photo (model.assemble)
        if images.is_backup(entry.name):  # not "not a photo": one line for the folder
            backups.append(entry.name)
            continue
        escaped = sources.escape(generator.path, f"{relpath}/{entry.name}")
        why = escaped[1] if escaped else sources.problem(generator.path, f"{relpath}/{entry.name}")
        if why:
            work.report(entry.path, f"{shown_source(settings, entry.path)}: {why}")
        elif entry.is_file():
            names.append(entry.name)
    if backups:
        logger.warning("%s", images.backup_line(f"{shown_source(settings, folder)}/", backups))
    return names, backups


def _post_image_requests(generator, contents) -> list[tuple[Any, model.ImageRef, Any]]:
    """(content, image reference, picture request) for each raster image in these contents."""
    settings = generator.settings
    service = images
    root = Path(generator.path).resolve()
    site_folder = urlparse(settings.get("SITEURL") or "").path
    found = []
    for content in contents:
        html = compat.html_of(content)  # the body as read (compat.py: Content._content)
        if not html or "<img" not in html:
            continue
        source_dir = os.path.dirname(os.path.relpath(content.source_path, generator.path))
        for written in model.image_refs(html, source_dir.replace(os.sep, "/"), site_folder):
            for candidate in written.candidates:
                if written.kind == "root" and not _published_as_is(settings, candidate):
                    continue  # /images/x.jpg names the file only if Pelican publishes it there
                try:  # a name too long for the disk or with a NUL byte (%00) names no file
                    path = (root / candidate).resolve()
                except (OSError, ValueError):
                    continue
                if path.is_relative_to(root) and os.path.isfile(path):
                    ref = dataclasses.replace(written, path=candidate)
                    break
            else:
                continue  # blogcore's link check names a missing {static} file
            request = service.PictureRequest(
                source=path,
                label=shown(settings, path),
                name=ref.path.rpartition(".")[0],
                widths=settings["GALLERY_POST_IMAGE_WIDTHS"],
            )
            found.append((content, ref, request))
    return found


def _published_as_is(settings: dict[str, Any], path: str) -> bool:
    """Whether Pelican publishes the content folder's file ``path`` (``images/x.jpg``) at
    that same address: a file of a static folder, not left out (STATIC_EXCLUDES: the
    galleries' and team's folders; IGNORE_FILES; a dot-file) nor moved (EXTRA_PATH_METADATA).
    An image written from the site's root (``/images/x.jpg``) is then that file, shown as
    ``{static}/images/x.jpg`` is."""

    def under(folders) -> bool:
        return any(
            f in ("", ".") or path == f or path.startswith(f + "/")
            for f in (str(f).strip("/") for f in folders or [])
        )

    ignored = settings.get("IGNORE_FILES") or []
    parts = path.split("/")
    if not under(settings.get("STATIC_PATHS")) or under(settings.get("STATIC_EXCLUDES")):
        return False
    if any(p.startswith(".") for p in parts) or any_ignored(parts, ignored):
        return False
    moved = (settings.get("EXTRA_PATH_METADATA") or {}).get(path) or {}
    return not any(key in moved for key in ("path", "save_as", "url"))


def _attached(settings: dict[str, Any]) -> list[tuple[Any, str]]:
    """(post or page, original's path in the content folder) for each {attach}ed image shown
    as a <picture>, in this build."""
    state = build.current(settings).state(__package__)
    if not hasattr(state, "attached"):
        state.attached = []
    return state.attached


def attach_originals(generator) -> None:
    """Each original shown through an {attach} image goes next to its post, as Pelican's own
    {attach} would put it (a link to it there, ``[full size](photo.jpg)``, then works).

    HEIC originals stay where the images plugin publishes their JPEG, and a file another
    link or EXTRA_PATH_METADATA placed first keeps its place: Pelican would not move either.
    """
    statics = generator.context.get("static_content") or {}
    for content, path in _attached(generator.settings):
        static = statics.get(path)
        if static is None or os.path.splitext(path)[1].lower() in images.HEIF_SUFFIXES:
            continue
        if hasattr(static, "override_save_as") or hasattr(static, "override_url"):
            continue  # placed already: by an earlier {attach}, or by the site's settings
        static.attach_to(content)
    _attached(generator.settings).clear()


def _module(generator):
    """The gallery partial's macros, with the build's context (SITEURL and the rest)."""
    return generator.env.get_template(PARTIAL).make_module(vars=dict(generator.context))


def rewrite_post_images(generator, contents) -> None:
    """Plain Markdown images (JPEG, PNG, WebP) become <picture> with width and height."""
    settings = generator.settings
    if not settings["GALLERY_POST_IMAGES"]:
        return
    # a draft's images are not rendered where its page is not written: nor published
    found = _post_image_requests(generator, items.written(contents, settings))
    if not found:
        return
    unique = {}
    for _, _, request in found:
        unique.setdefault(request.source, request)
    pictures = dict(
        zip(
            unique,
            images.for_build(generator.context).pictures(list(unique.values())),
            strict=True,
        )
    )
    macros = _module(generator)
    attached = _attached(settings)
    for content, ref, request in found:
        picture = pictures.get(request.source)
        if picture is None:
            continue
        if ref.kind == "attach":  # Pelican no longer sees the link once it is a <picture>
            attached.append((content, ref.path))
        attrs = dict(ref.attrs)
        size = model.written_size(attrs, picture.width, picture.height)
        markup = str(
            macros.post_picture(
                picture, Markup(attrs.get("alt", "")).unescape(), attrs.get("title", ""), *size
            )
        ).strip()
        compat.set_html(content, compat.html_of(content).replace(ref.tag, markup, 1))


def prepare(generator) -> None:
    """Read galleries, render every photo once, attach galleries to posts (pretaxonomy)."""
    settings = generator.settings
    # a draft or future gallery in a publish build: no page, no photo rendered or copied
    now = datetime.datetime.now(ZoneInfo(settings.get("TIMEZONE") or "UTC"))
    galleries = read_galleries(generator, now)
    drafts_written = bool(settings.get("DRAFT_SAVE_AS"))
    future_dates = bool(settings.get("WITH_FUTURE_DATES"))  # published as posts dated ahead
    withheld = {}
    root = settings["GALLERY_PATH"].strip("/")
    generator.context[FOLDERS_KEY] = {
        f"{root}/{slug}": (slug, model.not_out_yet(gallery, now, future_dates))
        for slug, gallery in galleries.items()
    }
    prints = _photo_prints(generator, galleries)
    remembered = _remembered(settings, prints)
    for slug, gallery in list(galleries.items()):
        seen = model.visibility(gallery, now, drafts_written, future_dates)
        gallery.listed = seen == model.LISTED
        gallery.public = not model.not_out_yet(gallery, now, future_dates)
        if not future_dates:  # else no gallery waits for its date (scheduled.on_articles_read)
            _schedule(settings, gallery, now, preview=seen != model.WITHHELD)
        if seen == model.WITHHELD:
            withheld[slug] = galleries.pop(slug)
    service = images
    requests, owners = [], []
    formats = settings["GALLERY_FORMATS"]
    for gallery in galleries.values():
        for photo in gallery.photos:
            path = Path(generator.path) / settings["GALLERY_PATH"] / gallery.slug / photo.file
            requests.append(
                service.PictureRequest(
                    source=path,
                    label=shown(settings, path),
                    name=f"{settings['GALLERY_PATH']}/{gallery.slug}/{photo.file.rpartition('.')[0]}",
                    widths=settings["GALLERY_WIDTHS"],
                    formats=formats,
                    # its photos' GPS positions: one line for the gallery (images plugin)
                    group=shown(settings, path.parent) + "/",
                )
            )
            owners.append((gallery, photo))
    pictures = service.for_build(generator.context).pictures(requests)
    for (_gallery, photo), picture in zip(owners, pictures, strict=True):
        photo.picture = picture
    for gallery in galleries.values():
        gallery.photos = [p for p in gallery.photos if p.picture is not None]
    generator.context[CONTEXT_KEY] = galleries
    generator.context[LIST_KEY] = sorted(
        (g for g in galleries.values() if g.photos and g.listed),
        key=lambda gallery: model.sort_key(gallery, now.tzinfo),
    )
    generator.context[PAGES_KEY] = model.pages_owned(
        galleries.values(),
        withheld.values(),
        now,
        settings["GALLERY_INDEX_SAVE_AS"] if generator.context[LIST_KEY] else "",
        future_dates,
    )
    _attach(generator, galleries, withheld, now, (remembered, prints))
    rewrite_post_images(generator, every_article(generator))


def _schedule(
    settings: dict[str, Any], gallery: model.Gallery, now: datetime.datetime, preview: bool
) -> None:
    """A gallery dated in the future (not a draft) is scheduled, as a post is (the engine's
    ``scheduled``): its preview's banner says when it goes out, and the build names it in
    the scheduled posts' info line, previewed at its page or left out until then."""
    date = gallery.date
    if date is not None and date.tzinfo is None:
        date = date.replace(tzinfo=now.tzinfo)  # the site's zone, by name
    said_draft = gallery.status == "draft" or bool(gallery.unknown_status)
    gallery.scheduled = when = scheduled.scheduled(date, said_draft, now)
    if when is not None:
        page = gallery.url if preview and gallery.save_as else None
        scheduled.announce(
            settings, scheduled.line(shown(settings, gallery.source_path), when, page)
        )


def _find(
    settings: dict[str, Any],
    galleries: dict[str, model.Gallery],
    withheld: dict[str, model.Gallery],
    now: datetime.datetime,
    photos: tuple[dict, dict],
    post: str,
    draft: bool,
    slug: str,
    how: str,
) -> model.Gallery | None:
    """The gallery a post (``post``, as lines name it) shows as ``how`` (``Gallery``,
    ``{gallery}``), or None, with one line when readers would not see it."""
    root = _root(settings)
    gallery = galleries.get(slug)
    unready = withheld.get(slug) or gallery
    why = (
        model.not_out_yet(unready, now, bool(settings.get("WITH_FUTURE_DATES")))
        if unready is not None
        else ""
    )
    if why and draft and gallery is None:
        # a publish build left the gallery out: say why, not that it does not exist
        report(
            model.Problem(
                post,
                f"{how} {slug!r} is {why}, so it is not published; this draft shows "
                "it once the gallery is published too",
                error=False,
            )
        )
        return None
    if why and not draft:
        # publish builds leave the gallery out: this post would show nothing
        report(
            model.Problem(
                post,
                f"{how} {slug!r} is {why}, so it is not "
                "published; a publish build stops on this post until the gallery is "
                "(remove its Status: draft, or its Date)",
                error=slug in withheld,
            )
        )
        if gallery is None:
            return None
    if gallery is None or not gallery.photos:
        why = "does not exist" if gallery is None else "has no photos"
        report(
            model.Problem(
                post,
                f"{how} {slug!r} {why} (no photos in {root}/{slug}/)"
                + (model.meant(slug, galleries, *photos) if gallery is None else ""),
                error=not draft,
            )
        )
        return None
    return gallery


def _key_named(
    settings: dict[str, Any],
    galleries: dict[str, model.Gallery],
    post: str,
    written: Any,
    draft: bool,
) -> str:
    """The gallery slug a post's ``Gallery:`` value names ("" for none); another engine's
    idiom for it is one line, saying how it is written here, as the post (``post``: a
    path that knows its syntax, keysyntax.as_written) writes its keys."""
    root = _root(settings)
    known = (s for s, g in galleries.items() if g.photos)
    key, idiom = model.gallery_key(written, root, known, keysyntax.syntax_of(post))
    if idiom:
        there = key in galleries and bool(galleries[key].photos)
        report(
            model.Problem(
                post, f"Gallery {str(written).strip()!r} {idiom}", error=not there and not draft
            )
        )
        if not there:
            key = ""
    return key


def _attach(
    generator,
    galleries: dict[str, model.Gallery],
    withheld: dict[str, model.Gallery],
    now: datetime.datetime,
    photos: tuple[dict, dict] = ({}, {}),
) -> None:
    """``article.gallery`` from ``Gallery:``, inline ``{gallery}slug`` markers replaced; a
    published post showing a gallery readers may not see yet is named. ``photos``: the
    photos each gallery held when a build last read it, and holds now (a renamed folder)."""
    settings = generator.settings
    root = _root(settings)
    found = _finder(generator)
    modules: list[Any] = []  # the partial's macros, loaded once, when a post needs them
    published = {id(a) for a in chain(generator.articles, generator.translations)}
    for article in every_article(generator):
        article.gallery = None
        article.galleries = []
        # the lines below name its keys as its file writes them (a +++ post's in TOML)
        post = keysyntax.as_written(shown(settings, article.source_path), article.metadata)
        draft = article.status == "draft"

        find = functools.partial(_find, settings, galleries, withheld, now, photos, post, draft)

        html = compat.html_of(article, "") or ""  # compat.py: Content._content
        for written in model.stray_markers(html):
            report(
                model.Problem(
                    post,
                    f"{written} is shown as text: a gallery goes in a paragraph of its own, "
                    f"{model.MARKER}{model.normalise_slug(written[len(model.MARKER) :])} on a "
                    "line with a blank line before and after it",
                    error=False,
                )
            )
        inline = model.markers(html)
        if inline:
            modules = modules or [_module(generator)]

            def render(slug: str, article=article, find=find, macros=modules[0]) -> str:
                gallery = find(slug, "{gallery}")
                if gallery is None:
                    return ""
                if gallery not in article.galleries:
                    article.galleries.append(gallery)
                return str(macros.gallery_block(gallery, eager=0, link_page=True)).strip()

            compat.set_html(article, model.replace_markers(html, render))
        key = _key_named(settings, galleries, post, article.metadata.get("gallery"), draft)
        said = model.image_key(
            article.metadata.get("image"),
            settings["GALLERY_PATH"],
            root,
            found,
            cover="cover" in article.metadata,
            page=False,
            syntax=keysyntax.syntax_of(post),
        )
        if said:  # the photos plugin's Image: one line, the Cover: to write instead
            cover = "cover" in article.metadata
            report(model.Problem(post, said, error=not draft and not cover))
        if key:
            gallery = find(key, "Gallery")
            if gallery is not None and gallery not in article.galleries:
                article.gallery = gallery
                article.galleries.append(gallery)
        if id(article) in published:
            for gallery in article.galleries:
                gallery.posts.append(article)
    # a post the reader refused (signals.on_keys_written): its Gallery said as a read post's
    for post, written, draft in getattr(build.current(settings).state(__package__), "unread", ()):
        key = _key_named(settings, galleries, post, written, draft)
        if key:
            _find(settings, galleries, withheld, now, photos, post, draft, key, "Gallery")


def _finder(generator):
    """``found(path)``: is there a file at this path of the content folder?"""
    root = Path(generator.path).resolve()

    def found(path: str) -> bool:
        try:  # a name too long for the disk or with a NUL byte names no file
            target = (root / path).resolve()
        except (OSError, ValueError):
            return False
        return target.is_relative_to(root) and target.is_file()

    return found


def warn_page_galleries(generator, pages) -> None:
    """A page with ``Gallery:`` shows none (galleries attach to posts): say so, naming it;
    and the photos plugin's ``Image:``, which no page shows either."""
    settings = generator.settings
    found = _finder(generator)
    for page in pages:
        source = shown(settings, page.source_path)
        if model.normalise_slug(page.metadata.get("gallery")):
            report(
                model.Problem(
                    source,
                    "Gallery works on posts only; this page shows no gallery "
                    "(link to the gallery's page instead)",
                    error=False,
                )
            )
        said = model.image_key(
            page.metadata.get("image"),
            settings["GALLERY_PATH"],
            _root(settings),
            found,
            cover=False,
            page=True,
        )
        if said:
            report(model.Problem(source, said, error=False))


def set_social_images(generator) -> None:
    """A post with a gallery and no image of its own shares the gallery's cover."""
    siteurl = generator.settings.get("SITEURL", "")
    default = generator.context.get("BLOGCORE_DEFAULT_IMAGE") or None  # blogcore checked it
    for article in every_article(generator):
        galleries = getattr(article, "galleries", None)
        current = getattr(article, "og_image", None)
        if not galleries or (current and not (default and current.endswith(default))):
            continue
        cover = galleries[0].cover
        if cover is None:
            continue
        url = f"{siteurl}/{cover.href}"
        article.og_image = url
        data = getattr(article, "structured_data", None)
        if isinstance(data, dict):
            data["image"] = url


class GalleryGenerator(Generator):
    """Writes a page per gallery and the index of galleries (read at article pretaxonomy)."""

    def generate_context(self) -> None:
        self.context.setdefault(CONTEXT_KEY, {})
        self.context.setdefault(LIST_KEY, [])

    def generate_output(self, writer) -> None:
        settings = self.settings
        relative = settings.get("RELATIVE_URLS", False)
        listed = self.context.get(LIST_KEY) or []
        if settings["GALLERY_SAVE_AS"]:
            template = self.get_template("gallery")
            # hidden ones and (in a development build) drafts too: a page, not in the index
            shown = (g for g in (self.context.get(CONTEXT_KEY) or {}).values() if g.photos)
            zone = ZoneInfo(settings.get("TIMEZONE") or "UTC")
            for gallery in sorted(shown, key=lambda gallery: model.sort_key(gallery, zone)):
                gallery.posts.sort(key=lambda a: a.date, reverse=True)
                if gallery.intro is not None:
                    # every post and page is known now: {filename} and {static} links resolve
                    gallery.description = gallery.intro.content or ""
                writer.write_file(
                    gallery.save_as,
                    template,
                    self.context,
                    relative_urls=relative,
                    url=gallery.url,
                    gallery=gallery,
                    page_name=gallery.url,
                )
        if settings["GALLERY_INDEX_SAVE_AS"] and listed:
            writer.write_file(
                settings["GALLERY_INDEX_SAVE_AS"],
                self.get_template("gallery_index"),
                self.context,
                relative_urls=relative,
                url=settings["GALLERY_INDEX_URL"],
                page_name=settings["GALLERY_INDEX_URL"],
            )
