"""`make serve` shows what a clean build shows, after any edit and any stopped rebuild.

Serve builds are incremental: the output folder is kept, a file read before is taken from
Pelican's reader cache, and what the last build wrote but this one did not is removed. Four
ways round that left the served site wrong for good, without a word:

- a post saved while a rebuild read it ahead (in parallel) kept its old text, even across
  restarts: the old text was cached under the new file's stamp;
- a rebuild that stopped (a template error, Ctrl-C) left no record of what the folder held,
  so the pages of posts drafted or deleted meanwhile stayed published;
- redirect pages, Pelican's static copies and the images' renditions are written outside
  Pelican's writer: a Redirect_from taken out, an image or a team member's photo deleted,
  stayed served.

The tests drive the builds `invoke serve` runs (tests/test_serve_rebuilds.Session: the warm
builder, the project's settings with serve's overrides) over a copy of the fixture site.
"""

import gzip
import json
import os
import shutil
import time
from pathlib import Path

import pytest
from pelican.readers import Readers
from pelican.settings import read_settings
from PIL import Image

from plugins.devserver import pages
from plugins.devserver.problems import FILE_NAME
from plugins.engine import build as engine_build
from plugins.fastbuild import manifest
from plugins.fastbuild import signals as fastbuild_signals
from plugins.fastbuild.settings import configure
from tests.conftest import ROOT
from tests.test_serve_rebuilds import Session

# --- 1. a post saved while it is read ahead -------------------------------------------------


class SavedWhileRead:
    """Pelican's Markdown reader, with the writer saving one post just after it was read."""

    def __init__(self, reader, saved: Path) -> None:
        self.reader, self.saved = reader, saved

    def read(self, path: str):
        result = self.reader.read(path)
        if Path(path) == self.saved:
            text = self.saved.read_text(encoding="utf-8")
            self.saved.write_text(text.replace("VERSION-ONE", "VERSION-TWO"), encoding="utf-8")
            stamp = os.stat(self.saved).st_mtime + 2  # an editor's save, a moment later
            os.utime(self.saved, (stamp, stamp))
        return result


def test_a_post_saved_while_it_is_read_ahead_is_read_again(tmp_path: Path):
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    for number in range(6):
        (content / "posts" / f"post-{number}.md").write_text(
            f"Title: Post {number}\nDate: 2025-01-0{number + 1}\n\nVERSION-ONE of {number}.\n",
            encoding="utf-8",
        )
    saved = content / "posts" / "post-3.md"
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache")},
    )
    settings.update(configure({**settings, "FASTBUILD_WORKERS": 2, "FASTBUILD_MIN_FILES": 1}))
    readers = Readers(settings, "ArticlesGenerator-Readers")
    readers.readers["md"] = SavedWhileRead(readers.readers["md"], saved)
    generator = type(
        "Generator",
        (),
        {
            "settings": settings,
            "readers": readers,
            "path": str(content),
            "get_files": lambda self, paths, exclude=(): [
                f"posts/{p.name}" for p in sorted((content / "posts").iterdir())
            ],
        },
    )()
    try:
        fastbuild_signals._preread(generator, "ARTICLE_PATHS", "ARTICLE_EXCLUDES")
    finally:
        # the build this read belongs to ends here: what it set for its length (a logger's
        # level, engine.build.heard) is put back, as a real build's end does
        engine_build.current(settings).close()
    others = [p for p in (content / "posts").iterdir() if p != saved]
    assert all(readers.get_cached_data(str(p)) is not None for p in others)  # read ahead
    # what the reader cache gives for the saved file: nothing (Pelican reads it again), never
    # the text it had before the save under the stamp it has after
    kept = readers.get_cached_data(str(saved))
    assert kept is None or "VERSION-TWO" in kept[0], kept


# --- 2. a rebuild that stops ---------------------------------------------------------------

INTERRUPT = """
import os
import signal
from pathlib import Path

from pelican import signals

FLAG = Path({flag!r})


def stop(generator, writer):
    if not FLAG.exists():
        return
    if FLAG.read_text() == "kill":  # killed (out of memory): no exit hook runs
        os._exit(137)
    # the writer presses Ctrl-C while the pages are written; as at a terminal (a test run in
    # the background inherits SIGINT ignored)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    os.kill(os.getpid(), signal.SIGINT)


def register():
    signals.article_writer_finalized.connect(stop)
"""


