"""A folder served on loopback the way a static host serves a built site, for browser tests."""

import contextlib
import functools
import json
import threading
import urllib.request
from collections.abc import Iterator, Sequence
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Page

from plugins.comments import local_isso
from tests.conftest import Site, _builder, free_port

__all__ = [
    "free_port",
    "isso_comment",
    "isso_for_site",
    "record_csp",
    "serve_build",
    "serve_folder",
    "serve_with_isso",
]


def isso_comment(isso: str, origin: str, uri: str, **body) -> dict:
    """Post a comment to a real Isso through its API, as the page at ``origin`` would."""
    request = urllib.request.Request(
        f"{isso}/new?uri={uri}",
        data=json.dumps({"title": uri, **body}).encode(),
        headers={"Content-Type": "application/json", "Origin": origin},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


@contextlib.contextmanager
def isso_for_site(base: Path) -> Iterator[tuple[str, str, int, str]]:
    """A real Isso with a fresh database in ``base/isso`` (no rate limit: local_isso's [guard]
    is off) for a site on another free port: Isso's address, the site's origin and port, and
    a Content-Security-Policy allowing no inline script or style but that Isso. Stopped on
    exit."""
    isso_port, site_port = free_port(), free_port()
    isso, origin = f"http://127.0.0.1:{isso_port}", f"http://127.0.0.1:{site_port}"
    process = local_isso.start(
        local_isso.write_config(base / "isso", isso_port, [origin]), isso_port
    )
    csp = (
        f"default-src 'self'; script-src 'self' {isso}; connect-src 'self' {isso}; "
        f"style-src 'self'; img-src 'self' data:"
    )
    try:
        yield isso, origin, site_port, csp
    finally:
        local_isso.stop(process)


def serve_folder(
    folder: Path, port: int, headers: Sequence[tuple[str, str]] = (), not_found: str = ""
) -> ThreadingHTTPServer:
    """Serve ``folder`` on ``port`` in a thread, every response with ``headers``; a missing
    path gets ``folder/not_found`` (the site's own 404 page) when one is named."""

    class Handler(SimpleHTTPRequestHandler):
        def end_headers(self):
            for name, value in headers:
                self.send_header(name, value)
            super().end_headers()

        def send_error(self, code, message=None, explain=None):
            if code != 404 or not not_found:
                return super().send_error(code, message, explain)
            body = (folder / not_found).read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(Handler, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@contextlib.contextmanager
def serve_build(folder: Path, files: dict[str, str]) -> Iterator[Site]:
    """The fixture site with ``files`` added, built into ``folder`` for a free loopback port
    and served there until the block ends."""
    port = free_port()
    built = _builder(folder)(files, siteurl=f"http://127.0.0.1:{port}")
    server = serve_folder(built.output, port)
    try:
        yield built
    finally:
        server.shutdown()


@contextlib.contextmanager
def serve_with_isso(base: Path, files: dict[str, str], **settings) -> Iterator[tuple[str, str]]:
    """The fixture site with ``files`` added, built with ``settings`` into ``base`` for a real
    Isso (isso_for_site) and served under its Content-Security-Policy (no inline script or
    style): Isso's address and the site's origin, until the block ends."""
    with isso_for_site(base) as (isso, origin, site_port, csp):
        built = _builder(base)(
            files,
            siteurl=origin,
            I18N_CACHE_PATH=str(base / "i18n-cache"),
            COMMENTS_ISSO_URL=isso,
            **settings,
        )
        server = serve_folder(built.output, site_port, [("Content-Security-Policy", csp)])
        try:
            yield isso, origin
        finally:
            server.shutdown()


def record_csp(page: Page) -> list[str]:
    """What Chromium refuses under the Content-Security-Policy, over every page ``page``
    opens from now on (``page.csp``, started once)."""
    if not hasattr(page, "csp"):
        page.csp = []
        page.on(
            "console", lambda m: page.csp.append(m.text) if "Content Security" in m.text else None
        )
    return page.csp
