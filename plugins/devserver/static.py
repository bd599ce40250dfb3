"""The output folder as a WSGI application, for livereload's ``Server(app)``.

Like a plain static server, with four differences that matter while writing: a missing page
gets the site's own 404.html (with the theme, and the problems overlay that says why the
page is gone), or, when it is a draft or a post dated later, a redirect to its preview
(with its "Draft — not published" banner), and the other way round, a preview that is gone
because the post is published now gets a redirect to its address; a page whose file writes
it elsewhere now (its Slug, its Lang, its file's name or folder changed while `make serve`
ran) gets a redirect there, and one whose file is gone or was not built says which file it
was, in the 404 page (the build's record, plugins/devserver/pages.py); and nothing is
cached, so a reload always shows the latest build.
"""

import html
import json
import mimetypes
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import quote, unquote

from bs4 import BeautifulSoup

from plugins.devserver import pages as page_record
from plugins.devserver.problems import FILE_NAME

StartResponse = Callable[..., object]
_TYPES = {".avif": "image/avif", ".webp": "image/webp", ".webmanifest": "application/manifest+json"}


def _content_type(path: str) -> str:
    suffix = os.path.splitext(path)[1].lower()
    kind = _TYPES.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"
    text = kind.startswith("text/") or kind in ("application/json", "application/javascript")
    return f"{kind}; charset=utf-8" if text or kind.endswith("+xml") else kind


def static_app(root: Path, not_found: str = "404.html", pages: str | None = None) -> Callable:
    """A WSGI application serving the files under ``root`` (which may be a symlink); with
    ``pages``, the builds' record of which file wrote each page (``.build-pages.json``)."""
    base = os.path.abspath(root)

    def app(environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        if method not in ("GET", "HEAD"):
            start_response("405 Method Not Allowed", [("Allow", "GET, HEAD")])
            return [b""]
        url_path = unquote(environ.get("PATH_INFO", "/"))
        target = os.path.normpath(os.path.join(base, url_path.lstrip("/")))
        if target != base and not target.startswith(base + os.sep):
            return _answer(start_response, method, "404 Not Found", base, not_found)
        if os.path.isdir(target):
            if not url_path.endswith("/"):
                query = environ.get("QUERY_STRING")
                location = quote(url_path) + "/" + (f"?{query}" if query else "")
                start_response("301 Moved Permanently", [("Location", location)])
                return [b""]
            target = os.path.join(target, "index.html")
        if not os.path.isfile(target):
            # a draft, or a post dated later: its preview; a preview whose post is published
            # now (the writer took Status: draft out with the preview open): the post
            moved = _draft_preview(base, url_path) or _published(base, url_path)
            answer = _moved(base, pages, url_path) if pages and moved is None else None
            if answer is not None and answer.moved_to and _exists(base, answer.moved_to):
                moved = answer.moved_to  # a page that exists: never a loop
            if moved is not None:
                start_response("307 Temporary Redirect", [("Location", quote(moved))])
                return [b""]
            note = answer.note if answer is not None else None
            return _answer(start_response, method, "404 Not Found", base, not_found, note)
        return _answer(start_response, method, "200 OK", base, os.path.relpath(target, base))

    return app


def _draft_preview(base: str, url_path: str) -> str | None:
    """Where a development build previewed the draft (or the post waiting for its date) a
    missing page would be: /posts/x/ -> /drafts/posts/x/, /about/ -> /drafts/pages/about/
    (pelicanconf.py's DRAFT_URL and DRAFT_PAGE_URL); None when there is none."""
    if url_path.startswith("/drafts/"):
        return None
    for prefix in ("/drafts", "/drafts/pages"):
        candidate = prefix + url_path
        if _exists(base, candidate):
            return candidate
    return None


def _published(base: str, url_path: str) -> str | None:
    """Where a preview that is gone was published: /drafts/posts/x/ -> /posts/x/,
    /drafts/pages/about/ -> /about/ (the reverse of ``_draft_preview``); None when nowhere."""
    if url_path.startswith("/drafts/pages/"):
        candidate = url_path.removeprefix("/drafts/pages")
    elif url_path.startswith("/drafts/"):
        candidate = url_path.removeprefix("/drafts")
    else:
        return None
    return candidate if _exists(base, candidate) else None


def _moved(base: str, pages: str, url_path: str) -> page_record.Answer | None:
    """What the session's record says of a missing page: where its file writes it now, or
    which file wrote it and why it is gone; None when no build of this session wrote it."""
    relpath = url_path.lstrip("/")
    candidates = [relpath + "index.html"] if relpath.endswith("/") or not relpath else [relpath]
    if relpath and not relpath.endswith("/"):
        candidates.append(relpath + "/index.html")  # /posts/x without its slash
    data = page_record.load(Path(base, pages))
    for save_as in candidates:
        answer = page_record.explain(data, save_as)
        if answer is not None:
            return answer
    return None


def _exists(base: str, url_path: str) -> bool:
    """Is there a page at this address (a file, or a folder with index.html) under base?"""
    path = os.path.normpath(os.path.join(base, url_path.lstrip("/")))
    if not path.startswith(base + os.sep):
        return False
    return os.path.isfile(path) or os.path.isfile(os.path.join(path, "index.html"))


def _answer(
    start_response: StartResponse,
    method: str,
    status: str,
    base: str,
    relpath: str,
    note: str | None = None,
) -> list[bytes]:
    path = os.path.join(base, relpath)
    try:
        with open(path, "rb") as handle:
            body = handle.read()
    except OSError:  # no 404.html (or a file removed while the build runs)
        path, body = "404.html", _bare_page(base)
    if note:
        body = _with_note(body, note)
    headers = [
        ("Content-Type", _content_type(path)),
        ("Content-Length", str(len(body))),
        ("Cache-Control", "no-store"),
    ]
    start_response(status, headers)
    return [b"" if method == "HEAD" else body]


def _with_note(page: bytes, note: str) -> bytes:
    """The 404 page with a paragraph saying which file wrote the missing page, under its
    heading (the dev server's words; the written 404.html is left as it is)."""
    soup = BeautifulSoup(page, "html.parser")
    where = soup.find("main") or soup.body or soup
    paragraph = soup.new_tag("p", attrs={"class": "dev-gone"})
    paragraph.string = note
    heading = where.find("h1")
    if heading is not None:
        heading.insert_after(paragraph)
    else:
        where.insert(0, paragraph)
    return str(soup).encode()


def _bare_page(base: str) -> bytes:
    """The page for a missing file when the site has no 404 page: the first build stopped
    before writing one (pelicanconf.py or the theme saved half-edited), or is still running.
    It lists what the last build reported, as the overlay would, and is HTML, so livereload
    adds its script and the page reloads by itself once a build has written the site."""
    try:
        with open(os.path.join(base, FILE_NAME), encoding="utf-8") as handle:
            problems = json.load(handle).get("problems") or []
    except (OSError, ValueError, AttributeError):
        problems = []
    items = "".join(
        "<li>{}{}</li>".format(
            f"<code>{html.escape(str(p.get('source', '')))}</code>: " if p.get("source") else "",
            html.escape(str(p.get("message", ""))),
        )
        for p in problems
        if isinstance(p, dict)
    )
    said = (
        f"<p>The last build stopped before it wrote the site:</p><ol>{items}</ol>"
        if items
        else "<p>The site has not been built here yet; the terminal says why.</p>"
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title>'
        f"</head><body><main><h1>Not found</h1>{said}<p>Fix and save: this page reloads "
        "after the next build.</p></main></body></html>\n"
    ).encode()
