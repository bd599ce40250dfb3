"""Stable fingerprints of build inputs: files, settings and content objects' public fields."""

import dataclasses
import datetime
import hashlib
import importlib.util
import io
import os
import pickle
import site
import sys
import sysconfig
from collections.abc import Iterable, Mapping
from typing import Any

_SCALARS = (str, int, float, bool, type(None), bytes)
_EXACT_SCALARS = frozenset(_SCALARS)


def files_digest(paths: Iterable[str]) -> str:
    """Digest of the names and bytes of files (folders are walked, in sorted order)."""
    sha = hashlib.sha256()
    for top in sorted(paths):
        if os.path.isfile(top):
            found = [top]
        else:
            found = sorted(
                os.path.join(folder, name)
                for folder, dirs, names in os.walk(top)
                if "__pycache__" not in folder
                for name in names
            )
        for path in found:
            sha.update(path.encode("utf-8", "surrogateescape") + b"\0")
            try:
                with open(path, "rb") as handle:
                    sha.update(hashlib.sha256(handle.read()).digest())
            except OSError as exc:  # the images plugin names a file the build may not read
                sha.update(f"unreadable {exc.errno}".encode())
    return sha.hexdigest()


def stable(value: Any, refer, depth: int = 0) -> Any:
    """A picklable, comparable stand-in for a value, the same in every build for equal inputs.

    ``refer(value)`` returns a short name for objects that must not be walked into (another
    post: its own fingerprint covers it), or None; it is asked about every value that is not
    a scalar, a list or a tuple. Objects this cannot describe faithfully become their
    ``repr``, which may differ between builds: that costs a re-render, never a stale page.
    """
    kind = type(value)
    if kind in _EXACT_SCALARS or isinstance(value, _SCALARS):
        return value
    if kind is list or kind is tuple:  # plain sequences: never referred to
        if depth > 8:
            return ("deep", kind.__name__)
        return tuple([stable(v, refer, depth + 1) for v in value])
    name = refer(value)
    if name is not None:
        return ("ref", name)
    if depth > 8:
        return ("deep", kind.__name__)
    if isinstance(value, datetime.date | datetime.time):
        return ("date", value.isoformat())
    if isinstance(value, Mapping):
        return tuple(sorted([(str(k), stable(v, refer, depth + 1)) for k, v in value.items()]))
    if isinstance(value, list | tuple):
        return tuple([stable(v, refer, depth + 1) for v in value])
    if isinstance(value, set | frozenset):
        return tuple(sorted([repr(stable(v, refer, depth + 1)) for v in value]))
    names = _dataclass_names(kind)
    if names is not None:
        return (
            kind.__name__,
            tuple([(n, stable(getattr(value, n), refer, depth + 1)) for n in names]),
        )
    if hasattr(value, "__dict__") and not callable(value):
        return (kind.__name__, public_fields(vars(value), refer, depth + 1))
    return ("repr", repr(value))


# by class, for the life of the process: a class's fields are fixed when it is made
_DATACLASS_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _dataclass_names(kind: type) -> tuple[str, ...] | None:
    """The field names of a dataclass's instances, or None for another type (asked once per
    class: ``dataclasses.fields`` on every object was a tenth of the site digest's time)."""
    if kind in _DATACLASS_FIELDS:
        return _DATACLASS_FIELDS[kind]
    names = None
    if dataclasses.is_dataclass(kind) and not issubclass(kind, type):
        names = tuple(f.name for f in dataclasses.fields(kind))
    _DATACLASS_FIELDS[kind] = names
    return names


def public_fields(fields: Mapping[str, Any], refer, depth: int = 0, skip=()) -> tuple:
    """The stable form of an object's public attributes (names not starting with '_')."""
    return tuple(
        [
            (name, stable(value, refer, depth))
            for name, value in sorted(fields.items())
            if not name.startswith("_") and name not in skip
        ]
    )


def digest(value: Any) -> str:
    """A short hex digest of a stable value."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    # No memo: the bytes then depend on the values alone, not on which of them happen to be
    # one object (a string shared by two posts, or two equal copies, pickle alike). Four
    # times as quick as repr() on the fields of a whole site.
    pickler.fast = True
    try:
        pickler.dump(value)
    except (pickle.PicklingError, TypeError, AttributeError, ValueError):
        return hashlib.sha256(repr(value).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return hashlib.sha256(buffer.getbuffer()).hexdigest()[:32]


def installed() -> tuple[str, ...]:
    """What Python and the installed distributions a build runs on are: Python's version and
    the name of every distribution's metadata folder on ``sys.path`` (``Markdown-3.8.dist-info``
    holds its name and version, as the packaging spec sets them), folder by folder in the
    order Python looks in them (the first copy of a package is the one imported).

    A new Pygments, Markdown, Jinja2 or Babel renders an unchanged file otherwise, so an
    incremental build compares it too. The folders' names, not ``importlib.metadata``'s
    versions: the same facts in a third of a millisecond, where reading every distribution's
    METADATA takes some 50 ms of each rebuild.
    """
    found = [sys.version]
    for folder in sys.path:
        try:
            names = os.listdir(folder or os.curdir)
        except OSError:  # not a folder (a zip), or gone
            continue
        found += sorted(n for n in names if n.endswith((".dist-info", ".egg-info")))
    return tuple(found)


def _library_roots() -> tuple[str, ...]:
    """The folders of the standard library and of installed packages (also those a ``.pth``
    file adds to ``sys.path``)."""
    paths = sysconfig.get_paths()
    roots = {paths.get(name) for name in ("stdlib", "platstdlib", "purelib", "platlib")}
    roots.update(site.getsitepackages(), [site.getusersitepackages()])
    roots.update(p for p in sys.path if os.path.basename(p) in ("site-packages", "dist-packages"))
    found = set()
    for root in roots:
        if root:
            found.update({os.path.join(root, ""), os.path.join(os.path.realpath(root), "")})
    return tuple(sorted(found))


def _module_file(name: str) -> str | None:
    """The file a module name would be imported from, without importing it (its parent
    packages are); None for a name that is not found (the build says so when it imports it)."""
    try:
        spec = importlib.util.find_spec(name)
    except Exception:  # a parent that does not import, a name that is not one
        return None
    return getattr(spec, "origin", None)


def own_code(skip: Iterable[str] = (), names: Iterable[str] = ()) -> list[str]:
    """The source files of the Python modules loaded now, and of the modules ``names`` (to be
    imported later in the build), that are the site's own: not the standard library's, not an
    installed package's (``installed`` covers those), not under ``skip`` (folders digested
    apart: the plugins').

    That is the settings file (Pelican loads it as a module), what it imports, and so the code
    of every function a setting holds (a ``JINJA_FILTERS`` filter), which the settings' digest
    names but cannot look into; with ``names``, a Markdown extension of the site's own named
    in the settings.
    """
    libraries = _library_roots()
    skipped = tuple(os.path.join(os.path.abspath(s), "") for s in skip)
    files = set()
    paths = [getattr(module, "__file__", None) for module in list(sys.modules.values())]
    for path in [*paths, *(_module_file(name) for name in names)]:
        if not isinstance(path, str) or not path.endswith(".py") or path.startswith(libraries):
            continue
        path = os.path.abspath(path)
        if path.startswith(skipped) or os.path.realpath(path).startswith(libraries):
            continue
        files.add(path)
    return sorted(files)
