"""Signal receivers connecting the related-posts scorer to Pelican."""

import logging
import os
import sys
from collections.abc import Callable

from pelican import signals

from plugins.blogcore.frontmatter import split_wide
from plugins.engine import build, compat, forks, keysyntax, phases, scheduled, settings_errors

from . import lookup, pins
from .model import Doc, Weights
from .settings import SettingsError, configure
from .text import plain_text, text_limit

logger = logging.getLogger(__name__)


def on_initialized(pelican) -> None:
    """Validate the related-posts settings and fill in their defaults."""
    try:
        pelican.settings.update(configure(pelican.settings))
    except SettingsError as exc:
        settings_errors.refuse(pelican.settings, exc)
        return


def weights_from(settings) -> Weights:
    """The scorer's weights from Pelican settings."""
    return Weights(
        text=settings["RELATED_WEIGHT_TEXT"],
        tags=settings["RELATED_WEIGHT_TAGS"],
        category=settings["RELATED_WEIGHT_CATEGORY"],
        authors=settings["RELATED_WEIGHT_AUTHORS"],
        recency=settings["RELATED_WEIGHT_RECENCY"],
        recency_half_life_days=settings["RELATED_RECENCY_HALF_LIFE_DAYS"],
        min_score=settings["RELATED_MIN_SCORE"],
        max_terms=settings["RELATED_MAX_TERMS"],
        max_words=settings["RELATED_MAX_WORDS"],
    )


def _slugs(value) -> tuple[str, ...]:
    if not value:
        return ()
    items = value if isinstance(value, list) else str(value).replace(";", ",").split(",")
    # a Chinese, Japanese or Arabic-script comma separates too (Related: a，b)
    return tuple(split_wide([str(s) for s in items]))


def doc_of(article, settings) -> Doc:
    """A published article as the scorer sees it."""
    meta = article.metadata
    series = meta.get("series")
    base = os.path.dirname(os.path.abspath(settings["PATH"]))
    title = article.title or ""
    # the title twice: its words say most about the topic
    text = f"{title}. {title}. {plain_text(compat.html_of(article))}"  # Content._content
    return Doc(
        key=article.slug,
        lang=article.lang,
        # only what the scorer reads (text.words): at 5,000 posts the rest is 10 MB or more
        text=text[: text_limit(settings["RELATED_MAX_WORDS"])],
        date=article.date.timestamp(),
        tags=tuple(t.name.lower() for t in getattr(article, "tags", []) or []),
        category=article.category.name if getattr(article, "category", None) else "",
        authors=tuple(a.name for a in getattr(article, "authors", []) or []),
        series=str(series).strip().lower() if series else None,
        pins=_slugs(meta.get("related")),
        excludes=_slugs(meta.get("related_exclude")),
        source=os.path.relpath(os.path.abspath(article.source_path), base),
    )


def _scorer(settings) -> Callable[[], Callable[[list[Doc]], tuple[dict, list]]]:
    """What the scoring child runs first: the import, then the function that picks."""
    most, weights = settings["RELATED_MAX"], weights_from(settings)

    def prepare() -> Callable[[list[Doc]], tuple[dict, list]]:
        # NumPy takes 0.1 s to import (SciPy, for a product of 4,000 posts or more, 0.2 s
        # more: csr.Product): only the child that scores loads them
        # (forks.Primed), so the build and its workers never do
        from . import scoring

        def pick(docs: list[Doc]) -> tuple[dict, list]:
            return _slugs_only(scoring.related(docs, most, weights))

        return pick

    return prepare


def _slugs_only(found: tuple[dict, list]) -> tuple[dict, list]:
    """The picks as slugs alone: their scores and parts are not used here, and cost a tenth
    of a second to send back from the fork at 5,000 posts."""
    picks, problems = found
    return {post: [p.key for p in chosen] for post, chosen in picks.items()}, problems


def _pick(published: list, settings, docs: list[Doc] | None = None) -> tuple[dict, list]:
    """The slugs picked for each post, by (lang, slug), and the problems found (here)."""
    if docs is None:
        docs = [doc_of(a, settings) for a in published]
    return _scorer(settings)()(docs)


def _state(generator_or_pelican):
    """This build's related-posts state: ``started``, ``counted`` (the content folder, at
    preread), and ``published`` + ``pending`` picks."""
    return build.current(generator_or_pelican.settings).state(__package__)


def on_generator_init(generator) -> None:
    """As the build's first generator is made, fork the child that will score: the build's
    process holds little yet, so little is shared with it (``engine.forks``)."""
    _prime(generator, wait=True)


