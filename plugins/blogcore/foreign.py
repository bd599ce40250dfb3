r"""Other Pelican plugins' syntax in a post this site cannot show: pure logic.

An adopted blog's posts may use plugins this site does not have: liquid_tags
(``{% img /images/x.png %}``, ``{% youtube id %}``, ``{% notebook x.ipynb %}``),
markdown-include (``{! file.md !}``), simple_footnotes (``[ref]…[/ref]``), render_math
(LaTeX between dollars, ``$r$``, ``$$ \frac{n!}{k!} $$``, or MathJax's ``\( r \)`` and
``\[ … \]``). Markdown keeps them as text: the page shows the tag as written, and the image,
video, notebook or footnote it stood for is lost. Each is found in the body's text (never in
code: a post about Jinja shows ``{% block %}`` in backticks, a shell session ``$HOME``) and
named with what to write instead; LaTeX once per file, at its first line, as it is still
readable as written.

Other engines' Markdown is said once per file too, at its first place: Jekyll's own Liquid
(``{{ page.title }}``, ``{% raw %}``; its ``{% highlight %}`` blocks are shown as code,
liquid.py), GitHub's ``~~strikethrough~~`` and task lists (``- [x] done``), which
Python-Markdown does not have, and PyMdown Extensions' idioms (a site's MARKDOWN setting turned
them on; MkDocs Material writers use them): ``??? tip "Title"`` collapsible blocks,
``==mark==``, ``~sub~``, ``^^ins^^`` and ``:smile:`` shortcodes (known names only: a time's
``10:30:`` or a path's ``~/`` is not one).

Code is code whichever reader wrote it: Markdown's ``<code>`` and ``<pre>``, docutils'
inline literal (````…````, ``<span class="docutils literal">``) and literal blocks, and
``<tt>``, ``<kbd>``, ``<samp>``. What to write instead is said in the post's own format
(``fmt``: a reStructuredText post is told of ``.. image::``, ``:math:`…```` and its links, not
Markdown's), and a reST post's lines are found past its literals, literal blocks, comments
and backslash escapes.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from bs4 import BeautifulSoup, Comment
from markdown import Markdown
from markdown.extensions import Extension

from . import codeblocks, embeds, glance, liquid, rawtags, shortcodes
from .text import BLOCK_TAGS, DOCS_PASTED, DOCS_WRAPPER

# liquid_tags' tags (pelican-plugins/liquid_tags) and Octopress's, and what to write here
# instead. A hosted player is never embedded (no third-party frames or scripts: an <iframe>
# is removed, docs/sanitising.md): a link to it is what works; <video> and <audio> play the
# site's own files.
_HOSTED = "link to it: [Watch on {service}](its address) (this site embeds no players)"
_FILE = 'for a file of this site, write <{tag} src="{{static}}/extra/x.{ext}" controls></{tag}>'
_QUOTE = (
    "write it as a Markdown quote: each line starting with > , and the source on a line after "
    "it (> — {source})"
)
LIQUID_TAGS = {
    "img": "write ![what it shows]({static}/images/x.png)",
    "b64img": "write ![what it shows]({static}/images/x.png)",
    "youtube": _HOSTED.format(service="YouTube"),
    "vimeo": _HOSTED.format(service="Vimeo"),
    "video": _FILE.format(tag="video", ext="mp4"),
    "audio": _FILE.format(tag="audio", ext="mp3"),
    "soundcloud": "link to it: [Listen on SoundCloud](its address) (this site embeds no players)",
    "spotify": "link to it: [Listen on Spotify](its address) (this site embeds no players)",
    "speakerdeck": "link to the slides: [See the slides on Speaker Deck](their address)",
    "flickr": "put the photo in the site and write ![what it shows]({static}/images/x.jpg), "
    "or link to it",
    "giphy": "put the image in the site and write ![what it shows]({static}/images/x.gif)",
    "gram": "put the photo in the site and write ![what it shows]({static}/images/x.jpg), "
    "or link to it",
    "gist": "link to the gist ([the gist](https://gist.github.com/{id})), or paste its code in a "
    "fenced code block (```)",
    "blockquote": _QUOTE + "; {% endblockquote %} goes",
    "pullquote": 'remove {% pullquote %}, {% endpullquote %} and the {" "} marks: the text '
    "stays as it is (a pull quote only repeats a sentence of it); to set a sentence apart, "
    "write it again as a Markdown quote (> …)",
    "notebook": "convert the notebook (jupyter nbconvert --to markdown {file}) and put its text "
    "here",
    "include_code": "paste the code of {file} in a fenced code block (```)",
    "literal": "paste the text in a fenced code block (```)",
    "graphviz": "put the diagram in as an SVG image",
    "diag": "put the diagram in as an SVG image",
    "blockdiag": "put the diagram in as an SVG image",
}
# the same, for a reStructuredText post (its directives, roles and links)
_HOSTED_RST = "link to it: `Watch on {service} <its address>`_ (this site embeds no players)"
# reST has no directive that plays a file (an .. image:: of a video shows no player)
_FILE_RST = _FILE.replace("write <", "write .. raw:: html with, indented under it, <")
_IMAGE_RST = ".. image:: {{static}}/images/x.{ext}, with :alt: alt text indented under it"
LIQUID_TAGS_RST = {
    "img": "write " + _IMAGE_RST.format(ext="png"),
    "b64img": "write " + _IMAGE_RST.format(ext="png"),
    "youtube": _HOSTED_RST.format(service="YouTube"),
    "vimeo": _HOSTED_RST.format(service="Vimeo"),
    "video": _FILE_RST.format(tag="video", ext="mp4"),
    "audio": _FILE_RST.format(tag="audio", ext="mp3"),
    "soundcloud": "link to it: `Listen on SoundCloud <its address>`_ (this site embeds no players)",
    "spotify": "link to it: `Listen on Spotify <its address>`_ (this site embeds no players)",
    "speakerdeck": "link to the slides: `See the slides on Speaker Deck <their address>`_",
    "flickr": "put the photo in the site and write " + _IMAGE_RST.format(ext="jpg") + ", or "
    "link to it",
    "giphy": "put the image in the site and write " + _IMAGE_RST.format(ext="gif"),
    "gram": "put the photo in the site and write " + _IMAGE_RST.format(ext="jpg") + ", or link "
    "to it",
    "gist": "link to the gist (`the gist <https://gist.github.com/{id}>`_), or paste its code "
    "in a .. code-block:: directive",
    "blockquote": "write it as a block quote: its lines indented, and the source on a line of "
    "its own after them, indented too (-- {source}); {% endblockquote %} goes",
    "pullquote": 'remove {% pullquote %}, {% endpullquote %} and the {" "} marks: the text '
    "stays as it is (a pull quote only repeats a sentence of it); to set a sentence apart, "
    "write it again in a .. pull-quote:: directive",
    "notebook": "convert the notebook (jupyter nbconvert --to rst {file}) and put its text here",
    "include_code": "paste the code of {file} in a .. code-block:: directive",
    "literal": "paste the text in a literal block (a line ending with ::, then the text indented)",
    "graphviz": "put the diagram in as an SVG image",
    "diag": "put the diagram in as an SVG image",
    "blockdiag": "put the diagram in as an SVG image",
}
_LIQUID = re.compile(r"\{%\s*([A-Za-z_][\w-]*)\b.*?%\}", re.S)
_INCLUDE = re.compile(r"\{!\s*\S.*?!\}", re.S)
_REF = re.compile(r"\[ref\].*?\[/ref\]", re.S)
_QUICK = glance.Marks(("{%", "{!", "[ref]", "~~", "[ ]", "[x]", "[X]", "[[", "[!", "]("))

# Jekyll's own Liquid, as its posts use it (not liquid_tags'; a generic {% if %} may be a post
# about templates): tags, and the outputs of the objects a post has
_JEKYLL = re.compile(
    r"\{%-?\s*(?P<tag>highlight|endhighlight|raw|endraw|include|include_relative|comment"
    r"|endcomment)\b[^%]*%\}"
    r"|\{\{-?\s*(?P<object>page|site|post|paginator|layout|content)\b[^{}]*?\}\}"
)
_JEKYLL_ADVICE = {
    "highlight": "write a fenced code block: ```{lang} on the line before the code, ``` on the "
    "line after it",
    "raw": "remove {% raw %} and {% endraw %}: this site shows {{ }} and {% %} as written",
    "include": "put the included file's text in the post",
    "comment": "remove it, or write an HTML comment: <!-- … -->",
}
_JEKYLL_ADVICE_RST = {
    "highlight": "write a .. code-block:: {lang} directive, the code indented under it",
    "raw": _JEKYLL_ADVICE["raw"],
    "include": _JEKYLL_ADVICE["include"],
    "comment": "remove it, or write a reStructuredText comment: a line starting with .. ",
}

# what is code in a body's HTML, whichever reader wrote it: Markdown's <code> and <pre>,
# docutils' inline literal (<span class="docutils literal">) and literal block (<pre>), and
# raw HTML's <tt>, <kbd>, <samp>
_CODE_TAGS = frozenset({"code", "pre", "tt", "kbd", "samp"})
# reStructuredText's code in its source: an inline literal (``…``, which may go on to the next
# line of its paragraph) and the roles whose text is code or typeset math
_RST_INLINE_CODE = re.compile(
    r":(?:code|literal|math|kbd|samp|file|command)(?::[\w-]+)?:`(?:[^`\\]|\\.)*`"
    r"|(?<!\\)``(?=\S)(?:(?!\n[ \t]*\n).)*?(?<=\S)``",
    re.S,
)
# a directive whose indented content is code or typeset math, or a comment (not shown)
_RST_CODE_BLOCK = re.compile(
    r"[ \t]*\.\.(?:[ \t]+(?:code-block|code|sourcecode|math)::"
    r"|(?=[ \t]|$)(?![ \t]+(?:\[|_|\||[\w:+.-]+::)))"
)
_RST_ESCAPE = re.compile(r"\\(.?)")
# GitHub's strikethrough: ~~ on both sides of text that neither starts nor ends with a space
_STRIKE = re.compile(r"(?<!~)~~(?P<text>[^\s~](?:[^~\n]*?[^\s~])?)~~(?!~)")
_TASK = re.compile(r"\s*\[[ xX]\]\s")

# PyMdown Extensions' idioms (pymdownx.details, .mark, .tilde, .caret, .emoji), as each reads
# them: a collapsible block is ??? (or ???+, open) and its kind, then maybe a quoted title, on a
# line at the start of a block (SmartyPants has curled the quotes by the time it is read here)
_DETAILS = re.compile(
    r"\A[ \t]*\?\?\?\+?[ \t]+(?P<kind>[A-Za-z][\w-]*)"
    r"(?:[ \t]+[\"\u201c](?P<title>[^\"\u201c\u201d\n]*)[\"\u201d])?[ \t]*(?:\n|\Z)"
)
# ==text==, ^^text^^: no space just inside; not a word's own (a==b==c is code spoken of)
_MARK = re.compile(r"(?<![=\w])==(?P<text>[^\s=](?:[^=\n]*?[^\s=])?)==(?![=\w])")
_INS = re.compile(r"(?<![\^\w])\^\^(?P<text>[^\s^](?:[^^\n]*?[^\s^])?)\^\^(?![\^\w])")
# ~text~ (H~2~O): no space, no slash (a path's ~/ or ~user/), a letter or digit at each end
# (about ~5-~10 minutes is prose), not ~~; neither ~ between two digits, a range in prose
# written without spaces (1~15占一个字节，16~2047: pymdownx.tilde would sink half the sentence),
# nor one right after CJK text, and no CJK inside: in Chinese or Japanese a ~ is the wave dash
# of a range (3月~5月和7月~9月, 周一~周五，周六~周日, A~Z和a~z); H~2~O, CO~2~浓度 are subscripts
_SUB = (
    rf"(?<!~)(?<!{liquid.CJK})(?!(?<=\d)~\d)~(?!{liquid.CJK})"
    rf"(?P<text>[^\W_](?:[^\s~/\\{liquid.CJK_RANGES}]*[^\W_])?)(?<!{liquid.CJK})"
    r"(?!(?<=\d)~\d)~(?!~)"
)


@functools.cache
def _sub() -> re.Pattern[str]:
    """``_SUB`` compiled when a text with a ~ first needs it (15-20 ms: its CJK ranges)."""
    return re.compile(_SUB)


# :name: of the emoji people write most, and the character to write instead (GitHub's and
# PyMdown's names); another :word: may be a time, a port, a reST role spoken of: not said
EMOJI = {
    "smile": "\U0001f604",
    "smiley": "\U0001f603",
    "grin": "\U0001f601",
    "grinning": "\U0001f600",
    "laughing": "\U0001f606",
    "joy": "\U0001f602",
    "wink": "\U0001f609",
    "blush": "\U0001f60a",
    "slightly_smiling_face": "\U0001f642",
    "heart_eyes": "\U0001f60d",
    "sunglasses": "\U0001f60e",
    "thinking": "\U0001f914",
    "confused": "\U0001f615",
    "cry": "\U0001f622",
    "sob": "\U0001f62d",
    "scream": "\U0001f631",
    "sweat_smile": "\U0001f605",
    "stuck_out_tongue": "\U0001f61b",
    "neutral_face": "\U0001f610",
    "rage": "\U0001f621",
    "+1": "\U0001f44d",
    "thumbsup": "\U0001f44d",
    "-1": "\U0001f44e",
    "thumbsdown": "\U0001f44e",
    "clap": "\U0001f44f",
    "wave": "\U0001f44b",
    "pray": "\U0001f64f",
    "muscle": "\U0001f4aa",
    "raised_hands": "\U0001f64c",
    "eyes": "\U0001f440",
    "heart": "\u2764\ufe0f",
    "broken_heart": "\U0001f494",
    "star": "\u2b50",
    "sparkles": "\u2728",
    "fire": "\U0001f525",
    "tada": "\U0001f389",
    "rocket": "\U0001f680",
    "100": "\U0001f4af",
    "warning": "\u26a0\ufe0f",
    "white_check_mark": "\u2705",
    "heavy_check_mark": "\u2714\ufe0f",
    "x": "\u274c",
    "bulb": "\U0001f4a1",
    "memo": "\U0001f4dd",
    "bug": "\U0001f41b",
    "wrench": "\U0001f527",
    "hammer": "\U0001f528",
    "lock": "\U0001f512",
    "key": "\U0001f511",
    "coffee": "\u2615",
    "beer": "\U0001f37a",
    "cake": "\U0001f370",
    "sunny": "\u2600\ufe0f",
    "zap": "\u26a1",
    "boom": "\U0001f4a5",
    "question": "\u2753",
    "exclamation": "\u2757",
    "point_right": "\U0001f449",
    "point_up": "\u261d\ufe0f",
    "ok_hand": "\U0001f44c",
    "see_no_evil": "\U0001f648",
    "shrug": "\U0001f937",
    "facepalm": "\U0001f926",
}
_EMOJI = re.compile(r"(?<![\w:]):(?P<name>[a-z0-9_+-]+):(?![\w:])")
# the quick look for them, as marks and a shortcode (one pattern of all five, tried at every
# = and : of the HTML, took 40 µs a post)
_PYMDOWN_QUICK = glance.Marks(("???", "==", "~", "^^"))
_SHORTCODE_QUICK = re.compile(r":[a-z0-9_+-]+:")

# WordPress's own shortcodes (its editor's, Jetpack's; shortcodes.py knows their names, for
# the importer too), as a blog moved from WordPress to Pelican keeps them in its text: what each
# kind stood for and what to write instead ({name}: the shortcode's name). Its code ones on
# lines of their own are code blocks (liquid.py); the rest of them are said here.
_WP_LINK = "link to it instead, {link} (this site embeds no players)"
_WP_KINDS = {
    shortcodes.FORM: (
        "WordPress's contact form (Jetpack), which this site does not have: it is shown as "
        "written, its fields' tags and all, and no form is shown",
        "remove it, from [contact-form to [/contact-form], and say in words how to reach you",
    ),
    shortcodes.GALLERY: (
        "WordPress's gallery, which this site does not have: it is shown as written, and its "
        "photos are not",
        "put the photos in content/galleries/<name>/ and link the gallery, or show each "
        "picture in the post (docs/images.md)",
    ),
    shortcodes.CAPTION: (
        "WordPress's caption, which this site shows as written around the picture",
        "remove [{name} …] and [/{name}], keeping the picture, and write the caption as a "
        "paragraph under it",
    ),
    shortcodes.CODE: (
        "WordPress's code shortcode, which this site shows as written, its tags and all, "
        "inside a paragraph",
        "write the code as Markdown does: between backticks in a sentence, or a fenced block, "
        "``` on the line before the code and ``` on the line after it",
    ),
    **{
        kind: (
            "WordPress's [{name}] embed, which this site does not have: it is shown as "
            "written, and what it stood for is not",
            _WP_LINK,
        )
        for kind in (shortcodes.EMBED, shortcodes.MEDIA, shortcodes.PLAYER)
    },
}
_WP_NAMES = "|".join(re.escape(name) for name in [*shortcodes.KINDS, *shortcodes.LANGUAGES])
# its name ends at a space, "]", "/" or "=" ([youtube=https://…], WordPress.com's)
_WP_SHORTCODE = re.compile(rf"\[(?P<name>{_WP_NAMES})(?=[\s\]/=])(?P<attrs>[^\[\]]*)\](?!\()")
# its attributes as the writer typed them: SmartyPants curled their quotes in the page
_STRAIGHT = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
_WP_QUICK = re.compile(
    rf"\[(?:{'|'.join(map(re.escape, shortcodes.KINDS))})[\s\]/=]"
    # a language's name counts closed only: its closing tag ([text] is a word)
    rf"|\[/(?:{'|'.join(map(re.escape, shortcodes.LANGUAGES))})\]"
)

# LaTeX as render_math (MathJax) reads it in Markdown, as liquid.py keeps it as written:
# between $ and $ (as pandoc reads dollars, so that prices are left alone), $$ and $$, \( and
# \), \[ and \] (around LaTeX only), or in a \begin{…} … \end{…} environment; read in one
# piece of text at a time (a paragraph's, Markdown's own step reads no further)
_MATH = liquid.MATH_RE


@functools.cache
def _math() -> re.Pattern[str]:
    """``_MATH`` compiled when a text that may hold math first needs it (12-20 ms), with the
    flags Markdown's inline processors compile it with (liquid.MathAsWritten), so that re's
    own cache hands back the pattern Markdown compiled, if it is still there."""
    return re.compile(_MATH, re.DOTALL | re.UNICODE)


# a display environment without its \end (said, though no step keeps it)
_BEGIN = re.compile(r"\\begin\{(?:equation|align|gather|multline|eqnarray|displaymath)\*?\}")
# a grawlix between dollars (what a !#$@#$!@% mess): no letter, digit or command, no math
_CURSE = re.compile(r"\$[^\w\\$]+\$")
_MATH_QUICK = glance.Pattern(re.compile(r"\$[^$]+\$|\$\$|\\begin\{|\\\(|\\\["), ("$", "\\"))


@dataclass(frozen=True)
class Foreign:
    """One piece of another plugin's syntax: a pattern of how it starts (to find its line
    in the source) and what to say of it."""

    start: str
    message: str
    serious: bool = True  # what it stood for is lost (an error in a publish); else a warning
    # a pattern of its start over the whole source (an HTML tag's attributes may go on several
    # lines), in place of ``start`` (one line's)
    anchor: str = ""
    line: int = 0  # its line, where the source was read for it (0: found by ``start``)
    math: bool = False  # LaTeX math: its start is looked for in math too (the rest's is not)


def others(plugins: Sequence | None, markdown: dict | None) -> frozenset[str]:
    """The other people's plugins a site lists (``PLUGINS``, by the last part of the name:
    ``pelican.plugins.simple_footnotes`` is ``simple_footnotes``) and its Markdown extensions
    (``MARKDOWN``'s ``extension_configs`` and ``extensions``, by their full names)."""
    names = {
        str(getattr(entry, "__name__", entry)).rsplit(".", 1)[-1]
        for entry in plugins or ()
        if not str(getattr(entry, "__name__", entry)).startswith("plugins.")
    }
    markdown = markdown if isinstance(markdown, dict) else {}
    configs = markdown.get("extension_configs")
    names.update(str(name) for name in (configs if isinstance(configs, dict) else ()))
    names.update(e for e in markdown.get("extensions") or () if isinstance(e, str))
    return frozenset(names)


# render_math's Markdown extension adds MathJax's configuration to each post with math, as a
# <script type="text/javascript">; the sanitiser would take it out and say only "<script>"
_MATHJAX_SCRIPT = re.compile(
    r"<script\s+type=[\"']?text/javascript[\"']?\s*>(?:(?!</script>).)*?MathJax"
    r"(?:(?!</script>).)*</script>",
    re.S | re.I,
)


def without_mathjax(html: str, listed: frozenset[str]) -> tuple[str, int]:
    """A body without render_math's MathJax script, when the site lists render_math (its
    math line says so), and how many scripts went; the body as it is otherwise, and 0."""
    if "render_math" not in listed or "MathJax" not in html:
        return html, 0
    return _MATHJAX_SCRIPT.subn("", html)


def markup_without_scripts(markup: Sequence[tuple[str, dict]], count: int) -> tuple:
    """A body's elements (Markdown's tree: mdtree.Facts.markup) less the last ``count``
    ``<script type="text/javascript">`` (``without_mathjax`` took them out of the HTML)."""
    kept = list(markup)
    for at in range(len(kept) - 1, -1, -1):
        if count and kept[at][0] == "script" and kept[at][1].get("type") == "text/javascript":
            del kept[at]
            count -= 1
    return tuple(kept)


def may_hold(html: str) -> bool:
    """Whether a body's HTML may hold another plugin's syntax (``found``'s quick look, by the
    marks' rare characters first: glance.py); False for nearly every post."""
    return bool(
        _QUICK.in_text(html)
        or _MATH_QUICK.search(html)
        or embeds.may_have(html.lower())
        or _PYMDOWN_QUICK.in_text(html)
        or _SHORTCODE_QUICK.search(html)
        or _PASTED_QUICK.in_text(html)
        or _WP_QUICK.search(html)
    )


def found(
    html: str,
    fmt: str = "markdown",
    listed: frozenset[str] = frozenset(),
    source: str = "",
    tag_file: Callable[[str, str], str] | None = None,
) -> list[Foreign]:
    """Every piece of another plugin's syntax in a body's HTML, outside code, in order (LaTeX
    math once, at its first place), with what to write instead in the post's format ``fmt``
    ("markdown", "rst" or "html"). ``listed`` (``others``): the plugins and extensions the
    site lists; the syntax of one listed is its own to show (simple_footnotes' ``[ref]``),
    not said missing. ``source``: a Markdown file's text, where math must be written as the
    HTML shows it to be named (Markdown's escapes make ``$\\$$40 and $\\$$5`` show
    ``$$$40 and $$$5``, which is no math the writer wrote). ``tag_file(name, path)``: the
    file a notebook or include_code tag names, as messages name it (``tag_files``' first,
    the content folder's ``notebooks/`` or ``code/``, without it)."""
    if not may_hold(html):
        return []  # nearly every post
    # the text a reader sees, but code: shown as written on purpose
    soup = BeautifulSoup(html, "html.parser")
    nodes = [
        node
        for node in soup.find_all(string=True)
        if not isinstance(node, Comment) and not _in_code(node)
    ]
    # LaTeX is the math line's alone: a formula's \\, & and {…} are no pandoc, table or span
    math = _math_nodes(nodes) if "math" in html else frozenset()
    shown = [_blank(str(node)) if id(node) in math else str(node) for node in nodes]
    text = "".join(shown)
    rst = fmt == "rst"
    hits: list[tuple[int, Foreign]] = []
    for match in _LIQUID.finditer(text):
        name = match[1].lower()
        if name in LIQUID_TAGS:
            written = " ".join(match[0].split())
            player = embeds.LIQUID_PLAYER.fullmatch(match[0])
            page = embeds.liquid_page(player) if player else None
            if page is not None:  # the sanitiser writes the link (text.linked_liquid)
                message = (
                    f"{_short(written)} is {_whose(name)}, which this site does not have: the "
                    f"page has a link in its place, {_link(page.text, page.url, rst)} (this site "
                    "embeds no players); write that link in the post"
                )
                hits.append((match.start(), Foreign(_tag_start(match[1]), message, False)))
                continue
            hits.append(
                (
                    match.start(),
                    Foreign(
                        _tag_start(match[1]),
                        f"{_short(written)} is {_whose(name)}, which this site "
                        f"does not have: it is shown as written, and what it stood for is not; "
                        f"{_liquid_advice(name, written, rst, tag_file)}",
                    ),
                )
            )
    for match in _INCLUDE.finditer(text):
        hits.append(
            (
                match.start(),
                Foreign(
                    r"\{!",
                    f"{_short(' '.join(match[0].split()))} is markdown-include's, which this site "
                    "does not have: it is shown as written; put the file's text in the post",
                ),
            )
        )
    for match in () if "simple_footnotes" in listed else _REF.finditer(text):
        hits.append(
            (
                match.start(),
                Foreign(
                    r"\[ref\]",
                    "[ref]…[/ref] is the simple_footnotes plugin's, which this site does not "
                    "have: it is shown as written; "
                    + (
                        "write a footnote: [#]_ in the text, and .. [#] the note, on a line of "
                        "its own at the end"
                        if rst
                        else "write a Markdown footnote: [^1] in the text, and [^1]: the note, "
                        "on a line of its own at the end"
                    ),
                ),
            )
        )
    blocks = _by_block(nodes)
    first = _first_math(blocks, rst, "render_math" in listed, source if fmt == "markdown" else "")
    if first is not None:
        hits.append(first)
    if math:  # the rest reads the text around the math
        blocks = _by_block(nodes, shown)
    # pymdownx.tasklist in MARKDOWN makes the boxes; not installed, the settings' line says to
    # install it: the list is not to be rewritten
    hits += _github(text, soup, rst, task_lists=rst or "pymdownx.tasklist" not in listed)
    if embeds.may_have(html.lower()):
        hits += _embeds(soup, nodes, rst)
    hits += _pymdown(text, blocks, rst)
    if _PASTED_QUICK.in_text(html):
        hits += _pasted(text, soup, blocks, rst, source if fmt == "markdown" else "")
    hits += _obsidian(text, soup, rst)
    hits += _wordpress(text, rst)
    if fmt == "markdown" and "](" in html:
        hits += _in_html_block(text, nodes, source)
    return [hit for _, hit in sorted(hits, key=lambda pair: pair[0])]


# a Markdown link or picture, its text on one line or several: in a body's HTML, only where
# Markdown did not read it (an HTML block's text is passed on as written)
_MD_LINK = re.compile(
    r'(?P<image>!?)\[(?P<text>[^\[\]]{0,300})\]\((?P<url>[^()\s]+)(?:\s+"[^"]*")?\)'
)


# a tag written after a backslash, which rawtags shows as written, its marks too
_ESCAPED_TAG = re.compile(rf"(?<!\\)(?:\\\\)*\\{rawtags.QUOTED_MARKS_RE}")


def _escaped(source: str, written: str) -> bool:
    """Whether each place the source writes a link is escaped: after a backslash (``\\[x](y)``)
    or in a tag after one (``\\<a title="[x](y)">``), both shown as written, as meant."""
    tags = [match.span() for match in _ESCAPED_TAG.finditer(source)] if "\\<" in source else []
    places = [match.start() for match in re.finditer(re.escape(written), source)]
    return bool(places) and all(
        source[at - 1 : at] == "\\" or any(start < at < end for start, end in tags) for at in places
    )


def _in_html_block(text: str, nodes: list, source: str = "") -> list[tuple[int, Foreign]]:
    """Markdown's links and pictures inside an HTML block (``<div>`` … ``</div>``, as exports
    and converters wrap them), which Markdown passes on as written: brackets on the page, the
    picture not shown. Once per file, at the first, with the block's tag; not one the
    ``source`` escapes, shown as written as its writer meant."""
    links = [link for link in _MD_LINK.finditer(text) if not _escaped(source, link[0])]
    if not links:
        return []
    first = links[0]
    offset, holder = 0, None
    for node in nodes:  # the element whose text holds the first
        if offset + len(node) > first.start():
            holder = node.parent
            break
        offset += len(node)
    tag = holder.name if holder is not None and holder.name in BLOCK_TAGS else "div"
    written = " ".join(first[0].split())
    lost = "the picture is not shown" if first["image"] else "the link is not one"
    return [
        _once(
            first.start(),
            re.escape(first[0].splitlines()[0][:40]),
            f"{_short(written, 100)} is Markdown inside an HTML block (<{tag}> … </{tag}>), which "
            f"Markdown passes on as written: the page shows it, brackets and all, and {lost}",
            len(links),
            f'write <{tag} markdown="1"> so that Markdown reads what the block holds, or '
            f"remove the <{tag}> and </{tag}> lines",
        )
    ]


def _in_code(node) -> bool:
    """Whether a node of a body's HTML is code (or in it), whichever reader wrote it."""
    return any(_is_code(parent) for parent in node.parents)


def _is_code(tag) -> bool:
    return tag.name in _CODE_TAGS or (tag.name == "span" and "literal" in tag.get("class", ()))


def _link(text: str, url: str, rst: bool) -> str:
    """A link as the post's format writes it."""
    return f"`{text} <{url}>`_" if rst else f"[{text}]({url})"


def _tag_start(name: str) -> str:
    """A pattern of how a tag named ``name`` starts, to find its line."""
    return r"\{%\s*" + re.escape(name) + r"\b"


# where liquid_tags reads a notebook's and an include_code's file: the content folder's
# NOTEBOOK_DIR or CODE_DIR (its settings, their defaults)
LIQUID_DIRS = {"notebook": ("NOTEBOOK_DIR", "notebooks"), "include_code": ("CODE_DIR", "code")}


def tag_files(
    name: str, path: str, settings: dict | None = None, content: str = "content"
) -> list[str]:
    """Where the file a notebook or include_code tag names may be, in ``content`` (the
    content folder as messages name it): where liquid_tags read it (the site's NOTEBOOK_DIR or
    CODE_DIR, else liquid_tags' default), then the path from the content folder itself (a
    tag that names its folder, ``downloads/notebooks/x.ipynb``)."""
    key, default = LIQUID_DIRS[name]
    folder = str((settings or {}).get(key, default)).strip("/")
    path = path.lstrip("/")
    first = f"{content}/{folder}/{path}" if folder else f"{content}/{path}"
    return [first, f"{content}/{path}"] if folder else [first]


def _default_file(name: str, path: str) -> str:
    return tag_files(name, path)[0]


# Octopress's own tags (not liquid_tags'), said as such
_OCTOPRESS = frozenset({"blockquote", "pullquote"})


def _whose(name: str) -> str:
    """'a tag of the liquid_tags plugin', or Octopress's for its own."""
    return "a tag of Octopress" if name in _OCTOPRESS else "a tag of the liquid_tags plugin"


# a liquid tag's path as liquid_tags reads one (/x, https://x, or a folder/x), and the marks
# around an img tag's title: quotes (curled by smarty in the page's text) or brackets
_TAG_PATH = re.compile(r"(?:https?:|/|\S+/)\S+")
_TITLE_MARKS = "\"'\u2018\u2019\u201c\u201d[]"


def _published(path: str) -> str:
    """A tag's path as this site links it: the site's own file through {static}, as the
    old site published it under that path; an address elsewhere as it is."""
    if re.match(r"https?:|//", path):
        return path
    return "{static}/" + path.lstrip("/")


def _image_advice(words: list[str], rst: bool) -> str | None:
    """What to write for an img tag with its own path and title or alt (liquid_tags: its
    class names, the path, a width and height, then "title" "alt" or a title that is the
    alt too); None when it names no path."""
    at = next((i for i, word in enumerate(words) if _TAG_PATH.fullmatch(word)), None)
    if at is None:
        return None
    rest = words[at + 1 :]
    while rest and rest[0].isdigit():  # width and height: the page sizes pictures itself
        rest = rest[1:]
    titled = " ".join(rest)
    pair = re.fullmatch(
        r"[\"'\u2018\u201c](.+?)[\"'\u2019\u201d]\s+[\"'\u2018\u201c](.+?)[\"'\u2019\u201d]", titled
    )
    alt = pair[2] if pair else titled.strip(_TITLE_MARKS).strip()
    target = _published(words[at])
    if rst:
        return f"write .. image:: {target}, with :alt: {alt or 'alt text'} indented under it"
    return f"write ![{alt or 'what it shows'}]({target})"


def _media_advice(name: str, words: list[str], rst: bool) -> str | None:
    """What to write for a video or audio tag with the files it names (liquid_tags: up to
    three sources, a width and height, a video's poster); None when it names none."""
    paths = [word for word in words if _TAG_PATH.fullmatch(word)]
    if not paths:
        return None
    sources, poster = paths[:3], ""
    if name == "video" and len(paths) > 1 and any(w.isdigit() for w in words):
        # the poster comes after the width and height
        last_number = max(i for i, w in enumerate(words) if w.isdigit())
        after = [w for w in words[last_number + 1 :] if _TAG_PATH.fullmatch(w)]
        poster = after[0] if after else ""
        sources = [p for p in paths if p != poster][:3]
    shown = f' poster="{_published(poster)}"' if poster else ""
    if len(sources) == 1:
        html = f'<{name} src="{_published(sources[0])}"{shown} controls></{name}>'
    else:
        inner = "".join(f'<source src="{_published(s)}">' for s in sources)
        html = f"<{name}{shown} controls>{inner}</{name}>"
    return f"write .. raw:: html with, indented under it, {html}" if rst else f"write {html}"


def _liquid_advice(
    name: str, written: str, rst: bool = False, tag_file: Callable[[str, str], str] | None = None
) -> str:
    """What to write for one liquid_tags tag, in the post's format: with the path, title,
    gist, file or source it names, where the tag gives it (a placeholder only for what it
    does not)."""
    advice = (LIQUID_TAGS_RST if rst else LIQUID_TAGS)[name]
    words = written.strip("{%} ").split()
    first = words[1] if len(words) > 1 else ""
    if name in ("img", "b64img"):
        return _image_advice(words[1:], rst) or advice
    if name in ("video", "audio"):
        return _media_advice(name, words[1:], rst) or advice
    if name == "literal" and len(words) > 1:  # the tag it showed, as liquid_tags wrote it
        shown = "{% " + " ".join(words[1:]) + " %}"
        if rst:
            return f"write it as an inline literal, ``{shown}``, which is shown as written"
        return f"write it between backticks, `{shown}`, which is shown as written"
    if name in LIQUID_DIRS:  # the file, where liquid_tags read it
        if not first:
            return advice.replace(" of {file}", "").replace(" {file}", "")
        return advice.replace("{file}", (tag_file or _default_file)(name, first))
    if name == "gist" and re.fullmatch(r"[0-9a-f]+", first):
        return advice.replace("{id}", first)
    if name == "blockquote":  # its author and source, as the tag gives them
        return advice.replace("{source}", " ".join(words[1:]) or "its author")
    return advice.replace("https://gist.github.com/{id}", "its address")


def _embeds(soup: BeautifulSoup, nodes: list, rst: bool) -> list[tuple[int, Foreign]]:
    """Each frame and known embed script of the body, outside code, at the place of the text
    before it: one line each, with what the page has instead (embeds.py), its link as the
    post's format writes it."""
    shown = {id(node) for node in nodes}
    hits: list[tuple[int, Foreign]] = []
    offset = 0
    for element in soup.descendants:
        if isinstance(element, str):
            if id(element) in shown:
                offset += len(element)
            continue
        if element.name not in ("iframe", "script") or _in_code(element):
            continue
        embed = embeds.of(element.name, element.attrs)
        if embed is not None:
            message = embeds.message(embed)
            if rst:
                message = message.replace("[its title](its address)", "`its title <its address>`_")
                if embed.page is not None:
                    message = message.replace(
                        embed.link, _link(embed.page.text, embed.page.url, rst=True)
                    )
            hits.append((offset, Foreign("", message, serious=False, anchor=embeds.anchor(embed))))
    return hits


def _by_block(nodes: list, shown: list[str] | None = None) -> list[str]:
    """The text of each block (a paragraph, an item, a cell), in order: the pieces of text
    math may be read in, as Markdown's step reads a block's text at a time; ``shown``: each
    node's text as read (its math blanked), in place of the node's own."""
    pairs = zip(nodes, shown if shown is not None else map(str, nodes), strict=True)
    blocks = itertools.groupby(pairs, key=lambda pair: id(_block_of(pair[0])))
    return ["".join(text for _, text in group) for _, group in blocks]


def _math_nodes(nodes: list) -> frozenset[int]:
    """The ids of the nodes that are LaTeX math: the text of a ``<span class="math">`` (kept
    as written, liquid.MathAsWritten) or of MathML (docutils')."""
    return frozenset(id(node) for node in nodes if _in_math(node))


def _is_math(tag) -> bool:
    return tag.name == "math" or (tag.name == "span" and "math" in tag.get("class", ()))


# what str.splitlines does not split at: a blank keeps the lines' count
_NOT_LINE_END = re.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def _blank(text: str) -> str:
    """Text as blanks, its line ends kept (so are its offsets)."""
    return _NOT_LINE_END.sub(" ", text)


def _prose_text(tag) -> str:
    """A tag's text without its math."""
    return "".join(node for node in tag.find_all(string=True) if not _in_math(node))


def _in_math(node) -> bool:
    return any(map(_is_math, node.parents))


def _block_of(node) -> object:
    """The nearest block element holding ``node``, or None (by name: bs4's find_parent with
    a list builds a filter at each call, 5 s on a blog of 29 posts with math marks)."""
    return next((parent for parent in node.parents if parent.name in BLOCK_TAGS), None)


def _first_math(
    pieces: list[str], rst: bool = False, render_math: bool = False, source: str = ""
) -> tuple[int, Foreign] | None:
    """Where the first LaTeX of render_math's is in the text (its blocks' texts, in order),
    and what to say of it, with how many more places there are (one line per file: the post
    is readable, if not typeset); a reStructuredText post is told of its own math.
    ``render_math``: the site lists it, and its MathJax script is what this site removes."""
    places: list[tuple[int, str, str]] = []  # (offset, as written, pattern of its start)
    offset = 0
    for piece in pieces:
        if _MATH_QUICK.search(piece):
            for match in _math().finditer(piece):
                if liquid.is_math(match) and not _CURSE.fullmatch(match[0]):
                    places.append((offset + match.start(), match[0], _start_of(match)))
            rest = _math().sub(lambda m: " " * len(m[0]), piece)
            places += [(offset + m.start(), m[0], r"\\begin\{") for m in _BEGIN.finditer(rest)]
        offset += len(piece)
    if source:  # math only as written: not one Markdown's escapes made
        places = [place for place in places if re.search(place[2], source)]
    if not places:
        return None
    offset, written, start = min(places)
    also = _also(len(places) - 1)
    shown = _short(" ".join(written.split()))
    if rst:
        return offset, Foreign(
            start,
            f"{shown} is LaTeX math, which this site does not typeset in the text: it is shown "
            f"as written{also}; write it as reStructuredText's math, which is typeset: "
            ":math:`…` in a sentence (each backslash written once, :math:`\\alpha`), a "
            ".. math:: directive for a formula on lines of its own",
            serious=False,
            math=True,
        )
    if render_math:
        return offset, Foreign(
            start,
            f"{shown} is LaTeX math, which the render_math plugin (in PLUGINS) leaves to "
            "MathJax, a script this site never loads (no third-party scripts: its <script> is "
            f"removed from the page): it is shown as written{also}; write it in words, show it "
            "as an image (an SVG of the formula), or write the post in reStructuredText, whose "
            ":math: is typeset",
            serious=False,
            math=True,
        )
    return offset, Foreign(
        start,
        # the site does not list render_math: its old theme may have loaded MathJax itself
        f"{shown} is LaTeX math, which this site does not typeset (MathJax, the script that "
        "render_math or a theme loads for it, is never loaded here): it is shown as "
        f"written{also}; write it in words, show it as an image (an SVG of the "
        "formula), or write the post in reStructuredText, whose :math: is typeset",
        serious=False,
        math=True,
    )


def _start_of(match: re.Match[str]) -> str:
    """A pattern of how a piece of math starts in the source, to find its line."""
    dollar = match["dollar"] or match["spaced"]
    if dollar is None:
        if match[0][:2] == "\\b":
            return r"\\begin\{"
        # its first line as written (kept so in the page): not an escaped parenthesis
        # before it, \(text editor\), which is no math
        return re.escape(match[0].splitlines()[0][:40])
    # its first command or letter, as written (after a parenthesis: $(a+b)^2$ is not the
    # first $( of the file), where a $ of code is not (jQuery's $(…), a shell's $HOME)
    written = dollar.lstrip()
    head = re.match(r"\(?(?:\\[A-Za-z]+|\w)", written)
    start = re.escape(head[0] if head else written[0])
    return r"(?<![\\$])\$" + liquid.CODE_DOLLAR + r"\s*" + start


def _github(
    text: str, soup: BeautifulSoup, rst: bool = False, task_lists: bool = True
) -> list[tuple[int, Foreign]]:
    """GitHub's strikethrough and task lists (``task_lists``: looked for), once per file each, at
    their first place."""
    hits: list[tuple[int, Foreign]] = []
    struck = list(_STRIKE.finditer(text))
    if struck:
        first = struck[0]
        hits.append(
            _once(
                first.start(),
                r"(?<!~)~~[^\s~]",
                f"{_short(first[0])} is GitHub's strikethrough, which this site shows as "
                "written, tildes and all",
                len(struck),
                "remove the tildes (reStructuredText has no struck-through text: say it in words)"
                if rst
                else f"write <del>{_short(first['text'])}</del>",
            )
        )
    tasks = [
        item
        for item in soup.find_all("li")
        if task_lists and not _in_code(item) and _TASK.match(item.get_text() + " ")
    ]
    if tasks:
        written = " ".join(tasks[0].get_text().split())
        hits.append(
            _once(
                text.find(written[:3]) if written[:3] in text else len(text),
                r"^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]",
                f"- {_short(written)} is an item of a GitHub task list, which this site "
                "shows as written, [x] and [ ] as text",
                len(tasks),
                "write a plain list (say which are done in words)",
            )
        )
    return hits


def _wordpress(text: str, rst: bool = False) -> list[tuple[int, Foreign]]:
    """WordPress's shortcodes (a contact form, a gallery, an embed), once per file each name,
    at its first place; an error in a publish where what it stood for is lost."""
    found_: dict[str, list[re.Match[str]]] = {}
    for match in _WP_SHORTCODE.finditer(text):
        name = match["name"]
        closed = f"[/{name}]" in text[match.end() :]
        if shortcodes.is_shortcode(name, match["attrs"], closed):
            found_.setdefault(name, []).append(match)
    hits = []
    for name, matches in found_.items():
        kind = shortcodes.kind_of(name)
        said, advice = _WP_KINDS[kind]
        at, piece = _once(
            matches[0].start(),
            # after its name, the importer escapes a "]" that a "[" follows: [contact-form\][…
            rf"\[{re.escape(name)}(?=\\?[\s\]/=])",
            f"{_short(' '.join(matches[0][0].split()).translate(_STRAIGHT))} is "
            + said.format(name=name),
            len(matches),
            advice.format(link=_link("Watch it", "its address", rst), name=name),
        )
        # a caption's picture and a listing's code are still shown; a form's, a gallery's or
        # an embed's is lost
        hits.append((at, replace(piece, serious=kind not in (shortcodes.CAPTION, shortcodes.CODE))))
    return hits


def _pymdown(text: str, blocks: list[str], rst: bool = False) -> list[tuple[int, Foreign]]:
    """PyMdown Extensions' idioms, once per file each kind, at its first place."""
    hits: list[tuple[int, Foreign]] = []
    offset, details = 0, []
    for block in blocks:
        match = _DETAILS.match(block)
        if match:
            details.append((offset, match))
        offset += len(block)
    if details:
        at, first = details[0]
        written = " ".join(first[0].split()).replace("\u201c", '"').replace("\u201d", '"')
        title = first["title"] or first["kind"].capitalize()
        hits.append(
            _once(
                at,
                r"^\s*\?\?\?\+?[ \t]+" + re.escape(first["kind"]) + r"\b",
                f"{_short(written)} is PyMdown's collapsible block (pymdownx.details), which "
                "this site shows as text, its title and text in one paragraph",
                len(details),
                f"write a .. admonition:: {_short(title)} directive, the text indented under "
                "it (a box, always open)"
                if rst
                else f"write <details><summary>{_short(title)}</summary>…</details>",
            )
        )
    for pattern, what, tag in (
        (_MARK, "highlighted text (pymdownx.mark)", "mark"),
        (_sub() if "~" in text else None, "subscript (pymdownx.tilde)", "sub"),
        (_INS, "inserted text (pymdownx.caret)", "ins"),
    ):
        found_ = list(pattern.finditer(text)) if pattern else []
        if found_:
            first = found_[0]
            marker = first[0][: first.start("text") - first.start()]
            hits.append(
                _once(
                    first.start(),
                    rf"(?<!{re.escape(marker[0])}){re.escape(marker + first['text'] + marker)}",
                    f"{_short(first[0])} is PyMdown's {what}, which this site shows as written",
                    len(found_),
                    _RST_MARKS[tag].format(text=_short(first["text"]))
                    if rst
                    else f"write <{tag}>{_short(first['text'])}</{tag}>",
                )
            )
    shortcodes = [m for m in _EMOJI.finditer(text) if m["name"] in EMOJI]
    if shortcodes:
        first = shortcodes[0]
        hits.append(
            _once(
                first.start(),
                rf"(?<![\w:]){re.escape(first[0])}(?![\w:])",
                f"{first[0]} is an emoji shortcode (pymdownx.emoji), which this site shows as "
                "written",
                len(shortcodes),
                f"write the emoji itself: {EMOJI[first['name']]}",
            )
        )
    return hits


# What writers' tools leave in a post: a picture pasted as data (Google Docs' Download →
# Markdown writes each as a reference at the file's end, [image1]: <data:image/png;base64,…>),
# Google Docs' clipboard HTML, a bold with a space inside (** text **), and pandoc's Markdown
# of a Word document (pandoc -t markdown; pandoc -t gfm writes what this site reads)
_PASTED_QUICK = glance.Marks(
    ("data:", "docs-internal-guid", "**", "+-", "+=", "]{", ":::", "\\\n", "<hr")
)
_DOCS_ANCHOR = r"\bid\s*=\s*[\"']?docs-internal-guid"
# where each picture pasted as data is used: inline, by a reference whose definition is data
# (full, collapsed or shortcut), or as HTML
_DATA_ANCHOR = (
    r"(?m)!\[[^\]\n]*\]\(\s*<?\s*data:"
    r"|!\[[^\]\n]*\]\[([^\]\n]+)\](?=.*?^ {0,3}\[\1\]:\s*<?\s*data:)"
    r"|!\[([^\]\n]+)\](?:\[\])?(?![(\[])(?=.*?^ {0,3}\[\2\]:\s*<?\s*data:)"
    rf"|<img\b{rawtags.before_attribute('src')}[\"']?\s*data:"  # as a browser reads the tag
)
_DATA = re.compile(r"\s*data:(?P<type>[^,;]*)(?P<base64>(?:;[^,]*)*?;base64)?,", re.I)
# ** text ** left as written: a space just inside the opening or the closing asterisks
_SPACED_BOLD = re.compile(r"(?<!\*)\*\*(?P<text>\s+[^*\n]*?\S|\S[^*\n]*?\s+)\*\*(?!\*)")
_GRID = re.compile(r"\+(?::?[-=]{3,}:?\+)+")
# [text]{.underline}, [text]{custom-style="Strong"}: a class, an id or a key=value in braces
_SPAN = re.compile(r"\[(?P<text>[^\]\n]+)\]\{(?P<attrs>[.#][^}\n]*|[\w-]+=[^}\n]*)\}")
_DIV = re.compile(r"(?m)^[ \t]*:{3,}")
# a simple table's row: cells apart by two spaces or more (not two after a sentence's end)
_COLUMNS = re.compile(r"[^\s.!?:;] {2,}\S")
_SPAN_ADVICE = {
    ".underline": "remove [ and ]{{.underline}}: on the web only links are underlined; for "
    "weight write **{text}**",
    ".mark": "write <mark>{text}</mark>",
    ".smallcaps": "remove [ and ]{{.smallcaps}}",
}
_PANDOC = "pandoc's Markdown (what pandoc -t markdown writes of a Word document)"
# a picture's media type, as the extension of its file
_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp"}
_GFM = "convert with pandoc -t gfm, which writes what this site reads"


def _size(count: int) -> str:
    """'2.3 MB', '48 kB', '312 bytes'."""
    if count >= 1_000_000:
        return f"{count / 1_000_000:.1f} MB"
    return f"{count / 1000:.0f} kB" if count >= 1000 else f"{count} bytes"


def _data_picture(src: str) -> tuple[str, str]:
    """What a data: picture is, for a line ('2.3 MB, image/png'), and its file's extension."""
    match = _DATA.match(src)
    if match is None:
        return _size(len(src)), "png"
    payload = src[match.end() :].strip()
    count = (len(payload) * 3 // 4 - payload[-2:].count("=")) if match["base64"] else len(payload)
    kind = match["type"].strip().lower()
    return ", ".join(filter(None, (_size(count), kind))), _EXTENSIONS.get(kind, "png")


def _pasted(
    text: str, soup: BeautifulSoup, blocks: list[str], rst: bool = False, source: str = ""
) -> list[tuple[int, Foreign]]:
    """What writers' tools leave in a post: each picture pasted as data (serious: the page
    leaves it out), Google Docs' clipboard HTML, a bold with a space inside and pandoc's
    idioms (once per file each); ``source``: a Markdown file's text, where its line breaks
    are read."""
    hits: list[tuple[int, Foreign]] = []
    for number, img in enumerate(soup.find_all("img")):
        src = str(img.get("src") or "")
        if not src.lstrip().lower().startswith("data:"):
            continue
        what, extension = _data_picture(src)
        name = "{static}/images/name." + extension
        image = f"write .. image:: {name}" if rst else f"write ![what it shows]({name})"
        hits.append(
            (
                number,  # said first, in the order of the pictures
                Foreign(
                    "",
                    f"a picture is pasted into the file as data ({what}), which the "
                    "page leaves out (a data: address is not allowed in posts); save the picture "
                    f"as a file in content/images/ and {image}",
                    anchor=_DATA_ANCHOR,
                ),
            )
        )
    if any(str(b.get("id") or "").startswith(DOCS_WRAPPER) for b in soup.find_all("b", id=True)):
        hits.append((0, Foreign("", DOCS_PASTED, False, anchor=_DOCS_ANCHOR)))
    spaced = list(_SPACED_BOLD.finditer(text))
    if spaced:
        first = spaced[0]
        hits.append(
            _once(
                first.start(),
                re.escape(first[0].split("\n")[0]),
                f"{_short(first[0])} is shown with its asterisks: a space just inside ** ends "
                "no bold",
                len(spaced),
                f"write **{_short(first['text'].strip())}** (no space inside the asterisks)",
            )
        )
    return hits + _pandoc(text, soup, blocks, source)


def _pandoc(
    text: str, soup: BeautifulSoup, blocks: list[str], source: str = ""
) -> list[tuple[int, Foreign]]:
    """pandoc's idioms Python-Markdown does not read, once per file each kind; its line
    breaks as a Markdown ``source`` writes them, where it is given."""
    hits: list[tuple[int, Foreign]] = []
    grid = _GRID.search(text)
    if grid:
        hits.append(
            _once(
                grid.start(),
                r"^\s*\+:?[-=]{3,}",
                f"a grid table ({_short(grid[0], 20)}) is {_PANDOC}, which this site shows "
                "as a paragraph of its lines",
                sum(1 for block in blocks if _GRID.search(block)),
                f"write a pipe table (| Room | Seats |, then |---|---|, one line a row); {_GFM}",
            )
        )
    simple = [
        rule
        for rule in soup.find_all("hr")
        if not _in_code(rule)
        and any(
            getattr(near, "name", None) == "p" and _COLUMNS.search(_prose_text(near))
            for near in (rule.find_previous_sibling(True), rule.find_next_sibling(True))
        )
    ]
    if simple:
        hits.append(
            _once(
                len(text),  # said after the rest
                r"^\s*-{2,}(?: +-{2,})+\s*$",
                f"a table with a line of dashes under its heads is a simple table of {_PANDOC}, "
                "which this site shows as paragraphs and a rule",
                len(simple),
                f"write a pipe table (| Name | Role |, then |---|---|, one line a row); {_GFM}",
            )
        )
    spans = list(_SPAN.finditer(text))
    if spans:
        first = spans[0]
        advice = _SPAN_ADVICE.get(first["attrs"].strip(), "remove [ and ]{{…}}, keeping the text")
        hits.append(
            _once(
                first.start(),
                r"\]\{" + re.escape(first["attrs"]) + r"\}",
                f"{_short(first[0])} is a span of {_PANDOC}, which this site shows as written",
                len(spans),
                advice.format(text=_short(first["text"])) + f"; {_GFM}",
            )
        )
    divs = list(_DIV.finditer(text))
    if divs:
        hits.append(
            _once(
                divs[0].start(),
                r"^\s*:{3,}",
                f"a ::: line (a Word style kept) is a block of {_PANDOC}, which this site "
                "shows as written",
                len(divs),
                "remove the ::: lines (for a quote, start each of its lines with > ); " + _GFM,
            )
        )
    # the page shows a backslash at a line's end (not in code or math): where the source
    # writes one, a break pandoc reads, those are its lines
    breaks = _line_breaks(source) if source and "\\\n" in text else []
    count = len(breaks) if source else text.count("\\\n")
    if count:
        hits.append(
            _once(
                text.find("\\\n"),
                r"\\\s*$",
                f"a line ending with \\ is a line break of {_PANDOC}, which this site shows "
                "as a backslash",
                count,
                "end the line with two spaces instead (or with <br>)",
                breaks[0] if breaks else 0,
            )
        )
    return hits


# pandoc's line break: a backslash at a line's end, not one a backslash before it escapes
_BREAK = re.compile(r"(?<!\\)(?:\\\\)*\\$")


def _line_breaks(source: str) -> list[int]:
    """The lines of a Markdown source ending in pandoc's line break, the paragraph going on
    after it, in text Markdown reads: not in code, LaTeX math (a formula's ``\\\\``, which
    the advice would break) or an HTML block."""
    written = source.splitlines()
    lines = _without_math(_prose_lines(source, False))
    blocks = rawtags.html_block_lines(written)
    return [
        number
        for number, line in enumerate(lines, 1)
        if _BREAK.search(line)
        and number not in blocks
        and number < len(written)
        and written[number].strip()
    ]


def _without_math(lines: list[str]) -> list[str]:
    """A Markdown source's lines (code blanked) with the LaTeX Markdown keeps as written
    blanked (liquid.MathAsWritten: in a paragraph's text, ``$$`` on lines of its own too),
    columns kept."""
    whole = "\n".join(lines)
    if not _MATH_QUICK.search(whole):
        return lines
    pieces, at = [], 0
    for paragraph in _PARAGRAPH.finditer(whole):
        for match in _math().finditer(paragraph[0]):
            if liquid.is_math(match):
                start = paragraph.start() + match.start()
                pieces += [whole[at:start], _blank(match[0])]
                at = start + len(match[0])
    return ("".join(pieces) + whole[at:]).split("\n")


# a paragraph's lines in a source: those up to a blank one
_PARAGRAPH = re.compile(r"(?:^[^\S\n]*\S[^\n]*(?:\n|\Z))+", re.M)


# Obsidian's idioms (its exports and vaults; GitHub's alerts are its callouts' twins):
# [[Note]], [[Note#Heading|text]] links, ![[file.png|400]] embeds, > [!note] Title callouts
_WIKI = re.compile(
    r"(?P<embed>!?)\[\[(?P<target>[^\[\]|#\n]*)(?:#(?P<heading>[^\[\]|\n]*))?"
    r"(?:\|(?P<text>[^\[\]\n]*))?\]\]"
)
# a POSIX character class as grep, tr and regular expressions write it ([[:alnum:]]) and
# MySQL's word boundaries ([[:<:]]): no note is named so
_POSIX_CLASS = re.compile(r":[^:\s]+:")
_CALLOUT = re.compile(r"\A\s*\[!(?P<kind>[A-Za-z][\w-]*)\][+-]?[ \t]*(?P<title>[^\n]*)")
_PICTURE = frozenset({"png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "heic", "bmp", "tif"})


def _obsidian(text: str, soup: BeautifulSoup, rst: bool = False) -> list[tuple[int, Foreign]]:
    """Obsidian's wiki links and embeds (each: a link is lost, a picture with an embed) and
    its callouts or GitHub's alerts (once per file: the quote is still read)."""
    hits: list[tuple[int, Foreign]] = []
    for match in _WIKI.finditer(text):
        target = match["target"].strip()
        if not target or _POSIX_CLASS.fullmatch(target):
            continue
        written = _short(match[0])
        start = re.escape(match[0][:40])
        if not match["embed"]:
            words = (match["text"] or match["heading"] or target).strip()
            note = target if target.lower().endswith(".md") else target + ".md"
            place = f"{{filename}}{note.replace(' ', '%20')}"
            advice = f"`{words} <{place}>`_" if rst else f"[{words}]({place})"
            said = (
                f"{written} is an Obsidian wiki link, which this site shows as written, "
                f"brackets and all (no link); write {advice} (the note's file, from this "
                "post's folder)"
            )
        elif target.rsplit(".", 1)[-1].lower() in _PICTURE:
            place = f"{{attach}}{target.replace(' ', '%20')}"
            advice = (
                f".. image:: {place}, with :alt: what it shows indented under it"
                if rst
                else f"![what it shows]({place})"
            )
            said = (
                f"{written} is an Obsidian embed, which this site shows as written: the "
                f"picture is not on the page (nor published); write {advice} (the picture's "
                "file, from this post's folder)"
            )
        else:
            said = (
                f"{written} is an Obsidian embed, which this site shows as written: what it "
                "embeds is not on the page; put its text here, or link to it"
            )
        # a link's text is still read (a warning); an embed's picture or text is lost
        hits.append((match.start(), Foreign(start, said, serious=bool(match["embed"]))))
    # Markdown joins quotes one blank line apart into one: each paragraph that opens one
    callouts = [
        block
        for quote in soup.find_all("blockquote")
        if not _in_code(quote)
        for block in quote.find_all(recursive=False)
        if block.name == "p" and _CALLOUT.match(block.get_text())
    ]
    if callouts:
        first = _CALLOUT.match(callouts[0].get_text())
        kind, title = first["kind"].lower(), first["title"].strip()
        written = f"[!{first['kind']}]"
        heading = f' "{title}"' if title else ""
        admonition = f".. {kind}::" if rst else f"!!! {kind}{heading}"
        hits.append(
            _once(
                text.find(written) if written in text else len(text),
                r"^\s*>\s*\[![A-Za-z]",
                f"> {written} is a callout (Obsidian's, or GitHub's alert), which this site "
                f"shows as a quote starting with {written}",
                len(callouts),
                f"write the admonition {admonition}, its text on the lines after it indented "
                "by four spaces, or remove the marker for a plain quote",
            )
        )
    return hits


# CommonMark's escapable characters: every ASCII punctuation mark. Python-Markdown escapes
# fewer, and shows the backslash of the rest: pandoc writes Q\&A, 50\% off, user\@example.com,
# \~, \=, \$, \^ (and Turndown, in Obsidian's and Notion's paste, \= and \~)
COMMONMARK_ESCAPES = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"


class EscapesExtension(Extension):
    r"""A backslash before any ASCII punctuation mark shows the mark alone, as CommonMark,
    GitHub and pandoc read it (Python-Markdown's public ``md.ESCAPED_CHARS``, on this
    converter only): ``\@`` is ``@``, ``\<b\>`` is ``<b>`` as text."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.ESCAPED_CHARS = [
            *md.ESCAPED_CHARS,
            *(c for c in COMMONMARK_ESCAPES if c not in md.ESCAPED_CHARS),
        ]


# what a reStructuredText post writes for PyMdown's marks (it has a role for subscripts only)
_RST_MARKS = {
    "mark": "remove the marks, or write **{text}** (reStructuredText has no highlighted text)",
    "sub": "write :sub:`{text}`",
    "ins": "remove the marks, or write *{text}* (reStructuredText has no inserted text)",
}


def _once(
    at: int, start: str, said: str, places: int, advice: str, line: int = 0
) -> tuple[int, Foreign]:
    """One warning for every place of a kind in a file (the text stays readable as written),
    at its first place ``at`` (``line``: its line, where the source was read): what it is,
    how many more places, what to write."""
    return at, Foreign(start, f"{said}{_also(places - 1)}; {advice}", False, line=line)


def has_jekyll(html: str) -> bool:
    """Whether a body's HTML may hold Jekyll's Liquid (a quick look: most posts do not)."""
    return _JEKYLL.search(html) is not None


def jekyll(
    html: str, converted: Sequence[str], source: str, fmt: str = "markdown"
) -> tuple[int | None, str] | None:
    """Jekyll's own Liquid in a post, once per file: the line of its first place in the
    source (None where it cannot be told) and what to say of it, in the post's format
    ``fmt``. ``converted``: the ``{% highlight %}`` tags liquid.py made code blocks of; else
    only Liquid shown as text (outside code) counts, so a post about Jekyll with its tags in
    code says nothing."""
    soup = BeautifulSoup(html, "html.parser") if has_jekyll(html) else None
    shown = (
        [
            match
            for node in soup.find_all(string=True)
            if not isinstance(node, Comment) and not _in_code(node)
            for match in _JEKYLL.finditer(str(node))
        ]
        if soup is not None
        else []
    )
    if not shown and not converted:
        return None
    # where each is written: the source's lines outside code blocks and `code`
    places: list[tuple[int | None, re.Match[str]]] = []
    in_highlight = False  # the code of a highlight block is code
    rst = fmt == "rst"
    for number, line in enumerate(_prose_lines(source, rst, fmt == "markdown"), 1):
        if not rst and in_highlight and not liquid.END_HIGHLIGHT.match(line):
            continue
        in_highlight = bool(liquid.HIGHLIGHT.match(line))
        places += [(number, match) for match in _JEKYLL.finditer(line)]
    if not places:
        places = [(None, match) for match in shown]
    if not places:  # converted only, and not found again: said without a line
        return None, _jekyll_message(converted[0], "highlight", "", len(converted) - 1, True)
    # a closing tag is its opening one's: counted once
    count = sum(1 for _, match in places if not (match["tag"] or "").startswith("end"))
    number, first = places[0]
    name = first["tag"] or first["object"]
    written = " ".join(first[0].split())
    return number, _jekyll_message(
        written, name, first[0], max(count - 1, 0), written in converted, rst
    )


def _jekyll_message(
    written: str, name: str, raw: str, more: int, converted: bool, rst: bool = False
) -> str:
    """What to say of the first Jekyll Liquid of a file, in the post's format."""
    base = name.removeprefix("end").removesuffix("_relative")
    advices = _JEKYLL_ADVICE_RST if rst else _JEKYLL_ADVICE
    if base == "highlight":
        lang = re.match(r"\{%-?\s*highlight\s+([\w+#.-]+)", written)
        advice = advices["highlight"].replace("{lang}", lang[1] if lang else "")
        if converted:
            return (
                f"{_short(written)} … {{% endhighlight %}} is Jekyll's Liquid: this site shows "
                f"it as a code block{_also(more)}, but {advice}"
            )
    elif base in advices:
        advice = advices[base]
    elif re.match(r"\{\{-?\s*page\.title\b", raw):
        advice = "remove it: the theme shows the post's title"
    else:
        link = _link("its title", "{filename}/posts/x.rst" if rst else "{filename}/posts/x.md", rst)
        advice = f"write what it stood for (a link to another post as {link})"
    return (
        f"{_short(written)} is Jekyll's Liquid, which this site does not run: it is shown as "
        f"written{_also(more)}; {advice}"
    )


def wordpress_code(shortcodes: Sequence[str], source: str) -> tuple[int | None, str]:
    """What to say of WordPress's code shortcodes shown as code blocks (liquid.py), once per
    file: the line of the first in ``source`` and the fenced block to write instead."""
    first = shortcodes[0]
    number = next(
        (n for n, line in enumerate(source.splitlines(), 1) if " ".join(line.split()) == first),
        None,
    )
    lang = re.search(r"""=\s*["']?([\w+#.-]+)""", first)
    tag = re.match(r"\[(\w+)", first)
    return number, (
        f"{_short(first)} … [/{tag[1] if tag else 'code'}] is WordPress's code shortcode: this "
        f"site shows it as a code block{_also(len(shortcodes) - 1)}, but write it as Markdown "
        f"does, a fenced block: ```{lang[1].lower() if lang else ''} on the line before the "
        "code and ``` on the line after it"
    )


def _also(more: int) -> str:
    """' (and 2 more places in this file)', '' for none."""
    return f" (and {more} more place{'s' if more > 1 else ''} in this file)" if more else ""


def _short(written: str, limit: int = 60) -> str:
    return written if len(written) <= limit else written[: limit - 1] + "…"


def lines_of(found_: list[Foreign], source: str, fmt: str = "markdown") -> list[int | None]:
    """The line of the source each piece starts on (in order: a second piece of the same
    kind is looked for after the first one's line), None where it cannot be told; ``fmt``:
    the source's format ("markdown", "rst" or "html")."""
    rst = fmt == "rst"
    lines = _prose_lines(source, rst, fmt == "markdown")
    if rst:  # a raw HTML block is not code there
        whole = "\n".join(lines)
    else:  # for anchors: fenced code blanked only (an HTML block's lines may be indented)
        # in an HTML file ``` and ~~~ lines are no fences
        fenced = codeblocks.fenced_code(source.splitlines())[0] if fmt == "markdown" else set()
        whole = "\n".join(
            "" if index in fenced else line for index, line in enumerate(source.splitlines())
        )
    numbers: list[int | None] = []
    after: dict[str, int] = {}
    prose: list[str] | None = None  # the lines without their math, once a piece needs them
    for piece in found_:
        if piece.line:
            numbers.append(piece.line)
            continue
        if piece.anchor:
            match = re.compile(piece.anchor, re.I | re.S).search(whole, after.get(piece.anchor, 0))
            if match is not None:
                after[piece.anchor] = match.end()
            numbers.append(whole.count("\n", 0, match.start()) + 1 if match else None)
            continue
        pattern = re.compile(piece.start)
        start = after.get(piece.start, 0)
        searched = lines
        if fmt == "markdown" and not piece.math:  # not in a formula: its \\ and {…} are LaTeX
            prose = _without_math(lines) if prose is None else prose
            searched = prose
        number = next(
            (n for n in range(start, len(searched)) if pattern.search(searched[n])),
            None,
        )
        if number is not None:
            after[piece.start] = number + 1
        numbers.append(number + 1 if number is not None else None)
    return numbers


def _prose_lines(source: str, rst: bool, markdown: bool = True) -> list[str]:
    """The source's lines with its code blanked (numbers kept): the HTML's was not looked at;
    a reStructuredText source's backslash escapes are read too (``\\alpha`` is shown
    ``\alpha``, ``\\Sigma`` ``Sigma``), as the HTML shows them. ``markdown``: its ``` and ~~~
    lines are fences (in an HTML file they are not)."""
    if rst:
        return _rst_prose(source)
    if not markdown:  # HTML's code is its <pre> and <code>: an indented line or a ` is text
        return _HTML_CODE.sub(lambda m: _blank(m[0]), source).splitlines()
    lines = source.splitlines()
    code = codeblocks.fenced_code(lines)[0] | _indented_code(lines)
    return rawtags.lines_without_code_spans(
        ["" if index in code else line for index, line in enumerate(lines)]
    )


_LIST_ITEM = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]")


def _indented_code(lines: list[str]) -> set[int]:
    """The indexes of a Markdown source's lines in indented code blocks: a block after a
    blank line, indented four spaces or a tab (eight in a list, whose paragraphs and items
    indented four are the list's), and the indented lines after it."""
    code: set[int] = set()
    blank, in_list, in_code = True, False, False
    for index, line in enumerate(lines):
        if not line.strip():
            blank = True
            continue
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        margin = 8 if in_list else 4
        if (in_code or blank) and indent >= margin:
            in_code = True
            code.add(index)
        else:
            in_code = False
            if indent < 4 and (blank or _LIST_ITEM.match(line)):
                in_list = _LIST_ITEM.match(line) is not None
        blank = False
    return code


# code in an HTML file's source, as _CODE_TAGS
_HTML_CODE = re.compile(r"<(pre|code|tt|kbd|samp)\b[^>]*>.*?</\1\s*>", re.S | re.I)


def _rst_prose(source: str) -> list[str]:
    """A reStructuredText source's lines with its literal blocks (after a paragraph ending in
    ``::``), code and math directives, comments, inline literals and code roles blanked, and
    its backslash escapes read."""
    lines = source.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        block = _RST_CODE_BLOCK.match(line)
        literal = not block and not line.lstrip().startswith("..") and line.rstrip().endswith("::")
        if not block and not literal:
            index += 1
            continue
        margin = len(line) - len(line.lstrip())
        if block:
            lines[index] = ""  # a directive's arguments, a comment's first line
        index += 1
        # its block: the lines indented further, and the blank ones among them
        while index < len(lines) and (
            not lines[index].strip() or len(lines[index]) - len(lines[index].lstrip()) > margin
        ):
            lines[index] = ""
            index += 1
    text = _RST_INLINE_CODE.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), "\n".join(lines))
    return [
        _RST_ESCAPE.sub(lambda m: "" if m[1].isspace() else m[1], line) for line in text.split("\n")
    ]