def _session(tmp_path: Path) -> Session:
    """A serve session with a theme of its own and a plugin that can press Ctrl-C."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    flag = tmp_path / "interrupt-now"
    (tmp_path / "interrupt.py").write_text(INTERRUPT.format(flag=str(flag)), encoding="utf-8")
    extra = (
        f"THEME = {str(theme)!r}\nPLUGIN_PATHS = [{str(ROOT)!r}, {str(tmp_path)!r}]\n"
        'PLUGINS = ["interrupt", *PLUGINS]\n'
    )
    return Session(tmp_path, extra)


def _stop_the_build(tmp_path: Path, how: str) -> None:
    if how == "a template error":
        tag = tmp_path / "theme" / "templates" / "tag.html"
        tag.write_text(tag.read_text(encoding="utf-8") + "{% if %}\n", encoding="utf-8")
    else:
        (tmp_path / "interrupt-now").write_text("kill" if how == "killed" else "")


def _let_it_finish(tmp_path: Path, how: str) -> None:
    if how == "a template error":
        tag = tmp_path / "theme" / "templates" / "tag.html"
        tag.write_text(tag.read_text(encoding="utf-8").replace("{% if %}\n", ""), "utf-8")
    else:
        (tmp_path / "interrupt-now").unlink()


NEW_POST = (
    "Title: A short-lived post\nDate: 2025-07-01\nAuthor: Ada Byrne\nSlug: short-lived\n\nHi.\n"
)


def _check_stopped_rebuilds(tmp_path: Path, how: str) -> None:
    session = _session(tmp_path)
    try:
        session.build()
        out = session.output
        assert (out / "posts/garden-party/index.html").is_file()
        assert (out / "posts/first-light/index.html").is_file()
        _stop_the_build(tmp_path, how)
        # meanwhile: a post drafted, a post deleted, a post written (by the stopped build too)
        session.edit("posts/garden-party.md", "Slug: garden-party\n", "Status: draft\n")
        (session.content / "posts/first-light.md").unlink()
        (session.content / "posts/short-lived.md").write_text(NEW_POST, encoding="utf-8")
        stopped = {"a template error": 1, "Ctrl-C": 0, "killed": 137}[how]  # Pelican: 0 on Ctrl-C
        assert session.builder.build(session.args, problems=session.report) == stopped
        assert (out / "posts/short-lived/index.html").is_file()  # written before it stopped
        (session.content / "posts/short-lived.md").unlink()
        assert session.builder.build(session.args, problems=session.report) == stopped  # again
        _let_it_finish(tmp_path, how)
        session.build()
        for gone in ("garden-party", "first-light", "short-lived"):
            assert not (out / f"posts/{gone}/index.html").exists(), gone
            assert f"/posts/{gone}/" not in (out / "sitemap.xml").read_text(encoding="utf-8")
        assert (out / "posts/ranges/index.html").is_file()  # the rest is still there
    finally:
        session.close()


def test_posts_drafted_or_deleted_during_a_stopped_rebuild_go_when_it_builds(tmp_path: Path):
    _check_stopped_rebuilds(tmp_path, "a template error")


def test_posts_drafted_or_deleted_during_a_rebuild_stopped_by_ctrl_c_go_too(tmp_path: Path):
    _check_stopped_rebuilds(tmp_path, "Ctrl-C")


def test_posts_drafted_or_deleted_during_a_killed_rebuild_go_too(tmp_path: Path):
    """Killed, the build says nothing of what it wrote: the next one empties the folder."""
    _check_stopped_rebuilds(tmp_path, "killed")


@pytest.mark.parametrize(
    "mistake", ["BLOGCORE_WORDS_PER_MINUTE = 0\n", 'DEFAULT_PAGINATION = "8"\n']
)
def test_a_rebuild_stopped_by_a_settings_mistake_keeps_the_record_of_the_folder(
    tmp_path: Path, mistake: str
):
    """The settings refused before anything is written: the next build still knows what the
    folder holds, and removes a post deleted and a scheduled post's preview made live."""
    session = Session(tmp_path)
    try:
        session.build()
        out = session.output
        assert (out / "posts/first-light/index.html").is_file()
        assert (out / "drafts/posts/from-the-future/index.html").is_file()
        settings = session.conf.read_text(encoding="utf-8")
        session.conf.write_text(settings + mistake, encoding="utf-8")
        assert session.builder.build(session.args, problems=session.report) != 0
        # in one step: the mistake put right, a post deleted, a scheduled post made live
        session.conf.write_text(settings, encoding="utf-8")
        (session.content / "posts/first-light.md").unlink()
        session.edit("posts/from-the-future.md", "Date: 2099-01-01", "Date: 2025-01-01")
        session.build()
        assert not (out / "posts/first-light/index.html").exists()
        assert not (out / "drafts/posts/from-the-future/index.html").exists()
        assert (out / "posts/from-the-future/index.html").is_file()
        assert (out / "posts/ranges/index.html").is_file()  # the rest is still there
    finally:
        session.close()


