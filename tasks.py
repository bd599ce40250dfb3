"""Project tasks (invoke). The Makefile targets are thin wrappers over these."""

import datetime
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))  # for plugins.comments.local_isso
VENV_BIN = Path(sys.executable).parent
DEV_CONF = ROOT / "pelicanconf.py"
PUBLISH_CONF = ROOT / "publishconf.py"
HOST, PORT = "127.0.0.1", 8000


def _arguments(conf: Path, output: Path, content: Path | None = None, extra=()) -> list[str]:
    """Pelican's command-line arguments for one build."""
    return ["-s", str(conf), "-o", str(output), *([str(content)] if content else []), *extra]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    if not sys.stderr.isatty():
        # Pelican's console wraps at 80 columns off a terminal, splitting messages in CI logs.
        env["COLUMNS"] = "200"
    return env


def _pelican(conf: Path, output: Path, content: Path | None = None, extra=()) -> int:
    """Run one Pelican build in a child process; return its exit status."""
    cmd = [str(VENV_BIN / "pelican"), *_arguments(conf, output, content, extra)]
    return subprocess.call(cmd, cwd=ROOT, env=_env())


# Local copies of a publish build (preview, check) must not count visits or queue webmentions.
# One -e with both: Pelican keeps only the last -e given.
LOCAL_COPY = ["-e", "ANALYTICS_ENABLED=false", "WEBMENTIONS_SEND=false"]


