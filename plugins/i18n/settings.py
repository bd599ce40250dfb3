"""Every i18n setting with its default, and their validation."""

from typing import Any

from babel import Locale, UnknownLocaleError

from plugins.engine.config import merge

DEFAULTS: dict[str, Any] = {
    # Folder of the catalogs (<lang>/LC_MESSAGES/<domain>.po); "" means <THEME>/translations.
    "I18N_TRANSLATIONS_PATH": "",
    # The gettext domain: the catalogs' file name without .po.
    "I18N_DOMAIN": "messages",
    # Where compiled catalogs are cached; "" means <CACHE_PATH>/i18n.
    "I18N_CACHE_PATH": "",
    # Babel's format for dates: "short", "medium", "long", "full" or a pattern ("d MMM y").
    "I18N_DATE_FORMAT": "long",
    # The locale dates are written in, per language: {"en": "en_GB"} for "28 November 2009".
    "I18N_DATE_LOCALES": {},
    # Category names per language: {"Engineering": {"fr": "Ingénierie"}}; a page in another
    # language shows the name as written. (Per-language site texts: give SITE_TAGLINE or
    # SITE_DESCRIPTION as a dict {"en": ..., "fr": ...}; templates print them |in_lang.)
    "I18N_CATEGORY_NAMES": {},
    # Each other language's list of posts, where a reader lands who trims a translation's
    # address (/fr/posts/<slug>/ to /fr/posts/), as /posts/ is the default language's (the
    # theme's posts.html, written where the posts direct template is); "" writes none.
    "I18N_POSTS_LANG_URL": "{lang}/posts/",
    "I18N_POSTS_LANG_SAVE_AS": "{lang}/posts/index.html",
}

# The pages this plugin writes from address settings of its own: kind -> (the keys it fills
# their X_URL and X_SAVE_AS with, what its pages are; no key: one page, written as named).
# The engine checks them as Pelican's (plugins/engine/pelican_settings.py, misshapen): a
# slash first or last, a URL left empty, a key it does not fill, each at its settings line.
ADDRESSES: dict[str, tuple[tuple[str, ...], str]] = {
    "I18N_POSTS_LANG": (("lang",), "each other language's list of posts"),
}


class SettingsError(ValueError):
    """An i18n setting has a wrong type or value."""


def parse_locale(code: str) -> Locale:
    """A Babel locale for a language code such as 'fr', 'en_GB' or 'pt-BR'."""
    return Locale.parse(code.replace("-", "_"))


def _check_locale(key: str, code: Any) -> None:
    if not isinstance(code, str) or not code:
        raise SettingsError(f"{key} must be a language code such as 'en' or 'fr', got {code!r}")
    try:
        parse_locale(code)
    except (UnknownLocaleError, ValueError):
        raise SettingsError(f"{key}: {code!r} is not a language Babel knows") from None


def configure(settings: dict[str, Any]) -> dict[str, Any]:
    """Return the i18n settings merged over the defaults, validated."""
    merged = merge(settings, "I18N_", DEFAULTS, SettingsError)
    for key in (
        *("I18N_TRANSLATIONS_PATH", "I18N_CACHE_PATH", "I18N_DOMAIN", "I18N_DATE_FORMAT"),
        *("I18N_POSTS_LANG_URL", "I18N_POSTS_LANG_SAVE_AS"),
    ):
        if not isinstance(merged[key], str):
            raise SettingsError(f"{key} must be a string, got {merged[key]!r}")
    if not merged["I18N_DOMAIN"] or not merged["I18N_DATE_FORMAT"]:
        raise SettingsError("I18N_DOMAIN and I18N_DATE_FORMAT cannot be empty")
    for key in ("I18N_POSTS_LANG_URL", "I18N_POSTS_LANG_SAVE_AS"):
        if merged["I18N_POSTS_LANG_SAVE_AS"] and "{lang}" not in merged[key]:
            raise SettingsError(
                f"{key} must hold {{lang}}, as '{DEFAULTS[key]}' does, got {merged[key]!r} "
                "(every language's list would be written there)"
            )
    _check_locale("DEFAULT_LANG", settings.get("DEFAULT_LANG", "en"))
    locales = merged["I18N_DATE_LOCALES"]
    if not isinstance(locales, dict):
        raise SettingsError(
            f"I18N_DATE_LOCALES must be a dict such as {{'en': 'en_GB'}}, got {locales!r}"
        )
    for lang, code in locales.items():
        _check_locale(f"I18N_DATE_LOCALES[{lang!r}]", code)
    _check_names(merged["I18N_CATEGORY_NAMES"])
    for key in ("SITE_TAGLINE", "SITE_DESCRIPTION"):
        _check_texts(key, settings.get(key))
    return merged


def _check_names(names: Any) -> None:
    example = "{'Engineering': {'fr': 'Ingénierie'}}"
    if not isinstance(names, dict):
        raise SettingsError(f"I18N_CATEGORY_NAMES must be a dict such as {example}, got {names!r}")
    for name, by_lang in names.items():
        if not isinstance(by_lang, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and v for k, v in by_lang.items()
        ):
            raise SettingsError(
                f"I18N_CATEGORY_NAMES[{name!r}] must map languages to names such as "
                f"{{'fr': 'Ingénierie'}}, got {by_lang!r}"
            )


def _check_texts(key: str, value: Any) -> None:
    """A site text is a string, or a dict of strings keyed by language."""
    if value is None or isinstance(value, str):
        return
    if (
        isinstance(value, dict)
        and value
        and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
    ):
        for lang in value:
            _check_locale(f"{key}[{lang!r}]", lang)
        return
    raise SettingsError(
        f"{key} must be a string or a dict keyed by language such as "
        f"{{'en': '...', 'fr': '...'}}, got {value!r}"
    )
