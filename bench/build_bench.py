"""Whole builds of a synthetic blog: this project against stock Pelican, in the same run.

    .venv/bin/python -m bench.build_bench [--sizes 500 2000 5000] [--runs 3]
        [--rebuild-size 2000] [--photos 24] [--skip-images] [--delete-between] [--stock-path]
        [--without-search]

For each size N it writes a deterministic corpus (``bench/corpus.py``: N posts of ~1,000
words, 25 people with team files, series, galleries of 3000×2000 photos) and reports medians
of ``--runs`` builds, alternating the two builds so drift hits both alike:

- stock:  Pelican 4.12 with no plugins and its ``simple`` theme, on the same posts and pages;
- ours:   this project's pelicanconf.py (every plugin, the real theme), image cache warm
          (a warm-up build before the first size fills it if needed and is reported apart);
- with ``--stock-path``, ours again with the accelerations that rely on other libraries'
          internals off (the plugins' compat.py: Pelican's own reading, writer and feeds);
- with ``--without-search``, ours again without the search plugin: what Pagefind's index
          costs in time and memory (stock Pelican makes no search index);

with wall time, CPU time and the peak memory of the build's processes (summed, sampled every
50 ms). Each build writes into a new, empty folder; they are all deleted at the end (see
``Outputs`` for why, and ``--delete-between`` for the earlier way).

Then, at ``--rebuild-size``: the live-reload loop, i.e. the rebuild after one post is edited,
for ours (incremental, run as `invoke serve` runs it, and as a one-off command) and for stock
Pelican with its own content cache; the time each plugin's receivers and generators take (one
instrumented build, ``bench/plugin_times.py``); and the image pipeline against raw Pillow
(``bench/images_bench.py``).
"""

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pelican.settings import get_settings_from_file

from bench.corpus import write_corpus
from plugins.fastbuild.warm import WarmBuilder
from tasks import own_bytecode

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".cache" / "bench"
PELICAN = str(Path(sys.executable).parent / "pelican")

STOCK_CONF = """\
SITENAME = "Stock Pelican"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
THEME = "simple"
PLUGINS = []
ARTICLE_PATHS = ["posts"]
PAGE_PATHS = ["pages"]
LOAD_CONTENT_CACHE = {cache}
CACHE_CONTENT = {cache}
CACHE_PATH = {cache_path!r}
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{{slug}}.atom.xml"
"""


def _children(pid: int) -> list[int]:
    """The child processes of every thread of `pid` (a thread may start a process too)."""
    found = []
    try:
        threads = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    for tid in threads:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as handle:
                found.extend(int(p) for p in handle.read().split())
        except OSError:
            continue
    return found


def tree(pid: int) -> list[int]:
    """`pid` and all its descendants alive now."""
    pids, stack = [], [pid]
    while stack:
        current = stack.pop()
        pids.append(current)
        stack.extend(_children(current))
    return pids


def _rollup(pid: int) -> dict[str, int]:
    """Pss and Rss of one process in bytes (/proc/<pid>/smaps_rollup); {} if it has gone."""
    values = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                key, _, rest = line.partition(":")
                if key in ("Pss", "Rss"):
                    values[key] = int(rest.split()[0]) * 1024
    except (OSError, ValueError):
        return {}
    return values


def _name(pid: int) -> str:
    """The executable's file name of a process ('python', 'pagefind').

    A process that is ending may still map its memory after its command line is gone:
    '(ending)'; '' if it has gone altogether.
    """
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            name = os.path.basename(handle.read().split(b"\0")[0].decode(errors="replace"))
    except OSError:
        return ""
    return name or "(ending)"


