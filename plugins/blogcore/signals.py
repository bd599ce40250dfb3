"""Signal receivers connecting blogcore's pure logic to Pelican."""

import contextlib
import datetime
import functools
import hashlib
import logging
import os
import pickle
import posixpath
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup
from pelican import signals
from pelican.contents import Content, Page
from pelican.generators import ArticlesGenerator
from pelican.readers import HTMLReader, RstReader
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Category
from pelican.utils import truncate_html_words

from plugins.engine import build, keysyntax, phases, settings_errors, side, translations
from plugins.engine.files import CANNOT_WRITE, cannot_write, write_atomically
from plugins.engine.items import every_article, static_output

from . import (
    assets,
    bytecode,
    checks,
    compat,
    dates,
    folders,
    frontmatter,
    jsonld,
    links,
    memo,
    printing,
    repeats,
    sitemap,
    summaries,
    text,
    urls,
)
from . import reader as reading
from .frontmatter import DEFAULT, FROM_FOLDER, NameDateError, name_date_line
from .reader import (
    CATEGORY_FROM,
    LOCAL_URLS,
    OLD_ADDRESSES,
    SAID,
    StrictHTMLReader,
    StrictMarkdownReader,
    StrictRstReader,
    body_start,
    clean,
    shown,
    shown_once,
)
from .settings import (
    SAMPLE_DEFAULT_CATEGORY,
    SettingsError,
    configure,
    sample_files,
    sample_texts,
    typogrify_problem,
)

logger = logging.getLogger(__name__)


class ErrorCollector(logging.Handler):
    """Remembers every error logged during one build."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class PlainLines(logging.StreamHandler):
    """One line per message on stderr, its level first (``WARNING  content/x.md: …``): for
    ``pelican --log-handler plain`` (``invoke build`` off a terminal, as in CI), where rich's
    columns wrapped a long line over several without the file's name."""

    def __init__(self) -> None:
        super().__init__()  # stderr, as it is when a message is written (tests swap it)
        self.setFormatter(logging.Formatter("%(levelname)-8s %(message)s"))


PLAIN_LINES = PlainLines()  # holds nothing of a build: one instance serves the process


class AlreadyNamed(logging.Filter):
    """Pelican's "Could not process <file>": dropped when our reader has named the file and
    why; otherwise (another plugin's receiver failed on the post, say) one line naming the
    file as staff know it and the reason, which Pelican leaves out of its line (it logs the
    exception only with DEBUG).

    Pelican logs it from inside its ``except`` block, so the exception is still the current
    one; the strict reader marks the errors it reported (``reported``). One per build: it
    knows the build's content folder.
    """

    def __init__(self, settings) -> None:
        super().__init__()
        self.settings = settings

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg != "Could not process %s":
            return True
        error = sys.exc_info()[1]
        if getattr(error, "reported", False):
            return False
        if isinstance(error, Exception) and isinstance(record.args, tuple) and record.args:
            record.msg = "%s: could not be processed (%s); it is not built"
            relpath = str(record.args[0])
            path = os.path.join(self.settings["PATH"], relpath)
            record.args = (shown(self.settings, path), reading.failure(error))
            said = isinstance(error, NameDateError) and name_date_line(
                relpath.replace(os.sep, "/"),
                error.value,
                self.settings.get("FILENAME_METADATA"),
                self.settings.get("PATH_METADATA"),
            )
            if said:  # the date of its name, which Pelican read before the file
                record.msg, record.args = "%s: %s", (record.args[0], said)
        return True


class SaidBetter(logging.Filter):
    """Drops Pelican's lines for what blogcore names itself, with the file as staff know it
    and what to do: an image without alt text (the reader, with its line), a key written
    twice (the reader's error: "Using first one" is not even what a gallery does), two files
    with one slug (the URL clash, which says which file is skipped); Pelican's own give
    absolute paths over several lines."""

    SAID = frozenset(
        {
            "Empty alt attribute for image %s in %s",
            # the same, once Pelican's log limit has seen it often enough (LOG_LIMIT)
            "Other images have empty alt attributes",
            "Duplicate definition of `%s` for %s. Using first one.",
            # an HTML post's <meta> without a name (a <meta charset> too), contents= for
            # content=: the reader says what is wrong, with the line (meta_problems)
            "Meta tag in file %s does not have a 'name' attribute, skipping. Attributes: %s",
            "Meta tag attribute 'contents' used in file %s, should be changed to 'content'",
            "Other files have meta tag attribute 'contents' that should be changed to 'content'",
            # a reST file whose title docutils did not find: said with the absolute path, also
            # when a :title: field gives it; the reader names a title missing (StrictRstReader)
            "Document title missing in file %s: Ensure exactly one top level section",
            # a DEFAULT_LANG docutils has no words for: named with the setting and what to do
            # when a reST file is read (rst.language_note)
            "Docutils has no localization for '%s'. Using 'en' instead.",
        }
    )
    PREFIXES = ('There are %s items "%s" with lang %s', "There are %s original (not translated)")

    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.msg if isinstance(record.msg, str) else ""
        return msg not in self.SAID and not msg.startswith(self.PREFIXES)


SAID_BETTER = SaidBetter()  # holds nothing: one instance serves every build
READERS_LOGGER, UTILS_LOGGER = "pelican.readers", "pelican.utils"
GENERATORS_LOGGER = "pelican.generators"
CONTENTS_LOGGER = "pelican.contents"
UNRESOLVED = "Unable to find '%s', skipping url replacement."
STATIC_BY_FILENAME = "{filename} used for linking to static content %s in %s. Use {static} instead"
NOT_RECOGNIZED = "Replacement Indicator %r not recognized in %r, skipping replacement"
NO_SLUG = "Unable to generate valid slug"
# what Pelican's log limit (LimitFilter) puts in place of the fifth such line of a process,
# naming nothing: each one is named by the reader or the link check (LinksNamed, OutsideNamed)
NO_SLUGS_LIMIT = "Other invalid slugs."
UNRESOLVED_LIMIT = "Other resources were not found and their urls not replaced"
# Pelican's line for an {attach} link that cannot move its file, and the one in place of the
# sixth: checks.attach_fallbacks names each, with the post and what to write
ATTACH_FALLBACK = "The {attach} link in %s cannot relocate %s because %s."
ATTACH_LIMIT = "More {attach} warnings silenced."


class LinksNamed(logging.Filter):
    """Drops Pelican's lines for a link our check has named with its file, its line and what
    to write (one line per mistake): "Unable to find '<path>', skipping url replacement.",
    "{filename} used for linking to static content <path> in <file>" (no content/, no line),
    "Replacement Indicator 'archives' not recognized in '{archives}'" and, for a {tag} link
    with no name, 'Unable to generate valid slug for Tag ""' (no file at all). Pelican's line
    stays for a link the check does not see (until Pelican's log limit drops the sixth of a
    process; the fifth's "Other resources were not found", which names nothing, is dropped
    here). One per build: it holds that build's links."""

    def __init__(self) -> None:
        super().__init__()
        self.named: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg in (UNRESOLVED_LIMIT, ATTACH_LIMIT):  # Pelican's for the fifth on
            return False
        if str(record.msg).startswith(ATTACH_FALLBACK):
            return False
        args = record.args
        if not isinstance(args, tuple) or not args:
            return True
        if record.msg == UNRESOLVED:
            return args[0] not in self.named
        if record.msg == STATIC_BY_FILENAME:
            return str(args[0]) not in {urlsplit(value).path for value in self.named}
        if record.msg == NOT_RECOGNIZED and len(args) == 2:
            return str(args[1]) not in self.named
        if str(record.msg).startswith(NO_SLUG) and str(args[-1]).strip() == "":
            return "" not in self.named  # the value of a {tag} link with no name
        return True


class MissingNamed(logging.Filter):
    """Drops Pelican's "Cannot get modification stamp for <file>" (two lines, an absolute path)
    for a file that does not exist: Pelican reads one only because a {static} or {attach} link
    names it, and the link check names that post, the link and the file it looked for."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not str(record.msg).startswith("Cannot get modification stamp for") or not record.args:
            return True
        return os.path.exists(str(record.args[0]))


MISSING_NAMED = MissingNamed()
URLWRAPPERS_LOGGER = "pelican.urlwrappers"


class OutsideNamed(logging.Filter):
    """Drops Pelican's 'Unable to generate valid slug for Tag "🎉"' (no file named): the
    reader names the file and the key of each tag, category or author whose address would
    be empty (``check_url_part``), the link check a {tag}🎉 link; and the category Pelican
    makes of a linked file's folder when a {static} link climbs out of the content folder
    ({static}/../notes.md: Category ".."), the post and the link. A name left blank is
    LinksNamed's (a {tag} link with no name)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg == NO_SLUGS_LIMIT:  # Pelican's own line for the fifth in a process
            return False
        if not str(record.msg).startswith(NO_SLUG) or not record.args:
            return True
        return not str(record.args[-1]).strip()


OUTSIDE_NAMED = OutsideNamed()  # holds nothing: one instance serves every build
CACHE_LOGGER = "pelican.cache"
# a file's error for a missing title, in each format ("has no Title: line", "has no <title>")
NO_TITLE = tuple(
    {
        r.missing["title"].split(";")[0]
        for r in (StrictMarkdownReader, StrictRstReader, StrictHTMLReader)
    }
)

# a file's whole line for a missing date, in each format: folded as a missing title's is (YAML
# front matter without a title or a date said the date in a line of each file's own)
NO_DATE_SAID = tuple(
    {r.missing["date"] for r in (StrictMarkdownReader, StrictRstReader, StrictHTMLReader)}
)


def _file_line(record: logging.LogRecord, starts: tuple[str, ...]) -> tuple[str, str] | None:
    """(file, message) of a reader's "<file>: <message>" line whose message starts so."""
    args = record.args
    if record.msg != "%s: %s" or not isinstance(args, tuple) or len(args) != 2:
        return None
    source, message = args
    if not (isinstance(message, str) and message.startswith(starts)):
        return None
    return str(source), message


def _no_date_line(record: logging.LogRecord) -> tuple[str, str] | None:
    """(file, message) of a reader's error for a missing date, as each format words it (not
    the line for a Date: written below the front matter, which says where the file's is)."""
    said = _file_line(record, NO_DATE_SAID)
    return said if said and said[1] in NO_DATE_SAID else None


def _empty_line(record: logging.LogRecord) -> tuple[str, str] | None:
    """(file, message) of a reader's warning for a front-matter line left empty (Slug:)."""
    said = _file_line(record, ("",)) if record.levelno == logging.WARNING else None
    return said if said and _is_empty_line(said[1]) else None


def _address_key_line(record: logging.LogRecord) -> tuple[str, str] | None:
    """(file, message) of a reader's error for a post without a key its address uses."""
    said = _file_line(record, ("",))
    return said if said and repeats.kind_of(said[1]).startswith(repeats.ADDRESS_KEY) else None


def _is_empty_line(message: str) -> bool:
    """Whether a file's line is one for a key left empty: by its kind where it has one
    (frontmatter.header_warnings: an empty Category: line reworded still folds), else as
    repeats.EMPTY words it (a refused post's empty Comment_id)."""
    return repeats.kind_of(message).startswith(repeats.empty_kind("")) or bool(
        repeats.EMPTY_LINE.match(message)
    )


class RepeatsFolded(logging.Filter):
    """Holds each missing title's (missing date's, empty front-matter line's) line until every
    file is read (``release``): then the first few files of a folder by name get theirs, the
    others are counted for one line of the folder (repeats.py: a folder of 188 notes without
    front matter said 188 lines alike; an old blog's 75 posts, each with an empty Slug: line;
    YAML front matter without a title or a date, a Date line for each file).
    By name, not as read: files are read in no set order, and the named ones changed from
    one build to the next. One per build (``this``): it holds that build's files, in the
    build's own process only (held in a reading worker, 34 of 75 empty Slug: lines were never
    counted: there they are said, and the build reads the file again itself)."""

    def __init__(self, this: build.Build) -> None:
        super().__init__()
        self.repeats = repeats.Repeats()
        self.held: list[tuple[str, str, logging.LogRecord]] = []
        self.levels: dict[str, int] = {}  # each message's level: its folder's line has it
        self.build = this

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "blogcore_released", False) or self.build.in_a_worker():
            return True
        said = (
            _file_line(record, NO_TITLE)
            or _no_date_line(record)
            or _empty_line(record)
            or _address_key_line(record)
        )
        if said is None:
            return True
        # a title to write from each file's own heading: one line's words in every file
        said = (said[0], repeats.folded_as(said[1]))
        self.repeats.note(*said)
        self.held.append((*said, record))
        self.levels[said[1]] = max(self.levels.get(said[1], 0), record.levelno)
        return False

    def release(self) -> None:
        """Say the held lines of the files named one by one, by file name."""
        named = self.repeats.named()
        held, self.held = sorted(self.held, key=lambda h: h[:2]), []
        for source, message, record in held:
            if source in named.get((posixpath.dirname(source), message), ()):
                record.blogcore_released = True
                # past the logger's filters already, as it was held: filtered again, Pelican's
                # duplicate filter would drop a warning it has seen (an empty Slug: line's)
                logging.getLogger(record.name).callHandlers(record)


