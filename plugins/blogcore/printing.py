"""Print: each link of a post's text that prints its address after it on paper.

The theme's print.css prints ``attr(data-print-href)`` after a link in ``.post-content``. The
attribute is written when the page is built, the link's full address (a link to another of
the site's posts too: "/posts/x/" leads nowhere on paper), so printing needs no JavaScript.
Not marked: a link to a place in the page itself (a footnote, a heading), a link that is not
to a web page (``mailto:``), a link without text (a picture), and one whose text is its
address already ("example.org/docs" for https://example.org/docs/), which would print twice.

The links are read by Python's ``html.parser`` (the parser beautifulsoup4 runs), which says
where each start tag ends as well as where it starts: the attribute is spliced in at the end
of the start tag, so the rest of the page keeps its bytes, whatever its attributes hold
(``title="a > b"``). beautifulsoup4 keeps only where a tag starts, and building its tree
for every post cost 5 times as much (0.70 against 0.15 s at 500 posts: docs/performance.md).
Written as a page is rendered, not as a post is sanitised: a post's ``{filename}`` links
have their addresses only then, and the attribute is for the theme's page alone (not a
feed's copy of the text, nor a summary on a listing).
"""

from __future__ import annotations

import re
from html import escape, unescape
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin

from .text import line_starts

ATTRIBUTE = "data-print-href"

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)  # over an address, not HTML


def _bare(address: str) -> str:
    """An address as a link's text may give it: no scheme, no www., no end slash, lower case."""
    address = _SCHEME.sub("", address.strip())
    address = re.sub(r"^www\.", "", address, flags=re.I)
    return address.rstrip("/").lower()


def printed_address(href: str, text: str, page_url: str) -> str | None:
    """The full address a link prints after it on paper, or None for a link that prints
    none; ``href`` and ``text`` as the reader sees them (entities decoded), ``page_url`` the
    page's own full address ("" when the site has none: only absolute links print)."""
    full = urljoin(page_url, href.strip()) if page_url else href.strip()
    if not full.lower().startswith(("http://", "https://")):
        return None  # mailto:, tel:, a relative address on a site without SITEURL
    if page_url and full.split("#")[0] == page_url.split("#")[0]:
        return None  # a place in this page
    text = " ".join(text.split())
    if not text or _bare(text) in (_bare(full), _bare(unquote(full))):
        return None
    return full


class _Links(HTMLParser):
    """Each link with an href, in order: (where its start tag's attributes end, its href,
    its text); a link already marked is left out."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lines = line_starts(html)
        self.found: list[tuple[int, str, str]] = []
        self._open: tuple[int, str, list[str]] | None = None  # the link being read
        self.feed(html)
        self.close()
        self._end_link()  # a link never closed: its text runs to the end, as in a browser

    def _end_link(self) -> None:
        if self._open is not None:
            at, href, text = self._open
            self.found.append((at, href, "".join(text)))
            self._open = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "a":
            return
        self._end_link()  # links do not nest: a browser ends one where the next starts
        values = dict(attrs)
        href = values.get("href")
        if href is None or ATTRIBUTE in values:
            return
        line, column = self.getpos()
        written = self.get_starttag_text() or ""
        # before its ">", or the "/" of "/>" (which HTML ignores on an <a>)
        end = len(written) - (2 if written.endswith("/>") else 1)
        self._open = (self.lines[line] + column + end, href, [])

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._end_link()

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[2].append(data)


# What the quick reading below cannot take: a comment, a script or a style (whose text is no
# link's), a "<" or ">" inside a quoted value (it would end the tag there), a start tag closed
# with "/>". The sanitiser's output has none of them (nh3 writes ">" in a value as &gt;).
_UNSURE = re.compile(r"""<!--|<script|<style|="[^"]*[<>]|='[^']*[<>]|<a\b[^>]*/>""", re.I)
_START = re.compile(r"<a\b", re.I)
# an <a> with its text up to </a>; its href in either quote
_LINK = re.compile(r"<a\b(?P<attrs>[^>]*)>(?P<inner>.*?)</a\s*>", re.I | re.S)
_HREF = re.compile(r"""\shref\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""", re.I)
_ANY_HREF = re.compile(r"\shref\s*=", re.I)
_MARKED = re.compile(rf"\s{ATTRIBUTE}\s*=", re.I)
_TAG = re.compile(r"<[^>]*>")


def _links_quickly(html: str) -> list[tuple[int, str, str]] | None:
    """What ``_Links`` finds, read with regular expressions: about 6 times as fast (a post
    is 0.12 ms, not 0.75), so a build of 1,000 posts does not spend 0.6 s more here; None
    where that reading could differ from the parser's (``_UNSURE``, an unclosed or nested
    link, an href without quotes): the parser reads those."""
    if _UNSURE.search(html):
        return None
    links = list(_LINK.finditer(html))
    if len(links) != len(_START.findall(html)):
        return None  # a link never closed, or one inside another's text
    found = []
    for link in links:
        attrs = link.group("attrs")
        href = _HREF.search(attrs)
        if href is None:
            if _ANY_HREF.search(attrs):
                return None
            continue
        if _MARKED.search(attrs):
            continue
        written = href.group("dq") if href.group("dq") is not None else href.group("sq")
        text = unescape(_TAG.sub("", link.group("inner")))
        found.append((link.end("attrs"), unescape(written), text))
    return found


def mark_printed_addresses(html: str, page_url: str) -> str:
    """``html`` with each link that prints its address on paper given it in
    ``data-print-href``; the rest as written."""
    if "<a" not in html and "<A" not in html:
        return html
    found = _links_quickly(html)
    pieces, done = [], 0
    for at, href, text in _Links(html).found if found is None else found:
        full = printed_address(href, text, page_url)
        if full is not None:
            pieces += [html[done:at], f' {ATTRIBUTE}="{escape(full)}"']
            done = at
    return "".join(pieces) + html[done:] if pieces else html
