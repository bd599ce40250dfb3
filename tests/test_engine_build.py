"""engine.build: one per-build object, and only the listed plugins' receivers in each build."""

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
        build._on_initialized(_pelican("test.a"))
        heard.clear()
        ping.send(None)
        assert heard == ["a"]
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
