"""WordPress's shortcodes, known once: their names, what each stood for, and whether a
bracketed name is one; pure logic, no Pelican.

Two readers use this table and this rule: the importer (``plugins/importer/convert.py``)
converts a WordPress export's shortcodes into Markdown, and blogcore (``foreign.py``) names
the ones left as text in an adopted post, with what to write instead. So a shortcode the
importer converts is one blogcore would name, had it been left in the text.

The rule differs in one point, on purpose (``is_shortcode``'s ``exported``): an export's text
went through WordPress's own parser, which took every name it knew for a shortcode, alone too
(``[audio]`` played the post's attached file), and another plugin's by its attributes; a
Markdown post never did, and there a word in brackets is prose or a link's text (``[video]``
in a sentence), so a name that is also a word counts only with attributes, an address or its
closing tag.
"""

import re

# what each name stood for: the importer converts each kind but "form" and "player" (kept as
# text, with a note), blogcore says what to write instead of each
CAPTION = "caption"  # [caption …]<img …> the caption[/caption]: a picture with its caption
GALLERY = "gallery"  # [gallery ids="…"]: the post's pictures as a gallery
EMBED = "embed"  # [embed]address[/embed]: a player for the address
MEDIA = "media"  # [video mp4="…"], [youtube=…]: a player for the address among the attributes
CODE = "code"  # [code lang="…"]…[/code]: a code listing (SyntaxHighlighter, WordPress.com)
FORM = "form"  # [contact-form]: Jetpack's contact form
PLAYER = "player"  # Jetpack's other embeds: a playlist, a tweet, a map, slides

KINDS: dict[str, str] = {
    "caption": CAPTION,
    "wp_caption": CAPTION,
    "gallery": GALLERY,
    "embed": EMBED,
    "video": MEDIA,
    "audio": MEDIA,
    "youtube": MEDIA,
    "vimeo": MEDIA,
    "dailymotion": MEDIA,  # Jetpack's [dailymotion id=x8oma9], [dailymotion x8oma9]
    "code": CODE,
    "sourcecode": CODE,
    "contact-form": FORM,
    "playlist": PLAYER,
    "soundcloud": PLAYER,
    "slideshare": PLAYER,
    "googlemaps": PLAYER,
    "tweet": PLAYER,
}
# SyntaxHighlighter's code shortcodes named after the language, [php]…[/php]: a code listing
# only with its closing tag, as their names are words of prose too ([text], [c], [go])
LANGUAGES = frozenset(
    {"bash", "c", "cpp", "csharp", "css", "diff", "go", "html", "java", "javascript", "js"}
    | {"json", "perl", "php", "plain", "powershell", "python", "ruby", "sh", "shell", "sql"}
    | {"text", "xml", "yaml"}
)
# the names no sentence has in brackets: they count alone in a Markdown post too
DISTINCT = frozenset({"contact-form", "gallery", "wp_caption", "sourcecode"})
# an attribute as WordPress's parser reads one, key=value or key = "value": never the "=" of
# a sentence's sum, [n = 30] or [n=30] (WordPress.com's [youtube=…] is a name known)
_ATTRIBUTE = re.compile(r"""[\w-]=|[\w-]\s*=\s*["']""")


def kind_of(name: str) -> str | None:
    """What a shortcode's name stood for (``KINDS``; a language's name is code), or None."""
    name = name.lower()
    return CODE if name in LANGUAGES else KINDS.get(name)


def is_shortcode(name: str, attrs: str, closed: bool, *, exported: bool = False) -> bool:
    """Whether ``[name attrs]`` is a shortcode rather than bracketed prose (``[sic]``, ``[1]``).

    ``closed``: its ``[/name]`` is in the text. ``exported``: the text is a WordPress export's,
    where a known name counts alone and another plugin's shortcode is told by an attribute
    (``id="94"``), a ``_`` in its name (``[jetpack_subscription_form]``) or its closing tag,
    never by a ``-`` alone (``[co-op]`` is a word); elsewhere (a Markdown post) a
    known name counts with attributes, an address or its closing tag, or alone if no word has
    it (``DISTINCT``), and a language's name only closed (module docstring: why)."""
    if exported:
        return (
            name.lower() in KINDS or closed or "_" in name or _ATTRIBUTE.search(attrs) is not None
        )
    if name in LANGUAGES:
        return closed
    return name in KINDS and (name in DISTINCT or "=" in attrs or "://" in attrs or closed)
