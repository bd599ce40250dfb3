"""The benchmark's memory figure: the PSS of a build's whole process tree, shared pages once."""

import os
import signal
import subprocess
import sys

import pytest

from bench.build_bench import _rollup, measured, tree, tree_memory

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