def tree_memory(pid: int, by_name: dict[str, int] | None = None) -> tuple[int, int]:
    """(PSS, RSS) of a process and its descendants, summed, in bytes.

    The proportional set size charges each page to the processes that map it in equal parts,
    so the sum counts a page that forked workers share with the build once; the summed resident
    size counts it once per process and overstates the total. With `by_name`, each process's
    PSS is also added there under its executable's name.
    """
    pss = rss = 0
    for current in tree(pid):
        values = _rollup(current)
        pss += values.get("Pss", 0)
        rss += values.get("Rss", 0)
        if by_name is not None and values:
            name = _name(current)
            by_name[name] = by_name.get(name, 0) + values.get("Pss", 0)
    return pss, rss


def measured(cmd: list[str], env: dict | None = None) -> dict:
    """Run a build; its wall seconds and its peak memory (MB, all its processes, sampled).

    ``pss_mb``: the largest sum of the processes' PSS seen in one sample (every 50 ms), and
    ``pss_by_name``: that sample split by executable (python, pagefind); ``pss_peak_each``:
    each executable's own peak, whenever it came (the Python processes may peak while
    Pagefind is not running); ``rss_mb``: the largest sum of their resident sizes (the earlier
    figure).
    """
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        peak_pss = peak_rss = 0
        peak_by_name: dict[str, int] = {}
        peak_each: dict[str, int] = {}
        while process.poll() is None:
            by_name: dict[str, int] = {}
            pss, rss = tree_memory(process.pid, by_name)
            if pss > peak_pss:
                peak_pss, peak_by_name = pss, by_name
            for name, value in by_name.items():
                peak_each[name] = max(peak_each.get(name, 0), value)
            peak_rss = max(peak_rss, rss)
            time.sleep(0.05)
        wall = time.perf_counter() - start
        errors.seek(0)
        err = errors.read().decode(errors="replace")
    if process.returncode:
        raise SystemExit(f"build failed: {' '.join(cmd)}\n{err[-2000:]}")
    return {
        "wall": wall,
        "pss_mb": peak_pss / 2**20,
        "pss_by_name": {name: round(v / 2**20, 1) for name, v in peak_by_name.items()},
        "pss_peak_each": {name: round(v / 2**20, 1) for name, v in peak_each.items()},
        "rss_mb": peak_rss / 2**20,
        "stderr": err,
    }


def _cpu_of(cmd: list[str]) -> tuple[dict, float]:
    before = os.times()
    result = measured(cmd)
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return result, cpu


def corpus(n: int, photos: int) -> Path:
    """The corpus for n posts, written once and reused while its parameters are the same."""
    folder = WORK / f"corpus-{n}-{photos}"
    stamp = folder / ".complete"
    if not stamp.exists():
        shutil.rmtree(folder, ignore_errors=True)
        write_corpus(folder, n, photos)
        stamp.write_text("ok")
    return folder


def stock_cmd(content: Path, out: Path, cache: bool = False) -> list[str]:
    """A stock Pelican build of the corpus (config written beside it)."""
    conf = WORK / ("stockconf-cached.py" if cache else "stockconf.py")
    conf.write_text(
        STOCK_CONF.format(cache=cache, cache_path=str(WORK / "stock-cache")), encoding="utf-8"
    )
    return [PELICAN, str(content), "-s", str(conf), "-o", str(out), "-q"]


def ours_cmd(content: Path, out: Path, *extra: str) -> list[str]:
    """This project's dev build of the corpus."""
    return [PELICAN, str(content), "-s", "pelicanconf.py", "-o", str(out), "-q", *extra]


def _fresh(out: Path) -> Path:
    shutil.rmtree(out, ignore_errors=True)
    return out


class Outputs:
    """Output folders for the timed builds: each build gets one that no build has used.

    The project machine's file system (ext4 without a journal) avoids reusing an inode freed in
    the last minute or so, and checks every free inode it passes on the way to one it may use.
    A build that creates 10,000 files and folders right after another build's 10,000 were
    deleted spends seconds in that scan; the cost grows with the files a build writes and with
    how recently and how much was deleted, so it depended on which build ran before which.
    Used folders are deleted once the timing is over (``--delete-between``: delete each build's
    folder just before the next build, as earlier runs did).
    """

    def __init__(self, root: Path, delete_between: bool) -> None:
        self.root, self.delete_between, self.count = root, delete_between, 0

    def fresh(self, name: str = "out") -> Path:
        """An empty output folder for the next build."""
        if self.delete_between:
            return _fresh(WORK / name)
        self.count += 1
        return self.root / f"{name}-{self.count}"

    def remove(self) -> None:
        """Delete every folder handed out."""
        shutil.rmtree(self.root, ignore_errors=True)


