"""sitemap.xml from the pages a build actually wrote: every page not marked noindex."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import unescape
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class PageHead:
    """What the sitemap needs from one page's <head>."""

    indexable: bool
    canonical: str | None
    modified: str | None


# The head of a page this theme wrote: regular expressions are enough, and an HTML parser
# over every page of every build is most of the sitemap's cost.
_HEAD_TAG = re.compile(r"<(meta|link)\b([^>]*)>", re.I)
_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def _attributes(text: str) -> dict[str, str]:
    return {
        m.group(1).lower(): unescape(m.group(2) or m.group(3) or m.group(4) or "")
        for m in _ATTRIBUTE.finditer(text)
    }


def read_head(html: str) -> PageHead:
    """What the sitemap needs from the <meta> and <link> tags of a page's <head>."""
    end = html.find("</head>")
    noindex, canonical, modified = False, None, None
    for tag, attributes in _HEAD_TAG.findall(html if end < 0 else html[:end]):
        a = _attributes(attributes)
        if tag.lower() == "meta" and a.get("name", "").lower() == "robots":
            noindex = noindex or "noindex" in a.get("content", "").lower()
        elif tag.lower() == "meta" and a.get("property") in (
            "article:modified_time",
            "og:updated_time",
        ):
            modified = a.get("content") or modified
        elif tag.lower() == "link" and "canonical" in a.get("rel", "").split():
            canonical = a.get("href") or None
    return PageHead(not noindex, canonical, modified)


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
