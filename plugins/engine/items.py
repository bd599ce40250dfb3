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
