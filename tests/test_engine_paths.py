"""plugins/engine/paths.py: a path as staff know it, the one way every plugin names a file.

The quick way (a prefix cut off an absolute, normalised path) must say what
``os.path.relpath(os.path.abspath(path), project)`` says, for every path.
"""

import os

import pytest

from plugins.blogcore import checks, reader
from plugins.engine import paths, side
from plugins.galleries import generator
from plugins.team import signals as team

PROJECT = "/srv/blog"

# (PATH as the settings give it, a path given to shown): every kind of path a build names
SHOWN = [
    (f"{PROJECT}/content", f"{PROJECT}/content/posts/x.md"),
    (f"{PROJECT}/content", f"{PROJECT}/content/posts/../pages/x.md"),
    (f"{PROJECT}/content", f"{PROJECT}/content/./posts/x.md"),
    (f"{PROJECT}/content", f"{PROJECT}/content//posts/x.md"),
    (f"{PROJECT}/content", f"{PROJECT}/content/posts/"),
    (f"{PROJECT}/content", f"{PROJECT}/content/posts/."),
    (f"{PROJECT}/content", f"{PROJECT}/content/posts/.."),
    (f"{PROJECT}/content", f"{PROJECT}/content/.hidden/x.md"),
    (f"{PROJECT}/content", f"{PROJECT}/content"),
    (f"{PROJECT}/content", PROJECT),
    (f"{PROJECT}/content", f"{PROJECT}x/content/x.md"),
    (f"{PROJECT}/content", "/elsewhere/x.md"),
    (f"{PROJECT}/content", "content/posts/x.md"),
    (f"{PROJECT}/content/", f"{PROJECT}/content/posts/x.md"),
    (f"{PROJECT}/content/.", f"{PROJECT}/content/posts/x.md"),
    (f"{PROJECT}/./content", f"{PROJECT}/content/posts/x.md"),
    (f"{PROJECT}/../blog/content", f"{PROJECT}/content/posts/x.md"),
    ("content", "content/posts/x.md"),
    ("content", os.path.abspath("content/posts/x.md")),
    ("/content", "/content/posts/x.md"),
    ("/", "/posts/x.md"),
]


def _relpath(content: str, path: str) -> str:
    """What the five helpers said before: relpath of the path from the content's parent."""
    return os.path.relpath(os.path.abspath(path), os.path.dirname(os.path.abspath(content)))


@pytest.mark.parametrize(("content", "path"), SHOWN)
def test_shown_says_what_relpath_says(content, path):
    settings = {"PATH": content}
    assert paths.shown(settings, path) == _relpath(content, path)
    for helper in (generator.shown, team._shown):
        assert helper(settings, path) == _relpath(content, path)
    assert reader.shown(settings, path) == _relpath(content, path)


@pytest.mark.parametrize("within", ["posts/x.md", "team/ana.md", "", ".", "a/../b.md", "a//b"])
@pytest.mark.parametrize("content", [f"{PROJECT}/content", f"{PROJECT}/content/", "content"])
def test_shown_in_content_joins_the_content_folder_first(content, within):
    settings = {"PATH": content}
    expected = _relpath(content, os.path.join(content, within) if within else content)
    assert paths.shown_in_content(settings, within) == expected
    assert side.shown(settings, within) == expected
    assert checks.shown(settings, within) == expected


@pytest.mark.parametrize("trailing", ["", "/", "//"])
@pytest.mark.parametrize("dot_folders", [True, False])
def test_files_under_names_each_file_as_relpath_does(tmp_path, trailing, dot_folders):
    """blogcore's walk of a folder cuts each folder's name off the walk's own, not relpath."""
    from plugins.blogcore.signals import _files_under

    for name in ("index.html", "a/b/c.html", "a/x.css", ".hidden/y.html", "a/.d/z.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    root = str(tmp_path) + trailing
    expected = []
    for folder, dirs, names in os.walk(root):
        if not dot_folders:
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel = os.path.relpath(folder, root).replace(os.sep, "/")
        expected.extend(("" if rel == "." else rel + "/") + name for name in names)
    assert _files_under(root, dot_folders=dot_folders) == expected
    assert "a/b/c.html" in expected
