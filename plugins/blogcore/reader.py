"""The site's readers (Markdown, reStructuredText, HTML): they name the file and the key when
front matter is wrong."""

import codecs
import contextlib
import datetime
import errno
import functools
import glob
import importlib
import logging
import os
import re
import stat
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from html.parser import HTMLParser
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from docutils.utils import SystemMessage
from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from pelican.readers import (
    HTMLReader,
    MarkdownReader,
    RstReader,
    parse_path_metadata,
    path_metadata,
)
from pelican.utils import get_date, pelican_open, slugify

from plugins.engine import build, keysyntax, paths, pelican_settings, phases, settings_errors
from plugins.engine.scheduled import DATE_FROM, STATUS_FROM

from . import (
    callouts,
    checks,
    codeblocks,
    compat,
    controls,
    foreign,
    inline,
    links,
    liquid,
    localwords,
    mdtree,
    placeholders,
    rawtags,
    repeats,
    rst,
    summaries,
    text,
    yamlfront,
)
from .dates import read_zone
from .frontmatter import (
    DATE_KEYS,
    DEFAULT,
    EMPTY,
    EMPTY_FILE,
    HTML_PAGE_NAMES,
    NOT_DONE_HERE,
    OTHER_ENGINE_KEYS,
    FrontMatterError,
    Header,
    NameDateError,
    address_key_missing,
    below_problems,
    byline_warnings,
    category_origin,
    check_address,
    check_as_read,
    check_header,
    check_lang,
    check_modified,
    check_slug,
    check_template,
    check_url_part,
    check_value,
    check_zone,
    date_warnings,
    definitions_only,
    definitions_only_line,
    display_key,
    empty_category_line,
    empty_keys,
    has_body,
    header_warnings,
    in_drafts_folder,
    is_post_or_page,
    is_within_any,
    keeps_out_as_key,
    kept_out_in_text,
    misplaced_keep_out,
    other_engine_addresses,
    other_engine_dates,
    other_engine_status,
    path_metadata_keys,
    plugin_folders,
    scan_header,
    special_page_warnings,
    text_read_as_key,
    time_problems,
    title_warnings,
    unknown,
    url_of_save_as,
    why_no_date,
    why_no_title,
    wordpress_keys,
    wordpress_status,
    written_as_key,
)
from .repeats import AS_SAID_ABOVE, Said, headed
from .settings import SAMPLE_DEFAULT_CATEGORY, markdown_settings, names_another_site

logger = logging.getLogger(__name__)

# What Markdown's tree told of a file: its body's facts and its Summary's (None: not known).
Read = tuple["mdtree.Facts | None", "mdtree.Facts | None"]
# The metadata key the reader leaves a body's links starting with "/" under (taken out again
# by on_content_init, like word_count)
LOCAL_URLS = "local_urls"
# the key it leaves where a post's category came from under, as a 1-tuple (frontmatter's
# WRITTEN, FROM_PATH, FROM_FOLDER or DEFAULT; taken out again by on_content_init)
CATEGORY_FROM = "category_from"
# the key it leaves what it said while reading the file under: (time read, ((level, line),
# ...)), replayed by on_content_init when the file came from Pelican's cache
SAID = "blogcore_said"
# the key a post dated by its file's time (DEFAULT_DATE = 'fs', no Date: line) is marked with,
# for blogcore's one line naming them all (read in a worker, a file's mark crosses back)
DATED_BY_FILE = "blogcore_dated_by_file"
# the key sanitise leaves the body's images without alt text under: their src, in order
NO_ALT = "blogcore_no_alt"
# and those whose alt text describes nothing (alt text, IMG_2041.jpeg): (src, alt, what it is)
ALT_SAYS_NOTHING = "blogcore_alt_says_nothing"
# the key it leaves another engine's old addresses read as Redirect_from under, for their
# line: ((key, (address, ...)), ...) (taken out again by on_content_init, like LOCAL_URLS)
OLD_ADDRESSES = "blogcore_old_addresses"
# the field of an unknown key's line: (key, whether it is a key no one reads, said once for
# many files, our key its did-you-mean names or "", the did-you-mean or ""; frontmatter.Unknown),
# kept with the line in the reader cache
# (SAID), so a rebuild folds it again
UNKNOWN_KEY = "blogcore_unknown_key"
# the field of a line whose advice is the same in every file: (its file, what kind of line:
# FOLD_SIZES, FOLD_LINKS or FOLD_ALT[, how many things it says of]), kept in the reader cache as
# UNKNOWN_KEY is; past a few files of a folder, the lines are counted for one line of the
# folder (signals.LinesFolded)
FOLDS = "blogcore_folds"
FOLD_SIZES = "image sizes"
FOLD_LINKS = "links without text"
FOLD_ALT = "images without alt text"


def sanitise(
    html: str,
    metadata: dict,
    source: str | None = None,
    read: Read | None = None,
    links: bool = False,
    embeds_named: bool = False,
    written: tuple[str, str] | None = None,
) -> tuple[str, dict]:
    """The HTML and its Summary through the site's sanitiser; a warning names what went.

    ``source`` is the file as staff know it (content/posts/x.md); without one, nothing is
    reported (content that was reported when it was read, cleaned a second time). ``read``:
    what Markdown's tree told of the body and the summary (mdtree.py), where it could. With
    ``links``, the URLs of the site's own files (from "/" or relative) of the body and the
    summary go in ``LOCAL_URLS``, as ("" or "Summary: ", URL) pairs. ``embeds_named``: the
    body's frames and embed scripts are named with their lines already (a post's or page's,
    _name_foreign), so the warning leaves them out; a Summary's are in it. ``written``: the
    source's text and format ("markdown", "rst", "html"), for the line of what the body lost.
    """
    body, summary_facts = read or (None, None)
    local: list[tuple[str, str]] = []
    places = [("", html, body and body.markup)]
    summary = metadata.get("summary")
    if isinstance(summary, str):  # Summary: is Markdown too, shown on listings
        places.append(("Summary: ", summary, summary_facts and summary_facts.markup))
    for where, fragment, markup in places:
        if markup is None and links and fragment and "<" in fragment:
            markup = tuple(text.markup_of(fragment))  # read once: the report and the links
        cleaned, removed = text.sanitize_and_report(
            fragment, markup, embeds_named=embeds_named and not where
        )
        report_removed(source, removed, where, None if where else written)
        if where:
            metadata["summary"] = cleaned
        else:
            html = cleaned
        if links:  # checked once the site is written (links.local_problem)
            local += [(where, url) for url in text.POSTS.local_urls(markup or ())]
        if not where:
            no_alt = text.images_without_alt(markup or ())
            if no_alt:
                metadata[NO_ALT] = no_alt
            says_nothing = text.images_alt_says_nothing(markup or ())
            if says_nothing:
                metadata[ALT_SAYS_NOTHING] = says_nothing
    if local:
        metadata[LOCAL_URLS] = tuple(local)
    return html, metadata


def report_removed(
    source: str | None,
    removed: text.Removed,
    where: str = "",
    written: tuple[str, str] | None = None,
) -> None:
    """One warning line for what the sanitiser took out of one file (publish builds too:
    the page readers get lacks it, but that is no reason to stop a publish), with the line
    of the source (``written``: its text and format) where the first of it is written."""
    if source and removed:
        number = removed_line(removed, *written) if written else None
        if written:
            removed, number = _sizes_placed(removed, number, *written)
            removed = _attr_list_hints(removed, number, *written)
        said = f"{source}: line {number}" if number else source
        folds = {FOLDS: (source, FOLD_SIZES)} if removed.only_image_sizes() else None
        logger.warning("%s", text.POSTS.message(said, removed, where), extra=folds)


def _sizes_placed(
    removed: text.Removed, number: int | None, source: str, fmt: str
) -> tuple[text.Removed, int | None]:
    """The removal with each image size its hint names (``width: 60%``) given its own line
    where that is not the line the warning heads (a figure's ``:width: 60%`` on line 8 was
    said under line 20, a raw block's style and onclick), and the line to head it: the size's,
    where nothing else removed was found written."""
    hints = []
    for hint in removed.hints:
        style = text.sized_style(hint)
        at = _style_line(style, source, fmt) if style else None
        if at and number is None:
            number = at
        elif at and at != number:
            hint = hint.replace(f"({style})", f"({style}, line {at})", 1)
        hints.append(hint)
    return replace(removed, hints=tuple(hints)), number


def _style_line(style: str, source: str, fmt: str) -> int | None:
    """The first line of the source's text, outside code, where an image's size (``width:
    60%``) is written: as reST's ``:width: 60%``, a ``style="width: 60%"`` or ``width="60%"``."""
    name, _, value = style.split(";")[0].partition(":")
    if not value.strip():
        return None
    name, value = re.escape(name.strip()), re.escape(value.strip())
    pattern = rf"(?i)(?<![\w-]){name}\W{{1,3}}{value}(?![\w.])"
    body = _text_only(source, fmt)
    return foreign.lines_of([foreign.Foreign(pattern, "")], body, fmt)[0]


# not an <input type="checkbox">, as a browser reads the tag (title="done > todo" before it)
_NOT_A_BOX = rf"(?!{rawtags.before_attribute('type')}[\"']?\s*checkbox\b)"


def removed_line(removed: text.Removed, source: str, fmt: str = "markdown") -> int | None:
    """The first line of the source, outside code, where a tag, an attribute or a link's
    scheme the sanitiser removed is written; None where none is (made by a directive or an
    extension, not written as such). An attribute is looked for in a tag that does not keep
    it, a scheme as a link's target (a kept ``<img width>`` or the word "style=" in the text is
    not what went), and only where none is, anywhere (a tag over several lines, attr_list)."""
    body = _text_only(source, fmt)  # a Title's <script> is the title's line, said apart
    found = []
    for strict, loose in _removed_patterns(removed):
        numbers = foreign.lines_of(
            [foreign.Foreign(strict, ""), foreign.Foreign(loose, "")], body, fmt
        )
        found.append(numbers[0] or numbers[1])
    return min((n for n in found if n), default=None)


def _removed_patterns(removed: text.Removed) -> list[tuple[str, str]]:
    """For each thing removed, a pattern of where it is surely written and one of where it
    may be."""
    tag_patterns = [
        # a task list's checkbox is kept (text.task_boxes): another <input> is the one removed
        rf"(?i)<{re.escape(tag)}(?![\w:-]){_NOT_A_BOX if tag == 'input' else ''}"
        for tag in removed.tags
    ]
    patterns = [(pattern, pattern) for pattern in tag_patterns]
    for name in removed.attributes:
        # written name=value in a tag, or a bare word in attr_list's {…} (``{bash}``)
        attribute = rf"(?:(?<![\w-]){re.escape(name)}\s*=|{_attr_list_word(name)})"
        keeping = "|".join(map(re.escape, sorted(text.POSTS.tags_keeping(name))))
        other_tag = rf"<(?!(?:{keeping})(?![\w:-]))[\w:-]+(?=[\s/])" if keeping else r"<[\w:-]+"
        in_tag = rawtags.before_attribute(re.escape(name))  # not in a value, nor past its '>'
        patterns.append((f"(?i){other_tag}{in_tag}", f"(?i){attribute}"))
    for scheme in removed.schemes:
        written = rf"{re.escape(scheme)}:"
        # in (...), <...>, quotes, after href= or a reference definition's "]: "
        patterns.append(
            (rf"(?i)(?:(?<=[(<\"'=])|(?<=\]:\s)){written}", rf"(?i)(?<![\w+.-]){written}")
        )
    for value in removed.values:
        pattern = rf"(?i)(?<![\w-]){re.escape(value.split(' (', 1)[0])}"
        patterns.append((pattern, pattern))
    return patterns


def _attr_list_word(name: str) -> str:
    """A pattern of ``name`` as a bare word in attr_list's braces (``{bash}``, ``{: bash}``),
    which it reads as an attribute ``name="name"``, not as a class as ``{.bash}`` is."""
    word = rf"(?<![\w.#:=\"'-]){re.escape(name)}(?![\w:=-])"
    return rf"\{{:?[^{{}}\n=]*?{word}[^{{}}\n]*\}}"


def _attr_list_hints(
    removed: text.Removed, number: int | None, source: str, fmt: str
) -> text.Removed:
    """The removal with a hint for each attribute written as a bare word in attr_list's
    braces: the writer meant a class (a code span's language), which the line says to write."""
    if fmt != "markdown":
        return removed
    body = _text_only(source, fmt)
    hints = []
    for name in removed.attributes:
        pattern = foreign.Foreign(f"(?i){_attr_list_word(name)}", "")
        line = foreign.lines_of([pattern], body)[0]
        if line:
            at = f" (line {line})" if line != number else ""
            hints.append(
                f"{{{name}}}{at} is read as an attribute list, its bare word as an attribute "
                f"{name}; write {{.{name}}} for a class, or remove it"
            )
    return replace(removed, hints=(*removed.hints, *hints)) if hints else removed


def _text_only(source: str, fmt: str) -> str:
    """The source with its front matter blanked, its lines where they were."""
    lines = source.splitlines()
    start = body_start(lines, fmt)
    return "\n" * start + "\n".join(lines[start:])


_RST_FIELD = re.compile(r"\s*:[^:\s][^:]*:(\s|$)")


def body_start(lines: list[str], fmt: str) -> int:
    """The index of the first line of a source's text, below its front matter (Markdown's
    keys up to the first blank line or a fenced YAML block; reST's title and fields; an HTML
    file's head)."""
    if fmt == "html":
        return next((n for n, line in enumerate(lines) if "<body" in line.lower()), 0)
    if fmt == "markdown":
        fence = lines[0].strip() if lines else ""
        if fence in ("---", "+++"):
            end = next((n for n in range(1, len(lines)) if lines[n].strip() == fence), None)
            return end + 1 if end is not None else 0
        return next((n for n, line in enumerate(lines) if not line.strip()), len(lines))
    index = next((n for n, line in enumerate(lines) if not line.strip()), len(lines))
    if lines and _RST_FIELD.match(lines[0]):
        index = 0  # fields with no title above them
    while index < len(lines) and (
        not lines[index].strip()
        or _RST_FIELD.match(lines[index])
        or (index and _RST_FIELD.match(lines[index - 1]) and lines[index][:1].isspace())
    ):
        index += 1
    return index


