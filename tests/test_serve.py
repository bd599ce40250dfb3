"""`invoke serve`: every rebuild reports its warnings and errors, in the terminal and the pages.

The loop is tested for real: `invoke serve` on a free port over a copy of the fixture site, a
mistake saved into a post, the terminal line and the problems report it serves, then the fix.
"""

import errno
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from wsgiref.util import setup_testing_defaults

import pytest
from bs4 import BeautifulSoup

from plugins.devserver import problems
from plugins.devserver.problems import Collector, problem
from plugins.devserver.static import static_app
from tests.conftest import FIXTURES, ROOT, free_port
from tests.test_log_lines import LONG

TYPO = "Status: drfat\n"
TYPO_LINE = ("content/posts/ranges.md", "did you mean 'draft'?")


class Serve:
    """A real `invoke serve` over a copy of the fixture site, its terminal kept in a file."""

    def __init__(self, folder: Path) -> None:
        self.content = folder / "content"
        shutil.copytree(FIXTURES / "site", self.content)
        self.output = folder / "output"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / "terminal.log"
        env = {**os.environ, "COMMENTS_ISSO_URL": "http://127.0.0.1:9"}  # no local Isso
        env.pop("SITEURL", None)
        command = [sys.executable, "-m", "invoke", "serve", "--port", str(self.port)]
        command += ["--content", str(self.content), "--output", str(self.output)]
        with self.log.open("w") as terminal:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=terminal, stderr=subprocess.STDOUT
            )
        self.wait_for("Serving ", timeout=180)

    def terminal(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_for(self, *fragments: str, since: int = 0, timeout: float = 120) -> str:
        """Wait until one line of the terminal (after offset ``since``) holds every fragment."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.terminal()[since:].splitlines():
                if all(f in line for f in fragments):
                    return line
            assert self.process.poll() is None, f"serve exited:\n{self.terminal()}"
            time.sleep(0.2)
        raise AssertionError(f"no line with {fragments} in:\n{self.terminal()[since:]}")

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def report(self) -> dict:
        status, body = self.get("/.build-problems.json")
        return json.loads(body) if status == 200 else {}

    def wait_for_report(self, check, timeout: float = 120) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            report = self.report()
            if report and check(report):
                return report
            time.sleep(0.2)
        raise AssertionError(f"the report never matched: {self.report()}")

    def edit(self, relpath: str, old: str, new: str) -> int:
        """Save a change to a content file, as an editor would; the terminal's offset before it."""
        since = len(self.terminal())
        path = self.content / relpath
        path.write_text(path.read_text().replace(old, new, 1))
        return since

    def stop(self) -> int | None:
        """SIGTERM, as a service manager or a closed terminal sends; the exit status, or None."""
        if self.process.poll() is not None:
            return self.process.returncode
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return None


@pytest.fixture
def serve(tmp_path):
    session = Serve(tmp_path)
    try:
        yield session
    finally:
        session.stop()


def _problems_about(report: dict, source: str) -> list[dict]:
    return [p for p in report.get("problems", []) if p["source"] == source]


def test_a_mistake_saved_while_serving_is_reported_until_it_is_fixed(serve):
    first = serve.wait_for_report(lambda r: "problems" in r)
    assert first["errors"] == 0, first
    assert serve.get("/posts/ranges/")[0] == 200

    since = serve.edit("posts/ranges.md", "\n\n", f"\n{TYPO}\n")
    line = serve.wait_for(*TYPO_LINE, since=since)
    assert "ERROR" in line  # the same line `make build` prints
    report = serve.wait_for_report(lambda r: _problems_about(r, "content/posts/ranges.md"))
    (typo,) = _problems_about(report, "content/posts/ranges.md")
    assert typo["level"] == "error" and "did you mean 'draft'?" in typo["message"]
    assert report["errors"] == 1  # ours alone: Pelican's "Could not process" is not repeated
    serve.wait_for("The build logged 1 error and", since=since)
    # the post is gone; the page in its place is the site's 404 page, with the overlay script
    status, body = serve.get("/posts/ranges/")
    assert status == 404
    script = BeautifulSoup(body, "html.parser").select_one("script[data-problems]")
    assert script["data-problems"] == f"{serve.url}/.build-problems.json"
    assert serve.get(script["src"].removeprefix(serve.url))[0] == 200

    serve.edit("posts/ranges.md", TYPO, "")
    serve.wait_for_report(lambda r: not _problems_about(r, "content/posts/ranges.md"))
    assert serve.get("/posts/ranges/")[0] == 200

    assert serve.stop() == 0, "SIGTERM stops the server cleanly"
    assert "Traceback" not in serve.terminal()


def test_a_warning_stays_reported_while_other_files_change(serve):
    # serve keeps Pelican's reader cache between rebuilds: a file taken from it was not read
    # again, and what its reading had said was gone from the terminal and the overlay (a typo
    # of a key the file lacks: one it has is never suggested)
    since = serve.edit("posts/ranges.md", "Slug: ranges\n", "Slug: ranges\nSeires: moving-house\n")
    serve.wait_for("content/posts/ranges.md", "did you mean Series?", since=since)
    serve.wait_for_report(lambda r: _problems_about(r, "content/posts/ranges.md"))
    since = serve.edit("posts/first-light.md", "We opened", "Today we opened")  # another file
    serve.wait_for("Done", since=since)
    line = serve.wait_for("content/posts/ranges.md", "did you mean Series?", since=since)
    assert "WARNING" in line
    report = serve.wait_for_report(lambda r: r.get("status") is not None)
    (typo,) = _problems_about(report, "content/posts/ranges.md")
    assert typo["level"] == "warning" and "did you mean Series?" in typo["message"]
    assert serve.stop() == 0


def test_off_a_terminal_each_message_is_one_line_naming_its_file(serve):
    # the terminal here is a file (as an IDE's panel or `make serve | tee`): rich's columns
    # wrapped a long message over lines, its end on one that did not name the file
    since = len(serve.terminal())
    (serve.content / "exp").mkdir()
    (serve.content / "exp" / "flag-generator.py").write_text("print(1)\n", encoding="utf-8")
    (serve.content / "posts" / "scripts.md").write_text(LONG, encoding="utf-8")
    serve.wait_for("content/posts/scripts.md", since=since)
    serve.wait_for("Done", since=since)
    mine = [
        line
        for line in serve.terminal()[since:].splitlines()
        if "scripts.md" in line or "flag-generator" in line
    ]
    assert len(mine) == 1, serve.terminal()[since:]
    assert mine[0].startswith("WARNING  content/posts/scripts.md: line 6: the link {filename}/exp/")
    assert mine[0].endswith("or link it with {static}/exp/flag-generator.py")
    assert serve.stop() == 0


MOVED_IN = """Title: Moved in {i}
Date: 2024-05-0{i} 09:00
Category: Company
Tags: news
Author: Ada Byrne
Slug: moved-in-{i}
Summary: A post written elsewhere.

Written in another folder an hour ago.
"""


def test_a_folder_moved_in_with_old_dates_is_built_once(serve, tmp_path):
    # posts saved elsewhere an hour ago, moved in as a file manager does (the files keep their
    # dates): livereload took no file older than the server for a change, built nothing and
    # reloaded the browser onto a 404; and a folder of changes was one build per file
    folder = tmp_path / "written-elsewhere"
    folder.mkdir()
    for i in range(1, 5):
        post = folder / f"moved-in-{i}.md"
        post.write_text(MOVED_IN.format(i=i), encoding="utf-8")
        os.utime(post, (time.time() - 3600, time.time() - 3600))
    since = len(serve.terminal())
    folder.rename(serve.content / "posts" / "written-elsewhere")
    serve.wait_for("Done", since=since)
    assert [serve.get(f"/posts/moved-in-{i}/")[0] for i in range(1, 5)] == [200] * 4
    time.sleep(3)  # polls after it find nothing more to build
    assert serve.terminal()[since:].count("Done:") == 1, serve.terminal()[since:]
    assert serve.stop() == 0


# The report comes from the build's logging records, split into file and message.


@pytest.mark.parametrize(
    ("level", "message", "expected"),
    [
        (
            logging.ERROR,
            "posts/x.md: Status 'drfat' is not known (did you mean 'draft'?)",
            {"level": "error", "source": "posts/x.md"},
        ),
        (
            logging.WARNING,
            "content/team/bo.md: unknown key 'Rol' is ignored",
            {"level": "warning", "source": "content/team/bo.md"},
        ),
        (
            logging.WARNING,
            "Skipping posts/y.md: could not find information about 'date'",
            {"level": "warning", "source": ""},
        ),
        (logging.CRITICAL, "KeyError: 'x'", {"level": "critical", "source": ""}),
        (  # many files of one folder (tests/test_repeats.py): the folder
            logging.ERROR,
            "content/notes/: 188 files have no Title: line (4 named above, then a.md)",
            {"level": "error", "source": "content/notes/"},
        ),
    ],
)
def test_a_record_becomes_a_problem_with_its_file(level, message, expected):
    record = logging.makeLogRecord(
        {"levelno": level, "levelname": logging.getLevelName(level), "msg": message}
    )
    shown = problem(record)
    assert {k: shown[k] for k in expected} == expected
    assert (shown["source"] + ": " if shown["source"] else "") + shown["message"] == message


def _stopped(make) -> logging.LogRecord:
    """The record Pelican logs when a build stops on an exception (its main's `critical`)."""
    try:
        make()
    except Exception as exc:
        exc_info = (type(exc), exc, exc.__traceback__)
        return logging.makeLogRecord(
            {"levelno": logging.CRITICAL, "levelname": "CRITICAL", "msg": "%s: %s"}
            | {"args": (type(exc).__name__, exc), "exc_info": exc_info}
        )
    raise AssertionError("nothing was raised")


def _template(tmp_path: Path, name: str, text: str):
    import jinja2

    (tmp_path / "theme" / "templates").mkdir(parents=True, exist_ok=True)
    (tmp_path / "theme" / "templates" / name).write_text(text, encoding="utf-8")
    loader = jinja2.FileSystemLoader(str(tmp_path / "theme" / "templates"))
    return lambda: jinja2.Environment(loader=loader).get_template(name).render()


@pytest.mark.parametrize(
    ("case", "source", "message"),
    [
        # pelicanconf.py saved half-edited: Python's own message says the line
        ("settings", "pelicanconf.py", "SyntaxError: unterminated string literal"),
        # a filter the theme does not have
        ("template", "theme/templates/article.html", "line 2: TemplateAssertionError: No filter"),
        # a template that fails while it renders: the template's line, not Jinja's
        ("rendering", "theme/templates/page.html", "line 3: ZeroDivisionError"),
        # nothing of the project's in the traceback: no file, the message as it was
        ("elsewhere", "", "JSONDecodeError: Expecting value"),
    ],
)
def test_a_build_stopped_by_an_exception_names_the_file_it_points_at(
    tmp_path, monkeypatch, case, source, message
):
    # the terminal shows Pelican's traceback; the overlay had the message alone, no file
    monkeypatch.chdir(tmp_path)
    conf = tmp_path / "pelicanconf.py"
    conf.write_text("SITENAME = 'Tessellate'\nAUTHOR = 'Oops\n", encoding="utf-8")
    make = {
        "settings": lambda: compile(conf.read_text(), str(conf), "exec"),
        "template": _template(tmp_path, "article.html", "<h1>\n{{ title | nosuchfilter }}</h1>\n"),
        "rendering": _template(tmp_path, "page.html", "<h1>\n\n{{ 1 // 0 }}</h1>\n"),
        "elsewhere": lambda: json.loads(""),
    }[case]
    shown = problem(_stopped(make))
    assert shown["level"] == "critical"
    assert shown["source"] == source
    assert shown["message"].startswith(message), shown["message"]


@pytest.mark.parametrize(
    ("raised", "source"),
    [
        # shutil.copy to a full disk: the copy's destination, not the cache file it copied
        (OSError(28, "No space left on device", "/c/img.jpg", None, "/o/.b/1/img.jpg"),
         "/o/.b/1/img.jpg"),
        (OSError(30, "Read-only file system", "/o/.b/1/sitemap.xml"), "/o/.b/1/sitemap.xml"),
    ],
)  # fmt: skip
def test_a_build_stopped_by_a_full_disk_names_the_file_it_could_not_write(raised, source):
    # it named the plugin line that wrote (or the file copied), with the traceback in publish
    def make():
        raise raised

    shown = problem(_stopped(make))
    assert shown["source"] == source
    disk = " (the disk of / is full)" if raised.errno == errno.ENOSPC else ""
    assert shown["message"] == f"cannot write it: {raised.strerror}{disk}"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="Linux's /dev/full")
