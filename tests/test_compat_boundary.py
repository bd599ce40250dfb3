"""Private internals of other libraries are used only behind the plugins' compat.py modules.

The project's rule: stay on the public surface of Pelican, Python-Markdown, Jinja2 (and the
standard library); where a measured gain needs a private internal, it goes in a compat.py,
version-guarded, with the stock path always working. This test reads every module under
plugins/ (compat.py files apart) and reports, by file and line:

- ``from lib import _private``, ``import lib._private``, ``from lib._private import x``;
- ``obj._private`` (read, written, ``getattr``/``setattr``/``hasattr`` with the name as a
  string) when ``obj`` is not ``self``/``cls``/one of our own modules and no code of ours
  defines that name;
- in a class that inherits from another library's class: ``self._x``, ``super()._x`` or a
  method ``_x`` where ``_x`` is a name the library's classes define or use on ``self``
  (overriding or reading its internals);
- any name-mangled name (``_Class__name``) written out;
- assignment to ``__class__``;
- assignment to an attribute of an imported library module or class (``Content.content =``).

The table at the end shows what is flagged and what is not, so the checker itself is tested.
"""

import ast
import importlib
import inspect
import re
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLUGINS = ROOT / "plugins"
OURS = frozenset(
    {"plugins", "bench", "sitecheck", "tests", "tasks"}
    | {p.name for p in PLUGINS.iterdir() if p.is_dir()}
)
MANGLED = re.compile(r"^_[A-Za-z0-9]\w*__\w+$")
# underscore names that their libraries document as public
DOCUMENTED = {("os", "_exit"), ("sys", "_getframe")}
# library attributes their documentation says a program may set
DOCUMENTED_WRITABLE = {("sys", "argv"), ("warnings", "showwarning")}
NAMEDTUPLE_API = frozenset({"_replace", "_asdict", "_fields", "_make", "_field_defaults"})
NAME_FUNCTIONS = frozenset({"getattr", "setattr", "hasattr", "delattr"})


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _ours(module: str | None, level: int = 0) -> bool:
    return level > 0 or (module or "").split(".")[0] in OURS


@cache
def _used_on_self(module_name: str) -> frozenset[str]:
    """Private names a library module's code reads or writes on ``self``/``cls``."""
    try:
        tree = ast.parse(inspect.getsource(sys.modules[module_name]))
    except (KeyError, OSError, TypeError, SyntaxError):
        return frozenset()
    return frozenset(
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and _private(node.attr)
        and isinstance(node.value, ast.Name)
        and node.value.id in ("self", "cls")
    )


def _library_privates(cls: type) -> frozenset[str]:
    """Private names of a library class: defined on it or its bases, or used on self there."""
    names: set[str] = set()
    for klass in cls.__mro__:
        if klass is object or _ours(klass.__module__):
            continue
        names |= {n for n in vars(klass) if _private(n)}
        names |= _used_on_self(klass.__module__)
    return frozenset(names)


