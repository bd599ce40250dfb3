"""The link checker behind `invoke check`, on small hand-made output trees."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitecheck.links import check_site, to_site_path
from tests.conftest import FIXTURES, ROOT


@pytest.mark.parametrize(
    ("url", "page", "expected"),
    [
        ("/posts/a/", "index.html", "/posts/a/"),
        ("https://x.test/posts/a/#top", "index.html", "/posts/a/"),
        ("https://x.test", "index.html", "/"),
        ("../b/", "posts/a/index.html", "/posts/b/"),
        ("#top", "posts/a/index.html", "/posts/a/index.html"),
        ("https://elsewhere.test/", "index.html", None),
        ("mailto:hello@x.test", "index.html", None),
    ],
)
def test_to_site_path(url, page, expected):
    assert to_site_path(url, page, "https://x.test") == expected


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, html in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(html)


def test_finds_broken_links_and_anchors(tmp_path):
    _write(
        tmp_path,
        {
            "index.html": '<a href="/posts/a/">a</a><a href="/posts/gone/">x</a>'
            '<a href="/posts/a/#intro">ok</a><a href="/posts/a/#nope">bad</a>'
            '<a href="#main">skip</a><main id="main"></main><img src="/img/x.png">',
            "posts/a/index.html": '<h2 id="intro">Intro</h2><a href="../../">home</a>'
            '<a href="https://elsewhere.test/gone">ext</a>',
        },
    )
    found = [str(f) for f in check_site(tmp_path, "https://x.test")]
    assert found == [
        "index.html: broken link /posts/gone/ (nothing is published at /posts/gone/)",
        "index.html: broken anchor /posts/a/#nope (no id 'nope' in that page)",
        "index.html: broken link /img/x.png (nothing is published at /img/x.png)",
    ]


def test_clean_site_has_no_findings(tmp_path):
    _write(tmp_path, {"index.html": '<a href="about/">a</a>', "about/index.html": "<p>hi</p>"})
    assert check_site(tmp_path) == []


def test_the_check_build_prints_warnings_not_every_file_copied(tmp_path):
    # make check's output was 137 INFO lines of 152 ("Copying .../images/x.jpg to ..." twice
    # for each static file) before its table (probe 20, 6): Pelican's default level is WARNING
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    post = (
        "Title: Typo\nDate: 2024-05-01\nAuthor: Ada Byrne\nCategory: Company\nStatus: drfat\n\nx\n"
    )
    (content / "posts" / "typo.md").write_text(post, encoding="utf-8")
    log = tmp_path / "build-log.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "sitecheck.build", str(log), "-s", "pelicanconf.py",
         "-o", str(tmp_path / "out"), str(content), "--log-handler", "plain"],
        cwd=ROOT, capture_output=True, text=True, check=False,
        env={**os.environ, "COLUMNS": "200"},
    )  # fmt: skip
    said = done.stdout + done.stderr
    assert "Copying" not in said, said
    # the info lines shown are the plugins' own, one each: the engine's about each scheduled
    # post (engine/scheduled.py: the fixture's post dated 2099 is left out of a publish until
    # then) and the summaries of what images and search did (every plugin's logger is heard)
    info = [line for line in said.splitlines() if "INFO" in line]
    ours = ("from-the-future.md: scheduled:", "Search: Pagefind indexed", "Images: ")
    assert [line for line in info if not any(mark in line for mark in ours)] == [], said
    assert len(info) <= len(ours), said
    assert "posts/typo.md" in said and "drfat" in said  # the writer's mistake still shows
    assert "drfat" in log.read_text(encoding="utf-8")
