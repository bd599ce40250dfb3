"""Signal receivers connecting covers' pure logic (model.py) to Pelican."""

from __future__ import annotations

import logging
import os
import posixpath
from collections.abc import Callable
from pathlib import Path

from pelican import signals

from plugins.blogcore import text
from plugins.engine import build, compat, keysyntax, phases, settings_errors
from plugins.engine.items import every_article, written
from plugins.engine.side import shown
from plugins.images import service as images
from plugins.images import sources

from . import model
from .settings import SettingsError, configure

logger = logging.getLogger(__name__)


def on_initialized(pelican) -> None:
    """Validate COVERS_* settings; covers render through the images plugin."""
    settings = pelican.settings
    try:
        if "plugins.images" not in build.plugins(settings):
            raise SettingsError(
                "the covers plugin needs the images plugin: add 'plugins.images' to PLUGINS"
            )
        settings.update(configure(settings))
    except SettingsError as exc:
        settings_errors.refuse(pelican.settings, exc)
        return


def on_content_init(content) -> None:
    """Note a post's images as written, before any plugin turns them into <picture>."""
    html = compat.html_of(content)  # the body as read (engine compat: Content._content)
    content.cover_sources = model.image_sources(html or "")


def in_other_capitals(root: Path, path: str) -> str | None:
    """The file of ``root`` that ``path`` names in other capitals (images/Cover.JPG for
    images/cover.jpg), if one does: a Cover is looked up as written, capitals and all."""
    folder, parts = root, []
    for part in path.split("/"):
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            return None
        match = next((n for n in names if n.lower() == part.lower()), None)
        if match is None:
            return None
        parts.append(match)
        folder = folder / match
    found = "/".join(parts)
    return found if found != path and folder.is_file() else None


def _exists_in(root: Path) -> Callable[[str], bool]:
    """``exists(path)``: does this path of the content folder ``root`` name a file?"""

    def exists(path: str) -> bool:
        try:  # a name too long for the disk or with a NUL byte (%00) names no file
            target = (root / path).resolve()
        except (OSError, ValueError):
            return False
        return target.is_relative_to(root) and os.path.isfile(target)

    return exists


def _refused_in(content: str, settings: dict) -> Callable[[str], str | None]:
    """Why a file of the content folder may not be published: a link out of the content
    folder is named as a static file's is, not "no file"."""
    return lambda path: sources.escape_line(content, path, lambda where: shown(settings, where))


def on_keys_written(path: str, settings: dict, keys: dict, page: bool) -> list[tuple[int, str]]:
    """A post the reader refuses: its Cover checked as a read post's is, said with its others
    (a page has no cover; a draft's is checked only where drafts are written); a file it
    names is kept, to be said if it is a withheld gallery's photo (``on_articles_finalized``)."""
    if page or keys.get("cover") is None:
        return []
    draft = str(keys.get("status", "")).strip().lower() == "draft"
    if draft and not settings.get("DRAFT_SAVE_AS"):
        return []
    root = Path(settings["PATH"]).resolve()
    found, problem = model.key_problem(
        keys["cover"],
        _exists_in(root),
        _refused_in(settings["PATH"], settings),
        lambda written: in_other_capitals(root, written),
        lambda path: shown(settings, path),
    )
    if found:  # a gallery's photo: whether readers may see it is known once galleries are read
        state = build.current(settings).state(__package__)
        state.unread = [*getattr(state, "unread", ()), (path, keys["cover"], found)]
    return [(logging.ERROR, problem)] if problem else []


