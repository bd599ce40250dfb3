"""Embedded players and scripts as links to their pages, one line each with its line number;
liquid_tags' and Octopress's media and quote tags named with what works (embeds.py, text.py's
sanitiser, foreign.py)."""

import logging

import pytest

from plugins.blogcore import embeds, foreign, text
from tests.conftest import FIXTURES


@pytest.mark.parametrize(
    ("address", "title", "service", "url", "words"),
    [
        # YouTube: the embed code's own title names the player, not the video
        (
            "https://www.youtube.com/embed/Tess3llate1?si=Ab12",
            "YouTube video player",
            "YouTube",
            "https://www.youtube.com/watch?v=Tess3llate1",
            "Watch on YouTube",
        ),
        (
            "//www.youtube-nocookie.com/embed/Tess3llate1?start=90",
            "Booking widget demo",
            "YouTube",
            "https://www.youtube.com/watch?v=Tess3llate1&t=90s",
            "Booking widget demo",
        ),
        (
            "http://www.youtube.com/embed/videoseries?list=PLtessellate",
            "",
            "YouTube",
            "https://www.youtube.com/playlist?list=PLtessellate",
            "Watch on YouTube",
        ),
        (
            "https://youtu.be/Tess3llate1",
            "",
            "YouTube",
            "https://www.youtube.com/watch?v=Tess3llate1",
            "Watch on YouTube",
        ),
        (
            "https://player.vimeo.com/video/76979871?h=8272103f6e&badge=0",
            "Tessellate onboarding",
            "Vimeo",
            "https://vimeo.com/76979871/8272103f6e",
            "Tessellate onboarding",
        ),
        (
            "https://player.vimeo.com/video/76979871",
            "vimeo-player",
            "Vimeo",
            "https://vimeo.com/76979871",
            "Watch on Vimeo",
        ),
        (
            "https://speakerdeck.com/player/0a1b2c3d4e5f",
            "",
            "Speaker Deck",
            "https://speakerdeck.com/player/0a1b2c3d4e5f",
            "See the slides on Speaker Deck",
        ),
        (
            "https://www.slideshare.net/slideshow/embed_code/key/tEsSeLlAtE",
            "",
            "SlideShare",
            "https://www.slideshare.net/slideshow/embed_code/key/tEsSeLlAtE",
            "See the slides on SlideShare",
        ),
        (
            "https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/42",
            "",
            "SoundCloud",
            "https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/42",
            "Listen on SoundCloud",
        ),
        (
            "https://open.spotify.com/embed/episode/7TessellatePod?utm_source=generator",
            "Spotify Embed: Episode 4",
            "Spotify",
            "https://open.spotify.com/episode/7TessellatePod",
            "Listen on Spotify",
        ),
        (
            "https://gist.github.com/tessellate-dev/5f3c0a7e9b.js",
            "",
            "GitHub",
            "https://gist.github.com/tessellate-dev/5f3c0a7e9b",
            "See the gist on GitHub",
        ),
        (
            "https://codepen.io/tessellate/embed/preview/abXyZq?default-tab=result",
            "",
            "CodePen",
            "https://codepen.io/tessellate/pen/abXyZq",
            "See the pen on CodePen",
        ),
        (
            "https://www.dailymotion.com/embed/video/x8tess",
            "",
            "Dailymotion",
            "https://www.dailymotion.com/video/x8tess",
            "Watch on Dailymotion",
        ),
        (
            "https://www.google.com/maps/embed?pb=!1m18",
            "",
            "Google Maps",
            "https://www.google.com/maps/embed?pb=!1m18",
            "See the map on Google Maps",
        ),
    ],
)
def test_a_known_players_address_is_its_page(address, title, service, url, words):
    assert embeds.page_of(address, title) == embeds.Page(service, url, words)


@pytest.mark.parametrize(
    "address",
    [
        "https://maps.example/embed?q=hall",  # a host no one knows
        "https://www.google.com/search?q=x",  # a known host, but no player
        "https://www.youtube.com/channel/UCtessellate",
        "javascript:alert(1)",
        "",
    ],
)
def test_an_unknown_address_has_no_page(address):
    assert embeds.page_of(address) is None


