"""Front matter fenced with ``---`` lines (Jekyll's, Hugo's), read as YAML means it.

Python-Markdown's meta extension reads such a block line by line as ``Key: value`` and keeps
what YAML would not: ``title: "A: B"`` kept its quotes, ``tags: [a, b]`` gave the tags ``[a``
and ``b]``. A preprocessor that runs just before it (through the extension API) rewrites the
block's lines into the ones it reads as meant (frontmatter.yaml_front_matter). Front matter
without the fence is Pelican's, and is left as written.
"""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from .frontmatter import yaml_front_matter

# Python-Markdown's meta preprocessor runs at 27: this one just before it
PRIORITY = 28


class YamlFrontMatter(Preprocessor):
    """The fenced front matter's lines, as YAML means them, for the meta preprocessor."""

    def run(self, lines: list[str]) -> list[str]:
        """Rewrite the block, only while the meta step reads one (Pelican removes it while
        it converts a Summary, whose text may start with ---)."""
        if "meta" not in self.md.preprocessors:
            return lines
        return yaml_front_matter(lines)


class YamlFrontMatterExtension(Extension):
    """Registers YamlFrontMatter before Python-Markdown's meta preprocessor."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(YamlFrontMatter(md), "yaml_front_matter", PRIORITY)
