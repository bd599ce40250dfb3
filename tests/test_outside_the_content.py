"""Nothing from outside the content folder, nothing that is not content: a link in a static
folder or a gallery to a file or folder outside it (a home's .ssh, a project's .env), or back
into a folder that holds it (``images/all -> ..``), a version control folder, a file of
secrets, a named pipe (which would stop a build for ever). One line each, left out, a publish
stopped. Every link here points into tmp_path: no real file outside it is ever linked."""

import logging
import os
import signal
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from plugins.blogcore import links
from plugins.images import sources
from tests.test_images_pipeline import photo
from tests.test_unreadable_files import build

FIFO = "is a named pipe (FIFO), not a file: left out; remove it from the content folder"
SECRETS = (
    "holds secrets (keys, tokens or passwords), never published; move it out of the content folder"
)


class Hung(BaseException):
    """Raised in a build that waits too long (on a named pipe): nothing in it catches it."""


def hung(*_args) -> None:
    raise Hung


@pytest.fixture
def no_hang():
    """Stop a test that waits on a named pipe: a build of the fixture site takes seconds,
    opening the pipe for ever."""
    before = signal.signal(signal.SIGALRM, hung)
    signal.alarm(90)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, before)


def errors(caplog) -> list[str]:
    assert not any(r.exc_info for r in caplog.records)
    return sorted(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)


def published(output: Path) -> list[str]:
    return sorted(str(p.relative_to(output)) for p in output.rglob("*"))


def outside(link: str, target: Path) -> str:
    return (
        f"{link}: is a link to {target}, outside the content folder: nothing through it is "
        "published; copy the file in if it is meant for readers"
    )


def home(tmp_path: Path) -> Path:
    """A stand-in for a writer's home, beside the content folder: keys and a project's .env."""
    keys = tmp_path / "home" / ".ssh"
    keys.mkdir(parents=True)
    (keys / "id_ed25519").write_text("PRIVATE KEY\n", "utf-8")
    (tmp_path / "home" / "project.env").write_text("API_TOKEN=secret\n", "utf-8")
    return tmp_path / "home"


# --- the lines, from the file system alone -------------------------------------------------


def test_links_out_of_the_content_folder_or_back_into_it(tmp_path):
    away = home(tmp_path)
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    (content / "extra").mkdir()
    (content / "extra" / "logo.png").write_bytes(b"x")
    (content / "images" / "keys").symlink_to(away / ".ssh")
    (content / "images" / "token.txt").symlink_to(away / "project.env")
    (content / "images" / "all").symlink_to("..")
    (content / "images" / "here").symlink_to(".")
    (content / "images" / "logo.png").symlink_to("../extra/logo.png")  # inside: fine
    (content / "images" / "extras").symlink_to("../extra")  # inside: fine
    root = str(content)
    assert sources.escape(root, "images/keys/id_ed25519") == (
        "images/keys",
        outside("", away / ".ssh")[2:],
    )
    assert sources.escape(root, "images/token.txt")[0] == "images/token.txt"
    for looped, link in [
        ("images/all/images/logo.png", "images/all"),
        ("images/here/x", "images/here"),
    ]:
        assert sources.escape(root, looped)[0] == link
        assert "a folder that holds the link itself" in sources.escape(root, looped)[1]
    for fine in ("images/logo.png", "images/extras/logo.png", "extra/logo.png", "images/gone"):
        assert sources.escape(root, fine) is None
    assert sources.unlisted_folders(root, []) == []  # not walked into, twenty deep


def test_a_named_pipe_and_secrets_are_judged_without_opening_them(tmp_path, no_hang):
    os.mkfifo(tmp_path / "pipe.jpg")
    (tmp_path / ".env").write_text("API_TOKEN=secret\n", "utf-8")
    (tmp_path / ".env.production").write_text("API_TOKEN=secret\n", "utf-8")
    (tmp_path / ".htpasswd").write_text("ana:$apr1$x\n", "utf-8")
    (tmp_path / "environment.jpg").write_bytes(b"x")
    assert sources.problem(str(tmp_path), "pipe.jpg") == FIFO  # no hang
    for name in (".env", ".env.production", ".htpasswd"):
        assert sources.problem(str(tmp_path), name) == SECRETS
    assert sources.problem(str(tmp_path), "environment.jpg") is None


@pytest.mark.parametrize(
    ("name", "written", "expected"),
    [
        ("photo#1.jpg", "{static}/images/photo#1.jpg", "# starts a fragment"),
        ("what?.jpg", "{static}/images/what?.jpg", "? starts a query"),
    ],
)
def test_a_hash_or_question_mark_in_a_file_name_is_explained(name, written, expected):
    path = "images/" + name.split("#")[0].split("?")[0]
    message = links.problem(
        written, links.Target(path, links.MISSING), "content", [f"images/{name}"], "static"
    )
    escaped = name.replace("#", "%23").replace("?", "%3F")
    assert message == (
        f"the link {written} points at content/{path}, which does not exist: in a link, "
        f"{expected}, so the path stops before it; write {escaped[len(path) - 7 :][:3]} for it "
        f"({{static}}/images/{escaped}) or rename the file without # and ?"
    )
    assert f"did you mean {written}" not in message


# --- real builds ---------------------------------------------------------------------------