@pytest.mark.parametrize(
    ("tag", "attrs", "page", "service"),
    [
        ("iframe", {"src": "https://maps.example/x"}, None, None),  # named, not linked
        ("iframe", {"srcdoc": "<p>x</p>"}, None, None),
        (
            "script",
            {"class": "speakerdeck-embed", "data-id": "7c0ffee", "src": "//speakerdeck.com/x"},
            "https://speakerdeck.com/player/7c0ffee",
            None,
        ),
        ("script", {"src": "https://platform.twitter.com/widgets.js"}, None, "Twitter"),
        ("script", {"src": "https://cpwebassets.codepen.io/assets/embed/ei.js"}, None, "CodePen"),
        ("script", {"src": "https://player.vimeo.com/api/player.js"}, None, "Vimeo"),
    ],
)
def test_what_an_element_is(tag, attrs, page, service):
    embed = embeds.of(tag, attrs)
    assert embed is not None
    assert (embed.page.url if embed.page else None) == page
    assert embed.service == service


def test_a_script_of_its_own_or_another_element_is_no_embed():
    assert embeds.of("script", {"src": "/theme/js/x.js"}) is None
    assert embeds.of("script", {}) is None
    assert embeds.of("video", {"src": "https://www.youtube.com/embed/x"}) is None


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (  # a block of its own: a paragraph with the link
            '<p>Talk:</p>\n<iframe src="https://www.youtube.com/embed/Tess3llate1" '
            'title="YouTube video player" allowfullscreen></iframe>\n<p>After.</p>',
            '<p>Talk:</p>\n<p><a href="https://www.youtube.com/watch?v=Tess3llate1">Watch on '
            "YouTube</a></p>\n<p>After.</p>",
        ),
        (  # in a sentence: the link alone
            '<p>See <iframe src="https://player.vimeo.com/video/1"></iframe> here</p>',
            '<p>See <a href="https://vimeo.com/1">Watch on Vimeo</a> here</p>',
        ),
        (  # an unknown host: removed, as any frame
            '<p>Map:</p><iframe src="https://maps.example/x"></iframe>',
            "<p>Map:</p>",
        ),
        (  # a script whose markup keeps the tweet
            '<blockquote class="twitter-tweet"><p>Hi</p><a href="https://twitter.com/t/status/1">'
            'Mar 3</a></blockquote> <script async src="https://platform.twitter.com/widgets.js">'
            "</script>",
            '<blockquote class="twitter-tweet"><p>Hi</p><a href="https://twitter.com/t/status/1">'
            "Mar 3</a></blockquote> ",
        ),
    ],
)
def test_the_sanitiser_writes_the_link(html, expected):
    assert text.sanitize_html(html) == expected


def test_the_sanitisers_own_line_leaves_embeds_to_theirs():
    html = (
        '<iframe src="https://maps.example/x"></iframe><script>alert(1)</script>'
        '<script src="https://gist.github.com/a/1f.js"></script>'
    )
    _, removed = text.sanitize_and_report(html, embeds_named=True)
    assert removed.tags == ("script",)  # the plain script only; each embed has a line
    # where no line names them (a team file, a Summary), the sanitiser's line does
    _, removed = text.sanitize_and_report(html)
    assert removed.tags == ("iframe", "script")


SOURCE = """\
Title: Embeds

Before.

<div class="video">
    <iframe width="560" height="315"
        src="https://www.youtube.com/embed/Tess3llate1?si=x&amp;t=3"
        title="YouTube video player"></iframe>
</div>

```html
<iframe src="https://maps.example/sample"></iframe>
```

<iframe src="https://maps.example/sample"></iframe>
"""


def test_each_embed_is_one_line_at_its_own_line():
    html = (
        '<p>Before.</p>\n<div class="video">\n    <iframe width="560" height="315"\n'
        '        src="https://www.youtube.com/embed/Tess3llate1?si=x&amp;t=3"\n'
        '        title="YouTube video player"></iframe>\n</div>\n'
        '<div class="highlight"><pre><code>&lt;iframe src="https://maps.example/sample"&gt;'
        "&lt;/iframe&gt;</code></pre></div>\n"
        '<iframe src="https://maps.example/sample"></iframe>'
    )
    found = foreign.found(html)
    assert [piece.serious for piece in found] == [False, False]
    # the first over three indented lines, the second after the same one in a code block
    assert foreign.lines_of(found, SOURCE) == [6, 15]


