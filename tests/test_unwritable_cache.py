"""A cache folder that cannot be written (a read-only mount, a folder of another user or
checkout, a CI cache restored read-only): the caches that cannot keep what they made say so in
one line and the build goes on, a publish too; only an output that cannot be made stops it."""

import io
import logging

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


def test_clean_copies_are_made_in_a_temporary_folder(tmp_path, unwritable):
    source = tmp_path / "card.jpg"
    image = Image.new("RGB", (64, 48), (200, 40, 40))
    exif = Image.Exif()
    exif[0x0112] = 6  # turned: written again, into the cache
    image.save(source, "JPEG", exif=exif.tobytes())
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
