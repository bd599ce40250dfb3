"""The links Pelican resolves in a post's text (``{filename}``, ``{static}``, ``{attach}``):
its own pattern around ``INTRASITE_LINK_REGEX`` (pelican/contents.py), so that every plugin
finds exactly the links Pelican will resolve, one way. blogcore checks and resolves them
(``plugins.blogcore.links``); fastbuild keys the ``{attach}`` links of each post, which
move a file beside it (``attach_values``).

Pure: no Pelican import.
"""

import re

# the attributes whose value Pelican reads as a link
ATTRIBUTES = r"(?:href|src|poster|data|cite|formaction|action|content)"
# Pelican's start of a tag: greedy, so its pattern takes the last link of a tag
TAG_START = r"<[^\>]+"


def link_pattern(intrasite_regex: str) -> re.Pattern:
    """The regular expression Pelican replaces links with, for INTRASITE_LINK_REGEX."""
    return re.compile(
        rf"""(?P<markup>{TAG_START}{ATTRIBUTES}\s*=\s*)
        (?P<quote>["\'])
        (?P<path>{intrasite_regex}(?P<value>.*?))
        (?P=quote)""",
        re.X,
    )


def attach_values(html: str, pattern: re.Pattern) -> set[str]:
    """The value (path, query, fragment) of each ``{attach}`` link Pelican's ``pattern``
    (``link_pattern``) resolves in ``html``, as written."""
    return {m.group("value") for m in pattern.finditer(html) if m.group("what") == "attach"}
