"""Development settings: `make build` / `make serve` use these; publishconf.py extends them."""

import os
import sys

# Pelican imports this file by path; local plugins live beside it.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

AUTHOR = "Tessellate"
SITENAME = "The Tessellate Blog"
# Per language: each page shows its own language's text (the i18n plugin's `in_lang` filter).
SITE_TAGLINE = {
    "en": "Notes from the people building Tessellate, the open booking system for community "
    "spaces.",
    "fr": "Les notes de l’équipe qui construit Tessellate, la réservation libre pour les lieux "
    "associatifs.",
}
SITE_DESCRIPTION = {
    "en": "Engineering notes, product news and stories from the Tessellate team in Bristol "
    "and Lyon.",
    "fr": "Notes techniques, nouvelles du produit et histoires de l’équipe Tessellate, à Bristol "
    "et à Lyon.",
}
SITE_ORGANISATION = "Tessellate Cooperative Ltd"
SITEURL = os.environ.get("SITEURL", "http://127.0.0.1:8000")

PATH = "content"
# Posts in posts/, or in the content folder itself as in a Pelican site's own layout
# (docs/adopting.md): both publish at /posts/<slug>/. A post outside posts/ is named in a
# warning (content/notes/ saved by mistake is never published without a word); a site whose
# posts are all over content/ writes [""] here.
ARTICLE_PATHS = ["posts", ""]
PAGE_PATHS = ["pages"]  # Pelican keeps pages/ out of the posts itself
# team/, series/ and galleries/ are read by their plugins, never as posts or pages.
# A static folder is copied, never read as posts, even an HTML file in it (a search engine's
# verification file): blogcore keeps every STATIC_PATHS folder out of ARTICLE_PATHS at start-up,
# one added at the end of this file too, except a folder of posts (pictures beside them).
STATIC_PATHS = ["images", "extra"]
EXTRA_PATH_METADATA = {"extra/favicon.svg": {"path": "favicon.svg"}}
# Files an editor or a system leaves beside yours are not content, and some tell what they sit
# beside: Emacs's .#post.md, #post.md# and post.md~, Vim's swap files (the text being edited:
# .post.md.swp, .swo ... beside the file; post_md.swp on Windows and with 'shortname'),
# a backup saved as post.md.bak (a draft's front matter and text, raw), macOS's ._photo.jpg and
# .DS_Store (the folder's file names), LibreOffice's .~lock.*# and Office's ~$* lock files (the
# user's name and machine), Windows's Thumbs.db and desktop.ini, a zip's __MACOSX/. Pelican
# matches each pattern against every file and folder name, several times a build, so they are
# few (".[#_~]*" is .#, ._ and .~ at once); its own "**/.*" matched no name at all and is left
# out. A version control folder (.git/, .hg/, .svn/: every photo ever committed, GPS included,
# and a token in a remote's address) and .gitignore and the like are never content either.
# Other dot files and folders (.well-known/, .nojekyll) are published; a .env or .htpasswd is
# named and left out (plugins/images/sources.py).
IGNORE_FILES = [
    ".git*",
    ".hg*",
    ".svn",
    ".[#_~]*",
    "*~",
    "#*#",
    "*.bak",
    "~$*",
    # every name Vim gives a swap file (.swp, .swo ... .swa) but Flash's .swf, a file a site
    # may publish; a dotted .swf (Vim's eleventh swap file of one file) is one too
    "*.sw[a-eg-p]",
    ".*.swf",
    ".DS_Store",
    "*humbs.db",
    "[Dd]esktop.ini",
    "__MACOSX",
]

