"""Front matter fenced with ``---`` lines (Jekyll's, Hugo's), read as YAML means it; and
Hugo's fenced with ``+++`` lines, read as TOML.

Python-Markdown's meta extension reads such a block line by line as ``Key: value`` and keeps
what YAML would not: ``title: "A: B"`` kept its quotes, ``tags: [a, b]`` gave the tags ``[a``
and ``b]``, a block list or a ``|`` block ended the front matter. A preprocessor that runs
just before it (through the extension API) rewrites the block into the lines it reads as
meant (fenced.py: yamlvalues.py reads the YAML, with PyYAML; tomlvalues.py the TOML, with
tomllib; the meta extension knows no +++ fence). Front matter without the fence is Pelican's,
and is left as written.
"""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from .fenced import FencedFrontMatterError, front_matter_lines
from .frontmatter import KNOWN_KEYS, FrontMatterError

# Python-Markdown's meta preprocessor runs at 27: this one just before it
PRIORITY = 28


class YamlFrontMatter(Preprocessor):
    """The fenced front matter's lines, as YAML (or TOML) means them, for the meta
    preprocessor."""

    def run(self, lines: list[str]) -> list[str]:
        """Rewrite the block, only while the meta step reads one (Pelican removes it while
        it converts a Summary, whose text may start with ---)."""
        if "meta" not in self.md.preprocessors:
            return lines
        try:
            return front_matter_lines(lines, KNOWN_KEYS)
        except FencedFrontMatterError as exc:
            # the reader names the file before it: one line, and the file is left out
            raise FrontMatterError(str(exc)) from None


class YamlFrontMatterExtension(Extension):
    """Registers YamlFrontMatter before Python-Markdown's meta preprocessor."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(YamlFrontMatter(md), "yaml_front_matter", PRIORITY)
