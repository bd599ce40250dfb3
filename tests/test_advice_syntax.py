"""Advice a writer copies is safe to follow literally, in every kind of post file: a key is
advised as the file writes one (``:slug:`` in reStructuredText, ``<meta name="save_as">`` in
HTML, where a Markdown ``Slug:`` line is the post's text), and a YAML value's fix quotes the
line's own key and whole value. Each build test follows the advice as written (applies the
example to the file and builds again): the line is gone and the post's text is whole.
"""

import io
import logging
import re

import pytest
import yaml
from PIL import Image

from plugins.blogcore import repeats
from plugins.engine import keysyntax
from plugins.galleries import model as galleries_model
from plugins.i18n import scripts
from tests.test_galleries_moves import make_content
from tests.test_galleries_site import build as build_galleries
from tests.test_i18n_scripts import FRENCH
from tests.test_team_site import PLUGINS as TEAM_PLUGINS

WORDS = "A few words of the post, every one of them kept."
LONG = "and then the long road north, which took us the better part of a year to walk"


def lines_naming(caplog, path: str) -> list[str]:
    """The lines the build printed that name the file ``path`` (warnings and errors)."""
    messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    return [m for m in messages if f"/{path}" in m]


def the_line(build_site, caplog, path: str, text: str, name: str) -> str:
    """The one line a build of the site with the file ``path`` holding ``text`` says of it."""
    caplog.set_level(logging.WARNING)
    build_site({path: text}, name=name)
    [said] = lines_naming(caplog, path)
    return said


def rebuilt(build_site, caplog, path: str, text: str, name: str):
    """The site built again with the file's text as the writer changed it."""
    caplog.clear()
    return build_site({path: text}, name=name)


def body_text(site, address: str) -> str:
    """The post's own text on its page (its ``.post-content``), whitespace folded."""
    return " ".join(site.soup(address).select_one(".post-content").get_text(" ").split())


@pytest.mark.parametrize(
    ("key", "syntax", "value", "written"),
    [
        ("Save_as", "markdown", "x/index.html", "Save_as: x/index.html"),
        ("Save_as", "rst", "x/index.html", ":save_as: x/index.html"),
        ("Save_as", "html", "x/index.html", '<meta name="save_as" content="x/index.html">'),
        ("Title", "html", 'Tom & "Jerry"', '<title>Tom &amp; "Jerry"</title>'),
        (
            "Summary",
            "html",
            'Tom & "Jerry"',
            '<meta name="summary" content="Tom &amp; &quot;Jerry&quot;">',
        ),
        ("Slug", "rst", None, ":slug:"),
        ("Slug", "markdown", None, "Slug:"),
        ("Template", "html", None, '<meta name="template">'),
        ("Status", "toml", "draft", 'status = "draft"'),
        ("Draft", "toml", "true", "draft = true"),
        ("Date", "toml", "2025-03-14", "date = 2025-03-14"),
        ("Date", "toml", "2025-03-14 09:30", 'date = "2025-03-14 09:30"'),  # no TOML time
    ],
)
def test_a_key_is_written_as_its_file_writes_one(key, syntax, value, written):
    assert keysyntax.key_as_written(key, syntax, value) == written


@pytest.mark.parametrize(
    ("name", "syntax"),
    [
        ("content/posts/x.rst", "rst"),
        ("content/posts/X.HTM", "html"),
        ("posts/x.html", "html"),
        ("posts/x.md", "markdown"),
        ("posts/x.markdown", "markdown"),
        ("rst", "rst"),
        ("markdown", "markdown"),
        ("html", "html"),
    ],
)
def test_a_files_syntax_is_read_from_its_name_or_its_readers_format(name, syntax):
    assert keysyntax.syntax_of(name) == syntax


@pytest.mark.parametrize(
    ("name", "text", "syntax"),
    [
        ("posts/x.md", '+++\ntitle = "T"\n+++\n', "toml"),
        ("posts/x.md", '\ufeff+++\r\ntitle = "T"\r\n+++\r\n', "toml"),
        ("posts/x.md", "---\ntitle: T\n---\n", "markdown"),  # YAML takes Markdown's lines
        ("posts/x.rst", "+++\n", "rst"),
    ],
)
def test_a_markdown_files_toml_front_matter_is_its_own_syntax(name, text, syntax):
    assert keysyntax.syntax_of_text(name, text) == syntax


@pytest.mark.parametrize(
    ("paths", "article", "said"),
    [
        (["a.md"], "a", "a Date: line"),
        (["a.rst"], "no", "no :date: field"),
        (["a.html"], "a", 'a <meta name="date"> tag'),
        (
            ["a.md", "b.md", "c.rst"],
            "a",
            "a Date: line in a Markdown file, a :date: field in a .rst file",
        ),
    ],
)
def test_a_key_to_add_is_named_for_each_syntax_of_the_files(paths, article, said):
    assert keysyntax.a_key("Date", paths, article) == said


@pytest.mark.parametrize(
    ("paths", "said"),
    [
        (["a.md"], "no Lang: line or Slug: line"),
        (["a.rst"], "no :lang: field or :slug: field"),
        # was "no Lang: line in a Markdown file, no :lang: field in a .rst file or Slug: line
        # in a Markdown file, no :slug: field in a .rst file" (the first "no " cut back)
        (
            ["a.md", "b.rst"],
            "no Lang: line or Slug: line in a Markdown file, no :lang: field or :slug: field in "
            "a .rst file",
        ),
    ],
)
def test_either_of_two_keys_is_named_for_each_syntax_of_the_files(paths, said):
    assert keysyntax.a_key(("Lang", "Slug"), paths, "no") == said


@pytest.mark.parametrize(
    ("paths", "said"),
    [
        (["a.md", "b.markdown"], "Author: lines"),
        (["a.rst", "b.rst"], "an :author: field to each"),
        (
            ["a.md", "b.html"],
            'an Author: line in a Markdown file, a <meta name="author"> tag in an .html file to '
            "each",
        ),
    ],
)
def test_keys_to_add_to_many_files_are_named_for_their_syntax(paths, said):
    assert keysyntax.lines_for_each("Author", paths) == said


@pytest.mark.parametrize(
    "value", ['C# tips #1 "best"', "Our move: part 2", "back\\slash", "“smart”"]
)
def test_a_yaml_quoted_value_reads_back_whole(value):
    assert yaml.safe_load(f"title: {keysyntax.yaml_quoted(value)}") == {"title": value}