def atomic_build(conf: Path, output: Path, content: Path | None = None, extra=()) -> int:
    """Build into a fresh sibling directory and swap it in only when the build succeeds."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    status = _pelican(conf, staging, content, extra)
    if status != 0 or not (staging / "index.html").is_file():
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Publish failed (exit {status or 1}); {output} was left as it was.", file=sys.stderr)
        return status or 1
    retired = output.with_name(f".{output.name}.old-{os.getpid()}")
    if output.exists():
        output.rename(retired)
    staging.rename(output)  # same filesystem: the switch is a rename, not a copy
    output.chmod(0o755)
    shutil.rmtree(retired, ignore_errors=True)
    return 0


@task(help={"content": "content folder (default: content/)", "output": "output folder"})
def build(c, content="", output="output"):
    """Build the site once with pelicanconf.py into output/."""
    sys.exit(_pelican(DEV_CONF, ROOT / output, Path(content) if content else None))


@task(help={"content": "content folder", "output": "output folder (replaced only on success)"})
def publish(c, content="", output="output"):
    """Build with publishconf.py into a temporary folder, then swap it into output/."""
    sys.exit(atomic_build(PUBLISH_CONF, ROOT / output, Path(content) if content else None))


def _serve(root: Path, port: int, rebuild=None, watched=()) -> None:
    from livereload import Server

    server = Server()
    for path in watched:
        server.watch(str(path), rebuild)
    print(f"Serving {root} at http://{HOST}:{port}/ (Ctrl-C to stop)", flush=True)
    server.serve(host=HOST, port=port, root=str(root), debug=False, restart_delay=0)


ISSO_PORT = 8080


def _local_isso(port: int):
    """Start Isso for `serve` (data in var/isso/, git-ignored), or None if it cannot run."""
    from plugins.comments import local_isso

    origins = [f"http://{HOST}:{port}", f"http://localhost:{port}"]
    config = local_isso.write_config(ROOT / "var" / "isso", ISSO_PORT, origins)
    try:
        process = local_isso.start(config, ISSO_PORT)
    except RuntimeError as exc:
        print(f"Comments are off for this session: {exc}", file=sys.stderr)
        return None
    print(f"Comments: Isso at http://{HOST}:{ISSO_PORT}/ (data in var/isso/)", flush=True)
    return process


@task(aliases=["livereload"], help={"port": f"port to serve on (default {PORT})"})
def serve(c, port=PORT):
    """Build, then serve output/ with live reload and local comments, rebuilding on change."""
    from plugins.comments import local_isso
    from plugins.fastbuild.warm import WarmBuilder

    # SIGTERM (not only Ctrl-C) must reach the `finally` below, which stops Isso
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    isso = None if os.environ.get("COMMENTS_ISSO_URL") else _local_isso(int(port))
    # incremental: each rebuild re-renders only the pages an edit changed (plugins/fastbuild);
    # the search index follows in the background, so a page shows without waiting for it
    incremental = ["-e", "FASTBUILD_INCREMENTAL=true", "SEARCH_IN_BACKGROUND=true"]
    # builds run in forks of one process that has imported Pelican and the plugins already
    builder = WarmBuilder(DEV_CONF, ROOT, env=_env())
    if builder.build(_arguments(DEV_CONF, ROOT / "output", extra=incremental)) != 0:
        print("The first build logged errors; serving what was built.", file=sys.stderr)

    def rebuild() -> None:
        builder.build(_arguments(DEV_CONF, ROOT / "output", extra=[*incremental, "-q"]))

    watched = [ROOT / "content", ROOT / "theme", ROOT / "plugins", DEV_CONF]
    try:
        _serve(ROOT / "output", int(port), rebuild, watched)
    finally:
        builder.close()
        if isso is not None:
            local_isso.stop(isso)


@task(help={"port": f"port to serve on (default {PORT})"})
def preview(c, port=PORT):
    """Build with publish settings (SITEURL pointing here) and serve it, as it will ship."""
    os.environ["SITEURL"] = f"http://{HOST}:{port}"
    status = atomic_build(PUBLISH_CONF, ROOT / "output", extra=LOCAL_COPY)
    if status:
        sys.exit(status)
    _serve(ROOT / "output", int(port))


@task(help={"only": "comma-separated gates to run", "skip": "comma-separated gates to skip"})
def check(c, only="", skip=""):
    """Build a publish copy and run every quality gate on it (python -m sitecheck)."""
    with tempfile.TemporaryDirectory() as tmp:
        out, log = Path(tmp) / "site", Path(tmp) / "build-log.jsonl"
        env = {**os.environ, "COLUMNS": os.environ.get("COLUMNS", "200")}
        # a fresh publish build (no analytics, no webmention outbox), its warnings and errors
        # recorded for the lint gate
        status = subprocess.call(
            [sys.executable, "-m", "sitecheck.build", str(log), "-s", str(PUBLISH_CONF),
             "-o", str(out), *LOCAL_COPY],
            cwd=ROOT,
            env=env,
        )  # fmt: skip
        if status:
            print(f"The publish build failed (exit {status}); checking what it logged.")
            only = "lint"
        siteurl = os.environ.get("SITEURL", "https://blog.tessellate.example")
        args = [str(out), siteurl, "--content", str(ROOT / "content"), "--build-log", str(log)]
        args += [f"--only={only}"] if only else []
        args += [f"--skip={skip}"] if skip else []
        result = subprocess.run([sys.executable, "-m", "sitecheck", *args], cwd=ROOT, check=False)
        sys.exit(result.returncode or status)


@task(help={"slug": "the post whose related posts to explain"})
def related(c, slug):
    """Print the related posts chosen for one post, each score broken down by component."""
    with tempfile.TemporaryDirectory() as tmp:
        setting = f"RELATED_EXPLAIN={json.dumps(slug)}"  # -e takes JSON values
        status = _pelican(DEV_CONF, Path(tmp), extra=["-q", "-e", setting])
    sys.exit(status)


@task(
    name="send-webmentions",
    help={"timeout": "seconds to wait for each site (default 10)"},
)
def send_webmentions(c, timeout=10.0):
    """After a deploy: notify the sites that published posts link to (see WEBMENTIONS_SEND)."""
    from pelican.settings import read_settings

    from plugins.webmentions import send
    from plugins.webmentions.settings import file_path

    settings = read_settings(str(PUBLISH_CONF))
    outbox = file_path(settings, "WEBMENTIONS_OUTBOX")
    if not outbox.is_file():
        sys.exit(f"No {_shown(outbox)}: set WEBMENTIONS_SEND = True and run a publish build first.")
    outcomes = send.send_pending(outbox, file_path(settings, "WEBMENTIONS_SENT"), float(timeout))
    for outcome in outcomes:
        print(f"{outcome.result}: {outcome.source} -> {outcome.target}")
    print(f"{sum(o.result == 'sent' for o in outcomes)} sent, {len(outcomes)} tried.")


def slugify(title: str) -> str:
    """A URL slug from a title: 'Ça marche, enfin!' -> 'ca-marche-enfin'."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-") or "untitled"