# ours on the stock path: the accelerations that rely on Pelican's, Markdown's and Python's
# internals (the plugins' compat.py) off
STOCK_PATH_FLAGS = ("-e", "FASTBUILD_ACCELERATE=false", "BLOGCORE_ACCELERATE=false")


def without_search_flags() -> tuple[str, ...]:
    """``pelican`` options for ours with every plugin but search: no Pagefind index."""
    plugins = get_settings_from_file(str(ROOT / "pelicanconf.py"))["PLUGINS"]
    return ("-e", "PLUGINS=" + json.dumps([p for p in plugins if p != "plugins.search"]))


def full_builds(
    n: int,
    runs: int,
    photos: int,
    first: bool,
    outputs: Outputs,
    stock_path: bool = False,
    without_search: bool = False,
) -> dict:
    """Median full builds of stock and ours at one size (and ours' variants asked for).

    ``first``: the first size of the run builds once more beforehand, to fill the image cache
    (every size has the same photos, so later sizes find it warm). Variants: ``stock_path``
    (``ours_stock_path``: the accelerations off), ``without_search`` (``ours_without_search``:
    the search plugin left out, so no Pagefind index: what the index costs).
    """
    content = corpus(n, photos)
    cold = _cpu_of(ours_cmd(content, outputs.fresh()))[0] if first else None
    flags: dict[str, tuple[str, ...]] = {"stock": (), "ours": ()}
    if stock_path:
        flags["ours_stock_path"] = STOCK_PATH_FLAGS
    if without_search:
        flags["ours_without_search"] = without_search_flags()
    rows: dict[str, list] = {name: [] for name in flags}
    for run in range(runs):
        order = list(rows) if run % 2 == 0 else list(reversed(rows))
        for name in order:
            if name == "stock":
                cmd = stock_cmd(content, outputs.fresh())
            else:
                cmd = ours_cmd(content, outputs.fresh(), *flags[name])
            result, cpu = _cpu_of(cmd)
            rows[name].append(
                (
                    result["wall"],
                    cpu,
                    result["pss_mb"],
                    result["rss_mb"],
                    result["pss_by_name"],
                    result["pss_peak_each"],
                )
            )
    summary = {"posts": n, "first_build_wall": cold["wall"] if cold else None}
    for name, values in rows.items():
        walls, cpus, pss, rss, by_name, each = zip(*values, strict=True)
        summary[name] = {
            "wall": statistics.median(walls),
            "wall_range": (min(walls), max(walls)),
            "cpu": statistics.median(cpus),
            "pss_mb": statistics.median(pss),
            "rss_mb": statistics.median(rss),
            # the split of the build's peak PSS by executable, in the run with the median peak
            "pss_by_name": by_name[pss.index(statistics.median_low(pss))],
            # each executable's own peak, median over the runs
            "pss_peak_each": {
                exe: statistics.median(run.get(exe, 0.0) for run in each)
                for exe in sorted({exe for run in each for exe in run})
            },
            "runs": values,
        }
    summary["ratio"] = summary["ours"]["wall"] / summary["stock"]["wall"]
    summary["cpu_ratio"] = summary["ours"]["cpu"] / summary["stock"]["cpu"]
    summary["pss_ratio"] = summary["ours"]["pss_mb"] / summary["stock"]["pss_mb"]
    if stock_path:
        summary["stock_path_ratio"] = summary["ours_stock_path"]["wall"] / summary["stock"]["wall"]
    if without_search:
        variant, stock = summary["ours_without_search"], summary["stock"]
        summary["without_search_ratio"] = variant["wall"] / stock["wall"]
        summary["without_search_cpu_ratio"] = variant["cpu"] / stock["cpu"]
        summary["without_search_pss_ratio"] = variant["pss_mb"] / stock["pss_mb"]
    return summary


