"""python -m plugins.engine.command PELICAN_ARGS: Pelican's command line as `make build` and
`make publish` run it (tasks.py), with the console serve's builds have.

A build stopped by an exception that points at a file of the project (a NameError or a
SyntaxError in pelicanconf.py or publishconf.py, a template, a plugin) prints one line naming
that file and line, ``CRITICAL pelicanconf.py: line 60: NameError: name 'Genral' is not
defined``, as `make serve` does, instead of Pelican's traceback through its own code (in CI's
log, where the author reads it, the file was named only deep inside the traceback). Every
other record prints as Pelican prints it; the exit status is Pelican's.

``ENGINE_RECORD``: a publish (tasks.py) names a file in this variable of the build's
environment; the engine writes it when the build starts with it (``record_engine``, at
``initialized``), and a publish whose build wrote none is refused (``engine_ran``). Nothing
of the engine runs in a build whose PLUGINS lists none of this site's plugins (``PLUGINS =
[]``, a string Pelican puts back to its default, the engine failing to import), and such a
build deployed a site with no Content-Security-Policy and none of the publish checks, exit 0.

``ENGINE_PROBLEMS``: a command that runs a build for something else than its lines (`invoke
related`, for its answer) names a file in this variable: the build's warnings and errors go
there, as the report `make serve`'s builds write (plugins/devserver/problems.py, read back
with ``problems.counts``), and not to the console, which still says what stops the build.
"""

import contextlib
import json
import logging
import os
import sys
from collections.abc import Iterable
from pathlib import Path

ENGINE_RECORD = "ENGINE_RECORD"
ENGINE_PROBLEMS = "ENGINE_PROBLEMS"


def main(argv: list[str]) -> int:
    """Run Pelican's command line with the one-line console; return its exit status."""
    from pelican import main as pelican_main

    from plugins.devserver.problems import Collector, one_line_console, write
    from plugins.engine.settings_errors import SAID_AT_ITS_LINE

    console = one_line_console(argv)
    report = os.environ.get(ENGINE_PROBLEMS)
    collector = Collector() if report else None
    if collector is not None:
        collector.addFilter(SAID_AT_ITS_LINE)  # as the console does, and serve's collector
        console.addFilter(_only_what_stops)
    # Pelican's own logging set-up is a basicConfig(), a no-op once the root logger has a
    # handler: give it the console it would have used, wrapped (its level stays Pelican's)
    logging.basicConfig(
        format="%(message)s",
        datefmt="[%H:%M:%S]",
        handlers=[console, *([collector] if collector else [])],
    )
    # the process runs Pelican's command line: settings problems name the settings file and
    # the -e names it gives (plugins/engine/settings_errors.py), as in serve's builds
    sys.argv = ["pelican", *argv]
    status = 1
    try:
        pelican_main(argv)
        status = 0
    except SystemExit as exc:
        if isinstance(exc.code, int) or exc.code is None:
            status = exc.code or 0
        else:
            print(exc.code, file=sys.stderr)
    finally:
        if collector is not None and report:
            # a report it cannot write is none: the command that asked says it has no count
            with contextlib.suppress(OSError):
                write(Path(report), collector.problems, status)
    return status


def _only_what_stops(record: logging.LogRecord) -> bool:
    """The console of a build whose warnings and errors go to ``ENGINE_PROBLEMS``: what
    stops the build (a critical record) only."""
    return record.levelno >= logging.CRITICAL


def record_engine(plugins: Iterable[str]) -> None:
    """The engine runs this build: write the record a publish asked for (``ENGINE_RECORD``),
    naming the plugins it runs."""
    path = os.environ.get(ENGINE_RECORD)
    if path:
        from .files import write_atomically

        write_atomically(path, json.dumps({"plugins": sorted(plugins)}))


def engine_ran(record: Path) -> bool:
    """Whether the build that was given ``record`` (``ENGINE_RECORD``) ran the engine: the
    file is there, as the engine writes it."""
    try:
        return isinstance(json.loads(record.read_text(encoding="utf-8")).get("plugins"), list)
    except (OSError, ValueError, AttributeError):
        return False


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
