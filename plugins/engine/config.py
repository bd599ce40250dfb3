"""A plugin's settings over its defaults, checked: one helper for every ``settings.py``."""

import difflib
from collections.abc import Callable, Iterable, Mapping
from typing import Any


def unknown_key_hint(key: str, known: Iterable[str]) -> str:
    """' (did you mean X?)' for the known name nearest to key, or ''."""
    close = difflib.get_close_matches(key, list(known), n=1)
    return f" (did you mean {close[0]}?)" if close else ""


def merge(
    settings: Mapping[str, Any],
    prefix: str,
    defaults: Mapping[str, Any],
    error: Callable[[str], Exception],
    *,
    also_known: Iterable[str] = (),
    ignored: Iterable[str] = (),
) -> dict[str, Any]:
    """Every setting in defaults, from settings where given; an unknown PREFIX_ key is an error.

    ``also_known`` are valid keys that are not in the defaults (a provider's options);
    ``ignored`` are keys an earlier configure() added (computed ones), neither checked nor
    returned.
    """
    known = [*defaults, *also_known]
    skip = set(ignored)
    for key in settings:
        if key.startswith(prefix) and key not in skip and key not in known:
            raise error(f"unknown setting {key}{unknown_key_hint(key, known)}")
    return {key: settings.get(key, default) for key, default in defaults.items()}
