"""Carry out a plan: files into the content folder, comments into Isso's database.

Files are written into a temporary folder first and moved into place only once every one of
them is written, so an import that fails leaves nothing half-written. The folder is on the file
system of the content folder, where a rename can move them (``staging_folder``). A file that
exists with the same bytes is left alone (running an import twice changes nothing). One that
exists and differs is replaced only when it is exactly what an earlier import wrote (``STATE``,
in the content folder, keeps the SHA-256 of every file the import wrote): nobody edited it
since, and this import knows more (the pictures copied into the uploads folder since). A file
edited since is never overwritten, only reported. Comments are matched on their thread, date,
author and text, so they are never added twice either. A draft's comments and pingbacks, which
the plan holds back, go in once the content folder holds that post published
(``release_published``).
"""

import contextlib
import fcntl
import filecmp
import hashlib
import html
import json
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from plugins.blogcore.frontmatter import scan_header
from plugins.engine.ignores import ignored
from plugins.redirects.paths import split_value
from plugins.webmentions import archive

from .plan import Plan, Thread

# Isso keeps the commenter's address only to stop repeated votes; imported comments have none.
NO_ADDRESS = "127.0.0.0"
# What the import wrote, in the content folder (a dot file: Pelican neither reads nor publishes
# it; committed with the content, so an import run from another clone knows it too):
# {"version": 1, "files": {"posts/x.md": "<SHA-256 of the bytes the import wrote>", ...}}
STATE = ".import-state.json"
# The names the staging folder may take inside the content folder (prefix, suffix), the first
# the site's IGNORE_FILES hides used: "*~" hides the first in this site; ".import-*" the second
STAGING_NAMES = ((".import-", "~"), (".import-", ""))
# A staging folder holds this file, locked (flock) by the import writing there for as long as
# it runs: the system lets go of the lock when that import ends, killed (SIGKILL) too, so a
# folder whose lock can be taken is a dead import's, left behind (``clear_leftovers``)
OWNER = ".import-owner"
# a staging folder's name as tempfile.mkdtemp makes it (eight letters, digits or "_")
LEFTOVER = re.compile(r"\.import-[a-z0-9_]{8}~?")


class NoStaging(ValueError):
    """No folder the import may stage its files in (the message says what to do)."""


@dataclass
class Outcome:
    """What an import changed and what it left alone."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)  # exist and differ: not overwritten
    updated: list[str] = field(default_factory=list)  # an earlier import's, unedited: replaced
    # an earlier import's file, unedited, of an item this import writes under another name
    # (the site's file that made it `about-2.md` moved away): removed, -> the file written now
    superseded: dict[str, str] = field(default_factory=dict)
    # conflicts that are another post (not this one's Comment_id): its comments are not added
    others: list[str] = field(default_factory=list)
    held_threads: set[str] = field(default_factory=set)
    comments_added: int = 0
    comments_present: int = 0
    mentions_added: int = 0
    mentions_present: int = 0
    notes: list[str] = field(default_factory=list)  # for the report, one line each


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes ("" when it cannot be read)."""
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return ""


def load_state(content: Path) -> dict[str, str]:
    """What earlier imports wrote into `content`: relative path -> SHA-256 of its bytes. A
    state file that cannot be read counts as none (every file that differs is then kept)."""
    try:
        data = json.loads((content / STATE).read_text(encoding="utf-8"))
        files = data["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    if not isinstance(files, dict):
        return {}
    return {k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, str)}


def is_published(path: Path, slug: str) -> bool:
    """Whether the post file at `path` is there with this Slug and not a draft."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    # the keys as the site's reader finds them (a "---" fence, indented continuations)
    metadata = {key: value for key, value, _ in scan_header(text).keys}
    return metadata.get("slug") == slug and metadata.get("status", "").lower() != "draft"


def _claims(text: str) -> set[tuple[str, str]]:
    """The old addresses (Redirect_from) and comment thread (Comment_id) a post file takes: one
    export item's, whatever name the file was written under (the build lets one file have each)."""
    keys = {k: v for k, v, _ in scan_header(text).keys}
    found = {("redirect_from", path) for path in split_value(keys.get("redirect_from", ""))}
    if keys.get("comment_id"):
        found.add(("comment_id", keys["comment_id"]))
    return found


