"""A folder served on loopback the way a static host serves a built site, for browser tests."""

import contextlib
import functools
import json
import threading
import urllib.request
from collections.abc import Iterator, Sequence
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.conftest import Site, _builder, free_port

__all__ = ["free_port", "isso_comment", "serve_build", "serve_folder"]


def isso_comment(isso: str, origin: str, uri: str, **body) -> dict:
    """Post a comment to a real Isso through its API, as the page at ``origin`` would."""
    request = urllib.request.Request(
        f"{isso}/new?uri={uri}",
        data=json.dumps({"title": uri, **body}).encode(),
        headers={"Content-Type": "application/json", "Origin": origin},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


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
