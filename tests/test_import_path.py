"""One import path: the plugins are the package ``plugins``, in builds and in tests alike.

A plugin loaded twice (``images`` by Pelican, ``plugins.images`` by a test or another plugin)
is two sets of module state and two copies of every class; these tests make that impossible to
reintroduce without a failing test.
"""

import ast
import sys
from pathlib import Path

import pytest

from pelicanconf import PLUGIN_PATHS, PLUGINS
from tests.conftest import ROOT

PLUGIN_DIR = ROOT / "plugins"
NAMES = sorted(p.name for p in PLUGIN_DIR.iterdir() if (p / "__init__.py").is_file())


def test_the_site_lists_every_plugin_by_its_package_path():
    assert PLUGIN_PATHS == ["."]
    assert all(name.startswith("plugins.") for name in PLUGINS), PLUGINS


def test_a_build_loads_no_plugin_as_a_top_level_module(build_site):
    build_site()
    twins = sorted(name for name in NAMES if name in sys.modules)
    assert twins == [], f"loaded as top-level modules too: {twins}"
    assert "plugins.images" in sys.modules


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.append((node.lineno, str(node.args[0].value)))
    return found


@pytest.mark.parametrize(
    "path",
    sorted([*ROOT.glob("plugins/*/*.py"), *ROOT.glob("tests/**/*.py"), ROOT / "tasks.py"]),
    ids=lambda p: p.relative_to(ROOT).as_posix(),
)
def test_code_imports_plugins_through_the_package(path):
    wrong = [
        f"line {line}: {module}" for line, module in _imports(path) if module.split(".")[0] in NAMES
    ]
    assert wrong == [], f"import plugins.<name>, not <name>: {wrong}"