TIMEZONE = "Europe/London"
# The language of posts and pages without a `Lang:` line, and of every other page. The theme's
# strings and dates follow each page's language (plugins/i18n, catalogs in theme/translations/).
DEFAULT_LANG = "en"
# British English dates ("28 November 2009"); Babel's plain "en" writes "November 28, 2009".
I18N_DATE_LOCALES = {"en": "en_GB"}
# Category names on pages in another language (docs/search-and-languages.md).
I18N_CATEGORY_NAMES = {
    "Community": {"fr": "Communauté"},
    "Company": {"fr": "Entreprise"},
    "Engineering": {"fr": "Technique"},
    "Product": {"fr": "Produit"},
    "General": {"fr": "Général"},
}
# A post that writes no Category: line is filed here (with a warning naming it, where other
# posts have categories); a post in a subfolder of content/posts/ is filed under that folder's
# name (Pelican's USE_FOLDER_AS_CATEGORY), spelt as posts write it.
DEFAULT_CATEGORY = "General"
WITH_FUTURE_DATES = False  # a future-dated post is a draft until its date

THEME = "theme"
THEME_STATIC_DIR = "theme"

# One import path: the plugins are the package `plugins` of this folder, in builds and in
# tests alike (`from plugins.images import service`), never top-level modules.
PLUGIN_PATHS = ["."]
# Any order: plugins wait for the engine's phases (docs/architecture.md), except fastbuild.
PLUGINS = [
    "plugins.blogcore",
    "plugins.series",
    "plugins.comments",
    "plugins.images",
    "plugins.team",
    "plugins.galleries",
    "plugins.covers",  # a picture per post: home page, cards, og:image (docs/covers.md)
    "plugins.related",
    "plugins.i18n",
    "plugins.search",
    "plugins.share",
    "plugins.analytics",
    "plugins.newsletter",
    "plugins.webmentions",
    "plugins.redirects",  # old URLs: Redirect_from (docs/redirects.md)
    "plugins.csp",  # Content-Security-Policy: off here (CSP_ENABLED), on in publishconf.py
    "plugins.fastbuild",  # last: its final generator runs after every other plugin's pages
]

