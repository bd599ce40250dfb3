"""Where a setting got its value: the line of the settings file whose assignment wins (pure).

Pelican loads one settings file (``-s pelicanconf.py`` or ``publishconf.py``) and takes every
upper-case name it ends with; ``publishconf.py`` starts with ``from pelicanconf import *`` and
then overrides some. The assignment that wins is the last statement of the file loaded that
binds the name: one of its own, or a ``from X import *`` (``from X import NAME``) of a file
beside it, in which the same question is asked again. Found by reading the files with ``ast``,
never by running them. ``-e``/``--extra-settings`` overrides every file.
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path

# the names a message is about: settings are written in upper case (TIMEZONE, SERIES_PATH)
_NAME = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\b")


@dataclass(frozen=True)
class Assignment:
    """The statement that gave a setting its value."""

    path: Path
    line: int
    environ: str = ""  # the environment variable the value is read from, if it is
    # where it runs in the file loaded: the line there, then (for a file it imports from, at
    # that line's import) the line in that file
    runs_at: tuple[int, ...] = dataclasses.field(default=(), compare=False)
    # the string it gives, when it gives one as it is (``STATIC_PATHS = "images"``)
    text: str | None = dataclasses.field(default=None, compare=False)


def setting_in(message: str, names) -> str | None:
    """The first setting a message names (one of ``names``), or None."""
    return next((word for word in _NAME.findall(message) if word in names), None)


def assignment(path: str | os.PathLike, name: str) -> Assignment | None:
    """The statement of this settings file (or of a file it imports from) that sets name last;
    None when neither sets it or a file does not parse."""
    return _last_binding(Path(path), name, set())


def _last_binding(path: Path, name: str, seen: set[Path]) -> Assignment | None:
    path = path.absolute()  # as the build names it (a link is not followed)
    tree = _tree(path, seen)
    if tree is None:
        return None
    found = None
    for node in _statements(tree.body):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if any(alias.name in ("*", name) and alias.asname is None for alias in node.names):
                source = path.parent.joinpath(*node.module.split(".")).with_suffix(".py")
                inner = _last_binding(source, name, seen)
                found = (
                    dataclasses.replace(inner, runs_at=(node.lineno, *inner.runs_at))
                    if inner
                    else found
                )
        elif name in _bound(node):
            value = getattr(node, "value", None)
            text = value.value if isinstance(node, ast.Assign) and _is_text(value) else None
            environ = _environ(value) if value else ""
            found = Assignment(path, node.lineno, environ, (node.lineno,), text)
    return found


def _is_text(value: ast.expr | None) -> bool:
    return isinstance(value, ast.Constant) and isinstance(value.value, str)


def in_file_order(path: str | os.PathLike, names) -> list[str]:
    """names in the order the settings file sets them (a name a file it imports from sets, at
    that import); those it does not set last, as given."""
    found = {name: assignment(path, name) for name in names}
    last = (float("inf"),)
    return sorted(names, key=lambda name: found[name].runs_at if found[name] else last)


def names_set(path: str | os.PathLike) -> set[str]:
    """Every name a settings file (and the files it imports from) sets: read once, where
    ``assignment`` reads the files again for each name."""
    return _names_set(Path(path), set())


def _names_set(path: Path, seen: set[Path]) -> set[str]:
    tree = _tree(path, seen)
    if tree is None:
        return set()
    found: set[str] = set()
    for node in _statements(tree.body):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            source = path.parent.joinpath(*node.module.split(".")).with_suffix(".py")
            if any(alias.name == "*" for alias in node.names):
                found |= _names_set(source, seen)
            found |= {a.name for a in node.names if a.name != "*" and a.asname is None}
        found |= _bound(node)
    return found


def strings_set(path: str | os.PathLike, name: str) -> list[tuple[str, Assignment]]:
    """Every string a settings file (and the files it imports from) writes into a setting,
    each with its statement: ``PLUGINS = [...]``, ``PLUGINS += [...]``,
    ``PLUGINS.append(...)``, from the last ``PLUGINS = [...]`` at the file's top level on.
    What the build was given, as written (Pelican keeps in ``PLUGINS`` only the plugins it
    could load)."""
    return _strings_set(Path(path), name, set())


def _strings_set(path: Path, name: str, seen: set[Path]) -> list[tuple[str, Assignment]]:
    path = path.absolute()
    tree = _tree(path, seen)
    if tree is None:
        return []
    found: list[tuple[str, Assignment]] = []
    top = {id(node) for node in tree.body}
    for node in _statements(tree.body):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if any(alias.name in ("*", name) and alias.asname is None for alias in node.names):
                source = path.parent.joinpath(*node.module.split(".")).with_suffix(".py")
                found += _strings_set(source, name, seen)
            continue
        call = node.value if isinstance(node, ast.Expr) else None
        if isinstance(call, ast.Call) and _calls_method_of(call, name):
            values = call.args
        elif name in _bound(node):
            values = [getattr(node, "value", None)]
            if id(node) in top and _replaces(node, name):
                # the old site's settings pasted at the end (docs/adopting.md): their
                # PLUGINS = [...] is the list the build is given, not the sample's above it
                found = []
        else:
            continue
        where = Assignment(path, node.lineno)
        found += [(text, where) for value in values for text in _listed(value)]
    return found


def _replaces(node: ast.stmt, name: str) -> bool:
    """Whether a statement gives ``name`` a new value built without its old one
    (``NAME = [...]``, not ``NAME = NAME + [...]`` nor ``NAME += [...]``)."""
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, ast.AnnAssign) and node.value is not None:
        targets = [node.target]
    else:
        return False
    if not any(isinstance(target, ast.Name) and target.id == name for target in targets):
        return False
    return not any(isinstance(part, ast.Name) and part.id == name for part in ast.walk(node.value))


def _calls_method_of(call: ast.Call, name: str) -> bool:
    """``NAME.append(…)``, ``NAME.extend(…)``, ``NAME.insert(…)``."""
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id == name
        and func.attr in ("append", "extend", "insert")
    )


def _listed(value: ast.expr | None) -> list[str]:
    """The strings an expression lists as they are: ``["a", "b"]``, ``X + ["c"]``, ``("d",)``;
    none of those it builds (a comprehension, an f-string, a call)."""
    if _is_text(value):
        return [value.value]
    if isinstance(value, ast.List | ast.Tuple | ast.Set):
        return [text for item in value.elts for text in _listed(item)]
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
        return _listed(value.left) + _listed(value.right)
    if isinstance(value, ast.Starred):
        return _listed(value.value)
    return []


def _tree(path: Path, seen: set[Path]) -> ast.Module | None:
    """A settings file's statements, once per walk (``seen``); None when it was read already
    or does not parse."""
    if path.resolve() in seen:
        return None
    seen.add(path.resolve())
    try:
        stat = path.stat()
    except OSError:
        return None
    return _parsed(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=16)
def _parsed(path: str, mtime_ns: int, size: int) -> ast.Module | None:
    """A settings file parsed, once while it is unchanged: a build asks about a dozen names
    of the same file (read only, never changed)."""
    try:
        return ast.parse(Path(path).read_text(encoding="utf-8"), path)
    except (OSError, SyntaxError, ValueError, UnicodeDecodeError):
        return None


def _statements(body: list[ast.stmt]):
    """Every statement run at the module's level, in order (inside if/try/with/for too)."""
    for node in body:
        yield node
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            continue
        for field in ("body", "orelse", "finalbody"):
            yield from _statements(getattr(node, field, None) or [])
        for handler in getattr(node, "handlers", None) or []:
            yield from _statements(handler.body)


