r"""reStructuredText written as HTML5: docutils' ``html5_polyglot`` writer, which Pelican's
``RstReader`` takes in place of its html4css1 one (``writer_class``, the way Pelican's
documentation gives to change it).

html4css1 writes an SVG image as ``<object data=… type="image/svg+xml">alt</object>``, a video
as ``<object>`` too, and sizes as a ``style``: the sanitiser removes all three (docs/sanitising.md),
and the page showed the alt text alone. The HTML5 writer writes ``<img src alt width
height>`` for SVG as for any image, ``<video>``, and ``<figure>``/``<figcaption>`` for a figure.
Math (``:math:``, ``.. math::``) is written as MathML, which browsers typeset themselves (no
script, no style: the site's Content-Security-Policy holds) and the sanitiser keeps. A formula
docutils cannot write as MathML (``\color``, ``\cancel``, ``\tag``) is shown as written, in
``<code class="math">`` (``<pre class="math">`` for ``.. math::``), and kept in the writer's
``as_written`` for the reader to say; docutils would stop at it, and the whole post was left
out of the build.
"""

from typing import ClassVar

from docutils import nodes
from docutils.utils import get_source_line
from docutils.utils.math import MathError, latex2mathml, unichar2tex
from docutils.writers import html5_polyglot

# a formula shown as written: (its line, or None; the LaTeX as written; docutils' reason)
AsWritten = tuple[int | None, str, str]


class Translator(html5_polyglot.HTMLTranslator):
    """docutils' HTML5 translator with what Pelican's own adds to html4css1's."""

    def __init__(self, document: nodes.document) -> None:
        super().__init__(document)
        self.as_written: list[AsWritten] = []

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
            except MathError as exc:
                self.as_written.append((get_source_line(node)[1], written, str(exc)))
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
        use its address), which blogcore's check of alt text names."""
        node["alt"] = node.get("alt", "")
        super().visit_image(node)


class Writer(html5_polyglot.Writer):
    """docutils' HTML5 writer with the translator above."""

    # math as MathML, which browsers typeset (docutils' HTML needs a style sheet of its own,
    # math.css, that a post's body never gets: a fraction was a line of text, (-b ± √(…))/(2a));
    # a site's DOCUTILS_SETTINGS still decides (docutils' SettingsSpec: a default a component
    # gives)
    settings_default_overrides: ClassVar[dict[str, str]] = {"math_output": "MathML"}

    def __init__(self, as_written: list[AsWritten] | None = None) -> None:
        super().__init__()
        self.translator_class = Translator
        # where the formulas shown as written go (a reader's list: Pelican makes the writer)
        self.as_written = [] if as_written is None else as_written

    def translate(self) -> None:
        super().translate()
        self.as_written += self.visitor.as_written
