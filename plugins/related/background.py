"""Work done in forked processes while the build goes on, and waited for when it is needed.

Choosing related posts needs NumPy and SciPy (0.15 s to import) and the posts as the other
plugins leave them. The build's process reads the posts in workers and then runs Pelican's
serial steps on one core while the other waits, so the work is split in two processes:

- one forked before the posts are read (``Primed``), which imports what the scoring needs on
  the idle core and waits for its input;
- one forked once the posts are final, which makes that input from the posts in memory (as the
  build's process would, without it paying) and sends it over.

The picks then arrive when Pelican asks for its writer with none of the import left to wait
for (it was 0.1 s of a 100-post build).

The first child is forked as early as the build can (``Primed(..., wait=True)``), while the
build's process holds little more than its imports, and told when to start (``begin``): a
child forked after the posts are read shares their pages with the build, and every page the
build then writes to (reference counts, the plugins' attributes) is copied, with the child
holding the old one (forked early, the build's peak without the search index is 8 MB lower
at 1,000 posts and 28 MB at 5,000). Waiting to import until ``begin`` keeps the import off
the cores that are reading.
"""

import contextlib
import gc
import os
import pickle
import signal
import struct
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")

_HEADER = struct.Struct("!Q")  # the input's length: the pipe may stay open in other forks
_BEGIN = b"b"  # first on the pipe to a child made with wait=True: prepare now


def _fork() -> int:
    """``os.fork()`` with the collector leaving the parent's objects alone (fewer pages copied)."""
    gc.freeze()
    try:
        return os.fork()
    finally:
        gc.unfreeze()


def _read_exactly(fd: int, size: int) -> bytearray | None:
    """``size`` bytes from the pipe, read in place (no second copy), or None if it closed."""
    buffer = bytearray(size)
    view, got = memoryview(buffer), 0
    while got < size:
        count = os.readv(fd, [view[got:]])
        if not count:
            return None
        got += count
    return buffer


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


class Primed(Generic[T]):
    """``prepare()(input)`` in a child forked now, with ``input`` sent later by ``send``.

    ``prepare`` runs in the child at once and returns the function that makes the value from
    the input. ``send(make_input)`` runs ``make_input`` in a second fork of this process and
    pipes a pickle of it to the child; ``result(fallback)`` waits for the child's value. If
    this platform cannot fork, or either child fails for any reason, ``result`` runs
    ``fallback()`` here, so errors are raised (and logged) as they would have been without the
    forks. ``cancel()`` stops the children (a build that will not ask for the value).

    With ``wait=True`` the child waits for ``begin()`` (or ``send``) before it prepares.
    """

    def __init__(
        self, prepare: Callable[[], Callable[[Any], T]], fork: bool = True, wait: bool = False
    ) -> None:
        self._pid = self._feeder = 0
        self._input = self._output = -1
        self._value: tuple[T] | None = None
        self._waiting = wait
        if fork and hasattr(os, "fork"):
            self._start(prepare)

    def begin(self) -> None:
        """Let a child made with ``wait=True`` prepare now (once; nothing otherwise)."""
        if not self._waiting:
            return
        self._waiting = False
        if self._input >= 0:
            try:
                _write_all(self._input, _BEGIN)
            except OSError:  # the child has gone: result() computes here
                self.cancel()

    def _start(self, prepare: Callable[[], Callable[[Any], T]]) -> None:
        input_read, input_write = os.pipe()
        output_read, output_write = os.pipe()
        try:
            pid = _fork()
        except OSError:
            for fd in (input_read, input_write, output_read, output_write):
                os.close(fd)
            return
        if pid == 0:  # the child: prepare, wait for the input, send the value, leave
            code = 0
            try:
                os.close(input_write)
                os.close(output_read)
                if self._waiting and _read_exactly(input_read, len(_BEGIN)) != _BEGIN:
                    os._exit(0)  # cancelled before it began: the build needs no value
                work = prepare()
                header = _read_exactly(input_read, _HEADER.size)
                if header is not None:  # no input: the build needs no value
                    data = _read_exactly(input_read, _HEADER.unpack(header)[0])
                    if data is None:
                        raise EOFError("the input stopped short")
                    given, data = pickle.loads(data), None  # the bytes go before the work
                    value = pickle.dumps(work(given), pickle.HIGHEST_PROTOCOL)
                    _write_all(output_write, value)
            except BaseException:
                code = 1
            finally:
                os._exit(code)  # without running the parent's exit code
        os.close(input_read)
        os.close(output_write)
        self._pid, self._input, self._output = pid, input_write, output_read

    def send(self, make_input: Callable[[], Any]) -> None:
        """Make the input in a fork of this process and pipe it to the prepared child."""
        self.begin()
        if not self._pid or self._input < 0:
            return
        fd, self._input = self._input, -1
        try:
            pid = _fork()
        except OSError:
            os.close(fd)
            self.cancel()
            return
        if pid == 0:
            code = 0
            try:
                data = pickle.dumps(make_input(), pickle.HIGHEST_PROTOCOL)
                _write_all(fd, _HEADER.pack(len(data)))
                _write_all(fd, data)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        os.close(fd)
        self._feeder = pid

    def result(self, fallback: Callable[[], T]) -> T:
        """The value: the child's, once it has finished, or ``fallback()`` computed here."""
        if self._value is None:
            self._value = self._received() or (fallback(),)
        return self._value[0]

    def _received(self) -> tuple[T] | None:
        if not self._pid or not self._feeder:
            self.cancel()
            return None
        feeder, self._feeder = self._feeder, 0
        if os.waitpid(feeder, 0)[1] != 0:  # the input never came whole: the child would wait
            self.cancel()
            return None
        with os.fdopen(self._output, "rb") as source:
            self._output = -1
            data = source.read()
        pid, self._pid = self._pid, 0
        _, status = os.waitpid(pid, 0)
        if status == 0 and data:
            with contextlib.suppress(Exception):
                return (pickle.loads(data),)
        return None

    def cancel(self) -> None:
        """Stop the children and close the pipes; ``result`` then computes here."""
        for fd in (self._input, self._output):
            if fd >= 0:
                os.close(fd)
        self._input = self._output = -1
        for pid in (self._feeder, self._pid):
            if pid:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
        self._feeder = self._pid = 0