def test_an_rst_posts_slug_advice_is_an_rst_field(build_site, caplog):
    # the advice was "try Slug: our-move": in a .rst file that line is the first paragraph
    fields = ":date: 2025-03-14\n:category: Company\n:author: Ada Byrne\n:slug: our move"
    text = f"Our move\n########\n\n{fields}\n\n{WORDS}\n"
    said = the_line(build_site, caplog, "posts/move.rst", text, "rst-slug")
    advised = said.split("; try ", 1)[1]
    site = rebuilt(
        build_site, caplog, "posts/move.rst", text.replace(":slug: our move", advised), "rst-slug-2"
    )
    assert lines_naming(caplog, "posts/move.rst") == []
    assert body_text(site, "posts/our-move/") == WORDS
    assert advised == ":slug: our-move"


def test_an_rst_title_of_no_letter_is_told_to_add_a_slug_field(build_site, caplog):
    # "add a Slug: line with letters or digits": in a .rst file, the post's first paragraph
    fields = ":date: 2025-03-14\n:category: Company\n:author: Ada Byrne"
    text = f"\u2014\u2014\u2014\n######\n\n{fields}\n\n{WORDS}\n"
    said = the_line(build_site, caplog, "posts/dashes.rst", text, "rst-title")
    advised = re.search(r"add an? (\S+) (?:line|field|tag) with letters or digits", said)
    assert advised, said
    followed = text.replace(fields, f"{fields}\n{advised[1]} about-dashes")
    site = rebuilt(build_site, caplog, "posts/dashes.rst", followed, "rst-title-2")
    assert lines_naming(caplog, "posts/dashes.rst") == []
    assert body_text(site, "posts/about-dashes/") == WORDS


def test_an_html_posts_url_without_save_as_is_told_in_meta_tags(build_site, caplog):
    # it was told to write "Save_as: why-us/index.html": in an HTML file, text of no <head>
    text = (
        '<html><head><title>Why us</title><meta name="date" content="2025-03-14">'
        '<meta name="category" content="Company"><meta name="author" content="Ada Byrne">'
        '<meta name="url" content="why-us"></head>'
        f"<body><p>{WORDS}</p></body></html>\n"
    )
    said = the_line(build_site, caplog, "posts/why.html", text, "html-url")
    advised = re.search(r"too \((.*) for <", said)
    assert advised, said
    assert advised[1] == '<meta name="save_as" content="why-us/index.html">'
    followed = text.replace("</head>", advised[1] + "</head>")
    site = rebuilt(build_site, caplog, "posts/why.html", followed, "html-url-2")
    assert lines_naming(caplog, "posts/why.html") == []
    assert body_text(site, "why-us/") == WORDS


def test_an_rst_404_page_is_told_to_add_its_save_as_as_a_field(build_site, caplog):
    text = f"Not found\n#########\n\n:template: 404\n\n{WORDS}\n"
    said = the_line(build_site, caplog, "pages/gone.rst", text, "rst-404")
    advised = re.search(r"remove the (.*?) field and add (.*?) \(docs", said)
    assert advised, said
    assert advised[1] == ":template:"
    assert "move the file" not in said  # a page is in content/pages/ already
    followed = text.replace(":template: 404", advised[2])
    site = rebuilt(build_site, caplog, "pages/gone.rst", followed, "rst-404-2")
    assert lines_naming(caplog, "pages/gone.rst") == []
    assert WORDS in " ".join(site.soup("404.html").get_text(" ").split())


def yaml_post(title_line: str) -> str:
    """A post whose front matter between --- lines has ``title_line`` as its first line."""
    keys = "date: 2025-03-14\ncategory: Company\nauthor: Ada Byrne"
    return f"---\n{title_line}\n{keys}\n---\n\n{WORDS}\n"


def followed_yaml(build_site, caplog, name: str, title_line: str, after: str):
    """A post whose first key line is ``title_line`` built, then built again with that line
    replaced by the example its one line gives after ``after``: the example, and the site."""
    said = the_line(build_site, caplog, "posts/p.md", yaml_post(title_line), name)
    advised = said.split(after, 1)[1]
    site = rebuilt(build_site, caplog, "posts/p.md", yaml_post(advised), f"{name}-2")
    assert lines_naming(caplog, "posts/p.md") == []
    return advised, site


def test_a_yaml_value_with_a_colon_is_told_quoted_whole_with_its_own_key(build_site, caplog):
    # the example was title: "Ask us: anything": copied, it replaced the post's title
    line = "title: Our move: part 2"
    advised, site = followed_yaml(build_site, caplog, "yaml-colon", line, "goes in quotes: ")
    page = site.soup("posts/our-move-part-2/")
    assert page.select_one("article h1").get_text(" ", strip=True) == "Our move: part 2"
    assert body_text(site, "posts/our-move-part-2/") == WORDS
    assert advised == 'title: "Our move: part 2"'


def test_a_long_yaml_value_is_told_what_to_do_without_a_shortened_example(build_site, caplog):
    title = f"Our move: {LONG}"
    said = the_line(build_site, caplog, "posts/long.md", yaml_post(f"title: {title}"), "yaml-long")
    assert "…" not in said
    assert 'title: "' not in said  # no literal example to copy, whole or cut
    assert "put the whole value of title in double quotes" in said
    followed = yaml_post(f'title: "{title}"')  # as the line says, by hand
    site = rebuilt(build_site, caplog, "posts/long.md", followed, "yaml-long-2")
    assert lines_naming(caplog, "posts/long.md") == []
    assert heading_of(site, "Our move") == title


def test_a_yaml_comment_after_a_value_is_told_quoted_with_its_quotes_escaped(build_site, caplog):
    # the example was title: "C# tips #1 "best"", which YAML refuses
    line = 'title: C# tips #1 "best"'
    advised, site = followed_yaml(build_site, caplog, "yaml-hash", line, "quote the value: ")
    heading = site.soup("posts/c-tips-1-best/").select_one("article h1")
    assert heading.get_text(" ", strip=True) == 'C# tips #1 "best"'
    assert body_text(site, "posts/c-tips-1-best/") == WORDS
    assert advised == 'title: "C# tips #1 \\"best\\""'


