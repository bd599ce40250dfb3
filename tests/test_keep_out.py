"""A post its writer meant to keep out is never published by a spelling: a Status line below
the front matter or with a full-width colon (Status：draft), another engine's key for it
(Private: true, Publish: false, Unlisted: true), a word of theirs for it (Status: unpublished),
whose suggestion must never be 'published' (frontmatter.py: keys_below, OTHER_ENGINES,
status_suggestion). Unit tables of the pure logic, then publish builds of the fixture site."""

import logging

import pytest

from plugins.blogcore import frontmatter

SECRET = "Zebracorn layoffs"
SLUG = "zebracorn-"  # each post's slug starts so: its address in a sitemap or a link has it
FRONT = (
    "Title: {title}\nSlug: {slug}\nDate: 2024-05-01 10:00\nCategory: Company\nAuthor: Ada Byrne\n"
)


def post(slug: str, front: str = "") -> str:
    """A post whose title, text and address carry SECRET and SLUG; ``front`` goes after the
    keys, as written (a blank line first puts it below the front matter)."""
    head = FRONT.format(title=f"{SECRET} {slug}", slug=f"{SLUG}{slug}")
    return head + front + f"\nThe {SECRET} plan ({slug}).\n"


# --- Status words: the suggestion never turns a withheld post into a published one ---------


@pytest.mark.parametrize(
    ("value", "suggestion"),
    [
        ("unpublished", "draft"),
        ("Unpublished", "draft"),
        ("not published", "draft"),
        ("Not  Published", "draft"),
        ("notpublished", "draft"),
        ("nonpublished", "draft"),
        ("non-published", "draft"),
        ("publish later", "draft"),
        ("private", "draft"),
        ("false", "draft"),
        ("no", "draft"),
        ("wip", "draft"),
        ("pending", "draft"),
        ("future", "draft"),
        ("scheduled", "draft"),
        ("embargoed", "draft"),
        ("inactive", "draft"),
        ("unlisted", "hidden"),
        ("unhidden", None),  # not "hidden": the opposite of what it says
        ("unpublish soon", "draft"),
        # typos keep their suggestion
        ("drfat", "draft"),
        ("publised", "published"),
        ("publish", "published"),
        ("hiden", "hidden"),
        ("zzz", None),
    ],
)
def test_a_status_suggestion_follows_the_meaning(value, suggestion):
    with pytest.raises(frontmatter.FrontMatterError) as err:
        frontmatter.check_status(value)
    message = str(err.value)
    assert message.startswith(
        f"Status must be one of published, draft, hidden, skip, got {value!r}"
    )
    if suggestion:
        assert f"(did you mean {suggestion!r}?" in message
    else:
        assert "did you mean" not in message
    if suggestion != "published":
        assert "'published'?" not in message


def test_a_withholding_word_says_what_the_suggestion_does():
    with pytest.raises(frontmatter.FrontMatterError) as err:
        frontmatter.check_status("unpublished")
    assert str(err.value) == (
        "Status must be one of published, draft, hidden, skip, got 'unpublished' (did you mean "
        "'draft'? a post kept out says Status: draft)"
    )


# --- other engines' keep-out keys -------------------------------------------------------


