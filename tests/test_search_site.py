"""Search on built fixture sites: the index is written; drafts and future posts never in it."""

import contextlib
import gzip
import json
import logging
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from plugins.engine import build
from plugins.i18n.templating import PLURAL_SAMPLES
from plugins.search import indexing
from plugins.search import signals as search_signals
from plugins.search.bundles import Bundle
from plugins.search.settings import SettingsError, configure
from tests.conftest import ROOT
from tests.test_comments_plurals import write_catalog

# Posts in Chinese and Japanese, which get indexes of their own language, split into words

ZH_POST = (
    "Title: 社区活动介绍\nDate: 2024-05-01\nAuthor: Ada Byrne\nLang: zh-Hans\nSlug: shequ\n\n"
    "我们的社区中心每周六举办书法课程，欢迎大家参加。\n"
)
JA_POST = (
    "Title: 土曜日の教室について\nDate: 2024-05-02\nAuthor: Ada Byrne\nLang: ja\n"
    "Slug: kyoshitsu\n\n"
    "私たちの公民館では毎週土曜日に書道教室を開いています。\n"
)
CJK_POSTS = {"posts/zh.md": ZH_POST, "posts/ja.md": JA_POST}
ZWSP = "\u200b"  # what Pagefind's extended build puts between the words it splits


def _fragments(bundle: Path) -> dict[str, str]:
    """Each page a Pagefind bundle holds (its URL) and the text it indexed."""
    found = {}
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        fragment = json.loads(data)
        found[fragment["url"]] = fragment["content"]
    return found


