"""The reader reads each file once for all its checks (reader.py's ``_text``), and anew each
time the file is read: a file edited between two reads is checked as it is now."""

import copy
import logging
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from pelican.settings import read_settings

from plugins.blogcore import reader as reading
from plugins.blogcore.reader import StrictMarkdownReader
from plugins.engine import build

ROOT = Path(__file__).resolve().parent.parent
POST = "Title: X\nDate: 2024-03-01\nCategory: Company\n\nSome text.\n"


@pytest.fixture
def reader(tmp_path: Path) -> Iterator[StrictMarkdownReader]:
    defaults = read_settings(str(ROOT / "pelicanconf.py"))
    settings = {**defaults, "PATH": str(tmp_path), "CACHE_CONTENT": False}
    settings["MARKDOWN"] = copy.deepcopy(defaults["MARKDOWN"])
    settings["ARTICLE_PATHS"] = [""]
    made = StrictMarkdownReader(settings)
    yield made
    # the build these reads started, outside Pelican, ended as Pelican's end (loggers put back)
    for used in (settings, made.settings):
        build.current(used).close()


def test_each_file_is_read_once(reader, tmp_path, monkeypatch):
    post = tmp_path / "x.md"
    post.write_text(POST + "\n\x0c A form feed.\n")
    opened: list[str] = []
    real = reading.pelican_open  # how the reader opens a file, as Pelican's readers do

    def counted(path: str, *args, **kwargs):
        opened.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(reading, "pelican_open", counted)
    reader.read(str(post))
    assert opened == [str(post)]
    reader.read(str(post))
    assert opened == [str(post)] * 2  # read again: once more


def test_an_edited_file_is_checked_as_it_is_now(reader, tmp_path, caplog):
    post = tmp_path / "x.md"
    post.write_text(POST)
    with caplog.at_level(logging.WARNING):
        content, _ = reader.read(str(post))
    assert "Some text." in content
    assert not [r for r in caplog.records if "U+000C" in r.getMessage()]
    post.write_text(POST + "\nMore.\x0c A form feed.\n")  # the same path, new text
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        content, _ = reader.read(str(post))
    assert "More." in content
    said = [r.getMessage() for r in caplog.records if "U+000C" in r.getMessage()]
    assert len(said) == 1 and "line 7" in said[0], said


def test_a_file_is_named_once_per_build_and_anew_in_the_next(tmp_path, monkeypatch):
    """``shown_once``: a post's name in messages is worked out once per build (several steps
    name each post), and each build (its own settings dict) works it out anew."""
    worked: list[str] = []
    real = reading.shown

    def counted(settings: dict, path: str) -> str:
        worked.append(path)
        return real(settings, path)

    monkeypatch.setattr(reading, "shown", counted)
    post = str(tmp_path / "content" / "posts" / "x.md")
    first, second = (
        {"PATH": str(tmp_path / "content")},
        {"PATH": str(tmp_path / "content" / "posts")},
    )
    try:
        assert [reading.shown_once(first, post) for _ in range(3)] == ["content/posts/x.md"] * 3
        assert worked == [post]
        assert reading.shown_once(second, post) == "posts/x.md"
        assert reading.shown_once(first, post) == "content/posts/x.md"
        assert worked == [post, post]
    finally:
        for used in (first, second):
            build.current(used).close()


def test_the_address_keys_are_worked_out_once_per_build(reader, tmp_path, monkeypatch):
    """The keys the address settings use (a post's Series: line is read where ARTICLE_URL uses
    {series}) were parsed from the sixteen patterns for each post read: once per build now."""
    worked: list[int] = []
    real = reading.pelican_settings.address_keys

    def counted(settings) -> frozenset[str]:
        worked.append(1)
        return real(settings)

    monkeypatch.setattr(reading.pelican_settings, "address_keys", counted)
    for name in ("x.md", "y.md", "z.md"):
        (tmp_path / name).write_text(POST)
        reader.read(str(tmp_path / name))
    assert worked == [1]


# a Markdown extension that raises a Python warning for every file it converts (one place)
LOW_LAMP = """
import warnings

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor


class Lamp(Preprocessor):
    def run(self, lines):
        warnings.warn("the lamp is low", UserWarning)
        return lines


class LampExtension(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(Lamp(md), "lamp", 5)


def makeExtension(**kwargs):
    return LampExtension(**kwargs)
"""


def test_what_the_markdown_reader_tells_is_kept_by_the_build_it_reads_for(tmp_path, monkeypatch):
    """The Markdown reader reads with a copy of the settings (its extensions added): the Python
    warnings its files raised are kept by the build's own per-build object, not by one made
    for the copy, which nothing else asks."""
    (tmp_path / "low_lamp.py").write_text(LOW_LAMP)
    monkeypatch.syspath_prepend(str(tmp_path))
    defaults = read_settings(str(ROOT / "pelicanconf.py"))
    settings = {**defaults, "PATH": str(tmp_path), "CACHE_CONTENT": True}
    settings["MARKDOWN"] = copy.deepcopy(defaults["MARKDOWN"])
    settings["MARKDOWN"]["extension_configs"]["low_lamp"] = {}
    settings["ARTICLE_PATHS"] = [""]
    made = StrictMarkdownReader(settings)
    assert made.settings is not settings  # the reader's own copy
    try:
        with warnings.catch_warnings(record=True) as shown:
            for name in ("one", "two"):
                (tmp_path / f"{name}.md").write_text(POST)
                made.read(str(tmp_path / f"{name}.md"))
        assert [str(w.message) for w in shown] == ["the lamp is low"]  # as Python shows it
        told = reading.told(settings)
        assert [place[1] for place in told] == ["the lamp is low"]  # one place, told once
        assert reading.told(made.settings) == set()  # nothing kept for the copy
    finally:
        for used in (settings, made.settings):
            build.current(used).close()
