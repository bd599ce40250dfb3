"""Sending webmentions: each post's external links, endpoint discovery, the POST; no Pelican.

Written here rather than taken from PyPI: the libraries there (ronkyuu, webmention-tools)
are unmaintained or pull in requests and a microformats parser for what the standard library
does in a page of code. Discovery follows the W3C Webmention spec: the ``Link`` header first, then
the first ``<link>`` or ``<a>`` with ``rel="webmention"`` in document order, resolved against
the page's final URL.
"""

import codecs
import http.client
import json
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlencode, urljoin, urlsplit

from plugins.engine import files

from . import network

USER_AGENT = "tessellate-blog-webmentions/1"
MAX_PAGE_BYTES = 2_000_000  # enough for any page's <head>; a huge file is not read whole


class _Links(HTMLParser):
    """Collects href of <a> in a post, or the first rel=webmention <link>/<a> of a page."""

    def __init__(self, find_endpoint: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.find_endpoint = find_endpoint
        self.hrefs: list[str] = []
        self.endpoint: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        href = values.get("href")
        if href is None:
            return
        if self.find_endpoint:
            rels = (values.get("rel") or "").lower().split()
            if tag in ("link", "a") and "webmention" in rels and self.endpoint is None:
                self.endpoint = href
        elif tag == "a":
            self.hrefs.append(href)


def external_links(html: str, site_url: str) -> list[str]:
    """The http(s) links of a post's HTML that leave the site, without fragments, once each."""
    parser = _Links(find_endpoint=False)
    parser.feed(html)
    site = urlsplit(site_url)
    found = []
    for href in parser.hrefs:
        url = urldefrag(urljoin(site_url + "/", href.strip()))[0]
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            continue
        if parts.hostname == site.hostname and (parts.port == site.port):
            continue
        found.append(url)
    return list(dict.fromkeys(found))


_LINK_HEADER = re.compile(r"<([^>]*)>\s*((?:;\s*[^;,]+)*)")


def endpoint_from_link_header(values: list[str]) -> str | None:
    """The first Link header URL whose rel includes webmention."""
    for value in values:
        for match in _LINK_HEADER.finditer(value):
            params = match.group(2)
            rel = re.search(r'rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))', params, re.I)
            if rel and "webmention" in (rel.group(1) or rel.group(2) or "").lower().split():
                return match.group(1)
    return None


def _charset(headers) -> str:
    """The page's charset when Python knows it, else UTF-8 (a site's ``charset=utf8mb4``)."""
    name = headers.get_content_charset() or "utf-8"
    try:
        codecs.lookup(name)
    except LookupError:
        return "utf-8"
    return name


def discover(target: str, timeout: float) -> str | None:
    """The target's webmention endpoint (absolute), or None when it has none."""
    request = urllib.request.Request(target, headers={"User-Agent": USER_AGENT})
    answer = network.ask(request, timeout, MAX_PAGE_BYTES)
    endpoint = endpoint_from_link_header(answer.headers.get_all("Link") or [])
    if endpoint is None and "html" in answer.headers.get("Content-Type", ""):
        parser = _Links(find_endpoint=True)
        parser.feed(answer.body.decode(_charset(answer.headers), errors="replace"))
        endpoint = parser.endpoint
    if endpoint is None:
        return None
    absolute = urljoin(answer.url, endpoint)  # "" means the page itself
    return absolute if urlsplit(absolute).scheme in ("http", "https") else None


def notify(endpoint: str, source: str, target: str, timeout: float) -> int:
    """POST source and target to the endpoint; the HTTP status (2xx means accepted)."""
    body = urlencode({"source": source, "target": target}).encode()
    request = urllib.request.Request(
        endpoint,
        data=body,
        headers={"User-Agent": USER_AGENT, "Content-Type": "application/x-www-form-urlencoded"},
        method="POST",
    )
    try:
        return network.ask(request, timeout, 0).status
    except urllib.error.HTTPError as exc:
        return exc.code


def failure(exc: Exception, timeout: float) -> str:
    """What went wrong with a site, in a few words (the result of its Outcome)."""
    if isinstance(exc, urllib.error.HTTPError):
        return f"failed: {exc.reason or exc.code}"  # the page itself: 404, 500...
    if isinstance(exc, urllib.error.URLError):
        exc = exc.reason if isinstance(exc.reason, Exception) else exc
        if not isinstance(exc, TimeoutError):
            return f"failed: {getattr(exc, 'reason', None) or exc}"
    if isinstance(exc, TimeoutError):
        return f"failed: no complete answer within {timeout:g} s"
    if isinstance(exc, http.client.RemoteDisconnected):
        return "failed: the site closed the connection without answering"
    if isinstance(exc, http.client.IncompleteRead):
        return "failed: the site's answer was cut short"
    if isinstance(exc, http.client.HTTPException):
        return f"failed: the site answered something that is not HTTP ({type(exc).__name__})"
    if isinstance(exc, OSError):
        return f"failed: {exc.strerror or type(exc).__name__}"
    if isinstance(exc, ValueError):
        return f"failed: the address cannot be used ({exc})"
    return f"failed: {type(exc).__name__}: {exc}"


@dataclass(frozen=True)
class Outcome:
    """What happened to one (source, target) pair."""

    source: str
    target: str
    result: str  # "sent", "no endpoint", "rejected 4xx/5xx", "failed: ..."

    @property
    def done(self) -> bool:
        """Recorded so it is not tried again (a failure is retried at the next run)."""
        return self.result in ("sent", "no endpoint") or self.result.startswith("rejected 4")


class FileError(Exception):
    """An outbox or record file that cannot be used as it is: ``path`` and what was expected."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def _read(path: Path, what: str) -> dict:
    """A JSON object file; FileError (naming ``what`` was expected) when it is anything else."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        data = None
    except ValueError as exc:
        raise FileError(path, f"not valid JSON ({exc}); expected {what}") from None
    if not isinstance(data, dict):
        raise FileError(path, f"expected {what}, got {_kind(data)}")
    return data


def _kind(value: object) -> str:
    return "text that is not UTF-8" if value is None else f"a JSON {type(value).__name__}"


_POSTS = '{"<post URL>": ["<link URL>", ...]}'


def _outbox(path: Path) -> dict[str, list[str]]:
    """The outbox's posts (source URL -> target URLs), checked."""
    posts = _read(path, f'an object {{"version": 1, "posts": {_POSTS}}}').get("posts")
    if not isinstance(posts, dict):
        got = "nothing" if posts is None else _kind(posts)
        raise FileError(path, f'"posts" must be an object {_POSTS}, got {got}')
    for source, targets in posts.items():
        if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
            raise FileError(path, f'"posts" → {source!r} must be a list of link URLs')
    return posts


def _sent(path: Path) -> dict:
    """The record of what was sent; nothing yet when it does not exist.

    A damaged record stops the run (FileError) rather than counting as empty: that would
    notify every site again.
    """
    if not path.exists():
        return {}
    try:
        return _read(path, 'an object {"<post URL> <link URL>": {...}, ...}')
    except FileError as exc:
        raise FileError(
            path,
            f"{exc.problem}; nothing was sent, since every site would be notified again: "
            "restore the file, or delete it to notify them all again",
        ) from None


def _write(path: Path, data: dict) -> None:
    with files.replacing(path, "w", encoding="utf-8") as out:
        json.dump(data, out, indent=1, sort_keys=True)


def write_outbox(path: Path, outbox: dict[str, list[str]]) -> None:
    """Record each post's external links (source URL -> target URLs) for a later send."""
    _write(path, {"version": 1, "posts": outbox})


def send_pending(
    outbox_path: Path,
    sent_path: Path,
    timeout: float,
    report: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Notify every target not yet notified for its source; record what is done.

    Each target that is done is recorded at once (the file replaced whole), so a run stopped
    part-way (Ctrl-C, a kill) loses at most the target in flight; ``report`` is told each
    outcome as it comes. A target that fails is one outcome, and the run goes on. An outbox
    or record that is not what this module writes raises FileError before anything is sent.
    """
    posts = _outbox(outbox_path)
    sent = _sent(sent_path)
    outcomes = []
    for source, targets in sorted(posts.items()):
        for target in targets:
            key = f"{source} {target}"
            if key in sent:
                continue
            try:
                endpoint = discover(target, timeout)
                if endpoint is None:
                    result = "no endpoint"
                else:
                    status = notify(endpoint, source, target, timeout)
                    result = "sent" if 200 <= status < 300 else f"rejected {status}"
            except Exception as exc:  # whatever a site does wrong is its outcome, not ours
                result = failure(exc, timeout)
            outcome = Outcome(source, target, result)
            outcomes.append(outcome)
            if outcome.done:
                sent[key] = {
                    "result": result,
                    "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                }
                _write(sent_path, sent)
            if report is not None:
                report(outcome)
    return outcomes
