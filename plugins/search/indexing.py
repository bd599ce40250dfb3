"""Running Pagefind over a built site: which binary, which command, what it reported."""

import argparse
import contextlib
import importlib
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

MARKER = b"data-pagefind-body"
FIND_PAGES = ""  # the glob the background process is given to find the marked pages itself


@dataclass(frozen=True)
class Result:
    """What one Pagefind run did."""

    ok: bool
    pages: int  # pages indexed, as Pagefind reported
    message: str  # Pagefind's output when it failed


def find_binary(configured: str = "") -> str | None:
    """The Pagefind executable: the configured one, pagefind[extended]'s (the build that splits
    Chinese, Japanese and Thai into words), pagefind[bin]'s, or one on PATH."""
    if configured:
        return configured if Path(configured).is_file() else shutil.which(configured)
    for module in ("pagefind_bin_extended", "pagefind_bin"):  # the wheels' own packages
        try:
            return str(importlib.import_module(module).get_executable())
        except (ImportError, FileNotFoundError):
            continue
    return shutil.which("pagefind_extended") or shutil.which("pagefind")


def html_files(site: Path) -> list[Path]:
    """Every HTML file under a folder, in path order (os.walk: a fifth of rglob's time)."""
    found = [
        Path(folder, name)
        for folder, _dirs, names in os.walk(site)
        for name in names
        if name.endswith(".html")
    ]
    return sorted(found)


def marked_pages(site: Path) -> list[Path]:
    """HTML files of the site that ask to be indexed (data-pagefind-body)."""
    return [p for p in html_files(site) if is_marked(p)]


def is_marked(page: Path) -> bool:
    """Whether an HTML file asks to be indexed."""
    return MARKER in page.read_bytes()


def pages_glob(site: Path, marked: Iterable[Path]) -> str:
    """A Pagefind glob covering only the top-level folders (and files) that hold marked pages.

    Pagefind reads every HTML file its glob matches; tag, category and archive pages carry no
    marker, and skipping their folders takes about 40% off indexing a large site.
    """
    # relpath: the build may give absolute paths under a relative OUTPUT_PATH, or the reverse
    parts = sorted({os.path.relpath(p, site).split(os.sep)[0] for p in marked})
    alternatives = [f"{part}/**/*.html" if (site / part).is_dir() else part for part in parts]
    return "{" + ",".join(alternatives) + "}" if alternatives else "**/*.html"


def command(
    binary: str, site: Path, output_dir: str, language: str, glob: str = "**/*.html"
) -> list[str]:
    """The Pagefind command line for one site."""
    return [
        binary,
        "--site",
        str(site),
        "--output-subdir",
        output_dir,
        "--force-language",
        language,
        "--glob",
        glob,
    ]


def indexed_count(output: str) -> int:
    """The number of pages Pagefind says it indexed ('Indexed 42 pages'), 0 if not said."""
    found = re.findall(r"Indexed (\d+) pages?", output)
    return sum(int(n) for n in found)


def remove_index(site: Path, output_dir: str) -> None:
    """Delete a previous build's index, if any."""
    shutil.rmtree(site / output_dir, ignore_errors=True)


def start(
    binary: str, site: Path, output_dir: str, language: str, glob: str = "**/*.html"
) -> subprocess.Popen:
    """Start indexing a site into site/output_dir (a previous index there is removed first)."""
    shutil.rmtree(site / output_dir, ignore_errors=True)  # no stale fragments of old pages
    return subprocess.Popen(
        command(binary, site, output_dir, language, glob),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
    )


def finish(process: subprocess.Popen, timeout: float) -> Result:
    """Wait for a Pagefind run started by start(); what it did."""
    try:
        text, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        process.kill()
        process.communicate()
        return Result(False, 0, str(exc))
    if process.returncode != 0:
        return Result(False, 0, text.strip())
    return Result(True, indexed_count(text), "")


def run(
    binary: str,
    site: Path,
    output_dir: str,
    language: str,
    timeout: float,
    glob: str = "**/*.html",
) -> Result:
    """Index a site: replace site/output_dir with a fresh Pagefind bundle."""
    try:
        process = start(binary, site, output_dir, language, glob)
    except OSError as exc:
        return Result(False, 0, str(exc))
    return finish(process, timeout)


def run_and_swap(
    binary: str, site: Path, output_dir: str, language: str, timeout: float, glob: str
) -> Result:
    """Index into a staging folder, then swap it in: the old index serves until the new one
    is complete, and a failed run leaves the old one in place."""
    staging = f"{output_dir}.next"
    result = run(binary, site, staging, language, timeout, glob)
    if not result.ok:
        shutil.rmtree(site / staging, ignore_errors=True)
        return result
    old = site / f"{output_dir}.old"
    shutil.rmtree(old, ignore_errors=True)
    with contextlib.suppress(FileNotFoundError):
        (site / output_dir).rename(old)
    (site / staging).rename(site / output_dir)
    shutil.rmtree(old, ignore_errors=True)
    return result


def stop_background(pid_file: Path) -> None:
    """Stop an earlier build's background indexing, if it is still running."""
    try:
        pid = int(pid_file.read_text())
    except (OSError, ValueError):
        return
    pid_file.unlink(missing_ok=True)
    # the process removes its pid file when it ends; if the file outlived it, the number may
    # belong to another process by now: where /proc can tell, make sure it is ours
    cmdline = Path(f"/proc/{pid}/cmdline")
    if Path("/proc/self").exists() and (
        not cmdline.exists() or Path(__file__).name.encode() not in cmdline.read_bytes()
    ):
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGTERM)  # its own session: Pagefind goes with it


def start_background(
    binary: str,
    site: Path,
    output_dir: str,
    language: str,
    timeout: float,
    glob: str,
    state: Path,
) -> subprocess.Popen:
    """Index in a detached process (this file run as a script), its output in state/index.log.

    The build returns at once: in the live-reload loop the edited page shows without waiting
    for the search index, which follows a few seconds later.
    """
    state.mkdir(parents=True, exist_ok=True)
    pid_file = state / "index.pid"
    stop_background(pid_file)
    with open(state / "index.log", "w", encoding="utf-8") as log:
        process = subprocess.Popen(
            [
                *(sys.executable, os.path.abspath(__file__)),
                *(binary, str(site), output_dir, language, str(timeout), glob, str(pid_file)),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    pid_file.write_text(str(process.pid))
    return process


def _main() -> int:
    parser = argparse.ArgumentParser(description="Index a built site with Pagefind, then swap.")
    for name in ("binary", "site", "output_dir", "language", "timeout", "glob", "pid_file"):
        parser.add_argument(name)
    args = parser.parse_args()
    site = Path(args.site)
    try:
        glob = args.glob
        if glob == FIND_PAGES:
            marked = marked_pages(site)
            if not marked:
                remove_index(site, args.output_dir)
                print("no published post or page to index")
                return 0
            glob = pages_glob(site, marked)
        result = run_and_swap(
            args.binary, site, args.output_dir, args.language, float(args.timeout), glob
        )
    finally:
        pid_file = Path(args.pid_file)
        with contextlib.suppress(OSError, ValueError):
            if int(pid_file.read_text()) == os.getpid():
                pid_file.unlink()
    print(f"indexed {result.pages} page(s)" if result.ok else f"failed: {result.message}")
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(_main())
