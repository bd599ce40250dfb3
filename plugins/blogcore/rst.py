r"""reStructuredText written as HTML5: docutils' ``html5_polyglot`` writer, which Pelican's
``RstReader`` takes in place of its html4css1 one (``writer_class``, the way Pelican's
documentation gives to change it).

html4css1 writes an SVG image as ``<object data=… type="image/svg+xml">alt</object>``, a video
as ``<object>`` too, and sizes as a ``style``: the sanitiser removes all three (docs/sanitising.md),
and the page showed the alt text alone. The HTML5 writer writes ``<img src alt width
height>`` for SVG as for any image, ``<video>``, and ``<figure>``/``<figcaption>`` for a figure.
Math (``:math:``, ``.. math::``) is written as MathML, which browsers typeset themselves (no
script, no style: the site's Content-Security-Policy holds) and the sanitiser keeps, even where
``math_output`` asks for MathJax (the render_math plugin sets it). A formula
docutils cannot write as MathML (``\color``, ``\cancel``, ``\tag``; ``_2``, a subscript with
nothing before it, on which its converter fails with an IndexError) is shown as written, in
``<code class="math">`` (``<pre class="math">`` for ``.. math::``), and kept in the writer's
``as_written`` for the reader to say; docutils would stop at it, and the whole post was left
out of the build. ``:scale:`` on an image or figure is given the picture's size, read from the
content folder here (docutils reads it only with file insertion on, and stopped at it); a
picture it cannot measure is shown unscaled and kept in ``unscaled`` for the reader to say.
"""

import functools
import os
import pkgutil
import posixpath
import re
import warnings
from typing import ClassVar
from urllib.parse import unquote, urlparse

from docutils import nodes
from docutils.parsers.rst import languages as rst_languages
from docutils.parsers.rst.languages import get_language
from docutils.utils import get_source_line
from docutils.utils.math import MathError, latex2mathml, unichar2tex
from docutils.writers import html5_polyglot
from PIL import Image, UnidentifiedImageError

from plugins.engine import heif

# a formula shown as written: (its line, or None; the LaTeX as written; why, from docutils'
# words where it has them; what to write instead)
AsWritten = tuple[int | None, str, str, str]
# a picture shown unscaled: (its line, or None; its address as written; why)
Unscaled = tuple[int | None, str, str]
# Pelican's marks before a path in the content folder ({static}/images/x.png, |static|x.png)
_CONTENT_LINK = re.compile(r"^(?:\{(?:static|attach|filename)\}|\|(?:static|attach|filename)\|)")
# a sub- or superscript with nothing before it (_2, ^{+}, {_2}): docutils' converter fails on it
# with an IndexError of its own, not a MathError
_NO_BASE = re.compile(r"(?:^|\{)\s*(?P<script>[_^](?:\s*\{[^{}]*\}|\s*\\[A-Za-z]+|\s*\S)?)")
# a key written in the text, where Pelican does not read it: (its line, or None; the field's
# name, or "" for a paragraph of one line; its value; as written)
BodyKey = tuple[int | None, str, str, str]
# EXIF orientations that turn a picture a quarter (its published copy is upright)
_QUARTER_TURNS = frozenset({5, 6, 7, 8})


def picture_file(uri: str, source: str, content: str) -> str | None:
    """The file of the content folder an image's address names, as Pelican resolves it
    (``{static}/images/x.png`` and ``/images/x.png`` from the content folder, ``x.png`` and
    ``{attach}x.png`` from the post's own folder); None for another host's or a file outside
    the content folder."""
    linked = _CONTENT_LINK.match(uri)
    path = uri[linked.end() :] if linked else uri
    parsed = urlparse(path)
    if parsed.scheme or parsed.netloc or not parsed.path:
        return None
    path = unquote(parsed.path)
    root = os.path.realpath(content)
    if path.startswith("/"):
        candidate = os.path.join(root, path.lstrip("/"))
    else:
        candidate = os.path.join(os.path.dirname(os.path.realpath(source)), path)
    candidate = os.path.realpath(posixpath.normpath(candidate))
    if os.path.commonpath([root, candidate]) != root or not os.path.isfile(candidate):
        return None
    return candidate


