"""Running Pagefind over a built site: which binary, which commands, what they reported.

A site is indexed as one or more Pagefind bundles (``bundles.plan``): the main one in
``SEARCH_OUTPUT_DIR`` and, inside it, one per language written without spaces between words
(Chinese, Japanese, Thai) when the main one is in another. Each bundle is a Pagefind run of its
own; they run side by side, and ``merge.json``, which tells the search page which bundles to
merge into the main one, is written once all of them have succeeded.
"""

import argparse
import contextlib
import importlib
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

try:
    from . import bundles
except ImportError:  # run as a script (start_background): this folder is on sys.path
    import bundles  # type: ignore[no-redef]

MARKER = b"data-pagefind-body"
HEAD_BYTES = 2048  # the start of a page: its doctype, any comment, and its <html lang>
NOT_EXTENDED = "non-extended mode"  # what Pagefind's standard build says of zh and ja pages


@dataclass(frozen=True)
class Result:
    """What the Pagefind runs for one site did."""

    ok: bool
    pages: int  # pages indexed, as Pagefind reported
    message: str  # Pagefind's output when it failed
    warnings: tuple[str, ...] = ()  # what to tell the writer of a run that succeeded


@dataclass
class Job:
    """The Pagefind processes indexing one site, one per bundle."""

    site: Path
    output_dir: str
    bundles: list[bundles.Bundle]
    processes: list[subprocess.Popen] = field(default_factory=list)

    def kill(self) -> None:
        """Stop every run (a build that fails must not leave Pagefind writing into its folder)."""
        for process in self.processes:
            with contextlib.suppress(OSError):
                process.kill()


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


def page_language(page: Path) -> str:
    """The ``lang`` of a page's ``<html>`` element, "" without one (read from its start)."""
    with open(page, "rb") as file:
        head = file.read(HEAD_BYTES)
        lang = bundles.html_lang(head)
        if lang is None:  # the tag starts further down, or HEAD_BYTES cut it
            lang = bundles.html_lang(head + file.read())
    return lang or ""


def relative(site: Path, page: Path) -> str:
    """A page's path relative to the site, "/"-separated (the build may give absolute paths
    under a relative OUTPUT_PATH, or the reverse)."""
    base, path = os.path.join(os.path.abspath(site), ""), os.path.abspath(page)
    inside = path[len(base) :] if path.startswith(base) else os.path.relpath(path, base)
    return inside.replace(os.sep, "/")


def plan(
    site: Path, marked: Iterable[Path], language: str, segmented: Sequence[str]
) -> list[bundles.Bundle]:
    """The Pagefind runs for a site's marked pages (``bundles.plan``), each page's language
    read from its ``<html lang>``, as Pagefind reads it."""
    pages = [(relative(site, page), page_language(page)) for page in marked]
    return bundles.plan(pages, language, segmented)


def plan_written(
    site: Path, written: Iterable[Path], language: str, segmented: Sequence[str]
) -> list[bundles.Bundle]:
    """The Pagefind runs for the posts' and pages' own pages a build wrote, most of them read
    only as far as their ``<html lang>``.

    Pages for the main bundle count as marked when any of them is: Pagefind then skips the
    unmarked ones its glob finds (a draft's, say). A bundle of another language gets only pages
    that are marked, each read whole: one whose language has only a hidden post gets none
    (Pagefind, finding no marked page in its glob, would index every page whole).
    """
    main, own, segmented = [], [], tuple(segmented)
    for page in written:
        lang = page_language(page)
        mine = bundles.bundle_folder(lang, language, segmented)
        (own if mine else main).append((page, lang))
    marked = [(page, lang) for page, lang in own if is_marked(page)]
    if any(is_marked(page) for page, _lang in main):
        marked += main
    pages = [(relative(site, page), lang) for page, lang in marked]
    return bundles.plan(pages, language, segmented)


def command(binary: str, site: Path, output_dir: str, bundle: bundles.Bundle) -> list[str]:
    """The Pagefind command line for one bundle of a site."""
    return [
        binary,
        "--site",
        str(site),
        "--output-subdir",
        f"{output_dir}/{bundle.folder}" if bundle.folder else output_dir,
        "--force-language",
        bundle.language,
        "--glob",
        bundle.glob,
    ]


def indexed_count(output: str) -> int:
    """The number of pages Pagefind says it indexed ('Indexed 42 pages'), 0 if not said."""
    found = re.findall(r"Indexed (\d+) pages?", output)
    return sum(int(n) for n in found)


def remove_index(site: Path, output_dir: str) -> None:
    """Delete a previous build's index, if any."""
    shutil.rmtree(site / output_dir, ignore_errors=True)


