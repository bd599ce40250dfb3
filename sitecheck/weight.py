"""Page-weight budgets: HTML + CSS + JS a page needs, gzip-compressed (images and the comment
provider aside: images load lazily and responsively, the provider only when asked for)."""

import gzip
from html.parser import HTMLParser
from pathlib import Path

from .common import Context, Finding, Report
from .links import target_file, to_site_path

# Bytes, gzip-compressed (docs/quality-gates.md, 'Page weight budgets', states the same numbers).
BUDGETS = {"article": 30 * 1024, "home": 30 * 1024}


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and "stylesheet" in a.get("rel", "").split() and a.get("href"):
            self.urls.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.urls.append(a["src"])


def gzipped(data: bytes) -> int:
    """Size of data gzip-compressed at the level static hosts use."""
    return len(gzip.compress(data, 6))


def page_weight(root: Path, relpath: str, siteurl: str) -> tuple[int, list[str]]:
    """Compressed bytes of a page plus its own style sheets and scripts; files counted."""
    page = root / relpath
    html = page.read_bytes()
    parser = _Assets()
    parser.feed(html.decode("utf-8", errors="replace"))
    total, counted = gzipped(html), [relpath]
    for url in dict.fromkeys(parser.urls):
        site_path = to_site_path(url, relpath, siteurl)
        target = target_file(root, site_path) if site_path else None
        if target is not None:  # third-party scripts are not ours to weigh here
            total += gzipped(target.read_bytes())
            counted.append(target.relative_to(root).as_posix())
    return total, counted


def pages_of_kind(root: Path) -> dict[str, list[str]]:
    """The pages each budget applies to: every article, the home page."""
    articles = sorted(p.relative_to(root).as_posix() for p in root.glob("posts/*/index.html"))
    return {"article": articles, "home": ["index.html"] if (root / "index.html").is_file() else []}


def run(ctx: Context) -> Report:
    """The weight gate: every article and the home page within their budget."""
    findings, figures = [], []
    for kind, pages in pages_of_kind(ctx.root).items():
        budget = BUDGETS[kind]
        weights = []
        for relpath in pages:
            size, counted = page_weight(ctx.root, relpath, ctx.siteurl)
            weights.append((size, relpath))
            if size > budget:
                findings.append(
                    Finding(
                        relpath,
                        f"weighs {size / 1024:.1f} KB gzipped (HTML + CSS + JS: "
                        f"{', '.join(counted)}), over the {kind} budget of {budget / 1024:.0f} KB",
                    )
                )
        if weights:
            heaviest = max(weights)
            figures.append(
                f"{kind}: heaviest {heaviest[0] / 1024:.1f} KB gzipped ({heaviest[1]}), "
                f"lightest {min(weights)[0] / 1024:.1f} KB, budget {budget / 1024:.0f} KB"
            )
    return Report(findings, figures)
