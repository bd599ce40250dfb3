"""Unit tests of blogcore's pure logic, as tables."""

import datetime
import hashlib
import json
import re
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup, Comment
from webassets.exceptions import BundleError

from plugins.blogcore import (
    assets,
    checks,
    foreign,
    frontmatter,
    jsonld,
    links,
    repeats,
    sitemap,
    text,
    urls,
)
from plugins.blogcore.settings import DEFAULTS, SettingsError, configure


@pytest.mark.parametrize(
    ("html", "words"),
    [
        ("", 0),
        ("<p>One two three.</p>", 3),
        ("<p>Don't stop-gap it</p>", 3),
        ("<p>Before</p><pre><code>a = b + c\nprint(a)</code></pre><p>after</p>", 2),
        ("<p>Text <script>var x = 1;</script> more</p>", 2),
        ("<p>caf&eacute; na&iuml;ve</p>", 2),
        ("<p>one</p><p>two</p><ul><li>three</li><li>four</li></ul>", 4),
        ("<p>in<em>line</em></p>", 1),
        ("<h2 id='x'>Title</h2><p>body</p>", 2),
        ("<p>one</p>\n<pre class='x'><code>skip me</code></pre>\n<p>two</p>", 2),
        ("<div><style>p { color: red }</style>Shown</div>", 1),
        ("<P>one</P><PRE><CODE>skip <SPAN>me</SPAN></CODE></PRE><P>two</P>", 2),
        ("<p>one</p><pre>a <b>b</b> </pre ><p>two</p>", 2),
        ("<p class=note>one two</p>", 2),
        # Chinese and Japanese by their characters, as long to read as that many words
        ("<p>" + "书法教室" * 255 + "</p>", 912),  # 1,020 Chinese characters: 4 min
        ("<p>" + "公民館の予約" * 119 + "</p>", 456),  # 714 Japanese characters: 2 min
        ("<p>Tessellate の予約 system</p>", 4),  # two words, 3 kana/kanji: two more
        ("<p>한국어 문장 입니다</p>", 3),  # Korean puts spaces between words
    ],
)
def test_count_words(html, words):
    assert text.count_words(html) == words


@pytest.mark.parametrize(
    ("words", "wpm", "minutes"),
    [(0, 230, 1), (1, 230, 1), (230, 230, 1), (231, 230, 2), (1000, 200, 5), (1001, 200, 6)],
)
def test_reading_minutes(words, wpm, minutes):
    assert text.reading_minutes(words, wpm) == minutes


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Maya Okafor", "MO"),
        ("Théo Marchand", "TM"),
        ("Ana de la Cruz", "AC"),
        ("Cher", "C"),
        ("jean-luc picard", "JP"),
        ("", "?"),
        ("  ", "?"),
    ],
)
def test_initials(name, expected):
    assert text.initials(name) == expected


def test_avatar_tone_is_stable_and_in_range():
    names = ["maya-okafor", "theo-marchand", "priya-raman", "sam-whitlock", "jonas-berg"]
    tones = [text.avatar_tone(n) for n in names]
    assert tones == [text.avatar_tone(n.upper()) for n in names]  # case does not matter
    assert all(0 <= t < 5 for t in tones)
    assert len(set(tones)) > 1
    assert text.avatar_tone("x", tones=1) == 0


@pytest.mark.parametrize(
    ("html", "src"),
    [
        ("<p>No image</p>", None),
        ('<p><img src="/a.png" alt=""><img src="/b.png" alt=""></p>', "/a.png"),
        ('<pre><img src="/in-code.png"></pre><img src="/c.png">', "/in-code.png"),
        ("<img alt='x' src='/single.png'>", "/single.png"),
        ('<img src="/a.png?w=1&amp;h=2">', "/a.png?w=1&h=2"),
        ('<img data-src="/lazy.png" src="/real.png">', "/real.png"),
        ('<img src="">\n<img src="/second.png">', "/second.png"),
        # the regular expression answered "/fake.png" to both of these
        ('<p title="<img src=/fake.png>">t</p><img src="/real.png">', "/real.png"),
        ('<!-- <img src="/fake.png"> --><img src="/real.png">', "/real.png"),
        ("<IMG ALT=x SRC=/upper.png>", "/upper.png"),
        ('<img alt="a>b" src="/after-gt.png">', "/after-gt.png"),
        ("<p><!-- <img src='/only-in-a-comment.png'> --></p>", None),
    ],
)
def test_first_image(html, src):
    assert text.first_image(html) == src


@pytest.mark.parametrize(
    ("siteurl", "path", "expected"),
    [
        ("https://x.test", "posts/a/", "https://x.test/posts/a/"),
        ("https://x.test", "/images/a.png", "https://x.test/images/a.png"),
        ("https://x.test", "https://cdn.test/a.png", "https://cdn.test/a.png"),
        ("https://x.test", "", ""),
        ("https://x.test", None, ""),
    ],
)
def test_absolute_url(siteurl, path, expected):
    assert text.absolute_url(siteurl, path) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>One <em>two</em></p><p>three</p>", "One two three"),
        ("<h2>Title</h2><pre><code>x = 1</code></pre><p>body &amp; soul</p>", "Title body & soul"),
        ("<p>a<br>b</p><ul><li>c</li></ul>", "a b c"),
    ],
)
def test_visible_text(html, expected):
    assert " ".join(text.visible_text(html).split()) == expected


def test_visible_text_of_deeply_nested_html():
    assert text.count_words("<div>" * 5000 + "deep words" + "</div>" * 5000) == 2


def test_plain_summary_cuts_at_a_word():
    html = "<p>" + " ".join(["word"] * 100) + "</p>"
    out = text.plain_summary(html, limit=50)
    assert out.endswith("…") and len(out) <= 51 and "  " not in out
    assert text.plain_summary("<p>Short <em>one</em>.</p><p>Two</p>") == "Short one. Two"


# Chinese prose (written here), without a pause
_ZH = "我们的社区中心每周六举办书法课程欢迎大家来参加学习写字"


@pytest.mark.parametrize(
    ("text_in", "limit", "expected"),
    [
        # one space early, then prose without spaces: cut at a character, not at the space
        (f"awstats7.2 + nginx {_ZH * 3}", 40, f"awstats7.2 + nginx {_ZH[:21]}…"),
        (_ZH * 3, 30, f"{(_ZH * 3)[:30]}…"),
        # at a pause in the last third of the text kept
        (f"{_ZH}，{_ZH}。{_ZH}", 60, f"{_ZH}，{_ZH}…"),
        (f"{_ZH[:5]}，{_ZH * 3}", 30, f"{_ZH[:5]}，{_ZH[:24]}…"),  # a pause too early
        # a Latin word among the characters: cut before it, or at a space as ever
        (f"{_ZH}Python{_ZH}", 31, f"{_ZH}…"),
        (f"{_ZH} Stack Overflow {_ZH}", 38, f"{_ZH} Stack…"),
        # Latin text: at a space, as it always was
        ("élan vital " * 10, 25, "élan vital élan vital…"),
        ("word " * 20, 22, "word word word word…"),
        (f"Our centre {_ZH}", 400, f"Our centre {_ZH}"),
    ],
)
def test_plain_summary_cuts_chinese_at_a_character(text_in, limit, expected):
    assert text.plain_summary(f"<p>{text_in}</p>", limit=limit) == expected


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("date", "2024-05-14", datetime.datetime(2024, 5, 14)),
        ("date", "2024-05-14 10:30", datetime.datetime(2024, 5, 14, 10, 30)),
        ("date", "2024-05-14_10:30", datetime.datetime(2024, 5, 14, 10, 30)),
        ("modified", "14 May 2024", datetime.datetime(2024, 5, 14)),
    ],
)
def test_check_date_accepts(key, value, expected):
    assert frontmatter.check_date(key, value) == expected


# plain ISO dates, read without dateutil (frontmatter._plain_iso), and their neighbours that
# go the long way: each must be what dateutil makes of it, or refused with the same message
ISO_LIKE = [
    "2024-05-14",
    "2024-05-14 10:30",
    "2024-05-14T10:30",
    "2024-05-14 10:30:59",
    "2024-05-14_10:30",
    "  2024-05-14   10:30 ",
    "0050-01-01",
    "9999-12-31 23:59:59",
    "2024-02-29",
    "2023-02-29",  # no such day: refused
    "2024-13-01",
    "2024-05-14 24:00",
    "2024-05-14 10:60",
    "2024-05-14 10:30:60",
    "0000-01-01",
    "2024-05-14 10:30+02:00",  # a zone: the long way
    "2024-05-14T10:30Z",
    "2024-05-14 10",
    "2024-5-14",
    "20240514",
    "٢٠٢٤-٠٥-١٤",  # other digits: the long way
    "2024-05-14 10:30:00.5",
]


@pytest.mark.parametrize("value", ISO_LIKE)
def test_check_date_reads_plain_iso_dates_as_dateutil_does(value):
    from dateutil import parser

    text = " ".join(value.replace("_", " ").split())
    try:
        expected = parser.parse(text, default=datetime.datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        expected = None
    if frontmatter._plain_iso(text) is not None:
        assert frontmatter._plain_iso(text) == expected
        assert type(frontmatter._plain_iso(text)) is type(expected)
    if expected is None:
        with pytest.raises(frontmatter.FrontMatterError, match="must be a date like"):
            frontmatter.check_date("date", value)
    else:
        assert frontmatter.check_date("date", value) == expected


def test_plain_iso_takes_only_plain_dates():
    assert frontmatter._plain_iso("2024-05-14 10:30") == datetime.datetime(2024, 5, 14, 10, 30)
    for other in ("2024-05-14 10:30+02:00", "2023-02-29", "14 May 2024", "٢٠٢٤-٠٥-١٤", ""):
        assert frontmatter._plain_iso(other) is None


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("date", "tomorrow-ish", "Date must be a date like 2025-03-14"),
        ("modified", "2024-13-45", "Modified must be a date like"),
        ("date", "", "got ''"),
    ],
)
def test_check_date_rejects(key, value, message):
    with pytest.raises(frontmatter.FrontMatterError, match=message):
        frontmatter.check_date(key, value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2013年10月26日 23:09", "2013-10-26 23:09"),  # an adopted Chinese blog's
        ("2013年10月26日", "2013-10-26"),
        ("2013年1月5日 8:05:30", "2013-01-05 08:05:30"),
        ("２０１３年１０月２６日　２３：０９", "2013-10-26 23:09"),  # full-width, as typed
        ("2013 年 10 月 26 日", "2013-10-26"),
        ("2013年10月26号", "2013-10-26"),
        ("2013年2月30日", None),  # no such day: nothing to suggest
        ("2013年10月26日 25:00", None),
        ("2013年10月", None),  # no day
        ("10月26日", None),  # no year
        ("2013-10-26", None),
    ],
)
def test_cjk_date(value, expected):
    assert frontmatter.cjk_date(value) == expected


def test_check_date_suggests_the_iso_way_for_a_chinese_date():
    with pytest.raises(frontmatter.FrontMatterError) as raised:
        frontmatter.check_date("date", "2013年10月26日 23:09")
    assert str(raised.value) == (
        "Date must be a date like 2025-03-14 or 2025-03-14 09:30, got '2013年10月26日 23:09'; "
        "write 2013-10-26 23:09"
    )


@pytest.mark.parametrize(
    ("value", "result"),
    [("published", "published"), ("Draft", "draft"), (" hidden ", "hidden"), ("", "")],
)
def test_check_status_accepts(value, result):
    assert frontmatter.check_status(value) == result


@pytest.mark.parametrize(
    ("value", "hint"),
    [("drfat", "did you mean 'draft'?"), ("publised", "did you mean 'published'?"), ("zzz", "")],
)
def test_check_status_rejects_with_a_suggestion(value, hint):
    with pytest.raises(frontmatter.FrontMatterError) as err:
        frontmatter.check_status(value)
    assert "Status must be one of published, draft, hidden, skip" in str(err.value)
    assert hint in str(err.value)
    if not hint:
        assert "did you mean" not in str(err.value)


def test_check_value_ignores_other_keys_and_non_strings():
    frontmatter.check_value("title", "anything at all")
    frontmatter.check_value("date", datetime.datetime(2024, 1, 1))


def test_blog_posting():
    data = jsonld.blog_posting(
        headline="H" * 200,
        url="https://x.test/posts/a/",
        published=datetime.datetime(2024, 1, 2, 3, 4),
        modified=None,
        authors=[("Ada", "https://x.test/team/ada/")],
        description="",
        image=None,
        publisher="X Ltd",
        language="en",
    )
    assert data["@type"] == "BlogPosting"
    assert len(data["headline"]) == 110
    assert data["dateModified"] == data["datePublished"] == "2024-01-02T03:04:00"
    assert data["author"] == [{"@type": "Person", "name": "Ada", "url": "https://x.test/team/ada/"}]
    assert "image" not in data and "description" not in data


@pytest.mark.parametrize(
    ("html", "indexable", "canonical", "modified"),
    [
        ("<html><head><title>x</title></head><body></body></html>", True, None, None),
        ('<head><meta name="robots" content="noindex, nofollow"></head>', False, None, None),
        (
            '<head><link rel="canonical" href="https://x.test/a/">'
            '<meta property="article:modified_time" content="2024-01-01T00:00:00"></head>'
            '<body><meta name="robots" content="noindex"></body>',
            True,
            "https://x.test/a/",
            "2024-01-01T00:00:00",
        ),
        ("<head><META NAME='Robots' CONTENT='NoIndex'></head>", False, None, None),
        (
            '<head><link rel="alternate canonical" href="/a/?x=1&amp;y=2"></head>',
            True,
            "/a/?x=1&y=2",
            None,
        ),
        ("<head><link rel=canonical href=/b/></head>", True, "/b/", None),
        # names spelt with entities or in capitals still count
        ('<head><meta name="&#114;obots" content="noindex"></head>', False, None, None),
        (
            '<head><LINK REL="Canonical" HREF="/c/"><link rel="canonical" href="/d/"></head>',
            True,
            "/d/",
            None,
        ),
        (
            '<head><meta property="og:updated_time" content="2025"><link rel="icon" href="/i">'
            '<meta name="description" content="robots.txt explained"><link rel="stylesheet"'
            ' href="/s.css"></head>',
            True,
            None,
            "2025",
        ),
    ],
)
def test_read_head(html, indexable, canonical, modified):
    assert sitemap.read_head(html) == sitemap.PageHead(indexable, canonical, modified)


@pytest.mark.parametrize(
    ("relpath", "url"),
    [
        ("index.html", "https://x.test/"),
        ("posts/a/index.html", "https://x.test/posts/a/"),
        ("404.html", "https://x.test/404.html"),
    ],
)
def test_url_for(relpath, url):
    assert sitemap.url_for("https://x.test", relpath) == url


def test_render_sitemap_sorts_dedups_and_escapes():
    xml = sitemap.render([("https://x.test/b?x=1&y=2", None), ("https://x.test/a/", "2024")] * 2)
    assert xml.count("<url>") == 2
    assert xml.index("/a/") < xml.index("/b?")
    assert "&amp;y=2" in xml and "<lastmod>2024</lastmod>" in xml