def picture_size(path: str) -> tuple[int, int] | None:
    """A picture's width and height as published (upright), from its header; None when it is
    no picture Pillow reads (an SVG, a video)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a very large picture: only its header is read
            with _opened(path) as image:
                width, height = image.size
                if image.getexif().get(0x0112) in _QUARTER_TURNS:
                    width, height = height, width
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    return width, height


def _opened(path: str) -> Image.Image:
    try:
        return Image.open(path)
    except UnidentifiedImageError:
        # a HEIC photo: pillow-heif's reader is loaded when first needed (engine/heif.py)
        if not heif.newly_registered():
            raise
        return Image.open(path)


def unwritable(latex: str, exc: Exception) -> tuple[str, str]:
    """Why docutils cannot write a formula as MathML, and what to write instead: its own words
    for LaTeX it does not know (a MathError); a sub- or superscript with nothing before it, on
    which its converter fails with an IndexError (N\\ :math:`_2`\\ H, written for N₂H);
    any other failure of the converter named as such."""
    if isinstance(exc, MathError):
        return str(exc), "write the formula without it"
    found = _NO_BASE.search(latex)
    if found:
        script = found["script"]
        kind = "subscript" if script.startswith("_") else "superscript"
        return (
            f"the {kind} {script} has nothing before it",
            f"give it an empty group to stand on: {{}}{script}",
        )
    return (
        f"docutils' MathML converter fails on it ({type(exc).__name__})",
        "correct the formula",
    )


def language_note(lang: str, docutils_settings: dict | None) -> str:
    """What a site whose DEFAULT_LANG docutils has no words for is to know ("" when it has,
    or when DOCUTILS_SETTINGS gives a language_code): the words docutils writes itself (a
    note's title, a table of contents') are in English, where a regional variant it has, or
    a title of one's own, would give the site's (Pelican's own line named neither the
    setting nor what to do, and is left out: SAID_BETTER)."""
    if (docutils_settings or {}).get("language_code") or get_language(lang):
        return ""
    base = lang.lower().replace("_", "-").split("-")[0]
    variants = [
        module.name.replace("_", "-")
        for module in pkgutil.iter_modules(rst_languages.__path__)
        if module.name.startswith(f"{base}_")
    ]
    said = (
        f"DEFAULT_LANG {lang!r} is a language docutils has no words for, so the words it "
        "writes itself in a reStructuredText post (the title of a note or a warning, of a "
        "table of contents) are in English; "
    )
    if variants:
        return said + (
            f"docutils has {' and '.join(variants)}: set DOCUTILS_SETTINGS = "
            f"{{'language_code': {variants[0]!r}}} in pelicanconf.py"
        )
    return said + "give such a title yourself (.. admonition:: with a title of your words)"


class Translator(html5_polyglot.HTMLTranslator):
    """docutils' HTML5 translator with what Pelican's own adds to html4css1's."""

    def __init__(self, document: nodes.document, content: str | None = None) -> None:
        super().__init__(document)
        self.as_written: list[AsWritten] = []
        self.unscaled: list[Unscaled] = []
        self.content = content  # the content folder, where pictures are read from
        # MathJax (what render_math sets, unless DOCUTILS_SETTINGS names another) is a script
        # this site never loads (no third-party scripts): its LaTeX was shown as written, and
        # the reader then asked for the :math: already there. MathML needs no script.
        if self.math_output == "mathjax":
            self.math_output, self.math_options = "mathml", ""

    def visit_math(self, node: nodes.Element) -> None:
        """Math as MathML; a formula docutils' own converter cannot write shown as written
        (docutils reports it as a warning, which Pelican's halt_level makes the post's end).
        Also called for ``.. math::`` (``visit_math_block``)."""
        if self.math_output == "mathml" and not self.math_options:  # its own converter
            block = isinstance(node, nodes.math_block)
            written = node.astext()
            try:
                latex = written.translate(unichar2tex.uni2tex_table)  # as docutils does
                latex2mathml.tex2mathml(latex, as_block=block)
            except Exception as exc:  # any failure of its converter, not only
                # MathError: an IndexError for _2 left the whole post out of the build
                reason, advice = unwritable(latex, exc)
                self.as_written.append((get_source_line(node)[1], written, reason, advice))
                if block:
                    self.body.append(self.starttag(node, "pre", "", CLASS="math", tabindex="0"))
                    self.body.append(f"{self.encode(written)}</pre>\n")
                else:
                    self.body.append(self.starttag(node, "code", "", CLASS="math"))
                    self.body.append(f"{self.encode(written)}</code>")
                raise nodes.SkipChildren from None
        super().visit_math(node)

    def visit_abbreviation(self, node: nodes.Element) -> None:
        """Pelican's ``:abbr:`HTML (HyperText Markup Language)``` role: the words as a title."""
        attributes = {"title": node["explanation"]} if node.hasattr("explanation") else {}
        self.body.append(self.starttag(node, "abbr", "", **attributes))

    def visit_image(self, node: nodes.Element) -> None:
        """An image without ``:alt:`` gets an empty alt, as with Pelican's (docutils would
        use its address), which blogcore's check of alt text names.

        ``:scale: 50 %`` without both ``:width:`` and ``:height:``: docutils reads the
        picture's size itself only when reading files is on (it is off: blogcore's
        DOCUTILS_SETTINGS), stopped at it, and the post was left out. The size is read here,
        from a picture of the content folder only, and given to docutils as it would have read
        it; one it cannot read is shown unscaled, kept in ``unscaled`` for the reader to say."""
        node["alt"] = node.get("alt", "")
        if "scale" in node and not ("width" in node and "height" in node):
            uri = node["uri"]
            source = self.document.get("source") or ""
            found = picture_file(uri, source, self.content) if self.content else None
            size = picture_size(found) if found else None
            if size is None:
                why = (
                    "it names no file of the content folder"
                    if not found
                    else "its size cannot be read (no picture Pillow reads: an SVG, a video)"
                )
                self.unscaled.append((get_source_line(node)[1], uri, why))
                del node["scale"]
            else:
                for dimension, value in zip(("width", "height"), size, strict=True):
                    node.setdefault(dimension, str(value))  # unitless: pixels, as docutils'
        super().visit_image(node)