def _bound(node: ast.stmt) -> set[str]:
    """The names a statement sets or changes (``X = …``, ``X += …``, ``X["k"] = …``)."""
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, ast.AugAssign | ast.AnnAssign):
        targets = [node.target]
    else:
        return set()
    names = set()
    for target in targets:
        for part in ast.walk(target):
            if isinstance(part, ast.Name):
                names.add(part.id)
    return names


def _environ(value: ast.expr) -> str:
    """The variable an expression reads from the environment: ``os.environ.get("X", …)``,
    ``os.environ["X"]``, ``os.getenv("X")``; "" when it reads none."""
    for part in ast.walk(value):
        key = None
        if isinstance(part, ast.Call) and part.args:
            func = part.func
            if isinstance(func, ast.Attribute) and (
                func.attr == "getenv" or (func.attr == "get" and _is_environ(func.value))
            ):
                key = part.args[0]
        elif isinstance(part, ast.Subscript) and _is_environ(part.value):
            key = part.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            return key.value
    return ""


def _is_environ(node: ast.expr) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "environ") or (
        isinstance(node, ast.Name) and node.id == "environ"
    )


def shown(path: str | os.PathLike) -> str:
    """A settings file as a line names it: relative to the working folder when inside it."""
    path = os.path.abspath(path)
    here = os.getcwd()
    return os.path.relpath(path, here) if path.startswith(here + os.sep) else path