def test_a_toml_value_without_quotes_is_told_quoted_whole_with_its_own_key(build_site, caplog):
    # the example was title = "Our news": copied, it replaced the post's title
    def toml_post(title_line: str) -> str:
        keys = 'date = 2025-03-14\ncategory = "Company"\nauthor = "Ada Byrne"'
        return f"+++\n{title_line}\n{keys}\n+++\n\n{WORDS}\n"

    said = the_line(build_site, caplog, "posts/arms.md", toml_post("title = DUM-E and U"), "toml")
    advised = said.split("text goes in quotes (", 1)[1].removesuffix(")")
    site = rebuilt(build_site, caplog, "posts/arms.md", toml_post(advised), "toml-2")
    assert lines_naming(caplog, "posts/arms.md") == []
    heading = site.soup("posts/dum-e-and-u/").select_one("article h1")
    assert heading.get_text(" ", strip=True) == "DUM-E and U"
    assert body_text(site, "posts/dum-e-and-u/") == WORDS


def test_a_long_value_under_a_misspelt_key_is_kept_whole_in_the_advice(build_site, caplog):
    # "write Summary: and then the long road north, which took us t…": copied, it lost words
    keys = "Title: North\nDate: 2025-03-14\nCategory: Company\nAuthor: Ada Byrne"
    text = f"{keys}\nPage summary: {LONG}\n\n{WORDS}\n"
    said = the_line(build_site, caplog, "posts/north.md", text, "md-key")
    assert "…" not in said
    advised = re.search(
        r"\(write (\S+) in place of '([^']+)', the rest of the line as it is\)", said
    )
    assert advised, said
    site = rebuilt(
        build_site, caplog, "posts/north.md", text.replace(advised[2], advised[1]), "md-key-2"
    )
    assert lines_naming(caplog, "posts/north.md") == []
    description = site.soup("posts/north/").select_one('meta[name="description"]')
    assert description["content"] == LONG
    assert body_text(site, "posts/north/") == WORDS


def test_a_quoted_example_is_valid_yaml_for_every_value():
    from plugins.blogcore import yamlvalues

    for value in ['say "hi": now', "a\\b: c", "plain: one"]:
        line = yamlvalues._quote_it(f"title: {value}")
        assert yaml.safe_load(line) == {"title": value}, line


def test_a_category_list_in_rst_is_told_in_fields():
    from plugins.blogcore.frontmatter import category_list

    said = category_list("Linux, EXT, Filesystems", (), "rst")
    assert said.endswith(
        "write one (:category: Linux) and put the others in :tags: (EXT, Filesystems)"
    )


# "; write <the line to copy> (no brackets)": the example, without where it goes
LIST_FIX = re.compile(
    r"; write (.*) \((?:no brackets|in place of the key's line and its - lines)\)"
)
# "(write <the line to copy> instead)"
INSTEAD = re.compile(r"\(write (.*) instead\)")


def followed(build_site, caplog, path: str, text: str, written: str, advice: re.Pattern, name: str):
    """The file ``path`` holding ``text`` built, then built again with ``written`` replaced by
    the example its one line gives (``advice``'s first group), and no line said of it again:
    the example, and the site."""
    said = the_line(build_site, caplog, path, text, name)
    advised = advice.search(said)
    assert advised, said
    site = rebuilt(build_site, caplog, path, text.replace(written, advised[1]), f"{name}-2")
    assert lines_naming(caplog, path) == []
    return advised[1], site


def heading_of(site, start: str) -> str:
    """The text of the one post heading on the site that starts with ``start``."""
    [heading] = [
        h
        for p in site.files(".html")
        for h in [site.soup(str(p.relative_to(site.output))).select_one("article h1")]
        if h and h.get_text(strip=True).startswith(start)
    ]
    return heading.get_text(" ", strip=True)


@pytest.mark.parametrize(
    ("written", "example", "title"),
    [
        # "write Title: Our move": copied, the title lost ", part 2" (YAML split it there)
        ("title: [Our move, part 2]", "title: Our move, part 2", "Our move, part 2"),
        ("title:\n  - Our move\n  - part 2", "title: Our move, part 2", "Our move, part 2"),
        (
            'title: ["Our move: why", part 2]',
            'title: "Our move: why, part 2"',
            "Our move: why, part 2",
        ),
    ],
)
def test_a_yaml_list_for_a_title_is_told_its_items_joined(
    build_site, caplog, written, example, title
):
    advised, site = followed(
        build_site, caplog, "posts/p.md", yaml_post(written), written, LIST_FIX, "yaml-list"
    )
    assert heading_of(site, "Our move") == title
    assert advised == example


def test_a_toml_list_for_a_title_is_told_its_items_joined(build_site, caplog):
    keys = 'date = 2025-03-14\ncategory = "Company"\nauthor = "Ada Byrne"'
    text = f'+++\ntitle = ["Our move", "part 2"]\n{keys}\n+++\n\n{WORDS}\n'
    written = 'title = ["Our move", "part 2"]'
    advised, site = followed(build_site, caplog, "posts/p.md", text, written, LIST_FIX, "toml-list")
    heading = site.soup("posts/our-move-part-2/").select_one("article h1")
    assert heading.get_text(" ", strip=True) == "Our move, part 2"
    assert body_text(site, "posts/our-move-part-2/") == WORDS
    assert advised == 'title = "Our move, part 2"'


def test_a_yaml_category_list_keeps_the_others_as_tags(build_site, caplog):
    # "write Category: Linux": copied, EXT was dropped from the post
    keys = "title: Disks\ndate: 2025-03-14\nauthor: Ada Byrne"
    text = f"---\n{keys}\ncategory: [Linux, EXT]\n---\n\n{WORDS}\n"
    said = the_line(build_site, caplog, "posts/p.md", text, "yaml-category")
    advised = re.search(
        r"; write (.*) \(no brackets\) and put the others in the post's tags \((.*)\)", said
    )
    assert advised, said
    followed = text.replace("category: [Linux, EXT]", f"{advised[1]}\ntags: [{advised[2]}]")
    site = rebuilt(build_site, caplog, "posts/p.md", followed, "yaml-category-2")
    assert lines_naming(caplog, "posts/p.md") == []
    page = site.soup("posts/disks/")
    kept = {a.get_text(" ", strip=True) for a in page.select("article a[href]")}
    assert {"Linux", "EXT"} <= kept, kept
    assert body_text(site, "posts/disks/") == WORDS


