"""The link checker behind `invoke check`, on small hand-made output trees."""

from pathlib import Path

import pytest

from sitecheck.links import check_site, to_site_path


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