def superseded(plan: Plan, content: Path, state: dict[str, str]) -> dict[str, str]:
    """The post and page files an earlier import wrote, unedited since, that this import writes
    under another name (the same old address or comment thread): file -> the plan's file.
    Kept, they would be the post twice, and the build refuses the second's old address."""
    claimed = {claim: relative for relative, text in plan.files.items() for claim in _claims(text)}
    found = {}
    for relative, digest in sorted(state.items()):
        target = content / relative
        if relative in plan.files or Path(relative).suffix.lower() != ".md":
            continue
        if not target.is_file() or _file_digest(target) != digest:
            continue  # gone, or edited since: the writer's now
        try:
            text = target.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        claims = _claims(text)
        now = sorted({claimed[claim] for claim in claims if claim in claimed})
        if now and _next_free_name(relative, now[0]):
            found[relative] = now[0]
        elif same := _renamed_copy(relative, text, plan.files):
            found[relative] = same
    return found


def _renamed_copy(earlier: str, text: str, files: dict[str, str]) -> str:
    """The plan's file that `earlier` is a copy of under its next free name, the name aside
    (its Slug, its galleries' names): a draft claims no old address, yet is the same item's
    when its text is; "" when none is (another item's or another blog's text differs)."""
    before = PurePosixPath(earlier)
    stem, _, rest = before.name.partition(".")
    found = re.fullmatch(r"(.+)-\d+", stem)
    if not found:
        return ""
    now = (before.parent / f"{found.group(1)}.{rest}").as_posix()
    renamed = re.sub(rf"(?<![\w-]){re.escape(stem)}(?![\w])", found.group(1), text)
    return now if now in files and files[now] == renamed else ""


_GALLERY_LINE = re.compile(r"^\{gallery\}(\S+)[ \t]*$", re.M)


def their_galleries(
    removed: dict[str, str], plan: Plan, content: Path, state: dict[str, str]
) -> dict[str, str]:
    """The gallery folders of the files ``removed`` (earlier file -> the plan's) that the
    earlier import wrote and nobody touched since, every file there its own, unedited, whose
    gallery this import writes under the new file's name: folder/ -> the plan's folder/."""
    written = set(plan.files) | {copy.target for copy in plan.copies}
    found = {}
    for earlier, now in removed.items():
        old_stem = PurePosixPath(earlier).name.partition(".")[0]
        new_stem = PurePosixPath(now).name.partition(".")[0]
        try:
            text = (content / earlier).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        for name in _GALLERY_LINE.findall(text):
            if not name.startswith(old_stem):
                continue
            ending = f"/{name}/gallery.md"
            for listed in [k for k in state if k.endswith(ending)]:
                folder = listed[: -len("gallery.md")]
                again = new_stem + name[len(old_stem) :]
                moved = folder[: -len(name) - 1] + again + "/"
                shown = f"{{gallery}}{again}" in plan.files.get(now, "").splitlines()
                if not shown or moved + "gallery.md" not in plan.files:
                    continue  # the new file does not show it made again
                if any(w.startswith(folder) for w in written):
                    continue  # this import writes into it (another gallery of that name now)
                there = [p for p in (content / folder).rglob("*") if not p.is_dir()]
                if there and all(
                    state.get(p.relative_to(content).as_posix()) == _file_digest(p) for p in there
                ):
                    found[folder] = moved
    return found


def _next_free_name(earlier: str, now: str) -> bool:
    """Whether `earlier` is `now` under the next free name a clash gave it (pages/about-2.md
    for pages/about.md, posts/x-3.fr.md for posts/x.fr.md): another blog's post imported into
    the same site may share an old address (/?p=12), and is never taken for this one."""
    before, after = PurePosixPath(earlier), PurePosixPath(now)
    stem, _, rest = after.name.partition(".")
    return before.parent == after.parent and bool(
        re.fullmatch(re.escape(stem) + r"-\d+\." + re.escape(rest), before.name)
    )