# --- 3. and 4. files written outside Pelican's writer --------------------------------------


def test_a_redirect_taken_out_is_no_longer_served_and_the_move_is_said_again(tmp_path: Path):
    session = Session(tmp_path)
    try:
        session.build()
        session.edit("posts/ranges.md", "Slug: ranges\n", "Slug: ranges-2026\n")
        shown, _ = session.build()
        assert any("'Redirect_from: /posts/ranges/'" in line for line in shown), shown
        redirect = "Redirect_from: /posts/ranges/, /bookings/\n"
        session.edit("posts/ranges.md", "Slug: ranges-2026\n", "Slug: ranges-2026\n" + redirect)
        shown, _ = session.build()
        assert not any("Redirect_from" in line for line in shown), shown
        old, other = session.output / "posts/ranges/index.html", session.output / "bookings"
        assert old.is_file() and (other / "index.html").is_file()
        session.edit("posts/ranges.md", redirect, "")
        shown, _ = session.build()
        assert not old.exists() and not other.exists()  # its folder went with it
        # the published site would answer 404 there: the move is said again
        assert any("'Redirect_from: /posts/ranges/'" in line for line in shown), shown
    finally:
        session.close()


def _photo(path: Path, colour: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (400, 400), colour).save(path, "JPEG")


def _renditions(output: Path, name: str) -> list[str]:
    return sorted(p.name for p in (output / "renditions").rglob(f"*{name}*"))


def test_deleted_or_replaced_images_are_no_longer_served(tmp_path: Path):
    session = Session(tmp_path)
    try:
        photos = session.content / "team" / "photos"
        _photo(photos / "dana.jpg", "red")
        _photo(photos / "bo.jpg", "blue")
        dana = "Name: Dana Frost\nPhoto: team/photos/dana.jpg\n\nDana joined in spring.\n"
        (session.content / "team/dana-frost.md").write_text(dana, encoding="utf-8")
        session.edit("team/bo-lindqvist.md", "Linkedin: ", "Photo: team/photos/bo.jpg\nLinkedin: ")
        session.build()
        out = session.output
        dana, bo = _renditions(out, "dana-frost"), _renditions(out, "bo-lindqvist")
        assert dana and bo
        assert (out / "images/lamp.svg").is_file()
        session.build()  # nothing changed: nothing removed
        assert _renditions(out, "dana-frost") == dana and _renditions(out, "bo-lindqvist") == bo
        # a static image deleted; a photo replaced in place; a team member taken off the site
        (session.content / "images/lamp.svg").unlink()
        _photo(photos / "bo.jpg", "green")
        (session.content / "team/dana-frost.md").unlink()
        (photos / "dana.jpg").unlink()
        session.build()
        assert not (out / "images/lamp.svg").exists()
        assert _renditions(out, "dana-frost") == []
        now = _renditions(out, "bo-lindqvist")
        assert now and not set(now) & set(bo)  # the new photo's renditions only
    finally:
        session.close()


def test_a_file_a_plugin_writes_in_place_of_a_deleted_static_one_stays(tmp_path: Path):
    """The site's own favicon deleted: blogcore writes the theme's in its place, unnamed."""
    session = Session(tmp_path)
    try:
        session.build()
        favicon = session.output / "favicon.svg"
        ours = (session.content / "extra/favicon.svg").read_bytes()
        assert favicon.read_bytes() == ours
        (session.content / "extra/favicon.svg").unlink()
        session.build()
        assert favicon.read_bytes() == (ROOT / "theme/static/favicon.svg").read_bytes()
    finally:
        session.close()


