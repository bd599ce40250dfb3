"""Search on built fixture sites: the index is written; drafts and future posts never in it."""

import logging
import re
import subprocess
import time
from pathlib import Path

import pytest

from plugins.engine import build
from plugins.search import indexing
from plugins.search import signals as search_signals
from plugins.search.settings import SettingsError, configure


def _indexed_text(output: Path) -> bytes:
    """Everything Pagefind wrote (its fragments are gzip-compressed: decompress them)."""
    import gzip

    data = b""
    for path in (output / "pagefind").rglob("*"):
        if path.is_file() and path.suffix in (".pf_fragment", ".pf_index", ".pf_meta"):
            raw = path.read_bytes()
            try:
                data += gzip.decompress(raw)
            except OSError:
                data += raw
    return data


def test_index_written_with_published_posts_only(build_site):
    site = build_site()
    assert site.exists("pagefind/pagefind.js")
    assert site.exists("search/")
    text = _indexed_text(site.output)
    assert b"exclusion constraints" in text.lower()  # a published post's body
    assert b"SECRETDRAFTWORD" not in text  # a draft (written under drafts/ in dev builds)
    assert b"SECRETFUTUREWORD" not in text  # dated 2099: a draft until then
    marked = {p.relative_to(site.output).as_posix() for p in indexing.marked_pages(site.output)}
    assert "posts/ranges/index.html" in marked and "about/index.html" in marked
    assert not [p for p in marked if p.startswith("drafts/")]
    assert "index.html" not in marked and "team/index.html" not in marked


@pytest.mark.parametrize(
    ("background", "html", "started"),
    [
        (False, "<article data-pagefind-body><h1>Kilns</h1><p>Hot.</p>", True),
        (False, "<p>A list, nothing marked</p>", False),
        (True, "<article data-pagefind-body><h1>Kilns</h1></article>", False),
    ],
)
def test_content_pages_written_says_whether_pagefind_started(
    tmp_path: Path, background, html, started
):
    # fastbuild's listings yield to Pagefind only when it was started
    page = tmp_path / "posts" / "kilns" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(f"<html><body>{html}</body></html>", encoding="utf-8")
    settings = {
        **configure({}),
        "PLUGINS": ["plugins.search"],
        "OUTPUT_PATH": str(tmp_path),
        "SEARCH_IN_BACKGROUND": background,
        "DEFAULT_LANG": "en",
    }
    assert search_signals.on_content_pages_written(None, settings, [str(page)]) is started
    running = getattr(build.current(settings).state("plugins.search"), "running", None)
    if running is not None:
        process, _ = running
        assert indexing.finish(process, 60).ok
        assert (tmp_path / "pagefind" / "pagefind.js").exists()


def test_an_index_started_while_listings_render_is_the_one_made_at_the_end(build_site, caplog):
    with caplog.at_level(logging.DEBUG):
        early = build_site(FASTBUILD_WORKERS=2, FASTBUILD_MIN_FILES=1)
    # the build said when its posts were written, and Pagefind started then
    assert any("Pagefind started on" in m for m in caplog.messages), caplog.messages
    at_the_end = build_site(FASTBUILD_WORKERS=1)
    assert _indexed_text(early.output)
    assert _indexed_text(early.output) == _indexed_text(at_the_end.output)


def test_search_page_and_header_box(build_site):
    site = build_site()
    page = site.soup("search/")
    root = page.select_one("[data-search]")
    assert root["data-search-bundle"] == f"{site.siteurl}/pagefind/pagefind.js"
    assert "{query}" in root["data-search-none"]
    assert page.select_one("noscript").find("a", href=f"{site.siteurl}/archives/")
    form = site.soup("").select_one(".site-search form[role=search]")
    assert form["action"] == f"{site.siteurl}/search/" and form.has_attr("hidden")
    assert site.soup("").select_one(f".site-search a[href='{site.siteurl}/search/']")
    assert form.select_one("label")["for"] == form.select_one("input[name=q]")["id"]
    assert f"<loc>{site.siteurl}/search/</loc>" in site.text("sitemap.xml")


def test_publish_build_indexes_its_own_output(build_site):
    site = build_site(publish=True)
    text = _indexed_text(site.output)
    assert b"SECRETDRAFTWORD" not in text and b"exclusion constraints" in text.lower()


