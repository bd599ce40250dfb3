"""analytics: a cookie-free, privacy-friendly page counter, in publish builds only.

``ANALYTICS_PROVIDER`` is ``none`` (the default), ``goatcounter``, ``plausible`` or ``umami``,
each configured with ``ANALYTICS_<PROVIDER>_<OPTION>`` settings (see ``providers.py``). The
counter loads only when ``ANALYTICS_ENABLED`` is True: publishconf.py sets it, pelicanconf.py
(development builds) does not, and ``invoke preview`` and ``invoke check`` turn it off again, so
neither staff's own visits nor local previews are ever counted.

The page gets one external ``<script src async|defer>`` with the provider's data attributes, no
inline script, so it works under a Content-Security-Policy without 'unsafe-inline'; the origins
that policy must allow are in ``ANALYTICS_SNIPPET.csp``. None of these providers sets a cookie.

Gives the theme ``ANALYTICS_SNIPPET`` (a ``providers.Snippet`` or None). Metadata keys read:
none. Settings: see ``settings.py``.
"""

from plugins.engine.loading import collector_paused

with collector_paused():  # plugins/engine/loading.py
    from .signals import register

__all__ = ["register"]