def clean(
    html: str,
    metadata: dict,
    source: str | None = None,
    read: Read | None = None,
    embeds_named: bool = False,
    written: tuple[str, str] | None = None,
) -> tuple[str, dict]:
    """Sanitised HTML and summary, with the word count taken from them.

    Done by the reader, so Pelican's reader cache keeps the result and fastbuild's reading
    workers do it in parallel; an int ``word_count`` marks content cleaned this way (front
    matter only ever gives strings). With the facts of Markdown's tree (``read``), the HTML
    is already tidy and is not parsed; without them, beautifulsoup4 reads it (text.py).
    """
    body = read and read[0]
    if body is None:
        html = text.tidy_html(html)
    html, metadata = sanitise(
        html, metadata, source, read, links=True, embeds_named=embeds_named, written=written
    )
    html = text.free_page_ids(html)  # a heading "Comments" is not the comments section
    metadata["word_count"] = body.words if body else text.count_words(html)
    return html, metadata


def shown(settings: dict, source_path: str) -> str:
    """A path as staff know it: relative to the project, e.g. content/posts/x.md; a byte of
    its name that is not UTF-8 as \\xe9 (not Python's stand-in, which no log or JSON shows)."""
    return printable(paths.shown(settings, source_path))


def shown_once(settings: dict, source_path: str) -> str:
    """``shown`` of a file this build reads, worked out once per build: each post is named by
    several steps. ``settings``: the build's own dict (the per-build object's key)."""
    known = vars(build.current(settings).state(__package__)).setdefault("shown", {})
    found = known.get(source_path)
    if found is None:
        found = known[source_path] = shown(settings, source_path)
    return found


