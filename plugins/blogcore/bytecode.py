"""Jinja's cache of compiled templates, kept between builds in ``CACHE_PATH/jinja``.

Jinja's own ``FileSystemBytecodeCache`` checks an entry against the template's name and
source only. Compiled code holds more than the source, though: autoescaping, the whitespace
options (``trim_blocks``, ``lstrip_blocks``), the delimiters, the extensions' parse output
(the ``memo`` tag, gettext), how each filter and test is called and ``finalize``. An entry
compiled with other options was reused as it was: turning ``autoescape`` on in
``JINJA_ENVIRONMENT`` left a site name with markup unescaped until ``.cache`` was removed.

Here each entry's checksum covers the source and ``compiled_with``: everything of the
environment that shapes the compiled code, read from the environment through Jinja's public
attributes, but how each filter and test is called, which Jinja keeps to itself: that is
asked of the function handed in (``pass_arg``: blogcore's ``compat.filter_pass_arg``).
Jinja's optimizer also calls a filter or test on constant arguments while it compiles
(``"plugins.search" is plugin_enabled``, Pelican's test over ``PLUGINS``) and keeps the
result in the code, so the checksum also covers ``folded_by``: what each filter and test the
template names may answer, its code and the values it holds (a partial's arguments, a
closure's cells). Without it, a build after ``PLUGINS`` lost the search plugin kept linking
every page to a search page no longer written. An entry compiled otherwise is a miss,
compiled again and written over (one file per template, as before). An entry Jinja cannot
read back (a file cut short) is a miss too, not a build stopped by a pickle traceback; a cache
folder that cannot be written (a read-only or full disk) leaves the build going on with one warning.

The folder's name changes with Jinja's and Python's versions (``code_stamp``), so an upgrade
leaves the old folder behind. Each build holds a shared lock on its own folder while it runs
(``hold``) and removes the other stamps' folders no build holds (``prune``): a build still
running with the old versions (another checkout or a ``make serve`` started before the
upgrade, sharing ``CACHE_PATH``) keeps its folder. Pure: no Pelican import.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import inspect
import logging
import os
import re
import shutil
import sys
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import jinja2
from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket

from plugins.engine import files

logger = logging.getLogger(__name__)

# the environment's attributes its lexer, parser and code generator read
OPTIONS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "is_async",
    "sandboxed",
    "newstyle_gettext",  # the i18n extension's: how gettext calls are compiled
)


def code_stamp(versions: tuple[str, ...] = ()) -> str:
    """A short name for the code that compiles templates: Jinja's and Python's versions
    (and any more given): the cache folder's name."""
    text = "\0".join((jinja2.__version__, "{}.{}".format(*sys.version_info[:2]), *versions))
    return hashlib.sha256(text.encode()).hexdigest()[:12]


# a folder code_stamp names; only such folders are pruned, whatever else CACHE_PATH/jinja holds
_STAMP = re.compile(r"[0-9a-f]{12}")
# the file in a stamp's folder that each build using the folder holds a shared lock on
IN_USE = "in-use.lock"


def hold(folder: Path) -> IO[str] | None:
    """Make ``folder`` (a stamp's, under CACHE_PATH/jinja) and hold a shared lock on it until
    the returned file is closed (at the end of the build): ``prune`` leaves it alone then.

    None where nothing can be held (no ``flock`` on this system, a lock file that cannot be
    written): the folder is still used, unguarded. Raises OSError, as ``mkdir`` does, when
    the folder cannot be made.
    """
    try:
        import fcntl
    except ImportError:
        fcntl = None
    for _ in range(3):  # a prune removed the folder between our mkdir and our lock: again
        folder.mkdir(parents=True, exist_ok=True)
        if fcntl is None:
            return None
        try:
            handle = open(folder / IN_USE, "a", encoding="utf-8")  # noqa: SIM115 (kept open)
        except FileNotFoundError:  # pruned since our mkdir
            continue
        except OSError:
            return None
        try:
            fcntl.flock(handle, fcntl.LOCK_SH)  # waits for a prune of this folder to finish
            held, now = os.fstat(handle.fileno()), os.stat(folder / IN_USE)
            if (held.st_dev, held.st_ino) == (now.st_dev, now.st_ino):
                return handle
        except OSError:
            pass
        handle.close()
    return None


