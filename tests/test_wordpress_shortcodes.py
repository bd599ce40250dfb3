"""WordPress's shortcodes known once (plugins/blogcore/shortcodes.py): what the importer converts
is what blogcore names when a post keeps it as text, and bracketed prose is neither's."""

import pytest

from plugins.blogcore import foreign, shortcodes
from plugins.importer.convert import convert

UPLOADS = "http://old.example/wp-content/uploads/"


def _named(html: str) -> list[str]:
    """The shortcodes blogcore names in a post's HTML, as its lines start."""
    return [
        piece.message.split(" is WordPress")[0]
        for piece in foreign.found(html)
        if " is WordPress" in piece.message
    ]


def _converted(text: str) -> str:
    """A raw WordPress body as the importer writes it (a gallery for any [gallery ids])."""
    return convert(text, raw_wordpress=True, gallery=lambda attrs: "hall").markdown


# each kind the importer converts, as WordPress's editor and plugins wrote it: the importer
# leaves none of it as text, and a post that kept it as text (another tool's conversion) has
# it named, by the tag as written
CONVERTED = [
    f'[caption id="a7" width="300"]<img src="{UPLOADS}hall.jpg" alt="The hall"> Hall[/caption]',
    f'[wp_caption id="a8"]<img src="{UPLOADS}desk.jpg" alt="A desk"> A desk[/wp_caption]',
    '[gallery ids="31,32"]',
    "[embed]https://vimeo.com/76979871[/embed]",
    f'[video mp4="{UPLOADS}tour.mp4"][/video]',
    f'[audio src="{UPLOADS}talk.mp3"]',
    "[youtube=http://www.youtube.com/watch?v=Tess3llate1&amp;w=640]",
    "[youtube https://www.youtube.com/watch?v=Tess3llate1]",
    "[vimeo https://vimeo.com/76979871]",
    "[code]make serve[/code]",
    '[sourcecode language="python"]print(1)[/sourcecode]',
    "[php]echo $room;[/php]",
]


@pytest.mark.parametrize("written", CONVERTED)
def test_a_shortcode_the_importer_converts_is_one_blogcore_names(written):
    opening = written[: written.index("]") + 1].replace("&amp;", "&")
    name = opening[1:].split("]")[0].split("=")[0].split()[0]
    assert f"[{name}" not in _converted(written)
    assert _named(f"<p>{written}</p>") == [opening]


@pytest.mark.parametrize("name", sorted(shortcodes.KINDS))
def test_every_name_known_is_a_shortcode_to_both_with_an_attribute(name):
    assert shortcodes.is_shortcode(name, ' id="1"', False, exported=True)
    assert shortcodes.is_shortcode(name, ' id="1"', False)
    assert _named(f'<p>[{name} id="1"]</p>') == [f'[{name} id="1"]']


@pytest.mark.parametrize(
    "prose",
    [
        "As they say [sic] and [1].",
        "The [Editor's note] and [2], [a] [b]",
        "Open it with [Ctrl] [Alt]",
        "the [text] of [c] and [go]",  # languages' names, never closed
        "the [php] manual",
    ],
)
def test_bracketed_prose_is_neither_converted_nor_named(prose):
    result = convert(prose, raw_wordpress=True)
    assert (result.markdown, result.notes) == (f"{prose}\n", [])
    assert _named(f"<p>{prose}</p>") == []


@pytest.mark.parametrize(
    ("name", "attrs", "closed", "exported", "markdown"),
    [
        # WordPress's parser took a name it knew alone ([audio]: the post's attached file);
        # in a Markdown post a word in brackets is prose
        ("audio", "", False, True, False),
        ("video", "", False, True, False),
        ("caption", "", False, True, False),
        ("tweet", "", False, True, False),
        # names no sentence has, closed, with attributes or an address: both
        ("gallery", "", False, True, True),
        ("contact-form", "", False, True, True),
        ("wp_caption", "", False, True, True),
        ("caption", "", True, True, True),
        ("tweet", " https://twitter.com/a/status/1", False, True, True),
        ("youtube", "=https://youtu.be/x", False, True, True),
        ("php", "", True, True, True),
        ("php", "", False, False, False),
        # another plugin's: only WordPress's text tells it, by its marks
        ("contact-form-7", ' id="94"', False, True, False),
        ("wpforms", ' id="12"', False, True, False),
        ("note", "", True, True, False),
        ("sic", "", False, False, False),
        ("1", "", False, False, False),
    ],
)
def test_is_shortcode(name, attrs, closed, exported, markdown):
    assert shortcodes.is_shortcode(name, attrs, closed, exported=True) is exported
    assert shortcodes.is_shortcode(name, attrs, closed) is markdown


def test_wordpress_s_escape_is_code_that_blogcore_leaves_alone():
    """[[gallery]] showed the text [gallery] on the old site: imported as that text, the build
    said "[gallery] is WordPress's gallery" (an error in a publish) of a post with none."""
    written = _converted("Type [[gallery]] to show pictures, and [[sic]].")
    assert written == "Type `[gallery]` to show pictures, and [[sic]].\n"
    assert _named("<p>Type <code>[gallery]</code> to show pictures.</p>") == []
