"""A small threaded HTTP server for a built site on 127.0.0.1, as a static host serves it.

Pages of a publish build carry absolute URLs on SITEURL; the server rewrites SITEURL to its
own origin in text responses so that a browser loads the site's own CSS, JS and images from
here. Text is gzip-compressed when the client accepts it (as GitHub Pages does), and a missing
path gets 404.html with status 404.
"""

import contextlib
import gzip
import mimetypes
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

_TEXT = {".html", ".css", ".js", ".xml", ".json", ".svg", ".txt", ".webmanifest"}


class _Handler(SimpleHTTPRequestHandler):
    def __init__(self, *args, root: Path, siteurl: str, stand_ins: dict, **kwargs) -> None:
        self.root = root
        self.siteurl = siteurl
        self.stand_ins = stand_ins
        super().__init__(*args, directory=str(root), **kwargs)

    def log_message(self, format: str, *args) -> None:
        pass  # quiet: the check prints findings, not requests

    def _file(self) -> Path | None:
        path = unquote(urlsplit(self.path).path)
        candidate = (self.root / path.lstrip("/")).resolve()
        if not candidate.is_relative_to(self.root):
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None

    def do_GET(self) -> None:
        file, status = self._file(), 200
        if file is None:
            file, status = self.root / "404.html", 404
            if not file.is_file():
                self.send_error(404)
                return
        body = file.read_bytes()
        if file.suffix in _TEXT and self.siteurl:
            origin = f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"
            body = body.replace(self.siteurl.encode(), origin.encode())
        if file.suffix in _TEXT:
            for remote, local in self.stand_ins.items():
                body = body.replace(remote.encode(), local.encode())
        self.send_response(status)
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if file.suffix in _TEXT:
            kind += "; charset=utf-8"
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, 6)
                self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        # fingerprinted assets may be cached for good, pages must be revalidated
        cached = "/renditions/" in str(file) or ".min." in file.name
        self.send_header("Cache-Control", "public, max-age=31536000" if cached else "no-cache")
        self.end_headers()
        self.wfile.write(body)

    def do_HEAD(self) -> None:
        self.send_error(405)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """A browser that hangs up mid-response (Lighthouse does) is not an error of the site."""


@contextlib.contextmanager
def serve(root: Path, siteurl: str = "", stand_ins: dict | None = None) -> Iterator[str]:
    """Serve root on a free loopback port for the duration of the block; yield its origin.

    stand_ins maps remote origins to local ones (a local Isso for the comment provider); it
    may be filled in after the server started, once the stand-in knows the origin it serves.
    """
    handler = partial(
        _Handler,
        root=Path(root).resolve(),
        siteurl=siteurl.rstrip("/"),
        stand_ins=stand_ins if stand_ins is not None else {},
    )
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