class LinesFolded(logging.Filter):
    """Lets a line with the same advice in every file (reader.FOLDS: images without alt text,
    an image sized in %, a link without text) through for the first few files of a folder;
    from then on counts the folder's files and what their lines say of for one line of its
    own (an adopted blog's 92 posts said 33 lines alike of their images' widths, a
    long-history blog 434 lines of images without alt text). One per build (``this``): it
    holds that build's files, in the build's own process only (as RepeatsFolded)."""

    def __init__(self, this: build.Build) -> None:
        super().__init__()
        self.repeats = repeats.Repeats()
        self.lines: dict[tuple[str, str], int] = {}  # (file, kind): its lines
        self.serious: set[tuple[str, str]] = set()  # (folder, kind) where a folded one was an error
        self.build = this

    def filter(self, record: logging.LogRecord) -> bool:
        said = getattr(record, reading.FOLDS, None)
        if not isinstance(said, tuple) or len(said) not in (2, 3) or self.build.in_a_worker():
            return True
        source, kind = map(str, said[:2])
        # a line may say several (a file's links without text): how many, after file and kind
        said_of = int(said[2]) if len(said) == 3 else 1
        self.lines[(source, kind)] = self.lines.get((source, kind), 0) + said_of
        if self.repeats.note(source, kind):
            return True
        if record.levelno >= logging.ERROR:
            self.serious.add((posixpath.dirname(source), kind))
        return False

    def folded(self) -> list[tuple[str, str, list[str], int, bool]]:
        """(folder, kind, the files not named one by one, the lines of all its files, whether
        a publish stops for them) where some were folded."""
        return [
            (
                folder,
                kind,
                files,
                sum(self.lines.get((f, kind), 0) for f in self.repeats.seen[(folder, kind)]),
                (folder, kind) in self.serious,
            )
            for folder, kind, files in self.repeats.folded()
        ]


class KeysFolded(logging.Filter):
    """Holds the lines for keys no one reads (reader.UNKNOWN_KEY) until every file is read
    (``release``): a key more than a few files have is then one line for the build, with how
    many files (an old theme's eight keys in 151 files said some 1,200 lines, and the few
    that mattered were lost among them). A key BLOGCORE_KEPT_KEYS lists is said nowhere, in
    a reading worker too (it holds only the setting); the rest is held in the build's own
    process only, as RepeatsFolded's: a worker's line makes the build read the file again."""

    def __init__(self, this: build.Build, kept: set[str]) -> None:
        super().__init__()
        self.build = this
        self.kept = kept  # in lower case, as Pelican hands keys over
        self.held: dict[tuple[str, str], dict[str, logging.LogRecord]] = {}
        self.heard: set[str] = set()  # every unknown key said this build (kept_typos)
        self.in_files: set[str] = set()  # the kept keys some post or page has

    def filter(self, record: logging.LogRecord) -> bool:
        said = getattr(record, reading.UNKNOWN_KEY, None)
        if not isinstance(said, tuple) or len(said) != 4 or not isinstance(said[0], str):
            return True
        key, folds, _meant, _hint = said
        if key in self.kept:
            return False
        if getattr(record, "blogcore_released", False) or self.build.in_a_worker():
            return True
        self.heard.add(key)
        args = record.args
        if not folds or not isinstance(args, tuple) or len(args) != 2:
            return True
        source, message = map(str, args)
        self.held.setdefault((frontmatter.display_key(key), message), {}).setdefault(source, record)
        return False

    def release(self) -> list[tuple[str, bool]]:
        """Say the held lines of keys few files have, file by file; the one line of each
        other key (repeats.key_message), to be said, and whether it is an error (a typo's is,
        in a publish, where one of its files' lines was)."""
        many = repeats.many_files({said: list(files) for said, files in self.held.items()})
        held, self.held = self.held, {}
        for said, files in sorted(held.items()):
            if said in many:
                continue
            for source in sorted(files):
                record = files[source]
                record.blogcore_released = True
                # past the logger's filters already (see RepeatsFolded.release)
                logging.getLogger(record.name).callHandlers(record)
        return [
            (
                self._folded_line(key, message, files, held[key, message][files[0]]),
                any(held[key, message][f].levelno >= logging.ERROR for f in files),
            )
            for (key, message), files in many.items()
        ]

    @staticmethod
    def _folded_line(shown: str, message: str, files: list[str], record: logging.LogRecord) -> str:
        """The one line of a key many files have, from what its record carries (the key, the
        key its did-you-mean names and the did-you-mean), never from its wording."""
        key, _folds, meant, hint = getattr(record, reading.UNKNOWN_KEY)
        not_done = frontmatter.NOT_DONE_HERE.get(key)
        if not_done:
            return repeats.not_done_message(shown, not_done.many, files)
        return repeats.key_message(shown, message, files, meant, hint)


# the HTML reader's lines for a file with no title or no date
HTML_MISSING = (
    StrictHTMLReader.missing["date"],
    StrictHTMLReader.missing["title"].split(";")[0],
)
HTML_NO_TEXT = StrictHTMLReader.missing["text"]


def _content_relpath(settings, shown_path: str) -> str:
    """A file as a reader's line names it (content/posts/x.md) from the content folder
    (posts/x.md; ../ for one outside it)."""
    root = os.path.abspath(settings["PATH"])
    full = os.path.join(os.path.dirname(root), shown_path)
    return os.path.relpath(full, root).replace(os.sep, "/")


class HtmlNotPosts(logging.Filter):
    """Drops the HTML reader's "has no date; add <meta name="date">" (and "has no <title>",
    and "has no text in its <body>") for an HTML file that is a page kept as it is, not a
    post (checks.html_page_kept): followed, slides became dated posts in the feeds; its folder's
    line says to publish it as it is. For a dateless one whose <body> is empty, only its "has
    no text" line: a date or title added, it still was not published. Decides from the file
    alone, so it holds nothing but the build's settings."""

    def __init__(self, settings) -> None:
        super().__init__()
        self.settings = settings

    def filter(self, record: logging.LogRecord) -> bool:
        said = _file_line(record, (*HTML_MISSING, HTML_NO_TEXT))
        if said is None:
            return True
        relpath = _content_relpath(self.settings, said[0])
        found = None if relpath.startswith("../") else checks.dateless_html(self.settings, relpath)
        if found is None:
            return True
        if checks.html_not_a_post(relpath, *found):
            return False
        if said[1].startswith(HTML_NO_TEXT):
            return True
        # a body-less file naming its template gets no "has no text" line: this one stays
        return checks.html_has_text(found[0]) or checks.html_names_template(found[0])


# a file's line for a missing date, in each format (Markdown's "has no Date:" also starts the
# line for a Date: written below the front matter)
NO_DATE = tuple(
    {
        " ".join(r.missing["date"].split()[:3])
        for r in (StrictMarkdownReader, StrictRstReader, StrictHTMLReader)
    }
)


class CaseFoldersNotPosts(logging.Filter):
    """Drops a reader's "has no Date" line for a file in a folder named as a setting names one
    that holds no posts, but in another case (content/Pages/about.md, read as a post through
    ARTICLE_PATHS' ""): its folder's line (_say_case_folders) says to rename it, which makes it
    a page, which needs no date. Decides from the path alone."""

    def __init__(self, settings) -> None:
        super().__init__()
        self.settings = settings
        self.known = folders.named_folders(settings)

    def filter(self, record: logging.LogRecord) -> bool:
        said = _file_line(record, NO_DATE)
        if said is None:
            return True
        relpath = _content_relpath(self.settings, said[0])
        ignores = self.settings.get("IGNORE_FILES", [])
        found = folders.case_mismatches([relpath], self.known, ignores)
        # a Posts/ file without a date still needs one once its folder is renamed
        return not any(self.known[named][0] != "ARTICLE_PATHS" for _, named in found)


def _say_folded(settings) -> None:
    """One error for each folder whose files' missing titles were folded (RepeatsFolded);
    one line for each folder and kind of LinesFolded's (an error where a folded file's line
    was one), images without alt text first."""
    state = build.current(settings).state(__package__)
    lines = getattr(state, "lines_folded", None)
    said = sorted(lines.folded() if lines else (), key=lambda f: f[1] != reading.FOLD_ALT)
    for folder, kind, files, count, serious in said:
        (logger.error if serious else logger.warning)(
            "%s", repeats.fold_message(folder, kind, files, count)
        )
    keys = getattr(state, "keys_folded", None)
    for line, serious in keys.release() if keys else ():
        (logger.error if serious else logger.warning)("%s", line)
    kept = settings.get("BLOGCORE_KEPT_KEYS") or ()
    for line in repeats.kept_typos(kept, keys.in_files, keys.heard) if keys else ():
        logger.warning("%s", settings_errors.located_line(settings, line))
    folded = getattr(state, "repeats_folded", None)
    if folded is None:
        return
    folded.release()
    content = shown(settings, os.path.abspath(settings["PATH"]))
    posts_here = {".", *settings.get("ARTICLE_PATHS", []), *settings.get("PAGE_PATHS", [])}
    # one line for each folder and mistake: a title missing with advice for one file (its
    # front matter is YAML) and without was two lines alike with different counts
    kinds: dict[tuple[str, str], dict[str, list[str]]] = {}
    for folder, message, files in folded.repeats.folded():
        kinds.setdefault((folder, repeats.of_many(message)), {})[message] = files
    # a missing date's lines after the others: a file lacking both says its title first, and
    # the lines come in the same order whichever file was read first
    dates_last = sorted(kinds.items(), key=lambda item: next(iter(item[1])) in NO_DATE_SAID)
    for (folder, kind), by_message in dates_last:
        relative = os.path.relpath(folder, content) if folder else "."
        alike = folded.repeats.alike(folder, kind)
        first = next(iter(by_message))
        empty = _is_empty_line(first)
        # each line worded for all the files it counts (a key as their syntax writes it)
        parts = [
            (
                len(alike[message]),
                _folded_advice(settings, repeats.for_files(message, alike[message]), files),
            )
            for message, files in by_message.items()
        ]
        others = sum(len(files) for message, files in alike.items() if message not in by_message)
        logger.log(
            max(folded.levels.get(message, logging.ERROR) for message in by_message),
            "%s",
            repeats.folder_message(
                folder,
                repeats.for_files(first, alike[first]),
                [file for files in by_message.values() for file in files],
                # an empty line is no sign that the folder holds no posts, nor is a title
                # missing where each file has its heading and text, nor a key an address
                # needs (a post's or a page's)
                empty
                or all(repeats.is_headed(message) for message in by_message)
                or repeats.kind_of(first).startswith(repeats.ADDRESS_KEY)
                or relative.replace(os.sep, "/") in posts_here,
                repeats.advice_in_parts(parts, others),
                sum(len(files) for files in alike.values()),
            ),
        )


def _folded_advice(settings, message: str, files: list[str]) -> str:
    """What a folder's line says to do for its files folded with ``message``: what its record
    says for each (``repeats.Said``: a missing date's, a title's advice for one file, its
    front matter YAML), with a title from each file's name where their names are titles."""
    if _is_empty_line(message):
        # an empty Category: line says where its post is filed (frontmatter.empty_category_line)
        return getattr(message, "of_each", "") or "give each a value or remove the lines"
    of_each = getattr(message, "of_each", "") or repeats.AS_SAID_ABOVE
    if message == StrictMarkdownReader.missing["title"] and (
        # Pelican's own, which dates posts by their names: a pattern of the site's own would
        # be lost
        settings.get("FILENAME_METADATA") == DEFAULT_CONFIG["FILENAME_METADATA"]
        and repeats.names_are_titles(files)
    ):
        return (
            f"{of_each}, or, as their names are their titles, take each title from its file "
            f"name: set FILENAME_METADATA = r'{repeats.TITLE_FROM_NAME}' in pelicanconf.py (a "
            "post still needs a Date: line)"
        )
    return of_each