# Python started, Pelican imported, the settings read, the plugins loaded and initialised:
# everything a build does before it reads the first file.
READY = (
    "import sys; from pelican import Pelican; from pelican.settings import read_settings; "
    "conf, path, out = sys.argv[1:]; "
    "Pelican(read_settings(conf, override={'PATH': path, 'OUTPUT_PATH': out}))"
)


def startup(runs: int, outputs: Outputs) -> dict:
    """The fixed cost on its own, ours against stock, alternating, medians of `runs`.

    ``ready``: from process start until Pelican is ready to read (imports, settings, plugins
    loaded and initialised); ``one_post``: a whole build of a site with one post, no photos.
    """
    content = corpus(1, 0)
    rows: dict[str, dict[str, list]] = {
        name: {"ready": [], "one_post": [], "one_post_cpu": []} for name in ("stock", "ours")
    }
    conf = {"stock": str(WORK / "stockconf.py"), "ours": "pelicanconf.py"}
    stock_cmd(content, outputs.fresh())  # writes stockconf.py
    for name in rows:  # untimed: compiled bytecode written, files in the page cache
        measured([sys.executable, "-c", READY, conf[name], str(content), str(outputs.fresh())])
    for run in range(runs):
        for name in ("stock", "ours") if run % 2 == 0 else ("ours", "stock"):
            out = outputs.fresh()
            ready = [sys.executable, "-c", READY, conf[name], str(content), str(out)]
            rows[name]["ready"].append(measured(ready)["wall"])
            build = stock_cmd(content, out) if name == "stock" else ours_cmd(content, out)
            result, cpu = _cpu_of(build)
            rows[name]["one_post"].append(result["wall"])
            rows[name]["one_post_cpu"].append(cpu)
    summary: dict = {"runs": runs}
    for name, values in rows.items():
        summary[name] = {key: statistics.median(v) for key, v in values.items()}
        summary[name]["raw"] = values
    return summary


def _edit_one(content: Path, round_: int) -> None:
    """Edit one post the way staff do: a sentence added to its body."""
    post = content / "posts" / "post-00007.md"
    text = post.read_text(encoding="utf-8")
    marker = "\n\nEdited for the benchmark, round "
    text = text.split(marker)[0] + f"{marker}{round_}.\n"
    post.write_text(text, encoding="utf-8")


# what `invoke serve` passes to each rebuild (tasks.py)
DEV_FLAGS = ("-e", "FASTBUILD_INCREMENTAL=true", "SEARCH_IN_BACKGROUND=true")


def _wait_for_search(out: Path, timeout: float = 300) -> float:
    """Seconds until the background search indexing of `out` has finished (its pid file goes)."""
    name = hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:16]
    pid_file = ROOT / ".cache" / "pelican" / "search" / name / "index.pid"
    start = time.perf_counter()
    while pid_file.exists() and time.perf_counter() - start < timeout:
        time.sleep(0.02)
    return time.perf_counter() - start


