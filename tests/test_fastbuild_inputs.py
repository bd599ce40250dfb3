"""fastbuild: what an incremental build (`make serve`'s) counts as a change besides content.

Each change here left every page as the last build wrote it (probe 22, findings 2 to 4): a
function in the settings file (a Jinja filter) edited, a library upgraded under the site, a
template in a THEME_TEMPLATES_OVERRIDES folder edited. Each test makes the change between two
real incremental builds and compares the output with a clean build's.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican.settings import read_settings

import tasks
from bench.corpus import write_corpus
from plugins.devserver.watch import SiteWatcher
from plugins.fastbuild import digest
from plugins.fastbuild import signals as fastbuild_signals
from plugins.fastbuild.warm import WarmBuilder
from tests.test_fastbuild import (
    ROOT,
    _edit,
    _mtimes,
    arguments,
    assert_as_clean,
    assert_same_tree,
    inputs_of,
)
from tests.test_fastbuild import build as pelican_build

PELICAN = str(Path(sys.executable).parent / "pelican")
INCREMENTAL = {"FASTBUILD_INCREMENTAL": True, "FASTBUILD_MIN_FILES": 1}
POST = "posts/post-00001/index.html"


def build(conf: Path, content: Path, output: Path, cache: Path, env=None, **settings) -> None:
    """A real `pelican` run of ``content`` with the settings file ``conf``."""
    args = arguments(content, output, cache, **settings)
    args[args.index("pelicanconf.py")] = str(conf)
    result = subprocess.run(
        [PELICAN, *args],
        cwd=ROOT,
        env={**os.environ, "COLUMNS": "300", **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def settings_file(folder: Path, text: str = "") -> Path:
    """A settings file of the site's own in ``folder``: the project's, and ``text``."""
    conf = folder / "conf.py"
    conf.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nsys.path.insert(0, {str(folder)!r})\n"
        f"from pelicanconf import *\nPLUGIN_PATHS = [{str(ROOT)!r}]\n{text}",
        encoding="utf-8",
    )
    return conf


def page(output: Path, name: str = POST) -> BeautifulSoup:
    return BeautifulSoup((output / name).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    write_corpus(content, posts=4, photos=0, seed=22)
    return content


SHOUT = "def shout(text):\n    return str(text).upper(){}\n"


@pytest.mark.parametrize("where", ["the settings file", "a module it imports"])
def test_a_function_edited_in_the_settings_renders_the_pages_again(
    corpus: Path, tmp_path: Path, where: str
):
    """The Jinja filter's code changed; its name, all the settings' digest saw, did not."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    base = theme / "templates/base.html"
    base.write_text(
        base.read_text().replace("{{ SITENAME }}</title>", "{{ SITENAME|shout }}</title>")
    )
    if where == "the settings file":
        code = conf = settings_file(
            tmp_path, SHOUT.format("") + 'JINJA_FILTERS = {"shout": shout}\n'
        )
    else:
        code = tmp_path / "site_filters.py"
        code.write_text(SHOUT.format(""), encoding="utf-8")
        conf = settings_file(
            tmp_path, 'from site_filters import shout\nJINJA_FILTERS = {"shout": shout}\n'
        )
    output, cache = tmp_path / "out", tmp_path / "cache"
    settings = {**INCREMENTAL, "THEME": str(theme)}
    build(conf, corpus, output, cache, **settings)
    assert page(output).title.string.endswith("THE TESSELLATE BLOG")

    code.write_text(code.read_text().replace(".upper()", '.upper() + " (BETA)"'))
    build(conf, corpus, output, cache, **settings)
    assert page(output).title.string.endswith("THE TESSELLATE BLOG (BETA)")
    clean = tmp_path / "clean"
    build(conf, corpus, clean, tmp_path / "clean-cache", THEME=str(theme))
    assert_same_tree(output, clean)


# A library the site's Markdown goes through, installed as pip installs one: its package and
# its metadata folder (name and version) in a site-packages folder
LIBRARY = """
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor


class Stamp(Preprocessor):
    def run(self, lines):
        return [line.replace("Tessellate", "Tessellate {version}") for line in lines]


class StampExtension(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(Stamp(md), "tessellate_stamp", 5)


def makeExtension(**kwargs):
    return StampExtension(**kwargs)
"""


