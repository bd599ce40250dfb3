"""A publish build compares its addresses with the published site's sitemap (REDIRECTS_PUBLISHED):
each one it no longer writes is one error line and the publish stops, unless a post redirects
from it or REDIRECTS_REMOVED says it was removed on purpose."""

import functools
import logging
import os
import shutil
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
import yaml
from pelican.settings import read_settings

from tests.conftest import FIXTURES, PUBLISH_CONF, ROOT, _builder, free_port

URLSET = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    "<url><loc>https://blog.example.test/posts/ranges/</loc></url></urlset>\n"
)

RANGES = (FIXTURES / "site" / "posts" / "ranges.md").read_text(encoding="utf-8")
MOVED = RANGES.replace("Slug: ranges\n", "Slug: ranges-in-postgres\n")
REDIRECTED = MOVED.replace("Slug: ranges-in-postgres\n", "Slug: ranges-in-postgres\n"
                           "Redirect_from: /posts/ranges/\n")  # fmt: skip


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """The sitemap of the fixture site as a publish build wrote it: the live site's."""
    base = tmp_path_factory.mktemp("live")
    site = _builder(base)(publish=True, name="live")
    target = base / "published" / "sitemap.xml"
    target.parent.mkdir()
    shutil.copy(site.path("sitemap.xml"), target)
    assert "/posts/ranges/</loc>" in target.read_text(encoding="utf-8")
    return target


