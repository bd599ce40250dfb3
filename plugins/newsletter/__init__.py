"""newsletter: an e-mail sign-up form at the end of articles and in the footer.

A plain ``<form method="post">`` to an external newsletter service's HTML form endpoint
(Buttondown, listmonk, or any provider that takes a form post): a label, an e-mail input, the
provider's hidden fields, and a link to the site's privacy note. It works without JavaScript;
the page loads nothing from the provider. Off unless ``NEWSLETTER_ACTION`` is set.

On an article page the form appears once, at the end of the article (not again in the footer).

Gives the theme ``NEWSLETTER`` (a ``form.Form`` or None). Metadata keys read: none. Settings:
see ``settings.py``.
"""

from plugins.engine.loading import collector_paused

with collector_paused():  # plugins/engine/loading.py
    from .signals import register

__all__ = ["register"]
