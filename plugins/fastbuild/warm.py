"""A warm build process for the live-reload loop: everything imported once, each build forked.

Starting Python and importing Pelican, the plugins and their libraries (NumPy, Jinja, Pygments,
Babel) takes about 0.8 s of every rebuild, and freeing the build's objects when the process
exits takes more; an incremental rebuild of a 2,000-post site is about 4 s in all. The server
here imports all of that once and runs each build in a child forked from itself:

- a build never sees another build's state: the server itself never builds nor logs (Pelican's
  log filter drops a line its process, or the one it was forked from, logged before), and
  each child starts from the same freshly imported modules (as a new process would);
- the child leaves with ``os._exit`` once its files, logs and exit hooks are done, so the
  build's objects are not freed one by one;
- if a Python module the server imported changes (someone editing plugin code while
  ``make serve`` runs), the server's copy is stale: it answers ``stale`` and exits, and the
  client starts a fresh one for that build.

Protocol, one line each way, after the server's first line once it has imported everything:
a JSON list of what builds read besides content and plugins (``WarmBuilder.inputs``: THEME and
the site's own modules the settings import, which `make serve` watches). The client writes a
JSON object, ``{"args": [...], "problems": path or null, "pages": path or null}`` (a bare
list of arguments is also taken); the server
answers with the build's exit status, or ``stale``. Builds print to the server's standard
error (its standard output is the answer channel). With ``problems``, the build also keeps
every warning and error it logs (the records the terminal shows, and Python warnings raised
during the build, logged as warnings) and writes them to that file when it ends, whatever its
end (plugins/devserver/problems.py): `make serve` shows them over the served pages. With
``pages``, it records there which source file wrote each page, and logs a warning for a page
that moved since the previous build (plugins/devserver/pages.py): the dev server sends the
old address on to the new one.

    builder = WarmBuilder(settings_file, cwd=root)
    status = builder.build(["-s", "pelicanconf.py", "-o", "output", ...], problems=path, pages=p)
    builder.close()
"""

import contextlib
import importlib
import json
import logging
import os
import signal
import subprocess
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

STALE = "stale"


# This module run as a program, with a Ctrl-C (SIGINT, when it runs in a terminal's group)
# stopping it quietly, with status 130, even while Python is still importing
# the plugins' package, before this module's own code runs: there it printed a traceback over
# serve's "Build stopped (SIGINT)" line.
_WARM = (
    sys.executable,
    "-c",
    "import runpy, sys\n"
    "try:\n"
    "    runpy.run_module('plugins.fastbuild.warm', run_name='__main__', alter_sys=True)\n"
    "except KeyboardInterrupt:\n"
    "    sys.exit(130)\n",
)


class WarmBuilder:
    """The client: starts the server on first use and hands it builds; restarts it when stale."""

    def __init__(
        self, settings_file: Path, cwd: Path, env: dict[str, str] | None = None, stderr=None
    ):
        self.settings_file = Path(settings_file)
        self.cwd = Path(cwd)
        self.env = env
        self.stderr = stderr  # where builds print (None: this process's standard error)
        self.process: subprocess.Popen | None = None
        self._inputs: list[str] | None = None  # the running server's first line

    def start(self) -> None:
        """Start the server and let it import everything (the first build waits for it)."""
        self.close()
        self.process = subprocess.Popen(
            [*_WARM, str(self.settings_file)],
            cwd=self.cwd,
            env=self.env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.stderr,
            text=True,
            # a group of its own, with the builds it forks and their workers: ``close`` stops
            # them all, wherever the signal that stopped the client went
            process_group=0,
        )
        self._inputs = None

    def inputs(self) -> list[str]:
        """What a build with these settings reads besides content and plugins (THEME, the
        site's own modules the settings import: ``settings_inputs``), as the running server
        found when it loaded them (a new server, after a change to the settings or plugin
        code, loads them again); [] when they do not load."""
        if self.process is None or self.process.poll() is not None:
            self.start()
        self._read_inputs()
        return list(self._inputs or [])

    def _read_inputs(self) -> None:
        """Read the server's first line, once per server."""
        if self._inputs is not None or self.process is None or self.process.stdout is None:
            return
        try:
            named = json.loads(self.process.stdout.readline() or "[]")
        except (OSError, ValueError):
            named = []
        ok = isinstance(named, list) and all(isinstance(n, str) for n in named)
        self._inputs = named if ok else []

    def build(
        self, args: list[str], problems: Path | None = None, pages: Path | None = None
    ) -> int:
        """Run one Pelican build with these arguments; its exit status.

        With ``problems``, the build's warnings and errors are written to that file as JSON;
        with ``pages``, the source file of each page it writes.
        """
        request = {
            "args": [str(a) for a in args],
            "problems": str(problems) if problems else None,
            "pages": str(pages) if pages else None,
        }
        for _ in range(2):  # a stale or dead server is replaced once
            if self.process is None or self.process.poll() is not None:
                self.start()
            assert self.process is not None and self.process.stdin and self.process.stdout
            self._read_inputs()  # the first line, before the answers
            try:
                self.process.stdin.write(json.dumps(request) + "\n")
                self.process.stdin.flush()
                answer = self.process.stdout.readline().strip()
            except (BrokenPipeError, OSError):
                answer = ""
            if answer.lstrip("-").isdigit():
                return int(answer)
            self.close()
        # no server would run: build the ordinary way, in a process of its own (which ends
        # with this one, where the system can tell it)
        from plugins.engine.forks import with_parent

        return subprocess.call(
            [*_WARM, "--once", json.dumps(request)],
            cwd=self.cwd,
            env=self.env,
            stderr=self.stderr,
            preexec_fn=with_parent(),
        )

    def close(self) -> None:
        """Stop the server and the build it is running, if any, with that build's forks."""
        process, self.process = self.process, None
        if process is None:
            return
        with contextlib.suppress(OSError):
            process.stdin.close()  # an idle server exits on it
        # a build under way would have run to its end (serve stopped by SIGTERM to it alone
        # waited for it, or left it running after 10 s)
        for stop in (signal.SIGTERM, signal.SIGKILL):
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(process.pid, stop)
            try:
                process.wait(timeout=10)
                break
            except subprocess.TimeoutExpired:
                continue
        with contextlib.suppress(OSError):
            process.stdout.close()

    def __enter__(self) -> "WarmBuilder":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


