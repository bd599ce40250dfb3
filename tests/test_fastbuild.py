"""fastbuild: parallel reading and rendering, and incremental rebuilds, write exactly what a
clean build in one process writes."""

import dataclasses
import datetime
import errno
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import ClassVar

import jinja2
import pytest
from bs4 import BeautifulSoup
from pelican import signals
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG, read_settings

from bench.corpus import write_corpus
from pelicanconf import PLUGINS
from plugins.engine.build import CARRIED
from plugins.fastbuild import digest, manifest, parallel
from plugins.fastbuild import signals as fastbuild_signals
from plugins.fastbuild import writer as writer_module
from plugins.fastbuild.settings import DEFAULTS, SettingsError, configure
from plugins.fastbuild.warm import WarmBuilder
from plugins.fastbuild.writer import IncrementalState, ParallelWriter, refer

ROOT = Path(__file__).resolve().parent.parent
PELICAN = str(Path(sys.executable).parent / "pelican")


def arguments(content: Path, output: Path, cache: Path, **settings) -> list[str]:
    """Pelican's arguments for a build of ``content`` with pelicanconf.py and these settings."""
    # one -e with every pair: a second -e would replace the first
    extra = [
        "-e",
        *(f"{k}={json.dumps(v)}" for k, v in {"CACHE_PATH": str(cache), **settings}.items()),
    ]
    return [str(content), "-s", "pelicanconf.py", "-o", str(output), *extra]


def build(content: Path, output: Path, cache: Path, **settings) -> subprocess.CompletedProcess:
    """A real `pelican` run with pelicanconf.py, as `make serve` does it."""
    return subprocess.run(
        [PELICAN, *arguments(content, output, cache, **settings)],
        cwd=ROOT,
        env={**os.environ, "COLUMNS": "300"},  # log lines unwrapped
        capture_output=True,
        text=True,
        check=False,
    )


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def assert_same_tree(incremental: Path, clean: Path) -> None:
    got, want = tree(incremental), tree(clean)
    assert sorted(got) == sorted(want), {
        "only incremental": sorted(set(got) - set(want))[:10],
        "only clean": sorted(set(want) - set(got))[:10],
    }
    differ = [name for name in want if got[name] != want[name]]
    assert not differ, f"pages that differ from a clean build: {differ[:10]}"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    write_corpus(content, posts=36, photos=0, seed=11)
    # two posts without a Summary: their summary comes from their text, shown on listings
    for name in ("post-00003.md", "post-00004.md"):
        post = content / "posts" / name
        lines = post.read_text(encoding="utf-8").splitlines(keepends=True)
        post.write_text("".join(li for li in lines if not li.startswith("Summary:")))
    return content


def _edit(path: Path, old: str | None, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1) if old else text + new, encoding="utf-8")


EDITS = [
    ("a sentence added to a body", lambda c: _edit(c / "posts/post-00007.md", None, "\nMore.\n")),
    (
        "the first paragraph of a post without a summary",
        lambda c: _edit(c / "posts/post-00003.md", "\n\n## ", "\n\nA new opening line.\n\n## "),
    ),
    ("a title", lambda c: _edit(c / "posts/post-00010.md", "Title: ", "Title: Renamed ")),
    ("a tag", lambda c: _edit(c / "posts/post-00011.md", "Tags: ", "Tags: brand-new-tag, ")),
    ("a post removed", lambda c: (c / "posts/post-00012.md").unlink()),
    (
        "a post added",
        lambda c: (c / "posts/new.md").write_text(
            "Title: A new post\nDate: 2030-01-01\nAuthors: Ada Abbott\nSlug: new\n\nHello.\n"
        ),
    ),
    ("a team bio", lambda c: _edit(c / "team/ada-abbott.md", None, "\nShe also bakes.\n")),
    # what the site digest covers (every post's fields): a series and a post's status
    (
        "a post leaves its series",
        lambda c: _edit(c / "posts/post-00021.md", "Series: Series 0\n", ""),
    ),
    (
        "a post joins a series",
        lambda c: _edit(c / "posts/post-00014.md", "Slug: ", "Series: Series 0\nSlug: "),
    ),
    (
        "a series file",
        lambda c: _edit(c / "series/series-0.md", "Parts on one theme.", "Parts on a theme."),
    ),
    (
        "a post made a draft",
        lambda c: _edit(c / "posts/post-00013.md", "Slug: ", "Status: draft\nSlug: "),
    ),
    ("a page", lambda c: _edit(c / "pages/about.md", None, "\nMore about us.\n")),
    # what the attributes the site digest leaves out are made from (writer.DERIVED_ATTRIBUTES,
    # FASTBUILD_PAGE_ONLY_ATTRIBUTES): a person's role and name (JSON-LD), comments, a
    # series' title, a post's language
    ("a team member's role", lambda c: _edit(c / "team/ada-abbott.md", "Role: ", "Role: Chief ")),
    ("a team member's name", lambda c: _edit(c / "team/ada-abbott.md", "Name: ", "Name: Dr ")),
    (
        "comments closed on a post",
        lambda c: _edit(c / "posts/post-00015.md", "Slug: ", "Comments: closed\nSlug: "),
    ),
    ("a series' title", lambda c: _edit(c / "series/series-0.md", "Title: ", "Title: The ")),
    ("a post's language", lambda c: _edit(c / "posts/post-00016.md", "Slug: ", "Lang: de\nSlug: ")),
    # a post the reader refuses: the next rebuild does not read it ahead (manifest.refused)
    ("a post refused", lambda c: _edit(c / "posts/post-00017.md", "Date: ", "Date: soon ")),
    ("a body, a post refused", lambda c: _edit(c / "posts/post-00007.md", None, "\nAgain.\n")),
    ("a refused post mended", lambda c: _edit(c / "posts/post-00017.md", "Date: soon ", "Date: ")),
]


def test_incremental_rebuilds_write_what_a_clean_build_writes(corpus: Path, tmp_path: Path):
    incremental, cache = tmp_path / "out-incremental", tmp_path / "cache"
    settings = {"FASTBUILD_INCREMENTAL": True, "FASTBUILD_MIN_FILES": 1}
    first = build(corpus, incremental, cache, **settings)
    assert first.returncode == 0, first.stderr
    untouched = incremental / "posts/post-00020/index.html"
    for number, (what, edit) in enumerate(EDITS):
        before = untouched.stat().st_mtime_ns if untouched.exists() else None
        edit(corpus)
        result = build(corpus, incremental, cache, **settings)
        assert result.returncode == 0, (what, result.stderr)
        clean = tmp_path / f"out-clean-{number}"
        reference = build(corpus, clean, tmp_path / f"cache-clean-{number}")
        assert reference.returncode == 0, reference.stderr
        assert_same_tree(incremental, clean)
        if what == "a sentence added to a body":
            # the point of it all: a page that did not change was not rendered again
            assert untouched.stat().st_mtime_ns == before


@pytest.mark.parametrize("plugin_paths", ["the project", "a folder holding the output"])
def test_an_unchanged_rebuild_renders_nothing(corpus: Path, tmp_path: Path, plugin_paths: str):
    """Also when PLUGIN_PATHS names a folder that holds the output and the cache, as ["."]
    does for `make serve` (output/ and .cache/ in the project): the plugins' code is what a
    build depends on, not everything beside it."""
    output, cache = tmp_path / "out", tmp_path / "cache"
    settings = {"FASTBUILD_INCREMENTAL": True}
    if plugin_paths != "the project":
        settings["PLUGIN_PATHS"] = [str(ROOT), str(tmp_path)]
    assert build(corpus, output, cache, **settings).returncode == 0
    stamps = {p: p.stat().st_mtime_ns for p in output.rglob("*.html")}
    again = build(corpus, output, cache, **settings)
    assert again.returncode == 0, again.stderr
    rewritten = [p for p, stamp in stamps.items() if p.stat().st_mtime_ns != stamp]
    # blogcore's sitemap and the theme are not pages; every page is kept as it was
    assert rewritten == []


def test_an_unchanged_rebuild_of_the_sample_site_renders_nothing(tmp_path: Path):
    """The sample site's French team pages show a translated bio, a content object that is
    no post or page (its file is an input): they were rendered again at every rebuild."""
    content, output, cache = tmp_path / "content", tmp_path / "out", tmp_path / "cache"
    shutil.copytree(ROOT / "content", content)
    settings = {"FASTBUILD_INCREMENTAL": True}
    assert build(content, output, cache, **settings).returncode == 0
    stamps = {p: p.stat().st_mtime_ns for p in output.rglob("*.html")}
    again = build(content, output, cache, **settings)
    assert again.returncode == 0, again.stderr
    assert [p for p, stamp in stamps.items() if p.stat().st_mtime_ns != stamp] == []


