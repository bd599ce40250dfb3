"""utterances (GitHub issues, hosted by utteranc.es): readers need a GitHub account."""

from ..model import Embed, Thread

OPTIONS = {
    "repo": ("repo", True, None),
    "label": ("text", False, "comments"),
    "script": ("url", False, "https://utteranc.es/client.js"),
}
THIRD_PARTY = True
READ_ONLY = False


def embed(options: dict, thread: Thread) -> Embed:
    """utterances' client script, one issue per thread id."""
    return Embed(
        script=options["script"],
        script_attrs={
            "repo": options["repo"],
            "issue-term": thread.id,
            "label": options["label"],
            "theme": "preferred-color-scheme",
            "crossorigin": "anonymous",
        },
    )
