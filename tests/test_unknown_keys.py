"""Keys no one reads: one line per key for a build where many files have it, never per file.

An adopted blog whose old theme read its own keys (``Version``, ``Pagetitle``, eight a file in
151 files) said some 1,300 ``unknown key 'X' is ignored`` lines in one build, and the few lines
that mattered were lost among them. A key more than a few files have is now one line for the
build, a typo of ours and another engine's name for ours too (their did-you-mean kept); text
read as a key keeps its line per file; BLOGCORE_KEPT_KEYS says nothing of the keys another
tool reads.
"""

import logging

import pytest

from plugins.blogcore import frontmatter, repeats
from plugins.blogcore.settings import SettingsError, configure
from tests.test_serve_rebuilds import Session

HEAD = "Date: 2024-03-0{n}\nCategory: Notes\nAuthor: Ada Byrne\n"


def _posts(count: int, extra: str, name: str = "old") -> dict[str, str]:
    return {
        f"posts/{name}-{n}.md": f"Title: {name.title()} {n}\n{HEAD.format(n=n + 1)}{extra}\nText.\n"
        for n in range(count)
    }


def _keys(caplog) -> list[tuple[str, str]]:
    return [
        (r.levelname, r.getMessage()) for r in caplog.records if "unknown key" in r.getMessage()
    ]


@pytest.mark.parametrize(
    ("message", "present", "files", "expected"),
    [
        (
            "unknown key 'Version' is ignored",
            set(),
            [f"content/posts/p{n}.md" for n in (3, 1, 2, 4, 5)],
            "content/posts/: unknown key 'Version' is ignored in 5 files (content/posts/p1.md, "
            "content/posts/p2.md and 3 more): remove the line from them, or, if another tool "
            "reads it, list 'Version' in BLOGCORE_KEPT_KEYS",
        ),
        (
            # beside our own key in each file: said of them all; files of many folders are
            # headed by the settings file, where the fix for them all goes
            "unknown key 'Pagetitle' is ignored (this site's key is Title, given in this file "
            "too: only it is read)",
            {"title", "pagetitle"},
            ["content/a/x.md", "content/b/y.md"],
            "pelicanconf.py: unknown key 'Pagetitle' is ignored in 2 files (content/a/x.md, "
            "content/b/y.md; this site's key is Title, given in each of them too: only it is "
            "read): remove the line from them, or, if another tool reads it, list 'Pagetitle' "
            "in BLOGCORE_KEPT_KEYS",
        ),
        (
            # another engine's name for ours: the line says which, and to write ours in them
            # (removing the line would lose the date it gives)
            "unknown key 'Update' is ignored (did you mean Modified? this site's key for the "
            'date a post was last updated, shown as "Updated …")',
            {"date", "update"},
            [f"content/notes/{c}.md" for c in "abcdef"],
            "content/notes/: unknown key 'Update' is ignored in 6 files (content/notes/a.md, "
            "content/notes/b.md and 4 more; did you mean Modified? this site's key for the date "
            'a post was last updated, shown as "Updated …"): write Modified: in place of '
            "Update: in them, or, if another tool reads it, list 'Update' in BLOGCORE_KEPT_KEYS",
        ),
    ],
)
def test_key_message(message, present, files, expected):
    key = message.split("'")[1]
    # the key and the did-you-mean the record carries (reader.UNKNOWN_KEY), never parsed from
    # the wording
    said = frontmatter.unknown(key.lower(), present=frozenset(present))
    assert said.message == message
    assert repeats.key_message(key, message, files, said.meant, said.hint) == expected


def test_a_key_with_a_bracket_in_its_name_is_one_line_of_its_own_words(build_site, caplog):
    # an HTML <meta name> may hold " (": the folded line took its bracket for the did-you-mean's
    # ("unknown key 'Colour in 5 files (… ; old)' is ignored)")
    files = {
        f"posts/b-{n}.html": (
            f'<html><head><title>B {n}</title><meta name="date" content="2024-03-0{n + 1}">'
            '<meta name="category" content="Notes"><meta name="author" content="Ada Byrne">'
            '<meta name="colour (old)" content="red"></head><body><p>Text.</p></body></html>'
        )
        for n in range(5)
    }
    caplog.set_level(logging.WARNING)
    build_site(files, name="keys-bracket")
    assert _keys(caplog) == [
        (
            "WARNING",
            "keys-bracket/posts/: unknown key 'Colour (old)' is ignored in 5 files "
            "(keys-bracket/posts/b-0.html, keys-bracket/posts/b-1.html and 3 more): remove the "
            "line from them, or, if another tool reads it, list 'Colour (old)' in "
            "BLOGCORE_KEPT_KEYS",
        )
    ]


