"""Stopping and killing the tasks: every way `make serve`, `make build` and `make publish` can be
stopped leaves no process running and says what happened in one line.

Real processes and real signals: `make` itself, `invoke serve` with its local Isso and warm
builder, Pelican killed the way the out-of-memory killer kills it.
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path

import pytest

import tasks
from plugins.comments import local_isso
from plugins.fastbuild import warm
from tests.conftest import FIXTURES, ROOT, free_port
from tests.test_publish import _wait_gone as _gone


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except OSError:
        return False


def _wait_for(log: Path, fragment: str, process: subprocess.Popen, seconds: float = 180) -> str:
    """The first line of a terminal log holding ``fragment``, once it is there."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for line in log.read_text(errors="replace").splitlines():
            if fragment in line:
                return line
        assert process.poll() is None, log.read_text(errors="replace")
        time.sleep(0.1)
    raise AssertionError(f"no {fragment!r} in:\n{log.read_text(errors='replace')}")


def _serving_pid(output: Path) -> int:
    """The pid `invoke serve` wrote into its lock ('pid N at http://…')."""
    text = output.with_name(f".{output.name}.builds").joinpath("serve.lock").read_text()
    return int(text.split()[1])


# -- `make serve` stopped by SIGTERM to make itself (an editor's stop button) ---------------


def test_sigterm_to_make_stops_make_serve(tmp_path):
    # make signals its child; the recipe's shell died of it and left `invoke serve` serving
    # (with ppid 1), and the next `make serve` refused: "output/ is served already"
    content = tmp_path / "content"
    content.symlink_to(FIXTURES / "site")
    output = tmp_path / "output"
    invoke = tmp_path / "invoke"  # the Makefile's recipe, its invoke given the test's folders
    invoke.write_text(
        f'#!/bin/sh\nexec {sys.executable} -m invoke "$@" --content "{content}" '
        f'--output "{output}"\n'
    )
    invoke.chmod(0o755)
    port = free_port()
    env = {**os.environ, "COMMENTS_ISSO_URL": "http://127.0.0.1:9"}  # no local Isso
    log = tmp_path / "terminal.log"
    with log.open("w") as terminal:
        make = subprocess.Popen(
            ["make", "-s", "-o", ".venv/.installed-lock", "serve", f"PORT={port}",
             f"INVOKE={invoke}"],
            cwd=ROOT, env=env, stdout=terminal, stderr=subprocess.STDOUT, process_group=0,
        )  # fmt: skip
    try:
        _wait_for(log, "Serving ", make)
        server = _serving_pid(output)
        make.send_signal(signal.SIGTERM)  # to make only, as `kill <pid of make>` does
        make.wait(timeout=30)
        assert _gone(server), f"invoke serve (pid {server}) runs on:\n{log.read_text()}"
        assert not _answers(f"http://127.0.0.1:{port}/")
    finally:
        with contextlib.suppress(ProcessLookupError):  # what runs on of make's group
            os.killpg(make.pid, signal.SIGKILL)
        make.wait()


# -- the local Isso of `make serve` ----------------------------------------------------------


