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
    named = {message.split(": ", 1)[0].rsplit("/", 1)[1] for _, message in said[:4]}
    others = sorted({f"walk-{i}.rst" for i in range(6)} - named)
    assert said[-1][1] == (
        "folds-links/posts/walks/: 6 files have 6 links without text "
        f'(4 named above, then {", ".join(others)}); a screen reader says only "link": write '
        "what each leads to, as the lines above say"
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


def test_a_files_links_without_text_are_one_line(build_site, caplog):
    # an old post's six linked pictures without alt text said six lines alike
    caplog.set_level(logging.WARNING)
    pictures = "".join(
        f"Stage {i}:\n\n.. image:: |static|/images/hill.png?{i}\n    :target: "
        f"|static|/images/map-{i}.png\n\n"
        for i in range(6)
    )
    build_site(_posts(1, pictures), name="links-one-line")
    said = _said(caplog, '"link"')
    assert len(said) == 1, said
    assert said[0][1].startswith(
        "links-one-line/posts/walks/walk-0.rst: 6 links have no text, so a screen reader says "
        'only "link": |static|/images/map-0.png (line 11), '
    ), said
    assert "and 2 more (lines 31, 36); write what each leads to between its brackets" in said[0][1]
