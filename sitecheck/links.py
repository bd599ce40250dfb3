"""Find internal links and #anchors in a built site that lead nowhere."""

from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .common import Context, Finding, Report

_LINK_ATTRS = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "srcset"}


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        attr = _LINK_ATTRS.get(tag)
        if attr == "srcset" and a.get("srcset"):
            self.links += [c.strip().split(" ")[0] for c in a["srcset"].split(",") if c.strip()]
        elif attr and a.get(attr):
            self.links.append(a[attr])


def parse_page(html: str) -> tuple[set[str], list[str]]:
    """The ids defined in a page and the URLs it links to."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return parser.ids, parser.links


def target_file(root: Path, site_path: str) -> Path | None:
    """The output file a site path is served from, or None if nothing serves it."""
    candidate = root / site_path.lstrip("/")
    if site_path.endswith("/") or site_path == "":
        candidate = candidate / "index.html"
    if candidate.is_file():
        return candidate
    if (candidate / "index.html").is_file():
        return candidate / "index.html"
    return None


def to_site_path(url: str, page_relpath: str, siteurl: str) -> str | None:
    """The root-relative path a link points at, or None when it leaves the site."""
    if siteurl and (
        url == siteurl or url.startswith(siteurl + "/") or url.startswith(siteurl + "#")
    ):
        url = url[len(siteurl) :] or "/"
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("mailto:", "tel:", "data:")):
        return None
    path = unquote(parts.path)
    if not path:
        return "/" + page_relpath
    if path.startswith("/"):
        return path
    base = Path("/" + page_relpath).parent
    resolved = (base / path).as_posix()
    # normalise '..' without touching the file system
    out: list[str] = []
    for seg in resolved.split("/"):
        if seg == "..":
            if out:
                out.pop()
        elif seg not in ("", "."):
            out.append(seg)
    return "/" + "/".join(out) + ("/" if path.endswith("/") else "")


def check_site(root: Path, siteurl: str = "") -> list[Finding]:
    """Every broken internal link or anchor in the HTML pages under root."""
    pages: dict[Path, tuple[set[str], list[str]]] = {}
    for file in sorted(root.rglob("*.html")):
        pages[file] = parse_page(file.read_text(encoding="utf-8", errors="replace"))
    findings: list[Finding] = []
    for file, (_, links) in pages.items():
        relpath = file.relative_to(root).as_posix()
        for url in dict.fromkeys(links):
            findings += _check_link(root, pages, relpath, url, siteurl)
    return findings


def _check_link(root, pages, relpath: str, url: str, siteurl: str) -> Iterable[Finding]:
    site_path = to_site_path(url, relpath, siteurl)
    if site_path is None:
        return []
    target = target_file(root, site_path)
    if target is None:
        return [Finding(relpath, f"broken link {url} (nothing is published at {site_path})")]
    fragment = urlsplit(url).fragment
    if fragment and target.suffix == ".html":
        ids = pages.get(target) or parse_page(target.read_text(encoding="utf-8"))
        if unquote(fragment) not in ids[0]:
            return [Finding(relpath, f"broken anchor {url} (no id {fragment!r} in that page)")]
    return []


def run(ctx: Context) -> Report:
    """The links gate: every internal link and #anchor of every page resolves."""
    findings = check_site(ctx.root, ctx.siteurl)
    return Report(findings, [f"{len(findings)} broken links or anchors"])