def rebuilds(n: int, runs: int, photos: int, outputs: Outputs) -> dict:
    """The live-reload loop at one size: full build once, then rebuilds after one edit.

    For ours, as `invoke serve` runs it (builds forked from a warm process, tasks.py), two
    figures: the rebuild (the edited page is on disk and the browser reloads), and the time
    until the search index, built in the background, has caught up. Then the same rebuild as a
    one-off `pelican` command, which starts Python and imports everything first.
    """
    content = corpus(n, photos)
    original = (content / "posts" / "post-00007.md").read_text(encoding="utf-8")
    out_ours, out_stock = outputs.fresh("out-incr"), outputs.fresh("out-stock-cache")
    shutil.rmtree(WORK / "stock-cache", ignore_errors=True)
    arguments = ours_cmd(content, out_ours, *DEV_FLAGS)[1:]
    ours, searchable, cold, stock = [], [], [], []
    try:
        with WarmBuilder(ROOT / "pelicanconf.py", ROOT, stderr=subprocess.DEVNULL) as warm:
            if warm.build(arguments) != 0:
                raise SystemExit(f"build failed: {arguments}")
            _wait_for_search(out_ours)
            measured(stock_cmd(content, out_stock, cache=True))
            for round_ in range(runs):
                _edit_one(content, round_)
                start = time.perf_counter()
                if warm.build(arguments) != 0:
                    raise SystemExit(f"rebuild failed: {arguments}")
                ours.append(time.perf_counter() - start)
                searchable.append(ours[-1] + _wait_for_search(out_ours))
                _edit_one(content, runs + round_)
                cold.append(measured(ours_cmd(content, out_ours, *DEV_FLAGS))["wall"])
                _wait_for_search(out_ours)
                stock.append(measured(stock_cmd(content, out_stock, cache=True))["wall"])
    finally:
        (content / "posts" / "post-00007.md").write_text(original, encoding="utf-8")
    return {
        "posts": n,
        "ours": statistics.median(ours),
        "ours_search_current": statistics.median(searchable),
        "ours_one_off_command": statistics.median(cold),
        "stock_cached": statistics.median(stock),
    }