def on_articles_finalized(generator) -> None:
    """Every post's ``cover_picture``: resolved, rendered, one error line per bad key.

    After article_generator_pretaxonomy (galleries has attached ``article.gallery``) and
    before the static generator cleans published originals: a bad cover file is named here,
    with its post and key, once.
    """
    settings = generator.settings
    root = Path(generator.path).resolve()
    exists, refused = _exists_in(root), _refused_in(generator.path, settings)
    work = images.for_build(generator.context)
    wanted: list[tuple[object, images.PictureRequest]] = []
    for article in every_article(generator):
        article.cover_picture = None
        article.cover_shown = False  # the article page shows it above the text (Cover: only)
    # a draft's cover is not rendered where its page is not written: nor published
    for article in written(every_article(generator), settings):
        gallery = getattr(article, "gallery", None)
        gallery_cover = getattr(gallery, "cover", None) if gallery is not None else None
        has_gallery_cover = (
            gallery_cover is not None and getattr(gallery_cover, "picture", None) is not None
        )
        key = article.metadata.get("cover")
        sources = getattr(article, "cover_sources", [])
        if key is None and not sources and not has_gallery_cover:
            continue  # nothing to choose from: no cover, no line (most posts of a large blog)
        post = shown(settings, article.source_path)
        source_dir = os.path.dirname(os.path.relpath(article.source_path, generator.path))
        found = model.resolve(
            key,
            sources,
            source_dir.replace(os.sep, "/"),
            has_gallery_cover,
            exists,
            refused,
            lambda path: in_other_capitals(root, path),
            lambda path: shown(settings, path),
        )
        if found.problem:
            logger.error("%s: %s", post, found.problem)
        choice = found.choice
        if choice is None:
            continue
        if choice.origin == "gallery":
            article.cover_picture = gallery_cover.picture
            continue
        if _unready_gallery_photo(generator.context, post, key, choice):
            continue  # a withheld gallery publishes nothing, not even as a post's cover
        source = root / choice.path
        label = (
            f"{post}: {model.KEY} {key!r} ({shown(settings, source)})"
            if choice.origin == "key"
            else shown(settings, source)
        )
        request = images.PictureRequest(
            source=source,
            label=label,
            name=model.rendition_name(choice.path),
            widths=settings["COVERS_WIDTHS"],
        )
        article.cover_shown = choice.origin == "key"  # else it is in the text or the gallery
        _summary_without_cover(article, post, source_dir.replace(os.sep, "/"), choice.path)
        wanted.append((article, request))
    # a post the reader refused (on_keys_written): a photo of a withheld gallery said as a
    # read post's is; nothing of it is rendered
    for post, key, path in getattr(build.current(settings).state(__package__), "unread", ()):
        _unready_gallery_photo(generator.context, post, key, model.Choice("key", path))
    unique: dict[Path, images.PictureRequest] = {}
    for _, request in wanted:
        unique.setdefault(request.source, request)
    rendered = dict(zip(unique, work.pictures(list(unique.values())), strict=True))
    for article, request in wanted:
        article.cover_picture = rendered[request.source]  # None: reported by the pipeline


def _summary_without_cover(article, post: str, source_dir: str, cover: str) -> None:
    """A ``Summary:`` holding the cover (an old theme's thumbnail: ``![KTec](/images/x.jpg)
    A few weeks…``) put the picture in every card twice, full size beside its thumbnail, and
    in other posts' related reading: the cards show the cover, the summary its text."""
    summary = article.metadata.get("summary")
    if not isinstance(summary, str):
        return
    kept, dropped = model.without_cover(summary, source_dir, cover)
    if not dropped:
        return
    compat.set_summary(article, kept)
    # the key as the post writes it: a "Summary: line" in a .rst post is its :summary: field
    syntax = keysyntax.syntax_of(keysyntax.as_written(article.source_path, article.metadata))
    logger.warning(
        "%s: Summary shows the post's cover, %s, which every card on other pages shows "
        "beside the summary already: it is left out of the summary (cards, related reading, "
        "feeds); take it out of the %s %s",
        post,
        dropped[0],
        keysyntax.key_as_written("Summary", syntax),
        keysyntax.line_of(syntax),
    )


def _unready_gallery_photo(context: dict, post: str, key, choice: model.Choice) -> bool:
    """A cover that is a photo of a gallery readers may not see yet (plugins/galleries'
    ``gallery_folders``): a ``Cover:`` is one line, a warning while a development build
    previews the gallery, an error where a publish build withholds it; True there (the
    cover is left out: nothing of that gallery is published). A first photo of the text is
    the link check's to name."""
    folder = posixpath.dirname(choice.path)
    slug, why = (context.get("gallery_folders") or {}).get(folder) or ("", "")
    if not why:
        return False
    withheld = slug not in (context.get("galleries") or {})
    if choice.origin == "key":
        (logger.error if withheld else logger.warning)(
            "%s: %s %r is a photo of the gallery %r, %s: a publish build publishes nothing of "
            "that gallery, %s (publish the gallery first, or choose another cover)",
            post,
            model.KEY,
            key,
            slug,
            why,
            "so the post has no cover from it" if withheld else "and stops on this post",
        )
    return withheld


def on_posts_described(generator) -> None:
    """A post's cover is its social image; an SVG one gives way to the site's default."""
    settings = generator.settings
    siteurl = settings.get("SITEURL", "")
    default = generator.context.get("BLOGCORE_DEFAULT_IMAGE") or ""  # blogcore checked it
    for article in every_article(generator):
        picture = getattr(article, "cover_picture", None)
        current = getattr(article, "og_image", None) or ""
        if picture is not None:
            image = text.absolute_url(siteurl, picture.url)
        elif default and model.extension(current.split("?")[0]) in model.VECTOR:
            image = text.absolute_url(siteurl, default)
        else:
            continue
        article.og_image = image
        data = getattr(article, "structured_data", None)
        if isinstance(data, dict):
            data["image"] = image


def register() -> None:
    """Connect the covers receivers."""
    build.register(
        __package__,
        [
            (signals.initialized, on_initialized),
            (signals.content_object_init, on_content_init),
            (signals.article_generator_finalized, on_articles_finalized),
            (phases.posts_described, on_posts_described),
            (phases.keys_written, on_keys_written),
        ],
    )
