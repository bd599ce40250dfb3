"""`make serve`, `make publish`, `make preview` and `make build` on one output/ folder.

`make serve` builds into a folder of its own (``.output.builds/serve``) and points ``output``
at it; a publish that re-points ``output`` while it runs gets a folder nobody else writes
into: serve's next rebuild wrote its development build (drafts, 127.0.0.1 links, the
overlay) into the publish's folder, through the link, and nothing said so.
"""

import os
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, free_port, tmpfs
from tests.test_publish import _invoke, _publish_in_background, _site, _wait_gone
from tests.test_serve import Serve
from tests.test_serve import serve as serve  # the fixture: one real invoke serve

MOVED = "shows another build now"
BUSY = (
    "is building into {output}/ now, and two builds into one folder at once leave half of each "
    "in it: wait for that one to end (or stop it), then run `make {command}` again; {output} "
    "was left as it was."
)


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _pages(found: dict[str, bytes]) -> dict[str, bytes]:
    """``files``' answer without the search index (a background run may still write it)."""
    return {name: data for name, data in found.items() if not name.startswith("pagefind/")}


def test_a_publish_while_serving_keeps_its_folder_and_serve_says_so_once(serve: Serve):
    serve.wait_for_report(lambda r: "problems" in r)
    own = serve.output.with_name(".output.builds") / "serve"
    assert serve.output.is_symlink()  # output/ shows the development site
    assert os.path.realpath(serve.output) == str(own.resolve())
    assert (own / "drafts").is_dir()

    published = _invoke("publish", "--content", str(serve.content), "--output", str(serve.output))
    assert published.returncode == 0, published.stdout + published.stderr
    assert "goes on serving the development site" in published.stdout
    folder = Path(os.path.realpath(serve.output))
    assert folder != own.resolve() and (folder / "_headers").is_file()
    before = files(folder)
    assert own.is_dir(), "the publish removed serve's folder"

    since = serve.edit("posts/ranges.md", "\n\n", "\n\nServed edit one.\n\n")
    serve.wait_for("Done", since=since)
    serve.wait_for(MOVED, since=since)
    status, body = serve.get("/posts/ranges/")  # the server goes on with the development site
    assert status == 200 and b"Served edit one." in body and b"data-problems" in body
    later = serve.edit("posts/ranges.md", "Served edit one.", "Served edit two.")
    serve.wait_for("Done", since=later)
    assert b"Served edit two." in serve.get("/posts/ranges/")[1]

    assert files(folder) == before, "a serve build wrote into the publish's folder"
    assert not (folder / "drafts").exists()
    assert serve.terminal()[since:].count(MOVED) == 1, serve.terminal()[since:]
    assert serve.stop() == 0
    assert "Traceback" not in serve.terminal()


def test_a_second_serve_of_the_same_output_refuses_in_one_line(serve: Serve):
    command = [sys.executable, "-m", "invoke", "serve", "--port", str(free_port())]
    command += ["--content", str(serve.content), "--output", str(serve.output)]
    env = {**os.environ, "COMMENTS_ISSO_URL": "http://127.0.0.1:9"}
    second = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert second.returncode == 1
    lines = (second.stdout + second.stderr).strip().splitlines()
    assert len(lines) == 1, lines
    assert "is served already by `make serve` (pid " in lines[0]
    assert f"at {serve.url}/)" in lines[0]
    assert serve.get("/posts/ranges/")[0] == 200  # the first one goes on
    assert serve.stop() == 0


