"""Signal receivers connecting galleries to Pelican (the work is in generator.py)."""

from pelican import signals

from plugins.engine import build, phases, settings_errors, side
from plugins.images import service as images

from . import generator as glue
from .settings import SettingsError, configure


def on_initialized(pelican) -> None:
    """Validate GALLERY_* settings; keep the galleries folder out of posts, pages, static."""
    settings = pelican.settings
    names = build.plugins(settings)
    try:
        if "plugins.images" not in names:
            raise SettingsError(
                "the galleries plugin needs the images plugin: add 'plugins.images' to PLUGINS"
            )
        settings.update(configure(settings, images.encoder_available, tuple(images.FORMATS)))
    except SettingsError as exc:
        settings_errors.refuse(pelican.settings, exc)
        return
    folder = settings["GALLERY_PATH"]
    for key in ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES", "STATIC_EXCLUDES"):
        excludes = list(settings.get(key) or [])
        if folder not in excludes:
            settings[key] = [*excludes, folder]
    # each gallery's sidecar is read with the posts' readers (generator.prepare)
    side.read_ahead(settings, folder, settings["GALLERY_SIDECAR"])


def get_generators(pelican):
    """The generator writing gallery pages and the index (when the plugin is on)."""
    return glue.GalleryGenerator


def on_article_generator_pretaxonomy(generator) -> None:
    """Read galleries, render photos, attach them to posts, rewrite post images: once
    blogcore has taken out the posts it skips (``phases.turn_to_change``)."""
    if phases.turn_to_change(generator, __package__):
        glue.prepare(generator)
        phases.mark_posts_changed(generator, __package__)


def on_posts_changed(generator, plugin: str) -> None:
    """Blogcore settled the posts after this plugin's turn at pretaxonomy: change them now."""
    on_article_generator_pretaxonomy(generator)


def on_keys_written(path: str, settings: dict, keys: dict, page: bool) -> list:
    """A post the reader refuses: its Gallery is kept, and said once the galleries are read
    (``generator.prepare``), as a read post's is; nothing now."""
    if not page and keys.get("gallery"):
        draft = str(keys.get("status", "")).strip().lower() == "draft"
        state = build.current(settings).state(__package__)
        state.unread = [*getattr(state, "unread", ()), (path, keys["gallery"], draft)]
    return []


def on_page_generator_finalized(generator) -> None:
    """Pages' plain Markdown images through the same pipeline."""
    pages = chain_pages(generator)
    glue.rewrite_post_images(generator, pages)
    glue.warn_page_galleries(generator, pages)
    glue.report_not_photos(generator)


def on_static_generator_finalized(generator) -> None:
    """Originals shown through {attach} images move next to their posts."""
    glue.attach_originals(generator)


def chain_pages(generator):
    return [
        *generator.pages,
        *generator.translations,
        *getattr(generator, "hidden_pages", []),
        *getattr(generator, "draft_pages", []),
    ]


def on_posts_described(generator) -> None:
    """Posts showing a gallery and no image of their own share its cover (og:image)."""
    glue.set_social_images(generator)


def register() -> None:
    """Connect the galleries receivers."""
    build.register(
        __package__,
        [
            (signals.initialized, on_initialized),
            (signals.get_generators, get_generators),
            (signals.article_generator_pretaxonomy, on_article_generator_pretaxonomy),
            (phases.posts_changed, on_posts_changed),
            (signals.page_generator_finalized, on_page_generator_finalized),
            (signals.static_generator_finalized, on_static_generator_finalized),
            (phases.posts_described, on_posts_described),
            (phases.keys_written, on_keys_written),
        ],
    )