def _languages(bundle: Path) -> dict[str, int]:
    """The languages of a Pagefind bundle's indexes, with their page counts."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return {lang: index["page_count"] for lang, index in entry["languages"].items()}


def _merge(site) -> dict:
    return json.loads(site.text("pagefind/merge.json"))


def _indexed_text(output: Path) -> bytes:
    """Everything Pagefind wrote (its fragments are gzip-compressed: decompress them)."""
    data = b""
    for path in (output / "pagefind").rglob("*"):
        if path.is_file() and path.suffix in (".pf_fragment", ".pf_index", ".pf_meta"):
            raw = path.read_bytes()
            try:
                data += gzip.decompress(raw)
            except OSError:
                data += raw
    return data


def test_index_written_with_published_posts_only(build_site):
    site = build_site()
    assert site.exists("pagefind/pagefind.js")
    assert site.exists("search/")
    text = _indexed_text(site.output)
    assert b"exclusion constraints" in text.lower()  # a published post's body
    assert b"SECRETDRAFTWORD" not in text  # a draft (written under drafts/ in dev builds)
    assert b"SECRETFUTUREWORD" not in text  # dated 2099: a draft until then
    marked = {p.relative_to(site.output).as_posix() for p in indexing.marked_pages(site.output)}
    assert "posts/ranges/index.html" in marked and "about/index.html" in marked
    assert not [p for p in marked if p.startswith("drafts/")]
    assert "index.html" not in marked and "team/index.html" not in marked


@pytest.mark.parametrize(
    ("background", "html", "started"),
    [
        (False, "<article data-pagefind-body><h1>Kilns</h1><p>Hot.</p>", True),
        (False, "<p>A list, nothing marked</p>", False),
        (True, "<article data-pagefind-body><h1>Kilns</h1></article>", False),
    ],
)
def test_content_pages_written_says_whether_pagefind_started(
    tmp_path: Path, background, html, started, ended
):
    # fastbuild's listings yield to Pagefind only when it was started
    page = tmp_path / "posts" / "kilns" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(f"<html><body>{html}</body></html>", encoding="utf-8")
    settings = ended(
        {
            **configure({}),
            "PLUGINS": ["plugins.search"],
            "OUTPUT_PATH": str(tmp_path),
            "SEARCH_IN_BACKGROUND": background,
            "DEFAULT_LANG": "en",
        }
    )
    assert search_signals.on_content_pages_written(None, settings, [str(page)]) is started
    running = getattr(build.current(settings).state("plugins.search"), "running", None)
    if running is not None:
        job, _ = running
        assert indexing.finish(job, 60).ok
        assert (tmp_path / "pagefind" / "pagefind.js").exists()


@pytest.mark.parametrize("files", [{}, CJK_POSTS], ids=["english", "with-zh-and-ja"])
def test_an_index_started_while_listings_render_is_the_one_made_at_the_end(
    build_site, caplog, files
):
    with caplog.at_level(logging.DEBUG):
        early = build_site(files, FASTBUILD_WORKERS=2, FASTBUILD_MIN_FILES=1)
    # the build said when its posts were written, and Pagefind started then
    assert any("Pagefind started on" in m for m in caplog.messages), caplog.messages
    at_the_end = build_site(files, FASTBUILD_WORKERS=1)
    assert _indexed_text(early.output)
    assert _indexed_text(early.output) == _indexed_text(at_the_end.output)


def test_search_page_and_header_box(build_site):
    site = build_site()
    page = site.soup("search/")
    root = page.select_one("[data-search]")
    assert root["data-search-bundle"] == f"{site.siteurl}/pagefind/pagefind.js"
    assert "{query}" in root["data-search-none"]
    assert page.select_one("noscript").find("a", href=f"{site.siteurl}/archives/")
    form = site.soup("").select_one(".site-search form[role=search]")
    assert form["action"] == f"{site.siteurl}/search/" and form.has_attr("hidden")
    assert site.soup("").select_one(f".site-search a[href='{site.siteurl}/search/']")
    assert form.select_one("label")["for"] == form.select_one("input[name=q]")["id"]
    assert f"<loc>{site.siteurl}/search/</loc>" in site.text("sitemap.xml")


def test_publish_build_indexes_its_own_output(build_site):
    site = build_site(publish=True)
    text = _indexed_text(site.output)
    assert b"SECRETDRAFTWORD" not in text and b"exclusion constraints" in text.lower()


def test_no_published_page_means_no_index(build_site):
    site = build_site(
        fixture=None,
        files={
            "posts/only.md": "Title: Only\nDate: 2024-01-01\nStatus: draft\n\nSECRETDRAFTWORD\n"
        },
    )
    assert not site.exists("pagefind/pagefind.js")


def test_settings_are_checked():
    assert configure({})["SEARCH_OUTPUT_DIR"] == "pagefind"
    assert configure({})["SEARCH_SEGMENTED_LANGUAGES"] == ("zh", "ja", "th")
    assert configure({"SEARCH_SEGMENTED_LANGUAGES": ["ja"]})["SEARCH_SEGMENTED_LANGUAGES"] == (
        "ja",
    )
    for bad, key in (
        ({"SEARCH_OUTPUT_DIRS": "x"}, "did you mean SEARCH_OUTPUT_DIR"),
        ({"SEARCH_OUTPUT_DIR": "../up"}, "SEARCH_OUTPUT_DIR"),
        ({"SEARCH_TIMEOUT": 0}, "SEARCH_TIMEOUT"),
        ({"SEARCH_IN_BACKGROUND": "yes"}, "SEARCH_IN_BACKGROUND must be True or False"),
        ({"SEARCH_SEGMENTED_LANGUAGES": "ja"}, "SEARCH_SEGMENTED_LANGUAGES must be a tuple"),
        ({"SEARCH_SEGMENTED_LANGUAGES": ("zh-Hans",)}, "without a region"),
        ({"SEARCH_SEGMENTED_LANGUAGES": [1]}, "SEARCH_SEGMENTED_LANGUAGES"),
    ):
        try:
            configure(bad)
        except SettingsError as exc:
            assert key in str(exc)
        else:
            raise AssertionError(f"{bad} was accepted")


def test_indexed_count():
    assert indexing.indexed_count("Total:\n  Indexed 1 language\n  Indexed 42 pages\n") == 42
    assert indexing.indexed_count("nothing") == 0


def _wait_for_background(cache: Path, timeout: float = 120) -> None:
    """Until background indexing for any output under this cache folder has ended."""
    deadline = time.monotonic() + timeout
    while list(cache.glob("search/*/index.pid")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not list(cache.glob("search/*/index.pid")), "background indexing did not end"


def test_background_indexing_swaps_a_complete_index_in(build_site):
    site = build_site(CJK_POSTS, SEARCH_IN_BACKGROUND=True)
    cache = site.output.parent / f".cache-{site.output.name}"
    _wait_for_background(cache)
    assert site.exists("pagefind/pagefind.js")
    assert [m["path"] for m in _merge(site)["merge"]] == ["ja/", "zh/"]
    assert site.exists("pagefind/ja/pagefind-entry.json")
    assert b"exclusion constraints" in _indexed_text(site.output).lower()
    assert not (site.output / "pagefind.next").exists()
    assert not (site.output / "pagefind.old").exists()
    (log,) = cache.glob("search/*/index.log")
    assert re.search(r"indexed \d+ page", log.read_text())


def test_a_failed_run_keeps_the_previous_index(tmp_path):
    site = tmp_path / "site"
    (site / "pagefind").mkdir(parents=True)
    (site / "pagefind" / "pagefind.js").write_text("old index")
    result = indexing.run_and_swap("/bin/false", site, "pagefind", [Bundle("", "en", "*")], 30)
    assert not result.ok
    assert (site / "pagefind" / "pagefind.js").read_text() == "old index"
    assert not (site / "pagefind.next").exists()


def test_a_run_that_takes_too_long_is_stopped_with_every_bundle(tmp_path):
    slow = tmp_path / "pagefind"
    slow.write_text("#!/bin/sh\nexec sleep 30\n")
    slow.chmod(0o755)
    runs = [Bundle("", "en", "*"), Bundle("ja", "ja", "*")]
    started = time.monotonic()
    result = indexing.run(str(slow), tmp_path / "site", "pagefind", runs, 0.5)
    assert not result.ok and "timed out" in result.message
    assert time.monotonic() - started < 10
    assert not (tmp_path / "site" / "pagefind" / "merge.json").exists()


def test_stop_background_leaves_a_process_that_is_not_ours_alone(tmp_path):
    stranger = subprocess.Popen(["sleep", "30"], start_new_session=True)
    try:
        (tmp_path / "index.pid").write_text(str(stranger.pid))
        indexing.stop_background(tmp_path / "index.pid")
        assert stranger.poll() is None  # a reused pid is not killed
        assert not (tmp_path / "index.pid").exists()
    finally:
        stranger.kill()
        stranger.wait()


def test_plan_takes_absolute_pages_under_a_relative_site(tmp_path, monkeypatch):
    pages = [tmp_path / "out" / "posts" / "a" / "index.html", tmp_path / "out" / "about.html"]
    for page in pages:
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text('<!DOCTYPE html>\n<html lang="en"><body data-pagefind-body>x</body>')
    monkeypatch.chdir(tmp_path)
    (bundle,) = indexing.plan(Path("out"), pages, "en", ("ja",))
    assert bundle.glob == "{about.html,posts/**/*.html}"


def test_chinese_and_japanese_posts_get_indexes_of_their_own(build_site):
    site = build_site(CJK_POSTS)
    main, zh, ja = (site.output / "pagefind" / f for f in ("", "zh", "ja"))
    assert _merge(site) == {
        "merge": [{"path": "ja/", "language": "ja"}, {"path": "zh/", "language": "zh"}]
    }
    assert list(_languages(zh)) == ["zh"] and list(_languages(ja)) == ["ja"]
    assert set(_fragments(zh)) == {"/zh-Hans/posts/shequ/"}
    assert set(_fragments(ja)) == {"/ja/posts/kyoshitsu/"}
    # split into words: 书法 (calligraphy) and 课程 (course); 書道 and 教室
    assert f"书法{ZWSP}课程" in _fragments(zh)["/zh-Hans/posts/shequ/"]
    assert f"書道{ZWSP}教室" in _fragments(ja)["/ja/posts/kyoshitsu/"]
    # every other page in the main index, as English, as before; none twice
    english = _fragments(main)
    assert list(_languages(main)) == ["en"] and len(english) == _languages(main)["en"]
    assert "/posts/ranges/" in english and "/about/" in english
    assert not [url for url in english if url.startswith(("/zh-Hans/", "/ja/"))]


def test_a_japanese_site_is_one_index_split_into_words(build_site):
    post = JA_POST.replace("Lang: ja\n", "")
    site = build_site({"posts/ja.md": post}, fixture=None, DEFAULT_LANG="ja")
    main = site.output / "pagefind"
    assert _languages(main) == {"ja": 1} and _merge(site) == {"merge": []}
    assert not (main / "ja").exists()
    assert f"書道{ZWSP}教室" in _fragments(main)["/posts/kyoshitsu/"]


def test_an_english_site_has_nothing_to_merge(build_site):
    site = build_site()
    assert _merge(site) == {"merge": []}
    assert not [p for p in (site.output / "pagefind").iterdir() if (p / "pagefind.js").exists()]


def test_without_segmented_languages_every_page_is_in_one_index(build_site):
    site = build_site(CJK_POSTS, SEARCH_SEGMENTED_LANGUAGES=())
    main = site.output / "pagefind"
    assert _merge(site) == {"merge": []} and not (main / "ja").exists()
    pages = _fragments(main)
    assert list(_languages(main)) == ["en"] and "/ja/posts/kyoshitsu/" in pages
    assert ZWSP not in pages["/ja/posts/kyoshitsu/"]  # as before: not split


@pytest.mark.parametrize(
    ("pages", "folders"),
    [
        # a hidden Japanese post is written but not marked: no Japanese index
        ({"posts/a": ("en", True), "ja/posts/b": ("ja", False)}, [""]),
        ({"posts/a": ("en", True), "ja/posts/b": ("ja", True)}, ["", "ja"]),
        # no English page marked: the Japanese index is the main one
        ({"posts/a": ("en", False), "ja/posts/b": ("ja", True)}, [""]),
        ({"posts/a": ("en", False), "ja/posts/b": ("ja", False)}, []),
    ],
)
def test_plan_written_indexes_only_languages_with_a_marked_page(tmp_path, pages, folders):
    written = []
    for folder, (lang, marked) in pages.items():
        page = tmp_path / folder / "index.html"
        page.parent.mkdir(parents=True)
        body = "<article data-pagefind-body>x</article>" if marked else "<p>x</p>"
        page.write_text(f'<!DOCTYPE html>\n<html lang="{lang}"><body>{body}</body></html>')
        written.append(page)
    runs = indexing.plan_written(tmp_path, written, "en", ("zh", "ja", "th"))
    assert [bundle.folder for bundle in runs] == folders


@pytest.mark.parametrize(
    ("output", "warned"),
    [
        ("⚠ Indexing Japanese in non-extended mode. \nIn this mode, ...\n", True),
        ("Running Pagefind v1.5.2 (Extended)\n  Indexed 2 pages\n", False),
    ],
)
def test_a_standard_pagefind_is_a_warning(output, warned):
    found = indexing.run_warnings(output, Bundle("ja", "ja", "*"))
    assert bool(found) is warned
    assert all("pagefind[extended]" in warning for warning in found)


# A background run that fails (`make serve`): no half index left, and the writer is told, on
# the terminal at once and by the next build (its problems are the overlay's), not only in
# index.log.


def _fake_pagefind(tmp_path: Path, script: str) -> str:
    """A Pagefind stand-in: a shell script given Pagefind's arguments."""
    binary = tmp_path / "pagefind"
    binary.write_text(
        "#!/bin/sh\n"
        'while [ $# -gt 0 ]; do case "$1" in --site) site=$2;; --output-subdir) out=$2;; '
        "esac; shift; done\n" + script
    )
    binary.chmod(0o755)
    return str(binary)


