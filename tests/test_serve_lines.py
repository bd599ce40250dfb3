"""Every kind of build says a post's per-line problems at the same line, in the same words.

A problem a writer can fix at one line of a Markdown or reStructuredText post (a link to
nothing, an image without alt text, a link without text, an image size in %, raw HTML the
sanitiser takes out, another engine's syntax) is said as ``content/posts/x.rst: line 37: …``
by `pelican` itself, by `invoke build`, by `make serve`'s first build, by its rebuild after
the file is saved (read again, in a fork of the warm process) and by its rebuild after another
file is saved (the post taken from Pelican's reader cache, what its reading said said again).
A content folder reached through a symbolic link (kept in a repository of its own) lost the
line of each link to the site's own files: it was looked for under the folder the link points
into, not the project's.

One module-wide set of builds; each row of the table is one kind of problem, said identically
by every build.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DEV_CONF, ROOT
from tests.test_serve_rebuilds import Session

MARKDOWN = """Title: Lines in Markdown
Date: 2024-05-05
Category: Company
Author: Ada Byrne

Intro.

See [the data](/static/downloads/ad6.txt).

See [the plan]({filename}/posts/no-such-plan.md).

![](/images/lamp.svg)

[](https://example.org/venue)

<img src="/images/lamp.svg" alt="A lamp" style="width: 60%">

<p onclick="go()">Opening times.</p>

Welcome to {{ page.title }}.

End.
"""

REST = """Lines in reST
#############

:date: 2024-05-06
:category: Company
:author: Ada Byrne

Intro.

See `the data </static/downloads/ad6.txt>`_.

See `the plan <{filename}/posts/no-such-plan.md>`_.

.. image:: /images/lamp.svg

.. image:: /images/lamp.svg
   :alt: A lamp
   :width: 60%

.. raw:: html

   <p onclick="go()">Opening times.</p>

Welcome to {{ page.title }}.

End.
"""

MD, RST = "content/posts/lines-md.md", "content/posts/lines-rst.rst"

# (file, the start of its line): each kind of per-line problem, in each format
TABLE = [
    (MD, "line 8: the link /static/downloads/ad6.txt points at nothing this site publishes"),
    (MD, "line 10: the link {filename}/posts/no-such-plan.md points at content/posts/"),
    (MD, "line 12: the image lamp.svg has no alt text"),
    (MD, "line 14: the link to https://example.org/venue has no text"),
    (MD, "line 16: removed a style attribute and an onclick attribute"),
    (MD, "line 20: {{ page.title }} is Jekyll's Liquid"),
    (RST, "line 10: the link /static/downloads/ad6.txt points at nothing this site publishes"),
    (RST, "line 12: the link {filename}/posts/no-such-plan.md points at content/posts/"),
    (RST, "line 14: the image lamp.svg has no alt text"),
    (RST, "line 22: removed a style attribute and an onclick attribute"),
    (RST, "line 24: {{ page.title }} is Jekyll's Liquid"),
]


def _about_the_posts(text: str) -> list[str]:
    """The lines naming the two posts, from the name on (without `--log-handler plain`'s
    level in front)."""
    found = []
    for line in text.splitlines():
        start = min((line.find(name) for name in (MD, RST) if name in line), default=-1)
        if start >= 0:
            found.append(line[start:].rstrip())
    return sorted(found)


def _invoke_build(content: Path, output: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "build", "--content", str(content), "--output",
         str(output)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
        env={**os.environ, "COLUMNS": "300"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stderr


def _pelican(content: Path, output: Path) -> str:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "pelican"), str(content), "-s", str(DEV_CONF),
         "-o", str(output), "--log-handler", "plain", "-e",
         f'CACHE_PATH="{output.parent / "pelican-cache"}"'],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def said(tmp_path_factory) -> dict[str, list[str]]:
    """What each kind of build said of the two posts."""
    base = tmp_path_factory.mktemp("serve-lines")
    session = Session(base / "serve")
    (session.content / "posts" / "lines-md.md").write_text(MARKDOWN, encoding="utf-8")
    (session.content / "posts" / "lines-rst.rst").write_text(REST, encoding="utf-8")
    found = {}
    try:
        found["make serve, first build"] = _about_the_posts("\n".join(session.build()[0]))
        session.edit("posts/lines-md.md", "End.", "The end.")
        session.edit("posts/lines-rst.rst", "End.", "The end.")
        found["make serve, the posts saved"] = _about_the_posts("\n".join(session.build()[0]))
        session.edit("posts/garden-party.md", "\n\n", "\n\nAnother line.\n\n")
        found["make serve, another post saved"] = _about_the_posts("\n".join(session.build()[0]))
    finally:
        session.close()
    copy = base / "copy" / "content"
    shutil.copytree(session.content, copy)
    found["pelican"] = _about_the_posts(_pelican(copy, base / "copy" / "out"))
    found["invoke build"] = _about_the_posts(_invoke_build(copy, base / "copy" / "out-invoke"))
    # the content folder in a repository of its own, linked into the project as content/
    linked = base / "linked"
    linked.mkdir()
    shutil.copytree(session.content, base / "posts-repository")
    (linked / "content").symlink_to(base / "posts-repository", target_is_directory=True)
    found["invoke build, content/ a link"] = _about_the_posts(
        _invoke_build(linked / "content", linked / "out")
    )
    return found


@pytest.mark.parametrize(("source", "line"), TABLE)
def test_every_build_says_the_problem_at_its_line(said, source, line):
    for build, lines in said.items():
        assert [s for s in lines if s.startswith(f"{source}: {line}")], (build, line, lines)


def test_every_build_says_the_same_lines(said):
    first, *others = said.items()
    for build, lines in others:
        assert lines == first[1], (build, first[0])