def test_a_page_written_to_a_full_disk_is_one_line_naming_it_and_the_disk(tmp_path):
    # write() raises with no file's name: the line was "plugins/fastbuild/writer.py: line
    # 453: OSError: [Errno 28] No space left on device" (probe 16, 7)
    import jinja2

    from plugins.fastbuild.writer import ParallelWriter

    out = ParallelWriter(str(tmp_path), settings={"PAGINATED_TEMPLATES": {}})
    out.write_file("index.html", jinja2.Template("<p>home"), {}, relative_urls=False)
    (tmp_path / "index.html").symlink_to("/dev/full")
    shown = problem(_stopped(lambda: out.flush(1, 1)))
    disk = problems.files.mount(str(tmp_path / "index.html"))  # /dev: where it was written
    assert (shown["level"], shown["source"]) == ("critical", str(tmp_path / "index.html"))
    assert shown["message"] == (
        f"cannot write it: No space left on device (the disk of {disk} is full)"
    )


def test_a_folder_pelican_could_not_empty_is_named_with_its_path(tmp_path):
    # shutil.rmtree names the file inside the folder by itself ("index.html"): the line said
    # "index.html: cannot write it", with no folder (probe 16, 10)
    folder = tmp_path / "output" / "feeds"
    try:
        raise OSError(errno.EROFS, "Read-only file system", "index.html")
    except OSError as exc:
        record = logging.makeLogRecord(
            {"levelno": logging.ERROR, "levelname": "ERROR", "msg": "Unable to delete directory %s"}
            | {"args": (str(folder),), "exc_info": (type(exc), exc, exc.__traceback__)}
        )
    shown = problem(record)
    assert (shown["source"], shown["message"]) == (
        str(folder),
        "cannot write it: Read-only file system",
    )