@pytest.mark.parametrize(
    ("metadata", "held", "said"),
    [
        ({"private": "true"}, "draft", "Private: true is another blog's way to keep a post out"),
        ({"private": True}, "draft", "Private: true is another blog's way"),  # TOML's boolean
        ({"private": "maybe"}, "draft", "Private: maybe is another blog's way"),  # the safe way
        ({"private": "false"}, None, "Private: false is another blog's key and is ignored"),
        ({"publish": "false"}, "draft", "Publish: false is Obsidian Publish's way to keep a"),
        ({"publish": "no"}, "draft", "Publish: no is Obsidian Publish's way"),
        ({"publish": "true"}, None, "Publish: true is Obsidian Publish's key and is ignored"),
        ({"unpublished": "true"}, "draft", "Unpublished: true is another blog's way"),
        ({"unpublished": "yes"}, "draft", "Unpublished: yes is another blog's way"),
        ({"visible": "false"}, "draft", "Visible: false is another blog's way to keep a post out"),
        ({"visible": "true"}, None, "a post is published unless it says Status: draft"),
        ({"secret": "true"}, "draft", "Secret: true is another blog's way"),
        ({"wip": "true"}, "draft", "Wip: true is another blog's way"),
        (
            {"unlisted": "true"},
            "hidden",
            "Unlisted: true is another blog's way to keep a post off the lists; here it is "
            "Status: hidden, and the post is left off the home page, lists and feeds (write "
            "Status: hidden instead)",
        ),
        ({"listed": "false"}, "hidden", "Listed: false is another blog's way"),
        (
            {"eleventyexcludefromcollections": "true"},
            "hidden",
            "eleventyExcludeFromCollections: true is Eleventy's way to keep a post off the lists",
        ),
        # already known: Hugo's and Jekyll's, with their other ways of saying yes and no
        ({"draft": "yes"}, "draft", "Draft: yes is Hugo's way"),
        ({"published": "no"}, "draft", "Published: no is Jekyll's way"),
        ({"hidden": "true"}, "hidden", "Hidden: true is a Jekyll theme's way"),
    ],
)
def test_another_engine_s_keep_out_key_is_read_as_status(metadata, held, said):
    metadata = dict(metadata)
    found, lines = frontmatter.other_engine_status(metadata)
    assert found == held
    assert metadata == {}  # said here, not again as an unknown key
    assert len(lines) == 1 and said in lines[0], lines
    assert frontmatter.OTHER_ENGINE_KEYS.issuperset(frontmatter.OTHER_ENGINES)


def test_noindex_is_a_line_of_its_own():
    assert frontmatter.unknown("noindex").message == (
        "Noindex is a theme's way to keep a post out of search engines, which this site does "
        "not do: the post is published, listed and in the sitemap like any other (remove the "
        "line; Status: hidden keeps it off the lists, Status: draft keeps it out)"
    )


# --- key lines below the front matter ---------------------------------------------------

HEAD = "Title: A\nDate: 2024-05-01\nAuthor: Ada Byrne\n"


@pytest.mark.parametrize(
    ("text", "line", "out"),
    [
        (
            HEAD + "\nStatus: draft\n\nText.",
            "line 5 'Status: draft' is below the blank line, so it is the post's text, not read "
            "as Status, and the post would be published: move it up into the front matter, "
            "above the blank line",
            True,
        ),
        (
            HEAD + "Status\uff1adraft\n\nText.",
            "line 4 'Status\uff1adraft' is not front matter, so it is the post's text, not "
            "read as Status, and the post would be published: its colon is the full-width "
            "'\uff1a': write Status: draft",
            True,
        ),
        (
            HEAD + "\nStatus\uff1adraft\n\nText.",
            "line 5 'Status\uff1adraft' is below the blank line, so it is the post's text, not "
            "read as Status, and the post would be published: its colon is the full-width "
            "'\uff1a': write Status: draft; move it up into the front matter, above the blank "
            "line",
            True,
        ),
        (HEAD + "\nStatus\ufe55 draft\n", "its colon is the full-width '\ufe55'", True),
        (
            HEAD + "\nStatus : hidden\n",
            "write Status: hidden at the start of the line, nothing before the colon; move it "
            "up into the front matter",
            True,
        ),
        (HEAD + "\n\u200bStatus: draft\n", "write Status: draft at the start of the line", True),
        (HEAD + "\n\n  status: Skip\n", "line 6 'status: Skip' is below the blank line", True),
        (HEAD + "\nStatus: unpublished\n", "'Status: unpublished' is below", True),
        (HEAD + "\nStatus: unlisted\n", "'Status: unlisted' is below", True),
        (HEAD + "\nPrivate: true\n", "'Private: true' is below the blank line", True),
        (HEAD + "\nPublish: false\n", "'Publish: false' is below the blank line", True),
        (HEAD + "\nDraft: yes\n", "'Draft: yes' is below the blank line", True),
        (HEAD + "\nPublished: no\n", "'Published: no' is below the blank line", True),
        (
            "---\ntitle: A\ndate: 2024-05-01\n---\n\nstatus: draft\n",
            "line 6 'status: draft' is below the --- line, so it is the post's text, not read as "
            "Status, and the post would be published: move it up into the front matter, above "
            "the --- line",
            True,
        ),
        ('+++\ntitle = "A"\n+++\nStatus: draft\n', "is below the +++ line", True),
        # a key that keeps nothing out is named too (a warning; a publish error elsewhere)
        (
            HEAD + "\nTags: alpha, beta\nText.",
            "line 5 'Tags: alpha, beta' is below the blank line, so it is shown as the post's "
            "text, not read as Tags: move it up into the front matter, above the blank line",
            False,
        ),
        (HEAD + "\nStatus: published\n", "not read as Status: move it up", False),
        (HEAD + "\nPrivate: false\n", "not read as Private: move it up", False),
    ],
)
def test_a_key_line_at_the_text_s_start_is_named(text, line, out):
    header = frontmatter.scan_header(text)
    problems = frontmatter.below_problems(header)
    assert len(problems) == 1, problems
    assert line in problems[0][0]
    assert problems[0][1] is out
    # a keep-out line is an error of the front matter: the post is not read (never published);
    # a full-width colon in the front matter is the stopper's own line (an error too)
    said = frontmatter.check_header(header)
    wide = [m for m in said if "full-width" in m and "full-width" in problems[0][0]]
    assert (problems[0][0] in said or bool(wide)) is out


