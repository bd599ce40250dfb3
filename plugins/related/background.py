"""Work done in a forked process while the build goes on, and waited for when it is needed.

After the posts are read, Pelican builds the other generators' content and queues the pages on
one core while the second waits. Choosing related posts needs nothing those steps make, so a
fork of the build does it on that core, from the same posts in memory.
"""

import contextlib
import gc
import os
import pickle
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Pending(Generic[T]):
    """``function()``, started in a forked child where the platform forks; ``result()`` waits.

    The child sends back only a pickle of the value. If it cannot fork, or the child fails for
    any reason, ``result()`` runs ``function()`` here, so errors are raised (and logged) as
    they would have been without the fork.
    """

    def __init__(self, function: Callable[[], T], fork: bool = True) -> None:
        self._function = function
        self._pid = 0
        self._pipe = -1
        self._value: tuple[T] | None = None
        if fork and hasattr(os, "fork"):
            self._start()

    def _start(self) -> None:
        read, write = os.pipe()
        gc.freeze()  # the collector leaves the parent's objects alone: fewer pages copied
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            return
        finally:
            gc.unfreeze()
        if pid == 0:  # the child: compute, send, leave without running the parent's exit code
            code = 0
            try:
                os.close(read)
                data = pickle.dumps(self._function(), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write, "wb") as out:
                    out.write(data)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        os.close(write)
        self._pid, self._pipe = pid, read

    def result(self) -> T:
        """The value: the child's, once it has finished, or computed here."""
        if self._value is None:
            self._value = (self._received() if self._pid else None) or (self._function(),)
        return self._value[0]

    def _received(self) -> tuple[T] | None:
        pid, self._pid = self._pid, 0
        with os.fdopen(self._pipe, "rb") as source:
            data = source.read()
        _, status = os.waitpid(pid, 0)
        if status == 0 and data:
            with contextlib.suppress(Exception):
                return (pickle.loads(data),)
        return None
