"""build, publish and serve never delete what they did not make: an --output folder that holds
the project or the content, sits inside the content, or is someone's folder is refused in one
line before anything is built; a deploy checkout's .git and CNAME survive a publish. preview,
which builds beside --output and leaves it alone, is refused by where the folder is."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import tasks
from tests.conftest import FIXTURES, free_port, tmpfs
from tests.test_publish import _invoke


def _run(command: str, content: Path, output: Path) -> subprocess.CompletedProcess:
    args = [command, "--content", str(content), "--output", str(output)]
    if command in ("serve", "preview"):
        args += ["--port", str(free_port())]
    return _invoke(*args)


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("command", ["build", "publish", "serve", "preview"])
def test_an_output_folder_holding_the_content_is_refused_and_kept(tmp_path, command):
    # publish swapped the folder out and removed it, content and all (serve too); build
    # published the raw sources, drafts included
    folder = tmp_path / "site"
    content = folder / "content"
    shutil.copytree(FIXTURES / "site", content)
    before = _tree(folder)
    result = _run(command, content, folder)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.splitlines() == [
        f"--output {folder} holds the content folder {content}, and "
        f"{tasks._DOES[command]}: pass a folder beside it (the default is output/)."
    ]
    assert not folder.is_symlink()
    assert _tree(folder) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # nothing built beside it


@pytest.mark.parametrize("command", ["build", "publish", "serve", "preview"])
def test_an_output_folder_inside_the_content_is_one_line(tmp_path, command):
    # 680 warnings about its own pages, and advice to add "output" to STATIC_PATHS; a preview
    # built into content/.output.builds/ and served it
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    before = _tree(content)
    result = _run(command, content, content / "output")
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.splitlines() == [
        f"--output {content}/output is inside the content folder {content} (the build would "
        "read its own pages as content): pass a folder outside it (the default is output/)."
    ]
    assert _tree(content) == before
    assert sorted(p.name for p in content.iterdir()) == sorted(
        p.name for p in (FIXTURES / "site").iterdir()
    )


def _folder(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return folder


SITE = {"index.html": "<p>a site</p>", "posts/x/index.html": "<p>x</p>"}


@pytest.mark.parametrize(
    ("files", "retained", "said"),
    [
        ({}, (), None),  # empty: nothing to lose
        (SITE, (), None),  # what `make build` made: replaced as before
        ({"index.html": ".", ".git/HEAD": "ref"}, (".git",), None),  # kept: no reason
        ({"index.html": ".", ".git/HEAD": "ref"}, (), "out/.git would be deleted"),
        ({"photo.jpg": ".", "taxes.pdf": "."}, (), "out/ holds photo.jpg and no site"),
        ({**SITE, "notes.md": "Title: mine"}, (), "out/notes.md is no file a build writes"),
        ({**SITE, "plugins/x.txt": "."}, (), "out/plugins is no file a build writes"),
    ],
)
def test_a_folder_no_build_made_is_never_replaced(tmp_path, files, retained, said):
    root, content = tmp_path / "project", tmp_path / "project" / "content"
    content.mkdir(parents=True)
    folder = _folder(tmp_path, files)
    why = tasks.output_refusal(folder, content, root, retained, "publish")
    assert (why is None) if said is None else (said in why and why.count("\n") == 0), why


def test_a_file_the_settings_map_to_the_top_is_one_a_build_writes(tmp_path):
    # Kristinita's site maps extra/netlify.toml to /netlify.toml: after `make build`,
    # `make publish` refused output/ ("output/netlify.toml is no file a build writes"; probe V)
    root, content = tmp_path / "project", tmp_path / "project" / "content"
    content.mkdir(parents=True)
    conf = root / "conf.py"
    conf.write_text(
        'EXTRA_PATH_METADATA = {"extra/netlify.toml": {"path": "netlify.toml"}, '
        '"extra/a.md": {"path": "/docs/a.md"}, "extra/x": "not a dict"}\n'
    )
    written = tasks._mapped_to_top(conf)
    assert written == ("netlify.toml", "docs")
    folder = _folder(tmp_path, {**SITE, "netlify.toml": "[build]", "docs/a.md": "# A"})
    assert tasks.output_refusal(folder, content, root, (), "publish", written) is None
    # a source file the settings do not name is still refused
    (folder / "notes.md").write_text("Title: mine")
    why = tasks.output_refusal(folder, content, root, (), "publish", written)
    assert why is not None and "out/notes.md is no file a build writes" in why
    assert tasks._mapped_to_top(root / "missing.py") == ()


@pytest.mark.parametrize("output", ["project", ".", "project/..", "project/content/../.."])
def test_the_project_folder_or_one_holding_it_is_refused(tmp_path, monkeypatch, output):
    # `invoke publish --output .` replaced the whole project (.git, content, plugins) by a link
    root = tmp_path / "project"
    (root / "content").mkdir(parents=True)
    monkeypatch.chdir(root.parent if output.startswith("project") else root)
    why = tasks.output_refusal(Path(output), root / "content", root, (), "publish")
    assert why is not None and f"holds this project ({root})" in why, why


def test_a_link_to_the_content_is_refused_by_where_it_leads(tmp_path):
    root = tmp_path / "project"
    (root / "content").mkdir(parents=True)
    (tmp_path / "out").symlink_to(root / "content", target_is_directory=True)
    why = tasks.output_refusal(tmp_path / "out", root / "content", root)
    assert why is not None and "(" + str(root / "content") + ") holds the content folder" in why


def test_publish_keeps_a_deploy_checkouts_cname_or_refuses_to_delete_it(tmp_path, monkeypatch):
    # a GitHub Pages checkout kept in output/: publish removed its .git and CNAME silently
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    output = tmp_path / "output"
    assert _run("publish", content, output).returncode == 0
    (output / "CNAME").write_text("blog.tessellate.example\n")
    before = _tree(output)

    stopped = _run("publish", content, output)
    assert stopped.returncode == 1
    assert stopped.stderr.splitlines()[-1] == (
        f"Publish stopped: {output}/CNAME would be deleted (this build does not write it): "
        f'keep it with OUTPUT_RETENTION = ["CNAME"] in pelicanconf.py (docs/publishing.md); '
        f"{output} was left as it was."
    )
    assert _tree(output) == before

    (output / ".git").mkdir()
    (output / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    refused = _run("publish", content, output)
    assert refused.returncode == 1
    assert refused.stderr.splitlines() == [
        f"--output {output}: {output}/.git would be deleted (a publish replaces it whole): "
        'keep it with OUTPUT_RETENTION = [".git"] in pelicanconf.py (docs/publishing.md), or '
        "deploy from a folder of its own."
    ]

    # with OUTPUT_RETENTION (what the settings say, read in this process), both move over
    monkeypatch.setattr(tasks, "_retained", lambda conf: [".git", "CNAME"])
    shown = output.resolve()
    assert tasks.atomic_build(tasks.PUBLISH_CONF, output, content) == 0
    assert output.resolve() != shown and not shown.exists()
    assert (output / "CNAME").read_text() == "blog.tessellate.example\n"
    assert (output / ".git" / "HEAD").read_text() == "ref: refs/heads/gh-pages\n"
    assert (output / "posts" / "ranges" / "index.html").is_file()

    # and `make build` after it keeps them in the real folder it makes
    tasks._detach(output, tasks.PUBLISH_CONF)
    assert not output.is_symlink() and (output / ".git" / "HEAD").is_file()
    assert (output / "CNAME").is_file()


@pytest.mark.parametrize(("shows", "lost"), [("serve", None), ("4242-k3x9q2ab", "CNAME")])
def test_a_cname_in_serves_folder_stays_there_and_stops_no_publish(tmp_path, shows, lost):
    # a publish never removes `make serve`'s folder: nothing in it is lost
    shown = tmp_path / ".output.builds" / shows
    shown.mkdir(parents=True)
    (shown / "CNAME").write_text("blog.tessellate.example\n")
    (tmp_path / "output").symlink_to(shown, target_is_directory=True)
    (tmp_path / "new").mkdir()
    assert tasks._would_lose(tmp_path / "output", tmp_path / "new", ()) == lost


def test_settings_that_cannot_be_read_are_the_one_line_and_nothing_is_removed(tmp_path):
    # OUTPUT_RETENTION unread: "output/.git would be deleted: keep it with OUTPUT_RETENTION",
    # where the settings set it and had a typo; make build then removed the publish build
    conf = tmp_path / "conf.py"
    conf.write_text('OUTPUT_RETENTION = [".git"]\nX = Flase\n')
    shown = tmp_path / ".output.builds" / "4242-k3x9q2ab"
    (shown / ".git").mkdir(parents=True)
    (shown / "index.html").write_text("<p>the site</p>")
    output = tmp_path / "output"
    output.symlink_to(shown, target_is_directory=True)
    assert tasks._retained(conf) is None
    assert tasks.output_refusal(output, tmp_path / "content", tmp_path / "project", None) is None
    tasks._detach(output, conf)  # the build that follows stops on conf's line
    assert output.is_symlink() and (output / ".git").is_dir()
    # what does not depend on the settings is still refused
    why = tasks.output_refusal(tmp_path, tmp_path / "content", tmp_path / "project", None)
    assert why is not None and "holds this project" in why


HAND_PLACED = {
    "CNAME": "blog.tessellate.example\n",
    ".nojekyll": "",
    ".well-known/security.txt": ".",
}


def test_a_development_build_keeps_what_the_owner_put_in_output(tmp_path):
    # Pelican's DELETE_OUTPUT_DIRECTORY deleted a CNAME, .nojekyll and .well-known/ put in
    # output/ by hand, without a word; only a publish checked
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    output = tmp_path / "output"
    assert _run("build", content, output).returncode == 0
    for name, text in HAND_PLACED.items():
        (output / name).parent.mkdir(exist_ok=True)
        (output / name).write_text(text)
    built = _run("build", content, output)
    assert built.returncode == 0, built.stderr
    assert {name: (output / name).read_text() for name in HAND_PLACED} == HAND_PLACED
    assert (output / "posts" / "ranges" / "index.html").is_file()
    assert [line for line in built.stderr.splitlines() if " is kept" in line] == [
        f"{output}/{name} is kept, but this build does not write it and OUTPUT_RETENTION does "
        f'not list it: add OUTPUT_RETENTION = ["{name}"] to pelicanconf.py '
        "(docs/publishing.md), or `make publish` stops on it."
        for name in ("CNAME", ".nojekyll", ".well-known")
    ]


def test_a_cname_the_build_writes_itself_is_the_build_s_and_not_named(tmp_path, capfd):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    (content / "extra").mkdir(exist_ok=True)
    (content / "extra" / "CNAME").write_text("blog.tessellate.example\n")
    conf = tmp_path / "conf.py"
    conf.write_text(
        "from pelicanconf import *\n"
        'EXTRA_PATH_METADATA = {**EXTRA_PATH_METADATA, "extra/CNAME": {"path": "CNAME"}}\n'
    )
    output = tmp_path / "output"
    output.mkdir()
    (output / "CNAME").write_text("old.example\n")
    (output / "index.html").write_text("<p>an earlier build</p>")
    assert tasks._build(conf, output, content) == 0
    assert (output / "CNAME").read_text() == "blog.tessellate.example\n"
    assert " is kept" not in capfd.readouterr().err


def test_build_and_serve_move_a_hand_placed_cname_with_the_folder_they_leave(tmp_path, capsys):
    # make build left it in the publish build it stopped showing (removed by the next
    # publish); make serve removed the make-build folder it was in
    conf = tmp_path / "conf.py"
    conf.write_text("SITENAME = 'x'\n")
    shown = tmp_path / ".output.builds" / "4242-k3x9q2ab"
    shown.mkdir(parents=True)
    (shown / "index.html").write_text("<p>the site</p>")
    (shown / "CNAME").write_text("blog.tessellate.example\n")
    output = tmp_path / "output"
    output.symlink_to(shown, target_is_directory=True)
    tasks._detach(output, conf)
    assert not output.is_symlink() and (output / "CNAME").is_file()

    own = tmp_path / ".output.builds" / "serve"
    own.mkdir()
    (own / "index.html").write_text("<p>the development site</p>")
    assert tasks._show_in_output(output, own, conf) == str(own)
    assert (own / "CNAME").read_text() == "blog.tessellate.example\n"
    assert capsys.readouterr().err.splitlines() == [
        f"{output}/CNAME is kept, but `make serve` does not write it and OUTPUT_RETENTION does "
        'not list it: add OUTPUT_RETENTION = ["CNAME"] to pelicanconf.py (docs/publishing.md), '
        "or `make publish` stops on it."
    ]


def test_a_preview_beside_the_root_folder_is_one_line_not_a_traceback():
    # `invoke preview --output /`: Path("/").with_name raised ValueError
    result = _invoke("preview", "--output", "/", "--port", str(free_port()))
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.splitlines() == [
        f"--output / holds this project ({tasks.ROOT}), and {tasks._DOES['preview']}: pass a "
        "folder of its own (the default is output/)."
    ]


def test_a_serve_build_that_empties_its_folder_keeps_a_hand_placed_cname(tmp_path):
    # make serve carries a hand-placed CNAME into its own folder; a serve build with no
    # record of that folder (a new session after a lost record, a killed build) empties it
    # first, and Pelican deleted the CNAME with the rest
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    own = tmp_path / ".output.builds" / "serve"
    own.mkdir(parents=True)
    (own / "CNAME").write_text("blog.tessellate.example\n")
    (own / "stray.html").write_text("<p>left from before</p>")
    overrides = tasks._serve_overrides(tmp_path / "output", own, comments=False)
    overrides = [o for o in overrides if not o.startswith("CACHE_PATH=")]
    overrides += [f"CACHE_PATH={json.dumps(str(tmp_path / 'cache'))}"]
    command = [sys.executable, "-m", "pelican", str(content), "-s", str(tasks.DEV_CONF)]
    command += ["-o", str(own), "-e", *overrides]
    done = subprocess.run(command, cwd=tasks.ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert not (own / "stray.html").exists()  # emptied: no record of the folder
    assert (own / "CNAME").read_text() == "blog.tessellate.example\n"


def test_publish_into_a_mounted_output_is_refused_before_it_moves_anything(
    tmp_path, monkeypatch, capsys
):
    # output/ as a Docker volume: the build ran, the CNAME and .git moved out of output/ into
    # the build folder, then the rename failed (EBUSY): the next publish removed them with it
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    monkeypatch.setattr(tasks, "_retained", lambda conf: [".git", "CNAME"])
    with tmpfs(tmp_path / "output") as output:
        (output / "CNAME").write_text("blog.tessellate.example\n")
        (output / ".git").mkdir()
        (output / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
        before = _tree(output)
        assert tasks.atomic_build(tasks.PUBLISH_CONF, output, content) == 1
        assert _tree(output) == before
    assert capsys.readouterr().err.splitlines() == [
        f"Publish stopped: {output}/ is a file system of its own (a mount point: a Docker "
        "volume, a second disk), which a publish cannot replace in one step: mount the folder "
        f"that holds it instead (docs/publishing.md); {output} was left as it was."
    ]
    assert not (tmp_path / ".output.builds").exists()