def test_no_published_page_means_no_index(build_site):
    site = build_site(
        fixture=None,
        files={
            "posts/only.md": "Title: Only\nDate: 2024-01-01\nStatus: draft\n\nSECRETDRAFTWORD\n"
        },
    )
    assert not site.exists("pagefind/pagefind.js")


def test_settings_are_checked():
    assert configure({})["SEARCH_OUTPUT_DIR"] == "pagefind"
    for bad, key in (
        ({"SEARCH_OUTPUT_DIRS": "x"}, "did you mean SEARCH_OUTPUT_DIR"),
        ({"SEARCH_OUTPUT_DIR": "../up"}, "SEARCH_OUTPUT_DIR"),
        ({"SEARCH_TIMEOUT": 0}, "SEARCH_TIMEOUT"),
        ({"SEARCH_IN_BACKGROUND": "yes"}, "SEARCH_IN_BACKGROUND must be True or False"),
    ):
        try:
            configure(bad)
        except SettingsError as exc:
            assert key in str(exc)
        else:
            raise AssertionError(f"{bad} was accepted")


def test_indexed_count():
    assert indexing.indexed_count("Total:\n  Indexed 1 language\n  Indexed 42 pages\n") == 42
    assert indexing.indexed_count("nothing") == 0


def _wait_for_background(cache: Path, timeout: float = 120) -> None:
    """Until background indexing for any output under this cache folder has ended."""
    deadline = time.monotonic() + timeout
    while list(cache.glob("search/*/index.pid")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not list(cache.glob("search/*/index.pid")), "background indexing did not end"


def test_background_indexing_swaps_a_complete_index_in(build_site):
    site = build_site(SEARCH_IN_BACKGROUND=True)
    cache = site.output.parent / f".cache-{site.output.name}"
    _wait_for_background(cache)
    assert site.exists("pagefind/pagefind.js")
    assert b"exclusion constraints" in _indexed_text(site.output).lower()
    assert not (site.output / "pagefind.next").exists()
    assert not (site.output / "pagefind.old").exists()
    (log,) = cache.glob("search/*/index.log")
    assert re.search(r"indexed \d+ page", log.read_text())


def test_a_failed_run_keeps_the_previous_index(tmp_path):
    site = tmp_path / "site"
    (site / "pagefind").mkdir(parents=True)
    (site / "pagefind" / "pagefind.js").write_text("old index")
    result = indexing.run_and_swap("/bin/false", site, "pagefind", "en", 30, "**/*.html")
    assert not result.ok
    assert (site / "pagefind" / "pagefind.js").read_text() == "old index"
    assert not (site / "pagefind.next").exists()


def test_stop_background_leaves_a_process_that_is_not_ours_alone(tmp_path):
    stranger = subprocess.Popen(["sleep", "30"], start_new_session=True)
    try:
        (tmp_path / "index.pid").write_text(str(stranger.pid))
        indexing.stop_background(tmp_path / "index.pid")
        assert stranger.poll() is None  # a reused pid is not killed
        assert not (tmp_path / "index.pid").exists()
    finally:
        stranger.kill()
        stranger.wait()


@pytest.mark.parametrize(
    ("marked", "folders", "expected"),
    [
        (["posts/a/index.html", "posts/b/index.html"], ["posts"], "{posts/**/*.html}"),
        (
            ["posts/a/index.html", "about/index.html", "fr/posts/c/index.html"],
            ["posts", "about", "fr"],
            "{about/**/*.html,fr/**/*.html,posts/**/*.html}",
        ),
        (["index.html", "posts/a/index.html"], ["posts"], "{index.html,posts/**/*.html}"),
        ([], [], "**/*.html"),
    ],
)
def test_pages_glob_covers_only_folders_with_marked_pages(tmp_path, marked, folders, expected):
    for folder in folders:
        (tmp_path / folder).mkdir()
    assert indexing.pages_glob(tmp_path, [tmp_path / m for m in marked]) == expected


def test_pages_glob_takes_absolute_pages_under_a_relative_site(tmp_path, monkeypatch):
    (tmp_path / "out" / "posts").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    pages = [tmp_path / "out" / "posts" / "a" / "index.html", tmp_path / "out" / "about.html"]
    assert indexing.pages_glob(Path("out"), pages) == "{about.html,posts/**/*.html}"
