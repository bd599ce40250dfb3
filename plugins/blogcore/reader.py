"""A Markdown reader that names the file and the key when front matter is wrong."""

import logging
import os

from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open, slugify

from . import codeblocks, inline, text
from .frontmatter import (
    FrontMatterError,
    check_url_part,
    check_value,
    display_key,
    is_post_or_page,
    unknown_key,
)

logger = logging.getLogger(__name__)


def clean(html: str, metadata: dict) -> tuple[str, dict]:
    """Sanitised HTML and summary, with the word count taken from them.

    Done by the reader, so Pelican's reader cache keeps the result and fastbuild's reading
    workers do it in parallel; an int ``word_count`` marks content cleaned this way (front
    matter only ever gives strings).
    """
    html = text.sanitize_html(text.tidy_html(html))
    summary = metadata.get("summary")
    if isinstance(summary, str):  # Summary: is Markdown too, shown on listings
        metadata["summary"] = text.sanitize_html(summary)
    metadata["word_count"] = text.count_words(html)
    return html, metadata


class StrictMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, with front-matter errors explained instead of swallowed."""

    def process_metadata(self, name: str, value: object) -> object:
        """Validate Pelican's own keys before Pelican converts them."""
        check_value(name, value)
        try:
            return super().process_metadata(name, value)
        except FrontMatterError:
            raise
        except Exception as exc:  # a processor's own error, reworded with the key
            raise FrontMatterError(f"{display_key(name)}: {exc}") from None

    def _markdown(self) -> Markdown:
        """This reader's Markdown converter, reset for the next file.

        Pelican builds a new converter (and all its extensions) for every file; building one
        costs about a fifth of converting a typical post. ``reset()`` is Markdown's own way to
        reuse one; the metadata preprocessor, which Pelican removes while converting a summary,
        is put back.
        """
        md = getattr(self, "_converter", None)
        if md is None:
            md = self._converter = codeblocks.share_formatters(
                inline.quicken(Markdown(**self.settings["MARKDOWN"]))
            )
            self._meta_step = (
                md.preprocessors["meta"],
                md.preprocessors._priority[
                    [item.name for item in md.preprocessors._priority].index("meta")
                ].priority,
            )
        else:
            md.reset()
            if "meta" not in md.preprocessors:
                md.preprocessors.register(self._meta_step[0], "meta", self._meta_step[1])
        return md

    def _read(self, source_path: str):
        """MarkdownReader.read, on the reused converter."""
        self._source_path = source_path
        self._md = self._markdown()
        with pelican_open(source_path) as text:
            content = self._md.convert(text)
        metadata = self._parse_metadata(self._md.Meta) if hasattr(self._md, "Meta") else {}
        return content, metadata

    def read(self, source_path: str):
        """Read one file; on failure log why, then let Pelican skip the file."""
        try:
            content, metadata = self._read(source_path)
            self._check_url_parts(metadata)
        except FrontMatterError as exc:
            logger.error("%s: %s", self._shown(source_path), exc)
            raise
        except UnicodeDecodeError as exc:
            logger.error(
                "%s: is not UTF-8 text (byte 0x%02x at position %d); save it as UTF-8",
                self._shown(source_path),
                exc.object[exc.start],
                exc.start,
            )
            raise
        except Exception as exc:
            logger.error("%s: %s: %s", self._shown(source_path), type(exc).__name__, exc)
            raise
        if not self._is_post_or_page(source_path):
            return content, metadata  # team, series and gallery files have their own keys
        self._warn_unknown_keys(source_path, metadata)
        return clean(content, metadata)

    def _check_url_parts(self, metadata: dict) -> None:
        """Every value that becomes a folder in output/ must fit in one (title, tags...)."""
        if "slug" in metadata:
            check_url_part("slug", metadata["slug"], metadata["slug"])
        elif isinstance(metadata.get("title"), str):
            title = metadata["title"]
            slug = slugify(
                title,
                regex_subs=self.settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
                preserve_case=self.settings.get("SLUGIFY_PRESERVE_CASE", False),
                use_unicode=self.settings.get("SLUGIFY_USE_UNICODE", False),
            )
            check_url_part("title", title, slug)
        for key in ("category", "tags", "author", "authors"):
            values = metadata.get(key)
            for value in values if isinstance(values, list) else [values]:
                if getattr(value, "slug", None):
                    check_url_part(key, value.name, value.slug)

    def _is_post_or_page(self, source_path: str) -> bool:
        relpath = os.path.relpath(
            os.path.abspath(source_path), os.path.abspath(self.settings["PATH"])
        )
        folders = [*self.settings.get("ARTICLE_PATHS", []), *self.settings.get("PAGE_PATHS", [])]
        return is_post_or_page(relpath, folders)

    def _warn_unknown_keys(self, source_path: str, metadata: dict) -> None:
        """A key no one reads is a typo or a wish: say so in every build (posts and pages)."""
        for key in metadata:
            message = unknown_key(key)
            if message:
                logger.warning("%s: %s", self._shown(source_path), message)

    def _shown(self, source_path: str) -> str:
        """The path as staff know it: relative to the project, e.g. content/posts/x.md."""
        base = os.path.dirname(os.path.abspath(self.settings["PATH"]))
        return os.path.relpath(os.path.abspath(source_path), base)
