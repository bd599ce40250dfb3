"""Signal receivers connecting the related-posts scorer to Pelican."""

import logging
import os
from collections.abc import Callable

from pelican import signals

from plugins.blogcore.frontmatter import split_wide
from plugins.engine import build, compat, forks, phases

from .model import Doc, Weights
from .settings import SettingsError, configure
from .text import plain_text, text_limit

logger = logging.getLogger(__name__)


def on_initialized(pelican) -> None:
    """Validate the related-posts settings and fill in their defaults."""
    try:
        pelican.settings.update(configure(pelican.settings))
    except SettingsError as exc:
        raise SystemExit(f"Settings error: {exc}") from None


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
        # NumPy and SciPy take 0.15 s to import: only the child that scores loads them
        # (forks.Primed), so the build and its workers never do
        from . import scoring

        def pick(docs: list[Doc]) -> tuple[dict, list]:
            picks, problems = scoring.related(docs, most, weights)
            # slugs alone: the picks' scores and parts are not used here, and cost a tenth of
            # a second to send back from the fork at 5,000 posts
            return {post: [p.key for p in chosen] for post, chosen in picks.items()}, problems

        return pick

    return prepare


def _pick(published: list, settings, docs: list[Doc] | None = None) -> tuple[dict, list]:
    """The slugs picked for each post, by (lang, slug), and the problems found (here)."""
    if docs is None:
        docs = [doc_of(a, settings) for a in published]
    return _scorer(settings)()(docs)


def _state(generator_or_pelican):
    """This build's related-posts state: ``started``, and ``published`` + ``pending`` picks."""
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
    if primed is not None:
        primed.begin()


def _prime(generator, wait: bool) -> forks.Primed | None:
    """This build's scoring child, forked on first call; None when no scoring is wanted."""
    state = _state(generator)
    settings = generator.settings
    if settings["RELATED_MAX"] == 0 or settings["RELATED_EXPLAIN"]:
        return None
    if not hasattr(state, "primed"):
        state.primed = forks.Primed(_scorer(settings), wait=wait)
        build.current(settings).on_close(state.primed.cancel)
    return state.primed


def on_articles_pretaxonomy(generator) -> None:
    """Start picking once Pelican has settled which posts are published, if posts are final.

    Posts are final when every plugin that changes them at this signal (team, galleries) has
    said so (``phases.posts_changed``), whichever order Pelican calls them in.
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
    if not published or settings["RELATED_MAX"] == 0:
        if primed is not None:
            primed.cancel()
        return
    if settings["RELATED_EXPLAIN"]:
        docs = [doc_of(a, settings) for a in published]
        _attach(published, _pick(published, settings, docs))
        _explain(docs, settings)
        return
    primed = _prime(generator, wait=False)  # forked now if no generator_init came first
    primed.send(lambda: [doc_of(a, settings) for a in published])
    state.published, state.pending = published, primed


def on_get_writer(pelican) -> None:
    """Give the posts their related posts before anything is written (returns no writer)."""
    state = _state(pelican)
    pending = getattr(state, "pending", None)
    if pending is not None:
        state.pending, published = None, state.published
        _attach(published, pending.result(lambda: _pick(published, settings=pelican.settings)))


def _attach(published: list, found: tuple[dict, list]) -> None:
    picks, problems = found
    for problem in problems:
        logger.warning("%s: %s", problem.source, problem.message)
    by_key = {(a.lang, a.slug): a for a in published}
    for article in published:
        chosen = picks.get((article.lang, article.slug), [])
        article.related_posts = [by_key[(article.lang, slug)] for slug in chosen]


def _explain(docs: list[Doc], settings) -> None:
    from . import scoring  # NumPy and SciPy: see _scorer

    slug = settings["RELATED_EXPLAIN"]
    matches = [d for d in docs if d.key == slug]
    if not matches:
        print(f"No published post with slug {slug!r}.")
        return
    for doc in matches:
        picks = scoring.explain(
            docs, doc.key, doc.lang, settings["RELATED_MAX"], weights_from(settings)
        )
        print(f"Related posts for {doc.key} ({doc.source}, {doc.lang}):")
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
        ],
    )