@pytest.mark.parametrize(
    "written", ["date: [2025-03-14, 2025-04-01]", "slug: [our-move, move]", 'slug = ["a", "b"]']
)
def test_a_list_for_a_key_of_one_value_has_no_example_that_drops_items(written):
    from plugins.blogcore import fenced
    from plugins.blogcore.frontmatter import KNOWN_KEYS

    fence = "+++" if " = " in written else "---"
    with pytest.raises(fenced.FencedFrontMatterError) as caught:
        fenced.read([fence, written, fence], KNOWN_KEYS)
    said = str(caught.value)
    assert "choose the one it is" in said
    assert not re.search(r"write \w+ ?[:=] \S", said), said  # no line to copy, so none cut


RST_KEYS = ":date: 2025-03-14\n:category: Company\n:author: Ada Byrne"
HTML_HEAD = (
    '<title>Kept back</title><meta name="date" content="2025-03-14">'
    '<meta name="category" content="Company"><meta name="author" content="Ada Byrne">'
)
TOML_KEYS = 'title = "Kept back"\ndate = 2025-03-14\ncategory = "Company"\nauthor = "Ada Byrne"'


@pytest.mark.parametrize(
    ("path", "text", "written"),
    [
        # "write Status: draft instead": in a .rst file, the post's first paragraph
        (
            "posts/k.rst",
            f"Kept back\n#########\n\n{RST_KEYS}\n:published: false\n\n{WORDS}\n",
            ":published: false",
        ),
        (
            "posts/k.rst",
            f"Kept back\n#########\n\n{RST_KEYS}\n:expirydate: 2020-01-01\n\n{WORDS}\n",
            ":expirydate: 2020-01-01",
        ),
        # in an HTML file, text of the <body>
        (
            "posts/k.html",
            f'<html><head>{HTML_HEAD}<meta name="draft" content="true"></head>'
            f"<body><p>{WORDS}</p></body></html>\n",
            '<meta name="draft" content="true">',
        ),
        # in a +++ block, a line TOML refuses: the post left out with an error
        ("posts/k.md", f"+++\n{TOML_KEYS}\ndraft = true\n+++\n\n{WORDS}\n", "draft = true"),
    ],
)
def test_another_engines_keep_out_key_is_told_our_status_as_the_file_writes_it(
    build_site, caplog, path, text, written
):
    _, site = followed(build_site, caplog, path, text, written, INSTEAD, "keep-out")
    assert body_text(site, "drafts/posts/kept-back/") == WORDS  # still kept out, text whole
    assert not (site.output / "posts" / "kept-back").exists()


def test_a_toml_post_without_a_date_is_told_it_in_toml(build_site, caplog):
    # "add one such as Date: 2025-03-14": between +++ lines, not TOML
    keys = TOML_KEYS.replace("date = 2025-03-14\n", "")
    text = f"+++\n{keys}\n+++\n\n{WORDS}\n"
    said = the_line(build_site, caplog, "posts/k.md", text, "toml-date")
    advised = re.search(r"add one such as (.*) between its \+\+\+ lines", said)
    assert advised, said
    followed = text.replace("\n+++\n\n", f"\n{advised[1]}\n+++\n\n")
    site = rebuilt(build_site, caplog, "posts/k.md", followed, "toml-date-2")
    assert lines_naming(caplog, "posts/k.md") == []
    assert body_text(site, "posts/kept-back/") == WORDS


@pytest.mark.parametrize(
    ("byline", "signers"),
    [
        # "write 'Authors: Ada Byrne, Bo Lindqvist'": in a .rst file, the first paragraph
        ("Ada Byrne and Bo Lindqvist", ["ada-byrne", "bo-lindqvist"]),
        # "write 'Author: Ada Byrne'", the same
        ("Ada Byrne <ada@example.org>", ["ada-byrne"]),
    ],
)
def test_an_rst_posts_author_advice_is_an_rst_field(build_site, caplog, byline, signers):
    fields = f":date: 2025-03-14\n:category: Company\n:author: {byline}"
    text = f"Signed\n######\n\n{fields}\n\n{WORDS}\n"
    written, quoted = f":author: {byline}", re.compile(r"write '([^']*)'")
    _, site = followed(build_site, caplog, "posts/signed.rst", text, written, quoted, "rst-author")
    assert body_text(site, "posts/signed/") == WORDS
    metas = site.soup("posts/signed/").select('meta[property="article:author"]')
    assert [m["content"].rstrip("/").rsplit("/", 1)[1] for m in metas] == signers


@pytest.mark.parametrize(
    ("path", "text", "written"),
    [
        # "write Redirect_from: /2019/kept.html instead": in a .rst file, its first paragraph
        (
            "posts/k.rst",
            f"Kept back\n#########\n\n{RST_KEYS}\n:aliases: /2019/kept.html\n\n{WORDS}\n",
            ":aliases: /2019/kept.html",
        ),
        # between +++ lines, not TOML
        (
            "posts/k.md",
            f'+++\n{TOML_KEYS}\naliases = ["/2019/kept.html"]\n+++\n\n{WORDS}\n',
            'aliases = ["/2019/kept.html"]',
        ),
    ],
)
def test_hugos_aliases_are_told_redirect_from_as_the_file_writes_it(
    build_site, caplog, path, text, written
):
    _, site = followed(build_site, caplog, path, text, written, INSTEAD, "aliases")
    assert body_text(site, "posts/kept-back/") == WORDS
    assert (site.output / "2019" / "kept.html").is_file()  # the old link still leads here


def test_a_folders_misspelt_rst_field_is_told_as_a_field(build_site, caplog):
    # "write Modified: in place of Modifed: in them": in .rst files, their first paragraph
    posts = {
        f"posts/r{n}.rst": f"Post {n}\n######\n\n{RST_KEYS}\n:modifed: 2025-04-01\n\n{WORDS}\n"
        for n in range(7)
    }
    caplog.set_level(logging.WARNING)
    build_site(posts, name="rst-fold")
    [said] = [m for m in caplog.messages if "Modifed" in m]
    advised = re.search(r"write (\S+) in place of (\S+) in them", said)
    assert advised, said
    followed = {path: text.replace(advised[2], advised[1]) for path, text in posts.items()}
    caplog.clear()
    site = build_site(followed, name="rst-fold-2")
    assert [m for m in caplog.messages if "/posts/r" in m or "rst-fold-2/posts/:" in m] == []
    assert body_text(site, "posts/post-3/") == WORDS
    assert site.soup("posts/post-3/").select_one("time.dt-updated, time[itemprop=dateModified]")


