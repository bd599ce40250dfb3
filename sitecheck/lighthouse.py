"""Lighthouse 12 (npm, mobile form factor) on the home page and an article: 100 in performance,
accessibility, best practices and SEO, or a finding per failing audit.

The verdict must not depend on how busy the machine is. Lighthouse's simulated throttling
(its default, kept here) still scales the main-thread time it observed, so a loaded machine
costs points (98, then 100 on a rerun of the same site). Three things keep it stable:
the CPU slowdown is calibrated to the machine's measured speed before the first run and again
before each rerun (from the benchmark index Lighthouse measured in the run before); a page
whose performance or best practices (the categories that depend on timing) score under 100 is
run again, up to ``SITECHECK_LIGHTHOUSE_RUNS`` times (3), and each category's best run is its
verdict, so noise fails the gate only if it strikes every run while a real regression fails
every run; a run that crashes (a Chromium timeout under load) is retried the same way rather
than ending the check. Accessibility and SEO are judged on the loaded page's DOM, not on time.
Every run taken is listed in the figures, and in the finding when a page fails.
"""

import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .common import NODE_BIN, ROOT, Context, Finding, Report, ToolMissing, chromium_path
from .pages import pages_by_kind
from .serve import serve

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
    # only loopback resolves: the comment provider and anything else outside stays out
    "--host-resolver-rules='MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'"
)


# Lighthouse's 4x CPU slowdown assumes a fast desktop host (benchmark index 1500 or more); on
# a slower one (it warns below 1000) the emulated phone is slower than the one it models.
# Scaled as Lighthouse's throttling guide advises, so the emulated phone stays the same phone.
REFERENCE_BENCHMARK = 1500
DEFAULT_SLOWDOWN = 4.0
# Categories whose score depends on how fast the machine was during the run.
TIMED = ("performance", "best-practices")
DEFAULT_RUNS = 3
RUNS_VARIABLE = "SITECHECK_LIGHTHOUSE_RUNS"


def calibrated_slowdown(benchmark_index: float) -> float:
    """The CPU slowdown that makes this host emulate Lighthouse's reference phone (1 to 4)."""
    if not benchmark_index or benchmark_index >= REFERENCE_BENCHMARK:
        return DEFAULT_SLOWDOWN
    return round(max(1.0, DEFAULT_SLOWDOWN * benchmark_index / REFERENCE_BENCHMARK), 2)


