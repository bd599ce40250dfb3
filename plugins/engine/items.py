"""The posts a generator holds, gathered one way for every plugin."""

from collections.abc import Iterator
from itertools import chain
from typing import Any

# Pelican's ArticlesGenerator lists, in every state and language.
ARTICLE_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
)


def every_article(generator: Any) -> Iterator[Any]:
    """Every article the generator read, in every state and language."""
    return chain.from_iterable(getattr(generator, name, ()) for name in ARTICLE_LISTS)


def static_output(static: Any) -> tuple[str, str]:
    """Where a static file is written and its URL, without marking it linked.

    Pelican's ``Static.save_as`` and ``Static.url`` note that a link has used the file's place,
    after which an ``{attach}`` link may not move it next to its post (it falls back, with a
    warning): a plugin that only looks reads them here, as the properties would give them.
    """
    return static.get_url_setting("save_as"), static.get_url_setting("url")
