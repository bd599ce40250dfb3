"""related's background work: the child's value, or the same work done here when it fails."""

import os

import pytest

from plugins.related.background import Pending

PARENT = os.getpid()


def _where() -> int:
    return os.getpid()


def _only_here() -> str:
    if os.getpid() != PARENT:
        os._exit(3)  # the child dies without sending anything
    return "computed here"


def _fails_everywhere() -> None:
    raise ValueError("bad input")


@pytest.mark.parametrize(
    ("function", "fork", "expected"),
    [
        (lambda: {("en", "a"): [1, 2]}, True, {("en", "a"): [1, 2]}),
        (lambda: sorted({3, 1, 2}), False, [1, 2, 3]),
        (_only_here, True, "computed here"),
        (lambda: lambda: 1, True, None),  # a value pickle refuses: computed here instead
    ],
)
def test_pending_gives_the_functions_value(function, fork, expected):
    value = Pending(function, fork=fork).result()
    if expected is None:
        assert callable(value) and value() == 1
    else:
        assert value == expected


def test_the_work_runs_in_another_process_when_forking():
    assert Pending(_where).result() != PARENT
    assert Pending(_where, fork=False).result() == PARENT


def test_an_error_is_raised_here_as_without_the_fork():
    pending = Pending(_fails_everywhere)
    with pytest.raises(ValueError, match="bad input"):
        pending.result()


def test_the_value_is_worked_out_once():
    calls = []
    pending = Pending(lambda: calls.append(1) or len(calls), fork=False)
    assert pending.result() == 1
    assert pending.result() == 1
    assert calls == [1]
