"""Running one function over many items in forked worker processes."""

import logging
import os
import pickle
from collections.abc import Callable, Iterable, Iterator
from typing import Any


class _Noticed(logging.Handler):
    """Counts the warnings and errors logged while one item is worked on."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _quietly(function: Callable[[Any], Any], item: Any) -> tuple[bool, Any]:
    """(True, result), or (False, None) when the call raised or logged a warning or an error."""
    noticed = _Noticed()
    root = logging.getLogger()
    root.addHandler(noticed)
    try:
        result = function(item)
    except Exception:
        return False, None
    finally:
        root.removeHandler(noticed)
    return (noticed.count == 0), (result if noticed.count == 0 else None)


def _silence_worker() -> None:
    """A worker says nothing: what it would have said, the build says when it redoes the item."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.setLevel(logging.WARNING)
    logging.getLogger("pelican").propagate = True
    for name in list(logging.root.manager.loggerDict):
        logger = logging.getLogger(name)
        for handler in list(logger.handlers):
            logger.removeHandler(handler)


def map_clean(
    function: Callable[[Any], Any], items: Iterable[Any], workers: int
) -> Iterator[tuple[Any, Any]]:
    """Yield (item, function(item)) for the items it ran on cleanly.

    The workers are forked, so ``function`` may be a closure over the build's own objects
    (readers, settings) without pickling them: only results cross back, once per worker.
    Items whose call raised or logged anything are not yielded (nor is anything a dead worker
    held): the caller does those itself, so their errors surface the usual way.
    """
    items = list(items)
    children = []
    for share in range(min(workers, len(items))):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker: every `workers`-th item, one pickle back, then leave
            status = 1
            try:
                os.close(read_end)
                _silence_worker()
                results = [_quietly(function, item) for item in items[share::workers]]
                with os.fdopen(write_end, "wb") as out:
                    pickle.dump(results, out, protocol=pickle.HIGHEST_PROTOCOL)
                status = 0
            finally:
                os._exit(status)  # never run the parent's cleanup (atexit, open files) twice
        os.close(write_end)
        children.append((share, pid, read_end))
    for share, pid, read_end in children:
        with os.fdopen(read_end, "rb") as stream:
            try:
                results = pickle.load(stream)
            except (EOFError, pickle.UnpicklingError):
                results = []
        os.waitpid(pid, 0)
        for item, (ok, result) in zip(items[share::workers], results, strict=False):
            if ok:
                yield item, result
