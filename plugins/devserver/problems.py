"""A build's warnings and errors, kept from its logging records, for the serve overlay."""

import contextlib
import json
import logging
import os
import re
import sys
import time
import traceback
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from plugins.engine import files, rendering

FILE_NAME = ".build-problems.json"
# "posts/x.md: Status 'drfat' ..." -> "posts/x.md": the file a message names first, by the
# project's convention for messages about content; or a folder ("notes/: 188 files have ...")
_SOURCE = re.compile(r"^(?P<source>[^\s:'\"]+(?:\.[A-Za-z0-9]{1,8}|/)): ")
# a settings problem whose setting no file set (given with -e), or in a build started by code
_SETTINGS = "Settings error: "


def problems(record: logging.LogRecord) -> list[dict[str, str]]:
    """One logging record as the overlay shows it: one problem, or one per line when it says
    several, each a line naming its file (a build stopped by its settings: every wrong
    setting, each at the line of the settings file that set it; plugins/engine/
    settings_errors.py)."""
    lines = record.getMessage().splitlines()
    if (
        len(lines) > 1
        and not record.exc_info
        and all(_SOURCE.match(line) or line.startswith(_SETTINGS) for line in lines)
    ):
        return [
            problem(logging.makeLogRecord({**record.__dict__, "msg": line, "args": None}))
            for line in lines
        ]
    return [problem(record)]


def problem(record: logging.LogRecord) -> dict[str, str]:
    """One logging record as the overlay shows it: level, file (when named) and message."""
    message = record.getMessage()
    source = getattr(record, "source", "")
    if not source:
        match = _SOURCE.match(message)
        if match:
            source, message = match["source"], message[match.end() :]
    error = record.exc_info[1] if record.exc_info else None
    written = files.written(error) if error is not None else None
    if not source and written:
        # the machine's, not the code's: the file it could not write (a copy's destination),
        # with the disk that is full, not the plugin line that wrote it nor the file it copied
        if not os.path.isabs(written):
            # a name inside a folder removed by its descriptor (shutil.rmtree): the folder
            # the message names ("Unable to delete directory /srv/site/output/feeds")
            written = _named_path(record) or written
        source, message = _where_path(written), files.cannot_write(error, written)
    elif not source and isinstance(error, OSError) and error.errno in files.ONLY_WRITING:
        # a write that names no file (one no code of ours wraps): the line that wrote, and
        # that the machine refused it, not "OSError: [Errno 28]"
        source, line = _where(error)
        frames = list(traceback.walk_tb(error.__traceback__))
        if not source and frames:  # written by a library alone: its file ("jinja2/bccache.py")
            source, line = _where_written(frames[-1][0].f_code.co_filename), frames[-1][1]
        where = f"line {line}: " if line else ""
        message = f"{where}cannot write a file: {error.strerror}"
    if not source and record.exc_info and record.exc_info[1] is not None:
        # a build that stopped on an exception (a template or pelicanconf.py that does not
        # compile, a setting no plugin can use, another plugin's bug): the terminal has the
        # traceback, the overlay the file and line it points at
        error = record.exc_info[1]
        failed = rendering.place(error)  # a page's render: its template's line, the page
        if failed is not None and failed.template:
            source, line = _where_path(failed.template), failed.line
        else:
            source, line = _where(error)
        if line and f"line {line}" not in message:
            message = f"line {line}: {message}"
        if failed is not None:
            message = f"{message} ({failed.said()})"
    return {"level": record.levelname.lower(), "source": str(source), "message": message}


def _named_path(record: logging.LogRecord) -> str | None:
    """The first absolute path among a record's arguments."""
    args = record.args if isinstance(record.args, tuple) else ()
    paths = [os.fspath(a) for a in args if isinstance(a, (str, os.PathLike))]
    return next((p for p in paths if isinstance(p, str) and os.path.isabs(p)), None)