def _related_picks(page: Path) -> list[str]:
    """The addresses a post's page lists under "Related reading"."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [a["href"] for a in soup.select(".related-post h3 a")]


def test_an_edit_moving_a_reading_time_and_related_picks_renders_only_the_pages_it_touches(
    corpus: Path, tmp_path: Path
):
    """Another post's text pasted at the top of post-00007: its reading time changes and so
    do some posts' related picks, fields of a few posts that every page does not show. Their
    pages and the pages linking to post-00007 are rendered again, every other post's page is
    kept (all of them were, when any post's reading time or picks changed), and the site is
    a clean build's."""
    output, cache = tmp_path / "out", tmp_path / "cache"
    settings = {"FASTBUILD_INCREMENTAL": True, "FASTBUILD_MIN_FILES": 1}
    assert build(corpus, output, cache, **settings).returncode == 0
    pages = sorted(output.glob("posts/*/index.html"))
    before = {p: (p.stat().st_mtime_ns, p.read_bytes(), _related_picks(p)) for p in pages}
    donor = (corpus / "posts/post-00020.md").read_text(encoding="utf-8")
    _edit(corpus / "posts/post-00007.md", "\n\n", "\n\n" + donor.split("\n\n", 1)[1] + "\n\n")
    result = build(corpus, output, cache, **settings)
    assert result.returncode == 0, result.stderr
    clean = tmp_path / "clean"
    assert build(corpus, clean, tmp_path / "cache-clean").returncode == 0
    assert_same_tree(output, clean)
    edited = output / "posts/post-00007/index.html"
    moved = [p for p in pages if p != edited and _related_picks(p) != before[p][2]]
    assert moved, "no post's related picks moved: the edit does not test what it says"
    assert before[edited][0] != edited.stat().st_mtime_ns
    # a page shows a changed post's reading time or picks only where it links to it
    changed = [f"/posts/{p.parent.name}/".encode() for p in [edited, *moved]]
    untouched = [p for p in pages if not any(c in before[p][1] + p.read_bytes() for c in changed)]
    assert untouched, "every post's page links to a post that changed"
    kept = [p for p in pages if p.stat().st_mtime_ns == before[p][0]]
    assert sorted(kept) == sorted(untouched)


def _mtimes(folder: Path) -> dict[str, int]:
    """Every HTML page under a folder, with the time it was last written."""
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*.html")}


def assert_as_clean(content: Path, output: Path, tmp_path: Path, name: str, **settings) -> None:
    """An incremental build's output is what a clean build of the same content writes."""
    clean = tmp_path / name
    assert build(content, clean, tmp_path / f"cache-{name}", **settings).returncode == 0
    assert_same_tree(output, clean)


def _href(page: Path, text: str) -> str:
    """Where the link with this text on a page leads."""
    link = BeautifulSoup(page.read_bytes(), "html.parser").find("a", string=text)
    assert link is not None, f"no link {text!r} on {page}"
    return link["href"]


def test_a_link_added_to_a_post_renders_only_its_own_page(corpus: Path, tmp_path: Path):
    """A link to another post and one to a published file, added at the end of a post: its
    own page is rendered again, every other page is kept (every page was rendered, as the
    links a post's text holds were in the site digest), and the site is a clean build's."""
    (corpus / "images").mkdir()
    (corpus / "images/plan.pdf").write_bytes(b"%PDF-1.4 the hall's floor plan")
    _edit(corpus / "posts/post-00003.md", None, "\nThe [plan]({static}/images/plan.pdf).\n")
    output, cache = tmp_path / "out", tmp_path / "cache"
    settings = {"FASTBUILD_INCREMENTAL": True, "FASTBUILD_MIN_FILES": 1}
    assert build(corpus, output, cache, **settings).returncode == 0
    before = _mtimes(output)
    _edit(
        corpus / "posts/post-00007.md",
        None,
        "\nSee [the earlier post]({filename}post-00020.md) and [the plan](/images/plan.pdf).\n",
    )
    result = build(corpus, output, cache, **settings)
    assert result.returncode == 0, result.stderr
    assert_as_clean(corpus, output, tmp_path, "clean")
    assert _href(output / "posts/post-00007/index.html", "the earlier post").endswith(
        "/posts/post-00020/"
    )
    rendered = sorted(name for name, stamp in _mtimes(output).items() if before[name] != stamp)
    assert rendered == ["posts/post-00007/index.html"]


def test_an_attach_link_shown_as_code_renders_only_its_own_page(corpus: Path, tmp_path: Path):
    """A post that shows how to write an {attach} link, in a code span, and has its example
    changed: its own page is rendered again, every other page is kept (fastbuild looked for
    {attach} anywhere in the text, not where Pelican resolves links, and rendered every
    page), and the site is a clean build's."""
    post = corpus / "posts/post-00007.md"
    _edit(post, None, "\nWrite `[the plan]({attach}plan.pdf)` to put a file beside a post.\n")
    output, cache = tmp_path / "out", tmp_path / "cache"
    settings = {"FASTBUILD_INCREMENTAL": True, "FASTBUILD_MIN_FILES": 1}
    assert build(corpus, output, cache, **settings).returncode == 0
    before = _mtimes(output)
    _edit(post, "{attach}plan.pdf", "{attach}floor-plan.pdf")
    result = build(corpus, output, cache, **settings)
    assert result.returncode == 0, result.stderr
    assert_as_clean(corpus, output, tmp_path, "clean")
    code = BeautifulSoup((output / "posts/post-00007/index.html").read_bytes(), "html.parser")
    assert "[the plan]({attach}floor-plan.pdf)" in [c.get_text() for c in code.select("code")]
    rendered = sorted(name for name, stamp in _mtimes(output).items() if before[name] != stamp)
    assert rendered == ["posts/post-00007/index.html"]


def _only_drafts_line(result: subprocess.CompletedProcess) -> bool:
    said = result.stdout + result.stderr
    return "content/images/unveiling.pdf: only drafts link to it, so it is not published" in said


def test_a_file_only_a_draft_linked_is_published_while_a_post_links_it(
    corpus: Path, tmp_path: Path
):
    """In a build that writes no drafts, a file only a draft links to is not published; a
    published post starting to link to it publishes it, and stopping takes it out again:
    after each incremental build, the site is a clean build's, and the line says so."""
    (corpus / "images").mkdir()
    (corpus / "images/unveiling.pdf").write_bytes(b"%PDF-1.4 the new product, unannounced")
    _edit(
        corpus / "posts/post-00013.md",
        "Slug: ",
        "Status: draft\nSlug: ",
    )
    _edit(corpus / "posts/post-00013.md", None, "\nThe [sheet]({static}/images/unveiling.pdf).\n")
    post = corpus / "posts/post-00007.md"
    original = post.read_text(encoding="utf-8")
    output, cache = tmp_path / "out", tmp_path / "cache"
    settings = {"FASTBUILD_INCREMENTAL": True, "FASTBUILD_MIN_FILES": 1, "DRAFT_SAVE_AS": ""}
    first = build(corpus, output, cache, **settings)
    assert first.returncode == 0, first.stderr
    assert _only_drafts_line(first)
    steps = [
        ("linked by {static}", "\nThe [sheet]({static}/images/unveiling.pdf).\n", True),
        ("no longer linked", "", False),
        ("linked by address", "\nThe [sheet](/images/unveiling.pdf).\n", True),
        ("no longer linked again", "", False),
    ]
    for number, (step, added, published) in enumerate(steps):
        post.write_text(original + added, encoding="utf-8")
        result = build(corpus, output, cache, **settings)
        assert result.returncode == 0, result.stderr
        assert_as_clean(corpus, output, tmp_path, f"clean-{number}", DRAFT_SAVE_AS="")
        assert (output / "images/unveiling.pdf").exists() is published, step
        assert _only_drafts_line(result) is not published, step


def test_an_attach_link_added_moves_the_file_for_every_page_linking_to_it(
    corpus: Path, tmp_path: Path
):
    """A file beside the posts that one post links to with {static}: another post's {attach}
    link added moves it beside that post, and every page linking to it follows, as in a clean
    build (the file's place is in the site digest: the links were, before)."""
    (corpus / "posts/timetable.pdf").write_bytes(b"%PDF-1.4 the summer timetable")
    _edit(corpus / "posts/post-00002.md", None, "\nThe [timetable]({static}timetable.pdf).\n")
    post = corpus / "posts/post-00020.md"
    original = post.read_text(encoding="utf-8")
    output, cache = tmp_path / "out", tmp_path / "cache"
    settings = {"FASTBUILD_INCREMENTAL": True, "FASTBUILD_MIN_FILES": 1}
    assert build(corpus, output, cache, **settings).returncode == 0
    for number, added in enumerate(["\nOur [timetable]({attach}timetable.pdf).\n", ""]):
        post.write_text(original + added, encoding="utf-8")
        result = build(corpus, output, cache, **settings)
        assert result.returncode == 0, result.stderr
        assert_as_clean(corpus, output, tmp_path, f"clean-{number}")
        moved = (output / "posts/post-00020/timetable.pdf").exists()
        assert moved is bool(added), "the clean build did not move the file"


def test_a_page_kept_still_takes_the_file_it_attaches(corpus: Path, tmp_path: Path):
    """A page kept as it was (another post edited) still moves the file its {attach} link
    names beside it, as its render would: it was copied to its place in the content folder,
    and the page's link led to nothing."""
    (corpus / "pages/venue.pdf").write_bytes(b"%PDF-1.4 how to find the hall")
    _edit(corpus / "pages/about.md", None, "\nThe [way to the hall]({attach}venue.pdf).\n")
    output, cache = tmp_path / "out", tmp_path / "cache"
    settings = {"FASTBUILD_INCREMENTAL": True, "FASTBUILD_MIN_FILES": 1}
    assert build(corpus, output, cache, **settings).returncode == 0
    kept = (output / "about/index.html").stat().st_mtime_ns
    _edit(corpus / "posts/post-00007.md", None, "\nMore.\n")
    assert build(corpus, output, cache, **settings).returncode == 0
    assert (output / "about/index.html").stat().st_mtime_ns == kept
    assert_as_clean(corpus, output, tmp_path, "clean")
    assert _href(output / "about/index.html", "way to the hall").endswith("/about/venue.pdf")
    assert (output / "about/venue.pdf").exists()


def inputs_of(folder: Path, names: list[str], **override) -> set[str]:
    """The files of a content folder holding ``names`` that the site digest has as inputs of
    every page (relative to it), with pelicanconf.py's settings and ``override``."""
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("Title: A\n", encoding="utf-8")
    settings = read_settings(
        str(ROOT / "pelicanconf.py"), override={"PATH": str(folder), **override}
    )
    files = fastbuild_signals._input_files(settings, fastbuild_signals._content_files(settings))
    return {os.path.relpath(f, folder) for f in files if f.startswith(str(folder) + os.sep)}


def test_side_files_inside_a_posts_folder_are_inputs(tmp_path: Path):
    """A series, team or gallery folder inside ARTICLE_PATHS holds no posts (those plugins add
    it to ARTICLE_EXCLUDES): its files are inputs, as the site digest leaves out the series
    made from them (writer.DERIVED_ATTRIBUTES)."""
    inputs = inputs_of(
        tmp_path,
        ["posts/a.md", "posts/series/s.md"],
        ARTICLE_PATHS=["posts"],
        ARTICLE_EXCLUDES=["pages", "posts/series/"],
    )
    assert "posts/series/s.md" in inputs
    assert "posts/a.md" not in inputs


def test_incremental_inputs_are_the_plugins_code_not_the_project():
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    assert settings["PLUGIN_PATHS"] == [str(ROOT)]  # "." as Pelican resolves it
    files = fastbuild_signals._input_files(settings, fastbuild_signals._content_files(settings))
    assert str(ROOT / "plugins") in files
    assert str(ROOT) not in files
    assert not [
        f
        for f in files
        if not f.startswith((str(ROOT / "plugins"), settings["PATH"], settings["THEME"]))
    ]


def test_a_theme_change_renders_every_page_again(corpus: Path, tmp_path: Path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    output, cache = tmp_path / "out", tmp_path / "cache"
    settings = {"FASTBUILD_INCREMENTAL": True, "THEME": str(theme)}
    assert build(corpus, output, cache, **settings).returncode == 0
    _edit(theme / "templates/base.html", "</body>", "<!-- v2 --></body>")
    assert build(corpus, output, cache, **settings).returncode == 0
    clean = tmp_path / "clean"
    assert build(corpus, clean, tmp_path / "cache2", THEME=str(theme)).returncode == 0
    assert_same_tree(output, clean)
    assert "<!-- v2 -->" in (output / "posts/post-00001/index.html").read_text()


def test_a_build_with_other_settings_sharing_the_cache_leaves_a_rebuild_as_a_clean_build(
    corpus: Path, tmp_path: Path
):
    """Builds into two folders with other Markdown settings share CACHE_PATH (two sites, or
    two configurations, from one checkout): the first's next rebuild took the second's
    reading of its posts from Pelican's reader cache, and showed its headings' permalinks.
    Each set of inputs now finds its own reading, kept aside while the other built."""
    cache = tmp_path / "cache"
    markdown = json.loads(json.dumps(read_settings(str(ROOT / "pelicanconf.py"))["MARKDOWN"]))
    markdown["extension_configs"]["markdown.extensions.toc"] = {"permalink": True}
    first, other = tmp_path / "out-first", tmp_path / "out-other"
    settings = {"FASTBUILD_INCREMENTAL": True, "FASTBUILD_MIN_FILES": 1}
    for output, extra in ((first, {}), (other, {"MARKDOWN": markdown}), (first, {})):
        result = build(corpus, output, cache, **settings, **extra)
        assert result.returncode == 0, result.stderr
    page = BeautifulSoup((other / "posts/post-00001/index.html").read_text(), "html.parser")
    assert page.select("main h2 a.headerlink"), "the other settings show in their own build"
    page = BeautifulSoup((first / "posts/post-00001/index.html").read_text(), "html.parser")
    assert not page.select("main h2 a.headerlink"), "the other settings' reading was taken"
    clean = tmp_path / "out-clean"
    assert build(corpus, clean, tmp_path / "cache-clean").returncode == 0
    assert_same_tree(first, clean)


def _tally(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The file where a Markdown extension, ``tally_markdown`` (to list in MARKDOWN), notes
    each reading of a file holding TALLY, in any process this test starts."""
    from tests.test_serve_rebuilds import TALLY

    extension = tmp_path / "extension"
    extension.mkdir()
    (extension / "tally_markdown.py").write_text(TALLY, encoding="utf-8")
    tally = tmp_path / "tally.log"
    monkeypatch.setenv("TALLY_LOG", str(tally))
    monkeypatch.setenv("PYTHONPATH", str(extension))
    return tally


def test_a_rebuild_after_another_site_was_built_reads_only_the_post_saved(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Another content folder built from the same checkout (one CACHE_PATH) emptied the
    first's reader cache: its next rebuild read every post again (minutes of CPU at 2,000
    posts). It reads the post saved, and nothing else."""
    tally = _tally(tmp_path, monkeypatch)
    for name in ("post-00005.md", "post-00006.md"):
        _edit(corpus / "posts" / name, None, "\nTALLY\n")
    other = tmp_path / "other"
    shutil.copytree(corpus, other)
    markdown = json.loads(json.dumps(read_settings(str(ROOT / "pelicanconf.py"))["MARKDOWN"]))
    markdown["extension_configs"]["tally_markdown"] = {}
    settings = {"FASTBUILD_INCREMENTAL": True, "FASTBUILD_MIN_FILES": 1, "MARKDOWN": markdown}
    cache = tmp_path / "cache"
    for content, output in ((corpus, "out"), (other, "out-other")):
        result = build(content, tmp_path / output, cache, **settings)
        assert result.returncode == 0, result.stderr
    _edit(corpus / "posts/post-00005.md", None, "\nOne more line.\n")
    tally.write_text("", encoding="utf-8")
    result = build(corpus, tmp_path / "out", cache, **settings)
    assert result.returncode == 0, result.stderr
    assert tally.read_text(encoding="utf-8").count("read") == 1


def test_warm_builds_write_what_one_off_builds_write(corpus: Path, tmp_path: Path):
    warm, cache, log = tmp_path / "out-warm", tmp_path / "cache", tmp_path / "warm.log"
    settings = {"FASTBUILD_INCREMENTAL": True, "FASTBUILD_MIN_FILES": 1}
    with log.open("w") as errors, WarmBuilder(ROOT / "pelicanconf.py", ROOT, stderr=errors) as b:
        assert b.build(arguments(corpus, warm, cache, **settings)) == 0, log.read_text()
        server = b.process.pid
        for number, (what, edit) in enumerate([EDITS[0], EDITS[3]]):
            edit(corpus)
            assert b.build(arguments(corpus, warm, cache, **settings)) == 0, (what, log.read_text())
            clean = tmp_path / f"out-clean-{number}"
            reference = build(corpus, clean, tmp_path / f"cache-clean-{number}")
            assert reference.returncode == 0, reference.stderr
            assert_same_tree(warm, clean)
        assert b.process.pid == server  # one warm process forked every build


PROBE = """
from pelican import signals

def finished(pelican):
    with open(pelican.settings["OUTPUT_PATH"] + "/probe.txt", "w") as handle:
        handle.write({value!r})

def register():
    signals.finalized.connect(finished)
"""


def test_a_warm_process_with_stale_code_is_replaced_and_failures_keep_their_status(
    tmp_path: Path,
):
    probe = tmp_path / "extra" / "probe" / "__init__.py"
    probe.parent.mkdir(parents=True)
    probe.write_text(PROBE.format(value="first"))
    content, output = tmp_path / "content", tmp_path / "out"
    content.mkdir()
    (content / "hello.md").write_text("Title: Hello\nDate: 2026-01-01\n\nHi.\n")
    conf = tmp_path / "conf.py"
    conf.write_text(f"PLUGIN_PATHS = [{str(probe.parent.parent)!r}]\nPLUGINS = ['probe']\n")
    args = ["-s", str(conf), "-o", str(output), str(content), "-q"]
    with WarmBuilder(conf, ROOT, stderr=subprocess.DEVNULL) as builder:
        assert builder.build(["-s", str(tmp_path / "missing.py"), str(content)]) != 0
        server = builder.process.pid
        assert builder.build(args) == 0
        assert builder.process.pid == server  # a failed build leaves the server serving
        assert (output / "probe.txt").read_text() == "first"
        # the plugin is edited while the server runs: its imported copy is stale
        probe.write_text(PROBE.format(value="second"))
        stamp = probe.stat()
        os.utime(probe, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 10**9))
        assert builder.build(args) == 0
        assert (output / "probe.txt").read_text() == "second"
        assert builder.process.pid != server


@pytest.mark.parametrize("workers", [2, 3])
def test_parallel_reading_and_rendering_write_the_same_site_as_one_process(
    corpus: Path, tmp_path: Path, workers: int
):
    one = build(corpus, tmp_path / "one", tmp_path / "c1", FASTBUILD_WORKERS=1)
    many = build(
        corpus,
        tmp_path / "many",
        tmp_path / "c2",
        FASTBUILD_WORKERS=workers,
        FASTBUILD_MIN_FILES=1,
    )
    assert one.returncode == many.returncode == 0, (one.stderr, many.stderr)
    assert_same_tree(tmp_path / "many", tmp_path / "one")


@pytest.mark.parametrize("site", ["corpus", "sample content (translations, drafts)"])
def test_fastbuild_writes_the_same_site_as_pelican_without_it(
    site: str, corpus: Path, tmp_path: Path
):
    """Parallel reading and rendering, fixed URLs: none of it changes a byte."""
    assert PLUGINS[-1] == "plugins.fastbuild"
    content = corpus if site == "corpus" else ROOT / "content"
    cache = tmp_path / "cache"  # shared: the photos are made once (full builds read no posts)
    plain = build(content, tmp_path / "plain", cache, PLUGINS=PLUGINS[:-1])
    fast = build(content, tmp_path / "fast", cache, FASTBUILD_WORKERS=2, FASTBUILD_MIN_FILES=1)
    assert plain.returncode == fast.returncode == 0, (plain.stderr, fast.stderr)
    assert_same_tree(tmp_path / "fast", tmp_path / "plain")


def _failing_theme(tmp_path: Path, line: str) -> Path:
    """A copy of the theme whose post template also renders ``line``."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    _edit(theme / "templates/article.html", "{% block content %}", "{% block content %}" + line)
    return theme


def _critical(result: subprocess.CompletedProcess) -> str:
    said = " ".join((result.stdout + result.stderr).split())
    found = re.search(r"(UndefinedError: .*? has no attribute '[^']+')", said)
    assert found, said[-2000:]
    return found.group(1)


def test_a_template_error_in_a_worker_fails_the_build_as_in_one_process(
    corpus: Path, tmp_path: Path
):
    # every post's page fails, naming its post: the workers fail too, and the build must
    # report the page a one-process build stops at, not whichever worker failed first
    theme = _failing_theme(tmp_path, "{{ article[article.slug].missing }}")
    one = build(corpus, tmp_path / "one", tmp_path / "c1", THEME=str(theme), FASTBUILD_WORKERS=1)
    many = build(
        corpus,
        tmp_path / "two",
        tmp_path / "c2",
        THEME=str(theme),
        FASTBUILD_WORKERS=3,
        FASTBUILD_MIN_FILES=1,
    )
    assert one.returncode != 0 and many.returncode != 0
    assert _critical(many) == _critical(one)


def _extra_plugin(tmp_path: Path, name: str, source: str) -> Path:
    """A plugin of one module, ``source``, for PLUGINS; the folder for PLUGIN_PATHS."""
    plugin = tmp_path / "extra_plugins" / name
    plugin.mkdir(parents=True)
    (plugin / "__init__.py").write_text(source)
    return plugin.parent


def fork_probe(tmp_path: Path, notes: Path) -> Path:
    """A plugin, ``forkprobe``, that notes at each fork of the build the names of the
    process's Python threads and the system's count of its threads (a JSON line each, into
    ``notes``); the folder for PLUGIN_PATHS."""
    return _extra_plugin(
        tmp_path,
        "forkprobe",
        "import json, os, threading\n"
        "def before():\n"
        "    tasks = '/proc/self/task'\n"
        "    count = len(os.listdir(tasks)) if os.path.isdir(tasks) else 1\n"
        "    names = [t.name for t in threading.enumerate()]\n"
        f"    with open({str(notes)!r}, 'a') as out:\n"
        "        out.write(json.dumps([names, count]) + '\\n')\n"
        "def register():\n"
        "    os.register_at_fork(before=before)\n",
    )


def test_a_strict_build_fails_on_an_error_logged_in_a_worker(corpus: Path, tmp_path: Path):
    # a plugin whose template function logs an error, as a broken shortcode would
    folder = _extra_plugin(
        tmp_path,
        "shout",
        "import logging\n"
        "from pelican import signals\n"
        "def shout(text):\n"
        "    logging.getLogger('shout').error('shout: %s', text)\n"
        "    return ''\n"
        "def on_generator_init(generator):\n"
        "    generator.env.globals['shout'] = shout\n"
        "def register():\n"
        "    signals.generator_init.connect(on_generator_init)\n",
    )
    theme = _failing_theme(tmp_path, "{{ shout(article.slug) }}")
    settings = {
        "THEME": str(theme),
        "PLUGIN_PATHS": ["plugins", str(folder)],
        "PLUGINS": [*PLUGINS[:-1], "shout", PLUGINS[-1]],
        "BLOGCORE_STRICT": True,
    }
    one = build(corpus, tmp_path / "one", tmp_path / "c1", FASTBUILD_WORKERS=1, **settings)
    more = {"FASTBUILD_WORKERS": 3, "FASTBUILD_MIN_FILES": 1, **settings}
    many = build(corpus, tmp_path / "many", tmp_path / "c2", **more)
    assert one.returncode == many.returncode == 1
    said = [" ".join((r.stdout + r.stderr).split()) for r in (one, many)]
    failed = [re.search(r"Build failed: (\d+) error\(s\)", text) for text in said]
    assert all(failed), said
    # every post's error counted, whichever process rendered it
    assert failed[0].group(1) == failed[1].group(1)
    assert int(failed[1].group(1)) > 30
    assert said[1].count("shout: post-00007") == 1


def test_a_bad_post_read_in_parallel_gets_the_usual_message(corpus: Path, tmp_path: Path):
    _edit(corpus / "posts/post-00005.md", "Date: ", "Date: someday ")
    result = build(corpus, tmp_path / "out", tmp_path / "c", FASTBUILD_MIN_FILES=1)
    said = " ".join((result.stdout + result.stderr).split())
    assert "post-00005.md: Date must be a date like 2025-03-14" in said
    assert said.count("Date must be a date") == 1  # said once, by the build, not by a worker
    assert "Traceback" not in said


def _probe_plugin(tmp_path: Path, files: list[str]) -> Path:
    """A plugin noting which of ``files`` Pelican's reader cache holds before posts are read."""
    return _extra_plugin(
        tmp_path,
        "probe",
        "import json, os\n"
        "from pelican import signals\n"
        f"FILES = {files!r}\n"
        "def on_preread(generator):\n"
        "    note = os.path.join(generator.output_path, 'cached.json')\n"
        "    if os.path.exists(note):\n"
        "        return\n"
        "    found = [f for f in FILES\n"
        "             if generator.readers.get_cached_data(os.path.join(generator.path, f))]\n"
        "    os.makedirs(generator.output_path, exist_ok=True)\n"
        "    with open(note, 'w') as out:\n"
        "        json.dump(found, out)\n"
        "def register():\n"
        "    signals.article_generator_preread.connect(on_preread)\n",
    )


def _read_ahead(corpus: Path, tmp_path: Path, files: list[str]) -> list[str]:
    """What a build with one worker and one with two said (each one line of words), once
    both succeeded, the two-worker build alone found ``files`` read ahead in Pelican's reader
    cache, and both wrote the same site."""
    plugins = {
        "PLUGIN_PATHS": ["plugins", str(_probe_plugin(tmp_path, files))],
        "PLUGINS": [*PLUGINS, "probe"],
    }
    one = build(corpus, tmp_path / "one", tmp_path / "c1", FASTBUILD_WORKERS=1, **plugins)
    more = {"FASTBUILD_WORKERS": 2, "FASTBUILD_MIN_FILES": 1, **plugins}
    many = build(corpus, tmp_path / "many", tmp_path / "c2", **more)
    assert one.returncode == many.returncode == 0, (one.stderr, many.stderr)
    cached = [json.loads((tmp_path / out / "cached.json").read_text()) for out in ("one", "many")]
    assert cached == [[], files]  # read ahead, kept: the build did not read them again
    for out in ("one", "many"):
        (tmp_path / out / "cached.json").unlink()
    assert_same_tree(tmp_path / "many", tmp_path / "one")
    return [" ".join((r.stdout + r.stderr).split()) for r in (one, many)]


def test_team_files_and_gallery_sidecars_are_read_ahead_with_the_posts(
    corpus: Path, tmp_path: Path
):
    # read in the workers with the posts (engine.side.read_ahead), their problems still said
    # once each, by the build, as when the team and galleries plugins read them themselves
    _edit(corpus / "team/ada-abbott.md", "Role: ", "Favourite: tea\nRole: ")
    (corpus / "galleries/party").mkdir(parents=True)
    (corpus / "galleries/party/gallery.md").write_text("Title: Party\nColour: red\n\nWe met.\n")
    files = ["team/ada-abbott.md", "team/bea-hollis.md", "galleries/party/gallery.md"]
    said = _read_ahead(corpus, tmp_path, files)
    for line in ("unknown key 'Favourite' is ignored", "unknown key 'Colour' is ignored"):
        assert said[0].count(line) == said[1].count(line) == 1, (line, said[1][-1500:])


def test_series_files_are_read_ahead_with_the_posts(corpus: Path, tmp_path: Path):
    # read with the posts' readers (series.signals.on_article_generator_init): the series
    # generator's own readers kept no cache, so every rebuild read them through Markdown
    _edit(corpus / "series/series-0.md", "Summary: ", "Colour: red\nSummary: ")
    said = _read_ahead(corpus, tmp_path, ["series/series-0.md"])
    line = "series-0.md: unknown key 'Colour' is ignored"
    assert said[0].count(line) == said[1].count(line) == 1, said[1][-1500:]


def _headings(page: Path) -> list[str]:
    soup = BeautifulSoup(page.read_bytes(), "html.parser")
    return [heading.get_text(" ", strip=True) for heading in soup("h1")]


def test_a_series_file_edited_between_warm_rebuilds_is_read_again(corpus: Path, tmp_path: Path):
    # its reading is kept from one rebuild to the next (the posts' reader cache), never
    # once the file has changed
    out, cache, log = tmp_path / "out", tmp_path / "cache", tmp_path / "warm.log"
    settings = {"FASTBUILD_INCREMENTAL": True, "FASTBUILD_MIN_FILES": 1}
    page = out / "series/series-0/index.html"
    with log.open("w") as errors, WarmBuilder(ROOT / "pelicanconf.py", ROOT, stderr=errors) as b:
        assert b.build(arguments(corpus, out, cache, **settings)) == 0, log.read_text()
        _edit(corpus / "posts/post-00007.md", None, "\nMore.\n")
        assert b.build(arguments(corpus, out, cache, **settings)) == 0, log.read_text()
        assert "Series 0" in _headings(page)
        for title in ("Series 0, revised", "Series 0, revised again"):
            file = corpus / "series/series-0.md"
            file.write_text(re.sub(r"(?m)^Title: .*$", f"Title: {title}", file.read_text()))
            assert b.build(arguments(corpus, out, cache, **settings)) == 0, log.read_text()
            assert title in _headings(page), _headings(page)
    clean = build(corpus, tmp_path / "clean", tmp_path / "cache-clean")
    assert clean.returncode == 0, clean.stderr
    assert_same_tree(out, tmp_path / "clean")


def test_a_team_file_edited_between_warm_rebuilds_reads_no_post_again(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A bio edited in `make serve` changed the reader caches' inputs, and the rebuild read
    every post again (16 s of CPU at 2,000 posts against 3.4 s after a post's edit). The
    posts come from the reader cache, what their reading said is said again, and every page
    shows the new bio."""
    tally = _tally(tmp_path, monkeypatch)
    posts = sorted((corpus / "posts").glob("*.md"))
    for post in posts:
        _edit(post, None, "\nTALLY\n")
    _edit(posts[4], "Date: ", "Colour: red\nDate: ")
    byline = next(
        f"posts/{post.stem}/index.html" for post in posts if "Ada Abbott" in post.read_text()
    )
    monkeypatch.setenv("COLUMNS", "300")  # the warm process's lines unwrapped
    markdown = json.loads(json.dumps(read_settings(str(ROOT / "pelicanconf.py"))["MARKDOWN"]))
    markdown["extension_configs"]["tally_markdown"] = {}
    settings = {"FASTBUILD_INCREMENTAL": True, "FASTBUILD_MIN_FILES": 1, "MARKDOWN": markdown}
    out, cache, log = tmp_path / "out", tmp_path / "cache", tmp_path / "warm.log"
    warning = f"{posts[4].name}: unknown key 'Colour' is ignored"
    with log.open("w") as errors, WarmBuilder(ROOT / "pelicanconf.py", ROOT, stderr=errors) as b:
        assert b.build(arguments(corpus, out, cache, **settings)) == 0, log.read_text()
        assert tally.read_text(encoding="utf-8").count("read") == len(posts)
        _edit(corpus / "team/ada-abbott.md", "Ada works on", "Ada bakes bread and works on")
        tally.write_text("", encoding="utf-8")
        said = len(log.read_text(encoding="utf-8"))
        assert b.build(arguments(corpus, out, cache, **settings)) == 0, log.read_text()
        assert tally.read_text(encoding="utf-8") == "", "posts were read again"
        rebuild = " ".join(log.read_text(encoding="utf-8")[said:].split())
        assert rebuild.count(warning) == 1, rebuild[-2000:]
    # the bio on her profile, the team page and her post's byline
    shown = {
        page.relative_to(out).as_posix()
        for page in out.rglob("index.html")
        if "Ada bakes bread" in BeautifulSoup(page.read_bytes(), "html.parser").get_text()
    }
    assert shown == {"team/ada-abbott/index.html", "team/index.html", byline}, shown
    clean = build(corpus, tmp_path / "clean", tmp_path / "cache-clean", MARKDOWN=markdown)
    assert clean.returncode == 0, clean.stderr
    assert_same_tree(out, tmp_path / "clean")


def test_a_post_whose_reading_says_something_is_read_once_in_a_worker(corpus: Path, tmp_path: Path):
    # what a post's reading says travels with it from the worker (build.CARRIED) and is said
    # by the build when it takes the post: an adopted blog's every post warns (an old theme's
    # keys), and each was read twice, in a worker for nothing and again by the build
    posts = ["posts/post-00005.md", "posts/post-00006.md", "posts/post-00007.md"]
    for number, name in enumerate(posts):
        _edit(corpus / name, "Date: ", f"Colour: red{number}\nDate: ")
    _edit(corpus / posts[0], "Date: ", "Sumary: a typo of ours\nDate: ")
    said = _read_ahead(corpus, tmp_path, posts)
    lines = [f"post-0000{n}.md: unknown key 'Colour' is ignored" for n in (5, 6, 7)]
    for line in [*lines, "unknown key 'Sumary' is ignored"]:
        assert (said[0].count(line), said[1].count(line)) == (1, 1), (line, said[0][-2500:])


def test_a_debug_build_says_what_markdown_loaded_as_a_one_process_build_does(tmp_path: Path):
    # `pelican -D` with reading workers: Python-Markdown's debug lines (each extension module
    # imported, each extension loaded) were said in a worker, where a debug line is not said,
    # and the build's own process read no Markdown: the lines were missing
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "site", content)
    loaded = []
    for workers in (1, 2):
        out, cache = tmp_path / f"out-{workers}", tmp_path / f"cache-{workers}"
        settings = {"FASTBUILD_WORKERS": workers, "FASTBUILD_MIN_FILES": 1}
        result = subprocess.run(
            [PELICAN, *arguments(content, out, cache, **settings), "-D", "--log-handler", "plain"],
            cwd=ROOT, capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        said = (result.stdout + result.stderr).splitlines()
        loaded.append(sorted(line for line in said if "Successfully loaded extension" in line))
    assert len(loaded[0]) >= 10, loaded[0]
    assert loaded[1] == loaded[0]


def test_a_build_forks_with_no_other_thread_alive(tmp_path: Path):
    # Pelican's command line builds under its "Generating..." spinner, redrawn by a thread of
    # rich's: every fork (reading and rendering workers, related posts' scorer) copied a
    # process with two threads (Python 3.12 warns: fork() "may lead to deadlocks"); the
    # photos' pool of forked workers, kept to the build's end, added its own two
    corpus = tmp_path / "content"
    write_corpus(corpus, posts=36, photos=6, seed=11)
    notes = tmp_path / "forks.jsonl"
    folder = fork_probe(tmp_path, notes)
    settings = {"FASTBUILD_WORKERS": 2, "FASTBUILD_MIN_FILES": 1}
    plugins = {"PLUGIN_PATHS": ["plugins", str(folder)], "PLUGINS": [*PLUGINS, "forkprobe"]}
    result = build(corpus, tmp_path / "out", tmp_path / "cache", **settings, **plugins)
    assert result.returncode == 0, result.stderr
    forks = [json.loads(line) for line in notes.read_text().splitlines()]
    assert len(forks) >= 4  # readers, related posts' scorer and its feeder, photos, renderers
    # the system's count, which Python 3.12 checks, as well as Python's own
    assert all(fork == [["MainThread"], 1] for fork in forks), forks


# ---- the pure parts ---------------------------------------------------------------------


def _square(n: int) -> int:
    if n == 3:
        raise ValueError("three")
    if n == 5:
        logging.getLogger("test").warning("five")
    return n * n


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_map_clean_yields_only_clean_results(workers: int):
    results = dict(parallel.map_clean(_square, range(8), workers))
    # 3 raised and 5 logged a warning: the caller redoes those itself
    assert results == {0: 0, 1: 1, 2: 4, 4: 16, 6: 36, 7: 49}


def _said_or_carried(n: int) -> int:
    test = logging.getLogger("test")
    if n == 1:
        test.warning("one, carried", extra={CARRIED: True})  # the result holds it
    if n == 2:
        test.info("two, an info line")
    if n == 3:
        test.warning("three, not carried")
    return n


@pytest.mark.parametrize("workers", [1, 2])
def test_map_clean_drops_only_items_that_said_what_their_result_does_not_carry(workers: int):
    # the docstring's rule: a warning marked build.CARRIED (and an info line) keeps the item
    results = dict(parallel.map_clean(_said_or_carried, range(4), workers))
    assert results == {0: 0, 1: 1, 2: 2}


def test_map_clean_survives_a_worker_that_dies():
    results = dict(parallel.map_clean(lambda n: os._exit(3) if n == 1 else n, range(4), 2))
    # the worker holding 1 (and 3) died; the other's results still arrive
    assert results == {0: 0, 2: 2}


class Broken(Exception):
    """An exception that does not survive pickling (its __init__ wants two arguments)."""

    def __init__(self, page: int, why: str) -> None:
        super().__init__(f"page {page}: {why}")


def _write_pages(tmp_path: Path, check, workers: int = 2) -> ParallelWriter:
    """Twenty pages through a ParallelWriter whose template calls ``check(n)``."""
    env = jinja2.Environment(loader=jinja2.DictLoader({"page.html": "<p>{{ check(n) }}{{ n }}"}))
    env.globals["check"] = check
    template = env.get_template("page.html")
    out = ParallelWriter(str(tmp_path), settings={"PAGINATED_TEMPLATES": {}})
    for n in range(20):
        out.write_file(f"p{n}.html", template, {"n": n}, relative_urls=False)
    assert not list(tmp_path.iterdir())  # nothing rendered before the flush
    out.flush(workers, 1)
    return out


def _posts_and_listings(
    tmp_path: Path, post_template: str, list_template: str = "<p>list", **functions
) -> ParallelWriter:
    """Ten posts' pages and ten listing pages kept by a ParallelWriter, listings first."""
    env = jinja2.Environment(
        loader=jinja2.DictLoader({"post.html": post_template, "list.html": list_template})
    )
    env.globals.update(functions)
    settings = {**DEFAULT_CONFIG, "PAGINATED_TEMPLATES": {}}
    out = ParallelWriter(str(tmp_path), settings=settings)
    for n in range(10):
        out.write_file(f"list{n}.html", env.get_template("list.html"), {}, relative_urls=False)
    for n in range(10):
        meta = {"title": f"Post {n}", "date": datetime.datetime(2024, 1, 1), "slug": f"p{n}"}
        post = Article("<p>x</p>", metadata=meta, settings=settings, source_path=f"/c/p{n}.md")
        out.write_file(
            f"posts/p{n}.html", env.get_template("post.html"), {}, relative_urls=False, article=post
        )
    return out


def test_posts_pages_are_written_before_between_and_listings_after(tmp_path: Path):
    out = _posts_and_listings(tmp_path, "<p>{{ article.title }}")
    seen: list[list[str]] = []
    told: list[list[str]] = []

    def between(written: list[str]) -> None:
        seen.append(sorted(p.name for p in tmp_path.rglob("*.html")))
        told.append(written)

    out.flush(2, 1, between=between)
    assert seen == [sorted(f"p{n}.html" for n in range(10))]
    assert told == [sorted(str(tmp_path / "posts" / f"p{n}.html") for n in range(10))]
    assert len(list(tmp_path.rglob("*.html"))) == 20


@pytest.mark.parametrize("started", [True, None])
def test_listings_yield_to_work_started_between(tmp_path: Path, started):
    parent, niceness = os.getpid(), os.nice(0)

    def who() -> str:
        return f"child{os.getpid()}" if os.getpid() != parent else "parent"

    def lowered() -> str:
        return str(os.nice(0) - niceness)

    out = _posts_and_listings(
        tmp_path, "<p>post", "{{ who() }} {{ lowered() }}", who=who, lowered=lowered
    )
    out.flush(2, 1, between=lambda written: started)
    listings = sorted((tmp_path / f"list{n}.html").read_text() for n in range(10))
    lower = str(min(niceness + writer_module.YIELDING_NICENESS, 19) - niceness)
    if started:
        # one page is rendered here first (the child inherits the compiled template), the
        # others in one child: the cores are the started work's
        assert listings[-1] == "parent 0"
        assert len(set(listings[:-1])) == 1
        assert listings[0].startswith("child") and listings[0].endswith(" " + lower)
    else:  # both processes render, neither lowered (which takes more is down to timing)
        assert {page.split()[1] for page in listings} == {"0"}
    assert os.nice(0) == niceness  # the priority went with the children


def test_between_is_not_called_when_a_post_page_fails(tmp_path: Path):
    out = _posts_and_listings(tmp_path, "{{ article.title }}{{ article.nothing.here }}")
    seen = []
    with pytest.raises(jinja2.UndefinedError):
        out.flush(2, 1, between=lambda written: seen.append(True))
    assert seen == []


def test_a_worker_error_reaches_the_build_with_its_name_and_the_logs_before_it(
    tmp_path: Path, caplog
):
    parent = os.getpid()

    def check(n: int) -> str:
        logging.getLogger("test.pages").warning("page %d", n)
        if os.getpid() != parent:
            raise Broken(n, "no such thing")
        time.sleep(0.02)  # let the worker take its share
        return ""

    with caplog.at_level(logging.WARNING), pytest.raises(Exception) as raised:
        _write_pages(tmp_path, check)
    failed = int(re.fullmatch(r"page (\d+): no such thing", str(raised.value)).group(1))
    assert type(raised.value).__name__ == "Broken"
    # the build logs what a one-process build would have: every page up to the failing one
    assert caplog.messages == [f"page {n}" for n in range(failed + 1)]


def test_a_worker_that_dies_has_its_pages_rendered_by_the_build(tmp_path: Path, caplog):
    parent = os.getpid()

    def check(n: int) -> str:
        if os.getpid() != parent:
            os._exit(3)
        time.sleep(0.02)
        return ""

    with caplog.at_level(logging.WARNING):
        out = _write_pages(tmp_path, check, workers=3)
    assert {p.name: p.read_text() for p in tmp_path.iterdir()} == {
        f"p{n}.html": f"<p>{n}" for n in range(20)
    }
    assert len(out._written_files) == 20
    assert "rendering worker(s) stopped (exit status 3, 3)" in caplog.text


def _refer(value):
    return value.get("ref") if isinstance(value, dict) and "ref" in value else None


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ({"x": 1, "y": [1, 2]}, {"y": [1, 2], "x": 1}, True),  # key order does not matter
        ({"x": [1, 2]}, {"x": [2, 1]}, False),  # list order does
        ({"x": {1, 2}}, {"x": {2, 1}}, True),
        ({"p": {"ref": "a.md", "body": "one"}}, {"p": {"ref": "a.md", "body": "two"}}, True),
        ({"p": {"ref": "a.md"}}, {"p": {"ref": "b.md"}}, False),
        ({"when": __import__("datetime").date(2024, 1, 2)}, {"when": "2024-01-02"}, False),
        # one string shared by two fields, or two equal copies: the same digest
        ({"a": "x" * 9, "b": "x" * 9}, {"a": "x" * 9, "b": "".join(["x"] * 9)}, True),
        ({"n": 1}, {"n": 1.0}, False),
        ({"n": 1}, {"n": True}, False),
        ({"s": "\udcff"}, {"s": "\udcfe"}, False),  # undecodable bytes kept as surrogates
    ],
)
def test_stable_digests(a, b, same):
    assert (
        digest.digest(digest.stable(a, _refer)) == digest.digest(digest.stable(b, _refer))
    ) is same


def test_long_lists_handed_to_many_pages_are_digested_once(tmp_path: Path):
    state = IncrementalState(str(tmp_path), str(tmp_path / "m"), "inputs", ())
    posts = [{"ref": f"p{n}.md"} for n in range(40)]
    first = state.stable_call((), {"all_articles": posts, "tag": "x"})
    assert dict(first[1])["all_articles"][0] == "seq"
    assert state.stable_call((), {"all_articles": list(posts), "tag": "x"}) == first
    assert state.stable_call((), {"all_articles": posts[:-1], "tag": "x"}) != first
    assert state.stable_call((), {"all_articles": posts, "tag": "y"}) != first
    short = state.stable_call((posts[:3],), {})
    assert short == ((digest.stable(posts[:3], refer),), ())


@dataclasses.dataclass
class _Part:
    title: str
    place: int = 1
    kind: ClassVar[str] = "part"  # not a field: not described

    @property
    def label(self) -> str:
        return f"{self.place}. {self.title}"


def test_dataclasses_are_described_by_their_fields_alone():
    assert digest.stable(_Part("One"), _refer) == ("_Part", (("title", "One"), ("place", 1)))
    assert digest.stable([_Part("One")], _refer) == digest.stable([_Part("One")], _refer)
    assert digest.stable(_Part("One"), _refer) != digest.stable(_Part("One", 2), _refer)
    # the class itself is not an instance: named, not described by its fields
    assert digest.stable(_Part, _refer)[0] == "repr"


def test_public_fields_leave_out_private_and_page_only_names():
    fields = {"title": "T", "_content": "<p>x</p>", "word_count": 12}
    assert digest.public_fields(fields, _refer, skip=("word_count",)) == (("title", "T"),)


def test_manifest_round_trip_and_reuse(tmp_path: Path):
    (tmp_path / "out/a").mkdir(parents=True)
    (tmp_path / "out/a/index.html").write_text("a")
    entry = manifest.Entry("k1", {"posts/a.md": "d1"}, ("a/index.html",))
    path = str(tmp_path / "cache/manifest.pickle")
    manifest.begin(path)
    manifest.save(path, manifest.Manifest("inputs", {"a/": entry}))
    assert not manifest.under_way(path)  # saved: no build is under way
    loaded = manifest.load(path)
    assert loaded.entries["a/"] == entry and loaded.inputs == "inputs"
    # a build that begins and is killed before it saves leaves the mark (serve: not trusted)
    manifest.begin(path)
    assert manifest.under_way(path) and manifest.load(path).inputs == "inputs"
    out = str(tmp_path / "out")
    assert manifest.reusable(entry, "k1", {"posts/a.md": "d1"}, out)
    assert not manifest.reusable(entry, "k2", {"posts/a.md": "d1"}, out)  # other inputs
    assert not manifest.reusable(entry, "k1", {"posts/a.md": "d2"}, out)  # a body it showed
    assert not manifest.reusable(None, "k1", {}, out)
    # a post it linked to, whose reading time or related picks changed
    linking = manifest.Entry("k1", {}, ("a/index.html",), {"posts/b.md": "l1"})
    assert manifest.reusable(linking, "k1", {}, out, {"posts/b.md": "l1"})
    assert not manifest.reusable(linking, "k1", {}, out, {"posts/b.md": "l2"})
    assert not manifest.reusable(linking, "k1", {}, out, {})  # the post is gone
    os.remove(tmp_path / "out/a/index.html")
    assert not manifest.reusable(entry, "k1", {"posts/a.md": "d1"}, out)  # rm -rf output


def test_manifest_load_tolerates_garbage(tmp_path: Path):
    path = tmp_path / "manifest.pickle"
    path.write_bytes(b"not a pickle")
    assert manifest.load(str(path)) == manifest.Manifest()


def test_stale_files_are_those_no_longer_written():
    before = manifest.Manifest("", {"a": manifest.Entry("k", {}, ("a.html", "b.html"))})
    after = manifest.Manifest("", {"a": manifest.Entry("k", {}, ("a.html",))})
    assert manifest.stale(before, after) == {"b.html"}


@pytest.mark.parametrize(
    ("before", "now", "replaced"),
    [
        # (modification time, change time, size, inode)
        ({"a": (1, 1, 10, 7)}, {"a": (1, 1, 10, 7)}, set()),  # untouched
        ({"a": (1, 1, 10, 7)}, {"a": (2, 2, 10, 7)}, set()),  # edited: Pelican sees the time
        ({"a": (1, 1, 10, 7)}, {"a": (1, 2, 10, 7)}, {"a"}),  # written, its time put back
        ({"a": (1, 1, 10, 7)}, {"a": (1, 1, 12, 7)}, {"a"}),  # another size, the same time
        ({"a": (1, 1, 10, 7)}, {"a": (1, 1, 10, 8)}, {"a"}),  # cp -p over it: a new inode
        ({}, {"a": (1, 1, 10, 7)}, set()),  # new: nothing cached to forget
        ({"a": (1, 1, 10, 7)}, {}, set()),  # removed
    ],
)
def test_replaced_files_are_those_changed_with_their_time_kept(before, now, replaced):
    assert manifest.replaced(before, now) == replaced


A, B = (1, 1, 10, 7), (2, 2, 11, 7)


@pytest.mark.parametrize(
    ("refused", "inputs", "now", "again"),
    [
        ({"a"}, "x", {"a": A}, {"a"}),  # as it was, read with the same inputs
        ({"a"}, "x", {"a": B}, set()),  # edited since: it may read now
        ({"a"}, "y", {"a": A}, set()),  # new settings or code: they may take it
        ({"a"}, "x", {}, set()),  # removed
        (set(), "x", {"a": A}, set()),  # read: nothing to leave out
    ],
)
def test_a_file_refused_again_is_one_unchanged_read_with_the_same_inputs(
    refused, inputs, now, again
):
    previous = manifest.Manifest("x", stamps={"a": A}, refused=refused)
    assert manifest.refused_again(previous, inputs, now) == again


def test_a_file_that_cannot_be_read_has_no_stamp(tmp_path: Path):
    (tmp_path / "a.md").write_text("x")
    assert manifest.stamp(str(tmp_path / "a.md"))[2] == 1
    assert manifest.stamp(str(tmp_path / "gone.md")) is None


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (
            {"FASTBUILD_WORKER": 2},
            "unknown setting FASTBUILD_WORKER (did you mean FASTBUILD_WORKERS?)",
        ),
        ({"FASTBUILD_WORKERS": -1}, "FASTBUILD_WORKERS must be a whole number"),
        ({"FASTBUILD_INCREMENTAL": "yes"}, "FASTBUILD_INCREMENTAL must be True or False"),
        ({"FASTBUILD_PAGE_ONLY_ATTRIBUTES": "word_count"}, "must be a list of names"),
        (
            {"FASTBUILD_LINKED_ATTRIBUTES": "reading_time"},
            "FASTBUILD_LINKED_ATTRIBUTES must be a list of names",
        ),
    ],
)
def test_settings_errors(settings, message):
    with pytest.raises(SettingsError, match=re.escape(message)):
        configure(settings)