EMBEDS_POST = """\
Title: Our talks this spring
Date: 2025-04-02 10:00
Author: Cleo Park
Category: Events

The slides:

<script async class="speakerdeck-embed" data-id="0a1b2c3d4e5f6a7b" data-ratio="1.77777777777778" src="//speakerdeck.com/assets/embed.js"></script>

The recording:

<iframe width="560" height="315" src="https://www.youtube.com/embed/Tess3llate1?si=AbCd" title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>

<iframe
  src="https://www.youtube-nocookie.com/embed/Tess3llate2"
  title="Booking widget walkthrough"
  allowfullscreen></iframe>

The config we showed:

<script src="https://gist.github.com/tessellate-dev/5f3c0a7e9b.js"></script>

<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Slides are up.</p>&mdash; Tessellate (@tessellate) <a href="https://twitter.com/tessellate/status/1771234567890">March 3, 2025</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>

The hall on a map:

<iframe src="https://maps.example/embed?hall=ashcombe" width="600"></iframe>

Thanks for coming.
"""  # noqa: E501 (the services' embed codes, as they are pasted)

LIQUID_POST = """\
Title: Liquid left behind
Date: 2025-04-03 10:00
Author: Cleo Park
Category: Events

{% youtube Tess3llate1 640 480 %}

{% gist 4455468 %}

{% blockquote Ada Lovelace, Notes %}
The engine weaves algebraic patterns.
{% endblockquote %}

{% pullquote %}
We booked {" every hall in town "} that spring.
{% endpullquote %}
"""


def _lines(caplog, name: str) -> list[tuple[str, str]]:
    return [
        (r.levelname, r.getMessage().split(f"posts/{name}.md: ", 1)[1])
        for r in caplog.records
        if f"posts/{name}.md: " in r.getMessage()
    ]