@pytest.mark.parametrize(
    ("zone", "said"),
    [
        ("Europe/London", None),
        ("UTC", None),
        ("America/Argentina/Buenos_Aires", None),
        (None, None),  # not set: Pelican's default
        ("Europe/Londn", "got 'Europe/Londn' (did you mean 'Europe/London'?)"),
        ("europe/paris", "(did you mean 'Europe/Paris'?)"),
        ("CEST", "got 'CEST'"),
        ("Europe/London ", "got 'Europe/London '"),
        ("", "got ''"),
        ("../../etc/passwd", "got '../../etc/passwd'"),
        (1, "got 1"),
    ],
)
def test_timezone_is_one_the_database_knows(zone, said):
    """A mistyped TIMEZONE was an error on every file read, then a traceback, none naming it."""
    settings = {} if zone is None else {"TIMEZONE": zone}
    if said is None:
        configure(settings)
        return
    with pytest.raises(SettingsError, match="TIMEZONE must be a time zone name") as raised:
        configure(settings)
    assert said in str(raised.value)


def test_configure_defaults_and_errors():
    assert configure({}) == {**DEFAULTS, "DOCUTILS_SETTINGS": {"file_insertion_enabled": False}}
    assert configure({"BLOGCORE_WORDS_PER_MINUTE": 100})["BLOGCORE_WORDS_PER_MINUTE"] == 100
    for bad in ({"BLOGCORE_WORDS_PER_MINUTE": 0}, {"BLOGCORE_WORDS_PER_MINUTE": "fast"}):
        with pytest.raises(SettingsError, match="BLOGCORE_WORDS_PER_MINUTE"):
            configure(bad)
    with pytest.raises(SettingsError, match="BLOGCORE_STRICT"):
        configure({"BLOGCORE_STRICT": "yes"})
    with pytest.raises(SettingsError, match="BLOGCORE_TEMPLATE_CACHE must be True or False"):
        configure({"BLOGCORE_TEMPLATE_CACHE": 1})
    with pytest.raises(
        SettingsError, match=r"unknown setting BLOGCORE_STRIKT \(did you mean BLOGCORE_STRICT\?\)"
    ):
        configure({"BLOGCORE_STRIKT": True})


@pytest.mark.parametrize(
    ("bundles", "message"),
    [
        ([], "BLOGCORE_BUNDLES must be a dict"),
        ({"css": "css/site.css"}, r"BLOGCORE_BUNDLES\['css'\] must be a dict"),
        ({"css": {"output": "site.css", "content": []}}, r"unknown key 'content' \(did you mean"),
        ({"css": {"output": "site.scss", "contents": ["a.css"]}}, "must be a .css or .js"),
        ({"css": {"output": "site.css", "contents": []}}, r"\['contents'\] must be a list"),
        ({"js": {"output": "a.js", "contents": ["a.js"], "when": True}}, "a setting's name"),
    ],
)
def test_configure_rejects_bad_bundles(bundles, message):
    with pytest.raises(SettingsError, match=message):
        configure({"BLOGCORE_BUNDLES": bundles})


def test_build_bundles_with_webassets(tmp_path):
    source = tmp_path / "static"
    (source / "css").mkdir(parents=True)
    (source / "css" / "a.css").write_text("a {\n  color: red;\n}\n", encoding="utf-8")
    (source / "css" / "b.css").write_text("/* b */\nb { margin: 0 }\n", encoding="utf-8")
    (source / "app.js").write_text("var answer = 42;  // why\n", encoding="utf-8")
    bundles = {
        "css": ("css/site.%(version)s.min.css", ["css/b.css", "css/a.css"]),
        "js": ("js/site.%(version)s.min.js", ["app.js"]),
    }
    urls = assets.build(bundles, str(source), str(tmp_path / "out" / "theme"), "theme")
    css = urls["css"].removeprefix("theme/")
    assert urls["css"].startswith("theme/css/site.") and urls["css"].endswith(".min.css")
    assert (tmp_path / "out" / "theme" / css).read_text() == "b{margin:0}a{color:red}"
    assert (tmp_path / "out" / "theme" / urls["js"].removeprefix("theme/")).read_text() == (
        "var answer=42;"
    )
    # the file's name is its content's hash: no manifest is kept anywhere
    digest = hashlib.md5(b"b{margin:0}a{color:red}").hexdigest()[:8]
    assert css == f"css/site.{digest}.min.css"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "static"]
    # a changed source is a new file name; the same sources are the same name
    again = assets.build(bundles, str(source), str(tmp_path / "out2"), "theme")
    assert again == urls
    (source / "app.js").write_text("var answer = 43;\n", encoding="utf-8")
    changed = assets.build(bundles, str(source), str(tmp_path / "out" / "theme"), "theme")
    assert changed["css"] == urls["css"] and changed["js"] != urls["js"]


def test_bundles_kept_in_the_cache_are_written_as_webassets_wrote_them(tmp_path):
    source = tmp_path / "static"
    (source / "css").mkdir(parents=True)
    (source / "css" / "a.css").write_text("a {\n  color: red;\n}\n", encoding="utf-8")
    (source / "app.js").write_text("var answer = 42;  // why\n", encoding="utf-8")
    bundles = {
        "css": ("css/site.%(version)s.min.css", ["css/a.css"]),
        "js": ("js/site.%(version)s.min.js", ["app.js"]),
    }
    cache = tmp_path / "cache"

    def built(out: str) -> tuple[dict[str, str], dict[str, bytes]]:
        urls = assets.build(
            bundles, str(source), str(tmp_path / out / "theme"), "theme", str(cache)
        )
        written = tmp_path / out / "theme"
        return urls, {str(p.relative_to(written)): p.read_bytes() for p in written.rglob("*.*")}

    fresh = built("fresh")
    assert len(list(cache.iterdir())) == 2  # one file per bundle
    kept = {p: p.read_bytes() for p in cache.iterdir()}
    assert built("cached") == fresh  # the same URLs and bytes, from the cache
    assert {p: p.read_bytes() for p in cache.iterdir()} == kept
    # a changed source builds that bundle again; the cache keeps the new one in its place
    (source / "app.js").write_text("var answer = 43;\n", encoding="utf-8")
    changed_urls, changed = built("changed")
    assert changed_urls["css"] == fresh[0]["css"] and changed_urls["js"] != fresh[0]["js"]
    assert changed[changed_urls["js"].removeprefix("theme/")] == b"var answer=43;"
    assert len(list(cache.iterdir())) == 2
    # a damaged cache file is built again, not written out
    for path in cache.iterdir():
        path.write_bytes(path.read_bytes()[:40])
    assert built("damaged") == built("changed")
    # a source that is gone is webassets' own error, cache or not
    (source / "app.js").unlink()
    with pytest.raises(BundleError, match=r"app\.js"):
        built("gone")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<div class="highlight"><pre><span></span>x</pre></div>',
            '<div class="highlight"><pre tabindex="0"><span></span>x</pre></div>',
        ),
        (
            '<div class="highlight"><pre tabindex="-1">x</pre></div>',
            '<div class="highlight"><pre tabindex="-1">x</pre></div>',
        ),
        ("<pre>plain</pre>", "<pre>plain</pre>"),
        ('<td style="text-align: right;">3</td>', '<td class="align-right">3</td>'),
        ('<th style="text-align: center;">a</th>', '<th class="align-center">a</th>'),
        ('<p style="color: red">kept</p>', '<p style="color: red">kept</p>'),
        # found by the parser on any line, spliced in place; the rest keeps its bytes (and
        # the table is in its box: test_blogcore_tables.py)
        (
            '<p>a</p>\n<table>\n<tr><td\tstyle="text-align:left">1</td>\n'
            '<td id=x style="text-align: center;">2</td></tr></table>',
            '<p>a</p>\n<div class="table-scroll" tabindex="0"><table>\n<tr><td class="align-left">1'
            '</td>\n<td id=x class="align-center">2</td></tr></table></div>',
        ),
        (
            '<div class="highlight">\n  <pre><span></span>a</pre></div>\n<P>b</P>',
            '<div class="highlight">\n  <pre tabindex="0"><span></span>a</pre></div>\n<P>b</P>',
        ),
        (  # something between the <div> and the <pre>: left alone, as before
            '<div class="highlight"><span class="filename">x</span><pre>a</pre></div>',
            '<div class="highlight"><span class="filename">x</span><pre>a</pre></div>',
        ),
        (  # in a comment or in text, not an element: left alone
            '<!-- <td style="text-align: left;"> --><p>style="text-align: left;"</p>',
            '<!-- <td style="text-align: left;"> --><p>style="text-align: left;"</p>',
        ),
    ],
)
def test_tidy_html(html, expected):
    assert text.tidy_html(html) == expected


@pytest.mark.parametrize(
    ("html", "names", "found"),
    [
        ("<p>a</p>", (), [(0, "p")]),
        ("x\n<p>a<em>b</em></p>\r\n  <img src=y>", (), [(2, "p"), (6, "em"), (24, "img")]),
        ('<p title="a\nb">c</p><p>d</p>', ("p",), [(0, "p"), (20, "p")]),
        ("<!-- <p> --><b>x</b>", (), [(12, "b")]),
    ],
)
def test_located(html, names, found):
    located = list(text.located(html, *names))
    assert [(at, tag.name) for at, tag in located] == found
    assert all(html.startswith(f"<{tag.name}", at) for at, tag in located)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Hi <script>alert(1)</script>there</p>", "<p>Hi there</p>"),
        ('<img src="/a.png" alt="A" onerror="alert(1)">', '<img src="/a.png" alt="A">'),
        ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="{static}/images/a.png">a</a>', '<a href="{static}/images/a.png">a</a>'),
        ('<a href="#fn:1" class="footnote-ref">1</a>',
         '<a href="#fn:1" class="footnote-ref">1</a>'),
        ('<p style="color:red">x</p><style>p {}</style>', "<p>x</p>"),
        ('<iframe src="https://x.test/"></iframe><form><input></form>', ""),
        ('<div class="highlight"><pre tabindex="0"><span class="k">def</span></pre></div>',
         '<div class="highlight"><pre tabindex="0"><span class="k">def</span></pre></div>'),
        ('<table><tr><td class="align-right" colspan="2">1</td></tr></table>',
         '<table><tbody><tr><td class="align-right" colspan="2">1</td></tr></tbody></table>'),
        ('<h2 id="why">Why</h2><!-- a note -->', '<h2 id="why">Why</h2>'),
        ("", ""),
    ],
)  # fmt: skip
def test_sanitize_html(html, expected):
    assert text.sanitize_html(html) == expected


@pytest.mark.parametrize(
    ("key", "name", "slug", "ok"),
    [
        ("title", "Short", "short", True),
        ("title", "x" * 150, "x" * 150, True),
        ("title", "x" * 151, "x" * 151, False),
        ("tags", "é" * 80, "é" * 80, False),  # bytes, not characters: a file name's limit
    ],
)
def test_check_url_part(key, name, slug, ok):
    if ok:
        frontmatter.check_url_part(key, name, slug)
    else:
        with pytest.raises(frontmatter.FrontMatterError, match="makes a web address of"):
            frontmatter.check_url_part(key, name, slug)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-05-01 10:00 CEST", "time zone name is not understood"),
        ("May 3", "give the year, month and day"),
        ("2024", "give the year, month and day"),
        ("tuesday", "give the year, month and day"),
        ("next tuesday", "must be a date like"),
        ("01/02/2024", "either way round"),
        ("05-12-2026 09:00", "either way round"),  # dateutil: 12 May; the writer: 5 December
        ("01.11.2026", "either way round"),
        ("26-11-01", "the year in four digits"),  # dateutil: 26 November 2001
        ("2026-11-01 10:00+25:00", "time zone offset is not one"),
    ],
)
def test_check_date_refuses_what_would_be_read_wrong(value, message):
    with pytest.raises(frontmatter.FrontMatterError, match=message):
        frontmatter.check_date("date", value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("13/02/2024", datetime.datetime(2024, 2, 13)),  # only one reading
        ("01/01/2024", datetime.datetime(2024, 1, 1)),
        ("14-03-2026", datetime.datetime(2026, 3, 14)),
        ("2024-05-01 10:00 UTC", datetime.datetime(2024, 5, 1, 10, tzinfo=datetime.UTC)),
    ],
)
def test_check_date_accepts_unambiguous(value, expected):
    assert frontmatter.check_date("date", value) == expected


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("date", "Friday 5 December 2026", "Date says Friday, but 5 December 2026 is a Saturday"),
        ("modified", "Mon, 03 Nov 2026 09:00:00 +0000", "Modified says Monday, but 3 November"),
        ("date", "Saturday 5 December 2026", None),
        ("date", "sat 5 dec 2026", None),  # any case, short
        ("date", "2026-12-05 09:00", None),  # no weekday
        ("date", "Friday", None),  # no date: check_date's error
        ("date", "Friday 2026-12-45", None),
    ],
)
def test_weekday_problem(key, value, expected):
    found = frontmatter.weekday_problem(key, value)
    assert (expected in found) if expected else found is None


@pytest.mark.parametrize(
    ("value", "advice"),
    [
        # the value without its weekday, as read: the time and offset kept (probe 25, 1)
        ("Tuesday 15 January 2027 09:00", "(2027-01-15 09:00)"),
        ("Fri, 05 Dec 2026 10:00:00 +0000", "(2026-12-05 10:00+00:00)"),
        ("Tue 15 Jan 2027 09:00:30", "(2027-01-15 09:00:30)"),
        ("Tue 15 Jan 2027 00:00 +01:00", "(2027-01-15 00:00+01:00)"),
        ("Tue 15 Jan 2027 9am UTC", "(2027-01-15 09:00+00:00)"),
        ("Tuesday 15 January 2027", "(2027-01-15)"),  # the day alone, as written
    ],
)
def test_weekday_problem_advice_keeps_the_time_and_offset(value, advice):
    found = frontmatter.weekday_problem("date", value)
    assert found.endswith(f"or write it without the weekday {advice}")


LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ((2026, 3, 29, 1, 30), "does not exist in Europe/London"),
        ((2026, 3, 29, 1, 0), "such as 2026-03-29 02:00+01:00"),  # the first minute skipped
        ((2026, 10, 25, 1, 30), "or 2026-10-25 01:30+00:00 (the second)"),
        ((2026, 10, 25, 1, 59, 30), "2026-10-25 01:59:30+01:00 (the first)"),
        ((2026, 3, 29, 0, 59), None),
        ((2026, 3, 29, 2, 0), None),  # clocks show 02:00 once
        ((2026, 10, 25, 2, 0), None),
        ((2026, 10, 25, 0, 59), None),
    ],
)
def test_local_time_problem(value, expected):
    found = frontmatter.local_time_problem("date", datetime.datetime(*value), LONDON)
    assert (expected in found) if expected else found is None


def test_local_time_problem_leaves_a_time_with_its_offset_alone():
    when = datetime.datetime(2026, 10, 25, 1, 30, tzinfo=datetime.UTC)
    assert frontmatter.local_time_problem("date", when, LONDON) is None
    assert frontmatter.local_time_problem("date", when.replace(tzinfo=None), datetime.UTC) is None


