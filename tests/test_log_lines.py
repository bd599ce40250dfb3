"""Off a terminal (CI, a log file) every message is one line, its level and the file first;
and `pelican --log-handler plain`, Pelican's own option, prints the build's messages at all."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DEV_CONF, FIXTURES, ROOT

# a warning far longer than any terminal: rich's columns wrapped it over 2 to 5 lines, the
# file named on the first only
LONG = (
    "Title: Scripts\nDate: 2024-05-05\nCategory: Company\nAuthor: Ada Byrne\n\n"
    "Run [the generator of every flag of the contest]({filename}/exp/flag-generator.py).\n"
)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", folder)
    (folder / "posts" / "scripts.md").write_text(LONG, encoding="utf-8")
    (folder / "exp").mkdir()
    (folder / "exp" / "flag-generator.py").write_text("print(1)\n", encoding="utf-8")
    return folder


def _lines_about(log: str, name: str) -> list[str]:
    return [line for line in log.splitlines() if "flag-generator" in line or name in line]


def test_invoke_build_off_a_terminal_says_each_message_on_one_line(content, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "build", "--content", str(content), "--output",
         str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    mine = _lines_about(result.stderr, "scripts.md")
    assert len(mine) == 1, result.stderr
    assert mine[0].startswith("WARNING  content/posts/scripts.md: line 6: the link {filename}/exp/")
    assert mine[0].endswith("or link it with {static}/exp/flag-generator.py")


def test_pelican_s_plain_log_handler_prints_the_messages(content, tmp_path):
    # the build's error collector kept logging's last resort from printing: nothing was said
    result = subprocess.run(
        [str(Path(sys.executable).parent / "pelican"), str(content), "-s", str(DEV_CONF),
         "-o", str(tmp_path / "out"), "--log-handler", "plain"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    mine = _lines_about(result.stderr, "scripts.md")
    assert len(mine) == 1 and mine[0].startswith("WARNING  content/posts/scripts.md:"), (
        result.stderr
    )


# A typo in the settings files: one line naming the file and line in `make build` and `make
# publish` too (CI's log is all the author sees), as `make serve` says it; never a traceback.


def _project_with(tmp_path: Path, name: str, pattern: str, typo: str) -> tuple[Path, int]:
    """A copy of the project's tasks and settings files (plugins linked) in which one line of
    ``name`` that starts with ``pattern`` is replaced by ``typo``; the folder and the line."""
    project = tmp_path / "project"
    project.mkdir()
    for kept in ("tasks.py", "pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / kept, project / kept)
    (project / "plugins").symlink_to(ROOT / "plugins", target_is_directory=True)
    lines = (project / name).read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines, 1) if line.startswith(pattern))
    lines[number - 1] = typo + "\n"
    (project / name).write_text("".join(lines), encoding="utf-8")
    return project, number


@pytest.mark.parametrize(
    ("task", "name", "pattern", "typo", "said"),
    [
        ("build", "pelicanconf.py", "DEFAULT_CATEGORY =", "DEFAULT_CATEGORY = Genral",
         "pelicanconf.py: line {line}: NameError: name 'Genral' is not defined"),
        ("build", "pelicanconf.py", "SITENAME =", 'SITENAME = "The Tessellate Blog',
         "pelicanconf.py: SyntaxError: unterminated string literal (detected at line {line})"),
        ("publish", "publishconf.py", "RELATIVE_URLS =", "RELATIVE_URLS = Flase",
         "publishconf.py: line {line}: NameError: name 'Flase' is not defined"),
        ("publish", "pelicanconf.py", "DEFAULT_CATEGORY =", "DEFAULT_CATEGORY = Genral",
         "pelicanconf.py: line {line}: NameError: name 'Genral' is not defined"),
        ("publish", "publishconf.py", "RELATIVE_URLS =", 'RELATIVE_URLS = "no',
         "publishconf.py: SyntaxError: unterminated string literal (detected at line {line})"),
    ],
)  # fmt: skip
def test_a_settings_typo_is_one_line_in_build_and_publish(
    tmp_path, task, name, pattern, typo, said
):
    project, line = _project_with(tmp_path, name, pattern, typo)
    result = subprocess.run(
        [sys.executable, "-m", "invoke", task, "--output", str(tmp_path / "out")],
        cwd=project, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    assert f"CRITICAL {said.format(line=line)}" in result.stderr.splitlines()[0], result.stderr
    if task == "publish":  # the cause above, then the task's own line: nothing else
        assert result.stderr.splitlines()[1:] == [
            f"Publish failed (exit 1); {tmp_path / 'out'} was left as it was."
        ]
    assert not (tmp_path / "out").exists()


# another plugin's receiver that fails on one post (content_object_init, while Pelican reads it)
GUARD = """from pelican import signals


def _guard(content):
    if getattr(content, "slug", "") == "ranges":
        raise ValueError("no post may be called ranges")


def register():
    signals.content_object_init.connect(_guard)
"""


def test_a_post_pelican_could_not_process_is_one_line_with_the_reason(tmp_path):
    """Pelican logs "Could not process posts/ranges.md" and, unless DEBUG, not why: the line
    named neither the file as staff know it nor the reason."""
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, tmp_path / name)
    for name in ("plugins", "theme"):
        (tmp_path / name).symlink_to(ROOT / name)
    shutil.copytree(FIXTURES / "site", tmp_path / "content")
    (tmp_path / "ranges_guard").mkdir()
    (tmp_path / "ranges_guard" / "__init__.py").write_text(GUARD, encoding="utf-8")
    with (tmp_path / "pelicanconf.py").open("a", encoding="utf-8") as conf:
        conf.write('PLUGINS = ["ranges_guard", *PLUGINS]\n')
    said = (
        "content/posts/ranges.md: could not be processed (ValueError: no post may be called "
        "ranges); it is not built"
    )
    for conf, status in (("pelicanconf.py", 0), ("publishconf.py", 1)):
        done = subprocess.run(
            [sys.executable, "-m", "plugins.engine.command", "-s", conf, "-o", "out",
             "--log-handler", "plain"],
            cwd=tmp_path, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert done.returncode == status, done.stderr
        assert "Traceback" not in done.stderr and "Could not process" not in done.stderr
        assert [line for line in done.stderr.splitlines() if "ranges.md:" in line] == [
            f"ERROR    {said}"
        ]
