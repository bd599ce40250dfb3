"""`invoke serve`'s rebuilds say what is still wrong, and nothing that is fixed.

Serve builds are incremental: a file that did not change is taken from Pelican's reader cache,
not read again, and a page whose inputs did not change is kept as written. What a file's
reading said (a warning from Pelican's own reader, a Markdown extension's, a Python warning)
was said again only when blogcore itself had said it: the others left the terminal and the
overlay at the next rebuild, the mistake still in the file. And a page of a post deleted or
renamed left its folder behind, empty, which the dev server answered as a folder.

Each test drives the builds `invoke serve` runs (the warm builder, the project's settings
with serve's overrides) over a copy of the fixture site in tmp_path, and reads what a user
sees: the terminal, the problems report the overlay shows, the dev server's answers.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from plugins.blogcore import links
from plugins.devserver import pages
from plugins.devserver.problems import FILE_NAME
from plugins.devserver.static import static_app
from plugins.fastbuild.warm import WarmBuilder
from tests.conftest import FIXTURES, ROOT
from tests.test_serve import _call

# A Markdown extension of a site's own (MARKDOWN's extension_configs): it logs a warning
# that names no file, and raises a Python warning, for each file with a lamp in it
NOISY = """
import logging
import warnings

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

log = logging.getLogger("noisy_markdown")


class Lamps(Preprocessor):
    def run(self, lines):
        if any("LAMP" in line for line in lines):
            log.warning("a lamp is lit in a post")
            warnings.warn("the lamp is low", UserWarning)
        return lines


