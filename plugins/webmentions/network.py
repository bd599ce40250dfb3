"""One HTTP request with a deadline for the whole answer; standard library only, no Pelican.

urllib's ``timeout`` bounds each socket operation, not the answer: a server that sends a byte
every few seconds keeps a read going for ever. Here the request runs in a worker thread and
the caller waits at most ``timeout`` seconds for all of it (connection, redirects, headers,
body); a worker left behind stops at its next read, which its socket timeout bounds too.
"""

import http.client
import threading
import urllib.request
from dataclasses import dataclass
from email.message import Message

CHUNK = 65536


@dataclass(frozen=True)
class Answer:
    """A server's answer, read whole (up to the caller's limit)."""

    status: int
    url: str  # after redirects
    headers: Message
    body: bytes


def _read(response, limit: int, given_up: threading.Event) -> bytes:
    """The body, at most ``limit`` bytes; IncompleteRead when the server closed early."""
    chunks: list[bytes] = []
    size = 0
    while size < limit and not given_up.is_set():
        chunk = response.read1(min(CHUNK, limit - size))  # returns what has come, not all
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    body = b"".join(chunks)
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and size < min(int(declared), limit) and not given_up.is_set():
        raise http.client.IncompleteRead(body, int(declared) - size)
    return body


def ask(request: urllib.request.Request, timeout: float, limit: int) -> Answer:
    """The answer to ``request``, its body cut at ``limit`` bytes, within ``timeout`` seconds
    in all. Raises what urllib raises (HTTPError for 4xx/5xx, URLError, OSError,
    http.client.HTTPException, ValueError), and TimeoutError past the deadline."""
    given_up = threading.Event()
    answers: list[Answer] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                body = _read(response, limit, given_up)
                answers.append(Answer(response.status, response.geturl(), response.headers, body))
        except BaseException as exc:  # handed to the caller's thread, raised there
            errors.append(exc)

    worker = threading.Thread(target=work, name="webmentions-request", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        given_up.set()
        raise TimeoutError(f"no complete answer within {timeout:g} s")
    if errors:
        raise errors[0]
    return answers[0]
