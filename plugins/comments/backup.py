"""Back up and restore Isso's comment database with SQLite's online backup API; no Pelican here.

A backup is a consistent copy taken while Isso runs (``sqlite3.Connection.backup``), checked
with ``PRAGMA integrity_check`` and for Isso's tables. A restore never replaces a database
silently: it refuses when the target exists unless told to overwrite, and then first keeps the
current database beside it (``comments.db.before-restore-<time>``).

Runs alone on the comment server too (imports only the standard library)::

    python3 backup.py backup /var/lib/isso/comments.db /var/backups/isso/
    python3 backup.py restore /var/backups/isso/comments-20261203-041500.db \
        /var/lib/isso/comments.db --overwrite
"""

from __future__ import annotations

import argparse
import datetime
import sqlite3
import sys
from pathlib import Path

ISSO_TABLES = {"comments", "threads"}


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why and what to do."""


def _stamp() -> str:
    return datetime.datetime.now().strftime("%Y%m%d-%H%M%S")


def check(path: Path) -> int:
    """The number of comments in an intact Isso database; BackupError otherwise."""
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            verdict = db.execute("PRAGMA integrity_check").fetchone()[0]
            if verdict != "ok":
                raise BackupError(f"{path}: damaged ({verdict})")
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
            if not ISSO_TABLES.issubset(tables):
                raise BackupError(f"{path}: not an Isso database (no comments/threads tables)")
            return db.execute("SELECT COUNT(*) FROM comments").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path}: not a readable SQLite database ({exc})") from None


def _copy(source: Path, target: Path) -> None:
    """Copy one SQLite database onto another with the online backup API (pages, not bytes)."""
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def backup(database: Path, destination: Path) -> tuple[Path, int]:
    """Copy the live database to ``destination``; return the copy and its number of comments
    (from the check that passed it: a second would read the whole copy again).

    ``destination`` is a new file when it ends in ``.db``, else a folder (made if needed) that
    receives ``<name>-<date>-<time>.db``.
    """
    check(database)
    if destination.is_dir() or destination.suffix != ".db":
        destination.mkdir(parents=True, exist_ok=True)
        destination = destination / f"{database.stem}-{_stamp()}.db"
    if destination.exists():
        raise BackupError(f"{destination} exists already; choose a new name or a folder")
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        _copy(database, partial)
        comments = check(partial)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.rename(destination)
    return destination, comments


def restore(copy: Path, database: Path, overwrite: bool = False) -> tuple[Path | None, int]:
    """Put a backup in place of the database; return where the replaced one was kept (None:
    there was none) and the restored database's number of comments."""
    check(copy)
    kept = None
    if database.exists():
        if not overwrite:
            raise BackupError(
                f"{database} exists ({check(database)} comments); pass --overwrite to replace "
                "it (the current database is kept beside it first)"
            )
        kept = database.with_name(f"{database.name}.before-restore-{_stamp()}")
        _copy(database, kept)
    database.parent.mkdir(parents=True, exist_ok=True)
    # into the live file through SQLite, so a running Isso sees the restored data, not a
    # half-copied file
    _copy(copy, database)
    return kept, check(database)


def main(argv: list[str] | None = None) -> None:
    """Command line: backup DB DEST | restore COPY DB [--overwrite]."""
    parser = argparse.ArgumentParser(description="Back up or restore Isso's comment database.")
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("backup")
    make.add_argument("database", type=Path)
    make.add_argument("destination", type=Path)
    put = commands.add_parser("restore")
    put.add_argument("copy", type=Path)
    put.add_argument("database", type=Path)
    put.add_argument("--overwrite", action="store_true")
    args = parser.parse_args(argv)
    try:
        if args.command == "backup":
            made, comments = backup(args.database, args.destination)
            print(f"{made}: {comments} comments")
        else:
            kept, comments = restore(args.copy, args.database, args.overwrite)
            print(f"{args.database}: restored, {comments} comments")
            if kept:
                print(f"the database it replaced is kept as {kept}")
    except BackupError as exc:
        sys.exit(f"error: {exc}")


if __name__ == "__main__":
    main()