class Writer(html5_polyglot.Writer):
    """docutils' HTML5 writer with the translator above."""

    # math as MathML, which browsers typeset (docutils' HTML needs a style sheet of its own,
    # math.css, that a post's body never gets: a fraction was a line of text, (-b ± √(…))/(2a));
    # a site's DOCUTILS_SETTINGS still decides (docutils' SettingsSpec: a default a component
    # gives)
    settings_default_overrides: ClassVar[dict[str, str]] = {"math_output": "MathML"}

    def __init__(
        self,
        as_written: list[AsWritten] | None = None,
        unscaled: list[Unscaled] | None = None,
        content: str | None = None,
        headings: list[str] | None = None,
        body_keys: list[BodyKey] | None = None,
    ) -> None:
        super().__init__()
        self.translator_class = functools.partial(Translator, content=content)
        # where the formulas shown as written and the pictures shown unscaled go (a reader's
        # lists: Pelican makes the writer)
        self.as_written = [] if as_written is None else as_written
        self.unscaled = [] if unscaled is None else unscaled
        # the headings of the top level when docutils took none as the title (several)
        self.headings = [] if headings is None else headings
        # the fields and one-line paragraphs of the text, below the document's own fields
        self.body_keys = [] if body_keys is None else body_keys

    def translate(self) -> None:
        super().translate()
        self.as_written += self.visitor.as_written
        self.unscaled += self.visitor.unscaled
        self.headings += top_headings(self.document)
        self.body_keys += keys_in_text(self.document)


def keys_in_text(document: nodes.document) -> list[BodyKey]:
    """What may be a key written in the text, where Pelican reads none (it reads the fields
    right under the title, docutils' docinfo): each field of a field list further down
    (``:status: draft`` after a paragraph), and each paragraph that is one line of plain
    text (``Status: draft``, as Markdown's front matter is written)."""
    found: list[BodyKey] = []
    for node in document.findall(nodes.field):
        if isinstance(node.parent, nodes.docinfo) or len(node) < 2:
            continue
        name, value = node[0].astext().strip(), node[1].astext().strip()
        found.append((get_source_line(node)[1], name.lower(), value, f":{name}: {value}"))
    for node in document.findall(nodes.paragraph):
        written = node.astext()
        if len(node) == 1 and isinstance(node[0], nodes.Text) and "\n" not in written.strip():
            found.append((get_source_line(node)[1], "", "", written.strip()))
    return found


def top_headings(document: nodes.document) -> list[str]:
    """The headings of a document's top level when docutils took none of them as its title
    (it takes one only when it stands alone there, above all others); [] when it took one."""
    if document.first_child_matching_class(nodes.title) is not None:
        return []
    return [
        child[0].astext()
        for child in document.children
        if isinstance(child, nodes.section) and child.children
    ]
