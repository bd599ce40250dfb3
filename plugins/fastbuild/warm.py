"""A warm build process for the live-reload loop: everything imported once, each build forked.

Starting Python and importing Pelican, the plugins and their libraries (SciPy, Jinja, Pygments,
Babel) takes about 0.8 s of every rebuild, and freeing the build's objects when the process
exits takes more; an incremental rebuild of a 2,000-post site is about 4 s in all. The server
here imports all of that once and runs each build in a child forked from itself:

- a build never sees another build's state: the server itself never builds, and each child
  starts from the same freshly imported modules (as a new process would);
- the child leaves with ``os._exit`` once its files, logs and exit hooks are done, so the
  build's objects are not freed one by one;
- if a Python module the server imported changes (someone editing plugin code while
  ``make serve`` runs), the server's copy is stale: it answers ``stale`` and exits, and the
  client starts a fresh one for that build.

Protocol, one line each way: the client writes a JSON list of Pelican's command-line
arguments; the server answers with the build's exit status, or ``stale``. Builds print to the
server's standard error (its standard output is the answer channel).

    builder = WarmBuilder(settings_file, cwd=root)
    status = builder.build(["-s", "pelicanconf.py", "-o", "output", ...])
    builder.close()
"""

import contextlib
import json
import os
import subprocess
import sys
import traceback
from pathlib import Path
from typing import Any

STALE = "stale"


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

    def start(self) -> None:
        """Start the server and let it import everything (the first build waits for it)."""
        self.close()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "plugins.fastbuild.warm", str(self.settings_file)],
            cwd=self.cwd,
            env=self.env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.stderr,
            text=True,
        )

    def build(self, args: list[str]) -> int:
        """Run one Pelican build with these arguments; its exit status."""
        for _ in range(2):  # a stale or dead server is replaced once
            if self.process is None or self.process.poll() is not None:
                self.start()
            assert self.process is not None and self.process.stdin and self.process.stdout
            try:
                self.process.stdin.write(json.dumps([str(a) for a in args]) + "\n")
                self.process.stdin.flush()
                answer = self.process.stdout.readline().strip()
            except (BrokenPipeError, OSError):
                answer = ""
            if answer.lstrip("-").isdigit():
                return int(answer)
            self.close()
        # no server would run: build the ordinary way
        pelican = Path(sys.executable).parent / "pelican"
        return subprocess.call(
            [str(pelican), *args], cwd=self.cwd, env=self.env, stderr=self.stderr
        )

    def close(self) -> None:
        """Stop the server (it exits when its input closes)."""
        process, self.process = self.process, None
        if process is None:
            return
        with contextlib.suppress(OSError):
            process.stdin.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        with contextlib.suppress(OSError):
            process.stdout.close()

    def __enter__(self) -> "WarmBuilder":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def warm_up(settings_file: str) -> None:
    """Import Pelican and the site's plugins (with their libraries), without building."""
    import pelican  # noqa: F401
    from pelican import generators, readers, writers  # noqa: F401
    from pelican.plugins._utils import load_plugins
    from pelican.settings import read_settings

    # a settings file that does not load is the build's to report, with Pelican's message
    with contextlib.suppress(Exception):
        load_plugins(read_settings(settings_file))  # imports only: builds register receivers


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


def _child(args: list[str]) -> None:
    """Run one build in a forked child, then leave without freeing its objects."""
    status = 1
    try:
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)  # the build must not read the server's requests
        sys.argv = ["pelican", *args]
        from pelican import main

        main(args)
        status = 0
    except SystemExit as exc:
        if isinstance(exc.code, int) or exc.code is None:
            status = exc.code or 0
        else:
            print(exc.code, file=sys.stderr)
    except BaseException:
        traceback.print_exc()
    finally:
        # what a normal exit does, short of freeing every object one by one
        with contextlib.suppress(BaseException):
            import atexit

            atexit._run_exitfuncs()
        with contextlib.suppress(BaseException):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(status)


def serve(settings_file: str) -> None:
    """Answer build requests from standard input until it closes."""
    answers = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # what builds print goes where the server's errors go
    warm_up(settings_file)
    stamps = module_stamps()
    for line in sys.stdin:
        if not line.strip():
            continue
        if changed(stamps):
            answers.write(STALE + "\n")
            return
        pid = os.fork()
        if pid == 0:
            _child(json.loads(line))
        _, wait_status = os.waitpid(pid, 0)
        answers.write(f"{os.waitstatus_to_exitcode(wait_status)}\n")


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        serve(sys.argv[1])