@pytest.mark.parametrize(
    "value",
    # zh-CN and zh-TW: BCP 47 as pages write them (Babel adds the script: zh-Hans-CN)
    ["en", "fr", "en-GB", "pt-BR", "zh-Hans", "de-CH", "es-419", "zh-CN", "zh-TW", "zh-Hant-TW"],
)
def test_check_lang_accepts(value):
    assert frontmatter.check_lang(value) == value


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("xx", ""),
        ('en"', "did you mean 'en'"),
        ("fr ca", ""),
        ("", ""),
        ("e", ""),
        ("en/..", ""),
        # known to Babel, but not as <html lang> and the /fr/ addresses need them
        ("FR", "(write 'fr')"),
        ("pt_BR", "(write 'pt-BR')"),
        ("pt-br", "(write 'pt-BR')"),
        ("zh_CN", "(write 'zh-CN')"),
        ("zh-cn", "(write 'zh-CN')"),
        # no region nobody wrote: fr-FR found no catalog where fr's was (probe 18, finding 1)
        ("fr_FR", "(write 'fr-FR')"),
        ("fre", "(write 'fr')"),
        ("iw", "(write 'he')"),
        ("in", "(write 'id')"),
        ("chi", "(write 'zh')"),
        # a country's code for its language, a language's English name (probe 7, finding 20)
        ("ua", "(did you mean 'uk' (Ukrainian)?)"),
        ("jp", "(did you mean 'ja' (Japanese)?)"),
        ("kr", "(did you mean 'ko' (Korean)?)"),
        ("cn", "(did you mean 'zh' (Chinese)?)"),
        ("english", "(did you mean 'en' (English)?)"),
        ("French", "(did you mean 'fr' (French)?)"),
    ],
)
def test_check_lang_rejects(value, hint):
    with pytest.raises(frontmatter.FrontMatterError, match="Lang must be a language code") as err:
        frontmatter.check_lang(value)
    assert hint in str(err.value)


def test_und_is_no_language_to_write():
    with pytest.raises(frontmatter.FrontMatterError, match="Lang must be a language code") as err:
        frontmatter.check_lang("und")
    assert "write" not in str(err.value)  # it said: write 'en-US'


@pytest.mark.parametrize(
    ("date", "modified", "ok"),
    [
        (datetime.datetime(2024, 5, 1, 10), datetime.datetime(2020, 1, 1), False),
        (datetime.datetime(2024, 5, 1, 10), datetime.datetime(2024, 5, 1), True),  # same day
        (datetime.datetime(2024, 5, 1), datetime.datetime(2024, 6, 1), True),
        (datetime.datetime(2024, 5, 1), None, True),
    ],
)
def test_check_modified(date, modified, ok):
    if ok:
        frontmatter.check_modified(date, modified)
    else:
        with pytest.raises(frontmatter.FrontMatterError, match=r"Modified \(2020-01-01\)"):
            frontmatter.check_modified(date, modified)


@pytest.mark.parametrize(
    ("html", "body"),
    [
        ("", False),
        ("  \n ", False),
        ("<!-- x -->\n", False),
        ("<!-- x -->\n<!-- <p>y</p> -->", False),
        ("<!-- x --> words", True),
        ("<!-- x --><hr>", True),
        ("<p>x</p>", True),
        ("<hr>", True),
    ],
)
def test_has_body(html, body):
    assert frontmatter.has_body(html) is body


def _has_body_by_parse(html: str) -> bool:
    """has_body as beautifulsoup4 reads it, element by element (the oracle of its quick look)."""
    return any(
        not isinstance(node, Comment) and (not isinstance(node, str) or node.strip())
        for node in BeautifulSoup(html, "html.parser").descendants
    )


@pytest.mark.parametrize(
    "html",
    [
        "<!-- x --></p>",  # a stray end tag: nothing
        "<!-- x --></p> <!-- y -->",
        "<!-- x -- > <p>y</p> -->",  # the parser may end a comment sooner than the look
        "<!-- x --!> <p>y</p> -->",
        "<!--> <p>y</p> -->",
        "<!---> <p>y</p> -->",
        "<!-- x --><p>y</p>",
        "<!-- <p>y</p>",  # never closed
        "<p>y</p><!-- x",
        "<!-- x --><!DOCTYPE html>",
        "<!-- x --><![CDATA[y]]>",
        "<!-- x --><?php y ?>",
        "<!-- x --><script>// -->\n</script>",
        '<!-- x --><img alt="<!-- y -->">',
        "<!-- x -->&nbsp;",
        "<!-- x -->< p>",
    ],
)
def test_has_body_says_what_a_parse_says(html):
    assert frontmatter.has_body(html) is _has_body_by_parse(html)


@pytest.mark.parametrize(
    ("source", "fragments"),
    [
        ("Title: A\nDate: 2024-01-01\n\nBody", []),
        ("---\nTitle: A\n---\n\nBody", []),
        ("Title: A\nSummary: one\n    two\n\nBody", []),  # a continuation line
        ("Title: A\nTitle: B\n\nBody", ["Title is given twice (lines 1 and 2)"]),
        ("Title: A\nSeries index: 2\n\nBody", ["line 2 'Series index: 2'", "Series_index:"]),
        ("Title: A\nHello there\n\nBody", []),  # plain text, not a key: left alone
        ("Title:\n\nBody", ["Title is empty"]),
        ("Title: A\nSave_as:\n\nBody", ["Save_as is empty"]),
        ("Title: A\nTags: a, b\n    c\n\nBody", ["Tags goes on to line 3"]),
        ("Title: A\nPhoto: a\nPhoto: b\n\nBody", []),  # unknown keys: unknown()'s
        ("Title: A\n\tTitle: B\n\nBody", ["Title goes on to line 2"]),  # a tab is 4 spaces
    ],
)
def test_check_header(source, fragments):
    errors = "; ".join(frontmatter.check_header(frontmatter.scan_header(source)))
    for fragment in fragments:
        assert fragment in errors
    if not fragments:
        assert errors == ""


@pytest.mark.parametrize(
    ("metadata", "held", "said", "left"),
    [
        ({"draft": "true"}, "draft", "Draft: true is Hugo's way", {}),
        ({"draft": " True "}, "draft", "Draft: true is Hugo's way", {}),
        ({"draft": "maybe"}, "draft", "Draft: maybe is Hugo's way", {}),  # the safe reading
        ({"draft": "false"}, None, "Draft: false is Hugo's key and is ignored", {}),
        ({"published": "false"}, "draft", "Published: false is Jekyll's way", {}),
        ({"published": "no"}, "draft", "Published: no is Jekyll's way", {}),
        ({"published": "true"}, None, "is Jekyll's key and is ignored: a post is published", {}),
        (
            {"draft": "true", "status": "published"},
            None,
            "Status says it",
            {"status": "published"},
        ),
        ({"title": "A"}, None, None, {"title": "A"}),
        # a Jekyll theme's (Chirpy's) way to keep a post off the home page and lists
        (
            {"hidden": "true"},
            "hidden",
            "Hidden: true is a Jekyll theme's way to keep a post off the lists; here it is "
            "Status: hidden, and the post is left off the home page, lists and feeds (write "
            "Status: hidden instead)",
            {},
        ),
        ({"hidden": "false"}, None, "a post is listed unless it says Status: hidden", {}),
        ({"draft": True}, "draft", "Draft: true is Hugo's way", {}),  # TOML's boolean
    ],
)
def test_other_engine_status(metadata, held, said, left):
    metadata = dict(metadata)
    found, lines = frontmatter.other_engine_status(metadata)
    assert found == held
    assert metadata == left  # the key is said here, not again as an unknown key
    if said is None:
        assert lines == []
    else:
        assert len(lines) == 1 and said in lines[0]


def test_a_draft_wins_over_hidden():
    found, lines = frontmatter.other_engine_status({"hidden": "true", "draft": "true"})
    assert found == "draft" and len(lines) == 2


NOW = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=datetime.UTC)
DATE = datetime.datetime(2026, 5, 1, 9, 0)


@pytest.mark.parametrize(
    ("metadata", "page", "found", "said"),
    [
        # an embargo: the post goes out then, as a post dated then does
        (
            {"date": DATE, "publishdate": "2031-01-01T09:00:00Z"},
            False,
            {"date": "2031-01-01T09:00:00Z"},
            "Publishdate: 2031-01-01T09:00:00Z is Hugo's date for the post to go out; here it is "
            "read as Date: 2031-01-01T09:00:00Z, so the post waits until then like any post "
            "dated later (write Date: 2031-01-01T09:00:00Z in place of the Date: line)",
        ),
        # Hugo's date falls back to publishDate
        (
            {"publishdate": "2031-01-01"},
            False,
            {"date": "2031-01-01"},
            "read as Date: 2031-01-01, so the post waits until then like any post dated later "
            "(write Date: 2031-01-01 instead)",
        ),
        ({"date": DATE, "pubdate": "2026-05-02"}, False, {"date": "2026-05-02"}, "(write Date"),
        # not after Date: the post goes out on its Date as it would
        ({"date": DATE, "publishdate": "2026-04-01"}, False, {}, "it is not after Date"),
        # a page is published at once: an embargo keeps it out as a draft
        ({"publishdate": "2031-01-01"}, True, {"status": "draft"}, "kept out as a draft"),
        ({"publishdate": "2020-01-01"}, True, {}, "it has passed, and the line is ignored"),
        (
            {"date": DATE, "expirydate": "2026-05-30T23:59:00Z"},
            False,
            {"status": "draft"},
            "Expirydate: 2026-05-30T23:59:00Z is Hugo's date to take the post down, and it has "
            "passed; here it is Status: draft, and the post is kept out as a draft (write "
            "Status: draft instead)",
        ),
        (
            {"date": DATE, "expirydate": "2027-01-01"},
            False,
            {},
            "Expirydate: 2027-01-01 is Hugo's date to take the post down; this site does not "
            "take it down then: on that day, write Status: draft (and remove this line)",
        ),
        ({"unpublishdate": "2026-01-01", "status": "published"}, False, {}, "Status says it"),
        ({"date": DATE}, False, {}, None),
        # a reader that converts values (TOML's dates): still read, never left to leak
        (
            {"date": DATE, "publishdate": datetime.datetime(2031, 1, 1, 9, 0)},
            False,
            {"date": "2031-01-01T09:00:00"},
            "read as Date: 2031-01-01T09:00:00",
        ),
    ],
)
def test_other_engine_dates(metadata, page, found, said):
    metadata = dict(metadata)
    got, lines = frontmatter.other_engine_dates(metadata, NOW, page)
    assert got == found
    assert not set(metadata) & {"publishdate", "pubdate", "expirydate", "unpublishdate"}
    if said is None:
        assert lines == []
    else:
        assert len(lines) == 1 and said in lines[0], lines


def test_a_publish_date_that_is_no_date_is_an_error():
    with pytest.raises(frontmatter.FrontMatterError, match="Publishdate must be a date like"):
        frontmatter.other_engine_dates({"publishdate": "soon"}, NOW)


@pytest.mark.parametrize(
    ("metadata", "value", "said"),
    [
        (
            {"aliases": "/post/reverse-vpn/, /2019/01/reverse-vpn"},
            "/post/reverse-vpn/, /2019/01/reverse-vpn",
            "Aliases: /post/reverse-vpn/, /2019/01/reverse-vpn are Hugo's old addresses of the "
            "post; here they are read as Redirect_from, so they redirect to the post (write "
            "Redirect_from: /post/reverse-vpn/, /2019/01/reverse-vpn instead)",
        ),
        (
            {"permalink": "/2010/08/23/rdd.html"},
            "/2010/08/23/rdd.html",
            "Permalink: /2010/08/23/rdd.html is Jekyll's address for the post, its old one "
            "now; here it is read as Redirect_from, so it redirects to the post (write "
            "Redirect_from: /2010/08/23/rdd.html instead)",
        ),
        # from the site's root, as Jekyll reads it; a written Redirect_from keeps its own
        (
            {"permalink": "about.html", "redirect_from": "/old/"},
            "/old/, /about.html",
            "(write Redirect_from: /about.html instead)",
        ),
        ({"aliases": ["/a/", "/b/"]}, "/a/, /b/", "Aliases: /a/, /b/ are Hugo's"),
        # Obsidian's aliases are names of the note, not addresses: ignored, with one line
        (
            {"aliases": ["Q2 planning", "Planning"]},
            None,
            "Aliases: Q2 planning, Planning are other names of the note (Obsidian's aliases), "
            "not old addresses of the post, and are ignored: remove the line (an old address "
            "that should redirect here is a path: Redirect_from: /posts/old-slug/)",
        ),
        ({"aliases": "Roadmap"}, None, "Aliases: Roadmap is another name of the note"),
        # the pelican-alias plugin's: one or several, separated by spaces or commas
        (
            {"alias": "/geopolitics/2020/08/16/mackinder-on-ai/, /2020/08/16/mackinder/"},
            "/geopolitics/2020/08/16/mackinder-on-ai/, /2020/08/16/mackinder/",
            "Alias: /geopolitics/2020/08/16/mackinder-on-ai/, /2020/08/16/mackinder/ are the "
            "pelican-alias plugin's old addresses of the post; here they are read as "
            "Redirect_from, so they redirect to the post (write Redirect_from: "
            "/geopolitics/2020/08/16/mackinder-on-ai/, /2020/08/16/mackinder/ instead)",
        ),
        ({"alias": "/a.html  /b/"}, "/a.html, /b/", "Alias: /a.html, /b/ are the pelican-alias"),
        ({"alias": "/old/"}, "/old/", "Alias: /old/ is the pelican-alias plugin's old address"),
        # a pattern is no address
        ({"permalink": "/:year/:title/"}, None, "is Jekyll's pattern for addresses"),
        ({"permalink": "pretty"}, None, "is Jekyll's pattern for addresses"),
        ({"title": "A"}, None, None),
    ],
)
def test_other_engine_addresses(metadata, value, said):
    metadata = dict(metadata)
    got, lines, read = frontmatter.other_engine_addresses(metadata)
    assert got == value
    assert not {"aliases", "permalink", "alias"} & set(metadata)
    # an address's line waits for the post's own address (blogcore's on_sources_known)
    lines += [frontmatter.old_address_line(key, paths) for key, paths in read]
    if said is None:
        assert lines == []
    else:
        assert len(lines) == 1 and said in lines[0], lines


def test_hugo_address_beside_an_obsidian_name():
    got, lines, read = frontmatter.other_engine_addresses({"aliases": ["/old/", "Old plan"]})
    assert (got, read) == ("/old/", [("aliases", ("/old/",))])
    assert len(lines) == 1 and lines[0].startswith("Aliases: Old plan is another name"), lines


@pytest.mark.parametrize(
    ("path", "save_as", "own"),
    [
        ("/about/", "about/index.html", True),
        ("/about", "about/index.html", True),  # a static host serves the folder there too
        ("/about/index.html", "about/index.html", True),
        ("/posts/a%20b/", "posts/a b/index.html", True),
        ("/about.html", "about/index.html", False),
        ("/2010/08/23/x.html", "posts/x/index.html", False),
        ("/?p=12", "index.html", False),
        ("https://blog.example.org/about/", "about/index.html", False),  # not a site path
    ],
)
def test_is_own_address(path, save_as, own):
    assert frontmatter.is_own_address(path, save_as) is own


@pytest.mark.parametrize(
    ("key", "present", "expected"),
    [
        ("titel", (), "unknown key 'Titel' is ignored (did you mean Title?)"),
        # an old theme's "last updated": not a typo of Date
        (
            "update",
            ("date",),
            "unknown key 'Update' is ignored (did you mean Modified? this site's key for the "
            'date a post was last updated, shown as "Updated …")',
        ),
        ("lastmod", ("date",), "(did you mean Modified?"),
        ("last_modified", (), "(did you mean Modified?"),
        ("description", (), "(did you mean Summary? this site's key for the text shown on"),
        ("excerpt", (), "(did you mean Summary?"),
        ("categories", (), "(did you mean Category? a post here has one category"),
        # never a key the file gives already: that one is read, and the line says so
        ("update", ("date", "modified"), "ignored (this site's key is Modified, given in this"),
        ("excerpt", ("summary",), "ignored (this site's key is Summary, given in this file too"),
        ("sumary", ("summary",), "unknown key 'Sumary' is ignored (this site's key is Summary"),
        ("categories", ("category",), "(this site's key is Category, given in this file too"),
        ("thumbnail", (), "unknown key 'Thumbnail' is ignored"),
    ],
)
def test_unknown_key_suggestions(key, present, expected):
    line = frontmatter.unknown(key, present=frozenset(present)).message
    assert line == expected if expected.endswith("ignored") else expected in line


