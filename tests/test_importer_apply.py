"""Writing a plan into a content folder: which files an import may replace, and which never."""

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from plugins.importer import apply, plan
from tests.conftest import DEV_CONF, ROOT

NEW = "Title: T\n\n![A]({static}/images/x.jpg)\n"
OLD = "Title: T\n\n![A](http://old.example/wp-content/uploads/x.jpg)\n"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@pytest.mark.parametrize(
    ("there", "state", "outcome", "left", "recorded"),
    [
        (None, None, "written", NEW, _sha(NEW)),
        (NEW, None, "unchanged", NEW, _sha(NEW)),
        # an earlier import's, unedited: this import knows better (the pictures copied since)
        (OLD, {"posts/p.md": _sha(OLD)}, "updated", NEW, _sha(NEW)),
        # edited since: never overwritten, and still known as the import's old text
        (OLD + "An edit.\n", {"posts/p.md": _sha(OLD)}, "conflicts", OLD + "An edit.\n", _sha(OLD)),
        (OLD, None, "conflicts", OLD, None),  # nothing says the import wrote it
        (OLD, {"posts/other.md": _sha(OLD)}, "conflicts", OLD, None),
        (OLD, "not json", "conflicts", OLD, None),
    ],
    ids=["new", "same", "unedited", "edited", "no-state", "state-of-others", "bad-state"],
)
def test_a_file_is_replaced_only_as_an_earlier_import_left_it(
    tmp_path: Path, there, state, outcome, left, recorded
):
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    if there is not None:
        (content / "posts" / "p.md").write_text(there, encoding="utf-8")
    if state is not None:
        text = state if isinstance(state, str) else json.dumps({"version": 1, "files": state})
        (content / apply.STATE).write_text(text, encoding="utf-8")
    done = apply.write_files(plan.Plan(files={"posts/p.md": NEW}), content, "webmentions.json")
    assert getattr(done, outcome) == ["posts/p.md"]
    assert (content / "posts" / "p.md").read_text(encoding="utf-8") == left
    assert apply.load_state(content).get("posts/p.md") == recorded


ABOUT = "Title: About\nSlug: about\nRedirect_from: /?page_id=1\n\nOld words.\n"


@pytest.mark.parametrize(
    ("earlier", "edited", "own_about", "removed"),
    [
        ("pages/about-2.md", False, False, True),  # the next free name, as the import left it
        ("pages/about-2.md", True, False, False),  # edited since: the writer's
        # the page written now is not the import's (the site's own file is back): kept
        ("pages/about-2.md", False, True, False),
        # another blog imported before, whose page shares the old address /?page_id=1
        ("pages/colophon.md", False, False, False),
        ("posts/about-2.md", False, False, False),  # another folder: not its next free name
    ],
    ids=["next-free-name", "edited", "not-written", "other-blog", "other-folder"],
)
def test_an_earlier_imports_file_goes_only_as_this_items_next_free_name(
    tmp_path: Path, earlier, edited, own_about, removed
):
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    (content / "posts").mkdir()
    (content / earlier).write_text(ABOUT.replace("about", "about-2", 1), encoding="utf-8")
    state = {earlier: _sha(ABOUT.replace("about", "about-2", 1))}
    (content / apply.STATE).write_text(json.dumps({"version": 1, "files": state}))
    if edited:
        (content / earlier).write_text(ABOUT + "An edit.\n", encoding="utf-8")
    if own_about:
        (content / "pages" / "about.md").write_text("Title: Ours\n\nOurs.\n", encoding="utf-8")
    done = apply.write_files(plan.Plan(files={"pages/about.md": ABOUT}), content, "")
    assert (content / earlier).exists() is not removed
    assert done.superseded == ({earlier: "pages/about.md"} if removed else {})
    assert (earlier in apply.load_state(content)) is not removed


