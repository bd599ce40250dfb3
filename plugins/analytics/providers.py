"""What each analytics provider needs on a page, as plain values; no Pelican here."""

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

# option name -> (kind, required, default); settings are ANALYTICS_<PROVIDER>_<OPTION>.
OPTIONS: dict[str, dict[str, tuple[str, bool, Any]]] = {
    "goatcounter": {
        # the site's count endpoint, e.g. https://tessellate.goatcounter.com/count
        "endpoint": ("url", True, None),
        "script": ("url", False, "https://gc.zgo.at/count.js"),
    },
    "plausible": {
        # the site's domain as registered with Plausible, e.g. blog.tessellate.example
        "domain": ("domain", True, None),
        "script": ("url", False, "https://plausible.io/js/script.js"),
    },
    "umami": {
        # the website's id from Umami's settings (a UUID)
        "website_id": ("name", True, None),
        "script": ("url", False, "https://cloud.umami.is/script.js"),
    },
}
PROVIDERS = tuple(OPTIONS)


class OptionError(ValueError):
    """An analytics setting is missing or has the wrong kind of value."""


@dataclass(frozen=True)
class Snippet:
    """One external script tag: its src, whether async or defer, its data attributes."""

    provider: str
    src: str
    attrs: dict[str, str] = field(default_factory=dict)
    loading: str = "defer"  # "async" or "defer"
    csp: dict[str, tuple[str, ...]] = field(default_factory=dict)  # directive -> origins


def origin(url: str) -> str:
    """scheme://host[:port] of a URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def check_option(provider: str, name: str, kind: str, value: Any) -> str:
    """Validate one provider option; the message names the setting and what was expected."""
    setting = f"ANALYTICS_{provider.upper()}_{name.upper()}"
    if not isinstance(value, str) or not value.strip():
        raise OptionError(f"{setting} must be a non-empty string, got {value!r}")
    value = value.strip()
    if kind == "url":
        parts = urlsplit(value)
        if parts.scheme != "https" or not parts.netloc:
            raise OptionError(f"{setting} must be an https URL, got {value!r}")
    elif kind == "domain":
        if "/" in value or ":" in value or " " in value or "." not in value:
            raise OptionError(
                f"{setting} must be a bare domain such as blog.example.org, got {value!r}"
            )
    elif kind == "name" and not all(c.isalnum() or c in "-_" for c in value):
        raise OptionError(f"{setting} must be letters, digits, - or _, got {value!r}")
    return value


def configure_provider(provider: str, settings: dict[str, Any]) -> dict[str, str]:
    """The provider's options from settings, with defaults, each checked."""
    out: dict[str, str] = {}
    for name, (kind, required, default) in OPTIONS[provider].items():
        key = f"ANALYTICS_{provider.upper()}_{name.upper()}"
        if settings.get(key) is None:
            if required:
                raise OptionError(f"{key} is required when ANALYTICS_PROVIDER is {provider!r}")
            out[name] = default
            continue
        out[name] = check_option(provider, name, kind, settings[key])
    return out


def snippet(provider: str, options: dict[str, str]) -> Snippet:
    """The script tag a provider needs, and the CSP origins it then needs."""
    script = options["script"]
    if provider == "goatcounter":
        endpoint = options["endpoint"]
        # count.js sends with navigator.sendBeacon (connect-src), else an image (img-src)
        return Snippet(
            provider,
            script,
            {"data-goatcounter": endpoint},
            loading="async",
            csp={
                "script-src": (origin(script),),
                "connect-src": (origin(endpoint),),
                "img-src": (origin(endpoint),),
            },
        )
    if provider == "plausible":
        return Snippet(
            provider,
            script,
            {"data-domain": options["domain"]},
            csp={"script-src": (origin(script),), "connect-src": (origin(script),)},
        )
    if provider == "umami":
        return Snippet(
            provider,
            script,
            {"data-website-id": options["website_id"]},
            csp={"script-src": (origin(script),), "connect-src": (origin(script),)},
        )
    raise OptionError(f"unknown analytics provider {provider!r}")
