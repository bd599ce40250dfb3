"""Files an editor or an operating system leaves beside a writer's own are not content: an
Emacs lock or auto-save copy (``.#post.md``), macOS's AppleDouble twin on a shared drive or
in a zip (``._photo.jpg``). Pelican matches IGNORE_FILES against a file's name, so its own
default (``**/.*``, a path pattern) never matched one: the copy was read as a post (taking its
original's address and blaming it) and the twin was published as an image."""

import logging
from pathlib import PurePosixPath

from tests.conftest import FIXTURES

POST = (FIXTURES / "site" / "posts").glob("*.md")


def test_companion_files_are_neither_read_nor_published(build_site, caplog):
    original = sorted(POST)[0]
    text = original.read_text(encoding="utf-8")
    apple_double = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        " + bytes(64)
    with caplog.at_level(logging.WARNING):
        site = build_site(
            {
                f"posts/.#{original.name}": text,  # Emacs: the same text, a hidden name
                f"posts/._{original.name}": apple_double,
                "images/._social-card.png": apple_double,
                "extra/._favicon.svg": apple_double,
            },
            name="companions",
        )
    said = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert not [m for m in said if "._" in m or ".#" in m or original.name in m], said
    names = {p.name for p in site.files()}
    assert not {n for n in names if n.startswith(("._", ".#"))}
    assert (site.output / "images" / "social-card.png").is_file()


def test_dot_folders_of_static_files_stay_published(build_site):
    """Only those companions: a static folder's .well-known/ (security.txt, a verification
    file) is published as before."""
    site = build_site({"extra/.well-known/security.txt": "Contact: mailto:x@example.test\n"})
    assert any(p.name == "security.txt" for p in site.files())


# what editors and systems leave in a folder, each with what it would tell a reader
LEFT_BESIDE = {
    "images/.DS_Store": b"\x00\x00\x00\x01Bud1" + "unpublished-launch.jpg".encode("utf-16-be"),
    "images/Thumbs.db": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64),
    "images/desktop.ini": "[.ShellClassInfo]\r\nLocalizedResourceName=Launch\r\n",
    "images/.~lock.price-list.odt#": "Jane Doe,jane,jane-laptop,05.12.2026 09:12,file:///home",
    "images/~$ice-list.docx": b"\x08Jane Doe" + bytes(40),
    "images/.notes.md.swp": b"b0VIM 9.0\x00" + b"jane" + bytes(20) + b"draft prices",
    # Vim's swap files without the dot: on Windows and with 'shortname' (plan.md is plan_md.swp),
    # and the next ones of a file already being edited (.swo, .swn)
    "posts/plan_md.swp": b"b0VIM 9.0\x00" + b"jane" + bytes(20) + b"draft prices",
    "posts/plan.swp": b"b0VIM 9.0\x00" + b"jane" + bytes(20) + b"draft prices",
    "extra/notes.swo": b"b0VIM 9.0\x00" + b"jane" + bytes(20) + b"draft prices",
    "images/.notes.md.swn": b"b0VIM 9.0\x00" + b"jane" + bytes(20) + b"draft prices",
    "images/social-card.png~": b"\x89PNG\r\n\x1a\n" + bytes(32),
    # a copy of a draft, front matter and all, published as raw text
    "extra/plan.md.bak": "Title: Plan\nStatus: draft\n\nThe unannounced office.\n",
    "extra/#plan.md#": "Title: Plan\nStatus: draft\n\nThe unannounced office.\n",  # Emacs
    "images/__MACOSX/images/._social-card.png": b"\x00\x05\x16\x07" + bytes(32),
}


def test_what_editors_and_systems_leave_in_a_folder_is_not_published(build_site, caplog):
    """.DS_Store lists the folder's files (unpublished pictures too), a lock file holds the
    user's name and machine, a swap file the text being edited: none is published, no line."""
    with caplog.at_level(logging.WARNING):
        site = build_site(LEFT_BESIDE, name="left-beside")
    said = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    names = {PurePosixPath(n).name for n in LEFT_BESIDE}
    assert not [m for m in said if any(n in m for n in names)], said
    published = {p.name for p in site.files()}
    assert not published & names, published & names
    assert not any("__MACOSX" in str(p) for p in site.files())
    assert (site.output / "images" / "social-card.png").is_file()


def test_a_flash_file_is_not_taken_for_a_swap_file(build_site):
    """Vim's swap files end .swp, .swo … .swa: the patterns that hide them leave .swf (Flash,
    a download an old site may still offer) published."""
    site = build_site({"extra/banner.swf": b"FWS\x0a" + bytes(16)}, name="flash")
    assert (site.output / "extra" / "banner.swf").is_file()
