"""Stored script injection: a site whose every field carries payloads, every page and feed
parsed as a browser parses it (html5lib), nothing that runs unless the theme wrote it; the
HTML writers may use survives; what the sanitiser removes is named in the build's log."""

import json
import logging
import re
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from plugins.blogcore import text
from plugins.webmentions import client
from tests.conftest import TEST_SITEURL, Site, _builder

DOMAIN = "blog.example.test"
SCRIPT = '<script>alert("x")</script>'
ONERROR = '"><img src=x onerror="alert(1)">'
JS_LINK = '<a href="javascript:alert(1)">j</a>'
# one line each: front-matter values, where Markdown is not read (titles, tags...)
LINE = f"{SCRIPT} {ONERROR} '><svg onload=alert(3)> javascript:alert(4)"
# HTML a writer (or a paste) may put in any Markdown body
BODY = """\
Some words before. <img src="x.png" onerror="alert(1)"> inline, and {js} too.

<script>alert("body")</script>

<script src="https://evil.test/x.js"></script>

<p><img src="/x.png" alt="a" srcset="javascript:alert(1) 1x, data:text/html,x 2x"></p>

<p><a href=" JaVaScRiPt:alert(1)">spaced</a> <a href="jav&#x09;ascript:alert(1)">tab</a>
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>
<a href="vbscript:msgbox(1)">vb</a> <a href="#top" onmouseover="alert(1)">hover</a></p>

<iframe src="https://evil.test/"></iframe>

<object data="https://evil.test/x.swf"></object><embed src="https://evil.test/x.swf">

<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>

<svg onload="alert(1)"><a xlink:href="javascript:alert(1)"><text>svg</text></a></svg>

<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">m</maction></math>

<style>body {{ display: none }}</style>

<p style="background:url(javascript:alert(1))" onclick="alert(1)">styled</p>

<details open ontoggle="alert(1)"><summary>s</summary>d</details>

<video controls poster="javascript:alert(1)"><source src="javascript:alert(1)"></video>

<base href="https://evil.test/">

<meta http-equiv="refresh" content="0;url=javascript:alert(1)">

<link rel="stylesheet" href="https://evil.test/x.css">

<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>

<!--><script>alert(1)</script>-->

[a Markdown link](javascript:alert(1)) and ![a Markdown image](javascript:alert(2))

<img src=x onerror=alert(1)//

CANARY-{name}
""".format(js=JS_LINK, name="{name}")


def body(name: str) -> str:
    return BODY.replace("{name}", name)


POST = f"""Title: Hostile {LINE}
Date: 2024-05-01 10:00
Category: Cat {SCRIPT}
Tags: tag {ONERROR}, {SCRIPT}, javascript:alert(3)
Author: Ada Byrne
Slug: hostile
Summary: Short {SCRIPT} {JS_LINK} <img src=x onerror="alert(1)"> <a href="#" onclick="x()">s</a>
Series: Hostile series
Gallery: trip
Comment_id: {ONERROR}
Related: {SCRIPT}

{body("post")}
"""
POST_BY_STRANGER = f"""Title: By a stranger
Date: 2024-05-02 10:00
Category: Company
Author: Mallory {ONERROR}
Slug: by-a-stranger
Series: Hostile series
Series_index: 2
Summary: {SCRIPT}

{body("stranger")}
"""
POST_BAD_KEYS = """Title: Bad keys
Date: 2024-05-03 10:00
Category: Company
Author: Ada Byrne
Slug: bad"><script>alert(1)</script>
Lang: en"><script>alert(1)</script>

Text.
"""
# a post in HTML, which Pelican's own HTML reader reads (without the unclosed tag, after which
# that reader keeps no body at all)
POST_HTML = f"""<html><head><title>In HTML</title>
<meta name="date" content="2024-05-05 10:00"><meta name="category" content="Company">
<meta name="author" content="Ada Byrne"><meta name="slug" content="in-html">
<meta name="summary" content="{SCRIPT.replace('"', "&quot;")}">
</head><body>
{body("html").replace("<img src=x onerror=alert(1)//", "")}
</body></html>
"""
PAGE = f"""Title: Page {LINE}
Slug: hostile-page
Summary: {SCRIPT} {JS_LINK}

{body("page")}
"""
TEAM = f"""Name: Eve {SCRIPT}
Role: {ONERROR}
Pronouns: '><svg onload=alert(3)>
Website: javascript:alert(1)
Mastodon: https://social.example.org/@eve" onmouseover="alert(1)
Aliases: <b>Evil</b>, {SCRIPT}

{body("team")}
"""
SERIES = f"""Title: Hostile {LINE}
Summary: {SCRIPT} {JS_LINK} <img src=x onerror="alert(1)">

{body("series")}
"""
GALLERY = f"""Title: Trip {LINE}
Date: 2025-05-02
Summary: {SCRIPT} {ONERROR}
Photo: one.jpg | {SCRIPT} {ONERROR} | {ONERROR} {SCRIPT}
Photo: two.jpg | caption" onmouseover="alert(1) | alt' onfocus='alert(1)

{body("gallery")}
"""


