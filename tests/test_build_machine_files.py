"""A post cannot publish the files of the machine that builds the site: reStructuredText's
file insertion (``include``, ``raw`` and ``csv-table`` with ``:file:`` or ``:url:``) is off
unless the site turns it on (blogcore's DOCUTILS_SETTINGS), and each refusal is one line."""

import logging

import pytest

from plugins.blogcore.settings import SettingsError, docutils_settings

SECRET = "BUILD-MACHINE-SECRET-7f3a"
HEAD = "{title}\n{rule}\n\n:date: 2025-05-04 10:00\n:category: Engineering\n\nSome text.\n\n"


def rst(title: str, body: str) -> str:
    return HEAD.format(title=title, rule="#" * len(title)) + body


@pytest.fixture
def secret(tmp_path):
    """A file outside the content folder, as /etc/passwd or a CI runner's token is."""
    path = tmp_path / "secret.txt"
    path.write_text(f"{SECRET}:x:0:0\n", encoding="utf-8")
    return path


def directives(path) -> dict[str, tuple[str, str]]:
    """File name -> (post, the directive named in its line)."""
    return {
        "include.rst": (rst("Include", f".. include:: {path}\n   :literal:\n"), "include"),
        "raw.rst": (rst("Raw file", f".. raw:: html\n   :file: {path}\n"), "raw"),
        "raw-url.rst": (rst("Raw url", f".. raw:: html\n   :url: file://{path}\n"), "raw"),
        "table.rst": (
            rst("Table", f".. csv-table:: Users\n   :file: {path}\n   :delim: :\n"),
            "csv-table",
        ),
    }


def test_file_insertion_is_refused_with_one_line_and_nothing_published(build_site, caplog, secret):
    caplog.set_level(logging.WARNING)
    posts = directives(secret)
    with pytest.raises(SystemExit):
        build_site({f"posts/{n}": text for n, (text, _) in posts.items()}, publish=True)
    errors = sorted(r.getMessage() for r in caplog.records if r.levelno == logging.ERROR)
    expected = sorted(
        f"content-0/posts/{name}: line 9: the {directive} directive may not read a file or an "
        "address while the site is built (it would publish whatever it reads, a file of the "
        "build machine too); put the text in the post itself"
        for name, (_, directive) in posts.items()
    )
    assert errors == expected


def test_a_development_build_leaves_the_posts_out_and_the_file_nowhere(build_site, secret):
    site = build_site({f"posts/{n}": text for n, (text, _) in directives(secret).items()})
    for path in site.output.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


def test_raw_html_written_in_the_post_still_works(build_site):
    site = build_site({"posts/inline.rst": rst("Inline", ".. raw:: html\n\n   <b>bold raw</b>\n")})
    assert site.soup("posts/inline/").select_one(".post-content b, article b").text == "bold raw"


def test_a_site_may_turn_file_insertion_on(build_site, secret):
    # a maintainer's choice, for snippets kept beside the posts
    name, (text, _) = "include.rst", directives(secret)["include.rst"]
    site = build_site({f"posts/{name}": text}, DOCUTILS_SETTINGS={"file_insertion_enabled": True})
    assert SECRET in site.soup("posts/include/").get_text()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (None, {"file_insertion_enabled": False}),
        ({}, {"file_insertion_enabled": False}),
        ({"tab_width": 4}, {"file_insertion_enabled": False, "tab_width": 4}),
        ({"file_insertion_enabled": True}, {"file_insertion_enabled": True}),
    ],
)
def test_docutils_settings(given, expected):
    assert docutils_settings(given) == expected


def test_docutils_settings_must_be_a_dict():
    with pytest.raises(SettingsError, match="DOCUTILS_SETTINGS must be a dict"):
        docutils_settings(["file_insertion_enabled"])
