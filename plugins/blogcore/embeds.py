"""Embedded players and their scripts, as links: pure logic.

The site loads nothing from a third party (no trackers; its Content-Security-Policy forbids
frames and scripts from elsewhere), so a pasted player's ``<iframe>`` or embed ``<script>`` is
never published. The reader must not lose the video for it: a frame or script of a service
this table knows (YouTube and youtube-nocookie, Vimeo, Speaker Deck, SlideShare, SoundCloud,
Spotify, a GitHub gist, CodePen, ...) is replaced by a plain link to its page, named by the
frame's ``title`` or "Watch on YouTube" and the like. A script whose markup carries its own
text and link beside it (Twitter's ``blockquote.twitter-tweet``, CodePen's ``p.codepen``,
Instagram's) is only taken out. Any other frame is removed as before. foreign.py says each of
them, with its line, in one line; text.py's sanitiser puts the links in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from urllib.parse import parse_qs, quote, urlsplit

from . import rawtags

# "title" attributes that name the player, not what it plays (the services' own embed codes)
_GENERIC_TITLE = re.compile(
    r"\b(?:video player|vimeo-player|spotify embed|embedded content|iframe)\b", re.I
)


@dataclass(frozen=True)
class Page:
    """What a known embed stands for: the service, its page, the link's usual words."""

    service: str
    url: str
    text: str


@dataclass(frozen=True)
class Embed:
    """One frame or embed script of a post, and what the page gets instead."""

    tag: str  # "iframe" or "script"
    address: str  # its src as written (a Speaker Deck script: its data-id)
    page: Page | None  # None: nothing to link to
    service: str | None = None  # a script whose markup keeps its own text and link
    attribute: str = "src"  # where ``address`` is written
    library: bool = False  # a script that typesets the page (MathJax): nothing to link to

    @property
    def link(self) -> str | None:
        """The Markdown link to write for it: '[Watch on YouTube](https://...)'."""
        return f"[{self.page.text}]({self.page.url})" if self.page else None

    def html(self, block: bool) -> str:
        """The link as HTML, a paragraph of its own where the frame was a block."""
        if self.page is None:
            return ""
        link = f'<a href="{escape(self.page.url)}">{escape(self.page.text, quote=False)}</a>'
        return f"<p>{link}</p>" if block else link


def _https(address: str) -> str:
    """An address with its scheme: protocol-relative and http: ones as https:."""
    address = address.strip()
    if address.startswith("//"):
        return "https:" + address
    if address.lower().startswith("http://"):
        return "https://" + address[7:]
    return address


def _youtube(path: str, query: dict[str, list[str]]) -> str | None:
    playlist = query.get("list", [""])[0]
    parts = [part for part in path.split("/") if part]
    if len(parts) >= 2 and parts[0] in ("embed", "v", "shorts", "live"):
        # a Flash-era player gives its options after '&', with no '?': /v/ID&hl=en&fs=1
        video, _, options = parts[1].partition("&")
        query = {**parse_qs(options), **query}
        if video == "videoseries":
            return f"https://www.youtube.com/playlist?list={quote(playlist)}" if playlist else None
        start = query.get("start", query.get("t", [""]))[0].rstrip("s")
        time = f"&t={start}s" if start.isdigit() else ""
        return f"https://www.youtube.com/watch?v={quote(video)}{time}"
    if parts == ["embed"] and playlist:  # embed?listType=playlist&list=...
        return f"https://www.youtube.com/playlist?list={quote(playlist)}"
    if parts == ["watch"] and query.get("v"):
        return f"https://www.youtube.com/watch?v={quote(query['v'][0])}"
    return None


def _youtu_be(path: str, query: dict[str, list[str]]) -> str | None:
    video = path.strip("/")
    return f"https://www.youtube.com/watch?v={quote(video)}" if video else None


def _vimeo(path: str, query: dict[str, list[str]]) -> str | None:
    match = re.fullmatch(r"/video/(\d+)/?", path) or re.fullmatch(r"/(\d+)/?", path)
    if not match:
        return None
    private = query.get("h", [""])[0]  # an unlisted video's key
    return f"https://vimeo.com/{match[1]}" + (f"/{quote(private)}" if private else "")


def _spotify(path: str, query: dict[str, list[str]]) -> str | None:
    match = re.fullmatch(r"/embed(?:-podcast)?/(\w+)/(\w+)/?", path)
    return f"https://open.spotify.com/{match[1]}/{match[2]}" if match else None


