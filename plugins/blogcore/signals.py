"""Signal receivers connecting blogcore's pure logic to Pelican."""

import logging
from pathlib import Path

from pelican import signals
from pelican.contents import Content

from . import assets, jsonld, sitemap, text
from .reader import StrictMarkdownReader
from .settings import SettingsError, configure

logger = logging.getLogger(__name__)


class ErrorCollector(logging.Handler):
    """Remembers every error logged during one build."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _detach_collectors() -> None:
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, ErrorCollector)]:
        root.removeHandler(handler)


def on_initialized(pelican) -> None:
    """Validate settings, fill in defaults, start counting errors."""
    try:
        pelican.settings.update(configure(pelican.settings))
    except SettingsError as exc:
        raise SystemExit(f"Settings error: {exc}") from None
    _detach_collectors()  # a previous build in this process may have died before finalized
    pelican.blogcore_errors = ErrorCollector()
    logging.getLogger().addHandler(pelican.blogcore_errors)


def on_readers_init(readers) -> None:
    """Read Markdown with the strict reader."""
    for ext in StrictMarkdownReader.file_extensions:
        if ext in readers.reader_classes:
            readers.reader_classes[ext] = StrictMarkdownReader


def _asset_bundler(generator):
    """The ``asset_bundle(pattern, *files)`` template function of one build.

    Each bundle is built and written once per build, on first use; every later page of every
    generator gets its URL from the build's context.
    """
    built = generator.context.setdefault("blogcore_bundles", {})
    static = Path(generator.theme) / "static"
    target = Path(generator.output_path) / generator.settings.get("THEME_STATIC_DIR", "theme")

    def asset_bundle(pattern: str, *files: str) -> str:
        key = (pattern, files)
        if key not in built:
            sources = [(name, (static / name).read_text(encoding="utf-8")) for name in files]
            name, content = assets.bundle(pattern, sources)
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_text(content, encoding="utf-8")
            built[key] = f"{target.name}/{name}"
        return built[key]

    return asset_bundle


def on_generator_init(generator) -> None:
    """Make blogcore's template filters available to every template."""
    siteurl = generator.settings.get("SITEURL", "")
    generator.env.globals["asset_bundle"] = _asset_bundler(generator)
    generator.env.filters.update(
        {
            "isodate": lambda value: value.isoformat() if value else "",
            "absolute_url": lambda path: text.absolute_url(siteurl, path),
            "initials": text.initials,
            "avatar_tone": text.avatar_tone,
        }
    )


def on_content_init(content: Content) -> None:
    """Tidy the rendered HTML; word count and reading time from it (before link rewriting)."""
    html = getattr(content, "_content", None)
    if html is None or not hasattr(content, "title"):
        return
    html = content._content = text.sanitize_html(text.tidy_html(html))
    summary = content.metadata.get("summary")
    if isinstance(summary, str):  # Summary: is Markdown too, shown on listings
        content.metadata["summary"] = content._summary = text.sanitize_html(summary)
    words = text.count_words(html)
    content.word_count = words
    content.reading_time = text.reading_minutes(
        words, content.settings.get("BLOGCORE_WORDS_PER_MINUTE", 230)
    )


def _with_translations(items):
    for item in items:
        yield item
        yield from getattr(item, "translations", [])


def on_all_generators_finalized(generators) -> None:
    """Give each article its social image and JSON-LD, once every URL is known; site years."""
    for generator in generators:
        if not hasattr(generator, "articles"):
            continue
        # once per build, not once per page: the footer's "© first–last" years
        years = [article.date.year for article in generator.articles]
        generator.context["site_years"] = (min(years), max(years)) if years else None
        settings = generator.settings
        siteurl = settings.get("SITEURL", "")
        default_image = settings.get("BLOGCORE_DEFAULT_IMAGE") or None
        everything = [*generator.articles, *getattr(generator, "drafts", [])]
        for article in _with_translations(everything):
            # .content has {static}/{filename} links resolved, now that every file is known
            image = text.first_image(article.content) or default_image
            article.og_image = text.absolute_url(siteurl, image) if image else None
            article.structured_data = jsonld.blog_posting(
                headline=article.title,
                url=text.absolute_url(siteurl, article.url),
                published=article.date,
                modified=getattr(article, "modified", None),
                authors=[(a.name, text.absolute_url(siteurl, a.url)) for a in article.authors],
                description=text.plain_summary(article.summary),
                image=article.og_image,
                publisher=settings.get("SITE_ORGANISATION") or settings.get("SITENAME", ""),
                language=article.lang,
            )


def write_sitemap(output_path: str, siteurl: str, filename: str) -> int:
    """Write the sitemap of every indexable page under output_path; return its size."""
    root = Path(output_path)
    entries = []
    for path in sorted(root.rglob("*.html")):
        relpath = path.relative_to(root).as_posix()
        head = sitemap.read_head(path.read_text(encoding="utf-8", errors="replace"))
        if head.indexable:
            url = head.canonical or sitemap.url_for(siteurl, relpath)
            entries.append((url, head.modified, head.alternates))
    (root / filename).write_text(sitemap.render(entries), encoding="utf-8")
    return len(entries)


def on_finalized(pelican) -> None:
    """Write the sitemap; in strict builds, fail the build if any error was logged."""
    settings = pelican.settings
    if settings.get("BLOGCORE_SITEMAP"):
        write_sitemap(settings["OUTPUT_PATH"], settings["SITEURL"], settings["BLOGCORE_SITEMAP"])
    collector = getattr(pelican, "blogcore_errors", None)
    logging.getLogger().removeHandler(collector)
    if collector is None or not collector.messages:
        return
    if pelican.settings.get("BLOGCORE_STRICT"):
        logger.critical(
            "Build failed: %d error(s) above; nothing was published.", len(collector.messages)
        )
        raise SystemExit(1)


def register() -> None:
    """Connect blogcore's receivers."""
    signals.initialized.connect(on_initialized)
    signals.readers_init.connect(on_readers_init)
    signals.generator_init.connect(on_generator_init)
    signals.content_object_init.connect(on_content_init)
    signals.all_generators_finalized.connect(on_all_generators_finalized)
    signals.finalized.connect(on_finalized)