def errors(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


def test_a_moved_post_stops_the_publish_with_one_line_naming_its_file(build_site, live, caplog):
    caplog.set_level(logging.ERROR)
    with pytest.raises(SystemExit) as stop:
        build_site(
            {"posts/ranges.md": MOVED}, publish=True, name="moved", REDIRECTS_PUBLISHED=str(live)
        )
    assert stop.value.code == 1
    assert errors(caplog) == [
        "/posts/ranges/ is published and this build no longer writes it: if its post or page "
        "moved, add 'Redirect_from: /posts/ranges/' to it (moved/posts/ranges.md?); if it was "
        "removed on purpose, add it to REDIRECTS_REMOVED in publishconf.py",
        "Build failed: 1 error(s) above; nothing was published.",
    ]


def test_a_site_under_a_folder_compares_its_paths_whatever_the_host(tmp_path, caplog):
    # the live site on its Pages address, the pull request's build for a custom domain
    build = _builder(tmp_path)
    live = build(publish=True, siteurl="https://acme.github.io/blog", name="live")
    assert "https://acme.github.io/blog/posts/ranges/" in live.text("sitemap.xml")
    caplog.set_level(logging.ERROR)
    with pytest.raises(SystemExit):
        build(
            {"posts/ranges.md": MOVED},
            publish=True,
            siteurl="https://blog.acme.example/blog",
            name="folder",
            REDIRECTS_PUBLISHED=str(live.path("sitemap.xml")),
        )
    assert [line.split(":")[0] for line in errors(caplog)] == [
        "/posts/ranges/ is published and this build no longer writes it",
        "Build failed",
    ]


def test_a_deleted_post_is_one_line_and_said_on_purpose_it_passes(build_site, live, caplog):
    caplog.set_level(logging.INFO)
    files = {
        p.relative_to(FIXTURES / "site").as_posix(): p.read_bytes()
        for p in (FIXTURES / "site").rglob("*")
        if p.is_file() and p.name != "garden-party.md"
    }
    with pytest.raises(SystemExit):
        build_site(files, fixture=None, publish=True, REDIRECTS_PUBLISHED=str(live))
    assert errors(caplog)[:-1] == [
        "/posts/garden-party/ is published and this build no longer writes it: if its post or "
        "page moved, add 'Redirect_from: /posts/garden-party/' to it; if it was removed on "
        "purpose, add it to REDIRECTS_REMOVED in publishconf.py"
    ]
    # its year's archive and its category went with it: said, not an error
    said = [r.getMessage() for r in caplog.records if "listing" in r.getMessage()]
    assert said == [
        "2 published listing page(s) no longer written, as no post is listed there now "
        "(/archives/2025/, /category/community/): not an error; a post's Redirect_from can "
        "keep one"
    ]
    caplog.clear()
    build_site(
        files,
        fixture=None,
        publish=True,
        REDIRECTS_PUBLISHED=str(live),
        REDIRECTS_REMOVED=["/posts/garden-party/"],
    )
    assert errors(caplog) == []


@pytest.mark.parametrize(
    ("files", "settings"),
    [
        ({"posts/ranges.md": REDIRECTED}, {}),
        ({"posts/ranges.md": MOVED}, {"REDIRECTS_REMOVED": ["/posts/ranges/"]}),
        ({}, {}),  # nothing moved
    ],
)
def test_a_redirect_or_a_removal_said_on_purpose_passes(build_site, live, caplog, files, settings):
    caplog.set_level(logging.WARNING)
    site = build_site(files, publish=True, REDIRECTS_PUBLISHED=str(live), **settings)
    assert errors(caplog) == []
    assert not [r for r in caplog.records if "published" in r.getMessage()]
    if "Redirect_from" in files.get("posts/ranges.md", ""):
        assert site.exists("posts/ranges/") and site.exists("posts/ranges-in-postgres/")


def test_no_published_sitemap_compares_nothing_and_passes(build_site, tmp_path, caplog):
    caplog.set_level(logging.INFO)
    missing = tmp_path / "none" / "sitemap.xml"
    build_site({"posts/ranges.md": MOVED}, publish=True, REDIRECTS_PUBLISHED=str(missing))
    assert errors(caplog) == []
    said = [r.getMessage() for r in caplog.records if "REDIRECTS_PUBLISHED" in r.getMessage()]
    assert len(said) == 1 and "published addresses not compared" in said[0]


def test_a_malformed_sitemap_is_one_line_and_stops_the_publish(build_site, tmp_path, caplog):
    caplog.set_level(logging.ERROR)
    bad = tmp_path / "published" / "sitemap.xml"
    bad.parent.mkdir()
    bad.write_text("<!doctype html><html><body>Page not found", encoding="utf-8")
    with pytest.raises(SystemExit):
        build_site({}, publish=True, REDIRECTS_PUBLISHED=str(bad))
    (line, verdict) = errors(caplog)
    assert line.startswith("REDIRECTS_PUBLISHED ") and " is not XML (" in line
    assert line.endswith(
        ": published addresses not compared (fetch it again, or set REDIRECTS_PUBLISHED = '' "
        "for this build)"
    )
    assert verdict.startswith("Build failed: 1 error(s)")


def _steps(workflow: str) -> list[dict]:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / workflow).read_text(encoding="utf-8"))
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    """A real HTTP server on 127.0.0.1 serving a folder: the live site."""
    root = tmp_path_factory.mktemp("served")
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("workflow", ["publish.yml", "pull-request.yml"])
@pytest.mark.parametrize(
    ("served", "said"),
    [
        (True, "Comparing this build's addresses with {url}/sitemap.xml"),
        # a first deploy: nothing there yet, one note, and the build goes on comparing nothing
        (False, "::notice::No sitemap at {url}/sitemap.xml (nothing published yet?): this "
                "build's addresses are not compared with the published ones"),
        # nothing answers: one warning
        (None, "::warning::No sitemap at {url}/sitemap.xml (HTTP no answer): this build's "
               "addresses are not compared with the published ones"),
    ],
)  # fmt: skip
def test_the_workflows_fetch_the_live_sitemap_where_publish_builds_read_it(
    tmp_path, live_server, workflow, served, said
):
    steps = _steps(workflow)
    index = next(i for i, s in enumerate(steps) if "sitemap.xml" in s.get("run", ""))
    build = next(i for i, s in enumerate(steps) if "make publish" in s.get("run", ""))
    step = steps[index]
    assert index < build and step["env"]["SITEURL"] == steps[build]["env"]["SITEURL"]
    root, url = live_server
    if served is None:
        url = f"http://127.0.0.1:{free_port()}"
    sitemap = root / "sitemap.xml"
    if served:
        sitemap.write_text(URLSET, encoding="utf-8")
    else:
        sitemap.unlink(missing_ok=True)
    result = subprocess.run(
        ["bash", "-ec", step["run"]],
        cwd=tmp_path,
        env={"PATH": os.environ["PATH"], "SITEURL": url + "/"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip().splitlines()[-1] == said.format(url=url)
    fetched = tmp_path / ".cache" / "published" / "sitemap.xml"
    assert fetched.is_file() == bool(served)
    if served:
        assert fetched.read_text(encoding="utf-8") == URLSET
    # where publishconf.py reads it, from the checkout's root (where the workflows run)
    assert read_settings(str(PUBLISH_CONF))["REDIRECTS_PUBLISHED"] == str(
        ROOT / fetched.relative_to(tmp_path)
    )


def test_only_a_build_comparing_published_addresses_works_out_what_they_may_show(build_site):
    # each post's slug, file name and slugified title: read by on_published alone, and only
    # against REDIRECTS_PUBLISHED; make serve's rebuilds of a 2,000-post site paid for it
    from pelican import signals

    from plugins.engine import build

    seen: list[int] = []

    def known(pelican) -> None:
        state = build.current(pelican.settings).state("plugins.redirects")
        seen.append(len(state.known))

    signals.finalized.connect(known)
    try:
        build_site(name="no-published-sitemap")
    finally:
        signals.finalized.disconnect(known)
    assert seen == [0]