@pytest.mark.parametrize(
    ("key", "present", "expected"),
    [
        ("update", set(), "Modified"),  # another engine's name for ours
        ("sumary", set(), "Summary"),  # a typo of ours
        ("version", set(), ""),  # near nothing
        ("update", {"modified"}, ""),  # ours is given already: no did-you-mean
        ("pagetitle", {"title"}, ""),  # beside ours: said, but nothing to write instead
        ("noindex", set(), ""),  # not done here: its own way out
        ("title", set(), ""),  # ours
    ],
)
def test_the_key_a_line_means_is_data(key, present, expected):
    found = frontmatter.unknown(key, present=frozenset(present))
    assert (found.meant if found else "") == expected
    message = found.message if found else ""
    assert (f"did you mean {expected}?" in message) == bool(expected), message


def test_a_reworded_did_you_mean_still_says_what_to_write():
    # the way out comes from the key the record carries, not from parsing the line's text
    line = repeats.key_message(
        "Update", "unknown key 'Update' (perhaps Modified)", list("abcde"), "Modified"
    )
    assert ": write Modified: in place of Update: in them, or" in line, line


def test_many_files_are_those_of_more_than_a_few():
    held = {
        ("Version", "v"): [f"f{n}" for n in range(repeats.SHOWN + 1)],
        ("Colour", "c"): [f"f{n}" for n in range(repeats.SHOWN)] + ["f0"],  # said again
    }
    assert repeats.many_files(held) == {("Version", "v"): sorted(held[("Version", "v")])}


@pytest.mark.parametrize(
    ("listed", "in_files", "heard", "expected"),
    [
        (["Verison"], set(), {"version"},
         ["'Verison', which no post or page has: did you mean 'Version'?"]),
        (["Version"], {"version"}, {"version"}, []),  # there: nothing to say
        (["Customcss"], {"customcss"}, {"customcss1"}, []),  # there, beside a near one
        (["Gone"], set(), {"version"}, []),  # no longer in any file, near nothing said
    ],
)  # fmt: skip
def test_kept_typos(listed, in_files, heard, expected):
    lines = repeats.kept_typos(listed, in_files, heard)
    assert [line.split(" lists ", 1)[1].split(" (")[0] for line in lines] == expected
    assert all(line.startswith("BLOGCORE_KEPT_KEYS lists ") for line in lines)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Version", "must be a list of front-matter keys"),
        (["Version:"], "'Version:' is not a front-matter key as written before its colon"),
        ([" Version"], "is not a front-matter key"),
        ([3], "3 is not a front-matter key"),
        (["Summary"], "lists 'Summary', a key this site reads"),
        # listed, a publish would go out without what the key asks for, and nothing said
        (
            ["Noindex"],
            "lists 'Noindex', a key other engines read for what this site does not do "
            r"\(docs/front-matter.md\): remove it from the list",
        ),
    ],
)
def test_a_wrong_kept_keys_setting_is_one_line(value, expected):
    with pytest.raises(SettingsError, match=expected):
        configure({"BLOGCORE_KEPT_KEYS": value})
    assert configure({"BLOGCORE_KEPT_KEYS": ("Version",)})["BLOGCORE_KEPT_KEYS"] == ("Version",)


def test_a_key_many_files_have_is_one_line_and_mistakes_keep_theirs(build_site, caplog):
    files = _posts(6, "Version: 2\n")
    files |= _posts(2, "Colour: red\n", name="few")  # a few files: a line each, as before
    files["posts/typo.md"] = f"Title: Typo\n{HEAD.format(n=9)}Sumary: Lost words\n\nText.\n"
    caplog.set_level(logging.WARNING)
    build_site(files, name="keys-folded", FASTBUILD_WORKERS=2, FASTBUILD_MIN_FILES=1)
    said = _keys(caplog)
    line = (
        "keys-folded/posts/: unknown key 'Version' is ignored in 6 files "
        "(keys-folded/posts/old-0.md, keys-folded/posts/old-1.md and 4 more): remove the "
        "line from them, or, if another tool reads it, list 'Version' in BLOGCORE_KEPT_KEYS"
    )
    assert said.count(("WARNING", line)) == 1, said
    assert not [m for _, m in said if m.startswith("keys-folded/posts/old-")], said
    assert [m for _, m in said if "Colour" in m] == [
        f"keys-folded/posts/few-{n}.md: unknown key 'Colour' is ignored" for n in range(2)
    ]
    # a typo of our key loses what it says: its own line, whatever the count
    assert [m for _, m in said if "Sumary" in m] == [
        "keys-folded/posts/typo.md: unknown key 'Sumary' is ignored (did you mean Summary?)"
    ]
    assert len(said) == 4, said


