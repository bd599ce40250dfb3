"""Other people's plugins beside ours (plugins/engine/clashes.py): one line each at the PLUGINS
line, never their traceback nor a silently replaced sitemap."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from pelicanconf import PLUGINS
from plugins.engine.clashes import ERROR, STOP, WARNING, clashes

PLAIN = ["--log-handler", "plain"]


@pytest.mark.parametrize(
    ("listed", "settings", "found"),
    [
        (
            ["plugins.blogcore", "pelican.plugins.sitemap"],
            {"BLOGCORE_SITEMAP": "sitemap.xml"},
            [ERROR],
        ),
        (["sitemap", "plugins.blogcore"], {"BLOGCORE_SITEMAP": "map.xml"}, [ERROR]),
        # ours turned off: theirs is the site's sitemap
        (["plugins.blogcore", "pelican.plugins.sitemap"], {"BLOGCORE_SITEMAP": ""}, []),
        # not set (blogcore's settings refused before its defaults were filled in): it is on
        (["plugins.blogcore", "pelican.plugins.sitemap"], {}, [ERROR]),
        (["plugins.related", "pelican.plugins.related_posts"], {}, [STOP]),
        (["pelican.plugins.related_posts"], {}, []),  # none of ours it clashes with
        (["plugins.series"], {}, []),  # ours is not theirs
        (["plugins.series", "pelican.plugins.series"], {}, [WARNING]),
        # render_math: MathJax's script in summaries too, unless process_summary is False
        (
            ["plugins.blogcore", "pelican.plugins.render_math", "simple_footnotes"],
            {},
            [WARNING, ERROR],
        ),
        (["plugins.blogcore", "render_math"], {"MATH_JAX": {"process_summary": False}}, [WARNING]),
        (
            ["render_math", "plugins.blogcore"],
            {"MATH_JAX": {"process_summary": "no"}},
            [WARNING, ERROR],
        ),
        (["render_math", "plugins.blogcore"], {"MATH_JAX": {"color": "blue"}}, [WARNING, ERROR]),
        # pelican-seo: its report (on by default), its tags in every page (off by default)
        (["plugins.blogcore", "pelican.plugins.seo"], {}, [WARNING]),
        (["plugins.blogcore", "pelican.plugins.seo"], {"SEO_REPORT": False}, []),
        (["seo", "plugins.blogcore"], {"SEO_ENHANCER": True}, [WARNING, ERROR]),
        (["plugins.blogcore", "seo"], {"SEO_REPORT": False, "SEO_ENHANCER": True}, [ERROR]),
        (["plugins.series", "pelican.plugins.seo"], {"SEO_ENHANCER": True}, []),
    ],
)
def test_clashes_are_found_in_either_order(listed, settings, found):
    lines = clashes(listed, settings)
    assert [severity for severity, _ in lines] == found
    for _, line in lines:
        assert line.startswith("PLUGINS: ")
        assert "remove" in line


def _stand_in(folder: Path, name: str, body: str) -> None:
    """A plugin of someone else's, as the old pelican-plugins repository lays one out."""
    (folder / name).mkdir(parents=True)
    (folder / name / "__init__.py").write_text(
        "from pelican import signals\n" + body, encoding="utf-8"
    )


def _list(project: Path, others: Path, names: list[str]) -> int:
    """List other people's plugins (in ``others``) before fastbuild; the PLUGINS line."""
    conf = project / "pelicanconf.py"
    before = conf.read_text()
    conf.write_text(
        before + f"PLUGIN_PATHS = ['plugins', {str(others)!r}]\n"
        f"PLUGINS = {json.dumps([*PLUGINS[:-1], *names, PLUGINS[-1]])}\n"
    )
    return before.count("\n") + 2


