"""Every redirects setting with its default, and their validation."""

import os
from typing import Any

from plugins.engine.config import merge

from .paths import PathError, check_pattern, parse, pattern_fields

DEFAULTS: dict[str, Any] = {
    # The Netlify / Cloudflare Pages rules file written at the output's root ("" writes none).
    "REDIRECTS_FILE": "_redirects",
    # The status of each rule in REDIRECTS_FILE: 301 (moved for good) or 302, 303, 307, 308.
    "REDIRECTS_STATUS": 301,
    # Hosts the blog lived on before (e.g. "tessellate.blogspot.com"): a full URL on one of
    # them, or on SITEURL's host, is taken as its path; any other full URL is a mistake.
    "REDIRECTS_OLD_HOSTS": (),
    # The old site's URL patterns, written as its ARTICLE_URL / PAGE_URL were (a stock Pelican
    # site: "{slug}.html" and "pages/{slug}.html"): every published post (page) gets a redirect
    # from the address each pattern gives it. The _LANG_ ones are for translations, as Pelican's
    # ARTICLE_LANG_URL ("{slug}-{lang}.html") and PAGE_LANG_URL.
    "REDIRECTS_OLD_ARTICLE_URLS": (),
    "REDIRECTS_OLD_ARTICLE_LANG_URLS": (),
    "REDIRECTS_OLD_PAGE_URLS": (),
    "REDIRECTS_OLD_PAGE_LANG_URLS": (),
    # The same for the listing pages of categories, tags and people, written as CATEGORY_URL,
    # TAG_URL and AUTHOR_URL were ("category/{slug}/"): each one's first page gets a redirect
    # from the address each pattern gives it ({slug}, {name}).
    "REDIRECTS_OLD_CATEGORY_URLS": (),
    "REDIRECTS_OLD_TAG_URLS": (),
    "REDIRECTS_OLD_AUTHOR_URLS": (),
    # The published site's sitemap.xml, fetched before a publish build (the workflows write
    # .cache/published/sitemap.xml; publishconf.py names it): every address in it must be
    # written by the build, as a page or a redirect page, or it is one error line. "" compares
    # nothing (development builds); a path with no file there compares nothing either (a first
    # deploy, a local `make publish`).
    "REDIRECTS_PUBLISHED": "",
    # Published addresses removed on purpose ("/posts/old-news/"): the comparison accepts them.
    "REDIRECTS_REMOVED": (),
    # A file of old addresses that are no post's (an old blog's category, tag and author
    # pages), each with the site path it now leads to, one "OLD NEW" pair a line: within the
    # content folder (PATH), or absolute; the importers write it. "" reads none.
    "REDIRECTS_MAP": "redirects.txt",
}

# Which pattern setting applies to an item: (is a page, is a translation) -> setting.
PATTERN_SETTINGS = {
    (False, False): "REDIRECTS_OLD_ARTICLE_URLS",
    (False, True): "REDIRECTS_OLD_ARTICLE_LANG_URLS",
    (True, False): "REDIRECTS_OLD_PAGE_URLS",
    (True, True): "REDIRECTS_OLD_PAGE_LANG_URLS",
}

# Which pattern setting applies to a listing: setting -> Pelican's list of them (the posts'
# generator's context) and the setting that writes each one's page.
TAXONOMY_PATTERN_SETTINGS = {
    "REDIRECTS_OLD_CATEGORY_URLS": ("categories", "CATEGORY_SAVE_AS"),
    "REDIRECTS_OLD_TAG_URLS": ("tags", "TAG_SAVE_AS"),
    "REDIRECTS_OLD_AUTHOR_URLS": ("authors", "AUTHOR_SAVE_AS"),
}
# the fields a listing's address has (Pelican's URLWrapper)
TAXONOMY_FIELDS = ("slug", "name")

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
    published = merged["REDIRECTS_PUBLISHED"]
    if published is None:
        published = ""
    if not isinstance(published, str | os.PathLike):
        raise SettingsError(
            "REDIRECTS_PUBLISHED must be the path of the published site's sitemap.xml "
            f"(or '' to compare nothing), got {published!r}"
        )
    merged["REDIRECTS_PUBLISHED"] = os.path.abspath(published) if published else ""
    merged["REDIRECTS_REMOVED"] = _removed(merged["REDIRECTS_REMOVED"])
    mapped = merged["REDIRECTS_MAP"]
    if mapped is None:
        mapped = merged["REDIRECTS_MAP"] = ""
    if not isinstance(mapped, str | os.PathLike):
        raise SettingsError(
            "REDIRECTS_MAP must be the path of a file in the content folder such as "
            f"'redirects.txt' (or '' for none), got {mapped!r}"
        )
    for name in PATTERN_SETTINGS.values():
        merged[name] = _patterns(name, merged[name])
    for name in TAXONOMY_PATTERN_SETTINGS:
        merged[name] = _patterns(name, merged[name])
        for pattern in merged[name]:
            other = [f for f in pattern_fields(pattern) if f not in TAXONOMY_FIELDS]
            if other:
                raise SettingsError(
                    f"{name} {pattern!r}: {{{other[0]}}} is not a field of a "
                    f"{name.split('_')[2].lower()}'s address, which has "
                    "{slug} and {name} only; write one like 'category/{slug}.html'"
                )
    return merged


def _removed(value: Any) -> tuple[str, ...]:
    """REDIRECTS_REMOVED, checked: site paths, each as a server receives it."""
    if value is None:
        value = ()
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise SettingsError(
            f"REDIRECTS_REMOVED must be a list of site paths such as ['/posts/old-news/'], "
            f"got {value!r}"
        )
    found = []
    for text in value:
        if not isinstance(text, str):
            raise SettingsError(
                f"REDIRECTS_REMOVED must hold site paths (strings) such as '/posts/old-news/', "
                f"got {text!r}"
            )
        try:
            old = parse(text)
        except PathError as exc:
            raise SettingsError(f"REDIRECTS_REMOVED {exc}") from None
        if old.query:
            raise SettingsError(
                f"REDIRECTS_REMOVED {text!r} has a query string; a sitemap lists pages only"
            )
        found.append(old.path)
    return tuple(dict.fromkeys(found))


def _patterns(name: str, value: Any) -> tuple[str, ...]:
    """One pattern setting, checked: a string is one pattern (as ARTICLE_URL is written)."""
    if isinstance(value, str):
        value = (value,)
    if value is None:
        value = ()
    if not isinstance(value, list | tuple):
        raise SettingsError(
            f"{name} must be a list of URL patterns such as ('{{date:%Y}}/{{slug}}.html',), "
            f"got {value!r}"
        )
    for pattern in value:
        problem = check_pattern(pattern)
        if problem:
            raise SettingsError(f"{name} {problem}")
    return tuple(dict.fromkeys(value))
