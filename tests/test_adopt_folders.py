"""An adopted Pelican site's folders and file names: ``articles/`` and ``articles/en/`` are no
categories; languages and slugs its FILENAME_METADATA took from file names are named."""

import contextlib
import logging

import pytest

import pelicanconf
from plugins.blogcore import frontmatter
from plugins.blogcore.settings import SAMPLE_DEFAULT_CATEGORY

HEAD = "Date: 2024-05-01\nAuthor: Ada Byrne\n"
DEFAULT_FILENAME_METADATA = r"(?P<date>\d{4}-\d{2}-\d{2}).*"  # Pelican's


@pytest.mark.parametrize(
    ("relpath", "lang", "expected"),
    [
        # the folders Pelican sites name in ARTICLE_PATHS: they hold posts, not a topic
        ("articles/x.md", "", frontmatter.DEFAULT),
        ("article/x.md", "", frontmatter.DEFAULT),
        ("Blog/x.md", "", frontmatter.DEFAULT),
        ("blog/engineering/x.md", "", frontmatter.FROM_FOLDER),
        # a folder named for the post's language: its translations, kept apart
        ("articles/en/x.md", "en", frontmatter.DEFAULT),
        ("posts/articles/en/x.md", "en", frontmatter.DEFAULT),  # the probe's repro
        ("en/x.md", "en", frontmatter.DEFAULT),
        ("posts/pt_BR/x.md", "pt-BR", frontmatter.DEFAULT),
        ("notes/en/x.md", "en", frontmatter.FROM_FOLDER),  # filed as notes/x.md is
        # a folder named as a language that is not the post's is a topic (ml: machine learning)
        ("posts/ml/x.md", "en", frontmatter.FROM_FOLDER),
        ("articles/en/x.md", "", frontmatter.FROM_FOLDER),  # the reader, which knows no lang
    ],
)
def test_category_origin_of_post_and_language_folders(relpath, lang, expected):
    origin = frontmatter.category_origin(relpath, False, set(), ["posts", ""], True, lang)
    assert origin == expected


@pytest.mark.parametrize(
    ("relpath", "lang", "folder"),
    [
        ("articles/en/x.md", "en", "articles"),
        ("articles/en/x.md", "pt", "articles/en"),
        ("notes/pt-br/x.md", "pt-BR", "notes"),
        ("x.md", "en", ""),
    ],
)
def test_category_folder(relpath, lang, folder):
    assert frontmatter.category_folder(relpath, lang) == folder


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("2014-07-15-bb-and-qt-icu-ru", ("ru", "-")),
        ("merger.fr", ("fr", ".")),
        ("merger.pt-BR", ("pt-BR", ".")),
        ("notes.md", None),  # no language
        ("learning-go", None),  # go is no language Babel knows
        ("2017-08-17-git-windows-kdiff3", None),
    ],
)
def test_named_lang(stem, expected):
    assert frontmatter.named_lang(stem) == expected


def named(*names: str, given=frozenset({"date"})) -> list:
    return [frontmatter.NamedPost(f"content/articles/{name}", frozenset(given)) for name in names]


RU = (
    "2014-07-15-bb-and-qt-icu-ru.md",
    "2017-08-17-git-windows-kdiff3-en.md",
    "2017-08-17-git-windows-kdiff3-ru.md",
)


def test_file_names_that_carry_lang_and_slug_are_one_line():
    line = frontmatter.file_name_metadata_line(named(*RU), DEFAULT_FILENAME_METADATA, "ru")
    assert line == (
        "content/articles/: 3 posts have file names that end in a language code "
        "(2014-07-15-bb-and-qt-icu-ru.md, "
        "2017-08-17-git-windows-kdiff3-en.md, ...) but no Lang: line or Slug: line, and "
        "FILENAME_METADATA takes only the date from a file name here: they are marked ru "
        "(DEFAULT_LANG), and their slugs, so their addresses, come from their titles; if the "
        "old site took these from file names, copy its FILENAME_METADATA into pelicanconf.py "
        r"(for names like these: FILENAME_METADATA = r'(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>.*)-"
        r"(?P<lang>[a-z]{2})$'), else add Lang: lines (docs/adopting.md)"
    )