def mention(wm_id: int, **extra) -> dict:
    return {
        "wm-id": wm_id,
        "wm-property": "in-reply-to",
        "wm-target": f"{TEST_SITEURL}/posts/hostile/",
        "published": "2024-06-01T10:00:00Z",
        **extra,
    }


MENTIONS = [
    mention(
        9001,
        author={"name": f"Mal {SCRIPT}", "url": "javascript:alert(1)"},
        url="javascript:alert(2)",
        content={"html": "<p>CANARY-mention</p>" + BODY[:900], "text": "x"},
    ),
    mention(
        9002,
        author={"name": "Ok", "url": "https://ok.example.test/"},
        url="https://ok.example.test/1",
        content={"text": f"plain {SCRIPT} {ONERROR}"},
    ),
]

# the theme's own forms (search, newsletter): any other form came from content
THEME_FORMS = {"search-form", "site-search__form", "newsletter__form"}
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset")
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
RSS_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
URL_METAS = {"og:url", "og:image", "og:video", "og:audio", "twitter:image"}
FOREIGN = ("iframe", "object", "embed", "frame", "frameset", "applet", "style", "base")


def _scheme_of(url: str) -> str:
    """The scheme a browser sees: blanks and control characters do not count."""
    return "".join(c for c in url if c > " ").lower()


def offences(soup: BeautifulSoup, siteurl: str) -> list[str]:
    """Everything in a parsed page that could run or restyle it and that the theme did not write."""
    found = []
    for tag in soup.find_all(True):
        shown = str(tag)[:120]
        if tag.name == "script":
            if tag.get("type") == "application/ld+json":
                try:
                    json.loads(tag.string or "")
                except ValueError:
                    found.append(f"JSON-LD that is not JSON: {shown}")
                continue
            own = tag.get("src", "").startswith(f"{siteurl}/theme/") and not tag.string
            if not own:
                found.append(f"script: {shown}")
        if tag.name in FOREIGN:
            found.append(f"<{tag.name}>: {shown}")
        if tag.name == "form" and not THEME_FORMS & set(tag.get("class", [])):
            found.append(f"form: {shown}")
        if tag.name == "meta" and tag.get("http-equiv", "").lower() == "refresh":
            found.append(f"refresh: {shown}")
        for name, value in tag.attrs.items():
            if name.lower().startswith("on"):
                found.append(f"event handler {name}: {shown}")
            if name.lower() == "style":
                found.append(f"style attribute: {shown}")
            if name.lower() not in URL_ATTRIBUTES or not isinstance(value, str):
                continue
            urls = (
                [c.strip().split(" ")[0] for c in value.split(",")] if name == "srcset" else [value]
            )
            for url in urls:
                if _scheme_of(url).startswith(BAD_SCHEMES):
                    found.append(f"{name}={url[:30]!r}: {shown}")
        url_meta = tag.name == "meta" and (tag.get("property") or tag.get("name")) in URL_METAS
        if url_meta and _scheme_of(tag.get("content", "")).startswith(BAD_SCHEMES):
            found.append(f"meta URL: {shown}")
    return found


