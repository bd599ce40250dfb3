"""The compiled-template cache (plugins/blogcore/bytecode.py): an entry is reused only by an
environment that compiles the same code, an entry cut short is compiled again, and a cache
folder that cannot be written leaves the build going on."""

import fcntl
import functools
import importlib.util
import json
import logging
import os
import pickle
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import jinja2
import pytest
from pelican.settings import get_settings_from_file

from plugins.blogcore import compat
from plugins.blogcore.bytecode import IN_USE, NamedBytecodeCache, behaviour, hold, prune
from plugins.blogcore.compat import filter_pass_arg
from tests.conftest import DEV_CONF, FIXTURES, ROOT

TEMPLATES = {
    "page.html": (
        "<title>{{ name }}</title>\n"
        "<ul>\n"
        "  {% for item in items %}\n"
        "  <li>{{ item }}</li>\n"
        "  {% endfor %}\n"
        "</ul>{{ 'const' }}<# a note #>\n"
    )
}
VALUES = {"name": "Tea <i>and</i> Co", "items": ["a", "b"]}
PLAIN = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}


def shout(value):
    return str(value).upper()


def rendered(cache_dir, **options) -> str:
    cache = NamedBytecodeCache(str(cache_dir), filter_pass_arg) if cache_dir else None
    loader = jinja2.DictLoader(TEMPLATES)
    env = jinja2.Environment(loader=loader, bytecode_cache=cache, **options)
    return env.get_template("page.html").render(VALUES)


@pytest.mark.parametrize(
    "changed",
    [
        {"autoescape": False},  # the probe's case: markup in SITENAME published unescaped
        {"trim_blocks": False},
        {"lstrip_blocks": False},
        {"keep_trailing_newline": True},
        {"comment_start_string": "<#", "comment_end_string": "#>"},
        {"finalize": shout},
        {"extensions": ["jinja2.ext.loopcontrols"], "optimized": False},
    ],
)
@pytest.mark.parametrize("first", ["plain", "changed"])
def test_an_entry_compiled_with_other_options_is_compiled_again(tmp_path, changed, first):
    after = {**PLAIN, **changed}
    before = PLAIN if first == "changed" else after
    after = after if first == "changed" else PLAIN
    rendered(tmp_path, **before)  # fills the cache
    assert rendered(tmp_path, **after) == rendered(None, **after)
    assert rendered(tmp_path, **before) == rendered(None, **before)  # and back


def test_an_unchanged_environment_reuses_its_entries(tmp_path):
    rendered(tmp_path, **PLAIN)
    (entry,) = tmp_path.glob("__jinja2_*.cache")
    entry.write_bytes(entry.read_bytes())  # same bytes, a new time: rewritten only on a miss
    stamp = entry.stat().st_mtime_ns
    assert rendered(tmp_path, **PLAIN) == rendered(None, **PLAIN)
    assert entry.stat().st_mtime_ns == stamp


@pytest.mark.parametrize("length", [0, 5, 20, 40])
def test_an_entry_cut_short_is_compiled_again_and_replaced(tmp_path, length):
    rendered(tmp_path, **PLAIN)
    (entry,) = tmp_path.glob("__jinja2_*.cache")
    whole = entry.read_bytes()
    entry.write_bytes(whole[:length])  # the magic intact, the pickle cut: UnpicklingError
    assert rendered(tmp_path, **PLAIN) == rendered(None, **PLAIN)
    assert entry.read_bytes() == whole


def test_a_cache_folder_that_cannot_be_written_is_said_once(tmp_path, unwritable, caplog):
    folder = unwritable(tmp_path / "jinja")
    loader = jinja2.DictLoader({**TEMPLATES, "other.html": "{{ name }}"})
    env = jinja2.Environment(
        loader=loader, bytecode_cache=NamedBytecodeCache(str(folder), filter_pass_arg)
    )
    with caplog.at_level(logging.WARNING):
        assert "Tea" in env.get_template("page.html").render(VALUES)
        assert "Tea" in env.get_template("other.html").render(VALUES)
    lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(lines) == 1
    assert lines[0].startswith(f"{folder}: cannot write in it: ")


