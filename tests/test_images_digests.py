"""Source digests remembered between builds: kept while a file is untouched, never after a write."""

import json
import os
import time
from pathlib import Path

import pytest
from PIL import Image

from plugins.images import pipeline
from plugins.images.pipeline import Digests, RenditionRequest, RenditionSpec, render


@pytest.fixture
def hashed(monkeypatch) -> list[Path]:
    """The files actually read and hashed (the real hashing, counted)."""
    calls: list[Path] = []
    real = pipeline.sha256_file

    def counting(path: Path) -> str:
        calls.append(Path(path))
        return real(path)

    monkeypatch.setattr(pipeline, "sha256_file", counting)
    return calls


def _old(path: Path, data: bytes) -> Path:
    """A file last modified an hour ago (its change time is still now)."""
    path.write_bytes(data)
    an_hour_ago = time.time() - 3600
    os.utime(path, (an_hour_ago, an_hour_ago))
    return path


def _digests(cache: Path, recent: float = 0.0) -> Digests:
    digests = Digests(cache)
    digests.RECENT = recent  # the files here were all written a moment ago
    return digests


def test_an_untouched_file_is_hashed_once_across_builds(tmp_path, hashed):
    photo = _old(tmp_path / "a.jpg", b"pixels" * 1000)
    first = _digests(tmp_path / "cache")
    digest = first.of(photo)
    first.save()
    assert digest == pipeline.hashlib.sha256(photo.read_bytes()).hexdigest()
    second = _digests(tmp_path / "cache")
    assert second.of(photo) == digest
    assert second.of(tmp_path / "." / "a.jpg") == digest  # the same file by another spelling
    assert hashed == [photo]


@pytest.mark.parametrize(
    "change",
    [
        "same size, modification time put back",  # cp -p, rsync -t of another version
        "appended",
        "replaced by rename",  # what editors and git do
    ],
)
def test_a_written_file_is_hashed_again(tmp_path, hashed, change):
    photo = _old(tmp_path / "a.jpg", b"A" * 4096)
    before = photo.stat()
    first = _digests(tmp_path / "cache")
    old_digest = first.of(photo)
    first.save()
    time.sleep(0.05)  # past the file system's clock tick, so the change time moves
    if change == "appended":
        with photo.open("ab") as handle:
            handle.write(b"B")
    elif change == "replaced by rename":
        fresh = _old(tmp_path / "b.jpg", b"C" * 4096)
        fresh.replace(photo)
    else:
        photo.write_bytes(b"B" * 4096)
        os.utime(photo, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert photo.stat().st_size == before.st_size
    second = _digests(tmp_path / "cache")
    new_digest = second.of(photo)
    assert new_digest != old_digest
    assert new_digest == pipeline.hashlib.sha256(photo.read_bytes()).hexdigest()
    assert len(hashed) == 2


def test_a_file_changed_a_moment_ago_is_not_remembered(tmp_path, hashed):
    photo = tmp_path / "a.jpg"
    photo.write_bytes(b"just written")  # a second write in the same tick could look the same
    for _ in range(2):
        digests = Digests(tmp_path / "cache")  # RECENT as shipped
        digests.of(photo)
        digests.save()
    assert len(hashed) == 2
    assert not (tmp_path / "cache" / Digests.FILE).exists()


@pytest.mark.parametrize(
    "stored",
    [
        "not json",
        json.dumps({"version": 99, "files": {}}),
        json.dumps({"version": 1, "files": {"/x": [1, 2, 3]}}),
        json.dumps([1, 2, 3]),
    ],
)
def test_a_damaged_or_foreign_file_of_digests_is_ignored(tmp_path, hashed, stored):
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / Digests.FILE).write_text(stored)
    photo = _old(tmp_path / "a.jpg", b"pixels")
    digests = _digests(tmp_path / "cache")
    assert digests.of(photo) == pipeline.hashlib.sha256(b"pixels").hexdigest()
    digests.save()
    saved = json.loads((tmp_path / "cache" / Digests.FILE).read_text())
    assert list(saved["files"]) == [str(photo)]


def test_only_what_this_build_looked_up_is_kept_and_an_unchanged_file_is_not_rewritten(tmp_path):
    one, two = _old(tmp_path / "1.jpg", b"one"), _old(tmp_path / "2.jpg", b"two")
    first = _digests(tmp_path / "cache")
    first.of(one), first.of(two)
    first.save()
    stored = tmp_path / "cache" / Digests.FILE
    second = _digests(tmp_path / "cache")
    second.of(one)
    second.save()
    assert list(json.loads(stored.read_text())["files"]) == [str(one)]  # 2.jpg left the site
    written = stored.stat().st_mtime_ns
    third = _digests(tmp_path / "cache")
    third.of(one)
    time.sleep(0.05)
    third.save()
    assert stored.stat().st_mtime_ns == written


def test_a_missing_file_is_an_os_error_as_reading_it_would_be(tmp_path):
    with pytest.raises(FileNotFoundError):
        _digests(tmp_path / "cache").of(tmp_path / "gone.jpg")


def test_render_with_remembered_digests_finds_the_same_renditions(tmp_path, hashed):
    source = tmp_path / "photo.jpg"
    Image.new("RGB", (300, 200), (200, 40, 40)).save(source, "JPEG")
    an_hour_ago = time.time() - 3600
    os.utime(source, (an_hour_ago, an_hour_ago))
    request = RenditionRequest(source, (RenditionSpec(120, 100_000, format="webp"),))
    cache = tmp_path / "cache"
    plain = render([request], cache)[0]
    digests = _digests(cache)
    first = render([request], cache, digest_of=digests.of)[0]
    digests.save()
    again = render([request], cache, digest_of=_digests(cache).of)[0]
    assert plain.error is first.error is again.error is None
    assert [r.path for r in plain.renditions] == [r.path for r in first.renditions]
    assert [r.path for r in first.renditions] == [r.path for r in again.renditions]
    assert again.rendered == 0
    assert hashed.count(source) == 1  # by the first build that remembers; the next one knew


def test_whether_a_photo_carries_gps_is_remembered_by_its_digest(tmp_path):
    # every published photo is asked for a position each build (the GPS notices): the answer
    # is kept with its digest, so an untouched photo's header is read once
    from tests.test_images_pipeline import photo

    with_gps = photo(tmp_path / "gps.jpg", 6)  # the camera's EXIF, with a GPS position
    without = tmp_path / "plain.jpg"
    Image.new("RGB", (40, 30), "white").save(without)
    cache = tmp_path / "cache"
    first = _digests(cache)
    assert (first.located(with_gps), first.located(without)) == (True, False)
    first.save()
    stored = json.loads((cache / Digests.FILE).read_text())
    assert stored["located"] == {first.of(with_gps): True, first.of(without): False}
    # the next build answers from the record, not the file: a record saying otherwise wins
    stored["located"] = {k: not v for k, v in stored["located"].items()}
    (cache / Digests.FILE).write_text(json.dumps(stored))
    assert (_digests(cache).located(with_gps), _digests(cache).located(without)) == (False, True)
    # a photo written since is read again
    Image.new("RGB", (40, 30), "black").save(with_gps)
    assert _digests(cache).located(with_gps) is False
