"""Project tasks (invoke). The Makefile targets are thin wrappers over these."""

import compileall
import contextlib
import dataclasses
import datetime
import errno
import importlib
import json
import logging
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))  # for plugins.comments.local_isso
VENV_BIN = Path(sys.executable).parent
DEV_CONF = ROOT / "pelicanconf.py"
PUBLISH_CONF = ROOT / "publishconf.py"
HOST, PORT = "127.0.0.1", 8000


def _arguments(conf: Path, output: Path, content: Path | None = None, extra=()) -> list[str]:
    """Pelican's command-line arguments for one build."""
    return ["-s", str(conf), "-o", str(output), *([str(content)] if content else []), *extra]


def _log_handler() -> list[str]:
    """Off a terminal (CI, a log file), one line per message, its level first: rich's columns
    wrapped a long message over lines that did not name the file (grep found half of it)."""
    return [] if sys.stderr.isatty() else ["--log-handler", "plain"]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    if not sys.stderr.isatty():
        # Pelican's console wraps at 80 columns off a terminal, splitting messages in CI logs.
        env["COLUMNS"] = "200"
    return env


def _run_child(cmd: list[str], env: dict[str, str] | None = None, stderr=None) -> tuple[int, int]:
    """Run a command to its end (``env``: added to its environment; ``stderr``: a file its
    stderr goes to, else this task's); (exit status, the signal that interrupted this task or 0).

    SIGINT and SIGTERM sent to this task stop the child (and the processes it forked: it has a
    process group of its own) and wait for it, instead of leaving it to run on.
    """
    from plugins.engine.forks import with_parent

    caught: list[int] = []
    child: list[subprocess.Popen] = []

    def forward(signum: int, _frame) -> None:
        caught.append(signum)
        if child:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child[0].pid, signal.SIGTERM)

    previous = {s: signal.signal(s, forward) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        child.append(
            subprocess.Popen(
                cmd,
                cwd=ROOT,
                env={**_env(), **(env or {})},
                process_group=0,
                preexec_fn=with_parent(),
                stderr=stderr,
            )
        )
        if caught:  # a signal came before the child had a pid to forward it to
            forward(caught[0], None)
        status = child[0].wait()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return status, (caught[0] if caught else 0)


def own_bytecode(root: Path = ROOT, may_not_write: bool | None = None) -> None:
    """Compile the project's own modules (plugins, settings) where Python may not write bytecode.

    With PYTHONDONTWRITEBYTECODE set (as on this project's machines and many CI images), Python
    writes no ``__pycache__`` and every build compiled the plugins' ~120 modules again (0.09 s
    of each build); ``make venv`` does the same for the installed packages. compileall skips a
    module whose bytecode is current, so this costs milliseconds once done; a plugin that does
    not compile is left to the build, which reports it in its own words.
    """
    if may_not_write is None:
        may_not_write = sys.flags.dont_write_bytecode
    if not may_not_write:
        return  # Python writes what a build imports, itself
    compileall.compile_dir(root / "plugins", quiet=2)
    for settings in ("pelicanconf.py", "publishconf.py"):
        if (root / settings).is_file():
            compileall.compile_file(root / settings, quiet=2)


# What a build and `make serve` import from the installed packages, by the name of their module or
# folder in site-packages: the ones that had bytecode after `make venv`, a build of the sample site
# and `make serve` on a new clone without PYTHONDONTWRITEBYTECODE (2026-12-07). A build that
# imports one more works as before, compiling it each time: tests/test_first_minute.py names it.
BUILD_IMPORTS = (
    *("PIL", "_distutils_hack", "anyio", "babel", "blinker", "bs4", "dateutil", "docutils"),
    *("feedgenerator", "html5lib", "invoke", "jinja2", "markdown", "markupsafe", "nh3", "numpy"),
    *("ordered_set", "pagefind", "pagefind_bin_extended", "pelican", "pillow_heif", "pygments"),
    *("rcssmin.py", "rich", "rjsmin.py", "six.py", "soupsieve", "typing_extensions.py"),
    *("unidecode", "watchfiles", "webassets", "webencodings", "yaml"),
    # `make serve`: the live-reload server and the local Isso
    *("livereload", "tornado", "isso", "bleach", "itsdangerous", "mistune", "werkzeug"),
)


# a package's own tests, which nothing here imports (NumPy's were two thirds of its compiling)
_PACKAGE_TESTS = re.compile(r"[/\\]tests?[/\\]")


def _compile_installed(path: str) -> None:
    """Compile one installed package (a folder, without its own tests) or module."""
    if os.path.isdir(path):
        compileall.compile_dir(path, quiet=2, rx=_PACKAGE_TESTS)
    elif path.endswith(".py"):
        compileall.compile_file(path, quiet=2)


def installed_bytecode(names: Iterable[str] | None = BUILD_IMPORTS, site: str = "") -> None:
    """Compile the installed packages ``names`` (every one: None) of ``site`` (site-packages),
    without their own tests.

    `make venv` runs this for BUILD_IMPORTS where Python may not write bytecode (compiling the
    whole environment, SciPy, Playwright and pytest included, took 10.7 s of the first minute);
    `invoke test` for the rest. compileall skips a module whose bytecode is current, and a name
    no longer installed is nothing to compile (the lock changed; the first minute's test says so).
    """
    from concurrent.futures import ProcessPoolExecutor

    site = site or sysconfig.get_path("purelib")
    listed = sorted(os.listdir(site)) if names is None else names
    paths = [os.path.join(site, name) for name in listed if name != "__pycache__"]
    # a package to a worker, one per core: compile_dir's own workers took a file each, and
    # 2.5 s of CPU to find nothing to compile in a compiled environment (this: 0.3 s)
    with ProcessPoolExecutor() as pool:
        list(pool.map(_compile_installed, paths))


def _pelican_command(arguments: list[str]) -> list[str]:
    """Pelican's command line, run so that a build stopped by an error in a file of the project
    (a typo in pelicanconf.py or publishconf.py, a template, a plugin) prints one line naming
    that file and line, as `make serve` does, not Pelican's traceback
    (plugins/engine/command.py)."""
    return [sys.executable, "-m", "plugins.engine.command", *arguments, *_log_handler()]


def _killed(status: int) -> str:
    """'Pelican was killed (SIGKILL): out of memory?' for a child's status that is a signal
    (negative), '' for an exit status."""
    if status >= 0:
        return ""
    try:
        name = signal.Signals(-status).name
    except ValueError:
        name = f"signal {-status}"
    # the kernel's out-of-memory killer sends SIGKILL, and nothing else here does
    guess = ": out of memory?" if -status == signal.SIGKILL else ""
    return f"Pelican was killed ({name}){guess}"


def _exit_status(status: int) -> int:
    """A child's status as a shell gives it: 128+N for signal N (make said "Error 247")."""
    return 128 - status if status < 0 else status


def _pelican(
    conf: Path,
    output: Path,
    content: Path | None = None,
    extra=(),
    stopped: str = "",
    env: dict[str, str] | None = None,
    stderr=None,
) -> int:
    """Run one Pelican build in a child process; return its exit status (128+N on signal N,
    whether it was sent to this task or to Pelican alone, which is said in one line).
    ``stopped``: what to say after "Build stopped (SIGINT); " when this task is stopped;
    ``env``: added to the build's environment; ``stderr``: a file for what it logs."""
    own_bytecode()
    _unlink_dangling(output)
    command = _pelican_command(_arguments(conf, output, content, extra))
    status, caught = _run_child(command, env, stderr)
    if caught:
        if stopped:
            name = signal.Signals(caught).name
            print(f"Build stopped ({name}); {stopped}", file=sys.stderr, flush=True)
        return 128 + caught
    if killed := _killed(status):
        print(f"{killed}; the build did not finish.", file=sys.stderr, flush=True)
    return _exit_status(status)


# Local copies of a publish build (preview, check) must not count visits or queue webmentions.
# One -e with both: Pelican keeps only the last -e given.
LOCAL_COPY = ["-e", "ANALYTICS_ENABLED=false", "WEBMENTIONS_SEND=false"]


# Publish builds go to .output.builds/<pid>-<random>/ and output is a symbolic link to the
# current one, replaced by a rename: output/ is never missing (docs/publishing.md).
_OWNER = re.compile(r"(?:^|\.(?:new|old|link)-)(\d+)(?:-|$)")


def _builds(output: Path) -> Path:
    return output.with_name(f".{output.name}.builds")


def _mounted(output: Path) -> bool:
    """Is output a file system of its own (a Docker volume, a second disk mounted there)? No
    rename moves or replaces it (EBUSY), nor moves anything across it in one step (EXDEV)."""
    return output.is_dir() and not output.is_symlink() and os.path.ismount(output)


def _unlink_dangling(output: Path) -> None:
    """A link to a build folder that was removed by hand: Pelican could not write through it."""
    if output.is_symlink() and not output.exists():
        output.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _current_build(output: Path) -> Path | None:
    """The build folder output links to, or None when it is not a link."""
    if not output.is_symlink():
        return None
    return Path(os.path.normpath(output.parent / os.readlink(output)))


# `make serve` builds into a folder of its own there, kept between sessions (its next start is
# an incremental build), and holds a lock beside it while it runs (the pid and address inside)
SERVE_BUILD = "serve"


def _serve_folder(output: Path) -> Path:
    return _builds(output) / SERVE_BUILD


def _serve_lock(output: Path) -> Path:
    return _builds(output) / f"{SERVE_BUILD}.lock"


def _holder(lock: Path) -> str | None:
    """The line of the process that holds lock (its pid inside), or None when none does: the
    system lets go of a lock when its process ends, killed or not, so the pid a killed one
    left in the file holds nothing."""
    try:
        import fcntl

        handle = lock.open(encoding="utf-8")
    except (ImportError, OSError):
        return None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:  # held: that process runs
            return handle.read().strip() or "another process"
        fcntl.flock(handle, fcntl.LOCK_UN)
    return None


def _serving(output: Path) -> str | None:
    """'pid N at http://…' of the `make serve` of this output that runs, or None."""
    return _holder(_serve_lock(output))


# `make build` and `make publish` hold this lock while they build into an output folder, and
# `make serve` while its first build runs and it points output/ at its folder (the whole time
# it builds into a mounted output/ in place): the second one stops, in one line, never two of
# them writing one folder (half of each, or a publish's tree with development pages)
OUTPUT_LOCK = "output.lock"


def _output_lock(output: Path) -> Path:
    return _builds(output) / OUTPUT_LOCK


def _hold_output_lock(output: Path, holder: str, command: str):
    """Take the lock of building into output for this process (the open file, to keep, or
    None where no lock can be made: the build then says what it cannot write); exit with one
    line naming the process that holds it, and what to do, when another one does."""
    lock = _output_lock(output)
    try:
        import fcntl

        lock.parent.mkdir(parents=True, exist_ok=True)
        handle = lock.open("a+", encoding="utf-8")
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        who = handle.read().strip() or "another process"
        handle.close()
        name = _shown(output)
        sys.exit(
            f"{_REFUSED[command]}: {who} is building into {name}/ now, and two builds into one "
            f"folder at once leave half of each in it: wait for that one to end (or stop it), "
            f"then run `make {command}` again; {name} was left as it was."
        )
    except (ImportError, OSError):  # no folder for it, no locks on this file system: no guard
        return None
    try:
        same = os.stat(lock).st_ino == os.fstat(handle.fileno()).st_ino
    except OSError:
        same = False
    if not same:  # its holder removed it as it ended, after we opened it: take the new one
        handle.close()
        return _hold_output_lock(output, holder, command)
    handle.seek(0)
    handle.truncate()
    handle.write(f"{holder}\n")
    handle.flush()
    return handle


def _let_go_output(handle) -> None:
    """Let go of an output lock _hold_output_lock took, removing its file first (while it is
    held: a process that opened it meanwhile sees it gone, and takes a new one)."""
    if handle is not None:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        handle.close()


@contextlib.contextmanager
def _building_into(output: Path, command: str) -> Iterator[None]:
    """Hold the output lock while `make <command>` (build, publish) builds into output."""
    held = _hold_output_lock(output, f"`make {command}` (pid {os.getpid()})", command)
    try:
        yield
    finally:
        _let_go_output(held)


_REFUSED = {"build": "Build stopped", "publish": "Publish stopped", "serve": "Cannot serve"}


def _hold_serve_lock(output: Path, port: int):
    """Take the lock of serving this output for this process's life (the open file, to keep);
    exit with one line when another `make serve` holds it, or when its folder cannot be
    written (a file in its place, a read-only file system, a folder a `sudo make publish`
    left to root), as a publish says it, not with a traceback."""
    lock = _serve_lock(output)
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        handle = lock.open("a+", encoding="utf-8")
    except OSError as exc:
        where = exc.filename or lock
        sys.exit(
            f"Cannot serve: cannot write {where}: {exc.strerror or exc}; {_shown(output)} was "
            f"left as it was (`make serve` builds in {_shown(_serve_folder(output))}/, beside it)."
        )
    try:
        import fcntl

        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:  # no flock here: no guard
        pass
    except OSError:
        handle.seek(0)
        who = handle.read().strip() or "another process"
        handle.close()
        sys.exit(
            f"{_shown(output)}/ is served already by `make serve` ({who}): stop that one first, "
            "or serve a copy of your own with `invoke serve --port N --output another-folder`."
        )
    handle.seek(0)
    handle.truncate()
    handle.write(f"pid {os.getpid()} at http://{HOST}:{port}/\n")
    handle.flush()
    return handle


def _remove_stale_builds(output: Path) -> list[Path]:
    """Remove what publishes that were killed left behind; the paths removed.

    Build folders in .output.builds/ other than the current one, the staging and retired
    folders earlier versions made beside output/ (.output.new-*, .output.old-*), and temporary
    links (.output.link-*), unless the process named in them still runs. `make serve`'s folder
    and the locks always stay.
    """
    builds = _builds(output)
    current = _current_build(output)
    candidates = list(builds.iterdir()) if builds.is_dir() else []
    for kind in ("new", "old", "link"):
        candidates += output.parent.glob(f".{output.name}.{kind}-*")
    removed = []
    kept = {_serve_folder(output), _serve_lock(output), _output_lock(output)}
    for path in candidates:
        owner = _OWNER.search(path.name)
        if path == current or path in kept:
            continue
        if owner and int(owner[1]) != os.getpid() and _alive(int(owner[1])):
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    try:
        import ctypes

        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, bytes(first), at_fdcwd, bytes(second), rename_exchange) == 0