@pytest.mark.parametrize(
    "written",
    [
        # "write Authors: Ada Byrne, Bo Lindqvist (no brackets)", and TOML's
        # 'write authors = ["Ada Byrne", "Bo Lindqvist"] (no brackets)' with its brackets
        "author: [Ada Byrne, Bo Lindqvist]",
        "author:\n  - Ada Byrne\n  - Bo Lindqvist",
        'author = ["Ada Byrne", "Bo Lindqvist"]',
    ],
)
def test_a_list_of_authors_is_told_authors_with_every_name(build_site, caplog, written):
    fence = "+++" if " = " in written else "---"
    keys = (
        'title = "Signed"\ndate = 2025-03-14\ncategory = "Company"'
        if fence == "+++"
        else "title: Signed\ndate: 2025-03-14\ncategory: Company"
    )
    text = f"{fence}\n{keys}\n{written}\n{fence}\n\n{WORDS}\n"
    whole = re.compile(r"; write (.*?)(?: \(in place of the key's line and its - lines\))?$")
    _, site = followed(build_site, caplog, "posts/p.md", text, written, whole, "authors")
    metas = site.soup("posts/signed/").select('meta[property="article:author"]')
    signers = [m["content"].rstrip("/").rsplit("/", 1)[1] for m in metas]
    assert signers == ["ada-byrne", "bo-lindqvist"]
    assert body_text(site, "posts/signed/") == WORDS


@pytest.mark.parametrize(
    ("path", "text", "written"),
    [
        # "(did you mean 'draft'? a post kept out says Status: draft)": in a .rst file, text
        (
            "posts/k.rst",
            f"Kept back\n#########\n\n{RST_KEYS}\n:status: unpublished\n\n{WORDS}\n",
            ":status: unpublished",
        ),
        (
            "posts/k.html",
            f'<html><head>{HTML_HEAD}<meta name="status" content="unpublished"></head>'
            f"<body><p>{WORDS}</p></body></html>\n",
            '<meta name="status" content="unpublished">',
        ),
    ],
)
def test_a_word_for_keep_out_is_told_our_status_as_the_file_writes_it(
    build_site, caplog, path, text, written
):
    says = re.compile(r"a post kept out says (.*)\)")
    _, site = followed(build_site, caplog, path, text, written, says, "status-word")
    assert body_text(site, "drafts/posts/kept-back/") == WORDS
    assert not (site.output / "posts" / "kept-back").exists()


def _jpeg() -> bytes:
    """A small JPEG, a post's cover."""
    data = io.BytesIO()
    Image.new("RGB", (320, 180), (160, 60, 20)).save(data, "JPEG")
    return data.getvalue()


@pytest.mark.parametrize(
    ("path", "text", "written"),
    [
        # "take it out of the Summary: line": a .rst post has no such line, its :summary: field
        (
            "posts/k.rst",
            f"Kept back\n#########\n\n{RST_KEYS}\n:summary: |ktec| A visit.\n\n"
            ".. |ktec| image:: /images/ktec.jpg\n   :alt: KTec\n\n"
            f".. image:: /images/ktec.jpg\n   :alt: KTec\n\n{WORDS}\n",
            ":summary: |ktec| A visit.",
        ),
        (
            "posts/k.html",
            f"<html><head>{HTML_HEAD}"
            '<meta name="summary" content="&lt;img src=&quot;/images/ktec.jpg&quot;&gt; A visit.">'
            f'</head><body><p><img src="/images/ktec.jpg" alt="KTec"></p><p>{WORDS}</p></body>'
            "</html>\n",
            '<meta name="summary" content="&lt;img src=&quot;/images/ktec.jpg&quot;&gt; A visit.">',
        ),
    ],
)
def test_a_summary_holding_the_cover_is_told_its_key_as_the_file_writes_it(
    build_site, caplog, path, text, written
):
    caplog.set_level(logging.WARNING)
    files = {path: text, "images/ktec.jpg": _jpeg()}
    build_site(files, name="cover-summary")
    [said] = lines_naming(caplog, path)
    advised = re.search(r"take it out of the (.*) (?:line|field|tag)$", said)
    assert advised, said
    assert written.startswith(advised[1].rstrip(">"))  # the key the post writes
    taken = (
        ":summary: A visit."
        if path.endswith(".rst")
        else '<meta name="summary" content="A visit.">'
    )
    caplog.clear()
    site = build_site({**files, path: text.replace(written, taken)}, name="cover-summary-2")
    assert lines_naming(caplog, path) == []
    assert WORDS in body_text(site, "posts/kept-back/")


@pytest.mark.parametrize(
    ("files", "said"),
    [
        (["old/e.md", "old/f.md"], "have an empty Slug: line"),
        (["old/e.rst", "old/f.rst"], "have an empty :slug: field"),
        (["old/e.html"], 'have an empty <meta name="slug"> tag'),
        (
            ["old/e.md", "old/f.rst"],
            "have an empty Slug: line in a Markdown file, an empty :slug: field in a .rst file",
        ),
    ],
)
def test_a_folders_empty_key_is_named_as_its_files_write_it(files, said):
    # "have an empty Slug: line" of .rst files, whose key is a field
    line = repeats.folder_message("content/old", f"Slug{repeats.EMPTY}", files, True, "fix")
    assert f" files {said} (" in line


REVIEWED = ("Odile Marchetti", "Piet Vanrooy", "Quilla Ashdown", "Rafe Ingleby", "Sunniva Holt")


def test_a_folder_of_rst_reviews_is_told_the_book_authors_key_as_a_field(build_site, caplog):
    # "in place of Author:, such as Book_author:": in a .rst post, its first paragraph
    reviews = {
        f"posts/reviews/r{n}.rst": f"On book {n}\n#########\n\n:date: 2024-01-0{n + 1}\n"
        f":category: Reading\n:author: {name}\n\n{WORDS}\n"
        for n, name in enumerate((*REVIEWED, "Tobiah Wrenfield"))
    }
    caplog.set_level(logging.WARNING)
    build_site(reviews, name="rst-reviews", PLUGINS=TEAM_PLUGINS)
    [said] = [m for m in caplog.messages if "have no team file" in m]
    advised = re.search(r"names in (\S+) have .* in place of (\S+), such as (\S+), listed", said)
    assert advised, said
    assert advised[1] == advised[2] == ":author:"
    kept = advised[3].strip(":")
    followed = {
        path: text.replace(advised[2], f"{advised[2]} Ada Byrne\n{advised[3]}")
        for path, text in reviews.items()
    }
    caplog.clear()
    site = build_site(
        followed, name="rst-reviews-2", PLUGINS=TEAM_PLUGINS, BLOGCORE_KEPT_KEYS=[kept]
    )
    assert [m for m in caplog.messages if "rst-reviews-2/posts/reviews" in m] == []
    assert body_text(site, "posts/on-book-0/") == WORDS
    names = [
        a.get_text(strip=True)
        for a in site.soup("posts/on-book-0/").select(".author-card__person h3 a")
    ]
    assert names == ["Ada Byrne"]