def test_turning_autoescape_on_escapes_the_next_build(build_site, tmp_path):
    # the probe's repro: a build with autoescape off, then one with it on (pelicanconf.py's),
    # the same cache; the second published the site name's markup as markup
    cache = str(tmp_path / "cache")
    name = "Tea <i>and</i> Co"
    off = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": False, "extensions": []}
    site = build_site(CACHE_PATH=cache, SITENAME=name, JINJA_ENVIRONMENT=off)
    assert site.soup("").title.find("i")  # compiled unescaped, as asked
    site = build_site(CACHE_PATH=cache, SITENAME=name)
    assert site.soup("").title.find("i") is None
    assert site.soup("").title.get_text().startswith(name)


def test_the_cache_pickles_with_the_settings(tmp_path):
    # Pelican pickles the settings, JINJA_ENVIRONMENT's bytecode_cache too, into its content
    # cache: a cache that does not pickle stopped every build that keeps one
    cache = NamedBytecodeCache(str(tmp_path), filter_pass_arg)
    loader = jinja2.DictLoader(TEMPLATES)
    jinja2.Environment(loader=loader, bytecode_cache=cache, **PLAIN).get_template("page.html")
    copy = pickle.loads(pickle.dumps(cache))
    env = jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES), bytecode_cache=copy, **PLAIN)
    assert env.get_template("page.html").render(VALUES) == rendered(None, **PLAIN)


class Stamp:
    """A filter that is an object with ``__call__``, holding what it adds."""

    def __init__(self, mark: str) -> None:
        self.mark = mark

    def __call__(self, value: str) -> str:
        return f"{value}{self.mark}"


def _partial_test(value: str) -> dict:
    return {"tests": {"listed": functools.partial(_within, names=[value])}}


def _within(name: str, names: list) -> bool:
    return name in names


def _closure_filter(value: str) -> dict:
    return {"filters": {"site": lambda path: f"{value}/{path}"}}


def _object_filter(value: str) -> dict:
    return {"filters": {"site": Stamp(value)}}


FOLDED = "{% if 'a' is listed %}listed{% else %}not listed{% endif %} {{ 'x'|site }}\n"


@pytest.mark.parametrize("made", [_partial_test, _closure_filter, _object_filter])
def test_a_filter_or_test_jinja_called_while_compiling_keys_the_entry(tmp_path, made):
    # Jinja's optimizer calls a filter or test on constants as it compiles and keeps the
    # answer in the code: Pelican's `"plugins.x" is plugin_enabled` over PLUGINS. A build
    # after PLUGINS changed reused the old answers (a removed plugin's blocks kept their
    # wrappers, another's vanished) until .cache was removed.
    def page(value: str, cache_dir) -> str:
        env = jinja2.Environment(
            loader=jinja2.DictLoader({"p.html": FOLDED}),
            bytecode_cache=NamedBytecodeCache(str(cache_dir), filter_pass_arg)
            if cache_dir
            else None,
        )
        env.tests.setdefault("listed", lambda name: False)
        env.filters.setdefault("site", str)
        for kind, table in made(value).items():
            getattr(env, kind).update(table)
        return env.get_template("p.html").render()

    assert page("a", tmp_path) == page("a", None)
    assert page("b", tmp_path) == page("b", None) != page("a", None)
    assert page("a", tmp_path) == page("a", None)  # and back


def test_what_a_filter_holds_is_named_in_brief():
    # a closure over the posts or the whole settings is named by its type and size: read
    # item by item, it took a minute per build at 500 posts
    posts = [{"title": f"Post {n}", "tags": [f"t{n}", "x"], "meta": {"n": n}} for n in range(5000)]
    settings = {f"KEY_{n}": list(range(50)) for n in range(300)}
    text = behaviour(lambda value: (posts, settings, value))
    assert "list[5000]" in text and "dict[300]" in text
    assert len(text) < 200
    # a long text by a digest that every process makes the same (hash() differs in each)
    script = (
        "from plugins.blogcore.bytecode import behaviour\n"
        "def made(text):\n"
        "    return lambda value: (text, value)\n"
        "print(behaviour(made('x' * 5000)))\n"
    )
    command = [sys.executable, "-c", script]
    runs = {subprocess.run(command, cwd=ROOT, capture_output=True, text=True).stdout for _ in "ab"}
    assert len(runs) == 1 and "str#" in runs.pop()
    # the small things a folded answer depends on are there in full
    assert "['plugins.a', 'plugins.b']" in behaviour(
        functools.partial(_within, names=["plugins.a", "plugins.b"])
    )