def test_another_engines_key_and_a_typo_in_many_files_are_one_line_each(build_site, caplog):
    # an adopted blog's Update: in 77 files was 77 lines; a typo in six files is one line too,
    # still an error in a publish, its did-you-mean kept
    files = _posts(6, "Update: 2024-04-01\n")
    files |= _posts(6, "Sumary: Lost words\n", name="typo")
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit):  # the typo's error stops the publish
        build_site(files, publish=True, name="keys-other-names")
    said = _keys(caplog)
    assert sorted(said) == [
        (
            "ERROR",
            "keys-other-names/posts/: unknown key 'Sumary' is ignored in 6 files "
            "(keys-other-names/posts/typo-0.md, keys-other-names/posts/typo-1.md and 4 more; "
            "did you mean Summary?): write Summary: in place of Sumary: in them, or, if another "
            "tool reads it, list 'Sumary' in BLOGCORE_KEPT_KEYS",
        ),
        (
            "WARNING",
            "keys-other-names/posts/: unknown key 'Update' is ignored in 6 files "
            "(keys-other-names/posts/old-0.md, keys-other-names/posts/old-1.md and 4 more; did "
            "you mean Modified? this site's key for the date a post was last updated, shown as "
            '"Updated …"): write Modified: in place of Update: in them, or, if another tool '
            "reads it, list 'Update' in BLOGCORE_KEPT_KEYS",
        ),
    ], said


def test_a_key_not_done_here_in_many_files_is_one_line_an_error_in_a_publish(build_site, caplog):
    # a migrated blog's Noindex: in each post said a line each; past four files it is one
    # line, still an error in a publish (the posts are not kept out of search engines)
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit):
        build_site(_posts(6, "Noindex: true\n"), publish=True, name="keys-noindex")
    said = [(r.levelname, r.getMessage()) for r in caplog.records if "Noindex" in r.getMessage()]
    assert said == [
        (
            "ERROR",
            "keys-noindex/posts/: Noindex in 6 files (keys-noindex/posts/old-0.md, "
            "keys-noindex/posts/old-1.md and 4 more) is a theme's way to keep a post out of "
            "search engines, which this site does not do: they are published, listed and in "
            "the sitemap like any other; remove the line from them (Status: hidden keeps a "
            "post off the lists, Status: draft keeps it out)",
        )
    ], said


def test_a_key_not_done_here_in_a_few_files_keeps_its_line_in_each(build_site, caplog):
    caplog.set_level(logging.WARNING)
    build_site(_posts(2, "Noindex: true\n"), name="keys-noindex-few")
    said = [(r.levelname, r.getMessage()) for r in caplog.records if "Noindex" in r.getMessage()]
    one = frontmatter.unknown("noindex").message
    assert sorted(said) == [
        ("WARNING", f"keys-noindex-few/posts/old-{n}.md: {one}") for n in range(2)
    ]


def test_kept_keys_are_said_nowhere_and_a_typo_in_the_list_is_named(build_site, caplog):
    files = _posts(6, "Version: 2\nPagecolors: dark\n")
    caplog.set_level(logging.WARNING)
    build_site(
        files,
        name="keys-kept",
        BLOGCORE_KEPT_KEYS=["Pagecolors", "Verison"],
        FASTBUILD_WORKERS=2,
        FASTBUILD_MIN_FILES=1,
    )
    messages = [r.getMessage() for r in caplog.records]
    assert not [m for m in messages if "Pagecolors" in m], messages
    typo = [m for m in messages if "'Verison'" in m]
    assert len(typo) == 1, messages  # at the setting's line (here an override: no line)
    assert typo[0].endswith(
        "BLOGCORE_KEPT_KEYS lists 'Verison', which no post or page has: did you mean "
        "'Version'? (its line is said until then)"
    )
    assert len([m for m in messages if "unknown key 'Version'" in m]) == 1


def test_a_publish_with_keys_no_one_reads_goes_on(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site(_posts(6, "Version: 2\n"), publish=True, name="keys-publish")
    assert site.exists("posts/old-0/")
    said = _keys(caplog)
    assert [level for level, _ in said] == ["WARNING"], said
    assert "in 6 files" in said[0][1]


def test_every_serve_rebuild_says_the_one_line_again(tmp_path):
    session = Session(tmp_path)
    for relpath, text in _posts(6, "Version: 2\n").items():
        (session.content / relpath).write_text(text, encoding="utf-8")
    line = "content/posts/: unknown key 'Version' is ignored in 6 files"
    try:
        for edit in (None, ("posts/old-2.md", "Text.", "More text.")):
            if edit:  # one file read again, five from Pelican's reader cache
                session.edit(*edit)
            shown, printed = session.build()
            assert [s for s in shown if "unknown key" in s] == [s for s in shown if line in s]
            assert len([s for s in shown if line in s]) == 1, shown
            assert printed.count("unknown key") == printed.count(line) == 1, printed
    finally:
        session.close()