@pytest.mark.parametrize(
    ("names", "given", "pattern"),
    [
        # the old FILENAME_METADATA carried over: the file names are read
        (RU, {"date"}, r"(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>.*)-(?P<lang>\w{2})$"),
        # the posts say their language themselves
        (RU, {"lang"}, ""),
        # two are not several
        (RU[:2], {"date"}, DEFAULT_FILENAME_METADATA),
        # a dash and a code that is also a word (fix-it, use-ml) in a few posts of many
        (("fix-it.md", "why-it.md", "use-ml.md", *(f"p{n}.md" for n in range(4))), set(), ""),
    ],
)
def test_file_names_said_nothing_of(names, given, pattern):
    posts = named(*names, given=given)
    assert frontmatter.file_name_metadata_line(posts, pattern, "en") is None


def test_dotted_names_count_among_many_posts():
    posts = named("a.fr.md", "b.fr.md", "c.de.md", *(f"p{n}.md" for n in range(20)))
    line = frontmatter.file_name_metadata_line(posts, DEFAULT_FILENAME_METADATA, "en")
    assert line is not None
    assert line.startswith(
        "content/articles/: 3 posts have file names that end in a language code (a.fr.md, "
    )
    assert "no Lang: line or Slug: line" in line
    assert r"FILENAME_METADATA = r'(?P<slug>.*)\.(?P<lang>[a-z]{2})$'" in line


def test_file_names_of_markdown_and_rst_posts_name_each_ones_keys():
    # "no Lang: line in a Markdown file, no :lang: field in a .rst file or Slug: line in a
    # Markdown file, no :slug: field in a .rst file": the slug's half cut back to "Slug: line"
    names = ("2014-07-15-a-ru.md", "2017-08-17-b-en.rst", "2017-08-17-b-ru.md")
    line = frontmatter.file_name_metadata_line(named(*names), DEFAULT_FILENAME_METADATA, "ru")
    assert line is not None
    assert (
        "but no Lang: line or Slug: line in a Markdown file, no :lang: field or :slug: field "
        "in a .rst file, and FILENAME_METADATA" in line
    )


def test_file_names_in_folders_apart_are_said_in_the_settings_file():
    # the line named no file nor folder: the overlay filed it under none (probe 20, 3)
    posts = [
        frontmatter.NamedPost(f"content/{name}", frozenset())
        for name in ("posts/a.fr.md", "articles/b.fr.md", "articles/c.fr.md")
    ]
    line = frontmatter.file_name_metadata_line(posts, DEFAULT_FILENAME_METADATA, "en")
    assert line.startswith(
        "pelicanconf.py: 3 posts have file names that end in a language code "
        "(content/articles/b.fr.md, content/articles/c.fr.md, ...)"
    )


def _category(site, url: str) -> str:
    link = site.soup(url).select_one("article a[href*='/category/'], a[href*='/category/']")
    return link.get_text(strip=True)


def test_articles_folder_and_a_language_folder_are_no_categories(build_site, caplog):
    # Pelican's usual ARTICLE_PATHS = ['articles'], translations in articles/en/: categories
    # "Articles" and "En" appeared, with no line
    caplog.set_level(logging.WARNING)
    site = build_site(
        {
            "articles/lancamento.md": f"Title: Lançamento\n{HEAD}Slug: launch\nLang: pt\n\nO.\n",
            "articles/en/launch.md": f"Title: Launch\n{HEAD}Slug: launch\nLang: en\n\nWords.\n",
            "articles/ops/runbook.md": f"Title: Runbook\n{HEAD}\nWords.\n",
        },
        name="articles-folder",
    )
    assert not site.exists("category/articles/")
    assert not site.exists("category/en/")
    assert site.exists("category/ops/")  # a topic's folder still is one
    assert _category(site, "posts/launch/") == "General"
    assert _category(site, "pt/posts/launch/") == "General"
    mine = [m for m in caplog.messages if m.startswith("articles-folder/articles")]
    # filed under the default, as a post right in posts/ is, and named as such
    assert "articles-folder/articles/en/launch.md: has no Category: line, so it is filed " in (
        "\n".join(mine)
    )


