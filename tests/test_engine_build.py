"""engine.build: one per-build object, and only the listed plugins' receivers in each build."""

import ast
import logging
import subprocess
import sys
from types import SimpleNamespace

from blinker import Namespace

from plugins.engine import build
from tests.conftest import FIXTURES, ROOT

_signals = Namespace()


def _pelican(*plugins: str) -> SimpleNamespace:
    return SimpleNamespace(settings={"PLUGINS": list(plugins)})


def test_a_build_runs_only_the_receivers_of_the_plugins_it_lists():
    ping = _signals.signal("ping")
    heard = []

    def on_a(sender):
        heard.append("a")

    def on_b(sender):
        heard.append("b")

    build.register("test.a", [(ping, on_a)])
    build.register("test.b", [(ping, on_b)])
    try:
        build._on_initialized(_pelican("test.a", "test.b"))
        ping.send(None)
        assert heard == ["a", "b"]
        # the next build lists only b: a's receivers are gone, with no guard in them
        heard.clear()
        build._on_initialized(_pelican("test.b"))
        ping.send(None)
        assert heard == ["b"]
        # a plugin listed again is registered again by Pelican (register() each build)
        build.register("test.a", [(ping, on_a)])
        last = _pelican("test.a")
        build._on_initialized(last)
        heard.clear()
        ping.send(None)
        assert heard == ["a"]
        build.current(last.settings).close()  # as Pelican's finalized ends it (phases.py)
    finally:
        for name in ("test.a", "test.b"):
            for signal, receiver in build._connected.pop(name, []):
                signal.disconnect(receiver)


def test_each_build_has_its_own_state_and_closes_the_last_one():
    first, second = _pelican("x"), _pelican("x")
    closed = []
    build._on_initialized(first)
    state = build.current(first.settings).state("plugins.x")
    state.running = "pagefind"
    build.current(first.settings).on_close(lambda: closed.append("first"))
    assert build.current(first.settings).state("plugins.x").running == "pagefind"
    build._on_initialized(second)
    assert closed == ["first"]  # what the first build started does not outlive it
    assert not hasattr(build.current(second.settings).state("plugins.x"), "running")


def test_a_setting_set_for_one_build_is_put_back_when_it_closes():
    settings = {"PLUGINS": ["x"], "POSTS_SAVE_AS": "posts/index.html"}
    this = build.Build(settings)
    this.set_for_build("POSTS_SAVE_AS", "")
    this.set_for_build("POSTS_SAVE_AS", "")  # said twice (posts, then every page): kept once
    this.set_for_build("NEW_KEY", 1)
    assert (settings["POSTS_SAVE_AS"], settings["NEW_KEY"]) == ("", 1)
    this.close()
    assert settings == {"PLUGINS": ["x"], "POSTS_SAVE_AS": "posts/index.html"}