@pytest.mark.parametrize(
    ("written", "advice", "address"),
    [
        # "try Slug: our-move": between +++ lines, not TOML (the build stopped reading the keys)
        ('slug = "our move"', re.compile(r"; try (.*)$"), "posts/our-move/"),
        # "give Save_as too (Save_as: why-us/index.html for Url: why-us/)", the same
        ('url = "why-us"', re.compile(r"too \((.*) for "), "why-us/"),
    ],
)
def test_a_toml_posts_address_advice_is_toml(build_site, caplog, written, advice, address):
    text = f"+++\n{TOML_KEYS}\n{written}\n+++\n\n{WORDS}\n"
    example, site = followed(
        build_site, caplog, "posts/t.md", text, written, advice, "toml-address"
    )
    if written.startswith("url"):  # the advice is to add the key: the Url stays
        site = rebuilt(
            build_site,
            caplog,
            "posts/t.md",
            text.replace(written, f"{written}\n{example}"),
            "toml-address-3",
        )
        assert lines_naming(caplog, "posts/t.md") == []
    assert body_text(site, address) == WORDS


@pytest.mark.parametrize(
    ("path", "metadata", "syntax"),
    [
        # a +++ post's name says Markdown: the reader's mark says TOML (no second read)
        ("content/posts/t.md", {keysyntax.WRITTEN_IN: "toml"}, "toml"),
        ("content/posts/t.md", {"title": "T"}, "markdown"),
        ("content/posts/t.rst", {}, "rst"),
        ("content/posts/t.md", None, "markdown"),  # no metadata: its name
    ],
)
def test_a_posts_shown_path_knows_the_syntax_the_reader_marked(path, metadata, syntax):
    shown = keysyntax.as_written(path, metadata)
    assert shown == path and f"{shown}" == path  # the path itself in every line
    assert keysyntax.syntax_of(shown) == syntax


def test_a_marked_path_names_its_key_in_toml_among_other_files():
    toml = keysyntax.Shown("old/t.md", keysyntax.TOML)
    assert keysyntax.key_in_files("Lang", [toml], "fr") == 'lang = "fr"'
    assert keysyntax.key_in_files("Lang", [toml, "old/r.rst"], "fr") == (
        'lang = "fr" in a file with +++ front matter, :lang: fr in a .rst file'
    )


# a French post on an English site: without a Lang of its own, it is read as English
FRENCH_POSTS = {
    # {key}: where a key the writer adds goes (its fields, its <head>, its +++ block)
    "rst": (
        "posts/ateliers.rst",
        "Les ateliers\n############\n\n:date: 2025-03-14\n:category: Company\n"
        ":author: Ada Byrne{key}\n\n" + FRENCH + "\n",
    ),
    "html": (
        "posts/ateliers.html",
        '<html><head><title>Les ateliers</title><meta name="date" content="2025-03-14">'
        '<meta name="category" content="Company"><meta name="author" content="Ada Byrne">'
        "{key}</head><body><p>" + FRENCH + "</p></body></html>\n",
    ),
    "toml": (
        "posts/ateliers.md",
        '+++\ntitle = "Les ateliers"\ndate = 2025-03-14\ncategory = "Company"\n'
        'author = "Ada Byrne"{key}\n+++\n\n' + FRENCH + "\n",
    ),
}
WRITTEN_EN = {
    "rst": "\n:lang: en",
    "html": '<meta name="lang" content="en">',
    "toml": '\nlang = "en"',
}


@pytest.mark.parametrize(
    ("syntax", "written"),
    [
        # "add Lang: fr, or set DEFAULT_LANG": in a .rst file, the post's first paragraph
        ("rst", False),
        ("html", False),  # text of the <body>
        ("toml", False),  # between +++ lines, not TOML: the post was refused
        # "correct it (Lang: fr)", the same
        ("rst", True),
        ("toml", True),
    ],
)
def test_a_post_in_another_language_is_told_its_lang_as_the_file_writes_it(
    build_site, caplog, syntax, written
):
    path, text = FRENCH_POSTS[syntax]
    before = WRITTEN_EN[syntax] if written else ""
    said = the_line(build_site, caplog, path, text.format(key=before), f"lang-{syntax}")
    advice = r"correct it \((.*)\)$" if written else r"; add (.*), or set DEFAULT_LANG"
    advised = re.search(advice, said)
    assert advised, said
    # a key of its own line in .rst and TOML, a tag in the <head>
    added = advised[1] if syntax == "html" else f"\n{advised[1]}"
    site = rebuilt(build_site, caplog, path, text.format(key=added), f"lang-{syntax}-2")
    assert lines_naming(caplog, path) == []
    page = site.soup("fr/posts/les-ateliers/")
    assert page.html["lang"] == "fr"
    assert body_text(site, "fr/posts/les-ateliers/") == " ".join(FRENCH.split())


def test_a_folder_of_rst_posts_in_another_language_is_told_lang_fields():
    wrong = scripts.Mismatch("Hani", "en", "zh")
    found = [(f"content/posts/p{n}.rst", wrong, False) for n in range(6)]
    [said] = scripts.lines(found)
    assert said.endswith("else add :lang: zh to each")


@pytest.mark.parametrize(
    ("byline", "signers"),
    [
        # "write 'Authors: Ada Byrne, Bo Lindqvist'": between +++ lines, not TOML
        ("Ada Byrne and Bo Lindqvist", ["ada-byrne", "bo-lindqvist"]),
        # "write 'Author: Ada Byrne'", the same
        ("Ada Byrne <ada@example.org>", ["ada-byrne"]),
    ],
)
def test_a_toml_posts_author_advice_is_toml(build_site, caplog, byline, signers):
    keys = 'title = "Signed"\ndate = 2025-03-14\ncategory = "Company"'
    written = f'author = "{byline}"'
    text = f"+++\n{keys}\n{written}\n+++\n\n{WORDS}\n"
    quoted = re.compile(r"write '([^']*)'")
    _, site = followed(build_site, caplog, "posts/signed.md", text, written, quoted, "toml-author")
    assert body_text(site, "posts/signed/") == WORDS
    metas = site.soup("posts/signed/").select('meta[property="article:author"]')
    assert [m["content"].rstrip("/").rsplit("/", 1)[1] for m in metas] == signers