def _codepen(path: str, query: dict[str, list[str]]) -> str | None:
    match = re.fullmatch(r"/([\w-]+)/embed/(?:preview/)?([\w-]+)/?", path)
    return f"https://codepen.io/{match[1]}/pen/{match[2]}" if match else None


def _gist(path: str, query: dict[str, list[str]]) -> str | None:
    match = re.fullmatch(r"/(?:([\w.-]+)/)?([0-9a-f]+)(?:\.js|\.pibb)?/?", path)
    if not match:
        return None
    owner = f"{match[1]}/" if match[1] else ""
    return f"https://gist.github.com/{owner}{match[2]}"


def _dailymotion(path: str, query: dict[str, list[str]]) -> str | None:
    match = re.fullmatch(r"/embed/video/(\w+)/?", path)
    return f"https://www.dailymotion.com/video/{match[1]}" if match else None


def _ted(path: str, query: dict[str, list[str]]) -> str | None:
    match = re.fullmatch(r"/talks/([\w-]+)/?", path)
    return f"https://www.ted.com/talks/{match[1]}" if match else None


def _as_written(path: str, query: dict[str, list[str]]) -> str | None:
    return ""  # the player's own address is a page a reader can open


# A frame's host, the service, the link's words, and how its page is found (its own
# address where the service gives no other page)
_PLAYERS: dict[str, tuple[str, str, object]] = {}
for _hosts, _service, _words, _page in (
    (
        ("youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com",
         "www.youtube-nocookie.com"),
        "YouTube", "Watch on YouTube", _youtube,
    ),
    (("youtu.be",), "YouTube", "Watch on YouTube", _youtu_be),
    (("player.vimeo.com", "vimeo.com"), "Vimeo", "Watch on Vimeo", _vimeo),
    (("speakerdeck.com",), "Speaker Deck", "See the slides on Speaker Deck", _as_written),
    (("www.slideshare.net", "slideshare.net"), "SlideShare", "See the slides on SlideShare",
     _as_written),
    (("w.soundcloud.com",), "SoundCloud", "Listen on SoundCloud", _as_written),
    (("open.spotify.com",), "Spotify", "Listen on Spotify", _spotify),
    (("codepen.io",), "CodePen", "See the pen on CodePen", _codepen),
    (("gist.github.com",), "GitHub", "See the gist on GitHub", _gist),
    (("www.dailymotion.com", "dailymotion.com"), "Dailymotion", "Watch on Dailymotion",
     _dailymotion),
    (("embed.ted.com",), "TED", "Watch on TED", _ted),
    (("www.google.com",), "Google Maps", "See the map on Google Maps", _as_written),
):  # fmt: skip
    for _host in _hosts:
        _PLAYERS[_host] = (_service, _words, _page)

# Embed scripts whose markup beside them keeps the text and a link, or a player's frame (only
# the script goes)
_OWN_MARKUP = {
    "player.vimeo.com": "Vimeo",
    "platform.twitter.com": "Twitter",
    "platform.x.com": "Twitter",
    "cpwebassets.codepen.io": "CodePen",
    "static.codepen.io": "CodePen",
    "public.codepenassets.com": "CodePen",
    "www.instagram.com": "Instagram",
    "embedr.flickr.com": "Flickr",
}


# Scripts that typeset math in the page, by host and the start of their path: the site's
# reStructuredText math is MathML, which browsers typeset themselves
_LIBRARIES = {
    ("cdn.mathjax.org", "/mathjax/"): "MathJax",
    ("cdnjs.cloudflare.com", "/ajax/libs/mathjax/"): "MathJax",
    ("cdn.jsdelivr.net", "/npm/mathjax"): "MathJax",
    ("unpkg.com", "/mathjax"): "MathJax",
    ("cdnjs.cloudflare.com", "/ajax/libs/katex/"): "KaTeX",
    ("cdn.jsdelivr.net", "/npm/katex"): "KaTeX",
}


def page_of(address: str, title: str = "") -> Page | None:
    """The page a player's address stands for, or None for a host this table does not know
    (or an address of a known host that is no player: a Google page that is no map)."""
    url = _https(address)
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        return None
    known = _PLAYERS.get(parts.hostname.lower())
    if known is None:
        return None
    service, words, find = known
    if service == "Google Maps" and not parts.path.startswith("/maps/embed"):
        return None
    page = find(parts.path, parse_qs(parts.query))  # type: ignore[operator]
    if page is None:
        return None
    title = " ".join(title.split())
    generic = _GENERIC_TITLE.search(title) or title.lower() == service.lower()
    text = title if title and not generic else words
    return Page(service, page or url, text)


