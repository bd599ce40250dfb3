"""Posts as writers' tools produce them: Google Docs' Markdown download (pictures as data),
its clipboard HTML, Word's clipboard HTML, pandoc's Markdown of a Word document and a bold
with a space inside (text.py's Sanitiser, foreign.py)."""

import base64
import io
import logging

import pytest
from bs4 import BeautifulSoup
from markdown import Markdown
from PIL import Image

import pelicanconf
from plugins.blogcore import foreign, text

GPS_IFD = 0x8825
HEAD = "Title: {title}\nDate: 2026-03-13 09:00\nCategory: Company\nAuthor: Ada Byrne\n\n"
DOCS_HTML = (
    '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b-7fff">'
    '<p dir="ltr" style="line-height:1.38;"><span style="font-size:11pt;font-weight:400;">'
    'We opened the Bristol office.</span></p><br><p dir="ltr"><span style="font-size:11pt;'
    'font-weight:700;font-style:normal;">Only this was bold.</span><span style="font-style:'
    'italic;font-weight:400">And this italic.</span></p></b>'
)


def convert(source: str) -> str:
    """The site's Markdown with blogcore's escapes, as the reader converts a body."""
    configs = pelicanconf.MARKDOWN["extension_configs"]
    md = Markdown(
        extensions=[*configs, foreign.EscapesExtension()],
        extension_configs=configs,
        output_format="html5",
    )
    return md.convert(source)


def photo_with_gps() -> bytes:
    exif = Image.Exif()
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (51.0, 27.0, 0.0), 3: "W", 4: (2.0, 35.0, 0.0)})
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "teal").save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def test_google_docs_pasted_html_keeps_its_bold_and_italic_and_no_wrapper():
    cleaned, removed = text.sanitize_and_report(DOCS_HTML)
    page = BeautifulSoup(cleaned, "html.parser")
    assert page.find("b") is None and page.find(id=True) is None  # no bold post, no id
    assert [s.get_text() for s in page.find_all("strong")] == ["Only this was bold."]
    assert [e.get_text() for e in page.find_all("em")] == ["And this italic."]
    assert text.DOCS_PASTED in removed.hints
    # the body's line is foreign.py's, with its line: the sanitiser says nothing more
    assert not text.sanitize_and_report(DOCS_HTML, embeds_named=True)[1]


def test_words_own_markup_is_named_as_words():
    html = "<p class=MsoNormal><span lang=EN-GB>Word paragraph.<o:p></o:p></span></p>"
    message = text.POSTS.message("x.md", text.sanitize_and_report(html)[1])
    assert "<o:p> is Word's own markup" in message
    assert "is text, not HTML" not in message


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        (r"Q\&A, 50\% off, user\@example.com", "Q&A, 50% off, user@example.com"),
        (r"\~approx, x \= y, \$5, 2\^10", "~approx, x = y, $5, 2^10"),
        (r"a \<b\> tag", "a <b> tag"),
        (r"\*not emphasis\*", "*not emphasis*"),  # Python-Markdown's own, as before
    ],
)
def test_commonmark_escapes_show_the_mark_alone(written, shown):
    assert BeautifulSoup(convert(written), "html.parser").get_text() == shown


PANDOC = r"""Our AGM is on 3 April\
at 18:00 in the hall.

The results were [very good]{.underline} and [important]{.mark}.

::: {custom-style="Quote"}
A quoted paragraph from Word.
:::

+--------+--------+
| Room   | Seats  |
+========+========+
| Blue   | 6      |
+--------+--------+

  Name   Role
  ------ ------
  Ana    Lead

Escapes: Q\&A and `**code **` and **launch day **today.
"""