# the settings of a site whose Markdown goes through the extension ``name`` too
STAMPED = (
    'MARKDOWN = {{**MARKDOWN, "extension_configs": '
    '{{**MARKDOWN["extension_configs"], "{name}": {{}}}}}}\n'
)


def install(site_packages: Path, version: str) -> None:
    """Install (or upgrade to) ``version`` of the tessellate-stamp library."""
    for old in site_packages.glob("tessellate_stamp-*.dist-info"):
        shutil.rmtree(old)
    package = site_packages / "tessellate_stamp"
    package.mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text(LIBRARY.format(version=version), encoding="utf-8")
    info = site_packages / f"tessellate_stamp-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: tessellate-stamp\nVersion: {version}\n", encoding="utf-8"
    )


def test_a_library_upgraded_renders_the_posts_again(corpus: Path, tmp_path: Path):
    """Pelican's reader cache and the kept pages held what the old version made of a post."""
    site_packages = tmp_path / "lib" / "site-packages"
    install(site_packages, "1.0")
    conf = settings_file(tmp_path, STAMPED.format(name="tessellate_stamp"))
    env = {"PYTHONPATH": str(site_packages)}
    output, cache = tmp_path / "out", tmp_path / "cache"
    build(conf, corpus, output, cache, env=env, **INCREMENTAL)
    text = page(output).select_one("main").get_text()
    assert "Tessellate 1.0" in text

    install(site_packages, "2.0")
    build(conf, corpus, output, cache, env=env, **INCREMENTAL)
    text = page(output).select_one("main").get_text()
    assert "Tessellate 2.0" in text and "Tessellate 1.0" not in text
    clean = tmp_path / "clean"
    build(conf, corpus, clean, tmp_path / "clean-cache", env=env)
    assert_same_tree(output, clean)


def test_a_markdown_extension_of_the_sites_own_edited_reads_the_posts_again(
    corpus: Path, tmp_path: Path
):
    """Named in MARKDOWN by its module, it is imported only once the posts are read."""
    extension = tmp_path / "site_stamp.py"
    extension.write_text(LIBRARY.format(version="draft"), encoding="utf-8")
    conf = settings_file(tmp_path, STAMPED.format(name="site_stamp"))
    output, cache = tmp_path / "out", tmp_path / "cache"
    build(conf, corpus, output, cache, **INCREMENTAL)
    assert "Tessellate draft" in page(output).select_one("main").get_text()

    extension.write_text(LIBRARY.format(version="final"), encoding="utf-8")
    build(conf, corpus, output, cache, **INCREMENTAL)
    text = page(output).select_one("main").get_text()
    assert "Tessellate final" in text and "Tessellate draft" not in text


def test_an_override_template_edited_renders_the_pages_again(corpus: Path, tmp_path: Path):
    overrides = tmp_path / "overrides"
    (overrides / "partials").mkdir(parents=True)
    card = overrides / "partials/author_card.html"
    shutil.copy(ROOT / "theme/templates/partials/author_card.html", card)
    conf = settings_file(tmp_path, f"THEME_TEMPLATES_OVERRIDES = [{str(overrides)!r}]\n")
    output, cache = tmp_path / "out", tmp_path / "cache"
    build(conf, corpus, output, cache, **INCREMENTAL)
    assert page(output).select(".author-card")
    assert not page(output).select("p.ov-probe")

    card.write_text('<p class="ov-probe">Override</p>\n' + card.read_text(encoding="utf-8"))
    build(conf, corpus, output, cache, **INCREMENTAL)
    assert page(output).select("p.ov-probe")
    clean = tmp_path / "clean"
    build(conf, corpus, clean, tmp_path / "clean-cache")
    assert_same_tree(output, clean)


def test_the_inputs_include_the_override_and_catalog_folders(tmp_path: Path):
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "THEME_TEMPLATES_OVERRIDES": [str(tmp_path / "overrides")],
            "I18N_TRANSLATIONS_PATH": str(tmp_path / "translations"),
        },
    )
    files = fastbuild_signals._input_files(settings, [])
    assert str(tmp_path / "overrides") in files
    assert str(tmp_path / "translations") in files