def _where(error: BaseException) -> tuple[str, int | None]:
    """The file (relative to the working folder when inside it) and line an exception points
    at: its own ``filename`` and ``lineno`` (SyntaxError, Jinja's TemplateSyntaxError), else
    the innermost frame of its traceback in the project's files (a template, a plugin), not in
    Python's or the installed packages' (a template's frame wherever its file is: an override
    folder outside the project), unless an installed Pelican plugin's frame is inner to it
    (``pelican/plugins/related_posts/related_posts.py``: its bug, in one line, even where our
    code called it); ("", None) when there is none of either."""
    filename, line = getattr(error, "filename", None), getattr(error, "lineno", None)
    if not isinstance(filename, str) or not filename:
        filename, line = None, None
        plugin: tuple[str, int] | None = None
        here = os.getcwd() + os.sep
        installed = {os.path.realpath(p) + os.sep for p in (sys.prefix, sys.base_prefix)}
        for frame, frame_line in traceback.walk_tb(error.__traceback__):
            if frame.f_code.co_filename.startswith("<"):
                continue  # "<frozen importlib._bootstrap>", "<string>": no file of ours
            path = os.path.realpath(frame.f_code.co_filename)
            ours = path.startswith(here) and not any(path.startswith(p) for p in installed)
            if ours or rendering.is_template(frame.f_code.co_name):
                filename, line, plugin = frame.f_code.co_filename, frame_line, None
            elif os.sep in path.partition(_PLUGIN_FOLDER)[2]:  # in a plugin's package
                plugin = (_where_written(path), frame_line)  # called by ours: it failed
        if plugin is not None or filename is None:
            return plugin or ("", None)
    return _where_path(filename), line if isinstance(line, int) else None


# where Pelican's namespace plugins are installed (pelican-sitemap, pelican-related-posts)
_PLUGIN_FOLDER = os.sep + os.path.join("pelican", "plugins") + os.sep


def _where_path(filename: str) -> str:
    """A file named in a line: relative to the working folder when inside it."""
    if os.path.isabs(filename) and filename.startswith(os.getcwd() + os.sep):
        return os.path.relpath(filename)
    return filename


# the project's own modules: a DeprecationWarning from them is for this project to act on
# (Python shows DeprecationWarning only for __main__, which a build never is)
_OWN_MODULES = r"(plugins|pelicanconf|publishconf|tasks)(\.|$)"


def _where_written(filename: str) -> str:
    """A file a warning names, as short as it stays clear: relative to the working folder when
    it is the project's, else to the sys.path folder it was imported from ("PIL/Image.py")."""
    path = os.path.realpath(filename)
    if path.startswith(os.getcwd() + os.sep) and not path.startswith(
        os.path.realpath(sys.prefix) + os.sep
    ):
        return os.path.relpath(path)
    roots = [os.path.realpath(p) for p in sys.path if p]
    inside = [r for r in roots if path.startswith(r + os.sep)]
    return os.path.relpath(path, max(inside, key=len)) if inside else filename


def _log_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """warnings.showwarning for a build: one WARNING record, "file: line N: Category: text"."""
    logging.getLogger("py.warnings").warning(
        "%s: line %s: %s: %s", _where_written(filename), lineno, category.__name__, message
    )


@contextlib.contextmanager
def _warnings_shown_by(show: Callable[..., None]) -> Iterator[None]:
    """Python warnings raised inside the block go to ``show`` (``warnings.showwarning``'s
    signature); afterwards the process's own warning filters and display are back."""
    # catch_warnings saves and restores warnings.filters and showwarning; Python's own filters
    # still decide what is shown, and once per place ("default"), so a warning raised for
    # every post is said once
    with warnings.catch_warnings():
        warnings.filterwarnings("default", category=DeprecationWarning, module=_OWN_MODULES)
        # the documented hook ("You may replace this function ... by assigning to
        # warnings.showwarning"), instead of printing to standard error beside the log
        warnings.showwarning = show
        yield


def warnings_logged() -> contextlib.AbstractContextManager[None]:
    """During a build, Python warnings (a library's, a plugin's) are logged as warnings, so
    the terminal and the overlay show them, each once."""
    return _warnings_shown_by(_log_warning)


