"""Isso (self-hosted, https://isso-comments.de): the default provider."""

from ..model import Embed, Thread

OPTIONS = {
    "url": ("url", True, None),  # where Isso is served, e.g. https://comments.example.org
    "require_author": ("bool", False, False),
    "vote": ("bool", False, False),
}
THIRD_PARTY = False
READ_ONLY = True  # closed threads are shown from Isso's API, without a form


def embed(options: dict, thread: Thread) -> Embed:
    """Isso's embed script, configured through data attributes."""
    url = options["url"]
    return Embed(
        script=f"{url}/js/embed.min.js",
        script_attrs={
            "data-isso": f"{url}/",
            "data-isso-lang": thread.lang,
            "data-isso-require-author": str(options["require_author"]).lower(),
            "data-isso-vote": str(options["vote"]).lower(),
            "data-isso-css": "true",
        },
        target={"id": "isso-thread", "data-isso-id": thread.id, "data-title": thread.title},
        count_api=f"{url}/count",
        read_api=f"{url}/",
    )