def printable(path: str) -> str:
    """A path as text any line can carry: the bytes of a name that is not UTF-8 as \\xe9."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def name_problem(path: str) -> str | None:
    """Why a file cannot be read under its path (relative to the content folder, as the file
    system gives it: a byte that is not UTF-8 held as Python's stand-in): its name, or its
    folder's, is not UTF-8, as a zip made on an old system or a USB stick leaves it."""
    raw = os.fsencode(path)
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        at = exc.start
    else:
        return None
    whose = "its name" if b"/" not in raw[at:] else "the name of its folder"
    before = raw[:at].rsplit(b"/", 1)[-1].decode("utf-8")  # UTF-8 up to the first bad byte
    after = f" after {before!r}" if before else " at its start"
    return (
        f"{whose} is not UTF-8 (byte 0x{raw[at]:02x}{after}, as a zip made on an old system "
        "or a USB stick may leave it): rename it; it is left out until then"
    )


# byte-order marks of text saved in UTF-32 or UTF-16, with the codec that reads it (UTF-32's
# little-endian mark begins with UTF-16's, so it is looked for first)
WIDE_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# without a mark: which bytes of each four are 0 (and which are not) in mostly-Latin text
WIDE_PATTERNS = (
    ("utf-32-le", (2, 3), (0,)),
    ("utf-32-be", (0, 1), (3,)),
    ("utf-16-le", (1, 3), (0, 2)),
    ("utf-16-be", (0, 2), (1, 3)),
)


def wide_codec(head: bytes) -> str | None:
    """The codec of a file whose first bytes are text saved as UTF-16 or UTF-32 (Notepad's and
    Word's "Unicode"): a byte-order mark, or, without one, the 0 bytes every Latin character
    of such text has where UTF-8 has none. None for anything else (UTF-8, with its mark too)."""
    for mark, codec in WIDE_MARKS:
        if head.startswith(mark):
            return codec
    head = head[: len(head) // 4 * 4]
    if len(head) < 8 or b"\x00" not in head:
        return None
    quarter = len(head) // 4
    zeros = [head[i::4].count(0) / quarter for i in range(4)]
    for codec, zero, other in WIDE_PATTERNS:
        # a character of another script may have no 0 byte: a third of them is enough
        if all(zeros[i] >= 0.3 for i in zero) and all(zeros[i] <= 0.05 for i in other):
            return codec
    return None


def wide_message(codec: str) -> str:
    """The line for a file saved as UTF-16 or UTF-32 (``codec``), after the file's name."""
    encoding = codec[:6].upper()
    unicode = ' (what Notepad and Word call "Unicode")' if encoding == "UTF-16" else ""
    return (
        f"is saved as {encoding}{unicode}, and the site reads UTF-8 only: save it as UTF-8 "
        "(in Notepad: Save as, Encoding: UTF-8); it is left out until then"
    )


# a file saved as RTF (TextEdit's own format) under a text file's name: the writer sees
# Title: in TextEdit, the site reads {\rtf1\ansi… and would say "has no Title: line"
RICH_TEXT = (
    "is saved as RTF (rich text, TextEdit's own format), not as plain text, so its Title: and "
    "other lines are not read: in TextEdit, choose Format → Make Plain Text and save it again; "
    "it is left out until then"
)


def is_rich_text(head: bytes) -> bool:
    """Whether a file's first bytes are RTF's (``{\\rtf1``), after a UTF-8 byte-order mark
    or blank space."""
    return head.removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"{\\rtf")


def unreadable(exc: OSError) -> str:
    """What a file the system would not open means for the writer, after the file's name:
    a link to nothing or to itself, a file this build may not read."""
    path = exc.filename if isinstance(exc.filename, str) else ""
    target = ""
    if path and os.path.islink(path):
        with contextlib.suppress(OSError):
            target = printable(os.readlink(path))
    if target and exc.errno == errno.ENOENT:
        return f"is a link to {target}, which does not exist; remove the link or restore the file"
    if exc.errno == errno.ELOOP:
        return (
            f"is a link{f' to {target}' if target else ''} that leads back to itself (a loop of "
            "links, no file at the end); remove the link or point it at a file"
        )
    if exc.errno == errno.ENOENT:
        return "was removed or renamed while the site was read; it is left out of this build"
    if isinstance(exc, PermissionError):
        return (
            "cannot be read: this build has no permission to read it; make it readable "
            "(chmod a+r) or move it out of the content folder"
        )
    return f"cannot be read: {exc.strerror or exc}; it is left out"


def not_a_file(path: str) -> str | None:
    """Why what is at ``path`` is no file to read, from its type alone (``os.stat``: opening a
    named pipe waits for a writer, for ever): a named pipe (a FIFO), a socket, a device; None
    for a file or a folder, or when nothing is there (opening it says why)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    what = "a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket or a device"
    return f"is {what}, not a file: left out; remove it from the content folder"


def failure(exc: Exception) -> str:
    """What a reading error means for the writer, after the file's name."""
    if isinstance(exc, (FrontMatterError, ReadingError)):
        return str(exc)
    if isinstance(exc, OSError):
        return unreadable(exc)
    if isinstance(exc, UnicodeDecodeError):
        data = exc.object
        byte = data[exc.start]
        start = data.rfind(b"\n", 0, exc.start) + 1
        end = data.find(b"\n", exc.start)
        line = data[start : end if end != -1 else len(data)].decode("utf-8", "replace").strip()
        number = data.count(b"\n", 0, exc.start) + 1
        return (
            f"is not UTF-8 text: line {number} has byte 0x{byte:02x}, which UTF-8 does not "
            f"allow there ({line[:60]!r}: a character saved by another program, as Latin-1 or "
            "Windows-1252); save the file as UTF-8"
        )
    if type(exc).__name__ == "SystemMessage":  # docutils' own error, reworded
        found = DOCUTILS_MESSAGE.search(str(exc))
        if found:
            line = f"line {found['line']}: " if found["line"] else ""
            message = " ".join(found["message"].split())
            insertion = FILE_INSERTION.search(message)
            if insertion:
                directive = insertion["directive"] or insertion["directive2"]
                return (
                    f"{line}the {directive} directive may not read a file or an "
                    "address while the site is built (it would publish whatever it reads, a "
                    "file of the build machine too); put the text in the post itself"
                )
            if MATH_ERROR.match(message):
                return (
                    f"{line}{message.rstrip('.!')} in math (reStructuredText): docutils "
                    "cannot write it as MathML; write the formula without it"
                )
            return f"{line}{message} (reStructuredText)"
    return f"{type(exc).__name__}: {exc}"


class ReadingError(ValueError):
    """A file's format's own error, reworded: what to do, after the file's name."""


# docutils' words for a line over its line_length_limit (it reads no further)
LINE_TOO_LONG = re.compile(r"Line (\d+) exceeds the line-length-limit")
# what docutils says of LaTeX it cannot write as MathML (its latex2mathml's MathError)
MATH_ERROR = re.compile(r'Unknown LaTeX command "|Environment "[^"]*" not supported')


# docutils' words when file insertion is off (blogcore's DOCUTILS_SETTINGS): include, raw
# with :file: or :url:, csv-table with :file: or :url:
FILE_INSERTION = re.compile(
    r'^"(?P<directive>[\w-]+)" directive disabled|'
    r'^File and URL access deactivated; ignoring "(?P<directive2>[\w-]+)" directive'
)
# how docutils words an error in a reST file: "<path>:5: (WARNING/2) <message>"
DOCUTILS_MESSAGE = re.compile(
    r"(?::(?P<line>\d+))?: \((?:INFO|WARNING|ERROR|SEVERE)/\d\) (?P<message>.+)", re.S
)


def _text_of(source_path: str) -> str:
    """A source file's text as Pelican reads it (pelican_open)."""
    with pelican_open(source_path) as text:
        return text


# an image without alt text, one in a file (file, "line N: ", name, how), several (file, how
# many, "name (line N), ...", where); each folded as FOLD_ALT
ALT_ONE = "%s: %sthe image %s has no alt text, so a reader who cannot see it gets nothing: %s"
ALT_MANY = (
    "%s: %d images have no alt text, so a reader who cannot see them gets nothing: %s; "
    "describe each %s"
)
# an image whose alt text describes nothing (file, "line N: ", name, alt, what it is, how);
# several, some such (as ALT_MANY, each such one with its alt text)
ALT_SAYS = (
    "%s: %sthe image %s has the alt text %r, %s, so a reader who cannot see it hears that "
    "and nothing more: %s"
)
ALT_SOME = (
    "%s: %d images have no alt text that describes them (none, a placeholder or a file "
    "name), so a reader who cannot see them gets nothing: %s; describe each %s"
)
ALT_NAMED = 4  # the images of a file named in its line: the others by their lines
# how to give an image its alt text, in the format it is written in, with an example of it
# safe to copy as it stands: an <img> keeps its tag (src, width: `<img alt="…" ...>` copied lost
# the picture), an option goes where docutils reads one, and an alt it has already is replaced
# (a second alt attribute is ignored, a second :alt: option refused)
ALT_HINTS = {
    "markdown": "describe it between the brackets, ![{example}]({name})",
    "rst": (
        "describe it in the directive's :alt: option (in place of any it has), on a line "
        "under it indented three spaces: :alt: {example}"
    ),
    "html": (
        'describe it in its <img> tag\'s alt attribute (in place of any it has): alt="{example}"'
    ),
}
# an English post's example of alt text: a placeholder the check refuses (text.ALT_PLACEHOLDERS)
ALT_EXAMPLE = text.ALT_EXAMPLE


@functools.lru_cache(maxsize=64)  # a site writes in a few languages; a post asks once
def alt_example(lang: str) -> str:
    """The example of alt text the advice gives for a post in ``lang``: an English one for an
    English post; for another, what to write and in which language, by its English name (an
    English example was copied into a Hungarian post as it stood; "in hu" left the writer to
    guess what hu meant); a code Babel does not know, as written."""
    if lang.replace("_", "-").split("-")[0].lower() in ("", "en"):
        return ALT_EXAMPLE
    try:
        name = Locale.parse(lang, sep="-" if "-" in lang else "_").get_display_name("en")
    except (ValueError, UnknownLocaleError):
        name = None
    return f"what it shows, in {name or lang}"


def _line_from(lines: list[str], needle: str, line: int | None) -> int | None:
    """The number of the first line from ``line`` on (docutils' line of a node, often the
    end of its directive or paragraph) that holds ``needle``; else ``line``."""
    start = (line or 1) - 1
    number = next((n for n in range(start, len(lines)) if needle and needle in lines[n]), None)
    return number + 1 if number is not None else line


def _place(number: int | None, alt: str) -> str:
    """An image's place in a line that lists several: " (line 8)", " (line 8: 'alt text')"
    for one whose alt text describes nothing."""
    said = f": {alt!r}" if alt else ""
    if number:
        return f" (line {number}{said})"
    return f" ({alt!r})" if alt else ""


# an image written without alt text: ![](…), an <img> with no alt or an empty one
_NO_ALT = re.compile(
    rf"!\[\s*\]\(|<img\b(?!{rawtags.before_attribute('alt')}[\"']?[^\s\"'>])", re.IGNORECASE
)


def _line_without_alt(lines: list[str], name: str) -> int | None:
    """The line of the image ``name`` written without alt text (``![](…)``, an ``<img>``
    with no alt): the first line naming it when none is so written (reST, a picture used
    again with alt text elsewhere)."""
    found = (n for n, line in enumerate(lines, 1) if name in line and _NO_ALT.search(line))
    return next(found, None) or _line_number(lines, name)


def _line_number(lines: list[str], needle: str) -> int | None:
    """The number of the first line holding ``needle``, None when none does."""
    return next((n for n, line in enumerate(lines, 1) if needle and needle in line), None)


# text taken for a tag that is none (<unistd.h>), named one line each up to this many a file
TEXT_TAGS_NAMED = 3


def _line_with(lines: list[str], needles: tuple[str, ...], taken: set[int]) -> int | None:
    """The number of the first line not in ``taken`` holding every one of ``needles``."""
    found = (
        n
        for n, line in enumerate(lines, 1)
        if n not in taken and all(needle and needle in line for needle in needles)
    )
    return next(found, None)


def _where(lines: list[str], needle: str) -> str:
    """``line N: `` for the first line holding ``needle``, "" when none does."""
    number = _line_number(lines, needle)
    return f"line {number}: " if number else ""


# what a file's reading says, kept with its read result (``SAID``) as plain values (Pelican
# pickles its reader cache): ("log", logger name, level, message, args, other fields) for a
# logging record, from any logger; ("warning", category, text, file, line) for a Python warning
Heard = tuple[Any, ...]
_PLAIN = (str, int, float, bool, type(None))
# a record's fields that belong to the moment it is logged, made anew when it is said again
_OF_THE_MOMENT = frozenset(
    {"created", "msecs", "relativeCreated", "thread", "threadName", "process", "processName"}
    | {"taskName", "message", "asctime", "exc_info", "stack_info", "msg", "args", build.CARRIED}
)


def _plain(value: object) -> bool:
    """A value that pickles, and means the same, in any later build: text, numbers, tuples."""
    return isinstance(value, _PLAIN) or (
        isinstance(value, tuple) and all(_plain(item) for item in value)
    )


def _kept(record: logging.LogRecord) -> Heard | None:
    """A record made while a file was read, as plain values; None below WARNING."""
    if not isinstance(record.levelno, int) or record.levelno < logging.WARNING:
        return None
    msg, args = record.msg, record.args
    if not (isinstance(msg, str) and isinstance(args, tuple) and _plain(args)):
        # kept as written when it can be: the filters that drop a line by its template
        # (blogcore's SAID_BETTER, Pelican's LOG_FILTER) drop it again when it is said again
        msg, args = record.getMessage(), ()
    fields = {k: v for k, v in vars(record).items() if k not in _OF_THE_MOMENT and _plain(v)}
    if record.exc_info and not record.exc_text:
        fields["exc_text"] = logging.Formatter().formatException(record.exc_info)
    return ("log", record.name, record.levelno, msg, args, fields)


def _category_name(category: type[Warning]) -> str:
    return f"{category.__module__}:{category.__qualname__}"


def _category(name: str) -> type[Warning]:
    """The warning class a name stands for; one of that name when it no longer imports."""
    module, _, qualname = name.partition(":")
    found: object = None
    with contextlib.suppress(Exception):
        found = importlib.import_module(module)
        for part in qualname.split("."):
            found = getattr(found, part)
    if isinstance(found, type) and issubclass(found, Warning):
        return found
    return type(qualname.rpartition(".")[2] or "UserWarning", (UserWarning,), {})


def address_keys_once(settings: dict) -> frozenset[str]:
    """The keys the address settings of posts and pages use (pelican_settings.address_keys),
    worked out once per build: parsing the sixteen patterns again for each post is the same
    answer. ``settings``: the build's own dict (the per-build object's key)."""
    state = build.current(settings).state(__package__)
    found = getattr(state, "address_keys", None)
    if found is None:
        found = state.address_keys = pelican_settings.address_keys(settings)
    return found


def told(settings: dict) -> set[tuple]:
    """The Python warnings this build has shown of what files' reading raised, by place: each
    file is read with warnings of its own (every place fresh), so Python's once-per-place no
    longer holds across files on its own."""
    return vars(build.current(settings).state(__package__)).setdefault("told", set())


def _tell(shown: set[tuple], category: type[Warning], text: str, filename: str, line: int) -> None:
    """Show a warning a file's reading raised, once per place and text, as Python would."""
    place = (category, text, filename, line)
    if place in shown:
        return
    shown.add(place)
    warnings.showwarning(text, category, filename, line)


class _Said:
    """What the reading of one file says: every WARNING-or-worse logging record made while it
    is read, whatever logged it (blogcore, Pelican's readers, Python-Markdown, another
    plugin's Markdown extension), and every Python warning it raises."""

    def __init__(self, shown: set[tuple], carried: bool = False) -> None:
        self.records: list[logging.LogRecord] = []
        self.warnings: list[warnings.WarningMessage] = []
        self.shown = shown  # this build's Python warnings shown already (``told``)
        # read in a worker for the build's process to say (build.CARRIED): nothing shown here
        self.carried = carried

    @contextlib.contextmanager
    def listening(self) -> Iterator[None]:
        """Hear what is said while the block runs; its Python warnings are shown after it."""
        previous = logging.getLogRecordFactory()
        thread = threading.get_ident()

        def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            record = previous(*args, **kwargs)
            # made, not yet filtered: a line Pelican's duplicate filter drops because another
            # file said it first is this file's too, to say when the other one is fixed. The
            # innermost reading's only (another file read meanwhile keeps its own), this
            # thread's only, and not the blank records of logging.makeLogRecord (name None)
            if (
                record.name is not None
                and logging.getLogRecordFactory() is factory
                and record.thread in (thread, None)  # None: logging.logThreads off
            ):
                self.records.append(record)
                if self.carried:
                    setattr(record, build.CARRIED, True)
            return record

        logging.setLogRecordFactory(factory)  # the logging cookbook's way to add to records
        try:
            # a registry of its own for each file (catch_warnings resets them): a warning
            # raised for every file is this file's too, not only the first file's
            with warnings.catch_warnings(record=True) as caught:
                try:
                    yield
                finally:
                    self.warnings = list(caught)
        finally:
            logging.setLogRecordFactory(previous)
            for said in () if self.carried else self.warnings:  # as the build shows them
                _tell(self.shown, said.category, str(said.message), said.filename, said.lineno)

    def heard(self) -> tuple[Heard, ...]:
        """All of it as plain values, in the order it was said (warnings last)."""
        kept = [entry for entry in map(_kept, self.records) if entry is not None]
        kept += [
            ("warning", _category_name(w.category), str(w.message), w.filename, w.lineno)
            for w in self.warnings
        ]
        return tuple(kept)


def say_again(heard: Iterable[Heard], shown: set[tuple]) -> None:
    """What a file's reading said, said again (the file came from Pelican's reader cache): each
    record through its own logger's filters and handlers, each warning as the build shows it."""
    for entry in heard:
        if not isinstance(entry, tuple) or not entry:
            continue
        if entry[0] == "log" and len(entry) == 6:
            _, name, level, msg, args, fields = entry
            logger = logging.getLogger(name)
            if not logger.isEnabledFor(level):
                continue
            data = {**fields, "name": name, "msg": msg, "args": args}
            record = logging.makeLogRecord(data | {"levelno": level})
            record.levelname = logging.getLevelName(level)
            try:
                if logger.disabled or not logger.filter(record):
                    continue
            except Exception:  # pelican.log.FatalLogger says "filtered out" by raising
                continue
            logger.callHandlers(record)
        elif entry[0] == "warning" and len(entry) == 5:
            _, category, text, filename, lineno = entry
            _tell(shown, _category(category), text, filename, lineno)


class _CommentEnds(Preprocessor):
    """Leaves out Obsidian's comments (``%%note%%``, which Markdown would show as text) and
    a comment never closed (``<!-- note`` with no ``-->``, a ``%%`` alone) with all that
    follows it: Markdown would show it as text, the writer's note and the rest of the file
    (or Summary) with it. The opening line and its opener go in ``found`` for its line."""

    def __init__(self, md: Markdown, found: list[tuple[str, str]]) -> None:
        super().__init__(md)
        self.found = found

    def run(self, lines: list[str]) -> list[str]:
        kept, where = text.without_private_comments(lines)
        if where is not None:
            self.found.append((lines[where[0]], text.PRIVATE_OPEN))
        lines = kept
        where = text.unclosed_comment(lines)
        if where is None:
            return lines
        index, column = where
        self.found.append((lines[index], text.COMMENT_OPEN))
        return [*lines[:index], lines[index][:column]]


class CommentEndsExtension(Extension):
    """Registers _CommentEnds after the front matter is read, before fenced code is;
    ``take()`` gives the lines that opened a comment never closed since the last call."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.found: list[tuple[str, str]] = []

    def extendMarkdown(self, md: Markdown) -> None:
        # after Meta (27) and whitespace (30), before fenced code (25) and raw HTML (20)
        md.preprocessors.register(_CommentEnds(md, self.found), "comment_ends", 26)

    def take(self) -> list[tuple[str, str]]:
        found = list(dict.fromkeys(self.found))
        self.found.clear()
        return found


def _raise(message: str) -> None:
    raise FrontMatterError(message)


class _Refused:
    """What process_metadata gives a key it refused, taken out of the metadata (_take_refused)."""


REFUSED = _Refused()


def _gives_date(pattern: Any) -> bool:
    """Whether a FILENAME_METADATA or PATH_METADATA pattern has a date group (Pelican reads
    the groups' names in any case)."""
    return isinstance(pattern, str) and re.search(r"\(\?P<date>", pattern, re.I) is not None


class StrictChecks:
    """What this site's readers add to Pelican's, whatever the format (a mixin, first in the
    bases of a Pelican reader): front-matter errors named with the file and the key instead
    of swallowed or crashing later (a Template no theme has, a tag that makes no folder, a
    control character a feed cannot carry), the body and Summary sanitised and counted.

    Markdown's lines are checked as written (``StrictMarkdownReader``, with line numbers);
    reStructuredText's fields and HTML's ``<meta>`` tags as Pelican reads them
    (``values_as_read``).
    """

    values_as_read = True
    alt_format = "markdown"  # how its images are written: ALT_HINTS
    # a Title written as text (Markdown's front matter), not made from the document (reST)
    titles_typed = False
    # what a missing title, date or text is, said in the file's own format
    missing: ClassVar[dict[str, str]] = {
        "title": Said("has no title; give it one", AS_SAID_ABOVE),
        "date": "has no date; give it one such as 2025-03-14 (a post needs a date)",
        "text": "has no text; it is not published",
    }
    told: Read | None = None  # what Markdown's tree told of the file just read (Markdown only)
    # keys of this file with a comment never closed, with its opener (<!-- or %%)
    unclosed_keys: tuple[tuple[str, str], ...] = ()
    dates_written: tuple[tuple[str, str], ...] = ()  # Date and Modified as written, this file
    converted: tuple[str, ...] = ()  # Jekyll highlight tags shown as code (Markdown only)
    shortcodes: tuple[str, ...] = ()  # WordPress's code shortcodes shown as code (the same)
    others_listed: frozenset[str] | None = None  # other people's plugins the site lists (_others)
    # while a file's checks run, the mistakes found so far, each its own line (None: a mistake
    # raises at once), and the keys whose value was refused (process_metadata), taken out
    mistakes: list[str] | None = None
    refused: frozenset[str] = frozenset()
    said_empty: frozenset[str] = frozenset()  # the keys the file's mistakes say are empty
    reading_post = False  # whether the file being read is a post or a page
    # whether a file is being read: Pelican processes the date of its name (FILENAME_METADATA)
    # before, with no file to name (process_metadata)
    within_read = False
    # the file being read: its text as pelican_open gives it and its path relative to the
    # content folder, found once for all the checks of the file (they read the file three
    # times and worked its path out six times a post); forgotten when the next file starts
    _source: tuple[str, str] | None = None
    _relative: tuple[str, str] | None = None
    # what Pelican adds to the keys of the file being read (_added), worked out once a file,
    # whether its date is its path's (FILENAME_METADATA, PATH_METADATA), and which setting
    # gave its Status
    _added_for: tuple[str, dict, bool, str] | None = None

    @property
    def syntax(self) -> str:
        """How the file being read writes a key (keysyntax): markdown, rst or html, and toml
        for a Markdown file whose keys are between +++ lines (its text read once, _text)."""
        if self._source is None:
            return keysyntax.syntax_of(self.alt_format)
        return keysyntax.syntax_of_text(self.alt_format, self._source[1])

    def _key_syntax(self, source_path: str) -> str:
        """``syntax`` of the file at ``source_path``, its text read (once) if need be: a
        post refused before its text was read is named in TOML too."""
        return keysyntax.syntax_of_text(self.alt_format, self._text(source_path))

    @property
    def build_settings(self) -> dict:
        """The build's own settings dict, the per-build object's key: the Markdown reader reads
        with a copy of its own (its extensions added), which no build is keyed by."""
        return getattr(self, "site_settings", self.settings)

    def process_metadata(self, name: str, value: object) -> object:
        """Validate Pelican's own keys before Pelican converts them; a one-line value's HTML
        comments (a writer's note, ``Title: Launch <!-- codename Kite -->`` or Obsidian's
        ``%%codename Kite%%``) are left out."""
        if isinstance(value, str) and name not in self.settings["FORMATTED_FIELDS"]:
            value, unclosed = text.without_comments(value)
            if unclosed:
                self.unclosed_keys = (*self.unclosed_keys, (name, unclosed))
        if name in DATE_KEYS and isinstance(value, str):
            self.dates_written = (*self.dates_written, (name, value))
        try:
            if self.values_as_read and isinstance(value, str):
                check_as_read(name, value)
            if not (self.reading_post and name == "status" and wordpress_status(value)):
                # a post's Status: publish is WordPress's (wordpress_keys)
                check_value(name, value, self.syntax)
            try:
                return super().process_metadata(name, value)
            except FrontMatterError:
                raise
            except Exception as exc:  # a processor's own error, reworded with the key
                raise FrontMatterError(f"{display_key(name)}: {exc}") from None
        except FrontMatterError as exc:
            if name == "date" and not self.within_read and isinstance(value, str):
                # Pelican's own date for the file, before it reads it: its name's or folders'
                # (FILENAME_METADATA, PATH_METADATA), said by the name (signals.AlreadyNamed),
                # not as a Date: line, which would not help
                error = NameDateError(*exc.problems)
                error.value = value
                raise error from None
            if self.mistakes is None:
                raise
            # each key is checked on its own: the file's next key is read and said too
            self._note(exc)
            return REFUSED

    def _text(self, source_path: str) -> str:
        """The text of the file being read, as Pelican reads it (pelican_open), read once."""
        if self._source is None or self._source[0] != source_path:
            self._source = (source_path, _text_of(source_path))
        return self._source[1]

    def _read(self, source_path: str) -> tuple[str, dict]:
        """The format's own reading (Pelican's reader)."""
        self.told = self._source = None
        return super().read(source_path)

    def comments_left(self) -> list[tuple[str, str]]:
        """The lines that opened a comment never closed in the text just read (Markdown's),
        each with its opener (``<!--`` or ``%%``)."""
        return []

    def _name_unclosed_comments(
        self, source_path: str, metadata: dict, found: list[tuple[str, str]]
    ) -> None:
        """One line for each comment never closed, in a key (``unclosed_keys``) or in the
        text (``found``: the lines that open one), with its line: what follows it is left
        out, and a publish of what it is in stops."""
        keys, self.unclosed_keys = self.unclosed_keys, ()
        if keys and self._gallery_sidecar(source_path):
            keys = ()  # its plugin reads its key lines and names the line, withheld or not
        if not keys and not found:
            return
        lines = self._text(source_path).splitlines()
        opening = [
            (
                next(
                    (
                        line
                        for line in lines
                        if opener in line
                        and line.lstrip("\ufeff").lower().startswith((key + ":", ":" + key + ":"))
                    ),
                    opener,
                ),
                opener,
            )
            for key, opener in dict.fromkeys(keys)
        ]
        log = self._log_for(source_path, metadata)
        said = {(_line_number(lines, needle) or 0, opener) for needle, opener in [*opening, *found]}
        for number, opener in sorted(said):
            where = f"line {number}: " if number else ""
            log("%s: %s%s", self._shown(source_path), where, text.unclosed_message(opener))

    def read(self, source_path: str):
        """Read one file; on failure log why, then let Pelican skip the file. What the
        reading said (any logger's warnings and errors, Python warnings) goes with the
        metadata into Pelican's reader cache (``SAID``): a build that takes the file from
        there says it again (on_content_init, ``say_again``), so ``make serve`` does not
        forget a mistake once another file changes. A post or page read in one of
        fastbuild's reading workers is said so too, by the build's own process when it takes
        the post (``build.CARRIED``; as read before any build), not read a second time there."""
        carried = build.current(self.build_settings).in_a_worker() and self._is_post_or_page(
            source_path
        )
        if not self.settings.get("CACHE_CONTENT") and not carried:
            # nothing keeps the result for a later build (make build, make publish): nothing
            # to say again, and the file is read as Pelican reads it
            return self._read_checked(source_path)
        said = _Said(told(self.build_settings), carried)
        with said.listening():
            content, metadata = self._read_checked(source_path)
        heard = said.heard()
        if heard:
            metadata[SAID] = (0.0 if carried else time.time(), heard)
        return content, metadata

    def _read_checked(self, source_path: str):
        """Read one file, checked and cleaned; on failure log why and raise."""
        # read anew: it may have changed since (its time too, which DEFAULT_DATE = 'fs' reads)
        self._source = self._relative = self._added_for = None
        self.within_read = True  # from here a date's mistake is the file's own (process_metadata)
        post_or_page = self.reading_post = self._is_post_or_page(source_path)
        old_addresses: tuple = ()
        metadata: dict | None = None
        try:
            self._readable(source_path)
            self.unclosed_keys = self.dates_written = ()
            # every key's mistake is named in one build, each its own line (a writer fixed
            # one, saved, and only then heard of the next): collected up to _refuse
            self.mistakes, self.refused, self.said_empty = [], frozenset(), frozenset()
            content, metadata = self._read(source_path)
            self._take_refused(metadata)
            self._name_unclosed_comments(source_path, metadata, self.comments_left())
            if not post_or_page:  # a team, series or gallery file: its keep-out lines
                self._noted(self._check_side, source_path)
                if metadata.get("timezone") is not None:  # Pelican's Page would stop on it
                    self._noted(check_zone, metadata["timezone"])
            if post_or_page:
                old_addresses = self._other_engines(source_path, metadata)
                self._take_refused(metadata)
                self._check_post(source_path, content, metadata)
            self._check_url_parts(metadata, post_or_page)
            self._refuse()
            if post_or_page:
                summary = metadata.get("summary")
                if isinstance(summary, str) and not summary.strip():
                    # as if there were no line (make new-post writes it empty): the post's
                    # first words, not a blank card and the site's description for the post
                    del metadata["summary"]
                # render_math's script: its math line says so (not its text, nor "<script>")
                content, metadata = self._without_mathjax(content, metadata)
                self._name_foreign(source_path, content, metadata)
                save_as = metadata.get("save_as")
                if isinstance(save_as, str) and save_as:
                    # links follow where it is: Url posts/x for Save_as posts/x/index.html is
                    # posts/x/, which a server answers posts/x with (a redirect, for the
                    # canonical and hreflang addresses and every link)
                    metadata["url"] = url_of_save_as(save_as, metadata.get("url"))
            self._name_controls(source_path, metadata)
        except Exception as exc:
            # what was found before another kind of failure is said too
            collected, self.mistakes = self.mistakes or [], None
            lines = exc.problems if isinstance(exc, FrontMatterError) else (failure(exc),)
            for line in [*collected, *lines]:
                logger.error("%s: %s", self._shown(source_path), line)
            if post_or_page and metadata is not None and isinstance(exc, FrontMatterError):
                self._say_plugin_keys(source_path, metadata)
            # a plugin reading its own files with this reader (team) need not say it again
            exc.reported = True
            raise
        finally:
            self.within_read = False
        shown, written = self._shown(source_path), (self._text(source_path), self.alt_format)
        if not post_or_page:
            # team and series files have their own keys, and HTML that reaches pages: its
            # links starting with "/" are published as written, as a post's are
            return sanitise(content, metadata, shown, self.told, links=True, written=written)
        self._warn_unknown_keys(source_path, metadata)
        if self._key_syntax(source_path) == keysyntax.TOML:
            # its name says Markdown: the lines said of it after reading (its Lang, its
            # byline, its gallery) name its keys in TOML by this mark (keysyntax.as_written)
            metadata[keysyntax.WRITTEN_IN] = keysyntax.TOML
        if old_addresses:  # said once the post's own address is known (on_sources_known)
            metadata[OLD_ADDRESSES] = old_addresses
        self._category(source_path, metadata)
        if date_from := self._date_from(source_path, metadata):
            # said by the lines about its date that other plugins give (scheduled, related)
            metadata[DATE_FROM] = date_from
        if status_from := self._status_from(source_path, metadata):
            # said by the lines that call it a draft (related): not a Status: line of its own
            metadata[STATUS_FROM] = status_from
        if "status" not in metadata and in_drafts_folder(self._relpath(source_path)):
            # Jekyll's _drafts/ (never published without --drafts), a drafts/ folder: work in
            # progress, copied over with the rest; a Status: line of its own still decides
            metadata["status"] = "draft"
        # <!-- more -->, <!-- PELICAN_END_SUMMARY -->: the sanitiser takes comments out
        marked = None if "summary" in metadata else summaries.marked_summary(content)
        html, metadata = clean(
            content, metadata, shown, self.told, embeds_named=True, written=written
        )
        if marked:  # what the sanitiser takes out of it is named for the body already
            metadata["summary"] = text.sanitize_and_report(marked[0])[0]
            metadata[summaries.MARKED] = marked[1]
        self._name_images_without_alt(source_path, html, metadata, content)
        return html, metadata

    def _say_plugin_keys(self, source_path: str, metadata: dict) -> None:
        """The mistakes of a refused post's plugin keys (Series_index, Comments…), each at
        its plugin's level, after its own: no plugin reads a refused post, so they were said
        only once these were fixed (``phases.keys_written``); the path knows the syntax of
        the keys (keysyntax.Shown: a +++ post's are TOML)."""
        shown = keysyntax.Shown(self._shown(source_path), self._key_syntax(source_path))
        answers = phases.keys_written.send(
            shown,
            settings=self.build_settings,
            keys=dict(metadata),
            page=self._is_page(source_path),
        )
        for _receiver, said in answers:
            for level, message in said or ():
                logger.log(level, "%s: %s", shown, message)

    def _take_refused(self, metadata: dict) -> None:
        """Take the keys process_metadata refused out of the metadata, into ``refused``."""
        refused = [key for key, value in metadata.items() if value is REFUSED]
        for key in refused:
            del metadata[key]
        self.refused |= frozenset(refused)

    def _noted(self, check: Callable[..., Any], *args: Any) -> Any:
        """Run one check; its mistake is noted with the file's others (``mistakes``), or
        raised when none are collected. None when it found one."""
        try:
            return check(*args)
        except FrontMatterError as exc:
            if self.mistakes is None:
                raise
            self._note(exc)
            return None

    def _note(self, exc: FrontMatterError) -> None:
        """Note a check's mistakes with the file's others (``mistakes``, a list here), and the
        keys they say are empty."""
        self.mistakes += exc.problems
        self.said_empty |= exc.empty

    def _refuse(self) -> None:
        """Raise the file's mistakes, each its own line; from here on a mistake raises."""
        mistakes, self.mistakes = self.mistakes, None
        if mistakes:
            raise FrontMatterError(*mistakes)

    def _name_controls(self, source_path: str, metadata: dict) -> None:
        """A control character in the text (the front matter's are errors of their own): one
        line, with its line; the sanitiser leaves it out (controls.py)."""
        found = controls.problem(self._text(source_path))
        if found:
            self._log_for(source_path, metadata)("%s: %s", self._shown(source_path), found)

    def _readable(self, source_path: str) -> None:
        """Raise when the file's name is not UTF-8 or its text is UTF-16 or UTF-32: no reader
        would read it as written (the name, Python's stand-ins; the text, a line of 0 bytes
        or none at all). An OSError when it cannot be opened (failure says what it means)."""
        problem = name_problem(self._relpath(source_path)) or not_a_file(source_path)
        if problem:
            raise ReadingError(problem)
        with open(source_path, "rb") as handle:
            head = handle.read(4096)
        codec = wide_codec(head)
        if codec:
            raise ReadingError(wide_message(codec))
        if is_rich_text(head):
            raise ReadingError(RICH_TEXT)

    def _other_engines(self, source_path: str, metadata: dict) -> tuple:
        """A Hugo or Jekyll post's own keys for what ours say (draft: true, an embargo's
        publishDate, aliases): read as meant, so an adopted draft or embargo is never
        published and old links keep working; a warning each, saying what to write. Returns
        the old addresses read as Redirect_from, (key, addresses) each, whose lines wait for
        the post's own address (OLD_ADDRESSES)."""
        if OTHER_ENGINE_KEYS.isdisjoint(metadata):
            return ()
        # the advice names keys as the file writes them (:status: draft, status = "draft")
        syntax = keysyntax.syntax_of_text(self.alt_format, self._text(source_path))
        # a WordPress exporter's keys: one line for the file (and one for a numbered author)
        wordpress, lines = wordpress_keys(metadata, syntax)
        for line in lines:
            logger.warning("%s: %s", self._shown(source_path), line)
        for key, value in wordpress.items():  # converted as our line is (Date waits so)
            metadata[key] = self.process_metadata(key, value)
        status, lines = other_engine_status(metadata, syntax=syntax)
        for line in lines:
            logger.warning("%s: %s", self._shown(source_path), line)
        now = datetime.datetime.now(ZoneInfo(self.settings.get("TIMEZONE") or "UTC"))
        dates, lines = other_engine_dates(metadata, now, self._is_page(source_path), syntax)
        if "date" in dates:  # converted as a Date line is, so it waits like one
            metadata["date"] = self.process_metadata("date", dates["date"])
        if "draft" in (status, dates.get("status")):
            metadata["status"] = "draft"
        elif status:
            metadata["status"] = status
        redirects, more, read = other_engine_addresses(metadata, syntax)
        if redirects:
            metadata["redirect_from"] = redirects
        for line in [*lines, *more]:
            logger.warning("%s: %s", self._shown(source_path), line)
        return tuple(read)

    def _name_images_without_alt(
        self, source_path: str, html: str, metadata: dict, written: str = ""
    ) -> None:
        """A photo without alt text says nothing to a reader who cannot see it, nor one whose
        alt text is a placeholder or a file name (``alt text``, ``IMG_2041.jpeg``: what
        editors write for a picture pasted in): one line for the file, naming each image
        with its line (an old blog had 18 in one post, 434 in all, one line each); an error
        in a publish of a published post (Pelican's own "Empty alt attribute" line, with the
        file's absolute path, is left out). From the fifth file of a folder on, one line for
        the folder counts them (FOLDS, as FOLD_ALT)."""
        says_nothing = metadata.pop(ALT_SAYS_NOTHING, ())
        if not metadata.pop(NO_ALT, ()):  # nearly every post: its images all have alt text
            sources = []
        else:
            sources = text.images_needing_alt(html)  # a caption or a link's text may name it
            if "" not in sources and "" in text.images_needing_alt(written):
                # an <img> with no src, which the sanitiser leaves out: still named
                sources = ["", *sources]
        if not sources and not says_nothing:
            return
        lines = self._text(source_path).splitlines()
        log = self._log_for(source_path, metadata)
        # name, line, and the alt text and what it is ("" for none)
        named: list[tuple[str, int | None, str, str]] = []
        kinds: dict[str, str] = {}  # how each kind of image here is written: its first name
        for src in sources:
            if not src:  # no picture: most often a tag's name in a sentence (rawtags.py)
                number = rawtags.line_without_src(lines)
                where = f"line {number}: " if number else ""
                log("%s: %s%s", self._shown(source_path), where, rawtags.NO_SRC)
                continue
            name = src.rsplit("/", 1)[-1] or src
            line = next((line for line in lines if name in line), "")
            # as the image is written: Markdown's ![](), an <img> typed in, reST's directive
            kinds.setdefault(
                "html" if "<img" in line.lower() else self.alt_format,
                text.written_target(line, name),
            )
            named.append((name, _line_without_alt(lines, name), "", ""))  # each named once
        taken: set[int] = set()  # lines named already: two pictures alike have two lines
        for src, alt, what in says_nothing:
            name = src.rsplit("/", 1)[-1] or src
            # its line: where the alt text is written beside its name, else the alt text
            # (one placeholder, "pic", may stand for every picture of a post)
            number = _line_with(lines, (alt, name), taken) or next(
                filter(None, (_line_number(lines, n) for n in (f"[{alt}]", alt, name))), None
            )
            taken.add(number or 0)
            line = lines[number - 1] if number else ""
            kinds.setdefault(
                "html" if "<img" in line.lower() else self.alt_format,
                text.written_target(line, name),
            )
            named.append((name, number, alt, what))
        named.sort(key=lambda image: image[1] or len(lines) + 1)
        lang = metadata.get("lang")
        if not isinstance(lang, str) or not lang.strip():
            lang = str(self.settings.get("DEFAULT_LANG") or "en")
        example = alt_example(lang.strip())
        hints = [ALT_HINTS[kind].format(name=name, example=example) for kind, name in kinds.items()]
        shown = self._shown(source_path)
        folds = {FOLDS: (shown, FOLD_ALT, len(named))}
        if len(named) == 1:
            name, number, alt, what = named[0]
            where = f"line {number}: " if number else ""
            if alt:
                log(ALT_SAYS, shown, where, name, alt, what, hints[0], extra=folds)
            else:
                log(ALT_ONE, shown, where, name, hints[0], extra=folds)
        elif named:
            # each image's line; past the first few, their lines only (a post of 18 plots)
            listed = ", ".join(
                _short(name) + _place(number, alt) for name, number, alt, _ in named[:ALT_NAMED]
            )
            rest = [number for _, number, _, _ in named[ALT_NAMED:]]
            if rest:
                lines_ = ", ".join(str(n) for n in rest if n)
                listed += f" and {len(rest)} more" + (f" (lines {lines_})" if lines_ else "")
            where = "; or ".join(hint.removeprefix("describe it ") for hint in hints)
            many = ALT_SOME if any(alt for _, _, alt, _ in named) else ALT_MANY
            log(many, shown, len(named), listed, where, extra=folds)

    def _without_mathjax(self, content: str, metadata: dict) -> tuple[str, dict]:
        """The body and Summary without render_math's MathJax script, the sanitiser's report
        without it either, where the site lists render_math (foreign.without_mathjax)."""
        listed = self._others()
        content, went = foreign.without_mathjax(content, listed)
        summary = metadata.get("summary")
        went_too = 0
        if isinstance(summary, str):
            metadata["summary"], went_too = foreign.without_mathjax(summary, listed)
        if (went or went_too) and self.told is not None:
            body, summed = self.told
            if body is not None and went:
                body = replace(body, markup=foreign.markup_without_scripts(body.markup, went))
            if summed is not None and went_too:
                summed = replace(
                    summed, markup=foreign.markup_without_scripts(summed.markup, went_too)
                )
            self.told = (body, summed)
        return content, metadata

    def _others(self) -> frozenset[str]:
        """The other people's plugins and Markdown extensions the site lists (foreign.others),
        with those it names that are not installed (their line says to install them): the
        same for every file of the build, so found once."""
        if self.others_listed is None:
            listed = foreign.others(self.settings.get("PLUGINS"), self.settings.get("MARKDOWN"))
            self.others_listed = listed | settings_errors.markdown_left_out(self.build_settings)
        return self.others_listed

    def _name_foreign(self, source_path: str, content: str, metadata: dict) -> None:
        """Another plugin's syntax the page would show as written ({% img %}): one line each,
        with its line; an error in a publish of a post that is published (its page would be
        wrong), else a warning; a warning for LaTeX math, readable as written."""
        listed = self._others()
        source = self._text(source_path)
        pieces = foreign.found(content, self.alt_format, listed, source, self._tag_file)
        summary = metadata.get("summary")  # a written Summary's ([[a note]] in the description)
        summed = (
            foreign.found(summary, self.alt_format, listed, tag_file=self._tag_file)
            if isinstance(summary, str)
            else []
        )
        converted = self.converted  # Jekyll's highlight blocks shown as code (liquid.py)
        shortcodes = self.shortcodes  # WordPress's code shortcodes, the same
        if (
            not pieces
            and not summed
            and not converted
            and not shortcodes
            and not foreign.has_jekyll(content)
        ):
            return
        numbers = foreign.lines_of(pieces, source, self.alt_format)
        said = list(zip(numbers, pieces, strict=True))
        if summed:  # its line is the Summary's, before the text's (a Summary's lines first)
            numbers = foreign.lines_of(summed, source, self.alt_format)
            said = [*zip(numbers, summed, strict=True), *said]
        jekyll = foreign.jekyll(content, converted, source, self.alt_format)
        if jekyll is not None:  # a warning, once per file: said in the order of the lines
            number, message = jekyll
            at = next((i for i, (n, _) in enumerate(said) if n and number and n > number), None)
            said.insert(
                len(said) if at is None else at, (number, foreign.Foreign("", message, False))
            )
        if shortcodes:  # a warning, once per file: the code is shown as code
            number, message = foreign.wordpress_code(shortcodes, source)
            at = next((i for i, (n, _) in enumerate(said) if n and number and n > number), None)
            said.insert(
                len(said) if at is None else at, (number, foreign.Foreign("", message, False))
            )
        log = self._log_for(source_path, metadata)
        for number, piece in said:
            where = f"line {number}: " if number else ""
            (log if piece.serious else logger.warning)(
                "%s: %s%s", self._shown(source_path), where, piece.message
            )

    def _category(self, source_path: str, metadata: dict) -> None:
        """A post that writes no Category right in a post folder gets DEFAULT_CATEGORY (Pelican
        would file it under the folder's name, "posts"); where each post's category came from
        is left for blogcore's check of posts filed under the default by mistake."""
        origin = self._category_origin(source_path, metadata)
        if origin is None:
            return
        settings = self.settings
        if origin == DEFAULT and settings.get("DEFAULT_CATEGORY"):
            # an empty line, said already ("Category is empty"); a Categories: line, said in
            # its own line (_filed_by_default)
            if "category" in metadata or "categories" in metadata:
                origin = EMPTY
            metadata["category"] = self.process_metadata("category", settings["DEFAULT_CATEGORY"])
        metadata[CATEGORY_FROM] = (origin,)

    def _category_origin(self, source_path: str, metadata: dict) -> str | None:
        """Where a post's category comes from (frontmatter.category_origin); None for a file
        outside the posts' folders."""
        relpath = self._relpath(source_path)
        settings = self.settings
        if not is_within_any(
            relpath, settings.get("ARTICLE_PATHS", []), settings.get("ARTICLE_EXCLUDES", [])
        ):
            return None
        keys = path_metadata_keys(
            relpath, settings.get("FILENAME_METADATA", ""), settings.get("PATH_METADATA", "")
        )
        extra = settings.get("EXTRA_PATH_METADATA") or {}
        if "category" in extra.get(relpath.replace("/", os.sep), {}):
            keys.add("category")
        return category_origin(
            relpath,
            # an empty Category: line is Pelican's "discard" marker, no category
            hasattr(metadata.get("category"), "slug"),
            keys,
            settings.get("ARTICLE_PATHS", []),
            bool(settings.get("USE_FOLDER_AS_CATEGORY")),
        )

    def _slugify(self, value: str) -> str:
        """The slug Pelican would make of a value, with the site's slug settings."""
        return slugify(
            value,
            regex_subs=self.settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
            preserve_case=self.settings.get("SLUGIFY_PRESERVE_CASE", False),
            use_unicode=self.settings.get("SLUGIFY_USE_UNICODE", False),
        )

    def _check_url_parts(self, metadata: dict, post_or_page: bool = False) -> None:
        """Every value that becomes a folder in output/ must fit in one (title, tags...); in
        a post or page, none may make an empty one (category/index.html is the list's); each
        key's mistake noted (``_noted``)."""
        if "slug" in self.refused:
            pass
        elif isinstance(metadata.get("slug"), str):
            self._noted(check_url_part, "slug", metadata["slug"], metadata["slug"])
        elif isinstance(metadata.get("title"), str):
            title = metadata["title"]
            slug = self._slugify(title)
            # an empty Title said as empty is one mistake, not a second line for its address
            said = not title.strip() and "title" in self.said_empty
            # a file that makes no page of its own (team, series) may have a title of no letter
            if not said and (any(map(str.isalnum, slug)) or post_or_page):
                self._noted(check_url_part, "title", title, slug, self.syntax)
        for key in ("category", "tags", "author", "authors"):
            values = metadata.get(key)
            for value in values if isinstance(values, list) else [values]:
                slug = getattr(value, "slug", None)
                if isinstance(slug, str) and (any(map(str.isalnum, slug)) or post_or_page):
                    self._noted(check_url_part, key, value.name, slug)
        if post_or_page and isinstance(metadata.get("series"), str):  # plugins/series's pages
            self._noted(
                check_url_part, "series", metadata["series"], self._slugify(metadata["series"])
            )

    def _tag_file(self, name: str, path: str) -> str:
        """The file a notebook or include_code tag names (foreign.tag_files): the first place
        that holds it, else the one file of the content folder at that path within some
        folder, else where liquid_tags read it; as staff know it."""
        content = os.path.abspath(self.settings["PATH"])
        places = foreign.tag_files(name, path, self.settings, content)
        there = next((place for place in places if os.path.isfile(place)), None)
        if there is None:  # the old site's CODE_DIR ("downloads/code") left in its settings
            pattern = os.path.join(glob.escape(content), "**", glob.escape(path.lstrip("/")))
            found = [file for file in glob.glob(pattern, recursive=True) if os.path.isfile(file)]
            there = found[0] if len(found) == 1 else places[0]
        return shown(self.settings, there)

    def _relpath(self, source_path: str) -> str:
        """The file relative to the content folder, with / (posts/x.md)."""
        if self._relative is not None and self._relative[0] == source_path:
            return self._relative[1]
        relpath = os.path.relpath(
            os.path.abspath(source_path), os.path.abspath(self.settings["PATH"])
        ).replace(os.sep, "/")
        self._relative = (source_path, relpath)
        return relpath

    def _is_post_or_page(self, source_path: str) -> bool:
        relpath = self._relpath(source_path)
        folders = [*self.settings.get("ARTICLE_PATHS", []), *self.settings.get("PAGE_PATHS", [])]
        return is_post_or_page(relpath, folders, plugin_folders(self.settings))

    def _check_post(self, source_path: str, content: str, metadata: dict) -> None:
        """Note each mistake of front matter that would publish something wrong (``_noted``;
        a check that reads a key refused already waits for it); warn on the doubtful."""
        refused = self.refused
        header = self._noted(self._header, source_path)
        self._noted(self._check_required, source_path, metadata)
        if isinstance(metadata.get("lang"), str):
            self._noted(check_lang, metadata["lang"])
        if isinstance(metadata.get("slug"), str):
            # an address (/posts/our-move/) is suggested as its last part, the post's own, and
            # a date's folders (2025/our-move) are left out: the rest of an address is
            # ARTICLE_URL's; an old site's folder (tutorial/lists) is kept with a hyphen,
            # where slugify would join the words (was 'postsour-move', 'tutoriallists')
            slug = metadata["slug"]
            parts = [part for part in re.split(r"[/\\]", slug) if part.strip()]
            if slug.strip().startswith(("/", "\\")):
                parts = parts[-1:]
            else:
                parts = [part for part in parts if not part.strip().isdigit()] or parts[-1:]
            before = len(self.mistakes or ())
            self._noted(check_slug, slug, self._slugify("-".join(parts)), self.syntax)
            if len(self.mistakes or ()) > before:  # its address's length is the same mistake
                self.refused |= {"slug"}
        if refused.isdisjoint({"date", "modified"}):
            self._noted(check_modified, metadata.get("date"), metadata.get("modified"))
        if metadata.get("timezone") is not None:
            before = len(self.mistakes or ())
            self._noted(check_zone, metadata["timezone"])
            if len(self.mistakes or ()) > before:  # the dates' own checks wait for it
                refused = refused | {"timezone"}
        self._noted(check_address, metadata, self.syntax)
        self._noted(self._check_address_keys, source_path, metadata)
        if isinstance(metadata.get("template"), str):
            self._noted(
                check_template,
                metadata["template"],
                self._templates(),
                "page" if self._is_page(source_path) else "post",
                has_body(content),
                self.syntax,
            )
        if "status" not in refused:  # whether a draft: these wait for its Status
            self._noted(self._check_text, source_path, content, metadata)
        # the doubtful are said with the mistakes, in the same build (an empty Slug: beside a
        # wrong Lang was said only once the Lang was fixed); each waits for the keys it reads
        doubtful = [*byline_warnings(metadata)]
        if "slug" not in self.refused:
            doubtful += special_page_warnings(metadata, self._is_page(source_path), self.syntax)
        if self.titles_typed:
            doubtful += title_warnings(metadata)
        # a refused Date or Modified is not in the metadata any more; a wrong Timezone would
        # move the times these read
        now = datetime.datetime.now(self._zone(metadata))
        dated = "timezone" not in refused
        named = "" if "date" in refused else self._date_named(source_path, metadata)
        if dated and named:
            # the date Pelican gives the post, named where the writer finds it (its Date: line,
            # its file's name); one the site gives (DEFAULT_DATE) is not this post's to fix
            given = {**metadata, "date": self._date_given(source_path, metadata)}
            doubtful += date_warnings(given, now, page=self._is_page(source_path), named=named)
        elif dated:
            doubtful += date_warnings(metadata, now, page=self._is_page(source_path))
        # an error in a publish of a post published, by the date Pelican gives it (_published)
        leveled = self._log_for(source_path, metadata)
        for message in time_problems(self.dates_written, metadata, now.tzinfo) if dated else ():
            leveled("%s: %s", self._shown(source_path), message)
        said = [
            filed
            for m in (header_warnings(header) if header else ())
            if (filed := self._filed(source_path, metadata, m)) is not None
        ]
        for message in [*said, *doubtful]:
            logger.warning("%s: %s", self._shown(source_path), message)
        for message, out in below_problems(header) if header else ():
            if not out:  # a keep-out line (Status: draft) is check_header's error
                leveled("%s: %s", self._shown(source_path), message)

    def _check_address_keys(self, source_path: str, metadata: dict) -> None:
        """Raise when the address settings Pelican gives the post use a key it lacks
        (ARTICLE_URL = '{series}/{slug}/' and no Series: line): Pelican would stop the whole
        build on its KeyError, with a traceback and no file named."""
        if not self.refused.isdisjoint({"status", "lang"}):
            return  # which settings apply waits for these
        page = self._is_page(source_path)
        relpath = self._relpath(source_path)
        given = self._given(source_path, metadata)
        status = given.get("status", "draft" if in_drafts_folder(relpath) else "")
        if self._waits(source_path, metadata):
            status = "draft"  # Pelican's Article makes it one, with DRAFT_URL's address
        lang = given.get("lang", self.settings.get("DEFAULT_LANG"))
        names = pelican_settings.content_address_settings(
            page, status == "draft", lang != self.settings.get("DEFAULT_LANG")
        )
        for name, own in zip(names, ("url", "save_as"), strict=True):
            if own in given:  # the post's own Url/Save_as is used instead (override_url)
                continue
            pattern = self.settings.get(name)
            key = pelican_settings.key_lacking(pattern, given)
            if key and key not in self.refused:
                where = settings_errors.where_set(name)
                raise FrontMatterError(address_key_missing(key, name, pattern, where, relpath))

    def _given(self, source_path: str, metadata: dict) -> dict:
        """The post's keys as Pelican gives them (readers.py, ``read_file``): its own over
        what Pelican adds from elsewhere (``_added``)."""
        if self._added_for is None or self._added_for[0] != source_path:
            self._added_for = (source_path, *self._added(source_path))
        return {**self._added_for[1], **metadata}

    def _added(self, source_path: str) -> tuple[dict, bool, str]:
        """What Pelican adds to a file's own keys: DEFAULT_METADATA, DEFAULT_DATE (its file's
        time for 'fs'), EXTRA_PATH_METADATA, then FILENAME_METADATA's and PATH_METADATA's
        groups (a Lang from trans.fr.md makes it a translation, a {kind} from its folder fills
        the address, a date from 2099-01-01-news.md holds it back); a date among them read as
        Pelican's date processor reads it (readers.py METADATA_PROCESSORS); and whether that
        date is the path's; and the setting that gave its Status, "" for none."""
        relpath = self._relpath(source_path)
        try:  # a dict, or pairs, as Pelican's default_metadata takes it
            defaults = dict(self.settings.get("DEFAULT_METADATA") or {})
        except (TypeError, ValueError):
            defaults = {}  # not Pelican's to read either: not this post's mistake
        by_path = parse_path_metadata(source_path=relpath, settings=self.settings)
        extra = path_metadata(full_path=source_path, source_path=relpath, settings=self.settings)
        added = {**defaults, **self._default_date(), **extra, **by_path}
        # the last of them to give a Status wins, as in the dict above
        layers = (("PATH_METADATA", by_path), ("EXTRA_PATH_METADATA", extra))
        status_by = next((name for name, keys in layers if "status" in keys), "")
        status_by = status_by or ("DEFAULT_METADATA" if "status" in defaults else "")
        if isinstance(added.get("date"), str):
            with contextlib.suppress(ValueError, OverflowError):  # Pelican stops on it itself
                added["date"] = get_date(added["date"].replace("_", " "))
        return added, "date" in by_path, status_by

    def _date_given(self, source_path: str, metadata: dict) -> datetime.datetime | None:
        """The post's date as Pelican gives it: its Date: line, else its file's or folders'
        names (FILENAME_METADATA, PATH_METADATA), DEFAULT_DATE or its file's time ('fs');
        None when it has none (a draft may)."""
        date = self._given(source_path, metadata).get("date")
        return date if isinstance(date, datetime.datetime) else None

    def _status_from(self, source_path: str, metadata: dict) -> str:
        """What makes a post or page without a Status: line of its own a draft, as a key of
        ``scheduled.STATUS_SUBJECTS``: a drafts folder, PATH_METADATA, EXTRA_PATH_METADATA or
        DEFAULT_METADATA; "" for its own line, or no draft."""
        if "status" in metadata or not self._draft(source_path, metadata):
            return ""
        if in_drafts_folder(self._relpath(source_path)):
            return "folder"
        self._given(source_path, metadata)  # worked out once a file (_added)
        return self._added_for[3] or "DEFAULT_METADATA"

    def _date_named(self, source_path: str, metadata: dict) -> str:
        """How a line names the post's date: Date, as its own line; the date in its file's
        name or its folders' names (FILENAME_METADATA, PATH_METADATA); "" for a date the
        site gives (DEFAULT_DATE, DEFAULT_METADATA, a file's time), not the post's mistake."""
        if "date" in metadata:
            return "Date"
        named = {"name": "its file's name", "folders": "its folders' names"}
        origin = named.get(self._date_from(source_path, metadata))
        return f"the date in {origin}" if origin else ""

    def _date_from(self, source_path: str, metadata: dict) -> str:
        """Where Pelican takes the date of a post without a Date: line from, as a key of
        ``scheduled.DATE_SUBJECTS``: its file's name, its folders' names, its file's time
        ('fs'), DEFAULT_DATE or DEFAULT_METADATA; "" for its own line, or no date."""
        if "date" in metadata or self._date_given(source_path, metadata) is None:
            return ""
        if self._added_for is not None and self._added_for[2]:  # worked out by _given
            # which of the two patterns gave it is plain when only one can give a date (as
            # with Pelican's own settings: no PATH_METADATA); else the name's is tried alone
            if not _gives_date(self.settings.get("PATH_METADATA")):
                return "name"
            if not _gives_date(self.settings.get("FILENAME_METADATA")):
                return "folders"
            by_name = parse_path_metadata(
                source_path=self._relpath(source_path),
                settings={"FILENAME_METADATA": self.settings.get("FILENAME_METADATA")},
            )
            return "name" if "date" in by_name else "folders"
        if self.settings.get("DEFAULT_DATE") == "fs":
            return "fs"
        if self._default_date():
            return "DEFAULT_DATE"
        defaults = self.settings.get("DEFAULT_METADATA")
        return "DEFAULT_METADATA" if isinstance(defaults, dict) and "date" in defaults else ""

    def _waits(self, source_path: str, metadata: dict) -> bool:
        """Whether Pelican's Article (contents.py) makes the post a draft until its date, as
        Pelican gives it (``_date_given``), read in its Timezone, else TIMEZONE: a post
        dated later than now, unless WITH_FUTURE_DATES; a page never waits."""
        if self.settings.get("WITH_FUTURE_DATES") or self._is_page(source_path):
            return False
        date = self._date_given(source_path, metadata)
        if date is None:
            return False
        zone = self._zone(self._given(source_path, metadata))
        when = date if date.tzinfo else date.replace(tzinfo=zone)
        return when > datetime.datetime.now(datetime.UTC)

    def _default_date(self) -> dict[str, datetime.datetime]:
        """DEFAULT_DATE's date as Pelican gives it to a post without one (readers.py
        ``default_metadata``; ``'fs'``, the file's time, is ``path_metadata``'s)."""
        value = self.settings.get("DEFAULT_DATE")
        try:
            if isinstance(value, str) and value != "fs":
                return {"date": get_date(value)}
            if isinstance(value, (tuple, list)):
                return {"date": datetime.datetime(*value)}
        except (TypeError, ValueError):
            pass  # not a date Pelican reads either: the setting's mistake, not the post's
        return {}

    def _filed(self, source_path: str, metadata: dict, message: str) -> str | None:
        """A post's line for an empty Category: says where the post is filed when that is
        DEFAULT_CATEGORY (and Pelican's own, where the sample's is left on an adopted site);
        None once DEFAULT_CATEGORY is the site's own choice, not the sample's: an empty value
        is Pelican's "the default", and the site chose it (an adopted blog's 47 such lines
        kept coming after their advice was followed); any other line as it is (a post in
        posts/ops/ is filed under its folder's name)."""
        default = self.settings.get("DEFAULT_CATEGORY")
        if repeats.kind_of(message) != repeats.empty_kind("Category") or not default:
            return message
        if self._category_origin(source_path, metadata) != DEFAULT:
            return message
        if default != SAMPLE_DEFAULT_CATEGORY:  # as posts without a Category: line (signals)
            return None
        return empty_category_line(default, names_another_site(self.settings))

    def _check_text(self, source_path: str, content: str, metadata: dict) -> None:
        """Raise on a post with no text, or the text make new-post left, unless a draft."""
        drafted = self._draft(source_path, metadata)
        if not has_body(content) and "template" not in metadata:
            if self._why_no_title(source_path) == EMPTY_FILE and "title" not in {
                *metadata,
                *path_metadata_keys(
                    self._relpath(source_path),
                    self.settings.get("FILENAME_METADATA", ""),
                    self.settings.get("PATH_METADATA", ""),
                ),
            }:
                return  # its title's line says the file is empty: one line for one mistake
            said = self.missing["text"]
            if content.strip():  # an old site's note to editors, <!-- … -->, and nothing else
                said = said.replace(" (", ", only an HTML comment, which no reader sees (", 1)
            elif defined := self._definitions_only(source_path):  # [x]: https://…, and no text
                said = definitions_only_line(defined)
            if not drafted:
                raise FrontMatterError(said)
            # a draft is work in progress: said, not a reason to stop a publish
            logger.warning("%s: %s", self._shown(source_path), said)
        if not drafted and placeholders.is_new_post_text(content):
            raise FrontMatterError(placeholders.LINE)

    def _definitions_only(self, source_path: str) -> list[tuple[int, str]]:
        """The lines of a text that is only link definitions (Markdown's: none in others)."""
        return []

    def _is_page(self, source_path: str) -> bool:
        return is_within_any(
            self._relpath(source_path),
            self.settings.get("PAGE_PATHS", []),
            self.settings.get("PAGE_EXCLUDES", []),
        )

    def _header(self, source_path: str) -> Header | None:
        """The front matter as written, checked (Markdown's lines); None for a format whose
        values are checked as read (``values_as_read``)."""
        return None

    def _check_side(self, source_path: str) -> None:
        """Raise on a side file (team, series, gallery) whose text holds a keep-out line
        (Markdown's lines; nothing for other formats)."""

    def _check_required(self, source_path: str, metadata: dict) -> None:
        """Title (and Date, for a post), said the way staff write them; Pelican's own message
        gives neither the file as staff know it nor what to add."""
        relpath = self._relpath(source_path)
        from_path = path_metadata_keys(
            relpath,
            self.settings.get("FILENAME_METADATA", ""),
            self.settings.get("PATH_METADATA", ""),
        )
        present = {*metadata, *self.refused}  # a refused value is there, only wrong
        if "title" not in present and "title" not in from_path:
            why = self._why_no_title(source_path)
            # the Date is checked too: another key's mistake, in the same build
            # said of each file of a folder's line, why is its advice (the front matter is YAML)
            said = Said(f"{self.missing['title']} ({why})", why) if why else self.missing["title"]
            of_each = getattr(why, "of_each", "")
            if of_each:  # the file's own heading in its line: the folder's line counts it so
                said.alike = headed(self.missing["title"], of_each)
            self._noted(_raise, said)
            if not present:
                # no front matter at all (a folder of notes): its one line says to add it, and
                # past a few files the folder's line names Title and Date (RepeatsFolded);
                # a Date line for each too was 16 lines for 12 notes where 5 said it all
                return
        is_post = is_within_any(
            relpath,
            self.settings.get("ARTICLE_PATHS", []),
            self.settings.get("ARTICLE_EXCLUDES", []),
        )
        if "status" in self.refused:
            return  # whether a draft needs no Date waits for its Status
        if (
            is_post
            and "date" not in present
            and "date" not in from_path
            and self.settings.get("DEFAULT_DATE") is None
            and not self._draft(source_path, metadata)
        ):
            raise FrontMatterError(self._why_no_date(source_path) or self.missing["date"])
        if (
            is_post
            and "date" not in present
            and "date" not in from_path
            and self.settings.get("DEFAULT_DATE") == "fs"
            and not self._draft(source_path, metadata)
        ):
            metadata[DATED_BY_FILE] = True

    def _draft(self, source_path: str, metadata: dict) -> bool:
        """Whether a post or page is a draft by its Status as Pelican gives it: its own line,
        else a drafts folder's (the reader's), else its folders' (PATH_METADATA) or
        DEFAULT_METADATA's (``_given``). A draft is previewed, dated by Pelican if it has no
        date, and never stops a publish it is not in."""
        status = metadata.get("status")
        if status is None:
            if in_drafts_folder(self._relpath(source_path)):
                return True
            status = self._given(source_path, metadata).get("status")
        return str(status or "").strip().lower() == "draft"

    def _why_no_title(self, source_path: str) -> str:
        """What in the file explains a missing title ("": the format's own words say it)."""
        return ""

    def _why_no_date(self, source_path: str) -> str:
        """The whole line for a missing date that the file explains ("": the format's own
        words say it)."""
        return ""

    def _templates(self) -> list[str]:
        """The names a Template: line may give: the theme's templates and their overrides."""
        folders = [
            *self.settings.get("THEME_TEMPLATES_OVERRIDES", []),
            os.path.join(self.settings.get("THEME", ""), "templates"),
        ]
        extensions = tuple(self.settings.get("TEMPLATE_EXTENSIONS", [".html"]))
        names = set()
        for folder in folders:
            for root, _dirs, files in os.walk(folder):
                rel = os.path.relpath(root, folder).replace(os.sep, "/")
                for name in files:
                    stem, ext = os.path.splitext(name)
                    if ext in extensions:
                        names.add(stem if rel == "." else f"{rel}/{stem}")
        return sorted(names)

    def _warn_unknown_keys(self, source_path: str, metadata: dict) -> None:
        """A key no one reads is a typo or a wish: say so in every build (posts and pages).
        A typo of a key we read (``Sumary``, ``Comment: closed``) or a first line of text
        read as a key loses what it says: an error in a publish of a published post."""
        # DATED_BY_FILE is the reader's own mark (_check_required), not a key of the file
        present = frozenset(metadata)
        # a key an address setting uses ({series} of ARTICLE_URL) is read, by Pelican
        read = {DATED_BY_FILE, DATE_FROM, STATUS_FROM, *address_keys_once(self.build_settings)}
        found = {
            key: said
            for key in metadata
            if key not in read and (said := unknown(key, present=present))
        }
        if not found:
            return
        header = self._header_as_written(source_path)
        # only a last key with text right below it (no blank line) can be text's first line;
        # a fenced block ends at its fence
        last = (
            header.keys[-1][0]
            if header and header.keys and header.stopper and not header.fenced
            else None
        )
        log = self._log_for(source_path, metadata)
        for key, said in found.items():
            value = metadata[key] if isinstance(metadata[key], str) else ""
            if key == "image" and self._galleries_say(value):
                continue
            lost = text_read_as_key(key, value, key == last)
            message = lost or said.message
            filed = ""
            if key == "categories" and not lost:
                filed = self._filed_by_default(source_path, metadata, value)
                message += filed
            # a key no one reads loses nothing; another engine's name for ours is a warning
            serious = bool(lost or said.typo or key in NOT_DONE_HERE)
            # the record says which key (BLOGCORE_KEPT_KEYS silences it), whether it may be
            # folded with other files' (signals.KeysFolded; a typo's and another engine's name
            # too: 77 files' Update: were 77 lines; a key not done here too) and the key its
            # did-you-mean names, for the folded line's way out, and the did-you-mean itself;
            # what loses text never is folded, nor a line saying what this file alone is filed
            # under
            record = {} if lost else {UNKNOWN_KEY: (key, not filed, said.meant, said.hint)}
            (log if serious else logger.warning)(
                "%s: %s", self._shown(source_path), message, extra=record
            )

    def _filed_by_default(self, source_path: str, metadata: dict, value: str) -> str:
        """What a Categories: line (Hugo's, Typora's) of a post with no Category: means: it is
        filed under the default category, said in the line of the key (_category then says
        nothing more of it: one line for one mistake)."""
        default = self.settings.get("DEFAULT_CATEGORY")
        post = is_within_any(
            self._relpath(source_path),
            self.settings.get("ARTICLE_PATHS", []),
            self.settings.get("ARTICLE_EXCLUDES", []),
        )
        if "category" in metadata or not default or not post:
            return ""
        first = next((v.strip() for v in re.split(r"[,;]", value) if v.strip()), "")
        category = keysyntax.key_as_written("Category", self.syntax, first)
        write = f": write {category}" if first else ""
        return f"; as it is, the post is filed under {default!r}{write}"

    def _galleries_say(self, value: str) -> bool:
        """The photos plugin's ``Image: {photo}album/x.jpg``: the galleries plugin names it,
        with the Cover: line to write (the gallery's folder is its to know)."""
        return links.photos_plugin_path(value) is not None and "plugins.galleries" in build.plugins(
            self.settings
        )

    def _gallery_sidecar(self, source_path: str) -> bool:
        """Whether the file is a gallery's ``gallery.md``, whose key lines the galleries
        plugin reads as written and names the mistakes of (a comment never closed included)."""
        if "plugins.galleries" not in build.plugins(self.settings):
            return False
        folder, sidecar = self.settings.get("GALLERY_PATH"), self.settings.get("GALLERY_SIDECAR")
        if not isinstance(folder, str) or not isinstance(sidecar, str):
            return False
        relpath = os.path.relpath(
            os.path.abspath(source_path), os.path.abspath(self.settings["PATH"])
        )
        parent, name = os.path.split(relpath.replace(os.sep, "/"))
        return name == sidecar and os.path.dirname(parent) == folder.strip("/")

    def _header_as_written(self, source_path: str) -> Header | None:
        """The front matter as written (Markdown), None for other formats or a failure."""
        try:
            return self._header(source_path)
        except (FrontMatterError, OSError, UnicodeError):
            return None

    def _log_for(self, source_path: str, metadata: dict) -> Callable[..., None]:
        """How a mistake that makes the page wrong is logged: an error in a publish (strict)
        build of a post or page it publishes, else a warning (a draft, development)."""
        strict = self.settings.get("BLOGCORE_STRICT", False)
        return logger.error if strict and self._published(source_path, metadata) else logger.warning

    def _published(self, source_path: str, metadata: dict) -> bool:
        """Whether a post or page is published by this build's date (not a draft, not a
        post waiting for its date as Pelican gives it: ``_waits``). Another engine's keep-out
        key (Hugo's ``Draft: true``) counts as its Status before it is read as one (a
        gallery's is read by its plugin)."""
        if str(metadata.get("status", "published")).lower() == "draft":
            return False
        if "status" not in metadata and other_engine_status(dict(metadata))[0] == "draft":
            return False
        if self._is_post_or_page(source_path):
            # a Status: draft from DEFAULT_METADATA or the post's folders holds it back too
            return not self._draft(source_path, metadata) and not self._waits(source_path, metadata)
        # a side file (a gallery's gallery.md) waits for its own Date, as its plugin holds it
        date = metadata.get("date")
        if isinstance(date, datetime.datetime) and not self.settings.get("WITH_FUTURE_DATES"):
            zone = self._zone(metadata)
            when = date if date.tzinfo else date.replace(tzinfo=zone)
            return when <= datetime.datetime.now(zone)
        return True

    def _zone(self, metadata: dict) -> datetime.tzinfo:
        """The zone of a time written without an offset: the file's own ``Timezone`` (Pelican's
        key, which ``Content`` reads its dates in), else the site's ``TIMEZONE``."""
        own = metadata.get("timezone")
        zone = read_zone(own.strip())[0] if isinstance(own, str) else None
        return zone or ZoneInfo(self.settings.get("TIMEZONE") or "UTC")

    def _shown(self, source_path: str) -> str:
        """The path as staff know it: relative to the project, e.g. content/posts/x.md."""
        return shown_once(self.build_settings, source_path)


class StrictMarkdownReader(StrictChecks, MarkdownReader):
    """Pelican's Markdown reader, quickened (compat.py), its front matter checked as written."""

    # Pelican's names, and Jekyll's .mkdn and .mkdown (its markdown_ext): a migrated post so
    # named was left out without a word
    file_extensions: ClassVar[list[str]] = [*MarkdownReader.file_extensions, "mkdn", "mkdown"]
    values_as_read = False  # check_header reads the lines themselves, with their numbers
    titles_typed = True
    missing: ClassVar[dict[str, str]] = {
        "title": Said(
            "has no Title: line; add one at the top, e.g. Title: Our news",
            # and, where their names are their titles, a FILENAME_METADATA (signals)
            "add front matter at the top of each (a Title: line, and a Date: line for a post)",
        ),
        "date": Said(
            "has no Date: line; add one such as Date: 2025-03-14 (a post needs a date)",
            "add one to each, such as Date: 2025-03-14 (a post needs a date)",
        ),
        "text": "has no text after its front matter (write it below the blank line that ends "
        "the keys); it is not published",
    }

    def _definitions_only(self, source_path: str) -> list[tuple[int, str]]:
        lines = self._text(source_path).splitlines()
        return definitions_only(lines, body_start(lines, "markdown"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # text that looks like a tag (List<String>) stays text, on Pelican's converter and
        # this reader's alike: in this reader's copy of the settings, not the site's
        self.tag_or_text = rawtags.TagOrTextExtension()
        # the engine's own extensions (headings, toc, admonition, smarty...) whatever MARKDOWN
        # says: a site that replaced the dict lost them without a word (settings.py)
        markdown = markdown_settings(self.settings["MARKDOWN"])
        # YAML's quotes and lists in a front matter fenced with --- (yamlfront.py)
        yaml = yamlfront.YamlFrontMatterExtension()
        # Jekyll's highlight blocks as code; {low, medium, high} kept as text (liquid.py)
        self.liquid = liquid.LiquidExtension()
        # a comment never closed is left out, with all after it (CommentEndsExtension)
        self.comment_ends = CommentEndsExtension()
        markdown["extensions"] = [
            *markdown.get("extensions", ()),
            self.comment_ends,
            self.tag_or_text,
            yaml,
            self.liquid,
            # a fenced code block in a list item or a quote as code, as GitHub shows it
            # (codeblocks.py)
            codeblocks.NestedFencesExtension(),
            # Obsidian's > [!note] callouts and GitHub's alerts as admonitions (callouts.py)
            callouts.CalloutsExtension(),
            localwords.LocalWordsExtension(self.settings),  # footnote and admonition words
            foreign.EscapesExtension(),  # \@ \% \& \~ as CommonMark and pandoc read them
        ]
        self.site_settings = self.settings  # the build's own dict (the per-build object's key)
        self.settings = {**self.settings, "MARKDOWN": markdown}

    def _markdown(self) -> Markdown:
        """This reader's Markdown converter, reset for the next file.

        Pelican builds a new converter (and all its extensions) for every file; building one
        costs about a fifth of converting a typical post. ``reset()`` is Markdown's own way to
        reuse one; the metadata preprocessor, which Pelican removes while converting a summary,
        is put back.
        """
        md = getattr(self, "converter", None)
        if md is None:
            self.facts = mdtree.FactsExtension()
            md = Markdown(**self.settings["MARKDOWN"])
            md.registerExtensions([self.facts], {})
            md = self.converter = codeblocks.share_formatters(inline.quicken(md), self.facts.known)
            self.meta_step = compat.meta_step(md)
        else:
            md.reset()
            if "meta" not in md.preprocessors:
                md.preprocessors.register(*self.meta_step)
        return md

    def _read(self, source_path: str) -> tuple[str, dict]:
        """MarkdownReader.read: on the reused, quickened converter where the accelerations
        hold (compat.py), else Pelican's own. ``self.told``: what the converter's tree told
        of the body and the Summary (None on the stock path)."""
        self.told = self._source = None
        self.converted = self.shortcodes = ()
        self.tag_or_text.take()  # what an earlier file left, if it failed
        self.liquid.take()
        self.liquid.take_shortcodes()
        self.comment_ends.take()
        if not compat.accelerated(self.build_settings):
            # read first, as on the quickened path: its keys' advice is said in its syntax
            text = self._text(source_path)  # Pelican's own reading keeps no text
            content, metadata = super()._read(source_path)
        else:
            md = self._markdown()
            self.facts.take()
            text = self._text(source_path)
            content, metadata = compat.read_with(self, md, source_path, text)
            found = self.facts.take()
            formatted = [key for key in metadata if key in self.settings["FORMATTED_FIELDS"]]
            summary = found[1] if formatted == ["summary"] and len(found) == 2 else None
            self.told = (found[0] if found else None, summary)
        self.converted = tuple(self.liquid.take())
        self.shortcodes = tuple(self.liquid.take_shortcodes())
        # a tag a blank line cut is named once: not its end tag, closing nothing, again
        cut = self._name_cut_values(source_path, text)
        self._name_text_tags(source_path, rawtags.end_tags(start for _, start in cut))
        self._name_unknown_languages(source_path, text)
        self._name_unmade_fences(source_path, text)
        self._name_comments_shown(source_path, text)
        return content, metadata

    def _name_cut_values(self, source_path: str, source: str) -> list[tuple[int, str]]:
        """A tag whose quoted value a blank line cuts (Markdown shows it as text, a browser
        would read it): one warning each, with its line; the tags found."""
        if "<" not in source:
            return []
        lines = source.splitlines()
        cut = rawtags.values_cut(lines, codeblocks.fenced_code(lines)[0])
        for number, start in cut:
            logger.warning(
                "%s: line %d: %s", self._shown(source_path), number, rawtags.cut_message(start)
            )
        return cut

    def comments_left(self) -> list[tuple[str, str]]:
        return self.comment_ends.take()

    def _name_comments_shown(self, source_path: str, source: str) -> None:
        """A note Markdown shows as written (an indented comment, a [comment]: # (...) over
        two lines): one warning each, with its line."""
        for index, what in text.comments_shown(source.splitlines()):
            logger.warning("%s: line %d: %s", self._shown(source_path), index + 1, what)

    def _name_unmade_fences(self, source_path: str, source: str) -> None:
        """A fenced code block left as text (never closed; in a list item or a blockquote,
        a first line Markdown cannot read too): one warning each, with its line."""
        for number, what in codeblocks.unmade_fences(source):
            logger.warning("%s: line %d: %s", self._shown(source_path), number, what)

    def _name_unknown_languages(self, source_path: str, source: str) -> None:
        """A code block in a language no highlighter knows (```pyhton) is shown without
        colours: one warning each, with its line (``source``: the file's text, as read)."""
        found = codeblocks.unknown_languages(source)
        for number, lang, close in found:
            hint = f" (did you mean {close}?)" if close else ""
            logger.warning(
                "%s: line %d: no highlighter knows the language %r of this code block, so it "
                "is shown as plain text%s",
                self._shown(source_path),
                number,
                lang,
                hint,
            )

    def _name_text_tags(self, source_path: str, said: frozenset[str] = frozenset()) -> None:
        """One warning for each text Markdown would have taken for a tag, with its line;
        ``said``: those named already (the end tag of a tag a blank line cut)."""
        found = [raw for raw in self.tag_or_text.take() if raw.lower() not in said]
        if not found:
            return
        lines = self._text(source_path).splitlines()
        said = [(raw, _where(lines, raw), rawtags.message(raw)) for raw in found]
        # a post listing C headers (<stdio.h>, <unistd.h> …) in prose had 58 lines, one
        # each, which buried the build's other lines: past a few, one line counts them (a
        # name with a likely tag behind it, <stong>, is still said on its own)
        plain = [one for one in said if one[2] == rawtags.message_plain(one[0])]
        if len(plain) > TEXT_TAGS_NAMED:
            first, *rest = plain
            shown = ", ".join(
                f"{raw} ({where.strip(': ')})" if where else raw for raw, where, _ in rest[:3]
            )
            more = f" and {len(rest) - 3} more" if len(rest) > 3 else ""
            folded = f"{first[2]} (also {shown}{more} in this file)"
            said = [one for one in said if one not in plain] + [(first[0], first[1], folded)]
            said.sort(key=lambda one: found.index(one[0]))
        for _raw, where, message in said:
            logger.warning("%s: %s%s", self._shown(source_path), where, message)

    def _why_no_title(self, source_path: str) -> str:
        return why_no_title(self._text(source_path))

    def _why_no_date(self, source_path: str) -> str:
        return why_no_date(self._text(source_path))

    def _check_side(self, source_path: str) -> None:
        # its plugin reads its keys; Status: draft below them would publish the file
        errors = kept_out_in_text(self._text(source_path))
        if errors:
            raise FrontMatterError("; ".join(errors))

    def _header(self, source_path: str) -> Header | None:
        """The front matter's lines, checked: repeated keys, control characters, a line that
        is not a key."""
        header = scan_header(self._text(source_path))
        errors = check_header(header)
        if errors:
            raise FrontMatterError("; ".join(errors), empty=empty_keys(header))
        return header


class StrictRstReader(StrictChecks, RstReader):
    """Pelican's reStructuredText reader, its fields checked as read."""

    alt_format = "rst"

    writer_class = rst.Writer  # HTML5: an SVG image as <img>, not html4css1's <object>

    missing: ClassVar[dict[str, str]] = {
        "title": Said(
            "has no title; give it one as its first heading (a line underlined with ####)",
            AS_SAID_ABOVE,
        ),
        "date": Said(
            "has no :date: field; add one such as :date: 2025-03-14 (a post needs a date)",
            "add one to each, such as :date: 2025-03-14 (a post needs a date)",
        ),
        "text": "has no text after its fields; it is not published",
    }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # the formulas the writer Pelican makes for a file shows as written, the pictures it
        # shows unscaled (rst.py)
        self.math_as_written: list[rst.AsWritten] = []
        self.unscaled: list[rst.Unscaled] = []
        # the headings of the top level of a file whose title docutils did not find (rst.py)
        self.headings: list[str] = []
        # what may be a key written in the text (rst.py): a keep-out one is an error
        self.body_keys: list[rst.BodyKey] = []
        self.writer_class = functools.partial(
            rst.Writer,
            self.math_as_written,
            self.unscaled,
            self.settings["PATH"],
            self.headings,
            self.body_keys,
        )
        # said with the first reST file read: a site without any never hears it
        self.language_note = rst.language_note(
            str(self.settings.get("DEFAULT_LANG") or "en"), self.settings.get("DOCUTILS_SETTINGS")
        )

    def _read(self, source_path: str) -> tuple[str, dict]:
        self.math_as_written.clear()
        self.unscaled.clear()
        self.headings.clear()
        self.body_keys.clear()
        if self.language_note:
            logger.warning("%s: %s", "pelicanconf.py", self.language_note)
            self.language_note = ""
        try:
            content, metadata = super()._read(source_path)
        except SystemMessage as exc:
            found = DOCUTILS_MESSAGE.search(str(exc))
            too_long = found and LINE_TOO_LONG.match(found["message"])
            if too_long:
                raise ReadingError(self._too_long(source_path, int(too_long[1]))) from None
            raise
        if self.reading_post and metadata.get("title") == "":
            # docutils found no title (Pelican's own line, with the absolute path, is left
            # out: SAID_BETTER): said as a missing title, not as a Title making no address
            del metadata["title"]
        self._keep_out_fields(source_path)
        if self.math_as_written:
            self._name_math_as_written(source_path)
        for line, uri, why in self.unscaled:
            number = _line_from(self._text(source_path).splitlines(), uri, line)
            where = f"line {number}: " if number else ""
            logger.warning(
                "%s: %s:scale: of the picture %s is left out, as %s: it is shown at its own "
                "size; give it :width: in pixels instead (:width: 200)",
                self._shown(source_path),
                where,
                uri,
                why,
            )
        return content, metadata

    def _keep_out_fields(self, source_path: str) -> None:
        """Raise on a keep-out key written in the text (``:status: draft`` after a paragraph,
        or ``Status: draft`` as a line of its own): Pelican reads only the fields right under
        the title, and the file would be published with the line as its text."""
        lines = self._text(source_path).splitlines()
        what = "post" if self.reading_post else "file"
        errors = []
        for line, name, value, written in self.body_keys:
            read = (name, value) if name else (written_as_key(written) or ("", ""))[:2]
            if not keeps_out_as_key(*read):
                continue
            number = _line_from(lines, written if not name else f":{name}:", line)
            if name:
                where = "is a field of the text, below the fields under the title"
                fix = "move it up to the fields right under the title"
            else:
                where = "is the text, not a field"
                fix = f"write :{read[0]}: {read[1]} with the fields right under the title"
            errors.append(misplaced_keep_out(number, written, read[0], where, fix, what))
        if errors:
            raise FrontMatterError("; ".join(errors))

    def _why_no_title(self, source_path: str) -> str:
        """Several headings at the top level: docutils takes none of them as the title."""
        if len(self.headings) < 2:
            return ""
        named = [repr(_short(heading)) for heading in self.headings[:3]]
        more = len(self.headings) - len(named)
        listed = ", ".join(named[:-1]) + f" and {named[-1]}" if not more else ", ".join(named)
        listed += f" and {more} more" if more else ""
        return (
            f"it has {len(self.headings)} headings of the top level, {listed}: docutils "
            "takes the title only from one heading above all others; add a :title: field, or "
            "underline the sections' headings with another character"
        )

    def _too_long(self, source_path: str, number: int) -> str:
        """What to do with a line over docutils' line_length_limit (docutils read no further,
        and the post was its message alone)."""
        limit = (self.settings.get("DOCUTILS_SETTINGS") or {}).get("line_length_limit", 10_000)
        lines = self._text(source_path).splitlines()
        length = len(lines[number - 1]) if 0 < number <= len(lines) else limit + 1
        enough = (length // 10_000 + 1) * 10_000
        return (
            f"line {number} is {length:,} characters long, over docutils' limit of {limit:,} "
            "for a line of reStructuredText, and docutils reads no further: break the line, "
            "move its text to a file linked with {static}, or raise the limit in "
            f"pelicanconf.py: DOCUTILS_SETTINGS = {{'line_length_limit': {enough}}}"
        )

    def _name_math_as_written(self, source_path: str) -> None:
        """A formula docutils cannot write as MathML is shown as written: one warning each,
        with its line (a publish goes on: nothing is lost, the formula is on the page as the
        writer wrote it and the post's other formulas are typeset)."""
        lines = self._text(source_path).splitlines()
        for line, written, reason, advice in self.math_as_written:
            first = written.strip().splitlines()[0].strip() if written.strip() else ""
            # an inline formula as its role writes it first: "_2" alone is in many a file name
            number = _line_from(lines, f"`{first}`", None) or _line_from(lines, first, line)
            where = f"line {number}: " if number else ""
            logger.warning(
                "%s: %s%s in math (reStructuredText): docutils cannot write it as MathML, so "
                "the formula is shown as written, not typeset (%s); %s",
                self._shown(source_path),
                where,
                reason.rstrip(".!"),
                _short(" ".join(written.split()), 60),
                advice,
            )


class HeadMetas(HTMLParser):
    """The ``<meta>`` tags of an HTML file's ``<head>``, as Pelican's HTML reader takes them,
    with their lines: ``metas``, (line, attributes) each."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.metas: list[tuple[int, dict[str, str | None]]] = []
        self.state = "before"  # the head is the first one, before any <body>
        # what Pelican's reader does not read: <meta> tags outside that <head>, and the lines
        # of text outside it and outside code (each with its line)
        self.outside: list[tuple[int, dict[str, str | None]]] = []
        self.lines: list[tuple[int, str]] = []
        self.in_code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "head" and self.state == "before":
            self.state = "head"
        elif tag == "body":
            self.state = "after"
        elif tag == "meta":
            (self.metas if self.state == "head" else self.outside).append(
                (self.getpos()[0], dict(attrs))
            )
        elif tag in _CODE_TAGS:
            self.in_code += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "head" and self.state == "head":
            self.state = "after"
        elif tag in _CODE_TAGS and self.in_code:
            self.in_code -= 1

    def handle_data(self, data: str) -> None:
        if self.state == "head" or self.in_code:
            return
        first = self.getpos()[0]
        self.lines += [(first + n, line) for n, line in enumerate(data.split("\n")) if line]


# where text is code or no text at all: a line in it is shown as written, never front matter
_CODE_TAGS = frozenset({"pre", "code", "script", "style", "textarea", "template"})


def _short(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def meta_problems(source: str) -> list[tuple[int, str]]:
    """What to say of an HTML file's ``<meta>`` tags, by line (Pelican's own lines, with the
    file's absolute path and a <meta charset> said to be skipped, are dropped: SAID_BETTER).
    A charset, an http-equiv and a name that is no key (HTML_PAGE_NAMES) say nothing."""
    parser = HeadMetas()
    parser.feed(source)
    parser.close()
    problems = []
    for line, attrs in parser.metas:
        name = attrs.get("name")
        if name is None:
            if "charset" in attrs or "http-equiv" in attrs:
                continue
            written = " ".join(f'{k}="{_short(v or "")}"' for k, v in attrs.items())
            problems.append(
                (
                    line,
                    f"<meta {written}> has no name=, so it is not read; if it is front matter, "
                    'write <meta name="key" content="value"> with a key of docs/front-matter.md, '
                    "else remove it",
                )
            )
        elif not attrs.get("content") and attrs.get("contents"):
            problems.append((line, f'<meta name="{name}"> has contents=; write content='))
    return problems


def html_keep_out_problems(source: str, what: str = "post") -> list[str]:
    """The keep-out keys of an HTML file that Pelican's reader does not read, one line each:
    a ``<meta name="status" content="draft">`` (or another engine's keep-out key) outside its
    ``<head>``, and a line of its text written as one (``Status: draft``, outside code): the
    file would be published against the writer's word."""
    parser = HeadMetas()
    parser.feed(source)
    parser.close()
    found = []
    for number, attrs in parser.outside:
        key = str(attrs.get("name") or "").strip().lower()
        value = str(attrs.get("content") or "")
        if key and keeps_out_as_key(key, value):
            written = f'<meta name="{attrs.get("name")}" content="{value}">'
            where = "is outside the <head>"
            fix = "move it into the <head>, where Pelican reads <meta> tags"
            found.append(misplaced_keep_out(number, written, key, where, fix, what))
    for number, line in parser.lines:
        read = written_as_key(line)
        if read and keeps_out_as_key(*read[:2]):
            key, value = read[:2]
            where = "is the text, not a <meta> tag"
            fix = f'write <meta name="{key}" content="{value}"> in the <head>'
            found.append(misplaced_keep_out(number, line, key, where, fix, what))
    return found


class StrictHTMLReader(StrictChecks, HTMLReader):
    """Pelican's HTML reader, its ``<meta>`` values checked as read."""

    alt_format = "html"

    missing: ClassVar[dict[str, str]] = {
        "title": Said("has no <title>; add one to its <head>", AS_SAID_ABOVE),
        "date": Said(
            'has no date; add <meta name="date" content="2025-03-14"> to its <head> (a post '
            "needs a date)",
            'add <meta name="date" content="2025-03-14"> to each one\'s <head> (a post needs a '
            "date)",
        ),
        "text": "has no text in its <body>; it is not published",
    }

    def _say_plugin_keys(self, source_path: str, metadata: dict) -> None:
        # a page kept as it is (slides) is no post: the team plugin counted its byline, or
        # its lack, among the posts ("28 posts have no <meta name="author">", 11 built)
        if not checks.html_page_kept(self.settings, self._relpath(source_path)):
            super()._say_plugin_keys(source_path, metadata)

    def _read(self, source_path: str) -> tuple[str, dict]:
        """Pelican's reading; what its <head> says of the page (a viewport) is no key, and
        its <meta> tags' mistakes are one line each, with their line."""
        content, metadata = super()._read(source_path)
        for key in HTML_PAGE_NAMES.intersection(metadata):
            del metadata[key]
        source = self._text(source_path)
        errors = html_keep_out_problems(source, "post" if self.reading_post else "file")
        if errors:
            raise FrontMatterError("; ".join(errors))
        if "<meta" in source.lower():
            for number, message in meta_problems(source):
                logger.warning("%s: line %d: %s", self._shown(source_path), number, message)
        return content, metadata