def test_settings_defaults():
    page_only = ("word_count", "structured_data")
    assert configure({}) == {**DEFAULTS, "FASTBUILD_PAGE_ONLY_ATTRIBUTES": page_only}


def test_a_full_build_into_the_folder_voids_the_incremental_record(corpus: Path, tmp_path: Path):
    output, cache = tmp_path / "out", tmp_path / "cache"
    assert build(corpus, output, cache, FASTBUILD_INCREMENTAL=True).returncode == 0
    # the record of what the folder holds (beside it: which inputs the reader cache is of)
    assert len(list((cache / "fastbuild").glob("*.pickle"))) == 1
    # `make build` into the same folder rewrites every page from whatever the sources are now
    assert build(corpus, output, cache).returncode == 0
    assert list((cache / "fastbuild").glob("*.pickle")) == []


def test_incremental_builds_render_memo_fragments_afresh(tmp_path: Path, ended):
    """A page's record lists the posts whose text it read; a reused fragment reads nothing."""
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={"OUTPUT_PATH": str(tmp_path / "out"), "CACHE_PATH": str(tmp_path / "cache")},
    )
    for incremental, memo in ((False, True), (True, False)):
        pelican = SimpleNamespace(
            settings=ended({**settings, "FASTBUILD_INCREMENTAL": incremental})
        )
        fastbuild_signals.on_initialized(pelican)
        assert pelican.settings.get("BLOGCORE_TEMPLATE_MEMO", True) is memo