def _build(project: Path, conf: str = "pelicanconf.py") -> subprocess.CompletedProcess:
    """A build as `make build` / `make publish` run it, one line per message."""
    return subprocess.run(
        [sys.executable, "-m", "plugins.engine.command", *("-s", conf, "-o", "out"), *PLAIN],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_a_clashing_plugin_is_one_line_at_the_plugins_line_not_its_traceback(
    tmp_path: Path, project: Path
):
    others = tmp_path / "others"
    # as pelican-related-posts does: it reads related_posts as its own comma-separated text
    _stand_in(
        others,
        "related_posts",
        "def add(generator):\n"
        "    for article in generator.articles:\n"
        "        article.related_posts.split(',')\n"
        "def register():\n"
        "    signals.article_generator_finalized.connect(add)\n",
    )
    _stand_in(others, "sitemap", "def register():\n    pass\n")
    line = _list(tmp_path, others, ["sitemap", "related_posts"])
    said, where = _stopped_on_the_sitemap_clash(tmp_path, line)
    assert any(f"{where}related_posts sets each post's related_posts" in t for t in said), said


def test_a_refused_blogcore_setting_does_not_hide_the_sitemap_clash(tmp_path: Path, project: Path):
    """Every mistake in one build: blogcore's settings refused (its defaults never filled in),
    the sitemap clash is still said."""
    others = tmp_path / "others"
    _stand_in(others, "sitemap", "def register():\n    pass\n")
    line = _list(tmp_path, others, ["sitemap"])
    conf = tmp_path / "pelicanconf.py"
    conf.write_text(conf.read_text() + "BLOGCORE_WORDS_PER_MINUTE = 0\n")
    said, _ = _stopped_on_the_sitemap_clash(tmp_path, line)
    assert any("BLOGCORE_WORDS_PER_MINUTE" in text for text in said), said


def _stopped_on_the_sitemap_clash(tmp_path: Path, line: int) -> tuple[list[str], str]:
    """Build; it stops, without a traceback, with the sitemap clash's error at the PLUGINS
    line: the lines it said (spaces folded) and the PLUGINS line's prefix."""
    done = _build(tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    said = [" ".join(text.split()) for text in done.stderr.splitlines()]
    where = f"pelicanconf.py: line {line}: PLUGINS: "
    assert any(text.startswith(f"ERROR {where}sitemap writes sitemap.xml") for text in said), said
    return said, where


# as render_math's Markdown extension does: MathJax's configuration added to each post with math
MATHJAX_STAND_IN = """
import xml.etree.ElementTree as etree
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

class AddScript(Treeprocessor):
    def run(self, root):
        if "$" not in "".join(root.itertext()):
            return
        script = etree.SubElement(root, "script")
        script.set("type", "text/javascript")
        script.text = "window.MathJax = {tex: {inlineMath: [['$', '$']]}};"

class MathJax(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(AddScript(md), "mathjax", 5)

def add(pelican):
    pelican.settings["MARKDOWN"].setdefault("extensions", []).append(MathJax())

def register():
    signals.initialized.connect(add)
"""

POST = """Title: Fair shares of a booking
Date: 2025-03-03 10:00
Author: Ada Lovelace
Category: Engineering
Summary: How we split a booking fairly: $s_i$ each.

The share of each group is $s_i = h_i / H$, where $H$ is the total hours.

We first wrote this in 2019[ref]In a notebook, on paper.[/ref] and kept it.
"""


def _write_post(project: Path, summary: bool = True) -> None:
    """POST in the fixture site, by the author of its first post; without its Summary: line
    (its summary then made from its text) unless ``summary``."""
    author = next(
        line
        for line in (project / "content/posts/first-light.md").read_text().splitlines()
        if line.startswith("Author")
    )
    lines = POST.replace("Author: Ada Lovelace", author).splitlines(keepends=True)
    post = "".join(li for li in lines if summary or not li.startswith("Summary"))
    (project / "content/posts/fair-shares.md").write_text(post, encoding="utf-8")


def test_a_listed_plugin_s_syntax_is_not_said_missing_and_its_script_is_named(
    tmp_path: Path, project: Path
):
    _write_post(project)
    others = tmp_path / "others"
    _stand_in(others, "simple_footnotes", "def register():\n    pass\n")
    _stand_in(others, "render_math", MATHJAX_STAND_IN)
    line = _list(project, others, ["simple_footnotes", "render_math"])
    conf = project / "pelicanconf.py"  # its summaries' script off: that is an error (below)
    conf.write_text(conf.read_text() + "MATH_JAX = {'process_summary': False}\n")
    done = _build(project, "publishconf.py")
    said = [" ".join(text.split()) for text in done.stderr.splitlines()]
    assert done.returncode == 0, said
    assert not [t for t in said if "simple_footnotes plugin's" in t], said
    assert not [t for t in said if "removed <script>" in t], said
    maths = [t for t in said if t.startswith("WARNING content/posts/fair-shares.md: line ")]
    assert len(maths) == 2, said  # the Summary's, the body's: nothing else of the script's
    for text in maths:
        assert "is LaTeX math, which the render_math plugin (in PLUGINS) leaves to MathJax" in text
    assert any(
        t.startswith(f"WARNING pelicanconf.py: line {line}: PLUGINS: render_math marks")
        for t in said
    ), said
    page = (project / "out/posts/fair-shares-of-a-booking/index.html").read_text()
    assert "MathJax" not in page


def test_a_second_sitemap_is_an_error_development_goes_on_publish_stops(
    tmp_path: Path, project: Path
):
    others = tmp_path / "others"
    _stand_in(others, "sitemap", "def register():\n    pass\n")
    line = _list(project, others, ["sitemap"])
    said = f"ERROR    pelicanconf.py: line {line}: PLUGINS: sitemap writes sitemap.xml"
    dev = _build(project)
    assert dev.returncode == 0, dev.stderr
    assert [t for t in dev.stderr.splitlines() if t.startswith(said)], dev.stderr
    published = _build(project, "publishconf.py")
    assert published.returncode == 1
    assert [t for t in published.stderr.splitlines() if t.startswith(said)], published.stderr
    assert "Traceback" not in published.stderr


# as render_math's process_summary does: once every generator is done (after the sanitiser),
# MathJax's script added to the summary of each post whose summary has math in it (Pelican
# puts a Summary: line back over it: only a summary made from the text keeps it)
SUMMARY_STAND_IN = """
def add(generators):
    for generator in generators:
        for article in getattr(generator, "articles", []):
            summary = article.summary
            if "$" in summary:  # render_math looks for its class="math" spans
                article.get_summary.func.__self__.cache.clear()  # as render_math does
                article.metadata["summary"] = summary + "<script>MathJax.Hub</script>"

def register():
    signals.all_generators_finalized.connect(add)
"""

# as pelican-seo does with SEO_REPORT (its default): the report where the build runs
SEO_STAND_IN = """
def report(generators):
    with open("seo_report.html", "w", encoding="utf8") as handle:
        handle.write("<html>report</html>")

def register():
    signals.all_generators_finalized.connect(report)
"""


def test_render_math_s_script_in_summaries_stops_a_publish_and_seo_s_report_is_named(
    tmp_path: Path, project: Path
):
    _write_post(project, summary=False)
    others = tmp_path / "others"
    _stand_in(others, "render_math", SUMMARY_STAND_IN)
    _stand_in(others, "seo", SEO_STAND_IN)
    line = _list(project, others, ["render_math", "seo"])
    dev = _build(project)
    assert dev.returncode == 0, dev.stderr
    assert (project / "seo_report.html").is_file()  # beside pelicanconf.py, not in the site
    home = BeautifulSoup((project / "out/index.html").read_text(), "html.parser")
    # what the line is about: a script in a summary on the home page, after the sanitiser
    assert [s for s in home.select("script") if "MathJax" in (s.string or "")]
    published = _build(project, "publishconf.py")
    assert published.returncode == 1
    assert "Traceback" not in published.stderr
    said = [" ".join(text.split()) for text in published.stderr.splitlines()]
    where = f"pelicanconf.py: line {line}: PLUGINS: "
    assert any(t.startswith(f"ERROR {where}render_math adds MathJax's script") for t in said), said
    assert any(t.startswith(f"WARNING {where}seo writes seo_report.html") for t in said), said


def test_a_misspelt_setting_of_a_plugin_the_table_reads_is_named(project: Path):
    """The clash table reads SEO_ENHANCER: misspelt, the verdict would be wrong unnoticed."""
    conf = project / "pelicanconf.py"
    line = conf.read_text().count("\n") + 1
    conf.write_text(conf.read_text() + "SEO_ENHANCR = True\n")
    said = [" ".join(text.split()) for text in _build(project).stderr.splitlines()]
    assert f"ERROR pelicanconf.py: line {line}: unknown setting SEO_ENHANCR " in " ".join(said)
    assert any("(did you mean SEO_ENHANCER?)" in text for text in said), said


# as render_math does for reStructuredText: docutils told to leave math to MathJax
RST_MATHJAX_STAND_IN = """
def init(pelican):
    docutils = pelican.settings.get("DOCUTILS_SETTINGS", {})
    docutils.setdefault("math_output", "MathJax https://cdn.example/mathjax/latest.js")
    pelican.settings["DOCUTILS_SETTINGS"] = docutils

def register():
    signals.initialized.connect(init)
"""

RST_POST = r"""Roots of a quadratic
####################

:date: 2025-03-03 10:00
:author: Cleo Park
:category: Engineering
:summary: The formula.

The roots are :math:`x = \frac{-b \pm \sqrt{b^2 - 4ac}}{2a}`, as in school.

.. math::

   e^{i\pi} + 1 = 0
"""


def test_render_math_listed_leaves_rst_math_typeset(tmp_path: Path, project: Path):
    """With render_math listed, docutils wrote a reStructuredText post's :math: for MathJax,
    which this site never loads: the LaTeX was shown as written, and the post's line asked
    the writer to write it as :math:, which it was. It is MathML, typeset, and not said."""
    others = tmp_path / "others"
    _stand_in(others, "render_math", RST_MATHJAX_STAND_IN)
    _list(project, others, ["render_math"])
    conf = project / "pelicanconf.py"
    conf.write_text(conf.read_text() + "MATH_JAX = {'process_summary': False}\n")
    (project / "content/posts/roots.rst").write_text(RST_POST, encoding="utf-8")
    done = _build(project)
    said = [" ".join(text.split()) for text in done.stderr.splitlines()]
    assert done.returncode == 0, said
    assert not [t for t in said if t.startswith("WARNING content/posts/roots.rst")], said
    page = BeautifulSoup(
        (project / "out/posts/roots-of-a-quadratic/index.html").read_text(), "html.parser"
    )
    body = page.select_one(".post-body") or page
    assert len(body.find_all("math")) == 2
    assert "\\frac" not in body.get_text() and "MathJax" not in str(page)