def test_a_run_that_cannot_write_its_index_leaves_no_staging_folder(tmp_path):
    # Pagefind wrote its files, then merge.json could not be written (here: a folder is in
    # its place; on the probe's full disk, ENOSPC): the run failed with a traceback in
    # index.log and left pagefind.next/ behind
    binary = _fake_pagefind(
        tmp_path,
        'mkdir -p "$site/$out/merge.json"\necho fragment > "$site/$out/pagefind.js"\n'
        'echo "Indexed 1 pages"\n',
    )
    site = tmp_path / "site"
    (site / "pagefind").mkdir(parents=True)
    (site / "pagefind" / "pagefind.js").write_text("old index")
    result = indexing.run_and_swap(binary, site, "pagefind", [Bundle("", "en", "*")], 30)
    assert not result.ok
    assert "merge.json" in result.message
    assert (site / "pagefind" / "pagefind.js").read_text() == "old index"
    assert not (site / "pagefind.next").exists()


def _one_page_in_the_background(tmp_path: Path, binary: str, timeout: float) -> dict:
    """The settings of a site of one indexed page, indexed in the background by ``binary``."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<html lang="en"><body data-pagefind-body>Hi</body></html>')
    return {
        "OUTPUT_PATH": str(site),
        "CACHE_PATH": str(tmp_path / "cache"),
        "SEARCH_BINARY": binary,
        "SEARCH_OUTPUT_DIR": "pagefind",
        "SEARCH_LANGUAGE": "en",
        "SEARCH_SEGMENTED_LANGUAGES": (),
        "SEARCH_TIMEOUT": timeout,
        "SEARCH_IN_BACKGROUND": True,
    }


def test_a_failed_background_run_is_said_on_the_terminal_and_by_the_next_build(tmp_path, caplog):
    binary = _fake_pagefind(
        tmp_path, 'echo "Error: No space left on device (os error 28)"\nexit 1\n'
    )
    settings = _one_page_in_the_background(tmp_path, binary, timeout=30)
    site = Path(settings["OUTPUT_PATH"])
    pelican = type("Pelican", (), {"settings": settings})()
    terminal = tmp_path / "terminal.log"
    with terminal.open("w") as stderr:  # the build's standard error: serve's terminal
        saved = os.dup(2)
        os.dup2(stderr.fileno(), 2)
        try:
            search_signals.on_finalized(pelican)
        finally:
            os.dup2(saved, 2)
            os.close(saved)
    _wait_for_background(tmp_path / "cache")
    said = terminal.read_text().splitlines()
    assert len(said) == 1, said
    assert said[0].startswith(
        "Search: indexing in the background failed (Error: No space left on device (os error 28)); "
        "search shows an earlier index (or none) until a build indexes again; log: "
    ), said
    assert not (site / "pagefind.next").exists()
    with caplog.at_level(logging.WARNING):
        search_signals.on_finalized(pelican)  # the next build
    _wait_for_background(tmp_path / "cache")
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warned) == 1 and warned[0].startswith(
        "Search: indexing after the previous build failed (Error: No space left on device "
        "(os error 28)); search shows an earlier index until a run succeeds (log: "
    ), warned


# A Polish catalog: the number of results has three forms (1; 2-4, 22-24…; 5-21, 25…)
POLISH = {
    ("%(count)s result for “%(query)s”", "%(count)s results for “%(query)s”"): (
        "%(count)s wynik dla „%(query)s”",
        "%(count)s wyniki dla „%(query)s”",
        "%(count)s wyników dla „%(query)s”",
    ),
}


def polish_site(build_site, tmp_path, files=None):
    """The fixture site in Polish (DEFAULT_LANG pl), with the Polish catalog above."""
    translations = tmp_path / "translations"
    write_catalog(translations, "pl", POLISH)
    return build_site(
        files,
        DEFAULT_LANG="pl",
        I18N_TRANSLATIONS_PATH=str(translations),
        I18N_CACHE_PATH=str(tmp_path / "i18n-cache"),
    )


def test_the_number_of_results_is_a_plural_with_every_form_of_the_catalog(build_site, tmp_path):
    """One "1 result" and one "N results" string left a Polish catalog one form for 2, 5 and
    22 results alike: the search page gives the count's form for each plural sample, as the
    comment counts do, and the script picks by the language's rules (plurals.js)."""
    counts = json.loads(
        polish_site(build_site, tmp_path)
        .soup("search/")
        .select_one("[data-search]")["data-search-counts"]
    )
    assert counts["lang"] == "pl"
    assert counts["samples"] == list(PLURAL_SAMPLES)
    by_sample = dict(zip(counts["samples"], counts["forms"]["results"], strict=True))
    assert by_sample[1] == "{{ n }} wynik dla „{query}”"
    assert by_sample[2] == by_sample[4] == "{{ n }} wyniki dla „{query}”"
    assert by_sample[5] == by_sample[21] == "{{ n }} wyników dla „{query}”"