def test_a_post_with_embeds_keeps_a_link_to_each(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/talks.md": EMBEDS_POST}, name="embeds")
    body = site.soup("posts/our-talks-this-spring/").select_one(".post-content")
    assert body.select("iframe, script") == []
    links = [(a.get_text(), a["href"]) for a in body.select("p > a")]
    assert links == [
        ("See the slides on Speaker Deck", "https://speakerdeck.com/player/0a1b2c3d4e5f6a7b"),
        ("Watch on YouTube", "https://www.youtube.com/watch?v=Tess3llate1"),
        ("Booking widget walkthrough", "https://www.youtube.com/watch?v=Tess3llate2"),
        ("See the gist on GitHub", "https://gist.github.com/tessellate-dev/5f3c0a7e9b"),
    ]
    tweet = body.select_one("blockquote.twitter-tweet a")
    assert tweet["href"] == "https://twitter.com/tessellate/status/1771234567890"
    assert _lines(caplog, "talks") == [
        (
            "WARNING",
            'line 8: <script data-id="0a1b2c3d4e5f6a7b"> is a Speaker Deck embed script, which '
            "this site does not load (no third-party frames or scripts): the page has a link in "
            "its place, [See the slides on Speaker Deck](https://speakerdeck.com/player/"
            "0a1b2c3d4e5f6a7b); write that link in the post to choose its words",
        ),
        (
            "WARNING",
            'line 12: <iframe src="https://www.youtube.com/embed/Tess3llate1?si=AbCd"> is a '
            "YouTube player, which this site does not load (no third-party frames or scripts): "
            "the page has a link in its place, [Watch on YouTube](https://www.youtube.com/watch?"
            "v=Tess3llate1); write that link in the post to choose its words",
        ),
        (
            "WARNING",
            'line 14: <iframe src="https://www.youtube-nocookie.com/embed/Tess3llate2"> is a '
            "YouTube player, which this site does not load (no third-party frames or scripts): "
            "the page has a link in its place, [Booking widget walkthrough](https://www.youtube"
            ".com/watch?v=Tess3llate2); write that link in the post to choose its words",
        ),
        (
            "WARNING",
            'line 21: <script src="https://gist.github.com/tessellate-dev/5f3c0a7e9b.js"> is a '
            "GitHub embed script, which this site does not load (no third-party frames or "
            "scripts): the page has a link in its place, [See the gist on GitHub](https://gist"
            ".github.com/tessellate-dev/5f3c0a7e9b); write that link in the post to choose its "
            "words",
        ),
        (
            "WARNING",
            'line 23: <script src="https://platform.twitter.com/widgets.js"> is Twitter\'s embed '
            "script, which this site does not load (no third-party scripts): it is removed, and "
            "what is written with it stays; remove the script",
        ),
        (
            "WARNING",
            'line 27: <iframe src="https://maps.example/embed?hall=ashcombe"> is removed (no '
            "third-party frames), and this site knows no page to link to for maps.example: link "
            "to what it showed, [its title](its address)",
        ),
    ]


def test_a_publish_with_embeds_goes_on(build_site, caplog):
    caplog.set_level(logging.WARNING)
    player = "Title: Demo\nDate: 2025-04-04\nAuthor: Cleo Park\n\n{% vimeo 76979871 %}\n"
    files = {"posts/talks.md": EMBEDS_POST, "posts/demo.md": player}
    site = build_site(files, name="embeds-publish", publish=True)
    demo = site.soup("posts/demo/").select_one(".post-content a")
    assert demo["href"] == "https://vimeo.com/76979871"
    body = site.soup("posts/our-talks-this-spring/").select_one(".post-content")
    assert body.select_one('a[href="https://www.youtube.com/watch?v=Tess3llate1"]') is not None
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            "<p>{% youtube Tess3llate1 640 480 %}</p>",
            '<p><a href="https://www.youtube.com/watch?v=Tess3llate1">Watch on YouTube</a></p>',
        ),
        (
            "<p>See {%vimeo 76979871%} too</p>",
            '<p>See <a href="https://vimeo.com/76979871">Watch on Vimeo</a> too</p>',
        ),
        # in code, shown as written on purpose; another tag, or another form, left to its line
        ("<p><code>{% youtube abc %}</code></p>", None),
        ("<pre><code>{% vimeo 1 %}\n</code></pre>", None),
        ("<p>{% youtube %}</p>", None),
        ("<p>{% gist 4455468 %}</p>", None),
    ],
)
def test_liquid_players_become_links(html, expected):
    assert text.sanitize_html(html) == (html if expected is None else expected)


