"""`invoke serve`: Python warnings raised during a build reach the overlay, once each.

A library's or a plugin's ``warnings.warn`` printed to the terminal only (Pelican does not
capture warnings in a build: its ``log_warnings()`` is for its own test suite), and the
overlay, which shows the build's logging records, never had it. A serve build logs them as
warnings for as long as it runs (plugins/devserver/problems.py ``warnings_logged``).

And a build stopped by an exception in a file of the site is one terminal line naming it.
"""

import json
import logging
import os
import subprocess
import sys
import warnings
from pathlib import Path

from plugins.devserver.problems import Collector, warnings_logged
from plugins.fastbuild.warm import WarmBuilder
from tests.conftest import ROOT

NOISY = """
import warnings

from pelican import signals


def noisy(generator):
    # one place, said for each post: shown once
    for article in generator.articles:
        warnings.warn(f"the lamp is low ({len(generator.articles)} posts)", UserWarning)
    # not the project's own code: Python's filters hide it, in a serve build too
    warnings.warn("old_api() is deprecated", DeprecationWarning)


def register():
    signals.article_generator_finalized.connect(noisy)
"""


def test_a_warning_raised_during_a_serve_build_is_in_its_problems_once(tmp_path: Path):
    plugin = tmp_path / "extra" / "noisy" / "__init__.py"
    plugin.parent.mkdir(parents=True)
    plugin.write_text(NOISY)
    content, output = tmp_path / "content", tmp_path / "out"
    content.mkdir()
    for name in ("one", "two"):
        (content / f"{name}.md").write_text(f"Title: {name}\nDate: 2026-01-01\n\nHi.\n")
    conf = tmp_path / "conf.py"
    conf.write_text(f"PLUGIN_PATHS = [{str(plugin.parent.parent)!r}]\nPLUGINS = ['noisy']\n")
    report, terminal = tmp_path / "problems.json", tmp_path / "terminal.log"
    args = ["-s", str(conf), "-o", str(output), str(content)]
    env = {**os.environ, "COLUMNS": "300"}  # log lines unwrapped
    with terminal.open("w") as errors, WarmBuilder(conf, ROOT, env, stderr=errors) as builder:
        assert builder.build(args, problems=report) == 0
        # a build without a problems file (not serve's) leaves warnings to Python, as before
        assert builder.build(args) == 0

    problems = json.loads(report.read_text())["problems"]
    (said,) = [p for p in problems if "the lamp is low" in p["message"]]
    assert said["level"] == "warning"
    assert said["source"] == str(plugin)  # outside the project and sys.path: its full path
    assert said["message"] == "line 10: UserWarning: the lamp is low (2 posts)"
    assert not [p for p in problems if "deprecated" in p["message"]]
    printed = terminal.read_text()
    # each build said it once: the serve build as a log line (not also printed by Python),
    # the other the way Python prints it, with the line of code under it
    assert printed.count("UserWarning: the lamp is low") == 2, printed
    logged = [line for line in printed.splitlines() if "WARNING" in line]
    assert sum("the lamp is low" in line for line in logged) == 1, printed
    assert printed.count("warnings.warn(") == 1, printed
    # what Pelican says of these settings (no TIMEZONE) is said by each build, as `pelican`
    # says it: the warm server that read them first said nothing
    assert sum("No timezone information" in line for line in logged) == 2, printed


def test_warnings_are_logged_only_inside_the_block():
    shown, filters = warnings.showwarning, list(warnings.filters)
    collector = Collector()
    logging.getLogger().addHandler(collector)
    try:
        with warnings_logged():
            warnings.warn("inside", UserWarning, stacklevel=1)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            warnings.warn("outside", UserWarning, stacklevel=1)
    finally:
        logging.getLogger().removeHandler(collector)
    assert [p["message"].split(": ", 1)[1] for p in collector.problems] == ["UserWarning: inside"]
    assert collector.problems[0]["source"] == "tests/test_serve_warnings.py"
    assert [str(w.message) for w in caught] == ["outside"]
    assert (warnings.showwarning, warnings.filters) == (shown, filters)