def _point(output: Path, build: Path) -> Path | None:
    """Make output a link to build in one rename; the folder it showed before, to remove."""
    link = output.with_name(f".{output.name}.link-{os.getpid()}")
    link.unlink(missing_ok=True)
    link.symlink_to(os.path.relpath(build, output.parent), target_is_directory=True)
    previous = _current_build(output)
    if output.is_dir() and not output.is_symlink():
        # output/ is a real folder (`make build` made it): swap it with the link in one step
        # where the system can; elsewhere, it is missing for the instant between two renames
        if _exchange(link, output):
            return link  # the old folder, now under the link's name
        previous = output.with_name(f".{output.name}.old-{os.getpid()}")
        output.rename(previous)
    os.replace(link, output)
    # never remove a folder someone pointed output at by hand
    return previous if previous and previous.parent == build.parent else None


@contextlib.contextmanager
def _engine_record(folder: Path) -> Iterator[tuple[dict[str, str], Callable[[], bool]]]:
    """The environment that asks a build into ``folder`` to record that the engine ran
    (``ENGINE_RECORD``, plugins/engine/command.py), and whether it did; the record goes
    beside the folder, never in the site, and is removed after."""
    from plugins.engine.command import ENGINE_RECORD, engine_ran

    record = folder.with_name(f"{folder.name}.engine")
    try:
        yield {ENGINE_RECORD: str(record)}, lambda: engine_ran(record)
    finally:
        record.unlink(missing_ok=True)


def _say_refused(verb: str, conf: Path, after: str) -> None:
    """The one line of a publish, preview or check whose build ran none of the site's plugins
    (a theme that builds alone, with PLUGINS = []: exit 0, and a site without them), after a
    line for each entry that names no plugin (no engine ran to say it, and our log handling
    keeps Pelican's "Cannot load plugin" line for the engine to replace)."""
    from plugins.engine.settings_errors import plugins_not_there

    for line in plugins_not_there(conf):
        print(line, file=sys.stderr)
    print(
        f"{verb} refused: none of this site's plugins ran ({_shown(conf)}'s PLUGINS lists "
        "none of them, or they failed to load: see above), so the site had no "
        f"Content-Security-Policy and none of the publish checks; list them in PLUGINS; {after}.",
        file=sys.stderr,
        flush=True,
    )


def _say_left_out(conf: Path) -> None:
    """The lines of a build that stopped with none of this site's plugins run: each entry of
    PLUGINS that names no plugin, and that the theme needs plugins.blogcore (its templates'
    {% memo %} tag, which the template error above names, not the plugin)."""
    from plugins.engine import origin
    from plugins.engine.settings_errors import plugins_not_there

    for line in plugins_not_there(conf):
        print(line, file=sys.stderr)
    written = origin.strings_set(conf, "PLUGINS")
    if not written or "plugins.blogcore" in dict(written):
        return  # listed, and failed to load, or the build failed before: said above
    # at the line PLUGINS is written on (pelicanconf.py's, for publishconf.py's import)
    at = f"{origin.shown(written[0][1].path)}: line {written[0][1].line}"
    print(
        f"{at}: PLUGINS leaves out plugins.blogcore, which the theme needs (the "
        "{% memo %} tag of the template error above is its): list it in PLUGINS, with the "
        "site's other plugins.",
        file=sys.stderr,
        flush=True,
    )


def atomic_build(conf: Path, output: Path, content: Path | None = None, extra=()) -> int:
    """Build into a new folder; only when the build succeeds, point output at it in one step.

    SIGINT or SIGTERM stop the build and leave output as it was; what a killed publish leaves
    behind is removed by the next one.
    """
    own_bytecode()
    output = output.absolute()  # not resolve(): output is a link to the current build
    if _mounted(output):
        # no rename replaces a mount point (EBUSY), and the OUTPUT_RETENTION names would be
        # stranded in the build folder the next publish removes
        print(
            f"Publish stopped: {_shown(output)}/ is a file system of its own (a mount point: a "
            "Docker volume, a second disk), which a publish cannot replace in one step: mount "
            f"the folder that holds it instead (docs/publishing.md); {_shown(output)} was left "
            "as it was.",
            file=sys.stderr,
        )
        return 1
    builds = _builds(output)
    builds.mkdir(parents=True, exist_ok=True)
    _remove_stale_builds(output)
    staging = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=builds))
    with _engine_record(staging) as (env, ran):
        status, caught = _run_child(
            _pelican_command(_arguments(conf, staging, content, extra)), env
        )
        engine_ran = ran()
        refused = not caught and status == 0 and not engine_ran
    if refused:
        shutil.rmtree(staging, ignore_errors=True)
        _say_refused("Publish", conf, f"{_shown(output)} was left as it was")
        return 1
    if caught or status != 0 or not (staging / "index.html").is_file():
        shutil.rmtree(staging, ignore_errors=True)
        if status > 0 and not caught and not engine_ran:  # failed, not killed (< 0)
            _say_left_out(conf)
        if caught:
            name = signal.Signals(caught).name
            print(f"Publish stopped ({name}); {output} was left as it was.", file=sys.stderr)
            return 128 + caught
        why = f": {killed}" if (killed := _killed(status)) else f" (exit {status or 1})"
        print(f"Publish failed{why}; {output} was left as it was.", file=sys.stderr)
        return _exit_status(status) or 1
    staging.chmod(0o755)
    retained = (_retained(conf) or ()) if _entries(output) else ()
    if lost := _would_lose(output, staging, retained):
        shutil.rmtree(staging, ignore_errors=True)
        print(
            f"Publish stopped: {_shown(output)}/{lost} would be deleted (this build does not "
            f'write it): keep it with OUTPUT_RETENTION = ["{lost}"] in pelicanconf.py '
            f"(docs/publishing.md); {_shown(output)} was left as it was.",
            file=sys.stderr,
        )
        return 1
    _carry(retained, output, staging)  # OUTPUT_RETENTION: a deploy checkout's .git, a CNAME
    held = {signal.SIGINT, signal.SIGTERM}
    signal.pthread_sigmask(signal.SIG_BLOCK, held)  # the switch is not interrupted half-way
    try:
        previous = _point(output, staging)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, held)
    if previous is not None and previous != _serve_folder(output):
        shutil.rmtree(previous, ignore_errors=True)
    if who := _serving(output):
        print(
            f"{_shown(output)}/ shows this publish build now; `make serve` ({who}) goes on "
            f"serving the development site from {_shown(_serve_folder(output))}/.",
            flush=True,
        )
    return 0


def _detach(output: Path, conf: Path) -> None:
    """A link output/ becomes a real folder: a build writes into a folder of its own, never
    into the last publish's (which the next one removes) or `make serve`'s; the
    OUTPUT_RETENTION names of conf and the hand-placed files in the folder it showed move
    into it."""
    if output.is_symlink():
        shown = Path(os.path.realpath(output))
        retained = _retained(conf) if _entries(shown) else ()
        if retained is None:  # the build stops on its settings: output/ stays as it is
            return
        output.unlink()
        if kept := (*retained, *_hand_placed(shown, retained)):
            output.mkdir()
            _carry(kept, shown, output)
        _remove_stale_builds(output)


def _publish_said(conf: Path, output: Path, content: Path | None = None, extra=()) -> int:
    """atomic_build, where a folder it cannot write (a read-only file system, no permission, a
    file where a folder should be) is one line naming the path and the system's reason, not a
    traceback; the build's own such errors (a full disk) are its one line
    (plugins/engine/command.py)."""
    try:
        return atomic_build(conf, output, content, extra)
    except OSError as exc:
        where = exc.filename2 or exc.filename or output
        print(
            f"Publish failed: cannot write {where}: {exc.strerror or exc}; {_shown(output)} was "
            f"left as it was (a publish builds in {_shown(_builds(output))}/, beside it).",
            file=sys.stderr,
        )
        return 1


def _content(content: str) -> Path | None:
    """The --content folder given (None for Pelican's, content/); a name that is no folder
    ends the command with one line, before anything is built, started or served."""
    if not content:
        return None
    folder = Path(content)
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        sys.exit(
            f"--content {content}: {_shown(folder.absolute())} {what}; pass the folder that "
            "holds posts/ and pages/ (the default is content/)."
        )
    return folder


# what an output folder a build made holds at its top (a build stopped early holds fewer), and
# what no build writes there: a folder holding those is someone's, never replaced or emptied
_BUILT = {"index.html", "404.html", "posts", "theme", "feeds"}
_VERSION_CONTROL = {".git", ".hg", ".svn", ".bzr"}
# what an owner puts at the top of the output folder by hand for the host (a custom domain,
# no Jekyll, a security.txt or a certificate's challenge), which a build writes only when the
# content holds it
_HAND_PLACED = ("CNAME", ".nojekyll", ".well-known")
_SOURCES = {".md", ".markdown", ".rst", ".py", ".ipynb", ".toml", ".cfg"}
_SOURCE_NAMES = {"Makefile", "content", "plugins", "node_modules", ".venv"}
_DOES = {
    "build": "a build empties it",
    "publish": "a publish replaces it whole",
    "serve": "`make serve` replaces it whole with the development site",
    "preview": "`make preview` builds in a folder beside it",
}


def _settings_before_a_build(conf: Path, override: dict | None = None) -> dict:
    """The settings ``conf`` gives, read by a task that builds with it, with nothing logged:
    the build says what Pelican warns of in them ("Locale could not be set") with its level,
    in serve's overlay and count; read here, it was printed bare before the build, once more
    for each reading."""
    from pelican.settings import read_settings

    from plugins.devserver.problems import unlogged

    with unlogged():
        return read_settings(str(conf), override=override)


def _retained(conf: Path) -> tuple[str, ...] | None:
    """Pelican's OUTPUT_RETENTION in conf: names at the top of the output folder that a build
    keeps (a deploy checkout's .git, a CNAME); None when conf cannot be read (the build stops on
    it then, with one line, before it removes anything). Read (running conf here) only when an
    output folder has something in it to keep."""
    try:
        names = _settings_before_a_build(conf).get("OUTPUT_RETENTION") or []
    except Exception:  # the build reports its settings' errors itself, in one line
        return None
    return tuple(name for name in names if isinstance(name, str) and name.strip("./"))


def _mapped_to_top(conf: Path) -> tuple[str, ...]:
    """The names at the top of the output folder where EXTRA_PATH_METADATA in conf puts a
    file (an adopted site's netlify.toml, keys.asc): a build writes them, so they are no
    reason to refuse the folder; none when conf cannot be read (the build says why)."""
    try:
        mapped = _settings_before_a_build(conf).get("EXTRA_PATH_METADATA") or {}
    except Exception:  # the build reports its settings' errors itself, in one line
        return ()
    paths = [meta.get("path") for meta in mapped.values() if isinstance(meta, dict)]
    return tuple(
        path.strip("/").split("/")[0] for path in paths if isinstance(path, str) and path.strip("/")
    )


def _entries(folder: Path) -> list[str]:
    """The names at the top of folder, sorted; none when it is no folder or cannot be read
    (the build then names it, in one line)."""
    try:
        return sorted(entry.name for entry in folder.iterdir())
    except OSError:
        return []


def output_refusal(
    output: Path,
    content: Path,
    root: Path,
    retained: Iterable[str] | None = (),
    command="publish",
    written: Iterable[str] = (),
) -> str | None:
    """Why a build, publish or serve must not write into output, or a preview beside it (one
    line), or None.

    It must not when output is the project folder or holds it, holds the content folder, is
    inside the content folder (the build would read its own pages as posts), or is a folder
    no build made: one holding a repository, sources (.md, .py …) or nothing like a site. A
    publish replaces output whole and a build empties it, deleting what was in it; the names in
    Pelican's OUTPUT_RETENTION are kept (carried over), so they are no reason; retained None
    (settings that cannot be read: the build stops on them, with one line, before it removes
    anything) leaves what is in output unchecked, for that line to be the one said (a
    preview passes None too: it leaves output as it is). ``written``: names the build itself
    puts at the top (EXTRA_PATH_METADATA's), never taken for sources.
    """
    given = Path(os.path.normpath(output.absolute()))
    shown = Path(os.path.realpath(output))
    root, content = Path(os.path.realpath(root)), Path(os.path.realpath(content))
    does = _DOES.get(command, "a build replaces it whole")
    name = _shown(given)
    for folder in dict.fromkeys((given, shown)):
        where = f"--output {name}" + ("" if folder == given else f" ({folder})")
        if root.is_relative_to(folder):
            return (
                f"{where} holds this project ({root}), and {does}: pass a folder of its own "
                "(the default is output/)."
            )
        if content.is_relative_to(folder):
            return (
                f"{where} holds the content folder {_shown(content)}, and {does}: pass a "
                "folder beside it (the default is output/)."
            )
        if folder.is_relative_to(content):
            return (
                f"{where} is inside the content folder {_shown(content)} (the build would read "
                "its own pages as content): pass a folder outside it (the default is output/)."
            )
    if retained is None:
        return None
    # a hand-placed CNAME is kept by a build (or stops a publish after building): no reason
    entries = [e for e in _entries(shown) if e not in retained and e not in _HAND_PLACED]
    for entry in entries:
        if entry in _VERSION_CONTROL:
            return (
                f"--output {name}: {name}/{entry} would be deleted ({does}): keep it with "
                f'OUTPUT_RETENTION = ["{entry}"] in pelicanconf.py (docs/publishing.md), or '
                "deploy from a folder of its own."
            )
    if output.is_symlink() or not entries:  # a publish's build, or nothing to lose
        return None
    ours = set(written)
    for entry in entries:
        if entry in ours:  # a netlify.toml the last build wrote from content/extra/
            continue
        if Path(entry).suffix.lower() in _SOURCES or entry in _SOURCE_NAMES:
            return (
                f"--output {name}: {name}/{entry} is no file a build writes and {does}: pass "
                "a folder of its own (the default is output/)."
            )
    if not _BUILT.intersection(entries):
        return (
            f"--output {name}: {name}/ holds {entries[0]} and no site a build made, and "
            f"{does}: pass an empty folder or one a build made (the default is output/)."
        )
    return None


