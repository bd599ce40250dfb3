"""The old blog's archive pages (a category's, a tag's or label's, an author's) and where each
leads here. Pure: the readers give the names and the texts, ``plan`` the site's addresses.

WordPress serves a category's posts at ``/category/<nicename>/`` (a subcategory's at
``/category/<parent>/<child>/``), a tag's at ``/tag/<slug>/`` and an author's at
``/author/<nicename>/``, each with ``page/N/`` and ``feed/`` below it. Its export does not carry
the Category base and Tag base of Settings → Permalinks: they are read from the old blog's own
links to those pages in its posts (``/topics/news/`` for the category ``news``), else
WordPress's defaults. Blogger serves a label's posts at ``/search/label/<Label>``.
"""

import html
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from urllib.parse import quote, unquote, urlsplit

from .model import AUTHOR, CATEGORY, TAG, Listing

# WordPress's defaults: the bases of Settings → Permalinks, and "Blog pages show at most"
DEFAULT_BASES = {CATEGORY: "category", TAG: "tag", AUTHOR: "author"}
PAGE_SIZE = 10

_HREF = re.compile(r"""href\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def nicename(login: str) -> str:
    """The author page's part WordPress makes from a login (its user_nicename, as
    ``sanitize_title`` writes it): ``Ana.Lopez`` -> ``ana-lopez``, ``ana@example.org`` ->
    ``anaexample-org``."""
    text = unicodedata.normalize("NFKD", login[:50])
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace(".", "-")
    text = re.sub(r"\s+", "-", re.sub(r"[^a-z0-9 _-]", "", text))
    return re.sub(r"-+", "-", text).strip("-")


def category_path(name: str, parents: Mapping[str, str]) -> str:
    """A category's nicename with its parents' before it (``company/events``), as WordPress
    writes a subcategory's address; a loop of parents is cut."""
    chain = [name]
    while parents.get(chain[-1]) and parents[chain[-1]] not in chain:
        chain.append(parents[chain[-1]])
    return "/".join(reversed(chain))


def read_bases(
    texts: Iterable[str],
    site: str,
    known: Mapping[str, Iterable[str]],
    posts: Iterable[str] = (),
) -> dict[str, tuple[str, int]]:
    """The base (``topics``) each kind of archive page had, read from the old blog's links to
    them in ``texts``: kind -> (base, how many links say so). ``known``: each kind's slugs
    (``company/events`` for a subcategory); ``posts``: the posts' old paths, which a slug may
    end too (a post ``/2008/10/news/`` is not the tag ``news``'s page)."""
    parts = urlsplit(site)
    host = (parts.hostname or "").lower().removeprefix("www.")
    prefix = parts.path.rstrip("/")
    skip = {p.rstrip("/") for p in posts}
    tails = {kind: [slug.split("/") for slug in slugs] for kind, slugs in known.items()}
    found: dict[str, Counter] = {kind: Counter() for kind in known}
    for text in texts:
        for match in _HREF.finditer(text):
            link = urlsplit(html.unescape(match.group(1) or match.group(2) or "").strip())
            if link.scheme and (link.hostname or "").lower().removeprefix("www.") != host:
                continue
            path = unquote(link.path)
            if not path.startswith(prefix + "/") or path.rstrip("/") in skip:
                continue
            parts_ = [p for p in path[len(prefix) :].split("/") if p]
            if len(parts_) > 2 and parts_[-2] == "page" and parts_[-1].isdigit():
                parts_ = parts_[:-2]
            elif parts_ and parts_[-1] == "feed":
                parts_ = parts_[:-1]
            for kind, slugs in tails.items():
                for tail in slugs:
                    head = parts_[: -len(tail)]
                    ends = len(parts_) > len(tail) and parts_[-len(tail) :] == tail
                    # not below a date: that is a post's address
                    if ends and not any(p.isdigit() for p in head):
                        found[kind]["/".join(head)] += 1
    bases = {}
    for kind, counts in found.items():
        # a category's link is not a tag's (a tag and a category may share a slug)
        for other, base in DEFAULT_BASES.items():
            if other != kind:
                counts.pop(base, None)
        if counts:
            bases[kind] = counts.most_common(1)[0]
    return bases


def wordpress_path(site: str, base: str, slug: str) -> str:
    """An archive page's old site path: ``/category/company/events/``, below the site's own
    folder when it has one."""
    prefix = urlsplit(site).path.rstrip("/")
    return f"{prefix}/{base.strip('/')}/{slug.strip('/')}/"


def blogger_label(site: str, label: str) -> Listing:
    """A Blogger label's page: ``/search/label/Community%20halls``."""
    prefix = urlsplit(site).path.rstrip("/")
    return Listing(TAG, label, f"{prefix}/search/label/{quote(label, safe='')}")


def addresses(listing: Listing, target: str, feed: str, posts: int) -> list[tuple[str, str]]:
    """(old path, new path) for a listing: its page, and WordPress's later pages (as many as
    its posts filled at ``PAGE_SIZE`` a page) and its feed. A listing at the address of its
    page here needs no redirect, and its later pages are the site's own."""
    same = listing.path.strip("/") == target.strip("/")
    found = [] if same else [(listing.path, target)]
    if listing.paged:
        if not same:
            pages = math.ceil(posts / PAGE_SIZE)
            found += [(f"{listing.path}page/{n}/", target) for n in range(2, pages + 1)]
        if feed:
            found.append((f"{listing.path}feed/", feed))
    return found
