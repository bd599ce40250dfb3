"""JSON-LD (schema.org) objects as plain dicts; templates print them with ``|tojson``."""

import datetime
from collections.abc import Sequence
from typing import Any

from .dates import machine_date


def blog_posting(
    *,
    headline: str,
    url: str,
    published: datetime.datetime | None,
    modified: datetime.datetime | None,
    authors: Sequence[tuple[str, str]],
    description: str,
    image: str | None,
    publisher: str,
    language: str,
) -> dict[str, Any]:
    """A schema.org BlogPosting; ``authors`` are (name, profile URL or '': none) pairs;
    ``published`` None for a draft not dated yet (no date is said rather than a made-up one)."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": headline[:110],
        "url": url,
        "mainEntityOfPage": url,
        "author": [
            {"@type": "Person", "name": name, **({"url": link} if link else {})}
            for name, link in authors
        ],
        "publisher": {"@type": "Organization", "name": publisher},
        "inLanguage": language,
    }
    if published:
        data["datePublished"] = machine_date(published)
    if modified or published:
        data["dateModified"] = machine_date(modified or published)
    if description:
        data["description"] = description
    if image:
        data["image"] = image
    return data
