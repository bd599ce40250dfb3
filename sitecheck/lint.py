"""Content lint: what the build said (WARNING and above) plus what only the sources show.

The build names the file, and the key or line, for bad dates and statuses, unknown
front-matter keys (with a did-you-mean), unknown authors, series problems, posts and pages
without a title or text, and images without alt text: those come in through the build log (see
sitecheck/build.py), one line each, in the build's words (`make build` and `make serve` say the
same). This module adds what no build step reports: source photos anywhere in content/ that
carry a GPS position. Where no build has read the content (no log given, or a build stopped
before it had read every file: its settings, the out-of-memory killer), it also reads the
Markdown posts and pages itself for an empty post, a missing title and images without alt
text; where one has, the build's line is the one line for each (it also knows reST and HTML
posts, an image in a code block, a folder of a hundred such posts).
"""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from plugins.blogcore import fenced
from plugins.blogcore.text import ALT_EXAMPLE, alt_describes_nothing

from .common import Context, Finding, Report

TEXT_FOLDERS = ("posts", "pages")  # ARTICLE_PATHS and PAGE_PATHS of pelicanconf.py, and
# the top of content/ itself (ARTICLE_PATHS has "": a Pelican site's posts live there)
PHOTO_SUFFIXES = {
    ".jpg", ".jpeg", ".jfif", ".png", ".webp", ".avif", ".tif", ".tiff", ".gif", ".heic", ".heif",
}  # fmt: skip
GPS_IFD = 0x8825
_MD_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]*)")
# Pelican's Markdown reader's file_extensions, and blogcore's reader's two more (Jekyll's)
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown", ".mkdn", ".mkdown")
# a file (a dot and an extension) or a folder (a closing /) the line starts with
_PATH_PREFIX = re.compile(r"^(?P<file>[^\s:]+(?:\.[A-Za-z0-9]+|/)): (?P<message>.+)$", re.S)


def from_log(lines: list[str]) -> list[Finding]:
    """Findings from a build log of JSON lines: the file the message names, else '(build)'."""
    findings = []
    for line in lines:
        if not line.strip():
            continue
        record = json.loads(line)
        if "level" not in record:
            continue  # sitecheck.build's own note ({"read": true}), no message
        message = " ".join(str(record["message"]).split())
        match = _PATH_PREFIX.match(message)
        level = record["level"].lower()
        if match:
            findings.append(Finding(match["file"], f"{match['message']} (build {level})"))
        else:
            findings.append(Finding("(build)", f"{message} (build {level})"))
    return findings


def content_read(lines: list[str]) -> bool:
    """Whether the build that wrote this log read every post and page and said what is wrong
    with each (sitecheck.build's ``{"read": true}``)."""
    return any(line.strip() and json.loads(line).get("read") is True for line in lines)


class FrontMatterUnread(ValueError):
    """A fenced front matter the build does not read either: the build names its line."""


def split_front_matter(text: str) -> tuple[dict[str, str], str, int]:
    """Keys (lowercase) and values as the build reads them (Pelican's lines up to the first
    blank line, or a YAML/TOML block between fences), the body, its first line. Raises
    FrontMatterUnread for a fenced block that is no valid YAML or TOML."""
    keys, body, first_line, _ = _front_matter(text)
    return keys, body, first_line


def _front_matter(text: str) -> tuple[dict[str, str], str, int, str]:
    """split_front_matter's keys, body and first line, and the block's language: "YAML",
    "TOML", or "" for Pelican's Key: value lines."""
    lines = text.splitlines()
    try:
        read = fenced.read(lines, frozenset({"title"}))
    except fenced.FencedFrontMatterError as exc:
        raise FrontMatterUnread(str(exc)) from None
    if read is not None and read.block.keys:
        keys = {e.key.lower(): _as_text(e.value) for e in read.block.entries}
        return keys, "\n".join(lines[read.end + 1 :]), read.end + 2, read.language
    keys: dict[str, str] = {}
    last = None
    for n, line in enumerate(lines):
        if not line.strip():
            return keys, "\n".join(lines[n + 1 :]), n + 2, ""
        match = re.match(r"^([A-Za-z][\w-]*)\s*:\s*(.*)$", line)
        if match:
            last = match[1].lower()
            keys[last] = match[2].strip()
        elif last and line[:1] in (" ", "\t"):
            keys[last] += " " + line.strip()  # a continued value
        else:
            return keys, "\n".join(lines[n:]), n + 1, ""  # the body starts without a blank line
    return keys, "", len(lines) + 1, ""


def _as_text(value: str | tuple[str, ...] | None) -> str:
    return ", ".join(value) if isinstance(value, tuple) else (value or "").strip()


