"""Other people's plugins beside ours (plugins/engine/clashes.py): one line each at the PLUGINS
line, never their traceback nor a silently replaced sitemap."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pelicanconf import PLUGINS
from plugins.blogcore.settings import DEFAULTS as BLOGCORE_DEFAULTS
from plugins.engine.clashes import ERROR, STOP, WARNING, clashes

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
PLAIN = ["--log-handler", "plain"]


@pytest.mark.parametrize(
    ("listed", "settings", "found"),
    [
        (
            ["plugins.blogcore", "pelican.plugins.sitemap"],
            {"BLOGCORE_SITEMAP": "sitemap.xml"},
            [ERROR],
        ),
        (["sitemap", "plugins.blogcore"], {}, [ERROR]),  # blogcore's default: it writes one
        # ours turned off: theirs is the site's sitemap
        (["plugins.blogcore", "pelican.plugins.sitemap"], {"BLOGCORE_SITEMAP": ""}, []),
        (["plugins.related", "pelican.plugins.related_posts"], {}, [STOP]),
        (["pelican.plugins.related_posts"], {}, []),  # none of ours it clashes with
        (["plugins.series"], {}, []),  # ours is not theirs
        (["plugins.series", "pelican.plugins.series"], {}, [WARNING]),
        (["plugins.blogcore", "pelican.plugins.render_math", "simple_footnotes"], {}, [WARNING]),
        (["plugins.blogcore", "pelican.plugins.seo"], {}, []),
    ],
)
def test_clashes_are_found_in_either_order(listed, settings, found):
    lines = clashes(listed, settings, BLOGCORE_DEFAULTS)
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


def test_a_clashing_plugin_is_one_line_at_the_plugins_line_not_its_traceback(tmp_path: Path):
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, tmp_path / name)
    for name in ("plugins", "theme"):
        (tmp_path / name).symlink_to(ROOT / name)
    shutil.copytree(FIXTURES / "site", tmp_path / "content")
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
    conf = tmp_path / "pelicanconf.py"
    before = conf.read_text()
    line = before.count("\n") + 1
    conf.write_text(
        before + f"PLUGIN_PATHS = ['plugins', {str(others)!r}]\n"
        f"PLUGINS = {json.dumps([*PLUGINS[:-1], 'sitemap', 'related_posts', PLUGINS[-1]])}\n"
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "plugins.engine.command",
            *("-s", "pelicanconf.py", "-o", "out"),
            *PLAIN,
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    said = [" ".join(text.split()) for text in done.stderr.splitlines()]
    where = f"pelicanconf.py: line {line + 1}: PLUGINS: "
    assert any(text.startswith(f"ERROR {where}sitemap writes sitemap.xml") for text in said), said
    assert any(f"{where}related_posts sets each post's related_posts" in t for t in said), said
