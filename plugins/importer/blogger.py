"""Read a Blogger export (Atom XML) into the neutral model of ``model.py``.

Blogger has written two exports, and ``parse`` tells them apart by their entries:

- the classic "Back up content" file (``blog-MM-DD-YYYY.xml``): each entry says what it is with
  ``<category scheme="http://schemas.google.com/g/2005#kind" term="…/kind#post">`` (post, page,
  comment, settings, template); drafts carry ``<app:control><app:draft>yes``; a comment names its
  post in ``<thr:in-reply-to ref=…>`` and the comment it answers in a ``<link rel="related"
  href="…/comments/default/ID">``; labels are ``<category scheme="http://www.blogger.com/atom/ns#">``.
- the Takeout ``feed.atom`` (2020 on): ``<blogger:type>`` POST/PAGE/COMMENT, ``<blogger:status>``,
  ``<blogger:filename>`` (the site-relative permalink), ``<blogger:parent>`` (a comment's post),
  ``<blogger:inReplyTo>`` (the comment it answers), ``<blogger:metaDescription>``; labels are
  categories under a ``tag:blogger.com,1999:blog-ID`` scheme. The file gives no site address.

Pure: no Pelican import. A file that is not a Blogger export raises ``ExportError`` (one line);
an entry the importer cannot place becomes one line in ``Export.problems`` and the rest is read.
"""

import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from unidecode import unidecode

from plugins.blogcore.frontmatter import canonical_lang

from . import archives, model, xmltext
from .model import Author, Comment, Export, ExportError, Item

ATOM = "{http://www.w3.org/2005/Atom}"
THR = "{http://purl.org/syndication/thread/1.0}"
GD = "{http://schemas.google.com/g/2005}"
BLOGGER = "{http://schemas.google.com/blogger/2018}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
KIND_SCHEME = "http://schemas.google.com/g/2005#kind"
KIND_PREFIX = "http://schemas.google.com/blogger/2008/kind#"
LABEL_SCHEME = "http://www.blogger.com/atom/ns#"
BLOG_ID_PREFIX = "tag:blogger.com,1999:blog-"
# the namespace of a Blogger theme's b: tags (b:section, b:widget), declared on its <html>
BLOGGER_LAYOUT = b"http://www.google.com/2005/gml/b"
# Blogger writes this address for every commenter and author who hid theirs: it is no one's
NOREPLY = "noreply@blogger.com"
# the user id in a profile address: blogger.com/profile/ID (and old Google+ plus.google.com/ID)
PROFILE_ID = re.compile(r"^https?://(?:www\.)?(?:blogger\.com/profile|plus\.google\.com)/(\d+)")
COMMENT_LINK_ID = re.compile(r"/comments/default/(\d+)(?:[/?#]|$)")
# the blog's settings the import reads (into the report's lines for pelicanconf.py): not
# counted among those it leaves, which are Blogger's own (comment form, feeds, layout)
SETTINGS_READ = ("BLOG_LOCALE", "BLOG_TIME_ZONE", "BLOG_NAME")
EXPECTED = "expected a Blogger export (Atom XML: a 'Back up content' file or Takeout feed.atom)"

# Takeout states; the Blogger API lists the same words (posts: LIVE, DRAFT, SCHEDULED,
# SOFT_TRASHED; comments: LIVE, PENDING, SPAM, EMPTIED), DELETED appears in Takeout files
ITEM_STATES = {"LIVE": model.PUBLISHED, "DRAFT": model.DRAFT, "SCHEDULED": model.DRAFT}
ITEM_GONE = {"SOFT_TRASHED", "DELETED"}
COMMENT_STATES = {
    "LIVE": model.APPROVED,
    "PENDING": model.PENDING,
    "SPAM": model.SPAM,
    "EMPTIED": model.TRASH,
    "DELETED": model.TRASH,
    "SOFT_TRASHED": model.TRASH,
}


@dataclass
class _Reply:
    """A comment read from its entry, before it is attached to its post."""

    comment: Comment
    post: str  # the id of the entry it belongs to
    parent: str  # the id (full or numeric) of the comment it answers, "" at the top