def _output(output: str, content: Path | None, conf: Path, command: str) -> Path:
    """The --output folder, checked before anything is built, started or removed: where it
    must not be written (output_refusal), one line and exit status 1."""
    folder = ROOT / output  # an absolute --output stays as it is
    if command == "build" and _mounted(folder) and (who := _serving(folder)):
        # serve builds into a mount in place (no link can replace it): a build there would
        # empty and rewrite the folder serve writes and serves, and its incremental record
        sys.exit(
            f"Build stopped: {_shown(folder)}/ is a mount that `make serve` ({who}) builds "
            "into in place, and a build now would write into the site it serves: stop that "
            "serve first, or build into a folder of its own with `invoke build --output "
            f"another-folder`; {_shown(folder)} was left as it was."
        )
    if command == "serve" and _mounted(folder):
        command = "build"  # serve builds into a mount in place, emptying it as a build does
    retained, written = (_retained(conf), _mapped_to_top(conf)) if _entries(folder) else ((), ())
    why = output_refusal(folder, content or ROOT / "content", ROOT, retained, command, written)
    if why:
        sys.exit(why)
    return folder


# what a deploy keeps at the top of the folder it deploys, which a build may not write
_DEPLOY_FILES = {*_VERSION_CONTROL, *_HAND_PLACED}


def _hand_placed(folder: Path, retained) -> tuple[str, ...]:
    """The hand-placed names at the top of folder that OUTPUT_RETENTION does not keep."""
    return tuple(
        name
        for name in _HAND_PLACED
        if name not in retained and ((folder / name).exists() or (folder / name).is_symlink())
    )


def _stamps(path: Path) -> frozenset[tuple[str, int, int]]:
    """Each file under path (and path) with its inode and change time: a build that writes
    one changes them (a copy keeping the source's modification time too), one that leaves
    it does not."""
    found = set()
    for here in (path, *(path.rglob("*") if path.is_dir() and not path.is_symlink() else ())):
        with contextlib.suppress(OSError):
            stat = here.lstat()
            found.add((str(here.relative_to(path)), stat.st_ino, stat.st_ctime_ns))
    return frozenset(found)


def _kept_line(output: Path, name: str, by: str = "this build") -> str:
    """What a development build says of a hand-placed file it kept and does not write."""
    return (
        f"{_shown(output)}/{name} is kept, but {by} does not write it and OUTPUT_RETENTION "
        f'does not list it: add OUTPUT_RETENTION = ["{name}"] to pelicanconf.py '
        "(docs/publishing.md), or `make publish` stops on it."
    )


def _would_lose(output: Path, build: Path, retained) -> str | None:
    """The first deploy file (a CNAME, a .git) in the folder output shows that the new build
    does not hold and OUTPUT_RETENTION does not keep: replacing output would delete it
    (`make serve`'s folder stays, and what is in it)."""
    if not output.is_dir() or os.path.realpath(output) == os.path.realpath(_serve_folder(output)):
        return None
    for name in sorted(_DEPLOY_FILES - set(retained)):
        here = output / name
        if (here.exists() or here.is_symlink()) and not (build / name).exists():
            return name
    return None


def _carry(retained, old: Path, new: Path) -> None:
    """Move the OUTPUT_RETENTION names at the top of old into new (a name the new build
    wrote itself stays the build's), as Pelican keeps them when it empties its output.

    Not ``_move_across``: old and new are on one file system (output/ and the builds' folder
    beside it), where a move is one rename, never half done, and a failure stops the build
    or publish with its line; ``_move_across`` is for a mount, where a move is a copy."""
    if not retained or os.path.realpath(old) == os.path.realpath(new):
        return
    for name in retained:
        kept, there = old / name, new / name
        if (kept.exists() or kept.is_symlink()) and not (there.exists() or there.is_symlink()):
            shutil.move(kept, there)


@task(help={"content": "content folder (default: content/)", "output": "output folder"})
def build(c, content="", output="output"):
    """Build the site once with pelicanconf.py into output/."""
    source = _content(content)
    folder = _output(output, source, DEV_CONF, "build")
    with _building_into(folder, "build"):
        sys.exit(_build(DEV_CONF, folder, source))


def _build(conf: Path, output: Path, content: Path | None = None) -> int:
    """`make build`: Pelican into output/ (a real folder); its exit status. A build stopped
    (Ctrl-C) says so, and what output/ holds then: Pelican empties it first, so it held only
    a few files, with no line. A hand-placed CNAME, .nojekyll or .well-known/ is kept, and
    named in one line when this build does not write it."""
    _detach(output, conf)
    stopped = (
        f"{_shown(output)}/ may be incomplete (a build empties it first): run `make build` again."
    )
    retained = _retained(conf) if _entries(output) else ()
    hand = _hand_placed(output, retained) if retained is not None else ()
    # Pelican empties output/ first and would delete a CNAME put there by hand: this build
    # keeps it as if OUTPUT_RETENTION listed it (a publish, which replaces output/, stops on it)
    keep = json.dumps([*retained, *hand])
    before = {name: _stamps(output / name) for name in hand}
    extra = ["-e", f"OUTPUT_RETENTION={keep}"] if hand else []
    with _engine_record(output) as (env, ran):
        status = _pelican(conf, output, content, extra, stopped, env)
        if 0 < status < 128 and not ran():  # not stopped (128+N): failed
            _say_left_out(conf)
    for name in hand:
        if status == 0 and _stamps(output / name) == before[name]:
            print(_kept_line(output, name), file=sys.stderr, flush=True)
    return status


@task(help={"content": "content folder", "output": "output folder (replaced only on success)"})
def publish(c, content="", output="output"):
    """Build with publishconf.py into a temporary folder, then swap it into output/."""
    source = _content(content)
    folder = _output(output, source, PUBLISH_CONF, "publish")
    with _building_into(folder, "publish"):
        sys.exit(_publish_said(PUBLISH_CONF, folder, source))


class _Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP to serve (its number the one argument): stops it where Ctrl-C does
    (a KeyboardInterrupt, which asyncio and Tornado let through their callbacks, a rebuild
    included)."""


def _on_sigterm(signum: int, _frame) -> None:
    """serve's SIGTERM (and SIGHUP) handler: Ctrl-C's stop (a clean end once serving, a stop
    said during the first build). Left to the server's loop, SIGTERM waited for a rebuild to
    end, and one sent to the group killed the warm server: that rebuild ran again in a new
    one first."""
    raise _Terminated(signum)


def _stop_on_sigterm() -> None:
    """SIGTERM and SIGHUP (the terminal closed) stop serve as Ctrl-C does, so its `finally`
    stops what it started: the warm server, in a process group of its own, hears neither."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _on_sigterm)


@contextlib.contextmanager
def _before_serving() -> Iterator[None]:
    """serve's start and first build; stopped (Ctrl-C, SIGTERM), one line
    and exit status 130 or 143, as `make build` does (it ended with status 0 or 1, no line;
    stopped before its first build began, after Isso had started, with status 1, no line)."""
    try:
        yield
    except KeyboardInterrupt as exc:
        caught = signal.Signals(exc.args[0]) if isinstance(exc, _Terminated) else signal.SIGINT
        print(
            f"Build stopped ({caught.name}) before anything was served.",
            file=sys.stderr,
            flush=True,
        )
        sys.exit(128 + caught)


def _not_found_page(conf: Path) -> str:
    """The 404 page a build with ``conf`` writes (NOTFOUND_SAVE_AS), relative to its output;
    404.html when ``conf`` does not load (the build has said why, and `serve` goes on serving
    until it is fixed)."""
    try:
        return _settings_before_a_build(conf).get("NOTFOUND_SAVE_AS") or "404.html"
    except Exception:
        return "404.html"


def _template_folders(conf: Path) -> list[Path]:
    """The folders besides theme/ that a build with ``conf`` renders pages from and that
    exist: THEME_TEMPLATES_OVERRIDES and I18N_TRANSLATIONS_PATH (relative to the project, as
    Pelican takes them); none when ``conf`` does not load (the build says why)."""
    from plugins.fastbuild.signals import template_folders

    try:  # any existing content folder will do: only the templates' settings are read
        settings = _settings_before_a_build(conf, {"PATH": str(ROOT)})
    except Exception:
        return []
    # the folders the incremental build counts as its inputs (fastbuild), watched here
    found = [ROOT / f for f in template_folders(settings) if (ROOT / f).is_dir()]
    return [f for f in found if not f.resolve().is_relative_to((ROOT / "theme").resolve())]


def _watch_settings_inputs(named: list[str], watcher, watched: list[Path], rebuild) -> None:
    """Watch (``watcher.watch``, for ``rebuild``) each path of ``named`` (the warm builder's
    ``inputs()``: THEME, the site's modules the settings import) that exists and is not under
    one of ``watched`` yet, and add it there: `make serve` rebuilt on an edit to the theme
    folder THEME names, or to a module the settings file imports, only after some other
    change."""
    for name in named:
        path = Path(name)
        if not path.exists():
            continue
        if any(path.resolve().is_relative_to(Path(w).resolve()) for w in watched):
            continue
        watched.append(path)
        watcher.watch(str(path), rebuild)


def _serve(
    root: Path,
    port: int,
    rebuild=None,
    watched=(),
    not_found: str = "404.html",
    pages: str | None = None,
    shown: str | None = None,
    watcher=None,
    live: bool = True,
) -> None:
    """Serve ``root`` on HOST:port until stopped; ``live``: with livereload, rebuilding on
    each change to ``watched``; else as the files are, no script added, nothing watched."""
    from livereload import Server
    from tornado.ioloop import IOLoop

    from plugins.devserver.static import static_app
    from plugins.devserver.watch import SiteWatcher

    # SIGTERM stops the server as Ctrl-C does, at once, mid-rebuild too; the caller's
    # `finally` cleans up (preview's too)
    _stop_on_sigterm()
    loop = IOLoop.current()
    # a missing page gets the site's 404 page (with the problems overlay) and status 404,
    # not Tornado's bare "404: Not Found"
    # with ``pages`` (serve's builds record which file wrote each page), a page that moved
    # while serving sends the browser on to its new address
    app = static_app(root, not_found, pages)
    # said once the loop runs, i.e. once the port is bound (tests wait for this line)
    ready = f"Serving {shown or root} at http://{HOST}:{port}/ (Ctrl-C to stop)"
    loop.add_callback(lambda: print(ready, flush=True))
    if not live:
        # livereload watches the working folder when given nothing to watch, and told every
        # open page to reload on any save in the project, onto the same unrebuilt files (and
        # added its script to each page, which the site does not ship)
        from tornado.httpserver import HTTPServer
        from tornado.wsgi import WSGIContainer

        HTTPServer(WSGIContainer(app)).listen(port, address=HOST)
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C: the caller cleans up
            loop.start()
        return
    # a file moved in with an old date is a change too, and a folder of changes is one build
    # (plugins/devserver/watch.py)
    server = Server(app, watcher=watcher or SiteWatcher())
    for path in watched:
        server.watch(str(path), rebuild)
    server.serve(host=HOST, port=port, debug=False, restart_delay=0)


def _bind_error(port: int) -> OSError | None:
    """Why the dev server could not listen on HOST:port now (as Tornado binds: SO_REUSEADDR),
    or None when it could."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
        except OSError as exc:
            return exc
    return None


def _port_to_serve(given, command: str = "serve") -> int:
    """The port `serve` listens on, checked before it builds, starts Isso or touches output/:
    a port taken (another `make serve`) stops it with one line, where it said "Serving on"
    over a build written into the first server's output/ and ended in a traceback."""
    text = str(given).strip() or str(PORT)  # `make serve` without PORT= passes ""
    # `make preview` takes no PORT=: invoke's option only
    use = "make serve PORT={} / invoke serve" if command == "serve" else f"invoke {command}"
    if not text.isdigit() or not 0 < int(text) < 65536:
        sys.exit(f"Port {given!r} is not a port number: use {use.format(8001)} --port 8001")
    port = int(text)
    error = _bind_error(port)
    if error is None:
        return port
    other = next(
        (p for p in range(port + 1, min(port + 50, 65536)) if _bind_error(p) is None), port + 1
    )
    if error.errno == errno.EADDRINUSE:
        why = f"Port {port} is in use — is another make serve running?"
    else:
        why = f"Port {port} cannot be used ({error.strerror or error})."
    sys.exit(f"{why} Use {use.format(other)} --port {other}")


ISSO_PORT = 8080  # preferred; another free port when something else listens there


