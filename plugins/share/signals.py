"""Signal receivers connecting the share links to Pelican."""

from pelican import signals

from plugins.engine import build, settings_errors

from .links import ShareRow
from .settings import SettingsError, configure


def on_initialized(pelican) -> None:
    """Validate SHARE_* settings; a wrong one stops the build with a clear message."""
    try:
        pelican.settings.update(configure(pelican.settings))
    except SettingsError as exc:
        settings_errors.refuse(pelican.settings, exc)
        return


def on_articles_finalized(generator) -> None:
    """Give each published article its share row; drafts get none (their URL is not public)."""
    settings = generator.settings
    published = [
        *generator.articles,
        *generator.translations,
        *generator.hidden_articles,
        *generator.hidden_translations,
    ]
    for article in published:
        article.share_links = ShareRow(
            article.title,
            f"{settings['SITEURL']}/{article.url}",
            settings["SHARE_SERVICES"],
            settings["SHARE_MASTODON_URL"],
        )
    for draft in [*generator.drafts, *generator.drafts_translations]:
        draft.share_links = []


def register() -> None:
    """Connect the share receivers."""
    build.register(
        __package__,
        [
            (signals.initialized, on_initialized),
            (signals.article_generator_finalized, on_articles_finalized),
        ],
    )
