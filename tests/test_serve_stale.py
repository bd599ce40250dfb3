"""`make serve` shows what a clean build shows: a post saved while a rebuild reads it ahead
(in parallel) is read again, never kept with its old text under the new file's stamp."""

import os
from pathlib import Path

from pelican.readers import Readers
from pelican.settings import read_settings

from plugins.fastbuild import signals as fastbuild_signals
from plugins.fastbuild.settings import configure
from tests.conftest import ROOT

# --- 1. a post saved while it is read ahead -------------------------------------------------


class SavedWhileRead:
    """Pelican's Markdown reader, with the writer saving one post just after it was read."""

    def __init__(self, reader, saved: Path) -> None:
        self.reader, self.saved = reader, saved

    def read(self, path: str):
        result = self.reader.read(path)
        if Path(path) == self.saved:
            text = self.saved.read_text(encoding="utf-8")
            self.saved.write_text(text.replace("VERSION-ONE", "VERSION-TWO"), encoding="utf-8")
            stamp = os.stat(self.saved).st_mtime + 2  # an editor's save, a moment later
            os.utime(self.saved, (stamp, stamp))
        return result


def test_a_post_saved_while_it_is_read_ahead_is_read_again(tmp_path: Path):
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    for number in range(6):
        (content / "posts" / f"post-{number}.md").write_text(
            f"Title: Post {number}\nDate: 2025-01-0{number + 1}\n\nVERSION-ONE of {number}.\n",
            encoding="utf-8",
        )
    saved = content / "posts" / "post-3.md"
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache")},
    )
    settings.update(configure({**settings, "FASTBUILD_WORKERS": 2, "FASTBUILD_MIN_FILES": 1}))
    readers = Readers(settings, "ArticlesGenerator-Readers")
    readers.readers["md"] = SavedWhileRead(readers.readers["md"], saved)
    generator = type(
        "Generator",
        (),
        {
            "settings": settings,
            "readers": readers,
            "path": str(content),
            "get_files": lambda self, paths, exclude=(): [
                f"posts/{p.name}" for p in sorted((content / "posts").iterdir())
            ],
        },
    )()
    fastbuild_signals._preread(generator, "ARTICLE_PATHS", "ARTICLE_EXCLUDES")
    others = [p for p in (content / "posts").iterdir() if p != saved]
    assert all(readers.get_cached_data(str(p)) is not None for p in others)  # read ahead
    # what the reader cache gives for the saved file: nothing (Pelican reads it again), never
    # the text it had before the save under the stamp it has after
    kept = readers.get_cached_data(str(saved))
    assert kept is None or "VERSION-TWO" in kept[0], kept