def _local_isso(port: int, output: Path = ROOT / "output"):
    """Start Isso for `serve` (data in var/isso/, git-ignored), or None if it cannot run.

    It takes ISSO_PORT if free, else a port the system picks, and the build is told which
    (COMMENTS_ISSO_URL, read by pelicanconf.py). It reads the threads list of the builds into
    `output`. If it exits later, the terminal says so.
    """
    from plugins.comments import local_isso

    origins = [f"http://{HOST}:{port}", f"http://localhost:{port}"]
    folder = ROOT / "var" / "isso"
    isso_port = local_isso.free_port(ISSO_PORT)
    config = local_isso.write_config(folder, isso_port, origins)
    threads = output / "comments" / "threads.json"  # its closed threads refuse new comments
    try:
        process = local_isso.start(config, isso_port, threads)
    except RuntimeError as exc:
        why = f"Comments are OFF for this session: the local Isso did not start ({exc})."
        print(why, file=sys.stderr, flush=True)
        return None
    url = f"http://{HOST}:{isso_port}"
    os.environ["COMMENTS_ISSO_URL"] = url  # the builds below embed this server
    if isso_port != ISSO_PORT:
        print(f"Port {ISSO_PORT} is taken: the local Isso uses {isso_port}.", flush=True)
    print(f"Comments: Isso at {url}/ (data and isso.log in var/isso/)", flush=True)

    def exited(status: int) -> None:
        why = f"Comments are OFF: the local Isso exited (status {status}); see var/isso/isso.log"
        print(f"{why} and restart `make serve`.", file=sys.stderr, flush=True)

    local_isso.watch(process, exited)
    return process


def _problems_line(report: Path, started: int) -> str | None:
    """'The build logged 1 error and 2 warnings ...' from the problems file of the build that
    started at ``started`` (time.time_ns()), or None. A report from before (a full disk kept
    the previous build's, or the build left none) is not this build's: the line says that the
    problems above are not on the served pages, never the previous build's counts."""
    from plugins.devserver.problems import counts

    counted = counts(report, started)
    if counted is None:
        return (
            f"{_shown(report)}: the build could not write its warnings and errors (above) "
            "there: the served pages do not show them, nor the previous build's."
        )
    errors, warnings = counted
    if not errors and not warnings:
        return None
    said = f"{errors} error{'s' * (errors != 1)} and {warnings} warning{'s' * (warnings != 1)}"
    return f"The build logged {said} (above; the served pages show them until they are fixed)."


@task(
    aliases=["livereload"],
    help={
        "port": f"port to serve on (default {PORT})",
        "content": "content folder (default: content/)",
        "output": "output folder (default: output/; another one gets its own build cache)",
    },
)
def serve(c, port=str(PORT), content="", output="output"):
    """Build, then serve output/ with live reload and local comments, rebuilding on change.

    Every build's warnings and errors print here, and the served pages show them in an
    overlay until a build has none (plugins/devserver).
    """
    from plugins.comments import local_isso
    from plugins.devserver import pages
    from plugins.devserver.problems import FILE_NAME
    from plugins.devserver.watch import SiteWatcher
    from plugins.engine import background
    from plugins.engine.command import ENGINE_RECORD
    from plugins.fastbuild.warm import WarmBuilder

    # SIGTERM (not only Ctrl-C) must reach the `finally` below, which stops Isso, the warm
    # builder and the search index's run; during the first build it is a stop, said as `make
    # build` says it (_before_serving)
    _stop_on_sigterm()
    source = _content(content)  # a folder that is not there: one line, nothing served
    source = source.absolute() if source else None
    port = _port_to_serve(port)  # before anything is built, started or removed
    folder = _output(output, source, DEV_CONF, "serve")  # before anything is built or removed
    # one server a folder: a second one refuses in one line (before it starts anything)
    lock = _hold_serve_lock(folder, port)
    # nor while a build or a publish writes into it; held until output/ shows serve's folder
    # (the whole time, for a mount it builds into in place). serve's own builds never take it
    held = [
        _hold_output_lock(
            folder, f"`make serve` (pid {os.getpid()} at http://{HOST}:{port}/)", "serve"
        )
    ]
    # builds go to a folder of serve's own, by its real path, never through the output link:
    # a publish that re-points output/ meanwhile keeps its folder as it made it. An output/
    # that is a mount (a Docker volume) cannot become that link (EBUSY): serve builds into it
    # in place, as into its own folder, and what was kept there stays where it is
    in_place = _mounted(folder)
    if in_place:  # before the first build empties the mount of what it does not keep
        _move_back_kept(folder)
    own = folder if in_place else _serve_folder(folder)
    # named for this process: a publish beside it removes it only once serve has ended
    engine = _builds(folder) / f"{os.getpid()}-serve.engine"
    external = bool(os.environ.get("COMMENTS_ISSO_URL"))
    isso = None if external else _local_isso(port, own)
    builder = None
    # from here on, however serve stops (Ctrl-C, SIGTERM during the first build), Isso and
    # the warm builder stop with it: Isso stayed, serving and holding its port
    try:
        with _before_serving():
            _unlink_dangling(folder)
            # incremental: each rebuild re-renders only the pages an edit changed
            # (plugins/fastbuild); the search index follows in the background, so a page shows
            # without waiting for it. DEVSERVER_OVERLAY: the theme includes the problems overlay
            # (never in other builds).
            overrides = _serve_overrides(folder, own, comments=external or isso is not None)
            # off a terminal (a log file, a pipe), one line per message, as `invoke build` prints
            args = [*_arguments(DEV_CONF, own, source, ["-e", *overrides]), *_log_handler()]
            report = own / FILE_NAME
            # which file wrote each page, over this session's builds (not an earlier session's)
            record = own / pages.FILE_NAME
            record.unlink(missing_ok=True)
            env = {**_env(), "SITEURL": f"http://{HOST}:{port}"}  # links stay on this server
            # builds run in forks of one process that has imported Pelican and the plugins
            # already; they log at Pelican's default level (warnings and errors), as `make build`
            # does
            own_bytecode()
            # a build that fails with none of the site's plugins run names the PLUGINS entry,
            # as `make build` does (the theme's template error alone named no plugin)
            env[ENGINE_RECORD] = str(engine)
            # a search index still running in the background dies with serve, even by kill -9
            env[background.OWNER] = str(os.getpid())
            builder = WarmBuilder(DEV_CONF, ROOT, env=env)
            started = time.time_ns()
            # a CNAME in a mounted output/ stays there: said as when one moves into serve's
            # folder (_show_in_output), unless the build writes it (content/extra/CNAME)
            hand = _hand_placed(folder, _retained(DEV_CONF) or ()) if in_place else ()
            before = {name: _stamps(folder / name) for name in hand}
            first = _serve_build(builder, args, report, record, engine)
        for name in hand:
            if _stamps(folder / name) == before[name]:
                print(_kept_line(folder, name, "`make serve`"), file=sys.stderr, flush=True)
        if first != 0:
            print("The first build failed; serving what was built.", file=sys.stderr)
        if line := _problems_line(report, started):
            print(line, file=sys.stderr, flush=True)
        # output/ shows the development site, as it did when serve built into it (once a build
        # has made the folder); what it shows then, by its real path
        shows = [_show_in_output(folder, own)]
        _let_go(held, shows[0] is not None and not in_place)
        watcher = SiteWatcher()

        def rebuild() -> None:
            now = os.path.realpath(folder)
            if shows[0] is None:
                shows[0] = _show_in_output(folder, own)
                _let_go(held, shows[0] is not None and not in_place)
            elif now != shows[0]:  # re-pointed since (a publish, a build): said once, left alone
                shows[0] = now
                if now != os.path.realpath(own):
                    print(_output_moved_line(folder, own), flush=True)
            started = time.time_ns()
            _serve_build(builder, args, report, record, engine)
            if shows[0] is None:
                shows[0] = _show_in_output(folder, own)
                _let_go(held, shows[0] is not None and not in_place)
            if line := _problems_line(report, started):
                print(line, file=sys.stderr, flush=True)
            # a new server (the settings changed: they may import another module now) has
            # loaded them again
            _watch_settings_inputs(builder.inputs(), watcher, watched, rebuild)

        watched = [source or ROOT / "content", ROOT / "theme", ROOT / "plugins", DEV_CONF]
        watched += _template_folders(DEV_CONF)  # THEME_TEMPLATES_OVERRIDES, the catalogs
        for path in watched:
            watcher.watch(str(path), rebuild)
        # THEME, the site's own modules: as the warm builder's server loaded the settings
        _watch_settings_inputs(builder.inputs(), watcher, watched, rebuild)
        _serve(
            own,
            port,
            not_found=_not_found_page(DEV_CONF),
            pages=pages.FILE_NAME,
            shown=f"{_shown(folder)}/" if in_place else f"{_shown(folder)}/ ({_shown(own)}/)",
            watcher=watcher,
        )
    finally:
        if builder is not None:
            builder.close()
            _stop_background(folder, own)
        if isso is not None:
            local_isso.stop(isso)
        engine.unlink(missing_ok=True)
        _let_go(held)
        lock.close()


def _let_go(held: list, now: bool = True) -> None:
    """Close the lock in held[0] (serve's output lock), if any, when now."""
    if now:
        _let_go_output(held[0])
        held[0] = None


def _serve_build(builder, args: list[str], report: Path, pages: Path, engine: Path) -> int:
    """One build of `make serve` in its warm builder; its exit status. One that failed with
    none of the site's plugins run says what `make build` says then (``_say_left_out``)."""
    from plugins.engine.command import engine_ran

    engine.unlink(missing_ok=True)
    status = builder.build(args, problems=report, pages=pages)
    if 0 < status < 128 and not engine_ran(engine):  # failed, not stopped by a signal
        _say_left_out(DEV_CONF)
    return status


def _own_cache(folder: Path) -> Path | None:
    """The cache of serve's builds shown in ``folder`` when not the settings' CACHE_PATH: two
    servers must not share an incremental build's record."""
    return None if folder == ROOT / "output" else folder.with_name(f".{folder.name}.cache")


def _stop_background(folder: Path, own: Path) -> None:
    """Stop what serve's last build left running into ``own`` (search's Pagefind run, in a
    session of its own): it went on writing there after serve had ended."""
    from plugins.engine import background

    cache = _own_cache(folder)
    if cache is None:
        try:
            cache = _settings_before_a_build(DEV_CONF, {"PATH": str(ROOT)})["CACHE_PATH"]
        except Exception:  # the settings no longer load: serve's builds said why
            return
    background.stop({"OUTPUT_PATH": str(own), "CACHE_PATH": str(cache)}, timeout=5)


def _serve_overrides(folder: Path, own: Path, comments: bool, conf: Path = DEV_CONF) -> list[str]:
    """The settings `make serve`'s builds into ``own`` get with -e (shown in ``folder``;
    ``comments``: a comment server answers)."""
    overrides = ["FASTBUILD_INCREMENTAL=true", "SEARCH_IN_BACKGROUND=true"]
    overrides += ["DEVSERVER_OVERLAY=true"]
    if not comments:  # no comment server: pages must not point at one
        overrides += ['COMMENTS_PROVIDER="none"']
    if (cache := _own_cache(folder)) is not None:
        overrides += [f"CACHE_PATH={json.dumps(str(cache))}"]
    # a hand-placed CNAME carried into serve's folder (_show_in_output) stays when a build
    # with no record of the folder empties it, as `make build` keeps one (the settings are
    # read only then: a first serve's folder holds nothing)
    if not any(name in _HAND_PLACED for name in _entries(own)):
        return overrides
    retained = _retained(conf) or ()
    kept = [*retained, *(name for name in _HAND_PLACED if name not in retained)]
    return [*overrides, f"OUTPUT_RETENTION={json.dumps(kept)}"]


def _show_in_output(output: Path, own: Path, conf: Path = DEV_CONF) -> str | None:
    """Point output at `make serve`'s folder (in one rename), unless it does already; remove
    the folder it showed (its OUTPUT_RETENTION names and hand-placed files move into serve's,
    each of the latter said in one line); the folder it shows
    now (its real path), or None while no build has made `make serve`'s folder."""
    if not own.is_dir():
        return None
    if os.path.realpath(output) != os.path.realpath(own):
        retained = _retained(conf) if _entries(output) else ()
        if retained is None:  # its settings cannot be read now: re-pointed after a build
            return None
        hand = [n for n in _hand_placed(output, retained) if not (own / n).exists()]
        _carry((*retained, *hand), output, own)
        for name in hand:  # moved, not deleted with the folder it was in
            print(_kept_line(output, name, "`make serve`"), file=sys.stderr, flush=True)
        published = _current_build(output)
        previous = _point(output, own)
        if previous is not None and previous != own:
            shutil.rmtree(previous, ignore_errors=True)
        if published is not None and published.parent == own.parent:
            print(
                f"{_shown(output)}/ showed a publish build; it shows the development site now "
                "(drafts included): run `make publish` again before deploying it.",
                flush=True,
            )
    return os.path.realpath(output)


def _move_back_kept(output: Path, conf: Path = DEV_CONF) -> None:
    """A mounted output/: move back into it the kept files (a CNAME, .well-known/, the
    OUTPUT_RETENTION names) that it lacks and serve's folder beside it holds, where an
    earlier serve put them (one from before serve built into a mount in place moved them out
    of it; one run while output/ was a link carried them there) and nothing serves or
    deploys them now. One Note line for what moved; one naming what to move by hand for
    what could not."""
    old = _serve_folder(output)
    if not _entries(old):
        return  # no folder there (the settings are read only when there is one)
    names = dict.fromkeys([*(_retained(conf) or ()), *_HAND_PLACED])
    moved, failed = [], []
    for name in names:
        source, target = old / name, output / name
        if not (source.exists() or source.is_symlink()) or target.exists() or target.is_symlink():
            continue
        try:
            _move_across(source, target)
            moved.append(name)
        except OSError as exc:
            failed.append((name, exc.strerror or str(exc)))
    where = f"{_shown(output)}/ (a mount, which `make serve` now builds into in place)"
    if moved:
        them = "them" if len(moved) > 1 else "it"
        print(
            f"Note: moved {', '.join(moved)} from {_shown(old)}/, where an earlier `make "
            f"serve` had put {them}, back into {where}.",
            file=sys.stderr,
            flush=True,
        )
    if failed:
        them = "them" if len(failed) > 1 else "it"
        print(
            f"Note: {', '.join(n for n, _ in failed)} in {_shown(old)}/, where an earlier "
            f"`make serve` had put {them}, could not be moved back into {where} "
            f"({failed[0][1]}): move {them} into {_shown(output)}/ yourself.",
            file=sys.stderr,
            flush=True,
        )


