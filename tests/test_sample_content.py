"""The sample site in content/: it builds without a warning, publishes cleanly, links resolve."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitecheck.links import check_site
from tests.conftest import DEV_CONF, PUBLISH_CONF, ROOT

SITEURL = "https://blog.example.test"


def _pelican(conf: Path, output: Path) -> subprocess.CompletedProcess:
    pelican = Path(sys.executable).parent / "pelican"
    return subprocess.run(
        [str(pelican), "-s", str(conf), "-o", str(output), str(ROOT / "content")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "SITEURL": SITEURL},
        timeout=300,
    )


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample")
    return _pelican(DEV_CONF, out / "dev"), _pelican(PUBLISH_CONF, out / "publish"), out


def test_dev_build_prints_no_warning_or_error(sample):
    dev, _, _ = sample
    log = dev.stdout + dev.stderr
    assert dev.returncode == 0, log
    for word in ("WARNING", "ERROR", "CRITICAL", "Traceback"):
        assert word not in log, log


def test_publish_build_is_clean_and_links_resolve(sample):
    _, publish, out = sample
    assert publish.returncode == 0, publish.stdout + publish.stderr
    findings = check_site(out / "publish", SITEURL)
    assert findings == [], "\n".join(map(str, findings))


def test_sample_content_exercises_everything(sample):
    _, _, out = sample
    site = out / "publish"
    posts = [p for p in (site / "posts").iterdir() if (p / "index.html").is_file()]
    assert len(posts) >= 12
    sources = [p.read_text(encoding="utf-8") for p in (ROOT / "content" / "posts").glob("*.md")]
    heads = [s.split("\n\n", 1)[0] for s in sources]
    years = {line[6:10] for h in heads for line in h.splitlines() if line.startswith("Date: ")}
    categories = {
        line[10:] for h in heads for line in h.splitlines() if line.startswith("Category:")
    }
    assert len(years) >= 3 and len(categories) >= 3
    assert any("Status: draft" in h for h in heads)
    assert any(
        line.startswith("Authors:") and "," in line for h in heads for line in h.splitlines()
    )
    assert any("```" in s for s in sources)
    assert (site / "about" / "index.html").is_file()
    assert len(list((site / "team").glob("*/index.html"))) >= 3
