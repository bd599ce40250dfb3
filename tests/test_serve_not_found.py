"""`invoke serve` and `invoke preview` answer a missing page with the theme's 404 page.

The page is the one the build writes (NOTFOUND_SAVE_AS), served with status 404 by the real
livereload server `_serve` starts, not Tornado's bare "404: Not Found".
"""

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from bs4 import BeautifulSoup

import tasks
from tests.conftest import ROOT, free_port


@pytest.mark.parametrize(
    ("conf", "expected"),
    [
        ('NOTFOUND_SAVE_AS = "errors/missing.html"\n', "errors/missing.html"),
        ('NOTFOUND_SAVE_AS = "404.html"\n', "404.html"),
        ('NOTFOUND_SAVE_AS = ""\n', "404.html"),  # no page written: the server's own words
        ("", "404.html"),
        # saved half-edited: the build says so, and serve goes on serving (it stopped here)
        ('NOTFOUND_SAVE_AS = "errors/missing.html"\nSITENAME = "Oops\n', "404.html"),
    ],
)
def test_the_404_page_is_the_one_the_build_writes(tmp_path, conf, expected):
    path = tmp_path / "conf.py"
    path.write_text(conf, encoding="utf-8")
    assert tasks._not_found_page(path) == expected


def test_the_project_configs_write_404_html():
    assert tasks._not_found_page(tasks.DEV_CONF) == "404.html"
    assert tasks._not_found_page(tasks.PUBLISH_CONF) == "404.html"


def _get(url: str, method: str = "GET") -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


@pytest.fixture
def served(build_site, tmp_path):
    """The fixture site, its 404 page elsewhere than 404.html, served by tasks._serve."""
    site = build_site(NOTFOUND_SAVE_AS="errors/missing.html")
    conf = tmp_path / "conf.py"
    conf.write_text('NOTFOUND_SAVE_AS = "errors/missing.html"\n', encoding="utf-8")
    port = free_port()
    code = (
        "import sys; from pathlib import Path; import tasks; "
        "tasks._serve(Path(sys.argv[1]), int(sys.argv[2]), "
        "not_found=tasks._not_found_page(Path(sys.argv[3])))"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(site.output), str(port), str(conf)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    try:
        yield site, f"http://127.0.0.1:{port}"
    finally:
        process.terminate()  # _serve stops its loop on SIGTERM
        process.wait(timeout=10)


def test_a_missing_page_gets_the_themes_404_page_with_status_404(served):
    site, url = served
    assert (site.output / "errors" / "missing.html").is_file()
    assert _get(url + "/")[0] == 200

    status, kind, body = _get(url + "/posts/no-such-post/")
    assert status == 404
    assert kind == "text/html; charset=utf-8"
    page = BeautifulSoup(body, "html.parser")
    written = BeautifulSoup((site.output / "errors" / "missing.html").read_bytes(), "html.parser")
    assert page.title.string == written.title.string  # livereload adds its script, no more
    assert page.select_one("main").get_text() == written.select_one("main").get_text()
    assert page.select_one("header.site-header") is not None  # the theme's page, not a bare line
    assert page.select_one("main h1") is not None

    status, _, body = _get(url + "/no-such-file.css", method="HEAD")
    assert (status, body) == (404, b"")