def _move_across(source: Path, target: Path) -> None:
    """Move source to target on another file system: copied under a temporary name beside
    target, renamed into place, and only then removed, so a copy failing half-way (a full
    disk) leaves no part of it under the name (the next start would take it for whole).

    Not ``_carry``: shutil.move across file systems copies in place, and one that fails
    half-way leaves part of a folder under the real name, which ``_carry`` then takes for
    kept; moving one name at a time lets ``_move_back_kept`` name each that failed."""
    temporary = target.with_name(f".{target.name}.moving-{os.getpid()}")
    try:
        if source.is_dir() and not source.is_symlink():
            shutil.copytree(source, temporary, symlinks=True)
        else:
            shutil.copy2(source, temporary, follow_symlinks=False)
        os.rename(temporary, target)
    except BaseException:
        if temporary.is_dir() and not temporary.is_symlink():
            shutil.rmtree(temporary, ignore_errors=True)
        else:
            temporary.unlink(missing_ok=True)
        raise
    # moved: a source that will not go is left (the next start finds the name in place)
    if source.is_dir() and not source.is_symlink():
        shutil.rmtree(source, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            source.unlink()


def _output_moved_line(output: Path, own: Path) -> str:
    """What serve says when something else re-pointed (or removed) output/ while it runs."""
    name = _shown(output)
    if not output.exists():
        what = f"{name}/ is gone"
    elif output.is_symlink():
        what = f"{name}/ shows another build now ({_shown(Path(os.path.realpath(output)))}/)"
    else:
        what = f"{name}/ is another build's folder now"
    return (
        f"{what}: this server goes on with the development site in {_shown(own)}/ and leaves "
        f"{name}/ alone (restart `make serve` to show the development site there again)."
    )


@task(
    help={
        "port": f"port to serve on (default {PORT})",
        "content": "content folder (default: content/)",
        "output": "the output folder it leaves alone (its build goes beside it)",
    }
)
def preview(c, port=str(PORT), content="", output="output"):
    """Build with publish settings (SITEURL pointing here) and serve it, as it will ship."""
    source = _content(content)
    port = _port_to_serve(port, "preview")  # a port taken: one line, before building
    # output itself is left alone, so only where it is counts (what it holds is not checked):
    # its build folder goes beside it, and inside the content folder the build reads it
    if why := output_refusal(ROOT / output, source or ROOT / "content", ROOT, None, "preview"):
        sys.exit(why)
    os.environ["SITEURL"] = f"http://{HOST}:{port}"
    # a folder of its own, named by this process (a killed preview's goes with the next
    # publish): output/ keeps what it showed, never a site pointing at this machine
    builds = _builds(ROOT / output)
    builds.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-preview-", dir=builds))
    name = _shown(ROOT / output)
    try:
        # as a publish does: a build that ran none of the site's plugins is not what ships
        with _engine_record(folder) as (env, ran):
            status = _pelican(PUBLISH_CONF, folder, source, extra=LOCAL_COPY, env=env)
            if status == 0 and not ran():
                _say_refused("Preview", PUBLISH_CONF, f"{name}/ was left as it was")
                sys.exit(1)
        if status or not (folder / "index.html").is_file():
            print(f"Preview failed (exit {status or 1}); {name}/ was left as it was.")
            sys.exit(status or 1)
        shown = f"a preview in {_shown(folder)}/ (removed when it stops; {name}/ left as it was)"
        not_found = _not_found_page(PUBLISH_CONF)
        _serve(folder, int(port), not_found=not_found, shown=shown, live=False)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@task(help={"only": "comma-separated gates to run", "skip": "comma-separated gates to skip"})
def check(c, only="", skip=""):
    """Build a publish copy and run every quality gate on it (python -m sitecheck)."""
    from sitecheck.build import LINT_LISTS

    with tempfile.TemporaryDirectory() as tmp:
        out, log = Path(tmp) / "site", Path(tmp) / "build-log.jsonl"
        env = {**os.environ, "COLUMNS": os.environ.get("COLUMNS", "200")}
        if "lint" not in skip.split(",") and (not only or "lint" in only.split(",")):
            # the lint gate lists each warning and error under its file: the build's console
            # does not say them first (make check said every mistake twice)
            env[LINT_LISTS] = "1"
        # a fresh publish build (no analytics, no webmention outbox), its warnings and errors
        # recorded for the lint gate
        with _engine_record(out) as (record, ran):
            status = subprocess.call(
                [sys.executable, "-m", "sitecheck.build", str(log), "-s", str(PUBLISH_CONF),
                 "-o", str(out), *LOCAL_COPY],
                cwd=ROOT,
                env={**env, **record},
            )  # fmt: skip
            if status == 0 and not ran():  # as a publish: no gate is green on such a site
                _say_refused("Check", PUBLISH_CONF, "nothing was checked")
                sys.exit(1)
        if status:  # killed (the out-of-memory killer): the signal named, as publish does
            why = f": {killed}" if (killed := _killed(status)) else f" (exit {status})"
            print(f"The publish build failed{why}; checking what it logged.")
            status = _exit_status(status)
            only = "lint"
        siteurl = os.environ.get("SITEURL", "https://blog.tessellate.example")
        args = [str(out), siteurl, "--content", str(ROOT / "content"), "--build-log", str(log)]
        args += [f"--only={only}"] if only else []
        args += [f"--skip={skip}"] if skip else []
        result = subprocess.run([sys.executable, "-m", "sitecheck", *args], cwd=ROOT, check=False)
        sys.exit(result.returncode or status)


@task(
    help={
        "slug": "the post: its slug, its address (/posts/<slug>/, or the full URL) or its file",
        "content": "content folder (default: content/)",
    }
)
def related(c, slug, content=""):
    """Print the related posts chosen for one post, each score broken down by component.

    A draft, future or hidden post is scored as if it were published, and said to be one. A
    post that is not there: one line with the slug most like it, exit status 1.
    """
    slug = slug.strip()
    if not slug:
        sys.exit("No post given: invoke related <slug> (or /posts/<slug>/, or its file).")
    source = _content(content)
    source = source.absolute() if source else None
    from plugins.devserver.problems import counts
    from plugins.engine.command import ENGINE_PROBLEMS

    setting = f"RELATED_EXPLAIN={json.dumps(slug)}"  # -e takes JSON values
    with tempfile.TemporaryDirectory() as tmp:
        # the answer is printed once the posts are final; the build goes on to its end in a
        # temporary folder, its warnings and errors kept in a report as `make serve`'s (the
        # console says only what stops it), so the count is of every line `make build` says
        report = Path(tmp) / "problems.json"
        extra = ["-e", setting, "--log-handler", "plain"]
        started = time.time_ns()
        env = {ENGINE_PROBLEMS: str(report)}
        status = _pelican(DEV_CONF, Path(tmp) / "output", source, extra=extra, env=env)
        counted = counts(report, started)
    # a build stopped before its end (no such post, a crash: its line is above) is not counted
    if status == 0 and counted is not None and (said := _problems_said(*counted)):
        print(f"The build had {said} (make build shows them).", file=sys.stderr)
    sys.exit(status)


def _problems_said(errors: int, warnings: int) -> str:
    """The counts in words, warnings first ("3 warnings and 1 error"); "" for none."""
    parts = [
        f"{n} {kind}{'s' if n != 1 else ''}"
        for kind, n in (("warning", warnings), ("error", errors))
        if n
    ]
    return " and ".join(parts)


@task(
    name="send-webmentions",
    help={"timeout": "seconds to wait for each site (default 10)"},
)
def send_webmentions(c, timeout="10"):
    """After a deploy: notify the sites that published posts link to (see WEBMENTIONS_SEND)."""
    # a string default: invoke reads a float default as a flag, shown in --help with no value
    try:
        seconds = float(timeout)
    except ValueError:
        sys.exit(f"--timeout {timeout!r} is not a number of seconds, such as 10 or 2.5")
    from pelican.settings import read_settings

    from plugins.webmentions import send
    from plugins.webmentions.settings import file_path

    settings = read_settings(str(PUBLISH_CONF))
    outbox = file_path(settings, "WEBMENTIONS_OUTBOX")
    if not outbox.is_file():
        sys.exit(f"No {_shown(outbox)}: set WEBMENTIONS_SEND = True and run a publish build first.")
    record = file_path(settings, "WEBMENTIONS_SENT")
    outcomes: list = []

    def report(outcome) -> None:
        outcomes.append(outcome)
        print(f"{outcome.result}: {outcome.source} -> {outcome.target}", flush=True)

    try:
        send.send_pending(outbox, record, seconds, report)
    except KeyboardInterrupt:
        print(
            f"Stopped: {sum(o.done for o in outcomes)} done before the stop are recorded in "
            f"{_shown(record)}; run it again to notify the rest.",
            file=sys.stderr,
        )
        sys.exit(130)
    except send.FileError as exc:
        sys.exit(f"{_shown(exc.path)}: {exc.problem}.")
    except OSError as exc:
        sys.exit(f"Could not record what was sent in {_shown(record)}: {exc.strerror or exc}.")
    print(f"{sum(o.result == 'sent' for o in outcomes)} sent, {len(outcomes)} tried.")


def _shown(path: Path) -> str:
    """A path relative to the project when it is inside it, else absolute."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _git_author() -> str:
    """git config user.name, or '' without one."""
    try:
        out = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, cwd=ROOT, check=False
        )
    except OSError:
        return ""
    return out.stdout.strip()


def _front_matter(path: Path) -> dict[str, list[str]]:
    """A Markdown file's 'Key: value' lines up to the first blank one, keys lowercased."""
    metadata: dict[str, list[str]] = {}
    key = None
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines[1:] if lines[:1] == ["---"] else lines:
        if not line.strip() or line.strip() == "---":
            break
        if line[:1] in (" ", "\t") and key:  # a continued value, as Python-Markdown reads it
            metadata[key].append(line.strip())
            continue
        name, colon, value = line.partition(":")
        if not colon:
            break
        key = name.strip().lower()
        metadata[key] = [value.strip()]
    return metadata


def _team(content: Path):
    """The team of a content folder (plugins/team's Roster), or None when it has no team files."""
    import pelicanconf
    from plugins.blogcore.frontmatter import lang_problem
    from plugins.team import languages, people
    from plugins.team.settings import DEFAULTS

    folder = content / getattr(pelicanconf, "TEAM_PATH", DEFAULTS["TEAM_PATH"])
    paths = sorted(folder.glob("*.md")) if folder.is_dir() else []
    stems = {path.stem for path in paths}
    found = []
    for path in paths:
        if languages.split_name(path.stem, stems, lambda s: lang_problem(s) is None):
            continue  # a bio in another language (<slug>.fr.md): its person is listed once
        # problems in team files are the build's to report; here only names matter
        person, _ = people.parse_person(
            path.stem, _shown(path), _front_matter(path), "", lambda _: True
        )
        if person is not None:
            found.append(person)
    return people.build_roster(found)[0] if found else None


def _team_list(team, folder: Path) -> str:
    """The people who may write, one a line: number, name, and what else they answer to."""
    lines = [f"The team ({_shown(folder)}/):"]
    writers = [p for p in team.people if not p.alumni]
    for number, person in enumerate(sorted(writers, key=lambda p: p.name.casefold()), 1):
        also = ", ".join([person.slug, *person.aliases])
        lines.append(f"  {number}. {person.name} (also: {also})")
    return "\n".join(lines)


def _ask_author(team, folder: Path, default) -> str:
    """Ask who writes the post until a team member is named; their Name."""
    writers = sorted((p for p in team.people if not p.alumni), key=lambda p: p.name.casefold())
    print(_team_list(team, folder))
    prompt = (
        f"Author: a number, name, file name or alias [{default.name}]: "
        if default
        else ("Author: a number, name, file name or alias: ")
    )
    while True:
        try:
            answer = input(prompt).strip()
        except EOFError:
            sys.exit("No author given.")
        if not answer and default:
            return default.name
        if answer.isdigit() and 1 <= int(answer) <= len(writers):
            return writers[int(answer) - 1].name
        person = team.find(answer) if answer else None
        if person is not None:
            return person.name
        hint = team.suggest(answer) if answer else None
        print(
            f"No one called {answer!r} in the team" + (f": did you mean {hint!r}?" if hint else ".")
        )


def _author_option() -> str:
    """How the writer passes an author, as they called new-post: make's AUTHOR= or invoke's
    --author (the Makefile hands the title over in NEW_POST_TITLE)."""
    return 'AUTHOR="Name"' if "NEW_POST_TITLE" in os.environ else '--author "Name"'


def _author(given: str, content: Path) -> str:
    """The Author line of a new post: a team member's Name, asked for or checked."""
    team = _team(content)
    if team is None:  # a content folder without team files: any name will do
        author = given or _git_author()
        if not author:
            sys.exit(f"No author: pass {_author_option()} or set git config user.name.")
        return author
    import pelicanconf
    from plugins.team.settings import DEFAULTS

    folder = content / getattr(pelicanconf, "TEAM_PATH", DEFAULTS["TEAM_PATH"])
    if given:
        person = team.find(given)
        if person is not None:
            return person.name
        hint = team.suggest(given)
        why = f"No one called {given!r} in the team" + (
            f": did you mean {hint!r}?" if hint else "."
        )
        sys.exit(f"{why}\n{_team_list(team, folder)}\nPass one of them: {_author_option()}.")
    default = team.find(_git_author()) if _git_author() else None
    if sys.stdin.isatty():
        return _ask_author(team, folder, default)
    if default is not None:
        return default.name
    sys.exit(
        f"No author: pass {_author_option()} with one of the team (or set git config user.name "
        f"to yours).\n{_team_list(team, folder)}"
    )


def _one_line_title(typed: str) -> str:
    """The Title line of a new post: the title as typed, its line breaks made spaces (a second
    line would end the front matter); no title at all stops the task."""
    title = " ".join(line.strip() for line in typed.splitlines()).strip()
    if not title:
        sys.exit(
            'No title: make new-post TITLE="Our new office" (or invoke new-post "Our new office").'
        )
    if title != typed.strip():
        print(f"Title: {title} (a title is one line: its line breaks are spaces)")
    return title


@task(
    name="new-post",
    help={
        "title": "the post's title",
        "author": "a team member: name, file name or alias (default: ask, or git user.name)",
        "category": "category (default: Company; asked on a site that files posts by folder)",
        "content": "content folder (default: content/)",
    },
)
def new_post(c, title, author="", category="", content="content"):
    """Write <slug>.md with its front matter filled in, as a draft, in the folder the build
    reads posts from first (content/posts/ here)."""
    from pelican.settings import read_settings

    from plugins.blogcore.placeholders import NEW_POST_TEXT
    from plugins.engine.slugs import names_something
    from plugins.engine.slugs import slug as slug_of

    title = _one_line_title(title)
    # PATH is the content folder's, which may not be there yet: Pelican refuses a missing one
    settings = read_settings(str(DEV_CONF), override={"PATH": str(ROOT)})
    if unreadable := _pattern_problem(settings):
        sys.exit(unreadable)
    # the address Pelican gives the title, with the site's slug settings: the file's name,
    # its Slug: line and the URL are one
    slug = slug_of(title, settings)
    if not names_something(slug):  # emoji or punctuation alone ('—' is '-'): no address
        sys.exit(f"No address can be made of the title {title!r}: give it a word or a number.")
    author = _author(author, ROOT / content)
    folder, posts = _posts_of(ROOT / content, settings)
    path = folder / f"{slug}.md"
    if path.exists():
        sys.exit(f"{_shown(path)} exists already; choose another title.")
    moment = datetime.datetime.now(_site_zone(settings.get("TIMEZONE")))
    lang = str(settings.get("DEFAULT_LANG") or "en")  # a new post is in the site's language
    if taken := _address_taken(posts, slug, lang, moment, settings, ROOT / content):
        sys.exit(f"{taken}; choose another title.")
    written, by_folder = _site_categories(posts, ROOT / content, settings)
    category, filed = _category_of_new_post(category.strip(), written, by_folder)
    near = None if filed else _category_near(written | set(by_folder), category)
    # a category no post has, nor near one's name, on a site that files every post by its
    # folder: a folder of its own, as the writer would make it (a Category: line was the one
    # post outside every category's folder)
    new_folder = filed is None and near is None and bool(by_folder) and not written
    if new_folder:
        filed = _new_category_folder(category, by_folder, folder)
    if filed is not None:  # filed by its folder, as the site's other posts: no Category: line
        path = filed / f"{slug}.md"
        if path.exists():
            sys.exit(f"{_shown(path)} exists already; choose another title.")
    now = _date_line(moment)
    path.parent.mkdir(parents=True, exist_ok=True)
    category_line = "" if filed else f"Category: {category}\n"
    # a file's name or folders may give it a language (FILENAME_METADATA's (?P<lang>…):
    # how-we-do-it.md read as Italian): its Lang line then says it is in the site's
    lang_line = f"Lang: {lang}\n" if _path_lang(path, ROOT / content, settings) else ""
    # no Tags: or Summary: line: left empty, each is a warning the writer has not caused yet
    path.write_text(
        f"Title: {title}\nDate: {now}\n{category_line}Author: {author}\n"
        f"Slug: {slug}\n{lang_line}Status: draft\n\n{NEW_POST_TEXT}\n",
        encoding="utf-8",
    )
    print("Add Tags: and Summary: lines when you know them; remove Status: draft when it is ready.")
    if new_folder:
        print(
            f"{category!r} is a new category: filed by a new folder, {_shown(filed)}/, as this "
            "site's posts are (no Category: line); if you meant one of "
            f"{', '.join(sorted(by_folder, key=str.casefold))}, move the file there."
        )
    elif filed is not None:
        print(
            f"Filed under {category!r} by its folder, {_shown(filed)}/, as this site's posts "
            "are: no Category: line."
        )
    if near:
        print(
            f"Category {category!r} is no post's yet: did you mean {near!r}? If so, correct "
            "the Category: line (the build would make a page of its own for this one)."
        )
    print(_shown(path))


def _pattern_problem(settings: dict) -> str:
    """The line for a file-name pattern of the site's (FILENAME_METADATA, PATH_METADATA) that
    does not compile, at its line of the settings file, as the build says it; "" when none.
    new-post and the importer work out each post's slug with them."""
    from plugins.engine import origin, pelican_settings

    for name in pelican_settings.PATTERNS:
        problem = pelican_settings.pattern_problem(settings.get(name))
        if problem:
            where = origin.assignment(DEV_CONF, name)
            at = f"{origin.shown(where.path)}: line {where.line}" if where else _shown(DEV_CONF)
            return f"{at}: {name} {problem}"
    return ""


def _site_zone(name: object) -> datetime.tzinfo:
    """The site's TIMEZONE, in which the build reads a Date without an offset (Pelican's UTC
    when it has none); a name the time zone database does not know stops the task."""
    from zoneinfo import ZoneInfo

    from plugins.blogcore.settings import SettingsError, check_timezone

    try:
        check_timezone(name)
    except SettingsError as exc:
        sys.exit(f"pelicanconf.py: {exc}")
    return ZoneInfo(str(name or "UTC"))


def _date_line(now: datetime.datetime) -> str:
    """A Date value for ``now`` (in the site's zone) that the build reads as this moment: the
    wall time, with its offset only in the hour the clocks go back (01:30 happens twice)."""
    if now.replace(fold=1 - now.fold).utcoffset() != now.utcoffset():
        return now.isoformat(sep=" ", timespec="minutes")
    return now.strftime("%Y-%m-%d %H:%M")


def _posts_of(content: Path, settings: dict) -> tuple[Path, list[Path]]:
    """The folder a new post goes in, the first of ARTICLE_PATHS as the build reads the
    settings ("" is the content folder itself, Pelican's default), and the site's Markdown
    posts: in every ARTICLE_PATHS folder, but not in the pages', static files' or plugins'
    folders inside one."""
    folders = [content / folder for folder in settings.get("ARTICLE_PATHS") or [""]]
    skipped = [
        *_side_folders(settings).values(),
        *settings.get("STATIC_PATHS", []),
        *settings.get("PAGE_PATHS", []),
    ]
    skipped = [content / folder for folder in skipped if folder.strip("/")]
    posts = {
        path
        for folder in folders
        for path in folder.rglob("*.md")
        if not any(path.is_relative_to(other) for other in skipped)
        and not any(part.startswith(".") for part in path.relative_to(content).parts)
    }
    return folders[0], sorted(posts)


def _site_categories(
    posts: list[Path], content: Path, settings: dict
) -> tuple[set[str], dict[str, Path]]:
    """The categories of the site's ``posts``: those their Category: lines write, and those
    their folders give (USE_FOLDER_AS_CATEGORY: ``content/code/x.md`` without a Category:
    line is filed under code), each with its folder, as the build files them."""
    from plugins.blogcore.frontmatter import FROM_FOLDER, category_folder, category_origin

    written: set[str] = set()
    by_folder: dict[str, Path] = {}
    for path in posts:
        try:
            metadata = _front_matter(path)
        except (OSError, UnicodeDecodeError):
            continue
        name = next(iter(metadata.get("category", [])), "")
        if name:
            written.add(name)
            continue
        relpath = path.relative_to(content).as_posix()
        lang = next(iter(metadata.get("lang", [])), "")
        origin = category_origin(
            relpath,
            False,
            set(),
            settings.get("ARTICLE_PATHS") or [""],
            bool(settings.get("USE_FOLDER_AS_CATEGORY", True)),
            lang,
        )
        if origin == FROM_FOLDER:
            folder = category_folder(relpath, lang)
            by_folder.setdefault(folder.rpartition("/")[2], content / folder)
    return written, by_folder


def _category_option(example: str) -> str:
    """How the writer passes a category, as they called new-post: make's CATEGORY= or
    invoke's --category."""
    if "NEW_POST_TITLE" in os.environ:
        return f'CATEGORY="{example}"'
    return f'--category "{example}"'


def _category_of_new_post(
    given: str, written: set[str], by_folder: dict[str, Path]
) -> tuple[str, Path | None]:
    """The category of a new post, and the folder that files it there on a site that files
    its posts by folder (None: a Category: line says it). Not given: Company, unless the site
    files its posts by folder and has no Company: then asked at a terminal, else refused
    (Category: Company on such a site was a category of one post that no other had)."""
    folders = {name.casefold(): name for name in by_folder}
    if given:
        name = folders.get(given.casefold())
        return (name, by_folder[name]) if name else (given, None)
    if not by_folder or "company" in {name.casefold() for name in written}:
        return "Company", None
    names = sorted(by_folder, key=str.casefold)
    if not sys.stdin.isatty():
        sys.exit(
            f"No category: this site files its posts by folder ({', '.join(names)}) and has no "
            f"Company; pass {_category_option(names[0])} with one of them."
        )
    while True:
        try:
            answer = input(f"Category, one of this site's folders ({', '.join(names)}): ")
        except EOFError:
            sys.exit("No category given.")
        name = folders.get(answer.strip().casefold())
        if name:
            return name, by_folder[name]
        print(f"No folder {answer.strip()!r} files posts here: one of {', '.join(names)}.")


def _new_category_folder(category: str, by_folder: dict[str, Path], first: Path) -> Path:
    """The folder that files a new category on a site that files its posts by folder: beside
    the category folders (``by_folder``) when they share a parent, else in ``first``, the
    folder new posts go in; a name no folder can have stops the task."""
    if "/" in category or "\\" in category or category.startswith("."):
        names = ", ".join(sorted(by_folder, key=str.casefold))
        sys.exit(
            f"No folder can be named {category!r}: this site files its posts by folder "
            f"({names}), and a new category is a new folder; give a name without '/' that "
            "does not begin with '.'."
        )
    parents = {path.parent for path in by_folder.values()}
    return (parents.pop() if len(parents) == 1 else first) / category


def _category_near(used: set[str], category: str) -> str | None:
    """The category of the site's posts (``used``: written or given by their folders) a new
    one is probably a typo of (Compnay: Company); None when the site has it, or none is near
    (a new category, meant)."""
    import difflib

    folded = {name.casefold(): name for name in used if name}
    if category.casefold() in folded:
        return None
    close = difflib.get_close_matches(category.casefold(), list(folded), n=1, cutoff=0.8)
    return folded[close[0]] if close else None


def _path_lang(path: Path, content: Path, settings: dict) -> str:
    """The language a new post's file name or folders give it (FILENAME_METADATA's or
    PATH_METADATA's (?P<lang>…); EXTRA_PATH_METADATA's, DEFAULT_METADATA's) when it is not
    the site's DEFAULT_LANG; "" otherwise."""
    from plugins.engine.slugs import Rule

    given = Rule.of(settings).of_file(path.relative_to(content).as_posix(), {}).lang
    return given if given not in ("", settings.get("DEFAULT_LANG") or "en") else ""


def _address_taken(
    posts: list[Path],
    slug: str,
    lang: str,
    when: datetime.datetime,
    settings: dict,
    content: Path,
) -> str:
    """The line for a new post of this slug, language and date that one of the site's
    ``posts`` stands in the way of; "" when none does. A post's slug and language are the
    ones Pelican gives it with the site's ``settings`` (its Slug, else its file name or
    folder where FILENAME_METADATA or PATH_METADATA reads one, else its title or, with
    SLUGIFY_SOURCE = "basename", its file name; its Lang, else its path's, else
    DEFAULT_LANG). One of the same slug in another language is the new post's translation
    (Pelican links the versions by slug), never in the way; one in the same language is,
    at the same address (ARTICLE_URL filled with its date: the build keeps it for the older
    post, the new one skipped) or at another (a dated ARTICLE_URL: Pelican links the two as
    versions of each other, both in one language); so is one that redirects from the new
    post's address."""
    from plugins.blogcore.frontmatter import check_date
    from plugins.engine.slugs import Rule

    rule = Rule.of(settings)
    default_lang = str(settings.get("DEFAULT_LANG") or "en")
    address = _article_address(settings, slug, lang, default_lang, when)
    for path in posts:
        try:
            metadata = _front_matter(path)
        except (OSError, UnicodeDecodeError):
            continue  # the build says what is wrong with it
        front = {key: " ".join(values) for key, values in metadata.items()}
        own = rule.of_file(path.relative_to(content).as_posix(), front)
        if own.slug == slug and (own.lang or default_lang) == lang:
            given = _SLUG_GIVEN_BY[own.source]
            try:
                dated = check_date("date", front["date"]) if front.get("date") else when
            except ValueError:
                dated = when  # the build says what is wrong with its date
            its = _article_address(settings, slug, lang, default_lang, dated)
            if its is not None and its == address:
                return f"{address} is the address of {_shown(path)} ({given}) already"
            if address is None or its is None:
                return f"the slug {slug!r} is {_shown(path)}'s ({given}) already, in {lang!r}"
            return (
                f"the slug {slug!r} is {_shown(path)}'s ({given}) already, at {its}: the "
                f"build would link the two posts as versions of each other, both in {lang!r}"
            )
        old = front.get("redirect_from", "")
        if address and address in {"/" + p.strip("/") + "/" for p in old.replace(",", " ").split()}:
            return (
                f"{address} is an old address {_shown(path)} redirects from (Redirect_from) already"
            )
    return ""


def _article_address(
    settings: dict, slug: str, lang: str, default_lang: str, when: datetime.datetime
) -> str | None:
    """A post's address (/posts/<slug>/), as ARTICLE_URL (ARTICLE_LANG_URL in another
    language) gives it, the importer's way (``addresses.address``); None when it uses a key
    other than its slug, language and date."""
    from plugins.engine import addresses

    try:
        return "/" + addresses.address(settings, False, slug, lang, default_lang, when)
    except addresses.Unfillable:
        return None


# what gave a post its slug (slugs.FileSlug.source), as the line about its address says it
_SLUG_GIVEN_BY = {
    "Slug": "its Slug or title",
    "title": "its Slug or title",
    "basename": "its Slug or file name",
    "FILENAME_METADATA": "its file name, as FILENAME_METADATA reads it",
    "PATH_METADATA": "its path, as PATH_METADATA reads it",
    "EXTRA_PATH_METADATA": "its EXTRA_PATH_METADATA entry",
    "DEFAULT_METADATA": "DEFAULT_METADATA's slug",
}


def _side_folders(settings: dict) -> dict[str, str]:
    """The folders the team, series and galleries plugins read, by setting, with defaults."""
    from plugins.galleries.settings import DEFAULTS as GALLERY
    from plugins.series.settings import DEFAULTS as SERIES
    from plugins.team.settings import DEFAULTS as TEAM

    defaults = {**TEAM, **SERIES, **GALLERY}
    keys = ("TEAM_PATH", "SERIES_PATH", "GALLERY_PATH")
    return {key: str(settings.get(key, defaults[key])).strip("/") for key in keys}


@dataclasses.dataclass
class _Bylines:
    """Who signs the posts and pages of a content folder (``_bylines``)."""

    settings: dict  # the site's settings, for this content folder
    # normalised name -> (the name as most files spell it, the files)
    names: dict[str, tuple[str, list[Path]]]
    unsigned: list[Path]  # posts without an author line: the site's AUTHOR signs them
    withheld: set[Path] = dataclasses.field(default_factory=set)  # drafts, posts dated ahead
    pages: set[Path] = dataclasses.field(default_factory=set)  # the files that are pages


def _bylines(content: Path) -> _Bylines:
    """Every name posts and pages sign with (Author, Authors), read by Pelican's own readers
    with the site's settings, and the posts that give none.

    Every file Pelican can read in the content folder counts, wherever it is (an adopted site
    keeps its posts in content/ itself), except the plugins' folders and static files.
    """
    from pelican.readers import Readers
    from pelican.settings import read_settings

    from plugins.blogcore.signals import READERS_LOGGER, SAID_BETTER

    settings = read_settings(str(DEV_CONF), override={"PATH": str(content)})
    # Pelican's readers say what the build says better, with the file and what to do (a
    # DEFAULT_LANG docutils has no words for was a bare line here, naming nothing)
    said = logging.getLogger(READERS_LOGGER)
    said.addFilter(SAID_BETTER)
    try:
        return _read_bylines(content, settings, Readers(settings))
    finally:
        said.removeFilter(SAID_BETTER)


def _read_bylines(content: Path, settings: dict, readers) -> _Bylines:
    """What _bylines returns, read with ``readers``."""
    from plugins.team import people

    zone = _site_zone(settings.get("TIMEZONE"))
    skipped = {*_side_folders(settings).values(), *settings.get("STATIC_PATHS", [])}
    skipped = {Path(folder) for folder in skipped if folder.strip("/")}
    pages = [Path(folder) for folder in settings.get("PAGE_PATHS", []) if folder.strip("/")]
    found: dict[str, list[tuple[str, Path]]] = {}
    unsigned: list[Path] = []
    withheld: set[Path] = set()
    page_files: set[Path] = set()
    for path in sorted(content.rglob("*")):
        relpath = path.relative_to(content)
        if (
            not path.is_file()
            or path.suffix.lstrip(".") not in readers.extensions
            or any(relpath.is_relative_to(folder) for folder in skipped)
            or any(part.startswith(".") for part in relpath.parts)
        ):
            continue
        reader = readers.readers[path.suffix.lstrip(".")]
        try:
            _, metadata = reader.read(str(path))
        except Exception as exc:  # the build reports a broken file; here it has no byline
            print(f"{_shown(path)}: not read ({exc}); its authors are not counted")
            continue
        if _withheld(metadata, zone):
            withheld.add(path)
        names = metadata.get("authors") or [metadata.get("author")]
        if any(relpath.is_relative_to(folder) for folder in pages):
            page_files.add(path)
        elif names == [None]:
            unsigned.append(path)
        for author in names:
            name = str(getattr(author, "name", author or "")).strip()
            if name and people.normalise(name):
                found.setdefault(people.normalise(name), []).append((name, path))
    # a name spelt several ways ('Jane Doe', 'jane doe'): the way most files spell it
    names = {
        key: (Counter(n for n, _ in uses).most_common(1)[0][0], [p for _, p in uses])
        for key, uses in found.items()
    }
    return _Bylines(settings, names, unsigned, withheld, page_files)


def _withheld(metadata: dict, zone: datetime.tzinfo) -> bool:
    """A draft, or a post dated ahead: not published yet, nor its author's name with it. A
    Date without an offset is in the site's ``zone``, as the build reads it (not this
    computer's: a post due in an hour in London is ahead for a run in Tokyo too)."""
    if str(metadata.get("status") or "").strip().lower() == "draft":
        return True
    date = metadata.get("date")
    if not isinstance(date, datetime.datetime):
        return False
    date = date if date.tzinfo else date.replace(tzinfo=zone)
    return date > datetime.datetime.now(zone)


def _profile_slug(settings: dict) -> Callable[[str], str]:
    """The slug of a person's profile, /team/<slug>/, as the build links a byline to it
    (Pelican's author slug, with the site's settings): the name of the team file that
    team-stubs and the importers write ('وحید خرازی' -> whyd-khrzy.md)."""
    from pelican.urlwrappers import Author

    return lambda name: Author(name, settings).slug


def _term_slug(settings: dict) -> Callable[[str, str], str]:
    """The slug of a category's or tag's page, as the build gives it (Pelican's, with the
    site's settings): the importers' redirects from the old blog's lead there."""
    from pelican.urlwrappers import Category, Tag

    return lambda kind, name: (Category if kind == "category" else Tag)(name, settings).slug


def _posts_and_pages(files: list[Path], pages: set[Path]) -> str:
    """How many posts and pages a person signs, as team-stubs says it: ``89 posts and 2
    pages`` (a count of "91 posts" took the About page for a post)."""
    signed = set(files)
    counts = [(len(signed - pages), "post"), (len(signed & pages), "page")]
    said = [f"{n} {kind}{'s' if n != 1 else ''}" for n, kind in counts if n]
    return " and ".join(said) or "0 posts"


@task(name="team-stubs", help={"content": "content folder (default: content/)"})
def team_stubs(c, content="content"):
    """Write a team file for everyone who signs posts or pages without having one.

    A file is named as the build links the person's byline (/team/<slug>/): Pelican's slug of
    the name ('Иван Петров' -> ivan-petrov.md), or with -2 when another name has it already.
    Posts without an author line count for the site's AUTHOR.
    """
    import pelicanconf
    from plugins.team import people
    from plugins.team.settings import DEFAULTS

    content_dir = ROOT / content
    if not content_dir.is_dir():
        sys.exit(f"{_shown(content_dir)} is not a folder; pass the content folder with --content.")
    folder = content_dir / getattr(pelicanconf, "TEAM_PATH", DEFAULTS["TEAM_PATH"])
    team = _team(content_dir) or people.Roster()
    bylines = _bylines(content_dir)
    names = dict(bylines.names)
    site_author = str(bylines.settings.get("AUTHOR") or "").strip()
    site_key = people.normalise(site_author) if site_author and bylines.unsigned else ""
    if site_key:
        name, files = names.get(site_key, (site_author, []))
        names[site_key] = (name, [*files, *bylines.unsigned])
    missing, aliases, shares = _signers_missing(team, names)
    profile_slug = _profile_slug(bylines.settings)
    slugs = people.free_slugs(
        {key: profile_slug(name) for key, (name, _) in missing.items()},
        (person.slug for person in team.people),
    )
    written, notes = [], []
    for key, (name, files) in sorted(missing.items()):
        path = folder / f"{slugs[key]}.md"
        if all(file in bylines.withheld for file in files):
            # a profile is published: it would announce a name before its post (a new hire)
            notes.append(
                f"{name} signs only posts not published yet ({_shown(files[0])}"
                f"{f' and {len(files) - 1} more' if len(files) > 1 else ''}): no team file "
                "written, so /team/ does not name them before their post goes out; run this "
                "again when it is published (a publish build names the missing file then)"
            )
            continue
        suggestion = team.suggest(name)
        if people.list_separator(name):
            notes.append(str(people.one_name_of_many(_shown(files[0]), "Authors", name, False)))
            continue
        if suggestion:  # a typo: a second file for the same person would hide it
            notes.append(
                f"{_shown(files[0])}: Author {name!r} is not in the team (did you mean "
                f"{suggestion!r}?); correct the post, or write {_shown(path)} yourself"
            )
            continue
        if path.exists():  # never overwritten: a file without a Name (the build says so)
            notes.append(f"{_shown(path)} exists without a Name: add 'Name: {name}' to it")
            continue
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(people.stub_text(name, aliases.get(key, ())), encoding="utf-8")
        written.append(path)
        unsigned = len(set(files) & set(bylines.unsigned))  # signed by AUTHOR
        count = _posts_and_pages(files, bylines.pages)
        if aliases.get(key):
            count += f", also signing {', '.join(aliases[key])}"
        if unsigned:
            count += (
                f", {'all' if unsigned == len(files) else unsigned} without an Author: line, "
                "so signed by AUTHOR in pelicanconf.py: if someone else wrote them, set AUTHOR "
                "to their name, delete this file and run this again"
            )
        print(f"{_shown(path)}: written for {name} ({count})")
        if shares.get(key):
            others = " or ".join(repr(other) for other in shares[key])
            notes.append(
                f"{_shown(path)}: {name} signs with the e-mail address of {others} too: if "
                f"they are one person, delete this file and add 'Aliases: {name}' to theirs"
            )
    for line in notes:
        print(line)
    if written:
        n = len(written)
        print(
            f"{n} team file{'s' if n != 1 else ''} written: "
            f"{', '.join(p.name for p in written)}; complete their Role, Photo and bio."
        )
    else:
        everyone = "" if notes else f": every author has a team file in {_shown(folder)}/"
        print(f"Nothing written{everyone}.")


def _signers_missing(team, names: dict) -> tuple[dict, dict, dict]:
    """The people without a team file among the names posts sign with (normalised name ->
    (name, files)): an address is never part of a name ('Adam (adam@example.org)' is Adam),
    and the names that share an address are one person ('Adam', 'Adam Ginsburg'), as the
    build reads them (plugins/team: group_signers). Returns them by their fullest name, with
    their other names (Aliases) and the others who share an address with them."""
    from plugins.team import people

    signers = people.group_signers(
        name for name, files in names.values() for _ in range(len(files))
    )
    missing: dict[str, tuple[str, list]] = {}
    aliases: dict[str, tuple[str, ...]] = {}
    shares: dict[str, tuple[str, ...]] = {}
    for name, files in names.values():
        if people.signed_by(team, name, signers) is not None:
            continue
        signer = signers[name]
        if team.find(signer.name) is not None:  # 'Adam' without an address: a typo, or an alias
            signer = people.Signer(people.signature(name).name)
        key = people.normalise(signer.name)
        _, before = missing.get(key, (signer.name, []))
        missing[key] = (signer.name, [*before, *files])
        aliases[key] = tuple(a for a in signer.aliases if team.find(a) is None)
        shares[key] = signer.shares
    return missing, aliases, shares


def _import(
    source: str, export: str, content: str, uploads: str, isso_db: str, private: bool = False
) -> None:
    """An import-wordpress / import-blogger run: read, plan, write, fill Isso, report."""
    from plugins.importer import apply
    from plugins.importer.model import ExportError

    content_dir = Path(content) if Path(content).is_absolute() else ROOT / content
    uploads_dir = (
        (Path(uploads) if Path(uploads).is_absolute() else Path.cwd() / uploads)
        if uploads
        else None
    )
    if uploads_dir is not None and not uploads_dir.is_dir():
        sys.exit(f"{uploads}: not a folder; --uploads takes a copy of the old site's uploads.")
    try:
        reader = importlib.import_module(f"plugins.importer.{source}")
        read = reader.parse(Path(export), private=True) if private else reader.parse(Path(export))
    except ExportError as exc:
        sys.exit(str(exc))
    # Pelican reads no settings without the folder; a refused import removes it again
    with apply.content_folder(content_dir):
        _import_into(source, read, content_dir, uploads_dir, isso_db)


def _import_into(
    source: str, read, content_dir: Path, uploads_dir: Path | None, isso_db: str
) -> None:
    """The import of a read export into the content folder, which is there."""
    from pelican.settings import read_settings

    from plugins.engine.slugs import Rule
    from plugins.i18n import catalogs
    from plugins.importer import apply, plan, report
    from plugins.redirects.settings import DEFAULTS as REDIRECTS
    from plugins.webmentions.settings import DEFAULTS as MENTIONS

    settings = read_settings(str(DEV_CONF), override={"PATH": str(content_dir)})
    if unreadable := _pattern_problem(settings):
        sys.exit(unreadable)
    folders = _side_folders(settings)
    archive_name = settings.get("WEBMENTIONS_ARCHIVE", MENTIONS.get("WEBMENTIONS_ARCHIVE", ""))
    layout = plan.Layout(
        team=folders["TEAM_PATH"],
        galleries=folders["GALLERY_PATH"],
        article_url=settings["ARTICLE_URL"],
        page_url=settings["PAGE_URL"],
        article_lang_url=settings["ARTICLE_LANG_URL"],
        page_lang_url=settings["PAGE_LANG_URL"],
        default_lang=settings["DEFAULT_LANG"],
        timezone=settings.get("TIMEZONE") or "",
        sitename=settings.get("SITENAME") or "",
        default_category=str(settings.get("DEFAULT_CATEGORY") or ""),
        webmentions=archive_name,
        reserved=plan.site_pages(settings),
        category_url=settings["CATEGORY_URL"],
        tag_url=settings["TAG_URL"],
        author_url=settings["AUTHOR_URL"],
        category_feed=settings.get("CATEGORY_FEED_ATOM") or "",
        tag_feed=settings.get("TAG_FEED_ATOM") or "",
        author_feed=settings.get("AUTHOR_FEED_ATOM") or "",
        redirects_map=settings.get("REDIRECTS_MAP", REDIRECTS["REDIRECTS_MAP"]) or "",
        slug_rule=Rule.of(settings),  # a title's slug, as the build gives it
        catalogs=frozenset(  # as the i18n plugin finds them
            catalogs.find_catalogs(
                Path(
                    settings.get("I18N_TRANSLATIONS_PATH")
                    or Path(settings["THEME"], "translations")
                ),
                settings.get("I18N_DOMAIN") or "messages",
            )
        ),
    )
    if unaddressed := layout.url_problem():
        sys.exit(unaddressed)
    # the site's own posts keep their addresses: an imported one of the same gets -2
    state = apply.load_state(content_dir)
    own = plan.occupied(content_dir, layout, state, _shown)
    # an earlier import's post keeps its slug: a new one would be a second post beside it
    written = frozenset(path for path in state if (content_dir / path).is_file())
    layout = dataclasses.replace(
        layout, occupied=own, imported=written, imported_threads=plan.threads(content_dir, written)
    )
    team = _team(content_dir)
    made = plan.make_plan(
        read,
        layout,
        uploads_dir,
        lambda name: team is not None and team.find(name) is not None,
        team_slug=_profile_slug(settings),  # as team-stubs names the file
        team_taken=[person.slug for person in team.people] if team is not None else [],
        term_slug=_term_slug(settings),  # as the build links a category or tag
        team_page=lambda name: team.find(name).slug if team and team.find(name) else None,
    )
    database = Path(isso_db) if isso_db else ROOT / "var" / "isso" / "comments.db"
    # before anything is written (a draft's held comments may join when the files are)
    not_isso = apply.isso_schema_problem(database) if made.threads or made.held else ""
    if not_isso:
        sys.exit(
            f"{_shown(database)} is not an Isso database: {not_isso}; nothing was changed in it "
            "and nothing written: give --isso-db the comments.db of the site's Isso (or a new file)"
        )
    try:
        outcome = apply.write_files(
            made, content_dir, archive_name, settings["IGNORE_FILES"], _shown
        )
    except apply.NoStaging as exc:
        sys.exit(str(exc))
    except OSError as exc:
        where = f" ({_shown(Path(exc.filename))})" if exc.filename else ""
        sys.exit(f"import stopped, nothing written: {exc.strerror or exc}{where}")
    if made.threads:
        try:
            apply.fill_isso(made.threads, database, outcome)
        except apply.NotIsso as exc:
            sys.exit(f"{exc}; the files are written")
        except (OSError, sqlite3.Error) as exc:
            sys.exit(
                f"{_shown(database)}: comments not imported ({exc}); the files are written: "
                "run the same import again once the database can be written"
            )
    shown_archive = _shown(content_dir / archive_name) if archive_name else ""
    shown_map = _shown(content_dir / layout.redirects_map) if layout.redirects_map else ""
    for line in report.lines(
        plan.SOURCES[source], made, outcome, _shown(database), shown_archive, shown_map
    ):
        print(line)
    card = settings.get("BLOGCORE_DEFAULT_IMAGE") or ""
    if card and not (content_dir / card).is_file():
        print(
            f"Note: {_shown(content_dir / card)} is missing: it is the site's social card "
            '(BLOGCORE_DEFAULT_IMAGE); put a 1200×630 picture there, or set the setting to ""'
        )
    first = (
        f"http://{HOST}:{PORT}{made.first_post}" if made.first_post else f"http://{HOST}:{PORT}/"
    )
    print(f"Next: `make serve`, and open {first}")


_IMPORT_HELP = {
    "content": "content folder to import into (default: content/)",
    "uploads": "a copy of the old site's uploaded files (wp-content/uploads, or Blogger's images)",
    "isso_db": "the Isso database to add comments to (default: var/isso/comments.db)",
}


_PRIVATE_HELP = (
    "also import private and password-protected posts and pages, as drafts (left out by "
    "default: never commit them to a public repository)"
)


@task(
    name="import-wordpress",
    help={"export": "the WordPress export (WXR) file", **_IMPORT_HELP, "private": _PRIVATE_HELP},
)
def import_wordpress(c, export, content="content", uploads="", isso_db="", private=False):
    """Import a WordPress export: posts, pages, authors, pictures, comments, pingbacks."""
    _import("wordpress", export, content, uploads, isso_db, private)


@task(name="import-blogger", help={"export": "the Blogger export (Atom) file", **_IMPORT_HELP})
def import_blogger(c, export, content="content", uploads="", isso_db=""):
    """Import a Blogger export: posts, pages, authors, pictures, comments."""
    _import("blogger", export, content, uploads, isso_db)


TRANSLATIONS = ROOT / "theme" / "translations"
POT = TRANSLATIONS / "messages.pot"


@task(name="i18n-extract", help={"add": "also start a catalog for a new language, e.g. --add de"})
def i18n_extract(c, add=""):
    """Extract the theme's strings (babel.cfg) into messages.pot and update every catalog."""
    from plugins.i18n import catalogs

    # the folder is named as pages write Lang (zh-Hans, pt-BR); pybabel spells zh_Hans
    lang = catalogs.folder_name(add) if add else None
    if add and lang is None:
        sys.exit(f"--add {add!r} is not a language code such as de, pt-BR or zh-Hans")
    pybabel = VENV_BIN / "pybabel"
    c.run(
        f"{pybabel} extract -F babel.cfg --no-location --sort-output --width 100 "
        f'--project "Tessellate blog theme" -o {POT} .',
        pty=False,
        env={"PYTHONPATH": str(ROOT)},  # babel.cfg names blogcore's memo tag: plugins.blogcore
    )
    if lang:
        po = TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po"
        if not po.exists():  # not pybabel init: two Babel warnings per plural entry for zh
            catalogs.start_catalog(POT, po, lang)
            print(f"creating catalog {_shown(po)} based on {_shown(POT)}")
    # one catalog at a time: pybabel's -d reads folder names as its own spelling (zh_Hans)
    for folder, po in catalogs.find_catalogs(TRANSLATIONS, "messages").items():
        # new strings arrive empty, changed ones fuzzy: both fail tests/test_i18n_catalogs.py
        c.run(
            f"{pybabel} update -i {POT} -o {po} -l {catalogs.babel_name(folder)} --ignore-obsolete "
            "--ignore-pot-creation-date --width 100",
            pty=False,
        )


@task(name="i18n-compile")
def i18n_compile(c):
    """Compile every catalog into .cache/pelican/i18n/ (as builds do) and list what is missing."""
    from plugins.i18n import catalogs

    cache = ROOT / ".cache" / "pelican" / "i18n"
    incomplete = 0
    for lang, po in catalogs.find_catalogs(TRANSLATIONS, "messages").items():
        mo = catalogs.compile_catalog(po, lang, cache, "messages")
        total = sum(1 for m in catalogs.read_catalog(po, lang) if m.id)
        problems = catalogs.problems(po, lang)
        incomplete += len(problems)
        print(f"{lang}: {total - len(problems)} of {total} strings translated -> {_shown(mo)}")
        for problem in problems:  # a broken entry with its line: pages show it in English
            where = f"{_shown(po)}:{problem.line}: " if problem.line else ""
            print(f"  {where}{problem.why}: {problem.msgid!r}")
    sys.exit(1 if incomplete else 0)


@task
def lint(c):
    """ruff: lint and format check."""
    c.run(f"{VENV_BIN / 'ruff'} check .", pty=False)
    c.run(f"{VENV_BIN / 'ruff'} format --check .", pty=False)


@task(pre=[lint], help={"args": "extra pytest arguments"})
def test(c, args=""):
    """Run the whole test suite (lint first)."""
    if sys.flags.dont_write_bytecode:
        installed_bytecode(None)  # what make venv left: pytest, Playwright, SciPy (once)
    c.run(f"{VENV_BIN / 'python'} -m pytest {args}", pty=False)


@task
def lock(c):
    """Re-pin every dependency from pyproject.toml into requirements.lock."""
    # uv resolves and hashes fast; make venv installs it, pinned and hash-checked, from
    # requirements-bootstrap.lock (never an unpinned download; .venv has no pip to fetch it)
    if not (VENV_BIN / "uv").is_file():
        sys.exit(
            f"{VENV_BIN / 'uv'} is missing: make venv installs it from requirements-bootstrap.lock"
            " (where uv cannot run on this machine, re-pin requirements.lock on one where it can)"
        )
    c.run(
        f"{VENV_BIN / 'uv'} pip compile pyproject.toml --extra test "
        "--python-version 3.11 --generate-hashes -o requirements.lock"
    )


LOCAL_ISSO_CFG = ROOT / "var" / "isso" / "isso.cfg"


def _isso_dbpath(config: str, db: str) -> Path:
    """The comment database: --db, else [general] dbpath of the Isso config."""
    if db:
        return Path(db)
    from isso import config as isso_config

    if not Path(config).is_file():
        sys.exit(f"{config}: no such Isso config; pass --config or --db.")
    return Path(isso_config.load(isso_config.default_file(), config).get("general", "dbpath"))


@task(
    name="comments-config",
    help={
        "output": "where to write the Isso config (default var/isso/production.cfg)",
        "site": "the blog's origin (default: SITEURL of publishconf.py)",
        "endpoint": "Isso's public URL (default: COMMENTS_ISSO_URL of publishconf.py)",
        "smtp_host": "SMTP server for notifications",
        "notify_to": "address that receives new comments",
        "notify_from": "sender address of the notifications",
        "check": "instead, check an existing Isso config for production",
    },
)
def comments_config(
    c, output="var/isso/production.cfg", site="", endpoint="", smtp_host="smtp.example.org",
    notify_to="", notify_from="", check="",
):  # fmt: skip
    """Write a production isso.cfg with fresh secrets (docs/comments.md), or --check one."""
    from urllib.parse import urlsplit

    from isso import config as isso_config

    from plugins.comments import production
    from plugins.comments.wsgi import default_salt

    if check:
        if not Path(check).is_file():
            sys.exit(f"{check}: no such file.")
        conf = isso_config.load(isso_config.default_file(), check)
        problems = production.audit(conf, default_salt())
        for problem in problems:
            print(f"{check}: {problem}")
        errors = sum(p.level == production.ERROR for p in problems)
        print(f"{check}: {errors} error(s), {len(problems) - errors} warning(s).")
        sys.exit(1 if errors else 0)
    target = ROOT / output
    if target.exists():
        sys.exit(f"{_shown(target)} exists already; it holds secrets: move it away first.")
    from pelican.settings import read_settings

    settings = read_settings(str(PUBLISH_CONF))
    site = site or settings.get("SITEURL") or ""
    endpoint = endpoint or settings.get("COMMENTS_ISSO_URL") or ""
    domain = urlsplit(site).hostname or "example.org"
    notify_to, notify_from = notify_to or f"comments@{domain}", notify_from or f"isso@{domain}"
    try:
        text = production.render(
            site=site,
            endpoint=endpoint,
            smtp_host=smtp_host,
            notify_to=notify_to,
            notify_from=notify_from,
        )
    except ValueError as exc:
        sys.exit(f"comments-config: {exc}; pass --site and --endpoint.")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.touch(mode=0o600)
    target.write_text(text, encoding="utf-8")
    print(f"{_shown(target)}: Isso for {site} at {endpoint} (secrets inside, mode 600).")
    print("Next: check [smtp], copy it to the server as /etc/isso.cfg (docs/comments.md).")


@task(
    name="comments-backup",
    help={
        "config": "the Isso config whose [general] dbpath to back up (default: the local one)",
        "db": "the comment database itself, instead of --config",
        "to": "a folder for a dated copy (default var/backups/isso/), or a new file *.db",
    },
)
def comments_backup(c, config=str(LOCAL_ISSO_CFG), db="", to="var/backups/isso/"):
    """Copy the comment database safely while Isso runs (SQLite's online backup)."""
    from plugins.comments import backup

    database = _isso_dbpath(config, db)
    destination = Path(to) if Path(to).is_absolute() else ROOT / to
    try:
        made, comments = backup.backup(database, destination)
    except backup.BackupError as exc:
        sys.exit(f"comments-backup: {exc}")
    print(f"{_shown(made)}: {comments} comments from {database}")


@task(
    name="comments-restore",
    help={
        "copy": "the backup file to restore",
        "config": "the Isso config whose [general] dbpath to restore into (default: local)",
        "db": "the comment database itself, instead of --config",
        "overwrite": "replace an existing database (it is kept beside it first)",
    },
)
def comments_restore(c, copy, config=str(LOCAL_ISSO_CFG), db="", overwrite=False):
    """Put a backup in place of the comment database; never silently over an existing one."""
    from plugins.comments import backup

    database = _isso_dbpath(config, db)
    try:
        kept, comments = backup.restore(Path(copy), database, overwrite=overwrite)
    except backup.BackupError as exc:
        sys.exit(f"comments-restore: {exc}")
    print(f"{database}: restored from {copy}, {comments} comments")
    if kept:
        print(f"The database it replaced is kept as {kept}")