class _NoTruth:
    """A value whose == answers something that is neither True nor False (as NumPy's do)."""

    def __eq__(self, other):
        raise ValueError("ambiguous")

    __hash__ = object.__hash__


def test_kept_calls_see_the_context_as_it_was_and_share_unchanged_copies(tmp_path: Path):
    env = jinja2.Environment(loader=jinja2.DictLoader({"t.html": "{{ v }}"}))
    out = ParallelWriter(str(tmp_path), settings={"PAGINATED_TEMPLATES": {}})
    context = {"v": 1, "odd": _NoTruth()}
    out.write_file("a.html", env.get_template("t.html"), context, relative_urls=False)
    context["v"] = 2
    for name in ("b.html", "c.html"):
        context["odd"] = _NoTruth()  # a new one: comparing it with the last raises
        out.write_file(name, env.get_template("t.html"), context, relative_urls=False)
    context["v"] = 3  # after the calls: no page shows it
    plain = {"v": 4}
    for name in ("d.html", "e.html"):
        out.write_file(name, env.get_template("t.html"), plain, relative_urls=False)
    kept = [call.call.arguments["context"] for call in out._pending]
    out.flush(1, 1)
    shown = {name: (tmp_path / f"{name}.html").read_text() for name in "abcde"}
    assert shown == {"a": "1", "b": "2", "c": "2", "d": "4", "e": "4"}
    # one copy per state of a context; a value that cannot be compared means a new copy
    assert kept[3] is kept[4]
    assert kept[1] is not kept[2]
    assert len({id(k) for k in kept}) == 4


