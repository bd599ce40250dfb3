"""The check every test ends with (conftest's nothing_left_open): a test that leaves a build
open or a logger's level changed fails, naming what it left, and the next test starts clean.

A test that ran part of a build in this process and never closed it left
plugins.engine.compat's logger at INFO (engine.build.heard), and a later test, in another
file, found it so: which one failed depended on the order the suite ran in."""

import logging

from plugins.engine import build as engine_build
from plugins.engine import compat as shared_compat
from tests.conftest import _logger_levels, left_behind


def test_a_build_left_open_is_named_with_what_it_did_not_put_back(tmp_path):
    levels = _logger_levels()
    settings = {"PATH": str(tmp_path / "content-left-open")}
    logger = logging.getLogger(shared_compat.__name__)
    engine_build.heard(settings, logger)  # as a receiver called outside Pelican does
    assert logger.level == logging.INFO
    [line] = left_behind(levels)
    assert line.startswith(f"a build of {tmp_path / 'content-left-open'} open, its closers not run")
    assert "(heard.<locals>.<lambda>)" in line
    assert line.endswith("end it with engine.build.current(settings).close()")
    # put back: the next test finds the level as it was, and nothing open
    assert logger.level == logging.NOTSET
    assert engine_build.still_open() == []
    assert left_behind(levels) == []


def test_a_logger_level_left_changed_is_named_with_its_level_before():
    name = "tests.left-at-debug"
    logging.getLogger(name)
    levels = _logger_levels()
    logging.getLogger(name).setLevel(logging.DEBUG)
    assert left_behind(levels) == [f"logger '{name}' left at DEBUG (it was NOTSET)"]
    assert logging.getLogger(name).level == logging.NOTSET


def test_a_build_closed_leaves_nothing(ended):
    levels = _logger_levels()
    settings = ended({"PLUGINS": ["fastbuild"], "FASTBUILD_ACCELERATE": True})
    engine_build.heard(settings, logging.getLogger(shared_compat.__name__))
    engine_build.current(settings).close()
    assert left_behind(levels) == []