def parse(path: Path) -> Export:
    """Read the Blogger export at ``path``; ``ExportError`` (one line) if it is not one."""
    path = Path(path)
    problems: list[str] = []
    root = _root(path, problems)
    entries = list(root.iter(ATOM + "entry"))
    takeout = any(entry.find(BLOGGER + "type") is not None for entry in entries)
    # no entry at all (Takeout's feed.atom of a blog with no post): said below, as no post
    if entries and not takeout and not any(_classic_kind(e)[0] for e in entries):
        # Blogger's public feed (/feeds/posts/default) looks alike but marks no entry's kind
        raise ExportError(
            f"{path}: a Blogger feed whose entries say no kind (post, page, comment): the public "
            f"feed, not the backup?; {EXPECTED}"
        )
    export = Export(
        source="blogger",
        site_url=_site_url(root),
        title=_text(root.find(ATOM + "title")),
        lang=root.get(XML_LANG, ""),
        problems=problems,
    )
    if not export.site_url:
        export.problems.append(
            "the export does not give the blog's address (Takeout's feed.atom has none): "
            "old URLs are kept site-relative"
        )
    replies: list[_Reply] = []
    # the blog's settings entries, by name (BLOG_LOCALE: hu); not Pelican's settings
    blog: dict[str, str] = {}
    gone: set[str] = set()  # posts skipped as trashed, whose comments go quietly with them
    for entry in entries:
        entry_id = _text(entry.find(ATOM + "id"))
        kind, state = _takeout_kind(entry) if takeout else _classic_kind(entry)
        if kind in (model.POST, model.PAGE):
            if state in ITEM_GONE:
                gone.add(entry_id)
                _count(export, f"trashed {kind}")
                continue
            export.items.append(_item(entry, entry_id, kind, state, export, takeout))
        elif kind == model.COMMENT:
            replies.append(_reply(entry, entry_id, state, export, takeout))
        elif kind == "settings":
            name = entry_id.rpartition(".settings.")[2]
            blog[name] = _text(entry.find(ATOM + "content"))
            if name not in SETTINGS_READ:
                _count(export, kind)
        elif kind:
            _count(export, kind)
        else:
            export.problems.append(f"entry {entry_id or '(no id)'} says no kind of entry: skipped")
    if not export.items:
        raise ExportError(_no_items(path, export.skipped, len(replies), bool(blog)))
    _blog_settings(export, blog)
    _unmangle(export)
    _attach(export, replies, gone)
    labels = (
        t
        for i in export.items
        if i.kind == model.POST and i.status == model.PUBLISHED
        for t in i.tags
    )
    export.listings = [
        archives.blogger_label(export.site_url, label) for label in dict.fromkeys(labels)
    ]
    return export


def _blog_settings(export: Export, blog: dict[str, str]) -> None:
    """The blog's language, time zone and name from its settings entries: a classic backup
    says the language there (BLOG_LOCALE: ``hu``, ``pt_BR``), without an ``xml:lang``."""
    locale = blog.get("BLOG_LOCALE", "")
    lang = canonical_lang(locale) if locale else None
    if lang and not lang.startswith("zh"):
        # its first part, as WordPress's <language> is read: an en-GB blog imported into an
        # 'en' site is the site's language, not every post at /en-GB/posts/ (Chinese keeps its
        # region: zh's catalog is Simplified Chinese, zh-TW's Traditional)
        lang = lang.split("-")[0]
    if lang:
        export.lang = export.lang or lang
    elif locale:
        export.problems.append(
            f"the blog's language (BLOG_LOCALE) {locale!r} is no language code (expected e.g. "
            "'hu' or 'pt-BR'): the posts are written in the site's DEFAULT_LANG"
        )
    export.timezone = blog.get("BLOG_TIME_ZONE", "")
    export.title = blog.get("BLOG_NAME", "") or export.title


# Blogger's permalink for a title with no Latin letter left, and its "_12" for a second post
# of the same month with the same permalink
_PLACEHOLDER = "blog-post"
_SAME_MONTH = re.compile(r"_\d+$")


