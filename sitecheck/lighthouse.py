"""Lighthouse 12 (npm, mobile form factor) on the home page and an article: 100 in performance,
accessibility, best practices and SEO, or a finding per failing audit."""

import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
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


def calibrated_slowdown(benchmark_index: float) -> float:
    """The CPU slowdown that makes this host emulate Lighthouse's reference phone (1 to 4)."""
    if not benchmark_index or benchmark_index >= REFERENCE_BENCHMARK:
        return DEFAULT_SLOWDOWN
    return round(max(1.0, DEFAULT_SLOWDOWN * benchmark_index / REFERENCE_BENCHMARK), 2)


def lighthouse_report(url: str, slowdown: float = DEFAULT_SLOWDOWN) -> dict:
    """Run Lighthouse once on a URL (mobile, its default) and return its JSON report."""
    binary = NODE_BIN / "lighthouse"
    if not binary.is_file():
        raise ToolMissing("Lighthouse is not installed: run `npm ci` in the project folder")
    env = {**os.environ, "CHROME_PATH": chromium_path()}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
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
        if result.returncode or not out.is_file():
            raise RuntimeError(f"Lighthouse failed on {url}: {result.stderr.strip()[-500:]}")
        return json.loads(out.read_text(encoding="utf-8"))


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
    from plugins.comments import local_isso as isso  # no Pelican import: a process helper

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


def check_pages(root: Path, siteurl: str, pages: list[str]) -> tuple[list[Finding], list[str]]:
    """Findings and score lines for these output pages, served from root.

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
            if slowdown is None:  # calibrate on the first page, then keep it for all
                slowdown = calibrated_slowdown(
                    lighthouse_report(url)["environment"].get("benchmarkIndex", 0)
                )
                figures.append(f"CPU slowdown {slowdown}x")
            report = lighthouse_report(url, slowdown)
            got = scores(report)
            figures.append(f"{relpath}: " + ", ".join(f"{k} {v}" for k, v in got.items()))
            for category, score in got.items():
                if score < 100:
                    audits = "; ".join(failing_audits(report, category)) or "no single audit"
                    findings.append(
                        Finding(
                            relpath, f"Lighthouse {category} {score} (mobile), not 100: {audits}"
                        )
                    )
    return findings, figures


def run(ctx: Context) -> Report:
    """The lighthouse gate: the home page and the richest article."""
    kinds = pages_by_kind(ctx.root)
    pages = kinds["home"] + kinds["article"][:1]
    findings, figures = check_pages(ctx.root, ctx.siteurl, pages)
    return Report(findings, figures)
