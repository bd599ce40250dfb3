"""Every series setting with its default, and their validation."""

from typing import Any

from plugins.engine.config import merge

DEFAULTS: dict[str, Any] = {
    # Folder inside content/ holding series files (<slug>.md).
    "SERIES_PATH": "series",
    # A series page, in the site's default language and in any other.
    "SERIES_URL": "series/{slug}/",
    "SERIES_SAVE_AS": "series/{slug}/index.html",
    "SERIES_LANG_URL": "{lang}/series/{slug}/",
    "SERIES_LANG_SAVE_AS": "{lang}/series/{slug}/index.html",
    # The page listing every series ("" to write none).
    "SERIES_INDEX_URL": "series/",
    "SERIES_INDEX_SAVE_AS": "series/index.html",
    # An Atom feed per series ("" for none).
    "SERIES_FEED_ATOM": "feeds/series/{slug}.atom.xml",
    # The feed of a series page in another language than DEFAULT_LANG: its parts in it ("" for
    # none), as TRANSLATION_FEED_ATOM is all.atom.xml's in one language.
    "SERIES_LANG_FEED_ATOM": "feeds/series/{slug}.{lang}.atom.xml",
    # Announce draft parts ("coming soon") in the series; False: only a draft whose front
    # matter says `Series_announce: yes` is. A part's `Series_announce: no` overrides it.
    "SERIES_ANNOUNCE_DRAFTS": False,
    # Announce scheduled (future-dated) parts ("coming soon", with their date); False: only a
    # scheduled part whose front matter says `Series_announce: yes` is, so that an embargoed
    # post's title and date stay private until its date. `Series_announce: no` overrides it.
    # Planned lines of a series file are always announced.
    "SERIES_ANNOUNCE_SCHEDULED": False,
    # An announced draft is listed by its title (False: "In preparation").
    "SERIES_SHOW_DRAFT_TITLES": True,
    # How alike two series names must be (0..1) for "did you mean …?".
    "SERIES_NEAR_MISS_RATIO": 0.8,
    # Widths of a photo Cover's renditions: the covers plugin's COVERS_WIDTHS by default, so a
    # photo that is both a series' and a post's cover is one set of files.
    "SERIES_COVER_WIDTHS": (400, 800, 1200, 1600),
}

# The pages this plugin writes from address settings of its own: kind -> (the keys it fills
# their X_URL and X_SAVE_AS with, what its pages are; no key: one page, written as named).
# The engine checks them as Pelican's (plugins/engine/pelican_settings.py, misshapen): a
# slash first or last, a URL left empty, a key it does not fill, each at its settings line.
ADDRESSES: dict[str, tuple[tuple[str, ...], str]] = {
    "SERIES": (("slug", "lang"), "each series' page"),
    "SERIES_LANG": (("slug", "lang"), "each series' translation"),
    "SERIES_INDEX": ((), "the list of series"),
}

_STRINGS = [k for k, v in DEFAULTS.items() if isinstance(v, str)]


class SettingsError(ValueError):
    """A series setting has a wrong type or value."""


def configure(settings: dict[str, Any]) -> dict[str, Any]:
    """Return the series settings merged over the defaults, validated."""
    merged = merge(settings, "SERIES_", DEFAULTS, SettingsError)
    for key in _STRINGS:
        if not isinstance(merged[key], str):
            raise SettingsError(f"{key} must be a string, got {merged[key]!r}")
    for key in ("SERIES_URL", "SERIES_SAVE_AS", "SERIES_LANG_URL", "SERIES_LANG_SAVE_AS"):
        if "{slug}" not in merged[key]:
            raise SettingsError(f"{key} must contain {{slug}}, got {merged[key]!r}")
    if merged["SERIES_FEED_ATOM"] and "{slug}" not in merged["SERIES_FEED_ATOM"]:
        raise SettingsError(
            f"SERIES_FEED_ATOM must contain {{slug}} or be '', got {merged['SERIES_FEED_ATOM']!r}"
        )
    lang_feed = merged["SERIES_LANG_FEED_ATOM"]
    if lang_feed and ("{slug}" not in lang_feed or "{lang}" not in lang_feed):
        raise SettingsError(
            f"SERIES_LANG_FEED_ATOM must contain {{slug}} and {{lang}} or be '', got {lang_feed!r}"
        )
    for key in ("SERIES_ANNOUNCE_DRAFTS", "SERIES_ANNOUNCE_SCHEDULED", "SERIES_SHOW_DRAFT_TITLES"):
        if not isinstance(merged[key], bool):
            raise SettingsError(f"{key} must be True or False, got {merged[key]!r}")
    widths = merged["SERIES_COVER_WIDTHS"]
    if (
        not isinstance(widths, list | tuple)
        or not widths
        or not all(isinstance(w, int) and not isinstance(w, bool) and w > 0 for w in widths)
    ):
        raise SettingsError(
            f"SERIES_COVER_WIDTHS must be a list of positive widths such as [400, 800], "
            f"got {widths!r}"
        )
    merged["SERIES_COVER_WIDTHS"] = tuple(sorted(set(widths)))
    ratio = merged["SERIES_NEAR_MISS_RATIO"]
    if isinstance(ratio, bool) or not isinstance(ratio, int | float) or not 0 < ratio <= 1:
        raise SettingsError(f"SERIES_NEAR_MISS_RATIO must be a number in (0, 1], got {ratio!r}")
    return merged