def test_other_engines_names_are_warnings_not_typos():
    # a typo loses what the writer meant (an error in a publish); another engine's key is
    # only foreign (a warning)
    assert frontmatter.close_key("sumary") == "summary"
    assert frontmatter.close_key("update") is None
    assert frontmatter.close_key("sumary", present=frozenset({"summary"})) is None


@pytest.mark.parametrize(
    ("value", "swallowed", "said"),
    [
        ("we are hiring in Leeds this spring.", True, True),
        # a custom key written last, a blank line (or the closing ---) below it: a key
        ("Petit test de New England IPA.", False, False),
        ("short one", True, False),
    ],
)
def test_text_read_as_key(value, swallowed, said):
    line = frontmatter.text_read_as_key("note", value, swallowed)
    assert (line is not None) is said


TEAM_KEYS = ("name", "role", "photo", "pronouns", "email")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # a team file's key lost its colon: the keys below it were the bio's first paragraph
        (
            "Name: Ada\nRole Engineer\nEmail: a@example.org\n\nBio",
            "line 2 'Role Engineer' is not front matter (write Role: Engineer); as it is, the "
            "front matter ends there, and it and the lines below it (Email) are shown as the bio",
        ),
        ("Name: Ada\nAda joined in 2020.\n\nBio", None),  # text right after the keys
        ("Name: Ada\nAda joined in 2020.\nShe likes: tea\n\nBio", None),  # not a key of its
        ("Name: Ada\nFavourite tea: mint\n\nBio", "(a key is one word)"),
        ("Name: Ada\nFavourite tool vim\nPhoto: a.jpg\n\nBio", "Key: value); as it is"),
        ("Name: Ada\nPro nouns: she/her\n\nBio", "(write Pronouns: she/her)"),
        ("Name: Ada\nRole : Engineer\n\nBio", "(write Role: Engineer)"),  # the value kept
        ("Name: Ada\nRole:\n  - Engineer\n\nBio", "Role is a YAML list (line 3"),
        ("Name: Ada\nRole: Engineer\n\nBio", None),
        ("Role Engineer\nName: Ada\n\nBio", None),  # no key above: Name: is not read either
        # a post's keys are not a team file's: Email below a lost colon is not one of its keys
        ("Title: A\nCategory Company\nEmail: a@example.org\n\nBody", None),
    ],
)
def test_stopper_problem_with_a_kind_s_own_keys(source, expected):
    known = TEAM_KEYS if source.startswith(("Name", "Role")) else frontmatter.KNOWN_KEYS
    header = frontmatter.scan_header(source, known)
    problem = frontmatter.stopper_problem(header, known, "the bio")
    if expected is None:
        assert problem is None
    elif expected.startswith("line"):
        assert problem == expected
    else:
        assert expected in problem


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ("Title: A\nTags: a; b | c\n\nB", "write Tags: a, b, c"),
        ("Title: A\nTags: a; b\n\nB", None),  # Pelican splits at semicolons when it has any
        ("Title: A\nTags: a; b, c\n\nB", "write Tags: a, b, c"),  # then "b, c" is one tag
        ("Title: A\nTags: a,, b ,c\n\nB", None),
        ("Title: A\nTags: #python #rust-lang\n\nB", "write Tags: python, rust-lang"),
        ("Title: A\nTags: C#, F#\n\nB", None),
        # read as typed, # and all: the advice drops the #, never repeats the line
        (
            "Title: A\nTags: #python, #web\n\nB",
            "Tags '#python, #web' is read as the tags '#python' and '#web', # and all (a tag "
            "needs no #); write Tags: python, web",
        ),
        (
            "Title: A\nTags: #python\n\nB",
            "Tags '#python' is read as the tag '#python', # and all (a tag needs no #); "
            "write Tags: python",
        ),
        # a YAML flow list without the --- lines: Pelican keeps the brackets in two tags
        (
            "Title: A\nTags: [hiring, coop]\n\nB",
            "Tags '[hiring, coop]' is read as the tags '[hiring' and 'coop]', brackets and all "
            "(a list in brackets is YAML's, read so only between --- lines); write Tags: "
            "hiring, coop",
        ),
        ("Title: A\nTags: [#python]\n\nB", "write Tags: python"),
        ("Title: A\nTags: [draft] notes\n\nB", None),  # one tag, as the docs say
        ("Title: A\nTags: []\n\nB", None),  # no letter: check_header's error
        ("Title: A\nCategory:\n\nB", "Category is empty"),
        ("Title: A\nTranslation: maybe\n\nB", "Translation must be true or false"),
        ("Title: A\nTranslation: True\n\nB", None),
        ("Title: A\nWhatever:\n\nB", None),  # unknown keys are unknown()'s
        ("Title: A\nTags: 思考，生活\n\nB", None),  # split as commas are (split_wide)
    ],
)
def test_header_warnings(source, fragment):
    found = frontmatter.header_warnings(frontmatter.scan_header(source))
    if fragment is None:
        assert found == []
    else:
        assert len(found) == 1 and fragment in found[0]


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("Title: A\nCategory:\n\nB", "empty Category"),
        ("Title: A\nSlug:\n\nB", "empty Slug"),
        ("Title: A\nSummary:\n\nB", "empty Summary"),  # its own words, the same kind
        ("Title: A\nTranslation: maybe\n\nB", ""),
    ],
)
def test_a_line_for_an_empty_key_carries_its_kind(source, kind):
    # the reader's empty-Category line and the folder's line find it by its kind, not its
    # words: adoptB's rewording of that line had to widen the pattern that found it
    (found,) = frontmatter.header_warnings(frontmatter.scan_header(source))
    assert repeats.kind_of(found) == kind


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["[hiring", "coop]"], {"[hiring", "coop]"}),
        (["[hiring", "python", "coop]"], {"[hiring", "coop]"}),  # python is a tag as meant
        (["[hiring]"], {"[hiring]"}),
        (["[draft] notes"], set()),  # one tag, as the docs say: no line names it
        (["hiring", "coop"], set()),
        ([], set()),
    ],
)
def test_bracket_ends(tags, expected):
    # the tags header_warnings' bracket line names: no spelling clash line repeats it
    assert frontmatter.bracket_ends(tags) == expected


@pytest.mark.parametrize(
    ("relpath", "folders", "plugin_folders", "expected"),
    [
        ("posts/x.md", ["posts"], [], True),
        ("x.md", ["posts", "pages"], [], False),
        ("x.md", [""], [], True),  # Pelican's default ARTICLE_PATHS lints everything
        ("posts/x.md", [""], [], True),
        ("team/ada.md", [""], ["team", "series", "galleries"], False),
        ("galleries/a/gallery.md", [""], ["team", "galleries"], False),
        ("teamwork.md", [""], ["team"], True),  # a folder, not a prefix of a name
        ("posts/2024/x.md", ["posts/2024"], [], True),
        ("posts/x.md", ["./posts/"], [], True),
        ("x.md", [], [], False),
    ],
)
def test_is_post_or_page(relpath, folders, plugin_folders, expected):
    assert frontmatter.is_post_or_page(relpath, folders, plugin_folders) is expected


def test_plugin_folders_reads_only_configured_ones():
    settings = {"TEAM_PATH": "people", "SERIES_PATH": "", "GALLERY_PATH": None}
    assert frontmatter.plugin_folders(settings) == ["people"]


def test_unbuilt_files_and_message():
    found = ["hello.md", "posts/a.md", "team/ada.md", "drafts/b.md", "c.md", "d.md", ".#x.md"]
    left = frontmatter.unbuilt_files(found, {"posts/a.md"}, ["team"], [".#*"])
    assert left == ["c.md", "d.md", "drafts/b.md", "hello.md"]
    shown = [f"content/{f}" for f in left]
    assert frontmatter.unbuilt_message(shown[:1], "content", ["posts"], ["pages"]) == (
        "content/c.md is not built: posts go in content/posts/, pages in content/pages/ "
        "(ARTICLE_PATHS, PAGE_PATHS)"
    )
    message = frontmatter.unbuilt_message(shown, "content", [""], [])
    assert message.startswith("content/c.md, content/d.md, content/drafts/b.md and 1 more are")
    assert "posts go in content/, pages in content/" in message
    # in a folder Pelican reads: refused for its own reason (reported, or Status: skip)
    read = [(["posts", "drafts"], ["drafts/old"])]
    found += ["posts/skipped.md", "drafts/old/e.md"]
    read_left = frontmatter.unbuilt_files(found, {"posts/a.md"}, ["team"], [".#*"], read)
    assert read_left == ["c.md", "d.md", "drafts/old/e.md", "hello.md"]
    # each generator's excludes are its own: pages exclude posts/, which posts read
    # (pelicanconf.py: ARTICLE_PATHS ["posts", ""], PAGE_EXCLUDES ["posts", ""])
    read = [(["posts", ""], ["images", "pages"]), (["pages"], ["posts", ""])]
    left = frontmatter.unbuilt_files(["posts/skipped.md", "images/x.md"], set(), [], [], read)
    assert left == ["images/x.md"]


@pytest.mark.parametrize(
    ("relpath", "keys"),
    [("posts/2024-05-01-x.md", {"date"}), ("posts/x.md", set()), ("2024-05-01.md", {"date"})],
)
def test_path_metadata_keys(relpath, keys):
    pattern = r"(?P<date>\d{4}-\d{2}-\d{2}).*"  # Pelican's default FILENAME_METADATA
    assert frontmatter.path_metadata_keys(relpath, pattern, "") == keys


@pytest.mark.parametrize(
    ("slug", "ok"),
    [
        ("a-b", True),
        ("Ünïcode-ok", True),
        ("a/b", False),
        ("a b", False),
        ('a"b', False),
        ("“our-new-office”", False),  # an editor's smart quotes: a web address with them
        ("‘office’", False),
        ("«bureau»", False),
    ],
)
def test_check_slug(slug, ok):
    if ok:
        frontmatter.check_slug(slug, "x")
    else:
        with pytest.raises(frontmatter.FrontMatterError, match="try Slug: x"):
            frontmatter.check_slug(slug, "x")


def test_check_template_suggests():
    frontmatter.check_template("page", ["article", "page"])
    frontmatter.check_template("!simple/page", ["page"])
    with pytest.raises(frontmatter.FrontMatterError, match="not published; did you mean 'page'"):
        frontmatter.check_template("pgae", ["article", "page"], "page")


def test_check_template_404_says_how_to_make_the_sites_404_page():
    # Kristinita's content/404.md (Template: 404) was told to add 404.html to
    # THEME_TEMPLATES_OVERRIDES: a post template, not the site's 404 page (probe V)
    with pytest.raises(frontmatter.FrontMatterError) as raised:
        frontmatter.check_template("404", ["article", "notfound", "page"], "post", text=False)
    said = str(raised.value)
    assert "move the file to content/pages/, remove the Template: line and write its text" in said
    assert "add Save_as: 404.html" in said
    assert "THEME_TEMPLATES_OVERRIDES" not in said


@pytest.mark.parametrize(
    ("key", "fix"), [("title", "add a Slug: line"), ("category", "use letters or digits")]
)
def test_check_url_part_refuses_an_empty_web_address(key, fix):
    with pytest.raises(frontmatter.FrontMatterError, match=f"makes an empty web address.*{fix}"):
        frontmatter.check_url_part(key, "???", "")


@pytest.mark.parametrize(
    ("key", "name", "slug", "said"),
    [
        ("title", "—", "-", "Title '—' makes the web address '-', with no letter or digit"),
        ("title", "---", "-", "add a Slug: line with letters or digits"),
        ("title", "_", "_", "makes the web address '_'"),
        ("tags", "— —", "-", "Tags '— —' makes the web address '-'"),
        ("title", "Ünder", "under", ""),
        ("title", "1", "1", ""),
    ],
)
def test_check_url_part_refuses_a_web_address_without_a_letter(key, name, slug, said):
    # Pelican's slug of '—' is '-': the post was at /posts/-/, and every such title with it
    if not said:
        frontmatter.check_url_part(key, name, slug)
        return
    with pytest.raises(frontmatter.FrontMatterError, match=re.escape(said)):
        frontmatter.check_url_part(key, name, slug)


@pytest.mark.parametrize(
    ("metadata", "raises", "warns"),
    [
        ({}, "", ""),
        ({"url": "new/", "save_as": "new/index.html"}, "", ""),
        ({"url": "our-new-office"}, "give Save_as too", ""),  # links to a file never written
        ({"save_as": "x/index.html"}, "", ""),  # the reader gives it Url: x/
        ({"save_as": "404.html", "status": "hidden"}, "", ""),
    ],
)
def test_check_address(metadata, raises, warns):
    if raises:
        with pytest.raises(frontmatter.FrontMatterError, match=raises):
            frontmatter.check_address(metadata)
        return
    found = frontmatter.check_address(metadata)
    assert (warns in found[0]) if warns else found == []


NOW = datetime.datetime(2026, 12, 4, 9, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("metadata", "page", "expected"),
    [
        ({"date": datetime.datetime(2027, 5, 1)}, True, ["a page is published now"]),
        ({"date": datetime.datetime(2027, 5, 1)}, False, []),  # a post waits for its date
        ({"date": datetime.datetime(2026, 12, 4, 8, 0)}, True, []),
        ({"modified": datetime.datetime(2027, 5, 1)}, False, ["says it was updated"]),
        ({"modified": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)}, False, []),
        ({"date": datetime.datetime(1, 1, 1)}, False, ["Date (0001-01-01) is older than the web"]),
        ({"date": datetime.datetime(226, 3, 4)}, False, ["Date (0226-03-04) is older"]),
        ({"date": datetime.datetime(1991, 8, 6)}, False, []),  # an old blog's first post
        ({"modified": datetime.datetime(1900, 1, 1)}, True, ["Modified (1900-01-01) is older"]),
    ],
)
def test_date_warnings(metadata, page, expected):
    found = frontmatter.date_warnings(metadata, NOW, page)
    assert len(found) == len(expected)
    assert all(part in line for part, line in zip(expected, found, strict=True))


@pytest.mark.parametrize(
    ("named", "metadata", "page", "expected"),
    [
        # a date from the file's name is named where the writer finds it, not as a Date: line
        (
            "the date in its file's name",
            {"date": datetime.datetime(2027, 5, 1)},
            True,
            "the date in its file's name (2027-05-01) is in the future, but a page is "
            "published now",
        ),
        (
            "the date in its file's name",
            {"date": datetime.datetime(226, 3, 4)},
            False,
            "the date in its file's name (0226-03-04) is older than the web",
        ),
    ],
)
def test_date_warnings_name_where_the_date_is(named, metadata, page, expected):
    assert [expected in line for line in frontmatter.date_warnings(metadata, NOW, page, named)] == [
        True
    ]


DEFAULT_NAME = r"(?P<date>\d{4}-\d{2}-\d{2}).*"  # Pelican's FILENAME_METADATA


