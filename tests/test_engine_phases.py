"""engine.phases: plugins wait for phases, not for their place in PLUGINS."""

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from pelicanconf import PLUGINS
from tests.test_fastbuild import assert_same_tree

ROOT = Path(__file__).resolve().parent.parent
PELICAN = str(Path(sys.executable).parent / "pelican")


def _build(content: Path, output: Path, conf: str, plugins: list[str], quiet: bool = True):
    extra = ["-e", f"PLUGINS={json.dumps(plugins)}", f"CACHE_PATH={json.dumps(str(output) + '.c')}"]
    return subprocess.run(
        [
            PELICAN,
            str(content),
            "-s",
            conf,
            "-o",
            str(output),
            *(["-q"] if quiet else ["--log-handler", "plain"]),
            *extra,
        ],
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
    # blogcore and i18n: the theme needs them (without either, that line comes first)
    plugins = [
        "plugins.blogcore",
        "plugins.i18n",
        "plugins.fastbuild",
        "plugins.images",
        "plugins.galleries",
    ]
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
    finalized into output_written, output_complete, output_final and verdict, in that order; a
    plugin's own receiver would run wherever its plugin stands in PLUGINS."""
    found = [
        path.relative_to(ROOT).as_posix()
        for path in sorted((ROOT / "plugins").rglob("*.py"))
        if _mentions(path, signal)
    ]
    assert found == ["plugins/engine/phases.py"]


# A post skipped for a URL clash (blogcore, at article_generator_pretaxonomy) is in no list,
# whatever the order of PLUGINS: blogcore is a post changer, related copies the posts once
# every changer is done, team and galleries change only the posts blogcore keeps.
_COPY = """Title: Ranges, the second draft
Date: 2024-05-10 14:30
Category: Engineering
Tags: postgresql, python
Authors: Ada Byrne, Nobody Known
Gallery: no-such-gallery
Series: Booking engine
Save_as: posts/ranges/index.html

Exclusion constraints stop double bookings: overlaps of ranges in postgresql, with python.
"""
_SIBLING = """Title: More about ranges
Date: 2024-06-10 14:30
Category: Engineering
Tags: postgresql, python
Author: Ada Byrne
Series: Booking engine

Exclusion constraints stop double bookings: overlaps of ranges in postgresql, with python.
"""


def test_a_post_skipped_for_a_clash_is_nowhere_whatever_the_order(tmp_path):
    """In a process of its own: receivers keep the order of the first build that connected
    them. Every plugin but fastbuild in reverse order: related, galleries and team before
    blogcore."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "site", content)
    (content / "posts" / "ranges-copy.md").write_text(_COPY, encoding="utf-8")
    (content / "posts" / "ranges-more.md").write_text(_SIBLING, encoding="utf-8")
    reverse = [*reversed(PLUGINS[:-1]), PLUGINS[-1]]
    done = _build(content, tmp_path / "out", "pelicanconf.py", reverse, quiet=False)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    said = [line for line in lines if "ranges-copy" in line]
    assert said == [
        "ERROR    content/posts/ranges-copy.md: URL posts/ranges/ is already taken by "
        "content/posts/ranges.md; this file was skipped (give it another Save_as:)"
    ]
    # the series, related reading: the sibling is there, the skipped post nowhere
    page = BeautifulSoup(
        (tmp_path / "out/posts/more-about-ranges/index.html").read_text(), "html.parser"
    )
    assert "Bookings as ranges" in [a.get_text(strip=True) for a in page.select(".related-posts a")]
    assert (tmp_path / "out/series/booking-engine/index.html").is_file()
    written = [p for p in (tmp_path / "out").rglob("*") if p.suffix in {".html", ".xml", ".json"}]
    assert [p for p in written if "second draft" in p.read_text(encoding="utf-8")] == []