def test_serve_builds_into_a_mounted_output_in_place_and_moves_nothing_kept_there(tmp_path):
    # output/ as a Docker volume: the CNAME moved out of it into .output.builds/serve, then
    # the rename that points output/ there failed (EBUSY), a traceback, nothing served
    with tmpfs(tmp_path / "output") as output:
        (output / "CNAME").write_text("blog.tessellate.example\n")
        (output / ".well-known").mkdir()
        (output / ".well-known" / "security.txt").write_text("Contact: mailto:a@b.example\n")
        kept = files(output)
        serve = Serve(tmp_path)
        try:
            assert os.path.ismount(output) and not output.is_symlink()
            status, body = serve.get("/posts/ranges/")
            assert status == 200 and b"data-problems" in body
            assert b"data-problems" in (output / "posts/ranges/index.html").read_bytes()
            since = serve.edit("posts/ranges.md", "\n\n", "\n\nServed in place.\n\n")
            serve.wait_for("Done", since=since)
            assert b"Served in place." in serve.get("/posts/ranges/")[1]
            assert b"Served in place." in (output / "posts/ranges/index.html").read_bytes()

            # `make build` meanwhile emptied and rewrote the folder serve builds and serves
            built = files(output)
            refused = _invoke("build", "--content", str(serve.content), "--output", str(output))
            assert refused.returncode == 1, refused.stdout + refused.stderr
            assert refused.stderr.splitlines() == [
                f"Build stopped: {output}/ is a mount that `make serve` (pid "
                f"{serve.process.pid} at {serve.url}/) builds into in place, and a build now "
                "would write into the site it serves: stop that serve first, or build into a "
                "folder of its own with `invoke build --output another-folder`; "
                f"{output} was left as it was."
            ]
            # (the search index, written in the background, may still change meanwhile)
            assert _pages(files(output)) == _pages(built)
            assert serve.stop() == 0
        finally:
            serve.stop()
        terminal = serve.terminal()
        assert "Traceback" not in terminal
        assert f"Serving {output}/ at {serve.url}/" in terminal
        for name in ("CNAME", ".well-known"):
            assert f"{output}/{name} is kept, but `make serve` does not write it" in terminal
        assert {k: v for k, v in files(output).items() if k in kept} == kept
        assert not (tmp_path / ".output.builds" / "serve").exists()

        # `make build` after it, into the same mount: in place too, the kept files kept
        built = _invoke("build", "--content", str(serve.content), "--output", str(output))
        assert built.returncode == 0, built.stdout + built.stderr
        assert os.path.ismount(output) and (output / "index.html").is_file()
        assert not (output / ".build-pages.json").exists()  # serve's files gone with its build
        assert {k: v for k, v in files(output).items() if k in kept} == kept


def test_serve_moves_back_into_a_mounted_output_what_an_earlier_serve_left_beside_it(tmp_path):
    # a serve before it built in place moved the CNAME and .well-known/ out of the mount into
    # .output.builds/serve, then failed: nothing moved them back, nor said where they were
    old = tmp_path / ".output.builds" / "serve"
    (old / ".well-known").mkdir(parents=True)
    (old / "CNAME").write_text("blog.tessellate.example\n")
    (old / ".well-known" / "security.txt").write_text("Contact: mailto:a@b.example\n")
    (old / "index.html").write_text("<p>the earlier serve's first build</p>\n")
    kept = {name: data for name, data in files(old).items() if name != "index.html"}
    with tmpfs(tmp_path / "output") as output:
        serve = Serve(tmp_path)
        try:
            assert serve.get("/posts/ranges/")[0] == 200
            assert serve.stop() == 0
        finally:
            serve.stop()
        terminal = serve.terminal()
        assert "Traceback" not in terminal
        assert [line for line in terminal.splitlines() if line.startswith("Note: ")] == [
            f"Note: moved CNAME, .well-known from {old}/, where an earlier `make serve` had put "
            f"them, back into {output}/ (a mount, which `make serve` now builds into in place)."
        ]
        assert {name: data for name, data in files(output).items() if name in kept} == kept
        assert sorted(p.name for p in old.iterdir()) == ["index.html"]


def test_serve_refuses_a_mounted_output_holding_a_checkout_saying_what_it_would_do(tmp_path):
    # the line said serve replaces the folder whole, which it cannot do to a mount
    content, _ = _site(tmp_path)
    with tmpfs(tmp_path / "output") as output:
        (output / ".git").mkdir()
        served = _invoke(
            "serve", "--content", str(content), "--output", str(output), "--port", str(free_port())
        )
        assert served.returncode == 1, served.stdout + served.stderr
        assert served.stderr.splitlines() == [
            f"--output {output}: {output}/.git would be deleted (a build empties it): keep it "
            'with OUTPUT_RETENTION = [".git"] in pelicanconf.py (docs/publishing.md), or deploy '
            "from a folder of its own."
        ]
        assert sorted(p.name for p in output.iterdir()) == [".git"]