def lighthouse_report(url: str, slowdown: float = DEFAULT_SLOWDOWN) -> dict:
    """Run Lighthouse once on a URL (mobile, its default) and return its JSON report;
    RuntimeError when it fails, so that the caller can retry."""
    binary = NODE_BIN / "lighthouse"
    if not binary.is_file():
        raise ToolMissing("Lighthouse is not installed: run `npm ci` in the project folder")
    env = {**os.environ, "CHROME_PATH": chromium_path()}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        try:
            result = subprocess.run(
                [
                    str(binary),
                    url,
                    "--quiet",
                    f"--chrome-flags={CHROME_FLAGS}",
                    f"--only-categories={','.join(CATEGORIES)}",
                    "--output=json",
                    f"--throttling.cpuSlowdownMultiplier={slowdown}",
                    f"--output-path={out}",
                ],
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise RuntimeError(f"Lighthouse took over 300 s on {url}") from None
        if result.returncode or not out.is_file():
            raise RuntimeError(f"Lighthouse failed on {url}: {result.stderr.strip()[-500:]}")
        try:
            return json.loads(out.read_text(encoding="utf-8"))
        except ValueError:
            raise RuntimeError(f"Lighthouse wrote an unreadable report on {url}") from None


def max_runs(environ: Mapping[str, str]) -> int:
    """How many runs a page may get (SITECHECK_LIGHTHOUSE_RUNS, 1 to 10); ValueError if bad."""
    raw = environ.get(RUNS_VARIABLE, "").strip()
    if not raw:
        return DEFAULT_RUNS
    if not raw.isdigit() or not 1 <= int(raw) <= 10:
        raise ValueError(f"{RUNS_VARIABLE} must be a whole number from 1 to 10, got {raw!r}")
    return int(raw)


@dataclass
class Run:
    """One Lighthouse run of one page: its scores, or why it produced none."""

    slowdown: float
    report: dict = field(default_factory=dict, repr=False)
    scores: dict[str, int] = field(default_factory=dict)
    error: str = ""


def best(runs: list[Run]) -> dict[str, tuple[int, int]]:
    """Category -> (best score, index of the first run that scored it)."""
    found: dict[str, tuple[int, int]] = {}
    for number, run in enumerate(runs):
        for category, score in run.scores.items():
            if category not in found or score > found[category][0]:
                found[category] = (score, number)
    return found


def needs_another_run(runs: list[Run]) -> bool:
    """Another run can change the verdict: no run succeeded, or a timed category is below 100."""
    top = best(runs)
    if not top:
        return True
    return any(top.get(category, (100, 0))[0] < 100 for category in TIMED)


def run_page(
    run_once: Callable[[float], dict], slowdown: float, limit: int
) -> tuple[list[Run], float]:
    """Run one page until its verdict is settled or ``limit`` runs were taken.

    Returns the runs and the slowdown the next page should start with (calibrated from the
    last benchmark Lighthouse measured, so a long check follows the machine's load).
    """
    runs: list[Run] = []
    while len(runs) < limit and needs_another_run(runs):
        try:
            report = run_once(slowdown)
        except RuntimeError as exc:
            runs.append(Run(slowdown, error=str(exc)))
            continue
        runs.append(Run(slowdown, report, scores(report)))
        slowdown = calibrated_slowdown(report.get("environment", {}).get("benchmarkIndex", 0))
    return runs, slowdown


def describe_runs(runs: list[Run]) -> str:
    """The runs taken, for the figures: '2 runs: [CPU 3.2x] performance 98, ...; [CPU 3.9x] ...'."""
    parts = []
    for run in runs:
        said = (
            run.error[:80]
            if run.error
            else ", ".join(f"{k} {v}" for k, v in run.scores.items() if k in TIMED)
        )
        parts.append(f"[CPU {run.slowdown}x] {said}")
    return f"{len(runs)} runs: {'; '.join(parts)}"


def page_findings(relpath: str, runs: list[Run]) -> list[Finding]:
    """One finding per category whose best run is under 100 (or one if no run succeeded)."""
    top = best(runs)
    if not top:
        return [Finding(relpath, f"Lighthouse could not run ({len(runs)} tries): {runs[-1].error}")]
    findings = []
    for category, (score, number) in top.items():
        if score >= 100:
            continue
        audits = "; ".join(failing_audits(runs[number].report, category)) or "no single audit"
        tried = [str(r.scores[category]) for r in runs if category in r.scores]
        taken = f", best of {len(tried)} runs: {', '.join(tried)}" if len(tried) > 1 else ""
        findings.append(
            Finding(relpath, f"Lighthouse {category} {score} (mobile{taken}), not 100: {audits}")
        )
    return findings


def scores(report: dict) -> dict[str, int]:
    """Category -> score out of 100."""
    return {
        name: round((report["categories"][name]["score"] or 0) * 100)
        for name in CATEGORIES
        if name in report["categories"]
    }


def failing_audits(report: dict, category: str) -> list[str]:
    """The audits that cost a category points: id, score and Lighthouse's own title."""
    audits = report["audits"]
    failing = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
            value = audit.get("displayValue")
            failing.append(
                f"{ref['id']} {audit['score']:.2f}"
                + (f" ({value})" if value else "")
                + f": {audit['title']}"
            )
    return failing


def isso_origin(root: Path, pages: list[str]) -> str | None:
    """The Isso server these pages load comments from, if they use Isso."""
    for relpath in pages:
        html = (root / relpath).read_text(encoding="utf-8", errors="replace")
        if 'data-comments-provider="isso"' in html or "data-comments-count=" in html:
            match = re.search(r'data-comments-(?:src|count)="(https?://[^/"]+)', html)
            if match:
                return match[1]
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def local_isso(site_origin: str, folder: Path) -> Iterator[str | None]:
    """A real, empty Isso on loopback standing in for the production one; None if it cannot."""
    sys.path.insert(0, str(ROOT))
    # the comments package imports Pelican with it (its __init__ registers the plugin); only
    # this process helper is used
    from plugins.comments import local_isso as isso

    port = _free_port()
    config = isso.write_config(folder, port, [site_origin])
    try:
        process = isso.start(config, port)
    except RuntimeError:
        yield None
        return
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        isso.stop(process)


def check_pages(
    root: Path, siteurl: str, pages: list[str], limit: int = DEFAULT_RUNS
) -> tuple[list[Finding], list[str]]:
    """Findings and score lines for these output pages, served from root, each page run up to
    ``limit`` times while a timed category is under 100.

    Isso, the comment provider, is replaced by a local Isso (the production one is outside the
    check's reach); any other provider stays blocked (they load only on a reader's click).
    """
    findings, figures, stand_ins = [], [], {}
    remote = isso_origin(root, pages)
    with (
        serve(root, siteurl, stand_ins) as origin,
        tempfile.TemporaryDirectory() as tmp,
        local_isso(origin, Path(tmp)) if remote else contextlib.nullcontext() as isso,
    ):
        if remote and isso:
            stand_ins[remote] = isso
            figures.append(f"comments: {remote} stood in for by a local Isso")
        slowdown = None
        for relpath in pages:
            url = f"{origin}/{relpath.removesuffix('index.html')}"
            if slowdown is None:  # a first run measures the machine; its scores are not used
                slowdown = _calibrate(url)
                figures.append(f"CPU slowdown {slowdown}x, up to {limit} runs a page")
            runs, slowdown = run_page(partial(lighthouse_report, url), slowdown, limit)
            top = best(runs)
            line = ", ".join(f"{k} {v}" for k, (v, _) in top.items()) or "no score"
            if len(runs) > 1:
                line += f" (best of {describe_runs(runs)})"
            figures.append(f"{relpath}: {line}")
            findings += page_findings(relpath, runs)
    return findings, figures


def _calibrate(url: str) -> float:
    try:
        report = lighthouse_report(url)
    except RuntimeError:
        return DEFAULT_SLOWDOWN  # the page's own runs will say what went wrong
    return calibrated_slowdown(report.get("environment", {}).get("benchmarkIndex", 0))


def run(ctx: Context) -> Report:
    """The lighthouse gate: the home page and the richest article."""
    kinds = pages_by_kind(ctx.root)
    pages = kinds["home"] + kinds["article"][:1]
    try:
        limit = max_runs(os.environ)
    except ValueError as exc:
        return Report([Finding("(check)", str(exc))], ["not run"])
    findings, figures = check_pages(ctx.root, ctx.siteurl, pages, limit)
    return Report(findings, figures)
