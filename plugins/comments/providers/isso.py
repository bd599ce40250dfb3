"""Isso (self-hosted, https://isso-comments.de): the default provider."""

from ..model import Embed, Thread

# the embed script, under the server's address (the setting is the address, not the script)
SCRIPT = "/js/embed.min.js"
OPTIONS = {
    "url": ("server", True, None),  # where Isso is served: https://comments.example.org
    "require_author": ("bool", False, False),
    "vote": ("bool", False, False),
}
THIRD_PARTY = False
READ_ONLY = True  # closed threads are shown from Isso's API, without a form

# The languages Isso 0.14's client has a catalogue for (isso/js/app/i18n.js), as it spells them.
LANGUAGES = frozenset(
    (  # noqa: SIM905 (one line per dozen names reads better than one per name)
        "bg ca cs da de en el eo es fa fi fr gl hr hu id it ja ko nl oc pl pt pt-BR pt-PT ru sk "
        "sv tr uk vi zh zh-CN zh-TW"
    ).split()
)


def isso_lang(lang: str) -> str:
    """The language Isso runs in for a page: the page's, its primary subtag's, else English.

    Isso reads its string overrides (``data-isso-<key>-text-<lang>``) only under the language
    it picked; for a language it has no catalogue for it would pick the browser's instead, and
    our strings (in the page's language) would not show. English keeps our strings in charge.
    """
    code = (lang or "en").replace("_", "-")
    parts = code.split("-")
    if len(parts) > 1:
        code = f"{parts[0].lower()}-{parts[1].upper()}"
    for candidate in (code, code.split("-")[0].lower()):
        if candidate in LANGUAGES:
            return candidate
    return "en"


def embed(options: dict, thread: Thread) -> Embed:
    """Isso's embed script, configured through data attributes.

    The theme styles the thread itself (``data-isso-css="false"``: no isso.css) and shows no
    identicons (``data-isso-avatar="false"``); Isso's strings are the theme's own, in the
    page's language, through ``text_attr``.
    """
    url = options["url"]
    lang = isso_lang(thread.lang)
    return Embed(
        script=url + SCRIPT,
        script_attrs={
            "data-isso": f"{url}/",
            "data-isso-lang": lang,
            "data-isso-require-author": str(options["require_author"]).lower(),
            "data-isso-vote": str(options["vote"]).lower(),
            "data-isso-css": "false",
            "data-isso-avatar": "false",
        },
        target={"id": "isso-thread", "data-isso-id": thread.id, "data-title": thread.title},
        count_api=f"{url}/count",
        read_api=f"{url}/",
        check_api=f"{url}/config",  # what embed.min.js asks first; it shows nothing without it
        # Isso lowercases attribute names (HTML does) and looks strings up by its language
        text_attr="data-isso-{key}-text-" + lang.lower(),
    )