# imported where a build uses them: related posts' NumPy (0.1 s; SciPy only for thousands of
# posts, csr.Product); the receivers of blogcore and images, imported by their register()
# (their packages import no Pelican, so that their pure modules can be used without it: 0.05
# and 0.02 s of CPU)
LAZY_IMPORTS = ("plugins.related.scoring", "plugins.blogcore.signals", "plugins.images.signals")


def warm_up(settings_file: str, imported: list[logging.LogRecord] | None = None) -> list[str]:
    """Import Pelican and the site's plugins (with their libraries), without building or
    logging (each build is forked from this process, with what its log filter remembers);
    return what a build with these settings reads besides content and plugins
    (``settings_inputs``). ``imported``: gets what the plugins logged while imported (and the
    Python warnings of what the settings and the plugins imported), for
    every build to log, as a build in a new process says them (a plugin that warns at
    import was never heard in serve, then only by the server's first build)."""
    import pelican  # noqa: F401
    from pelican import generators, readers, writers  # noqa: F401
    from pelican.settings import read_settings

    from plugins.devserver.problems import kept_for_later, unlogged, warnings_kept

    inputs: list[str] = []
    settings = None
    said: list[logging.LogRecord] = []
    # a settings file that does not load, or that Pelican warns of, is the build's to report
    # with Pelican's message (said here, the builds forked from here never said it); a
    # Python warning from a module the settings import is kept: no build imports it again
    with unlogged(), warnings_kept(said, settings_file), contextlib.suppress(Exception):
        # any existing content folder will do: what is asked is THEME, PLUGINS, the imports
        settings = read_settings(settings_file, override={"PATH": os.getcwd()})
        inputs = settings_inputs(settings)  # before the plugins add modules of their own
    if settings is not None:
        with kept_for_later() as kept, contextlib.suppress(Exception):
            import_plugins(settings)  # imports only: builds register receivers
        said += kept
    if imported is not None:
        imported.extend(said)
    from plugins.engine.loading import collector_paused

    with unlogged(), collector_paused():
        # what builds import only where they use it (LAZY_IMPORTS): each rebuild's forks find
        # it imported (and frozen, as the plugins' own modules are)
        for name in LAZY_IMPORTS:
            with contextlib.suppress(ImportError):
                importlib.import_module(name)
    return inputs


def settings_inputs(settings: dict[str, Any]) -> list[str]:
    """What a build with ``settings`` reads besides the content and the plugins, for `make
    serve` to watch: THEME and the site's own Python modules the settings file imports (the
    incremental build's digest of them, ``digest.own_code``). Asked of a process that has just
    loaded the settings, as a build does: a module imported before would stay listed."""
    from . import digest, signals

    plugins = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return [settings["THEME"], *digest.own_code([plugins], signals.markdown_extensions(settings))]


