"""What Pagefind needs from a Content-Security-Policy (csp plugin).

Pure: read by the csp plugin through ``csp_sources(settings)``; no Pelican here.
"""

from typing import Any

from .settings import configure


def csp_sources(settings: dict[str, Any]) -> dict[str, list[str]]:
    """Pagefind compiles its WebAssembly search engine in the page: 'wasm-unsafe-eval'.

    Its script, index and wasm file are the site's own ('self', in the base policy). Without
    a search page nothing runs Pagefind in the browser, so nothing is added.
    """
    if not configure(settings)["SEARCH_SAVE_AS"]:
        return {}
    return {"script-src": ["'wasm-unsafe-eval'"]}