def test_a_write_no_one_named_says_the_machine_refused_it_not_oserror():
    def write():
        raise OSError(errno.ENOSPC, "No space left on device")

    shown = problem(_stopped(write))
    assert shown["source"] == "tests/test_serve.py"
    assert shown["message"].endswith(": cannot write a file: No space left on device")


def test_the_collector_keeps_warnings_and_errors_only():
    logger = logging.getLogger("tests.devserver")
    collector = Collector()
    logger.addHandler(collector)
    try:
        logger.info("posts/a.md: fine")
        logger.warning("posts/b.md: %s", "a warning")
        logger.error("posts/c.md: an error")
    finally:
        logger.removeHandler(collector)
    assert [(p["level"], p["source"]) for p in collector.problems] == [
        ("warning", "posts/b.md"),
        ("error", "posts/c.md"),
    ]


def test_the_report_lists_problems_by_file_whatever_order_they_were_said_in():
    """Files are read in parallel: a report in the order of saying changed with every build."""
    said = [
        {"level": "error", "source": "content/posts/b.md", "message": "second"},
        {"level": "critical", "source": "", "message": "Build failed: 3 error(s) above"},
        {"level": "warning", "source": "content/posts/a.md", "message": "one"},
        {"level": "error", "source": "content/posts/b.md", "message": "first said"},
    ]
    listed = problems.report(said, 1)["problems"]
    assert [(p["source"], p["message"]) for p in listed] == [
        ("content/posts/a.md", "one"),
        ("content/posts/b.md", "second"),  # a file's own lines keep their order
        ("content/posts/b.md", "first said"),
        ("", "Build failed: 3 error(s) above"),
    ]
    assert problems.report(list(reversed(said)), 1)["problems"][0]["source"] == said[2]["source"]


