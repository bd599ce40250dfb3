"""Run a real Isso server on loopback: for `make serve` and for the end-to-end tests."""

import socket
import subprocess
import sys
import time
from pathlib import Path

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
"""


def write_config(folder: Path, port: int, origins: list[str]) -> Path:
    """An Isso config for local use: SQLite in `folder`, no moderation, no rate limit."""
    folder.mkdir(parents=True, exist_ok=True)
    hosts = "\n".join(f"    {origin}/" for origin in origins)
    path = folder / "isso.cfg"
    path.write_text(CONFIG.format(db=folder / "comments.db", hosts=hosts, port=port))
    return path


def start(config: Path, port: int, timeout: float = 20.0) -> subprocess.Popen:
    """Start Isso (the process itself, so its PID is Isso's) and wait until it answers."""
    isso = Path(sys.executable).parent / "isso"
    process = subprocess.Popen(
        [str(isso), "-c", str(config), "run"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Isso exited with status {process.returncode}; config: {config}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise RuntimeError(f"Isso did not answer on 127.0.0.1:{port} within {timeout:.0f} s")


def stop(process: subprocess.Popen) -> None:
    """Stop a server started by start()."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