def release_published(plan: Plan, content: Path) -> None:
    """The comments and pingbacks the plan holds back for drafts, of each post the content
    folder holds published now, join the plan's threads and mentions."""
    for held in list(plan.held):
        if not is_published(content / held.path, held.slug):
            continue
        plan.held.remove(held)
        if held.thread is not None:
            plan.threads.append(held.thread)
        plan.mentions.extend(held.mentions)
        for key, number in held.counts.items():
            plan.counts[key] += number
            plan.counts[f"{key} on drafts skipped"] -= number


@contextlib.contextmanager
def content_folder(content: Path) -> Iterator[None]:
    """The content folder, made (with the folders above it) where it is not there yet, and
    removed again if the import leaves it empty: a refused or stopped import (a setting it
    cannot follow, a database that is not Isso's, a disk that refused a file) leaves the disk
    as it found it."""
    made = [folder for folder in (content, *content.parents) if not folder.exists()]
    content.mkdir(parents=True, exist_ok=True)
    try:
        yield
    finally:
        for folder in made:  # the deepest first
            try:
                folder.rmdir()
            except OSError:  # it holds what the import wrote
                break


def _dead(folder: Path) -> bool | None:
    """Whether the import that staged in ``folder`` has ended (True: its lock is free), runs
    (False), or is unknown (None: no lock file, as an import writes it the instant after it
    makes the folder, and an import before this version never did)."""
    try:
        handle = (folder / OWNER).open("rb")
    except OSError:
        return None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # held: that import runs
            return False
        fcntl.flock(handle, fcntl.LOCK_UN)
    return True


def clear_leftovers(content: Path, shown: Callable[[Path], str] = str) -> list[str]:
    """Remove the staging folders of imports that were killed (in `content`, or beside it),
    never one an import running uses; one line for each removed, and for each whose import
    cannot be known to have ended (left as it is)."""
    found = [
        p for d in (content, content.parent) for p in d.iterdir() if LEFTOVER.fullmatch(p.name)
    ]
    said = []
    for folder in sorted(p for p in found if p.is_dir() and not p.is_symlink()):
        dead = _dead(folder)
        if dead:
            shutil.rmtree(folder, ignore_errors=True)
            said.append(
                f"{shown(folder)}/ was removed: an import stopped before it ended (killed) had "
                "left its files there"
            )
        elif dead is None:
            said.append(
                f"{shown(folder)}/ holds the files of an import stopped before it ended (no "
                "build reads it): remove the folder once no import runs"
            )
    return said


@contextlib.contextmanager
def staged(
    content: Path, ignores: Sequence[str] = (), shown: Callable[[Path], str] = str
) -> Iterator[Path]:
    """A staging_folder(content, ignores, shown), this import's (locked: clear_leftovers never
    removes it) until the block ends, then removed."""
    folder = staging_folder(content, ignores, shown)
    try:
        with (folder / f"{OWNER}~").open("wb") as owner:
            fcntl.flock(owner, fcntl.LOCK_EX)
            # named OWNER only once locked: an import clearing leftovers meanwhile never
            # takes a lock this one is about to hold for its own
            os.replace(folder / f"{OWNER}~", folder / OWNER)
            yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def staging_folder(
    content: Path, ignores: Sequence[str] = (), shown: Callable[[Path], str] = str
) -> Path:
    """A new, empty folder to write the import's files in before they are moved into
    `content`: inside it, under a name ``ignores`` (IGNORE_FILES) hides from Pelican (a
    `make serve` running meanwhile never publishes it); else beside it, where that is the same
    file system (a rename cannot move a file from one to another: content/ may be a mount of
    its own, a Docker volume); else NoStaging, naming `content` as ``shown`` gives it."""
    for prefix, suffix in STAGING_NAMES:
        if ignored(f"{prefix}x{suffix}", ignores):
            return Path(tempfile.mkdtemp(prefix=prefix, suffix=suffix, dir=content))
    if content.stat().st_dev == content.parent.stat().st_dev:
        return Path(tempfile.mkdtemp(prefix=".import-", dir=content.parent))
    raise NoStaging(
        f"{shown(content)} is a file system of its own (a mount), and IGNORE_FILES in "
        "pelicanconf.py hides no folder in it where the import could write its files before "
        'moving them into place; nothing was written: add ".import-*" to IGNORE_FILES and run '
        "the import again"
    )


