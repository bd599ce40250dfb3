"""Feed entries made once per process: a post in many feeds is the same entry in each.

A site's feeds (all posts, each category, tag and author, each language) hold the same posts
many times over: 4,917 entries of 1,787 posts in 257 feeds at 2,000 posts. Making a post's
item (its values: title, link, content...) is about two fifths of writing a feed, and
serialising it as XML about half. An entry's XML depends only on its item and the feed's
kind, so it is kept by those values.
"""

import io
import logging
import zlib
from collections.abc import Callable
from typing import Any

logger = logging.getLogger(__name__)

# (feed class, item's values) -> the entry's XML, UTF-8 and compressed: kept as text, the
# entries were 7.5 MB of each rendering process at 1,000 posts, a quarter of what the listings
# added to the build's peak; compressed (zlib's fastest level, a third of the size or less)
# they cost about 0.03 ms an entry to make and to read back
EntryTexts = dict[tuple[type, tuple], bytes]
_EMPTY = zlib.compress(b"", 1)


def item_key(item: dict[str, Any]) -> tuple | None:
    """The item's values as a dictionary key; None if one cannot be a key (then no reuse)."""
    if item.get("pubdate") is None and item.get("updateddate") is None:
        return None  # Atom then dates the entry "now": the same item is not the same XML
    key = tuple([(name, tuple(v) if isinstance(v, list) else v) for name, v in item.items()])
    try:
        hash(key)
    except TypeError:
        return None
    return key


def copied(item: dict[str, Any]) -> dict[str, Any]:
    """A copy of a feed item that shares no list with it (a receiver may change either)."""
    return {name: list(v) if isinstance(v, list) else v for name, v in item.items()}


def cache_entries(
    feed: Any,
    texts: EntryTexts,
    short_empty: Callable[[Any], bool],
    source_of: Callable[[dict[str, Any]], str | None] = lambda item: None,
) -> Any:
    """Make ``feed`` write each entry whose XML ``texts`` holds from there, and add the rest.

    ``short_empty(handler)``: does the feed's XML writer write ``<a/>`` for an empty element
    (compat.short_empty_elements: the writer does not say so publicly). ``source_of(item)``:
    the file an item was made from, as staff know it (content/posts/x.md), for the line that
    names an entry XML cannot hold (a control character the sanitiser missed): that entry is
    left out of the feed, not the whole build stopped.

    The feed's own ``write_items`` writes every entry, one at a time, into a buffer first;
    the text is then written through the feed's XML writer as it stands, so the file holds
    the same characters as when the feed writes its entries itself.
    """
    write_items: Callable = feed.write_items

    def write_cached_items(handler) -> None:
        items = feed.items
        make = type(handler)
        short = short_empty(handler)
        try:
            for item in items:
                key = item_key(item)
                if key is not None:
                    key = (type(feed), key)
                kept = texts.get(key) if key is not None else None
                if kept is not None:
                    text = zlib.decompress(kept).decode()
                else:
                    buffer = io.StringIO()
                    feed.items = [item]
                    try:
                        write_items(make(buffer, "utf-8", short_empty_elements=short))
                    except ValueError as exc:  # UnserializableContentError: "Control ..."
                        logger.error(
                            "%s: its entry is left out of the feeds: %s",
                            source_of(item) or item.get("link") or "a post",
                            exc,
                        )
                        if key is not None:  # said once, not again for each feed holding it
                            texts[key] = _EMPTY
                        continue
                    text = buffer.getvalue()
                    if key is not None:
                        texts[key] = zlib.compress(text.encode(), 1)
                # written as it is, as characters already escaped
                handler.ignorableWhitespace(text)
        finally:
            feed.items = items

    feed.write_items = write_cached_items
    return feed
