"""The first minute of a new user (docs/performance.md#first-minute): a hash-checked fast
installer in the Makefile, development builds that encode fewer renditions than publish
builds, and the publish workflow keeping the image cache between runs."""

import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import yaml
from pelican.settings import read_settings
from PIL import Image

from plugins.covers.settings import DEFAULTS as COVERS_DEFAULTS
from plugins.galleries.settings import DEFAULTS as GALLERY_DEFAULTS
from tests.conftest import DEV_CONF, PUBLISH_CONF, ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
BOOTSTRAP = ROOT / "requirements-bootstrap.lock"


def stamp_recipe(makefile: str) -> tuple[list[str], str]:
    """The prerequisites and the recipe (continuation lines joined) of the $(STAMP) rule."""
    match = re.search(r"^\$\(STAMP\):(.*)\n((?:\t.*\n)+)", makefile, re.M)
    assert match, "Makefile: no $(STAMP) rule"
    return match.group(1).split(), match.group(2).replace("\\\n", " ")


def installs(recipe: str) -> list[str]:
    """Every command of the recipe that installs packages (pip install, uv pip sync/install)."""
    commands = re.split(r"&&|\|\||;|\n|\{|\}", recipe)
    return [c.strip() for c in commands if re.search(r"\$\(PIP_INSTALL\)|pip (install|sync)", c)]


def expand(recipe: str, makefile: str) -> str:
    """The recipe with the Makefile's own := variables expanded (one level is enough here)."""
    variables = dict(re.findall(r"^(\w+) :?= (.*)$", makefile, re.M))
    return re.sub(r"\$\((\w+)\)", lambda m: variables.get(m.group(1), m.group(0)), recipe)


def test_the_venv_is_made_by_uv_from_a_pinned_hashed_bootstrap_with_pip_as_fallback():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    prerequisites, recipe = stamp_recipe(makefile)
    # a new pin of either file re-installs (the stamp is older than it)
    assert prerequisites == ["requirements.lock", "requirements-bootstrap.lock"]
    commands = [expand(c, makefile) for c in installs(recipe)]
    assert len(commands) == 3, commands
    bootstrap, sync, fallback = commands
    assert "pip install" in bootstrap and bootstrap.endswith("-r requirements-bootstrap.lock")
    assert "uv pip sync" in sync and sync.endswith("requirements.lock")
    assert "--python .venv/bin/python" in sync
    # uv compiles nothing: what a build imports is compiled after it, where it must be
    assert "--compile-bytecode" not in sync
    assert "pip install" in fallback and fallback.endswith("-r requirements.lock")
    for command in commands:  # every install checks every hash, uv's included
        assert "--require-hashes" in command, command
    # uv first; pip installs the lock only when the bootstrap or uv failed
    assert re.search(
        r"uv pip sync [^|]*\|\| \{[^}]*\$\$pip \$\(PIP_INSTALL\) -r requirements.lock;", recipe
    )
    # the venv has no pip of its own unless the machine's Python has none to lend it
    assert "-m venv --without-pip $(VENV)" in recipe


