"""Read a WordPress export (WXR, any version 1.0–1.2) into the neutral model.

What WordPress writes in Tools → Export: an RSS 2.0 file whose ``channel`` holds the authors
(``wp:author``), the terms, and one ``item`` per post, page, attachment, menu entry, revision…,
each with its ``wp:comment`` children (comments, pingbacks and trackbacks in every state).
ElementTree parses it (no external entities are ever fetched); everything here is plain data.
"""

import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from . import archives, xmltext
from .model import (
    APPROVED,
    AUTHOR,
    CATEGORY,
    COMMENT,
    DRAFT,
    PAGE,
    PENDING,
    PINGBACK,
    POST,
    PUBLISHED,
    SPAM,
    TAG,
    TRACKBACK,
    TRASH,
    WEBMENTION,
    Attachment,
    Author,
    Comment,
    Export,
    ExportError,
    Item,
    Listing,
)

CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"
_WP_NS = re.compile(r"^\{(https?://wordpress\.org/export/1\.\d+/)\}")

# wp:status of posts and pages -> ours; the rest (trash, auto-draft, inherit) are not imported
_STATUSES = {"publish": PUBLISHED, "draft": DRAFT, "pending": DRAFT, "future": DRAFT}
_COMMENT_STATES = {"1": APPROVED, "approve": APPROVED, "0": PENDING, "hold": PENDING}
_COMMENT_STATES |= {"spam": SPAM, "trash": TRASH, "post-trashed": TRASH}
# item types WordPress itself writes that are not content a reader sees: skipped quietly
_MACHINERY = {
    "nav_menu_item", "revision", "custom_css", "customize_changeset", "oembed_cache",
    "user_request", "wp_block", "wp_template", "wp_template_part", "wp_global_styles",
    "wp_navigation", "wp_font_family", "wp_font_face", "feedback",
}  # fmt: skip


def _text(element: ET.Element | None, name: str) -> str:
    """The stripped text of a child element, "" when absent or empty."""
    child = element.find(name) if element is not None else None
    return (child.text or "").strip() if child is not None else ""


def _name(element: ET.Element | None, name: str) -> str:
    """A child's text that WordPress stores HTML-escaped (titles, term names, display and
    commenter names: `Q&amp;A`, `Rock &#8216;n&#8217; Roll`), as the plain text it shows."""
    return html.unescape(_text(element, name)).strip()


_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
# the widest UTC offsets a place keeps (UTC-12 to UTC+14), WordPress's choices among them
_MAX_OFFSET = dt.timedelta(hours=14)


def _plain_title(title: str) -> str:
    """A title as the text the old site showed: WordPress prints a title's markup as HTML
    ('Hello &amp; <em>welcome</em>' read 'Hello & welcome'), where the site would show it."""
    if not _TAG.search(title):
        return title
    return " ".join(BeautifulSoup(title, "html.parser").get_text().split())


def _item_date(
    item: ET.Element, wp: str, post_id: str, title: str, problems: list[str]
) -> dt.datetime | None:
    """When the item was published: post_date (the old site's local time), with the UTC offset
    its post_date_gmt gives (_local); when it is empty or WordPress's zero date,
    post_date_gmt (in UTC), else the last change (reported); else None."""
    date = _local(item, wp, "post_date", post_id, title, problems)
    if date is not None:
        return date
    for field in ("post_date_gmt", "post_modified", "post_modified_gmt"):
        if field == "post_modified":
            found = _local(item, wp, field, post_id, title, problems)
        else:
            found = _date(_text(item, f"{wp}{field}"), utc=True)
        if found is not None:
            problems.append(
                f"item {post_id} ({title!r}) has no post_date: dated by its {field}"
                + (" (UTC)" if field.endswith("_gmt") else "")
            )
            return found
    return None