def test_kept_calls_see_lists_as_they_were_and_share_unchanged_copies(tmp_path: Path):
    env = jinja2.Environment(loader=jinja2.DictLoader({"t.html": "{{ all|join(',') }}"}))
    out = ParallelWriter(str(tmp_path), settings={"PAGINATED_TEMPLATES": {}})
    posts = ["a", "b"]
    for name in ("t1.html", "t2.html"):  # every tag's page is given the same list of posts
        out.write_file(name, env.get_template("t.html"), {}, relative_urls=False, all=posts)
    posts.reverse()
    out.write_file("t3.html", env.get_template("t.html"), {}, relative_urls=False, all=posts)
    same = ["b", "a"]  # another list holding the same objects in the same order
    out.write_file("t4.html", env.get_template("t.html"), {}, relative_urls=False, all=same)
    posts.append("c")  # after the calls: no page shows it
    kept = [call.call.arguments["kwargs"]["all"] for call in out._pending]
    out.flush(1, 1)
    shown = {n: (tmp_path / f"t{n}.html").read_text() for n in "1234"}
    assert shown == {"1": "a,b", "2": "a,b", "3": "b,a", "4": "b,a"}
    assert kept[0] is kept[1] and kept[2] is kept[3]
    assert kept[1] is not kept[2]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="Linux's /dev/full")