@pytest.mark.parametrize(
    ("there", "added", "other"),
    [
        # the site's own post at the import's path: the export's comments are not put under it
        ("Title: Our own hello\nSlug: hello-world\n\nOurs.\n", 0, True),
        # the import's post, edited since: still this post (its Comment_id), comments go in
        ("Title: Hello world!\nSlug: hello-world\nComment_id: hello-world\n\nEdited.\n", 1, False),
    ],
    ids=["another-post", "edited-import"],
)
def test_comments_never_go_under_another_post_at_the_imports_path(
    tmp_path: Path, there, added, other
):
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    (content / "posts" / "hello-world.md").write_text(there, encoding="utf-8")
    text = "Title: Hello world!\nSlug: hello-world\nComment_id: hello-world\n\nHi.\n"
    comment = plan.ThreadComment("1/1", None, "Mr WordPress", "", 1325770246.0, "Hi, this.\n")
    made = plan.Plan(
        files={"posts/hello-world.md": text},
        threads=[plan.Thread("hello-world", "Hello world!", [comment])],
    )
    done = apply.write_files(made, content, "webmentions.json")
    assert done.conflicts == ["posts/hello-world.md"]
    assert (done.others == ["posts/hello-world.md"]) is other
    apply.fill_isso(made.threads, tmp_path / "comments.db", done)
    assert done.comments_added == added
    assert (content / "posts" / "hello-world.md").read_text(encoding="utf-8") == there


def _issos_api_stores(tmp_path: Path, author: str, website: str) -> tuple[str, str | None] | None:
    """What Isso's own API (POST /new, in process) stores for a reader posting these values;
    None when it refuses them."""
    from isso import config as isso_config
    from isso import make_app
    from werkzeug.test import Client

    conf = isso_config.load(isso_config.default_file())
    conf.set("general", "dbpath", str(tmp_path / "api.db"))
    conf.set("general", "host", "http://127.0.0.1:9/")
    conf.set("guard", "enabled", "false")
    body = {"text": "Some words.", "author": author, "website": website or None, "title": "T"}
    response = Client(make_app(conf)).post(
        "/new?uri=/p/", data=json.dumps(body), headers={"Content-Type": "application/json"}
    )
    if response.status_code != 201:
        return None
    with sqlite3.connect(tmp_path / "api.db") as connection:
        return connection.execute("SELECT author, website FROM comments").fetchone()


@pytest.mark.parametrize(
    ("author", "website"),
    [
        ("<img src=x onerror=alert(1)>Eve", "http://evil.example/x"),
        ("Bob <b>Builder</b> & Sons", "https://bob.example/it's"),
        ('Iris "the <script>" O\'Neil', 'https://iris.example/a"b'),
        ("Zoë", ""),
    ],
)
def test_names_and_websites_are_stored_as_issos_api_stores_them(tmp_path, author, website):
    """Isso's page template puts a comment's author and website in as HTML: its API escapes
    them on the way in, and so must the import, or a name becomes markup (a script)."""
    comment = plan.ThreadComment("1/1", None, author, website, 1325770246.0, "Some words.\n")
    apply.fill_isso([plan.Thread("p", "T", [comment])], tmp_path / "c.db", apply.Outcome())
    with sqlite3.connect(tmp_path / "c.db") as connection:
        stored = connection.execute("SELECT author, website FROM comments").fetchone()
    assert stored == _issos_api_stores(tmp_path, author, website)
    assert "<" not in stored[0]


def test_a_website_isso_refuses_is_left_out_and_said(tmp_path):
    comment = plan.ThreadComment("1/1", None, "Eve", "http://evil.example/x' data-x='1", 1.0, "Hi")
    done = apply.Outcome()
    apply.fill_isso([plan.Thread("p", "T", [comment])], tmp_path / "c.db", done)
    with sqlite3.connect(tmp_path / "c.db") as connection:
        assert connection.execute("SELECT author, website FROM comments").fetchall() == [
            ("Eve", None)
        ]
    assert _issos_api_stores(tmp_path, "Eve", comment.website) is None  # Isso refuses it too
    assert done.notes == [
        "comment by 'Eve' on 'T': its website \"http://evil.example/x' data-x='1\" is not an "
        "address Isso takes: left out"
    ]


