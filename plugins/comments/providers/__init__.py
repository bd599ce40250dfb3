"""Comment providers: one small module each, exposing the same four names.

- ``OPTIONS``: option name -> (kind, required, default); settings are COMMENTS_<PROVIDER>_<NAME>.
- ``THIRD_PARTY``: True when the provider is hosted by someone else (click-to-load by default).
- ``READ_ONLY``: True when closed threads can still be shown, without a form.
- ``embed(options, thread) -> Embed``: what the page needs, as plain values.
- ``SCRIPT`` (where an option is of kind "server", a server's own address): the embed
  script's path under it, which the page adds (Isso's ``/js/embed.min.js``).

Each provider also has one partial, ``theme/templates/partials/comments/<name>.html``, for the
element its script fills in.
"""

from . import disqus, giscus, isso, remark42, utterances

PROVIDERS = {
    "isso": isso,
    "giscus": giscus,
    "utterances": utterances,
    "remark42": remark42,
    "disqus": disqus,
}
