"""Work in forked processes: one way for every plugin (pure: no Pelican import).

- ``in_forks(work, n)``: ``work(slot)`` here and in ``n - 1`` forked children at once, each
  child's result pickled back (fastbuild reads and renders this way).
- ``Primed``: one child forked early that prepares (imports, say) while the build goes on,
  gets its input later from a second fork, and sends back one value (related posts score this
  way: NumPy and SciPy imported on an idle core, the posts sent once final, 100 at a time).
- ``with_parent()``: a subprocess's set-up that makes it die with the process that started it,
  even when that one is killed (`make serve`'s Isso, `make build`'s Pelican).

Children leave with ``os._exit``: they never run the parent's cleanup (atexit, Pelican's
``finalized``). Forks are made with the collector frozen (``gc.freeze``), so that a child's
collections leave the parent's objects, and their memory pages, alone; ``in_forks`` keeps it
frozen in the parent too until its children are done, and with this process alone in it:
Pelican's spinner thread is stopped first (``compat.stop_spinner``; a thread holding a lock
at a fork leaves the child that lock held for ever), and one that has just ended waited for.
Where the platform cannot fork, ``Primed`` computes in the build's process; ``in_forks``
needs ``os.fork`` (fastbuild checks for it before choosing workers).
"""

import contextlib
import gc
import itertools
import os
import pickle
import signal
import struct
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, TypeVar

from plugins.engine import compat

T = TypeVar("T")

_HEADER = struct.Struct("!Q")  # a piece's length: the pipe may stay open in other forks
_END = _HEADER.pack(0)  # after the input's last piece (a pickle is never empty)
_BEGIN = b"b"  # first on the pipe to a child made with wait=True: prepare now
_ONE, _EACH = b"1", b"*"  # the input is one value (``send``), or items in pieces (``send_each``)
_TASKS = "/proc/self/task"  # Linux: one entry per thread of this process, as the system counts
_GONE_WITHIN = 1.0  # seconds a thread that has ended may take to leave that list


def _alone() -> None:
    """Make this process's only thread the one about to fork, where it can: Pelican's spinner
    thread stopped, and threads that have ended (a photo pool's) gone from the system's list
    too, which Python 3.12 counts at a fork (a joined thread stays there for milliseconds)."""
    compat.stop_spinner()
    if threading.active_count() > 1:
        return  # another library's thread, still running: nothing of ours to stop
    deadline = time.monotonic() + _GONE_WITHIN
    with contextlib.suppress(OSError):  # no such list (not Linux): nothing to wait for
        while len(os.listdir(_TASKS)) > 1 and time.monotonic() < deadline:
            time.sleep(0.001)


