"""Signal receivers connecting webmentions (fetch, cache, parse) to Pelican."""

import logging
import os
import time
from urllib.parse import urlsplit

from pelican import signals

from plugins.engine import build, settings_errors, side
from plugins.engine.side import shown

from . import archive, mentions
from .settings import SettingsError, archive_path, configure, file_path

logger = logging.getLogger(__name__)
# archived targets named one by one in a warning; the rest are counted
NAMED = 5


def on_initialized(pelican) -> None:
    """Validate WEBMENTIONS_* settings; a wrong one stops the build with a clear message."""
    try:
        pelican.settings.update(configure(pelican.settings))
    except SettingsError as exc:
        settings_errors.refuse(pelican.settings, exc)
        return
    # read here, not published: not a file left out by mistake (nor the default's name
    # when another file, or none, is the archive: a former archive, kept)
    settings = pelican.settings
    for archived in (archive_path(settings), archive_path({"PATH": settings["PATH"]})):
        if archived is not None:
            side.claim(settings, archived)


def _received(settings) -> list[dict]:
    """The domain's mentions: refreshed from the API when due, else (or on failure) cached."""
    from . import client  # only with WEBMENTIONS_DOMAIN (tests/test_startup.py)

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
            deadline=settings["WEBMENTIONS_DEADLINE"],
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


def _archived(settings) -> list[tuple[str, mentions.Mention]]:
    """The archive's mentions, each with its target as written (for messages); targets put
    under this build's SITEURL. A problem with the file is one line naming it: an error in
    strict builds, as other content mistakes are, else a warning."""
    path = archive_path(settings)
    if path is None:
        return []
    entries, problem = archive.load(path, shown(settings, path))
    if problem:
        strict = settings.get("BLOGCORE_STRICT")
        (logger.error if strict else logger.warning)("%s", problem)
    found = []
    for entry in entries:
        target = entry["wm-target"]
        resolved = {**entry, "wm-target": archive.site_target(target, settings["SITEURL"])}
        mention = mentions.parse(resolved, settings["WEBMENTIONS_MAX_CHARS"])
        if mention is not None:
            found.append((target, mention))
    return found


def _public_path(article, settings) -> str:
    """The path a draft will have once published (its archived mentions are no mistake)."""
    key = "ARTICLE_URL" if article.in_default_lang else "ARTICLE_LANG_URL"
    try:
        url = settings[key].format(**article.url_format)
    except (KeyError, IndexError, ValueError):
        return ""
    return mentions.target_path(f"{settings['SITEURL']}/{url}")


def on_articles_finalized(generator) -> None:
    """Give each published article its webmentions summary (None when it has none): the
    archive's mentions, and with WEBMENTIONS_DOMAIN the received ones."""
    settings = generator.settings
    published = [
        *generator.articles,
        *generator.translations,
        *generator.hidden_articles,
        *generator.hidden_translations,
    ]
    drafts = [*generator.drafts, *generator.drafts_translations]
    archived = _archived(settings)
    stored = [mention for _, mention in archived]
    received = []
    if settings["WEBMENTIONS_DOMAIN"]:
        limit = settings["WEBMENTIONS_MAX_CHARS"]
        received = [m for m in (mentions.parse(e, limit) for e in _received(settings)) if m]
    # kept apart, not merged by id: the archive's ids are not webmention.io's
    by_target = mentions.summarise([*stored, *received])
    paths = {_public_path(draft, settings) for draft in drafts}
    for article in published:
        path = mentions.target_path(f"{settings['SITEURL']}/{article.url}")
        paths.add(path)
        article.webmentions = by_target.get(path) or None
    for draft in drafts:
        draft.webmentions = None
    if archived:
        _check_archive(settings, archived, received, paths)


def _check_archive(settings, archived, received, paths: set[str]) -> None:
    """Name archived targets no post has, and ids shared with received mentions (the page
    would have two elements with one id): warnings, as every post is still whole."""
    label = shown(settings, archive_path(settings))
    unknown = sorted({target for target, m in archived if m.target not in paths})
    if unknown:
        more = f" and {len(unknown) - NAMED} more" if len(unknown) > NAMED else ""
        logger.warning(
            "%s: no post has the URL %s%s (mentions are shown under posts only); "
            "their mentions are not shown",
            label,
            ", ".join(unknown[:NAMED]),
            more,
        )
    shared = sorted({m.id for _, m in archived} & {m.id for m in received})
    if shared:
        logger.warning(
            "%s: wm-id %s also belongs to a received mention: both are shown, but give the "
            "archived one another id (or none: one is derived)",
            label,
            ", ".join(map(str, shared)),
        )


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
    from . import send  # only with WEBMENTIONS_SEND (tests/test_startup.py)

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
