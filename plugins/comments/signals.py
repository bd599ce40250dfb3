"""Signal receivers connecting the comments logic to Pelican."""

import json
import logging
import os
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from pelican import signals

from plugins.engine import build, files, keysyntax, phases, settings_errors
from plugins.engine.side import shown
from plugins.redirects.paths import split_value

from .model import (
    CLOSED,
    OFF,
    Embed,
    OptionError,
    Thread,
    comment_state,
    default_id,
    key_problems,
    moved_slugs,
    shared_parts,
    slug_only,
    thread_id,
    threads_list,
)
from .providers import PROVIDERS
from .settings import configure

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Block:
    """What the theme's comments partial reads as ``article.comments``."""

    provider: str
    load: str
    thread: Thread
    embed: Embed
    read_only: bool  # closed, and the provider can still show the thread

    @property
    def state(self) -> str:
        return self.thread.state


def on_initialized(pelican) -> None:
    """Validate the comments settings; a wrong one stops the build with a clear message."""
    try:
        pelican.settings.update(configure(pelican.settings))
    except OptionError as exc:
        settings_errors.refuse(pelican.settings, exc)
        return


def on_keys_written(path: str, settings: dict, keys: dict, page: bool) -> list[tuple[int, str]]:
    """A post the reader refuses: the mistakes of its comment keys, said with its others (a
    draft or hidden post gets no thread, so its Comments is not read)."""
    status = str(keys.get("status", "")).strip().lower()
    threaded = not page and settings["COMMENTS_PROVIDER"] != "none"
    threaded = threaded and status not in ("draft", "hidden")
    return key_problems(keys.get("comments"), keys.get("comment_id"), threaded)


def _ident(article, settings) -> str:
    """The post's thread: its Comment_id, else COMMENTS_ID formatted with its fields (once a
    build: kept on the post, so a field it lacks is said once)."""
    known = getattr(article, "comments_thread_id", None)
    if known is not None:
        return known
    article.comments_thread_id = _thread_of(article, settings)
    return article.comments_thread_id


def _thread_of(article, settings) -> str:
    explicit = article.metadata.get("comment_id")
    if thread_id(explicit, "") or settings["COMMENTS_ID"] == "{slug}":
        # Pelican's url_format copies and formats every field of the post (its dates too),
        # for each post in every rebuild make serve runs: not for what the slug alone says
        return thread_id(explicit, article.slug)
    try:
        fallback = default_id(settings["COMMENTS_ID"], article.url_format)
    except (KeyError, AttributeError, IndexError, TypeError, ValueError) as exc:
        logger.error(
            "%s: COMMENTS_ID %r cannot be formatted for this post (%s: %s); its thread is its slug",
            shown(settings, article.source_path),
            settings["COMMENTS_ID"],
            type(exc).__name__,
            exc,
        )
        fallback = article.slug
    return thread_id(article.metadata.get("comment_id"), fallback)


def _report_moved(articles: list, settings) -> None:
    """Each post whose Slug changed, its old address kept (Redirect_from), and that sets no
    Comment_id: its thread follows its new slug, so the comments written at the old address
    no longer show. One warning each, with the Comment_id that keeps them."""
    if not slug_only(settings["COMMENTS_ID"]):
        return
    live = {article.slug for article in articles}
    for article in articles:
        if not thread_id(article.metadata.get("comment_id"), ""):
            _say_moved(article, live, settings)


def _say_moved(article, live: set[str], settings) -> None:
    """The warning for one post, where an old address is its own: the address of another
    live post (a slug in ``live``) is that post's, whose thread the Comment_id would take
    over (the redirect is refused; the redirects plugin's line says why)."""
    old_paths = split_value(article.metadata.get("redirect_from"))
    if not old_paths:
        return
    patterns = [settings.get("ARTICLE_URL") or "", settings.get("ARTICLE_LANG_URL") or ""]
    prefix = urlsplit(settings.get("SITEURL") or "").path.rstrip("/")
    pattern = settings["COMMENTS_ID"]
    for old in moved_slugs(old_paths, patterns, prefix):
        if old == article.slug or old in live:  # old == its slug: its translations
            continue
        before, now = pattern.format(slug=old), pattern.format(slug=article.slug)
        # the key as the post writes one: a .rst post's Markdown line is its first paragraph
        post = keysyntax.as_written(shown(settings, article.source_path), article.metadata)
        syntax = keysyntax.syntax_of(post)
        logger.warning(
            "%s: its comments are kept under its slug, and it redirects from the address it "
            "had as %r: its thread is now %r, so the comments written there no longer show; "
            "add '%s' to keep them (or '%s' to start afresh)",
            post,
            old,
            now,
            keysyntax.key_as_written("Comment_id", syntax, before),
            keysyntax.key_as_written("Comment_id", syntax, now),
        )
        return