# --- the record of a build that has not finished (pure) -------------------------------------


def test_an_unfinished_record_keeps_every_file_and_no_page_as_it_is():
    previous = manifest.Manifest(
        "old inputs",
        {"post": manifest.Entry("k1", {"a.md": "d"}, ("posts/a/index.html",))},
        {"a.md": (1, 2, 3, 4)},
        {"images/x.png", "images/y.png"},
        {"renditions/a-288.1.webp"},
    )
    current = manifest.Manifest(
        "new inputs",
        {
            "post": manifest.Entry("k2", {}, ("posts/a/index.html", "posts/a/2/index.html")),
            "new": manifest.Entry("k3", {}, ("posts/new/index.html",)),
        },
        {"a.md": (5, 6, 7, 8)},
        set(),
        {"bookings/index.html"},
    )
    record = manifest.unfinished(previous, current)
    assert record.inputs == "new inputs"  # what the reader cache was filled with
    assert record.stamps == previous.stamps  # a file replaced since the last good build
    assert all(entry.key == "" for entry in record.entries.values())  # nothing is kept
    assert manifest.outputs(record) == manifest.outputs(previous) | manifest.outputs(current)
    # a finished build after it removes what it no longer writes, pages and other files alike
    finished = manifest.Manifest("new inputs", {}, {}, {"images/x.png"})
    finished.entries["post"] = manifest.Entry("k4", {}, ("posts/a/index.html",))
    # pages and static copies first (before the plugins write theirs), then the rest
    written = {"posts/a/2/index.html", "posts/new/index.html", "images/y.png"}
    assert manifest.stale_written(record, finished) == written
    named = {"renditions/a-288.1.webp", "bookings/index.html"}
    assert manifest.stale(record, finished) == written | named


# --- 5. theme files, bundles and the files plugins write --------------------------------------


def _files(folder: Path) -> set[str]:
    """The files of an output folder, but serve's own records of its builds and the search
    index (made in the background, in a folder search replaces whole)."""
    ours = {FILE_NAME, pages.FILE_NAME}
    found = {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()} - ours
    return {name for name in found if not name.startswith("pagefind/")}


def _clean_files(session: Session, tmp_path: Path, *overrides: str) -> set[str]:
    """The files a clean build of the session's site writes, with the same settings."""
    clean, cache = tmp_path / "clean", tmp_path / "clean-cache"
    args = [str(clean) if a == str(session.output) else a for a in session.args]
    args = [
        f"CACHE_PATH={json.dumps(str(cache))}" if a.startswith("CACHE_PATH=") else a for a in args
    ]
    assert session.builder.build([*args, *overrides]) == 0
    return _files(clean)


