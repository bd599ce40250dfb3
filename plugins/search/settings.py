"""Every search setting with its default, and their validation."""

import re
from typing import Any

from plugins.engine.config import merge

DEFAULTS: dict[str, Any] = {
    # The search page ("" in SEARCH_SAVE_AS: no page and no search box; the index is still built).
    "SEARCH_URL": "search/",
    "SEARCH_SAVE_AS": "search/index.html",
    # Folder of the output that Pagefind writes its index and scripts to.
    "SEARCH_OUTPUT_DIR": "pagefind",
    # The language of the site's index: every page is stemmed as it; "" means DEFAULT_LANG.
    "SEARCH_LANGUAGE": "",
    # Languages written without spaces between words. A page in one of them (other than
    # SEARCH_LANGUAGE's) goes into an index of its own language, where Pagefind's extended
    # binary splits its text into words; the search page searches them all. () puts every page
    # in the one index, where such text is not split (a word is found only between spaces).
    "SEARCH_SEGMENTED_LANGUAGES": ("zh", "ja", "th"),
    # The Pagefind binary; "" means the one the pagefind[extended] package ships.
    "SEARCH_BINARY": "",
    # Seconds Pagefind may take before the build gives up on it.
    "SEARCH_TIMEOUT": 120,
    # Index after the build returns, in a detached process, swapping the new index in when it
    # is complete (`make serve`: the edited page shows without waiting for the index). Errors
    # then go to CACHE_PATH/search/<output>/index.log, not to the build.
    "SEARCH_IN_BACKGROUND": False,
}

# The pages this plugin writes from address settings of its own: kind -> (the keys it fills
# their X_URL and X_SAVE_AS with, what its pages are; no key: one page, written as named).
# The engine checks them as Pelican's (plugins/engine/pelican_settings.py, misshapen): a
# slash first or last, a URL left empty, a key it does not fill, each at its settings line.
ADDRESSES: dict[str, tuple[tuple[str, ...], str]] = {"SEARCH": ((), "the search page")}

LANGUAGE = r"[a-z]{2,3}([-_][A-Za-z]{2,4})?"  # en, pt-BR, zh-Hans


class SettingsError(ValueError):
    """A search setting has a wrong type or value."""


def configure(settings: dict[str, Any]) -> dict[str, Any]:
    """Return the search settings merged over the defaults, validated."""
    merged = merge(settings, "SEARCH_", DEFAULTS, SettingsError)
    for key, value in merged.items():
        if key in ("SEARCH_TIMEOUT", "SEARCH_IN_BACKGROUND", "SEARCH_SEGMENTED_LANGUAGES"):
            continue
        if not isinstance(value, str):
            raise SettingsError(f"{key} must be a string, got {value!r}")
    out = merged["SEARCH_OUTPUT_DIR"]
    if not re.fullmatch(r"[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*", out):
        raise SettingsError(
            f"SEARCH_OUTPUT_DIR must be a folder inside the output such as 'pagefind', got {out!r}"
        )
    lang = merged["SEARCH_LANGUAGE"]
    if lang and not re.fullmatch(LANGUAGE, lang):
        raise SettingsError(f"SEARCH_LANGUAGE must be a language code such as 'en', got {lang!r}")
    segmented = merged["SEARCH_SEGMENTED_LANGUAGES"]
    if not isinstance(segmented, list | tuple) or not all(
        isinstance(code, str) and re.fullmatch(r"[a-z]{2,3}", code) for code in segmented
    ):
        raise SettingsError(
            "SEARCH_SEGMENTED_LANGUAGES must be a tuple of language codes without a region "
            f"such as ('zh', 'ja'), got {segmented!r}"
        )
    merged["SEARCH_SEGMENTED_LANGUAGES"] = tuple(segmented)
    timeout = merged["SEARCH_TIMEOUT"]
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
        raise SettingsError(f"SEARCH_TIMEOUT must be a positive number of seconds, got {timeout!r}")
    if not isinstance(merged["SEARCH_IN_BACKGROUND"], bool):
        raise SettingsError(
            f"SEARCH_IN_BACKGROUND must be True or False, got {merged['SEARCH_IN_BACKGROUND']!r}"
        )
    return merged
