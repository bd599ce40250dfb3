"""Publish builds: nothing unpublished leaks, bad input stops them, output swaps atomically."""

import datetime
import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import pelicanconf
from tests.conftest import FIXTURES, ROOT, iter_links

SECRETS = ("SECRETDRAFTWORD", "SECRETFUTUREWORD", "unfinished-thoughts", "from-the-future")


def test_publish_leaks_no_draft_or_future_post(published_site):
    written = published_site.files()
    assert written, "nothing was built"
    assert not (published_site.output / "drafts").exists()
    for file in written:
        if file.suffix in (".html", ".xml", ".txt", ".json"):
            text = file.read_text(encoding="utf-8")
            for secret in SECRETS:
                assert secret not in text, f"{secret} leaked into {file}"
    for file in published_site.files(".html"):
        soup = published_site.soup(file.relative_to(published_site.output).as_posix())
        for url in iter_links(soup):
            assert "/drafts/" not in url, f"{file} links to {url}"


def test_publish_uses_absolute_production_urls(published_site):
    canonical = published_site.soup("posts/ranges/").select_one("link[rel=canonical]")["href"]
    assert canonical == f"{published_site.siteurl}/posts/ranges/"


BAD_DATE = "Title: Broken\nDate: next tuesday-ish\nCategory: Company\n\nBody.\n"


def test_a_title_too_long_for_a_web_address_is_explained(build_site, caplog):
    caplog.set_level(logging.ERROR)
    title = "A very long title " * 12
    site = build_site({"posts/long.md": f"Title: {title}\nDate: 2024-02-02\n\nBody.\n"})
    messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any("posts/long.md: Title 'A very long title" in m for m in messages), messages
    assert any("add a shorter Slug: line" in m for m in messages), messages
    assert site.exists("posts/ranges/")  # the rest of the site is still built


def test_bad_date_names_file_and_key_and_keeps_the_rest(build_site, caplog):
    caplog.set_level(logging.ERROR)
    site = build_site({"posts/broken.md": BAD_DATE})
    messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any(
        "posts/broken.md" in m and "Date must be a date like 2025-03-14" in m for m in messages
    ), messages
    assert site.exists("posts/ranges/")
    assert "Traceback" not in "\n".join(messages)


def test_unknown_status_suggests_the_right_one(build_site, caplog):
    caplog.set_level(logging.ERROR)
    build_site({"posts/typo.md": "Title: Typo\nDate: 2024-01-01\nStatus: drfat\n\nBody.\n"})
    assert any(
        "posts/typo.md" in r.getMessage() and "did you mean 'draft'?" in r.getMessage()
        for r in caplog.records
    )


def test_strict_publish_build_exits_non_zero(build_site):
    with pytest.raises(SystemExit) as stop:
        build_site({"posts/broken.md": BAD_DATE}, publish=True)
    assert stop.value.code == 1