def _shown(path: Path) -> str:
    """A path relative to the project when it is inside it, else absolute."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _git_author() -> str:
    try:
        out = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, cwd=ROOT, check=False
        )
    except OSError:
        return ""
    return out.stdout.strip()


@task(
    name="new-post",
    help={
        "title": "the post's title",
        "author": "author name (default: git config user.name)",
        "category": "category (default: Company)",
        "content": "content folder (default: content/)",
    },
)
def new_post(c, title, author="", category="Company", content="content"):
    """Write content/posts/<slug>.md with its front matter filled in, as a draft."""
    author = author or _git_author()
    if not author:
        sys.exit("No author: pass --author 'Your Name' or set git config user.name.")
    slug = slugify(title)
    path = ROOT / content / "posts" / f"{slug}.md"
    if path.exists():
        sys.exit(f"{_shown(path)} exists already; choose another title.")
    now = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"Title: {title}\nDate: {now}\nCategory: {category}\nTags: \nAuthor: {author}\n"
        f"Slug: {slug}\nSummary: \nStatus: draft\n\nWrite your post here.\n",
        encoding="utf-8",
    )
    print(_shown(path))


TRANSLATIONS = ROOT / "theme" / "translations"
POT = TRANSLATIONS / "messages.pot"


@task(name="i18n-extract", help={"add": "also start a catalog for a new language, e.g. --add de"})
def i18n_extract(c, add=""):
    """Extract the theme's strings (babel.cfg) into messages.pot and update every catalog."""
    pybabel = VENV_BIN / "pybabel"
    c.run(
        f"{pybabel} extract -F babel.cfg --no-location --sort-output --width 100 "
        f'--project "Tessellate blog theme" -o {POT} .',
        pty=False,
        env={"PYTHONPATH": str(ROOT)},  # babel.cfg names blogcore's memo tag: plugins.blogcore
    )
    if add and not (TRANSLATIONS / add / "LC_MESSAGES" / "messages.po").exists():
        c.run(f"{pybabel} init -i {POT} -d {TRANSLATIONS} -l {add} --width 100", pty=False)
    # new strings arrive empty, changed ones fuzzy: both fail tests/test_i18n_catalogs.py
    c.run(
        f"{pybabel} update -i {POT} -d {TRANSLATIONS} --ignore-obsolete --ignore-pot-creation-date "
        "--width 100",
        pty=False,
    )


@task(name="i18n-compile")
def i18n_compile(c):
    """Compile every catalog into .cache/pelican/i18n/ (as builds do) and list what is missing."""
    from plugins.i18n import catalogs

    cache = ROOT / ".cache" / "pelican" / "i18n"
    incomplete = 0
    for lang, po in catalogs.find_catalogs(TRANSLATIONS, "messages").items():
        mo = catalogs.compile_catalog(po, lang, cache, "messages")
        total = sum(1 for m in catalogs.read_catalog(po, lang) if m.id)
        problems = catalogs.problems(po, lang)
        incomplete += len(problems)
        print(f"{lang}: {total - len(problems)} of {total} strings translated -> {_shown(mo)}")
        for problem in problems:
            print(f"  {problem.why}: {problem.msgid!r}")
    sys.exit(1 if incomplete else 0)


@task
def lint(c):
    """ruff: lint and format check."""
    c.run(f"{VENV_BIN / 'ruff'} check .", pty=False)
    c.run(f"{VENV_BIN / 'ruff'} format --check .", pty=False)


@task(pre=[lint], help={"args": "extra pytest arguments"})
def test(c, args=""):
    """Run the whole test suite (lint first)."""
    c.run(f"{VENV_BIN / 'python'} -m pytest {args}", pty=False)


@task
def lock(c):
    """Re-pin every dependency from pyproject.toml into requirements.lock."""
    # uv resolves and hashes fast; it is a tool for this task only, so it is not in the lock.
    c.run(f"{VENV_BIN / 'python'} -m pip install -q uv")
    c.run(
        f"{VENV_BIN / 'python'} -m uv pip compile pyproject.toml --extra test "
        "--python-version 3.11 --generate-hashes -o requirements.lock"
    )