@pytest.mark.parametrize("workers", [1, 2])
def test_a_page_written_to_a_full_disk_is_named_in_the_error(tmp_path: Path, workers):
    # write() and close() raise "[Errno 28] No space left on device" with no file's name: the
    # build's line named fastbuild's code (writer.py: line 453), not the page (probe 16, 7)
    template = jinja2.Environment().from_string("<p>{{ n }}")
    out = ParallelWriter(str(tmp_path), settings={"PAGINATED_TEMPLATES": {}})
    for n in range(20):
        out.write_file(f"p{n}.html", template, {"n": n}, relative_urls=False)
    (tmp_path / "p7.html").symlink_to("/dev/full")  # every write to it: ENOSPC, as on a full disk
    with pytest.raises(OSError) as raised:
        out.flush(workers, 1)
    assert raised.value.errno == errno.ENOSPC
    assert raised.value.filename == str(tmp_path / "p7.html")


def test_content_written_reaches_the_build_process_once_per_page(tmp_path: Path):
    """A plugin listening to Pelican's ``content_written`` in the build's process (pelican-sitemap
    does) hears of every page, whichever process rendered it, once, with the page's context."""
    out = _posts_and_listings(tmp_path, "<p>{{ article.title }}")
    heard: list[tuple[str, str, str | None, int]] = []

    def listen(path, context):
        item = context.get("article")
        heard.append((path, context["output_file"], item and item.slug, os.getpid()))

    signals.content_written.connect(listen)
    try:
        out.flush(2, 1)
    finally:
        signals.content_written.disconnect(listen)
    pages = sorted(str(p) for p in tmp_path.rglob("*.html"))
    assert sorted(path for path, *_ in heard) == pages  # each page once
    assert {pid for *_, pid in heard} == {os.getpid()}
    for path, output_file, slug, _ in heard:
        assert str(tmp_path / output_file) == path
        assert slug == (Path(path).stem if "posts" in path else None)