def _invoke(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_atomic_publish_keeps_the_previous_site_on_failure(tmp_path):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    output = tmp_path / "output"

    ok = _invoke("publish", "--content", str(content), "--output", str(output))
    assert ok.returncode == 0, ok.stderr
    before = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert output / "posts" / "ranges" / "index.html" in before

    (content / "posts" / "garden-party.md").write_text(BAD_DATE.replace("Broken", "Garden"))
    (content / "posts" / "new-post.md").write_text("Title: New\nDate: 2024-05-05\n\nNew.\n")
    failed = _invoke("publish", "--content", str(content), "--output", str(output))
    assert failed.returncode != 0
    log = failed.stdout + failed.stderr
    assert "posts/garden-party.md" in log and "Date must be a date" in log
    assert "Traceback" not in log
    after = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert after == before, "the previous output/ changed"
    assert _leftovers(output) == [], "staging left over"


def test_new_post_writes_a_draft_with_front_matter(tmp_path):
    content = tmp_path / "content"
    result = _invoke(
        "new-post",
        "Ça marche: our new booking page!",
        "--author",
        "Ada Byrne",
        "--content",
        str(content),
    )
    assert result.returncode == 0, result.stderr
    path = content / "posts" / "ca-marche-our-new-booking-page.md"
    assert result.stdout.strip().endswith("ca-marche-our-new-booking-page.md")
    head = dict(
        line.split(": ", 1)
        for line in path.read_text().split("\n\n")[0].splitlines()
        if ": " in line
    )
    assert head["Title"] == "Ça marche: our new booking page!"
    assert head["Author"] == "Ada Byrne"
    assert head["Status"] == "draft"
    assert head["Slug"] == "ca-marche-our-new-booking-page"
    assert head["Date"][:2] == "20"
    again = _invoke(
        "new-post", "Ça marche: our new booking page!", "--author", "X", "--content", str(content)
    )
    assert again.returncode != 0 and "exists already" in (again.stderr + again.stdout)


# Publishing is atomic and tidy: output is a link to the current build, swapped by a rename;
# an interrupted publish stops its Pelican; what a killed one leaves, the next one removes.


def _leftovers(output: Path) -> list[str]:
    """Staging and build folders beside output other than the one output links to."""
    builds = output.with_name(f".{output.name}.builds")
    current = os.path.realpath(output)
    found = [p for p in builds.iterdir() if os.path.realpath(p) != current]
    found += [p for p in output.parent.iterdir() if p.name.startswith(f".{output.name}.")]
    return sorted(p.name for p in found if p != builds)


def _site(tmp_path: Path) -> tuple[Path, Path]:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    return content, tmp_path / "output"


def _children(pid: int) -> list[int]:
    """The processes whose parent is pid (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    """Is pid a live process (a zombie waiting to be reaped is not)?"""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def _publish_in_background(
    content: Path, output: Path, command: str = "publish"
) -> tuple[subprocess.Popen, int]:
    """Start `invoke publish` (or ``command``); return it and the pid of its Pelican, once
    Pelican runs."""
    task = subprocess.Popen(
        [sys.executable, "-m", "invoke", command, "--content", str(content), "--output",
         str(output)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        children = _children(task.pid)
        if children:
            time.sleep(0.3)  # Pelican is importing its plugins: mid-build
            return task, children[0]
        assert task.poll() is None, task.communicate()[0]
        time.sleep(0.02)
    task.kill()
    raise AssertionError("Pelican never started")


def _wait_gone(pid: int, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _running(pid):
            return True
        time.sleep(0.05)
    return False


def test_output_is_never_missing_while_publishes_swap_it(tmp_path):
    content, output = _site(tmp_path)
    # an output/ folder as `make build` leaves it: the first publish turns it into a link
    output.mkdir()
    (output / "index.html").write_text("<p>from make build</p>")
    misses: list[float] = []
    stop = threading.Event()

    def poll() -> None:
        while not stop.is_set():
            if not (output / "index.html").is_file():
                misses.append(time.monotonic())

    poller = threading.Thread(target=poll)
    poller.start()
    try:
        builds = []
        for _ in range(3):
            result = _invoke("publish", "--content", str(content), "--output", str(output))
            assert result.returncode == 0, result.stdout + result.stderr
            builds.append(os.path.realpath(output))
    finally:
        stop.set()
        poller.join()
    assert misses == [], f"output/index.html was missing {len(misses)} times"
    assert output.is_symlink() and not os.path.isabs(os.readlink(output))
    assert len(set(builds)) == 3, "each publish is a new build folder"
    assert "from make build" not in (output / "index.html").read_text()
    assert _leftovers(output) == [], "earlier builds are removed"


@pytest.mark.parametrize("sent", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_publish_stops_pelican_and_cleans_up(tmp_path, sent):
    content, output = _site(tmp_path)
    task, pelican = _publish_in_background(content, output)
    task.send_signal(sent)
    log = task.communicate(timeout=60)[0]
    assert task.returncode == 128 + sent, log
    assert f"Publish stopped ({sent.name})" in log
    assert _wait_gone(pelican, 5), f"pelican (pid {pelican}) still runs"
    assert not output.exists(), "an interrupted publish must not swap anything in"
    assert _leftovers(output) == []
    assert list(output.with_name(".output.builds").iterdir()) == []


def test_a_killed_publish_leaves_staging_that_the_next_publish_removes(tmp_path):
    content, output = _site(tmp_path)
    task, pelican = _publish_in_background(content, output)
    task.kill()  # SIGKILL: no handler runs, nothing is cleaned up
    task.communicate(timeout=30)
    assert _wait_gone(pelican), f"pelican (pid {pelican}) outlived its killed task"
    # its output lock stays too, naming the killed task: it holds nothing (the next takes it)
    left = [name for name in _leftovers(output) if name != "output.lock"]
    staging = [name for name in left if not name.endswith(".engine")]
    assert len(staging) == 1 and staging[0].startswith(f"{task.pid}-"), left
    # and the engine's record beside it when the kill came after the engine had started
    assert set(left) <= {staging[0], f"{staging[0]}.engine"}, left
    # staging left by a publish of an older version of the task, beside output/
    (tmp_path / ".output.new-k3x9q2ab").mkdir()
    (tmp_path / ".output.old-999999999").mkdir()
    result = _invoke("publish", "--content", str(content), "--output", str(output))
    assert result.returncode == 0, result.stdout + result.stderr
    assert _leftovers(output) == []
    assert (output / "posts" / "ranges" / "index.html").is_file()


def test_publish_keeps_the_staging_of_a_publish_still_running(tmp_path):
    content, output = _site(tmp_path)
    builds = tmp_path / ".output.builds"
    running = builds / f"{os.getpid()}-inprogress"  # this test's process is alive
    running.mkdir(parents=True)
    result = _invoke("publish", "--content", str(content), "--output", str(output))
    assert result.returncode == 0, result.stdout + result.stderr
    assert running.is_dir()


# new-post offers the team's people and refuses a name that is not one of them.


def _new_post(content: Path, *args: str, git_name: str = "Someone Else", stdin=None, tz=None):
    env = {
        **os.environ,
        **({"TZ": tz} if tz else {}),  # the writer's computer's zone
        # git's own environment settings: this user.name wins over every config file
        "GIT_CONFIG_COUNT": "1",
        "GIT_CONFIG_KEY_0": "user.name",
        "GIT_CONFIG_VALUE_0": git_name,
    }
    return subprocess.run(
        [sys.executable, "-m", "invoke", "new-post", *args, "--content", str(content)],
        cwd=ROOT,
        capture_output=True,
        stdin=stdin,
        text=True,
        timeout=120,
        env=env,
    )


def _task_in(project: Path, *args: str) -> subprocess.CompletedProcess:
    """A task of tasks.py run in a copy of the project (``project``: its settings changed)."""
    shutil.copy(ROOT / "tasks.py", project / "tasks.py")
    command = [sys.executable, "-m", "invoke", *args]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=120)


def test_a_file_name_pattern_that_does_not_compile_is_one_line_in_new_post_and_import(
    project,
):
    # new-post and the importer stopped on a traceback, re.error: missing ), …
    conf = project / "pelicanconf.py"
    line = conf.read_text().count("\n") + 1
    conf.write_text(conf.read_text() + 'FILENAME_METADATA = "(?P<slug>.*"\n')
    said = (
        f"pelicanconf.py: line {line}: FILENAME_METADATA is not a valid pattern: missing ), "
        "unterminated subpattern at position 0"
    )
    posts = sorted((project / "content").rglob("*.md"))
    new = _task_in(project, "new-post", "Hello again", "--author", "Ada Byrne")
    export = FIXTURES / "imports" / "wordpress.xml"
    imported = _task_in(project, "import-wordpress", str(export), "--isso-db", "c.db")
    for done in (new, imported):
        assert done.returncode == 1 and (done.stdout, done.stderr) == ("", said + "\n")
    assert sorted((project / "content").rglob("*.md")) == posts


def test_new_post_of_a_slug_another_language_has_is_its_translation_not_a_clash(project):
    # the French post is at /fr/posts/moving-day/ (ARTICLE_LANG_URL), the new one at
    # /posts/moving-day/: Pelican links the two as versions of one post; new-post refused it
    # ("/posts/moving-day/ is the address of content/posts/demenagement.md")
    french = project / "content" / "posts" / "demenagement.md"
    french.write_text(
        "Title: Jour de déménagement\nDate: 2024-05-01\nLang: fr\nSlug: moving-day\n\nx\n",
        encoding="utf-8",
    )
    done = _task_in(project, "new-post", "Moving day", "--author", "Ada Byrne")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Slug: moving-day\n" in (project / "content" / "posts" / "moving-day.md").read_text()


def test_new_post_on_a_dated_site_names_the_post_of_its_slug_and_language(project):
    # ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/": the older post is at /2024/05/moving-day/,
    # not /posts/moving-day/ as the line said; at another month's address the build links
    # the two as versions of each other (two hreflang="en" links on each), so it is refused
    conf = project / "pelicanconf.py"
    conf.write_text(
        conf.read_text() + 'ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"\n'
        'ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{slug}/index.html"\n'
    )
    older = project / "content" / "posts" / "moving.md"
    older.write_text("Title: Moving day\nDate: 2024-05-01\n\nx\n", encoding="utf-8")
    done = _task_in(project, "new-post", "Moving day", "--author", "Ada Byrne")
    assert done.returncode == 1
    assert done.stderr == (
        "the slug 'moving-day' is content/posts/moving.md's (its Slug or title) already, at "
        "/2024/05/moving-day/: the build would link the two posts as versions of each other, "
        "both in 'en'; choose another title.\n"
    )
    assert not (project / "content" / "posts" / "moving-day.md").exists()


def test_new_post_whose_file_name_reads_as_a_language_says_its_own(project):
    # FILENAME_METADATA reads a name's last two letters as its language (hello-fr.md):
    # how-we-do-it.md was Italian, at /it/posts/how-we-do-it/ (checked with a real build)
    conf = project / "pelicanconf.py"
    conf.write_text(conf.read_text() + 'FILENAME_METADATA = r"(?P<slug>.+?)-(?P<lang>[a-z]{2})$"\n')
    for title, lang_line in (("How we do it", ["Lang: en"]), ("Our new office", [])):
        done = _task_in(project, "new-post", title, "--author", "Ada Byrne")
        assert done.returncode == 0, done.stdout + done.stderr
        written = Path(done.stdout.splitlines()[-1])
        written = written if written.is_absolute() else project / written
        lines = written.read_text().splitlines()
        assert [line for line in lines if line.startswith("Lang:")] == lang_line


def _author_line(path: Path) -> str:
    return next(line for line in path.read_text().splitlines() if line.startswith("Author: "))


@pytest.mark.parametrize(
    ("given", "written"),
    [
        ("Ada Byrne", "Ada Byrne"),
        ("a. byrne", "Ada Byrne"),  # an alias, in any case
        ("bo-lindqvist", "Bo Lindqvist"),  # the team file's name
        ("Bosse", "Bo Lindqvist"),
    ],
)
def test_new_post_takes_a_team_member_by_name_file_or_alias(tmp_path, given, written):
    content, _ = _site(tmp_path)
    result = _new_post(content, "Hello again", "--author", given)
    assert result.returncode == 0, result.stderr
    assert _author_line(content / "posts" / "hello-again.md") == f"Author: {written}"


@pytest.mark.parametrize("zone", ["Europe/Paris", "Asia/Tokyo", "America/Los_Angeles"])
def test_new_post_is_dated_now_as_the_build_reads_its_date(tmp_path, zone):
    # the laptop's local time, read in the site's TIMEZONE, dated a post from Lyon an hour
    # ahead (nine from Tokyo): publish held it back without a line (probe 23, finding 1)
    content, _ = _site(tmp_path)
    before = datetime.datetime.now(datetime.UTC).replace(second=0, microsecond=0)
    result = _new_post(content, "Hello again", "--author", "Ada Byrne", tz=zone)
    after = datetime.datetime.now(datetime.UTC)
    assert result.returncode == 0, result.stderr
    line = next(
        line
        for line in (content / "posts" / "hello-again.md").read_text().splitlines()
        if line.startswith("Date: ")
    )
    written = datetime.datetime.fromisoformat(line.removeprefix("Date: "))
    if written.tzinfo is None:  # as Pelican reads it: in the site's zone
        written = written.replace(tzinfo=ZoneInfo(pelicanconf.TIMEZONE))
    assert before <= written <= after, line


@pytest.mark.parametrize(
    ("utc", "line"),
    [
        ((2026, 12, 5, 15, 32), "2026-12-05 15:32"),
        ((2026, 7, 1, 8, 0), "2026-07-01 09:00"),  # summer time, shown as the clocks show it
        ((2026, 10, 25, 0, 30), "2026-10-25 01:30+01:00"),  # 01:30 happens twice that night
        ((2026, 10, 25, 1, 30), "2026-10-25 01:30+00:00"),
    ],
)
def test_new_post_date_line_is_read_back_as_the_same_moment(utc, line):
    import tasks

    london = ZoneInfo("Europe/London")
    now = datetime.datetime(*utc, tzinfo=datetime.UTC).astimezone(london)
    assert tasks._date_line(now) == line


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Привет, мир", "privet-mir"),
        ("Straße & Co", "strasse-co"),
        # Pelican's slug of the title, which a post without its Slug: line is at (was
        # don-t-panic, snake-case-notes, ize-rugo)
        ("Don't panic", "dont-panic"),
        ("snake_case notes", "snake_case-notes"),
        ("Izé...rugó", "izerugo"),
    ],
)
def test_new_post_transliterates_a_title_in_any_script(tmp_path, title, slug):
    # the slug Pelican itself would make of the title, not "untitled" for every such post
    content, _ = _site(tmp_path)
    result = _new_post(content, title, "--author", "Ada Byrne")
    assert result.returncode == 0, result.stderr
    assert f"Slug: {slug}\n" in (content / "posts" / f"{slug}.md").read_text()


def test_new_post_refuses_the_address_pelican_gives_another_post_s_title(tmp_path):
    # a post without a Slug: line is at Pelican's slug of its title (/posts/dont-panic/): the
    # task worked out don-t-panic, wrote dont-panic.md, and the build skipped one of the two
    content, _ = _site(tmp_path)
    older = content / "posts" / "panic.md"
    older.write_text("Title: Don't panic!\nDate: 2024-05-01\n\nx\n", encoding="utf-8")
    result = _new_post(content, "Dont panic", "--author", "Ada Byrne")
    assert result.returncode != 0
    said = f"/posts/dont-panic/ is the address of {older} (its Slug or title) already"
    assert said in result.stdout + result.stderr, result.stdout + result.stderr
    assert not (content / "posts" / "dont-panic.md").exists()


@pytest.mark.parametrize(
    ("given", "suggestion"), [("Ada Birne", "Ada Byrne"), ("Bo", "Bo Lindqvist")]
)
def test_new_post_refuses_an_unknown_author_with_a_suggestion(tmp_path, given, suggestion):
    content, _ = _site(tmp_path)
    result = _new_post(content, "Hello again", "--author", given)
    assert result.returncode == 1
    assert f"No one called {given!r} in the team: did you mean {suggestion!r}?" in result.stderr
    assert "Cleo Park (also: cleo-park)" in result.stderr  # the team is listed
    assert "Traceback" not in result.stderr
    assert not (content / "posts" / "hello-again.md").exists()


def test_new_post_without_author_uses_git_name_only_when_it_is_a_team_member(tmp_path):
    content, _ = _site(tmp_path)
    refused = _new_post(content, "Hello again", git_name="Seed Maintainers")
    assert refused.returncode == 1
    assert 'No author: pass --author "Name" with one of the team' in refused.stderr
    assert "1. Ada Byrne (also: ada-byrne, A. Byrne)" in refused.stderr
    taken = _new_post(content, "Hello again", git_name="Cleo Park")
    assert taken.returncode == 0, taken.stderr
    assert _author_line(content / "posts" / "hello-again.md") == "Author: Cleo Park"


def test_new_post_asks_for_the_author_at_a_terminal(tmp_path):
    import pty

    content, _ = _site(tmp_path)
    main, terminal = pty.openpty()
    try:
        os.write(main, b"Bo Lindkvist\n3\n")  # a near miss first, then a number from the list
        result = _new_post(content, "Hello again", stdin=terminal)
    finally:
        os.close(main)
        os.close(terminal)
    assert result.returncode == 0, result.stderr
    assert "did you mean 'Bo Lindqvist'?" in result.stdout
    assert "3. Cleo Park" in result.stdout
    assert _author_line(content / "posts" / "hello-again.md") == "Author: Cleo Park"


def test_new_post_lists_a_person_with_a_bio_in_another_language_once(tmp_path):
    """A translation (<slug>.fr.md) is not a second person, even one that repeats Name (which
    the build reports): the list has one line for them, their name and aliases still work."""
    content, _ = _site(tmp_path)
    (content / "team" / "bo-lindqvist.fr.md").write_text(
        "Name: Bo Lindqvist\nRole: Développeur\n\nBo écrit le code.\n", encoding="utf-8"
    )
    result = _new_post(content, "Hello again", "--author", "Bosse")
    assert result.returncode == 0, result.stderr
    assert _author_line(content / "posts" / "hello-again.md") == "Author: Bo Lindqvist"
    listed = _new_post(content, "Hello again", "--author", "Nobody At All")
    assert (listed.stdout + listed.stderr).count("Bo Lindqvist") == 1


# `make new-post TITLE=… AUTHOR=…`: neither make nor the shell reads the title again.

_TYPED_TITLES = [
    "Why `touch {ran}` saved us",  # backticks are words, never a command
    "Costs: $HOME, $(touch {ran}) and $(shell touch {ran}) ${{x}} $$y",
    "She said \"no\" — O'Brien's \\$5 lunch # not a comment",
    "-40 degrees: the night the heating failed",  # not an option
    "--help",
    "🎉 新しいオフィス, наш офис",
]


@pytest.mark.parametrize("typed", _TYPED_TITLES)
def test_make_new_post_writes_the_title_and_author_as_typed(tmp_path, typed):
    content, _ = _site(tmp_path)
    ran = tmp_path / "ran"
    title = typed.format(ran=ran)
    # the Makefile's own recipe, its invoke given the test's content folder
    invoke = tmp_path / "invoke"
    invoke.write_text(f'#!/bin/sh\nexec {sys.executable} -m invoke "$@" --content "{content}"\n')
    invoke.chmod(0o755)
    result = subprocess.run(
        ["make", "-s", "-o", ".venv/.installed-lock", "new-post", f"INVOKE={invoke}",
         f"TITLE={title}", "AUTHOR=a. byrne"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert not ran.exists(), "make or the shell ran a command in the title"
    written = Path(result.stdout.strip().splitlines()[-1])
    written = written if written.is_absolute() else ROOT / written
    head = written.read_text(encoding="utf-8").split("\n\n")[0].splitlines()
    assert head[0] == f"Title: {title}"
    assert _author_line(written) == "Author: Ada Byrne"


def test_new_post_makes_a_title_one_line_and_refuses_none(tmp_path):
    content, _ = _site(tmp_path)
    result = _new_post(content, "--title=Two\nlines ", "--author", "Ada Byrne")
    assert result.returncode == 0, result.stderr
    assert "a title is one line" in result.stdout
    assert "Title: Two lines\n" in (content / "posts" / "two-lines.md").read_text()
    empty = _new_post(content, "--title= ", "--author", "Ada Byrne")
    assert empty.returncode == 1 and empty.stderr.startswith("No title: make new-post TITLE=")


@pytest.mark.parametrize("typed", ["🎉🚀", "  ...  ", "—"])
def test_new_post_refuses_a_title_no_address_can_be_made_of(tmp_path, typed):
    # probe 8 finding 02: an emoji-only title wrote posts/untitled.md with that Title; the
    # build then had no line, and a second one was "untitled.md exists already"
    content, _ = _site(tmp_path)
    before = sorted((content / "posts").iterdir())
    result = _new_post(content, f"--title={typed}", "--author", "Ada Byrne")
    assert result.returncode == 1
    title = typed.strip()
    assert (
        result.stderr
        == f"No address can be made of the title {title!r}: give it a word or a number.\n"
    )
    assert sorted((content / "posts").iterdir()) == before


def test_a_new_post_gives_no_line_until_the_writer_does_something(tmp_path, build_site, caplog):
    # probe 8 finding 02: the empty Tags: and Summary: lines new-post wrote were two warnings
    # per new post at the next build, so serve's overlay never cleared while drafting
    content, _ = _site(tmp_path)
    result = _new_post(content, "--title=  Launch day  ", "--author", "Ada Byrne")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].endswith("launch-day.md")
    text = (content / "posts" / "launch-day.md").read_text(encoding="utf-8")
    assert text.startswith("Title: Launch day\nDate: ")  # the spaces around the title trimmed
    caplog.set_level(logging.WARNING)
    build_site({"posts/launch-day.md": text}, name="drafting")
    assert [m for m in caplog.messages if "launch-day" in m] == []


def test_publish_where_it_cannot_write_is_one_line(tmp_path):
    content, _ = _site(tmp_path)
    (tmp_path / "afile").write_text("a file where publish needs a folder")
    output = tmp_path / "afile" / "output"
    result = _invoke("publish", "--content", str(content), "--output", str(output))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.splitlines() == [
        f"Publish failed: cannot write {tmp_path}/afile/.output.builds: Not a directory; "
        f"{output} was left as it was (a publish builds in {tmp_path}/afile/.output.builds/, "
        "beside it)."
    ]


@pytest.mark.parametrize("command", ["build", "publish", "preview", "serve", "related"])
def test_a_content_folder_that_is_not_there_is_one_line(tmp_path, command):
    # Pelican's traceback; `invoke serve` then went on serving the last site built from content/
    args = [command, "--content", "contnet", "--output", str(tmp_path / "out")]
    if command == "related":
        args = ["related", "--content", "contnet", "how-we-hire"]
    if command in ("serve", "preview"):
        args += ["--port", "8799"]
    result = _invoke("--search-root", str(ROOT), *args, cwd=tmp_path)  # contnet: from here
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"--content contnet: {tmp_path}/contnet does not exist; pass the folder that holds "
        "posts/ and pages/ (the default is content/)."
    ]
    assert not (tmp_path / "out").exists()


def test_new_post_under_make_says_how_make_passes_an_author(tmp_path):
    content, _ = _site(tmp_path)
    env = {**os.environ, "NEW_POST_TITLE": "Hello again", "GIT_CONFIG_COUNT": "1"}
    env |= {"GIT_CONFIG_KEY_0": "user.name", "GIT_CONFIG_VALUE_0": "Someone Else"}
    refused = subprocess.run(
        [sys.executable, "-m", "invoke", "new-post", "--title", "Hello again", "--author", "",
         "--content", str(content)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert refused.returncode == 1
    assert 'No author: pass AUTHOR="Name" with one of the team' in refused.stderr


def test_preview_with_a_port_that_is_no_number_names_previews_own_option(tmp_path):
    # it said to use make serve PORT=8001: another command, and make preview takes no PORT=
    result = _invoke("preview", "--port", "abc", "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Port 'abc' is not a port number: use invoke preview --port 8001"
    )


@pytest.mark.parametrize(
    ("category", "said"),
    [
        ("Compnay", "Category 'Compnay' is no post's yet: did you mean 'Company'?"),
        ("company", None),  # the site's, in another case: the build reads it as the same
        ("Hardware", None),  # a new category, meant
    ],
)
def test_new_post_names_a_category_that_is_probably_a_typo(tmp_path, category, said):
    # written without a word: the build's did-you-mean came only later, on a page of its own
    content, _ = _site(tmp_path)
    result = _new_post(content, "Hello again", "--author", "Ada Byrne", "--category", category)
    assert result.returncode == 0, result.stderr
    assert f"Category: {category}\n" in (content / "posts" / "hello-again.md").read_text()
    lines = [line for line in result.stdout.splitlines() if "is no post's yet" in line]
    assert lines == ([] if said is None else [
        f"{said} If so, correct the Category: line (the build would make a page of its own "
        "for this one)."
    ])  # fmt: skip


def _filed_by_folder(tmp_path: Path) -> Path:
    """A content folder whose posts are filed by their folders (posts/code/, posts/life/; no
    Category: lines, USE_FOLDER_AS_CATEGORY), without team files (any author will do)."""
    content = tmp_path / "content"
    for folder, slug in (("code", "tabs"), ("code", "lint"), ("life", "garden")):
        post = content / "posts" / folder / f"{slug}.md"
        post.parent.mkdir(parents=True, exist_ok=True)
        post.write_text(f"Title: {slug}\nDate: 2024-05-01\n\nText.\n", encoding="utf-8")
    return content


def test_new_post_on_a_site_filed_by_folder_asks_for_a_category_it_has(tmp_path):
    # it wrote Category: Company, a category no other post had, with no line
    content = _filed_by_folder(tmp_path)
    refused = _new_post(content, "Hello again", "--author", "Ada Byrne")
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        "No category: this site files its posts by folder (code, life) and has no Company; "
        'pass --category "code" with one of them.'
    )
    assert sorted(p.name for p in content.rglob("*.md")) == ["garden.md", "lint.md", "tabs.md"]
    # under make, the line names make's variable
    env = {**os.environ, "NEW_POST_TITLE": "Hello again"}
    under_make = subprocess.run(
        [sys.executable, "-m", "invoke", "new-post", "--title", "Hello again", "--author", "Ada",
         "--category", "", "--content", str(content)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert 'pass CATEGORY="code" with one of them.' in under_make.stderr


@pytest.mark.parametrize("given", ["life", "Life"])
def test_new_post_on_a_site_filed_by_folder_goes_in_its_categorys_folder(tmp_path, given):
    content = _filed_by_folder(tmp_path)
    result = _new_post(content, "Hello again", "--author", "Ada Byrne", "--category", given)
    assert result.returncode == 0, result.stderr
    post = content / "posts" / "life" / "hello-again.md"
    assert "Category:" not in post.read_text(encoding="utf-8")
    assert not (content / "posts" / "hello-again.md").exists()
    assert (
        f"Filed under 'life' by its folder, {post.parent}/, as this site's posts are: no "
        "Category: line." in result.stdout.splitlines()
    )


def test_new_post_on_a_site_filed_by_folder_asks_at_a_terminal(tmp_path):
    import pty

    content = _filed_by_folder(tmp_path)
    main, terminal = pty.openpty()
    try:
        os.write(main, b"lfe\ncode\n")  # a miss first, then one of the folders
        result = _new_post(content, "Hello again", "--author", "Ada Byrne", stdin=terminal)
    finally:
        os.close(main)
        os.close(terminal)
    assert result.returncode == 0, result.stderr
    assert "No folder 'lfe' files posts here: one of code, life." in result.stdout
    assert "Category:" not in (content / "posts" / "code" / "hello-again.md").read_text()


def test_new_post_names_the_folders_category_a_new_one_is_near(tmp_path):
    # the did-you-mean read Category: lines only: on this site it had nothing to offer
    content = _filed_by_folder(tmp_path)
    result = _new_post(content, "Hello again", "--author", "Ada Byrne", "--category", "Lfe")
    assert result.returncode == 0, result.stderr
    assert "Category: Lfe\n" in (content / "posts" / "hello-again.md").read_text()
    assert "Category 'Lfe' is no post's yet: did you mean 'life'?" in result.stdout


def test_new_post_on_a_site_filed_by_folder_makes_a_new_category_s_folder(tmp_path):
    # it wrote posts/hello-again.md with Category: Field notes, the one post of the site
    # filed by a line, outside every category's folder
    content = _filed_by_folder(tmp_path)
    given = "Field notes"
    result = _new_post(content, "Hello again", "--author", "Ada Byrne", "--category", given)
    assert result.returncode == 0, result.stderr
    post = content / "posts" / given / "hello-again.md"
    assert "Category:" not in post.read_text(encoding="utf-8")
    assert not (content / "posts" / "hello-again.md").exists()
    assert (
        f"'{given}' is a new category: filed by a new folder, {post.parent}/, as this site's "
        "posts are (no Category: line); if you meant one of code, life, move the file there."
    ) in result.stdout.splitlines()


@pytest.mark.parametrize("given", ["notes/2024", ".notes"])
def test_new_post_refuses_a_new_category_no_folder_can_be_named_after(tmp_path, given):
    content = _filed_by_folder(tmp_path)
    result = _new_post(content, "Hello again", "--author", "Ada Byrne", "--category", given)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"No folder can be named {given!r}: this site files its posts by folder (code, life), "
        "and a new category is a new folder; give a name without '/' that does not begin "
        "with '.'."
    )
    assert sorted(p.name for p in content.rglob("*.md")) == ["garden.md", "lint.md", "tabs.md"]


def _dev_conf(tmp_path: Path, monkeypatch, text: str) -> Path:
    """A pelicanconf.py of the test's own, as tasks' DEV_CONF (the module Pelican's
    read_settings leaves in sys.modules is put back by conftest's settings_modules_put_back)."""
    import tasks

    conf = tmp_path / "pelicanconf.py"
    conf.write_text(text, encoding="utf-8")
    monkeypatch.setattr(tasks, "DEV_CONF", conf)
    return conf


@pytest.mark.parametrize(
    ("article_paths", "folder"),
    [
        ('ARTICLE_PATHS = ["articles"]', "articles"),  # Pelican's quickstart's own
        ('ARTICLE_PATHS = ["blog", ""]', "blog"),
        ("", ""),  # Pelican's default: the content folder itself
    ],
)
def test_new_post_goes_where_the_build_reads_posts(tmp_path, monkeypatch, article_paths, folder):
    # it wrote content/posts/ whatever ARTICLE_PATHS said: the build never read the new post,
    # and its only line lumped it with every other post left out (probe 24, finding 15)
    import invoke

    import tasks

    content, _ = _site(tmp_path)
    _dev_conf(tmp_path, monkeypatch, f'{article_paths}\nTIMEZONE = "Europe/London"\n')
    tasks.new_post(invoke.Context(), "Our new office", author="Ada Byrne", content=str(content))
    assert (content / folder / "our-new-office.md").is_file()
    assert not (content / "posts" / "our-new-office.md").exists() or folder == "posts"


BASENAME = 'ARTICLE_PATHS = ["posts"]\nSLUGIFY_SOURCE = "basename"'
DATED = (
    'ARTICLE_PATHS = ["posts"]\nFILENAME_METADATA = r"(?P<date>\\d{4}-\\d{2}-\\d{2})-(?P<slug>.*)"'
)
BY_FOLDER = 'ARTICLE_PATHS = ["posts"]\nPATH_METADATA = r"posts/(?P<slug>[^/]+)/index\\.md"'
TITLE = "its Slug or title"


@pytest.mark.parametrize(
    ("settings", "existing", "title", "taken", "written"),
    [
        # a post at the top of the content folder, which the build reads too, has the address
        ('ARTICLE_PATHS = ["posts", ""]', "about-us.md", "About us", TITLE, ""),
        # a page is no post: its title gives no /posts/ address
        ('ARTICLE_PATHS = [""]', "pages/about-us.md", "About us", "", "about-us.md"),
        # SLUGIFY_SOURCE = "basename": at /posts/about-us/ by its file's name, whatever its
        # title (the title check let a second one in) ...
        (BASENAME, "posts/2024/about-us.md", "Who we are", "its Slug or file name", ""),
        # ... and at /posts/who/, its title's address free (it was refused)
        (BASENAME, "posts/who.md", "About us", "", "posts/about-us.md"),
        # the slug after the date in its name, whatever its title: a new 'About us' was
        # written, and the build then kept the address for one of the two ...
        (
            DATED,
            "posts/2024-05-01-about-us.md",
            "We moved!",
            "its file name, as FILENAME_METADATA reads it",
            "",
        ),
        # ... and one titled 'About us' at /posts/open-house/ left it free (it was refused)
        (DATED, "posts/2024-05-01-open-house.md", "About us", "", "posts/about-us.md"),
        # a post as a folder, its slug the folder's name
        (BY_FOLDER, "posts/about-us/index.md", "Us", "its path, as PATH_METADATA reads it", ""),
    ],
)
def test_new_post_checks_the_addresses_of_every_post_the_build_reads(
    tmp_path, monkeypatch, settings, existing, title, taken, written
):
    import invoke

    import tasks

    content, _ = _site(tmp_path)
    older = content / existing
    older.parent.mkdir(parents=True, exist_ok=True)
    older.write_text(f"Title: {title}\nDate: 2024-05-01\n\nx\n", encoding="utf-8")
    _dev_conf(tmp_path, monkeypatch, f'{settings}\nPAGE_PATHS = ["pages"]\nTIMEZONE = "UTC"\n')
    if taken:
        # Pelican's ARTICLE_URL, as these settings leave it (the line said /posts/about-us/)
        said = rf"^/about-us\.html is the address of .*{existing} \({taken}\) already"
        with pytest.raises(SystemExit, match=said):
            tasks.new_post(invoke.Context(), "About us", author="Ada Byrne", content=str(content))
        assert [p for p in content.rglob("*.md") if "about-us" in p.as_posix()] == [older]
    else:
        tasks.new_post(invoke.Context(), "About us", author="Ada Byrne", content=str(content))
        assert (content / written).is_file()