def test_theme_files_and_old_bundles_are_no_longer_served(tmp_path: Path):
    """A theme's static file deleted, a stylesheet edited (its bundle gets a new name)."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    (theme / "static" / "fonts").mkdir()
    (theme / "static" / "fonts" / "body.woff2").write_bytes(b"wOF2 not really")
    session = Session(tmp_path, f"THEME = {str(theme)!r}\n")
    try:
        session.build()
        out = session.output
        assert (out / "theme/fonts/body.woff2").is_file() and (out / "theme/favicon.svg").is_file()
        (old_css,) = (out / "theme/css").glob("site.*.min.css")
        shutil.rmtree(theme / "static" / "fonts")
        (theme / "static" / "favicon.svg").unlink()
        base = theme / "assets/css/base.css"
        base.write_text(base.read_text(encoding="utf-8") + "\nmain{margin:1px}\n", "utf-8")
        session.build()
        assert not (out / "theme/fonts").exists() and not (out / "theme/favicon.svg").exists()
        assert not old_css.exists()
        assert len(list((out / "theme/css").glob("site.*.min.css"))) == 1
        assert _files(out) == _clean_files(session, tmp_path)
    finally:
        session.close()


def test_files_plugins_write_go_when_they_are_no_longer_written(tmp_path: Path):
    """The comments' threads list, the sitemap, _headers and the theme's favicon at the root:
    each turned off (or its source gone) is removed, as a clean build would not write it."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    session = Session(tmp_path, f"THEME = {str(theme)!r}\n")
    on = [a for a in session.args if a != 'COMMENTS_PROVIDER="none"'] + ["CSP_ENABLED=true"]
    off = [*session.args, 'BLOGCORE_SITEMAP=""', "CSP_ENABLED=false"]
    out = session.output
    named = ["comments/threads.json", "sitemap.xml", "_headers", "favicon.svg"]
    try:
        (session.content / "extra/favicon.svg").unlink()  # the theme's is written in its place
        session.args = on
        session.build()
        assert all((out / name).is_file() for name in named), named
        assert (out / "favicon.svg").read_bytes() == (theme / "static/favicon.svg").read_bytes()
        # the theme's favicon edited: the root one follows
        (theme / "static/favicon.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n')
        session.build()
        assert (out / "favicon.svg").read_bytes() == (theme / "static/favicon.svg").read_bytes()
        (theme / "static/favicon.svg").unlink()
        session.args = off
        session.build()
        assert not [name for name in named if (out / name).exists()]
        assert _files(out) == _clean_files(session, tmp_path)
    finally:
        session.close()


def test_the_sites_own_favicon_copied_in_with_an_old_date_replaces_the_themes(tmp_path: Path):
    """With STATIC_CHECK_IF_MODIFIED, Pelican copies a static file only over an older one:
    blogcore's copy of the theme's favicon, written at the last build, kept the site's own
    (copied in with its date: cp -p) from being published."""
    session = Session(tmp_path, "STATIC_CHECK_IF_MODIFIED = True\n")
    try:
        ours = session.content / "extra/favicon.svg"
        kept = tmp_path / "favicon.svg"
        shutil.copy2(ours, kept)
        ours.unlink()
        session.build()
        favicon = session.output / "favicon.svg"
        assert favicon.read_bytes() == (ROOT / "theme/static/favicon.svg").read_bytes()
        shutil.copy2(kept, ours)
        os.utime(ours, (os.stat(kept).st_atime - 3600, os.stat(kept).st_mtime - 3600))
        session.build()
        assert favicon.read_bytes() == kept.read_bytes()
    finally:
        session.close()


@pytest.mark.parametrize(
    ("paths", "ignores", "expected"),
    [
        (["static"], [], {"theme/favicon.svg", "theme/fonts/a.woff2", "theme/fonts/.hidden"}),
        (["static"], [".*"], {"theme/favicon.svg", "theme/fonts/a.woff2"}),
        (["static"], ["fonts"], {"theme/favicon.svg"}),
        (["static/favicon.svg", "missing"], [], {"theme/favicon.svg"}),  # a file: by its name
        (["static"], ["static"], set()),
    ],
)
def test_the_theme_files_pelican_copies(tmp_path: Path, paths, ignores, expected):
    (tmp_path / "static/fonts").mkdir(parents=True)
    for name in ("favicon.svg", "fonts/a.woff2", "fonts/.hidden"):
        (tmp_path / "static" / name).write_text(name)
    assert manifest.theme_copies(str(tmp_path), paths, "theme", ignores) == expected


# --- 6. the search index, written whole -------------------------------------------------------


def _indexed(output: Path, cache: Path) -> dict[str, list[str]]:
    """Once background indexing has ended: each folder of the output holding Pagefind
    fragments, with the addresses of the pages whose text they hold."""
    deadline = time.monotonic() + 60
    while list(cache.glob("search/*/index.pid")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not list(cache.glob("search/*/index.pid")), "background indexing did not end"
    found: dict[str, list[str]] = {}
    for fragment in sorted(output.rglob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        folder = str(fragment.parent.parent.relative_to(output))
        found.setdefault(folder, []).append(json.loads(data)["url"])
    return {folder: sorted(urls) for folder, urls in found.items()}


def test_a_search_index_no_longer_written_goes_with_the_text_it_holds(tmp_path: Path):
    """pagefind/ was in no record of the incremental builds: with SEARCH_OUTPUT_DIR renamed,
    or search taken out of PLUGINS, the old index stayed served, with the text of every post
    it held, a post drafted or deleted since included."""
    session = Session(tmp_path)
    cache, out = tmp_path / ".cache", session.output
    try:
        session.build()
        assert "/posts/ranges/" in _indexed(out, cache)["pagefind"]
        session.args = [*session.args, 'SEARCH_OUTPUT_DIR="find"']
        session.build()
        indexed = _indexed(out, cache)
        assert list(indexed) == ["find"] and "/posts/ranges/" in indexed["find"], indexed
        assert not (out / "pagefind").exists()

        # search taken out, and a post drafted: nothing of any index is left
        conf = session.conf.read_text(encoding="utf-8")
        session.conf.write_text(
            f'{conf}PLUGINS = [p for p in PLUGINS if p != "plugins.search"]\n', encoding="utf-8"
        )
        session.edit("posts/ranges.md", "Slug: ranges\n", "Slug: ranges\nStatus: draft\n")
        session.build()
        assert _indexed(out, cache) == {}
        assert not [p for p in out.iterdir() if p.name.startswith(("find", "pagefind"))]
        assert _files(out) == _clean_files(session, tmp_path)
    finally:
        session.close()


@pytest.mark.parametrize("change", ["search taken out", "SEARCH_OUTPUT_DIR renamed"])
def test_an_index_still_being_made_for_the_last_build_is_not_put_back(tmp_path: Path, change):
    """The last build's background Pagefind run, still indexing when the next build (which
    no longer writes pagefind/) removed the folder, renamed its index in afterwards: served
    for good, in no record. Its Pagefind is held here (it waits for a file the test writes
    after the next build) so the run ends only after that build, every time."""
    from plugins.search.indexing import find_binary

    release = tmp_path / "release"
    held = tmp_path / "held-pagefind"
    held.write_text(
        f'#!/bin/sh\nwhile [ ! -e {release} ]; do sleep 0.05; done\nexec {find_binary()} "$@"\n'
    )
    held.chmod(0o755)
    session = Session(tmp_path)
    session.args = [*session.args, f"SEARCH_BINARY={json.dumps(str(held))}"]
    cache, out = tmp_path / ".cache", session.output
    try:
        session.build()
        (pid_file,) = cache.glob("search/*/index.pid")
        run = int(pid_file.read_text())
        if change == "search taken out":
            conf = session.conf.read_text(encoding="utf-8")
            session.conf.write_text(
                f'{conf}PLUGINS = [p for p in PLUGINS if p != "plugins.search"]\n',
                encoding="utf-8",
            )
            session.args = [a for a in session.args if not a.startswith("SEARCH_BINARY")]
        else:  # this build's own run is not held (its start stopped the earlier one before too)
            session.args = [*session.args[:-1], 'SEARCH_OUTPUT_DIR="find"']
        session.build()
        release.touch()  # the earlier run goes on now, if it still runs
        deadline = time.monotonic() + 60
        while os.path.exists(f"/proc/{run}") and time.monotonic() < deadline:
            time.sleep(0.05)  # waiting for its end, not racing it
        assert not os.path.exists(f"/proc/{run}"), "the earlier run did not end"
        assert not [p for p in out.iterdir() if p.name.startswith("pagefind")]
    finally:
        release.touch()
        session.close()


def test_a_folder_no_longer_written_keeps_this_builds_files_and_newer_ones(tmp_path: Path):
    # a static file placed in it, and a file written since the build began (Pagefind still
    # indexing for the last build): kept, and the folder named for the next build to remove
    out = tmp_path / "out"
    for name in ("idx/a/old.pf", "idx/static.txt", "idx/new.pf"):
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(name)
    (out / "idx/empty").mkdir()
    began = time.time_ns()
    os.utime(out / "idx/a/old.pf", ns=(began - 10**10, began - 10**10))
    os.utime(out / "idx/static.txt", ns=(began - 10**10, began - 10**10))
    os.utime(out / "idx/new.pf", ns=(began + 10**9, began + 10**9))
    left = fastbuild_signals.remove_stale_folders(
        str(out), ["idx", "gone", "../elsewhere"], keep={"idx/static.txt"}, written_since=began
    )
    assert left == {"idx"}
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == [
        "idx",
        "idx/new.pf",
        "idx/static.txt",
    ]