class Checker(ast.NodeVisitor):
    """Collects the uses of private internals in one module's tree."""

    def __init__(self, own_names: frozenset[str], package: str | None = None) -> None:
        self.own_names = own_names  # private names our own code defines
        self.package = package  # the module's package (plugins.fastbuild), for its imports
        self.found: list[tuple[int, str]] = []
        self.imported: dict[str, tuple[str, str | None]] = {}  # name -> (module, attribute)
        self.own_classes: dict[str, tuple[str, str]] = {}  # imported from our modules
        self.own_modules: set[str] = set()
        self.classes: dict[str, frozenset[str]] = {}  # our classes -> library privates
        self.inherited: list[frozenset[str]] = [frozenset()]  # of the class being read

    def flag(self, node: ast.AST, message: str) -> None:
        self.found.append((getattr(node, "lineno", 0), message))

    # imports
    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            bound = alias.asname or alias.name.split(".")[0]
            if _ours(alias.name):
                self.own_modules.add(bound)
                continue
            if any(_private(part) for part in alias.name.split(".")):
                self.flag(node, f"imports private module {alias.name}")
            self.imported[bound] = (alias.name if alias.asname else bound, None)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if _ours(node.module, node.level):
            for alias in node.names:
                self.own_modules.add(alias.asname or alias.name)
                if node.level and self.package:  # a class of ours may extend a library's
                    base = self.package.rsplit(".", node.level - 1)[0]
                    module = f"{base}.{node.module}" if node.module else base
                    self.own_classes[alias.asname or alias.name] = (module, alias.name)
            return
        module = node.module or ""
        if any(_private(part) for part in module.split(".")):
            self.flag(node, f"imports from private module {module}")
        for alias in node.names:
            if _private(alias.name):
                self.flag(node, f"imports private {module}.{alias.name}")
            self.imported[alias.asname or alias.name] = (module, alias.name)

    # classes: what a library base class keeps to itself
    def _resolve(self, base: ast.expr) -> type | None:
        parts: list[str] = []
        while isinstance(base, ast.Attribute):
            parts.insert(0, base.attr)
            base = base.value
        if not isinstance(base, ast.Name) or base.id not in self.imported:
            return None
        module, attribute = self.imported[base.id]
        try:
            value = importlib.import_module(module)
            for part in ([attribute] if attribute else []) + parts:
                value = getattr(value, part)
        except (ImportError, AttributeError):
            try:  # `from package import module`
                value = importlib.import_module(f"{module}.{attribute}")
                for part in parts:
                    value = getattr(value, part)
            except (ImportError, AttributeError):
                return None
        return value if isinstance(value, type) else None

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        privates: set[str] = set()
        for base in node.bases:
            if isinstance(base, ast.Name) and base.id in self.classes:
                privates |= self.classes[base.id]
                continue
            resolved = self._resolve(base)
            if resolved is None and isinstance(base, ast.Name) and base.id in self.own_classes:
                module, name = self.own_classes[base.id]
                try:
                    resolved = getattr(importlib.import_module(module), name)
                except (ImportError, AttributeError):
                    resolved = None
            if isinstance(resolved, type):
                privates |= _library_privates(resolved)
        self.classes[node.name] = frozenset(privates)
        self.inherited.append(frozenset(privates))
        for item in node.body:
            if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and item.name in privates:
                self.flag(item, f"overrides private {item.name} of a library class")
        self.generic_visit(node)
        self.inherited.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        if MANGLED.match(node.name):
            self.flag(node, f"defines name-mangled {node.name}")
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    # attributes
    def _check_attribute(self, node: ast.AST, owner: ast.expr, name: str) -> None:
        if MANGLED.match(name):
            self.flag(node, f"uses name-mangled {name}")
            return
        if not _private(name) or name in NAMEDTUPLE_API:
            return
        if isinstance(owner, ast.Name) and owner.id in ("self", "cls"):
            if name in self.inherited[-1]:
                self.flag(node, f"uses private {name} of a library base class")
            return
        if (
            isinstance(owner, ast.Call)
            and isinstance(owner.func, ast.Name)
            and owner.func.id == "super"
        ):
            if name in self.inherited[-1] or name not in self.own_names:
                self.flag(node, f"uses private super().{name}")
            return
        if isinstance(owner, ast.Name):
            if owner.id in self.own_modules:
                return
            if owner.id in self.imported:
                module, attribute = self.imported[owner.id]
                if (module, name) in DOCUMENTED and attribute is None:
                    return
                self.flag(node, f"uses private {owner.id}.{name}")
                return
        if name not in self.own_names:
            self.flag(node, f"uses private attribute {name} of an object not ours")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        self._check_attribute(node, node.value, node.attr)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if (
            isinstance(func, ast.Name)
            and func.id in NAME_FUNCTIONS
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            name = node.args[1].value
            if name == "__class__" and func.id == "setattr":
                self.flag(node, "assigns __class__")
            else:
                self._check_attribute(node, node.args[0], name)
            if func.id in ("setattr", "delattr"):
                self._check_target(node, node.args[0], name)
        self.generic_visit(node)

    # assignments
    def _check_target(self, node: ast.AST, owner: ast.expr, name: str = "") -> None:
        """An attribute of an imported library module or class must not be replaced."""
        if isinstance(owner, ast.Name) and (owner.id, name) in DOCUMENTED_WRITABLE:
            return
        while isinstance(owner, ast.Attribute):
            owner = owner.value
        if isinstance(owner, ast.Name) and owner.id in self.imported:
            self.flag(node, f"assigns an attribute of library object {owner.id}")

    def _targets(self, node: ast.AST, targets: list[ast.expr]) -> None:
        for target in targets:
            for part in ast.walk(target):
                if isinstance(part, ast.Attribute):
                    if part.attr == "__class__":
                        self.flag(node, "assigns __class__")
                    if part is target or isinstance(target, ast.Tuple | ast.List):
                        self._check_target(node, part.value, part.attr)

    def visit_Assign(self, node: ast.Assign) -> None:
        self._targets(node, node.targets)
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self._targets(node, [node.target])
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self._targets(node, [node.target])
        self.generic_visit(node)

    def visit_Delete(self, node: ast.Delete) -> None:
        self._targets(node, node.targets)
        self.generic_visit(node)


def defined_names(tree: ast.AST) -> set[str]:
    """Private names our code defines: functions, classes, class attributes, self._x = ..."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            for part in ast.walk(target):
                if isinstance(part, ast.Name):
                    names.add(part.id)
                elif (
                    isinstance(part, ast.Attribute)
                    and isinstance(part.value, ast.Name)
                    and part.value.id in ("self", "cls")
                ):
                    names.add(part.attr)
    return {name for name in names if _private(name)}


def check(
    source: str, own_names: frozenset[str] | None = None, package: str | None = None
) -> list[tuple[int, str]]:
    """Every use of a private internal in one module's source, as (line, what)."""
    tree = ast.parse(source)
    names = frozenset(defined_names(tree)) if own_names is None else own_names
    checker = Checker(names, package)
    checker.visit(tree)
    return checker.found


def _modules() -> list[Path]:
    return sorted(p for p in PLUGINS.rglob("*.py") if p.name != "compat.py")


def _package(path: Path) -> str:
    """plugins/fastbuild/writer.py -> plugins.fastbuild"""
    return ".".join(path.relative_to(ROOT).parent.parts)


@cache
def _own_names() -> frozenset[str]:
    names: set[str] = set()
    for path in sorted(PLUGINS.rglob("*.py")):
        names |= defined_names(ast.parse(path.read_text(encoding="utf-8")))
    return frozenset(names)


def test_no_private_internals_outside_compat():
    """Outside compat.py, no module of ours touches another library's internals."""
    found = [
        f"{path.relative_to(ROOT)}:{line}: {message}"
        for path in _modules()
        for line, message in check(path.read_text(encoding="utf-8"), _own_names(), _package(path))
    ]
    assert found == [], "private internals outside compat.py:\n" + "\n".join(found)


FLAGGED = [
    "from pelican.readers import _filter_discardable_metadata",
    "from re import _parser",
    "import re._parser as p",
    "from pelican.plugins._utils import load_plugins",
    "def f(readers, p):\n    readers._cache[p] = 1",
    "def f(g):\n    return g.readers._cache",
    "def f(md):\n    return md.preprocessors._priority",
    "def f(c):\n    return c._content",
    "def f(c, h):\n    c._content = h",
    "def f(c):\n    return getattr(c, '_content', '')",
    "def f(h):\n    return getattr(h, '_short_empty_elements', False)",
    "import atexit\natexit._run_exitfuncs()",
    "import os\nos._private_thing()",
    "def f(step, K):\n    step.__class__ = K",
    "def f(step, K):\n    setattr(step, '__class__', K)",
    "from pelican.contents import Content\nContent.content = property(lambda s: 1)",
    "from pelican.contents import Content\nsetattr(Content, 'summary', 1)",
    "import pelican.contents\npelican.contents.Content.summary = 1",
    "import markdown\nmarkdown.Markdown.convert = None",
    "from markdown.treeprocessors import InlineProcessor\n"
    "class Q(InlineProcessor):\n"
    "    def _InlineProcessor__handleInline(self, data, i=0):\n        return data",
    "class Q:\n    def f(self):\n        return self._InlineProcessor__applyPattern",
    "from pelican.writers import Writer\n"
    "class W(Writer):\n    def _create_new_feed(self, *a):\n        return None",
    "from pelican.writers import Writer\n"
    "class W(Writer):\n    def f(self):\n        return super()._add_item_to_the_feed",
    "from pelican.writers import Writer\n"
    "class W(Writer):\n    def f(self):\n        return set(self._written_files)",
    "from pelican.writers import Writer\n"
    "class W(Writer):\n    pass\n"
    "class V(W):\n    def f(self):\n        self._overridden_files |= set()",
    "from pelican.readers import MarkdownReader\n"
    "class R(MarkdownReader):\n    def f(self, m):\n        return self._parse_metadata(m)",
    "from pelican.readers import MarkdownReader\n"
    "class R(MarkdownReader):\n    def f(self):\n        self._md = None",
    "from .compat import FeedEntriesOnce\n"
    "class W(FeedEntriesOnce):\n    def f(self):\n        return self._written_files",
    "from pelican import readers\nclass R(readers.MarkdownReader):\n"
    "    def f(self):\n        return self._source_path",
]

NOT_FLAGGED = [
    "import sys\nsys.argv = ['pelican']",
    "import os\nos._exit(0)",
    "from . import writer\nwriter._tracked(1)",
    "from .writer import _Call\n_Call()",
    "from plugins.fastbuild import writer\nwriter._frozen({})",
    "class A:\n    def __init__(self):\n        self._x = 1\n"
    "    def f(self):\n        return self._x",
    "class A:\n    _x = 1\n    @classmethod\n    def f(cls):\n        return cls._x",
    "def _helper():\n    pass\n_helper()",
    "def f(p):\n    return p._replace(a=1)",
    "def f(c):\n    return c.__class__.__name__",
    "def f(c):\n    return type(c).__name__",
    "class A:\n    def _own(self):\n        pass\ndef f(a: A):\n    return a._own()",
    "from pelican.writers import Writer\n"
    "class W(Writer):\n    def __init__(self, *a):\n        super().__init__(*a)\n"
    "        self._pending = []\n    def f(self):\n        return self._pending",
    "from pelican.contents import Content\ndef f(c: Content):\n    c.override_url = c.url",
    "import logging\nlogger = logging.getLogger(__name__)",
    "from pelican import signals\nsignals.initialized.connect(print)",
    "from . import compat\ncompat.html_of(1)",
]


@pytest.mark.parametrize("source", FLAGGED)
def test_checker_flags(source):
    assert check(source, package="plugins.fastbuild"), source


@pytest.mark.parametrize("source", NOT_FLAGGED)
def test_checker_passes(source):
    assert check(source, package="plugins.fastbuild") == [], source
