"""The generator that writes each other language's list of posts (/fr/posts/).

Pelican writes a direct template once, in ``DEFAULT_LANG``: ``/posts/``, where a reader lands
who trims a post's address, lists the default language's posts, and ``/fr/posts/``, a French
post's address trimmed, was a 404. This writes the theme's ``posts.html`` once per other
language of the published posts, at ``I18N_POSTS_LANG_SAVE_AS``, with that language's posts,
wherever the site lists the ``posts`` direct template (it writes ``/posts/``).
"""

from typing import Any

from pelican.generators import Generator

from . import taxonomy, templating


def lists_written(settings: dict[str, Any], context: dict[str, Any]) -> dict[str, list]:
    """{language: its posts} for each other language's list this build writes: every language
    of the published posts but ``DEFAULT_LANG``, unless a post or page of the site's is written
    at its address (it keeps the address, as at /posts/); none where the site lists no
    ``posts`` direct template or ``I18N_POSTS_LANG_SAVE_AS`` is empty."""
    save_as = settings["I18N_POSTS_LANG_SAVE_AS"]
    # with the site's /posts/ (the engine's line names a DIRECT_TEMPLATES without it), even
    # where a post or page of the site's took that address from it
    if not save_as or "posts" not in (settings.get("DIRECT_TEMPLATES") or ()):
        return {}
    taken = {
        getattr(item, "save_as", "")
        for name in ("articles", "pages")
        for listed in context.get(name) or []
        for item in [listed, *(getattr(listed, "translations", None) or [])]
    }
    languages = taxonomy.posts_by_language(
        context.get("articles") or [],
        settings.get("DEFAULT_LANG", "en"),
        bool(settings.get("NEWEST_FIRST_ARCHIVES", True)),
    )
    return {
        lang: posts for lang, posts in languages.items() if save_as.format(lang=lang) not in taken
    }


class PostsByLanguage(Generator):
    """Writes ``posts.html`` for each language of the published posts but ``DEFAULT_LANG``."""

    def generate_context(self) -> None:
        """Nothing to read: the posts are the article generator's."""

    def generate_output(self, writer) -> None:
        """Each language's list (``lists_written``)."""
        settings = self.settings
        save_as, url = settings["I18N_POSTS_LANG_SAVE_AS"], settings["I18N_POSTS_LANG_URL"]
        template = self.get_template("posts")
        for lang, posts in lists_written(settings, self.context).items():
            writer.write_file(
                save_as.format(lang=lang),
                template,
                self.context,
                relative_urls=settings.get("RELATIVE_URLS", False),
                url=url.format(lang=lang),
                page_name=url.format(lang=lang),
                articles=posts,
                dates=posts,
                **{templating.LISTING_LANG: lang},
            )
