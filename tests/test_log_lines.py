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
    assert mine[0].startswith("WARNING  content/posts/scripts.md: the link {filename}/exp/")
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
