"""The benchmark: the PSS of a build's whole process tree (shared pages once), its variants."""

import json
import os
import signal
import subprocess
import sys

import pytest
from pelican.settings import get_settings_from_file

from bench.build_bench import (
    ROOT,
    _rollup,
    measured,
    ours_cmd,
    tree,
    tree_memory,
    without_search_flags,
)
from bench.corpus import write_corpus

MB = 2**20
SHARED, PRIVATE = 60, 30  # MB

# A parent holding SHARED MB, a child and a grandchild forked from it (so all three map the
# same SHARED pages), each then writing PRIVATE MB of its own; each prints its pid when ready.
TREE = f"""
import os, sys, time
shared = b"s" * ({SHARED} * {MB})
def ready(private):
    os.write(1, f"{{os.getpid()}}\\n".encode())
    time.sleep(60)
if os.fork() == 0:
    if os.fork() == 0:
        ready(b"g" * ({PRIVATE} * {MB}))
    ready(b"c" * ({PRIVATE} * {MB}))
ready(b"p" * ({PRIVATE} * {MB}))
"""


@pytest.fixture
def process_tree():
    """A real three-process tree (parent, child, grandchild) and the pids it reported."""
    process = subprocess.Popen(
        [sys.executable, "-c", TREE], stdout=subprocess.PIPE, start_new_session=True
    )
    try:
        pids = {int(process.stdout.readline()) for _ in range(3)}
        yield process.pid, pids
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def test_tree_finds_every_descendant(process_tree):
    root, pids = process_tree
    assert set(tree(root)) == pids


def test_pss_sums_the_tree_and_counts_shared_pages_once(process_tree):
    root, _ = process_tree
    by_name: dict[str, int] = {}
    pss, rss = tree_memory(root, by_name)
    only_root = _rollup(root)["Pss"]
    # every process's private pages are in the sum, not only the root's
    assert pss >= (SHARED + 3 * PRIVATE) * MB
    assert pss - only_root >= 2 * PRIVATE * MB
    # the shared pages count once in PSS (RSS counts them in each of the three processes)
    assert pss < (2 * SHARED + 3 * PRIVATE) * MB + 100 * MB
    assert rss - pss >= 1.5 * SHARED * MB
    # split by executable: all three are Python here
    assert set(by_name) == {os.path.basename(sys.executable)}
    assert abs(sum(by_name.values()) - pss) < 5 * MB


def test_a_process_that_has_gone_counts_nothing():
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    assert tree_memory(process.pid) == (0, 0)


def test_each_executable_has_its_own_peak_beside_the_split_of_the_whole_peak(tmp_path):
    """One executable peaking after another: the whole peak's split shows the first only."""
    other = tmp_path / "other"
    other.symlink_to(sys.executable)  # the same Python under another name
    hold = "import time; data = b'x' * ({} * 2**20); time.sleep(1.0)"
    script = tmp_path / "phases.sh"
    script.write_text(
        f'"{sys.executable}" -c "{hold.format(90)}"\n"{other}" -c "{hold.format(45)}"\n'
    )
    result = measured(["sh", str(script)])
    python = os.path.basename(sys.executable)
    assert result["pss_by_name"].get("other", 0) < 20  # not running at the whole peak
    assert result["pss_peak_each"][python] >= 85
    assert 40 <= result["pss_peak_each"]["other"] < 85
    assert result["pss_mb"] >= 85


def test_ours_without_search_is_every_plugin_but_search_and_makes_no_index(tmp_path):
    flags = without_search_flags()
    assert flags[0] == "-e" and flags[1].startswith("PLUGINS=")
    left = json.loads(flags[1].removeprefix("PLUGINS="))
    every = get_settings_from_file(str(ROOT / "pelicanconf.py"))["PLUGINS"]
    assert "plugins.search" in every
    assert left == [p for p in every if p != "plugins.search"]
    content = tmp_path / "content"
    write_corpus(content, 3, photos=0)
    for name, extra in (("with", ()), ("without", flags)):
        out = tmp_path / name
        subprocess.run(ours_cmd(content, out, *extra), cwd=ROOT, check=True, capture_output=True)
        assert len(list((out / "posts").glob("*/index.html"))) == 3
        assert (out / "pagefind" / "pagefind.js").exists() == (name == "with")