class LocalIssoServe:
    """`invoke serve` with its local Isso (var/isso/, as `make serve` runs it), in a process
    group of its own, as a terminal runs it."""

    def __init__(self, folder: Path) -> None:
        content = folder / "content"
        content.symlink_to(FIXTURES / "site")
        self.log = folder / "terminal.log"
        env = {k: v for k, v in os.environ.items() if k != "COMMENTS_ISSO_URL"}
        command = [sys.executable, "-m", "invoke", "serve", "--port", str(free_port())]
        command += ["--content", str(content), "--output", str(folder / "output")]
        with self.log.open("w") as terminal:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=terminal, stderr=subprocess.STDOUT,
                process_group=0,
            )  # fmt: skip
        line = _wait_for(self.log, "Comments: Isso at ", self.process)
        self.isso = line.split("Comments: Isso at ")[1].split("/ ")[0]

    def terminal(self) -> str:
        return self.log.read_text(errors="replace")

    def isso_pid(self) -> int:
        """Isso's pid: the process listening on its port, a child of serve's."""
        for stat in Path("/proc").glob("[0-9]*/cmdline"):
            try:
                cmdline = stat.read_bytes()
            except OSError:
                continue
            if b"wsgi.py" in cmdline and b"isso.cfg" in cmdline:
                status = stat.with_name("status").read_text()
                ppid = int(status.split("PPid:")[1].split()[0])
                if ppid == self.process.pid:
                    return int(stat.parent.name)
        raise AssertionError("no Isso child of serve")

    def close(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()


@pytest.fixture
def isso_serve(tmp_path):
    session = LocalIssoServe(tmp_path)
    try:
        yield session
    finally:
        session.close()


def test_serve_stopped_during_its_first_build_stops_its_isso(isso_serve):
    # the try/finally that stops Isso began after the first build: Isso stayed (ppid 1),
    # answering on its port, and the next serve moved to another port
    isso = isso_serve.isso_pid()
    assert "Serving " not in isso_serve.terminal()
    isso_serve.process.send_signal(signal.SIGTERM)
    # a stop, said as `make build` says it: it ended with status 0 and no line
    assert isso_serve.process.wait(timeout=60) == 128 + signal.SIGTERM, isso_serve.terminal()
    assert "Build stopped (SIGTERM) before anything was served." in isso_serve.terminal()
    assert _gone(isso), f"the local Isso (pid {isso}) outlived serve"
    assert not _answers(isso_serve.isso + "/info")


def test_ctrl_c_during_serve_s_first_build_is_said_and_is_status_130(isso_serve):
    isso = isso_serve.isso_pid()
    assert "Serving " not in isso_serve.terminal()
    os.killpg(isso_serve.process.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends
    assert isso_serve.process.wait(timeout=60) == 128 + signal.SIGINT, isso_serve.terminal()
    said = isso_serve.terminal().splitlines()
    assert "Build stopped (SIGINT) before anything was served." in said
    assert _gone(isso)


def test_a_killed_serve_takes_its_isso_with_it(isso_serve):
    isso = isso_serve.isso_pid()
    isso_serve.process.kill()  # SIGKILL: no `finally` runs
    isso_serve.process.wait()
    assert _gone(isso), f"the local Isso (pid {isso}) outlived serve"


def test_ctrl_c_of_serve_is_not_reported_as_a_crash_of_isso(isso_serve):
    # Isso was in serve's process group: it got the Ctrl-C itself, exited before serve
    # stopped it, and every stop said "Comments are OFF: the local Isso exited (status 0)"
    _wait_for(isso_serve.log, "Serving ", isso_serve.process)
    isso = isso_serve.isso_pid()
    os.killpg(isso_serve.process.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends
    isso_serve.process.wait(timeout=60)
    assert _gone(isso)
    assert "Comments are OFF" not in isso_serve.terminal(), isso_serve.terminal()


def test_the_local_isso_dies_with_whatever_started_it(tmp_path):
    port = free_port()
    config = local_isso.write_config(tmp_path, port, ["http://127.0.0.1:8000"])
    starter = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import time
            from pathlib import Path
            from plugins.comments import local_isso
            process = local_isso.start(Path({str(config)!r}), {port})
            print(process.pid, flush=True)
            time.sleep(120)
        """)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    isso = int(starter.stdout.readline())
    try:
        assert os.getpgid(isso) == isso, "Isso has a process group of its own"
        starter.kill()
        starter.wait()
        assert _gone(isso), f"Isso (pid {isso}) outlived the process that started it"
    finally:
        starter.kill()
        starter.wait()
        with contextlib.suppress(ProcessLookupError):
            os.kill(isso, signal.SIGKILL)


# -- a folder serve cannot write -------------------------------------------------------------


def test_serve_where_it_cannot_write_is_one_line(tmp_path):
    (tmp_path / ".output.builds").write_text("a file where serve needs a folder")
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "serve", "--port", str(free_port()),
         "--content", str(FIXTURES / "site"), "--output", str(tmp_path / "output")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "COMMENTS_ISSO_URL": "http://127.0.0.1:9"},
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"Cannot serve: cannot write {tmp_path}/.output.builds: File exists; {tmp_path}/output "
        f"was left as it was (`make serve` builds in {tmp_path}/.output.builds/serve/, beside it)."
    ], result.stderr


# -- Pelican killed (the out-of-memory killer), `make build` stopped ---------------------------


def _settings(tmp_path: Path, code: str) -> Path:
    """A settings file that runs ``code`` when Pelican reads it, in Pelican's own process."""
    conf = tmp_path / "conf.py"
    conf.write_text(f"import os, signal, time\n{code}\n")
    return conf


def test_pelican_killed_in_a_publish_is_named_with_its_signal(tmp_path, capfd):
    conf = _settings(tmp_path, "os.kill(os.getpid(), signal.SIGKILL)")
    output = tmp_path / "output"
    status = tasks.atomic_build(conf, output, FIXTURES / "site")
    said = capfd.readouterr().err.strip().splitlines()
    assert status == 128 + signal.SIGKILL  # make said "Error 247" (-9)
    assert said == [
        f"Publish failed: Pelican was killed (SIGKILL): out of memory?; {output} was left as "
        "it was."
    ]


def test_pelican_killed_in_a_build_is_named_with_its_signal(tmp_path, capfd):
    conf = _settings(tmp_path, "os.kill(os.getpid(), signal.SIGKILL)")
    status = tasks._build(conf, tmp_path / "output", FIXTURES / "site")
    assert status == 128 + signal.SIGKILL
    assert capfd.readouterr().err.strip().splitlines() == [
        "Pelican was killed (SIGKILL): out of memory?; the build did not finish."
    ]


def test_pelican_killed_in_make_check_is_named_with_its_signal(tmp_path, capfd, monkeypatch):
    # subprocess.call's status: "The publish build failed (exit -9)", and exit status 247
    from invoke import Context

    monkeypatch.setattr(tasks, "PUBLISH_CONF", _settings(tmp_path, "os.kill(os.getpid(), 9)"))
    with pytest.raises(SystemExit) as stopped:
        tasks.check(Context(), only="lint")
    assert capfd.readouterr().out.splitlines()[0] == (
        "The publish build failed: Pelican was killed (SIGKILL): out of memory?; checking what "
        "it logged."
    )
    assert stopped.value.code in (1, 128 + signal.SIGKILL)  # the lint gate's, else Pelican's


def test_a_build_stopped_by_ctrl_c_says_what_output_holds(tmp_path, capfd):
    # Pelican emptied output/ first: it held renditions/ only, and nothing said so
    conf = _settings(tmp_path, "os.kill(os.getppid(), signal.SIGINT)\ntime.sleep(60)")
    output = tmp_path / "output"
    started = time.monotonic()
    status = tasks._build(conf, output, FIXTURES / "site")
    assert time.monotonic() - started < 30, "Pelican was stopped, not waited for"
    assert status == 128 + signal.SIGINT
    assert capfd.readouterr().err.strip().splitlines() == [
        f"Build stopped (SIGINT); {output}/ may be incomplete (a build empties it first): run "
        "`make build` again."
    ]


def test_ctrl_c_while_the_warm_server_imports_is_quiet_and_status_130(tmp_path):
    """Ctrl-C reaches serve's warm server too (the same process group): arriving while Python
    still imported the plugins' package, before the module's own code, it printed a traceback
    over serve's "Build stopped (SIGINT)" line (a CI run under load met it). The launcher
    (warm._WARM) runs here a module that is still importing when the signal comes."""
    (tmp_path / "slow_import.py").write_text(
        'print("importing", flush=True)\nimport time\ntime.sleep(60)\n', encoding="utf-8"
    )
    launcher = [*warm._WARM[:2], warm._WARM[2].replace("plugins.fastbuild.warm", "slow_import")]
    assert launcher[2] != warm._WARM[2]
    server = subprocess.Popen(
        launcher, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert server.stdout.readline().strip() == "importing"
    server.send_signal(signal.SIGINT)
    _, said = server.communicate(timeout=60)
    assert server.returncode == 128 + signal.SIGINT, said
    assert "Traceback" not in said, said


# -- SIGTERM while serve rebuilds, or while its search index is written ----------------------

HOLD = """
import os
import time
from pathlib import Path

from pelican import signals

FLAG = Path({flag!r})


def hold(generator, writer):
    # a rebuild that takes its time (a big site): it writes its pid and group, then waits
    if FLAG.exists():
        FLAG.with_name("held").write_text(f"{{os.getpid()}} {{os.getpgid(0)}}")
        time.sleep(600)


def register():
    signals.article_writer_finalized.connect(hold)
"""

# serve run with a settings file of the test's (the project's, plus the plugin above and a
# Pagefind that takes its time), as `invoke serve` runs it
SERVE = (
    "import sys\nfrom pathlib import Path\nfrom invoke import Context\nimport tasks\n"
    "tasks.DEV_CONF = Path(sys.argv[1])\n"
    "tasks.serve.body(Context(), port=sys.argv[2], content=sys.argv[3], output=sys.argv[4])\n"
)


def _group(pgid: int) -> list[int]:
    """The processes still in a process group."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid and fields[0] != "Z":
                found.append(int(stat.parent.name))
    return found


def _running_pids(fragment: str) -> list[int]:
    """The live processes whose command line holds ``fragment``."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        with contextlib.suppress(OSError):
            if fragment.encode() in cmdline.read_bytes():
                state = cmdline.with_name("stat").read_text().rsplit(")", 1)[1].split()[0]
                if state != "Z":
                    found.append(int(cmdline.parent.name))
    return found


@pytest.mark.parametrize("to", ["serve alone", "its process group", "a closed terminal"])
def test_sigterm_stops_serve_mid_rebuild_with_its_builds_and_search_run(tmp_path, to):
    # SIGTERM went to the server's loop, which ran it only once the rebuild had ended; sent
    # to the group, it killed the warm server, and serve built again in a new one first
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    flag = tmp_path / "hold-now"
    (tmp_path / "hold.py").write_text(HOLD.format(flag=str(flag)), encoding="utf-8")
    pagefind = tmp_path / "slow-pagefind"  # the search index's run, still under way
    pagefind.write_text("#!/bin/sh\nexec sleep 600\n")
    pagefind.chmod(0o755)
    conf = tmp_path / "conf.py"
    conf.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"PLUGIN_PATHS = [{str(ROOT)!r}, {str(tmp_path)!r}]\nPLUGINS = ['hold', *PLUGINS]\n"
        f"THEME = {str(ROOT / 'theme')!r}\nSEARCH_BINARY = {str(pagefind)!r}\n",
        encoding="utf-8",
    )
    port = free_port()
    log = tmp_path / "terminal.log"
    env = {**os.environ, "COMMENTS_ISSO_URL": "http://127.0.0.1:9"}  # no local Isso
    command = [sys.executable, "-c", SERVE, str(conf), str(port), str(content)]
    with log.open("w") as terminal:
        serve = subprocess.Popen(
            [*command, str(tmp_path / "output")], cwd=ROOT, env=env, stdout=terminal,
            stderr=subprocess.STDOUT, process_group=0,
        )  # fmt: skip
    held = flag.with_name("held")
    try:
        _wait_for(log, "(Ctrl-C to stop)", serve)  # said once the loop runs
        assert _answers(f"http://127.0.0.1:{port}/")
        assert _running_pids(str(pagefind)), "the first build's search run is under way"
        flag.write_text("")
        post = next((content / "posts").glob("*.md"))
        post.write_text(post.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
        deadline = time.monotonic() + 120
        while not held.exists() and time.monotonic() < deadline:
            assert serve.poll() is None, log.read_text(errors="replace")
            time.sleep(0.1)
        build, group = map(int, held.read_text().split())
        if to == "serve alone":
            serve.send_signal(signal.SIGTERM)  # `kill <pid>`, `timeout`, a process manager
        elif to == "its process group":
            os.killpg(serve.pid, signal.SIGTERM)  # a container stop, an editor's task runner
        else:
            os.killpg(serve.pid, signal.SIGHUP)  # to the terminal's group, which serve leads
        assert serve.wait(timeout=60) == 0, log.read_text(errors="replace")
        assert _gone(build), f"the rebuild (pid {build}) runs on"
        assert _group(group) == [], "the warm server or a build's fork runs on"
        assert _group(serve.pid) == []
        assert _running_pids(str(pagefind)) == [], "the search index's run outlived serve"
        assert not _answers(f"http://127.0.0.1:{port}/")
        assert "Traceback" not in log.read_text(errors="replace")
    finally:
        flag.unlink(missing_ok=True)
        groups = [serve.pid, *([int(held.read_text().split()[1])] if held.exists() else [])]
        for pid in _running_pids(str(pagefind)):
            groups.append(os.getpgid(pid))
        for pgid in groups:  # what runs on
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pgid, signal.SIGKILL)
        serve.wait()


# -- `make serve` killed (SIGKILL: nothing of it runs) during a build ---------------------------

SLOW_PLUGIN = """\
import os, time
from pathlib import Path
from pelican import signals

def _slow(generators):
    if Path("slow").exists():  # the rebuild the test asks for: long, and said when under way
        Path("building").write_text(str(os.getpid()))
        time.sleep(300)

def register():
    signals.all_generators_finalized.connect(_slow)
"""


def _marked(mark: str) -> list[int]:
    """The processes whose environment holds ``mark`` (serve's, and all it started)."""
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        with contextlib.suppress(OSError):
            if mark.encode() in environ.read_bytes():
                found.append(int(environ.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads /proc")
def test_a_serve_killed_during_a_rebuild_leaves_no_build_running(project):
    """SIGKILL to `invoke serve` while its warm builder built: the build (a fork of the warm
    server) ran to its end, and the server with it, for minutes on a large site. The server
    now sees its requests' pipe close and stops the build: nothing left within seconds."""
    shutil.copy(ROOT / "tasks.py", project / "tasks.py")
    (project / "sitecheck").symlink_to(ROOT / "sitecheck")
    (project / "slow_build.py").write_text(SLOW_PLUGIN)
    with (project / "pelicanconf.py").open("a") as conf:
        conf.write('PLUGINS += ["slow_build"]\n')
    mark = f"SERVE_KILLED_{os.getpid()}_{time.monotonic_ns()}"
    env = {**os.environ, "COMMENTS_ISSO_URL": "http://127.0.0.1:9", "TEST_MARK": mark}
    port = free_port()
    log = project / "terminal.log"
    with log.open("w") as terminal:
        serve = subprocess.Popen(
            [sys.executable, "-m", "invoke", "serve", "--port", str(port)],
            cwd=project, env=env, stdout=terminal, stderr=subprocess.STDOUT, process_group=0,
        )  # fmt: skip
    try:
        _wait_for(log, "Serving ", serve)
        (project / "slow").write_text("")
        post = project / "content" / "posts" / "first-light.md"
        post.write_text(post.read_text() + "\nOne more line.\n")
        deadline = time.monotonic() + 120
        while not (project / "building").exists():
            assert time.monotonic() < deadline and serve.poll() is None, log.read_text()
            time.sleep(0.1)
        build = int((project / "building").read_text())
        assert build in _marked(mark) and build != serve.pid
        serve.kill()  # SIGKILL, to serve alone: no `finally` of its runs
        serve.wait()
        deadline = time.monotonic() + 10
        while _marked(mark) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _marked(mark) == [], "processes outlived the killed serve"
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", port))  # the port is free
    finally:
        for pid in _marked(mark):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