# The served folder: files, folders with index.html, and the site's own 404 page.


def _call(app, path: str, method: str = "GET") -> tuple[str, dict, bytes]:
    environ = {"PATH_INFO": path, "REQUEST_METHOD": method}
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, headers):
        answer.update(status=status, headers=dict(headers))

    body = b"".join(app(environ, start_response))
    return answer["status"], answer["headers"], body


@pytest.mark.parametrize(
    ("path", "status", "body"),
    [
        ("/", "200 OK", b"home"),
        ("/posts/a/", "200 OK", b"post a"),
        ("/posts/a", "301 Moved Permanently", b""),
        ("/posts/gone/", "404 Not Found", b"not found page"),
        ("/../secret.txt", "404 Not Found", b"not found page"),
        ("/posts/../../secret.txt", "404 Not Found", b"not found page"),
        ("/.build-problems.json", "200 OK", b"{}"),
        # a draft, or a post dated later (a year mistyped): its preview, not a bare 404
        ("/posts/later/", "307 Temporary Redirect", b""),
        ("/about-us/", "307 Temporary Redirect", b""),
        ("/drafts/posts/gone/", "404 Not Found", b"not found page"),
        # a preview whose post is published now (Status: draft taken out): the post
        ("/drafts/posts/a/", "307 Temporary Redirect", b""),
        ("/drafts/pages/colophon/", "307 Temporary Redirect", b""),
    ],
)
def test_the_dev_server_serves_the_output_folder(tmp_path, path, status, body):
    site = tmp_path / "site"
    (site / "posts" / "a").mkdir(parents=True)
    for preview in ("drafts/posts/later", "drafts/pages/about-us"):
        (site / preview).mkdir(parents=True)
        (site / preview / "index.html").write_text("draft")
    (site / "index.html").write_text("home")
    (site / "posts" / "a" / "index.html").write_text("post a")
    (site / "colophon").mkdir()
    (site / "colophon" / "index.html").write_text("colophon")
    (site / "404.html").write_text("not found page")
    (site / ".build-problems.json").write_text("{}")
    (tmp_path / "secret.txt").write_text("secret")
    link = tmp_path / "output"
    link.symlink_to("site")  # output is a link to a publish build
    answer, headers, content = _call(static_app(link), path)
    assert (answer, content) == (status, body)
    if status == "301 Moved Permanently":
        assert headers["Location"] == path + "/"
    elif status.startswith("307"):
        assert headers["Location"] in (
            "/drafts" + path,
            "/drafts/pages" + path,
            path.removeprefix("/drafts/pages").removeprefix("/drafts"),
        )
        assert _call(static_app(link), headers["Location"])[0] == "200 OK"
    else:
        assert headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("report", [True, False], ids=["a report", "no report yet"])
