"""An image editor's document beside the picture exported from it is never published (probe 7
finding 23): Pixelmator's .pxm kept the opened photo's metadata dictionary (its GPS among it)
and the uncropped layers, and went out byte for byte with no line. One line each, as for a
camera's raw file, and a publish stops."""

import io
import logging
import zipfile

import pytest
from PIL import Image

from plugins.images import editors


def _pxm() -> bytes:
    """A Pixelmator document as it is stored: a ZIP with the document's info and a preview."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("document/info", b"SQLite format 3\x00{GPS} Latitude 51.4534")
        archive.writestr("QuickLook/Preview.tiff", b"MM\x00*")
    return buffer.getvalue()


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (12, 8), "teal").save(buffer, "PNG")
    return buffer.getvalue()


DOCUMENTS = {
    "images/logo.pxm": _pxm(),
    "images/poster.XCF": b"gimp xcf v011\x00" + b"exif-data 51.4534",
    "images/sketch.kra": _pxm(),
}


def test_an_editors_document_is_not_published_and_a_publish_stops(build_site, caplog):
    caplog.set_level(logging.ERROR)
    files = {"images/logo.png": _png(), **DOCUMENTS}
    built = build_site(files, name="editors-dev")
    assert (built.output / "images" / "logo.png").is_file()  # the export, cleaned
    for relpath in DOCUMENTS:
        assert not (built.output / relpath).exists(), relpath
        [line] = [m for m in caplog.messages if m.startswith(f"editors-dev/{relpath}:")]
        assert ": is an image editor's document (" in line
        assert line.endswith("not published: export a JPEG, PNG or WebP, which is cleaned")
    assert b"51.4534" not in b"".join(p.read_bytes() for p in built.files())
    caplog.clear()
    with pytest.raises(SystemExit):
        build_site(files, publish=True, name="editors-pub")
    assert any(m.startswith("editors-pub/images/logo.pxm: ") for m in caplog.messages)


@pytest.mark.parametrize(
    ("suffix", "editor"),
    [(".pxm", "Pixelmator"), (".xcf", "GIMP"), (".afphoto", "Affinity Photo")],
)
def test_the_line_names_the_editor(suffix, editor):
    assert editors.line(suffix).startswith(f"is an image editor's document ({editor}),")


def test_an_attached_document_is_named_by_its_source(build_site, caplog):
    # {attach}ed beside its post, the GIMP file was named by its output path
    # (output/posts/banner/corner.xcf; in a publish, .output.builds/<tmp>/…, gone after)
    post = "Title: Banner\nDate: 2008-05-01\n\nThe [GIMP source]({attach}corner.xcf).\n"
    caplog.set_level(logging.ERROR)
    built = build_site(
        {"2008/banner.md": post, "2008/corner.xcf": DOCUMENTS["images/poster.XCF"]},
        name="editors-attach",
        ARTICLE_PATHS=[""],
        STATIC_PATHS=["images", "extra", "2008"],
    )
    assert not (built.output / "posts" / "banner" / "corner.xcf").exists()
    [line] = [m for m in caplog.messages if "is an image editor's document" in m]
    assert line.startswith("editors-attach/2008/corner.xcf: "), line