def import_plugins(settings: dict[str, Any]) -> None:
    """Import the site's plugins under the names Pelican's own loader gives them.

    Pelican imports every installed namespace plugin (``pelican.plugins.*`` packages) and
    each name in ``PLUGINS``, found in ``PLUGIN_PATHS`` first, as a top-level module; a
    build's loader then finds them in ``sys.modules``. A plugin this misses is imported by
    the build itself, as without a warm process.
    """
    import importlib.machinery
    import importlib.util
    import pkgutil

    import pelican.plugins

    for info in pkgutil.iter_modules(pelican.plugins.__path__, "pelican.plugins."):
        if info.ispkg:
            with contextlib.suppress(Exception):
                importlib.import_module(info.name)
    for name in settings.get("PLUGINS") or []:
        if not isinstance(name, str) or name in sys.modules:
            continue
        with contextlib.suppress(Exception):
            spec = importlib.machinery.PathFinder.find_spec(name, settings.get("PLUGIN_PATHS", []))
            if spec is None:
                importlib.import_module(name)
                continue
            module = importlib.util.module_from_spec(spec)
            sys.modules[spec.name] = module
            try:
                spec.loader.exec_module(module)
            except BaseException:
                del sys.modules[spec.name]
                raise


def _mtime(path: str) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return -1.0


def module_stamps() -> dict[str, float]:
    """Modification times of the source files of every imported module."""
    paths = {getattr(module, "__file__", None) for module in list(sys.modules.values())}
    return {path: _mtime(path) for path in paths if isinstance(path, str)}


def changed(stamps: dict[str, float]) -> bool:
    """Has any of these files changed since its stamp was taken?"""
    return any(_mtime(path) != stamp for path, stamp in stamps.items())


def _collect_problems(args: list[str]) -> logging.Handler:
    """Log to Pelican's console as usual, and also to a handler keeping warnings and errors."""
    from plugins.devserver.problems import Collector, one_line_console
    from plugins.engine.settings_errors import SAID_AT_ITS_LINE

    collector = Collector()
    collector.addFilter(SAID_AT_ITS_LINE)  # the overlay shows the engine's line, as the console
    # Pelican's own set-up is a basicConfig(), a no-op once the root logger has handlers: give
    # it the console Pelican would have used and the collector (the level stays Pelican's:
    # warnings). A build stopped by an exception in a template or the settings prints one line
    # naming the file and line (as the overlay does), not Pelican's traceback through its code
    console = one_line_console(args)
    logging.basicConfig(format="%(message)s", datefmt="[%H:%M:%S]", handlers=[console, collector])
    return collector


def _request(line: str) -> tuple[list[str], str | None, str | None]:
    """A request line: (Pelican's arguments, the problems file or None, the pages file or
    None)."""
    request = json.loads(line)
    if isinstance(request, list):
        return request, None, None
    return request["args"], request.get("problems"), request.get("pages")


class _Generators:
    """The post and page generators of the build in this child, kept for the pages record."""

    def __init__(self) -> None:
        self.kept: list[Any] = []

    def keep(self, generator: Any) -> None:
        """Receiver of Pelican's article_ and page_generator_finalized."""
        self.kept.append(generator)

    def connect(self) -> None:
        """Listen in this child only: the child runs one build, then exits."""
        from pelican import signals

        signals.article_generator_finalized.connect(self.keep)
        signals.page_generator_finalized.connect(self.keep)


def _record_pages(path: Path, generators: list[Any]) -> None:
    """Write which file wrote each page (read when the lists are final: blogcore drops a
    clashing post from them later), and warn of each page that moved since the last build."""
    from plugins.devserver import pages

    # a page the build wrote at an old address (Redirect_from's) ends that move's warning
    written = path.parent  # the output folder
    data, moves = pages.follow(
        pages.load(path), pages.record(generators), lambda save_as: (written / save_as).is_file()
    )
    for move in moves:
        logging.getLogger("plugins.devserver").warning(move.message())
    pages.write(path, data)


def _also_report(collector: logging.Handler | None, message: str) -> None:
    """What ended the build without a log record (a settings error, a crash), as an error."""
    if collector is not None:
        collector.handle(
            logging.makeLogRecord({"levelno": logging.ERROR, "levelname": "ERROR", "msg": message})
        )


