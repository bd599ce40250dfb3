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
# operator's functions that take attribute names as strings
GETTERS = frozenset({"attrgetter", "methodcaller"})
# calls that hand back a module by its name (a patch through them is a patch all the same)
MODULE_BY_NAME = frozenset({"import_module", "__import__"})


def _constant(node: ast.AST) -> bool:
    """A string written out (an attribute's name given as text)."""
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


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

    def __init__(
        self,
        own_names: frozenset[str],
        package: str | None = None,
        mixed: dict[str, frozenset[str]] | None = None,
    ) -> None:
        self.own_names = own_names  # private names our own code defines
        self.package = package  # the module's package (plugins.fastbuild), for its imports
        # our classes with no library base of their own, mixed into one here (a mixin placed
        # before Pelican's reader among the bases): the library privates they reach on self
        self.mixed = mixed or {}
        self.our_bases: dict[str, list[str]] = {}  # our class -> our classes among its bases
        self.modules_by_name: set[str] = set()  # names bound to import_module(...) and such
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
        privates: set[str] = set(self.mixed.get(node.name, ()))
        self.our_bases[node.name] = []
        for base in node.bases:
            if isinstance(base, ast.Name) and base.id in self.classes:
                privates |= self.classes[base.id]
                self.our_bases[node.name].append(base.id)
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

    def mixed_in(self) -> dict[str, frozenset[str]]:
        """Each class of ours used as a base beside a library's class (a mixin), with the
        library privates of every class it is mixed into: on ``self`` they are the same."""
        found: dict[str, set[str]] = {}
        changed = True
        while changed:
            changed = False
            for cls, bases in self.our_bases.items():
                privates = self.classes.get(cls, frozenset()) | found.get(cls, set())
                for base in bases:
                    before = len(found.setdefault(base, set()))
                    found[base] |= privates
                    changed |= len(found[base]) != before
        return {cls: frozenset(names) for cls, names in found.items() if names}

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
        if isinstance(func, ast.Name) and func.id in ("setattr", "delattr") and node.args:
            name = node.args[1].value if len(node.args) > 1 and _constant(node.args[1]) else ""
            self._check_target(node, node.args[0], name)  # whatever the name, even computed
        getter = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if getter in GETTERS:
            names = [arg.value for arg in node.args if _constant(arg)]
            for name in names[:1] if getter == "methodcaller" else names:
                for part in name.split("."):
                    self._check_attribute(node, node, part)
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        """``vars(x)["_y"]`` and ``x.__dict__["_y"]`` are ``x._y``."""
        owner = None
        value = node.value
        if (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Name)
            and value.func.id == "vars"
            and value.args
        ):
            owner = value.args[0]
        elif isinstance(value, ast.Attribute) and value.attr == "__dict__":
            owner = value.value
        if owner is not None and _constant(node.slice):
            self._check_attribute(node, owner, node.slice.value)
        self.generic_visit(node)

    def _by_name(self, owner: ast.expr) -> bool:
        """Is this a module (or a class in one) reached by its name at run time:
        ``importlib.import_module(...)``, ``sys.modules[...]``, a name bound to either?"""
        if isinstance(owner, ast.Call):
            func = owner.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            return called in MODULE_BY_NAME
        if isinstance(owner, ast.Subscript):
            modules = owner.value
            return (
                isinstance(modules, ast.Attribute)
                and modules.attr == "modules"
                and isinstance(modules.value, ast.Name)
                and modules.value.id == "sys"
            )
        return isinstance(owner, ast.Name) and owner.id in self.modules_by_name

    # assignments
    def _check_target(self, node: ast.AST, owner: ast.expr, name: str = "") -> None:
        """An attribute of an imported library module or class must not be replaced."""
        if isinstance(owner, ast.Name) and (owner.id, name) in DOCUMENTED_WRITABLE:
            return
        while isinstance(owner, ast.Attribute):
            owner = owner.value
        if isinstance(owner, ast.Name) and owner.id in self.imported:
            self.flag(node, f"assigns an attribute of library object {owner.id}")
        elif self._by_name(owner):
            self.flag(node, "assigns an attribute of a module reached by its name")
        elif (
            isinstance(owner, ast.Call)
            and isinstance(owner.func, ast.Name)
            and owner.func.id == "type"
            and not (
                len(owner.args) == 1
                and isinstance(owner.args[0], ast.Name)
                and owner.args[0].id in ("self", "cls")
            )
        ):
            self.flag(node, "assigns an attribute of an object's class (type(x))")

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
        if self._by_name(node.value):
            self.modules_by_name |= {t.id for t in node.targets if isinstance(t, ast.Name)}
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
    mixed = checker.mixed_in()
    if mixed:  # read again, each mixin with the privates of what it is mixed into
        checker = Checker(names, package, mixed)
        checker.visit(tree)
    return checker.found


