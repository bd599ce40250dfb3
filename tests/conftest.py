"""Shared fixtures: build real fixture sites with Pelican into tmp_path and parse the pages."""

import copy
import itertools
import logging
import os
import shutil
import socket
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import pytest
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

from pelicanconf import MARKDOWN

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEV_CONF = ROOT / "pelicanconf.py"
PUBLISH_CONF = ROOT / "publishconf.py"
TEST_SITEURL = "https://blog.example.test"
# the site's Markdown settings as a Markdown() call takes them (its extensions listed)
SITE_MARKDOWN = {**MARKDOWN, "extensions": list(MARKDOWN["extension_configs"])}


def tool_missing(message: str) -> NoReturn:
    """Skip with a how-to locally; fail under CI=true, where every tool must be installed."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def nu_errors(root: Path) -> list[str]:
    """The Nu validator's errors on every page and style sheet under root, one line each: the
    html gate's validator (npm's vnu-jar on Java), not another copy of it."""
    from sitecheck.common import ToolMissing
    from sitecheck.html import validate

    try:
        return [str(finding) for finding in validate(root)]
    except ToolMissing as exc:
        tool_missing(str(exc))


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Site:
    """A built site: its output folder, with helpers to read and parse what was written."""

    output: Path
    content: Path
    siteurl: str
    _soups: dict[str, BeautifulSoup] = field(default_factory=dict, repr=False)

    def path(self, relpath: str) -> Path:
        """The file for a site path; 'posts/x/' means posts/x/index.html."""
        relpath = relpath.lstrip("/")
        if relpath == "" or relpath.endswith("/"):
            relpath += "index.html"
        return self.output / relpath

    def exists(self, relpath: str) -> bool:
        return self.path(relpath).is_file()

    def text(self, relpath: str) -> str:
        return self.path(relpath).read_text(encoding="utf-8")

    def soup(self, relpath: str) -> BeautifulSoup:
        """The parsed page at a site path (cached)."""
        key = relpath.lstrip("/")
        if key not in self._soups:
            self._soups[key] = BeautifulSoup(self.text(relpath), "html.parser")
        return self._soups[key]

    def files(self, *suffixes: str) -> list[Path]:
        """Every written file with one of these suffixes (all files when none is given)."""
        return sorted(
            p
            for p in self.output.rglob("*")
            if p.is_file() and (not suffixes or p.suffix in suffixes)
        )

    def relpath_of(self, url: str) -> str:
        """Turn an absolute site URL back into a site path."""
        assert url.startswith(self.siteurl + "/"), f"{url} is not on {self.siteurl}"
        return url[len(self.siteurl) :]


def run_pelican(conf: Path, content: Path, output: Path, **overrides) -> None:
    """Build content with a config file in this process, as `pelican -s conf` would."""
    settings = site_settings(conf, content, output, **overrides)
    try:
        Pelican(settings).run()
    finally:
        # a build stopped before Pelican's finalized (a setting refused at its start) ends
        # here, as the next build's start would end it in `pelican --autoreload`
        end_build(settings)


def open_builds() -> list:
    """The builds still open in this process (engine.build.still_open); none when the engine
    was never imported: looked up, not imported, so a test that made no build imports nothing."""
    engine = sys.modules.get("plugins.engine.build")
    return engine.still_open() if engine else []


def end_build(settings: dict) -> None:
    """End the build these settings belong to, if the engine made one (engine.build)."""
    for found in open_builds():
        if found.settings is settings:
            found.close()


def site_settings(conf: Path, content: Path, output: Path, **overrides) -> dict:
    """The settings `pelican -s conf` would build content into output with: one dict, for a
    test that runs several builds with it, as `pelican --autoreload` does."""
    defaults = read_settings(str(conf))
    return read_settings(
        str(conf),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "CACHE_PATH": str(output.parent / f".cache-{output.name}"),
            "JINJA_ENVIRONMENT": copy.deepcopy(defaults["JINJA_ENVIRONMENT"]),
            # never the live sitemap a workflow (or staff) fetched into this checkout
            "REDIRECTS_PUBLISHED": "",
            **overrides,
        },
    )


def markdown_files() -> list[Path]:
    """Every Markdown file of the sample site and of the test fixtures."""
    return sorted((ROOT / "content").rglob("*.md")) + sorted((ROOT / "tests").rglob("*.md"))


BuildSite = Callable[..., Site]


def _builder(base_dir: Path) -> BuildSite:
    counter = itertools.count()

    def build_site(
        files: dict[str, str] | None = None,
        *,
        fixture: str | None = "site",
        publish: bool = False,
        siteurl: str = TEST_SITEURL,
        name: str = "",
        **settings,
    ) -> Site:
        """Copy a fixture site, add or replace `files` (path -> text or bytes), build it.

        Messages name files from the content folder's parent (``content-0/posts/x.md``), and
        Pelican prints a warning once per process: a test that asserts on warnings another
        test's build may have printed already gives its content folder a ``name`` of its own.
        """
        n = next(counter)
        content = base_dir / (name or f"content-{n}")
        if fixture:
            shutil.copytree(FIXTURES / fixture, content)
        content.mkdir(parents=True, exist_ok=True)
        for relpath, data in (files or {}).items():
            target = content / relpath
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, bytes):
                target.write_bytes(data)
            else:
                target.write_text(data, encoding="utf-8")
        output = base_dir / f"output-{n}"
        conf = PUBLISH_CONF if publish else DEV_CONF
        if not (content / "images" / "social-card.png").is_file():
            # the config's social card (BLOGCORE_DEFAULT_IMAGE) is the fixture's: a site built
            # without it has none, rather than one error line in every such test
            settings.setdefault("BLOGCORE_DEFAULT_IMAGE", "")
        run_pelican(conf, content, output, SITEURL=siteurl, FEED_DOMAIN=siteurl, **settings)
        return Site(output=output, content=content, siteurl=siteurl)

    return build_site


# the settings modules as this process holds them before any test: the project's pelicanconf,
# imported above; publishconf, not yet
SETTINGS_MODULES = {name: sys.modules.get(name) for name in ("pelicanconf", "publishconf")}


@pytest.fixture(autouse=True)
def settings_modules_put_back(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Put ``sys.modules`` back as it was after each test, for settings modules: Pelican's
    read_settings leaves a settings file it reads there under the file's name, and a later
    build in this process imported a test's own pelicanconf.py through publishconf.py's
    ``from pelicanconf import *`` (no plugins: no sitemap)."""
    before = dict(sys.modules)
    yield
    temp = str(tmp_path_factory.getbasetemp())
    for name, module in list(sys.modules.items()):
        if before.get(name) is module or name in SETTINGS_MODULES:
            continue
        file = getattr(module, "__file__", None)
        if isinstance(file, str) and file.startswith(temp + os.sep):  # a tmp_path settings file
            if name in before:
                sys.modules[name] = before[name]
            else:
                del sys.modules[name]
    for name, module in SETTINGS_MODULES.items():
        # as before any test, whatever a module's fixture read before this one began
        if module is None:
            sys.modules.pop(name, None)
        else:
            sys.modules[name] = module


