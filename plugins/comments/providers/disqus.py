"""Disqus (hosted by disqus.com): shows ads and tracks readers; offered for sites that use it."""

from ..model import Embed, Thread

OPTIONS = {
    "shortname": ("name", True, None),
}
THIRD_PARTY = True
READ_ONLY = False


def embed(options: dict, thread: Thread) -> Embed:
    """Disqus' embed script; the page identity goes in Disqus' documented globals."""
    return Embed(
        script=f"https://{options['shortname']}.disqus.com/embed.js",
        script_attrs={"data-timestamp": "0"},
        globals={
            "disqus_shortname": options["shortname"],
            "disqus_identifier": thread.id,
            "disqus_url": thread.url,
            "disqus_title": thread.title,
        },
        target={"id": "disqus_thread"},
    )
