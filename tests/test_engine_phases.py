"""engine.phases: plugins wait for phases, not for their place in PLUGINS."""

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pelicanconf import PLUGINS
from tests.test_fastbuild import assert_same_tree

ROOT = Path(__file__).resolve().parent.parent
PELICAN = str(Path(sys.executable).parent / "pelican")


def _build(content: Path, output: Path, conf: str, plugins: list[str]):
    extra = ["-e", f"PLUGINS={json.dumps(plugins)}", f"CACHE_PATH={json.dumps(str(output) + '.c')}"]
    return subprocess.run(
        [PELICAN, str(content), "-s", conf, "-o", str(output), "-q", *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture
def content(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    return copy


def test_the_sample_site_is_the_same_whatever_the_order_of_plugins(content, tmp_path):
    """Every plugin but fastbuild in reverse order: every pair that could depend on its order
    is flipped (team before blogcore, galleries before images, related before both changers),
    and the publish build (CSP, JSON-LD with people, gallery covers as og:image) is the same."""
    assert PLUGINS[-1] == "plugins.fastbuild"
    reverse = [*reversed(PLUGINS[:-1]), PLUGINS[-1]]
    usual = _build(content, tmp_path / "usual", "publishconf.py", PLUGINS)
    flipped = _build(content, tmp_path / "flipped", "publishconf.py", reverse)
    assert usual.returncode == flipped.returncode == 0, (usual.stderr, flipped.stderr)
    assert_same_tree(tmp_path / "flipped", tmp_path / "usual")
    # what used to need an order did its work: people from team files in a post's JSON-LD,
    # a gallery's cover as the og:image of a post without an image of its own
    page = (tmp_path / "flipped" / "posts" / "a-dinner-for-easton-table" / "index.html").read_text()
    assert '"jobTitle": ' in page
    assert '<meta property="og:image" content="https://' in page
    assert (
        "/renditions/galleries/easton-table-dinner/" in page.split('property="og:image"')[1][:200]
    )


def test_fastbuild_listed_before_a_plugin_writing_pages_is_one_line(content, tmp_path):
    plugins = ["plugins.blogcore", "plugins.fastbuild", "plugins.images", "plugins.galleries"]
    done = _build(content, tmp_path / "out", "pelicanconf.py", plugins)
    assert done.returncode != 0
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert "Traceback" not in done.stderr
    assert (
        "Settings error: list 'plugins.fastbuild' last in PLUGINS "
        "(plugins.galleries writes pages after it) (PLUGINS given with -e/--extra-settings)"
        in lines
    )


def _mentions(path: Path, signal: str) -> bool:
    tree = ast.parse(path.read_text(), str(path))
    return any(isinstance(node, ast.Attribute) and node.attr == signal for node in ast.walk(tree))


@pytest.mark.parametrize("signal", ["all_generators_finalized", "finalized"])
def test_no_plugin_listens_to_a_signal_the_engine_splits(signal):
    """The engine splits all_generators_finalized into sources_known and content_final, and
    finalized into output_written, output_final and verdict, in that order; a plugin's own
    receiver would run wherever its plugin stands in PLUGINS."""
    found = [
        path.relative_to(ROOT).as_posix()
        for path in sorted((ROOT / "plugins").rglob("*.py"))
        if _mentions(path, signal)
    ]
    assert found == ["plugins/engine/phases.py"]
