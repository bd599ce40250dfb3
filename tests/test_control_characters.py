"""A control character pasted into a post's text (a terminal's colour codes, a PDF's form feed,
Word's vertical tab, DEL, U+FFFE) is named with its line and left out of the page, the feeds
and the description; a development build goes on, a publish stops. It stopped every build with
"CRITICAL plugins/fastbuild/feeds.py: line 60: UnserializableContentError", naming no file, or
(U+FFFE) made every feed holding the post malformed XML without a word."""

import logging
import re
import xml.etree.ElementTree as ET

import pytest

from plugins.blogcore import controls, frontmatter, text

ATOM = "{http://www.w3.org/2005/Atom}"
FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
HEAD = "Title: Terminal\nDate: 2024-03-01\nAuthor: Ada Byrne\nCategory: Company\nSlug: terminal\n\n"
BODY = (
    "Our build said:\n\n"  # lines 7, 8
    "```console\n$ make\n\x1b[01;32mok\x1b[0m done\n```\n\n"  # lines 9 to 13: ESC at 11
    "```bash\necho x\x1b[1m\n```\n\n"  # lines 14 to 17 (bash's lexer splits ESC from [)
    "Page one.\x0c Page two.\n\n"  # line 18
    "Half\ufffewritten and a\x7f delete.\n"  # line 20
)
POST = HEAD + BODY


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("A plain text.\n\nAnd a tab\there.\r\n", None),
        ("ls: \x1b[1mbold\x1b[0m", "line 1 holds U+001B, an escape character (ESC, from pasted"),
        ("a\nb\x0cc\nd", "line 2 holds U+000C, a form feed (FF, a page break pasted from a PDF)"),
        # a form feed or a vertical tab is no line break to Markdown (str.splitlines says it is)
        ("a\x0cb\x0bc\nd\x7f", "line 1 holds U+000C, a form feed (FF, a page break pasted from"),
        # another character on another line is named as itself, not "and so does line 2"
        ("a\x0cb\x0bc\nd\x7f", "; line 1 also holds U+000B, a vertical tab (VT, a line"),
        ("a\x0cb\x0bc\nd\x7f", "; line 2 holds U+007F, a delete character (DEL): no web page"),
        ("A\x0bB", "a vertical tab (VT, a line break pasted from Word)"),
        ("A\x7fB", "U+007F, a delete character (DEL)"),
        ("A\ufffeB", "U+FFFE, the noncharacter U+FFFE"),
        ("A\x92B", "U+0092, a C1 control character"),
        ("A\ud800B", "U+D800, half of a character (a lone surrogate)"),
        ("\n".join(f"x\x07{n}" for n in range(9)), "and so do lines 2, 3, 4, 5, 6 ...:"),
    ],
)
def test_the_first_control_character_is_named_with_its_line(written, said):
    found = controls.problem(written)
    if said is None:
        assert found is None
    else:
        assert said in found


# probe 20, 5: "line 6 holds U+001B, ..., and so does line 8" where line 8 held a form feed,
# and "delete them" for a form feed that stood between two words
ESC = "line 1 holds U+001B, an escape character (ESC, from pasted terminal colours)"
FF = "a form feed (FF, a page break pasted from a PDF)"


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("\x1b[1mx", f"{ESC}, which no web page or feed may carry: it is left out of the page; "
         "delete it"),
        ("\x1b[1mx\n\x1b[0m", f"{ESC}, which no web page or feed may carry, and so does line 2: "
         "they are left out of the page; delete them"),
        ("one\x0ctwo", f"line 1 holds U+000C, {FF}, which no web page or feed may carry: it is a "
         "space in the page; put a space or a line break in its place"),
        ("\x1b[1mx\n\nPage one\x0cpage two.\n\x1b", f"{ESC}; line 3 holds U+000C, {FF}, and line "
         "4 holds more: no web page or feed may carry them; they are left out of the page (a "
         "form feed or a vertical tab is a space); delete them, or put a space or a line break "
         "in place of a form feed or vertical tab"),
    ],
)  # fmt: skip
def test_each_kind_of_control_character_is_named_with_its_first_line(written, said):
    assert controls.problem(written) == said


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("Tab\x7fle", "Title holds U+007F, a delete character (DEL), which no web page"),
        ("Smart\x92s", "Title holds U+0092, a C1 control character"),
        ("Half\ufffe", "Title holds U+FFFE, the noncharacter U+FFFE"),
        ("End\uffff", "Title holds U+FFFF, the noncharacter U+FFFF"),
        ("Half \udc80", "Title holds U+DC80, half of a character (a lone surrogate)"),
        ("A bell\x07", "Title holds U+0007, a control character"),
        ("Tabs\tand é, \u00a0 and \ufffd", None),
    ],
)
def test_front_matter_values_are_held_to_what_bodies_are(value, said):
    # a Title with DEL or a C1 control passed, though its page and feeds may not carry it
    problems = frontmatter.value_problems("title", value)
    assert problems == ([] if said is None else [problems[0]]), problems
    assert said is None or problems[0].startswith(said)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>plain</p>", "<p>plain</p>"),
        ("<code>\x1b[01;34mdocs\x1b[0m  \x1b[1mrun\x1b[m</code>", "<code>docs  run</code>"),
        # a highlighter split the colour code: its tags stay, its characters go
        (
            '<code>x\x1b<span class="o">[</span>1m y</code>',
            '<code>x<span class="o"></span> y</code>',
        ),
        ("<p>\x1b]0;build\x07title</p>", "<p>title</p>"),  # a terminal's window title
        # a form feed or a vertical tab stood between words: a space, not "Page onepage two."
        ("<p>a\x1b b\x0cc\x0bd\x7fe\ufffef\x00g</p>", "<p>a b c defg</p>"),
        ("<p>a &lt; b\x1b[31m &gt; c</p>", "<p>a &lt; b &gt; c</p>"),
    ],
)
def test_html_without_control_characters(html, expected):
    assert controls.html_without(html) == expected


