"""What a theme template writes inline, which the site's Content-Security-Policy blocks: a
``<script>`` with no ``src`` (JSON data blocks are fine), a ``<style>`` element, a ``style=``
or ``on…=`` attribute, a ``javascript:`` link. Development builds send no policy, so such a
line works in ``make serve`` and fails only for readers of the published site; the templates
are read as text and each such line is named. Posts never reach this: the sanitiser removes
the same things from them. What each template holds is kept in the build's cache by a digest
of its bytes (``in_templates``): a build with the theme unchanged scans none.

Pure: no Pelican.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from plugins.engine import files

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


def _scanner() -> str:
    """A digest of this module: findings kept by another version of it are not reused."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def _kept(kept: Path, scanner: str) -> dict[str, list]:
    """{template path: [digest of its bytes, findings]} as the last build kept them; nothing
    for a file that is missing, damaged or kept by another scanner."""
    try:
        entry = json.loads(kept.read_bytes())
        if entry["scanner"] == scanner and isinstance(entry["files"], dict):
            return entry["files"]
    except (OSError, ValueError, KeyError, TypeError):
        pass  # none yet, or damaged: every template is scanned
    return {}


def _found(entry: object, digest: str) -> list[Inline] | None:
    """A kept entry's findings when it was kept for these bytes, else None."""
    try:
        kept_digest, found = entry
        if kept_digest == digest:
            return [Inline(int(line), str(what), str(directive)) for line, what, directive in found]
    except (TypeError, ValueError):
        pass
    return None


def in_templates(
    paths: Iterable[Path],
    kept: Path | None,
    scan: Callable[[str], list[Inline]] = inline_code,
) -> list[tuple[Path, list[Inline]]]:
    """``scan`` (``inline_code``) of each template file, in order; a file that cannot be read
    or is not UTF-8 is left out (Jinja names it). With ``kept`` (a JSON file in the build's
    cache) the findings are kept by a digest of each file's bytes, so a build with the
    templates unchanged scans none (51 templates: 6-8 ms); a kept file that is missing or
    damaged scans them all, one that cannot be written only leaves the next build slower."""
    scanner = _scanner()
    before = _kept(kept, scanner) if kept is not None else {}
    now: dict[str, list] = {}
    result = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        digest = hashlib.sha256(data).hexdigest()
        found = _found(before.get(str(path)), digest)
        if found is None:
            try:  # as read_text reads it: newlines made \n, lines numbered alike
                found = scan(io.TextIOWrapper(io.BytesIO(data), encoding="utf-8").read())
            except UnicodeDecodeError:
                continue
        now[str(path)] = [digest, [list(code) for code in found]]
        result.append((path, found))
    if kept is not None and now != before:
        with contextlib.suppress(OSError):  # a cache that cannot be written: scanned again
            kept.parent.mkdir(parents=True, exist_ok=True)
            files.write_atomically(kept, json.dumps({"scanner": scanner, "files": now}))
    return result