# a keep-out line further down the text is shown there too, and the post would be published
@pytest.mark.parametrize(
    ("text", "line"),
    [
        (HEAD + "\nText that starts the post.\n\nStatus: draft\n", "line 7 'Status: draft'"),
        (HEAD + "\nNote: the office is closed.\nStatus: draft\n", "line 6 'Status: draft'"),
        (HEAD + "\n<!-- keep out until legal ok -->\nStatus: draft\n\nText.", "line 6"),
        (HEAD + "\n# Intro\nStatus: draft\n", "line 6 'Status: draft'"),
        (HEAD + "\nText.\n\nPrivate: true\n", "line 7 'Private: true'"),
        (HEAD + "\n---\nStatus: draft\n---\nText.\n", "line 6 'Status: draft'"),  # a heading
        ("---\ntitle: A\n---\n\nText.\n\ndraft: true\n", "line 7 'draft: true' is below the ---"),
    ],
)
def test_a_keep_out_line_anywhere_in_the_text_is_an_error(text, line):
    header = frontmatter.scan_header(text)
    (said,) = frontmatter.check_header(header)
    assert said.startswith(line), said
    assert "and the post would be published: move it up into the front matter" in said


@pytest.mark.parametrize(
    ("key", "line"),
    [("Status: draft", "'Status: draft'"), ("Private: true", "'Private: true'")],
)
def test_a_keep_out_key_indented_under_summary_is_an_error(key, line):
    header = frontmatter.scan_header(HEAD + f"Summary: A summary that\n    {key}\n\nText.\n")
    assert frontmatter.check_header(header) == [
        f"Summary goes on to line 5 {line} (an indented line continues the key above it), so "
        f"it is not read as {key.split(':')[0]}, and the post would be published: write it at "
        "the start of the line, as a key of its own"
    ]


@pytest.mark.parametrize(
    "text",
    [
        HEAD + "\nSecret: the trick is a good night's sleep.\n",  # another engine's key, prose
        HEAD + "\nPrivate: the office parking is full.\n",
        HEAD + "Text right below the keys.\n",
        HEAD + "Status: draft\n\nText.",  # in the front matter
        HEAD + "Summary: A summary that\n    goes on here\n\nText.",  # Summary may go on
        # front matter shown as code: fenced, indented, fenced in a list item
        HEAD + "\nText.\n\n```yaml\nStatus: draft\n```\n\n~~~\nPrivate: true\n~~~\n",
        HEAD + "\nText.\n\n    Status: draft\n    draft: true\n",
        HEAD + "\n- A post's keys:\n\n  ```\n  Status: draft\n  ```\n",
        HEAD + "\nText.\n\nPrivate: maybe, ask Ana\n",  # prose
    ],
)
def test_text_that_only_looks_like_a_key_is_not_named(text):
    header = frontmatter.scan_header(text)
    assert frontmatter.below_problems(header) == []
    assert frontmatter.check_header(header) == []


def test_status_space_colon_in_the_front_matter_keeps_its_own_line():
    # the line that ended the keys: stopper_problem's, said once
    header = frontmatter.scan_header(HEAD + "Status : draft\n\nText.")
    assert frontmatter.check_header(header) == [
        "line 4 'Status : draft' is not front matter (write Status: draft); as it is, it and the "
        "lines below it are shown as the post's text"
    ]


# --- publish builds: the post is nowhere in the output -------------------------------------


def files_with(root, *secrets: str) -> list[str]:
    """The output's files that name a post of these tests (its title, text or address)."""
    secrets = secrets or (SECRET, SLUG)
    found = (
        p
        for p in root.rglob("*")
        if p.is_file() and any(s.encode() in p.read_bytes() for s in secrets)
    )
    return sorted(str(p.relative_to(root)) for p in found)