class NoisyExtension(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(Lamps(md), "lamps", 5)


def makeExtension(**kwargs):
    return NoisyExtension(**kwargs)
"""

# the HTML reader warns of a <meta> with no name (Pelican's own line, with the file's absolute
# path, is dropped for it)
HTML_POST = """<html><head><title>Opening hours</title>
<meta name="date" content="2024-03-02">
<meta name="category" content="Company">
<meta name="authors" content="Ada Byrne">
<meta content="nameless">
</head><body><p>We open at nine.</p></body></html>
"""
PELICANS = '{}: line 5: <meta content="nameless"> has no name='  # the file as staff know it
EXTENSIONS = "a lamp is lit in a post"
PYTHONS = "UserWarning: the lamp is low"


class Session:
    """The builds of one `invoke serve` session over a copy of the fixture site."""

    def __init__(self, folder: Path, conf_extra: str = "") -> None:
        self.content = folder / "content"
        shutil.copytree(FIXTURES / "site", self.content)
        self.output = folder / "output"
        self.conf = conf = folder / "conf.py"
        conf.write_text(
            f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nsys.path.insert(0, {str(folder)!r})\n"
            f"from pelicanconf import *\nPLUGIN_PATHS = [{str(ROOT)!r}]\n"
            f"THEME = {str(ROOT / 'theme')!r}\n{conf_extra}",
            encoding="utf-8",
        )
        overrides = ["FASTBUILD_INCREMENTAL=true", "SEARCH_IN_BACKGROUND=true"]
        overrides += ["DEVSERVER_OVERLAY=true", 'COMMENTS_PROVIDER="none"']
        overrides += [f"CACHE_PATH={json.dumps(str(folder / '.cache'))}"]  # as tasks.serve
        self.args = ["-s", str(conf), "-o", str(self.output), str(self.content), "-e", *overrides]
        self.report, self.record = self.output / FILE_NAME, self.output / pages.FILE_NAME
        self.log = folder / "terminal.log"
        self.terminal = self.log.open("w")
        env = {**os.environ, "COLUMNS": "300", "SITEURL": "http://127.0.0.1:8000"}
        env.pop("COMMENTS_ISSO_URL", None)
        self.builder = WarmBuilder(conf, ROOT, env, stderr=self.terminal)

    def build(self, status: int = 0) -> tuple[list[str], str]:
        """Rebuild as a save does: the overlay's lines ("file: message") and the terminal's."""
        since = self.log.stat().st_size
        assert self.builder.build(self.args, problems=self.report, pages=self.record) == status
        self.terminal.flush()
        with self.log.open(errors="replace") as terminal:
            terminal.seek(since)
            printed = terminal.read()
        report = json.loads(self.report.read_text(encoding="utf-8"))
        shown = [f"{p['source']}: {p['message']}".lstrip(": ") for p in report["problems"]]
        return shown, printed

    def edit(self, relpath: str, old: str, new: str) -> None:
        path = self.content / relpath
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def close(self) -> None:
        self.builder.close()
        self.terminal.close()


def _said(lines: list[str], fragment: str) -> int:
    return sum(fragment in line for line in lines)


def test_what_reading_a_file_said_is_said_in_every_build_until_the_file_is_fixed(tmp_path):
    (tmp_path / "noisy_markdown.py").write_text(NOISY, encoding="utf-8")
    extension = (
        'MARKDOWN = {**MARKDOWN, "extension_configs": '
        '{**MARKDOWN["extension_configs"], "noisy_markdown": {}}}\n'
    )
    session = Session(tmp_path, extension)
    try:
        shown, _ = session.build()
        assert shown == [], shown
        # three kinds of warning no blogcore code says: another plugin's logger (here a
        # Markdown extension's), a Python warning, the HTML reader's; the first two raised
        # for two files alike (Pelican and Python say a line once per build: the second
        # file's went unsaid, and was lost for good once the first file was fixed)
        session.edit("posts/ranges.md", "\n\n", "\n\nLAMP by the door.\n\n")
        session.edit("posts/first-light.md", "\n\n", "\n\nLAMP in the hall.\n\n")
        # and a page: another generator, another reader, the same build (Python says it once)
        session.edit("pages/about.md", "\n\n", "\n\nLAMP at the desk.\n\n")
        html = session.content / "posts" / "opening-hours.html"
        html.write_text(HTML_POST, encoding="utf-8")
        pelicans = PELICANS.format("content/posts/opening-hours.html")
        for _ in ("the files saved", "another file saved"):
            shown, printed = session.build()
            for fragment in (pelicans, EXTENSIONS, PYTHONS):
                # in the overlay and in the terminal, once in each
                assert _said(shown, fragment) == 1, (fragment, shown)
                assert printed.count(fragment) == 1, (fragment, printed)
            session.edit("posts/garden-party.md", "\n\n", "\n\nAnother line.\n\n")

        # one of the two files fixed: the other one still says it
        session.edit("posts/ranges.md", "LAMP by the door.", "A lamp by the door.")
        shown, printed = session.build()
        assert _said(shown, EXTENSIONS) == _said(shown, PYTHONS) == 1, shown
        assert _said(shown, pelicans) == 1, shown
        assert printed.count(EXTENSIONS) == printed.count(PYTHONS) == 1, printed

        # every file fixed: the overlay is empty, the terminal says none of it
        session.edit("posts/first-light.md", "LAMP in the hall.", "A lamp in the hall.")
        session.edit("pages/about.md", "LAMP at the desk.", "A lamp at the desk.")
        html.write_text(HTML_POST.replace('<meta content="nameless">\n', ""), encoding="utf-8")
        shown, printed = session.build()
        assert shown == [], shown
        assert not [f for f in (pelicans, EXTENSIONS, PYTHONS) if f in printed], printed
        shown, printed = session.build()  # and stays so
        assert shown == [], shown
    finally:
        session.close()


def test_the_advice_for_links_to_nothing_is_given_once_in_every_serve_build(tmp_path):
    # each serve build is a build of its own: its first such line says how to link (in the
    # overlay as in the terminal), the others refer to it, after an edit too
    session = Session(tmp_path)
    head = "Date: 2026-01-05\nCategory: Notes\nAuthor: Ada Byrne\n\n"
    for n in range(3):
        (session.content / "posts" / f"gone-{n}.md").write_text(
            f"Title: Gone {n}\n{head}See [the plan](/old/plan-{n}/).\n", encoding="utf-8"
        )
    try:
        for edit in (None, ("posts/gone-1.md", "See", "Do see")):
            if edit:
                session.edit(*edit)
            shown, _ = session.build()
            said = [line for line in shown if "points at nothing" in line]
            assert len(said) == 3, shown
            assert said[0].endswith(f"({links.HINT})"), said
            assert all(line.endswith(f"({links.HINT_AGAIN})") for line in said[1:]), said
    finally:
        session.close()


def test_a_removed_pages_folder_goes_and_the_dev_server_answers_where_it_went(tmp_path):
    session = Session(tmp_path)
    try:
        session.build()
        app = static_app(session.output, pages=pages.FILE_NAME)
        posts = session.output / "posts"
        assert (posts / "ranges" / "index.html").is_file()
        # something else in a page's folder (a file dropped there by hand)
        (posts / "garden-party" / "notes.txt").write_text("mine", encoding="utf-8")
        before = {p for p in session.output.rglob("*") if p.is_dir()}

        # one post's Slug changes, another is deleted, a third's folder holds a file of
        # someone else's when the post goes
        session.edit("posts/ranges.md", "Slug: ranges\n", "Slug: range-types\n")
        (session.content / "posts" / "first-light.md").unlink()
        (session.content / "posts" / "garden-party.md").unlink()
        session.build()
        gone = before - {p for p in session.output.rglob("*") if p.is_dir()}
        # the two pages' folders, and those of the lists that had only the posts that went
        # (a year's archive, two categories, two tags); nothing else
        assert sorted(str(p.relative_to(session.output)) for p in gone) == [
            "archives/2025",
            "category/community",
            "category/company",
            "posts/first-light",
            "posts/ranges",
            "tag/news",
            "tag/offsite",
        ]
        assert (posts / "garden-party" / "notes.txt").is_file()  # never a folder in use
        assert (posts / "range-types" / "index.html").is_file()

        # with or without its slash, the old address goes where the post is now, at once
        # (an empty folder answered 301 to itself with a slash first), and a deleted post's
        # gets the 404 page naming the file, not a redirect to a folder with nothing in it
        for old in ("/posts/ranges/", "/posts/ranges"):
            status, headers, _ = _call(app, old)
            assert (status, headers.get("Location")) == (
                "307 Temporary Redirect",
                "/posts/range-types/",
            ), old
        for old in ("/posts/first-light/", "/posts/first-light"):
            status, headers, body = _call(app, old)
            assert status == "404 Not Found" and "Location" not in headers, old
            assert b"content/posts/first-light.md: that file is gone" in body
        status, _, body = _call(app, "/posts/garden-party/")
        assert status == "404 Not Found" and b"content/posts/garden-party.md" in body
        assert _call(app, "/posts/garden-party/notes.txt")[0] == "200 OK"
        assert session.output.is_dir() and (session.output / "index.html").is_file()
    finally:
        session.close()


def test_a_template_or_settings_mistake_fixed_at_the_next_save_leaves_the_overlay(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    session = Session(tmp_path, f"THEME = {str(theme)!r}\n")
    article, settings = theme / "templates" / "article.html", session.conf.read_text()
    template = article.read_text(encoding="utf-8")
    broken = template.replace("{% block content %}", "{% block content %}{{ x | nosuch }}", 1)
    try:
        assert session.build()[0] == []
        for save, fix, said in (
            (lambda: article.write_text(broken), lambda: article.write_text(template),
             f"{article}: line "),
            (lambda: session.conf.write_text(settings + "SITENAME = 'Oops\n"),
             lambda: session.conf.write_text(settings), f"{session.conf}: SyntaxError"),
        ):  # fmt: skip
            save()
            shown, _ = session.build(status=1)
            assert [line for line in shown if line.startswith(said)], shown
            fix()
            shown, printed = session.build()
            assert shown == [], shown
            assert "CRITICAL" not in printed, printed
    finally:
        session.close()


def test_a_post_replaced_by_a_copy_with_the_same_modification_time_is_rebuilt(tmp_path):
    # `cp -p`, `rsync -a`, an unzip: the copy keeps the old file's time; the rebuild took the
    # post from Pelican's reader cache (which compared modification times), unread
    session = Session(tmp_path)
    try:
        session.build()
        post = session.content / "posts" / "ranges.md"
        stamp = post.stat()
        for title in ("FROM DOWNLOADS longer", "FROM DOWNLOADS LONGER"):  # same size, twice
            text = post.read_text(encoding="utf-8")
            start = text.index("Title: ") + len("Title: ")
            post.write_text(text[:start] + title + text[text.index("\n", start) :])
            os.utime(post, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
            session.build()
            page = (session.output / "posts" / "ranges" / "index.html").read_text()
            assert f"<h1>{title}</h1>" in page or f">{title}<" in page, title
        # `cp -p elsewhere/ranges.md content/posts/`: another file (inode), the same time
        copy = tmp_path / "downloads" / "ranges.md"
        copy.parent.mkdir()
        text = post.read_text(encoding="utf-8")
        copy.write_text(text.replace("FROM DOWNLOADS LONGER", "FROM A SYNCED COPY"))
        os.utime(copy, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
        os.replace(copy, post)
        session.build()
        page = (session.output / "posts" / "ranges" / "index.html").read_text()
        assert ">FROM A SYNCED COPY<" in page
    finally:
        session.close()


# a mistake in the settings that Pelican itself warns of while reading them
LOCALE = 'LOCALE = ("xx_XX.nope",)\n'
LOCALES = "Locale could not be set. Check the LOCALE setting"
NO_ALT = "content/posts/ranges.md: line 21: the image lamp.svg has no alt text"


def _warned(printed: str, fragment: str) -> int:
    """How many terminal lines say ``fragment`` as a WARNING (Pelican's console's level)."""
    return sum(fragment in line and "WARNING" in line for line in printed.splitlines())


def test_a_settings_warning_is_said_in_every_build_as_a_cold_build_says_it(tmp_path):
    # The warm server read the settings to import the plugins, and Pelican's log filter
    # remembered the line it logged then (bare, before the first build): each build forked
    # from it dropped it, so no build of that server said it as a WARNING, showed it in the
    # overlay or counted it; a save of the settings file restarted the server the same way
    session = Session(tmp_path, LOCALE)
    image = "More text.\n\n![]({static}/images/lamp.svg)\n"  # no alt text
    session.edit("posts/ranges.md", "More text after the code.", image)
    try:
        for save in ("first build", "the post saved, mistake kept", "another file saved"):
            shown, printed = session.build()
            for fragment in (LOCALES, NO_ALT):
                assert _said(shown, fragment) == 1, (save, fragment, shown)
                assert _warned(printed, fragment) == 1, (save, fragment, printed)
            assert LOCALES not in printed.replace(f"WARNING  {LOCALES}", ""), printed  # once
            session.edit("posts/ranges.md", "More text", "More text!")
            session.edit("posts/garden-party.md", "\n\n", "\n\nAnother line.\n\n")
        # the settings file saved with its mistake kept: a new warm server, the same lines
        session.conf.write_text(session.conf.read_text() + "# saved again\n")
        shown, printed = session.build()
        assert _said(shown, LOCALES) == 1 and _warned(printed, LOCALES) == 1, printed
        report = json.loads(session.report.read_text(encoding="utf-8"))
        assert report["warnings"] == len(shown), report["problems"]  # every line counted

        # both fixed: gone from the terminal and the overlay
        session.conf.write_text(session.conf.read_text().replace(LOCALE, ""))
        session.edit("posts/ranges.md", "![](", "![A lamp](")
        shown, printed = session.build()
        assert shown == [], shown
        assert LOCALES not in printed and "no alt text" not in printed, printed
    finally:
        session.close()


def test_the_tasks_reading_the_settings_before_a_build_print_nothing_of_it(tmp_path):
    # serve read the settings for its 404 page and template folders, publish and build for
    # OUTPUT_RETENTION: Pelican printed its warning bare before the build said it as a WARNING
    conf = tmp_path / "conf.py"
    conf.write_text(f"from pelicanconf import *\n{LOCALE}", encoding="utf-8")
    (tmp_path / "content").mkdir()  # its PATH
    code = (
        "import sys; from pathlib import Path; import tasks\n"
        "conf = Path(sys.argv[1])\n"
        "print(tasks._not_found_page(conf), tasks._retained(conf) is not None)\n"
        "print(len(tasks._template_folders(conf)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(conf)], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["404.html True", "0"], done.stdout
    assert done.stderr == "", done.stderr


def test_the_accelerations_off_line_is_said_in_every_serve_build(tmp_path):
    # docs/architecture.md said it was shown at serve's first build only (Pelican drops a line
    # its process logged before); each build is a fork of a server that never logs
    untested = (
        "from plugins.fastbuild import compat as _fastbuild\n"
        "_fastbuild.TESTED['Pelican'] = ('4.13.0', (4, 12), (4, 13))  # as on a newer Pelican\n"
    )
    session = Session(tmp_path, untested)
    try:
        for _ in ("first build", "another file saved"):
            _, printed = session.build()
            lines = [line for line in printed.splitlines() if "accelerations off" in line]
            assert len(lines) == 1 and "INFO" in lines[0], printed
            assert "Pelican 4.13.0 (tested: 4.12 up to, not including, 4.13)" in lines[0]
            session.edit("posts/garden-party.md", "\n\n", "\n\nAnother line.\n\n")
    finally:
        session.close()


# A Markdown extension of a site's own that notes each reading of a file marked TALLY, in
# whichever process reads it (fastbuild's reading workers included)
TALLY = """
import os

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor


class Tally(Preprocessor):
    def run(self, lines):
        if any("TALLY" in line for line in lines):
            with open(os.environ["TALLY_LOG"], "a", encoding="utf-8") as log:
                log.write("read\\n")
        return lines


class TallyExtension(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(Tally(md), "tally", 5)


def makeExtension(**kwargs):
    return TallyExtension(**kwargs)
"""
REFUSED_POST = "Title: Broken\nDate: the day after\n\nTALLY: a post with a date no one can read.\n"


def test_a_refused_post_is_not_read_ahead_again_and_says_what_a_clean_build_says(tmp_path):
    """A post the reader refused, unchanged since, is read once in a rebuild, by the build's
    own process (which says why), not first in one of the reading workers too, where its
    read fails again (notmyidea's posts without a title: half of a rebuild); the overlay and
    the terminal say what a clean build of the same content says."""
    extra = (
        'MARKDOWN = {**MARKDOWN, "extension_configs": '
        '{**MARKDOWN["extension_configs"], "tally_markdown": {}}}\n'
        "FASTBUILD_MIN_FILES = 1\nFASTBUILD_WORKERS = 2\n"
    )
    tally = tmp_path / "tally.log"
    os.environ["TALLY_LOG"] = str(tally)  # the warm builder's environment, taken at its start
    sessions = []
    try:
        for name in ("serve", "clean"):
            (tmp_path / name).mkdir()
            (tmp_path / name / "tally_markdown.py").write_text(TALLY, encoding="utf-8")
            sessions.append(Session(tmp_path / name, extra))
        serve, clean = sessions
        (serve.content / "posts" / "broken.md").write_text(REFUSED_POST, encoding="utf-8")
        first, _ = serve.build()
        assert any(line.startswith("content/posts/broken.md: Date ") for line in first), first
        for round_ in range(2):  # the record of the refusal is kept by the rebuild too
            serve.edit("posts/ranges.md", "\n\n", f"\n\nA line, round {round_}.\n\n")
            tally.write_text("", encoding="utf-8")
            shown, printed = serve.build()
            assert tally.read_text(encoding="utf-8").count("read") == 1, round_
        shutil.rmtree(clean.content)
        shutil.copytree(serve.content, clean.content)
        expected, cold = clean.build()

        def lines(text: str, session: Session) -> list[str]:
            """Its folder named alike, without the terminal's time and source columns."""
            text = text.replace(str(session.content), "CONTENT")
            return [
                re.sub(r"^(\[[\d:]+\])?\s+|\s+\S+\.py:\d+$", "", li) for li in text.splitlines()
            ]

        assert shown == first
        assert lines("\n".join(shown), serve) == lines("\n".join(expected), clean)
        said = [line for line in lines(printed, serve) if "broken.md" in line]
        assert said and said == [line for line in lines(cold, clean) if "broken.md" in line]
    finally:
        os.environ.pop("TALLY_LOG", None)
        for session in sessions:
            session.close()
