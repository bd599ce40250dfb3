"""Every Atom feed is well-formed Atom, with an id of its own; the sitemap lists exactly the
published pages."""

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

from .common import Context, Finding, Report
from .links import target_file, to_site_path

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def _text(element: ET.Element, name: str) -> str | None:
    child = element.find(ATOM + name)
    return None if child is None else (child.text or "").strip()


def _required(element: ET.Element, where: str) -> list[str]:
    """What an atom:feed or atom:entry lacks of id, title, updated (RFC 3339)."""
    problems = [f"{where} has no <{n}>" for n in ("id", "title") if not _text(element, n)]
    updated = _text(element, "updated")
    if not updated:
        problems.append(f"{where} has no <updated>")
    elif not RFC3339.match(updated):
        problems.append(f"{where} <updated> is not an RFC 3339 date: {updated!r}")
    return problems


def check_feed(root: Path, path: Path, siteurl: str) -> list[str]:
    """What is wrong with one feed file: XML, Atom's required elements, entries' links."""
    try:
        feed = ET.parse(path).getroot()
    except ET.ParseError as exc:
        return [f"is not well-formed XML: {exc}"]
    if feed.tag != ATOM + "feed":
        return [f"is not an Atom feed (root element <{feed.tag}>)"]
    problems = _required(feed, "the feed")
    entries = feed.findall(ATOM + "entry")
    relpath = path.relative_to(root).as_posix()
    if feed.find(ATOM + "author") is None and any(e.find(ATOM + "author") is None for e in entries):
        problems.append("the feed has no <author>, and not every entry has one")
    for n, entry in enumerate(entries, 1):
        title = _text(entry, "title") or f"entry {n}"
        problems += _required(entry, f"entry {title!r}")
        links = [a.get("href", "") for a in entry.findall(ATOM + "link")]
        links = [href for href in links if href]
        if not links:
            problems.append(f"entry {title!r} has no <link href>")
        for href in links:
            site_path = to_site_path(href, relpath, siteurl)
            if site_path is not None and target_file(root, site_path) is None:
                problems.append(f"entry {title!r} links to {href}, which is not published")
    return problems


def shared_ids(root: Path, feeds: list[Path]) -> list[Finding]:
    """Feeds with another feed's <id>: a feed reader may take them for one feed and merge
    them (Pelican gave every feed the site's address)."""
    first: dict[str, str] = {}
    findings = []
    for path in feeds:
        try:
            feed_id = _text(ET.parse(path).getroot(), "id")
        except ET.ParseError:
            continue  # check_feed says so
        relpath = path.relative_to(root).as_posix()
        if feed_id and first.setdefault(feed_id, relpath) != relpath:
            findings.append(
                Finding(
                    relpath,
                    f"its <id> {feed_id} is {first[feed_id]}'s too: feed readers may merge "
                    "them; give each feed its own (its address)",
                )
            )
    return findings


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.noindex = False
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and a.get("name", "").lower() == "robots":
            self.noindex = self.noindex or "noindex" in a.get("content", "").lower()
        elif tag == "link" and "canonical" in a.get("rel", "").split():
            self.canonical = a.get("href") or None


def page_url(siteurl: str, relpath: str) -> str:
    """The URL a page is served at: 'posts/x/index.html' -> SITEURL/posts/x/."""
    path = relpath.removesuffix("index.html")
    return f"{siteurl}/{path}"


def expected_sitemap(root: Path, siteurl: str) -> dict[str, str]:
    """URL -> output file of every page that belongs in the sitemap."""
    expected = {}
    for path in sorted(root.rglob("*.html")):
        relpath = path.relative_to(root).as_posix()
        if relpath == "404.html" or relpath.startswith("drafts/"):
            continue
        html = path.read_text(encoding="utf-8", errors="replace")
        head = _Head()
        end = html.find("</head>")
        head.feed(html if end < 0 else html[:end])
        if not head.noindex:
            expected[head.canonical or page_url(siteurl, relpath)] = relpath
    return expected


def check_sitemap(root: Path, siteurl: str, name: str = "sitemap.xml") -> list[Finding]:
    """The sitemap lists every published, indexable page, once, and nothing else."""
    path = root / name
    if not path.is_file():
        return [Finding(name, "no sitemap was written")]
    try:
        urlset = ET.parse(path).getroot()
    except ET.ParseError as exc:
        return [Finding(name, f"is not well-formed XML: {exc}")]
    listed = [(loc.text or "").strip() for loc in urlset.iter(SITEMAP + "loc")]
    expected = expected_sitemap(root, siteurl)
    findings = [
        Finding(name, f"lists {url} twice") for url in sorted(set(listed)) if listed.count(url) > 1
    ]
    for url in sorted(set(listed) - set(expected)):
        site_path = to_site_path(url, name, siteurl)
        target = target_file(root, site_path) if site_path else None
        why = (
            "which is not published"
            if target is None
            else "which is not indexable (noindex, 404 or a draft)"
        )
        findings.append(Finding(name, f"lists {url}, {why}"))
    for url in sorted(set(expected) - set(listed)):
        findings.append(Finding(name, f"misses {url} (published as {expected[url]})"))
    return findings


def run(ctx: Context) -> Report:
    """The feeds gate: every feed is valid Atom with its own id, the sitemap is exact."""
    feeds = [p for p in sorted(ctx.root.rglob("*.xml")) if p.name != "sitemap.xml"]
    findings = [
        Finding(ctx.rel(path), problem)
        for path in feeds
        for problem in check_feed(ctx.root, path, ctx.siteurl)
    ]
    findings += shared_ids(ctx.root, feeds)
    sitemap = check_sitemap(ctx.root, ctx.siteurl)
    listed = len(expected_sitemap(ctx.root, ctx.siteurl))
    return Report(
        findings + sitemap,
        [
            f"{len(feeds)} feeds, {len(findings)} problems",
            f"sitemap of {listed} pages, {len(sitemap)} problems",
        ],
    )