def browser_soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")


def feed_html(path: Path) -> list[str]:
    """The HTML inside a feed (Atom's type="html" elements, RSS descriptions), as text.

    Titles and names are text constructs: a feed reader shows their ``<`` as ``<``.
    """
    root = ET.parse(path).getroot()  # a feed broken by content does not parse
    return [
        el.text
        for el in root.iter()
        if el.text and (el.get("type") == "html" or el.tag in ("description", RSS_CONTENT))
    ]


def _photo(path: Path, colour: tuple[int, int, int]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (120, 80), colour).save(path, "JPEG")


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def hostile_files() -> dict[str, str]:
    return {
        "posts/hostile.md": POST,
        "posts/by-a-stranger.md": POST_BY_STRANGER,
        "posts/bad-keys.md": POST_BAD_KEYS,
        "posts/in-html.html": POST_HTML,
        "pages/hostile-page.md": PAGE,
        "team/eve-hostile.md": TEAM,
        "series/hostile-series.md": SERIES,
        "galleries/trip/gallery.md": GALLERY,
    }


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Site:
    """The fixture site with payloads in every field, built once (development settings)."""
    base = tmp_path_factory.mktemp("hostile")
    cache = base / "wm.json"
    client.save_cache(cache, client.Cache(DOMAIN, 1.0, MENTIONS))
    records = _Records()
    logging.getLogger().addHandler(records)
    try:
        build = _builder(base)
        content = base / "extra-photos"
        _photo(content / "one.jpg", (200, 40, 40))
        _photo(content / "two.jpg", (40, 200, 40))
        files = {
            **hostile_files(),
            "galleries/trip/one.jpg": (content / "one.jpg").read_bytes(),
            "galleries/trip/two.jpg": (content / "two.jpg").read_bytes(),
        }
        site = build(
            files,
            WEBMENTIONS_DOMAIN=DOMAIN,
            WEBMENTIONS_CACHE=str(cache),
            WEBMENTIONS_FETCH=False,
            GALLERY_WIDTHS=(100,),
            name=f"injected-{uuid.uuid4().hex[:8]}",  # warnings no earlier build printed
        )
    finally:
        logging.getLogger().removeHandler(records)
    site.log = records.lines
    return site


# pages every kind of field reaches: if one went missing, the scan below would prove nothing
REACHED = {
    "posts/hostile/": "CANARY-post",
    "posts/in-html/": "CANARY-html",
    "hostile-page/": "CANARY-page",
    "team/eve-hostile/": "CANARY-team",
    "series/hostile-series/": "CANARY-series",
    "galleries/trip/": "CANARY-gallery",
}


@pytest.mark.parametrize(("page", "canary"), REACHED.items())
def test_every_hostile_field_reaches_a_page(hostile, page, canary):
    assert canary in browser_soup(hostile.path(page)).get_text()


def test_the_webmention_reaches_its_post(hostile):
    assert "CANARY-mention" in browser_soup(hostile.path("posts/hostile/")).get_text()


def test_no_page_runs_or_restyles_anything_from_content(hostile):
    pages = hostile.files(".html")
    assert len(pages) > 20
    found = {}
    for page in pages:
        problems = offences(browser_soup(page), hostile.siteurl)
        if problems:
            found[str(page.relative_to(hostile.output))] = problems
    assert not found, json.dumps(found, indent=1)


def test_text_fields_are_shown_as_text(hostile):
    """Titles, tags, captions: the payload is visible as text, not parsed as markup."""
    post = browser_soup(hostile.path("posts/hostile/"))
    assert SCRIPT in post.select_one("h1").get_text()
    gallery = browser_soup(hostile.path("galleries/trip/"))
    captions = [c.get_text() for c in gallery.select("figcaption.gallery__caption")]
    assert any(SCRIPT in c for c in captions), captions
    alts = [img.get("alt", "") for img in gallery.select(".gallery__grid img")]
    assert any("onerror" in a for a in alts), alts


