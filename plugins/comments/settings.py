"""Every comments setting with its default, and their validation."""

import difflib
from typing import Any

from plugins.engine.config import merge

from .model import OptionError, configure_provider, id_pattern_problem
from .providers import PROVIDERS

DEFAULTS: dict[str, Any] = {
    # isso (default), giscus, utterances, remark42, disqus, or none.
    "COMMENTS_PROVIDER": "isso",
    # When the thread loads: "scroll" (as the reader nears it) or "click" (a "Show comments"
    # button). None: "click" for providers hosted by a third party, "scroll" otherwise.
    "COMMENTS_LOAD": None,
    # Refuse http:// script URLs (publishconf.py turns this on).
    "COMMENTS_HTTPS_ONLY": False,
    # Comment counts on post lists, where the provider has a count API (Isso). Off: a count
    # is a request to the comment server from every list page as it loads, before the
    # reader shows any interest in comments (docs/comments.md says what it sends).
    "COMMENTS_COUNTS": False,
    # Where each build lists its threads and their states (JSON, relative to the output);
    # the comment server's wrapper reads it to refuse comments on closed threads. None: not
    # written.
    "COMMENTS_THREADS_FILE": "comments/threads.json",
    # A thread's identity where a post sets no Comment_id, formatted like ARTICLE_URL with the
    # post's fields. "{slug}" survives a new URL scheme; a site moved from Pelican's default
    # theme with Disqus keeps its threads with "{slug}.html" (its identifier was the post's
    # URL, ARTICLE_URL's value there).
    "COMMENTS_ID": "{slug}",
    # Isso (self-hosted). COMMENTS_ISSO_URL is required with the isso provider: the server's
    # own address (https://comments.example.org), not its script's (…/js/embed.min.js).
    "COMMENTS_ISSO_URL": None,
    "COMMENTS_ISSO_REQUIRE_AUTHOR": False,
    "COMMENTS_ISSO_VOTE": False,
}
LOAD_MODES = ("scroll", "click")


def configure(settings: dict[str, Any]) -> dict[str, Any]:
    """Merge and validate; returns the settings plus COMMENTS_OPTIONS (the provider's options)."""
    provider = settings.get("COMMENTS_PROVIDER", DEFAULTS["COMMENTS_PROVIDER"])
    known = (*PROVIDERS, "none")
    if provider not in known:
        close = difflib.get_close_matches(str(provider), known, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise OptionError(
            f"COMMENTS_PROVIDER must be one of {', '.join(known)}, got {provider!r}{hint}"
        )
    option_keys = {
        f"COMMENTS_{name.upper()}_{option.upper()}"
        for name, module in PROVIDERS.items()
        for option in module.OPTIONS
    }
    merged = merge(
        settings,
        "COMMENTS_",
        DEFAULTS,
        OptionError,
        also_known=option_keys,
        ignored=("COMMENTS_OPTIONS",),  # computed by an earlier configure()
    )
    for key in ("COMMENTS_HTTPS_ONLY", "COMMENTS_COUNTS"):
        if not isinstance(merged[key], bool):
            raise OptionError(f"{key} must be True or False, got {merged[key]!r}")
    problem = id_pattern_problem(merged["COMMENTS_ID"])
    if problem:
        raise OptionError(f"COMMENTS_ID {problem}")
    threads_file = merged["COMMENTS_THREADS_FILE"]
    if threads_file is not None and (
        not isinstance(threads_file, str)
        or not threads_file.strip()
        or threads_file.startswith("/")
        or ".." in threads_file.split("/")
    ):
        raise OptionError(
            "COMMENTS_THREADS_FILE must be a path inside the output (e.g. "
            f"'comments/threads.json') or None, got {threads_file!r}"
        )
    options: dict[str, Any] = {}
    if provider != "none":
        module = PROVIDERS[provider]
        present = {k: v for k, v in settings.items() if k.startswith("COMMENTS_") and v is not None}
        options = configure_provider(
            provider,
            module.OPTIONS,
            present,
            merged["COMMENTS_HTTPS_ONLY"],
            getattr(module, "SCRIPT", ""),
        )
        load = merged["COMMENTS_LOAD"] or ("click" if module.THIRD_PARTY else "scroll")
        if load not in LOAD_MODES:
            raise OptionError(f"COMMENTS_LOAD must be 'scroll', 'click' or None, got {load!r}")
        merged["COMMENTS_LOAD"] = load
    merged["COMMENTS_PROVIDER"] = provider
    merged["COMMENTS_OPTIONS"] = options
    return merged