def _logger_levels() -> dict[str, int]:
    """The level of every logger this process has made ("" for the root)."""
    loggers = list(logging.Logger.manager.loggerDict.items())
    levels = {name: found.level for name, found in loggers if isinstance(found, logging.Logger)}
    levels[""] = logging.getLogger().level
    return levels


def left_behind(levels: dict[str, int]) -> list[str]:
    """What a test left in this process, one phrase each, and put back, so that the next test
    starts clean: every build still open (engine.build.still_open), and every logger whose level
    is not the one in ``levels``."""
    left = []
    for found in open_builds():
        content = f" of {found.settings['PATH']}" if found.settings.get("PATH") else ""
        pending = ", ".join(
            f"{name} x{times}" if times > 1 else name
            for name, times in Counter(found.left_open()).items()
        )
        left.append(
            f"a build{content} open, its closers not run ({pending}): end it with"
            " engine.build.current(settings).close()"
        )
        found.close()
    for name, level in _logger_levels().items():
        # a logger made since is a module's own, imported by the test, at the level the module
        # gives it (webassets.merge sets its logger's): nothing the test left
        before = levels.get(name, level)
        if level != before:
            was, now = logging.getLevelName(before), logging.getLevelName(level)
            left.append(f"logger {name or 'root'!r} left at {now} (it was {was})")
            (logging.getLogger(name) if name else logging.getLogger()).setLevel(before)
    return left