def on_article_preread(generator) -> None:
    """Before the first post is read by Pelican's readers, let the scoring child import.

    Pelican's serial steps after reading keep one core busy (fastbuild's workers have read
    the files by now); the import runs on the other.
    """
    primed = _prime(generator, wait=False)
    state = _state(generator)
    # Pelican sends this before each post it reads: the folder is counted once per build
    # (each count walks the whole folder: 2,000 posts took 5 s of the rebuild when it ran
    # for every post)
    if primed is None or hasattr(state, "counted"):
        return
    state.counted = True
    # not for one post: nothing to score, and its import would only take the other core
    if _two_posts_may_be_there(generator):
        primed.begin()


def _two_posts_may_be_there(generator) -> bool:
    settings = generator.settings
    return pins.two_posts_may_be_there(
        generator.path,
        settings["ARTICLE_PATHS"],
        settings["ARTICLE_EXCLUDES"],
        generator.readers.extensions,
    )


def _prime(generator, wait: bool) -> forks.Primed | None:
    """This build's scoring child, forked on first call; None when no scoring is wanted."""
    state = _state(generator)
    settings = generator.settings
    if settings["RELATED_MAX"] == 0:
        return None
    if not hasattr(state, "primed"):
        # not forked, it computes in this process when the picks are asked for (get_writer)
        state.primed = forks.Primed(_scorer(settings), fork=_fork_pays(generator), wait=wait)
        build.current(settings).on_close(state.primed.cancel)
    return state.primed


def _fork_pays(generator) -> bool:
    """Whether to score in a fork: the site has ``RELATED_FORK_MIN_POSTS`` post files or more
    (0 or 1: always). Below it the build saves the fork's memory and processor time, and
    waits for NumPy's import and the scoring itself (docs/performance.md)."""
    least = generator.settings["RELATED_FORK_MIN_POSTS"]
    if least <= 1:
        return True
    settings = generator.settings
    found = pins.posts_counted(
        generator.path,
        settings["ARTICLE_PATHS"],
        settings["ARTICLE_EXCLUDES"],
        generator.readers.extensions,
        least,
    )
    return found >= least


def on_articles_pretaxonomy(generator) -> None:
    """Start picking once Pelican has settled which posts are published, if posts are final.

    Posts are final when every plugin that changes them at this signal (blogcore: the posts
    skipped for a URL clash taken out; team, galleries) has said so
    (``phases.posts_changed``), whichever order Pelican calls them in: the list copied here
    holds no skipped post.
    """
    if phases.posts_final(generator):
        _start(generator)


def on_posts_changed(generator, plugin: str) -> None:
    """A plugin finished changing posts: start picking if it was the last one."""
    if phases.posts_final(generator):
        _start(generator)


def on_articles_finalized(generator) -> None:
    """Start picking now if it did not start at pretaxonomy."""
    _start(generator)


def _start(generator) -> None:
    """Start picking related posts among published posts, per language; drafts get none.

    The picking runs beside the rest of the build (``forks.Primed``) and its result is
    given to the posts before any page is written (``on_get_writer``). Once per build.
    """
    state = _state(generator)
    if getattr(state, "started", False):
        return
    state.started = True
    settings = generator.settings
    published = [*generator.articles, *generator.translations]
    primed = getattr(state, "primed", None)
    for article in published:
        article.related_posts = []
    if settings.get("RELATED_EXPLAIN"):
        _explain(generator, published, settings)
    if not published or settings["RELATED_MAX"] == 0:
        if primed is not None:
            primed.cancel()
        return
    state.published = published
    state.unpublished = {a.slug: _state_of(a) for a in _unpublished(generator)}
    if not pins.scoring_needed(a.lang for a in published):
        # nothing to score (a one-post site): no NumPy, no wait for the child importing it
        if primed is not None:
            primed.cancel()
        docs = [doc_of(a, settings) for a in published]
        state.pending = _Known(_slugs_only(pins.alone(docs, settings["RELATED_MAX"])))
        return
    primed = _prime(generator, wait=False)  # forked now if no generator_init came first
    # 100 posts at a time as they are made: the whole list and its pickle at once took 40 MB
    # more in the feeding fork at 1,000 posts, and the scorer held all of the pickle too
    primed.send_each(lambda: (doc_of(a, settings) for a in published))
    state.pending = primed


class _Known:
    """Picks worked out in the build's process, given at ``get_writer`` as the child's are."""

    def __init__(self, value: tuple[dict, list]) -> None:
        self.value = value

    def result(self, fallback: Callable[[], tuple[dict, list]]) -> tuple[dict, list]:
        """The picks (``fallback`` is not needed)."""
        return self.value


def _unpublished(generator) -> list:
    """The posts that are there but not published: drafts, future and hidden posts."""
    return [
        *generator.drafts,
        *generator.drafts_translations,
        *generator.hidden_articles,
        *generator.hidden_translations,
    ]