GALLERY_POSTS = {
    "rst": (
        "four-days.rst",
        "Four days away\n##############\n\n:date: 2025-05-03 10:00\n:category: Company\n"
        ":author: Ada Byrne\n:slug: four-days\n{key}\n\nSome words about the days.\n",
        ":gallery: {photo}offsite",
    ),
    "html": (
        "four-days.html",
        '<html><head><title>Four days away</title><meta name="date" content="2025-05-03 10:00">'
        '<meta name="category" content="Company"><meta name="author" content="Ada Byrne">'
        '<meta name="slug" content="four-days">{key}</head>'
        "<body><p>Some words about the days.</p></body></html>\n",
        '<meta name="gallery" content="{photo}offsite">',
    ),
    "toml": (
        "four-days.md",
        '+++\ntitle = "Four days away"\ndate = 2025-05-03\ncategory = "Company"\n'
        'author = "Ada Byrne"\nslug = "four-days"\n{key}\n+++\n\nSome words about the days.\n',
        'gallery = "{photo}offsite"',
    ),
}


@pytest.mark.parametrize("syntax", ["rst", "html", "toml"])
def test_the_photos_plugins_gallery_is_told_gallery_as_the_post_writes_it(tmp_path, syntax):
    # "write Gallery: offsite": in a .rst post, its first paragraph; between +++ lines, not TOML
    name, text, written = GALLERY_POSTS[syntax]
    content = make_content(tmp_path)
    (content / "posts" / "four-days.md").unlink()
    post = content / "posts" / name
    post.write_text(text.replace("{key}", written), encoding="utf-8")
    _, log = build_galleries(tmp_path, content)
    [said] = [m for _, m in log if m.startswith(f"content/posts/{name}:")]
    advised = re.search(r": write (.*)$", said)
    assert advised, said
    post.write_text(text.replace("{key}", advised[1]), encoding="utf-8")
    site, log = build_galleries(tmp_path, content, name="out-2")
    assert [m for _, m in log if f"posts/{name}" in m] == []
    page = site.soup("posts/four-days/")
    block = page.select_one("article.post > section.gallery")
    assert block.select_one("h2").get_text(strip=True) == "Four days in the Drome"
    assert "Some words about the days." in body_text(site, "posts/four-days/")


@pytest.mark.parametrize(
    ("syntax", "advice"),
    [
        ("markdown", "write Cover: galleries/offsite/x.jpg"),
        ("rst", "write :cover: galleries/offsite/x.jpg"),
        ("html", 'write <meta name="cover" content="galleries/offsite/x.jpg">'),
        ("toml", 'write cover = "galleries/offsite/x.jpg"'),
    ],
)
def test_the_photos_plugins_image_is_told_cover_as_the_post_writes_it(syntax, advice):
    said = galleries_model.image_key(
        "{photo}offsite/x.jpg",
        "galleries",
        "content/galleries",
        lambda path: True,
        cover=False,
        page=False,
        syntax=syntax,
    )
    assert said.endswith(f": {advice}")


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # each line keysyntax builds for a +++ post, read as the sentence it ends up in: a TOML
        # key without a value was "slug =" ("give it another slug =", "no author = line")
        (keysyntax.key_as_written("Slug", "toml"), "slug"),
        (f"give it another {keysyntax.key_as_written('Slug', 'toml')}", "give it another slug"),
        (keysyntax.a_key("Author", [keysyntax.Shown("t.md", "toml")], "no"), "no author key"),
        (
            keysyntax.a_key("Summary", [keysyntax.Shown("t.md", "toml")], "an empty"),
            "an empty summary key",
        ),
        (
            keysyntax.lines_for_each("Author", [keysyntax.Shown("t.md", "toml")] * 2),
            "an author key to each",
        ),
        (keysyntax.one_key("Summary", "toml"), "a summary key"),
        (keysyntax.one_key("Summary", "rst"), "a :summary: field"),
        (keysyntax.one_key("Author", "html"), 'a <meta name="author"> tag'),
        (keysyntax.one_key("Author", "markdown"), "an Author: line"),
        (
            keysyntax.a_key("Slug", [keysyntax.Shown("t.md", "toml"), "r.rst"]),
            "a slug key in a file with +++ front matter, a :slug: field in a .rst file",
        ),
        (
            repeats.key_message(
                "Modifed", "ignored", [keysyntax.Shown(f"old/{n}.md", "toml") for n in "ab"],
                "Modified",
            ),
            "write the key modified in place of modifed in them",
        ),
    ],
)  # fmt: skip
def test_each_toml_line_reads_as_a_sentence(said, expected):
    assert expected in said


def _post_in(syntax: str, keys: dict[str, str], words: str = WORDS) -> str:
    """A post giving ``keys`` (one a line) as a file of ``syntax`` does, then ``words``."""
    written = [keysyntax.key_as_written(k, syntax, v) for k, v in keys.items() if k != "Title"]
    title = keys["Title"]
    if syntax == "rst":
        return f"{title}\n{'#' * len(title)}\n\n" + "\n".join(written) + f"\n\n{words}\n"
    if syntax == "html":
        head = "\n".join([f"<title>{title}</title>", *written])
        return f"<html><head>\n{head}\n</head><body><p>{words}</p></body></html>\n"
    if syntax == "toml":
        lines = [keysyntax.key_as_written("Title", "toml", title), *written]
        return "+++\n" + "\n".join(lines) + f"\n+++\n\n{words}\n"
    return "\n".join([f"Title: {title}", *written]) + f"\n\n{words}\n"


KEYS = {"Date": "2024-01-01", "Category": "Company", "Author": "Ada Byrne"}
SUFFIX = {"markdown": "md", "rst": "rst", "html": "html", "toml": "md"}
SYNTAXES = ["markdown", "rst", "html", "toml"]


def _without(text: str, key: str) -> str:
    """``text`` without the line holding ``key`` as the advice names it (its line, field or
    tag, each alone on a line here)."""
    lines, key = (
        text.split("\n"),
        key.rstrip(">").lower(),
    )  # <meta name="x"> names <meta name="x" …>
    [line] = [n for n, one in enumerate(lines) if one.lower().startswith(key)]
    return "\n".join(lines[:line] + lines[line + 1 :])