def test_content_written_gives_a_listing_page_its_own_page_of_posts(tmp_path: Path):
    env = jinja2.Environment(loader=jinja2.DictLoader({"index.html": "{{ articles_page.number }}"}))
    settings = read_settings(override={"DEFAULT_PAGINATION": 2, "OUTPUT_PATH": str(tmp_path)})
    out = ParallelWriter(str(tmp_path), settings=settings)
    for n in range(6):
        out.write_file(f"solo{n}.html", env.get_template("index.html"), {}, articles_page=None)
    posts = list(range(5))
    out.write_file(
        "index.html", env.get_template("index.html"), {}, articles=posts, template_name="index"
    )
    heard: dict[str, int | None] = {}

    def listen(path, context):
        page = context.get("articles_page")
        heard[os.path.relpath(path, tmp_path)] = page and page.number

    signals.content_written.connect(listen)
    try:
        out.flush(2, 1)
    finally:
        signals.content_written.disconnect(listen)
    assert {k: v for k, v in heard.items() if not k.startswith("solo")} == {
        "index.html": 1,
        "index2.html": 2,
        "index3.html": 3,
    }


def _build_beside(corpus: Path, tmp_path: Path, name: str, code: str) -> Path:
    """Build ``corpus`` in parallel with another person's plugin (``code``, importing json,
    os and Pelican's signals) listed before fastbuild; the output folder."""
    folder = _extra_plugin(tmp_path, name, "import json, os\nfrom pelican import signals\n" + code)
    settings = {
        "PLUGIN_PATHS": ["plugins", str(folder)],
        "PLUGINS": [*PLUGINS[:-1], name, PLUGINS[-1]],
        "FASTBUILD_WORKERS": 3,
        "FASTBUILD_MIN_FILES": 1,
    }
    result = build(corpus, tmp_path / "out", tmp_path / "c", **settings)
    assert result.returncode == 0, result.stderr
    return tmp_path / "out"


