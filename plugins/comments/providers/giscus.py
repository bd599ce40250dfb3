"""giscus (GitHub Discussions, hosted by giscus.app): readers need a GitHub account."""

from ..model import Embed, Thread

OPTIONS = {
    "repo": ("repo", True, None),
    "repo_id": ("text", True, None),
    "category": ("text", True, None),
    "category_id": ("text", True, None),
    "script": ("url", False, "https://giscus.app/client.js"),
}
THIRD_PARTY = True
READ_ONLY = False


def embed(options: dict, thread: Thread) -> Embed:
    """giscus' client script, one discussion per thread id."""
    return Embed(
        script=options["script"],
        script_attrs={
            "data-repo": options["repo"],
            "data-repo-id": options["repo_id"],
            "data-category": options["category"],
            "data-category-id": options["category_id"],
            "data-mapping": "specific",
            "data-term": thread.id,
            "data-strict": "1",
            "data-reactions-enabled": "1",
            "data-input-position": "top",
            "data-theme": "preferred_color_scheme",
            "data-lang": thread.lang,
            "data-loading": "lazy",
            "crossorigin": "anonymous",
        },
    )
