"""An exception that stops a build is one line naming where it is (plugins/devserver/problems.py,
plugins/engine/rendering.py): a template override's file and line and the page being rendered,
whichever process rendered it; another person's installed plugin's file and line."""

import datetime
import importlib.util
import logging
import sys
from pathlib import Path

import jinja2
import pytest
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

from plugins.devserver.problems import problem
from plugins.fastbuild.writer import ParallelWriter

OVERRIDE = """{% extends "base.html" %}
{% block content %}
<p>{{ article.subtitle.upper() }}</p>
{% endblock content %}
"""


def _one_line(error: BaseException) -> dict[str, str]:
    """The build's line for an error that stopped it, as Pelican logs one (its traceback on)."""
    record = logging.LogRecord(
        "pelican", logging.CRITICAL, __file__, 1, "%s: %s", (type(error).__name__, error), None
    )
    record.exc_info = (type(error), error, error.__traceback__)
    return problem(record)


@pytest.mark.parametrize("workers", [1, 3])
def test_an_error_in_an_override_names_its_line_and_the_post(tmp_path: Path, workers):
    # an override folder outside the project, as THEME_TEMPLATES_OVERRIDES may name one
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "article.html").write_text(OVERRIDE)
    (overrides / "base.html").write_text("<main>{% block content %}{% endblock %}</main>")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(overrides)))
    settings = {**DEFAULT_CONFIG, "PAGINATED_TEMPLATES": {}, "PATH": str(tmp_path / "content")}
    out = ParallelWriter(str(tmp_path / "out"), settings=settings)
    for n in range(12):
        meta = {"title": f"Post {n}", "date": datetime.datetime(2024, 1, 1), "slug": f"p{n}"}
        source = str(tmp_path / "content" / "posts" / f"p{n}.md")
        post = Article("<p>x</p>", metadata=meta, settings=settings, source_path=source)
        out.write_file(f"posts/p{n}.html", env.get_template("article.html"), {}, article=post)
    with pytest.raises(jinja2.UndefinedError) as raised:
        out.flush(workers, 1)
    line = _one_line(raised.value)
    assert line["source"] == str(overrides / "article.html")
    assert line["message"] == (
        "line 3: UndefinedError: 'pelican.contents.Article object' has no attribute 'subtitle' "
        "(rendering posts/p0.html, from content/posts/p0.md)"
    )


def test_an_installed_plugin_s_bug_is_one_line_naming_its_file(tmp_path: Path, monkeypatch):
    # as pelican-related-posts failed beside ours: no file of the project in the traceback
    package = tmp_path / "site-packages" / "pelican" / "plugins" / "splitter"
    package.mkdir(parents=True)
    (package / "splitter.py").write_text(
        "def related(article):\n    return article.related_posts.split(',')\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path / "site-packages"))
    spec = importlib.util.spec_from_file_location("splitter_probe", package / "splitter.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    post = type("Post", (), {})()
    post.related_posts = ["a", "b"]  # as plugins.related sets it
    with pytest.raises(AttributeError) as raised:
        module.related(post)
    # called from a file of the project (this test, as fastbuild's writer sends a signal to
    # it): the plugin's frame, inner, is the one named
    line = _one_line(raised.value)
    assert line["source"] == "pelican/plugins/splitter/splitter.py"
    assert line["message"] == "line 2: AttributeError: 'list' object has no attribute 'split'"
    assert "splitter_probe" not in sys.modules