@pytest.mark.parametrize(
    ("relpath", "value", "filename", "path", "expected"),
    [
        (
            "posts/2026-13-45-our-news.md",
            "2026-13-45",
            DEFAULT_NAME,
            "",
            "its file's name gives the post its date (FILENAME_METADATA), and '2026-13-45' is no "
            "date: there is no month 13 (the month comes second: YYYY-MM-DD); rename the file "
            "with the day it means, as 2025-03-14-our-news.md; it is not built",
        ),
        # the example is in the setting's own way of writing a date
        (
            "posts/20260230_news.md",
            "20260230",
            r"(?P<date>\d{8})_(?P<slug>.*)",
            "",
            "its file's name gives the post its date (FILENAME_METADATA), and '20260230' is no "
            "date; rename the file with the day it means, as 20250314_news.md; it is not built",
        ),
        (
            "posts/2026/13/01/news.md",
            "2026/13/01",
            DEFAULT_NAME,
            r"posts/(?P<date>\d{4}/\d{2}/\d{2})/.*",
            "its folders give the post its date (PATH_METADATA), and '2026/13/01' is no date; "
            "move the file to the folders of the day it means, as posts/2025/03/14/news.md; it is "
            "not built",
        ),
        # no example the setting reads as a date: none given
        (
            "posts/2026-13-45-x.md",
            "2026-13-45",
            r"(?P<date>2026-\d{2}-\d{2}).*",
            "",
            "its file's name gives the post its date (FILENAME_METADATA), and '2026-13-45' is no "
            "date: there is no month 13 (the month comes second: YYYY-MM-DD); rename the file "
            "with the day it means; it is not built",
        ),
        # DEFAULT_METADATA's date, not the name's: said as before
        ("posts/news.md", "someday", DEFAULT_NAME, "", None),
    ],
)
def test_name_date_line(relpath, value, filename, path, expected):
    assert frontmatter.name_date_line(relpath, value, filename, path) == expected


def test_byline_warnings():
    assert frontmatter.byline_warnings({"author": "A", "authors": ["B"]})
    assert frontmatter.byline_warnings({"authors": ["B"]}) == []


@pytest.mark.parametrize(
    ("title", "named"),
    [
        ("Why <code>grep</code> wins", "(<code>, </code>)"),
        ("A <em>quick</em> <em>look</em>", "(<em>, </em>)"),  # once each
        ('An <abbr title="x > y">XY</abbr> title', '(<abbr title="x > y">, </abbr>)'),
        ("When x < y and y > z", None),
        ("Generics: List<String>", None),  # not a tag: shown as written, as meant
        ("Plain", None),
    ],
)
def test_title_warnings(title, named):
    found = frontmatter.title_warnings({"title": title})
    if named is None:
        assert found == []
    else:
        assert found == [
            f"Title holds HTML {named}, which is shown as written, angle brackets and all: a "
            "title is plain text; write it without tags"
        ]


EXTENSIONS = {".md", ".markdown", ".rst", ".html"}


@pytest.mark.parametrize(
    ("name", "suffix"),
    [
        ("a.md", ".md"),
        ("Windows-Post.MD", ".md"),
        ("rich.Markdown", ".markdown"),
        ("office.md.txt", ".md"),  # a text editor's .txt
        ("notes.txt", None),
        ("photo.jpg", None),
    ],
)
def test_source_suffix(name, suffix):
    assert frontmatter.source_suffix(name, EXTENSIONS) == suffix


def test_misnamed_sources_and_what_to_do():
    found = ["posts/A.MD", "posts/b.md", "posts/c.md.txt", "team/D.MD", "extra/e.md.txt"]
    picked = {"posts/b.md", "extra/e.md.txt"}  # read, or copied as a static file
    misnamed = frontmatter.misnamed_sources(found, picked, ["team"], [], EXTENSIONS)
    assert misnamed == ["posts/A.MD", "posts/c.md.txt"]
    assert frontmatter.misnamed_message("posts/A.MD", EXTENSIONS).endswith("rename it A.md")
    assert frontmatter.misnamed_message("posts/c.md.txt", EXTENSIONS).endswith("rename it c.md")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<a href="how-we-hire.md">x</a>', ["how-we-hire.md"]),
        ('<a href="../pages/About.MD#team">x</a>', ["../pages/About.MD"]),
        ('<a href="notes.rst?x=1">x</a> <a href="notes.rst">y</a>', ["notes.rst"]),
        ('<a href="{filename}how-we-hire.md">x</a>', []),  # Pelican resolves it
        ('<a href="https://github.com/o/r/blob/main/README.md">x</a>', []),  # another site
        ('<a href="/posts/x/">x</a> <img src="a.md">', []),  # not a link to follow
    ],
)
def test_source_file_links(html, expected):
    assert links.source_file_links(html) == expected


@pytest.mark.parametrize(
    ("slug", "known", "expected"),
    [
        ("python", {"python": "Python"}, None),
        ("pyton", {"python": "Python"}, "did you mean {tag}Python?"),
        ("zzz", {"python": "Python"}, "no published post has that tag"),
    ],
)
def test_taxonomy_problem(slug, known, expected):
    found = links.taxonomy_problem("{tag}" + slug, "tag", slug, known)
    assert found is None if expected is None else expected in found


def test_spelled_two_ways():
    uses = [
        urls.NameUse("a.md", "Tags", "python", "tag/python/"),
        urls.NameUse("b.md", "Tags", "python", "tag/python/"),
        urls.NameUse("c.md", "Tags", "Python", "tag/python/"),
        urls.NameUse("c.md", "Category", "C++", "category/c/"),
        urls.NameUse("d.md", "Category", "C", "category/c/"),
        urls.NameUse("d.md", "Category", "C", "category/c/"),
        urls.NameUse("e.md", "Tags", "go", "tag/go/"),
    ]
    assert urls.spelled_two_ways(uses) == [
        (
            "c.md",
            "Category 'C++' and 'C' (as d.md writes it) make one page, /category/c/: "
            "rename one of them",
        ),
        (
            "c.md",
            "Tags 'Python' and 'python' (as a.md writes it) make one page, /tag/python/: "
            "write it one way ('python')",
        ),
    ]


@pytest.mark.parametrize(
    ("relpath", "written", "path_keys", "paths", "use_folder", "expected"),
    [
        ("posts/x.md", True, set(), ["posts"], True, frontmatter.WRITTEN),
        # right in a post folder: Pelican's folder name would be "posts"
        ("posts/x.md", False, set(), ["posts"], True, frontmatter.DEFAULT),
        ("posts/x.md", False, set(), ["posts/"], True, frontmatter.DEFAULT),
        ("posts/engineering/x.md", False, set(), ["posts"], True, frontmatter.FROM_FOLDER),
        ("posts/engineering/x.md", False, set(), ["posts"], False, frontmatter.DEFAULT),
        ("posts/x.md", False, {"category"}, ["posts"], True, frontmatter.FROM_PATH),
        ("x.md", False, set(), [""], True, frontmatter.DEFAULT),
        ("notes/x.md", False, set(), [""], True, frontmatter.FROM_FOLDER),
        ("notes/x.md", False, set(), ["posts", "notes"], True, frontmatter.DEFAULT),
        # other engines' folders of posts, copied over: not topics
        ("_posts/2019-01-11-x.md", False, set(), ["posts", ""], True, frontmatter.DEFAULT),
        ("post/x.md", False, set(), ["posts", ""], True, frontmatter.DEFAULT),
        ("posts/_drafts/x.md", False, set(), ["posts"], True, frontmatter.DEFAULT),
        ("blog/Posts/x.md", False, set(), [""], True, frontmatter.DEFAULT),
        # a Hugo page bundle: the folder is the post
        ("posts/wireguard-vpn/index.md", False, set(), ["posts"], True, frontmatter.DEFAULT),
        ("posts/engineering/_index.md", False, set(), ["posts"], True, frontmatter.DEFAULT),
        ("posts/engineering/index-of-rooms.md", False, set(), ["posts"], True, "folder"),
        ("posts/_posts/x.md", True, set(), ["posts"], True, frontmatter.WRITTEN),
    ],
)
def test_category_origin(relpath, written, path_keys, paths, use_folder, expected):
    assert frontmatter.category_origin(relpath, written, path_keys, paths, use_folder) == expected


@pytest.mark.parametrize(
    ("relpath", "draft"),
    [
        ("_drafts/x.md", True),
        ("posts/drafts/x.md", True),
        ("posts/Drafts/2024/x.md", True),
        ("posts/x.md", False),
        ("posts/drafts.md", False),  # a post about drafts
        ("posts/draftsmanship/x.md", False),
        ("pages/_drafts/about.md", True),
    ],
)
def test_in_drafts_folder(relpath, draft):
    assert frontmatter.in_drafts_folder(relpath) is draft


URL = "https://blog.example.test/posts/ranges/"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>No marker, no id.</p>", "<p>No marker, no id.</p>"),
        (  # Python-Markdown's footnote marker: fn:1 and fnref:1 are every post's
            '<p>A range<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>.</p>',
            "<p>A range.</p>",
        ),
        (  # a post short enough to be its own summary: its footnotes too
            '<p>A.</p><div class="footnote"><hr><ol><li id="fn:1"><p>B.</p></li></ol></div>',
            "<p>A.</p>",
        ),
        ('<h2 id="why">Why</h2><p>See <a href="#why">why</a>.</p>', None),
    ],
)
def test_a_summary_shown_elsewhere(html, expected):
    shown = text.shown_elsewhere(html, URL)
    if expected is not None:
        assert shown == expected
    else:  # no id repeated on the page showing it; the link goes to the post's own heading
        assert shown == f'<h2>Why</h2><p>See <a href="{URL}#why">why</a>.</p>'


@pytest.mark.parametrize(
    ("save_as", "url"),
    [
        ("error.html", "error.html"),
        ("/error.html", "error.html"),
        ("about-us/index.html", "about-us/"),
        ("index.html", ""),
        ("old/page.htm", "old/page.htm"),
    ],
)
def test_url_of_save_as(save_as, url):
    assert frontmatter.url_of_save_as(save_as) == url


@pytest.mark.parametrize(
    ("save_as", "given", "url"),
    [
        # the folder Save_as writes, without its slash: that address, as the server answers it
        ("posts/foo-fr/index.html", "posts/foo-fr", "posts/foo-fr/"),
        ("posts/foo-fr/index.html", "/posts/foo-fr", "/posts/foo-fr/"),
        ("posts/foo-fr/index.html", "posts/foo-fr/", "posts/foo-fr/"),
        # a file without .html (served at /x by GitHub Pages), another place: as written
        ("posts/foo-fr.html", "posts/foo-fr", "posts/foo-fr"),
        ("posts/foo-fr/index.html", "posts/foo", "posts/foo"),
        ("index.html", "home", "home"),
    ],
)
def test_a_url_given_is_kept_but_for_its_folders_slash(save_as, given, url):
    assert frontmatter.url_of_save_as(save_as, given) == url


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Plain text, {curly} and 50% off.</p>", []),
        ("<p>{% img /images/x.png A lamp %}</p>", ["{% img /images/x.png A lamp %} is a tag"]),
        ("<p>{%youtube abc%}</p>", ["{%youtube abc%} is a tag"]),
        ("<p>{% VIDEO /v.mp4 %}</p>", ["{% VIDEO /v.mp4 %} is a tag"]),
        ("<p>{% if x %}</p>", []),  # not one of liquid_tags': a post about templates
        ("<p><code>{% img x.png %}</code></p>", []),  # shown as code on purpose
        ('<pre><code class="language-jinja">{% notebook x %}\n</code></pre>', []),
        ("<p>{! content/x.md !}</p>", ["{! content/x.md !} is markdown-include's"]),
        ("<p>Go[ref]A note.[/ref] and</p>", ["[ref]…[/ref] is the simple_footnotes"]),
        (
            "<p>[ref]a[/ref] then {% img b.png %}</p>",
            ["[ref]…[/ref] is the simple_footnotes", "{% img b.png %} is a tag"],
        ),
        # render_math's LaTeX: once per file, at its first place
        (
            "<p>Choosing $r$ items out of $n$:</p>\n<p>$$ \\frac{n!}{r!} $$</p>",
            [
                "$r$ is LaTeX math, which this site does not typeset (MathJax, the script that "
                "render_math or a theme loads for it, is never loaded here): it is shown as "
                "written (and 2 more places in this file)"
            ],
        ),
        ("<p>$$\n\\sum_i x_i\n$$</p>", ["$$ \\sum_i x_i $$ is LaTeX math"]),
        ("<p>$x<em>1 + y</em>1$</p>", ["$x1 + y1$ is LaTeX math"]),  # Markdown's emphasis
        (
            "<p>\\begin{align*} a &amp;= b \\end{align*}</p>",
            ["\\begin{align*} a &= b \\end{align*} is"],
        ),
        ("<p>It costs $5 and $10, or $5-$10, US$5, $3.50$ with tax.</p>", []),  # prices
        ("<p>Set $HOME/$USER, then $PATH$.</p>", []),  # words between dollars: not math
        (  # $0.33$ is a number Markdown leaves alone: not counted
            "<p>In $O(1)$, $0.33$ of $M[i]$</p>",
            [
                "$O(1)$ is LaTeX math, which this site does not typeset (MathJax, the script "
                "that render_math or a theme loads for it, is never loaded here): it is shown as "
                "written (and 1 more place in this file)"
            ],
        ),
        ("<p>Costs $ 5 for a_1 and $10.</p>", []),  # a space after $: only before LaTeX
        ("<p>Gradients $ g_1^i$.</p>", ["$ g_1^i$ is LaTeX math"]),
        ("<p>Costs $5 x</p><p>y_1$ z</p>", []),  # never from one paragraph to the next
        ("<p>A \\$x$ escaped dollar</p>", []),
        ("<p>Run <code>echo $HOME $x^2$</code>.</p>", []),  # code: shown as written
        ("<pre><code>$ export A=$B_1$\n$$ not math $$\n</code></pre>", []),
    ],
)
def test_another_plugins_syntax(html, expected):
    found = foreign.found(html)
    assert len(found) == len(expected)
    for piece, start in zip(found, expected, strict=True):
        assert piece.message.startswith(start), piece.message


def test_another_plugins_syntax_is_found_on_its_line():
    source = "Title: X\n\n{% img a.png %}\n\n```\n{% img b.png %}\n```\n\n{%img c.png%}\n"
    html = "<p>{% img a.png %}</p><pre><code>{% img b.png %}</code></pre><p>{%img c.png%}</p>"
    assert foreign.lines_of(foreign.found(html), source) == [3, 9]  # b is code: passed over


def test_latex_math_is_found_on_its_first_line_and_is_not_serious():
    source = "Title: X\n\nIt costs $5.\n\n    $y_1$ in code\n\nSo $x_1 + y_1$ and $z$.\n"
    html = "<p>It costs $5.</p><pre><code>$y_1$ in code</code></pre><p>So $x<em>1 + y</em>1$</p>"
    found = foreign.found(html)
    assert [piece.serious for piece in found] == [False]  # readable as written: a warning
    assert foreign.lines_of(found, source) == [7]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<p><img alt="A lamp" src="a.png"></p>', ()),
        (
            '<p><img alt="" src="a.png"><img src="b.png"><img alt="  " src="c.png"></p>',
            ("a.png", "b.png", "c.png"),
        ),
        ('<img alt="" role="presentation" src="line.png">', ()),  # decorative, said so
        ('<img alt="" aria-hidden="true" src="line.png">', ()),
    ],
)
def test_images_without_alt(html, expected):
    assert text.images_without_alt(tuple(text.markup_of(html))) == expected


