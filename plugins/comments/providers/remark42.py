"""Remark42 (self-hosted, https://remark42.com)."""

from ..model import Embed, Thread

# the embed script, under the server's address (the setting is the address, not the script)
SCRIPT = "/web/embed.js"
OPTIONS = {
    "host": ("server", True, None),
    "site_id": ("name", True, None),
}
THIRD_PARTY = True  # usually on another host than the blog: load on click unless set otherwise
READ_ONLY = False


def embed(options: dict, thread: Thread) -> Embed:
    """Remark42's embed script; its configuration is the remark_config global."""
    return Embed(
        script=options["host"] + SCRIPT,
        globals={
            "remark_config": {
                "host": options["host"],
                "site_id": options["site_id"],
                "url": thread.id,
                "page_title": thread.title,
                "theme": "light",
                "locale": thread.lang,
                "components": ["embed"],
            }
        },
        target={"id": "remark42"},
    )