def _told_and_followed(build_site, caplog, files, path, advice, follow, syntax, **settings):
    """The site of ``files`` built, the one line said of ``path`` found, then the site built
    again with ``path``'s text as ``follow(text, advised)`` makes it (``advised``: ``advice``'s
    first group), and no line said of it: the line, the advice, and the second site."""
    name = f"{path.rsplit('/', 1)[1].split('.')[0]}-{syntax}"  # a content folder of its own
    caplog.set_level(logging.WARNING)
    build_site(files, name=name, **settings)
    [said] = lines_naming(caplog, path)
    advised = advice.search(said)
    assert advised, said
    caplog.clear()
    followed_files = {**files, path: follow(files[path], advised[1])}
    site = build_site(followed_files, name=f"{name}-2", **settings)
    assert lines_naming(caplog, path) == []
    return said, advised[1], site


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_a_translation_of_nothing_is_told_its_key_as_the_file_writes_it(build_site, caplog, syntax):
    # "remove the Translation line": a .rst post's key is a field, an .html's a tag, and a
    # +++ post's "Translation: true" is no TOML
    keys = {"Title": "Seul", **KEYS, "Slug": "no-original", "Lang": "fr", "Translation": "true"}
    path = f"posts/alone.fr.{SUFFIX[syntax]}"
    advice = re.compile(r"or remove its (.*) (?:line|field|tag|key)\)$")
    files = {path: _post_in(syntax, keys)}
    said, _, site = _told_and_followed(build_site, caplog, files, path, advice, _without, syntax)
    assert f"says {keysyntax.key_as_written('Translation', syntax, 'true')}, but" in said
    assert body_text(site, "fr/posts/no-original/") == WORDS


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_a_translation_under_another_slug_is_told_its_originals_as_the_file_writes_it(
    build_site, caplog, syntax
):
    # "give it its original's Slug: first-light": in a .rst post, its first paragraph
    keys = {"Title": "Premières lueurs", **KEYS, "Lang": "fr", "Slug": "primera-luz"}
    original = {**keys, "Title": "First light", "Lang": "en", "Slug": "first-light"}
    path = f"posts/first-light.fr.{SUFFIX[syntax]}"
    files = {
        "posts/first-light.md": _post_in("markdown", original, "The original's words."),
        path: _post_in(syntax, keys),
    }
    slug = keysyntax.key_as_written("Slug", syntax, "primera-luz")
    advice = re.compile(r"give it its original's (.*), or rename")
    _, _, site = _told_and_followed(
        build_site, caplog, files, path, advice, lambda text, one: text.replace(slug, one), syntax
    )
    assert body_text(site, "fr/posts/first-light/") == WORDS


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_a_wordpress_excerpt_is_told_its_summary_key_as_the_file_writes_it(
    build_site, caplog, syntax
):
    # "post_excerpt (the post's summary: write it as Summary:)": in a .rst post, its first
    # paragraph; between +++ lines, not TOML
    keys = {"Title": "Imported", **KEYS, "Slug": "imported", "Post_excerpt": "A short summary."}
    path = f"posts/imported.{SUFFIX[syntax]}"
    excerpt = keysyntax.key_as_written("Post_excerpt", syntax, "A short summary.")

    def follow(text: str, advised: str) -> str:
        # the excerpt under the key named, as the file writes the key with a value
        key = advised.strip(":").removeprefix('<meta name="').rstrip('">')
        assert keysyntax.key_as_written(key, syntax) == advised
        summary = keysyntax.key_as_written(key.capitalize(), syntax, "A short summary.")
        return text.replace(excerpt, summary)

    advice = re.compile(r"write it as an? (.*) (?:line|field|tag|key)\)")
    files = {path: _post_in(syntax, keys)}
    _, _, site = _told_and_followed(build_site, caplog, files, path, advice, follow, syntax)
    assert body_text(site, "posts/imported/") == WORDS
    page = site.soup("posts/imported/")
    assert page.select_one('meta[name="description"]')["content"] == "A short summary."


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_a_moved_posts_comments_are_told_comment_id_as_the_file_writes_it(
    build_site, caplog, syntax
):
    # "add 'Comment_id: how-we-hire' to keep them": in a .rst post, its first paragraph
    keys = {"Title": "How we hire", **KEYS, "Slug": "hiring-2026"}
    keys["Redirect_from"] = "/posts/how-we-hire/"
    path = f"posts/moved.{SUFFIX[syntax]}"
    redirect = keysyntax.key_as_written("Redirect_from", syntax, "/posts/how-we-hire/")
    advice = re.compile(r"add '([^']*)' to keep them")
    _, _, site = _told_and_followed(
        build_site,
        caplog,
        {path: _post_in(syntax, keys)},
        path,
        advice,
        lambda text, key: text.replace(redirect, f"{key}\n{redirect}"),
        syntax,
        COMMENTS_ISSO_URL="https://comments.example.test/",
    )
    page = site.soup("posts/hiring-2026/")
    assert page.select_one("#isso-thread")["data-isso-id"] == "how-we-hire"
    assert body_text(site, "posts/hiring-2026/") == WORDS


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_a_series_index_in_words_is_told_its_number_as_the_file_writes_it(
    build_site, caplog, syntax
):
    # "write Series_index: 2": in a .rst post, its first paragraph; between +++ lines, no TOML
    first = {"Title": "Moving, part one", **KEYS, "Series": "Moving house", "Series_index": "1"}
    keys = {**first, "Title": "Moving, part two", "Slug": "moving-two", "Series_index": "two"}
    path = f"posts/moving-two.{SUFFIX[syntax]}"
    files = {
        "posts/moving-one.md": _post_in("markdown", first, "The first part's words."),
        path: _post_in(syntax, keys),
    }
    index = keysyntax.key_as_written("Series_index", syntax, "two")
    advice = re.compile(r"; write (.*)$")
    said, advised, site = _told_and_followed(
        build_site, caplog, files, path, advice, lambda text, one: text.replace(index, one), syntax
    )
    assert advised == keysyntax.key_as_written("Series_index", syntax, "2"), said
    assert body_text(site, "posts/moving-two/") == WORDS
    nav = site.soup("posts/moving-two/").select_one(".series-nav")
    assert [li.get_text(" ", strip=True) for li in nav.select("li")] == [
        "Moving, part one",
        "Moving, part two",
    ]