def on_keys_written(path: str, settings: dict, keys: dict, page: bool) -> list:
    """A post the reader refuses: its Related and Related_exclude are kept, and said with
    the others' once the published posts are known (``on_get_writer``); nothing now."""
    pinned, excluded = _slugs(keys.get("related")), _slugs(keys.get("related_exclude"))
    if not page and (pinned or excluded):
        state = build.current(settings).state(__package__)
        state.unread = [*getattr(state, "unread", ()), (path, pinned, excluded)]
    return []


def on_get_writer(pelican) -> None:
    """Give the posts their related posts before anything is written (returns no writer)."""
    state = _state(pelican)
    pending = getattr(state, "pending", None)
    if pending is not None:
        state.pending, published = None, state.published
        found = pending.result(lambda: _pick(published, settings=pelican.settings))
        picks, problems = found
        # a refused post's pins (on_keys_written), said as a read post's are
        slugs = {a.slug for a in published}
        for path, pinned, excluded in getattr(state, "unread", ()):
            problems = [*problems, *pins.unread_problems(path, pinned, excluded, slugs)]
        _attach(published, (picks, problems), state.unpublished)


def _attach(published: list, found: tuple[dict, list], unpublished: dict[str, str]) -> None:
    picks, problems = found
    slugs = sorted({a.slug for a in published})
    for problem in problems:
        line = lookup.pin_line(problem.message, problem.slug, slugs, unpublished)
        logger.warning("%s: %s", problem.source, line)
    by_key = {(a.lang, a.slug): a for a in published}
    for article in published:
        chosen = picks.get((article.lang, article.slug), [])
        article.related_posts = [by_key[(article.lang, slug)] for slug in chosen]


def _entry(article, settings, state: str = "") -> lookup.Entry:
    return lookup.Entry(doc_of(article, settings), article.url, state)


def _state_of(article) -> str:
    """What a post that is not published is: hidden, a draft, or a post with a future date
    (which Pelican makes a draft until its date, Status: draft or not)."""
    if article.status == "hidden":
        return lookup.HIDDEN
    if str(article.metadata.get("status", "")).strip().lower() == "draft":
        # its own line as its file writes it, or the folder or setting that made it one
        syntax = keysyntax.syntax_of(keysyntax.as_written(article.source_path, article.metadata))
        return lookup.draft(
            scheduled.draft_subject(article, keysyntax.key_as_written("Status", syntax, "draft"))
        )
    return lookup.scheduled(article.date.strftime("%Y-%m-%d"), scheduled.date_subject(article))


def _explain(generator, published: list, settings) -> None:
    """``invoke related``: print the related posts of the post asked about (by slug, address
    or file; a draft, future or hidden post is scored as if published); the build then goes
    on to its end (tasks.py counts every line it says, as `make build` shows them). A post
    that is not there ends the build: exit status 1, one line with the slug most like it.
    """
    from . import scoring  # NumPy: see _scorer

    entries = [_entry(a, settings) for a in published]
    entries += [_entry(a, settings, _state_of(a)) for a in _unpublished(generator)]
    matches = lookup.find(settings["RELATED_EXPLAIN"], entries)
    if not matches:
        raise SystemExit(lookup.unknown(settings["RELATED_EXPLAIN"], entries))
    docs = [e.doc for e in entries if not e.state]
    for entry in matches:
        doc = entry.doc
        print(lookup.heading(entry))
        if settings["RELATED_MAX"] == 0:
            print("  none: RELATED_MAX is 0, so no post shows related posts")
            continue
        scored = [*docs, doc] if entry.state else docs  # as if it were published
        picks = scoring.explain(
            scored, doc.key, doc.lang, settings["RELATED_MAX"], weights_from(settings)
        )
        if not picks:
            print("  none: no published post reaches RELATED_MIN_SCORE")
        titles = {d.key: d for d in docs if d.lang == doc.lang}
        for n, pick in enumerate(picks, start=1):
            if pick.pinned:
                print(f"  {n}. {pick.key}  pinned by Related:")
                continue
            parts = " + ".join(f"{name} {value:.3f}" for name, value in pick.parts.items())
            print(
                f"  {n}. {pick.key}  score {pick.score:.3f} = {parts}  [{titles[pick.key].source}]"
            )
    sys.stdout.flush()  # the answer now, before the rest of the build


def register() -> None:
    """Connect the related-posts receivers."""
    build.register(
        __package__,
        [
            (signals.initialized, on_initialized),
            (signals.generator_init, on_generator_init),
            (signals.article_generator_preread, on_article_preread),
            (signals.article_generator_pretaxonomy, on_articles_pretaxonomy),
            (phases.posts_changed, on_posts_changed),
            (signals.article_generator_finalized, on_articles_finalized),
            (signals.get_writer, on_get_writer),
            (phases.keys_written, on_keys_written),
        ],
    )