def test_a_language_folder_under_a_topic_is_filed_with_the_topic(build_site):
    site = build_site(
        {
            "posts/ops/runbook.md": f"Title: Runbook\n{HEAD}Slug: runbook\n\nWords.\n",
            "posts/ops/fr/runbook.md": f"Title: Procédure\n{HEAD}Slug: runbook\nLang: fr\n\nM.\n",
        },
        name="topic-language",
    )
    assert not site.exists("category/fr/")
    # the folder's name, as its original has it
    assert _category(site, "fr/posts/runbook/") == _category(site, "posts/runbook/") == "ops"


RIUSON = {
    "articles/2014-07-15-bb-and-qt-icu-ru.md": "Title: BB и Qt: ICU\nAuthor: Ada Byrne\n\nТекст.\n",
    "articles/2017-08-17-git-windows-kdiff3-en.md": (
        "Title: Git for Windows and KDiff3\nAuthor: Ada Byrne\n\nWords.\n"
    ),
    "articles/2017-08-17-git-windows-kdiff3-ru.md": (
        "Title: Git для Windows и KDiff3\nAuthor: Ada Byrne\n\nТекст.\n"
    ),
}


def test_file_names_carrying_lang_and_slug_are_said_once(build_site, caplog):
    # riuson's blog: lang, slug and date came from the file names; every old address was lost
    # and nothing said so
    caplog.set_level(logging.WARNING)
    build_site(RIUSON, fixture=None, name="by-file-name", DEFAULT_LANG="ru")
    said = [m for m in caplog.messages if "end in a language code" in m]
    assert len(said) == 1, said
    assert said[0].startswith(
        "by-file-name/articles/: 3 posts have file names that end in a language code "
        "(2014-07-15-bb-and-qt-icu-ru.md, 2017-08-17-git-windows-kdiff3-en.md, ...)"
    )


