"""The sign-up form as plain values, and the checks on its settings; no Pelican here."""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit


class FormError(ValueError):
    """A newsletter setting is missing or has the wrong kind of value."""


@dataclass(frozen=True)
class Form:
    """What the newsletter partial renders."""

    action: str
    email_field: str
    hidden: tuple[tuple[str, str], ...]
    privacy_url: str  # absolute, or a site path the theme prefixes with SITEURL
    privacy_is_site_path: bool
    in_articles: bool
    in_footer: bool
    name: str  # the newsletter's name, shown in the heading ("" for a plain heading)


_FIELD = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-\[\]]*$")


def check_url(setting: str, value: object, https_only: bool) -> str:
    """An absolute http(s) URL (https only in publish builds)."""
    if not isinstance(value, str) or not value.strip():
        raise FormError(f"{setting} must be a URL, got {value!r}")
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FormError(f"{setting} must be an http(s) URL, got {value!r}")
    if https_only and parts.scheme != "https":
        raise FormError(f"{setting} must use https in publish builds, got {value!r}")
    return value


def check_field(setting: str, value: object) -> str:
    """A form field name: letters, digits, _ . - and brackets."""
    if not isinstance(value, str) or not _FIELD.match(value):
        raise FormError(f"{setting} must be a form field name such as 'email', got {value!r}")
    return value


def build_form(
    action: object,
    email_field: object,
    hidden: object,
    privacy_url: object,
    *,
    in_articles: bool = True,
    in_footer: bool = True,
    name: str = "",
    https_only: bool = False,
) -> Form:
    """Check the settings of an enabled sign-up form and return it."""
    action = check_url("NEWSLETTER_ACTION", action, https_only)
    email_field = check_field("NEWSLETTER_EMAIL_FIELD", email_field)
    if not isinstance(hidden, dict):
        raise FormError(f"NEWSLETTER_HIDDEN_FIELDS must be a dict of name: value, got {hidden!r}")
    pairs = []
    for key, value in hidden.items():
        check_field("NEWSLETTER_HIDDEN_FIELDS", key)
        if not isinstance(value, str | int):
            raise FormError(
                f"NEWSLETTER_HIDDEN_FIELDS[{key!r}] must be a string or number, got {value!r}"
            )
        pairs.append((key, str(value)))
    if not privacy_url:
        raise FormError(
            "NEWSLETTER_PRIVACY_URL is required when NEWSLETTER_ACTION is set: a link to the "
            "note saying what the newsletter keeps and how to unsubscribe (a site path such as "
            "'privacy/' or a full URL)"
        )
    if not isinstance(privacy_url, str):
        raise FormError(f"NEWSLETTER_PRIVACY_URL must be a string, got {privacy_url!r}")
    is_path = not urlsplit(privacy_url).scheme
    if is_path:
        if privacy_url.startswith("//"):
            raise FormError(f"NEWSLETTER_PRIVACY_URL must be a site path, got {privacy_url!r}")
        privacy_url = privacy_url.lstrip("/")
    else:
        privacy_url = check_url("NEWSLETTER_PRIVACY_URL", privacy_url, https_only)
    return Form(
        action, email_field, tuple(pairs), privacy_url, is_path, in_articles, in_footer, name
    )