def _local(
    item: ET.Element, wp: str, field: str, post_id: str, title: str, problems: list[str]
) -> dt.datetime | None:
    """A local time of the old site (post_date, post_modified) with its UTC offset: the
    difference from its _gmt twin (2009-01-12 11:00 and 10:00 GMT: +01:00), so the post keeps
    its moment, whatever the site's TIMEZONE. Without a twin (a draft's is WordPress's zero
    date) it has no offset: read in the site's TIMEZONE; a twin no offset explains is reported."""
    local = _date(_text(item, f"{wp}{field}"), utc=False)
    gmt = _date(_text(item, f"{wp}{field}_gmt"), utc=False)
    if local is None or gmt is None:
        return local
    offset = local - gmt
    if offset % dt.timedelta(minutes=1) or abs(offset) > _MAX_OFFSET:
        problems.append(
            f"item {post_id} ({title!r}): its {field} ({local:%Y-%m-%d %H:%M:%S}) and "
            f"{field}_gmt ({gmt:%Y-%m-%d %H:%M:%S}) differ by no time zone's offset: "
            "the local time is kept, read in the site's TIMEZONE"
        )
        return local
    return local.replace(tzinfo=dt.timezone(offset))


def _raw(element: ET.Element, name: str) -> str:
    """A child's text as written (bodies keep their newlines)."""
    child = element.find(name)
    return (child.text or "") if child is not None else ""


def _date(value: str, utc: bool) -> dt.datetime | None:
    """WordPress's 'YYYY-MM-DD HH:MM:SS'; None for its empty '0000-00-00 00:00:00'."""
    if not value or value.startswith("0000"):
        return None
    try:
        parsed = dt.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return parsed.replace(tzinfo=dt.UTC) if utc else parsed


def _namespace(root: ET.Element, source: str) -> str:
    """The file's wp: namespace (1.0, 1.1 or 1.2), or an ExportError saying what it is instead."""
    if root.tag != "rss" or root.find("channel") is None:
        kind = root.tag.split("}")[-1]
        hint = " (a Blogger export? use `invoke import-blogger`)" if kind == "feed" else ""
        raise ExportError(
            f"{source}: not a WordPress export: its root is <{kind}>, expected <rss> with a "
            f"<channel> (WordPress: Tools → Export → All content){hint}"
        )
    for element in root.find("channel"):
        match = _WP_NS.match(element.tag)
        if match:
            return "{" + match[1] + "}"
    raise ExportError(
        f"{source}: an RSS feed, not a WordPress export: no wp: elements (WordPress: Tools → "
        "Export → All content writes them)"
    )


def _describe(item: bytes) -> str:
    """'item 95 ('Pasted')' from an <item> element's bytes, as a report names it."""
    post_id = re.search(rb"<wp:post_id>\s*(?:<!\[CDATA\[)?\s*([^<\]]+)", item)
    title = re.search(rb"<title>\s*(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?\s*</title>", item, re.S)
    name = html.unescape(title[1].decode("utf-8", "replace")).strip() if title else ""
    return f"item {post_id[1].decode('utf-8', 'replace').strip() if post_id else '?'} ({name!r})"


def _repaired(source: str, data: bytes, sections: list[int]) -> str:
    """The report's line for the post texts whose unsplit ']]>' was repaired, naming them."""
    names = []
    for offset in sections:
        begin = data.rfind(b"<item", 0, offset)
        end = data.find(b"</item>", offset)
        names.append(_describe(data[begin : end if end >= 0 else None]) if begin >= 0 else "?")
    count = f"{len(sections)} CDATA section{'s' if len(sections) > 1 else ''}"
    return (
        f"{source}: {count} repaired: post texts with a ']]>' inside, which old WordPress "
        "versions wrote unsplit (not well-formed XML); the text is read as written: "
        + ", ".join(names)
    )


