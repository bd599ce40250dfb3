"""Running Pagefind over a built site: which binary, which command, what it reported."""

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

MARKER = b"data-pagefind-body"


@dataclass(frozen=True)
class Result:
    """What one Pagefind run did."""

    ok: bool
    pages: int  # pages indexed, as Pagefind reported
    message: str  # Pagefind's output when it failed


def find_binary(configured: str = "") -> str | None:
    """The Pagefind executable: the configured one, pagefind[bin]'s, or one on PATH."""
    if configured:
        return configured if Path(configured).is_file() else shutil.which(configured)
    try:
        import pagefind_bin  # the binary wheel pagefind[bin] installs

        return str(pagefind_bin.get_executable())
    except (ImportError, FileNotFoundError):
        return shutil.which("pagefind")


def marked_pages(site: Path) -> list[Path]:
    """HTML files of the site that ask to be indexed (data-pagefind-body)."""
    return [p for p in sorted(site.rglob("*.html")) if MARKER in p.read_bytes()]


def command(binary: str, site: Path, output_dir: str, language: str) -> list[str]:
    """The Pagefind command line for one site."""
    return [
        binary,
        "--site",
        str(site),
        "--output-subdir",
        output_dir,
        "--force-language",
        language,
    ]


def indexed_count(output: str) -> int:
    """The number of pages Pagefind says it indexed ('Indexed 42 pages'), 0 if not said."""
    found = re.findall(r"Indexed (\d+) pages?", output)
    return sum(int(n) for n in found)


def remove_index(site: Path, output_dir: str) -> None:
    """Delete a previous build's index, if any."""
    shutil.rmtree(site / output_dir, ignore_errors=True)


def run(binary: str, site: Path, output_dir: str, language: str, timeout: float) -> Result:
    """Index a site: replace site/output_dir with a fresh Pagefind bundle."""
    shutil.rmtree(site / output_dir, ignore_errors=True)  # no stale fragments of old pages
    try:
        done = subprocess.run(
            command(binary, site, output_dir, language),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Result(False, 0, str(exc))
    text = done.stdout + done.stderr
    if done.returncode != 0:
        return Result(False, 0, text.strip())
    return Result(True, indexed_count(text), "")
