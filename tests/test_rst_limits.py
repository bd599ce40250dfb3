"""reStructuredText that docutils stops at while the site is built: a line over its
line_length_limit, and ``:scale:`` on a picture (docutils reads the picture's size only with
file insertion on, which blogcore turns off). The post was left out with docutils' own words;
now a too-long line is one line saying the limit and what to do, and ``:scale:`` works."""

import io
import logging

import pytest
from PIL import Image

from plugins.blogcore import rst

HEAD = "{title}\n{rule}\n\n:date: 2025-05-04 10:00\n:category: Engineering\n:author: Ada Byrne\n\n"


def post(title: str, body: str) -> str:
    return HEAD.format(title=title, rule="#" * len(title)) + body


def png(width: int, height: int) -> bytes:
    data = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(data, "PNG")
    return data.getvalue()


def test_a_line_over_the_limit_is_one_line_with_the_limit_and_the_way_out(build_site, caplog):
    long = "[" + ",".join(str(n) for n in range(3000)) + "]"  # 13,890 characters
    text = post("Count", f"The input that timed out::\n\n    {long}\n\nMerge sort.\n")
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit):
        build_site({"posts/count.rst": text}, publish=True, name="rst-long")
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert errors == [
        f"rst-long/posts/count.rst: line 10 is {len(long) + 4:,} characters long, over "
        "docutils' limit of 10,000 for a line of reStructuredText, and docutils reads no "
        "further: break the line, move its text to a file linked with {static}, or raise the "
        "limit in pelicanconf.py: DOCUTILS_SETTINGS = {'line_length_limit': 20000}"
    ]


def test_the_limit_named_is_honoured(build_site, caplog):
    long = "[" + ",".join(str(n) for n in range(3000)) + "]"
    text = post("Count", f"The input that timed out::\n\n    {long}\n\nMerge sort.\n")
    caplog.set_level(logging.WARNING)
    site = build_site(
        {"posts/count.rst": text},
        name="rst-raised",
        DOCUTILS_SETTINGS={"line_length_limit": 20000},
    )
    assert long in site.soup("posts/count/").select_one(".post-content pre").get_text()
    assert [r.getMessage() for r in caplog.records if "rst-raised/" in r.getMessage()] == []


SCALED = (
    "Scaled:\n\n"
    ".. figure:: {static}/images/logo-fig.png\n   :scale: 50 %\n   :alt: The logo\n\n"
    "   The logo at half size.\n\n"
    ".. image:: /images/logo-fig.png\n   :scale: 25 %\n   :alt: The logo again\n\n"
    ".. image:: /images/logo-fig.png\n   :scale: 50 %\n   :width: 300\n   :alt: Wide\n\n"
    ".. image:: /images/missing.png\n   :scale: 50 %\n   :alt: Not there\n\n"
    "Done.\n"
)


def test_scale_works_on_a_picture_of_the_content_folder(build_site, caplog):
    # docutils: "Cannot scale image! ... Reading external files disabled.": the post left
    # out of a development build, a publish stopped, one round per picture
    caplog.set_level(logging.WARNING)
    site = build_site(
        {"posts/fig.rst": post("Figure", SCALED), "images/logo-fig.png": png(400, 240)},
        publish=True,
        name="rst-scale",
    )
    images = site.soup("posts/figure/").select(".post-content img")
    sizes = {img["alt"]: (img.get("width"), img.get("height")) for img in images}
    assert sizes["The logo again"] == ("100", "60")
    assert sizes["Wide"] == ("150", "120")  # docutils' own: the written width scaled too
    assert sizes["Not there"] == (None, None)  # shown unscaled
    # a {static} picture, made a responsive <picture> (galleries): at the size written
    assert sizes["The logo"] == ("200", "120")
    assert site.soup("posts/figure/").select_one("figure picture img")["alt"] == "The logo"
    lines = [r.getMessage() for r in caplog.records if "rst-scale/" in r.getMessage()]
    assert [line for line in lines if ":scale:" in line] == [
        "rst-scale/posts/fig.rst: line 25: :scale: of the picture /images/missing.png is left "
        "out, as it names no file of the content folder: it is shown at its own size; give "
        "it :width: in pixels instead (:width: 200)"
    ]


@pytest.mark.parametrize(
    ("uri", "source", "expected"),
    [
        ("{static}/images/a.png", "posts/x.rst", "images/a.png"),
        ("|static|/images/a.png", "posts/x.rst", "images/a.png"),
        ("/images/a.png", "posts/x.rst", "images/a.png"),
        ("a.png", "posts/x.rst", "posts/a.png"),
        ("{attach}a.png", "posts/x.rst", "posts/a.png"),
        ("../images/a%20b.png", "posts/x.rst", "images/a b.png"),
        ("../../secret.png", "posts/x.rst", None),  # outside the content folder: never read
        ("/images/none.png", "posts/x.rst", None),
        ("https://example.org/a.png", "posts/x.rst", None),
    ],
)
def test_the_picture_an_address_names(tmp_path, uri, source, expected):
    content = tmp_path / "content"
    for name in ("images/a.png", "posts/a.png", "images/a b.png"):
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_bytes(b"")
    (tmp_path / "secret.png").write_bytes(b"")
    found = rst.picture_file(uri, str(content / source), str(content))
    assert found == (str(content / expected) if expected else None)


def test_a_picture_turned_by_its_exif_is_measured_upright(tmp_path):
    path = tmp_path / "turned.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # a quarter turn: the published copy is upright
    Image.new("RGB", (40, 30)).save(path, "JPEG", exif=exif.tobytes())
    assert rst.picture_size(str(path)) == (30, 40)
    (tmp_path / "drawing.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    assert rst.picture_size(str(tmp_path / "drawing.svg")) is None


@pytest.mark.parametrize(
    ("attrs", "expected"),
    [
        ({}, (None, None)),
        ({"width": "200", "height": "120"}, (200, 120)),
        ({"width": "200"}, (200, 120)),  # the other from the picture's ratio
        ({"height": "60"}, (100, 60)),
        ({"width": "50%"}, (None, None)),  # not pixels: the picture's own
        ({"width": "²"}, (None, None)),
        ({"width": "0"}, (None, None)),
    ],
)
def test_the_size_written_on_a_post_picture(attrs, expected):
    from plugins.galleries import model

    assert model.written_size(attrs, 400, 240) == expected
