"""Running work in forked worker processes, and carrying its results and logs back."""

import contextlib
import logging
import multiprocessing
import pickle
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from plugins.engine import rendering
from plugins.engine.build import CARRIED
from plugins.engine.forks import in_forks


class _Noticed(logging.Handler):
    """Counts the warnings and errors logged while one item is worked on, but those the
    item's result carries for the build's own process to say (``build.CARRIED``)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if not getattr(record, CARRIED, False):
            self.count += 1


def _quietly(function: Callable[[Any], Any], item: Any) -> tuple[bool, Any]:
    """(True, result), or (False, None) when the call raised, or logged a warning or an error
    that its result does not carry (``build.CARRIED``)."""
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
    """A worker says nothing: the build says what an item's result carries when it takes it,
    and what any other item said when it does that item itself."""
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
    Items whose call raised, or logged a warning or an error not marked ``build.CARRIED`` (a
    record the item's result holds, for the caller to say when it takes the result), are not
    yielded, nor is anything a dead worker held: the caller does those itself, so their errors
    surface the usual way. Info and debug lines a worker logs are not said.
    """
    items = list(items)
    shares = min(workers, len(items))

    def work(slot: int) -> list[tuple[bool, Any]]:
        if slot == 0:  # this process only waits: every item is a worker's
            return []
        _silence_worker()
        return [_quietly(function, item) for item in items[slot - 1 :: workers]]

    outcomes = in_forks(work, shares + 1)
    for slot, (_, results) in enumerate(outcomes[1:], start=1):
        # a dead worker, or results that did not pickle, yield nothing: the caller reads those
        for item, (ok, result) in zip(items[slot - 1 :: workers], results or [], strict=False):
            if ok:
                yield item, result


# ---- rendering: every process takes work from one shared queue ------------------------------


def balance(costs: Sequence[int]) -> list[int]:
    """The order to hand out work in: dearest first (a long listing last leaves a core idle)."""
    return sorted(range(len(costs)), key=lambda i: (-costs[i], i))


class Tickets:
    """A counter shared by forked processes: each number is taken by exactly one of them."""

    def __init__(self) -> None:
        self._next = multiprocessing.Value("q", 0)

    def take(self) -> int:
        """The next number not yet taken by any process."""
        with self._next.get_lock():
            number = self._next.value
            self._next.value = number + 1
        return number

    def below(self, limit: int) -> Iterator[int]:
        """Numbers taken by this process until they reach ``limit``."""
        while (number := self.take()) < limit:
            yield number


# ---- what crosses back from a child: log records and exceptions -----------------------------


class _Capture(logging.Handler):
    """Keeps every record that reaches the root logger, with the work item it belongs to."""

    def __init__(self) -> None:
        super().__init__(level=logging.NOTSET)
        self.item = -1
        self.records: list[tuple[int, dict[str, Any]]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((self.item, portable_record(record)))


def portable_record(record: logging.LogRecord) -> dict[str, Any]:
    """A record's fields with its message formatted, fit to pickle."""
    data = dict(record.__dict__)
    data["msg"], data["args"] = record.getMessage(), None
    if record.exc_info:
        data["exc_text"] = logging.Formatter().formatException(record.exc_info)
    data["exc_info"] = None
    try:
        pickle.dumps(data)
    except Exception:  # an extra= value that does not pickle: keep what does
        data = {k: v for k, v in data.items() if _pickles(v)}
    return data


def _pickles(value: Any) -> bool:
    try:
        pickle.dumps(value)
    except Exception:
        return False
    return True


@contextlib.contextmanager
def captured_logs(*, child: bool) -> Iterator[_Capture]:
    """Hold back what is logged (the parent replays it in the serial order, once).

    In a child every handler goes, so nothing reaches the terminal twice; in the parent only
    the root logger's handlers are set aside, and put back on leaving.
    """
    root = logging.getLogger()
    capture = _Capture()
    kept = list(root.handlers)
    if child:
        for name in list(logging.root.manager.loggerDict):
            logger = logging.getLogger(name)
            for handler in list(logger.handlers):
                logger.removeHandler(handler)
    root.handlers = [capture]
    try:
        yield capture
    finally:
        if not child:
            root.handlers = kept


def replay(data: dict[str, Any], *, filtered: bool) -> None:
    """Log a record again in this process, as if it had been logged here.

    ``filtered``: pass it through its logger's filters first (Pelican's duplicate filter, for a
    record logged in a child, which this process's filter has not seen).
    """
    record = logging.makeLogRecord(data)
    logger = logging.getLogger(record.name)
    if filtered:
        try:
            if not logger.filter(record):
                return
        except Exception:  # pelican.log.FatalLogger says "filtered out" by raising
            return
    logger.callHandlers(record)


class PortableError:
    """An exception raised in a child, as it crosses back: itself pickled, or its name and text."""

    def __init__(self, exc: BaseException) -> None:
        self.name = type(exc).__name__
        self.module = type(exc).__module__
        self.message = str(exc)
        self.detail = "".join(traceback.format_exception(exc))
        self.place = rendering.place(exc)  # the template and page, when a render failed
        try:
            self.pickled: bytes | None = pickle.dumps(exc, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.loads(self.pickled)
        except Exception:  # e.g. jinja2's TemplateSyntaxError needs more than its message back
            self.pickled = None

    def rebuilt(self) -> BaseException:
        """The exception again (or one of the same name and message), with the child's traceback
        as a note."""
        exc = None
        if self.pickled is not None:
            with contextlib.suppress(Exception):
                exc = pickle.loads(self.pickled)
        if not isinstance(exc, BaseException):
            exc = type(self.name, (Exception,), {"__module__": self.module})(self.message)
        exc.add_note(f"raised in a rendering worker:\n{self.detail}")
        rendering.put(exc, self.place)
        return exc