def _answers(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _preview(content: Path, output: Path, port: int) -> tuple[subprocess.Popen, list[str]]:
    """A real `invoke preview`, once it serves; what it printed until then."""
    command = [sys.executable, "-m", "invoke", "preview", "--port", str(port)]
    command += ["--content", str(content), "--output", str(output)]
    preview = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    said = []
    for line in preview.stdout:  # until the server runs
        said.append(line)
        if line.startswith("Serving "):
            break
    return preview, said


def test_preview_leaves_output_alone_and_a_build_after_a_publish_is_never_mixed(tmp_path):
    content, output = _site(tmp_path)
    published = _invoke("publish", "--content", str(content), "--output", str(output))
    assert published.returncode == 0, published.stdout + published.stderr
    folder = Path(os.path.realpath(output))
    before = files(folder)

    port = free_port()
    preview, said = _preview(content, output, port)
    try:
        assert _answers(port), "".join(said)
        assert os.path.realpath(output) == str(folder)
        assert files(output) == before, "the preview replaced output/"
    finally:
        preview.terminate()
        preview.communicate(timeout=60)
    assert "(removed when it stops; " in said[-1] and "output/ left as it was)" in said[-1]
    assert [p.name for p in output.with_name(".output.builds").iterdir()] == [folder.name]

    # make build: a real folder, with nothing of the publish left in it; the publish folder
    # is not written into
    built = _invoke("build", "--content", str(content), "--output", str(output))
    assert built.returncode == 0, built.stdout + built.stderr
    assert output.is_dir() and not output.is_symlink()
    assert not (output / "_headers").exists()
    assert (output / "drafts").is_dir()
    assert not folder.exists() or files(folder) == before


def test_preview_serves_the_files_as_built_and_never_reloads_the_page(tmp_path):
    # livereload, given nothing to watch, watched the project folder: every save anywhere
    # in it reloaded the open preview onto the same files, never rebuilt, and each page got
    # livereload's script, which the site does not ship
    content, output = _site(tmp_path)
    port = free_port()
    preview, said = _preview(content, output, port)
    try:
        (folder,) = output.with_name(".output.builds").glob("*-preview-*")
        for path, built in (("/", "index.html"), ("/posts/ranges/", "posts/ranges/index.html")):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as page:
                assert page.read() == (folder / built).read_bytes(), path  # byte for byte
        for path in ("/livereload.js", "/livereload"):  # no page can be told to reload
            with pytest.raises(urllib.error.HTTPError) as answer:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10)
            assert answer.value.code == 404, path
    finally:
        preview.terminate()
        said += preview.communicate(timeout=60)[0].splitlines(keepends=True)
    assert preview.returncode == 0, "".join(said)
    assert not folder.exists()  # removed when it stops
    assert "Traceback" not in "".join(said)


def test_serve_publish_and_build_refuse_while_a_build_writes_into_the_same_output(tmp_path):
    # a build held no lock: `make serve` started meanwhile pointed output/ at its own folder and
    # removed the one the build was writing (a publish put its tree there), exit 0, no line
    content, output = _site(tmp_path)
    task, pelican = _publish_in_background(content, output, "build")
    for pid in (task.pid, pelican):  # mid-build, until every second command has been tried
        os.kill(pid, signal.SIGSTOP)
    try:
        command = [sys.executable, "-m", "invoke", "serve", "--port", str(free_port())]
        command += ["--content", str(content), "--output", str(output)]
        env = {**os.environ, "COMMENTS_ISSO_URL": "http://127.0.0.1:9"}
        served = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
        )
        tried = {"serve": served}
        for verb in ("publish", "build"):
            tried[verb] = _invoke(verb, "--content", str(content), "--output", str(output))
    finally:
        for pid in (pelican, task.pid):
            os.kill(pid, signal.SIGCONT)
    said = task.communicate(timeout=300)[0]
    assert task.returncode == 0, said
    holder = f"`make build` (pid {task.pid})"
    for verb, first in [("serve", "Cannot serve"), ("publish", "Publish stopped"),
                        ("build", "Build stopped")]:  # fmt: skip
        assert tried[verb].returncode == 1, tried[verb].stdout + tried[verb].stderr
        assert (tried[verb].stdout + tried[verb].stderr).splitlines() == [
            f"{first}: {holder} " + BUSY.format(output=output, command=verb)
        ]
    assert not output.is_symlink() and (output / "drafts").is_dir()  # the build's own pages
    assert not (tmp_path / ".output.builds" / "serve").exists()
    assert not (tmp_path / ".output.builds" / "output.lock").exists()  # let go as it ended


def test_a_killed_build_leaves_no_lock_that_stops_the_next_one(tmp_path):
    content, output = _site(tmp_path)
    task, pelican = _publish_in_background(content, output, "build")
    task.kill()
    task.communicate(timeout=60)
    assert _wait_gone(pelican), f"pelican (pid {pelican}) still runs"
    lock = tmp_path / ".output.builds" / "output.lock"
    assert f"(pid {task.pid})" in lock.read_text()  # its file stays, naming a process gone
    for verb in ("build", "publish"):
        again = _invoke(verb, "--content", str(content), "--output", str(output))
        assert again.returncode == 0, again.stdout + again.stderr
    assert (output / "index.html").is_file() and not lock.exists()