def test_the_old_filename_metadata_carried_over_reads_them(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site(
        RIUSON,
        fixture=None,
        name="by-file-name-read",
        DEFAULT_LANG="ru",
        FILENAME_METADATA=r"(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>.*)-(?P<lang>\w{2})$",
    )
    assert not [m for m in caplog.messages if "end in a language code" in m]
    assert site.exists("posts/bb-and-qt-icu/")
    assert site.exists("posts/git-windows-kdiff3/") and site.exists("en/posts/git-windows-kdiff3/")


@pytest.mark.parametrize(
    ("address", "said"),
    [
        ("https://3.bp.blogspot.com/x/lamp.jpg", False),
        ("http://3.bp.blogspot.com/x/lamp.jpg", False),
        ("https://i.imgur.com/lamp.jpg", True),
    ],
)
def test_blogger_pictures_allowed_as_adopting_md_says(build_site, caplog, address, said):
    # docs/adopting.md: one https wildcard source for Blogger's numbered hosts; an http://
    # address is asked over https (upgrade-insecure-requests) and allowed by it; another
    # host is still blocked (and named)
    caplog.set_level(logging.WARNING)
    picture = f"![A lamp on a desk]({address})"
    stops = pytest.raises(SystemExit) if said else contextlib.nullcontext()
    with stops:  # a publish stops on a picture the policy blocks
        build_site(
            {"posts/lamp.md": f"Title: Lamp\n{HEAD}Category: Engineering\n\n{picture}\n"},
            publish=True,
            name=f"blogger-{address.split(':')[0]}-{said}",
            CSP_EXTRA={"img-src": ["https://*.bp.blogspot.com"]},
        )
    blocked = [m for m in caplog.messages if "loaded from another site" in m]
    assert bool(blocked) == said, blocked


def test_posts_filed_under_the_default_are_one_line_per_folder_of_many():
    few = [f"c/posts/p{n}.md" for n in range(2)]
    many = [f"c/articles/a{n}.md" for n in range(5)]
    lines = frontmatter.default_category_lines([*few, *many], "General", " (this site's: X)")
    assert lines == [
        "c/posts/p0.md: has no Category: line, so it is filed under 'General'; add one "
        "(this site's: X)",
        "c/posts/p1.md: has no Category: line, so it is filed under 'General'; add one "
        "(this site's: X)",
        "c/articles/: 5 posts (a0.md, a1.md, a2.md and 2 more) have no Category: line, so they "
        "are filed under 'General'; add one to each (this site's: X), or set DEFAULT_CATEGORY "
        "in pelicanconf.py to the old site's (DEFAULT_CATEGORY = \"misc\", Pelican's own, if it "
        "set none)",
    ]


def test_the_folder_line_goes_once_default_category_is_the_old_site_s(build_site, caplog):
    # thewagner.net's 59 posts: the line asked for the old site's DEFAULT_CATEGORY and was said
    # in every build after DEFAULT_CATEGORY = "misc" (the old site's, Pelican's) was written
    assert pelicanconf.DEFAULT_CATEGORY == SAMPLE_DEFAULT_CATEGORY  # the sample's, which asks
    caplog.set_level(logging.WARNING)
    files = {
        f"articles/a{n}.md": f"Title: A{n}\nDate: 2024-05-0{n}\nAuthor: Ada Byrne\n\nWords.\n"
        for n in range(1, 7)
    }
    site = build_site(files, name="unfiled-misc", DEFAULT_CATEGORY="misc")
    assert not [m for m in caplog.messages if "Category: line" in m]
    assert site.exists("category/misc/index.html")


def test_an_adopted_folder_of_posts_without_categories_is_one_line(build_site, caplog):
    # riuson's 47 posts in content/articles/ gave 47 lines once they were no longer "Articles"
    caplog.set_level(logging.WARNING)
    files = {
        f"articles/a{n}.md": f"Title: A{n}\nDate: 2024-05-0{n}\nAuthor: Ada Byrne\n\nWords.\n"
        for n in range(1, 7)
    }
    build_site(files, name="unfiled")
    said = [m for m in caplog.messages if "Category: line" in m]
    assert said == [
        "unfiled/articles/: 6 posts (a1.md, a2.md, a3.md and 3 more) have no Category: line, so "
        "they are filed under 'General'; add one to each (this site's categories: Community, "
        "Company, Engineering), or set DEFAULT_CATEGORY in pelicanconf.py to the old site's "
        '(DEFAULT_CATEGORY = "misc", Pelican\'s own, if it set none)'
    ]


def test_an_adopted_site_s_empty_category_lines_say_where_the_posts_are_filed(build_site, caplog):
    # 0x7df.github.io's 47 posts with an empty Category: line were Pelican's "misc" and moved
    # to the sample's "General", their category page with them: "give each a value or remove
    # the lines" said neither (removing the line changes nothing)
    caplog.set_level(logging.WARNING)
    files = {f"posts/e{n}.md": f"Title: E{n}\n{HEAD}Category:\n\nWords.\n" for n in range(1, 7)}
    files["posts/ops/rack.md"] = f"Title: Rack\n{HEAD}Category:\n\nWords.\n"
    site = build_site(files, name="emptycat", SITENAME="Old Notes")
    said = [m for m in caplog.messages if "Category" in m and m.startswith("emptycat/")]
    old = (
        "the sample's DEFAULT_CATEGORY (Pelican's own default, 'misc', filed {it} on an old "
        "site that did not set DEFAULT_CATEGORY); set DEFAULT_CATEGORY in pelicanconf.py to "
        'the old site\'s (DEFAULT_CATEGORY = "misc" if it set none) to keep its category page'
    )
    assert said == [
        *(
            f"emptycat/posts/e{n}.md: Category is empty, so it is filed under 'General', "
            f"{old.format(it='it')}, or give it a value"
            for n in range(1, 5)
        ),
        # filed under its folder's name, ops, as in Pelican: the line as it was
        "emptycat/posts/ops/rack.md: Category is empty; give it a value or remove the line",
        "emptycat/posts/: 6 files have an empty Category: line (4 named above, then e5.md, "
        f"e6.md); they are filed under 'General', {old.format(it='them')}, or give each a value",
    ]
    assert site.exists("category/general/index.html") and site.exists("category/ops/index.html")


def test_empty_category_lines_are_silent_once_the_site_chose_its_default(build_site, caplog):
    # after DEFAULT_CATEGORY = "misc", as the line above advises, the 47 empty Category: lines
    # of 0x7df.github.io were still one warning in every build: an empty value is Pelican's
    # "the default", and the default is the site's own now; a line that keeps coming after
    # its advice was followed teaches writers to skip lines
    caplog.set_level(logging.WARNING)
    files = {f"posts/e{n}.md": f"Title: E{n}\n{HEAD}Category:\n\nWords.\n" for n in range(1, 7)}
    files["posts/ops/rack.md"] = f"Title: Rack\n{HEAD}Category:\n\nWords.\n"
    site = build_site(files, name="chosencat", SITENAME="Old Notes", DEFAULT_CATEGORY="misc")
    said = [m for m in caplog.messages if "Category" in m and m.startswith("chosencat/")]
    # filed under its folder's name, not the default: still said, as it was
    assert said == [
        "chosencat/posts/ops/rack.md: Category is empty; give it a value or remove the line"
    ]
    assert site.exists("category/misc/index.html")


@pytest.mark.parametrize(
    ("category", "sample", "line"),
    [
        (
            "misc",  # the site's own choice, or the sample's on the sample site: no old site
            False,
            "Category is empty, so it is filed under 'misc' (DEFAULT_CATEGORY); give it a value "
            "or remove the line",
        ),
        (
            "General",
            True,
            "Category is empty, so it is filed under 'General', the sample's DEFAULT_CATEGORY "
            "(Pelican's own default, 'misc', filed it on an old site that did not set "
            "DEFAULT_CATEGORY); set DEFAULT_CATEGORY in pelicanconf.py to the old site's "
            '(DEFAULT_CATEGORY = "misc" if it set none) to keep its category page, or give it '
            "a value",
        ),
    ],
)
def test_an_empty_category_line(category, sample, line):
    assert frontmatter.empty_category_line(category, sample) == line


def test_files_at_the_top_of_content_fold_past_the_first_few(build_site, caplog):
    # 0x7df.github.io's 12 WordPress tool scripts at the top of content/ said 12 lines alike
    caplog.set_level(logging.WARNING)
    names = ["editPost", "getPost", "getTags", "newPost", "notes.txt", "run.sh", "upload.py"]
    site = build_site({name: "#!/bin/sh\necho hi\n" for name in names}, name="topscripts")
    said = [m for m in caplog.messages if m.startswith("topscripts/") and "not published" in m]
    assert [m.split(" is not published: ")[0] for m in said[:4]] == [
        f"topscripts/{name}" for name in names[:4]
    ]
    assert said[4:] == [
        "topscripts/: 7 files at its top are not published (4 named above, then notes.txt, "
        "run.sh, upload.py): a file there is published only when a setting names it; move each "
        "to topscripts/extra/ and name it in EXTRA_PATH_METADATA in pelicanconf.py, as the "
        'lines above say; if they are not for readers (notes, scripts), add "notes.txt", '
        '"run.sh", "upload.py" to IGNORE_FILES in pelicanconf.py instead, which leaves them '
        "out of the site"
    ]
    assert not site.exists("editPost") and not site.exists("upload.py")


def test_a_few_files_at_the_top_of_content_keep_a_line_each(build_site, caplog):
    caplog.set_level(logging.WARNING)
    names = ["editPost", "getPost", "getTags", "newPost"]
    build_site({name: "#!/bin/sh\necho hi\n" for name in names}, name="fewscripts")
    said = [m for m in caplog.messages if m.startswith("fewscripts/") and "not published" in m]
    assert [m.split(" is not published: ")[0] for m in said] == [
        f"fewscripts/{name}" for name in names
    ]


def test_each_file_of_pelicans_own_test_content_gets_one_line_the_right_one(build_site, caplog):
    # Pelican 4.12's tests/content: a <body>-less file was "has no text in its <body>" and
    # "move it to content/extra/"; a post lacking only its date was told to be published raw
    # at the root; an empty .md was "has no text after its front matter" and "has no Title:"
    caplog.set_level(logging.WARNING)
    head = "<html><head><title>This is a super article !</title>"
    files = {
        "keywords.html": f'{head}<meta name="keywords" content="foo, bar" /></head></html>\n',
        "implicit.html": (
            f'{head}<meta name="author" content="Alexis"><meta name="category" content="yeah">'
            '<meta name="tags" content="foo, bar"><meta name="summary" content="Summary">'
            "</head><body>Multi-line metadata should be supported</body></html>\n"
        ),
        "slides.html": (
            f'{head}<meta name="author" content="Alexis"><meta name="keywords" content="talk">'
            "</head><body><section>Our slides</section></body></html>\n"
        ),
        "talk.html": f"{head}</head><body><p>Our talk</p></body></html>\n",
        "moved.html": (
            '<html><head><meta http-equiv="refresh" content="0; url=/posts/x/"></head>'
            "<body></body></html>\n"
        ),
        "empty.md": "",
        "empty_with_bom.md": "\ufeff",
    }
    build_site(files, name="pelicantests", ARTICLE_PATHS=["posts", ""])
    said = {
        name: [
            m
            for r in caplog.records
            if r.name.startswith("plugins.blogcore")
            and (m := r.getMessage()).startswith(f"pelicantests/{name}")
        ]
        for name in files
    }
    assert said["keywords.html"] == [
        "pelicantests/keywords.html: has no text in its <body>; it is not published"
    ]
    assert said["implicit.html"] == [
        'pelicantests/implicit.html: has no date; add <meta name="date" content="2025-03-14"> '
        "to its <head> (a post needs a date)"
    ]
    for name in ("slides.html", "talk.html", "moved.html"):
        # no post: not among the posts without a team file or an author line either
        assert [m for m in caplog.messages if f"/{name}" in m] == said[name]
        assert len(said[name]) == 1
        assert said[name][0].startswith(
            f"pelicantests/{name} is not published: a file at the top of pelicantests/ is "
            f"published only when a setting names it; move it to pelicantests/extra/{name}"
        )
    for name in ("empty.md", "empty_with_bom.md"):
        assert said[name] == [
            f"pelicantests/{name}: has no Title: line; add one at the top, e.g. Title: Our news "
            "(the file is empty)"
        ]


def test_a_bodyless_html_file_naming_its_template_is_told_its_date(build_site, caplog):
    # an HTML post of no text that names its template (the reader asks it for no text) and no
    # date: its date line was dropped as for any body-less file, and it went with no line
    caplog.set_level(logging.WARNING)
    head = (
        '<html><head><title>All in the template</title><meta name="author" content="Ada Byrne">'
        '<meta name="template" content="article">'
    )
    text = f"{head}</head><body></body></html>\n"
    build_site({"templated.html": text}, name="templated", ARTICLE_PATHS=["posts", ""])
    said = [m for m in caplog.messages if "templated.html" in m]
    assert said == [
        'templated/templated.html: has no date; add <meta name="date" content="2025-03-14"> '
        "to its <head> (a post needs a date)"
    ]
    # followed as written: a post, published with its template
    dated = text.replace("</head>", '<meta name="date" content="2025-03-14"></head>')
    caplog.clear()
    site = build_site({"templated.html": dated}, name="templated-2", ARTICLE_PATHS=["posts", ""])
    # its other lines are a post's (its category, its folder), not of a missing date or text
    assert not [m for m in caplog.messages if "templated.html: has no date" in m]
    assert site.exists("posts/all-in-the-template/index.html")
