"""What every gate shares: findings, reports, the check's context, the tools it looks for."""

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_BIN = ROOT / "node_modules" / ".bin"
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@dataclass(frozen=True)
class Finding:
    """One problem, located in the file that has it (a source file or an output file)."""

    page: str
    message: str

    def __str__(self) -> str:
        return f"{self.page}: {self.message}"


@dataclass
class Report:
    """What one gate found, and the figures it measured (shown in the summary)."""

    findings: list[Finding] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)


@dataclass
class Context:
    """What the gates are given: the built site and where it came from."""

    root: Path
    siteurl: str = ""
    content: Path | None = None
    build_log: Path | None = None

    def pages(self) -> list[Path]:
        """Every HTML page of the build, sorted."""
        return sorted(self.root.rglob("*.html"))

    def rel(self, path: Path) -> str:
        """An output file as a site-relative path (posts/x/index.html)."""
        return path.relative_to(self.root).as_posix()


class ToolMissing(RuntimeError):
    """A gate's tool (Java, Chromium, npm package) is not installed; the message says how."""


def chromium_path() -> str:
    """Debian's Chromium (or CHROMIUM_PATH), else ToolMissing."""
    candidate = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(candidate).is_file():
        raise ToolMissing(
            "no Chromium: install Debian's (apt-get install chromium) or set CHROMIUM_PATH"
        )
    return candidate


# No DNS but loopback: a checked page never reaches the outside world (the comment provider's
# origin included), so nothing a third party serves can change a result.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