@pytest.mark.parametrize(
    ("alt", "src", "expected"),
    [
        # what editors write for a picture pasted or dropped in (probe 19, finding 8)
        ("alt text", "a.png", "a placeholder"),  # VS Code's paste snippet
        ("image", "a.png", "a placeholder"),
        ("  Alt   Text ", "a.png", "a placeholder"),
        ("Untitled", "a.png", "a placeholder"),
        ("image-20260301101422123", "images/image-20260301101422123.png", "the file's name"),
        ("IMG_2041", "photos/IMG_2041.jpeg", "the file's name"),
        ("team-photo", "team-photo.jpg", "the file's name"),
        ("IMG_2041.jpeg", "other.png", "a file name"),  # Notion's export
        ("Screenshot 2026-03-01 at 10.14.22", "a.png", "a file name"),  # macOS
        ("Screen Shot 2022-01-02 at 9.14.22 PM", "a.png", "a file name"),
        ("Pasted image 20260301101422.png", "a.png", "a file name"),  # Obsidian
        ("PXL_20260301_101422", "a.png", "a file name"),
        ("image (3)", "a.png", "a file name"),
        # the build's own advice copied as it stands (reader.ALT_HINTS, the empty links' line)
        ("what it shows", "a.png", "a placeholder"),
        ("What it shows, in Hungarian", "a.png", "a placeholder"),
        ("what it shows, in Portuguese (Brazil)", "a.png", "a placeholder"),
        ("where it leads", "a.png", "a placeholder"),
        ("What it shows in the hall", "a.png", ""),
        # words that describe it, even the file's stem in words
        ("A crowd at the launch", "crowd.png", ""),
        ("Team photo", "team-photo.jpg", ""),
        ("crowd", "crowd.png", ""),
        ("H2O", "h2o.png", ""),
        ("The 2026 roadmap", "roadmap-2026.png", ""),
        ("Launch 2026", "launch-2026.png", ""),
        ("", "a.png", ""),  # no alt text at all: images_without_alt's
    ],
)
def test_alt_text_that_describes_nothing(alt, src, expected):
    assert text.alt_describes_nothing(alt, src) == expected


def test_images_whose_alt_text_describes_nothing_are_found_once():
    html = (
        '<p><img alt="alt text" src="a.png"><img alt="alt text" src="a.png">'
        '<img alt="IMG_2041.jpeg" src="a.png"><img alt="A lamp" src="a.png">'
        '<img alt="image" role="presentation" src="b.png"></p>'
    )
    assert text.images_alt_says_nothing(tuple(text.markup_of(html))) == (
        ("a.png", "alt text", "a placeholder"),
        ("a.png", "IMG_2041.jpeg", "a file name"),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the file is empty"),
        ("  \n\n", "the file is empty"),
        ("\nTitle: Late\nDate: 2024-01-01\n\nText.", "line 2 ('Title: Late') comes after a blank"),
        ("Titel: Typo\nDate: 2024-01-01\n\nText.", "line 1 says Titel: did you mean Title?"),
        (
            "Title : Spaced\nDate: 2024-01-01\n\nText.",
            "line 1 ('Title : Spaced') is not read as a key",
        ),
        (
            "\tTitle: Tabbed\nDate: 2024-01-01\n\nText.",
            "line 1 ('Title: Tabbed') is not read as a key",
        ),
        ("Date: 2024-01-01\n\nJust text.", ""),  # nothing written tells more than "add one"
        # a blank line after the opening --- (Jekyll and Hugo read on; Markdown's ends there)
        (
            '---\n\nlayout: post\ntitle:  "Automate forms"\n---\n\nText.',
            "line 2 is blank, so the front matter between --- lines ends there and line 4 "
            "('title:  \"Automate forms\"') is read as text: remove the blank lines inside the "
            "--- block",
        ),
        ("---\ntags: a\n\ntitle: T\n---\n\nText.", "line 3 is blank, so the front matter"),
        # the title written as a heading, as another engine read it
        (
            "# Travailler moins ?\n\n\nJe viens de passer une semaine.",
            "line 1 is a heading, '# Travailler moins ?', not a title: write Title: Travailler "
            "moins ? as the first line, in its place (the page shows the title as its heading)",
        ),
        (
            "---\ntags: végan\n---\n## Bagels Végan\n\n- farine",
            "line 4 is a heading, '## Bagels Végan', not a title: write title: Bagels Végan "
            "between the --- lines",
        ),
        # a heading with a sibling at its level (or one above) is a section, not the title:
        # "write Title: Ingredients" would give every recipe of a folder one title and slug
        ("## Ingredients\n\n- 1 lime\n\n## Method\n\nStir.", ""),
        ("## Intro\n\nText.\n\n# Later part\n\nMore.", ""),
        (
            "---\ntags: vegan\n---\n## Dough\n\nFlour.\n\n## Syrup\n\nSugar.",
            "the front matter between --- lines is YAML: there, write title: Our news",
        ),
        # the only heading at its level is still the title; # lines in code are no headings
        (
            "## Taking time\n\nText.\n\n### A detail\n\nMore.",
            "line 1 is a heading, '## Taking time', not a title: write Title: Taking time",
        ),
        (
            "# Deploying\n\n```sh\n# install it\npip install x\n```\n\n    # indented\n",
            "line 1 is a heading, '# Deploying', not a title: write Title: Deploying",
        ),
        (
            "---\ndate: 2024-01-01\n---\n\n# Ask: us #",
            "line 5 is a heading, '# Ask: us #', not a title: write title: \"Ask: us\" between",
        ),
        (
            "Date: 2024-01-01\n\n# Notes\n",
            "line 3 is a heading, '# Notes', not a title: write Title: Notes among the keys "
            "above it",
        ),
        (
            '+++\ndate = 2024-01-01\n+++\n\n# Say "hi"',
            'line 5 is a heading, \'# Say "hi"\', not a title: write title = "Say \\"hi\\"" '
            "between the +++ lines",
        ),
        # Notion's export: the page's properties under its title, after a blank line
        (
            "# Office move\n\nDate: March 2, 2026 9:00 AM\nAuthor: Jonas Berg\nTags: office\n"
            "\nWe moved.",
            "line 1 is a heading, '# Office move', not a title: write Title: Office move as the "
            "first line, in its place (the page shows the title as its heading); then remove the "
            "blank line 2: Date, Author and Tags come after a blank line, so Pelican reads them "
            "as the post's text (the front matter ends at the first blank line)",
        ),
        # Hugo's TOML without a title: what to write there, not Title: above the +++
        (
            "+++\ndate = 2024-01-01\n+++\n\nText.",
            'the front matter between +++ lines is TOML: there, write title = "Our news"',
        ),
        # Jekyll's YAML without a title: the same (Title: above the --- made it all text)
        (
            "---\ndate: 2024-01-01\n---\n\nText.",
            "the front matter between --- lines is YAML: there, write title: Our news",
        ),
    ],
)
def test_why_no_title(text, expected):
    why = frontmatter.why_no_title(text)
    assert why.startswith(expected) if expected else why == ""


def test_the_blank_lines_under_a_heading_with_keys_are_named():
    why = frontmatter.why_no_title("# Office move\n\n\nDate: 2026-03-02\n\nText.")
    assert why.endswith(
        "then remove the blank lines 2 to 3: Date comes after a blank line, so Pelican reads it "
        "as the post's text (the front matter ends at the first blank line)"
    )
    # keys right under the heading: the Title: line in its place is all there is to do
    why = frontmatter.why_no_title("# Office move\nDate: 2026-03-02\n\nText.")
    assert why.endswith("(the page shows the title as its heading)")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Notion's export, its heading made a Title: line: the blank line under it remains
        (
            "Title: Office move\n\nDate: March 2, 2026 9:00 AM\nAuthor: Jonas Berg\n"
            "Status: Published\n\nWe moved.",
            "has no Date: in its front matter: line 3 'Date: March 2, 2026 9:00 AM' is below "
            "the blank line that ends the front matter, so Pelican reads it (and Author and "
            "Status with it) as the post's text; remove the blank line 2: the front matter "
            "ends at the first blank line",
        ),
        (
            "Title: A\nAuthor: B\n\n\nDate: 2026-03-02\n\nText.",
            "has no Date: in its front matter: line 5 'Date: 2026-03-02' is below the blank "
            "line that ends the front matter, so Pelican reads it as the post's text; remove "
            "the blank lines 3 to 4: the front matter ends at the first blank line",
        ),
        (  # another key line first: moving it up is the fix, not one blank line less
            "Title: A\n\nTags: x\nDate: 2026-03-02\n\nText.",
            "line 4 'Date: 2026-03-02' is below the blank line that ends the front matter, so "
            "Pelican reads it (and Tags with it) as the post's text; move it up into the front "
            "matter, above the blank line",
        ),
        (
            "---\ntitle: A\n---\n\nDate: 2026-03-02\n\nText.",
            "line 5 'Date: 2026-03-02' is below the --- line that ends the front matter, so "
            "Pelican reads it as the post's text; move it up into the front matter, above the "
            "--- line",
        ),
        ("Title: A\n\nText.", ""),  # no Date: anywhere: "add one" says it
        ("Title: A\n\nThe date: to be decided.\nDate: 2026-03-02\n", ""),  # in the text
    ],
)
def test_why_no_date(text, expected):
    why = frontmatter.why_no_date(text)
    assert expected in why if expected else why == ""


def test_why_no_title_names_a_full_width_colon():
    # Title： and Date： typed with a Chinese input method on (probe 7, finding 03)
    why = frontmatter.why_no_title("Title：全角冒号\nDate：2015-03-02 10:00\nAuthor: C\n\n正文。")
    assert why == (
        "line 1 'Title：全角冒号': its colon is a full-width '：', so it is not read as a key: "
        "write Title: with an ASCII colon ':' (and Date: on line 2)"
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Title：全角冒号", "write Title: with an ASCII colon"),
        ("date ：2015-03-02", "write Date: with an ASCII colon"),
        ("Tags﹕a", "its colon is a full-width '﹕'"),
        ("Title: Our news", None),
        ("标题：中文", None),  # not a key of ours: the text's own line
        ("    Title：x", None),  # indented: Markdown's code or a continuation
    ],
)
def test_wide_colon_line(line, expected):
    said = frontmatter.wide_colon_line(line)
    assert said is None if expected is None else expected in said


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Title: T\nDate：2015-03-02\nAuthor: C\n\nText.", "line 2 'Date：2015-03-02': its colon"),
        ("Title: T\nDate: 2015-03-02\nTags：a，b\n\nText.", "write Tags: with an ASCII colon"),
    ],
)
def test_a_key_with_a_full_width_colon_below_the_title_is_an_error(source, expected):
    errors = frontmatter.check_header(frontmatter.scan_header(source))
    assert len(errors) == 1 and expected in errors[0]


@pytest.mark.parametrize(
    ("name", "others", "expected"),
    [
        (
            "Linux, EXT, Filesystems",
            (),
            "Category 'Linux, EXT, Filesystems' is a list, read as one category of that name: a "
            "post here has one category; write one (Category: Linux) and put the others in "
            "Tags: (EXT, Filesystems)",
        ),
        # two parts: a list when a part is another post's category, said with the one to keep
        ("技术、生活", {"技术"}, "write one (Category: 技术) and put the others in Tags: (生活)"),
        (
            "Design, Engineering",
            {"engineering", "company"},
            "(Engineering is a category of other posts): a post here has one category; write "
            "one (Category: Engineering) and put the others in Tags: (Design)",
        ),
        ("Food, Drink", {"food, drink", "travel"}, None),  # a name with a comma in it
        ("Food, Drink", (), None),
        ("技术、生活", (), None),  # the same in Chinese
        ("Food, Drink, and Travel", (), None),  # three parts, written as a name
        ("Rock, Paper & Scissors", (), None),
        (
            "Food, Drink",
            {"drink"},
            "write one (Category: Drink) and put the others in Tags: (Food)",
        ),
        ("Engineering", {"engineering"}, None),
        ("Engineering,", (), None),  # one category all the same
        # three long parts: a title, not three categories
        ("Notes from the road, letters home, and other stories", (), None),
    ],
)
def test_category_list(name, others, expected):
    said = frontmatter.category_list(name, others)
    assert said is None if expected is None else said.endswith(expected)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["思考，生活，读书"], ["思考", "生活", "读书"]),  # U+FF0C, Chinese
        (["日記、旅行"], ["日記", "旅行"]),  # U+3001, Japanese
        (["خبر، اپلیکیشن", "iOS"], ["خبر", "اپلیکیشن", "iOS"]),  # U+060C, Persian
        (["a；b", "c؛d"], ["a", "b", "c", "d"]),  # their semicolons
        (["python", "open source"], ["python", "open source"]),  # Latin: as Pelican split them
        (["x，", "、x", "y"], ["x", "y"]),  # blanks and repeats left out
    ],
)
def test_split_wide(names, expected):
    assert frontmatter.split_wide(names) == expected


def test_several_wide_tags_are_not_one_long_address():
    # each tag gets its own address once split: the whole is not one of 160 characters
    frontmatter.check_url_part("tags", "、".join(["思考"] * 30), "si-kao-" * 30)
    with pytest.raises(frontmatter.FrontMatterError, match="at most 150"):
        frontmatter.check_url_part("tags", "x" * 160, "x" * 160)


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        (
            "title: Dictionary  \ndate: 2018-03-17 19:43:08\ncategory: blogging\n\nApple",
            ("title", "date", "category"),
        ),
        ("Title: A\nDate: 2024-01-01\n\nText.", ("Title", "Date")),
        ("---\ntitle: A\ndate: 2024-01-01\n---\n\nText.", ("title", "date")),
        ("Title: only a title\n\nText.", ()),  # one key: a note as well as a post
        ("Note: x\nSee: y\n\nText.", ()),  # no title, no date
        ("1- Figure out how to link xml files\n", ()),  # a to-do list
        ("", ()),
    ],
)
def test_post_keys(text, keys):
    assert frontmatter.post_keys(text) == keys


def test_a_post_saved_without_md_is_told_to_rename_it():
    keys = ("title", "date", "category")
    said = frontmatter.misnamed_message("dictionary-and-abbreviations", EXTENSIONS, keys)
    assert said == (
        "is not built: it is a post (its first lines are front matter: title:, date:, "
        "category:), but Pelican reads posts only from names ending .md; rename it "
        "dictionary-and-abbreviations.md"
    )
    moved = frontmatter.misnamed_message("notes/my.post.txt", EXTENSIONS, keys, "content/posts/")
    assert moved.endswith("rename it my.post.md and move it into content/posts/")