def write_files(
    plan: Plan,
    content: Path,
    archive_name: str,
    ignores: Sequence[str] = (),
    shown: Callable[[Path], str] = str,
) -> Outcome:
    """Write the plan's files, copies and mentions into `content`, all or nothing (first
    letting through the held-back comments of drafts published since: release_published),
    staged in staging_folder(content, ignores), once what killed imports left is cleared
    (clear_leftovers; ``shown`` names the folders in the lines)."""
    outcome = Outcome()
    release_published(plan, content)
    content.mkdir(parents=True, exist_ok=True)
    state = load_state(content)
    recorded = dict(state)
    outcome.notes += clear_leftovers(content, shown)
    moves: list[tuple[Path, Path]] = []

    def settle(relative: str, digest: str, same: bool) -> bool:
        """Whether to write this file: not there yet, or there as an earlier import left it."""
        target = content / relative
        if not target.exists():
            recorded[relative] = digest
            return True
        if same:
            outcome.unchanged.append(relative)
            recorded[relative] = digest
            return False
        if target.is_file() and state.get(relative) == _file_digest(target):
            outcome.updated.append(relative)
            recorded[relative] = digest
            return True
        outcome.conflicts.append(relative)
        return False

    def _comment_id(text: str) -> str:
        return {k: v for k, v, _ in scan_header(text).keys}.get("comment_id", "")

    def other_post(relative: str, text: str) -> None:
        """A post with comments whose file could not be written: when the file there does not
        carry its Comment_id, it is another post, and the comments would show under it."""
        thread = _comment_id(text)
        if not thread:
            return
        try:
            there = _comment_id((content / relative).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            there = ""
        if there != thread:
            outcome.others.append(relative)
            outcome.held_threads.add(thread)

    with staged(content, ignores, shown) as staging:
        for relative, text in sorted(plan.files.items()):
            target = content / relative
            data = text.encode("utf-8")
            same = target.is_file() and target.read_bytes() == data
            if not settle(relative, _digest(data), same):
                if outcome.conflicts and outcome.conflicts[-1] == relative:
                    other_post(relative, text)
                continue
            temporary = staging / relative
            temporary.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(data)
            moves.append((temporary, target))
        for copy in plan.copies:
            target = content / copy.target
            same = target.is_file() and filecmp.cmp(copy.source, target, shallow=False)
            if not settle(copy.target, _file_digest(copy.source), same):
                continue
            temporary = staging / copy.target
            temporary.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(copy.source, temporary)
            moves.append((temporary, target))
        # only once its file here is this import's: one not overwritten would lose the post
        outcome.superseded = {
            relative: now
            for relative, now in superseded(plan, content, state).items()
            if now not in outcome.conflicts
        }
        # a removed post's gallery folder goes with it, once the new one's is written
        outcome.superseded |= {
            folder: now
            for folder, now in their_galleries(outcome.superseded, plan, content, state).items()
            if now + "gallery.md" not in outcome.conflicts
        }
        for relative in outcome.superseded:
            for recorded_file in [
                k
                for k in recorded
                if k == relative or (relative.endswith("/") and k.startswith(relative))
            ]:
                del recorded[recorded_file]
        if recorded != state:
            temporary = staging / STATE
            text = json.dumps({"version": 1, "files": dict(sorted(recorded.items()))}, indent=1)
            temporary.write_text(text + "\n", encoding="utf-8")
            moves.append((temporary, content / STATE))
        if plan.mentions and archive_name:
            target = content / archive_name
            entries, problem = archive.load(target)
            if problem and target.exists():
                outcome.conflicts.append(f"{archive_name} ({problem})")
            else:
                merged, added = archive.add(entries, plan.mentions)
                outcome.mentions_added = added
                outcome.mentions_present = len(plan.mentions) - added
                if added:
                    temporary = staging / archive_name
                    temporary.parent.mkdir(parents=True, exist_ok=True)
                    temporary.write_text(archive.dumps(merged), encoding="utf-8")
                    moves.append((temporary, target))
        # everything is written and every folder exists: only then move the files into place
        # (a rename each, on the same file system)
        for _, target in moves:
            for folder in target.relative_to(content).parents:
                if (content / folder).exists() and not (content / folder).is_dir():
                    raise NotADirectoryError(
                        20, "a file is where a folder must go", str(content / folder)
                    )
        _move_into_place(moves, content, staging)
        for relative in outcome.superseded:
            _remove(content / relative)
        for _, target in moves:
            relative = target.relative_to(content).as_posix()
            if relative not in (archive_name, STATE, *outcome.updated):
                outcome.written.append(relative)
    return outcome


def _remove(path: Path) -> None:
    """A file, or a folder with its files (only the import's, checked before), gone."""
    if path.is_dir():
        for inside in sorted(path.rglob("*"), key=lambda p: len(p.parts), reverse=True):
            with contextlib.suppress(OSError):
                inside.rmdir() if inside.is_dir() else inside.unlink()
        with contextlib.suppress(OSError):
            path.rmdir()
    else:
        path.unlink(missing_ok=True)


def _move_into_place(staged: list[tuple[Path, Path]], content: Path, staging: Path) -> None:
    """Each staged file to its place, all or none: a rename the disk refuses half-way (a folder
    not writable) puts back what the renames before it replaced, and removes the files and
    folders they made, before the error goes on."""
    made = sorted(
        {
            folder
            for _, target in staged
            for folder in (target.parent, *target.parent.parents)
            if folder.is_relative_to(content) and not folder.exists()
        },
        key=lambda folder: len(folder.parts),
        reverse=True,  # the deepest first, to remove them in that order
    )
    done: list[tuple[Path, Path | None]] = []  # each file moved, and where the one it replaced is
    try:
        for folder in sorted(made, key=lambda folder: len(folder.parts)):
            folder.mkdir(exist_ok=True)
        for number, (temporary, target) in enumerate(staged):
            kept = None
            if target.exists():
                kept = staging / f".replaced-{number}"
                os.replace(target, kept)
            done.append((target, kept))
            os.replace(temporary, target)
    except OSError:
        for target, kept in reversed(done):
            with contextlib.suppress(OSError):
                if kept is not None:
                    os.replace(kept, target)
                else:
                    target.unlink(missing_ok=True)
        for folder in made:
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


# The tables and columns Isso's own code makes (isso/db), which fill_isso writes to: a database
# with other tables, or these without those columns, is another program's, never changed
ISSO_SCHEMA = {
    "threads": {"id", "uri", "title"},
    "comments": {
        "tid", "id", "parent", "created", "modified", "mode", "remote_addr", "text", "author",
        "email", "website", "voters", "notification",
    },
    "preferences": {"key", "value"},
}  # fmt: skip


class NotIsso(ValueError):
    """The database given is not Isso's (the message says what it holds instead)."""


def isso_schema_problem(database: Path) -> str:
    """Why `database` is not a database Isso's comments can be added to ("" when it is, or
    when the file is not there yet), read without changing it: another program's SQLite file
    given by mistake would otherwise get Isso's tables added, then stop half-way."""
    if not database.exists() or (database.is_file() and database.stat().st_size == 0):
        return ""
    try:
        connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {
                name: {row[1] for row in connection.execute(f'PRAGMA table_info("{name}")')}
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                    " AND name NOT LIKE 'sqlite_%'"
                )
            }
        finally:
            connection.close()
    except sqlite3.Error as exc:
        return f"it cannot be read as a database ({exc})"
    foreign = sorted(set(tables) - set(ISSO_SCHEMA))
    if foreign:
        return f"it has tables Isso does not make ({', '.join(foreign)})"
    for name, columns in sorted(tables.items()):
        missing = sorted(ISSO_SCHEMA[name] - columns)
        if missing:
            return f"it has a {name} table without Isso's columns ({', '.join(missing)})"
    return ""


