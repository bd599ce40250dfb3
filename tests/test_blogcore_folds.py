"""Lines with the same advice in many files of a folder (an image sized in %, a link without
text): the first few files named, then one line for the folder; a publish still stops."""

import io
import logging

import pytest
from PIL import Image

from plugins.blogcore import reader, repeats, text

HEAD = ":date: 2024-05-01\n:category: Company\n:author: Ada Byrne\n"


def _posts(n: int, body: str) -> dict:
    """``n`` reStructuredText posts in posts/walks/, each with ``body`` and a picture to show."""
    png = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(png, "PNG")
    files: dict = {"images/hill.png": png.getvalue()}
    for i in range(n):
        files[f"posts/walks/walk-{i}.rst"] = f"Walk {i}\n{'=' * 6}\n\n{HEAD}\n{body}"
    return files


SIZED = ".. image:: {static}/images/hill.png\n    :alt: A hill at dawn\n    :width: 49%\n"
# a picture linked to itself, with no alt text: a link a screen reader says only "link" of
LINKED = ".. image:: |static|/images/hill.png\n    :target: |static|/images/hill.png\n"


def _said(caplog, needle: str) -> list[tuple[str, str]]:
    return [(r.levelname, r.getMessage()) for r in caplog.records if needle in r.getMessage()]


def test_images_sized_in_percent_are_folded_past_four_files(build_site, caplog):
    # an adopted blog's 92 posts said 33 lines alike, one per file, "give it in pixels"
    caplog.set_level(logging.WARNING)
    build_site(_posts(7, SIZED), name="folds-sizes")
    said = _said(caplog, "in pixels")
    assert len(said) == 5, said  # the first four files, then the folder's line
    named = {message.split(": ", 1)[0].rsplit("/", 1)[1] for _, message in said[:4]}
    others = sorted({f"walk-{i}.rst" for i in range(7)} - named)
    assert said[-1] == (
        "WARNING",
        "folds-sizes/posts/walks/: 7 files have images sized in a unit other than pixels, "
        f"their style attributes removed (4 named above, then {', '.join(others)}); give "
        'each size in pixels (:width: 400 in reStructuredText, width="400" in HTML), as the '
        "lines above say",
    )


def test_links_without_text_are_folded_and_still_stop_a_publish(build_site, caplog):
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit):  # a published post's link without text stops a publish
        build_site(_posts(6, LINKED), name="folds-links", publish=True)
    said = _said(caplog, '"link"')
    assert [level for level, _ in said] == ["ERROR"] * 5, said
    assert said[-1][1].startswith("folds-links/posts/walks/: 6 files have 6 links without text"), (
        said
    )


def test_a_removal_beside_the_size_is_not_folded():
    # a removed onclick is no advice said alike in every file: said in its file's own line
    _, removed = text.sanitize_and_report('<img src="a.png" style="width: 49%" onclick="x()">')
    assert not removed.only_image_sizes()
    _, removed = text.sanitize_and_report('<img src="a.png" style="width: 49%">')
    assert removed.only_image_sizes()


def test_the_folder_line_counts_the_lines_of_all_its_files():
    line = repeats.fold_message("content/a", reader.FOLD_LINKS, ["content/a/e.rst"], 9)
    assert line.startswith("content/a/: 5 files have 9 links without text")
    assert "(4 named above, then e.rst)" in line