@contextlib.contextmanager
def warnings_kept(kept: list[logging.LogRecord], said_again: str = "") -> Iterator[None]:
    """Python warnings raised inside the block, appended to ``kept`` as the warning records a
    build logs of them (``replay`` logs them later), not printed: for what serve's warm server
    imports while it reads the settings (a module of the site's that warns), which no build
    forked from it imports again. One raised by the file ``said_again`` is not kept: each
    build runs the settings file again, and says it."""
    again = os.path.realpath(said_again) if said_again else ""

    def keep(message, category, filename, lineno, file=None, line=None) -> None:
        if again and os.path.realpath(filename) == again:
            return
        where = (_where_written(filename), lineno, category.__name__, message)
        record = {"name": "py.warnings", "msg": "%s: line %s: %s: %s", "args": where}
        kept.append(
            logging.makeLogRecord({**record, "levelno": logging.WARNING, "levelname": "WARNING"})
        )

    with _warnings_shown_by(keep):
        yield


@contextlib.contextmanager
def unlogged() -> Iterator[None]:
    """Nothing is logged inside the block: for reading the settings outside a build (serve's
    warm server importing the plugins, tasks.py finding the 404 page).

    Pelican's log filter (``pelican.log.LimitFilter``) remembers every line a process logs and
    drops it when logged again in that process or in a process forked from it: a settings
    warning the warm server logged while warming up ("Locale could not be set") was never in
    any build of that server, neither in the terminal as a WARNING nor in the overlay nor in
    the count. The build says each of these lines itself; ``logging.disable`` stops a record
    before it is made, so no filter sees it.
    """
    before = logging.root.manager.disable
    logging.disable(logging.CRITICAL)
    try:
        yield
    finally:
        logging.disable(before)


class _Keep(logging.Filter):
    """Keeps each record a logger is given and stops it there (before Pelican's LimitFilter,
    which would remember it and drop it from every build forked later)."""

    def __init__(self, kept: list[logging.LogRecord]) -> None:
        super().__init__()
        self.kept = kept

    def filter(self, record: logging.LogRecord) -> bool:
        self.kept.append(record)
        return False


class _KeepAll(logging.Handler):
    """The root logger's one handler while records are kept: a logger that existed before
    (the root's own, logging.warning()) logs here, not to Python's last resort."""

    def __init__(self, kept: list[logging.LogRecord]) -> None:
        super().__init__(level=logging.NOTSET)
        self.kept = kept

    def emit(self, record: logging.LogRecord) -> None:
        self.kept.append(record)


@contextlib.contextmanager
def kept_for_later() -> Iterator[list[logging.LogRecord]]:
    """The records logged inside the block, kept (in order) instead of shown: for what
    serve's warm server imports (a plugin that warns at import), for its first build to log
    (``replay``). Every logger, those made inside the block too (``logging.getLogger(__name__)``
    in a module imported there), gets a filter that keeps the record before any filter of
    Pelican's sees it (one that saw it would drop it from every build); those filters go when
    the block ends. A Python warning raised inside is kept as a warning record too
    (``warnings_kept``): Python printed it to the terminal alone, and no build, whose
    modules are imported already, raised it again for the overlay."""
    kept: list[logging.LogRecord] = []
    keep = _Keep(kept)
    made = [
        logger
        for logger in list(logging.root.manager.loggerDict.values())
        if isinstance(logger, logging.Logger)
    ]
    for logger in made:
        logger.filters.insert(0, keep)
    earlier = logging.getLoggerClass()

    class Keeping(earlier):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.filters.insert(0, keep)
            made.append(self)

    handlers, catch = list(logging.root.handlers), _KeepAll(kept)
    for handler in handlers:
        logging.root.removeHandler(handler)
    logging.root.addHandler(catch)
    logging.setLoggerClass(Keeping)
    try:
        with warnings_kept(kept):
            yield kept
    finally:
        logging.setLoggerClass(earlier)
        logging.root.removeHandler(catch)
        for handler in handlers:
            logging.root.addHandler(handler)
        for logger in made:
            logger.removeFilter(keep)


def replay(records: Iterable[logging.LogRecord]) -> None:
    """Log kept records (``kept_for_later``) now, each through its own logger's filters and
    the handlers of this build."""
    for record in records:
        logger = logging.getLogger(record.name)
        if logger.isEnabledFor(record.levelno):
            # Pelican's loggers say a line their filter drops by raising (FilteredMessage),
            # which only their own logging calls catch
            with contextlib.suppress(Exception):
                logger.handle(record)