def said(caplog, level: int = logging.WARNING) -> dict[str, list[str]]:
    """The lines logged at ``level`` or above, by the file they name (its name only)."""
    lines: dict[str, list[str]] = {}
    for record in caplog.records:
        if record.levelno < level:
            continue
        where, _, message = record.getMessage().partition(": ")
        lines.setdefault(where.rsplit("/", 1)[-1], []).append(message)
    return lines


def publish(build_site, files: dict[str, str], caplog, name: str) -> tuple[object, int]:
    """A publish build of the fixture site with ``files`` (content folder ``name``, as the
    files are named in the lines): the site (None when it failed) and the exit status."""
    caplog.set_level(logging.WARNING)
    try:
        return build_site(files, publish=True, name=name), 0
    except SystemExit as exc:  # BLOGCORE_STRICT: the errors fail the publish, after writing
        return None, exc.code


def build_failing(build_site, files, caplog, name: str, publishing: bool) -> dict:
    """A publish build (which must fail) or a development build; the errors by file."""
    caplog.set_level(logging.WARNING)
    if publishing:
        _, status = publish(build_site, files, caplog, f"{name}-publish")
        assert status == 1
    else:
        build_site(files, name=f"{name}-development")
    return said(caplog, logging.ERROR)


def output_of(tmp_path):
    (output,) = [p for p in tmp_path.iterdir() if p.name.startswith("output-")]
    return output


# the lines of finding 28: the text's first line is a Status the writer meant
BELOW = {
    "after-blank.md": (
        "\nStatus: draft\n",
        "line 7 'Status: draft' is below the blank line, so it is the post's text, not read as "
        "Status, and the post would be published: move it up into the front matter, above the "
        "blank line",
    ),
    "fullwidth.md": (
        "Status\uff1adraft\n",
        "line 6 'Status\uff1adraft': its colon is a full-width '\uff1a', so it is not read as a "
        "key: write Status: with an ASCII colon ':'",
    ),
    "both.md": (
        "\nStatus\uff1adraft\n",
        "line 7 'Status\uff1adraft' is below the blank line, so it is the post's text, not read "
        "as Status, and the post would be published: its colon is the full-width '\uff1a': "
        "write Status: draft; move it up into the front matter, above the blank line",
    ),
    "private-below.md": (
        "\nPrivate: true\n",
        "line 7 'Private: true' is below the blank line, so it is the post's text, not read as "
        "Private, and the post would be published: move it up into the front matter, above "
        "the blank line",
    ),
}


@pytest.mark.parametrize("publishing", [True, False], ids=["publish", "development"])
def test_a_status_line_below_the_front_matter_is_never_published(
    build_site, tmp_path, caplog, publishing
):
    files = {f"posts/{name}": post(name[:-3], front) for name, (front, _) in BELOW.items()}
    errors = build_failing(build_site, files, caplog, "below", publishing)
    for name, (_, line) in BELOW.items():
        assert errors.get(name) == [line], errors.get(name)
    assert files_with(output_of(tmp_path)) == []


# the keys of finding 27: the post is kept out (a draft) or off the lists (hidden)
KEYS_OUT = {
    "private.md": "Private: true",
    "publish.md": "Publish: false",
    "unpublished.md": "Unpublished: true",
    "visible.md": "Visible: false",
    "secret.md": "Secret: yes",
    "wip.md": "WIP: true",
    "draft-yes.md": "Draft: yes",
    "published-no.md": "Published: no",
}
KEYS_OFF_LISTS = {
    "unlisted.md": "Unlisted: true",
    "listed.md": "Listed: false",
    "eleventy.md": "eleventyExcludeFromCollections: true",
    "hidden.md": "Hidden: true",
}