def test_a_plugin_taken_out_of_plugins_leaves_no_trace_in_the_next_build(tmp_path):
    # the same cache as a build with every plugin; pages as a build with an empty cache.
    # Each build a process of its own, as make build runs it: in one process, plugins taken
    # out and put back register their receivers in another order
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    plugins = get_settings_from_file(str(DEV_CONF))["PLUGINS"]
    fewer = [p for p in plugins if p not in ("plugins.series", "plugins.related", "plugins.team")]

    def build(output: str, cache: str, *extra: str) -> Path:
        command = [sys.executable, "-m", "pelican", str(content), "-s", str(DEV_CONF)]
        command += [
            "-o",
            str(tmp_path / output),
            "-e",
            f"CACHE_PATH={json.dumps(str(tmp_path / cache))}",
        ]
        done = subprocess.run([*command, *extra], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return tmp_path / output

    build("first", "cache")
    warm = build("warm", "cache", "-e", f"PLUGINS={json.dumps(fewer)}")
    cold = build("cold", "empty", "-e", f"PLUGINS={json.dumps(fewer)}")
    pages = sorted(p.relative_to(cold) for p in cold.rglob("*.html"))
    assert pages == sorted(p.relative_to(warm) for p in warm.rglob("*.html"))
    differ = [p for p in pages if (warm / p).read_bytes() != (cold / p).read_bytes()]
    assert differ == []


def _stale(root, name: str) -> None:
    """A stamp's folder another Jinja or Python left, with a compiled template in it."""
    (root / name).mkdir(parents=True)
    (root / name / "__jinja2_0123.cache").write_bytes(b"old")


def test_prune_removes_other_stamps_folders_but_those_held_and_others(tmp_path):
    for name in ("0123456789ab", "ba9876543210", "a1a1a1a1a1a1", "0123456789abc"):
        _stale(tmp_path, name)
    (tmp_path / "notes").mkdir()  # not a stamp's: whatever else the folder holds stays
    held = hold(tmp_path / "a1a1a1a1a1a1")  # a build running with those versions
    try:
        assert prune(tmp_path, keep="ba9876543210") == ["0123456789ab"]
    finally:
        held.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "0123456789abc",
        "a1a1a1a1a1a1",
        "ba9876543210",
        "notes",
    ]
    assert prune(tmp_path, keep="ba9876543210") == ["a1a1a1a1a1a1"]  # that build is over


def test_a_build_holding_a_folder_a_prune_is_removing_makes_it_again(tmp_path):
    # the prune has the folder's lock when the build comes to hold it: the build waits, finds
    # the lock file it waited on gone with the folder, and makes and holds a new one
    folder = tmp_path / "0123456789ab"
    _stale(tmp_path, folder.name)
    pruning = open(folder / IN_USE, "a")  # noqa: SIM115
    fcntl.flock(pruning, fcntl.LOCK_EX)
    got: list = []
    waiting = threading.Thread(target=lambda: got.append(hold(folder)))
    waiting.start()
    time.sleep(0.3)
    shutil.rmtree(folder)
    pruning.close()
    waiting.join(10)
    (handle,) = got
    try:
        assert os.fstat(handle.fileno()).st_ino == (folder / IN_USE).stat().st_ino
        assert prune(tmp_path, keep="ffffffffffff") == []  # held now
    finally:
        handle.close()


