"""A Pelican site's own layout builds as it is: posts in content/ itself, pages in pages/."""

import hashlib
import logging
import shutil

import pytest
from PIL import Image

from plugins.blogcore import frontmatter
from plugins.blogcore import settings as blogcore_settings
from tests.conftest import FIXTURES

GALLERY = "Title: A trip\nDate: 2024-02-01\nPhoto: one.png | One | A white square\n"
VERIFICATION = "<html><head><title>Verify</title></head><body>google1234</body></html>"


def site_with_sides(content):
    """The series fixture (posts, pages, team, a series) with a gallery and a search engine's
    verification file: side files that could be mistaken for posts."""
    shutil.copytree(FIXTURES / "series", content)
    trip = content / "galleries" / "trip"
    trip.mkdir(parents=True)
    Image.new("RGB", (64, 64), "white").save(trip / "one.png")
    (trip / "gallery.md").write_text(GALLERY, encoding="utf-8")
    (content / "extra" / "google1234.html").write_text(VERIFICATION, encoding="utf-8")


def written(site) -> dict[str, bytes]:
    return {p.relative_to(site.output).as_posix(): p.read_bytes() for p in site.files()}


def test_posts_at_the_root_of_content_build_as_posts_in_posts_do(build_site, tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    site_with_sides(tmp_path / "nested")
    nested = build_site(fixture=None, name="nested", BLOGCORE_DEFAULT_IMAGE="")
    root = tmp_path / "root"
    site_with_sides(root)
    moved = sorted((root / "posts").glob("*.md"))[1:]  # one stays in posts/
    for post in moved:
        post.rename(root / post.name)
    caplog.clear()
    # a Pelican site's layout says so (else each post outside posts/ is named: below)
    flat = build_site(fixture=None, name="root", BLOGCORE_DEFAULT_IMAGE="", ARTICLE_PATHS=[""])
    assert not [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]

    # the same pages at the same addresses: /posts/<slug>/ whichever folder a post is in
    assert written(flat) == written(nested)
    assert flat.exists("posts/the-van/") and (root / "the-van.md").is_file()
    posts = {p.parent.name for p in (flat.output / "posts").glob("*/index.html")}
    assert posts == {
        "a-postscript-about-plants",
        "a-story-on-its-own",
        "packing-up",
        "the-van",
        "unrelated-news",
    }  # the drafts are under drafts/, the French post under fr/
    # side files are not posts: not in the archive, the feed or the sitemap
    archive = flat.text("archives/")
    for side in ("A trip", "Verify", "Moving house</a></h2>", "Ada Byrne</a></h2>"):
        assert side not in archive
    assert flat.exists("about/") and flat.exists("extra/google1234.html")
    assert flat.text("extra/google1234.html") == VERIFICATION


ELSEWHERE = (
    'though it is outside content/posts/ (ARTICLE_PATHS has "": every folder of content/ is '
    "read for posts): move it there if it is a post; if not for the site, add {ignore} to "
    "IGNORE_FILES in pelicanconf.py; for a site whose posts are all over content/ (a Pelican "
    'site\'s layout), set ARTICLE_PATHS = [""]'
)


@pytest.mark.parametrize(
    ("relpaths", "paths", "expected"),
    [
        (["posts/a.md", "posts/2019/b.md"], ["posts", ""], []),
        (
            ["posts/a.md", "notes/hello.md", "top.md"],
            ["posts", ""],
            [
                (
                    "content/notes/hello.md",
                    "is published as a post, " + ELSEWHERE.format(ignore='"notes"'),
                ),
                (
                    "content/top.md",
                    "is published as a post, " + ELSEWHERE.format(ignore="its name"),
                ),
            ],
        ),
        (["notes/hello.md"], [""], []),  # a Pelican site's layout, said in the settings
        (["notes/hello.md"], ["posts"], []),  # read by nothing: unbuilt_message's line
        (["blog/x.md", "notes/y.md"], ["posts", "blog", ""], [("content/notes/y.md", None)]),
    ],
)
def test_posts_outside_the_named_folders_are_named(relpaths, paths, expected):
    said = frontmatter.posts_elsewhere(relpaths, paths, "content")
    assert [where for where, _ in said] == [where for where, _ in expected]
    for (_, line), (_, want) in zip(said, expected, strict=True):
        assert want is None or line == want


def test_a_folder_of_many_posts_elsewhere_is_one_line():
    relpaths = [f"2019/post-{n}.md" for n in range(1, 8)]
    ((where, line),) = frontmatter.posts_elsewhere(relpaths, ["posts", ""], "content")
    assert where == "content/2019/"
    assert line.startswith(
        "7 posts (post-1.md, post-2.md, post-3.md and 4 more) are published, though they are "
        "outside content/posts/"
    )
    assert 'move them there if they are posts; if not for the site, add "2019" to' in line


NOTES = "Title: Private notes\nDate: 2024-04-01\nCategory: Company\n\nMy notes on salaries.\n"


def test_a_post_saved_outside_posts_is_named_when_it_is_published(build_site, caplog):
    # writing-workflow.md said such a file is not built; ARTICLE_PATHS has "" (a Pelican
    # site's layout), so it was published at /posts/private-notes/ without a word
    caplog.set_level(logging.WARNING)
    site = build_site({"notes/hello.md": NOTES}, name="elsewhere")
    lines = [m for m in caplog.messages if "is published as a post" in m]
    assert lines == [
        "elsewhere/notes/hello.md: is published as a post, "
        + ELSEWHERE.format(ignore='"notes"').replace("content/", "elsewhere/")
    ]
    assert site.exists("posts/private-notes/")  # published, as adopting.md promises


LIQUID = """Intro.

{% img /images/lamp.png 300 A lamp %}

See `{% block content %}` in code, and:

```
{% notebook x.ipynb %}
```

{! content/images/basic-stack.svg !}

In Go[ref]This is.[/ref] it works.
"""


def test_another_plugins_syntax_is_named_with_its_line(build_site, caplog):
    # an adopted blog's liquid_tags, markdown-include and simple_footnotes syntax: Markdown
    # keeps it as text, so the page showed "{% img ... %}" and no image, and nothing said so
    head = "Date: 2024-01-02\nCategory: Company\nAuthor: Ada Byrne\n"
    files = {
        "posts/liquid.md": f"Title: Liquid\n{head}\n{LIQUID}",
        "posts/later.md": f"Title: Later\n{head}Status: draft\n\n{{% youtube abc %}}\n",
    }
    caplog.set_level(logging.WARNING)
    build_site(files, name="liquid-dev")
    lines = [
        (r.levelname, r.getMessage()) for r in caplog.records if "liquid-dev/" in r.getMessage()
    ]
    found = {m.split(": ", 1)[0] + ": " + m.split(": ", 2)[1]: level for level, m in lines}
    assert found == {
        "liquid-dev/posts/liquid.md: line 8": "WARNING",
        "liquid-dev/posts/liquid.md: line 16": "WARNING",
        "liquid-dev/posts/liquid.md: line 18": "WARNING",
        "liquid-dev/posts/later.md: line 7": "WARNING",
    }, lines
    assert any(
        "{% img /images/lamp.png 300 A lamp %} is a tag of the liquid_tags" in m
        and m.endswith("write ![A lamp]({static}/images/lamp.png)")
        for _, m in lines
    )
    caplog.clear()
    with pytest.raises(SystemExit):  # a publish never ships a page that lost its image
        build_site(files, publish=True, name="liquid-pub")
    levels = {
        (r.levelname, r.getMessage().split(": ", 1)[0])
        for r in caplog.records
        if "liquid-pub/" in r.getMessage() and "line" in r.getMessage()
    }
    assert levels == {
        ("ERROR", "liquid-pub/posts/liquid.md"),
        ("WARNING", "liquid-pub/posts/later.md"),
    }


def test_a_rest_image_or_figure_of_an_svg_is_shown(build_site, caplog):
    # docutils' html4css1 writer, Pelican's default, wrote <object data="x.svg">alt</object>,
    # which the sanitiser removes: the page showed the alt words alone
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'
    files = {
        "images/ranges.svg": svg,
        "images/plan.svg": svg,
        "posts/diagram.rst": "A diagram\n#########\n\n:date: 2024-01-02\n:category: Company\n"
        ":author: Ada Byrne\n\nThe ranges:\n\n"
        ".. image:: {static}/images/ranges.svg\n   :alt: Booking ranges as bars\n"
        "   :width: 400\n   :height: 100\n\n"
        ".. figure:: {static}/images/plan.svg\n   :alt: The hall's floor plan\n\n"
        "   The floor plan, with :abbr:`AV (audio and video)` points.\n\n"
        "The area is :math:`w^2`.\n",
    }
    caplog.set_level(logging.WARNING)
    site = build_site(files, name="rest-svg")
    body = site.soup("posts/a-diagram/").select_one(".post-content")
    image = body.select_one('img[alt="Booking ranges as bars"]')
    assert image is not None and image["src"].endswith("/images/ranges.svg")
    assert (image["width"], image["height"]) == ("400", "100")
    figure = body.select_one("figure")
    assert figure.select_one("img")["alt"] == "The hall's floor plan"
    assert figure.select_one("img")["src"].endswith("/images/plan.svg")
    assert figure.select_one("figcaption").get_text(" ", strip=True).startswith("The floor plan")
    assert figure.select_one("figcaption abbr")["title"] == "audio and video"
    assert body.select_one("object") is None
    # math as MathML, which the sanitiser keeps (tests/test_math.py)
    assert body.select_one("math msup mn").get_text() == "2"
    assert not [m for m in caplog.messages if "rest-svg/" in m]  # nothing removed, nothing lost


def test_latex_math_is_one_warning_per_file_and_never_stops_a_publish(build_site, caplog):
    # render_math sites: $r$ and $$ ... $$ were published as written, with nothing said
    head = "Date: 2024-01-02\nCategory: Company\nAuthor: Ada Byrne\n"
    files = {
        "posts/maths.md": f"Title: Maths\n{head}\nPrices: $5 and $10.\n\n"
        "Choosing $r$ items out of $n$:\n\n$$ \\frac{n!}{r!\\left(n-r\\right)!} $$\n",
        "posts/shell.md": f"Title: Shell\n{head}\nSet `$HOME` and $5-$10:\n\n"
        "```console\n$ echo $HOME/$USER $x^2$\n```\n",
    }
    caplog.set_level(logging.WARNING)
    site = build_site(files, publish=True, name="math-pub")
    lines = [(r.levelname, r.getMessage()) for r in caplog.records if "math-pub/" in r.getMessage()]
    assert lines == [
        (
            "WARNING",
            "math-pub/posts/maths.md: line 8: $r$ is LaTeX math, which this site does not "
            "typeset (MathJax, the script that render_math or a theme loads for it, is never "
            "loaded here): it is shown as written (and 2 more places in this file); write it in "
            "words, show it as an image (an SVG of the formula), or write the post in "
            "reStructuredText, whose :math: is typeset",
        )
    ]
    assert "$r$" in site.soup("posts/maths/").select_one(".post-content").get_text()


def test_jekyll_s_markdown_names_are_read_as_markdown(build_site, caplog):
    # Jekyll reads .mkdn and .mkdown as Markdown (markdown_ext); they were left out, unsaid
    caplog.set_level(logging.WARNING)
    head = "---\ntitle: {t}\ndate: 2011-01-01\ncategory: Engineering\nauthor: Ada Byrne\n---\n\n"
    site = build_site(
        {
            "posts/2011-01-01-one.mkdn": head.format(t="One") + "Zebracorn **one**.\n",
            "posts/2011-01-02-two.mkdown": head.format(t="Two") + "Zebracorn *two*.\n",
            "posts/links.md": (
                "Title: Links\nDate: 2011-01-03\nCategory: Engineering\nAuthor: Ada Byrne\n\n"
                "[one]({filename}2011-01-01-one.mkdn)\n"
            ),
        },
        name="jekyll-names",
    )
    assert site.soup("posts/one/").select_one(".post-content strong").get_text() == "one"
    assert site.soup("posts/two/").select_one(".post-content em").get_text() == "two"
    link = site.soup("posts/links/").select_one(".post-content a")
    assert link["href"].endswith("/posts/one/")
    assert not [m for m in caplog.messages if "jekyll-names/" in m and "mkd" in m], caplog.text


def test_a_drafts_folder_copied_over_is_never_published(build_site):
    # Jekyll never publishes _drafts/; they were published and listed, with no line
    jekyll = (
        "---\ntitle: Unfinished\ndate: 2016-11-10\ncategory: Engineering\n---\n\nZZUNFINISHED.\n"
    )
    pelican = "Title: Folder draft\nDate: 2016-11-11\nCategory: Engineering\n\nZZFOLDERDRAFT.\n"
    said = "Title: Ready\nDate: 2016-11-12\nCategory: Engineering\nStatus: published\n\nZZREADY.\n"
    files = {"_drafts/unfinished.md": jekyll, "drafts/folder-draft.md": pelican}
    files["drafts/ready.md"] = said  # its own Status: line decides
    published = build_site(files, publish=True, name="drafts-pub")
    everything = "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in published.output.rglob("*")
        if p.is_file() and p.suffix in (".html", ".xml", ".json", ".txt")
    )
    assert "ZZUNFINISHED" not in everything and "ZZFOLDERDRAFT" not in everything
    assert "Unfinished" not in everything and "Folder draft" not in everything
    assert "ZZREADY" in published.text("posts/ready/")
    preview = build_site(files, name="drafts-dev")
    assert "ZZUNFINISHED" in preview.text("drafts/posts/unfinished/")
    assert "ZZUNFINISHED" not in preview.text("index.html")