def test_an_earlier_imports_raw_name_is_escaped_not_added_twice(tmp_path):
    database = tmp_path / "c.db"
    comment = plan.ThreadComment("1/1", None, "A <b>B</b>", "", 1325770246.0, "Some words.\n")
    threads = [plan.Thread("p", "T", [comment])]
    apply.fill_isso(threads, database, apply.Outcome())
    with sqlite3.connect(database) as connection:  # as an import before this fix stored it
        connection.execute("UPDATE comments SET author = 'A <b>B</b>'")
    again = apply.Outcome()
    apply.fill_isso(threads, database, again)
    assert (again.comments_added, again.comments_present) == (0, 1)
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT author FROM comments").fetchall() == [
            ("A &lt;b&gt;B&lt;/b&gt;",)
        ]


@pytest.mark.parametrize(
    ("tables", "problem"),
    [
        (
            ["CREATE TABLE comments (id int, x text)"],
            "it has a comments table without Isso's columns (author, created, email, mode, "
            "modified, notification, parent, remote_addr, text, tid, voters, website)",
        ),
        (["CREATE TABLE users (id int, name text)"], "it has tables Isso does not make (users)"),
    ],
    ids=["comments-of-another-app", "another-apps-tables"],
)
def test_another_programs_database_is_refused_and_left_untouched(tmp_path, tables, problem):
    database = tmp_path / "other.db"
    with sqlite3.connect(database) as connection:
        for sql in tables:
            connection.execute(sql)
    before = database.read_bytes()
    assert apply.isso_schema_problem(database) == problem
    comment = plan.ThreadComment("1/1", None, "Ann", "", 1.0, "Hi there")
    with pytest.raises(apply.NotIsso, match=r"nothing was changed in it$"):
        apply.fill_isso([plan.Thread("p", "T", [comment])], database, apply.Outcome())
    assert database.read_bytes() == before


def test_issos_own_database_and_a_new_file_pass_the_check(tmp_path):
    database = tmp_path / "c.db"
    assert apply.isso_schema_problem(database) == ""
    comment = plan.ThreadComment("1/1", None, "Ann", "", 1.0, "Hi there")
    apply.fill_isso([plan.Thread("p", "T", [comment])], database, apply.Outcome())
    assert apply.isso_schema_problem(database) == ""
    (tmp_path / "not.db").write_text("hello")
    assert apply.isso_schema_problem(tmp_path / "not.db").startswith(
        "it cannot be read as a database"
    )


def test_an_earlier_imports_1970_comment_is_dated_not_added_twice(tmp_path):
    """Before undated comments took their post's date, an import stored them at 0 seconds."""
    database = tmp_path / "c.db"
    earlier = plan.ThreadComment("1/1", None, "Ann", "", 0.0, "Some words.\n")
    apply.fill_isso([plan.Thread("p", "T", [earlier])], database, apply.Outcome())
    dated = plan.ThreadComment("1/1", None, "Ann", "", 1325770246.0, "Some words.\n")
    again = apply.Outcome()
    apply.fill_isso([plan.Thread("p", "T", [dated])], database, again)
    assert (again.comments_added, again.comments_present) == (0, 1)
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT created FROM comments").fetchall() == [(1325770246.0,)]


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") if p.is_file() else "/"
        for p in sorted(folder.rglob("*"))
    }


def test_a_write_the_disk_refuses_half_way_leaves_the_content_folder_as_it_was(tmp_path: Path):
    # the files were staged, then renamed into place one by one: a folder that refused the
    # third left the first two written and a folder made, while the line said "nothing written"
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages" / "about.md").write_text(OLD, encoding="utf-8")  # an earlier import's
    (content / apply.STATE).write_text(
        json.dumps({"version": 1, "files": {"pages/about.md": _sha(OLD)}}), encoding="utf-8"
    )
    (content / "posts").mkdir()
    (content / "posts" / "own.md").write_text("Title: Ours\n\nx\n", encoding="utf-8")
    files = {"galleries/hall/gallery.md": "Photo: a.jpg\n", "pages/about.md": NEW}
    files["posts/p.md"] = NEW
    before = _tree(content)
    locked = subprocess.run(["chattr", "+i", str(content / "posts")], check=False)
    if locked.returncode:
        pytest.skip("chattr +i: a folder nobody, root too, may write in (ext4 and the like)")
    try:
        with pytest.raises(PermissionError):
            apply.write_files(plan.Plan(files=files), content, "webmentions.json")
    finally:
        subprocess.run(["chattr", "-i", str(content / "posts")], check=True)
    assert _tree(content) == before
    assert [p.name for p in tmp_path.iterdir()] == ["content"]  # its staging folder gone too


