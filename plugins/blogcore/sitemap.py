"""sitemap.xml from the pages a build actually wrote: every page not marked noindex.

A page's language versions (its <link rel="alternate" hreflang> in <head>) are listed with it
as <xhtml:link rel="alternate" hreflang> entries, as search engines read them.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import unescape
from xml.sax.saxutils import escape, quoteattr


@dataclass(frozen=True)
class PageHead:
    """What the sitemap needs from one page's <head>."""

    indexable: bool
    canonical: str | None
    modified: str | None
    alternates: tuple[tuple[str, str], ...] = ()  # (hreflang, URL) of each language version


# The head of a page this engine wrote (never a writer's HTML): regular expressions are
# enough, and an HTML parser over every page of every build would be most of the sitemap's
# cost (0.05 ms a page here, 1.24 ms with beautifulsoup4: docs/performance.md).
_HEAD_TAG = re.compile(r"<(meta|link)\b([^>]*)>", re.I)
# A tag can only matter if its attributes hold one of these words (or an entity, which might
# spell one): the twenty other tags of a head (icons, feeds, Open Graph) are not parsed.
_WORDS = {"meta": ("robots", "modified_time", "updated_time"), "link": ("canonical", "alternate")}
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
    alternates: list[tuple[str, str]] = []
    for tag, attributes in _HEAD_TAG.findall(html if end < 0 else html[:end]):
        tag, low = tag.lower(), attributes.lower()
        if "&" not in low and not any(word in low for word in _WORDS[tag]):
            continue
        a = _attributes(attributes)
        rel = a.get("rel", "").split()
        if tag == "meta" and a.get("name", "").lower() == "robots":
            noindex = noindex or "noindex" in a.get("content", "").lower()
        elif tag == "meta" and a.get("property") in ("article:modified_time", "og:updated_time"):
            modified = a.get("content") or modified
        elif tag == "link" and "canonical" in rel:
            canonical = a.get("href") or None
        elif (
            tag == "link"
            and "alternate" in rel
            and a.get("hreflang")
            and a.get("href")
            and not a.get("type")  # a feed in that language is not a version of this page
        ):
            alternates.append((a["hreflang"], a["href"]))
    return PageHead(not noindex, canonical, modified, tuple(alternates))


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