def of(tag: str, attrs: dict) -> Embed | None:
    """The embed an element is: any ``<iframe>`` (its page None for an unknown host); a
    ``<script>`` of a known embed (Speaker Deck's, a gist's, Twitter's widgets); else None."""
    tag = tag.lower()
    title = str(attrs.get("title") or "")
    src = str(attrs.get("src") or "").strip()
    if tag == "iframe":
        return Embed("iframe", src, page_of(src, title) if src else None)
    if tag != "script":
        return None
    written = attrs.get("class") or ""
    classes = written if isinstance(written, list) else str(written).split()
    deck = str(attrs.get("data-id") or "").strip()
    if "speakerdeck-embed" in classes and re.fullmatch(r"[0-9a-f]+", deck):
        page = page_of(f"https://speakerdeck.com/player/{deck}", title)
        return Embed("script", deck, page, attribute="data-id")
    host = (urlsplit(_https(src)).hostname or "").lower() if src else ""
    if host == "gist.github.com":
        return Embed("script", src, page_of(src, title))
    if host in _OWN_MARKUP:
        return Embed("script", src, None, service=_OWN_MARKUP[host])
    path = urlsplit(_https(src)).path.lower() if src else ""
    library = next(
        (name for (at, start), name in _LIBRARIES.items() if host == at and path.startswith(start)),
        None,
    )
    if library is not None:
        return Embed("script", src, None, service=library, library=True)
    return None


# liquid_tags' {% youtube ID [width height] %} and {% vimeo ID [width height] %}, in a post's
# text: written as the same link (foreign.py says so, with its line)
LIQUID_PLAYER = re.compile(r"\{%\s*(youtube|vimeo)\s+([\w-]+)(?:\s+\d+%?){0,2}\s*%\}", re.I)
_LIQUID_ADDRESS = {
    "youtube": "https://www.youtube.com/embed/{}",
    "vimeo": "https://player.vimeo.com/video/{}",
}


def liquid_page(match: re.Match[str]) -> Page | None:
    """The page of a ``LIQUID_PLAYER`` match (None: no video a player would have shown)."""
    return page_of(_LIQUID_ADDRESS[match[1].lower()].format(match[2]))


def taken(tag: str, attrs: dict) -> bool:
    """Whether the sanitiser's report leaves an element to foreign.py's line for it."""
    return tag in ("iframe", "script") and of(tag, attrs) is not None


def may_have(lowered: str) -> bool:
    """A quick look at HTML (lower case) for a frame or script: most posts have none."""
    return "<iframe" in lowered or "<script" in lowered


def anchor(embed: Embed) -> str:
    """A pattern of where an embed starts in a post's source (its start tag, over lines:
    attributes may go on several, and a quoted value may hold a '>'), to find its line."""
    written = re.escape(embed.address).replace("&", "&(?:amp;)?")
    attribute = rawtags.before_attribute(re.escape(embed.attribute))
    return rf"<{embed.tag}\b{attribute}[\"']?\s*{written}"


def message(embed: Embed) -> str:
    """What to say of one embed (after 'content/x.md: line 12: ')."""
    shown = _short(embed.address)
    written = (
        f'<script data-id="{shown}">'
        if embed.attribute == "data-id"
        else f'<{embed.tag} src="{shown}">'
    )
    if embed.page is not None:
        return (
            f"{written} is a {embed.page.service} "
            f"{'player' if embed.tag == 'iframe' else 'embed script'}, which this site does "
            f"not load (no third-party frames or scripts): the page has a link in its place, "
            f"{embed.link}; write that link in the post to choose its words"
        )
    if embed.library:
        return (
            f"{written} is {embed.service}, a script from another site, which this site does "
            "not load (no third-party scripts): it is removed; reStructuredText's math is "
            "typeset without it, as MathML, and LaTeX in Markdown is shown as written; remove "
            "the script"
        )
    if embed.service is not None:
        return (
            f"{written} is {embed.service}'s embed script, which this site does not load (no "
            f"third-party scripts): it is removed, and what is written with it stays; remove "
            f"the script"
        )
    host = urlsplit(_https(embed.address)).hostname or embed.address or "no address"
    return (
        f"{written} is removed (no third-party frames), and this site knows no page to link "
        f"to for {_short(host, 40)}: link to what it showed, [its title](its address)"
    )


def _short(written: str, limit: int = 100) -> str:
    return written if len(written) <= limit else written[: limit - 1] + "…"