def prune(root: Path, keep: str) -> list[str]:
    """Remove the stamps' folders under ``root`` (CACHE_PATH/jinja) other than ``keep`` that
    no build holds (``hold``); the names removed. Anything not named as ``code_stamp`` names
    a folder is left; a folder that cannot be removed now is tried again by the next build.
    Nothing is removed where ``flock`` is missing: a folder in use could not be told."""
    try:
        import fcntl
    except ImportError:
        return []
    try:
        names = sorted(entry.name for entry in os.scandir(root) if entry.is_dir())
    except OSError:
        return []
    removed = []
    for name in names:
        if name == keep or not _STAMP.fullmatch(name):
            continue
        try:
            with open(root / name / IN_USE, "a", encoding="utf-8") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # OSError: a build holds it
                shutil.rmtree(root / name)
        except OSError:
            with contextlib.suppress(OSError):  # what was left: the next build tries again
                os.rmdir(root / name)
            continue
        removed.append(name)
    return removed


def _named(thing: Any) -> str:
    """module.qualname of a function or class (a bound method: its function's)."""
    thing = getattr(thing, "__func__", thing)
    qualname = getattr(thing, "__qualname__", type(thing).__name__)
    return f"{getattr(thing, '__module__', '')}.{qualname}"


# a module file's digest by its path, for one cache object (one build): every generator's
# environment names the same filters and tests, about 20 files asked for 150 times
Digests = dict[str, str]


def _source_digest(thing: Any, digests: Digests | None = None) -> str:
    """The name of a function or class, with a digest of its module's file when the code is
    not Jinja's own (whose version the folder's name carries): an edited extension or
    ``finalize`` compiles templates again. ``digests``: the files' digests made so far, each
    file read once."""
    thing = getattr(thing, "__func__", thing)
    name = _named(thing)
    if name.startswith("jinja2."):
        return name
    try:
        path = inspect.getsourcefile(thing if inspect.isclass(thing) else inspect.unwrap(thing))
        digest = digests.get(path or "") if digests is not None else None
        if digest is None:
            with open(path or "", "rb") as handle:
                digest = hashlib.sha256(handle.read()).hexdigest()[:16]
            if digests is not None:
                digests[path or ""] = digest
        return f"{name}:{digest}"
    except (OSError, TypeError):
        return name


# a value's repr that names a memory address differs in every process: its type stands in
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# what a held value's text may take: a list of plugin names or a site's address, not the
# whole settings or the posts a closure may hold (those are named by their type and size)
_MOST_ITEMS = 64
_LONGEST_REPR = 300


def _held(value: Any, depth: int = 0) -> str:
    """Text for a value a filter or test holds (an argument bound to it, a closure's cell),
    the same in every process for the same value and quick to make: plain values and small
    containers of them in full; callables by name; anything else by its repr when short and
    free of addresses, else by its type (and size)."""
    if isinstance(value, (str, bytes)):
        if len(value) <= 4 * _LONGEST_REPR:
            return repr(value)
        # a digest, not hash(): that differs in every process (PYTHONHASHSEED)
        data = value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
        return f"{type(value).__name__}#{hashlib.sha256(data).hexdigest()[:16]}"
    if isinstance(value, (int, float, bool, type(None))):
        return repr(value)
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        if depth > 2 or len(value) > _MOST_ITEMS:
            return f"{type(value).__name__}[{len(value)}]"
        if isinstance(value, dict):
            items = [f"{_held(k, depth + 1)}: {_held(v, depth + 1)}" for k, v in value.items()]
        else:
            items = [_held(item, depth + 1) for item in value]
        if isinstance(value, (set, frozenset, dict)):
            items.sort()
        return f"{type(value).__name__}[{', '.join(items)}]"
    if callable(value):
        return _named(value)
    shown = repr(value)
    if len(shown) > _LONGEST_REPR or _ADDRESS.search(shown):
        return type(value).__name__
    return shown


def behaviour(func: Callable, digests: Digests | None = None) -> str:
    """What a filter or test answers may depend on: its code (its module file's digest), the
    arguments a ``functools.partial`` binds, a closure's cells, a bound method's or a callable
    object's attributes. ``digests``: as ``_source_digest``'s."""
    if isinstance(func, functools.partial):
        inner = behaviour(func.func, digests)
        return f"partial({inner}, {_held(func.args)}, {_held(func.keywords)})"
    owner = getattr(func, "__self__", None)
    func = inspect.unwrap(getattr(func, "__func__", func))  # functools.cache: the function
    if not inspect.isfunction(func) and not inspect.isbuiltin(func):
        # an object with __call__ (Pelican's DateFormatter): its class and what it holds
        return f"{_source_digest(type(func), digests)}{_held(getattr(func, '__dict__', {}))}"
    cells = []
    for cell in getattr(func, "__closure__", None) or ():  # a builtin has none
        try:
            cells.append(_held(cell.cell_contents))
        except ValueError:  # a cell not filled yet
            cells.append("<empty>")
    bound = owner is not None and not inspect.ismodule(owner) and hasattr(owner, "__dict__")
    held = _held(vars(owner)) if bound else ""
    return f"{_source_digest(func, digests)}[{', '.join(cells)}]{held}"


