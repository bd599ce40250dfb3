"""Publish settings: `make publish` and the deploy workflow build with these."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: F403
from plugins.covers.settings import DEFAULTS as covers_defaults
from plugins.galleries.settings import DEFAULTS as gallery_defaults

# The deploy workflow passes the Pages URL; set SITEURL yourself for another host.
SITEURL = os.environ.get("SITEURL", "https://blog.tessellate.example")
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
WITH_FUTURE_DATES = False  # as in pelicanconf.py: future-dated posts wait for their date

# Drafts and future-dated posts (drafts until their date) are not written at all.
DRAFT_SAVE_AS = ""
DRAFT_URL = ""
DRAFT_LANG_URL = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_URL = ""
DRAFT_PAGE_LANG_SAVE_AS = ""  # Pelican's default wrote a French draft page in publish builds
DRAFT_PAGE_LANG_URL = ""

DELETE_OUTPUT_DIRECTORY = True
BLOGCORE_STRICT = True  # any error logged during the build fails it

# The live site's sitemap, which both workflows fetch here before building: an address
# published there that this build no longer writes (a post whose Slug changed, a file renamed
# or deleted) fails the publish, one line each, unless a post redirects from it (Redirect_from)
# or REDIRECTS_REMOVED lists it. No file (a first deploy, a local build): nothing compared.
# docs/redirects.md#published-addresses
REDIRECTS_PUBLISHED = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), ".cache", "published", "sitemap.xml"
)
# Published addresses removed on purpose, e.g. ["/posts/summer-party-2024/"]
REDIRECTS_REMOVED: list[str] = []

# The production Isso server (docs/comments.md); scripts load over https only.
COMMENTS_ISSO_URL = os.environ.get("COMMENTS_ISSO_URL", "https://comments.tessellate.example")
COMMENTS_HTTPS_ONLY = True

# A strict Content-Security-Policy in every page and in _headers (docs/security.md).
CSP_ENABLED = True

GALLERY_REQUIRE_ALT = True  # a gallery photo without alt text or caption fails the publish
# Every rendition, as the galleries and covers plugins define them by default (pelicanconf.py
# encodes fewer for a fast first `make serve`): AVIF, WebP and JPEG, at every width.
GALLERY_FORMATS = gallery_defaults["GALLERY_FORMATS"]
GALLERY_WIDTHS = gallery_defaults["GALLERY_WIDTHS"]
GALLERY_POST_IMAGE_WIDTHS = gallery_defaults["GALLERY_POST_IMAGE_WIDTHS"]
COVERS_WIDTHS = covers_defaults["COVERS_WIDTHS"]

# Reach: count visits in publish builds only (invoke preview and check turn this off again),
# refuse http:// sign-up endpoints, and ask webmention.io for new mentions on every publish.
ANALYTICS_ENABLED = True
NEWSLETTER_HTTPS_ONLY = True
WEBMENTIONS_REFRESH = 0