@dataclass(frozen=True)
class Source:
    """Where a setting's value came from, for a line to word: ``given`` ("given with
    -e/--extra-settings", "given on Pelican's command line"), else the assignment that wins
    (``found``), else neither (its default, or Pelican's)."""

    given: str = ""
    found: Assignment | None = None

    def environ(self) -> str:
        """What the winning line reads from the environment: "from the environment variable
        SITEURL", "the line's default: the environment variable SITEURL is not set", or ""."""
        variable = self.found.environ if self.found else ""
        if not variable:
            return ""
        if variable in os.environ:
            return f"from the environment variable {variable}"
        # the line's own default: "from the environment" sent one looking there
        return f"the line's default: the environment variable {variable} is not set"


def source(
    key: str | None,
    settings_file: str | None,
    extra: frozenset[str],
    options: frozenset[str] = frozenset(),
) -> Source:
    """Where the setting ``key`` got its value: ``-e`` (``extra``), an option of Pelican's
    command line (``options``: -o sets OUTPUT_PATH), else the settings file's line."""
    if key is not None and key in extra:
        return Source(given="given with -e/--extra-settings")
    if key is not None and key in options:
        return Source(given="given on Pelican's command line")
    return Source(found=assignment(settings_file, key) if settings_file and key else None)


def set_at(
    key: str,
    settings_file: str | None,
    extra: frozenset[str],
    options: frozenset[str] = frozenset(),
) -> str:
    """``source`` as words for a line about something else that the setting decides (a file's
    line: ``write ARTICLE_URL without {series} (pelicanconf.py line 251)``): "given with
    -e/--extra-settings", "pelicanconf.py line 251", "" when no settings file sets it."""
    found = source(key, settings_file, extra, options)
    if found.given or found.found is None:
        return found.given
    environ = found.environ()
    return f"{shown(found.found.path)} line {found.found.line}" + (
        f", {environ}" if environ else ""
    )


def located(
    message: str,
    key: str | None,
    settings_file: str | None,
    extra: frozenset[str],
    options: frozenset[str] = frozenset(),
) -> str:
    """One settings problem as one line naming where the setting was set (``source``).

    ``pelicanconf.py: line 40: TIMEZONE must be …`` (the winning assignment; ``… (from the
    environment variable SITEURL)`` when that line reads it from there, ``… (the line's
    default: the environment variable SITEURL is not set)`` when it would);
    ``Settings error: … (X given with -e/--extra-settings)`` for a name in ``extra``, ``(X
    given on Pelican's command line)`` for one an option sets (``-o``: OUTPUT_PATH); the
    settings file alone when no file sets the setting the message is about;
    ``Settings error: …`` when the settings file is not known (a build run by code, not by
    Pelican's command line).
    """
    found = source(key, settings_file, extra, options)
    if found.given:
        return f"Settings error: {message} ({key} {found.given})"
    if not settings_file:
        return f"Settings error: {message}"
    if found.found is None:
        return f"{shown(settings_file)}: {message}"
    environ = found.environ()
    return f"{shown(found.found.path)}: line {found.found.line}: {message}" + (
        f" ({environ})" if environ else ""
    )