@pytest.fixture(autouse=True)
def nothing_left_open() -> Iterator[None]:
    """Fail a test that leaves a build open or a logger's level changed: a later test, in any
    order, found plugins.engine.compat's logger at INFO (engine.build.heard, for a build no one
    closed). Close it as a build's end does: ``engine.build.current(settings).close()``."""
    levels = _logger_levels()
    yield
    if left := left_behind(levels):
        pytest.fail("this test left " + "; ".join(left), pytrace=False)


@pytest.fixture
def ended() -> Iterator[Callable[[dict], dict]]:
    """Settings whose build ends with the test, as a Pelican build's does at ``finalized``:
    ``settings = ended({...})``, for a test that calls a receiver outside a build (the receiver
    made a build of its own for them: engine.build.current)."""
    given: list[dict] = []

    def end(settings: dict) -> dict:
        given.append(settings)
        return settings

    yield end
    for settings in given:
        end_build(settings)


@contextmanager
def builds_ended() -> Iterator[None]:
    """End every build the block opened, for a call whose settings the test never sees: a task
    (``invoke team-stubs``) reading posts with Pelican's readers, in a process where an earlier
    build registered the plugins, reads them with blogcore's reader, which opens a build."""
    before = open_builds()
    try:
        yield
    finally:
        for found in open_builds():
            if not any(found is was for was in before):
                found.close()


@pytest.fixture
def build_site(tmp_path: Path) -> BuildSite:
    """Build a fixture site into tmp_path: build_site({"posts/x.md": "..."}, publish=True)."""
    return _builder(tmp_path)


@pytest.fixture(scope="module")
def dev_site(tmp_path_factory) -> Site:
    """The fixture site built once per module with pelicanconf.py."""
    return _builder(tmp_path_factory.mktemp("dev"))()


@pytest.fixture(scope="module")
def published_site(tmp_path_factory) -> Site:
    """The fixture site built once per module with publishconf.py."""
    return _builder(tmp_path_factory.mktemp("publish"))(publish=True)


def iter_links(soup: BeautifulSoup) -> Iterator[str]:
    """Every URL a page points at: href, src, srcset candidates, content of URL metas."""
    for tag in soup.find_all(True):
        for attr in ("href", "src"):
            if tag.get(attr):
                yield tag[attr]
        if tag.get("srcset"):
            yield from (part.strip().split(" ")[0] for part in tag["srcset"].split(","))
        if tag.name == "meta" and str(tag.get("content", "")).startswith(("http://", "https://")):
            yield tag["content"]


@pytest.fixture
def unwritable() -> Iterator[Callable[[Path], Path]]:
    """Make folders no file can be written in, as a read-only cache is (a mount restored
    read-only, another user's checkout): ``unwritable(folder)``. Root writes through modes, so
    there the folder is made immutable (chattr +i); skipped where neither is possible."""
    locked: list[Path] = []

    def lock(folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() != 0:
            folder.chmod(0o555)
        elif (
            shutil.which("chattr") is None
            or subprocess.run(
                ["chattr", "+i", str(folder)], capture_output=True, check=False
            ).returncode
        ):
            pytest.skip("no way to make a folder read-only here (root without chattr +i)")
        locked.append(folder)
        try:
            (folder / ".probe").write_bytes(b"")
        except OSError:
            return folder
        pytest.skip("this file system lets a read-only folder be written")

    yield lock
    for folder in reversed(locked):
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(folder)], check=False)
        else:
            folder.chmod(0o755)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's settings beside the plugins, the theme and a fixture site."""
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, tmp_path / name)
    for name in ("plugins", "theme"):
        (tmp_path / name).symlink_to(ROOT / name)
    shutil.copytree(FIXTURES / "site", tmp_path / "content")
    return tmp_path


@contextmanager
def tmpfs(folder: Path) -> Iterator[Path]:
    """`folder` (made empty) as a file system of its own, a tmpfs, as a Docker volume or a
    second disk mounted there is: nothing moves across it in one rename (EXDEV, EBUSY); the
    test is skipped where mounting is not permitted (not root)."""
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode:
        pytest.skip(f"mounting a tmpfs is not permitted here (needs root): {mounted.stderr!r}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@pytest.fixture
def own_mount(tmp_path: Path) -> Iterator[Path]:
    """tmp_path/content as a file system of its own (tmpfs)."""
    with tmpfs(tmp_path / "content") as content:
        yield content
