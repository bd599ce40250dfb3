"""Many files of one folder without a title: the first few named, then one line for the folder,
in the terminal and the serve overlay alike; a publish still stops."""

import logging

import pytest

from plugins.blogcore import frontmatter, repeats
from plugins.devserver.problems import Collector

NO_TITLE = "has no Title: line; add one at the top, e.g. Title: Our news"


def test_the_first_files_are_named_the_rest_counted():
    seen = repeats.Repeats()
    said = [seen.note(f"content/notes/n{i}.md", NO_TITLE) for i in range(6)]
    assert said == [True] * repeats.SHOWN + [False, False]
    assert seen.note("content/notes/n0.md", NO_TITLE)  # a file said again (make serve)
    assert seen.note("content/posts/a.md", NO_TITLE)  # another folder counts on its own
    assert seen.folded() == [
        ("content/notes", NO_TITLE, ["content/notes/n4.md", "content/notes/n5.md"])
    ]


@pytest.mark.parametrize(
    ("folded", "reads_posts", "expected"),
    [
        (
            [f"content/notes/n{i}.md" for i in range(9, 3, -1)],
            False,
            "content/notes/: 10 files have no Title: line (4 named above, then n4.md, n5.md, "
            "n6.md and 3 more); fix them, or, if the folder holds no posts, leave it out: add "
            '"notes" to IGNORE_FILES in pelicanconf.py',
        ),
        (
            ["content/posts/z.md"],
            True,  # the posts' own folder: never to be left out
            "content/posts/: 5 files have no Title: line (4 named above, then z.md); fix them",
        ),
    ],
)
def test_folder_message(folded, reads_posts, expected):
    folder = folded[0].rsplit("/", 1)[0]
    assert repeats.folder_message(folder, NO_TITLE, folded, reads_posts, "fix them") == expected


def test_a_folder_of_notes_without_front_matter_is_a_few_lines(build_site, caplog):
    # 188 notes gave 188 lines alike, in the terminal and the overlay
    notes = {f"notes/note-{i:02}.md": f"A thought, number {i}.\n" for i in range(12)}
    posts = {f"posts/untitled-{i}.md": "Date: 2024-01-01\n\nText.\n" for i in range(2)}
    overlay = Collector()
    logging.getLogger().addHandler(overlay)
    caplog.set_level(logging.WARNING)
    try:
        with pytest.raises(SystemExit):  # a publish stops, as for each file
            build_site({**notes, **posts}, publish=True, name="notes")
    finally:
        logging.getLogger().removeHandler(overlay)
    said = [(r.levelname, r.getMessage()) for r in caplog.records if "notes/" in r.getMessage()]
    named = [m for level, m in said if m.startswith("notes/notes/note-")]
    assert len(named) == repeats.SHOWN
    assert all(m.endswith(f": {NO_TITLE}") for m in named)
    folder = [m for level, m in said if m.startswith("notes/notes/: ")]
    # the first by name, in order, whatever order the files were read in (it changed)
    assert [m.split(": ")[0] for m in named] == [f"notes/notes/note-0{i}.md" for i in range(4)]
    assert folder == [
        "notes/notes/: 12 files have no Title: line (4 named above, then "
        "note-04.md, note-05.md, note-06.md and 5 more); add front matter at the top of each "
        "(a Title: line, and a Date: line for "
        'a post), or, if the folder holds no posts, leave it out: add "notes" to IGNORE_FILES in '
        "pelicanconf.py"
    ]
    assert all(level == "ERROR" for level, _ in said)
    # two files of another folder: named each, no folder line
    assert len([m for _, m in said if m.startswith("notes/posts/untitled-")]) == 2
    # the overlay has what the terminal has: the folder's line under the folder's name
    shown = [p for p in overlay.problems if p["source"].startswith("notes/")]
    assert len(shown) == len(said)
    (line,) = [p for p in shown if p["source"] == "notes/notes/"]
    assert line["level"] == "error" and line["message"].startswith("12 files have no Title")


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (NO_TITLE, "have no Title: line"),
        ("Slug is empty; give it a value or remove the line", "have an empty Slug: line"),
        (
            "Summary is empty, so the post's first words stand in for it; write one, or remove "
            "the line",
            "have an empty Summary: line",
        ),
        ("Slug is empty but this is no such line", "Slug is empty but this is no such line"),
    ],
)
def test_a_message_said_of_many(message, expected):
    assert repeats.of_many(message) == expected