def plugin_times(n: int, photos: int, outputs: Outputs) -> dict:
    """Seconds in each plugin during one build (receivers and generators, instrumented)."""
    content = corpus(n, photos)
    out = outputs.fresh("out-times")
    result = subprocess.run(
        [sys.executable, "-m", "bench.plugin_times", str(content), str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    """Run the benchmark and print a table (and JSON with --json)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 1000, 2000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--startup-runs",
        type=int,
        default=5,
        help="alternating pairs for the start-up figures (0: skip them)",
    )
    parser.add_argument("--rebuild-size", type=int, default=2000)
    parser.add_argument("--photos", type=int, default=24)
    parser.add_argument("--skip-images", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--stock-path",
        action="store_true",
        help="also time ours with the accelerations off (FASTBUILD_ACCELERATE, "
        "BLOGCORE_ACCELERATE: Pelican's own reading, writer and feeds)",
    )
    parser.add_argument(
        "--without-search",
        action="store_true",
        help="also time ours without the search plugin (no Pagefind index): what the index costs",
    )
    parser.add_argument(
        "--delete-between",
        action="store_true",
        help="one output folder, deleted before each build (see Outputs)",
    )
    args = parser.parse_args()
    # builds run as on a user's machine, where Python keeps the bytecode of the plugins it
    # compiles (with this set, every build compiles every plugin module again: about 0.1 s)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    WORK.mkdir(parents=True, exist_ok=True)
    outputs = Outputs(WORK / "outputs", args.delete_between)
    outputs.remove()  # a run that was interrupted: before anything is timed
    try:
        _run(args, outputs)
    finally:
        outputs.remove()


def _run(args: argparse.Namespace, outputs: Outputs) -> None:
    """Every part of the benchmark, printed as it goes."""
    method = "deleted before each build" if args.delete_between else "a new folder per build"
    report: dict = {"full": [], "plugins": {}, "output_folders": method}
    own_bytecode()  # as `invoke build` does before each build (where Python may not write it)
    print(f"output folders: {method}")
    if args.startup_runs:
        row = startup(args.startup_runs, outputs)
        report["startup"] = row
        s, o = row["stock"], row["ours"]
        print(
            f"start-up, medians of {row['runs']} alternating: ready to read (imports, settings, "
            f"plugins) stock {s['ready']:.2f} s, ours {o['ready']:.2f} s "
            f"({o['ready'] / s['ready']:.2f}x); a one-post build stock {s['one_post']:.2f} s "
            f"(CPU {s['one_post_cpu']:.2f}), ours {o['one_post']:.2f} s "
            f"(CPU {o['one_post_cpu']:.2f}, {o['one_post'] / s['one_post']:.2f}x)\n",
            flush=True,
        )
    print("memory: the peak of the summed proportional set size (PSS) of the build's processes,"
          " sampled every 50 ms (shared pages counted once)")  # fmt: skip
    print(f"{'posts':>6} {'stock s':>8} {'ours s':>8} {'ratio':>6} {'stock CPU':>9} {'ours CPU':>8}"
          f" {'ratio':>6} {'stock MB':>8} {'ours MB':>8} {'ratio':>6}"
          f"  warm-up build (first size)")  # fmt: skip
    for index, n in enumerate(args.sizes):
        row = full_builds(
            n, args.runs, args.photos, index == 0, outputs, args.stock_path, args.without_search
        )
        report["full"].append(row)
        s, o = row["stock"], row["ours"]
        warm_up = row["first_build_wall"]
        print(
            f"{n:>6} {s['wall']:>8.2f} {o['wall']:>8.2f} {row['ratio']:>6.2f}"
            f" {s['cpu']:>9.2f} {o['cpu']:>8.2f} {row['cpu_ratio']:>6.2f}"
            f" {s['pss_mb']:>8.0f} {o['pss_mb']:>8.0f} {row['pss_ratio']:>6.2f}"
            f"  {'-' if warm_up is None else f'{warm_up:.2f} s'}",
            flush=True,
        )
        split = ", ".join(f"{k} {v:.0f}" for k, v in sorted(o["pss_by_name"].items()))
        each = ", ".join(f"{k} {v:.0f}" for k, v in o["pss_peak_each"].items())
        print(
            f"{'':>6} ours' peak PSS by executable (MB): {split}; each one's own peak: {each}",
            flush=True,
        )
        if args.stock_path:
            p = row["ours_stock_path"]
            print(
                f"{'':>6} ours on the stock path (accelerations off): {p['wall']:.2f} s, "
                f"ratio {row['stock_path_ratio']:.2f} to stock, {p['pss_mb']:.0f} MB PSS, "
                f"CPU {p['cpu']:.2f} s",
                flush=True,
            )
        if args.without_search:
            w = row["ours_without_search"]
            print(
                f"{'':>6} ours without the search index: {w['wall']:.2f} s "
                f"(ratio {row['without_search_ratio']:.2f}), CPU {w['cpu']:.2f} s "
                f"({row['without_search_cpu_ratio']:.2f}), {w['pss_mb']:.0f} MB PSS "
                f"({row['without_search_pss_ratio']:.2f})",
                flush=True,
            )
    if args.rebuild_size:
        row = rebuilds(args.rebuild_size, args.runs, args.photos, outputs)
        report["rebuild"] = row
        full = next((r for r in report["full"] if r["posts"] == args.rebuild_size), None)
        stock_full = full["stock"]["wall"] if full else float("nan")
        print(
            f"\nrebuild after editing one post, {row['posts']} posts: ours {row['ours']:.2f} s, "
            f"stock with its content cache {row['stock_cached']:.2f} s, stock full build "
            f"{stock_full:.2f} s -> ours/stock full = {row['ours'] / stock_full:.2f}; "
            f"search index current after {row['ours_search_current']:.2f} s; "
            f"as a one-off pelican command {row['ours_one_off_command']:.2f} s",
            flush=True,
        )
        times = plugin_times(args.rebuild_size, args.photos, outputs)
        report["plugins"] = times
        print(f"\ntime in each plugin, one build of {args.rebuild_size} posts (wall s):")
        for name, seconds in sorted(times.items(), key=lambda kv: -kv[1]):
            print(f"  {name:<12} {seconds:6.2f}")
    if not args.skip_images:
        print("\nimage pipeline (sample galleries, bench/images_bench.py):", flush=True)
        subprocess.run(
            [sys.executable, "-m", "bench.images_bench", "--runs", str(args.runs)],
            cwd=ROOT,
            check=True,
        )
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