def _block(article, settings, seen: dict) -> Block | None:
    provider = settings["COMMENTS_PROVIDER"]
    if provider == "none":
        return None
    meta = article.metadata
    try:
        state = comment_state(meta.get("comments"))
    except OptionError as exc:
        logger.error("%s: %s", shown(settings, article.source_path), exc)
        state = CLOSED  # the safe reading of a typo: no form
    if state == OFF:
        return None
    thread = Thread(
        id=_ident(article, settings),
        url=f"{settings['SITEURL']}/{article.url}",
        title=article.title,
        state=state,
        lang=article.lang,
    )
    module = PROVIDERS[provider]
    return Block(
        provider=provider,
        load=settings["COMMENTS_LOAD"],
        thread=thread,
        embed=shared_parts(module.embed(settings["COMMENTS_OPTIONS"], thread), seen),
        read_only=state == CLOSED and module.READ_ONLY,
    )


def on_articles_finalized(generator) -> None:
    """Give each published article its thread; drafts and previews get none."""
    settings = generator.settings
    seen: dict = {}  # the parts posts' embeds share (model.shared_parts), for this build
    for article in [*generator.articles, *generator.translations]:
        article.comments = _block(article, settings, seen)
    _report_moved([*generator.articles, *generator.translations], settings)
    _report_shared_threads([*generator.articles, *generator.translations], settings)
    for draft in [*generator.drafts, *generator.drafts_translations]:
        draft.comments = None


def _report_shared_threads(articles: list, settings) -> None:
    """Two posts (not translations of one: those share their slug, and their thread) with one
    thread: their comments would mix, and Comments: closed on one would close the other's."""
    first: dict[str, Any] = {}

    def claimed(article) -> bool:
        # a Comment_id line naming another thread than its own slug: that post took the id,
        # and the line to change is there, never in the post whose thread it always was
        return thread_id(article.metadata.get("comment_id"), article.slug) != article.slug

    for article in sorted(articles, key=lambda a: (claimed(a), a.date, a.source_path)):
        ident = _ident(article, settings)
        earlier = first.setdefault(ident, article)
        if earlier.slug != article.slug:
            logger.error(
                "%s: Comment_id %r is already the thread of %s; the two posts would share "
                "their comments: give this one another Comment_id (or none)",
                shown(settings, article.source_path),
                ident,
                shown(settings, earlier.source_path),
            )


def on_articles_written(generator, writer) -> None:
    """Write the list of threads and their states, for the comment server's wrapper."""
    settings = generator.settings
    name = settings.get("COMMENTS_THREADS_FILE")
    if settings["COMMENTS_PROVIDER"] == "none" or not name:
        return
    threads = []
    for article in [*generator.articles, *generator.translations]:
        block = getattr(article, "comments", None)
        if block is not None:
            threads.append(block.thread)
        else:  # Comments: off: no thread on the page, none on the server either
            ident = _ident(article, settings)
            threads.append(Thread(ident, "", article.title, OFF))
    listed = threads_list(settings["COMMENTS_PROVIDER"], threads)
    # written beside, then renamed: the server never reads half a list
    with files.replacing(os.path.join(writer.output_path, name), "w", encoding="utf-8") as file:
        json.dump(listed, file, indent=1)
        file.write("\n")
    # an incremental build removes it once comments are off
    phases.files_written.send(generator, settings=settings, paths=[os.path.normpath(name)])


def register() -> None:
    """Connect the comments receivers."""
    build.register(
        __package__,
        [
            (signals.initialized, on_initialized),
            (signals.article_generator_finalized, on_articles_finalized),
            (signals.article_writer_finalized, on_articles_written),
            (phases.keys_written, on_keys_written),
        ],
    )