def _root(path: Path, problems: list[str]) -> ET.Element:
    """The export's root element; characters XML forbids are dropped (one line each item in
    `problems`) and an old export's unsplit ']]>' in a post's text repaired (one line), rather
    than stopping the import: exporting again writes the first again, and of the second's
    blog often nothing is left to export."""
    source = str(path)
    try:
        if path.stat().st_size == 0:
            raise ExportError(f"{source}: the file is empty; expected a WordPress export (WXR)")
        data = xmltext.unpacked(source, path.read_bytes(), "wordpress")
        # A theme or plugin that prints a blank line (a newline after its closing ?>) puts
        # it before the export's <?xml declaration, where XML allows nothing: every export
        # from that site has it, so it is read without them rather than refused
        bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
        head = data[len(bom) :]
        if head[:1].isspace() and head.lstrip().startswith(b"<?xml"):
            lines = head[: len(head) - len(head.lstrip())].count(b"\n")
            data = bom + head.lstrip()
            problems.append(
                f"{source}: {lines or 'a'} blank line{'s' if lines > 1 else ''} before the "
                "<?xml declaration (written by a theme or plugin of the old site) ignored"
            )
        try:
            return ET.fromstring(data)
        except ET.ParseError:
            cleaned, notes = xmltext.strip_forbidden(data, b"item", _describe)
            repair = xmltext.repair_cdata(cleaned, b"content:encoded")
            if not notes and not repair.sections:
                raise
        try:
            root = ET.fromstring(repair.data)
        except ET.ParseError as exc:
            if not repair.sections:
                return ET.fromstring(data)  # the first error is the one to report
            # the sections repaired, something else is wrong: where that is, in the file
            line, column = exc.position
            exc.position = (line, xmltext.original_column(repair, line, column))
            raise
        problems.extend(notes)
        if repair.sections:
            problems.append(_repaired(source, cleaned, repair.sections))
        return root
    except ET.ParseError as exc:
        line, column = exc.position
        reason = str(exc).split(":")[0]
        # expat's "no element found" and "unclosed token": the text stopped mid-way
        cut = "; the file looks cut short" if exc.code in (3, 5) else ""
        raise ExportError(
            f"{source}: not readable XML at line {line}, column {column + 1} ({reason}{cut}): "
            "export it again from WordPress"
        ) from None
    except OSError as exc:
        raise ExportError(f"{source}: cannot be read ({exc.strerror})") from None


def _unmarked(login: str) -> str:
    """A dc:creator without what a mistyped or mangled one carries: markup, stray '<' or '>'
    ('>themereviewteam'), spaces around it or doubled."""
    text = re.sub(r"<[^<>]*>|[<>]", "", html.unescape(login))
    return " ".join(text.split())


def _creator(written: str, known: dict[str, Author]) -> str:
    """The login an item's dc:creator names: an author of the export it is once cleaned and
    case folded (WordPress matches logins without regard to case: "Bob" writes as "bob"),
    else itself cleaned ("" when nothing is left)."""
    if not written or written in known:
        return written
    cleaned = _unmarked(written)
    by_folded = {_unmarked(login).casefold(): login for login in reversed(list(known))}
    return by_folded.get(cleaned.casefold(), cleaned)


def _site(channel: ET.Element, wp: str) -> str:
    """The old site's address: wp:base_blog_url, else the channel's link."""
    return (_text(channel, f"{wp}base_blog_url") or _text(channel, "link")).rstrip("/")


def _old_urls(item: ET.Element, wp: str, post_id: str, kind: str, site: str) -> list[str]:
    """Where readers found the item: its permalink and WordPress's own ?p= / ?page_id= form."""
    urls = []
    link = _text(item, "link")
    host = urlsplit(site).netloc
    if link and (not host or urlsplit(link).netloc in ("", host)):
        urls.append(link)
    short = f"{site}/?{'page_id' if kind == PAGE else 'p'}={post_id}"
    if short not in urls:
        urls.append(short)
    return urls


# wp:comment_type -> ours. Any other type is not a reader's comment and never imported (counted):
# WordPress 6.9's editorial notes ('note'), WooCommerce's 'order_note' and 'review', and so on
_COMMENT_TYPES = {"": COMMENT, "comment": COMMENT, "pingback": PINGBACK, "trackback": TRACKBACK}
_COMMENT_TYPES |= {"webmention": WEBMENTION}


def _comments(item: ET.Element, wp: str, post_id: str, skipped: dict[str, int]) -> list[Comment]:
    """An item's comments, pingbacks, trackbacks and webmentions; those of any other type
    are counted in `skipped` ('note comments': 2), not read."""
    out = []
    for element in item.findall(f"{wp}comment"):
        kind = _text(element, f"{wp}comment_type").lower()
        if kind in _COMMENT_TYPES:
            out.append(_comment(element, wp, post_id))
        else:
            key = f"{kind} comments"
            skipped[key] = skipped.get(key, 0) + 1
    return out