def _while_building(
    settings, library: str | logging.Logger, added: logging.Filter | logging.Handler
) -> None:
    """Add a filter (or a handler) to a logger for this build only: it is taken away when the
    build ends (build.on_close: at finalized, or after a failed build when the next one
    starts), so no other build in the process (Pelican without our plugins) sees it."""
    logger_ = logging.getLogger(library) if isinstance(library, str) else library
    if isinstance(added, logging.Handler):
        logger_.addHandler(added)
        build.current(settings).on_close(lambda: logger_.removeHandler(added))
    else:
        logger_.addFilter(added)
        build.current(settings).on_close(lambda: logger_.removeFilter(added))


def on_initialized(pelican) -> None:
    """Validate settings, fill in defaults, start counting errors."""
    typogrify = typogrify_problem(pelican.settings.get("TYPOGRIFY"))
    try:
        pelican.settings.update(configure(pelican.settings))
        if typogrify and pelican.settings["BLOGCORE_STRICT"]:
            raise SettingsError(typogrify)  # a publish would ship the titles' HTML as text
    except SettingsError as exc:
        settings_errors.refuse(pelican.settings, exc)
        return
    settings = pelican.settings
    if typogrify:  # a development build goes on with it off, as other mistakes are warnings
        settings["TYPOGRIFY"] = False
        line = settings_errors.located_line(settings, typogrify)
        logger.warning("%s; this build leaves it off", line)
    compat.accelerated(settings)  # said (if off) here, once, before any worker process reads
    # Pelican lower-cases DEFAULT_LANG (pt-br, zh-hans); pages, Lang lines and catalogs spell
    # a language as BCP 47 does (pt-BR, zh-Hans): the site's own language is spelled so too
    canonical = frontmatter.canonical_lang(str(settings.get("DEFAULT_LANG") or "en"))
    if canonical:
        settings["DEFAULT_LANG"] = canonical
    # every build makes new Jinja environments, and no template changes during one: Jinja's
    # default auto_reload looked at a template file's time on every include (46,000 stat calls
    # in a 2,000-post build)
    jinja = settings["JINJA_ENVIRONMENT"] = {"auto_reload": False, **settings["JINJA_ENVIRONMENT"]}
    if "bytecode_cache" not in jinja and compat.template_cache(settings):
        # every generator has its own Jinja environment: without this, each compiles the
        # templates it uses again, in every build. A folder per compiling code (Jinja's and
        # Python's versions, the memo tag's code); each entry is checked against the
        # environment's options too (bytecode.compiled_with: autoescape, trim_blocks...)
        stamp = bytecode.code_stamp((hashlib.sha256(Path(memo.__file__).read_bytes()).hexdigest(),))
        folder = Path(settings["CACHE_PATH"], "jinja", stamp)
        try:
            held = bytecode.hold(folder)
        except OSError as exc:
            if exc.errno not in CANNOT_WRITE:
                raise
            logger.warning(
                "%s: %s; templates are compiled again in every build until it can be",
                folder,
                cannot_write(exc, folder),
            )
        else:
            jinja["bytecode_cache"] = bytecode.NamedBytecodeCache(
                str(folder), compat.filter_pass_arg
            )
            if held is not None:
                build.current(settings).on_close(held.close)
            # the folders of other versions of Jinja, Python or the memo tag, unless a build
            # running with them holds its own
            bytecode.prune(folder.parent, keep=stamp)
    this = build.current(settings)
    # one line per refused file
    _while_building(settings, GENERATORS_LOGGER, AlreadyNamed(settings))
    for name in (READERS_LOGGER, UTILS_LOGGER):  # blogcore names these, with the file
        _while_building(settings, name, SAID_BETTER)
    _while_building(settings, CACHE_LOGGER, MISSING_NAMED)  # the link check names the post
    _while_building(settings, URLWRAPPERS_LOGGER, OUTSIDE_NAMED)  # and this one's too
    named = this.state(__package__).links_named = LinksNamed()
    for name in (CONTENTS_LOGGER, URLWRAPPERS_LOGGER):
        _while_building(settings, name, named)
    # before folded: its files are no repeats to fold
    _while_building(settings, reading.logger, HtmlNotPosts(settings))
    _while_building(settings, reading.logger, CaseFoldersNotPosts(settings))
    folded = this.state(__package__).repeats_folded = RepeatsFolded(this)
    _while_building(settings, reading.logger, folded)
    lines = this.state(__package__).lines_folded = LinesFolded(this)
    for said_by in (reading.logger, logger):  # the sanitiser's lines, the empty links'
        _while_building(settings, said_by, lines)
    kept = {key.lower() for key in settings["BLOGCORE_KEPT_KEYS"]}
    keys = this.state(__package__).keys_folded = KeysFolded(this, kept)
    _while_building(settings, reading.logger, keys)
    this.state(__package__).started = time.time()
    root = logging.getLogger()
    if not [h for h in root.handlers if not isinstance(h, ErrorCollector)]:
        # `--log-handler plain` leaves Pelican's messages no handler: logging's last resort
        # would print them bare, and the collector below kept even that from printing (a
        # build said nothing at all)
        _while_building(settings, root, PLAIN_LINES)
    this.state(__package__).errors = ErrorCollector()
    _while_building(settings, root, this.state(__package__).errors)
    # after the collector: an error here stops a publish
    level = logging.ERROR if settings.get("BLOGCORE_STRICT") else logging.WARNING
    for line in sample_texts(settings):
        logger.log(level, "%s", settings_errors.located_line(settings, line))
    for path, line in sample_files(settings):
        logger.log(level, "%s %s", shown(settings, path), line)


def on_readers_init(readers) -> None:
    """Read Markdown, reStructuredText and HTML with the strict readers (where no other
    plugin or READERS setting put a reader of its own for reST or HTML)."""
    for ext in StrictMarkdownReader.file_extensions:
        if ext in readers.reader_classes:
            readers.reader_classes[ext] = StrictMarkdownReader
    for ext in StrictMarkdownReader.file_extensions:
        # the names Pelican does not know (.mkdn), read as its .md is (not where a READERS
        # setting turned them off, or another plugin reads .md)
        if readers.reader_classes.get("md") is StrictMarkdownReader:
            readers.reader_classes.setdefault(ext, StrictMarkdownReader)
    for strict, stock in ((StrictRstReader, RstReader), (StrictHTMLReader, HTMLReader)):
        for ext in strict.file_extensions:
            if readers.reader_classes.get(ext) is stock:
                readers.reader_classes[ext] = strict


def on_bundles(generators) -> None:
    """Build the theme's CSS and JS bundles (webassets), once per build, before any page.

    Every generator's templates read the URLs from ``bundles``, one dict in the build's
    context (filled here, after Pelican has emptied the output folder).
    """
    if not generators:
        return
    first = generators[0]
    settings = first.settings
    static_dir = settings.get("THEME_STATIC_DIR", "theme")
    wanted = {
        name: (bundle["output"], bundle["contents"])
        for name, bundle in settings["BLOGCORE_BUNDLES"].items()
        if not bundle.get("when") or settings.get(bundle["when"])
    }
    output = os.path.abspath(first.output_path)
    urls = assets.build(
        wanted,
        source_dir=os.path.join(first.theme, "assets"),  # not copied: only bundles are published
        output_dir=os.path.join(output, static_dir),
        url_prefix=static_dir,
        cache_dir=os.path.join(settings["CACHE_PATH"], "blogcore"),
    )
    # each bundle's file is its URL under the output folder; an incremental build removes one
    # no longer written (a stylesheet edited: a new hash, a new name)
    written = [os.path.normpath(url) for url in urls.values()]
    phases.files_written.send(first, settings=settings, paths=written)
    # the manifests earlier versions kept, one per output folder (one per publish)
    for old in Path(settings["CACHE_PATH"], "blogcore").glob("bundles-*.json"):
        old.unlink(missing_ok=True)
    first.context.setdefault("bundles", {}).update(urls)


def on_generator_init(generator) -> None:
    """Make blogcore's template filters and the ``memo`` tag available to every template."""
    siteurl = generator.settings.get("SITEURL", "")
    generator.env.add_extension(memo.MemoExtension)
    generator.env.extensions[memo.MemoExtension.identifier].enabled = generator.settings.get(
        "BLOGCORE_TEMPLATE_MEMO", True
    )
    # filled by on_bundles: the same dict in every generator (the build's context)
    generator.env.globals["bundles"] = generator.context.setdefault("bundles", {})
    generator.env.filters.update(
        {
            "isodate": dates.machine_date,  # at most milliseconds: HTML takes no more
            "absolute_url": lambda path: text.absolute_url(siteurl, path),
            # a post's summary on another page: {{ article.summary|shown_elsewhere(article.url) }}
            "shown_elsewhere": lambda html, url: Markup(
                text.shown_elsewhere(str(html or ""), text.absolute_url(siteurl, url))
            ),
            # the addresses a post's links print on paper (print.css), written at build time:
            # {{ article.content|print_addresses(article.url) }}
            "print_addresses": lambda html, url: Markup(
                printing.mark_printed_addresses(str(html or ""), text.absolute_url(siteurl, url))
            ),
            "initials": text.initials,
            "avatar_tone": text.avatar_tone,
        }
    )
    generator.env.tests["dated"] = dates.dated  # {% if item.date is dated %}: not a draft's 9999


def on_content_init(content: Content) -> None:
    """Word count and reading time; sanitise HTML no reader of ours has cleaned already."""
    default = content.settings.get("DEFAULT_LANG")
    lang = getattr(content, "lang", None)
    if isinstance(default, str) and isinstance(lang, str) and lang.casefold() == default.casefold():
        # Pelican compares with DEFAULT_LANG in lower case (frontmatter.as_site_spells); this
        # comes before any URL is asked for, which is made from it (its lang_ URL settings)
        content.lang = frontmatter.as_site_spells(lang, default)
        content.in_default_lang = True
    for problem in checks.split_wide_tags(content):  # Tags: 思考，生活 is two tags
        logger.error("%s: %s", shown(content.settings, content.source_path), problem)
    html = compat.html_of(content)  # the body as read (compat.py: Content._content)
    if html is None:  # a static file
        return
    local = content.metadata.get(LOCAL_URLS)
    if isinstance(local, tuple):  # the reader's, not a writer's key (a string)
        # out of metadata, and of the attribute Pelican made of it: no page shows it, and a
        # side file (a team file has no title) gives its plugin only the keys it wrote
        del content.metadata[LOCAL_URLS]
        vars(content).pop(LOCAL_URLS, None)
    # no page shows it; empty for nearly every post, so listings' fingerprints rarely see it
    content.blogcore_local_urls = local if isinstance(local, tuple) else ()
    keys = getattr(build.current(content.settings).state(__package__), "keys_folded", None)
    if keys is not None and keys.kept:  # a typo in BLOGCORE_KEPT_KEYS is named by what is not
        keys.in_files |= keys.kept.intersection(content.metadata)
    said = content.metadata.pop(SAID, None)
    if isinstance(said, tuple):  # the reader's (see LOCAL_URLS)
        vars(content).pop(SAID, None)
        _say_again(content, said)
    old = content.metadata.pop(OLD_ADDRESSES, None)
    if isinstance(old, tuple):  # the reader's (see LOCAL_URLS)
        vars(content).pop(OLD_ADDRESSES, None)
        content.blogcore_old_addresses = old
    origin = content.metadata.pop(CATEGORY_FROM, None)
    if isinstance(origin, tuple):  # the reader's (see LOCAL_URLS)
        vars(content).pop(CATEGORY_FROM, None)
        content.blogcore_category_from = origin[0]
    if not hasattr(content, "title"):
        _note_written_links(content)
        return
    # out of metadata, which pages listing this post fingerprint: only its own page shows it
    words = content.metadata.pop("word_count", None)
    if not isinstance(words, int) or isinstance(words, bool):  # not from a strict reader
        source = content.source_path and shown(content.settings, content.source_path)
        html, metadata = clean(html, dict(content.metadata), source)  # e.g. an .html post
        compat.set_html(content, html)  # compat.py: Content._content, no public setter
        if "summary" in metadata:
            compat.set_summary(content, metadata["summary"])  # compat.py: Content._summary
        words = metadata["word_count"]
        local = metadata.get(LOCAL_URLS)
        content.blogcore_local_urls = local if isinstance(local, tuple) else ()
    _leave_out_empty_links(content)
    content.word_count = words
    content.reading_time = text.reading_minutes(
        words, content.settings.get("BLOGCORE_WORDS_PER_MINUTE", 230)
    )
    _note_written_links(content)


def _note_written_links(content: Content) -> None:
    """The files its text links to as written: a plugin may turn an image into a <picture>
    of renditions later, after which its links no longer say which file it was."""
    content.blogcore_static_links, content.blogcore_site_urls = checks.written_links(content)


