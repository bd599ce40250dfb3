"""Share URLs for one post, as plain values; no Pelican here."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any
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


class ShareRow(Sequence[ShareLink]):
    """A post's share row (``share_links``), made the first time a page reads it, then kept.

    Made only when a template reads it (its post's page): every post holds its row until the
    end of the build, and a listing, which never reads it, would have held five URLs as
    strings, 1.4 KB a post (1.4 MB at 1,000 posts), against 0.2 KB for the title, the URL
    and the settings. Kept once made: ``row[0]`` and then ``row[1]`` make it once.
    """

    __slots__ = ("_links", "_mastodon_template", "_services", "_title", "_url")

    def __init__(
        self, title: str, url: str, services: tuple[str, ...], mastodon_template: str
    ) -> None:
        self._title, self._url = title, url
        self._services, self._mastodon_template = services, mastodon_template
        self._links: list[ShareLink] | None = None

    def links(self) -> list[ShareLink]:
        """The row's links, made on the first call."""
        if self._links is None:
            self._links = share_links(
                self._title, self._url, self._services, self._mastodon_template
            )
        return self._links

    def __len__(self) -> int:
        return len(self._services)

    def __getitem__(self, index: int | slice) -> Any:  # one link, or a list of them (a slice)
        return self.links()[index]

    def __iter__(self) -> Iterator[ShareLink]:
        return iter(self.links())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ShareRow):
            other = other.links()
        return isinstance(other, list) and self.links() == other

    __hash__ = None  # type: ignore[assignment]  # equal to a list, which has none

    def __repr__(self) -> str:
        return repr(self.links())