def test_empty_slug_lines_are_one_line_for_the_folder(build_site, caplog):
    # an old blog's 75 posts, each with an empty Slug: line, said 75 lines alike
    posts = {
        f"posts/post-{i}.md": f"Title: Post {i}\nDate: 2024-01-0{i + 1}\nSlug:\n\nText.\n"
        for i in range(7)
    }
    caplog.set_level(logging.WARNING)
    # read in forked workers, as a site of 40 files or more is: a line a worker held was lost
    build_site(posts, name="emptyslugs", FASTBUILD_WORKERS=2, FASTBUILD_MIN_FILES=1)
    said = [(r.levelname, r.getMessage()) for r in caplog.records if "Slug" in r.getMessage()]
    named = [m for _, m in said if m.startswith("emptyslugs/posts/post-")]
    assert named == [
        f"emptyslugs/posts/post-{i}.md: Slug is empty; give it a value or remove the line"
        for i in range(repeats.SHOWN)
    ]
    assert [(level, m) for level, m in said if m.startswith("emptyslugs/posts/: ")] == [
        (
            "WARNING",
            "emptyslugs/posts/: 7 files have an empty Slug: line (4 named above, then "
            "post-4.md, post-5.md, post-6.md); give each a value or remove the lines",
        )
    ]
    assert len(said) == repeats.SHOWN + 1


def test_one_folder_one_line_for_titles_missing_with_different_advice(build_site, caplog):
    # 6 notes with no front matter and 5 with keys between --- lines (YAML) but no title: two
    # folder lines alike, "2 files" and "1 files", left the writer to add them up
    bare = {f"jottings/bare-{i}.md": f"Jotted down, number {i}.\n" for i in range(6)}
    fenced = {f"jottings/fenced-{i}.md": f"---\ntags: misc\n---\n\nFenced {i}.\n" for i in range(5)}
    caplog.set_level(logging.WARNING)
    build_site({**bare, **fenced}, name="jottings")
    said = [r.getMessage() for r in caplog.records if r.getMessage().startswith("jottings/")]
    titles = [m for m in said if "has no Title" in m]
    assert len([m for m in titles if m.startswith("jottings/jottings/bare-")]) == repeats.SHOWN
    assert len([m for m in titles if m.startswith("jottings/jottings/fenced-")]) == repeats.SHOWN
    assert [m for m in said if m.startswith("jottings/jottings/: ")] == [
        "jottings/jottings/: 11 files have no Title: line (8 named above, then bare-4.md, "
        "bare-5.md, fenced-4.md); 6 of them: add front matter at the top of each (a Title: line, "
        "and a Date: line for a post); 5 of them: the front matter between --- lines is YAML: "
        "there, write title: Our news, or, if the folder holds no posts, leave it out: add "
        '"jottings" to IGNORE_FILES in pelicanconf.py',
        # the YAML files lack a date too (the notes' line names both): folded as well
        "jottings/jottings/: 5 files have no Date: line (4 named above, then fenced-4.md); add "
        "one to each, such as Date: 2025-03-14 (a post needs a date), or, if the folder holds "
        'no posts, leave it out: add "jottings" to IGNORE_FILES in pelicanconf.py',
    ]


def test_notes_named_by_their_titles_hint_at_titles_from_names(build_site, caplog):
    notes = {f"recipes/Lentil Soup {i}.md": f"Simmer it, take {i}.\n" for i in range(6)}
    caplog.set_level(logging.WARNING)
    build_site(notes, name="titled-notes")
    (line,) = [r.getMessage() for r in caplog.records if "recipes/: " in r.getMessage()]
    assert line.startswith("titled-notes/recipes/: 6 files have no Title: line (4 named above")
    assert (
        "; add front matter at the top of each (a Title: line, and a Date: line for a post), or, "
        "as their names are their titles, take each title from its file name: set "
        f"FILENAME_METADATA = r'{repeats.TITLE_FROM_NAME}' in pelicanconf.py (a post still "
        "needs a Date: line), or, if the folder holds no posts" in line
    )


def test_the_pattern_the_hint_gives_dates_dated_names_and_titles_others():
    import re

    dated = re.match(repeats.TITLE_FROM_NAME, "2015-05-25-a-post").groupdict()
    assert dated == {"date": "2015-05-25", "title": None}
    titled = re.match(repeats.TITLE_FROM_NAME, "Lentil Soup").groupdict()
    assert titled == {"date": None, "title": "Lentil Soup"}


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (["content/r/Cream Cheese Végan.md", "content/r/Pizza (courte).md"], True),
        (["content/r/Cream Cheese Végan.md", "content/r/galettes.md"], False),
        (["content/r/2015-05-25 notes du jour.md"], False),
        (["content/r/note-04.md"], False),
        ([], False),
    ],
)
def test_names_are_titles(files, expected):
    assert repeats.names_are_titles(files) is expected