def mangled(slug: str, title: str) -> bool:
    """Whether Blogger made this permalink by dropping the title's letters outside ASCII
    ('A kerékpárok tisztálkodásáról' gave ``kerkprok-tisztlkodsrl``, 'Привет Python'
    ``python``, 'Привет мир' ``blog-post``), rather than spelling them out as it does since
    ('Hűtött uborkalé': ``hutott-uborkale``) or as its writer typed a permalink."""
    base = _SAME_MONTH.sub("", slug)
    titled = re.findall(r"\w+", title)
    spelt_words = {_spelt(word) for word in titled}
    if base == _PLACEHOLDER:
        spelt = "-".join(word for word in map(_spelt, titled) if word)
        return spelt not in ("", _PLACEHOLDER)
    words = [word for word in base.split("-") if word]
    for word in titled:
        dropped = re.sub(r"[^a-z0-9]", "", word.lower())
        out = _spelt(word)
        if dropped == out:
            continue
        if dropped and dropped in words:
            return True
        # its spelling corrected since ('Probálkozások' → 'Próbálkozások'): a word of the
        # permalink with fewer letters than the title's, in their order, and no word of it
        if any(
            len(dropped) < len(kept) < len(out) and _within(kept, out) and kept not in spelt_words
            for kept in words
        ):
            return True
        if not dropped and len(out) > 2:  # all its letters gone (a word, not 'à' or 'и')
            return True
    return False


def _spelt(word: str) -> str:
    """A word of a title as Blogger spells it out in a permalink since: in ASCII letters and
    digits ('tűzhely' -> 'tuzhely'; an underscore, which \\w takes, dropped)."""
    return re.sub(r"[^a-z0-9]", "", unidecode(word).lower())


def _within(short: str, long: str) -> bool:
    """Whether ``long`` holds the letters of ``short`` in their order (others between)."""
    letters = iter(long)
    return all(letter in letters for letter in short)


def _unmangle(export: Export) -> None:
    """Flag each item whose Blogger permalink lost letters of its title (``mangled``): the
    plan gives it a slug made from its title, and says so."""
    for item in export.items:
        item.slug_lost_letters = bool(item.slug and item.title and mangled(item.slug, item.title))


def _no_items(path: Path, skipped: dict[str, int], comments: int, settings: bool) -> str:
    """The line for a file with no post or page (an empty blog's backup, or a template's):
    what it holds instead, as the WordPress reader says of an export with none."""
    # the settings it reads are not in skipped: any settings entry says the file has them
    blog = ["settings"] * settings + ["template"] * ("template" in skipped)
    held = [f"the blog's {' and '.join(blog)}"] if blog else []
    others = [
        f"{n} {kind}{'s' if n > 1 else ''}"
        for kind, n in sorted(skipped.items())
        if kind not in blog
    ]
    if comments:
        held.append(f"{comments} comment{'s' if comments > 1 else ''} on posts not in it")
    held += others
    return (
        f"{path}: no post or page in this export"
        + (f" (only {', '.join(held)})" if held else "")
        + ": Blogger writes such a file for a blog with no post, or as a template backup; back "
        "up the blog that has the posts with Settings → Manage blog → Back up content"
    )


def _describe(entry: bytes) -> str:
    """An <entry> element, from its bytes, as the report names it: its id."""
    found = re.search(rb"<id>\s*([^<]+?)\s*</id>", entry)
    return f"entry {found[1].decode('utf-8', 'replace') if found else '(no id)'}"


def _root(path: Path, problems: list[str]) -> ET.Element:
    """The export's <feed> element, or ExportError saying what the file is instead; the
    characters XML forbids are dropped (a line each entry in `problems`)."""
    try:
        data = xmltext.unpacked(str(path), path.read_bytes(), "blogger")
    except OSError as error:
        raise ExportError(f"{path}: cannot be read ({error.strerror}); {EXPECTED}") from None
    head = data[:512].decode("utf-8", "replace").lstrip("\ufeff \t\r\n").lower()
    if not head:
        raise ExportError(f"{path}: the file is empty; {EXPECTED}")
    if head.startswith(("{", "[")):
        raise ExportError(f"{path}: this is JSON, not XML; {EXPECTED}")
    if head.startswith(("<!doctype html", "<html")):
        raise ExportError(f"{path}: this is an HTML page, not an export; {EXPECTED}")
    try:
        try:
            root = _parse_xml(data)
        except ET.ParseError:
            cleaned, notes = xmltext.strip_forbidden(data, b"entry", _describe)
            if not notes:
                raise
            try:
                root = _parse_xml(cleaned)
            except ET.ParseError:
                root = _parse_xml(data)  # the first error is the one to report
            problems.extend(notes)
    except ET.ParseError as error:
        line, column = error.position
        reason = str(error).split(":")[0]
        raise ExportError(
            f"{path}: not well-formed XML at line {line}, column {column + 1} ({reason}: "
            f"cut short or damaged?); {EXPECTED}"
        ) from None
    if root.tag == "rss" and any("wordpress.org/export" in el.tag for el in root.iter()):
        raise ExportError(
            f"{path}: this is a WordPress export (WXR): use import-wordpress; {EXPECTED}"
        )
    if _local(root.tag) == "html" and BLOGGER_LAYOUT in data[:4096]:
        # Theme → Backup saves the template alone, and looks like an export by its name
        raise ExportError(
            f"{path}: this is a Blogger theme (Theme → Backup), which holds no post or page; "
            f"{EXPECTED}"
        )
    if root.tag != ATOM + "feed":
        raise ExportError(f"{path}: the document is a <{_local(root.tag)}>; {EXPECTED}")
    if not _is_blogger(root):
        raise ExportError(f"{path}: an Atom feed, but not from Blogger; {EXPECTED}")
    return root