def test_serve_watches_the_override_and_catalog_folders(tmp_path: Path):
    for name in ("overrides", "translations"):
        (tmp_path / name).mkdir()
    conf = settings_file(
        tmp_path,
        f"THEME_TEMPLATES_OVERRIDES = [{str(tmp_path / 'overrides')!r}, 'theme/templates']\n"
        f"I18N_TRANSLATIONS_PATH = {str(tmp_path / 'translations')!r}\n",
    )
    # theme/ is watched already; a folder that is not there is left out
    assert tasks._template_folders(conf) == [tmp_path / "overrides", tmp_path / "translations"]
    assert tasks._template_folders(ROOT / "pelicanconf.py") == []
    assert tasks._template_folders(tmp_path / "missing.py") == []


def test_installed_names_each_distribution_and_version(tmp_path: Path, monkeypatch):
    before = digest.installed()
    assert sys.version in before
    assert any(name.lower().startswith("pygments-") for name in before)
    (tmp_path / "tessellate_stamp-1.0.dist-info").mkdir()
    monkeypatch.syspath_prepend(str(tmp_path))
    assert "tessellate_stamp-1.0.dist-info" in digest.installed()


def test_own_code_is_the_sites_modules_not_the_libraries(tmp_path: Path, monkeypatch):
    (tmp_path / "site_helpers_22b.py").write_text("X = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    __import__("site_helpers_22b")
    try:
        found = digest.own_code(skip=[str(ROOT / "plugins")])
    finally:
        del sys.modules["site_helpers_22b"]
    assert str(tmp_path / "site_helpers_22b.py") in found
    assert not [f for f in found if f.startswith(str(ROOT / "plugins"))]
    assert not [f for f in found if "site-packages" in f or f.startswith(sys.base_prefix)]


def test_serve_watches_the_theme_and_the_sites_own_modules_its_settings_import(tmp_path: Path):
    """THEME elsewhere than theme/, a sitefilters.py beside the settings: the incremental
    build's digest covered them, but an edit to either started no rebuild."""
    theme = tmp_path / "our-theme"
    (theme / "templates").mkdir(parents=True)
    filters = tmp_path / "sitefilters_8k.py"
    filters.write_text("def shout(text):\n    return text.upper()\n", encoding="utf-8")
    conf = settings_file(
        tmp_path,
        "import sitefilters_8k\nJINJA_FILTERS = {'shout': sitefilters_8k.shout}\n"
        f"THEME = {str(theme)!r}\n",
    )
    watched = [
        tmp_path / "content",
        ROOT / "theme",
        ROOT / "plugins",
        conf,
        ROOT / "pelicanconf.py",
    ]
    watcher, builds = SiteWatcher(), []
    with WarmBuilder(conf, ROOT, stderr=subprocess.DEVNULL) as builder:
        named = builder.inputs()  # the warm server loads the settings once, as a build does
    tasks._watch_settings_inputs(named, watcher, watched, lambda: builds.append("build"))
    assert watched[5:] == [theme, filters]
    assert watcher.examine() == (None, None) and builds == []
    filters.write_text("def shout(text):\n    return text.upper() + '!'\n", encoding="utf-8")
    assert watcher.examine()[0] == str(filters) and builds == ["build"]
    (theme / "templates" / "base.html").write_text("<p>ours</p>\n", encoding="utf-8")
    assert watcher.examine()[0] == str(theme / "templates" / "base.html")
    assert builds == ["build", "build"]


def test_settings_that_do_not_load_add_nothing_to_watch(tmp_path: Path):
    conf = tmp_path / "conf.py"
    conf.write_text("X = Flase\n", encoding="utf-8")
    watched: list[Path] = []
    with WarmBuilder(conf, ROOT, stderr=subprocess.DEVNULL) as builder:
        assert builder.inputs() == []
        # the build says why, as before: the server answers its builds all the same
        assert builder.build(["-s", str(conf), str(tmp_path), "-o", str(tmp_path / "out")]) == 1
    tasks._watch_settings_inputs([], SiteWatcher(), watched, print)
    assert watched == []


def test_the_warm_servers_inputs_are_what_its_builds_read(tmp_path: Path):
    """`make serve` asked a second Python to load the settings only to list these (about 0.3 s
    of processor time beside the first build): the warm server lists them as it loads them."""
    conf = settings_file(tmp_path)
    write_corpus(tmp_path / "content", 1, 0)
    output = tmp_path / "out"
    with WarmBuilder(conf, ROOT, stderr=subprocess.DEVNULL) as builder:
        first = builder.inputs()
        # the first line is no build's answer
        assert builder.build(["-s", str(conf), str(tmp_path / "content"), "-o", str(output)]) == 0
        assert builder.inputs() == first
    # THEME as written, then the modules by path (where the checkout lies decides their order)
    assert first[0] == "theme"
    assert sorted(first[1:]) == sorted([str(conf), str(ROOT / "pelicanconf.py")])
    assert (output / "index.html").is_file()


# ARTICLE_PATHS as adopted blogs write it (Pelican's default, [""]) and two other spellings of
# a folder: each was joined to PATH unnormalised ("content/"), which os.path.commonpath never
# returns, so every post was an input of every page
LAYOUTS = [[""], ["."], ["posts/"], ["posts", ""]]


@pytest.mark.parametrize("layout", LAYOUTS, ids=repr)
def test_posts_and_pages_are_no_inputs_however_article_paths_names_their_folder(
    tmp_path: Path, layout: list[str]
):
    names = ["posts/a.md", "posts/b.rst", "posts/c.html", "d.md", "pages/about.md"]
    names += ["pages/visit.rst", "pages/notes.txt", "posts/plan.pdf", "team/ada.md"]
    inputs = inputs_of(
        tmp_path,
        names,
        ARTICLE_PATHS=layout,
        ARTICLE_EXCLUDES=["pages", "team"],
        # as blogcore sets it: the posts' folders, "" among them, excluding nothing
        PAGE_EXCLUDES=[*layout, "team"],
    )
    # every reader's posts and pages are tracked one by one; other files are inputs
    expected = {"pages/notes.txt", "posts/plan.pdf", "team/ada.md"}
    assert inputs == (expected | {"d.md"} if layout == ["posts/"] else expected)


@pytest.mark.parametrize("layout", LAYOUTS[:3], ids=repr)
def test_an_edited_post_renders_only_its_own_page_in_every_layout(
    corpus: Path, tmp_path: Path, layout: list[str]
):
    """Issue 26: on a blog with Pelican's default ARTICLE_PATHS, each save in `make serve`
    rendered every page again and read every post again."""
    output, cache = tmp_path / "out", tmp_path / "cache"
    settings = {**INCREMENTAL, "ARTICLE_PATHS": layout}
    first = pelican_build(corpus, output, cache, **settings)
    assert first.returncode == 0, first.stderr
    before = _mtimes(output)
    _edit(corpus / "posts/post-00002.md", None, "\nOne more sentence.\n")
    again = pelican_build(corpus, output, cache, **settings)
    assert again.returncode == 0, again.stderr
    rendered = sorted(name for name, stamp in _mtimes(output).items() if before.get(name) != stamp)
    assert rendered == ["posts/post-00002/index.html"]
    assert_as_clean(corpus, output, tmp_path, "clean", ARTICLE_PATHS=layout)


RST_POST = """A post in reST
##############

:date: 2018-03-01 10:00
:authors: Ada Abbott
:slug: in-rest
:summary: Written in reStructuredText.

The first paragraph.
"""

HTML_POST = """<html><head><title>A post in HTML</title>
<meta name="date" content="2018-03-02 10:00">
<meta name="authors" content="Ada Abbott">
<meta name="slug" content="in-html">
<meta name="summary" content="Written in HTML.">
</head><body><p>The first paragraph.</p></body></html>
"""

RST_PAGE = """Visiting
########

:slug: visiting

Where we are.
"""

# each edit, and the pages it renders again (None: any, as long as the site is a clean build's)
EDITS = [
    (
        "a reST post's text",
        lambda c: _edit(c / "posts/in-rest.rst", None, "\nAnother paragraph.\n"),
        ["posts/in-rest/index.html"],
    ),
    (
        "an HTML post's text",
        lambda c: _edit(c / "posts/in-html.html", "</p></body>", " And more.</p></body>"),
        ["posts/in-html/index.html"],
    ),
    (
        "a page's text",
        lambda c: _edit(c / "pages/about.md", None, "\nMore about us.\n"),
        ["about/index.html"],
    ),
    (
        "a reST page's text",
        lambda c: _edit(c / "pages/visiting.rst", None, "\nBy bus.\n"),
        ["visiting/index.html"],
    ),
    # the file moves beside the page, and a post's link to it follows
    (
        "a page attaches a file a post links to",
        lambda c: _edit(c / "pages/about.md", None, "\nOur [plan]({attach}/images/plan.pdf).\n"),
        None,
    ),
    # the menu on every page lists the pages
    ("a page's title", lambda c: _edit(c / "pages/about.md", "Title: About", "Title: Us"), None),
    (
        "a reST post's title",
        lambda c: _edit(c / "posts/in-rest.rst", "A post in reST\n#", "Our reST post\n"),
        None,
    ),
    (
        "a page added",
        lambda c: (c / "pages/contact.md").write_text("Title: Contact\n\nWrite to us.\n"),
        None,
    ),
    (
        "a page hidden",
        lambda c: _edit(c / "pages/visiting.rst", ":slug:", ":status: hidden\n:slug:"),
        None,
    ),
    ("a page removed", lambda c: (c / "pages/contact.md").unlink(), None),
]


@pytest.mark.parametrize("layout", [[""], ["posts"]], ids=repr)
def test_edits_to_pages_and_to_posts_of_every_format_render_what_they_touch(
    corpus: Path, tmp_path: Path, layout: list[str]
):
    """An edit to a reST or HTML post, or to a page, rendered every page again: only
    Markdown posts were left out of the site digest's inputs. After each edit the site is a
    clean build's; an edit to a text renders only its own page."""
    (corpus / "posts/in-rest.rst").write_text(RST_POST, encoding="utf-8")
    (corpus / "posts/in-html.html").write_text(HTML_POST, encoding="utf-8")
    (corpus / "pages/visiting.rst").write_text(RST_PAGE, encoding="utf-8")
    (corpus / "images").mkdir()
    (corpus / "images/plan.pdf").write_bytes(b"%PDF-1.4 the hall's floor plan")
    _edit(corpus / "posts/post-00001.md", None, "\nThe [plan]({static}/images/plan.pdf).\n")
    output, cache = tmp_path / "out", tmp_path / "cache"
    settings = {**INCREMENTAL, "ARTICLE_PATHS": layout}
    first = pelican_build(corpus, output, cache, **settings)
    assert first.returncode == 0, first.stderr
    for number, (what, edit, expected) in enumerate(EDITS):
        before = _mtimes(output)
        edit(corpus)
        again = pelican_build(corpus, output, cache, **settings)
        assert again.returncode == 0, (what, again.stderr)
        assert_as_clean(corpus, output, tmp_path, f"clean-{number}", ARTICLE_PATHS=layout)
        if expected is not None:
            now = _mtimes(output)
            rendered = sorted(name for name, stamp in now.items() if before.get(name) != stamp)
            assert rendered == expected, what


def test_a_file_pelican_ignores_is_an_input_whatever_its_extension(tmp_path: Path):
    """A file IGNORE_FILES names is never read as a post: a page that shows it does so through
    another file (Markdown's or reST's include), so an edit to it must render the pages again,
    not be taken for a post's own edit (which rendered nothing: the page stayed stale)."""
    names = ["posts/a.md", "posts/snippets/footer.md", "posts/b.rst", "posts/_note.rst"]
    inputs = inputs_of(tmp_path, names, ARTICLE_PATHS=[""], IGNORE_FILES=[".#*", "snippets", "_*"])
    assert inputs == {"posts/snippets/footer.md", "posts/_note.rst"}