# Escape everything a template prints unless it is marked safe (content, summaries).
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
    "extensions": [],
}
# Pretty URLs, chosen once: /posts/<slug>/, /<page>/, /team/<author>/ ...
ARTICLE_URL = "posts/{slug}/"
ARTICLE_SAVE_AS = "posts/{slug}/index.html"
ARTICLE_LANG_URL = "{lang}/posts/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/posts/{slug}/index.html"
DRAFT_URL = "drafts/posts/{slug}/"
DRAFT_SAVE_AS = "drafts/posts/{slug}/index.html"
DRAFT_LANG_URL = "drafts/{lang}/posts/{slug}/"
DRAFT_LANG_SAVE_AS = "drafts/{lang}/posts/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
DRAFT_PAGE_URL = "drafts/pages/{slug}/"
DRAFT_PAGE_SAVE_AS = "drafts/pages/{slug}/index.html"
# /fr/about/ previewed at /drafts/pages/fr/about/: where the dev server looks for it
DRAFT_PAGE_LANG_URL = "drafts/pages/{lang}/{slug}/"
DRAFT_PAGE_LANG_SAVE_AS = "drafts/pages/{lang}/{slug}/index.html"
# C++ and C# are tags (and categories) of their own: Pelican's slug drops + and #, so C, C++
# and C# shared /tag/c/; they are spelt out first (/tag/c-plus-plus/, /tag/c-sharp/). The
# rest is Pelican's own SLUG_REGEX_SUBSTITUTIONS. A post's slug is left as Pelican makes it.
_SPELT_OUT = [(r"(?<=[\w+])\+", " plus "), (r"(?<=\w)#", " sharp ")]
_PELICAN_SLUG = [(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")]
TAG_REGEX_SUBSTITUTIONS = CATEGORY_REGEX_SUBSTITUTIONS = _SPELT_OUT + _PELICAN_SLUG
CATEGORY_URL = "category/{slug}/"
CATEGORY_SAVE_AS = "category/{slug}/index.html"
CATEGORIES_URL = "category/"
CATEGORIES_SAVE_AS = "category/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
TAGS_URL = "tag/"
TAGS_SAVE_AS = "tag/index.html"
AUTHOR_URL = "team/{slug}/"
AUTHOR_SAVE_AS = "team/{slug}/index.html"
AUTHORS_URL = "team/"
AUTHORS_SAVE_AS = "team/index.html"
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
YEAR_ARCHIVE_URL = "archives/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "archives/{date:%Y}/index.html"
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""

# Direct templates: each NAME renders theme/templates/NAME.html to NAME_SAVE_AS.
# (sitemap.xml is written by blogcore from the pages the build produced.)
DIRECT_TEMPLATES = [
    "index",
    "categories",
    "tags",
    "authors",
    "archives",
    "posts",
    "robots",
    "notfound",
]
# /posts/, where a reader lands who trims a post's address: the archives again, whose canonical
# link (/archives/) keeps it out of the sitemap and search engines' results (theme/posts.html)
POSTS_URL = "posts/"
POSTS_SAVE_AS = "posts/index.html"
ROBOTS_SAVE_AS = "robots.txt"
NOTFOUND_SAVE_AS = "404.html"

DEFAULT_PAGINATION = 8
PAGINATED_TEMPLATES = {"index": None, "tag": None, "category": None, "author": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/category/{slug}.atom.xml"
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
AUTHOR_FEED_ATOM = "feeds/team/{slug}.atom.xml"
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = "feeds/all-{lang}.atom.xml"  # one feed per language
FEED_MAX_ITEMS = 20
RSS_FEED_SUMMARY_ONLY = False

SUMMARY_MAX_LENGTH = 45
# Add extensions here (or replace the dict, as Pelican's docs do): blogcore keeps the ones below
# whatever it says, with your options over its own (ENGINE_MARKDOWN, docs/settings.md#blogcore).
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.codehilite": {"css_class": "highlight", "guess_lang": False},
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.toc": {"permalink": False},
        # a post's top headings are <h2> under the page's <h1> title, none skipped (blogcore)
        "plugins.blogcore.headings": {},
        "markdown.extensions.smarty": {},
        # !!! note "Title" boxes (Python-Markdown's own; theme/static/css: .admonition)
        "markdown.extensions.admonition": {},
    },
    "output_format": "html5",
}

DELETE_OUTPUT_DIRECTORY = True
OUTPUT_PATH = "output/"
CACHE_PATH = ".cache/pelican"
# The content cache (used by `make serve`) is read and written on every rebuild; compressing
# 2,000 posts' HTML took about 0.9 s of each one.
GZIP_CACHE = False
LOAD_CONTENT_CACHE = False

# Images (docs/images.md): a development build encodes what a browser needs to show every
# picture, WebP with the JPEG fallback at two widths: a first `make serve` skips AVIF (the
# slowest encoder) and half the sizes. publishconf.py restores every format and width.
GALLERY_FORMATS = ("webp", "jpeg")
GALLERY_WIDTHS = (360, 1200)
# a post's first image is also its cover: the same widths render it once for both
GALLERY_POST_IMAGE_WIDTHS = COVERS_WIDTHS = (400, 1200)

BLOGCORE_WORDS_PER_MINUTE = 230
# The social card (og:image) of every page without a picture of its own: the site's name,
# tagline and mark on 1200x630 (content/images/social-card.png).
BLOGCORE_DEFAULT_IMAGE = "images/social-card.png"

# Comments: `make serve` runs an Isso server here (data in var/isso/, git-ignored).
COMMENTS_PROVIDER = "isso"
COMMENTS_ISSO_URL = os.environ.get("COMMENTS_ISSO_URL", "http://127.0.0.1:8080")

# Reach (docs/reach.md): share links on every post; the rest is off until configured.
# Analytics loads only in publish builds (ANALYTICS_ENABLED, set in publishconf.py).
ANALYTICS_PROVIDER = "none"  # or "goatcounter", "plausible", "umami", with their options
NEWSLETTER_ACTION = None  # a provider's form endpoint turns the sign-up form on
WEBMENTIONS_DOMAIN = None  # e.g. "blog.tessellate.example"; token in $WEBMENTION_IO_TOKEN
