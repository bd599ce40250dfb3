"""Every redirects setting with its default, and their validation."""

from typing import Any

from plugins.engine.config import merge

DEFAULTS: dict[str, Any] = {
    # The Netlify / Cloudflare Pages rules file written at the output's root ("" writes none).
    "REDIRECTS_FILE": "_redirects",
    # The status of each rule in REDIRECTS_FILE: 301 (moved for good) or 302, 303, 307, 308.
    "REDIRECTS_STATUS": 301,
    # Hosts the blog lived on before (e.g. "tessellate.blogspot.com"): a full URL on one of
    # them, or on SITEURL's host, is taken as its path; any other full URL is a mistake.
    "REDIRECTS_OLD_HOSTS": (),
}

STATUSES = (301, 302, 303, 307, 308)


class SettingsError(ValueError):
    """A redirects setting has a value of the wrong type or range."""


def configure(settings: dict[str, Any]) -> dict[str, Any]:
    """Return the redirects settings merged over the defaults, validated."""
    merged = merge(settings, "REDIRECTS_", DEFAULTS, SettingsError)
    name = merged["REDIRECTS_FILE"]
    if name is None:
        name = merged["REDIRECTS_FILE"] = ""
    if not isinstance(name, str) or name.startswith("/") or "\\" in name or ".." in name:
        raise SettingsError(
            f"REDIRECTS_FILE must be a file name in the output such as '_redirects' "
            f"(or '' for none), got {name!r}"
        )
    status = merged["REDIRECTS_STATUS"]
    if isinstance(status, bool) or status not in STATUSES:
        raise SettingsError(
            f"REDIRECTS_STATUS must be one of {', '.join(map(str, STATUSES))}, got {status!r}"
        )
    hosts = merged["REDIRECTS_OLD_HOSTS"]
    if isinstance(hosts, str) or not isinstance(hosts, list | tuple):
        raise SettingsError(
            "REDIRECTS_OLD_HOSTS must be a list of host names such as "
            f"['tessellate.blogspot.com'], got {hosts!r}"
        )
    for host in hosts:
        if not isinstance(host, str) or not host or "/" in host or " " in host:
            raise SettingsError(
                "REDIRECTS_OLD_HOSTS must hold host names only (no https://, no path), "
                f"got {host!r}"
            )
    merged["REDIRECTS_OLD_HOSTS"] = tuple(h.lower() for h in hosts)
    return merged