def test_feeds_carry_no_markup_that_runs(hostile):
    feeds = hostile.files(".xml")
    feeds = [f for f in feeds if f.name != "sitemap.xml"]
    assert feeds
    found, chunks = [], 0
    for feed in feeds:
        for html in feed_html(feed):
            chunks += 1
            soup = BeautifulSoup(html, "html5lib")
            found += [f"{feed.name}: {p}" for p in offences(soup, hostile.siteurl)]
    assert chunks  # the feeds do carry HTML, and it was looked at
    assert not found, "\n".join(found)


def test_json_ld_keeps_the_payload_inside_its_strings(hostile):
    scripts = browser_soup(hostile.path("posts/hostile/")).select(
        'script[type="application/ld+json"]'
    )
    data = json.loads(scripts[0].string)
    assert SCRIPT in data["headline"]


def test_removals_are_reported_naming_the_file(hostile):
    def line(source: str) -> str:
        # at the line of the first thing removed, below the front matter (the Title's
        # <script> is the title's own line)
        said = re.compile(rf"{re.escape(source)}: line (?!1:)\d+: removed")
        found = [m for m in hostile.log if said.match(m)]
        assert found, f"no report for {source}: {hostile.log}"
        return found[0]

    for source in (
        "content/posts/hostile.md",
        "content/posts/in-html.html",
        "content/pages/hostile-page.md",
        "content/team/eve-hostile.md",
        "content/series/hostile-series.md",
        "content/galleries/trip/gallery.md",
    ):
        message = line(source.replace("content/", f"{Path(hostile.content).name}/"))
        assert "<script>" in message and "an onerror attribute" in message
        assert "a javascript: link" in message and "(not allowed in posts)" in message
    summaries = [m for m in hostile.log if "hostile.md: Summary: removed" in m]
    assert summaries and "an onclick attribute" in summaries[0]
    # one line per file and field, however many times Pelican cleans the content again
    series = re.compile(r".*/series/hostile-series\.md: line \d+: removed")
    assert len([m for m in hostile.log if series.match(m)]) == 1


# --- what writers may keep --------------------------------------------------------------------

ALLOWED = """Title: Rich HTML
Date: 2024-05-04 10:00
Category: Company
Author: Ada Byrne
Slug: rich

<figure class="wide"><img src="/images/lamp.svg" alt="A lamp" width="40" height="40">
<figcaption>A <em>lamp</em>.</figcaption></figure>

<details open><summary>More</summary><p>Hidden detail.</p></details>

<video controls preload="none" width="320"><source src="/clip.mp4" type="video/mp4">
<track kind="captions" src="/clip.vtt" srclang="en" label="English"></video>

<table><thead><tr><th align="left">Room</th><th align="right">Seats</th></tr></thead>
<tbody><tr><td align="left">Hall</td><td align="right">120</td></tr></tbody></table>

<p><a href="https://example.org/" title="out">out</a> <a href="mailto:a@example.org">mail</a>
<a href="#notes">notes</a> <abbr title="HyperText">HTML</abbr> <kbd>Ctrl</kbd></p>
"""


def test_allowed_html_survives(build_site):
    site = build_site({"posts/rich.md": ALLOWED})
    page = browser_soup(site.path("posts/rich/"))
    assert page.select_one("figure.wide > img[alt='A lamp'][width='40']")
    assert page.select_one("figure.wide figcaption em").get_text() == "lamp"
    assert page.select_one("details[open] > summary").get_text() == "More"
    video = page.select_one("video[controls][preload=none]")
    assert video.select_one("source[type='video/mp4']")["src"].endswith("/clip.mp4")
    assert video.select_one("track[kind=captions][srclang=en]")
    assert [td["align"] for td in page.select("table td")] == ["left", "right"]
    assert page.select_one("a[href='mailto:a@example.org']")
    assert page.select_one("abbr[title=HyperText]")


