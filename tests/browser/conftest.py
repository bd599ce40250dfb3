"""Browser fixtures: Debian's Chromium through Playwright, and the sample site served locally."""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitecheck.common import CHROMIUM_ARGS  # the same sandboxed Chromium as `invoke check`
from tests.browser.serving import free_port
from tests.conftest import DEV_CONF, ROOT, Site, run_pelican, tool_missing

ARTIFACTS = ROOT / "test-artifacts"


def chromium_path() -> str | None:
    """Debian's Chromium, or CHROMIUM_PATH."""
    candidate = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    return candidate if Path(candidate).is_file() else None


def pytest_collection_modifyitems(config, items):
    """Mark everything here as a browser test."""
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium; skip without one, except under CI=true where that fails."""
    path = chromium_path()
    if path is None:
        tool_missing(
            "No Chromium found: install Debian's (apt-get install chromium) "
            "or set CHROMIUM_PATH to a Chromium binary."
        )
    return {
        **browser_type_launch_args,
        "executable_path": path,
        "args": [*browser_type_launch_args.get("args", []), *CHROMIUM_ARGS],
    }


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core from the project's node_modules (npm ci installs it; .ci/run does)."""
    path = ROOT / "node_modules" / "axe-core" / "axe.min.js"
    if not path.is_file():
        tool_missing("axe-core is not installed: run `npm ci` in the project folder.")
    return path


@pytest.fixture(scope="session")
def served_site(tmp_path_factory) -> Site:
    """The sample content (content/) built for and served on a free loopback port."""
    port = free_port()
    siteurl = f"http://127.0.0.1:{port}"
    output = tmp_path_factory.mktemp("served") / "output"
    # the project's image cache: the sample photos are rendered once per machine, not per run
    images = str(ROOT / ".cache" / "pelican" / "images")
    run_pelican(
        DEV_CONF,
        ROOT / "content",
        output,
        SITEURL=siteurl,
        FEED_DOMAIN=siteurl,
        IMAGES_CACHE_PATH=images,
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "-d", str(output)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    try:
        yield Site(output=output, content=ROOT / "content", siteurl=siteurl)
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where screenshots go (kept as test artifacts)."""
    path = ARTIFACTS / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path