# Blogger declares app: on each <app:control>; a file re-saved by another tool (an editor's
# "pretty print", a script) can lose those declarations and leave the prefix unbound
_PREFIXES = {
    "app": "http://purl.org/atom/app#",
    "thr": THR[1:-1],
    "gd": GD[1:-1],
    "blogger": BLOGGER[1:-1],
    "georss": "http://www.georss.org/georss",
    "openSearch": "http://a9.com/-/spec/opensearchrss/1.0/",
}
_UNBOUND_PREFIX = 27  # expat's XML_ERROR_UNBOUND_PREFIX


def _parse_xml(data: bytes) -> ET.Element:
    """The parsed file; a prefix Blogger uses but the file no longer declares is declared."""
    try:
        return ET.fromstring(data)
    except ET.ParseError as error:
        if error.code != _UNBOUND_PREFIX:
            raise
        start = re.search(rb"<feed\b", data)
        if start is None:
            raise
        declared = {m.decode() for m in re.findall(rb"xmlns:(\w+)=", data[: start.end() + 4096])}
        extra = "".join(
            f' xmlns:{prefix}="{uri}"'
            for prefix, uri in _PREFIXES.items()
            if prefix not in declared
        )
        return ET.fromstring(data[: start.end()] + extra.encode() + data[start.end() :])


def _is_blogger(root: ET.Element) -> bool:
    """Whether this Atom feed is Blogger's: its blog id, or entries marked the Blogger way."""
    if _text(root.find(ATOM + "id")).startswith(BLOG_ID_PREFIX):
        return True
    for entry in root.iter(ATOM + "entry"):
        if entry.find(BLOGGER + "type") is not None or _classic_kind(entry)[0]:
            return True
    return False


def _classic_kind(entry: ET.Element) -> tuple[str, str]:
    """(kind, Takeout-style state) of a classic entry: its kind category and app:draft."""
    kind = ""
    for category in entry.findall(ATOM + "category"):
        term = category.get("term", "")
        if category.get("scheme") == KIND_SCHEME and term.startswith(KIND_PREFIX):
            kind = term.removeprefix(KIND_PREFIX)
    draft = any(
        _local(el.tag) == "draft" and _text(el).lower() == "yes"
        for control in entry
        if _local(control.tag) == "control"
        for el in control
    )
    return kind, "DRAFT" if draft else "LIVE"


def _takeout_kind(entry: ET.Element) -> tuple[str, str]:
    """(kind, state) of a Takeout entry, from blogger:type and blogger:status."""
    kind = _text(entry.find(BLOGGER + "type")).lower()
    return kind, _text(entry.find(BLOGGER + "status")).upper()