def test_another_engine_s_keep_out_key_keeps_the_post_out_of_a_publish(
    build_site, tmp_path, caplog
):
    files = {
        f"posts/{n}": post(n[:-3], f"{k}\n") for n, k in {**KEYS_OUT, **KEYS_OFF_LISTS}.items()
    }
    site, status = publish(build_site, files, caplog, "keys")
    assert status == 0
    lines = said(caplog)
    for name, key in KEYS_OUT.items():
        (line,) = lines[name]
        assert line.startswith(
            f"{key.split(':')[0].capitalize()}: {key.split(': ')[1].lower()} is "
        )
        assert line.endswith(
            "way to keep a post out; here it is Status: draft, and the post is kept out as a "
            "draft (write Status: draft instead)"
        )
        assert not site.exists(f"posts/{SLUG}{name[:-3]}/"), name
    for name in KEYS_OFF_LISTS:
        (line,) = lines[name]
        assert "here it is Status: hidden, and the post is left off the home page" in line
        assert SECRET in site.soup(f"posts/{SLUG}{name[:-3]}/index.html").get_text()  # reachable
    # off every list, feed, sitemap and search index: only the hidden posts' own pages have it
    assert files_with(site.output) == sorted(
        f"posts/{SLUG}{n[:-3]}/index.html" for n in KEYS_OFF_LISTS
    )


def test_noindex_stops_a_publish_with_its_line(build_site, caplog):
    files = {"posts/noindex.md": post("noindex", "Noindex: true\n")}
    _, status = publish(build_site, files, caplog, "noindex")
    assert status == 1
    assert said(caplog, logging.ERROR)["noindex.md"] == [frontmatter.unknown("noindex").message]


# finding 26: a Status that is none of ours is never published, and its suggestion keeps it out
STATUS_WORDS = {
    "unpublished.md": ("unpublished", "draft"),
    "not-published.md": ("not published", "draft"),
    "nonpublished.md": ("nonpublished", "draft"),
    "later.md": ("publish later", "draft"),
    "private.md": ("private", "draft"),
    "unlisted.md": ("unlisted", "hidden"),
}


@pytest.mark.parametrize("publishing", [True, False], ids=["publish", "development"])
def test_a_status_word_for_keep_out_is_never_published_nor_told_published(
    build_site, tmp_path, caplog, publishing
):
    files = {f"posts/{n}": post(n[:-3], f"Status: {w}\n") for n, (w, _) in STATUS_WORDS.items()}
    errors = build_failing(build_site, files, caplog, "words", publishing)
    for name, (word, suggestion) in STATUS_WORDS.items():
        (line,) = errors[name]
        assert line.startswith(
            f"Status must be one of published, draft, hidden, skip, got {word!r} "
            f"(did you mean {suggestion!r}? "
        ), line
    assert files_with(output_of(tmp_path)) == []


# finding 29.1: a keep-out line after the text's first paragraph, and in the plugins' files
ANYWHERE = {
    "posts/after-text.md": post("after-text", "\nText first.\n\nStatus: draft\n"),
    "posts/after-comment.md": post("after-comment", "\n<!-- legal -->\nStatus: draft\n"),
    "posts/in-summary.md": post("in-summary", "Summary: A plan\n    Private: true\n"),
    "pages/page-after-text.md": (
        f"Title: {SECRET} page\nSlug: {SLUG}page\n\nPage text.\n\nStatus: draft\n"
    ),
    "team/lee-chan.md": f"Name: Lee Chan\nRole: Designer\n\nStatus: draft\n\n{SECRET} bio.\n",
    "series/launch-plan.md": (
        f"Title: Launch plan\nPlanned: {SECRET} part one | 2027-01-01\n\nStatus: draft\n\n"
        f"{SECRET} introduction.\n"
    ),
    "posts/in-series.md": (
        "Title: A part\nDate: 2024-05-01\nCategory: Company\nAuthor: Ada Byrne\n"
        "Series: Launch plan\n\nA part.\n"
    ),
    "galleries/zebracorn-party/gallery.md": (
        f"Title: {SECRET} party\nPhoto: a.jpg | {SECRET} cake | A cake\n\nStatus: draft\n\n"
        f"{SECRET} photos.\n"
    ),
}


def test_a_keep_out_line_anywhere_keeps_every_kind_of_file_out_of_a_publish(
    build_site, tmp_path, caplog
):
    from PIL import Image

    photo = tmp_path / "a.jpg"
    Image.new("RGB", (400, 300), "orange").save(photo)
    files = {**ANYWHERE, "galleries/zebracorn-party/a.jpg": photo.read_bytes()}
    errors = build_failing(build_site, files, caplog, "anywhere", publishing=True)
    for name in ("after-text.md", "after-comment.md", "page-after-text.md"):
        (line,) = errors[name]
        assert "'Status: draft' is below the blank line, so it is the post's text" in line
    assert errors["in-summary.md"] == [
        "Summary goes on to line 7 'Private: true' (an indented line continues the key above "
        "it), so it is not read as Private, and the post would be published: write it at the "
        "start of the line, as a key of its own"
    ]
    for name, number in (("lee-chan.md", 4), ("launch-plan.md", 4), ("gallery.md", 4)):
        assert errors[name] == [
            f"line {number} 'Status: draft' is below the blank line, so it is the file's text, "
            "not read as Status, and the file would be published: move it up into the front "
            "matter, above the blank line"
        ], name
    # nothing of them in any page, feed, sitemap or photo's page
    output = output_of(tmp_path)
    assert files_with(output) == []
    assert not (output / "team" / "lee-chan").exists()
    assert not list(output.rglob("a*.jpg")) and not list(output.rglob("a*.webp"))


