"""The stock path: the accelerations that rely on other libraries' internals (the plugins'
compat.py) switched off, on request or on untested versions, give the same site, byte for
byte; and nothing of Pelican's is changed for the whole process."""

import copy
import logging
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import markdown
import pelican
import pelican.readers
import pytest
from markdown.treeprocessors import InlineProcessor
from pelican import Pelican
from pelican.contents import Content
from pelican.settings import read_settings

from plugins.blogcore import compat as blogcore_compat
from plugins.blogcore.reader import StrictMarkdownReader
from plugins.engine import build as engine_build
from plugins.engine import compat as shared_compat
from plugins.fastbuild import compat as fastbuild_compat
from tests.test_fastbuild import ROOT, assert_same_tree, build, tree

STOCK = {"FASTBUILD_ACCELERATE": False, "BLOGCORE_ACCELERATE": False}
# Pelican's own descriptors, before any plugin is loaded in this test process
PELICAN_CONTENT, PELICAN_SUMMARY = vars(Content)["content"], vars(Content)["summary"]


def test_the_sample_site_is_the_same_with_and_without_the_accelerations(tmp_path: Path):
    """Every file the same, the same files: parallel reading and rendering, reused and
    quickened Markdown converters, feed entries made once, against Pelican's own reading,
    Writer and feeds with a stock converter per file."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    cache = tmp_path / "cache"  # shared: the photos are made once
    fast = build(content, tmp_path / "fast", cache, FASTBUILD_WORKERS=2, FASTBUILD_MIN_FILES=1)
    stock = build(content, tmp_path / "stock", cache, **STOCK)
    assert fast.returncode == stock.returncode == 0, (fast.stderr, stock.stderr)
    assert "accelerations off" not in fast.stderr + stock.stderr  # asked for, not untested
    assert_same_tree(tmp_path / "fast", tmp_path / "stock")
    files = tree(tmp_path / "stock")
    assert len(files) > 100, sorted(files)[:20]  # the whole site, not an empty folder


def test_incremental_builds_need_the_accelerations(tmp_path: Path):
    """FASTBUILD_INCREMENTAL with the stock path is a full build, and says so."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "site", content)
    result = build(
        content,
        tmp_path / "out",
        tmp_path / "cache",
        FASTBUILD_INCREMENTAL=True,
        FASTBUILD_ACCELERATE=False,
    )
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "cache" / "fastbuild").exists()  # no incremental record kept