def _item(
    entry: ET.Element, entry_id: str, kind: str, state: str, export: Export, takeout: bool
) -> Item:
    """A post or page from its entry."""
    status = ITEM_STATES.get(state)
    if status is None:
        export.problems.append(
            f"{kind} {entry_id} has the unknown status {state!r} "
            "(expected LIVE, DRAFT, SCHEDULED, SOFT_TRASHED or DELETED): imported as a draft"
        )
        status = model.DRAFT
    if takeout:
        url = _text(entry.find(BLOGGER + "filename"))
        if url and export.site_url:
            url = export.site_url + url
        excerpt = _excerpt(entry.find(BLOGGER + "metaDescription"))
    else:
        url = _permalink(entry)
        excerpt = _excerpt(entry.find(ATOM + "summary"))
    labels = [
        category.get("term", "").strip()
        for category in entry.findall(ATOM + "category")
        if _is_label(category.get("scheme", ""), takeout)
    ]
    title = _title(entry.find(ATOM + "title"))
    if entry.find(ATOM + "title") is not None and _has_tags(entry.find(ATOM + "title")):
        export.problems.append(
            f"{kind} {entry_id}: its title {_text(entry.find(ATOM + 'title'))!r} (HTML) written "
            f"as the text it shows, {title!r} (the site shows a title as written)"
        )
    return Item(
        id=entry_id,
        kind=kind,
        status=status,
        title=title,
        slug=_slug(url),
        html=_text(entry.find(ATOM + "content")),
        date=_date(entry, "published", export),
        modified=_date(entry, "updated", export),
        author=_author(entry, entry_id, export),
        tags=list(dict.fromkeys(label for label in labels if label)),
        excerpt=excerpt,
        lang=entry.get(XML_LANG, ""),
        old_urls=[url] if url else [],
    )


def _is_label(scheme: str, takeout: bool) -> bool:
    """Whether a category of this scheme is a label (not the entry's kind)."""
    if takeout:
        return scheme != KIND_SCHEME
    return scheme == LABEL_SCHEME


def _reply(entry: ET.Element, entry_id: str, state: str, export: Export, takeout: bool) -> _Reply:
    """A comment from its entry, with the ids of its post and of the comment it answers."""
    author = entry.find(ATOM + "author")
    name = _text(author.find(ATOM + "name")) if author is not None else ""
    email = _text(author.find(ATOM + "email")) if author is not None else ""
    uri = _text(author.find(ATOM + "uri")) if author is not None else ""
    if takeout:
        status = COMMENT_STATES.get(state)
        if status is None:
            export.problems.append(
                f"comment {entry_id} has the unknown status {state!r} "
                "(expected LIVE, PENDING, SPAM, EMPTIED or DELETED): kept as pending"
            )
            status = model.PENDING
        post = _text(entry.find(BLOGGER + "parent"))
        parent = _text(entry.find(BLOGGER + "inReplyTo"))
    else:
        status = model.TRASH if _content_removed(entry) else model.APPROVED
        reply_to = entry.find(THR + "in-reply-to")
        post = reply_to.get("ref", "") if reply_to is not None else ""
        parent = ""
        for link in entry.findall(ATOM + "link"):
            found = COMMENT_LINK_ID.search(link.get("href", ""))
            if link.get("rel") == "related" and found:
                parent = found.group(1)
    comment = Comment(
        id=entry_id,
        parent=None,
        kind=model.COMMENT,
        status=status,
        author=name or "Anonymous",
        email="" if email == NOREPLY else email,
        url=uri,
        date=_date(entry, "published", export),
        html=_text(entry.find(ATOM + "content")),
    )
    return _Reply(comment, post, parent)


def _content_removed(entry: ET.Element) -> bool:
    """Whether the blog's owner removed this comment's text (classic: an extended property)."""
    return any(
        prop.get("name") == "blogger.contentRemoved" and prop.get("value") == "true"
        for prop in entry.findall(GD + "extendedProperty")
    )


def _attach(export: Export, replies: list[_Reply], gone: set[str]) -> None:
    """Put each comment under its post, threaded; report the ones that cannot be placed."""
    items = {item.id: item for item in export.items}
    by_id = {reply.comment.id: reply for reply in replies}
    # classic exports name the answered comment by its number only (…/comments/default/NUMBER)
    by_number = {_number(reply.comment.id): reply for reply in replies}
    for reply in replies:
        comment = reply.comment
        item = items.get(reply.post)
        if item is None:
            if reply.post in gone:
                _count(export, "comment on a trashed post")
            else:
                export.problems.append(
                    f"comment {comment.id} belongs to post {reply.post or '(none given)'}, "
                    "which is not in the export: skipped"
                )
            continue
        if reply.parent:
            parent = by_id.get(reply.parent) or by_number.get(_number(reply.parent))
            if parent is not None and parent.post == reply.post and parent is not reply:
                comment.parent = parent.comment.id
            else:
                export.problems.append(
                    f"comment {comment.id} answers comment {reply.parent}, which is not in the "
                    f"export under the same post: kept at the top level of {item.id}"
                )
        item.comments.append(comment)
    # answers come after what they answer when the export is read in date order
    for item in export.items:
        item.comments.sort(key=lambda c: c.date or dt.datetime.max.replace(tzinfo=dt.UTC))