def test_the_theme_catalog_has_the_number_of_results_as_a_plural():
    """What a translator gets (invoke i18n-extract): one entry with its plural forms."""
    pot = read_po((ROOT / "theme" / "translations" / "messages.pot").open("rb"))
    entry = pot.get(("%(count)s result for “%(query)s”", "%(count)s results for “%(query)s”"))
    assert entry is not None and entry.pluralizable
    assert pot.get("1 result for “%(query)s”") is None


# `make serve`'s process, in short: the search index after its build started in the
# background, as serve's builds start it, then serving (sleeping) until it is killed
SERVE_STAND_IN = """
import json, os, sys, time
from plugins.engine import background
from plugins.search import signals
os.environ[background.OWNER] = str(os.getpid())  # as `invoke serve` names itself
signals.on_finalized(type("Pelican", (), {"settings": json.loads(sys.argv[1])})())
time.sleep(300)
"""


def _running(pid: int) -> bool:
    """Is ``pid`` a process that has not ended (a zombie has ended)?"""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"


def _pids_in(path: Path, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, ValueError):
            return int(path.read_text())
        time.sleep(0.05)
    raise AssertionError(f"{path} was never written")


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="reads processes from /proc")
def test_a_background_run_ends_with_serve_killed_outright(tmp_path):
    # kill -9 of serve runs none of its cleanup: Pagefind (here a stand-in that runs until it
    # is stopped) went on writing into the served folder, for as long as it took, an orphan
    said = tmp_path / "pagefind.pid"
    binary = _fake_pagefind(tmp_path, f'echo $$ > "{said}"\nexec sleep 300\n')
    settings = _one_page_in_the_background(tmp_path, binary, timeout=300)
    command = [sys.executable, "-c", SERVE_STAND_IN, json.dumps(settings)]
    serve = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.DEVNULL)
    pagefind = run = 0
    try:
        pagefind = _pids_in(said, timeout=60)
        (pid_file,) = (tmp_path / "cache").glob("search/*/index.pid")
        run = _pids_in(pid_file, timeout=5)
        assert _running(pagefind) and _running(run)
        serve.kill()  # SIGKILL
        serve.wait()
        deadline = time.monotonic() + 5
        while (_running(pagefind) or _running(run)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _running(pagefind), "Pagefind outlived serve"
        assert not _running(run), "the background run outlived serve"
        _wait_for_background(tmp_path / "cache", timeout=5)  # its pid file goes with it
    finally:
        serve.kill()
        serve.wait()
        for pid in (pagefind, run):
            if pid and _running(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize("pidfd", [True, False], ids=["pidfd", "without-pidfd"])
def test_a_run_sees_its_owner_end(monkeypatch, pidfd):
    # Linux 5.3+ tells of a process's end (pidfd); elsewhere the run looks every half second
    if not pidfd:
        monkeypatch.delattr(os, "pidfd_open", raising=False)
    elif not hasattr(os, "pidfd_open"):
        pytest.skip("no pidfd here")
    owner = subprocess.Popen(["sleep", "0.3"])
    reaper = threading.Thread(target=owner.wait)  # as serve's own parent (make, a shell) does
    reaper.start()
    started = time.monotonic()
    indexing.until_ended(owner.pid)
    reaper.join()
    assert owner.returncode == 0 and time.monotonic() - started < 5
