"""Stable fingerprints of build inputs: files, settings and content objects' public fields."""

import dataclasses
import datetime
import hashlib
import io
import os
import pickle
import sys
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
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            kind.__name__,
            tuple(
                [
                    (f.name, stable(getattr(value, f.name), refer, depth + 1))
                    for f in dataclasses.fields(value)
                ]
            ),
        )
    if hasattr(value, "__dict__") and not callable(value):
        return (kind.__name__, public_fields(vars(value), refer, depth + 1))
    return ("repr", repr(value))


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
