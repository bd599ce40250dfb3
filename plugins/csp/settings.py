"""Every csp setting with its default, and their validation."""

from typing import Any

from plugins.engine import config

from .policy import PolicyError, merge, origin

DEFAULTS: dict[str, Any] = {
    # Ship the policy: a <meta http-equiv> in every page and a _headers file. publishconf.py
    # turns it on; development builds (make serve, with its error overlay) stay without one.
    "CSP_ENABLED": False,
    # More sources per directive, for what no plugin knows about, e.g. photos hot-linked from
    # another host: {"img-src": ["https://images.example.org"]}.
    "CSP_EXTRA": {},
    # Where the _headers file goes in the output ("" writes none: the host does not read one).
    "CSP_HEADERS_SAVE_AS": "_headers",
    # Where browsers report violations (header only); None for nowhere.
    "CSP_REPORT_URI": None,
    # Make the browser fetch http:// subresources over https. None: when SITEURL is https.
    "CSP_UPGRADE_INSECURE_REQUESTS": None,
}


def configure(settings: dict[str, Any]) -> dict[str, Any]:
    """Merge and validate; raises PolicyError naming the setting and what was expected."""
    merged = config.merge(settings, "CSP_", DEFAULTS, PolicyError)
    if not isinstance(merged["CSP_ENABLED"], bool):
        raise PolicyError(f"CSP_ENABLED must be True or False, got {merged['CSP_ENABLED']!r}")
    upgrade = merged["CSP_UPGRADE_INSECURE_REQUESTS"]
    if upgrade is not None and not isinstance(upgrade, bool):
        raise PolicyError(
            f"CSP_UPGRADE_INSECURE_REQUESTS must be True, False or None, got {upgrade!r}"
        )
    if upgrade is None:
        merged["CSP_UPGRADE_INSECURE_REQUESTS"] = str(settings.get("SITEURL", "")).startswith(
            "https://"
        )
    extra = merged["CSP_EXTRA"]
    if not isinstance(extra, dict):
        raise PolicyError(
            "CSP_EXTRA must be a dict of directive -> list of sources, "
            f"e.g. {{'img-src': ['https://images.example.org']}}, got {extra!r}"
        )
    try:
        merge(extra)
    except PolicyError as exc:
        raise PolicyError(f"CSP_EXTRA: {exc}") from None
    save_as = merged["CSP_HEADERS_SAVE_AS"]
    if not isinstance(save_as, str) or save_as.startswith("/") or ".." in save_as.split("/"):
        raise PolicyError(
            f"CSP_HEADERS_SAVE_AS must be a path inside the output such as '_headers' "
            f"(or '' for none), got {save_as!r}"
        )
    report = merged["CSP_REPORT_URI"]
    if report is not None:
        try:
            origin(report if isinstance(report, str) else "")
        except PolicyError:
            raise PolicyError(
                f"CSP_REPORT_URI must be an http(s) URL or None, got {report!r}"
            ) from None
    return merged
