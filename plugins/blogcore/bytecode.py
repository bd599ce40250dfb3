"""Jinja's cache of compiled templates, kept between builds in ``CACHE_PATH/jinja``.

Jinja's own ``FileSystemBytecodeCache`` checks an entry against the template's name and
source only. Compiled code holds more than the source, though: autoescaping, the whitespace
options (``trim_blocks``, ``lstrip_blocks``), the delimiters, the extensions' parse output
(the ``memo`` tag, gettext), how each filter and test is called and ``finalize``. An entry
compiled with other options was reused as it was: turning ``autoescape`` on in
``JINJA_ENVIRONMENT`` left a site name with markup unescaped until ``.cache`` was removed.

Here each entry's checksum covers the source and ``compiled_with``: everything of the
environment that shapes the compiled code, read from the environment through Jinja's public
attributes. An entry compiled otherwise is a miss, compiled again and written over (one file
per template, as before). An entry Jinja cannot read back (a file cut short) is a miss too,
not a build stopped by a pickle traceback; a cache folder that cannot be written (a read-only
or full disk) leaves the build going on with one warning. Pure: no Pelican import.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
import sys
import weakref
from collections.abc import Callable
from typing import Any

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


def _named(thing: Any) -> str:
    """module.qualname of a function or class (a bound method: its function's)."""
    thing = getattr(thing, "__func__", thing)
    qualname = getattr(thing, "__qualname__", type(thing).__name__)
    return f"{getattr(thing, '__module__', '')}.{qualname}"


def _source_digest(thing: Any) -> str:
    """The name of a function or class, with a digest of its module's file when the code is
    not Jinja's own (whose version the folder's name carries): an edited extension or
    ``finalize`` compiles templates again."""
    thing = getattr(thing, "__func__", thing)
    name = _named(thing)
    if name.startswith("jinja2."):
        return name
    try:
        path = inspect.getsourcefile(thing if inspect.isclass(thing) else inspect.unwrap(thing))
        with open(path or "", "rb") as handle:
            return f"{name}:{hashlib.sha256(handle.read()).hexdigest()[:16]}"
    except (OSError, TypeError):
        return name


def _pass_arg(func: Callable) -> str:
    """What a filter or test is handed first (``@pass_context`` and the like): the compiled
    call passes it."""
    found = getattr(func, "jinja_pass_arg", None)
    return getattr(found, "name", "") if found is not None else ""


def compiled_with(environment: jinja2.Environment) -> str:
    """Everything of an environment but the template's own name and source that its compiled
    templates depend on, as text (autoescaping, which may depend on the name, apart)."""
    parts = [f"{name}={getattr(environment, name, None)!r}" for name in OPTIONS]
    parts.append(f"code_generator={_named(environment.code_generator_class)}")
    finalize = environment.finalize
    parts.append(f"finalize={_source_digest(finalize) if finalize else None}")
    parts.extend(
        f"extension {key}={_source_digest(type(extension))}/{extension.priority}"
        for key, extension in sorted(environment.extensions.items())
    )
    for kind, table in (("filter", environment.filters), ("test", environment.tests)):
        parts.extend(f"{kind} {name}={_pass_arg(func)}" for name, func in sorted(table.items()))
    binops = sorted(getattr(environment, "intercepted_binops", ()))
    unops = sorted(getattr(environment, "intercepted_unops", ()))
    parts.append(f"intercepted={binops}{unops}")
    return "\n".join(parts)


class NamedBytecodeCache(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates: an entry is reused only for the environment
    options it was compiled with; an unreadable entry is a miss; a write that fails names
    its folder (and leaves the build going on, once said)."""

    def __init__(self, directory: str) -> None:
        super().__init__(directory)
        # per environment (each build makes its own): its extensions' files are read once
        self._compiled_with: weakref.WeakKeyDictionary[jinja2.Environment, str] = (
            weakref.WeakKeyDictionary()
        )
        self._unwritable = False

    def __getstate__(self) -> dict:
        # Pelican pickles the settings (this object among them) into its content cache
        return {**self.__dict__, "_compiled_with": None}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, _compiled_with=weakref.WeakKeyDictionary())

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        options = self._compiled_with.get(environment)
        if options is None:
            options = self._compiled_with[environment] = compiled_with(environment)
        autoescape = environment.autoescape
        escaped = autoescape(name) if callable(autoescape) else autoescape
        checksum = self.get_source_checksum(f"{options}\nautoescape={bool(escaped)}\0{source}")
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
