"""What the sign-up form needs from a Content-Security-Policy (csp plugin).

Pure: read by the csp plugin through ``csp_sources(settings)``; no Pelican here.
"""

from typing import Any
from urllib.parse import urlsplit

from .settings import configure


def csp_sources(settings: dict[str, Any]) -> dict[str, list[str]]:
    """form-action: the provider's endpoint, where the form posts; nothing when it is off."""
    form = configure(settings)["NEWSLETTER"]
    if form is None:
        return {}
    parts = urlsplit(form.action)
    return {"form-action": [f"{parts.scheme}://{parts.netloc}"]}