def test_a_site_with_no_404_page_yet_answers_with_what_stopped_the_build(tmp_path, report):
    # `make serve` with pelicanconf.py saved half-edited: the first build writes no page at
    # all, and the browser got "Not found." as plain text, no problem named, and no
    # livereload script (which goes into HTML pages only) to reload it once fixed
    site = tmp_path / "output"
    site.mkdir()
    if report:
        problems = [{"level": "critical", "source": "pelicanconf.py", "message": "<Syntax> line 3"}]
        (site / ".build-problems.json").write_text(json.dumps({"problems": problems}))
    status, headers, body = _call(static_app(site), "/posts/ranges/")
    assert status == "404 Not Found"
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert b"</head>" in body  # where livereload puts its script
    page = BeautifulSoup(body, "html.parser")
    if report:
        (item,) = page.select("main li")
        assert item.get_text() == "pelicanconf.py: <Syntax> line 3"  # text, never markup
        assert item.select_one("code").get_text() == "pelicanconf.py"
    else:
        assert "terminal" in page.select_one("main").get_text()


def test_the_overlay_script_is_only_in_serve_builds(build_site):
    plain = build_site()
    assert plain.soup("posts/ranges/").select("script[data-problems]") == []
    published = build_site(publish=True)
    assert published.soup("posts/ranges/").select("script[data-problems]") == []
    served = build_site(DEVSERVER_OVERLAY=True)
    (script,) = served.soup("posts/ranges/").select("script[data-problems]")
    assert script["data-problems"] == f"{served.siteurl}/.build-problems.json"
    assert served.exists(served.relpath_of(script["src"]))