def _site_ignores() -> list[str]:
    from pelican.settings import read_settings

    return read_settings(str(DEV_CONF))["IGNORE_FILES"]


def test_an_import_into_a_content_folder_that_is_a_mount_of_its_own(own_mount: Path):
    # staged beside content/, on another file system: every rename failed with EXDEV
    (own_mount / "posts").mkdir()
    (own_mount / "posts" / "p.md").write_text(OLD, encoding="utf-8")  # an earlier import's
    (own_mount / apply.STATE).write_text(
        json.dumps({"version": 1, "files": {"posts/p.md": _sha(OLD)}}), encoding="utf-8"
    )
    files = {"posts/p.md": NEW, "pages/about.md": NEW}
    done = apply.write_files(plan.Plan(files=files), own_mount, "webmentions.json", _site_ignores())
    assert (done.written, done.updated) == (["pages/about.md"], ["posts/p.md"])
    assert _tree(own_mount) == {
        apply.STATE: (own_mount / apply.STATE).read_text(encoding="utf-8"),
        "pages": "/", "pages/about.md": NEW, "posts": "/", "posts/p.md": NEW,
    }  # fmt: skip
    assert [p.name for p in own_mount.parent.iterdir()] == ["content"]


@pytest.mark.parametrize(
    ("ignores", "inside"),
    [
        (None, True),  # pelicanconf.py's: "*~"
        ([".import-*"], True),  # what the refusal below says to add
        (["**/.*"], False),  # Pelican's own default hides no name: beside, same file system
        ([], False),
    ],
    ids=["site", "advised", "pelican-default", "none"],
)
def test_the_staging_folder_is_one_pelican_never_reads(tmp_path: Path, ignores, inside):
    from plugins.engine.ignores import ignored

    ignores = _site_ignores() if ignores is None else ignores
    content = tmp_path / "content"
    content.mkdir()
    staging = apply.staging_folder(content, ignores)
    assert staging.parent == (content if inside else tmp_path)
    if inside:  # Pelican's get_files and the engine's walks skip the folder by this name
        assert ignored(staging.name, ignores)


def test_a_mount_with_no_hidden_name_is_refused_in_one_line(own_mount: Path):
    with pytest.raises(apply.NoStaging, match=r'add "\.import-\*" to IGNORE_FILES'):
        apply.staging_folder(own_mount, ["**/.*"])
    assert list(own_mount.iterdir()) == []
    # the advice, followed literally, lets the import stage in the mount
    assert apply.staging_folder(own_mount, ["**/.*", ".import-*"]).parent == own_mount


def test_a_build_meanwhile_never_publishes_the_staging_folder(tmp_path: Path):
    # `make serve` rebuilds while an import stages: the staged post and picture stay out
    from tests.conftest import run_pelican

    content, output = tmp_path / "content", tmp_path / "output"
    (content / "posts").mkdir(parents=True)
    (content / "posts" / "ours.md").write_text(
        "Title: Ours\nDate: 2020-01-01\n\nx\n", encoding="utf-8"
    )
    staging = apply.staging_folder(content, _site_ignores())
    (staging / "posts").mkdir()
    (staging / "posts" / "staged.md").write_text(
        "Title: Staged\nDate: 2020-01-02\nSlug: staged\n\ny\n", encoding="utf-8"
    )
    (staging / "images").mkdir()
    (staging / "images" / "x.txt").write_text("staged", encoding="utf-8")
    run_pelican(DEV_CONF, content, output)
    assert (output / "posts" / "ours" / "index.html").is_file()
    assert not [p for p in output.rglob("*") if "staged" in p.name or p.name == "x.txt"]
    assert not list(output.rglob(".import-*"))


