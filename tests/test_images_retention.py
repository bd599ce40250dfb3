"""The image cache keeps what builds use and loses what none has used for IMAGES_CACHE_KEEP_DAYS."""

import io
import logging
import os
import time
from pathlib import Path

import pytest
from PIL import Image

from plugins.images import retention
from plugins.images.settings import SettingsError, configure

DAY = retention.DAY
NOW = 1_800_000_000.0
SHA_A = "ab" + "1" * 62
SHA_B = "cd" + "2" * 62


def _file(path: Path, age_days: float, now: float = NOW, data: bytes = b"x" * 100) -> Path:
    """A file last modified age_days before now."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    when = now - age_days * DAY
    os.utime(path, (when, when))
    return path


def _age_days(path: Path, now: float = NOW) -> float:
    return (now - path.stat().st_mtime) / DAY


@pytest.mark.parametrize(
    ("age_days", "marked"),
    [
        (0.0, False),  # used today already: not written again
        (0.9, False),
        (1.0, True),
        (45.0, True),
    ],
)
def test_mark_used_moves_only_files_not_marked_for_a_day(tmp_path, age_days, marked):
    path = _file(tmp_path / "ab" / SHA_A / "k-10x10.webp", age_days)
    assert retention.mark_used([path, path], now=NOW) == int(marked)
    assert _age_days(path) == pytest.approx(0.0 if marked else age_days)


def test_mark_used_skips_files_that_have_gone(tmp_path):
    assert retention.mark_used([tmp_path / "gone.webp"], now=NOW) == 0


@pytest.mark.parametrize(
    ("keep_days", "age_days", "kept"),
    [
        (30, 29.9, True),
        (30, 30.1, False),
        (7, 8, False),
        (0.5, 0.4, True),
    ],
)
def test_prune_deletes_files_unused_for_keep_days(tmp_path, keep_days, age_days, kept):
    path = _file(tmp_path / "ab" / SHA_A / "k-10x10.webp", age_days)
    files, size = retention.prune(tmp_path, keep_days, now=NOW)
    assert path.exists() is kept
    assert (files, size) == ((0, 0) if kept else (1, 100))


def test_prune_removes_emptied_folders_and_keeps_the_rest(tmp_path):
    old = _file(tmp_path / "ab" / SHA_A / "k-10x10.webp", 40)
    used = _file(tmp_path / "ab" / SHA_A / "j-20x20.jpg", 2)
    gone = _file(tmp_path / "cd" / SHA_B / "clean-x.as-is", 40, data=b"")
    assert retention.prune(tmp_path, 30, now=NOW) == (2, 100)
    assert not old.exists() and used.exists()
    assert not gone.parent.exists() and not gone.parent.parent.exists()  # both levels emptied
    assert (tmp_path / "ab" / SHA_A).is_dir()


def test_prune_looks_only_into_the_cache_layout(tmp_path):
    """A cache folder set to a shared place: nothing outside <sha[:2]>/<sha>/ is touched."""
    kept = [
        _file(tmp_path / "digests.json", 400),
        _file(tmp_path / "notes" / "plan" / "old.txt", 400),  # not a shard
        _file(tmp_path / "ab" / "readme.txt", 400),  # a file in a shard, not in an entry
        _file(tmp_path / "ab" / "not-a-digest" / "old.webp", 400),
        _file(tmp_path / "ab" / SHA_B / "old.webp", 400),  # an entry under the wrong shard
    ]
    assert retention.prune(tmp_path, 30, now=NOW) == (0, 0)
    assert all(path.exists() for path in kept)


def test_prune_is_due_once_a_day(tmp_path):
    assert retention.due(tmp_path, now=NOW)  # never pruned
    retention.prune(tmp_path, 30, now=NOW)
    assert not retention.due(tmp_path, now=NOW + DAY - 60)
    assert retention.due(tmp_path, now=NOW + DAY)


def test_prune_of_a_cache_that_does_not_exist_yet(tmp_path):
    assert retention.prune(tmp_path / "images", 30, now=NOW) == (0, 0)
    assert (tmp_path / "images" / retention.STAMP).is_file()


@pytest.mark.parametrize("value", [-1, 0.5, "30", True, None, float("nan")])
def test_keep_days_setting_is_checked(value):
    # under a day, a file used every build but marked 0.9 days ago could be pruned as unused
    with pytest.raises(SettingsError, match="IMAGES_CACHE_KEEP_DAYS"):
        configure({"IMAGES_CACHE_KEEP_DAYS": value})


@pytest.mark.parametrize("value", [0, 1, 30, 7.5])
def test_keep_days_setting_accepts_numbers(value):
    assert configure({"IMAGES_CACHE_KEEP_DAYS": value})["IMAGES_CACHE_KEEP_DAYS"] == value


def _jpeg(size: tuple[int, int] = (64, 48)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (30, 120, 200)).save(out, "JPEG")
    return out.getvalue()


def _cache_files(cache: Path) -> list[Path]:
    return sorted(p for p in cache.glob("??/*/*") if p.is_file())


def test_a_build_keeps_what_it_used_and_deletes_what_no_build_used(build_site, tmp_path, caplog):
    """Real builds: a gallery's renditions, a static folder's image and a theme's image
    (cleaned when the build ends) are used, an old photo's renditions are not; a month and a
    half later only the old photo's go."""
    cache = tmp_path / "image-cache"
    theme_images = tmp_path / "theme-images"
    theme_images.mkdir()
    (theme_images / "mark.jpg").write_bytes(_jpeg((8, 8)))
    files = {
        "galleries/g/gallery.md": "Title: G\nPhoto: a.jpg | A | An a\n\nPhotos.\n",
        "galleries/g/a.jpg": _jpeg(),
    }
    settings = {
        "IMAGES_CACHE_PATH": str(cache),
        "THEME_STATIC_PATHS": ["static", str(theme_images)],
    }
    first = build_site(files, **settings)
    assert (first.output / "theme" / "mark.jpg").is_file()
    used = _cache_files(cache)
    assert any(p.suffix == ".webp" for p in used)
    assert len([p for p in used if p.name.startswith("clean-")]) == 2  # static, theme

    # a month and a half on: every file unused since, and one photo no page shows any more
    stale = _file(cache / "cd" / SHA_B / "0123-64x48.webp", 45, now=time.time())
    for path in used:
        when = time.time() - 45 * DAY
        os.utime(path, (when, when))
    os.utime(cache / retention.STAMP, (time.time() - 2 * DAY,) * 2)

    caplog.set_level(logging.INFO, logger="plugins.images.signals")
    second = build_site(files, **settings)
    assert not stale.exists() and not stale.parent.exists()
    assert _cache_files(cache) == used
    assert all(_age_days(p, time.time()) < 1 for p in used)  # marked by the build
    assert any("unused for 30 days deleted" in r.getMessage() for r in caplog.records)
    # the second build took its renditions from the cache: the same files, the same URLs
    assert second.files(".webp") and [p.name for p in second.files(".webp")] == [
        p.name for p in first.files(".webp")
    ]


def test_a_build_the_same_day_does_not_list_the_cache_again(build_site, tmp_path):
    cache = tmp_path / "image-cache"
    build_site(IMAGES_CACHE_PATH=str(cache))
    stale = _file(cache / "cd" / SHA_B / "0123-64x48.webp", 45, now=time.time())
    build_site(IMAGES_CACHE_PATH=str(cache))
    assert stale.exists()  # pruned by the first build an instant ago: not due


def test_keep_days_zero_keeps_everything(build_site, tmp_path):
    cache = tmp_path / "image-cache"
    stale = _file(cache / "cd" / SHA_B / "0123-64x48.webp", 400, now=time.time())
    build_site(IMAGES_CACHE_PATH=str(cache), IMAGES_CACHE_KEEP_DAYS=0)
    assert stale.exists()
