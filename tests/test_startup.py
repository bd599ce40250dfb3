"""A build imports a heavy library only where it uses it (docs/performance.md, start-up)."""

import gc
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from pillow_heif import register_heif_opener

ROOT = Path(__file__).resolve().parent.parent


def _python(script: str, *args: str) -> str:
    """What a Python script run in a new process, in the project's folder, prints."""
    command = [sys.executable, "-c", script, *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True).stdout


# Pelican ready to read: settings read, every plugin of pelicanconf.py loaded and initialised
READY = """
import sys
from pelican import Pelican
from pelican.settings import read_settings
Pelican(read_settings("pelicanconf.py", override={"OUTPUT_PATH": sys.argv[1]}))
print(" ".join(sorted(sys.modules)))
"""


def test_start_up_imports_no_numpy_scipy_yaml_toml_or_heif_reader(tmp_path):
    # NumPy and SciPy (0.3 s) are for related posts' scoring, in the fork that scores them;
    # PyYAML (11 ms) for front matter between --- lines, when a post has some; tomllib (20 ms
    # compiling its patterns) for +++ lines
    out = _python(READY, str(tmp_path / "out"))
    loaded = set(out.split())
    assert "plugins.related.signals" in loaded
    assert {"plugins.blogcore.yamlvalues", "plugins.blogcore.tomlvalues"} <= loaded
    assert not {"numpy", "scipy", "plugins.related.scoring", "yaml", "tomllib"} & loaded
    # pillow-heif (5.2 MB, about 9 ms) when a file Pillow cannot read without it is opened
    assert "plugins.images.pipeline" in loaded and "pillow_heif" not in loaded


# a whole build of a content folder, as `pelican -s pelicanconf.py` runs it, without the
# search index (Pagefind is another process)
BUILD = """
import json
import sys
from pelican import Pelican
from pelican.settings import read_settings
plugins = [p for p in read_settings("pelicanconf.py")["PLUGINS"] if p != "plugins.search"]
content, output, cache = sys.argv[1:]
override = {"PATH": content, "OUTPUT_PATH": output, "CACHE_PATH": cache, "PLUGINS": plugins}
Pelican(read_settings("pelicanconf.py", override=override)).run()
print(" ".join(sorted(sys.modules)))
"""


def test_a_build_with_the_theme_unchanged_imports_no_webassets_or_catalog_reader(tmp_path):
    # webassets (21 ms with its build) builds the bundles, Babel's .po reader (12 ms) checks the
    # catalogs: both once, then kept in CACHE_PATH until the theme's files change
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "site", content)
    shutil.copy(ROOT / "content" / "posts" / "the-volunteers-who-translate-tessellate.fr.md",
                content / "posts")  # fmt: skip
    pages = []
    for run in range(2):
        output = tmp_path / f"output-{run}"
        out = _python(BUILD, str(content), str(output), str(tmp_path / "cache"))
        pages.append({p.relative_to(output): p.read_bytes() for p in output.rglob("*")
                      if p.is_file()})  # fmt: skip
        loaded = set(out.splitlines()[-1].split())
    assert pages[0] == pages[1]
    assert any(str(p).startswith("theme/css/site.") for p in pages[1])
    assert not {"webassets", "babel.messages"} & loaded


# what a one-post build without pictures, videos or webmentions settings does not use: each is
# imported (or compiled) where it is used (docs/performance.md, start-up)
NOT_IN_ONE_POST = {
    "plugins.images.video": "a video file's reader",
    "plugins.images.matroska": "a Matroska or WebM file's reader",
    "plugins.webmentions.client": "fetching mentions, with WEBMENTIONS_DOMAIN",
    "plugins.webmentions.network": "fetching or sending mentions",
    "plugins.webmentions.send": "recording links to send, with WEBMENTIONS_SEND",
    "pillow_heif": "HEIC and HEIF photos' reader, when Pillow cannot identify a file without it",
    "concurrent.futures.process": "the image pipeline's worker pool, for two photos to decode",
}
LAZY_PATTERNS = """
from plugins.blogcore import foreign, summaries, text
from plugins.related import text as related_text
from plugins.team import people
lazy = (summaries._word, text._spaceless, people._space_in_cjk, foreign._sub, foreign._math,
        related_text._spaceless)  # fmt: skip
print(*(made.cache_info().currsize for made in lazy))
"""