# --- the gallery of issue 22, item 3, and the warning in development and publish builds ------

SIDECAR = """Title: Offsite
Photo: one.jpg | The hall. | A long hall

The week <script>alert(1)</script> we <img src="/x.jpg" onerror="alert(2)"> spent
[away](javascript:alert(3)).
"""


@pytest.mark.parametrize("publish", [False, True])
def test_gallery_description_is_sanitised_and_reported(build_site, tmp_path, caplog, publish):
    # Pelican prints a message once per process: each build gets a gallery of its own name
    slug = "offsite-publish" if publish else "offsite-dev"
    _photo(tmp_path / "one.jpg", (90, 90, 200))
    files = {
        f"galleries/{slug}/gallery.md": SIDECAR,
        f"galleries/{slug}/one.jpg": (tmp_path / "one.jpg").read_bytes(),
    }
    with caplog.at_level(logging.WARNING):
        site = build_site(files, publish=publish, GALLERY_WIDTHS=(100,))  # publish does not fail
    page = browser_soup(site.path(f"galleries/{slug}/"))
    intro = page.select_one(".gallery-page__intro")
    assert "we" in intro.get_text() and intro.select_one("img[src='/x.jpg']")
    assert not offences(page, site.siteurl)
    assert intro.select_one("a").get("href") is None  # the link's text stays, not its URL
    expected = (
        f"{site.content.name}/galleries/{slug}/gallery.md: line 4: removed <script>, an onerror "
        "attribute and a javascript: link (not allowed in posts)"
    )
    assert any(r.getMessage().startswith(expected) for r in caplog.records), caplog.text


# --- the report itself, as a table ------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "cleaned", "described"),
    [
        ("<p>plain</p>", "<p>plain</p>", ""),
        ("<p>x<script>a()</script></p>", "<p>x</p>", "<script>"),
        ('<img src="a.png" onerror="x()">', '<img src="a.png">', "an onerror attribute"),
        ('<a href="javascript:x()">j</a>', "<a>j</a>", "a javascript: link"),
        ('<a href=" JavaScript:x()">j</a>', "<a>j</a>", "a javascript: link"),
        ('<a href="data:text/html,x">d</a>', "<a>d</a>", "a data: link"),
        ('<img src="a.png" srcset="javascript:x 1x">', '<img src="a.png">', "a javascript: link"),
        ('<img src="a.png" srcset="/a.png 1x, /b.png 2x">', None, ""),
        (
            '<p style="color:red" onclick="x()">s</p><iframe src="https://e.test/"></iframe>',
            "<p>s</p>",
            "<iframe>, a style attribute and an onclick attribute",
        ),
        ("<!-- <script>x</script> --><p>c</p>", "<p>c</p>", ""),
        ('<script>document.write("<b>")</script><b>b</b>', "<b>b</b>", "<script>"),
        ('<a href="{filename}/posts/x.md">f</a>', None, ""),
        ('<p title="a>b">t</p>', '<p title="a&gt;b">t</p>', ""),
        ("<table><tr><td align=right>1</td></tr></table>", None, ""),
    ],
)
def test_sanitiser_reports_what_it_removed(html, cleaned, described):
    out, removed = text.sanitize_and_report(html)
    if cleaned is not None:
        assert out == cleaned
    assert bool(removed) == bool(described)
    if described:
        assert removed.describe() == described


def test_webmentions_use_a_stricter_profile_of_the_same_sanitiser():
    from plugins.webmentions import mentions

    assert isinstance(mentions.REPLIES, text.Sanitiser)
    assert mentions.REPLIES.tags < text.POSTS.tags
    assert re.fullmatch(r"<p>ok</p>", mentions.sanitise("<p>ok<img src=x onerror=y()></p>"))
