"""Print: each link of a post's text that prints its address after it on paper.

The theme's print.css prints ``attr(data-print-href)`` after a link in ``.post-content``. The
attribute is written when the page is built, the link's full address (a link to another of
the site's posts too: "/posts/x/" leads nowhere on paper), so printing needs no JavaScript.
Not marked: a link to a place in the page itself (a footnote, a heading), a link that is not
to a web page (``mailto:``), a link without text (a picture), and one whose text is its
address already ("example.org/docs" for https://example.org/docs/), which would print twice.
"""

from __future__ import annotations

import html as htmllib
import re
from urllib.parse import unquote, urljoin

ATTRIBUTE = "data-print-href"

# an <a> with its text up to </a> (links do not nest); its href in either quote
_LINK = re.compile(r"<a\b(?P<attrs>[^>]*)>(?P<inner>.*?)</a\s*>", re.I | re.S)
_HREF = re.compile(r"""\shref\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""", re.I)
_TAG = re.compile(r"<[^>]*>")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


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


def mark_printed_addresses(html: str, page_url: str) -> str:
    """``html`` with each link that prints its address on paper given it in
    ``data-print-href``; the rest as written."""
    if "<a" not in html:
        return html

    def mark(m: re.Match[str]) -> str:
        attrs = m.group("attrs")
        href = _HREF.search(attrs)
        if href is None or ATTRIBUTE in attrs:
            return m.group(0)
        written_href = href.group("dq") if href.group("dq") is not None else href.group("sq")
        value = htmllib.unescape(written_href)
        text = htmllib.unescape(_TAG.sub("", m.group("inner")))
        full = printed_address(value, text, page_url)
        if full is None:
            return m.group(0)
        start = m.start("attrs") - m.start(0) + len(attrs)
        written = f' {ATTRIBUTE}="{htmllib.escape(full, quote=True)}"'
        return m.group(0)[:start] + written + m.group(0)[start:]

    return _LINK.sub(mark, html)
