"""axe-core (WCAG 2.1 AA and best practices) in Chromium on one page of each kind, in light and
dark colour schemes, 375 and 1280 px wide. The tests in tests/browser/ use the same runner."""

from pathlib import Path

from .common import AXE_SCRIPT, CHROMIUM_ARGS, Context, Finding, Report, ToolMissing, chromium_path
from .pages import pages_by_kind
from .serve import serve

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
SCHEMES = ("light", "dark")
WIDTHS = (375, 1280)


def axe_violations(page, axe_script: Path = AXE_SCRIPT) -> list[dict]:
    """Run axe-core in a loaded Playwright page; its violations (the context must bypass CSP)."""
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return result["violations"]


def describe(violation: dict) -> str:
    """One line for one violation: rule, impact, what it asks, where (first three nodes)."""
    targets = [" ".join(map(str, n["target"])) for n in violation["nodes"]]
    more = f" and {len(targets) - 3} more" if len(targets) > 3 else ""
    return (
        f"axe {violation['id']} ({violation.get('impact') or 'n/a'}): {violation['help']} "
        f"at {', '.join(targets[:3])}{more}"
    )


def check_pages(browser, origin: str, pages: list[str]) -> tuple[list[Finding], int]:
    """Findings for these output pages served at origin, in every scheme and width; runs."""
    findings, runs = [], 0
    for scheme in SCHEMES:
        for width in WIDTHS:
            context = browser.new_context(
                bypass_csp=True, color_scheme=scheme, viewport={"width": width, "height": 900}
            )
            try:
                page = context.new_page()
                for relpath in pages:
                    url = f"{origin}/{relpath.removesuffix('index.html')}"
                    page.goto(url, wait_until="load")
                    runs += 1
                    findings += [
                        Finding(relpath, f"{describe(v)} [{scheme}, {width} px]")
                        for v in axe_violations(page)
                    ]
            finally:
                context.close()
    return findings, runs


def run(ctx: Context) -> Report:
    """The a11y gate: zero axe violations on one page of each kind."""
    if not AXE_SCRIPT.is_file():
        raise ToolMissing("axe-core is not installed: run `npm ci` in the project folder")
    executable = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise ToolMissing("Playwright is not installed (pip install playwright)") from None
    pages = [p for kind in pages_by_kind(ctx.root).values() for p in kind]
    with serve(ctx.root, ctx.siteurl) as origin, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            findings, runs = check_pages(browser, origin, pages)
        finally:
            browser.close()
    return Report(
        findings,
        [
            f"{len(pages)} pages, {len(SCHEMES)} schemes, {len(WIDTHS)} widths: "
            f"{runs} axe runs, "
            f"{len(findings)} violations"
        ],
    )
