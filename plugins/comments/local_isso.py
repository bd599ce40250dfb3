"""Run a real Isso server on loopback: for `make serve` and for the end-to-end tests.

Isso runs behind our wrapper (``wsgi.py``), as in production, so closed threads refuse new
comments locally too once a build has written its threads list.
"""

import json
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from plugins.engine.forks import with_parent

WRAPPER = Path(__file__).with_name("wsgi.py")

CONFIG = """\
[general]
dbpath = {db}
host =
{hosts}
notify = stdout
[server]
listen = http://127.0.0.1:{port}/
[moderation]
enabled = false
[guard]
enabled = false
require-author = false
require-email = false
[hash]
salt = {salt}
"""


class IssoProcess(subprocess.Popen):
    """The server's process; ``stopping`` tells an exit we asked for from a crash."""

    stopping = False


def write_config(folder: Path, port: int, origins: list[str]) -> Path:
    """An Isso config for local use: SQLite in `folder`, no moderation, no rate limit."""
    folder.mkdir(parents=True, exist_ok=True)
    hosts = "\n".join(f"    {origin}/" for origin in origins)
    path = folder / "isso.cfg"
    # keep this folder's salt from one session to the next (it seeds commenters' avatars)
    earlier = re.search(r"^salt = (\S+)$", path.read_text(), re.M) if path.is_file() else None
    salt = earlier[1] if earlier else secrets.token_urlsafe(24)
    db = folder / "comments.db"
    path.write_text(CONFIG.format(db=db, hosts=hosts, port=port, salt=salt))
    return path


def port_is_free(port: int) -> bool:
    """Can a server listen on 127.0.0.1:port now?"""
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port(preferred: int) -> int:
    """``preferred`` if nothing listens there, else a port the system picks."""
    if port_is_free(preferred):
        return preferred
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers(port: int) -> bool:
    """Does an Isso answer /info on this port?"""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/info", timeout=1) as response:
            return "version" in json.loads(response.read())
    except (OSError, ValueError):
        return False


def start(
    config: Path, port: int, threads: Path | None = None, timeout: float = 20.0
) -> IssoProcess:
    """Start Isso (the process itself, so its PID is Isso's) and wait until it answers.

    Its output goes to ``isso.log`` beside the config. ``threads``: the build's threads list
    (its closed threads refuse new comments). RuntimeError, saying why, when the port is taken
    or Isso exits or does not answer.

    Isso runs in a process group of its own, so that a Ctrl-C in the terminal reaches only
    `make serve`, which stops it (Isso stopped by the Ctrl-C itself was reported as a crash),
    and it dies with the process that started it, even one killed with SIGKILL (it stayed,
    holding its port and the database).
    """
    if not port_is_free(port):
        raise RuntimeError(f"port {port} on 127.0.0.1 is taken by another program")
    command = [sys.executable, "-P", str(WRAPPER), "-c", str(config)]  # -P: no plugin imports
    if threads is not None:
        command += ["--threads", str(threads)]
    log = config.with_name("isso.log")
    with log.open("wb") as sink:  # the child keeps its own copy of the file
        process = IssoProcess(
            command,
            stdout=sink,
            stderr=subprocess.STDOUT,
            process_group=0,
            preexec_fn=with_parent(),
        )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        if _answers(port) and process.poll() is None:  # ours, not a program that took the port
            return process
        time.sleep(0.1)
    else:
        stop(process)
        raise RuntimeError(f"Isso did not answer on 127.0.0.1:{port} within {timeout:.0f} s")
    last = [line for line in log.read_text(errors="replace").splitlines() if line.strip()]
    why = f": {last[-1].strip()}" if last else ""
    raise RuntimeError(f"Isso exited with status {process.returncode}{why} (log: {log})")


def watch(process: IssoProcess, on_exit: Callable[[int], None]) -> threading.Thread:
    """Call ``on_exit(status)`` if the server exits without stop() being asked."""

    def wait() -> None:
        status = process.wait()
        if not process.stopping:
            on_exit(status)

    watcher = threading.Thread(target=wait, name="isso-watch", daemon=True)
    watcher.start()
    return watcher


def stop(process: subprocess.Popen) -> None:
    """Stop a server started by start()."""
    process.stopping = True
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
