"""Which pages of a build stand for each kind of page (the browser gates check one of each)."""

from pathlib import Path

# What marks an article's optional blocks in the theme's markup.
FEATURES = {
    "series": 'class="series-nav"',
    "gallery": 'class="gallery"',
    "comments": 'id="comments"',
}


def articles_covering(root: Path) -> list[str]:
    """Few articles that between them show a series, a gallery and comments (richest first)."""
    shown = {}
    for path in sorted(root.glob("posts/*/index.html")):
        html = path.read_text(encoding="utf-8", errors="replace")
        shown[path.relative_to(root).as_posix()] = {k for k, v in FEATURES.items() if v in html}
    chosen, missing = [], set(FEATURES)
    while shown and missing:
        best = max(sorted(shown), key=lambda p: len(shown[p] & missing))
        if not shown[best] & missing and chosen:
            break
        chosen.append(best)
        missing -= shown.pop(best)
    return chosen


def _first(root: Path, pattern: str, exclude: str = "") -> list[str]:
    found = sorted(p.relative_to(root).as_posix() for p in root.glob(pattern))
    return [p for p in found if p != exclude][:1]


def pages_by_kind(root: Path) -> dict[str, list[str]]:
    """Kind -> output files: home, article(s), team, profile, tag, archives, 404."""
    kinds = {
        "home": ["index.html"],
        "article": articles_covering(root),
        "team": ["team/index.html"],
        "profile": _first(root, "team/*/index.html"),
        "tag": _first(root, "tag/*/index.html"),
        "archives": ["archives/index.html"],
        "404": ["404.html"],
    }
    return {kind: [p for p in pages if (root / p).is_file()] for kind, pages in kinds.items()}