def test_a_deprecation_in_the_projects_own_code_is_said(tmp_path: Path):
    # a plugin of this project calling a deprecated API: Python hides DeprecationWarning
    # outside __main__, the serve build shows it (plugins.*, pelicanconf)
    code = (
        "import logging, warnings\n"
        "from plugins.devserver.problems import Collector, warnings_logged\n"
        "c = Collector(); logging.getLogger().addHandler(c)\n"
        "with warnings_logged():\n"
        '    exec(compile(\'import warnings; warnings.warn("x is deprecated", '
        "DeprecationWarning)', 'plugins/fake.py', 'exec'), {'__name__': 'plugins.fake'})\n"
        "print([p['message'] for p in c.problems])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "['line 1: DeprecationWarning: x is deprecated']"


def test_a_build_stopped_in_a_file_of_the_site_is_one_terminal_line_not_a_traceback(tmp_path):
    # Pelican logs the exception that stopped a build with its traceback (through Pelican's
    # and Jinja's code): in make serve, the terminal says the file and line, as the overlay does
    content = tmp_path / "content"
    content.mkdir()
    broken, elsewhere = tmp_path / "pelicanconf.py", tmp_path / "other.py"
    broken.write_text("SITENAME = 'Tessellate'\nAUTHOR = 'Oops\n")
    # nothing of the site's in the traceback (a library's own error): it is kept
    elsewhere.write_text("import json\n\nSITENAME = json.loads('')\n")
    terminal = tmp_path / "terminal.log"
    env = {**os.environ, "COLUMNS": "300"}
    with terminal.open("w") as errors, WarmBuilder(broken, ROOT, env, stderr=errors) as builder:
        for conf in (broken, elsewhere):
            args = ["-s", str(conf), "-o", str(tmp_path / "out"), str(content)]
            assert builder.build(args, problems=tmp_path / f"{conf.stem}.json") == 1
            errors.write("---\n")
            errors.flush()
    first, second, _ = terminal.read_text().split("---\n")
    lines = [line for line in first.splitlines() if line.strip()]
    assert len(lines) == 1, first
    assert "CRITICAL" in lines[0]
    assert f"{broken}: SyntaxError: unterminated string literal" in lines[0]
    assert "Traceback" in second and "JSONDecodeError" in second


LOUD_AT_IMPORT = """
import logging

logging.getLogger(__name__).warning("loud: LOUD_API_KEY is not set; no badges")


def register():
    pass
"""


def _warm_builds(tmp_path: Path, name: str, code: str, builds: int) -> tuple[list, Path, str]:
    """``builds`` builds by one warm server of a site whose one plugin, ``name``, is
    ``code``: each build's problems, the plugin's file, and the terminal."""
    plugin = tmp_path / "extra" / name / "__init__.py"
    plugin.parent.mkdir(parents=True)
    plugin.write_text(code)
    content, output = tmp_path / "content", tmp_path / "out"
    content.mkdir()
    (content / "one.md").write_text("Title: one\nDate: 2026-01-01\n\nHi.\n")
    conf = tmp_path / "conf.py"
    conf.write_text(
        f"PLUGIN_PATHS = [{str(plugin.parent.parent)!r}]\nPLUGINS = [{name!r}]\nTIMEZONE = 'UTC'\n"
    )
    report, terminal = tmp_path / "problems.json", tmp_path / "terminal.log"
    args = ["-s", str(conf), "-o", str(output), str(content)]
    env = {**os.environ, "COLUMNS": "300"}
    each = []
    with terminal.open("w") as errors, WarmBuilder(conf, ROOT, env, stderr=errors) as builder:
        for _ in range(builds):
            assert builder.build(args, problems=report) == 0
            each.append(json.loads(report.read_text())["problems"])
    return each, plugin, terminal.read_text()


def test_what_a_plugin_logs_while_imported_is_said_in_every_build(tmp_path: Path):
    """The warm server imports the plugins with logging off (a line it logged would be
    dropped from every build forked from it): a plugin that warned at import was never heard
    in serve. Its lines are kept then, and each build logs them, once, as `make build` does
    (the server's first build alone said them: the next save took them off the overlay,
    the plugin unchanged)."""
    (first, second), _, printed = _warm_builds(tmp_path, "loud", LOUD_AT_IMPORT, builds=2)
    said = "loud: LOUD_API_KEY is not set; no badges"
    assert [(p["level"], p["message"]) for p in first if "loud" in p["message"]] == [
        ("warning", said)
    ]
    assert [(p["level"], p["message"]) for p in second if "loud" in p["message"]] == [
        ("warning", said)
    ]
    logged = [line for line in printed.splitlines() if said in line]
    assert len(logged) == 2 and all("WARNING" in line for line in logged), printed


def test_lines_kept_for_later_are_logged_by_the_replay_through_pelican_s_filter(caplog):
    """A line kept while the warm server imported (a logger made there, or one made before)
    is not remembered by Pelican's log filter: the replay in a build logs it, once."""
    import pelican.log  # noqa: F401  (Pelican's logger class, with its LimitFilter)

    from plugins.devserver.problems import kept_for_later, replay

    before = logging.getLogger("tests.kept.before")
    filters = list(before.filters)
    with kept_for_later() as kept:
        before.warning("kept: made before")
        logging.getLogger("tests.kept.inside").warning("kept: made inside")
    assert [r.getMessage() for r in kept] == ["kept: made before", "kept: made inside"]
    assert before.filters == filters
    assert logging.getLogger("tests.kept.inside").filters == filters
    caplog.set_level(logging.WARNING)
    replay(kept)
    replay(kept)  # a second time: Pelican's filter drops what it has seen
    assert [m for m in caplog.messages if m.startswith("kept:")] == [
        "kept: made before",
        "kept: made inside",
    ]


WARNS_AT_IMPORT = """
import warnings

warnings.warn("chimes: the old badge API goes away in 2027", UserWarning)


def register():
    pass
"""


def test_a_python_warning_a_plugin_raises_while_imported_reaches_the_overlay(tmp_path: Path):
    """The warm server imports the plugins before any build: a plugin (or a library it
    imports) that raised a Python warning there was printed on the terminal, the way Python
    prints it, and no build raised it again (the module is imported already): the overlay
    never had it. It is kept with the lines logged there, for the first build to say."""
    (problems,), plugin, printed = _warm_builds(tmp_path, "chimes", WARNS_AT_IMPORT, builds=1)
    said = "UserWarning: chimes: the old badge API goes away in 2027"
    assert [(p["level"], p["source"], p["message"]) for p in problems if said in p["message"]] == [
        ("warning", str(plugin), f"line 4: {said}")
    ]
    # once on the terminal, as the build's own warning line, not as Python prints it
    assert [line for line in printed.splitlines() if said in line] == [
        line for line in printed.splitlines() if "WARNING" in line and said in line
    ]
    assert printed.count(said) == 1 and "warnings.warn(" not in printed, printed


def test_a_python_warning_a_module_the_settings_import_raises_reaches_every_build(tmp_path):
    """The warm server reads the settings before any build: a module of the site's that
    they import, raising a Python warning, was printed on the terminal the way Python prints
    it, and never in the overlay (no build imports it again). A warning the settings file
    raises itself is said by each build, which runs the file again: not twice."""
    (tmp_path / "sitelib.py").write_text(
        'import warnings\nwarnings.warn("sitelib: OLD_BADGES is deprecated", UserWarning)\n'
    )
    content = tmp_path / "content"
    content.mkdir()
    (content / "one.md").write_text("Title: one\nDate: 2026-01-01\n\nHi.\n")
    conf = tmp_path / "conf.py"
    conf.write_text(
        f"import sys, warnings\nsys.path.insert(0, {str(tmp_path)!r})\nimport sitelib\n"
        "warnings.warn('conf: TIMEZONE is assumed', UserWarning)\nTIMEZONE = 'UTC'\n"
    )
    report, terminal = tmp_path / "problems.json", tmp_path / "terminal.log"
    args = ["-s", str(conf), "-o", str(tmp_path / "out"), str(content)]
    env = {**os.environ, "COLUMNS": "300"}
    shown = []
    with terminal.open("w") as errors, WarmBuilder(conf, ROOT, env, stderr=errors) as builder:
        for _ in range(2):
            assert builder.build(args, problems=report) == 0
            problems = json.loads(report.read_text())["problems"]
            shown.append(sorted(p["message"] for p in problems if "UserWarning" in p["message"]))
    each = [
        "line 2: UserWarning: sitelib: OLD_BADGES is deprecated",
        "line 4: UserWarning: conf: TIMEZONE is assumed",
    ]
    assert shown == [each, each]
    printed = terminal.read_text()
    assert printed.count("OLD_BADGES is deprecated") == 2 and "warnings.warn(" not in printed
    assert printed.count("TIMEZONE is assumed") == 2, printed
