"""python -m sitecheck OUTPUT_DIR [SITEURL]: print each finding on one line, exit 1 if any."""

import sys
from pathlib import Path

from .links import check_site


def main(argv: list[str]) -> int:
    """Check a built site and report."""
    if not argv:
        print("usage: python -m sitecheck OUTPUT_DIR [SITEURL]", file=sys.stderr)
        return 2
    root = Path(argv[0])
    siteurl = argv[1].rstrip("/") if len(argv) > 1 else ""
    findings = check_site(root, siteurl)
    for finding in findings:
        print(finding)
    pages = sum(1 for _ in root.rglob("*.html"))
    print(f"sitecheck: {pages} pages, {len(findings)} broken links or anchors")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
