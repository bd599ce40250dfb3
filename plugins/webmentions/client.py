"""webmention.io's API and the local cache of what it returned; no Pelican here.

One paged request sequence for the whole domain (``domain=`` with the account's token), asking
only for mentions newer than the newest cached one (``since_id``), rather than one request per
post. Standard library only: urllib, each answer and the whole fetch with a deadline.
"""

import http.client
import json
import math
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from plugins.engine import files

from . import mentions, network

CACHE_VERSION = 1
USER_AGENT = "tessellate-blog-webmentions/1 (+https://webmention.io)"


class FetchError(RuntimeError):
    """The API could not be reached or answered something unusable (no secret in the text)."""


@dataclass
class Cache:
    """The last good copy: every mention fetched so far, and when."""

    domain: str
    fetched_at: float = 0.0  # seconds since the epoch; 0 for never
    entries: list[dict] = field(default_factory=list)


def load_cache(path: Path, domain: str) -> tuple[Cache, str | None]:
    """The cache for ``domain`` (empty when absent), and a problem to report, if any."""
    if not path.is_file():
        return Cache(domain), None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return Cache(domain), f"{path} could not be read ({exc}); starting from empty"
    if (
        not isinstance(data, dict)
        or data.get("version") != CACHE_VERSION
        or not isinstance(data.get("entries"), list)
    ):
        return Cache(domain), f"{path} is not a webmentions cache; starting from empty"
    if data.get("domain") != domain:
        return Cache(domain), None  # another domain's mentions: not ours to show
    fetched_at = data.get("fetched_at")
    return Cache(
        domain,
        float(fetched_at) if isinstance(fetched_at, int | float) else 0.0,
        [e for e in data["entries"] if isinstance(e, dict)],
    ), None


def save_cache(path: Path, cache: Cache) -> None:
    """Write the cache atomically (a build stopped half-way leaves the old copy whole)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "version": CACHE_VERSION,
        "domain": cache.domain,
        "fetched_at": cache.fetched_at,
        "entries": cache.entries,
    }
    with files.replacing(path, "w", encoding="utf-8") as out:
        # ASCII: a lone surrogate a stranger sent ("\ud800", valid JSON) is kept as its escape
        json.dump(data, out, indent=1)


# An answer longer than this is no page of mentions (100 of them take about 200 KB).
MAX_ANSWER_BYTES = 50_000_000


def _get_json(url: str, timeout: float, ends: float, deadline: float | None) -> Any:
    """One API answer, parsed; FetchError for every way the network or the server can fail.

    The answer must arrive whole within ``timeout`` seconds, however slowly its bytes come,
    and before ``ends`` (the ``time.monotonic()`` at which the whole fetch's ``deadline``
    seconds are up).
    """
    left = ends - time.monotonic()
    if left < timeout:  # the last answer the whole fetch has time for
        no_answer = f"the whole fetch took more than {deadline:g} s (WEBMENTIONS_DEADLINE)"
        if left <= 0:
            raise FetchError(no_answer)
    else:
        no_answer = f"no answer within {timeout:g} s"
    wait = min(timeout, left)
    request = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": USER_AGENT}
    )
    try:
        body = network.ask(request, wait, MAX_ANSWER_BYTES).body
    except urllib.error.HTTPError as exc:
        raise FetchError(f"the API answered HTTP {exc.code}") from None
    except TimeoutError:
        raise FetchError(no_answer) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError | socket.timeout):
            raise FetchError(no_answer) from None
        raise FetchError(f"could not reach the API ({reason})") from None
    except http.client.RemoteDisconnected:
        raise FetchError("the API closed the connection without answering") from None
    except http.client.IncompleteRead:
        raise FetchError("the connection closed before the answer was complete") from None
    except http.client.HTTPException as exc:  # a garbled status line, a header too long
        raise FetchError(
            f"the API answered something that is not HTTP ({exc.__class__.__name__})"
        ) from None
    except OSError as exc:  # a connection reset mid-body, and the like
        raise FetchError(f"the connection failed ({exc.__class__.__name__})") from None
    except ValueError as exc:  # a URL urllib cannot use
        raise FetchError(f"the API's URL cannot be used ({exc.__class__.__name__})") from None
    try:
        return json.loads(body)
    except ValueError:
        raise FetchError("the API answered something that is not JSON") from None


def fetch(
    api_url: str,
    domain: str,
    token: str,
    *,
    timeout: float,
    since_id: int | None = None,
    per_page: int = 100,
    max_pages: int = 50,
    deadline: float | None = None,
) -> list[dict]:
    """Every mention of ``domain`` newer than ``since_id``, across pages; FetchError if any
    page fails (a partial answer is never used: the cache stays as it was). Each answer gets
    ``timeout`` seconds, the whole fetch ``deadline`` seconds (None: no more than each)."""
    ends = math.inf if deadline is None else time.monotonic() + deadline
    found: list[dict] = []
    for page in range(max_pages):
        params = {"domain": domain, "token": token, "per-page": per_page, "page": page}
        if since_id is not None:
            params["since_id"] = since_id
        data = _get_json(f"{api_url}?{urlencode(params)}", timeout, ends, deadline)
        children = data.get("children") if isinstance(data, dict) else None
        if not isinstance(children, list):
            raise FetchError("the API's answer has no list of mentions ('children')")
        found.extend(c for c in children if isinstance(c, dict))
        if len(children) < per_page:
            return found
    raise FetchError(f"more than {max_pages} pages of mentions; raise WEBMENTIONS_MAX_PAGES")


def refresh(
    cache: Cache,
    api_url: str,
    token: str,
    *,
    timeout: float,
    per_page: int = 100,
    max_pages: int = 50,
    deadline: float | None = None,
    now: float | None = None,
) -> Cache:
    """The cache brought up to date: new mentions merged in. Raises FetchError."""
    fetched = fetch(
        api_url,
        cache.domain,
        token,
        timeout=timeout,
        since_id=mentions.last_id(cache.entries),
        per_page=per_page,
        max_pages=max_pages,
        deadline=deadline,
    )
    return Cache(
        cache.domain,
        time.time() if now is None else now,
        mentions.merge(cache.entries, fetched),
    )