def _leave_out_empty_links(content: Content) -> None:
    """A link with no text (``[](url)``, a linked image without alt text) is named, one line
    each naming the file, its line and the URL: an error in a publish of a published post, as
    an image without alt text is (reader.py). A publish leaves it out of the page; a
    development build shows the page as it would be published, the line saying what to fix."""
    before = compat.html_of(content) or ""
    html, hrefs = text.links_without_name(before)
    strict = bool(content.settings.get("BLOGCORE_STRICT"))
    if strict and html is not before:  # nearly every post: nothing left out
        compat.set_html(content, html)  # compat.py: Content._content, no public setter
    if not hrefs:
        return
    source = shown(content.settings, content.source_path)
    try:
        lines = Path(content.source_path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    published = getattr(content, "status", "published") == "published"
    date = getattr(content, "date", None)
    if isinstance(date, datetime.datetime) and date.tzinfo is not None:
        published = published and date <= datetime.datetime.now(date.tzinfo)
    log = logger.error if strict and published else logger.warning
    # a development build keeps the link, its preview being the page to be: warn and show
    if strict:
        until_one = "it is left out of the page until then"
        until_many = "they are left out of the page until then"
    elif published:
        until_one, until_many = "a publish refuses it", "a publish refuses them"
    else:  # a draft or a post for later: a publish leaves them out, as it would now
        until_one, until_many = "a publish leaves it out", "a publish leaves them out"
    kinds: dict[tuple[str, str, str, str], list[tuple[str, int | None]]] = {}
    for href in dict.fromkeys(hrefs):
        number = next((n for n, line in enumerate(lines, 1) if href and href in line), None)
        written = lines[number - 1].lower() if number is not None else ""
        if "<img" in written or "![" in written:
            # a linked picture (a book's cover): text beside it is not the fix, its alt text is
            alt = '<img alt="where it leads" …>' if "<img" in written else "![where it leads](…)"
            kind = (
                "holds only a picture without alt text",
                "hold only a picture without alt text",
                f"say where it leads in the picture's alt text ({alt})",
                f"say where each leads in its picture's alt text ({alt})",
            )
        else:
            between = "<a> and </a>" if "<a" in written else "its brackets"
            kind = (
                "has no text",
                "have no text",
                f"write what it leads to between {between}",
                f"write what each leads to between {between}",
            )
        kinds.setdefault(kind, []).append((href, number))
    for (one, many, advice_one, advice_many), found in kinds.items():
        folds = {reading.FOLDS: (source, reading.FOLD_LINKS, len(found))}
        if len(found) == 1:
            href, number = found[0]
            log(
                '%s: %sthe link to %s %s, so a screen reader says only "link": %s (%s)',
                source,
                f"line {number}: " if number else "",
                href,
                one,
                advice_one,
                until_one,
                extra=folds,
            )
            continue
        # one line for a file's links, as for its images without alt text (an old post had six)
        named = [f"{href} (line {n})" if n else href for href, n in found[: reading.ALT_NAMED]]
        rest = [str(n) for _, n in found[reading.ALT_NAMED :] if n]
        more = len(found) - len(named)
        if more:
            named.append(f"{more} more" + (f" (lines {', '.join(rest)})" if rest else ""))
        log(
            '%s: %d links %s, so a screen reader says only "link": %s; %s (%s)',
            source,
            len(found),
            many,
            text.listed(named),
            advice_many,
            until_many,
            extra=folds,
        )


def _say_again(content: Content, said: tuple) -> None:
    """What the reader said of a file read in an earlier build (Pelican's reader cache, kept
    by ``make serve`` between rebuilds): said again, as if it had been read now."""
    read_at, lines = said
    started = getattr(build.current(content.settings).state(__package__), "started", None)
    if started is None or read_at >= started:
        return  # read in this build: said already
    from .reader import say_again, told  # what the reader heard, it knows how to say again

    say_again(lines, told(content.settings))


def _skip_clashes(generators: list, claims: list[urls.Claim]) -> None:
    """Log each clash with both sources and the URL; the later item is not written."""
    kept = urls.yield_posts_copy(claims)
    if len(kept) < len(claims):  # Pelican writes no direct template whose *_SAVE_AS is empty
        # in this build only: the next one (pelican --autoreload, the same settings dict)
        # writes /posts/ again once the post or page that took it is gone
        build.current(generators[0].settings).set_for_build("POSTS_SAVE_AS", "")
    clashes = urls.find_clashes(kept)
    for clash in clashes:
        page = clash.skipped.item
        if urls.is_own_404_page(clash, isinstance(page, Page)):
            # the 404 page shows its text (on_notfound_page): no line, written nowhere else
            state = build.current(generators[0].settings).state(__package__)
            state.notfound_page = page
            continue
        logger.error("%s", clash.message())
    checks.drop(generators, [c.skipped.item for c in clashes if c.skipped.item is not None])


def on_notfound_page(generators) -> None:
    """A page saved as the 404 page (Pelican's idiom) gives the theme's 404 page its title
    and text (NOTFOUND_PAGE in notfound.html), once its links are resolved."""
    if not generators:
        return
    context = generators[0].context
    state = build.current(generators[0].settings).state(__package__)
    page = getattr(state, "notfound_page", None)
    context["NOTFOUND_PAGE"] = (
        {
            "title": page.title,
            "content": Markup(page.content),
            "lang": page.lang,
            # where it is written (a missing path shows it): what its links print is from here
            "url": page.save_as,
        }
        if page is not None
        else None
    )


def on_article_pretaxonomy_urls(generator) -> None:
    """Posts claiming one URL: the first keeps it, before tags, series or related see them;
    categories settled (a folder's spelt as written elsewhere, the default one named).

    Then the engine's ``posts_changed``: what copies the list of posts at this signal
    (related) waits for it, wherever blogcore stands in PLUGINS, so a skipped post is in no
    list."""
    _copy_missed_statics(generator, checks.content_items(generator))
    _skip_clashes([generator], checks.planned_before_taxonomy(generator, generator.settings))
    _settle_categories(generator)
    _say_file_name_metadata(generator)
    strict = generator.settings.get("BLOGCORE_STRICT")  # Category: a, b: a page nobody meant
    for post, line in checks.category_lists(every_article(generator)):
        log = logger.error if strict and post.status == "published" else logger.warning
        log("%s: %s", shown(generator.settings, post.source_path), line)
    phases.mark_posts_changed(generator, __package__)


def _settle_categories(generator) -> None:
    """A category made of a subfolder's name (``posts/engineering/``) takes the spelling posts
    write it with (Engineering), rather than making a second spelling of one page; a post
    filed under the default category because it writes none is named, where other posts
    have categories (a site that uses none gets no line per post)."""
    posts = list(every_article(generator))
    for post in posts:
        if getattr(post, "blogcore_category_from", None) == FROM_FOLDER:
            _skip_language_folder(generator.settings, post)
    written = checks.written_categories(posts)
    for post in posts:
        if getattr(post, "blogcore_category_from", None) == FROM_FOLDER:
            post.category = written.get(post.category.slug, post.category)
    _say_lone_categories(generator, posts)
    default = generator.settings.get("DEFAULT_CATEGORY")
    if not any(c.name != default for c in written.values()):
        return
    # the categories readers see: a draft's would be named in a publish's log before its day
    public = checks.written_categories([*generator.articles, *generator.translations])
    others = sorted({c.name for c in public.values() if c.name != default}, key=str.lower)
    listed = f" (this site's categories: {', '.join(others)})" if others else ""
    unfiled = [post for post in posts if getattr(post, "blogcore_category_from", None) == DEFAULT]
    if unfiled:
        files = [shown(generator.settings, post.source_path) for post in unfiled]
        name = unfiled[0].category.name
        chosen = default != SAMPLE_DEFAULT_CATEGORY
        for line in frontmatter.default_category_lines(files, name, listed, chosen):
            logger.warning("%s", line)


def _skip_language_folder(settings, post) -> None:
    """A post in a folder named for its language (``articles/en/x.md``, Lang: en: a site's
    translations kept apart) is filed as the folder above would file it, not under "en"."""
    relpath = post.relative_source_path.replace(os.sep, "/")
    lang = str(getattr(post, "lang", "") or "")
    folder = frontmatter.category_folder(relpath, lang)
    if folder == relpath.rpartition("/")[0]:
        return
    origin = frontmatter.category_origin(
        relpath,
        False,
        set(),
        settings.get("ARTICLE_PATHS", []),
        bool(settings.get("USE_FOLDER_AS_CATEGORY")),
        lang,
    )
    name = folder.rpartition("/")[2] if origin == FROM_FOLDER else settings.get("DEFAULT_CATEGORY")
    if name:
        post.category = post.metadata["category"] = Category(name, settings)
        post.blogcore_category_from = origin


def _say_file_name_metadata(generator) -> None:
    """One line for an adopted site whose posts' languages and slugs were in their file names
    (its FILENAME_METADATA), which this site's does not read: every old address lost."""
    settings = generator.settings
    line = frontmatter.file_name_metadata_line(
        [
            frontmatter.NamedPost(shown_once(settings, post.source_path), frozenset(post.metadata))
            for post in every_article(generator)
        ],
        settings.get("FILENAME_METADATA") or "",
        settings.get("DEFAULT_LANG", "en"),
    )
    if line:
        logger.warning("%s", line)


def _say_lone_categories(generator, posts: list) -> None:
    """A category only one post writes, near one other posts write (Enginering): a typo that
    made a page of its own; one warning, with the category meant."""
    counts: dict[str, int] = {}
    for post in posts:
        category = getattr(post, "category", None)
        if category is not None:
            counts[category.name] = counts.get(category.name, 0) + 1
    lone = urls.lone_near_misses(counts)
    for post in posts:
        name = getattr(getattr(post, "category", None), "name", None)
        if name in lone:
            logger.warning(
                "%s: Category %r is no other post's, so it makes a page of its own; did you "
                "mean %r?",
                shown(generator.settings, post.source_path),
                name,
                lone[name],
            )


def _say_old_addresses(generators, settings) -> None:
    """Hugo's aliases and Jekyll's permalink, read as Redirect_from: a line each, saying to
    write that, for the addresses that are not the post's own (a Jekyll page's permalink
    /about/ is where it is here too: nothing to redirect, nothing to say)."""
    for generator in generators:
        for item in checks.content_items(generator):
            for key, paths in getattr(item, "blogcore_old_addresses", ()):
                old = [p for p in paths if not frontmatter.is_own_address(p, item.save_as)]
                if old:
                    # the reader's mark says a +++ post's TOML: no second read of the file
                    syntax = keysyntax.syntax_of(
                        keysyntax.as_written(item.source_path, item.metadata)
                    )
                    logger.warning(
                        "%s: %s",
                        shown(settings, item.source_path),
                        frontmatter.old_address_line(key, old, syntax),
                    )


def _say_dated_by_file(generators, settings) -> None:
    """One line for the posts DEFAULT_DATE = 'fs' dates by their file's time (an old blog's
    setting: reader.DATED_BY_FILE): a warning in development, an error in a publish, as a post
    without a date is without the setting."""
    dated = sorted(
        shown(settings, item.source_path)
        for generator in generators
        for name in ("articles", "translations")
        for item in getattr(generator, name, None) or ()
        if getattr(item, reading.DATED_BY_FILE, False)
    )
    if dated:
        strict = settings.get("BLOGCORE_STRICT", False)
        (logger.error if strict else logger.warning)("%s", dates.dated_by_file_line(dated))
    _say_modified_by_file(generators, settings)


def _say_modified_by_file(generators, settings) -> None:
    """One line for the posts and pages with a Date: line whose last update DEFAULT_DATE =
    'fs' takes from their file's time (Pelican's path metadata, for every file): every one
    said "Updated" on the day of the checkout. Those without a Date: line are named by the
    line above, which says it of them."""
    if settings.get("DEFAULT_DATE") != "fs":
        return
    named = []
    for generator in generators:
        for name in ("articles", "translations", "pages"):
            for item in getattr(generator, name, None) or ():
                if getattr(item, reading.DATED_BY_FILE, False):
                    continue
                try:
                    mtime = os.stat(item.source_path).st_mtime
                except (OSError, TypeError):
                    continue
                if dates.modified_by_file(item.metadata.get("modified"), mtime):
                    named.append(shown(settings, item.source_path))
    if named:
        strict = settings.get("BLOGCORE_STRICT", False)
        line = dates.modified_by_file_line(sorted(set(named)))
        (logger.error if strict else logger.warning)("%s", line)


def on_pages_static_links(generator) -> None:
    """The files pages link to where Pelican's pattern does not look are copied too."""
    _copy_missed_statics(generator, checks.content_items(generator))


def on_side_file_read(generator, page) -> None:
    """The files a side file (a bio, a gallery's description, a series' introduction) links
    to where Pelican's pattern does not look are copied too, as a post's are; a withheld
    one's wait with it (``_leave_out_draft_files``)."""
    _copy_missed_statics(generator, [page])


def _copy_missed_statics(generator, items) -> None:
    """Add to Pelican's ``static_links`` (the files its static generator, which runs last,
    copies besides the static folders') the files a srcset or a tag's links before its last
    name (``<video src="{attach}clip.mp4" poster="{attach}clip.jpg">``: Pelican collects
    the poster alone), as it adds those of the links it resolves itself."""
    collected = generator.context.get("static_links")
    if isinstance(collected, set):
        collected |= checks.missed_static_links(items, generator.settings)


def on_sources_known(generators) -> None:
    """Every output path and link is known: skip clashing items, check links.

    At the engine's ``sources_known`` phase, before anything reads a summary: the engine then
    resolves summaries' links (Pelican keeps the first reading of a summary).
    """
    if not generators:
        return
    settings = generators[0].settings
    _say_folded(settings)  # every file has been read
    _say_old_addresses(generators, settings)
    _say_dated_by_file(generators, settings)
    checks.keep_placed_statics(generators, settings)  # before any {attach} link moves one
    _skip_clashes(generators, checks.planned_outputs(generators, settings))
    strict = settings.get("BLOGCORE_STRICT", False)
    # Pelican's own line for these is dropped (SaidBetter): a URL clash says most of them;
    # those left have two addresses (a dated ARTICLE_URL) and no clash to name them
    for item, line in checks.same_language_versions(generators, settings):
        (logger.error if strict and item.status == "published" else logger.warning)("%s", line)
    # Pelican's "There are N original (not translated) items" too: listed twice, no error
    for _, line in checks.originals_in_other_languages(generators, settings):
        logger.warning("%s", line)
    # a file STATIC_EXCLUDES names (Pelican leaves out only folders): out, as asked
    _unpublish(generators, {id(s): s for s in checks.excluded_statics(generators, settings)})
    # a README in a static folder (extra/README) is a note to editors, as the top one is
    readmes = checks.readmes_in_static_folders(generators, settings)
    _unpublish(generators, {id(s): s for s in readmes})
    if readmes:  # one note a build: a writer who meant one for readers learns how
        paths = sorted(s.get_relative_source_path().replace(os.sep, "/") for s in readmes)
        logger.info("%s", checks.readmes_message(paths, shown(settings, settings["PATH"])))
    if not settings.get("DRAFT_SAVE_AS"):  # this build writes no drafts: nor their files
        _leave_out_draft_files(generators, settings)
        # nor a draft or future gallery's photos a post links to (the link's line names it)
        _unpublish(generators, {id(s): s for s in checks.unready_gallery_statics(generators)})
    _leave_out_sources_in_static_folders(generators, settings)
    # a file a {static} link finds outside the content folder: Pelican would write it outside
    # the output folder (output/../notes.md); the link's own line names it
    _unpublish(generators, {id(s): s for s in checks.outside_statics(generators)})
    # an old site's extra/*.cpp that its STATIC_PATHS never published: out now, so named
    private = checks.private_looking_statics(generators, settings)
    if private:
        held = sorted((s.get_relative_source_path().replace(os.sep, "/"), s.url) for s in private)
        logger.info("%s", checks.private_looking_message(held, shown(settings, settings["PATH"])))
    named = getattr(build.current(settings).state(__package__), "links_named", None)
    linked = build.current(settings).state(__package__).linked_unpublished = set()
    for warn_only, line, value, unpublished in checks.link_problems(generators, settings):
        # a development build shows the page as it is; a publish never ships the link
        (logger.error if strict and not warn_only else logger.warning)("%s", line)
        if named is not None:
            named.named.add(value)
        if unpublished:  # named by this line: not again as a file nothing publishes
            linked.add(unpublished)
    # links to the site's own files (from "/" or relative): checked against what the build
    # writes, once it is written; a team, series or gallery file's body is published as
    # written too, on more than one page (no page to resolve a relative link from)
    # where a post's text is shown besides its page: the feed of every post, the home page
    shown_too = tuple(path for path in (settings.get("FEED_ALL_ATOM"), "index.html") if path)
    # a link to a draft's address names the draft's file (a publish build gives drafts no URL)
    build.current(settings).state(__package__).draft_sources = {
        item.slug: item.relative_source_path
        for generator in generators
        for item in checks.content_items(generator)
        if item.status == "draft" and getattr(item, "slug", None)
    }
    # a relative link to nothing may name a post by its path or old address (an old site's)
    build.current(settings).state(__package__).named_sources = {
        item.relative_source_path.replace(os.sep, "/"): getattr(item, "slug", None) or ""
        for generator in generators
        for item in checks.content_items(generator)
    }
    build.current(settings).state(__package__).local_urls = [
        *(
            (
                shown(settings, item.source_path),
                item.status == "draft",
                item.url,
                shown_too if not isinstance(item, Page) else (),  # a post: feeds, listings
                urls_,
                "page" if isinstance(item, Page) else "post",  # a page has a category too
            )
            for generator in generators
            for item in checks.content_items(generator)
            if (urls_ := getattr(item, "blogcore_local_urls", ()))
        ),
        *(
            (side_file.shown, False, None, (), urls_, "post")
            for side_file in side.read_this_build(settings)
            if (urls_ := getattr(side_file.page, "blogcore_local_urls", ()))
        ),
    ]
    # plugins/galleries: a relative link to a gallery's photo is told what to write instead
    state = build.current(settings).state(__package__)
    state.gallery_folders = generators[0].context.get("gallery_folders") or {}
    _check_default_image(generators)
    _check_spellings(generators, settings)
    checks.escape_static_urls(generators, settings)  # last: the checks read raw URLs
    checks.resolve_missed_links(generators, settings)  # with the static files' URLs final


def _unpublish(generators, left_out: dict[int, object]) -> None:
    """Take these static files (by id) out of the files Pelican copies."""
    for generator in generators:
        files = getattr(generator, "staticfiles", None)
        if files:  # in place: the generator's context holds this same list
            files[:] = [s for s in files if id(s) not in left_out]


def _leave_out_draft_files(generators, settings) -> None:
    """Files only drafts link to ({attach}, {static}, or by address; in a static folder too):
    not published."""
    left_out = {id(s): s for s in checks.draft_only_statics(generators, settings)}
    if not left_out:
        return
    _unpublish(generators, left_out)
    # the drafts' own links to them are not broken: the files wait with their drafts
    build.current(settings).state(__package__).draft_files = {
        static_output(s)[0] for s in left_out.values()
    }
    for static in left_out.values():
        logger.info(
            "%s: only drafts link to it, so it is not published yet",
            shown(settings, static.source_path),
        )


def _leave_out_sources_in_static_folders(generators, settings) -> None:
    """A Markdown or reST file in a static folder is not published as raw text: a post
    saved in content/images/ by mistake would show its draft to anyone who guesses the URL."""
    left_out = {id(s): s for s in checks.sources_in_static_folders(generators)}
    if not left_out:
        return
    _unpublish(generators, left_out)
    for static in left_out.values():
        try:
            with open(static.source_path, encoding="utf-8", errors="replace") as source:
                keys = frontmatter.scan_header(source.read(4096)).keys
        except OSError:
            keys = []
        # a README beside the images is only left out; a post there is a mistake to name
        (logger.warning if keys else logger.info)(
            "%s: a %s file in a static folder would be published as its raw text, front "
            "matter and all: it is left out (posts go in content/posts/, pages in "
            "content/pages/; a file to download is published when a post links to it with "
            "{static})",
            shown(settings, static.source_path),
            "reStructuredText" if static.source_path.lower().endswith(".rst") else "Markdown",
        )


def _check_spellings(generators, settings) -> None:
    """Tags, categories and authors spelt two ways that make one page (Python, python)."""
    uses = []
    for generator in generators:
        for article in [
            *getattr(generator, "articles", ()),
            *getattr(generator, "translations", ()),
        ]:
            source = shown_once(settings, article.source_path)
            tags = list(getattr(article, "tags", ()))
            # Tags: [a, b] in a Markdown post's plain front matter: the reader's line names
            # the mistake and what to write; '[a' clashing with 'a' says it again, wrongly
            said = set()
            if Path(article.source_path).suffix[1:].lower() in StrictMarkdownReader.file_extensions:
                said = frontmatter.bracket_ends([t.name for t in tags])
            named = [("Tags", t) for t in tags if t.name not in said]
            if getattr(article, "category", None) is not None:
                named.append(("Category", article.category))
            for kind, wrapper in named:
                uses.append(urls.NameUse(source, kind, wrapper.name, wrapper.url))
    for source, message in urls.spelled_two_ways(uses):
        logger.warning("%s: %s", source, message)


def _check_default_image(generators) -> None:
    """BLOGCORE_DEFAULT_IMAGE must be a file the build publishes: else one error line, and
    this build's pages carry no social image rather than a broken one (the context's value
    is what templates and plugins read)."""
    context = generators[0].context
    default = context.get("BLOGCORE_DEFAULT_IMAGE") or ""
    if not default or "://" in default:
        return
    wanted = default.lstrip("/")
    for generator in generators:
        for static in getattr(generator, "staticfiles", None) or []:
            if wanted in static_output(static):  # not marked linked ({attach})
                return
    logger.error(
        "pelicanconf.py: BLOGCORE_DEFAULT_IMAGE %r names no file the site publishes: put it "
        'in a static folder (%s) or set BLOGCORE_DEFAULT_IMAGE = ""; pages have no social '
        "image meanwhile",
        default,
        ", ".join(f"content/{p}/" for p in _static_folders(context)) or "STATIC_PATHS",
    )
    context["BLOGCORE_DEFAULT_IMAGE"] = ""


def _static_folders(settings) -> list[str]:
    """The STATIC_PATHS entries a picture can be put in: not those that are files (an old
    site's CNAME and favicon.ico, listed to be copied to the root)."""
    content = settings.get("PATH") or ""
    paths = settings.get("STATIC_PATHS") or []
    return [p for p in paths if not os.path.isfile(os.path.join(content, p))]


def _with_translations(items):
    for item in items:
        yield item
        yield from getattr(item, "translations", [])


def on_unpaged_taxonomy(generators) -> None:
    """A hidden post's (or a draft's) tag or category that no published post has gets no
    page: the post shows it without a link (``blogcore_unpaged``: the URLs not written)."""
    for generator in generators:
        if not hasattr(generator, "hidden_articles"):
            continue
        published = [*generator.articles, *generator.translations]
        paged = {tag.url for post in published for tag in getattr(post, "tags", None) or ()}
        paged |= {post.category.url for post in published if getattr(post, "category", None)}
        listed = {id(post) for post in published}
        for post in every_article(generator):
            if id(post) in listed:
                continue  # its tags and category have their pages, through it
            terms = [*(getattr(post, "tags", None) or ()), getattr(post, "category", None)]
            post.blogcore_unpaged = frozenset(
                term.url for term in terms if term is not None and term.url not in paged
            )


def on_content_final(generators) -> None:
    """Give each article its social image and JSON-LD, once every URL is known; site years."""
    for generator in generators:
        if not hasattr(generator, "articles"):
            continue
        # once per build, not once per page: the footer's "© first–last" years
        years = [article.date.year for article in generator.articles]
        generator.context["site_years"] = (min(years), max(years)) if years else None
        settings = generator.settings
        siteurl = settings.get("SITEURL", "")
        # for the checks once every page is written (on_attach_fallbacks)
        build.current(settings).state(__package__).generators = generators
        default_image = generator.context.get("BLOGCORE_DEFAULT_IMAGE") or None
        everything = [*generator.articles, *getattr(generator, "drafts", [])]
        published = _published_paths(generators, settings)
        for article in _with_translations(everything):
            _text_summary(article)
            # .content has {static}/{filename} links resolved, now that every file is known;
            # never a picture readers cannot load (on the writer's disk, or nothing published)
            usable = functools.partial(
                links.shown_to_readers, page=article.url or "", siteurl=siteurl, published=published
            )
            image = text.first_image(article.content, usable) or default_image
            article.og_image = text.absolute_url(siteurl, image) if image else None
            # a draft's preview names people with no profile page (a draft team file, none):
            # no link to a page that is not written (partials/post_meta.html reads this too)
            article.profiles_unwritten = unwritten = frozenset(
                a.slug for a in article.authors if not (a.save_as and published(a.save_as))
            )
            article.structured_data = jsonld.blog_posting(
                headline=article.title,
                url=text.absolute_url(siteurl, article.url),
                published=article.date if dates.dated(article.date) else None,
                modified=getattr(article, "modified", None),
                authors=[
                    (a.name, "" if a.slug in unwritten else text.absolute_url(siteurl, a.url))
                    for a in article.authors
                ],
                description=text.plain_summary(article.summary),
                image=article.og_image,
                publisher=settings.get("SITE_ORGANISATION") or settings.get("SITENAME", ""),
                language=article.lang,
            )
        phases.posts_described.send(generator)  # team and galleries add to what is here


def _published_paths(generators, settings: dict) -> Callable[[str], bool]:
    """Whether the build writes a path of the output folder (``images/x.png``): the files
    it plans (posts, pages, static files), and the theme's own files; listed once, when
    first asked."""
    theme = str(settings.get("THEME_STATIC_DIR") or "theme").strip("/") + "/"

    @functools.cache  # this build's, once: most posts' first picture is the site's own
    def planned() -> frozenset[str]:
        return frozenset(claim.path for claim in checks.planned_outputs(generators, settings))

    def published(path: str) -> bool:
        return path.startswith(theme) or any(
            candidate in planned() for candidate in links.output_candidates(path)
        )

    return published


def _text_summary(article) -> None:
    """A post without ``Summary:`` gets its automatic summary as text (summaries.py), before
    any card or JSON-LD reads it; Pelican's own where that is text already. The text before
    its ``<!-- more -->`` is its summary, as text too, not cut."""
    words = article.settings.get("SUMMARY_MAX_LENGTH")
    suffix = article.settings.get("SUMMARY_END_SUFFIX", "…")
    if article.metadata.get(summaries.MARKED):
        # the reader's (reader.py), its links resolved as a Summary's are
        content = made = article.metadata["summary"]
        words = None
    elif "summary" in article.metadata:
        return
    else:
        content = article.content
        # what Pelican would make (not article.summary: Pelican keeps its first reading)
        made = content if words is None else truncate_html_words(content, words, suffix)
    if made and not summaries.is_text(made):
        compat.set_summary(article, summaries.card_summary(content, words, suffix))


def _files_under(
    root: str, keep: Callable[[str], bool] = lambda name: True, dot_folders: bool = True
) -> list[str]:
    """The files under a folder whose names ``keep`` accepts, as /-separated paths relative
    to it (os.walk, not Path.rglob: a fifth of the time on a large site)."""
    found = []
    # os.walk names each folder below root as root joined to its names: cut, not relpath
    # (a third of this walk's time over an output folder of 3,500 pages and the search index)
    cut = len(os.path.join(root, ""))
    for folder, dirs, names in os.walk(root):
        if not dot_folders:
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel = folder[cut:].replace(os.sep, "/")
        prefix = rel + "/" if rel else ""
        found.extend(prefix + name for name in names if keep(name))
    return found


def on_unbuilt_sources(generators) -> None:
    """One warning naming the source files that no generator read or copied; an error for
    each post Pelican skipped for how its name ends (Post.MD, post.md.txt)."""
    if not generators:
        return
    first = generators[0]
    settings, context = first.settings, first.context
    root = os.path.abspath(settings["PATH"])
    extensions = {f".{ext}" for ext in first.readers.extensions}
    every = _files_under(root, dot_folders=False)  # one walk for the three kinds of lines
    found = [f for f in every if frontmatter.source_suffix(f.rsplit("/", 1)[-1], extensions)]
    by_text = checks.posts_by_text(root, every, found)  # a post saved with no .md
    found += by_text
    picked = {
        path.replace(os.sep, "/")
        for key in ("generated_content", "static_content")
        for path in context.get(key, {})
    }
    plugin_folders = frontmatter.plugin_folders(settings)
    ignores = settings.get("IGNORE_FILES", [])
    misnamed = frontmatter.misnamed_sources(found, picked, plugin_folders, ignores, extensions)
    for relpath in misnamed:  # a post by its text, not by its name: Pelican skipped it
        logger.error(
            "%s: %s",
            shown(settings, os.path.join(root, relpath)),
            frontmatter.misnamed_message(
                relpath,
                extensions,
                by_text.get(relpath, ()),
                checks.post_home(relpath, settings, shown(settings, root)),
            ),
        )
    read = [
        (settings.get(f"{kind}_PATHS", []), settings.get(f"{kind}_EXCLUDES", []))
        for kind in ("ARTICLE", "PAGE")
    ]
    named = set(misnamed)
    # a post in a format no reader here reads (a notebook, Org mode): one line each
    # (a post left out: an error in a publish build, as a file nothing publishes is)
    others = [f for f in every if frontmatter.other_format_message(f) is not None]
    log = logger.error if settings.get("BLOGCORE_STRICT") else logger.warning
    for relpath in frontmatter.unbuilt_files(others, picked, plugin_folders, ignores):
        log(
            "%s: %s",
            shown(settings, os.path.join(root, relpath)),
            frontmatter.other_format_message(relpath, every, checks.front_matter_of(root, relpath)),
        )
    # the pictures the image pipeline rendered (a Cover: in figures/, team and gallery
    # photos) are used though no generator copied them
    # (the images plugin's ImageBuild, in the context as "images_build")
    rendered = getattr(context.get("images_build"), "sources", ())
    real_root = os.path.realpath(root)
    used = {os.path.relpath(path, real_root).replace(os.sep, "/") for path in rendered}
    used |= checks.draft_key_paths(generators)  # withheld with its draft (a draft's Cover:)
    # HTML files read as posts that are pages kept as they are (slides): not posts, and named
    # with their folder, as files nothing publishes (Pelican keeps a file it failed to read
    # in generated_content, as None)
    failed = {
        path.replace(os.sep, "/")
        for path, item in context.get("generated_content", {}).items()
        if item is None
    }
    pages = {f for f in found if f in failed and checks.html_page_kept(settings, f)}
    sources = {*found, *others} - pages
    cased = _say_case_folders(settings, every, root)
    # a folder's own line says to rename it: not also to add it to STATIC_PATHS, or move posts
    rest = [f for f in every if not frontmatter.is_within_any(f, cased)]
    _say_unpublished(generators, rest, (picked - pages) | used, sources, plugin_folders, pages)
    _say_posts_elsewhere(generators, settings, root, cased)
    left = frontmatter.unbuilt_files(
        [f for f in found if f not in named], picked, plugin_folders, ignores, read
    )
    if left:
        logger.warning(
            "%s",
            frontmatter.unbuilt_message(
                [shown(settings, os.path.join(root, f)) for f in left],
                shown(settings, root),
                settings.get("ARTICLE_PATHS", []),
                settings.get("PAGE_PATHS", []),
            ),
        )


def _say_case_folders(settings, every: list[str], root: str) -> list[str]:
    """One line for each folder named as a setting names one but in another case
    (content/Pages/ for pages/), an error in a publish build: its files are read as something
    else, or not at all. Returns those folders (their posts are named by this line only)."""
    known = folders.named_folders(settings)
    found = folders.case_mismatches(every, known, settings.get("IGNORE_FILES", []))
    log = logger.error if settings.get("BLOGCORE_STRICT") else logger.warning
    for folder, named in found:
        key, what = known[named]
        sample = f"{folder}/x"
        if key == "STATIC_PATHS":
            static = settings.get("STATIC_PATHS", [])
            read_as = "static files" if frontmatter.is_within_any(sample, static) else None
        else:
            read_as = next(
                (
                    kind
                    for kind, prefix in (("posts", "ARTICLE"), ("pages", "PAGE"))
                    if frontmatter.is_within_any(
                        sample,
                        settings.get(f"{prefix}_PATHS", []),
                        settings.get(f"{prefix}_EXCLUDES", []),
                    )
                ),
                None,
            )
        log(
            "%s/: %s",
            shown(settings, os.path.join(root, folder)),
            folders.case_message(folder, named, key, what, read_as),
        )
    return [folder for folder, _ in found]


def _say_posts_elsewhere(generators, settings, root: str, said: list[str] = ()) -> None:
    """One warning for each post published from outside the folders ARTICLE_PATHS names
    (content/notes/hello.md, read because of its ""): a writer expected it not to be.
    Not for a post in one of ``said``, a folder whose own line names it (content/Pages/)."""
    relpaths = [
        os.path.relpath(os.path.abspath(post.source_path), root).replace(os.sep, "/")
        for generator in generators
        if isinstance(generator, ArticlesGenerator)  # pages have translations too
        for post in every_article(generator)
        if post.status != "draft"  # a draft is published by no build
    ]
    relpaths = [r for r in relpaths if not frontmatter.is_within_any(r, list(said))]
    content = shown(settings, root)
    for where, line in frontmatter.posts_elsewhere(
        relpaths, settings.get("ARTICLE_PATHS", []), content
    ):
        logger.warning("%s: %s", where, line)


def _say_unpublished(generators, every, picked, sources, plugin_folders, pages=()) -> None:
    """Files copied into the content folder outside its static folders that are neither posts
    nor published (content/CNAME, content/downloads/x.txt): one line per folder (per file at
    the top), an error in a publish build, which would silently lack them. ``pages``: HTML
    files Pelican read as posts that are not (slides), for which the folder's line says
    ARTICLE_EXCLUDES too. And a static file that works only at the root, published below it."""
    settings = generators[0].settings
    own = [f for key in ("ARTICLE_PATHS", "PAGE_PATHS") for f in settings.get(key) or []]
    keep_out = [*settings.get("STATIC_PATHS", []), *plugin_folders, *own]
    # what a plugin reads itself (the webmentions archive), and files a link line named
    said = getattr(build.current(settings).state(__package__), "linked_unpublished", set())
    used = {*picked, *side.claimed(settings), *said}
    found = checks.unpublished_files(
        every, used, sources, keep_out, settings.get("IGNORE_FILES", [])
    )
    log = logger.error if settings.get("BLOGCORE_STRICT") else logger.warning
    content = shown(settings, settings["PATH"])
    site_writes = {  # root files the build writes itself: robots.txt (ROBOTS_SAVE_AS)
        settings[key]: key
        for key in (f"{t.upper()}_SAVE_AS" for t in settings.get("DIRECT_TEMPLATES", []))
        if settings.get(key) in checks.ROOT_FILES
    }
    # a file that works only at the root, copied below it (content/extra/CNAME at /extra/)
    published = {
        item.get_relative_source_path().replace(os.sep, "/"): static_output(item)[0]
        for generator in generators
        for item in getattr(generator, "staticfiles", None) or []
    }
    elsewhere = checks.root_files_elsewhere(published, checks.icons_in_use(generators, settings))
    # two files each told to be /robots.txt (extra/ and static/): one line asks which it is
    roots = [f for f in found.get("", []) if posixpath.basename(f) in checks.ROOT_FILES]
    at_root = {save_as: source for source, save_as in published.items()}
    choices, taken = checks.root_file_choices([source for source, _ in elsewhere], roots, at_root)
    chosen = {source for group in choices for source, _ in group}
    for group in choices:
        log("%s", checks.root_choice_message(group, content, site_writes))
    for source, holder in taken:
        logger.info("%s", checks.root_taken_message(source, holder, content))
    # the copy not chosen, below the root (/extra/robots.txt): harmless, named so it is known
    for source, save_as, holder in checks.root_copies_below(published):
        logger.info("%s", checks.root_copy_message(source, save_as, holder, content))
    if "" in found:
        found[""] = [f for f in found[""] if f not in chosen and f not in dict(taken)]
        if not found[""]:
            del found[""]
    elsewhere = [pair for pair in elsewhere if pair[0] not in chosen]
    for line in checks.root_file_lines(elsewhere, content, site_writes):
        log("%s", line)
    # files linked by address (photo.jpg, ./img/x.jpg, /trips/x.jpg): named by their link's
    # line once the site is written (on_site_written), with what to write
    by_address = checks.linked_by_address(generators, settings.get("SITEURL", ""))
    # comments saved as data (Staticman's), by folder: their own line, and the folder that
    # holds them is never advised into STATIC_PATHS for the other files (_data/ beside them)
    comments_of = {
        folder: checks.comment_files(settings["PATH"], files) for folder, files in found.items()
    }
    everyone = {f for files in comments_of.values() for f in files}
    # what IGNORE_FILES must not leave out with them (other comments it may)
    not_comments = [f for f in every if f not in everyone]
    for folder, files in found.items():
        holds_posts = any(s.startswith(f"{folder}/") for s in sources)
        if holds_posts:  # its line says nothing links to them: untrue of these
            files = [f for f in files if f not in by_address]
            if not files:
                continue
        comments = [f for f in comments_of[folder] if f in files]
        if comments:
            home = checks.comment_home(comments, every)
            named = checks.named_files(content, comments)
            log(
                "%s",
                checks.comments_message(named, comments, content, folder, home, not_comments),
            )
            files = [f for f in files if f not in comments]
        folded: list[str] = []
        if not folder:  # a line each for the first few at the top, one for the rest
            top = [f for f in files if posixpath.basename(f) not in checks.ROOT_FILES]
            folded = top[repeats.SHOWN :]
            files = [f for f in files if f not in folded]
        for group in [[f] for f in files] if not folder else [files] if files else []:
            message = checks.unpublished_message(
                folder,
                group,
                content,
                holds_posts,
                site_writes,
                read_as_posts=bool(folder) and any(f in pages for f in group),
                comments_in=(home or posixpath.dirname(comments[0])) if comments else "",
            )
            log("%s", message)
        if folded:
            log("%s", checks.top_files_message(folded, content))


def on_static_comments(generators) -> None:
    """Comments saved as data files (Staticman's) that STATIC_PATHS names are left out of the
    site, one line per folder (an error in a publish build), unless
    BLOGCORE_PUBLISH_COMMENT_DATA says they are meant to be public: each holds a commenter's
    name and message, often an e-mail or its hash."""
    if not generators or generators[0].settings.get("BLOGCORE_PUBLISH_COMMENT_DATA"):
        return
    settings = generators[0].settings
    root = settings["PATH"]
    content = shown(settings, root)
    every = None
    log = logger.error if settings.get("BLOGCORE_STRICT") else logger.warning
    static = settings.get("STATIC_PATHS", [])
    excludes = settings.get("STATIC_EXCLUDES", [])
    for generator in generators:
        statics = getattr(generator, "staticfiles", None)
        if not statics:
            continue
        by_path = {sc.get_relative_source_path().replace(os.sep, "/"): sc for sc in statics}
        comments = checks.comment_files(root, sorted(by_path))
        if not comments:
            continue
        left_out = {id(by_path[f]) for f in comments}
        # in place: the generator's context holds this same list
        generator.staticfiles[:] = [sc for sc in statics if id(sc) not in left_out]
        # a file only a {static} link brought in is named by that link's line (link_problems)
        comments = [f for f in comments if frontmatter.is_within_any(f, static, excludes)]
        if not comments:
            continue
        every = every if every is not None else _files_under(os.path.abspath(root))
        found = set(comments)
        not_comments = [f for f in every if f not in found]  # what IGNORE_FILES must keep
        for home, files in checks.comment_groups(comments, every):
            way = checks.static_comments_way(files, home, static, not_comments, content)
            named = checks.named_files(content, files)
            log("%s", checks.static_comments_message(named, len(files), way))


def _head_of(path: Path) -> sitemap.PageHead:
    """The sitemap's view of one page, reading no further than its </head>."""
    with path.open("rb") as handle:
        start = handle.read(16384)
        if b"</head>" not in start:
            start += handle.read()
    return sitemap.read_head(start.decode("utf-8", errors="replace"))


def write_sitemap(output_path: str, siteurl: str, filename: str, cache_file: str = "") -> int:
    """Write the sitemap of every indexable page under output_path; return its size.

    With a cache file, a page whose size and modification time are unchanged since the last
    build is not read again (`make serve` rebuilds keep most pages).
    """
    root = Path(output_path)
    known = _sitemap_cache(cache_file)["pages"] if cache_file else {}
    seen: dict[str, tuple] = {}
    entries = []
    found = _files_under(str(root), lambda name: name.endswith(".html"))
    for relpath in sorted(found, key=lambda rel: rel.split("/")):  # in Path order
        path = root / relpath
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = known.get(relpath)
        # plain tuples in the cache: it must load whatever name the plugin was imported under
        head = sitemap.PageHead(*cached[1]) if cached and cached[0] == stamp else _head_of(path)
        seen[relpath] = (stamp, (head.indexable, head.canonical, head.modified, head.alternates))
        if head.indexable:
            url = head.canonical or sitemap.url_for(siteurl, relpath)
            entries.append((url, head.modified, head.alternates))
    # named on a full disk (write() says no file), and never read half-written
    write_atomically(root / filename, sitemap.render(entries))
    if cache_file:
        # with its folder: a publish has a folder of its own, its cache is removed with it
        try:
            write_atomically(cache_file, pickle.dumps({"output": str(root), "pages": seen}))
        except OSError as exc:  # a read-only or full cache: the sitemap itself is written
            if exc.errno not in CANNOT_WRITE:
                raise
            logger.warning(
                "%s: %s; the next sitemap reads every page again",
                os.path.dirname(cache_file),
                cannot_write(exc, os.path.dirname(cache_file)),
            )
    return len(entries)


def _sitemap_cache(cache_file: str | os.PathLike) -> dict:
    """A sitemap cache: {"output": its output folder, "pages": {relpath: (stamp, head)}}."""
    with contextlib.suppress(OSError, pickle.PickleError, EOFError, ValueError, TypeError):
        cache = pickle.loads(Path(cache_file).read_bytes())
        if isinstance(cache, dict) and isinstance(cache.get("pages"), dict):
            return cache
    return {"output": "", "pages": {}}


def _prune_sitemap_caches(folder: Path) -> None:
    """Remove the sitemap caches of output folders that are gone (each publish builds into a
    new one: a cache per publish piled up, never read again)."""
    for cache_file in folder.glob("sitemap-*.pickle"):
        output = _sitemap_cache(cache_file)["output"]
        if not output or not os.path.isdir(output):
            with contextlib.suppress(OSError):  # a read-only cache keeps it: never read
                cache_file.unlink(missing_ok=True)


FAVICON = "favicon.svg"


def on_favicon_source(generators) -> None:
    """Note whether the content publishes its own favicon at the site's root."""
    if not generators:
        return
    settings = generators[0].settings
    published = {
        os.path.normpath(save_as)
        for static in generators[0].context.get("staticfiles") or []
        if (save_as := static_output(static)[0])
    }
    build.current(settings).state(__package__).own_favicon = FAVICON in published


def on_output_written(pelican) -> None:
    """The theme's favicon at the site's root, unless the content published its own there;
    and the files blogcore writes after this phase (the sitemap), named for incremental
    builds (``phases.files_written``)."""
    settings = pelican.settings
    named = [settings["BLOGCORE_SITEMAP"]] if settings.get("BLOGCORE_SITEMAP") else []
    target = Path(settings["OUTPUT_PATH"], FAVICON)
    default = Path(pelican.theme, "static", FAVICON)
    own = getattr(build.current(settings).state(__package__), "own_favicon", target.exists())
    if not own and default.is_file():
        # after Pelican's static files: one copied first would stop the content's replacing it;
        # an incremental build keeps the last one's, unless the theme's has changed since
        data = default.read_bytes()
        if not (target.is_file() and target.read_bytes() == data):
            write_atomically(target, data)
        named.append(FAVICON)
    if named:
        phases.files_written.send(pelican, settings=settings, paths=named)


def on_attach_fallbacks(pelican) -> None:
    """One line for each {attach} link that could not move its file (checks.attach_fallbacks),
    once every page is written (a page's links are resolved as it is written)."""
    settings = pelican.settings
    generators = getattr(build.current(settings).state(__package__), "generators", None)
    for line in checks.attach_fallbacks(generators or [], settings):
        logger.warning("%s", line)


def on_site_written(pelican) -> None:
    """Links to the site's own files that point at nothing the site wrote (from "/" or
    relative to their page), or that leave the folder the site is published under (SITEURL's
    path): one line each, naming the file."""
    settings = pelican.settings
    found = getattr(build.current(settings).state(__package__), "local_urls", None)
    if not found:
        return
    written = set(_files_under(settings["OUTPUT_PATH"]))
    if settings.get("BLOGCORE_SITEMAP"):  # written in this same phase, after the check
        written.add(settings["BLOGCORE_SITEMAP"])
    under = links.site_path(settings["SITEURL"])
    strict = settings.get("BLOGCORE_STRICT", False)
    pages = sorted(links.url_path(p) for p in written if not p.startswith("."))
    content = Path(settings["PATH"])

    def content_file(path: str) -> str | None:
        candidate = content / path.lstrip("/")  # a URL path, unquoted
        # os.path.isfile: a name too long or with a NUL byte is no file, not a crash
        return shown(settings, candidate) if path.strip("/") and os.path.isfile(candidate) else None

    state = build.current(settings).state(__package__)
    waiting = getattr(state, "draft_files", set())
    galleries = getattr(state, "gallery_folders", {})
    by_slug = getattr(state, "draft_sources", {})
    drafts = links.draft_prefixes(settings.get(name, "") for name in DRAFT_URLS if name in settings)

    def draft_source(path: str) -> str | None:
        return by_slug.get(path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".html"))

    # relative links to files beside their posts that nothing publishes, by folder: one line
    # for a folder of many (an adopted blog of page bundles said 435 lines alike)
    unpublished: dict[str, list[tuple[int, str, str, str, str, str, str]]] = {}
    # relative links naming posts by path or old address, by folder (an old blog: 75 lines)
    named_links: dict[str, list[tuple[int, str, str, str, str, str]]] = {}
    sources = getattr(state, "named_sources", {})
    with_drafts = written | waiting
    # links to other sites written without https://, by file: one line each (links.py)
    schemeless: dict[str, list[tuple[int, str, str]]] = {}
    # links of one cause said in one line: into a folder nothing publishes, by folder; to the
    # old site's addresses of its posts (links.py)
    into_folder: dict[str, list[tuple[int, str, str, str, str]]] = {}
    old_addresses: list[tuple[int, str, str, str, str, str]] = []
    hinted = False  # links.HINT said by a line of this build: the later ones say it short
    for source, in_draft, page, elsewhere, urls_, kind in found:
        exists = (with_drafts if in_draft else written).__contains__
        lines: list[str] | None = None
        for where, url in urls_:
            # a draft's links to drafts wait with it
            mine = links.computer_or_draft_problem(
                url, under, exists, () if in_draft else drafts, draft_source
            )
            if mine:  # sure to break for every reader: with its line, an error in a publish
                lines = _source_lines(settings, source) if lines is None else lines
                log = logger.error if strict and not in_draft else logger.warning
                said, hinted = links.hint_once(mine, hinted), hinted or links.HINT in mine
                log("%s: %s%s%s", source, _at_line(source, lines, url, where), where, said)
                continue
            shown_on = None if where else page  # a summary is shown on the listing pages
            problem = links.local_problem(
                url, shown_on, under, exists, pages, content_file, elsewhere, sources
            )
            if problem is None:
                continue
            certain, message = problem
            beside = _beside(settings, source, url) if certain else None
            gallery = beside and galleries.get(posixpath.dirname(beside[1]))
            if gallery:  # {attach} would publish a gallery's original: not the advice
                message = links.gallery_photo_message(url, beside[0], *gallery)
            elif beside is not None:
                # broken on its own page, and a Hugo page bundle's picture (posts/x/index.md
                # and posts/x/rack.jpg): the file is right there, only nothing publishes it
                message = links.beside_message(url, *beside, exists(beside[1]), shown_on, kind)
            # like {filename} links: a publish never ships a link sure to break
            lines = _source_lines(settings, source) if lines is None else lines  # only now
            level = logging.ERROR if certain and strict and not in_draft else logging.WARNING
            at = f"{_at_line(source, lines, url, where)}{where}"
            lead = f"the link {url} is relative: from this page"
            if shown_on is None:  # a summary, a bio, a side file: named as a body's links are
                lead = links.MANY_PAGES.format(url=url)
            named = None
            if beside is None and message.startswith(lead):
                named = links.named_source(url, _content_folder(settings, source), sources)
                message = message if named else links.none_named(message)
            if named:
                shown_named = shown(settings, os.path.join(settings["PATH"], named))
                message = links.named_source_message(url, shown_on, named, shown_named)
                held_named = (level, source, at, url, named, message)
                named_links.setdefault(posixpath.dirname(source), []).append(held_named)
                continue
            if beside is not None and not gallery and not exists(beside[1]):
                folder = posixpath.dirname(beside[0])
                held = (level, source, at, url, beside[0], message, kind)
                unpublished.setdefault(folder, []).append(held)
                continue
            folder = links.unpublished_folder(message)
            if folder:  # one cause, the folder's: one line for its links (its own says why)
                into_folder.setdefault(folder, []).append((level, source, at, url, message))
                continue
            named_old = links.old_address_of(message)
            if named_old:  # one setting mends them all
                # it names a post of this site, and its line says exactly what to set: as sure
                # to break as a link into a folder nothing publishes (an adopted blog: 80)
                level = logging.ERROR if strict and not in_draft else logging.WARNING
                old_addresses.append((level, source, at, url, message, named_old))
                continue
            if links.lacks_scheme(message):  # one line for a file's links alike
                schemeless.setdefault(source, []).append((level, at.rstrip(": "), url))
                continue
            said, hinted = links.hint_once(message, hinted), hinted or links.HINT in message
            logger.log(level, "%s: %s%s", source, at, said)
    for source, held in schemeless.items():
        line = links.schemeless_message([(where, url) for _, where, url in held])
        logger.log(max(level for level, _, _ in held), "%s: %s", source, line)
    _say_unpublished_beside(unpublished)
    _say_named_sources(named_links)
    _say_folded_links(into_folder, sources, hinted)
    _say_old_address_links(settings, old_addresses, under)