def test_a_stock_build_after_ours_in_one_process_runs_none_of_our_receivers(tmp_path):
    """Pelican with no plugins, after a build with all of ours, in the same process."""
    script = f"""
import sys
from pelican import Pelican
from pelican.settings import read_settings
content = {str(FIXTURES / "site")!r}
ours = read_settings("pelicanconf.py", override={{"PATH": content,
    "OUTPUT_PATH": {str(tmp_path / "ours")!r}, "SITEURL": ""}})
Pelican(ours).run()
stock = read_settings(None, override={{"PATH": content, "OUTPUT_PATH": {str(tmp_path / "stock")!r},
    "PLUGINS": [], "ARTICLE_PATHS": ["posts"], "PAGE_PATHS": ["pages"]}})
Pelican(stock).run()
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "ours" / "search" / "index.html").exists()
    stock = tmp_path / "stock"
    assert not (stock / "search").exists()  # search's initialized did not add its page
    assert not (stock / "team").exists() and not (stock / "sitemap.xml").exists()
    assert "Settings error" not in result.stdout + result.stderr


ORPHANS = {
    "a.md": "Title: Alpha\nDate: 2025-01-01\nSlug: alpha\nLang: fr\nTranslation: true\n\nUn.\n",
    "b.md": "Title: Alpha\nDate: 2025-01-01\nSlug: alpha\nLang: de\nTranslation: true\n\nEins.\n",
}
PELICANS_LINE = 'All items ("2") "with slug "alpha"" are translations'
OURS_LINE = "says Translation: true"


def _run(script: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_importing_a_module_of_ours_leaves_a_stock_build_stock(tmp_path):
    """A pure module imported (tasks.py's team-stubs does), then Pelican with no plugins: its
    own line for a group of translations, none of the engine's (nothing connected on import)."""
    for name, text in ORPHANS.items():
        (tmp_path / "content").mkdir(exist_ok=True)
        (tmp_path / "content" / name).write_text(text)
    script = f"""
import logging
from plugins.team import people
from pelican import Pelican
from pelican.settings import read_settings
for name in ("pelican.utils", "pelican.contents", "pelican.urlwrappers", ""):
    logger = logging.getLogger(name)
    ours = [f for f in [*logger.filters, *logger.handlers] if "plugins" in type(f).__module__]
    print("ADDED ON IMPORT", name, ours)
stock = read_settings(None, override={{"PATH": {str(tmp_path / "content")!r},
    "OUTPUT_PATH": {str(tmp_path / "out")!r}, "PLUGINS": [], "SITEURL": "",
    "LOAD_CONTENT_CACHE": False}})
Pelican(stock).run()
"""
    result = _run(script)
    said = result.stdout + result.stderr
    assert result.returncode == 0, said
    assert PELICANS_LINE in said
    assert OURS_LINE not in said
    assert [line for line in said.splitlines() if line.startswith("ADDED")] == [
        f"ADDED ON IMPORT {name} []"
        for name in ("pelican.utils", "pelican.contents", "pelican.urlwrappers", "")
    ]


def test_a_build_of_ours_leaves_no_filter_or_handler_and_a_stock_build_after_it_is_stock(
    tmp_path,
):
    """After one of our builds, no logging filter or handler of ours stays on any logger, and
    a build with no plugins in the same process says what Pelican alone says."""
    for name, text in ORPHANS.items():
        (tmp_path / "content").mkdir(exist_ok=True)
        (tmp_path / "content" / name).write_text(text)
    script = f"""
import logging
from pelican import Pelican
from pelican.settings import read_settings

def attached():
    found = []
    for name in ["", *logging.root.manager.loggerDict]:
        logger = logging.getLogger(name)
        if isinstance(logger, logging.Logger):
            found += [(name, type(f).__module__) for f in [*logger.filters, *logger.handlers]]
    return sorted(found)

before = attached()
ours = read_settings("pelicanconf.py", override={{"PATH": {str(FIXTURES / "site")!r},
    "OUTPUT_PATH": {str(tmp_path / "ours")!r}, "CACHE_PATH": {str(tmp_path / "cache")!r},
    "SITEURL": ""}})
Pelican(ours).run()
left = [found for found in attached() if found not in before and found[1].startswith("plugins")]
assert left == [], left
print("OURS DONE", flush=True)
stock = read_settings(None, override={{"PATH": {str(tmp_path / "content")!r},
    "OUTPUT_PATH": {str(tmp_path / "stock")!r}, "PLUGINS": [], "SITEURL": "",
    "LOAD_CONTENT_CACHE": False}})
Pelican(stock).run()
"""
    result = _run(script)
    said = result.stdout + result.stderr
    assert result.returncode == 0, said
    stock = said.split("OURS DONE", 1)[1]
    assert PELICANS_LINE in stock
    assert OURS_LINE not in stock


def test_each_plugin_keeps_its_state_under_its_package_name():
    """``state(plugin)`` is keyed by the package name (``plugins.i18n``), as ``register`` is:
    a name written out is the package of the module that writes it."""
    found = []
    for path in sorted((ROOT / "plugins").rglob("*.py")):
        package = ".".join(path.relative_to(ROOT).parent.parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "state"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and node.args[0].value != package
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.args[0].value!r}")
    assert found == []


# loggers named in plugins/ that no build's writer reads: Isso's server (its own process),
# Pelican's (the engine filters them) and Python's warnings (warnings only)
NOT_A_BUILD_S = {"comments.wsgi", "pelican", "pelican.cache", "pelican.utils", "py.warnings"}


def _logger_names() -> set[str]:
    """Every logger a module under plugins/ names: getLogger(__name__) or a string."""
    names = set()
    for path in (ROOT / "plugins").rglob("*.py"):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "getLogger":
                given = node.args[0] if node.args else None
                if isinstance(given, ast.Name) and given.id == "__name__":
                    names.add(module)
                elif isinstance(given, ast.Constant) and isinstance(given.value, str):
                    names.add(given.value)
    return names - NOT_A_BUILD_S


_levels: dict[str, bool] = {}


def _record_levels(generator) -> None:
    for name in _logger_names():
        _levels[name] = logging.getLogger(name).isEnabledFor(logging.INFO)


def test_every_logger_of_our_plugins_is_heard_in_a_build(build_site):
    """fastbuild's "incremental builds need the accelerations: a full build" never showed in
    `make serve` (or `make build`): only loggers that raised themselves were heard at
    Pelican's level (warnings). Now every logger our plugins name is, during a build with
    pelicanconf.py (serve's settings), so a new plugin's info lines are not lost."""
    from pelican import signals

    assert "plugins.fastbuild.signals" in _logger_names()
    signals.article_generator_finalized.connect(_record_levels)
    try:
        build_site(fixture="site")
    finally:
        signals.article_generator_finalized.disconnect(_record_levels)
    assert {name for name, heard in _levels.items() if not heard} == set()
    assert set(_levels) == _logger_names()
    # the build over: a stock build in this process hears them no more
    assert not logging.getLogger("plugins.fastbuild.signals").isEnabledFor(logging.INFO)


def test_a_build_knows_the_processes_it_forked_from_its_own():
    # what the build holds to its end (blogcore's folds) is held in the build's own process
    # only: held in a reading worker, a line died with the worker
    from plugins.engine.forks import in_forks

    this = build.Build({"PATH": "content"})
    assert not this.in_a_worker()
    assert [result for _, result in in_forks(lambda _slot: this.in_a_worker(), 3)] == [
        False,
        True,
        True,
    ]
