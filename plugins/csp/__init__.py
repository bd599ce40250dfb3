"""csp: a strict Content-Security-Policy, computed from the site's settings.

With ``CSP_ENABLED`` (publishconf.py) every page gets a ``<meta http-equiv=
"Content-Security-Policy">`` as the first thing in its ``<head>``, and the output gets a
``_headers`` file (Netlify, Cloudflare Pages) carrying the same policy plus what only a header
can say (``frame-ancestors``, ``report-uri``).

The policy starts from what the theme needs (``default-src 'none'``, its own scripts, styles,
images, media and fetches, nothing inline) and adds what each enabled plugin declares: a plugin
that loads something from elsewhere ships a ``csp.py`` with a pure function
``csp_sources(settings) -> {directive: [source, ...]}`` (comments: the provider's hosts;
analytics: the counter's; newsletter: the form's endpoint; search: Pagefind's WebAssembly).
``CSP_EXTRA`` adds sources the site needs and no plugin knows about.

A post or page that loads an image, video or sound from a host the policy does not allow is an
error naming the file, the URL and the setting that would allow it (over https; a numbered
host such as ``3.bp.blogspot.com`` as its wildcard); several from one site are one line for
that site, with a count and the first files, said once the pages are written.

Gives the theme ``csp_policy`` (a ``policy.Policy``) when enabled. Metadata keys read: none.
Settings: see ``settings.py``.
"""

from plugins.engine.loading import collector_paused

with collector_paused():  # plugins/engine/loading.py
    from .signals import register

__all__ = ["register"]