NEWSLETTER = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="X-UA-Compatible" content="IE=edge">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="generator" content="Mailer 3">
  <title>Our old newsletter</title>
  <meta name="date" content="2024-09-12">
  <meta name="category" content="Company">
  <meta name="author" content="Ada Byrne">
  <meta name="tags" contents="newsletter">
  <meta property="og:title" content="Newsletter">
</head>
<body>
  <p>The newsletter, as we sent it.</p>
</body>
</html>
"""


@pytest.mark.parametrize("publish", [False, True])
def test_an_html_post_s_head_is_said_in_one_line_a_mistake(build_site, caplog, publish):
    # Pelican's own lines, with the file's absolute path: a <meta charset> and an http-equiv
    # "skipped", contents= "should be changed"; and "unknown key 'Viewport'" (ours)
    caplog.set_level(logging.WARNING)
    name = f"html-head-{publish}"
    site = build_site({"posts/old-newsletter.html": NEWSLETTER}, publish=publish, name=name)
    page = site.soup("posts/our-old-newsletter/")
    assert [a.get_text() for a in page.select('a[rel="tag"]')] == ["newsletter"]
    lines = [
        (r.levelname, r.getMessage())
        for r in caplog.records
        if name in r.getMessage() or "Meta tag" in r.getMessage()
    ]
    where = f"{name}/posts/old-newsletter.html"
    assert lines == [
        ("WARNING", f'{where}: line 12: <meta name="tags"> has contents=; write content='),
        (
            "WARNING",
            f'{where}: line 13: <meta property="og:title" content="Newsletter"> has no name=, '
            'so it is not read; if it is front matter, write <meta name="key" content="value"> '
            "with a key of docs/front-matter.md, else remove it",
        ),
    ]


@pytest.mark.parametrize(
    ("settings", "named"),
    [
        # the sample's own site: nothing to say
        ({"SITENAME": "The Tessellate Blog", "SITE_ORGANISATION": "Tessellate Ltd"}, []),
        # renamed, the rest left: each text a reader would meet
        (
            {
                "SITENAME": "Python for Biologists",
                "SITE_TAGLINE": {"en": "Notes from the people building Tessellate", "fr": "x"},
                "SITE_DESCRIPTION": "Stories from the tessellate team",
                "SITE_ORGANISATION": "Tessellate Cooperative Ltd",
                "SITEURL": "https://blog.tessellate.example",
            },
            ["SITE_TAGLINE", "SITE_DESCRIPTION", "SITE_ORGANISATION", "SITEURL"],
        ),
        # renamed and set: none
        (
            {
                "SITENAME": "Python for Biologists",
                "SITE_TAGLINE": {"en": "Notes", "pt": "Notas"},
                "SITE_ORGANISATION": None,
                "SITEURL": "https://p4b.example",
            },
            [],
        ),
        ({"SITENAME": "", "SITE_ORGANISATION": "Tessellate Cooperative Ltd"}, []),
        # publishconf.py's comment server: an adopted blog (daltonmatos.com) published with
        # every post's comments loading from and sent to Tessellate's server, with no line
        (
            {
                "SITENAME": "daltonmatos.com",
                "COMMENTS_ISSO_URL": "https://comments.tessellate.example",
            },
            ["COMMENTS_ISSO_URL"],
        ),
        (
            {
                "SITENAME": "daltonmatos.com",
                "COMMENTS_PROVIDER": "isso",
                "COMMENTS_ISSO_URL": "https://comments.tessellate.example",
            },
            ["COMMENTS_ISSO_URL"],
        ),
        # another provider, or none: the sample's Isso address is never used
        (
            {
                "SITENAME": "daltonmatos.com",
                "COMMENTS_PROVIDER": "none",
                "COMMENTS_ISSO_URL": "https://comments.tessellate.example",
            },
            [],
        ),
        (
            {
                "SITENAME": "daltonmatos.com",
                "COMMENTS_PROVIDER": "giscus",
                "COMMENTS_ISSO_URL": "https://comments.tessellate.example",
            },
            [],
        ),
    ],
)
def test_the_sample_s_texts_on_a_renamed_site_are_named(settings, named):
    lines = blogcore_settings.sample_texts(settings)
    assert [line.split(" ", 1)[0] for line in lines] == named
    for line in lines:
        assert f"while SITENAME is {settings['SITENAME']!r}" in line


def test_a_renamed_site_with_the_sample_s_texts_is_warned_and_never_published(build_site, caplog):
    # an adopted blog set SITENAME and published the sample's tagline, description and
    # "© Tessellate Cooperative Ltd" in every page, with no line
    caplog.set_level(logging.WARNING)
    built = build_site(SITENAME="Python for Biologists", name="renamed-dev")
    assert "Tessellate Cooperative Ltd" in built.soup("index.html").get_text()
    said = [m.split(": ", 1)[-1] for m in caplog.messages if "the sample site" in m]
    assert [line.split(" ", 1)[0] for line in said] == [
        "SITE_TAGLINE",
        "SITE_DESCRIPTION",
        "SITE_ORGANISATION",
    ]
    assert said[2] == (
        "SITE_ORGANISATION still names Tessellate, the sample site, while SITENAME is "
        "'Python for Biologists': the footer's © line and the publisher in every post's "
        "JSON-LD would say Tessellate; set it to your site's (docs/adopting.md, The site's "
        "own name)"
    )
    assert all(r.levelno == logging.WARNING for r in caplog.records if "the sample" in r.message)
    caplog.clear()
    with pytest.raises(SystemExit):  # a publish stops: it would go out under another's name
        build_site(SITENAME="Python for Biologists", publish=True, name="renamed-publish")
    said = [r for r in caplog.records if "the sample site" in r.message]
    assert [r.levelno for r in said] == [logging.ERROR] * 4
    # publishconf.py's comment server too, which a development build does not use
    assert "COMMENTS_ISSO_URL still names Tessellate, the sample site" in said[3].message


SAMPLE = FIXTURES.parent.parent / "content"
SAMPLE_CARD = (SAMPLE / "images" / "social-card.png").read_bytes()
SAMPLE_ICON = (SAMPLE / "extra" / "favicon.svg").read_bytes()


def test_the_sample_s_files_are_known_by_their_hashes():
    # the check knows the sample's card and favicon by SHA-256: a new card in content/ must
    # come with its hash, or an adopted site publishes it with no line again
    assert {hashlib.sha256(b).hexdigest() for b in (SAMPLE_CARD, SAMPLE_ICON)} == set(
        blogcore_settings.SAMPLE_FILES
    )


def test_a_renamed_site_with_the_sample_s_card_and_favicon_is_told(build_site, caplog):
    # docs/adopting.md says to keep the two files the settings name: an adopted blog
    # (Tshepang logs, an Elegant site) kept them and went out with "The Tessellate Blog" as
    # every shared link's card and Tessellate's logo in every tab, with no line
    files = {"images/social-card.png": SAMPLE_CARD, "extra/favicon.svg": SAMPLE_ICON}
    caplog.set_level(logging.WARNING)
    build_site(files, SITENAME="Tshepang logs", name="sample-files-dev")
    said = [r.getMessage() for r in caplog.records if "is still the sample's" in r.getMessage()]
    assert said == [
        "sample-files-dev/images/social-card.png is still the sample's social card ('The "
        "Tessellate Blog') while SITENAME is 'Tshepang logs': every page without a picture of "
        "its own shows it where it is shared (BLOGCORE_DEFAULT_IMAGE); put your site's card "
        'there (1200×630), point BLOGCORE_DEFAULT_IMAGE at another picture, or set it to "" '
        "(docs/adopting.md, 1. Copy the content)",
        "sample-files-dev/extra/favicon.svg is still the sample's favicon (Tessellate's logo) "
        "while SITENAME is 'Tshepang logs': every browser tab and bookmark shows it; put your "
        "site's icon there, or delete it (the theme's plain icon is published in its place) "
        "(docs/adopting.md, 1. Copy the content)",
    ]
    caplog.clear()
    with pytest.raises(SystemExit):  # a publish stops, as for the sample's texts
        build_site(files, SITENAME="Tshepang logs", publish=True, name="sample-files-pub")
    assert [r.levelno for r in caplog.records if "is still the sample's" in r.getMessage()] == [
        logging.ERROR
    ] * 2
    caplog.clear()
    # the sample's own site, or the site's own files: nothing said
    build_site(files, name="sample-files-own")
    build_site(
        {"images/social-card.png": b"\x89PNG other", "extra/favicon.svg": b"<svg/>"},
        SITENAME="Tshepang logs",
        name="sample-files-new",
    )
    assert not [r for r in caplog.records if "is still the sample's" in r.getMessage()]


def test_a_literal_tag_in_a_listing_shows_the_tag_it_stood_for(build_site, caplog):
    # jake's "Migrating from Octopress" listings showed "{% literal img … %}" where the old
    # site showed "{% img … %}", with no line (code is never named)
    head = "Date: 2024-01-02\nCategory: Company\nAuthor: Ada Byrne\n"
    text = (
        "The image tag:\n\n    {% literal img [position] /url/to/img.png [width] %}\n\n"
        "Or `{% literal video /url/to/video.mp4 %}` in a sentence.\n"
    )
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/octopress.md": f"Title: Octopress\n{head}\n{text}"}, name="literal")
    body = site.soup("posts/octopress/").select_one(".post-content")
    assert body.select_one("pre").get_text() == "{% img [position] /url/to/img.png [width] %}\n"
    assert body.select_one("p code").get_text() == "{% video /url/to/video.mp4 %}"
    assert [m for m in caplog.messages if "literal/posts/" in m] == []


def test_static_files_of_a_site_whose_posts_are_drafts_by_default_are_linked(build_site, caplog):
    # DEFAULT_METADATA = {'status': 'draft'} (copied as step 1 says) gives static files that
    # status too, though Pelican copies them all: a published post's {static} and {attach}
    # links to its slides were 'a draft: published pages cannot link to it', and a publish
    # stopped on advice no PDF can follow
    post = (
        "Title: Slides of the meetup\nDate: 2021-03-04\nCategory: Talks\nAuthor: Ada Byrne\n"
        "Slug: meetup\nStatus: published\n\nThe [slides]({static}/handouts/slides.pdf) and the "
        "[notes]({attach}../handouts/notes.pdf).\n"
    )
    files = {
        "posts/meetup.md": post,
        "handouts/slides.pdf": b"%PDF-1.4 slides",
        "handouts/notes.pdf": b"%PDF-1.4 notes",
    }
    caplog.set_level(logging.WARNING)
    site = build_site(
        files,
        publish=True,
        name="statics-by-default-drafts",
        DEFAULT_METADATA={"status": "draft"},
        STATIC_PATHS=["images", "extra", "handouts"],
    )
    said = [
        r.getMessage() for r in caplog.records if "statics-by-default-drafts/" in r.getMessage()
    ]
    assert not [m for m in said if "handouts/" in m], said
    hrefs = [a["href"] for a in site.soup("posts/meetup/").select(".post-content a")]
    assert hrefs == [
        f"{site.siteurl}/handouts/slides.pdf",
        f"{site.siteurl}/posts/meetup/notes.pdf",
    ]
    assert (site.output / "handouts/slides.pdf").is_file()
    assert (site.output / "posts/meetup/notes.pdf").is_file()