@pytest.mark.parametrize(
    ("parts", "others", "expected"),
    [
        ([(5, "fix them")], 0, "fix them"),
        ([(2, "b"), (7, "a")], 0, "7 of them: a; 2 of them: b"),
        ([(5, "a")], 3, "5 of them: a; the other 3: as their lines above say"),
    ],
)
def test_advice_in_parts(parts, others, expected):
    assert repeats.advice_in_parts(parts, others) == expected


def test_yaml_files_without_title_or_date_fold_their_date_lines_too(build_site, caplog):
    # keys between --- lines but neither title nor date: the title lines were folded, and
    # each file still had a "has no Date: line" line of its own
    fenced = {
        f"posts/scraps/scrap-{i}.md": f"---\ntags: odds\n---\n\nScrap {i}.\n" for i in range(7)
    }
    caplog.set_level(logging.WARNING)
    build_site(fenced, name="undated-scraps")
    said = [r.getMessage() for r in caplog.records if r.getMessage().startswith("undated-scraps/")]
    dates = [m for m in said if "no Date: line" in m]
    assert len([m for m in dates if m.startswith("undated-scraps/posts/scraps/scrap-")]) == (
        repeats.SHOWN
    )
    (folder,) = [m for m in dates if m.startswith("undated-scraps/posts/scraps/: ")]
    assert folder == (
        "undated-scraps/posts/scraps/: 7 files have no Date: line (4 named above, then "
        "scrap-4.md, scrap-5.md, scrap-6.md); add one to each, such as Date: 2025-03-14 (a post "
        'needs a date), or, if the folder holds no posts, leave it out: add "scraps" to '
        "IGNORE_FILES in pelicanconf.py"
    )


@pytest.mark.parametrize(
    ("reader", "key", "expected"),
    [
        (
            "StrictMarkdownReader",
            "date",
            "add one to each, such as Date: 2025-03-14 (a post needs a date)",
        ),
        (
            "StrictRstReader",
            "date",
            "add one to each, such as :date: 2025-03-14 (a post needs a date)",
        ),
        (
            "StrictHTMLReader",
            "date",
            'add <meta name="date" content="2025-03-14"> to each one\'s <head> (a post needs a '
            "date)",
        ),
        (
            "StrictMarkdownReader",
            "title",
            "add front matter at the top of each (a Title: line, and a Date: line for a post)",
        ),
        ("StrictRstReader", "title", repeats.AS_SAID_ABOVE),
        ("StrictHTMLReader", "title", repeats.AS_SAID_ABOVE),
    ],
)
def test_a_files_advice_said_of_each_is_a_field_of_its_line(reader, key, expected):
    from plugins.blogcore import reader as readers

    said = getattr(readers, reader).missing[key]
    assert isinstance(said, repeats.Said) and said.of_each == expected


def test_a_reworded_line_keeps_its_folders_advice():
    # a folder's line says what the file's record carries for each, not its words reworded
    from plugins.blogcore import signals

    line = repeats.Said("has no Date: line; write the day it went out", "date each of them")
    assert signals._folded_advice({}, line, ["posts/a.md"]) == "date each of them"
    why = "the front matter between --- lines is YAML (title: Our news)"
    line = repeats.Said(f"has no Title: line; add one ({why})", why)
    assert signals._folded_advice({}, line, ["posts/a.md"]) == why


