"""What `invoke serve` counts as a change (plugins/devserver/watch.py), poll by poll.

Each case is a writer's move on a small content folder, then one poll of the watcher the dev
server uses: how many builds it ran and which file it names to the browser's livereload (None:
no reload). livereload's own watcher built nothing for a file moved in with an old date (and
reloaded the browser anyway), and built once per file of a folder.
"""

import os
import shutil
import time
from pathlib import Path

import pytest

from plugins.devserver.watch import SiteWatcher

HOUR_AGO = time.time() - 3600


def _old(path: Path) -> Path:
    os.utime(path, (HOUR_AGO, HOUR_AGO))
    return path


def _save(path: Path, text: str = "Title: x\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _move_in_folder(content: Path, outside: Path) -> None:
    """A folder of photos exported an hour ago, moved into the content folder in one step."""
    export = outside / "camera-export"
    for name in ("a.jpg", "b.jpg", "c.jpg", "d.jpg", "e.jpg"):
        _old(_save(export / name, name))
    export.rename(content / "galleries" / "picnic")


MOVES = {
    "nothing": (lambda content, outside: None, 0, None),
    "a post saved": (
        lambda content, outside: _save(content / "posts/first.md", "Title: y\n"),
        1,
        "posts/first.md",
    ),
    "a post moved in, saved an hour ago": (
        lambda content, outside: shutil.move(
            _old(_save(outside / "elsewhere.md")), content / "posts/elsewhere.md"
        ),
        1,
        "posts/elsewhere.md",
    ),
    "a folder of old photos moved in": (_move_in_folder, 1, "galleries/picnic/a.jpg"),
    # cp -p, rsync -a, an unzip over the old file: new text, the old modification time
    "a post replaced by a copy keeping its time": (
        lambda content, outside: _old(_save(content / "posts/first.md", "Title: Y\n")),
        1,
        "posts/first.md",
    ),
    "a gallery renamed": (
        lambda content, outside: (content / "galleries/party").rename(content / "galleries/fete"),
        1,
        "galleries/fete/1.jpg",
    ),
    "a gallery deleted": (
        lambda content, outside: shutil.rmtree(content / "galleries/party"),
        1,
        "galleries/party/1.jpg",
    ),
    "ten posts saved at once (a checkout)": (
        lambda content, outside: [
            _save(content / f"posts/p{i}.md", f"Title: {i}\n") for i in range(10)
        ],
        1,
        "posts/p0.md",
    ),
    "an Emacs lock file (a link to nothing)": (
        lambda content, outside: os.symlink("me@laptop.1:1", content / "posts/.#first.md"),
        0,
        None,
    ),
    "a Vim swap file": (
        lambda content, outside: _save(content / "posts/.first.md.swp", "swap"),
        0,
        None,
    ),
    "a file in .git": (lambda content, outside: _save(content / ".git/index", "x"), 0, None),
}


@pytest.fixture
def site(tmp_path):
    content = tmp_path / "content"
    _old(_save(content / "posts/first.md"))
    for i in (1, 2, 3):
        _old(_save(content / f"galleries/party/{i}.jpg", str(i)))
    (tmp_path / "outside").mkdir()
    return content, tmp_path / "outside"


@pytest.mark.parametrize("move", MOVES, ids=list(MOVES))
def test_one_poll_after_a_writers_move(site, move):
    content, outside = site
    builds = []
    watcher = SiteWatcher()
    watcher.watch(str(content), lambda: builds.append(1))
    assert watcher.examine() == (None, None)  # what was there at the start is no change

    act, expected_builds, expected_file = MOVES[move]
    act(content, outside)
    named, _delay = watcher.examine()
    assert len(builds) == expected_builds
    expected = None if expected_file is None else str(content / expected_file)
    assert named == expected
    assert watcher.examine() == (None, None) and len(builds) == expected_builds  # said once


def test_one_build_when_content_and_theme_change_in_one_poll(tmp_path):
    content, theme = _save(tmp_path / "content/posts/a.md").parent, tmp_path / "theme"
    _save(theme / "base.html", "<html>")
    builds = []

    def rebuild():
        builds.append(1)

    watcher = SiteWatcher()
    for path in (content, theme, tmp_path / "pelicanconf.py"):
        watcher.watch(str(path), rebuild)
    _save(content / "a.md", "Title: changed\n")
    _save(theme / "base.html", "<html lang=en>")
    _save(tmp_path / "pelicanconf.py", "SITENAME = 'x'\n")  # a file that did not exist
    named, _delay = watcher.examine()
    assert builds == [1]
    assert named == str(content / "a.md")


def test_livereload_drives_it_as_its_own_watcher(tmp_path):
    """What livereload's server and handler do with the watcher they are given: the handler
    watches the working folder unless something is watched; it polls when start() says so;
    the server's reload after a restart comes back from the next examine(), before any scan."""
    from livereload import Server

    watcher = SiteWatcher()
    server = Server(watcher=watcher)
    server.watch(str(_save(tmp_path / "content/posts/a.md").parent), lambda: None)
    assert server.watcher is watcher and list(watcher._tasks) == [str(tmp_path / "content/posts")]
    assert watcher.start(lambda: None) is False
    watcher._changes.append(("__livereload__", 0.5))  # as Server.serve does
    assert watcher.examine() == ("__livereload__", 0.5)
    assert watcher.examine() == (None, None)
