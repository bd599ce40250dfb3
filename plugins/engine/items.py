"""The posts a generator holds, gathered one way for every plugin."""

from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from typing import Any

from pelican.contents import Page

# Pelican's generators' lists, (originals, translations) in each state, the drafts' pair last
ARTICLE_PAIRS = (
    ("articles", "translations"),
    ("hidden_articles", "hidden_translations"),
    ("drafts", "drafts_translations"),
)
PAGE_PAIRS = (
    ("pages", "translations"),
    ("hidden_pages", "hidden_translations"),
    ("draft_pages", "draft_translations"),
)
# the ArticlesGenerator's lists, in every state and language
ARTICLE_LISTS = tuple(name for pair in ARTICLE_PAIRS for name in pair)


def every_article(generator: Any) -> Iterator[Any]:
    """Every article the generator read, in every state and language."""
    return chain.from_iterable(getattr(generator, name, ()) for name in ARTICLE_LISTS)


def written(contents: Iterable[Any], settings: Mapping[str, Any]) -> list[Any]:
    """The posts and pages among these that this build writes a page for: a draft (a future
    post too) only where its settings write drafts, as a development build does."""
    contents = list(contents)
    if settings.get("DRAFT_SAVE_AS") and settings.get("DRAFT_PAGE_SAVE_AS"):
        return contents
    kept = []
    for item in contents:
        if getattr(item, "status", "") == "draft":
            # a page has a category too (DEFAULT_CATEGORY): its class tells it from a post
            key = "DRAFT_PAGE_SAVE_AS" if isinstance(item, Page) else "DRAFT_SAVE_AS"
            if not settings.get(key):
                continue
        kept.append(item)
    return kept


def static_output(static: Any) -> tuple[str, str]:
    """Where a static file is written and its URL, without marking it linked.

    Pelican's ``Static.save_as`` and ``Static.url`` note that a link has used the file's place,
    after which an ``{attach}`` link may not move it next to its post (it falls back, with a
    warning): a plugin that only looks reads them here, as the properties would give them.
    """
    return static.get_url_setting("save_as"), static.get_url_setting("url")