def test_posts_titled_by_their_first_heading_are_one_line_for_the_folder(build_site, caplog):
    # an adopted blog whose reader plugin took each title from the post's first heading: 163
    # lines, one a post, each naming its own heading, where the folder's line folds the rest
    bare = {
        f"journal/2012-0{i + 1}-10-entry-{i}.md": f"# Entry number {i}\n\nWritten on day {i}.\n"
        for i in range(6)
    }
    fenced = {
        f"journal/weekly-{i}.md": (
            f"---\ndate: 2024-09-0{i + 1}\nstatus: draft\n---\n\n# Weekly #{i}\n\nA week.\n"
        )
        for i in range(5)
    }
    caplog.set_level(logging.WARNING)
    build_site({**bare, **fenced}, name="headed-posts")
    said = [r.getMessage() for r in caplog.records if r.getMessage().startswith("headed-posts/")]
    titles = [m for m in said if "Title" in m]
    named = [m for m in titles if m.startswith("headed-posts/journal/2012-")]
    # the first files are named, each with its own heading to write as its title
    assert named == [
        f"headed-posts/journal/2012-0{i + 1}-10-entry-{i}.md: {NO_TITLE} (line 1 is a heading, "
        f"'# Entry number {i}', not a title: write Title: Entry number {i} as the first line, "
        "in its place (the page shows the title as its heading))"
        for i in range(repeats.SHOWN)
    ]
    assert len([m for m in titles if m.startswith("headed-posts/journal/weekly-")]) == 4
    assert [m for m in said if m.startswith("headed-posts/journal/: ")] == [
        "headed-posts/journal/: 11 files have no Title: line (8 named above, then "
        "2012-05-10-entry-4.md, 2012-06-10-entry-5.md, weekly-4.md); 6 of them: write each "
        "one's first heading as its title, Title: <the heading> as the first line, in its "
        "place (the page shows the title as its heading); 5 of them: write each one's first "
        "heading as its title, title: <the heading> between the --- lines, in quotes where it "
        "holds ': ' or ' #' (the page shows the title as its heading)"
    ]
    assert len(titles) == 2 * repeats.SHOWN + 1


def test_posts_of_both_syntaxes_without_an_address_key_are_one_line_for_the_folder(
    build_site, caplog
):
    # each syntax's posts were counted apart: 3 .md and 4 .rst posts said 7 lines and no
    # folder's line, and a folder of .rst posts was told it might leave its posts out
    posts = {
        f"posts/guides/m{i}.md": f"Title: M {i}\nDate: 2024-01-0{i + 1}\n\nText.\n"
        for i in range(3)
    }
    posts |= {
        f"posts/guides/r{i}.rst": f"R {i}\n####\n\n:date: 2024-02-0{i + 1}\n\nText.\n"
        for i in range(4)
    }
    caplog.set_level(logging.WARNING)
    build_site(
        posts,
        name="addresskeys",
        ARTICLE_URL="{kind}/{slug}/",
        ARTICLE_SAVE_AS="{kind}/{slug}/index.html",
        FASTBUILD_WORKERS=2,
        FASTBUILD_MIN_FILES=1,
    )
    said = [
        m for r in caplog.records if (m := r.getMessage()).startswith("addresskeys/posts/guides/")
    ]
    assert said == [
        "addresskeys/posts/guides/m0.md: has no Kind: line, which ARTICLE_URL '{kind}/{slug}/' "
        "needs for the address; add one, or write ARTICLE_URL without {kind}",
        "addresskeys/posts/guides/m1.md: has no Kind: line, which ARTICLE_URL '{kind}/{slug}/' "
        "needs for the address; add one, or write ARTICLE_URL without {kind}",
        "addresskeys/posts/guides/m2.md: has no Kind: line, which ARTICLE_URL '{kind}/{slug}/' "
        "needs for the address; add one, or write ARTICLE_URL without {kind}",
        "addresskeys/posts/guides/r0.rst: has no :kind: field, which ARTICLE_URL "
        "'{kind}/{slug}/' needs for the address; add one, or write ARTICLE_URL without {kind}",
        "addresskeys/posts/guides/: 7 files have no 'kind' key (a Kind: line in a Markdown "
        "file, a :kind: field in a .rst file), which ARTICLE_URL '{kind}/{slug}/' needs for the "
        "address (4 named above, then r1.rst, r2.rst, r3.rst); add one to each, or write "
        "ARTICLE_URL without {kind}",
    ]


def test_posts_of_one_syntax_are_told_the_key_as_they_write_it():
    said = frontmatter.address_key_missing("kind", "ARTICLE_URL", "{kind}/", "", "a/r.rst")
    files = [f"a/r{i}.rst" for i in range(5)]
    assert repeats.for_files(repeats.folded_as(said), files) == (
        "has no :kind: field, which ARTICLE_URL '{kind}/' needs for the address; add one, or "
        "write ARTICLE_URL without {kind}"
    )
    # one line to fold by, whichever syntax a file is in
    assert repeats.folded_as(said) == repeats.folded_as(
        frontmatter.address_key_missing("kind", "ARTICLE_URL", "{kind}/", "", "a/m.md")
    )
