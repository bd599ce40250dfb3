"""One HTTP request with a deadline for the whole answer; standard library only, no Pelican.

urllib's ``timeout`` bounds each socket operation, not the answer: a server that sends a byte
every few seconds keeps a read going for ever. Here each socket operation of the request
(connecting, the TLS handshake, sending, every read, on each redirect too) may wait only for
what is left of ``timeout``, so the answer comes whole within it or the request ends with
TimeoutError, in the caller's own thread. It ran in a worker thread that the caller stopped
waiting for: after a timeout that thread lived on until the server answered, and the build
forked its workers with it (a fork copies every thread's locks, held or not; Python 3.12 warns
"use of fork() may lead to deadlocks"). Looking up the host's address is the system
resolver's, bounded by its own timeouts.
"""

import functools
import http.client
import socket
import ssl
import time
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


class Deadline:
    """The moment a request's answer must be whole by."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.ends = time.monotonic() + seconds

    def left(self) -> float:
        """The seconds left; TimeoutError when there are none."""
        left = self.ends - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"no complete answer within {self.seconds:g} s")
        return left


class _BoundedSocket(socket.socket):
    """A plain connection's socket whose every send and read waits for what is left only."""

    def __init__(self, deadline: Deadline, fileno: int) -> None:
        super().__init__(fileno=fileno)
        self.deadline = deadline

    def sendall(self, data, flags: int = 0) -> None:
        self.settimeout(self.deadline.left())
        super().sendall(data, flags)

    def recv_into(self, buffer, nbytes: int = 0, flags: int = 0) -> int:
        self.settimeout(self.deadline.left())
        return super().recv_into(buffer, nbytes, flags)


def _tls_socket(deadline: Deadline) -> type[ssl.SSLSocket]:
    """The class of a TLS connection's socket bound by ``deadline`` (``SSLContext``'s
    documented ``sslsocket_class``): its handshake, sends and reads too."""

    class BoundedTLSSocket(ssl.SSLSocket):
        def do_handshake(self, block: bool = False) -> None:
            self.settimeout(deadline.left())
            super().do_handshake(block)

        def send(self, data, flags: int = 0) -> int:  # sendall sends through it
            self.settimeout(deadline.left())
            return super().send(data, flags)

        def recv_into(self, buffer, nbytes: int | None = None, flags: int = 0) -> int:
            self.settimeout(deadline.left())
            return super().recv_into(buffer, nbytes, flags)

    return BoundedTLSSocket


class _Connection(http.client.HTTPConnection):
    """An HTTP connection whose socket waits for what is left of the deadline only."""

    def __init__(self, *args, deadline: Deadline, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.deadline = deadline

    def connect(self) -> None:
        self.timeout = self.deadline.left()  # connecting, after a redirect too
        super().connect()
        self.sock = _BoundedSocket(self.deadline, self.sock.detach())


class _TLSConnection(http.client.HTTPSConnection):
    """An HTTPS connection: its context's sockets are bound by the deadline."""

    def __init__(self, *args, deadline: Deadline, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.deadline = deadline

    def connect(self) -> None:
        self.timeout = self.deadline.left()
        super().connect()


class _Handler(urllib.request.HTTPHandler):
    def __init__(self, deadline: Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(functools.partial(_Connection, deadline=self.deadline), req)


class _TLSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        # urllib's own context (certificates and host names checked), made at the first
        # https request only
        context = ssl.create_default_context()
        context.sslsocket_class = _tls_socket(self.deadline)
        connection = functools.partial(_TLSConnection, deadline=self.deadline)
        return self.do_open(connection, req, context=context)


def _read(response, limit: int) -> bytes:
    """The body, at most ``limit`` bytes; IncompleteRead when the server closed early."""
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = response.read1(min(CHUNK, limit - size))  # returns what has come, not all
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    body = b"".join(chunks)
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and size < min(int(declared), limit):
        raise http.client.IncompleteRead(body, int(declared) - size)
    return body


def ask(request: urllib.request.Request, timeout: float, limit: int) -> Answer:
    """The answer to ``request``, its body cut at ``limit`` bytes, within ``timeout`` seconds
    in all. Raises what urllib raises (HTTPError for 4xx/5xx, URLError, OSError,
    http.client.HTTPException, ValueError), and TimeoutError past the deadline."""
    deadline = Deadline(timeout)
    opener = urllib.request.build_opener(_Handler(deadline), _TLSHandler(deadline))
    with opener.open(request, timeout=timeout) as response:
        body = _read(response, limit)
        return Answer(response.status, response.geturl(), response.headers, body)