def test_pandoc_idioms_are_each_named_once_with_their_line():
    pieces = foreign.found(convert(PANDOC))
    said = list(zip(foreign.lines_of(pieces, PANDOC), (p.message for p in pieces), strict=True))
    assert [(n, m.split(" is ")[0]) for n, m in said] == [
        (1, "a line ending with \\"),
        (4, "[very good]{.underline}"),
        (6, "a ::: line (a Word style kept)"),
        (10, "a grid table (+--------+--------+)"),
        (20, "**launch day **"),
        (17, "a table with a line of dashes under its heads"),
    ], said
    assert "(and 1 more place in this file)" in said[2][1]  # the closing :::
    assert "(and" not in said[3][1]  # one grid table
    assert said[3][1].endswith("convert with pandoc -t gfm, which writes what this site reads")
    assert said[4][1].endswith("write **launch day** (no space inside the asterisks)")


def test_pictures_pasted_as_data_are_named_with_their_lines_and_never_published(build_site, caplog):
    caplog.set_level(logging.WARNING)
    data = base64.b64encode(photo_with_gps()).decode()
    post = HEAD.format(title="Docs download") + (
        "Intro: Q\\&A, 50\\% off.\n\n![][image1]\n\nAfter **the launch **today.\n\n"
        f"![A desk](data:image/jpeg;base64,{data})\n\n"
        f"[image1]: <data:image/jpeg;base64,{data}>\n"
    )
    files = {
        "posts/docs-download.md": post,
        "posts/docs-html.md": HEAD.format(title="Docs paste") + DOCS_HTML + "\n",
    }
    site = build_site(files, name="pasted-dev")
    lines = [
        (r.levelname, r.getMessage().split(": ", 1)[1])
        for r in caplog.records
        if r.getMessage().startswith("pasted-dev/posts/docs-")
    ]
    size = len(photo_with_gps())
    assert size < 1000  # said in bytes
    picture = (
        f"a picture is pasted into the file as data ({size} bytes, image/jpeg), which the page "
        "leaves out (a data: address is not allowed in posts); save the picture as a file in "
        "content/images/ and write ![what it shows]({static}/images/name.jpg)"
    )
    assert sorted(lines) == sorted(
        [
            ("WARNING", f"line 8: {picture}"),  # the reference's use: ![][image1]
            ("WARNING", f"line 12: {picture}"),
            (
                "WARNING",
                "line 10: **the launch ** is shown with its asterisks: a space just inside ** "
                "ends no bold; write **the launch** (no space inside the asterisks)",
            ),
            ("WARNING", f"line 6: {text.DOCS_PASTED}"),
        ]
    ), lines
    everything = "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in site.output.rglob("*")
        if p.is_file() and p.suffix in (".html", ".xml", ".json", ".txt")
    )
    assert data[:40] not in everything and "base64" not in everything
    download = site.soup("posts/docs-download/").select_one(".post-content")
    assert "Intro: Q&A, 50% off." in download.get_text()  # the reader's escapes (pandoc's)
    assert not download.find("img")  # no broken picture either
    pasted = site.soup("posts/docs-paste/").select_one(".post-content")
    assert pasted.find("b") is None and not pasted.select("[id^=docs-internal-guid]")
    assert [s.get_text() for s in pasted.find_all("strong")] == ["Only this was bold."]
    caplog.clear()
    with pytest.raises(SystemExit):  # a publish never ships a page that lost its picture
        build_site(files, publish=True, name="pasted-pub")
    assert any(
        r.levelname == "ERROR" and r.getMessage().startswith("pasted-pub/posts/docs-download.md")
        for r in caplog.records
    )


@pytest.mark.parametrize(
    "source",
    [
        "Two spaces.  After a sentence.\n\n---\n\nThe next part.\n",  # a rule, no table
        "The set [a]{low, b} and a+-b, +--- alone.\n",  # no pandoc span, no grid table
        "Code: `**x **` and\n\n    **y **\n",  # in code
        "A **real** bold and 2 * 3 ** 4.\n",
    ],
)
def test_what_is_none_of_them_is_not_said(source):
    assert foreign.found(convert(source)) == []