# A port already taken (another `make serve`): one line before anything is built or started.


def _run_stopped(command: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run a command that should stop at once; one that serves instead is stopped (with the
    processes it started) after 60 s. Its exit status and what it printed."""
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        process_group=0,
    )  # fmt: skip
    try:
        said, _ = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGTERM)
        said, _ = process.communicate(timeout=30)
    return process.returncode, said


def test_serve_on_a_port_in_use_says_so_in_one_line_and_touches_nothing(tmp_path):
    import socket

    output = tmp_path / "output"  # what the first server serves
    output.mkdir()
    (output / "index.html").write_text("the first server's site")
    (output / ".build-pages.json").write_text("{}")
    before = {p: p.read_bytes() for p in output.rglob("*")}
    env = {**os.environ, "COMMENTS_ISSO_URL": "http://127.0.0.1:9"}  # no local Isso
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        invoked = _run_stopped(
            [sys.executable, "-m", "invoke", "serve", "--port", str(port),
             "--content", str(FIXTURES / "site"), "--output", str(output)],
            env,
        )  # fmt: skip
        # make serve PORT=… reaches the task (it was not passed on: serve took 8000)
        made = _run_stopped(
            ["make", "-s", "-o", ".venv/.installed-lock", "serve", f"PORT={port}"], env
        )
        # make preview too: it built, then ended in the same traceback
        previewed = _run_stopped(
            [sys.executable, "-m", "invoke", "preview", "--port", str(port),
             "--content", str(FIXTURES / "site"), "--output", str(output)],
            env,
        )  # fmt: skip
    line = f"Port {port} is in use — is another make serve running? Use "
    # each names its own way to another port (make preview takes no PORT=)
    for (status, said), way in zip(
        (invoked, made, previewed),
        ("make serve PORT=", "make serve PORT=", "invoke preview --port"),
        strict=True,
    ):
        assert status not in (0, None), said
        assert said.startswith(line + way), said
        assert "Traceback" not in said and "Serving" not in said, said
    assert invoked[1].count("\n") == 1, invoked[1]
    assert {p: p.read_bytes() for p in output.rglob("*")} == before


def test_a_problems_report_from_before_the_build_is_not_read_as_its_counts(tmp_path):
    # a full disk kept the previous build's report: serve said "The build logged 0 errors"
    # under the CRITICAL line, and the overlay showed a clean build (probe 20, 1)
    import tasks

    report = tmp_path / problems.FILE_NAME
    problems.write(report, [{"level": "error", "source": "posts/a.md", "message": "x"}], 1)
    started = time.time_ns()
    stale = tasks._problems_line(report, started)
    assert stale is not None and "could not write its warnings and errors" in stale
    assert "logged" not in stale
    report.unlink()
    assert "could not write" in tasks._problems_line(report, started)
    problems.write(report, [{"level": "error", "source": "posts/a.md", "message": "x"}], 1)
    assert tasks._problems_line(report, started).startswith("The build logged 1 error and 0 ")


def test_a_problems_report_that_cannot_be_written_removes_the_previous_one(tmp_path):
    # a real refused write (a file size limit: EFBIG, as a full disk refuses with ENOSPC)
    report = tmp_path / problems.FILE_NAME
    problems.write(report, [], 0)
    script = (
        "import resource, signal, sys\n"
        "from pathlib import Path\n"
        "from plugins.devserver import problems\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (16, resource.RLIM_INFINITY))\n"
        "try:\n"
        "    problems.write(Path(sys.argv[1]), [], 0)\n"
        "except OSError:\n"
        "    sys.exit(3)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(report)], cwd=ROOT, check=False)
    assert done.returncode == 3
    assert not report.exists()