def _says_nothing(alt: str, src: str) -> bool:
    """No alt text, or a placeholder's (the advice's own example copied as it stands)."""
    return not alt.strip() or alt_describes_nothing(alt, src) == "a placeholder"


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.missing: list[tuple[int, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        src = a.get("src") or "?"
        decorative = a.get("role") == "presentation"
        if tag == "img" and not decorative and _says_nothing(a.get("alt") or "", src):
            self.missing.append((self.getpos()[0], src, "html"))


def images_without_alt(body: str) -> list[tuple[int, str, str]]:
    """(line within body, src, "markdown" or "html") of each Markdown or HTML image with no
    alt text, or a placeholder's."""
    found = []
    for n, line in enumerate(body.splitlines(), 1):
        found += [
            (n, m["src"], "markdown")
            for m in _MD_IMAGE.finditer(line)
            if _says_nothing(m["alt"], m["src"])
        ]
    parser = _Images()
    parser.feed(body)
    return sorted(found + parser.missing)


# the title asked for in the file's own front matter format: a Title: line added above a
# fenced block would make the build read the block as text
_TITLE_ADVICE = {
    "": "write 'Title: ...' on the first line",
    "YAML": "write 'title: ...' inside the --- block",
    "TOML": "write 'title = \"...\"' inside the +++ block",
}


# the alt text asked for as the image is written, with the writer's description to put in:
# the example is a placeholder, named again if kept (a real-looking one, "A stone farmhouse",
# copied as it stood would publish a false description); the image's own src, not "...",
# so a copy in its place still shows the picture, and an <img> keeps its other attributes
_ALT_ADVICE = {
    "markdown": "describe it between the brackets: ![{example}]({src})",
    "html": 'describe it in an alt attribute added to its <img> tag: alt="{example}"',
}


def lint_text(shown: str, raw: bytes) -> list[str]:
    """What is wrong with one post or page that the build does not report."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return []  # the reader reports it, naming the byte
    if not text.strip():
        return ["is empty: a post needs front matter (Title: ...) and some text"]
    try:
        keys, body, first_line, language = _front_matter(text)
    except FrontMatterUnread:
        return []  # the build names the line and leaves the file out
    problems = []
    if not keys.get("title"):
        problems.append(f"has no Title ({_TITLE_ADVICE[language]})")
    if not body.strip():
        problems.append("has no text after its front matter (an empty post)")
    for line, src, kind in images_without_alt(body):
        problems.append(
            f"line {first_line + line - 1}: image {src} has no alt text that describes it "
            f"({_ALT_ADVICE[kind].format(example=ALT_EXAMPLE, src=src)})"
        )
    return problems


# the first bytes of a photo that can carry EXIF: JPEG, PNG, TIFF (either byte order), WebP,
# HEIF/AVIF
_PHOTO_STARTS = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*")


def _photo(path: Path) -> bool:
    """A photo by its name, or by its first bytes under another one: exiftool's backup
    (IMG_1.jpg_original, with the position the photo had), an editor's IMG_1.jpg~."""
    if path.suffix.lower() in PHOTO_SUFFIXES:
        return True
    try:
        with path.open("rb") as file:
            head = file.read(16)
    except OSError:
        return False
    return head.startswith(_PHOTO_STARTS) or (
        (head[:4] == b"RIFF" and head[8:12] == b"WEBP") or head[4:8] == b"ftyp"
    )


def has_gps(path: Path) -> bool:
    """Whether an image file carries a GPS position in its EXIF."""
    import pillow_heif
    from PIL import Image, UnidentifiedImageError

    pillow_heif.register_heif_opener()  # phones write HEIC: their GPS is read like a JPEG's
    try:
        with Image.open(path) as image:
            return bool(image.getexif().get_ifd(GPS_IFD))
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError):
        return False  # not an image Pillow reads: the image pipeline reports it


def scan_content(content: Path, shown_base: Path, texts: bool = True) -> list[Finding]:
    """Lint every post and page (unless ``texts`` is False: a build said their problems), and
    look for GPS in every photo under content/."""
    findings = []

    def shown(path: Path) -> str:
        return path.resolve().relative_to(shown_base.resolve()).as_posix()

    posts = [p for folder in TEXT_FOLDERS for p in sorted((content / folder).rglob("*"))]
    posts += sorted(content.glob("*"))  # posts at the top of content/
    for path in posts if texts else ():
        if path.suffix.lower() not in MARKDOWN_SUFFIXES or not path.is_file():
            continue
        findings += [Finding(shown(path), p) for p in lint_text(shown(path), path.read_bytes())]
    for path in sorted(content.rglob("*")):
        if path.is_file() and _photo(path) and has_gps(path):
            findings.append(
                Finding(
                    shown(path),
                    "carries a GPS position (EXIF): published copies are stripped, but the "
                    "source photo is in the repository; remove it (e.g. exiftool "
                    "-overwrite_original -gps:all= FILE)",
                )
            )
    return findings


def run(ctx: Context) -> Report:
    """The lint gate: the build's warnings and errors, and the content's own problems."""
    lines = []
    if ctx.build_log and ctx.build_log.is_file():
        lines = ctx.build_log.read_text(encoding="utf-8").splitlines()
    logged = from_log(lines)
    # a post without a title or an image without alt text is the build's one line (with its
    # line, in every format, folded for a folder of many): the sources are read for them only
    # where no build did (make check printed the lint's own line under the build's)
    texts = not content_read(lines)
    scanned = scan_content(ctx.content, ctx.content.parent, texts) if ctx.content else []
    # the scan reports every photo with GPS; the galleries plugin's notice would say it twice
    gps = {f.page for f in scanned if "GPS position" in f.message}
    logged = [f for f in logged if not (f.page in gps and "GPS position" in f.message)]
    findings = logged + scanned
    return Report(
        findings, [f"{len(logged)} build warnings/errors, {len(scanned)} content problems"]
    )
