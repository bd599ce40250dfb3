"""What a theme template writes inline, which the site's Content-Security-Policy blocks: a
``<script>`` with no ``src`` (JSON data blocks are fine), a ``<style>`` element, a ``style=``
or ``on…=`` attribute, a ``javascript:`` link. Development builds send no policy, so such a
line works in ``make serve`` and fails only for readers of the published site; the templates
are read as text and each such line is named. Posts never reach this: the sanitiser removes
the same things from them.

Pure: no Pelican.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.S)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
# a start tag, its attributes up to '>' (a '>' inside a Jinja expression is skipped whole)
_TAG = re.compile(
    r"<(?P<name>[a-zA-Z][a-zA-Z0-9-]*)(?P<attrs>(?:\{\{.*?\}\}|\{%.*?%\}|[^>])*)>", re.S
)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?(?P<type>[^"'\s>]+)""", re.I)
_STYLE_ATTR = re.compile(r"""\sstyle\s*=""", re.I)
_HANDLER = re.compile(r"""\s(?P<name>on[a-z]+)\s*=""", re.I)
_JS_URL = re.compile(r"""\s(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:""", re.I)


class Inline(NamedTuple):
    """One thing a template writes inline: its line (1-based) and what it is."""

    line: int
    what: str
    directive: str


def _blank(match: re.Match) -> str:
    """A comment's text as blank lines: the lines after it keep their numbers."""
    return "\n" * match.group(0).count("\n")


def inline_code(template: str) -> list[Inline]:
    """Everything a template's text writes inline that a strict policy blocks."""
    text = _JINJA_COMMENT.sub(_blank, template)
    text = _HTML_COMMENT.sub(_blank, text)
    found = []
    for tag in _TAG.finditer(text):
        name, attrs = tag["name"].lower(), tag["attrs"]
        line = text.count("\n", 0, tag.start()) + 1
        kind = _TYPE.search(attrs)
        if name == "script" and not _SRC.search(attrs):
            if not (kind and "json" in kind["type"].lower()):  # JSON-LD is data, not script
                found.append(Inline(line, "a <script> with its code inline", "script-src"))
        elif name == "style":
            found.append(Inline(line, "a <style> element", "style-src"))
        if _STYLE_ATTR.search(attrs):
            found.append(Inline(line, f"a style= attribute on <{name}>", "style-src"))
        for handler in _HANDLER.finditer(attrs):
            found.append(
                Inline(line, f"an {handler['name'].lower()}= attribute on <{name}>", "script-src")
            )
        if _JS_URL.search(attrs):
            found.append(Inline(line, f"a javascript: link on <{name}>", "script-src"))
    return found