def _say_folded_links(
    into_folder: dict[str, list[tuple[int, str, str, str, str]]],
    sources: dict[str, str],
    hinted: bool,
) -> None:
    """Links into a folder nothing publishes ((level, file, "line N: ", link, its line)
    each): a line each up to repeats.SHOWN, else one line for the folder's (an adopted
    blog: 121 lines alike). ``hinted``: links.HINT said already by a line of this build."""
    for folder, held in sorted(into_folder.items()):
        held.sort(key=_by_place)
        if len(held) <= repeats.SHOWN:
            for level, source, at, _url, message in held:
                said, hinted = links.hint_once(message, hinted), hinted or links.HINT in message
                logger.log(level, "%s: %s%s", source, at, said)
            continue
        top = folder.rstrip("/").rsplit("/", 1)[-1] + "/"
        holds_posts = any(source.startswith(top) for source in sources)
        line = links.unpublished_folder_message(folder, [h[1:4] for h in held], holds_posts)
        logger.log(max(h[0] for h in held), "%s", line)


def _say_old_address_links(
    settings: dict, old_addresses: list[tuple[int, str, str, str, str, str]], under: str
) -> None:
    """The links to what look like the old site's addresses of its posts ((level, file,
    "line N: ", link, its line, the post's path in the content folder) each): a line each up
    to repeats.SHOWN, else one line for them all (an adopted blog: 80 lines alike), each
    saying what to set, worked out from the posts (links.old_address_fixes)."""
    if not old_addresses:
        return
    old_addresses.sort(key=_by_place)
    generators = getattr(build.current(settings).state(__package__), "generators", None) or []
    named = {held[5] for held in old_addresses}
    every = {
        item.relative_source_path.replace(os.sep, "/"): item
        for generator in generators
        for item in checks.content_items(generator)
    }
    items = {key: item for key, item in every.items() if key in named}
    known = {key: _known(settings, key, item) for key, item in items.items()}
    site = _old_settings(settings, every)
    held = [
        links.OldLink(file, at, url, "/" + (links.site_target(url, "", under) or ""), known[key])
        for _, file, at, url, _, key in old_addresses
        if key in known
    ]
    if len(held) > repeats.SHOWN:
        line = links.old_addresses_message(held, site)
        logger.log(max(h[0] for h in old_addresses), "%s", line)
        return
    by_name = links.slugs_from_names(held, site)
    lines = {
        (link.file, link.at, link.url): links.old_address_message(link, by_name, site)
        for link in held
    }
    for level, file, at, url, message, _ in old_addresses:
        # the general advice where the post is not known (no generators): never silent
        logger.log(level, "%s: %s%s", file, at, lines.get((file, at, url), message))