def _modules() -> list[Path]:
    return sorted(p for p in PLUGINS.rglob("*.py") if p.name != "compat.py")


def _package(path: Path) -> str:
    """plugins/fastbuild/writer.py -> plugins.fastbuild"""
    return ".".join(path.relative_to(ROOT).parent.parts)


@cache
def _own_names(package: str) -> frozenset[str]:
    """Private names this package defines outside its compat.py: a name compat.py overrides
    on a library class (fastbuild's ``_create_new_feed``) is the library's, not ours, and
    one defined in another package is no licence here."""
    names: set[str] = set()
    for path in sorted((ROOT / package.replace(".", "/")).glob("*.py")):
        if path.name != "compat.py":
            names |= defined_names(ast.parse(path.read_text(encoding="utf-8")))
    return frozenset(names)


def test_no_private_internals_outside_compat():
    """Outside compat.py, no module of ours touches another library's internals."""
    found = [
        f"{path.relative_to(ROOT)}:{line}: {message}"
        for path in _modules()
        for line, message in check(
            path.read_text(encoding="utf-8"), _own_names(_package(path)), _package(path)
        )
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
    # a private method that compat.py overrides is still the library's, called from elsewhere
    "def f(writer, feed):\n    return writer._create_new_feed(feed)",
    "def f(writer, feed, item):\n    writer._add_item_to_the_feed(feed, item)",
    # a mixin: no library base of its own, placed beside one
    "from pelican.readers import MarkdownReader\n"
    "class Checks:\n    def f(self):\n        return self._md\n"
    "class R(Checks, MarkdownReader):\n    pass",
    "from pelican.readers import MarkdownReader\n"
    "class Checks:\n    def _parse_metadata(self, meta):\n        return {}\n"
    "class R(Checks, MarkdownReader):\n    pass",
    # patches not written as Lib.attr = ...
    "def f(article):\n    type(article).summary = property(lambda s: 1)",
    "def f(article):\n    setattr(type(article), 'summary', 1)",
    "from pelican.contents import Content\ndef f(name):\n    setattr(Content, name, 1)",
    "import importlib\nimportlib.import_module('pelican.contents').Content.summary = 1",
    "import importlib\nsetattr(importlib.import_module('pelican.contents'), 'x', 1)",
    "import sys\nsys.modules['pelican.contents'].Content.summary = 1",
    "import sys\nsetattr(sys.modules['pelican.contents'], 'Content', None)",
    "import importlib\nm = importlib.import_module('pelican.contents')\nm.Content.summary = 1",
    "import sys\nm = sys.modules['pelican.contents']\nsetattr(m, 'Content', None)",
    "def f(article, h):\n    vars(article)['_content'] = h",
    "def f(article, h):\n    article.__dict__['_content'] = h",
    "def f(article):\n    return vars(article)['_content']",
    "import operator\nget = operator.attrgetter('_content')",
    "from operator import attrgetter\nget = attrgetter('settings', 'x._content')",
    "from operator import methodcaller\ncall = methodcaller('_parse_metadata', {})",
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
    "class A:\n    def f(self):\n        type(self).count = 1",
    "def f(item, key, value):\n    setattr(item, key, value)",
    "def f(article):\n    return vars(article)['title']",
    "from operator import attrgetter\nget = attrgetter('slug', 'lang')",
    "class Checks:\n    def _own(self):\n        return self._x\n"
    "class R(Checks):\n    def __init__(self):\n        self._x = 1",
]


@pytest.mark.parametrize("source", FLAGGED)
def test_checker_flags(source):
    assert check(source, package="plugins.fastbuild"), source


@pytest.mark.parametrize("source", NOT_FLAGGED)
def test_checker_passes(source):
    assert check(source, package="plugins.fastbuild") == [], source


@pytest.mark.parametrize("name", ["_create_new_feed", "_add_item_to_the_feed"])
def test_a_name_compat_overrides_is_no_own_name(name):
    """fastbuild's compat.py overrides these methods of Pelican's Writer: elsewhere in
    fastbuild, a call to them is a call to Pelican's internals all the same."""
    source = f"def f(writer, feed):\n    return writer.{name}(feed)"
    assert name not in _own_names("plugins.fastbuild")
    assert check(source, _own_names("plugins.fastbuild"), "plugins.fastbuild"), source