def start(binary: str, site: Path, output_dir: str, plan: list[bundles.Bundle]) -> Job:
    """Start indexing a site into site/output_dir, every bundle at once (a previous index there
    is removed first: no stale fragments of old pages)."""
    shutil.rmtree(site / output_dir, ignore_errors=True)
    job = Job(site, output_dir, plan)
    try:
        for bundle in plan:
            process = subprocess.Popen(
                command(binary, site, output_dir, bundle),
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                text=True,
            )
            job.processes.append(process)
    except OSError:
        job.kill()
        raise
    return job


def run_warnings(output: str, bundle: bundles.Bundle) -> list[str]:
    """What the build tells the writer about one Pagefind run that succeeded."""
    if NOT_EXTENDED in output:
        return [
            f"Pagefind's standard build indexed the {bundle.language} pages without splitting "
            "their text into words (search finds only words with spaces around them): "
            "install pagefind[extended], or set SEARCH_BINARY to its pagefind_extended"
        ]
    return []


def finish(job: Job, timeout: float) -> Result:
    """Wait for the Pagefind runs started by start(); what they did. Once every one has
    succeeded, merge.json says which bundles the search page merges into the main one."""
    deadline = time.monotonic() + timeout
    pages, notes, failures = 0, [], []
    for bundle, process in zip(job.bundles, job.processes, strict=True):
        try:
            text, _ = process.communicate(timeout=max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired as exc:
            job.kill()
            for other in job.processes:
                other.wait()
            return Result(False, 0, str(exc))
        if process.returncode != 0:
            failures.append(text.strip())
            continue
        pages += indexed_count(text)
        notes += run_warnings(text, bundle)
    if failures:
        return Result(False, 0, "\n".join(failures))
    manifest = json.dumps(bundles.manifest(job.bundles), ensure_ascii=False)
    (job.site / job.output_dir / bundles.MANIFEST).write_text(manifest, encoding="utf-8")
    return Result(True, pages, "", tuple(notes))


def run(
    binary: str, site: Path, output_dir: str, plan: list[bundles.Bundle], timeout: float
) -> Result:
    """Index a site: replace site/output_dir with fresh Pagefind bundles."""
    try:
        job = start(binary, site, output_dir, plan)
    except OSError as exc:
        return Result(False, 0, str(exc))
    return finish(job, timeout)


def folders(output_dir: str) -> list[str]:
    """The folders an index in ``output_dir`` is written in, whole: the index, and the two a
    background run swaps it through (left behind by a run that was stopped)."""
    return [output_dir, f"{output_dir}.next", f"{output_dir}.old"]


def run_and_swap(
    binary: str, site: Path, output_dir: str, plan: list[bundles.Bundle], timeout: float
) -> Result:
    """Index into a staging folder, then swap it in: the old index serves until the new one
    is complete, and a failed run leaves the old one in place."""
    _, staging, old_name = folders(output_dir)
    try:
        result = run(binary, site, staging, plan, timeout)
    except OSError as exc:  # merge.json not written (a full disk): no half index left behind
        shutil.rmtree(site / staging, ignore_errors=True)
        return Result(False, 0, _why(exc))
    if not result.ok:
        shutil.rmtree(site / staging, ignore_errors=True)
        return result
    old = site / old_name
    shutil.rmtree(old, ignore_errors=True)
    with contextlib.suppress(FileNotFoundError):
        (site / output_dir).rename(old)
    (site / staging).rename(site / output_dir)
    shutil.rmtree(old, ignore_errors=True)
    return result


def _why(exc: OSError) -> str:
    """An OSError in a few words: the system's reason and the path."""
    where = f": {exc.filename}" if exc.filename else ""
    return f"{exc.strerror or exc}{where}"


# beside the pid file: why the last background run failed, for the next build to say
FAILED = "index.failed"


def last_failure(state: Path) -> str:
    """Why the last background run for this folder failed ("" if it did not); said once."""
    failed = state / FAILED
    try:
        why = failed.read_text(encoding="utf-8").strip()
    except OSError:
        return ""
    failed.unlink(missing_ok=True)
    return why


def _summary(message: str) -> str:
    """A failed run's message in one line (Pagefind's output ends with its error)."""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    return lines[-1] if lines else "no message"


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
    segmented: Sequence[str],
    timeout: float,
    state: Path,
    owner: int | None = None,
) -> subprocess.Popen:
    """Index in a detached process (this file run as a script), its output in state/index.log.

    The build returns at once: in the live-reload loop the edited page shows without waiting
    for the search index, which follows a few seconds later. The process finds the pages to
    index itself (that reads every page). A run that fails says so in one line on this
    process's standard error (`make serve`'s terminal) and leaves why in state/index.failed,
    which the next build reports (``last_failure``). With ``owner`` (a process id: `make
    serve`'s), the run and its Pagefind processes end when that process ends, however it ends.
    """
    state.mkdir(parents=True, exist_ok=True)
    pid_file = state / "index.pid"
    stop_background(pid_file)
    with open(state / "index.log", "w", encoding="utf-8") as log:
        process = subprocess.Popen(
            [
                *(sys.executable, os.path.abspath(__file__)),
                *(binary, str(site), output_dir, language, ",".join(segmented)),
                *(str(timeout), str(pid_file)),
                *(("--owner", str(owner)) if owner else ()),
            ],
            stdout=log,  # stderr: the terminal, for the one line of a failure
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    pid_file.write_text(str(process.pid))
    return process


def _rebuilt_since(site: Path, started: float) -> bool:
    """Has a build written pages into the site since ``started`` (the run then raced it)?"""
    with contextlib.suppress(OSError):
        return any(page.stat().st_mtime > started for page in html_files(site))
    return True


def _index(args: argparse.Namespace, failed: Path) -> int:
    """One background run, said in index.log; a failure also on the terminal (standard
    error) and in ``failed`` for the next build, unless a newer build raced it."""
    site, started = Path(args.site), time.time()
    try:
        marked = marked_pages(site)
        if not marked:
            remove_index(site, args.output_dir)
            print("no published post or page to index")
            failed.unlink(missing_ok=True)
            return 0
        segmented = [code for code in args.segmented.split(",") if code]
        runs = plan(site, marked, args.language, segmented)
        result = run_and_swap(args.binary, site, args.output_dir, runs, float(args.timeout))
    except OSError as exc:  # a full disk, a page the next build replaced meanwhile
        result = Result(False, 0, _why(exc))
    for warning in result.warnings:
        print(f"warning: {warning}")
    if result.ok:
        print(f"indexed {result.pages} page(s)")
        failed.unlink(missing_ok=True)
        return 0
    print(f"failed: {result.message}", flush=True)
    if _rebuilt_since(site, started):  # the next build's own run indexes its pages
        print("(a newer build wrote pages meanwhile: its own run follows)")
        return 1
    why = _summary(result.message)
    with contextlib.suppress(OSError):
        failed.write_text(why + "\n", encoding="utf-8")
    print(
        f"Search: indexing in the background failed ({why}); search shows an earlier index "
        f"(or none) until a build indexes again; log: {failed.with_name('index.log')}",
        file=sys.stderr,
        flush=True,
    )
    return 1


def until_ended(pid: int) -> None:
    """Return once the process ``pid`` (not a child of this one) has ended: woken by the
    system where it can tell (Linux's pidfd), else by looking every half second."""
    try:
        handle = os.pidfd_open(pid)
    except ProcessLookupError:
        return
    except (AttributeError, OSError):  # not Linux 5.3 or newer
        while True:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            except PermissionError:
                pass  # there, another user's: the number was reused, which is rare enough
            time.sleep(0.5)
    try:
        select.select([handle], [], [])  # readable once the process has ended
    finally:
        os.close(handle)


def _end_with(owner: int) -> None:
    """End this run, Pagefind with it (this process leads their group), when ``owner`` ends:
    a process no signal tells of its starter's end (its parent, the build, ended long ago)."""

    def watch() -> None:
        until_ended(owner)
        if os.getpgrp() == os.getpid():  # never a group this run did not start
            os.killpg(os.getpid(), signal.SIGTERM)
        else:
            os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, daemon=True).start()


def _main() -> int:
    parser = argparse.ArgumentParser(description="Index a built site with Pagefind, then swap.")
    for name in ("binary", "site", "output_dir", "language", "segmented", "timeout", "pid_file"):
        parser.add_argument(name)
    parser.add_argument("--owner", type=int, help="end when this process ends")
    args = parser.parse_args()
    # stopped (a later build, or its owner's end, signals this group): the `finally` below
    # still removes the pid file, which outlived the run
    signal.signal(signal.SIGTERM, lambda signum, _frame: sys.exit(128 + signum))
    if args.owner:
        _end_with(args.owner)
    pid_file = Path(args.pid_file)
    try:
        return _index(args, pid_file.with_name(FAILED))
    finally:  # last: the next build (and the tests) take its absence for the run's end
        with contextlib.suppress(OSError, ValueError):
            if int(pid_file.read_text()) == os.getpid():
                pid_file.unlink()


if __name__ == "__main__":
    sys.exit(_main())
