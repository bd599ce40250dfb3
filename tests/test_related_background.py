"""related's background work: the child's value, or the same work done here when a fork fails."""

import os
import signal
import time

import pytest

from plugins.engine.forks import Primed

PARENT = os.getpid()


@pytest.fixture(autouse=True)
def no_hang():
    """A child left waiting for input it never gets would hang the test: fail it instead."""

    def stop(*_):
        raise TimeoutError("the children did not finish in 20 s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _double():
    return lambda number: number * 2


def _where():
    return lambda _: os.getpid()


def _dies_preparing():
    os._exit(3)  # the child dies without sending anything


def _dies_working():
    def work(_):
        if os.getpid() != PARENT:
            os._exit(3)
        return "computed here"

    return work


def _fails():
    def work(number):
        raise ValueError(f"bad input {number}")

    return work


def _input_fails():
    raise ValueError("no input")


def _gone(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@pytest.mark.parametrize(
    ("prepare", "make_input", "fork", "expected"),
    [
        (_double, lambda: 21, True, 42),
        (_double, lambda: 21, False, "fallback"),  # no fork: computed here
        (_dies_preparing, lambda: 21, True, "fallback"),
        (_dies_working, lambda: 21, True, "fallback"),
        (_double, _input_fails, True, "fallback"),  # the input never comes: no wait for it
        (lambda: lambda _: lambda: 1, lambda: 21, True, "fallback"),  # a value pickle refuses
    ],
)
def test_the_value_is_the_childs_or_the_fallback(prepare, make_input, fork, expected):
    primed = Primed(prepare, fork=fork)
    primed.send(make_input)
    assert primed.result(lambda: "fallback") == expected


def test_the_work_and_the_input_are_made_in_other_processes():
    primed = Primed(_where)
    made_in = []
    primed.send(lambda: made_in.append(os.getpid()) or 0)
    worker = primed.result(lambda: PARENT)
    assert worker not in (PARENT, 0)
    assert made_in == []  # the input was made in a fork, not here


def test_the_child_prepares_before_its_input_exists(tmp_path):
    marker = tmp_path / "prepared"

    def prepare():
        marker.write_text(str(os.getpid()))
        return lambda number: number + 1

    primed = Primed(prepare)
    deadline = time.monotonic() + 10
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert marker.exists(), "the child had not prepared before the input was sent"
    primed.send(lambda: 1)
    assert primed.result(lambda: 0) == 2


def test_an_error_in_the_work_is_raised_here_as_without_the_forks():
    primed = Primed(_fails)
    primed.send(lambda: 7)
    with pytest.raises(ValueError, match="bad input 7"):
        primed.result(lambda: _fails()(7))


def test_another_fork_holding_the_pipe_open_does_not_keep_the_child_waiting():
    # forks made between Primed() and send() (image workers, say) inherit the input pipe
    primed = Primed(_double)
    holder = os.fork()
    if holder == 0:
        time.sleep(60)
        os._exit(0)
    try:
        primed.send(lambda: 5)
        assert primed.result(lambda: "fallback") == 10
    finally:
        os.kill(holder, signal.SIGKILL)
        os.waitpid(holder, 0)


def test_without_input_or_once_cancelled_the_children_are_stopped():
    never_sent = Primed(_double)
    child = never_sent._pid
    assert never_sent.result(lambda: "fallback") == "fallback"
    assert _gone(child)

    cancelled = Primed(_double)
    cancelled.send(lambda: 1)
    children = (cancelled._pid, cancelled._feeder)
    cancelled.cancel()
    cancelled.cancel()  # twice is harmless (a build's closers and the receiver may both call it)
    assert all(map(_gone, children))
    assert cancelled.result(lambda: "fallback") == "fallback"


def test_the_value_is_worked_out_once():
    calls = []
    primed = Primed(_double, fork=False)
    primed.send(lambda: 1)
    assert primed.result(lambda: calls.append(1) or len(calls)) == 1
    assert primed.result(lambda: calls.append(1) or len(calls)) == 1
    assert calls == [1]


def _marking(marker):
    def prepare():
        marker.write_text(str(os.getpid()))
        return lambda number: number + 1

    return prepare


def _appears(path, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    return path.exists()


def test_a_waiting_child_prepares_only_once_begun(tmp_path):
    marker = tmp_path / "prepared"
    primed = Primed(_marking(marker), wait=True)
    assert not _appears(marker, 0.3), "the child prepared before begin()"
    primed.begin()
    primed.begin()  # twice is harmless (preread comes once per post read)
    assert _appears(marker, 10), "the child had not prepared after begin()"
    primed.send(lambda: 1)
    assert primed.result(lambda: 0) == 2


@pytest.mark.parametrize("begun", [True, False])
def test_a_waiting_child_gives_the_value_whether_or_not_begun_before_the_input(tmp_path, begun):
    primed = Primed(_marking(tmp_path / "prepared"), wait=True)
    if begun:
        primed.begin()
    primed.send(lambda: 41)  # the input begins the child first if nothing did
    assert primed.result(lambda: "fallback") == 42


def test_a_waiting_child_cancelled_before_it_began_never_prepares(tmp_path):
    marker = tmp_path / "prepared"
    primed = Primed(_marking(marker), wait=True)
    child = primed._pid
    primed.cancel()
    primed.begin()  # after cancel: nothing to write to, no error
    assert _gone(child)
    assert not marker.exists()
    assert primed.result(lambda: "fallback") == "fallback"


def test_a_waiting_child_whose_build_asks_nothing_leaves_without_preparing(tmp_path):
    marker = tmp_path / "prepared"
    primed = Primed(_marking(marker), wait=True)
    child = primed._pid
    assert primed.result(lambda: "fallback") == "fallback"  # no input was ever sent
    assert _gone(child)
    assert not marker.exists()


class _Logged:
    """An item that notes in a file when it is pickled (in the fork that feeds the child)."""

    def __init__(self, number: int, log) -> None:
        self.number, self.log = number, log

    def __reduce__(self):
        with open(self.log, "a") as out:
            out.write(f"sent {self.number}\n")
        return (int, (self.number,))


def _total():
    return lambda numbers: (len(numbers), sum(numbers))


def test_items_are_piped_a_piece_at_a_time_as_they_are_made(tmp_path):
    log = tmp_path / "log"

    def make_items():
        for number in range(250):
            with open(log, "a") as out:
                out.write(f"made {number}\n")
            yield _Logged(number, log)

    primed = Primed(_total)
    primed.send_each(make_items, per=100)
    assert primed.result(lambda: "fallback") == (250, sum(range(250)))
    lines = log.read_text().splitlines()
    # the first 100 went down the pipe before the 101st was made: no fork held the whole list
    assert lines.index("sent 99") < lines.index("made 100")
    assert lines.index("sent 199") < lines.index("made 200")
    assert lines[-1] == "sent 249"


def _stops_after(count: int):
    def make_items():
        yield from range(count)
        raise ValueError("no more input")

    return make_items


@pytest.mark.parametrize("count", [0, 150])
def test_items_that_stop_short_give_the_fallback(count):
    primed = Primed(_total)
    primed.send_each(_stops_after(count), per=100)
    assert primed.result(lambda: "fallback") == "fallback"


def test_no_items_give_an_empty_list():
    primed = Primed(_total)
    primed.send_each(lambda: iter(()))
    assert primed.result(lambda: "fallback") == (0, 0)


def test_the_collector_stays_frozen_here_while_forked_workers_run():
    # a full collection here while they run would write to every object's header, copying
    # every page shared with them (both then hold a copy: 14 MB more in each at 5,000 posts)
    import gc

    from plugins.engine.forks import in_forks

    outcomes = in_forks(lambda slot: (slot, gc.get_freeze_count() > 0), 2)
    assert sorted(result for _, result in outcomes) == [(0, True), (1, True)]
    assert gc.get_freeze_count() == 0  # and free again afterwards


def _touch(path: str) -> str:
    open(path, "w").close()
    return path


class _Arrived:
    """Unpickled in the parent: makes the marker file there."""

    def __init__(self, marker) -> None:
        self.marker = str(marker)

    def __reduce__(self):
        return (_touch, (self.marker,))


class _Waits:
    """Pickled in the child: waits (5 s at most) for the parent to have unpickled what came
    before it, and arrives as whether it had."""

    def __init__(self, marker) -> None:
        self.marker = marker

    def __reduce__(self):
        deadline = time.monotonic() + 5
        while not self.marker.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        return (bool, (self.marker.exists(),))


def test_a_workers_result_reaches_the_parent_while_it_is_still_being_pickled(tmp_path):
    # the whole pickle held beside the result was a reader's largest part at the hand-back
    # (fastbuild's readers, each holding half the posts)
    from plugins.engine.forks import in_forks

    marker = tmp_path / "arrived"

    def work(slot: int):
        return [_Arrived(marker), b"x" * 200_000, _Waits(marker)] if slot else None

    outcomes = in_forks(work, 2)
    assert outcomes[0] == (0, None)
    status, (path, padding, seen) = outcomes[1]
    assert (status, path, len(padding)) == (0, str(marker), 200_000)
    assert seen  # the parent had the first part before the child pickled the last


class _Unpicklable:
    def __reduce__(self):
        raise TypeError("not this one")


def test_a_result_that_fails_to_pickle_part_way_arrives_as_none():
    from plugins.engine.forks import in_forks

    outcomes = in_forks(lambda slot: [b"x" * 200_000, _Unpicklable()] if slot else "here", 2)
    assert outcomes == [(0, "here"), (1, None)]
