"""sitemap.xml from the pages a build actually wrote: every page not marked noindex."""

from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class PageHead:
    """What the sitemap needs from one page's <head>."""

    indexable: bool
    canonical: str | None
    modified: str | None


class _HeadParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.noindex = False
        self.canonical: str | None = None
        self.modified: str | None = None
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and a.get("name", "").lower() == "robots":
            self.noindex = self.noindex or "noindex" in a.get("content", "").lower()
        elif tag == "meta" and a.get("property") in ("article:modified_time", "og:updated_time"):
            self.modified = a.get("content") or self.modified
        elif tag == "link" and "canonical" in a.get("rel", "").split():
            self.canonical = a.get("href") or None
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
    return PageHead(not parser.noindex, parser.canonical, parser.modified)


def url_for(siteurl: str, relpath: str) -> str:
    """The pretty URL of an output file: posts/x/index.html -> SITEURL/posts/x/."""
    if relpath == "index.html":
        return f"{siteurl}/"
    if relpath.endswith("/index.html"):
        return f"{siteurl}/{relpath[: -len('index.html')]}"
    return f"{siteurl}/{relpath}"


def render(entries: Iterable[tuple[str, str | None]]) -> str:
    """sitemap.xml text for (URL, lastmod) pairs, sorted by URL, duplicates dropped."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for loc, lastmod in sorted(dict(entries).items()):
        lines.append(f"  <url><loc>{escape(loc)}</loc>")
        if lastmod:
            lines.append(f"    <lastmod>{escape(lastmod)}</lastmod>")
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