def test_liquid_media_and_quote_tags_say_what_works(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/liquid.md": LIQUID_POST}, name="liquid-embeds")
    body = site.soup("posts/liquid-left-behind/").select_one(".post-content")
    link = body.select_one("p > a")
    assert (link.get_text(), link["href"]) == (
        "Watch on YouTube",
        "https://www.youtube.com/watch?v=Tess3llate1",
    )
    assert "youtube" not in body.get_text()
    said = "is shown as written, and what it stood for is not; "
    assert _lines(caplog, "liquid") == [
        (
            "WARNING",
            "line 6: {% youtube Tess3llate1 640 480 %} is a tag of the liquid_tags plugin, "
            "which this site does not have: the page has a link in its place, [Watch on "
            "YouTube](https://www.youtube.com/watch?v=Tess3llate1) (this site embeds no "
            "players); write that link in the post",
        ),
        (
            "WARNING",
            "line 8: {% gist 4455468 %} is a tag of the liquid_tags plugin, which this site does "
            f"not have: it {said}link to the gist ([the gist](https://gist.github.com/4455468)), "
            "or paste its code in a fenced code block (```)",
        ),
        (
            "WARNING",
            "line 10: {% blockquote Ada Lovelace, Notes %} is a tag of Octopress, which this site "
            f"does not have: it {said}write it as a Markdown quote: each line starting with > , "
            "and the source on a line after it (> — Ada Lovelace, Notes); "
            "{% endblockquote %} goes",
        ),
        (
            "WARNING",
            "line 14: {% pullquote %} is a tag of Octopress, which this site does not have: it "
            f'{said}remove {{% pullquote %}}, {{% endpullquote %}} and the {{" "}} marks: the '
            "text stays as it is (a pull quote only repeats a sentence of it); to set a "
            "sentence apart, write it again as a Markdown quote (> …)",
        ),
    ]


def test_a_frame_where_no_line_names_it_is_in_the_sanitisers_line(build_site, caplog):
    # the per-embed lines are a post's or page's body's: a team file's frame, or one in a
    # post's Summary, is named by the sanitiser's own line, as before, not removed unsaid
    caplog.set_level(logging.WARNING)
    frame = '<iframe src="https://maps.example/embed?hall=ashcombe"></iframe>'
    team = (FIXTURES / "site" / "team" / "ada-byrne.md").read_text(encoding="utf-8")
    post = (
        "Title: Where we meet\nDate: 2025-04-04\nAuthor: Cleo Park\n"
        f"Summary: The hall {frame}\n\nThe hall is by the river.\n"
    )
    files = {"team/ada-byrne.md": f"{team}\n{frame}\n", "posts/hall.md": post}
    build_site(files, name="embeds-unnamed")
    said = [r.getMessage() for r in caplog.records]
    line = len(team.splitlines()) + 2  # below the file's text and a blank line
    assert any(f"team/ada-byrne.md: line {line}: removed <iframe>" in text for text in said), said
    assert any("posts/hall.md: Summary: removed <iframe>" in line for line in said), said


TWEET = (
    '    <blockquote class="twitter-tweet"><p>Squash it.</p>&mdash; Tessellate '
    '<a href="https://twitter.com/tessellate/status/17">May 2</a></blockquote>\n'
    '    <script async src="//platform.twitter.com/widgets.js" charset="utf-8"></script>\n'
)
RST_EMBEDS = (
    "Squashing\n#########\n\n:date: 2024-03-01\n:author: Ada Byrne\n:category: Company\n\n"
    f"First\n~~~~~\n\n.. raw:: html\n\n{TWEET}\nSecond\n~~~~~~\n\n.. raw:: html\n\n{TWEET}\n"
    f"Third\n~~~~~\n\n.. raw:: html\n\n{TWEET}\nMath\n~~~~\n\n.. raw:: html\n\n"
    '    <script type="text/javascript" src="https://cdn.mathjax.org/mathjax/latest/MathJax.js'
    '?config=TeX-AMS_HTML"></script>\n\nThe end.\n'
)


def test_each_script_of_a_rest_post_has_its_line_and_mathjax_its_reason(build_site, caplog):
    # reST's ~~~~ under a heading was read as a Markdown fence: the lines between two such
    # headings were blanked, and the third tweet's script had no line; MathJax's script was
    # "removed <script> (not allowed in posts)", no line, no reason
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/squash.rst": RST_EMBEDS}, name="rst-scripts")
    assert site.soup("posts/squashing/").select(".post-content script") == []
    said = [
        r.getMessage().split("posts/squash.rst: ", 1)[1]
        for r in caplog.records
        if "rst-scripts/posts/squash.rst: " in r.getMessage()
    ]
    tweet = (
        '<script src="//platform.twitter.com/widgets.js"> is Twitter\'s embed script, which '
        "this site does not load (no third-party scripts): it is removed, and what is written "
        "with it stays; remove the script"
    )
    mathjax = (
        '<script src="https://cdn.mathjax.org/mathjax/latest/MathJax.js?config=TeX-AMS_HTML"> '
        "is MathJax, a script from another site, which this site does not load (no third-party "
        "scripts): it is removed; reStructuredText's math is typeset without it, as MathML, and "
        "LaTeX in Markdown is shown as written; remove the script"
    )
    assert said == [
        f"line 14: {tweet}",
        f"line 22: {tweet}",
        f"line 30: {tweet}",
        f"line 37: {mathjax}",
    ]


@pytest.mark.parametrize(
    ("src", "library"),
    [
        ("https://cdn.mathjax.org/mathjax/latest/MathJax.js?config=TeX-AMS_HTML", "MathJax"),
        ("//cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.9/MathJax.js", "MathJax"),
        ("https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js", "MathJax"),
        ("https://cdn.jsdelivr.net/npm/katex@0.16.9/dist/katex.min.js", "KaTeX"),
        ("https://cdn.jsdelivr.net/npm/left-pad.js", None),
        ("https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js", None),
    ],
)
def test_a_math_script_is_known_by_its_address(src, library):
    embed = embeds.of("script", {"src": src})
    assert (embed.service if embed and embed.library else None) == library