def test_links_out_of_the_content_folder_are_not_published(tmp_path, caplog):
    away = home(tmp_path)
    photo(away / "elsewhere.jpg")

    def make(content: Path) -> None:
        (content / "images" / "keys").symlink_to(away / ".ssh")
        (content / "images" / "token.txt").symlink_to(away / "project.env")
        (content / "images" / "all").symlink_to("..")
        (content / "images" / "lamp-again.svg").symlink_to("lamp.svg")  # inside: published
        harbour = content / "galleries" / "harbour"
        photo(harbour / "quay.jpg")
        (harbour / "away.jpg").symlink_to(away / "elsewhere.jpg")
        (harbour / "gallery.md").write_text("Title: Harbour\nDate: 2024-03-01\n", "utf-8")
        (content / "galleries" / "faraway").symlink_to(away)

    caplog.set_level(logging.WARNING)
    site = build(tmp_path, make)
    assert errors(caplog) == [
        outside("content/galleries/faraway", away),
        outside("content/galleries/harbour/away.jpg", away / "elsewhere.jpg"),
        "content/images/all: is a link to .., a folder that holds the link itself: nothing "
        "through it is published (the site would hold the folder again and again); remove the "
        "link",
        outside("content/images/keys", away / ".ssh"),
        outside("content/images/token.txt", away / "project.env"),
    ]
    names = published(site.output)
    assert not [n for n in names if "keys" in n or "token" in n or n.startswith("images/all")], (
        names
    )
    assert not [n for n in names if "away" in n or "elsewhere" in n], names
    assert "images/lamp-again.svg" in names
    page = BeautifulSoup(
        (site.output / "galleries/harbour/index.html").read_text("utf-8"), "html.parser"
    )
    assert len(page.select(".gallery img")) == 1


def test_a_photo_or_cover_linked_from_outside_is_named_as_a_link_not_missing(tmp_path, caplog):
    # "Photo 'team/photos/bo.jpg' does not exist" and "Cover ... names no file": the writer
    # looked, found the file there, and was told it was not
    away = home(tmp_path)
    photo(away / "bo.jpg")
    photo(away / "cover.jpg")

    def make(content: Path) -> None:
        (content / "team" / "photos").mkdir()
        (content / "team" / "photos" / "bo.jpg").symlink_to(away / "bo.jpg")
        bo = content / "team" / "bo-lindqvist.md"
        bo.write_text(
            bo.read_text("utf-8").replace("Linkedin:", "Photo: team/photos/bo.jpg\nLinkedin:")
        )
        (content / "images" / "cover.jpg").symlink_to(away / "cover.jpg")
        post = content / "posts" / "ranges.md"
        post.write_text(post.read_text("utf-8").replace("Slug:", "Cover: images/cover.jpg\nSlug:"))

    caplog.set_level(logging.WARNING)
    site = build(tmp_path, make)
    link = outside("content/images/cover.jpg", away / "cover.jpg")
    assert errors(caplog) == [
        link,  # the static file itself, as before
        "content/posts/ranges.md: Cover 'images/cover.jpg': " + link.replace(": is", " is", 1),
        "content/team/bo-lindqvist.md: Photo 'team/photos/bo.jpg': "
        + outside("content/team/photos/bo.jpg", away / "bo.jpg").replace(": is", " is", 1)
        + "; showing initials instead",
    ]
    assert not [n for n in published(site.output) if "bo-lindqvist" in n and "renditions" in n]


def test_a_link_out_of_the_content_folder_stops_a_publish(tmp_path, caplog):
    away = home(tmp_path)
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit) as stop:
        build(tmp_path, lambda c: (c / "images" / "keys").symlink_to(away / ".ssh"), publish=True)
    assert stop.value.code == 1
    assert outside("content/images/keys", away / ".ssh") in errors(caplog)


def test_version_control_folders_and_secrets_are_not_published(tmp_path, caplog):
    def make(content: Path) -> None:
        repo = content / "images" / ".git"
        (repo / "objects").mkdir(parents=True)
        (repo / "config").write_text('[remote "origin"]\nurl = https://t0ken@x/y\n', "utf-8")
        (repo / "objects" / "ab").write_bytes(b"blob")
        (content / "images" / ".gitignore").write_text("*.psd\n", "utf-8")
        (content / "extra" / ".hg").mkdir()
        (content / "extra" / ".hg" / "hgrc").write_text("[paths]\n", "utf-8")
        (content / "extra" / ".svn").mkdir()
        (content / "extra" / ".svn" / "wc.db").write_bytes(b"x")
        (content / "images" / ".env").write_text("API_TOKEN=secret\n", "utf-8")
        (content / "images" / ".envrc").write_text("export API_TOKEN=secret\n", "utf-8")
        (content / "extra" / ".htpasswd").write_text("ana:$apr1$x\n", "utf-8")
        (content / "extra" / ".well-known").mkdir()
        (content / "extra" / ".well-known" / "security.txt").write_text("Contact: x\n", "utf-8")

    caplog.set_level(logging.WARNING)
    site = build(tmp_path, make)
    assert errors(caplog) == [
        f"content/extra/.htpasswd: {SECRETS}",
        f"content/images/.env: {SECRETS}",
        f"content/images/.envrc: {SECRETS}",
    ]
    names = published(site.output)
    assert not [n for n in names if ".git" in n or ".hg" in n or ".svn" in n or ".env" in n]
    assert not [n for n in names if "htpasswd" in n]
    assert "extra/.well-known/security.txt" in names or ".well-known/security.txt" in names


@pytest.mark.parametrize("where", ["posts/notes.md", "images/pipe.jpg", "galleries/team/pipe.jpg"])
def test_a_named_pipe_is_named_and_the_build_goes_on(tmp_path, caplog, where, no_hang):
    def make(content: Path) -> None:
        (content / where).parent.mkdir(parents=True, exist_ok=True)
        if where.startswith("galleries"):
            photo(content / "galleries" / "team" / "desk.jpg")
        os.mkfifo(content / where)

    caplog.set_level(logging.WARNING)
    site = build(tmp_path, make)
    assert f"content/{where}: {FIFO}" in [
        r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING
    ]
    assert (site.output / "index.html").is_file()
