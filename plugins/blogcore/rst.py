"""reStructuredText written as HTML5: docutils' ``html5_polyglot`` writer, which Pelican's
``RstReader`` takes in place of its html4css1 one (``writer_class``, the way Pelican's
documentation gives to change it).

html4css1 writes an SVG image as ``<object data=… type="image/svg+xml">alt</object>``, a video
as ``<object>`` too, and sizes as a ``style``: the sanitiser removes all three (docs/sanitising.md),
and the page showed the alt text alone. The HTML5 writer writes ``<img src alt width
height>`` for SVG as for any image, ``<video>``, and ``<figure>``/``<figcaption>`` for a figure.
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

    # math as html4css1 wrote it (HTML, <span class="formula">): the HTML5 writer's MathML
    # would be removed by the sanitiser, which keeps no <math>; a site's DOCUTILS_SETTINGS
    # still decides (docutils' SettingsSpec: a default a component gives)
    settings_default_overrides: ClassVar[dict[str, str]] = {"math_output": "HTML"}

    def __init__(self) -> None:
        super().__init__()
        self.translator_class = Translator