@contextlib.contextmanager
def _collector_frozen() -> Iterator[None]:
    """The parent's objects out of the collector's reach while children are forked."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _fork() -> int:
    """``os.fork()`` with the collector leaving the parent's objects alone (fewer pages copied),
    from this process alone (``_alone``)."""
    _alone()
    with _collector_frozen():
        return os.fork()


def in_forks(work: Callable[[int], Any], processes: int) -> list[tuple[int, Any]]:
    """Run ``work(slot)`` in this process (slot 0) and in ``processes - 1`` forked children.

    Returns (exit status, result) per slot; a child that died, or whose result would not
    pickle, has a non-zero status and result None. This process's own exception, if any,
    propagates once every child has been waited for. Children leave with os._exit: they never
    run the parent's cleanup (atexit, Pelican's ``finalized``).
    """
    children = []
    _alone()  # the children copy one thread: this one
    # frozen until the children are done: a full collection here meanwhile would write to
    # every object's header, copying every page this process shares with them (both then
    # hold a copy: 14 MB more in each at 5,000 posts, at the peak)
    with _collector_frozen():
        for slot in range(1, processes):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:
                status = 1
                try:
                    os.close(read_end)
                    result = work(slot)
                    # pickled into the pipe a frame at a time as the parent reads it: the
                    # whole pickle beside the result was a reader's largest part at the
                    # hand-back. One that fails part-way leaves a pickle without its end,
                    # which the parent cannot load: None, as when nothing came
                    with os.fdopen(write_end, "wb") as out:
                        pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
                    status = 0
                finally:
                    os._exit(status)
            os.close(write_end)
            children.append((pid, read_end))
        outcomes: list[tuple[int, Any]] = []
        try:
            outcomes.append((0, work(0)))
        finally:
            for pid, read_end in children:
                with os.fdopen(read_end, "rb") as stream:
                    try:
                        result = pickle.load(stream)
                    except Exception:  # nothing sent (it died), or nothing this process can load
                        result = None
                _, status = os.waitpid(pid, 0)
                code = os.waitstatus_to_exitcode(status)
                outcomes.append((code or int(result is None), result))
    return outcomes


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


def _pieces(fd: int) -> Iterator[Any]:
    """Each piece on the pipe unpickled, up to the end mark; EOFError if it stops short."""
    while True:
        header = _read_exactly(fd, _HEADER.size)
        if header is None:
            raise EOFError("the input stopped short")
        size = _HEADER.unpack(header)[0]
        if not size:
            return
        data = _read_exactly(fd, size)
        if data is None:
            raise EOFError("the input stopped short")
        piece, data = pickle.loads(data), None  # the bytes go before the next piece
        yield piece


def _feed(fd: int, kind: bytes, pieces: Iterable[Any]) -> None:
    """Pipe each piece as it is made: neither side holds more than one piece's pickle."""
    _write_all(fd, kind)
    for piece in pieces:
        data = pickle.dumps(piece, pickle.HIGHEST_PROTOCOL)
        _write_all(fd, _HEADER.pack(len(data)))
        _write_all(fd, data)
        data = None
    _write_all(fd, _END)


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


class Primed(Generic[T]):
    """``prepare()(input)`` in a child forked now, with ``input`` sent later by ``send``.

    ``prepare`` runs in the child at once and returns the function that makes the value from
    the input. ``send(make_input)`` runs ``make_input`` in a second fork of this process and
    pipes a pickle of it to the child (``send_each(make_items)``: the items, pickled and piped
    ``per`` at a time as they are made, given to the child as one list; the fork leaves as
    soon as the last is in the pipe); ``result(fallback)`` waits for the child's value. If
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
                kind = _read_exactly(input_read, len(_ONE))
                if kind is not None:  # no input: the build needs no value
                    pieces = _pieces(input_read)
                    if kind == _ONE:
                        given = next(pieces)
                        for _ in pieces:  # reads the end mark
                            raise ValueError("more than one value")
                    else:
                        given = [item for piece in pieces for item in piece]
                    pieces = None
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
        self._send(_ONE, lambda: (make_input(),))

    def send_each(self, make_items: Callable[[], Iterable[Any]], per: int = 100) -> None:
        """Make the items in a fork of this process and pipe them ``per`` at a time as they
        are made; the child's input is the list of them (as ``send`` of the list would give)."""
        self._send(_EACH, lambda: _batches(make_items(), per))

    def _send(self, kind: bytes, make_pieces: Callable[[], Iterable[Any]]) -> None:
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
                _feed(fd, kind, make_pieces())
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


def with_parent() -> Callable[[], None] | None:
    """A child's set-up (``preexec_fn``): die when this process dies, even by SIGKILL (Linux's
    PR_SET_PDEATHSIG; None elsewhere). Start the child from the main thread: the signal comes
    when the thread that started it ends."""
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    parent = os.getpid()

    def setup() -> None:
        prctl(1, ctypes.c_ulong(signal.SIGKILL))  # PR_SET_PDEATHSIG
        if os.getppid() != parent:  # the parent died before the line above
            os._exit(1)

    return setup
