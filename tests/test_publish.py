"""Publish builds: nothing unpublished leaks, bad input stops them, output swaps atomically."""

import logging
import subprocess
import sys

import pytest

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
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".output.")], "staging left over"


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
