"""A cache folder that cannot be written (a read-only mount, a folder of another user or
checkout, a CI cache restored read-only): the caches that cannot keep what they made say so in
one line and the build goes on, a publish too; only an output that cannot be made stops it."""

import errno
import io
import logging
import os
from pathlib import Path

import pytest
from PIL import Image

from plugins.blogcore.signals import write_sitemap
from plugins.images import pipeline
from plugins.images.pipeline import RenditionRequest, RenditionSpec, render


def jpeg(size=(640, 480)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (40, 120, 200)).save(out, "JPEG")
    return out.getvalue()


def lock_all(unwritable, folder):
    for path in sorted([folder, *folder.rglob("*")], reverse=True):
        if path.is_dir():
            unwritable(path)


def test_renditions_are_made_in_a_temporary_folder_with_one_line(tmp_path, unwritable, caplog):
    source = tmp_path / "desk.jpg"
    source.write_bytes(jpeg())
    cache = tmp_path / "cache"
    [warm] = render([RenditionRequest(source, (RenditionSpec(100, 100),))], cache)
    lock_all(unwritable, cache)
    specs = (RenditionSpec(100, 100), RenditionSpec(200, 200, format="webp"))
    overflow = pipeline.Overflow()
    with caplog.at_level(logging.WARNING):
        [first] = render([RenditionRequest(source, specs)], cache, overflow=overflow)
        [again] = render([RenditionRequest(source, specs)], cache, overflow=overflow)
        other = tmp_path / "other.jpg"
        other.write_bytes(jpeg((300, 200)))
        [more] = render([RenditionRequest(other, specs)], cache, overflow=overflow)
    assert first.error is None and more.error is None
    assert first.renditions[0].path == warm.renditions[0].path  # the cache's, reused
    made = first.renditions[1].path
    assert overflow.folder in made.parents and made.is_file()
    assert (first.rendered, again.rendered, more.rendered) == (1, 0, 2)  # and reused within
    [line] = [r.getMessage() for r in caplog.records]
    assert line.startswith(f"{cache}: cannot write in it: ")
    overflow.close()
    assert not overflow.folder.exists()


def turned(folder: Path) -> Path:
    """A photo whose clean copy is written again (turned by its EXIF), into the cache."""
    source = folder / "card.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.new("RGB", (64, 48), (200, 40, 40)).save(source, "JPEG", exif=exif.tobytes())
    return source


def test_clean_copies_are_made_in_a_temporary_folder(tmp_path, unwritable):
    source = turned(tmp_path)
    overflow = pipeline.Overflow()
    [cleaned] = pipeline.clean_originals(
        [source], unwritable(tmp_path / "cache"), overflow=overflow
    )
    assert cleaned.error is None and overflow.folder in cleaned.path.parents
    overflow.close()


def test_the_sitemap_is_written_when_its_cache_cannot_be(tmp_path, unwritable, caplog):
    site = tmp_path / "out"
    site.mkdir()
    (site / "index.html").write_text("<html><head></head><body>x</body></html>")
    cache = unwritable(tmp_path / "cache")
    with caplog.at_level(logging.WARNING):
        count = write_sitemap(str(site), "https://x.test", "sitemap.xml", str(cache / "s.pickle"))
    assert count == 1 and "https://x.test/" in (site / "sitemap.xml").read_text()
    [line] = [r.getMessage() for r in caplog.records]
    assert line.startswith(f"{cache}: cannot write in it: ")
    assert line.endswith("; the next sitemap reads every page again")


def test_a_publish_with_a_read_only_cache_goes_on(build_site, tmp_path, unwritable, caplog):
    # probe 22, 8: a warm cache made read-only, then a publish that needs new renditions
    cache = tmp_path / "cache"
    photo = {
        "galleries/office/desk.jpg": jpeg(),
        "galleries/office/gallery.md": "Title: The office\nDate: 2024-05-02\n"
        "Photo: desk.jpg | A desk by the window. | A desk with a lamp by a window\n\nOur desks.\n",
    }
    build_site(photo, CACHE_PATH=str(cache), GALLERY_WIDTHS=[300])
    lock_all(unwritable, cache)
    with caplog.at_level(logging.WARNING):
        site = build_site(photo, publish=True, CACHE_PATH=str(cache), GALLERY_WIDTHS=[300, 500])
    published = site.files(".jpg", ".webp", ".avif")
    assert any("-500." in p.name for p in published)
    for path in published:
        with Image.open(path) as image:
            image.load()
    lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert not [line for line in lines if "Traceback" in line]
    said = [line for line in lines if line.startswith(str(cache))]
    assert [line.split(":")[0] for line in said] == [f"{cache}/images", f"{cache}/blogcore"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_cache_disk_that_fills_up_during_the_build_goes_on(tmp_path, monkeypatch, caplog, jobs):
    # the cache took the first file and refused the next (a disk that filled up): what is
    # made goes to the temporary folder, the build goes on (the output is on another disk)
    cache = tmp_path / "cache"
    written = pipeline.files.write_atomically

    def full(path, data):
        if cache in Path(path).parents and any(cache.rglob("*.*")):
            with pipeline.files.replacing(path) as handle:
                handle.write(data[:4])
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written(path, data)

    monkeypatch.setattr(pipeline.files, "write_atomically", full)
    sources = []
    for n in range(3):
        sources.append(tmp_path / f"in{n}.jpg")
        sources[-1].write_bytes(jpeg((300 + n, 200)))
    specs = (RenditionSpec(100, 100), RenditionSpec(100, 100, format="webp"))
    overflow = pipeline.Overflow()
    with caplog.at_level(logging.WARNING):
        requests = [RenditionRequest(s, specs) for s in sources]
        results = render(requests, cache, jobs=jobs, overflow=overflow)
        [cleaned] = pipeline.clean_originals([turned(tmp_path)], cache, overflow=overflow)
    assert [r.error for r in results] == [None, None, None] and cleaned.error is None
    made = [r.path for result in results for r in result.renditions] + [cleaned.path]
    assert all(path.is_file() for path in made)
    # a source whose second file was refused is made again there, its first file too
    assert all(overflow.folder in path.parents for path in made)
    [line] = [r.getMessage() for r in caplog.records]
    assert line.startswith(f"{cache}: cannot write in it: No space left on device")
    overflow.close()
