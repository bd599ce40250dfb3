"""python -m sitecheck OUTPUT_DIR [SITEURL] [--content DIR] [--build-log FILE] [--only/--skip]

Runs every gate over a built site, prints each finding on one line (file: message [gate]),
then a summary with the figures, and exits 1 if anything was found.
"""

import argparse
import importlib
import sys
import time
from pathlib import Path

from .common import Context, Finding, Report, ToolMissing

GATES = ("lint", "links", "html", "feeds", "weight", "a11y", "lighthouse")


def _gates(text: str) -> list[str]:
    names = [n.strip() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in GATES]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown gate {unknown[0]!r}; gates: {', '.join(GATES)}")
    return names


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m sitecheck", description=__doc__)
    parser.add_argument("output", type=Path, help="the built site")
    parser.add_argument("siteurl", nargs="?", default="", help="the SITEURL it was built with")
    parser.add_argument("--content", type=Path, help="the content folder (for the lint gate)")
    parser.add_argument("--build-log", type=Path, help="JSON-lines log of the build")
    parser.add_argument("--only", type=_gates, help=f"comma-separated gates ({', '.join(GATES)})")
    parser.add_argument("--skip", type=_gates, default=[], help="comma-separated gates to skip")
    return parser.parse_args(argv)


def run_gate(name: str, ctx: Context) -> Report:
    """Run one gate; a missing tool is a finding (the check cannot vouch for what it skipped)."""
    module = importlib.import_module(f"sitecheck.{name}")
    try:
        return module.run(ctx)
    except ToolMissing as exc:
        return Report([Finding("(check)", f"{name} gate could not run: {exc}")], ["not run"])


def main(argv: list[str]) -> int:
    """Check a built site and report."""
    args = parse_args(argv)
    ctx = Context(
        root=args.output.resolve(),
        siteurl=args.siteurl.rstrip("/"),
        content=args.content,
        build_log=args.build_log,
    )
    gates = [g for g in (args.only or GATES) if g not in args.skip]
    if not (ctx.root / "index.html").is_file() and gates != ["lint"]:
        print(f"(check): {ctx.root} holds no built site (no index.html); only lint can run")
        gates = ["lint"] if "lint" in gates else []
        missing = True
    else:
        missing = False
    summary, total = [], 0
    for name in gates:
        started = time.monotonic()
        report = run_gate(name, ctx)
        for finding in report.findings:
            print(f"{finding} [{name}]", flush=True)
        total += len(report.findings)
        took = time.monotonic() - started
        summary.append(
            f"  {name:<10} {len(report.findings):>3} findings  {took:5.1f} s  "
            + "; ".join(report.figures)
        )
    pages = len(ctx.pages()) if ctx.root.is_dir() else 0
    print(f"sitecheck: {pages} pages, {total} findings")
    print("\n".join(summary))
    return 1 if total or missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
