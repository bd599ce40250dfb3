"""What Pagefind needs from a Content-Security-Policy (csp plugin).

Pure: read by the csp plugin through ``csp_sources(settings)``; no Pelican here.
"""

from typing import Any

from .settings import configure


def csp_sources(settings: dict[str, Any]) -> dict[str, list[str]]:
    """Nothing for every page: Pagefind's script, index and wasm file are the site's own."""
    return {}


def csp_page_sources(settings: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    """The search page compiles Pagefind's WebAssembly engine: 'wasm-unsafe-eval' there only.

    Without a search page nothing runs Pagefind in the browser, so nothing is added.
    """
    save_as = configure(settings)["SEARCH_SAVE_AS"]
    return {save_as: {"script-src": ["'wasm-unsafe-eval'"]}} if save_as else {}