def test_a_plugin_collecting_written_pages_sees_the_whole_site(corpus: Path, tmp_path: Path):
    # as pelican-sitemap does: queue each page on content_written, write the list at finalized
    _build_beside(
        corpus,
        tmp_path,
        "pagelist",
        "seen = []\n"
        "def on_written(path, context):\n"
        "    seen.append(path)\n"
        "def on_finalized(pelican):\n"
        "    with open(os.path.join(pelican.output_path, 'pages.json'), 'w') as f:\n"
        "        json.dump(seen, f)\n"
        "def register():\n"
        "    signals.content_written.connect(on_written)\n"
        "    signals.finalized.connect(on_finalized)\n",
    )
    seen = json.loads((tmp_path / "out" / "pages.json").read_text())
    assert len(seen) == len(set(seen))
    html = {str(p) for p in (tmp_path / "out").rglob("*.html") if "theme" not in p.parts}
    assert html <= set(seen)  # every page (and robots.txt, written from a template too)
    assert all(os.path.isfile(path) for path in seen)
    assert len(html) > 40


def test_a_plugin_listening_to_feed_signals_hears_them_in_the_build_process(
    corpus: Path, tmp_path: Path
):
    # a plugin that collects every feed's entries on feed_generated (and changes the feed
    # there), and every feed file on feed_written, then writes what it collected at finalized
    out = _build_beside(
        corpus,
        tmp_path,
        "feedlist",
        "entries, files = [], []\n"
        "def on_generated(context, feed):\n"
        "    feed.feed['subtitle'] = 'heard'\n"
        "    entries.extend(item['link'] for item in feed.items)\n"
        "def on_written(path, context, feed):\n"
        "    files.append(path)\n"
        "def on_finalized(pelican):\n"
        "    with open(os.path.join(pelican.output_path, 'feeds.json'), 'w') as f:\n"
        "        json.dump({'entries': entries, 'files': files}, f)\n"
        "def register():\n"
        "    signals.feed_generated.connect(on_generated)\n"
        "    signals.feed_written.connect(on_written)\n"
        "    signals.finalized.connect(on_finalized)\n",
    )
    heard = json.loads((out / "feeds.json").read_text())
    written = sorted(str(p) for p in out.rglob("*.xml") if "feeds" in p.parts)
    assert len(written) > 5
    assert sorted(heard["files"]) == written  # each feed once, in the build's process
    assert len(heard["entries"]) >= len(written)
    for path in written:  # what the receiver changed is in the file it wrote
        assert "heard" in Path(path).read_text(encoding="utf-8")


def _feeds(tmp_path: Path) -> ParallelWriter:
    """Ten posts' pages and four feeds of them kept by a ParallelWriter."""
    out = _posts_and_listings(tmp_path, "<p>{{ article.title }}")
    settings = out.settings
    posts = [
        Article(
            "<p>x</p>",
            metadata={"title": f"F {n}", "date": datetime.datetime(2024, 1, 1), "slug": f"f{n}"},
            settings=settings,
            source_path=f"/c/f{n}.md",
        )
        for n in range(3)
    ]
    site = "https://example.org"
    context = {"SITEURL": site, "FEED_DOMAIN": site, "SITENAME": "Site"}
    for n in range(4):
        out.write_feed(posts, context, f"feeds/f{n}.atom.xml", feed_type="atom")
    return out


def test_a_feed_no_other_plugin_listens_to_is_left_to_the_workers(tmp_path: Path):
    out = _feeds(tmp_path)
    assert sum(call.method == "write_feed" for call in out._pending) == 4
    out.flush(2, 1)
    assert len(list(tmp_path.rglob("*.atom.xml"))) == 4


@pytest.fixture
def feed_listener():
    """A receiver of feed_generated and feed_written of another person's plugin."""
    heard: list[tuple[str, int]] = []

    def generated(context, feed):
        heard.append(("generated", os.getpid()))

    def written(path, context, feed):
        heard.append((os.path.basename(path), os.getpid()))

    signals.feed_generated.connect(generated)
    signals.feed_written.connect(written)
    yield heard
    signals.feed_generated.disconnect(generated)
    signals.feed_written.disconnect(written)


def test_feed_signals_reach_another_plugin_once_in_the_build_process(
    tmp_path: Path, feed_listener: list
):
    out = _feeds(tmp_path)
    out.flush(2, 1)
    assert sorted(name for name, _ in feed_listener) == [
        "f0.atom.xml",
        "f1.atom.xml",
        "f2.atom.xml",
        "f3.atom.xml",
        *["generated"] * 4,
    ]
    assert {pid for _, pid in feed_listener} == {os.getpid()}


def test_a_pages_attached_file_goes_beside_it_whichever_process_renders_it(tmp_path: Path):
    """Pelican moves an {attach} link's file beside its page when it first reads the page's
    text: that was in the fork that rendered the page, so this process, which copies the static
    files, copied the file of each page a fork took to the page's own folder (a broken link),
    and said the link of a file that does not exist "cannot publish" it "beside this post"."""
    from PIL import Image

    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "site", content)
    for n in range(12):  # enough pages that both processes take some
        Image.new("RGB", (8, 8), "teal").save(content / "pages" / f"plan-{n}.jpg")
        (content / "pages" / f"floor-{n}.md").write_text(
            f"Title: Floor {n}\n\n[The plan]({{attach}}plan-{n}.jpg)\n\n"
            f"[Gone]({{attach}}gone-{n}.jpg)\n",
            encoding="utf-8",
        )
    for run in range(2):
        output = tmp_path / f"out-{run}"
        result = build(
            content, output, tmp_path / f"c-{run}", FASTBUILD_WORKERS=2, FASTBUILD_MIN_FILES=1
        )
        assert result.returncode == 0, result.stderr
        said = result.stdout + result.stderr
        for n in range(12):
            html = (output / f"floor-{n}" / "index.html").read_text(encoding="utf-8")
            assert f"/floor-{n}/plan-{n}.jpg" in html
            assert (output / f"floor-{n}" / f"plan-{n}.jpg").is_file(), f"build {run}, {n}"
            assert f"{{attach}}gone-{n}.jpg points at" in said  # "..., which does not exist"
        assert not (output / "pages").exists(), f"build {run}"
        assert "cannot publish" not in said, f"build {run}"


def test_what_was_read_ahead_is_not_kept_once_the_posts_are_made(build_site):
    """The reading workers' results fill Pelican's reader cache; a build whose cache Pelican
    neither keeps nor saves drops each post's and page's entry once they are made (each held
    the file's metadata as read to the end of the build)."""
    generators = []
    signals.article_generator_finalized.connect(generators.append, weak=False)
    signals.page_generator_finalized.connect(generators.append, weak=False)
    try:
        build_site(FASTBUILD_WORKERS=2, FASTBUILD_MIN_FILES=1)
    finally:
        signals.article_generator_finalized.disconnect(generators.append)
        signals.page_generator_finalized.disconnect(generators.append)
    left = {}
    for generator in generators:
        items = [*generator.articles] if hasattr(generator, "articles") else [*generator.pages]
        assert items  # the fixture site has posts and pages
        left[type(generator).__name__] = [
            item.source_path
            for item in items
            if generator.readers.get_cached_data(item.source_path) is not None
        ]
    assert left == {"ArticlesGenerator": [], "PagesGenerator": []}