def _old_settings(settings: dict, items: dict[str, Content]) -> links.OldSettings:
    """What pelicanconf.py has that the old-address advice keeps (links.OldSettings): its
    REDIRECTS_OLD_*_URLS, and what its FILENAME_METADATA takes from these files' names."""
    names = [
        (shown(settings, item.source_path), posixpath.splitext(posixpath.basename(key))[0])
        for key, item in items.items()
    ]
    pattern, kept = links.names_setting(settings.get("FILENAME_METADATA") or "", names)
    patterns = {
        name: tuple(value)
        for name in (
            "REDIRECTS_OLD_ARTICLE_URLS",
            "REDIRECTS_OLD_ARTICLE_LANG_URLS",
            "REDIRECTS_OLD_PAGE_URLS",
            "REDIRECTS_OLD_PAGE_LANG_URLS",
        )
        if (value := settings.get(name))
    }
    return links.OldSettings(patterns, pattern, kept)


def _known(settings: dict, key: str, item: Content) -> links.Known:
    """A post or page as a link to its old address names it (links.Known)."""
    page = isinstance(item, Page)
    category = getattr(item, "category", None)
    date = getattr(item, "date", None)
    stem = posixpath.splitext(posixpath.basename(key))[0]
    return links.Known(
        key,
        shown(settings, item.source_path),
        page,
        item.slug or "",
        getattr(category, "slug", "") if not page else "",
        date.strftime("%Y-%m-%d") if date and not page else "",
        # FILENAME_METADATA's name is the file's (an index.md's is "index"); its own Slug: stays
        "" if "slug" in item.metadata or stem == "index" else stem,
        keysyntax.syntax_of(keysyntax.as_written(item.source_path, item.metadata)),
        getattr(getattr(item, "author", None), "slug", ""),
        getattr(item, "lang", "") or "",
        not getattr(item, "in_default_lang", True),
    )


