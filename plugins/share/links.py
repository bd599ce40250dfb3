"""Share URLs for one post, as plain values; no Pelican here."""

from dataclasses import dataclass
from urllib.parse import quote, urlsplit

SERVICES = ("mastodon", "bluesky", "linkedin", "email", "copy")


class LinkError(ValueError):
    """A share URL template is unusable."""


@dataclass(frozen=True)
class ShareLink:
    """One entry of the share row (the theme names each service, so labels can be translated)."""

    service: str
    url: str


def encode(value: str) -> str:
    """Percent-encode a query value: spaces as %20 (not +), reserved characters escaped."""
    return quote(value, safe="")


def check_template(template: object) -> str:
    """A share-page template must be an https URL with a {text} placeholder."""
    if not isinstance(template, str):
        raise LinkError(f"must be a string, got {template!r}")
    parts = urlsplit(template)
    if parts.scheme != "https" or not parts.netloc:
        raise LinkError(f"must be an https URL, got {template!r}")
    if "{text}" not in template:
        raise LinkError(f"must contain {{text}}, got {template!r}")
    return template


def share_links(
    title: str, url: str, services: tuple[str, ...], mastodon_template: str
) -> list[ShareLink]:
    """The share row for a post titled ``title`` at ``url`` (absolute, canonical)."""
    text = encode(f"{title} {url}")
    built = {
        "mastodon": lambda: mastodon_template.replace("{text}", text),
        "bluesky": lambda: f"https://bsky.app/intent/compose?text={text}",
        "linkedin": lambda: f"https://www.linkedin.com/sharing/share-offsite/?url={encode(url)}",
        "email": lambda: f"mailto:?subject={encode(title)}&body={encode(url)}",
        "copy": lambda: url,
    }
    return [ShareLink(name, built[name]()) for name in services]
