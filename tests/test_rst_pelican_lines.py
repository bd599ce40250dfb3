"""Pelican's own lines about reStructuredText, said as staff can act on them: "Document title
missing in file /abs/path: Ensure exactly one top level section" (printed for every post whose
title is a :title: field, where nothing is wrong) and "Docutils has no localization for 'pt'.
Using 'en' instead." (no file, no setting, nothing to do)."""

import logging

import pytest

from plugins.blogcore import rst

FIELDS = ":date: 2024-03-01\n:author: Ada Byrne\n:category: Company\n"
SECTIONS = "\nIntro\n=====\n\nText.\n\nMore\n====\n\nText.\n"


def test_a_title_field_says_nothing_and_a_missing_title_is_one_line(build_site, caplog):
    caplog.set_level(logging.WARNING)
    files = {
        "posts/field.rst": f":title: Kiln notes\n{FIELDS}{SECTIONS}",
        "posts/sections.rst": f"{FIELDS}{SECTIONS}",
        "posts/bare.rst": f"{FIELDS}\nJust text.\n",
    }
    site = build_site(files, name="rst-titles")
    assert site.soup("posts/kiln-notes/").select_one("h1").get_text(strip=True) == "Kiln notes"
    lines = sorted(
        (r.levelname, r.getMessage())
        for r in caplog.records
        if "rst-titles" in r.getMessage() or "Document title" in r.getMessage()
    )
    missing = "has no title; give it one as its first heading (a line underlined with ####)"
    assert lines == [
        ("ERROR", f"rst-titles/posts/bare.rst: {missing}"),
        (
            "ERROR",
            f"rst-titles/posts/sections.rst: {missing} (it has 2 headings of the top level, "
            "'Intro' and 'More': docutils takes the title only from one heading above all "
            "others; add a :title: field, or underline the sections' headings with another "
            "character)",
        ),
    ]


def test_a_language_docutils_lacks_is_one_line_naming_the_setting(build_site, caplog):
    caplog.set_level(logging.WARNING)
    post = f"Kiln\n####\n\n{FIELDS}\n.. note:: Hot.\n"
    build_site({"posts/kiln.rst": post}, name="rst-zh", DEFAULT_LANG="zh")
    said = [r.getMessage() for r in caplog.records if "docutils" in r.getMessage().lower()]
    assert said == ["pelicanconf.py: " + rst.language_note("zh", {})]


@pytest.mark.parametrize(
    ("lang", "settings", "advice"),
    [
        ("en", {}, None),
        ("pt-br", {}, None),
        ("pt", {"language_code": "pt-br"}, None),
        ("pt", {}, "docutils has pt-br: set DOCUTILS_SETTINGS = {'language_code': 'pt-br'} in "),
        ("zh", None, "docutils has zh-cn and zh-tw: set DOCUTILS_SETTINGS = {'language_code': "),
        ("hu", {}, "give such a title yourself (.. admonition:: with a title of your words)"),
    ],
)
def test_what_a_language_docutils_lacks_says(lang, settings, advice):
    note = rst.language_note(lang, settings)
    if advice is None:
        assert note == ""
    else:
        assert note.startswith(f"DEFAULT_LANG {lang!r} is a language docutils has no words for")
        assert advice in note