def _say_named_sources(found: dict[str, list[tuple[int, str, str, str, str, str]]]) -> None:
    """Each folder's relative links that name posts or pages ((level, file, "line N: ", link,
    source, its line) each): a line each, but one line for the folder, with every link's
    {filename} link, where more than repeats.SHOWN files have them (an old blog's 75 lines
    alike), as a folder's other lines fold its files (repeats.py)."""
    for folder, held in sorted(found.items()):
        held.sort(key=_by_place)
        if len({h[1] for h in held}) <= repeats.SHOWN:
            for level, source, at, _url, _named, message in held:
                logger.log(level, "%s: %s%s", source, at, message)
            continue
        line = links.named_sources_message(folder, [h[1:5] for h in held])
        logger.log(max(h[0] for h in held), "%s", line)


def _content_folder(settings: dict, source: str) -> str:
    """The folder, within the content folder, of a file named as messages name it."""
    content = Path(settings["PATH"]).resolve()
    try:
        path = (_project(settings) / source).resolve().relative_to(content)
    except (OSError, ValueError):
        return ""
    return posixpath.dirname(path.as_posix())


def _by_place(held: tuple[int, str, str, str, str, str, str]) -> tuple[str, int, str]:
    """A held link's post, line (its "line N: ", 0 without) and URL: files by name, a
    file's links in the order they are written."""
    line = held[2].split(":", 1)[0]
    return held[1], int(line[5:]) if line.startswith("line ") else 0, held[3]