def test_a_one_post_build_imports_no_video_reader_webmention_client_or_wide_pattern(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "site" / "team", content / "team")
    (content / "posts").mkdir()
    (content / "posts" / "one.md").write_text(
        "Title: The only post\nDate: 2025-03-14 09:30\nAuthor: Ada Byrne\n"
        "Summary: What the card says.\n\nA first paragraph, in English.\n",
        encoding="utf-8",
    )
    output = tmp_path / "out"
    out = _python(BUILD + LAZY_PATTERNS, str(content), str(output), f"{output}-c")
    *_, modules, compiled = out.splitlines()
    assert (output / "posts" / "the-only-post" / "index.html").is_file()
    loaded = set(modules.split())
    assert {"plugins.webmentions.signals", "plugins.images.signals"} <= loaded
    assert not set(NOT_IN_ONE_POST) & loaded
    # the wide-range word patterns (10 and 4 ms to compile), team names' CJK spaces (2-3 ms),
    # PyMdown's subscript and render_math's LaTeX as the checks read them (15-20 and 12-20 ms:
    # a post without ~ or $ needs neither), related posts' Chinese and Japanese runs (10-15 ms)
    assert compiled == "0 0 0 0 0 0"


# the collector's passes while Pelican loads and initialises the plugins: the plugins' modules
# are made with it paused and frozen after (plugins/engine/loading.py)
READY_COLLECTIONS = """
import gc
import sys
from pelican import Pelican
from pelican.settings import read_settings
settings = read_settings("pelicanconf.py", override={"OUTPUT_PATH": sys.argv[1]})
before = [generation["collections"] for generation in gc.get_stats()]
Pelican(settings)
after = [generation["collections"] for generation in gc.get_stats()]
print(*(a - b for a, b in zip(after, before)), gc.isenabled(), gc.get_freeze_count() > 10000)
"""


def test_loading_the_plugins_runs_no_full_collection(tmp_path):
    # 59 young, 6 middle and one full pass (40-70 ms) walked the modules' objects as they came
    out = _python(READY_COLLECTIONS, str(tmp_path / "out"))
    young, middle, full, enabled, frozen = out.split()
    assert (full, enabled, frozen) == ("0", "True", "True")
    assert int(young) < 25 and int(middle) < 3  # 10 and 0 left: the receivers at initialized


# each plugin's package imports its modules with the collector paused: importing them in
# pelicanconf.py's order (Pelican imported first, as Pelican does) runs no pass at all
IMPORT_COLLECTIONS = """
import gc
import importlib
import pelican.generators
from pelican.settings import read_settings
plugins = read_settings("pelicanconf.py")["PLUGINS"]
passes = {}
for name in plugins:
    before = sum(generation["collections"] for generation in gc.get_stats())
    importlib.import_module(name)
    passes[name] = sum(generation["collections"] for generation in gc.get_stats()) - before
print(*(name for name, count in passes.items() if count))
"""


def test_importing_each_plugin_runs_no_collection():
    # fastbuild's package imported its modules with the collector running (2 young passes)
    assert _python(IMPORT_COLLECTIONS).split() == []


def test_the_collector_is_paused_only_inside_the_block():
    from plugins.engine.loading import collector_paused

    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        assert not gc.isenabled()
        raise ValueError
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a caller's own pause is left as it was
    finally:
        gc.enable()


# a HEIC photo opened in a process that has not loaded pillow-heif: by the image pipeline (its
# clean copy, a JPEG) and by the reStructuredText reader (its size, for width and height)
READ_HEIC = """
import sys
from plugins.blogcore import rst
from plugins.images import pipeline
path, reader = sys.argv[1:]
print("pillow_heif" in sys.modules)
if reader == "pipeline":
    with open(path, "rb") as photo:
        print(pipeline.clean_original(photo.read())[1])
else:
    print(rst.picture_size(path))
"""


@pytest.mark.parametrize(("reader", "read"), [("pipeline", "jpg"), ("rst", "(40, 30)")])
def test_a_heic_photo_is_read_with_the_heif_reader_loaded_on_first_use(tmp_path, reader, read):
    register_heif_opener()  # this process writes the photo; the one reading it starts without
    photo = tmp_path / "IMG_0001.heic"
    Image.new("RGB", (40, 30), (200, 90, 40)).save(photo, "HEIF")
    assert _python(READ_HEIC, str(photo), reader).split("\n")[:2] == ["False", read]
