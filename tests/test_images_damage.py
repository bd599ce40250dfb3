"""A phone photo cut short says so, whatever its format (probe finding 08): a HEIC or AVIF cut
short was "not an image this pipeline can read (use … HEIC, AVIF …)", a WebP "cannot be
decoded (could not create decoder object)"; like a JPEG cut short, the line now says the file
ends early and to copy it again. A file that starts as a picture and goes wrong after is named
as a damaged file of its format."""

import io
import logging

import pytest
from PIL import Image
from pillow_heif import register_heif_opener

from plugins.images import damage
from tests.test_images_pipeline import upright

register_heif_opener()

CUT_SHORT = (
    "is cut short (the file ends before its pixels do): it was not copied whole (an upload or "
    "a sync that did not finish); copy it again"
)
FORMATS = {"heic": "HEIF", "avif": "AVIF", "webp": "WEBP", "png": "PNG", "gif": "GIF"}


def whole(fmt: str) -> bytes:
    buffer = io.BytesIO()
    image = upright(160, 120)
    if fmt == "gif":
        image = image.convert("P")
    # noise, so the pixel data is most of the file and half of it is inside the pixels
    image.paste(Image.effect_noise((160, 60), 90).convert(image.mode), (0, 60))
    image.save(buffer, FORMATS[fmt], quality=90) if fmt != "png" else image.save(buffer, "PNG")
    return buffer.getvalue()


def half(fmt: str) -> bytes:
    data = whole(fmt)
    return data[: len(data) // 2]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_cut_short_is_known_by_its_structure(fmt):
    assert not damage.cut_short(whole(fmt))
    assert damage.cut_short(half(fmt))


def test_unclear_errors_are_explained_and_others_left(tmp_path):
    cut = tmp_path / "IMG_1.heic"
    cut.write_bytes(half("heic"))
    unclear = (
        "is not an image this pipeline can read (use JPEG, PNG, WebP, AVIF, HEIC, TIFF or GIF)"
    )
    assert damage.explain(unclear, cut) == CUT_SHORT
    assert damage.explain("is a TGA image, which …", cut) == "is a TGA image, which …"
    garbled = tmp_path / "logo.png"
    garbled.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\x0dIHDR" + b"\xee" * 200)
    assert damage.explain(unclear, garbled).startswith("is a damaged PNG file (it starts as one")
    text = tmp_path / "notes.jpg"
    text.write_bytes(b"a text file saved with the wrong name")
    assert damage.explain(unclear, text) == unclear  # not a picture at all: said so as it was
    assert damage.explain(unclear, tmp_path / "gone.heic") == unclear


def test_a_site_names_each_file_cut_short(build_site, caplog):
    files = {f"images/phone/IMG_{fmt}.{fmt}": half(fmt) for fmt in ("heic", "avif", "webp")}
    files |= {
        f"galleries/phone-dump/IMG_{fmt}.{fmt}": half(fmt) for fmt in ("heic", "avif", "webp")
    }
    files["galleries/phone-dump/ok.jpg"] = whole("webp")  # a WebP under a JPEG's name: fine
    caplog.set_level(logging.ERROR)
    build_site(files, name="cut-dev")
    for relpath in files:
        if relpath.endswith("ok.jpg"):
            continue
        [line] = [m for m in caplog.messages if m.startswith(f"cut-dev/{relpath}:")]
        assert line.startswith(f"cut-dev/{relpath}: {CUT_SHORT}"), line
        assert "use JPEG" not in line and "decoder" not in line