def _say_unpublished_beside(
    found: dict[str, list[tuple[int, str, str, str, str, str, str]]],
) -> None:
    """Each folder's relative links to files beside its posts that nothing publishes
    ((level, post, "line N: ", link, file, its line, "post" or "page") each): one line per
    link where they name one file, else one line for the folder, at the highest of their
    levels."""
    for folder, held in sorted(found.items()):
        held.sort(key=_by_place)
        files = sorted({h[4] for h in held})
        if len(files) == 1:
            for level, source, at, _url, _file, message, _kind in held:
                logger.log(level, "%s: %s%s", source, at, message)
            continue
        _, source, at, url, _, _, kind = held[0]
        example = f"{source}: {at}{url}"
        line = links.beside_folder_message(folder, files, example, url, kind)
        logger.log(max(h[0] for h in held), "%s", line)


# the settings of the addresses drafts are written at (a publish build empties them)
DRAFT_URLS = ("DRAFT_URL", "DRAFT_LANG_URL", "DRAFT_PAGE_URL", "DRAFT_PAGE_LANG_URL")


def _project(settings: dict) -> Path:
    """The folder messages name files from (``shown``): the content folder's parent as
    written, not that of the folder a linked content/ points into, where no
    content/posts/x.md is."""
    return Path(os.path.abspath(settings["PATH"])).parent


def _source_lines(settings: dict, source: str) -> list[str]:
    """The lines of a content file named as messages name it (content/posts/x.md)."""
    try:
        return (_project(settings) / source).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError, ValueError):
        return []


def _at_line(source: str, lines: list[str], url: str, where: str) -> str:
    """``line N: `` of the first line that holds ``url`` as written, "" when none does: a
    link of the text (no ``where``) below the front matter, not the same URL in its Summary."""
    start = 0
    if not where:
        ext = source.rsplit(".", 1)[-1].lower()
        start = body_start(
            lines, {"rst": "rst", "html": "html", "htm": "html"}.get(ext, "markdown")
        )
    number = links.line_of(lines[start:], url)
    return f"line {number + start}: " if number else ""


def _beside(settings: dict, source: str, url: str) -> tuple[str, str] | None:
    """The content file a relative link names from its own post's folder, as staff know it
    (content/posts/x/rack.jpg) and within the content folder (posts/x/rack.jpg); None when
    there is none, or the link is not relative."""
    path = links.relative_path(url)
    if path is None:
        return None
    try:  # a name too long for the disk or with a NUL byte (%00) names no file
        candidate = (_project(settings) / source).parent.joinpath(path).resolve()
    except (OSError, ValueError):
        return None
    content = Path(settings["PATH"]).resolve()
    if not os.path.isfile(candidate) or content not in candidate.parents:
        return None
    within = candidate.relative_to(content).as_posix()
    # named from the content folder as written (content/posts/x/rack.jpg), not by the place
    # a linked content/ points into
    return shown(settings, os.path.join(settings["PATH"], within)), within


def on_sitemap(pelican) -> None:
    """Write the sitemap of the finished output."""
    settings = pelican.settings
    if settings.get("BLOGCORE_SITEMAP"):
        # one cache per output folder: a page's stamp only means something in its own folder
        output = os.path.abspath(settings["OUTPUT_PATH"])
        name = hashlib.sha256(output.encode()).hexdigest()[:16]
        cache_file = os.path.join(settings["CACHE_PATH"], "blogcore", f"sitemap-{name}.pickle")
        write_sitemap(output, settings["SITEURL"], settings["BLOGCORE_SITEMAP"], cache_file)
        _prune_sitemap_caches(Path(cache_file).parent)


def on_feed_generated(context, feed) -> None:
    """Give each feed its own Atom ``<id>``: its own address (Pelican gives every feed the
    site's, so all posts, each category, tag, author, series and language shared one and a
    reader that keys feeds by it could merge them). Entries keep their ids: a changed one
    would show every post as new again."""
    own = feed.feed.get("feed_url")
    if own:
        feed.feed["id"] = own


def on_finalized(pelican) -> None:
    """In strict builds, fail the build if any error was logged (at the engine's verdict,
    after every other plugin's work on the output)."""
    # taken off the root logger when the build ends (_while_building)
    collector = getattr(build.current(pelican.settings).state(__package__), "errors", None)
    if collector is None or not collector.messages:
        return
    if pelican.settings.get("BLOGCORE_STRICT"):
        errors = _publishing_errors(pelican.settings, collector.messages)
        if errors:
            logger.critical("Build failed: %d error(s) above; nothing was published.", errors)
            raise SystemExit(1)


def _publishing_errors(settings, messages: list[str]) -> int:
    """How many errors stop a publish: not those of a translation held back with its draft
    or future original (it is published with it, not now, as a draft's own mistakes are
    warnings). Each file held back with errors gets one line saying so."""
    held = translations.held_back(settings)
    counted = 0
    waiting: dict[str, int] = {}
    for message in messages:
        source = next((path for path in held if message.startswith(f"{path}: ")), None)
        if source is None:
            counted += 1
        else:
            waiting[source] = waiting.get(source, 0) + 1
    for source, count in sorted(waiting.items()):
        logger.warning(
            "%s: %s above %s not stop this publish: it waits for its original %s and is not "
            "published; mend it before that is",
            source,
            "its error" if count == 1 else f"its {count} errors",
            "does" if count == 1 else "do",
            held[source],
        )
    return counted


def register() -> None:
    """Connect blogcore's receivers."""
    build.register(
        __package__,
        [
            (signals.initialized, on_initialized),
            (signals.readers_init, on_readers_init),
            (signals.generator_init, on_generator_init),
            (signals.content_object_init, on_content_init),
            (signals.article_generator_pretaxonomy, on_article_pretaxonomy_urls),
            (signals.page_generator_finalized, on_pages_static_links),
            (phases.side_file_read, on_side_file_read),
            (phases.sources_known, on_sources_known),
            (phases.content_final, on_content_final),
            (phases.content_final, on_unpaged_taxonomy),
            (phases.content_final, on_static_comments),
            (phases.content_final, on_unbuilt_sources),
            (phases.content_final, on_notfound_page),
            (phases.content_final, on_bundles),
            (phases.content_final, on_favicon_source),
            (signals.feed_generated, on_feed_generated),
            (phases.output_written, on_output_written),
            (phases.output_final, on_site_written),
            (phases.output_final, on_attach_fallbacks),
            (phases.output_final, on_sitemap),
            (phases.verdict, on_finalized),
        ],
    )