def _isso_tables(database: Path) -> None:
    """Create Isso's tables (or bring an older database up to date) with Isso's own code,
    once the file is known to be Isso's or new (NotIsso otherwise, the file untouched)."""
    from isso import config as isso_config
    from isso.db import SQLite3

    problem = isso_schema_problem(database)
    if problem:
        raise NotIsso(f"{database} is not an Isso database: {problem}; nothing was changed in it")
    SQLite3(str(database), isso_config.load(isso_config.default_file()))


def isso_author(name: str) -> str:
    """A commenter's name as Isso's API stores one a reader posts (``POST /new`` escapes it,
    and Isso's page template puts it in as HTML): the name shows as the text it is."""
    return html.escape(name, quote=False)


def isso_website(url: str) -> str | None:
    """A commenter's website as Isso's API stores it (escaped for the attribute its template
    puts it in), None for one Isso's API refuses (not a web address it accepts)."""
    from isso.views.comments import isurl

    if not url or len(url) > 254 or not isurl(url):
        return None
    return html.escape(url, quote=True)


def fill_isso(threads: list[Thread], database: Path, outcome: Outcome) -> None:
    """Add the threads' comments to an Isso database, replies under their parents, once."""
    from isso.utils import Bloomfilter

    database.parent.mkdir(parents=True, exist_ok=True)
    _isso_tables(database)
    voters = memoryview(Bloomfilter(iterable=[NO_ADDRESS]).array)
    connection = sqlite3.connect(database)
    try:
        with connection:  # one transaction: all the comments or none
            for thread in threads:
                if thread.id in outcome.held_threads:
                    continue  # its post's file is another post's (write_files): not under it
                connection.execute(
                    "INSERT OR IGNORE INTO threads (uri, title) VALUES (?, ?)",
                    (thread.id, thread.title),
                )
                (tid,) = connection.execute(
                    "SELECT id FROM threads WHERE uri = ?", (thread.id,)
                ).fetchone()
                # keyed by the name as text: an earlier import stored it unescaped
                present = {
                    (round(created, 3), html.unescape(author or ""), text): (cid, parent)
                    for cid, parent, created, author, text in connection.execute(
                        "SELECT id, parent, created, author, text FROM comments WHERE tid = ?",
                        (tid,),
                    )
                }
                ids: dict[str, int] = {}
                roots: dict[int, int] = {cid: parent or cid for cid, parent in present.values()}
                for comment in thread.comments:
                    if comment.website and isso_website(comment.website) is None:
                        outcome.notes.append(
                            f"comment by {comment.author!r} on {thread.title!r}: its website "
                            f"{comment.website!r} is not an address Isso takes: left out"
                        )
                    key = (round(comment.created, 3), comment.author, comment.text)
                    # an earlier import dated an undated comment 0 (1970): the same comment
                    key = key if key in present else (0.0, *key[1:])
                    if key in present:
                        ids[comment.key] = present[key][0]
                        outcome.comments_present += 1
                        # an earlier import's unescaped name or website, or its date 0: as
                        # Isso would store them, and as this import dates it
                        connection.execute(
                            "UPDATE comments SET author = ?, website = ?, created = ? WHERE id = ?",
                            (
                                isso_author(comment.author),
                                isso_website(comment.website),
                                comment.created,
                                present[key][0],
                            ),
                        )
                        continue
                    key = (round(comment.created, 3), comment.author, comment.text)
                    parent = ids.get(comment.parent) if comment.parent else None
                    # Isso shows one level of replies: a reply to a reply goes under the top one
                    root = roots.get(parent, parent) if parent else None
                    cursor = connection.execute(
                        "INSERT INTO comments (tid, parent, created, modified, mode, remote_addr,"
                        " text, author, email, website, voters, notification)"
                        " VALUES (?, ?, ?, NULL, 1, ?, ?, ?, NULL, ?, ?, 0)",
                        (
                            tid,
                            root,
                            comment.created,
                            NO_ADDRESS,
                            comment.text,
                            isso_author(comment.author),
                            isso_website(comment.website),
                            voters,
                        ),
                    )
                    ids[comment.key] = cursor.lastrowid
                    roots[cursor.lastrowid] = root or cursor.lastrowid
                    present[key] = (cursor.lastrowid, root)
                    outcome.comments_added += 1
    finally:
        connection.close()
