"""reStructuredText written as HTML5: docutils' ``html5_polyglot`` writer, which Pelican's
``RstReader`` takes in place of its html4css1 one (``writer_class``, the way Pelican's
documentation gives to change it).

html4css1 writes an SVG image as ``<object data=… type="image/svg+xml">alt</object>``, a video
as ``<object>`` too, and sizes as a ``style``: the sanitiser removes all three (docs/sanitising.md),
and the page showed the alt text alone. The HTML5 writer writes ``<img src alt width
height>`` for SVG as for any image, ``<video>``, and ``<figure>``/``<figcaption>`` for a figure.
Math (``:math:``, ``.. math::``) is written as MathML, which browsers typeset themselves (no
script, no style: the site's Content-Security-Policy holds) and the sanitiser keeps.
"""

from typing import ClassVar

from docutils import nodes
from docutils.writers import html5_polyglot


class Translator(html5_polyglot.HTMLTranslator):
    """docutils' HTML5 translator with what Pelican's own adds to html4css1's."""

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

    def __init__(self) -> None:
        super().__init__()
        self.translator_class = Translator
