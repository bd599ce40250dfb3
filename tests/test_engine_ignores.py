"""``plugins.engine.ignores`` answers as ``fnmatch.fnmatch`` does for every pattern (Pelican's
own test of IGNORE_FILES): a table of names, the site's patterns and some of other shapes."""

import fnmatch
import itertools
import runpy
from pathlib import Path

import pytest

from plugins.engine.ignores import any_ignored, ignored

SITE = runpy.run_path(str(Path(__file__).parent.parent / "pelicanconf.py"))["IGNORE_FILES"]

NAMES = [
    *("post.md", "post-00042.md", "index.html", "photo.jpg", "favicon.svg", "notes.txt"),
    *(".git", ".gitignore", ".gitattributes", ".github", ".gi", ".hg", ".hgignore", ".hgtags"),
    *(".svn", ".svnignore", "svn", "git", ".well-known", ".nojekyll", ".htaccess", ".env"),
    *(".#post.md", "._photo.jpg", ".~lock.price-list.odt#", "._", ".#", ".~", ".", ".."),
    *("post.md~", "~", "~post.md", "#post.md#", "#", "##", "#post.md", "post.md#"),
    *("post.md.bak", ".bak", "post.bak.md", "post.BAK", "~$ice-list.docx", "~$", "$~x"),
    *(".post.md.swp", "plan_md.swp", "notes.swo", ".notes.md.swn", "x.swa", "x.swe", "x.swg"),
    *("movie.swf", ".movie.swf", ".swf", "..swf", "x.swq", "x.sw", "x.SWP", "swp"),
    *(".DS_Store", ".ds_store", "DS_Store", "Thumbs.db", "thumbs.db", "ehumbs.db", "humbs.db"),
    *("desktop.ini", "Desktop.ini", "DESKTOP.INI", "xdesktop.ini", "__MACOSX", "__macosx"),
    *("a[b]c", "a*b", "a?b", "\\", "a\nb", "post.md\n", "é.md", "ünïcode~", " ", ""),
]

OTHERS = [[], [".#*"], ["*"], ["?"], ["[!a]*", "a?c"], ["a[b]c", "[[]*", "*]"], ["**/.*"]]


@pytest.mark.parametrize("patterns", [SITE, *OTHERS, SITE[:3], list(reversed(SITE))])
def test_same_names_ignored_as_fnmatch(patterns):
    careful = [n for n in NAMES if any(fnmatch.fnmatch(n, p) for p in patterns)]
    assert [n for n in NAMES if ignored(n, patterns)] == careful
    # and each pattern on its own, so a wrong one cannot hide behind another
    for pattern in patterns:
        assert [n for n in NAMES if ignored(n, [pattern])] == fnmatch.filter(NAMES, pattern)


def test_site_patterns_ignore_what_they_did():
    """The site's list ignores every editor's and system's file of the table, nothing else."""
    kept = {n for n in NAMES if not ignored(n, SITE)}
    assert {"post.md", ".well-known", ".htaccess", "movie.swf", "x.swq", ".env"} <= kept
    assert not {".#post.md", "plan_md.swp", ".movie.swf", "Thumbs.db", "__MACOSX"} & kept


def test_paths_by_their_parts():
    paths = ["/".join(p) for p in itertools.product(["posts", ".git", "__MACOSX"], NAMES[:40])]
    for path in paths:
        parts = path.split("/")
        careful = any(fnmatch.fnmatch(part, p) for part in parts for p in SITE)
        assert any_ignored(parts, SITE) is careful, path