def foldable(
    environment: jinja2.Environment,
    pass_arg: Callable[[Callable], str],
    digests: Digests | None = None,
) -> dict[str, str]:
    """``behaviour`` of every filter and test Jinja may call while it compiles, by name (a
    filter's and a test's of one name together): all but those handed the render context."""
    found: dict[str, list[str]] = {}
    for kind, table in (("filter", environment.filters), ("test", environment.tests)):
        for name, func in table.items():
            if pass_arg(func) != "context" and not _named(func).startswith("jinja2."):
                found.setdefault(name, []).append(f"{kind}:{behaviour(func, digests)}")
    return {name: " ".join(parts) for name, parts in found.items()}


def folded_by(foldable_now: dict[str, str], source: str) -> str:
    """The behaviour of each foldable filter and test whose name a template's source holds
    (a superset of those its constants were passed to), as text."""
    names = sorted(set(_NAME.findall(source)) & foldable_now.keys())
    return "\n".join(f"{name}={foldable_now[name]}" for name in names)


def compiled_with(
    environment: jinja2.Environment,
    pass_arg: Callable[[Callable], str],
    digests: Digests | None = None,
) -> str:
    """Everything of an environment but the template's own name and source that its compiled
    templates depend on, as text (autoescaping, which may depend on the name, apart).
    ``pass_arg(func)``: what a filter or test is handed first (``@pass_context`` and the
    like), which the compiled call passes."""
    parts = [f"{name}={getattr(environment, name, None)!r}" for name in OPTIONS]
    parts.append(f"code_generator={_named(environment.code_generator_class)}")
    finalize = environment.finalize
    parts.append(f"finalize={_source_digest(finalize, digests) if finalize else None}")
    parts.extend(
        f"extension {key}={_source_digest(type(extension), digests)}/{extension.priority}"
        for key, extension in sorted(environment.extensions.items())
    )
    for kind, table in (("filter", environment.filters), ("test", environment.tests)):
        parts.extend(f"{kind} {name}={pass_arg(func)}" for name, func in sorted(table.items()))
    binops = sorted(getattr(environment, "intercepted_binops", ()))
    unops = sorted(getattr(environment, "intercepted_unops", ()))
    parts.append(f"intercepted={binops}{unops}")
    return "\n".join(parts)


class NamedBytecodeCache(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates: an entry is reused only for the environment
    options it was compiled with; an unreadable entry is a miss; a write that fails names
    its folder (and leaves the build going on, once said)."""

    def __init__(self, directory: str, pass_arg: Callable[[Callable], str]) -> None:
        super().__init__(directory)
        self.pass_arg = pass_arg  # a module's function: it pickles by name, with the settings
        # per environment (each build makes its own): its extensions' files are read once
        self._compiled_with: weakref.WeakKeyDictionary[jinja2.Environment, str] = (
            weakref.WeakKeyDictionary()
        )
        self._foldable: weakref.WeakKeyDictionary[jinja2.Environment, dict[str, str]] = (
            weakref.WeakKeyDictionary()
        )
        # the module files' digests, read once for all of them: blogcore makes one cache
        # object per build, and no plugin's file changes during one
        self._digests: Digests = {}
        self._unwritable = False

    def __getstate__(self) -> dict:
        # Pelican pickles the settings (this object among them) into its content cache
        return {**self.__dict__, "_compiled_with": None, "_foldable": None, "_digests": None}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(
            state,
            _compiled_with=weakref.WeakKeyDictionary(),
            _foldable=weakref.WeakKeyDictionary(),
            _digests={},
        )

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        options = self._compiled_with.get(environment)
        if options is None:
            options = compiled_with(environment, self.pass_arg, self._digests)
            self._compiled_with[environment] = options
            self._foldable[environment] = foldable(environment, self.pass_arg, self._digests)
        folded = folded_by(self._foldable[environment], source)
        autoescape = environment.autoescape
        escaped = autoescape(name) if callable(autoescape) else autoescape
        checksum = self.get_source_checksum(
            f"{options}\nautoescape={bool(escaped)}\n{folded}\0{source}"
        )
        bucket = Bucket(environment, self.get_cache_key(name, filename), checksum)
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a file cut short after its magic (UnpicklingError): compile again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        if self._unwritable:
            return
        try:
            with files.writing(self.directory):
                super().dump_bytecode(bucket)
        except OSError as exc:
            if exc.errno not in files.CANNOT_WRITE:
                raise
            self._unwritable = True  # one line for the build, not one per template
            logger.warning(
                "%s: %s; templates are compiled again in every build until it can be",
                self.directory,
                files.cannot_write(exc, self.directory),
            )