class OneLine(logging.Handler):
    """The console for serve builds: a record that carries a traceback which points at a file
    of the project (a template, pelicanconf.py, a plugin) is passed on as one line naming that
    file and line, without the traceback; every other record is passed on as it is."""

    def __init__(self, console: logging.Handler) -> None:
        super().__init__(level=logging.NOTSET)
        self.console = console

    def setFormatter(self, fmt: logging.Formatter | None) -> None:
        """logging.basicConfig formats the handlers it is given: the console it wraps too."""
        super().setFormatter(fmt)
        if self.console.formatter is None:
            self.console.setFormatter(fmt)

    def emit(self, record: logging.LogRecord) -> None:
        """Hand the record, or its one-line copy, to the console (the record itself is left
        unchanged for the other handlers: the collector reads its traceback too)."""
        try:
            if record.exc_info and record.exc_info[1] is not None:
                shown = problem(record)
                if shown["source"]:
                    record = logging.makeLogRecord(
                        {
                            **record.__dict__,
                            "msg": f"{shown['source']}: {shown['message']}",
                            "args": None,
                            "exc_info": None,
                            "exc_text": None,
                        }
                    )
        except Exception:  # never lose the record for want of its one line
            self.handleError(record)
        self.console.handle(record)


def one_line_console(args: list[str]) -> logging.Handler:
    """The console Pelican would give a build of these arguments, wrapped in ``OneLine``:
    rich's columns, or with ``--log-handler plain`` (off a terminal: a log file, a pipe, CI,
    an IDE's panel) one line per message, its level first: rich wrapped a long message over
    lines that did not name the file. Serve's builds and `make build`/`make publish`
    (plugins/engine/command.py) print through it."""
    from pelican import parse_arguments
    from pelican.log import DEFAULT_LOG_HANDLER

    from plugins.engine.settings_errors import SAID_AT_ITS_LINE

    if parse_arguments(args).log_handler != "plain":
        console = OneLine(DEFAULT_LOG_HANDLER)
    else:
        plain = logging.StreamHandler()  # stderr
        plain.setFormatter(logging.Formatter("%(levelname)-8s %(message)s"))
        console = OneLine(plain)
    # a settings mistake the engine says at its line: its one line, not Pelican's too
    console.addFilter(SAID_AT_ITS_LINE)
    return console


class Collector(logging.Handler):
    """Keeps every WARNING-or-worse record that reaches the handlers (as the console does)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.problems: list[dict[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the record as a plain dict: never raise from logging."""
        try:
            self.problems.extend(problems(record))
        except Exception:  # a record whose arguments do not format: logging's own policy
            self.handleError(record)


def report(problems: list[dict[str, str]], status: int) -> dict[str, Any]:
    """The JSON document the overlay reads."""
    return {
        # a new build, even with the same problems, shows the overlay again after a dismissal
        "build": f"{time.time_ns()}-{os.getpid()}",
        "status": status,
        "errors": sum(p["level"] in ("error", "critical") for p in problems),
        "warnings": sum(p["level"] == "warning" for p in problems),
        # by file: the files are read in parallel, so the order they were said in changes
        # from one build to the next; what names no file (a build's summary) comes last
        "problems": sorted(problems, key=lambda p: (not p["source"], p["source"])),
    }


def counts(path: Path, since: int = 0) -> tuple[int, int] | None:
    """(errors, warnings) of the report at ``path`` (``report``) written by a build that
    started at ``since`` (time.time_ns()) or later; None for none such: not written (a full
    disk), unreadable, or an earlier build's."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        written = int(str(data.get("build", "")).split("-")[0])
        errors, warnings = int(data.get("errors", 0)), int(data.get("warnings", 0))
    except (OSError, ValueError, AttributeError, TypeError):
        return None
    return (errors, warnings) if written >= since else None


def write(path: Path, problems: list[dict[str, str]], status: int) -> None:
    """Write the report atomically: the dev server may serve it at any moment. A report that
    cannot be written (a full disk) removes the previous build's, so that the overlay does not
    show an earlier build's problems, or none, as this one's (`make serve` says so)."""
    try:
        files.write_atomically(path, json.dumps(report(problems, status), indent=1))
    except OSError:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
        raise