def test_a_build_prunes_the_folders_of_other_versions(build_site, tmp_path):
    jinja = tmp_path / "cache" / "jinja"
    _stale(jinja, "0123456789ab")  # an older Jinja's
    _stale(jinja, "a1a1a1a1a1a1")
    held = hold(jinja / "a1a1a1a1a1a1")  # a build running with another Jinja, right now
    try:
        build_site(CACHE_PATH=str(tmp_path / "cache"))
    finally:
        held.close()
    left = sorted(p.name for p in jinja.iterdir())
    assert "0123456789ab" not in left
    assert "a1a1a1a1a1a1" in left
    (current,) = [name for name in left if name != "a1a1a1a1a1a1"]
    assert list((jinja / current).glob("__jinja2_*.cache"))  # this build's templates


@jinja2.pass_context
def with_context(context, value):
    return value


@jinja2.pass_environment
def with_environment(environment, value):
    return value


@pytest.mark.parametrize(
    ("func", "handed"),
    [(shout, ""), (with_context, "context"), (with_environment, "environment")],
)
def test_how_a_filter_is_called_is_read_behind_the_compat_boundary(func, handed):
    assert filter_pass_arg(func) == handed


def test_a_filter_that_now_takes_the_context_compiles_the_templates_again(tmp_path):
    # the compiled call passes the context or not: an entry compiled for the other is a miss
    loader = jinja2.DictLoader({"t.html": "{{ name|f }}"})
    cache = NamedBytecodeCache(str(tmp_path), filter_pass_arg)
    env = jinja2.Environment(loader=loader, bytecode_cache=cache)
    env.filters["f"] = shout
    assert env.get_template("t.html").render(name="a") == "A"
    env = jinja2.Environment(loader=loader, bytecode_cache=cache)
    env.filters["f"] = with_context
    assert env.get_template("t.html").render(name="a") == "a"


def test_an_untested_jinja_compiles_templates_in_every_build(build_site, monkeypatch, caplog):
    """Where Jinja may record how a filter is called otherwise, no compiled template is kept:
    the stock way, said in one info line."""
    monkeypatch.setitem(compat.JINJA_TESTED, "Jinja", ("3.2.0", (3, 0), (3, 2)))
    with caplog.at_level(logging.INFO):
        site = build_site()
    cache = site.output.parent / f".cache-{site.output.name}"
    assert cache.is_dir() and not (cache / "jinja").exists()
    lines = [r.getMessage() for r in caplog.records if "compiled-template cache" in r.getMessage()]
    assert lines == [
        "blogcore: compiled-template cache off, building the stock way: Jinja 3.2.0 "
        "(tested: 3.0 up to, not including, 3.2)"
    ]


def test_the_installed_jinja_keeps_the_cache(ended):
    """This environment's Jinja (requirements.lock) is one the cache's key was tested on."""
    # template_cache makes a build of its own for these settings (engine.build.said)
    assert compat.template_cache(ended({"BLOGCORE_TEMPLATE_CACHE": True}))
    assert not compat.template_cache(ended({"BLOGCORE_TEMPLATE_CACHE": False}))


def test_one_cache_reads_each_filters_file_once(tmp_path):
    # every generator makes its own environment with the same filters and tests: their
    # modules' files were read and hashed for each (about 20 files, 150 times a build)
    module_file = tmp_path / "shouting.py"
    module_file.write_text("def shout(value):\n    return str(value).upper()\n", encoding="utf-8")
    spec = importlib.util.spec_from_file_location("shouting", module_file)
    shouting = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shouting)
    source = "{{ 'quiet' | shout }}"

    def checksum(cache):
        env = jinja2.Environment(bytecode_cache=cache)
        env.filters["shout"] = shouting.shout
        return cache.get_bucket(env, "page.html", None, source).checksum

    cache = NamedBytecodeCache(str(tmp_path / "cache"), filter_pass_arg)
    first = checksum(cache)
    module_file.write_text("def shout(value):\n    return str(value).title()\n", encoding="utf-8")
    assert checksum(cache) == first  # the same build: the file as it first read it
    assert checksum(NamedBytecodeCache(str(tmp_path / "cache"), filter_pass_arg)) != first