def test_the_sanitiser_leaves_out_control_characters_entities_write():
    # nh3 writes &#x1b; and &#xfffe; as the characters themselves
    cleaned = text.sanitize_html("<p>a &#x1b;[1mb&#x1b;[0m c&#xfffe;d&#x0c;e&#127;f</p>")
    assert cleaned == "<p>a b cd ef</p>"


def _lines(caplog, name: str) -> list[tuple[str, str]]:
    return [(r.levelname, r.getMessage()) for r in caplog.records if f"{name}/" in r.getMessage()]


@pytest.mark.parametrize("accelerate", [True, False])
def test_a_control_character_in_a_post_is_named_and_left_out(build_site, caplog, accelerate):
    caplog.set_level(logging.WARNING)
    name = f"controls-dev-{accelerate}"  # the stock path (Pelican's reader) alike
    site = build_site({"posts/terminal.md": POST}, name=name, BLOGCORE_ACCELERATE=accelerate)
    assert _lines(caplog, name) == [
        (
            "WARNING",
            f"{name}/posts/terminal.md: line 11 holds U+001B, an escape character (ESC, "
            "from pasted terminal colours); line 18 holds U+000C, a form feed (FF, a page "
            "break pasted from a PDF); line 20 holds U+FFFE, the noncharacter U+FFFE (a "
            "byte-order mark read the wrong way round) and others, and line 15 holds more: no "
            "web page or feed may carry them; they are left out of the page (a form feed or a "
            "vertical tab is a space); delete them, or put a space or a line break in place of "
            "a form feed or vertical tab",
        )
    ]
    body = site.soup("posts/terminal/").select_one(".post-content")
    blocks = [pre.get_text() for pre in body.select("pre")]
    assert blocks == ["$ make\nok done\n", "echo x\n"]  # the colour codes whole, not "[1m"
    assert [p.get_text() for p in body.select("p")][1:] == [
        "Page one.  Page two.",
        "Halfwritten and a delete.",
    ]
    for page in [*site.output.rglob("*.html"), *site.output.rglob("*.xml")]:
        assert not FORBIDDEN.search(page.read_text(encoding="utf-8")), page
    description = site.soup("posts/terminal/").select_one('meta[name="description"]')
    assert "Page one" in description["content"] or "Our build" in description["content"]
    # every feed holding the post is XML a feed reader reads
    for feed in site.output.rglob("*.atom.xml"):
        ET.parse(feed)
    entries = ET.parse(site.path("feeds/all.atom.xml")).getroot().iter(f"{ATOM}entry")
    assert "Terminal" in [entry.findtext(f"{ATOM}title") for entry in entries]


def test_a_publish_stops_on_a_control_character(build_site, caplog):
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit) as stopped:
        build_site({"posts/terminal.md": POST}, publish=True, name="controls-publish")
    assert stopped.value.code == 1
    errors = [m for level, m in _lines(caplog, "controls-publish") if level == "ERROR"]
    assert any(m.startswith("controls-publish/posts/terminal.md: line 11 holds") for m in errors)
