"""What the analytics counter needs from a Content-Security-Policy (csp plugin).

Pure: read by the csp plugin through ``csp_sources(settings)``; no Pelican here.
"""

from typing import Any

from .settings import configure


def csp_sources(settings: dict[str, Any]) -> dict[str, list[str]]:
    """Directive -> sources of the counter's script and beacons; none unless it loads."""
    snippet = configure(settings)["ANALYTICS_SNIPPET"]
    if snippet is None:
        return {}
    return {directive: list(sources) for directive, sources in snippet.csp.items()}
