"""sitemap.xml from the pages a build actually wrote: every page not marked noindex.

A page's language versions (its <link rel="alternate" hreflang> in <head>) are listed with it
as <xhtml:link rel="alternate" hreflang> entries, as search engines read them.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from xml.sax.saxutils import escape, quoteattr


@dataclass(frozen=True)
class PageHead:
    """What the sitemap needs from one page's <head>."""

    indexable: bool
    canonical: str | None
    modified: str | None
    alternates: tuple[tuple[str, str], ...] = ()  # (hreflang, URL) of each language version


class _HeadParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.noindex = False
        self.canonical: str | None = None
        self.modified: str | None = None
        self.alternates: list[tuple[str, str]] = []
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and a.get("name", "").lower() == "robots":
            self.noindex = self.noindex or "noindex" in a.get("content", "").lower()
        elif tag == "meta" and a.get("property") in ("article:modified_time", "og:updated_time"):
            self.modified = a.get("content") or self.modified
        elif tag == "link" and "canonical" in a.get("rel", "").split():
            self.canonical = a.get("href") or None
        elif (
            tag == "link"
            and "alternate" in a.get("rel", "").split()
            and a.get("hreflang")
            and a.get("href")
            and not a.get("type")  # a feed in that language, not a version of this page
        ):
            self.alternates.append((a["hreflang"], a["href"]))
        elif tag == "body":
            self.done = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.done = True


def read_head(html: str) -> PageHead:
    """Parse only as much of a page as its <head>."""
    parser = _HeadParser()
    end = html.find("</head>")
    parser.feed(html if end < 0 else html[: end + 7])
    return PageHead(not parser.noindex, parser.canonical, parser.modified, tuple(parser.alternates))


def url_for(siteurl: str, relpath: str) -> str:
    """The pretty URL of an output file: posts/x/index.html -> SITEURL/posts/x/."""
    if relpath == "index.html":
        return f"{siteurl}/"
    if relpath.endswith("/index.html"):
        return f"{siteurl}/{relpath[: -len('index.html')]}"
    return f"{siteurl}/{relpath}"


def render(entries: Iterable[tuple]) -> str:
    """sitemap.xml text for (URL, lastmod[, alternates]) entries, sorted by URL, deduplicated.

    alternates: (hreflang, URL) pairs, written as xhtml:link elements.
    """
    by_url = {entry[0]: (entry[1], entry[2] if len(entry) > 2 else ()) for entry in entries}
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for loc, (lastmod, alternates) in sorted(by_url.items()):
        lines.append(f"  <url><loc>{escape(loc)}</loc>")
        if lastmod:
            lines.append(f"    <lastmod>{escape(lastmod)}</lastmod>")
        for hreflang, href in alternates:
            lines.append(
                f'    <xhtml:link rel="alternate" hreflang={quoteattr(hreflang)}'
                f" href={quoteattr(href)}/>"
            )
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
