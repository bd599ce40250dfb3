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
    for key in ("I18N_TRANSLATIONS_PATH", "I18N_CACHE_PATH", "I18N_DOMAIN", "I18N_DATE_FORMAT"):
        if not isinstance(merged[key], str):
            raise SettingsError(f"{key} must be a string, got {merged[key]!r}")
    if not merged["I18N_DOMAIN"] or not merged["I18N_DATE_FORMAT"]:
        raise SettingsError("I18N_DOMAIN and I18N_DATE_FORMAT cannot be empty")
    _check_locale("DEFAULT_LANG", settings.get("DEFAULT_LANG", "en"))
    locales = merged["I18N_DATE_LOCALES"]
    if not isinstance(locales, dict):
        raise SettingsError(
            f"I18N_DATE_LOCALES must be a dict such as {{'en': 'en_GB'}}, got {locales!r}"
        )
    for lang, code in locales.items():
        _check_locale(f"I18N_DATE_LOCALES[{lang!r}]", code)
    return merged