# --- the other formats: their own way of writing a key where Pelican does not read it ------


def rst_post(slug: str, extra: str) -> str:
    """A reStructuredText post carrying SECRET and SLUG, ``extra`` from line 11 on."""
    title = f"{SECRET} {slug}"
    return (
        f"{title}\n{'#' * len(title)}\n\n:date: 2024-05-01 10:00\n:category: Company\n"
        f":author: Ada Byrne\n:slug: {SLUG}{slug}\n\nThe {SECRET} plan ({slug}).\n\n{extra}"
    )


def html_post(slug: str, extra: str) -> str:
    """An HTML post carrying SECRET and SLUG, ``extra`` on line 11 of its <body>."""
    return (
        f"<html>\n<head>\n<title>{SECRET} {slug}</title>\n"
        '<meta name="date" content="2024-05-01 10:00">\n<meta name="category" content="Company">\n'
        f'<meta name="author" content="Ada Byrne">\n<meta name="slug" content="{SLUG}{slug}">\n'
        f"</head>\n<body>\n<p>The {SECRET} plan ({slug}).</p>\n{extra}\n</body>\n</html>\n"
    )


OTHER_FORMATS = {
    "posts/field-below.rst": (
        rst_post("field-below", ":status: draft\n"),
        "line 11 ':status: draft' is a field of the text, below the fields under the title, so "
        "it is not read as Status, and the post would be published: move it up to the fields "
        "right under the title",
    ),
    "posts/line-below.rst": (
        rst_post("line-below", "Status: draft\n"),
        "line 11 'Status: draft' is the text, not a field, so it is not read as Status, and the "
        "post would be published: write :status: draft with the fields right under the title",
    ),
    "posts/meta-in-body.html": (
        html_post("meta-in-body", '<meta name="status" content="draft">'),
        'line 11 \'<meta name="status" content="draft">\' is outside the <head>, so it is not '
        "read as Status, and the post would be published: move it into the <head>, where "
        "Pelican reads <meta> tags",
    ),
    "posts/line-in-body.html": (
        html_post("line-in-body", "<p>Private: true</p>"),
        "line 11 'Private: true' is the text, not a <meta> tag, so it is not read as Private, "
        'and the post would be published: write <meta name="private" content="true"> in the '
        "<head>",
    ),
}
# shown as written, on purpose: code, and prose that only starts like a key
SHOWN_AS_WRITTEN = {
    "posts/rst-code.rst": rst_post("rst-code", "Front matter::\n\n   :status: draft\n"),
    "posts/rst-prose.rst": rst_post("rst-prose", ":secret: the trick is the hinge\n"),
    "posts/html-code.html": html_post("html-code", "<pre>\nStatus: draft\n</pre>"),
}


def test_a_keep_out_key_where_rst_or_html_does_not_read_it_keeps_the_post_out(
    build_site, tmp_path, caplog
):
    # Markdown's keep-out lines were named anywhere in the text; a reST field below the
    # title's and an HTML <meta> in the <body> were published, the line shown as text
    files = {name: text for name, (text, _) in OTHER_FORMATS.items()}
    errors = build_failing(build_site, files, caplog, "formats", publishing=True)
    for name, (_, line) in OTHER_FORMATS.items():
        assert errors.get(name.rsplit("/", 1)[-1]) == [line], name
    assert files_with(output_of(tmp_path)) == []


def test_code_and_prose_in_rst_and_html_are_not_keep_out_lines(build_site, caplog):
    site, status = publish(build_site, SHOWN_AS_WRITTEN, caplog, "shown-formats")
    assert status == 0, said(caplog, logging.ERROR)
    for slug in ("rst-code", "rst-prose", "html-code"):
        assert site.exists(f"posts/{SLUG}{slug}/"), slug