def _comment(element: ET.Element, wp: str, item_id: str) -> Comment:
    kind = _COMMENT_TYPES[_text(element, f"{wp}comment_type").lower()]
    url = _text(element, f"{wp}comment_author_url")
    if kind == WEBMENTION:  # the page that sent it, which the Webmention plugin keeps apart
        meta = _meta(element, wp, "commentmeta")
        url = meta.get("webmention_source_url") or meta.get("url") or url
    approved = _text(element, f"{wp}comment_approved").lower()
    parent = _text(element, f"{wp}comment_parent")
    return Comment(
        id=f"{item_id}/{_text(element, f'{wp}comment_id')}",
        parent=f"{item_id}/{parent}" if parent not in ("", "0") else None,
        kind=kind,
        status=_COMMENT_STATES.get(approved, PENDING),
        author=_name(element, f"{wp}comment_author"),
        email=_text(element, f"{wp}comment_author_email"),
        url=url,
        date=_date(_text(element, f"{wp}comment_date_gmt"), utc=True)
        or _date(_text(element, f"{wp}comment_date"), utc=False),
        html=_raw(element, f"{wp}comment_content"),
    )


def _terms(item: ET.Element, domain: str) -> list[str]:
    """The names of an item's terms of one taxonomy, in the export's order, once each."""
    names = []
    for element in item.findall("category"):
        name = html.unescape(element.text or "").strip()
        if element.get("domain") == domain and name and name not in names:
            names.append(name)
    return names


def _slugs(item: ET.Element, domain: str) -> dict[str, str]:
    """An item's terms of one taxonomy: name -> its slug (WordPress's nicename)."""
    found: dict[str, str] = {}
    for element in item.findall("category"):
        name = html.unescape(element.text or "").strip()
        slug = (element.get("nicename") or "").strip()
        if element.get("domain") == domain and name and slug:
            found.setdefault(name, slug)
    return found


def _listings(
    channel: ET.Element, wp: str, export: Export, terms: dict[str, dict[str, str]]
) -> list[Listing]:
    """The archive pages of the published posts' categories, tags and authors, at the old
    addresses: the bases from the old blog's own links to them, else WordPress's defaults
    (each base read is a line of the report)."""
    parents = {
        _text(c, f"{wp}category_nicename"): _text(c, f"{wp}category_parent")
        for c in channel.findall(f"{wp}category")
    }
    slugs = {
        CATEGORY: {name: archives.category_path(s, parents) for name, s in terms[CATEGORY].items()},
        TAG: terms[TAG],
    }
    posts = [i for i in export.items if i.old_urls]
    bases = archives.read_bases(
        (i.html for i in export.items),
        export.site_url,
        {kind: found.values() for kind, found in slugs.items()},
        [urlsplit(u).path for i in posts for u in i.old_urls],
    )
    listings = []
    for kind, found in slugs.items():
        base, links = bases.get(kind, (archives.DEFAULT_BASES[kind], 0))
        if links:
            export.problems.append(
                f"the {kind} pages were at /{base}/<{kind}>/, as {links} link(s) of the posts "
                f"to them say (WordPress's {kind.capitalize()} base): redirected from there"
            )
        for name, slug in found.items():
            path = archives.wordpress_path(export.site_url, base, slug)
            listings.append(Listing(kind, name, path, paged=True))
    authors = (i.author for i in posts if i.kind == POST and i.author)
    for login in dict.fromkeys(authors):
        path = archives.wordpress_path(export.site_url, "author", archives.nicename(login))
        listings.append(Listing(AUTHOR, login, path, paged=True))
    return listings


def _nicename(item: ET.Element, domain: str) -> str:
    """The slug of the item's first term of one taxonomy ("" when it has none)."""
    for element in item.findall("category"):
        if element.get("domain") == domain and (element.get("nicename") or "").strip():
            return element.get("nicename", "").strip()
    return ""


def _language(item: ET.Element, meta: dict[str, str]) -> str:
    """The item's language: Polylang's 'language' taxonomy (its slug, e.g. 'fr'), else the
    code WPML's Export and Import add-on writes in its postmeta."""
    return _nicename(item, "language") or meta.get("_wpml_import_language_code", "").strip()


def _translation_group(item: ET.Element, meta: dict[str, str]) -> str:
    """The group of versions the item is one of: Polylang's 'post_translations' term
    (pll_<id>, the same on each version), else WPML's translation group (its trid, in the
    postmeta WPML Export and Import writes); "" when it is in none."""
    polylang = _nicename(item, "post_translations")
    if polylang:
        return f"polylang:{polylang}"
    wpml = meta.get("_wpml_import_translation_group", "").strip()
    return f"wpml:{wpml}" if wpml else ""