@pytest.mark.parametrize(
    ("relpath", "beside", "keys", "expected"),
    [
        (
            "posts/analysis.ipynb",
            ["posts/analysis.ipynb", "posts/analysis.nbdata"],
            (),
            "then put the lines of analysis.nbdata (its front matter, as the pelican-jupyter "
            "plugin read it) at the top of analysis.md",
        ),
        ("posts/wave.ipynb", ["posts/wave.ipynb"], (), "then give it front matter"),
        (  # pelican-jupyter's IPYNB_MARKUP_USE_FIRST_CELL (was "then give it front matter")
            "readable code.ipynb",
            ["readable code.ipynb"],
            ("- title", "- author", "- date"),
            "then write its front matter (- title:, - author:, - date: in its first cell, as "
            "the pelican-jupyter plugin read it) as lines at the top of readable code.md "
            "(Title: …, Date: …) and delete that cell",
        ),
        (
            "posts/wave.ipynb",
            ["posts/wave.ipynb"],
            ("Title", "Date"),
            "(Title:, Date: in its notebook metadata, as the pelican-jupyter plugin read it)",
        ),
        (
            "posts/notes.text",
            [],
            ("Title", "Date"),
            "it is a post in Markdown (its first lines are front matter: Title:, Date:), as "
            "older Jekyll sites wrote them: rename it notes.md",
        ),
        ("posts/notes.text", [], (), "if it is Markdown (older Jekyll sites wrote so)"),
        ("posts/r.Rmd", [], (), "knit it to Markdown"),
        ("posts/a.md", [], (), None),
    ],
)
def test_other_format_message(relpath, beside, keys, expected):
    said = frontmatter.other_format_message(relpath, beside, keys)
    assert said is None if expected is None else expected in said


def _notebook(first: str, metadata: dict | None = None) -> str:
    cell = {"cell_type": "markdown", "metadata": {}, "source": first.splitlines(keepends=True)}
    return json.dumps({"cells": [cell], "metadata": metadata or {}, "nbformat": 4})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            _notebook("- title: Readable code\n- author: Martin\n- date: 2021-05-11\n"),
            ("- title", "- author", "- date"),
        ),
        (
            _notebook("# Why\n\nText.", {"Title": "Wave", "Date": "2019-1-1", "kernelspec": {}}),
            ("Title", "Date"),
        ),
        (_notebook("- milk: 1\n- eggs: 2\n"), ()),  # a list, not front matter
        (_notebook("# Why\n"), ()),
        ("{not json", ()),
        ("[]", ()),
    ],
)
def test_notebook_keys(text, expected):
    assert frontmatter.notebook_keys(text) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<p><img alt="" src="a.png"><img src="a.png"></p>', ["a.png"]),  # once each
        ('<figure><img alt="" src="a.png"><figcaption>A pelican</figcaption></figure>', []),
        ('<figure><img alt="" src="a.png"><figcaption> </figcaption></figure>', ["a.png"]),
        ('<p><a href="/x"><img alt="" src="a.png"> Yet another pelican</a></p>', []),
        ('<p><a href="/x"><img alt="" src="a.png"></a></p>', ["a.png"]),  # a link named by nothing
        ('<img alt="" role="presentation" src="line.png">', []),
    ],
)
def test_images_needing_alt(html, expected):
    assert text.images_needing_alt(html) == expected


@pytest.mark.parametrize(
    ("url", "page", "under", "target"),
    [
        ("/images/x.jpg", "posts/a/", "", "images/x.jpg"),
        ("../../images/x.jpg", "posts/a/", "", "images/x.jpg"),
        ("x.jpg", "posts/a/", "", "posts/a/x.jpg"),
        ("/blog/images/x.jpg", "posts/a/", "/blog", "images/x.jpg"),
        ("/other/x.jpg", "posts/a/", "/blog", None),  # another part of the host
        ("//cdn.example/x.jpg", "posts/a/", "", None),  # another host
        ("/images/a%20b.jpg?v=2#top", "", "", "images/a b.jpg"),
        ("/", "posts/a/", "", None),
    ],
)
def test_site_target(url, page, under, target):
    assert links.site_target(url, page, under) == target


_POST = links.Known("c/x.md", "content/c/x.md", False, "x", "notes", "2013-05-01", "x")
_BY_ADA = links.Known(
    "c/x.md", "content/c/x.md", False, "x", "notes", "2013-05-01", "x", author="ada", lang="en"
)


@pytest.mark.parametrize(
    ("path", "slug", "known", "pattern"),
    [
        ("/x.html", "x", _POST, "{slug}.html"),
        ("/notes/x.html", "x", _POST, "{category}/{slug}.html"),
        ("/2013/05/01/x.html", "x", _POST, "{date:%Y}/{date:%m}/{date:%d}/{slug}.html"),
        ("/05/2013/x.html", "x", _POST, "05/{date:%Y}/{slug}.html"),  # in their order only
        ("/blog/x.htm", "x", _POST, "blog/{slug}.htm"),  # a folder alike for every post
        ("/pages/x.html", "x", links.Known("p.md", "content/p.md", True, "x"), "pages/{slug}.html"),
        ("/notes/y.html", "x", _POST, None),  # not its slug: no pattern gives it
        ("/ada/en/2013/x.html", "x", _BY_ADA, "{author}/{lang}/{date:%Y}/{slug}.html"),
        ("/en/notes/x.html", "x", _POST, "en/{category}/{slug}.html"),  # no lang known: literal
        ("/x.html", "", _POST, None),
        ("/blog/x/", "x", _POST, "blog/{slug}/"),  # an old ARTICLE_URL ending "/"
        ("/2013/notes/x/", "x", _POST, "{date:%Y}/{category}/{slug}/"),
        ("/x/", "x", _POST, "{slug}/"),
        ("/blog/y/", "x", _POST, None),
    ],
)
def test_old_pattern(path, slug, known, pattern):
    assert links.old_pattern(path, slug, known) == pattern


def _old(path: str, slug: str, by_name: str, page: bool = False) -> links.OldLink:
    known = links.Known(f"{by_name}.md", f"content/{by_name}.md", page, slug, by_name=by_name)
    return links.OldLink("content/a.md", "line 3: ", path, path, known)


@pytest.mark.parametrize(
    ("held", "by_name"),
    [
        ([_old("/x.html", "x", "x")], False),  # its slug is the old name: a pattern mends it
        ([_old("/x.html", "title-x", "x")], True),  # the old site's slugs were file names'
        ([_old("/x.html", "title-x", "")], False),  # a Slug: line: that setting changes nothing
        # it would give the other post another slug than its old address has
        ([_old("/x.html", "title-x", "x"), _old("/y.html", "y", "file-y")], False),
        ([_old("/x.html", "title-x", "x"), _old("/y.html", "y", "y")], True),
    ],
)
def test_slugs_from_names(held, by_name):
    assert links.slugs_from_names(held) is by_name


def test_slugs_from_names_not_where_the_sites_own_gives_slugs():
    held = [_old("/x.html", "title-x", "x")]  # names_setting gave no FILENAME_METADATA
    assert links.slugs_from_names(held)
    assert not links.slugs_from_names(held, links.OldSettings(names=""))


def test_old_address_fixes_name_each_setting_and_each_redirect_from():
    held = [
        _old("/x.html", "x", "x"),
        _old("/pages/about.html", "about", "about", page=True),
        _old("/y.html", "title-y", "file-y"),  # no pattern, no setting: its own Redirect_from
    ]
    assert links.old_address_fixes(held, links.slugs_from_names(held)) == (
        'set REDIRECTS_OLD_ARTICLE_URLS = ("{slug}.html",) and REDIRECTS_OLD_PAGE_URLS = '
        '("pages/{slug}.html",) in pelicanconf.py (the old site\'s addresses: '
        "docs/adopting.md, step 5), which gives every post and page a redirect from its old "
        "address; add Redirect_from: /y.html to content/file-y.md: its slug here "
        "(content/file-y.md: 'title-y') is not the old address's name, so no pattern gives it"
    )


def test_old_address_fixes_add_to_the_patterns_set():
    held = [
        _old("/x.html", "x", "x"),
        links.OldLink(
            "content/a.md",
            "line 4: ",
            "/fr/x.html",
            "/fr/x.html",
            links.Known("x.fr.md", "content/x.fr.md", False, "x", lang="fr", translation=True),
        ),
    ]
    site = links.OldSettings({"REDIRECTS_OLD_ARTICLE_URLS": ("{category}/{slug}.html",)})
    assert links.old_address_fixes(held, False, site) == (
        'set REDIRECTS_OLD_ARTICLE_LANG_URLS = ("{lang}/{slug}.html",) and '
        'REDIRECTS_OLD_ARTICLE_URLS = ("{category}/{slug}.html", "{slug}.html",) in '
        "pelicanconf.py, in place of the REDIRECTS_OLD_ARTICLE_URLS it has (its patterns "
        "kept) (the old site's addresses: docs/adopting.md, step 5), which gives every post a "
        "redirect from its old address"
    )


PELICANS_NAMES = r"(?P<date>\d{4}-\d{2}-\d{2}).*"  # Pelican's FILENAME_METADATA


@pytest.mark.parametrize(
    ("site", "names", "setting"),
    [
        ("", [("c/x.md", "x")], ("(?P<slug>.*)", "")),
        # no name is dated: Pelican's gives nothing to keep
        (PELICANS_NAMES, [("c/x.md", "x")], ("(?P<slug>.*)", "")),
        (
            PELICANS_NAMES,
            [("c/x.md", "x"), ("c/2024-05-01-y.md", "2024-05-01-y")],
            (
                r"(?P<slug>(?P<date>\d{4}-\d{2}-\d{2})?.*)",
                "the date c/2024-05-01-y.md's name gives",
            ),
        ),
        (  # a site's own, of two groups: kept whole
            r"(?P<date>\d{8})_(?P<lang>[a-z]{2})",
            [("c/20240501_fr.md", "20240501_fr")],
            (
                r"(?P<slug>(?:(?P<date>\d{8})_(?P<lang>[a-z]{2}))?.*)",
                "the date and lang c/20240501_fr.md's name gives",
            ),
        ),
        (r"(?P<slug>[^.]*).*", [("c/x.md", "x")], ("", "")),  # it gives slugs already
        ("(?P<date>[", [("c/x.md", "x")], ("", "")),  # not a pattern Pelican reads either
    ],
)
def test_names_setting(site, names, setting):
    assert links.names_setting(site, names) == setting
    pattern = setting[0]
    for _, name in names if pattern else ():  # each keeps its name as its slug, and the rest
        given = re.match(pattern, name).groupdict()
        assert given.pop("slug") == name
        own = re.match(site, name) if site else None
        kept = {k: v for k, v in own.groupdict().items() if v} if own else {}
        assert {k: v for k, v in given.items() if v} == kept


# --- front matter fenced with --- (YAML's, as Jekyll and Hugo write it) ---------------------


# the YAML reading itself (yamlvalues.py): tests/test_yaml_front.py


@pytest.mark.parametrize(
    ("source", "keys"),
    [
        (
            '---\n# a comment\ntitle: "A: B"\ntags: [a, "b"]\nsummary: ""\n---\n\nBody',
            [("title", "A: B", 3), ("tags", "a, b", 4), ("summary", "", 5)],
        ),
        ('Title: "A: B"\nTags: [a]\n\nBody', [("title", '"A: B"', 1), ("tags", "[a]", 2)]),
        ("---\ntitle: [a, b]\n---\n\nBody", [("title", "[a, b]", 2)]),  # said by the reader
    ],
)
def test_scan_header_reads_a_fenced_block_as_yaml(source, keys):
    header = frontmatter.scan_header(source)
    assert header.keys == keys
    assert header.stopper is None


@pytest.mark.parametrize(
    "value",
    [
        '"2025-04-01"',
        "'2025-04-01 09:00'",
        "“2025-04-01”",
        "‘2025-04-01’",
        "«2025-04-01»",
        "„2025-04-01“",
    ],
)
def test_a_quoted_date_says_to_remove_the_quotes(value):
    with pytest.raises(frontmatter.FrontMatterError, match=r"remove the quotes$"):
        frontmatter.check_date("date", value)


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("2026-02-30", "got '2026-02-30': February 2026 has 28 days"),
        ("2025-04-31 10:00", "got '2025-04-31 10:00': April 2025 has 30 days"),
        ("2025-13-01", "got '2025-13-01': there is no month 13 (the month comes second"),
        ("2025-02-10 25:00", "got '2025-02-10 25:00': a time of day goes from 00:00 to 23:59"),
    ],
)
def test_a_date_on_no_calendar_says_why(value, why):
    with pytest.raises(frontmatter.FrontMatterError) as raised:
        frontmatter.check_date("date", value)
    assert why in str(raised.value)
    assert frontmatter.check_date("date", "2024-02-29").day == 29  # a leap year's


STATICMAN_YAML = (
    "_id: 5f8a1e20-0f4b-11eb-9a1c-3b7f2a9d6e11\nname: Ann\n"
    "email: 0cc175b9c0f1b6a831c399e269772661\nmessage: Nice\ndate: 1602978557\n"
)
STATICMAN_JSON = json.dumps({"_id": "5f8a", "name": "Ann", "email": "0cc1", "message": "Nice"})


@pytest.mark.parametrize(
    ("relpath", "text", "comment"),
    [
        ("comments/hello/entry1602978557368.yml", STATICMAN_YAML, True),
        ("comments/hello/entry1602978557368.json", STATICMAN_JSON, True),
        ("_data/comments/hello/entry1.yaml", "name: Bo\nemail: 0cc175b9\n", True),
        # Staticman's path set elsewhere, or Jekyll's one file of them all: by their shape
        ("data/replies/hello/entry1.yml", STATICMAN_YAML, True),
        ("_data/comments.yml", "- name: Ann\n  email: 0cc1\n  message: Nice\n", True),
        ("data/entries.json", json.dumps([{"_id": "1", "author": "Ann", "body": "Hi"}]), True),
        # ordinary data: a team, links, testimonials with no e-mail or id, settings
        ("data/team.yml", "- name: Ada\n  email: ada@example.com\n  role: editor\n", False),
        ("data/team.json", json.dumps([{"name": "Ada", "email": "ada@example.com"}]), False),
        ("data/links.yml", "- title: Home\n  url: /\n", False),
        ("data/quotes.yml", "- name: Ada\n  message: Ship it\n", False),
        ("comments/settings.yml", "moderation: true\nsort: asc\n", False),
        ("comments/hello/notes.txt", STATICMAN_YAML, False),
    ],
)
def test_comment_data_by_shape(relpath, text, comment):
    assert checks.is_comment_data(relpath, text) is comment


@pytest.mark.parametrize(
    ("files", "every", "home"),
    [
        (
            ["comments/a/1.yml", "comments/b/2.yml"],
            ["comments/a/1.yml", "comments/b/2.yml"],
            "comments",
        ),
        (
            ["comments/a/1.yml"],
            ["comments/a/1.yml", "comments/a/.DS_Store", "posts/x.md"],
            "comments",
        ),
        (["_data/c/a/1.yml"], ["_data/c/a/1.yml", "_data/other.yml"], "_data/c"),
        (["data/1.yml"], ["data/1.yml", "data/team.yml"], ""),
    ],
)
def test_comment_home_is_the_highest_folder_of_only_comments(files, every, home):
    assert checks.comment_home(files, every) == home


@pytest.mark.parametrize(
    ("files", "home", "static", "way"),
    [
        (
            ["comments/a/1.yml"],
            "comments",
            ["images", "comments"],
            'take "comments" out of STATIC_PATHS and add "comments" to IGNORE_FILES',
        ),
        (
            ["comments/a/1.yml"],
            "comments",
            ["comments/a"],
            'take "comments/a" out of STATIC_PATHS and add "comments" to IGNORE_FILES',
        ),
        (["data/c/1.yml"], "data/c", ["data"], 'add "data/c" to STATIC_EXCLUDES'),
        (["c/1.yml"], "c", [""], 'add "c" to STATIC_EXCLUDES'),
        (
            ["data/1.yml", "data/2.yml"],
            "",
            ["data"],
            'add "1.yml", "2.yml" to IGNORE_FILES',
        ),
    ],
)
def test_static_comments_way_keeps_the_other_static_files(files, home, static, way):
    assert checks.static_comments_way(files, home, static) == f"{way} in pelicanconf.py"