def test_the_refusal_names_the_content_folder_as_the_writer_typed_it(own_mount: Path):
    # it named the content folder by its absolute path, unlike the import's other lines
    with pytest.raises(apply.NoStaging) as refused:
        apply.staging_folder(own_mount, ["**/.*"], lambda p: os.path.relpath(p, own_mount.parent))
    assert str(refused.value).startswith("content is a file system of its own (a mount), ")


# a real import in another process, which stops where it reads the mentions archive: a FIFO
# there holds it, its files staged, until the test kills it as the out-of-memory killer would
HELD_IMPORT = """
import sys
from pathlib import Path
from plugins.importer import apply, plan
made = plan.Plan(files={"posts/half.md": "Title: Half"}, mentions=[{"source": "s"}])
apply.write_files(made, Path(sys.argv[1]), "webmentions.json", sys.argv[2:])
"""


def _held_import(content: Path, ignores: list[str]) -> tuple[subprocess.Popen, Path]:
    """The import above, once its file is staged; its staging folder."""
    os.mkfifo(content / "webmentions.json")
    command = [sys.executable, "-c", HELD_IMPORT, str(content), *ignores]
    child = subprocess.Popen(command, cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and child.poll() is None:
        for where in (content, content.parent):
            if staged := list(where.glob(".import-*/posts/half.md")):
                return child, staged[0].parent.parent
        time.sleep(0.05)
    child.kill()
    raise AssertionError(f"the import never staged its file (exit {child.wait()})")


@pytest.mark.parametrize("ignores", [None, []], ids=["inside", "beside"])
def test_a_killed_imports_staging_folder_is_removed_by_the_next_never_while_it_runs(
    tmp_path: Path, ignores
):
    # killed (SIGKILL), an import left its staging folder for good: hidden from builds, never
    # removed, one more at each killed import
    ignores = _site_ignores() if ignores is None else ignores
    content = tmp_path / "content"
    content.mkdir()
    child, staging = _held_import(content, ignores)
    try:
        assert staging.parent == (content if ignores else tmp_path)
        fifo = content / "webmentions.json"
        shown = lambda p: os.path.relpath(p, tmp_path)  # noqa: E731
        done = apply.write_files(plan.Plan(files={"posts/p.md": NEW}), content, "", ignores, shown)
        assert done.notes == [] and staging.is_dir(), "an import that runs kept its folder"
        assert done.written == ["posts/p.md"]
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert (staging / "posts" / "half.md").is_file()  # what the killed import left
    fifo.unlink()
    done = apply.write_files(plan.Plan(files={"pages/q.md": NEW}), content, "", ignores, shown)
    assert done.notes == [
        f"{shown(staging)}/ was removed: an import stopped before it ended (killed) had left "
        "its files there"
    ]
    assert not staging.exists()
    assert not [p for p in (content, tmp_path) for p in p.glob(".import-*") if p.is_dir()]
    assert not (content / "posts" / "half.md").exists()


def test_a_staging_folder_of_unknown_owner_is_named_and_left(tmp_path: Path):
    # an import before the lock file, killed: nothing says whether it still runs
    content = tmp_path / "content"
    old = content / ".import-k3x9q2ab~"
    (old / "posts").mkdir(parents=True)
    (old / "posts" / "x.md").write_text(NEW, encoding="utf-8")
    (tmp_path / ".import-mine").mkdir()  # no name the import gives: someone's, never named
    shown = lambda p: os.path.relpath(p, tmp_path)  # noqa: E731
    done = apply.write_files(plan.Plan(files={"posts/p.md": NEW}), content, "", [], shown)
    assert done.notes == [
        "content/.import-k3x9q2ab~/ holds the files of an import stopped before it ended (no "
        "build reads it): remove the folder once no import runs"
    ]
    assert (old / "posts" / "x.md").read_text(encoding="utf-8") == NEW
    assert (tmp_path / ".import-mine").is_dir()