def _meta(element: ET.Element, wp: str, name: str = "postmeta") -> dict[str, str]:
    """An item's postmeta (a comment's commentmeta), key -> value."""
    return {
        _text(m, f"{wp}meta_key"): _text(m, f"{wp}meta_value")
        for m in element.findall(f"{wp}{name}")
    }


def _attachment(item: ET.Element, wp: str, post_id: str) -> Attachment:
    meta = _meta(item, wp)
    parent = _text(item, f"{wp}post_parent")
    return Attachment(
        id=post_id,
        url=_text(item, f"{wp}attachment_url") or _text(item, "guid"),
        parent=parent if parent not in ("", "0") else None,
        title=_name(item, "title"),
        caption=_excerpt(item),
        alt=html.unescape(meta.get("_wp_attachment_image_alt", "")),
    )


def _excerpt(item: ET.Element) -> str:
    for element in item:
        if element.tag.endswith("/excerpt/}encoded"):
            return (element.text or "").strip()
    return ""


def _hidden(item: ET.Element, wp: str, wp_status: str) -> str:
    """What kept an item from readers of the old site: 'password-protected', 'private', or ""."""
    if _text(item, f"{wp}post_password"):
        return "password-protected"
    return "private" if wp_status == "private" else ""


def parse(path: Path, private: bool = False) -> Export:
    """Read a WordPress WXR file; an ExportError names what is wrong with a file it cannot read.

    Private and password-protected posts and pages are left out (counted, and one line says
    how to have them) unless `private`: the content folder is committed, perhaps to a public
    repository, and they were never public; with it, they are drafts."""
    problems: list[str] = []
    root = _root(path, problems)
    wp = _namespace(root, str(path))
    channel = root.find("channel")
    site = _site(channel, wp)
    export = Export(
        source="wordpress",
        site_url=site,
        title=_name(channel, "title"),
        lang=_text(channel, "language").split("-")[0].lower(),
        problems=problems,
    )
    for element in channel.findall(f"{wp}author"):
        login = _text(element, f"{wp}author_login")
        if not login:
            continue
        export.authors[login] = Author(
            login=login,
            name=_name(element, f"{wp}author_display_name"),
            email=_text(element, f"{wp}author_email"),
            first_name=_name(element, f"{wp}author_first_name"),
            last_name=_name(element, f"{wp}author_last_name"),
        )
    declared = set(export.authors)
    terms: dict[str, dict[str, str]] = {CATEGORY: {}, TAG: {}}  # the published posts' terms
    undeclared: dict[str, list[str]] = {}  # a login no wp:author declares -> its items
    mended: dict[tuple[str, str], list[str]] = {}  # (as written, declared login) -> its items
    seen: dict[str, str] = {}
    marked: list[str] = []  # the items whose title's markup was dropped
    kept_out: list[str] = []  # private and password-protected items, not read
    for number, item in enumerate(channel.findall("item"), 1):
        post_id = _text(item, f"{wp}post_id") or f"item-{number}"
        kind = _text(item, f"{wp}post_type") or POST
        title = _plain_title(_name(item, "title"))
        if kind in (POST, PAGE) and title != _name(item, "title"):
            marked.append(f"item {post_id} ({_name(item, 'title')!r})")
        if kind == "attachment":
            export.attachments[post_id] = _attachment(item, wp, post_id)
            continue
        if kind in _MACHINERY:
            export.skipped[kind] = export.skipped.get(kind, 0) + 1
            continue
        if kind not in (POST, PAGE):
            export.problems.append(
                f"item {post_id} ({title or 'untitled'!r}) is a {kind!r}, not a post or page "
                "(a plugin's content type): not imported"
            )
            export.skipped[kind] = export.skipped.get(kind, 0) + 1
            continue
        if post_id in seen:
            export.problems.append(
                f"item {post_id} appears twice in the export ({seen[post_id]!r} and {title!r}): "
                "both imported"
            )
        seen[post_id] = title
        wp_status = _text(item, f"{wp}status") or "publish"
        if wp_status not in (*_STATUSES, "private"):
            export.skipped[f"{wp_status} {kind}"] = export.skipped.get(f"{wp_status} {kind}", 0) + 1
            continue
        status = _STATUSES.get(wp_status, DRAFT)
        hidden = _hidden(item, wp, wp_status)
        if hidden and not private:
            # its comments go with it: said, so that every comment of the export is accounted for
            responses = len(item.findall(f"{wp}comment"))
            with_them = f", with its {responses} comment{'s' if responses > 1 else ''}"
            kept_out.append(f"item {post_id} ({title!r}{with_them if responses else ''})")
            export.skipped[f"{hidden} {kind}s"] = export.skipped.get(f"{hidden} {kind}s", 0) + 1
            continue
        if hidden:
            export.problems.append(
                f"item {post_id} ({title!r}) was {hidden} (--private): imported as a draft; "
                "never commit it to a public repository"
            )
            status = DRAFT
        elif wp_status in ("pending", "future"):
            export.problems.append(
                f"item {post_id} ({title!r}) was {wp_status}: imported as a draft"
            )
        written = _text(item, f"{DC}creator")
        creator = _creator(written, export.authors)
        named = f"item {post_id} ({title!r})"
        if creator.casefold() != written.casefold() and creator in declared:
            # a stray mark, not another person: the declared author's, and said
            mended.setdefault((written, creator), []).append(named)
        if creator and creator not in declared:
            export.authors.setdefault(creator, Author(login=creator, name=""))
            if declared:  # WXR 1.0 (WordPress before 2011) declares no author at all
                undeclared.setdefault(creator, []).append(named)
        categories = [c for c in _terms(item, "category") if c.lower() != "uncategorized"]
        published = status == PUBLISHED
        if published and kind == POST:
            for domain, taxonomy in (("category", CATEGORY), ("post_tag", TAG)):
                for name, slug in _slugs(item, domain).items():
                    if name.lower() != "uncategorized" or taxonomy == TAG:
                        terms[taxonomy].setdefault(name, slug)
        meta = _meta(item, wp)
        export.items.append(
            Item(
                id=post_id,
                kind=kind,
                status=status,
                title=title,
                slug=unquote(_text(item, f"{wp}post_name")),
                html=_raw(item, f"{CONTENT}encoded"),
                date=_item_date(item, wp, post_id, title, export.problems),
                modified=_local(item, wp, "post_modified", post_id, title, export.problems),
                author=creator,
                categories=categories,
                tags=_terms(item, "post_tag"),
                excerpt=_excerpt(item),
                lang=_language(item, meta),
                translation_group=_translation_group(item, meta),
                comments_open=_text(item, f"{wp}comment_status") != "closed",
                old_urls=_old_urls(item, wp, post_id, kind, site) if published else [],
                comments=_comments(item, wp, post_id, export.skipped),
                featured=meta.get("_thumbnail_id", "").strip(),
                raw_wordpress=True,
            )
        )
    if kept_out:
        export.problems.append(
            f"{len(kept_out)} private or password-protected item{'s' if len(kept_out) > 1 else ''}"
            " not imported (never public on the old blog, and the content folder is "
            "committed, perhaps to a public repository): to have them as drafts, import again "
            f"with --private; {', '.join(kept_out)}"
        )
    if marked:
        export.problems.append(
            f"{'titles' if len(marked) > 1 else 'a title'} with markup written as plain text, "
            f"its tags dropped (the site shows a title as written): {', '.join(marked)}"
        )
    for (written, login), items in mended.items():
        export.problems.append(
            f"author {written!r} (in dc:creator) read as the export's author {login!r}: "
            f"{', '.join(items)}"
        )
    for login, items in undeclared.items():
        export.problems.append(
            f"author {login!r} is not one of the export's authors (wp:author): an author of "
            f"their own (a team file, if they published); used by {', '.join(items)}"
        )
    export.listings = _listings(channel, wp, export, terms)
    if not export.items:
        others = ", ".join(f"{n} {kind}" for kind, n in sorted(export.skipped.items()))
        raise ExportError(
            f"{path}: no post or page in this export"
            + (f" (only {others})" if others else "")
            + (
                ": to import private and password-protected ones as drafts, add --private"
                if kept_out
                else ": export again with Tools → Export → All content"
            )
        )
    return export
