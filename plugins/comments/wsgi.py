"""Isso behind a thin WSGI layer of ours that refuses new comments on closed threads.

Every build writes the list of its threads and their states (``COMMENTS_THREADS_FILE``,
``comments/threads.json`` in the output). This module wraps Isso's own WSGI application
(``isso.make_app``) and answers ``POST /new`` on a thread the list marks closed with 403, so
``Comments: closed`` holds against a direct request, not only in the browser. Reading, editing
and voting on existing comments are left to Isso. The list is re-read when it changes: a local
file when its modification time or size changes, a URL (the published site's copy) at most
every ``--refresh`` seconds.

It refuses to start with Isso's public default ``[hash] salt``.

This file imports nothing from the blog (no Pelican), so it can be copied alone onto the
comment server::

    python3 wsgi.py -c /etc/isso.cfg --threads https://blog.example.org/comments/threads.json

or served by any WSGI server: ``make_application("/etc/isso.cfg", "<file or URL>")``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qs

logger = logging.getLogger("comments.wsgi")

NEW_COMMENT = "/new"


class ThreadList:
    """The build's list of closed threads, re-read when it changes."""

    def __init__(self, source: str | None, refresh: float = 60.0) -> None:
        self.source = source or ""
        self.remote = self.source.startswith(("http://", "https://"))
        self.refresh = refresh
        self._closed: frozenset[str] = frozenset()
        self._stamp: tuple[int, int, int] | None = None
        self._fetched = float("-inf")
        self._missing = False
        self._lock = threading.Lock()
        if not self.source:
            logger.warning("no threads list given: no thread is closed on the server")
        self.closed()  # read it now, so a broken list shows at start-up

    def closed(self) -> frozenset[str]:
        """The ids of the closed threads, from the newest readable list."""
        if not self.source:
            return self._closed
        with self._lock:
            if self.remote:
                self._poll_url()
            else:
                self._poll_file()
            return self._closed

    def _poll_file(self) -> None:
        try:
            info = os.stat(self.source)
        except OSError:
            # keep the last list: a publish swapping output/ must not reopen threads meanwhile
            if not self._missing:
                logger.warning("%s: no threads list; closed threads stay as last read", self.source)
            self._missing = True
            return
        self._missing = False
        stamp = (info.st_ino, info.st_mtime_ns, info.st_size)
        if stamp == self._stamp:
            return
        try:
            with open(self.source, encoding="utf-8") as file:
                self._closed = parse(file.read())
        except (OSError, ValueError) as exc:
            # keep the last good list: a half-written file must not reopen threads
            logger.error("%s: %s; keeping the previous list", self.source, exc)
            return
        self._stamp = stamp
        logger.info("%s: %d closed thread(s)", self.source, len(self._closed))

    def _poll_url(self) -> None:
        now = time.monotonic()
        if now - self._fetched < self.refresh:
            return
        self._fetched = now
        try:
            with urllib.request.urlopen(self.source, timeout=5) as response:
                self._closed = parse(response.read().decode("utf-8"))
        except (OSError, ValueError) as exc:
            logger.error("%s: %s; keeping the previous list", self.source, exc)


def parse(text: str) -> frozenset[str]:
    """The closed thread ids of a threads list (as the build writes it)."""
    data = json.loads(text)
    if not isinstance(data, dict) or not isinstance(data.get("closed"), list):
        raise ValueError('expected a JSON object with a "closed" list')
    if not all(isinstance(item, str) for item in data["closed"]):
        raise ValueError('"closed" must list thread ids (strings)')
    return frozenset(data["closed"])


def closed_thread(environ: dict[str, Any], closed: Callable[[], frozenset[str]]) -> str | None:
    """The thread id when this request posts a new comment to a closed thread, else None."""
    if environ.get("REQUEST_METHOD") != "POST":
        return None
    path = environ.get("PATH_INFO", "")
    prefix = environ.get("HTTP_X_SCRIPT_NAME", "")  # Isso served under a sub-path
    if prefix and path.startswith(prefix):
        path = path[len(prefix) :]
    if path.rstrip("/") != NEW_COMMENT:
        return None
    uri = parse_qs(environ.get("QUERY_STRING", "")).get("uri", [""])[0]
    return uri if uri in closed() else None


class RefuseClosed:
    """WSGI middleware: 403 for a new comment on a closed thread; everything else to Isso."""

    def __init__(
        self,
        app: Callable,
        threads: ThreadList,
        origin: Callable[[dict[str, Any]], str] | None = None,
    ) -> None:
        self.app, self.threads, self.origin = app, threads, origin

    def __call__(self, environ: dict[str, Any], start_response: Callable) -> Iterable[bytes]:
        uri = closed_thread(environ, self.threads.closed)
        if uri is None:
            return self.app(environ, start_response)
        logger.info("refused a new comment on closed thread %r", uri)
        body = json.dumps({"message": f"comments are closed on {uri}"}).encode()
        headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
        if self.origin is not None:  # the page's script must be allowed to read the refusal
            headers += [
                ("Access-Control-Allow-Origin", self.origin(environ)),
                ("Access-Control-Allow-Credentials", "true"),
            ]
        start_response("403 Forbidden", headers)
        return [body]


def default_salt() -> str:
    """Isso's shipped salt, the same in every installation (read from Isso's own defaults)."""
    from isso import config

    return config.load(config.default_file()).get("hash", "salt")


def make_application(config_path: str, threads: str | None, refresh: float = 60.0) -> Callable:
    """Isso's application for ``config_path``, wrapped; SystemExit on a public default salt."""
    from isso import config, make_app, wsgi

    conf = config.load(config.default_file(), config_path)
    salt = conf.get("hash", "salt").strip()
    if not salt or salt == default_salt():
        raise SystemExit(
            f"{config_path}: [hash] salt is Isso's public default (the same in every "
            "installation); set a long random one, e.g. the one `invoke comments-config` writes"
        )
    origin = wsgi.origin(conf.getiter("general", "host"))
    return RefuseClosed(make_app(conf), ThreadList(threads, refresh), origin)


def main(argv: list[str] | None = None) -> None:
    """Serve Isso wrapped, on the address of ``[server] listen``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-c", "--config", required=True, help="Isso's configuration file")
    parser.add_argument("--threads", help="the build's comments/threads.json: a path or a URL")
    parser.add_argument("--refresh", type=float, default=60.0, help="seconds between URL reads")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    from isso import config
    from isso.wsgi import urlsplit
    from werkzeug.serving import run_simple

    listen = config.load(config.default_file(), args.config).get("server", "listen")
    if not listen.startswith("http://"):
        sys.exit(f"{args.config}: [server] listen must be http://host:port/ here, got {listen!r}")
    host, port, _ = urlsplit(listen)
    application = make_application(args.config, args.threads, args.refresh)
    run_simple(host, port, application, threaded=True)


if __name__ == "__main__":
    main()
