"""Signal receivers connecting webmentions (fetch, cache, parse) to Pelican."""

import logging
import os
import time
from urllib.parse import urlsplit

from pelican import signals

from plugins.engine import build

from . import client, mentions, send
from .settings import SettingsError, configure, file_path

logger = logging.getLogger(__name__)


def on_initialized(pelican) -> None:
    """Validate WEBMENTIONS_* settings; a wrong one stops the build with a clear message."""
    try:
        pelican.settings.update(configure(pelican.settings))
    except SettingsError as exc:
        raise SystemExit(f"Settings error: {exc}") from None


def _received(settings) -> list[dict]:
    """The domain's mentions: refreshed from the API when due, else (or on failure) cached."""
    domain = settings["WEBMENTIONS_DOMAIN"]
    path = file_path(settings, "WEBMENTIONS_CACHE")
    cache, problem = client.load_cache(path, domain)
    if problem:
        logger.warning("webmentions: %s", problem)
    if not settings["WEBMENTIONS_FETCH"]:
        return cache.entries
    if time.time() - cache.fetched_at < settings["WEBMENTIONS_REFRESH"]:
        return cache.entries
    token = os.environ.get(settings["WEBMENTIONS_TOKEN_ENV"], "").strip()
    if not token:
        logger.warning(
            "webmentions: no API token in $%s; showing the %d cached mentions",
            settings["WEBMENTIONS_TOKEN_ENV"],
            len(cache.entries),
        )
        return cache.entries
    try:
        fresh = client.refresh(
            cache,
            settings["WEBMENTIONS_API_URL"],
            token,
            timeout=settings["WEBMENTIONS_TIMEOUT"],
            per_page=settings["WEBMENTIONS_PER_PAGE"],
            max_pages=settings["WEBMENTIONS_MAX_PAGES"],
        )
    except client.FetchError as exc:
        when = (
            time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(cache.fetched_at))
            if cache.fetched_at
            else "never"
        )
        logger.warning(
            "webmentions: fetching from %s failed: %s; showing the last good copy "
            "(%d mentions, fetched: %s)",
            urlsplit(settings["WEBMENTIONS_API_URL"]).netloc,
            exc,
            len(cache.entries),
            when,
        )
        return cache.entries
    try:
        client.save_cache(path, fresh)
    except OSError as exc:
        logger.warning("webmentions: could not write the cache %s (%s)", path, exc)
    return fresh.entries


def on_articles_finalized(generator) -> None:
    """Give each published article its webmentions summary (None when it has none)."""
    settings = generator.settings
    published = [
        *generator.articles,
        *generator.translations,
        *generator.hidden_articles,
        *generator.hidden_translations,
    ]
    by_target: dict[str, mentions.Summary] = {}
    if settings["WEBMENTIONS_DOMAIN"]:
        limit = settings["WEBMENTIONS_MAX_CHARS"]
        parsed = [mentions.parse(entry, limit) for entry in _received(settings)]
        by_target = mentions.summarise([m for m in parsed if m is not None])
    for article in published:
        path = mentions.target_path(f"{settings['SITEURL']}/{article.url}")
        article.webmentions = by_target.get(path) or None
    for draft in [*generator.drafts, *generator.drafts_translations]:
        draft.webmentions = None


def on_article_writer_finalized(generator, writer) -> None:
    """With WEBMENTIONS_SEND, record each post's external links for `invoke send-webmentions`
    (sent after the deploy: a receiver fetches the post to check that it links to them)."""
    settings = generator.settings
    if not settings["WEBMENTIONS_SEND"]:
        return
    siteurl = settings["SITEURL"]
    parts = urlsplit(siteurl)
    if parts.scheme != "https" or parts.hostname in ("127.0.0.1", "localhost"):
        logger.warning(
            "webmentions: WEBMENTIONS_SEND needs the public https SITEURL, got %r; "
            "no webmentions recorded for sending",
            siteurl,
        )
        return
    outbox = {}
    for article in [*generator.articles, *generator.translations]:  # not hidden, not drafts
        targets = send.external_links(article.content, siteurl)
        if targets:
            outbox[f"{siteurl}/{article.url}"] = targets
    path = file_path(settings, "WEBMENTIONS_OUTBOX")
    try:
        send.write_outbox(path, outbox)
    except OSError as exc:
        logger.warning("webmentions: could not write %s (%s)", path, exc)
        return
    logger.info(
        "webmentions: %d links in %d posts recorded in %s; run `invoke send-webmentions` "
        "after the deploy",
        sum(map(len, outbox.values())),
        len(outbox),
        path,
    )


def register() -> None:
    """Connect the webmentions receivers."""
    build.register(
        __package__,
        [
            (signals.initialized, on_initialized),
            (signals.article_generator_finalized, on_articles_finalized),
            (signals.article_writer_finalized, on_article_writer_finalized),
        ],
    )