def _author(entry: ET.Element, entry_id: str, export: Export) -> str:
    """The login of a post's author, added to ``export.authors`` on first sight."""
    element = entry.find(ATOM + "author")
    if element is None:
        export.problems.append(f"{entry_id} names no author")
        return ""
    name = _text(element.find(ATOM + "name"))
    uri = _text(element.find(ATOM + "uri"))
    email = _text(element.find(ATOM + "email"))
    found = PROFILE_ID.match(uri)
    login = found.group(1) if found else name
    if not login:
        export.problems.append(f"{entry_id}: its author has neither a name nor a profile address")
        return ""
    if login not in export.authors:
        export.authors[login] = Author(
            login=login, name=name, email="" if email == NOREPLY else email, url=uri
        )
    return login


def _site_url(root: ET.Element) -> str:
    """The blog's address from the feed's alternate link, without the trailing slash."""
    for link in root.findall(ATOM + "link"):
        if link.get("rel") == "alternate" and link.get("href"):
            return link.get("href", "").rstrip("/")
    return ""


def _excerpt(element: ET.Element | None) -> str:
    """A search description or summary as HTML, as ``Item.excerpt`` holds it: Blogger writes
    them as text (Atom's type="text"), where "<b>" is four characters, not a tag."""
    text = _text(element)
    if element is None or element.get("type") in ("html", "xhtml"):
        return text
    return html.escape(text, quote=False)


def _permalink(entry: ET.Element) -> str:
    """A classic entry's public address (drafts have none)."""
    for link in entry.findall(ATOM + "link"):
        if link.get("rel") == "alternate" and link.get("type", "text/html") == "text/html":
            return link.get("href", "")
    return ""


def _slug(url: str) -> str:
    """The last part of a Blogger permalink without .html: /2008/10/slug.html → slug."""
    last = urlsplit(url).path.rstrip("/").rpartition("/")[2]
    return last.removesuffix(".html")


def _date(entry: ET.Element, tag: str, export: Export) -> dt.datetime | None:
    """An entry's Atom date, timezone-aware; a problems line and None if it cannot be read."""
    text = _text(entry.find(ATOM + tag))
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        value = None
    if value is None or value.tzinfo is None:
        entry_id = _text(entry.find(ATOM + "id"))
        export.problems.append(
            f"{entry_id}: <{tag}> {text!r} is not an RFC 3339 date with a zone "
            "(expected e.g. 2008-10-05T14:03:00.000-07:00): left empty"
        )
        return None
    return value


def _title(element: ET.Element | None) -> str:
    """An Atom title as plain text (Blogger writes type='text'; 'html' is unescaped)."""
    text = _text(element)
    if element is not None and element.get("type") == "html":
        return " ".join(BeautifulSoup(text, "html.parser").get_text().split())
    return text


def _has_tags(title: ET.Element) -> bool:
    """Whether an HTML title holds tags (dropped from the text written), not just entities."""
    return (
        title.get("type") == "html" and re.search(r"</?[a-zA-Z][^<>]*>", _text(title)) is not None
    )


def _number(entry_id: str) -> str:
    """The trailing number of a Blogger id: tag:blogger.com,1999:blog-1.post-42 → 42."""
    found = re.search(r"(\d+)$", entry_id)
    return found.group(1) if found else entry_id


def _count(export: Export, what: str) -> None:
    """Count one entry not imported, by what it is."""
    export.skipped[what] = export.skipped.get(what, 0) + 1


def _text(element: ET.Element | None) -> str:
    """An element's text, stripped; "" when the element is missing or empty."""
    if element is None or element.text is None:
        return ""
    return element.text.strip()


def _local(tag: str) -> str:
    """A tag without its namespace."""
    return tag.rpartition("}")[2]