def _make_value(variable: str, environment: dict[str, str]) -> str:
    """What the Makefile's ``variable`` holds in ``environment`` (os.environ, less the variable
    PYTHONDONTWRITEBYTECODE, plus ``environment``)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | environment
    return subprocess.run(
        ["make", "-s", "--eval", f"show-it: ; @: $(info [$({variable})])", "show-it"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


@pytest.mark.parametrize(
    ("environment", "compiles"), [({"PYTHONDONTWRITEBYTECODE": "1"}, True), ({}, False)]
)
def test_make_venv_compiles_bytecode_only_where_python_may_not_write_it(environment, compiles):
    shown = _make_value("COMPILE", environment)
    # elsewhere the first build writes what it imports, itself
    assert shown == (
        "[.venv/bin/python -c 'import tasks; tasks.installed_bytecode()']" if compiles else "[]"
    )


@pytest.mark.parametrize(
    ("names", "compiled"),
    [
        (("pkg", "single.py"), {"pkg/__init__.py", "pkg/sub/mod.py", "single.py"}),
        (("pkg",), {"pkg/__init__.py", "pkg/sub/mod.py"}),
        (("pk",), set()),  # a name is a whole folder's or module's, not the start of one
        (None, {"pkg/__init__.py", "pkg/sub/mod.py", "single.py", "other/__init__.py"}),
    ],
)
def test_installed_bytecode_compiles_the_named_packages_without_their_tests(
    tmp_path, names, compiled
):
    import importlib.util

    import tasks

    site = tmp_path / "site-packages"
    for name in (
        *("pkg/__init__.py", "pkg/sub/mod.py", "pkg/tests/test_pkg.py", "pkg/test/helpers.py"),
        *("single.py", "other/__init__.py", "other/tests/test_other.py"),
    ):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text("VALUE = 1\n", encoding="utf-8")
    tasks.installed_bytecode(names, site=str(site))
    written = {
        str(p.relative_to(site))
        for p in site.rglob("*.py")
        if Path(importlib.util.cache_from_source(str(p))).is_file()
    }
    assert written == compiled


def _installed_imports(profile: str, site: str) -> set[str]:
    """The installed packages and modules of ``site`` that ``-X importtime`` lines name."""
    imported = {
        line.rsplit("|", 1)[1].strip().split(".")[0]
        for line in profile.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    return {
        name
        for name in imported
        if (Path(site) / name).is_dir() or (Path(site) / f"{name}.py").is_file()
    }


def test_build_imports_names_every_installed_package_a_build_imports(tmp_path):
    import sysconfig

    import tasks

    site = sysconfig.get_path("purelib")
    # every name is installed: one the lock no longer has is a name to take out of the list
    missing = [n for n in tasks.BUILD_IMPORTS if not (Path(site) / n).exists()]
    assert not missing, f"tasks.BUILD_IMPORTS: not in {site}: {missing}"
    # a one-post build's imports (its forks' too), in a process of its own
    content = tmp_path / "content-imports"
    (content / "posts").mkdir(parents=True)
    (content / "posts" / "hello.md").write_text(
        "Title: Hello\nDate: 2025-03-14\n\nA first post, with a [link](https://example.org/).\n",
        encoding="utf-8",
    )
    shown = subprocess.run(
        [
            *(sys.executable, "-X", "importtime", "-m", "plugins.engine.command"),
            *("-s", str(DEV_CONF), "-o", str(tmp_path / "out"), str(content)),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert shown.returncode == 0, shown.stderr[-2000:]
    installed = _installed_imports(shown.stderr, site)
    listed = {n.removesuffix(".py") for n in tasks.BUILD_IMPORTS}
    assert installed - listed == set(), "a build imports these: add them to tasks.BUILD_IMPORTS"
    assert {"pelican", "markdown", "jinja2"} <= installed  # the probe saw a build


def test_build_imports_names_every_installed_package_make_serve_imports(tmp_path, monkeypatch):
    """`make serve`'s own imports (live reload, the local Isso) were listed by hand in
    BUILD_IMPORTS, with no test: one missing is compiled only by `invoke test`, and a first
    `make serve` with PYTHONDONTWRITEBYTECODE set compiles it again at every start."""
    import sysconfig

    import tasks
    from plugins.comments import local_isso
    from tests.conftest import FIXTURES, free_port

    site = sysconfig.get_path("purelib")
    # the local Isso, started as serve starts it, on a port of the system's and in tmp_path
    # (serve's own prefers 8080 and keeps its data in var/isso/)
    isso_port = free_port()
    config = local_isso.write_config(tmp_path / "isso", isso_port, ["http://127.0.0.1:8000"])
    monkeypatch.setenv("PYTHONPROFILEIMPORTTIME", "1")  # for the Isso process only
    local_isso.stop(local_isso.start(config, isso_port))  # waits until it answers
    isso_profile = (tmp_path / "isso" / "isso.log").read_text(errors="replace")
    # serve itself: the live-reload server, the warm builder and its first build's forks
    content = tmp_path / "content-serve-imports"
    shutil.copytree(FIXTURES / "site", content)
    port = free_port()
    log = tmp_path / "terminal.log"
    env = {**os.environ}  # PYTHONPROFILEIMPORTTIME: every Python process serve starts
    env["COMMENTS_ISSO_URL"] = f"http://127.0.0.1:{isso_port}"  # serve starts no Isso of its own
    env.pop("SITEURL", None)
    command = [sys.executable, "-m", "invoke", "serve", "--port", str(port)]
    command += ["--content", str(content), "--output", str(tmp_path / "output")]
    with log.open("w") as terminal:
        serve = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=terminal, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + 180
        while "Serving " not in log.read_text(errors="replace"):
            assert serve.poll() is None, log.read_text(errors="replace")[-3000:]
            assert time.monotonic() < deadline, log.read_text(errors="replace")[-3000:]
            time.sleep(0.2)
    finally:
        serve.terminate()
        serve.wait(timeout=60)
    serve_profile = log.read_text(errors="replace")
    listed = {n.removesuffix(".py") for n in tasks.BUILD_IMPORTS}
    assert {"isso", "werkzeug"} <= _installed_imports(isso_profile, site)  # the probe saw Isso
    assert {"livereload", "tornado", "pelican"} <= _installed_imports(serve_profile, site)
    installed = _installed_imports(isso_profile + serve_profile, site)
    assert installed - listed == set(), "`make serve` imports these: add them to BUILD_IMPORTS"


def _wheel(folder: Path, name: str) -> str:
    """Write a wheel of one empty module, ``name``-1.0, into ``folder``; its sha256."""
    dist = f"{name}-1.0.dist-info"
    files = {
        f"{name}_module.py": "",
        f"{dist}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n",
        f"{dist}/WHEEL": "Wheel-Version: 1.0\nGenerator: a test\nRoot-Is-Purelib: true\n"
        "Tag: py3-none-any\n",
    }
    files[f"{dist}/RECORD"] = "".join(f"{path},,\n" for path in [*files, f"{dist}/RECORD"])
    path = folder / f"{name}-1.0-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as wheel:
        for member, text in files.items():
            wheel.writestr(member, text)
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("lender", "hash_right"),
    [("the machine's pip", True), ("ensurepip", True), ("the machine's pip", False)],
)
def test_make_venv_where_uv_cannot_run_installs_the_lock_with_pip(tmp_path, lender, hash_right):
    # no network: a bootstrap that installs no uv, and a lock of one local wheel
    wheels, project = tmp_path / "wheels", tmp_path / "project"
    wheels.mkdir()
    project.mkdir()
    shutil.copy(ROOT / "Makefile", project)
    bootstrap = _wheel(wheels, "not_uv")
    (project / "requirements-bootstrap.lock").write_text(f"not-uv==1.0 --hash=sha256:{bootstrap}\n")
    digest = _wheel(wheels, "site_dependency")
    digest = digest if hash_right else digest[::-1]  # the wheel, but not the one pinned
    (project / "requirements.lock").write_text(f"site-dependency==1.0 --hash=sha256:{digest}\n")
    if lender == "ensurepip":  # a Python without pip: .venv gets its own
        subprocess.run(
            [sys.executable, "-m", "venv", "--without-pip", tmp_path / "bare"], check=True
        )
        python = tmp_path / "bare" / "bin" / "python"
    else:
        python = Path(sys.base_prefix, "bin", "python3")  # the Python this venv was made from
        if not python.is_file() or subprocess.run([python, "-c", "import pip"]).returncode:
            pytest.skip(f"{python} has no pip to lend")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PYTHONDONTWRITE"))}
    env |= {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(wheels), "PIP_CONFIG_FILE": os.devnull}
    made = subprocess.run(
        ["make", "venv", f"PYTHON={python}"], cwd=project, env=env, capture_output=True, text=True
    )
    said = made.stdout + made.stderr
    assert "uv could not install requirements.lock: installing it with pip instead" in said
    site = next((project / ".venv" / "lib").glob("python3.*/site-packages"))
    assert (site / "not_uv_module.py").is_file()  # the bootstrap went in, hash-checked
    # pip is in .venv only where the machine's Python had none to lend
    assert (project / ".venv" / "bin" / "pip").exists() == (lender == "ensurepip")
    if hash_right:
        assert made.returncode == 0, said
        assert (site / "site_dependency_module.py").is_file()
        stamp = project / ".venv" / ".installed-lock"
        assert stamp.read_text() == (project / "requirements.lock").read_text()
    else:  # a wheel whose hash is not the lock's is refused, and the next make tries again
        assert made.returncode != 0
        assert "THESE PACKAGES DO NOT MATCH THE HASHES" in said
        assert not (site / "site_dependency_module.py").exists()
        assert not (project / ".venv" / ".installed-lock").exists()


def test_make_venv_with_no_pip_to_lend_nor_ensurepip_says_so_in_one_line(tmp_path):
    project = tmp_path / "project"
    (project / ".venv" / "bin").mkdir(parents=True)
    for name in ("Makefile", "requirements.lock", "requirements-bootstrap.lock"):
        shutil.copy(ROOT / name, project)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", tmp_path / "bare"], check=True)
    bare = tmp_path / "bare" / "bin" / "python"
    # .venv's Python as a Debian one without python3-venv: no ensurepip
    venv_python = project / ".venv" / "bin" / "python"
    venv_python.write_text(
        f'#!/bin/sh\ncase "$*" in *ensurepip*) echo "No module named ensurepip" >&2; exit 1;; '
        f'esac\nexec {bare} "$@"\n'
    )
    venv_python.chmod(0o755)
    made = subprocess.run(
        ["make", "-s", "venv", f"PYTHON={bare}"], cwd=project, capture_output=True, text=True
    )
    assert made.returncode != 0
    assert made.stdout == (
        f"{bare} has no pip (22.3 or newer) to install into .venv, nor ensurepip to give .venv "
        "its own: install pip (Debian: apt-get install python3-pip)\n"
    )
    assert "ensurepip" not in made.stderr


def test_the_bootstrap_lock_pins_uv_alone_with_hashes():
    requirements = [
        line
        for line in BOOTSTRAP.read_text(encoding="utf-8").replace("\\\n", " ").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert len(requirements) == 1
    name, _, rest = requirements[0].partition("==")
    assert name == "uv"
    assert re.match(r"\d+\.\d+\.\d+ ", rest)
    hashes = re.findall(r"--hash=sha256:([0-9a-f]{64})", rest)
    assert len(hashes) >= 2  # a wheel per platform, not one machine's


@pytest.fixture(scope="module")
def dev():
    return read_settings(str(DEV_CONF))


@pytest.fixture(scope="module")
def publish():
    return read_settings(str(PUBLISH_CONF))


def test_development_builds_encode_one_modern_format_and_the_jpeg_fallback(dev, publish):
    formats = tuple(dev["GALLERY_FORMATS"])
    assert len(formats) == 2 and formats[-1] == "jpeg", formats
    assert formats[0] in publish["GALLERY_FORMATS"]
    assert tuple(dev.get("IMAGES_FORMATS", ("webp", "jpeg"))) == ("webp", "jpeg")


def test_development_builds_encode_fewer_widths_publish_builds_every_one(dev, publish):
    for key, defaults in (
        ("GALLERY_WIDTHS", GALLERY_DEFAULTS),
        ("GALLERY_POST_IMAGE_WIDTHS", GALLERY_DEFAULTS),
        ("COVERS_WIDTHS", COVERS_DEFAULTS),
    ):
        assert tuple(publish[key]) == defaults[key], key
        assert set(dev[key]) < set(publish[key]), key  # a subset: the same files, fewer
        assert max(dev[key]) >= 1200, key  # still sharp in a lightbox or a wide column
    # a post's first image is its cover too: one set of widths renders it once for both
    assert tuple(dev["COVERS_WIDTHS"]) == tuple(dev["GALLERY_POST_IMAGE_WIDTHS"])


def test_publish_builds_encode_every_format(publish):
    assert tuple(publish["GALLERY_FORMATS"]) == GALLERY_DEFAULTS["GALLERY_FORMATS"]


def _steps(workflow: str) -> list[dict]:
    data = yaml.safe_load((WORKFLOWS / workflow).read_text(encoding="utf-8"))
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def _index(steps: list[dict], run: str) -> int:
    return next(i for i, s in enumerate(steps) if run in s.get("run", ""))


@pytest.mark.parametrize(
    ("workflow", "action"),
    [("publish.yml", "actions/cache@"), ("pull-request.yml", "actions/cache/restore@")],
)
def test_workflows_restore_the_image_cache_before_publishing(workflow, action):
    steps = _steps(workflow)
    cache = [i for i, s in enumerate(steps) if s.get("uses", "").startswith(action)]
    assert len(cache) == 1, f"{workflow}: one {action} step"
    step = steps[cache[0]]
    assert cache[0] < _index(steps, "make publish")
    assert step["with"]["path"] == ".cache/pelican/images"
    key, restore = step["with"]["key"], step["with"]["restore-keys"].strip()
    # what shapes the bytes: the pipeline's code and Pillow's version (from the lock)
    assert "hashFiles('plugins/images/pipeline.py')" in key
    assert "steps.images.outputs.versions" in key
    # the key ends with the run (a new entry each time); restore-keys is the same without it
    assert key.endswith("-${{ github.run_id }}")
    assert key.removesuffix("${{ github.run_id }}") == restore
    versions = steps[_index(steps, "GITHUB_OUTPUT")]["run"]
    assert "requirements.lock" in versions and "pillow" in versions


def test_the_image_cache_path_is_where_builds_put_renditions(dev, publish, monkeypatch):
    from plugins.images.settings import configure

    monkeypatch.chdir(ROOT)  # make runs the builds from the checkout's root, as the workflows do
    for settings in (dev, publish):
        path = Path(configure(settings)["IMAGES_CACHE_PATH"])
        assert path == ROOT / ".cache" / "pelican" / "images"


def _jpeg(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (90, 140, 60)).save(buffer, "JPEG")
    return buffer.getvalue()


GALLERY = {
    "galleries/walk/gallery.md": "Title: The walk\nPhoto: hill.jpg | The hill. | A green hill\n",
    "galleries/walk/hill.jpg": _jpeg(1300, 867),
}


@pytest.mark.parametrize(
    ("publish", "types", "widths"),
    [
        (False, ["image/webp"], [360, 1200]),
        # 1800 is wider than the photo: its own width instead, never upscaled
        (True, ["image/avif", "image/webp"], [360, 720, 1200, 1300]),
    ],
)
def test_every_picture_is_shown_in_the_formats_and_widths_of_its_build(
    build_site, publish, types, widths
):
    site = build_site(GALLERY, publish=publish)
    picture = site.soup("galleries/walk/").select_one("li.gallery__item picture")
    assert [s["type"] for s in picture.select("source")] == types
    img = picture.select_one("img")
    assert img["src"].endswith(".jpg") and img["alt"] == "A green hill"
    assert [int(c.split()[1][:-1]) for c in img["srcset"].split(", ")] == widths
    # every file the page names is written (the fallback, each format at each width)
    urls = [img["src"]] + [
        c.split()[0] for s in (img, *picture.select("source")) for c in s["srcset"].split(", ")
    ]
    assert len(urls) == 1 + len(widths) * (len(types) + 1)
    for url in urls:
        assert site.exists(site.relpath_of(url)), url


@pytest.mark.parametrize(
    ("pages_url", "owner", "repo", "expected"),
    [
        ("https://blog.example.org/", "acme", "blog", "https://blog.example.org/"),  # Pages says
        ("", "acme", "blog", "https://acme.github.io/blog"),  # a project site, under /blog/
        ("", "acme", "acme.github.io", "https://acme.github.io"),  # the owner's own site
    ],
)
def test_a_pull_request_builds_for_the_address_the_publish_builds_for(
    tmp_path, pages_url, owner, repo, expected
):
    # built at the root, a link starting with "/" passed a pull request and failed the merge
    steps = _steps("pull-request.yml")
    pages = next(s for s in steps if s.get("uses", "").startswith("actions/configure-pages@"))
    assert pages.get("continue-on-error") is True  # a fork's token may not read it
    step = next(s for s in steps if s.get("id") == "siteurl")
    output = tmp_path / "out"
    env = {"PAGES_URL": pages_url, "OWNER": owner, "REPO": repo, "GITHUB_OUTPUT": str(output)}
    subprocess.run(["bash", "-ec", step["run"]], env=env, check=True)
    assert output.read_text() == f"url={expected}\n"
    for run in ("make publish", "make check"):
        assert steps[_index(steps, run)]["env"]["SITEURL"] == "${{ steps.siteurl.outputs.url }}"
    publish = _steps("publish.yml")
    assert (
        "steps.pages.outputs.base_url" in publish[_index(publish, "make publish")]["env"]["SITEURL"]
    )


def _own_modules(root: Path) -> list[Path]:
    return [*(root / "plugins").rglob("*.py"), root / "pelicanconf.py", root / "publishconf.py"]


@pytest.mark.parametrize("may_not_write", [True, False])
def test_builds_compile_the_plugins_only_where_python_may_not_write_bytecode(
    tmp_path, may_not_write
):
    import importlib.util

    import tasks

    shutil.copytree(ROOT / "plugins", tmp_path / "plugins", ignore=shutil.ignore_patterns("*.pyc"))
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, tmp_path / name)
    tasks.own_bytecode(tmp_path, may_not_write=may_not_write)
    compiled = [
        m for m in _own_modules(tmp_path) if Path(importlib.util.cache_from_source(m)).is_file()
    ]
    # where Python writes bytecode itself, the first build writes what it imports (only that)
    assert len(compiled) == (len(_own_modules(tmp_path)) if may_not_write else 0)


def test_every_build_task_compiles_the_plugins_first():
    import inspect

    import tasks

    for function in (tasks._pelican, tasks.atomic_build, tasks.serve.body):
        assert "own_bytecode()" in inspect.getsource(function), function.__name__