def _child(
    args: list[str],
    problems: str | None = None,
    pages: str | None = None,
    imported: Sequence[logging.LogRecord] = (),
) -> None:
    """Run one build in a forked child, then leave without freeing its objects; first log
    ``imported`` (what the plugins logged while the server imported them)."""
    status = 1
    collector = None
    generators = _Generators()
    try:
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)  # the build must not read the server's requests
        sys.argv = ["pelican", *args]
        if pages:
            generators.connect()
        if problems:
            collector = _collect_problems(args)
        from pelican import main

        from plugins.devserver.problems import replay, warnings_logged

        replay(imported)  # on the console (and overlay) set up above
        with warnings_logged() if problems else contextlib.nullcontext():
            main(args)
        status = 0
    except SystemExit as exc:
        if isinstance(exc.code, int) or exc.code is None:
            status = exc.code or 0
        else:
            print(exc.code, file=sys.stderr)
            _also_report(collector, str(exc.code))
    except BaseException as exc:
        traceback.print_exc()
        _also_report(collector, f"the build stopped: {type(exc).__name__}: {exc}")
    finally:
        if pages and generators.kept:  # a build that stopped before reading keeps the last
            with contextlib.suppress(BaseException):
                _record_pages(Path(pages), generators.kept)
        if collector is not None:
            with contextlib.suppress(BaseException):
                from plugins.devserver.problems import write

                write(Path(problems), collector.problems, status)
        # what a normal exit does, short of freeing every object one by one
        from . import compat

        compat.exit_now(status)


def serve(settings_file: str) -> None:
    """Answer build requests from standard input until it closes."""
    answers = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # what builds print goes where the server's errors go
    # first line: what to watch besides content and plugins (WarmBuilder.inputs), so that
    # `make serve` need not start a second Python to load the settings again
    imported: list[logging.LogRecord] = []
    answers.write(json.dumps(warm_up(settings_file, imported)) + "\n")
    stamps = module_stamps()
    for line in sys.stdin:
        if not line.strip():
            continue
        if changed(stamps):
            answers.write(STALE + "\n")
            return
        pid = os.fork()
        if pid == 0:
            _child(*_request(line), imported=imported)
        wait_status = wait_or_orphaned(pid, sys.stdin.fileno())
        if wait_status is None:  # the client is gone: so is the build, stopped below
            stop_own_group(pid)
            return
        answers.write(f"{os.waitstatus_to_exitcode(wait_status)}\n")


def wait_or_orphaned(pid: int, requests: int) -> int | None:
    """The wait status of the child ``pid``; None as soon as ``requests`` (the pipe the
    client writes to) reads as closed before the child ends: the client died, even by
    SIGKILL, which no signal to this process tells (and PR_SET_PDEATHSIG, Linux's, is not
    inherited by the builds forked from here, nor by their workers)."""
    import select

    # SIGCHLD wakes the select below through this pipe (set_wakeup_fd): no polling
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_read, False)
    os.set_blocking(wake_write, False)
    previous_fd = signal.set_wakeup_fd(wake_write)
    previous = signal.signal(signal.SIGCHLD, lambda *_: None)
    try:
        while True:
            done, wait_status = os.waitpid(pid, os.WNOHANG)
            if done:
                return wait_status
            ready, _, _ = select.select([requests, wake_read], [], [])
            with contextlib.suppress(BlockingIOError):
                os.read(wake_read, 512)
            # the client writes nothing while a build runs: readable is its end closed
            if requests in ready:
                return None
    finally:
        signal.signal(signal.SIGCHLD, previous)
        signal.set_wakeup_fd(previous_fd)
        os.close(wake_read)
        os.close(wake_write)


def stop_own_group(pid: int, grace: float = 3.0) -> None:
    """Stop the build ``pid`` and every process of this server's group (the build's
    workers), this server last: SIGTERM, then SIGKILL after ``grace`` seconds."""
    import time

    own = os.getpgrp() == os.getpid()  # WarmBuilder starts the server as a group's leader
    with contextlib.suppress(ProcessLookupError, PermissionError):
        previous = signal.signal(signal.SIGTERM, signal.SIG_IGN)  # this server, at the end
        if own:
            os.killpg(os.getpid(), signal.SIGTERM)
        else:
            os.kill(pid, signal.SIGTERM)
        signal.signal(signal.SIGTERM, previous)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if os.waitpid(pid, os.WNOHANG)[0]:
            break
        time.sleep(0.05)
    else:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    if own:  # the workers the build left, if any; this server with them
        os.killpg(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    if sys.argv[1] == "--once":  # one build in this process (the client's fallback)
        _child(*_request(sys.argv[2]))
    with contextlib.suppress(KeyboardInterrupt):
        serve(sys.argv[1])
