"""Work a build leaves running after it ends that writes into its output folder (search's
Pagefind run in `make serve`), recorded per output folder, so that a later build stops it
before removing what is no longer written (fastbuild, at ``output_complete``): a run of the
last build renamed its index into place after the next build, with search taken out of
PLUGINS or ``SEARCH_OUTPUT_DIR`` renamed, had removed it, and it stayed served for good.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

# the process whose end ends that work (`make serve` names itself): killed outright (kill -9),
# serve ran no `finally`, and Pagefind went on writing into its output folder, an orphan
OWNER = "ENGINE_BACKGROUND_OWNER"


def owner() -> int | None:
    """The process id the environment names in ``OWNER``, or None (work runs to its end)."""
    text = os.environ.get(OWNER, "")
    return int(text) if text.isdigit() else None


def per_output(settings: Mapping[str, Any], kind: str) -> Path:
    """A folder of ``CACHE_PATH``/``kind`` for this build's output folder (builds of one
    content into two folders keep apart)."""
    output = os.path.abspath(settings["OUTPUT_PATH"])
    name = hashlib.sha256(output.encode()).hexdigest()[:16]
    return Path(settings["CACHE_PATH"], kind, name)


def _folder(settings: Mapping[str, Any]) -> Path:
    return per_output(settings, "background")


def _identity(pid: int) -> bytes:
    """When a process started, where /proc can tell (b"" elsewhere, or once it is gone): with
    its number, it names that process alone. Its command line did not: read just after the
    start, it was often still empty (the program not loaded yet), and such a record never
    matched the run it named, which then went on after the build or serve that stopped it."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_bytes()
    except OSError:
        return b""
    fields = stat.rsplit(b")", 1)[-1].split()
    return fields[19] if len(fields) > 19 else b""  # starttime, the 22nd field


def started(settings: Mapping[str, Any], pid: int) -> None:
    """Record a process (the leader of its own process group) that writes into this build's
    output folder after the build."""
    folder = _folder(settings)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / str(pid)).write_bytes(_identity(pid))


def stop(settings: Mapping[str, Any], timeout: float = 10.0) -> None:
    """Stop what earlier builds left writing into this output folder, and wait (``timeout``
    seconds each at most) until it has ended."""
    folder = _folder(settings)
    for record in sorted(folder.iterdir()) if folder.is_dir() else ():
        with contextlib.suppress(ValueError, OSError):
            pid, written = int(record.name), record.read_bytes()
            # a number whose process ended may be another's by now: only the same process
            if written == _identity(pid) and (written or not Path("/proc/self").exists()):
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(pid, signal.SIGTERM)  # its group: Pagefind goes with it
                _wait_gone(pid, timeout)
        record.unlink(missing_ok=True)


def _wait_gone(pid: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(ChildProcessError):
            if os.waitpid(pid, os.WNOHANG)[0] == pid:  # this process's own child: reaped
                return
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.02)
