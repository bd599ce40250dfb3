"""Every newsletter setting with its default, and their validation."""

from typing import Any

from plugins.engine.config import merge

from .form import FormError, build_form

DEFAULTS: dict[str, Any] = {
    # The provider's form endpoint; None turns the sign-up off. Buttondown:
    # https://buttondown.com/api/emails/embed-subscribe/<username>; listmonk:
    # https://lists.example.org/subscription/form
    "NEWSLETTER_ACTION": None,
    # The name the provider expects for the e-mail address.
    "NEWSLETTER_EMAIL_FIELD": "email",
    # Extra fields the provider expects, e.g. {"embed": "1"} or listmonk's {"l": "<list uuid>"}.
    "NEWSLETTER_HIDDEN_FIELDS": {},
    # Required with NEWSLETTER_ACTION: the privacy note, a site path ("privacy/") or a URL.
    "NEWSLETTER_PRIVACY_URL": None,
    # The newsletter's name for the heading ("" for "Get new posts by e-mail").
    "NEWSLETTER_NAME": "",
    # Where the form appears.
    "NEWSLETTER_IN_ARTICLES": True,
    "NEWSLETTER_IN_FOOTER": True,
    # Refuse http:// endpoints (publishconf.py turns this on).
    "NEWSLETTER_HTTPS_ONLY": False,
}


def configure(settings: dict[str, Any]) -> dict[str, Any]:
    """Merge and validate; adds NEWSLETTER (the form, or None when it is off)."""
    merged = merge(settings, "NEWSLETTER_", DEFAULTS, FormError)
    for key in ("NEWSLETTER_IN_ARTICLES", "NEWSLETTER_IN_FOOTER", "NEWSLETTER_HTTPS_ONLY"):
        if not isinstance(merged[key], bool):
            raise FormError(f"{key} must be True or False, got {merged[key]!r}")
    if not isinstance(merged["NEWSLETTER_NAME"], str):
        raise FormError(f"NEWSLETTER_NAME must be a string, got {merged['NEWSLETTER_NAME']!r}")
    merged["NEWSLETTER"] = None
    if merged["NEWSLETTER_ACTION"]:
        merged["NEWSLETTER"] = build_form(
            merged["NEWSLETTER_ACTION"],
            merged["NEWSLETTER_EMAIL_FIELD"],
            merged["NEWSLETTER_HIDDEN_FIELDS"],
            merged["NEWSLETTER_PRIVACY_URL"],
            in_articles=merged["NEWSLETTER_IN_ARTICLES"],
            in_footer=merged["NEWSLETTER_IN_FOOTER"],
            name=merged["NEWSLETTER_NAME"],
            https_only=merged["NEWSLETTER_HTTPS_ONLY"],
        )
    return merged