def test_unpublished_files_by_folder():
    every = [
        "CNAME",
        "favicon.ico",
        "README",
        "downloads/ad6.txt",
        "downloads/plots/ad6_plot.py",
        "pdfs/talk.pdf",
        "images/lamp.svg",  # a static folder: Pelican copies it (or STATIC_EXCLUDES keeps it out)
        "posts/home-lab/rack.jpg",  # beside a post: the link check names a link to it
        "team/photos/ada.jpg",
        "drafts/shot.png",
        ".well-known/x.txt",
        "notes/.DS_Store",
        "notes/._photo.jpg",
        "2019/hello.md",
        "2019/photo.png",  # beside posts of a folder read as posts (ARTICLE_PATHS "")
        "linked/file.pdf",  # a post links to it: copied
        "notebook.ipynb",  # a post in another format: its own line
        "extras/CNAME",  # works only at the root: a line of its own, wherever it is
        "extras/.nojekyll",
        "extras/notes.txt",
    ]
    found = checks.unpublished_files(
        every,
        picked={"images/lamp.svg", "linked/file.pdf", "2019/hello.md"},
        sources={"2019/hello.md", "posts/home-lab/index.md", "notebook.ipynb"},
        keep_out=["images", "extra", "team", "series", "galleries", "posts", "pages", ""],
        ignores=["**/.*", ".#*", "._*"],
    )
    assert found == {
        "": ["CNAME", "extras/.nojekyll", "extras/CNAME", "favicon.ico"],
        "2019": ["2019/photo.png"],
        "extras": ["extras/notes.txt"],
        "downloads": ["downloads/ad6.txt", "downloads/plots/ad6_plot.py"],
        "pdfs": ["pdfs/talk.pdf"],
    }
    top = checks.unpublished_message("", ["keys.asc"], "content", False)
    assert top == (
        "content/keys.asc is not published: a file at the top of content/ is published only "
        'when a setting names it; move it to content/extra/keys.asc and add "extra/keys.asc": '
        '{"path": "keys.asc"} to EXTRA_PATH_METADATA in pelicanconf.py, which publishes it at '
        "the site's root as /keys.asc (as extra/favicon.svg is); if it is not for readers "
        '(notes, scripts), add "keys.asc" to IGNORE_FILES in pelicanconf.py instead, which '
        "leaves it out of the site"
    )
    # a file that works only at the root, wherever it is: its own path in both settings
    assert checks.unpublished_message("", ["CNAME"], "content", False) == (
        "content/CNAME is not published: a CNAME works only at the site's root, as /CNAME; "
        'add "CNAME" to STATIC_PATHS and "CNAME": {"path": "CNAME"} to EXTRA_PATH_METADATA in '
        "pelicanconf.py, which publishes it there"
    )
    assert checks.unpublished_message("downloads", found["downloads"], "content", False) == (
        "content/downloads/ad6.txt, content/downloads/plots/ad6_plot.py are not published: "
        'content/downloads/ is not a static folder; add "downloads" to STATIC_PATHS in '
        "pelicanconf.py (published at /downloads/ as they are), or move them into content/extra/"
        '; if they are not for readers (notes, scripts), add "ad6.txt", "ad6_plot.py" to '
        "IGNORE_FILES in pelicanconf.py instead, which leaves them out of the site"
    )
    assert checks.unpublished_message("2019", ["2019/photo.png"], "content", True) == (
        "content/2019/photo.png is not published: nothing links to it and content/2019/ is no "
        "static folder; link it from a post with {static} (or {attach}), or move it into "
        'content/extra/; if it is not for readers (notes, scripts), add "photo.png" to '
        "IGNORE_FILES in pelicanconf.py instead, which leaves it out of the site"
    )


@pytest.mark.parametrize(
    ("name", "note"),
    [
        ("README", True),
        ("README.html", True),
        ("TODO.txt", True),  # a writer's to-do list beside the posts (probe 7, finding 12)
        ("todo", True),
        ("TODO.md", True),
        ("notes.txt", False),  # may be for readers: named (IGNORE_FILES is a way out)
        ("todo.pdf", False),
        ("todo-app.zip", False),
        ("talk.txt", False),
    ],
)
def test_notes_to_editors_are_never_said_to_be_unpublished(name, note):
    found = checks.unpublished_files(["downloads/" + name], set(), set(), [])
    assert (found == {}) is note


@pytest.mark.parametrize(
    ("elsewhere", "unpublished", "at_root", "groups", "taken"),
    [
        # extra/ published below the root, static/ not published: one question, no two lines
        (
            ["extra/robots.txt"],
            ["static/robots.txt"],
            {},
            [[("extra/robots.txt", True), ("static/robots.txt", False)]],
            [],
        ),
        (["extra/CNAME"], ["CNAME"], {}, [[("CNAME", False), ("extra/CNAME", True)]], []),
        (["extra/robots.txt"], ["static/humans.txt"], {}, [], []),  # two names: a line each
        # one is mapped already: the other is named as not published, nothing advised
        (
            [],
            ["static/robots.txt"],
            {"robots.txt": "extra/robots.txt"},
            [],
            [("static/robots.txt", "extra/robots.txt")],
        ),
    ],
)
def test_root_file_choices(elsewhere, unpublished, at_root, groups, taken):
    assert checks.root_file_choices(elsewhere, unpublished, at_root) == (groups, taken)


@pytest.mark.parametrize(
    ("name", "root"),
    [
        ("googlea4ca86ec98912b58.html", True),
        ("BingSiteAuth.xml", True),
        ("yandex_0123456789abcdef.html", True),
        ("CNAME", True),
        ("favicon.ico", False),  # a theme may link it where it is
        ("google.html", False),
        ("googleanalytics.html", False),
    ],
)
def test_only_at_root(name, root):
    assert checks.only_at_root(name) is root


@pytest.mark.parametrize(
    ("files", "clause"),
    [
        (["TODO.md"], '; if it is not for readers (notes, scripts), add "TODO.md" to IGNORE_FILES'),
        (
            ["blog/errors.txt", "blog/fix.py"],
            '; if they are not for readers (notes, scripts), add "errors.txt", "fix.py" to '
            "IGNORE_FILES",
        ),
        (["d/a", "d/b", "d/c", "d/e"], 'add "a", "b", "c" and the others to IGNORE_FILES'),
    ],
)
def test_files_nothing_publishes_are_told_how_to_stay_private(files, clause):
    folder = "" if len(files) == 1 else files[0].split("/")[0]
    assert clause in checks.unpublished_message(folder, files, "content", folder == "blog")


@pytest.mark.parametrize(
    ("metadata", "found", "left", "said"),
    [
        # read where ours is not given; ping_status is WordPress's own, never our Status
        (
            {"post_title": "SSH", "post_date": "2013-08-21 21:57:09", "ping_status": "open"},
            {"title": "SSH", "date": "2013-08-21 21:57:09"},
            {},
            "read post_title as Title, post_date as Date; ping_status are WordPress's own",
        ),
        ({"post_title": "SSH", "title": "Ours"}, {}, {"title": "Ours"}, "post_title are"),
        # not public there: not here
        ({"post_status": "pending"}, {"status": "draft"}, {}, "read post_status as Status"),
        ({"post_status": "private"}, {"status": "draft"}, {}, "read post_status as Status"),
        ({"post_status": "future"}, {"status": "published"}, {}, "post_status as Status"),
        ({"guid": "x", "post_password": "s3"}, {"status": "draft"}, {}, "as Status: draft"),
        ({"guid": "x", "comment_status": "closed"}, {"comments": "closed"}, {}, "as Comments"),
        # jekyll-import's
        (
            {"wordpress_id": "7", "status": "publish", "categories": ["Company", "News"]},
            {"status": "published", "category": "Company"},
            {},
            "categories as Category (a post here has one: News left out)",
        ),
        ({"wordpress_id": "7", "published": "true", "layout": "post"}, {}, {}, "layout, published"),
        # no WordPress key: left alone (layout is the unknown key it always was)
        ({"layout": "post", "categories": "a"}, {}, {"layout": "post", "categories": "a"}, None),
    ],
)
def test_wordpress_keys(metadata, found, left, said):
    metadata = dict(metadata)
    got, lines = frontmatter.wordpress_keys(metadata)
    assert got == found
    assert metadata == left
    if said is None:
        assert lines == []
    else:
        assert len(lines) == 1 and said in lines[0], lines


def test_a_wordpress_author_number_is_one_line_naming_the_importer():
    metadata = {"post_author": "2", "author": "2"}
    _, lines = frontmatter.wordpress_keys(metadata)
    assert "author" not in metadata
    assert lines[1].startswith("the author is given as 2, WordPress's number for them")
    assert "docs/importing.md" in lines[1]
    _, lines = frontmatter.wordpress_keys({"post_author": "2", "author": "Ada Byrne"})
    assert len(lines) == 1  # the post is signed: post_author is only left out


def test_status_publish_without_wordpress_keys_is_the_usual_error():
    with pytest.raises(frontmatter.FrontMatterError, match="did you mean 'published'"):
        frontmatter.wordpress_keys({"status": "publish"})


@pytest.mark.parametrize(
    ("link", "kind", "page", "hint"),
    [
        ("{archives}", "archives", "/archives/", "(for the archives page, link to /archives/)"),
        ("{statc}/a.png", "statc", None, "(did you mean {static}?)"),
        ("{archives}", "archives", None, "(use {filename}, {static} or {attach})"),
    ],
)
def test_unknown_kind_hint(link, kind, page, hint):
    assert links.unknown_kind_problem(link, kind, page=page).endswith(hint)


@pytest.mark.parametrize(
    ("kind", "listing", "expected"),
    [
        ("tag", "/tag/", "as {tag}python (for the list of every tag, link to /tag/)"),
        ("author", None, "the link {author} names no author: write the author's name after it"),
    ],
)
def test_a_taxonomy_link_with_no_name(kind, listing, expected):
    assert expected in links.no_name_problem(f"{{{kind}}}", kind, listing)


@pytest.mark.parametrize(
    ("siteurl", "strict", "said"),
    [
        ("https://blog.tessellate.example", True, None),
        ("https://acme.github.io/blog", True, None),
        ("http://127.0.0.1:8000", False, None),
        ("", False, None),  # a development build: links from the site's root
        (None, False, None),
        ("/blog", False, None),
        # a deploy variable left empty, a host without its scheme: every absolute link broken
        ("", True, "SITEURL must be the site's address with https:// (or http://), such as "
         "'https://blog.tessellate.example', got '': links, feeds and the sitemap need the "
         "full address"),
        ("blog.example.com", True, "such as 'https://blog.example.com', got 'blog.example.com'"),
        ("blog.example.com", False, "a browser reads it as a folder of each page"),
        ("/blog", True, "got '/blog'"),
        ("https://", True, "got 'https://'"),
        (42, False, "got 42"),
    ],
)  # fmt: skip
def test_siteurl_is_a_full_address_in_a_publish_build(siteurl, strict, said):
    settings = {"SITEURL": siteurl, "BLOGCORE_STRICT": strict}
    if said is None:
        configure(settings)
    else:
        with pytest.raises(SettingsError, match=re.escape(said)):
            configure(settings)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # the advice said ![…](gits_2014_lugkist_1.png), a name the post never wrote
        ("![game_genie.png]({filename}/images/lugkist_1.png)", "{filename}/images/lugkist_1.png"),
        ("See ![](<{attach}lugkist_1.png> 'a title') here", "{attach}lugkist_1.png"),
        ('![x](../images/lugkist_1.png "t") and ![y](b.png)', "../images/lugkist_1.png"),
        ('<img src="{static}/images/lugkist_1.png">', "lugkist_1.png"),  # HTML: the name
        (".. image:: lugkist_1.png", "lugkist_1.png"),
    ],
)
def test_written_target(line, expected):
    assert text.written_target(line, "lugkist_1.png") == expected


@pytest.mark.parametrize(
    ("html", "kept"),
    [
        ('<meta name="date" content="2020-01-01">', False),
        ("<meta name=date content=2020-01-01>", False),
        ('<meta content="a > b" name="date">', False),  # a value's '>' does not end the tag
        ('<meta content="name=date">', True),  # a value's words are no attribute
        ('<meta name="dateline" content="x">', True),
    ],
)
def test_an_html_file_says_its_date_in_a_meta_tag_as_a_browser_reads_it(html, kept):
    page = f"<html><head>{html}</head><body>x</body></html>"
    assert checks.html_not_a_post("slides/x.html", page, []) is kept


@pytest.mark.parametrize(
    ("files", "home", "every", "way"),
    [
        # IGNORE_FILES names leave out every file and folder so named, in every folder
        (["comments/a/1.yml"], "comments", ["posts/x.md"], 'add "comments"'),
        (
            ["comments/a/entry1.yml", "comments/b/entry2.json"],
            "comments",
            ["posts/comments/x.md"],
            'add "entry1.yml", "entry2.json"',
        ),
        (
            [f"comments/{n}/entry{n}.yml" for n in range(1, 5)],
            "comments",
            ["posts/comments/x.md"],
            'add "entry*.yml"',
        ),
        (
            [f"data/entry{n}.{e}" for n, e in ((1, "yml"), (2, "json"), (3, "yml"), (4, "yml"))],
            "",
            ["data/team.yml"],
            'add "entry*.json", "entry*.yml"',
        ),
        (
            [f"comments/{n}/{n}.yml" for n in "abcd"],
            "comments",
            ["posts/comments/x.md"],
            'move content/comments/ to content/staticman-comments/ (not "comments": '
            "IGNORE_FILES matches names in every folder, and content/posts/comments/ would be "
            'left out too) and add "staticman-comments"',
        ),
        (
            ["_data/comments.yml"],
            "",
            ["_data/team.yml", "posts/trip/comments.yml", "staticman-comments/x.md"],
            'move them into content/staticman-comments-2/ (not "comments.yml": IGNORE_FILES '
            "matches names in every folder, and content/posts/trip/comments.yml would be left "
            'out too) and add "staticman-comments-2"',
        ),
    ],
)
def test_ignore_way_names_only_the_comments(files, home, every, way):
    every = [*files, *every]
    assert (
        checks.ignore_way(files, home, every, "content")
        == f"{way} to IGNORE_FILES in pelicanconf.py"
    )


@pytest.mark.parametrize(
    ("head", "body", "kept"),
    [
        ('<meta name="author" content="A"><meta name="keywords" content="k">', "Slides", True),
        ('<meta name="category" content="yeah">', "Text", False),  # a post lacking its date
        ('<meta name="tags" content="a, b">', "Text", False),
        ('<meta content="x" name="summary">', "Text", False),
        ('<meta name="keywords" content="k">', None, False),  # no <body>: nothing to publish
        ("", "<!-- a note -->", False),
        ('<meta http-equiv="refresh" content="0; url=/new/">', "", True),  # an old address
        ('<meta name="category" content="yeah">', "", False),
    ],
)
def test_an_html_file_is_kept_as_it_is_only_with_text_and_no_post_keys(head, body, kept):
    page = f"<html><head>{head}</head>" + ("" if body is None else f"<body>{body}</body>")
    assert checks.html_not_a_post("x.html", page + "</html>", []) is kept