class Kept(logging.Handler):
    """The records that reach the root logger's handlers, as Pelican's console gets them."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname} {record.getMessage()}")


@pytest.fixture
def pelicans_console(monkeypatch):
    """Logging as Pelican sets it up: the root logger at WARNING, one handler on it."""
    root = logging.getLogger()
    kept = Kept()
    monkeypatch.setattr(root, "level", logging.WARNING)
    root.addHandler(kept)
    yield kept
    root.removeHandler(kept)


@pytest.mark.parametrize("compat", [blogcore_compat, fastbuild_compat])
def test_untested_versions_take_the_stock_path_with_one_line_shown(
    compat, monkeypatch, pelicans_console
):
    """The line was INFO under Pelican's WARNING level: a build on Python 3.12 took the slower
    stock path and said nothing (only `pelican -v` showed it). Now shown once per build."""
    untested = {**compat.TESTED, "Pelican": ("4.13.0", (4, 12), (4, 13))}
    monkeypatch.setattr(compat, "TESTED", untested)
    monkeypatch.setattr(compat.untested, "__defaults__", (untested,))
    settings = {"FASTBUILD_ACCELERATE": True, "BLOGCORE_ACCELERATE": True}
    assert not compat.accelerated(settings)
    assert not compat.accelerated(settings)
    engine_build.current(settings).close()
    lines = [line for line in pelicans_console.lines if "accelerations off" in line]
    assert len(lines) == 1, pelicans_console.lines
    assert lines[0].startswith("INFO ")
    assert "Pelican 4.13.0 (tested: 4.12 up to, not including, 4.13)" in lines[0]
    assert logging.getLogger(shared_compat.__name__).level == logging.NOTSET  # build over


@pytest.mark.parametrize("compat", [blogcore_compat, fastbuild_compat])
def test_a_private_name_gone_takes_the_stock_path(compat, monkeypatch, ended):
    """Markdown renaming its name-mangled inline loop failed every post with an
    AttributeError (0 posts, exit 0); a Pelican without _filter_discardable_metadata or
    FileOverwriteFailedError (4.11) could not load fastbuild at all."""
    if compat is blogcore_compat:
        monkeypatch.delattr(InlineProcessor, "_InlineProcessor__applyPattern")
        gone = "markdown's InlineProcessor._InlineProcessor__applyPattern is missing"
    else:
        monkeypatch.delattr(pelican.readers, "_filter_discardable_metadata")
        monkeypatch.setattr(compat, "_filter_discardable_metadata", None)
        gone = "pelican.readers._filter_discardable_metadata is missing"
    assert compat.untested() == [gone]
    assert not compat.accelerated(ended({}))


def test_fastbuild_loads_on_a_pelican_without_the_names_it_uses(tmp_path: Path):
    """fastbuild imported Pelican 4.12's names at module level: on Pelican 4.11 'Cannot load
    plugin plugins.fastbuild'. Now it loads there and builds the stock way."""
    script = (
        "import pelican.readers, pelican.writers\n"
        "del pelican.readers._filter_discardable_metadata\n"
        "del pelican.writers.FileOverwriteFailedError\n"
        "import plugins.blogcore.signals\n"
        "from plugins.fastbuild import compat, signals\n"
        "print(compat.untested())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "pelican.writers.FileOverwriteFailedError is missing" in done.stdout


def test_the_libraries_the_blog_needs_are_checked_at_the_start():
    """Python-Markdown before 3.11.2 gave ten 'Cannot load plugin' lines and advice to add
    plugins already listed; a Pelican keeping the body elsewhere built wrong pages, exit 0."""
    assert shared_compat.refused(Content, pelican.__version__) == []
    needed = {"markdown": ("Python-Markdown", (99, 0))}
    [line] = shared_compat.too_old(needed)
    assert line.startswith(f"Python-Markdown {markdown.__version__} is installed; this blog ")
    assert "needs 99.0 or newer (pyproject.toml)" in line


class Elsewhere(Content):
    """A Pelican that keeps a post's body under another name (a future release)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.body_html = vars(self).pop("_content")

    def get_content(self, siteurl: str) -> str:
        return self._update_content(self.body_html, siteurl)


def test_a_pelican_that_keeps_the_body_elsewhere_stops_the_build():
    [line] = [shared_compat.body_not_kept(Elsewhere, "4.13.0")]
    assert line.startswith("Pelican 4.13.0 does not keep a post's body as read in Content.")


@pytest.mark.parametrize("compat", [blogcore_compat, fastbuild_compat])
def test_the_installed_versions_are_the_tested_ones(compat, ended):
    """This environment (requirements.lock) is what the accelerations were tested on."""
    assert compat.untested() == []
    assert not compat.accelerated(ended(dict(STOCK)))


@pytest.mark.parametrize(
    ("version", "low", "high", "inside"),
    [
        ("4.12.0", (4, 12), (4, 13), True),
        ("4.12.3.dev1", (4, 12), (4, 13), True),
        ("4.13.0", (4, 12), (4, 13), False),
        ("4.11.9", (4, 12), (4, 13), False),
        ("3.11.7", (3, 11), (3, 12), True),
        ("3.12.0rc1", (3, 11), (3, 12), False),
        ("3.0", (3, 0), (4, 0), True),
        ("4.0.0", (3, 0), (4, 0), False),
    ],
)
def test_version_ranges(version, low, high, inside):
    assert (fastbuild_compat.untested({"X": (version, low, high)}) == []) is inside


def test_pelican_keeps_what_html_of_and_set_html_use():
    """Content._content and _summary, which html_of, set_html and set_summary rely on."""
    item = Content("<p>body</p>", metadata={"title": "T", "summary": "<p>s</p>"})
    assert blogcore_compat.html_of(item) == "<p>body</p>"
    blogcore_compat.set_html(item, "<p>new</p>")
    assert item.content == "<p>new</p>"
    blogcore_compat.set_summary(item, "<p>short</p>")
    item.refresh_metadata_intersite_links()
    assert item.summary == "<p>short</p>"


@pytest.mark.parametrize("fastbuild", [False, True])
def test_loading_the_plugins_leaves_pelicans_classes_alone(fastbuild: bool, tmp_path: Path, ended):
    """After Pelican loads and registers every plugin, Content is Pelican's own."""
    defaults = read_settings(str(ROOT / "pelicanconf.py"))
    plugins = [p for p in defaults["PLUGINS"] if fastbuild or p != "fastbuild"]
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(ROOT / "tests" / "fixtures" / "site"),
            "OUTPUT_PATH": str(tmp_path / "out"),
            "CACHE_PATH": str(tmp_path / "cache"),
            "PLUGINS": plugins,
            "JINJA_ENVIRONMENT": copy.deepcopy(defaults["JINJA_ENVIRONMENT"]),
        },
    )
    Pelican(ended(settings))  # loads the plugins, calls register(), sends `initialized`
    assert vars(Content)["content"] is PELICAN_CONTENT
    assert vars(Content)["summary"] is PELICAN_SUMMARY


@pytest.mark.parametrize("accelerate", [True, False])
def test_the_stock_path_writes_with_pelicans_own_writer(accelerate: bool, ended):
    from plugins.fastbuild import signals as fastbuild_signals

    settings = ended(
        {"PLUGINS": ["fastbuild"], "FASTBUILD_WORKERS": 2, "FASTBUILD_ACCELERATE": accelerate}
    )
    chosen = fastbuild_signals.on_get_writer(SimpleNamespace(settings=settings))
    assert (chosen is not None) is accelerate


@pytest.mark.parametrize("accelerate", [True, False])
def test_the_stock_path_reads_with_a_stock_converter_per_file(
    accelerate: bool, tmp_path: Path, ended
):
    """BLOGCORE_ACCELERATE False: Pelican's own MarkdownReader.read, the same HTML."""
    defaults = read_settings(str(ROOT / "pelicanconf.py"))
    settings = ended({**defaults, "PATH": str(tmp_path), "BLOGCORE_ACCELERATE": accelerate})
    settings["MARKDOWN"] = copy.deepcopy(defaults["MARKDOWN"])
    post = tmp_path / "x.md"
    post.write_text("Title: X\nSummary: *short*\n\nSome `code` and [a link](/x/).\n")
    reader = StrictMarkdownReader(settings)
    content, metadata = reader._read(str(post))
    content_again, _ = reader._read(str(post))
    assert content == content_again == '<p>Some <code>code</code> and <a href="/x/">a link</a>.</p>'
    assert metadata["summary"] == "<p><em>short</em></p>"
    assert (getattr(reader, "converter", None) is not None) is accelerate
