"""What an export holds, as plain values both importers produce; no Pelican, no XML here.

``wordpress.parse`` (WXR) and ``blogger.parse`` (Blogger's Atom export) each return an
``Export``; everything after that — Markdown, files, comments, mentions, the report — is
shared and knows nothing of where the export came from.
"""

import datetime as dt
from dataclasses import dataclass, field

# Item kinds and states
POST, PAGE = "post", "page"
PUBLISHED, DRAFT, PRIVATE = "published", "draft", "private"
# Comment kinds and states
COMMENT, PINGBACK, TRACKBACK = "comment", "pingback", "trackback"
WEBMENTION = "webmention"  # WordPress's Webmention plugin: received, like a pingback
MENTIONS = (PINGBACK, TRACKBACK, WEBMENTION)  # kinds that go to the webmentions archive
APPROVED, PENDING, SPAM, TRASH = "approved", "pending", "spam", "trash"


class ExportError(ValueError):
    """The file is not an export this importer reads (the message says what was expected)."""


@dataclass
class Author:
    """Someone who wrote posts, as the export knows them."""

    login: str  # the export's key for them (WordPress login, Blogger profile id or name)
    name: str  # display name ("" when the export has none: reported, not guessed)
    email: str = ""  # never published: kept out of the team file's page
    first_name: str = ""
    last_name: str = ""
    url: str = ""


@dataclass
class Comment:
    """One response under an item: a comment, pingback or trackback, in any state."""

    id: str  # unique within the export
    parent: str | None  # the id of the comment it answers, None at the top
    kind: str  # COMMENT or one of MENTIONS
    status: str  # APPROVED, PENDING, SPAM or TRASH
    author: str
    email: str = ""
    url: str = ""  # the commenter's website; for pingbacks and trackbacks, the citing page
    date: dt.datetime | None = None  # timezone-aware (UTC when the export gives GMT)
    html: str = ""  # the text as the export has it (HTML or plain text with newlines)


@dataclass
class Attachment:
    """An uploaded file the export lists (WordPress attachments)."""

    id: str
    url: str  # where it was served: http://old.example/wp-content/uploads/2008/10/x.jpg
    parent: str | None = None  # the item it was uploaded to
    title: str = ""
    caption: str = ""
    alt: str = ""


@dataclass
class Item:
    """A post or a page."""

    id: str  # the export's id: WordPress post_id, Blogger's entry id
    kind: str  # POST or PAGE
    status: str  # PUBLISHED, DRAFT or PRIVATE (a private item is imported as a draft)
    title: str
    slug: str  # the old slug (last part of the old URL), "" when the export has none
    html: str  # the body as the export has it
    date: dt.datetime | None = None  # timezone-aware where the export says
    modified: dt.datetime | None = None
    author: str = ""  # an Author.login
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    excerpt: str = ""  # HTML (a text excerpt escaped), as the old site showed it; "" when none
    lang: str = ""
    comments_open: bool = True
    old_urls: list[str] = field(default_factory=list)  # absolute or site-relative, as exported
    comments: list[Comment] = field(default_factory=list)
    featured: str = ""  # WordPress: the attachment id of its featured image (_thumbnail_id)
    raw_wordpress: bool = (
        False  # True: the body is WordPress's raw text (paragraphs by blank lines)
    )
    # Blogger made the old slug by dropping letters of the title (blogger.mangled): the plan
    # makes one from the title, unless an earlier import wrote the post under the old one
    slug_lost_letters: bool = False
    # the versions of one text in several languages share it: Polylang's post_translations
    # term ('pll_5f2a'), WPML's translation group; "" when the item is in no group
    translation_group: str = ""


# What an old archive page lists (Listing.kind)
CATEGORY, TAG, AUTHOR = "category", "tag", "author"


@dataclass
class Listing:
    """An archive page of the old blog: the posts of one category, tag (Blogger's label) or
    author, at its old address."""

    kind: str  # CATEGORY, TAG or AUTHOR
    name: str  # the category's or tag's name as the export has it; the author's login
    path: str  # its old site path: /category/news/, /search/label/Halls
    paged: bool = False  # True: WordPress's /page/N/ and /feed/ below it too


@dataclass
class Export:
    """One export file, read."""

    source: str  # "wordpress" or "blogger"
    site_url: str  # the old site's address, e.g. http://old.example (no trailing slash)
    title: str = ""
    lang: str = ""
    timezone: str = ""  # the old blog's time zone (an IANA name), when the export gives it
    authors: dict[str, Author] = field(default_factory=dict)  # by login
    items: list[Item] = field(default_factory=list)
    attachments: dict[str, Attachment] = field(default_factory=dict)  # by id
    problems: list[str] = field(default_factory=list)  # one line each, for the report
    skipped: dict[str, int] = field(default_factory=dict)  # kinds not imported (e.g. nav_menu_item)
    listings: list[Listing] = field(default_factory=list)  # its category, tag, author pages
